//! Status: a chain is `addressed` when a later passage or decision says something was
//! done and is about the same thing as one of its raisings.

use super::features::{features, Vocab};
use super::params::PARAMS;
use super::similarity::{item, similarity_with, Item, Space};
use super::Evidence;
use crate::extract::request::analyse;
use crate::index::schema::{analyze, Fields};
use crate::lexicon::lexicon;
use anyhow::Result;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query};
use tantivy::schema::Value;
use tantivy::{Searcher, TantivyDocument, Term};

/// A list of phrases as alternatives of a regex, each space any run of white space.
fn alternatives(list: &crate::lexicon::Words) -> String {
    list.iter()
        .map(|p| {
            p.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// The completion rule, from the lexicon's three lists (see `done_participles` in
/// data/lexicon.toml); [`done_query_phrases`] builds the index query from the same lists.
pub(super) static DONE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let g = &lexicon().gaps;
    Regex::new(&format!(
        concat!(
            r"(?i)\b(?:has|have|had)\s+(?:now\s+)?been\s+(?:\w+\s+)?(?:{p}|{q})\b",
            r"|\b(?:was|were)\s+(?:\w+ly\s+)?(?:(?:{q})\s+and\s+)?(?:{p})\b",
            r"|\b(?:is|are)\s+now\s+(?:{s})\b|\b(?:{a})\b"
        ),
        p = alternatives(&g.done_participles),
        q = alternatives(&g.done_perfect_only),
        s = alternatives(&g.done_states),
        a = alternatives(&g.done_alone),
    ))
    .expect("done")
});

/// The phrases the index query looks for: each participle after "been", "was" and "were",
/// each state after "now", and the phrases that say it alone, as [`DONE_RE`] reads them.
pub(super) fn done_query_phrases() -> Vec<String> {
    let g = &lexicon().gaps;
    let mut out = Vec::new();
    for p in g.done_participles.iter() {
        for aux in ["been", "was", "were"] {
            out.push(format!("{aux} {p}"));
        }
    }
    for q in g.done_perfect_only.iter() {
        out.push(format!("been {q}"));
        // "were adopted and applied": a decision and what was done after it
        out.extend(g.done_participles.iter().map(|p| format!("{q} and {p}")));
    }
    out.extend(g.done_states.iter().map(|s| format!("now {s}")));
    out.extend(g.done_alone.iter().map(str::to_string));
    out
}

/// Whether a passage says something was carried out: a completion clause that is not
/// inside a question or a request ("showing which recommendations have been carried out").
pub(super) fn is_done_statement(text: &str) -> bool {
    static EMBEDDED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)\b(?:which|whether|how|what|if)\s+(?:[\w'-]+\s+){{0,{}}}$",
            PARAMS.embedded_words
        ))
        .expect("embedded")
    });
    DONE_RE
        .find_iter(text)
        .any(|m| !EMBEDDED.is_match(&text[..m.start()]))
}

