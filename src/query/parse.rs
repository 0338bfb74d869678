//! Reading what a person types or pastes as a query.
//!
//! tantivy's grammar refuses ordinary English ("IGF's future", "IGF 2026: outcomes") and
//! misreads it ("2026:" is a field). This module rewrites any text into a query string
//! tantivy reads as meant: each word becomes its letters and digits ("IGF's" is `IGF`,
//! "WG-Strategy" the phrase `"WG Strategy"`), punctuation is dropped, a quote left open is
//! ignored. The query language stays for those who use it: `field:value` on a known
//! field, `AND`/`OR`/`NOT`, closed `"phrases"` (with `~N`), `-word`/`+word` and
//! parentheses. What is plainly meant as syntax but cannot work (an unknown field, `AND`
//! with nothing on one side, unbalanced parentheses among operators) is refused with the
//! reason, as a usage error.

use crate::error::QuorumError;

/// Fields a query may name as `field:value`.
pub const QUERY_FIELDS: &[&str] = &["text", "section", "speaker", "body"];

/// Longest query read in the query language, in characters: a longer one is pasted text,
/// its quotes, parentheses and colons punctuation, searched by its most telling words
/// (see [`MAX_PLAIN_TERMS`]).
pub const MAX_SYNTAX_CHARS: usize = 1000;

/// Plain text with more distinct words than this is searched by this many of them, the
/// rarest in the index (most telling) first. 40 leaves every question-length query as
/// typed: a pasted paragraph of 400 words would otherwise be an OR of 400 words, most of
/// them common, slow to run and ranked by its commonest words' sheer number.
pub const MAX_PLAIN_TERMS: usize = 40;

/// A query rewritten for tantivy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The query string tantivy is given.
    pub text: String,
    /// Whether the query used the query language (fields, operators, phrases, -word).
    pub syntax: bool,
    /// The plain words, in order (only when `syntax` is false): what a long query is
    /// reduced from.
    pub words: Vec<String>,
}

fn usage(msg: String) -> anyhow::Error {
    QuorumError::Usage(msg).into()
}

/// The letters-and-digits pieces of a word, without a possessive `'s`.
fn pieces(word: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut after_apostrophe = false;
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            cur.push(c);
            continue;
        }
        if !cur.is_empty() {
            // "IGF's" is IGF: a lone s after an apostrophe is the possessive
            let possessive = after_apostrophe && cur.eq_ignore_ascii_case("s");
            if !possessive {
                out.push(std::mem::take(&mut cur));
            } else {
                cur.clear();
            }
        }
        after_apostrophe = matches!(c, '\'' | '’');
        let _ = chars.peek();
    }
    let possessive = after_apostrophe && cur.eq_ignore_ascii_case("s");
    if !cur.is_empty() && !possessive {
        out.push(cur);
    }
    out
}

/// A word as tantivy query text: one piece bare, several as a phrase.
fn word_query(pieces: &[String]) -> Option<String> {
    match pieces.len() {
        0 => None,
        1 => Some(pieces[0].clone()),
        _ => Some(format!("\"{}\"", pieces.join(" "))),
    }
}

#[derive(Debug)]
enum Tok {
    Word(String),
    /// A closed phrase, its slop (`~2`), and `-`/`+` before it.
    Phrase(String, Option<String>, Option<char>),
    Open,
    Close,
}

