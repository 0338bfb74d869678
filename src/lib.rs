//! quorum turns years of meeting records into something people can question.
//!
//! The pipeline reads a corpus of summary reports and transcripts ([`ingest`]), parses each
//! into a [`model::Meeting`], extracts who said and proposed what ([`extract`]), indexes the
//! passages in tantivy ([`index`]) and answers queries over them ([`query`]), which
//! [`report`] renders for people or as JSON.
#![warn(missing_docs)]

pub mod bodies;
pub mod cli;
pub mod commands;
pub mod config;
pub mod error;
pub mod export;
pub mod extract;
pub mod hash;
pub mod index;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod pipeline;
pub mod query;
pub mod report;
pub mod serve;
pub mod text;
