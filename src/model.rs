//! The meeting model: what one document says, in the shape of `docs/json.md`.

use serde::Serialize;

/// Whether a document is prose written after the meeting or a turn-by-turn record of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A written report or minutes in prose.
    Summary,
    /// A turn-by-turn record: captioning, `Name: words` lines, subtitles.
    Transcript,
}

impl Kind {
    /// The name used in JSON and in the index.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Summary => "summary",
            Kind::Transcript => "transcript",
        }
    }
}

/// Facts about the meeting itself.
#[derive(Debug, Clone, Serialize)]
pub struct MeetingInfo {
    /// The meeting's title as the document gives it.
    pub title: String,
    /// The group that met, without dates or parenthesised acronyms.
    pub body: String,
    /// Summary or transcript.
    pub kind: Kind,
    /// ISO date of the (first day of the) meeting.
    pub date: Option<String>,
    /// Start time in UTC, `HH:MM`.
    pub time_utc: Option<String>,
    /// The meeting's ordinal when the document states one.
    pub number: Option<u32>,
    /// Who chaired or moderated.
    pub moderator: Option<String>,
    /// ISO date of the next meeting.
    pub next_meeting: Option<String>,
}

/// One entry of an attendance list.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Participant {
    /// "Given Family".
    pub name: String,
    /// Organisation, when the entry gives one.
    pub affiliation: Option<String>,
    /// Role, when the entry gives one.
    pub role: Option<String>,
}

/// A suggested course of action attributed to a person.
#[derive(Debug, Clone, Serialize)]
pub struct Proposal {
    /// Who proposed it, "Given Family".
    pub speaker: String,
    /// The proposal in the document's own words.
    pub text: String,
    /// The heading it stands under.
    pub section: Option<String>,
    /// 1-based line where it starts.
    pub line: usize,
}

/// Something the meeting as a whole agreed or set as a next step.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    /// The decision in the document's own words.
    pub text: String,
    /// The heading it stands under.
    pub section: Option<String>,
    /// 1-based line where it starts.
    pub line: usize,
}

/// A named gathering the document mentions.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    /// The name in the form the document uses.
    pub name: String,
    /// ISO date of its first day, when given.
    pub date: Option<String>,
}

/// One turn of a transcript, as `quorum extract` reports it.
#[derive(Debug, Clone, Serialize)]
pub struct TurnInfo {
    /// Who speaks, or `null` for an unlabelled turn.
    pub speaker: Option<String>,
    /// The turn label as written.
    pub label: Option<String>,
    /// First line.
    pub line_start: usize,
    /// Last line.
    pub line_end: usize,
    /// Start time in seconds (subtitles), else `null`.
    pub time_start: Option<f64>,
}

/// Whether a passage is a paragraph of prose or a turn of a transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// A paragraph or list item of a summary.
    Paragraph,
    /// A speaker's turn.
    Turn,
    /// A heading line.
    Heading,
}

/// A unit of text with its place in the file: a paragraph, list item, heading or turn.
#[derive(Debug, Clone, Serialize)]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// 1-based first line.
    pub line_start: usize,
    /// 1-based last line (inclusive).
    pub line_end: usize,
    /// The text, wrapped lines joined with spaces.
    pub text: String,
    /// Raw turn label (`CHAIR MITCHELL`, `Anriette Esterhuysen (MAG Chair)`).
    pub label: Option<String>,
    /// The person the block is attributed to, once resolved.
    pub speaker: Option<String>,
    /// Index into `Meeting::sections`.
    pub section: Option<usize>,
    /// Start time in seconds, for subtitle cues.
    pub time_start: Option<f64>,
    /// Whether this is a list item (bullet or numbered).
    pub is_item: bool,
}

impl Block {
    /// A paragraph of one line with no speaker, section or label (for rules' tests and
    /// for callers that build a block from a single line).
    pub fn paragraph(line: usize, text: &str) -> Block {
        Block {
            kind: BlockKind::Paragraph,
            line_start: line,
            line_end: line,
            text: text.into(),
            label: None,
            speaker: None,
            section: None,
            time_start: None,
            is_item: false,
        }
    }
}

/// One parsed meeting document.
#[derive(Debug, Clone, Serialize)]
pub struct Meeting {
    /// Path as given under the corpus parent.
    pub source: String,
    /// Facts about the meeting.
    pub meeting: MeetingInfo,
    /// The attendance list.
    pub participants: Vec<Participant>,
    /// People who contributed, in order of first contribution.
    pub speakers: Vec<String>,
    /// Suggested courses of action.
    pub proposals: Vec<Proposal>,
    /// What the meeting agreed.
    pub decisions: Vec<Decision>,
    /// Named gatherings mentioned.
    pub events: Vec<Event>,
    /// The turns of a transcript, with their speakers, lines and start times.
    pub turns: Vec<TurnInfo>,
    /// Section headings, in order.
    #[serde(skip)]
    pub sections: Vec<String>,
    /// Paragraphs, items, headings and turns, in order.
    #[serde(skip)]
    pub blocks: Vec<Block>,
}

impl Meeting {
    /// The heading a block stands under.
    pub fn section_of(&self, block: &Block) -> Option<&str> {
        block.section.map(|i| self.sections[i].as_str())
    }
}

/// One document's layout and header facts: what the text says by its shape, before any
/// rule reads who said what.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The corpus-relative source name.
    pub source: String,
    /// The title (the file name for subtitles and untitled texts).
    pub title: String,
    /// The body the title names.
    pub body: String,
    /// Summary or transcript.
    pub kind: Kind,
    /// The meeting's date, from the header.
    pub date: Option<time::Date>,
    /// The meeting's time in UTC, from the header.
    pub time_utc: Option<String>,
    /// The meeting's number ("XXIV", "5th").
    pub number: Option<u32>,
    /// The next meeting's date, ISO.
    pub next_meeting: Option<String>,
    /// The attendance list.
    pub participants: Vec<Participant>,
    /// Section headings, in order.
    pub sections: Vec<String>,
    /// Paragraphs, list items, headings and turns, without speakers yet.
    pub blocks: Vec<Block>,
}
