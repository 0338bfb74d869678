//! `quorum gaps`: proposals raised again and again.

use super::{ensure_index, filters, note_undated, Output};
use crate::cli::GapsArgs;
use crate::error::ExitStatus;
use crate::query::filters::Filters;
use crate::query::gaps::gaps;
use crate::report::human;
use anyhow::Result;
use std::io::Write;
use std::path::PathBuf;

/// Which recurring proposals to report.
#[derive(Debug, Clone)]
pub struct GapsSettings {
    /// Chains raised in at least this many meetings.
    pub min_meetings: usize,
    /// The index folder.
    pub index: PathBuf,
    /// What narrows the meetings.
    pub filters: Filters,
    /// How to print.
    pub output: Output,
}

impl GapsSettings {
    /// Checks what `quorum gaps` was given.
    pub fn resolve(a: GapsArgs) -> Result<GapsSettings> {
        Ok(GapsSettings {
            filters: filters(&a.filters, None)?,
            min_meetings: a.min_meetings as usize,
            index: a.index,
            output: Output::resolve(a.json),
        })
    }
}

/// Runs `quorum gaps`, building the default index first when there is none.
pub fn run(a: GapsArgs, out: &mut impl Write) -> Result<ExitStatus> {
    let s = GapsSettings::resolve(a)?;
    ensure_index(&s.index)?;
    if s.min_meetings == 1 {
        eprintln!("quorum: note: --min-meetings 1 lists every proposal, recurring or not: a gap is one raised in 2 or more meetings (the default)");
    }
    let r = gaps(&s.index, s.min_meetings, &s.filters)?;
    note_undated(&s.index, &s.filters);
    match s.output {
        Output::Json => super::ux::write_json(out, &r, &s.index)?,
        Output::Human { .. } => human::gaps(out, &r)?,
    }
    Ok(ExitStatus::Success)
}
