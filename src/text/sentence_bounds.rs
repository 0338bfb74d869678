//! Unicode sentence boundaries (UAX #29) of ASCII text without the general tables.
//!
//! `unicode-segmentation` looks every character's class up by binary search, and that
//! lookup was most of sentence splitting, itself a tenth of the extraction stage
//! (benches/RESULTS.md, session 17). In ASCII text the classes are a byte match; the
//! rules below are the crate's, in its order, so the bounds are the same (the tests
//! compare both on generated text). Text with any other character goes to the crate.

use unicode_segmentation::UnicodeSegmentation;

/// The sentence break class of an ASCII byte (UAX #29, table 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    ATerm,
    Close,
    Cr,
    Lf,
    Lower,
    Numeric,
    SContinue,
    STerm,
    Sp,
    Upper,
    Other,
}

fn class(b: u8) -> Class {
    match b {
        b'\t' | 0x0b | 0x0c | b' ' => Class::Sp,
        b'\n' => Class::Lf,
        b'\r' => Class::Cr,
        b'!' | b'?' => Class::STerm,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Class::Close,
        b',' | b'-' | b':' | b';' => Class::SContinue,
        b'.' => Class::ATerm,
        b'0'..=b'9' => Class::Numeric,
        b'A'..=b'Z' => Class::Upper,
        b'a'..=b'z' => Class::Lower,
        _ => Class::Other,
    }
}

/// What the rules remember of the text before a position: runs of closing punctuation
/// and of spaces count once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Sot,
    Other,
    Cr,
    Lf,
    ATerm,
    UpperLower,
    ClosePlus,
    SpPlus,
    STerm,
}

type State = [Part; 4];

fn advance(s: State, c: Class) -> State {
    match (s[3], c) {
        (Part::ClosePlus, Class::Close) | (Part::SpPlus, Class::Sp) => s,
        _ => [
            s[1],
            s[2],
            s[3],
            match c {
                Class::Cr => Part::Cr,
                Class::Lf => Part::Lf,
                Class::ATerm => Part::ATerm,
                Class::Upper | Class::Lower => Part::UpperLower,
                Class::Close => Part::ClosePlus,
                Class::Sp => Part::SpPlus,
                Class::STerm => Part::STerm,
                _ => Part::Other,
            },
        ],
    }
}

/// SB8: ATerm Close* Sp* × ( ¬(OLetter | Upper | Lower | ParaSep | SATerm) )* Lower
fn sb8(s: &State, ahead: &[u8]) -> bool {
    let mut i = if s[3] == Part::SpPlus { 2 } else { 3 };
    if s[i] == Part::ClosePlus {
        i -= 1;
    }
    if s[i] != Part::ATerm {
        return false;
    }
    for &b in ahead {
        match class(b) {
            Class::Lower => return true,
            Class::Upper | Class::Cr | Class::Lf | Class::STerm | Class::ATerm => return false,
            _ => {}
        }
    }
    false
}

/// SATerm Close* Sp* (SB8a, SB10).
fn sb8a(s: &State) -> bool {
    let mut i = if s[3] == Part::SpPlus { 2 } else { 3 };
    if s[i] == Part::ClosePlus {
        i -= 1;
    }
    matches!(s[i], Part::STerm | Part::ATerm)
}

/// SATerm Close* (SB9).
fn sb9(s: &State) -> bool {
    let i = if s[3] == Part::ClosePlus { 2 } else { 3 };
    matches!(s[i], Part::STerm | Part::ATerm)
}

/// SATerm Close* Sp* ParaSep? (SB11).
fn sb11(s: &State) -> bool {
    let mut i = match s[3] {
        Part::Cr | Part::Lf => 2,
        _ => 3,
    };
    if s[i] == Part::SpPlus {
        i -= 1;
    }
    if s[i] == Part::ClosePlus {
        i -= 1;
    }
    matches!(s[i], Part::STerm | Part::ATerm)
}

