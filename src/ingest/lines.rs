//! The text of one document as numbered lines and runs of non-blank lines ("raw
//! blocks"), split once: every layout test and every layout reads this value.

use regex::Regex;
use std::sync::LazyLock;

pub(crate) static SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[-_=*~]{3,}").expect("separator"));

/// A document split once into lines and raw blocks, handed to every layout rule.
#[derive(Debug, Clone)]
pub struct Layout<'a> {
    /// Every line, numbered from 1.
    pub lines: Vec<Line<'a>>,
    /// Runs of non-blank lines ([`raw_blocks`]).
    pub blocks: Vec<Vec<Line<'a>>>,
}

impl<'a> Layout<'a> {
    /// Splits `text` into lines and raw blocks.
    pub fn new(text: &'a str) -> Self {
        let lines = lines(text);
        let blocks = raw_blocks(&lines);
        Layout { lines, blocks }
    }
}

/// A line of the document, 1-based.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    /// 1-based line number.
    pub no: usize,
    /// The line without its end.
    pub text: &'a str,
}

/// Splits a document into lines numbered from 1.
pub fn lines(text: &str) -> Vec<Line<'_>> {
    text.split('\n')
        .enumerate()
        .map(|(i, t)| Line { no: i + 1, text: t })
        .collect()
}

/// Runs of non-blank lines; a separator line (`-----`) stands alone.
pub fn raw_blocks<'a>(lines: &[Line<'a>]) -> Vec<Vec<Line<'a>>> {
    let mut out = Vec::new();
    let mut cur: Vec<Line<'a>> = Vec::new();
    for l in lines {
        if SEPARATOR.is_match(l.text) && l.text.trim().chars().all(|c| "-_=*~ ".contains(c)) {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            out.push(vec![*l]);
        } else if l.text.trim().is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(*l);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}
