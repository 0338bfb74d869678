//! Word `.docx`: the paragraphs of `word/document.xml`.
//!
//! A `.docx` is a zip of XML parts; `zip` opens it and `quick-xml` reads the main part
//! as a stream of events, so no tree of the whole document is built. Paragraphs
//! (`w:p`) become paragraphs, numbered or bulleted ones (`w:numPr`) `- ` items, table
//! rows one line of cells. Page headers, footers and comments live in other parts and
//! are not read: they are no passage. A zip bomb is refused before it is unpacked
//! (the declared size) and while it is (the bytes actually read are capped), and so is
//! a zip with too many entries or without `word/document.xml`.

use super::super::read::{ReadError, MAX_MB};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::Read;

/// The most `word/document.xml` may unpack to.
const XML_LIMIT: u64 = MAX_MB * 1_000_000;
/// More entries than any Word file has: a zip of something else.
const MAX_ENTRIES: usize = 20_000;

fn not_docx(message: String) -> ReadError {
    ReadError::Malformed {
        key: "not a docx",
        message,
    }
}

/// The text of a Word document.
pub fn render(bytes: &[u8]) -> Result<String, ReadError> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| {
        not_docx(format!(
            "not a Word document (not a readable zip file: {e})"
        ))
    })?;
    if zip.len() > MAX_ENTRIES {
        return Err(not_docx(format!(
            "not a Word document (a zip of {} entries)",
            zip.len()
        )));
    }
    let part = zip.by_name("word/document.xml").map_err(|_| {
        not_docx("a zip file that is not a Word document (it has no word/document.xml)".into())
    })?;
    if part.size() > XML_LIMIT {
        return Err(ReadError::Unpacked(part.size() / 1_000_000));
    }
    let mut xml = Vec::new();
    part.take(XML_LIMIT + 1)
        .read_to_end(&mut xml)
        .map_err(|e| not_docx(format!("a damaged Word document ({e})")))?;
    if xml.len() as u64 > XML_LIMIT {
        return Err(ReadError::Unpacked(xml.len() as u64 / 1_000_000));
    }
    let text = paragraphs(&String::from_utf8_lossy(&xml))?;
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    Ok(text)
}

/// Paragraphs of WordprocessingML, blank lines between, list items on their lines.
fn paragraphs(xml: &str) -> Result<String, ReadError> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::new();
    let mut para = String::new();
    let mut in_text = false;
    let mut is_item = false;
    let mut last_item = false;
    let mut table = 0usize;
    let mut row = String::new();
    let flush = |para: &mut String, item: bool, out: &mut String, last: &mut bool| {
        let lines: Vec<String> = para
            .split('\n')
            .map(crate::text::squash)
            .filter(|l| !l.is_empty())
            .collect();
        para.clear();
        if lines.is_empty() {
            return;
        }
        if !out.is_empty() {
            out.push_str(if item && *last { "\n" } else { "\n\n" });
        }
        if item {
            out.push_str("- ");
        }
        out.push_str(&lines.join("\n"));
        *last = item;
    };
    loop {
        let ev = reader
            .read_event()
            .map_err(|e| not_docx(format!("a damaged Word document (bad XML: {e})")))?;
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => match e.name().as_ref() {
                "w:p" => is_item = false,
                "w:numPr" => is_item = true,
                "w:t" => in_text = matches!(ev, Event::Start(_)),
                "w:tab" => para.push(' '),
                "w:br" | "w:cr" => para.push('\n'),
                "w:tbl" => table += 1,
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                "w:t" => in_text = false,
                "w:p" if table == 0 => flush(&mut para, is_item, &mut out, &mut last_item),
                "w:p" => para.push(' '),
                "w:tc" => {
                    let cell = crate::text::squash(&para);
                    para.clear();
                    if !cell.is_empty() {
                        if !row.is_empty() {
                            row.push_str(", ");
                        }
                        row.push_str(&cell);
                    }
                }
                "w:tr" => {
                    let mut r = std::mem::take(&mut row);
                    flush(&mut r, false, &mut out, &mut last_item);
                }
                "w:tbl" => table = table.saturating_sub(1),
                _ => {}
            },
            Event::Text(t) if in_text => para.push_str(&t.xml10_content()),
            Event::CData(t) if in_text => para.push_str(t.as_ref()),
            Event::GeneralRef(r) if in_text => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match r.as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    para.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    flush(&mut para, is_item, &mut out, &mut last_item);
    if !out.is_empty() {
        out.push('\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Meeting III</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Ana </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Lee &amp; co</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>one</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>two</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Ana Lee</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>IGF</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>"#;

    #[test]
    fn test_paragraphs_items_and_rows() {
        assert_eq!(
            paragraphs(DOC).unwrap(),
            "Meeting III\n\nAna Lee & co.\n\n- one\n- two\n\nAna Lee, IGF\n"
        );
    }

    #[test]
    fn test_a_zip_without_a_document_is_not_a_docx() {
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut w = zip::ZipWriter::new(&mut buf);
            w.start_file("data.csv", zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut w, b"a,b\n").unwrap();
            w.finish().unwrap();
        }
        let e = render(buf.get_ref()).unwrap_err();
        assert!(e.to_string().contains("no word/document.xml"), "{e}");
        assert!(render(b"PK\x03\x04 truncated").is_err());
    }
}
