//! Decisions: what the meeting as a whole agreed, decided or set as next steps.
//!
//! A clause whose subject is the group, "we" or impersonal, with a decision verb ("The
//! MAG agreed", "it was decided", "the agenda was adopted", "so we agree"); every item
//! under a heading of decisions, next steps or action items; and, in a chair's wrap-up,
//! what "will" be done. Decisions of earlier meetings that are recalled ("as agreed at
//! the second Open Consultations") and a named person's agreement are not decisions.

use super::speakers::{Clause, Subject};
use crate::model::{Block, BlockKind, Decision};
use regex::Regex;
use std::sync::LazyLock;

static DECISION_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:agreed|agrees|agree|decided|decides|decide|approved|approves|adopted|endorsed|resolved|confirmed|confirms|concluded|concludes|reached\s+(?:a\s+)?consensus|consensus\s+(?:decision\s+)?was\s+(?:reached|taken)|considers\s+.{0,60}\b(?:closed|complete|completed|concluded|finished))\b")
        .expect("decision verb")
});
static PASSIVE_DECISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:was|were|is|are|has\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:adopted|approved|agreed|decided|endorsed)\b").expect("passive decision")
});
static RECALLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:as\s+(?:previously\s+)?agreed|had\s+(?:been\s+)?(?:agreed|decided|approved|adopted)|previously\s+(?:agreed|decided)|(?:agreed|decided|adopted|approved)\s+(?:at|in|during)\s+(?:the\s+)?(?:first|second|third|last|previous|earlier|\d{4})|agreed\s+with\b|agree\s+with\b|does\s+anyone|any\s+objection|do\s+we\s+agree|can\s+we\s+agree\s*\?|adopted\s+by\s+the\s+general\s+assembly|(?:adopted|approved)\s+(?:at|by|in)\s+(?:the\s+)?[A-Z])").expect("recalled")
});
static DECISION_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:action\s+items?|action\s+points?|next\s+steps|decisions?(?:\s+taken)?|agreed|agreements?|conclusions|follow[- ]up\s+actions|to[- ]dos?|outcomes?\s+and\s+next\s+steps)\b").expect("decision heading")
});
static ANNOUNCEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:will\s+take\s+place|will\s+be\s+held|is\s+planned\s+for|is\s+scheduled|takes\s+place)\b|\bnext\s+(?:[\w-]+\s+){0,3}(?:meeting|call)\s*(?::|is\b|will\b|was\b|takes\b|on\b)|^\s*(?:next|our\s+next)\s+(?:meeting|call)\b").expect("announcement")
});
static IMPERSONAL_DECISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bit\s+(?:was|is|has\s+been)\s+(?:also\s+|further\s+|therefore\s+|then\s+)?(?:agreed|decided|resolved)\b").expect("impersonal decision")
});
static WRAP_UP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:wrap\s+up|summari[sz]e\s+where|to\s+conclude|let\s+me\s+conclude|action\s+points|action\s+items|let\s+me\s+recap|to\s+sum\s+up|in\s+summary|we\s+have\s+agreement|so\s+we\s+agree|way\s+forward|settle\s+it|let's\s+settle|then\s+it's\s+settled)\b").expect("wrap-up")
});
static CONSENSUS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:consensus\s+(?:decision\s+)?was\s+(?:reached|taken|found)|there\s+was\s+(?:general\s+)?(?:consensus|agreement)\s+(?:that|to|on)|(?:general|broad|full)\s+agreement\s+(?:that|to|on))\b").expect("consensus")
});
static WILL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bwill\b|'ll\b|^[A-Z][\w\s()]{0,40}?\bto\s+[a-z]+").expect("will")
});

