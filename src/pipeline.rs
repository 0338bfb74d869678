//! The indexing stage, on all cores: walk the corpus, read each new or changed file, parse
//! its layout, run the extraction rules, and hand the index documents to the writer.
//!
//! walk ([`crate::ingest::walk`]) -> read ([`crate::ingest::read`]) -> parse
//! ([`crate::ingest::parse`]) -> extract ([`crate::extract::meeting`],
//! [`crate::extract::passages`]) -> documents ([`crate::index::passages`]) -> writer
//! ([`crate::index::writer`]).

use crate::error::QuorumError;
use crate::extract::passages::records;
use crate::index::passages::documents;
use crate::index::reader;
use crate::index::writer::{commit, indexed_files, open_or_create, stored_hash, writer_for};
pub use crate::index::writer::{BuildOptions, BuildReport};
use crate::ingest::formats::{self, render, Rendering};
use crate::ingest::read::{read_file, ReadError};
use crate::ingest::walk::{corpus_files, FoundFile};
use crate::model::Meeting;
use anyhow::{Context, Result};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};
use tantivy::{TantivyDocument, Term};

/// How the indexing stage bounds its memory.
pub struct Params {
    /// Files parsed together on the pool before their documents go to the writer.
    pub group: usize,
    /// Parsed groups waiting for the writer; the parsing threads wait when it is full.
    pub in_flight: usize,
}

/// The bounds of [`build`]. A file's documents take about 100 KB before tantivy has them
/// (passages, the meeting's whole text, stored copies); a batch of 2,000 files held them
/// all before the writer saw the first. With groups in flight, peak RSS at 5,000
/// meetings fell from 431 to 206 MB and CPU time by 7 % (benches/RESULTS.md, session 13).
/// The two numbers themselves were chosen by hand, not measured one against another.
pub const PARAMS: Params = Params {
    group: 32,
    in_flight: 2,
};

/// One group of files and each file's documents (or why it was not read) with its hash,
/// and whether the group ends a batch (then the writer commits).
type Parsed<'a> = (
    &'a [&'a FoundFile],
    Vec<(Result<Vec<TantivyDocument>, ReadError>, String)>,
    bool,
);

/// One document's text to a meeting: its layout ([`crate::ingest::parse`]), then every
/// extraction rule ([`crate::extract::meeting`]). Never panics.
pub fn parse(source: &str, text: &str) -> Meeting {
    crate::extract::meeting(crate::ingest::parse(source, text))
}

/// A file's rendering (a web page, PDF, Word file or mail message as text) to a meeting:
/// its layout with what the format says of the meeting ([`formats::parse`]), every
/// extraction rule, then a mail's author as the speaker of what they write.
pub fn parse_rendering(source: &str, r: &Rendering) -> Meeting {
    parse_rendering_timed(source, r, &mut Clock::off())
}

fn parse_rendering_timed(source: &str, r: &Rendering, clock: &mut Clock<'_>) -> Meeting {
    let layout = formats::parse(source, r);
    clock.lap(Stage::Parse);
    let mut m = crate::extract::meeting(layout);
    if let Some(meta) = &r.mail {
        crate::extract::mail::attribute_authors(&mut m, meta.author.as_deref(), &meta.voices);
    }
    clock.lap(Stage::Extract);
    m
}

/// The stages of [`build`] whose CPU time `QUORUM_PROFILE` measures.
#[derive(Debug, Clone, Copy)]
pub enum Stage {
    /// Listing the corpus.
    Walk,
    /// Reading a file and hashing it.
    Read,
    /// A web page, PDF, Word file or mail message made text.
    Render,
    /// The text's layout: blocks, turns, headings ([`formats::parse`]).
    Parse,
    /// Every extraction rule ([`crate::extract::meeting`]).
    Extract,
    /// Passage records and their themes ([`records`]).
    Records,
    /// tantivy documents made of them ([`documents`]).
    Documents,
    /// The thread that hands documents to tantivy and commits.
    Writer,
}

