//! How two proposals compare: the cosine of their bags of stems, counted only when they
//! share enough separate ideas, with one idea more needed when they ask different things
//! of one thing, one thing of different things, or to have different things.

use super::features::{modifiers, Asked, Features};
use super::params::PARAMS;
use super::Occurrence;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Weight of a stem found in `df` of `n` proposals: rare stems say more.
pub(super) fn idf(n: usize, df: u32) -> f32 {
    ((n as f32 + 1.0) / (df as f32 + 0.5)).ln()
}

pub(super) type Bag = Vec<(u32, f32)>;

/// Cosine of two proposals' bags when they share enough ideas, else 0.
/// Near-identical wording (cosine at least `Params::same_wording`) is the same proposal, unless
/// it asks of two different things.
pub(super) fn similarity(a: &Item, b: &Item) -> f32 {
    similarity_with(a, b, PARAMS.min_concepts)
}

/// [`similarity`] with `min_concepts` separate ideas needed before the other rules add
/// theirs: `Params::min_concepts` for two raisings, `Params::done_concepts` for a raising and a
/// completion statement.
pub(super) fn similarity_with(a: &Item, b: &Item, min_concepts: usize) -> f32 {
    let c = cosine(&a.bag, &b.bag);
    if c == 0.0
        || rule_on("slots") && other_slots(a, b)
        || rule_on("core") && other_core(a, b) && !same_want(a, b)
    {
        return 0.0;
    }
    // two things that share a word but each have their own ("the youth track" / "the
    // parliamentary track") are two things: the word they share is no shared idea, and
    // one more is needed, however alike the rest of the wording
    let kinds: Vec<u32> = if own_words(a, b) {
        a.asked
            .thing
            .iter()
            .copied()
            .filter(|x| b.asked.thing.contains(x))
            .collect()
    } else {
        Vec::new()
    };
    let things = other_things(a, b);
    if c >= PARAMS.same_wording && kinds.is_empty() && !things {
        return c;
    }
    let needed = min_concepts
        + other_actions(a, b) as usize
        + (things || other_wants(a, b)) as usize
        + !kinds.is_empty() as usize;
    let shared = shared_concepts(a, b, &kinds);
    // two requests to have one thing are one request, whatever else they say of it
    // so are two when one says nothing the other does not ("an independent evaluation of
    // the IGF" / "to commission an external assessment of the Forum"): its one name is
    // all it asks
    if !things
        && kinds.is_empty()
        && shared + 1 >= needed
        && (same_want(a, b) || said_within(a, b) || said_within(b, a))
    {
        return c.max(PARAMS.link);
    }
    if shared >= needed {
        c
    } else {
        0.0
    }
}

/// Whether two requests each name a subject, an audience, a place or a partner (see
/// [`Slot`](super::features::Slot)) and share none of its words, modifiers aside: "a
/// webinar on digital health for judges" and "a webinar on digital trade for judges" are
/// two requests, however alike their frame. A word of one's slot found anywhere in the
/// other counts as shared: restatements move words between parts.
pub(super) fn other_slots(a: &Item, b: &Item) -> bool {
    let shares = |x: &[u32], a: &Item, b: &Item| {
        x.iter()
            .any(|&s| b.has(s) && a.modifiers.binary_search(&s).is_err())
    };
    a.asked
        .slots
        .iter()
        .zip(&b.asked.slots)
        .any(|(x, y)| !x.is_empty() && !y.is_empty() && !shares(x, a, b) && !shares(y, b, a))
}

/// Whether a rule of this module is in use: all are, unless `QUORUM_GAP_OFF` names it
/// (a comma-separated list: "slots", "core"), for measuring what each gains.
pub(super) fn rule_on(name: &str) -> bool {
    static OFF: LazyLock<Vec<String>> = LazyLock::new(crate::config::gap_rules_off);
    !OFF.iter().any(|s| s == name)
}

/// Whether two requests both say what is asked (see `Asked::core`) and share none of its
/// words, modifiers aside: "the IGF hold a high-level session on AI governance" and "the
/// IGF could consider organizing a workshop, and a main session on good governance for
/// AI" ask for different things about one subject.
pub(super) fn other_core(a: &Item, b: &Item) -> bool {
    let (x, y) = (&a.asked.core, &b.asked.core);
    !x.is_empty()
        && !y.is_empty()
        && !x.iter().any(|s| {
            y.binary_search(s).is_ok()
                && a.modifiers.binary_search(s).is_err()
                && b.modifiers.binary_search(s).is_err()
        })
}

/// Whether every stem of a proposal of two stems or more is in the other.
pub(super) fn said_within(a: &Item, b: &Item) -> bool {
    a.bag.len() >= PARAMS.said_within_stems && a.bag.iter().all(|&(x, _)| b.has(x))
}

