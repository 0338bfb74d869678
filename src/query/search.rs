//! Full-text search over passages: tantivy's query language, quorum's filters, BM25 with
//! field boosts, and snippets.

use super::dates::DateCache;
use super::filters::Filters;
use super::rank::{count_upto, flatten, is_term_union, FilteredTop, PassageStatistics};
use super::snippet::Snippet;
use crate::error::QuorumError;
use crate::index::passages::from_tantivy_date;
use crate::index::reader;
use crate::index::schema::{record, Fields};
use anyhow::Result;
use rayon::prelude::*;
use regex::Regex;
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, LazyLock, OnceLock};
use tantivy::collector::{Count, TopDocs};
use tantivy::columnar::Column;
use tantivy::query::{
    BooleanQuery, EnableScoring, Occur, PhraseQuery, Query, QueryParser, TermQuery, Weight,
};
use tantivy::schema::Value;
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexReader, Searcher, TantivyDocument, Term};

/// Passages with their scores, best first.
type Scored = Vec<(f32, tantivy::DocAddress)>;
/// Longest query in the query language accepted, in characters (plain text has no limit).
pub const MAX_QUERY_CHARS: usize = super::parse::MAX_SYNTAX_CHARS;

/// About how long a hit's excerpt is, in bytes: tantivy's default fragment (150 characters)
/// widened to the start of its sentence and cut at a word (`query::excerpt`).
const EXCERPT_BYTES: usize = 220;

/// Matching passages counted before a search stops counting and says "more than"
/// (`total_exact: false`). Counting every match cost more than finding the best ones once
/// those are found with pruning (benches/RESULTS.md, session 13); chosen by hand, not
/// measured, as a number past which nobody reads on.
pub const TOTAL_BOUND: usize = 1000;

/// One search hit, in the shape of `docs/json.md`.
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
    /// Passage excerpt and its matches (in JSON: HTML with the matches in `<b>`).
    pub snippet: Snippet,
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
    /// Passages matching in all; when `total_exact` is false, more than this many match
    /// (the count stops at [`TOTAL_BOUND`]).
    pub total: usize,
    /// Whether `total` is the whole count.
    pub total_exact: bool,
    /// The best `limit` of them.
    pub hits: Vec<Hit>,
    /// For a long pasted text: the most telling words it was searched by.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub searched_for: Option<Vec<String>>,
}

/// Checks a query and rewrites it into what tantivy reads as meant: plain English as its
/// words, the query language as written (see [`super::parse`]).
pub fn prepare_query(q: &str) -> Result<String> {
    super::parse::parse(q).map(|p| p.text)
}

/// A long plain query cut to its most telling words (see [`super::parse::telling_words`]),
/// with the words kept; any other query as given.
fn reduce_long(s: &Searchable, q: &str) -> Result<(String, Option<Vec<String>>)> {
    let parsed = super::parse::parse(q)?;
    let distinct: std::collections::HashSet<String> =
        parsed.words.iter().map(|w| w.to_lowercase()).collect();
    if parsed.syntax || distinct.len() <= super::parse::MAX_PLAIN_TERMS {
        return Ok((q.to_string(), None));
    }
    let mut analyzer = s.index.tokenizer_for_field(s.fields.text)?;
    let text = s.fields.text;
    let searcher = &s.searcher;
    let kept = super::parse::telling_words(
        &parsed.words,
        super::parse::MAX_PLAIN_TERMS,
        searcher.num_docs(),
        |w| {
            let mut ts = analyzer.token_stream(w);
            ts.advance().then(|| ts.token().text.clone())
        },
        |t| {
            searcher
                .doc_freq(&Term::from_field_text(text, t))
                .unwrap_or(0)
        },
    );
    if kept.is_empty() {
        return Ok((q.to_string(), None));
    }
    Ok((kept.join(" "), Some(kept)))
}

/// How passages are ranked. Each choice was measured on QMSum (benches/RESULTS.md).
#[derive(Debug, Clone, Copy)]
pub struct Ranking {
    /// Weight of how well the passage's whole meeting matches.
    pub meeting_weight: f32,
    /// Drop question words ("what did ... think about") from plain-word queries.
    pub strip_question_words: bool,
    /// Weight of section titles and speaker names.
    pub field_boost: f32,
}

