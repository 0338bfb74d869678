//! Search through the library: an index kept open for many queries, whose date filters
//! read each segment's dates once, answers exactly as the `search` command does.

mod common;

use common::{json, quorum};
use quorum::extract::dates::parse_iso;
use quorum::query::filters::Filters;
use quorum::query::search::{search_with, Ranking, Searchable};

#[test]
fn test_an_index_open_for_many_queries_answers_as_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = common::corpus();
    // small batches: several commits, so several segments
    let out = quorum(dir.path())
        .args([
            "index",
            corpus.to_str().unwrap(),
            "--index",
            "index",
            "--batch",
            "3",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
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
            let want = json(
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
            quorum::report::json::write(
                &mut out,
                &search_with(&open, query, 20, &filters, &Ranking::default()).unwrap(),
            )
            .unwrap();
            let got: serde_json::Value = serde_json::from_slice(&out).unwrap();
            assert_eq!(got, want, "{query} from {from} to {to}");
            answered += want["total"].as_u64().unwrap();
        }
    }
    assert!(answered > 0, "the ranges should find passages");
}
