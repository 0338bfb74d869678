//! Attendance lists, in the forms records use: a heading ("List of participants",
//! "Attendees:", "On the call:", "Present:", an annex's "A2. Participants") over numbered,
//! bulleted or plain lines, or over lines by stakeholder group ("Civil society: A, B");
//! an inline list after the heading ("Present: A (co-chair); B; C"); a sentence of prose
//! ("Ms. X moderated the meeting; also present were A, B and C"). People listed under
//! "Apologies:" / "Regrets:" (or "apologies were received from") are not present.
//! Each entry is read by [`entry`].

mod entry;
mod split;
use split::{split_and, split_top, without_parens};

pub use entry::{entry, looks_like_name};

use super::lines::Line;
use super::summary::{is_item_start, strip_marker};
use crate::model::Participant;
use crate::text::names::{honorific_alternation, person_key};
use crate::text::strip_emphasis;
use entry::{classify, clean_name, is_role, line_entry};
use regex::Regex;
use std::sync::LazyLock;

/// A heading line: an optional annex or section prefix, the heading words, an optional
/// parenthesis ("(in alphabetical order)", "(12)"), and what follows its colon.
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?i:annexe?|appendix|attachment)\s*[\w.]*\s*[:.\-–—]?\s*|[A-Z]\d{1,2}\s*[:.\-–—]\s*|\d{1,2}[.)]\s+)?(?P<head>[^:()]{2,80}?)\s*(?:\([^)]*\))?\s*(?P<colon>:\s*(?P<rest>.*))?$")
        .expect("heading")
});
/// Heading words of a list of people present (lower-cased): "participants", "MAG members
/// present", "list of attendees", "on the call", "the following people attended the call".
static PRESENT_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:list\s+of\s+(?:the\s+)?(?:participants|attendees|members\s+present|those\s+present|speakers|panell?ists)|(?:(?:the\s+)?following\s+)?(?:[a-z][\w'’\-]*\s+){0,3}?(?:participants|attendees|attendance|present|participating|in\s+attendance|attending|on\s+the\s+call|on\s+the\s+line|speakers|panell?ists|discussants|presenters)(?:\s+(?:list|present|on\s+the\s+call|at\s+the\s+(?:meeting|call)|in\s+the\s+(?:call|room)|were|included|online|onsite|in\s+person|remotely))*|(?:the\s+following\s+)?(?:[a-z][\w'’\-]*\s+){0,3}?(?:attended|participated|joined|took\s+part|were\s+present|were\s+on\s+the\s+call)(?:\s+(?:in\s+)?(?:the\s+)?(?:call|meeting|session|discussion))?)(?:\s+(?:and|with)\s+(?:their\s+)?(?:institutional\s+)?(?:affiliations?|organi[sz]ations?|roles?))?$")
        .expect("present heading")
});
/// Heading words of a list of people not present (lower-cased).
static ABSENT_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:apologies(?:\s+(?:were\s+)?(?:received|sent|for\s+absence|noted))?(?:\s+(?:from|of))?|regrets|absent(?:\s+with\s+apologies)?|absentees|excused|not\s+present|unable\s+to\s+attend|could\s+not\s+attend|(?:who\s+)?sent\s+(?:their\s+)?apologies)$")
        .expect("absent heading")
});
/// Labels of metadata lines that end an inline list or a block ("Notes:", "Agenda:").
static STOP_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:notes?|note[\s-]?taker|minutes|agenda|date|time|venue|location|subject|from|to|sent|cc|title|record|next\s+(?:meeting|call|steps)|action\s+items?|actions|decisions?|summary|documents?|links?)$")
        .expect("stop label")
});
/// A line naming who held a role at the meeting: "Chairperson/Moderator: A, Org",
/// "Rapporteur: B". Its people are present when the document lists who was.
static ROLE_KEY: LazyLock<Regex> = LazyLock::new(|| {
    let role = r"(?:(?:online|onsite|on-site|remote|in-person)\s+)?(?:chair(?:person|man|woman)?s?|co-?chairs?|moderators?|co-?moderators?|facilitators?|rapporteurs?|note[\s-]?takers?|chaired\s+by|moderated\s+by)";
    Regex::new(&format!(
        r"(?i)^(?P<key>{role}(?:\s*(?:/|and|&)\s*{role})*)\s*:\s*(?P<rest>.+)$"
    ))
    .expect("role key")
});
/// An absence key inside an inline list: "Present: A, B. Apologies: C".
static ABSENT_INLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[.;,]?\s*\b(?:apologies|regrets|absent|excused)\s*:").expect("absent inline")
});
/// "Label: rest" where the label names a group or a role, not a person.
static GROUP_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<label>[^:()\d]{2,40}?)\s*(?:\([^)]*\))?\s*:\s*(?P<rest>.*)$")
        .expect("group line")
});
/// Prose that introduces people present: "also present were", "the call was attended by",
/// "participants included", "joined by".
static PROSE_PRESENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<also>also\s+)?(?:(?:present|attending|in\s+attendance|on\s+the\s+call|participating|joining)(?:\s+(?:at|in|on)\s+the\s+(?:call|meeting|session))?\s+(?:were|was)|(?:was|were)\s+(?:also\s+)?attended\s+by|(?:participants|attendees|those\s+present)\s+(?:also\s+)?included|(?P<joined>joined\s+by))\s+")
        .expect("prose present")
});
/// Prose that names people not present: "Apologies were received from A and B".
static PROSE_ABSENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bapologies\s+(?:were\s+)?(?:received\s+|noted\s+)?(?:from|of)\s+")
        .expect("prose absent")
});
/// The person who led a meeting, named in the sentence that says who else was present:
/// "Ms. X moderated the meeting", "chaired by Mr. X".
static LED_BY: LazyLock<Regex> = LazyLock::new(|| {
    let name = r"[\p{Lu}][\p{L}\p{M}'’\-]+(?:\s+(?:de|da|dos|van|von|der|del|la|le|St\.|[\p{Lu}][\p{L}\p{M}'’\-]+)){1,3}";
    let hon = format!(r"(?:{}\.?\s+)", honorific_alternation());
    Regex::new(&format!(
        r"(?:{hon}?(?P<a>{name})\s+(?:\([^)]*\)\s+)?(?:moderated|chaired|hosted|facilitated|led|convened|opened|presided)\b|(?i:moderated|chaired|hosted|facilitated|led|convened)\s+by\s+{hon}?(?P<b>{name}))"
    ))
    .expect("led by")
});
/// A quoted reply's markers ("> ", "> > "), not the `>>` of captions.
static QUOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:>(?:\s+|$))+").expect("quote"));
static HONORIFIC_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^{}\.?$", honorific_alternation())).expect("honorific word")
});

