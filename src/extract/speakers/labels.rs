//! Turn labels to people: `>> NAME:` title-cased and matched to the people of the
//! document; role labels (`CHAIR`, `CHAIR KARKLINS`, `HOST COUNTRY`) resolved through who
//! is named as chair or introduces themselves; organisation and country labels
//! (`UNESCO`, `NORWAY`) kept as labels, with a person only when the turn names one.

use super::{is_name_shape, Attribution};
use crate::lexicon::lexicon;
use crate::model::{Block, BlockKind};
use crate::text::ascii_regex::Pattern;
use crate::text::gate::Gate;
use crate::text::names::{
    given_family, honorific_alternation, is_honorific, split_label, strip_honorifics,
    title_case_if_upper,
};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

static SELF_INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\b(?:this is|my name is|I am|I'm|it's)\s+|^(?:Yes,\s+|Hello,\s+|Thank you,?\s+(?:\w+,\s+)?)?)(?P<n>[\p{Lu}][\p{L}'’\-]+\s+[\p{Lu}][\p{L}'’\-]+)(?:\s+again)?(?:\s+(?:from|speaking|for the record|here)\b|[,.])")
        .expect("self introduction")
});
/// The chair named where the floor is handed over: "our Chair, Paul Mitchell", "let me
/// hand it over to Anriette, our Chair", "Janis Karklins, ... chairman of the MAG".
pub(super) static CHAIR_NAMED: LazyLock<Pattern> = LazyLock::new(|| {
    let name = r"[\p{Lu}][\p{L}'’\-]+(?:\s+(?:St\.\s*)?[\p{Lu}][\p{L}'’\-]+){0,3}";
    let hon = format!(r"(?:{}\.?\s+)", honorific_alternation());
    let chair = r"(?i:(?:co-)?chair(?:man|person|woman)?)";
    Pattern::new(
        &format!(
            r"(?:\b(?i:our|the)\s+(?i:(?:mag|igf)\s+)?{chair}\s*,?\s+{hon}?(?P<n>{name})|(?P<m>{name})\s*,\s+(?i:our|the)\s+(?i:(?:mag|igf)\s+)?{chair}\b|(?P<k>{name})\s*,\s+[^.;:]{{0,80}}?\b{chair}\s+of\s+the\s+(?i:mag|meeting|group|forum|igf)\b)"
        ),
        "chair named",
    )
});
/// The floor handed to someone, who chairs when nothing else says so: "I hand over to
/// Lynn", "let me pass it to Paul".
static HANDED_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:\bthe\s+floor\s+to|\b(?:hand|pass|give|turn)\s+(?:it\s+|things\s+|this\s+|the\s+floor\s+|the\s+meeting\s+)?(?:over\s+|back\s+)?to)\s*,?\s+(?P<n>[\p{Lu}][\p{L}'’\-]+(?:\s+(?:St\.\s+)?[\p{Lu}][\p{L}'’\-]+){0,3})").expect("handed to")
});
/// A speaker naming themselves inside a turn: "this is Ana Lee from UNESCO", "my name is
/// ...", "Ana Lee speaking".
static NAMES_SELF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\b(?i:this is|my name is|I am|I'm)\s+(?P<n>[\p{Lu}][\p{L}'’\-]+(?:\s+[\p{Lu}][\p{L}'’\-]+){1,2})|(?P<m>[\p{Lu}][\p{L}'’\-]+\s+[\p{Lu}][\p{L}'’\-]+)\s+(?:speaking|here)\b)").expect("names self")
});
static FLOOR_YOURS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<n>[\p{Lu}][\p{L}'’\-]+),\s+the floor is yours").expect("floor")
});