/// What a completion statement says was done: the clause that holds the completion,
/// without the frame that reports it ("The Secretariat informed the group that ...",
/// "For the record, the Secretariat confirms that ..."), whose words are not about it.
pub(super) fn done_clause(text: &str) -> &str {
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
pub(super) fn done_thing(text: &str) -> String {
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

/// A passage or decision that says something was done.
pub(super) struct Completion {
    pub(super) evidence: Evidence,
    /// The clause that says it, in the proposals' space.
    pub(super) item: Item,
    /// What was done: the clause without the words that say it was done.
    pub(super) thing: Item,
}

impl Completion {
    /// How much this statement is evidence that a raising was carried out: the rule that
    /// links raisings, with `Params::done_concepts` shared ideas, one of them in what was done.
    /// The completion's own verb may match the raising's ("be made available" / "is now
    /// available") but is not enough alone: "the code of conduct has been adopted and
    /// published" says nothing of the minutes asked to be published.
    pub(super) fn evidence_for(&self, raising: &Item) -> f32 {
        if self
            .thing
            .bag
            .iter()
            .any(|&(x, _)| raising.has(x) && raising.modifiers.binary_search(&x).is_err())
        {
            similarity_with(raising, &self.item, PARAMS.done_concepts).max(similarity_with(
                raising,
                &self.thing,
                PARAMS.done_concepts,
            ))
        } else {
            0.0
        }
    }
}

/// Passages and decisions that say something was done, as bags in the proposals' space.
pub(super) fn completions(
    searcher: &Searcher,
    f: &Fields,
    acronyms: &HashMap<String, Vec<String>>,
    vocab: &mut Vocab,
    space: &Space,
) -> Result<Vec<Completion>> {
    let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for field in [f.text, f.item_text] {
        for p in done_query_phrases() {
            let terms: Vec<Term> = analyze(&p)
                .into_iter()
                .map(|t| Term::from_field_text(field, &t))
                .collect();
            if terms.len() >= 2 {
                // one word may stand between, as DONE_RE allows: "been formally adopted"
                let mut q = PhraseQuery::new(terms);
                q.set_slop(PARAMS.done_slop);
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
        found.push(Evidence::stored(&d, f, text));
    }
    // the corpus's order, as for proposals: the collector's set has none
    found.sort_by(|a, b| {
        (&a.0.source, a.0.line, &a.0.text).cmp(&(&b.0.source, b.0.line, &b.0.text))
    });
    let mut out = Vec::with_capacity(found.len());
    for (ev, date) in found {
        // statements are found by a query, so they are analysed here, not at index time
        let fs = features(&analyse(done_clause(&ev.text)), acronyms, vocab);
        let thing = features(&analyse(&done_thing(&ev.text)), acronyms, vocab);
        let occ = ev.occurrence();
        out.push(Completion {
            evidence: ev,
            item: item(occ.clone(), date, fs, space),
            thing: item(occ, date, thing, space),
        });
    }
    Ok(out)
}

/// Which statement is each chain's evidence, from claims (similarity, chain,
/// statement): a statement goes to the chain it is most like, and a chain takes the
/// best statement left to it.
pub(super) fn assign_evidence(
    mut claims: Vec<(f32, usize, usize)>,
    chains: usize,
) -> Vec<Option<usize>> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::request::without_reason;
    use crate::query::gaps::similarity::similarity;
    use crate::query::gaps::testing::items_of;
    use crate::query::gaps::Occurrence;

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
            similarity_with(&items[0], &items[1], PARAMS.done_concepts) >= PARAMS.done,
            "{}",
            similarity_with(&items[0], &items[1], PARAMS.done_concepts)
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
            let none = HashSet::new();
            let space = Space {
                df: &df,
                n: texts.len(),
                modifiers: &none,
            };
            let at = |fs| item(occ.clone(), None, fs, &space);
            let evidence = Evidence {
                source: "later".into(),
                meeting_date: None,
                line: 1,
                text: t.into(),
            };
            Completion {
                evidence,
                item: at(features(&analyse(done_clause(t)), &HashMap::new(), v)),
                thing: at(features(&analyse(&done_thing(t)), &HashMap::new(), v)),
            }
        };
        let conduct = done(
            "The Secretariat reported that the code of conduct has been adopted and published.",
            &mut v,
        );
        // "published" says that it was done, not what: the minutes were not published
        assert_eq!(conduct.evidence_for(&items[0]), 0.0);
        assert!(
            conduct.evidence_for(&items[1]) >= PARAMS.done,
            "{}",
            conduct.evidence_for(&items[1])
        );
        let minutes = done("The board minutes are now published.", &mut v);
        assert!(
            minutes.evidence_for(&items[0]) >= PARAMS.done,
            "{}",
            minutes.evidence_for(&items[0])
        );
        assert_eq!(minutes.evidence_for(&items[1]), 0.0);
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
        // a meeting's own decision is no completion; reported later, it is
        assert!(!is_done_statement(
            "With that change, the work plan was approved."
        ));
        assert!(is_done_statement("the work plan has been approved"));
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
