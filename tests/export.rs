//! `quorum export`: the shipped corpus indexed in a temporary folder, exported for each
//! engine, and every file checked against what the engine documents (no engine is
//! available to load them here: see the README).

mod common;
mod engines;

use common::{corpus, json, quorum};
use engines::opensearch::{check_opensearch_mapping, fits_opensearch};
use engines::{is_rfc3339, one_of, quickwit as quickwit_schema};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

const TYPES: [&str; 5] = ["passage", "proposal", "decision", "event", "chain"];

/// Indexes `corpus` as `corpus/` beside the index (linked there when it lives elsewhere),
/// so that sources read `corpus/...`: a source is the corpus path as given.
fn index_of(dir: &Path, corpus: &Path) -> PathBuf {
    let idx = dir.join("idx");
    let here = dir.join("corpus");
    if corpus != here {
        std::os::unix::fs::symlink(corpus, &here).unwrap();
    }
    reindex(dir, &idx, &[]);
    idx
}

/// Runs `quorum index corpus` into `idx` again, from `dir`, with more arguments.
fn reindex(dir: &Path, idx: &Path, more: &[&str]) -> Value {
    let mut args = vec![
        "index",
        "corpus",
        "--index",
        idx.to_str().unwrap(),
        "--json",
    ];
    args.extend_from_slice(more);
    json(dir, &args)
}

fn export(dir: &Path, idx: &Path, engine: &str, out: &str, more: &[&str]) -> Value {
    let mut args = vec![
        "export",
        "--to",
        engine,
        "--index",
        idx.to_str().unwrap(),
        "--out",
        out,
        "--json",
    ];
    args.extend_from_slice(more);
    json(dir, &args)
}

fn lines(path: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        text.is_empty() || text.ends_with('\n'),
        "{}: last line ends",
        path.display()
    );
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{}: {e}: {l}", path.display())))
        .collect()
}

/// The documents of a Quickwit export, per type.
fn quickwit_docs(out: &Path) -> BTreeMap<String, Vec<Value>> {
    TYPES
        .iter()
        .map(|t| {
            (
                t.to_string(),
                lines(&out.join(format!("quorum-{t}s.ndjson"))),
            )
        })
        .collect()
}

/// The documents of an OpenSearch export, per type, checking each action line.
fn opensearch_docs(out: &Path) -> BTreeMap<String, Vec<Value>> {
    let mut by: BTreeMap<String, Vec<Value>> =
        TYPES.iter().map(|t| (t.to_string(), vec![])).collect();
    let mut parts: Vec<PathBuf> = std::fs::read_dir(out)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("bulk-")
        })
        .collect();
    parts.sort();
    for p in parts {
        assert!(
            std::fs::metadata(&p).unwrap().len() < 100 * 1024 * 1024,
            "{}",
            p.display()
        );
        let ls = lines(&p);
        let mut i = 0;
        while i < ls.len() {
            let action = ls[i].as_object().expect("an action line is an object");
            assert_eq!(action.len(), 1, "{:?}", ls[i]);
            if let Some(del) = action.get("delete") {
                assert!(del["_id"].is_string() && del["_index"].is_string());
                i += 1;
                continue;
            }
            let meta = &action["index"];
            let doc = &ls[i + 1];
            let t = doc["record"].as_str().unwrap();
            assert_eq!(meta["_index"], format!("quorum-{t}s"), "{doc}");
            assert_eq!(meta["_id"], doc["id"], "the _id is the document's id");
            assert!(meta["_id"].as_str().unwrap().len() <= 512);
            by.get_mut(t).unwrap().push(doc.clone());
            i += 2;
        }
    }
    by
}

fn count(idx: &Path, record: &str) -> usize {
    let (index, f) = quorum::index::reader::open(idx).unwrap();
    let (_r, s) = quorum::index::reader::searcher(&index).unwrap();
    s.search(&*f.records(record), &tantivy::collector::Count)
        .unwrap()
}

fn corpus_files() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walk(&corpus());
    out.sort();
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if ["txt", "md", "vtt", "srt"]
            .iter()
            .any(|x| p.extension().is_some_and(|e| e == *x))
        {
            out.push(p);
        }
    }
    out
}