const STAGES: [(Stage, &str); 8] = [
    (Stage::Walk, "walk"),
    (Stage::Read, "read"),
    (Stage::Render, "render"),
    (Stage::Parse, "parse"),
    (Stage::Extract, "extract"),
    (Stage::Records, "records"),
    (Stage::Documents, "documents"),
    (Stage::Writer, "writer"),
];

/// CPU time per stage, summed over threads (nanoseconds).
#[derive(Default)]
pub struct Profile([std::sync::atomic::AtomicU64; 8]);

impl Profile {
    fn add(&self, stage: Stage, ns: u64) {
        self.0[stage as usize].fetch_add(ns, std::sync::atomic::Ordering::Relaxed);
    }

    /// The totals in seconds, by stage name.
    pub fn seconds(&self) -> Vec<(&'static str, f64)> {
        STAGES
            .iter()
            .map(|&(s, name)| {
                let ns = self.0[s as usize].load(std::sync::atomic::Ordering::Relaxed);
                (name, ns as f64 / 1e9)
            })
            .collect()
    }

    /// One line for stderr: each stage's CPU seconds and share of the process's CPU time,
    /// the rest being tantivy's own threads (indexing and merging) and what is not a stage.
    pub fn summary(&self, process_cpu: f64) -> String {
        let stages = self.seconds();
        let measured: f64 = stages.iter().map(|s| s.1).sum();
        let pct = |x: f64| 100.0 * x / process_cpu.max(f64::EPSILON);
        let mut parts: Vec<String> = stages
            .iter()
            .map(|(n, x)| format!("{n} {x:.2} s ({:.1} %)", pct(*x)))
            .collect();
        let rest = (process_cpu - measured).max(0.0);
        parts.push(format!(
            "tantivy threads and rest {rest:.2} s ({:.1} %)",
            pct(rest)
        ));
        format!("profile: CPU {process_cpu:.2} s: {}", parts.join(", "))
    }
}

/// This thread's CPU time in nanoseconds.
fn thread_cpu_ns() -> u64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes only into `t`, a valid timespec
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0;
    if ok {
        t.tv_sec as u64 * 1_000_000_000 + t.tv_nsec as u64
    } else {
        0
    }
}

/// The process's CPU time (user + system, all threads so far) in seconds.
pub fn process_cpu_seconds() -> f64 {
    // SAFETY: getrusage writes only into the zeroed struct it is given
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) } != 0 {
        return 0.0;
    }
    let s = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    s(u.ru_utime) + s(u.ru_stime)
}

/// Laps of one thread's CPU time into a [`Profile`]; does nothing without one.
pub struct Clock<'a> {
    profile: Option<&'a Profile>,
    last: u64,
}

impl<'a> Clock<'a> {
    /// A clock that measures nothing.
    pub fn off() -> Clock<'static> {
        Clock {
            profile: None,
            last: 0,
        }
    }

    /// Starts timing this thread into `profile`, when there is one.
    pub fn start(profile: Option<&'a Profile>) -> Clock<'a> {
        Clock {
            profile,
            last: profile.map_or(0, |_| thread_cpu_ns()),
        }
    }

    /// Adds the CPU time since the last lap to `stage`.
    pub fn lap(&mut self, stage: Stage) {
        if let Some(p) = self.profile {
            let now = thread_cpu_ns();
            p.add(stage, now.saturating_sub(self.last));
            self.last = now;
        }
    }
}

/// Reads and parses one file, as `quorum extract` and the indexer do.
pub fn read_and_parse(path: &Path, source: &str) -> Result<Meeting, ReadError> {
    let bytes = read_file(path)?;
    render(path, &bytes).map(|r| parse_rendering(source, &r))
}

