//! Facts about the meeting itself: title, body, date and time, ordinal, next meeting.
//!
//! Mailing-list records carry dates that are not the meeting's (the mail's own
//! timestamp, "On Mon, Sep 17, 2018 ... wrote:"); those lines are never read for dates.

use super::lines::Line;
use crate::model::Block;
use crate::text::dates::{find_dates, iso, resolve_after, DateMention};
use crate::text::{sentences, squash, strip_emphasis};
use regex::Regex;
use std::sync::LazyLock;
use time::Date;

static MAIL_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:Date:\s*|Sent:\s*)?(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+(?:\d{1,2}\s+)?[A-Z][a-z]{2}\s+\d{1,2}\s+(?:\d{4}\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M\s*)?(?:[A-Z]{2,5}|[+-]\d{4})?\s*(?:\d{4})?\s*$")
        .expect("mail timestamp")
});
static MAIL_META: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:>|on\s.{5,80}\swrote:|(?:from|sent|to|cc|da|inviato|a|oggetto|previous message|next message|messages sorted by)\b.*:)")
        .expect("mail meta line")
});
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<h>[01]?\d|2[0-3])(?:[:h.](?P<m>[0-5]\d)|(?P<m2>[0-5]\d)\s*[-–]\s*\d{4})\b\s*(?P<ampm>[ap]\.?\s?m\.?)?(?:\s*(?:-|–|to)\s*\d{1,2}[:h.]?\d{2}\s*(?:[ap]\.?m\.?)?)?\s*\(?(?P<tz>UTC(?:\s*[+-]\s*\d{1,2})?|GMT|CEST|CET|EDT|EST|BST)?")
        .expect("time")
});
static ROMAN_OR_NUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:meeting|call|session|consultation)\s*(?:[-–:#]\s*)?(?:no\.?\s*|number\s+|#\s*)?(?P<n>[IVXLC]{1,7}|\d{1,4})\b").expect("meeting number")
});
static ORDINAL_MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<n>\d{1,4})(?:st|nd|rd|th)?\s+(?:(?:virtual|online|regular|monthly|annual|face-to-face|in-person|plenary|open|mag|wg|nri|nris)\s+){0,3}(?:meeting|call)\b").expect("ordinal meeting")
});
static WORD_ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<w>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)\s+(?:(?:igf|\d{4}|virtual|online|mag|open|nris?|regular)\s+){0,3}(?:meeting|call|consultations?)\b").expect("word ordinal")
});
static SPOKEN_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bmeeting\s+(?:no\.?|number)\s*(?P<n>[IVXLC]{1,7}|\d{1,4})\b")
        .expect("spoken number")
});
static NEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bnext\s+(?:[\w-]+\s+){0,4}?(?:meeting|call|session|consultations?)\b|\b(?:meet|talk|reconvene|convene)\s+again\b").expect("next meeting")
});
static LIST_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:\[[^\]]{1,40}\]\s*)+").expect("list tag"));
static TITLE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:re:\s*|fwd?:\s*)*(?:summary report|summary|notes|minutes|report|title|draft agenda)(?:\s+of(?:\s+the)?)?\s*[:\-–]?\s+").expect("title prefix")
});
static DANGLING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s+(?:(?:held|took place|convened)\s+)?(?:on|of|from|dated|for)$")
        .expect("dangling words before a date")
});
static PAREN_ACRONYM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*\([^)]*\)").expect("parenthesised"));
static BODY_NOISE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:igf\s+\d{4}|\d{4}|virtual|online|meeting|call\s+\d+|call|minutes|summary report|summary|notes|no\.?\s*\d+|\d+(?:st|nd|rd|th)|day\s+\d)\b|\b[IVXLC]{1,7}\b\s*$")
        .expect("body noise")
});

/// Whether a line belongs to mail headers or quotes, never to the meeting's own facts.
pub fn is_mail_line(line: &str) -> bool {
    MAIL_STAMP.is_match(line) || MAIL_META.is_match(line)
}

/// Lines that may carry the meeting's facts: the first `n` non-mail lines.
fn header_lines<'a>(lines: &'a [Line<'a>], n: usize) -> impl Iterator<Item = &'a Line<'a>> {
    lines
        .iter()
        .filter(|l| !l.text.trim().is_empty() && !is_mail_line(l.text))
        .take(n)
}

