//! Where a capitalised phrase's name starts and ends: a series' qualifying word ("African
//! IGF 2021"), the words that make a series name its cycle ("2019 IGF - MAG"), and the
//! head word a gathering's name ends in ("Geneva Cyber Week", "Summit of the Future").

use super::Compiled;

/// Where a series name starts when one qualifying word leads it ("African IGF 2021",
/// "Nigeria IGF 2019"): a capitalised word that is not a preposition, a sentence opener
/// or a word of the group's own meetings.
pub(super) fn qualified_start(s: &str, start: usize, c: &Compiled) -> usize {
    let before = &s[..start];
    let trimmed = before.trim_end_matches(' ');
    if trimmed.len() + 1 != before.len() {
        return start; // exactly one space between the words
    }
    let word_start = trimmed
        .rfind(|ch: char| !(ch.is_alphabetic() || ch == '-'))
        .map_or(0, |i| {
            i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &trimmed[word_start..];
    let capitalised = word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).any(char::is_lowercase)
        && word.chars().count() >= 3;
    let listed = |l: &[String]| l.iter().any(|w| w == word);
    if capitalised
        && !listed(&c.rules.not_qualifiers)
        && !listed(&c.rules.generic_modifiers)
        && crate::text::dates::month_number(word).is_none()
    {
        word_start
    } else {
        start
    }
}

/// Whether the words after "Second IGF" or "2019 IGF" make it the name of a cycle or its own
/// meeting ("Second IGF 2020 MAG Meeting", "2019 IGF - MAG - ..."), not of a gathering.
pub(super) fn names_the_cycle(after: &str, c: &Compiled) -> bool {
    let next = after
        .trim_start_matches([' ', '-', '–'])
        .split_whitespace()
        .next()
        .unwrap_or("");
    (next.len() == 4 && next.chars().all(|ch| ch.is_ascii_digit()))
        || c.rules.generic_modifiers.iter().any(|g| g == next) && next != "The"
        || matches!(
            next,
            "cycle" | "cycles" | "mandate" | "process" | "preparatory"
        )
}

/// Trims a capitalised phrase to a name that ends in a head word, when it has one.
pub(super) fn headed(s: &str, a: usize, b: usize, c: &Compiled) -> Option<(usize, usize)> {
    let phrase = &s[a..b];
    let words: Vec<(usize, &str)> = phrase
        .split_whitespace()
        .scan(0usize, |pos, w| {
            let i = phrase[*pos..].find(w).map_or(*pos, |i| *pos + i);
            *pos = i + w.len();
            Some((i, w))
        })
        .collect();
    // the last head word in the phrase, followed only by "of/on/for ..." continuations
    let head_idx = words
        .iter()
        .rposition(|(_, w)| c.rules.heads.iter().any(|h| h == w))?;
    // "Outcomes of the Forum": a head word with only its article is the forum spoken of
    // (the record's own), and what precedes it is about that forum, not a gathering
    if head_idx >= 2
        && words[head_idx - 1].1 == "the"
        && matches!(words[head_idx - 2].1, "of" | "on" | "for")
    {
        return None;
    }
    let mut end = head_idx;
    let mut j = head_idx + 1;
    while j + 1 < words.len() && matches!(words[j].1, "of" | "on" | "for" | "the") {
        let mut k = j;
        while k < words.len() && matches!(words[k].1, "of" | "on" | "for" | "the" | "and") {
            k += 1;
        }
        if k < words.len() {
            end = k;
            // take the capitalised run after the preposition
            while end + 1 < words.len()
                && words[end + 1]
                    .1
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            {
                end += 1;
            }
            j = end + 1;
        } else {
            break;
        }
    }
    if end + 1 < words.len()
        && !matches!(
            words[end + 1].1,
            "of" | "on" | "for" | "the" | "and" | "in" | "de"
        )
    {
        return None; // "Kyoto International Conference Center": the head is not last
    }
    // "CSTD Working Group and of the IGF Expert Group Meeting": the name starts after
    // the last "and" before the head
    let mut start = words[..head_idx]
        .iter()
        .rposition(|(_, w)| *w == "and")
        .map_or(0, |i| i + 1);
    while start < head_idx
        && matches!(
            words[start].1,
            "The" | "the" | "and" | "of" | "on" | "for" | "in" | "de"
        )
    {
        start += 1;
    }
    let (ws, _) = words[start];
    let (we, wl) = words[end];
    Some((a + ws, a + we + wl.len()))
}
