//! The analysis of a request, done once when proposals are indexed and stored on the
//! proposal record (`index::schema::Fields::request`), so that `quorum gaps` reads it
//! back instead of parsing every proposal again: what it asks with its frame, reason and
//! phrases of time, place and means left out, whom it is for, the verb of a request in
//! the subjunctive (the word before it is the agent), the action and the thing it is
//! asked of in the passive, and the things it asks to have.
//!
//! The analysis uses the analyzer's stems and the synonym sets and classes
//! (`extract::synonyms`): a change to either needs `SCHEMA_VERSION` bumped.

use super::synonyms::{lists_as_sets, synonym_map};
use crate::lexicon::{lexicon, Gaps};
use crate::text::analysis::{analyze, words_and_stems};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// The limits of the request grammar, with what chose them.
#[derive(Debug, Clone, Copy)]
pub struct RequestParams {
    /// Words a phrase of time or place ("by the end of the week") may run to after its
    /// opener. Six covers the dates and places of the records without eating the clause
    /// after them (d3cf183: seeds 5/7/11 recall 0.70/0.45/0.50 -> 0.75/0.55/0.60 with the
    /// phrases left out).
    pub adjunct_words: usize,
    /// First words of a request in which the verb of a subjunctive is looked for ("the
    /// Secretariat survey members"): a subject is short (a4078d8).
    pub subject_verb_words: usize,
    /// Words after a verb of giving in which the thing given ("a dedicated slot") is looked
    /// for, so that whom it is given to is named before it (4ce5546).
    pub given_to_words: usize,
    /// The most words of the name of a thing asked to have ("a code of ethics for all
    /// staff"): eight (c5124f2).
    pub wanted_words: usize,
}

/// The limits in use.
pub const PARAMS: RequestParams = RequestParams {
    adjunct_words: 6,
    subject_verb_words: 8,
    given_to_words: 6,
    wanted_words: 8,
};

/// A request as the rules of `quorum gaps` read it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// What it asks, without a frame that only says it is a request ("action so that").
    pub asked: Phrase,
    /// What it asks of, in the passive ("the ToR be reviewed"), with "get" ("the press
    /// room get a new design") or a verb of giving ("give the coalitions a slot").
    pub passive: Option<Passive>,
    /// The things it asks to have ("we need a code of conduct"): head and whole name.
    pub wanted: Vec<(Phrase, Phrase)>,
}

/// Words of a request as the gap rules read them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Phrase {
    /// Each word lower-cased as written with its stem, phrases of time, place and means
    /// and the reason given left out, and a list of one set's members as the set's name.
    pub words: Vec<(String, String)>,
    /// Whether each word is in a phrase of whom or what for ("participants from
    /// developing countries"), not in what is asked.
    pub whom: Vec<bool>,
    /// Where the verb of a request in the subjunctive stands (see [`subject_verb`]).
    pub verb: Option<usize>,
}

/// What a passive request asks, and of what.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Passive {
    /// The action, a stem with its synonym class merged, unless the verb is too light to
    /// say ("be made available") or is "get", whose object says what is asked.
    pub action: Option<String>,
    /// The thing it is asked of: the words before the verb.
    pub object: Phrase,
}

impl Request {
    /// The analysis as stored on the proposal record.
    pub fn to_stored(&self) -> String {
        // a struct of strings, booleans and numbers always serialises
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The analysis read back from the proposal record.
    pub fn from_stored(stored: &str) -> serde_json::Result<Request> {
        serde_json::from_str(stored)
    }
}

/// Analyses a proposal's text.
pub fn analyse(text: &str) -> Request {
    let text = without_frame(text);
    Request {
        asked: phrase(text),
        passive: passive(text).map(|(action, object)| Passive {
            action,
            object: phrase(&object),
        }),
        wanted: wanted(text)
            .into_iter()
            .map(|(head, name)| (phrase(&head), phrase(&name)))
            .collect(),
    }
}

/// The words of a text as the gap rules read them (see [`Phrase`]).
pub fn phrase(text: &str) -> Phrase {
    let words = lists_as_sets(words_and_stems(&without_adjuncts(without_reason(text))));
    // tokens in a phrase of whom or what for: from "from" or "for" to a clause word
    let mut whom = Vec::with_capacity(words.len());
    let mut open = false;
    for (w, _) in &words {
        open = matches!(w.as_str(), "from" | "for")
            || open && !lex().clause_words.contains(w.as_str());
        whom.push(open);
    }
    let written: Vec<String> = words.iter().map(|w| w.0.clone()).collect();
    let verb = subject_verb(&written);
    Phrase { words, whom, verb }
}

/// The request without the reason given for it, when the reason follows it.
pub(crate) fn without_reason(text: &str) -> &str {
    static REASON: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            "(?i)[ ,](?:{}) ",
            lex().reason_openers.as_slice().join("|")
        ))
        .expect("reason")
    });
    // offsets are the text's own: lower-casing can change byte lengths ("İ")
    REASON
        .find(text)
        .map_or(text, |m| text[..m.start()].trim_end_matches([' ', ',']))
}

