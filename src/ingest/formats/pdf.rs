//! PDF: the text layer, line by line, paragraphs where the line spacing opens up.
//!
//! `lopdf` parses the file (leniently: a damaged cross-reference table is rebuilt) and
//! decodes each page's content stream and font encodings (including `ToUnicode`
//! maps); this module follows the text-positioning operators (`Td`, `TD`, `T*`, `Tm`,
//! `'`, `"`) to tell new lines from words placed on the same line, and a gap wider
//! than the usual line step from a new paragraph. Every stream is decompressed under a
//! cap, so a small file cannot unpack into gigabytes. A PDF whose pages hold no text
//! (a scan) is refused with that reason, not indexed as empty.

use super::super::read::{ReadError, MAX_MB};
use lopdf::content::Content;
use lopdf::{Document, Encoding, LoadOptions, Object};
use std::collections::BTreeMap;

/// The most any one stream may decompress to.
const STREAM_LIMIT: usize = (MAX_MB as usize) * 1_000_000;

fn damaged(e: impl std::fmt::Display) -> ReadError {
    ReadError::Malformed {
        key: "damaged PDF",
        message: format!("not a readable PDF ({e})"),
    }
}

/// The text of a PDF, pages separated by blank lines.
pub fn render(bytes: &[u8]) -> Result<String, ReadError> {
    let opts = LoadOptions {
        max_decompressed_size: Some(STREAM_LIMIT),
        ..Default::default()
    };
    let doc = Document::load_mem_with_options(bytes, opts).map_err(damaged)?;
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(damaged("no pages"));
    }
    let mut out: Vec<String> = Vec::new();
    let mut budget = STREAM_LIMIT;
    for &page_id in pages.values() {
        let content = doc
            .get_page_content_with_limit(page_id, budget)
            .map_err(damaged)?;
        budget = budget.saturating_sub(content.len());
        let lines = page_lines(&doc, page_id, &content);
        if lines.iter().any(|l| !l.trim().is_empty()) {
            if !out.is_empty() {
                out.push(String::new());
            }
            out.extend(lines);
        }
    }
    if out.is_empty() {
        return Err(ReadError::NoTextLayer(pages.len()));
    }
    let mut text = dehyphenate(out).join("\n");
    text.push('\n');
    Ok(text)
}

/// One page's lines, a blank line where the vertical step is well above the usual.
fn page_lines(doc: &Document, page_id: lopdf::ObjectId, content: &[u8]) -> Vec<String> {
    let encodings: BTreeMap<Vec<u8>, Encoding> = doc
        .get_page_fonts(page_id)
        .map(|fonts| {
            fonts
                .into_iter()
                .filter_map(|(name, font)| {
                    font.get_font_encoding_with_limit(doc, STREAM_LIMIT)
                        .ok()
                        .map(|e| (name, e))
                })
                .collect()
        })
        .unwrap_or_default();
    let Ok(ops) = Content::decode(content) else {
        return Vec::new();
    };
    let mut lines: Vec<(String, f32)> = Vec::new();
    let mut cur = String::new();
    let mut y = 0.0f32;
    let mut line_y = 0.0f32;
    let mut leading = 0.0f32;
    let mut enc: Option<&Encoding> = None;
    let num = |o: Option<&Object>| -> f32 {
        match o {
            Some(Object::Integer(i)) => *i as f32,
            Some(Object::Real(r)) => *r,
            _ => 0.0,
        }
    };
    let mut new_line = |cur: &mut String, line_y: &mut f32, y: f32| {
        let t = crate::text::squash(cur);
        if !t.is_empty() {
            lines.push((t, *line_y));
        }
        cur.clear();
        *line_y = y;
    };
    for op in &ops.operations {
        let o = &op.operands;
        match op.operator.as_str() {
            "BT" => {}
            "Tf" => {
                enc = o
                    .first()
                    .and_then(|n| n.as_name().ok())
                    .and_then(|n| encodings.get(n));
            }
            "TL" => leading = num(o.first()),
            "Td" | "TD" => {
                let ty = num(o.get(1));
                if op.operator == "TD" {
                    leading = -ty;
                }
                if ty.abs() > 0.01 {
                    y += ty;
                    new_line(&mut cur, &mut line_y, y);
                } else if !cur.ends_with(' ') {
                    cur.push(' ');
                }
            }
            "Tm" => {
                let ny = num(o.get(5));
                if (ny - y).abs() > 0.01 {
                    y = ny;
                    new_line(&mut cur, &mut line_y, y);
                } else if !cur.ends_with(' ') {
                    cur.push(' ');
                }
            }
            "T*" => {
                y -= leading;
                new_line(&mut cur, &mut line_y, y);
            }
            "'" | "\"" => {
                y -= leading;
                new_line(&mut cur, &mut line_y, y);
                let s = if op.operator == "'" {
                    o.first()
                } else {
                    o.get(2)
                };
                if let (Some(e), Some(s)) = (enc, s) {
                    show(e, std::slice::from_ref(s), &mut cur);
                }
            }
            "Tj" | "TJ" => {
                if let Some(e) = enc {
                    show(e, o, &mut cur);
                }
            }
            _ => {}
        }
    }
    new_line(&mut cur, &mut line_y, y);
    paragraphs(lines)
}

