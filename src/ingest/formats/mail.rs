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
    let (body, voices) = clean_body_voices(body);
    out.extend(body);
    let (author, _) = get("from").map(|f| split_address(&f)).unwrap_or_default();
    Rendering {
        format: Format::Mail,
        text: out.join("\n"),
        mail: Some(MailMeta {
            author,
            date: get("date").and_then(|d| stamp_date(&d)),
            subject: get("subject"),
            voices: voices.into_iter().map(|(i, a)| (end + i + 1, a)).collect(),
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
    let (cleaned, voices) = clean_body_voices(body.split('\n').map(str::to_string).collect());
    // the body's first line follows the header lines; leading blank lines are dropped
    let first = text.matches('\n').count() + 1;
    let lead = cleaned.iter().take_while(|l| l.is_empty()).count();
    let voices = voices
        .into_iter()
        .map(|(i, a)| (first + i.saturating_sub(lead), a))
        .collect();
    text.push_str(cleaned.join("\n").trim_matches('\n'));
    text.push('\n');
    Rendering {
        format: Format::Mail,
        text,
        mail: Some(MailMeta {
            author,
            date: stamp.and_then(stamp_date),
            subject: Some(squash(subject)),
            voices,
        }),
    }
}

/// Blanks quoted replies and list footers; every line keeps its place.
pub fn clean_body(lines: Vec<String>) -> Vec<String> {
    clean_body_voices(lines).0
}

/// Blanks quoted replies and list footers, every line in its place, except a quoted
/// message that is a meeting record ([`is_record`]): that is read as part of this message,
/// without its quote marks and header lines. Gives, for each kept quote, the index of
/// its first line and its author when the attribution names one.
pub fn clean_body_voices(mut lines: Vec<String>) -> (Vec<String>, Vec<(usize, String)>) {
    let mut voices = Vec::new();
    let n = lines.len();
    let mut end = n;
    for i in 0..n {
        let l = lines[i].as_str();
        let next = |k: usize| lines.get(i + k).map(String::as_str).unwrap_or("");
        if UNDERSCORES.is_match(l) && (1..=3).any(|k| FOOTER.is_match(next(k))) {
            end = i;
            break;
        }
        let outlook = ORIGINAL.is_match(l)
            || (OUTLOOK_FROM.is_match(l) && (1..=4).any(|k| OUTLOOK_SENT.is_match(next(k))));
        if !outlook {
            continue;
        }
        // the forwarded message's header block, up to the first blank line
        let mut h = i;
        let mut author = None;
        while h < n && !lines[h].trim().is_empty() {
            let t = lines[h].as_str();
            if !(ORIGINAL.is_match(t) || OUTLOOK_KEY.is_match(t)) {
                break;
            }
            if OUTLOOK_FROM.is_match(t) {
                author = outlook_author(t);
            }
            h += 1;
        }
        let rest: Vec<&str> = lines[h..].iter().map(String::as_str).collect();
        if is_record(&rest) {
            for l in &mut lines[i..h] {
                l.clear();
            }
            if let Some(a) = author {
                voices.push((h, a));
            }
            // the forwarded record may itself be quoted ("> A. Debrief ..."): its header
            // block is its attribution
            let first = (h..n).find(|&k| !lines[k].trim().is_empty());
            if let Some(q) = first.filter(|&k| lines[k].trim_start().starts_with('>')) {
                let end_q = (q..n)
                    .find(|&k| !lines[k].trim_start().starts_with('>'))
                    .unwrap_or(n);
                unquote_run(&mut lines, q, end_q, &mut voices);
            }
            continue; // what follows is read, its own footer and quotes included
        }
        end = i;
        break;
    }
    for l in lines.iter_mut().skip(end) {
        l.clear();
    }
    dequote_records(&mut lines[..end], &mut voices, true);
    for i in 0..end {
        let l = lines[i].trim_start().to_string();
        let l = l.as_str();
        let wrote = WROTE.is_match(l)
            || (ON_START.is_match(l)
                && lines
                    .get(i + 1)
                    .is_some_and(|n| WROTE.is_match(n) || n.trim_end().ends_with("wrote:")));
        if FOOTER.is_match(l) {
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
    voices.sort_by_key(|v| v.0);
    (lines, voices)
}

/// A line that structures a meeting record: a numbered or bulleted item, or an
/// attendance, agenda, action-item, next-step or next-meeting line.
static RECORD_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:\d{1,2}[.)]\s+\S|[-*•]\s+\S|\**(?:participants|attendees|present|apologies|agenda|action\s+(?:items?|points?)|next\s+steps|next\s+(?:meeting|call))\b)").expect("record mark")
});
/// A mail header line of a forwarded or replied-to message, in the languages of the lists.
static OUTLOOK_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*\**(?:from|sent|to|cc|bcc|subject|date|da|inviato|a|oggetto|data|de|envoyé|à|objet|von|gesendet|an|betreff|enviado|para|asunto)\s*:").expect("outlook key")
});
static ON_BEHALF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:on\s+behalf\s+of|per\s+conto\s+di|de\s+la\s+part\s+de|im\s+auftrag\s+von|en\s+nombre\s+de)\s+").expect("on behalf of")
});
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?").expect("clock time")
});
static WROTE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(?:wrote|a écrit|ha scritto|schrieb|escribió)\s*:\s*$").expect("wrote end")
});
static QUOTE_MARKS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:>[ \t]?)+").expect("quote marks"));

