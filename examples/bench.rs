//! Helpers for `benches/run.sh`: the plain tantivy baseline, in-process search latency,
//! and the mixed query set.
//!
//!     cargo run --release --example bench -- baseline CORPUS INDEX_DIR [THREADS]
//!     cargo run --release --example bench -- queries CORPUS N > queries.jsonl
//!     cargo run --release --example bench -- latency INDEX_DIR queries.jsonl
//!     cargo run --release --example bench -- stages CORPUS INDEX_DIR [THREADS]
//!     cargo run --release --example bench -- docs CORPUS DOCS.jsonl
//!     cargo run --release --example bench -- same-schema DOCS.jsonl INDEX_DIR [THREADS]
//!     cargo run --release --example bench -- index CORPUS INDEX_DIR MEMORY_MB
//!     cargo run --release --example bench -- corpus-record CORPUS INDEX_DIR
//!     cargo run --release --example bench -- merge INDEX_DIR

use quorum::query::filters::Filters;
use quorum::query::search::{search_with, Ranking, Searchable};
use rayon::prelude::*;
use std::io::{BufRead, Write};
use std::path::Path;
use std::time::Instant;
use tantivy::schema::{Schema, TEXT};
use tantivy::{doc, Index, IndexWriter};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("baseline") => baseline(Path::new(&args[1]), Path::new(&args[2]), args.get(3).and_then(|t| t.parse().ok()).unwrap_or(2)),
        Some("queries") => queries(Path::new(&args[1]), args[2].parse()?),
        Some("latency") => latency(Path::new(&args[1]), Path::new(&args[2])),
        Some("stages") => stages(Path::new(&args[1]), Path::new(&args[2]), args.get(3).and_then(|t| t.parse().ok()).unwrap_or(2)),
        Some("docs") => write_docs(Path::new(&args[1]), Path::new(&args[2])),
        Some("same-schema") => same_schema(Path::new(&args[1]), Path::new(&args[2]), args.get(3).and_then(|t| t.parse().ok())),
        Some("index") => index_with_budget(Path::new(&args[1]), Path::new(&args[2]), args[3].parse()?),
        // the corpus record `quorum index` writes, for an index built by an older quorum
        // (or a copy of one): what a search's staleness check reads
        Some("corpus-record") => Ok(quorum::index::corpus_record::CorpusRecord::of(Path::new(&args[1])).save(Path::new(&args[2]))?),
        Some("merge") => merge(Path::new(&args[1])),
        _ => anyhow::bail!("usage: bench baseline CORPUS INDEX [THREADS] | queries CORPUS N | latency INDEX QUERIES | stages CORPUS INDEX [THREADS] | docs CORPUS DOCS | same-schema DOCS INDEX [THREADS] | index CORPUS INDEX MEMORY_MB | corpus-record CORPUS INDEX | merge INDEX"),
    }
}

