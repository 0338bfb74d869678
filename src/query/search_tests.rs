//! Tests of `search`, kept apart so that the rules stay under 700 lines.
use super::*;

#[test]
fn test_question_words_are_dropped_only_from_plain_queries() {
    assert_eq!(
        without_question_words("What did Grad C think about the XML format?"),
        "Grad C XML format?"
    );
    assert_eq!(
        without_question_words("\"what is\" AND format"),
        "\"what is\" AND format"
    );
    assert_eq!(
        without_question_words("what did they say"),
        "what did they say"
    );
}

#[test]
fn test_a_phrase_is_found_at_any_depth_of_the_query() {
    let (schema, fields) = crate::index::schema::build();
    let index = Index::create_in_ram(schema);
    crate::index::schema::register(&index);
    let p = parser(&index, &fields, &Ranking::default());
    let q = |s: &str| flatten(p.parse_query(s).unwrap());
    assert!(has_phrase(&*q("\"remote hubs\"")));
    assert!(has_phrase(&*q("budget AND \"remote hubs\"")));
    assert!(!has_phrase(&*q("remote hubs")));
    assert!(!has_phrase(&*q("remote AND hubs")));
}

#[test]
fn test_phrases_become_groups_of_words_for_meetings() {
    assert_eq!(
        phrases_as_words("\"remote hubs\" AND budget"),
        "(remote hubs) AND budget"
    );
    assert_eq!(
        phrases_as_words("\"terms of reference\"~2 mag"),
        "(terms of reference) mag"
    );
    assert_eq!(phrases_as_words("plain words"), "plain words");
}

#[test]
fn test_prepare_query_reads_times_as_words_and_rejects_empty() {
    assert_eq!(
        prepare_query("meeting at 18:00").unwrap(),
        "meeting at \"18 00\""
    );
    assert!(prepare_query("   ").is_err());
    assert!(prepare_query(&"a".repeat(2000)).is_ok());
    assert!(prepare_query("gap AND").is_err());
}
