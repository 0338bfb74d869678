//! `quorum extract`: what quorum reads in one document.

use crate::cli::ExtractArgs;
use crate::error::{ExitStatus, QuorumError};
use crate::ingest::read::{read_file, ReadError};
use crate::report::{human, json};
use anyhow::Result;
use std::io::Write;
use std::path::PathBuf;

/// The document to read and how to print it.
#[derive(Debug, Clone)]
pub struct ExtractSettings {
    /// The document.
    pub file: PathBuf,
    /// One line of JSON rather than indented JSON.
    pub json: bool,
}

impl ExtractSettings {
    /// The settings `quorum extract` was given.
    pub fn resolve(a: ExtractArgs) -> ExtractSettings {
        ExtractSettings {
            file: a.file,
            json: a.json,
        }
    }
}

/// Runs `quorum extract`. A file that cannot be opened fails (exit 1); one that is not a
/// text document (empty, binary, too large, not UTF-8) is refused input (exit 2).
pub fn run(a: ExtractArgs, out: &mut impl Write) -> Result<ExitStatus> {
    let s = ExtractSettings::resolve(a);
    let bytes = read_file(&s.file).map_err(|e| match e {
        ReadError::Io(m) => anyhow::anyhow!("cannot read {}: {m}", s.file.display()),
        other => QuorumError::Usage(format!("{}: {other}", s.file.display())).into(),
    })?;
    let rendering = crate::ingest::formats::render(&s.file, &bytes)
        .map_err(|e| QuorumError::Usage(format!("{}: {e}", s.file.display())))?;
    let meeting =
        crate::pipeline::parse_rendering(&crate::ingest::source::corpus_label(&s.file), &rendering);
    if s.json {
        json::write(out, &meeting)?;
    } else {
        human::meeting(out, &meeting)?;
    }
    Ok(ExitStatus::Success)
}