impl Default for Ranking {
    fn default() -> Self {
        Ranking {
            meeting_weight: 1.0,
            strip_question_words: true,
            field_boost: 1.0,
        }
    }
}

impl Ranking {
    /// The default, with the knobs of `spec` ("meet=1,q=1,field=1", the value of
    /// `QUORUM_RANK`, see [`crate::config::rank_spec`]) applied: the ranking evaluation
    /// uses them to measure each choice. Unknown or malformed knobs are ignored.
    pub fn from_spec(spec: Option<&str>) -> Ranking {
        let mut r = Ranking::default();
        if let Some(spec) = spec {
            for kv in spec.split(',') {
                let Some((k, v)) = kv.split_once('=') else {
                    continue;
                };
                let Ok(x) = v.trim().parse::<f32>() else {
                    continue;
                };
                match k.trim() {
                    "meet" => r.meeting_weight = x,
                    "q" => r.strip_question_words = x != 0.0,
                    "field" => r.field_boost = x,
                    _ => {}
                }
            }
        }
        r
    }

    /// The ranking `QUORUM_RANK` asks for (the default when it is unset).
    pub fn from_env() -> Ranking {
        Ranking::from_spec(crate::config::rank_spec().as_deref())
    }
}

/// Words that ask rather than say what is asked about. Dropped from queries made only
/// of words, when something else remains.
const QUESTION_WORDS: &[&str] = &[
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "why",
    "how",
    "when",
    "where",
    "did",
    "do",
    "does",
    "was",
    "were",
    "is",
    "are",
    "summarize",
    "summarise",
    "summary",
    "discuss",
    "discussed",
    "discussion",
    "discussions",
    "think",
    "thought",
    "opinion",
    "opinions",
    "view",
    "views",
    "talk",
    "talked",
    "about",
    "the",
    "a",
    "an",
    "of",
    "and",
    "or",
    "in",
    "on",
    "to",
    "for",
    "with",
    "whole",
    "mention",
    "mentioned",
    "say",
    "said",
    "reason",
    "reasons",
    "could",
    "would",
    "should",
    "there",
    "any",
    "between",
    "they",
    "their",
    "them",
    "he",
    "she",
    "his",
    "her",
    "it",
    "its",
    "this",
    "that",
    "these",
    "those",
    "as",
    "at",
    "by",
    "be",
    "been",
    "please",
    "tell",
    "me",
    "describe",
];

/// The words of a plain query without its question words; the query itself when it uses
/// tantivy syntax or has nothing else.
pub fn without_question_words(q: &str) -> String {
    if q.contains(['"', ':', '(', ')', '+', '-', '*', '^', '~', '[', '{'])
        || q.split_whitespace()
            .any(|w| matches!(w, "AND" | "OR" | "NOT"))
    {
        return q.to_string();
    }
    let kept: Vec<&str> = q
        .split_whitespace()
        .filter(|w| {
            !QUESTION_WORDS.contains(
                &w.to_lowercase()
                    .trim_matches(|c: char| !c.is_alphanumeric()),
            )
        })
        .collect();
    if kept.is_empty() {
        q.to_string()
    } else {
        kept.join(" ")
    }
}

/// The query parser for passages: their text, section titles and speakers.
pub fn parser(index: &Index, f: &Fields, r: &Ranking) -> QueryParser {
    let mut p = QueryParser::for_index(index, vec![f.text, f.section, f.speaker]);
    p.set_field_boost(f.section, r.field_boost);
    p.set_field_boost(f.speaker, r.field_boost);
    p
}

/// The passage parser without section titles: what a passage's own words and speaker match.
fn text_and_speaker_parser(index: &Index, f: &Fields) -> QueryParser {
    QueryParser::for_index(index, vec![f.text, f.speaker])
}

fn parse_with(p: &QueryParser, q: &str) -> Result<Box<dyn Query>> {
    let prepared = prepare_query(q)?;
    p.parse_query(&prepared)
        .map_err(|e| QuorumError::Usage(format!("cannot parse the query {q:?}: {e}")).into())
}

/// Parses a topic into a query on proposal and decision text; all its words must match.
pub fn parse_item_query(index: &Index, f: &Fields, q: &str) -> Result<Box<dyn Query>> {
    let mut p = QueryParser::for_index(index, vec![f.item_text]);
    p.set_conjunction_by_default();
    parse_with(&p, q)
}

