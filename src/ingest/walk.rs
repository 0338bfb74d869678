//! Finding the documents of a corpus: every `.txt`, `.md`, `.vtt` and `.srt` file under a
//! folder, recursively, in a stable order.

use std::path::{Path, PathBuf};

/// File extensions quorum reads.
pub const EXTENSIONS: &[&str] = &["txt", "md", "vtt", "srt"];

/// A document found in the corpus.
#[derive(Debug, Clone)]
pub struct FoundFile {
    /// Where it is on disk.
    pub path: PathBuf,
    /// Its name as reported and indexed: relative to the corpus folder's parent.
    pub source: String,
    /// Size in bytes when listed.
    pub size: u64,
    /// Modification time in nanoseconds since the epoch, when the file system gives one.
    pub mtime: u64,
}

/// Lists the documents under `root`. Folder entries that cannot be read are returned as
/// errors beside the files, so that the caller reports them and goes on.
pub fn corpus_files(root: &Path) -> (Vec<FoundFile>, Vec<(PathBuf, String)>) {
    let base = root.parent().unwrap_or(Path::new(""));
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for entry in walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let p = e.path().map(Path::to_path_buf).unwrap_or_else(|| root.to_path_buf());
                errors.push((p, e.to_string()));
                continue;
            }
        };
        if !entry.file_type().is_file() || !is_document(entry.path()) {
            continue;
        }
        let Ok(meta) = entry.metadata() else {
            errors.push((entry.path().to_path_buf(), "cannot read metadata".into()));
            continue;
        };
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as u64);
        let rel = entry.path().strip_prefix(base).unwrap_or(entry.path());
        files.push(FoundFile {
            path: entry.path().to_path_buf(),
            source: source_name(rel),
            size: meta.len(),
            mtime,
        });
    }
    (files, errors)
}

/// Whether quorum reads this file.
pub fn is_document(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// A path in `/` form, as sources are stored and printed.
pub fn source_name(path: &Path) -> String {
    path.components()
        .filter_map(|c| match c {
            std::path::Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_lists_documents_relative_to_parent() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        std::fs::create_dir_all(root.join("igf")).unwrap();
        std::fs::write(root.join("igf/a.txt"), "x").unwrap();
        std::fs::write(root.join("igf/b.pdf"), "x").unwrap();
        let (files, errors) = corpus_files(&root);
        assert!(errors.is_empty());
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].source, "corpus/igf/a.txt");
    }
}
