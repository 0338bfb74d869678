//! What an export did: its engine, the documents and files it wrote and what the engine
//! must delete, for people ([`summary`]) and as JSON.

use super::docs::{DocType, TYPES};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The engines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Engine {
    /// Quickwit: index configs (YAML) and one NDJSON file per index.
    Quickwit,
    /// OpenSearch: mappings (JSON) and `_bulk` files.
    Opensearch,
}

impl Engine {
    /// The engine's name, as `--to` takes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Engine::Quickwit => "quickwit",
            Engine::Opensearch => "opensearch",
        }
    }
}

/// What the engine must remove before loading the new files.
#[derive(Debug, Default, Serialize)]
pub struct Deletions {
    /// Sources no longer in the index: delete all their documents.
    pub sources_removed: Vec<String>,
    /// Sources changed since they were shipped: delete their documents, then load the
    /// new ones (ids of records that moved are not reused).
    pub sources_replaced: Vec<String>,
    /// Chains that no longer recur: delete by id.
    pub chains_removed: Vec<String>,
    /// Chains shipped before and written again changed (OpenSearch overwrites them by id;
    /// Quickwit, which only appends, needs them deleted first).
    pub chains_replaced: Vec<String>,
}

impl Deletions {
    /// Sources whose documents the engine must delete: those removed and those replaced.
    pub fn sources(&self) -> Vec<String> {
        self.sources_removed
            .iter()
            .chain(&self.sources_replaced)
            .cloned()
            .collect()
    }
}

/// The figures of one export.
#[derive(Debug, Serialize)]
pub struct ExportReport {
    /// Engine.
    pub engine: Engine,
    /// Output folder.
    pub out: String,
    /// Documents written, per type.
    pub documents: BTreeMap<DocType, usize>,
    /// Meetings written.
    pub meetings: usize,
    /// Meetings in the index.
    pub meetings_in_index: usize,
    /// Meetings left out as unchanged since the last export (`--incremental`).
    pub meetings_unchanged: usize,
    /// Meetings left out as older than `--since`.
    pub meetings_before_since: usize,
    /// Meetings left out because they have no date (Quickwit needs one; `--since`
    /// cannot place them).
    pub meetings_undated: usize,
    /// Chains left out as unchanged (`--incremental`) or last raised before `--since`.
    pub chains_left_out: usize,
    /// What the engine must delete.
    pub deletions: Deletions,
    /// Files written, in the output folder.
    pub files: Vec<String>,
    /// Wall time.
    pub seconds: f64,
}

/// One line for people.
pub fn summary(r: &ExportReport) -> String {
    let counts = TYPES
        .iter()
        .map(|t| format!("{} {}s", r.documents.get(t).unwrap_or(&0), t.as_str()))
        .collect::<Vec<_>>()
        .join(", ");
    let d = &r.deletions;
    format!(
        "exported {counts} ({} of {} meetings; {} unchanged) for {} to {} in {:.2}s; to delete: {} sources removed, {} replaced, {} chains removed",
        r.meetings,
        r.meetings_in_index,
        r.meetings_unchanged,
        r.engine.as_str(),
        r.out,
        r.seconds,
        d.sources_removed.len(),
        d.sources_replaced.len(),
        d.chains_removed.len()
    )
}
