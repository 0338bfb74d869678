//! A quick necessary condition before case-insensitive patterns: words one of which every
//! match holds, found in one scan. Most clauses hold none, and one scan of them is
//! cheaper than each pattern's own (benches/RESULTS.md, session 17).

use aho_corasick::AhoCorasick;

/// Words one of which every match of some patterns holds, compared ASCII
/// case-insensitively.
pub struct Gate(AhoCorasick);

impl Gate {
    /// A gate for patterns every match of which holds one of `words` (ASCII, in any case).
    pub fn new(words: &[&str]) -> Gate {
        Gate(
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                // a handful of short words: the automaton is small, a DFA scans fastest
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(words)
                .expect("gate words"),
        )
    }

    /// Whether the patterns can match `text`. A case-insensitive pattern also matches a
    /// few letters outside ASCII ("k" the Kelvin sign), so text that is not ASCII always
    /// may.
    pub fn may_match(&self, text: &str) -> bool {
        !text.is_ascii() || self.0.is_match(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_gate_finds_words_in_any_case_and_passes_other_scripts() {
        let g = Gate::new(&["agree", "chair"]);
        assert!(g.may_match("The group AGREED on dates."));
        assert!(g.may_match("our Co-Chair spoke"));
        assert!(!g.may_match("The group met on Monday."));
        // not ASCII: the patterns decide
        assert!(g.may_match("Kleinwächter spoke."));
    }
}
