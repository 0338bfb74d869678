//! Recurring implementation gaps: proposals that come back meeting after meeting, in
//! other words and from other people, with no record of being carried out.
//!
//! Each proposal becomes a bag of the stems of its content words, weighted by rarity,
//! with acronyms the corpus defines expanded (one word of the name they stand in),
//! synonyms merged (data/synonyms.toml) and phrases of time, place and means, reasons and
//! what a request is set against left out. Two proposals are one when the cosine of their
//! bags reaches [`LINK`] and they share at least [`MIN_CONCEPTS`] separate ideas (a shared
//! topic phrase alone is not a restatement, a shared modifier is no idea, and two
//! different actions asked of one thing, asking to have a thing and asking something of
//! it, or one action of two things or for two recipients, need one idea more; two
//! requests to have one thing need that thing alone), or when they are worded the same
//! and ask of the same thing. Proposals group by average link, strongest pairs first;
//! recurring groups that alone speak of one idea, each in its own words, are joined; a
//! group from enough meetings is a gap. It is `addressed` when a later passage or decision
//! says something was done ("has been implemented", "is now live") and is about the same
//! thing by the same rule with one shared idea, in what was done and not only in the verb
//! that says so, each statement going to the chain most like it.
//!
//! Cost: bags are linear in the proposals; pairs cost the sum of the squared postings of
//! the stems kept for pairing (those in at most [`MAX_DF_SHARE`] of proposals), so at
//! worst quadratic with a small constant; grouping is linear in the pairs found.

use super::filters::Filters;
use crate::index::passages::from_tantivy_date;
use crate::index::reader;
use crate::index::schema::{analyze, record, words_and_stems, Fields};
use anyhow::Result;
use rayon::prelude::*;
use regex::Regex;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::LazyLock;
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query};
use tantivy::schema::Value;
use tantivy::{Searcher, TantivyDocument, Term};

/// Cosine similarity at which two proposals are the same proposal. Tuned on the
/// generators' corpora (benches/RESULTS.md): 0.27 and 0.28 score alike, 0.26 adds a gap
/// to the shipped corpus, 0.29 and 0.3 lose chains whose wordings share their ideas in
/// few of their words.
pub const LINK: f32 = 0.28;
/// Cosine similarity at which a completion statement is about a chain.
pub const DONE: f32 = 0.30;
/// Separate ideas a completion statement must share with a raising to be about it: it
/// names the thing done in few words ("the accessibility plan has been implemented"),
/// and each statement is evidence only for the chain most like it.
pub const DONE_CONCEPTS: usize = 1;
/// Cosine at which two proposals are worded the same.
pub const SAME_WORDING: f32 = 0.8;
/// Separate ideas two proposals must share to be one proposal.
pub const MIN_CONCEPTS: usize = 2;
/// Share of its uses in which a stem stands before another content word for it to be a
/// modifier, and the uses needed to tell (see `modifiers`).
pub const MODIFIER_SHARE: f32 = 0.9;
const MODIFIER_MIN_USES: u32 = 3;
/// Features in more than this share of proposals do not make candidate pairs. At 0.05,
/// restatements that share only words as common as "WSIS Forum" and "IGF" were never
/// compared; at 0.2 they are, and 50,000 meetings still take seconds (the commonest
/// stems, left out, are few).
pub const MAX_DF_SHARE: f64 = 0.2;

/// Stems that carry no proposal content.
const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "to",
    "and",
    "or",
    "in",
    "on",
    "for",
    "with",
    "by",
    "at",
    "be",
    "is",
    "are",
    "was",
    "were",
    "that",
    "this",
    "it",
    "its",
    "as",
    "from",
    "should",
    "could",
    "would",
    "must",
    "shall",
    "will",
    "can",
    "may",
    "also",
    "so",
    "their",
    "they",
    "we",
    "our",
    "all",
    "each",
    "ani",
    "more",
    "need",
    "year",
    "new",
    "start",
    "make",
    "made",
    "everi",
    "one",
    "two",
    "three",
    "then",
    "than",
    "not",
    "no",
    "onli",
    "same",
    "other",
    "such",
    "which",
    "who",
    "what",
    "into",
    "have",
    "has",
    "had",
    "been",
    "being",
    "do",
    "doe",
    "did",
    "there",
    "these",
    "those",
    "get",
    "given",
    "give",
    "group",
    "work",
    "propos",
    "suggest",
    "recommend",
    "consid",
    "ensur",
    "take",
    "put",
    "way",
    "thing",
    "set",
    "seri",
    // place, time and linking words: where and when a request is made is not what it asks
    "togeth",
    "next",
    "near",
    "befor",
    "after",
    "dure",
    "within",
    "between",
    "about",
    "abov",
    "below",
    "across",
    "along",
    "around",
    "besid",
    "toward",
    "upon",
    "onc",
    "again",
    "still",
    "alreadi",
    "soon",
    "later",
    "now",
    "when",
    "while",
    "day",
    "week",
    "month",
    "januari",
    "februari",
    "march",
    "april",
    "may",
    "june",
    "juli",
    "august",
    "septemb",
    "octob",
    "novemb",
    "decemb",
    "whether",
    "if",
    "how",
    "why",
    "where",
    "whom",
    "whose",
    "howev",
    "also",
    "veri",
    "much",
    "mani",
    "most",
    "some",
    "few",
    "own",
    "just",
    "too",
    "here",
    "there",
    "well",
];

static STOP_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| STOP.iter().copied().collect());

/// Weight of a stem found in `df` of `n` proposals: rare stems say more.
fn idf(n: usize, df: u32) -> f32 {
    ((n as f32 + 1.0) / (df as f32 + 0.5)).ln()
}

/// The shipped synonym classes (data/synonyms.toml): words that say the same thing in
/// meeting records, merged before proposals are compared.
pub const DEFAULT_SYNONYMS: &str = include_str!("../../data/synonyms.toml");

#[derive(serde::Deserialize)]
struct SynonymFile {
    class: Vec<Vec<String>>,
    #[serde(default)]
    set: Vec<Vec<String>>,
}

/// Words and stems with each list of two or more members of one set ("Arabic, Chinese
/// and French") read as the set's name ("languages"): a list names the kind, where one
/// member alone ("the French version") names itself.
fn lists_as_sets(words: Vec<(String, String)>) -> Vec<(String, String)> {
    let sets = &synonyms().sets;
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        if let Some(set) = sets.get(&words[i].1) {
            // members of the one set, with "and" / "or" between them
            let member = |k: usize| sets.get(&words[k].1) == Some(set);
            let (mut j, mut last, mut count) = (i, i, 0);
            while j < words.len() && (member(j) || matches!(words[j].1.as_str(), "and" | "or")) {
                if member(j) {
                    last = j;
                    count += 1;
                }
                j += 1;
            }
            if count >= 2 {
                out.push((set.clone(), set.clone()));
                i = last + 1;
                continue;
            }
        }
        out.push(words[i].clone());
        i += 1;
    }
    out
}

/// The most words a synonym may have ("national and regional initiatives").
const MAX_SYNONYM_WORDS: usize = 4;

/// The synonym classes and sets of data/synonyms.toml, read once.
struct Synonyms {
    /// Stem -> the stem that stands for its class.
    classes: HashMap<String, String>,
    /// Word, lower-cased, of an entry matched only as written ("=governments") -> the
    /// stem that stands for its class.
    exact: HashMap<String, String>,
    /// Member stem -> the stem of the set's name.
    sets: HashMap<String, String>,
}

fn synonyms() -> &'static Synonyms {
    static SYNONYMS: std::sync::OnceLock<Synonyms> = std::sync::OnceLock::new();
    SYNONYMS.get_or_init(|| {
        let file: SynonymFile =
            toml::from_str(DEFAULT_SYNONYMS).expect("data/synonyms.toml is valid");
        let (mut classes, mut exact) = (HashMap::new(), HashMap::new());
        for class in file.class {
            let Some(head) = class
                .iter()
                .map(|w| analyze(w))
                .find(|s| !s.is_empty())
                .map(|s| s.join("_"))
            else {
                continue;
            };
            for w in &class {
                match w.strip_prefix('=') {
                    Some(word) => exact.insert(word.to_lowercase(), head.clone()),
                    None => classes.insert(analyze(w).join(" "), head.clone()),
                };
            }
        }
        let mut sets = HashMap::new();
        for set in file.set {
            let Some((name, members)) = set.split_first() else {
                continue;
            };
            let name = analyze(name).join("_");
            for w in members {
                sets.insert(analyze(w).join(" "), name.clone());
            }
        }
        Synonyms {
            classes,
            exact,
            sets,
        }
    })
}

/// See [`Synonyms::classes`].
fn synonym_map() -> &'static HashMap<String, String> {
    &synonyms().classes
}

static DONE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\b(?:has|have)\s+(?:now\s+)?been\s+(?:\w+\s+)?(?:implemented|adopted|published|launched|established|set\s+up|completed|introduced|created|held|applied|carried\s+out|rolled\s+out|put\s+in\s+place|finali[sz]ed|delivered|approved|released|made\s+available)\b",
        r"|\b(?:was|were)\s+(?:\w+ly\s+)?(?:implemented|launched|established|set\s+up|completed|introduced|created|rolled\s+out|put\s+in\s+place|carried\s+out)\b",
        r"|\b(?:is|are)\s+now\s+(?:live|in\s+force|available|provided|produced|operational|published|a\s+permanent|in\s+place|up\s+and\s+running|in\s+operation|online)\b",
        r"|\b(?:was|were)\s+(?:adopted|approved)\s+and\s+(?:published|held|applied|implemented)\b|\bhas\s+become\b|\bnow\s+operational\b|\b(?:went|has\s+gone|have\s+gone)\s+live\b"
    ))
    .expect("done")
});

/// The index query that finds the passages [`DONE_RE`] reads: phrases of its forms, kept
/// beside it so that the two change together.
const DONE_PHRASES: &[&str] = &[
    "been implemented",
    "been adopted",
    "been published",
    "been launched",
    "been established",
    "been set up",
    "been completed",
    "now live",
    "now in force",
    "now available",
    "now provided",
    "now produced",
    "now operational",
    "now published",
    "adopted and published",
    "approved and held",
    "adopted and applied",
    "has become",
    "been applied",
    "been held",
    "been created",
    "been introduced",
    "carried out",
    "rolled out",
    "put in place",
    "been finalised",
    "been finalized",
    "been delivered",
    "been approved",
    "been released",
    "been made available",
    "was implemented",
    "were implemented",
    "was launched",
    "were launched",
    "was established",
    "was set up",
    "were set up",
    "was completed",
    "was introduced",
    "was created",
    "now in place",
    "up and running",
    "in operation",
    "now online",
    "went live",
    "gone live",
];

/// Whether a passage says something was carried out: a completion clause that is not
/// inside a question or a request ("showing which recommendations have been carried out").
fn is_done_statement(text: &str) -> bool {
    static EMBEDDED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:which|whether|how|what|if)\s+(?:[\w'-]+\s+){0,5}$").expect("embedded")
    });
    DONE_RE
        .find_iter(text)
        .any(|m| !EMBEDDED.is_match(&text[..m.start()]))
}

/// What a completion statement says was done: the clause that holds the completion,
/// without the frame that reports it ("The Secretariat informed the group that ...",
/// "For the record, the Secretariat confirms that ..."), whose words are not about it.
fn done_clause(text: &str) -> &str {
    static THAT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i) that ").expect("that"));
    let Some(done) = DONE_RE.find(text) else {
        return text;
    };
    // offsets are the text's own: lower-casing can change byte lengths ("İ")
    THAT.find_iter(&text[..done.start()])
        .last()
        .map_or(text, |m| &text[m.end()..])
}

