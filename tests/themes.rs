//! Themes over time, search by theme, and the HTML report, on the shipped corpus.

mod common;

use common::{indexed_corpus, json, quorum, run_ok};
use quorum::extract::themes::ThemeSet;
use std::collections::BTreeMap;

/// Passages per year about a theme, counted without the index: parse every document,
/// cut passages as the indexer does, match the theme's terms.
fn independent_counts(theme: &str) -> BTreeMap<String, usize> {
    let set = ThemeSet::default_set();
    let t = set.find(theme).unwrap();
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(common::corpus())
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
    {
        let text = quorum::ingest::read::decode(&std::fs::read(e.path()).unwrap()).unwrap();
        let m = quorum::pipeline::parse("x", &text);
        let year = quorum::extract::passages::meeting_date(&m)
            .map(|d| d.year().to_string())
            .unwrap_or_else(|| "undated".into());
        for b in m
            .blocks
            .iter()
            .filter(|b| b.kind != quorum::model::BlockKind::Heading && !b.text.trim().is_empty())
        {
            for w in quorum::extract::passages::windows(&b.text) {
                if set.matches(&w).contains(&t) {
                    *out.entry(year.clone()).or_default() += 1;
                }
            }
        }
    }
    out
}

fn series(v: &serde_json::Value) -> BTreeMap<String, usize> {
    v["themes"][0]["series"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["passages"].as_u64().unwrap() > 0)
        .map(|p| {
            (
                p["period"].as_str().unwrap().to_string(),
                p["passages"].as_u64().unwrap() as usize,
            )
        })
        .collect()
}

#[test]
fn test_theme_counts_per_year_match_an_independent_count() {
    let dir = indexed_corpus();
    let v = json(
        dir.path(),
        &[
            "themes",
            "AI governance",
            "--by",
            "year",
            "--json",
            "--index",
            "index",
        ],
    );
    assert_eq!(v["themes"][0]["name"], "AI governance");
    let expected = independent_counts("AI governance");
    assert!(!expected.is_empty());
    assert_eq!(series(&v), expected);
    assert_eq!(
        v["themes"][0]["total"].as_u64().unwrap() as usize,
        expected.values().sum::<usize>()
    );
    assert!(
        v["themes"][0]["first_seen"].as_str().unwrap()
            <= v["themes"][0]["last_seen"].as_str().unwrap()
    );
    // the WSIS+20 series by quarter and by meeting add up to the same total
    let y = json(
        dir.path(),
        &["themes", "WSIS+20", "--json", "--index", "index"],
    );
    let q = json(
        dir.path(),
        &[
            "themes", "WSIS+20", "--by", "quarter", "--json", "--index", "index",
        ],
    );
    let m = json(
        dir.path(),
        &[
            "themes", "WSIS+20", "--by", "meeting", "--json", "--index", "index",
        ],
    );
    let sum = |v: &serde_json::Value| series(v).values().sum::<usize>();
    assert_eq!(sum(&y), sum(&q));
    assert_eq!(sum(&y), sum(&m));
}

#[test]
fn test_another_themes_file_gives_the_same_counts_by_phrase_queries() {
    let dir = indexed_corpus();
    let other = dir.path().join("themes.toml");
    std::fs::write(
        &other,
        format!(
            "{}\n# a copy: another hash, so not the indexed tags\n",
            quorum::extract::themes::DEFAULT_THEMES
        ),
    )
    .unwrap();
    for theme in [
        "AI governance",
        "MAG Terms of Reference",
        "Hybrid and remote participation",
    ] {
        let tagged = json(dir.path(), &["themes", theme, "--json", "--index", "index"]);
        let queried = json(
            dir.path(),
            &[
                "themes",
                theme,
                "--json",
                "--index",
                "index",
                "--themes",
                other.to_str().unwrap(),
            ],
        );
        assert_eq!(series(&tagged), series(&queried), "{theme}");
    }
    let out = quorum(dir.path())
        .args(["themes", "No such theme", "--index", "index"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn test_all_themes_are_ranked_and_topics_discovered() {
    let dir = indexed_corpus();
    let v = json(dir.path(), &["themes", "--json", "--index", "index"]);
    let totals: Vec<u64> = v["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["total"].as_u64().unwrap())
        .collect();
    assert!(totals.len() >= 20);
    assert!(totals.windows(2).all(|w| w[0] >= w[1]));
    let found = v["discovered"].as_array().unwrap();
    assert!(found.len() >= 10);
    let stop = [
        "the", "of", "and", "to", "a", "in", "that", "for", "on", "with",
    ];
    let mut seen = std::collections::HashSet::new();
    for d in found {
        let p = d["phrase"].as_str().unwrap();
        let words: Vec<String> = p.split_whitespace().map(|w| w.to_lowercase()).collect();
        assert!(words.len() >= 2, "{p}");
        assert!(
            !stop.contains(&words[0].as_str()) && !stop.contains(&words[words.len() - 1].as_str()),
            "stopword edge: {p}"
        );
        assert!(
            seen.insert(quorum::index::schema::analyze(p)),
            "inflected duplicate: {p}"
        );
    }
}

#[test]
fn test_search_by_theme_keeps_only_its_passages() {
    let dir = indexed_corpus();
    let all = json(
        dir.path(),
        &[
            "search", "session", "--json", "--limit", "200", "--index", "index",
        ],
    );
    let ai = json(
        dir.path(),
        &[
            "search",
            "session",
            "--json",
            "--limit",
            "200",
            "--theme",
            "ai governance",
            "--index",
            "index",
        ],
    );
    assert!(ai["total"].as_u64() < all["total"].as_u64());
    let set = ThemeSet::default_set();
    let t = set.find("AI governance").unwrap();
    for h in ai["hits"].as_array().unwrap() {
        let file =
            std::fs::read_to_string(common::root().join(h["source"].as_str().unwrap())).unwrap();
        let lines: Vec<&str> = file.lines().collect();
        let (a, b) = (
            h["line_start"].as_u64().unwrap() as usize,
            h["line_end"].as_u64().unwrap() as usize,
        );
        assert!(set.matches(&lines[a - 1..b].join(" ")).contains(&t), "{h}");
    }
    assert_eq!(
        quorum(dir.path())
            .args(["search", "x", "--theme", "nope", "--index", "index"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn test_html_report_is_self_contained() {
    let dir = indexed_corpus();
    run_ok(
        dir.path(),
        &["report", "--html", "report.html", "--index", "index"],
    );
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    for banned in ["<script", "http://", "https://", "src=", "@import", "url("] {
        assert!(
            !html.contains(banned),
            "external or script content: {banned}"
        );
    }
    assert!(html.matches("<svg").count() >= 10);
    assert_eq!(html.matches("<svg").count(), html.matches("</svg>").count());
    assert!(html.contains("AI governance") && html.contains("corpus/igf/"));
    // balanced tags of the kinds the report writes
    for tag in ["table", "ol", "ul", "li", "div", "h2"] {
        let opened =
            html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
        assert_eq!(
            opened,
            html.matches(&format!("</{tag}>")).count(),
            "<{tag}>"
        );
    }
}
