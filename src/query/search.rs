//! Full-text search over passages: tantivy's query language, quorum's filters, BM25 with
//! field boosts, and snippets.

use super::filters::Filters;
use crate::error::QuorumError;
use crate::index::passages::from_tantivy_date;
use crate::index::reader;
use crate::index::schema::{record, Fields};
use anyhow::Result;
use regex::Regex;
use serde::Serialize;
use std::path::Path;
use std::sync::LazyLock;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, Searcher, TantivyDocument, Term};

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 1000;

/// One search hit, in the shape of `spec/cli.md`.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// File, as indexed.
    pub source: String,
    /// Meeting date, ISO.
    pub meeting_date: Option<String>,
    /// The body that met.
    pub body: Option<String>,
    /// Who the passage is attributed to.
    pub speaker: Option<String>,
    /// Section heading.
    pub section: Option<String>,
    /// First line, 1-based.
    pub line_start: u64,
    /// Last line.
    pub line_end: u64,
    /// Relevance.
    pub score: f32,
    /// Passage excerpt with matches in `<b>`.
    pub snippet: String,
    /// Start time in seconds, for subtitle passages.
    pub time_start: Option<f64>,
    /// summary or transcript.
    pub kind: Option<String>,
}

/// The answer to a search.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResult {
    /// The query as given.
    pub query: String,
    /// Passages matching in all.
    pub total: usize,
    /// The best `limit` of them.
    pub hits: Vec<Hit>,
}

static TIME_LIKE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(\d{1,2}):(\d{2})\b").expect("time-like"));

/// Checks a query and escapes what tantivy would misread ("18:00" is not field `18`).
pub fn prepare_query(q: &str) -> Result<String> {
    let t = q.trim();
    if t.is_empty() {
        return Err(QuorumError::Usage("the query is empty: give words to search for, e.g. quorum search \"implementation gap\"".into()).into());
    }
    if t.chars().count() > MAX_QUERY_CHARS {
        return Err(QuorumError::Usage(format!("the query is {} characters long; the limit is {MAX_QUERY_CHARS}", t.chars().count())).into());
    }
    Ok(TIME_LIKE.replace_all(t, "$1\\:$2").into_owned())
}

/// The query parser quorum uses: passage text first, then section titles and speakers.
pub fn parser(index: &Index, f: &Fields) -> QueryParser {
    let mut p = QueryParser::for_index(index, vec![f.text, f.section, f.speaker]);
    p.set_field_boost(f.section, 0.5);
    p.set_field_boost(f.speaker, 0.5);
    p
}

/// Parses user text into a query, as a usage error when tantivy cannot.
pub fn parse_user_query(index: &Index, f: &Fields, q: &str) -> Result<Box<dyn Query>> {
    let prepared = prepare_query(q)?;
    parser(index, f).parse_query(&prepared).map_err(|e| QuorumError::Usage(format!("cannot parse the query {q:?}: {e}")).into())
}

/// Runs a search.
pub fn search(index_dir: &Path, query: &str, limit: usize, filters: &Filters) -> Result<SearchResult> {
    let (index, f) = reader::open(index_dir)?;
    let (_reader, searcher) = reader::searcher(&index)?;
    search_with(&index, &searcher, &f, query, limit, filters)
}

/// Runs a search on an open index (benchmarks keep it open).
pub fn search_with(index: &Index, searcher: &Searcher, f: &Fields, query: &str, limit: usize, filters: &Filters) -> Result<SearchResult> {
    let user = parse_user_query(index, f, query)?;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
        (Occur::Must, user.box_clone()),
        (Occur::Must, Box::new(TermQuery::new(Term::from_field_text(f.record, record::PASSAGE), IndexRecordOption::Basic))),
    ];
    clauses.extend(filters.clauses(f)?);
    let q = BooleanQuery::new(clauses);
    let fetch = (limit * 2 + 20).max(1);
    let (top, total) = searcher.search(&q, &(TopDocs::with_limit(fetch).order_by_score(), Count))?;
    let mut snippets = SnippetGenerator::create(searcher, &*user, f.text)?;
    snippets.set_max_num_chars(220);
    let mut hits = Vec::with_capacity(top.len());
    for (score, addr) in top {
        let d: TantivyDocument = searcher.doc(addr)?;
        let minor = searcher.segment_reader(addr.segment_ord).fast_fields().u64("minor").ok().and_then(|c| c.first(addr.doc_id)).unwrap_or(0);
        let score = if minor == 1 { score * 0.3 } else { score };
        hits.push(hit_of(&d, f, score, snippets.snippet_from_doc(&d).to_html()));
    }
    sort_hits(&mut hits);
    hits.truncate(limit);
    Ok(SearchResult { query: query.to_string(), total, hits })
}

/// Best first; ties by source and line, so that output is stable.
pub fn sort_hits(hits: &mut [Hit]) {
    hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.source.cmp(&b.source)).then(a.line_start.cmp(&b.line_start)));
}

/// A hit from a stored document.
pub fn hit_of(d: &TantivyDocument, f: &Fields, score: f32, snippet: String) -> Hit {
    let s = |fl| d.get_first(fl).and_then(|v| v.as_str()).map(str::to_string);
    let u = |fl| d.get_first(fl).and_then(|v| v.as_u64()).unwrap_or(0);
    Hit {
        source: s(f.source).unwrap_or_default(),
        meeting_date: d.get_first(f.date).and_then(|v| v.as_datetime()).and_then(from_tantivy_date).map(crate::extract::dates::iso),
        body: s(f.body),
        speaker: s(f.speaker),
        section: s(f.section),
        line_start: u(f.line_start),
        line_end: u(f.line_end),
        score: (score * 1000.0).round() / 1000.0,
        snippet,
        time_start: d.get_first(f.time_start).and_then(|v| v.as_f64()),
        kind: s(f.kind),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_prepare_query_escapes_times_and_rejects_empty() {
        assert_eq!(prepare_query("meeting at 18:00").unwrap(), "meeting at 18\\:00");
        assert!(prepare_query("   ").is_err());
        assert!(prepare_query(&"a".repeat(2000)).is_err());
    }
}
