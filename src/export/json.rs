//! The meeting documents written as JSON straight into a byte buffer, the same bytes as
//! `serde_json::to_writer` gives for [`Doc`] (the tests compare the two on every kind of
//! document and on strings that need escaping).
//!
//! Profile of the 5,000-meeting export (session 14, `perf record`): serde's derived
//! serialiser with a flattened untagged enum goes through its map path, and
//! `format_escaped_str` looks up every byte of every text one at a time (8 % of the CPU);
//! a bulk action line was built as a `serde_json::Value` per document. Here strings are
//! scanned eight bytes at a time for the three classes of byte JSON escapes (controls, `"`
//! and `\`), and the action line is written from its parts.

use super::docs::{Doc, DocType, Extra};

const BB: u8 = b'b';
const TT: u8 = b't';
const NN: u8 = b'n';
const FF: u8 = b'f';
const RR: u8 = b'r';
const QU: u8 = b'"';
const BS: u8 = b'\\';
const UU: u8 = b'u';

/// How serde_json escapes each byte: 0 for as it is.
static ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = UU;
        i += 1;
    }
    t[0x08] = BB;
    t[0x09] = TT;
    t[0x0a] = NN;
    t[0x0c] = FF;
    t[0x0d] = RR;
    t[b'"' as usize] = QU;
    t[b'\\' as usize] = BS;
    t
};

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Whether any of the eight bytes of `w` is below 0x20, a quote or a backslash.
#[inline]
fn needs_escape(w: u64) -> bool {
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
    (below_space | zero(w ^ (ONES * b'"' as u64)) | zero(w ^ (ONES * b'\\' as u64))) != 0
}

/// A JSON string, quoted and escaped as serde_json writes it.
pub fn string(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push(b'"');
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        if let Some(chunk) = b.get(i..i + 8) {
            let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if !needs_escape(w) {
                i += 8;
                continue;
            }
        }
        let c = b[i];
        let e = ESCAPE[c as usize];
        i += 1;
        if e == 0 {
            continue;
        }
        out.extend_from_slice(&b[start..i - 1]);
        start = i;
        if e == UU {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[(c >> 4) as usize],
                HEX[(c & 0xf) as usize],
            ]);
        } else {
            out.extend_from_slice(&[b'\\', e]);
        }
    }
    out.extend_from_slice(&b[start..]);
    out.push(b'"');
}

/// An unsigned integer in decimal.
fn uint(out: &mut Vec<u8>, n: u64) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

