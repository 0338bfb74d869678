//! `quorum export`: the index's passages, proposals, decisions, events and gap chains as
//! files that Quickwit or OpenSearch load with their own tools, for when one machine is not
//! enough.
//!
//! [`layout`] finds each meeting's records in the index and reads meetings a chunk at a
//! time; [`docs`] turns them into documents with stable ids; [`quickwit`] and
//! [`opensearch`] write each engine's configs. An export records in its folder what it
//! shipped (`export-state.json`: each source's content hash, each chain's), so that
//! `--incremental` writes only meetings that are new or changed since, and every export
//! lists what the engine must delete (sources gone from the index or replaced, chains that
//! no longer recur).

pub mod docs;
mod json;
pub mod layout;
pub mod opensearch;
pub mod quickwit;
mod report;
mod stream;
mod write;

pub use report::{summary, Deletions, Engine, ExportReport};

use crate::error::{ExitStatus, QuorumError};
use crate::index::reader;
use crate::query::filters::date_arg;
use crate::query::filters::Filters;
use anyhow::{Context, Result};
use docs::{Doc, TYPES};
use layout::{Layout, Place};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;
use stream::Reading;
use time::Date;
use write::{
    finish_opensearch, finish_quickwit, write_json, write_opensearch, write_quickwit, Sink,
};

/// `quorum export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The engine to write files for.
    #[arg(long = "to", value_enum)]
    pub to: Engine,
    /// Folder to write into [default: export-quickwit or export-opensearch].
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Only meetings on or after this date (YYYY-MM-DD), and chains raised since.
    #[arg(long)]
    pub since: Option<String>,
    /// Only what changed since the last export to this folder: new and changed meetings,
    /// chains that are new or changed.
    #[arg(long)]
    pub incremental: bool,
    /// Print the run's figures as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

/// Settings of one export.
#[derive(Debug, Clone)]
pub struct Options {
    /// Engine.
    pub engine: Engine,
    /// Output folder.
    pub out: PathBuf,
    /// Index folder.
    pub index: PathBuf,
    /// First meeting day exported.
    pub since: Option<Date>,
    /// Only what changed since the state recorded in `out`.
    pub incremental: bool,
}

/// Name of the state file in the output folder.
pub const STATE_FILE: &str = "export-state.json";
const STATE_VERSION: u32 = 1;

/// What an export shipped, recorded in its folder for the next one.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct State {
    /// Format version.
    pub quorum_export: u32,
    /// The engine the files were for.
    pub engine: Option<Engine>,
    /// Source → content hash of the meeting as shipped.
    pub sources: BTreeMap<String, String>,
    /// Chain id → hash of the chain's document as shipped.
    pub chains: BTreeMap<String, String>,
}

/// Runs `quorum export`.
pub fn run(a: ExportArgs, out: &mut impl Write) -> Result<ExitStatus> {
    let opts = Options {
        engine: a.to,
        out: a
            .out
            .unwrap_or_else(|| PathBuf::from(format!("export-{}", a.to.as_str()))),
        index: a.index,
        since: date_arg("--since", a.since.as_deref())?,
        incremental: a.incremental,
    };
    let report = export(&opts)?;
    eprintln!("quorum: {}", summary(&report));
    if report.meetings_undated > 0 {
        eprintln!(
            "quorum: {} undated meetings left out ({})",
            report.meetings_undated,
            if opts.engine == Engine::Quickwit {
                "Quickwit requires the timestamp field"
            } else {
                "--since cannot place them"
            }
        );
    }
    if a.json {
        crate::report::json::write(out, &report)?;
    }
    Ok(ExitStatus::Success)
}

