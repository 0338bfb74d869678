//! `quorum gaps` on the shipped corpus and on a generated one.

mod common;

use common::{indexed_corpus, json};

#[test]
fn test_shipped_corpus_gaps_find_the_terms_of_reference_review() {
    let dir = indexed_corpus();
    let v = json(dir.path(), &["gaps", "--json", "--index", "index"]);
    let gaps = v["gaps"].as_array().unwrap();
    assert!(!gaps.is_empty());
    let tor = gaps.iter().find(|g| g["label"].as_str().unwrap().contains("Terms of Reference")).expect("the ToR review recurs");
    assert!(tor["meetings"].as_u64().unwrap() >= 2);
    for g in gaps {
        assert!(["open", "addressed"].contains(&g["status"].as_str().unwrap()));
        let occ = g["occurrences"].as_array().unwrap();
        let sources: std::collections::HashSet<&str> = occ.iter().map(|o| o["source"].as_str().unwrap()).collect();
        assert_eq!(sources.len() as u64, g["meetings"].as_u64().unwrap());
        let dates: Vec<&str> = occ.iter().map(|o| o["meeting_date"].as_str().unwrap()).collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(g["first_seen"].as_str().unwrap(), dates[0]);
    }
    let three = json(dir.path(), &["gaps", "--min-meetings", "3", "--json", "--index", "index"]);
    assert!(three["gaps"].as_array().unwrap().iter().all(|g| g["meetings"].as_u64().unwrap() >= 3));
}

#[test]
fn test_generated_corpus_gaps_report_planted_chains_and_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let opts = quorum::synth::SynthOptions { meetings: 200, seed: 9, words: (300, 800), ..Default::default() };
    let truth = quorum::synth::generate(&dir.path().join("corpus"), &opts).unwrap();
    assert!(quorum::query::gaps::LINK > 0.0);
    let out = common::quorum(dir.path()).args(["index", "corpus"]).output().unwrap();
    assert!(out.status.success());
    let v = json(dir.path(), &["gaps", "--json"]);
    let gaps = v["gaps"].as_array().unwrap();
    // some planted chain is reported whole, and every addressed gap shows its evidence
    let found = truth.chains.iter().any(|c| {
        gaps.iter().any(|g| c.occurrences.iter().all(|t| g["occurrences"].as_array().unwrap().iter().any(|o| o["source"] == t.source.as_str() && o["text"].as_str().unwrap().contains(&t.text))))
    });
    assert!(found, "no planted chain found whole");
    for g in gaps.iter().filter(|g| g["status"] == "addressed") {
        assert!(g["evidence"]["text"].as_str().is_some());
    }
}
