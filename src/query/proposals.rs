//! Who proposed what, across meetings, oldest first.

use super::filters::Filters;
use super::search::parse_item_query;
use crate::index::passages::from_tantivy_date;
use crate::index::reader;
use crate::index::schema::record;
use anyhow::Result;
use serde::Serialize;
use std::path::Path;
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, Query};
use tantivy::schema::Value;
use tantivy::TantivyDocument;

/// One proposal, in the shape of `spec/cli.md`.
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
