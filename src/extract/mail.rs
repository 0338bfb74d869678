//! A mail message's writers as the speakers of what they write: the author of the message
//! and of each quoted message kept as the record, for the paragraphs and sentences they
//! write in the first person, and the proposals in them.

use crate::model::{BlockKind, Meeting, Proposal};
use crate::text::sentences;
use regex::Regex;
use std::sync::LazyLock;

static FIRST_PERSON: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:I|I'd|I'm|I'll|I've|my|me)\b").expect("first person"));
/// "I proposed that ...": a note-taker reporting their own proposal in the past tense.
static REPORTED_OWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bI\s+(?:also\s+)?(?:proposed|suggested|recommended|asked)\s+(?:that\s+)?")
        .expect("own reported proposal")
});

/// Whether a first-person sentence states the writer's view or proposal ("I agree",
/// "I think we should"), rather than handing on the record ("here are my notes").
pub fn states_view(sentence: &str) -> bool {
    let stance = &crate::lexicon::lexicon().speakers.first_person_stance;
    FIRST_PERSON.is_match(sentence)
        && sentence
            .split(|c: char| !c.is_alphabetic())
            .any(|w| stance.contains(&w.to_lowercase()))
}

/// Makes `author` the speaker of the meeting's unattributed first-person paragraphs and
/// adds the proposals they make.
pub fn attribute_author(m: &mut Meeting, author: &str) {
    attribute_authors(m, Some(author), &[]);
}

/// Makes the writer of each part of a message the speaker of its unattributed
/// first-person paragraphs: `author` wrote the message, each voice `(line, name)` the
/// quoted message from that line on. A writer is one of the meeting's speakers when
/// they state a view or a proposal of their own ([`states_view`]); one who only hands
/// on the minutes is not. Adds the proposals they make.
pub fn attribute_authors(m: &mut Meeting, author: Option<&str>, voices: &[(usize, String)]) {
    let writer_at = |line: usize| {
        voices
            .iter()
            .rev()
            .find(|(from, _)| *from <= line)
            .map(|(_, a)| a.clone())
            .or_else(|| author.map(str::to_string))
    };
    let mut spoke: Vec<String> = Vec::new();
    let mut found: Vec<Proposal> = Vec::new();
    for b in m.blocks.iter_mut() {
        if b.kind != BlockKind::Paragraph || !FIRST_PERSON.is_match(&b.text) {
            continue;
        }
        let Some(writer) = writer_at(b.line_start) else {
            continue;
        };
        // a paragraph that names someone else is still the writer's where it says "I"
        let others = b.speaker.is_some();
        if !others {
            b.speaker = Some(writer.clone());
        }
        for (_, s) in sentences(&b.text) {
            let own = FIRST_PERSON.is_match(s);
            if !own && (others || !s.to_lowercase().contains("we ")) {
                continue;
            }
            if states_view(s) && !spoke.contains(&writer) {
                spoke.push(writer.clone());
            }
            let reported = || REPORTED_OWN.find(s).map(|f| s[f.end()..].to_string());
            if let Some(t) = super::proposals::first_person(s).or_else(reported) {
                let t = t.trim().trim_end_matches(['.', ' ']).to_string();
                if t.split_whitespace().count() >= 2 {
                    if !spoke.contains(&writer) {
                        spoke.push(writer.clone());
                    }
                    found.push(Proposal {
                        speaker: writer.clone(),
                        text: t,
                        section: b.section.map(|i| m.sections[i].clone()),
                        line: b.line_start,
                    });
                }
            }
        }
    }
    for (k, w) in spoke.into_iter().enumerate() {
        if !m.speakers.iter().any(|s| s == &w) {
            m.speakers.insert(k.min(m.speakers.len()), w);
        }
    }
    if !found.is_empty() {
        m.proposals.extend(found);
        m.proposals.sort_by_key(|p| p.line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_first_person_paragraph_is_the_authors_and_third_person_is_not() {
        let mut m = crate::pipeline::parse(
            "m.txt",
            "Notes\n\nI would suggest that we publish the notes within a week.\n\nThe group met on Tuesday.\n",
        );
        attribute_author(&mut m, "Ana Lee");
        assert!(m.speakers.iter().any(|s| s == "Ana Lee"));
        assert!(m
            .blocks
            .iter()
            .any(|b| b.speaker.as_deref() == Some("Ana Lee")));
        assert!(m
            .blocks
            .iter()
            .filter(|b| b.text.starts_with("The group met"))
            .all(|b| b.speaker.is_none()));
    }

    #[test]
    fn test_an_author_who_only_hands_on_notes_is_no_speaker() {
        let mut m = crate::pipeline::parse(
            "m.txt",
            "Notes\n\nHere are my notes of the call held on Friday, for those who missed it.\n",
        );
        attribute_author(&mut m, "Ana Lee");
        assert!(!m.speakers.iter().any(|s| s == "Ana Lee"));
        let mut m = crate::pipeline::parse(
            "m.txt",
            "Notes\n\nI disagree with the second point of these notes on the budget.\n",
        );
        attribute_author(&mut m, "Ana Lee");
        assert!(m.speakers.iter().any(|s| s == "Ana Lee"));
    }

    #[test]
    fn test_a_quoted_voice_owns_the_lines_after_it() {
        let text = "Notes\n\nI support the draft budget as it was circulated.\n\n\
                    I'd suggest that we move the retreat to the spring.\n";
        let mut m = crate::pipeline::parse("m.txt", text);
        attribute_authors(&mut m, Some("Ana Lee"), &[(5, "Ben Ode".to_string())]);
        assert!(m.speakers.iter().any(|s| s == "Ana Lee"));
        assert!(m
            .proposals
            .iter()
            .any(|p| p.speaker == "Ben Ode" && p.text.contains("retreat")));
        assert!(!m.proposals.iter().any(|p| p.speaker == "Ana Lee"));
    }

    #[test]
    fn test_own_past_proposal_of_a_note_taker() {
        let mut m = crate::pipeline::parse(
            "m.txt",
            "Notes\n\nI proposed that the slides be shared before the next call.\n",
        );
        attribute_author(&mut m, "Ana Lee");
        assert!(m.proposals.iter().any(|p| p.speaker == "Ana Lee"));
        let mut m = crate::pipeline::parse(
            "m.txt",
            "Notes\n\nI presented the slides that were shared before the call.\n",
        );
        attribute_author(&mut m, "Ana Lee");
        assert!(!m.proposals.iter().any(|p| p.speaker == "Ana Lee"));
    }
}
