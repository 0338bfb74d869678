//! The clause model: which turns of a long conversation put a course of action forward or
//! record the meeting taking one up (issue #22).
//!
//! Every turn is split into clauses and described by clause-level features (modal, verb
//! class, subject, question form, negation, hedges, reports of the past, logistics, figures)
//! computed from the word lists of `data/clause-lexicon.toml`; a logistic model whose
//! weights (`data/clause-weights.toml`) were fitted on QMSum train by
//! `benches/clause_model.py` scores each turn, and the best turns, spread apart, are what a
//! transcript reports. `benches/clause_model.md` defines every feature; this port follows it
//! step by step, so that its scores equal the script's (`test_scores_equal_the_scripts`).
//! Both files are compiled in; `QUORUM_CLAUSE_WEIGHTS` names another weights file for
//! experiments.

use crate::model::{Block, BlockKind, Decision, Proposal};
use crate::text::FastMap;
use regex::Regex;
use serde::Deserialize;
use std::sync::LazyLock;

#[path = "clause_tokens.rs"]
mod tokens;
use tokens::token_spans;

/// The word lists of the model, as shipped in the repository.
pub const DEFAULT_CLAUSE_LEXICON: &str = include_str!("../../data/clause-lexicon.toml");
/// The fitted weights, as shipped in the repository.
pub const DEFAULT_CLAUSE_WEIGHTS: &str = include_str!("../../data/clause-weights.toml");

/// When the model speaks for a conversation.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Turns a conversation needs before the model replaces the sentence rules: its position
    /// and context features were fitted on transcripts of 91 to 1,832 turns (QMSum train);
    /// the dev set's transcripts have at most 54. Chosen by hand between the two, not measured.
    pub min_turns: usize,
    /// A reported clause shorter than this many tokens takes the clauses after it in its
    /// turn until it reaches it, so that "we should" is reported with what follows. Chosen
    /// by hand, not measured (coverage counts lines, not words).
    pub min_text_tokens: usize,
}

/// The values in use.
pub const PARAMS: Params = Params {
    min_turns: 80,
    min_text_tokens: 6,
};

/// The features, in the order of `data/clause-weights.toml` (the first [`CLAUSE_FEATURES`]
/// are read from each clause, the rest from the turn and its neighbours).
pub const FEATURES: [&str; 24] = [
    "modal",
    "proposal_verb",
    "decision_verb",
    "we_modal",
    "you_modal",
    "i_propose",
    "modal_action",
    "lets",
    "imperative",
    "proposing_question",
    "info_question",
    "question",
    "hedge",
    "negation",
    "past",
    "housekeeping",
    "number",
    "backchannel",
    "log_tokens",
    "pos_first",
    "pos_last",
    "assent_after",
    "ctx_cue",
    "ctx_decision",
];
/// How many of [`FEATURES`] belong to a clause.
pub const CLAUSE_FEATURES: usize = 17;

/// Index of a feature in [`FEATURES`].
pub mod f {
    /// `modal`.
    pub const MODAL: usize = 0;
    /// `proposal_verb`.
    pub const PROPOSAL_VERB: usize = 1;
    /// `decision_verb`.
    pub const DECISION_VERB: usize = 2;
    /// `we_modal`.
    pub const WE_MODAL: usize = 3;
    /// `you_modal`.
    pub const YOU_MODAL: usize = 4;
    /// `i_propose`.
    pub const I_PROPOSE: usize = 5;
    /// `modal_action`.
    pub const MODAL_ACTION: usize = 6;
    /// `lets`.
    pub const LETS: usize = 7;
    /// `imperative`.
    pub const IMPERATIVE: usize = 8;
    /// `proposing_question`.
    pub const PROPOSING_QUESTION: usize = 9;
    /// `info_question`.
    pub const INFO_QUESTION: usize = 10;
    /// `question`.
    pub const QUESTION: usize = 11;
    /// `hedge`.
    pub const HEDGE: usize = 12;
    /// `negation`.
    pub const NEGATION: usize = 13;
    /// `past`.
    pub const PAST: usize = 14;
    /// `housekeeping`.
    pub const HOUSEKEEPING: usize = 15;
    /// `number`.
    pub const NUMBER: usize = 16;
    /// `backchannel`.
    pub const BACKCHANNEL: usize = 17;
    /// `log_tokens`.
    pub const LOG_TOKENS: usize = 18;
    /// `pos_first`.
    pub const POS_FIRST: usize = 19;
    /// `pos_last`.
    pub const POS_LAST: usize = 20;
    /// `assent_after`.
    pub const ASSENT_AFTER: usize = 21;
    /// `ctx_cue`.
    pub const CTX_CUE: usize = 22;
    /// `ctx_decision`.
    pub const CTX_DECISION: usize = 23;
}

