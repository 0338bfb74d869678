//! Tests of `mail`, kept apart so that the rules stay under 700 lines.
use super::*;
use crate::text::dates::iso;

#[test]
fn test_subject_cleaning() {
    assert_eq!(
        clean_subject("[IGFmaglist] Summary of MAG Virtual Meeting X"),
        "MAG Virtual Meeting X"
    );
    assert_eq!(
        clean_subject("Re: [WG-Strategy] RE: Minutes of the WG Strategy meeting"),
        "WG Strategy meeting"
    );
    assert_eq!(clean_subject("[Wg-mwp] R: Notes"), "Notes");
}

#[test]
fn test_quotes_outlook_blocks_and_footers_are_blanked_in_place() {
    let body = "I agree.\n\nOn Mon, 4 May 2026 at 10:00, Ana Lee wrote:\n> old text\n\n\
                _______________________________________________\nWG mailing list\n\
                https://example.org/mailman/listinfo/wg";
    let out = clean_body(body.split('\n').map(str::to_string).collect());
    assert_eq!(out.len(), body.split('\n').count());
    assert_eq!(out.iter().filter(|l| !l.is_empty()).count(), 1);
    let outlook = "Fine by me.\nFrom: Ana Lee\nSent: Monday, 4 May 2026\nTo: wg\nold";
    let out = clean_body(outlook.split('\n').map(str::to_string).collect());
    assert_eq!(out[0], "Fine by me.");
    assert!(out[1..].iter().all(|l| l.is_empty()));
}

#[test]
fn test_text_with_headers_keeps_line_numbers() {
    let t = "From: Ana Lee <ana@example.org>\nDate: Thu, 14 May 2026 10:12:00 +0200\n\
             Subject: [wg] Re: Summary of the call\n\nHello all.\n> quoted\n";
    assert!(has_headers(t));
    let r = render_text(t);
    assert_eq!(r.text.split('\n').count(), t.split('\n').count());
    let meta = r.mail.unwrap();
    assert_eq!(meta.author.as_deref(), Some("Ana Lee"));
    assert_eq!(meta.date.map(iso).as_deref(), Some("2026-05-14"));
    assert!(!r.text.contains("quoted"));
    assert!(r.text.starts_with("From: Ana Lee"));
}

#[test]
fn test_stamps_and_addresses() {
    assert_eq!(
        stamp_date("Thu Aug 9 17:38:34 EDT 2018")
            .map(iso)
            .as_deref(),
        Some("2018-08-09")
    );
    assert_eq!(
        split_address("\"Lee, Ana\" <ana@example.org>").0.as_deref(),
        Some("Lee, Ana")
    );
    assert_eq!(
        split_address("ana@example.org (Ana Lee)").0.as_deref(),
        Some("Ana Lee")
    );
}

const QUOTED_MINUTES: &str = "Thanks, one comment below.\n\n\
    On Tue, Mar 3, 2026 at 9:00 AM, Ana Lee <ana at example.org> wrote:\n\
    > Notes of the call, 3 March 2026.\n>\n\
    > Participants: Ana Lee, Ben Ode, Cy Ray\n>\n\
    > 1. Budget\n> Ben presented the draft budget for the year.\n\
    > Cy suggested a smaller travel line.\n>\n\
    > 2. Retreat\n> The group agreed to meet in May.\n>\n\
    > Next call: 17 March.\n";

#[test]
fn test_quoted_minutes_are_read_and_their_writer_is_known() {
    let lines: Vec<String> = QUOTED_MINUTES.split('\n').map(str::to_string).collect();
    let (out, voices) = clean_body_voices(lines.clone());
    assert_eq!(out.len(), lines.len());
    assert!(out
        .iter()
        .any(|l| l == "Cy suggested a smaller travel line."));
    assert!(!out
        .iter()
        .any(|l| l.contains("wrote:") || l.starts_with('>')));
    assert_eq!(voices, vec![(3, "Ana Lee".to_string())]);
}

#[test]
fn test_a_quoted_reply_or_agenda_stays_out() {
    let reply = "Agreed.\n\nOn Tue, Mar 3, 2026 at 9:00 AM, Ana Lee <ana at example.org> wrote:\n\
                 > Shall we move the call to Friday?\n> I can do any time after 10.\n";
    let (out, voices) = clean_body_voices(reply.split('\n').map(str::to_string).collect());
    assert!(voices.is_empty());
    assert_eq!(out.iter().filter(|l| !l.is_empty()).count(), 1);
    let agenda = "See below.\n\nOn Tue, Mar 3, Ana Lee wrote:\n> Draft agenda\n>\n> 1. Budget\n> 2. Retreat\n\
                  > 3. Outreach\n> 4. Survey\n> 5. Workshop\n> 6. AOB\n>\n> Best,\n> Ana\n";
    let (out, _) = clean_body_voices(agenda.split('\n').map(str::to_string).collect());
    assert_eq!(out.iter().filter(|l| !l.is_empty()).count(), 1);
}

