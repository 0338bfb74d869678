//! Reading documents: bytes to text ([`read`]), corpus files ([`walk`]), and the parse
//! of one text into a [`Meeting`]: layout of summaries ([`summary`]), turns of
//! transcripts ([`transcript`], [`subtitle`]), the header ([`header`]) and attendance
//! list ([`participants`]), then extraction.

pub mod header;
pub mod participants;
pub mod read;
pub mod source;
pub mod subtitle;
pub mod summary;
pub mod transcript;
pub mod walk;

use crate::extract::{dates::iso, decisions, events, proposals, speakers};
use crate::model::{BlockKind, Kind, Meeting, MeetingInfo, TurnInfo};

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
pub fn detect(lines: &[summary::Line<'_>]) -> Format {
    if subtitle::is_subtitle(lines) {
        return Format::Subtitles;
    }
    let (captions, named) = transcript::turn_counts(lines);
    if captions >= 3 {
        return Format::Captioning;
    }
    let blocks = summary::raw_blocks(lines).len().max(1);
    if named >= 3 && named * 5 >= blocks * 2 {
        return Format::NamedTurns;
    }
    Format::Prose
}

/// Parses one document's text into a meeting. Never panics; text it cannot make sense
/// of gives a meeting with empty fields.
pub fn parse(source: &str, text: &str) -> Meeting {
    let lines = summary::lines(text);
    let format = detect(&lines);
    let mut sections = Vec::new();
    let mut blocks = match format {
        Format::Prose => summary::layout(&lines, &mut sections),
        Format::Captioning => transcript::captioning(&lines),
        Format::NamedTurns => transcript::named_turns(&lines),
        Format::Subtitles => subtitle::cues(&lines),
    };
    let kind = if format == Format::Prose {
        Kind::Summary
    } else {
        Kind::Transcript
    };
    let title = {
        let t = header::title(&lines);
        if t.is_empty() || format == Format::Subtitles {
            std::path::Path::new(source)
                .file_stem()
                .map_or(t, |s| s.to_string_lossy().into_owned())
        } else {
            t
        }
    };
    // one canonical name per body (src/bodies.rs), else the name read from the title
    let body = crate::bodies::canonical(&title).map_or_else(|| header::body(&title), str::to_string);
    let (date, time_utc) = header::date_time(&lines);
    let number = header::number(&lines, &blocks);
    let participants = participants::participants(&lines);
    let at = speakers::attribute(&mut blocks, &participants);
    let next_meeting = header::next_meeting(&blocks, date);
    let mut proposals = proposals::proposals(&at.clauses, &blocks, &sections);
    let mut decisions = decisions::decisions(&at.clauses, &blocks, &sections, at.moderator.as_deref());
    // Markdown emphasis is how the record looked, not what was proposed or decided
    for p in &mut proposals {
        p.text = crate::text::strip_emphasis(&p.text);
    }
    for d in &mut decisions {
        d.text = crate::text::strip_emphasis(&d.text);
    }
    let body_text: String = blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Heading || !b.text.is_empty())
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let events = events::events(&body_text, &title, date);
    let speakers = at.speakers.clone();
    let turns = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Turn)
        .map(|b| TurnInfo {
            speaker: b.speaker.clone(),
            label: b.label.clone(),
            line_start: b.line_start,
            line_end: b.line_end,
            time_start: b.time_start,
        })
        .collect();
    Meeting {
        source: source.to_string(),
        meeting: MeetingInfo {
            title,
            body,
            kind,
            date: date.map(iso),
            time_utc,
            number,
            moderator: at.moderator.clone(),
            next_meeting,
        },
        participants,
        speakers,
        proposals,
        decisions,
        events,
        turns,
        sections,
        blocks,
    }
}
