//! The files each engine loads: Quickwit's configs and NDJSON files, OpenSearch's mappings
//! and `_bulk` files, and the deletes of each.

use super::docs::{Doc, DocType, TYPES};
use super::layout::Place;
use super::report::ExportReport;
use super::stream::{each_chunk, Reading, MEETING_TYPES};
use super::{opensearch, quickwit};
use anyhow::{Context, Result};
use serde::Serialize;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

/// Where the chains go once the meetings are written.
pub enum Sink<'a> {
    /// The chains' NDJSON file comes after the meeting files.
    Quickwit,
    /// The chains' actions follow the meetings' in the open `_bulk` file; the files
    /// written so far.
    Opensearch(Bulk<'a>, Vec<String>),
}

pub fn create(dir: &Path, name: &str, files: &mut Vec<String>) -> Result<BufWriter<File>> {
    let path = dir.join(name);
    let f = File::create(&path).with_context(|| format!("creating {}", path.display()))?;
    files.push(name.to_string());
    Ok(BufWriter::with_capacity(1 << 20, f))
}

pub fn write_json<T: Serialize>(
    dir: &Path,
    name: &str,
    v: &T,
    files: &mut Vec<String>,
) -> Result<()> {
    let mut w = create(dir, name, files)?;
    serde_json::to_writer_pretty(&mut w, v)?;
    w.write_all(b"\n")?;
    w.flush()
        .with_context(|| format!("writing {}", dir.join(name).display()))
}

/// Writes Quickwit's configs and the meetings' NDJSON files.
pub fn write_quickwit(
    dir: &Path,
    read: &Reading,
    meetings: &[&Place],
    report: &mut ExportReport,
) -> Result<()> {
    for t in TYPES {
        let yaml = quickwit::to_yaml(&quickwit::index_config(t));
        let name = format!("{}.yaml", t.index_name());
        std::fs::write(dir.join(&name), yaml)
            .with_context(|| format!("writing {}", dir.join(&name).display()))?;
        report.files.push(name);
    }
    let mut writers = Vec::new();
    for t in MEETING_TYPES {
        writers.push(create(
            dir,
            &format!("{}.ndjson", t.index_name()),
            &mut report.files,
        )?);
    }
    let documents = &mut report.documents;
    each_chunk(read, meetings, false, |chunk| {
        for parts in chunk {
            for (i, (buf, n)) in parts.iter().enumerate() {
                writers[i].write_all(buf)?;
                *documents.entry(MEETING_TYPES[i]).or_default() += n;
            }
        }
        Ok(())
    })?;
    for w in &mut writers {
        w.flush().context("writing the NDJSON files")?;
    }
    Ok(())
}

/// Writes Quickwit's chain file and delete tasks.
pub fn finish_quickwit(dir: &Path, chains: &[Doc], report: &mut ExportReport) -> Result<()> {
    let mut w = create(
        dir,
        &format!("{}.ndjson", DocType::Chain.index_name()),
        &mut report.files,
    )?;
    for d in chains {
        serde_json::to_writer(&mut w, d)?;
        w.write_all(b"\n")?;
    }
    w.flush().context("writing the chains")?;
    report.documents.insert(DocType::Chain, chains.len());
    // Quickwit deletes by query, index by index
    let d = &report.deletions;
    let sources = d.sources();
    let chain_ids: Vec<String> = d
        .chains_removed
        .iter()
        .chain(&d.chains_replaced)
        .cloned()
        .collect();
    let mut tasks = Vec::new();
    if !sources.is_empty() {
        for t in MEETING_TYPES {
            tasks.push((t, quickwit::delete_task("source", &sources)));
        }
    }
    if !chain_ids.is_empty() {
        tasks.push((DocType::Chain, quickwit::delete_task("id", &chain_ids)));
    }
    for (t, task) in tasks {
        write_json(
            dir,
            &format!("{}.delete-task.json", t.index_name()),
            &task,
            &mut report.files,
        )?;
    }
    Ok(())
}

