//! Search through the library: an index kept open for many queries, whose date filters
//! read each segment's dates once, answers exactly as the `search` command does.

mod common;

use common::{quorum, run_ok};
use quorum::extract::dates::parse_iso;
use quorum::query::filters::Filters;
use quorum::query::search::{search_with, Ranking, Searchable};

#[test]
fn test_an_index_open_for_many_queries_answers_as_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = common::corpus();
    // small batches: several commits, so several segments
    run_ok(
        dir.path(),
        &[
            "index",
            corpus.to_str().unwrap(),
            "--index",
            "index",
            "--batch",
            "3",
        ],
    );
    let open = Searchable::open_for_many(&dir.path().join("index")).unwrap();
    assert!(
        open.searcher.segment_readers().len() > 1,
        "the index should have several segments"
    );
    let ranges = [
        ("2016-01-01", "2026-12-31"),
        ("2019-10-15", "2019-10-15"),
        ("2020-01-01", "2024-10-03"),
        ("2025-01-01", "2030-01-01"),
        ("1990-01-01", "2000-01-01"),
    ];
    let mut answered = 0;
    for query in [
        "implementation gap",
        "\"terms of reference\"",
        "MAG",
        "hybrid participation",
        "*",
    ] {
        for (from, to) in ranges {
            let want = json_hits_or_none(
                dir.path(),
                &[
                    "search", query, "--index", "index", "--from", from, "--to", to, "--limit",
                    "20", "--json",
                ],
            );
            let filters = Filters {
                from: parse_iso(from),
                to: parse_iso(to),
                ..Default::default()
            };
            let mut out = Vec::new();
            // as the command writes it: with the fields shared by every command
            quorum::commands::ux::write_json(
                &mut out,
                &search_with(&open, query, 20, &filters, &Ranking::default()).unwrap(),
                &dir.path().join("index"),
            )
            .unwrap();
            let got: serde_json::Value = serde_json::from_slice(&out).unwrap();
            assert_eq!(got, want, "{query} from {from} to {to}");
            answered += want["total"].as_u64().unwrap();
        }
    }
    assert!(answered > 0, "the ranges should find passages");
}

/// The command's JSON, with hits (exit 0) or none (exit 1, as grep).
fn json_hits_or_none(dir: &std::path::Path, args: &[&str]) -> serde_json::Value {
    let out = quorum(dir).args(args).output().expect("run");
    assert!(
        matches!(out.status.code(), Some(0) | Some(1)),
        "quorum {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}
