//! What the server holds: the index open for many queries, swapped for a new one when
//! `quorum index` commits, and the only way from a request to a file on disk.

use super::Fail;
use crate::extract::themes::ThemeSet;
use crate::index::schema::record;
use crate::model::Meeting;
use crate::query::filters::Filters;
use crate::query::search::{search_with, Ranking, SearchResult, Searchable};
use anyhow::{Context, Result};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::SystemTime;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};
use tokio::sync::{OnceCell, Semaphore};

/// Most answers one commit keeps; past it the answers are forgotten and gathered again.
/// Chosen by hand, not measured: 1,024 answers of 10 hits are a few megabytes, of 100
/// hits (the most a request may ask) some tens.
pub const MAX_ANSWERS: usize = 1024;

/// Searches answered on one commit, by the request as the search reads it: a repeated
/// search costs a lookup, and searches asked at once while the first is still running
/// wait for its answer instead of running again.
#[derive(Default)]
pub struct Answers {
    map: Mutex<HashMap<String, Arc<OnceCell<Arc<Answer>>>>>,
}

/// One search's answer, and its JSON once someone asked for it: under 200 requests at
/// once, turning the same answer into JSON again for each was most of what they cost.
pub struct Answer {
    /// The search's result.
    pub result: SearchResult,
    /// `result` as the API sends it.
    pub json: std::sync::OnceLock<axum::body::Bytes>,
}

impl Answers {
    /// The place of one request's answer, empty until someone fills it.
    fn cell(&self, key: &str) -> Arc<OnceCell<Arc<Answer>>> {
        let mut map = match self.map.lock() {
            Ok(m) => m,
            Err(poisoned) => poisoned.into_inner(),
        };
        if let Some(c) = map.get(key) {
            return c.clone();
        }
        if map.len() >= MAX_ANSWERS {
            map.clear();
        }
        let c = Arc::new(OnceCell::new());
        map.insert(key.to_string(), c.clone());
        c
    }
}

/// A search request as the search reads it: the same key for the same answer, whatever
/// the order of the parameters, a default left out or a theme's other spelling.
pub(crate) fn answer_key(q: &str, limit: usize, filters: &Filters) -> String {
    format!("{limit}\u{0}{filters:?}\u{0}{q}")
}

/// The server's state, shared by all requests.
pub struct App {
    /// The index folder.
    pub index_dir: PathBuf,
    /// The records folder, canonical, when it exists.
    corpus: Option<PathBuf>,
    /// Themes for the theme filter and the themes page.
    pub themes: ThemeSet,
    current: RwLock<Arc<Loaded>>,
    /// Queries running at once: the rest wait their turn instead of crowding the cores.
    work: Arc<Semaphore>,
}

/// One commit of the index, open.
pub struct Loaded {
    /// Open for searching, with its per-segment caches.
    pub search: Searchable,
    /// meta.json when it was opened.
    stamp: Option<Stamp>,
    /// The commit's opstamp.
    pub opstamp: u64,
    meetings: usize,
    /// The corpus as `quorum index` was given it, read once per commit: the absolute
    /// `path` of every source in the JSON answers.
    pub corpus_record: Option<crate::index::corpus_record::CorpusRecord>,
    /// Searches answered on this commit.
    answers: Answers,
}

/// What tells one commit from the next without opening it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
}

fn stamp(index_dir: &Path) -> Option<Stamp> {
    let m = std::fs::metadata(index_dir.join("meta.json")).ok()?;
    Some(Stamp {
        modified: m.modified().ok(),
        len: m.len(),
    })
}

impl Loaded {
    fn open(index_dir: &Path) -> Result<Loaded> {
        let stamp = stamp(index_dir);
        let search = Searchable::open_for_many(index_dir)?;
        let meetings = search
            .searcher
            .search(&*search.fields.records(record::FILE), &Count)?;
        let opstamp = search.index.load_metas().map_or(0, |m| m.opstamp);
        Ok(Loaded {
            search,
            stamp,
            opstamp,
            meetings,
            corpus_record: crate::index::corpus_record::CorpusRecord::load(index_dir),
            answers: Answers::default(),
        })
    }

