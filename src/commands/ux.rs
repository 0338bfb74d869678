//! What the command line does around a query so that people and scripts are not tripped:
//! an index built only where it is meant to be, exit 1 when nothing matches (as grep),
//! the filter blamed when it is what matches nothing, warnings for a reversed date range
//! and a corpus changed since the last index, JSON fields named alike across commands,
//! the absolute path beside every `source`, shell completions and a man page.

use crate::config::{default_corpus, default_index};
use crate::error::QuorumError;
use crate::index::corpus_record::CorpusRecord;
use crate::index::{reader, writer};
use crate::pipeline;
use crate::query::filters::Filters;
use crate::report::human;
use anyhow::Result;
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// Builds the index when there is none yet, but only in the default location, from the
/// default corpus: what the README's first command does. Anywhere else a missing index
/// is a usage error that says how to build it: `--index /nonexistent` (a typo) must not
/// create a folder and fill it.
pub fn ensure_index(index: &Path) -> Result<()> {
    if reader::exists(index) || !reader::is_vacant(index) {
        return Ok(());
    }
    if index != default_index() {
        return Err(QuorumError::Usage(format!(
            "no index at {}: build one with `quorum index CORPUS --index {}` (only the default `index/` is built on first use)",
            index.display(),
            index.display()
        ))
        .into());
    }
    let corpus = default_corpus();
    if !corpus.is_dir() {
        return Err(QuorumError::Usage(format!(
            "no index at {} and no corpus/ folder to build it from: run `quorum index CORPUS`",
            index.display()
        ))
        .into());
    }
    eprintln!(
        "quorum: no index at {}; building it from {} first",
        index.display(),
        corpus.display()
    );
    let report = pipeline::build(
        &corpus,
        index,
        &writer::BuildOptions {
            progress: true,
            ..Default::default()
        },
    )?;
    eprintln!("quorum: {}", human::build_summary(&report));
    remember_corpus(&corpus, index);
    Ok(())
}

/// Records the corpus an index was just built from (see [`CorpusRecord`]); a failure to
/// write it is a warning, not a failed build.
pub fn remember_corpus(corpus: &Path, index: &Path) {
    if let Err(e) = CorpusRecord::of(corpus).save(index) {
        eprintln!(
            "quorum: warning: cannot write {} in {}: {e}",
            crate::index::corpus_record::FILE,
            index.display()
        );
    }
}

/// How long a command waits, after its answer, for the staleness check to finish before
/// it leaves without the note. The quick check reads one time per folder of the corpus
/// (22 folders at 50,000 meetings of quorum-gen: well under a millisecond) and runs beside
/// the query, so it is almost always done first; the wait only bounds a slow disk, a
/// machine so loaded that the check's thread has not run yet (the suite runs on one at a
/// load average of 15-20: 10 ms was too short to rely on there), or a record of an older
/// quorum (no folder times), whose complete check is a `statx` per file. Chosen by hand.
pub const STALENESS_GRACE: std::time::Duration = std::time::Duration::from_millis(100);

/// Checks, beside the query, whether the corpus changed since the last index; `finish`
/// prints the note on stderr. The check is the quick one ([`CorpusRecord::staleness`]:
/// files added, removed or renamed, not rewritten in place) unless `QUORUM_STALENESS=full`
/// asks for the complete one, which is then waited for.
pub struct StalenessCheck {
    note: Option<std::sync::mpsc::Receiver<Option<String>>>,
    full: bool,
}

impl StalenessCheck {
    /// Starts the check for the index at `index`.
    pub fn start(index: &Path) -> StalenessCheck {
        let index = index.to_path_buf();
        let full = crate::config::staleness_full();
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        let started = std::thread::Builder::new()
            .name("staleness".into())
            .spawn(move || {
                let note = CorpusRecord::load(&index).and_then(|r| {
                    if full {
                        r.staleness_full(&index)
                    } else {
                        r.staleness(&index)
                    }
                });
                let _ = tx.send(note);
            })
            .is_ok();
        StalenessCheck {
            note: started.then_some(rx),
            full,
        }
    }

    /// The note, if any, when the check is done in time (always with the complete check).
    pub fn wait(self) -> Option<String> {
        let rx = self.note?;
        if self.full {
            rx.recv().ok().flatten()
        } else {
            rx.recv_timeout(STALENESS_GRACE).ok().flatten()
        }
    }

    /// Prints the note, if any (the check left running past [`STALENESS_GRACE`] is
    /// dropped with the process).
    pub fn finish(self) {
        if let Some(note) = self.wait() {
            eprintln!("quorum: note: {note}");
        }
    }
}

/// Warns when `--from` is after `--to`: no meeting can match.
pub fn warn_reversed_dates(f: &Filters) {
    if let (Some(from), Some(to)) = (f.from, f.to) {
        if from > to {
            let iso = crate::extract::dates::iso;
            eprintln!(
                "quorum: warning: --from {} is after --to {}: no meeting can match; did you mean --from {} --to {}?",
                iso(from),
                iso(to),
                iso(to),
                iso(from)
            );
        }
    }
}

