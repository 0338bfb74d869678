//! Bytes to text: the checks that decide whether a file can be read at all.
//!
//! A file that cannot be read is reported by path and reason and skipped; nothing here
//! panics on any input (issue #8).

use thiserror::Error;

/// Why a file was skipped.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Zero bytes, or only white space.
    #[error("empty file")]
    Empty,
    /// NUL bytes or other control bytes: not a text document.
    #[error("binary file")]
    Binary,
    /// Bytes that are not UTF-8.
    #[error("not valid UTF-8 (first bad byte at offset {0})")]
    NotUtf8(usize),
    /// A UTF-16 file whose code units do not decode.
    #[error("not valid UTF-16")]
    BadUtf16,
    /// Larger than any meeting record: likely a dump or an archive.
    #[error("too large ({0} MB; the limit is {MAX_MB} MB)")]
    TooLarge(u64),
    /// The file could not be read (gone, unreadable).
    #[error("cannot read: {0}")]
    Io(String),
    /// A file of a kind quorum does not read (by its extension).
    #[error("unsupported format{}", if .0.is_empty() { String::new() } else { format!(" (.{})", .0) })]
    Unsupported(String),
    /// A PDF whose pages hold no text: a scan without a text layer.
    #[error(
        "no text layer: a scanned PDF of {0} page(s) with no text to read; run OCR on it first"
    )]
    NoTextLayer(usize),
    /// A PDF, Word or mail file that its parser cannot read.
    #[error("{message}")]
    Malformed {
        /// The short reason for the summary line.
        key: &'static str,
        /// The full reason.
        message: String,
    },
    /// A compressed part that unpacks to more than the limit (a zip bomb).
    #[error("unpacks to {0} MB or more (the limit is {MAX_MB} MB): refused as a likely zip bomb")]
    Unpacked(u64),
}

impl ReadError {
    /// A short key for the summary line ("2 skipped: 1 empty, 1 binary").
    pub fn key(&self) -> &'static str {
        match self {
            ReadError::Empty => "empty",
            ReadError::Binary => "binary",
            ReadError::NotUtf8(_) | ReadError::BadUtf16 => "not UTF-8",
            ReadError::TooLarge(_) => "too large",
            ReadError::Io(_) => "unreadable",
            ReadError::Unsupported(_) => "unsupported format",
            ReadError::NoTextLayer(_) => "no text layer",
            ReadError::Malformed { key, .. } => key,
            ReadError::Unpacked(_) => "too large unpacked",
        }
    }
}

/// Files above this size are skipped: no meeting record is this long, and parsing one
/// would hold hundreds of megabytes.
pub const MAX_MB: u64 = 50;

/// Reads a file with the size check first, so that a huge file is never loaded.
pub fn read_file(path: &std::path::Path) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(|e| ReadError::Io(e.to_string()))?;
    if meta.len() > MAX_MB * 1_000_000 {
        return Err(ReadError::TooLarge(meta.len() / 1_000_000));
    }
    std::fs::read(path).map_err(|e| ReadError::Io(e.to_string()))
}

/// Decodes a document: strips a UTF-8 BOM, decodes UTF-16 with a BOM, and turns CRLF and
/// lone CR line ends into LF.
pub fn decode(bytes: &[u8]) -> Result<String, ReadError> {
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        utf8(rest)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes)?
    } else {
        if looks_binary(bytes) {
            return Err(ReadError::Binary);
        }
        utf8(bytes)?
    };
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    if looks_binary(text.as_bytes()) {
        return Err(ReadError::Binary);
    }
    Ok(normalize_newlines(text))
}

fn utf8(bytes: &[u8]) -> Result<String, ReadError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => Err(ReadError::NotUtf8(e.valid_up_to())),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ReadError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(ReadError::BadUtf16);
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    String::from_utf16(&units).map_err(|_| ReadError::BadUtf16)
}

/// NUL bytes, or many control bytes, in the first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    controls * 20 > head.len().max(1)
}

fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_accepts_bom_crlf_and_lone_cr() {
        assert_eq!(decode(b"\xEF\xBB\xBFa\r\nb\rc").unwrap(), "a\nb\nc");
    }

    #[test]
    fn test_decodes_utf16_with_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in "Hi there".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&b).unwrap(), "Hi there");
    }

    #[test]
    fn test_rejects_empty_binary_and_bad_utf8() {
        assert_eq!(decode(b"  \n "), Err(ReadError::Empty));
        assert_eq!(decode(b"PK\x03\x04\x00\x00"), Err(ReadError::Binary));
        assert_eq!(decode(b"abc\xFFdef"), Err(ReadError::NotUtf8(3)));
    }
}
