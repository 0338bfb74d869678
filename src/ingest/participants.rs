//! Attendance lists: numbered or bulleted under "List of participants", "Attendees:" or
//! "Present:", or inline and separated by semicolons; entries as "Given Family, role",
//! "Family, Given - affiliation (role)", "Name (affiliation)".

use super::lines::Line;
use super::summary::{is_item_start, strip_marker};
use crate::lexicon::lexicon;
use crate::model::Participant;
use crate::text::names::{given_family, strip_honorifics, title_case_if_upper};
use crate::text::{squash, strip_emphasis};
use regex::Regex;
use std::sync::LazyLock;

static LIST_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:annex\s+[\w.]+\s*[:\-–]\s*|appendix\s+[\w.]+\s*[:\-–]\s*)?(?:list of participants|participants list|list of attendees|participants|attendees|attendance|present|in attendance|participating|members present|also present)\s*(?:\([^)]*\))?\s*:?\s*(?P<rest>.*)$")
        .expect("participant list heading")
});
static STOP_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:apologies|absent|regrets|notes?|moderator|chair|agenda|minutes|observers)\s*:",
    )
    .expect("next key")
});

/// Words that mark a role rather than an organisation.
const ROLE_WORDS: &[&str] = &[
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

/// The attendance list, when the document has one.
pub fn participants(lines: &[Line<'_>]) -> Vec<Participant> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let text = strip_emphasis(lines[i].text.trim_start().trim_start_matches('#'));
        let Some(c) = LIST_HEADING.captures(text.trim()) else {
            i += 1;
            continue;
        };
        // "Participants were invited to share ideas" is a sentence, not a heading
        let head_words = text.trim().len() - c["rest"].len();
        if !text.contains(':') && (!c["rest"].trim().is_empty() || head_words > 40) {
            i += 1;
            continue;
        }
        let rest = c["rest"].trim().to_string();
        if !rest.is_empty() {
            let mut inline = rest;
            let mut j = i + 1;
            while j < lines.len()
                && !lines[j].text.trim().is_empty()
                && !STOP_KEY.is_match(lines[j].text)
                && !LIST_HEADING.is_match(lines[j].text)
            {
                inline.push(' ');
                inline.push_str(lines[j].text.trim());
                j += 1;
            }
            out.extend(inline_entries(&inline));
            i = j;
            continue;
        }
        let mut j = i + 1;
        let mut seen = false;
        while j < lines.len() {
            let t = lines[j].text;
            if t.trim().is_empty() {
                if seen {
                    // a blank line may separate entries; stop at the first non-entry after it
                    let next = lines[j + 1..].iter().find(|l| !l.text.trim().is_empty());
                    if next.is_none_or(|l| !is_item_start(l.text)) {
                        break;
                    }
                }
                j += 1;
                continue;
            }
            if !is_item_start(t) {
                if seen
                    && t.starts_with([' ', '\t'])
                    && !t.trim().is_empty()
                    && !lines[j - 1].text.trim().is_empty()
                {
                    j += 1; // wrapped entry
                    continue;
                }
                break;
            }
            seen = true;
            if let Some(p) = entry(strip_marker(t)) {
                out.push(p);
            }
            j += 1;
        }
        if seen {
            i = j;
        } else {
            i += 1;
        }
    }
    let mut unique: Vec<Participant> = Vec::new();
    for p in out {
        if !unique.iter().any(|u| u.name == p.name) {
            unique.push(p);
        }
    }
    unique
}

/// Entries of an inline list: "A (co-chair); B; C, D, E (co-chairs); F (APC)".
fn inline_entries(text: &str) -> Vec<Participant> {
    let text = text.trim().trim_end_matches('.');
    let groups: Vec<&str> = if text.contains(';') {
        text.split(';').collect()
    } else {
        vec![text]
    };
    let mut out = Vec::new();
    for g in groups {
        let g = g.trim();
        if g.is_empty() {
            continue;
        }
        let (names_part, paren) = match (g.rfind('('), g.ends_with(')')) {
            (Some(i), true) => (&g[..i], Some(&g[i + 1..g.len() - 1])),
            _ => (g, None),
        };
        let parts: Vec<&str> = names_part
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        let many = parts.len() > 1 && parts.iter().all(|p| looks_like_name(p));
        if many {
            let role = paren.map(singular_role);
            for p in parts {
                let (aff, r) = classify(role.as_deref());
                out.push(Participant {
                    name: clean_name(p),
                    affiliation: aff,
                    role: r,
                });
            }
        } else if let Some(p) = entry(g) {
            out.push(p);
        }
    }
    out
}

fn singular_role(r: &str) -> String {
    let r = r.trim();
    if r.ends_with("chairs") || r.ends_with("members") || r.ends_with("coordinators") {
        r[..r.len() - 1].to_string()
    } else {
        r.to_string()
    }
}

fn classify(part: Option<&str>) -> (Option<String>, Option<String>) {
    match part {
        Some(p) if is_role(p) => (None, Some(p.to_string())),
        Some(p) => (Some(p.to_string()), None),
        None => (None, None),
    }
}

fn is_role(s: &str) -> bool {
    s.split(|c: char| c.is_whitespace() || c == ',').any(|w| {
        ROLE_WORDS.contains(
            &w.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '-'),
        )
    })
}

