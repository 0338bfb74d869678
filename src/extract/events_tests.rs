//! Tests of `events`, kept apart so that the rules stay under 700 lines.
use super::*;

fn names(text: &str) -> Vec<String> {
    events(text, "Some Meeting Title", None)
        .into_iter()
        .map(|e| e.name)
        .collect()
}

#[test]
fn test_named_gatherings_are_found() {
    assert_eq!(
        names("He urged presence at Geneva Cyber Week and the Global Dialogue on AI Governance."),
        ["Geneva Cyber Week", "Global Dialogue on AI Governance"]
    );
    assert_eq!(
        names("Preparations for IGF 2023 are going well, as at the 19th IGF."),
        ["IGF 2023", "19th IGF"]
    );
    assert_eq!(
        names("A workshop at AI for Good, then the AI for Good Global Summit."),
        ["AI for Good Global Summit"]
    );
    assert_eq!(
        names("Agreed at the second Open Consultations and MAG meeting in New York."),
        ["second Open Consultations and MAG meeting"]
    );
}

#[test]
fn test_bodies_processes_and_venues_are_not_events() {
    assert!(names("The Global Digital Compact and WSIS+20 review, CSTD and UNDESA.").is_empty());
    assert!(
        names("Best Practice Forums and the Kyoto International Conference Center.").is_empty()
    );
    assert!(names("The output is on the WSIS Forum website.").is_empty());
    assert!(names("The MAG Virtual Meeting was held online.").is_empty());
}

#[test]
fn test_ordinal_words_year_first_and_host_places_name_the_annual_forum() {
    assert_eq!(
        names("Delegates recalled the sixth IGF in Nairobi and the 2017 IGF."),
        ["sixth IGF", "2017 IGF"]
    );
    assert_eq!(
        names("Lessons of the Kyoto IGF were shared."),
        ["Kyoto IGF"]
    );
    assert_eq!(
        names("Since the Riyadh meeting, much moved."),
        ["Riyadh meeting"]
    );
    // a place that never hosted the forum names no gathering
    assert!(names("Since the Vienna meeting, much moved.").is_empty());
    // an ordinal or a year that opens the cycle's own meeting name is not a gathering
    assert_eq!(
        names("Notes of the Second IGF 2021 MAG Meeting follow."),
        ["IGF 2021"]
    );
    assert!(names("The 2018 IGF - MAG - Virtual Meeting was short.").is_empty());
    assert!(names("Plans for the 2030 IGF cycle were noted.").is_empty());
    // a national initiative without a year is a body, not a gathering
    assert!(names("The Italian IGF reported on its work.").is_empty());
}

#[test]
fn test_series_with_a_qualifier_or_a_lower_case_gathering_word() {
    assert_eq!(
        names("The Ghana IGF 2023 came before IGF 2023 itself."),
        ["Ghana IGF 2023", "IGF 2023"]
    );
    assert_eq!(names("At IGF 2023 we met."), ["IGF 2023"]);
    assert_eq!(
        names("She reported on the SEEDIG annual meeting and RightsCon."),
        ["SEEDIG annual meeting", "RightsCon"]
    );
    // the IGF's own series with a lower-case word is the group's meeting
    assert!(names("Plans for the IGF annual meeting were noted.").is_empty());
}

#[test]
fn test_open_consultations_with_the_mag_meeting_are_one_gathering() {
    assert_eq!(
        names("The Third Open Consultations and MAG Meeting is planned for July."),
        ["Third Open Consultations and MAG Meeting"]
    );
    // the meeting itself is not an event
    let own: Vec<String> = events(
        "The Second Open Consultations and MAG Meeting opened on Monday.",
        "Second Open Consultations and MAG Meeting",
        None,
    )
    .into_iter()
    .map(|e| e.name)
    .collect();
    assert!(own.is_empty());
}

#[test]
fn test_an_ordinal_forum_takes_its_gathering_word_but_not_an_indefinite() {
    assert_eq!(
        names("Planning for the seventh IGF meeting, Baku, has begun."),
        ["seventh IGF meeting"]
    );
    assert!(names("Nobody wants the track to turn into a third IGF.").is_empty());
}

#[test]
fn test_an_apposition_names_the_same_gathering_once() {
    assert_eq!(
        names("Looking ahead to IGF 2009, the fourth IGF, in Egypt."),
        ["IGF 2009"]
    );
    // two names of one edition are one event, named by its ordinal
    assert_eq!(
        names("Both IGF 2009 and the fourth IGF were named."),
        ["fourth IGF"]
    );
}

#[test]
fn test_the_forum_in_its_host_place_is_a_gathering() {
    assert_eq!(
        names("Attendance at the IGF in Baku was lower."),
        ["IGF in Baku"]
    );
    // not a place that never hosted it
    assert!(names("Attendance at the IGF in Oslo was lower.").is_empty());
}

