//! What is read from a proposal: the stems of what it asks, weighted by their rarity among
//! proposals, and the parts of its request that the rules compare (what it asks of,
//! the action, the things it asks to have, the verb it asks with).

use super::params::PARAMS;
use crate::extract::request::{lex, phrase, Phrase, Request};
use crate::extract::synonyms::{synonym_map, synonyms};
use crate::text::analysis::analyze;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

pub(super) struct Vocab {
    pub(super) ids: HashMap<String, u32>,
}

impl Vocab {
    pub(super) fn id(&mut self, s: String) -> u32 {
        let n = self.ids.len() as u32;
        *self.ids.entry(s).or_insert(n)
    }
}

/// A content word of a proposal, and whether another content word follows it directly
/// (as "old" in "the old lamps", "live" in "live captioning").
#[derive(Debug, Clone, PartialEq)]
pub struct Stem {
    /// The stem, its synonym class merged.
    pub text: String,
    /// Another content word comes right after it, other than the verb it is the subject
    /// of.
    pub modifies: bool,
    /// The next content word is in the same name: right after it or after "of (the)"
    /// ("Terms of Reference", "ToR of the MAG"), not across a verb or an article.
    pub joins_next: bool,
    /// The stems it stands for as written, before acronyms and synonyms are merged:
    /// "footprint" for "carbon footprint" is "carbon footprint".
    pub said: String,
    /// It is in a phrase of whom or what for ("participants from developing countries",
    /// "visas for the annual meeting"), not in what is asked.
    pub whom: bool,
    /// It is the verb of a request in the subjunctive, after its subject ("the
    /// Secretariat survey members").
    pub verb: bool,
    /// The part of the request it names (see [`Slot`]).
    pub slot: Slot,
}

/// The parts of a request besides what is asked: what it is about ("on digital health",
/// "related to digital trade"), for whom ("for municipal authorities"), where ("in the
/// Caucasus", "from SIDS") and with whom ("with UNICEF"). Each opens at its word and runs
/// to the next such word or a clause word ("be", "should", "that" ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Slot {
    /// What is asked: the action and its thing.
    #[default]
    Asked,
    /// What it is about.
    Subject,
    /// Whom it is for.
    Audience,
    /// Where.
    Place,
    /// With whom.
    Partner,
}

impl Slot {
    /// The slots two requests are compared on, in [`Asked::slots`]'s order.
    pub(super) const COMPARED: [Slot; 4] =
        [Slot::Subject, Slot::Audience, Slot::Place, Slot::Partner];

    /// The slot a word opens, if any (`prev` is the word before it).
    fn opened_by(word: &str, prev: Option<&str>) -> Option<Slot> {
        Some(match word {
            "on" | "about" | "regarding" | "concerning" => Slot::Subject,
            "to" if matches!(prev, Some("related" | "relating")) => Slot::Subject,
            "for" => Slot::Audience,
            "in" | "across" | "from" => Slot::Place,
            "with" => Slot::Partner,
            _ => return None,
        })
    }
}

/// The slot of each word of a request, in order (see [`Slot`]).
pub(super) fn slots_of(written: &[&String]) -> Vec<Slot> {
    let mut out = Vec::with_capacity(written.len());
    let mut at = Slot::Asked;
    for (i, w) in written.iter().enumerate() {
        let prev = i.checked_sub(1).map(|k| written[k].as_str());
        if let Some(s) = Slot::opened_by(w, prev) {
            at = s;
        } else if w.as_str() != "and" && lex().clause_words.contains(w.as_str()) {
            at = Slot::Asked;
        }
        out.push(at);
    }
    out
}

/// Content stems of what a text asks for: phrases of time and place left out, acronyms
/// expanded and synonyms merged.
pub fn content_stems(text: &str, acronyms: &HashMap<String, Vec<String>>) -> Vec<Stem> {
    stems(&phrase(text), acronyms)
}

