//! Ranking checks on a search's candidates that need the index's postings, and the
//! collection of the best passages with pruning.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::{
    BooleanQuery, BoostQuery, EnableScoring, Occur, Query, Scorer, TermQuery, Weight,
};
use tantivy::{DocAddress, DocId, DocSet, Score, Searcher, SegmentReader, Term, TERMINATED};

/// The candidates `words` (the query on passage text and speaker only) does not match:
/// they matched on their section heading alone.
pub fn heading_only(
    searcher: &Searcher,
    words: &dyn Query,
    candidates: impl Iterator<Item = DocAddress>,
) -> tantivy::Result<HashSet<DocAddress>> {
    let mut by_segment: Vec<Vec<u32>> = vec![Vec::new(); searcher.segment_readers().len()];
    for a in candidates {
        if let Some(v) = by_segment.get_mut(a.segment_ord as usize) {
            v.push(a.doc_id);
        }
    }
    let weight = words.weight(EnableScoring::disabled_from_searcher(searcher))?;
    let mut out = HashSet::new();
    for (seg, mut docs) in by_segment.into_iter().enumerate() {
        if docs.is_empty() {
            continue;
        }
        docs.sort_unstable();
        let mut scorer = weight.scorer(searcher.segment_reader(seg as u32), 1.0)?;
        for d in docs {
            let cur = scorer.doc();
            let at = if cur != TERMINATED && cur < d {
                scorer.seek(d)
            } else {
                cur
            };
            if at != d {
                out.insert(DocAddress::new(seg as u32, d));
            }
        }
    }
    Ok(out)
}

/// A query whose clauses are all optional, nested to any depth, as one flat disjunction of
/// its leaves: the same documents and the same scores (a boolean query sums its clauses'
/// scores), but tantivy prunes a flat disjunction of terms by block-max WAND and a nested
/// one not at all. The query parser nests one disjunction per word over the passage
/// fields, so a two-word query reached no pruning before.
pub fn flatten(q: Box<dyn Query>) -> Box<dyn Query> {
    let mut leaves = Vec::new();
    if !optional_leaves(&*q, &mut leaves) || leaves.len() < 2 {
        return q;
    }
    Box::new(BooleanQuery::new(
        leaves.into_iter().map(|l| (Occur::Should, l)).collect(),
    ))
}

/// Collects the leaves of a tree of optional clauses; false when some clause is required
/// or excluded (then the tree is not a plain disjunction).
fn optional_leaves(q: &dyn Query, out: &mut Vec<Box<dyn Query>>) -> bool {
    let Some(b) = q.downcast_ref::<BooleanQuery>() else {
        out.push(q.box_clone());
        return true;
    };
    b.clauses()
        .iter()
        .all(|(occur, sub)| *occur == Occur::Should && optional_leaves(&**sub, out))
}

/// Whether a query is a disjunction of single terms (what block-max WAND prunes).
pub fn is_term_union(q: &dyn Query) -> bool {
    let term = |q: &dyn Query| {
        q.downcast_ref::<TermQuery>().is_some()
            || q.downcast_ref::<BoostQuery>().is_some_and(|b| {
                let mut n = 0;
                b.query_terms(&mut |_, _| n += 1);
                // a phrase has two terms or more
                n == 1
            })
    };
    match q.downcast_ref::<BooleanQuery>() {
        Some(b) => b
            .clauses()
            .iter()
            .all(|(occur, sub)| *occur == Occur::Should && term(&**sub)),
        None => term(q),
    }
}

/// How many documents a query matches, counted up to `bound`: `(n, true)` when `n` is
/// all of them, `(bound, false)` when more than `bound` match. Counting every match cost
/// more than finding the best ones once the best are found with pruning.
pub fn count_upto(
    searcher: &Searcher,
    q: &dyn Query,
    bound: usize,
) -> tantivy::Result<(usize, bool)> {
    let weight = q.weight(EnableScoring::disabled_from_searcher(searcher))?;
    let mut n = 0usize;
    for reader in searcher.segment_readers() {
        let mut scorer = weight.scorer(reader, 1.0)?;
        let alive = reader.alive_bitset();
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                n += 1;
                if n > bound {
                    return Ok((bound, false));
                }
            }
            doc = scorer.advance();
        }
    }
    Ok((n, true))
}