/// Parses user text into a query on passage text, as a usage error when tantivy cannot.
pub fn parse_user_query(index: &Index, f: &Fields, q: &str) -> Result<Box<dyn Query>> {
    parse_with(&parser(index, f, &Ranking::default()), q)
}

/// An index open for searching, kept open by callers that ask many queries.
///
/// Ranking reads four columns of each segment a hit comes from. They are opened once per
/// segment, on first use, not once per query: opening them took 0.6-0.8 ms of every query
/// at 50,000 meetings.
pub struct Searchable {
    /// The index.
    pub index: Index,
    /// Its fields.
    pub fields: Fields,
    /// A searcher on its last commit.
    pub searcher: Searcher,
    _reader: IndexReader,
    columns: Vec<OnceLock<HitColumns>>,
    dates: Option<Arc<DateCache>>,
}

/// The columns ranking reads for a hit.
struct HitColumns {
    minor: Option<Column<u64>>,
    line_start: Option<Column<u64>>,
    line_end: Option<Column<u64>>,
    source_id: Option<Column<u64>>,
}

impl Searchable {
    /// Opens the index at `dir`.
    pub fn open(dir: &Path) -> Result<Searchable> {
        let (index, fields) = reader::open(dir)?;
        let (reader, searcher) = reader::searcher(&index)?;
        let columns = searcher
            .segment_readers()
            .iter()
            .map(|_| OnceLock::new())
            .collect();
        Ok(Searchable {
            index,
            fields,
            searcher,
            _reader: reader,
            columns,
            dates: None,
        })
    }

    /// Opens the index at `dir` for many queries: date filters read each segment's dates
    /// once, on first use (15-25 ms at 50,000 meetings), and then cost next to nothing.
    pub fn open_for_many(dir: &Path) -> Result<Searchable> {
        let mut s = Searchable::open(dir)?;
        s.dates = Some(Arc::new(DateCache::new(&s.searcher)));
        Ok(s)
    }

    fn columns(&self, segment: u32) -> &HitColumns {
        self.columns[segment as usize].get_or_init(|| {
            let ff = self.searcher.segment_reader(segment).fast_fields();
            HitColumns {
                minor: ff.u64("minor").ok(),
                line_start: ff.u64("line_start").ok(),
                line_end: ff.u64("line_end").ok(),
                source_id: ff.u64("source_id").ok(),
            }
        })
    }
}

/// A value of a hit's column; 0 when the document has none.
fn value(column: &Option<Column<u64>>, doc: tantivy::DocId) -> u64 {
    column.as_ref().and_then(|c| c.first(doc)).unwrap_or(0)
}

/// Runs a search.
pub fn search(
    index_dir: &Path,
    query: &str,
    limit: usize,
    filters: &Filters,
) -> Result<SearchResult> {
    search_with(
        &Searchable::open(index_dir)?,
        query,
        limit,
        filters,
        &Ranking::from_env(),
    )
}

static PHRASE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""([^"]*)"(~\d+)?"#).expect("phrase"));

/// A query whose phrases are groups of words: meeting text has no positions, and for a
/// whole meeting, holding the words is what counts.
fn phrases_as_words(q: &str) -> String {
    PHRASE.replace_all(q, "($1)").into_owned()
}

/// How well each meeting as a whole matches, scaled to 0..1, by source id.
fn meeting_scores(s: &Searchable, q: &str, filters: &Filters) -> Result<HashMap<u64, f32>> {
    let (searcher, f) = (&s.searcher, &s.fields);
    let p = QueryParser::for_index(&s.index, vec![f.meeting_text]);
    // the passage query parsed, so this one can fail only on what meeting text lacks;
    // then there is no meeting bonus
    let Ok(user) = parse_with(&p, &phrases_as_words(q)) else {
        return Ok(HashMap::new());
    };
    // only meeting records have `meeting_text`: the query alone finds them, and without
    // other clauses tantivy can skip blocks that cannot make the top 30
    let meeting_filters = Filters {
        speaker: None,
        ..filters.clone()
    };
    let user = flatten(user);
    let filter_clauses = meeting_filters.clauses_with(f, s.dates.as_ref())?;
    let stats = PassageStatistics {
        searcher,
        record: f.record,
        text: f.text,
        meeting_text: f.meeting_text,
    };
    let top = if !filter_clauses.is_empty() && prunes_alone(&*user, &meeting_filters) {
        let scoring = EnableScoring::enabled_from_statistics_provider(&stats, searcher);
        let top = FilteredTop {
            k: 30,
            filters: weights(&filter_clauses, scoring)?,
        };
        searcher.search_with_statistics_provider(&*user, &top, &stats)?
    } else {
        let query: Box<dyn Query> = if filter_clauses.is_empty() {
            user
        } else {
            let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, user)];
            clauses.extend(filter_clauses);
            Box::new(BooleanQuery::new(clauses))
        };
        searcher.search_with_statistics_provider(
            &*query,
            &TopDocs::with_limit(30).order_by_score(),
            &stats,
        )?
    };
    let max = top.first().map_or(1.0, |t| t.0.max(f32::EPSILON));
    let mut out = HashMap::new();
    for (score, addr) in top {
        if let Some(id) = s
            .columns(addr.segment_ord)
            .source_id
            .as_ref()
            .and_then(|c| c.first(addr.doc_id))
        {
            out.insert(id, score / max);
        }
    }
    Ok(out)
}

