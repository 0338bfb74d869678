//! Proposals: suggested courses of action attributed to a named person.
//!
//! Reported speech ("X suggested that ...", "She urged the Secretariat to ..."), a
//! reported clause with a deontic modal ("X argued that the paper should ..."), and, in
//! turns, first-person proposals ("I would propose that ...", "I'd ask ...") or a modal
//! sentence of the speaker's own ("The MAG should make sure ..."). Questions, procedural
//! chairing, offers and opinions without an action are not proposals.

use super::request::verb_after_subject;
use super::speakers::{Clause, Subject};
use crate::lexicon::lexicon;
use crate::model::{Block, Proposal};
use regex::Regex;
use std::sync::LazyLock;

/// Reporting verbs that introduce a proposal in prose.
static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:advocated\s+for|advocates\s+for|advocated|argued\s+for|suggested|suggests|proposed|proposes|recommended|recommends|urged|urges|advised|advises|requested|requests|called\s+for|calls\s+for|called\s+on|calls\s+on|pressed\s+for|pleaded\s+for|asked|asks|invited|invites|encouraged|encourages|put\s+forward|insisted|offered\s+to|offers\s+to|volunteered\s+to|volunteers\s+to)\b(?:\s+that\b)?")
        .expect("reported proposal verbs")
});
/// First-person proposals in a turn.
static FIRST_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:I|we)\s+(?:would\s+|'d\s+|do\s+|strongly\s+|also\s+|just\s+|really\s+|would\s+also\s+|would\s+like\s+to\s+|'d\s+like\s+to\s+|want\s+to\s+|wanted\s+to\s+|wish\s+to\s+)*(?:suggest|propose|recommend|urge|ask|request|invite|encourage|call\s+on|call\s+for)\b|I'd\s+(?:also\s+)?(?:suggest|propose|recommend|ask|like\s+to\s+(?:suggest|propose|ask))\b|(?:I|we)(?:\s+would|'d)\s+(?:also\s+)?(?:be\s+(?:very\s+|more\s+than\s+)?(?:happy|glad|pleased|willing)\s+to|like\s+to\s+offer\s+to|(?:like\s+to\s+)?volunteer\s+to)\b|(?:I|we)\s+(?:offer|volunteer)\s+to\b|(?:the\s+team|the\s+group|our\s+team)\s+(?:proposes|suggests|recommends)\b|(?:we\s+are|I\s+am)\s+(?:proposing|suggesting|recommending)\b|(?:one|my|our)\s+(?:proposal|suggestion|recommendation)\s+(?:from\s+(?:us|me)\s*)?(?:is\b|would\s+be\b|:))(?:\s+that\b)?")
        .expect("first-person proposal")
});
/// A deontic modal: what ought to be done.
static MODAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:should|must|ought\s+to|could)\b").expect("modal"));
/// A mandative clause without a modal: "that a questionnaire be circulated", "that the
/// ToR need an overhaul". A bare "be" after the subject is the subjunctive of a request.
static MANDATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([\w']+)\s+be\s+(?:\w+ed|\w+en|set|put|made|held|kept|run|built|sent|spent|shown|done|paid|brought|heard|taught)\b|\bneeds?\s+(?:an?|urgent|to\s+be)\b").expect("mandative")
});
/// Words before "be" that make it a statement, not a subjunctive.
fn is_mandative(clause: &str) -> bool {
    MANDATIVE.captures_iter(clause).any(|c| {
        c.get(1).is_none_or(|w| {
            !matches!(
                w.as_str().to_lowercase().as_str(),
                "will"
                    | "would"
                    | "to"
                    | "can"
                    | "may"
                    | "might"
                    | "not"
                    | "cannot"
                    | "shall"
                    | "won't"
                    | "also"
                    | "already"
            )
        })
    })
}
/// Reporting verbs that take a subjunctive request.
static INSISTS_THAT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:argued|argues|insisted|insists|demanded|demands)\s+that\s")
        .expect("insists")
});

