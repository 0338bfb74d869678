//! The binary end to end: index, search, filters, incremental updates, exit codes.

mod common;

use common::{indexed_corpus, json, quorum};
use std::fs;

#[test]
fn test_search_implementation_gap_lands_on_the_seed_paragraph() {
    let dir = indexed_corpus();
    let v = json(
        dir.path(),
        &["search", "implementation gap", "--json", "--index", "index"],
    );
    let hit = &v["hits"][0];
    assert_eq!(hit["source"], "corpus/igf/wg-strategy-2026-03-05.txt");
    assert_eq!(hit["line_start"], 33);
    assert_eq!(hit["line_end"], 33);
    assert_eq!(hit["speaker"], "Chris Buckridge");
    assert_eq!(hit["meeting_date"], "2026-03-05");
    assert_eq!(
        hit["section"],
        "A. Monitoring implementation of MAG improvement proposals"
    );
    assert!(hit["snippet"]
        .as_str()
        .unwrap()
        .contains("<b>implementation</b> <b>gap</b>"));
    let text = fs::read_to_string(common::corpus().join("igf/wg-strategy-2026-03-05.txt")).unwrap();
    assert!(text.lines().nth(32).unwrap().contains("implementation gap"));
    assert!(v["total"].as_u64().unwrap() >= 1);
}

