//! Themes: which passages are about what, by the terms of a themes file
//! (`data/themes.toml` by default), matched on the index's own analysis.
//!
//! One rule serves indexing and querying: [`ThemeSet::matches`] tags passages at index
//! time, and `query::themes` turns the same phrases into tantivy queries when a
//! themes file other than the indexed one is asked about.

use crate::text::analysis::analyze;
use crate::text::FastMap;
use anyhow::{Context, Result};
use serde::Deserialize;
use std::path::Path;

/// The default themes, as shipped in the repository.
pub const DEFAULT_THEMES: &str = include_str!("../../data/themes.toml");

/// One theme of the file.
#[derive(Debug, Clone, Deserialize)]
pub struct Theme {
    /// Its name, as users ask for it.
    pub name: String,
    /// Words and phrases that signal it.
    pub terms: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct ThemesFile {
    theme: Vec<Theme>,
}

/// A themes file, ready to match analysed text.
#[derive(Debug, Clone)]
pub struct ThemeSet {
    /// The themes, in file order.
    pub themes: Vec<Theme>,
    /// Analysed terms: per theme, the token sequences of its terms.
    pub analysed: Vec<Vec<Vec<String>>>,
    by_first: FastMap<String, Vec<(usize, usize)>>,
    /// Content hash, recorded in the index so that a changed file re-tags passages.
    pub hash: String,
}

impl ThemeSet {
    /// Parses a themes file's text.
    pub fn parse(text: &str) -> Result<ThemeSet> {
        let file: ThemesFile = toml::from_str(text).context("reading the themes file")?;
        let analysed: Vec<Vec<Vec<String>>> = file
            .theme
            .iter()
            .map(|t| {
                t.terms
                    .iter()
                    .map(|term| analyze(term))
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .collect();
        let mut by_first: FastMap<String, Vec<(usize, usize)>> = FastMap::default();
        for (ti, terms) in analysed.iter().enumerate() {
            for (si, seq) in terms.iter().enumerate() {
                by_first.entry(seq[0].clone()).or_default().push((ti, si));
            }
        }
        Ok(ThemeSet {
            themes: file.theme,
            analysed,
            by_first,
            hash: blake3::hash(text.as_bytes()).to_hex()[..16].to_string(),
        })
    }

    /// The shipped themes.
    pub fn default_set() -> ThemeSet {
        ThemeSet::parse(DEFAULT_THEMES).expect("data/themes.toml is valid")
    }

    /// The themes of a file, or the shipped ones.
    pub fn load(path: Option<&Path>) -> Result<ThemeSet> {
        match path {
            None => Ok(ThemeSet::default_set()),
            Some(p) => {
                let text = std::fs::read_to_string(p)
                    .with_context(|| format!("reading themes file {}", p.display()))?;
                ThemeSet::parse(&text).with_context(|| format!("in {}", p.display()))
            }
        }
    }

    /// The theme with this name (case and spacing ignored).
    pub fn find(&self, name: &str) -> Option<usize> {
        let key = crate::text::fold(&crate::text::squash(name));
        self.themes
            .iter()
            .position(|t| crate::text::fold(&t.name) == key)
    }

    /// Themes whose terms occur in a text, each once, in file order.
    pub fn matches(&self, text: &str) -> Vec<usize> {
        self.matches_tokens(&analyze(text))
    }

    /// Themes whose terms occur in analysed tokens.
    pub fn matches_tokens(&self, tokens: &[String]) -> Vec<usize> {
        let mut hit = vec![false; self.themes.len()];
        for (i, t) in tokens.iter().enumerate() {
            let Some(cands) = self.by_first.get(t) else {
                continue;
            };
            for &(ti, si) in cands {
                let seq = &self.analysed[ti][si];
                if !hit[ti] && tokens.len() - i >= seq.len() && tokens[i..i + seq.len()] == seq[..]
                {
                    hit[ti] = true;
                }
            }
        }
        hit.iter()
            .enumerate()
            .filter(|(_, h)| **h)
            .map(|(i, _)| i)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_default_file_has_twenty_themes() {
        assert!(ThemeSet::default_set().themes.len() >= 20);
    }

    #[test]
    fn test_matching_uses_the_index_analysis() {
        let t = ThemeSet::default_set();
        let ai = t.find("ai governance").unwrap();
        assert!(t
            .matches("the Governance of AI was discussed")
            .contains(&ai));
        assert!(t.matches("PNAI reported").contains(&ai));
        let tor = t.find("MAG Terms of Reference").unwrap();
        assert!(t
            .matches("the terms of reference were reviewed")
            .contains(&tor));
        assert!(t.matches("revise the ToR").contains(&tor));
    }

    #[test]
    fn test_partial_phrases_do_not_match() {
        let t = ThemeSet::default_set();
        let tor = t.find("MAG Terms of Reference").unwrap();
        assert!(!t
            .matches("the terms of the agreement are a reference")
            .contains(&tor));
        assert!(t.matches("").is_empty());
    }
}
