//! Key phrases of a meeting: the multi-word phrases it repeats, keyed by their analysed
//! form so that inflections merge ("implementation trackers" is "implementation
//! tracker"). The corpus-wide scoring is in `query::themes`.

use crate::lexicon::lexicon;
use crate::text::analysis::text_analyzer;
use crate::text::{FastMap, FastSet};

type WordSet = std::sync::LazyLock<FastSet<&'static str>>;
static STOP_SET: WordSet = std::sync::LazyLock::new(|| lexicon().phrases.stop.iter().collect());
static GENERIC_SET: WordSet =
    std::sync::LazyLock::new(|| lexicon().phrases.generic.iter().collect());
static VERB_START_SET: WordSet =
    std::sync::LazyLock::new(|| lexicon().phrases.verb_start.iter().collect());
static INNER_SET: WordSet = std::sync::LazyLock::new(|| lexicon().phrases.inner.iter().collect());

/// A phrase as the numbers of its (up to four) analysed words, padded with [`NONE`].
type Gram = [u32; 4];
const NONE: u32 = u32::MAX;

/// A word of the text with what the phrase rules ask of it.
struct Word {
    /// Number of its analysed form.
    id: u32,
    from: usize,
    to: usize,
    /// May start or end a phrase.
    edge: bool,
    stop: bool,
    inner: bool,
    /// A title, logistics or inner word: a phrase of only these is not a topic.
    plain: bool,
    name: bool,
    verb: bool,
    ly: bool,
    glued_before: bool,
    glued_after: bool,
    /// Only whitespace between it and the next word.
    spaced_after: bool,
}

/// Phrases per meeting kept for the corpus-wide count.
pub const PER_MEETING: usize = 40;

