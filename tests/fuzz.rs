//! Property tests: the reader, parser and extractor never panic, whatever the input, and
//! what they report stays inside the document.
//!
//! In the normal suite this runs a bounded number of cases. For a long run (the fuzzing
//! campaign of issue #8), set `QUORUM_FUZZ_SECS`: the test then keeps generating new
//! cases until that many seconds have passed:
//!
//!     QUORUM_FUZZ_SECS=1800 cargo test --release --test fuzz -- --nocapture

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use quorum::ingest::read::decode;
use quorum::pipeline::parse;

/// Pieces of meeting records, glued together in random order and mutated.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("MAG Working Group on Strategy (WG-Strategy)\n".to_string()),
        Just("5 March 2026 at 18:00 UTC\n".to_string()),
        Just("31 February 2026, 25:99 CEST\n".to_string()),
        Just("Tuesday 07/09/21, 13:00-14:30 UTC\n".to_string()),
        Just(">> CHENGETAI MASANGO: Welcome, our Chair, Paul Mitchell.\n".to_string()),
        Just(">>CHAIR: So we agree that the agenda is adopted.\n".to_string()),
        Just(">> Hello?\n".to_string()),
        Just("Anriette Esterhuysen (MAG Chair): I propose that we meet again on 21/09.\n".to_string()),
        Just("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana>Hi.\n".to_string()),
        Just("1\n00:00:01,000 --> 00:00:02,000\nJohn: Hi.\n".to_string()),
        Just("List of participants:\n1. Miloshevic, Desiree, IGF MAG member\n2. (\n".to_string()),
        Just("Attendees: A (co-chairs); ; B, C (\n".to_string()),
        Just("A. Heading\n\n- item,\n- item;\n".to_string()),
        Just("Ms. St. Amour suggested that the IGF should. She also urged ( to\n".to_string()),
        Just("The group agreed to prepare a document. It was agreed that.\n".to_string()),
        Just("Geneva Cyber Week (4-8 May 2026) and the 19th IGF and IGF 2026 and AI for Good\n".to_string()),
        Just("Next meeting: 2 April - 13:00 UTC\n".to_string()),
        Just("Le groupe a décidé de réviser les termes de référence. María José García del Río propuso.\n".to_string()),
        Just("------------------\n> quoted\nOn Mon, Sep 17, 2018 at 4:02 PM, X wrote:\n".to_string()),
        Just("# \n## \n*\n**\n".to_string()),
        "[ -~\\n\\t]{0,200}",
        "\\PC{0,80}",
        "[\\u{0}-\\u{20}\\u{7f}-\\u{9f}\\u{feff}\\u{202e}]{0,10}",
    ]
}

fn document() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::collection::vec(piece(), 0..40),
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
        any::<u8>(),
    )
        .prop_map(|(pieces, flips, eol)| {
            let mut text = pieces.concat();
            match eol % 4 {
                0 => text = text.replace('\n', "\r\n"),
                1 => text = text.replace('\n', "\r"),
                _ => {}
            }
            let mut bytes = text.into_bytes();
            if !bytes.is_empty() {
                for (i, b) in flips {
                    let at = i.index(bytes.len());
                    bytes[at] = b;
                }
            }
            bytes
        })
}

fn check(bytes: &[u8]) {
    let Ok(text) = decode(bytes) else { return };
    let lines = text.split('\n').count();
    let m = parse("fuzz/doc.txt", &text);
    for b in &m.blocks {
        assert!(
            b.line_start >= 1 && b.line_start <= b.line_end && b.line_end <= lines,
            "block lines {}..{} of {lines}",
            b.line_start,
            b.line_end
        );
    }
    let mut seen = std::collections::HashSet::new();
    for s in &m.speakers {
        assert!(seen.insert(s), "speaker {s} twice");
    }
    for p in &m.proposals {
        assert!(p.line >= 1 && p.line <= lines);
    }
    if let Some(d) = &m.meeting.date {
        assert!(
            quorum::extract::dates::parse_iso(d).is_some(),
            "bad date {d}"
        );
    }
    serde_json::to_string(&m).expect("serializes");
    let f = quorum::index::schema::build().1;
    let records =
        quorum::extract::passages::records(&m, &quorum::extract::themes::ThemeSet::default_set());
    let docs = quorum::index::passages::documents(&m, &records, &f, "h", 0, 0);
    assert!(docs.len() >= 2);
}

