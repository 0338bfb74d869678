//! Tests of `similarity`, kept apart so that the rules stay under 700 lines.
use super::*;
use crate::extract::request::passive;
use crate::query::gaps::features::Vocab;
use crate::query::gaps::testing::{bag, items_of};
use crate::text::analysis::analyze;

#[test]
fn test_requests_that_ask_for_different_things_about_one_subject_are_two() {
    let texts = [
        "the Secretariat publish a short guide on cloud security",
        "a short guide on cloud security should be published",
        "the Secretariat could run a hackathon on cloud security",
    ];
    let (items, _, _) = items_of(&texts, &HashMap::new());
    assert!(!other_core(&items[0], &items[1]));
    assert!(other_core(&items[0], &items[2]));
}

#[test]
fn test_a_shared_frame_with_other_subjects_or_places_is_two_requests() {
    let texts = [
        "organise a training course on cloud security for librarians in the Andes",
        "a training course on cloud security should be organised for librarians",
        "organise a training course on wind energy for librarians in the Andes",
        "organise a training course on cloud security for librarians in Polynesia",
        "organise a training course on cloud security for librarians in the Andes with the ITU",
    ];
    let (items, _, _) = items_of(&texts, &HashMap::new());
    // one says no place: nothing against
    assert!(!other_slots(&items[0], &items[1]));
    // another subject, another place
    assert!(other_slots(&items[0], &items[2]));
    assert!(other_slots(&items[0], &items[3]));
    assert_eq!(similarity(&items[0], &items[2]), 0.0);
    // a partner named by one only is nothing against
    assert!(!other_slots(&items[0], &items[4]));
}

#[test]
fn test_paraphrases_link_and_one_offs_do_not() {
    let mut acr = HashMap::new();
    acr.insert("tor".to_string(), analyze("Terms of Reference"));
    let mut v = Vocab {
        ids: HashMap::new(),
    };
    let a = bag(
        "the MAG Terms of Reference should be reviewed",
        &acr,
        &mut v,
    );
    let b = bag("the ToR of the MAG be updated", &acr, &mut v);
    let c = bag(
        "the Terms of Reference of the BPF mention its mailing list",
        &acr,
        &mut v,
    );
    assert!(
        cosine(&a, &b) > cosine(&a, &c),
        "{} vs {}",
        cosine(&a, &b),
        cosine(&a, &c)
    );
    assert!(cosine(&a, &b) >= 0.5);
}

#[test]
fn test_shared_modifiers_and_a_verb_are_not_one_request() {
    let texts = [
        "the old lamps be audited",
        "the old carpets be audited",
        "the old chairs be repainted",
        "the lamps be audited before the plenary",
    ];
    let (items, _, v) = items_of(&texts, &HashMap::new());
    let old = v.ids["old"];
    assert!(
        items[0].modifiers.contains(&old),
        "'old' always stands before a noun"
    );
    assert_eq!(
        shared_concepts(&items[0], &items[1], &[]),
        1,
        "old + audit: only the verb counts"
    );
    assert_eq!(
        shared_concepts(&items[0], &items[3], &[]),
        2,
        "lamps + audit: the thing and the verb"
    );
    assert_eq!(similarity(&items[0], &items[1]), 0.0);
}

#[test]
fn test_a_thing_given_to_one_is_not_given_to_another() {
    assert_eq!(
        passive("the MAG to give Dynamic Coalitions a dedicated slot"),
        Some((None, "dynamic coalitions".to_string()))
    );
    assert_eq!(passive("give a slot to everyone"), None);
    let texts = [
        "the youth groups be given a dedicated slot in the main session",
        "the MAG give the coalitions a dedicated slot in the main session",
        "the youth groups should get their own dedicated slot in the main session",
    ];
    let (items, _, _) = items_of(&texts, &HashMap::new());
    assert_eq!(
        similarity(&items[0], &items[1]),
        0.0,
        "{}",
        cosine(&items[0].bag, &items[1].bag)
    );
    assert!(
        similarity(&items[0], &items[2]) >= PARAMS.link,
        "{}",
        similarity(&items[0], &items[2])
    );
}