/// Whether two proposals ask to have the same thing: a thing of each with one head,
/// and every word of one of them, modifiers aside, somewhere in the other proposal ("a
/// clear code of conduct" / "a code of conduct for all sessions"; not "a fund for remote
/// hubs" / "a fund for travel").
pub(super) fn same_want(a: &Item, b: &Item) -> bool {
    let within = |name: &[u32], x: &Item, other: &Item| {
        name.iter()
            .filter(|t| x.modifiers.binary_search(t).is_err())
            .all(|&t| other.has(t))
    };
    a.asked.wanted.iter().any(|(ha, na)| {
        b.asked.wanted.iter().any(|(hb, nb)| {
            ha == hb
                && a.modifiers.binary_search(ha).is_err()
                && (within(na, a, b) || within(nb, b, a))
        })
    })
}

/// Whether two proposals name different actions: both say in the passive what is to be
/// done, in words of different classes, and neither word's class is anywhere in the
/// other whose own action only supports one ("translation ... be funded" and "messages
/// be translated" name one action; "the welcome packs be redesigned" and "the app be
/// packed" two, see `support_actions` (data/lexicon.toml)). Two
/// requests about one thing that ask different things of it ("the ramps be archived",
/// "the ramps be repainted") then need one more shared idea to be one.
pub(super) fn other_actions(a: &Item, b: &Item) -> bool {
    // asking to have a thing is another action than one asked of it ("we need a code of
    // conduct for every session" / "the code of conduct be presented at the opening
    // session")
    let having = |x: &Item, y: &Item, act: u32| {
        !x.has(act)
            && x.asked
                .wanted
                .iter()
                .any(|(head, _)| y.asked.thing.contains(head))
    };
    match (a.asked.action, b.asked.action) {
        (Some(x), Some(y)) => {
            x != y && !(b.asked.names_actions && b.has(x)) && !(a.asked.names_actions && a.has(y))
        }
        (Some(x), None) => having(b, a, x),
        (None, Some(y)) => having(a, b, y),
        _ => false,
    }
}

/// Whether two proposals each ask to have a thing, and neither names the other's ("an
/// implementation tracker be set up" / "the IGF set up a buddy programme"): they ask
/// for different things, as [`other_things`] says of passives, whatever verb they share.
pub(super) fn other_wants(a: &Item, b: &Item) -> bool {
    let names_none = |x: &Item, y: &Item| x.asked.wanted.iter().all(|(head, _)| !y.has(*head));
    !a.asked.wanted.is_empty() && !b.asked.wanted.is_empty() && names_none(a, b) && names_none(b, a)
}

/// Whether each of two passive proposals' things has a word, modifiers included, that
/// is nowhere in the other proposal ("the French version ..." / "the Spanish version
/// ..."). A thing named in fewer words ("the registration form" / "the online
/// registration form") has none.
pub(super) fn own_words(a: &Item, b: &Item) -> bool {
    let own = |thing: &[u32], other: &Item| thing.iter().any(|&x| !other.has(x));
    !a.asked.thing.is_empty()
        && !b.asked.thing.is_empty()
        && own(&a.asked.thing, b)
        && own(&b.asked.thing, a)
}

/// Whether two passive proposals ask of different things: no word of either's thing,
/// modifiers aside, is in the other's thing or, in a proposal that may name actions,
/// names the other's action. "The
/// registration statistics be checked by the legal office" and "the IGF website be
/// checked by the legal office" ask one action of two things, so they need one more
/// shared idea to be one request; so do "the work plan be printed in the plan booklet"
/// and "the photos be printed in the plan booklet", where "plan" is only where the
/// photos go.
pub(super) fn other_things(a: &Item, b: &Item) -> bool {
    let within = |x: &Item, it: &Item| {
        x.asked
            .thing
            .iter()
            .filter(|t| x.modifiers.binary_search(t).is_err())
            .any(|&t| {
                it.asked.thing.contains(&t) || x.asked.names_actions && it.asked.action == Some(t)
            })
    };
    let named = |x: &Item| {
        x.asked
            .thing
            .iter()
            .any(|t| x.modifiers.binary_search(t).is_err())
    };
    named(a) && named(b) && !within(a, b) && !within(b, a)
}

