//! The meetings of an export, read, built and serialised a chunk at a time on all cores,
//! each chunk written while the next is prepared.

use super::docs::DocType;
use super::json;
use super::layout::{Layout, Loader, Place};
use anyhow::Result;
use rayon::prelude::*;

/// Meetings go to the writer in chunks: each chunk's meetings are read from the index,
/// built and serialised on all cores, then written in order, so memory holds one chunk,
/// not the export (chosen by hand, not measured: a chunk is about 512 x 60 KB of stored
/// text, and each core takes many meetings of it).
const CHUNK: usize = 512;

/// Bytes of a document beyond its strings: keys, id, date, numbers and a bulk action line
/// (about 330; a little more, so that escapes rarely make a buffer grow).
const DOC_OVERHEAD: usize = 384;

fn slot(t: DocType) -> usize {
    match t {
        DocType::Passage => 0,
        DocType::Proposal => 1,
        DocType::Decision => 2,
        _ => 3,
    }
}

/// One meeting's NDJSON bytes and document count, per type of [`MEETING_TYPES`].
pub(super) type Serialised = [(Vec<u8>, usize); 4];

/// What the writers read meetings from.
pub(super) struct Reading<'a> {
    pub(super) searcher: &'a tantivy::Searcher,
    pub(super) f: &'a crate::index::schema::Fields,
    pub(super) layout: &'a Layout,
}

/// Reads and serialises a chunk of meetings: per meeting, per type, its NDJSON bytes and
/// count. With `bulk`, each document is preceded by its `_bulk` action line.
fn serialise(read: &Reading, chunk: &[&Place], bulk: bool) -> Result<Vec<Serialised>> {
    chunk
        .par_iter()
        .map_init(
            || Loader::new(read.searcher, read.f, read.layout),
            |loader, p| {
                let m = loader.meeting(p, None)?;
                let mut out: Serialised = Default::default();
                let docs = m.documents();
                // each buffer is sized once: grown by doubling, its copies were part of
                // the memmove seen in the profile
                let mut need = [0usize; 4];
                for d in &docs {
                    need[slot(d.record)] += DOC_OVERHEAD
                        + d.text.len()
                        + d.source.len()
                        + d.body.len()
                        + d.title.len()
                        + d.speaker.as_deref().map_or(0, str::len)
                        + d.section.as_deref().map_or(0, str::len)
                        + d.themes.iter().map(|t| t.len() + 3).sum::<usize>();
                }
                for (i, (buf, _)) in out.iter_mut().enumerate() {
                    buf.reserve(need[i]);
                }
                for d in docs {
                    let (buf, n) = &mut out[slot(d.record)];
                    if bulk {
                        json::index_action(buf, d.record, &d.id);
                    }
                    json::document(buf, &d)?;
                    *n += 1;
                }
                Ok(out)
            },
        )
        .collect()
}

/// Serialises the meetings chunk after chunk and hands each chunk to `sink` in order;
/// a chunk is written while the next one is read and serialised.
pub(super) fn each_chunk(
    read: &Reading,
    meetings: &[&Place],
    bulk: bool,
    mut sink: impl FnMut(Vec<Serialised>) -> Result<()> + Send,
) -> Result<()> {
    let mut ready: Option<Vec<Serialised>> = None;
    for chunk in meetings.chunks(CHUNK) {
        let (written, next) = rayon::join(
            || ready.take().map_or(Ok(()), &mut sink),
            || serialise(read, chunk, bulk),
        );
        written?;
        ready = Some(next?);
    }
    ready.map_or(Ok(()), sink)
}

pub(super) const MEETING_TYPES: [DocType; 4] = [
    DocType::Passage,
    DocType::Proposal,
    DocType::Decision,
    DocType::Event,
];