/// Whether a clause after "argued that" is a request in the subjunctive: a short subject,
/// then a base-form verb of action ("the IGF map the GDC commitments", "each meeting
/// produce messages"). A verb after "the" or "to" is a noun or an infinitive.
fn is_subjunctive(clause: &str) -> bool {
    let words: Vec<&str> = clause.split_whitespace().take(8).collect();
    (1..words.len()).any(|i| verb_after_subject(&words, i))
}

/// Modals that are not about action: "should be feasible", "you should have the document".
static EPISTEMIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:should|could|must)\s+(?:be\s+(?:feasible|possible|fine|ready|available|ok|okay|enough|able|done\s+by\s+then|easy|difficult|noted)|have\s+(?:been|the|received|seen|had)|not\s+be\s+(?:possible|feasible))\b|\byou\s+(?:should|could|must)\b|\b(?:it|this|that)\s+could\s+be\b|\bcould\s+not\b|\bif\s+\w+\s+could\b|\b(?:could|might)\s+be\s+(?:read|seen|perceived|understood|interpreted|viewed|taken|mistaken)\s+(?:as|for)\b|\b(?:could|can)\s+(?:\w+\s+){1,2}(?:up\s+to|more\s+than|at\s+least|over|some|about|around)?\s*\d[\d,.]*\s+(?:participants|people|seats|persons|delegates|attendees|users|sessions)\b")
        .expect("epistemic")
});
/// Questions and procedural asks.
static QUESTION_ASK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:asked|asks|ask|wondered)\s+(?:\w+\s+){0,3}?(?:whether|if|who|what|how|when|why|where|which|about)\b|\b(?:asked|asks)\s+for\s+(?:the\s+)?(?:floor|adoption|comments|questions|views|clarification)").expect("question")
});
static PROCEDURAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:introduce\s+themselves|(?:adopt|adoption\s+of|review)\s+the\s+(?:draft\s+)?agenda|take\s+the\s+floor|the\s+floor\s+is|raise\s+(?:your\s+|their\s+)?hands?|raise-hand|mute|the\s+chat|way\s+forward|take\s+(?:their|your)\s+seats|join\s+the\s+call|hold\s+questions|put\s+(?:yourself|themselves)\s+in\s+the\s+queue|use\s+the\s+(?:speaking\s+)?queue|move\s+(?:on|to\s+(?:the\s+)?(?:next|item|agenda))|go\s+to\s+the\s+next|next\s+(?:item|speaker|agenda\s+item))\b").expect("procedural")
});

/// Whether the first words of a proposal are chairing, not substance.
fn is_procedural(complement: &str) -> bool {
    let head: String = complement
        .split_whitespace()
        .take(9)
        .collect::<Vec<_>>()
        .join(" ");
    PROCEDURAL.is_match(&head)
}
/// A modal inside an embedded question: "what the IGF should look like".
static EMBEDDED_QUESTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:what|how|whether|which|who|where|when)\s+(?:[\w'-]+\s+){0,5}(?:should|could|must)\b").expect("embedded question")
});
/// Openers in a reported clause that are statements, not requests, even with a modal.
static NOT_A_REQUEST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:if|when|whether|as|since|because)\b").expect("conditional opener")
});

/// An offer ("offered to", "happy to", "volunteer to") in the words matched.
static OFFER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:offer|offers|offered|volunteer|volunteers|volunteered|happy|glad|pleased|willing)\s+to\s*$").expect("offer")
});

/// Whether an offer only offers help ("offered to help with the mapping", "happy to
/// answer questions"): a course of action names what would be done, not help with it.
fn offers_only_help(matched: &str, rest: &str) -> bool {
    OFFER.is_match(matched)
        && rest.split_whitespace().next().is_some_and(|w| {
            lexicon()
                .acts
                .help_verbs
                .contains(w.to_lowercase().as_str())
        })
}

