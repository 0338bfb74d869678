//! Faults: a killed indexer, two indexers at once, a search during indexing, damaged,
//! foreign and old indexes, files that vanish or are too large (issue #8).

mod common;

use common::{quorum, run_ok};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

fn generate(dir: &Path, meetings: usize) {
    common::generate(dir, meetings, 42, (300, 900));
}

/// Every passage of an index as (source, lines) → count, and the total.
fn dump(dir: &Path, index: &str) -> (BTreeMap<String, usize>, u64) {
    let out = run_ok(
        dir,
        &[
            "search", "*", "--limit", "10000", "--json", "--index", index,
        ],
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut m = BTreeMap::new();
    for h in v["hits"].as_array().unwrap() {
        *m.entry(format!(
            "{}:{}-{}",
            h["source"].as_str().unwrap(),
            h["line_start"],
            h["line_end"]
        ))
        .or_default() += 1;
    }
    (m, v["total"].as_u64().unwrap())
}

#[test]
fn test_killed_indexer_resumes_to_the_same_index() {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path(), 600);
    let clean = quorum(dir.path())
        .args(["index", "corpus", "--index", "clean"])
        .output()
        .unwrap();
    assert!(clean.status.success());
    let expected = dump(dir.path(), "clean");
    for (round, delay_ms) in [40u64, 150, 400, 900].into_iter().enumerate() {
        let ix = format!("killed{round}");
        let mut child = common::quorum_process(dir.path())
            .args([
                "index",
                "corpus",
                "--index",
                &ix,
                "--batch",
                "25",
                "--threads",
                "1",
            ])
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        // whatever was committed opens and answers
        if dir.path().join(&ix).join("meta.json").exists() {
            let s = quorum(dir.path())
                .args(["search", "governance", "--json", "--index", &ix])
                .output()
                .unwrap();
            // an answer, with hits (0) or none yet (1, as grep)
            assert!(
                matches!(s.status.code(), Some(0) | Some(1))
                    && serde_json::from_slice::<serde_json::Value>(&s.stdout).is_ok(),
                "round {round}: {}",
                String::from_utf8_lossy(&s.stderr)
            );
        }
        let resumed = quorum(dir.path())
            .args(["index", "corpus", "--index", &ix])
            .output()
            .unwrap();
        assert!(
            resumed.status.success(),
            "round {round}: {}",
            String::from_utf8_lossy(&resumed.stderr)
        );
        assert_eq!(
            dump(dir.path(), &ix),
            expected,
            "round {round} (killed after {delay_ms} ms)"
        );
    }
}