/// Splits into words, closed phrases and parentheses; a quote with no partner is
/// dropped. A `field:"phrase"` stays one word.
fn tokens(q: &str) -> Vec<Tok> {
    let quotes = q.matches('"').count();
    // the last quote of an odd number is the one left open
    let open_quote_at = if quotes % 2 == 1 { q.rfind('"') } else { None };
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut it = q.char_indices().peekable();
    let flush = |cur: &mut String, out: &mut Vec<Tok>| {
        if !cur.is_empty() {
            out.push(Tok::Word(std::mem::take(cur)));
        }
    };
    while let Some((i, c)) = it.next() {
        match c {
            '"' if Some(i) == open_quote_at => {
                if cur.ends_with(':') {
                    // field:"open: still meant for the field
                    cur.push('"');
                } else {
                    flush(&mut cur, &mut out);
                }
            }
            '"' => {
                let mut phrase = String::new();
                for (_, d) in it.by_ref() {
                    if d == '"' {
                        break;
                    }
                    phrase.push(d);
                }
                let mut slop = None;
                if it.peek().is_some_and(|(_, d)| *d == '~') {
                    let mut s = String::from("~");
                    it.next();
                    while let Some((_, d)) = it.peek().copied().filter(|(_, d)| d.is_ascii_digit())
                    {
                        s.push(d);
                        it.next();
                    }
                    if s.len() > 1 {
                        slop = Some(s);
                    }
                }
                if cur.ends_with(':') {
                    // field:"a phrase"
                    cur.push('"');
                    cur.push_str(&phrase);
                    cur.push('"');
                    flush(&mut cur, &mut out);
                } else {
                    let sign = match cur.as_str() {
                        "-" => Some('-'),
                        "+" => Some('+'),
                        _ => None,
                    };
                    if sign.is_some() {
                        cur.clear();
                    }
                    flush(&mut cur, &mut out);
                    out.push(Tok::Phrase(phrase, slop, sign));
                }
            }
            '(' => {
                flush(&mut cur, &mut out);
                out.push(Tok::Open);
            }
            ')' => {
                flush(&mut cur, &mut out);
                out.push(Tok::Close);
            }
            c if c.is_whitespace() => flush(&mut cur, &mut out),
            c => cur.push(c),
        }
    }
    flush(&mut cur, &mut out);
    out
}

fn is_operator(w: &str) -> bool {
    matches!(w, "AND" | "OR" | "NOT")
}

/// `field:value` split, when the word is one: letters before the colon, something after.
fn field_value(w: &str) -> Option<(&str, &str)> {
    let w = w.trim_start_matches(['-', '+']);
    let (f, v) = w.split_once(':')?;
    let is_name = !f.is_empty() && f.chars().all(|c| c.is_ascii_alphabetic() || c == '_');
    let value_starts = v
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '"');
    (is_name && value_starts).then_some((f, v))
}

