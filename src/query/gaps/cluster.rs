//! Grouping: candidate pairs from the postings of stems, groups by average link, and the
//! joins of groups that speak of an idea of their own in other words, or whose wordings
//! are half linked.

use super::params::PARAMS;
use super::similarity::{cosine, find, similarity, Item};
use crate::extract::request::without_frame;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};

/// One thread's working memory in [`alike_pairs`]: a dot product per proposal, the
/// proposals touched so far, and the pairs found (similarity, proposal, proposal).
pub(super) type PairScratch = (Vec<f32>, Vec<u32>, Vec<(f32, u32, u32)>);

/// Pairs of proposals from different meetings whose similarity reaches `floor`.
///
/// For each proposal, its dot products with all later ones are summed over the postings
/// of its stems (the bags are normalised, so the sums are cosines), leaving out stems in
/// more than `Params::max_df_share` of proposals: they weigh little and their postings would
/// make the cost quadratic. Only pairs whose sum reaches `floor` get the full rule.
/// Proposals are spread over threads.
pub(super) fn alike_pairs(
    items: &[Item],
    df: &HashMap<u32, u32>,
    floor: f32,
) -> Vec<(f32, u32, u32)> {
    candidate_pairs(items, df, floor, &|a, b| {
        let s = similarity(a, b);
        (s >= floor).then_some(s)
    })
}

/// Pairs of proposals from different meetings whose dot product over the stems kept for
/// pairing reaches `floor` (or that ask to have things of one head), each scored by
/// `score`, which keeps those it returns a value for (see [`alike_pairs`]).
pub(super) fn candidate_pairs(
    items: &[Item],
    df: &HashMap<u32, u32>,
    floor: f32,
    score: &(dyn Fn(&Item, &Item) -> Option<f32> + Sync),
) -> Vec<(f32, u32, u32)> {
    let n = items.len();
    let max_df = ((n as f64 * PARAMS.max_df_share).ceil() as u32).max(PARAMS.min_max_df);
    let mut postings: HashMap<u32, Vec<(u32, f32)>> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        for &(x, w) in &it.bag {
            if df[&x] >= 2 && df[&x] <= max_df {
                postings.entry(x).or_default().push((i as u32, w));
            }
        }
    }
    // requests to have a thing, by its head, whatever its share: they may link on it alone
    let mut heads: HashMap<u32, Vec<u32>> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        for &(h, _) in &it.asked.wanted {
            heads.entry(h).or_default().push(i as u32);
        }
    }
    for list in heads.values_mut() {
        list.dedup();
    }
    (0..n)
        .into_par_iter()
        .fold(
            || (vec![0f32; n], Vec::new(), Vec::new()),
            |(mut acc, mut touched, mut out): PairScratch, a| {
                for (x, w) in &items[a].bag {
                    let Some(list) = postings.get(x) else {
                        continue;
                    };
                    let later = list.partition_point(|p| p.0 as usize <= a);
                    for &(b, wb) in &list[later..] {
                        if acc[b as usize] == 0.0 {
                            touched.push(b);
                        }
                        acc[b as usize] += w * wb;
                    }
                }
                // a candidate by its head alone: marked, not scored
                let mut by_head = Vec::new();
                for (h, _) in &items[a].asked.wanted {
                    let list = &heads[h];
                    by_head.extend(
                        list[list.partition_point(|&b| b as usize <= a)..]
                            .iter()
                            .copied()
                            .filter(|&b| acc[b as usize] == 0.0),
                    );
                }
                by_head.sort_unstable();
                by_head.dedup();
                for b in touched.drain(..).chain(by_head) {
                    let partial = std::mem::take(&mut acc[b as usize]);
                    let (ia, ib) = (&items[a], &items[b as usize]);
                    let one_head = || {
                        ia.asked
                            .wanted
                            .iter()
                            .any(|(h, _)| ib.asked.wanted.iter().any(|w| w.0 == *h))
                    };
                    if (partial >= floor || one_head()) && ia.occ.source != ib.occ.source {
                        if let Some(s) = score(ia, ib) {
                            out.push((s, a as u32, b));
                        }
                    }
                }
                (acc, touched, out)
            },
        )
        .map(|(_, _, out)| out)
        .reduce(Vec::new, |mut a, b| {
            a.extend(b);
            a
        })
}