/// A `_bulk` file that starts a new part when the next block would pass the size limit.
pub struct Bulk<'a> {
    dir: &'a Path,
    part: usize,
    size: usize,
    w: Option<BufWriter<File>>,
}

impl Bulk<'_> {
    fn write(&mut self, block: &[u8], files: &mut Vec<String>) -> Result<()> {
        self.write_parts([block], files)
    }

    /// Writes the parts as one block (not split across files), without joining them first.
    fn write_parts<'b>(
        &mut self,
        parts: impl IntoIterator<Item = &'b [u8]> + Clone,
        files: &mut Vec<String>,
    ) -> Result<()> {
        let len: usize = parts.clone().into_iter().map(<[u8]>::len).sum();
        if len == 0 {
            return Ok(());
        }
        if self.w.is_none() || self.size + len > opensearch::MAX_BULK_BYTES {
            if let Some(mut w) = self.w.take() {
                w.flush().context("writing a bulk file")?;
            }
            self.part += 1;
            self.w = Some(create(
                self.dir,
                &format!("bulk-{:04}.ndjson", self.part),
                files,
            )?);
            self.size = 0;
        }
        self.size += len;
        let w = self.w.as_mut().expect("opened above");
        for p in parts {
            w.write_all(p).context("writing a bulk file")?;
        }
        Ok(())
    }

    fn finish(mut self) -> Result<()> {
        if let Some(mut w) = self.w.take() {
            w.flush().context("writing a bulk file")?;
        }
        Ok(())
    }
}

/// Writes OpenSearch's mappings and the meetings' `_bulk` blocks; the last file is left
/// open for the chains.
pub fn write_opensearch<'a>(
    dir: &'a Path,
    read: &Reading,
    meetings: &[&Place],
    report: &mut ExportReport,
) -> Result<(Bulk<'a>, Vec<String>)> {
    for t in TYPES {
        write_json(
            dir,
            &format!("{}.mapping.json", t.index_name()),
            &opensearch::mapping(t),
            &mut report.files,
        )?;
    }
    let mut files = Vec::new();
    let mut bulk = Bulk {
        dir,
        part: 0,
        size: 0,
        w: None,
    };
    let documents = &mut report.documents;
    each_chunk(read, meetings, true, |chunk| {
        for parts in chunk {
            // a meeting's documents stay in one file, as one block
            for (i, (_, n)) in parts.iter().enumerate() {
                *documents.entry(MEETING_TYPES[i]).or_default() += n;
            }
            bulk.write_parts(parts.iter().map(|(b, _)| b.as_slice()), &mut files)?;
        }
        Ok(())
    })?;
    Ok((bulk, files))
}

/// Writes the chains' `_bulk` actions after the meetings' (the removed chains' deletes
/// first: session 14 wrote those at the head of the first file, before the chains were
/// computed beside the meetings) and the delete-by-query of changed sources.
pub fn finish_opensearch(
    dir: &Path,
    mut bulk: Bulk,
    mut files: Vec<String>,
    chains: &[Doc],
    report: &mut ExportReport,
) -> Result<()> {
    let mut block = Vec::new();
    for id in &report.deletions.chains_removed {
        serde_json::to_writer(&mut block, &opensearch::delete_action(DocType::Chain, id))?;
        block.push(b'\n');
    }
    bulk.write(&block, &mut files)?;
    for d in chains {
        let mut block = serde_json::to_vec(&opensearch::index_action(DocType::Chain, &d.id))?;
        block.push(b'\n');
        serde_json::to_writer(&mut block, d)?;
        block.push(b'\n');
        bulk.write(&block, &mut files)?;
    }
    bulk.finish()?;
    report.documents.insert(DocType::Chain, chains.len());
    report.files.extend(files);
    let d = &report.deletions;
    let sources = d.sources();
    if !sources.is_empty() {
        write_json(
            dir,
            "delete-by-query.json",
            &opensearch::delete_by_query(&sources),
            &mut report.files,
        )?;
    }
    Ok(())
}
