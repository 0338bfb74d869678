//! Excerpts people can read: a passage's snippet widened to start at a sentence or at
//! least a word (with its opening quote), without Markdown emphasis, and never empty when
//! the passage has text. The result is a [`Snippet`] (plain text and the ranges that
//! matched), which each printer marks its own way.

use super::snippet::Snippet;
use std::ops::Range;

/// How far back, in bytes, a snippet may reach for the start of its sentence.
const SENTENCE_REACH: usize = 120;

/// Where a snippet beginning at `at` should start: the start of its sentence when that is
/// near, else the start of its word (an opening quote or bracket included).
fn start_at(text: &str, at: usize) -> usize {
    let floor = at.saturating_sub(SENTENCE_REACH);
    let floor = (floor..=at)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(at);
    let before = &text[floor..at];
    // the last sentence end before `at`: ". ", "? ", "! ", "; " or a line break
    let mut best = None;
    for (i, c) in before.char_indices() {
        let next = before[i + c.len_utf8()..].chars().next();
        if c == '\n'
            || (matches!(c, '.' | '?' | '!' | ';') && next.is_some_and(char::is_whitespace))
        {
            best = Some(floor + i + c.len_utf8());
        }
    }
    let start = match best {
        Some(b) => b,
        None if floor == 0 => 0,
        None => {
            // back to the whitespace before the word
            text[..at]
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_whitespace())
                .map_or(0, |(i, c)| i + c.len_utf8())
        }
    };
    start
        + text[start..]
            .char_indices()
            .find(|(_, c)| !c.is_whitespace())
            .map_or(0, |(i, _)| i)
}

/// Where a snippet of about `max` bytes from `start` should end: at the end of a word.
fn end_at(text: &str, start: usize, min_end: usize, max: usize) -> usize {
    let mut want = (start + max).max(min_end).min(text.len());
    while !text.is_char_boundary(want) {
        want += 1;
    }
    if want >= text.len() {
        return text.len();
    }
    text[want..]
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map_or(text.len(), |(i, _)| want + i)
}

/// The excerpt of `text` around `fragment` (tantivy's pick, with `highlighted` ranges
/// relative to it), widened to a sentence or word start and cut at a word end near `max`
/// bytes, with `**`/`__` removed and line breaks read as spaces. With no fragment (the
/// passage matched on its heading or speaker only), the passage's beginning.
pub fn excerpt(text: &str, fragment: &str, highlighted: &[Range<usize>], max: usize) -> Snippet {
    let (start, end, marks) = match (!fragment.is_empty())
        .then(|| text.find(fragment))
        .flatten()
    {
        Some(at) => {
            let start = start_at(text, at);
            let end = end_at(text, start, at + fragment.len(), max);
            let marks: Vec<Range<usize>> = highlighted
                .iter()
                .map(|r| r.start + at..r.end + at)
                .filter(|r| r.start >= start && r.end <= end)
                .collect();
            (start, end, marks)
        }
        None => (0, end_at(text, 0, 0, max), Vec::new()),
    };
    // copy [start, end) without emphasis marks, keeping each match's range in the copy
    let clean = |s: &str| s.replace("**", "").replace("__", "").replace('\n', " ");
    let mut out = String::with_capacity(end - start);
    let mut ranges = Vec::with_capacity(marks.len());
    let mut from = start;
    for r in &marks {
        if r.start < from {
            continue;
        }
        out.push_str(&clean(&text[from..r.start]));
        let s = out.len();
        out.push_str(&clean(&text[r.start..r.end]));
        ranges.push(s..out.len());
        from = r.end;
    }
    out.push_str(&clean(&text[from..end.max(from)]));
    // trim, moving the ranges with the text
    let lead = out.len() - out.trim_start().len();
    let kept = out.trim().to_string();
    let ranges: Vec<Range<usize>> = ranges
        .into_iter()
        .filter_map(|r| {
            let (s, e) = (r.start.checked_sub(lead)?, r.end.checked_sub(lead)?);
            (e <= kept.len() && s < e).then_some(s..e)
        })
        .collect();
    Snippet::new(&kept, &ranges)
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // one highlighted word
mod tests {
    use super::*;

    #[test]
    fn test_starts_at_the_sentence_with_its_quote() {
        let text = "It was long. This would help address an “implementation gap” often seen.";
        let frag = "implementation gap” often seen.";
        let s = excerpt(text, frag, &[0..18], 220).to_html();
        assert_eq!(
            s,
            "This would help address an “<b>implementation gap</b>” often seen."
        );
    }

    #[test]
    fn test_far_sentence_start_falls_back_to_the_word() {
        let text = format!("{} “tracker” works", "word ".repeat(60));
        let at = text.find("tracker").unwrap();
        let s = excerpt(&text, &text[at..], &[0..7], 220).to_html();
        assert!(s.starts_with("“<b>tracker</b>”"), "{s}");
    }

    #[test]
    fn test_no_markdown_and_never_empty() {
        let text = "The **Policy Network on AI** should be involved.";
        let at = text.find("Policy").unwrap();
        let s = excerpt(text, &text[at..], &[0..6], 220).to_html();
        assert_eq!(s, "The <b>Policy</b> Network on AI should be involved.");
        assert_eq!(
            excerpt(text, "", &[], 220).to_html(),
            "The Policy Network on AI should be involved."
        );
        assert_eq!(
            excerpt("a <b> & c", "", &[], 220).to_html(),
            "a &lt;b&gt; &amp; c"
        );
    }
}
