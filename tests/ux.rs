//! What a new user trips on: plain-English queries, a typo'd index, paths that open,
//! one name per body, ranking and snippets, theme trends, exit codes and output shapes,
//! help, completions and the man page. Each test runs the binary.

mod common;

use common::{indexed_corpus, json, quorum};
use serde_json::Value;
use std::fs;
use std::path::Path;

fn run(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = quorum(dir).args(args).output().expect("run");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn hits(v: &Value) -> &Vec<Value> {
    v["hits"].as_array().expect("hits")
}

// ---- 1. any typed or pasted text is a valid query

#[test]
fn test_plain_english_queries_return_hits() {
    let dir = indexed_corpus();
    for q in [
        "IGF's future",
        "MAG's role",
        "IGF 2026: outcomes",
        "the IGF's role: next steps",
        "WG-Strategy tracker",
        "AI/ML governance",
        "\"implementation gap",
        "roadmap (adopted in 2024",
    ] {
        let v = json(dir.path(), &["search", q, "--json", "--index", "index"]);
        assert!(!hits(&v).is_empty(), "{q:?} found nothing");
    }
}

#[test]
fn test_a_pasted_paragraph_of_3000_characters_is_ranked_by_its_telling_words() {
    let dir = indexed_corpus();
    let text = fs::read_to_string(common::corpus().join("igf/2024-10-03-wg-strategy.txt")).unwrap();
    let mut pasted = String::new();
    for w in text.split_whitespace() {
        if pasted.len() >= 3000 {
            break;
        }
        pasted.push_str(w);
        pasted.push(' ');
    }
    assert!(pasted.len() >= 3000);
    let v = json(
        dir.path(),
        &["search", &pasted, "--json", "--index", "index"],
    );
    assert!(!hits(&v).is_empty());
    // the pasted meeting comes first
    assert_eq!(
        hits(&v)[0]["source"],
        "corpus/igf/2024-10-03-wg-strategy.txt"
    );
    let words = v["searched_for"].as_array().expect("searched_for");
    assert!(!words.is_empty() && words.len() <= 40, "{words:?}");
    // the commonest words are not what it was searched by
    assert!(!words.iter().any(|w| w == "the" || w == "of"), "{words:?}");
}

#[test]
fn test_the_query_language_still_works_and_wrong_syntax_exits_2() {
    let dir = indexed_corpus();
    let v = json(
        dir.path(),
        &[
            "search",
            "speaker:\"Chris Buckridge\" AND tracker",
            "--json",
            "--index",
            "index",
        ],
    );
    assert!(!hits(&v).is_empty());
    assert!(hits(&v).iter().all(|h| h["speaker"] == "Chris Buckridge"));
    let with = json(
        dir.path(),
        &[
            "search",
            "implementation",
            "--json",
            "--limit",
            "100",
            "--index",
            "index",
        ],
    );
    let without = json(
        dir.path(),
        &[
            "search",
            "--json",
            "--limit",
            "100",
            "--index",
            "index",
            "--",
            "implementation -tracker",
        ],
    );
    assert!(without["total"].as_u64() < with["total"].as_u64());
    for (q, why) in [
        ("nofield:value", "does not exist"),
        ("gap AND", "both sides"),
        ("(tracker AND hubs", "balanced"),
    ] {
        let (code, _, err) = run(dir.path(), &["search", q, "--index", "index"]);
        assert_eq!(code, Some(2), "{q}");
        assert!(err.contains(why), "{q}: {err}");
    }
}

#[test]
fn test_search_help_says_how_each_query_is_read() {
    let (_, out, _) = run(&common::root(), &["search", "--help"]);
    for s in [
        "Plain text is read",
        "IGF's future",
        "field:",
        "AND",
        "-word",
        "1000 characters",
        "40",
    ] {
        assert!(out.contains(s), "--help lacks {s:?}");
    }
}

// ---- 2. a typo'd --index creates nothing

#[test]
fn test_a_missing_index_elsewhere_is_an_error_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let typo = dir.path().join("nonexistent");
    for cmd in [&["search", "x"][..], &["proposals"], &["themes"], &["gaps"]] {
        let mut args: Vec<&str> = cmd.to_vec();
        args.extend(["--index", typo.to_str().unwrap()]);
        let (code, _, err) = run(dir.path(), &args);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(err.contains("quorum index"), "{err}");
        assert!(!typo.exists(), "{args:?} created {}", typo.display());
    }
}