/// What a completion statement says was done, without the words that say it was done:
/// "the code of conduct has been adopted and published" names the code of conduct, and
/// is no evidence that minutes were published.
fn done_thing(text: &str) -> String {
    // the completion and the participles joined to it ("has been adopted and published")
    static DONE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?:{})(?:\s*(?:,|and)\s+(?:\w+(?:ed|en)|held|set\s+up|made\s+available))*",
            DONE_RE.as_str()
        ))
        .expect("done words")
    });
    DONE_WORDS.replace_all(done_clause(text), " ").into_owned()
}

/// One raising of a recurring proposal.
#[derive(Debug, Clone, Serialize)]
pub struct Occurrence {
    /// File.
    pub source: String,
    /// Meeting date.
    pub meeting_date: Option<String>,
    /// Who raised it.
    pub speaker: String,
    /// Its words.
    pub text: String,
    /// Line where it starts.
    pub line: u64,
}

/// The record that a chain was carried out.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    /// File.
    pub source: String,
    /// Meeting date.
    pub meeting_date: Option<String>,
    /// Line.
    pub line: u64,
    /// The statement.
    pub text: String,
}

/// A recurring proposal, in the shape of `spec/cli.md`.
#[derive(Debug, Clone, Serialize)]
pub struct Gap {
    /// The clearest wording: the occurrence closest to all the others.
    pub label: String,
    /// `open` or `addressed`.
    pub status: String,
    /// Distinct meetings that raised it.
    pub meetings: usize,
    /// First meeting date.
    pub first_seen: Option<String>,
    /// Last meeting date.
    pub last_seen: Option<String>,
    /// Each raising, oldest first.
    pub occurrences: Vec<Occurrence>,
    /// Where it is recorded as done, for `addressed`.
    pub evidence: Option<Evidence>,
}

/// The answer of `quorum gaps`.
#[derive(Debug, Clone, Serialize)]
pub struct GapsResult {
    /// Most persistent first.
    pub gaps: Vec<Gap>,
    /// Proposals compared.
    pub proposals: usize,
}

type Bag = Vec<(u32, f32)>;

struct Vocab {
    ids: HashMap<String, u32>,
}

impl Vocab {
    fn id(&mut self, s: String) -> u32 {
        let n = self.ids.len() as u32;
        *self.ids.entry(s).or_insert(n)
    }
}

/// Words that open a phrase of time, place, company or means ("by 3 May", "before the
/// plenary", "next to the booth", "using the template"): when and where a request is to
/// be met, what it goes with and how, are not what it asks for.
const ADJUNCT_OPENERS: &[&[&str]] = &[
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
const MEANS_OPENERS: &[&str] = &["using"];
/// Words that end such a phrase: the clause goes on.
const CLAUSE_WORDS: &[&str] = &[
    "be", "is", "are", "was", "were", "should", "must", "shall", "will", "would", "could", "can",
    "may", "and", "so", "that", "which", "who", "to",
];
const MONTHS: &[&str] = &[
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
const REASON_OPENERS: &[&str] = &[
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
fn without_reason(text: &str) -> &str {
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
fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Whether a word ends a clause or a phrase with its punctuation.
fn ends_phrase(word: &str) -> bool {
    word.ends_with([',', ';', ':', '.', '!', '?', ')'])
}

/// The text without its phrases of time, place and company, which run from an opener
/// to a punctuation mark or a clause word, six words at most. "By" opens one only before
/// a date ("by 3 May", "by the end of"), not before an agent ("reviewed by the MAG").
fn without_adjuncts(text: &str) -> String {
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
            let most = if means { words.len() } else { i + n + 6 };
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

/// A content word of a proposal, and whether another content word follows it directly
/// (as "old" in "the old lamps", "live" in "live captioning").
#[derive(Debug, Clone, PartialEq)]
pub struct Stem {
    /// The stem, its synonym class merged.
    pub text: String,
    /// Another content word comes right after it, other than the verb it is the subject
    /// of.
    pub modifies: bool,
    /// The next content word is in the same name: right after it or after "of (the)"
    /// ("Terms of Reference", "ToR of the MAG"), not across a verb or an article.
    pub joins_next: bool,
    /// The stems it stands for as written, before acronyms and synonyms are merged:
    /// "footprint" for "carbon footprint" is "carbon footprint".
    pub said: String,
    /// It is in a phrase of whom or what for ("participants from developing countries",
    /// "visas for the annual meeting"), not in what is asked.
    pub whom: bool,
    /// It is the verb of a request in the subjunctive, after its subject ("the
    /// Secretariat survey members").
    pub verb: bool,
}

/// Words that link the parts of one name ("Terms of Reference", "ToR of the MAG", "the
/// MAG's ToR"), with the articles that may follow them. An article alone starts a new
/// name: in "review the ToR" the action and the thing are two ideas.
const NAME_LINKS: &[&str] = &["of", "for", "s"];
const ARTICLES: &[&str] = &["the", "a", "an"];

/// Content stems of what a text asks for: phrases of time and place left out, acronyms
/// expanded and synonyms merged.
pub fn content_stems(text: &str, acronyms: &HashMap<String, Vec<String>>) -> Vec<Stem> {
    let mut toks = Vec::new();
    // each stem with its word as written, lower-cased
    let mut written = Vec::new();
    let mut said = Vec::new();
    for (w, t) in lists_as_sets(words_and_stems(&without_adjuncts(without_reason(text)))) {
        said.push(t.clone());
        // an acronym stays one word, of the long form's stems ("mag": "multistakehold
        // advisori group"), so that "the MAG mailing list" is one name, as it is written
        match acronyms.get(&t) {
            Some(long) => toks.push(long.join(" ")),
            None => toks.push(t),
        }
        written.push(w);
    }
    // tokens in a phrase of whom or what for: from "from" or "for" to a clause word
    let mut whom = Vec::with_capacity(toks.len());
    let mut open = false;
    for w in &written {
        open = matches!(w.as_str(), "from" | "for") || open && !CLAUSE_WORDS.contains(&w.as_str());
        whom.push(open);
    }
    let verb = subject_verb(&written);
    let syn = synonym_map();
    // (stem, first token, token after it)
    let mut kept: Vec<(String, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // synonyms of several words first, longest first ("within 24 hours", "global south")
        if let Some((h, len)) = (2..=MAX_SYNONYM_WORDS.min(toks.len() - i))
            .rev()
            .find_map(|k| syn.get(&toks[i..i + k].join(" ")).map(|h| (h, k)))
        {
            // an article that opens the synonym ("the Forum") stands before it, as any
            // article does: "assess the Forum" does not join "assess" to it
            let start = if ARTICLES.contains(&toks[i].as_str()) {
                i + 1
            } else {
                i
            };
            kept.push((h.clone(), start, i + len));
            i += len;
            continue;
        }
        let t = &toks[i];
        i += 1;
        if let Some(h) = synonyms().exact.get(&written[i - 1]).or_else(|| syn.get(t)) {
            kept.push((h.clone(), i - 1, i));
            continue;
        }
        for t in t.split(' ') {
            if STOP_SET.contains(t) || t.chars().all(|c| c.is_ascii_digit()) || t.len() < 2 {
                continue;
            }
            kept.push((
                syn.get(t).cloned().unwrap_or_else(|| t.to_string()),
                i - 1,
                i,
            ));
        }
    }
    (0..kept.len())
        .map(|k| {
            let next = kept.get(k + 1).map(|n| n.1);
            let end = kept[k].2;
            Stem {
                said: said[kept[k].1..end].join(" "),
                whom: whom[kept[k].1],
                verb: verb == Some(kept[k].1),
                // any word that is not a function word counts: "t" of "t-shirts" too
                modifies: verb != Some(end)
                    && toks
                        .get(end)
                        .is_some_and(|t| !STOP_SET.contains(t.as_str())),
                joins_next: next.is_some_and(|n| {
                    n == end
                        || n == kept[k].1
                        || n > end
                            && NAME_LINKS.contains(&toks[end].as_str())
                            && toks[end + 1..n]
                                .iter()
                                .all(|t| ARTICLES.contains(&t.as_str()))
                }),
                text: std::mem::take(&mut kept[k].0),
            }
        })
        .collect()
}

/// Where the verb of a request in the subjunctive stands, in its first words ("the
/// Secretariat survey members ...", "sessions online include ..."): the word before it is
/// its subject, which does not modify it as "online" modifies "sessions" in "online
/// sessions".
fn subject_verb(words: &[String]) -> Option<usize> {
    (1..words.len().min(8)).find(|&v| {
        crate::extract::proposals::verb_after_subject(words, v)
            && !STOP_SET.contains(words[v - 1].as_str())
            && words
                .get(v + 1)
                .is_none_or(|n| !CLAUSE_WORDS.contains(&n.as_str()))
    })
}

/// Participles that do not end in -ed or -en.
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "set", "put", "made", "held", "kept", "run", "built", "sent", "shown", "done", "paid",
    "brought", "met", "found", "spent", "cut", "led", "read", "told", "sold", "begun", "drawn",
    "shut", "left", "lit", "hung", "bought", "taught", "sought", "fed", "dealt", "won", "struck",
    "spread", "split", "shed", "bound", "wound", "dug", "swept",
];
/// Participles too light to say what is to be done ("be made available", "be given a role").
const LIGHT_PARTICIPLES: &[&str] = &[
    "made", "given", "done", "put", "allowed", "kept", "left", "seen", "taken", "got", "gotten",
];

/// Actions that only support another, named as a noun ("translation of the reports be
/// funded" asks for translation): a proposal whose action is one of these may name the
/// other's action in its words. Any other action stands on its own, and a noun that
/// shares a stem with the other's verb ("the welcome packs be redesigned" / "the app be
/// packed") names no action.
const SUPPORT_ACTIONS: &[&str] = &[
    "fund",
    "support",
    "provide",
    "ensure",
    "prioritise",
    "prioritize",
    "resource",
    "enable",
    "guarantee",
];

/// Whether an action stem, with its synonym class merged, is one of [`SUPPORT_ACTIONS`].
fn supports(action: &str) -> bool {
    static STEMS: LazyLock<HashSet<String>> = LazyLock::new(|| {
        let syn = synonym_map();
        SUPPORT_ACTIONS
            .iter()
            .filter_map(|w| analyze(w).pop())
            .map(|s| syn.get(&s).cloned().unwrap_or(s))
            .collect()
    });
    STEMS.contains(action)
}

/// What a proposal in the passive asks, and of what: the action ("the ToR be reviewed",
/// "captions should be provided") as a stem with its synonym class merged, unless the verb
/// is too light to say ("be made available") or is "get", whose object says what is asked
/// ("the press room get a new design"), and the words of the thing it is asked of, before
/// the verb. With no "be", whom it asks to give something is what it is asked of (see
/// [`given_to`]).
fn passive(text: &str) -> Option<(Option<String>, String)> {
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
fn given_to(words: &[String]) -> Option<String> {
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
        .take(6)
        .position(|w| w == "a" || w == "an")?;
    (to > 0).then(|| words[v + 1..v + 1 + to].join(" "))
}

/// The things a proposal asks to have, named with "a" or "an" as the request itself or
/// the object of a verb of having ("we need a code of conduct that covers every
/// session", "the IGF should have a clear code of conduct"):
/// each as its head, the words before "of" or "for", and the whole name, up to a clause
/// word, another preposition or a punctuation mark. A noun of action with its object ("a
/// review of the ToR") names no thing to have: what it asks is the action.
fn wanted(text: &str) -> Vec<(String, String)> {
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
            if ends_phrase(words[j]) || name.len() == 8 {
                break;
            }
        }
        if !head.is_empty() {
            out.push((head.join(" "), name.join(" ")));
        }
    }
    out
}

/// What pairing needs of a proposal's stems.
struct Features {
    /// Distinct stems, sorted.
    ids: Vec<u32>,
    /// Stems that stand next to each other, as sorted pairs.
    pairs: Vec<(u32, u32)>,
    /// Each use of a stem, and whether it modifies the next word there.
    uses: Vec<(u32, bool)>,
    /// What a passive proposal asks and of what (see [`passive`]).
    action: Option<u32>,
    thing: Vec<u32>,
    /// Whether its words may name another's action (see [`SUPPORT_ACTIONS`]).
    names_actions: bool,
    /// Each thing it asks to have (see [`wanted`]): its head, and its stems, sorted.
    wanted: Vec<(u32, Vec<u32>)>,
    /// Each stem with the words it stands for here (see [`Stem::said`]), sorted.
    said: Vec<(u32, u32)>,
    /// The verb it asks with: the passive's or the subjunctive's.
    verb: Option<u32>,
}

/// The request without a frame that only says it is one ("action so that the ToR be
/// reviewed", "steps to ensure that ...", from "called for action so that ..."): the
/// frame's noun is no idea of the request, and its subject is the thing asked of.
fn without_frame(text: &str) -> &str {
    static FRAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:urgent\s+|concrete\s+|further\s+)?(?:action|actions|steps|measures|efforts|arrangements)\s+(?:be\s+taken\s+)?(?:so\s+that|to\s+ensure(?:\s+that)?|to\s+make\s+sure(?:\s+that)?)\s+").expect("frame")
    });
    FRAME.find(text).map_or(text, |m| &text[m.end()..])
}

