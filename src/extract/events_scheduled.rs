//! Gatherings named by what they are, in lower case, and given a date: "a webinar for
//! newcomers on 19 September", "the parliamentary roundtable will be held ... on 28
//! November", "a youth pre-event on 25 July". The date makes one gathering of a kind of
//! session; undated, "a webinar" or "the networking event" names no gathering.
//!
//! Such a name may run over a line break, so the rule reads whole paragraphs; its date may
//! not, since a line break there ends a heading or a block of the record.

use super::Compiled;
use crate::text::dates::{find_dates, iso, resolve_after};
use regex::Regex;
use std::sync::LazyLock;
use time::Date;

/// How far after the name its date may start: in the training records the clause between
/// the two ("will be held in Addis Ababa on Day 0, ", "organised by the DC on Accessibility
/// and Disability on ") ran 1-56 characters.
const DATED_WINDOW: usize = 60;
/// Words a name may take after its kind ("for newcomers", "on the thematic tracks").
const MAX_TOPIC_WORDS: usize = 6;
/// Words a name may take before its kind ("youth", "DC networking").
const MAX_QUALIFIERS: usize = 2;

/// Words that end a name's topic: verbs, and words that open the clause after it.
const TOPIC_STOPS: &[&str] = &[
    "will",
    "would",
    "is",
    "are",
    "was",
    "were",
    "be",
    "to",
    "and",
    "that",
    "which",
    "organised",
    "organized",
    "held",
    "hosted",
    "planned",
    "scheduled",
    "as",
    "but",
    "or",
    "if",
    "so",
];
/// Words that end a name's qualifiers: determiners, possessives and ordinals before it.
const QUALIFIER_STOPS: &[&str] = &[
    "a", "an", "the", "its", "their", "our", "his", "her", "this", "that", "these", "those",
    "next", "another", "each", "every", "any", "one", "of", "for", "on", "in", "at", "to", "and",
    "with", "by", "from", "about",
];

/// Dated gatherings named by a lower-case kind, with their dates.
pub(super) fn scheduled(
    text: &str,
    meeting_date: Option<Date>,
    c: &Compiled,
) -> Vec<(String, Option<String>)> {
    let kinds: Vec<Vec<&str>> = c
        .rules
        .scheduled_kinds
        .iter()
        .map(|k| k.split_whitespace().collect())
        .filter(|k: &Vec<&str>| !k.is_empty())
        .collect();
    let mut out = Vec::new();
    for para in text.split("\n\n") {
        // a kind is found word by word as written, so a paragraph without its first word (or
        // without a quotation mark, for a quoted title) holds nothing either rule takes
        let kind = kinds.iter().any(|k| para.contains(k[0]));
        let quoted = para.contains(['"', '“']);
        if !kind && !quoted {
            continue;
        }
        let joined: String = para
            .lines()
            .map(|l| l.trim().trim_start_matches('>').trim())
            .collect::<Vec<_>>()
            .join("\n");
        if kind {
            find_in(&joined, meeting_date, &kinds, c, &mut out);
        }
        if quoted {
            for m in QUOTED_SESSION.captures_iter(&joined) {
                out.push((crate::text::squash(&m[1]), None));
            }
        }
    }
    out
}

/// A session named by its title in quotes: "the session on “Reaching the Unconnected”",
/// "the workshop "Data for Good"".
static QUOTED_SESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"\b(?i:session|workshop|panel|webinar|roundtable)\s+(?:on\s+)?["“]([^"”]{8,160})["”]"#,
    )
    .expect("quoted session")
});

fn find_in(
    p: &str,
    meeting_date: Option<Date>,
    kinds: &[Vec<&str>],
    c: &Compiled,
    out: &mut Vec<(String, Option<String>)>,
) {
    // word spans: (start, end) of runs of letters, digits, hyphens and apostrophes
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start: Option<usize> = None;
    for (i, ch) in p.char_indices() {
        let inside = ch.is_alphanumeric() || ch == '-' || ch == '\'' || ch == '’';
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, p.len()));
    }
    let w = |i: usize| &p[words[i].0..words[i].1];
    let mut i = 0;
    while i < words.len() {
        // most words open no kind: one look at the first words before the whole kinds
        if !kinds.iter().any(|k| k[0] == w(i)) {
            i += 1;
            continue;
        }
        let Some(kind) = kinds
            .iter()
            .filter(|k| i + k.len() <= words.len() && (0..k.len()).all(|j| w(i + j) == k[j]))
            .max_by_key(|k| k.len())
        else {
            i += 1;
            continue;
        };
        let head_end = i + kind.len();
        // qualifiers: lower-case words or acronyms back to a determiner, on one clause
        let mut first = i;
        while first > 0 && i - first < MAX_QUALIFIERS {
            let q = w(first - 1);
            let gap = &p[words[first - 1].1..words[first].0];
            let acronym = q.chars().filter(|ch| ch.is_uppercase()).count() >= 2;
            let lower = q.chars().all(|ch| ch.is_lowercase() || ch == '-');
            let folded = q.to_lowercase();
            if gap.trim() != ""
                || QUALIFIER_STOPS.contains(&folded.as_str())
                || c.rules.ordinal_words.contains(&folded)
                || !(acronym || lower)
            {
                break;
            }
            first -= 1;
        }
        // topic: "on/for/with" and lower-case words up to a verb, a place or a date
        let mut last = head_end;
        if last < words.len()
            && matches!(w(last), "on" | "for" | "with")
            && p[words[last - 1].1..words[last].0].trim().is_empty()
        {
            let mut j = last + 1;
            while j < words.len() && j - last <= MAX_TOPIC_WORDS {
                let t = w(j);
                let gap = &p[words[j - 1].1..words[j].0];
                let opens_other = t
                    .chars()
                    .next()
                    .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit());
                if !gap.trim().is_empty() || TOPIC_STOPS.contains(&t) || opens_other {
                    break;
                }
                if matches!(t, "on" | "in" | "at" | "by" | "during" | "before" | "after")
                    && j + 1 < words.len()
                    && w(j + 1)
                        .chars()
                        .next()
                        .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit())
                {
                    break;
                }
                j += 1;
            }
            if j > last + 1 {
                last = j;
            }
        }
        let name_end = words[last - 1].1;
        let specific = first < i || last > head_end;
        let after = &p[name_end..];
        let date = find_dates(after, false).into_iter().next().filter(|d| {
            d.start < DATED_WINDOW && !after[..d.start].contains(['.', ';', '?', '!', '\n'])
        });
        // "the next open consultations": the record's own series, given as its next meeting
        let next = first > 0 && w(first - 1).eq_ignore_ascii_case("next");
        // "a first open webinar, the PNE Webinar, on 8 July": the name follows
        let apposition = after.starts_with(", the ") || after.starts_with(" (the ");
        if specific && !next && !apposition {
            if let Some(d) = date {
                let name = crate::text::squash(&p[words[first].0..name_end]);
                out.push((name, resolve_after(&d, meeting_date).map(iso)));
            }
        }
        i = last.max(i + 1);
    }
}