/// The title: the first line naming a meeting, without list tags or "Summary Report:".
pub fn title(lines: &[Line<'_>]) -> String {
    let clean = |t: &str| {
        let t = LIST_TAG.replace(t, "");
        let t = TITLE_PREFIX.replace(&t, "");
        squash(&strip_emphasis(&t))
            .trim_matches(|c: char| c == '-' || c.is_whitespace())
            .to_string()
    };
    let mut candidates = header_lines(lines, 8)
        .map(|l| clean(l.text))
        .filter(|t| !t.is_empty() && t.len() <= 160);
    let first = candidates.next().unwrap_or_default();
    let dateless = |t: &str| find_dates(t, false).is_empty();
    if dateless(&first) {
        return first;
    }
    // "Summary Report: IGF MAG Virtual Meeting 11 October 2016" is the web title; the
    // meeting's own name follows without the date.
    for t in header_lines(lines, 8)
        .map(|l| clean(l.text))
        .skip(1)
        .take(3)
    {
        if dateless(&t) && ROMAN_OR_NUM.is_match(&t) {
            return t;
        }
    }
    match find_dates(&first, false).first() {
        // "... meeting held on 29 January": the words that led to the date go with it
        Some(d) if d.start > 0 => DANGLING
            .replace(first[..d.start].trim_end_matches([' ', '-', '–', ',']), "")
            .trim_end_matches([' ', '-', '–', ','])
            .to_string(),
        _ => first,
    }
}

/// The body that met, from the title: known IGF bodies by name, else the title without
/// dates, ordinals and kind words.
pub fn body(title: &str) -> String {
    let no_paren = PAREN_ACRONYM.replace_all(title, "");
    if let Some(i) = no_paren.find("Working Group on") {
        let rest: String = no_paren[i..]
            .split(" - ")
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        let mag = if no_paren[..i].contains("MAG") {
            "MAG "
        } else {
            ""
        };
        let igf = if no_paren[..i].contains("IGF") {
            "IGF "
        } else {
            ""
        };
        return format!("{igf}{mag}{rest}");
    }
    if let Some(wg) = title.split_whitespace().find(|w| w.starts_with("WG-")) {
        let mag = if title.contains("MAG") { "MAG " } else { "" };
        return format!(
            "{mag}{}",
            wg.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
        );
    }
    if title.contains("NRIs") || title.contains("National, Regional and Youth") {
        return "National, Regional and Youth IGF Initiatives".into();
    }
    if title.contains("MAG") || title.contains("Multistakeholder Advisory Group") {
        return "IGF Multistakeholder Advisory Group".into();
    }
    let stripped = BODY_NOISE.replace_all(&no_paren, " ");
    let s = squash(&stripped.replace(" - ", " "));
    let s = s
        .trim_matches(|c: char| c == '-' || c == ':' || c.is_whitespace())
        .to_string();
    if s.is_empty() {
        title.to_string()
    } else {
        s
    }
}

/// The meeting's date and UTC start time.
pub fn date_time(lines: &[Line<'_>]) -> (Option<Date>, Option<String>) {
    let head: Vec<&Line> = header_lines(lines, 40).collect();
    let mut date = None;
    let mut date_line = None;
    for l in &head {
        if let Some(d) = find_dates(l.text, false)
            .iter()
            .find_map(|d| d.year.and_then(|_| d.resolve(None)))
        {
            date = Some(d);
            date_line = Some(l.text);
            break;
        }
    }
    if date.is_none() {
        let year = head.iter().find_map(|l| first_year(l.text));
        for l in &head {
            if let Some(d) = find_dates(l.text, false)
                .first()
                .and_then(|d| d.resolve(year))
            {
                date = Some(d);
                date_line = Some(l.text);
                break;
            }
        }
    }
    if date.is_none() {
        static HELD: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(?:held|took place|met|convened|was on)\s+(?:online\s+)?on\b")
                .expect("held on")
        });
        for l in lines.iter().filter(|l| !is_mail_line(l.text)) {
            if let Some(m) = HELD.find(l.text) {
                if let Some(d) = find_dates(&l.text[m.end()..], false)
                    .first()
                    .and_then(|d| d.resolve(None))
                {
                    date = Some(d);
                    date_line = Some(l.text);
                    break;
                }
            }
        }
    }
    let time = date_line.and_then(time_utc).or_else(|| {
        head.iter()
            .find_map(|l| time_utc(l.text).filter(|_| has_zone(l.text)))
    });
    (date, time)
}