/// Content stems of the words of a request as analysed at index time (see
/// [`content_stems`]).
pub(super) fn stems(p: &Phrase, acronyms: &HashMap<String, Vec<String>>) -> Vec<Stem> {
    let mut toks = Vec::with_capacity(p.words.len());
    // each stem with its word as written, lower-cased
    let mut written = Vec::with_capacity(p.words.len());
    let mut said = Vec::with_capacity(p.words.len());
    for (w, t) in &p.words {
        said.push(t.clone());
        // an acronym stays one word, of the long form's stems ("mag": "multistakehold
        // advisori group"), so that "the MAG mailing list" is one name, as it is written
        match acronyms.get(t) {
            Some(long) => toks.push(long.join(" ")),
            None => toks.push(t.clone()),
        }
        written.push(w);
    }
    let (whom, verb) = (&p.whom, p.verb);
    let slots = slots_of(&written);
    let syn = synonym_map();
    // (stem, first token, token after it)
    let mut kept: Vec<(String, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // synonyms of several words first, longest first ("within 24 hours", "global south")
        if let Some((h, len)) = (2..=PARAMS.max_synonym_words.min(toks.len() - i))
            .rev()
            .find_map(|k| syn.get(&toks[i..i + k].join(" ")).map(|h| (h, k)))
        {
            // an article that opens the synonym ("the Forum") stands before it, as any
            // article does: "assess the Forum" does not join "assess" to it
            let start = if lex().articles.contains(toks[i].as_str()) {
                i + 1
            } else {
                i
            };
            kept.push((h.clone(), start, i + len));
            i += len;
            continue;
        }
        let t = &toks[i];
        i += 1;
        if let Some(h) = synonyms().exact.get(written[i - 1]).or_else(|| syn.get(t)) {
            kept.push((h.clone(), i - 1, i));
            continue;
        }
        for t in t.split(' ') {
            if lex().stop.contains(t) || t.chars().all(|c| c.is_ascii_digit()) || t.len() < 2 {
                continue;
            }
            kept.push((
                syn.get(t).cloned().unwrap_or_else(|| t.to_string()),
                i - 1,
                i,
            ));
        }
    }
    (0..kept.len())
        .map(|k| {
            let next = kept.get(k + 1).map(|n| n.1);
            let end = kept[k].2;
            Stem {
                said: said[kept[k].1..end].join(" "),
                whom: whom[kept[k].1],
                slot: slots[kept[k].1],
                verb: verb == Some(kept[k].1),
                // any word that is not a function word counts: "t" of "t-shirts" too
                modifies: verb != Some(end)
                    && toks
                        .get(end)
                        .is_some_and(|t| !lex().stop.contains(t.as_str())),
                joins_next: next.is_some_and(|n| {
                    n == end
                        || n == kept[k].1
                        || n > end
                            && lex().name_links.contains(toks[end].as_str())
                            && toks[end + 1..n]
                                .iter()
                                .all(|t| lex().articles.contains(t.as_str()))
                }),
                text: std::mem::take(&mut kept[k].0),
            }
        })
        .collect()
}

/// Whether an action stem, with its synonym class merged, is one of `support_actions` (data/lexicon.toml).
pub(super) fn supports(action: &str) -> bool {
    static STEMS: LazyLock<HashSet<String>> = LazyLock::new(|| {
        let syn = synonym_map();
        lex()
            .support_actions
            .iter()
            .filter_map(|w| analyze(w).pop())
            .map(|s| syn.get(&s).cloned().unwrap_or(s))
            .collect()
    });
    STEMS.contains(action)
}

/// What pairing needs of a proposal's stems.
pub(super) struct Features {
    /// Distinct stems, sorted.
    pub(super) ids: Vec<u32>,
    /// Each use of a stem, and whether it modifies the next word there.
    pub(super) uses: Vec<(u32, bool)>,
    /// What the rules compare, which an [`Item`](super::similarity::Item) keeps.
    pub(super) asked: Asked,
}

/// The parts of a request that the rules compare, as ids of the vocabulary: read from a
/// proposal (in [`Features`]) and kept with its weighted bag (in an `Item`).
pub(super) struct Asked {
    /// Stems that stand next to each other in one name, as sorted pairs.
    pub(super) pairs: Vec<(u32, u32)>,
    /// The action a passive proposal asks for, when it names one.
    pub(super) action: Option<u32>,
    /// The stems of what it asks it of, modifiers included, sorted.
    pub(super) thing: Vec<u32>,
    /// Whether its words may name another's action (see `support_actions` in
    /// data/lexicon.toml).
    pub(super) names_actions: bool,
    /// Each thing it asks to have: its head, and its stems, sorted.
    pub(super) wanted: Vec<(u32, Vec<u32>)>,
    /// Each stem with the words it stands for here (see [`Stem::said`]), sorted.
    pub(super) said: Vec<(u32, u32)>,
    /// The verb it asks with: the passive's or the subjunctive's.
    pub(super) verb: Option<u32>,
    /// The stems of each of [`Slot::COMPARED`], sorted.
    pub(super) slots: [Vec<u32>; 4],
    /// The stems of what is asked ([`Slot::Asked`]), without the agent named before a
    /// subjunctive's verb ("the IGF hold a session": "hold a session"), sorted.
    pub(super) core: Vec<u32>,
}