/// The fewest lines of text a quoted message has when it is a meeting record. The quoted
/// replies of the training records hold 1-6 lines, the shortest quoted minutes 14
/// (train2 and dev sets): 8 lies between.
const RECORD_MIN_LINES: usize = 8;
/// The fewest structuring lines (items, attendance, next steps) in a quoted record.
const RECORD_MIN_MARKS: usize = 2;
/// The fewest lines that report what someone did or said in the past tense ("presented",
/// "agreed"): a quoted draft agenda has items but reports nothing.
const RECORD_MIN_REPORTS: usize = 2;

/// Whether the lines of a quoted message are a meeting record (minutes, notes, a summary)
/// rather than a reply or a draft agenda: long enough, structured by items or record
/// headings, and reporting in the past tense what people said or the meeting decided.
pub fn is_record(lines: &[&str]) -> bool {
    let text: Vec<String> = lines
        .iter()
        .map(|l| QUOTE_MARKS.replace(l, "").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    if text.len() < RECORD_MIN_LINES {
        return false;
    }
    let marks = text.iter().filter(|l| RECORD_MARK.is_match(l)).count();
    let verbs = &crate::lexicon::lexicon().speakers.speech_verbs;
    let reports = text
        .iter()
        .filter(|l| {
            l.split(|c: char| !c.is_alphanumeric())
                .map(str::to_lowercase)
                .any(|w| {
                    (w.ends_with("ed") || w == "said") && verbs.contains(&w)
                        || matches!(w.as_str(), "adopted" | "decided" | "approved")
                })
        })
        .count();
    marks >= RECORD_MIN_MARKS && reports >= RECORD_MIN_REPORTS
}

/// The author a forwarded message's `From:` line names ("Da: list <a at b> per conto di
/// Kwame Owusu", "From: Ana Lee <ana@x.org>").
fn outlook_author(line: &str) -> Option<String> {
    let v = line.split_once(':')?.1.trim().trim_matches('*').trim();
    let v = match ON_BEHALF.find(v) {
        Some(m) => &v[m.end()..],
        None => v,
    };
    let v = v.split(['<', '[']).next().unwrap_or(v);
    person_or_none(v)
}

/// The author an attribution line names: "On Tue, Jan 22, 2019 at 11:58 PM, Ana Lee
/// <ana at x.org> wrote:" gives Ana Lee.
pub fn wrote_author(line: &str) -> Option<String> {
    let t = WROTE_END.replace(line.trim(), "");
    let t = t.split(['<', '[', '(']).next().unwrap_or("");
    let t = match CLOCK.find_iter(t).last() {
        Some(m) => &t[m.end()..],
        None => t.rsplit(',').next().unwrap_or(t),
    };
    person_or_none(t)
}

/// A name as the headers give it, or nothing when it is an address or empty.
fn person_or_none(v: &str) -> Option<String> {
    let v = squash(
        v.trim()
            .trim_matches(|c: char| c == ',' || c == '"' || c == '\'' || c.is_whitespace()),
    );
    let words = v.split_whitespace().count();
    let address = v.contains('@') || v.contains(" at ") && v.contains('.');
    ((1..=6).contains(&words) && !address && v.chars().any(char::is_alphabetic))
        .then(|| header_name_order(&v))
}

/// A sender's name in "Given Family" order: list archives write the family name first in
/// capitals ("CASSANO Renata"). A sender that is a body ("IGF Secretariat", "MAG Chair":
/// a word of meeting logistics) keeps its words as they are.
fn header_name_order(v: &str) -> String {
    let generic = &crate::lexicon::lexicon().phrases.generic;
    if v.split_whitespace()
        .any(|w| generic.contains(&w.to_lowercase()))
    {
        return v.to_string();
    }
    crate::text::names::caps_family_order(v)
}

/// Finds the `>` quoted runs of lines; a run that an attribution line ("... wrote:")
/// introduces and that is a meeting record loses its quote marks and its inner
/// attribution lines (each recorded as a voice), so it is read as the record. Other runs
/// are blanked when `blank_others`.
fn dequote_records(lines: &mut [String], voices: &mut Vec<(usize, String)>, blank_others: bool) {
    let n = lines.len();
    let mut i = 0;
    while i < n {
        if !lines[i].trim_start().starts_with('>') {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while j < n && lines[j].trim_start().starts_with('>') {
            j += 1;
        }
        let attribution = attribution_before(lines, start);
        let outlook = attribution
            .is_none()
            .then(|| outlook_before(lines, start))
            .flatten();
        let run: Vec<&str> = lines[start..j].iter().map(String::as_str).collect();
        if (attribution.is_some() || outlook.is_some()) && is_record(&run) {
            let author = match (&attribution, outlook) {
                (Some(t), _) => wrote_author(t),
                (None, Some(from)) => outlook_author(&lines[from]),
                (None, None) => None,
            };
            if let Some(a) = author {
                voices.push((start, a));
            }
            unquote_run(lines, start, j, voices);
        } else if blank_others {
            for l in &mut lines[start..j] {
                l.clear();
            }
        }
        i = j;
    }
}

/// The quoted run `start..j` read as the record: quote marks removed, inner attribution
/// lines recorded as voices and cleared, list footers cleared.
fn unquote_run(lines: &mut [String], start: usize, j: usize, voices: &mut Vec<(usize, String)>) {
    for k in start..j {
        let t = QUOTE_MARKS.replace(&lines[k], "").into_owned();
        if WROTE_END.is_match(&t) {
            // "On ..., Ana Lee wrote:" inside the quote: Ana wrote what follows
            let wrapped = !ON_START.is_match(&t) && k > start && ON_START.is_match(&lines[k - 1]);
            let whole = if wrapped {
                format!("{} {t}", lines[k - 1])
            } else {
                t
            };
            if let Some(a) = wrote_author(&whole) {
                voices.push((k + 1, a));
            }
            lines[k].clear();
            if wrapped {
                lines[k - 1].clear();
            }
        } else if FOOTER.is_match(&t) || UNDERSCORES.is_match(&t) {
            lines[k].clear();
        } else {
            lines[k] = t;
        }
    }
}

/// The `From:` line of a forwarded message's header block ("Da: ... / Inviato: ... /
/// Oggetto: ...") that ends just before line `start`, at most one blank line between.
fn outlook_before(lines: &[String], start: usize) -> Option<usize> {
    let mut k = start.checked_sub(1)?;
    if lines[k].trim().is_empty() {
        k = k.checked_sub(1)?;
    }
    let mut from = None;
    loop {
        let t = lines[k].as_str();
        if !OUTLOOK_KEY.is_match(t) {
            break;
        }
        if OUTLOOK_FROM.is_match(t) {
            from = Some(k);
        }
        k = match k.checked_sub(1) {
            Some(p) => p,
            None => break,
        };
    }
    // a block that names a sender and when it was sent, not a lone "To:" line
    from.filter(|&f| (f + 1..start).any(|i| OUTLOOK_SENT.is_match(&lines[i])))
}

/// The attribution line ("On ..., Ana Lee wrote:") just before line `start`, with its
/// first half when it is wrapped over two lines; at most one blank line may come between.
fn attribution_before(lines: &[String], start: usize) -> Option<String> {
    let mut k = start.checked_sub(1)?;
    if lines[k].trim().is_empty() {
        k = k.checked_sub(1)?;
    }
    let l = lines[k].trim();
    if !WROTE_END.is_match(l) {
        return None;
    }
    if !ON_START.is_match(l) && k > 0 && ON_START.is_match(&lines[k - 1]) {
        return Some(format!("{} {l}", lines[k - 1].trim()));
    }
    Some(l.to_string())
}

/// A pipermail message saved as text: the subject, the sender's name and obfuscated
/// address ("ana at example.org"), the archive's timestamp, then the body.
static ARCHIVE_ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?P<n>.*?)\s*\b[\w.+-]+\s+at\s+[\w-]+(?:\.[\w-]+)+\s*$")
        .expect("archive address")
});
static ARCHIVE_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+[A-Z][a-z]{2}\s+\d{1,2}\s+(?:\d{4}\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[A-Z]{2,5})?\s*(?:\d{4})?\s*$").expect("archive stamp")
});

