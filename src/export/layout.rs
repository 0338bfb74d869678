//! Where each meeting's records are in the index, read from its columns alone, and the
//! meetings loaded from the stored documents a few at a time.
//!
//! The export used to read every stored document into memory before writing the first
//! line (3 GB at 50,000 meetings). Now a first pass reads only fast fields and two small
//! inverted indexes (source, record kind and date per document, each file's content hash,
//! each document's themes); the meetings are then loaded chunk by chunk, on all cores, in
//! the order they are written, and dropped once written.

use super::docs::{DocType, IndexContents, Meeting, Raw};
use crate::index::passages::from_tantivy_date;
use crate::index::schema::{field, record as rec, Fields};
use anyhow::{Context, Result};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use tantivy::schema::document::{
    DeserializeError, DocumentDeserialize, DocumentDeserializer, ValueDeserialize,
    ValueDeserializer, ValueVisitor,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::store::StoreReader;
use tantivy::{DocAddress, DocSet, Searcher, SegmentReader, TERMINATED};
use time::Date;

/// One indexed file: what selection needs, and where its documents are.
#[derive(Debug, Clone, Default)]
pub struct Place {
    /// The file, as indexed.
    pub source: String,
    /// Content hash of the file record.
    pub hash: String,
    /// Meeting date.
    pub date: Option<Date>,
    /// Its meeting, passage, proposal and decision documents, in index order.
    docs: Vec<DocAddress>,
}

/// The themes of a segment's documents: (document, theme) pairs sorted by document, the
/// themes of one document in the dictionary's order.
#[derive(Default)]
struct SegmentThemes {
    names: Vec<String>,
    pairs: Vec<(u32, u32)>,
}

impl SegmentThemes {
    fn of(&self, doc: u32) -> Vec<String> {
        let start = self.pairs.partition_point(|p| p.0 < doc);
        self.pairs[start..]
            .iter()
            .take_while(|p| p.0 == doc)
            .map(|p| self.names[p.1 as usize].clone())
            .collect()
    }
}

/// Every file of the index and where its records are.
#[derive(Default)]
pub struct Layout {
    /// Source → place.
    pub meetings: BTreeMap<String, Place>,
    themes: Vec<SegmentThemes>,
}

fn dictionary(col: &tantivy::columnar::StrColumn) -> Result<Vec<String>> {
    let mut names = Vec::with_capacity(col.num_terms());
    let mut stream = col.dictionary().stream()?;
    while stream.advance() {
        names.push(String::from_utf8_lossy(stream.key()).into_owned());
    }
    Ok(names)
}

/// Each term of an indexed string field with the documents that hold it.
fn postings_by_term(
    seg: &SegmentReader,
    fl: tantivy::schema::Field,
    mut each: impl FnMut(u32, &[u8]),
) -> Result<()> {
    let inv = seg.inverted_index(fl)?;
    let mut stream = inv.terms().stream()?;
    while stream.advance() {
        let mut postings =
            inv.read_postings_from_terminfo(stream.value(), IndexRecordOption::Basic)?;
        let mut doc = postings.doc();
        while doc != TERMINATED {
            each(doc, stream.key());
            doc = postings.advance();
        }
    }
    Ok(())
}

/// One segment's share of the layout: its places (their documents in this segment).
fn segment_layout(
    seg: &SegmentReader,
    ord: u32,
    f: &Fields,
) -> Result<(HashMap<String, Place>, SegmentThemes)> {
    let ff = seg.fast_fields();
    let (Some(record), Some(source)) = (ff.str(field::RECORD)?, ff.str(field::SOURCE)?) else {
        return Ok(Default::default());
    };
    let dates = ff.date(field::DATE)?;
    let kinds = dictionary(&record)?;
    let sources = dictionary(&source)?;
    let mut hashes: HashMap<u32, String> = HashMap::new();
    postings_by_term(seg, f.hash, |doc, key| {
        hashes.insert(doc, String::from_utf8_lossy(key).into_owned());
    })?;
    let mut themes = SegmentThemes::default();
    postings_by_term(seg, f.theme, |doc, key| {
        if themes.names.last().is_none_or(|n| n.as_bytes() != key) {
            themes.names.push(String::from_utf8_lossy(key).into_owned());
        }
        themes.pairs.push((doc, themes.names.len() as u32 - 1));
    })?;
    themes.pairs.sort_unstable();
    let mut by_source: HashMap<u64, Place> = HashMap::new();
    for doc in seg.doc_ids_alive() {
        let (Some(s), Some(k)) = (source.term_ords(doc).next(), record.term_ords(doc).next())
        else {
            continue;
        };
        let p = by_source.entry(s).or_default();
        match kinds.get(k as usize).map(String::as_str) {
            Some(rec::FILE) => p.hash = hashes.remove(&doc).unwrap_or_default(),
            Some(kind) => {
                if kind == rec::MEETING {
                    p.date = dates.first(doc).and_then(from_tantivy_date);
                }
                p.docs.push(DocAddress::new(ord, doc));
            }
            None => {}
        }
    }
    let places = by_source
        .into_iter()
        .filter_map(|(s, mut p)| {
            p.source = sources.get(s as usize)?.clone();
            Some((p.source.clone(), p))
        })
        .collect();
    Ok((places, themes))
}

/// Reads the layout of the whole index, segments in parallel. The records of one file can
/// be spread over segments (the writer's threads take documents as they come); they are
/// put together here.
pub fn read(searcher: &Searcher, f: &Fields) -> Result<Layout> {
    let parts: Vec<(HashMap<String, Place>, SegmentThemes)> = searcher
        .segment_readers()
        .par_iter()
        .enumerate()
        .map(|(ord, seg)| segment_layout(seg, ord as u32, f))
        .collect::<Result<_>>()?;
    let mut layout = Layout::default();
    for (places, themes) in parts {
        layout.themes.push(themes);
        for (source, p) in places {
            match layout.meetings.get_mut(&source) {
                None => {
                    layout.meetings.insert(source, p);
                }
                Some(have) => {
                    if have.hash.is_empty() {
                        have.hash = p.hash;
                    }
                    have.date = have.date.or(p.date);
                    have.docs.extend(p.docs);
                }
            }
        }
    }
    Ok(layout)
}

/// Reads meetings from the stored documents, with a reader per segment of its own (each
/// parallel task takes one, so no two threads share a block cache).
pub struct Loader<'a> {
    searcher: &'a Searcher,
    f: &'a Fields,
    layout: &'a Layout,
    readers: Vec<Option<StoreReader>>,
}

