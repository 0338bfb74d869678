//! The grammar of a request: what is left out of what it asks (its frame, the reason
//! given, phrases of time, place and means), what it asks of in the passive and with what
//! action, and the things it asks to have.

use super::params::PARAMS;
use super::synonyms::synonym_map;
use crate::index::schema::analyze;
use regex::Regex;
use std::sync::LazyLock;

/// Words that open a phrase of time, place, company or means ("by 3 May", "before the
/// plenary", "next to the booth", "using the template"): when and where a request is to
/// be met, what it goes with and how, are not what it asks for.
pub(super) const ADJUNCT_OPENERS: &[&[&str]] = &[
    &["next", "to"],
    &["close", "to"],
    &["beside"],
    &["near"],
    &["ahead", "of"],
    &["in", "time", "for"],
    &["prior", "to"],
    &["no", "later", "than"],
    &["before"],
    &["after"],
    &["during"],
    &["until"],
    &["by"],
    &["using"],
];

/// Openers of phrases of means ("using the sign-up sheet circulated by the
/// Secretariat"), which run on to the end of their clause, not six words.
pub(super) const MEANS_OPENERS: &[&str] = &["using"];

/// Words that end such a phrase: the clause goes on.
pub(super) const CLAUSE_WORDS: &[&str] = &[
    "be", "is", "are", "was", "were", "should", "must", "shall", "will", "would", "could", "can",
    "may", "and", "so", "that", "which", "who", "to",
];

pub(super) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Words that open the reason for a request ("because the way we work has changed",
/// "in order to reach more people") or what it is set against ("rather than
/// being merged with ...", "for all sessions, not only the main hall"): neither is what
/// is asked, and two restatements rarely give the same.
pub(super) const REASON_OPENERS: &[&str] = &[
    "because",
    "since",
    "given that",
    "in order to",
    "as it",
    "as this",
    "as they",
    "as the current",
    "rather than",
    "instead of",
    "not only",
    "not just",
];

/// The request without the reason given for it, when the reason follows it.
pub(super) fn without_reason(text: &str) -> &str {
    static REASON: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!("(?i)[ ,](?:{}) ", REASON_OPENERS.join("|"))).expect("reason")
    });
    // offsets are the text's own: lower-casing can change byte lengths ("İ")
    REASON
        .find(text)
        .map_or(text, |m| text[..m.start()].trim_end_matches([' ', ',']))
}

/// A word without the punctuation around it, lower-cased: how the rules that read words
/// in order (phrases of time and place, the passive, things asked to have) see it.
pub(super) fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Whether a word ends a clause or a phrase with its punctuation.
pub(super) fn ends_phrase(word: &str) -> bool {
    word.ends_with([',', ';', ':', '.', '!', '?', ')'])
}

/// The text without its phrases of time, place and company, which run from an opener
/// to a punctuation mark or a clause word, six words at most. "By" opens one only before
/// a date ("by 3 May", "by the end of"), not before an agent ("reviewed by the MAG").
pub(super) fn without_adjuncts(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    // each word bare and lower-cased once
    let bare: Vec<String> = words.iter().map(|w| bare(w)).collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    'words: while i < words.len() {
        for opener in ADJUNCT_OPENERS {
            let n = opener.len();
            if i + n > words.len()
                || !(0..n).all(|k| bare[i + k] == opener[k])
                || (0..n - 1).any(|k| ends_phrase(words[i + k]))
            {
                continue;
            }
            if opener == &["by"] {
                let next = bare.get(i + 1).map_or("", String::as_str);
                let after = bare.get(i + 2).map_or("", String::as_str);
                let dated = next.starts_with(|c: char| c.is_ascii_digit())
                    || MONTHS.contains(&next)
                    || matches!(next, "mid" | "next" | "then")
                    || next == "the" && matches!(after, "end" | "start" | "time" | "next");
                if !dated {
                    continue;
                }
            }
            let mut j = i + n;
            if ends_phrase(words[j - 1]) {
                i = j;
                continue 'words;
            }
            // "May" after a day number is the month, not the verb
            let clause = |j: usize| {
                CLAUSE_WORDS.contains(&bare[j].as_str())
                    && !(bare[j] == "may" && bare[j - 1].starts_with(|c: char| c.is_ascii_digit()))
            };
            let means = MEANS_OPENERS.contains(&bare[i].as_str());
            let most = if means {
                words.len()
            } else {
                i + n + PARAMS.adjunct_words
            };
            // another phrase begins: "by 15 July using the sheet ..."
            let opens = |j: usize| {
                !means
                    && j > i + n
                    && ADJUNCT_OPENERS
                        .iter()
                        .any(|o| o.len() == 1 && bare[j] == o[0])
            };
            while j < words.len() && j < most && !clause(j) && !opens(j) {
                j += 1;
                if ends_phrase(words[j - 1]) {
                    break;
                }
            }
            out.push_str(" , ");
            i = j;
            continue 'words;
        }
        out.push(' ');
        out.push_str(words[i]);
        i += 1;
    }
    out
}