fn has_zone(line: &str) -> bool {
    TIME.captures_iter(line).any(|c| c.name("tz").is_some())
}

fn first_year(line: &str) -> Option<i32> {
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(19[89]\d|20\d\d)\b").expect("year"));
    YEAR.captures(line).and_then(|c| c[1].parse().ok())
}

/// The first time of day in a line, converted to UTC when a zone is given.
pub fn time_utc(line: &str) -> Option<String> {
    for c in TIME.captures_iter(line) {
        let whole = c.get(0)?;
        // a year ("2026") or a date's day is not a time: a time has a separator or a zone
        if c.name("m").is_none() && c.name("tz").is_none() {
            continue;
        }
        if line[whole.end()..].starts_with(['/', '-']) && c.name("tz").is_none() {
            continue;
        }
        let mut h: i32 = c["h"].parse().ok()?;
        let m: i32 = c
            .name("m")
            .or(c.name("m2"))
            .map_or(Some(0), |m| m.as_str().parse().ok())?;
        if let Some(ap) = c.name("ampm") {
            if ap.as_str().to_ascii_lowercase().starts_with('p') && h < 12 {
                h += 12;
            }
        }
        let shift = match c
            .name("tz")
            .map(|z| z.as_str().to_ascii_uppercase().replace(' ', ""))
        {
            Some(z) if z == "CEST" => -2,
            Some(z) if z == "CET" || z == "BST" => -1,
            Some(z) if z == "EDT" => 4,
            Some(z) if z == "EST" => 5,
            Some(z) if z.starts_with("UTC") && z.len() > 3 => {
                -z[3..].replace('+', "").parse::<i32>().unwrap_or(0)
            }
            _ => 0,
        };
        let h = (h + shift).rem_euclid(24);
        return Some(format!("{h:02}:{m:02}"));
    }
    None
}

/// Value of a roman numeral, when the text is one.
pub fn roman(s: &str) -> Option<u32> {
    let val = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let digits: Vec<u32> = s
        .to_ascii_uppercase()
        .chars()
        .map(val)
        .collect::<Option<_>>()?;
    let mut total = 0;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|n| n > d) {
            total -= *d as i64;
        } else {
            total += *d as i64;
        }
    }
    let n = u32::try_from(total).ok().filter(|&n| n > 0)?;
    (to_roman(n) == s.to_ascii_uppercase()).then_some(n)
}

