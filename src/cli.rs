//! The command line: one clap struct per subcommand, and the entry point that runs one
//! and maps its outcome to an exit code.

use crate::config::{date_arg, default_corpus, default_index};
use crate::error::{is_broken_pipe, status_of, ExitStatus, QuorumError};
use crate::extract::themes::ThemeSet;
use crate::index::writer;
use crate::query::filters::Filters;
use crate::report::{human, json};
use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// quorum: search and question years of meeting records.
///
/// quorum reads summary reports and transcripts of meetings (IGF MAG calls, working
/// groups, any `.txt`, `.md`, `.vtt` or `.srt` record), indexes their passages and
/// answers: where was a topic discussed, who proposed what and when, what was agreed.
///
/// Start with `quorum search "implementation gap"`: it builds the index from `corpus/`
/// the first time.
#[derive(Debug, Parser)]
#[command(name = "quorum", version, about, long_about, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build or update the index from a corpus folder.
    ///
    /// Reads every .txt, .md, .vtt and .srt file under CORPUS (default: corpus/),
    /// recursively and in parallel. Unchanged files are not read again; changed and new
    /// files are re-indexed; deleted files are dropped. A file that cannot be read
    /// (empty, binary, not UTF-8) is reported and skipped.
    ///
    /// Example: quorum index corpus/ --index index/
    #[command(verbatim_doc_comment)]
    Index(IndexArgs),
    /// Print what quorum reads in one document: meeting facts, participants, speakers,
    /// proposals, decisions and events.
    ///
    /// Example: quorum extract corpus/igf/wg-strategy-2026-03-05.txt --json
    #[command(verbatim_doc_comment)]
    Extract(ExtractArgs),
    /// Search passages (paragraphs and turns) for any text, typed or pasted.
    ///
    /// Plain text is read as its words: punctuation is dropped ("IGF's future" is IGF
    /// future, "IGF 2026: outcomes" is IGF 2026 outcomes), a word joined by - or / is a
    /// phrase ("WG-Strategy" is "WG Strategy"), a quote left open is ignored. Paste a
    /// passage of any length: past 40 distinct words, its 40 most telling (rarest in the
    /// index) are searched.
    ///
    /// The query language, for those who use it:
    ///   "terms of reference"   a phrase; "remote hubs"~2 allows 2 words between
    ///   a AND b, a OR b, NOT a operators, in capitals (lower-case and, or are words)
    ///   -word, +word           without, or only with, the word
    ///   (a OR b) AND c         groups
    ///   speaker:Peake          a field: text, section, speaker or body
    /// A query in the language that cannot work (an unknown field, AND with nothing on
    /// one side, unbalanced parentheses among operators) exits 2 with the reason. A
    /// query over 1000 characters is pasted text: its quotes and signs are punctuation.
    /// A query that starts with - goes after --: quorum search -- -x y
    ///
    /// Filters narrow the passages searched. Exit status: 0 with hits, 1 when nothing
    /// matches (as grep; stderr says whether a filter or the query is why), 2 when the
    /// query or an option is refused.
    ///
    /// Examples:
    ///   quorum search "implementation gap"
    ///   quorum search '"terms of reference" AND review' --from 2024-01-01
    ///   quorum search "AI governance" --speaker "Adam Peake" --json
    #[command(verbatim_doc_comment)]
    Search(SearchArgs),
    /// List who proposed what, across all indexed meetings, oldest first.
    ///
    /// Examples:
    ///   quorum proposals --speaker "Flavio Wagner"
    ///   quorum proposals --topic "terms of reference" --json
    #[command(verbatim_doc_comment)]
    Proposals(ProposalsArgs),
    /// How themes rise and fall: meetings and passages per period, who raises them.
    ///
    /// Themes come from a themes file (data/themes.toml by default, --themes for
    /// another): a name and the terms that signal it. With no THEME, all themes ranked by
    /// how much they are discussed, then recurring phrases that no theme covers.
    ///
    /// Examples:
    ///   quorum themes
    ///   quorum themes "AI governance" --by year --json
    ///   quorum themes "WSIS+20" "Global Digital Compact" --by quarter --from 2024-01-01
    #[command(verbatim_doc_comment)]
    Themes(ThemesArgs),
    /// Recurring implementation gaps: the same proposal raised again and again.
    ///
    /// Links proposals across meetings that ask for the same thing in other words, by
    /// other people, years apart; a chain is `addressed` when a later meeting records it
    /// as done ("has been implemented", "is now live"), with the evidence.
    ///
    /// Examples:
    ///   quorum gaps
    ///   quorum gaps --min-meetings 3 --from 2020-01-01 --json
    #[command(verbatim_doc_comment)]
    Gaps(GapsArgs),
    /// Write a self-contained HTML report: theme timelines, top proposers per theme,
    /// links to the passages.
    ///
    /// Example: quorum report --html report.html
    #[command(verbatim_doc_comment)]
    Report(ReportArgs),
    /// Print a shell completion script.
    ///
    /// Examples:
    ///   quorum completions bash > ~/.local/share/bash-completion/completions/quorum
    ///   quorum completions zsh > ~/.zfunc/_quorum
    #[command(verbatim_doc_comment)]
    Completions(CompletionsArgs),
    /// Print the man page (roff).
    ///
    /// Example: quorum man > quorum.1 && man ./quorum.1
    #[command(verbatim_doc_comment)]
    Man,
}

