//! Acronyms a document defines: "Terms of Reference (ToR)", "Policy Network on AI
//! (PNAI)". Gap detection expands them so that "the ToR" and "the Terms of Reference"
//! compare as the same words.

use regex::Regex;
use std::sync::LazyLock;

static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:[\p{Lu}][\p{L}\-+]*\s+(?:(?:of|on|for|and|the|to|in)\s+)*){1,7})\(([\p{Lu}][\p{L}+\-]{1,7})\)").expect("acronym definition")
});

/// (acronym in lower case, long form) for every definition whose initials spell the
/// acronym ("Terms of Reference (ToR)": t-o-r).
pub fn definitions(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for c in DEFINITION.captures_iter(text) {
        let acr = &c[2];
        let letters: Vec<char> = acr
            .chars()
            .filter(|ch| ch.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        let words: Vec<&str> = c[1].split_whitespace().collect();
        // take the shortest tail of the words whose initials spell the acronym
        for start in (0..words.len()).rev() {
            let tail = &words[start..];
            let initials: Vec<char> = tail
                .iter()
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_lowercase)
                .collect();
            // capitalised words give their initial, upper-case words all their letters ("AI")
            let caps: Vec<char> = tail
                .iter()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .flat_map(|w| {
                    let all_caps = w
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase);
                    let v: Vec<char> = if all_caps {
                        w.chars().filter(|c| c.is_alphabetic()).collect()
                    } else {
                        w.chars().take(1).collect()
                    };
                    v
                })
                .flat_map(char::to_lowercase)
                .collect();
            if initials == letters || caps == letters {
                let long = tail.join(" ");
                let key = acr.to_lowercase();
                if !out.iter().any(|(k, _)| *k == key) {
                    out.push((key, long));
                }
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_definitions_need_matching_initials() {
        let d = definitions("review the MAG Terms of Reference (ToR) and the Policy Network on AI (PNAI), see (Annex A).");
        assert_eq!(
            d,
            vec![
                ("tor".to_string(), "Terms of Reference".to_string()),
                ("pnai".to_string(), "Policy Network on AI".to_string())
            ]
        );
        assert!(definitions("the meeting (Zoom) was long").is_empty());
    }
}