pub(super) const ARTICLES: &[&str] = &["the", "a", "an"];

/// Participles that do not end in -ed or -en.
pub(super) const IRREGULAR_PARTICIPLES: &[&str] = &[
    "set", "put", "made", "held", "kept", "run", "built", "sent", "shown", "done", "paid",
    "brought", "met", "found", "spent", "cut", "led", "read", "told", "sold", "begun", "drawn",
    "shut", "left", "lit", "hung", "bought", "taught", "sought", "fed", "dealt", "won", "struck",
    "spread", "split", "shed", "bound", "wound", "dug", "swept",
];

/// Participles too light to say what is to be done ("be made available", "be given a role").
pub(super) const LIGHT_PARTICIPLES: &[&str] = &[
    "made", "given", "done", "put", "allowed", "kept", "left", "seen", "taken", "got", "gotten",
];

/// What a proposal in the passive asks, and of what: the action ("the ToR be reviewed",
/// "captions should be provided") as a stem with its synonym class merged, unless the verb
/// is too light to say ("be made available") or is "get", whose object says what is asked
/// ("the press room get a new design"), and the words of the thing it is asked of, before
/// the verb. With no "be", whom it asks to give something is what it is asked of (see
/// [`given_to`]).
pub(super) fn passive(text: &str) -> Option<(Option<String>, String)> {
    const BEFORE_BE: &[&str] = &[
        "should", "must", "could", "would", "shall", "will", "can", "may", "need", "needs", "to",
        "also", "not",
    ];
    let words: Vec<String> = text.split_whitespace().map(bare).collect();
    let Some(at) = words
        .iter()
        .position(|w| matches!(w.as_str(), "be" | "get" | "gets"))
    else {
        return given_to(&words).map(|r| (None, r));
    };
    // "the press room get a new design": what is asked is in the object, not a verb
    let action = if words[at] == "be" {
        let v = at + 1 + words[at + 1..].iter().position(|w| !w.ends_with("ly"))?;
        let verb = words[v].as_str();
        if !(verb.ends_with("ed")
            || verb.ends_with("en")
            || IRREGULAR_PARTICIPLES.contains(&verb)
            || LIGHT_PARTICIPLES.contains(&verb))
        {
            return None;
        }
        let syn = synonym_map();
        // a verb with its particle first ("set up", "carried out")
        let phrasal = words
            .get(v + 1)
            .and_then(|p| syn.get(&analyze(&format!("{verb} {p}")).join(" ")));
        match analyze(verb).pop() {
            Some(_) if LIGHT_PARTICIPLES.contains(&verb) => None,
            Some(stem) => Some(
                phrasal
                    .cloned()
                    .unwrap_or_else(|| syn.get(&stem).cloned().unwrap_or(stem)),
            ),
            None => None,
        }
    } else {
        None
    };
    let mut subject = &words[..at];
    while let Some((last, rest)) = subject.split_last() {
        if !BEFORE_BE.contains(&last.as_str()) {
            break;
        }
        subject = rest;
    }
    Some((action, subject.join(" ")))
}

/// Whom a proposal asks to give something, when it names them before the thing given
/// ("give Dynamic Coalitions a dedicated slot"): as "the Youth IGFs be given a slot" asks
/// it of the Youth IGFs, this asks it of the coalitions, and a slot for one is not a slot
/// for the other.
pub(super) fn given_to(words: &[String]) -> Option<String> {
    const GIVING: &[&str] = &[
        "give",
        "gives",
        "grant",
        "grants",
        "offer",
        "offers",
        "allocate",
        "allocates",
        "assign",
        "assigns",
        "award",
        "awards",
    ];
    let v = words.iter().position(|w| GIVING.contains(&w.as_str()))?;
    let to = words[v + 1..]
        .iter()
        .take(PARAMS.given_to_words)
        .position(|w| w == "a" || w == "an")?;
    (to > 0).then(|| words[v + 1..v + 1 + to].join(" "))
}