fn run(cases: u32) {
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&document(), |bytes| {
            check(&bytes);
            Ok(())
        })
        .unwrap();
}

#[test]
fn test_parser_never_panics_on_generated_documents() {
    match std::env::var("QUORUM_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
    {
        Some(secs) => {
            let t0 = std::time::Instant::now();
            let mut rounds = 0u64;
            while t0.elapsed().as_secs() < secs {
                run(2000);
                rounds += 1;
            }
            eprintln!(
                "fuzz: {} cases in {:.0}s, no failure",
                rounds * 2000,
                t0.elapsed().as_secs_f64()
            );
        }
        None => run(300),
    }
}

#[test]
fn test_regressions_from_fuzzing() {
    // inputs that once broke a rule, kept so that they never break it again
    for case in [
        "",
        "\u{feff}",
        ">>",
        ">> :",
        "A:",
        "1.",
        "(",
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n",
        "List of participants:\n1.\n",
        "Attendees: ;;,,()",
        "She suggested:",
        "Next meeting: 31/02",
        "IGF 2026 IGF 2026 IGF 2026",
        "Ms.",
        "- \n- \n",
        // found by the long run: lower-casing "İ" and "ﹲ" changes byte offsets (issue #8)
        ">> CHAIR: İİİİ ﹲ the IGF should act now.\n>> CHAIR: Yes.\n>> CHAIR: İ we should go.\n",
    ] {
        check(case.as_bytes());
    }
}

#[test]
fn test_huge_line_and_many_lines_stay_linear() {
    let line = "The group agreed that the Secretariat should act. ".repeat(200_000); // 10 MB
    let t0 = std::time::Instant::now();
    check(line.as_bytes());
    let turns = ">> CHAIR: Hello.\n".to_string() + &"more words on this line\n".repeat(200_000);
    check(turns.as_bytes());
    assert!(t0.elapsed().as_secs() < 60, "took {:?}", t0.elapsed());
}

// ---- formats: web pages, mail, PDF and Word files (issue #21) ----

use quorum::ingest::formats;
use quorum::ingest::read::ReadError;

/// Renders and parses bytes as a file of the given name; what comes out stays inside
/// the rendering, and a refusal is a one-line reason.
fn check_format(name: &str, bytes: &[u8]) -> Result<(), ReadError> {
    match formats::render(std::path::Path::new(name), bytes) {
        Ok(r) => {
            let lines = r.text.split('\n').count();
            let m = quorum::pipeline::parse_rendering(&format!("fuzz/{name}"), &r);
            for b in &m.blocks {
                assert!(b.line_start >= 1 && b.line_start <= b.line_end && b.line_end <= lines);
            }
            for p in &m.proposals {
                assert!(p.line >= 1 && p.line <= lines);
            }
            serde_json::to_string(&m).expect("serializes");
            Ok(())
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(!msg.is_empty() && !msg.contains('\n'), "reason {msg:?}");
            assert!(!e.key().is_empty());
            Err(e)
        }
    }
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/formats/corpus")
            .join(name),
    )
    .expect("fixture")
}

fn html_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<!DOCTYPE html><html><head><title>T</title>".to_string()),
        Just("<body><nav><ul><li>Home</li></ul></nav>".to_string()),
        Just("<main><h1>Virtual Meeting III</h1>".to_string()),
        Just("<p>Ana Lee suggested that the group meet monthly.".to_string()),
        Just("<ul><li>one<li>two</ul>".to_string()),
        Just("<ol start=\"x\"><li>".to_string()),
        Just("<table><tr><td>a<td>b</table>".to_string()),
        Just("<pre>\n> quoted\n</pre>".to_string()),
        Just("<script>document.write('<p>')</script>".to_string()),
        Just("<div class=\"cookie-banner\"><h1>x</h1>".to_string()),
        Just("<![if !supportLists]>·<![endif]><o:p></o:p>".to_string()),
        Just("<!--beginarticle--><H1>[l] Re: x</H1><B></B><I>Thu</I>".to_string()),
        Just("</div></div></p></li></body>".to_string()),
        Just("&nbsp;&amp;&#0;&#xFFFFFF;&bogus;".to_string()),
        Just("<footer>Copyright</footer>".to_string()),
        "[<>/=\"a-z ]{0,40}",
        "\\PC{0,40}",
    ]
}

