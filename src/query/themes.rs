//! Themes over time: per theme, meetings and passages per period, first and last seen,
//! who raises it most, and the trend; with no theme named, the themes ranked and the
//! recurring phrases that no theme covers.
//!
//! Passages were tagged at index time ([`crate::extract::themes`]); when the themes file
//! asked about is not the indexed one, the same terms run as phrase queries instead.

use super::filters::Filters;
pub use super::trend::{PeriodCount, Trend};
use crate::extract::themes::ThemeSet;
use crate::index::passages::from_tantivy_date;
use crate::index::reader;
use crate::index::schema::{record, Fields};
use anyhow::Result;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

/// How to cut time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Calendar years.
    Year,
    /// Calendar quarters.
    Quarter,
    /// Each meeting on its own.
    Meeting,
}

/// A person who raises a theme.
#[derive(Debug, Clone, Serialize)]
pub struct Raiser {
    /// Name.
    pub name: String,
    /// Passages of theirs about the theme.
    pub passages: usize,
}

/// One theme's report, in the shape of `docs/json.md` plus more keys.
#[derive(Debug, Clone, Serialize)]
pub struct ThemeReport {
    /// Theme name.
    pub name: String,
    /// Passages about it.
    pub total: usize,
    /// Meetings that discussed it.
    pub meetings: usize,
    /// Per period.
    pub series: Vec<PeriodCount>,
    /// First meeting date.
    pub first_seen: Option<String>,
    /// Last meeting date.
    pub last_seen: Option<String>,
    /// Who raises it most.
    pub top_speakers: Vec<Raiser>,
    /// Rising or falling.
    pub trend: Trend,
}

impl ThemeReport {
    /// A report of `name` (`total` passages in `meetings`) over `(period, meetings,
    /// passages)` counts, nobody raising it: what the printers' tests draw.
    #[cfg(test)]
    pub(crate) fn of_counts(
        name: &str,
        (total, meetings): (usize, usize),
        counts: &[(&str, usize, usize)],
    ) -> ThemeReport {
        let series: Vec<PeriodCount> = counts
            .iter()
            .map(|&(period, meetings, passages)| PeriodCount {
                period: period.into(),
                meetings,
                passages,
            })
            .collect();
        ThemeReport {
            name: name.into(),
            total,
            meetings,
            first_seen: None,
            last_seen: None,
            top_speakers: vec![],
            trend: trend(&[], 4),
            series,
        }
    }
}

/// A recurring phrase that no theme covers.
#[derive(Debug, Clone, Serialize)]
pub struct Discovered {
    /// The phrase as the records write it most often.
    pub phrase: String,
    /// Meetings that use it.
    pub meetings: usize,
    /// Its score: how many meetings use it, weighed by how specific it is.
    pub score: f64,
}

/// The answer of `quorum themes`.
#[derive(Debug, Clone, Serialize)]
pub struct ThemesResult {
    /// Themes, most discussed first when none was named.
    pub themes: Vec<ThemeReport>,
    /// Recurring phrases no theme covers (only when no theme was named).
    pub discovered: Vec<Discovered>,
}

/// Collects the passages of one theme.
fn theme_query(f: &Fields, set: &ThemeSet, i: usize, tagged: bool) -> Box<dyn Query> {
    if tagged {
        return Box::new(TermQuery::new(
            Term::from_field_text(f.theme, &set.themes[i].name),
            IndexRecordOption::Basic,
        ));
    }
    let any: Vec<(Occur, Box<dyn Query>)> = set.analysed[i]
        .iter()
        .map(|seq| {
            let terms: Vec<Term> = seq
                .iter()
                .map(|t| Term::from_field_text(f.text, t))
                .collect();
            let q: Box<dyn Query> = if terms.len() == 1 {
                Box::new(TermQuery::new(terms[0].clone(), IndexRecordOption::Basic))
            } else {
                Box::new(PhraseQuery::new(terms))
            };
            (Occur::Should, q)
        })
        .collect();
    Box::new(BooleanQuery::new(any))
}

struct Row {
    date: Option<time::Date>,
    source: String,
    speaker: Option<String>,
}

