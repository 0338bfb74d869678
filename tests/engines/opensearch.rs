//! OpenSearch's documented mapping parameters, for the types used.

use super::{is_rfc3339, one_of};
use serde_json::Value;

/// Checks a mapping's properties against the documented parameters of their types.
pub fn check_opensearch_mapping(name: &str, props: &Value) {
    for (field, m) in props.as_object().unwrap() {
        let ty = m["type"]
            .as_str()
            .unwrap_or_else(|| panic!("{name}.{field} has a type"));
        let allowed: &[&str] = match ty {
            "text" => &[
                "type",
                "analyzer",
                "search_analyzer",
                "index_options",
                "fields",
                "index",
                "norms",
                "position_increment_gap",
                "store",
                "term_vector",
                "fielddata",
            ],
            "keyword" => &[
                "type",
                "ignore_above",
                "normalizer",
                "index",
                "doc_values",
                "null_value",
                "store",
            ],
            "date" => &[
                "type",
                "format",
                "ignore_malformed",
                "index",
                "doc_values",
                "null_value",
                "store",
            ],
            "integer" | "long" | "double" | "float" => &[
                "type",
                "coerce",
                "ignore_malformed",
                "index",
                "doc_values",
                "null_value",
                "store",
            ],
            "boolean" => &["type", "index", "doc_values", "null_value", "store"],
            "object" | "nested" => &["type", "properties", "dynamic", "enabled"],
            other => panic!("{name}.{field}: type {other}"),
        };
        for k in m.as_object().unwrap().keys() {
            assert!(allowed.contains(&k.as_str()), "{name}.{field}: {k}");
        }
        if let Some(a) = m.get("analyzer") {
            one_of(
                a,
                &[
                    "standard",
                    "simple",
                    "whitespace",
                    "stop",
                    "keyword",
                    "pattern",
                    "fingerprint",
                    "english",
                ],
                &format!("{name}.{field}: analyzer"),
            );
        }
        if let Some(o) = m.get("index_options") {
            one_of(
                o,
                &["docs", "freqs", "positions", "offsets"],
                &format!("{name}.{field}: index_options"),
            );
        }
        if let Some(f) = m.get("fields") {
            check_opensearch_mapping(name, f);
        }
        if let Some(p) = m.get("properties") {
            check_opensearch_mapping(name, p);
        }
    }
}

pub fn fits_opensearch(v: &Value, m: &Value) -> bool {
    let one = |x: &Value| match m["type"].as_str().unwrap() {
        "text" | "keyword" => x.is_string(),
        "date" => is_rfc3339(x),
        "integer" | "long" => x.is_i64() || x.is_u64(),
        "double" | "float" => x.is_number(),
        "boolean" => x.is_boolean(),
        "object" => x.as_object().is_some_and(|o| {
            o.iter().all(|(k, y)| {
                m["properties"]
                    .get(k)
                    .is_some_and(|pm| fits_opensearch(y, pm))
            })
        }),
        _ => false,
    };
    v.is_null() || v.as_array().map_or_else(|| one(v), |a| a.iter().all(one))
}
