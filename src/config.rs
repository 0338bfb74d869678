//! Command-line values resolved into settings: default folders, validated dates.

use crate::error::QuorumError;
use crate::extract::dates::parse_iso;
use std::path::PathBuf;
use time::Date;

/// The default corpus: `corpus/` here, else the corpus shipped with this build.
pub fn default_corpus() -> PathBuf {
    let here = PathBuf::from("corpus");
    if here.is_dir() {
        return here;
    }
    let shipped = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    if shipped.is_dir() {
        shipped
    } else {
        here
    }
}

/// The default index folder.
pub fn default_index() -> PathBuf {
    PathBuf::from("index")
}

/// A `--from`/`--to` value.
pub fn date_arg(flag: &str, value: Option<&str>) -> Result<Option<Date>, QuorumError> {
    match value {
        None => Ok(None),
        Some(v) => parse_iso(v).map(Some).ok_or_else(|| {
            QuorumError::Usage(format!(
                "{flag} {v:?} is not a date: use YYYY-MM-DD, e.g. {flag} 2026-01-31"
            ))
        }),
    }
}

/// `QUORUM_GAP_LINK`: the cosine at which `quorum gaps` links two proposals, in place of
/// its tuned default (`query::gaps::Params::link`), for sweeps of that threshold
/// (benches/RESULTS.md). Unset, or not a number, the default holds.
pub fn gap_link() -> Option<f32> {
    std::env::var("QUORUM_GAP_LINK")
        .ok()
        .and_then(|v| v.parse().ok())
}
