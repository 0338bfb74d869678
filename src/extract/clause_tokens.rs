//! Clause tokens by a byte scan (the tests compare it with the token pattern).

/// The matches of the clause token pattern in order, by a byte scan: the pattern's classes are ASCII,
/// and this scan was a tenth of the clause model's time as a regex search.
pub(super) fn token_spans(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    let word = |c: u8| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_';
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if word(b[i]) {
            // [a-z0-9_]+ then (['-][a-z0-9_]+)*
            let start = i;
            while i < b.len() && word(b[i]) {
                i += 1;
            }
            while i + 1 < b.len() && matches!(b[i], b'\'' | b'-') && word(b[i + 1]) {
                i += 1;
                while i < b.len() && word(b[i]) {
                    i += 1;
                }
            }
            out.push(&text[start..i]);
        } else if b[i] == b'\'' && i + 1 < b.len() && b[i + 1].is_ascii_lowercase() {
            // '[a-z]+
            let start = i;
            i += 1;
            while i < b.len() && b[i].is_ascii_lowercase() {
                i += 1;
            }
            out.push(&text[start..i]);
        } else {
            i += 1;
        }
    }
    out
}
