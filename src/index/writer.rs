//! Writing the index: opening or creating it, the file records of the last commit, and
//! commits with quorum's payload. The documents come from [`crate::pipeline`].
//!
//! Every indexed file has a record in the index itself with its size, modification time
//! and content hash, committed atomically with its passages. A re-run compares the
//! corpus with those records: unchanged files are not read again (same size and time),
//! or not re-indexed (same hash); changed files are deleted and re-added, removed files
//! deleted. Work is committed in batches, so a killed run leaves the last commit
//! readable and the next run carries on from it.

use super::reader::{self, Payload};
use super::schema::{self, field, record, Fields, SCHEMA_VERSION};
use crate::error::QuorumError;
use anyhow::{Context, Result};
use std::collections::HashMap;
use std::path::Path;
use tantivy::collector::DocSetCollector;
use tantivy::schema::Value;
use tantivy::{Index, IndexWriter, TantivyDocument};

/// How to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Threads for parsing and for tantivy's writer; `None` uses all cores.
    pub threads: Option<usize>,
    /// Memory budget of tantivy's writer, in bytes.
    pub memory: usize,
    /// Throw the index away and build it anew.
    pub rebuild: bool,
    /// Show a progress bar (on a terminal).
    pub progress: bool,
    /// Files parsed and added per commit.
    pub batch: usize,
    /// Themes to tag passages with.
    pub themes: std::sync::Arc<crate::extract::themes::ThemeSet>,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            threads: None,
            memory: 200_000_000,
            rebuild: false,
            progress: false,
            batch: 2000,
            themes: std::sync::Arc::new(crate::extract::themes::ThemeSet::default_set()),
        }
    }
}

/// What a build did.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct BuildReport {
    /// Files indexed for the first time.
    pub added: usize,
    /// Files whose content changed.
    pub updated: usize,
    /// Files gone from the corpus.
    pub removed: usize,
    /// Files already indexed as they are.
    pub unchanged: usize,
    /// Files that could not be read, with the reason.
    pub skipped: Vec<(String, String)>,
    /// Index documents written (passages, proposals, decisions).
    pub passages: usize,
    /// Wall time.
    pub seconds: f64,
    /// The corpus as this run listed it, for the index folder (not part of the JSON).
    #[serde(skip)]
    pub corpus: Option<super::corpus_record::CorpusRecord>,
}

impl BuildReport {
    /// Whether the run changed the index.
    pub fn did_work(&self) -> bool {
        self.added + self.updated + self.removed > 0
    }
}

#[derive(Debug, Clone)]
/// What the last commit recorded of one file.
pub struct FileState {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, seconds.
    pub mtime: u64,
    /// Where the record is: its content hash is read only when size or time differ.
    pub addr: tantivy::DocAddress,
}

/// Opens the index at `dir`, creating it when vacant.
/// With `rebuild`, an index quorum can open is kept and emptied under its writer lock
/// (see [`build`]); one it cannot open (damaged, foreign, older schema) is removed.
pub fn open_or_create(dir: &Path, rebuild: bool) -> Result<(Index, Fields)> {
    if reader::exists(dir) {
        match reader::open(dir) {
            Ok(opened) => return Ok(opened),
            Err(e) if !rebuild => return Err(e),
            Err(_) => remove_index_files(dir)?,
        }
    } else if rebuild && dir.exists() {
        remove_index_files(dir)?;
    }
    if !reader::is_vacant(dir) {
        return Err(QuorumError::BadIndex(format!(
            "{} holds files that are not a quorum index; choose another --index folder, or use `quorum index --rebuild --index {}` to replace them",
            dir.display(),
            dir.display()
        ))
        .into());
    }
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let (schema, fields) = schema::build();
    // zstd for stored passages: on prose with a real vocabulary lz4 kept 53 % of the
    // text and the index outgrew the corpus; zstd keeps 37 %, and search reads only the
    // few blocks of the hits it shows (benches/RESULTS.md)
    let settings = tantivy::IndexSettings {
        docstore_compression: tantivy::store::Compressor::Zstd(tantivy::store::ZstdCompressor {
            compression_level: None,
        }),
        ..Default::default()
    };
    let index = Index::builder()
        .schema(schema)
        .settings(settings)
        .create_in_dir(dir)
        .with_context(|| format!("creating an index in {}", dir.display()))?;
    schema::register(&index);
    Ok((index, fields))
}

