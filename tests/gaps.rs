//! `quorum gaps` on the shipped corpus and on a generated one.

mod common;

use common::{indexed_corpus, json};

#[test]
fn test_shipped_corpus_gaps_find_the_terms_of_reference_review() {
    let dir = indexed_corpus();
    let v = json(dir.path(), &["gaps", "--json", "--index", "index"]);
    let gaps = v["gaps"].as_array().unwrap();
    assert!(!gaps.is_empty());
    // the real recurring proposals here are two (the ToR review and the implementation
    // tracker); rules loosened for the generators' short wordings have made 6 and 12
    // gaps of unrelated long proposals here
    assert!(
        gaps.len() <= 4,
        "{} gaps: {:?}",
        gaps.len(),
        gaps.iter().map(|g| &g["label"]).collect::<Vec<_>>()
    );
    let tor = gaps
        .iter()
        .find(|g| g["label"].as_str().unwrap().contains("Terms of Reference"))
        .expect("the ToR review recurs");
    assert!(tor["meetings"].as_u64().unwrap() >= 2);
    for g in gaps {
        assert!(["open", "decided", "addressed"].contains(&g["status"].as_str().unwrap()));
        let occ = g["occurrences"].as_array().unwrap();
        let sources: std::collections::HashSet<&str> =
            occ.iter().map(|o| o["source"].as_str().unwrap()).collect();
        assert_eq!(sources.len() as u64, g["meetings"].as_u64().unwrap());
        let dates: Vec<&str> = occ
            .iter()
            .map(|o| o["meeting_date"].as_str().unwrap())
            .collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(g["first_seen"].as_str().unwrap(), dates[0]);
    }
    let three = json(
        dir.path(),
        &["gaps", "--min-meetings", "3", "--json", "--index", "index"],
    );
    assert!(three["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .all(|g| g["meetings"].as_u64().unwrap() >= 3));
}

/// Issue #23 on the shipped corpus: the Day-0 AI session that its meeting settled ("Seeing
/// none, that's decided ... we agree that the host country will organize ...") is no open
/// gap and is not joined with the 2026 idea of a main session on AI; the yearly deadline
/// to upload session descriptions is labelled routine; the ToR review and the
/// implementation tracker are still ordinary gaps, not done.
#[test]
fn test_shipped_corpus_decided_and_routine_chains_are_not_open_gaps() {
    let dir = indexed_corpus();
    let v = json(dir.path(), &["gaps", "--json", "--index", "index"]);
    let gaps = v["gaps"].as_array().unwrap();
    let has = |g: &serde_json::Value, file: &str, line: u64| {
        g["occurrences"].as_array().unwrap().iter().any(|o| {
            o["source"].as_str().unwrap().ends_with(file) && o["line"].as_u64() == Some(line)
        })
    };
    for g in gaps {
        if has(g, "2023-06-13-mag-virtual-meeting-vi.txt", 15) {
            assert_ne!(g["status"], "open", "{g}");
            assert!(!has(g, "wg-strategy-2026-03-05.txt", 65), "{g}");
            assert!(
                g["decision"]["text"].as_str().unwrap().contains("Day 0"),
                "{g}"
            );
        }
        let deadline = g["occurrences"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["text"].as_str().unwrap().contains("by 1 October"));
        if deadline {
            assert_eq!(g["routine"], true, "{g}");
        }
    }
    // the ToR review (2026-03-19:42) and the tracker (2026-03-19:28); both were adopted
    // into the 2024 paper ("including a recommendation on reviewing the MAG Terms of
    // Reference and a section on tracking ...") and raised again: not done
    for line in [42, 28] {
        let g = gaps
            .iter()
            .find(|g| has(g, "2026-03-19-wg-strategy.txt", line))
            .unwrap_or_else(|| panic!("no gap holds 2026-03-19:{line}: {v}"));
        assert_ne!(g["status"], "addressed", "{g}");
        assert_eq!(g["routine"], false, "{g}");
    }
}

#[test]
fn test_generated_corpus_gaps_report_planted_chains_and_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let truth = common::generate(dir.path(), 200, 9, (300, 800));
    let chains = truth["chains"].as_array().unwrap();
    let out = common::quorum(dir.path())
        .args(["index", "corpus"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v = json(dir.path(), &["gaps", "--json"]);
    let gaps = v["gaps"].as_array().unwrap();
    // the rule: a chain is found when one gap covers 2/3 of its raisings with 2/3
    // purity; this guards the figures of benches/RESULTS.md against regressions
    let same = |o: &serde_json::Value, t: &serde_json::Value| {
        o["source"] == t["source"]
            && o["text"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains(&t["text"].as_str().unwrap().to_lowercase())
    };
    let mut found = 0;
    let mut status_right = 0;
    let mut good = std::collections::HashSet::new();
    for c in chains {
        let raised = c["occurrences"].as_array().unwrap();
        let hit = gaps.iter().enumerate().find(|(_, g)| {
            let occ = g["occurrences"].as_array().unwrap();
            let cover = raised
                .iter()
                .filter(|t| occ.iter().any(|o| same(o, t)))
                .count();
            let pure = occ
                .iter()
                .filter(|o| raised.iter().any(|t| same(o, t)))
                .count();
            3 * cover >= 2 * raised.len() && 3 * pure >= 2 * occ.len()
        });
        if let Some((i, g)) = hit {
            good.insert(i);
            found += 1;
            status_right += usize::from(g["status"] == c["status"]);
        }
    }
    let recall = found as f64 / chains.len() as f64;
    let precision = good.len() as f64 / gaps.len().max(1) as f64;
    eprintln!("generated corpus: {found} of {} chains found, status right on {status_right}, precision {precision:.2}", chains.len());
    assert!(recall >= 0.9, "recall {recall:.2}");
    assert!(precision >= 0.8, "precision {precision:.2}");
    assert!(
        status_right * 10 >= found * 8,
        "status right on {status_right} of {found}"
    );
    for g in gaps.iter().filter(|g| g["status"] == "addressed") {
        assert!(g["evidence"]["text"].as_str().is_some());
    }
}

/// Records written by hand in other words than the generator's: a review of the ToR asked
/// as a noun ("called for a review of"), in the passive and in a first-person turn, then
/// recorded as done; a fund for remote hubs asked twice; and one-offs on the same topics
/// that ask something else ("the ToR be translated", "the list of remote hubs be
/// published").
#[test]
fn test_hand_written_records_link_restatements_and_not_one_offs_on_their_topics() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = common::root().join("tests/fixtures/gaps");
    let out = common::quorum(dir.path())
        .args(["index", fixtures.to_str().unwrap(), "--index", "index"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v = json(dir.path(), &["gaps", "--json", "--index", "index"]);
    let gaps = v["gaps"].as_array().unwrap();
    let speakers = |g: &serde_json::Value| {
        g["occurrences"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["speaker"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let tor = gaps
        .iter()
        .find(|g| speakers(g).contains(&"Nnenna Eze".to_string()))
        .expect("the ToR review recurs");
    assert!(
        speakers(tor).contains(&"John Smith".to_string()),
        "{:?}",
        speakers(tor)
    );
    assert_eq!(tor["status"], "addressed");
    assert!(tor["evidence"]["text"]
        .as_str()
        .unwrap()
        .contains("have been adopted and published"));
    let hubs = gaps
        .iter()
        .find(|g| speakers(g).contains(&"Ana Silva".to_string()))
        .expect("the fund for remote hubs recurs");
    assert_eq!(speakers(hubs), ["Ana Silva", "Peter Chan"]);
    assert_eq!(hubs["status"], "open");
    for g in gaps {
        for one_off in ["Kofi Mensah", "Lea Weber", "Omar Ali", "Jane Doe"] {
            assert!(
                !speakers(g).contains(&one_off.to_string()),
                "{one_off}'s one-off joined a chain: {:?}",
                speakers(g)
            );
        }
    }
}

/// Completion statements in other forms than the generators' ("was rolled out", "went
/// live", "is now up and running") are read and close the chain they are about.
#[test]
fn test_other_completion_forms_close_a_chain() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("records");
    let record = |date: &str, body: &str| {
        let text = format!("MAG Working Group on Outreach\n\nVirtual Meeting\n\n{date}\n\nSummary Report\n\nThe meeting was held online on {date} and chaired by Rosa Lind. Participants: Rosa Lind, Ken Obi, Ida Berg.\n\n{body}\n");
        std::fs::write(corpus.join(format!("{}.txt", date.replace(' ', "-"))), text).unwrap();
    };
    for (date, done) in [
        ("3 March 2021", "was successfully rolled out"),
        ("4 March 2021", "went live"),
        ("5 March 2021", "is now up and running"),
        ("6 March 2021", "has been formally adopted"),
    ] {
        let _ = std::fs::remove_dir_all(&corpus);
        std::fs::create_dir(&corpus).unwrap();
        record("10 May 2019", "Ken Obi suggested that a multilingual glossary of Internet governance terms be compiled for newcomers.");
        record("12 June 2020", "Ida Berg proposed that the glossary of Internet governance terms for newcomers be translated and compiled.");
        record(date, &format!("The Secretariat reported that the multilingual glossary of Internet governance terms {done}."));
        let index = format!("ix-{}", date.replace(' ', "-"));
        let out = common::quorum(dir.path())
            .args(["index", "records", "--index", &index])
            .output()
            .unwrap();
        assert!(out.status.success());
        let v = json(dir.path(), &["gaps", "--json", "--index", &index]);
        let gaps = v["gaps"].as_array().unwrap();
        assert_eq!(gaps.len(), 1, "{v}");
        assert_eq!(gaps[0]["status"], "addressed", "'{done}': {v}");
        assert!(gaps[0]["evidence"]["text"].as_str().unwrap().contains(done));
    }
}
