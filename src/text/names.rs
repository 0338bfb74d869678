//! Person names: honorifics, "Family, Given" order, upper-case turn labels, and the
//! registry that resolves first names, family names and misspellings within a document.
//!
//! One person is written many ways ("Mr. Chris Buckridge", "Chris", "BUCKRIDGE, Chris",
//! "LYNN SAINT-AMOUR"); [`person_key`] is the form under which all of them meet, in a
//! document and across the index.

use crate::lexicon::lexicon;
use crate::text::fold;

/// Whether a word is an honorific (any case, with or without its full stop).
pub fn is_honorific(word: &str) -> bool {
    let w = word.to_lowercase();
    lexicon().people.honorifics.contains(w.as_str()) && w != "he" || w == "h.e."
}

/// Drops leading honorifics: "Ms. Lynn St. Amour" → "Lynn St. Amour".
pub fn strip_honorifics(name: &str) -> &str {
    let mut rest = name.trim();
    loop {
        let Some((first, tail)) = rest.split_once(char::is_whitespace) else {
            return rest;
        };
        if is_honorific(first) {
            rest = tail.trim_start();
        } else {
            return rest;
        }
    }
}

/// Turns "Miloshevic, Desiree" into "Desiree Miloshevic"; other names are returned as
/// they are.
pub fn given_family(name: &str) -> String {
    let n = name.trim();
    if let Some((fam, giv)) = n.split_once(',') {
        let (fam, giv) = (fam.trim(), giv.trim());
        if !fam.is_empty()
            && !giv.is_empty()
            && !giv.contains(',')
            && giv.split_whitespace().count() <= 3
        {
            return format!("{giv} {}", title_case_if_upper(fam));
        }
    }
    n.to_string()
}

