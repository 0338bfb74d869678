//! Per-stage throughput of the pipeline on generated meetings, in bytes of text per
//! second (divan prints MB/s): decoding, layout, sentence segmentation, parsing with all
//! extraction, and building the index documents. The end-to-end figures, against plain
//! tantivy and ripgrep, are `benches/run.py`'s.
//!
//!     cargo bench --bench stages        (from the repository root)

use divan::counter::BytesCount;
use divan::Bencher;
use quorum::extract::themes::ThemeSet;
use std::sync::OnceLock;

fn main() {
    divan::main();
}

/// 200 generated meetings (summaries and transcripts), as (source, text).
fn corpus() -> &'static [(String, String)] {
    static C: OnceLock<Vec<(String, String)>> = OnceLock::new();
    C.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let opts = quorum_gen::SynthOptions {
            meetings: 200,
            seed: 9,
            ..Default::default()
        };
        quorum_gen::generate(&dir.path().join("corpus"), &opts).expect("generate");
        let (files, _) = quorum::ingest::walk::corpus_files(&dir.path().join("corpus"));
        files
            .iter()
            .map(|f| {
                (
                    f.source.clone(),
                    std::fs::read_to_string(&f.path).expect("read"),
                )
            })
            .collect()
    })
}

fn bytes() -> BytesCount {
    BytesCount::new(corpus().iter().map(|(_, t)| t.len()).sum::<usize>())
}

#[divan::bench]
fn decode(b: Bencher) {
    b.counter(bytes()).bench(|| {
        corpus()
            .iter()
            .map(|(_, t)| quorum::ingest::read::decode(t.as_bytes()).map_or(0, |s| s.len()))
            .sum::<usize>()
    });
}

#[divan::bench]
fn layout(b: Bencher) {
    b.counter(bytes()).bench(|| {
        corpus()
            .iter()
            .map(|(_, t)| {
                let doc = quorum::ingest::lines::Layout::new(t);
                let _ = quorum::ingest::detect(&doc);
                quorum::ingest::summary::layout(&doc, &mut Vec::new()).len()
            })
            .sum::<usize>()
    });
}

#[divan::bench]
fn segment(b: Bencher) {
    b.counter(bytes()).bench(|| {
        corpus()
            .iter()
            .flat_map(|(_, t)| t.split("\n\n"))
            .map(|p| quorum::text::sentences(p).len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn parse_and_extract(b: Bencher) {
    b.counter(bytes()).bench(|| {
        corpus()
            .iter()
            .map(|(s, t)| quorum::pipeline::parse(s, t).proposals.len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn index_documents(b: Bencher) {
    let (_, fields) = quorum::index::schema::build();
    let themes = ThemeSet::default_set();
    let meetings: Vec<_> = corpus()
        .iter()
        .map(|(s, t)| quorum::pipeline::parse(s, t))
        .collect();
    b.counter(bytes()).bench(|| {
        meetings
            .iter()
            .map(|m| {
                let r = quorum::extract::passages::records(m, &themes);
                quorum::index::passages::documents(m, &r, &fields, "h", 1, 1).len()
            })
            .sum::<usize>()
    });
}
