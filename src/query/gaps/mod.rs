//! Recurring implementation gaps: proposals that come back meeting after meeting, in
//! other words and from other people, with no record of being carried out.
//!
//! Each proposal becomes a bag of the stems of its content words, weighted by rarity,
//! with acronyms the corpus defines expanded (one word of the name they stand in),
//! synonyms merged (data/synonyms.toml) and phrases of time, place and means, reasons and
//! what a request is set against left out. Two proposals are one when the cosine of their
//! bags reaches `Params::link` and they share at least `Params::min_concepts` separate ideas (a shared
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
//! the stems kept for pairing (those in at most `Params::max_df_share` of proposals), so at
//! worst quadratic with a small constant; grouping is linear in the pairs found.

mod cluster;
mod decided;
mod features;
mod model;
pub mod params;
mod routine;
mod similarity;
mod status;
#[cfg(test)]
mod testing;

pub use crate::extract::synonyms::DEFAULT_SYNONYMS;
pub use features::{content_stems, Stem};
pub use params::{Params, PARAMS};

use super::filters::Filters;
use crate::extract::request::Request;
use crate::index::passages::from_tantivy_date;
use crate::index::reader;
use crate::index::schema::{analyze, record, Fields};
use anyhow::{anyhow, Result};
use cluster::{alike_pairs, average_link, join_half_linked, join_on_own_idea, label_of};
use decided::{decision_for, decisions, settled_by_anaphor};
use features::{features, Features, Vocab};
use routine::is_routine_chain;
use serde::Serialize;
use similarity::{space, Space};
use status::{assign_evidence, completions};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, Query};
use tantivy::schema::Value;
use tantivy::{Searcher, TantivyDocument};

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

impl Evidence {
    /// What a stored document says, with its statement `text`, and its meeting date.
    pub(super) fn stored(
        d: &TantivyDocument,
        f: &Fields,
        text: String,
    ) -> (Evidence, Option<time::Date>) {
        let date = stored_date(d, f);
        let ev = Evidence {
            source: stored_str(d, f.source),
            meeting_date: date.map(crate::extract::dates::iso),
            line: stored_line(d, f),
            text,
        };
        (ev, date)
    }

    /// Where it stands, as an occurrence without speaker or words.
    pub(super) fn occurrence(&self) -> Occurrence {
        Occurrence {
            source: self.source.clone(),
            meeting_date: self.meeting_date.clone(),
            speaker: String::new(),
            text: String::new(),
            line: self.line,
        }
    }
}

/// A recurring proposal, in the shape of `docs/json.md`.
#[derive(Debug, Clone, Serialize)]
pub struct Gap {
    /// The clearest wording: the occurrence closest to all the others.
    pub label: String,
    /// `open`; `decided` when a meeting adopted it and no later record says it was done;
    /// `addressed` when a later record says it was done.
    pub status: String,
    /// Routine recurring administration (a yearly deadline, the call for session
    /// proposals): listed after the other gaps, not one of them.
    pub routine: bool,
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
    /// The decision that adopted it, for `decided` (and for `addressed` when one is found).
    pub decision: Option<Evidence>,
}

/// The answer of `quorum gaps`.
#[derive(Debug, Clone, Serialize)]
pub struct GapsResult {
    /// Most persistent first.
    pub gaps: Vec<Gap>,
    /// Proposals compared.
    pub proposals: usize,
}

