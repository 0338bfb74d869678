//! Helpers for tests that run the `quorum` binary.
#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shipped corpus.
pub fn corpus() -> PathBuf {
    root().join("corpus")
}

/// `quorum` with its working directory set.
pub fn quorum(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("quorum").expect("binary");
    c.current_dir(dir);
    c.env("NO_COLOR", "1");
    c
}

/// Runs quorum, expects success, parses stdout as JSON.
pub fn json(dir: &Path, args: &[&str]) -> Value {
    let out = quorum(dir).args(args).output().expect("run");
    assert!(
        out.status.success(),
        "quorum {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "quorum {args:?}: bad JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

/// A temp folder with an index of the shipped corpus at `index/`.
pub fn indexed_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    // the corpus as `corpus/` beside the index, so that sources read `corpus/igf/...`
    // (a source is the corpus path as given, joined with the file's)
    std::os::unix::fs::symlink(corpus(), dir.path().join("corpus")).expect("symlink");
    let out = quorum(dir.path())
        .args(["index", "corpus", "--index", "index"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "index failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

/// `../shared` beside the repository, when it is there.
pub fn shared() -> Option<PathBuf> {
    let p = root().join("..").join("shared");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared is not beside the repository");
        None
    }
}

/// `quorum` as a plain process, for tests that spawn and kill it.
pub fn quorum_process(dir: &Path) -> std::process::Command {
    let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("quorum"));
    c.current_dir(dir);
    c.env("NO_COLOR", "1");
    c
}