/// Byte ranges of the sentence bounds of an ASCII text, as
/// `split_sentence_bound_indices` gives them.
// the rules are one `if` chain in the standard's order, so that each reads as written
// there, even where two give the same answer
#[allow(clippy::if_same_then_else)]
fn ascii_bounds(text: &[u8]) -> Vec<(usize, usize)> {
    let mut breaks: Vec<usize> = Vec::new();
    let mut state: State = [Part::Sot; 4];
    let mut pos = 0;
    while pos < text.len() {
        // every rule that breaks looks back for a terminator, a line end or the start
        // within the four parts: without one nothing breaks before the next terminator or
        // line end, and of the bytes up to it only the last one's part is ever looked at
        // again (SB7 asks whether a letter precedes a full stop; the rules that look
        // further back stop at a terminator)
        if !state.iter().any(|p| {
            matches!(
                p,
                Part::Sot | Part::ATerm | Part::STerm | Part::Cr | Part::Lf
            )
        }) {
            let next = text[pos..]
                .iter()
                .position(|b| matches!(b, b'.' | b'!' | b'?' | b'\r' | b'\n'))
                .map_or(text.len(), |k| pos + k);
            if next > pos {
                state = advance([Part::Other; 4], class(text[next - 1]));
                pos = next;
                continue;
            }
        }
        let b = text[pos];
        let before = state;
        let c = class(b);
        state = advance(state, c);
        let breaks_here = if before[3] == Part::Sot {
            true // SB1
        } else if c == Class::Lf && before[3] == Part::Cr {
            false // SB3
        } else if matches!(before[3], Part::Cr | Part::Lf) {
            true // SB4
        } else if c == Class::Numeric && before[3] == Part::ATerm {
            false // SB6
        } else if c == Class::Upper && before[2] == Part::UpperLower && before[3] == Part::ATerm {
            false // SB7
        } else if sb8(&before, &text[pos..]) {
            false
        } else if matches!(c, Class::SContinue | Class::STerm | Class::ATerm) && sb8a(&before) {
            false
        } else if matches!(c, Class::Close | Class::Sp | Class::Cr | Class::Lf) && sb9(&before) {
            false
        } else if matches!(c, Class::Sp | Class::Cr | Class::Lf) && sb8a(&before) {
            false // SB10
        } else {
            sb11(&before)
        };
        if breaks_here {
            breaks.push(pos);
        }
        pos += 1;
    }
    if !text.is_empty() {
        breaks.push(text.len()); // SB2
    }
    breaks.windows(2).map(|w| (w[0], w[1])).collect()
}

/// The sentence bounds of a text as byte ranges: the same as `unicode-segmentation`'s
/// `split_sentence_bound_indices`, faster on ASCII text.
pub fn bounds(text: &str) -> Vec<(usize, usize)> {
    if text.is_ascii() {
        return ascii_bounds(text.as_bytes());
    }
    text.split_sentence_bound_indices()
        .map(|(start, s)| (start, start + s.len()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_crate(text: &str) -> Vec<(usize, usize)> {
        text.split_sentence_bound_indices()
            .map(|(start, s)| (start, start + s.len()))
            .collect()
    }

    #[test]
    fn test_ascii_bounds_are_the_crates() {
        let cases = [
            "",
            " ",
            "One. Two.",
            "Ms. Lee spoke. Then (she said) \"no.\" And so on!  Next? yes",
            "It is 3.5 per cent. U.S. delegates agreed.\r\nNew line.\n\nPara.",
            "e.g. this one. A.B. Smith; and: then-what?! (Really.) ok",
            "End with spaces.   \t",
            "\n\n\r\r\n.",
        ];
        for c in cases {
            assert_eq!(ascii_bounds(c.as_bytes()), by_crate(c), "{c:?}");
        }
        // generated strings over the bytes the rules tell apart
        let alphabet = b"aZ9.!?\"')(,;:- \t\n\rx#";
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..100_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 48) as usize;
            let mut s = String::new();
            let mut r = seed;
            for _ in 0..len {
                r = r.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                s.push(alphabet[(r >> 33) as usize % alphabet.len()] as char);
            }
            assert_eq!(ascii_bounds(s.as_bytes()), by_crate(&s), "{s:?}");
        }
    }

    #[test]
    fn test_non_ascii_text_goes_to_the_crate() {
        let t = "Kleinwächter spoke. « Oui. » Next.";
        assert_eq!(bounds(t), by_crate(t));
    }
}
