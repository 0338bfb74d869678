//! `quorum show FILE:LINE`: the lines of a file as quorum reads it, so that a hit's
//! `file:line` can be opened whatever the file's format.

use super::ExitStatus;
use crate::cli::ShowArgs;
use crate::error::QuorumError;
use anyhow::Result;
use std::io::Write;
use std::path::Path;

/// Runs `quorum show`.
pub fn run(a: ShowArgs, out: &mut impl Write) -> Result<ExitStatus> {
    let bad = || QuorumError::Usage(format!("{:?} is not FILE:LINE", a.at));
    let (file, line) = a.at.rsplit_once(':').ok_or_else(bad)?;
    let line: usize = line.trim().parse().map_err(|_| bad())?;
    let text = crate::ingest::formats::show(Path::new(file), line, a.context)
        .map_err(|e| QuorumError::Usage(format!("{file}: {e}")))?;
    out.write_all(text.as_bytes())?;
    Ok(ExitStatus::Success)
}
