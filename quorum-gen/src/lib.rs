//! A synthetic corpus of meeting records for benchmarks and for the evaluation of
//! recurring gaps: years of summary reports and captioning transcripts, deterministic
//! from a seed, with planted proposals that recur in other words, one-off distractors,
//! and some recurring proposals later recorded as carried out. The ground truth is
//! written beside the documents (`<corpus>-truth.json`).
//!
//! A crate of its own so that users of the `quorum` library do not compile it:
//! [`corpus`] plans the recurring proposals and writes the files, [`meeting`] writes one
//! meeting's text, [`prose`] the everyday sentences around its proposals, [`words`] holds
//! the names, topics and phrasings they draw from.

use serde::Serialize;

pub mod corpus;
pub mod meeting;
pub mod prose;
pub mod words;

pub use corpus::generate;

/// What to generate.
#[derive(Debug, Clone)]
pub struct SynthOptions {
    /// Number of meeting documents.
    pub meetings: usize,
    /// Seed: the same seed gives the same corpus.
    pub seed: u64,
    /// First year of the corpus.
    pub start_year: i32,
    /// Years the meetings spread over.
    pub years: i32,
    /// Words per document, at least and at most.
    pub words: (usize, usize),
    /// Recurring proposals to plant (default: one per 20 meetings, at least 5).
    pub chains: Option<usize>,
}

impl Default for SynthOptions {
    fn default() -> Self {
        SynthOptions {
            meetings: 100,
            seed: 1,
            start_year: 2006,
            years: 20,
            words: (500, 5000),
            chains: None,
        }
    }
}

/// One planted recurring proposal, as the ground truth knows it.
#[derive(Debug, Clone, Serialize)]
pub struct TruthChain {
    /// Stable id.
    pub id: usize,
    /// The action in plain words.
    pub label: String,
    /// `open`, or `addressed` when a later meeting records it as done.
    pub status: String,
    /// Where it was raised.
    pub occurrences: Vec<TruthOccurrence>,
    /// The document that records it as done.
    pub addressed_in: Option<String>,
}

/// One raising of a planted proposal.
#[derive(Debug, Clone, Serialize)]
pub struct TruthOccurrence {
    /// File, relative to the corpus folder's parent.
    pub source: String,
    /// Meeting date.
    pub date: String,
    /// Who raised it.
    pub speaker: String,
    /// The wording used.
    pub text: String,
}

/// The ground truth of a generated corpus.
#[derive(Debug, Clone, Serialize)]
pub struct Truth {
    /// Seed used.
    pub seed: u64,
    /// Documents written.
    pub meetings: usize,
    /// Planted recurring proposals.
    pub chains: Vec<TruthChain>,
}
