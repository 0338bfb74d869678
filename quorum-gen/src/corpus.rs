//! Plans a corpus (which meetings raise which recurring proposal, where one is done) and
//! writes its files and ground truth.

use crate::meeting::{meeting, slug, Occurrence, OneOff};
use crate::words::*;
use crate::{SynthOptions, Truth, TruthChain, TruthOccurrence};
use anyhow::{Context, Result};
use rayon::prelude::*;
use std::path::Path;
use time::{Date, Duration, Month};

/// The one-offs of a corpus, in order: no thing is used twice before all are used, and no
/// action is asked twice of one topic phrase before all such pairs are used, so that
/// two one-offs rarely ask the same of the same thing (that would be a recurring request
/// that the truth calls noise). Its own random stream, so chains and texts do not move.
pub(crate) struct OneOffDeck {
    actions: Vec<(usize, usize)>,
    nouns: Vec<usize>,
}

impl OneOffDeck {
    fn new(seed: u64) -> Self {
        let mut r = fastrand::Rng::with_seed(seed ^ 0x6f6e_655f_6f66_6673);
        let mut actions: Vec<(usize, usize)> = (0..ONE_OFF_VERBS.len())
            .flat_map(|v| (0..KEYWORDS.len()).map(move |k| (v, k)))
            .collect();
        let mut nouns: Vec<usize> = (0..ONE_OFF_NOUNS.len()).collect();
        r.shuffle(&mut actions);
        r.shuffle(&mut nouns);
        OneOffDeck { actions, nouns }
    }

    fn get(&self, i: usize) -> OneOff {
        let (verb, keyword) = self.actions[i % self.actions.len()];
        OneOff {
            noun: self.nouns[i % self.nouns.len()],
            verb,
            keyword,
        }
    }
}

/// One generated meeting: its path under the corpus, its text, the chains it raises
/// (chain, speaker, wording) and the chains it records as done.
type Written = (String, String, Vec<(usize, String, String)>, Vec<usize>);