    /// Meetings (files) in the index.
    pub fn meetings(&self) -> usize {
        self.meetings
    }

    /// The content hash the index holds for a source, when the source is one of its own.
    fn indexed_hash(&self, source: &str) -> Result<Option<(String, String)>> {
        let f = &self.search.fields;
        let q = BooleanQuery::new(vec![
            (Occur::Must, f.records(record::FILE)),
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.source, source),
                    IndexRecordOption::Basic,
                )) as Box<dyn Query>,
            ),
        ]);
        let top = self
            .search
            .searcher
            .search(&q, &TopDocs::with_limit(1).order_by_score())?;
        let Some((_, addr)) = top.first() else {
            return Ok(None);
        };
        let d: TantivyDocument = self.search.searcher.doc(*addr)?;
        let get = |fl| {
            d.get_first(fl)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        Ok(Some((get(f.source), get(f.hash))))
    }
}

/// A meeting record read from disk for display.
pub struct Record {
    /// Its name in the index.
    pub source: String,
    /// Its text, decoded.
    pub text: String,
    /// Its parse.
    pub meeting: Meeting,
    /// Whether the file changed since it was indexed (line numbers may have moved).
    pub changed: bool,
}

impl App {
    /// Opens the index at `index_dir`; `corpus` is where its records are.
    pub fn open(index_dir: PathBuf, corpus: &Path, themes: ThemeSet) -> Result<App> {
        let loaded = Loaded::open(&index_dir)?;
        let corpus = corpus.canonicalize().ok();
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Ok(App {
            index_dir,
            corpus,
            themes,
            current: RwLock::new(Arc::new(loaded)),
            work: Arc::new(Semaphore::new(cores * 2)),
        })
    }

    /// The commit being served.
    pub fn loaded(&self) -> Arc<Loaded> {
        match self.current.read() {
            Ok(g) => g.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    fn replace(&self, l: Loaded) {
        match self.current.write() {
            Ok(mut g) => *g = Arc::new(l),
            Err(poisoned) => *poisoned.into_inner() = Arc::new(l),
        }
    }

    /// Runs query work on a blocking thread, a few at a time; a panic becomes a 500.
    pub(crate) async fn run<T, F>(self: &Arc<Self>, f: F) -> Result<T, Fail>
    where
        F: FnOnce(&App, &Loaded) -> Result<T, Fail> + Send + 'static,
        T: Send + 'static,
    {
        let permit = self
            .work
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| Fail::Internal("the server is stopping".into()))?;
        let app = self.clone();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let loaded = app.loaded();
            f(&app, &loaded)
        })
        .await
        .map_err(|e| {
            Fail::Internal(if e.is_panic() {
                "this request hit a bug in quorum; the server goes on".into()
            } else {
                "the request was cancelled".into()
            })
        })?
    }

    /// A search on the commit being served, answered once per commit and request.
    pub(crate) async fn search(
        self: &Arc<Self>,
        q: String,
        limit: usize,
        filters: Filters,
    ) -> Result<Arc<Answer>, Fail> {
        let loaded = self.loaded();
        let cell = loaded.answers.cell(&answer_key(&q, limit, &filters));
        let answer = cell
            .get_or_try_init(|| {
                let on = loaded.clone();
                self.run(move |_, _| {
                    let r = search_with(&on.search, &q, limit, &filters, &Ranking::default())?;
                    Ok(Arc::new(Answer {
                        result: r,
                        json: Default::default(),
                    }))
                })
            })
            .await?;
        Ok(answer.clone())
    }

    /// The file of a source, only when the index lists that source and the file lies
    /// inside the records folder. The path is built from the index's own name for it.
    pub(crate) fn record_path(
        &self,
        loaded: &Loaded,
        source: &str,
    ) -> Result<(PathBuf, String, String), Fail> {
        let not_found = || Fail::NotFound(format!("no meeting {source:?} in the index"));
        if source.is_empty() || source.len() > 4096 || source.contains('\0') {
            return Err(not_found());
        }
        let (indexed, hash) = loaded.indexed_hash(source)?.ok_or_else(not_found)?;
        let rel = Path::new(&indexed);
        if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(not_found());
        }
        let corpus = self.corpus.as_ref().ok_or_else(|| {
            Fail::NotFound(
                "the records folder is not there: start `quorum serve` with --corpus DIR".into(),
            )
        })?;
        let base = corpus.parent().unwrap_or(corpus);
        let path = base
            .join(rel)
            .canonicalize()
            .map_err(|_| Fail::NotFound(format!("{indexed} is indexed but no longer on disk")))?;
        if !path.starts_with(corpus) {
            return Err(Fail::NotFound(format!(
                "{indexed} is not in the records folder being served"
            )));
        }
        Ok((path, indexed, hash))
    }

    /// Reads and parses one of the index's records.
    pub(crate) fn record(&self, loaded: &Loaded, source: &str) -> Result<Record, Fail> {
        let (path, indexed, hash) = self.record_path(loaded, source)?;
        let bytes = crate::ingest::read::read_file(&path)
            .map_err(|e| Fail::NotFound(format!("{indexed}: {e}")))?;
        let changed = blake3::hash(&bytes).to_hex().as_str() != hash;
        // the text rendering of the file (a web page, PDF, Word file or mail as text), whose
        // lines are the lines of `file:line`
        let rendering = crate::ingest::formats::render(&path, &bytes)
            .map_err(|e| Fail::NotFound(format!("{indexed}: {e}")))?;
        let meeting = crate::pipeline::parse_rendering(&indexed, &rendering);
        let text = rendering.text;
        Ok(Record {
            source: indexed,
            text,
            meeting,
            changed,
        })
    }
}

