//! Who speaks: turn labels resolved to people, and the grammatical subject of each
//! clause of prose resolved through honorifics, first names, pronouns and roles.
//!
//! The output is one [`Clause`] per clause of the document with the person (if any) it
//! is attributed to; proposals and decisions are read from these clauses, so there is
//! one place that decides who said what.

use crate::lexicon::lexicon;
use crate::model::{Block, BlockKind, Participant};
use crate::text::ascii_regex::Pattern;
use crate::text::gate::Gate;
use crate::text::names::{honorific_alternation, strip_honorifics, Registry};
use crate::text::sentences;
use regex::Regex;
use std::sync::LazyLock;

mod labels;

use labels::resolve_turn_labels;

/// Who a clause is attributed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A named person (resolved to "Given Family").
    Person(String),
    /// The speaker of a turn talking in the first person ("I suggest").
    FirstPerson(String),
    /// A group: "Participants", "the MAG", "we", "the working group".
    Group,
    /// Passive or impersonal ("It was agreed", "the agenda was adopted").
    Impersonal,
    /// Anything else.
    Other,
}

/// A clause of the document with its attribution.
#[derive(Debug, Clone)]
pub struct Clause {
    /// Index of the block it comes from.
    pub block: usize,
    /// The clause text.
    pub text: String,
    /// Who it is attributed to.
    pub subject: Subject,
    /// The verb after the subject, lower-cased, when there is one.
    pub verb: Option<String>,
    /// Whether the clause is the last of its block and ends with a colon (a list follows).
    pub introduces_list: bool,
}

