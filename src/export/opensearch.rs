//! OpenSearch: a mapping per index (the body of `PUT /INDEX`) and `_bulk` files whose
//! action lines carry `_index` and `_id`, so loading a re-export replaces documents in
//! place instead of adding copies.
//!
//! Text is analysed with the built-in `english` analyzer (stemming, positions for phrases);
//! names and paths that are filtered or counted exactly are `keyword` (a `raw` sub-field
//! where words are searched too), so terms, date-histogram and significant-terms
//! aggregations have what they need. `dynamic: strict` refuses a document with a key the
//! mapping does not name, so a drift between documents and mapping shows on the first load.

use super::docs::DocType;
use serde_json::{json, Value};

/// The most bytes a bulk file holds: below OpenSearch's default `http.max_content_length`
/// of 100 MB, so each file loads with one request.
pub const MAX_BULK_BYTES: usize = 50 * 1024 * 1024;

fn english() -> Value {
    json!({"type": "text", "analyzer": "english", "index_options": "positions"})
}

fn name() -> Value {
    json!({"type": "text", "fields": {"raw": {"type": "keyword", "ignore_above": 512}}})
}

fn keyword() -> Value {
    json!({"type": "keyword"})
}

fn date() -> Value {
    json!({"type": "date", "format": "strict_date_optional_time"})
}

/// The mapping of one index.
pub fn mapping(t: DocType) -> Value {
    let mut p = serde_json::Map::new();
    p.insert("id".into(), keyword());
    p.insert("record".into(), keyword());
    p.insert("date".into(), date());
    p.insert("source".into(), keyword());
    p.insert("line_start".into(), json!({"type": "integer"}));
    p.insert("line_end".into(), json!({"type": "integer"}));
    p.insert("body".into(), name());
    p.insert("kind".into(), keyword());
    p.insert("title".into(), english());
    p.insert("speaker".into(), name());
    p.insert("section".into(), english());
    p.insert("text".into(), english());
    p.insert("themes".into(), keyword());
    match t {
        DocType::Passage => {
            p.insert("time_start".into(), json!({"type": "double"}));
        }
        DocType::Event => {
            p.insert("event_date".into(), date());
        }
        DocType::Chain => {
            p.insert("status".into(), keyword());
            p.insert("meetings".into(), json!({"type": "integer"}));
            p.insert("last_seen".into(), date());
            p.insert("speakers".into(), keyword());
            let place = |with_speaker: bool| {
                let mut q = serde_json::Map::new();
                q.insert("source".into(), keyword());
                q.insert("date".into(), date());
                q.insert("line".into(), json!({"type": "integer"}));
                q.insert("text".into(), english());
                if with_speaker {
                    q.insert("speaker".into(), name());
                }
                json!({"type": "object", "properties": q})
            };
            p.insert("occurrences".into(), place(true));
            p.insert("evidence".into(), place(false));
        }
        DocType::Proposal | DocType::Decision => {}
    }
    json!({
        "settings": {"index": {"number_of_shards": 1}},
        "mappings": {"dynamic": "strict", "properties": p},
    })
}

/// The action line that puts a document in its index under its id.
pub fn index_action(t: DocType, id: &str) -> Value {
    json!({"index": {"_index": t.index_name(), "_id": id}})
}

/// The action line that deletes a document.
pub fn delete_action(t: DocType, id: &str) -> Value {
    json!({"delete": {"_index": t.index_name(), "_id": id}})
}

/// The body of `POST INDEX,.../_delete_by_query` that removes every document of the given
/// sources from the meeting indices (not the chains, whose ids outlive any one meeting).
pub fn delete_by_query(sources: &[String]) -> Value {
    json!({"query": {"terms": {"source": sources}}})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_actions_carry_index_and_id() {
        let a = index_action(DocType::Passage, "abc");
        assert_eq!(a["index"]["_index"], "quorum-passages");
        assert_eq!(a["index"]["_id"], "abc");
        assert_eq!(
            delete_action(DocType::Chain, "x")["delete"]["_index"],
            "quorum-chains"
        );
    }

    #[test]
    fn test_mapping_is_strict_and_stems_the_text() {
        let m = mapping(DocType::Chain);
        assert_eq!(m["mappings"]["dynamic"], "strict");
        assert_eq!(m["mappings"]["properties"]["text"]["analyzer"], "english");
        assert_eq!(
            m["mappings"]["properties"]["occurrences"]["properties"]["line"]["type"],
            "integer"
        );
    }
}