/// Reads date, source and speaker of matched passages from fast fields.
fn rows(searcher: &Searcher, docs: &HashSet<DocAddress>) -> Result<Vec<Row>> {
    let mut by_segment: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for a in docs {
        by_segment.entry(a.segment_ord).or_default().push(a.doc_id);
    }
    let mut out = Vec::with_capacity(docs.len());
    for (seg, ids) in by_segment {
        let ff = searcher.segment_reader(seg).fast_fields();
        let dates = ff.date("date").ok();
        let sources = ff.str("source")?;
        let speakers = ff.str("speaker_key")?;
        let mut source_cache: HashMap<u64, String> = HashMap::new();
        let mut speaker_cache: HashMap<u64, String> = HashMap::new();
        for id in ids {
            let date = dates
                .as_ref()
                .and_then(|c| c.first(id))
                .and_then(from_tantivy_date);
            let mut source = String::new();
            if let Some(col) = &sources {
                if let Some(ord) = col.term_ords(id).next() {
                    source = source_cache
                        .entry(ord)
                        .or_insert_with(|| {
                            let mut s = String::new();
                            let _ = col.ord_to_str(ord, &mut s);
                            s
                        })
                        .clone();
                }
            }
            let speaker = speakers.as_ref().and_then(|col| {
                col.term_ords(id).next().map(|ord| {
                    speaker_cache
                        .entry(ord)
                        .or_insert_with(|| {
                            let mut s = String::new();
                            let _ = col.ord_to_str(ord, &mut s);
                            s
                        })
                        .clone()
                })
            });
            out.push(Row {
                date,
                source,
                speaker,
            });
        }
    }
    Ok(out)
}

fn period_of(d: Option<time::Date>, source: &str, by: Period) -> String {
    match (d, by) {
        (None, _) => "undated".into(),
        (Some(d), Period::Year) => d.year().to_string(),
        (Some(d), Period::Quarter) => {
            format!("{}-Q{}", d.year(), (u8::from(d.month()) - 1) / 3 + 1)
        }
        (Some(d), Period::Meeting) => format!("{} {source}", crate::extract::dates::iso(d)),
    }
}

/// Least-squares slope of the last `n` periods' passages; rising or falling when the
/// change over those periods exceeds a fifth of their mean.
pub fn trend(series: &[PeriodCount], n: usize) -> Trend {
    let dated: Vec<f64> = series
        .iter()
        .filter(|p| p.period != "undated")
        .map(|p| p.passages as f64)
        .collect();
    let tail = &dated[dated.len().saturating_sub(n)..];
    let k = tail.len();
    if k < 2 {
        return Trend {
            direction: "steady".into(),
            slope: 0.0,
            periods: k,
            p_value: None,
            rule: String::new(),
        };
    }
    let mx = (k - 1) as f64 / 2.0;
    let my = tail.iter().sum::<f64>() / k as f64;
    let (mut num, mut den) = (0.0, 0.0);
    for (i, y) in tail.iter().enumerate() {
        num += (i as f64 - mx) * (y - my);
        den += (i as f64 - mx).powi(2);
    }
    let slope = num / den;
    let change = slope * (k - 1) as f64;
    let direction = if my > 0.0 && change > 0.2 * my {
        "rising"
    } else if my > 0.0 && change < -0.2 * my {
        "falling"
    } else {
        "steady"
    };
    Trend {
        direction: direction.into(),
        slope: (slope * 1000.0).round() / 1000.0,
        periods: k,
        p_value: None,
        rule: String::new(),
    }
}

/// Fills in periods without matches between the first and last (years and quarters), so
/// that a series shows when a theme went quiet.
fn fill_gaps(series: &mut Vec<PeriodCount>, by: Period) {
    if by == Period::Meeting || series.len() < 2 {
        return;
    }
    let key = |p: &str| -> Option<(i32, u8)> {
        let (y, q) = p.split_once("-Q").map_or((p, "1"), |(y, q)| (y, q));
        Some((y.parse().ok()?, q.parse().ok()?))
    };
    let (Some(first), Some(last)) = (
        series.first().and_then(|p| key(&p.period)),
        series
            .iter()
            .rev()
            .find(|p| p.period != "undated")
            .and_then(|p| key(&p.period)),
    ) else {
        return;
    };
    let mut all = Vec::new();
    let (mut y, mut q) = first;
    while (y, q) <= last {
        let name = if by == Period::Year {
            y.to_string()
        } else {
            format!("{y}-Q{q}")
        };
        all.push(
            series
                .iter()
                .find(|p| p.period == name)
                .cloned()
                .unwrap_or(PeriodCount {
                    period: name,
                    meetings: 0,
                    passages: 0,
                }),
        );
        if by == Period::Year {
            y += 1
        } else if q == 4 {
            y += 1;
            q = 1
        } else {
            q += 1
        }
    }
    all.extend(series.iter().filter(|p| p.period == "undated").cloned());
    *series = all;
}