/// Appends shown strings; a kerning gap wider than a fifth of an em is a space.
fn show(enc: &Encoding, operands: &[Object], out: &mut String) {
    for o in operands {
        match o {
            Object::String(bytes, _) => {
                let _ = enc.write_to_string(bytes, out);
            }
            Object::Array(items) => show(enc, items, out),
            Object::Integer(i) if *i < -200 => out.push(' '),
            Object::Real(r) if *r < -200.0 => out.push(' '),
            _ => {}
        }
    }
}

/// Lines with a blank line wherever the step down is over 1.4 times the usual step.
fn paragraphs(lines: Vec<(String, f32)>) -> Vec<String> {
    let mut steps: Vec<f32> = lines
        .windows(2)
        .map(|w| (w[0].1 - w[1].1).abs())
        .filter(|s| *s > 0.01)
        .collect();
    steps.sort_by(|a, b| a.total_cmp(b));
    let usual = steps.get(steps.len() / 4).copied().unwrap_or(0.0);
    let mut out = Vec::new();
    for (i, (t, y)) in lines.iter().enumerate() {
        if i > 0 {
            let step = (lines[i - 1].1 - y).abs();
            if usual > 0.0 && step > usual * 1.4 {
                out.push(String::new());
            }
        }
        out.push(t.clone());
    }
    out
}

/// Joins words hyphenated across a line end ("imple-" / "mentation").
fn dehyphenate(lines: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for l in lines {
        if let Some(prev) = out.last_mut() {
            let bytes = prev.as_bytes();
            let n = bytes.len();
            if n >= 2
                && bytes[n - 1] == b'-'
                && bytes[n - 2].is_ascii_lowercase()
                && l.starts_with(|c: char| c.is_ascii_lowercase())
            {
                prev.pop();
                prev.push_str(&l);
                continue;
            }
        }
        out.push(l);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_paragraph_gaps_and_hyphens() {
        let lines = vec![
            ("Title".to_string(), 800.0),
            ("First line of the imple-".to_string(), 770.0),
            ("mentation paragraph".to_string(), 756.0),
            ("second line".to_string(), 742.0),
            ("Next paragraph".to_string(), 714.0),
        ];
        let out = dehyphenate(paragraphs(lines));
        assert_eq!(
            out,
            [
                "Title",
                "",
                "First line of the implementation paragraph",
                "second line",
                "",
                "Next paragraph"
            ]
        );
    }

    #[test]
    fn test_garbage_and_truncation_are_errors() {
        assert!(matches!(
            render(b"%PDF-1.4\n1 0 obj <<"),
            Err(ReadError::Malformed { .. })
        ));
        assert!(matches!(render(b"hello"), Err(ReadError::Malformed { .. })));
    }
}