static LEAD_IN: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^(?:(?:In response|However|Then|Later|Finally|Also|Next|In addition|Afterwards|Separately|Similarly|Likewise|Meanwhile|Moreover|Lastly|Subsequently|In closing|Closing|Opening|Concluding|In turn)[^,]{0,40},\s+|(?:On|Under|From|Regarding|As for|With regard to|Turning to|For|In|At|After|Before|During|Following|Speaking|Responding)\s[^,]{1,90},\s+)",
        "lead-in",
    )
});
static SUBJECT: LazyLock<Pattern> = LazyLock::new(|| {
    let name = r"[\p{Lu}][\p{L}\p{M}'’\-]*\.?(?:\s+(?:de|da|dos|das|do|van|von|der|den|del|della|la|le|di|du|bin|al|St\.|[\p{Lu}][\p{L}\p{M}'’\-]*\.?)){0,4}";
    let hon = format!(r"(?:{}\.?\s+)", honorific_alternation());
    Pattern::new(
        &format!(
            r"^(?:(?P<pron>She|He|They)\b|(?:The|the|Our|our)\s+(?:(?:MAG|IGF|WG|NRIs|Group's|meeting|session)\s+)?(?P<role>Host|Chair|Chairman|Chairperson|Moderator|Co-Chair|Co-chair|Facilitator|Rapporteur)\b|The\s[^,]{{3,80}},\s+(?P<appos>{hon}?{name}),|(?P<name>{hon}?{name}(?:\s+and\s+{hon}?{name})?))(?P<paren>\s*\([^)]{{1,80}}\))?(?:\s+(?:of|from)\s+(?:the\s+)?[\p{{Lu}}][\p{{L}}\-]*(?:\s+[\p{{Lu}}][\p{{L}}\-.]*){{0,4}})?(?:,\s+[^;]{{2,160}}?,)?\s+(?:(?:then|also|further|again|briefly|first|finally|later|subsequently|immediately|strongly|generally|fully|had|has|have|once more|in turn|too)\s+)*(?P<verb>[a-z]+)"
        ),
        "subject",
    )
});
/// "In his view, ...", "According to her, ...": the last speaker's words.
pub static VIEW_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:In\s+(?:his|her)\s+(?:view|opinion)|According\s+to\s+(?:him|her)|For\s+(?:him|her)|In\s+(?:his|her)\s+words),\s+").expect("view of")
});
static CLAUSE_SPLIT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r";\s+").expect("clause split"));
static MODERATED_BY: LazyLock<Pattern> = LazyLock::new(|| {
    let name = r"[\p{Lu}][\p{L}\p{M}'’\-.]*(?:\s+(?:de|da|dos|van|von|der|del|la|le|St\.|[\p{Lu}][\p{L}\p{M}'’\-.]*)){1,4}";
    let hon = format!(r"(?:{}\.?\s+)", honorific_alternation());
    Pattern::new(
        &format!(
            r"(?:(?i:moderated|chaired|hosted|facilitated|led|convened|presided over)\s+by\s+{hon}?(?P<a>{name})|(?:^|[.;]\s+|,\s+){hon}?(?P<b>{name})(?:\s*\((?:[^)]*)\))?(?:,\s(?P<ap>[^,]{{2,120}}),)?\s+(?:moderated|chaired|hosted|facilitated|presided over|led)\s+(?:the|all|this)\b|(?i:(?:^|\s)(?:chair(?:person|man|woman)?|moderator|facilitator|host)(?:\s*/\s*\w+)?\s*:\s*){hon}?(?P<c>{name})|(?P<d>{name})\s*\((?:MAG\s+)?(?:Chair|Moderator|Co-Chair|co-chair)\))"
        ),
        "moderated by",
    )
});
static HONORIFIC_NAME: LazyLock<Pattern> = LazyLock::new(|| {
    let hon = honorific_alternation();
    Pattern::new(
        &format!(
            r"\b{hon}\.?\s+(?:{hon}\.?\s+)?(?P<n>[\p{{Lu}}][\p{{L}}\p{{M}}'’\-]+(?:\s+(?:de|da|dos|van|von|der|del|la|le|St\.|[\p{{Lu}}][\p{{L}}\p{{M}}'’\-]+)){{1,3}})"
        ),
        "honorific name",
    )
});
static SENDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:From:\s*)?(?P<n>[\p{Lu}][\p{L}'’\-]+(?:\s+[\p{Lu}][\p{L}'’\-]+){1,3})\s+(?:<?[\w.+-]+\s+at\s+[\w.-]+>?|<?[\w.+-]+@[\w.-]+>?)").expect("sender")
});
/// What the turn labels and prose say about who chairs and who speaks.
#[derive(Debug, Default)]
pub struct Attribution {
    /// People of the document.
    pub registry: Registry,
    /// Who chaired or moderated.
    pub moderator: Option<String>,
    /// Who hosted, when a document says so separately ("The Host").
    pub host: Option<String>,
    /// Contributors in order of first contribution.
    pub speakers: Vec<String>,
    /// Every clause with its subject.
    pub clauses: Vec<Clause>,
}

impl Attribution {
    fn contributed(&mut self, who: &str) {
        if !self.speakers.iter().any(|s| s == who) {
            self.speakers.push(who.to_string());
        }
    }
}

