//! What an index remembers of its corpus, beside tantivy's files: the folder as given and
//! as an absolute path (so outputs can carry both), a fingerprint of its file listing, and
//! each folder's modification time (so a search can say that files were added or changed
//! since the last `quorum index`).
//!
//! Two checks read it. The quick one ([`CorpusRecord::staleness`], what every search runs)
//! looks at the folders only: adding, removing or renaming a document changes its folder's
//! modification time, and so does an editor that saves by writing a new file and renaming
//! it over the old; only the folders whose time moved are listed again (names only, no
//! file is looked at). What it cannot see is a document rewritten in place (its folder's
//! time does not move) and documents in a folder that held none when the index was built.
//! The complete one ([`CorpusRecord::staleness_full`], `QUORUM_STALENESS=full`) looks at
//! every file's size and time, as `quorum index` does before re-indexing what changed: a
//! `statx` per file, 2.6 s of a 2.7 s search at 50,000 meetings on a loaded machine
//! (benches/RESULTS.md, session 13).

use crate::ingest::walk::{corpus_files, is_document, FoundFile};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
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
    /// Every folder that held documents (and the corpus folder itself), with its time:
    /// empty in a record written before session 14, and then the quick check is the
    /// complete one.
    #[serde(default)]
    pub folders: Vec<FolderStamp>,
    /// When the folders' times were read, in nanoseconds since the epoch.
    #[serde(default)]
    pub listed_at: u64,
}

/// How close to the listing a folder's time may be and still hide a change: a file added
/// in the same tick of the file system's clock as the listing leaves the folder's time
/// as it was read. Such folders have their names counted again at each check (git's
/// "racily clean" entries). Two seconds covers the coarsest common clocks (FAT's 2 s,
/// ext3's and HFS+'s 1 s); Linux's own is a scheduler tick, 1-10 ms.
const RACY_NS: u64 = 2_000_000_000;

/// A folder of the corpus as it was listed.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct FolderStamp {
    /// Its path inside the corpus, `/`-separated ("" for the corpus folder).
    pub path: String,
    /// Its modification time in nanoseconds since the epoch (0 when unknown).
    pub mtime: u64,
    /// How many documents it held directly (not in its subfolders).
    pub documents: usize,
}

/// A path's modification time in nanoseconds since the epoch, when it exists.
fn mtime_of(path: &Path) -> Option<u64> {
    let t = std::fs::metadata(path).ok()?.modified().ok()?;
    Some(
        t.duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64),
    )
}

/// The folders of a listing of `corpus`, each with its time and its own documents.
fn folder_stamps(corpus: &Path, files: &[FoundFile]) -> Vec<FolderStamp> {
    let mut counts: BTreeMap<PathBuf, usize> = BTreeMap::new();
    counts.insert(PathBuf::new(), 0);
    for f in files {
        let rel = f.path.strip_prefix(corpus).unwrap_or(&f.path);
        let folder = rel.parent().unwrap_or(Path::new("")).to_path_buf();
        *counts.entry(folder).or_insert(0) += 1;
    }
    counts
        .into_iter()
        .map(|(rel, documents)| FolderStamp {
            path: crate::ingest::source::source_name(&rel),
            mtime: mtime_of(&corpus.join(&rel)).unwrap_or(0),
            documents,
        })
        .collect()
}

