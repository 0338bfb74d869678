use super::*;
use crate::ingest::lines::lines;

fn e(s: &str) -> (String, Option<String>, Option<String>) {
    let p = entry(s).unwrap();
    (p.name, p.affiliation, p.role)
}

#[test]
fn test_entry_shapes() {
    assert_eq!(
        e("Amrita Choudhury Group's Co-Chair, IGF MAG member"),
        (
            "Amrita Choudhury".into(),
            None,
            Some("Group's Co-Chair, IGF MAG member".into())
        )
    );
    assert_eq!(
        e("Miloshevic, Desiree, IGF MAG member"),
        (
            "Desiree Miloshevic".into(),
            None,
            Some("IGF MAG member".into())
        )
    );
    assert_eq!(
        e("Gengo, Anja - IGF Secretariat (Host)"),
        (
            "Anja Gengo".into(),
            Some("IGF Secretariat".into()),
            Some("Host".into())
        )
    );
    assert_eq!(
        e("Isra Rosas (ISOC)"),
        ("Isra Rosas".into(), Some("ISOC".into()), None)
    );
    assert_eq!(
        e("Cassa, Titti (AgID, Italy), WG co-chair"),
        (
            "Titti Cassa".into(),
            Some("AgID, Italy".into()),
            Some("WG co-chair".into())
        )
    );
    assert_eq!(
        e("Wout de Natris, DC IS3C coordinator"),
        (
            "Wout de Natris".into(),
            Some("DC IS3C".into()),
            Some("coordinator".into())
        )
    );
    assert_eq!(
        e("Alison Balzer (Foreign Affairs Officer at U.S. Department of State)")
            .2
            .as_deref(),
        Some("Foreign Affairs Officer")
    );
}

#[test]
fn test_entry_rejects_lines_without_a_name() {
    assert!(entry("Other participants joined by telephone").is_none());
    assert!(entry("IGF Secretariat").is_none());
}

#[test]
fn test_numbered_and_inline_lists() {
    let doc = "List of participants:\n\n1. Amrita Choudhury, WG co-chair\n2. Chris Buckridge\n\nOther participants joined by phone.\n";
    let p = participants(&lines(doc));
    assert_eq!(
        p.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["Amrita Choudhury", "Chris Buckridge"]
    );
    let doc = "Present: Titti Cassa, Chris Buckridge (co-chairs);\nJorge Cancio; Anja Gengo (IGF Secretariat)\nApologies: Amrita Choudhury\n";
    let p = participants(&lines(doc));
    assert_eq!(p.len(), 4);
    assert_eq!(p[0].role.as_deref(), Some("co-chair"));
    assert_eq!(p[3].affiliation.as_deref(), Some("IGF Secretariat"));
}

#[test]
fn test_sentence_starting_with_participants_is_not_a_list() {
    let doc =
        "Participants were invited to share ideas and proposals.\n\n- Chris Buckridge spoke\n";
    assert!(participants(&lines(doc)).is_empty());
}

fn names(doc: &str) -> Vec<String> {
    participants(&lines(doc))
        .into_iter()
        .map(|p| p.name)
        .collect()
}

#[test]
fn test_headings_present_and_absent() {
    let doc = "On the call:\n- Maria Kowalska (co-chair)\n- Tomas Lindqvist\n\nApologies:\n- Rafael Quispe\n";
    assert_eq!(names(doc), ["Maria Kowalska", "Tomas Lindqvist"]);
    let doc = "The following people attended the call:\nMaria Kowalska, Poland\nTomas Lindqvist (Nordic IGF)\n\nRegrets: Rafael Quispe\n";
    assert_eq!(names(doc), ["Maria Kowalska", "Tomas Lindqvist"]);
    // a list of apologies alone is no attendance list
    assert!(names("Apologies: Rafael Quispe; Maria Kowalska\n").is_empty());
    // a sentence that starts with an attendance word is not a heading
    assert!(
        names("Participants discussed the roadmap:\n- Maria Kowalska suggested a survey\n")
            .is_empty()
    );
}