/// Turn labels to people: names title-cased and matched to the participant list, role
/// labels (`CHAIR`, `CHAIR MITCHELL`, `HOST COUNTRY`) resolved through the document, and
/// organisation or country labels (`UNESCO`, `NORWAY`) left without a person unless the
/// turn names who speaks.
pub(super) fn resolve_turn_labels(blocks: &mut [Block], at: &mut Attribution) {
    // names first, so that "CHAIR MITCHELL" can find "Paul Mitchell"
    let mut role_labels: Vec<String> = Vec::new();
    for b in blocks.iter().filter(|b| b.kind == BlockKind::Turn) {
        let Some(label) = &b.label else { continue };
        let (name, _) = split_label(label);
        if is_role_label(&name) {
            if !role_labels.contains(&name) {
                role_labels.push(name);
            }
        } else if looks_personal(&name) {
            let display = title_case_if_upper(&given_family(&name));
            at.registry.add(&display);
        }
    }
    let owned: Vec<String> = blocks.iter().map(|b| b.text.clone()).collect();
    let texts: Vec<&str> = owned.iter().map(String::as_str).collect();
    // every form of CHAIR_NAMED holds "chair", every form of HANDED_TO one of its verbs:
    // a scan for those words skips the patterns' scan of most blocks
    static CHAIR_WORD: LazyLock<Gate> = LazyLock::new(|| Gate::new(&["chair"]));
    static HANDING_WORD: LazyLock<Gate> =
        LazyLock::new(|| Gate::new(&["floor", "hand", "pass", "give", "turn"]));
    if at.moderator.is_none() {
        'chair: for t in texts.iter().filter(|t| CHAIR_WORD.may_match(t)) {
            for c in CHAIR_NAMED.captures_all(t) {
                let n = c
                    .name("n")
                    .or(c.name("m"))
                    .or(c.name("k"))
                    .map_or("", |m| m.as_str());
                if let Some(p) = person_named(n, at, &texts) {
                    at.moderator = Some(p);
                    break 'chair;
                }
            }
        }
    }
    if at.moderator.is_none() {
        for t in texts.iter().filter(|t| HANDING_WORD.may_match(t)) {
            if let Some(c) = HANDED_TO.captures(t) {
                if let Some(p) = at.registry.resolve(&c["n"]) {
                    at.moderator = Some(p);
                    break;
                }
            }
        }
    }
    // a role label is the person it names ("CHAIR KARKLINS"), the chair, or the person
    // who introduces themselves in its first turn
    let mut role_people: Vec<(String, Option<String>)> = Vec::new();
    for rl in &role_labels {
        let words: Vec<&str> = rl.split_whitespace().collect();
        let non_role: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| {
                !lexicon()
                    .speakers
                    .label_roles
                    .contains(w.trim_end_matches(':'))
            })
            .collect();
        let chair_word = words
            .iter()
            .any(|w| *w == "CHAIR" || *w == "MODERATOR" || *w == "CO-CHAIR");
        let mut who = None;
        if !non_role.is_empty() {
            let family = title_case_if_upper(&non_role.join(" "));
            who = person_named(&family, at, &texts).or(Some(family));
        } else if chair_word {
            who = at.moderator.clone();
        }
        if who.is_none() {
            let first = blocks.iter().find(|b| {
                b.kind == BlockKind::Turn
                    && b.label.as_deref().map(|l| split_label(l).0) == Some(rl.clone())
            });
            if let Some(f) = first {
                if let Some(c) = SELF_INTRO.captures(&f.text) {
                    let n = &c["n"];
                    if is_name_shape(n) {
                        who = at.registry.resolve(n).or_else(|| at.registry.add(n));
                    }
                }
            }
        }
        if chair_word && at.moderator.is_none() {
            at.moderator = who.clone();
        }
        role_people.push((rl.clone(), who));
    }
    // an organisation label speaks through the person its turn names, until another is named
    let mut org_voice: Vec<(String, String)> = Vec::new();
    // the full name a label's word completes, looked up once per word: the texts do not
    // change in this loop, and a transcript repeats its labels hundreds of times
    let mut completions: HashMap<String, Option<String>> = HashMap::new();
    for b in blocks.iter_mut().filter(|b| b.kind == BlockKind::Turn) {
        let Some(label) = b.label.clone() else {
            continue;
        };
        let (name, _) = split_label(&label);
        let role = role_people.iter().find(|(r, _)| *r == name);
        b.speaker = if let Some((_, Some(who))) = role {
            Some(who.clone())
        } else if role.is_none() && looks_personal(&name) {
            let display = title_case_if_upper(&given_family(&name));
            at.registry.resolve(&display).or(Some(display))
        } else if role.is_some() || (is_upper_label(&name) && !name.contains(' ')) {
            // a role or organisation label: a known person it names ("MASANGO"), the
            // person the turn introduces, a full name the text writes with the label's
            // word, or whoever this label last introduced
            let word = title_case_if_upper(&name);
            let known = role.is_none().then(|| at.registry.resolve(&word)).flatten();
            let named = NAMES_SELF.captures(&b.text).and_then(|c| {
                let n = c.name("n").or(c.name("m")).map_or("", |m| m.as_str());
                is_name_shape(n)
                    .then(|| at.registry.resolve(n).or_else(|| at.registry.add(n)))
                    .flatten()
            });
            if let Some(n) = &named {
                org_voice.retain(|(l, _)| *l != name);
                org_voice.push((name.clone(), n.clone()));
            }
            let mut completed = || {
                (role.is_none() && !word.contains(' '))
                    .then(|| {
                        completions
                            .entry(word.clone())
                            .or_insert_with(|| full_name_in(&word, &texts))
                            .clone()
                    })
                    .flatten()
            };
            known
                .or(named)
                .or_else(|| {
                    org_voice
                        .iter()
                        .find(|(l, _)| *l == name)
                        .map(|(_, n)| n.clone())
                })
                .or_else(|| completed().and_then(|f| at.registry.add(&f)))
        } else {
            Some(title_case_if_upper(&name))
        };
    }
    if at.moderator.is_none() {
        for b in blocks.iter() {
            if let Some(c) = FLOOR_YOURS.captures(&b.text) {
                if let Some(p) = at.registry.resolve(&c["n"]) {
                    at.moderator = Some(p);
                    break;
                }
            }
        }
    }
    if at.moderator.is_none() {
        // the label that carries a chair role, else the one who speaks most
        let labelled_chair = blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Turn)
            .find(|b| {
                b.label.as_deref().is_some_and(|l| {
                    split_label(l).1.is_some_and(|r| {
                        r.to_lowercase().contains("chair") && !r.to_lowercase().contains("co-chair")
                    })
                })
            });
        at.moderator = labelled_chair.and_then(|b| b.speaker.clone());
    }
    if at.moderator.is_none() {
        let first = blocks
            .iter()
            .find(|b| b.kind == BlockKind::Turn && b.speaker.is_some());
        if first.is_some_and(|b| {
            let l = b.text.to_lowercase();
            l.contains("welcome")
                || l.contains("let's start")
                || l.contains("let us start")
                || l.contains("let us begin")
        }) {
            at.moderator = first.and_then(|b| b.speaker.clone());
        }
    }
}