/// Writes the corpus under `dir` (files in yearly folders) and `truth.json` beside it.
pub fn generate(dir: &Path, opts: &SynthOptions) -> Result<Truth> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let n = opts.meetings.max(1);
    let mut rng = fastrand::Rng::with_seed(opts.seed);
    // one chain per frame: two chains of one frame would read as one recurring proposal
    let n_chains = opts.chains.unwrap_or((n / 20).max(5)).min(FRAMES.len());
    // plan chains: which meetings raise which recurring proposal, and where it is done
    let mut plan: Vec<Vec<Occurrence>> = (0..n).map(|_| Vec::new()).collect();
    let mut done_at: Vec<Vec<usize>> = (0..n).map(|_| Vec::new()).collect();
    let mut chains: Vec<TruthChain> = Vec::new();
    for c in 0..n_chains {
        let frame = &FRAMES[c % FRAMES.len()];
        let k = 2 + rng.usize(..5).min(n.saturating_sub(1));
        let mut at: Vec<usize> = (0..k).map(|_| rng.usize(..n)).collect();
        at.sort_unstable();
        at.dedup();
        if at.len() < 2 {
            continue;
        }
        for &m in &at {
            plan[m].push(Occurrence {
                chain: chains.len(),
                phrasing: rng.usize(..frame.phrasings.len()),
            });
        }
        let last = *at.last().expect("non-empty");
        let addressed = rng.f32() < 0.3 && last + 1 < n;
        if addressed {
            let m = last + 1 + rng.usize(..(n - last - 1).clamp(1, 40));
            done_at[m.min(n - 1)].push(chains.len());
        }
        chains.push(TruthChain {
            id: chains.len(),
            label: frame.label.to_string(),
            status: if addressed {
                "addressed".into()
            } else {
                "open".into()
            },
            occurrences: Vec::new(),
            addressed_in: None,
        });
    }
    let chain_frames: Vec<usize> = (0..chains.len())
        .map(|i| {
            FRAMES
                .iter()
                .position(|f| f.label == chains[i].label)
                .expect("frame")
        })
        .collect();
    let root_name = dir.file_name().map_or_else(
        || "corpus".to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    let start =
        Date::from_calendar_date(opts.start_year, Month::January, 10).context("start year")?;
    let span_days = (opts.years.max(1) as i64) * 365;
    let seeds: Vec<u64> = (0..n).map(|_| rng.u64(..)).collect();
    let deck = OneOffDeck::new(opts.seed);
    let docs: Vec<Written> = (0..n)
        .into_par_iter()
        .map(|i| {
            let date = start + Duration::days(span_days * i as i64 / n as i64);
            let mut r = fastrand::Rng::with_seed(seeds[i]);
            // prose words have a stream of their own, so that the planted proposals do not move
            let mut w = fastrand::Rng::with_seed(seeds[i] ^ 0x7072_6f73_6520_7764);
            let (text, raised) = meeting(
                &mut r,
                i,
                date,
                &plan[i],
                &done_at[i],
                &chain_frames,
                opts.words,
                deck.get(i),
                &mut w,
            );
            let body_slug = slug(&BODIES[i % BODIES.len()].1.to_lowercase());
            let rel = format!(
                "{}/{}-{body_slug}-{i:06}.txt",
                date.year(),
                quorum::extract::dates::iso(date)
            );
            (rel, text, raised, done_at[i].clone())
        })
        .collect();
    docs.par_iter()
        .try_for_each(|(rel, text, _, _)| -> Result<()> {
            let path = dir.join(rel);
            if let Some(p) = path.parent() {
                std::fs::create_dir_all(p)?;
            }
            std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))
        })?;
    for (i, (rel, _, raised, done)) in docs.iter().enumerate() {
        let date =
            quorum::extract::dates::iso(start + Duration::days(span_days * i as i64 / n as i64));
        for (c, speaker, text) in raised {
            chains[*c].occurrences.push(TruthOccurrence {
                source: format!("{root_name}/{rel}"),
                date: date.clone(),
                speaker: speaker.clone(),
                text: text.clone(),
            });
        }
        for c in done {
            chains[*c].addressed_in = Some(format!("{root_name}/{rel}"));
        }
    }
    chains.retain(|c| c.occurrences.len() >= 2);
    let truth = Truth {
        seed: opts.seed,
        meetings: n,
        chains,
    };
    let truth_path = dir.with_file_name(format!("{root_name}-truth.json"));
    std::fs::write(&truth_path, serde_json::to_string_pretty(&truth)?)
        .with_context(|| format!("writing {}", truth_path.display()))?;
    Ok(truth)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_generation_is_deterministic_and_plants_chains() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let opts = SynthOptions {
            meetings: 40,
            seed: 7,
            words: (300, 600),
            ..Default::default()
        };
        let ta = generate(&a.path().join("corpus"), &opts).unwrap();
        let tb = generate(&b.path().join("corpus"), &opts).unwrap();
        assert_eq!(
            serde_json::to_string(&ta).unwrap(),
            serde_json::to_string(&tb).unwrap()
        );
        assert!(!ta.chains.is_empty());
        assert!(ta.chains.iter().all(|c| c.occurrences.len() >= 2));
        let files: Vec<_> = walkdir::WalkDir::new(a.path().join("corpus"))
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .collect();
        assert_eq!(files.len(), 40);
    }

    #[test]
    fn test_one_offs_do_not_repeat_a_request() {
        let deck = OneOffDeck::new(5);
        let (n, a) = (ONE_OFF_NOUNS.len(), ONE_OFF_VERBS.len() * KEYWORDS.len());
        let things: std::collections::HashSet<usize> = (0..n).map(|i| deck.get(i).noun).collect();
        assert_eq!(things.len(), n);
        let actions: std::collections::HashSet<(usize, usize)> = (0..a)
            .map(|i| (deck.get(i).verb, deck.get(i).keyword))
            .collect();
        assert_eq!(actions.len(), a);
        // no one-off word is also an adjective the generator uses: "folding" / "be folded"
        let stems = |w: &str| quorum::index::schema::analyze(w);
        for v in ONE_OFF_VERBS {
            let v = stems(v).pop().unwrap();
            assert!(!ADJECTIVES.iter().any(|j| stems(j).contains(&v)), "{v}");
        }
    }
}
