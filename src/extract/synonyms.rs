//! The synonym classes and sets of data/synonyms.toml: words that say the same thing in
//! meeting records, merged before proposals are compared.

use crate::text::analysis::analyze;
use std::collections::HashMap;

/// The shipped synonym classes (data/synonyms.toml): words that say the same thing in
/// meeting records, merged before proposals are compared.
pub const DEFAULT_SYNONYMS: &str = include_str!("../../data/synonyms.toml");

#[derive(serde::Deserialize)]
pub(crate) struct SynonymFile {
    pub(crate) class: Vec<Vec<String>>,
    #[serde(default)]
    pub(crate) set: Vec<Vec<String>>,
}

/// Words and stems with each list of two or more members of one set ("Arabic, Chinese
/// and French") read as the set's name ("languages"): a list names the kind, where one
/// member alone ("the French version") names itself.
pub(crate) fn lists_as_sets(words: Vec<(String, String)>) -> Vec<(String, String)> {
    let sets = &synonyms().sets;
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        if let Some(set) = sets.get(&words[i].1) {
            // members of the one set, with "and" / "or" between them
            let member = |k: usize| sets.get(&words[k].1) == Some(set);
            let (mut j, mut last, mut count) = (i, i, 0);
            while j < words.len() && (member(j) || matches!(words[j].1.as_str(), "and" | "or")) {
                if member(j) {
                    last = j;
                    count += 1;
                }
                j += 1;
            }
            if count >= 2 {
                out.push((set.clone(), set.clone()));
                i = last + 1;
                continue;
            }
        }
        out.push(words[i].clone());
        i += 1;
    }
    out
}

/// The synonym classes and sets of data/synonyms.toml, read once.
pub(crate) struct Synonyms {
    /// Stem -> the stem that stands for its class.
    pub(crate) classes: HashMap<String, String>,
    /// Word, lower-cased, of an entry matched only as written ("=governments") -> the
    /// stem that stands for its class.
    pub(crate) exact: HashMap<String, String>,
    /// Member stem -> the stem of the set's name.
    pub(crate) sets: HashMap<String, String>,
}

pub(crate) fn synonyms() -> &'static Synonyms {
    static SYNONYMS: std::sync::OnceLock<Synonyms> = std::sync::OnceLock::new();
    SYNONYMS.get_or_init(|| {
        let file: SynonymFile =
            toml::from_str(DEFAULT_SYNONYMS).expect("data/synonyms.toml is valid");
        let (mut classes, mut exact) = (HashMap::new(), HashMap::new());
        for class in file.class {
            let Some(head) = class
                .iter()
                .map(|w| analyze(w))
                .find(|s| !s.is_empty())
                .map(|s| s.join("_"))
            else {
                continue;
            };
            for w in &class {
                match w.strip_prefix('=') {
                    Some(word) => exact.insert(word.to_lowercase(), head.clone()),
                    None => classes.insert(analyze(w).join(" "), head.clone()),
                };
            }
        }
        let mut sets = HashMap::new();
        for set in file.set {
            let Some((name, members)) = set.split_first() else {
                continue;
            };
            let name = analyze(name).join("_");
            for w in members {
                sets.insert(analyze(w).join(" "), name.clone());
            }
        }
        Synonyms {
            classes,
            exact,
            sets,
        }
    })
}

/// See [`Synonyms::classes`].
pub(crate) fn synonym_map() -> &'static HashMap<String, String> {
    &synonyms().classes
}
