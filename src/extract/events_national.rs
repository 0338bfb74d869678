//! National and regional initiatives as gatherings: "the Benin IGF will be held on 24 May"
//! names a gathering, "from the Italian IGF it was advised" a body.

use super::Compiled;
use crate::text::dates::{find_dates, month_number};

/// The length of " in Mexico City" at the start of `after`: a place, not a month.
fn place_len(after: &str, c: &Compiled) -> usize {
    c.place_after.captures(after).map_or(0, |m| {
        let place = m.get(1).map_or("", |g| g.as_str());
        let first = place.split_whitespace().next().unwrap_or("");
        if month_number(first).is_some() {
            0
        } else {
            m.get(0).map_or(0, |g| g.end())
        }
    })
}

/// Where a national or regional initiative's name starts when the clause says its gathering
/// takes place ("the Benin IGF will be held on 24 May", "the Africa IGF would take place in
/// Abuja", "West Africa IGF in Abuja"); an initiative that only acts or speaks ("from the
/// Italian IGF it was advised") is a body, not a gathering.
pub(super) fn gathering_start(s: &str, a: usize, b: usize, c: &Compiled) -> Option<usize> {
    let after = &s[b..];
    if after
        .trim_start_matches([' ', '-'])
        .starts_with(|ch: char| ch.is_ascii_digit())
    {
        return None; // "Ghana IGF 2023": the series with its year
    }
    let phrase = &s[a..b];
    let mut start = a;
    let mut rest: Vec<&str> = Vec::new();
    for w in phrase.split_whitespace() {
        let generic = |l: &[String]| l.iter().any(|x| x == w);
        if rest.is_empty()
            && (generic(&c.rules.not_qualifiers)
                || generic(&c.rules.generic_modifiers)
                || month_number(w).is_some()
                || w == "The")
        {
            start = a + phrase.find(w).unwrap_or(0) + w.len();
            continue;
        }
        rest.push(w);
    }
    let start = start + s[start..].len() - s[start..].trim_start().len();
    let qualifiers = &rest[..rest.len().saturating_sub(1)];
    let dated = find_dates(after, false)
        .first()
        .is_some_and(|d| d.start < NATIONAL_DATE_WINDOW)
        || in_a_year(after);
    if qualifiers.is_empty() {
        return None;
    }
    // "a Youth IGF on 2 August": a kind of initiative names one gathering only with its day
    if qualifiers.iter().all(|w| {
        matches!(
            *w,
            "Regional" | "National" | "Youth" | "Local" | "Global" | "Sub-regional"
        )
    }) {
        return dated.then_some(start);
    }
    let window = &after[..floor_boundary(after, GATHERING_WINDOW)];
    (c.gathering_verb.is_match(window) || dated || place_len(after, c) > 0).then_some(start)
}

/// Whether the words after an initiative place it in a year ("the Pacific IGF last year"):
/// the initiative met then, so it names its gathering.
fn in_a_year(after: &str) -> bool {
    let a = after.trim_start();
    ["last year", "this year", "next year"]
        .iter()
        .any(|y| a.starts_with(y))
}

/// How far after an initiative's name the clause may say its gathering takes place: the
/// training records put the verb 1-70 characters on ("... and the Pacific IGF informed
/// that their 2017 meetings would take place").
const GATHERING_WINDOW: usize = 90;
/// How far after an initiative's name a date is its gathering's ("Benin IGF on 24 May",
/// "Asia Pacific Regional IGF, Seoul, 3-6 September 2013": 4-16 characters in training).
const NATIONAL_DATE_WINDOW: usize = 25;

fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
