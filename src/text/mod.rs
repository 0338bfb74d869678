//! Text helpers shared by every stage: sentences, words and folding for comparison.
//!
//! Sentences and words come from `unicode-segmentation`, so that names with diacritics
//! ("Kleinwächter") and non-English text split the way Unicode says they should.
//!
//! Below every stage also sit what more than one stage reads text with: [`dates`],
//! person [`names`], and the tantivy [`analysis`] (with its [`stem`]mer memory).

pub mod analysis;
pub mod ascii_regex;
pub mod dates;
pub mod gate;
pub mod names;
mod sentence_bounds;
pub mod stem;

use crate::lexicon::lexicon;
use unicode_segmentation::UnicodeSegmentation;

pub use crate::hash::{FastMap, FastSet, Fnv};

/// Splits text into sentences, keeping each sentence's byte offset.
///
/// Unicode's sentence rules break after "Ms." and "St."; those breaks are undone here
/// because honorifics and "Lynn St. Amour" are everywhere in meeting records.
pub fn sentences(text: &str) -> Vec<(usize, &str)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (start, end) in sentence_bounds::bounds(text) {
        let s = &text[start..end];
        if let Some(last) = out.last_mut() {
            let prev = text[last.0..last.1].trim_end();
            let joins = lexicon().text.no_break_after.iter().any(|a| {
                prev.ends_with(a)
                    && prev[..prev.len() - a.len()]
                        .chars()
                        .last()
                        .is_none_or(|c| !c.is_alphanumeric())
            }) || single_initial(prev) && !starts_sentence(s);
            if joins {
                last.1 = end;
                continue;
            }
        }
        out.push((start, end));
    }
    out.into_iter()
        .filter_map(|(a, b)| {
            let s = &text[a..b];
            let lead = s.len() - s.trim_start().len();
            let t = s.trim();
            (!t.is_empty()).then_some((a + lead, t))
        })
        .collect()
}

/// Words that start a sentence rather than continue a name after an initial.
fn starts_sentence(next: &str) -> bool {
    next.split_whitespace()
        .next()
        .is_some_and(|w| lexicon().text.sentence_starters.contains(w))
}

/// "J." as a middle initial: a single capital followed by a full stop.
fn single_initial(prev: &str) -> bool {
    let mut rev = prev.chars().rev();
    matches!((rev.next(), rev.next(), rev.next()), (Some('.'), Some(c), Some(' ')) if c.is_uppercase())
}

/// Words of a text (Unicode word boundaries, letters or digits only).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.unicode_words()
}

/// Lower-cases and strips diacritics, for comparing names and phrases.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        for l in c.to_lowercase() {
            match fold_char(l) {
                Some(s) => out.push_str(s),
                None => out.push(l),
            }
        }
    }
    out
}

fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
        'ł' | 'ľ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        '’' | '‘' => "'",
        '–' | '—' => "-",
        _ => return None,
    })
}

/// Collapses runs of white space to one space and trims.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A markdown heading's words without its `#` marks ("## Notes" is "Notes", "# Call #"
/// is "Call"); `None` for any other line ("#5 call" is a number, not a heading).
pub fn markdown_heading(line: &str) -> Option<&str> {
    static MARKDOWN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^#{1,6}\s+(.+?)\s*#*$").expect("markdown heading")
    });
    MARKDOWN
        .captures(line)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
}

/// Removes markdown emphasis markers (`**bold**`, `*bold*`, `__x__`).
pub fn strip_emphasis(text: &str) -> String {
    // most text has no mark: one scan instead of three copies
    if !text.contains(['*', '_']) {
        return text.to_string();
    }
    text.replace("**", "").replace("__", "").replace('*', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_sentences_keep_honorifics_and_st() {
        let s = sentences("Ms. Lynn St. Amour opened the call. Mr. Masango then spoke.");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].1, "Ms. Lynn St. Amour opened the call.");
        assert_eq!(s[1].1, "Mr. Masango then spoke.");
    }

    #[test]
    fn test_sentences_still_break_after_ordinary_words() {
        let s = sentences("The MAG agreed. It was noted.");
        assert_eq!(s.len(), 2);
        let s = sentences("It is on the floor of Building E. The NRIs agreed.");
        assert_eq!(s.len(), 2);
        let s = sentences("Speakers included John F. Kennedy and others.");
        assert_eq!(s.len(), 1);
    }

    #[test]
    fn test_fold_removes_diacritics() {
        assert_eq!(
            fold("Kleinwächter Flávio Lillestrøm"),
            "kleinwachter flavio lillestrom"
        );
        assert_ne!(fold("Kleinwächter"), "kleinwächter");
    }
}
