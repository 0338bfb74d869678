//! From a parsed meeting to index documents: passages (paragraphs, turns, windows of
//! long turns), proposals and decisions, each with the meeting's date, body and kind.

use super::schema::{record, Fields};
use crate::extract::names::person_key;
use crate::extract::phrases::key_phrases;
use crate::extract::themes::ThemeSet;
use crate::model::{BlockKind, Meeting};
use crate::text::sentences;
use tantivy::{DateTime, TantivyDocument};
use time::{Date, Month, PrimitiveDateTime, Time};

/// A turn longer than this many words is split into overlapping windows of sentences.
pub const WINDOW_WORDS: usize = 120;

/// Turns that only keep the conversation going: kept, but ranked below others.
pub fn is_minor(text: &str) -> bool {
    let words: Vec<String> = crate::text::words(text).map(|w| w.to_lowercase()).collect();
    const BACKCHANNEL: &[&str] = &[
        "yeah",
        "yes",
        "okay",
        "ok",
        "mm",
        "hmm",
        "mmhmm",
        "uh",
        "um",
        "huh",
        "right",
        "sure",
        "no",
        "so",
        "oh",
        "ah",
        "alright",
        "thanks",
        "thank",
        "you",
        "hi",
        "hello",
        "bye",
        "cool",
        "great",
        "good",
        "fine",
        "hm",
        "mhm",
        "vocalsound",
        "disfmarker",
        "gap",
        "pause",
        "laugh",
        "and",
        "well",
        "yep",
        "nope",
        "exactly",
        "true",
        "indeed",
        "i",
        "see",
    ];
    words.len() <= 4
        && words
            .iter()
            .all(|w| BACKCHANNEL.contains(&w.as_str()) || w.len() <= 2)
}

/// The date field value of a meeting: its date, else a date in the file name.
pub fn meeting_date(meeting: &Meeting) -> Option<Date> {
    meeting
        .meeting
        .date
        .as_deref()
        .and_then(crate::extract::dates::parse_iso)
        .or_else(|| {
            let name = meeting.source.rsplit('/').next().unwrap_or("");
            crate::extract::dates::find_dates(name, false)
                .first()
                .and_then(|d| d.resolve(None))
        })
}

fn tantivy_date(d: Date) -> DateTime {
    DateTime::from_utc(PrimitiveDateTime::new(d, Time::MIDNIGHT).assume_utc())
}

/// Converts an index date back.
pub fn from_tantivy_date(d: DateTime) -> Option<Date> {
    let odt = d.into_utc();
    Date::from_calendar_date(
        odt.year(),
        Month::try_from(u8::from(odt.month())).ok()?,
        odt.day(),
    )
    .ok()
}

/// Index documents of one meeting, the file record last.
pub fn documents(
    m: &Meeting,
    f: &Fields,
    themes: &ThemeSet,
    hash: &str,
    size: u64,
    mtime: u64,
) -> Vec<TantivyDocument> {
    let date = meeting_date(m).map(tantivy_date);
    let sid = super::schema::source_id(&m.source);
    let base = |rec: &str| {
        let mut d = TantivyDocument::default();
        d.add_text(f.record, rec);
        d.add_text(f.source, &m.source);
        d.add_u64(f.source_id, sid);
        d.add_text(f.body, &m.meeting.body);
        d.add_text(f.kind, m.meeting.kind.as_str());
        d.add_text(f.title, &m.meeting.title);
        if let Some(dt) = date {
            d.add_date(f.date, dt);
        }
        d
    };
    let mut out = Vec::new();
    let content: Vec<&crate::model::Block> = m
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Heading && !b.text.trim().is_empty())
        .collect();
    for b in &content {
        for window in windows(&b.text) {
            let mut d = base(record::PASSAGE);
            d.add_text(f.text, &window);
            for t in themes.matches(&window) {
                d.add_text(f.theme, &themes.themes[t].name);
            }
            if let Some(s) = m.section_of(b) {
                d.add_text(f.section, s);
            }
            if let Some(s) = &b.speaker {
                d.add_text(f.speaker, s);
                d.add_text(f.speaker_key, person_key(s));
            }
            d.add_u64(f.line_start, b.line_start as u64);
            d.add_u64(f.line_end, b.line_end as u64);
            if let Some(t) = b.time_start {
                d.add_f64(f.time_start, t);
            }
            d.add_u64(
                f.minor,
                u64::from(b.kind == BlockKind::Turn && is_minor(&window)),
            );
            out.push(d);
        }
    }
    let mut whole = base(record::MEETING);
    let texts: Vec<&str> = content.iter().map(|b| b.text.as_str()).collect();
    whole.add_text(f.meeting_text, texts.join("\n"));
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
    for (short, long) in crate::extract::acronyms::definitions(&texts.join("\n")) {
        whole.add_text(f.acronym, format!("{short}\u{1f}{long}"));
    }
    for (key, surface, n) in key_phrases(&texts, &people, &title) {
        whole.add_text(f.phrase, format!("{key}\u{1f}{surface}\u{1f}{n}"));
    }
    out.push(whole);
    for p in &m.proposals {
        let mut d = base(record::PROPOSAL);
        d.add_text(f.item_text, &p.text);
        d.add_text(f.item_speaker, &p.speaker);
        d.add_text(
            f.request,
            crate::extract::request::analyse(&p.text).to_stored(),
        );
        for t in themes.matches(&format!(
            "{} {}",
            p.text,
            p.section.as_deref().unwrap_or("")
        )) {
            d.add_text(f.theme, &themes.themes[t].name);
        }
        d.add_text(f.speaker_key, person_key(&p.speaker));
        if let Some(s) = &p.section {
            d.add_text(f.item_section, s);
        }
        d.add_u64(f.line_start, p.line as u64);
        d.add_u64(f.line_end, p.line as u64);
        out.push(d);
    }
    for x in &m.decisions {
        let mut d = base(record::DECISION);
        d.add_text(f.item_text, &x.text);
        if let Some(s) = &x.section {
            d.add_text(f.item_section, s);
        }
        d.add_u64(f.line_start, x.line as u64);
        d.add_u64(f.line_end, x.line as u64);
        out.push(d);
    }
    out.push(file_record(f, &m.source, hash, size, mtime));
    out
}

/// The record that says a file was indexed, and with which content.
pub fn file_record(f: &Fields, source: &str, hash: &str, size: u64, mtime: u64) -> TantivyDocument {
    let mut d = TantivyDocument::default();
    d.add_text(f.record, record::FILE);
    d.add_text(f.source, source);
    d.add_u64(f.source_id, super::schema::source_id(source));
    d.add_text(f.hash, hash);
    d.add_u64(f.size, size);
    d.add_u64(f.mtime, mtime);
    d
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
