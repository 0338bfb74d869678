//! Quickwit: an index config (YAML) per document type, following Quickwit's documented
//! index configuration (config version 0.8, which Quickwit 0.8 and 0.9 both read).
//!
//! The text is English-stemmed (`en_stem`) with positions, so phrases work; `date` is the
//! timestamp field (datetime, fast, single-valued, as Quickwit requires); `body` and `kind`
//! are tag fields (raw text), so a query filtered on them skips whole splits.
//!
//! Quickwit requires the timestamp field in every document: records of undated meetings
//! cannot be ingested, and the exporter leaves them out and says so.
//!
//! The YAML is written here, not by a YAML crate: the configs have a fixed shape, and every
//! string is written as a JSON string, which is a valid YAML double-quoted scalar (YAML 1.2
//! is a superset of JSON), so no quoting rule can be missed. The tests parse every config
//! back with serde_yaml, the parser Quickwit itself uses.

use super::docs::DocType;
use serde_json::{json, Value};

/// The config format version written.
pub const CONFIG_VERSION: &str = "0.8";

fn text(name: &str, tokenizer: &str, record: &str, fast: bool) -> Value {
    let mut v = json!({"name": name, "type": "text", "tokenizer": tokenizer, "record": record});
    if record != "basic" {
        v["fieldnorms"] = json!(true);
    }
    if fast {
        v["fast"] = json!(true);
    }
    v
}

fn raw(name: &str, fast: bool) -> Value {
    text(name, "raw", "basic", fast)
}

fn date(name: &str) -> Value {
    json!({"name": name, "type": "datetime", "input_formats": ["rfc3339"],
           "output_format": "rfc3339", "fast": true, "fast_precision": "seconds"})
}

fn u64_field(name: &str) -> Value {
    json!({"name": name, "type": "u64", "fast": true})
}

/// The field mappings of one document type: the keys of its documents, each mapped.
pub fn field_mappings(t: DocType) -> Vec<Value> {
    let mut f = vec![
        raw("id", false),
        raw("record", false),
        date("date"),
        raw("source", true),
        u64_field("line_start"),
        u64_field("line_end"),
        raw("body", true),
        raw("kind", true),
        text("title", "en_stem", "position", false),
        text("speaker", "default", "position", true),
        text("section", "en_stem", "position", false),
        text("text", "en_stem", "position", false),
        json!({"name": "themes", "type": "array<text>", "tokenizer": "raw", "fast": true}),
    ];
    match t {
        DocType::Passage => f.push(json!({"name": "time_start", "type": "f64"})),
        DocType::Event => f.push(json!({"name": "event_date", "type": "datetime",
            "input_formats": ["rfc3339"], "output_format": "rfc3339"})),
        DocType::Chain => {
            f.push(raw("status", true));
            f.push(u64_field("meetings"));
            f.push(date("last_seen"));
            f.push(json!({"name": "speakers", "type": "array<text>", "tokenizer": "raw", "fast": true}));
            // arrays of objects are not allowed as `object`; `json` is, and its strings
            // are stemmed as the text is
            f.push(json!({"name": "occurrences", "type": "array<json>", "tokenizer": "en_stem", "record": "position"}));
            f.push(json!({"name": "evidence", "type": "json", "tokenizer": "en_stem", "record": "position"}));
        }
        DocType::Proposal | DocType::Decision => {}
    }
    f
}

/// The index config of one document type.
pub fn index_config(t: DocType) -> Value {
    let mut search = vec!["text", "section", "title"];
    if t == DocType::Chain {
        search.push("occurrences");
    }
    json!({
        "version": CONFIG_VERSION,
        "index_id": t.index_name(),
        "doc_mapping": {
            "mode": "strict",
            "field_mappings": field_mappings(t),
            "timestamp_field": "date",
            "tag_fields": ["body", "kind"],
            "store_source": false,
        },
        "search_settings": {"default_search_fields": search},
    })
}

/// Block YAML of a JSON value: maps and lists as blocks, every scalar in JSON notation.
pub fn to_yaml(v: &Value) -> String {
    let mut out = String::new();
    write_block(v, 0, &mut out);
    out
}

fn scalar(v: &Value) -> String {
    // a JSON scalar is a YAML flow scalar; an empty map or list likewise
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

fn is_block(v: &Value) -> bool {
    match v {
        Value::Object(m) => !m.is_empty(),
        Value::Array(a) => !a.is_empty(),
        _ => false,
    }
}

fn write_block(v: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match v {
        Value::Object(m) if !m.is_empty() => {
            for (k, val) in m {
                out.push_str(&pad);
                out.push_str(&scalar(&Value::String(k.clone())));
                if is_block(val) {
                    out.push_str(":\n");
                    write_block(val, indent + 2, out);
                } else {
                    out.push_str(": ");
                    out.push_str(&scalar(val));
                    out.push('\n');
                }
            }
        }
        Value::Array(a) if !a.is_empty() => {
            for item in a {
                out.push_str(&pad);
                if is_block(item) {
                    // "- " then the item's block two columns in, its first line on the dash
                    out.push_str("-\n");
                    write_block(item, indent + 2, out);
                } else {
                    out.push_str("- ");
                    out.push_str(&scalar(item));
                    out.push('\n');
                }
            }
        }
        other => {
            out.push_str(&pad);
            out.push_str(&scalar(other));
            out.push('\n');
        }
    }
}

/// The body of a Quickwit delete task (`POST api/v1/INDEX/delete-tasks`) for every
/// document of the given sources, or with the given ids.
pub fn delete_task(field: &str, values: &[String]) -> Value {
    let query = values
        .iter()
        .map(|v| format!("{field}:{}", scalar(&Value::String(v.clone()))))
        .collect::<Vec<_>>()
        .join(" OR ");
    json!({"query": query})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_yaml_scalars_are_quoted_json() {
        let v = json!({"a": "x: y # z", "b": [1, "- no", {"c": true, "d": []}], "e": {}});
        let y = to_yaml(&v);
        assert!(y.contains("\"a\": \"x: y # z\""), "{y}");
        assert!(y.contains("\"e\": {}"), "{y}");
        assert!(y.contains("  -\n    \"c\": true"), "{y}");
    }

    #[test]
    fn test_every_type_maps_the_core_fields_once() {
        for t in super::super::docs::TYPES {
            let names: Vec<String> = field_mappings(t)
                .iter()
                .map(|f| f["name"].as_str().unwrap().to_string())
                .collect();
            let mut unique = names.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), names.len(), "{t:?}");
            for core in ["id", "date", "body", "kind", "text", "themes", "source"] {
                assert!(names.iter().any(|n| n == core), "{t:?} {core}");
            }
        }
    }
}
