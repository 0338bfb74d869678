//! Turn-by-turn records: real-time captioning (`>> NAME: words`) and `Name: words` or
//! `Name (Affiliation): words` lines.
//!
//! A captioning turn runs until the next `>>`; paragraphs between are the same turn, and
//! stage directions ("(Pause)", "`[ Laughter ]`") belong to no turn. A `>>` line without an
//! upper-case label is a turn with no speaker.

use super::lines::{Layout, Line};
use crate::model::{Block, BlockKind};
use crate::text::squash;
use regex::Regex;
use std::sync::LazyLock;

static CAPTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*>{2,3}\s*(.*)$").expect("caption turn"));
static CAPTION_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Lu}[\p{Lu}\p{M}0-9 .'’\-&]{1,60}?)\s*:\s*(.*)$").expect("caption label")
});
static NAME_TURN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([\p{Lu}][\p{L}\p{M}.'’\-]*(?:\s+(?:[\p{Lu}\d][\p{L}\p{M}\d.'’\-]*|de|da|dos|das|do|van|von|der|den|del|della|la|le|di|du|bin|al|y|e))?(?:\s+(?:[\p{Lu}\d][\p{L}\p{M}\d.'’\-]*|de|da|dos|das|do|van|von|der|den|del|la|le|di|du|bin|al)){0,5})\s*(\([^()]{1,120}\))?\s*:(?:\s+(.*))?$")
        .expect("name turn")
});
static STAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:\(.*\)|\[.*\]|\*{3,}|-{3,}|_{3,})\s*$").expect("stage direction")
});

/// Labels of `Key: value` header lines that look like turns but are not.
const HEADER_KEYS: &[&str] = &[
    "date",
    "time",
    "record",
    "chair",
    "co-chair",
    "co-chairs",
    "moderator",
    "moderators",
    "attendees",
    "present",
    "apologies",
    "notes",
    "note",
    "subject",
    "from",
    "to",
    "sent",
    "cc",
    "title",
    "source",
    "location",
    "venue",
    "agenda",
    "participants",
    "ps",
    "re",
    "fwd",
    "next meeting",
    "next call",
    "action",
    "action items",
    "agreed",
    "decision",
    "decisions",
    "summary",
    "url",
    "link",
    "organiser",
    "organizer",
    "rapporteur",
    "host",
    "hosted by",
    "in attendance",
    "absent",
    "minutes",
    "meeting",
    "call",
    "where",
    "when",
    "duration",
    "recording",
    "transcript",
    "da",
    "inviato",
    "a",
    "oggetto",
    "previous message",
    "next message",
    "messages sorted by",
    "speakers",
    "panelists",
    "session",
    "theme",
    "format",
    "language",
    "warning",
    "update",
    "q",
    "a.",
    "kind",
    "type",
    "status",
    "also present",
    "observers",
    "regrets",
    "secretariat",
    "author",
    "authors",
    "key takeaways",
    "outcome",
    "outcomes",
    "background",
    "objective",
    "purpose",
];

/// Whether a label is a header key ("Date", "Chair", "Next meeting"), not a speaker.
pub fn is_header_key(label: &str) -> bool {
    HEADER_KEYS.contains(&label.trim().to_lowercase().as_str())
}

/// The label of a `Name: text` line, when the line starts a turn.
pub fn name_turn(line: &str) -> Option<(String, String)> {
    let c = NAME_TURN.captures(line.trim_start())?;
    let name = c.get(1)?.as_str().trim();
    let lower = name.to_lowercase();
    if HEADER_KEYS.contains(&lower.as_str()) || name.split_whitespace().count() > 6 {
        return None;
    }
    if name.len() < 2 || name.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let label = match c.get(2) {
        Some(p) => format!("{name} {}", p.as_str()),
        None => name.to_string(),
    };
    Some((label, c.get(3).map_or("", |m| m.as_str()).to_string()))
}

/// Counts of captioning lines and `Name:` turn starts, for telling a transcript apart.
pub fn turn_counts(doc: &Layout<'_>) -> (usize, usize) {
    let captions = doc
        .lines
        .iter()
        .filter(|l| CAPTION.is_match(l.text) && !l.text.trim_start().starts_with("> "))
        .count();
    let named = doc
        .blocks
        .iter()
        .flatten()
        .filter(|l| name_turn(l.text).is_some())
        .count();
    (captions, named)
}

/// Whether a line is a stage direction or separator that belongs to no turn.
pub fn is_stage(line: &str) -> bool {
    STAGE.is_match(line)
}

/// Parses captioning: blocks before the first `>>` are returned as header paragraphs.
pub fn captioning(doc: &Layout<'_>) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut in_turns = false;
    for raw in &doc.blocks {
        for l in raw {
            if let Some(c) = CAPTION.captures(l.text) {
                in_turns = true;
                let rest = c[1].trim();
                let (label, text) = match CAPTION_LABEL.captures(rest) {
                    Some(lc) if lc[1].chars().filter(|c| c.is_alphabetic()).count() >= 2 => {
                        (Some(squash(&lc[1])), lc[2].to_string())
                    }
                    _ => (None, rest.to_string()),
                };
                blocks.push(turn(l.no, label, text));
            } else if is_stage(l.text) {
                if in_turns {
                    // a stage direction closes nothing, but it is not part of the turn's text
                    continue;
                }
            } else if in_turns {
                let last = blocks.last_mut().expect("in a turn");
                append_words(&mut last.text, l.text);
                last.line_end = l.no;
            } else {
                header_line(&mut blocks, l);
            }
        }
        if !in_turns {
            if let Some(b) = blocks.last_mut() {
                b.label = Some(String::new()); // marks the header paragraph as closed
            }
        }
    }
    for b in &mut blocks {
        if b.kind == BlockKind::Paragraph {
            b.label = None;
        }
    }
    blocks
}