/// The report of one theme.
fn report(
    searcher: &Searcher,
    f: &Fields,
    set: &ThemeSet,
    i: usize,
    tagged: bool,
    by: Period,
    filters: &Filters,
) -> Result<ThemeReport> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
        (Occur::Must, theme_query(f, set, i, tagged)),
        (Occur::Must, f.records(record::PASSAGE)),
    ];
    clauses.extend(filters.clauses(f)?);
    let docs = searcher.search(&BooleanQuery::new(clauses), &DocSetCollector)?;
    let rows = rows(searcher, &docs)?;
    let mut periods: BTreeMap<String, (HashSet<&str>, usize)> = BTreeMap::new();
    let mut meetings: HashSet<&str> = HashSet::new();
    let mut speakers: HashMap<&str, usize> = HashMap::new();
    let (mut first, mut last) = (None, None);
    for r in &rows {
        let p = periods.entry(period_of(r.date, &r.source, by)).or_default();
        p.0.insert(&r.source);
        p.1 += 1;
        meetings.insert(&r.source);
        if let Some(s) = &r.speaker {
            *speakers.entry(s).or_default() += 1;
        }
        if let Some(d) = r.date {
            first = Some(first.map_or(d, |f: time::Date| f.min(d)));
            last = Some(last.map_or(d, |l: time::Date| l.max(d)));
        }
    }
    let mut series: Vec<PeriodCount> = periods
        .into_iter()
        .map(|(period, (m, n))| PeriodCount {
            period,
            meetings: m.len(),
            passages: n,
        })
        .collect();
    fill_gaps(&mut series, by);
    let mut top: Vec<(&str, usize)> = speakers.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    top.truncate(5);
    let top_speakers = top
        .into_iter()
        .map(|(key, n)| Raiser {
            name: display_name(searcher, f, key).unwrap_or_else(|| key.to_string()),
            passages: n,
        })
        .collect();
    // a tested verdict over the years, to the corpus's last (src/query/trend.rs)
    let trend = super::trend::tested(&series, super::trend::corpus_last_year(searcher));
    Ok(ThemeReport {
        name: set.themes[i].name.clone(),
        total: rows.len(),
        meetings: meetings.len(),
        series,
        first_seen: first.map(crate::extract::dates::iso),
        last_seen: last.map(crate::extract::dates::iso),
        top_speakers,
        trend,
    })
}

/// A speaker's name as written, from one of their passages or proposals (a proposal
/// record keeps it in `item_speaker`: which record comes first depends on segments).
fn display_name(searcher: &Searcher, f: &Fields, key: &str) -> Option<String> {
    let q = TermQuery::new(
        Term::from_field_text(f.speaker_key, key),
        IndexRecordOption::Basic,
    );
    let top = searcher
        .search(
            &q,
            &tantivy::collector::TopDocs::with_limit(1).order_by_score(),
        )
        .ok()?;
    let d: TantivyDocument = searcher.doc(top.first()?.1).ok()?;
    d.get_first(f.speaker)
        .or_else(|| d.get_first(f.item_speaker))
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// Runs `quorum themes`.
pub fn themes(
    index_dir: &Path,
    names: &[String],
    by: Period,
    filters: &Filters,
    set: &ThemeSet,
) -> Result<ThemesResult> {
    let (index, f) = reader::open(index_dir)?;
    let (_r, searcher) = reader::searcher(&index)?;
    let tagged = reader::payload(&index).themes == set.hash;
    let wanted: Vec<usize> = if names.is_empty() {
        (0..set.themes.len()).collect()
    } else {
        names
            .iter()
            .map(|n| {
                set.find(n).ok_or_else(|| {
                    let known = set
                        .themes
                        .iter()
                        .map(|t| t.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ");
                    anyhow::Error::from(crate::error::QuorumError::Usage(format!(
                        "no theme {n:?} in the themes file; themes: {known}"
                    )))
                })
            })
            .collect::<Result<_>>()?
    };
    let mut out = Vec::with_capacity(wanted.len());
    for i in wanted {
        out.push(report(&searcher, &f, set, i, tagged, by, filters)?);
    }
    let mut discovered = Vec::new();
    if names.is_empty() {
        out.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.name.cmp(&b.name)));
        discovered = discover(&searcher, &f, set, filters)?;
    }
    Ok(ThemesResult {
        themes: out,
        discovered,
    })
}

