//! The pair similarity as a few named components combined by a logistic model whose
//! weights were fitted on one generator's corpora (`benches/gaps_fit.py`; the seeds and
//! figures are in [`WEIGHTS`]' comment and benches/RESULTS.md, "Gaps: a fitted
//! similarity (session 14)").
//!
//! Two proposals are one request when they ask for the same thing about the same subject:
//! the components say how much of what each asks (its action and object) and of what it
//! is about (its subject, audience, place, partner) the other says, whether their slots
//! agree or conflict, whether they ask to have the same thing, and how far apart in time
//! they are. The frame a request is put in ("hold a webinar on", "prepare a fact sheet
//! on") is in what is asked: its weight is fitted, and alone, at the cosine such pairs
//! have, it stays below the threshold (see the test below). Opt-in (`QUORUM_GAP_MODEL=1`):
//! it does not carry over to the other generators (benches/RESULTS.md, session 14).

use super::similarity::{said_within, same_want, Item};
use std::io::Write;

/// The components of a pair, each named (see [`components`]).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Components {
    /// Cosine of the two bags of stems, weighted by rarity: all the words.
    pub(super) cosine: f32,
    /// Share, weighted by rarity, of what each asks (the stems of its action and object,
    /// the agent aside) that the other says anywhere; the smaller of the two. 0 when
    /// either names nothing asked.
    pub(super) asked: f32,
    /// Share, weighted by rarity, of what each is about (the stems of its subject,
    /// audience, place and partner) that the other says anywhere; the smaller of the two
    /// when both name one, the one's when only one does, 0 when neither does.
    pub(super) about: f32,
    /// Slots (subject, audience, place, partner) both name and share a word of.
    pub(super) agree: f32,
    /// Slots both name and share no word of, modifiers aside: evidence against.
    pub(super) conflict: f32,
    /// Slots one names whose words are nowhere in the other.
    pub(super) unmatched: f32,
    /// 1 when both ask to have the same thing (`similarity::same_want`), or all the words
    /// of one are in the other (`similarity::said_within`).
    pub(super) same_thing: f32,
    /// Years between the two meetings (at most 10; 0 when a date is unknown).
    pub(super) years: f32,
}

impl Components {
    /// The names, in the order of [`Components::values`] and of the dump's columns.
    pub(super) const NAMES: [&'static str; 8] = [
        "cosine",
        "asked",
        "about",
        "agree",
        "conflict",
        "unmatched",
        "same_thing",
        "years",
    ];

    pub(super) fn values(&self) -> [f32; 8] {
        [
            self.cosine,
            self.asked,
            self.about,
            self.agree,
            self.conflict,
            self.unmatched,
            self.same_thing,
            self.years,
        ]
    }
}

/// The weight of each component (in [`Components::NAMES`]' order) and the bias.
pub(super) struct Weights {
    pub(super) w: [f32; 8],
    pub(super) bias: f32,
}

impl Weights {
    /// Weights from eight values and a bias (`QUORUM_GAP_WEIGHTS`, for fitting runs).
    pub(super) fn from_slice(v: &[f32]) -> Option<Weights> {
        let (bias, w) = v.split_last()?;
        Some(Weights {
            w: w.try_into().ok()?,
            bias: *bias,
        })
    }
}

/// Fitted by `benches/gaps_fit.py` (logistic regression, L2 1.0) on the 341,501 candidate
/// pairs of gen_chains seeds 1-5 (559 of them pairs of one chain), and on nothing else;
/// reported on gen_chains 11-20, gen_alt 1-6 and quorum-gen's 16 held-out seeds
/// (benches/RESULTS.md, "Gaps: a fitted similarity (session 14)"). Read in
/// [`Components::NAMES`]' order: the cosine and what the two are about weigh most, a
/// conflict of slots and a slot one names and the other does not weigh against.
pub(super) const WEIGHTS: Weights = Weights {
    w: [
        7.5587, 0.5307, 2.0989, -0.2070, -1.5718, -1.1996, -1.2601, -0.8482,
    ],
    bias: -6.1509,
};

/// The rarity weight of each stem of `xs` in the item's bag (the bag is normalised, so
/// the weights keep the ratios of the stems' rarities).
fn weight_of(it: &Item, xs: &[u32]) -> f32 {
    xs.iter()
        .filter_map(|x| it.bag.binary_search_by_key(x, |y| y.0).ok())
        .map(|k| it.bag[k].1)
        .sum()
}

/// Share, by weight, of `xs` (stems of `a`) that `b` says anywhere; None when `xs` has no
/// weight in `a`.
fn share_said(a: &Item, xs: &[u32], b: &Item) -> Option<f32> {
    let all = weight_of(a, xs);
    if all <= 0.0 {
        return None;
    }
    let said: Vec<u32> = xs.iter().copied().filter(|&x| b.has(x)).collect();
    Some(weight_of(a, &said) / all)
}