/// Reads decisions from attributed clauses.
pub fn decisions(
    clauses: &[Clause],
    blocks: &[Block],
    sections: &[String],
    moderator: Option<&str>,
) -> Vec<Decision> {
    let mut out: Vec<Decision> = Vec::new();
    let mut wrap_up = false;
    let mut last_block = usize::MAX;
    for c in clauses {
        let block = &blocks[c.block];
        let text = c.text.trim();
        let section = block.section.map(|s| sections[s].as_str());
        let is_chair_turn = block.kind == BlockKind::Turn
            && moderator.is_some()
            && block.speaker.as_deref() == moderator;
        if c.block != last_block && block.kind != BlockKind::Turn {
            wrap_up = false;
        }
        last_block = c.block;
        if is_chair_turn && WRAP_UP.is_match(text) {
            wrap_up = true;
        }
        let keep = if RECALLED.is_match(text) || text.ends_with('?') {
            false
        } else if is_group_decision(c) {
            true
        } else if section.is_some_and(|s| DECISION_HEADING.is_match(s))
            && block.kind == BlockKind::Paragraph
        {
            !ANNOUNCEMENT.is_match(text)
                && text.split_whitespace().count() >= 4
                && !text.to_lowercase().starts_with("no other")
        } else if wrap_up && is_chair_turn {
            let lower = text.to_lowercase();
            WILL.is_match(text)
                && !lower.contains("i think")
                && !lower.starts_with("i ")
                && !lower.contains(" i'll ")
                && !lower.starts_with("let ")
                && !lower.contains("please")
                && !ANNOUNCEMENT.is_match(text)
        } else {
            false
        };
        if !keep || content_words(text) < 3 {
            continue;
        }
        let t = text.trim_end_matches([' ']).to_string();
        if out.iter().any(|d| d.text == t) {
            continue; // a recap repeating a decision
        }
        out.push(Decision {
            text: t,
            section: section.map(str::to_string),
            line: block.line_start,
        });
    }
    out
}

fn is_group_decision(c: &Clause) -> bool {
    let text = c.text.trim();
    if IMPERSONAL_DECISION.is_match(text) {
        return true;
    }
    match &c.subject {
        Subject::Group | Subject::Impersonal => {
            DECISION_VERB.is_match(text) || PASSIVE_DECISION.is_match(text)
        }
        Subject::FirstPerson(_) => {
            let lower = text.to_lowercase();
            let we = lower.contains("we agree")
                || lower.contains("we have agreed")
                || lower.contains("we decided")
                || lower.contains("we can agree");
            (we || PASSIVE_DECISION.is_match(text)
                || lower.contains("agrees that")
                || lower.contains("agrees to")
                || lower.contains("it is agreed")
                || lower.contains("is also agreed"))
                && !lower.starts_with("i agree")
        }
        // "Ms. St. Amour opened the call ..., which was adopted without changes"
        Subject::Person(_) => {
            PASSIVE_DECISION.is_match(text) && text.to_lowercase().contains("agenda")
        }
        Subject::Other => {
            PASSIVE_DECISION.is_match(text)
                || CONSENSUS.is_match(text)
                || (DECISION_VERB.is_match(text) && group_like_start(text))
        }
    }
}

fn group_like_start(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    first.chars().all(|c| c.is_uppercase() || c == '-') && first.len() >= 2
}

fn content_words(text: &str) -> usize {
    crate::text::words(text).filter(|w| w.len() >= 3).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause(text: &str, subject: Subject) -> Clause {
        Clause {
            block: 0,
            text: text.into(),
            subject,
            verb: None,
            introduces_list: false,
        }
    }

    fn para() -> Block {
        Block::paragraph(1, "")
    }

    #[test]
    fn test_group_agreement_is_a_decision() {
        let c = [clause(
            "The group agreed to prepare a shared document for members.",
            Subject::Group,
        )];
        assert_eq!(decisions(&c, &[para()], &[], None).len(), 1);
        let c = [clause(
            "It was also agreed that the Secretariat would circulate a list.",
            Subject::Impersonal,
        )];
        assert_eq!(decisions(&c, &[para()], &[], None).len(), 1);
    }

    #[test]
    fn test_person_agreement_and_recalled_decisions_are_not() {
        let c = [
            clause("Jorge Cancio agreed with the first point.", Subject::Person("Jorge Cancio".into())),
            clause("The MAG agreed at the first Open Consultations in Vienna to organize eight sub-themes.", Subject::Group),
            clause("Participants generally supported the tracker.", Subject::Group),
        ];
        assert!(decisions(&c, &[para()], &[], None).is_empty());
    }

    #[test]
    fn test_items_under_action_items_are_decisions() {
        let mut b = para();
        b.section = Some(0);
        b.is_item = true;
        let c = [
            clause(
                "Secretariat to circulate the updated grid by Monday.",
                Subject::Other,
            ),
            clause("Next call: 31 July, same time.", Subject::Other),
        ];
        let d = decisions(&c, &[b], &["Action items".into()], None);
        assert_eq!(d.len(), 1);
    }
}