/// Phrases that recur across meetings and that no theme covers, scored by the meetings
/// that use them against how common they are in the whole corpus (a phrase used by most
/// meetings is boilerplate, not a topic).
pub fn discover(
    searcher: &Searcher,
    f: &Fields,
    set: &ThemeSet,
    filters: &Filters,
) -> Result<Vec<Discovered>> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, f.records(record::MEETING))];
    clauses.extend(
        Filters {
            speaker: None,
            ..filters.clone()
        }
        .clauses(f)?,
    );
    let docs = searcher.search(&BooleanQuery::new(clauses), &DocSetCollector)?;
    let n_meetings = docs.len().max(1) as f64;
    // phrase key -> (meetings, occurrences, surface forms)
    let mut counts: HashMap<String, (usize, usize, HashMap<String, usize>)> = HashMap::new();
    let mut by_segment: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for a in &docs {
        by_segment.entry(a.segment_ord).or_default().push(a.doc_id);
    }
    for (seg, ids) in by_segment {
        let Some(col) = searcher.segment_reader(seg).fast_fields().str("phrase")? else {
            continue;
        };
        let mut cache: HashMap<u64, String> = HashMap::new();
        for id in ids {
            for ord in col.term_ords(id) {
                let v = cache.entry(ord).or_insert_with(|| {
                    let mut s = String::new();
                    let _ = col.ord_to_str(ord, &mut s);
                    s
                });
                let mut parts = v.split('\u{1f}');
                if let (Some(key), Some(surface), n) = (
                    parts.next(),
                    parts.next(),
                    parts
                        .next()
                        .and_then(|n| n.parse::<usize>().ok())
                        .unwrap_or(1),
                ) {
                    let e = counts.entry(key.to_string()).or_default();
                    e.0 += 1;
                    e.1 += n;
                    *e.2.entry(surface.to_string()).or_default() += n;
                }
            }
        }
    }
    // covered: the phrase holds a theme's term, or is a piece of one ("Global Digital")
    let covered = |key: &str| {
        let toks: Vec<String> = key.split(' ').map(str::to_string).collect();
        !set.matches_tokens(&toks).is_empty()
            || set.analysed.iter().flatten().any(|term| {
                term.len() > toks.len() && term.windows(toks.len()).any(|w| w == toks.as_slice())
            })
    };
    let mut out: Vec<Discovered> = counts
        .into_iter()
        // recurring: in two meetings or more, or said three times or more
        .filter(|(k, (m, n, _))| (*m >= 2 || *n >= 3) && !covered(k))
        .map(|(_, (m, n, surfaces))| {
            let phrase = surfaces
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                .map(|s| s.0)
                .unwrap_or_default();
            let share = m as f64 / n_meetings;
            // many meetings, but not nearly all of them; repetition within them counts less
            let score = (m as f64 + 0.25 * (n - m) as f64)
                * (1.0 + (1.0 / share).ln())
                * if share > 0.6 { 0.2 } else { 1.0 };
            Discovered {
                phrase,
                meetings: m,
                score: (score * 100.0).round() / 100.0,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| b.phrase.len().cmp(&a.phrase.len()))
            .then_with(|| a.phrase.cmp(&b.phrase))
    });
    // a phrase inside a better-scored longer one adds nothing ("implementation" of "implementation tracker")
    let mut kept: Vec<Discovered> = Vec::new();
    for d in out {
        let lower = d.phrase.to_lowercase();
        if kept.iter().any(|k| {
            k.phrase.to_lowercase().contains(&lower)
                || lower.contains(&k.phrase.to_lowercase()) && k.meetings >= d.meetings
        }) {
            continue;
        }
        kept.push(d);
        if kept.len() == 30 {
            break;
        }
    }
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pc(p: &str, n: usize) -> PeriodCount {
        PeriodCount {
            period: p.into(),
            meetings: n.min(1),
            passages: n,
        }
    }

    #[test]
    fn test_trend_directions() {
        assert_eq!(
            trend(
                &[pc("2021", 1), pc("2022", 3), pc("2023", 6), pc("2024", 9)],
                4
            )
            .direction,
            "rising"
        );
        assert_eq!(
            trend(
                &[pc("2021", 9), pc("2022", 6), pc("2023", 3), pc("2024", 1)],
                4
            )
            .direction,
            "falling"
        );
        assert_eq!(
            trend(&[pc("2021", 5), pc("2022", 5), pc("2023", 5)], 4).direction,
            "steady"
        );
        assert_eq!(trend(&[pc("2024", 5)], 4).direction, "steady");
    }

    #[test]
    fn test_fill_gaps_shows_quiet_years() {
        let mut s = vec![pc("2019", 2), pc("2022", 1)];
        fill_gaps(&mut s, Period::Year);
        assert_eq!(
            s.iter().map(|p| p.period.as_str()).collect::<Vec<_>>(),
            ["2019", "2020", "2021", "2022"]
        );
        assert_eq!(s[1].passages, 0);
    }
}