#[test]
fn test_forwarded_minutes_under_an_outlook_header_are_read() {
    let body = "See the minutes below.\n\nDa: wg <wg at example.org> per conto di Ben Ode\n\
                Inviato: martedì 3 marzo 2026 21:05\nA: wg at example.org\nOggetto: Minutes\n\n\
                1. Ana opened the call and the agenda was adopted.\n\
                2. Cy suggested a smaller travel line.\n3. The group agreed to meet in May.\n\
                Ana reported on the survey.\nDan asked about the retreat.\n\
                Eve presented the outreach plan.\nNext meeting: 17 March.\nBen\n";
    let (out, voices) = clean_body_voices(body.split('\n').map(str::to_string).collect());
    assert!(out.iter().any(|l| l.contains("Cy suggested")));
    assert!(!out.iter().any(|l| l.contains("Inviato")));
    assert_eq!(voices, vec![(6, "Ben Ode".to_string())]);
    let short = "Fine.\nFrom: Ben Ode\nSent: Monday, 4 May 2026\nTo: wg\n\nCan we talk?\n";
    let (out, voices) = clean_body_voices(short.split('\n').map(str::to_string).collect());
    assert!(voices.is_empty());
    assert!(out[1..].iter().all(|l| l.is_empty()));
}

#[test]
fn test_archive_text_names_its_sender() {
    let t = format!(
        "[wg] Re: Notes of the call\n\nAna Lee ana.lee at example.org\n\
         Thu Mar 5 10:00:00 EST 2026\n\n{QUOTED_MINUTES}"
    );
    let r = render_archive_text(&t).unwrap();
    let meta = r.mail.unwrap();
    assert_eq!(meta.author.as_deref(), Some("Ana Lee"));
    assert_eq!(meta.voices, vec![(9, "Ana Lee".to_string())]);
    assert_eq!(r.text.split('\n').count(), t.split('\n').count());
    assert!(render_archive_text("Title\n\nJust a note on Thu Mar 5.\n").is_none());
}

#[test]
fn test_attribution_authors() {
    assert_eq!(
        wrote_author("On Wed, Jan 28, 2026 at 7:45 AM Ben Ode <b at x.org> wrote:").as_deref(),
        Some("Ben Ode")
    );
    assert_eq!(
        wrote_author("On 3 March 2026, Ana Lee wrote:").as_deref(),
        Some("Ana Lee")
    );
    assert_eq!(wrote_author("ana at example.org wrote:"), None);
}

#[test]
fn test_quoted_minutes_under_a_forwarded_header_in_an_archive_are_read() {
    let quoted = "> 1. Ana opened the call and the agenda was adopted.\n\
                  > 2. Cy suggested a smaller travel line.\n> 3. The group agreed to meet in May.\n\
                  > Ana reported on the survey.\n> Dan asked about the retreat.\n\
                  > Eve presented the outreach plan.\n> Next meeting: 17 March.\n> Ben\n";
    let t = format!(
        "[wg] R: Minutes\n\nODE Ben ben at example.org\nThu Mar 5 10:00:00 EST 2026\n\n\
         One correction below.\n\nDa: wg [mailto:wg at example.org] Per conto di Ben Ode\n\
         Inviato: martedì 3 marzo 2026 21:05\nA: wg at example.org\nOggetto: Minutes\n\n{quoted}"
    );
    let r = render_archive_text(&t).unwrap();
    assert!(r.text.contains("\n2. Cy suggested a smaller travel line."));
    let meta = r.mail.unwrap();
    // the sender's capitals are the family name
    assert_eq!(meta.author.as_deref(), Some("Ben Ode"));
    assert!(meta.voices.iter().any(|(_, a)| a == "Ben Ode"));
    // must reject: a quote under a lone "To:" line is not introduced, so it stays quoted
    let t = format!(
        "[wg] R: Minutes\n\nAna Lee ana at example.org\nThu Mar 5 10:00:00 EST 2026\n\n\
         See below.\nTo: wg at example.org\n\n{quoted}"
    );
    let r = render_archive_text(&t).unwrap();
    assert!(r.text.contains("> 2. Cy suggested"));
}

#[test]
fn test_a_sender_that_is_a_body_keeps_its_words() {
    assert_eq!(
        person_or_none("IGF Secretariat").as_deref(),
        Some("IGF Secretariat")
    );
    assert_eq!(person_or_none("LEE Ana").as_deref(), Some("Ana Lee"));
}
