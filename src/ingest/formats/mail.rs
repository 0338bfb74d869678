//! Mailing-list messages: a saved `.eml`, an archive page, or text that starts with
//! `From:`/`Date:`/`Subject:` headers.
//!
//! The subject is the title, without its `[listname]` tag, `Re:`/`Fwd:` and a leading
//! "Summary of" / "Minutes of"; the date is the meeting's own date when the text states
//! one, else the message's; what the author writes in the first person is theirs.
//! Quoted replies (`>` lines, "On ... wrote:", an Outlook "From:/Sent:" block and what
//! follows it) and list footers ("More information about the ... mailing list",
//! unsubscribe links) are blanked: they are no passage of this message. In text, the
//! blanked lines stay as empty lines, so line numbers are still the file's.

use super::{Format, MailMeta, Rendering};
use crate::model::Parsed;
use crate::text::dates::find_dates;
use crate::text::squash;
use regex::Regex;
use scraper::{ElementRef, Html};
use std::sync::LazyLock;

static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(from|date|subject|to|cc|reply-to|sender|received|return-path|message-id|mime-version|content-type|content-transfer-encoding|delivered-to|list-[a-z-]+|x-[a-z0-9-]+|in-reply-to|references|thread-[a-z]+|precedence|errors-to|dkim-signature|authentication-results|arc-[a-z-]+|importance|user-agent):\s?(.*)$").expect("mail header")
});
static WROTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:on\s.{4,200}\s)?(?:wrote|a écrit|ha scritto|schrieb|escribió)\s*:\s*$")
        .expect("wrote")
});
static ON_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(?:on|il|le|am|el)\s+\S").expect("on ..."));
static OUTLOOK_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*\**(?:from|da|de|von)\s*:\**\s+\S").expect("outlook from")
});
static OUTLOOK_SENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*\**(?:sent|inviato|envoyé|gesendet|date|data|enviado)\s*:\**\s+\S")
        .expect("outlook sent")
});
static ORIGINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*-{2,}\s*(?:original message|messaggio originale|message d'origine|ursprüngliche nachricht|forwarded message)\s*-{2,}\s*$").expect("original message")
});
static FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)more information about the .{0,80}mailing\s+list|^\s*\S+\s+mailing\s+list\s*$|\bunsubscribe\b|/(?:listinfo|options)/|^\s*_{10,}\s*$").expect("list footer")
});
static UNDERSCORES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*_{10,}\s*$").expect("underscores"));
static LIST_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\[[^\]]{1,60}\]\s*").expect("list tag"));
static REPLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:re|fwd?|fw|r|aw|sv|tr|rif|i)\s*(?:\[\d+\])?\s*:\s*")
        .expect("reply prefix")
});
static SUMMARY_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:summary\s+report|summary|minutes|notes|report|recording)\s+(?:of|from)\s+(?:the\s+)?").expect("summary of")
});
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?P<n>[^<@]*?)\s*<(?P<a>[^>]*)>\s*$|^\s*(?P<a2>\S+@\S+)\s*\((?P<n2>[^)]+)\)\s*$",
    )
    .expect("address")
});

/// Whether a text starts with a block of mail headers holding `From:` and `Subject:` or
/// `Date:`.
pub fn has_headers(text: &str) -> bool {
    let mut from = false;
    let mut other = false;
    for (i, l) in text.lines().take(60).enumerate() {
        if l.trim().is_empty() {
            break;
        }
        if l.starts_with([' ', '\t']) && i > 0 {
            continue; // a folded header line
        }
        let Some(c) = HEADER.captures(l) else {
            return false;
        };
        match c[1].to_ascii_lowercase().as_str() {
            "from" => from = true,
            "subject" | "date" => other = true,
            _ => {}
        }
    }
    from && other
}