/// Acronyms the corpus defines, as stems of their long forms.
pub(super) fn corpus_acronyms(searcher: &Searcher) -> Result<HashMap<String, Vec<String>>> {
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

/// A stored text field of a proposal or decision document ("" when absent).
pub(super) fn stored_str(d: &TantivyDocument, field: tantivy::schema::Field) -> String {
    d.get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or("")
        .to_string()
}

/// The meeting date stored with a document.
pub(super) fn stored_date(d: &TantivyDocument, f: &Fields) -> Option<time::Date> {
    d.get_first(f.date)
        .and_then(|v| v.as_datetime())
        .and_then(from_tantivy_date)
}

/// The first line stored with a document (0 when absent).
pub(super) fn stored_line(d: &TantivyDocument, f: &Fields) -> u64 {
    d.get_first(f.line_start)
        .and_then(|v| v.as_u64())
        .unwrap_or(0)
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
    let mut found: Vec<(Occurrence, Option<time::Date>, Request)> = Vec::with_capacity(docs.len());
    for a in docs {
        let d: TantivyDocument = searcher.doc(a)?;
        let s = |fl| stored_str(&d, fl);
        let date = stored_date(&d, &f);
        let occ = Occurrence {
            source: s(f.source),
            meeting_date: date.map(crate::extract::dates::iso),
            speaker: s(f.item_speaker),
            text: s(f.item_text),
            line: stored_line(&d, &f),
        };
        // the request was analysed when the proposal was indexed
        let request = Request::from_stored(&s(f.request)).map_err(|e| {
            anyhow!(
                "{}:{}: the proposal's request analysis is unreadable ({e}); rebuild the index with `quorum index --rebuild`",
                occ.source,
                occ.line
            )
        })?;
        found.push((occ, date, request));
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
        .map(|(occ, date, request)| {
            let feats = features(&request, &acronyms, &mut vocab);
            (occ, date, feats)
        })
        .collect();
    let n = raw.len();
    let (items, df, modifiers) = space(raw);
    let link = crate::config::gap_link().unwrap_or(PARAMS.link);
    if let Some(path) = crate::config::gap_pairs_dump() {
        let all = cluster::candidate_pairs(&items, &df, 0.0, &|_, _| Some(0.0));
        model::dump(&path, &items, &all)?;
    }
    let (link, mut pairs) = if crate::config::gap_model() {
        // the fitted similarity, opt-in: fitted on gen_chains it gains precision there and
        // loses most recall on gen_alt and quorum-gen (benches/RESULTS.md, session 14),
        // so the pair rule stays the default; a pair is linked at its probability
        let w = crate::config::gap_weights()
            .and_then(|v| model::Weights::from_slice(&v))
            .unwrap_or(model::WEIGHTS);
        let link = crate::config::gap_link().unwrap_or(PARAMS.model_link);
        let pairs = cluster::candidate_pairs(&items, &df, PARAMS.candidate_floor, &|a, b| {
            let p = model::probability(&model::components(a, b), &w);
            (p >= link).then_some(p)
        });
        (link, pairs)
    } else {
        (link, alike_pairs(&items, &df, link))
    };
    let mut groups = average_link(n, &mut pairs, link);
    if similarity::rule_on("own_idea") {
        groups = join_on_own_idea(groups, &items, &df);
    }
    if similarity::rule_on("half_linked") {
        groups = join_half_linked(groups, &items, &pairs);
    }
    let space = Space {
        df: &df,
        n,
        modifiers: &modifiers,
    };
    let completions = completions(&searcher, &f, &acronyms, &mut vocab, &space)?;
    let decisions = decisions(&searcher, &f, &acronyms, &mut vocab, &space)?;
    let anaphors = settled_by_anaphor(&items, &decisions);
    let mut decision_postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for (d, dec) in decisions.iter().enumerate().filter(|(_, d)| !d.anaphoric) {
        for (x, _) in &dec.item.bag {
            decision_postings.entry(*x).or_default().push(d);
        }
    }
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
        if meetings.len() < min_meetings.max(PARAMS.recurring_meetings) {
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
                .filter(|(s, _, _)| *s >= PARAMS.done),
        );
        let decision = decision_for(&members, &items, &decisions, &anaphors, &decision_postings);
        out.push(Gap {
            label: items[central].occ.text.clone(),
            status: if decision.is_some() {
                "decided"
            } else {
                "open"
            }
            .into(),
            routine: is_routine_chain(members.iter().map(|&i| items[i].occ.text.as_str())),
            meetings: meetings.len(),
            first_seen: first.map(crate::extract::dates::iso),
            last_seen: last.map(crate::extract::dates::iso),
            occurrences: members.iter().map(|&i| items[i].occ.clone()).collect(),
            evidence: None,
            decision: decision.map(|d| decisions[d].evidence.clone()),
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
        a.routine
            .cmp(&b.routine)
            .then_with(|| b.meetings.cmp(&a.meetings))
            .then_with(|| a.first_seen.cmp(&b.first_seen))
            .then_with(|| a.label.cmp(&b.label))
    });
    Ok(GapsResult {
        gaps: out,
        proposals: n,
    })
}

#[cfg(test)]
mod tests {
    use super::cluster::{join_half_linked, join_on_own_idea};
    use super::similarity::similarity;
    use super::status::done_thing;
    use super::testing::items_of;
    use crate::text::analysis::analyze;
    use std::collections::HashMap;

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
}
