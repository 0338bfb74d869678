//! Status `decided`: a meeting adopted the proposal, and no later record says it was done.
//!
//! A decision settles a raising in two ways. A decision that names what it settles ("So we
//! agree that the host country will organize a high-level session on AI governance on Day
//! 0") does so when it is about the same thing by the rule that links raisings, in the
//! raising's meeting or a later one. A decision that names nothing of its own ("Seeing no
//! objection, that's decided.", "This was agreed."; every word in the lexicon's
//! `decision_frame`) settles the proposal made just before it in the same record: the
//! nearest one at or above its line, at most `Params::anaphor_lines` lines up.

use super::features::{features, Vocab};
use super::params::PARAMS;
use super::similarity::{item, rule_on, similarity, Item, Space};
use super::{stored_str, Evidence};
use crate::extract::request::analyse;
use crate::index::schema::{record, Fields};
use crate::lexicon::lexicon;
use crate::text::analysis::analyze;
use anyhow::Result;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;
use tantivy::collector::DocSetCollector;
use tantivy::{Searcher, TantivyDocument};

/// A decision of a meeting, in the proposals' space.
pub(super) struct Decision {
    pub(super) evidence: Evidence,
    /// What it decides, without the frame that says it was decided.
    pub(super) item: Item,
    /// Whether it names nothing of its own (see the module's comment).
    pub(super) anaphoric: bool,
}

/// Whether a decision names nothing of its own: every word of it is a word of the
/// decision frame, or a number.
pub(super) fn names_nothing(text: &str) -> bool {
    static FRAME: LazyLock<HashSet<String>> = LazyLock::new(|| {
        lexicon()
            .gaps
            .decision_frame
            .iter()
            .flat_map(analyze)
            .collect()
    });
    let words = analyze(text);
    !words.is_empty()
        && words
            .iter()
            .all(|w| FRAME.contains(w) || w.chars().all(|c| c.is_ascii_digit()))
}

/// Whether a decision record says a decision was taken: one of its words is one of
/// `decision_words` (data/lexicon.toml). A proposal or a summary of discussion extracted
/// as a decision ("She also proposed to organise a workshop on ...") adopted nothing.
pub(super) fn says_decided(text: &str) -> bool {
    static WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
        lexicon()
            .gaps
            .decision_words
            .iter()
            .flat_map(analyze)
            .collect()
    });
    analyze(text).iter().any(|w| WORDS.contains(w))
}

/// What a decision decides: the text after its frame ("So we agree that", "The MAG agreed
/// to", "It was decided to"), or all of it when it has none.
pub(super) fn decision_clause(text: &str) -> &str {
    static FRAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:agree[sd]?|decided?|consensus)\b(?:\s*,)?(?:\s+(?:that|to|on))?\s+")
            .expect("decision frame")
    });
    FRAME.find(text).map_or(text, |m| &text[m.end()..])
}

/// Words after the verb of a decision among which what it goes on with must stand for it
/// to be a decision to continue ("continue [the] [technical] work"): an article and one
/// modifier. Chosen by hand, not measured.
const CONTINUED_WITHIN: usize = 3;

/// Whether what a decision decides (its [`decision_clause`]) is to go on with work under
/// way: it opens with one of `continued_verbs` and one of `continued_work` follows within
/// [`CONTINUED_WITHIN`] words ("continue the work on data governance", "keep working on
/// the charter"). Such a decision names a subject, not a request: it adopts no proposal.
pub(super) fn continues_work(clause: &str) -> bool {
    let g = &lexicon().gaps;
    let words: Vec<String> = clause
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(CONTINUED_WITHIN + 1)
        .map(str::to_lowercase)
        .collect();
    words.first().is_some_and(|w| g.continued_verbs.contains(w))
        && words
            .iter()
            .skip(1)
            .take(CONTINUED_WITHIN)
            .any(|w| g.continued_work.contains(w))
}

/// Every decision of the index, in the corpus's order.
pub(super) fn decisions(
    searcher: &Searcher,
    f: &Fields,
    acronyms: &HashMap<String, Vec<String>>,
    vocab: &mut Vocab,
    space: &Space,
) -> Result<Vec<Decision>> {
    let docs = searcher.search(&f.records(record::DECISION), &DocSetCollector)?;
    let mut found: Vec<(Evidence, Option<time::Date>)> = Vec::with_capacity(docs.len());
    for a in docs {
        let d: TantivyDocument = searcher.doc(a)?;
        let text = Some(stored_str(&d, f.item_text))
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| stored_str(&d, f.text));
        found.push(Evidence::stored(&d, f, text));
    }
    found.sort_by(|a, b| {
        (&a.0.source, a.0.line, &a.0.text).cmp(&(&b.0.source, b.0.line, &b.0.text))
    });
    Ok(found
        .into_iter()
        .filter(|(ev, _)| !rule_on("decision_words") || says_decided(&ev.text))
        .filter(|(ev, _)| !rule_on("continued") || !continues_work(decision_clause(&ev.text)))
        .map(|(ev, date)| {
            let fs = features(&analyse(decision_clause(&ev.text)), acronyms, vocab);
            let anaphoric = names_nothing(&ev.text);
            Decision {
                item: item(ev.occurrence(), date, fs, space),
                evidence: ev,
                anaphoric,
            }
        })
        .collect())
}