/// The filters given, each alone, as flags for messages.
fn filter_flags(f: &Filters) -> Vec<(String, Filters)> {
    let iso = crate::extract::dates::iso;
    let mut out = Vec::new();
    let none = Filters::default();
    if let Some(s) = &f.speaker {
        out.push((
            format!("--speaker {s:?}"),
            Filters {
                speaker: Some(s.clone()),
                ..none.clone()
            },
        ));
    }
    if let Some(b) = &f.body {
        out.push((
            format!("--body {b:?}"),
            Filters {
                body: Some(b.clone()),
                ..none.clone()
            },
        ));
    }
    if let Some(k) = &f.kind {
        out.push((
            format!("--kind {k}"),
            Filters {
                kind: Some(k.clone()),
                ..none.clone()
            },
        ));
    }
    if let Some(t) = &f.theme {
        out.push((
            format!("--theme {t:?}"),
            Filters {
                theme: Some(t.clone()),
                ..none.clone()
            },
        ));
    }
    if f.from.is_some() || f.to.is_some() {
        let mut flag = Vec::new();
        if let Some(d) = f.from {
            flag.push(format!("--from {}", iso(d)));
        }
        if let Some(d) = f.to {
            flag.push(format!("--to {}", iso(d)));
        }
        out.push((
            flag.join(" "),
            Filters {
                from: f.from,
                to: f.to,
                ..none.clone()
            },
        ));
    }
    out
}

/// Why a search found nothing, on one line: the filter that matches no passage at all
/// when there is one, else the query.
pub fn no_match_reason(index: &Path, query: &str, f: &Filters) -> String {
    let flags = filter_flags(f);
    let matches_any = |g: &Filters| {
        crate::query::search::search(index, "*", 1, g)
            .map(|r| r.total > 0)
            .unwrap_or(true)
    };
    let empty: Vec<&str> = flags
        .iter()
        .filter(|(_, g)| !matches_any(g))
        .map(|(s, _)| s.as_str())
        .collect();
    if !empty.is_empty() {
        return format!(
            "no passage matches {} (whatever the query); see `quorum search '*' --json` for what is indexed",
            empty.join(" or ")
        );
    }
    if flags.len() > 1 && !matches_any(f) {
        let all: Vec<&str> = flags.iter().map(|(s, _)| s.as_str()).collect();
        return format!("no passage matches {} together", all.join(" and "));
    }
    if flags.is_empty() {
        format!("no passages match {query:?}")
    } else {
        let all: Vec<&str> = flags.iter().map(|(s, _)| s.as_str()).collect();
        format!("no passages match {query:?} with {}", all.join(" "))
    }
}

/// Writes a command's JSON with the consistent fields added (see [`consistent`]).
pub fn write_json<T: Serialize>(out: &mut impl Write, value: &T, index: &Path) -> Result<()> {
    let mut v = serde_json::to_value(value)?;
    crate::report::json::consistent(&mut v, CorpusRecord::load(index).as_ref());
    crate::report::json::write(out, &v)
}

/// `quorum completions SHELL`: the completion script for a shell, on stdout.
pub fn completions(shell: clap_complete::Shell, out: &mut impl Write) -> Result<()> {
    let mut cmd = <crate::cli::Cli as clap::CommandFactory>::command();
    clap_complete::generate(shell, &mut cmd, "quorum", out);
    Ok(())
}

/// `quorum man`: the man page (roff), on stdout.
pub fn man(out: &mut impl Write) -> Result<()> {
    let cmd = <crate::cli::Cli as clap::CommandFactory>::command();
    clap_mangen::Man::new(cmd).render(out)?;
    for sub in <crate::cli::Cli as clap::CommandFactory>::command().get_subcommands() {
        if sub.get_name() == "help" {
            continue;
        }
        writeln!(out, ".SH \"QUORUM {}\"", sub.get_name().to_uppercase())?;
        let sub = sub.clone();
        let man = clap_mangen::Man::new(sub);
        man.render_description_section(out)?;
        man.render_options_section(out)?;
        man.render_extra_section(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::json::consistent;

    #[test]
    fn test_consistent_fields_are_added_not_renamed() {
        let mut v = serde_json::json!({
            "proposals": 3,
            "gaps": [{"occurrences": [{"source": "c/a.txt", "line": 4}]}],
            "hits": [{"source": "c/a.txt", "line_start": 2, "line_end": 3}]
        });
        let r = CorpusRecord {
            given: "c".into(),
            absolute: "/x/c".into(),
            files: 1,
            fingerprint: String::new(),
            folders: Vec::new(),
            listed_at: 0,
        };
        consistent(&mut v, Some(&r));
        let o = &v["gaps"][0]["occurrences"][0];
        assert_eq!(o["line"], 4);
        assert_eq!(o["line_start"], 4);
        assert_eq!(o["line_end"], 4);
        assert_eq!(o["path"], "/x/c/a.txt");
        assert_eq!(v["hits"][0]["line"], 2);
        assert_eq!(v["proposals"], 3);
        assert_eq!(v["proposals_compared"], 3);
        let mut score = serde_json::to_value(17.093f32).unwrap();
        consistent(&mut score, None);
        assert_eq!(score.to_string(), "17.093");
    }
}
