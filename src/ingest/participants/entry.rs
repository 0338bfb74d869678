//! One entry of an attendance list: the name in "Given Family" order, then affiliation
//! and role as well as the entry allows. Entries come as "Given Family, role", "Family,
//! Given - affiliation (role)", "Name (affiliation)", "FAMILY Given", "Given FAMILY" and
//! "Family, Given (Ms)".

use crate::lexicon::lexicon;
use crate::model::Participant;
use crate::text::names::{caps_family_order, given_family, is_honorific, strip_honorifics};
use crate::text::{squash, strip_emphasis};

/// Words that mark a role rather than an organisation.
pub(super) const ROLE_WORDS: &[&str] = &[
    "chair",
    "co-chair",
    "cochair",
    "co-chairs",
    "member",
    "members",
    "coordinator",
    "expert",
    "officer",
    "host",
    "moderator",
    "rapporteur",
    "focal",
    "secretary",
    "director",
    "head",
    "minister",
    "ambassador",
    "advisor",
    "adviser",
    "president",
    "ceo",
    "manager",
    "lead",
    "facilitator",
    "co-facilitator",
    "representative",
    "observer",
    "speaker",
    "staff",
    "consultant",
    "fellow",
    "professor",
    "researcher",
    "penholder",
    "vice",
    "chairman",
    "chairperson",
    "convenor",
    "convener",
    "note-taker",
    "notetaker",
    "envoy",
    "deputy",
    "founder",
    "editor",
];
/// Words that qualify a role ("IGF MAG member", "Group's Co-Chair", "former").
const ROLE_QUALIFIERS: &[&str] = &[
    "igf",
    "mag",
    "wg",
    "group's",
    "former",
    "host",
    "country",
    "independent",
    "senior",
    "deputy",
    "vice",
    "chief",
    "executive",
    "special",
    "substantive",
    "nris",
    "youth",
    "past",
    "focal",
    "point",
    "co",
    "the",
    "and",
    "of",
    "affairs",
    "foreign",
    "general",
    "technical",
    "programme",
    "program",
    "policy",
    "working",
    "group",
];

pub(super) fn classify(part: Option<&str>) -> (Option<String>, Option<String>) {
    match part {
        Some(p) if is_role(p) => (None, Some(p.to_string())),
        Some(p) => (Some(p.to_string()), None),
        None => (None, None),
    }
}

pub(super) fn is_role(s: &str) -> bool {
    s.split(|c: char| c.is_whitespace() || c == ',').any(|w| {
        ROLE_WORDS.contains(
            &w.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '-'),
        )
    })
}

/// Whether a phrase is shaped like a person's name: 1-5 name words ([`name_word`]), no
/// digits.
pub fn looks_like_name(s: &str) -> bool {
    let s = strip_honorifics(s.trim());
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || s.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    (0..words.len()).all(|i| name_word(&words, i))
}

