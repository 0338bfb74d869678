//! Who proposed what, across meetings, oldest first.

use super::filters::Filters;
use super::search::{parse_item_query, Searchable};
use crate::index::passages::from_tantivy_date;
use crate::index::reader;
use crate::index::schema::record;
use anyhow::Result;
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

/// One proposal, in the shape of `docs/json.md`.
#[derive(Debug, Clone, Serialize)]
pub struct ProposalRow {
    /// Who proposed it.
    pub speaker: String,
    /// The proposal.
    pub text: String,
    /// File, as indexed.
    pub source: String,
    /// Meeting date.
    pub meeting_date: Option<String>,
    /// Section heading.
    pub section: Option<String>,
    /// The body that met.
    pub body: Option<String>,
    /// Line where it starts.
    pub line: u64,
}

/// Lists proposals matching the filters and, when given, the topic query.
pub fn proposals(
    index_dir: &Path,
    topic: Option<&str>,
    filters: &Filters,
) -> Result<Vec<ProposalRow>> {
    let (index, f) = reader::open(index_dir)?;
    let (_r, searcher) = reader::searcher(&index)?;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> =
        vec![(Occur::Must, f.records(record::PROPOSAL))];
    if let Some(t) = topic {
        clauses.push((Occur::Must, parse_item_query(&index, &f, t)?));
    }
    clauses.extend(filters.clauses(&f)?);
    let docs = searcher.search(&BooleanQuery::new(clauses), &DocSetCollector)?;
    let mut rows = Vec::with_capacity(docs.len());
    for addr in docs {
        let d: TantivyDocument = searcher.doc(addr)?;
        let s = |fl| d.get_first(fl).and_then(|v| v.as_str()).map(str::to_string);
        rows.push(ProposalRow {
            speaker: s(f.item_speaker).unwrap_or_default(),
            text: s(f.item_text).unwrap_or_default(),
            source: s(f.source).unwrap_or_default(),
            meeting_date: d
                .get_first(f.date)
                .and_then(|v| v.as_datetime())
                .and_then(from_tantivy_date)
                .map(crate::extract::dates::iso),
            section: s(f.item_section),
            body: s(f.body),
            line: d
                .get_first(f.line_start)
                .and_then(|v| v.as_u64())
                .unwrap_or(0),
        });
    }
    rows.sort_by(|a, b| {
        a.meeting_date
            .cmp(&b.meeting_date)
            .then_with(|| a.source.cmp(&b.source))
            .then(a.line.cmp(&b.line))
            .then_with(|| a.text.cmp(&b.text))
            .then_with(|| a.speaker.cmp(&b.speaker))
    });
    Ok(rows)
}

/// A person and how many proposals they made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proposer {
    /// The name as first found in the index.
    pub name: String,
    /// Proposals made.
    pub proposals: usize,
}

/// The `n` people with the most proposals tagged with `theme`, most first (then by name).
/// Spellings of one person ("Chris", "Mr. Chris Buckridge") count as one.
pub fn top_proposers(s: &Searchable, theme: &str, n: usize) -> Result<Vec<Proposer>> {
    let (searcher, f) = (&s.searcher, &s.fields);
    let clauses: Vec<(Occur, Box<dyn Query>)> = vec![
        (Occur::Must, f.records(record::PROPOSAL)),
        (
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_text(f.theme, theme),
                IndexRecordOption::Basic,
            )),
        ),
    ];
    let docs = searcher.search(&BooleanQuery::new(clauses), &DocSetCollector)?;
    let mut counts: HashMap<String, (String, usize)> = HashMap::new();
    for a in docs {
        let d: TantivyDocument = searcher.doc(a)?;
        if let Some(s) = d.get_first(f.item_speaker).and_then(|v| v.as_str()) {
            let e = counts
                .entry(crate::extract::names::person_key(s))
                .or_insert_with(|| (s.to_string(), 0));
            e.1 += 1;
        }
    }
    let mut v: Vec<(String, usize)> = counts.into_values().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(n);
    Ok(v.into_iter()
        .map(|(name, proposals)| Proposer { name, proposals })
        .collect())
}
