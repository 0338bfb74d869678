//! Filters shared by every query: speaker, body, kind, date range.

use super::dates::{DateCache, DateRange};
use crate::error::QuorumError;
use crate::extract::names::person_key;
use crate::index::schema::{self, Fields};
use anyhow::Result;
use std::ops::Bound;
use std::sync::Arc;
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{DateTime, Term};
use time::{Date, PrimitiveDateTime, Time};

/// Filters from the command line, validated.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Person, any spelling ("Chris", "BUCKRIDGE, Chris").
    pub speaker: Option<String>,
    /// Words of the body's name.
    pub body: Option<String>,
    /// summary or transcript.
    pub kind: Option<String>,
    /// First day included.
    pub from: Option<Date>,
    /// Last day included.
    pub to: Option<Date>,
    /// A theme's name as tagged in the index.
    pub theme: Option<String>,
}

/// A day as the index stores it.
fn midnight(d: Date) -> DateTime {
    DateTime::from_utc(PrimitiveDateTime::new(d, Time::MIDNIGHT).assume_utc())
}

fn name_terms(f: tantivy::schema::Field, text: &str) -> Vec<Term> {
    let mut a = schema::name_analyzer();
    let mut s = a.token_stream(text);
    let mut out = Vec::new();
    while s.advance() {
        out.push(Term::from_field_text(f, &s.token().text));
    }
    out
}

impl Filters {
    /// Clauses that restrict a query, to be AND-ed with it.
    pub fn clauses(&self, f: &Fields) -> Result<Vec<(Occur, Box<dyn Query>)>> {
        self.clauses_with(f, None)
    }

    /// The same clauses; with `dates`, the cache of an index kept open for many queries,
    /// the date filter reads its runs from it (see [`DateRange`]).
    pub fn clauses_with(
        &self,
        f: &Fields,
        dates: Option<&Arc<DateCache>>,
    ) -> Result<Vec<(Occur, Box<dyn Query>)>> {
        let mut out: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if let Some(s) = &self.speaker {
            let key = person_key(s);
            if key.is_empty() {
                return Err(QuorumError::Usage(format!("--speaker {s:?} names no one")).into());
            }
            if key.contains(' ') {
                out.push((
                    Occur::Must,
                    Box::new(TermQuery::new(
                        Term::from_field_text(f.speaker_key, &key),
                        IndexRecordOption::Basic,
                    )),
                ));
            } else {
                // one name word: any speaker with that word in their name
                let terms = name_terms(f.speaker, &key);
                let any: Vec<(Occur, Box<dyn Query>)> = terms
                    .into_iter()
                    .map(|t| {
                        (
                            Occur::Should,
                            Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as Box<dyn Query>,
                        )
                    })
                    .collect();
                out.push((Occur::Must, Box::new(BooleanQuery::new(any))));
            }
        }
        if let Some(b) = &self.body {
            // any alias of a known body selects it by its one name (src/bodies.rs)
            let canonical = crate::bodies::filter_name(b);
            let terms = name_terms(f.body, &canonical);
            if terms.is_empty() {
                return Err(QuorumError::Usage(format!("--body {b:?} has no words")).into());
            }
            let q: Box<dyn Query> = if terms.len() == 1 {
                Box::new(TermQuery::new(terms[0].clone(), IndexRecordOption::Basic))
            } else {
                Box::new(PhraseQuery::new(terms))
            };
            out.push((Occur::Must, q));
        }
        if let Some(t) = &self.theme {
            out.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.theme, t),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        if let Some(k) = &self.kind {
            out.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.kind, k),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        if self.from.is_some() || self.to.is_some() {
            // no score: tantivy's range adds 1 to each document's score, but nothing in
            // a segment whose every date is in range, so scores hung on the segments
            let q: Box<dyn Query> = match dates {
                Some(cache) => Box::new(DateRange::new(
                    f.date,
                    self.from.map(midnight),
                    self.to.map(midnight),
                    cache.clone(),
                )),
                None => {
                    let bound = |d: Option<Date>| {
                        d.map_or(Bound::Unbounded, |d| {
                            Bound::Included(Term::from_field_date(f.date, midnight(d)))
                        })
                    };
                    Box::new(RangeQuery::new(bound(self.from), bound(self.to)))
                }
            };
            out.push((Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0))));
        }
        Ok(out)
    }
}

/// A `--from`/`--to` value.
pub fn date_arg(flag: &str, value: Option<&str>) -> Result<Option<Date>, QuorumError> {
    match value {
        None => Ok(None),
        Some(v) => crate::text::dates::parse_iso(v).map(Some).ok_or_else(|| {
            QuorumError::Usage(format!(
                "{flag} {v:?} is not a date: use YYYY-MM-DD, e.g. {flag} 2026-01-31"
            ))
        }),
    }
}