/// A question that puts an action to someone: "could/can/would" (after an opener or a
/// vocative) with "you", "we" or a named agent, then a verb. A verb of information or
/// attention ("could you tell us", "can you hear me") or "would you like" asks nothing
/// to be done.
static REQUEST_QUESTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|,\s*|\b(?:so|and|but|then|now|also)\s+)(?:could|can|would|might)\s+(?:you|we|someone|somebody|the\s+[\p{L}-]+(?:\s+[\p{L}-]+)??)\s+(?:perhaps\s+|please\s+|maybe\s+|also\s+|all\s+)*([\p{L}'-]+)").expect("request question")
});
/// A question that proposes with its form alone: "why don't we ...", "how about ...",
/// "what if we ...".
static PROPOSING_QUESTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:why\s+don't\s+we|why\s+not|how\s+about|what\s+if\s+we|shall\s+we)\s+[\p{L}]",
    )
    .expect("proposing question")
});

/// Whether a question asks for an action to be taken (see [`REQUEST_QUESTION`]).
fn is_request_question(sentence: &str) -> bool {
    if PROPOSING_QUESTION.is_match(sentence) {
        return !is_procedural(sentence);
    }
    REQUEST_QUESTION.captures_iter(sentence).any(|c| {
        let verb = c.get(1).map_or("", |m| m.as_str()).to_lowercase();
        let at = c.get(0).map_or(0, |m| m.start());
        !lexicon().acts.info_verbs.contains(verb.as_str())
            && !matches!(verb.as_str(), "like" | "please")
            && !is_procedural(&sentence[at..])
    })
}

/// "asked whether the IGF could hold a session at ...": a question that proposes an
/// action (a modal of possibility and a verb that is not "be" or of information).
static ASKED_WHETHER_COULD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:asked|asks|wondered)\s+(?:\w+\s+){0,2}?((?:whether|if)\s+(?:[\w'-]+\s+){1,6}?(?:could|might)\s+(?:perhaps\s+|also\s+)?([\w'-]+)\b.*)").expect("asked whether could")
});

fn asked_whether_could(clause: &str) -> Option<String> {
    let c = ASKED_WHETHER_COULD.captures(clause)?;
    let verb = c.get(2)?.as_str().to_lowercase();
    if lexicon().acts.info_verbs.contains(verb.as_str()) || verb == "not" {
        return None;
    }
    Some(
        c.get(1)?
            .as_str()
            .trim()
            .trim_end_matches(['?', '.'])
            .to_string(),
    )
}

/// Reads proposals from attributed clauses.
pub fn proposals(clauses: &[Clause], blocks: &[Block], sections: &[String]) -> Vec<Proposal> {
    let mut out: Vec<(usize, Proposal)> = Vec::new();
    let mut list_intros: Vec<usize> = Vec::new(); // blocks whose list belongs to the proposal before
    for c in clauses {
        let block = &blocks[c.block];
        let found = match &c.subject {
            Subject::Person(p) => reported(&c.text).map(|t| (p.clone(), t)),
            Subject::FirstPerson(p) => first_person(&c.text).map(|t| (p.clone(), t)),
            _ => None,
        };
        let Some((who, text)) = found else {
            if c.introduces_list && !block.is_item {
                list_intros.push(c.block);
            }
            continue;
        };
        let text = text.trim().trim_end_matches(['.', ' ']).to_string();
        if text != ":" && text.split_whitespace().count() < 2 {
            continue;
        }
        let section = block.section.map(|s| sections[s].clone());
        out.push((
            c.block,
            Proposal {
                speaker: who,
                text,
                section,
                line: block.line_start,
            },
        ));
        if c.introduces_list {
            list_intros.push(c.block);
        }
    }
    // "He suggested:" and "The working group could:" are completed by the list after them
    for intro in list_intros {
        let items: Vec<&str> = blocks[intro + 1..]
            .iter()
            .take_while(|b| b.is_item)
            .map(|b| b.text.trim_end_matches([',', ';', '.', ' ']))
            .collect();
        if items.is_empty() {
            continue;
        }
        let owner = out.iter_mut().rev().find(|(b, _)| {
            *b <= intro && blocks[*b].section == blocks[intro].section && intro - *b <= 3
        });
        if let Some((_, p)) = owner {
            let list = items.join("; ");
            p.text = if p.text == ":" {
                list
            } else {
                format!("{}: {list}", p.text.trim_end_matches(':'))
            };
        }
    }
    out.into_iter()
        .map(|(_, p)| p)
        .filter(|p| p.text != ":")
        .collect()
}

