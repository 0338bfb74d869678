//! The index schema: one tantivy document per passage, proposal, decision and file.
//!
//! Field names are constants here and nowhere else. The schema carries a version in every
//! commit's payload; an index written by another version is refused with a message that
//! says how to rebuild it.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, STORED, STRING,
};
use tantivy::Index;

// The analyzers live with the other text helpers, below every stage; they are named here
// too because the index registers them and queries over the index use them.
pub use crate::text::analysis::{analyze, name_analyzer, text_analyzer, words_and_stems};

/// Bumped whenever fields or their analysis change, or what extraction stores (13: events
/// stored on the meeting record, and events named by "the first meeting of the ..." or
/// opened by a document's words; 14: one event per annual IGF edition, regional forums named
/// in full, dated lower-case sessions and quoted session titles as events, `>>` turns in
/// subtitle cues read as named turns; 15: events named by a year or host place ("the 2011
/// annual meeting of the IGF", "the third meeting in Hyderabad"), initiative acronyms with a
/// year, bare dated Open Consultations, a body's own numbered session, and no "of the Forum"
/// headings or conference calls).
pub const SCHEMA_VERSION: u32 = 15;

/// The name of every field, as tantivy stores it: code that reads a fast field or a
/// field by name takes it from here.
pub mod field {
    /// The `record` field.
    pub const RECORD: &str = "record";
    /// The `source` field.
    pub const SOURCE: &str = "source";
    /// The `source_id` field.
    pub const SOURCE_ID: &str = "source_id";
    /// The `text` field.
    pub const TEXT: &str = "text";
    /// The `section` field.
    pub const SECTION: &str = "section";
    /// The `meeting_text` field.
    pub const MEETING_TEXT: &str = "meeting_text";
    /// The `speaker` field.
    pub const SPEAKER: &str = "speaker";
    /// The `speaker_key` field.
    pub const SPEAKER_KEY: &str = "speaker_key";
    /// The `body` field.
    pub const BODY: &str = "body";
    /// The `kind` field.
    pub const KIND: &str = "kind";
    /// The `date` field.
    pub const DATE: &str = "date";
    /// The `line_start` field.
    pub const LINE_START: &str = "line_start";
    /// The `line_end` field.
    pub const LINE_END: &str = "line_end";
    /// The `time_start` field.
    pub const TIME_START: &str = "time_start";
    /// The `title` field.
    pub const TITLE: &str = "title";
    /// The `item_text` field.
    pub const ITEM_TEXT: &str = "item_text";
    /// The `item_speaker` field.
    pub const ITEM_SPEAKER: &str = "item_speaker";
    /// The `request` field: a proposal's request analysis, stored (`extract::request`).
    pub const REQUEST: &str = "request";
    /// The `item_section` field.
    pub const ITEM_SECTION: &str = "item_section";
    /// The `theme` field.
    pub const THEME: &str = "theme";
    /// The `phrase` field.
    pub const PHRASE: &str = "phrase";
    /// The `acronym` field.
    pub const ACRONYM: &str = "acronym";
    /// The `hash` field.
    pub const HASH: &str = "hash";
    /// The `size` field.
    pub const SIZE: &str = "size";
    /// The `mtime` field.
    pub const MTIME: &str = "mtime";
    /// The `minor` field.
    pub const MINOR: &str = "minor";
    /// The `event` field.
    pub const EVENT: &str = "event";
}

/// Kinds of record in the index (`record` field).
pub mod record {
    /// A paragraph or turn: what `search` returns.
    pub const PASSAGE: &str = "passage";
    /// A proposal attributed to a person.
    pub const PROPOSAL: &str = "proposal";
    /// A decision of the meeting.
    pub const DECISION: &str = "decision";
    /// One per indexed file: its content hash, size and modification time.
    pub const FILE: &str = "file";
    /// One per meeting: its whole text in `meeting_text`, for ranking meetings.
    pub const MEETING: &str = "meeting";
}

/// English text: folded, lower-cased, stemmed. Used for passages, sections and themes.
pub const TEXT_ANALYZER: &str = "quorum_en";
/// Names: folded and lower-cased, not stemmed.
pub const NAME_ANALYZER: &str = "quorum_name";

