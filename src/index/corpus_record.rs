//! What an index remembers of its corpus, beside tantivy's files: the folder as given and
//! as an absolute path (so outputs can carry both), and a fingerprint of its file listing
//! (so a search can say that files were added or changed since the last `quorum index`).

use crate::ingest::walk::{corpus_files, FoundFile};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The file's name in the index folder.
pub const FILE: &str = "corpus.json";

/// The corpus an index was last built from.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct CorpusRecord {
    /// The corpus folder as given to `quorum index` (the start of every `source`).
    pub given: String,
    /// The same folder as an absolute path.
    pub absolute: PathBuf,
    /// How many documents were listed.
    pub files: usize,
    /// A hash of every document's name, size and modification time.
    pub fingerprint: String,
}

fn fingerprint(files: &[FoundFile]) -> String {
    let mut h = blake3::Hasher::new();
    for f in files {
        h.update(f.source.as_bytes());
        h.update(&[0]);
        h.update(&f.size.to_le_bytes());
        h.update(&f.mtime.to_le_bytes());
    }
    h.finalize().to_hex()[..32].to_string()
}

impl CorpusRecord {
    /// The record of `corpus` as it is now.
    pub fn of(corpus: &Path) -> CorpusRecord {
        let (files, _) = corpus_files(corpus);
        CorpusRecord::listed(corpus, &files)
    }

    /// The record of `corpus` from a listing of it just made (the indexer's own: a second
    /// walk of 50,000 files was half of a re-index that had nothing to do).
    pub fn listed(corpus: &Path, files: &[FoundFile]) -> CorpusRecord {
        CorpusRecord {
            given: crate::ingest::source::corpus_label(corpus),
            absolute: std::path::absolute(corpus).unwrap_or_else(|_| corpus.to_path_buf()),
            files: files.len(),
            fingerprint: fingerprint(files),
        }
    }

    /// Writes it into the index folder (after a build: a failure to write only loses the
    /// staleness note and absolute paths, so it is not an error of the build).
    pub fn save(&self, index: &Path) -> std::io::Result<()> {
        let json = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        std::fs::write(index.join(FILE), json + "\n")
    }

    /// The record in an index folder, when there is one.
    pub fn load(index: &Path) -> Option<CorpusRecord> {
        let s = std::fs::read_to_string(index.join(FILE)).ok()?;
        serde_json::from_str(&s).ok()
    }

    /// The absolute path of a `source` of this corpus.
    pub fn absolute_path(&self, source: &str) -> Option<String> {
        let rel = if self.given.is_empty() {
            source
        } else {
            source.strip_prefix(&self.given)?.trim_start_matches('/')
        };
        Some(self.absolute.join(rel).to_string_lossy().into_owned())
    }

    /// A one-line note when the corpus has changed since this record was made.
    pub fn staleness(&self, index: &Path) -> Option<String> {
        if !self.absolute.is_dir() {
            return Some(format!(
                "the corpus {} the index was built from is gone",
                self.absolute.display()
            ));
        }
        // the listing's names start with the folder as given, not its absolute path
        let (files, _) = corpus_files(&self.absolute);
        let abs_label = crate::ingest::source::corpus_label(&self.absolute);
        let renamed: Vec<FoundFile> = files
            .into_iter()
            .map(|mut f| {
                let rel = f.source.strip_prefix(&abs_label).unwrap_or(&f.source);
                f.source = crate::ingest::source::join(
                    &self.given,
                    Path::new(rel.trim_start_matches('/')),
                );
                f
            })
            .collect();
        if fingerprint(&renamed) == self.fingerprint {
            return None;
        }
        let n = |k: usize| format!("{k} file{}", if k == 1 { "" } else { "s" });
        let what = match renamed.len().cmp(&self.files) {
            std::cmp::Ordering::Greater => format!("{} added", n(renamed.len() - self.files)),
            std::cmp::Ordering::Less => format!("{} removed", n(self.files - renamed.len())),
            std::cmp::Ordering::Equal => "files changed".to_string(),
        };
        let corpus = if self.given.is_empty() {
            "."
        } else {
            &self.given
        };
        Some(format!(
            "the corpus has changed since the last `quorum index` ({what}); these results do not include it: run `quorum index {corpus} --index {}`",
            index.display()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_notices_added_and_changed_files() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("c");
        std::fs::create_dir_all(&corpus).unwrap();
        std::fs::write(corpus.join("a.txt"), "x").unwrap();
        let r = CorpusRecord::of(&corpus);
        assert_eq!(r.staleness(dir.path()), None);
        std::fs::write(corpus.join("b.txt"), "y").unwrap();
        assert!(r.staleness(dir.path()).unwrap().contains("1 file added"));
        let r = CorpusRecord::of(&corpus);
        std::fs::write(corpus.join("b.txt"), "longer").unwrap();
        assert!(r.staleness(dir.path()).unwrap().contains("changed"));
        assert_eq!(
            r.absolute_path(&format!("{}/b.txt", r.given)).unwrap(),
            corpus.join("b.txt").to_string_lossy()
        );
    }
}
