//! Prose layout: paragraphs, list items and headings of a summary report, with the lines
//! they cover and the section each stands under.
//!
//! Headings come in four shapes in IGF records: lettered ("A. Monitoring ..."), numbered
//! ("1. Activities of the WG Strategy for 2026"), markdown (`## Next steps`, `*Action items*`)
//! and plain short lines ("Next steps", "Summary of key points"). A numbered line that is
//! a long sentence is a numbered paragraph, not a heading.

use super::lines::{Layout, Line, SEPARATOR};
use crate::model::{Block, BlockKind};
use crate::text::{markdown_heading, squash, strip_emphasis};
use regex::Regex;
use std::sync::LazyLock;

static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[-*•–·]\s+|\d{1,3}[.)]\s+|[a-zA-Z][.)]\s+|\(\w{1,4}\)\s+)")
        .expect("item marker")
});
static LETTERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z][.)]\s+\S").expect("lettered"));
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}(?:\.\d{1,2})*[.)]?\s+\S").expect("numbered"));
static EMPHASIZED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\*\*|__|\*)([^*_]{2,80}?)[.:]?(?:\*\*|__|\*)[.:]?$").expect("emphasized line")
});
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\*\*|\*|__)([^*_]{2,60}?)[.:]?(?:\*\*|\*|__)[.:]?\s+(\S.*)$")
        .expect("inline lead heading")
});
/// Headings that structure a record even before its first paragraph of prose.
static STRUCTURAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:decisions?|action\s+(?:items?|points?)|next\s+steps|executive\s+summary|agreed|key\s+points|outcomes?|conclusions)\b").expect("structural heading")
});
static KEY_VALUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[^:]{1,30}:\s+\S").expect("key: value"));

/// Whether a line starts a list item.
pub fn is_item_start(line: &str) -> bool {
    marker_end(line).is_some()
}

/// Where an item's marker ends: a bullet, "3.", "b)", "(iv)", or a decimal paragraph
/// number of minutes ("4.2", "10.1.3") when a capital letter follows it (so "1.5 million
/// attended" is not an item).
fn marker_end(line: &str) -> Option<usize> {
    static DECIMAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*\d{1,3}(?:\.\d{1,3})+[.)]?\s+").expect("decimal paragraph number")
    });
    ITEM.find(line).map(|m| m.end()).or_else(|| {
        DECIMAL
            .find(line)
            .map(|m| m.end())
            .filter(|&e| line[e..].starts_with(char::is_uppercase))
    })
}

/// The text of a list item without its marker.
pub fn strip_marker(line: &str) -> &str {
    match marker_end(line) {
        Some(e) => &line[e..],
        None => line.trim_start(),
    }
}

/// A heading's text when `line` (alone in its block, or leading a list) is a heading.
pub fn heading_text(line: &str) -> Option<String> {
    let t = line.trim();
    if t.is_empty() || t.len() > 120 {
        return None;
    }
    if let Some(words) = markdown_heading(t) {
        return Some(strip_emphasis(words).trim().to_string());
    }
    if let Some(c) = EMPHASIZED.captures(t) {
        return Some(c[1].trim().to_string());
    }
    let plain = strip_emphasis(t);
    let plain = plain.trim();
    let n_words = plain.split_whitespace().count();
    let ends_sentence = plain.ends_with(['.', ',', ';', '?', '!']);
    if LETTERED.is_match(plain) || NUMBERED.is_match(plain) {
        // "13. Action items:": a short label with its colon; a longer line ending in a
        // colon is a sentence that introduces a list
        if let Some(label) = plain.strip_suffix(':') {
            return (n_words <= HEADING_LABEL_WORDS + 1).then(|| label.trim_end().to_string());
        }
        return (n_words <= 14 && !ends_sentence).then(|| plain.trim_end_matches(';').to_string());
    }
    let first = plain.chars().next()?;
    if !first.is_uppercase()
        || n_words > 12
        || ends_sentence
        || plain.chars().any(|c| c.is_ascii_digit()) && KEY_VALUE.is_match(plain)
    {
        return None;
    }
    if let Some((key, _)) = plain.split_once(':').filter(|_| KEY_VALUE.is_match(plain)) {
        if super::transcript::is_header_key(key)
            || n_words <= 3
            || key.split_whitespace().count() == 1 && n_words > 9
        {
            return None; // "Chair: Chris Buckridge", "Next meeting: 17 October"
        }
    }
    if n_words > 9 && !plain.contains(':') {
        return None;
    }
    if plain.starts_with(['>', '-', '[', '(', '|']) || plain.contains(" at ") && plain.contains('@')
    {
        return None;
    }
    if plain.ends_with(':') && !is_list_heading(plain) {
        return None; // "The working group could:" introduces a list; it is not a heading
    }
    Some(plain.trim_end_matches(':').trim().to_string())
}