/// Swaps in the index's new commit whenever meta.json changes; a commit that cannot be
/// opened (a rebuild under way, a newer schema) is reported once and the last good one
/// kept.
pub(crate) async fn watch(app: Arc<App>) {
    let mut failed: Option<Stamp> = None;
    loop {
        tokio::time::sleep(super::RELOAD_EVERY).await;
        let now = stamp(&app.index_dir);
        // a failed commit is tried again (a merge may have removed files between reading
        // meta.json and opening them) but reported once
        if now.is_none() || now == app.loaded().stamp {
            continue;
        }
        let dir = app.index_dir.clone();
        let opened = tokio::task::spawn_blocking(move || Loaded::open(&dir))
            .await
            .context("reloading the index");
        match opened.and_then(|r| r) {
            Ok(l) => {
                eprintln!(
                    "quorum: reloaded the index: commit {}, {} meetings",
                    l.opstamp, l.meetings
                );
                failed = None;
                app.replace(l);
            }
            Err(e) => {
                if failed != now {
                    eprintln!("quorum: keeping the last index: {e:#}");
                }
                failed = now;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve::params::Params;

    fn key(raw: &str) -> String {
        let p = Params::parse(Some(raw));
        let filters = p.filters(&ThemeSet::default_set()).unwrap();
        let limit = p.number("limit", 10, 1, 100).unwrap();
        answer_key(p.get("q").unwrap(), limit, &filters)
    }

    #[test]
    fn test_one_answer_key_for_one_search_however_asked() {
        assert_eq!(
            key("q=remote+hubs&kind=summary&limit=10"),
            key("kind=summary&q=remote%20hubs")
        );
        assert_eq!(
            key("q=gap&from=2024-01-01"),
            key("from=2024-01-01&q=gap&speaker=")
        );
    }

    #[test]
    fn test_other_words_or_filters_are_other_answers() {
        assert_ne!(key("q=remote+hubs"), key("q=remote+hub"));
        assert_ne!(key("q=gap&kind=summary"), key("q=gap&kind=transcript"));
        assert_ne!(key("q=gap&limit=5"), key("q=gap"));
    }
}
