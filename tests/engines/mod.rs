//! What each engine documents of its configs, held against the files `quorum export`
//! writes.

pub mod opensearch;
pub mod quickwit;

use serde_json::Value;

/// Whether a value is a date as the export writes it.
pub fn is_rfc3339(v: &Value) -> bool {
    // the form written: a day at midnight UTC, "2026-03-05T00:00:00Z"
    v.as_str().is_some_and(|s| {
        s.len() == 20
            && s.ends_with("T00:00:00Z")
            && quorum::extract::dates::parse_iso(&s[..10]).is_some()
    })
}

/// Asserts that a config's string value is one the engine documents.
pub fn one_of(v: &Value, allowed: &[&str], what: &str) {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("{what}: {v} is not a string"));
    assert!(
        allowed.contains(&s),
        "{what}: {s} is not one of {allowed:?}"
    );
}