/// Rewrites what a person typed into a query tantivy reads as meant, or says why a query
/// written in the query language cannot work.
pub fn parse(q: &str) -> anyhow::Result<Parsed> {
    let t = q.trim();
    if t.is_empty() {
        return Err(usage(
            "the query is empty: give words to search for, e.g. quorum search \"implementation gap\""
                .into(),
        ));
    }
    if t == "*" {
        // every passage: what filters alone select
        return Ok(Parsed {
            text: "*".into(),
            syntax: true,
            words: Vec::new(),
        });
    }
    if t.chars().count() > MAX_SYNTAX_CHARS {
        // pasted text: its quotes, parentheses and colons are punctuation
        let words: Vec<String> = t
            .split_whitespace()
            .flat_map(pieces)
            .map(|w| if is_operator(&w) { w.to_lowercase() } else { w })
            .collect();
        if words.is_empty() {
            return Err(usage(
                "the query has no words or numbers to search for".into(),
            ));
        }
        return Ok(Parsed {
            text: words.join(" "),
            syntax: false,
            words,
        });
    }
    let toks = tokens(t);
    let depth_ok = {
        let mut d: i64 = 0;
        let mut ok = true;
        for tk in &toks {
            match tk {
                Tok::Open => d += 1,
                Tok::Close => {
                    d -= 1;
                    ok &= d >= 0;
                }
                _ => {}
            }
        }
        ok && d == 0
    };
    let has_parens = toks.iter().any(|t| matches!(t, Tok::Open | Tok::Close));
    let mut syntax = false;
    let mut out: Vec<String> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    for tk in &toks {
        match tk {
            Tok::Open if depth_ok => out.push("(".into()),
            Tok::Close if depth_ok => out.push(")".into()),
            Tok::Open | Tok::Close => {}
            Tok::Phrase(p, slop, sign) => {
                let ps: Vec<String> = p.split_whitespace().flat_map(pieces).collect();
                if ps.is_empty() {
                    continue;
                }
                syntax = true;
                out.push(format!(
                    "{}\"{}\"{}",
                    sign.map(String::from).unwrap_or_default(),
                    ps.join(" "),
                    slop.as_deref().unwrap_or("")
                ));
            }
            Tok::Word(w) if is_operator(w) => {
                syntax = true;
                out.push(w.clone());
            }
            Tok::Word(w) => {
                if let Some((field, value)) = field_value(w) {
                    if !QUERY_FIELDS.contains(&field) {
                        return Err(usage(format!(
                            "the query names a field {field:?} that does not exist: fields are {}; \
                             to search the word, put a space after the colon (\"{field}: {value}\")",
                            QUERY_FIELDS.join(", ")
                        )));
                    }
                    syntax = true;
                    let sign = w.chars().next().filter(|c| matches!(c, '-' | '+'));
                    let v = if let Some(p) = value.strip_prefix('"') {
                        let ps: Vec<String> = p
                            .trim_end_matches('"')
                            .split_whitespace()
                            .flat_map(pieces)
                            .collect();
                        (!ps.is_empty()).then(|| format!("\"{}\"", ps.join(" ")))
                    } else {
                        word_query(&pieces(value))
                    };
                    let Some(v) = v else {
                        return Err(usage(format!(
                            "{field}: in the query has no words after it"
                        )));
                    };
                    out.push(format!(
                        "{}{field}:{v}",
                        sign.map(String::from).unwrap_or_default()
                    ));
                    continue;
                }
                // -word / +word: a sign at the start of a word, followed by a letter or digit
                let sign = w
                    .chars()
                    .next()
                    .filter(|c| matches!(c, '-' | '+'))
                    .filter(|_| w.chars().nth(1).is_some_and(char::is_alphanumeric));
                let ps = pieces(w);
                let Some(wq) = word_query(&ps) else {
                    continue;
                };
                match sign {
                    Some(s) => {
                        syntax = true;
                        out.push(format!("{s}{wq}"));
                    }
                    None => {
                        words.extend(ps);
                        out.push(wq);
                    }
                }
            }
        }
    }
    // operators need something on both sides (NOT only after)
    let plain_tokens: Vec<&Tok> = toks
        .iter()
        .filter(|t| !matches!(t, Tok::Open | Tok::Close))
        .collect();
    for (i, tk) in plain_tokens.iter().enumerate() {
        if let Tok::Word(w) = tk {
            if is_operator(w) {
                let before =
                    i > 0 && !matches!(plain_tokens[i - 1], Tok::Word(p) if is_operator(p));
                let after = plain_tokens
                    .get(i + 1)
                    .is_some_and(|n| !matches!(n, Tok::Word(p) if is_operator(p) && p != "NOT"));
                if !after || (!before && w != "NOT") {
                    return Err(usage(format!(
                        "{w} in the query needs words on both sides (e.g. \"tracker {w} hubs\"); \
                         write it in lower case to search the word"
                    )));
                }
            }
        }
    }
    if has_parens {
        if !syntax {
            // parentheses in plain text are punctuation
            out.retain(|x| x != "(" && x != ")");
        } else if !depth_ok {
            return Err(usage(
                "the query's parentheses are not balanced: each ( needs a )".into(),
            ));
        }
    }
    let text = out.join(" ");
    if out.iter().all(|x| x == "(" || x == ")") {
        return Err(usage(format!(
            "the query {t:?} has no words or numbers to search for"
        )));
    }
    if text.is_empty() {
        return Err(usage(format!(
            "the query {t:?} has no words or numbers to search for"
        )));
    }
    Ok(Parsed {
        text,
        syntax,
        words: if syntax { Vec::new() } else { words },
    })
}

