//! Subtitles: WebVTT (Zoom, YouTube) and SRT.
//!
//! Each cue has a start time and text; the speaker comes from a `<v Name>` voice tag or a
//! `Name:` prefix. Consecutive cues of one speaker form one turn, which starts at its
//! first cue's time. NOTE, STYLE and REGION blocks are skipped.

use super::lines::{Layout, Line};
use super::transcript::name_turn;
use crate::model::{Block, BlockKind};
use crate::text::squash;
use regex::Regex;
use std::sync::LazyLock;

static TIMING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(\d{1,3}):)?(\d{1,2}):(\d{2})[.,](\d{1,3})\s*-->\s*(?:\d{1,3}:)?\d{1,2}:\d{2}[.,]\d{1,3}").expect("cue timing")
});
static VOICE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<v(?:\.[\w.]+)?\s+([^>]+)>").expect("voice tag"));
static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</?[a-zA-Z][^>]*>|<\d[^>]*>").expect("tag"));

/// A captioner's turn marker at the start of a cue line (`>>`, or a stray `>>>`).
static CAPTION_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^>{2,3}\s*").expect("caption mark"));

/// Whether the text is a WebVTT or SRT file.
pub fn is_subtitle(lines: &[Line<'_>]) -> bool {
    let first = lines
        .iter()
        .find(|l| !l.text.trim().is_empty())
        .map_or("", |l| l.text.trim());
    if first.starts_with("WEBVTT") {
        return true;
    }
    lines.iter().take(12).any(|l| TIMING.is_match(l.text))
}

/// Parses cues into turns.
pub fn cues(doc: &Layout<'_>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for raw in &doc.blocks {
        let Some(t) = raw.iter().position(|l| TIMING.is_match(l.text)) else {
            continue; // WEBVTT header, NOTE, STYLE, REGION
        };
        let c = TIMING.captures(raw[t].text).expect("timing");
        let num = |i: usize| {
            c.get(i)
                .map_or(0.0, |m| m.as_str().parse::<f64>().unwrap_or(0.0))
        };
        let frac = c.get(4).map_or(0.0, |m| {
            m.as_str().parse::<f64>().unwrap_or(0.0) / 10f64.powi(m.as_str().len() as i32)
        });
        let start = num(1) * 3600.0 + num(2) * 60.0 + num(3) + frac;
        let body = &raw[t + 1..];
        if body.is_empty() {
            continue;
        }
        let mut speaker: Option<String> = None;
        let mut parts = Vec::new();
        for l in body {
            let mut s = l.text.to_string();
            if let Some(v) = VOICE.captures(&s) {
                speaker = Some(squash(&v[1]));
            }
            s = TAG.replace_all(&s, "").into_owned();
            let s = s.trim().trim_start_matches("- ");
            // captioning written into cues: ">> NAME: words" is a turn as "NAME: words" is
            let s = CAPTION_MARK.replace(s, "").into_owned();
            if let Some((label, rest)) = name_turn(&s) {
                if speaker.is_none() || parts.is_empty() {
                    speaker = Some(label);
                    parts.push(rest);
                    continue;
                }
            }
            parts.push(s);
        }
        let text = squash(&parts.join(" "));
        if text.is_empty() {
            continue;
        }
        let (first, last) = (body[0].no, body[body.len() - 1].no);
        if let Some(prev) = out.last_mut() {
            if prev.label == speaker && speaker.is_some() {
                super::transcript::append_words(&mut prev.text, &text);
                prev.line_end = last;
                continue;
            }
        }
        out.push(Block {
            kind: BlockKind::Turn,
            line_start: first,
            line_end: last,
            text,
            label: speaker,
            speaker: None,
            section: None,
            time_start: Some(start),
            is_item: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::lines::{lines, Layout};

    #[test]
    fn test_vtt_voice_tags_merge_consecutive_cues() {
        let doc = "WEBVTT\n\nNOTE a comment\n\n00:00:01.500 --> 00:00:03.000\n<v Ana Neves>Hello all.</v>\n\n00:00:03.000 --> 00:00:05.000\n<v Ana Neves>Second cue.\n\n00:01:05.000 --> 00:01:07.000\n<v Chris>Reply.\n";
        let ls = Layout::new(doc);
        assert!(is_subtitle(&ls.lines));
        let b = cues(&ls);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].label.as_deref(), Some("Ana Neves"));
        assert_eq!(b[0].text, "Hello all. Second cue.");
        assert_eq!(b[0].time_start, Some(1.5));
        assert_eq!((b[0].line_start, b[0].line_end), (6, 9));
        assert_eq!(b[1].time_start, Some(65.0));
    }

    #[test]
    fn test_srt_with_name_prefix() {
        let doc = "1\n00:00:02,000 --> 00:00:04,000\nJohn Smith: Good morning.\n\n2\n00:00:04,000 --> 00:00:06,000\nMary Jones: Hi.\n";
        let ls = Layout::new(doc);
        assert!(is_subtitle(&ls.lines));
        let b = cues(&ls);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].label.as_deref(), Some("John Smith"));
        assert_eq!(b[1].time_start, Some(4.0));
    }

    #[test]
    fn test_srt_with_captioning_marks() {
        let doc = "1\n00:00:01,000 --> 00:00:03,000\n>> ANA SOUZA: We open the call.\n\n2\n00:00:03,000 --> 00:00:05,000\n>>PETER HOLM: Thanks, Ana.\n\n3\n00:00:05,000 --> 00:00:07,000\n> quoted: not a mark\n";
        let b = cues(&Layout::new(doc));
        assert_eq!(b[0].label.as_deref(), Some("ANA SOUZA"));
        assert_eq!(b[0].text, "We open the call.");
        assert_eq!(b[1].label.as_deref(), Some("PETER HOLM"));
        assert_eq!(b[2].label, None);
    }

    #[test]
    fn test_plain_text_is_not_subtitle() {
        assert!(!is_subtitle(&lines(
            "Minutes\n\n1. Opening at 13:00 UTC.\n"
        )));
    }
}
