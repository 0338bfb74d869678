//! What the index stores of one meeting, worked out by the rules: passages (paragraphs,
//! turns, windows of long turns) with their themes and speaker keys, the meeting's
//! acronyms and key phrases, and its proposals and decisions with their themes. The
//! index turns these records into documents without running any rule itself.

use super::acronyms;
use super::phrases::key_phrases;
use super::themes::ThemeSet;
use crate::model::{Block, BlockKind, Meeting};
use crate::text::names::person_key;
use crate::text::sentences;
use time::Date;

/// A turn longer than this many words is split into overlapping windows of sentences.
pub const WINDOW_WORDS: usize = 120;

/// Turns that only keep the conversation going: kept, but ranked below others.
pub fn is_minor(text: &str) -> bool {
    let words: Vec<String> = crate::text::words(text).map(|w| w.to_lowercase()).collect();
    let backchannel = &crate::lexicon::lexicon().passages.backchannel;
    words.len() <= 4
        && words
            .iter()
            .all(|w| backchannel.contains(w) || w.len() <= 2)
}

/// The date field value of a meeting: its date, else a date in the file name.
pub fn meeting_date(meeting: &Meeting) -> Option<Date> {
    meeting
        .meeting
        .date
        .as_deref()
        .and_then(crate::text::dates::parse_iso)
        .or_else(|| {
            let name = meeting.source.rsplit('/').next().unwrap_or("");
            crate::text::dates::find_dates(name, false)
                .first()
                .and_then(|d| d.resolve(None))
        })
}

/// One passage to index.
#[derive(Debug, Clone)]
pub struct PassageRecord {
    /// The passage's text (a block, or a window of a long one).
    pub text: String,
    /// Names of the themes it matches.
    pub themes: Vec<String>,
    /// The heading it stands under.
    pub section: Option<String>,
    /// Who spoke it, with the person key the name is searched by.
    pub speaker: Option<(String, String)>,
    /// First line of its block.
    pub line_start: usize,
    /// Last line of its block.
    pub line_end: usize,
    /// Start time of the turn, in seconds (subtitles).
    pub time_start: Option<f64>,
    /// Whether it is a turn that only keeps the conversation going ([`is_minor`]).
    pub minor: bool,
}

/// One proposal or decision to index.
#[derive(Debug, Clone)]
pub struct ItemRecord {
    /// What was proposed or decided.
    pub text: String,
    /// Who proposed it, with the person key (proposals only).
    pub speaker: Option<(String, String)>,
    /// Names of the themes it matches (proposals only).
    pub themes: Vec<String>,
    /// The heading it stands under.
    pub section: Option<String>,
    /// Its line.
    pub line: usize,
    /// The analysis of what it asks, serialised for the index (proposals only; the gap
    /// rules read it back instead of parsing every proposal at query time).
    pub request: Option<String>,
}

/// Everything the index stores of one meeting, beside its header fields.
#[derive(Debug, Clone)]
pub struct Records {
    /// The date the meeting is filed under ([`meeting_date`]).
    pub date: Option<Date>,
    /// Passages, in document order.
    pub passages: Vec<PassageRecord>,
    /// The text of every content block, one a line.
    pub meeting_text: String,
    /// Acronyms the meeting defines: (short, long).
    pub acronyms: Vec<(String, String)>,
    /// Key phrases: (key, surface form, count).
    pub phrases: Vec<(String, String, usize)>,
    /// Proposals, in document order.
    pub proposals: Vec<ItemRecord>,
    /// Decisions, in document order.
    pub decisions: Vec<ItemRecord>,
}