#[test]
fn test_second_indexer_is_refused_and_search_reads_last_commit() {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path(), 1500);
    // a first, small commit so that searches have something to read
    std::fs::create_dir_all(dir.path().join("one")).unwrap();
    let first = std::fs::read_dir(dir.path().join("corpus"))
        .unwrap()
        .flatten()
        .next()
        .unwrap()
        .path();
    let mut child = common::quorum_process(dir.path())
        .args([
            "index",
            "corpus",
            "--index",
            "ix",
            "--batch",
            "50",
            "--threads",
            "1",
        ])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let second = quorum(dir.path())
        .args(["index", "corpus", "--index", "ix"])
        .output()
        .unwrap();
    let running = child.try_wait().unwrap().is_none();
    if running {
        assert_eq!(
            second.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&second.stderr)
        );
        assert!(String::from_utf8_lossy(&second.stderr).contains("busy"));
        if dir.path().join("ix/meta.json").exists() {
            let s = quorum(dir.path())
                .args(["search", "governance", "--json", "--index", "ix"])
                .output()
                .unwrap();
            // an answer, with hits (0) or none yet (1, as grep)
            assert!(
                matches!(s.status.code(), Some(0) | Some(1))
                    && serde_json::from_slice::<serde_json::Value>(&s.stdout).is_ok(),
                "search during indexing: {}",
                String::from_utf8_lossy(&s.stderr)
            );
        }
    }
    let status = child.wait().unwrap();
    assert!(status.success());
    let again = quorum(dir.path())
        .args(["index", "corpus", "--index", "ix", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(v["added"], 0, "the first run was unharmed: {v}");
    let _ = first;
}

#[test]
fn test_damaged_foreign_and_old_indexes_say_how_to_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path(), 20);
    let p = dir.path();
    // foreign folder
    std::fs::create_dir_all(p.join("foreign")).unwrap();
    std::fs::write(p.join("foreign/notes.txt"), "not an index").unwrap();
    let out = quorum(p)
        .args(["search", "x", "--index", "foreign"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--rebuild"));
    let out = quorum(p)
        .args(["index", "corpus", "--index", "foreign"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--rebuild"));
    assert!(
        p.join("foreign/notes.txt").exists(),
        "nothing deleted without --rebuild"
    );
    // damaged meta.json
    assert!(quorum(p)
        .args(["index", "corpus", "--index", "ix"])
        .output()
        .unwrap()
        .status
        .success());
    std::fs::write(p.join("ix/meta.json"), "{ not json").unwrap();
    let out = quorum(p)
        .args(["search", "governance", "--index", "ix"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--rebuild") && !err.contains("panicked"),
        "{err}"
    );
    // an older schema version in the payload
    assert!(quorum(p)
        .args(["index", "corpus", "--index", "old"])
        .output()
        .unwrap()
        .status
        .success());
    let meta = std::fs::read_to_string(p.join("old/meta.json")).unwrap();
    let schema = quorum::index::schema::SCHEMA_VERSION;
    std::fs::write(
        p.join("old/meta.json"),
        meta.replace(
            &format!("quorum_schema\\\":{schema}"),
            "quorum_schema\\\":0",
        ),
    )
    .unwrap();
    let out = quorum(p)
        .args(["search", "governance", "--index", "old"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("schema version 0"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // --rebuild mends all three
    for ix in ["foreign", "ix", "old"] {
        let out = quorum(p)
            .args(["index", "corpus", "--index", ix, "--rebuild"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{ix}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(quorum(p)
            .args(["search", "governance", "--index", ix])
            .output()
            .unwrap()
            .status
            .success());
    }
}

#[test]
fn test_vanished_and_oversized_files_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path(), 10);
    let corpus = dir.path().join("corpus");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("nowhere.txt"), corpus.join("gone.txt")).unwrap();
    let big = vec![b'a'; (quorum::ingest::read::MAX_MB as usize + 1) * 1_000_000];
    std::fs::write(corpus.join("huge.txt"), big).unwrap();
    std::fs::write(corpus.join("headings.md"), "# One\n\n## Two\n\n### Three\n").unwrap();
    std::fs::write(corpus.join("french.txt"), "Groupe de travail\n\nRéunion du 5 mars 2026 à 18h00 UTC\n\nLe groupe a décidé de réviser les termes de référence du GCM. Mme Ana Neves a proposé une consultation publique.\n").unwrap();
    std::fs::write(corpus.join("nodate.txt"), "Meeting notes\n\nWe met on 31 February 2026 and on 12/03/26 and talked for a long time about many things.\n").unwrap();
    let out = quorum(dir.path())
        .args(["index", "corpus", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("huge.txt") && err.contains("too large"),
        "{err}"
    );
    assert!(err.contains("gone.txt"), "{err}");
    assert!(err.contains("2 skipped"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["added"], 13);
    let fr = common::json(dir.path(), &["extract", "corpus/french.txt", "--json"]);
    assert_eq!(fr["meeting"]["date"], "2026-03-05");
    let nd = common::json(dir.path(), &["extract", "corpus/nodate.txt", "--json"]);
    assert_eq!(nd["meeting"]["date"], "2026-03-12");
    let s = common::json(dir.path(), &["search", "consultation publique", "--json"]);
    assert_eq!(s["hits"][0]["source"], "corpus/french.txt");
}