/// `quorum completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Periods for `quorum themes --by`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PeriodArg {
    /// Calendar years.
    Year,
    /// Calendar quarters.
    Quarter,
    /// Each meeting.
    Meeting,
}

/// `quorum themes`.
#[derive(Debug, Args)]
pub struct ThemesArgs {
    /// Themes to report on (names from the themes file); none for all.
    pub themes: Vec<String>,
    /// Count per year, quarter or meeting.
    #[arg(long, value_enum, default_value = "year")]
    pub by: PeriodArg,
    /// Themes file [default: the shipped data/themes.toml].
    #[arg(long = "themes", value_name = "FILE")]
    pub themes_file: Option<PathBuf>,
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub filters: FilterArgs,
}

/// `quorum gaps`.
#[derive(Debug, Args)]
pub struct GapsArgs {
    /// Report chains raised in at least this many meetings (1 lists every proposal, as
    /// a chain of its own when nothing else restates it).
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..))]
    pub min_meetings: u32,
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub filters: FilterArgs,
}

/// `quorum report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Where to write the HTML page.
    #[arg(long)]
    pub html: PathBuf,
    /// Themes file [default: the shipped data/themes.toml].
    #[arg(long = "themes", value_name = "FILE")]
    pub themes_file: Option<PathBuf>,
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
}

/// `quorum index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Folder of meeting documents [default: corpus/].
    pub corpus: Option<PathBuf>,
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Throw the index away and build it anew (after a schema change or damage).
    #[arg(long)]
    pub rebuild: bool,
    /// Threads for parsing and indexing [default: all cores].
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub threads: Option<u16>,
    /// Files parsed and committed per batch: a killed run keeps every finished batch.
    #[arg(long, default_value_t = 2000, value_parser = clap::value_parser!(u32).range(1..))]
    pub batch: u32,
    /// Print the run's figures as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

/// `quorum extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The document to read.
    pub file: PathBuf,
    /// Print JSON (its fields: docs/json.md) instead of a readable summary.
    #[arg(long)]
    pub json: bool,
}

/// Filters shared by the query commands.
#[derive(Debug, Args, Clone)]
pub struct FilterArgs {
    /// Only passages of this person (any spelling: "Chris", "BUCKRIDGE, Chris").
    #[arg(long)]
    pub speaker: Option<String>,
    /// Only meetings of this body (words of its name, e.g. "Working Group on Strategy").
    #[arg(long)]
    pub body: Option<String>,
    /// Only meetings on or after this date (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Only meetings on or before this date (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
}

/// Kinds of record.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    /// Written reports and minutes.
    Summary,
    /// Turn-by-turn records.
    Transcript,
}

/// `quorum search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for.
    pub query: String,
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// How many hits to show.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=10000))]
    pub limit: u32,
    /// Print JSON (its fields: docs/json.md).
    #[arg(long)]
    pub json: bool,
    /// Only summaries or only transcripts.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Only passages about this theme (a name from the themes file).
    #[arg(long)]
    pub theme: Option<String>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub filters: FilterArgs,
}