/// Resolves turn speakers and prose subjects for a parsed document. Sets
/// `Block::speaker` on every block that can be attributed.
pub fn attribute(blocks: &mut [Block], participants: &[Participant]) -> Attribution {
    let mut at = Attribution::default();
    // an attendance list is written with care, a caption label in haste: the weights say
    // which spelling of a name wins when two are one person
    for p in participants {
        at.registry.add_weighted(&p.name, 100);
    }
    for b in blocks.iter() {
        if let Some(c) = SENDER.captures(&b.text) {
            at.registry.add_weighted(&c["n"], 3);
        }
        for c in HONORIFIC_NAME.captures_all(&b.text) {
            if is_name_shape(&c["n"]) {
                at.registry.add_weighted(&c["n"], 3);
            }
        }
    }
    find_moderator(blocks, participants, &mut at);
    resolve_turn_labels(blocks, &mut at);
    let mut last_person: Option<String> = None;
    let mut list_speaker: Option<String> = None;
    for (i, b) in blocks.iter_mut().enumerate() {
        if b.kind == BlockKind::Heading {
            list_speaker = None;
            continue;
        }
        let turn_speaker = (b.kind == BlockKind::Turn)
            .then(|| b.speaker.clone())
            .flatten();
        if let Some(s) = &turn_speaker {
            at.contributed(s);
        }
        let mut block_speaker: Option<String> = None;
        let sents = sentences(&b.text);
        let n_sents = sents.len();
        for (si, (_, sent)) in sents.into_iter().enumerate() {
            let parts: Vec<&str> = CLAUSE_SPLIT.split(sent).collect();
            let n_parts = parts.len();
            for (pi, clause) in parts.into_iter().enumerate() {
                let (subject, verb) = if let Some(ts) = &turn_speaker {
                    (first_person_or(clause, ts), verb_of(clause))
                } else {
                    let (s, v) = subject_of(clause, &mut at, &last_person);
                    (s, v)
                };
                if b.kind != BlockKind::Turn {
                    if let Subject::Person(p) = &subject {
                        let speech = verb
                            .as_deref()
                            .is_some_and(|v| lexicon().speakers.speech_verbs.contains(v));
                        if speech {
                            at.contributed(p);
                            last_person = Some(p.clone());
                            block_speaker.get_or_insert_with(|| p.clone());
                        }
                    }
                }
                let introduces_list =
                    si + 1 == n_sents && pi + 1 == n_parts && clause.trim_end().ends_with(':');
                at.clauses.push(Clause {
                    block: i,
                    text: clause.to_string(),
                    subject,
                    verb,
                    introduces_list,
                });
            }
        }
        if b.kind == BlockKind::Paragraph {
            if b.is_item && block_speaker.is_none() {
                b.speaker = list_speaker.clone();
            } else {
                b.speaker = block_speaker.clone();
                list_speaker = if b.text.trim_end().ends_with(':') {
                    block_speaker.or_else(|| last_person.clone())
                } else {
                    None
                };
            }
        }
    }
    let text: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    at.registry.reinforce(&text.join("\n"));
    canonical_spellings(blocks, &mut at);
    at
}

/// Every name the attribution gave out, in the spelling that won for its person
/// ([`Registry::canonical`]): a caption typo met first gives way to the spelling written
/// most.
fn canonical_spellings(blocks: &mut [Block], at: &mut Attribution) {
    let reg = at.registry.clone();
    for b in blocks.iter_mut() {
        if let Some(s) = &b.speaker {
            b.speaker = Some(reg.canonical(s));
        }
    }
    let mut speakers: Vec<String> = Vec::new();
    for s in &at.speakers {
        let c = reg.canonical(s);
        if !speakers.contains(&c) {
            speakers.push(c);
        }
    }
    at.speakers = speakers;
    at.moderator = at.moderator.as_deref().map(|m| reg.canonical(m));
    at.host = at.host.as_deref().map(|m| reg.canonical(m));
    for c in &mut at.clauses {
        match &mut c.subject {
            Subject::Person(p) | Subject::FirstPerson(p) => *p = reg.canonical(p),
            _ => {}
        }
    }
}

/// In a turn, "I"/"we" sentences belong to the turn's speaker.
fn first_person_or(clause: &str, speaker: &str) -> Subject {
    let c = clause.trim_start();
    let lower = c.to_lowercase();
    if lower.starts_with("we agree")
        || lower.starts_with("so we agree")
        || lower.starts_with("and we agree")
    {
        return Subject::Group;
    }
    Subject::FirstPerson(speaker.to_string())
}

/// The verb after a clause's subject. [`SUBJECT`] ends with the verb after a space, so
/// the verb is the match's last run of letters: a plain match, without the capture
/// groups, whose search cleared a bitset of the pattern's size for every clause of every
/// turn (dropping them saved 2.3 % of indexing's instructions, callgrind).
fn verb_of(clause: &str) -> Option<String> {
    let m = SUBJECT.find(strip_lead_in(clause))?.as_str();
    let verb = &m[m.trim_end_matches(|c: char| c.is_ascii_lowercase()).len()..];
    (!verb.is_empty()).then(|| verb.to_string())
}

fn strip_lead_in(clause: &str) -> &str {
    let c = clause
        .trim_start()
        .trim_start_matches(['-', '*', '•'])
        .trim_start();
    match LEAD_IN.find(c) {
        Some(m) => &c[m.end()..],
        None => c,
    }
}