/// Parses `Name: text` turns; a turn runs until a blank line or the next turn start.
pub fn named_turns(doc: &Layout<'_>) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    for raw in &doc.blocks {
        let mut open = false;
        for l in raw {
            if let Some((label, text)) = name_turn(l.text) {
                blocks.push(turn(l.no, Some(label), text));
                open = true;
            } else if is_stage(l.text) {
                continue;
            } else if open {
                let last = blocks.last_mut().expect("open turn");
                append_words(&mut last.text, l.text);
                last.line_end = l.no;
            } else {
                header_line(&mut blocks, l);
                open = false;
            }
        }
        if let Some(b) = blocks.last_mut() {
            if b.kind == BlockKind::Paragraph {
                b.label = Some(String::new());
            }
        }
    }
    for b in &mut blocks {
        if b.kind == BlockKind::Paragraph {
            b.label = None;
        }
    }
    blocks
}

/// Appends the words of a line to a text, one space between words; linear in the
/// length of a turn however many lines it has.
pub fn append_words(buf: &mut String, line: &str) {
    for w in line.split_whitespace() {
        if !buf.is_empty() {
            buf.push(' ');
        }
        buf.push_str(w);
    }
}

fn turn(line: usize, label: Option<String>, text: String) -> Block {
    Block {
        kind: BlockKind::Turn,
        line_start: line,
        line_end: line,
        text: squash(&text),
        label,
        speaker: None,
        section: None,
        time_start: None,
        is_item: false,
    }
}

/// Adds a non-turn line to the open header paragraph, or starts one. A paragraph whose
/// `label` is `Some("")` is closed (a blank line followed it).
fn header_line(blocks: &mut Vec<Block>, l: &Line<'_>) {
    if let Some(last) = blocks.last_mut() {
        if last.kind == BlockKind::Paragraph && last.label.is_none() {
            append_words(&mut last.text, l.text);
            last.line_end = l.no;
            return;
        }
    }
    blocks.push(Block {
        kind: BlockKind::Paragraph,
        line_start: l.no,
        line_end: l.no,
        text: squash(l.text),
        label: None,
        speaker: None,
        section: None,
        time_start: None,
        is_item: false,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::lines::Layout;

    #[test]
    fn test_captioning_turns_labels_and_unlabelled() {
        let doc = "Title\n\n>> CHENGETAI MASANGO: Hello all.\n\n(Pause)\n\n>>CHAIR MITCHELL: Thanks.\nMore words.\n\n>> Hello?  Can you hear me?\n";
        let ls = Layout::new(doc);
        let b = captioning(&ls);
        let turns: Vec<_> = b.iter().filter(|b| b.kind == BlockKind::Turn).collect();
        assert_eq!(turns.len(), 3);
        assert_eq!(turns[0].label.as_deref(), Some("CHENGETAI MASANGO"));
        assert_eq!(turns[1].label.as_deref(), Some("CHAIR MITCHELL"));
        assert_eq!(turns[1].text, "Thanks. More words.");
        assert_eq!((turns[1].line_start, turns[1].line_end), (7, 8));
        assert_eq!(turns[2].label, None);
    }

    #[test]
    fn test_name_turns_with_affiliation() {
        assert_eq!(
            name_turn("Anriette Esterhuysen (MAG Chair): Good afternoon")
                .map(|x| x.0)
                .as_deref(),
            Some("Anriette Esterhuysen (MAG Chair)")
        );
        assert_eq!(
            name_turn("Grad C: yeah").map(|x| x.0).as_deref(),
            Some("Grad C")
        );
        assert_eq!(name_turn("Date: Tuesday 07/09/2021"), None);
        assert_eq!(name_turn("Chair: Chris Buckridge (co-chair)"), None);
        assert_eq!(name_turn("The working group could: track things"), None);
    }

    #[test]
    fn test_caption_labels_with_accented_capitals() {
        let doc = "Title\n\n>> JOSÉ NÚÑEZ: Hello all.\n\n>> ÅSA ØSTBY: Thanks.\n\n>> Ça va? Oui: merci.\n";
        let ls = Layout::new(doc);
        let b = captioning(&ls);
        let turns: Vec<_> = b.iter().filter(|b| b.kind == BlockKind::Turn).collect();
        assert_eq!(turns[0].label.as_deref(), Some("JOSÉ NÚÑEZ"));
        assert_eq!(turns[1].label.as_deref(), Some("ÅSA ØSTBY"));
        // a sentence in mixed case before a colon is no label
        assert_eq!(turns[2].label, None);
    }
}
