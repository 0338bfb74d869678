//! `quorum index`: build or update the index from a corpus folder.

use crate::cli::IndexArgs;
use crate::config::default_corpus;
use crate::error::ExitStatus;
use crate::index::writer::BuildOptions;
use crate::report::{human, json};
use anyhow::Result;
use std::io::Write;
use std::path::PathBuf;

/// What to index, where, and how.
#[derive(Debug, Clone)]
pub struct IndexSettings {
    /// The corpus folder.
    pub corpus: PathBuf,
    /// The index folder.
    pub index: PathBuf,
    /// How the writer runs.
    pub build: BuildOptions,
    /// Print the run's figures as JSON on stdout.
    pub json: bool,
}

impl IndexSettings {
    /// The settings `quorum index` was given.
    pub fn resolve(a: IndexArgs) -> IndexSettings {
        IndexSettings {
            corpus: a.corpus.unwrap_or_else(default_corpus),
            index: a.index,
            build: BuildOptions {
                threads: a.threads.map(usize::from),
                rebuild: a.rebuild,
                progress: true,
                batch: a.batch as usize,
                ..Default::default()
            },
            json: a.json,
        }
    }
}

/// Runs `quorum index`: the summary on stderr, the figures on stdout with `--json`.
pub fn run(a: IndexArgs, out: &mut impl Write) -> Result<ExitStatus> {
    let s = IndexSettings::resolve(a);
    let report = crate::pipeline::build(&s.corpus, &s.index, &s.build)?;
    // the corpus as the build listed it: walking it again was half a no-change re-index
    match &report.corpus {
        Some(record) => {
            if let Err(e) = record.save(&s.index) {
                eprintln!(
                    "quorum: warning: cannot write {} in {}: {e}",
                    crate::index::corpus_record::FILE,
                    s.index.display()
                );
            }
        }
        None => super::ux::remember_corpus(&s.corpus, &s.index),
    }
    eprintln!("quorum: {}", human::build_summary(&report));
    if s.json {
        json::write(out, &report)?;
    }
    Ok(ExitStatus::Success)
}
