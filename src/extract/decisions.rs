//! Decisions: what the meeting as a whole agreed, decided or set as next steps.
//!
//! A clause whose subject is the group, "we" or impersonal, with a decision verb ("The
//! MAG agreed", "it was decided", "the agenda was adopted", "so we agree"); every item
//! under a heading of decisions, next steps or action items; and, in a chair's wrap-up,
//! what "will" be done. Decisions of earlier meetings that are recalled ("as agreed at
//! the second Open Consultations") and a named person's agreement are not decisions.

use super::speakers::{Clause, Subject};
use crate::lexicon::lexicon;
use crate::model::{Block, BlockKind, Decision};
use crate::text::gate::Gate;
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
    // "The MAG agreed:" – the items of the list after it are what was agreed
    let mut agreed_list = false;
    for c in clauses {
        let block = &blocks[c.block];
        let text = c.text.trim();
        let section = block.section.map(|s| sections[s].as_str());
        if c.block != last_block && !block.is_item {
            agreed_list = false;
        }
        if agreed_list && block.is_item {
            if content_words(text) >= 3 && !out.iter().any(|d| d.text == text) {
                out.push(Decision {
                    text: text.to_string(),
                    section: section.map(str::to_string),
                    line: block.line_start,
                });
            }
            last_block = c.block;
            continue;
        }
        if c.introduces_list && is_group_decision(c) && is_bare_intro(text) {
            agreed_list = true;
            last_block = c.block;
            continue;
        }
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
        // the gate is read once for the clause, not again by the group-decision test
        let may = may_decide(text);
        let keep = if (may && RECALLED.is_match(text)) || text.ends_with('?') {
            false
        } else if (may && group_decision_after_gate(c)) || (block.is_item && is_action_item(text)) {
            true
        } else if section.is_some_and(|s| DECISION_HEADING.is_match(s))
            && block.kind == BlockKind::Paragraph
        {
            !is_announcement(text)
                && text.split_whitespace().count() >= 4
                && !text.to_lowercase().starts_with("no other")
        } else if wrap_up && is_chair_turn {
            let lower = text.to_lowercase();
            // the opener itself ("So to sum up, we have two points") announces the wrap-up
            !WRAP_UP.is_match(text)
                && WILL.is_match(text)
                && !lower.contains("i think")
                && !lower.starts_with("i ")
                && !lower.contains(" i'll ")
                && !lower.starts_with("let ")
                && !lower.contains("please")
                && !lower.starts_with("i'll ")
                && !lower.starts_with("i will ")
                && !is_housekeeping(&lower)
                && !is_announcement(text)
        } else {
            false
        };
        if !keep || content_words(text) < 3 {
            continue;
        }
        let t = text.trim_end_matches([' ']).to_string();
        if out.iter().any(|d| d.text == t || is_recap(&d.text, &t)) {
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

/// Words one of which every pattern of a decision holds (each of [`RECALLED`],
/// [`IMPERSONAL_DECISION`], [`PARTY_CONFIRMS`], [`CONSENSUS`], [`GROUP_AGREED`], [`SETTLED`],
/// [`DECISION_VERB`], [`PASSIVE_DECISION`] and the "we agree" tests of
/// [`is_group_decision`] needs one).
static DECISION_WORDS: LazyLock<Gate> = LazyLock::new(|| {
    Gate::new(&[
        "agree",
        "decid",
        "approv",
        "adopt",
        "endors",
        "resolv",
        "confirm",
        "conclud",
        "consensus",
        "consider",
        "settled",
        "objection",
        "opposition",
        "anyone",
    ])
});

/// Whether a clause can match a decision pattern ([`DECISION_WORDS`]).
fn may_decide(text: &str) -> bool {
    DECISION_WORDS.may_match(text)
}

fn is_group_decision(c: &Clause) -> bool {
    may_decide(c.text.trim()) && group_decision_after_gate(c)
}

/// [`is_group_decision`] of a clause that [`may_decide`] already let through.
fn group_decision_after_gate(c: &Clause) -> bool {
    let text = c.text.trim();
    if IMPERSONAL_DECISION.is_match(text) {
        return true;
    }
    if PARTY_CONFIRMS.is_match(text) {
        return false;
    }
    // "there was general agreement that ...", "I hear general agreement that ...": the
    // meeting's agreement, whoever reports it
    if !matches!(c.subject, Subject::Person(_))
        && (CONSENSUS.is_match(text) || GROUP_AGREED.is_match(text) || settles_a_point(text))
    {
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

/// A chair closing a point: "that's decided", "seeing no objection, it is so decided",
/// "hearing no objections, we adopt ...".
static SETTLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:that's|that\s+is|it's|it\s+is|this\s+is)\s+(?:then\s+|also\s+|so\s+)?(?:agreed|decided|settled|adopted|approved)\b|\b(?:seeing|hearing|with)\s+no\s+(?:objections?|opposition)\b").expect("settled")
});
/// Whether a chair closes a point and says what it settles ("that's decided: two slots
/// for the hubs"); the formula alone ("Seeing none, that's decided.") confirms what came
/// before and names no decision of its own.
fn settles_a_point(text: &str) -> bool {
    SETTLED.find(text).is_some_and(|m| {
        let rest = format!("{} {}", &text[..m.start()], &text[m.end()..]);
        let lower = rest.to_lowercase();
        crate::text::words(&lower)
            .filter(|w| {
                w.len() >= 3
                    && !matches!(
                        *w,
                        "seeing" | "none" | "then" | "good" | "okay" | "well" | "thank" | "you"
                    )
            })
            .count()
            >= 2
    })
}

/// A party of the meeting confirming a fact or a plan of its own ("The Secretariat
/// confirmed that interpretation would be available"): a report, not the meeting's decision.
static PARTY_CONFIRMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:the\s+)?(?:IGF\s+)?(?:secretariat|host\s+country|host|organi[sz]ers?|hosts?)\s+(?:\w+\s+)?(?:confirmed|confirms|concluded)\b").expect("party confirms")
});
/// The whole meeting or group as the subject of a decision verb inside a clause ("In
/// both sessions participants agreed that ..."): not a part of it ("several participants").
static GROUP_AGREED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\w\s]\s*|\b(?:sessions?|discussion|debate|meeting|then|and|so|finally)\s+)(?:all\s+)?(?:participants|members|delegates|the\s+(?:group|meeting|MAG|working\s+group|advisory\s+group|committee|participants|members))\s+(?:also\s+|further\s+|then\s+|unanimously\s+)?(?:agreed|decided|resolved)\s+(?:that|to|on)\b").expect("group agreed")
});
/// Dates and places of gatherings already set ("IGF 2022 will take place in Addis Ababa",
/// "the next call is on ..."): announcements. A thing introduced with "a"/"an" that
/// "will be held" is being set up by the meeting, a decision ("A follow-up discussion
/// will be held at ...").
fn is_announcement(text: &str) -> bool {
    static NEXT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\bnext\s+(?:[\w-]+\s+){0,3}(?:meeting|call)\s*(?::|is\b|will\b|was\b|takes\b|on\b)|^\s*(?:next|our\s+next)\s+(?:meeting|call)\b|\bmeet\s+again\b").expect("next meeting")
    });
    if NEXT.is_match(text) {
        return true;
    }
    let lower = text.trim_start().to_lowercase();
    ANNOUNCEMENT.is_match(text) && !(lower.starts_with("a ") || lower.starts_with("an "))
}

