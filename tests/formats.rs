//! Records as they are published (issue #21): one meeting written as plain text, a web
//! page with site navigation, a Word web page, a mailing-list archive page, a saved
//! `.eml`, a PDF and a `.docx` (tests/fixtures/formats/make.py) gives the same facts in
//! each; a search lands on a line quorum can show; site furniture, quoted replies and
//! list footers are in no passage; files that cannot be read are named with a reason.

mod common;

use common::{json, quorum, root, run_ok, search_json};
use serde_json::Value;
use std::path::PathBuf;

const FORMATS: &[&str] = &[
    "meeting.txt",
    "meeting.html",
    "meeting-word.htm",
    "meeting-archive.html",
    "meeting.eml",
    "meeting.pdf",
    "meeting.docx",
];

fn fixtures() -> PathBuf {
    root().join("tests/fixtures/formats/corpus")
}

fn extract(name: &str) -> Value {
    let f = fixtures().join(name);
    json(&root(), &["extract", f.to_str().unwrap(), "--json"])
}

/// The facts compared across formats: date, title, speakers, proposals.
fn facts(v: &Value) -> Value {
    let props: Vec<Value> = v["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| serde_json::json!([p["speaker"], p["text"], p["section"]]))
        .collect();
    serde_json::json!({
        "date": v["meeting"]["date"],
        "title": v["meeting"]["title"],
        "moderator": v["meeting"]["moderator"],
        "speakers": v["speakers"],
        "proposals": props,
    })
}

#[test]
fn test_every_format_gives_the_facts_of_the_text() {
    let txt = facts(&extract("meeting.txt"));
    assert_eq!(txt["date"], "2026-05-12");
    assert_eq!(
        txt["title"],
        "MAG Working Group on Outreach (WG-Outreach) - Virtual Meeting III"
    );
    assert_eq!(
        txt["speakers"],
        serde_json::json!(["Kwame Mensah", "Lena Schmidt", "Rafael Ortiz"])
    );
    assert_eq!(txt["proposals"].as_array().unwrap().len(), 2);
    for name in &FORMATS[1..] {
        assert_eq!(facts(&extract(name)), txt, "{name} differs from the .txt");
    }
}

/// Runs `quorum index` on the fixtures into a temp folder; returns the folder, the
/// run's JSON and its stderr.
fn index_fixtures() -> (tempfile::TempDir, Value, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = run_ok(
        dir.path(),
        &[
            "index",
            fixtures().to_str().unwrap(),
            "--index",
            "idx",
            "--json",
        ],
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    (dir, v, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn test_index_reads_every_format_and_names_what_it_skips() {
    let (_dir, v, stderr) = index_fixtures();
    assert_eq!(v["added"], FORMATS.len(), "{v}");
    let skipped: Vec<(String, String)> = v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s[0].as_str().unwrap().to_string(),
                s[1].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(skipped
        .iter()
        .any(|(p, w)| p.ends_with("budget.xlsx") && w == "unsupported format"));
    assert!(skipped
        .iter()
        .any(|(p, w)| p.ends_with("scan.pdf") && w == "no text layer"));
    // each named on stderr with its reason, and counted in the summary line
    assert!(
        stderr.contains("budget.xlsx: unsupported format"),
        "{stderr}"
    );
    assert!(stderr.contains("scan.pdf: no text layer"), "{stderr}");
    assert!(
        stderr.contains("2 skipped: budget.xlsx (unsupported format), scan.pdf (no text layer)"),
        "{stderr}"
    );
}

#[test]
fn test_search_finds_the_proposal_in_each_format_on_a_line_quorum_shows() {
    let (dir, _, _) = index_fixtures();
    let v = json(
        dir.path(),
        &[
            "search",
            "\"youth ambassador\"",
            "--index",
            "idx",
            "--json",
            "--limit",
            "50",
        ],
    );
    let hits = v["hits"].as_array().expect("hits");
    for name in FORMATS {
        let hit = hits
            .iter()
            .find(|h| h["source"].as_str().unwrap().ends_with(&format!("/{name}")))
            .unwrap_or_else(|| panic!("no hit in {name}: {v}"));
        assert_eq!(hit["speaker"], "Rafael Ortiz", "{name}");
        let line = hit["line_start"].as_u64().unwrap();
        // the hit's file is relative to the corpus folder's parent
        let file = fixtures().join(name);
        let out = quorum(dir.path())
            .args([
                "show",
                &format!("{}:{line}", file.display()),
                "--context",
                "0",
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}");
        let shown = String::from_utf8_lossy(&out.stdout);
        assert!(
            shown.starts_with('>') && shown.contains("Rafael Ortiz proposed"),
            "{name}:{line} shows {shown:?}"
        );
        if *name == "meeting.txt" {
            // plain text keeps its own lines
            let text = std::fs::read_to_string(&file).unwrap();
            let l = text.lines().nth(line as usize - 1).unwrap();
            assert!(l.starts_with("Rafael Ortiz proposed"), "{l}");
        }
    }
}

#[test]
fn test_navigation_footers_quotes_and_list_footers_are_in_no_passage() {
    let (dir, _, _) = index_fixtures();
    for q in [
        "cookies",
        "\"Meetings calendar\"",
        "Copyright",
        "\"Skip to main content\"",
        "\"Related meetings\"",
        "\"travel budget\"",
        "\"More information\"",
        "unsubscribe",
        "listinfo",
        "gtag",
        "\"page footer\"",
        "\"Messages sorted by\"",
        "mso",
    ] {
        let v = search_json(dir.path(), &["search", q, "--index", "idx", "--json"]);
        assert_eq!(v["hits"].as_array().unwrap().len(), 0, "{q}: {v}");
    }
    // the record's own words are there, in every format
    let v = json(
        dir.path(),
        &[
            "search",
            "\"rural areas\"",
            "--index",
            "idx",
            "--json",
            "--limit",
            "50",
        ],
    );
    assert_eq!(v["hits"].as_array().unwrap().len(), FORMATS.len(), "{v}");
}

#[test]
fn test_an_unreadable_file_is_reported_and_the_rest_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::copy(fixtures().join("meeting.html"), corpus.join("good.html")).unwrap();
    std::fs::write(corpus.join("broken.pdf"), b"%PDF-1.4\n1 0 obj <<").unwrap();
    std::fs::write(corpus.join("fake.docx"), b"not a zip at all").unwrap();
    std::fs::write(corpus.join("slides.pptx"), b"PK\x05\x06").unwrap();
    let out = quorum(dir.path())
        .args(["index", "corpus", "--index", "idx", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(v["added"], 1, "{v}");
    assert_eq!(v["skipped"].as_array().unwrap().len(), 3, "{v}");
    assert!(
        stderr.contains("broken.pdf: not a readable PDF"),
        "{stderr}"
    );
    assert!(
        stderr.contains("fake.docx: not a Word document"),
        "{stderr}"
    );
    assert!(
        stderr.contains("slides.pptx: unsupported format"),
        "{stderr}"
    );
    // extract says why, in one line, with exit 2
    let out = quorum(dir.path())
        .args(["extract", "corpus/broken.pdf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    let out = quorum(dir.path())
        .args(["extract", fixtures().join("scan.pdf").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no text layer"));
}

#[test]
fn test_html_page_saved_as_txt_is_not_tag_soup() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("page.txt");
    std::fs::copy(fixtures().join("meeting-word.htm"), &p).unwrap();
    let v = json(dir.path(), &["extract", "page.txt", "--json"]);
    assert_eq!(facts(&v), facts(&extract("meeting.txt")));
}

#[test]
fn test_captioning_disclaimer_is_in_no_passage_and_no_theme() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    // our own wording, in the shape of the IGF's captioning disclaimer
    let disclaimer = "This is the output of the real-time captioning taken during the IGF 2026 MAG virtual meeting. Although it is largely accurate, in some cases it may be incomplete or inaccurate due to inaudible passages or transmission errors. It is posted as an aid to understanding the proceedings at the session, but should not be treated as an authoritative record.";
    for (i, day) in ["14 May 2026", "28 May 2026", "11 June 2026"]
        .iter()
        .enumerate()
    {
        let t = format!(
            "IGF 2026 - MAG - Virtual Meeting - {}\n\n{day}\n\n{disclaimer}\n\n***\n\n>> ANA LEE: Good morning, everyone. Let us start with the agenda.\n\n>> BO KIM: I would suggest that we publish the schedule earlier.\n\n>> ANA LEE: Thank you, noted for the next steps.\n",
            ["IV", "V", "VI"][i]
        );
        std::fs::write(corpus.join(format!("t{i}.txt")), t).unwrap();
    }
    let out = quorum(dir.path())
        .args(["index", "corpus", "--index", "idx"])
        .output()
        .unwrap();
    assert!(out.status.success());
    for q in ["captioning", "inaudible", "\"authoritative record\""] {
        let v = search_json(dir.path(), &["search", q, "--index", "idx", "--json"]);
        assert_eq!(v["hits"].as_array().unwrap().len(), 0, "{q}: {v}");
    }
    let v = json(
        dir.path(),
        &["search", "schedule", "--index", "idx", "--json"],
    );
    assert_eq!(v["hits"].as_array().unwrap().len(), 3, "{v}");
    let themes = json(dir.path(), &["themes", "--index", "idx", "--json"]);
    let s = themes.to_string().to_lowercase();
    for w in [
        "captioning",
        "inaudible",
        "authoritative",
        "transmission errors",
    ] {
        assert!(!s.contains(w), "{w} in themes: {themes}");
    }
    // the date it sits beside is still the meeting's
    let v = json(dir.path(), &["extract", "corpus/t0.txt", "--json"]);
    assert_eq!(v["meeting"]["date"], "2026-05-14");
}

#[test]
fn test_date_filters_say_how_many_undated_meetings_they_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::copy(fixtures().join("meeting.txt"), corpus.join("dated.txt")).unwrap();
    std::fs::write(
        corpus.join("notes.txt"),
        "IGF MAG - Virtual Meeting\n\nKwame Mensah suggested that the group publish a quarterly newsletter for the youth ambassador network.\n",
    )
    .unwrap();
    run_ok(dir.path(), &["index", "corpus", "--index", "idx"]);
    let out = quorum(dir.path())
        .args([
            "search",
            "newsletter",
            "--index",
            "idx",
            "--from",
            "2026-01-01",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("1 undated meeting left out by --from/--to"),
        "{err}"
    );
    // no date filter, no note
    let out = quorum(dir.path())
        .args(["search", "newsletter", "--index", "idx"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("undated"));
}