/// The subject of a prose clause, resolved to a person where possible.
fn subject_of(
    clause: &str,
    at: &mut Attribution,
    last: &Option<String>,
) -> (Subject, Option<String>) {
    if VIEW_OF.is_match(clause.trim_start()) {
        return (
            last.clone().map_or(Subject::Other, Subject::Person),
            Some("said".into()),
        );
    }
    let c = strip_lead_in(clause);
    let lower = c.to_lowercase();
    if lower.starts_with("it was") || lower.starts_with("it is") || lower.starts_with("it has been")
    {
        return (Subject::Impersonal, None);
    }
    if opens_with_group(&lower) {
        let verb = lower
            .split_whitespace()
            .find(|w| {
                lexicon().speakers.speech_verbs.contains(w)
                    || w.starts_with("agree")
                    || w.starts_with("decide")
            })
            .map(str::to_string);
        return (Subject::Group, verb);
    }
    let Some(m) = SUBJECT.captures(c) else {
        return (Subject::Other, None);
    };
    let verb = m.name("verb").map(|v| v.as_str().to_lowercase());
    if m.name("pron").is_some() {
        if &m["pron"] == "They" {
            return (Subject::Group, verb);
        }
        return (last.clone().map_or(Subject::Other, Subject::Person), verb);
    }
    if let Some(r) = m.name("role") {
        let who = match r.as_str().to_lowercase().as_str() {
            "host" => at.host.clone().or_else(|| at.moderator.clone()),
            _ => at.moderator.clone(),
        };
        return (who.map_or(Subject::Other, Subject::Person), verb);
    }
    let raw = m
        .name("appos")
        .or(m.name("name"))
        .map(|n| n.as_str())
        .unwrap_or("");
    let paren = m.name("paren").map(|p| {
        p.as_str()
            .trim()
            .trim_start_matches('(')
            .trim_end_matches(')')
            .to_string()
    });
    // "Ms. Aroha Lee (New Zealand)": after a titled name the parenthesis is the person's
    // country or affiliation, not another person
    let titled = strip_honorifics(raw.trim()) != raw.trim();
    if let Some(p) = paren
        .as_deref()
        .filter(|p| !titled && is_name_shape(p) && p.split_whitespace().count() >= 2)
    {
        if let Some(full) = at.registry.resolve(p).or_else(|| at.registry.add(p)) {
            return (Subject::Person(full), verb);
        }
    }
    let names: Vec<&str> = raw.split(" and ").collect();
    let mut people = Vec::new();
    let speech = verb
        .as_deref()
        .is_some_and(|v| lexicon().speakers.speech_verbs.contains(v));
    for n in &names {
        if let Some(p) = person_from(n, at, speech) {
            people.push(p);
        }
    }
    match people.len() {
        0 => (Subject::Other, verb),
        1 if names.len() == 1 => (Subject::Person(people.remove(0)), verb),
        _ => {
            // "Bruna and Chris drafted ...": each contributed; the clause is theirs jointly
            let speech = verb
                .as_deref()
                .is_some_and(|v| lexicon().speakers.speech_verbs.contains(v));
            if speech {
                for p in &people {
                    at.contributed(p);
                }
            }
            (Subject::Group, verb)
        }
    }
}

/// Whether a lower-cased clause opens with a group word and a space or a comma. Only its
/// prefixes that end before a space or a comma can be one, so those few are looked up,
/// not every group word compared with the clause's start.
fn opens_with_group(lower: &str) -> bool {
    static LONGEST: LazyLock<usize> = LazyLock::new(|| {
        let words = &lexicon().speakers.group_words;
        words.iter().map(str::len).max().unwrap_or(0)
    });
    let words = &lexicon().speakers.group_words;
    lower
        .bytes()
        .take(*LONGEST + 1)
        .enumerate()
        .any(|(end, b)| matches!(b, b' ' | b',') && words.contains(&lower[..end]))
}