/// Builds or updates the index at `index_dir` from the corpus at `corpus`.
pub fn build(corpus: &Path, index_dir: &Path, opts: &BuildOptions) -> Result<BuildReport> {
    let t0 = Instant::now();
    if !corpus.is_dir() {
        return Err(QuorumError::Usage(format!(
            "corpus folder {} does not exist",
            corpus.display()
        ))
        .into());
    }
    let (index, fields) = open_or_create(index_dir, opts.rebuild)?;
    // take the writer before any work: a second `quorum index` stops here
    let mut writer = writer_for(&index, index_dir, opts)?;
    let previous = reader::payload(&index);
    let mut opts = opts.clone();
    if !previous.themes.is_empty() && previous.themes != opts.themes.hash && !opts.rebuild {
        eprintln!("quorum: the themes file changed since the last run; re-tagging every passage");
        opts.rebuild = true;
    }
    let opts = &opts;
    if opts.rebuild {
        writer
            .delete_all_documents()
            .context("emptying the index")?;
    }
    let profile = crate::config::profile().then(Profile::default);
    let profile = profile.as_ref();
    let cpu0 = process_cpu_seconds();
    let mut walk_clock = Clock::start(profile);
    let (_reader, searcher) = reader::searcher(&index)?;
    let known = if opts.rebuild {
        HashMap::new()
    } else {
        indexed_files(&searcher, &fields)?
    };
    let (files, walk_errors) = corpus_files(corpus);
    walk_clock.lap(Stage::Walk);
    let mut report = BuildReport {
        corpus: Some(crate::index::corpus_record::CorpusRecord::listed(
            corpus, &files,
        )),
        ..Default::default()
    };
    for (p, e) in walk_errors {
        eprintln!("quorum: skipped {}: {e}", p.display());
        report.skipped.push((p.display().to_string(), e));
    }
    let present: std::collections::HashSet<&str> =
        files.iter().map(|f| f.source.as_str()).collect();
    let mut removed: Vec<String> = known
        .keys()
        .filter(|k| !present.contains(String::as_str(k)))
        .cloned()
        .collect();
    removed.sort();
    // files whose size and time are unchanged are taken as they are, without reading
    let candidates: Vec<&FoundFile> = files
        .iter()
        .filter(|f| {
            known
                .get(&f.source)
                .is_none_or(|k| k.size != f.size || k.mtime != f.mtime)
        })
        .collect();
    report.unchanged = files.len() - candidates.len();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads.unwrap_or(0))
        .build()
        .context("starting worker threads")?;
    let bar = progress_bar(
        opts.progress && !candidates.is_empty(),
        candidates.len() as u64,
    );
    for src in &removed {
        writer.delete_term(Term::from_field_text(fields.source, src));
    }
    report.removed = removed.len();
    let mut pending = !removed.is_empty() || opts.rebuild;
    // Extraction runs on the pool while this thread feeds the writer: groups of files
    // are parsed on all cores and sent, in order, through a channel that holds at most
    // PARAMS.in_flight groups. Memory holds a few groups' documents, not a batch's.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Parsed>(PARAMS.in_flight);
    let work = |f: &FoundFile| -> (Result<Vec<TantivyDocument>, ReadError>, String) {
        let mut clock = Clock::start(profile);
        let bytes = match read_file(&f.path) {
            Ok(b) => b,
            Err(e) => return (Err(e), String::new()),
        };
        let hash = blake3::hash(&bytes).to_hex().to_string();
        clock.lap(Stage::Read);
        if known.get(&f.source).is_some_and(|k| {
            stored_hash(&searcher, &fields, k.addr).as_deref() == Some(hash.as_str())
        }) {
            return (Ok(Vec::new()), hash);
        }
        let rendered = render(&f.path, &bytes);
        clock.lap(Stage::Render);
        let docs = rendered.map(|r| {
            let meeting = parse_rendering_timed(&f.source, &r, &mut clock);
            let records = records(&meeting, &opts.themes);
            clock.lap(Stage::Records);
            let docs = documents(&meeting, &records, &fields, &hash, f.size, f.mtime);
            clock.lap(Stage::Documents);
            docs
        });
        (docs, hash)
    };
    let batch = opts.batch.max(1);
    let group = PARAMS.group.min(batch);
    std::thread::scope(|scope| -> Result<()> {
        // dropped on an early return, so that a waiting producer stops
        let rx = rx;
        let producer = scope.spawn(|| {
            let tx = tx;
            pool.install(|| {
                for chunk in candidates.chunks(batch) {
                    let groups = chunk.chunks(group);
                    let last = groups.len() - 1;
                    for (g, files) in groups.enumerate() {
                        let parsed: Vec<_> = files.par_iter().map(|f| work(f)).collect();
                        let end_of_batch = g == last;
                        if tx.send((files, parsed, end_of_batch)).is_err() {
                            return; // the writer stopped on an error
                        }
                    }
                }
            })
        });
        let writer_clock = Clock::start(profile);
        for (files, parsed, end_of_batch) in rx.iter() {
            for (f, (docs, _hash)) in files.iter().zip(parsed) {
                match docs {
                    Ok(docs) if docs.is_empty() => report.unchanged += 1,
                    Ok(docs) => {
                        if known.contains_key(&f.source) {
                            writer.delete_term(Term::from_field_text(fields.source, &f.source));
                            report.updated += 1;
                        } else {
                            report.added += 1;
                        }
                        report.passages += docs.len() - 2; // less the file and meeting records
                        for d in docs {
                            writer.add_document(d)?;
                        }
                        pending = true;
                    }
                    Err(e) => {
                        // an unreadable file that was indexed before keeps no stale passages
                        if known.contains_key(&f.source) {
                            writer.delete_term(Term::from_field_text(fields.source, &f.source));
                            report.removed += 1;
                            pending = true;
                        }
                        if let Some(b) = &bar {
                            b.suspend(|| eprintln!("quorum: skipped {}: {e}", f.path.display()));
                        } else {
                            eprintln!("quorum: skipped {}: {e}", f.path.display());
                        }
                        report
                            .skipped
                            .push((f.path.display().to_string(), e.key().to_string()));
                    }
                }
                if let Some(b) = &bar {
                    b.inc(1);
                }
            }
            if end_of_batch && pending {
                commit(&mut writer, &opts.themes.hash)?;
                pending = false;
            }
        }
        let mut writer_clock = writer_clock;
        writer_clock.lap(Stage::Writer);
        producer
            .join()
            .map_err(|_| anyhow::anyhow!("a parsing thread panicked"))?;
        Ok(())
    })?;
    let mut writer_clock = Clock::start(profile);
    if pending {
        commit(&mut writer, &opts.themes.hash)?;
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    writer
        .wait_merging_threads()
        .context("finishing index merges")?;
    writer_clock.lap(Stage::Writer);
    if let Some(p) = profile {
        eprintln!("quorum: {}", p.summary(process_cpu_seconds() - cpu0));
    }
    report.seconds = t0.elapsed().as_secs_f64();
    Ok(report)
}

fn progress_bar(show: bool, len: u64) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if !show || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(len);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} indexing {pos}/{len} files [{bar:30}] {per_sec} eta {eta}",
        )
        .map(|s| s.progress_chars("=> "))
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.enable_steady_tick(Duration::from_millis(120));
    Some(bar)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_author_is_the_speaker_of_first_person_proposals() {
        let r = crate::ingest::formats::mail::compose(
            "[wg] Next steps",
            Some("Ana Lee"),
            Some("ana at example.org"),
            Some("Thu Aug 9 17:38:34 EDT 2018"),
            "Dear all,\n\nI would suggest that the group publish its notes within a week.\n",
        );
        let m = parse_rendering("x.eml", &r);
        assert_eq!(m.meeting.title, "Next steps");
        assert_eq!(m.meeting.date.as_deref(), Some("2018-08-09"));
        assert!(
            m.speakers.contains(&"Ana Lee".to_string()),
            "{:?}",
            m.speakers
        );
        assert!(
            m.proposals
                .iter()
                .any(|p| p.speaker == "Ana Lee" && p.text.contains("publish its notes")),
            "{:?}",
            m.proposals
        );
    }
}