fn to_roman(mut n: u32) -> String {
    const T: &[(u32, &str)] = &[
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for &(v, r) in T {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

fn word_ordinal(w: &str) -> Option<u32> {
    const W: &[&str] = &[
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    W.iter()
        .position(|x| x.eq_ignore_ascii_case(w))
        .map(|i| i as u32 + 1)
}

fn number_in(text: &str, title_like: bool) -> Option<u32> {
    let parse = |n: &str| n.parse::<u32>().ok().or_else(|| roman(n));
    if title_like {
        for c in ROMAN_OR_NUM.captures_iter(text) {
            let n = &c["n"];
            // "Meeting 11 October 2016" is a date, not an ordinal
            let after = &text[c.get(0).expect("match").end()..];
            if after
                .split_whitespace()
                .next()
                .and_then(crate::text::dates::month_number)
                .is_some()
            {
                continue;
            }
            // "IGF 2023 ... Meeting" is a year, not an ordinal
            if let Some(v) = parse(n).filter(|v| *v < 1900) {
                if n.chars().all(|c| c.is_ascii_digit())
                    || n.chars().all(|c| c.is_ascii_uppercase())
                {
                    return Some(v);
                }
            }
        }
    }
    if let Some(c) = ORDINAL_MEETING.captures(text) {
        if let Some(v) = c["n"].parse::<u32>().ok().filter(|v| *v < 1900) {
            return Some(v);
        }
    }
    if let Some(c) = WORD_ORDINAL.captures(text) {
        return word_ordinal(&c["w"]);
    }
    if let Some(c) = SPOKEN_NUMBER.captures(text) {
        return parse(&c["n"]).filter(|v| *v < 1900);
    }
    None
}

/// The meeting's ordinal: from the title and header lines, else from the opening
/// paragraphs or turns ("The 111 virtual meeting", "meeting number 18").
pub fn number(lines: &[Line<'_>], blocks: &[Block]) -> Option<u32> {
    for l in header_lines(lines, 6) {
        let t = LIST_TAG.replace(l.text, "");
        if let Some(n) = number_in(&t, true) {
            return Some(n);
        }
    }
    blocks
        .iter()
        .filter(|b| b.kind != crate::model::BlockKind::Heading)
        .take(6)
        .find_map(|b| {
            let first_sentences: String = sentences(&b.text)
                .into_iter()
                .take(4)
                .map(|s| s.1)
                .collect::<Vec<_>>()
                .join(" ");
            number_in(&first_sentences, false)
        })
}

/// The next meeting's date: the last sentence that speaks of the next meeting and gives
/// a date after the meeting's own.
pub fn next_meeting(blocks: &[Block], date: Option<Date>) -> Option<String> {
    let mut found = None;
    // only blocks that speak of a next meeting are split into sentences
    for (i, b) in blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| NEXT.is_match(&b.text))
    {
        for (_, s) in sentences(&b.text) {
            if let Some(m) = NEXT.find(s) {
                let mut dates: Vec<DateMention> = find_dates(&s[m.end()..], true);
                if dates.is_empty() && b.kind == crate::model::BlockKind::Heading {
                    dates = blocks
                        .get(i + 1)
                        .map(|n| find_dates(&n.text, true))
                        .unwrap_or_default();
                }
                if let Some(d) = dates.first().and_then(|d| resolve_after(d, date)) {
                    found = Some(d);
                }
            }
        }
    }
    found.map(iso)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::lines::lines;

    #[test]
    fn test_time_utc_forms() {
        assert_eq!(
            time_utc("5 March 2026 at 18:00 UTC").as_deref(),
            Some("18:00")
        );
        assert_eq!(
            time_utc("18 September 2017, 13:00 p.m. UTC").as_deref(),
            Some("13:00")
        );
        assert_eq!(
            time_utc("Day 1 | 6 July 2022 | 10:00-18:00 CEST").as_deref(),
            Some("08:00")
        );
        assert_eq!(
            time_utc("October 30th, 2018 1500 -1600 UTC").as_deref(),
            Some("15:00")
        );
        assert_eq!(time_utc("IGF 2026 in June"), None);
    }

    #[test]
    fn test_roman_numerals_are_strict() {
        assert_eq!(roman("XVIII"), Some(18));
        assert_eq!(roman("IX"), Some(9));
        assert_eq!(roman("IIII"), None);
        assert_eq!(roman("MAG"), None);
    }

    #[test]
    fn test_number_from_titles_and_openings() {
        assert_eq!(
            number_in("IGF 2023 - MAG - Virtual Meeting - VI", true),
            Some(6)
        );
        assert_eq!(
            number_in(
                "The 111 virtual meeting of the IGF MAG Working Group",
                false
            ),
            Some(111)
        );
        assert_eq!(
            number_in("IGF 2022 Second Open Consultations and MAG Meeting", true),
            Some(2)
        );
        assert_eq!(
            number_in("This is MAG virtual meeting number 18.", false),
            Some(18)
        );
        assert_eq!(number_in("before the 19th IGF in Riyadh", false), None);
        assert_eq!(number_in("IGF 2023 Meeting", true), None);
    }

    #[test]
    fn test_mail_stamp_is_not_the_meeting_date() {
        let doc = "[WG] Minutes\nChris\nThu Jan 29 2026 23:19:30 EST\n\nWG-Strategy - 109th virtual meeting\nThursday, 29 January 2026, 14:00-15:00 UTC\n";
        let (d, t) = date_time(&lines(doc));
        assert_eq!(d.map(iso).as_deref(), Some("2026-01-29"));
        assert_eq!(t.as_deref(), Some("14:00"));
        let doc2 =
            "[L] Notes\nA B\nThu Sep 20 09:41:12 EDT 2018\n\nWe met yesterday and it was fine.\n";
        assert_eq!(date_time(&lines(doc2)).0, None);
    }

    #[test]
    fn test_body_names() {
        assert_eq!(
            body("MAG Working Group on Strategy (WG-Strategy)"),
            "MAG Working Group on Strategy"
        );
        assert_eq!(
            body("IGF 2020 MAG Virtual Meeting IX"),
            "IGF Multistakeholder Advisory Group"
        );
        assert_eq!(body("Product meeting ES2002a"), "Product ES2002a");
    }
}