/// Whether a reporting verb at `at` belongs to the clause's subject: not inside a
/// reported clause ("added that NRIs had requested") unless coordinated ("... and asked").
fn is_main_verb(clause: &str, at: usize) -> bool {
    let before = clause[..at].to_lowercase();
    // "recalled that he had already proposed ...": the subject's own earlier proposal
    static SELF_REF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:he|she)\s+(?:had\s+|has\s+)?(?:already\s+|also\s+|previously\s+|earlier\s+|once\s+)*$").expect("self reference")
    });
    if SELF_REF.is_match(&before) {
        return true;
    }
    let words: Vec<&str> = before.split_whitespace().collect();
    let prev = words.last().copied().unwrap_or("");
    if matches!(
        prev,
        "had"
            | "has"
            | "have"
            | "was"
            | "were"
            | "been"
            | "be"
            | "is"
            | "are"
            | "the"
            | "its"
            | "their"
    ) {
        return false;
    }
    let after_that = words.iter().any(|w| *w == "that" || *w == "whether");
    if !after_that {
        return !before.trim_end().ends_with(" that");
    }
    let prev2 = if words.len() >= 2 {
        words[words.len() - 2]
    } else {
        ""
    };
    prev == "and"
        || prev == "but"
        || (matches!(prev, "also" | "then" | "further") && matches!(prev2, "and" | "but"))
}

/// The proposal in a clause with a named subject, when it has one.
fn reported(clause: &str) -> Option<String> {
    if QUESTION_ASK.is_match(clause) {
        return asked_whether_could(clause);
    }
    if let Some(m) = super::speakers::VIEW_OF.find(clause.trim_start()) {
        let rest = &clause.trim_start()[m.end()..];
        return (MODAL.is_match(rest)
            && !EPISTEMIC.is_match(rest)
            && !EMBEDDED_QUESTION.is_match(rest))
        .then(|| rest.to_string());
    }
    if let Some(m) = REPORTED
        .find_iter(clause)
        .find(|m| is_main_verb(clause, m.start()))
    {
        let rest = clause[m.end()..].trim();
        if rest.is_empty() || rest == ":" {
            return Some(":".into()); // "He suggested:" – the list that follows is the proposal
        }
        if is_procedural(rest) || offers_only_help(m.as_str(), rest) {
            return None;
        }
        return Some(rest.trim_start_matches(':').trim().to_string());
    }
    // "X argued/recalled/noted that the paper should ...": a reported modal clause
    static THAT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(?:that|:)\s").expect("that"));
    let t = THAT.find(clause)?;
    let rest = &clause[t.end()..];
    let subjunctive = || {
        INSISTS_THAT
            .find(clause)
            .is_some_and(|m| m.end() == t.end())
            && is_subjunctive(rest)
    };
    if (MODAL.is_match(rest) || is_mandative(rest) || subjunctive())
        && !EPISTEMIC.is_match(rest)
        && !NOT_A_REQUEST.is_match(rest)
        && !EMBEDDED_QUESTION.is_match(rest)
        && !rest.trim_end().ends_with('?')
    {
        return Some(rest.to_string());
    }
    None
}