fn both_ways(a: &Item, xa: &[u32], b: &Item, xb: &[u32]) -> f32 {
    match (share_said(a, xa, b), share_said(b, xb, a)) {
        (Some(x), Some(y)) => x.min(y),
        (Some(x), None) | (None, Some(x)) => x,
        (None, None) => 0.0,
    }
}

/// The components of a pair of proposals.
pub(super) fn components(a: &Item, b: &Item) -> Components {
    let cosine = super::similarity::cosine(&a.bag, &b.bag);
    let asked = match (
        share_said(a, &a.asked.core, b),
        share_said(b, &b.asked.core, a),
    ) {
        (Some(x), Some(y)) => x.min(y),
        _ => 0.0,
    };
    let about_of = |it: &Item| {
        let mut v: Vec<u32> = it.asked.slots.iter().flatten().copied().collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let about = both_ways(a, &about_of(a), b, &about_of(b));
    let shares = |x: &[u32], a: &Item, b: &Item| {
        x.iter()
            .any(|&s| b.has(s) && a.modifiers.binary_search(&s).is_err())
    };
    let (mut agree, mut conflict, mut unmatched) = (0, 0, 0);
    for (x, y) in a.asked.slots.iter().zip(&b.asked.slots) {
        match (x.is_empty(), y.is_empty()) {
            (false, false) if shares(x, a, b) || shares(y, b, a) => agree += 1,
            (false, false) => conflict += 1,
            (false, true) if !shares(x, a, b) => unmatched += 1,
            (true, false) if !shares(y, b, a) => unmatched += 1,
            _ => {}
        }
    }
    let same_thing = same_want(a, b) || said_within(a, b) || said_within(b, a);
    let years = match (a.date, b.date) {
        (Some(x), Some(y)) => ((x - y).whole_days().unsigned_abs() as f32 / 365.25).min(10.0),
        _ => 0.0,
    };
    Components {
        cosine,
        asked,
        about,
        agree: agree as f32,
        conflict: conflict as f32,
        unmatched: unmatched as f32,
        same_thing: same_thing as u8 as f32,
        years,
    }
}

/// The model's probability that the pair is one request.
pub(super) fn probability(c: &Components, w: &Weights) -> f32 {
    let z: f32 = w.bias + c.values().iter().zip(&w.w).map(|(x, k)| x * k).sum::<f32>();
    1.0 / (1.0 + (-z).exp())
}

/// Writes the items and every candidate pair with its components, for fitting
/// (`QUORUM_GAP_PAIRS=PATH`: PATH gets the pairs, PATH.items the proposals).
pub(super) fn dump(path: &str, items: &[Item], pairs: &[(f32, u32, u32)]) -> std::io::Result<()> {
    let mut f = std::io::BufWriter::new(std::fs::File::create(format!("{path}.items"))?);
    for (i, it) in items.iter().enumerate() {
        let line = serde_json::json!({"i": i, "source": it.occ.source, "text": it.occ.text});
        writeln!(f, "{line}")?;
    }
    f.flush()?;
    let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(f, "a\tb\t{}", Components::NAMES.join("\t"))?;
    for &(_, a, b) in pairs {
        let c = components(&items[a as usize], &items[b as usize]);
        let vals: Vec<String> = c.values().iter().map(|v| format!("{v:.4}")).collect();
        writeln!(f, "{a}\t{b}\t{}", vals.join("\t"))?;
    }
    f.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::gaps::params::PARAMS;
    use crate::query::gaps::testing::items_of;
    use std::collections::HashMap;

    #[test]
    fn test_components_of_a_restatement_and_of_a_shared_frame() {
        let texts = [
            "organise a training course on cloud security for librarians",
            "a course on cloud security should be organised for librarians",
            "organise a training course on wind energy for farmers",
        ];
        let (items, _, _) = items_of(&texts, &HashMap::new());
        let same = components(&items[0], &items[1]);
        assert_eq!(same.agree, 2.0);
        assert_eq!(same.conflict, 0.0);
        assert!(same.about > 0.99, "{same:?}");
        let frame = components(&items[0], &items[2]);
        assert_eq!(frame.conflict, 2.0, "{frame:?}");
        assert!(frame.asked > 0.99 && frame.about == 0.0, "{frame:?}");
    }

    #[test]
    fn test_a_shared_frame_alone_never_joins_two_requests() {
        // all of what is asked shared, nothing of what it is about: the cosine of two
        // requests of one frame with other subjects, audiences and places
        let frame = Components {
            cosine: 0.4,
            asked: 1.0,
            ..Components::default()
        };
        assert!(probability(&frame, &WEIGHTS) < PARAMS.model_link);
        // with its subject, audience and place agreeing, it is one request
        let same = Components {
            cosine: 0.8,
            asked: 1.0,
            about: 1.0,
            agree: 3.0,
            ..Components::default()
        };
        assert!(probability(&same, &WEIGHTS) >= PARAMS.model_link);
        // a conflict of slots weighs against
        let other = Components {
            conflict: 2.0,
            ..same
        };
        assert!(probability(&other, &WEIGHTS) < probability(&same, &WEIGHTS));
    }
}
