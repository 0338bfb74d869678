//! The words around a name that decide what it names: the record itself or a document
//! about a meeting ("this Day 0 event", "Summary of ..."), a kind rather than one gathering
//! ("a second IGF"), the same gathering again (an apposition), or the body that holds it.

/// Whether the words before a name make it the record's own meeting ("this Day 0 event") or
/// a document about a meeting ("Summary of MAG Virtual Meeting XI").
pub(super) fn refers_to_itself_or_a_document(before: &str) -> bool {
    let b = before.trim_end().to_lowercase();
    let b = b.strip_suffix(" the").unwrap_or(&b);
    b.ends_with("this") && !b.ends_with(" in this") && !b.ends_with(" of this")
        || DOCUMENTS_OF.iter().any(|d| b.ends_with(d))
}

/// Words that make what follows the subject of a document, not a gathering attended.
const DOCUMENTS_OF: [&str; 4] = ["summary of", "report of", "minutes of", "notes of"];

/// Whether a capitalised phrase opens with a document's words ("Report of the Lagos Policy
/// Forum" at the start of a sentence, where the phrase takes them in).
pub(super) fn opens_with_a_document(name: &str) -> bool {
    let n = name.to_lowercase();
    DOCUMENTS_OF
        .iter()
        .any(|d| n.strip_prefix(d).is_some_and(|rest| rest.starts_with(' ')))
}

/// Whether the words before a name make it a kind, not one gathering ("a second IGF",
/// "another fifth IGF").
pub(super) fn after_indefinite(before: &str) -> bool {
    let last = before
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    matches!(last.as_str(), "a" | "an" | "another")
}

/// Whether the text between two names makes the second an apposition of the first
/// (", the ", ", i.e. the ").
pub(super) fn is_apposition(between: &str) -> bool {
    let t = between.trim().to_lowercase();
    matches!(
        t.as_str(),
        ", the" | ", i.e. the" | ", that is the" | "(the" | "- the"
    )
}

/// Whether a series named alone stands for its organisation, not its gathering: a
/// person's affiliation ("Sandra Hoferichter from EuroDIG", "on behalf of SEEDIG"), or
/// a part of it ("the EuroDIG secretariat").
pub(super) fn names_a_body(before: &str, after: &str) -> bool {
    let prev = before
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    let next = after
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    // "Teleanu, Sorina - SEEDIG": an affiliation in a list
    matches!(
        prev.as_str(),
        "from" | "of" | "representing" | "with" | "-" | "–" | "("
    ) || matches!(
        next.as_str(),
        "secretariat"
            | "team"
            | "website"
            | "board"
            | "chair"
            | "organisers"
            | "organizers"
            | "coordinator"
            | "network"
            | "community"
            | "association"
    ) || after.trim_start().starts_with(['-', '’', '\''])
        && after.trim_start().chars().nth(1).is_some_and(|c| c == 's')
}
