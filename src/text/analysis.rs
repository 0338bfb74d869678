//! The text analysis shared by indexing, queries, themes and key phrases: tantivy's simple
//! tokenizer, lower-casing, ASCII folding and the English stemmer (with a memory).
//!
//! It sits below every stage so that extraction and queries analyse text the way the
//! index does without reaching into the index.

use super::stem::{stem, CachedStemmer};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};

/// The English analyzer: the same analysis for indexing, queries and theme matching.
pub fn text_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(CachedStemmer)
        .build()
}

/// The name analyzer.
pub fn name_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Terms of a text under the English analyzer.
pub fn analyze(text: &str) -> Vec<String> {
    let mut a = text_analyzer();
    let mut stream = a.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// Each word of a text lower-cased as written, with its term under the English analyzer:
/// what the synonym classes need to tell "governments" from "governance", both "govern".
/// The name analyzer is the English one without its stemmer, so each of its words,
/// stemmed, is the English analyzer's term.
pub fn words_and_stems(text: &str) -> Vec<(String, String)> {
    let mut a = name_analyzer();
    let mut stream = a.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let word = stream.token().text.clone();
        let term = stem(&word);
        out.push((word, term));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_analyzer_stems_and_folds() {
        assert_eq!(
            analyze("Proposals proposed Kleinwächter"),
            vec!["propos", "propos", "kleinwacht"]
        );
        assert_ne!(analyze("meeting"), analyze("meat"));
    }

    #[test]
    fn test_words_and_stems_give_the_analyzers_terms() {
        let text = "The Governments' proposals, reviewed by Kleinwächter: a TOR-update (2024)!";
        let pairs = words_and_stems(text);
        assert_eq!(
            pairs.iter().map(|p| p.1.clone()).collect::<Vec<_>>(),
            analyze(text)
        );
        assert_eq!(pairs[1], ("governments".to_string(), "govern".to_string()));
    }
}
