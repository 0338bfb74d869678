//! From a meeting and its index records ([`crate::extract::passages`]) to tantivy
//! documents: passages, the meeting record, proposals, decisions and the file record,
//! each with the meeting's date, body and kind.

use super::schema::{record, Fields};
use crate::extract::passages::Records;
use crate::model::Meeting;
use tantivy::{DateTime, TantivyDocument};
use time::{Date, Month, PrimitiveDateTime, Time};

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
    r: &Records,
    f: &Fields,
    hash: &str,
    size: u64,
    mtime: u64,
) -> Vec<TantivyDocument> {
    let date = r.date.map(tantivy_date);
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
    for p in &r.passages {
        let mut d = base(record::PASSAGE);
        d.add_text(f.text, &p.text);
        for t in &p.themes {
            d.add_text(f.theme, t);
        }
        if let Some(s) = &p.section {
            d.add_text(f.section, s);
        }
        if let Some((s, key)) = &p.speaker {
            d.add_text(f.speaker, s);
            d.add_text(f.speaker_key, key);
        }
        d.add_u64(f.line_start, p.line_start as u64);
        d.add_u64(f.line_end, p.line_end as u64);
        if let Some(t) = p.time_start {
            d.add_f64(f.time_start, t);
        }
        d.add_u64(f.minor, u64::from(p.minor));
        out.push(d);
    }
    let mut whole = base(record::MEETING);
    whole.add_text(f.meeting_text, &r.meeting_text);
    for (short, long) in &r.acronyms {
        whole.add_text(f.acronym, format!("{short}\u{1f}{long}"));
    }
    for (key, surface, n) in &r.phrases {
        whole.add_text(f.phrase, format!("{key}\u{1f}{surface}\u{1f}{n}"));
    }
    for e in &m.events {
        whole.add_text(f.event, event_value(&e.name, e.date.as_deref()));
    }
    out.push(whole);
    for p in &r.proposals {
        let mut d = base(record::PROPOSAL);
        d.add_text(f.item_text, &p.text);
        if let Some((s, _)) = &p.speaker {
            d.add_text(f.item_speaker, s);
        }
        if let Some(req) = &p.request {
            d.add_text(f.request, req);
        }
        for t in &p.themes {
            d.add_text(f.theme, t);
        }
        if let Some((_, key)) = &p.speaker {
            d.add_text(f.speaker_key, key);
        }
        if let Some(s) = &p.section {
            d.add_text(f.item_section, s);
        }
        d.add_u64(f.line_start, p.line as u64);
        d.add_u64(f.line_end, p.line as u64);
        out.push(d);
    }
    for x in &r.decisions {
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

/// An event as the meeting record stores it: its name, a unit separator, its ISO date or
/// nothing.
pub fn event_value(name: &str, date: Option<&str>) -> String {
    format!("{name}\u{1f}{}", date.unwrap_or(""))
}

/// An event stored by [`event_value`], read back as (name, date).
pub fn parse_event_value(v: &str) -> (String, Option<String>) {
    match v.split_once('\u{1f}') {
        Some((name, "")) => (name.to_string(), None),
        Some((name, date)) => (name.to_string(), Some(date.to_string())),
        None => (v.to_string(), None),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_an_event_reads_back_as_it_was_stored() {
        for (name, date) in [
            ("Open Consultations", None),
            ("Paris Peace Forum", Some("2024-11-11")),
        ] {
            let v = event_value(name, date);
            assert_eq!(
                parse_event_value(&v),
                (name.to_string(), date.map(String::from))
            );
        }
        // a value without a separator is a name without a date
        assert_eq!(parse_event_value("WSIS+20"), ("WSIS+20".to_string(), None));
        assert_ne!(event_value("A", None), event_value("A", Some("2024-01-01")));
    }
}
