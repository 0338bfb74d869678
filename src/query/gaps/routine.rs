//! Routine recurring administration: what comes back every year by design is no gap.
//!
//! The rule: a raising is routine when it asks that something be handed in by a calendar
//! date (a verb of the lexicon's `routine_actions` and "by" before a day and a month:
//! "facilitators upload their descriptions by 1 October", "send the nominations by the
//! end of May"), or when it is about one of the yearly calls of `routine_things` ("the
//! call for session proposals be shared widely"). A chain is routine when at least half
//! of its raisings are. It is still listed, labelled `routine`, after the other gaps.

use crate::lexicon::lexicon;
use crate::text::analysis::analyze;
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Whether one raising is routine administration (see the module's comment).
pub(super) fn is_routine(text: &str) -> bool {
    static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
        let months = lexicon().gaps.months.as_slice().join("|");
        Regex::new(&format!(
            r"(?i)\bby\s+(?:the\s+(?:end|middle|beginning)\s+of\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{months})|(?:{months})(?:\s+\d{{1,2}})?)\b"
        ))
        .expect("deadline")
    });
    static ACTIONS: LazyLock<HashSet<String>> = LazyLock::new(|| {
        lexicon()
            .gaps
            .routine_actions
            .iter()
            .flat_map(analyze)
            .collect()
    });
    let lower = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if lexicon()
        .gaps
        .routine_things
        .iter()
        .any(|t| lower.contains(t))
    {
        return true;
    }
    DEADLINE.is_match(text) && analyze(text).iter().any(|w| ACTIONS.contains(w))
}

/// Whether a chain of raisings is routine: at least half of them are.
pub(super) fn is_routine_chain<'a>(texts: impl Iterator<Item = &'a str>) -> bool {
    let (mut routine, mut all) = (0, 0);
    for t in texts {
        all += 1;
        routine += usize::from(is_routine(t));
    }
    all > 0 && 2 * routine >= all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_deadlines_to_hand_something_in_are_routine() {
        assert!(is_routine(
            "every coalition to submit its annual progress note by 15 March"
        ));
        assert!(is_routine(
            "the regional groups send their candidates by the end of May"
        ));
        assert!(is_routine(
            "members circulate the Call for Workshop Proposals in their networks"
        ));
        // a deadline for doing something is a request like any other
        assert!(!is_routine(
            "the Secretariat translate the charter into Spanish by 15 March"
        ));
        // handing in without a date is a request like any other
        assert!(!is_routine("every coalition submit a plan for outreach"));
        assert!(!is_routine(
            "the coalitions upload their reports by the plenary"
        ));
    }

    #[test]
    fn test_a_chain_is_routine_when_half_its_raisings_are() {
        let a = "each team upload its agenda by 2 June";
        let b = "the teams should publish their agendas on the website";
        let c = "the agendas be translated";
        assert!(is_routine_chain([a, b].into_iter()));
        assert!(!is_routine_chain([a, b, c].into_iter()));
        assert!(!is_routine_chain(std::iter::empty()));
    }
}