/// Whether a chair's sentence is about running the meeting (a break, the floor, a check).
fn is_housekeeping(lower: &str) -> bool {
    let words: Vec<&str> = crate::text::words(lower).collect();
    words
        .iter()
        .any(|w| lexicon().acts.housekeeping.contains(w))
}

/// Whether a clause that introduces a list says only that the meeting decided ("The MAG
/// agreed:", "It was decided that:"), leaving what to the list.
fn is_bare_intro(text: &str) -> bool {
    let t = text.trim_end_matches([':', ' ']);
    DECISION_VERB
        .find_iter(t)
        .chain(PASSIVE_DECISION.find_iter(t))
        .any(|m| {
            let rest = t[m.end()..].trim().to_lowercase();
            rest.is_empty()
                || matches!(
                    rest.as_str(),
                    "that" | "to" | "on" | "the following" | "on the following"
                )
        })
}

/// Share of the shorter decision's content words that the other must hold for the later
/// one to be a recap of the earlier (an executive summary item retold in the body). Chosen
/// on the gold of the dev set and train2 (train): two distinct decisions of one meeting
/// share at most 0.67 of the shorter's words of four letters or more.
const RECAP_OVERLAP: f64 = 0.8;

/// Whether `later` retells `earlier`: most content words of the shorter are in the other.
fn is_recap(earlier: &str, later: &str) -> bool {
    let set = |t: &str| -> std::collections::HashSet<String> {
        crate::text::words(t)
            .filter(|w| w.len() >= 4)
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (set(earlier), set(later));
    let small = a.len().min(b.len());
    if small < 5 {
        return false;
    }
    let shared = a.intersection(&b).count();
    shared as f64 >= RECAP_OVERLAP * small as f64
}

/// An action item written as an owner and a task: "Secretariat to circulate the list",
/// "Ana and Li to draft the note" – one to four capitalised words or group words, "to" and
/// a verb of action, with no finite verb before it.
static ACTION_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-*•]\s*)?(?:the\s+|The\s+|all\s+|All\s+)?((?:[\p{Lu}][\p{L}\p{M}'’.-]*|and|&|members|co-chairs|chairs|participants|everyone)(?:\s+(?:[\p{Lu}][\p{L}\p{M}'’.-]*|and|&|members|co-chairs|chairs|participants)){0,3})\s+to\s+([a-z]+)\b").expect("action item")
});