/// Whether a query holds a phrase (a leaf of two terms or more): such a query is read
/// whole, never pruned.
fn has_phrase(q: &dyn Query) -> bool {
    if let Some(b) = q.downcast_ref::<BooleanQuery>() {
        return b.clauses().iter().any(|(_, sub)| has_phrase(&**sub));
    }
    if q.downcast_ref::<PhraseQuery>().is_some() {
        return true;
    }
    let mut n = 0;
    q.query_terms(&mut |_, _| n += 1);
    n > 1 && q.downcast_ref::<TermQuery>().is_none()
}

/// Whether the query is best searched alone, with the filters checked on its pruned
/// matches ([`FilteredTop`]): it is a disjunction of terms, and every filter scores the
/// documents it matches alike (kind and dates do; speaker, body and theme terms do not).
fn prunes_alone(user: &dyn Query, filters: &Filters) -> bool {
    filters.speaker.is_none()
        && filters.body.is_none()
        && filters.theme.is_none()
        && is_term_union(user)
}

fn weights(
    clauses: &[(Occur, Box<dyn Query>)],
    scoring: EnableScoring<'_>,
) -> tantivy::Result<Vec<Box<dyn Weight>>> {
    clauses.iter().map(|(_, q)| q.weight(scoring)).collect()
}