/// Deletes everything in an index folder but our own files.
fn remove_index_files(dir: &Path) -> Result<()> {
    for e in std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .flatten()
    {
        let name = e.file_name();
        let n = name.to_string_lossy();
        if reader::OWN_FILES.contains(&n.as_ref())
            || n.starts_with(".tantivy-") && n.ends_with(".lock")
        {
            continue;
        }
        let p = e.path();
        if p.is_dir() {
            std::fs::remove_dir_all(&p)
        } else {
            std::fs::remove_file(&p)
        }
        .with_context(|| format!("removing {}", p.display()))?;
    }
    Ok(())
}

/// Takes the index writer: a second `quorum index` on one index stops here.
pub fn writer_for(index: &Index, dir: &Path, opts: &BuildOptions) -> Result<IndexWriter> {
    let threads = opts
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
        .clamp(1, 8);
    let memory = opts.memory.max(threads * 20_000_000);
    match index.writer_with_num_threads::<TantivyDocument>(threads, memory) {
        Ok(w) => Ok(w),
        Err(tantivy::TantivyError::LockFailure(..)) => {
            Err(QuorumError::Busy(dir.display().to_string()).into())
        }
        Err(e) => Err(e).context("opening the index writer"),
    }
}

/// The file records of the last commit: source → state, from fast fields (reading
/// 50,000 stored records took a second; the columns take a fraction of that).
pub fn indexed_files(
    searcher: &tantivy::Searcher,
    f: &Fields,
) -> Result<HashMap<String, FileState>> {
    let docs = searcher.search(&*f.records(record::FILE), &DocSetCollector)?;
    let mut by_segment: HashMap<u32, Vec<u32>> = HashMap::new();
    for a in &docs {
        by_segment.entry(a.segment_ord).or_default().push(a.doc_id);
    }
    let mut out = HashMap::with_capacity(docs.len());
    for (seg, ids) in by_segment {
        let ff = searcher.segment_reader(seg).fast_fields();
        let (size, mtime) = (ff.u64(field::SIZE)?, ff.u64(field::MTIME)?);
        let Some(source) = ff.str(field::SOURCE)? else {
            continue;
        };
        // one pass over the segment's dictionary instead of a lookup per record
        let ords: Vec<(u64, u32)> = ids
            .iter()
            .filter_map(|&d| source.term_ords(d).next().map(|o| (o, d)))
            .collect();
        let mut names: Vec<String> = Vec::with_capacity(source.num_terms());
        let mut stream = source.dictionary().stream()?;
        while stream.advance() {
            names.push(String::from_utf8_lossy(stream.key()).into_owned());
        }
        for (ord, d) in ords {
            if let Some(name) = names.get(ord as usize) {
                let st = FileState {
                    size: size.first(d).unwrap_or(0),
                    mtime: mtime.first(d).unwrap_or(0),
                    addr: tantivy::DocAddress::new(seg, d),
                };
                out.insert(name.clone(), st);
            }
        }
    }
    Ok(out)
}

/// The content hash stored in a file record.
pub fn stored_hash(
    searcher: &tantivy::Searcher,
    f: &Fields,
    addr: tantivy::DocAddress,
) -> Option<String> {
    let d: TantivyDocument = searcher.doc(addr).ok()?;
    d.get_first(f.hash)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// Commits what the writer holds, with quorum's payload (schema version, themes hash).
pub fn commit(writer: &mut IndexWriter, themes: &str) -> Result<()> {
    let payload = serde_json::to_string(&Payload {
        quorum_schema: SCHEMA_VERSION,
        themes: themes.to_string(),
    })?;
    let mut prepared = writer.prepare_commit().context("preparing a commit")?;
    prepared.set_payload(&payload);
    prepared.commit().context("committing the index")?;
    Ok(())
}
