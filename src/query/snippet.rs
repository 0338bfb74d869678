//! A passage excerpt with the words that matched the query: plain text and the byte
//! ranges to highlight, so that each printer marks them its own way (ANSI colour,
//! brackets, `<b>` in HTML). In JSON it is one string, the text HTML-escaped with the
//! matches in `<b>` (the wire shape of `docs/json.md`, as tantivy writes it).

use serde::{Serialize, Serializer};
use std::ops::Range;

/// An excerpt and its highlighted byte ranges (sorted, not overlapping, on char
/// boundaries).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The excerpt, as plain text.
    pub text: String,
    /// Byte ranges of `text` that matched the query.
    pub highlighted: Vec<Range<usize>>,
}

impl Snippet {
    /// The excerpt of a tantivy snippet, its ranges merged as tantivy merges them for HTML.
    pub fn from_tantivy(s: &tantivy::snippet::Snippet) -> Snippet {
        Snippet::new(s.fragment(), s.highlighted())
    }

    /// An excerpt with ranges in any order: sorted, deduplicated, overlapping ones
    /// merged (touching ones are kept apart, as tantivy does), and those that do not
    /// fall on char boundaries of `text` dropped.
    pub fn new(text: &str, ranges: &[Range<usize>]) -> Snippet {
        let mut sorted: Vec<Range<usize>> = ranges
            .iter()
            .filter(|r| {
                r.start <= r.end && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
            })
            .cloned()
            .collect();
        sorted.sort_by_key(|r| (r.start, r.end));
        sorted.dedup();
        let mut highlighted: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
        for r in sorted {
            match highlighted.last_mut() {
                Some(last) if last.end > r.start => last.end = last.end.max(r.end),
                _ => highlighted.push(r),
            }
        }
        Snippet {
            text: text.to_string(),
            highlighted,
        }
    }

    /// The excerpt with each highlighted range between `on` and `off`, and every piece
    /// of text passed through `escape`.
    pub fn render(&self, on: &str, off: &str, escape: impl Fn(&str) -> String) -> String {
        let mut s = String::with_capacity(self.text.len() + 16 * self.highlighted.len());
        let mut from = 0;
        for r in &self.highlighted {
            s.push_str(&escape(&self.text[from..r.start]));
            s.push_str(on);
            s.push_str(&escape(&self.text[r.clone()]));
            s.push_str(off);
            from = r.end;
        }
        s.push_str(&escape(&self.text[from..]));
        s
    }

    /// The excerpt as HTML: text escaped, matches in `<b>`.
    pub fn to_html(&self) -> String {
        self.render("<b>", "</b>", escape_html)
    }
}

/// Escapes the five characters HTML gives meaning to, as tantivy's snippets do (`'` is
/// `&#x27;`), so that the JSON `snippet` stays what it was.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '&' => out.push_str("&amp;"),
            '\'' => out.push_str("&#x27;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

impl Serialize for Snippet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_html())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_html_escapes_text_and_marks_matches() {
        let s = Snippet::new("a <gap> & 'the' \"gap\"", &[(3..6), (17..20)]);
        assert_eq!(
            s.to_html(),
            "a &lt;<b>gap</b>&gt; &amp; &#x27;the&#x27; &quot;<b>gap</b>&quot;"
        );
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            "\"a &lt;<b>gap</b>&gt; &amp; &#x27;the&#x27; &quot;<b>gap</b>&quot;\""
        );
    }

    #[test]
    fn test_ranges_are_merged_like_tantivy_and_bad_ones_dropped() {
        let s = Snippet::new("implementation gap", &[(15..18), (0..14), (0..5), (14..15)]);
        assert_eq!(s.highlighted, vec![0..14, 14..15, 15..18]);
        let s = Snippet::new("ab", &[(0..2), (1..2)]);
        assert_eq!(s.highlighted, vec![0..2]);
        let s = Snippet::new("é", &[(1..2), (0..9)]);
        assert!(s.highlighted.is_empty());
        assert_eq!(s.render("[", "]", str::to_string), "é");
    }

    #[test]
    fn test_same_html_as_tantivy() {
        use tantivy::schema::{Schema, TEXT};
        use tantivy::{doc, Index};
        let mut b = Schema::builder();
        let text = b.add_text_field("text", TEXT | tantivy::schema::STORED);
        let index = Index::create_in_ram(b.build());
        let mut w = index.writer(15_000_000).unwrap();
        let body = "The <implementation> gap & the \"gap\" of 'gaps'";
        w.add_document(doc!(text => body)).unwrap();
        w.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let q = tantivy::query::QueryParser::for_index(&index, vec![text])
            .parse_query("gap implementation")
            .unwrap();
        let g = tantivy::snippet::SnippetGenerator::create(&searcher, &*q, text).unwrap();
        let d: tantivy::TantivyDocument = searcher.doc(tantivy::DocAddress::new(0, 0)).unwrap();
        let t = g.snippet_from_doc(&d);
        assert!(!t.highlighted().is_empty());
        assert_eq!(Snippet::from_tantivy(&t).to_html(), t.to_html());
    }
}