/// A word without the punctuation around it, lower-cased: how the rules that read words
/// in order (phrases of time and place, the passive, things asked to have) see it.
pub(crate) fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Whether a word ends a clause or a phrase with its punctuation.
pub(crate) fn ends_phrase(word: &str) -> bool {
    word.ends_with([',', ';', ':', '.', '!', '?', ')'])
}

/// The text without its phrases of time, place and company, which run from an opener
/// to a punctuation mark or a clause word, six words at most. "By" opens one only before
/// a date ("by 3 May", "by the end of"), not before an agent ("reviewed by the MAG").
pub(crate) fn without_adjuncts(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    // each word bare and lower-cased once
    let bare: Vec<String> = words.iter().map(|w| bare(w)).collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    'words: while i < words.len() {
        for opener in ADJUNCT_OPENERS.iter() {
            let n = opener.len();
            if i + n > words.len()
                || !(0..n).all(|k| bare[i + k] == opener[k])
                || (0..n - 1).any(|k| ends_phrase(words[i + k]))
            {
                continue;
            }
            if opener.as_slice() == ["by"] {
                let next = bare.get(i + 1).map_or("", String::as_str);
                let after = bare.get(i + 2).map_or("", String::as_str);
                let dated = next.starts_with(|c: char| c.is_ascii_digit())
                    || lex().months.contains(next)
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
                lex().clause_words.contains(bare[j].as_str())
                    && !(bare[j] == "may" && bare[j - 1].starts_with(|c: char| c.is_ascii_digit()))
            };
            let means = lex().means_openers.contains(bare[i].as_str());
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

/// What a proposal in the passive asks, and of what: the action ("the ToR be reviewed",
/// "captions should be provided") as a stem with its synonym class merged, unless the verb
/// is too light to say ("be made available") or is "get", whose object says what is asked
/// ("the press room get a new design"), and the words of the thing it is asked of, before
/// the verb. With no "be", whom it asks to give something is what it is asked of (see
/// [`given_to`]).
pub(crate) fn passive(text: &str) -> Option<(Option<String>, String)> {
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
            || lex().irregular_participles.contains(verb)
            || lex().light_participles.contains(verb))
        {
            return None;
        }
        let syn = synonym_map();
        // a verb with its particle first ("set up", "carried out")
        let phrasal = words
            .get(v + 1)
            .and_then(|p| syn.get(&analyze(&format!("{verb} {p}")).join(" ")));
        match analyze(verb).pop() {
            Some(_) if lex().light_participles.contains(verb) => None,
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
        if !lex().before_be.contains(last.as_str()) {
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
pub(crate) fn given_to(words: &[String]) -> Option<String> {
    let v = words
        .iter()
        .position(|w| lex().giving.contains(w.as_str()))?;
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
pub(crate) fn wanted(text: &str) -> Vec<(String, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    // each word bare and lower-cased once
    let bare: Vec<String> = words.iter().map(|w| bare(w)).collect();
    let mut out = Vec::new();
    for i in 0..words.len() {
        // the thing asked for: the request itself, or the object of a verb of having
        // ("we need a ...", "should have a ...", "adopt a ..."), not any thing named
        // along the way ("give the youth a slot", "this is a request")
        let asked =
            i == 0 || i == 1 && bare[0] == "to" || lex().having.contains(bare[i - 1].as_str());
        if !matches!(bare[i].as_str(), "a" | "an") || !asked {
            continue;
        }
        let (mut head, mut name) = (Vec::new(), Vec::new());
        let mut linked = false;
        for j in i + 1..words.len() {
            let b = bare[j].as_str();
            if matches!(b, "of" | "for") {
                let next = bare.get(j + 1).map_or("", String::as_str);
                if lex().articles.contains(next) && head.len() == 1 && b == "of" {
                    head.clear();
                    break;
                }
                linked = true;
            } else if b.is_empty()
                || lex().ends.contains(b)
                || lex().clause_words.contains(b)
                || lex().articles.contains(b)
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
pub(crate) fn without_frame(text: &str) -> &str {
    static FRAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:urgent\s+|concrete\s+|further\s+)?(?:action|actions|steps|measures|efforts|arrangements)\s+(?:be\s+taken\s+)?(?:so\s+that|to\s+ensure(?:\s+that)?|to\s+make\s+sure(?:\s+that)?)\s+").expect("frame")
    });
    FRAME.find(text).map_or(text, |m| &text[m.end()..])
}

/// The word lists of the request grammar (`[gaps]` of data/lexicon.toml).
pub(crate) fn lex() -> &'static Gaps {
    &lexicon().gaps
}

/// The openers of phrases of time, place, company and means, each as its words.
static ADJUNCT_OPENERS: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    lex()
        .adjunct_openers
        .iter()
        .map(|o| o.split_whitespace().collect())
        .collect()
});

/// Where the verb of a request in the subjunctive stands, in its first words ("the
/// Secretariat survey members ...", "sessions online include ..."): the word before it is
/// its subject, which does not modify it as "online" modifies "sessions" in "online
/// sessions".
pub(crate) fn subject_verb(words: &[String]) -> Option<usize> {
    (1..words.len().min(PARAMS.subject_verb_words)).find(|&v| {
        verb_after_subject(words, v)
            && !lex().stop.contains(words[v - 1].as_str())
            && words
                .get(v + 1)
                .is_none_or(|n| !lex().clause_words.contains(n.as_str()))
    })
}

/// Verbs of action in their base form: after "argued that" and a subject, one of these
/// without its -s is a subjunctive ("argued that the Secretariat keep a table").
pub(crate) const BASE_VERBS: &[&str] = &[
    "add",
    "adjust",
    "adopt",
    "align",
    "allocate",
    "allow",
    "alternate",
    "appoint",
    "approve",
    "ask",
    "assess",
    "assign",
    "broaden",
    "build",
    "change",
    "circulate",
    "clarify",
    "collect",
    "combine",
    "commission",
    "communicate",
    "compare",
    "compile",
    "conduct",
    "consider",
    "consolidate",
    "consult",
    "convene",
    "coordinate",
    "create",
    "define",
    "deliver",
    "designate",
    "develop",
    "devote",
    "draft",
    "enable",
    "encourage",
    "engage",
    "ensure",
    "establish",
    "evaluate",
    "examine",
    "expand",
    "explain",
    "explore",
    "extend",
    "facilitate",
    "feed",
    "finalise",
    "finalize",
    "finance",
    "focus",
    "fund",
    "get",
    "give",
    "hold",
    "host",
    "identify",
    "improve",
    "include",
    "increase",
    "inform",
    "integrate",
    "introduce",
    "invite",
    "issue",
    "keep",
    "launch",
    "limit",
    "list",
    "maintain",
    "make",
    "map",
    "measure",
    "merge",
    "mobilise",
    "mobilize",
    "monitor",
    "move",
    "nominate",
    "notify",
    "offer",
    "open",
    "organise",
    "organize",
    "outline",
    "pair",
    "plan",
    "prepare",
    "present",
    "prioritise",
    "prioritize",
    "produce",
    "promote",
    "provide",
    "publish",
    "put",
    "receive",
    "reduce",
    "reflect",
    "reform",
    "reinforce",
    "release",
    "rename",
    "replace",
    "report",
    "request",
    "require",
    "reserve",
    "restore",
    "restructure",
    "review",
    "revise",
    "revisit",
    "rotate",
    "run",
    "secure",
    "seek",
    "send",
    "set",
    "share",
    "shorten",
    "simplify",
    "start",
    "streamline",
    "strengthen",
    "study",
    "submit",
    "support",
    "survey",
    "take",
    "track",
    "train",
    "translate",
    "update",
    "use",
    "widen",
    "work",
    "write",
];

/// Whether `words[i]` (i ≥ 1) is a base-form verb of action after a subject, as in a
/// request in the subjunctive ("the Secretariat survey members").
pub(crate) fn verb_after_subject<S: AsRef<str>>(words: &[S], i: usize) -> bool {
    let prev = words[i - 1].as_ref().to_lowercase();
    BASE_VERBS.contains(&words[i].as_ref())
        && !prev.ends_with(',')
        && !matches!(
            prev.as_str(),
            "the"
                | "a"
                | "an"
                | "to"
                | "of"
                | "for"
                | "and"
                | "or"
                | "its"
                | "their"
                | "this"
                | "that"
                | "will"
                | "would"
                | "can"
                | "may"
                | "did"
                | "does"
                | "do"
                | "not"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

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