/// Clause features that make a turn hold a cue of a proposal or decision (`ctx_cue`).
const CUES: [usize; 8] = [
    f::WE_MODAL,
    f::YOU_MODAL,
    f::I_PROPOSE,
    f::MODAL_ACTION,
    f::LETS,
    f::PROPOSAL_VERB,
    f::DECISION_VERB,
    f::PROPOSING_QUESTION,
];
/// Subjects whose next word ending in "-ed" reports the past ("we decided", "they tried").
const SUBJECT_PAST: [&str; 5] = ["i", "we", "he", "she", "they"];

/// One word list: entries as token sequences, found by their first token.
#[derive(Debug, Default)]
struct List {
    by_first: FastMap<String, Vec<Vec<String>>>,
    /// One-token entries that begin with an apostrophe ("'ll"): they also end a token.
    suffixes: Vec<String>,
    /// The first token of every entry.
    firsts: crate::text::FastSet<String>,
}

impl List {
    fn new(words: &[String]) -> List {
        let mut l = List::default();
        for w in words {
            let seq: Vec<String> = w.split_whitespace().map(str::to_string).collect();
            let Some(first) = seq.first().cloned() else {
                continue;
            };
            if seq.len() == 1 && first.starts_with('\'') {
                l.suffixes.push(first.clone());
            }
            l.firsts.insert(first.clone());
            l.by_first.entry(first).or_default().push(seq);
        }
        l
    }

    /// Start and end (exclusive) of every run of tokens equal to an entry.
    fn matches(&self, toks: &[String]) -> Vec<(usize, usize)> {
        let mut hits = Vec::new();
        for i in 0..toks.len() {
            if let Some(es) = self.by_first.get(&toks[i]) {
                for e in es {
                    if toks[i..].starts_with(e) {
                        hits.push((i, i + e.len()));
                    }
                }
            }
            for s in &self.suffixes {
                if toks[i].len() > s.len() && toks[i].ends_with(s.as_str()) {
                    hits.push((i, i + 1));
                }
            }
        }
        hits
    }

    fn any(&self, toks: &[String]) -> bool {
        !self.matches(toks).is_empty()
    }

    fn starts(&self, toks: &[String]) -> Vec<usize> {
        self.matches(toks).into_iter().map(|(s, _)| s).collect()
    }

    /// Whether `w` is the first token of an entry (the lists read as sets of words).
    fn has(&self, w: &str) -> bool {
        self.firsts.contains(w)
    }
}

/// The lists of `data/clause-lexicon.toml` the features read.
#[derive(Debug)]
struct Lists {
    proposal: List,
    decision: List,
    action: List,
    modal: List,
    we: List,
    you: List,
    first_singular: List,
    lets: List,
    proposing_question: List,
    wh: List,
    fillers: List,
    backchannel: List,
    assent: List,
    hedge: List,
    negation: List,
    past: List,
    housekeeping: List,
    number: List,
}