#[test]
fn test_speaker_and_date_filters() {
    let dir = indexed_corpus();
    let v = json(
        dir.path(),
        &[
            "search",
            "AI governance",
            "--json",
            "--speaker",
            "Adam Peake",
            "--index",
            "index",
        ],
    );
    let hits = v["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["speaker"] == "Adam Peake"));

    // "governance" over the shipped index, with more arguments
    let governance = |more: &[&str]| {
        let mut args = vec!["search", "governance", "--json", "--index", "index"];
        args.extend_from_slice(more);
        json(dir.path(), &args)
    };
    let all = governance(&["--limit", "100"]);
    let recent = governance(&["--limit", "100", "--from", "2026-01-01"]);
    assert!(recent["total"].as_u64() < all["total"].as_u64());
    for h in recent["hits"].as_array().unwrap() {
        assert!(h["meeting_date"].as_str().unwrap() >= "2026-01-01", "{h}");
    }
    let old = governance(&["--to", "2019-12-31", "--kind", "transcript"]);
    for h in old["hits"].as_array().unwrap() {
        assert!(h["meeting_date"].as_str().unwrap() <= "2019-12-31");
        assert_eq!(h["kind"], "transcript");
    }
}

#[test]
fn test_speaker_filter_matches_any_spelling() {
    let dir = indexed_corpus();
    let a = json(
        dir.path(),
        &[
            "search",
            "tracker",
            "--json",
            "--speaker",
            "Chris Buckridge",
            "--index",
            "index",
        ],
    );
    let b = json(
        dir.path(),
        &[
            "search",
            "tracker",
            "--json",
            "--speaker",
            "BUCKRIDGE, Chris",
            "--index",
            "index",
        ],
    );
    let c = json(
        dir.path(),
        &[
            "search",
            "tracker",
            "--json",
            "--speaker",
            "Mr. Chris Buckridge",
            "--index",
            "index",
        ],
    );
    assert!(a["total"].as_u64().unwrap() > 0);
    assert_eq!(a["total"], b["total"]);
    assert_eq!(a["total"], c["total"]);
}

#[test]
fn test_unparsable_query_is_a_usage_error() {
    let dir = indexed_corpus();
    for q in ["foo:\"", "nofield:value", "(a AND b", "gap AND", "", "   "] {
        let out = quorum(dir.path())
            .args(["search", q, "--index", "index"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "query {q:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("quorum: "), "{err}");
        assert!(!err.contains("panicked"));
    }
    // a long query is pasted text, whatever signs it holds: never refused for its length
    let long = format!("gap AND {}", "word ".repeat(300));
    assert_ne!(
        quorum(dir.path())
            .args(["search", &long, "--index", "index"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    let out = quorum(dir.path())
        .args(["search", "x", "--from", "2026-02-31", "--index", "index"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // a time is words, not a field
    assert!(quorum(dir.path())
        .args(["search", "18:00 UTC", "--index", "index"])
        .output()
        .unwrap()
        .status
        .success());
}

#[test]
fn test_search_builds_the_index_when_missing() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("corpus/igf")).unwrap();
    fs::copy(
        common::corpus().join("igf/wg-strategy-2026-03-05.txt"),
        dir.path().join("corpus/igf/wg-strategy-2026-03-05.txt"),
    )
    .unwrap();
    let out = quorum(dir.path())
        .args(["search", "implementation gap"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("corpus/igf/wg-strategy-2026-03-05.txt:33"),
        "{stdout}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("building it"));
    assert!(dir.path().join("index/meta.json").is_file());
}

/// A search that matches nothing: exit 1 (as grep), its JSON still printed.
fn no_match(dir: &std::path::Path, q: &str) -> serde_json::Value {
    let out = quorum(dir).args(["search", q, "--json"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn write(dir: &std::path::Path, name: &str, body: &str) {
    fs::write(dir.join(name), body).unwrap();
}

const DOC: &str = "Working Group on Testing\n\n4 May 2026 at 10:00 UTC\n\nThe group met to discuss WORD at length, and it went on for a while. It was useful.\n";

#[test]
fn test_incremental_index_adds_updates_and_removes() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir_all(&corpus).unwrap();
    write(&corpus, "a.txt", &DOC.replace("WORD", "alpha"));
    write(&corpus, "b.txt", &DOC.replace("WORD", "bravo"));
    write(&corpus, "c.md", &DOC.replace("WORD", "charlie"));
    let r = json(dir.path(), &["index", "corpus", "--json"]);
    assert_eq!(
        (
            r["added"].as_u64(),
            r["updated"].as_u64(),
            r["removed"].as_u64()
        ),
        (Some(3), Some(0), Some(0))
    );

    let r = json(dir.path(), &["index", "corpus", "--json"]);
    assert_eq!(
        (
            r["added"].as_u64(),
            r["updated"].as_u64(),
            r["removed"].as_u64(),
            r["unchanged"].as_u64()
        ),
        (Some(0), Some(0), Some(0), Some(3))
    );
    let out = quorum(dir.path())
        .args(["index", "corpus"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing to do"));

    write(&corpus, "b.txt", &DOC.replace("WORD", "zulu"));
    let r = json(dir.path(), &["index", "corpus", "--json"]);
    assert_eq!(
        (
            r["added"].as_u64(),
            r["updated"].as_u64(),
            r["unchanged"].as_u64()
        ),
        (Some(0), Some(1), Some(2))
    );
    assert_eq!(no_match(dir.path(), "bravo")["total"], 0);
    assert_eq!(json(dir.path(), &["search", "zulu", "--json"])["total"], 1);

    fs::remove_file(corpus.join("a.txt")).unwrap();
    let r = json(dir.path(), &["index", "corpus", "--json"]);
    assert_eq!(r["removed"].as_u64(), Some(1));
    assert_eq!(no_match(dir.path(), "alpha")["total"], 0);
    assert_eq!(
        json(dir.path(), &["search", "charlie", "--json"])["total"],
        1
    );
}

#[test]
fn test_broken_files_are_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir_all(corpus.join("sub")).unwrap();
    write(&corpus, "good.txt", &DOC.replace("WORD", "alpha"));
    write(
        &corpus.join("sub"),
        "crlf.txt",
        &DOC.replace("WORD", "bravo").replace('\n', "\r\n"),
    );
    fs::write(
        corpus.join("bom.txt"),
        [
            b"\xEF\xBB\xBF".as_slice(),
            DOC.replace("WORD", "charlie").as_bytes(),
        ]
        .concat(),
    )
    .unwrap();
    write(&corpus, "empty.txt", "");
    fs::write(corpus.join("binary.txt"), b"\x00\x01\x02PK\x03\x04").unwrap();
    fs::write(corpus.join("latin1.txt"), b"caf\xe9 au lait").unwrap();
    let out = quorum(dir.path())
        .args(["index", "corpus", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    for (f, why) in [
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("latin1.txt", "UTF-8"),
    ] {
        assert!(
            err.lines().any(|l| l.contains(f) && l.contains(why)),
            "{f}: {err}"
        );
    }
    assert!(err.contains("3 skipped"), "{err}");
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["added"], 3);
    for w in ["alpha", "bravo", "charlie"] {
        assert_eq!(
            json(dir.path(), &["search", w, "--json"])["total"],
            1,
            "{w}"
        );
    }
}

#[test]
fn test_proposals_by_speaker_and_topic() {
    let dir = indexed_corpus();
    let v = json(
        dir.path(),
        &[
            "proposals",
            "--speaker",
            "Flavio Wagner",
            "--json",
            "--index",
            "index",
        ],
    );
    let rows = v["proposals"].as_array().unwrap();
    let seed: Vec<_> = rows
        .iter()
        .filter(|r| r["source"] == "corpus/igf/wg-strategy-2026-03-05.txt")
        .collect();
    assert!(!seed.is_empty());
    assert!(seed.iter().any(|r| r["text"]
        .as_str()
        .unwrap()
        .contains("preliminary plan of activities")));
    assert!(seed.iter().all(|r| r["meeting_date"] == "2026-03-05"));
    // "Flávio Rech Wagner" in other documents is the same person
    assert!(rows.iter().any(|r| r["speaker"] == "Flávio Rech Wagner"));
    let dates: Vec<&str> = rows
        .iter()
        .map(|r| r["meeting_date"].as_str().unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "oldest first");

    let v = json(
        dir.path(),
        &[
            "proposals",
            "--topic",
            "\"terms of reference\"",
            "--json",
            "--index",
            "index",
        ],
    );
    let rows = v["proposals"].as_array().unwrap();
    let sources: std::collections::BTreeSet<&str> =
        rows.iter().map(|r| r["source"].as_str().unwrap()).collect();
    assert!(sources.len() >= 3, "{sources:?}");
    let about = |r: &serde_json::Value| {
        let t = format!(
            "{} {}",
            r["text"].as_str().unwrap_or(""),
            r["section"].as_str().unwrap_or("")
        )
        .to_lowercase();
        t.contains("terms of reference")
    };
    assert!(rows.iter().all(about));
}

#[test]
fn test_extract_reports_the_seed_record() {
    let v = json(
        &common::root(),
        &["extract", "corpus/igf/wg-strategy-2026-03-05.txt", "--json"],
    );
    assert_eq!(v["meeting"]["date"], "2026-03-05");
    assert_eq!(v["meeting"]["number"], 111);
    assert_eq!(v["meeting"]["next_meeting"], "2026-03-19");
    assert_eq!(v["meeting"]["kind"], "summary");
    assert_eq!(v["meeting"]["moderator"], "Titti Cassa");
    assert_eq!(v["participants"].as_array().unwrap().len(), 18);
    assert_eq!(v["participants"][5]["name"], "Desiree Miloshevic");
    assert_eq!(v["speakers"][0], "Titti Cassa");
    let out = quorum(&common::root())
        .args(["extract", "no/such/file.txt", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn test_help_teaches() {
    let out = quorum(&common::root())
        .args(["search", "--help"])
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("Examples") && s.contains("--speaker") && s.contains("--from"));
    assert_eq!(
        quorum(&common::root())
            .args(["bogus"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn test_subtitle_hits_carry_their_start_time() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir_all(&corpus).unwrap();
    for f in [
        "05-webvtt-voices.vtt",
        "06-subtitles.srt",
        "04-named-turns.txt",
    ] {
        fs::copy(
            common::root().join("tests/fixtures/extract").join(f),
            corpus.join(f),
        )
        .unwrap();
    }
    json(dir.path(), &["index", "corpus", "--json"]);
    let v = json(dir.path(), &["search", "connection", "--json"]);
    let hit = &v["hits"][0];
    assert_eq!(hit["source"], "corpus/05-webvtt-voices.vtt");
    assert_eq!(hit["time_start"], 4.0);
    assert_eq!(hit["speaker"], "Ana Neves");
    assert_eq!(
        (hit["line_start"].as_u64(), hit["line_end"].as_u64()),
        (Some(9), Some(12))
    );
    let v = json(dir.path(), &["search", "visa letters", "--json"]);
    assert_eq!(v["hits"][0]["time_start"], 9.0);
    let v = json(dir.path(), &["search", "spectrum", "--json"]);
    assert!(v["hits"][0]["time_start"].is_null());
    let out = quorum(dir.path())
        .args(["search", "connection"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("@00:00:04"));
}

/// Searches run on all cores, one task per index segment; an index built in two commits
/// has two segments, and must answer exactly as one built in one.
#[test]
fn test_an_index_of_several_segments_answers_like_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut files: Vec<_> = fs::read_dir(common::corpus().join("igf"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    for (i, f) in files.iter().enumerate() {
        let name = f.file_name().unwrap();
        for d in [&one, &two] {
            fs::create_dir_all(d.join("corpus")).unwrap();
        }
        fs::copy(f, one.join("corpus").join(name)).unwrap();
        // the second index gets the first half, is built, then gets the rest
        if i < files.len() / 2 {
            fs::copy(f, two.join("corpus").join(name)).unwrap();
        }
    }
    json(&one, &["index", "corpus", "--json"]);
    json(&two, &["index", "corpus", "--json"]);
    for f in &files[files.len() / 2..] {
        fs::copy(f, two.join("corpus").join(f.file_name().unwrap())).unwrap();
    }
    json(&two, &["index", "corpus", "--json"]);
    let meta: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(two.join("index/meta.json")).unwrap()).unwrap();
    assert!(
        meta["segments"].as_array().unwrap().len() >= 2,
        "the second index should have several segments"
    );
    let queries: &[&[&str]] = &[
        &["implementation gap"],
        &["\"Terms of Reference\""],
        &["WSIS AND review"],
        &["hybrid", "--kind", "transcript"],
        &["strategy", "--from", "2024-01-01", "--to", "2026-12-31"],
        // every document in range: no segment may score it otherwise
        &["strategy", "--from", "2000-01-01", "--to", "2030-12-31"],
    ];
    for q in queries {
        let args: Vec<&str> = ["search", "--json", "--limit", "5"]
            .iter()
            .copied()
            .chain(q.iter().copied())
            .collect();
        let (a, b) = (json(&one, &args), json(&two, &args));
        assert_eq!(a["total"], b["total"], "{q:?}");
        let hits = |v: &serde_json::Value| -> Vec<(String, u64, String)> {
            v["hits"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| {
                    (
                        h["source"].as_str().unwrap().to_string(),
                        h["line_start"].as_u64().unwrap(),
                        format!("{:.3}", h["score"].as_f64().unwrap()),
                    )
                })
                .collect()
        };
        assert_eq!(hits(&a), hits(&b), "{q:?}");
        assert!(!hits(&a).is_empty(), "{q:?} should find something");
    }
}