/// Decompressed blocks a loader keeps per segment: a meeting's documents are a few
/// consecutive blocks (chosen by hand, not measured).
const CACHE_BLOCKS: usize = 4;

impl<'a> Loader<'a> {
    /// A loader over the index the layout was read from.
    pub fn new(searcher: &'a Searcher, f: &'a Fields, layout: &'a Layout) -> Loader<'a> {
        Loader {
            searcher,
            f,
            layout,
            readers: (0..searcher.segment_readers().len())
                .map(|_| None)
                .collect(),
        }
    }

    fn doc(&mut self, a: DocAddress) -> Result<Stored> {
        let slot = &mut self.readers[a.segment_ord as usize];
        if slot.is_none() {
            *slot = Some(
                self.searcher
                    .segment_reader(a.segment_ord)
                    .get_store_reader(CACHE_BLOCKS)
                    .context("opening a segment's stored documents")?,
            );
        }
        let reader = slot.as_ref().expect("opened above");
        reader.get(a.doc_id).context("reading a stored document")
    }

    /// One meeting with its records; with `only`, only records of that type.
    pub fn meeting(&mut self, p: &Place, only: Option<DocType>) -> Result<Meeting> {
        let f = self.f;
        let mut m = Meeting {
            source: p.source.clone(),
            hash: p.hash.clone(),
            date: p.date,
            ..Default::default()
        };
        for &a in &p.docs {
            let mut d = self.doc(a)?;
            let t = match d.str_of(f.record) {
                Some(rec::MEETING) => {
                    m.body = d.take(f.body).unwrap_or_default();
                    m.kind = d.take(f.kind).unwrap_or_default();
                    m.title = d.take(f.title).unwrap_or_default();
                    m.events = d
                        .all_str(f.event)
                        .map(crate::index::passages::parse_event_value)
                        .collect();
                    if m.date.is_none() {
                        m.date = d.date(f.date).and_then(from_tantivy_date);
                    }
                    continue;
                }
                Some(rec::PASSAGE) => DocType::Passage,
                Some(rec::PROPOSAL) => DocType::Proposal,
                Some(rec::DECISION) => DocType::Decision,
                _ => continue,
            };
            if only.is_some_and(|o| o != t) {
                continue;
            }
            let (text, speaker, section) = if t == DocType::Passage {
                (d.take(f.text), d.take(f.speaker), d.take(f.section))
            } else {
                (
                    d.take(f.item_text),
                    d.take(f.item_speaker),
                    d.take(f.item_section),
                )
            };
            m.records.push(Raw {
                record: t,
                line_start: d.u64(f.line_start),
                line_end: d.u64(f.line_end),
                speaker,
                section,
                text: text.unwrap_or_default(),
                time_start: d.f64(f.time_start),
                themes: self.layout.themes[a.segment_ord as usize].of(a.doc_id),
            });
        }
        Ok(m)
    }
}

/// A stored value as the export reads it.
enum Val {
    Str(String),
    U64(u64),
    F64(f64),
    Date(tantivy::DateTime),
    Other,
}

struct ValVisitor;

impl ValueVisitor for ValVisitor {
    type Value = Val;
    fn visit_null(&self) -> Result<Val, DeserializeError> {
        Ok(Val::Other)
    }
    fn visit_string(&self, v: String) -> Result<Val, DeserializeError> {
        Ok(Val::Str(v))
    }
    fn visit_u64(&self, v: u64) -> Result<Val, DeserializeError> {
        Ok(Val::U64(v))
    }
    fn visit_i64(&self, _: i64) -> Result<Val, DeserializeError> {
        Ok(Val::Other)
    }
    fn visit_f64(&self, v: f64) -> Result<Val, DeserializeError> {
        Ok(Val::F64(v))
    }
    fn visit_bool(&self, _: bool) -> Result<Val, DeserializeError> {
        Ok(Val::Other)
    }
    fn visit_datetime(&self, v: tantivy::DateTime) -> Result<Val, DeserializeError> {
        Ok(Val::Date(v))
    }
}

impl ValueDeserialize for Val {
    fn deserialize<'de, D: ValueDeserializer<'de>>(d: D) -> Result<Self, DeserializeError> {
        d.deserialize_any(ValVisitor)
    }
}

/// A stored document as (field, value) pairs. Profile of the 5,000-meeting export
/// (session 14): a `TantivyDocument` copies every string into its own buffer and the
/// export copied it out again, so malloc, free and memmove were a fifth of the CPU; here
/// each string is allocated once, as it is read, and moved into the record.
struct Stored(Vec<(Field, Val)>);

impl DocumentDeserialize for Stored {
    fn deserialize<'de, D: DocumentDeserializer<'de>>(mut d: D) -> Result<Self, DeserializeError> {
        let mut v = Vec::with_capacity(d.size_hint());
        while let Some(pair) = d.next_field::<Val>()? {
            v.push(pair);
        }
        Ok(Stored(v))
    }
}

impl Stored {
    /// The first value of a field (what `get_first` gives).
    fn first(&self, fl: Field) -> Option<&Val> {
        self.0.iter().find(|(f, _)| *f == fl).map(|(_, v)| v)
    }