fn html_document() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(html_piece(), 0..30).prop_map(|p| p.concat().into_bytes())
}

/// A fixture cut short and with a few bytes changed.
fn damaged(base: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    let n = base.len();
    (
        0..=n,
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6),
    )
        .prop_map(move |(cut, flips)| {
            let mut b = base[..cut].to_vec();
            if !b.is_empty() {
                for (i, v) in flips {
                    let at = i.index(b.len());
                    b[at] = v;
                }
            }
            b
        })
}

fn run_formats(cases: u32) {
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&html_document(), |b| {
            let _ = check_format("page.html", &b);
            Ok(())
        })
        .unwrap();
    for name in [
        "meeting.pdf",
        "meeting.docx",
        "meeting.eml",
        "meeting-archive.html",
    ] {
        runner
            .run(&damaged(fixture(name)), |b| {
                let _ = check_format(name, &b);
                Ok(())
            })
            .unwrap();
    }
}

#[test]
fn test_formats_never_panic_on_bad_html_truncated_pdf_and_damaged_docx() {
    match std::env::var("QUORUM_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
    {
        Some(secs) => {
            let t0 = std::time::Instant::now();
            while t0.elapsed().as_secs() < secs {
                run_formats(500);
            }
        }
        None => run_formats(100),
    }
}

#[test]
fn test_truncated_pdf_gives_a_reason() {
    let pdf = fixture("meeting.pdf");
    for cut in [0, 8, 100, pdf.len() / 2, pdf.len() - 40] {
        let r = check_format("cut.pdf", &pdf[..cut]);
        if let Err(e) = r {
            assert!(
                matches!(
                    e,
                    ReadError::Malformed { .. } | ReadError::NoTextLayer(_) | ReadError::Empty
                ),
                "{cut}: {e}"
            );
        }
    }
    assert!(check_format("cut.pdf", &pdf[..pdf.len() / 3]).is_err());
}

fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut buf);
        for (name, data) in files {
            w.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut w, data).unwrap();
        }
        w.finish().unwrap();
    }
    buf.into_inner()
}

#[test]
fn test_zip_that_is_not_a_docx_and_a_docx_bomb_are_refused() {
    let not_docx = zip_of(&[("xl/workbook.xml", b"<workbook/>")]);
    let e = check_format("sheet.docx", &not_docx).unwrap_err();
    assert_eq!(e.key(), "not a docx", "{e}");
    // 60 MB of XML that deflates to about 60 KB
    let big = vec![b' '; 60_000_000];
    let bomb = zip_of(&[("word/document.xml", &big)]);
    assert!(bomb.len() < 1_000_000, "{}", bomb.len());
    let e = check_format("bomb.docx", &bomb).unwrap_err();
    assert!(matches!(e, ReadError::Unpacked(_)), "{e}");
    assert!(e.to_string().contains("zip bomb"), "{e}");
    assert!(check_format("junk.docx", b"PK\x03\x04\x14\x00junk").is_err());
}

#[test]
fn test_bad_html_gives_text_or_a_reason() {
    for case in [
        "<html>",
        "<html><body></body></html>",
        "<p><p><p>",
        "<!DOCTYPE html><table><tr><td><table><td>",
        "<!--beginarticle--><pre></pre>",
        "<h1></h1><a href='mailto:'></a><pre>",
        "<nav><main><h1>x</h1></main></nav>",
    ] {
        let _ = check_format("bad.html", case.as_bytes());
    }
}