/// The best `k` documents of a query that every filter clause also matches, with block-max
/// pruning on the query: tantivy prunes a disjunction of terms only when it is the whole
/// query, and a filter made it a conjunction. Each filter here must score every document
/// it matches alike (the kind's single term, the date range's zero): a hit's score is then
/// the query's plus that constant, as when the filters were clauses of one query, and the
/// query's own best are the best of the sum.
pub struct FilteredTop {
    /// How many to keep.
    pub k: usize,
    /// The filters' weights, scored with the query's statistics.
    pub filters: Vec<Box<dyn Weight>>,
}

/// One collected segment's best, with lower documents first among equals.
pub struct SegmentTop(Vec<(Score, DocAddress)>);

impl SegmentCollector for SegmentTop {
    type Fruit = Vec<(Score, DocAddress)>;
    fn collect(&mut self, _doc: DocId, _score: Score) {}
    fn harvest(self) -> Self::Fruit {
        self.0
    }
}

impl Collector for FilteredTop {
    type Fruit = Vec<(Score, DocAddress)>;
    type Child = SegmentTop;

    fn for_segment(&self, _ord: u32, _reader: &SegmentReader) -> tantivy::Result<SegmentTop> {
        Ok(SegmentTop(Vec::new()))
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut all: Vec<(Score, DocAddress)> = fruits.into_iter().flatten().collect();
        all.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        all.truncate(self.k);
        Ok(all)
    }

    fn collect_segment(
        &self,
        weight: &dyn Weight,
        segment_ord: u32,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Fruit> {
        let mut filters = self
            .filters
            .iter()
            .map(|w| w.scorer(reader, 1.0))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let alive = reader.alive_bitset();
        // a min-heap of (score, doc): the root is the k-th best so far
        let mut heap: BinaryHeap<Reverse<(Ordered, DocId)>> = BinaryHeap::with_capacity(self.k + 1);
        if self.k == 0 {
            return Ok(Vec::new());
        }
        let mut known: Score = 0.0;
        weight.for_each_pruning(Score::MIN, reader, &mut |doc, score| {
            let pass = |heap: &BinaryHeap<Reverse<(Ordered, DocId)>>, c: Score| {
                if heap.len() < self.k {
                    Score::MIN
                } else {
                    heap.peek().map_or(Score::MIN, |r| r.0 .0 .0 - c)
                }
            };
            let mut constant = 0.0;
            for f in filters.iter_mut() {
                let at = if f.doc() < doc { f.seek(doc) } else { f.doc() };
                if at != doc {
                    return pass(&heap, known);
                }
                constant += f.score();
            }
            if alive.is_some_and(|a| a.is_deleted(doc)) {
                return pass(&heap, known);
            }
            // the filters' score, the same for every document that passes them: the
            // threshold handed back is in the query's own scores
            known = constant;
            let total = score + constant;
            if heap.len() < self.k {
                heap.push(Reverse((Ordered(total), doc)));
            } else if heap.peek().is_some_and(|r| total > r.0 .0 .0) {
                heap.pop();
                heap.push(Reverse((Ordered(total), doc)));
            }
            pass(&heap, known)
        })?;
        Ok(heap
            .into_iter()
            .map(|Reverse((s, d))| (s.0, DocAddress::new(segment_ord, d)))
            .collect())
    }
}

/// A score ordered by `total_cmp`, lower documents first among equals when reversed.
#[derive(Debug, Clone, Copy)]
struct Ordered(Score);

impl PartialEq for Ordered {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}

impl Eq for Ordered {}

impl PartialOrd for Ordered {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ordered {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// BM25 statistics for meeting records: a word weighs as rare or common as it is among
/// passages (idf), while a meeting's length is compared with other meetings'. Measured on
/// QMSum (benches/RESULTS.md): passage recall 0.355 with the meetings' own statistics,
/// 0.363 with passage statistics throughout, higher with this mix.
pub struct PassageStatistics<'a> {
    /// The searcher whose statistics are read.
    pub searcher: &'a Searcher,
    /// The field of record kinds.
    pub record: tantivy::schema::Field,
    /// Passage text.
    pub text: tantivy::schema::Field,
    /// Meeting text.
    pub meeting_text: tantivy::schema::Field,
}

impl tantivy::query::Bm25StatisticsProvider for PassageStatistics<'_> {
    fn total_num_tokens(&self, field: tantivy::schema::Field) -> tantivy::Result<u64> {
        if field == self.meeting_text {
            // tantivy divides by all documents; scale so that the average is per meeting
            let meetings = self
                .searcher
                .doc_freq(&Term::from_field_text(
                    self.record,
                    crate::index::schema::record::MEETING,
                ))?
                .max(1);
            let all = self.searcher.total_num_docs()?;
            return Ok(
                (self.searcher.total_num_tokens(field)? as u128 * all as u128 / meetings as u128)
                    as u64,
            );
        }
        self.searcher.total_num_tokens(field)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        self.searcher.total_num_docs()
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        if term.field() == self.meeting_text {
            if let Some(t) = term.value().as_str() {
                return self.searcher.doc_freq(&Term::from_field_text(self.text, t));
            }
        }
        self.searcher.doc_freq(term)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::schema::{Schema, STRING, TEXT};
    use tantivy::{doc, Index};

    /// 300 documents of a few words each, half of them of kind "a".
    fn index() -> (Index, tantivy::schema::Field, tantivy::schema::Field) {
        let mut b = Schema::builder();
        let text = b.add_text_field("text", TEXT);
        let kind = b.add_text_field("kind", STRING);
        let index = Index::create_in_ram(b.build());
        let mut w = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let words = ["remote", "hubs", "budget", "youth", "gap", "review"];
        for i in 0..300usize {
            let body: Vec<&str> = (0..1 + i % 7).map(|j| words[(i * 3 + j * j) % 6]).collect();
            let k = if i % 2 == 0 { "a" } else { "b" };
            w.add_document(doc!(text => body.join(" "), kind => k))
                .unwrap();
            if i % 100 == 99 {
                w.commit().unwrap();
            }
        }
        w.commit().unwrap();
        (index, text, kind)
    }

    fn term(f: tantivy::schema::Field, w: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(f, w),
            tantivy::schema::IndexRecordOption::WithFreqs,
        ))
    }

