//! `quorum extract` on documents of our own wording (tests/fixtures/extract), scored as
//! spec/extraction.md scores a gold file; and on the shared dev set when it is present.

mod common;

use common::{json, root};
use serde_json::Value;
use std::collections::BTreeSet;

const STOPWORDS: &[&str] = &[
    "about", "above", "after", "again", "against", "all", "also", "and", "any", "are", "because",
    "been", "before", "being", "below", "between", "both", "but", "can", "could", "did", "does",
    "doing", "done", "down", "during", "each", "either", "etc", "few", "for", "from", "further",
    "had", "has", "have", "having", "her", "here", "hers", "him", "his", "how", "however", "into",
    "its", "just", "let", "like", "made", "make", "many", "may", "might", "more", "most", "much",
    "must", "near", "need", "needs", "nor", "not", "now", "off", "often", "once", "one", "only",
    "other", "others", "our", "ours", "out", "over", "own", "per", "perhaps", "please", "quite",
    "rather", "really", "same", "shall", "she", "should", "since", "some", "such", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "though", "through",
    "thus", "too", "under", "until", "upon", "use", "used", "very", "via", "was", "well", "were",
    "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will",
    "with", "within", "without", "would", "yes", "yet", "you", "your",
];

fn fold(s: &str) -> String {
    quorum::text::fold(s)
}

