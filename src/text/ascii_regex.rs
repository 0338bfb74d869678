//! A pattern compiled twice: as written, and in an ASCII form for ASCII text.
//!
//! Patterns of names (`\p{Lu}`, `\p{L}`) compile to automata with a state for every
//! UTF-8 sequence of those classes, and the capture search clears a bitset of the
//! automaton's size for every clause (the subject pattern's captures were the largest
//! cost of attributing speakers, benches/RESULTS.md, session 17). On text that is all
//! ASCII those classes are `[A-Z]` and `[A-Za-z]`, non-ASCII characters of a class
//! cannot occur, and `\b`, `\s`, `\w`, `.` and case-insensitive letters mean the same in
//! either mode, so the ASCII form finds the same matches and groups with a far smaller
//! automaton. Text with any other character goes to the pattern as written.

use regex::Regex;

/// Where each group of a match is, by group number.
type Groups = Vec<Option<(usize, usize)>>;

/// A pattern with its ASCII form.
pub struct Pattern {
    unicode: Regex,
    /// `None` when the pattern has no ASCII form: then it is always used as written.
    ascii: Option<regex::bytes::Regex>,
}

/// A matched group: its text and where it is.
#[derive(Debug, Clone, Copy)]
pub struct Span<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Span<'t> {
    /// The matched text.
    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }

    /// Byte offset of its start.
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset of its end.
    pub fn end(&self) -> usize {
        self.end
    }
}

/// The groups of one match.
pub struct Caps<'p, 't> {
    pattern: &'p Pattern,
    text: &'t str,
    spans: Groups,
}

impl<'t> Caps<'_, 't> {
    /// The group of this name, when it took part in the match.
    pub fn name(&self, name: &str) -> Option<Span<'t>> {
        let i = self
            .pattern
            .unicode
            .capture_names()
            .position(|n| n == Some(name))?;
        self.get(i)
    }

    /// The group of this number (0 is the whole match).
    pub fn get(&self, i: usize) -> Option<Span<'t>> {
        self.spans
            .get(i)
            .copied()
            .flatten()
            .map(|(start, end)| Span {
                text: self.text,
                start,
                end,
            })
    }
}

impl std::ops::Index<&str> for Caps<'_, '_> {
    type Output = str;

    fn index(&self, name: &str) -> &str {
        self.name(name)
            .unwrap_or_else(|| panic!("no group {name} in the match"))
            .as_str()
    }
}