#[test]
fn test_annexed_list_and_plain_lines() {
    let doc = "Text of the report.\n\nANNEX B - PARTICIPANTS\n\nKOWALSKA Maria\nTomas LINDQVIST, Sweden\nQuispe, Rafael (Mr)\n\nThe report was drafted by the Secretariat.\n";
    assert_eq!(
        names(doc),
        ["Maria Kowalska", "Tomas Lindqvist", "Rafael Quispe"]
    );
    let p = participants(&lines(doc));
    assert_eq!(p[2].affiliation, None);
    // a plain line that is a sentence ends the list
    let doc = "Attendees\nMaria Kowalska\nTomas Lindqvist opened the call and thanked everyone.\n";
    assert_eq!(names(doc), ["Maria Kowalska"]);
}

#[test]
fn test_lists_by_stakeholder_group() {
    let doc = "Participants:\nGovernment: Maria Kowalska (Poland), Tomas Lindqvist (Sweden)\nCivil society: Rafael Quispe and Amaka Eze\nIGF Secretariat:\n- Li Wen\n";
    assert_eq!(
        names(doc),
        [
            "Maria Kowalska",
            "Tomas Lindqvist",
            "Rafael Quispe",
            "Amaka Eze",
            "Li Wen"
        ]
    );
    let doc = "Present: MAG members: Maria Kowalska, Tomas Lindqvist; Observers: Rafael Quispe\nNotes: Amaka Eze\n";
    assert_eq!(
        names(doc),
        ["Maria Kowalska", "Tomas Lindqvist", "Rafael Quispe"]
    );
    let doc = "Attendance: Kowalska, Maria; Lindqvist, Tomas; Eze, Amaka (rapporteur)\n";
    assert_eq!(
        names(doc),
        ["Maria Kowalska", "Tomas Lindqvist", "Amaka Eze"]
    );
}

#[test]
fn test_prose_attendance() {
    let doc = "Ms. Maria Kowalska moderated the meeting; also present were Tomas Lindqvist (Sweden), Rafael Quispe and Amaka Eze. Apologies were received from Li Wen.\n";
    assert_eq!(
        names(doc),
        [
            "Maria Kowalska",
            "Tomas Lindqvist",
            "Rafael Quispe",
            "Amaka Eze"
        ]
    );
    let doc =
        "The call was attended by Tomas Lindqvist and Amaka Eze, who reported on the survey.\n";
    assert_eq!(names(doc), ["Tomas Lindqvist", "Amaka Eze"]);
    // people named in prose without an attendance phrase are not a list
    assert!(names("Tomas Lindqvist and Amaka Eze reported on the survey.\n").is_empty());
}

#[test]
fn test_family_given_without_comma_follows_the_text() {
    let doc = "Participants:\n1. Kowalska Maria, MAG member\n2. Tomas Lindqvist\n\nMs. Kowalska presented the survey. Maria Kowalska then asked Tomas for comments.\n";
    assert_eq!(names(doc), ["Maria Kowalska", "Tomas Lindqvist"]);
    // without such evidence the order is kept
    let doc = "Participants:\n1. Kowalska Maria\n2. Tomas Lindqvist\n";
    assert_eq!(names(doc), ["Kowalska Maria", "Tomas Lindqvist"]);
}

#[test]
fn test_quoted_reply_list() {
    let doc = "On Tue, Amaka Eze wrote:\n> Attendees: Maria Kowalska; Tomas Lindqvist\n> Apologies: Li Wen\n";
    assert_eq!(names(doc), ["Maria Kowalska", "Tomas Lindqvist"]);
}

#[test]
fn test_role_lines_join_a_list_of_speakers() {
    let doc = "Workshop report\nChairperson/Moderator: Amaka Eze, Youth IGF\nRapporteur: Li Wen\n\nList of speakers and their institutional affiliations:\n- Tomas Lindqvist, Nordic IGF\n- Maria Kowalska (Poland)\n";
    assert_eq!(
        names(doc),
        ["Amaka Eze", "Li Wen", "Tomas Lindqvist", "Maria Kowalska"]
    );
    // a role line alone is no attendance list
    assert!(names("Moderator: Amaka Eze\n\nAmaka Eze opened the call.\n").is_empty());
}