#[test]
fn test_document_counts_equal_the_index() {
    let tmp = tempfile::tempdir().unwrap();
    let idx = index_of(tmp.path(), &corpus());
    let r = export(tmp.path(), &idx, "quickwit", "qw", &[]);
    let docs = quickwit_docs(&tmp.path().join("qw"));
    for t in TYPES {
        assert_eq!(
            r["documents"][t],
            docs[t].len(),
            "{t}: report and file agree"
        );
    }
    assert_eq!(docs["passage"].len(), count(&idx, "passage"));
    assert_eq!(docs["proposal"].len(), count(&idx, "proposal"));
    assert_eq!(docs["decision"].len(), count(&idx, "decision"));
    assert!(docs["passage"].len() > 300 && docs["proposal"].len() > 50);
    let gaps = json(
        tmp.path(),
        &["gaps", "--index", idx.to_str().unwrap(), "--json"],
    );
    assert_eq!(docs["chain"].len(), gaps["gaps"].as_array().unwrap().len());
    assert!(!docs["chain"].is_empty());
    // events are found again in the stored text: the same as `quorum extract` finds
    let mut extracted = BTreeSet::new();
    for f in corpus_files() {
        let m = json(tmp.path(), &["extract", f.to_str().unwrap(), "--json"]);
        // the index names a file as under the corpus folder's parent
        let source = format!(
            "corpus/{}",
            f.strip_prefix(corpus()).unwrap().to_string_lossy()
        );
        let _ = &m["source"];
        for e in m["events"].as_array().unwrap() {
            extracted.insert((source.clone(), e["name"].as_str().unwrap().to_string()));
        }
    }
    let exported: BTreeSet<(String, String)> = docs["event"]
        .iter()
        .map(|d| {
            (
                d["source"].as_str().unwrap().into(),
                d["text"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        exported.len(),
        docs["event"].len(),
        "one document per event and meeting"
    );
    assert!(!exported.is_empty());
    assert_eq!(exported, extracted);
    // OpenSearch gets the same documents
    let os = export(tmp.path(), &idx, "opensearch", "os", &[]);
    assert_eq!(os["documents"], r["documents"]);
    let os_docs = opensearch_docs(&tmp.path().join("os"));
    for t in TYPES {
        assert_eq!(os_docs[t], docs[t], "{t}");
    }
}

/// Checks one document's keys and the JSON type of each.
fn check_doc(d: &Value) {
    let o = d
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {d}"));
    let t = o["record"].as_str().expect("record");
    let mut want: Vec<&str> = vec![
        "id",
        "record",
        "date",
        "source",
        "line_start",
        "line_end",
        "body",
        "kind",
        "title",
        "speaker",
        "section",
        "text",
        "themes",
    ];
    match t {
        "passage" => want.push("time_start"),
        "event" => want.push("event_date"),
        "chain" => want.extend([
            "status",
            "meetings",
            "last_seen",
            "speakers",
            "occurrences",
            "evidence",
        ]),
        "proposal" | "decision" => {}
        other => panic!("record {other}"),
    }
    let have: BTreeSet<&str> = o.keys().map(String::as_str).collect();
    assert_eq!(
        have,
        want.iter().copied().collect::<BTreeSet<_>>(),
        "{t}: {d}"
    );
    let id = o["id"].as_str().unwrap();
    assert!(
        id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()),
        "{id}"
    );
    assert!(is_rfc3339(&o["date"]), "{d}");
    for k in ["source", "body", "kind", "title", "text"] {
        assert!(o[k].is_string(), "{k}: {d}");
    }
    assert!(!o["text"].as_str().unwrap().is_empty() && !o["source"].as_str().unwrap().is_empty());
    assert!(
        ["summary", "transcript"].contains(&o["kind"].as_str().unwrap()),
        "{d}"
    );
    for k in ["speaker", "section"] {
        assert!(o[k].is_null() || o[k].is_string(), "{k}: {d}");
    }
    let (ls, le) = (
        o["line_start"].as_u64().unwrap(),
        o["line_end"].as_u64().unwrap(),
    );
    assert!(ls >= 1 && le >= ls, "{d}");
    assert!(o["themes"].as_array().unwrap().iter().all(Value::is_string));
    match t {
        "passage" => assert!(o["time_start"].is_null() || o["time_start"].is_f64()),
        "event" => assert!(o["event_date"].is_null() || is_rfc3339(&o["event_date"])),
        "chain" => {
            one_of(
                &o["status"],
                &["open", "decided", "addressed"],
                "chain status",
            );
            assert!(o["meetings"].as_u64().unwrap() >= 2);
            assert!(is_rfc3339(&o["last_seen"]));
            assert!(o["speakers"]
                .as_array()
                .unwrap()
                .iter()
                .all(Value::is_string));
            let occ = o["occurrences"].as_array().unwrap();
            assert!(occ.len() >= 2);
            for x in occ {
                assert!(
                    x["source"].is_string() && x["speaker"].is_string() && x["text"].is_string()
                );
                assert!(x["line"].is_u64() && (x["date"].is_null() || is_rfc3339(&x["date"])));
            }
            assert_eq!(occ[0]["source"], o["source"]);
            let ev = &o["evidence"];
            assert!(
                ev.is_null()
                    || ev["source"].is_string() && ev["line"].is_u64() && ev["text"].is_string()
            );
            assert_eq!(ev.is_null(), o["status"] != "addressed");
        }
        _ => {}
    }
}

#[test]
fn test_every_line_has_its_fields_and_types() {
    let tmp = tempfile::tempdir().unwrap();
    let idx = index_of(tmp.path(), &corpus());
    export(tmp.path(), &idx, "quickwit", "qw", &[]);
    export(tmp.path(), &idx, "opensearch", "os", &[]);
    for docs in [
        quickwit_docs(&tmp.path().join("qw")),
        opensearch_docs(&tmp.path().join("os")),
    ] {
        let mut ids = HashSet::new();
        for (t, ds) in &docs {
            for d in ds {
                assert_eq!(d["record"], t.as_str());
                check_doc(d);
                assert!(
                    ids.insert(d["id"].as_str().unwrap().to_string()),
                    "duplicate id {d}"
                );
            }
        }
    }
}

/// Indexes the shipped corpus and exports it for an engine: the output folder (alive as long
/// as the temporary folder is) and its documents by type.
fn exported(engine: &str) -> (tempfile::TempDir, PathBuf, BTreeMap<String, Vec<Value>>) {
    let tmp = tempfile::tempdir().unwrap();
    let idx = index_of(tmp.path(), &corpus());
    export(tmp.path(), &idx, engine, engine, &[]);
    let out = tmp.path().join(engine);
    let docs = match engine {
        "quickwit" => quickwit_docs(&out),
        _ => opensearch_docs(&out),
    };
    (tmp, out, docs)
}

#[test]
fn test_quickwit_configs_follow_quickwits_documented_schema() {
    let (_tmp, out, docs) = exported("quickwit");
    for t in TYPES {
        let text = std::fs::read_to_string(out.join(format!("quorum-{t}s.yaml"))).unwrap();
        // serde_yaml is the parser Quickwit reads its configs with
        let c: Value = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{t}: {e}\n{text}"));
        let fields = quickwit_schema::check(&c);
        assert_eq!(c["index_id"], format!("quorum-{t}s"));
        assert_eq!(c["doc_mapping"]["mode"], "strict");
        assert_eq!(c["doc_mapping"]["timestamp_field"], "date");
        let tags: Vec<&str> = c["doc_mapping"]["tag_fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(tags, ["body", "kind"]);
        let text_field = c["doc_mapping"]["field_mappings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == "text")
            .unwrap();
        assert_eq!(text_field["tokenizer"], "en_stem");
        assert_eq!(text_field["record"], "position");
        for d in &docs[t] {
            // strict mode: every key is mapped and fits; the timestamp is required
            for (k, v) in d.as_object().unwrap() {
                let f = fields
                    .get(k)
                    .unwrap_or_else(|| panic!("{t}: {k} is not mapped"));
                assert!(quickwit_schema::fits(v, f), "{t}.{k} = {v}");
            }
            assert!(
                d["date"].is_string(),
                "Quickwit requires the timestamp field: {d}"
            );
        }
    }
}

#[test]
fn test_opensearch_mappings_follow_the_documented_schema() {
    let (_tmp, out, docs) = exported("opensearch");
    for t in TYPES {
        let name = format!("quorum-{t}s");
        let m: Value = serde_json::from_slice(
            &std::fs::read(out.join(format!("{name}.mapping.json"))).unwrap(),
        )
        .unwrap();
        for k in m.as_object().unwrap().keys() {
            assert!(
                ["settings", "mappings", "aliases"].contains(&k.as_str()),
                "{name}: {k}"
            );
        }
        assert_eq!(m["mappings"]["dynamic"], "strict");
        let props = &m["mappings"]["properties"];
        check_opensearch_mapping(&name, props);
        assert_eq!(props["text"]["analyzer"], "english");
        assert_eq!(props["date"]["type"], "date");
        assert_eq!(props["themes"]["type"], "keyword");
        for d in &docs[t] {
            for (k, v) in d.as_object().unwrap() {
                let pm = props
                    .get(k)
                    .unwrap_or_else(|| panic!("{name}: {k} is not mapped (dynamic: strict)"));
                assert!(fits_opensearch(v, pm), "{name}.{k} = {v}");
            }
        }
    }
}

fn ids(docs: &BTreeMap<String, Vec<Value>>) -> Vec<String> {
    docs.values()
        .flatten()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn test_a_second_export_of_an_unchanged_index_writes_the_same_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let idx = index_of(tmp.path(), &corpus());
    export(tmp.path(), &idx, "opensearch", "a", &[]);
    let first = opensearch_docs(&tmp.path().join("a"));
    // again into the same folder, into another, and after the index was rebuilt
    export(tmp.path(), &idx, "opensearch", "a", &[]);
    export(tmp.path(), &idx, "opensearch", "b", &[]);
    reindex(tmp.path(), &idx, &["--rebuild", "--threads", "2"]);
    export(tmp.path(), &idx, "opensearch", "c", &[]);
    for dir in ["a", "b", "c"] {
        let again = opensearch_docs(&tmp.path().join(dir));
        assert_eq!(ids(&again), ids(&first), "{dir}");
        assert_eq!(again, first, "{dir}");
    }
    let d: Value =
        serde_json::from_slice(&std::fs::read(tmp.path().join("a/deletions.json")).unwrap())
            .unwrap();
    assert!(
        d.as_object()
            .unwrap()
            .values()
            .all(|v| v.as_array().unwrap().is_empty()),
        "{d}"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

fn sources(docs: &BTreeMap<String, Vec<Value>>, skip_chains: bool) -> BTreeSet<String> {
    docs.iter()
        .filter(|(t, _)| !skip_chains || t.as_str() != "chain")
        .flat_map(|(_, ds)| ds.iter().map(|d| d["source"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn test_since_and_incremental_write_only_new_and_changed_meetings() {
    let tmp = tempfile::tempdir().unwrap();
    let corp = tmp.path().join("corpus");
    copy_dir(&corpus(), &corp);
    let idx = index_of(tmp.path(), &corp);
    let full = export(tmp.path(), &idx, "opensearch", "os", &[]);
    let all = opensearch_docs(&tmp.path().join("os"));
    let n = full["meetings"].as_u64().unwrap();
    assert!(n >= 10);

    // nothing changed: nothing to write
    let again = export(tmp.path(), &idx, "opensearch", "os", &["--incremental"]);
    assert_eq!(again["meetings"], 0);
    assert_eq!(again["meetings_unchanged"], n);
    assert!(opensearch_docs(&tmp.path().join("os"))
        .values()
        .all(Vec::is_empty));

    // one meeting added, one changed, one removed
    let files = walk(&corp);
    let mut files: Vec<PathBuf> = files;
    files.sort();
    let (changed, removed) = (&files[0], &files[1]);
    let added = changed.with_file_name("2027-01-15-added-meeting.txt");
    std::fs::copy(&files[2], &added).unwrap();
    let mut text = std::fs::read_to_string(changed).unwrap();
    text.push_str("\nA closing paragraph added after the meeting, about the Geneva Cyber Week.\n");
    std::fs::write(changed, text).unwrap();
    std::fs::remove_file(removed).unwrap();
    reindex(tmp.path(), &idx, &[]);
    let source = |p: &Path| {
        format!(
            "corpus/{}",
            p.strip_prefix(&corp).unwrap().to_string_lossy()
        )
    };

    let inc = export(tmp.path(), &idx, "opensearch", "os", &["--incremental"]);
    let docs = opensearch_docs(&tmp.path().join("os"));
    assert_eq!(inc["meetings"], 2, "{inc}");
    assert_eq!(inc["meetings_unchanged"], n - 2);
    assert_eq!(
        sources(&docs, true),
        [source(changed), source(&added)]
            .into_iter()
            .collect::<BTreeSet<_>>()
    );
    assert_eq!(
        inc["deletions"]["sources_removed"],
        serde_json::json!([source(removed)])
    );
    assert_eq!(
        inc["deletions"]["sources_replaced"],
        serde_json::json!([source(changed)])
    );
    let dbq: Value =
        serde_json::from_slice(&std::fs::read(tmp.path().join("os/delete-by-query.json")).unwrap())
            .unwrap();
    let listed: BTreeSet<&str> = dbq["query"]["terms"]["source"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        listed,
        [source(changed), source(removed)]
            .iter()
            .map(String::as_str)
            .collect()
    );
    // documents of a meeting that did not change keep their ids in the full export
    let unchanged_ids: BTreeSet<String> = all
        .values()
        .flatten()
        .filter(|d| {
            d["record"] != "chain"
                && d["source"] != source(changed).as_str()
                && d["source"] != source(removed).as_str()
        })
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    export(tmp.path(), &idx, "opensearch", "os2", &[]);
    let full2 = ids(&opensearch_docs(&tmp.path().join("os2")));
    assert!(unchanged_ids.iter().all(|i| full2.contains(i)));

    // and the same for Quickwit, whose state is its own
    let qw = export(tmp.path(), &idx, "quickwit", "qw", &[]);
    assert_eq!(qw["meetings"], n);
    let qi = export(tmp.path(), &idx, "quickwit", "qw", &["--incremental"]);
    assert_eq!(qi["meetings"], 0);
    // a folder holds one engine's export
    let idx_arg = idx.to_str().unwrap();
    usage_error(
        tmp.path(),
        &["--to", "quickwit", "--index", idx_arg, "--out", "os"],
    );

    // --since: only meetings on or after the day, and chains raised since
    let since = "2025-01-01";
    let s = export(tmp.path(), &idx, "quickwit", "since", &["--since", since]);
    let docs = quickwit_docs(&tmp.path().join("since"));
    let day = format!("{since}T00:00:00Z");
    assert!(docs
        .values()
        .flatten()
        .filter(|d| d["record"] != "chain")
        .all(|d| d["date"].as_str().unwrap() >= day.as_str()));
    assert!(docs["chain"]
        .iter()
        .all(|d| d["last_seen"].as_str().unwrap() >= day.as_str()));
    let expected: BTreeSet<String> = opensearch_docs(&tmp.path().join("os2"))
        .values()
        .flatten()
        .filter(|d| d["record"] != "chain" && d["date"].as_str().unwrap() >= day.as_str())
        .map(|d| d["source"].as_str().unwrap().to_string())
        .collect();
    assert!(!expected.is_empty() && expected.len() < n as usize);
    assert_eq!(sources(&docs, true), expected);
    assert_eq!(s["meetings"], expected.len());
    // a bad date is refused
    usage_error(
        tmp.path(),
        &[
            "--to",
            "quickwit",
            "--index",
            idx_arg,
            "--since",
            "2025-13-01",
        ],
    );
}

/// Runs `quorum export` with these arguments and checks that it fails as a usage error.
fn usage_error(dir: &Path, args: &[&str]) {
    let out = quorum(dir).arg("export").args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