#[test]
fn test_a_regional_dialogue_named_alone_is_its_gathering_unless_it_is_the_body() {
    assert_eq!(
        names("Members looked forward to SEEDIG in the spring."),
        ["SEEDIG"]
    );
    assert!(names("Ms. Novak from SEEDIG presented the plan.").is_empty());
    assert!(names("The EuroDIG secretariat sent a note.").is_empty());
    assert!(names("7. Novak, Ana - SEEDIG").is_empty());
}

#[test]
fn test_an_ordinal_meeting_of_the_forum_is_a_gathering() {
    assert_eq!(
        names("Plans for the first meeting of the Internet Governance Forum were set."),
        ["first meeting of the Internet Governance Forum"]
    );
    assert!(names("Plans for the first meeting of the group were set.").is_empty());
}

#[test]
fn test_a_national_initiative_is_a_gathering_only_where_it_takes_place() {
    assert_eq!(
        names("The Lesotho IGF will be held in the capital."),
        ["Lesotho IGF"]
    );
    assert_eq!(
        names("Then the Gulf Coast IGF, Muscat, 2 March."),
        ["Gulf Coast IGF"]
    );
    // the forum's full name and a lower-case "regional" read as the short form does
    assert_eq!(
        names("Slides go to the Caribbean Internet Governance Forum in Kingston."),
        ["Caribbean Internet Governance Forum"]
    );
    assert_eq!(
        names("Who attends the Central Asia regional IGF in Almaty?"),
        ["Central Asia regional IGF"]
    );
    assert!(names("The Caribbean Internet Governance Forum asked for slides.").is_empty());
    assert!(names("From the Chilean IGF it was advised that funds be pooled.").is_empty());
    assert!(names("The coordinator of the Peru IGF asked for slides.").is_empty());
}

#[test]
fn test_tracks_and_numbered_sessions_of_bodies() {
    assert_eq!(names("A call on the Newcomers Track."), ["Newcomers Track"]);
    assert!(names("The programme has three thematic tracks.").is_empty());
    assert_eq!(
        names("Input to the CSTD 27th session."),
        ["CSTD 27th session"]
    );
    assert!(names("Input to the 27th session of the group.").is_empty());
}

#[test]
fn test_two_names_joined_by_a_slash_are_one_gathering() {
    assert_eq!(
        names("Time for the Open Mic / Taking Stock session."),
        ["Open Mic / Taking Stock"]
    );
    assert_eq!(
        names("Time for Open Mic and Taking Stock."),
        ["Open Mic", "Taking Stock"]
    );
}

#[test]
fn test_the_records_own_gathering_documents_and_affiliations_are_not_events() {
    assert!(names("Thanks for joining this Day 0 event today.").is_empty());
    assert_eq!(names("Thanks for joining the Day 0 event."), ["Day 0"]);
    assert!(names("Report of the Lagos Policy Forum, attached.").is_empty());
    assert_eq!(names("The IGF 2022 report was published."), ["IGF 2022"]);
    assert!(names("3. Ana Silva (Lagos Policy Forum)").is_empty());
    assert_eq!(
        names("Ana Silva spoke at the Lagos Policy Forum."),
        ["Lagos Policy Forum"]
    );
}

#[test]
fn test_one_name_per_annual_igf() {
    // ordinal, year and host place of one edition: the ordinal stands for all three
    assert_eq!(
        names("Hosts of the Berlin IGF met at IGF 2019 and reported on the 14th IGF."),
        ["14th IGF"]
    );
    // without an ordinal the year is kept over the place
    assert_eq!(
        names("The Addis Ababa meeting, that is IGF 2022, was praised."),
        ["IGF 2022"]
    );
    // different editions, or a national initiative's own year, stay apart
    assert_eq!(
        names("Lessons of IGF 2019 shaped the 15th IGF and the Youth IGF 2020."),
        ["IGF 2019", "15th IGF", "Youth IGF 2020"]
    );
}

#[test]
fn test_an_acronym_of_a_name_in_full_is_the_same_event() {
    assert_eq!(
        names("Dates of the Africa Internet Governance Forum in Lomé: the AfIGF meets in May."),
        ["Africa Internet Governance Forum"]
    );
    // an acronym whose capitals are not the name's initials stays
    assert_eq!(
        names("The Caribbean Internet Governance Forum in Kingston and EuroDIG 2024 met."),
        ["Caribbean Internet Governance Forum", "EuroDIG 2024"]
    );
}

#[test]
fn test_a_dated_lower_case_kind_of_session_is_a_gathering() {
    assert_eq!(
        names("The Secretariat will run a webinar for mentors on 3 May."),
        ["webinar for mentors"]
    );
    assert_eq!(
        names("Then the regional\nnetworking event will be held in Lomé on 9 June."),
        ["regional networking event"]
    );
    // undated, or with no word to tell which, a kind of session names no gathering
    assert!(names("The Secretariat will run a webinar for mentors soon.").is_empty());
    assert!(names("We will hold a webinar on 3 May.").is_empty());
    // a date in the next block is not the heading's
    assert!(names("Mentors webinar\nOn 3 May the group met.").is_empty());
    // the next one of the record's own kind, or a kind that an apposition then names
    assert!(names("The next regional consultations start on 4 May.").is_empty());
    assert_eq!(
        names("It runs a public webinar, the Open Data Webinar, on 3 May."),
        ["Open Data Webinar"]
    );
}