fn read_state(out: &Path) -> Result<Option<State>> {
    let path = out.join(STATE_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    let state: State = serde_json::from_str(&text).map_err(|e| {
        QuorumError::Usage(format!(
            "{} is not a quorum export state ({e}); remove it to export everything",
            path.display()
        ))
    })?;
    if state.quorum_export != STATE_VERSION {
        return Err(QuorumError::Usage(format!(
            "{} was written by another version of quorum export; remove it to export everything",
            path.display()
        ))
        .into());
    }
    Ok(Some(state))
}

/// Whether a file in the output folder is one an export writes (and so may replace).
fn is_ours(name: &str) -> bool {
    let quorum = name.starts_with("quorum-")
        && [".ndjson", ".yaml", ".mapping.json", ".delete-task.json"]
            .iter()
            .any(|e| name.ends_with(e));
    let bulk = name
        .strip_prefix("bulk-")
        .and_then(|n| n.strip_suffix(".ndjson"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    quorum || bulk || name == "delete-by-query.json" || name == "deletions.json"
}

fn chain_hash(d: &Doc) -> String {
    let bytes = serde_json::to_vec(d).unwrap_or_default();
    blake3::hash(&bytes).to_hex()[..32].to_string()
}

/// Writes the export; see the module documentation.
///
/// The gap chains (about 10 s of one core at 50,000 meetings) are computed on one thread
/// while the meetings are read and written on the others; chains go last in the files, so
/// nothing written before them waits for them.
pub fn export(opts: &Options) -> Result<ExportReport> {
    let t0 = Instant::now();
    let (index, f) = reader::open(&opts.index)?;
    let (_r, searcher) = reader::searcher(&index)?;
    let previous = read_state(&opts.out)?;
    if let Some(p) = &previous {
        if p.engine.is_some_and(|e| e != opts.engine) {
            return Err(QuorumError::Usage(format!(
                "{} holds an export for {}; write {} files to another --out folder",
                opts.out.display(),
                p.engine.map_or("", |e| e.as_str()),
                opts.engine.as_str()
            ))
            .into());
        }
    }
    if opts.incremental && previous.is_none() {
        eprintln!(
            "quorum: no earlier export in {}: exporting everything",
            opts.out.display()
        );
    }
    let previous = previous.unwrap_or_default();
    let mut report = ExportReport {
        engine: opts.engine,
        out: opts.out.display().to_string(),
        documents: TYPES.iter().map(|t| (*t, 0)).collect(),
        meetings: 0,
        meetings_in_index: 0,
        meetings_unchanged: 0,
        meetings_before_since: 0,
        meetings_undated: 0,
        chains_left_out: 0,
        deletions: Deletions::default(),
        files: Vec::new(),
        seconds: 0.0,
    };
    let mut state = State {
        quorum_export: STATE_VERSION,
        engine: Some(opts.engine),
        ..Default::default()
    };
    // the chains read the index on their own, beside the meetings
    let (gaps, meetings) = rayon::join(
        || crate::query::gaps::gaps(&opts.index, 2, &Filters::default()),
        || write_meetings(opts, &searcher, &f, &previous, &mut report, &mut state),
    );
    let (layout, sink) = meetings?;
    let gaps = gaps?.gaps;

    // a chain takes its themes from its proposals and its body and title from its first
    // meeting: those meetings are read again, their proposals only
    let mut named: Vec<&str> = gaps
        .iter()
        .flat_map(|g| g.occurrences.iter().map(|o| o.source.as_str()))
        .collect();
    named.sort_unstable();
    named.dedup();
    let contents = layout::with_proposals(&searcher, &f, &layout, &named)?;
    let all_chains = docs::chain_documents(&gaps, &contents);
    drop(contents);
    let now: BTreeSet<String> = all_chains.iter().map(|d| d.id.clone()).collect();
    let mut chains = Vec::new();
    for d in all_chains {
        let hash = chain_hash(&d);
        let shipped = previous.chains.get(&d.id);
        let last = match &d.extra {
            docs::Extra::Chain(c) => c.last_seen.clone(),
            _ => None,
        };
        let since_ok = opts.since.is_none_or(|s| {
            last.as_deref()
                .is_some_and(|l| l >= docs::rfc3339(s).as_str())
        });
        let dated_ok = d.date.is_some() || opts.engine != Engine::Quickwit;
        if (opts.incremental && shipped == Some(&hash)) || !since_ok || !dated_ok {
            report.chains_left_out += 1;
            if let Some(h) = shipped {
                state.chains.insert(d.id.clone(), h.clone());
            }
            continue;
        }
        if shipped.is_some_and(|h| h != &hash) {
            report.deletions.chains_replaced.push(d.id.clone());
        }
        state.chains.insert(d.id.clone(), hash);
        chains.push(d);
    }
    report.deletions.chains_removed = previous
        .chains
        .keys()
        .filter(|id| !now.contains(*id))
        .cloned()
        .collect();
    match sink {
        Sink::Quickwit => finish_quickwit(&opts.out, &chains, &mut report)?,
        Sink::Opensearch(bulk, files) => {
            finish_opensearch(&opts.out, bulk, files, &chains, &mut report)?;
        }
    }
    write_json(
        &opts.out,
        "deletions.json",
        &report.deletions,
        &mut report.files,
    )?;
    // the state last: an export that failed half-way leaves the previous one in force
    let tmp = opts.out.join(format!("{STATE_FILE}.tmp"));
    std::fs::write(&tmp, serde_json::to_vec(&state)?)
        .with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, opts.out.join(STATE_FILE))
        .with_context(|| format!("writing {}", opts.out.join(STATE_FILE).display()))?;
    report.files.push(STATE_FILE.to_string());
    report.seconds = (t0.elapsed().as_secs_f64() * 100.0).round() / 100.0;
    Ok(report)
}

/// Selects the meetings to write and writes them (configs first), filling the report's
/// meeting figures and the state's sources.
fn write_meetings<'a>(
    opts: &'a Options,
    searcher: &tantivy::Searcher,
    f: &crate::index::schema::Fields,
    previous: &State,
    report: &mut ExportReport,
    state: &mut State,
) -> Result<(Layout, Sink<'a>)> {
    let layout: Layout = layout::read(searcher, f)?;
    report.meetings_in_index = layout.meetings.len();
    // meetings to write, oldest first
    let mut selected: Vec<&Place> = Vec::new();
    for m in layout.meetings.values() {
        let shipped = previous.sources.get(&m.source);
        let unchanged = shipped == Some(&m.hash);
        let keep = if opts.incremental && unchanged {
            report.meetings_unchanged += 1;
            false
        } else if m.date.is_none() && (opts.engine == Engine::Quickwit || opts.since.is_some()) {
            report.meetings_undated += 1;
            false
        } else if opts.since.is_some_and(|s| m.date.is_some_and(|d| d < s)) {
            report.meetings_before_since += 1;
            false
        } else {
            true
        };
        if keep {
            if shipped.is_some_and(|h| h != &m.hash) {
                report.deletions.sources_replaced.push(m.source.clone());
            }
            state.sources.insert(m.source.clone(), m.hash.clone());
            selected.push(m);
        } else if let Some(h) = shipped {
            // not written now: what the engine has is what was shipped before
            state.sources.insert(m.source.clone(), h.clone());
        }
    }
    report.deletions.sources_removed = previous
        .sources
        .keys()
        .filter(|s| !layout.meetings.contains_key(*s))
        .cloned()
        .collect();
    selected.sort_by(|a, b| (a.date, &a.source).cmp(&(b.date, &b.source)));
    report.meetings = selected.len();

    let read = Reading {
        searcher,
        f,
        layout: &layout,
    };
    std::fs::create_dir_all(&opts.out)
        .with_context(|| format!("creating {}", opts.out.display()))?;
    for e in std::fs::read_dir(&opts.out)
        .with_context(|| format!("reading {}", opts.out.display()))?
        .flatten()
    {
        let name = e.file_name().to_string_lossy().into_owned();
        if is_ours(&name) {
            std::fs::remove_file(e.path())
                .with_context(|| format!("removing the old {}", e.path().display()))?;
        }
    }
    let sink = match opts.engine {
        Engine::Quickwit => {
            write_quickwit(&opts.out, &read, &selected, report)?;
            Sink::Quickwit
        }
        Engine::Opensearch => {
            let (bulk, files) = write_opensearch(&opts.out, &read, &selected, report)?;
            Sink::Opensearch(bulk, files)
        }
    };
    drop(selected);
    Ok((layout, sink))
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_only_our_files_are_replaced() {
        for ours in [
            "quorum-passages.ndjson",
            "quorum-chains.yaml",
            "quorum-events.mapping.json",
            "bulk-0001.ndjson",
            "deletions.json",
        ] {
            assert!(is_ours(ours), "{ours}");
        }
        for theirs in [
            "bulk-.ndjson",
            "notes.ndjson",
            "bulk-01a.ndjson",
            "export-state.json",
            "quorum.yaml",
        ] {
            assert!(!is_ours(theirs), "{theirs}");
        }
    }
}
