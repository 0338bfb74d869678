//! `quorum proposals`: who proposed what, oldest first.

use super::{ensure_index, filters, note_undated, Output};
use crate::cli::ProposalsArgs;
use crate::error::ExitStatus;
use crate::query::filters::Filters;
use crate::query::proposals::proposals;
use crate::report::human;
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
    /// Show at most this many, the oldest first.
    pub limit: Option<usize>,
    /// How to print.
    pub output: Output,
}

impl ProposalsSettings {
    /// Checks what `quorum proposals` was given.
    pub fn resolve(a: ProposalsArgs) -> Result<ProposalsSettings> {
        Ok(ProposalsSettings {
            filters: filters(&a.filters, None)?,
            topic: a.topic,
            limit: a.limit.map(|n| n as usize),
            index: a.index,
            output: Output::resolve(a.json),
        })
    }
}

/// Runs `quorum proposals`, building the default index first when there is none.
pub fn run(a: ProposalsArgs, out: &mut impl Write) -> Result<ExitStatus> {
    let s = ProposalsSettings::resolve(a)?;
    ensure_index(&s.index)?;
    let mut rows = proposals(&s.index, s.topic.as_deref(), &s.filters)?;
    note_undated(&s.index, &s.filters);
    let total = rows.len();
    if let Some(n) = s.limit {
        rows.truncate(n);
    }
    match s.output {
        Output::Json => {
            #[derive(serde::Serialize)]
            struct Out<'a> {
                proposals: &'a [crate::query::proposals::ProposalRow],
                total: usize,
            }
            super::ux::write_json(
                out,
                &Out {
                    proposals: &rows,
                    total,
                },
                &s.index,
            )?
        }
        Output::Human { width, .. } if !rows.is_empty() => {
            human::proposals(out, &rows, width)?;
            if rows.len() < total {
                writeln!(
                    out,
                    "(the oldest {} of {total}; --limit shows more)",
                    rows.len()
                )?;
            }
        }
        Output::Human { .. } => {}
    }
    if rows.is_empty() {
        eprintln!("quorum: no proposals match");
        return Ok(ExitStatus::Failure);
    }
    Ok(ExitStatus::Success)
}