#[test]
fn test_a_session_named_by_a_quoted_title() {
    assert_eq!(
        names("She asked that the session on\n\"Open Data for Cities\" keep its slot."),
        ["Open Data for Cities"]
    );
    // a quotation that is not a session's title
    assert!(names("He said the phrase \"open data for cities\" was vague.").is_empty());
}

#[test]
fn test_a_year_numbers_a_meeting_of_the_forum() {
    assert_eq!(
        names("The 2014 annual meeting of the IGF is planned for Istanbul."),
        ["2014 annual meeting of the IGF"]
    );
    assert!(names("The 2014 annual meeting of the board is planned.").is_empty());
}

#[test]
fn test_an_ordinal_meeting_in_the_place_that_hosted_that_edition() {
    // the fifth IGF met in Vilnius (2010): the ordinal and the place agree
    assert_eq!(
        names("Lessons from the fifth meeting in Vilnius were shared."),
        ["fifth meeting in Vilnius"]
    );
    // the second IGF was not in Geneva: some other second meeting held there
    assert!(names("Lessons from the second meeting in Geneva were shared.").is_empty());
}

#[test]
fn test_an_initiative_acronym_ending_in_igf_with_a_year() {
    assert_eq!(names("Dates for pIGF 2024 are open."), ["pIGF 2024"]);
    assert!(names("Dates for pIGF are open.").is_empty());
}

#[test]
fn test_bare_open_consultations_are_a_gathering_when_given_a_day() {
    assert_eq!(
        names("Do register for the Open Consultations on 3 July."),
        ["Open Consultations"]
    );
    assert!(names("Do register for the Open Consultations soon.").is_empty());
}

#[test]
fn test_a_head_word_with_only_its_article_is_not_a_name() {
    assert!(names("Messages of the Forum").is_empty());
    assert!(names("Minutes of the Meeting were read.").is_empty());
    assert_eq!(
        names("Plans for the Summit of the Future."),
        ["Summit of the Future"]
    );
}

#[test]
fn test_a_conference_call_is_not_a_gathering() {
    assert!(names("NETWORK GROUP Conference call of the week").is_empty());
    assert_eq!(
        names("NETWORK GROUP Conference opened the day."),
        ["NETWORK GROUP Conference"]
    );
}

#[test]
fn test_a_kind_of_initiative_with_its_day_or_year_is_a_gathering() {
    assert_eq!(
        names("We hope a Youth IGF could take place on 9 May."),
        ["Youth IGF"]
    );
    assert!(names("The Youth IGF could take place in spring.").is_empty());
    assert_eq!(
        names("Remote hubs worked well at the Caribbean IGF last year."),
        ["Caribbean IGF"]
    );
    assert!(names("Remote hubs were tried by the Caribbean IGF team.").is_empty());
}

#[test]
fn test_long_known_names_in_any_case_and_a_bodys_own_session() {
    assert_eq!(
        names("Slots for the nris coordination session are set."),
        ["nris coordination session"]
    );
    // two-word known names keep their capitals: "open mic" is any open microphone
    assert!(names("There will be an open mic for questions.").is_empty());
    assert_eq!(
        names("The report goes to the CSTD at its 26th session in April."),
        ["26th session"]
    );
    assert!(names("The report goes to the CSTD in a session in April.").is_empty());
    assert_eq!(names("Booths at ITU Telecom World."), ["ITU Telecom World"]);
}

#[test]
fn test_a_known_gathering_in_the_title_is_the_record_itself() {
    let titled = |text: &str| -> Vec<String> {
        events(text, "IGF 2031 - Day 0 - Event #12 Open Data", None)
            .into_iter()
            .map(|e| e.name)
            .collect()
    };
    assert_eq!(
        titled("Welcome to the Day 0 programme of IGF 2031."),
        ["IGF 2031"]
    );
    assert_eq!(
        titled("See you at Geneva Cyber Week."),
        ["Geneva Cyber Week"]
    );
}

#[test]
fn test_a_main_session_named_by_its_subject_is_an_event() {
    assert_eq!(
        names("Speakers for the gender main session are still being confirmed."),
        ["gender main session"]
    );
    assert_eq!(
        names("She will report to the main session on Digital Trust on Thursday."),
        ["main session on Digital Trust"]
    );
    // must reject: main sessions in general, one not yet named, a day, a host place
    assert!(
        names("The same main session was discussed, and all main sessions need a moderator.")
            .is_empty()
    );
    assert!(names("Inputs go to the main session on Friday.").is_empty());
    assert!(names("They reviewed the Kyoto main session.").is_empty());
    assert!(names("He proposed a main session on trust.").is_empty());
}
