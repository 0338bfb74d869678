//! Reading documents: bytes to text ([`read`]), corpus files ([`walk`]), and the parse
//! of one text into its layout: the text split once into [`lines`], then summaries
//! ([`summary`]), turns of transcripts ([`transcript`], [`subtitle`]), the header
//! ([`header`]) and attendance list ([`participants`]). No extraction rule runs here:
//! the extraction stage reads the [`Parsed`] value this stage hands on.

pub mod formats;
pub mod header;
pub mod lines;
pub mod participants;
pub mod read;
pub mod source;
pub mod subtitle;
pub mod summary;
pub mod transcript;
pub mod walk;

use crate::model::{Kind, Parsed};
use lines::Layout;

/// Which layout a document has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Prose: paragraphs, lists, headings.
    Prose,
    /// `>> NAME:` captioning.
    Captioning,
    /// `Name: words` turns.
    NamedTurns,
    /// WebVTT or SRT.
    Subtitles,
}

/// Tells the layout from the text.
pub fn detect(doc: &Layout<'_>) -> Format {
    if subtitle::is_subtitle(&doc.lines) {
        return Format::Subtitles;
    }
    let (captions, named) = transcript::turn_counts(doc);
    if captions >= 3 {
        return Format::Captioning;
    }
    let blocks = doc.blocks.len().max(1);
    if named >= 3 && named * 5 >= blocks * 2 {
        return Format::NamedTurns;
    }
    Format::Prose
}

/// Parses one document's text into its layout. Never panics; text it cannot make sense
/// of gives empty fields.
pub fn parse(source: &str, text: &str) -> Parsed {
    let doc = Layout::new(text);
    let format = detect(&doc);
    let mut sections = Vec::new();
    let blocks = match format {
        Format::Prose => summary::layout(&doc, &mut sections),
        Format::Captioning => transcript::captioning(&doc),
        Format::NamedTurns => transcript::named_turns(&doc),
        Format::Subtitles => subtitle::cues(&doc),
    };
    let kind = if format == Format::Prose {
        Kind::Summary
    } else {
        Kind::Transcript
    };
    let lines = &doc.lines;
    let title = {
        let t = header::title(lines);
        if t.is_empty() || format == Format::Subtitles {
            std::path::Path::new(source)
                .file_stem()
                .map_or(t, |s| s.to_string_lossy().into_owned())
        } else {
            t
        }
    };
    // one canonical name per body (src/bodies.rs), else the name read from the title
    let body =
        crate::bodies::canonical(&title).map_or_else(|| header::body(&title), str::to_string);
    let (date, time_utc) = header::date_time(lines);
    let number = header::number(lines, &blocks);
    let participants = participants::participants(lines);
    let next_meeting = header::next_meeting(&blocks, date);
    Parsed {
        source: source.to_string(),
        title,
        body,
        kind,
        date,
        time_utc,
        number,
        next_meeting,
        participants,
        sections,
        blocks,
    }
}
