//! `quorum themes`: how themes rise and fall.

use super::{ensure_index, filters, note_undated, theme_set, Output};
use crate::cli::{PeriodArg, ThemesArgs};
use crate::error::ExitStatus;
use crate::extract::themes::ThemeSet;
use crate::query::filters::Filters;
use crate::query::themes::{themes, Period};
use crate::report::human;
use anyhow::Result;
use std::io::Write;
use std::path::PathBuf;

/// Which themes to count, and how.
#[derive(Debug, Clone)]
pub struct ThemesSettings {
    /// Themes named; none for all.
    pub themes: Vec<String>,
    /// Count per year, quarter or meeting.
    pub by: Period,
    /// The themes file's themes.
    pub set: ThemeSet,
    /// The index folder.
    pub index: PathBuf,
    /// What narrows the meetings.
    pub filters: Filters,
    /// How to print.
    pub output: Output,
}

impl ThemesSettings {
    /// Checks what `quorum themes` was given: dates, then the themes file.
    pub fn resolve(a: ThemesArgs) -> Result<ThemesSettings> {
        let filters = filters(&a.filters, None)?;
        let set = theme_set(a.themes_file.as_deref())?;
        Ok(ThemesSettings {
            themes: a.themes,
            by: match a.by {
                PeriodArg::Year => Period::Year,
                PeriodArg::Quarter => Period::Quarter,
                PeriodArg::Meeting => Period::Meeting,
            },
            set,
            index: a.index,
            filters,
            output: Output::resolve(a.json),
        })
    }
}

/// Runs `quorum themes`, building the default index first when there is none.
pub fn run(a: ThemesArgs, out: &mut impl Write) -> Result<ExitStatus> {
    let s = ThemesSettings::resolve(a)?;
    ensure_index(&s.index)?;
    let r = themes(&s.index, &s.themes, s.by, &s.filters, &s.set)?;
    note_undated(&s.index, &s.filters);
    match s.output {
        Output::Json => super::ux::write_json(out, &r, &s.index)?,
        Output::Human { width, .. } => human::themes(out, &r, !s.themes.is_empty(), width)?,
    }
    Ok(ExitStatus::Success)
}
