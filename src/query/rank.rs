//! Ranking checks on a search's candidates that need the index's postings.

use std::collections::HashSet;
use tantivy::query::{EnableScoring, Query};
use tantivy::{DocAddress, DocSet, Searcher, TERMINATED};

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