/// A label written in capitals: a caption label that names no one by itself.
fn is_upper_label(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// The person a name from a label or a hand-over refers to: a known person, else the full
/// name the document writes with it ("Karklins" → "Janis Karklins, Ambassador of Latvia"),
/// else a full name as it stands. A given name alone that nothing completes is kept as
/// the document gives it.
fn person_named(n: &str, at: &mut Attribution, texts: &[&str]) -> Option<String> {
    let n = strip_honorifics(n.trim()).trim_end_matches('.');
    if n.is_empty() || !is_name_shape(n) {
        return None;
    }
    if let Some(p) = at.registry.resolve(n) {
        return Some(p);
    }
    if n.split_whitespace().count() >= 2 {
        return at.registry.add(n);
    }
    if let Some(full) = full_name_in(n, texts) {
        return at.registry.add_weighted(&full, 2);
    }
    // a word the document also writes in lower case is not a name ("Welcome, our Chair")
    let lower = Regex::new(&format!(r"\b{}\b", regex::escape(&n.to_lowercase()))).ok()?;
    (!texts.iter().any(|t| lower.is_match(t))).then(|| n.to_string())
}

/// A full name in the texts that one name word completes, as given or family name:
/// "Janis Karklins" for "Karklins", "Anriette Esterhuysen" for "Anriette". The form written
/// most often wins.
fn full_name_in(word: &str, texts: &[&str]) -> Option<String> {
    let w = regex::escape(word);
    let part = r"[\p{Lu}][\p{L}\p{M}'’\-]+";
    let re = Regex::new(&format!(
        r"\b(?:(?P<g>{part}(?:\s+{part})?)\s+(?i:{w})\b|(?i:{w})\s+(?P<f>{part}))"
    ))
    .ok()?;
    // a word the texts also write in lower case is no part of a name ("Welcome Norway")
    let lower_words: std::collections::HashSet<&str> = texts
        .iter()
        .flat_map(|t| t.split(|c: char| !c.is_alphabetic()))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect();
    let mut counts: Vec<(String, usize)> = Vec::new();
    for t in texts {
        for c in re.captures_iter(t) {
            let full = c.get(0).map_or("", |m| m.as_str());
            let full = title_case_if_upper(strip_honorifics(full));
            let first = full.split_whitespace().next().unwrap_or("");
            let lower = first.to_lowercase();
            let common = full
                .split_whitespace()
                .any(|x| lower_words.contains(x.to_lowercase().as_str()));
            if !is_name_shape(&full)
                || common
                || is_honorific(first)
                || lexicon()
                    .speakers
                    .label_roles
                    .contains(first.to_uppercase().as_str())
                || lower.starts_with("chair")
            {
                continue;
            }
            match counts.iter_mut().find(|(f, _)| *f == full) {
                Some(e) => e.1 += 1,
                None => counts.push((full, 1)),
            }
        }
    }
    let mut best: Option<(String, usize)> = None;
    for (f, n) in counts {
        if best.as_ref().is_none_or(|b| n > b.1) {
            best = Some((f, n));
        }
    }
    best.map(|b| b.0)
}

fn is_role_label(name: &str) -> bool {
    let upper = name
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase());
    upper
        && name
            .split_whitespace()
            .any(|w| lexicon().speakers.label_roles.contains(w))
}

/// A label that names a person: two to five name-shaped words.
fn looks_personal(name: &str) -> bool {
    let n = given_family(name);
    let t = title_case_if_upper(&n);
    let count = t.split_whitespace().count();
    (2..=5).contains(&count) && is_name_shape(&t) && !t.split_whitespace().any(|w| w.len() == 1)
}

