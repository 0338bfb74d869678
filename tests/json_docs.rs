//! docs/json.md against the JSON every command prints: each documented field is printed and
//! each printed field is documented.

mod common;

use common::{indexed_corpus, json};
use serde_json::Value;
use std::fs;

/// The documented paths of one command's JSON: rows of the tables under its heading.
fn documented(doc: &str, command: &str) -> Vec<String> {
    let head = format!("## `quorum {command}");
    let start = doc
        .find(&head)
        .unwrap_or_else(|| panic!("docs/json.md has no {head}"));
    let rest = &doc[start + head.len()..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    rest[..end]
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .map(str::to_string)
        .collect()
}

/// Every path of keys in a JSON value, arrays as `[]`.
fn paths(v: &Value, at: &str, out: &mut Vec<String>) {
    match v {
        Value::Object(o) => {
            for (k, x) in o {
                let p = if at.is_empty() {
                    k.clone()
                } else {
                    format!("{at}.{k}")
                };
                out.push(p.clone());
                paths(x, &p, out);
            }
        }
        Value::Array(a) => {
            for x in a {
                paths(x, &format!("{at}[]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn test_docs_json_md_matches_every_commands_json() {
    let doc = fs::read_to_string(common::root().join("docs/json.md")).unwrap();
    let dir = indexed_corpus();
    let fixture = common::corpus().join("igf/wg-strategy-2026-03-05.txt");
    let transcript = common::corpus().join("igf/2019-10-15-mag-virtual-meeting-xviii.txt");
    let corpus = common::corpus();
    let long = "tracker volunteers mailing list implementation proposals CSTD working group improvements review progress obstacles report MAG IGF strategy vision paper mandate renewal WSIS outcomes hybrid participation youth gender access languages interpretation captioning schedule calls time zones rotation secretariat funding donors trust fund sustainability evaluation ".repeat(2);
    let runs: Vec<(&str, Vec<&str>)> = vec![
        (
            "index",
            vec![
                "index",
                corpus.to_str().unwrap(),
                "--index",
                "index2",
                "--json",
            ],
        ),
        (
            "search",
            vec!["search", "implementation gap", "--json", "--index", "index"],
        ),
        (
            "search",
            vec!["search", &long, "--json", "--index", "index"],
        ),
        ("proposals", vec!["proposals", "--json", "--index", "index"]),
        ("themes", vec!["themes", "--json", "--index", "index"]),
        (
            "themes",
            vec!["themes", "AI governance", "--json", "--index", "index"],
        ),
        ("gaps", vec!["gaps", "--json", "--index", "index"]),
        (
            "export",
            vec![
                "export",
                "--to",
                "opensearch",
                "--index",
                "index",
                "--out",
                "exp",
                "--json",
            ],
        ),
        (
            "extract",
            vec!["extract", fixture.to_str().unwrap(), "--json"],
        ),
        (
            "extract",
            vec!["extract", transcript.to_str().unwrap(), "--json"],
        ),
    ];
    let mut seen: std::collections::HashMap<&str, Vec<String>> = Default::default();
    for (cmd, args) in &runs {
        let v = json(dir.path(), args);
        let mut got = Vec::new();
        paths(&v, "", &mut got);
        let docs = documented(&doc, cmd);
        assert!(!docs.is_empty(), "no fields documented for {cmd}");
        for p in &got {
            assert!(
                docs.contains(p),
                "`quorum {cmd} --json` has {p}, not in docs/json.md"
            );
        }
        seen.entry(cmd).or_default().extend(got);
    }
    for (cmd, got) in &seen {
        for p in documented(&doc, cmd) {
            // a field inside a list or an object is checked when the output has one
            let required = match p.rsplit_once('.') {
                None => true,
                Some((parent, _)) => got.iter().any(|g| g.starts_with(&format!("{parent}."))),
            };
            assert!(
                !required || got.contains(&p),
                "docs/json.md documents {p} for {cmd}, not in its output"
            );
        }
    }
}