impl Lists {
    /// Reads the lexicon: sections only group the lists, each list name is unique.
    fn parse(text: &str) -> Result<Lists, String> {
        let file: FastMap<String, FastMap<String, Vec<String>>> =
            toml::from_str(text).map_err(|e| format!("clause lexicon: {e}"))?;
        let mut all: FastMap<String, Vec<String>> = FastMap::default();
        for (_, section) in file {
            all.extend(section);
        }
        let mut take = |name: &str| -> Result<List, String> {
            all.remove(name)
                .map(|w| List::new(&w))
                .ok_or_else(|| format!("clause lexicon: no list `{name}`"))
        };
        Ok(Lists {
            proposal: take("proposal")?,
            decision: take("decision")?,
            action: take("action")?,
            modal: take("modal")?,
            we: take("we")?,
            you: take("you")?,
            first_singular: take("first_singular")?,
            lets: take("lets")?,
            proposing_question: take("proposing_question")?,
            wh: take("wh")?,
            fillers: take("fillers")?,
            backchannel: take("backchannel")?,
            assent: take("assent")?,
            hedge: take("hedge")?,
            negation: take("negation")?,
            past: take("past")?,
            housekeeping: take("housekeeping")?,
            number: take("number")?,
        })
    }
}

/// How the fitted model picks turns (`[model]` of the weights file).
#[derive(Debug, Clone, Deserialize)]
pub struct Selection {
    /// Added to every score.
    pub intercept: f64,
    /// Turns reported per conversation, at most.
    pub k: usize,
    /// No two reported turns are `gap` lines apart or closer.
    pub gap: usize,
    /// The lowest score reported.
    pub threshold: f64,
    /// The ridge penalty of the fit (recorded, not used here).
    #[serde(default)]
    pub l2: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WeightsFile {
    model: Selection,
    weights: FastMap<String, f64>,
}

/// The clause model: word lists, weights and how turns are picked.
#[derive(Debug)]
pub struct Model {
    lists: Lists,
    weights: [f64; 24],
    /// `[model]` of the weights file.
    pub selection: Selection,
}

/// One clause of a turn.
#[derive(Debug, Clone)]
pub struct Clause {
    /// The clause as written, transcription marks removed, spaces collapsed.
    pub text: String,
    /// Its tokens, lower-cased, contractions joined.
    pub tokens: Vec<String>,
    /// Whether it ends with a question mark.
    pub question: bool,
    /// Its clause features, in the order of [`FEATURES`].
    pub features: [bool; CLAUSE_FEATURES],
}

/// One turn, read by the model.
#[derive(Debug, Clone)]
pub struct Turn {
    /// Its clauses.
    pub clauses: Vec<Clause>,
    /// Its features, in the order of [`FEATURES`].
    pub x: [f64; 24],
}

/// The token pattern [`token_spans`] scans for (the tests compare them).
#[cfg(test)]
static TOKEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[a-z0-9_]+(?:['\-][a-z0-9_]+)*|'[a-z]+").expect("clause token"));
static DISFLUENCY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\{disfmarker\}").expect("disfluency mark"));
static MARK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\{[^}]*\}").expect("mark"));

/// Lower-cased tokens of a piece of text; a token that starts with an apostrophe or is
/// "n't" is joined to the one before it ("we 're" reads "we're", "do n't" reads "don't").
pub fn tokenise(text: &str) -> Vec<String> {
    let lower = text.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'");
    let mut out: Vec<String> = Vec::new();
    for t in token_spans(&lower) {
        match out.last_mut() {
            Some(last) if t.starts_with('\'') || t == "n't" => last.push_str(t),
            _ => out.push(t.to_string()),
        }
    }
    out
}

/// The pieces of a turn's content between clause ends (`.` `?` `!` `;` and disfluency
/// marks), each with whether it ends with `?`; other transcription marks are dropped.
fn pieces(content: &str) -> Vec<(String, bool)> {
    let text = DISFLUENCY.replace_all(content, " | ");
    let text = MARK.replace_all(&text, " ");
    let mut out = Vec::new();
    let mut piece = String::new();
    for ch in text.chars() {
        if matches!(ch, '.' | '?' | '!' | ';' | '|') {
            out.push((std::mem::take(&mut piece), ch == '?'));
        } else {
            piece.push(ch);
        }
    }
    out.push((piece, false));
    out
}

impl Model {
    /// A model from the texts of a lexicon and a weights file.
    pub fn parse(lexicon: &str, weights: &str) -> Result<Model, String> {
        let lists = Lists::parse(lexicon)?;
        let file: WeightsFile =
            toml::from_str(weights).map_err(|e| format!("clause weights: {e}"))?;
        let mut w = [0.0; 24];
        for (i, name) in FEATURES.iter().enumerate() {
            w[i] = *file
                .weights
                .get(*name)
                .ok_or_else(|| format!("clause weights: no weight for `{name}`"))?;
        }
        if let Some(extra) = file
            .weights
            .keys()
            .find(|k| !FEATURES.contains(&k.as_str()))
        {
            return Err(format!("clause weights: unknown feature `{extra}`"));
        }
        Ok(Model {
            lists,
            weights: w,
            selection: file.model,
        })
    }

    /// The clauses of a turn's content, with their features.
    pub fn clauses(&self, content: &str) -> Vec<Clause> {
        pieces(content)
            .into_iter()
            .filter_map(|(piece, question)| {
                let tokens = tokenise(&piece);
                if tokens.is_empty() {
                    return None;
                }
                let features = self.clause_features(&tokens, question);
                let text = piece.split_whitespace().collect::<Vec<_>>().join(" ");
                Some(Clause {
                    text,
                    tokens,
                    question,
                    features,
                })
            })
            .collect()
    }

    /// The clause features of one clause (benches/clause_model.md, section 4).
    fn clause_features(&self, toks: &[String], q: bool) -> [bool; CLAUSE_FEATURES] {
        let l = &self.lists;
        let mut x = [false; CLAUSE_FEATURES];
        let modal = l.modal.matches(toks);
        let lets = l.lets.starts(toks);
        let we: Vec<usize> =
            l.we.starts(toks)
                .into_iter()
                .filter(|i| !lets.contains(i))
                .collect();
        let you = l.you.starts(toks);
        let me = l.first_singular.starts(toks);
        let prop = l.proposal.starts(toks);
        let dec = l.decision.starts(toks);
        let action: Vec<usize> = (0..toks.len())
            .filter(|&i| l.action.has(&toks[i]))
            .collect();
        let subj_modal = |subj: &[usize]| {
            modal.iter().any(|&(s, _)| {
                subj.iter()
                    .any(|&i| i == s || (i < s && s - i <= 3) || (i > s && i - s <= 2))
            })
        };
        x[f::MODAL] = !modal.is_empty();
        x[f::PROPOSAL_VERB] = !prop.is_empty();
        x[f::DECISION_VERB] = !dec.is_empty();
        x[f::WE_MODAL] = subj_modal(&we);
        x[f::YOU_MODAL] = subj_modal(&you);
        x[f::I_PROPOSE] = me
            .iter()
            .any(|&i| prop.iter().chain(&dec).any(|&s| s > i && s - i <= 3));
        x[f::MODAL_ACTION] = modal
            .iter()
            .any(|&(_, e)| action.iter().any(|&k| k >= e && k - e < 3));
        x[f::LETS] = !lets.is_empty();
        let o = toks.iter().take_while(|t| l.fillers.has(t)).count();
        let rest = &toks[o..];
        x[f::IMPERATIVE] = !q && rest.len() >= 2 && action.contains(&o);
        let pq = l.proposing_question.starts(rest).contains(&0);
        x[f::PROPOSING_QUESTION] = pq;
        x[f::INFO_QUESTION] = q && !rest.is_empty() && l.wh.has(&rest[0]) && !pq;
        x[f::QUESTION] = q;
        x[f::HEDGE] = l.hedge.any(toks);
        x[f::NEGATION] = l.negation.any(toks);
        x[f::PAST] = l.past.any(toks)
            || toks
                .windows(2)
                .any(|w| SUBJECT_PAST.contains(&w[0].as_str()) && w[1].ends_with("ed"));
        x[f::HOUSEKEEPING] = l.housekeeping.any(toks);
        x[f::NUMBER] =
            toks.iter().any(|t| t.bytes().any(|b| b.is_ascii_digit())) || l.number.any(toks);
        x
    }

    /// Every turn of a conversation, in order, with its features (section 5).
    pub fn turns(&self, contents: &[&str]) -> Vec<Turn> {
        let l = &self.lists;
        let mut rows: Vec<Turn> = contents
            .iter()
            .map(|c| {
                let clauses = self.clauses(c);
                let mut x = [0.0; 24];
                for cl in &clauses {
                    for (i, v) in cl.features.iter().enumerate() {
                        if *v {
                            x[i] = 1.0;
                        }
                    }
                }
                let toks = clauses.iter().flat_map(|c| &c.tokens);
                let n = toks.clone().count();
                x[f::BACKCHANNEL] = f64::from(u8::from(toks.clone().all(|t| l.backchannel.has(t))));
                x[f::LOG_TOKENS] = (n as f64).ln_1p();
                Turn { clauses, x }
            })
            .collect();
        let n = rows.len();
        let cue: Vec<bool> = rows
            .iter()
            .map(|r| CUES.iter().any(|&c| r.x[c] != 0.0))
            .collect();
        let dec: Vec<bool> = rows.iter().map(|r| r.x[f::DECISION_VERB] != 0.0).collect();
        let first: Vec<Option<(usize, &str)>> = rows
            .iter()
            .map(|r| {
                let len = r.clauses.iter().map(|c| c.tokens.len()).sum();
                r.clauses.first().map(|c| (len, c.tokens[0].as_str()))
            })
            .collect();
        let assent: Vec<bool> = first
            .iter()
            .map(|t| t.is_some_and(|(len, w)| len <= 6 && l.assent.has(w)))
            .collect();
        for (i, row) in rows.iter_mut().enumerate() {
            let pos = i as f64 / n.max(1) as f64;
            let nb: Vec<usize> = (i.saturating_sub(5)..(i + 6).min(n))
                .filter(|&j| j != i)
                .collect();
            let share =
                |v: &[bool]| nb.iter().filter(|&&j| v[j]).count() as f64 / nb.len().max(1) as f64;
            let x = &mut row.x;
            x[f::POS_FIRST] = f64::from(u8::from(pos < 0.1));
            x[f::POS_LAST] = f64::from(u8::from(pos >= 0.9));
            x[f::ASSENT_AFTER] = f64::from(u8::from((i + 1..(i + 3).min(n)).any(|j| assent[j])));
            x[f::CTX_CUE] = share(&cue);
            x[f::CTX_DECISION] = share(&dec);
        }
        rows
    }

    /// A turn's score: the intercept plus the weighted features, summed in file order.
    pub fn score(&self, x: &[f64; 24]) -> f64 {
        let sum = x
            .iter()
            .zip(&self.weights)
            .fold(0.0, |acc, (v, w)| acc + w * v);
        self.selection.intercept + sum
    }

    /// The turns to report (indices, in line order): best score first (the earlier line on
    /// ties), none within `gap` lines of one already taken, none below the threshold, at
    /// most `k` (section 6).
    pub fn select(&self, scores: &[f64], lines: &[usize]) -> Vec<usize> {
        let s = &self.selection;
        let mut order: Vec<usize> = (0..scores.len()).collect();
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
        let mut picked: Vec<usize> = Vec::new();
        for i in order {
            if picked.len() >= s.k || scores[i] < s.threshold {
                break;
            }
            if picked.iter().all(|&p| lines[p].abs_diff(lines[i]) > s.gap) {
                picked.push(i);
            }
        }
        picked.sort_by_key(|&i| lines[i]);
        picked
    }
}

static MODEL: LazyLock<Model> = LazyLock::new(|| {
    let builtin = || {
        Model::parse(DEFAULT_CLAUSE_LEXICON, DEFAULT_CLAUSE_WEIGHTS)
            .expect("the built-in clause model is checked by the clause_model_parses test")
    };
    let Some(path) = crate::config::clause_weights_file() else {
        return builtin();
    };
    match std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|w| Model::parse(DEFAULT_CLAUSE_LEXICON, &w))
    {
        Ok(m) => m,
        Err(e) => {
            eprintln!(
                "quorum: QUORUM_CLAUSE_WEIGHTS={}: {e}; using the built-in weights",
                path.to_string_lossy()
            );
            builtin()
        }
    }
});

/// The model in use, parsed on first use.
pub fn model() -> &'static Model {
    &MODEL
}