/// Renders text with mail headers: the header block becomes the subject line, `From:`
/// and `Sent:` lines (the rest blank), and the body has quotes and footers blanked, so
/// every line keeps its number. A MIME-encoded message is read by the mail parser.
pub fn render_text(text: &str) -> Rendering {
    let lines: Vec<&str> = text.split('\n').collect();
    let end = lines
        .iter()
        .position(|l| l.trim().is_empty())
        .unwrap_or(lines.len());
    let mut headers: Vec<(String, String, usize)> = Vec::new();
    for (i, l) in lines[..end].iter().enumerate() {
        if l.starts_with([' ', '\t']) {
            if let Some(h) = headers.last_mut() {
                h.1.push(' ');
                h.1.push_str(l.trim());
            }
        } else if let Some(c) = HEADER.captures(l) {
            headers.push((c[1].to_ascii_lowercase(), c[2].trim().to_string(), i));
        }
    }
    let get = |k: &str| headers.iter().find(|h| h.0 == k).map(|h| h.1.clone());
    let encoded = get("content-transfer-encoding")
        .is_some_and(|v| !matches!(v.to_ascii_lowercase().as_str(), "7bit" | "8bit" | "binary"))
        || get("content-type").is_some_and(|v| v.to_ascii_lowercase().contains("multipart"));
    if encoded {
        if let Ok(r) = render_eml(text.as_bytes()) {
            return r;
        }
    }
    let mut out: Vec<String> = vec![String::new(); end];
    for (k, v, i) in &headers {
        out[*i] = match k.as_str() {
            "subject" => v.clone(),
            "from" => format!("From: {v}"),
            "date" => format!("Sent: {v}"),
            _ => String::new(),
        };
    }
    let body: Vec<String> = lines[end..].iter().map(|l| l.to_string()).collect();
    out.extend(clean_body(body));
    let (author, _) = get("from").map(|f| split_address(&f)).unwrap_or_default();
    Rendering {
        format: Format::Mail,
        text: out.join("\n"),
        mail: Some(MailMeta {
            author,
            date: get("date").and_then(|d| stamp_date(&d)),
            subject: get("subject"),
        }),
    }
}

/// Renders a saved message (`.eml`) through `mail-parser`, which decodes MIME parts,
/// quoted-printable, base64 and encoded headers.
pub fn render_eml(bytes: &[u8]) -> Result<Rendering, super::ReadError> {
    let malformed = || super::ReadError::Malformed {
        key: "not a mail message",
        message: "not a mail message (no headers the mail parser can read)".into(),
    };
    let msg = mail_parser::MessageParser::default()
        .parse(bytes)
        .ok_or_else(malformed)?;
    let subject = msg.subject().unwrap_or("").to_string();
    let from = msg.from().and_then(|a| a.first());
    let name = from.and_then(|a| a.name()).map(str::to_string);
    let address = from.and_then(|a| a.address()).map(str::to_string);
    let date = msg
        .date()
        .and_then(|d| calendar(i32::from(d.year), d.month, d.day));
    let body = match msg.body_text(0) {
        Some(t) => t.into_owned(),
        None => match msg.body_html(0) {
            Some(h) => super::html::content_text(&scraper::Html::parse_document(&h)),
            None => String::new(),
        },
    };
    if subject.is_empty() && body.trim().is_empty() && from.is_none() {
        return Err(malformed());
    }
    let stamp = msg.date().map(|d| d.to_rfc822());
    let mut r = compose(
        &subject,
        name.as_deref(),
        address.as_deref(),
        stamp.as_deref(),
        &body,
    );
    if let Some(m) = &mut r.mail {
        m.date = date.or(m.date);
    }
    Ok(r)
}

/// A message as text: subject, `From:` and `Sent:` lines, a blank line, the body with
/// quotes and footers blanked.
pub fn compose(
    subject: &str,
    author: Option<&str>,
    address: Option<&str>,
    stamp: Option<&str>,
    body: &str,
) -> Rendering {
    let author = author
        .map(squash)
        .filter(|a| !a.is_empty())
        .or_else(|| address.map(squash));
    let mut text = String::new();
    text.push_str(&squash(subject));
    text.push('\n');
    match (&author, address) {
        (Some(a), Some(ad)) if a != &squash(ad) => {
            text.push_str(&format!("From: {a} <{}>\n", squash(ad)))
        }
        (Some(a), _) => text.push_str(&format!("From: {a}\n")),
        _ => {}
    }
    if let Some(s) = stamp {
        text.push_str(&format!("Sent: {}\n", squash(s)));
    }
    text.push('\n');
    let body = body.replace("\r\n", "\n").replace('\r', "\n");
    let cleaned = clean_body(body.split('\n').map(str::to_string).collect());
    text.push_str(cleaned.join("\n").trim_matches('\n'));
    text.push('\n');
    Rendering {
        format: Format::Mail,
        text,
        mail: Some(MailMeta {
            author,
            date: stamp.and_then(stamp_date),
            subject: Some(squash(subject)),
        }),
    }
}

