//! Every threshold of `quorum gaps`, in one place, each with what was measured to choose
//! it. Scores are recall / precision (/ status right) of benches/gaps_eval.py on
//! quorum-gen corpora of 500 meetings (benches/gaps_seeds.sh); the commits named are where
//! the figure is recorded, with more in benches/RESULTS.md.

/// The thresholds; [`PARAMS`] holds the values in use.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Cosine at which two proposals are the same proposal, and at which groups merge by
    /// average link. 0.27 and 0.28 score alike on 21 quorum-gen seeds, 0.26 adds a fifth
    /// gap to the shipped corpus (a review of working-group charters), 0.29 gives
    /// 0.886 / 0.870 against 0.890 / 0.877, losing chains whose wordings share their ideas
    /// in few of their words (RESULTS.md, session 10). `QUORUM_GAP_LINK` overrides it for
    /// such sweeps (see `config::gap_link`).
    pub link: f32,
    /// Cosine at which a completion statement is about a chain. Set with the first
    /// version (b96ddcc) at the link threshold of the time; status right has been
    /// 0.97-1.00 on every scored corpus since, so it was not swept again.
    pub done: f32,
    /// Separate ideas a completion statement must share with a raising: it names the thing
    /// done in few words ("the accessibility plan has been implemented"). At two, as for
    /// restatements, chains stayed open; at one, with each statement evidence only for the
    /// chain most like it, status right rose on 13 corpora, none lower (quorum-gen 11
    /// 0.75 -> 0.92; 98154b6).
    pub done_concepts: usize,
    /// Cosine at which two proposals are worded the same, and link whatever ideas they
    /// share. Set with the first version (b96ddcc): near-verbatim repeats score above 0.9,
    /// restatements in other words below 0.6; not swept since.
    pub same_wording: f32,
    /// Separate ideas two proposals must share to be one. Generator one-offs share a topic
    /// word, restatements more: at two, 14 of 20 chains found at link 0.3 (was 7),
    /// precision 0.14 (was 0.08) on quorum-gen seed 5 (3730d3a).
    pub min_concepts: usize,
    /// Share of its uses in which a stem stands before another content word for it to be a
    /// modifier ("old", "digital", "live"), which is no shared idea alone. With the
    /// modifier rule, seeds 5/7/11 went 0.70/0.45/0.50 -> 0.75/0.55/0.60 recall, precision
    /// 0.21/0.16/0.15 -> 0.28/0.23/0.22 (d3cf183).
    pub modifier_share: f32,
    /// Uses a stem needs before it can be told to be a modifier (d3cf183): fewer are no
    /// evidence of how a word is used.
    pub modifier_min_uses: u32,
    /// Share of proposals above which a stem makes no candidate pairs. At 0.05, restatements
    /// that share only words as common as "WSIS Forum" and "IGF" were never compared; at
    /// 0.2 and 1.0 the scores are the same, and 50,000 meetings take 2.7 s against 3.9 s at
    /// 0.05 (4ce5546).
    pub max_df_share: f64,
    /// The fewest proposals a stem may be in and still make candidate pairs, whatever
    /// [`Params::max_df_share`] says: small corpora (the shipped one, unit tests) would
    /// otherwise compare nothing. Set with the first version (b96ddcc).
    pub min_max_df: u32,
    /// Shared stems in a run that stands together in both proposals ("Terms of Reference
    /// folder") that count as one idea: three, the longest names of the records (3730d3a).
    pub run_stems: usize,
    /// Rounding allowed when groups merge at exactly the link threshold: six restatements
    /// and a seventh linked to each at the threshold stayed apart on f32 sums; scores on
    /// 19 corpora unchanged in sum (7e564a2).
    pub merge_tolerance: f32,
    /// Proposals outside two groups that may speak of the idea the groups are joined on: a
    /// chain's wording raised once should not keep its groups apart; at two or more,
    /// "annual meeting" and "the Forum" joined unrelated chains on quorum-gen 7 and 23.
    /// 25 corpora 0.872 / 0.842 -> 0.882 / 0.864 (abf285d).
    pub own_idea_outside: u32,
    /// Share of the pairs of two groups' distinct wordings that must link for the groups to
    /// join. At one half, 21 quorum-gen seeds 0.836 / 0.822 -> 0.848 / 0.844, 8 held-out
    /// seeds 0.775 / 0.780 -> 0.812 / 0.854, the shipped gaps unchanged (1f3dc21).
    pub half_linked: f32,
    /// Scale at which a chain's members' closeness is compared when its label is chosen:
    /// four decimals, so that equal sums summed in other orders do not part on rounding
    /// (the shipped AI-governance chain took its longer wording; 32bd7b6).
    pub label_scale: f32,
    /// Distinct meetings that make a group recurring: a gap is a proposal that comes back.
    pub recurring_meetings: usize,
    /// Stems a proposal needs for "all its words said within another" to make it one with
    /// the other: a proposal of one stem says too little (c5124f2).
    pub said_within_stems: usize,
    /// Words that may stand inside a completion phrase in the index query ("been formally
    /// adopted"), as the completion rule allows one word there.
    pub done_slop: u32,
    /// The most words a synonym entry may have ("national and regional initiatives"); the
    /// synonym file's test refuses longer entries.
    pub max_synonym_words: usize,
    /// Words that may stand between "which", "whether", "how" ... and a completion for it
    /// to be inside a question ("showing which recommendations have been carried out").
    pub embedded_words: usize,
    /// Cosine, by the rule that links raisings, at which a decision that names what it
    /// settles is about a chain (status `decided`). Chosen by hand at the link threshold's
    /// level, not swept.
    pub decided: f32,
    /// Lines a decision that names nothing of its own ("Seeing no objection, that's
    /// decided") may stand below the proposal it settles: a paragraph, or the chair's turn
    /// after the proposer's. Chosen by hand, not measured.
    pub anaphor_lines: u64,
    /// Share of proposals above which a stem is left out of what a request asks when two
    /// requests' cores are compared (`similarity::other_core`): the agents ("the IGF", "the
    /// Secretariat") are in most requests. Chosen by hand, not swept.
    pub core_max_df_share: f64,
    /// Probability of the fitted similarity (`model`) at which two proposals are one
    /// request, and at which groups merge by average link. Swept on the fitting seeds
    /// only (gen_chains 1-5, recall / precision / status right): 0.05 0.407 / 0.153 /
    /// 0.669, 0.1 0.426 / 0.221 / 0.690, 0.15 0.408 / 0.266 / 0.675, 0.2 0.383 / 0.309 /
    /// 0.682, 0.3 0.324 / 0.362 / 0.640, 0.5 0.191 / 0.352 / 0.564; 0.2 has the best F1
    /// of recall and precision but for 0.3, which loses more recall.
    pub model_link: f32,
    /// Dot product, over the stems kept for pairing, that a pair needs to be scored by
    /// the fitted similarity at all. At 0.0, 559 of 566 pairs of one chain on gen_chains
    /// 1-5 are candidates; 0.1 is the link floor of the pair rule's cosine's scale below
    /// which no fitted probability reached 0.2 there. Not swept.
    pub candidate_floor: f32,
}

/// The thresholds in use.
pub const PARAMS: Params = Params {
    link: 0.28,
    done: 0.30,
    done_concepts: 1,
    same_wording: 0.8,
    min_concepts: 2,
    modifier_share: 0.9,
    modifier_min_uses: 3,
    max_df_share: 0.2,
    min_max_df: 8,
    run_stems: 3,
    merge_tolerance: 1e-5,
    own_idea_outside: 1,
    half_linked: 0.5,
    label_scale: 1e4,
    recurring_meetings: 2,
    said_within_stems: 2,
    done_slop: 1,
    max_synonym_words: 4,
    embedded_words: 5,
    decided: 0.28,
    anaphor_lines: 6,
    core_max_df_share: 0.1,
    model_link: 0.2,
    candidate_floor: 0.1,
};