/// Reads a pipermail message saved as text: its sender is the author, and the quoted
/// messages that are meeting records are read as the record. Other quotes stay as they
/// are (the layout sets them aside). `None` when the text has no archive header.
pub fn render_archive_text(text: &str) -> Option<Rendering> {
    let lines: Vec<&str> = text.split('\n').collect();
    let stamp = (0..lines.len().min(8)).find(|&i| ARCHIVE_STAMP.is_match(lines[i]))?;
    let addr = (stamp.saturating_sub(2)..stamp)
        .rev()
        .find(|&i| ARCHIVE_ADDRESS.is_match(lines[i]))?;
    let first = lines.iter().position(|l| !l.trim().is_empty())?;
    if addr <= first {
        return None;
    }
    let named = ARCHIVE_ADDRESS
        .captures(lines[addr])
        .and_then(|c| person_or_none(&c["n"]));
    let author = match named {
        Some(n) => Some(n),
        None if addr > first + 1 => person_or_none(lines[addr - 1]),
        None => None,
    };
    let mut body: Vec<String> = lines[stamp + 1..].iter().map(|l| l.to_string()).collect();
    let mut voices = Vec::new();
    dequote_records(&mut body, &mut voices, false);
    let mut out: Vec<String> = lines[..=stamp].iter().map(|l| l.to_string()).collect();
    out.extend(body);
    Some(Rendering {
        format: Format::Text,
        text: out.join("\n"),
        mail: Some(MailMeta {
            author,
            date: None,
            subject: None,
            voices: voices
                .into_iter()
                .map(|(i, a)| (stamp + 2 + i, a))
                .collect(),
        }),
    })
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
#[path = "mail_tests.rs"]
mod tests;
