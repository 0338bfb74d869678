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

/// Runs quorum and expects success; the output, for tests that read more than JSON.
pub fn run_ok(dir: &Path, args: &[&str]) -> std::process::Output {
    let out = quorum(dir).args(args).output().expect("run");
    assert!(
        out.status.success(),
        "quorum {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Runs quorum, expects success, parses stdout as JSON.
pub fn json(dir: &Path, args: &[&str]) -> Value {
    json_with(dir, args, &[0])
}

/// Runs quorum, expects one of `codes` as its exit status, parses stdout as JSON.
fn json_with(dir: &Path, args: &[&str], codes: &[i32]) -> Value {
    let out = quorum(dir).args(args).output().expect("run");
    assert!(
        out.status.code().is_some_and(|c| codes.contains(&c)),
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

/// Writes a synthetic corpus to `dir/corpus` with the `quorum-gen` binary and returns its
/// ground truth (`dir/corpus-truth.json`). quorum-gen is a workspace member beside this
/// crate: `cargo test --workspace` (and plain `cargo test`, it is a default member)
/// builds it into the same `target/<profile>/` folder as `quorum`.
pub fn generate(dir: &Path, meetings: usize, seed: u64, words: (usize, usize)) -> Value {
    let bin = assert_cmd::cargo::cargo_bin("quorum-gen");
    let (meetings, seed) = (meetings.to_string(), seed.to_string());
    let (min, max) = (words.0.to_string(), words.1.to_string());
    let out = std::process::Command::new(&bin)
        .args(["corpus", "--meetings", &meetings, "--seed", &seed])
        .args(["--min-words", &min, "--max-words", &max])
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run {} ({e}): build it with `cargo build --release --workspace`",
                bin.display()
            )
        });
    assert!(
        out.status.success(),
        "quorum-gen failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let truth = std::fs::read(dir.join("corpus-truth.json")).expect("corpus-truth.json");
    serde_json::from_slice(&truth).expect("truth is JSON")
}

/// Runs `quorum search`, which exits 1 when nothing matches (as grep does) and still
/// prints its JSON; parses stdout.
#[allow(dead_code)]
pub fn search_json(dir: &Path, args: &[&str]) -> Value {
    json_with(dir, args, &[0, 1])
}