fn is_name_shape(s: &str) -> bool {
    let toks: Vec<&str> = strip_honorifics(s).split_whitespace().collect();
    !toks.is_empty()
        && toks.len() <= 5
        && toks.iter().enumerate().all(|(i, t)| {
            let first = t.chars().next().unwrap_or(' ');
            let lower = t.to_lowercase();
            (first.is_uppercase()
                && !lexicon()
                    .speakers
                    .non_name
                    .contains(lower.trim_end_matches('.'))
                && !is_all_caps(t))
                || (i > 0 && (lexicon().people.particles.contains(&lower) || lower == "st."))
        })
}

fn is_all_caps(t: &str) -> bool {
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// A person from a name reference: known people first, then new full names.
fn person_from(raw: &str, at: &mut Attribution, may_add: bool) -> Option<String> {
    if let Some(p) = at.registry.resolve(raw) {
        return Some(p);
    }
    if !is_name_shape(raw) {
        return None;
    }
    let bare = strip_honorifics(raw);
    if may_add && bare.split_whitespace().count() >= 2 {
        return at.registry.add(bare);
    }
    None
}

/// The chair or moderator, and the host, from the prose.
fn find_moderator(blocks: &[Block], participants: &[Participant], at: &mut Attribution) {
    // a word every form of the rule needs, before splitting a block into sentences
    static MAY_NAME_CHAIR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)moderat|chair|host|facilitat|\bled\b|convened|presided")
            .expect("chair words")
    });
    // a word every match of [`MODERATED_BY`] holds, before its search of a sentence
    static CHAIR_WORD: LazyLock<Gate> = LazyLock::new(|| {
        Gate::new(&[
            "moderat",
            "chair",
            "host",
            "facilitat",
            "led",
            "convened",
            "presided",
        ])
    });
    for b in blocks
        .iter()
        .take(40)
        .filter(|b| MAY_NAME_CHAIR.is_match(&b.text))
    {
        for (_, s) in sentences(&b.text) {
            if !CHAIR_WORD.may_match(s) {
                continue;
            }
            let Some(c) = MODERATED_BY.captures(s) else {
                continue;
            };
            let mut raw = c
                .name("a")
                .or(c.name("b"))
                .or(c.name("c"))
                .or(c.name("d"))
                .map_or("", |m| m.as_str());
            // "The MAG Chair, Anriette Esterhuysen, moderated the call"
            if let Some(ap) = c
                .name("ap")
                .map(|m| m.as_str())
                .filter(|ap| is_name_shape(ap) && !is_name_shape(raw))
            {
                raw = ap;
            }
            if !is_name_shape(raw.trim_end_matches('.')) {
                continue;
            }
            let raw = raw.trim_end_matches('.');
            let Some(p) = at.registry.resolve(raw).or_else(|| at.registry.add(raw)) else {
                continue;
            };
            if s.contains("hosted") && !s.contains("moderated") {
                at.host.get_or_insert(p.clone());
            }
            if at.moderator.is_none() {
                at.moderator = Some(p);
            }
        }
        if at.moderator.is_some() {
            break;
        }
    }
    if at.moderator.is_none() {
        at.moderator = participants
            .iter()
            .find(|p| {
                p.role.as_deref().is_some_and(|r| {
                    let r = r.to_lowercase();
                    r.contains("chair") && !r.contains("co-chair") && !r.contains("former")
                })
            })
            .map(|p| p.name.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Block {
        Block::paragraph(1, text)
    }

    #[test]
    fn test_ascii_forms_find_what_the_patterns_find_on_the_corpus() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/igf");
        let mut n = 0;
        for e in std::fs::read_dir(dir).expect("corpus") {
            let text = std::fs::read_to_string(e.expect("entry").path()).unwrap_or_default();
            for line in text.lines().filter(|l| l.is_ascii()) {
                for (_, s) in sentences(line) {
                    for p in [
                        &*MODERATED_BY,
                        &*HONORIFIC_NAME,
                        &*super::labels::CHAIR_NAMED,
                    ] {
                        let (u, a) = p.both(s);
                        assert_eq!(u, a, "{s}");
                    }
                    for clause in CLAUSE_SPLIT.split(s) {
                        for p in [&*SUBJECT, &*LEAD_IN] {
                            let (u, a) = p.both(clause);
                            assert_eq!(u, a, "{clause}");
                        }
                        let (u, a) = SUBJECT.both(strip_lead_in(clause));
                        assert_eq!(u, a, "{clause}");
                        n += 1;
                    }
                }
            }
        }
        assert!(n > 1000, "{n} clauses");
    }

    #[test]
    fn test_verb_of_is_the_subject_pattern_verb_group() {
        let clauses = [
            "Ms. Anriette Esterhuysen then also proposed a tracker",
            "Wolfgang Kleinwächter (Germany) noted the gap",
            "The MAG Chair, Ms. Paula Martins, welcomed everyone",
            "She agreed",
            "Jorge Cancio of the Swiss Government, speaking for many, insisted",
            "- In addition, Chris Buckridge suggested x",
            "the host said",
            "we agree on this",
            "Nobody",
            "",
            "Amb. Benedicto Fonseca Filho and Dr. Lee had agreed",
        ];
        for c in clauses {
            let by_groups = SUBJECT
                .captures(strip_lead_in(c))
                .and_then(|m| m.name("verb").map(|v| v.as_str().to_string()));
            assert_eq!(verb_of(c), by_groups, "{c}");
        }
        assert_eq!(
            verb_of("Ms. Anriette Esterhuysen then also proposed a tracker").as_deref(),
            Some("proposed")
        );
    }

    #[test]
    fn test_prose_subjects_honorifics_first_names_and_pronouns() {
        let mut blocks = vec![
            para("The meeting was moderated by Titti Cassa. Titti opened the meeting recalling the goals."),
            para("Ms. Marilyn Cade, speaking as MAG member, reported progress. She also suggested a change."),
            para("Participants agreed to go on. Several participants stressed the importance of it."),
            para("Mr. Masango then updated the MAG."),
        ];
        let parts = vec![Participant {
            name: "Chengetai Masango".into(),
            affiliation: None,
            role: None,
        }];
        let at = attribute(&mut blocks, &parts);
        assert_eq!(
            at.speakers,
            vec!["Titti Cassa", "Marilyn Cade", "Chengetai Masango"]
        );
        assert_eq!(at.moderator.as_deref(), Some("Titti Cassa"));
        assert_eq!(blocks[1].speaker.as_deref(), Some("Marilyn Cade"));
        assert_eq!(blocks[2].speaker, None);
    }

    #[test]
    fn test_parenthesis_after_a_titled_name_is_no_person() {
        // without the rule the parenthesis was taken for the person: "New Zealand"
        let mut blocks = vec![para(
            "Ms. Ana Lee (New Zealand) supported the draft and cautioned against haste.",
        )];
        let at = attribute(&mut blocks, &[]);
        assert_eq!(at.speakers, vec!["Ana Lee"]);
    }

    #[test]
    fn test_passive_mentions_are_not_contributions() {
        let mut blocks = vec![para(
            "The call was chaired by Ms. Lynn St. Amour with Mr. Chengetai Masango attending.",
        )];
        let at = attribute(&mut blocks, &[]);
        assert!(at.speakers.is_empty());
        assert_eq!(at.moderator.as_deref(), Some("Lynn St. Amour"));
    }

    #[test]
    fn test_turn_labels_role_and_misspelling() {
        let turn = |label: &str, text: &str| Block {
            kind: BlockKind::Turn,
            label: Some(label.into()),
            ..para(text)
        };
        let mut blocks = vec![
            turn(
                "CHENGETAI MASANGO",
                "With that I hand over to our Chair, Paul Mitchell.",
            ),
            turn("CHAIR MITCHELL", "Thank you."),
            turn(
                "HOST COUNTRY",
                "Yes, hello, this is Rudolf Gridl from the Ministry.",
            ),
            turn("CHENGATAI MASANGO", "Fine."),
        ];
        let at = attribute(&mut blocks, &[]);
        assert_eq!(
            at.speakers,
            vec!["Chengetai Masango", "Paul Mitchell", "Rudolf Gridl"]
        );
        assert_eq!(blocks[3].speaker.as_deref(), Some("Chengetai Masango"));
    }
}