#[test]
fn test_apologies_inside_an_inline_list() {
    let doc = "Present: Maria Kowalska, Tomas Lindqvist. Apologies: Li Wen\n";
    assert_eq!(names(doc), ["Maria Kowalska", "Tomas Lindqvist"]);
    let doc = "Present: Maria Kowalska, Li Wen\nApologies: Li Wen\n";
    assert_eq!(names(doc), ["Maria Kowalska"]);
}

#[test]
fn test_word_scan_counts_whole_words_as_the_regexes_did() {
    let t = super::WordScan(
        "Ms. Kowalska met Maria Kowalska;  Maria\nKowalska and Kowalskas, Dr Maria.",
    );
    assert_eq!(t.words("Kowalska").count(), 3, "not inside Kowalskas");
    let (maria, kowalska) = (t.occurrences("Maria"), t.occurrences("Kowalska"));
    assert_eq!(kowalska.len(), 3);
    assert_eq!(
        t.pairs(&maria, "Kowalska"),
        2,
        "white space of any kind between"
    );
    assert_eq!(t.pairs(&kowalska, "Maria"), 0);
    assert_eq!(t.after_honorific(&kowalska), 1);
    assert_eq!(t.after_honorific(&maria), 1, "Dr without a full stop");
    // a word that only ends like an honorific does not count
    let t = super::WordScan("Dream Maria");
    assert_eq!(t.after_honorific(&t.occurrences("Maria")), 0);
}

fn names_of(text: &str) -> Vec<String> {
    participants(&lines(text))
        .into_iter()
        .map(|p| p.name)
        .collect()
}

#[test]
fn test_titled_family_given_with_two_family_names() {
    assert_eq!(
        e("Gil Navarro, Marta (Ms) - observer").0,
        "Marta Gil Navarro"
    );
    // without the title the order is not known: "Ana Lee, Bolivia" is no "Bolivia Ana Lee"
    assert_eq!(e("Marta Gil Navarro, Bolivia").0, "Marta Gil Navarro");
}

#[test]
fn test_role_without_its_comma_and_session_labels_in_a_list() {
    let t =
        "Participants\n\nS1:\n1. Marta Gil Navarro independent expert\n2. Ben Ode, MAG member\n\
             S2:\n3. Cy Ray, observer\n";
    assert_eq!(names_of(t), ["Marta Gil Navarro", "Ben Ode", "Cy Ray"]);
    // a sentence after a name is no entry
    let t = "Participants\n\n1. Ben Ode\n2. Cy Ray thanked the group for the draft.\n";
    assert_eq!(names_of(t), ["Ben Ode"]);
    // a session label has a digit; a label of words is the end of the list
    assert!(!is_session_label("Documents:"));
    assert!(is_session_label("Day 2:"));
}

#[test]
fn test_comma_written_order_is_kept_against_the_text() {
    let t = "Notes\n\nMr. Lin Wei-ping questioned the plan at some length.\n\n\
             Participants\n\n1. Lin, Wei-ping (Mr) - MAG member\n2. Ben Ode, observer\n";
    assert_eq!(names_of(t), ["Wei-ping Lin", "Ben Ode"]);
    let t = "Notes\n\nMs. Kowal said the plan was fine for the group.\n\n\
             Participants\n\n1. Kowal Maria, MAG member\n2. Ben Ode, observer\n";
    assert_eq!(names_of(t)[0], "Maria Kowal");
}

#[test]
fn test_bulleted_form_keys_of_a_workshop_report() {
    let t = "Report\n\n- Chair/Moderator: Ms. Marta Gil Navarro, Asociación Red Abierta\n\n\
             - Rapporteur: Mr. Ben Ode\n\n- List of Speakers and their institutional affiliations:\n\
             \x20 Ms. Cy Ray, University of Lagos\n\n- Key Issues raised:\n  - Spectrum fees are high.\n";
    let n = names_of(t);
    assert!(n.contains(&"Marta Gil Navarro".to_string()), "{n:?}");
    assert!(n.contains(&"Ben Ode".to_string()), "{n:?}");
    assert!(n.contains(&"Cy Ray".to_string()), "{n:?}");
    assert!(!n.iter().any(|x| x.contains("Key")), "{n:?}");
}
