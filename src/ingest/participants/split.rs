//! Splitting a list line into its entries: at top-level separators (outside parentheses)
//! and at "and".

use super::entry::looks_like_name;

pub(super) fn without_parens(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for ch in s.chars() {
        match ch {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(ch),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// Splits at `sep` outside parentheses.
pub(super) fn split_top(s: &str, sep: char) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth = 0usize;
    for ch in s.chars() {
        match ch {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if ch == sep && depth == 0 {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(ch);
        }
    }
    out.push(cur);
    out.into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Splits "A and B" / "A & B" where both sides are full names.
pub(super) fn split_and(parts: Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    for p in parts {
        let p = p
            .strip_prefix("and ")
            .or_else(|| p.strip_prefix("& "))
            .unwrap_or(&p)
            .to_string();
        let split = [" and ", " & "].iter().find_map(|sep| {
            let (a, b) = p.split_once(sep)?;
            let full = |x: &str| {
                let bare = without_parens(x);
                bare.split_whitespace().count() >= 2 && looks_like_name(&bare)
            };
            (full(a) && full(b)).then(|| (a.trim().to_string(), b.trim().to_string()))
        });
        match split {
            Some((a, b)) => {
                out.push(a);
                out.push(b);
            }
            None => out.push(p),
        }
    }
    out
}