    #[test]
    fn test_nested_disjunctions_flatten_to_the_same_scores() {
        let (index, text, _) = index();
        let searcher = index.reader().unwrap().searcher();
        let nested: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
            (Occur::Should, term(text, "remote")),
            (
                Occur::Should,
                Box::new(BooleanQuery::new(vec![
                    (Occur::Should, term(text, "hubs")),
                    (Occur::Should, term(text, "gap")),
                ])),
            ),
        ]));
        let flat = flatten(nested.box_clone());
        assert!(is_term_union(&*flat));
        assert!(!is_term_union(&*nested));
        let top = |q: &dyn Query| {
            searcher
                .search(q, &TopDocs::with_limit(300).order_by_score())
                .unwrap()
        };
        let (a, b) = (top(&*nested), top(&*flat));
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(&b) {
            assert!((x.0 - y.0).abs() < 1e-5);
        }
    }

    #[test]
    fn test_a_required_clause_is_not_flattened() {
        let (_, text, _) = index();
        let q: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
            (Occur::Must, term(text, "remote")),
            (Occur::Should, term(text, "gap")),
        ]));
        let flat = flatten(q);
        assert!(!is_term_union(&*flat));
        assert_eq!(
            flat.downcast_ref::<BooleanQuery>().unwrap().clauses()[0].0,
            Occur::Must
        );
    }

    #[test]
    fn test_filtered_top_finds_what_the_conjunction_finds() {
        let (index, text, kind) = index();
        let searcher = index.reader().unwrap().searcher();
        let user: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
            (Occur::Should, term(text, "remote")),
            (Occur::Should, term(text, "youth")),
        ]));
        let filter = Box::new(TermQuery::new(
            Term::from_field_text(kind, "a"),
            tantivy::schema::IndexRecordOption::Basic,
        )) as Box<dyn Query>;
        for k in [1, 5, 40, 400] {
            let both = BooleanQuery::new(vec![
                (Occur::Must, user.box_clone()),
                (Occur::Must, filter.box_clone()),
            ]);
            let want = searcher
                .search(&both, &TopDocs::with_limit(k).order_by_score())
                .unwrap();
            let top = FilteredTop {
                k,
                filters: vec![filter
                    .weight(EnableScoring::enabled_from_searcher(&searcher))
                    .unwrap()],
            };
            let got = searcher.search(&*user, &top).unwrap();
            assert_eq!(got.len(), want.len(), "k {k}");
            for (x, y) in got.iter().zip(&want) {
                assert!((x.0 - y.0).abs() < 1e-4, "k {k}: {x:?} {y:?}");
            }
            let n = searcher.search(&both, &tantivy::collector::Count).unwrap();
            assert_eq!(count_upto(&searcher, &both, 1000).unwrap(), (n, true));
            assert_eq!(count_upto(&searcher, &both, 3).unwrap(), (3, false));
        }
    }
}
