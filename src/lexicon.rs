//! The word lists that rules use, in one data file (`data/lexicon.toml`), loaded once.
//!
//! Every list lives in the file exactly once, under the section of the stage that reads it;
//! a rule takes it from [`lexicon()`] instead of holding a `&[&str]` of its own. The file is
//! compiled in, so the binary needs nothing beside it; a list that is missing or misspelt
//! fails the `lexicon_parses` test, not a user's run.

use serde::Deserialize;
use std::sync::LazyLock;

/// The compiled-in lexicon, as written in `data/lexicon.toml`.
pub const DEFAULT_LEXICON: &str = include_str!("../data/lexicon.toml");

/// A list of words, kept in its written order, with a set for membership tests.
#[derive(Debug, Default)]
pub struct Words {
    list: Vec<&'static str>,
    set: crate::hash::FastSet<&'static str>,
}

impl Words {
    /// The words in the order the file gives them.
    pub fn as_slice(&self) -> &[&'static str] {
        &self.list
    }
    /// Whether `w` is one of the words, as written (callers fold case first where they mean to).
    pub fn contains(&self, w: &str) -> bool {
        self.set.contains(w)
    }
    /// The words, in the file's order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.list.iter().copied()
    }
}

impl<'de> Deserialize<'de> for Words {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let owned: Vec<String> = Vec::deserialize(d)?;
        // Leaked once per process: the lexicon lives as long as the program.
        let list: Vec<&'static str> = owned
            .into_iter()
            .map(|s| &*Box::leak(s.into_boxed_str()))
            .collect();
        let set = list.iter().copied().collect();
        Ok(Words { list, set })
    }
}

/// Every word list, by the stage that reads it. Add a list as a field of its section and
/// an array of the same name in `data/lexicon.toml`; unknown names in the file are refused.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    /// Words about people: titles before a name.
    pub people: People,
    /// Words the speaker attribution reads (`extract::speakers`).
    pub speakers: Speakers,
    /// Words the key phrases of a meeting are cut by (`extract::phrases`).
    pub phrases: Phrases,
    /// Words the gap rules and the request analysis read.
    pub gaps: Gaps,
    /// Words the sentence splitter reads (`text::sentences`).
    pub text: Text,
    /// Words the passage records read (`extract::passages`).
    pub passages: Passages,
    /// Words the proposal and decision rules read (`extract::proposals`,
    /// `extract::decisions`).
    pub acts: Acts,
}

/// Words that tell where a sentence ends (`text::sentences`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Abbreviations, as written, after which a full stop does not end a sentence.
    pub no_break_after: Words,
    /// Capitalised words that start a sentence after an initial ("J. The ...") rather than
    /// continue a name ("J. Smith").
    pub sentence_starters: Words,
}

/// Words that rank a passage (`extract::passages`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Passages {
    /// Lower-case words of a turn that only keeps the conversation going.
    pub backchannel: Words,
}

/// Words that tell a course of action from talk about it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acts {
    /// Verbs after "offered to" / "happy to" that only offer help, not a course of action
    /// ("offered to help with the mapping").
    pub help_verbs: Words,
    /// Verbs of a question that asks for information or attention, not for an action
    /// ("Could you tell us ...", "Can you hear me?").
    pub info_verbs: Words,
    /// Words of the running of the meeting itself: a chair's "we'll break for coffee" is
    /// housekeeping, not a decision.
    pub housekeeping: Words,
    /// Nouns of an agenda that stand where an action item's owner would ("Proposal to
    /// merge ...", "Call to submit ..."), lower-case.
    pub not_owners: Words,
    /// Verbs of a task beside the verbs of action of the request grammar
    /// (`extract::request::BASE_VERBS`): "Ms. X to contact the organisers".
    pub task_verbs: Words,
}

/// Words that name or qualify people.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct People {
    /// Titles written before a name ("Mr", "Dr", "H.E."), without their full stop.
    pub honorifics: Words,
    /// Lower-case particles that belong inside names ("Wout de Natris").
    pub particles: Words,
}

/// Words that tell who a clause or a turn belongs to (`extract::speakers`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Speakers {
    /// Verbs that report a contribution when a named person is their subject.
    pub speech_verbs: Words,
    /// Words that start a subject which is a group, not a person.
    pub group_words: Words,
    /// Words that cannot be part of a person's name when they lead it or stand in it.
    pub non_name: Words,
    /// Role words that make a turn label a role rather than a name.
    pub label_roles: Words,
    /// Verbs by which a mail's writer states a view or proposal of their own ("I agree",
    /// "I think"), not only hands on a record (`extract::mail`).
    pub first_person_stance: Words,
}

