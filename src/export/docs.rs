//! The documents an engine receives, read from the index: passages, proposals, decisions,
//! events and gap chains, one JSON object each.
//!
//! Every document has the same core keys (id, record, date, source, line range, body, kind,
//! title, speaker, section, text, themes); a few types add their own. Ids are derived from
//! what a record *is* (its type, source, line range and, for records that share a line
//! range, its rank among them), never from tantivy's document addresses, which change with
//! every merge: the same index exported twice gives the same ids, so a re-export updates
//! documents in the engine instead of duplicating them.
//!
//! The meetings are read from the index by [`super::layout`].
//!
//! Events are those extraction found (what `quorum extract` prints), stored on each
//! meeting's record at index time; the export places each on the passage that names it.

use crate::extract::dates::iso;
use crate::query::gaps::Gap;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use time::Date;

/// The document types, in the order files are written.
pub const TYPES: [DocType; 5] = [
    DocType::Passage,
    DocType::Proposal,
    DocType::Decision,
    DocType::Event,
    DocType::Chain,
];

/// A type of exported document; each goes to an engine index of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocType {
    /// A paragraph or turn.
    Passage,
    /// A proposal attributed to a person.
    Proposal,
    /// A decision of a meeting.
    Decision,
    /// A named gathering a meeting mentions.
    Event,
    /// A recurring proposal (`quorum gaps`).
    Chain,
}

impl DocType {
    /// The `record` value of its documents.
    pub fn as_str(self) -> &'static str {
        match self {
            DocType::Passage => "passage",
            DocType::Proposal => "proposal",
            DocType::Decision => "decision",
            DocType::Event => "event",
            DocType::Chain => "chain",
        }
    }

    /// The engine index its documents go to (`quorum-passages`, ...): a valid name for
    /// both engines (lower case, letters and hyphens).
    pub fn index_name(self) -> String {
        format!("quorum-{}s", self.as_str())
    }
}

/// One exported document. It borrows what its meeting holds: millions of documents
/// share a few thousand bodies and titles.
#[derive(Debug, Clone, Serialize)]
pub struct Doc<'a> {
    /// Stable id: see [`doc_id`].
    pub id: String,
    /// The document type.
    pub record: DocType,
    /// The meeting date (for a chain, its first meeting) as RFC 3339, or null.
    pub date: Option<Cow<'a, str>>,
    /// The file, as indexed.
    pub source: Cow<'a, str>,
    /// First line (1-based).
    pub line_start: u64,
    /// Last line.
    pub line_end: u64,
    /// The body that met.
    pub body: Cow<'a, str>,
    /// summary or transcript.
    pub kind: Cow<'a, str>,
    /// The meeting title.
    pub title: Cow<'a, str>,
    /// Who said it, or null.
    pub speaker: Option<Cow<'a, str>>,
    /// The section heading, or null.
    pub section: Option<Cow<'a, str>>,
    /// The words: the passage, proposal, decision, event name or chain label.
    pub text: Cow<'a, str>,
    /// Themes tagged at index time (a chain: those of its proposals).
    pub themes: Cow<'a, [String]>,
    /// Keys of one type only.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Keys that only one type has.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Extra {
    /// A passage.
    Passage {
        /// Start time in seconds (subtitles), or null.
        time_start: Option<f64>,
    },
    /// An event.
    Event {
        /// The date the text gives for the event itself, RFC 3339, or null.
        event_date: Option<String>,
    },
    /// A gap chain.
    Chain(ChainExtra),
    /// Proposals and decisions: nothing more.
    None {},
}

/// What a chain adds.
#[derive(Debug, Clone, Serialize)]
pub struct ChainExtra {
    /// `open` or `addressed`.
    pub status: String,
    /// Distinct meetings that raised it.
    pub meetings: u64,
    /// Last meeting date, RFC 3339, or null.
    pub last_seen: Option<String>,
    /// Everyone who raised it, in order of first raising.
    pub speakers: Vec<String>,
    /// Each raising, oldest first.
    pub occurrences: Vec<Occurrence>,
    /// Where it is recorded as done, or null.
    pub evidence: Option<Evidence>,
}