/// Whether a line ending with a colon names a part ("Action items:") rather than
/// opening a sentence ("He suggested:").
fn is_list_heading(line: &str) -> bool {
    const OPENERS: &[&str] = &[
        "the", "a", "an", "he", "she", "it", "we", "they", "this", "these", "i", "possible", "our",
        "its", "their",
    ];
    const VERBS: &[&str] = &[
        "could",
        "should",
        "would",
        "will",
        "can",
        "may",
        "must",
        "include",
        "includes",
        "including",
        "suggested",
        "proposed",
        "said",
        "noted",
        "are",
        "is",
        "were",
        "was",
        "be",
        "recommended",
        "asked",
    ];
    let words: Vec<String> = line
        .trim_end_matches(':')
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect();
    !words.is_empty()
        && words.len() <= 5
        && !OPENERS.contains(&words[0].as_str())
        && !words.iter().any(|w| VERBS.contains(&w.as_str()))
}

/// The most words a numbered label over a list has ("13. Action items:", "4. Decisions and
/// action points:"); a longer line ending in a colon ("12. The following next steps were
/// agreed:", six words, train5) is a sentence that introduces its list.
const HEADING_LABEL_WORDS: usize = 4;

/// Lays out prose: blocks split into items, headings recognised, sections assigned.
/// Blocks before the first prose paragraph are the header and stand under no section.
pub fn layout(doc: &Layout<'_>, sections: &mut Vec<String>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<usize> = None;
    let mut in_body = false;
    for raw in &doc.blocks {
        if raw.iter().all(|l| l.text.trim_start().starts_with('>')) {
            continue; // a quoted e-mail reply: not this document's words
        }
        // a separator or a mail header ends the section: what follows is a postscript,
        // a quoted reply or a list footer
        let raw: Vec<Line<'_>> =
            if SEPARATOR.is_match(raw[0].text) || super::header::is_mail_line(raw[0].text) {
                current = None;
                raw.iter()
                    .copied()
                    .filter(|l| !SEPARATOR.is_match(l.text) && !super::header::is_mail_line(l.text))
                    .collect()
            } else {
                raw.clone()
            };
        if raw.is_empty() {
            continue;
        }
        let mut start = 0;
        let only_items_follow = raw[1..]
            .iter()
            .all(|l| is_item_start(l.text) || l.text.starts_with([' ', '\t']));
        // a numbered line in capitals over numbered paragraphs ("4.0  PREPARATIONS"
        // over "4.1 ..."), or a short numbered label ending in a colon over a list
        // ("13. Action items:"), is their heading, not the first of them
        let lead = strip_marker(raw[0].text).trim();
        let capitals = !lead.chars().any(char::is_lowercase);
        let label = lead.ends_with(':') && lead.split_whitespace().count() <= HEADING_LABEL_WORDS;
        if raw.len() == 1
            || (only_items_follow && (!is_item_start(raw[0].text) || capitals || label))
        {
            if let Some(h) = heading_text(raw[0].text) {
                if in_body || STRUCTURAL.is_match(&h) {
                    sections.push(h.clone());
                    current = Some(sections.len() - 1);
                }
                blocks.push(Block {
                    kind: BlockKind::Heading,
                    line_start: raw[0].no,
                    line_end: raw[0].no,
                    text: h,
                    label: None,
                    speaker: None,
                    section: current,
                    time_start: None,
                    is_item: false,
                });
                start = 1;
            }
        }
        for item in split_items(&raw[start..]) {
            let first = item[0].text;
            let is_item = is_item_start(first);
            let joined = squash(
                &item
                    .iter()
                    .enumerate()
                    .map(|(i, l)| if i == 0 { strip_marker(l.text) } else { l.text })
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            let mut text = joined;
            let mut section = current;
            if let Some(c) = LEAD.captures(&text.clone()) {
                if in_body || is_item {
                    sections.push(c[1].trim().to_string());
                    section = Some(sections.len() - 1);
                    if !is_item {
                        current = section;
                    }
                }
                text = c[2].to_string();
            }
            if !in_body && is_prose(&text) {
                in_body = true;
            }
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                line_start: item[0].no,
                line_end: item[item.len() - 1].no,
                text,
                label: None,
                speaker: None,
                section,
                time_start: None,
                is_item,
            });
        }
    }
    blocks
}

