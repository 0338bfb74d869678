//! Opening an index for queries, with the checks that turn a damaged, foreign or old
//! index into a message instead of a panic.

use super::schema::{self, Fields, SCHEMA_VERSION};
use crate::error::QuorumError;
use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;
use tantivy::{Index, IndexReader, ReloadPolicy, Searcher};

/// What quorum writes into each commit's payload.
#[derive(Debug, Serialize, Deserialize, Default)]
pub struct Payload {
    /// Schema version that wrote the commit.
    pub quorum_schema: u32,
    /// Hash of the themes file passages were tagged with.
    #[serde(default)]
    pub themes: String,
}

/// The payload of the last commit.
pub fn payload(index: &Index) -> Payload {
    index
        .load_metas()
        .ok()
        .and_then(|m| m.payload)
        .and_then(|p| serde_json::from_str(&p).ok())
        .unwrap_or_default()
}

/// Files in an index folder that are ours and not tantivy's.
pub const OWN_FILES: &[&str] = &["README.md", ".gitignore"];

/// Whether `dir` holds a tantivy index.
pub fn exists(dir: &Path) -> bool {
    dir.join("meta.json").is_file()
}

/// Whether `dir` is missing or holds nothing but our own files and what an index
/// creation killed before its first meta.json leaves: tantivy's locks, its list of
/// managed files and a half-written temporary file. Nothing was committed there.
pub fn is_vacant(dir: &Path) -> bool {
    let uncommitted = !exists(dir);
    match std::fs::read_dir(dir) {
        Err(_) => true,
        Ok(rd) => rd.flatten().all(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            OWN_FILES.contains(&name.as_str())
                || name.starts_with(".tantivy-") && name.ends_with(".lock")
                || uncommitted && (name == ".managed.json" || name.starts_with(".tmp"))
        }),
    }
}

fn rebuild_hint(dir: &Path) -> String {
    format!(
        "rebuild it with `quorum index --rebuild --index {}`",
        dir.display()
    )
}

/// Opens an existing index and checks that quorum of this version wrote it.
pub fn open(dir: &Path) -> Result<(Index, Fields)> {
    if !exists(dir) {
        if is_vacant(dir) {
            return Err(QuorumError::BadIndex(format!(
                "no index at {}: build one with `quorum index [CORPUS] --index {}`",
                dir.display(),
                dir.display()
            ))
            .into());
        }
        return Err(QuorumError::BadIndex(format!(
            "{} is not a quorum index (no meta.json); {}",
            dir.display(),
            rebuild_hint(dir)
        ))
        .into());
    }
    let index = Index::open_in_dir(dir).map_err(|e| {
        QuorumError::BadIndex(format!(
            "cannot open the index at {}: {e}; {}",
            dir.display(),
            rebuild_hint(dir)
        ))
    })?;
    check(&index, dir)?;
    schema::register(&index);
    let (_, fields) = schema::build();
    Ok((index, fields))
}

/// Refuses an index whose schema or payload is not this version's.
pub fn check(index: &Index, dir: &Path) -> Result<()> {
    let (expected, _) = schema::build();
    let metas = index.load_metas().map_err(|e| {
        QuorumError::BadIndex(format!(
            "the index at {} is damaged ({e}); {}",
            dir.display(),
            rebuild_hint(dir)
        ))
    })?;
    let version = metas
        .payload
        .as_deref()
        .and_then(|p| serde_json::from_str::<Payload>(p).ok())
        .map(|p| p.quorum_schema);
    let same_fields = index
        .schema()
        .fields()
        .map(|(_, e)| e.name().to_string())
        .collect::<Vec<_>>()
        == expected
            .fields()
            .map(|(_, e)| e.name().to_string())
            .collect::<Vec<_>>();
    match version {
        Some(v) if v == SCHEMA_VERSION && same_fields => Ok(()),
        Some(v) => Err(QuorumError::BadIndex(format!("the index at {} was written by quorum schema version {v}, this quorum reads version {SCHEMA_VERSION}; {}", dir.display(), rebuild_hint(dir))).into()),
        None if metas.segments.is_empty() && same_fields => Ok(()),
        None => Err(QuorumError::BadIndex(format!("the index at {} was not written by quorum; {}", dir.display(), rebuild_hint(dir))).into()),
    }
}

/// A reader that sees the last commit. Its searches visit segments on all cores: a large
/// index has several big segments, and one query's latency is what a user waits for.
pub fn searcher(index: &Index) -> Result<(IndexReader, Searcher)> {
    let mut index = index.clone();
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    if cores > 1 && index.searchable_segment_ids().map_or(0, |s| s.len()) > 1 {
        // where threads cannot be started, searches run on the calling thread as before
        let _ = index.set_multithread_executor(cores);
    }
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .context("opening an index reader")?;
    let searcher = reader.searcher();
    Ok((reader, searcher))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_an_index_killed_before_its_first_meta_is_vacant() {
        let dir = tempfile::tempdir().unwrap();
        for f in [
            ".managed.json",
            ".tantivy-writer.lock",
            ".tantivy-meta.lock",
            ".tmpuSOO9M",
            "README.md",
        ] {
            std::fs::write(dir.path().join(f), "").unwrap();
        }
        assert!(
            is_vacant(dir.path()),
            "nothing was committed: the folder can be reused"
        );
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        assert!(!is_vacant(dir.path()), "a file of someone else's is kept");
        std::fs::remove_file(dir.path().join("notes.txt")).unwrap();
        std::fs::write(dir.path().join("meta.json"), "{}").unwrap();
        assert!(
            !is_vacant(dir.path()),
            "with a meta.json it is an index, to open or refuse"
        );
    }
}