/// `quorum proposals`.
#[derive(Debug, Args)]
pub struct ProposalsArgs {
    /// Only proposals about this (a query, as for search).
    #[arg(long)]
    pub topic: Option<String>,
    /// Show at most this many (the oldest first); all by default.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: Option<u32>,
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub filters: FilterArgs,
}

impl FilterArgs {
    fn resolve(&self, kind: Option<KindArg>) -> Result<Filters, QuorumError> {
        let f = Filters {
            speaker: self.speaker.clone(),
            body: self.body.clone(),
            kind: kind.map(|k| match k {
                KindArg::Summary => "summary".into(),
                KindArg::Transcript => "transcript".into(),
            }),
            from: date_arg("--from", self.from.as_deref())?,
            to: date_arg("--to", self.to.as_deref())?,
            theme: None,
        };
        crate::cli_ux::warn_reversed_dates(&f);
        Ok(f)
    }
}

/// Parses the arguments, runs the command, and returns the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                ExitStatus::Usage as u8
            } else {
                0
            });
        }
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result =
        dispatch(cli.command, &mut out).and_then(|s| out.flush().map(|_| s).map_err(Into::into));
    match result {
        Ok(s) => ExitCode::from(s as u8),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("quorum: {e:#}");
            ExitCode::from(status_of(&e) as u8)
        }
    }
}

fn dispatch(cmd: Command, out: &mut impl Write) -> Result<ExitStatus> {
    match cmd {
        Command::Index(a) => cmd_index(a, out),
        Command::Extract(a) => cmd_extract(a, out),
        Command::Search(a) => cmd_search(a, out),
        Command::Proposals(a) => cmd_proposals(a, out),
        Command::Themes(a) => cmd_themes(a, out),
        Command::Report(a) => cmd_report(a),
        Command::Gaps(a) => cmd_gaps(a, out),
        Command::Completions(a) => crate::cli_ux::completions(a.shell, out).map(|_| ExitStatus::Success),
        Command::Man => crate::cli_ux::man(out).map(|_| ExitStatus::Success),
    }
}

fn cmd_index(a: IndexArgs, out: &mut impl Write) -> Result<ExitStatus> {
    let corpus = a.corpus.unwrap_or_else(default_corpus);
    let opts = writer::BuildOptions {
        threads: a.threads.map(usize::from),
        rebuild: a.rebuild,
        progress: true,
        batch: a.batch as usize,
        ..Default::default()
    };
    let report = writer::build(&corpus, &a.index, &opts)?;
    crate::cli_ux::remember_corpus(&corpus, &a.index);
    eprintln!("quorum: {}", human::build_summary(&report));
    if a.json {
        json::write(out, &report)?;
    }
    Ok(ExitStatus::Success)
}

fn cmd_extract(a: ExtractArgs, out: &mut impl Write) -> Result<ExitStatus> {
    let bytes = crate::ingest::read::read_file(&a.file).map_err(|e| match e {
        crate::ingest::read::ReadError::Io(m) => {
            anyhow::anyhow!("cannot read {}: {m}", a.file.display())
        }
        other => QuorumError::Usage(format!("{}: {other}", a.file.display())).into(),
    })?;
    let text = crate::ingest::read::decode(&bytes)
        .map_err(|e| QuorumError::Usage(format!("{}: {e}", a.file.display())))?;
    let source = crate::ingest::source::corpus_label(&a.file);
    let meeting = crate::ingest::parse(&source, &text);
    if a.json {
        json::write(out, &meeting)?;
    } else {
        crate::report::extract_human::print(out, &meeting)?;
    }
    Ok(ExitStatus::Success)
}

/// Builds the default index from the default corpus when there is none yet (and only
/// there: see [`crate::cli_ux::ensure_index`]).
fn ensure_index(index: &Path) -> Result<()> {
    crate::cli_ux::ensure_index(index)
}

