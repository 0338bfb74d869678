//! Meetings a date filter leaves out because their date is unknown.
//!
//! A record with no date in its text or file name has no `date` field, so `--from` and
//! `--to` cannot place it; rather than drop it silently, the commands say how many
//! such meetings the filter left out.

use super::filters::Filters;
use crate::index::reader;
use crate::index::schema::record;
use anyhow::Result;
use std::path::Path;
use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, ExistsQuery, Occur, Query};

/// Undated meetings that the other filters (body, kind) would have kept.
pub fn undated_meetings(index: &Path, filters: &Filters) -> Result<usize> {
    let (idx, f) = reader::open(index)?;
    let (_r, searcher) = reader::searcher(&idx)?;
    let rest = Filters {
        from: None,
        to: None,
        speaker: None,
        theme: None,
        ..filters.clone()
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = rest.clauses(&f)?;
    clauses.push((Occur::Must, f.records(record::MEETING)));
    clauses.push((
        Occur::MustNot,
        Box::new(ExistsQuery::new("date".to_string(), false)),
    ));
    Ok(searcher.search(&BooleanQuery::new(clauses), &Count)?)
}

/// The note printed on stderr when a date filter left undated meetings out.
pub fn note(index: &Path, filters: &Filters) -> Option<String> {
    if filters.from.is_none() && filters.to.is_none() {
        return None;
    }
    let n = undated_meetings(index, filters).ok()?;
    (n > 0).then(|| {
        format!(
            "{n} undated meeting{} left out by --from/--to (no date in the record or its file name; `quorum extract FILE` shows what was read)",
            if n == 1 { "" } else { "s" }
        )
    })
}
