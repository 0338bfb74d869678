//! Facts about the meeting itself: title, body, date and time, ordinal, next meeting.
//!
//! Mailing-list records carry dates that are not the meeting's (the mail's own
//! timestamp, "On Mon, Sep 17, 2018 ... wrote:"); those lines are never read for dates.

mod number;

pub use number::{number, roman};

use super::lines::Line;
use crate::model::Block;
use crate::text::dates::{find_dates, iso, resolve_after, DateMention};
use crate::text::{markdown_heading, sentences, squash, strip_emphasis};
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
/// A first line that only says what kind of document this is ("Chairman's summary of the
/// meeting (draft)", "Summary Report", "Draft agenda"): the record's own title follows.
static DOC_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:the\s+)?(?:(?:chair(?:man|woman|person)?|co-chairs?|secretariat|rapporteur|moderator)(?:'|’)?s?\s+)?(?:draft\s+|final\s+)?(?:summary(?:\s+report)?|report|minutes|notes|agenda|record)(?:\s+of\s+(?:the\s+)?(?:meeting|session|call|discussions?|proceedings))?\s*(?:\((?:draft|final|unofficial|unedited)\))?[.:]?$").expect("document label")
});
/// How many non-empty lines open a record as its title block (title, date line, subtitle;
/// it ends sooner at the first line of running text). Two would miss a date line under a title and a subtitle; past three the lines are the
/// body's (agenda items, first paragraphs), whose days are other meetings'.
const TITLE_BLOCK_LINES: usize = 3;
/// A `>>` captioning turn (not a `> ` mail quote).
static CAPTION_TURN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*>{2,3}\s*\S").expect("caption turn"));
/// Words that point at the meeting's own day inside a turn ("today, Wednesday 17 February").
static TODAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:today(?:'s)?|tonight|this\s+(?:meeting|call|session)|held\s+on|taking\s+place\s+on)\b").expect("today cue")
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
        let t = markdown_heading(t.trim_start()).unwrap_or(t);
        let t = LIST_TAG.replace(t, "");
        let t = TITLE_PREFIX.replace(&t, "");
        squash(&strip_emphasis(&t))
            .trim_matches(|c: char| c == '-' || c.is_whitespace())
            .to_string()
    };
    let candidates: Vec<String> = header_lines(lines, 8)
        .filter(|l| !is_running_text(lines, l))
        .map(|l| clean(l.text))
        .filter(|t| !t.is_empty() && t.len() <= 160 && !DOC_LABEL.is_match(t))
        .collect();
    let first = candidates.first().cloned().unwrap_or_default();
    let dateless = |t: &str| find_dates(t, false).is_empty();
    if dateless(&first) {
        return first;
    }
    // "Summary Report: IGF MAG Virtual Meeting 11 October 2016" is the web title; the
    // meeting's own name follows without the date.
    for t in candidates.iter().skip(1).take(3).cloned() {
        if dateless(&t) && number::ROMAN_OR_NUM.is_match(&t) {
            return t;
        }
    }
    match find_dates(&first, false).first() {
        // "... meeting held on 29 January": the words that led to the date go with it
        Some(d) if d.start > 0 => DANGLING
            .replace(
                first[..d.start].trim_end_matches([' ', '-', '–', ',', '(']),
                "",
            )
            .trim_end_matches([' ', '-', '–', ',', '('])
            .to_string(),
        _ => first,
    }
}

