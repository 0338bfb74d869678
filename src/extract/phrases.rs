//! Key phrases of a meeting: the multi-word phrases it repeats, keyed by their analysed
//! form so that inflections merge ("implementation trackers" is "implementation
//! tracker"). The corpus-wide scoring is in `query::themes`.

use crate::index::schema::text_analyzer;
use std::collections::HashMap;

/// Words that may not start or end a phrase.
const STOP: &[&str] = &[
    "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because",
    "been", "before", "being", "both", "but", "by", "can", "could", "did", "do", "does", "each", "few", "for", "from",
    "had", "has", "have", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just",
    "may", "me", "might", "more", "most", "much", "must", "my", "no", "nor", "not", "now", "of", "off", "on", "once",
    "one", "only", "or", "other", "our", "out", "over", "own", "per", "same", "she", "should", "so", "some", "such",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too",
    "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
    "why", "will", "with", "would", "you", "your", "yes", "okay", "thank", "thanks", "like", "well", "also", "said",
    "noted", "suggested", "proposed", "agreed", "asked", "next", "first", "second", "last", "many", "several", "two",
    "three", "four", "five", "new", "within", "without", "around", "whether", "however", "including", "towards",
    "among", "others", "seeing", "every", "each", "any", "various", "certain", "following", "previous", "none", "generally", "particularly", "especially", "already", "still", "further",
    "possible", "possibly", "used", "using", "make", "made", "take", "taken", "give", "given", "get", "got", "need",
    "needs", "want", "wants", "think", "hear", "see", "seen", "let", "lets", "going", "come", "back", "good", "great",
];
/// Words of meeting logistics: a phrase made only of these is not a topic ("working
/// group", "Host Country", "MAG Chair").
const GENERIC: &[&str] = &[
    "mag", "igf", "meeting", "meetings", "chair", "co-chair", "chairs", "secretariat", "group", "groups", "working",
    "country", "host", "member", "members", "virtual", "online", "call", "calls", "session", "sessions", "organizers",
    "organisers", "participants", "colleagues", "open", "consultations", "agenda", "item", "items", "minutes",
    "summary", "report", "former", "independent", "expert", "experts", "co-chairs", "wg", "mailing", "list", "floor",
    "queue", "today", "week", "year", "time", "point", "points", "thing", "things", "way", "people", "everyone",
    "html", "attachment", "scrubbed", "executive", "annual", "draft", "final", "short", "message", "coming", "weeks", "months", "days", "end", "start", "beginning",
];
/// Verbs that cannot start a topic ("stress the importance", "ask the Secretariat").
const VERB_START: &[&str] = &[
    "stress", "ask", "thank", "share", "support", "welcome", "note", "recall", "suggest", "propose", "agree", "invite",
    "encourage", "highlight", "underline", "emphasize", "emphasise", "raise", "keep", "bring", "send", "put", "move",
    "hold", "look", "join", "follow", "prepare", "present", "circulate", "discuss", "review", "address", "consider",
    "include", "provide", "ensure", "remind", "confirm", "present", "continue", "leave", "open", "close", "add",
];

/// Words allowed inside a phrase ("terms of reference", "freedom of expression").
const INNER: &[&str] = &["of", "for", "and", "on", "the", "to", "in"];

/// Phrases per meeting kept for the corpus-wide count.
pub const PER_MEETING: usize = 40;

