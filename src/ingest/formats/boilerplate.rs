//! The captioning disclaimer: words about the record, not of the meeting.
//!
//! Real-time captioning transcripts open with a fixed paragraph ("This is the output of
//! the real-time captioning taken during ...", "... may be inaccurate due to inaudible
//! passages ...", "... not to be treated as an authoritative record"), and CART
//! providers add their own. Left in, it was a passage of every transcript, the top
//! "recurring topic" and most of a theme's passages. Its sentences are taken out of the
//! passages after the parse, so the date or city it states is still read for the
//! meeting's facts.

use crate::model::{Block, BlockKind};
use regex::Regex;
use std::sync::LazyLock;

static DISCLAIMER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)output of (?:the )?real[- ]?time captioning|captioning (?:was )?taken during|(?:incomplete|inaccurate) due to inaudible passages|inaudible passages or transmission errors|(?:not|never) (?:to )?be (?:treated|taken) as an? (?:authoritative|verbatim) record|as an aid to understanding the proceedings|based on live transcription|communication access realtime translation|may not be a totally verbatim record|^\s*\**\s*(?:raw|rough edited|unedited) (?:copy|transcript|file)\s*\**\s*$").expect("captioning disclaimer")
});

/// Whether a sentence is part of a captioning disclaimer.
pub fn is_disclaimer(sentence: &str) -> bool {
    DISCLAIMER.is_match(sentence)
}

/// Takes disclaimer sentences out of every passage; a passage left with nothing of its
/// own is dropped.
pub fn drop_disclaimer(blocks: &mut Vec<Block>) {
    if !blocks.iter().any(|b| DISCLAIMER.is_match(&b.text)) {
        return;
    }
    blocks.retain_mut(|b| {
        if b.kind == BlockKind::Heading || !DISCLAIMER.is_match(&b.text) {
            return true;
        }
        let kept: Vec<&str> = crate::text::sentences(&b.text)
            .into_iter()
            .map(|(_, s)| s)
            .filter(|s| !DISCLAIMER.is_match(s))
            .collect();
        let rest = crate::text::squash(&kept.join(" "));
        if rest.split_whitespace().count() <= 3 && b.kind != BlockKind::Turn {
            return false;
        }
        b.text = rest;
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_disclaimer_leaves_the_passages_and_keeps_the_date() {
        let text = "IGF 2026 - MAG - Virtual Meeting - IV\n\nThis is the output of the real-time captioning taken during the MAG virtual meeting on 14 May 2026. Although it is largely accurate, in some cases it may be incomplete or inaccurate due to inaudible passages or transmission errors. It is posted as an aid to understanding the proceedings at the session, but should not be treated as an authoritative record.\n\n***\n\n>> ANA LEE: Good morning. Multilingual captioning would help, I would suggest that we add Spanish captions.\n\n>> BO KIM: Thanks.\n\n>> ANA LEE: Next item.\n";
        let mut m = crate::ingest::parse("t.txt", text);
        drop_disclaimer(&mut m.blocks);
        assert_eq!(
            m.date.map(crate::text::dates::iso).as_deref(),
            Some("2026-05-14")
        );
        assert!(m
            .blocks
            .iter()
            .all(|b| !b.text.contains("authoritative") && !b.text.contains("inaudible")));
        assert!(m.blocks.iter().any(|b| b.text.contains("Spanish captions")));
    }
}