/// Splits a block at lines that start list items; wrapped lines stay with their item.
fn split_items<'a>(raw: &[Line<'a>]) -> Vec<Vec<Line<'a>>> {
    let mut out: Vec<Vec<Line<'a>>> = Vec::new();
    for l in raw {
        // "Chair: X" and "Attendees: ..." lines in a header block are each their own item
        let key_line = KEY_VALUE.is_match(l.text.trim_start())
            && l.text
                .trim_start()
                .split(':')
                .next()
                .is_some_and(|k| k.split_whitespace().count() <= 3);
        if is_item_start(l.text) || out.is_empty() || key_line {
            out.push(vec![*l]);
        } else {
            out.last_mut().expect("non-empty").push(*l);
        }
    }
    out
}

/// A paragraph of running text: long enough and made of sentences.
pub fn is_prose(text: &str) -> bool {
    text.split_whitespace().count() >= 12 && text.contains(['.', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_decimal_paragraph_numbers_mark_items() {
        assert!(is_item_start("3.4  The Treasurer presented the budget."));
        assert_eq!(
            strip_marker("12.1.2 Dr. Mensah asked for a vote."),
            "Dr. Mensah asked for a vote."
        );
        // must reject: a decimal figure that opens a sentence
        assert!(!is_item_start("2.5 million users joined online."));
        assert_eq!(strip_marker("2.5 million users"), "2.5 million users");
    }

    #[test]
    fn test_a_short_numbered_label_with_a_colon_heads_its_list() {
        assert_eq!(
            heading_text("7.  Follow-up actions:").as_deref(),
            Some("7.  Follow-up actions")
        );
        // must reject: a numbered sentence that introduces its list
        assert_eq!(
            heading_text("9. The members present then agreed on these points:"),
            None
        );
    }

    #[test]
    fn test_heading_shapes() {
        assert_eq!(
            heading_text("A. Monitoring implementation of MAG improvement proposals").as_deref(),
            Some("A. Monitoring implementation of MAG improvement proposals")
        );
        assert_eq!(
            heading_text("1. Activities of the WG Strategy for 2026").as_deref(),
            Some("1. Activities of the WG Strategy for 2026")
        );
        assert_eq!(heading_text("## Next steps").as_deref(), Some("Next steps"));
        assert_eq!(
            heading_text("*Action items*").as_deref(),
            Some("Action items")
        );
        assert_eq!(heading_text("Agreed:").as_deref(), Some("Agreed"));
        assert_eq!(
            heading_text("Summary of key points").as_deref(),
            Some("Summary of key points")
        );
    }

    #[test]
    fn test_sentences_and_key_values_are_not_headings() {
        assert_eq!(heading_text("1. The MAG held its eighth virtual meeting of the year on 11 October at 13:00 UTC."), None);
        assert_eq!(heading_text("Chair: Chris Buckridge (co-chair)"), None);
        assert_eq!(heading_text("Dear MAG colleagues,"), None);
        assert_eq!(
            heading_text("Participants generally supported this approach."),
            None
        );
    }

    #[test]
    fn test_layout_assigns_sections_and_items() {
        let doc = "Title\n\nThe group met today and discussed many things at length. It went well.\n\nA. First topic\n\nChris suggested things.\n\nThe working group could:\n\n- track implementation,\n- report progress.\n";
        let ls = Layout::new(doc);
        let mut sections = Vec::new();
        let blocks = layout(&ls, &mut sections);
        assert_eq!(sections, vec!["A. First topic"]);
        let items: Vec<_> = blocks.iter().filter(|b| b.is_item).collect();
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].line_start, 12);
        assert_eq!(items[1].section, Some(0));
        assert_eq!(blocks[0].section, None);
    }

    #[test]
    fn test_inline_lead_heading_becomes_section() {
        let doc = "Intro line that is long enough to count as prose for the body test here.\n\n   2. *Secretariat update.* Chengetai Masango reported that\n   registration was open.\n";
        let ls = Layout::new(doc);
        let mut sections = Vec::new();
        let blocks = layout(&ls, &mut sections);
        assert_eq!(sections, vec!["Secretariat update"]);
        let b = blocks.last().unwrap();
        assert_eq!(
            b.text,
            "Chengetai Masango reported that registration was open."
        );
        assert_eq!((b.line_start, b.line_end), (3, 4));
    }
}