/// The meeting's repeated key phrases as (analysed key, surface form, count), most
/// frequent first. `names` holds lower-cased words of people's names (a phrase with one is
/// not a topic); `title` the words of the meeting's title (a phrase made only of them
/// names the meeting, not a topic).
pub fn key_phrases(
    texts: &[&str],
    names: &[String],
    title: &[String],
) -> Vec<(String, String, usize)> {
    // phrases are counted as arrays of word numbers, not strings: one allocation per
    // distinct word, not per phrase occurrence (the profile put key phrases at a third
    // of building a meeting's index documents)
    let mut counts: FastMap<Gram, usize> = FastMap::default();
    let mut seen: Vec<(Gram, usize, usize, usize)> = Vec::new(); // (phrase, text, first word, words)
    let mut ids: FastMap<String, u32> = FastMap::default();
    let mut keys: Vec<String> = Vec::new();
    let mut all: Vec<Vec<Word>> = Vec::with_capacity(texts.len());
    let mut analyzer = text_analyzer();
    let (stop, generic, verb_start, inner) =
        (&*STOP_SET, &*GENERIC_SET, &*VERB_START_SET, &*INNER_SET);
    for (ti, text) in texts.iter().enumerate() {
        // each word's facts once, not once per phrase it is part of (the profile showed
        // the word-list scans and per-phrase allocations)
        let mut toks: Vec<Word> = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            let t = stream.token();
            let surface = &text[t.offset_from..t.offset_to];
            let lower = surface.to_lowercase();
            let l = lower.as_str();
            let id = match ids.get(&t.text) {
                Some(&id) => id,
                None => {
                    keys.push(t.text.clone());
                    ids.insert(t.text.clone(), keys.len() as u32 - 1);
                    keys.len() as u32 - 1
                }
            };
            toks.push(Word {
                id,
                from: t.offset_from,
                to: t.offset_to,
                edge: !stop.contains(l)
                    && l.chars().count() >= 3
                    && !l.chars().any(|c| c.is_ascii_digit()),
                stop: stop.contains(l),
                inner: inner.contains(l),
                plain: title.iter().any(|w| w == l) || generic.contains(l) || inner.contains(l),
                name: names.iter().any(|w| w == l),
                verb: verb_start.contains(l),
                ly: l.ends_with("ly"),
                glued_before: text[..t.offset_from].ends_with(['-', '\'', '’', '/']),
                glued_after: text[t.offset_to..].starts_with(['-', '/']),
                spaced_after: false,
            });
        }
        for k in 1..toks.len() {
            let gap = &text[toks[k - 1].to..toks[k].from];
            toks[k - 1].spaced_after = gap.chars().all(char::is_whitespace);
        }
        for i in 0..toks.len() {
            for n in 2..=4 {
                if i + n > toks.len() {
                    break;
                }
                let span = &toks[i..i + n];
                // a phrase does not cross punctuation
                if !span[n - 2].spaced_after {
                    break;
                }
                if !span[0].edge
                    || !span[n - 1].edge
                    || span[1..n - 1].iter().any(|w| w.stop && !w.inner)
                {
                    continue;
                }
                // a phrase starts and ends at word edges, not inside "high-level"
                if span[0].glued_before
                    || span[n - 1].glued_after
                    || span[0].verb
                    || span[n - 1].ly
                    || span.iter().all(|w| w.plain)
                    || span.iter().any(|w| w.name)
                    || span.iter().filter(|w| w.inner).count() > 1
                {
                    continue;
                }
                let mut g = [NONE; 4];
                for (k, w) in span.iter().enumerate() {
                    g[k] = w.id;
                }
                *counts.entry(g).or_default() += 1;
                seen.push((g, ti, i, n));
            }
        }
        all.push(toks);
    }
    // a phrase that only ever occurs inside a longer one is that longer one's fragment
    // ("Global Digital" of "Global Digital Compact")
    // each longer phrase names its two one-word-shorter pieces: linear, not quadratic
    let mut fragments: FastSet<Gram> = FastSet::default();
    for (g, m) in &counts {
        let n = g.iter().take_while(|&&x| x != NONE).count();
        if n < 3 {
            continue;
        }
        let mut head = *g;
        head[n - 1] = NONE;
        let mut tail = [NONE; 4];
        tail[..n - 1].copy_from_slice(&g[1..n]);
        for piece in [head, tail] {
            if counts.get(&piece) == Some(m) {
                fragments.insert(piece);
            }
        }
    }
    counts.retain(|g, _| !fragments.contains(g));
    // strings only for the phrases that can make the cut
    let mut by_count: Vec<usize> = counts.values().copied().collect();
    by_count.sort_unstable_by(|a, b| b.cmp(a));
    let cut = by_count.get(PER_MEETING - 1).copied().unwrap_or(0);
    let key_of = |g: &Gram| {
        g.iter()
            .take_while(|&&x| x != NONE)
            .map(|&x| keys[x as usize].as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut kept: Vec<(Gram, String, usize)> = counts
        .iter()
        .filter(|(_, &n)| n >= cut)
        .map(|(g, &n)| (*g, key_of(g), n))
        .collect();
    kept.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
    kept.truncate(PER_MEETING);
    // each kept phrase's most frequent written form
    let slot: FastMap<Gram, usize> = kept.iter().enumerate().map(|(i, k)| (k.0, i)).collect();
    let mut surfaces: Vec<FastMap<String, usize>> = vec![FastMap::default(); kept.len()];
    for (g, ti, i, n) in &seen {
        if let Some(&k) = slot.get(g) {
            let text = texts[*ti];
            let surface = all[*ti][*i..*i + *n]
                .iter()
                .map(|t| &text[t.from..t.to])
                .collect::<Vec<_>>()
                .join(" ");
            *surfaces[k].entry(surface).or_default() += 1;
        }
    }
    let out: Vec<(String, String, usize)> = kept
        .into_iter()
        .zip(surfaces)
        .map(|((_, key, n), s)| {
            (
                key,
                s.into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                    .map(|s| s.0)
                    .unwrap_or_default(),
                n,
            )
        })
        .collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_phrases_merge_inflections_and_skip_stopword_edges() {
        let p = key_phrases(
            &[
                "The implementation tracker is new.",
                "Two implementation trackers, and the tracker of the group.",
            ],
            &[],
            &[],
        );
        let keys: Vec<&str> = p.iter().map(|x| x.0.as_str()).collect();
        assert!(keys.contains(&"implement tracker"), "{keys:?}");
        assert_eq!(p.iter().find(|x| x.0 == "implement tracker").unwrap().2, 2);
        assert!(!p.iter().any(|x| x.1.to_lowercase().starts_with("the ")));
    }

    #[test]
    fn test_names_are_not_topics() {
        let p = key_phrases(
            &["Chris Buckridge spoke. Chris Buckridge again."],
            &["chris".into(), "buckridge".into()],
            &[],
        );
        assert!(p.is_empty());
    }
}
