//! Main sessions of the annual forum named by what they are about: "the youth main
//! session", "the Dynamic Coalitions main session", "the main session on Access". A main
//! session spoken of in general ("all main sessions", "a main session on ...", "the same
//! main session") names none.

use super::Compiled;
use regex::Regex;
use std::sync::LazyLock;

/// "the QUALIFIER main session" (one to three words) or "the main session on Topic" (a
/// capitalised run); the definite article makes it one session the record knows.
static MAIN_SESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[Tt]he\s+(?P<q>(?:[A-Za-z][\w-]*\s+){1,3}?)main\s+session\b|\b[Tt]he\s+(?P<m>main\s+session\s+on\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)")
        .expect("main session")
});

/// A cheap test before the pattern: the line speaks of a main session.
pub(super) fn may_name(line: &str) -> bool {
    line.contains("main session")
}

/// The spans of the main sessions a sentence names.
pub(super) fn main_sessions(s: &str, c: &Compiled) -> Vec<(usize, usize)> {
    if !may_name(s) {
        return Vec::new();
    }
    let stop = |w: &str| {
        let w = w.to_lowercase();
        c.rules.session_qualifier_stop.contains(&w)
            || c.rules.hosts.iter().any(|h| h.to_lowercase() == w)
            || crate::text::dates::month_number(&w).is_some()
    };
    let mut out = Vec::new();
    for m in MAIN_SESSION.captures_iter(s) {
        let whole = m.get(0).expect("match");
        if let Some(q) = m.name("q") {
            let words: Vec<&str> = q.as_str().split_whitespace().collect();
            if words.iter().any(|w| stop(w)) {
                continue;
            }
            out.push((q.start(), whole.end()));
        } else if let Some(t) = m.name("m") {
            let topic_last = t.as_str().split_whitespace().last().unwrap_or("");
            if stop(topic_last) || is_weekday(topic_last) {
                continue;
            }
            out.push((t.start(), t.end()));
        }
    }
    out
}

fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}
