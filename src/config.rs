//! Settings that come from outside the command line: the default folders, and every
//! environment variable quorum reads. Nothing else in the crate reads the environment, so
//! this file and [`ENVIRONMENT`] (printed by `quorum --help`) are the whole list.
//!
//! This module depends on nothing else in the crate, so any stage may ask it.

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::PathBuf;

/// The default index folder, relative to the working directory.
pub const DEFAULT_INDEX: &str = "index";

/// The default corpus folder, relative to the working directory.
pub const DEFAULT_CORPUS: &str = "corpus";

/// Terminal width for tables when `COLUMNS` is not set (or not a number).
pub const DEFAULT_COLUMNS: u16 = 120;

/// The environment variables, as the top-level `--help` lists them.
pub const ENVIRONMENT: &str = "\
Environment:
  NO_COLOR=1        no ANSI colour in search hits (colour is used only on a terminal)
  COLUMNS=N         width of the proposals and themes tables [default: 120]
  QUORUM_EVENTS=F   a TOML file of event rules (the shape of data/events.toml) added to
                    the built-in rules when documents are indexed or extracted
  QUORUM_RANK=S     ranking knobs for experiments, e.g. \"meet=1,q=1,field=1\": weight of
                    the meeting match, dropping question words (0/1), weight of section
                    and speaker fields
  QUORUM_GAP_LINK=X the cosine at which `quorum gaps` links two proposals, for sweeps
                    of that threshold [default: 0.28]
  QUORUM_GAP_OFF=L  rules of `quorum gaps` to switch off, for measuring what each gains:
                    a comma-separated list of \"slots\", \"core\", \"decision_words\",
                    \"continued\", \"own_idea\", \"half_linked\"
  QUORUM_GAP_PAIRS=F  `quorum gaps` writes its candidate pairs with their similarity's
                    components to F (and the proposals to F.items), for fitting
  QUORUM_GAP_MODEL=1  `quorum gaps` links proposals by the fitted similarity of named
                    components instead of the pair rule, for measuring it
  QUORUM_GAP_WEIGHTS=L  the weights of those components and a bias, comma-separated,
                    in place of the fitted ones (benches/gaps_fit.py prints them)
  QUORUM_CLAUSE_WEIGHTS=F  a weights file of the clause model (the shape of
                    data/clause-weights.toml) used instead of the built-in one
  QUORUM_STALENESS=full  a search checks every corpus file's size and time to say the
                    index is stale (by default only folder times: files added, removed
                    or renamed, not rewritten in place)
  QUORUM_PROFILE=1  `quorum index` prints the CPU time of each stage (read, render,
                    parse, extract, records, documents, writer) on stderr";

/// The default corpus: `corpus/` here, else the corpus shipped with this build.
pub fn default_corpus() -> PathBuf {
    let here = PathBuf::from(DEFAULT_CORPUS);
    if here.is_dir() {
        return here;
    }
    let shipped = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_CORPUS);
    if shipped.is_dir() {
        shipped
    } else {
        here
    }
}

/// The default index folder.
pub fn default_index() -> PathBuf {
    PathBuf::from(DEFAULT_INDEX)
}

/// `NO_COLOR`: set (to anything) when the user wants no ANSI colour (no-color.org).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some()
}

/// Whether to colour what goes to stdout: only a terminal, and only without `NO_COLOR`.
pub fn colour_stdout() -> bool {
    std::io::stdout().is_terminal() && !no_color()
}

/// `COLUMNS`: the terminal width tables are fitted to, [`DEFAULT_COLUMNS`] when unset or
/// not a number.
pub fn columns() -> u16 {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(DEFAULT_COLUMNS)
}

/// `QUORUM_EVENTS`: a file of event rules to add to the built-in ones.
pub fn events_file() -> Option<OsString> {
    std::env::var_os("QUORUM_EVENTS")
}

/// `QUORUM_CLAUSE_WEIGHTS`: a weights file of the clause model (`extract::clause`) to use
/// instead of the built-in one, for experiments with refitted weights.
pub fn clause_weights_file() -> Option<OsString> {
    std::env::var_os("QUORUM_CLAUSE_WEIGHTS")
}

/// `QUORUM_RANK`: the ranking knobs the ranking evaluation sets ("meet=1,q=1,field=1").
pub fn rank_spec() -> Option<String> {
    std::env::var("QUORUM_RANK").ok()
}

/// `QUORUM_GAP_LINK`: the cosine at which `quorum gaps` links two proposals, in place of
/// its tuned default (`query::gaps::Params::link`), for sweeps of that threshold
/// (benches/RESULTS.md). Unset, or not a number, the default holds.
pub fn gap_link() -> Option<f32> {
    std::env::var("QUORUM_GAP_LINK")
        .ok()
        .and_then(|v| v.parse().ok())
}

/// `QUORUM_GAP_PAIRS`: a file to which `quorum gaps` writes every candidate pair of
/// proposals with the components of its similarity (and the proposals to FILE.items),
/// for fitting the similarity's weights (benches/gaps_fit.py). Unset: nothing written.
pub fn gap_pairs_dump() -> Option<String> {
    std::env::var("QUORUM_GAP_PAIRS")
        .ok()
        .filter(|s| !s.is_empty())
}

/// `QUORUM_GAP_MODEL=1`: `quorum gaps` links proposals by the fitted similarity
/// (`query::gaps::model`) instead of the pair rule, for measuring it. Unset: the rule.
pub fn gap_model() -> bool {
    std::env::var("QUORUM_GAP_MODEL").is_ok_and(|v| v == "1")
}

/// `QUORUM_GAP_WEIGHTS`: the weights of the gaps similarity's components and its bias,
/// comma-separated (benches/gaps_fit.py prints them), in place of the fitted ones, for
/// fitting runs. Unset, or not numbers, the built-in weights hold.
pub fn gap_weights() -> Option<Vec<f32>> {
    std::env::var("QUORUM_GAP_WEIGHTS")
        .ok()?
        .split(',')
        .map(|s| s.trim().parse().ok())
        .collect()
}

/// `QUORUM_GAP_OFF`: the names of the rules of `query::gaps::similarity` to switch off
/// (comma-separated: "slots", "core"), for measuring what each gains. Unset: none.
pub fn gap_rules_off() -> Vec<String> {
    std::env::var("QUORUM_GAP_OFF")
        .unwrap_or_default()
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// `QUORUM_STALENESS=full`: searches make the complete staleness check (every file's size
/// and time, `index::corpus_record::CorpusRecord::staleness_full`) and wait for it,
/// instead of the quick one on folder times. Any other value, or none: the quick one.
pub fn staleness_full() -> bool {
    std::env::var("QUORUM_STALENESS").is_ok_and(|v| v.trim().eq_ignore_ascii_case("full"))
}

/// `QUORUM_PROFILE`: set (to anything but "0"), `quorum index` measures each stage's CPU
/// time and prints the totals on stderr (`pipeline::Profile`).
pub fn profile() -> bool {
    std::env::var_os("QUORUM_PROFILE").is_some_and(|v| v != "0" && !v.is_empty())
}