pub(super) fn features(
    req: &Request,
    acronyms: &HashMap<String, Vec<String>>,
    vocab: &mut Vocab,
) -> Features {
    let stems = stems(&req.asked, acronyms);
    let (action, thing, names_actions) = match &req.passive {
        Some(p) => {
            let a = p.action.clone();
            let mut thing: Vec<u32> = self::stems(&p.object, acronyms)
                .into_iter()
                .map(|s| vocab.id(s.text))
                .collect();
            thing.sort_unstable();
            thing.dedup();
            let names = a.as_deref().is_none_or(supports);
            (a.map(|a| vocab.id(a)), thing, names)
        }
        None => (None, Vec::new(), true),
    };
    let uses: Vec<(u32, bool)> = stems
        .iter()
        .map(|s| (vocab.id(s.text.clone()), s.modifies))
        .collect();
    // the words as written share the vocabulary's ids, marked apart from stems
    let mut said: Vec<(u32, u32)> = stems
        .iter()
        .zip(&uses)
        .filter(|(s, _)| !s.whom)
        .map(|(s, u)| (u.0, vocab.id(format!("\u{1f}{}", s.said))))
        .collect();
    said.sort_unstable();
    said.dedup();
    let mut pairs: Vec<(u32, u32)> = uses
        .windows(2)
        .zip(&stems)
        .filter(|(_, s)| s.joins_next)
        .map(|(w, _)| (w[0].0.min(w[1].0), w[0].0.max(w[1].0)))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut ids: Vec<u32> = uses.iter().map(|u| u.0).collect();
    ids.sort_unstable();
    ids.dedup();
    let wanted = req
        .wanted
        .iter()
        .filter_map(|(head, name)| {
            let head = vocab.id(self::stems(head, acronyms).pop()?.text);
            let mut name: Vec<u32> = self::stems(name, acronyms)
                .into_iter()
                .map(|s| vocab.id(s.text))
                .collect();
            name.sort_unstable();
            name.dedup();
            Some((head, name))
        })
        .collect();
    let verb = action.or_else(|| {
        stems
            .iter()
            .zip(&uses)
            .find(|(s, _)| s.verb)
            .map(|(_, u)| u.0)
    });
    let mut slots: [Vec<u32>; 4] = Default::default();
    for (s, u) in stems.iter().zip(&uses) {
        if let Some(k) = Slot::COMPARED.iter().position(|&c| c == s.slot) {
            slots[k].push(u.0);
        }
    }
    for v in &mut slots {
        v.sort_unstable();
        v.dedup();
    }
    let from = stems.iter().position(|s| s.verb).unwrap_or(0);
    let mut core: Vec<u32> = stems[from..]
        .iter()
        .zip(&uses[from..])
        .filter(|(s, _)| s.slot == Slot::Asked)
        .map(|(_, u)| u.0)
        .collect();
    core.sort_unstable();
    core.dedup();
    Features {
        ids,
        uses,
        asked: Asked {
            slots,
            core,
            pairs,
            action,
            thing,
            names_actions,
            wanted,
            said,
            verb,
        },
    }
}

