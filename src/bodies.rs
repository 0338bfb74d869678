//! Meeting bodies by one canonical name, like people: "Working Group on Strategy",
//! "WG-Strategy" and "MAG WG-Strategy" are one body, named "MAG Working Group on
//! Strategy" in every record and found by any of its names with `--body`. The names are
//! in `data/bodies.toml`.

use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Debug, Deserialize)]
struct File {
    body: Vec<Body>,
}

/// A body and its other names.
#[derive(Debug, Deserialize)]
pub struct Body {
    /// The name used in every output.
    pub name: String,
    /// Other names records and users give it.
    #[serde(default)]
    pub aliases: Vec<String>,
}

static BODIES: LazyLock<Vec<Body>> = LazyLock::new(|| {
    toml::from_str::<File>(include_str!("../data/bodies.toml"))
        .map(|f| f.body)
        .unwrap_or_default()
});

/// Words of a name for matching: lower case, hyphens and punctuation as spaces, and the
/// words "IGF" and "MAG" at the front dropped (every working group is the MAG's, of the
/// IGF).
fn words(s: &str) -> Vec<String> {
    let mut w = all_words(s);
    while w.len() > 1 && matches!(w[0].as_str(), "igf" | "mag" | "the") {
        w.remove(0);
    }
    w
}

fn all_words(s: &str) -> Vec<String> {
    let lower: String = s
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    lower.split_whitespace().map(str::to_string).collect()
}

fn contains(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// The canonical body named in `text` (a title, or a `--body` value): the body whose
/// longest name appears in it as whole words; None when no listed name does.
pub fn canonical(text: &str) -> Option<&'static str> {
    let hay = all_words(text);
    let working_group = hay.iter().any(|w| w == "wg")
        || contains(&hay, &["working".to_string(), "group".to_string()]);
    let mut best: Option<(usize, &'static str)> = None;
    for b in BODIES.iter() {
        for n in std::iter::once(&b.name).chain(&b.aliases) {
            let w = words(n);
            if contains(&hay, &w) && best.is_none_or(|(l, _)| w.len() > l) {
                best = Some((w.len(), b.name.as_str()));
            }
        }
    }
    // a working group not listed is not its parent body
    best.map(|(_, n)| n)
        .filter(|n| !working_group || n.contains("Working Group"))
}

/// The name a `--body` value filters on: the canonical name when it names a known body
/// exactly (all its words are that name's), else the words as given.
pub fn filter_name(value: &str) -> String {
    let v = words(value);
    for b in BODIES.iter() {
        for n in std::iter::once(&b.name).chain(&b.aliases) {
            if words(n) == v {
                return b.name.clone();
            }
        }
    }
    value.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_aliases_are_one_body() {
        for t in [
            "MAG Working Group on Strategy (WG-Strategy)",
            "IGF MAG Working Group on Strategy (WG-Strategy)",
            "MAG WG-Strategy call",
            "of the WG Strategy meeting held on",
        ] {
            assert_eq!(canonical(t), Some("MAG Working Group on Strategy"), "{t}");
        }
        assert_eq!(
            canonical("IGF 2020 MAG Virtual Meeting IX"),
            Some("IGF Multistakeholder Advisory Group")
        );
        assert_eq!(canonical("Product meeting ES2002a"), None);
        assert_eq!(canonical("MAG Working Group on Fundraising"), None);
        assert_eq!(
            canonical("MAG Virtual Meeting XII"),
            Some("IGF Multistakeholder Advisory Group")
        );
        assert_eq!(filter_name("WG-Strategy"), "MAG Working Group on Strategy");
        assert_eq!(
            filter_name("Working Group on Strategy"),
            "MAG Working Group on Strategy"
        );
        assert_eq!(filter_name("Strategy"), "Strategy");
    }
}