fn is_caps(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Whether word `i` of `words` may be part of a person's name: a capitalised word that is
/// no role, no word of the lexicon's `non_name` list (a month or weekday may lead: "June
/// Parris"), no possessive ("Group's"); a particle inside the name ("Wout de Natris"); or a
/// family name in capitals beside a given name that is not ("CASSA Concettina", "Titti
/// CASSA"), where a short capitalised word alone would be an acronym ("ISOC").
pub(super) fn name_word(words: &[&str], i: usize) -> bool {
    let w = words[i];
    let lower = w.to_lowercase();
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if i > 0 && lexicon().people.particles.contains(lower.as_str()) {
        return true;
    }
    let first = w.chars().next().unwrap_or(' ');
    if !first.is_uppercase() || is_role(w) || lower.ends_with("'s") || lower.ends_with("’s") {
        return false;
    }
    // "Amaka Eze Independent Expert": a qualifier that leads into a role is the role's
    if ROLE_QUALIFIERS.contains(&bare) && words[i + 1..].iter().any(|w| is_role(w)) {
        return false;
    }
    let nn = &lexicon().speakers.non_name;
    let calendar = lexicon().gaps.months.contains(bare) || bare.ends_with("day");
    if nn.contains(bare) && !(i == 0 && calendar) {
        return false;
    }
    if is_acronym(w) {
        let given = |j: usize| {
            words.get(j).is_some_and(|x| {
                !is_caps(x)
                    && x.chars().next().is_some_and(char::is_uppercase)
                    && !is_role(x)
                    && !nn.contains(x.to_lowercase().as_str())
            })
        };
        return (i == 0 && given(1) && words.len() <= 3)
            || (i == 1 && given(0))
            || (i >= 2 && is_caps(words[i - 1]) && given(0));
    }
    true
}

fn is_acronym(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2
        && letters.iter().all(|c| c.is_uppercase())
        && w.len() <= 6
        && !w.contains('.')
}

pub(super) fn clean_name(s: &str) -> String {
    caps_family_order(&squash(strip_honorifics(s.trim())))
}

/// One entry of a list: name, then affiliation and role as well as the entry allows.
pub fn entry(raw: &str) -> Option<Participant> {
    parse(raw).map(|(p, _)| p)
}

/// An entry on a line of its own, which must not be a sentence: the name is followed by
/// nothing, by a separator, by a capitalised word (a role or affiliation without its
/// comma) or by a word that links an affiliation ("of", "from"), never by a verb.
pub fn line_entry(raw: &str) -> Option<Participant> {
    parse(raw).and_then(|(p, clean)| clean.then_some(p))
}

/// Words after a name that introduce its affiliation, not a verb.
const LINK_WORDS: &[&str] = &[
    "of",
    "from",
    "for",
    "at",
    "representing",
    "on",
    "with",
    "in",
];

fn parse(raw: &str) -> Option<(Participant, bool)> {
    let raw = squash(&strip_emphasis(raw))
        .trim()
        .trim_end_matches(['.', ';'])
        .to_string();
    if raw.is_empty() {
        return None;
    }
    // "Gengo, Anja - IGF Secretariat (Host)"
    let (head, dash_rest) = match [" - ", " – ", " — "].iter().find_map(|d| raw.split_once(d)) {
        Some((a, b)) => (a.to_string(), Some(b.to_string())),
        None => (raw.clone(), None),
    };
    let mut parens: Vec<String> = Vec::new();
    let mut head_np = String::new();
    let mut depth = 0;
    let mut cur = String::new();
    for ch in head.chars() {
        match ch {
            '(' => {
                depth += 1;
                if depth == 1 {
                    continue;
                }
            }
            ')' => {
                depth -= 1;
                if depth == 0 {
                    parens.push(std::mem::take(&mut cur));
                    continue;
                }
            }
            _ => {}
        }
        if depth > 0 {
            cur.push(ch);
        } else {
            head_np.push(ch);
        }
    }
    // "Anja Gengo: IGF Secretariat" is "Anja Gengo, IGF Secretariat"
    let segs: Vec<String> = head_np
        .replace(": ", ", ")
        .split(',')
        .map(squash)
        .filter(|s| !s.is_empty())
        .collect();
    if segs.is_empty() {
        return None;
    }
    let mut clean = true;
    // "Ochoa Quintanilla, Javier (Mr)": the title after the given name marks the order,
    // so a family part of two or three name words is turned round too
    let titled = parens
        .iter()
        .any(|p| p.split_whitespace().count() == 1 && is_honorific(p.trim()));
    let long_family = |f: &str| {
        let w: Vec<&str> = f.split_whitespace().collect();
        (2..=3).contains(&w.len()) && (0..w.len()).all(|i| name_word(&w, i))
    };
    let (name, rest_segs): (String, Vec<String>) = if segs.len() >= 2
        && (is_family_part(&segs[0])
            || titled && long_family(&segs[0]) && segs[1].split_whitespace().count() == 1)
        && looks_like_name(&segs[1])
        && segs[1].split_whitespace().count() <= 2
        && !is_role(&segs[1])
    {
        (
            given_family(&format!("{}, {}", segs[0], segs[1])),
            segs[2..].to_vec(),
        )
    } else {
        // the name runs, after any honorifics, until the first word that cannot be part
        // of a name
        let all: Vec<&str> = segs[0].split_whitespace().collect();
        let start = all.iter().take_while(|w| is_honorific(w)).count();
        let words = &all[start..];
        let mut n = 0;
        for i in 0..words.len() {
            if !name_word(words, i) {
                break;
            }
            n = i + 1;
        }
        let mut rest = segs[1..].to_vec();
        if n < words.len() {
            let next = words[n];
            // "Hiroko Tanaka independent expert": a role without its comma
            let lower = next.to_lowercase();
            let role_follows = (ROLE_WORDS.contains(&lower.as_str())
                || ROLE_QUALIFIERS.contains(&lower.as_str())
                    && !matches!(lower.as_str(), "the" | "and" | "of"))
                && words[n..].iter().any(|w| is_role(w));
            clean = next.chars().next().is_some_and(|c| !c.is_lowercase())
                || LINK_WORDS.contains(&next)
                || role_follows;
            rest.insert(0, words[n..].join(" "));
        }
        (words[..n].join(" "), rest)
    };
    let name = clean_name(&name);
    if name.split_whitespace().count() < 2 || !looks_like_name(&name) {
        return None;
    }
    let mut roles: Vec<String> = Vec::new();
    let mut affs: Vec<String> = Vec::new();
    let place = |s: &str, roles: &mut Vec<String>, affs: &mut Vec<String>| {
        let s = s.trim();
        if s.is_empty() {
            return;
        }
        if let Some((r, a)) = s.split_once(" at ") {
            if is_role(r) {
                roles.push(r.trim().into());
                affs.push(a.trim().into());
                return;
            }
        }
        if is_role(s) {
            let words: Vec<&str> = s.split_whitespace().collect();
            let split = words.iter().position(|w| {
                let l = w.to_lowercase();
                !ROLE_QUALIFIERS.contains(&l.as_str()) && !is_role(w)
            });
            let last_role = words.iter().rposition(|w| is_role(w)).unwrap_or(0);
            match split {
                Some(0) if last_role > 0 && words[..last_role].iter().all(|w| !is_role(w)) => {
                    affs.push(words[..last_role].join(" "));
                    roles.push(words[last_role..].join(" "));
                }
                _ => roles.push(s.into()),
            }
        } else {
            affs.push(s.into());
        }
    };
    // a comma-separated run after the name: roles and affiliations in order
    let mut pending_aff: Vec<String> = Vec::new();
    for s in &rest_segs {
        if is_role(s) {
            if !pending_aff.is_empty() {
                affs.push(pending_aff.join(", "));
                pending_aff.clear();
            }
            place(s, &mut roles, &mut affs);
        } else {
            pending_aff.push(s.clone());
        }
    }
    if !pending_aff.is_empty() {
        affs.push(pending_aff.join(", "));
    }
    for p in &parens {
        // "Cassa, Titti (Ms)": a title, not an affiliation
        if p.split_whitespace().count() == 1 && is_honorific(p.trim()) {
            continue;
        }
        if is_role(p) {
            for part in p.split(',') {
                place(part, &mut roles, &mut affs);
            }
        } else {
            affs.push(p.trim().to_string());
        }
    }
    if let Some(d) = dash_rest {
        let (d_np, d_paren) = match (d.rfind('('), d.ends_with(')')) {
            (Some(i), true) => (
                d[..i].trim().to_string(),
                Some(d[i + 1..d.len() - 1].to_string()),
            ),
            _ => (d.clone(), None),
        };
        place(&d_np, &mut roles, &mut affs);
        if let Some(p) = d_paren {
            place(&p, &mut roles, &mut affs);
        }
    }
    let join = |v: Vec<String>| (!v.is_empty()).then(|| v.join(", "));
    Some((
        Participant {
            name,
            affiliation: join(affs),
            role: join(roles),
        },
        clean,
    ))
}

/// The family-name part of "Family, Given": one name word, or a few with a particle
/// ("Martins dos Santos", "de Natris", "St. Amour").
fn is_family_part(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let particle = |w: &str| {
        let l = w.to_lowercase();
        lexicon().people.particles.contains(l.as_str()) || l == "st."
    };
    match words.len() {
        1 => name_word(&words, 0),
        2..=4 => {
            words.iter().any(|w| particle(w))
                && words
                    .iter()
                    .enumerate()
                    .all(|(i, w)| particle(w) || name_word(&words, i))
        }
        _ => false,
    }
}
