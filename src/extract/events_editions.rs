//! One annual IGF, many names: "IGF 2019", "the 14th IGF", "the 2019 IGF", "the Berlin
//! IGF" and "the IGF in Berlin" name the same gathering, and a record names each event
//! once. The edition's ordinal is its year less 2005 (the first IGF met in 2006); its host
//! place gives its year through `host_years` in `data/events.toml`.

use super::Compiled;
use crate::model::Event;
use regex::Regex;
use std::sync::OnceLock;

/// The year the first annual IGF met, which makes the Nth IGF the one of year 2005 + N.
const FIRST_IGF_YEAR: i32 = 2006;

/// How a name gives the edition, from the most to the least specific: the ordinal is how
/// the records name one gathering in prose, a year also names the cycle ("the IGF 2019
/// programme"), a place may be named for other meetings held there.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Form {
    Ordinal,
    Year,
    Host,
}

struct Forms {
    ordinal: Regex,
    year: Regex,
    host: Option<Regex>,
}

fn forms(c: &Compiled) -> &'static Forms {
    static F: OnceLock<Forms> = OnceLock::new();
    F.get_or_init(|| {
        let forum = r"(?:IGF|Internet Governance Forum)";
        let ord = super::ordinal_number(&c.rules);
        let hosts: Vec<String> = c.rules.host_years.keys().cloned().collect();
        let places = super::alternation(&hosts);
        // "the third meeting in Hyderabad" when the place hosted that edition (see
        // `names_its_host`)
        let ordinal = Regex::new(&format!(
            r"^(?i:the\s+)?({ord})\s+(?:annual\s+)?(?:{forum}(?:\s+meeting)?|meeting\s+of\s+the\s+{forum}|meeting\s+in\s+({places}))$"
        ))
        .expect("edition ordinal");
        let year = Regex::new(&format!(
            r"^(?:{forum}[ -]?((?:19|20)\d\d)|((?:19|20)\d\d)\s+(?:annual\s+)?(?:{forum}|meeting\s+of\s+the\s+{forum}))$"
        ))
        .expect("edition year");
        let host = (!hosts.is_empty()).then(|| {
            let h = super::alternation(&hosts);
            Regex::new(&format!(
                r"^(?:({h})\s+(?:IGF|meeting)|{forum}\s+in\s+({h}))$"
            ))
            .expect("edition host")
        });
        Forms { ordinal, year, host }
    })
}

/// The year of the annual IGF a name stands for, and how the name gives it.
fn edition(name: &str, c: &Compiled) -> Option<(i32, Form)> {
    let f = forms(c);
    if let Some(m) = f.ordinal.captures(name) {
        let o = m[1].to_lowercase();
        let n = if let Some(i) = c.rules.ordinal_words.iter().position(|w| *w == o) {
            i as i32 + 1
        } else if c.rules.first_words.contains(&o) {
            1
        } else {
            o.trim_end_matches(|ch: char| ch.is_alphabetic())
                .parse()
                .ok()?
        };
        return Some((FIRST_IGF_YEAR - 1 + n, Form::Ordinal));
    }
    if let Some(m) = f.year.captures(name) {
        let y = m.get(1).or(m.get(2))?.as_str().parse().ok()?;
        return Some((y, Form::Year));
    }
    let m = f.host.as_ref()?.captures(name)?;
    let place = m.get(1).or(m.get(2))?.as_str();
    c.rules.host_years.get(place).map(|&y| (y, Form::Host))
}

/// Whether "the Nth meeting in PLACE" names the Nth IGF: the place hosted that edition
/// ("the third meeting in Hyderabad", 2008), not merely some meeting held there.
pub(super) fn names_its_host(name: &str, c: &Compiled) -> bool {
    let Some(m) = forms(c).ordinal.captures(name) else {
        return false;
    };
    let (Some(place), Some((year, Form::Ordinal))) = (m.get(2), edition(name, c)) else {
        return false;
    };
    c.rules.host_years.get(place.as_str()) == Some(&year)
}

/// Keeps one name per annual IGF, the most specific form (the first of equals), with the
/// first date any of its names was given.
pub(super) fn one_per_edition(events: Vec<Event>, c: &Compiled) -> Vec<Event> {
    let eds: Vec<Option<(i32, Form)>> = events.iter().map(|e| edition(&e.name, c)).collect();
    let mut out = Vec::new();
    for (i, e) in events.iter().enumerate() {
        let Some((year, form)) = eds[i] else {
            out.push(e.clone());
            continue;
        };
        let same: Vec<usize> = (0..events.len())
            .filter(|&j| eds[j].is_some_and(|(y, _)| y == year))
            .collect();
        let best = same
            .iter()
            .copied()
            .min_by_key(|&j| (eds[j].map(|(_, f)| f), j))
            .unwrap_or(i);
        if best != i || eds[best].map(|(_, f)| f) != Some(form) {
            continue;
        }
        let mut kept = e.clone();
        if kept.date.is_none() {
            kept.date = same.iter().find_map(|&j| events[j].date.clone());
        }
        out.push(kept);
    }
    out
}

/// The capitals a name is abbreviated by: each capitalised word's initial, every letter of a
/// word in capitals ("IGF"), lower-case words skipped ("Asia Pacific regional IGF" is APIGF).
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .flat_map(|w| {
            if w.chars()
                .filter(|ch| ch.is_alphabetic())
                .all(char::is_uppercase)
            {
                w.chars()
                    .filter(|ch| ch.is_alphabetic())
                    .collect::<Vec<_>>()
            } else {
                w.chars().take(1).collect()
            }
        })
        .collect()
}

/// Drops an acronym ("AfIGF", "APrIGF") when the record also names the event in full and the
/// acronym's capitals are the full name's initials ("Africa Internet Governance Forum").
pub(super) fn without_acronyms_of_names(events: Vec<Event>) -> Vec<Event> {
    let spelled: Vec<String> = events
        .iter()
        .filter(|e| e.name.split_whitespace().count() > 1)
        .map(|e| initials(&e.name))
        .collect();
    events
        .into_iter()
        .filter(|e| {
            let single = !e.name.contains(char::is_whitespace);
            let caps: String = e.name.chars().filter(|ch| ch.is_uppercase()).collect();
            !(single && caps.chars().count() >= 3 && spelled.contains(&caps))
        })
        .collect()
}