fn name(s: &str) -> String {
    let g = quorum::extract::names::given_family(s);
    fold(quorum::extract::names::strip_honorifics(&g))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn words(s: &str) -> BTreeSet<String> {
    fold(s)
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn content(s: &str) -> BTreeSet<String> {
    words(s)
        .into_iter()
        .filter(|w| w.chars().count() >= 3 && !STOPWORDS.contains(&w.as_str()))
        .collect()
}

/// Greedy one-to-one matching count (the fixtures are small and unambiguous).
fn matched(gold: &[(String, BTreeSet<String>)], pred: &[(String, BTreeSet<String>)]) -> usize {
    let mut used = vec![false; pred.len()];
    let mut n = 0;
    for (gs, gw) in gold {
        if let Some(j) = (0..pred.len()).find(|&j| {
            !used[j] && pred[j].0 == *gs && 2 * gw.intersection(&pred[j].1).count() >= gw.len()
        }) {
            used[j] = true;
            n += 1;
        }
    }
    n
}

#[derive(Default)]
struct Tally {
    tp: usize,
    pred: usize,
    gold: usize,
}

impl Tally {
    fn add(&mut self, tp: usize, pred: usize, gold: usize) {
        self.tp += tp;
        self.pred += pred;
        self.gold += gold;
    }
    fn f1(&self) -> f64 {
        let p = if self.pred == 0 {
            1.0
        } else {
            self.tp as f64 / self.pred as f64
        };
        let r = if self.gold == 0 {
            1.0
        } else {
            self.tp as f64 / self.gold as f64
        };
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn records(v: &Value, key: &str, speaker: bool, gold: bool) -> Vec<(String, BTreeSet<String>)> {
    v[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let who = if speaker {
                name(r["speaker"].as_str().unwrap_or(""))
            } else {
                String::new()
            };
            let t = r["text"].as_str().unwrap_or("");
            (who, if gold { content(t) } else { words(t) })
        })
        .collect()
}

#[test]
fn test_own_fixtures_extract_like_their_gold() {
    let dir = root().join("tests/fixtures/extract");
    let mut fields: Vec<(&str, Tally)> = [
        "speakers",
        "participants",
        "proposals",
        "decisions",
        "events",
    ]
    .iter()
    .map(|f| (*f, Tally::default()))
    .collect();
    let mut docs = 0;
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "json") {
            continue;
        }
        docs += 1;
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(path.with_extension("json")).unwrap())
                .unwrap();
        let pred = json(&root(), &["extract", path.to_str().unwrap(), "--json"]);
        let doc = path.file_name().unwrap().to_string_lossy().to_string();
        for k in ["date", "number", "next_meeting", "kind"] {
            assert_eq!(pred["meeting"][k], gold["meeting"][k], "{doc}: meeting.{k}");
        }
        assert_eq!(
            pred["meeting"]["moderator"], gold["meeting"]["moderator"],
            "{doc}: moderator"
        );
        let set = |v: &Value, k: &str, by: &str| -> BTreeSet<String> {
            v[k].as_array()
                .unwrap()
                .iter()
                .map(|x| name(x.as_str().or_else(|| x[by].as_str()).unwrap()))
                .collect()
        };
        for (k, by) in [("speakers", ""), ("participants", "name")] {
            let (g, p) = (set(&gold, k, by), set(&pred, k, by));
            fields.iter_mut().find(|f| f.0 == k).unwrap().1.add(
                g.intersection(&p).count(),
                p.len(),
                g.len(),
            );
            assert_eq!(p, g, "{doc}: {k}");
        }
        let ev = |v: &Value| -> Vec<BTreeSet<String>> {
            v["events"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| words(e.as_str().or_else(|| e["name"].as_str()).unwrap()))
                .collect()
        };
        let (ge, pe) = (ev(&gold), ev(&pred));
        let tp = ge
            .iter()
            .filter(|g| {
                pe.iter()
                    .any(|p| g.intersection(p).count() * 10 >= 6 * g.union(p).count())
            })
            .count();
        fields
            .iter_mut()
            .find(|f| f.0 == "events")
            .unwrap()
            .1
            .add(tp, pe.len(), ge.len());
        for (k, sp) in [("proposals", true), ("decisions", false)] {
            let (g, p) = (records(&gold, k, sp, true), records(&pred, k, sp, false));
            fields
                .iter_mut()
                .find(|f| f.0 == k)
                .unwrap()
                .1
                .add(matched(&g, &p), p.len(), g.len());
        }
        if let Some(turns) = gold["turns"].as_array() {
            let got = pred["turns"].as_array().unwrap();
            assert_eq!(got.len(), turns.len(), "{doc}: turns");
            for (g, p) in turns.iter().zip(got) {
                for k in ["speaker", "line_start", "line_end", "time_start"] {
                    assert_eq!(p[k], g[k], "{doc}: turn {k}");
                }
            }
        }
    }
    assert!(docs >= 10, "at least ten fixtures of our own");
    for (f, t) in &fields {
        eprintln!(
            "fixtures {f}: f1 {:.3} ({} of {} predicted, {} gold)",
            t.f1(),
            t.tp,
            t.pred,
            t.gold
        );
        assert!(t.f1() >= 0.9, "{f}: f1 {:.3}", t.f1());
    }
}

#[test]
fn test_dev_set_scores_when_shared_is_present() {
    let Some(shared) = common::shared() else {
        return;
    };
    let scorer = shared.join("tools/score_extract.py");
    if !scorer.is_file()
        || std::process::Command::new("python3")
            .arg("--version")
            .output()
            .is_err()
    {
        eprintln!("skipped: python3 or the scorer is missing");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("quorum");
    let out = std::process::Command::new("python3")
        .arg(&scorer)
        .args([
            "--bin",
            bin.to_str().unwrap(),
            "--set",
            shared.join("dev").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let last = text.lines().last().unwrap_or("");
    eprintln!("{last}");
    let get = |k: &str| -> f64 {
        last.split_whitespace()
            .find_map(|w| w.strip_prefix(&format!("{k}=")))
            .unwrap()
            .parse()
            .unwrap()
    };
    assert!(
        get("speakers") >= 0.95
            && get("proposals") >= 0.85
            && get("decisions") >= 0.85
            && get("events") >= 0.90,
        "{last}"
    );
    assert!(get("participants") >= 0.98 && get("date") >= 1.0, "{last}");
    assert_eq!(get("failures"), 0.0);
}