/// The ASCII form of a pattern: classes of letters as ASCII ranges, characters outside
/// ASCII dropped from classes (where ASCII text cannot meet them), Unicode mode off.
/// `None` when the pattern has something that form cannot say (a character outside ASCII
/// outside a class, another Unicode class).
pub fn ascii_form(pattern: &str) -> Option<String> {
    let mut out = String::from("(?-u)");
    let mut depth = 0usize;
    let mut rest = pattern;
    while let Some(c) = rest.chars().next() {
        let replaced = [
            (r"\p{L}\p{M}", "[A-Za-z]"),
            (r"\p{Lu}", "[A-Z]"),
            (r"\p{Ll}", "[a-z]"),
            (r"\p{L}", "[A-Za-z]"),
        ]
        .iter()
        .find(|(from, _)| rest.starts_with(from));
        if let Some((from, to)) = replaced {
            out.push_str(to);
            rest = &rest[from.len()..];
            continue;
        }
        if c == '\\' {
            let mut it = rest.chars();
            it.next();
            let next = it.next()?;
            if matches!(next, 'p' | 'P' | 'x' | 'u' | 'U') {
                return None; // another Unicode class, or a code point written out
            }
            out.push(c);
            out.push(next);
            rest = &rest[1 + next.len_utf8()..];
            continue;
        }
        if c == '[' {
            depth += 1;
        } else if c == ']' && depth > 0 {
            depth -= 1;
        }
        if !c.is_ascii() {
            if depth == 0 {
                return None;
            }
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    Some(out)
}

impl Pattern {
    /// Compiles a pattern and its ASCII form ([`ascii_form`]); panics, naming `what`,
    /// when either does not compile (the patterns are the program's own).
    pub fn new(pattern: &str, what: &str) -> Pattern {
        let unicode = Regex::new(pattern).unwrap_or_else(|e| panic!("{what}: {e}"));
        let ascii = ascii_form(pattern)
            .map(|form| regex::bytes::Regex::new(&form).unwrap_or_else(|e| panic!("{what}: {e}")));
        Pattern { unicode, ascii }
    }

    /// The ASCII form, when `text` is ASCII and the pattern has one.
    fn ascii_for(&self, text: &str) -> Option<&regex::bytes::Regex> {
        self.ascii.as_ref().filter(|_| text.is_ascii())
    }

    /// Whether it matches somewhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        if let Some(ascii) = self.ascii_for(text) {
            ascii.is_match(text.as_bytes())
        } else {
            self.unicode.is_match(text)
        }
    }

    /// The first match.
    pub fn find<'t>(&self, text: &'t str) -> Option<Span<'t>> {
        let (start, end) = if let Some(ascii) = self.ascii_for(text) {
            ascii.find(text.as_bytes()).map(|m| (m.start(), m.end()))?
        } else {
            self.unicode.find(text).map(|m| (m.start(), m.end()))?
        };
        Some(Span { text, start, end })
    }

    /// The groups of the first match.
    pub fn captures<'p, 't>(&'p self, text: &'t str) -> Option<Caps<'p, 't>> {
        let spans = if let Some(ascii) = self.ascii_for(text) {
            let c = ascii.captures(text.as_bytes())?;
            c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect()
        } else {
            let c = self.unicode.captures(text)?;
            c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect()
        };
        Some(Caps {
            pattern: self,
            text,
            spans,
        })
    }

    /// The groups of every match, in order.
    pub fn captures_all<'p, 't>(&'p self, text: &'t str) -> Vec<Caps<'p, 't>> {
        let spans: Vec<Groups> = if let Some(ascii) = self.ascii_for(text) {
            ascii
                .captures_iter(text.as_bytes())
                .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
                .collect()
        } else {
            self.unicode
                .captures_iter(text)
                .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
                .collect()
        };
        spans
            .into_iter()
            .map(|spans| Caps {
                pattern: self,
                text,
                spans,
            })
            .collect()
    }

    /// Both forms' groups of the first match, for tests: equal whenever `text` is ASCII.
    #[cfg(test)]
    pub fn both(&self, text: &str) -> (Groups, Groups) {
        let u = self.unicode.captures(text).map_or(Vec::new(), |c| {
            c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect()
        });
        let ascii = self.ascii.as_ref().expect("an ASCII form");
        let a = ascii.captures(text.as_bytes()).map_or(Vec::new(), |c| {
            c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect()
        });
        (u, a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_ascii_form_of_letter_classes() {
        assert_eq!(
            ascii_form(r"[\p{Lu}][\p{L}\p{M}'’\-]*\b").as_deref(),
            Some(r"(?-u)[[A-Z]][[A-Za-z]'\-]*\b")
        );
        // a character outside ASCII outside a class has no ASCII form
        assert_eq!(ascii_form("a’b"), None);
        assert_eq!(ascii_form(r"\p{Greek}"), None);
    }

    #[test]
    fn test_both_forms_give_the_same_groups_on_ascii_text() {
        let p = Pattern::new(
            r"(?P<n>[\p{Lu}][\p{L}\p{M}'’\-]+(?:\s+[\p{Lu}][\p{L}'’\-]+){0,2})\s+(?i:said|noted)",
            "test",
        );
        for t in [
            "Then Ana Lee said so",
            "O'Neil noted it",
            "nobody said",
            "Kleinwächter noted",
        ] {
            let (u, a) = p.both(t);
            if t.is_ascii() {
                assert_eq!(u, a, "{t}");
            }
            assert_eq!(
                p.captures(t).and_then(|c| c.name("n").map(|s| s.as_str())),
                Regex::new(p.unicode.as_str())
                    .unwrap()
                    .captures(t)
                    .and_then(|c| c.name("n").map(|m| m.as_str())),
            );
        }
    }
}