// ---- 3. file:line opens from where the command ran

#[test]
fn test_source_is_the_corpus_as_given_and_path_is_absolute() {
    let dir = tempfile::tempdir().unwrap();
    let nc = dir.path().join("nc/formats");
    fs::create_dir_all(&nc).unwrap();
    fs::copy(
        common::corpus().join("igf/wg-strategy-2026-03-05.txt"),
        nc.join("a.txt"),
    )
    .unwrap();
    let work = dir.path().join("work");
    fs::create_dir_all(&work).unwrap();
    let abs = dir.path().join("nc");
    for (corpus, prefix) in [
        (
            abs.to_str().unwrap().to_string(),
            format!("{}/", abs.display()),
        ),
        ("../nc".to_string(), "../nc/".to_string()),
        ("../nc/formats/".to_string(), "../nc/formats/".to_string()),
    ] {
        let idx = work.join("idx");
        let _ = fs::remove_dir_all(&idx);
        let (code, _, err) = run(&work, &["index", &corpus, "--index", "idx"]);
        assert_eq!(code, Some(0), "{err}");
        let v = json(
            &work,
            &["search", "implementation gap", "--json", "--index", "idx"],
        );
        let h = &hits(&v)[0];
        let source = h["source"].as_str().unwrap();
        assert!(source.starts_with(&prefix), "{corpus}: {source}");
        assert!(
            work.join(source).is_file(),
            "{source} does not open from the working folder"
        );
        let path = Path::new(h["path"].as_str().unwrap());
        assert!(path.is_absolute() && path.is_file(), "{path:?}");
        // the human output's file:line too
        let (_, out, _) = run(&work, &["search", "implementation gap", "--index", "idx"]);
        assert!(out.contains(&format!("{source}:33")), "{out}");
    }
}

// ---- 4. a meeting body has one name and its aliases

#[test]
fn test_a_body_is_one_name_whatever_alias_is_given() {
    let dir = indexed_corpus();
    let total = |b: &str| {
        let v = json(
            dir.path(),
            &[
                "search", "*", "--json", "--limit", "1000", "--body", b, "--index", "index",
            ],
        );
        for h in hits(&v) {
            assert_eq!(
                h["body"], "MAG Working Group on Strategy",
                "--body {b}: {h}"
            );
        }
        v["total"].as_u64().unwrap()
    };
    let n = total("Working Group on Strategy");
    assert!(n > 0);
    for alias in [
        "WG-Strategy",
        "MAG WG-Strategy",
        "WG Strategy",
        "MAG Working Group on Strategy",
    ] {
        assert_eq!(total(alias), n, "--body {alias}");
    }
    // the five WG-Strategy records, the mailing-list one included
    let v = json(
        dir.path(),
        &[
            "search",
            "*",
            "--json",
            "--limit",
            "1000",
            "--body",
            "WG-Strategy",
            "--index",
            "index",
        ],
    );
    let mut files: Vec<&str> = hits(&v)
        .iter()
        .map(|h| h["source"].as_str().unwrap())
        .collect();
    files.sort();
    files.dedup();
    assert_eq!(files.len(), 5, "{files:?}");
    let m = json(
        &common::root(),
        &[
            "extract",
            "corpus/igf/2026-01-29-wg-strategy-email.txt",
            "--json",
        ],
    );
    assert_eq!(m["meeting"]["body"], "MAG Working Group on Strategy");
}

// ---- 5. ranking and snippets

