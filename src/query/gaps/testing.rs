//! Helpers of the unit tests: texts as proposals of separate meetings, in their own space.

use super::features::{features, Vocab};
use super::similarity::{normalize, space, Bag, Item};
use super::Occurrence;
use crate::extract::request::analyse;
use std::collections::HashMap;

pub(super) fn bag(text: &str, acr: &HashMap<String, Vec<String>>, vocab: &mut Vocab) -> Bag {
    normalize(
        features(&analyse(text), acr, vocab)
            .ids
            .into_iter()
            .map(|x| (x, 1.0))
            .collect(),
    )
}

/// The texts as proposals of separate meetings, in their own space.
pub(super) fn items_of(
    texts: &[&str],
    acr: &HashMap<String, Vec<String>>,
) -> (Vec<Item>, HashMap<u32, u32>, Vocab) {
    let mut v = Vocab {
        ids: HashMap::new(),
    };
    let raw = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            (
                Occurrence {
                    source: format!("m{i}"),
                    meeting_date: None,
                    speaker: String::new(),
                    text: t.to_string(),
                    line: 1,
                },
                None,
                features(&analyse(t), acr, &mut v),
            )
        })
        .collect();
    let (items, df, _) = space(raw);
    (items, df, v)
}
