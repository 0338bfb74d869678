//! Extraction: who spoke, who proposed what, what was agreed, which events were named.
//!
//! Each rule lives in one module: [`names`] and [`speakers`] decide who a clause belongs
//! to; [`proposals`], [`decisions`] and [`events`] read those clauses; [`dates`] reads
//! every date.

pub mod acronyms;
pub mod clause;
pub mod decisions;
pub mod events;
pub mod mail;
pub mod passages;
pub mod phrases;
pub mod proposals;
pub mod request;
pub mod speakers;
pub mod synonyms;
pub mod themes;

// Dates and names are read by ingest and queries too, so they live in `crate::text`; these
// paths are kept for the code that still names them here.
pub use crate::text::{dates, names};

use crate::model::{BlockKind, Meeting, MeetingInfo, Parsed, TurnInfo};

/// Runs every rule over one parsed document: who spoke each block, then the proposals,
/// decisions and events of those clauses, into the meeting that is printed and indexed.
pub fn meeting(mut p: Parsed) -> Meeting {
    let at = speakers::attribute(&mut p.blocks, &p.participants);
    let (blocks, sections) = (&p.blocks, &p.sections);
    // a long conversation: the clause model picks the turns that carry them, and the
    // clause rules' readings would be thrown away (so they are not made)
    let (mut proposals, mut decisions) = match clause::conversation(blocks, sections) {
        Some(read) => read,
        None => (
            proposals::proposals(&at.clauses, blocks, sections),
            decisions::decisions(&at.clauses, blocks, sections, at.moderator.as_deref()),
        ),
    };
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
    let events = events::events(&body_text, &p.title, p.date);
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
        source: p.source,
        meeting: MeetingInfo {
            title: p.title,
            body: p.body,
            kind: p.kind,
            date: p.date.map(dates::iso),
            time_utc: p.time_utc,
            number: p.number,
            moderator: at.moderator.clone(),
            next_meeting: p.next_meeting,
        },
        participants: p.participants,
        speakers,
        proposals,
        decisions,
        events,
        turns,
        sections: p.sections,
        blocks: p.blocks,
    }
}