/// The meeting's repeated key phrases as (analysed key, surface form, count), most
/// frequent first. `names` holds lower-cased words of people's names (a phrase with one is
/// not a topic); `title` the words of the meeting's title (a phrase made only of them
/// names the meeting, not a topic).
pub fn key_phrases(texts: &[&str], names: &[String], title: &[String]) -> Vec<(String, String, usize)> {
    let mut counts: HashMap<String, (usize, HashMap<String, usize>)> = HashMap::new();
    let mut analyzer = text_analyzer();
    for text in texts {
        let mut toks: Vec<(String, usize, usize)> = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            let t = stream.token();
            toks.push((t.text.clone(), t.offset_from, t.offset_to));
        }
        for i in 0..toks.len() {
            for n in 2..=4 {
                if i + n > toks.len() {
                    break;
                }
                let span = &toks[i..i + n];
                // a phrase does not cross punctuation
                if span.windows(2).any(|w| !text[w[0].2..w[1].1].chars().all(char::is_whitespace)) {
                    break;
                }
                let surface_words: Vec<&str> = span.iter().map(|t| &text[t.1..t.2]).collect();
                let lower: Vec<String> = surface_words.iter().map(|w| w.to_lowercase()).collect();
                let ok_edge = |w: &str| !STOP.contains(&w) && w.chars().count() >= 3 && !w.chars().any(|c| c.is_ascii_digit());
                if !ok_edge(&lower[0]) || !ok_edge(&lower[n - 1]) {
                    continue;
                }
                if lower[1..n - 1].iter().any(|w| STOP.contains(&w.as_str()) && !INNER.contains(&w.as_str())) {
                    continue;
                }
                // a phrase starts and ends at word edges, not inside "high-level"
                let (a, b) = (span[0].1, span[n - 1].2);
                let glued = text[..a].ends_with(['-', '\'', '’', '/']) || text[b..].starts_with(['-', '/']);
                if glued || VERB_START.contains(&lower[0].as_str()) || lower.last().is_some_and(|w| w.ends_with("ly"))
                    || lower.iter().all(|w| title.contains(w) || GENERIC.contains(&w.as_str()) || INNER.contains(&w.as_str()))
                    || lower.iter().any(|w| names.contains(w))
                    || lower.iter().filter(|w| INNER.contains(&w.as_str())).count() > 1
                {
                    continue;
                }
                let key = span.iter().map(|t| t.0.as_str()).collect::<Vec<_>>().join(" ");
                let e = counts.entry(key).or_default();
                e.0 += 1;
                *e.1.entry(surface_words.join(" ")).or_default() += 1;
            }
        }
    }
    // a phrase that only ever occurs inside a longer one is that longer one's fragment
    // ("Global Digital" of "Global Digital Compact")
    // each longer phrase names its two one-word-shorter pieces: linear, not quadratic
    let mut fragments: std::collections::HashSet<String> = std::collections::HashSet::new();
    for (l, (m, _)) in &counts {
        if let (Some(head), Some(tail)) = (l.rsplit_once(' ').map(|x| x.0), l.split_once(' ').map(|x| x.1)) {
            for piece in [head, tail] {
                if piece.contains(' ') && counts.get(piece).is_some_and(|(n, _)| n == m) {
                    fragments.insert(piece.to_string());
                }
            }
        }
    }
    counts.retain(|k, _| !fragments.contains(k));
    let mut out: Vec<(String, String, usize)> = counts
        .into_iter()
        .map(|(k, (n, surfaces))| {
            let surface = surfaces.into_iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0))).map(|s| s.0).unwrap_or_default();
            (k, surface, n)
        })
        .collect();
    out.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    out.truncate(PER_MEETING);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_phrases_merge_inflections_and_skip_stopword_edges() {
        let p = key_phrases(&["The implementation tracker is new.", "Two implementation trackers, and the tracker of the group."], &[], &[]);
        let keys: Vec<&str> = p.iter().map(|x| x.0.as_str()).collect();
        assert!(keys.contains(&"implement tracker"), "{keys:?}");
        assert_eq!(p.iter().find(|x| x.0 == "implement tracker").unwrap().2, 2);
        assert!(!p.iter().any(|x| x.1.to_lowercase().starts_with("the ")));
    }

    #[test]
    fn test_names_are_not_topics() {
        let p = key_phrases(&["Chris Buckridge spoke. Chris Buckridge again."], &["chris".into(), "buckridge".into()], &[]);
        assert!(p.is_empty());
    }
}