fn cmd_search(a: SearchArgs, out: &mut impl Write) -> Result<ExitStatus> {
    let mut filters = a.filters.resolve(a.kind)?;
    if let Some(t) = &a.theme {
        let set = ThemeSet::default_set();
        let i = set.find(t).ok_or_else(|| {
            QuorumError::Usage(format!(
                "no theme {t:?}; see `quorum themes` for their names"
            ))
        })?;
        filters.theme = Some(set.themes[i].name.clone());
    }
    crate::query::search::prepare_query(&a.query)?;
    let index = if a.index.as_os_str().is_empty() {
        default_index()
    } else {
        a.index.clone()
    };
    ensure_index(&index)?;
    let stale = crate::cli_ux::StalenessCheck::start(&index);
    let r = crate::query::search::search(&index, &a.query, a.limit as usize, &filters)?;
    if a.json {
        crate::cli_ux::write_json(out, &r, &index)?;
    } else if !r.hits.is_empty() {
        human::search(out, &r, human::colour())?;
    }
    stale.finish();
    if r.hits.is_empty() {
        eprintln!(
            "quorum: {}",
            crate::cli_ux::no_match_reason(&index, &a.query, &filters)
        );
        return Ok(ExitStatus::Failure);
    }
    Ok(ExitStatus::Success)
}

fn cmd_proposals(a: ProposalsArgs, out: &mut impl Write) -> Result<ExitStatus> {
    let filters = a.filters.resolve(None)?;
    ensure_index(&a.index)?;
    let mut rows = crate::query::proposals::proposals(&a.index, a.topic.as_deref(), &filters)?;
    let total = rows.len();
    if let Some(n) = a.limit {
        rows.truncate(n as usize);
    }
    if a.json {
        #[derive(serde::Serialize)]
        struct Out<'a> {
            proposals: &'a [crate::query::proposals::ProposalRow],
            total: usize,
        }
        crate::cli_ux::write_json(out, &Out { proposals: &rows, total }, &a.index)?;
    } else if !rows.is_empty() {
        human::proposals(out, &rows)?;
        if rows.len() < total {
            writeln!(out, "(the oldest {} of {total}; --limit shows more)", rows.len())?;
        }
    }
    if rows.is_empty() {
        eprintln!("quorum: no proposals match");
        return Ok(ExitStatus::Failure);
    }
    Ok(ExitStatus::Success)
}

fn cmd_themes(a: ThemesArgs, out: &mut impl Write) -> Result<ExitStatus> {
    let filters = a.filters.resolve(None)?;
    let set = ThemeSet::load(a.themes_file.as_deref())
        .map_err(|e| QuorumError::Usage(format!("{e:#}")))?;
    ensure_index(&a.index)?;
    let by = match a.by {
        PeriodArg::Year => crate::query::themes::Period::Year,
        PeriodArg::Quarter => crate::query::themes::Period::Quarter,
        PeriodArg::Meeting => crate::query::themes::Period::Meeting,
    };
    let r = crate::query::themes::themes(&a.index, &a.themes, by, &filters, &set)?;
    if a.json {
        crate::cli_ux::write_json(out, &r, &a.index)?;
    } else {
        human::themes(out, &r, !a.themes.is_empty())?;
    }
    Ok(ExitStatus::Success)
}

fn cmd_report(a: ReportArgs) -> Result<ExitStatus> {
    let set = ThemeSet::load(a.themes_file.as_deref())
        .map_err(|e| QuorumError::Usage(format!("{e:#}")))?;
    ensure_index(&a.index)?;
    let html = crate::report::html::render(&a.index, &set)?;
    std::fs::write(&a.html, html).with_context(|| format!("writing {}", a.html.display()))?;
    eprintln!("quorum: wrote {}", a.html.display());
    Ok(ExitStatus::Success)
}

fn cmd_gaps(a: GapsArgs, out: &mut impl Write) -> Result<ExitStatus> {
    let filters = a.filters.resolve(None)?;
    ensure_index(&a.index)?;
    if a.min_meetings == 1 {
        eprintln!("quorum: note: --min-meetings 1 lists every proposal, recurring or not: a gap is one raised in 2 or more meetings (the default)");
    }
    let r = crate::query::gaps::gaps(&a.index, a.min_meetings as usize, &filters)?;
    if a.json {
        crate::cli_ux::write_json(out, &r, &a.index)?;
    } else {
        human::gaps(out, &r)?;
    }
    Ok(ExitStatus::Success)
}