#[test]
fn test_heading_only_hits_do_not_outrank_real_passages() {
    let dir = indexed_corpus();
    let v = json(
        dir.path(),
        &[
            "search",
            "implementation gap",
            "--json",
            "--limit",
            "10",
            "--index",
            "index",
        ],
    );
    let at = |src: &str, line: u64| {
        hits(&v)
            .iter()
            .position(|h| h["source"].as_str().unwrap().ends_with(src) && h["line_start"] == line)
    };
    let anriette = at("2024-10-03-wg-strategy.txt", 31).expect("Anriette's passage in the top 10");
    for heading_only in [35, 39, 41] {
        if let Some(i) = at("wg-strategy-2026-03-05.txt", heading_only) {
            assert!(
                i > anriette,
                "line {heading_only} at {i}, above Anriette at {anriette}"
            );
        }
    }
    for h in hits(&v) {
        assert!(
            !h["snippet"].as_str().unwrap().trim().is_empty(),
            "empty snippet: {h}"
        );
    }
}

fn unhtml(s: &str) -> String {
    s.replace("<b>", "")
        .replace("</b>", "")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[test]
fn test_snippets_proposals_and_decisions_carry_no_markdown_and_start_at_a_word() {
    let dir = indexed_corpus();
    for q in [
        "implementation gap",
        "Geneva Cyber Week",
        "AI governance",
        "tracker",
    ] {
        let v = json(
            dir.path(),
            &["search", q, "--json", "--limit", "20", "--index", "index"],
        );
        for h in hits(&v) {
            let snip = unhtml(h["snippet"].as_str().unwrap());
            assert!(!snip.contains("**"), "{snip}");
            let text = fs::read_to_string(dir.path().join(h["source"].as_str().unwrap()))
                .or_else(|_| fs::read_to_string(h["path"].as_str().unwrap()))
                .unwrap()
                .replace("**", "");
            let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            let flat = squash(&text);
            let start: String = squash(&snip).chars().take(25).collect();
            let i = flat
                .find(&start)
                .unwrap_or_else(|| panic!("{start:?} not in the file"));
            assert!(
                i == 0 || flat[..i].ends_with(char::is_whitespace),
                "snippet starts mid-word: {snip:?}"
            );
        }
    }
    let p = json(dir.path(), &["proposals", "--json", "--index", "index"]);
    for r in p["proposals"].as_array().unwrap() {
        assert!(!r["text"].as_str().unwrap().contains("**"), "{r}");
    }
    let m = json(
        &common::root(),
        &["extract", "corpus/igf/wg-strategy-2026-03-05.txt", "--json"],
    );
    for x in m["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .chain(m["decisions"].as_array().unwrap())
    {
        assert!(!x["text"].as_str().unwrap().contains("**"), "{x}");
    }
}

// ---- 6. themes: a trend is a tested one

#[test]
fn test_a_theme_is_rising_only_when_its_test_says_so() {
    let dir = indexed_corpus();
    let v = json(dir.path(), &["themes", "--json", "--index", "index"]);
    let last_year = v["themes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["last_seen"].as_str())
        .max()
        .unwrap()[..4]
        .parse::<i32>()
        .unwrap();
    for t in v["themes"].as_array().unwrap() {
        let tr = &t["trend"];
        let dir_ = tr["direction"].as_str().unwrap();
        let last: i32 = t["last_seen"]
            .as_str()
            .map_or(0, |s| s[..4].parse().unwrap());
        let points = t["series"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["passages"].as_u64() > Some(0))
            .count();
        if dir_ == "rising" || dir_ == "falling" {
            assert!(points >= 4, "{}: {dir_} on {points} points", t["name"]);
            assert!(tr["p_value"].as_f64().unwrap() < 0.1, "{t}");
            assert!(
                last >= last_year - 1,
                "{} rising but last seen {last}",
                t["name"]
            );
        }
        if last > 0 && last < last_year - 1 {
            assert_eq!(dir_, format!("not seen since {last}"), "{}", t["name"]);
        }
        assert!(tr["rule"].as_str().unwrap().contains("slope"), "{tr}");
    }
    // the report says the same
    let html = dir.path().join("r.html");
    let (code, _, err) = run(
        dir.path(),
        &[
            "report",
            "--html",
            html.to_str().unwrap(),
            "--index",
            "index",
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    let page = fs::read_to_string(&html).unwrap();
    for t in v["themes"].as_array().unwrap() {
        let d = t["trend"]["direction"].as_str().unwrap();
        if d.starts_with("not seen since") {
            assert!(page.contains(d), "report lacks {d:?} for {}", t["name"]);
        }
    }
}

// ---- 7. scripts

#[test]
fn test_no_match_exits_1_and_json_is_still_printed() {
    let dir = indexed_corpus();
    let (code, out, err) = run(
        dir.path(),
        &["search", "nothingmatchesthis", "--index", "index"],
    );
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(err.contains("no passages match"), "{err}");
    let (code, out, _) = run(
        dir.path(),
        &["search", "nothingmatchesthis", "--json", "--index", "index"],
    );
    assert_eq!(code, Some(1));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["total"], 0);
    let (code, _, _) = run(
        dir.path(),
        &[
            "proposals",
            "--topic",
            "nothingmatchesthis",
            "--index",
            "index",
        ],
    );
    assert_eq!(code, Some(1));
}

#[test]
fn test_the_filter_is_blamed_when_it_matches_nothing() {
    let dir = indexed_corpus();
    let (code, _, err) = run(
        dir.path(),
        &[
            "search",
            "implementation",
            "--speaker",
            "Nobody",
            "--index",
            "index",
        ],
    );
    assert_eq!(code, Some(1));
    assert!(err.contains("--speaker \"Nobody\""), "{err}");
    assert!(!err.contains("match \"implementation\""), "{err}");
    let (code, _, err) = run(
        dir.path(),
        &[
            "search",
            "implementation",
            "--from",
            "2026-01-01",
            "--to",
            "2020-01-01",
            "--index",
            "index",
        ],
    );
    assert_eq!(code, Some(1));
    assert!(
        err.contains("warning: --from 2026-01-01 is after --to 2020-01-01"),
        "{err}"
    );
}

#[test]
fn test_proposals_limit_and_piped_tables_keep_file_line_whole() {
    let dir = indexed_corpus();
    let v = json(
        dir.path(),
        &["proposals", "--json", "--limit", "3", "--index", "index"],
    );
    assert_eq!(v["proposals"].as_array().unwrap().len(), 3);
    assert!(v["total"].as_u64().unwrap() > 3);
    let out = quorum(dir.path())
        .args(["proposals", "--index", "index"])
        .env("COLUMNS", "60")
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    let all = json(dir.path(), &["proposals", "--json", "--index", "index"]);
    for r in all["proposals"].as_array().unwrap() {
        let place = format!("{}:{}", r["source"].as_str().unwrap(), r["line"]);
        assert!(s.lines().any(|l| l.contains(&place)), "{place} is wrapped");
    }
}

#[test]
fn test_json_field_names_are_alike_across_commands() {
    let dir = indexed_corpus();
    let s = json(
        dir.path(),
        &["search", "tracker", "--json", "--index", "index"],
    );
    let p = json(dir.path(), &["proposals", "--json", "--index", "index"]);
    let g = json(dir.path(), &["gaps", "--json", "--index", "index"]);
    let mut places: Vec<&Value> = hits(&s).iter().collect();
    places.extend(p["proposals"].as_array().unwrap());
    for gap in g["gaps"].as_array().unwrap() {
        places.extend(gap["occurrences"].as_array().unwrap());
    }
    assert!(!places.is_empty());
    for x in places {
        for k in [
            "source",
            "path",
            "line",
            "line_start",
            "line_end",
            "meeting_date",
        ] {
            assert!(x.get(k).is_some(), "{k} missing in {x}");
        }
    }
    // the old names stay (the contract), the clear one beside
    assert!(g["proposals"].is_number());
    assert_eq!(g["proposals"], g["proposals_compared"]);
}

#[test]
fn test_extract_prints_for_people_without_json() {
    let (code, out, _) = run(
        &common::root(),
        &["extract", "corpus/igf/wg-strategy-2026-03-05.txt"],
    );
    assert_eq!(code, Some(0));
    assert!(
        serde_json::from_str::<Value>(&out).is_err(),
        "extract printed JSON without --json"
    );
    assert!(
        out.contains("title:") && out.contains("proposals ("),
        "{out}"
    );
}

#[test]
fn test_a_search_notices_files_added_or_changed_since_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("corpus/igf");
    fs::create_dir_all(&c).unwrap();
    fs::copy(
        common::corpus().join("igf/wg-strategy-2026-03-05.txt"),
        c.join("a.txt"),
    )
    .unwrap();
    let (code, _, _) = run(dir.path(), &["index", "corpus", "--index", "idx"]);
    assert_eq!(code, Some(0));
    let (_, _, err) = run(dir.path(), &["search", "implementation", "--index", "idx"]);
    assert!(!err.contains("changed since"), "{err}");
    fs::copy(
        common::corpus().join("igf/2024-10-03-wg-strategy.txt"),
        c.join("b.txt"),
    )
    .unwrap();
    let (code, _, err) = run(dir.path(), &["search", "implementation", "--index", "idx"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("changed since the last `quorum index`") && err.contains("1 file added"),
        "{err}"
    );
    let (_, _, _) = run(dir.path(), &["index", "corpus", "--index", "idx"]);
    let (_, _, err) = run(dir.path(), &["search", "implementation", "--index", "idx"]);
    assert!(!err.contains("changed since"), "{err}");
}

// ---- 8. help, docs, completions, man page

#[test]
fn test_help_examples_are_on_their_own_lines_and_point_to_docs() {
    for cmd in ["search", "proposals", "themes", "gaps"] {
        let (_, out, _) = run(&common::root(), &[cmd, "--help"]);
        let examples: Vec<&str> = out
            .lines()
            .filter(|l| l.trim_start().starts_with("quorum "))
            .collect();
        assert!(examples.len() >= 2, "{cmd} --help: {out}");
        for l in examples {
            assert_eq!(
                l.matches("quorum ").count(),
                1,
                "{cmd}: run-on example line {l:?}"
            );
        }
        assert!(
            !out.contains("spec/cli.md"),
            "{cmd} --help points to spec/cli.md"
        );
    }
    let (_, out, _) = run(&common::root(), &["search", "--help"]);
    assert!(out.contains("docs/json.md"));
    assert!(common::root().join("docs/json.md").is_file());
    let readme = fs::read_to_string(common::root().join("README.md")).unwrap();
    assert!(!readme.contains("spec/cli.md"));
}

#[test]
fn test_completions_and_man_page() {
    for shell in ["bash", "zsh", "fish"] {
        let (code, out, _) = run(&common::root(), &["completions", shell]);
        assert_eq!(code, Some(0));
        assert!(
            out.contains("search") && out.contains("min-meetings"),
            "{shell}"
        );
    }
    let (code, out, _) = run(&common::root(), &["man"]);
    assert_eq!(code, Some(0));
    assert!(out.starts_with(".ie") || out.contains(".TH"), "{out}");
    assert!(out.contains("completions") && out.contains("min\\-meetings"));
}

#[test]
fn test_min_meetings_1_is_explained_not_refused() {
    let dir = indexed_corpus();
    let (code, out, err) = run(
        dir.path(),
        &["gaps", "--min-meetings", "1", "--json", "--index", "index"],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("every proposal"), "{err}");
    assert!(!err.contains("is not in"));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!(!v["gaps"].as_array().unwrap().is_empty());
    let (_, _, err) = run(
        dir.path(),
        &["gaps", "--min-meetings", "0", "--index", "index"],
    );
    assert!(err.contains("0"), "{err}");
}

// ---- docs/json.md against real output