#[cfg(test)]
mod tests {
    use super::super::attribute;
    use crate::model::{Block, BlockKind};

    fn para(text: &str) -> Block {
        Block::paragraph(1, text)
    }

    fn turn(label: &str, text: &str) -> Block {
        Block {
            kind: BlockKind::Turn,
            label: Some(label.into()),
            ..para(text)
        }
    }

    #[test]
    fn test_bare_chair_label_is_the_chair_named_at_the_hand_over() {
        let mut blocks = vec![
            turn(
                "SECRETARIAT",
                "Good morning. With that, let me hand it over to Ingrid Solberg, our Chair.",
            ),
            turn("CHAIR", "Thank you. Let us begin."),
        ];
        let at = attribute(&mut blocks, &[]);
        assert_eq!(at.moderator.as_deref(), Some("Ingrid Solberg"));
        assert_eq!(blocks[1].speaker.as_deref(), Some("Ingrid Solberg"));
        // a word the text also writes in lower case is not the chair's name
        let mut blocks = vec![
            turn("SECRETARIAT", "Welcome, our Chair. You are all welcome."),
            turn("CHAIR", "Thank you."),
        ];
        let at = attribute(&mut blocks, &[]);
        assert_eq!(at.moderator, None);
        assert!(at.speakers.is_empty());
    }

    #[test]
    fn test_chair_family_label_joins_the_full_name_in_a_turn() {
        let mut blocks = vec![
            turn(
                "CHAIR OKONKWO",
                "Good afternoon. I am Adaeze Okonkwo, ambassador of Nigeria and chairman of the MAG.",
            ),
            turn("CHAIR OKONKWO", "Next item."),
            turn("CHAIR PETROV", "Hello."),
        ];
        let at = attribute(&mut blocks, &[]);
        assert_eq!(at.speakers, vec!["Adaeze Okonkwo", "Petrov"]);
        assert_eq!(at.moderator.as_deref(), Some("Adaeze Okonkwo"));
    }

    #[test]
    fn test_organisation_labels_are_not_people_unless_the_turn_names_one() {
        let mut blocks = vec![
            turn(
                "UNICEF",
                "Thank you. This is Marta Silva from UNICEF. We support it.",
            ),
            turn("UNICEF", "One more point."),
            turn("FINLAND", "We support the proposal as well."),
        ];
        let at = attribute(&mut blocks, &[]);
        assert_eq!(at.speakers, vec!["Marta Silva"]);
        assert_eq!(blocks[1].speaker.as_deref(), Some("Marta Silva"));
        assert_eq!(blocks[2].speaker, None);
        assert_eq!(blocks[2].label.as_deref(), Some("FINLAND"));
    }

    #[test]
    fn test_caption_typo_joins_the_spelling_written_most() {
        let mut blocks = vec![
            turn("HALVARD NIELSON", "Hello."),
            turn("HALVARD NIELSEN", "Hello again."),
            turn("HALVARD NIELSEN", "And again."),
            turn("ANA NEVES", "Hi."),
            turn("ANA NUNES", "Hi too."),
        ];
        let at = attribute(&mut blocks, &[]);
        assert_eq!(
            at.speakers,
            vec!["Halvard Nielsen", "Ana Neves", "Ana Nunes"]
        );
        assert_eq!(blocks[0].speaker.as_deref(), Some("Halvard Nielsen"));
    }

    #[test]
    fn test_role_and_country_labels_take_the_person_a_turn_names() {
        let mut blocks = vec![
            turn("SECRETARIAT", "Good morning."),
            turn(
                "SECRETARIAT",
                "Yes, this is Omar Haddad for the Secretariat. The deadline is Friday.",
            ),
            turn("NAKAMURA", "I agree with the deadline."),
            turn(
                "CHAIR",
                "Thank you, Hiroshi Nakamura, and welcome to Norway as well.",
            ),
            turn(
                "NORWAY",
                "Welcome Norway, we would say. Thank you for the welcome.",
            ),
            // two words of capitals whose first is a month: a person, not an organisation
            turn("JUNE ABARA", "Thank you, Chair."),
        ];
        let at = attribute(&mut blocks, &[]);
        assert_eq!(blocks[0].speaker, None);
        assert_eq!(blocks[1].speaker.as_deref(), Some("Omar Haddad"));
        assert_eq!(blocks[2].speaker.as_deref(), Some("Hiroshi Nakamura"));
        // "welcome" is a word of the text, so "Welcome Norway" is no one's name
        assert_eq!(blocks[4].speaker, None);
        assert!(!at.speakers.iter().any(|s| s.contains("Norway")));
        assert_eq!(blocks[5].speaker.as_deref(), Some("June Abara"));
    }
}