/// Whether a phrase is shaped like a person's name: 1-5 capitalised words (particles
/// allowed), no digits.
pub fn looks_like_name(s: &str) -> bool {
    let s = strip_honorifics(s.trim());
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || s.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    words.iter().enumerate().all(|(i, w)| {
        let first = w.chars().next().unwrap_or(' ');
        (first.is_uppercase() && !is_acronym(w) && !is_role(w))
            || (i > 0 && lexicon().people.particles.contains(&w.to_lowercase()))
    })
}

fn is_acronym(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2
        && letters.iter().all(|c| c.is_uppercase())
        && w.len() <= 6
        && !w.contains('.')
}

fn clean_name(s: &str) -> String {
    title_case_if_upper(&squash(strip_honorifics(s.trim())))
}

/// One entry of a list: name, then affiliation and role as well as the entry allows.
pub fn entry(raw: &str) -> Option<Participant> {
    let raw = squash(&strip_emphasis(raw))
        .trim()
        .trim_end_matches(['.', ';'])
        .to_string();
    if raw.is_empty() {
        return None;
    }
    // "Gengo, Anja - IGF Secretariat (Host)"
    let (head, dash_rest) = match raw.split_once(" - ").or_else(|| raw.split_once(" – ")) {
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
    let segs: Vec<String> = head_np
        .split(',')
        .map(squash)
        .filter(|s| !s.is_empty())
        .collect();
    if segs.is_empty() {
        return None;
    }
    let (name, rest_segs): (String, Vec<String>) = if segs.len() >= 2
        && segs[0].split_whitespace().count() == 1
        && looks_like_name(&segs[1])
        && segs[1].split_whitespace().count() <= 2
        && !is_role(&segs[1])
    {
        (
            given_family(&format!("{}, {}", segs[0], segs[1])),
            segs[2..].to_vec(),
        )
    } else {
        // the name runs until the first word that cannot be part of a name
        let words: Vec<&str> = segs[0].split_whitespace().collect();
        let mut n = 0;
        for (i, w) in words.iter().enumerate() {
            let first = w.chars().next().unwrap_or(' ');
            let ok = (first.is_uppercase() && !is_acronym(w) && !is_role(w) && !w.contains('\''))
                || (i > 0 && lexicon().people.particles.contains(&w.to_lowercase()))
                || (i == 0 && crate::text::names::is_honorific(w));
            if !ok {
                break;
            }
            n = i + 1;
        }
        let mut rest = segs[1..].to_vec();
        if n < words.len() {
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
    Some(Participant {
        name,
        affiliation: join(affs),
        role: join(roles),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::lines::lines;

    fn e(s: &str) -> (String, Option<String>, Option<String>) {
        let p = entry(s).unwrap();
        (p.name, p.affiliation, p.role)
    }

    #[test]
    fn test_entry_shapes() {
        assert_eq!(
            e("Amrita Choudhury Group's Co-Chair, IGF MAG member"),
            (
                "Amrita Choudhury".into(),
                None,
                Some("Group's Co-Chair, IGF MAG member".into())
            )
        );
        assert_eq!(
            e("Miloshevic, Desiree, IGF MAG member"),
            (
                "Desiree Miloshevic".into(),
                None,
                Some("IGF MAG member".into())
            )
        );
        assert_eq!(
            e("Gengo, Anja - IGF Secretariat (Host)"),
            (
                "Anja Gengo".into(),
                Some("IGF Secretariat".into()),
                Some("Host".into())
            )
        );
        assert_eq!(
            e("Isra Rosas (ISOC)"),
            ("Isra Rosas".into(), Some("ISOC".into()), None)
        );
        assert_eq!(
            e("Cassa, Titti (AgID, Italy), WG co-chair"),
            (
                "Titti Cassa".into(),
                Some("AgID, Italy".into()),
                Some("WG co-chair".into())
            )
        );
        assert_eq!(
            e("Wout de Natris, DC IS3C coordinator"),
            (
                "Wout de Natris".into(),
                Some("DC IS3C".into()),
                Some("coordinator".into())
            )
        );
        assert_eq!(
            e("Alison Balzer (Foreign Affairs Officer at U.S. Department of State)")
                .2
                .as_deref(),
            Some("Foreign Affairs Officer")
        );
    }

    #[test]
    fn test_entry_rejects_lines_without_a_name() {
        assert!(entry("Other participants joined by telephone").is_none());
        assert!(entry("IGF Secretariat").is_none());
    }

    #[test]
    fn test_numbered_and_inline_lists() {
        let doc = "List of participants:\n\n1. Amrita Choudhury, WG co-chair\n2. Chris Buckridge\n\nOther participants joined by phone.\n";
        let p = participants(&lines(doc));
        assert_eq!(
            p.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            ["Amrita Choudhury", "Chris Buckridge"]
        );
        let doc = "Present: Titti Cassa, Chris Buckridge (co-chairs);\nJorge Cancio; Anja Gengo (IGF Secretariat)\nApologies: Amrita Choudhury\n";
        let p = participants(&lines(doc));
        assert_eq!(p.len(), 4);
        assert_eq!(p[0].role.as_deref(), Some("co-chair"));
        assert_eq!(p[3].affiliation.as_deref(), Some("IGF Secretariat"));
    }

    #[test]
    fn test_sentence_starting_with_participants_is_not_a_list() {
        let doc =
            "Participants were invited to share ideas and proposals.\n\n- Chris Buckridge spoke\n";
        assert!(participants(&lines(doc)).is_empty());
    }
}
