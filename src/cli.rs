//! The command line as clap reads it: one args struct per subcommand, and nothing else.
//! What each subcommand does is in [`crate::commands`].

use crate::config::{DEFAULT_INDEX, ENVIRONMENT};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// quorum: search and question years of meeting records.
///
/// quorum reads summary reports and transcripts of meetings (IGF MAG calls, working
/// groups, any `.txt`, `.md`, `.vtt` or `.srt` record), indexes their passages and
/// answers: where was a topic discussed, who proposed what and when, what was agreed.
///
/// Start with `quorum search "implementation gap"`: it builds the index from `corpus/`
/// the first time.
#[derive(Debug, Parser)]
#[command(
    name = "quorum",
    version,
    about,
    long_about,
    after_long_help = ENVIRONMENT,
    propagate_version = true
)]
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
    /// Reads every .txt, .md, .vtt, .srt, .html, .htm, .pdf, .docx and .eml file under
    /// CORPUS (default: corpus/), recursively and in parallel. Unchanged files are not
    /// read again; changed and new files are re-indexed; deleted files are dropped. A
    /// file that is not read (unsupported format, empty, binary, not UTF-8, a PDF with
    /// no text layer, a damaged file) is named on stderr with its reason and skipped.
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
    /// Print the lines around FILE:LINE as quorum reads the file (the text of a web
    /// page, PDF, Word file or mail message), the line itself marked with `>`.
    ///
    /// Example: quorum show corpus/igf/meeting.pdf:12
    #[command(verbatim_doc_comment)]
    Show(ShowArgs),
    /// Serve pages and a JSON API over the index in a browser, on this machine only
    /// unless --addr says otherwise. Read-only; reloads the index when `quorum index`
    /// commits.
    ///
    /// Example: quorum serve --index index/ --addr 127.0.0.1:8080
    #[command(verbatim_doc_comment)]
    Serve(crate::serve::ServeArgs),
    /// Write the index's passages, proposals, decisions, events and gap chains as files
    /// that Quickwit or OpenSearch load with their own tools.
    ///
    /// Examples:
    ///   quorum export --to quickwit --out export-quickwit
    ///   quorum export --to opensearch --incremental
    ///   quorum export --to opensearch --since 2025-01-01
    #[command(verbatim_doc_comment)]
    Export(crate::export::ExportArgs),
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
    #[arg(long, default_value = DEFAULT_INDEX)]
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
    #[arg(long, default_value = DEFAULT_INDEX)]
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
    #[arg(long, default_value = DEFAULT_INDEX)]
    pub index: PathBuf,
}

/// `quorum index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Folder of meeting documents [default: corpus/].
    pub corpus: Option<PathBuf>,
    /// Index folder.
    #[arg(long, default_value = DEFAULT_INDEX)]
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
    #[arg(long, default_value = DEFAULT_INDEX)]
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
    #[arg(long, default_value = DEFAULT_INDEX)]
    pub index: PathBuf,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub filters: FilterArgs,
}

/// `quorum show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// FILE:LINE, as a search hit gives it.
    pub at: String,
    /// Lines to show before and after.
    #[arg(long, default_value_t = 3)]
    pub context: usize,
}
