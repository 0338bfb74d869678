//! A mail message's author as the speaker of what they write: the paragraphs in the first
//! person that no one else is named for, and the proposals in them.

use crate::model::{BlockKind, Meeting, Proposal};
use crate::text::sentences;
use regex::Regex;
use std::sync::LazyLock;

static FIRST_PERSON: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:I|I'd|I'm|I'll|I've|my|me)\b").expect("first person"));

/// Makes `author` the speaker of the meeting's unattributed first-person paragraphs and
/// adds the proposals they make.
pub fn attribute_author(m: &mut Meeting, author: &str) {
    let author = author.to_string();
    let author = &author;
    let mut spoke = false;
    let mut found: Vec<Proposal> = Vec::new();
    for b in m.blocks.iter_mut() {
        if b.kind != BlockKind::Paragraph || b.speaker.is_some() || !FIRST_PERSON.is_match(&b.text)
        {
            continue;
        }
        b.speaker = Some(author.clone());
        spoke = true;
        for (_, s) in sentences(&b.text) {
            if !FIRST_PERSON.is_match(s) && !s.to_lowercase().contains("we ") {
                continue;
            }
            if let Some(t) = super::proposals::first_person(s) {
                let t = t.trim().trim_end_matches(['.', ' ']).to_string();
                if t.split_whitespace().count() >= 2 {
                    found.push(Proposal {
                        speaker: author.clone(),
                        text: t,
                        section: b.section.map(|i| m.sections[i].clone()),
                        line: b.line_start,
                    });
                }
            }
        }
    }
    if spoke && !m.speakers.iter().any(|s| s == author) {
        m.speakers.insert(0, author.clone());
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
}
