//! Dates as meeting records write them: "5 March 2026", "Wednesday, September 19, 2018",
//! "6-8 July 2022", "07/09/2021", "19 March" (year implied), "2026-03-05".
//!
//! One scanner finds every date in a text with its span, so that the header, the
//! next-meeting rule and event dates all read dates the same way.

use regex::Regex;
use std::sync::LazyLock;
use time::{Date, Month};

/// A date found in text; the year may be missing ("19 March").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offset where the mention starts.
    pub start: usize,
    /// Byte offset where it ends.
    pub end: usize,
    /// Year when written (two-digit years are taken as 20xx).
    pub year: Option<i32>,
    /// Month, 1-12.
    pub month: u8,
    /// Day of month (first day of a range).
    pub day: u8,
    /// Whether it was written with digits only ("07/09/2021").
    pub numeric: bool,
}

impl DateMention {
    /// The date a regex match reads.
    fn at(whole: regex::Match, year: Option<i32>, month: u8, day: u8, numeric: bool) -> Self {
        DateMention {
            start: whole.start(),
            end: whole.end(),
            year,
            month,
            day,
            numeric,
        }
    }

    /// The calendar date, taking `default_year` when none is written; `None` when the
    /// date does not exist ("31 February").
    pub fn resolve(&self, default_year: Option<i32>) -> Option<Date> {
        let y = self.year.or(default_year)?;
        Date::from_calendar_date(y, Month::try_from(self.month).ok()?, self.day).ok()
    }
}

const MONTHS: &str = r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?ptiembre|octubre|noviembre|diciembre";
const WEEKDAY: &str = r"(?:(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?|(?:MON|TUES?|WED(?:NES)?|THU(?:RS)?|FRI|SAT(?:UR)?|SUN)(?:DAY)?)\.?,?\s+)?";

static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b{WEEKDAY}(?P<d>[0-3]?\d)(?:st|nd|rd|th|ST|ND|RD|TH)?(?:\s*(?:-|–|—|to|and)\s*[0-3]?\d(?:st|nd|rd|th|ST|ND|RD|TH)?)?\s+(?:of\s+|de\s+)?(?P<m>{MONTHS})\b\.?(?:,?\s+(?:de\s+)?(?P<y>(?:19|20)\d\d)\b)?"
    ))
    .expect("day-first date pattern")
});
static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b{WEEKDAY}(?P<m>{MONTHS})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th|ST|ND|RD|TH)?\b(?:\s*(?:-|–)\s*[0-3]?\d\b)?(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?"
    ))
    .expect("month-first date pattern")
});
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<y>(?:19|20)?\d\d)\b")
        .expect("numeric date")
});
static NUMERIC_NO_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?P<a>[0-3]?\d)/(?P<b>[01]?\d)\b(?:[/.]\d)?").expect("d/m"));
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b").expect("iso date")
});

/// Month number of an English month name or abbreviation.
pub fn month_number(name: &str) -> Option<u8> {
    let n = crate::text::fold(name.trim_end_matches('.'));
    // French and Spanish records name months too ("5 mars 2026", "5 de marzo de 2026")
    const OTHER: &[(&str, u8)] = &[
        ("janvier", 1),
        ("fevrier", 2),
        ("mars", 3),
        ("avril", 4),
        ("mai", 5),
        ("juin", 6),
        ("juillet", 7),
        ("aout", 8),
        ("septembre", 9),
        ("octobre", 10),
        ("novembre", 11),
        ("decembre", 12),
        ("enero", 1),
        ("febrero", 2),
        ("marzo", 3),
        ("abril", 4),
        ("mayo", 5),
        ("junio", 6),
        ("julio", 7),
        ("agosto", 8),
        ("septiembre", 9),
        ("setiembre", 9),
        ("octubre", 10),
        ("noviembre", 11),
        ("diciembre", 12),
    ];
    if let Some(&(_, m)) = OTHER.iter().find(|(w, _)| *w == n) {
        return Some(m);
    }
    let key = n.get(..3)?;
    let m = match key {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// Every date written in `text`, in order of position; overlapping readings keep the
/// longest. Day/month without a year ("21/09") is only read when `short_numeric` is set,
/// because "24/7" and scores look the same.
pub fn find_dates(text: &str, short_numeric: bool) -> Vec<DateMention> {
    let mut found: Vec<DateMention> = Vec::new();
    let year_of = |s: Option<regex::Match>| {
        s.and_then(|y| {
            let v: i32 = y.as_str().parse().ok()?;
            Some(if v < 100 { 2000 + v } else { v })
        })
    };
    for c in DAY_FIRST.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let (Some(m), Ok(d)) = (month_number(&c["m"]), c["d"].parse::<u8>()) else {
            continue;
        };
        found.push(DateMention::at(whole, year_of(c.name("y")), m, d, false));
    }
    for c in MONTH_FIRST.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let (Some(m), Ok(d)) = (month_number(&c["m"]), c["d"].parse::<u8>()) else {
            continue;
        };
        if d == 0 || d > 31 {
            continue;
        }
        found.push(DateMention::at(whole, year_of(c.name("y")), m, d, false));
    }
    for c in ISO.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let (Ok(m), Ok(d)) = (c["m"].parse::<u8>(), c["d"].parse::<u8>()) else {
            continue;
        };
        found.push(DateMention::at(whole, year_of(c.name("y")), m, d, true));
    }
    for c in NUMERIC.captures_iter(text) {
        let whole = c.get(0).expect("match");
        if let Some((d, m)) = day_month(&c["a"], &c["b"]) {
            found.push(DateMention::at(whole, year_of(c.name("y")), m, d, true));
        }
    }
    if short_numeric {
        for c in NUMERIC_NO_YEAR.captures_iter(text) {
            let whole = c.get(0).expect("match");
            if whole.as_str().matches('/').count() > 1 {
                continue;
            }
            if let Some((d, m)) = day_month(&c["a"], &c["b"]) {
                found.push(DateMention::at(whole, None, m, d, true));
            }
        }
    }
    found.sort_by_key(|d| (d.start, std::cmp::Reverse(d.end)));
    let mut out: Vec<DateMention> = Vec::new();
    for d in found {
        if out.last().is_some_and(|l| d.start < l.end) {
            continue;
        }
        if d.month == 0 || d.month > 12 || d.day == 0 || d.day > 31 {
            continue;
        }
        out.push(d);
    }
    join_ranges(text, out)
}

