//! What each subcommand does: [`crate::cli`] parses the command line, then one file here
//! per subcommand resolves its arguments into a settings struct, calls the library and
//! hands the result to a printer of [`crate::report`]. This file holds what they share:
//! the entry point and exit codes, filters, dates, and building the default index.

pub mod extract;
pub mod gaps;
pub mod index;
pub mod proposals;
pub mod report;
pub mod search;
pub mod show;
pub mod themes;
pub mod ux;

pub use crate::query::filters::date_arg;

use crate::cli::{Cli, Command, FilterArgs, KindArg};
use crate::config::{colour_stdout, columns};
use crate::error::{is_broken_pipe, status_of, ExitStatus, QuorumError};
use crate::extract::themes::ThemeSet;
use crate::query::filters::Filters;
use anyhow::Result;
use clap::Parser;
use std::ffi::OsString;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

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

/// Runs one parsed command, writing its output to `out`.
pub fn dispatch(cmd: Command, out: &mut impl Write) -> Result<ExitStatus> {
    match cmd {
        Command::Index(a) => index::run(a, out),
        Command::Extract(a) => extract::run(a, out),
        Command::Search(a) => search::run(a, out),
        Command::Proposals(a) => proposals::run(a, out),
        Command::Themes(a) => themes::run(a, out),
        Command::Report(a) => report::run(a),
        Command::Show(a) => show::run(a, out),
        Command::Serve(a) => crate::serve::run(a).map(|()| ExitStatus::Success),
        Command::Export(a) => crate::export::run(a, out),
        Command::Completions(a) => ux::completions(a.shell, out).map(|_| ExitStatus::Success),
        Command::Man => ux::man(out).map(|_| ExitStatus::Success),
        Command::Gaps(a) => gaps::run(a, out),
    }
}

/// How a query command prints its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// One line of JSON.
    Json,
    /// For people: ANSI colour or not, tables fitted to `width` characters.
    Human {
        /// Whether to colour matches.
        colour: bool,
        /// Width of tables.
        width: u16,
    },
}

impl Output {
    /// `--json`, or for people as the terminal and the environment say.
    pub fn resolve(json: bool) -> Output {
        if json {
            Output::Json
        } else {
            Output::Human {
                colour: colour_stdout(),
                width: columns(),
            }
        }
    }
}

/// The filters of a query command: `--from`/`--to` checked, `--kind` as the index names it.
pub fn filters(a: &FilterArgs, kind: Option<KindArg>) -> Result<Filters, QuorumError> {
    let f = Filters {
        speaker: a.speaker.clone(),
        body: a.body.clone(),
        kind: kind.map(|k| match k {
            KindArg::Summary => "summary".into(),
            KindArg::Transcript => "transcript".into(),
        }),
        from: date_arg("--from", a.from.as_deref())?,
        to: date_arg("--to", a.to.as_deref())?,
        theme: None,
    };
    ux::warn_reversed_dates(&f);
    Ok(f)
}

/// The themes of `--themes FILE`, or the shipped ones; a bad file is a usage error.
pub fn theme_set(file: Option<&Path>) -> Result<ThemeSet, QuorumError> {
    ThemeSet::load(file).map_err(|e| QuorumError::Usage(format!("{e:#}")))
}

/// Builds the default index from the default corpus when there is none yet, and only
/// there (see [`ux::ensure_index`]).
pub fn ensure_index(index: &Path) -> Result<()> {
    ux::ensure_index(index)
}

/// Says on stderr how many undated meetings a date filter left out.
pub(crate) fn note_undated(index: &std::path::Path, filters: &crate::query::filters::Filters) {
    if let Some(n) = crate::query::undated::note(index, filters) {
        eprintln!("quorum: {n}");
    }
}