/// What a reported turn is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A course of action put forward.
    Proposal,
    /// The meeting taking one up.
    Decision,
}

/// Whether a clause records a decision: a decision word, not in a question, not a
/// speaker's own "I agree", and not negated ("we didn't decide") unless the negation is of
/// objections ("no objection": the chair's record of consent).
pub fn is_decision_clause(c: &Clause) -> bool {
    let x = &c.features;
    let objection = c.tokens.iter().any(|t| t.starts_with("objection"));
    x[f::DECISION_VERB] && !x[f::QUESTION] && !x[f::I_PROPOSE] && (!x[f::NEGATION] || objection)
}

/// Whether a clause puts a course of action forward: a subject with a modal, a modal before
/// a verb of doing, "let's", a proposal word, a proposing question or an imperative, and
/// neither a question for information nor logistics.
pub fn is_proposal_clause(c: &Clause) -> bool {
    let x = &c.features;
    let form = [
        f::WE_MODAL,
        f::YOU_MODAL,
        f::MODAL_ACTION,
        f::LETS,
        f::PROPOSAL_VERB,
        f::PROPOSING_QUESTION,
        f::I_PROPOSE,
        f::IMPERATIVE,
    ]
    .iter()
    .any(|&i| x[i]);
    form && !x[f::INFO_QUESTION] && !x[f::HOUSEKEEPING]
}