/// The `n` most telling words of a long plain query: each distinct analysed term scored
/// by its inverse document frequency in the index (terms found nowhere dropped) times the
/// square root of how often the text repeats it; ties keep the text's order.
/// `term_of` analyses a word (None when the analyser drops it), `doc_freq` counts the
/// passages holding a term, `docs` is how many passages there are.
pub fn telling_words(
    words: &[String],
    n: usize,
    docs: u64,
    mut term_of: impl FnMut(&str) -> Option<String>,
    mut doc_freq: impl FnMut(&str) -> u64,
) -> Vec<String> {
    let mut seen: Vec<(String, String, usize)> = Vec::new(); // term, first surface, count
    for w in words {
        let Some(t) = term_of(w) else { continue };
        match seen.iter_mut().find(|(x, ..)| *x == t) {
            Some(e) => e.2 += 1,
            None => seen.push((t, w.clone(), 1)),
        }
    }
    let n_docs = docs.max(1) as f64;
    let mut scored: Vec<(f64, usize, String)> = seen
        .into_iter()
        .enumerate()
        .filter_map(|(i, (t, w, c))| {
            let df = doc_freq(&t);
            if df == 0 {
                return None;
            }
            let idf = (1.0 + (n_docs - df as f64 + 0.5) / (df as f64 + 0.5)).ln();
            Some((idf * (c as f64).sqrt(), i, w))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.truncate(n);
    scored.sort_by_key(|s| s.1);
    scored.into_iter().map(|s| s.2).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(q: &str) -> String {
        parse(q).unwrap().text
    }

    #[test]
    fn test_english_becomes_words() {
        assert_eq!(text("IGF's future"), "IGF future");
        assert_eq!(text("MAG’s role"), "MAG role");
        assert_eq!(text("IGF 2026: outcomes"), "IGF 2026 outcomes");
        assert_eq!(text("WG-Strategy"), "\"WG Strategy\"");
        assert_eq!(text("AI/ML governance"), "\"AI ML\" governance");
        assert_eq!(text("the \"implementation gap"), "the implementation gap");
        assert_eq!(text("meeting at 18:00"), "meeting at \"18 00\"");
        assert_eq!(text("IGF - outcomes"), "IGF outcomes");
        assert_eq!(text("roadmap (adopted in 2024"), "roadmap adopted in 2024");
        assert_eq!(
            text("the MAG (WG-Strategy) met"),
            "the MAG \"WG Strategy\" met"
        );
        assert!(!parse("the IGF's role: next steps").unwrap().syntax);
    }

    #[test]
    fn test_plain_words_pass_unchanged() {
        for q in ["implementation gap", "Grad C XML format", "what and or"] {
            assert_eq!(text(q), q);
        }
    }

    #[test]
    fn test_syntax_is_kept() {
        assert_eq!(
            text("\"terms of reference\" AND review"),
            "\"terms of reference\" AND review"
        );
        assert_eq!(
            text("speaker:\"Chris Buckridge\" tracker"),
            "speaker:\"Chris Buckridge\" tracker"
        );
        assert_eq!(text("-tracker implementation"), "-tracker implementation");
        assert_eq!(
            text("(tracker OR hubs) AND MAG"),
            "( tracker OR hubs ) AND MAG"
        );
        assert_eq!(text("\"remote hubs\"~2"), "\"remote hubs\"~2");
        assert_eq!(text("body:WG-Strategy"), "body:\"WG Strategy\"");
        assert!(parse("a AND b").unwrap().syntax);
    }

    #[test]
    fn test_wrong_syntax_is_refused_with_the_reason() {
        for (q, why) in [
            ("nofield:value", "does not exist"),
            ("foo:\"", "does not exist"),
            ("gap AND", "both sides"),
            ("AND gap", "both sides"),
            ("(a AND b", "balanced"),
            ("", "empty"),
            ("?!", "no words"),
        ] {
            let e = parse(q).unwrap_err().to_string();
            assert!(e.contains(why), "{q}: {e}");
        }
        // past the limit, the query language is punctuation
        let long = parse(&format!("a AND (b) {}", "c ".repeat(600))).unwrap();
        assert!(!long.syntax && long.text.starts_with("a and b c"));
        assert!(parse(&"word ".repeat(2000)).is_ok());
    }

    #[test]
    fn test_telling_words_prefer_rare_terms() {
        let words: Vec<String> = "the the the hubs the tracker zzz"
            .split(' ')
            .map(String::from)
            .collect();
        let df = |t: &str| match t {
            "the" => 900,
            "hubs" => 3,
            "tracker" => 10,
            _ => 0,
        };
        let got = telling_words(&words, 2, 1000, |w| Some(w.to_string()), df);
        assert_eq!(got, ["hubs", "tracker"]);
    }
}
