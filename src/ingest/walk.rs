//! Finding the documents of a corpus: every `.txt`, `.md`, `.vtt`, `.srt`, `.html`, `.pdf`,
//! `.docx` and `.eml` file under a folder, recursively, in a stable order; any other file
//! is returned as skipped (unsupported format).

use std::path::{Path, PathBuf};

/// File extensions quorum reads.
pub const EXTENSIONS: &[&str] = &["txt", "md", "vtt", "srt"];

/// A document found in the corpus.
#[derive(Debug, Clone)]
pub struct FoundFile {
    /// Where it is on disk.
    pub path: PathBuf,
    /// Its name as reported and indexed: the corpus folder as given joined with the path
    /// inside it ([`super::source`]).
    pub source: String,
    /// Size in bytes when listed.
    pub size: u64,
    /// Modification time in nanoseconds since the epoch, when the file system gives one.
    pub mtime: u64,
}

/// Lists the documents under `root`. Folder entries that cannot be read are returned as
/// errors beside the files, so that the caller reports them and goes on.
pub fn corpus_files(root: &Path) -> (Vec<FoundFile>, Vec<(PathBuf, String)>) {
    let label = super::source::corpus_label(root);
    let mut files = Vec::new();
    let mut errors = Vec::new();
    // sorted once at the end, not directory by directory: walkdir's sort parses both
    // paths on every comparison, a sixth of a no-change re-index of 50,000 files
    for entry in walkdir::WalkDir::new(root).follow_links(true) {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let p = e
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| root.to_path_buf());
                errors.push((p, e.to_string()));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        if !is_document(entry.path()) {
            // never silently ignored: the summary and --json name it
            let ext = entry
                .path()
                .extension()
                .map_or(String::new(), |e| e.to_string_lossy().into_owned());
            errors.push((
                entry.path().to_path_buf(),
                super::read::ReadError::Unsupported(ext).key().into(),
            ));
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
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
        files.push(FoundFile {
            path: entry.path().to_path_buf(),
            source: super::source::join(&label, rel),
            size: meta.len(),
            mtime,
        });
    }
    files.sort_unstable_by(|a, b| {
        folder_order(&a.source, &b.source).then_with(|| a.path.cmp(&b.path))
    });
    (files, errors)
}

/// The order of a depth-first walk that lists each folder by name: the names of `/`
/// paths compared one by one, which is their bytes compared with `/` below all others
/// ("a/y.txt" before "a-b/x.txt" and "a.txt").
fn folder_order(a: &str, b: &str) -> std::cmp::Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let same = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let at = |s: &[u8]| s.get(same).map(|&c| if c == b'/' { 0 } else { c });
    at(a).cmp(&at(b))
}

/// Whether quorum reads this file.
pub fn is_document(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        EXTENSIONS
            .iter()
            .chain(super::formats::EXTENSIONS)
            .any(|x| x.eq_ignore_ascii_case(e))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_lists_documents_under_the_corpus_as_given() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        std::fs::create_dir_all(root.join("igf")).unwrap();
        std::fs::write(root.join("igf/a.txt"), "x").unwrap();
        std::fs::write(root.join("igf/b.pdf"), "x").unwrap();
        std::fs::write(root.join("igf/c.xlsx"), "x").unwrap();
        let (files, errors) = corpus_files(&root);
        assert_eq!(files.len(), 2);
        // the spreadsheet is named as skipped, not ignored
        assert_eq!(errors.len(), 1);
        assert!(errors[0].0.ends_with("c.xlsx"));
        assert_eq!(errors[0].1, "unsupported format");
        assert_eq!(
            files[0].source,
            format!("{}/igf/a.txt", super::super::source::corpus_label(&root))
        );
    }

    #[test]
    fn test_files_come_folder_by_folder_in_name_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        for f in [
            "b.txt",
            "a.txt",
            "a-b/x.txt",
            "a/y.txt",
            "a/c/z.txt",
            "a/b.txt",
        ] {
            let p = root.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "x").unwrap();
        }
        let names: Vec<String> = corpus_files(&root)
            .0
            .into_iter()
            .map(|f| f.source)
            .collect();
        let label = super::super::source::corpus_label(&root);
        let names: Vec<String> = names
            .iter()
            .map(|n| format!("corpus/{}", n.strip_prefix(&format!("{label}/")).unwrap()))
            .collect();
        // a plain string sort would put "a-b/" and "a.txt" before "a/"
        assert_eq!(
            names,
            [
                "corpus/a/b.txt",
                "corpus/a/c/z.txt",
                "corpus/a/y.txt",
                "corpus/a-b/x.txt",
                "corpus/a.txt",
                "corpus/b.txt"
            ]
        );
    }
}