#[test]
fn test_different_actions_on_one_thing_need_more_in_common() {
    let action = |t: &str| passive(t).and_then(|p| p.0);
    assert_eq!(
        action("the ramps should be quickly repainted by May").as_deref(),
        Some("repaint")
    );
    assert_eq!(
        passive("the old ramps should be quickly repainted")
            .map(|p| p.1)
            .as_deref(),
        Some("the old ramps")
    );
    assert_eq!(
        action("the tracker be set up"),
        Some("establish".into()),
        "synonym class head"
    );
    assert_eq!(
        action("outputs be made available in Arabic"),
        None,
        "a light verb says nothing"
    );
    assert_eq!(
        action("captioning be available in every room"),
        None,
        "not a participle"
    );
    let texts = [
        "the portable ramps next to the stage be archived, together with the tracker board",
        "the tracker board and the broken ramps be repainted",
        "the tracker board and the ramps be archived",
        "translation of the final reports be funded",
        "the final reports be translated",
        "the tracker board and the old ramps be archived",
    ];
    let (items, _, _) = items_of(&texts, &HashMap::new());
    assert!(other_actions(&items[0], &items[1]));
    assert_eq!(
        similarity(&items[0], &items[1]),
        0.0,
        "archive and repaint the ramps are two requests"
    );
    assert!(
        similarity(&items[0], &items[2]) > 0.0,
        "the same action on the same things is one"
    );
    assert_eq!(
        similarity(&items[0], &items[5]),
        0.0,
        "portable ramps and old ramps are two things"
    );
    assert!(
        !other_actions(&items[3], &items[4]),
        "a nominalised action names the same action"
    );
    // a noun that shares a stem with the other's verb names no action unless its own
    // action only supports one
    let texts = [
        "the welcome packs and the tracker board be redesigned",
        "the tracker board and the mobile app be packed",
        "the tracker board and the mobile app be redesigned",
        "the catering of the tracker board be provided",
        "the tracker board be catered",
    ];
    let (items, _, _) = items_of(&texts, &HashMap::new());
    assert!(other_actions(&items[0], &items[1]) && other_actions(&items[1], &items[0]));
    assert_eq!(
        similarity(&items[0], &items[1]),
        0.0,
        "redesign and pack are two actions"
    );
    assert!(!other_actions(&items[0], &items[2]));
    assert!(
        !other_actions(&items[3], &items[4]),
        "providing catering is catering"
    );
}

#[test]
fn test_one_action_asked_of_different_things_is_two_requests() {
    let texts = [
        "the registration statistics be checked by the legal office",
        "the IGF website be checked by the legal office",
        "the website of the IGF should be checked by the legal office",
        "the legal office check the website",
    ];
    let (items, _, _) = items_of(&texts, &HashMap::new());
    assert!(other_things(&items[0], &items[1]));
    assert_eq!(similarity(&items[0], &items[1]), 0.0);
    assert!(
        !other_things(&items[1], &items[2]) && similarity(&items[1], &items[2]) > 0.0,
        "one thing, other words"
    );
    assert!(
        !other_things(&items[1], &items[3]),
        "an active request names no thing to compare"
    );
    let texts = [
        "the French version of the guide be posted on the community wiki",
        "the Spanish version of the guide be posted on the community wiki",
        "the online registration form be simplified",
        "the registration form should be simplified for newcomers",
    ];
    let (items, _, _) = items_of(&texts, &HashMap::new());
    assert!(
        own_words(&items[0], &items[1]),
        "two versions are two things, though both are versions"
    );
    assert!(
        !own_words(&items[2], &items[3]),
        "a thing named in fewer words is the same thing"
    );
    assert!(similarity(&items[2], &items[3]) > 0.0);
    // where one request's thing is only where the other's goes, the things differ,
    // however alike the wording
    let texts = [
        "the travel plan be pinned on the plan board",
        "the photos be pinned on the plan board",
    ];
    let (items, _, _) = items_of(&texts, &HashMap::new());
    assert!(other_things(&items[0], &items[1]));
    assert_eq!(similarity(&items[0], &items[1]), 0.0);
    // "get" asks of its subject as "be" does, with what is asked in the object
    assert_eq!(
        passive("the French handbook should get a new cover")
            .map(|p| p.1)
            .as_deref(),
        Some("the french handbook")
    );
    let texts = [
        "the French handbook get a bright new cover",
        "the Spanish handbook get a bright new cover",
    ];
    let (items, _, _) = items_of(&texts, &HashMap::new());
    assert!(own_words(&items[0], &items[1]));
    assert_eq!(
        similarity(&items[0], &items[1]),
        0.0,
        "one thing asked of two handbooks is two requests"
    );
}