/// How many documents a folder holds now, directly; folders in it that the record does
/// not know are new, and their documents are counted too (all of them, at any depth).
fn documents_now(folder: &Path, rel: &str, known: &HashSet<&str>) -> usize {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return 0;
    };
    let mut n = 0;
    for e in entries.flatten() {
        let path = e.path();
        // a link is followed, as the corpus walk does
        let is_dir = match e.file_type() {
            Ok(t) if t.is_symlink() => path.is_dir(),
            Ok(t) => t.is_dir(),
            Err(_) => false,
        };
        if is_dir {
            let name = e.file_name().to_string_lossy().into_owned();
            let sub = if rel.is_empty() {
                name
            } else {
                format!("{rel}/{name}")
            };
            if !known.contains(sub.as_str()) {
                n += walkdir::WalkDir::new(&path)
                    .follow_links(true)
                    .into_iter()
                    .flatten()
                    .filter(|e| !e.file_type().is_dir() && is_document(e.path()))
                    .count();
            }
        } else if is_document(&path) {
            n += 1;
        }
    }
    n
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
            folders: folder_stamps(corpus, files),
            listed_at: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64),
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

    /// A one-line note when the corpus has changed since this record was made, from the
    /// folders' times alone (see the module's note for what that cannot see): about one
    /// `statx` per folder, and a listing of the names in each folder whose time moved.
    pub fn staleness(&self, index: &Path) -> Option<String> {
        if !self.absolute.is_dir() {
            return Some(self.gone());
        }
        if self.folders.is_empty() {
            return self.staleness_full(index);
        }
        let known: HashSet<&str> = self.folders.iter().map(|f| f.path.as_str()).collect();
        let mut moved = false;
        let mut now = self.files as i64;
        for f in &self.folders {
            let path = self.absolute.join(&f.path);
            match mtime_of(&path) {
                Some(t) if t == f.mtime && t.saturating_add(RACY_NS) < self.listed_at => {}
                Some(t) if t == f.mtime => {
                    let n = documents_now(&path, &f.path, &known);
                    if n != f.documents {
                        moved = true;
                        now += n as i64 - f.documents as i64;
                    }
                }
                // a folder gone takes its documents with it (its subfolders are counted
                // as their own entries)
                None => {
                    moved = true;
                    now -= f.documents as i64;
                }
                Some(_) => {
                    moved = true;
                    now += documents_now(&path, &f.path, &known) as i64 - f.documents as i64;
                }
            }
        }
        moved.then(|| self.note(index, now.max(0) as usize))
    }

    fn gone(&self) -> String {
        format!(
            "the corpus {} the index was built from is gone",
            self.absolute.display()
        )
    }

    /// The note for a corpus that changed and now holds `now` documents.
    fn note(&self, index: &Path, now: usize) -> String {
        let n = |k: usize| format!("{k} file{}", if k == 1 { "" } else { "s" });
        let what = match now.cmp(&self.files) {
            std::cmp::Ordering::Greater => format!("{} added", n(now - self.files)),
            std::cmp::Ordering::Less => format!("{} removed", n(self.files - now)),
            std::cmp::Ordering::Equal => "files changed".to_string(),
        };
        let corpus = if self.given.is_empty() {
            "."
        } else {
            &self.given
        };
        format!(
            "the corpus has changed since the last `quorum index` ({what}); these results do not include it: run `quorum index {corpus} --index {}`",
            index.display()
        )
    }

    /// The complete check: every document's name, size and time against the record's
    /// fingerprint (a `statx` per file; what `QUORUM_STALENESS=full` asks for).
    pub fn staleness_full(&self, index: &Path) -> Option<String> {
        if !self.absolute.is_dir() {
            return Some(self.gone());
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
        Some(self.note(index, renamed.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("c");
        std::fs::create_dir_all(corpus.join("y2020")).unwrap();
        std::fs::write(corpus.join("a.txt"), "x").unwrap();
        std::fs::write(corpus.join("y2020/m.txt"), "x").unwrap();
        (dir, corpus)
    }

    #[test]
    fn test_notices_added_and_changed_files() {
        let (dir, corpus) = corpus();
        let r = CorpusRecord::of(&corpus);
        assert_eq!(r.staleness(dir.path()), None);
        assert_eq!(r.staleness_full(dir.path()), None);
        std::fs::write(corpus.join("b.txt"), "y").unwrap();
        assert!(r.staleness(dir.path()).unwrap().contains("1 file added"));
        assert!(r
            .staleness_full(dir.path())
            .unwrap()
            .contains("1 file added"));
        let r = CorpusRecord::of(&corpus);
        std::fs::write(corpus.join("b.txt"), "longer").unwrap();
        assert!(r.staleness_full(dir.path()).unwrap().contains("changed"));
        assert_eq!(
            r.absolute_path(&format!("{}/b.txt", r.given)).unwrap(),
            corpus.join("b.txt").to_string_lossy()
        );
    }

    #[test]
    fn test_the_quick_check_reads_folders_not_files() {
        let (dir, corpus) = corpus();
        let mut r = CorpusRecord::of(&corpus);
        assert_eq!(r.folders.len(), 2, "{:?}", r.folders);
        // as if listed long after the folders last changed: their times alone decide
        r.listed_at += 10 * RACY_NS;
        // rewritten in place: its folder's time does not move, only the complete check sees it
        std::fs::write(corpus.join("y2020/m.txt"), "longer").unwrap();
        assert_eq!(r.staleness(dir.path()), None);
        assert!(r.staleness_full(dir.path()).is_some());
        // a new folder of two documents, and a document removed elsewhere
        std::fs::create_dir_all(corpus.join("y2021/sub")).unwrap();
        std::fs::write(corpus.join("y2021/n.txt"), "x").unwrap();
        std::fs::write(corpus.join("y2021/sub/o.md"), "x").unwrap();
        std::fs::write(corpus.join("y2021/notes.xlsx"), "x").unwrap();
        let note = r.staleness(dir.path()).unwrap();
        assert!(note.contains("2 files added"), "{note}");
        std::fs::remove_file(corpus.join("y2020/m.txt")).unwrap();
        let note = r.staleness(dir.path()).unwrap();
        assert!(note.contains("1 file added"), "{note}");
        // a record of an older quorum has no folders: the complete check is made
        let mut old = CorpusRecord::of(&corpus);
        old.folders.clear();
        assert_eq!(old.staleness(dir.path()), None);
        std::fs::write(corpus.join("a.txt"), "longer still").unwrap();
        assert!(old.staleness(dir.path()).is_some());
    }
}