/// Blanks quoted replies and list footers; every line keeps its place.
pub fn clean_body(mut lines: Vec<String>) -> Vec<String> {
    let mut cut: Option<usize> = None;
    let n = lines.len();
    for i in 0..n {
        let l = lines[i].as_str();
        let next = |k: usize| lines.get(i + k).map(String::as_str).unwrap_or("");
        let quoted_rest = ORIGINAL.is_match(l)
            || (OUTLOOK_FROM.is_match(l) && (1..=4).any(|k| OUTLOOK_SENT.is_match(next(k))))
            || (UNDERSCORES.is_match(l) && (1..=3).any(|k| FOOTER.is_match(next(k))));
        if quoted_rest {
            cut = Some(i);
            break;
        }
    }
    let end = cut.unwrap_or(n);
    for l in lines.iter_mut().skip(end) {
        l.clear();
    }
    for i in 0..end {
        let l = lines[i].trim_start().to_string();
        let l = l.as_str();
        let wrote = WROTE.is_match(l)
            || (ON_START.is_match(l)
                && lines
                    .get(i + 1)
                    .is_some_and(|n| WROTE.is_match(n) || n.trim_end().ends_with("wrote:")));
        if l.starts_with('>') || FOOTER.is_match(l) {
            lines[i].clear();
        } else if wrote {
            lines[i].clear();
            if !WROTE.is_match(l) {
                if let Some(n) = lines.get_mut(i + 1) {
                    n.clear();
                }
            }
        }
    }
    lines
}

/// The title from a subject: no list tag, reply prefixes or "Summary of".
pub fn clean_subject(subject: &str) -> String {
    let mut s = squash(subject);
    loop {
        let before = s.len();
        s = LIST_TAG.replace(&s, "").into_owned();
        s = REPLY.replace(&s, "").into_owned();
        if s.len() == before {
            break;
        }
    }
    let s = SUMMARY_OF.replace(&s, "");
    s.trim().to_string()
}

/// Name and address from a `From:` value: `Name <a@b>`, `a@b (Name)`, `"Name" <a@b>`,
/// pipermail's `name at domain`.
pub fn split_address(v: &str) -> (Option<String>, Option<String>) {
    let clean = |s: &str| {
        let s = s.trim().trim_matches('"').trim();
        (!s.is_empty()).then(|| squash(s))
    };
    if let Some(c) = ADDRESS.captures(v) {
        let name = c.name("n").or(c.name("n2")).and_then(|m| clean(m.as_str()));
        let addr = c.name("a").or(c.name("a2")).and_then(|m| clean(m.as_str()));
        return (name.or_else(|| addr.clone()), addr);
    }
    (clean(v), None)
}

fn calendar(y: i32, m: u8, d: u8) -> Option<time::Date> {
    time::Date::from_calendar_date(y, time::Month::try_from(m).ok()?, d).ok()
}

/// The date of a mail stamp: RFC 2822 ("Thu, 14 May 2026 10:12:00 +0200") or
/// pipermail's ("Thu Aug 9 17:38:34 EDT 2018").
pub fn stamp_date(stamp: &str) -> Option<time::Date> {
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(19[89]\d|20\d\d)\b").expect("year"));
    let year = YEAR.captures(stamp).and_then(|c| c[1].parse().ok());
    find_dates(stamp, false)
        .first()
        .and_then(|d| d.resolve(d.year.or(year)))
}

/// What the message header says of the meeting, on the parsed layout: the subject as
/// title (and body), and the message's date when the text states none. The author is
/// attributed later, by the extraction stage (`extract::mail`).
pub fn apply_header(p: &mut Parsed, meta: &MailMeta) {
    if let Some(subject) = &meta.subject {
        let title = clean_subject(subject);
        if !title.is_empty() {
            p.body = super::super::header::body(&title);
            p.title = title;
        }
    }
    if p.date.is_none() {
        let from_subject = meta.subject.as_deref().and_then(|s| {
            find_dates(s, false)
                .iter()
                .find_map(|d| d.year.and_then(|_| d.resolve(None)))
        });
        p.date = from_subject.or(meta.date);
    }
}