/// Stems that, across the proposals, nearly always stand before another content word:
/// qualities and kinds ("old", "digital", "live"), not the thing asked about. Two
/// requests that share only such words and a verb ("the old lamps be audited", "the old
/// carpets be audited") ask for different things.
pub(super) fn modifiers<'a>(all: impl Iterator<Item = &'a Features>) -> HashSet<u32> {
    let mut seen: HashMap<u32, (u32, u32)> = HashMap::new();
    for f in all {
        for &(x, m) in &f.uses {
            let e = seen.entry(x).or_default();
            e.0 += 1;
            e.1 += m as u32;
        }
    }
    seen.into_iter()
        .filter(|&(_, (n, m))| {
            n >= PARAMS.modifier_min_uses && m as f32 >= PARAMS.modifier_share * n as f32
        })
        .map(|(x, _)| x)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::synonyms::{SynonymFile, DEFAULT_SYNONYMS};
    use crate::query::gaps::testing::items_of;

    #[test]
    fn test_a_subject_does_not_modify_its_verb() {
        let modifies = |text: &str, word: &str| {
            let s = content_stems(text, &HashMap::new());
            s.iter()
                .find(|s| s.said == word)
                .unwrap_or_else(|| panic!("{s:?}"))
                .modifies
        };
        assert!(!modifies(
            "rooms online include interpreted channels",
            "onlin"
        ));
        assert!(modifies(
            "online rooms include interpreted channels",
            "onlin"
        ));
        assert!(!modifies(
            "the Secretariat survey members on how the MAG works",
            "secretariat"
        ));
        // a noun before "be" is the subject's head, a word before it modifies it
        assert!(modifies("the online review be done", "onlin"));
    }

    /// The content stems of a text, without acronyms.
    fn stem_texts(t: &str) -> Vec<String> {
        content_stems(t, &HashMap::new())
            .into_iter()
            .map(|s| s.text)
            .collect()
    }

    #[test]
    fn test_what_a_request_is_set_against_is_not_what_it_asks() {
        assert_eq!(
            stem_texts("captions be provided for all sessions, not only the main hall"),
            stem_texts("captions be provided for all sessions")
        );
        assert_eq!(
            stem_texts("a map of every room, not just the ground floor"),
            stem_texts("a map of every room")
        );
    }

    #[test]
    fn test_synonyms_of_several_lex() {
        assert_eq!(
            stem_texts("reports published within 24 hours"),
            stem_texts("reports published quickly")
        );
        assert_eq!(stem_texts("a code of conduct"), stem_texts("guidelines"));
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
            assert_eq!(stem_texts(w), analyze(w), "{w}");
        }
        assert_eq!(stem_texts("governments"), stem_texts("policymakers"));
        assert_eq!(stem_texts("reporters"), stem_texts("journalists"));
        assert_eq!(stem_texts("developing"), stem_texts("Global South"));
        assert_eq!(
            stem_texts("a database of good practices"),
            stem_texts("a database of best practices")
        );
        assert_eq!(stem_texts("take the floor"), stem_texts("speaking"));
        // session 10: asking fewer questions shortens; a day is quick; work between
        // annual meetings is intersessional; being fair is not leaving a region disadvantaged
        assert_eq!(
            stem_texts("fewer questions"),
            stem_texts("shorter questions")
        );
        assert_eq!(
            stem_texts("reports within one day"),
            stem_texts("reports the same day")
        );
        assert_eq!(
            stem_texts("webinars between annual meetings"),
            stem_texts("webinars, intersessional")
        );
        assert_eq!(
            stem_texts("no region is disadvantaged"),
            stem_texts("no region is fair")
        );
        // to have access to a thing is to have it provided
        assert_eq!(
            stem_texts("access to interpretation"),
            stem_texts("availability of interpretation")
        );
        // an acronym every record uses without defining it
        assert_eq!(
            stem_texts("webinars on AI governance"),
            stem_texts("webinars on artificial intelligence governance")
        );
        // the times of meetings are what time zones are about
        assert_eq!(
            stem_texts("calls alternate between time zones"),
            stem_texts("calls alternate times")
        );
        // function words and words of quantity are no idea of a request
        assert_eq!(
            stem_texts("a short set of messages on how the board works"),
            stem_texts("short messages on the board")
        );
        assert_eq!(stem_texts("a series of webinars"), stem_texts("webinars"));
        // "the Forum" is the IGF, and its article does not join it to the verb before
        assert_eq!(stem_texts("the Forum"), stem_texts("the IGF"));
        // a list of languages is languages; one language is itself
        assert_eq!(
            stem_texts("in Arabic, Chinese, French, Russian and Spanish"),
            ["languag"]
        );
        assert_ne!(
            stem_texts("the French version"),
            stem_texts("the Spanish version")
        );
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

    #[test]
    fn test_a_frame_is_no_idea_of_the_request() {
        let (items, _, _) = items_of(
            &[
                "action so that the old ramps be archived",
                "the old ramps be archived",
            ],
            &HashMap::new(),
        );
        assert_eq!(items[0].bag, items[1].bag);
        assert_eq!(items[0].asked.thing, items[1].asked.thing);
    }
}