/// The index records of one meeting.
pub fn records(m: &Meeting, themes: &ThemeSet) -> Records {
    let theme_names = |text: &str| -> Vec<String> {
        themes
            .matches(text)
            .into_iter()
            .map(|t| themes.themes[t].name.clone())
            .collect()
    };
    let content: Vec<&Block> = m
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Heading && !b.text.trim().is_empty())
        .collect();
    let mut passages = Vec::new();
    for b in &content {
        for window in windows(&b.text) {
            passages.push(PassageRecord {
                themes: theme_names(&window),
                section: m.section_of(b).map(str::to_string),
                speaker: b.speaker.as_ref().map(|s| (s.clone(), person_key(s))),
                line_start: b.line_start,
                line_end: b.line_end,
                time_start: b.time_start,
                minor: b.kind == BlockKind::Turn && is_minor(&window),
                text: window,
            });
        }
    }
    let texts: Vec<&str> = content.iter().map(|b| b.text.as_str()).collect();
    let meeting_text = texts.join("\n");
    let people: Vec<String> = m
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .chain(m.speakers.iter().map(String::as_str))
        .flat_map(|n| n.split_whitespace())
        .map(str::to_lowercase)
        .collect();
    // the attendance list names people and roles, not topics
    let listed: Vec<Vec<String>> = m
        .participants
        .iter()
        .map(|p| p.name.split_whitespace().map(crate::text::fold).collect())
        .collect();
    let texts: Vec<&str> = texts
        .into_iter()
        .filter(|t| !is_list_entry(t, &listed))
        .collect();
    let title: Vec<String> = crate::text::words(&m.meeting.title)
        .map(str::to_lowercase)
        .collect();
    let acronyms = acronyms::definitions(&texts.join("\n"));
    let phrases = key_phrases(&texts, &people, &title);
    let proposals = m
        .proposals
        .iter()
        .map(|p| ItemRecord {
            text: p.text.clone(),
            speaker: Some((p.speaker.clone(), person_key(&p.speaker))),
            themes: theme_names(&format!(
                "{} {}",
                p.text,
                p.section.as_deref().unwrap_or("")
            )),
            section: p.section.clone(),
            line: p.line,
            request: Some(super::request::analyse(&p.text).to_stored()),
        })
        .collect();
    let decisions = m
        .decisions
        .iter()
        .map(|x| ItemRecord {
            text: x.text.clone(),
            speaker: None,
            themes: Vec::new(),
            section: x.section.clone(),
            line: x.line,
            request: None,
        })
        .collect();
    Records {
        date: meeting_date(m),
        passages,
        meeting_text,
        acronyms,
        phrases,
        proposals,
        decisions,
    }
}

/// Whether a paragraph is an entry of the attendance list.
fn is_list_entry(text: &str, listed: &[Vec<String>]) -> bool {
    // only the first words can name a listed person: fold those, not the whole text
    let head: String = text
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    let folded = crate::text::fold(&head);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .take(6)
        .collect();
    listed
        .iter()
        .any(|parts| parts.iter().all(|p| words.contains(&p.as_str())))
}

/// A long text as overlapping windows of whole sentences; a short one as itself.
pub fn windows(text: &str) -> Vec<String> {
    let n_words = text.split_whitespace().count();
    if n_words <= WINDOW_WORDS {
        return vec![text.to_string()];
    }
    let sents: Vec<&str> = sentences(text).into_iter().map(|(_, s)| s).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < sents.len() {
        let mut j = i;
        let mut words = 0;
        while j < sents.len()
            && (words == 0 || words + sents[j].split_whitespace().count() <= WINDOW_WORDS)
        {
            words += sents[j].split_whitespace().count();
            j += 1;
        }
        out.push(sents[i..j].join(" "));
        if j >= sents.len() {
            break;
        }
        // one sentence of overlap, so that an answer across the cut is still whole
        i = if j - i > 1 { j - 1 } else { j };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_windows_overlap_and_cover() {
        let s = "One two three four five six seven eight nine ten. ".repeat(30);
        let w = windows(&s);
        assert!(w.len() > 2);
        assert!(w
            .iter()
            .all(|x| x.split_whitespace().count() <= WINDOW_WORDS));
        assert_eq!(windows("Short turn.").len(), 1);
    }

    #[test]
    fn test_backchannel_is_minor() {
        assert!(is_minor("Mm - hmm ."));
        assert!(is_minor("Yeah, okay."));
        assert!(!is_minor("We should track implementation."));
    }
}