/// One raising of a chain.
#[derive(Debug, Clone, Serialize)]
pub struct Occurrence {
    /// File.
    pub source: String,
    /// Meeting date, RFC 3339, or null.
    pub date: Option<String>,
    /// Who raised it.
    pub speaker: String,
    /// Line.
    pub line: u64,
    /// Its words.
    pub text: String,
}

/// The statement that a chain was carried out.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    /// File.
    pub source: String,
    /// Meeting date, RFC 3339, or null.
    pub date: Option<String>,
    /// Line.
    pub line: u64,
    /// The statement.
    pub text: String,
}

/// A stable id: 32 hex digits of the BLAKE3 hash of the type, source, line range and rank
/// among the records of that type on that line range (windows of one long turn, two
/// proposals on one line). Short enough for OpenSearch's 512-byte `_id` limit whatever the
/// path's length.
pub fn doc_id(t: DocType, source: &str, line_start: u64, line_end: u64, rank: usize) -> String {
    // the hash of "{type}\u{1f}{source}\u{1f}{line_start}\u{1f}{line_end}\u{1f}{rank}", fed
    // in parts (a `format!` per document was 1.5 % of the export's CPU)
    let mut h = blake3::Hasher::new();
    let mut num = itoa::Buffer::new();
    h.update(t.as_str().as_bytes());
    h.update(b"\x1f");
    h.update(source.as_bytes());
    for n in [line_start, line_end, rank as u64] {
        h.update(b"\x1f");
        h.update(num.format(n).as_bytes());
    }
    // the first 16 bytes of the hash, in hex
    h.finalize().to_hex()[..32].to_string()
}

/// A date as RFC 3339, at midnight UTC as the index stores it.
pub fn rfc3339(d: Date) -> String {
    format!("{}T00:00:00Z", iso(d))
}

/// An ISO day ("2026-03-05") as RFC 3339; anything else as it is not a date: null.
fn iso_to_rfc3339(s: Option<&str>) -> Option<String> {
    s.and_then(crate::extract::dates::parse_iso).map(rfc3339)
}

/// Whether a text names an event, as the extractor read it (without emphasis marks).
fn names(text: &str, name: &str) -> bool {
    text.contains(name)
        || text.contains(['*', '_']) && crate::text::strip_emphasis(text).contains(name)
}

/// A stored record of a meeting, as read.
#[derive(Debug, Clone)]
pub(super) struct Raw {
    pub(super) record: DocType,
    pub(super) line_start: u64,
    pub(super) line_end: u64,
    pub(super) speaker: Option<String>,
    pub(super) section: Option<String>,
    pub(super) text: String,
    pub(super) time_start: Option<f64>,
    pub(super) themes: Vec<String>,
}

/// One indexed file, with its records.
#[derive(Debug, Clone, Default)]
pub struct Meeting {
    /// The file, as indexed.
    pub source: String,
    /// Content hash of the file record.
    pub hash: String,
    /// Meeting date.
    pub date: Option<Date>,
    /// The body that met.
    pub body: String,
    /// summary or transcript.
    pub kind: String,
    /// Title.
    pub title: String,
    pub(super) records: Vec<Raw>,
    /// The events extraction found, as stored: (name, ISO date).
    pub(super) events: Vec<(String, Option<String>)>,
    /// The date as RFC 3339, made once for all its documents.
    pub(super) stamp: std::cell::OnceCell<Option<String>>,
}

/// Meetings read from the index, by source (for gap chains, those they name).
#[derive(Debug, Default)]
pub struct IndexContents {
    /// Source → meeting.
    pub meetings: BTreeMap<String, Meeting>,
}

impl Meeting {
    fn stamp(&self) -> Option<&str> {
        self.stamp.get_or_init(|| self.date.map(rfc3339)).as_deref()
    }