/// A pipermail message page: subject `<h1>`, sender `<b>`, date `<i>`, body `<pre>`,
/// navigation lists and the list footer around it.
pub fn archive_message(doc: &Html, source: &str) -> Option<Rendering> {
    let marked = source.contains("<!--beginarticle-->");
    let pre = doc.select(&super::html::selector("pre")).next()?;
    let h1 = doc.select(&super::html::selector("h1")).next();
    let mailto = doc
        .select(&super::html::selector("a[href^='mailto:']"))
        .next();
    if !(marked || h1.is_some() && mailto.is_some()) {
        return None;
    }
    let text_of = |e: ElementRef<'_>| squash(&e.text().collect::<String>());
    let subject = h1.map(text_of).or_else(|| {
        doc.select(&super::html::selector("title"))
            .next()
            .map(text_of)
    })?;
    let author = doc.select(&super::html::selector("b")).next().map(text_of);
    let address = mailto.map(text_of);
    let stamp = doc.select(&super::html::selector("i")).next().map(text_of);
    let body: String = pre.text().collect();
    Some(compose(
        &subject,
        author.as_deref(),
        address.as_deref(),
        stamp.as_deref(),
        &body,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::dates::iso;

    #[test]
    fn test_subject_cleaning() {
        assert_eq!(
            clean_subject("[IGFmaglist] Summary of MAG Virtual Meeting X"),
            "MAG Virtual Meeting X"
        );
        assert_eq!(
            clean_subject("Re: [WG-Strategy] RE: Minutes of the WG Strategy meeting"),
            "WG Strategy meeting"
        );
        assert_eq!(clean_subject("[Wg-mwp] R: Notes"), "Notes");
    }

    #[test]
    fn test_quotes_outlook_blocks_and_footers_are_blanked_in_place() {
        let body = "I agree.\n\nOn Mon, 4 May 2026 at 10:00, Ana Lee wrote:\n> old text\n\n\
                    _______________________________________________\nWG mailing list\n\
                    https://example.org/mailman/listinfo/wg";
        let out = clean_body(body.split('\n').map(str::to_string).collect());
        assert_eq!(out.len(), body.split('\n').count());
        assert_eq!(out.iter().filter(|l| !l.is_empty()).count(), 1);
        let outlook = "Fine by me.\nFrom: Ana Lee\nSent: Monday, 4 May 2026\nTo: wg\nold";
        let out = clean_body(outlook.split('\n').map(str::to_string).collect());
        assert_eq!(out[0], "Fine by me.");
        assert!(out[1..].iter().all(|l| l.is_empty()));
    }

    #[test]
    fn test_text_with_headers_keeps_line_numbers() {
        let t = "From: Ana Lee <ana@example.org>\nDate: Thu, 14 May 2026 10:12:00 +0200\n\
                 Subject: [wg] Re: Summary of the call\n\nHello all.\n> quoted\n";
        assert!(has_headers(t));
        let r = render_text(t);
        assert_eq!(r.text.split('\n').count(), t.split('\n').count());
        let meta = r.mail.unwrap();
        assert_eq!(meta.author.as_deref(), Some("Ana Lee"));
        assert_eq!(meta.date.map(iso).as_deref(), Some("2026-05-14"));
        assert!(!r.text.contains("quoted"));
        assert!(r.text.starts_with("From: Ana Lee"));
    }

    #[test]
    fn test_stamps_and_addresses() {
        assert_eq!(
            stamp_date("Thu Aug 9 17:38:34 EDT 2018")
                .map(iso)
                .as_deref(),
            Some("2018-08-09")
        );
        assert_eq!(
            split_address("\"Lee, Ana\" <ana@example.org>").0.as_deref(),
            Some("Lee, Ana")
        );
        assert_eq!(
            split_address("ana@example.org (Ana Lee)").0.as_deref(),
            Some("Ana Lee")
        );
    }
}
