//! Search quality on real meeting transcripts (QMSum, in ../shared): quorum's ranking
//! must beat the plain BM25 baseline that the shared scorer computes in the same run.
//! Skips when ../shared is absent.

mod common;

#[test]
fn test_qmsum_sample_beats_bm25() {
    let Some(shared) = common::shared() else {
        return;
    };
    let scorer = shared.join("tools/score_qmsum.py");
    if !scorer.is_file() || !shared.join("qmsum/queries.jsonl").is_file() {
        eprintln!("skipped: the QMSum data or scorer is missing");
        return;
    }
    let index = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("quorum");
    let out = std::process::Command::new("python3")
        .arg(&scorer)
        .args([
            "--queries",
            shared.join("qmsum/queries.jsonl").to_str().unwrap(),
        ])
        .args([
            "--bin",
            bin.to_str().unwrap(),
            "--index",
            index.path().join("ix").to_str().unwrap(),
        ])
        .args([
            "--build-from",
            shared.join("qmsum/transcripts").to_str().unwrap(),
        ])
        .args(["--baseline", "--limit-queries", "500"])
        .env_remove("QUORUM_RANK")
        .output()
        .expect("python3");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let figure = |prefix: &str, key: &str| -> f64 {
        let line = text.lines().rev().find(|l| l.starts_with(prefix)).unwrap();
        line.split_whitespace()
            .find_map(|w| w.strip_prefix(&format!("{key}=")))
            .unwrap()
            .parse()
            .unwrap()
    };
    let (qm, qp) = (
        figure("qmsum recall", "meeting"),
        figure("qmsum recall", "passage"),
    );
    let (bm, bp) = (
        figure("qmsum-bm25 recall", "meeting"),
        figure("qmsum-bm25 recall", "passage"),
    );
    eprintln!("quorum meeting {qm:.3} passage {qp:.3}; bm25 meeting {bm:.3} passage {bp:.3}");
    assert!(
        qp >= bp + 0.04,
        "passage recall {qp:.3} vs baseline {bp:.3}"
    );
    assert!(
        qm >= bm - 0.005,
        "meeting recall {qm:.3} vs baseline {bm:.3}"
    );
}