#[test]
fn test_requests_to_have_two_things_are_two_requests() {
    let texts = [
        "an implementation tracker for the board's proposals be set up",
        "the board set up a buddy programme for first-time volunteers",
        "the board set up a buddy programme for new volunteers",
    ];
    let (items, _, _) = items_of(&texts, &HashMap::new());
    assert!(other_wants(&items[0], &items[1]));
    assert_eq!(
        similarity(&items[0], &items[1]),
        0.0,
        "a tracker and a buddy programme, both set up by the board"
    );
    assert!(!other_wants(&items[1], &items[2]));
}

#[test]
fn test_an_acronym_is_one_word_of_a_name() {
    // "the MAG mailing list" is one name, as "the mailing list" is: the long form's
    // stems do not count as ideas of their own
    let acr: HashMap<String, Vec<String>> = [(
        "mag".to_string(),
        analyze("Multistakeholder Advisory Group"),
    )]
    .into();
    let (items, _, _) = items_of(
        &[
            "the MAG mailing list be kept on paper as well",
            "the MAG mailing list be printed in the booklet",
        ],
        &acr,
    );
    assert_eq!(shared_concepts(&items[0], &items[1], &[]), 1);
    let (items, _, _) = items_of(
        &[
            "the MAG should review its Terms of Reference",
            "the Multistakeholder Advisory Group reviews the ToR",
        ],
        &acr,
    );
    assert!(shared_concepts(&items[0], &items[1], &[]) >= 2);
}

#[test]
fn test_a_modifier_used_as_a_noun_names_a_thing() {
    // "youth" nearly always modifies ("the youth lounge"), but not in "young people
    // get ...": there it is who the request is for, an idea the two share
    let mut texts: Vec<String> = [
        "lounge", "track", "desk", "booth", "prize", "stage", "banner", "quiz", "film", "choir",
        "caucus",
    ]
    .iter()
    .map(|t| format!("the youth {t} be painted"))
    .collect();
    texts.push("young people get a formal advisory body".into());
    texts.push("a youth advisory group be created".into());
    let (items, _, v) = items_of(
        &texts.iter().map(String::as_str).collect::<Vec<_>>(),
        &HashMap::new(),
    );
    let youth = v.ids["youth"];
    let n = texts.len();
    assert!(items[0].modifiers.contains(&youth) && items[n - 1].modifiers.contains(&youth));
    assert!(!items[n - 2].modifiers.contains(&youth));
    assert_eq!(shared_concepts(&items[n - 2], &items[n - 1], &[]), 2);
}

#[test]
fn test_a_proposal_all_said_within_another_is_one_with_it() {
    let texts = [
        "an independent evaluation of the board",
        "to commission an external assessment of the board",
        "an external assessment of the catering",
        "the board should publish its minutes",
    ];
    let (items, _, _) = items_of(&texts, &HashMap::new());
    assert!(said_within(&items[0], &items[1]) && !said_within(&items[1], &items[0]));
    assert!(
        similarity(&items[0], &items[1]) >= PARAMS.link,
        "{}",
        cosine(&items[0].bag, &items[1].bag)
    );
    assert!(!said_within(&items[2], &items[1]));
    assert_eq!(similarity(&items[2], &items[1]), 0.0);
}

#[test]
fn test_asking_to_have_a_thing_is_not_asking_something_of_it() {
    let texts = [
        "we need a style guide that covers every newsroom",
        "the style guide be presented at the newsroom meeting",
        "the newsroom should have a style guide of its own",
    ];
    let (items, _, _) = items_of(&texts, &HashMap::new());
    assert!(other_actions(&items[0], &items[1]) && other_actions(&items[1], &items[0]));
    assert_eq!(
        similarity(&items[0], &items[1]),
        0.0,
        "{}",
        cosine(&items[0].bag, &items[1].bag)
    );
    assert!(!other_actions(&items[0], &items[2]));
}