/// How many separate ideas two proposals share: shared stems, counting a compound that
/// stands together in both ("captions screen") once and modifiers alone not at all. One shared topic phrase is what
/// unrelated requests about one thing have in common; a restated proposal shares more.
pub(super) fn shared_concepts(a: &Item, b: &Item, skip: &[u32]) -> usize {
    let shared: Vec<u32> = a
        .bag
        .iter()
        .map(|x| x.0)
        .filter(|&x| b.has(x) && !skip.contains(&x))
        .collect();
    // shared stems joined into runs by pairs adjacent in both; a run of up to three stems
    // ("Terms of Reference folder") names one thing
    let mut parent: Vec<usize> = (0..shared.len()).collect();
    for p in a
        .asked
        .pairs
        .iter()
        .filter(|p| b.asked.pairs.binary_search(p).is_ok())
    {
        if let (Ok(x), Ok(y)) = (shared.binary_search(&p.0), shared.binary_search(&p.1)) {
            let (rx, ry) = (find(&mut parent, x), find(&mut parent, y));
            parent[rx] = ry;
        }
    }
    // a run of modifiers alone ("old", "digital") names no thing
    let mut sizes: HashMap<usize, (usize, bool)> = HashMap::new();
    for (i, x) in shared.iter().enumerate() {
        let e = sizes.entry(find(&mut parent, i)).or_default();
        e.0 += 1;
        e.1 |= a.modifiers.binary_search(x).is_err() || b.modifiers.binary_search(x).is_err();
    }
    sizes
        .values()
        .filter(|(_, thing)| *thing)
        .map(|(k, _)| 1 + (k - 1) / PARAMS.run_stems)
        .sum()
}

pub(super) fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

pub(super) fn cosine(a: &Bag, b: &Bag) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

pub(super) fn normalize(mut bag: Bag) -> Bag {
    let n = bag
        .iter()
        .map(|x| x.1 * x.1)
        .sum::<f32>()
        .sqrt()
        .max(f32::EPSILON);
    for x in &mut bag {
        x.1 /= n;
    }
    bag
}

pub(super) struct Item {
    pub(super) occ: Occurrence,
    pub(super) date: Option<time::Date>,
    pub(super) bag: Bag,
    /// Its stems that are [`modifiers`], sorted.
    pub(super) modifiers: Vec<u32>,
    /// What the rules compare (see [`Asked`]).
    pub(super) asked: Asked,
}

impl Item {
    /// Whether the stem is in its bag.
    pub(super) fn has(&self, x: u32) -> bool {
        self.bag.binary_search_by_key(&x, |y| y.0).is_ok()
    }

    /// The words it says the stem in, in what it asks (see [`Features::said`]).
    pub(super) fn said_as(&self, x: u32) -> &[(u32, u32)] {
        let from = self.asked.said.partition_point(|s| s.0 < x);
        &self.asked.said[from..from + self.asked.said[from..].partition_point(|s| s.0 == x)]
    }
}

/// The proposals as items, with how many proposals hold each stem and which stems are
/// modifiers: the space that completions are read in too.
pub(super) fn space(
    raw: Vec<(Occurrence, Option<time::Date>, Features)>,
) -> (Vec<Item>, HashMap<u32, u32>, HashSet<u32>) {
    let n = raw.len();
    let mut df: HashMap<u32, u32> = HashMap::new();
    for (_, _, fs) in &raw {
        for &x in &fs.ids {
            *df.entry(x).or_default() += 1;
        }
    }
    let modifiers = modifiers(raw.iter().map(|r| &r.2));
    let items = raw
        .into_iter()
        .map(|(occ, date, fs)| {
            let space = Space {
                df: &df,
                n,
                modifiers: &modifiers,
            };
            item(occ, date, fs, &space)
        })
        .collect();
    (items, df, modifiers)
}

/// The proposals' space that statements are weighed in: how many of the `n` proposals
/// hold each stem, and which stems are modifiers.
pub(super) struct Space<'a> {
    pub(super) df: &'a HashMap<u32, u32>,
    pub(super) n: usize,
    pub(super) modifiers: &'a HashSet<u32>,
}

/// A proposal or statement in the proposals' space: stems weighted by their rarity among
/// proposals (stems no proposal has are left out).
pub(super) fn item(occ: Occurrence, date: Option<time::Date>, fs: Features, space: &Space) -> Item {
    let Space { df, n, modifiers } = *space;
    let bag = normalize(
        fs.ids
            .iter()
            .filter_map(|&x| df.get(&x).map(|&c| (x, idf(n, c))))
            .collect(),
    );
    // a modifier that this text also uses as a noun of its own ("young people get ...")
    // names a thing here
    let mods = fs
        .ids
        .iter()
        .copied()
        .filter(|x| modifiers.contains(x) && fs.uses.iter().all(|u| u.0 != *x || u.1))
        .collect();
    // what is asked, without the stems that many requests share (the agent, "the IGF",
    // "the Secretariat"): they say who is to act, not what for
    let mut asked = fs.asked;
    let common = (PARAMS.core_max_df_share * n as f64).max(PARAMS.min_max_df as f64);
    asked
        .core
        .retain(|x| df.get(x).is_some_and(|&c| c as f64 <= common));
    Item {
        occ,
        date,
        bag,
        modifiers: mods,
        asked,
    }
}

#[cfg(test)]
#[path = "similarity_tests.rs"]
mod tests;