/// Whether a list item assigns a task to an owner (see [`ACTION_ITEM`]). An owner that is
/// a noun of the agenda ("Proposal to merge ...", "Call to submit ...") assigns nothing.
fn is_action_item(text: &str) -> bool {
    ACTION_ITEM.captures(text).is_some_and(|c| {
        let verb = c.get(2).map_or("", |m| m.as_str());
        let owner = c.get(1).map_or("", |m| m.as_str()).to_lowercase();
        (super::request::BASE_VERBS.contains(&verb) || lexicon().acts.task_verbs.contains(verb))
            && !owner
                .split_whitespace()
                .any(|w| lexicon().acts.not_owners.contains(w))
    })
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
    fn test_every_decision_pattern_needs_a_gate_word() {
        // clauses of my own that each decision pattern matches: the gate lets them by
        let cases: [(&LazyLock<Regex>, &str); 9] = [
            (&RECALLED, "Does anyone want the floor"),
            (&RECALLED, "No, any objection then"),
            (&IMPERSONAL_DECISION, "It was resolved that dates move"),
            (&CONSENSUS, "There was broad agreement on dates"),
            (&GROUP_AGREED, "Finally members decided to move"),
            (&SETTLED, "Hearing no opposition, we move on"),
            (&DECISION_VERB, "The board considers the item finished"),
            (&PASSIVE_DECISION, "The plan was formally endorsed"),
            (&PARTY_CONFIRMS, "The host confirmed the venue"),
        ];
        for (re, text) in cases {
            assert!(re.is_match(text), "{text}");
            assert!(may_decide(text), "{text}");
        }
        assert!(!may_decide("The group met on Monday to review the venue."));
        assert!(may_decide("Le groupe a adopté — à l'unanimité"));
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

    #[test]
    fn test_the_items_after_the_meeting_agreed_colon_are_its_decisions() {
        // the decisions read from an introducing clause and the list items after it
        let after = |intro: &str, subject: Subject, items: &[&str]| -> Vec<String> {
            let mut c = vec![Clause {
                introduces_list: true,
                ..clause(intro, subject)
            }];
            let mut blocks = vec![para()];
            for (n, text) in items.iter().enumerate() {
                c.push(Clause {
                    block: n + 1,
                    ..clause(text, Subject::Other)
                });
                let mut item = para();
                item.is_item = true;
                blocks.push(item);
            }
            decisions(&c, &blocks, &[], None)
                .into_iter()
                .map(|d| d.text)
                .collect()
        };
        let items = [
            "to hold the spring retreat online this year",
            "to publish the minutes within a week",
        ];
        assert_eq!(
            after("The committee agreed:", Subject::Group, &items),
            items
        );
        // a list after a person's agreement is not the meeting's
        let person = Subject::Person("Ms. Lee".into());
        assert!(after("Ms. Lee agreed:", person, &items[..1]).is_empty());
    }

    #[test]
    fn test_agreement_reported_by_anyone_but_a_person_is_the_meetings() {
        let c = [clause(
            "I think I hear broad agreement that the hubs get their own slot.",
            Subject::FirstPerson("Chair".into()),
        )];
        assert_eq!(decisions(&c, &[para()], &[], None).len(), 1);
        let c = [clause(
            "In the second session members agreed to pilot the new template.",
            Subject::Other,
        )];
        assert_eq!(decisions(&c, &[para()], &[], None).len(), 1);
        let c = [clause(
            "In the second session several members agreed to pilot the new template.",
            Subject::Other,
        )];
        assert!(decisions(&c, &[para()], &[], None).is_empty());
    }

    #[test]
    fn test_a_party_confirming_a_fact_is_not_a_decision() {
        let c = [clause(
            "The Secretariat confirmed that captioning would be provided in all rooms.",
            Subject::Group,
        )];
        assert!(decisions(&c, &[para()], &[], None).is_empty());
        let c = [clause(
            "The MAG confirmed the three themes for the annual meeting.",
            Subject::Group,
        )];
        assert_eq!(decisions(&c, &[para()], &[], None).len(), 1);
    }

    #[test]
    fn test_under_next_steps_a_new_session_is_decided_a_dated_meeting_announced() {
        let mut b = para();
        b.section = Some(0);
        let c = [
            clause(
                "A joint session with the youth coalition will be held on day two.",
                Subject::Other,
            ),
            clause(
                "The regional forum will take place in Dakar in October.",
                Subject::Other,
            ),
        ];
        let d = decisions(&c, &[b], &["Next steps".into()], None);
        assert_eq!(d.len(), 1);
        assert!(d[0].text.starts_with("A joint session"));
    }

    #[test]
    fn test_a_chairs_housekeeping_in_a_wrap_up_is_not_a_decision() {
        let mut t = para();
        t.kind = BlockKind::Turn;
        t.speaker = Some("Ana Ruiz".into());
        let who = || Subject::FirstPerson("Ana Ruiz".into());
        let c = [
            clause("So to sum up, we have two points.", who()),
            clause(
                "The Secretariat will draft the call for hubs by Friday.",
                who(),
            ),
            clause("We'll break for coffee and resume at ten.", who()),
            clause("I'll give the floor to our host now.", who()),
        ];
        let d = decisions(&c, &[t], &[], Some("Ana Ruiz"));
        assert_eq!(d.len(), 1);
        assert!(d[0].text.contains("call for hubs"));
    }

    #[test]
    fn test_a_recap_of_a_decision_is_counted_once() {
        let c = [
            clause(
                "The MAG decided to hold three main sessions on data, inclusion and trust.",
                Subject::Group,
            ),
            clause(
                "After a long debate, the MAG decided to hold three main sessions on data, inclusion and trust.",
                Subject::Group,
            ),
            clause(
                "The MAG decided to hold the closing session on inclusion in the large hall.",
                Subject::Group,
            ),
        ];
        assert_eq!(decisions(&c, &[para()], &[], None).len(), 2);
    }

    #[test]
    fn test_an_owner_and_a_task_in_a_list_is_an_action_item() {
        let mut b = para();
        b.is_item = true;
        let c = [
            clause(
                "Kofi and Lena to draft the hub guide by May.",
                Subject::Other,
            ),
            clause("Secretariat to update the session grid.", Subject::Other),
            clause("Proposal to merge the two youth workshops.", Subject::Other),
            clause("Response to the call for inputs.", Subject::Other),
        ];
        let d = decisions(&c, &[b], &[], None);
        assert_eq!(d.len(), 2);
        assert!(d[1].text.starts_with("Secretariat"));
    }

    #[test]
    fn test_a_chair_closing_a_point_decides_it() {
        let who = || Subject::FirstPerson("Ana Ruiz".into());
        let c = [clause(
            "Good, then that's decided: two slots for the hubs.",
            who(),
        )];
        assert_eq!(decisions(&c, &[para()], &[], None).len(), 1);
        let c = [clause(
            "Seeing no objection, the youth track keeps its own room.",
            who(),
        )];
        assert_eq!(decisions(&c, &[para()], &[], None).len(), 1);
        let c = [clause("Seeing none, that's decided.", who())];
        assert!(decisions(&c, &[para()], &[], None).is_empty());
        let c = [clause("Is that decided, or do we need more time?", who())];
        assert!(decisions(&c, &[para()], &[], None).is_empty());
        let c = [clause("I see no objection so far to the idea.", who())];
        assert!(decisions(&c, &[para()], &[], None).is_empty());
    }
}