fn features(text: &str, acronyms: &HashMap<String, Vec<String>>, vocab: &mut Vocab) -> Features {
    let text = without_frame(text);
    let stems = content_stems(text, acronyms);
    let (action, thing, names_actions) = match passive(text) {
        Some((a, subject)) => {
            let mut thing: Vec<u32> = content_stems(&subject, acronyms)
                .into_iter()
                .map(|s| vocab.id(s.text))
                .collect();
            thing.sort_unstable();
            thing.dedup();
            let names = a.as_deref().is_none_or(supports);
            (a.map(|a| vocab.id(a)), thing, names)
        }
        None => (None, Vec::new(), true),
    };
    let uses: Vec<(u32, bool)> = stems
        .iter()
        .map(|s| (vocab.id(s.text.clone()), s.modifies))
        .collect();
    // the words as written share the vocabulary's ids, marked apart from stems
    let mut said: Vec<(u32, u32)> = stems
        .iter()
        .zip(&uses)
        .filter(|(s, _)| !s.whom)
        .map(|(s, u)| (u.0, vocab.id(format!("\u{1f}{}", s.said))))
        .collect();
    said.sort_unstable();
    said.dedup();
    let mut pairs: Vec<(u32, u32)> = uses
        .windows(2)
        .zip(&stems)
        .filter(|(_, s)| s.joins_next)
        .map(|(w, _)| (w[0].0.min(w[1].0), w[0].0.max(w[1].0)))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut ids: Vec<u32> = uses.iter().map(|u| u.0).collect();
    ids.sort_unstable();
    ids.dedup();
    let wanted = wanted(text)
        .into_iter()
        .filter_map(|(head, name)| {
            let head = vocab.id(content_stems(&head, acronyms).pop()?.text);
            let mut name: Vec<u32> = content_stems(&name, acronyms)
                .into_iter()
                .map(|s| vocab.id(s.text))
                .collect();
            name.sort_unstable();
            name.dedup();
            Some((head, name))
        })
        .collect();
    let verb = action.or_else(|| {
        stems
            .iter()
            .zip(&uses)
            .find(|(s, _)| s.verb)
            .map(|(_, u)| u.0)
    });
    Features {
        ids,
        pairs,
        uses,
        action,
        thing,
        names_actions,
        wanted,
        said,
        verb,
    }
}

/// Stems that, across the proposals, nearly always stand before another content word:
/// qualities and kinds ("old", "digital", "live"), not the thing asked about. Two
/// requests that share only such words and a verb ("the old lamps be audited", "the old
/// carpets be audited") ask for different things.
fn modifiers<'a>(all: impl Iterator<Item = &'a Features>) -> HashSet<u32> {
    let mut seen: HashMap<u32, (u32, u32)> = HashMap::new();
    for f in all {
        for &(x, m) in &f.uses {
            let e = seen.entry(x).or_default();
            e.0 += 1;
            e.1 += m as u32;
        }
    }
    seen.into_iter()
        .filter(|&(_, (n, m))| n >= MODIFIER_MIN_USES && m as f32 >= MODIFIER_SHARE * n as f32)
        .map(|(x, _)| x)
        .collect()
}

/// Cosine of two proposals' bags when they share enough ideas, else 0.
/// Near-identical wording (cosine at least [`SAME_WORDING`]) is the same proposal, unless
/// it asks of two different things.
fn similarity(a: &Item, b: &Item) -> f32 {
    similarity_with(a, b, MIN_CONCEPTS)
}

/// [`similarity`] with `min_concepts` separate ideas needed before the other rules add
/// theirs: [`MIN_CONCEPTS`] for two raisings, [`DONE_CONCEPTS`] for a raising and a
/// completion statement.
fn similarity_with(a: &Item, b: &Item, min_concepts: usize) -> f32 {
    let c = cosine(&a.bag, &b.bag);
    if c == 0.0 {
        return 0.0;
    }
    // two things that share a word but each have their own ("the youth track" / "the
    // parliamentary track") are two things: the word they share is no shared idea, and
    // one more is needed, however alike the rest of the wording
    let kinds: Vec<u32> = if own_words(a, b) {
        a.thing
            .iter()
            .copied()
            .filter(|x| b.thing.contains(x))
            .collect()
    } else {
        Vec::new()
    };
    let things = other_things(a, b);
    if c >= SAME_WORDING && kinds.is_empty() && !things {
        return c;
    }
    let needed = min_concepts
        + other_actions(a, b) as usize
        + (things || other_wants(a, b)) as usize
        + !kinds.is_empty() as usize;
    let shared = shared_concepts(a, b, &kinds);
    // two requests to have one thing are one request, whatever else they say of it
    // so are two when one says nothing the other does not ("an independent evaluation of
    // the IGF" / "to commission an external assessment of the Forum"): its one name is
    // all it asks
    if !things
        && kinds.is_empty()
        && shared + 1 >= needed
        && (same_want(a, b) || said_within(a, b) || said_within(b, a))
    {
        return c.max(LINK);
    }
    if shared >= needed {
        c
    } else {
        0.0
    }
}

/// Whether every stem of a proposal of two stems or more is in the other.
fn said_within(a: &Item, b: &Item) -> bool {
    a.bag.len() >= 2 && a.bag.iter().all(|&(x, _)| b.has(x))
}

/// Whether two proposals ask to have the same thing: a thing of each with one head,
/// and every word of one of them, modifiers aside, somewhere in the other proposal ("a
/// clear code of conduct" / "a code of conduct for all sessions"; not "a fund for remote
/// hubs" / "a fund for travel").
fn same_want(a: &Item, b: &Item) -> bool {
    let within = |name: &[u32], x: &Item, other: &Item| {
        name.iter()
            .filter(|t| x.modifiers.binary_search(t).is_err())
            .all(|&t| other.has(t))
    };
    a.wanted.iter().any(|(ha, na)| {
        b.wanted.iter().any(|(hb, nb)| {
            ha == hb
                && a.modifiers.binary_search(ha).is_err()
                && (within(na, a, b) || within(nb, b, a))
        })
    })
}

/// Whether two proposals name different actions: both say in the passive what is to be
/// done, in words of different classes, and neither word's class is anywhere in the
/// other whose own action only supports one ("translation ... be funded" and "messages
/// be translated" name one action; "the welcome packs be redesigned" and "the app be
/// packed" two, see [`SUPPORT_ACTIONS`]). Two
/// requests about one thing that ask different things of it ("the ramps be archived",
/// "the ramps be repainted") then need one more shared idea to be one.
fn other_actions(a: &Item, b: &Item) -> bool {
    // asking to have a thing is another action than one asked of it ("we need a code of
    // conduct for every session" / "the code of conduct be presented at the opening
    // session")
    let having = |x: &Item, y: &Item, act: u32| {
        !x.has(act) && x.wanted.iter().any(|(head, _)| y.thing.contains(head))
    };
    match (a.action, b.action) {
        (Some(x), Some(y)) => {
            x != y && !(b.names_actions && b.has(x)) && !(a.names_actions && a.has(y))
        }
        (Some(x), None) => having(b, a, x),
        (None, Some(y)) => having(a, b, y),
        _ => false,
    }
}

/// Whether two proposals each ask to have a thing, and neither names the other's ("an
/// implementation tracker be set up" / "the IGF set up a buddy programme"): they ask
/// for different things, as [`other_things`] says of passives, whatever verb they share.
fn other_wants(a: &Item, b: &Item) -> bool {
    let names_none = |x: &Item, y: &Item| x.wanted.iter().all(|(head, _)| !y.has(*head));
    !a.wanted.is_empty() && !b.wanted.is_empty() && names_none(a, b) && names_none(b, a)
}

/// Whether each of two passive proposals' things has a word, modifiers included, that
/// is nowhere in the other proposal ("the French version ..." / "the Spanish version
/// ..."). A thing named in fewer words ("the registration form" / "the online
/// registration form") has none.
fn own_words(a: &Item, b: &Item) -> bool {
    let own = |thing: &[u32], other: &Item| thing.iter().any(|&x| !other.has(x));
    !a.thing.is_empty() && !b.thing.is_empty() && own(&a.thing, b) && own(&b.thing, a)
}

/// Whether two passive proposals ask of different things: no word of either's thing,
/// modifiers aside, is in the other's thing or, in a proposal that may name actions,
/// names the other's action. "The
/// registration statistics be checked by the legal office" and "the IGF website be
/// checked by the legal office" ask one action of two things, so they need one more
/// shared idea to be one request; so do "the work plan be printed in the plan booklet"
/// and "the photos be printed in the plan booklet", where "plan" is only where the
/// photos go.
fn other_things(a: &Item, b: &Item) -> bool {
    let within = |x: &Item, it: &Item| {
        x.thing
            .iter()
            .filter(|t| x.modifiers.binary_search(t).is_err())
            .any(|&t| it.thing.contains(&t) || x.names_actions && it.action == Some(t))
    };
    let named = |x: &Item| {
        x.thing
            .iter()
            .any(|t| x.modifiers.binary_search(t).is_err())
    };
    named(a) && named(b) && !within(a, b) && !within(b, a)
}