/// Groups proposals: strongest pairs first, two groups merge while the average
/// similarity of all their cross pairs (pairs below `link` count 0) reaches `link`,
/// so a one-off that shares a word with two chains does not join them. The sums between
/// groups are kept sparse and added up on each merge, so the cost follows the pairs,
/// not the square of the proposals.
pub(super) fn average_link(n: usize, pairs: &mut [(f32, u32, u32)], link: f32) -> Vec<Vec<usize>> {
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut parent: Vec<usize> = (0..n).collect();
    let mut size = vec![1usize; n];
    let mut sums: Vec<HashMap<usize, f32>> = vec![HashMap::new(); n];
    for &(s, a, b) in pairs.iter() {
        *sums[a as usize].entry(b as usize).or_default() += s;
        *sums[b as usize].entry(a as usize).or_default() += s;
    }
    for &(_, a, b) in pairs.iter() {
        let (ra, rb) = (find(&mut parent, a as usize), find(&mut parent, b as usize));
        if ra == rb {
            continue;
        }
        let total = sums[ra].get(&rb).copied().unwrap_or(0.0);
        // every cross pair a link at the threshold is a merge, whatever the rounding
        if total / ((size[ra] * size[rb]) as f32) < link - PARAMS.merge_tolerance {
            continue;
        }
        let (big, small) = if sums[ra].len() >= sums[rb].len() {
            (ra, rb)
        } else {
            (rb, ra)
        };
        parent[small] = big;
        size[big] += size[small];
        let moved = std::mem::take(&mut sums[small]);
        sums[big].remove(&small);
        for (other, v) in moved {
            if other == big {
                continue;
            }
            *sums[big].entry(other).or_default() += v;
            let o = &mut sums[other];
            o.remove(&small);
            *o.entry(big).or_default() += v;
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        groups.entry(find(&mut parent, i)).or_default().push(i);
    }
    groups.into_values().collect()
}

/// The recurring groups that have a stem in every member, each with the words it says
/// it in, and how many members they have in all (see [`join_on_own_idea`]).
pub(super) type StemGroups = (Vec<(usize, HashSet<u32>)>, u32);

/// Joins recurring groups that share an idea no other proposal speaks of, each in its
/// own words: a stem in every member of each, in what is asked (not whom it is for),
/// said in words of one synonym class or an acronym and its long form that the two
/// groups never share, and in at most one proposal outside them, a wording raised once
/// ("the carbon footprint of the annual meeting be measured" / "greener practices be
/// adopted", each raised in several meetings, are the only proposals about the
/// footprint). A restatement in other words may share one idea only, too few to link one
/// pair; that the idea is theirs alone, meeting after meeting, and named differently, is
/// what says they are one request. Two groups that name it in the same words ("the
/// workshop form be shortened" / "the deadline be shortened") were not linked by the
/// pair rule for a reason. Nor is the verb a member asks with such an idea ("the
/// Policy Network run sessions" / "the schedule of calls change"): an action is shared
/// by requests for many things.
pub(super) fn join_on_own_idea(
    groups: Vec<Vec<usize>>,
    items: &[Item],
    df: &HashMap<u32, u32>,
) -> Vec<Vec<usize>> {
    let recurring = |g: &Vec<usize>| {
        g.iter()
            .map(|&i| items[i].occ.source.as_str())
            .collect::<HashSet<_>>()
            .len()
            >= PARAMS.recurring_meetings
    };
    // each stem in every member of a recurring group: the groups, with the words each
    // says it in, and their members
    let mut by_stem: HashMap<u32, StemGroups> = HashMap::new();
    for (gi, g) in groups.iter().enumerate().filter(|(_, g)| recurring(g)) {
        let first = &items[g[0]];
        for &(x, _) in &first.bag {
            if first.modifiers.binary_search(&x).is_err()
                && g.iter()
                    .all(|&i| !items[i].said_as(x).is_empty() && items[i].asked.verb != Some(x))
            {
                let forms = g
                    .iter()
                    .flat_map(|&i| items[i].said_as(x).iter().map(|s| s.1))
                    .collect();
                let e = by_stem.entry(x).or_default();
                e.0.push((gi, forms));
                e.1 += g.len() as u32;
            }
        }
    }
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    for (x, (gs, members)) in by_stem {
        if gs.len() < 2 || df[&x] > members + PARAMS.own_idea_outside {
            continue;
        }
        for (k, (a, fa)) in gs.iter().enumerate() {
            for (b, fb) in &gs[k + 1..] {
                if fa.is_disjoint(fb) {
                    let (ra, rb) = (find(&mut parent, *a), find(&mut parent, *b));
                    parent[ra] = rb;
                }
            }
        }
    }
    let mut joined: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (gi, g) in groups.into_iter().enumerate() {
        joined.entry(find(&mut parent, gi)).or_default().extend(g);
    }
    joined.into_values().collect()
}

/// Joins groups when at least half of the pairs of their wordings are linked, each
/// wording counted once however often it was said. A chain restated in three ways often
/// links two of them to the third and not to each other; averaged over every raising,
/// the verbatim repeats of the unlinked two outvote the link, though half of what was
/// said is alike. Repeats say how often a wording came back, not how alike it is.
/// Joins are made in rounds, most linked first, each group joining once a round, until
/// none is left; a round costs the links between wordings, not the square of the groups.
pub(super) fn join_half_linked(
    groups: Vec<Vec<usize>>,
    items: &[Item],
    pairs: &[(f32, u32, u32)],
) -> Vec<Vec<usize>> {
    // each distinct wording, a request's frame aside, as a number
    let mut ids: HashMap<String, u32> = HashMap::new();
    let wording: Vec<u32> = items
        .iter()
        .map(|it| {
            let key = without_frame(&it.occ.text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            let next = ids.len() as u32;
            *ids.entry(key).or_insert(next)
        })
        .collect();
    let mut links: Vec<(u32, u32)> = pairs
        .iter()
        .map(|&(_, a, b)| (wording[a as usize], wording[b as usize]))
        .filter(|(x, y)| x != y)
        .map(|(x, y)| (x.min(y), x.max(y)))
        .collect();
    links.sort_unstable();
    links.dedup();
    let mut said: Vec<HashSet<u32>> = groups
        .iter()
        .map(|g| g.iter().map(|&i| wording[i]).collect())
        .collect();
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    loop {
        // the groups that say each wording, by their current root
        let mut sayers: HashMap<u32, Vec<usize>> = HashMap::new();
        for (g, ws) in said.iter().enumerate().filter(|(g, _)| parent[*g] == *g) {
            for &w in ws {
                sayers.entry(w).or_default().push(g);
            }
        }
        let mut linked: HashMap<(usize, usize), usize> = HashMap::new();
        for (x, y) in &links {
            let (Some(gx), Some(gy)) = (sayers.get(x), sayers.get(y)) else {
                continue;
            };
            for &a in gx {
                for &b in gy.iter().filter(|&&b| b != a) {
                    *linked.entry((a.min(b), a.max(b))).or_default() += 1;
                }
            }
        }
        let mut joins: Vec<(f32, usize, usize)> = linked
            .into_iter()
            .map(|((a, b), k)| (k as f32 / (said[a].len() * said[b].len()) as f32, a, b))
            .filter(|j| j.0 >= PARAMS.half_linked)
            .collect();
        if joins.is_empty() {
            break;
        }
        joins.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        let mut joined = HashSet::new();
        for (_, a, b) in joins {
            if joined.contains(&a) || joined.contains(&b) {
                continue;
            }
            joined.extend([a, b]);
            parent[b] = a;
            let moved = std::mem::take(&mut said[b]);
            said[a].extend(moved);
        }
    }
    let mut out: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (gi, g) in groups.into_iter().enumerate() {
        out.entry(find(&mut parent, gi)).or_default().extend(g);
    }
    out.into_values().collect()
}

/// The member whose wording labels a chain: the one most like all the others, and of
/// those alike the shortest. Closeness is compared to four decimals, so that two members
/// equally alike do not part on rounding ("a" to "b" and "b" to "a" are summed in other
/// orders).
pub(super) fn label_of(members: &[usize], items: &[Item]) -> usize {
    let closeness = |a: usize| {
        (members
            .iter()
            .map(|&o| cosine(&items[a].bag, &items[o].bag))
            .sum::<f32>()
            * PARAMS.label_scale)
            .round() as i64
    };
    *members
        .iter()
        .max_by_key(|&&a| (closeness(a), std::cmp::Reverse(items[a].occ.text.len())))
        .expect("non-empty")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::request::wanted;
    use crate::query::gaps::similarity::same_want;
    use crate::query::gaps::testing::items_of;
    use crate::text::analysis::analyze;

    #[test]
    fn test_pairs_from_postings_equal_all_pairs() {
        let texts = [
            "the MAG Terms of Reference should be reviewed",
            "the ToR of the MAG be updated to reflect the year-round work",
            "revisit the terms of reference of the MAG",
            "the terms of reference folder be moved to the shelf",
            "live captioning be available in every session room",
            "captions should be provided for all sessions",
            "the captions screen be repainted",
            "a travel fund support participants from developing countries",
            "donors finance the travel of stakeholders from least developed countries",
        ];
        let mut acr = HashMap::new();
        acr.insert("tor".to_string(), analyze("Terms of Reference"));
        let (items, df, _) = items_of(&texts, &acr);
        let mut fast: Vec<(u32, u32)> = alike_pairs(&items, &df, 0.2)
            .into_iter()
            .map(|p| (p.1, p.2))
            .collect();
        fast.sort_unstable();
        let mut slow = Vec::new();
        for a in 0..items.len() {
            for b in a + 1..items.len() {
                if similarity(&items[a], &items[b]) >= 0.2 {
                    slow.push((a as u32, b as u32));
                }
            }
        }
        assert_eq!(fast, slow);
        assert!(fast.contains(&(0, 1)) && fast.contains(&(4, 5)), "{fast:?}");
        assert!(
            !fast.contains(&(5, 6)),
            "one shared topic word is not a link: {fast:?}"
        );
        // the two restatements join and the one-off stays apart
        let groups = average_link(items.len(), &mut alike_pairs(&items, &df, 0.2), 0.2);
        assert!(
            groups
                .iter()
                .any(|g| g.contains(&4) && g.contains(&5) && !g.contains(&6)),
            "{groups:?}"
        );
    }

    #[test]
    fn test_groups_with_an_idea_of_their_own_in_other_words_are_one() {
        let texts = [
            "the carbon footprint of the annual meeting be measured",
            "the carbon footprint of the annual meeting be measured",
            "greener practices be adopted at the venue",
            "greener practices be adopted at the venue",
            "a travel fund for participants from developing countries",
            "a travel fund for participants from developing countries",
            "workshop slots be reserved for proposals from the Global South",
            "workshop slots be reserved for proposals from the Global South",
            "the workshop form be shortened",
            "the workshop form be shortened",
            "the session deadline be shortened",
            "the session deadline be shortened",
        ];
        let (items, df, _) = items_of(&texts, &HashMap::new());
        let pairs: Vec<Vec<usize>> = (0..texts.len() / 2)
            .map(|k| vec![2 * k, 2 * k + 1])
            .collect();
        let mut joined = join_on_own_idea(pairs.clone(), &items, &df);
        joined.iter_mut().for_each(|g| g.sort_unstable());
        assert!(
            joined.contains(&vec![0, 1, 2, 3]),
            "the footprint, in two wordings: {joined:?}"
        );
        assert!(
            joined.contains(&vec![4, 5]) && joined.contains(&vec![6, 7]),
            "whom a request is for is not what it asks: {joined:?}"
        );
        assert!(
            joined.contains(&vec![8, 9]) && joined.contains(&vec![10, 11]),
            "one word in both is no other wording: {joined:?}"
        );
        // one more proposal on the idea may be a wording raised once; two make it common
        let mut more = texts.to_vec();
        more.push("the emissions of travel be offset");
        let (items, df, _) = items_of(&more, &HashMap::new());
        let mut alone = pairs.clone();
        alone.push(vec![12]);
        assert!(join_on_own_idea(alone.clone(), &items, &df)
            .iter()
            .any(|g| g.len() == 4));
        more.push("the emissions of the catering be counted");
        let (items, df, _) = items_of(&more, &HashMap::new());
        alone.push(vec![13]);
        assert!(join_on_own_idea(alone, &items, &df)
            .iter()
            .all(|g| g.len() <= 2));
        // the verb a request asks with is no idea of its own: many requests share one
        let texts = [
            "the Policy Network run online clinics",
            "the Policy Network run online clinics",
            "the schedule of calls change every month",
            "the schedule of calls change every month",
        ];
        let (items, df, _) = items_of(&texts, &HashMap::new());
        assert_eq!(
            join_on_own_idea(vec![vec![0, 1], vec![2, 3]], &items, &df).len(),
            2
        );
    }

    #[test]
    fn test_groups_with_half_their_wordings_linked_join() {
        // "a" is said three times and "c" twice, in one group; "b" twice, linked to "a"
        // only; "d" once, linked to "a" of a group of three wordings
        let texts = ["a", "a", "a", "c", "c", "b", "b", "e", "d"];
        let (items, _, _) = items_of(&texts, &HashMap::new());
        let pairs = [(0.3, 0, 5), (0.3, 1, 6), (0.3, 2, 5)];
        let groups = join_half_linked(vec![vec![0, 1, 2, 3, 4], vec![5, 6]], &items, &pairs);
        assert_eq!(groups.len(), 1, "one of two wordings linked: {groups:?}");
        let pairs = [(0.3, 0, 8)];
        let groups = join_half_linked(vec![vec![0, 3, 7], vec![8]], &items, &pairs);
        assert_eq!(
            groups.len(),
            2,
            "one of three wordings linked is too few: {groups:?}"
        );
        // the frame of a request is no wording of its own
        let texts = ["x be done", "action so that x be done", "y be done"];
        let (items, _, _) = items_of(&texts, &HashMap::new());
        assert_eq!(
            join_half_linked(vec![vec![0, 1], vec![2]], &items, &[(0.3, 0, 2)]).len(),
            1
        );
    }

    #[test]
    fn test_groups_whose_every_cross_pair_links_at_the_threshold_merge() {
        for k in 2..8u32 {
            // k restatements worded alike, and one more linked to each at the threshold
            let mut pairs: Vec<(f32, u32, u32)> = (0..k)
                .flat_map(|a| (a + 1..k).map(move |b| (1.0, a, b)))
                .collect();
            pairs.extend((0..k).map(|a| (PARAMS.link, a, k)));
            assert_eq!(
                average_link(k as usize + 1, &mut pairs, PARAMS.link).len(),
                1,
                "{k} restatements"
            );
        }
    }

    #[test]
    fn test_the_label_is_the_most_central_wording_then_the_shortest() {
        let texts = [
            "the board publish its minutes every month",
            "the board should publish the minutes of every one of its meetings every month",
            "the board publish its minutes",
        ];
        let (items, _, _) = items_of(&texts, &HashMap::new());
        // two members: each as like the other, so the shorter
        assert_eq!(label_of(&[1, 0], &items), 0);
        assert_eq!(label_of(&[0, 1], &items), 0);
        // three: the one most like the other two, whose words both have
        assert_eq!(label_of(&[0, 1, 2], &items), 2);
    }

    #[test]
    fn test_requests_to_have_one_thing_are_one_request() {
        let names = |t: &str| {
            wanted(t)
                .into_iter()
                .map(|(h, n)| format!("{h} / {n}"))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names("we need a style guide that every editor follows"),
            ["style guide / style guide"]
        );
        assert_eq!(
            names("the board should adopt a code of ethics for all staff and volunteers"),
            ["code / code of ethics for all staff"]
        );
        assert_eq!(
            names("a review of the style guide"),
            Vec::<String>::new(),
            "an action with its object is no thing"
        );
        assert_eq!(
            names("a fund for travel, and a desk at the venue"),
            ["fund / fund for travel"],
            "only the thing asked for"
        );
        assert_eq!(
            names("the editors give the interns a desk"),
            Vec::<String>::new(),
            "a thing given to someone is theirs"
        );
        let texts = [
            "we need a style guide that every editor follows",
            "the newsroom should have a clear style guide, used in print and on the web",
            "the style guide be translated into French",
            "a fund for travel to the regional meetings",
            "a fund for interpreters at the regional meetings",
            "the old style guide be archived",
        ];
        let (items, _, _) = items_of(&texts, &HashMap::new());
        assert!(same_want(&items[0], &items[1]));
        assert!(
            similarity(&items[0], &items[1]) >= PARAMS.link,
            "{}",
            similarity(&items[0], &items[1])
        );
        assert!(
            !same_want(&items[3], &items[4]),
            "a fund for one thing is not a fund for another"
        );
        assert!(
            !same_want(&items[0], &items[2]) && similarity(&items[0], &items[2]) == 0.0,
            "asking something of the guide is not asking to have it"
        );
        // the pair is a candidate by its head even when the words they share are too
        // common to make candidates
        let mut many: Vec<String> = texts.iter().map(|t| t.to_string()).collect();
        many.extend(
            [
                "printed",
                "shortened",
                "bound",
                "mailed",
                "scanned",
                "sold",
                "signed",
                "framed",
                "stamped",
            ]
            .map(|v| format!("the style guide be {v}")),
        );
        let (items, df, v) = items_of(
            &many.iter().map(String::as_str).collect::<Vec<_>>(),
            &HashMap::new(),
        );
        assert!(df[&v.ids["guid"]] as f64 > (many.len() as f64 * PARAMS.max_df_share).max(8.0));
        let pairs: Vec<(u32, u32)> = alike_pairs(&items, &df, PARAMS.link)
            .into_iter()
            .map(|p| (p.1, p.2))
            .collect();
        assert!(pairs.contains(&(0, 1)), "{pairs:?}");
    }
}
