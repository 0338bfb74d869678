//! `quorum proposals`: who proposed what, oldest first.

use super::{ensure_index, filters, note_undated, Output};
use crate::cli::ProposalsArgs;
use crate::error::ExitStatus;
use crate::query::filters::Filters;
use crate::query::proposals::proposals;
use crate::report::{human, json};
use anyhow::Result;
use std::io::Write;
use std::path::PathBuf;

/// Which proposals to list.
#[derive(Debug, Clone)]
pub struct ProposalsSettings {
    /// Only proposals matching this query.
    pub topic: Option<String>,
    /// The index folder.
    pub index: PathBuf,
    /// What narrows the meetings.
    pub filters: Filters,
    /// How to print.
    pub output: Output,
}

impl ProposalsSettings {
    /// Checks what `quorum proposals` was given.
    pub fn resolve(a: ProposalsArgs) -> Result<ProposalsSettings> {
        Ok(ProposalsSettings {
            filters: filters(&a.filters, None)?,
            topic: a.topic,
            index: a.index,
            output: Output::resolve(a.json),
        })
    }
}

/// Runs `quorum proposals`, building the default index first when there is none.
pub fn run(a: ProposalsArgs, out: &mut impl Write) -> Result<ExitStatus> {
    let s = ProposalsSettings::resolve(a)?;
    ensure_index(&s.index)?;
    let rows = proposals(&s.index, s.topic.as_deref(), &s.filters)?;
    note_undated(&s.index, &s.filters);
    match s.output {
        Output::Json => json::proposals(out, &rows)?,
        Output::Human { width, .. } => human::proposals(out, &rows, width)?,
    }
    Ok(ExitStatus::Success)
}
