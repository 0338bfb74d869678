//! English stemming with a memory: meeting records repeat a small vocabulary, and the
//! profile of `quorum index` put the Snowball stemmer at a fifth of the time, stemming
//! the same words again and again (passages, meeting text, themes, key phrases). Each
//! thread keeps the stems it has made, for all its analyzers; the stems are tantivy's
//! own, so an index built with or without the memory is the same.

use crate::text::FastMap;
use tantivy::tokenizer::{
    Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Words remembered per thread before the memory starts again: bounds it on corpora
/// with an open vocabulary (names, numbers, typos).
const CAPACITY: usize = 200_000;

/// A token filter that stems English words like tantivy's [`Stemmer`], remembering them.
#[derive(Clone, Default)]
pub struct CachedStemmer;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter { inner: tokenizer }
    }
}

/// The stems made so far, and the stemmer for new words.
struct Memory {
    stems: FastMap<String, String>,
    stemmer: TextAnalyzer,
}

impl Default for Memory {
    fn default() -> Self {
        Memory {
            stems: FastMap::default(),
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(Language::English))
                .build(),
        }
    }
}

thread_local! {
    static MEMORY: std::cell::RefCell<Memory> = std::cell::RefCell::new(Memory::default());
}

impl Memory {
    fn stem(&mut self, word: &str, out: &mut String) {
        if let Some(s) = self.stems.get(word) {
            out.clear();
            out.push_str(s);
            return;
        }
        let mut stream = self.stemmer.token_stream(word);
        let stem = if stream.advance() {
            stream.token().text.clone()
        } else {
            word.to_string()
        };
        if self.stems.len() >= CAPACITY {
            self.stems.clear();
        }
        out.clear();
        out.push_str(&stem);
        self.stems.insert(word.to_string(), stem);
    }
}

/// The stem of one word already lower-cased and folded, as [`CachedStemmer`] makes it.
pub fn stem(word: &str) -> String {
    let mut out = String::new();
    MEMORY.with(|m| m.borrow_mut().stem(word, &mut out));
    out
}

/// [`CachedStemmer`] applied to a tokenizer.
#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            spare: String::new(),
        }
    }
}

/// The token stream of [`CachedStemmerFilter`].
pub struct CachedStemmerStream<T> {
    tail: T,
    /// The buffer the stem is written to; swapped with the token's, so that neither the
    /// tokenizer nor the stemmer allocates per word.
    spare: String,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        MEMORY.with(|m| m.borrow_mut().stem(&token.text, &mut self.spare));
        std::mem::swap(&mut token.text, &mut self.spare);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer};

    fn terms(a: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut s = a.token_stream(text);
        let mut out = Vec::new();
        while s.advance() {
            out.push(s.token().text.clone());
        }
        out
    }

    #[test]
    fn test_cached_stems_equal_tantivy_stems() {
        let text = "Proposals proposed proposing the reviewed reviews of generalizations, generously running runs ran";
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        let mut cached = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer)
            .build();
        let want = terms(&mut plain, text);
        // twice: the second pass reads the memory
        assert_eq!(terms(&mut cached, text), want);
        assert_eq!(terms(&mut cached, text), want);
        assert_eq!(terms(&mut cached.clone(), text), want);
    }
}