/// Words that end, start or may stand inside a key phrase (`extract::phrases`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phrases {
    /// Words that may not start or end a phrase.
    pub stop: Words,
    /// Words of meeting logistics: a phrase made only of these is not a topic ("working group", "Host Country", "MAG Chair").
    pub generic: Words,
    /// Verbs that cannot start a topic ("stress the importance", "ask the Secretariat").
    pub verb_start: Words,
    /// Words allowed inside a phrase ("terms of reference", "freedom of expression").
    pub inner: Words,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    toml::from_str(DEFAULT_LEXICON)
        .expect("data/lexicon.toml is checked by the lexicon_parses test")
});

/// The lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// The word lists of `quorum gaps` and of the request analysis it reads
/// (`extract::request`), in the order the rules try them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gaps {
    /// Words that link the parts of one name ("Terms of Reference", "ToR of the MAG", "the
    /// MAG's ToR"), with the articles that may follow them. An article alone starts a new name:
    /// in "review the ToR" the action and the thing are two ideas.
    pub name_links: Words,
    /// Actions that only support another, named as a noun ("translation of the reports be
    /// funded" asks for translation): a proposal whose action is one of these may name the
    /// other's action in its words. Any other action stands on its own, and a noun that shares
    /// a stem with the other's verb ("the welcome packs be redesigned" / "the app be packed")
    /// names no action.
    pub support_actions: Words,
    /// Participles that say a thing was done after "has been" or "was" (`query::gaps::status`,
    /// whose completion rule and index query are both built from these three lists).
    pub done_participles: Words,
    /// Participles that say a thing was done only after "has been" ("has been adopted"):
    /// "was adopted" records a meeting's own decision.
    pub done_perfect_only: Words,
    /// States that say a thing was done after "is now" ("the tracker is now live").
    pub done_states: Words,
    /// Phrases that say a thing was done alone ("went live", "took place").
    pub done_alone: Words,
    /// The words of a decision that names nothing of its own ("Seeing no objection, that's
    /// decided"): it settles what was proposed just before it.
    pub decision_frame: Words,
    /// Words that say a decision was taken (query::gaps::decided): a decision record with
    /// none of them ("She proposed to organise a workshop on ...", "The discussion touched
    /// on ...") adopted nothing.
    pub decision_words: Words,
    /// Verbs that open a decision to go on with work under way ("continue the work on
    /// ...", `query::gaps::decided`), with one of `continued_work` after them.
    pub continued_verbs: Words,
    /// What such a decision goes on with: the work, the discussion ...
    pub continued_work: Words,
    /// Verbs of handing something in by a date: with a calendar deadline, routine
    /// administration (`query::gaps::routine`).
    pub routine_actions: Words,
    /// Yearly calls that are routine administration ("the call for session proposals").
    pub routine_things: Words,
    /// Stems that carry no proposal content.
    pub stop: Words,
    /// Words that open a phrase of time, place, company or means ("by 3 May", "before the
    /// plenary", "next to the booth", "using the template"): when and where a request is to be
    /// met, what it goes with and how, are not what it asks for.
    pub adjunct_openers: Words,
    /// Openers of phrases of means ("using the sign-up sheet circulated by the Secretariat"),
    /// which run on to the end of their clause, not six words.
    pub means_openers: Words,
    /// Words that end such a phrase: the clause goes on.
    pub clause_words: Words,

    /// Month names, which make "by" open a date ("by 3 May").
    pub months: Words,
    /// Words that open the reason for a request ("because the way we work has changed", "in
    /// order to reach more people") or what it is set against ("rather than being merged with
    /// ...", "for all sessions, not only the main hall"): neither is what is asked, and two
    /// restatements rarely give the same.
    pub reason_openers: Words,

    /// Articles: one alone starts a new name ("review the ToR" is two ideas).
    pub articles: Words,
    /// Participles that do not end in -ed or -en.
    pub irregular_participles: Words,
    /// Participles too light to say what is to be done ("be made available", "be given a
    /// role").
    pub light_participles: Words,

    /// Words between the subject and "be" of a passive request ("should", "needs to").
    pub before_be: Words,

    /// Verbs of giving: whom they give to, named before the thing, is what is asked of.
    pub giving: Words,

    /// Verbs of having: their object with "a" or "an" is a thing asked to have.
    pub having: Words,

    /// Words that end the name of a thing asked to have.
    pub ends: Words,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_parses() {
        let l: Lexicon = toml::from_str(DEFAULT_LEXICON).expect("data/lexicon.toml parses");
        assert!(l.people.honorifics.contains("dr"));
        assert!(!l.people.honorifics.contains("Doctorate"));
        assert!(l.speakers.speech_verbs.contains("said"));
        assert!(l.speakers.label_roles.contains("CHAIR"));
        assert!(l.text.no_break_after.contains("Ms."));
        assert!(l.text.sentence_starters.contains("The"));
        assert!(l.passages.backchannel.contains("okay"));
        assert!(!l.passages.backchannel.contains("charter"));
    }
}
