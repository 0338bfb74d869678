//! `quorum extract` on records of our own wording (tests/fixtures/people) that write
//! attendance and speakers in the forms real records use: lists under "On the call:",
//! annexed and by stakeholder group, "FAMILY Given" and "Family, Given (Ms)", prose
//! ("also present were"), apologies; `>> CHAIR:` named at the hand-over, `>>CHAIR FAMILY:`
//! joined to the full name, organisation labels, caption typos. Each fixture's .json
//! gives the participants (in order) and the speakers (as a set) that must come out.

mod common;

use common::{json, root};
use serde_json::Value;
use std::collections::BTreeSet;

fn names(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().or_else(|| x["name"].as_str()))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn test_people_fixtures() {
    let dir = root().join("tests/fixtures/people");
    let mut n = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e != "json"))
        .collect();
    entries.sort();
    for doc in entries {
        let gold_path = doc.with_extension("json");
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&gold_path).expect("gold"))
            .expect("json");
        let pred = json(&dir, &["extract", doc.to_str().expect("path"), "--json"]);
        let name = doc.file_name().unwrap().to_string_lossy().to_string();
        if gold.get("participants").is_some() {
            assert_eq!(
                names(&pred, "participants"),
                names(&gold, "participants"),
                "{name}: participants"
            );
        }
        let got: BTreeSet<String> = names(&pred, "speakers").into_iter().collect();
        let want: BTreeSet<String> = names(&gold, "speakers").into_iter().collect();
        assert_eq!(got, want, "{name}: speakers");
        n += 1;
    }
    assert!(n >= 5, "five fixtures of our own");
}

#[test]
fn test_organisation_label_turns_keep_their_label_without_a_person() {
    let dir = root().join("tests/fixtures/people");
    let doc = dir.join("chair-family-label.txt");
    let pred = json(&dir, &["extract", doc.to_str().expect("path"), "--json"]);
    let turns = pred["turns"].as_array().expect("turns");
    let norway = turns
        .iter()
        .find(|t| t["label"] == "NORWAY")
        .expect("the NORWAY turn");
    assert!(norway["speaker"].is_null(), "{norway}");
    assert_eq!(pred["meeting"]["moderator"], "Adaeze Okonkwo");
}
