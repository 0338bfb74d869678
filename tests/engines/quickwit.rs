//! Quickwit's documented index configuration (docs/configuration/index-config.md), and what
//! its config parser refuses (unknown keys are errors there).

use super::{is_rfc3339, one_of};
use serde_json::Value;
use std::collections::BTreeMap;

const TOKENIZERS: &[&str] = &[
    "raw",
    "raw_lowercase",
    "default",
    "en_stem",
    "whitespace",
    "chinese_compatible",
    "lowercase",
];
const RECORDS: &[&str] = &["basic", "freq", "position"];

fn keys_within(v: &Value, allowed: &[&str], what: &str) {
    for k in v
        .as_object()
        .unwrap_or_else(|| panic!("{what} is a map"))
        .keys()
    {
        assert!(allowed.contains(&k.as_str()), "{what}: unknown key {k}");
    }
}

fn valid_name(n: &str) -> bool {
    let mut cs = n.chars();
    cs.next()
        .is_some_and(|c| c.is_ascii_alphabetic() || "@$_-".contains(c))
        && n.len() <= 255
        && n.chars()
            .all(|c| c.is_ascii_alphanumeric() || "@$_/.-".contains(c))
        && !["_source", "_dynamic", "_field_presence"].contains(&n)
}

/// Checks one field mapping; returns its (type, is array, fast, tokenizer).
fn field(f: &Value) -> (String, bool, bool, Option<String>) {
    let name = f["name"].as_str().expect("a field has a name");
    assert!(valid_name(name), "field name {name}");
    let ty = f["type"].as_str().expect("a field has a type");
    let (base, array) = match ty.strip_prefix("array<").and_then(|t| t.strip_suffix('>')) {
        Some(b) => (b, true),
        None => (ty, false),
    };
    let common = ["name", "type", "description", "stored", "indexed", "fast"];
    let extra: &[&str] = match base {
        "text" => &["tokenizer", "record", "fieldnorms"],
        "i64" | "u64" | "f64" => &["coerce", "output_format"],
        "datetime" => &[
            "input_formats",
            "output_format",
            "fast_precision",
            "precision",
        ],
        "bool" | "ip" => &[],
        "bytes" => &["input_format", "output_format"],
        "json" => &["tokenizer", "record", "expand_dots"],
        other => panic!("field {name}: type {other} is not one Quickwit documents"),
    };
    let allowed: Vec<&str> = common.iter().chain(extra).copied().collect();
    keys_within(f, &allowed, name);
    for k in ["stored", "indexed", "fieldnorms", "coerce", "expand_dots"] {
        assert!(f.get(k).is_none_or(Value::is_boolean), "{name}.{k}");
    }
    let tokenizer = f.get("tokenizer").map(|t| t.as_str().unwrap().to_string());
    if let Some(t) = &tokenizer {
        assert!(TOKENIZERS.contains(&t.as_str()), "{name}: tokenizer {t}");
    }
    if let Some(r) = f.get("record") {
        assert!(RECORDS.contains(&r.as_str().unwrap()), "{name}: record {r}");
    }
    let fast = match f.get("fast") {
        None => false,
        Some(Value::Bool(b)) => *b,
        Some(v) if base == "text" || base == "json" => {
            keys_within(v, &["normalizer"], name);
            true
        }
        Some(v) => panic!("{name}: fast {v}"),
    };
    if base == "datetime" {
        for fm in f
            .get("input_formats")
            .map_or(&vec![], |v| v.as_array().unwrap())
        {
            let fm = fm.as_str().unwrap();
            assert!(
                ["iso8601", "rfc2822", "rfc3339", "unix_timestamp"].contains(&fm)
                    || fm.contains('%'),
                "{name}: input format {fm}"
            );
        }
        if let Some(o) = f.get("output_format") {
            one_of(
                o,
                &[
                    "iso8601",
                    "rfc2822",
                    "rfc3339",
                    "unix_timestamp_secs",
                    "unix_timestamp_millis",
                    "unix_timestamp_micros",
                    "unix_timestamp_nanos",
                ],
                &format!("{name}: output format"),
            );
        }
        if let Some(p) = f.get("fast_precision") {
            one_of(
                p,
                &["seconds", "milliseconds", "microseconds", "nanoseconds"],
                &format!("{name}: fast precision"),
            );
        }
    }
    (base.to_string(), array, fast, tokenizer)
}

/// Checks a config; returns its fields by name.
pub fn check(c: &Value) -> BTreeMap<String, (String, bool, bool, Option<String>)> {
    keys_within(
        c,
        &[
            "version",
            "index_id",
            "index_uri",
            "doc_mapping",
            "indexing_settings",
            "ingest_settings",
            "search_settings",
            "retention",
        ],
        "config",
    );
    assert!(["0.7", "0.8", "0.9"].contains(&c["version"].as_str().expect("version is a string")));
    let id = c["index_id"].as_str().unwrap();
    assert!(
        id.len() >= 3
            && id.len() <= 255
            && id.starts_with(|ch: char| ch.is_ascii_alphabetic())
            && id
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_'),
        "index_id {id}"
    );
    let dm = &c["doc_mapping"];
    keys_within(
        dm,
        &[
            "doc_mapping_uid",
            "mode",
            "dynamic_mapping",
            "field_mappings",
            "timestamp_field",
            "tag_fields",
            "partition_key",
            "max_num_partitions",
            "index_field_presence",
            "store_document_size",
            "store_source",
            "tokenizers",
        ],
        "doc_mapping",
    );
    one_of(
        &dm["mode"],
        &["lenient", "strict", "dynamic"],
        "doc_mapping.mode",
    );
    let mut fields = BTreeMap::new();
    for f in dm["field_mappings"].as_array().unwrap() {
        let name = f["name"].as_str().unwrap().to_string();
        assert!(
            fields.insert(name.clone(), field(f)).is_none(),
            "{name} mapped twice"
        );
    }
    // the timestamp field: a single-valued fast datetime
    let ts = dm["timestamp_field"].as_str().expect("a timestamp field");
    let (ty, array, fast, _) = &fields[ts];
    assert!(ty == "datetime" && !array && *fast, "timestamp field {ts}");
    // tag fields: raw text, or i64/u64
    for tag in dm["tag_fields"].as_array().unwrap() {
        let (ty, _, _, tok) = &fields[tag.as_str().unwrap()];
        assert!(
            ty == "text" && tok.as_deref() == Some("raw") || ty == "i64" || ty == "u64",
            "tag field {tag}"
        );
    }
    keys_within(
        &c["search_settings"],
        &["default_search_fields"],
        "search_settings",
    );
    for f in c["search_settings"]["default_search_fields"]
        .as_array()
        .unwrap()
    {
        assert!(fields.contains_key(f.as_str().unwrap()), "search field {f}");
    }
    fields
}

/// Whether a document's value fits a field (what Quickwit's strict mode accepts).
pub fn fits(v: &Value, (ty, array, _, _): &(String, bool, bool, Option<String>)) -> bool {
    let one = |x: &Value| match ty.as_str() {
        "text" => x.is_string(),
        "u64" => x.is_u64(),
        "i64" => x.is_i64(),
        "f64" => x.is_number(),
        "bool" => x.is_boolean(),
        "datetime" => is_rfc3339(x),
        "json" => x.is_object(),
        _ => false,
    };
    v.is_null()
        || if *array {
            v.as_array().is_some_and(|a| a.iter().all(one))
        } else {
            one(v)
        }
}