/// Merges every segment of an index into one: what a search costs on one segment.
fn merge(dir: &Path) -> anyhow::Result<()> {
    let t0 = Instant::now();
    let index = Index::open_in_dir(dir)?;
    let mut writer: IndexWriter = index.writer_with_num_threads(1, 200_000_000)?;
    let ids = index.searchable_segment_ids()?;
    let before = ids.len();
    if before > 1 {
        writer.merge(&ids).wait()?;
    }
    writer.garbage_collect_files().wait()?;
    writer.wait_merging_threads()?;
    println!(
        "{{\"seconds\": {:.3}, \"segments_before\": {before}}}",
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The same passage texts (blank-line blocks of every file) in one text field with the
/// default tokenizer, nothing extracted, nothing stored: what plain tantivy costs.
fn baseline(corpus: &Path, dir: &Path, threads: usize) -> anyhow::Result<()> {
    let t0 = Instant::now();
    let mut sb = Schema::builder();
    let body = sb.add_text_field("body", TEXT);
    let schema = sb.build();
    std::fs::create_dir_all(dir)?;
    let index = Index::create_in_dir(dir, schema)?;
    let writer: IndexWriter = index.writer_with_num_threads(threads, 200_000_000)?;
    let (files, _) = quorum::ingest::walk::corpus_files(corpus);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    let mut passages = 0usize;
    for chunk in files.chunks(2000) {
        let texts: Vec<Vec<String>> = pool.install(|| {
            chunk
                .par_iter()
                .map(|f| {
                    let text = std::fs::read_to_string(&f.path).unwrap_or_default();
                    text.split("\n\n")
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .collect()
        });
        for t in texts.into_iter().flatten() {
            writer.add_document(doc!(body => t))?;
            passages += 1;
        }
    }
    let mut writer = writer;
    writer.commit()?;
    writer.wait_merging_threads()?;
    println!(
        "{{\"seconds\": {:.3}, \"passages\": {passages}}}",
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

/// 200 mixed queries from the corpus's own words: terms, two-term queries, phrases, and
/// each kind with a filter (date range, kind, speaker).
fn queries(corpus: &Path, n: usize) -> anyhow::Result<()> {
    let (files, _) = quorum::ingest::walk::corpus_files(corpus);
    let mut rng = fastrand::Rng::with_seed(3);
    let mut out = std::io::stdout().lock();
    let mut made = 0;
    while made < n {
        let f = &files[rng.usize(..files.len())];
        let text = std::fs::read_to_string(&f.path)?;
        let words: Vec<&str> = text
            .split_whitespace()
            .filter(|w| w.len() > 4 && w.chars().all(char::is_alphabetic))
            .collect();
        if words.len() < 10 {
            continue;
        }
        let i = rng.usize(..words.len() - 2);
        let (a, b) = (words[i].to_lowercase(), words[i + 1].to_lowercase());
        let (query, terms): (String, Vec<String>) = match made % 4 {
            0 => (a.clone(), vec![a]),
            1 => (
                format!("{a} {}", words[rng.usize(..words.len())].to_lowercase()),
                vec![a],
            ),
            2 => (format!("\"{a} {b}\""), vec![format!("{a} {b}")]),
            // the operator stays upper-case: "and" would be one more word to find
            _ => (format!("{a} AND {b}"), vec![a, b]),
        };
        let filter = match made % 5 {
            0 => serde_json::json!({"from": "2012-01-01", "to": "2018-12-31"}),
            1 => serde_json::json!({"kind": "transcript"}),
            _ => serde_json::json!({}),
        };
        writeln!(
            out,
            "{}",
            serde_json::json!({"query": query, "terms": terms, "filters": filter})
        )?;
        made += 1;
    }
    Ok(())
}

/// Search inside the process: index open once, then parse, collect top 10, make snippets.
fn latency(dir: &Path, queries: &Path) -> anyhow::Result<()> {
    let open = Searchable::open_for_many(dir)?;
    let ranking = Ranking::from_env();
    let mut times = Vec::new();
    let mut hits = 0usize;
    // LATENCY_EACH=1: each query's time, match count and query on stderr, to find the slow kinds
    let each = std::env::var_os("LATENCY_EACH").is_some();
    for line in std::io::BufReader::new(std::fs::File::open(queries)?).lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let fl = &v["filters"];
        let filters = Filters {
            kind: fl["kind"].as_str().map(str::to_string),
            from: fl["from"]
                .as_str()
                .and_then(quorum::extract::dates::parse_iso),
            to: fl["to"]
                .as_str()
                .and_then(quorum::extract::dates::parse_iso),
            ..Default::default()
        };
        let t = Instant::now();
        let r = search_with(&open, v["query"].as_str().unwrap(), 10, &filters, &ranking)?;
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        if each {
            eprintln!("{ms:.3}\t{}\t{v}", r.total);
        }
        times.push(ms);
        hits += r.hits.len();
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "{{\"queries\": {}, \"p50_ms\": {:.3}, \"p99_ms\": {:.3}, \"hits\": {hits}}}",
        times.len(),
        pct(0.5),
        pct(0.99)
    );
    Ok(())
}

/// Where `quorum index` spends its time, one stage after the other on all threads: reading
/// and extraction, building the index documents, then tantivy alone indexing those
/// documents into quorum's schema (one commit). `DROP=field,...` leaves fields out of the
/// documents, to see what each costs tantivy. Holds every document in memory: for corpora
/// of a few thousand meetings.
fn stages(corpus: &Path, dir: &Path, threads: usize) -> anyhow::Result<()> {
    use quorum::index::{passages::documents, schema, writer::open_or_create};
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    let (files, _) = quorum::ingest::walk::corpus_files(corpus);
    let t = Instant::now();
    let meetings: Vec<_> = pool.install(|| {
        files
            .par_iter()
            .filter_map(|f| {
                let bytes = quorum::ingest::read::read_file(&f.path).ok()?;
                let text = quorum::ingest::read::decode(&bytes).ok()?;
                Some(quorum::pipeline::parse(&f.source, &text))
            })
            .collect()
    });
    let extract_s = t.elapsed().as_secs_f64();
    let themes = quorum::extract::themes::ThemeSet::default_set();
    let (_, fields) = schema::build();
    let t = Instant::now();
    let docs: Vec<Vec<tantivy::TantivyDocument>> = pool.install(|| {
        meetings
            .par_iter()
            .map(|m| {
                let r = quorum::extract::passages::records(m, &themes);
                documents(m, &r, &fields, "0", 0, 0)
            })
            .collect()
    });
    let documents_s = t.elapsed().as_secs_f64();
    std::fs::create_dir_all(dir)?;
    let (index, _) = open_or_create(dir, true)?;
    let drop = std::env::var("DROP")
        .unwrap_or_default()
        .split(',')
        .filter(|x| !x.is_empty())
        .map(|name| index.schema().get_field(name))
        .collect::<Result<Vec<_>, _>>()?;
    let t = Instant::now();
    let mut writer: IndexWriter = index.writer_with_num_threads(threads, 200_000_000)?;
    let mut n = 0usize;
    for d in docs.into_iter().flatten() {
        let d = if drop.is_empty() {
            d
        } else {
            let mut kept = tantivy::TantivyDocument::default();
            for (field, v) in d.field_values().filter(|(field, _)| !drop.contains(field)) {
                kept.add_field_value(field, v);
            }
            kept
        };
        writer.add_document(d)?;
        n += 1;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    let tantivy_s = t.elapsed().as_secs_f64();
    println!("{{\"extract_s\": {extract_s:.3}, \"documents_s\": {documents_s:.3}, \"tantivy_s\": {tantivy_s:.3}, \"documents\": {n}}}");
    Ok(())
}

/// quorum's finished index documents, every one that `quorum index` would add (the same
/// reading, extraction and document building, file by file in the corpus's order), as
/// tantivy JSON lines: the input of [`same_schema`], written once.
fn write_docs(corpus: &Path, out: &Path) -> anyhow::Result<()> {
    use quorum::index::{passages::documents, schema};
    use tantivy::Document;
    let themes = quorum::extract::themes::ThemeSet::default_set();
    let (schema, fields) = schema::build();
    let (files, _) = quorum::ingest::walk::corpus_files(corpus);
    let mut w = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(out)?);
    let mut n = 0usize;
    for chunk in files.chunks(256) {
        let lines: Vec<String> = chunk
            .par_iter()
            .filter_map(|f| {
                let bytes = quorum::ingest::read::read_file(&f.path).ok()?;
                let hash = blake3::hash(&bytes).to_hex().to_string();
                let r = quorum::ingest::formats::render(&f.path, &bytes).ok()?;
                let m = quorum::pipeline::parse_rendering(&f.source, &r);
                let recs = quorum::extract::passages::records(&m, &themes);
                let docs = documents(&m, &recs, &fields, &hash, f.size, f.mtime);
                let mut s = String::new();
                for d in docs {
                    s.push_str(&d.to_json(&schema));
                    s.push('\n');
                }
                Some(s)
            })
            .collect();
        for l in lines {
            n += l.matches('\n').count();
            w.write_all(l.as_bytes())?;
        }
    }
    w.flush()?;
    println!("{{\"documents\": {n}}}");
    Ok(())
}

/// The same-schema baseline of issue #25: tantivy alone indexing quorum's finished
/// documents (its schema, analyzers, stored fields, positions, zstd store, writer threads
/// and memory budget, a commit per 2,000 files) read from the file [`write_docs`] wrote.
/// One thread reads and parses the JSON lines while tantivy's threads index.
fn same_schema(docs: &Path, dir: &Path, threads: Option<usize>) -> anyhow::Result<()> {
    use quorum::index::writer::{commit, open_or_create, writer_for, BuildOptions};
    let t0 = Instant::now();
    std::fs::create_dir_all(dir)?;
    let (index, _) = open_or_create(dir, true)?;
    let opts = BuildOptions {
        threads,
        ..Default::default()
    };
    let mut writer = writer_for(&index, dir, &opts)?;
    let schema = index.schema();
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<tantivy::TantivyDocument>>(4);
    let path = docs.to_path_buf();
    let reader = std::thread::spawn(move || -> anyhow::Result<()> {
        let mut group = Vec::with_capacity(1024);
        for line in std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(path)?).lines() {
            group.push(tantivy::TantivyDocument::parse_json(&schema, &line?)?);
            if group.len() == 1024 {
                tx.send(std::mem::take(&mut group))?;
            }
        }
        tx.send(group)?;
        Ok(())
    });
    let (mut n, mut files) = (0usize, 0usize);
    let record = index.schema().get_field("record")?;
    for group in rx {
        for d in group {
            use tantivy::schema::Value;
            let is_file = d.get_first(record).and_then(|v| v.as_str()) == Some("file");
            writer.add_document(d)?;
            n += 1;
            if is_file {
                files += 1;
                if files % 2000 == 0 {
                    commit(&mut writer, "")?;
                }
            }
        }
    }
    reader
        .join()
        .map_err(|_| anyhow::anyhow!("reader panicked"))??;
    commit(&mut writer, "")?;
    writer.wait_merging_threads()?;
    println!(
        "{{\"seconds\": {:.3}, \"documents\": {n}, \"files\": {files}}}",
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `quorum index --rebuild` with another memory budget for tantivy's writer, to choose it.
fn index_with_budget(corpus: &Path, dir: &Path, memory_mb: usize) -> anyhow::Result<()> {
    let opts = quorum::index::writer::BuildOptions {
        memory: memory_mb * 1_000_000,
        rebuild: true,
        ..Default::default()
    };
    let r = quorum::pipeline::build(corpus, dir, &opts)?;
    println!(
        "{{\"seconds\": {:.3}, \"passages\": {}}}",
        r.seconds, r.passages
    );
    Ok(())
}