/// The proposal in a sentence of a turn, when the speaker makes one.
pub fn first_person(sentence: &str) -> Option<String> {
    let lower = sentence.to_lowercase();
    if let Some(m) = FIRST_PERSON.find(sentence) {
        let rest = sentence[m.end()..].trim();
        if is_procedural(rest) || offers_only_help(m.as_str(), rest) {
            return None;
        }
        if rest.split_whitespace().count() >= 2 {
            return Some(rest.trim_start_matches(':').trim().to_string());
        }
    }
    // "Could the Secretariat please make sure ...?" is a request
    if sentence.trim_end().ends_with('?') {
        let polite =
            (lower.contains("could ") || lower.contains("can ") || lower.contains("would "))
                && lower.contains("please");
        return (polite || is_request_question(sentence)).then(|| sentence.trim().to_string());
    }
    if lower.starts_with("i think") || lower.starts_with("i believe") || lower.contains(" i think ")
    {
        if let Some(m) = MODAL.find(sentence) {
            let before = &sentence[..m.start()];
            if !EPISTEMIC.is_match(sentence) && !before.to_lowercase().ends_with("you ") {
                let start = before.to_lowercase().rfind("think").map_or(0, |i| i + 5);
                return Some(sentence[start..].trim().to_string());
            }
        }
        return None;
    }
    if let Some(m) = MODAL.find(sentence).filter(|_| {
        !EPISTEMIC.is_match(sentence)
            && !EMBEDDED_QUESTION.is_match(sentence)
            && !is_procedural(sentence)
    }) {
        // offsets are the sentence's: lower-casing can change byte lengths ("İ")
        let before_text = sentence[..m.start()].to_lowercase();
        let before = before_text.split_whitespace().last().unwrap_or("");
        let modal = sentence[m.start()..m.end()].to_lowercase();
        let modal = modal.as_str();
        // "we could do that" and "I should say" are offers and asides, "we should" is not
        if matches!(before, "i" | "it" | "this" | "that")
            || (before == "we" && !matches!(modal, "should" | "must"))
        {
            return None;
        }
        return Some(sentence.trim().to_string());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_reported_verbs_give_the_clause() {
        assert_eq!(
            reported("Chris Buckridge suggested that the group could track proposals.").as_deref(),
            Some("the group could track proposals.")
        );
        assert_eq!(
            reported("She urged the Secretariat to provide options.").as_deref(),
            Some("the Secretariat to provide options.")
        );
        assert_eq!(
            reported("He argued that the paper should state it plainly.").as_deref(),
            Some("the paper should state it plainly.")
        );
        assert_eq!(
            reported("She argued that a questionnaire on the working methods be circulated.")
                .as_deref(),
            Some("a questionnaire on the working methods be circulated.")
        );
        assert_eq!(
            reported("She also argued that the IGF map the GDC commitments to its activities.")
                .as_deref(),
            Some("the IGF map the GDC commitments to its activities.")
        );
        assert_eq!(
            reported("He insisted that each annual meeting produce a short set of messages.")
                .as_deref(),
            Some("each annual meeting produce a short set of messages.")
        );
        assert_eq!(
            reported("He argued that the Secretariat survey members on the working methods.")
                .as_deref(),
            Some("the Secretariat survey members on the working methods.")
        );
        assert_eq!(
            reported("She argued that virtual meetings alternate between time zones.").as_deref(),
            Some("virtual meetings alternate between time zones.")
        );
        // indicative, or a noun after "the": statements
        assert_eq!(
            reported("She argued that the IGF maps the commitments well."),
            None
        );
        assert_eq!(reported("She argued that the report was too long."), None);
        assert_eq!(
            reported("He noted that the working group monitor the list."),
            None
        );
        assert_eq!(
            reported("He noted that the terms of reference need an overhaul.").as_deref(),
            Some("the terms of reference need an overhaul.")
        );
        assert_eq!(
            reported("She noted that the report will be published in May."),
            None
        );
        assert_eq!(
            reported("He recalled that the report is to be finished soon."),
            None
        );
    }

    #[test]
    fn test_reported_rejects_questions_procedure_and_opinions() {
        assert_eq!(
            reported("Adam asked whether the survey results will be shared."),
            None
        );
        assert_eq!(
            reported("The Host invited participants to introduce themselves."),
            None
        );
        assert_eq!(reported("She stressed the importance of visibility."), None);
        assert_eq!(
            reported("Chengetai confirmed that this should be feasible once sessions are locked."),
            None
        );
        // a capacity and a reading are not courses of action
        assert_eq!(
            reported("She noted that the new hall could seat up to 2,000 participants."),
            None
        );
        assert_eq!(
            reported("He warned that the text could be read as a binding commitment."),
            None
        );
        assert!(
            reported("She noted that the new hall could be booked for the youth track.").is_some()
        );
    }

    #[test]
    fn test_first_person_proposals() {
        assert_eq!(
            first_person("So I would propose that each session produces five messages.").as_deref(),
            Some("each session produces five messages.")
        );
        assert_eq!(
            first_person("I'd ask the Secretariat to put it in the newsletter.").as_deref(),
            Some("the Secretariat to put it in the newsletter.")
        );
        assert!(
            first_person("Could the Secretariat please make sure the sessions do not clash?")
                .is_some()
        );
        assert!(
            first_person("The MAG should make sure that all proposers receive results.").is_some()
        );
    }

    #[test]
    fn test_first_person_rejects_offers_and_procedure() {
        assert_eq!(first_person("We can do two training slots."), None);
        assert_eq!(
            first_person("So you should have the document that I re-sent."),
            None
        );
        assert_eq!(first_person("Let me propose the way forward."), None);
        assert_eq!(first_person("Please use the speaking queue."), None);
        assert_eq!(first_person("Are there any requests for changes?"), None);
    }

    #[test]
    fn test_an_offer_of_a_task_is_a_proposal_an_offer_of_help_is_not() {
        assert_eq!(
            reported("Ms. Ortega offered to chair the drafting team for the messages.").as_deref(),
            Some("chair the drafting team for the messages.")
        );
        assert_eq!(
            reported("He offered to help with the translation of the summary."),
            None
        );
        assert_eq!(
            first_person("We would be happy to run a webinar on the toolkit in April.").as_deref(),
            Some("run a webinar on the toolkit in April.")
        );
        assert_eq!(
            first_person("I'd be glad to answer any questions after the call."),
            None
        );
    }

    #[test]
    fn test_a_question_that_puts_an_action_to_someone_is_a_request() {
        assert!(first_person("Could we move the youth session to the Wednesday?").is_some());
        assert!(first_person("Amal, would you send the draft to the list tonight?").is_some());
        assert!(first_person("So could the Secretariat circulate the room plan?").is_some());
        assert!(first_person("Why don't we merge the two cybersecurity workshops?").is_some());
        // information, attention and chairing
        assert_eq!(first_person("Can you hear me now?"), None);
        assert_eq!(
            first_person("Could you tell us how many proposals came in?"),
            None
        );
        assert_eq!(first_person("Would you like to take the floor?"), None);
        assert_eq!(first_person("Can we move on to the next item?"), None);
        assert_eq!(first_person("Can we agree on that?"), None);
    }

    #[test]
    fn test_asking_whether_something_could_be_done_proposes_it() {
        assert_eq!(
            reported("Mr. Haddad asked whether the MAG could open a second call for hubs.")
                .as_deref(),
            Some("whether the MAG could open a second call for hubs")
        );
        assert_eq!(
            reported("She asked whether the list will be published before June."),
            None
        );
        assert_eq!(
            reported("He asked if the speakers could be confirmed by then."),
            None
        );
    }
}
