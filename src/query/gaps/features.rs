//! What is read from a proposal: the stems of what it asks, weighted by their rarity among
//! proposals, and the parts of its request that the rules compare (what it asks of,
//! the action, the things it asks to have, the verb it asks with).

use super::grammar::{
    passive, wanted, without_adjuncts, without_frame, without_reason, ARTICLES, CLAUSE_WORDS,
};
use super::params::PARAMS;
use super::synonyms::{lists_as_sets, synonym_map, synonyms};
use crate::index::schema::{analyze, words_and_stems};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Stems that carry no proposal content.
pub(super) const STOP: &[&str] = &[
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

pub(super) static STOP_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| STOP.iter().copied().collect());

pub(super) struct Vocab {
    pub(super) ids: HashMap<String, u32>,
}

impl Vocab {
    pub(super) fn id(&mut self, s: String) -> u32 {
        let n = self.ids.len() as u32;
        *self.ids.entry(s).or_insert(n)
    }
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
pub(super) const NAME_LINKS: &[&str] = &["of", "for", "s"];

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
        if let Some((h, len)) = (2..=PARAMS.max_synonym_words.min(toks.len() - i))
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
pub(super) fn subject_verb(words: &[String]) -> Option<usize> {
    (1..words.len().min(PARAMS.subject_verb_words)).find(|&v| {
        crate::extract::proposals::verb_after_subject(words, v)
            && !STOP_SET.contains(words[v - 1].as_str())
            && words
                .get(v + 1)
                .is_none_or(|n| !CLAUSE_WORDS.contains(&n.as_str()))
    })
}

/// Actions that only support another, named as a noun ("translation of the reports be
/// funded" asks for translation): a proposal whose action is one of these may name the
/// other's action in its words. Any other action stands on its own, and a noun that
/// shares a stem with the other's verb ("the welcome packs be redesigned" / "the app be
/// packed") names no action.
pub(super) const SUPPORT_ACTIONS: &[&str] = &[
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
pub(super) fn supports(action: &str) -> bool {
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

/// What pairing needs of a proposal's stems.
pub(super) struct Features {
    /// Distinct stems, sorted.
    pub(super) ids: Vec<u32>,
    /// Stems that stand next to each other, as sorted pairs.
    pub(super) pairs: Vec<(u32, u32)>,
    /// Each use of a stem, and whether it modifies the next word there.
    pub(super) uses: Vec<(u32, bool)>,
    /// What a passive proposal asks and of what (see [`passive`]).
    pub(super) action: Option<u32>,
    pub(super) thing: Vec<u32>,
    /// Whether its words may name another's action (see [`SUPPORT_ACTIONS`]).
    pub(super) names_actions: bool,
    /// Each thing it asks to have (see [`wanted`]): its head, and its stems, sorted.
    pub(super) wanted: Vec<(u32, Vec<u32>)>,
    /// Each stem with the words it stands for here (see [`Stem::said`]), sorted.
    pub(super) said: Vec<(u32, u32)>,
    /// The verb it asks with: the passive's or the subjunctive's.
    pub(super) verb: Option<u32>,
}

pub(super) fn features(
    text: &str,
    acronyms: &HashMap<String, Vec<String>>,
    vocab: &mut Vocab,
) -> Features {
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
pub(super) fn modifiers<'a>(all: impl Iterator<Item = &'a Features>) -> HashSet<u32> {
    let mut seen: HashMap<u32, (u32, u32)> = HashMap::new();
    for f in all {
        for &(x, m) in &f.uses {
            let e = seen.entry(x).or_default();
            e.0 += 1;
            e.1 += m as u32;
        }
    }
    seen.into_iter()
        .filter(|&(_, (n, m))| {
            n >= PARAMS.modifier_min_uses && m as f32 >= PARAMS.modifier_share * n as f32
        })
        .map(|(x, _)| x)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