    fn str_of(&self, fl: Field) -> Option<&str> {
        match self.first(fl) {
            Some(Val::Str(s)) => Some(s),
            _ => None,
        }
    }

    /// Every string value of a field, in the order stored.
    fn all_str(&self, fl: Field) -> impl Iterator<Item = &str> {
        self.0.iter().filter_map(move |(f, v)| match v {
            Val::Str(s) if *f == fl => Some(s.as_str()),
            _ => None,
        })
    }

    /// The first value of a field if it is a string, moved out.
    fn take(&mut self, fl: Field) -> Option<String> {
        match self.0.iter_mut().find(|(f, _)| *f == fl) {
            Some((_, Val::Str(s))) => Some(std::mem::take(s)),
            _ => None,
        }
    }

    fn u64(&self, fl: Field) -> u64 {
        match self.first(fl) {
            Some(Val::U64(n)) => *n,
            _ => 0,
        }
    }

    fn f64(&self, fl: Field) -> Option<f64> {
        match self.first(fl) {
            Some(Val::F64(x)) => Some(*x),
            _ => None,
        }
    }

    fn date(&self, fl: Field) -> Option<tantivy::DateTime> {
        match self.first(fl) {
            Some(Val::Date(d)) => Some(*d),
            _ => None,
        }
    }
}

/// The meetings of `sources` with their proposals only (what gap chains take from their
/// meetings), on all cores.
pub fn with_proposals(
    searcher: &Searcher,
    f: &Fields,
    layout: &Layout,
    sources: &[&str],
) -> Result<IndexContents> {
    let meetings: Vec<Meeting> = sources
        .par_iter()
        .filter_map(|s| layout.meetings.get(*s))
        .map_init(
            || Loader::new(searcher, f, layout),
            |l, p| l.meeting(p, Some(DocType::Proposal)),
        )
        .collect::<Result<_>>()?;
    Ok(IndexContents {
        meetings: meetings
            .into_iter()
            .map(|m| (m.source.clone(), m))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_a_documents_themes_are_its_own_in_dictionary_order() {
        let t = SegmentThemes {
            names: vec!["access".into(), "finance".into(), "youth".into()],
            pairs: vec![(1, 2), (3, 0), (3, 1), (7, 2)],
        };
        assert_eq!(t.of(3), vec!["access", "finance"]);
        assert_eq!(t.of(7), vec!["youth"]);
        // a document between tagged ones, and one past the last, has none
        assert!(t.of(2).is_empty());
        assert!(t.of(9).is_empty());
    }
}