/// What a reported turn is and the words that say it: the first clause that records a
/// decision makes it a decision; else the first that puts something forward; else its
/// longest clause stands for it as a proposal. A short clause takes the clauses after it.
pub fn reading(turn: &Turn) -> (Kind, String) {
    let cl = &turn.clauses;
    let (kind, at) = if let Some(i) = cl.iter().position(is_decision_clause) {
        (Kind::Decision, i)
    } else if let Some(i) = cl.iter().position(is_proposal_clause) {
        (Kind::Proposal, i)
    } else {
        let longest = (0..cl.len())
            .max_by_key(|&i| (cl[i].tokens.len(), std::cmp::Reverse(i)))
            .unwrap_or(0);
        (Kind::Proposal, longest)
    };
    let mut words: Vec<&str> = Vec::new();
    let mut n = 0;
    for c in cl.iter().skip(at) {
        words.push(&c.text);
        n += c.tokens.len();
        if n >= PARAMS.min_text_tokens {
            break;
        }
    }
    (kind, words.join(" "))
}

/// The proposals and decisions of a long conversation, as the model picks its turns; `None`
/// when the record has fewer than [`Params::min_turns`] turns (the sentence rules read it).
pub fn conversation(
    blocks: &[Block],
    sections: &[String],
) -> Option<(Vec<Proposal>, Vec<Decision>)> {
    let turns: Vec<&Block> = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Turn)
        .collect();
    if turns.len() < PARAMS.min_turns {
        return None;
    }
    let m = model();
    let contents: Vec<&str> = turns.iter().map(|b| b.text.trim()).collect();
    let rows = m.turns(&contents);
    let scores: Vec<f64> = rows.iter().map(|r| m.score(&r.x)).collect();
    let lines: Vec<usize> = turns.iter().map(|b| b.line_start).collect();
    let mut proposals = Vec::new();
    let mut decisions = Vec::new();
    for i in m.select(&scores, &lines) {
        let b = turns[i];
        let (kind, text) = reading(&rows[i]);
        if text.is_empty() {
            continue;
        }
        let section = b.section.and_then(|s| sections.get(s).cloned());
        match kind {
            Kind::Decision => decisions.push(Decision {
                text,
                section,
                line: b.line_start,
            }),
            Kind::Proposal => proposals.push(Proposal {
                speaker: b
                    .speaker
                    .clone()
                    .or_else(|| b.label.clone())
                    .unwrap_or_default(),
                text,
                section,
                line: b.line_start,
            }),
        }
    }
    Some((proposals, decisions))
}

#[cfg(test)]
#[path = "clause_tests.rs"]
mod tests;