    fn doc<'a>(&'a self, raw: &'a Raw, text: Cow<'a, str>, id: String, extra: Extra) -> Doc<'a> {
        Doc {
            id,
            record: raw.record,
            date: self.stamp().map(Cow::Borrowed),
            source: Cow::Borrowed(&self.source),
            line_start: raw.line_start,
            line_end: raw.line_end,
            body: Cow::Borrowed(&self.body),
            kind: Cow::Borrowed(&self.kind),
            title: Cow::Borrowed(&self.title),
            speaker: raw.speaker.as_deref().map(Cow::Borrowed),
            section: raw.section.as_deref().map(Cow::Borrowed),
            text,
            themes: Cow::Borrowed(&raw.themes),
            extra,
        }
    }

    /// The meeting's records of one type in a total order (line range, then words), each
    /// with its rank among those of its line range.
    fn ranked(&self, t: DocType) -> Vec<(&Raw, usize)> {
        let mut rs: Vec<&Raw> = self.records.iter().filter(|r| r.record == t).collect();
        rs.sort_by(|a, b| {
            (a.line_start, a.line_end, &a.text, &a.speaker, &a.section).cmp(&(
                b.line_start,
                b.line_end,
                &b.text,
                &b.speaker,
                &b.section,
            ))
        });
        let mut out: Vec<(&Raw, usize)> = Vec::with_capacity(rs.len());
        for (i, r) in rs.iter().enumerate() {
            let rank = match i.checked_sub(1).map(|j| out[j]) {
                Some((p, k)) if p.line_start == r.line_start && p.line_end == r.line_end => k + 1,
                _ => 0,
            };
            out.push((*r, rank));
        }
        out
    }

    /// The meeting's passages, proposals, decisions and events as documents, in order.
    pub fn documents(&self) -> Vec<Doc<'_>> {
        let mut out = Vec::with_capacity(self.records.len() + 8);
        let passages = self.ranked(DocType::Passage);
        for &(r, rank) in &passages {
            let id = doc_id(r.record, &self.source, r.line_start, r.line_end, rank);
            out.push(self.doc(
                r,
                Cow::Borrowed(&r.text),
                id,
                Extra::Passage {
                    time_start: r.time_start,
                },
            ));
        }
        for t in [DocType::Proposal, DocType::Decision] {
            for (r, rank) in self.ranked(t) {
                let id = doc_id(t, &self.source, r.line_start, r.line_end, rank);
                out.push(self.doc(r, Cow::Borrowed(&r.text), id, Extra::None {}));
            }
        }
        out.extend(self.events(&passages));
        out
    }

    /// The meeting's events, as extraction found them at index time (session 14 ran the
    /// event rules again here, over the passages re-joined: 28 % of the export's CPU).
    /// Each lands on the first passage that names it (or, named only in a heading, the
    /// heading's first passage; named in neither, the meeting's first passage).
    fn events<'a>(&'a self, passages: &[(&'a Raw, usize)]) -> Vec<Doc<'a>> {
        let mut placed: Vec<(&Raw, &str, Option<&str>)> = Vec::new();
        for (name, date) in &self.events {
            let hit = passages
                .iter()
                .find(|(r, _)| names(&r.text, name))
                .or_else(|| {
                    passages
                        .iter()
                        .find(|(r, _)| r.section.as_deref().is_some_and(|s| names(s, name)))
                })
                .or(passages.first());
            // a meeting without passages has nowhere to place an event
            if let Some(&(r, _)) = hit {
                placed.push((r, name, date.as_deref()));
            }
        }
        placed.sort_by(|a, b| {
            (a.0.line_start, a.0.line_end, &a.1).cmp(&(b.0.line_start, b.0.line_end, &b.1))
        });
        let mut out = Vec::with_capacity(placed.len());
        let mut prev: Option<(u64, u64)> = None;
        let mut rank = 0;
        for (at, name, date) in placed {
            let (ls, le) = (at.line_start, at.line_end);
            rank = if prev == Some((ls, le)) { rank + 1 } else { 0 };
            prev = Some((ls, le));
            // an event takes the speaker, section and themes of the passage that names it
            let id = doc_id(DocType::Event, &self.source, ls, le, rank);
            let mut d = self.doc(
                at,
                Cow::Borrowed(name),
                id,
                Extra::Event {
                    event_date: iso_to_rfc3339(date),
                },
            );
            d.record = DocType::Event;
            out.push(d);
        }
        out
    }
}

/// Gap chains as documents. A chain's id comes from its first raising (source and line),
/// which stays its first whatever later meetings add to it.
pub fn chain_documents(gaps: &[Gap], contents: &IndexContents) -> Vec<Doc<'static>> {
    // the themes of each proposal, to give a chain those of its raisings
    let mut proposal_themes: HashMap<(&str, u64, &str), &[String]> = HashMap::new();
    for m in contents.meetings.values() {
        for r in m.records.iter().filter(|r| r.record == DocType::Proposal) {
            proposal_themes.insert(
                (m.source.as_str(), r.line_start, r.text.as_str()),
                &r.themes,
            );
        }
    }
    let mut keyed: Vec<(&Gap, String, u64)> = gaps
        .iter()
        .filter_map(|g| {
            let first = g.occurrences.first()?;
            Some((g, first.source.clone(), first.line))
        })
        .collect();
    keyed.sort_by(|a, b| (&a.1, a.2, &a.0.label).cmp(&(&b.1, b.2, &b.0.label)));
    let mut out = Vec::with_capacity(keyed.len());
    let mut prev: Option<(String, u64)> = None;
    let mut rank = 0;
    for (g, source, line) in keyed {
        let key = (source.clone(), line);
        rank = if prev.as_ref() == Some(&key) {
            rank + 1
        } else {
            0
        };
        prev = Some(key);
        let meeting = contents.meetings.get(&source);
        let mut themes: Vec<String> = Vec::new();
        let mut speakers: Vec<String> = Vec::new();
        for o in &g.occurrences {
            if let Some(ts) = proposal_themes.get(&(o.source.as_str(), o.line, o.text.as_str())) {
                for t in ts.iter() {
                    if !themes.contains(t) {
                        themes.push(t.clone());
                    }
                }
            }
            if !speakers.contains(&o.speaker) {
                speakers.push(o.speaker.clone());
            }
        }
        themes.sort();
        let first = &g.occurrences[0];
        out.push(Doc {
            id: doc_id(DocType::Chain, &source, line, line, rank),
            record: DocType::Chain,
            date: iso_to_rfc3339(g.first_seen.as_deref()).map(Cow::Owned),
            source: Cow::Owned(source.clone()),
            line_start: line,
            line_end: line,
            body: Cow::Owned(meeting.map(|m| m.body.clone()).unwrap_or_default()),
            kind: Cow::Owned(meeting.map(|m| m.kind.clone()).unwrap_or_default()),
            title: Cow::Owned(meeting.map(|m| m.title.clone()).unwrap_or_default()),
            speaker: Some(Cow::Owned(first.speaker.clone())),
            section: None,
            text: Cow::Owned(g.label.clone()),
            themes: Cow::Owned(themes),
            extra: Extra::Chain(ChainExtra {
                status: g.status.clone(),
                meetings: g.meetings as u64,
                last_seen: iso_to_rfc3339(g.last_seen.as_deref()),
                speakers,
                occurrences: g
                    .occurrences
                    .iter()
                    .map(|o| Occurrence {
                        source: o.source.clone(),
                        date: iso_to_rfc3339(o.meeting_date.as_deref()),
                        speaker: o.speaker.clone(),
                        line: o.line,
                        text: o.text.clone(),
                    })
                    .collect(),
                evidence: g.evidence.as_ref().map(|e| Evidence {
                    source: e.source.clone(),
                    date: iso_to_rfc3339(e.meeting_date.as_deref()),
                    line: e.line,
                    text: e.text.clone(),
                }),
            }),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn raw(ls: u64, text: &str) -> Raw {
        Raw {
            record: DocType::Passage,
            line_start: ls,
            line_end: ls + 1,
            speaker: None,
            section: None,
            text: text.into(),
            time_start: None,
            themes: vec![],
        }
    }

    #[test]
    fn test_an_id_is_the_hash_of_its_key_as_one_string() {
        for (t, src, a, b, r) in [
            (DocType::Passage, "a.md", 1, 2, 0),
            (DocType::Event, "dir/ü x.txt", 10_000, 10_001, 3),
        ] {
            let key = format!("{}\u{1f}{src}\u{1f}{a}\u{1f}{b}\u{1f}{r}", t.as_str());
            let want = blake3::hash(key.as_bytes()).to_hex()[..32].to_string();
            assert_eq!(doc_id(t, src, a, b, r), want);
        }
        assert_ne!(
            doc_id(DocType::Passage, "a.md", 1, 2, 0),
            doc_id(DocType::Passage, "a.md", 1, 2, 1)
        );
    }

    #[test]
    fn test_ids_depend_on_what_a_record_is_not_where_it_was_read() {
        let mut m = Meeting {
            source: "corpus/a.txt".into(),
            records: vec![raw(5, "b window"), raw(1, "x"), raw(5, "a window")],
            ..Default::default()
        };
        let ids = |m: &Meeting| {
            m.documents()
                .into_iter()
                .map(|d| (d.line_start, d.text.into_owned(), d.id))
                .collect::<Vec<_>>()
        };
        let first = ids(&m);
        m.records.reverse();
        assert_eq!(
            ids(&m),
            first,
            "the order records are read in does not matter"
        );
        let distinct: HashSet<&String> = first.iter().map(|x| &x.2).collect();
        assert_eq!(
            distinct.len(),
            3,
            "windows of one turn get ids of their own"
        );
        assert_eq!(
            first[0].2,
            doc_id(DocType::Passage, "corpus/a.txt", 1, 2, 0)
        );
        assert_ne!(
            doc_id(DocType::Passage, "a", 1, 2, 0),
            doc_id(DocType::Proposal, "a", 1, 2, 0)
        );
        assert_eq!(doc_id(DocType::Chain, "a", 1, 1, 0).len(), 32);
    }

    #[test]
    fn test_documents_serialise_with_their_types_keys() {
        let m = Meeting {
            source: "corpus/a.txt".into(),
            date: Date::from_calendar_date(2024, time::Month::March, 5).ok(),
            title: "MAG call".into(),
            records: vec![raw(
                3,
                "We look forward to the Paris Peace Forum on 11 November 2024.",
            )],
            events: vec![("Paris Peace Forum".into(), Some("2024-11-11".into()))],
            ..Default::default()
        };
        let docs = m.documents();
        let v: Vec<serde_json::Value> = docs
            .iter()
            .map(|d| serde_json::to_value(d).unwrap())
            .collect();
        assert_eq!(v[0]["record"], "passage");
        assert_eq!(v[0]["date"], "2024-03-05T00:00:00Z");
        assert!(v[0]["time_start"].is_null() && v[0].get("time_start").is_some());
        let event = v.iter().find(|d| d["record"] == "event").expect("an event");
        assert_eq!(event["text"], "Paris Peace Forum");
        assert_eq!(event["event_date"], "2024-11-11T00:00:00Z");
        assert_eq!(event["line_start"], 3);
    }

    #[test]
    fn test_an_event_lands_on_the_passage_that_names_it() {
        let mut heading = raw(9, "We will meet again.");
        heading.section = Some("Report of the Youth Summit".into());
        let m = Meeting {
            source: "a.txt".into(),
            records: vec![
                raw(1, "Opening."),
                raw(4, "The *Regional Forum* was held."),
                heading,
            ],
            events: vec![
                ("Regional Forum".into(), None),
                ("Youth Summit".into(), None),
                ("Unnamed Gathering".into(), None),
            ],
            ..Default::default()
        };
        let at: Vec<(String, u64)> = m
            .documents()
            .into_iter()
            .filter(|d| d.record == DocType::Event)
            .map(|d| (d.text.into_owned(), d.line_start))
            .collect();
        // by line: the one named nowhere goes to the first passage
        assert_eq!(
            at,
            vec![
                ("Unnamed Gathering".to_string(), 1),
                ("Regional Forum".to_string(), 4),
                ("Youth Summit".to_string(), 9),
            ]
        );
        let none = Meeting {
            events: vec![("Regional Forum".into(), None)],
            ..Default::default()
        };
        assert!(
            none.documents().is_empty(),
            "no passage, nowhere to place it"
        );
    }
}