/// The things a proposal asks to have, named with "a" or "an" as the request itself or
/// the object of a verb of having ("we need a code of conduct that covers every
/// session", "the IGF should have a clear code of conduct"):
/// each as its head, the words before "of" or "for", and the whole name, up to a clause
/// word, another preposition or a punctuation mark. A noun of action with its object ("a
/// review of the ToR") names no thing to have: what it asks is the action.
pub(super) fn wanted(text: &str) -> Vec<(String, String)> {
    const HAVING: &[&str] = &[
        "need",
        "needs",
        "have",
        "has",
        "get",
        "gets",
        "adopt",
        "create",
        "establish",
        "introduce",
        "launch",
        "develop",
        "draft",
        "build",
        "up",
        "receive",
    ];
    const ENDS: &[&str] = &[
        "in", "on", "at", "to", "from", "with", "within", "by", "about", "across", "between",
        "among", "so", "as", "like", "into", "that", "which", "who", "where", "when",
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    // each word bare and lower-cased once
    let bare: Vec<String> = words.iter().map(|w| bare(w)).collect();
    let mut out = Vec::new();
    for i in 0..words.len() {
        // the thing asked for: the request itself, or the object of a verb of having
        // ("we need a ...", "should have a ...", "adopt a ..."), not any thing named
        // along the way ("give the youth a slot", "this is a request")
        let asked = i == 0 || i == 1 && bare[0] == "to" || HAVING.contains(&bare[i - 1].as_str());
        if !matches!(bare[i].as_str(), "a" | "an") || !asked {
            continue;
        }
        let (mut head, mut name) = (Vec::new(), Vec::new());
        let mut linked = false;
        for j in i + 1..words.len() {
            let b = bare[j].as_str();
            if matches!(b, "of" | "for") {
                let next = bare.get(j + 1).map_or("", String::as_str);
                if ARTICLES.contains(&next) && head.len() == 1 && b == "of" {
                    head.clear();
                    break;
                }
                linked = true;
            } else if b.is_empty()
                || ENDS.contains(&b)
                || CLAUSE_WORDS.contains(&b)
                || ARTICLES.contains(&b)
            {
                break;
            } else if !linked {
                head.push(b);
            }
            name.push(b);
            if ends_phrase(words[j]) || name.len() == PARAMS.wanted_words {
                break;
            }
        }
        if !head.is_empty() {
            out.push((head.join(" "), name.join(" ")));
        }
    }
    out
}

/// The request without a frame that only says it is one ("action so that the ToR be
/// reviewed", "steps to ensure that ...", from "called for action so that ..."): the
/// frame's noun is no idea of the request, and its subject is the thing asked of.
pub(super) fn without_frame(text: &str) -> &str {
    static FRAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:urgent\s+|concrete\s+|further\s+)?(?:action|actions|steps|measures|efforts|arrangements)\s+(?:be\s+taken\s+)?(?:so\s+that|to\s+ensure(?:\s+that)?|to\s+make\s+sure(?:\s+that)?)\s+").expect("frame")
    });
    FRAME.find(text).map_or(text, |m| &text[m.end()..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::gaps::testing::items_of;
    use std::collections::HashMap;

    #[test]
    fn test_a_frame_that_says_a_request_is_one_is_not_what_it_asks() {
        assert_eq!(
            without_frame("action so that the ToR be reviewed"),
            "the ToR be reviewed"
        );
        assert_eq!(
            without_frame("concrete steps to ensure that captions are provided"),
            "captions are provided"
        );
        assert_eq!(
            without_frame("measures to ensure remote participation"),
            "remote participation"
        );
        assert_eq!(
            without_frame("the action plan be published so that all can read it"),
            "the action plan be published so that all can read it"
        );
        let (items, _, _) = items_of(
            &[
                "action so that the old ramps be archived",
                "the old ramps be archived",
            ],
            &HashMap::new(),
        );
        assert_eq!(items[0].bag, items[1].bag);
        assert_eq!(items[0].thing, items[1].thing);
    }

    #[test]
    fn test_adjuncts_are_not_what_is_asked() {
        let core = |t: &str| {
            without_adjuncts(t)
                .split_whitespace()
                .filter(|w| *w != ",")
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(
            core("the old lamps be moved by 3 May 2021"),
            "the old lamps be moved"
        );
        // what goes with the request is part of it
        assert_eq!(
            core("the old lamps be moved, together with the tracker board"),
            "the old lamps be moved, together with the tracker board"
        );
        assert_eq!(
            core("the banners next to the stage be repainted before the plenary"),
            "the banners be repainted"
        );
        assert_eq!(core("the MAG should review its Terms of Reference in time for the next cycle and publish them"), "the MAG should review its Terms of Reference and publish them");
        // an agent, not a date
        assert_eq!(
            core("the ToR be reviewed by the MAG"),
            "the ToR be reviewed by the MAG"
        );
        assert_eq!(
            core("reports be published by the end of the week"),
            "reports be published"
        );
        assert_eq!(
            without_reason(
                "we revisit the terms of reference, because the way we work has changed"
            ),
            "we revisit the terms of reference"
        );
        assert_eq!(
            without_reason("the ToR be reviewed since the mandate is now permanent"),
            "the ToR be reviewed"
        );
        assert_eq!(
            without_reason("since 2020 the ToR be reviewed every year"),
            "since 2020 the ToR be reviewed every year",
            "a reason first is kept"
        );
        assert_eq!(
            without_reason("the bus services be improved"),
            "the bus services be improved",
            "whole words only"
        );
        // an opener at the end of a sentence takes nothing after it
        assert_eq!(
            core("as agreed before. The tracker be set up"),
            "as agreed The tracker be set up"
        );
        // how it is to be done runs to the end of its clause; a date stops where it does
        assert_eq!(core("members sign up for teams by 15 July using the sheet circulated by the Secretariat"), "members sign up for teams");
        assert_eq!(
            core("members sign up using the sheet circulated by the Secretariat and report back"),
            "members sign up and report back"
        );
        assert_eq!(
            without_reason("a slot in the main session rather than being merged with the others"),
            "a slot in the main session"
        );
    }
}