/// Whether a header line is running text rather than a title: a sentence that ends in
/// a full stop, or the first line of a wrapped paragraph (the next line goes on in lower
/// case), such as a transcript's opening words or a captioning disclaimer.
fn is_running_text(lines: &[Line<'_>], l: &Line<'_>) -> bool {
    let t = l.text.trim();
    let words = t.split_whitespace().count();
    let sentence = words >= 8 && t.ends_with(['.', '?', '!']);
    let wraps = lines.get(l.no).is_some_and(|n| {
        n.text
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
    });
    let continues = l.no >= 2
        && lines
            .get(l.no - 2)
            .is_some_and(|p| !p.text.trim().is_empty())
        && t.chars().next().is_some_and(char::is_lowercase);
    sentence || continues || wraps && words >= 6
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

/// The meeting's date as the `>>` turns of a captioning transcript state it, with the
/// line: a date after "today" / "this meeting" anywhere, else the first date of the first
/// turns; a date without a year takes `year` (from the title), and none is taken without.
fn turn_date<'a>(lines: &[Line<'a>], year: Option<i32>) -> Option<(Date, &'a str)> {
    // every line from the first turn on, each with the number of the turn it belongs to
    let mut turn = 0usize;
    let body: Vec<(usize, &Line<'a>)> = lines
        .iter()
        .skip_while(|l| !CAPTION_TURN.is_match(l.text))
        .map(|l| {
            turn += usize::from(CAPTION_TURN.is_match(l.text));
            (turn, l)
        })
        .collect();
    if turn < 3 {
        return None;
    }
    let resolve = |d: &DateMention| d.resolve(year);
    let cued = body.iter().find_map(|(_, l)| {
        TODAY.find_iter(l.text).find_map(|m| {
            find_dates(&l.text[m.end()..], false)
                .first()
                .filter(|d| d.start <= 24)
                .and_then(resolve)
                .map(|d| (d, l.text))
        })
    });
    cued.or_else(|| {
        body.iter().take_while(|(t, _)| *t <= 3).find_map(|(_, l)| {
            find_dates(l.text, false)
                .first()
                .and_then(resolve)
                .map(|d| (d, l.text))
        })
    })
}

/// The meeting's date and UTC start time.
pub fn date_time(lines: &[Line<'_>]) -> (Option<Date>, Option<String>) {
    // in a captioning transcript the header ends where the turns begin: a date in a turn's
    // wrapped line is what someone said, not the record's heading
    let turns_from = lines
        .iter()
        .filter(|l| CAPTION_TURN.is_match(l.text))
        .nth(2)
        .and_then(|_| lines.iter().find(|l| CAPTION_TURN.is_match(l.text)))
        .map_or(usize::MAX, |l| l.no);
    // a row of a table is a calendar of meetings, not the record's own date
    let head: Vec<&Line> = header_lines(lines, 40)
        .filter(|l| l.no < turns_from && !l.text.trim_start().starts_with('|'))
        .collect();
    let mut date = None;
    let mut date_line = None;
    // "Summary of IGF 2020 MAG Meeting Day 2 (18 June)", or a title line followed by
    // "Thursday, 18 August, 15:00 UTC (2021 cycle)": a day written in the title block
    // without a year takes the block's year, before any dated line of the body (which
    // speaks of other meetings). Not when the block itself dates the meeting in full.
    let block: Vec<&Line> = head
        .iter()
        .take(TITLE_BLOCK_LINES)
        .take_while(|l| !is_running_text(lines, l))
        .copied()
        .collect();
    let block_year = block.iter().find_map(|l| first_year(l.text));
    let block_dated = block
        .iter()
        .any(|l| find_dates(l.text, false).iter().any(|d| d.year.is_some()));
    if let (Some(y), false) = (block_year, block_dated) {
        for t in &block {
            if let [d] = find_dates(t.text, false).as_slice() {
                date = d.resolve(Some(y));
                date_line = date.map(|_| t.text);
                break;
            }
        }
    }
    for (k, l) in head.iter().enumerate() {
        if date.is_some() {
            break;
        }
        // "... HELD ON THURSDAY, 18TH JUNE" / "2009 AT ...": a day that ends its line
        // takes the year that opens the next one
        let wrapped_year = head
            .get(k + 1)
            .and_then(|n| leading_year(n.text))
            .filter(|_| !l.text.trim_end().ends_with(|c: char| c.is_ascii_digit()));
        if let Some(d) = find_dates(l.text, false).iter().find_map(|d| {
            let ends_line = l.text[d.end..].trim().is_empty();
            match d.year {
                Some(_) => d.resolve(None),
                None if ends_line => wrapped_year.and_then(|y| d.resolve(Some(y))),
                None => None,
            }
        }) {
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
        // a transcript titled with a year only ("IGF 2021 - MAG - ..."): the date the
        // turns give, the one said to be today's first
        if let Some((d, l)) = turn_date(lines, head.iter().find_map(|l| first_year(l.text))) {
            date = Some(d);
            date_line = Some(l);
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

/// The year a line opens with ("2009 at the Conference Room").
fn leading_year(line: &str) -> Option<i32> {
    YEAR.captures(line)
        .filter(|c| line[..c.get(0).map_or(0, |m| m.start())].trim().is_empty())
        .and_then(|c| c[1].parse().ok())
}

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(19[89]\d|20\d\d)\b").expect("year"));

fn first_year(line: &str) -> Option<i32> {
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
                // "On 3 March the group will hold its next meeting": a date before the
                // words, when it falls after the meeting itself
                let before = || {
                    if found.is_some() {
                        return None;
                    }
                    find_dates(&s[..m.start()], false)
                        .last()
                        .and_then(|d| d.resolve(date.map(|m| m.year())))
                        .filter(|d| date.is_some_and(|m| *d > m))
                };
                if let Some(d) = dates
                    .first()
                    .and_then(|d| resolve_after(d, date))
                    .or_else(before)
                {
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
    fn test_title_day_takes_the_title_year_and_tables_date_nothing() {
        let doc = "Notes of IGF 2024 BPF Call 3 (9 May)\n\nThe forum will meet in Riyadh from 15 to 19 December 2024.\n";
        assert_eq!(
            date_time(&lines(doc)).0.map(iso).as_deref(),
            Some("2024-05-09")
        );
        // a title without a year: the body's dated line
        let doc =
            "Notes of the BPF call (9 May)\n\nThe forum will meet in Riyadh on 15 December 2024.\n";
        assert_eq!(
            date_time(&lines(doc)).0.map(iso).as_deref(),
            Some("2024-12-15")
        );
        let doc = "# Calls\n\n| Call | Date |\n|---|---|\n| call | 2 May 2024 |\n\n## Notes of the call, 6 June 2024\n";
        assert_eq!(
            date_time(&lines(doc)).0.map(iso).as_deref(),
            Some("2024-06-06")
        );
    }

    #[test]
    fn test_a_yearless_day_under_the_title_takes_the_block_s_year() {
        let date = |doc: &str| date_time(&lines(doc)).0.map(iso);
        // the date line under the title: its year is the block's, not a dated body line's
        let doc = "Dynamic Coalition on Accessibility - monthly call\n\nMonday, 7 March, 14:00 UTC (2022 programme)\n\nAttendees\n\nThe group will meet again in Addis Ababa on 28-30 November 2022.\n";
        assert_eq!(date(doc).as_deref(), Some("2022-03-07"));
        // must reject: the block dates the meeting in full, so the yearless day is another
        let doc = "IGF 2019 call\n\nHeld on 4 June 2019; follow-up due 10 June\n";
        assert_eq!(date(doc).as_deref(), Some("2019-06-04"));
        // must reject: a yearless day past the title block is the body's
        let doc = "IGF 2019 preparatory call\n\nAgenda\n\n1. Welcome\n\n2. Outreach after 20 May\n\nThe call was held on 6 May 2019.\n";
        assert_eq!(date(doc).as_deref(), Some("2019-05-06"));
    }

    #[test]
    fn test_a_markdown_title_loses_its_heading_marks() {
        assert_eq!(
            title(&lines(
                "## Policy Network on Meaningful Access - call 4\n\nNotes\n"
            )),
            "Policy Network on Meaningful Access - call 4"
        );
        // must reject: a number sign that is not a heading mark stays
        assert_eq!(
            title(&lines("#12 coordination call\n")),
            "#12 coordination call"
        );
    }

    #[test]
    fn test_a_date_wrapped_before_its_year_and_in_capitals() {
        let date = |doc: &str| date_time(&lines(doc)).0.map(iso);
        let doc = "NATIONAL IGF COMMITTEE\n\nMINUTES OF THE MEETING HELD ON MONDAY, 2ND MARCH\n2015 IN THE BOARD ROOM\n\nThe next forum is on 5 May 2015.\n";
        assert_eq!(date(doc).as_deref(), Some("2015-03-02"));
        // must reject: a day inside its line does not take the year of the next line
        let doc = "Committee notes\n\nMet on 2 March with partners\n2015 plans were set at the forum of 9 April 2016.\n";
        assert_eq!(date(doc).as_deref(), Some("2016-04-09"));
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

    #[test]
    fn test_title_is_the_record_s_own_title_line() {
        let doc = "Chair's summary of the meeting (draft)\n\nThird meeting of the Expert Panel on Data\nVienna, 2-3 May 2011\n";
        assert_eq!(
            title(&lines(doc)),
            "Third meeting of the Expert Panel on Data"
        );
        // a transcript's first sentence or a wrapped disclaimer is not a title
        let doc = "This text comes from live captioning and it\nmay contain errors of many kinds.\nIGF 2024 - MAG - Virtual Meeting - II\n";
        assert_eq!(title(&lines(doc)), "IGF 2024 - MAG - Virtual Meeting - II");
        let doc = "Kenneth Obi: Thanks, all of you, for coming along to the call today.\n";
        assert_eq!(title(&lines(doc)), "");
        // a title that names the meeting stays, even when it starts with "Summary"
        let doc = "Summary of the Youth Caucus Call, Day 2 (4 May)\n\nText.\n";
        assert_eq!(title(&lines(doc)), "Youth Caucus Call, Day 2");
    }

    #[test]
    fn test_transcript_with_a_year_only_title_takes_the_date_of_its_turns() {
        let doc = "IGF 2024 - MAG - Virtual Meeting - II\n\n>> ANA LOPES: Hello, the deadline is 9 March.\n>> CHAIR: Welcome to today, Tuesday 20 February, everyone.\n>> BEN KOH: Hi.\n";
        assert_eq!(
            date_time(&lines(doc)).0.map(iso).as_deref(),
            Some("2024-02-20")
        );
        // no year anywhere: undated, not a guess
        let doc = "MAG - Virtual Meeting - II\n\n>> CHAIR: Welcome to today, Tuesday 20 February.\n>> ANA LOPES: Hi.\n>> BEN KOH: Hi.\n";
        assert_eq!(date_time(&lines(doc)).0, None);
    }

    #[test]
    fn test_next_meeting_date_may_come_before_the_words() {
        let blocks = |t: &str| {
            vec![Block {
                kind: crate::model::BlockKind::Paragraph,
                line_start: 1,
                line_end: 1,
                text: t.to_string(),
                label: None,
                speaker: None,
                section: None,
                time_start: None,
                is_item: false,
            }]
        };
        let day = crate::text::dates::parse_iso("2024-02-20");
        assert_eq!(
            next_meeting(&blocks("On 5 March the group holds its next meeting."), day).as_deref(),
            Some("2024-03-05")
        );
        // a date before the meeting itself is a recalled one, not the next meeting
        assert_eq!(
            next_meeting(
                &blocks("Since the 1 February call, the next meeting is open."),
                day
            ),
            None
        );
    }
}