/// Field handles of the schema.
#[derive(Debug, Clone)]
pub struct Fields {
    /// Record kind.
    pub record: Field,
    /// Source path, for deletes and display.
    pub source: Field,
    /// A number for the source file ([`source_id`]), fast: search ranks and groups hits by
    /// file without looking up strings.
    pub source_id: Field,
    /// Passage text (analysed, stored).
    pub text: Field,
    /// Section heading (analysed, stored).
    pub section: Field,
    /// A meeting's whole text (analysed, not stored), on its meeting record: ranks
    /// passages by how well their meeting as a whole matches.
    pub meeting_text: Field,
    /// Speaker display name (analysed as a name, stored).
    pub speaker: Field,
    /// Speaker identity across spellings (raw).
    pub speaker_key: Field,
    /// The body that met (analysed as a name, stored).
    pub body: Field,
    /// summary or transcript.
    pub kind: Field,
    /// Meeting date.
    pub date: Field,
    /// First line.
    pub line_start: Field,
    /// Last line.
    pub line_end: Field,
    /// Start time in seconds (subtitles).
    pub time_start: Field,
    /// Meeting title.
    pub title: Field,
    /// Text of a proposal or decision (analysed, stored). Apart from `text`, so that a
    /// passage search touches passages only and needs no record filter.
    pub item_text: Field,
    /// Speaker and section of a proposal (stored only).
    pub item_speaker: Field,
    /// The analysis of a proposal's request (`extract::request`), serialised, for
    /// `quorum gaps` (stored only).
    pub request: Field,
    /// Section of a proposal or decision (stored only).
    pub item_section: Field,
    /// Themes of a passage or proposal, by name (raw), tagged at index time.
    pub theme: Field,
    /// Key phrases of a meeting record ("stem key\u{1f}surface"), for discovered topics.
    pub phrase: Field,
    /// Acronyms a meeting defines ("tor\u{1f}Terms of Reference"), to expand them
    /// when proposals are compared.
    pub acronym: Field,
    /// Content hash of a file record.
    pub hash: Field,
    /// Size of a file record.
    pub size: Field,
    /// Modification time of a file record.
    pub mtime: Field,
    /// 1 for back-channel turns ("Yeah.", "Okay."), which rank below others.
    pub minor: Field,
    /// Events a meeting names, on its meeting record ("name\u{1f}ISO date or nothing"),
    /// as extraction found them (stored only): `quorum export` ships them without
    /// running the event rules again.
    pub event: Field,
}

impl Fields {
    /// A query for the records of one kind (`record::PASSAGE`, `record::PROPOSAL`, ...).
    pub fn records(&self, kind: &str) -> Box<dyn tantivy::query::Query> {
        Box::new(tantivy::query::TermQuery::new(
            tantivy::Term::from_field_text(self.record, kind),
            IndexRecordOption::Basic,
        ))
    }
}

/// The number that stands for a source path in the `source_id` field.
pub fn source_id(source: &str) -> u64 {
    let h = blake3::hash(source.as_bytes());
    u64::from_le_bytes(h.as_bytes()[..8].try_into().expect("8 bytes"))
}

/// Builds the schema and its field handles.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let en = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TEXT_ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let name = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(NAME_ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let num = NumericOptions::default().set_stored().set_fast();
    let en_item = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TEXT_ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let fields = Fields {
        record: b.add_text_field(field::RECORD, STRING | STORED | FAST),
        source: b.add_text_field(field::SOURCE, STRING | STORED | FAST),
        source_id: b.add_u64_field(field::SOURCE_ID, NumericOptions::default().set_fast()),
        text: b.add_text_field(field::TEXT, en.clone()),
        section: b.add_text_field(field::SECTION, en),
        // frequencies without positions: a meeting's match is a bag of words (phrases are
        // matched as words, see search::meeting_scores), and positions of every meeting's
        // whole text were an eighth of the index
        meeting_text: b.add_text_field(
            field::MEETING_TEXT,
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(TEXT_ANALYZER)
                    .set_index_option(IndexRecordOption::WithFreqs),
            ),
        ),
        speaker: b.add_text_field(field::SPEAKER, name.clone()),
        speaker_key: b.add_text_field(field::SPEAKER_KEY, STRING | FAST),
        body: b.add_text_field(field::BODY, name),
        kind: b.add_text_field(field::KIND, STRING | STORED),
        date: b.add_date_field(
            field::DATE,
            DateOptions::from(tantivy::schema::INDEXED)
                .set_stored()
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
        line_start: b.add_u64_field(field::LINE_START, num.clone()),
        line_end: b.add_u64_field(field::LINE_END, num.clone()),
        time_start: b.add_f64_field(field::TIME_START, NumericOptions::default().set_stored()),
        title: b.add_text_field(field::TITLE, STORED),
        item_text: b.add_text_field(field::ITEM_TEXT, en_item),
        item_speaker: b.add_text_field(field::ITEM_SPEAKER, STORED),
        request: b.add_text_field(field::REQUEST, STORED),
        item_section: b.add_text_field(field::ITEM_SECTION, STORED),
        theme: b.add_text_field(field::THEME, STRING),
        phrase: b.add_text_field(field::PHRASE, STRING | FAST),
        acronym: b.add_text_field(field::ACRONYM, STRING | FAST),
        hash: b.add_text_field(field::HASH, STRING | STORED),
        size: b.add_u64_field(field::SIZE, num.clone()),
        mtime: b.add_u64_field(field::MTIME, num),
        minor: b.add_u64_field(
            field::MINOR,
            NumericOptions::default().set_fast().set_indexed(),
        ),
        event: b.add_text_field(field::EVENT, STORED),
    };
    (b.build(), fields)
}

/// Registers quorum's analyzers; tantivy does not store them, so every open needs this.
pub fn register(index: &Index) {
    index.tokenizers().register(TEXT_ANALYZER, text_analyzer());
    index.tokenizers().register(NAME_ANALYZER, name_analyzer());
}