/// A range across months ("30 June - 2 July 2020", "Nov 28 - Dec 2, 2022") is one date,
/// its first day, with the year written after the last ("30 December - 2 January 2020"
/// starts the year before).
fn join_ranges(text: &str, found: Vec<DateMention>) -> Vec<DateMention> {
    static LINK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:-|–|—|to|until|till|through)\s*$").expect("range link")
    });
    let mut out: Vec<DateMention> = Vec::with_capacity(found.len());
    let mut it = found.into_iter().peekable();
    while let Some(mut d) = it.next() {
        if let Some(n) = it.peek().copied() {
            if d.year.is_none()
                && !d.numeric
                && !n.numeric
                && n.year.is_some()
                && text.get(d.end..n.start).is_some_and(|g| LINK.is_match(g))
            {
                d.year = n.year.map(|y| if d.month > n.month { y - 1 } else { y });
                d.end = n.end;
                it.next();
            }
        }
        out.push(d);
    }
    out
}

/// Reads "a/b" as day/month, the order of IGF's international records, unless only the
/// other order is a valid date.
fn day_month(a: &str, b: &str) -> Option<(u8, u8)> {
    let (a, b): (u8, u8) = (a.parse().ok()?, b.parse().ok()?);
    if (1..=12).contains(&b) && (1..=31).contains(&a) {
        Some((a, b))
    } else if (1..=12).contains(&a) && (1..=31).contains(&b) {
        Some((b, a))
    } else {
        None
    }
}

/// ISO form of a date.
pub fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// Parses `YYYY-MM-DD`, the form users give on the command line.
pub fn parse_iso(s: &str) -> Option<Date> {
    let c = ISO.captures(s.trim())?;
    if c.get(0)?.as_str().len() != s.trim().len() {
        return None;
    }
    Date::from_calendar_date(
        c["y"].parse().ok()?,
        Month::try_from(c["m"].parse::<u8>().ok()?).ok()?,
        c["d"].parse().ok()?,
    )
    .ok()
}

/// A date without a year takes the meeting's year, or the next when that would put it
/// before the meeting.
pub fn resolve_after(d: &DateMention, meeting: Option<Date>) -> Option<Date> {
    let r = d.resolve(meeting.map(|m| m.year()))?;
    match meeting {
        Some(m) if d.year.is_none() && r < m => d.resolve(Some(m.year() + 1)),
        Some(m) if r < m => None,
        _ => Some(r),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(s: &str) -> Option<String> {
        find_dates(s, false)
            .first()
            .and_then(|d| d.resolve(Some(2000)))
            .map(iso)
    }

    #[test]
    fn test_reads_common_forms() {
        for (text, want) in [
            ("5 March 2026 at 18:00 UTC", "2026-03-05"),
            ("Wednesday, September 19, 2018 13:00 UTC", "2018-09-19"),
            ("6-8 July 2022", "2022-07-06"),
            ("Date: Tuesday 07/09/2021, 13:00", "2021-09-07"),
            ("Thursday, 15th September, 2022 (13:00 UTC)", "2022-09-15"),
            ("01 MAR 2017", "2017-03-01"),
            ("on 2026-03-05.", "2026-03-05"),
            ("from 18 to 21 December", "2000-12-18"),
            ("le 5 mars 2026 à 18h00", "2026-03-05"),
            ("el 5 de marzo de 2026", "2026-03-05"),
            ("12/03/26", "2026-03-12"),
        ] {
            assert_eq!(first(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn test_a_range_across_months_is_its_first_day() {
        assert_eq!(
            first("held 29 June - 3 July 2020 online").as_deref(),
            Some("2020-06-29")
        );
        assert_eq!(
            first("from Nov 30 to Dec 4, 2021").as_deref(),
            Some("2021-11-30")
        );
        assert_eq!(
            first("31 December - 2 January 2021").as_deref(),
            Some("2020-12-31")
        );
        // two dates in a list are not a range: the first keeps no year of its own
        let ds = find_dates("on 3 May and 9 June 2021", false);
        assert_eq!(ds.len(), 2);
        assert_eq!(ds[0].year, None);
    }

    #[test]
    fn test_rejects_dates_that_do_not_exist_and_non_dates() {
        assert_eq!(first("31 February 2026"), None);
        assert_eq!(first("IGF 2026 and 24/7 support"), None);
        assert_eq!(first("we may meet"), None);
    }

    #[test]
    fn test_short_numeric_only_on_request() {
        assert!(find_dates("Tuesday 21/09 at the same time", false).is_empty());
        let d = find_dates("Tuesday 21/09 at the same time", true);
        assert_eq!((d[0].day, d[0].month), (21, 9));
    }

    #[test]
    fn test_parse_iso_is_strict() {
        assert!(parse_iso("2026-01-01").is_some());
        assert!(parse_iso("2026-13-01").is_none());
        assert!(parse_iso("yesterday").is_none());
    }
}
