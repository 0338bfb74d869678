//! JSON output: the wire shapes of `spec/cli.md`, one object per command.

use crate::query::proposals::ProposalRow;
use serde::Serialize;
use std::io::Write;

/// Writes a value as one line of JSON.
pub fn write<T: Serialize>(out: &mut impl Write, value: &T) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// Writes the proposals as `{"proposals": [...]}`.
pub fn proposals(out: &mut impl Write, rows: &[ProposalRow]) -> anyhow::Result<()> {
    #[derive(Serialize)]
    struct Out<'a> {
        proposals: &'a [ProposalRow],
    }
    write(out, &Out { proposals: rows })
}
