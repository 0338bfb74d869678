//! Meeting facts and events as `quorum extract` reports them on records of our own
//! wording (tests/fixtures/meeting): a transcript whose title gives only a year, a date
//! range in a heading, a document label above the title, gatherings named by structure.

mod common;

use common::{json, quorum, root, run_ok};
use serde_json::Value;

fn extract(name: &str) -> Value {
    let f = root().join("tests/fixtures/meeting").join(name);
    json(&root(), &["extract", f.to_str().unwrap(), "--json"])
}

fn event_names(v: &Value) -> Vec<String> {
    v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn test_year_only_transcript_takes_the_date_its_turns_give() {
    let v = extract("year-only-transcript.txt");
    let m = &v["meeting"];
    assert_eq!(m["title"], "IGF 2024 - MAG - Virtual Meeting - V");
    assert_eq!(m["kind"], "transcript");
    // "today, Thursday 14 March", not the deadline of the first turn
    assert_eq!(m["date"], "2024-03-14");
    assert_eq!(m["number"], 5);
    assert_eq!(m["next_meeting"], "2024-03-28");
    let names = event_names(&v);
    assert!(
        names.contains(&"SEEDIG annual meeting".to_string()),
        "{names:?}"
    );
    assert!(names.contains(&"Kyoto IGF".to_string()), "{names:?}");
}

#[test]
fn test_year_only_transcript_without_a_date_is_undated_and_counted_by_filters() {
    let v = extract("year-only-undated.txt");
    assert!(v["meeting"]["date"].is_null(), "{}", v["meeting"]);
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for f in ["year-only-undated.txt", "year-only-transcript.txt"] {
        std::fs::copy(
            root().join("tests/fixtures/meeting").join(f),
            corpus.join(f),
        )
        .unwrap();
    }
    run_ok(dir.path(), &["index", "corpus", "--index", "idx"]);
    let out = quorum(dir.path())
        .args([
            "search",
            "glossary",
            "--index",
            "idx",
            "--from",
            "2024-01-01",
        ])
        .output()
        .unwrap();
    // no dated meeting holds the word: the search finds nothing, and says what it left out
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("1 undated meeting left out"), "{err}");
}

#[test]
fn test_date_range_heading_gives_the_first_day_and_no_number() {
    let v = extract("range-summary.txt");
    let m = &v["meeting"];
    // the document label above is not the title
    assert_eq!(m["title"], "Third Open Consultations and MAG Meeting");
    assert_eq!(m["date"], "2024-06-03");
    // "Third" is the ordinal; the "3 - 5 June" range is not
    assert_eq!(m["number"], 3);
    assert_eq!(m["next_meeting"], "2024-07-02");
    let names = event_names(&v);
    for e in ["Ghana IGF 2024", "sixth IGF", "SEEDIG annual meeting"] {
        assert!(names.contains(&e.to_string()), "{e} not in {names:?}");
    }
    // the meeting itself and the venue are not events
    assert!(
        !names
            .iter()
            .any(|n| n.contains("Open Consultations") || n.contains("Vienna")),
        "{names:?}"
    );
}