/// "CHENGETAI MASANGO" → "Chengetai Masango", "LYNN ST. AMOUR" → "Lynn St. Amour",
/// "WOUT DE NATRIS" → "Wout de Natris". Mixed-case words are kept.
pub fn title_case_if_upper(name: &str) -> String {
    name.split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            if w.chars().any(|c| c.is_lowercase()) {
                return w.to_string();
            }
            let lower = w.to_lowercase();
            if i > 0 && lexicon().people.particles.contains(lower.as_str()) {
                return lower;
            }
            let mut out = String::new();
            let mut start = true;
            for c in lower.chars() {
                if start {
                    out.extend(c.to_uppercase());
                } else {
                    out.push(c);
                }
                start = matches!(c, '-' | '\'' | '’' | '.');
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Name words folded and split, without honorifics, particles or "St"/"Saint".
fn key_tokens(name: &str) -> Vec<String> {
    let f = fold(strip_honorifics(&given_family(name)));
    f.split(|c: char| c.is_whitespace() || c == '.' || c == '-' || c == '\'')
        .filter(|t| !t.is_empty())
        .filter(|t| {
            let people = &lexicon().people;
            !people.particles.contains(t)
                && *t != "st"
                && *t != "saint"
                && !people.honorifics.contains(t)
        })
        .map(str::to_string)
        .collect()
}

/// The key under which all spellings of one person meet: first and last name word,
/// folded. "Flávio Rech Wagner" and "Flavio Wagner" share `flavio wagner`.
pub fn person_key(name: &str) -> String {
    let t = key_tokens(name);
    match t.len() {
        0 => String::new(),
        1 => t[0].clone(),
        n => format!("{} {}", t[0], t[n - 1]),
    }
}

/// A person known in one document.
#[derive(Debug, Clone)]
pub struct Person {
    /// Display name, "Given Family".
    pub name: String,
    tokens: Vec<String>,
}

/// The people of one document, for resolving partial or misspelt references.
#[derive(Debug, Default, Clone)]
pub struct Registry {
    people: Vec<Person>,
}

impl Registry {
    /// Adds a full name (two words or more); returns the registered display form, which is
    /// an existing person's when the name is a variant of one.
    pub fn add(&mut self, name: &str) -> Option<String> {
        let display = given_family(strip_honorifics(name));
        let tokens = key_tokens(&display);
        if tokens.len() < 2 {
            return None;
        }
        if let Some(p) = self.find_full(&tokens) {
            return Some(p.name.clone());
        }
        self.people.push(Person {
            name: display.clone(),
            tokens,
        });
        Some(display)
    }

    /// The known people.
    pub fn people(&self) -> impl Iterator<Item = &Person> {
        self.people.iter()
    }

    fn find_full(&self, tokens: &[String]) -> Option<&Person> {
        let key = |t: &[String]| format!("{} {}", t[0], t[t.len() - 1]);
        let k = key(tokens);
        if let Some(p) = self.people.iter().find(|p| key(&p.tokens) == k) {
            return Some(p);
        }
        // "Bruna Martins" is "Bruna Martins dos Santos"
        if let Some(p) = self
            .people
            .iter()
            .find(|p| p.tokens[0] == tokens[0] && tokens.iter().all(|t| p.tokens.contains(t)))
        {
            return Some(p);
        }
        let compact: String = tokens.concat();
        self.people.iter().find(|p| {
            let pc: String = p.tokens.concat();
            compact.len() >= 8 && (edit_distance(&pc, &compact) <= 2)
                || (p.tokens[p.tokens.len() - 1] == tokens[tokens.len() - 1]
                    && p.tokens[0].starts_with(&tokens[0])
                    && tokens[0].len() >= 3)
        })
    }

    /// Resolves a reference: a full name, a first name, a family name (with or without
    /// honorific), or a misspelling of a known person. `None` when ambiguous or unknown.
    pub fn resolve(&self, reference: &str) -> Option<String> {
        let tokens = key_tokens(reference);
        if tokens.is_empty() {
            return None;
        }
        if tokens.len() >= 2 {
            return self.find_full(&tokens).map(|p| p.name.clone());
        }
        let t = &tokens[0];
        let with_title = reference
            .split_whitespace()
            .next()
            .is_some_and(is_honorific);
        let by_family: Vec<&Person> = self
            .people
            .iter()
            .filter(|p| p.tokens.last() == Some(t))
            .collect();
        let by_given: Vec<&Person> = self.people.iter().filter(|p| &p.tokens[0] == t).collect();
        let pick = |v: &[&Person]| (v.len() == 1).then(|| v[0].name.clone());
        if with_title {
            pick(&by_family).or_else(|| pick(&by_given))
        } else {
            pick(&by_given).or_else(|| pick(&by_family))
        }
    }
}

/// Levenshtein distance, for misspelt caption labels ("CHENGATAI").
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// A turn label split into name and parenthesised part.
pub fn split_label(label: &str) -> (String, Option<String>) {
    match label.find('(') {
        Some(i) => {
            let inner = label[i + 1..]
                .trim_end()
                .trim_end_matches(')')
                .trim()
                .to_string();
            (
                label[..i].trim().to_string(),
                (!inner.is_empty()).then_some(inner),
            )
        }
        None => (label.trim().to_string(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_given_family_and_title_case() {
        assert_eq!(given_family("Miloshevic, Desiree"), "Desiree Miloshevic");
        assert_eq!(given_family("BUCKRIDGE, Chris"), "Chris Buckridge");
        assert_eq!(given_family("Chris Buckridge"), "Chris Buckridge");
        assert_eq!(title_case_if_upper("LYNN ST. AMOUR"), "Lynn St. Amour");
        assert_eq!(title_case_if_upper("WOUT DE NATRIS"), "Wout de Natris");
        assert_eq!(strip_honorifics("Ms. Lynn St. Amour"), "Lynn St. Amour");
    }

    #[test]
    fn test_person_key_joins_variants() {
        assert_eq!(
            person_key("Flávio Rech Wagner"),
            person_key("Flavio Wagner")
        );
        assert_eq!(
            person_key("Mr. Chris Buckridge"),
            person_key("BUCKRIDGE, Chris")
        );
        assert_eq!(person_key("Lynn St.Amour"), person_key("Lynn St. Amour"));
        assert_ne!(person_key("Chris Buckridge"), person_key("Chris Jones"));
    }

    #[test]
    fn test_registry_resolves_partial_and_misspelt_names() {
        let mut r = Registry::default();
        r.add("Titti Cassa");
        r.add("Lynn St. Amour");
        r.add("Chengetai Masango");
        assert_eq!(r.resolve("Titti").as_deref(), Some("Titti Cassa"));
        assert_eq!(
            r.resolve("Ms. St. Amour").as_deref(),
            Some("Lynn St. Amour")
        );
        assert_eq!(
            r.resolve("Mr. Masango").as_deref(),
            Some("Chengetai Masango")
        );
        assert_eq!(
            r.add("Chengatai Masango").as_deref(),
            Some("Chengetai Masango")
        );
        assert_eq!(
            r.resolve("Lynn Saint-Amour").as_deref(),
            Some("Lynn St. Amour")
        );
        assert_eq!(r.resolve("Paul"), None);
    }

    #[test]
    fn test_split_label() {
        assert_eq!(
            split_label("Luis Bobo (IGF Secretariat)"),
            ("Luis Bobo".into(), Some("IGF Secretariat".into()))
        );
        assert_eq!(split_label("Grad C"), ("Grad C".into(), None));
    }
}