/// How many separate ideas two proposals share: shared stems, counting a compound that
/// stands together in both ("captions screen") once and modifiers alone not at all. One shared topic phrase is what
/// unrelated requests about one thing have in common; a restated proposal shares more.
fn shared_concepts(a: &Item, b: &Item, skip: &[u32]) -> usize {
    let shared: Vec<u32> = a
        .bag
        .iter()
        .map(|x| x.0)
        .filter(|&x| b.has(x) && !skip.contains(&x))
        .collect();
    // shared stems joined into runs by pairs adjacent in both; a run of up to three stems
    // ("Terms of Reference folder") names one thing
    let mut parent: Vec<usize> = (0..shared.len()).collect();
    for p in a.pairs.iter().filter(|p| b.pairs.binary_search(p).is_ok()) {
        if let (Ok(x), Ok(y)) = (shared.binary_search(&p.0), shared.binary_search(&p.1)) {
            let (rx, ry) = (find(&mut parent, x), find(&mut parent, y));
            parent[rx] = ry;
        }
    }
    // a run of modifiers alone ("old", "digital") names no thing
    let mut sizes: HashMap<usize, (usize, bool)> = HashMap::new();
    for (i, x) in shared.iter().enumerate() {
        let e = sizes.entry(find(&mut parent, i)).or_default();
        e.0 += 1;
        e.1 |= a.modifiers.binary_search(x).is_err() || b.modifiers.binary_search(x).is_err();
    }
    sizes
        .values()
        .filter(|(_, thing)| *thing)
        .map(|(k, _)| 1 + (k - 1) / 3)
        .sum()
}

fn cosine(a: &Bag, b: &Bag) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

fn normalize(mut bag: Bag) -> Bag {
    let n = bag
        .iter()
        .map(|x| x.1 * x.1)
        .sum::<f32>()
        .sqrt()
        .max(f32::EPSILON);
    for x in &mut bag {
        x.1 /= n;
    }
    bag
}

struct Item {
    occ: Occurrence,
    date: Option<time::Date>,
    bag: Bag,
    pairs: Vec<(u32, u32)>,
    /// Its stems that are [`modifiers`], sorted.
    modifiers: Vec<u32>,
    /// The action it asks for, when it names one in the passive.
    action: Option<u32>,
    /// The stems of what it asks it of, modifiers included, sorted.
    thing: Vec<u32>,
    /// Whether its words may name another's action (see [`SUPPORT_ACTIONS`]).
    names_actions: bool,
    /// The things it asks to have: head and stems.
    wanted: Vec<(u32, Vec<u32>)>,
    /// Each stem with the words it stands for here.
    said: Vec<(u32, u32)>,
    /// The verb it asks with (see [`Features::verb`]).
    verb: Option<u32>,
}

impl Item {
    /// Whether the stem is in its bag.
    fn has(&self, x: u32) -> bool {
        self.bag.binary_search_by_key(&x, |y| y.0).is_ok()
    }

    /// The words it says the stem in, in what it asks (see [`Features::said`]).
    fn said_as(&self, x: u32) -> &[(u32, u32)] {
        let from = self.said.partition_point(|s| s.0 < x);
        &self.said[from..from + self.said[from..].partition_point(|s| s.0 == x)]
    }
}

/// One thread's working memory in [`alike_pairs`]: a dot product per proposal, the
/// proposals touched so far, and the pairs found (similarity, proposal, proposal).
type PairScratch = (Vec<f32>, Vec<u32>, Vec<(f32, u32, u32)>);

/// Pairs of proposals from different meetings whose similarity reaches `floor`.
///
/// For each proposal, its dot products with all later ones are summed over the postings
/// of its stems (the bags are normalised, so the sums are cosines), leaving out stems in
/// more than [`MAX_DF_SHARE`] of proposals: they weigh little and their postings would
/// make the cost quadratic. Only pairs whose sum reaches `floor` get the full rule.
/// Proposals are spread over threads.
fn alike_pairs(items: &[Item], df: &HashMap<u32, u32>, floor: f32) -> Vec<(f32, u32, u32)> {
    let n = items.len();
    let max_df = ((n as f64 * MAX_DF_SHARE).ceil() as u32).max(8);
    let mut postings: HashMap<u32, Vec<(u32, f32)>> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        for &(x, w) in &it.bag {
            if df[&x] >= 2 && df[&x] <= max_df {
                postings.entry(x).or_default().push((i as u32, w));
            }
        }
    }
    // requests to have a thing, by its head, whatever its share: they may link on it alone
    let mut heads: HashMap<u32, Vec<u32>> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        for &(h, _) in &it.wanted {
            heads.entry(h).or_default().push(i as u32);
        }
    }
    for list in heads.values_mut() {
        list.dedup();
    }
    (0..n)
        .into_par_iter()
        .fold(
            || (vec![0f32; n], Vec::new(), Vec::new()),
            |(mut acc, mut touched, mut out): PairScratch, a| {
                for (x, w) in &items[a].bag {
                    let Some(list) = postings.get(x) else {
                        continue;
                    };
                    let later = list.partition_point(|p| p.0 as usize <= a);
                    for &(b, wb) in &list[later..] {
                        if acc[b as usize] == 0.0 {
                            touched.push(b);
                        }
                        acc[b as usize] += w * wb;
                    }
                }
                // a candidate by its head alone: marked, not scored
                let mut by_head = Vec::new();
                for (h, _) in &items[a].wanted {
                    let list = &heads[h];
                    by_head.extend(
                        list[list.partition_point(|&b| b as usize <= a)..]
                            .iter()
                            .copied()
                            .filter(|&b| acc[b as usize] == 0.0),
                    );
                }
                by_head.sort_unstable();
                by_head.dedup();
                for b in touched.drain(..).chain(by_head) {
                    let partial = std::mem::take(&mut acc[b as usize]);
                    let (ia, ib) = (&items[a], &items[b as usize]);
                    let one_head = || {
                        ia.wanted
                            .iter()
                            .any(|(h, _)| ib.wanted.iter().any(|w| w.0 == *h))
                    };
                    if (partial >= floor || one_head()) && ia.occ.source != ib.occ.source {
                        let s = similarity(ia, ib);
                        if s >= floor {
                            out.push((s, a as u32, b));
                        }
                    }
                }
                (acc, touched, out)
            },
        )
        .map(|(_, _, out)| out)
        .reduce(Vec::new, |mut a, b| {
            a.extend(b);
            a
        })
}

