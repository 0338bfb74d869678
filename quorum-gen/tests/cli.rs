//! The `quorum-gen` binary: the same seed writes the same corpus and truth, a corpus that
//! quorum reads, and a bad command line is refused.

use assert_cmd::Command;
use std::path::Path;

fn gen(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("quorum-gen")
        .expect("binary")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run")
}

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect();
    v.sort();
    v
}

#[test]
fn test_same_seed_same_corpus_and_truth() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let args = [
        "corpus",
        "--meetings",
        "30",
        "--seed",
        "3",
        "--max-words",
        "700",
    ];
    for d in [&a, &b] {
        let out = gen(d.path(), &args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stderr).contains("30 meetings"));
    }
    let fa = files(a.path());
    assert_eq!(fa.len(), 31, "30 meetings and the truth");
    assert_eq!(fa, files(b.path()));
    let truth: serde_json::Value =
        serde_json::from_slice(&std::fs::read(a.path().join("corpus-truth.json")).unwrap())
            .unwrap();
    assert_eq!(truth["seed"], 3);
    assert_eq!(truth["meetings"], 30);
    let chains = truth["chains"].as_array().unwrap();
    assert!(!chains.is_empty());
    for c in chains {
        let occ = c["occurrences"].as_array().unwrap();
        assert!(occ.len() >= 2);
        for o in occ {
            // every raising is in the file the truth names, in the words it gives
            let rel = o["source"].as_str().unwrap();
            let text = std::fs::read_to_string(a.path().join(rel)).unwrap();
            assert!(text.contains(o["text"].as_str().unwrap()), "{rel}");
        }
    }
}

#[test]
fn test_bad_arguments_are_refused() {
    let d = tempfile::tempdir().unwrap();
    let out = gen(d.path(), &["corpus", "--meetings", "many"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!d.path().join("corpus").exists());
}
