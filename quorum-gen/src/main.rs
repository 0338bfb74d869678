//! `quorum-gen`: writes a synthetic corpus of meeting records for benchmarks and the
//! evaluation of recurring gaps.
//!
//!     quorum-gen OUT_DIR --meetings 50000 --seed 1
//!
//! Writes `OUT_DIR/<year>/<date>-<body>-<n>.txt` and `OUT_DIR-truth.json` (the planted
//! recurring proposals and which of them were later carried out).

use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

/// Write a synthetic corpus of meeting records (deterministic from --seed).
#[derive(Debug, Parser)]
#[command(name = "quorum-gen", version)]
struct Args {
    /// Folder to write the corpus to.
    out: PathBuf,
    /// Number of meeting documents.
    #[arg(long, default_value_t = 1000)]
    meetings: usize,
    /// Seed: the same seed gives the same corpus.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// First year.
    #[arg(long, default_value_t = 2006)]
    start_year: i32,
    /// Years the meetings spread over.
    #[arg(long, default_value_t = 20)]
    years: i32,
    /// Smallest document, in words.
    #[arg(long, default_value_t = 500)]
    min_words: usize,
    /// Largest document, in words.
    #[arg(long, default_value_t = 5000)]
    max_words: usize,
    /// Recurring proposals to plant [default: one per 20 meetings].
    #[arg(long)]
    chains: Option<usize>,
}

fn main() -> ExitCode {
    let a = Args::parse();
    let opts = quorum_gen::SynthOptions {
        meetings: a.meetings,
        seed: a.seed,
        start_year: a.start_year,
        years: a.years,
        words: (a.min_words, a.max_words.max(a.min_words)),
        chains: a.chains,
    };
    let t0 = std::time::Instant::now();
    match quorum_gen::generate(&a.out, &opts) {
        Ok(t) => {
            eprintln!(
                "quorum-gen: {} meetings, {} recurring proposals planted, in {:.1}s",
                t.meetings,
                t.chains.len(),
                t0.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("quorum-gen: {e:#}");
            ExitCode::FAILURE
        }
    }
}
