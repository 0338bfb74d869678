//! The synonym classes and sets of data/synonyms.toml: words that say the same thing in
//! meeting records, merged before proposals are compared.

use crate::index::schema::analyze;
use std::collections::HashMap;

/// The shipped synonym classes (data/synonyms.toml): words that say the same thing in
/// meeting records, merged before proposals are compared.
pub const DEFAULT_SYNONYMS: &str = include_str!("../../../data/synonyms.toml");

#[derive(serde::Deserialize)]
pub(super) struct SynonymFile {
    pub(super) class: Vec<Vec<String>>,
    #[serde(default)]
    pub(super) set: Vec<Vec<String>>,
}

/// Words and stems with each list of two or more members of one set ("Arabic, Chinese
/// and French") read as the set's name ("languages"): a list names the kind, where one
/// member alone ("the French version") names itself.
pub(super) fn lists_as_sets(words: Vec<(String, String)>) -> Vec<(String, String)> {
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
pub(super) struct Synonyms {
    /// Stem -> the stem that stands for its class.
    pub(super) classes: HashMap<String, String>,
    /// Word, lower-cased, of an entry matched only as written ("=governments") -> the
    /// stem that stands for its class.
    pub(super) exact: HashMap<String, String>,
    /// Member stem -> the stem of the set's name.
    pub(super) sets: HashMap<String, String>,
}

pub(super) fn synonyms() -> &'static Synonyms {
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
pub(super) fn synonym_map() -> &'static HashMap<String, String> {
    &synonyms().classes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::gaps::features::content_stems;
    use crate::query::gaps::params::PARAMS;

    #[test]
    fn test_synonyms_of_several_words() {
        let stems = |t: &str| {
            content_stems(t, &HashMap::new())
                .into_iter()
                .map(|s| s.text)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            stems("reports published within 24 hours"),
            stems("reports published quickly")
        );
        assert_eq!(stems("a code of conduct"), stems("guidelines"));
        // a synonym whose stem is a commoner word's takes that word too: "reporters" took
        // every "report", "form" every registration form, "place" every "take place"
        for w in [
            "report",
            "form",
            "found",
            "place",
            "governance",
            "present",
            "record",
            "design",
            "develop",
        ] {
            assert_eq!(stems(w), analyze(w), "{w}");
        }
        assert_eq!(stems("governments"), stems("policymakers"));
        assert_eq!(stems("reporters"), stems("journalists"));
        assert_eq!(stems("developing"), stems("Global South"));
        assert_eq!(
            stems("a database of good practices"),
            stems("a database of best practices")
        );
        assert_eq!(stems("take the floor"), stems("speaking"));
        // session 10: asking fewer questions shortens; a day is quick; work between
        // annual meetings is intersessional; being fair is not leaving a region disadvantaged
        assert_eq!(stems("fewer questions"), stems("shorter questions"));
        assert_eq!(
            stems("reports within one day"),
            stems("reports the same day")
        );
        assert_eq!(
            stems("webinars between annual meetings"),
            stems("webinars, intersessional")
        );
        assert_eq!(
            stems("no region is disadvantaged"),
            stems("no region is fair")
        );
        // to have access to a thing is to have it provided
        assert_eq!(
            stems("access to interpretation"),
            stems("availability of interpretation")
        );
        // an acronym every record uses without defining it
        assert_eq!(
            stems("webinars on AI governance"),
            stems("webinars on artificial intelligence governance")
        );
        // the times of meetings are what time zones are about
        assert_eq!(
            stems("calls alternate between time zones"),
            stems("calls alternate times")
        );
        // function words and words of quantity are no idea of a request
        assert_eq!(
            stems("a short set of messages on how the board works"),
            stems("short messages on the board")
        );
        assert_eq!(stems("a series of webinars"), stems("webinars"));
        // "the Forum" is the IGF, and its article does not join it to the verb before
        assert_eq!(stems("the Forum"), stems("the IGF"));
        // a list of languages is languages; one language is itself
        assert_eq!(
            stems("in Arabic, Chinese, French, Russian and Spanish"),
            ["languag"]
        );
        assert_ne!(stems("the French version"), stems("the Spanish version"));
        let joins = |t: &str| {
            content_stems(t, &HashMap::new())
                .iter()
                .find(|s| s.text == "measur")
                .map(|s| s.joins_next)
        };
        assert_eq!(
            joins("an outside evaluator should assess the Forum"),
            Some(false)
        );
        assert_eq!(joins("an external assessment of the Forum"), Some(true));
    }

    #[test]
    fn test_no_word_is_in_two_synonym_classes() {
        // a stem claimed by two classes silently goes to the later one ("publicize" and
        // "publication" are both "public")
        let file: SynonymFile = toml::from_str(DEFAULT_SYNONYMS).unwrap();
        let mut owner: HashMap<String, String> = HashMap::new();
        let mut clashes = Vec::new();
        for class in &file.class {
            for w in class {
                let s = if w.starts_with('=') {
                    w.to_lowercase()
                } else {
                    analyze(w).join(" ")
                };
                assert!(
                    analyze(w).len() <= PARAMS.max_synonym_words,
                    "{w} is too long to match"
                );
                assert!(
                    !w.starts_with('=') || !w.contains(' '),
                    "{w}: an entry as written is one word"
                );
                if let Some(o) = owner.insert(s.clone(), class[0].clone()) {
                    if o != class[0] {
                        clashes.push(format!("{w} ({s}): {o} / {}", class[0]));
                    }
                }
            }
        }
        assert!(clashes.is_empty(), "{clashes:#?}");
    }
}