/// Runs a search on an open index (benchmarks keep it open).
pub fn search_with(
    s: &Searchable,
    query: &str,
    limit: usize,
    filters: &Filters,
    r: &Ranking,
) -> Result<SearchResult> {
    let (index, searcher, f) = (&s.index, &s.searcher, &s.fields);
    let q = if r.strip_question_words {
        without_question_words(query)
    } else {
        query.to_string()
    };
    let (q, searched_for) = reduce_long(s, &q)?;
    let user = parse_with(&parser(index, f, r), &q)?;
    let flat = flatten(user.box_clone());
    // only passages carry text, section and speaker, so the user's query is the search;
    // filters narrow it
    let filter_clauses = filters.clauses_with(f, s.dates.as_ref())?;
    let everything = q.trim() == "*";
    let alone = !everything && !filter_clauses.is_empty() && prunes_alone(&*flat, filters);
    let passages: Box<dyn Query> = if filter_clauses.is_empty() && !everything {
        flat.box_clone()
    } else {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, flat.box_clone())];
        if everything {
            clauses.push((Occur::Must, f.records(record::PASSAGE)));
        }
        clauses.extend(filter_clauses.iter().map(|(o, q)| (*o, q.box_clone())));
        Box::new(BooleanQuery::new(clauses))
    };
    let fetch = if r.meeting_weight > 0.0 {
        (limit * 3).max(100)
    } else {
        limit * 2 + 20
    };
    // every meeting matches "*" equally: no meeting bonus, or ties would pick arbitrary meetings
    let want_meetings = r.meeting_weight > 0.0 && !everything;
    // a query with a phrase is not pruned (every passage holding the phrase's words has
    // its positions read), so the best and the count are one pass over it; counted apart
    // it was read twice (benches/RESULTS.md, session 14)
    let one_pass = !alone && has_phrase(&*passages);
    // the best passages without counting them all, so that tantivy can skip blocks that
    // cannot make the top
    let best = || -> Result<(Scored, Option<usize>)> {
        if alone {
            let top = FilteredTop {
                k: fetch,
                filters: weights(
                    &filter_clauses,
                    EnableScoring::enabled_from_searcher(searcher),
                )?,
            };
            Ok((searcher.search(&*flat, &top)?, None))
        } else if one_pass {
            let (top, n) = searcher.search(
                &*passages,
                &(TopDocs::with_limit(fetch).order_by_score(), Count),
            )?;
            Ok((top, Some(n)))
        } else {
            Ok((
                searcher.search(&*passages, &TopDocs::with_limit(fetch).order_by_score())?,
                None,
            ))
        }
    };
    // the meeting bonus is a search independent of the first: run them side by side
    let (found, meetings) = rayon::join(best, || {
        if want_meetings {
            meeting_scores(s, &q, filters)
        } else {
            Ok(HashMap::new())
        }
    });
    let ((top, counted), meetings) = (found?, meetings?);
    // fewer than `fetch` found is every match (the collectors skip deleted passages);
    // else count, up to the bound
    let (total, total_exact) = match counted {
        Some(n) => (n, true),
        None if top.len() < fetch => (top.len(), true),
        None => count_upto(searcher, &*passages, TOTAL_BOUND)?,
    };
    let max = top.first().map_or(1.0, |t| t.0.max(f32::EPSILON));
    // rank on fast fields; read stored documents only for the hits shown
    let mut ranked: Vec<(f32, u64, u64, u64, tantivy::DocAddress)> = Vec::with_capacity(top.len());
    let mut seen = std::collections::HashSet::new();
    for (score, addr) in top {
        let cols = s.columns(addr.segment_ord);
        let d = addr.doc_id;
        let (minor, line_start, line_end, source) = (
            value(&cols.minor, d),
            value(&cols.line_start, d),
            value(&cols.line_end, d),
            value(&cols.source_id, d),
        );
        // windows of one long turn share its lines: show the turn once
        if !seen.insert((source, line_start, line_end)) {
            continue;
        }
        let mut s = score / max;
        if minor == 1 {
            s *= 0.3;
        }
        s += r.meeting_weight * meetings.get(&source).copied().unwrap_or(0.0);
        ranked.push((s * max, source, line_start, line_end, addr));
    }
    // a passage that matches on its section heading alone says nothing of the topic:
    // it comes after every passage whose own words (or speaker) match
    let heading_only = super::rank::heading_only(
        searcher,
        &*parse_with(&text_and_speaker_parser(index, f), &q)?,
        ranked.iter().map(|x| x.4),
    )?;
    ranked.sort_by(|a, b| {
        heading_only
            .contains(&a.4)
            .cmp(&heading_only.contains(&b.4))
            .then_with(|| b.0.total_cmp(&a.0))
            .then_with(|| a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
    });
    ranked.truncate(limit);
    let mut snippets = SnippetGenerator::create(searcher, &*user, f.text)?;
    snippets.set_max_num_chars(220);
    // each hit's stored document is a block to decompress: on both cores
    let hits = ranked
        .par_iter()
        .map(|&(score, _, _, _, addr)| -> Result<Hit> {
            let d: TantivyDocument = searcher.doc(addr)?;
            let text = d.get_first(f.text).and_then(|v| v.as_str()).unwrap_or("");
            let snippet = snippets.snippet(text);
            let excerpt = super::excerpt::excerpt(
                text,
                snippet.fragment(),
                snippet.highlighted(),
                EXCERPT_BYTES,
            );
            Ok(hit_of(&d, f, score, excerpt))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(SearchResult {
        query: query.to_string(),
        total,
        total_exact,
        hits,
        searched_for,
    })
}

/// A hit from a stored document.
pub fn hit_of(d: &TantivyDocument, f: &Fields, score: f32, snippet: Snippet) -> Hit {
    let s = |fl| d.get_first(fl).and_then(|v| v.as_str()).map(str::to_string);
    let u = |fl| d.get_first(fl).and_then(|v| v.as_u64()).unwrap_or(0);
    Hit {
        source: s(f.source).unwrap_or_default(),
        meeting_date: d
            .get_first(f.date)
            .and_then(|v| v.as_datetime())
            .and_then(from_tantivy_date)
            .map(crate::extract::dates::iso),
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
#[path = "search_tests.rs"]
mod tests;
