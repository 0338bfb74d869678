//! `quorum report`: the HTML page of themes, their proposers and passages. This command
//! gathers everything the page shows through the query functions; the printer only
//! renders it.

use super::{ensure_index, theme_set};
use crate::cli::ReportArgs;
use crate::error::ExitStatus;
use crate::extract::themes::ThemeSet;
use crate::query::filters::Filters;
use crate::query::proposals::top_proposers;
use crate::query::search::{search_with, Ranking, Searchable};
use crate::query::themes::{themes, Period};
use crate::report::html::{self, ReportData, ThemeSection};
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// People listed under each theme.
const TOP_PROPOSERS: usize = 5;
/// Passages listed under each theme.
const PASSAGES: usize = 5;

/// What to report on and where to write it.
#[derive(Debug, Clone)]
pub struct ReportSettings {
    /// Where the page goes.
    pub html: PathBuf,
    /// The themes file's themes.
    pub set: ThemeSet,
    /// The index folder.
    pub index: PathBuf,
}

impl ReportSettings {
    /// Checks what `quorum report` was given.
    pub fn resolve(a: ReportArgs) -> Result<ReportSettings> {
        Ok(ReportSettings {
            set: theme_set(a.themes_file.as_deref())?,
            html: a.html,
            index: a.index,
        })
    }
}

/// Runs `quorum report`, building the default index first when there is none.
pub fn run(a: ReportArgs) -> Result<ExitStatus> {
    let s = ReportSettings::resolve(a)?;
    ensure_index(&s.index)?;
    let page = html::render(&gather(&s.index, &s.set)?);
    std::fs::write(&s.html, page).with_context(|| format!("writing {}", s.html.display()))?;
    eprintln!("quorum: wrote {}", s.html.display());
    Ok(ExitStatus::Success)
}

/// Every theme by year, and for each one discussed its top proposers and best passages
/// (a search for any of its terms among the passages tagged with it).
pub fn gather(index: &Path, set: &ThemeSet) -> Result<ReportData> {
    let result = themes(index, &[], Period::Year, &Filters::default(), set)?;
    let open = Searchable::open(index)?;
    let mut sections = Vec::new();
    for t in result.themes.iter().filter(|t| t.total > 0) {
        let proposers = top_proposers(&open, &t.name, TOP_PROPOSERS)?;
        let passages = match set.find(&t.name) {
            Some(i) => {
                let query = set.themes[i]
                    .terms
                    .iter()
                    .map(|x| format!("\"{}\"", x.replace('"', "")))
                    .collect::<Vec<_>>()
                    .join(" OR ");
                let filters = Filters {
                    theme: Some(t.name.clone()),
                    ..Default::default()
                };
                // a theme whose terms do not parse as a query still has its timeline
                search_with(&open, &query, PASSAGES, &filters, &Ranking::default())
                    .map(|r| r.hits)
                    .unwrap_or_default()
            }
            None => Vec::new(),
        };
        sections.push(ThemeSection {
            theme: t.name.clone(),
            proposers,
            passages,
        });
    }
    Ok(ReportData {
        index: index.display().to_string(),
        themes: result,
        sections,
    })
}