/// Whether a heading lists people present or people absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Attend {
    Present,
    Absent,
}

/// A line without quote markers, markdown heading marks or emphasis.
fn clean_line(t: &str) -> String {
    let t = match QUOTE.find(t) {
        Some(m) => &t[m.end()..],
        None => t,
    };
    let t = t.trim_start().trim_start_matches('#');
    // "- Chair/Moderator: A" and "- List of speakers:" in a bulleted form keep their key
    let t = match BULLET.find(t) {
        Some(m) if HEADING_OR_KEY.is_match(&t[m.end()..]) => &t[m.end()..],
        _ => t,
    };
    strip_emphasis(t).trim().to_string()
}

/// A bullet that leads a line ("- ", "* ", "• ").
static BULLET: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[-*•]\s+").expect("bullet"));
/// A line that is a key and its colon ("Chair/Moderator: A", "List of speakers:").
static HEADING_OR_KEY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[^:]{2,80}:").expect("key line"));

/// A heading of an attendance list, with the text after its colon. A heading without a
/// colon must stand alone, short and without a full stop ("List of participants"), so that
/// "Participants were invited to share ideas" is a sentence.
fn heading(t: &str) -> Option<(Attend, String)> {
    let c = HEADING.captures(t)?;
    let head = c["head"].trim().to_lowercase();
    let rest = c.name("rest").map_or("", |m| m.as_str()).trim().to_string();
    if c.name("colon").is_none() && (head.split_whitespace().count() > 8 || t.ends_with('.')) {
        return None;
    }
    if ABSENT_HEAD.is_match(&head) {
        Some((Attend::Absent, rest))
    } else if PRESENT_HEAD.is_match(&head) {
        Some((Attend::Present, rest))
    } else {
        None
    }
}