fn opt_string(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// The `_bulk` action line that indexes a document under its id, with its newline.
pub fn index_action(out: &mut Vec<u8>, t: DocType, id: &str) {
    out.extend_from_slice(b"{\"index\":{\"_index\":\"quorum-");
    out.extend_from_slice(t.as_str().as_bytes());
    out.extend_from_slice(b"s\",\"_id\":");
    string(out, id);
    out.extend_from_slice(b"}}\n");
}

/// One document and its newline. Chains, a few thousand, go through serde.
pub fn document(out: &mut Vec<u8>, d: &Doc) -> serde_json::Result<()> {
    if matches!(d.extra, Extra::Chain(_)) {
        serde_json::to_writer(&mut *out, d)?;
        out.push(b'\n');
        return Ok(());
    }
    out.extend_from_slice(b"{\"id\":");
    string(out, &d.id);
    out.extend_from_slice(b",\"record\":\"");
    out.extend_from_slice(d.record.as_str().as_bytes());
    out.extend_from_slice(b"\",\"date\":");
    opt_string(out, d.date.as_deref());
    out.extend_from_slice(b",\"source\":");
    string(out, &d.source);
    out.extend_from_slice(b",\"line_start\":");
    uint(out, d.line_start);
    out.extend_from_slice(b",\"line_end\":");
    uint(out, d.line_end);
    out.extend_from_slice(b",\"body\":");
    string(out, &d.body);
    out.extend_from_slice(b",\"kind\":");
    string(out, &d.kind);
    out.extend_from_slice(b",\"title\":");
    string(out, &d.title);
    out.extend_from_slice(b",\"speaker\":");
    opt_string(out, d.speaker.as_deref());
    out.extend_from_slice(b",\"section\":");
    opt_string(out, d.section.as_deref());
    out.extend_from_slice(b",\"text\":");
    string(out, &d.text);
    out.extend_from_slice(b",\"themes\":[");
    for (i, t) in d.themes.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        string(out, t);
    }
    out.push(b']');
    match &d.extra {
        Extra::Passage { time_start } => {
            out.extend_from_slice(b",\"time_start\":");
            // serde_json's own float notation (and null for what is not finite)
            serde_json::to_writer(&mut *out, time_start)?;
        }
        Extra::Event { event_date } => {
            out.extend_from_slice(b",\"event_date\":");
            opt_string(out, event_date.as_deref());
        }
        Extra::None {} | Extra::Chain(_) => {}
    }
    out.extend_from_slice(b"}\n");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn serde_line(d: &Doc) -> Vec<u8> {
        let mut v = serde_json::to_vec(d).unwrap();
        v.push(b'\n');
        v
    }

    fn ours(d: &Doc) -> Vec<u8> {
        let mut v = Vec::new();
        document(&mut v, d).unwrap();
        v
    }

    fn doc(text: &str, extra: Extra) -> Doc<'_> {
        Doc {
            id: "0123abcd".into(),
            record: DocType::Passage,
            date: Some("2021-06-01T00:00:00Z".into()),
            source: Cow::Borrowed("a/b \"c\".md"),
            line_start: 7,
            line_end: 12_345_678_901,
            body: Cow::Borrowed("Forum Ü"),
            kind: Cow::Borrowed("transcript"),
            title: Cow::Borrowed("Main\tsession"),
            speaker: Some(Cow::Borrowed("Ana\\Lee")),
            section: None,
            text: Cow::Borrowed(text),
            themes: Cow::Owned(vec!["access".into(), "two words".into()]),
            extra,
        }
    }

    #[test]
    fn test_strings_escape_as_serde_json_does() {
        let mut all = String::new();
        for c in (0u8..0x80)
            .map(char::from)
            .chain(['é', '—', '😀', '\u{7f}'])
        {
            all.push(c);
            all.push_str("plain text run ");
        }
        for s in [
            "",
            "a",
            "exactly8",
            "\"quoted\" words, eight+",
            "tab\there and a line\nand \u{1} a control",
            "back\\slash at the end\\",
            all.as_str(),
        ] {
            let mut v = Vec::new();
            string(&mut v, s);
            assert_eq!(
                String::from_utf8(v).unwrap(),
                serde_json::to_string(s).unwrap()
            );
        }
    }

    #[test]
    fn test_documents_are_serde_json_bytes() {
        let passage = doc(
            "He said \"yes\"\nthen left.",
            Extra::Passage {
                time_start: Some(12.5),
            },
        );
        assert_eq!(ours(&passage), serde_line(&passage));
        let mut untimed = doc("x", Extra::Passage { time_start: None });
        untimed.date = None;
        untimed.themes = Cow::Owned(vec![]);
        assert_eq!(ours(&untimed), serde_line(&untimed));
        let mut event = doc(
            "Paris Peace Forum",
            Extra::Event {
                event_date: Some("2024-11-11T00:00:00Z".into()),
            },
        );
        event.record = DocType::Event;
        event.section = Some(Cow::Borrowed("Agenda"));
        assert_eq!(ours(&event), serde_line(&event));
        let mut decision = doc("The board agreed.", Extra::None {});
        decision.record = DocType::Decision;
        decision.speaker = None;
        assert_eq!(ours(&decision), serde_line(&decision));
        // a different text must give different bytes: the comparison can fail
        assert_ne!(ours(&decision), serde_line(&doc("other", Extra::None {})));
    }

    #[test]
    fn test_action_line_is_the_value_serde_json_writes() {
        let mut v = Vec::new();
        index_action(&mut v, DocType::Decision, "ffee");
        let mut want = serde_json::to_vec(&super::super::opensearch::index_action(
            DocType::Decision,
            "ffee",
        ))
        .unwrap();
        want.push(b'\n');
        assert_eq!(v, want);
    }

    #[test]
    fn test_integers_in_decimal() {
        for n in [0, 9, 10, 1234, u64::MAX] {
            let mut v = Vec::new();
            uint(&mut v, n);
            assert_eq!(String::from_utf8(v).unwrap(), n.to_string());
        }
    }
}
