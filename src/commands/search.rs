//! `quorum search`: passages that match a query.

use super::{ensure_index, filters, note_undated, Output};
use crate::cli::SearchArgs;
use crate::config::default_index;
use crate::error::{ExitStatus, QuorumError};
use crate::extract::themes::ThemeSet;
use crate::query::filters::Filters;
use crate::query::search::{prepare_query, search_with, Ranking, Searchable};
use crate::report::human;
use anyhow::Result;
use std::io::Write;
use std::path::PathBuf;

/// A search, checked.
#[derive(Debug, Clone)]
pub struct SearchSettings {
    /// The query as given.
    pub query: String,
    /// The index folder.
    pub index: PathBuf,
    /// How many hits to show.
    pub limit: usize,
    /// What narrows the passages searched.
    pub filters: Filters,
    /// How passages are ranked (`QUORUM_RANK`).
    pub ranking: Ranking,
    /// How to print.
    pub output: Output,
}

impl SearchSettings {
    /// Checks what `quorum search` was given: dates, theme name, query, in that order.
    pub fn resolve(a: SearchArgs) -> Result<SearchSettings> {
        let mut filters = filters(&a.filters, a.kind)?;
        if let Some(t) = &a.theme {
            let set = ThemeSet::default_set();
            let i = set.find(t).ok_or_else(|| {
                QuorumError::Usage(format!(
                    "no theme {t:?}; see `quorum themes` for their names"
                ))
            })?;
            filters.theme = Some(set.themes[i].name.clone());
        }
        prepare_query(&a.query)?;
        let index = if a.index.as_os_str().is_empty() {
            default_index()
        } else {
            a.index
        };
        Ok(SearchSettings {
            query: a.query,
            index,
            limit: a.limit as usize,
            filters,
            ranking: Ranking::from_env(),
            output: Output::resolve(a.json),
        })
    }
}

/// Runs `quorum search`, building the default index first when there is none.
pub fn run(a: SearchArgs, out: &mut impl Write) -> Result<ExitStatus> {
    let s = SearchSettings::resolve(a)?;
    ensure_index(&s.index)?;
    let stale = super::ux::StalenessCheck::start(&s.index);
    let r = search_with(
        &Searchable::open(&s.index)?,
        &s.query,
        s.limit,
        &s.filters,
        &s.ranking,
    )?;
    note_undated(&s.index, &s.filters);
    match s.output {
        Output::Json => super::ux::write_json(out, &r, &s.index)?,
        Output::Human { colour, .. } if !r.hits.is_empty() => human::search(out, &r, colour)?,
        Output::Human { .. } => {}
    }
    stale.finish();
    if r.hits.is_empty() {
        eprintln!(
            "quorum: {}",
            super::ux::no_match_reason(&s.index, &s.query, &s.filters)
        );
        return Ok(ExitStatus::Failure);
    }
    Ok(ExitStatus::Success)
}