/// The attendance list, when the document has one.
pub fn participants(lines: &[Line<'_>]) -> Vec<Participant> {
    let texts: Vec<String> = lines.iter().map(|l| clean_line(l.text)).collect();
    let mut used = vec![false; texts.len()];
    let mut present: Vec<(usize, Participant)> = Vec::new();
    let mut roles: Vec<(usize, Participant)> = Vec::new();
    let mut absent: Vec<String> = Vec::new();
    let mut i = 0;
    while i < texts.len() {
        let Some((attend, mut rest)) = heading(&texts[i]) else {
            if let Some(c) = ROLE_KEY.captures(&texts[i]) {
                for mut p in inline_entries(&c["rest"]) {
                    if p.role.is_none() {
                        p.role = Some(c["key"].trim().to_string());
                    }
                    roles.push((i, p));
                }
            }
            i += 1;
            continue;
        };
        // "Present: A, B. Apologies: C"
        if let Some(m) = ABSENT_INLINE.find(&rest) {
            let gone = inline_entries(&rest[m.end()..]);
            absent.extend(gone.iter().map(|p| person_key(&p.name)));
            rest.truncate(m.start());
        }
        let (found, next) = if rest.is_empty() {
            block_list(lines, &texts, i + 1)
        } else {
            inline_list(&texts, i, rest)
        };
        used[i..next.max(i + 1)].iter_mut().for_each(|u| *u = true);
        match attend {
            Attend::Present => present.extend(found.into_iter().map(|p| (i, p))),
            Attend::Absent => absent.extend(found.iter().map(|p| person_key(&p.name))),
        }
        i = next.max(i + 1);
    }
    let paragraphs = paragraphs(&texts, &used);
    for p in &paragraphs {
        for m in PROSE_ABSENT.find_iter(p) {
            let names = inline_entries(sentence_rest(&p[m.end()..]));
            absent.extend(names.iter().map(|n| person_key(&n.name)));
        }
    }
    if present.is_empty() {
        for p in &paragraphs {
            present.extend(prose_present(p).into_iter().map(|p| (usize::MAX, p)));
        }
    }
    // who chaired or took notes was there, when the document says who was
    if !present.is_empty() {
        present.extend(roles);
        present.sort_by_key(|(i, _)| *i);
    }
    let others: String = texts
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(t, _)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let all = texts.join("\n");
    let mut unique: Vec<Participant> = Vec::new();
    for (_, mut p) in present {
        p.name = family_given_order(&p.name, &others, &all);
        let key = person_key(&p.name);
        if absent.contains(&key) || unique.iter().any(|u| person_key(&u.name) == key) {
            continue;
        }
        unique.push(p);
    }
    unique
}

/// The entries of a list under a heading that ends its line, from line `j`; returns them
/// with the index of the first line after the list. Entries may be separated by blank
/// lines; the list ends at a line that is no entry, at another heading, or at a blank line
/// followed by something that is not an entry.
fn block_list(lines: &[Line<'_>], texts: &[String], mut j: usize) -> (Vec<Participant>, usize) {
    let mut out = Vec::new();
    let mut seen = false;
    while j < texts.len() {
        let t = &texts[j];
        if t.is_empty() {
            if seen {
                let next = texts[j + 1..].iter().find(|t| !t.is_empty());
                if next.is_none_or(|t| heading(t).is_some() || list_line(t).is_none()) {
                    break;
                }
            }
            j += 1;
            continue;
        }
        if heading(t).is_some() {
            break;
        }
        if is_session_label(t) {
            j += 1;
            continue;
        }
        match list_line(t) {
            Some(ps) => {
                seen = true;
                out.extend(ps);
            }
            None => {
                let raw = lines[j].text;
                let wrapped = seen && raw.starts_with([' ', '\t']) && !texts[j - 1].is_empty();
                if !wrapped {
                    break;
                }
            }
        }
        j += 1;
    }
    (out, j)
}

/// A label that splits a list by session or day ("M1:", "Session 2:", "Day 1 (online):"):
/// one to three words ending in a colon with nothing after it, and a digit among them.
fn is_session_label(t: &str) -> bool {
    let Some(label) = t.trim().strip_suffix(':') else {
        return false;
    };
    let n = label.split_whitespace().count();
    (1..=3).contains(&n) && label.chars().any(|c| c.is_ascii_digit()) && label.len() <= 30
}

/// An inline list after its heading's colon, going on over the lines that follow it
/// until a blank line, a heading or a metadata line ("Notes:").
fn inline_list(texts: &[String], i: usize, rest: String) -> (Vec<Participant>, usize) {
    let mut inline = rest;
    let mut j = i + 1;
    while j < texts.len() && !texts[j].is_empty() && heading(&texts[j]).is_none() {
        if let Some(c) = GROUP_LINE.captures(&texts[j]) {
            let label = c["label"].trim();
            if STOP_LABEL.is_match(label) || is_role(label) || !is_group_label(label) {
                break;
            }
            inline.push_str("; ");
        } else {
            inline.push(' ');
        }
        inline.push_str(&texts[j]);
        j += 1;
    }
    (inline_entries(&inline), j)
}

/// The people of one line of a list: an item ("1. A, role"), a plain line ("A (ISOC)"),
/// a group's line ("Civil society: A, B"), a row of a table, or several names in a row.
/// `None` when the line holds no name, or is a sentence. A group's label alone ("Civil
/// society:") is an empty list.
fn list_line(t: &str) -> Option<Vec<Participant>> {
    let body = if is_item_start(t) {
        strip_marker(t).trim()
    } else {
        t.trim()
    };
    if let Some(row) = body.strip_prefix('|') {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let first = cells.first().copied().unwrap_or("");
        if first.is_empty() || first.starts_with('-') || first.eq_ignore_ascii_case("name") {
            return Some(Vec::new());
        }
        let rest: Vec<&str> = cells[1..]
            .iter()
            .copied()
            .filter(|c| !c.is_empty())
            .collect();
        let mut p = line_entry(first)?;
        if p.affiliation.is_none() && !rest.is_empty() {
            p.affiliation = Some(rest.join(", "));
        }
        return Some(vec![p]);
    }
    if let Some(c) = GROUP_LINE.captures(body) {
        let label = c["label"].trim();
        let rest = c["rest"].trim();
        if STOP_LABEL.is_match(label) {
            return None;
        }
        if is_group_label(label) {
            if rest.is_empty() {
                return Some(Vec::new());
            }
            let mut ps = inline_entries(rest);
            for p in &mut ps {
                if p.affiliation.is_none() && p.role.is_none() {
                    (p.affiliation, p.role) = classify(Some(label));
                }
            }
            return (!ps.is_empty()).then_some(ps);
        }
    }
    if name_parts(body) >= 2 {
        let ps = inline_entries(body);
        return (!ps.is_empty()).then_some(ps);
    }
    line_entry(body).map(|p| vec![p])
}

/// Whether the label of "Label: names" names a group or role ("Civil society",
/// "Observers"), not a person: at most five words, and no full name.
fn is_group_label(l: &str) -> bool {
    let n = l.split_whitespace().count();
    (1..=5).contains(&n) && !(n >= 2 && looks_like_name(l))
}

/// How many parts of a comma-separated run are full names on their own.
fn name_parts(s: &str) -> usize {
    split_and(split_top(s, ','))
        .iter()
        .filter(|p| {
            let bare = without_parens(p);
            bare.split_whitespace().count() >= 2 && looks_like_name(&bare)
        })
        .count()
}

/// Entries of an inline list: "A (co-chair); B; C, D, E (co-chairs); F (APC)", "MAG
/// members: A, B; Secretariat: C", "A, B and C", "Cassa, Titti; Buckridge, Chris".
fn inline_entries(text: &str) -> Vec<Participant> {
    let text = text.trim().trim_end_matches('.');
    let groups = split_top(text, ';');
    if groups.len() < 2 {
        return group_entries(text);
    }
    groups.iter().flat_map(|g| group_entries(g)).collect()
}

/// One ';'-separated group of an inline list.
fn group_entries(g: &str) -> Vec<Participant> {
    let mut g = g.trim();
    let mut label: Option<&str> = None;
    if let Some(c) = GROUP_LINE.captures(g) {
        let l = c.name("label").map_or("", |m| m.as_str()).trim();
        if is_group_label(l) {
            label = Some(l);
            g = c.name("rest").map_or("", |m| m.as_str()).trim();
        }
    }
    // "A, B, C (co-chairs)": several names sharing a trailing parenthesis
    let (names_part, paren) = match (g.rfind('('), g.ends_with(')')) {
        (Some(i), true) => (&g[..i], Some(&g[i + 1..g.len() - 1])),
        _ => (g, None),
    };
    let parts = split_and(split_top(names_part, ','));
    let all_names = parts.len() > 1
        && parts
            .iter()
            .all(|p| p.split_whitespace().count() >= 2 && looks_like_name(p));
    let mut out = Vec::new();
    if all_names {
        let role = paren.map(singular_role);
        for p in parts {
            let (aff, r) = classify(role.as_deref());
            out.push(Participant {
                name: clean_name(&p),
                affiliation: aff,
                role: r,
            });
        }
    } else if name_parts(g) >= 2 {
        out = comma_entries(g);
    } else if let Some(p) = entry::entry(g) {
        out.push(p);
    }
    if let Some(l) = label {
        for p in &mut out {
            if p.affiliation.is_none() && p.role.is_none() {
                (p.affiliation, p.role) = classify(Some(l));
            }
        }
    }
    out
}

/// A comma-separated run of people with what follows each: "A (Kenya), B, role, C". A
/// part that is no full name belongs to the person before it; two single name words in a
/// row are "Family, Given".
fn comma_entries(s: &str) -> Vec<Participant> {
    let mut out: Vec<Participant> = Vec::new();
    let mut single: Option<String> = None;
    let attach = |out: &mut Vec<Participant>, extra: &str| {
        if let Some(last) = out.last_mut() {
            let (aff, role) = classify(Some(extra));
            let add = |slot: &mut Option<String>, v: Option<String>| {
                if let Some(v) = v {
                    *slot = Some(match slot.take() {
                        Some(s) => format!("{s}, {v}"),
                        None => v,
                    });
                }
            };
            add(&mut last.affiliation, aff);
            add(&mut last.role, role);
        }
    };
    for part in split_and(split_top(s, ',')) {
        let bare = without_parens(&part);
        if bare.split_whitespace().count() == 1 && looks_like_name(&bare) {
            match single.take() {
                Some(fam) => out.extend(entry::entry(&format!("{fam}, {part}"))),
                None => single = Some(part),
            }
            continue;
        }
        if let Some(w) = single.take() {
            attach(&mut out, &w);
        }
        match line_entry(&part) {
            Some(p) => out.push(p),
            None => attach(&mut out, &part),
        }
    }
    if let Some(w) = single {
        attach(&mut out, &w);
    }
    out
}

fn singular_role(r: &str) -> String {
    let r = r.trim();
    if r.ends_with("chairs") || r.ends_with("members") || r.ends_with("coordinators") {
        r[..r.len() - 1].to_string()
    } else {
        r.to_string()
    }
}

/// Runs of non-blank lines outside the lists already read, joined into paragraphs.
fn paragraphs(texts: &[String], used: &[bool]) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for (t, u) in texts.iter().zip(used) {
        if t.is_empty() || *u {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(t);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The text from `s` to the end of its sentence: a full stop before a capital that does
/// not close an honorific or an initial, or a relative clause (", who").
fn sentence_rest(s: &str) -> &str {
    let mut end = s.len();
    for (i, _) in s.match_indices(". ") {
        let before = s[..i].rsplit(' ').next().unwrap_or("");
        let after = s[i + 2..].chars().next().unwrap_or(' ');
        let abbrev = HONORIFIC_WORD.is_match(before)
            || before.chars().count() == 1
            || before.eq_ignore_ascii_case("st");
        if !abbrev && (after.is_uppercase() || after.is_ascii_digit()) {
            end = i;
            break;
        }
    }
    let s = &s[..end];
    [", who ", ", which ", " who ", ", whose "]
        .iter()
        .filter_map(|w| s.find(w))
        .min()
        .map_or(s, |i| &s[..i])
}

/// The people a sentence of prose names as present, after the one who led the meeting
/// when the sentence says "also present" or "joined by".
fn prose_present(p: &str) -> Vec<Participant> {
    let mut out = Vec::new();
    for c in PROSE_PRESENT.captures_iter(p) {
        let m = c.get(0).expect("match");
        if c.name("also").is_some() || c.name("joined").is_some() {
            let start = p[..m.start()].rfind(". ").map_or(0, |i| i + 2);
            let before = &p[start..m.start()];
            if let Some(l) = LED_BY.captures_iter(before).last() {
                let n = l.name("a").or(l.name("b")).map_or("", |x| x.as_str());
                if let Some(e) = line_entry(n) {
                    out.push(e);
                }
            }
        }
        let names = inline_entries(sentence_rest(&p[m.end()..]));
        out.extend(names);
    }
    out
}

/// A two-word name turned round when the rest of the document writes it the other way:
/// "Kowalska Maria" in a list beside "Maria Kowalska" or "Ms. Kowalska" in the text is
/// "Maria Kowalska". Counts: the full name in either order (twice), the family name
/// after an honorific, a given name alone.
///
/// A name the document itself writes "Family, Given" ("Cheng, Wei-lun") is already in
/// order: the comma says which word is the family name.
fn family_given_order(name: &str, others: &str, all: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() != 2 {
        return name.to_string();
    }
    let (a, b) = (words[0], words[1]);
    if all.contains(&format!("{b}, {a}")) {
        return name.to_string();
    }
    // counted by scanning, not by regexes built per name: this runs for every two-word
    // participant of every record
    // each word's whole-word occurrences are found once and every count read from them:
    // the ten scans of the whole text they replace were a tenth of indexing's parse stage
    // (perf, benches/RESULTS.md, session 15)
    let text = WordScan(others);
    let (occ_a, occ_b) = (text.occurrences(a), text.occurrences(b));
    let ab = text.pairs(&occ_a, b);
    let ba = text.pairs(&occ_b, a);
    let hon_a = text.after_honorific(&occ_a);
    let hon_b = text.after_honorific(&occ_b);
    let alone = |occ: &[(usize, usize)], w: &str, occ_other: &[(usize, usize)], other: &str| {
        let with = text.pairs(occ, other) + text.pairs(occ_other, w);
        occ.len().saturating_sub(with)
    };
    let alone_a = alone(&occ_a, a, &occ_b, b).saturating_sub(hon_a);
    let alone_b = alone(&occ_b, b, &occ_a, a).saturating_sub(hon_b);
    let keep = 2 * ab + hon_b + alone_a;
    let swap = 2 * ba + hon_a + alone_b;
    if swap > keep {
        format!("{b} {a}")
    } else {
        name.to_string()
    }
}

/// Whole-word occurrences in a text, as `\bword\b` finds them.
struct WordScan<'a>(&'a str);

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

impl<'a> WordScan<'a> {
    /// Where `w` stands as a whole word: (start, end) byte offsets.
    fn words(&self, w: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
        let t = self.0;
        t.match_indices(w).filter_map(move |(i, _)| {
            let end = i + w.len();
            let before = t[..i].chars().next_back().is_none_or(|c| !is_word_char(c));
            let after = t[end..].chars().next().is_none_or(|c| !is_word_char(c));
            (!w.is_empty() && before && after).then_some((i, end))
        })
    }

    /// Every whole-word occurrence of `w` ([`WordScan::words`]), to be counted more than once.
    fn occurrences(&self, w: &'a str) -> Vec<(usize, usize)> {
        self.words(w).collect()
    }

    /// How often a word (its `occurrences`), white space, then `second` stand as whole words.
    fn pairs(&self, occurrences: &[(usize, usize)], second: &str) -> usize {
        occurrences
            .iter()
            .filter(|&&(_, end)| {
                let rest = &self.0[end..];
                let gap = rest.len() - rest.trim_start().len();
                let rest = &rest[gap..];
                gap > 0
                    && rest.starts_with(second)
                    && rest[second.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !is_word_char(c))
            })
            .count()
    }

    /// How often a word (its `occurrences`) follows an honorific ("Ms.", "Dr", ...) and
    /// white space.
    fn after_honorific(&self, occurrences: &[(usize, usize)]) -> usize {
        occurrences
            .iter()
            .filter(|&&(start, _)| {
                let head = &self.0[..start];
                let kept = head.trim_end();
                if kept.len() == head.len() {
                    return false;
                }
                let kept = kept.strip_suffix('.').unwrap_or(kept);
                let word_start = kept
                    .char_indices()
                    .rev()
                    .find(|(_, c)| !is_word_char(*c))
                    .map_or(0, |(i, c)| i + c.len_utf8());
                is_honorific(&kept[word_start..])
            })
            .count()
    }
}

/// One of the lexicon's honorifics, case aside, without its full stop.
fn is_honorific(word: &str) -> bool {
    static WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
        crate::lexicon::lexicon()
            .people
            .honorifics
            .iter()
            .filter(|w| *w != "he")
            .map(|w| w.trim_end_matches('.').to_lowercase())
            .collect()
    });
    let word = word.to_lowercase();
    !word.is_empty() && WORDS.contains(&word)
}

#[cfg(test)]
mod tests;