/// Groups proposals: strongest pairs first, two groups merge while the average
/// similarity of all their cross pairs (pairs below `link` count 0) reaches `link`,
/// so a one-off that shares a word with two chains does not join them. The sums between
/// groups are kept sparse and added up on each merge, so the cost follows the pairs,
/// not the square of the proposals.
fn average_link(n: usize, pairs: &mut [(f32, u32, u32)], link: f32) -> Vec<Vec<usize>> {
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut parent: Vec<usize> = (0..n).collect();
    let mut size = vec![1usize; n];
    let mut sums: Vec<HashMap<usize, f32>> = vec![HashMap::new(); n];
    for &(s, a, b) in pairs.iter() {
        *sums[a as usize].entry(b as usize).or_default() += s;
        *sums[b as usize].entry(a as usize).or_default() += s;
    }
    for &(_, a, b) in pairs.iter() {
        let (ra, rb) = (find(&mut parent, a as usize), find(&mut parent, b as usize));
        if ra == rb {
            continue;
        }
        let total = sums[ra].get(&rb).copied().unwrap_or(0.0);
        // every cross pair a link at the threshold is a merge, whatever the rounding
        if total / ((size[ra] * size[rb]) as f32) < link - 1e-5 {
            continue;
        }
        let (big, small) = if sums[ra].len() >= sums[rb].len() {
            (ra, rb)
        } else {
            (rb, ra)
        };
        parent[small] = big;
        size[big] += size[small];
        let moved = std::mem::take(&mut sums[small]);
        sums[big].remove(&small);
        for (other, v) in moved {
            if other == big {
                continue;
            }
            *sums[big].entry(other).or_default() += v;
            let o = &mut sums[other];
            o.remove(&small);
            *o.entry(big).or_default() += v;
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        groups.entry(find(&mut parent, i)).or_default().push(i);
    }
    groups.into_values().collect()
}

/// The recurring groups that have a stem in every member, each with the words it says
/// it in, and how many members they have in all (see [`join_on_own_idea`]).
type StemGroups = (Vec<(usize, HashSet<u32>)>, u32);

/// Joins recurring groups that share an idea no other proposal speaks of, each in its
/// own words: a stem in every member of each, in what is asked (not whom it is for),
/// said in words of one synonym class or an acronym and its long form that the two
/// groups never share, and in at most one proposal outside them, a wording raised once
/// ("the carbon footprint of the annual meeting be measured" / "greener practices be
/// adopted", each raised in several meetings, are the only proposals about the
/// footprint). A restatement in other words may share one idea only, too few to link one
/// pair; that the idea is theirs alone, meeting after meeting, and named differently, is
/// what says they are one request. Two groups that name it in the same words ("the
/// workshop form be shortened" / "the deadline be shortened") were not linked by the
/// pair rule for a reason. Nor is the verb a member asks with such an idea ("the
/// Policy Network run sessions" / "the schedule of calls change"): an action is shared
/// by requests for many things.
fn join_on_own_idea(
    groups: Vec<Vec<usize>>,
    items: &[Item],
    df: &HashMap<u32, u32>,
) -> Vec<Vec<usize>> {
    let recurring = |g: &Vec<usize>| {
        g.iter()
            .map(|&i| items[i].occ.source.as_str())
            .collect::<HashSet<_>>()
            .len()
            >= 2
    };
    // each stem in every member of a recurring group: the groups, with the words each
    // says it in, and their members
    let mut by_stem: HashMap<u32, StemGroups> = HashMap::new();
    for (gi, g) in groups.iter().enumerate().filter(|(_, g)| recurring(g)) {
        let first = &items[g[0]];
        for &(x, _) in &first.bag {
            if first.modifiers.binary_search(&x).is_err()
                && g.iter()
                    .all(|&i| !items[i].said_as(x).is_empty() && items[i].verb != Some(x))
            {
                let forms = g
                    .iter()
                    .flat_map(|&i| items[i].said_as(x).iter().map(|s| s.1))
                    .collect();
                let e = by_stem.entry(x).or_default();
                e.0.push((gi, forms));
                e.1 += g.len() as u32;
            }
        }
    }
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    for (x, (gs, members)) in by_stem {
        if gs.len() < 2 || df[&x] > members + 1 {
            continue;
        }
        for (k, (a, fa)) in gs.iter().enumerate() {
            for (b, fb) in &gs[k + 1..] {
                if fa.is_disjoint(fb) {
                    let (ra, rb) = (find(&mut parent, *a), find(&mut parent, *b));
                    parent[ra] = rb;
                }
            }
        }
    }
    let mut joined: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (gi, g) in groups.into_iter().enumerate() {
        joined.entry(find(&mut parent, gi)).or_default().extend(g);
    }
    joined.into_values().collect()
}

/// Joins groups when at least half of the pairs of their wordings are linked, each
/// wording counted once however often it was said. A chain restated in three ways often
/// links two of them to the third and not to each other; averaged over every raising,
/// the verbatim repeats of the unlinked two outvote the link, though half of what was
/// said is alike. Repeats say how often a wording came back, not how alike it is.
/// Joins are made in rounds, most linked first, each group joining once a round, until
/// none is left; a round costs the links between wordings, not the square of the groups.
fn join_half_linked(
    groups: Vec<Vec<usize>>,
    items: &[Item],
    pairs: &[(f32, u32, u32)],
) -> Vec<Vec<usize>> {
    // each distinct wording, a request's frame aside, as a number
    let mut ids: HashMap<String, u32> = HashMap::new();
    let wording: Vec<u32> = items
        .iter()
        .map(|it| {
            let key = without_frame(&it.occ.text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            let next = ids.len() as u32;
            *ids.entry(key).or_insert(next)
        })
        .collect();
    let mut links: Vec<(u32, u32)> = pairs
        .iter()
        .map(|&(_, a, b)| (wording[a as usize], wording[b as usize]))
        .filter(|(x, y)| x != y)
        .map(|(x, y)| (x.min(y), x.max(y)))
        .collect();
    links.sort_unstable();
    links.dedup();
    let mut said: Vec<HashSet<u32>> = groups
        .iter()
        .map(|g| g.iter().map(|&i| wording[i]).collect())
        .collect();
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    loop {
        // the groups that say each wording, by their current root
        let mut sayers: HashMap<u32, Vec<usize>> = HashMap::new();
        for (g, ws) in said.iter().enumerate().filter(|(g, _)| parent[*g] == *g) {
            for &w in ws {
                sayers.entry(w).or_default().push(g);
            }
        }
        let mut linked: HashMap<(usize, usize), usize> = HashMap::new();
        for (x, y) in &links {
            let (Some(gx), Some(gy)) = (sayers.get(x), sayers.get(y)) else {
                continue;
            };
            for &a in gx {
                for &b in gy.iter().filter(|&&b| b != a) {
                    *linked.entry((a.min(b), a.max(b))).or_default() += 1;
                }
            }
        }
        let mut joins: Vec<(f32, usize, usize)> = linked
            .into_iter()
            .map(|((a, b), k)| (k as f32 / (said[a].len() * said[b].len()) as f32, a, b))
            .filter(|j| 2.0 * j.0 >= 1.0)
            .collect();
        if joins.is_empty() {
            break;
        }
        joins.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        let mut joined = HashSet::new();
        for (_, a, b) in joins {
            if joined.contains(&a) || joined.contains(&b) {
                continue;
            }
            joined.extend([a, b]);
            parent[b] = a;
            let moved = std::mem::take(&mut said[b]);
            said[a].extend(moved);
        }
    }
    let mut out: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (gi, g) in groups.into_iter().enumerate() {
        out.entry(find(&mut parent, gi)).or_default().extend(g);
    }
    out.into_values().collect()
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Acronyms the corpus defines, as stems of their long forms.
fn corpus_acronyms(searcher: &Searcher) -> Result<HashMap<String, Vec<String>>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for seg in searcher.segment_readers() {
        let Some(col) = seg.fast_fields().str("acronym")? else {
            continue;
        };
        let mut s = String::new();
        for ord in 0..col.num_terms() as u64 {
            s.clear();
            if col.ord_to_str(ord, &mut s)? {
                if let Some((short, long)) = s.split_once('\u{1f}') {
                    let key = analyze(short).join(" ");
                    if !key.is_empty() && !key.contains(' ') {
                        out.entry(key).or_insert_with(|| analyze(long));
                    }
                }
            }
        }
    }
    Ok(out)
}

/// Runs `quorum gaps`.
pub fn gaps(index_dir: &Path, min_meetings: usize, filters: &Filters) -> Result<GapsResult> {
    let (index, f) = reader::open(index_dir)?;
    let (_r, searcher) = reader::searcher(&index)?;
    let acronyms = corpus_acronyms(&searcher)?;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> =
        vec![(Occur::Must, f.records(record::PROPOSAL))];
    clauses.extend(filters.clauses(&f)?);
    let docs = searcher.search(&BooleanQuery::new(clauses), &DocSetCollector)?;
    let mut found: Vec<(Occurrence, Option<time::Date>)> = Vec::with_capacity(docs.len());
    for a in docs {
        let d: TantivyDocument = searcher.doc(a)?;
        let s = |fl| {
            d.get_first(fl)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string()
        };
        let date = d
            .get_first(f.date)
            .and_then(|v| v.as_datetime())
            .and_then(from_tantivy_date);
        let occ = Occurrence {
            source: s(f.source),
            meeting_date: date.map(crate::extract::dates::iso),
            speaker: s(f.item_speaker),
            text: s(f.item_text),
            line: d
                .get_first(f.line_start)
                .and_then(|v| v.as_u64())
                .unwrap_or(0),
        };
        found.push((occ, date));
    }
    // in the corpus's order, not the index's: two indexes of one corpus lay documents out
    // in other orders (threads, merges), and ties between links are broken by position
    found.sort_by(|a, b| {
        (&a.0.source, a.0.line, &a.0.text).cmp(&(&b.0.source, b.0.line, &b.0.text))
    });
    let mut vocab = Vocab {
        ids: HashMap::new(),
    };
    let raw: Vec<(Occurrence, Option<time::Date>, Features)> = found
        .into_iter()
        .map(|(occ, date)| {
            let feats = features(&occ.text, &acronyms, &mut vocab);
            (occ, date, feats)
        })
        .collect();
    let n = raw.len();
    let (items, df, modifiers) = space(raw);
    let link = std::env::var("QUORUM_GAP_LINK")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(LINK);
    let mut pairs = alike_pairs(&items, &df, link);
    let groups = join_on_own_idea(average_link(n, &mut pairs, link), &items, &df);
    let groups = join_half_linked(groups, &items, &pairs);
    let completions = completions(&searcher, &f, &acronyms, &mut vocab, &df, n, &modifiers)?;
    // completion statements by stem, so that each chain reads only those that share one
    let mut done_postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for (c, done) in completions.iter().enumerate() {
        for (x, _) in &done.item.bag {
            done_postings.entry(*x).or_default().push(c);
        }
    }
    let mut out = Vec::new();
    // the candidates for each chain's evidence: (similarity, completion)
    let mut claims: Vec<(f32, usize, usize)> = Vec::new();
    for members in groups {
        let meetings: HashSet<&str> = members
            .iter()
            .map(|&i| items[i].occ.source.as_str())
            .collect();
        if meetings.len() < min_meetings.max(2) {
            continue;
        }
        let mut members = members;
        members.sort_by(|&a, &b| {
            items[a]
                .date
                .cmp(&items[b].date)
                .then_with(|| items[a].occ.source.cmp(&items[b].occ.source))
        });
        let central = label_of(&members, &items);
        let first = items[members[0]].date;
        let last = members.iter().filter_map(|&i| items[i].date).max();
        // done when a later statement is about the same thing as one of the raisings, by
        // the rule that links raisings
        let mut near: Vec<usize> = members
            .iter()
            .flat_map(|&i| {
                items[i]
                    .bag
                    .iter()
                    .filter_map(|(x, _)| done_postings.get(x))
                    .flatten()
                    .copied()
            })
            .collect();
        near.sort_unstable();
        near.dedup();
        let chain = out.len();
        claims.extend(
            near.into_iter()
                .filter(|&c| {
                    let (e, done) = (&completions[c].evidence, &completions[c].item);
                    done.date.is_some()
                        && done.date >= first
                        && !meetings.contains(e.source.as_str())
                        || done.date.is_some() && done.date > last
                })
                .map(|c| {
                    (
                        members
                            .iter()
                            .map(|&i| completions[c].evidence_for(&items[i]))
                            .fold(0.0, f32::max),
                        chain,
                        c,
                    )
                })
                .filter(|(s, _, _)| *s >= DONE),
        );
        out.push(Gap {
            label: items[central].occ.text.clone(),
            status: "open".into(),
            meetings: meetings.len(),
            first_seen: first.map(crate::extract::dates::iso),
            last_seen: last.map(crate::extract::dates::iso),
            occurrences: members.iter().map(|&i| items[i].occ.clone()).collect(),
            evidence: None,
        });
    }
    // a statement records one thing done: it is evidence only for the chain it is most
    // like, and a chain takes the statement most like it
    for (chain, c) in assign_evidence(claims, out.len()).into_iter().enumerate() {
        if let Some(c) = c {
            out[chain].evidence = Some(completions[c].evidence.clone());
            out[chain].status = "addressed".into();
        }
    }
    out.sort_by(|a, b| {
        b.meetings
            .cmp(&a.meetings)
            .then_with(|| a.first_seen.cmp(&b.first_seen))
            .then_with(|| a.label.cmp(&b.label))
    });
    Ok(GapsResult {
        gaps: out,
        proposals: n,
    })
}

/// The member whose wording labels a chain: the one most like all the others, and of
/// those alike the shortest. Closeness is compared to four decimals, so that two members
/// equally alike do not part on rounding ("a" to "b" and "b" to "a" are summed in other
/// orders).
fn label_of(members: &[usize], items: &[Item]) -> usize {
    let closeness = |a: usize| {
        (members
            .iter()
            .map(|&o| cosine(&items[a].bag, &items[o].bag))
            .sum::<f32>()
            * 1e4)
            .round() as i64
    };
    *members
        .iter()
        .max_by_key(|&&a| (closeness(a), std::cmp::Reverse(items[a].occ.text.len())))
        .expect("non-empty")
}

/// Which statement is each chain's evidence, from claims (similarity, chain,
/// statement): a statement goes to the chain it is most like, and a chain takes the
/// best statement left to it.
fn assign_evidence(mut claims: Vec<(f32, usize, usize)>, chains: usize) -> Vec<Option<usize>> {
    claims.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut out = vec![None; chains];
    let mut used = HashSet::new();
    for (_, chain, c) in claims {
        // the first claim of a statement is its best
        if used.insert(c) && out[chain].is_none() {
            out[chain] = Some(c);
        }
    }
    out
}

/// The proposals as items, with how many proposals hold each stem and which stems are
/// modifiers: the space that completions are read in too.
fn space(
    raw: Vec<(Occurrence, Option<time::Date>, Features)>,
) -> (Vec<Item>, HashMap<u32, u32>, HashSet<u32>) {
    let n = raw.len();
    let mut df: HashMap<u32, u32> = HashMap::new();
    for (_, _, fs) in &raw {
        for &x in &fs.ids {
            *df.entry(x).or_default() += 1;
        }
    }
    let modifiers = modifiers(raw.iter().map(|r| &r.2));
    let items = raw
        .into_iter()
        .map(|(occ, date, fs)| item(occ, date, fs, &df, n, &modifiers))
        .collect();
    (items, df, modifiers)
}

/// A proposal or statement in the proposals' space: stems weighted by their rarity among
/// proposals (stems no proposal has are left out).
fn item(
    occ: Occurrence,
    date: Option<time::Date>,
    fs: Features,
    df: &HashMap<u32, u32>,
    n: usize,
    modifiers: &HashSet<u32>,
) -> Item {
    let bag = normalize(
        fs.ids
            .iter()
            .filter_map(|&x| df.get(&x).map(|&c| (x, idf(n, c))))
            .collect(),
    );
    // a modifier that this text also uses as a noun of its own ("young people get ...")
    // names a thing here
    let mods = fs
        .ids
        .iter()
        .copied()
        .filter(|x| modifiers.contains(x) && fs.uses.iter().all(|u| u.0 != *x || u.1))
        .collect();
    Item {
        occ,
        date,
        bag,
        pairs: fs.pairs,
        modifiers: mods,
        action: fs.action,
        thing: fs.thing,
        names_actions: fs.names_actions,
        wanted: fs.wanted,
        said: fs.said,
        verb: fs.verb,
    }
}

/// A passage or decision that says something was done.
struct Completion {
    evidence: Evidence,
    /// The clause that says it, in the proposals' space.
    item: Item,
    /// What was done: the clause without the words that say it was done.
    thing: Item,
}

impl Completion {
    /// How much this statement is evidence that a raising was carried out: the rule that
    /// links raisings, with [`DONE_CONCEPTS`] shared ideas, one of them in what was done.
    /// The completion's own verb may match the raising's ("be made available" / "is now
    /// available") but is not enough alone: "the code of conduct has been adopted and
    /// published" says nothing of the minutes asked to be published.
    fn evidence_for(&self, raising: &Item) -> f32 {
        if self
            .thing
            .bag
            .iter()
            .any(|&(x, _)| raising.has(x) && raising.modifiers.binary_search(&x).is_err())
        {
            similarity_with(raising, &self.item, DONE_CONCEPTS).max(similarity_with(
                raising,
                &self.thing,
                DONE_CONCEPTS,
            ))
        } else {
            0.0
        }
    }
}

/// Passages and decisions that say something was done, as bags in the proposals' space.
fn completions(
    searcher: &Searcher,
    f: &Fields,
    acronyms: &HashMap<String, Vec<String>>,
    vocab: &mut Vocab,
    df: &HashMap<u32, u32>,
    n: usize,
    modifiers: &HashSet<u32>,
) -> Result<Vec<Completion>> {
    let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for field in [f.text, f.item_text] {
        for p in DONE_PHRASES {
            let terms: Vec<Term> = analyze(p)
                .into_iter()
                .map(|t| Term::from_field_text(field, &t))
                .collect();
            if terms.len() >= 2 {
                // one word may stand between, as DONE_RE allows: "been formally adopted"
                let mut q = PhraseQuery::new(terms);
                q.set_slop(1);
                any.push((Occur::Should, Box::new(q)));
            }
        }
    }
    let docs = searcher.search(&BooleanQuery::new(any), &DocSetCollector)?;
    let mut found: Vec<(Evidence, Option<time::Date>)> = Vec::new();
    for a in docs {
        let d: TantivyDocument = searcher.doc(a)?;
        let text = d
            .get_first(f.text)
            .or_else(|| d.get_first(f.item_text))
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string();
        if !is_done_statement(&text) {
            continue;
        }
        let date = d
            .get_first(f.date)
            .and_then(|v| v.as_datetime())
            .and_then(from_tantivy_date);
        let source = d
            .get_first(f.source)
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string();
        let line = d
            .get_first(f.line_start)
            .and_then(|v| v.as_u64())
            .unwrap_or(0);
        found.push((
            Evidence {
                source,
                meeting_date: date.map(crate::extract::dates::iso),
                line,
                text,
            },
            date,
        ));
    }
    // the corpus's order, as for proposals: the collector's set has none
    found.sort_by(|a, b| {
        (&a.0.source, a.0.line, &a.0.text).cmp(&(&b.0.source, b.0.line, &b.0.text))
    });
    let mut out = Vec::with_capacity(found.len());
    for (ev, date) in found {
        let fs = features(done_clause(&ev.text), acronyms, vocab);
        let thing = features(&done_thing(&ev.text), acronyms, vocab);
        let occ = Occurrence {
            source: ev.source.clone(),
            meeting_date: ev.meeting_date.clone(),
            speaker: String::new(),
            text: String::new(),
            line: ev.line,
        };
        out.push(Completion {
            evidence: ev,
            item: item(occ.clone(), date, fs, df, n, modifiers),
            thing: item(occ, date, thing, df, n, modifiers),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bag(text: &str, acr: &HashMap<String, Vec<String>>, vocab: &mut Vocab) -> Bag {
        normalize(
            features(text, acr, vocab)
                .ids
                .into_iter()
                .map(|x| (x, 1.0))
                .collect(),
        )
    }

    #[test]
    fn test_paraphrases_link_and_one_offs_do_not() {
        let mut acr = HashMap::new();
        acr.insert("tor".to_string(), analyze("Terms of Reference"));
        let mut v = Vocab {
            ids: HashMap::new(),
        };
        let a = bag(
            "the MAG Terms of Reference should be reviewed",
            &acr,
            &mut v,
        );
        let b = bag("the ToR of the MAG be updated", &acr, &mut v);
        let c = bag(
            "the Terms of Reference of the BPF mention its mailing list",
            &acr,
            &mut v,
        );
        assert!(
            cosine(&a, &b) > cosine(&a, &c),
            "{} vs {}",
            cosine(&a, &b),
            cosine(&a, &c)
        );
        assert!(cosine(&a, &b) >= 0.5);
    }

    /// The texts as proposals of separate meetings, in their own space.
    fn items_of(
        texts: &[&str],
        acr: &HashMap<String, Vec<String>>,
    ) -> (Vec<Item>, HashMap<u32, u32>, Vocab) {
        let mut v = Vocab {
            ids: HashMap::new(),
        };
        let raw = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                (
                    Occurrence {
                        source: format!("m{i}"),
                        meeting_date: None,
                        speaker: String::new(),
                        text: t.to_string(),
                        line: 1,
                    },
                    None,
                    features(t, acr, &mut v),
                )
            })
            .collect();
        let (items, df, _) = space(raw);
        (items, df, v)
    }

    #[test]
    fn test_a_subject_does_not_modify_its_verb() {
        let modifies = |text: &str, word: &str| {
            let s = content_stems(text, &HashMap::new());
            s.iter()
                .find(|s| s.said == word)
                .unwrap_or_else(|| panic!("{s:?}"))
                .modifies
        };
        assert!(!modifies(
            "rooms online include interpreted channels",
            "onlin"
        ));
        assert!(modifies(
            "online rooms include interpreted channels",
            "onlin"
        ));
        assert!(!modifies(
            "the Secretariat survey members on how the MAG works",
            "secretariat"
        ));
        // a noun before "be" is the subject's head, a word before it modifies it
        assert!(modifies("the online review be done", "onlin"));
    }

    #[test]
    fn test_shared_modifiers_and_a_verb_are_not_one_request() {
        let texts = [
            "the old lamps be audited",
            "the old carpets be audited",
            "the old chairs be repainted",
            "the lamps be audited before the plenary",
        ];
        let (items, _, v) = items_of(&texts, &HashMap::new());
        let old = v.ids["old"];
        assert!(
            items[0].modifiers.contains(&old),
            "'old' always stands before a noun"
        );
        assert_eq!(
            shared_concepts(&items[0], &items[1], &[]),
            1,
            "old + audit: only the verb counts"
        );
        assert_eq!(
            shared_concepts(&items[0], &items[3], &[]),
            2,
            "lamps + audit: the thing and the verb"
        );
        assert_eq!(similarity(&items[0], &items[1]), 0.0);
    }

    #[test]
    fn test_pairs_from_postings_equal_all_pairs() {
        let texts = [
            "the MAG Terms of Reference should be reviewed",
            "the ToR of the MAG be updated to reflect the year-round work",
            "revisit the terms of reference of the MAG",
            "the terms of reference folder be moved to the shelf",
            "live captioning be available in every session room",
            "captions should be provided for all sessions",
            "the captions screen be repainted",
            "a travel fund support participants from developing countries",
            "donors finance the travel of stakeholders from least developed countries",
        ];
        let mut acr = HashMap::new();
        acr.insert("tor".to_string(), analyze("Terms of Reference"));
        let (items, df, _) = items_of(&texts, &acr);
        let mut fast: Vec<(u32, u32)> = alike_pairs(&items, &df, 0.2)
            .into_iter()
            .map(|p| (p.1, p.2))
            .collect();
        fast.sort_unstable();
        let mut slow = Vec::new();
        for a in 0..items.len() {
            for b in a + 1..items.len() {
                if similarity(&items[a], &items[b]) >= 0.2 {
                    slow.push((a as u32, b as u32));
                }
            }
        }
        assert_eq!(fast, slow);
        assert!(fast.contains(&(0, 1)) && fast.contains(&(4, 5)), "{fast:?}");
        assert!(
            !fast.contains(&(5, 6)),
            "one shared topic word is not a link: {fast:?}"
        );
        // the two restatements join and the one-off stays apart
        let groups = average_link(items.len(), &mut alike_pairs(&items, &df, 0.2), 0.2);
        assert!(
            groups
                .iter()
                .any(|g| g.contains(&4) && g.contains(&5) && !g.contains(&6)),
            "{groups:?}"
        );
    }

    use proptest::strategy::Strategy;

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(300))]
        /// The rules read words by position (phrases, the passive, things asked to
        /// have, "from" / "for" phrases, frames): none may panic on any proposal text,
        /// however odd.
        #[test]
        fn test_rules_never_panic_on_any_text(words in proptest::collection::vec(proptest::prop_oneof![
            proptest::sample::select(vec![
                "the", "be", "a", "for", "from", "of", "by", "get", "give", "action so that", "the Forum", "ToR", "İstanbul",
                "Arabic, Chinese and", "within 24 hours", ",", ".",
            ]).prop_map(String::from),
            "[a-zA-Z]{1,12}", "\\PC{0,6}",
        ], 0..24)) {
            let text = words.join(" ");
            let mut acr = HashMap::new();
            acr.insert("tor".to_string(), analyze("Terms of Reference"));
            let (items, df, _) = items_of(&[text.as_str(), "the Terms of Reference be reviewed", text.as_str()], &acr);
            let _ = similarity(&items[0], &items[1]);
            let _ = similarity(&items[0], &items[2]);
            let _ = join_on_own_idea(vec![vec![0, 2], vec![1]], &items, &df);
            let _ = join_half_linked(vec![vec![0, 2], vec![1]], &items, &[(0.3, 0, 1), (0.3, 1, 2)]);
            let _ = done_thing(&text);
        }
    }

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

    #[test]
    fn test_a_thing_given_to_one_is_not_given_to_another() {
        assert_eq!(
            passive("the MAG to give Dynamic Coalitions a dedicated slot"),
            Some((None, "dynamic coalitions".to_string()))
        );
        assert_eq!(passive("give a slot to everyone"), None);
        let texts = [
            "the youth groups be given a dedicated slot in the main session",
            "the MAG give the coalitions a dedicated slot in the main session",
            "the youth groups should get their own dedicated slot in the main session",
        ];
        let (items, _, _) = items_of(&texts, &HashMap::new());
        assert_eq!(
            similarity(&items[0], &items[1]),
            0.0,
            "{}",
            cosine(&items[0].bag, &items[1].bag)
        );
        assert!(
            similarity(&items[0], &items[2]) >= LINK,
            "{}",
            similarity(&items[0], &items[2])
        );
    }

    #[test]
    fn test_groups_with_an_idea_of_their_own_in_other_words_are_one() {
        let texts = [
            "the carbon footprint of the annual meeting be measured",
            "the carbon footprint of the annual meeting be measured",
            "greener practices be adopted at the venue",
            "greener practices be adopted at the venue",
            "a travel fund for participants from developing countries",
            "a travel fund for participants from developing countries",
            "workshop slots be reserved for proposals from the Global South",
            "workshop slots be reserved for proposals from the Global South",
            "the workshop form be shortened",
            "the workshop form be shortened",
            "the session deadline be shortened",
            "the session deadline be shortened",
        ];
        let (items, df, _) = items_of(&texts, &HashMap::new());
        let pairs: Vec<Vec<usize>> = (0..texts.len() / 2)
            .map(|k| vec![2 * k, 2 * k + 1])
            .collect();
        let mut joined = join_on_own_idea(pairs.clone(), &items, &df);
        joined.iter_mut().for_each(|g| g.sort_unstable());
        assert!(
            joined.contains(&vec![0, 1, 2, 3]),
            "the footprint, in two wordings: {joined:?}"
        );
        assert!(
            joined.contains(&vec![4, 5]) && joined.contains(&vec![6, 7]),
            "whom a request is for is not what it asks: {joined:?}"
        );
        assert!(
            joined.contains(&vec![8, 9]) && joined.contains(&vec![10, 11]),
            "one word in both is no other wording: {joined:?}"
        );
        // one more proposal on the idea may be a wording raised once; two make it common
        let mut more = texts.to_vec();
        more.push("the emissions of travel be offset");
        let (items, df, _) = items_of(&more, &HashMap::new());
        let mut alone = pairs.clone();
        alone.push(vec![12]);
        assert!(join_on_own_idea(alone.clone(), &items, &df)
            .iter()
            .any(|g| g.len() == 4));
        more.push("the emissions of the catering be counted");
        let (items, df, _) = items_of(&more, &HashMap::new());
        alone.push(vec![13]);
        assert!(join_on_own_idea(alone, &items, &df)
            .iter()
            .all(|g| g.len() <= 2));
        // the verb a request asks with is no idea of its own: many requests share one
        let texts = [
            "the Policy Network run online clinics",
            "the Policy Network run online clinics",
            "the schedule of calls change every month",
            "the schedule of calls change every month",
        ];
        let (items, df, _) = items_of(&texts, &HashMap::new());
        assert_eq!(
            join_on_own_idea(vec![vec![0, 1], vec![2, 3]], &items, &df).len(),
            2
        );
    }

    #[test]
    fn test_different_actions_on_one_thing_need_more_in_common() {
        let action = |t: &str| passive(t).and_then(|p| p.0);
        assert_eq!(
            action("the ramps should be quickly repainted by May").as_deref(),
            Some("repaint")
        );
        assert_eq!(
            passive("the old ramps should be quickly repainted")
                .map(|p| p.1)
                .as_deref(),
            Some("the old ramps")
        );
        assert_eq!(
            action("the tracker be set up"),
            Some("establish".into()),
            "synonym class head"
        );
        assert_eq!(
            action("outputs be made available in Arabic"),
            None,
            "a light verb says nothing"
        );
        assert_eq!(
            action("captioning be available in every room"),
            None,
            "not a participle"
        );
        let texts = [
            "the portable ramps next to the stage be archived, together with the tracker board",
            "the tracker board and the broken ramps be repainted",
            "the tracker board and the ramps be archived",
            "translation of the final reports be funded",
            "the final reports be translated",
            "the tracker board and the old ramps be archived",
        ];
        let (items, _, _) = items_of(&texts, &HashMap::new());
        assert!(other_actions(&items[0], &items[1]));
        assert_eq!(
            similarity(&items[0], &items[1]),
            0.0,
            "archive and repaint the ramps are two requests"
        );
        assert!(
            similarity(&items[0], &items[2]) > 0.0,
            "the same action on the same things is one"
        );
        assert_eq!(
            similarity(&items[0], &items[5]),
            0.0,
            "portable ramps and old ramps are two things"
        );
        assert!(
            !other_actions(&items[3], &items[4]),
            "a nominalised action names the same action"
        );
        // a noun that shares a stem with the other's verb names no action unless its own
        // action only supports one
        let texts = [
            "the welcome packs and the tracker board be redesigned",
            "the tracker board and the mobile app be packed",
            "the tracker board and the mobile app be redesigned",
            "the catering of the tracker board be provided",
            "the tracker board be catered",
        ];
        let (items, _, _) = items_of(&texts, &HashMap::new());
        assert!(other_actions(&items[0], &items[1]) && other_actions(&items[1], &items[0]));
        assert_eq!(
            similarity(&items[0], &items[1]),
            0.0,
            "redesign and pack are two actions"
        );
        assert!(!other_actions(&items[0], &items[2]));
        assert!(
            !other_actions(&items[3], &items[4]),
            "providing catering is catering"
        );
    }

    #[test]
    fn test_one_action_asked_of_different_things_is_two_requests() {
        let texts = [
            "the registration statistics be checked by the legal office",
            "the IGF website be checked by the legal office",
            "the website of the IGF should be checked by the legal office",
            "the legal office check the website",
        ];
        let (items, _, _) = items_of(&texts, &HashMap::new());
        assert!(other_things(&items[0], &items[1]));
        assert_eq!(similarity(&items[0], &items[1]), 0.0);
        assert!(
            !other_things(&items[1], &items[2]) && similarity(&items[1], &items[2]) > 0.0,
            "one thing, other words"
        );
        assert!(
            !other_things(&items[1], &items[3]),
            "an active request names no thing to compare"
        );
        let texts = [
            "the French version of the guide be posted on the community wiki",
            "the Spanish version of the guide be posted on the community wiki",
            "the online registration form be simplified",
            "the registration form should be simplified for newcomers",
        ];
        let (items, _, _) = items_of(&texts, &HashMap::new());
        assert!(
            own_words(&items[0], &items[1]),
            "two versions are two things, though both are versions"
        );
        assert!(
            !own_words(&items[2], &items[3]),
            "a thing named in fewer words is the same thing"
        );
        assert!(similarity(&items[2], &items[3]) > 0.0);
        // where one request's thing is only where the other's goes, the things differ,
        // however alike the wording
        let texts = [
            "the travel plan be pinned on the plan board",
            "the photos be pinned on the plan board",
        ];
        let (items, _, _) = items_of(&texts, &HashMap::new());
        assert!(other_things(&items[0], &items[1]));
        assert_eq!(similarity(&items[0], &items[1]), 0.0);
        // "get" asks of its subject as "be" does, with what is asked in the object
        assert_eq!(
            passive("the French handbook should get a new cover")
                .map(|p| p.1)
                .as_deref(),
            Some("the french handbook")
        );
        let texts = [
            "the French handbook get a bright new cover",
            "the Spanish handbook get a bright new cover",
        ];
        let (items, _, _) = items_of(&texts, &HashMap::new());
        assert!(own_words(&items[0], &items[1]));
        assert_eq!(
            similarity(&items[0], &items[1]),
            0.0,
            "one thing asked of two handbooks is two requests"
        );
    }

    #[test]
    fn test_requests_to_have_one_thing_are_one_request() {
        let names = |t: &str| {
            wanted(t)
                .into_iter()
                .map(|(h, n)| format!("{h} / {n}"))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names("we need a style guide that every editor follows"),
            ["style guide / style guide"]
        );
        assert_eq!(
            names("the board should adopt a code of ethics for all staff and volunteers"),
            ["code / code of ethics for all staff"]
        );
        assert_eq!(
            names("a review of the style guide"),
            Vec::<String>::new(),
            "an action with its object is no thing"
        );
        assert_eq!(
            names("a fund for travel, and a desk at the venue"),
            ["fund / fund for travel"],
            "only the thing asked for"
        );
        assert_eq!(
            names("the editors give the interns a desk"),
            Vec::<String>::new(),
            "a thing given to someone is theirs"
        );
        let texts = [
            "we need a style guide that every editor follows",
            "the newsroom should have a clear style guide, used in print and on the web",
            "the style guide be translated into French",
            "a fund for travel to the regional meetings",
            "a fund for interpreters at the regional meetings",
            "the old style guide be archived",
        ];
        let (items, _, _) = items_of(&texts, &HashMap::new());
        assert!(same_want(&items[0], &items[1]));
        assert!(
            similarity(&items[0], &items[1]) >= LINK,
            "{}",
            similarity(&items[0], &items[1])
        );
        assert!(
            !same_want(&items[3], &items[4]),
            "a fund for one thing is not a fund for another"
        );
        assert!(
            !same_want(&items[0], &items[2]) && similarity(&items[0], &items[2]) == 0.0,
            "asking something of the guide is not asking to have it"
        );
        // the pair is a candidate by its head even when the words they share are too
        // common to make candidates
        let mut many: Vec<String> = texts.iter().map(|t| t.to_string()).collect();
        many.extend(
            [
                "printed",
                "shortened",
                "bound",
                "mailed",
                "scanned",
                "sold",
                "signed",
                "framed",
                "stamped",
            ]
            .map(|v| format!("the style guide be {v}")),
        );
        let (items, df, v) = items_of(
            &many.iter().map(String::as_str).collect::<Vec<_>>(),
            &HashMap::new(),
        );
        assert!(df[&v.ids["guid"]] as f64 > (many.len() as f64 * MAX_DF_SHARE).max(8.0));
        let pairs: Vec<(u32, u32)> = alike_pairs(&items, &df, LINK)
            .into_iter()
            .map(|p| (p.1, p.2))
            .collect();
        assert!(pairs.contains(&(0, 1)), "{pairs:?}");
    }

    #[test]
    fn test_requests_to_have_two_things_are_two_requests() {
        let texts = [
            "an implementation tracker for the board's proposals be set up",
            "the board set up a buddy programme for first-time volunteers",
            "the board set up a buddy programme for new volunteers",
        ];
        let (items, _, _) = items_of(&texts, &HashMap::new());
        assert!(other_wants(&items[0], &items[1]));
        assert_eq!(
            similarity(&items[0], &items[1]),
            0.0,
            "a tracker and a buddy programme, both set up by the board"
        );
        assert!(!other_wants(&items[1], &items[2]));
    }

    #[test]
    fn test_what_a_request_is_set_against_is_not_what_it_asks() {
        let stems = |t: &str| {
            content_stems(t, &HashMap::new())
                .into_iter()
                .map(|s| s.text)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            stems("captions be provided for all sessions, not only the main hall"),
            stems("captions be provided for all sessions")
        );
        assert_eq!(
            stems("a map of every room, not just the ground floor"),
            stems("a map of every room")
        );
    }

    #[test]
    fn test_groups_with_half_their_wordings_linked_join() {
        // "a" is said three times and "c" twice, in one group; "b" twice, linked to "a"
        // only; "d" once, linked to "a" of a group of three wordings
        let texts = ["a", "a", "a", "c", "c", "b", "b", "e", "d"];
        let (items, _, _) = items_of(&texts, &HashMap::new());
        let pairs = [(0.3, 0, 5), (0.3, 1, 6), (0.3, 2, 5)];
        let groups = join_half_linked(vec![vec![0, 1, 2, 3, 4], vec![5, 6]], &items, &pairs);
        assert_eq!(groups.len(), 1, "one of two wordings linked: {groups:?}");
        let pairs = [(0.3, 0, 8)];
        let groups = join_half_linked(vec![vec![0, 3, 7], vec![8]], &items, &pairs);
        assert_eq!(
            groups.len(),
            2,
            "one of three wordings linked is too few: {groups:?}"
        );
        // the frame of a request is no wording of its own
        let texts = ["x be done", "action so that x be done", "y be done"];
        let (items, _, _) = items_of(&texts, &HashMap::new());
        assert_eq!(
            join_half_linked(vec![vec![0, 1], vec![2]], &items, &[(0.3, 0, 2)]).len(),
            1
        );
    }

    #[test]
    fn test_groups_whose_every_cross_pair_links_at_the_threshold_merge() {
        for k in 2..8u32 {
            // k restatements worded alike, and one more linked to each at the threshold
            let mut pairs: Vec<(f32, u32, u32)> = (0..k)
                .flat_map(|a| (a + 1..k).map(move |b| (1.0, a, b)))
                .collect();
            pairs.extend((0..k).map(|a| (LINK, a, k)));
            assert_eq!(
                average_link(k as usize + 1, &mut pairs, LINK).len(),
                1,
                "{k} restatements"
            );
        }
    }

    #[test]
    fn test_a_statement_is_evidence_for_the_chain_most_like_it() {
        // statement 0 is more like chain 1; chain 0 takes the next best, statement 1
        assert_eq!(
            assign_evidence(vec![(0.5, 0, 0), (0.7, 1, 0), (0.4, 0, 1)], 2),
            [Some(1), Some(0)]
        );
        // a statement is no evidence for a chain it is less like, even with none left
        assert_eq!(
            assign_evidence(vec![(0.6, 0, 0), (0.5, 1, 0)], 2),
            [Some(0), None]
        );
        // one shared idea is enough for a statement, not for a restatement
        let texts = [
            "the exhibition hall should be accessible to visitors in wheelchairs",
            "the exhibition hall has been rebuilt",
            "visitors in wheelchairs need a ramp at the bus stop",
            "the bus stop should be accessible too",
            "the old bridge has been rebuilt",
        ];
        let (items, _, _) = items_of(&texts, &HashMap::new());
        assert_eq!(similarity(&items[0], &items[1]), 0.0);
        assert!(
            similarity_with(&items[0], &items[1], DONE_CONCEPTS) >= DONE,
            "{}",
            similarity_with(&items[0], &items[1], DONE_CONCEPTS)
        );
    }

    #[test]
    fn test_the_completion_verb_alone_is_no_evidence() {
        let texts = [
            "the minutes of every board meeting should be published",
            "we need a code of conduct that covers every session",
            "the code of conduct should apply to every session",
        ];
        let (items, df, mut v) = items_of(&texts, &HashMap::new());
        let done = |t: &str, v: &mut Vocab| {
            let occ = Occurrence {
                source: "later".into(),
                meeting_date: None,
                speaker: String::new(),
                text: String::new(),
                line: 1,
            };
            let at = |fs| item(occ.clone(), None, fs, &df, texts.len(), &HashSet::new());
            let evidence = Evidence {
                source: "later".into(),
                meeting_date: None,
                line: 1,
                text: t.into(),
            };
            Completion {
                evidence,
                item: at(features(done_clause(t), &HashMap::new(), v)),
                thing: at(features(&done_thing(t), &HashMap::new(), v)),
            }
        };
        let conduct = done(
            "The Secretariat reported that the code of conduct has been adopted and published.",
            &mut v,
        );
        // "published" says that it was done, not what: the minutes were not published
        assert_eq!(conduct.evidence_for(&items[0]), 0.0);
        assert!(
            conduct.evidence_for(&items[1]) >= DONE,
            "{}",
            conduct.evidence_for(&items[1])
        );
        let minutes = done("The board minutes are now published.", &mut v);
        assert!(
            minutes.evidence_for(&items[0]) >= DONE,
            "{}",
            minutes.evidence_for(&items[0])
        );
        assert_eq!(minutes.evidence_for(&items[1]), 0.0);
    }

    #[test]
    fn test_synonyms_of_several_words() {
        let stems = |t: &str| {
            content_stems(t, &HashMap::new())
                .into_iter()
                .map(|s| s.text)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            stems("reports published within 24 hours"),
            stems("reports published quickly")
        );
        assert_eq!(stems("a code of conduct"), stems("guidelines"));
        // a synonym whose stem is a commoner word's takes that word too: "reporters" took
        // every "report", "form" every registration form, "place" every "take place"
        for w in [
            "report",
            "form",
            "found",
            "place",
            "governance",
            "present",
            "record",
            "design",
            "develop",
        ] {
            assert_eq!(stems(w), analyze(w), "{w}");
        }
        assert_eq!(stems("governments"), stems("policymakers"));
        assert_eq!(stems("reporters"), stems("journalists"));
        assert_eq!(stems("developing"), stems("Global South"));
        assert_eq!(
            stems("a database of good practices"),
            stems("a database of best practices")
        );
        assert_eq!(stems("take the floor"), stems("speaking"));
        // session 10: asking fewer questions shortens; a day is quick; work between
        // annual meetings is intersessional; being fair is not leaving a region disadvantaged
        assert_eq!(stems("fewer questions"), stems("shorter questions"));
        assert_eq!(
            stems("reports within one day"),
            stems("reports the same day")
        );
        assert_eq!(
            stems("webinars between annual meetings"),
            stems("webinars, intersessional")
        );
        assert_eq!(
            stems("no region is disadvantaged"),
            stems("no region is fair")
        );
        // to have access to a thing is to have it provided
        assert_eq!(
            stems("access to interpretation"),
            stems("availability of interpretation")
        );
        // an acronym every record uses without defining it
        assert_eq!(
            stems("webinars on AI governance"),
            stems("webinars on artificial intelligence governance")
        );
        // the times of meetings are what time zones are about
        assert_eq!(
            stems("calls alternate between time zones"),
            stems("calls alternate times")
        );
        // function words and words of quantity are no idea of a request
        assert_eq!(
            stems("a short set of messages on how the board works"),
            stems("short messages on the board")
        );
        assert_eq!(stems("a series of webinars"), stems("webinars"));
        // "the Forum" is the IGF, and its article does not join it to the verb before
        assert_eq!(stems("the Forum"), stems("the IGF"));
        // a list of languages is languages; one language is itself
        assert_eq!(
            stems("in Arabic, Chinese, French, Russian and Spanish"),
            ["languag"]
        );
        assert_ne!(stems("the French version"), stems("the Spanish version"));
        let joins = |t: &str| {
            content_stems(t, &HashMap::new())
                .iter()
                .find(|s| s.text == "measur")
                .map(|s| s.joins_next)
        };
        assert_eq!(
            joins("an outside evaluator should assess the Forum"),
            Some(false)
        );
        assert_eq!(joins("an external assessment of the Forum"), Some(true));
    }

    #[test]
    fn test_an_acronym_is_one_word_of_a_name() {
        // "the MAG mailing list" is one name, as "the mailing list" is: the long form's
        // stems do not count as ideas of their own
        let acr: HashMap<String, Vec<String>> = [(
            "mag".to_string(),
            analyze("Multistakeholder Advisory Group"),
        )]
        .into();
        let (items, _, _) = items_of(
            &[
                "the MAG mailing list be kept on paper as well",
                "the MAG mailing list be printed in the booklet",
            ],
            &acr,
        );
        assert_eq!(shared_concepts(&items[0], &items[1], &[]), 1);
        let (items, _, _) = items_of(
            &[
                "the MAG should review its Terms of Reference",
                "the Multistakeholder Advisory Group reviews the ToR",
            ],
            &acr,
        );
        assert!(shared_concepts(&items[0], &items[1], &[]) >= 2);
    }

    #[test]
    fn test_a_modifier_used_as_a_noun_names_a_thing() {
        // "youth" nearly always modifies ("the youth lounge"), but not in "young people
        // get ...": there it is who the request is for, an idea the two share
        let mut texts: Vec<String> = [
            "lounge", "track", "desk", "booth", "prize", "stage", "banner", "quiz", "film",
            "choir", "caucus",
        ]
        .iter()
        .map(|t| format!("the youth {t} be painted"))
        .collect();
        texts.push("young people get a formal advisory body".into());
        texts.push("a youth advisory group be created".into());
        let (items, _, v) = items_of(
            &texts.iter().map(String::as_str).collect::<Vec<_>>(),
            &HashMap::new(),
        );
        let youth = v.ids["youth"];
        let n = texts.len();
        assert!(items[0].modifiers.contains(&youth) && items[n - 1].modifiers.contains(&youth));
        assert!(!items[n - 2].modifiers.contains(&youth));
        assert_eq!(shared_concepts(&items[n - 2], &items[n - 1], &[]), 2);
    }

    #[test]
    fn test_a_proposal_all_said_within_another_is_one_with_it() {
        let texts = [
            "an independent evaluation of the board",
            "to commission an external assessment of the board",
            "an external assessment of the catering",
            "the board should publish its minutes",
        ];
        let (items, _, _) = items_of(&texts, &HashMap::new());
        assert!(said_within(&items[0], &items[1]) && !said_within(&items[1], &items[0]));
        assert!(
            similarity(&items[0], &items[1]) >= LINK,
            "{}",
            cosine(&items[0].bag, &items[1].bag)
        );
        assert!(!said_within(&items[2], &items[1]));
        assert_eq!(similarity(&items[2], &items[1]), 0.0);
    }

    #[test]
    fn test_the_label_is_the_most_central_wording_then_the_shortest() {
        let texts = [
            "the board publish its minutes every month",
            "the board should publish the minutes of every one of its meetings every month",
            "the board publish its minutes",
        ];
        let (items, _, _) = items_of(&texts, &HashMap::new());
        // two members: each as like the other, so the shorter
        assert_eq!(label_of(&[1, 0], &items), 0);
        assert_eq!(label_of(&[0, 1], &items), 0);
        // three: the one most like the other two, whose words both have
        assert_eq!(label_of(&[0, 1, 2], &items), 2);
    }

    #[test]
    fn test_asking_to_have_a_thing_is_not_asking_something_of_it() {
        let texts = [
            "we need a style guide that covers every newsroom",
            "the style guide be presented at the newsroom meeting",
            "the newsroom should have a style guide of its own",
        ];
        let (items, _, _) = items_of(&texts, &HashMap::new());
        assert!(other_actions(&items[0], &items[1]) && other_actions(&items[1], &items[0]));
        assert_eq!(
            similarity(&items[0], &items[1]),
            0.0,
            "{}",
            cosine(&items[0].bag, &items[1].bag)
        );
        assert!(!other_actions(&items[0], &items[2]));
    }

    #[test]
    fn test_no_word_is_in_two_synonym_classes() {
        // a stem claimed by two classes silently goes to the later one ("publicize" and
        // "publication" are both "public")
        let file: SynonymFile = toml::from_str(DEFAULT_SYNONYMS).unwrap();
        let mut owner: HashMap<String, String> = HashMap::new();
        let mut clashes = Vec::new();
        for class in &file.class {
            for w in class {
                let s = if w.starts_with('=') {
                    w.to_lowercase()
                } else {
                    analyze(w).join(" ")
                };
                assert!(
                    analyze(w).len() <= MAX_SYNONYM_WORDS,
                    "{w} is too long to match"
                );
                assert!(
                    !w.starts_with('=') || !w.contains(' '),
                    "{w}: an entry as written is one word"
                );
                if let Some(o) = owner.insert(s.clone(), class[0].clone()) {
                    if o != class[0] {
                        clashes.push(format!("{w} ({s}): {o} / {}", class[0]));
                    }
                }
            }
        }
        assert!(clashes.is_empty(), "{clashes:#?}");
    }

    #[test]
    fn test_done_statements() {
        assert!(is_done_statement("the implementation tracker is now live"));
        assert!(is_done_statement(
            "the revised ToR have been adopted and published"
        ));
        assert!(is_done_statement(
            "the reserved slots were adopted and applied in the programme"
        ));
        assert!(!is_done_statement("the tracker should be implemented"));
        assert!(is_done_statement(
            "The mentoring scheme was successfully rolled out in March."
        ));
        assert!(is_done_statement(
            "the new registration system went live last week"
        ));
        assert!(is_done_statement(
            "a helpdesk for visas is now up and running"
        ));
        assert!(is_done_statement("the guidelines have now been finalised"));
        assert!(!is_done_statement(
            "members asked whether the tracker was implemented"
        ));
        assert!(!is_done_statement("the tracker was discussed at length"));
        assert!(!is_done_statement(
            "a public table showing which improvement recommendations have been carried out"
        ));
        assert_eq!(
            done_clause("For the record, the Secretariat confirms that the tracker is now live."),
            "the tracker is now live."
        );
        assert_eq!(
            done_clause("The tracker is now live."),
            "The tracker is now live."
        );
        assert_eq!(
            done_thing("They said that the code of conduct has been adopted and published.").trim(),
            "the code of conduct  ."
        );
        // lower-casing "İ" is longer than "İ": offsets must stay the text's
        assert_eq!(
            done_clause("İİİİ said THAT the tracker is now live."),
            "the tracker is now live."
        );
        assert_eq!(
            without_reason("İİİİ be reviewed BECAUSE it is old"),
            "İİİİ be reviewed"
        );
    }
}
