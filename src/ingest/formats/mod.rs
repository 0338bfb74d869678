//! Records as they are published: web pages, mailing-list messages, PDF and Word files.
//!
//! A format stage turns a file's bytes into a plain-text *rendering* (paragraphs
//! separated by blank lines, headings on their own line, list items as `- ` lines) and,
//! for mail, the message's author, date and subject. The layout parser then reads the
//! rendering like any `.txt`, so every rule applies to every format, and `file:line`
//! names a line of the rendering: `quorum show FILE:LINE` prints it. Plain text keeps
//! its own lines, so a `.txt` line number is still a line of the file.
//!
//! A file that gives no text says why ([`ReadError`]): unsupported format, no text
//! layer (a scanned PDF), not a Word document, too large once uncompressed.

pub mod boilerplate;
pub mod docx;
pub mod html;
pub mod mail;
pub mod pdf;

use super::read::{decode, ReadError};
use crate::model::{BlockKind, Meeting, Parsed};
use std::path::Path;

/// The formats quorum reads, by what the bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// `.txt`, `.md`, `.vtt`, `.srt`.
    Text,
    /// A web page.
    Html,
    /// A mailing-list message: `.eml`, an archive page, or text with mail headers.
    Mail,
    /// A PDF with a text layer.
    Pdf,
    /// A Word `.docx`.
    Docx,
}

/// Extensions of the formats read beside plain text.
pub const EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "pdf", "docx", "eml"];

/// What a mail message says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MailMeta {
    /// The sender's name (or address when no name is given).
    pub author: Option<String>,
    /// The message's date.
    pub date: Option<time::Date>,
    /// The subject as sent, with list tag and `Re:`.
    pub subject: Option<String>,
    /// The quoted messages kept as part of the record, each as the 1-based line of the
    /// rendering where it starts and its author ("On ..., Ana Lee wrote:").
    pub voices: Vec<(usize, String)>,
}

/// A file as text.
#[derive(Debug, Clone)]
pub struct Rendering {
    /// What the bytes were.
    pub format: Format,
    /// The text the layout parser reads; line numbers of hits are its lines.
    pub text: String,
    /// For mail: author, date and subject.
    pub mail: Option<MailMeta>,
}

impl Rendering {
    fn plain(format: Format, text: String) -> Rendering {
        Rendering {
            format,
            text,
            mail: None,
        }
    }
}

/// Renders a file's bytes as text, choosing the format by content first (a web page
/// saved as `.txt` is still a web page) and by extension second.
pub fn render(path: &Path, bytes: &[u8]) -> Result<Rendering, ReadError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if bytes.starts_with(b"%PDF-") || ext == "pdf" {
        return pdf::render(bytes).map(|t| Rendering::plain(Format::Pdf, t));
    }
    if bytes.starts_with(b"PK\x03\x04") || ext == "docx" {
        return docx::render(bytes).map(|t| Rendering::plain(Format::Docx, t));
    }
    if ext == "eml" {
        return mail::render_eml(bytes);
    }
    let text = decode(bytes)?;
    if matches!(ext.as_str(), "html" | "htm" | "xhtml") || html::looks_like_html(&text) {
        // a mailing-list archive page is a message; any other page is its content
        let doc = scraper::Html::parse_document(&text);
        return Ok(mail::archive_message(&doc, &text).unwrap_or_else(|| html::render_doc(&doc)));
    }
    if mail::has_headers(&text) {
        return Ok(mail::render_text(&text));
    }
    if let Some(r) = mail::render_archive_text(&text) {
        return Ok(r);
    }
    Ok(Rendering::plain(Format::Text, text))
}

/// Parses a rendering into its layout: the layout parser on its text, then what the
/// format itself says of the meeting (a mail's subject and date), and the captioning
/// disclaimer taken out of the passages (the date it states is read first).
pub fn parse(source: &str, r: &Rendering) -> Parsed {
    let mut p = super::parse(source, &r.text);
    if let Some(meta) = &r.mail {
        mail::apply_header(&mut p, meta);
    }
    boilerplate::drop_disclaimer(&mut p.blocks);
    p
}

/// Lines `line - context ..= line + context` of a file's rendering, numbered, the
/// asked line marked with `>`: what `quorum show FILE:LINE` prints.
pub fn show(path: &Path, line: usize, context: usize) -> Result<String, ReadError> {
    let bytes = super::read::read_file(path)?;
    let r = render(path, &bytes)?;
    let lines: Vec<&str> = r.text.split('\n').collect();
    if line == 0 || line > lines.len() {
        return Err(ReadError::Malformed {
            key: "no such line",
            message: format!(
                "line {line} is past the end (the text has {} lines)",
                lines.len()
            ),
        });
    }
    let from = line.saturating_sub(context).max(1);
    let to = (line + context).min(lines.len());
    let mut out = String::new();
    for (no, l) in lines.iter().enumerate().take(to).skip(from - 1) {
        let no = no + 1;
        let mark = if no == line { '>' } else { ' ' };
        out.push_str(&format!("{mark}{no:>6}  {l}\n"));
    }
    Ok(out)
}

/// Whether any passage of a meeting holds a text: for tests and the fuzz harness.
pub fn passages_contain(m: &Meeting, needle: &str) -> bool {
    m.blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Heading)
        .any(|b| b.text.contains(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_html_saved_as_txt_is_read_as_html() {
        let r = render(
            Path::new("a.txt"),
            b"<!DOCTYPE html><html><body><p>Hello <b>there</b> all.</p></body></html>",
        )
        .unwrap();
        assert_eq!(r.format, Format::Html);
        assert_eq!(r.text.trim(), "Hello there all.");
    }

    #[test]
    fn test_plain_text_keeps_its_lines() {
        let t = "Title\n\nOne paragraph.\n";
        let r = render(Path::new("a.txt"), t.as_bytes()).unwrap();
        assert_eq!(r.format, Format::Text);
        assert_eq!(r.text, t);
    }

    #[test]
    fn test_summary_of_and_held_on_leave_no_stray_words_in_the_title() {
        let m = crate::ingest::parse(
            "a.txt",
            "[WG-Strategy] Minutes of the WG Strategy meeting held on 29 January\n\nText.\n",
        );
        assert_eq!(m.title, "WG Strategy meeting");
        let m = crate::ingest::parse("a.txt", "Summary of MAG Virtual Meeting X\n\nText.\n");
        assert_eq!(m.title, "MAG Virtual Meeting X");
    }

    #[test]
    fn test_show_marks_the_line_and_refuses_past_the_end() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "one\ntwo\nthree\n").unwrap();
        let s = show(&p, 2, 1).unwrap();
        assert!(s.contains(">     2  two"), "{s}");
        assert!(s.contains("      1  one"), "{s}");
        assert!(show(&p, 9, 1).is_err());
    }
}