/// For each proposal, the decision that names nothing of its own and follows it in its
/// record with no other proposal between, within `Params::anaphor_lines` lines.
pub(super) fn settled_by_anaphor(items: &[Item], decisions: &[Decision]) -> HashMap<usize, usize> {
    let mut by_source: HashMap<&str, Vec<(u64, usize)>> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        by_source
            .entry(it.occ.source.as_str())
            .or_default()
            .push((it.occ.line, i));
    }
    for v in by_source.values_mut() {
        v.sort_unstable();
    }
    let mut out = HashMap::new();
    for (d, dec) in decisions.iter().enumerate().filter(|(_, d)| d.anaphoric) {
        let Some(lines) = by_source.get(dec.evidence.source.as_str()) else {
            continue;
        };
        let at = lines.partition_point(|&(l, _)| l <= dec.evidence.line);
        let Some(&(nearest, _)) = at.checked_sub(1).map(|k| &lines[k]) else {
            continue;
        };
        if dec.evidence.line - nearest > PARAMS.anaphor_lines {
            continue;
        }
        for &(_, i) in lines[..at].iter().rev().take_while(|(l, _)| *l == nearest) {
            out.entry(i).or_insert(d);
        }
    }
    out
}

/// The decision that settles a chain: one that follows a raising and names nothing, else
/// the decision most like a raising, at `Params::decided` or more, from the first
/// raising's meeting on.
pub(super) fn decision_for(
    members: &[usize],
    items: &[Item],
    decisions: &[Decision],
    anaphors: &HashMap<usize, usize>,
    postings: &HashMap<u32, Vec<usize>>,
) -> Option<usize> {
    // a chain raised again after its decision is still decided, not done: that is the
    // gap between adopting and doing (gen_chains plants 20 of 33 such chains on seeds 1-3)
    if let Some(&d) = members.iter().filter_map(|i| anaphors.get(i)).min() {
        return Some(d);
    }
    let first = members.iter().filter_map(|&i| items[i].date).min();
    let mut near: Vec<usize> = members
        .iter()
        .flat_map(|&i| items[i].bag.iter().filter_map(|(x, _)| postings.get(x)))
        .flatten()
        .copied()
        .collect();
    near.sort_unstable();
    near.dedup();
    near.into_iter()
        .filter(|&d| !decisions[d].anaphoric && decisions[d].item.date >= first)
        .map(|d| {
            let s = members
                .iter()
                .map(|&i| similarity(&items[i], &decisions[d].item))
                .fold(0.0, f32::max);
            (s, d)
        })
        .filter(|(s, _)| *s >= PARAMS.decided)
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, d)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_a_decision_that_names_nothing_refers_back() {
        assert!(names_nothing("Hearing no objections, so it is agreed."));
        assert!(names_nothing("OK, we agree on that point then."));
        assert!(names_nothing("The decision was taken by consensus."));
        assert!(!names_nothing(
            "We agree that the newsletter will carry a page on accessibility."
        ));
        assert!(!names_nothing("Hearing none, the agenda is adopted."));
        assert!(!names_nothing(""));
    }

    #[test]
    fn test_a_decision_says_it_was_decided() {
        assert!(says_decided(
            "The working group agreed to publish a glossary."
        ));
        assert!(says_decided("Hearing no objection, it was so decided."));
        assert!(!says_decided(
            "Ms. Smith also proposed to hold a hackathon on open data."
        ));
        assert!(!says_decided(
            "The exchange touched on satellite broadband."
        ));
    }

    #[test]
    fn test_a_decision_to_go_on_with_work_adopts_nothing() {
        let go_on = |t: &str| continues_work(decision_clause(t));
        assert!(go_on(
            "The panel agreed to continue the work on spectrum policy next term."
        ));
        assert!(go_on(
            "So we agree to keep working on the volunteers' charter."
        ));
        assert!(go_on(
            "It was decided to resume the discussion of fees in May."
        ));
        // what is decided is a request: a new thing to do
        assert!(!go_on(
            "The panel agreed to publish a primer on spectrum policy."
        ));
        // the work is not what it goes on with
        assert!(!go_on(
            "We agree to continue funding three travel grants so remote hubs can work."
        ));
        assert!(!go_on("The network agreed that work starts in June."));
    }

    #[test]
    fn test_the_decision_clause_leaves_the_frame_out() {
        assert_eq!(
            decision_clause("The board agreed to translate the annual report."),
            "translate the annual report."
        );
        assert_eq!(
            decision_clause("So we agree that the helpdesk stays open in August."),
            "the helpdesk stays open in August."
        );
        assert_eq!(
            decision_clause("The helpdesk stays open in August."),
            "The helpdesk stays open in August."
        );
    }
}
