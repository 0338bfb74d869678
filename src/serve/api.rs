//! The JSON API: the CLI's `--json` shapes (docs/json.md), from the library's own query
//! functions, so that a page, a script and the command line give one answer.

use super::params::Params;
use super::state::{Answer, App, Loaded};
use super::{Fail, MAX_HITS, MAX_ROWS};
use crate::extract::names::person_key;
use crate::model::Meeting;
use crate::query::filters::date_arg;
use crate::query::filters::Filters;
use crate::query::gaps::GapsResult;
use crate::query::proposals::ProposalRow;
use crate::query::search::{search_with, Hit, Ranking};
use crate::query::themes::{Period, ThemesResult};
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use std::sync::Arc;

/// `quorum proposals --json`, plus how many matched before the cut to [`MAX_ROWS`].
#[derive(Debug, Serialize)]
pub(crate) struct ProposalsOut {
    pub proposals: Vec<ProposalRow>,
    pub total: usize,
}

/// A person: what they proposed, oldest first, and passages of theirs.
#[derive(Debug, Serialize)]
pub(crate) struct PersonOut {
    /// The id in the person's URL: their name key, words joined by `-`.
    pub id: String,
    /// Their name as the records spell it most often.
    pub name: String,
    pub proposals: Vec<ProposalRow>,
    /// Passages attributed to them (at most [`MAX_HITS`]).
    pub passages: Vec<Hit>,
}

/// The URL id of a person.
pub(crate) fn person_id(name: &str) -> String {
    person_key(name).replace(' ', "-")
}

/// What a search request asks: its words, how many hits, and the filters.
pub(crate) fn search_request(app: &App, p: &Params) -> Result<(String, usize, Filters), Fail> {
    let q = p
        .text("q")?
        .ok_or_else(|| Fail::BadRequest("give words to search for: q=...".into()))?;
    let limit = p.number("limit", 10, 1, MAX_HITS)?;
    let filters = p.filters(&app.themes)?;
    Ok((q, limit, filters))
}

/// A search, answered once per commit and request (see [`App::search`]).
pub(crate) async fn search_of(app: &Arc<App>, p: &Params) -> Result<Arc<Answer>, Fail> {
    let (q, limit, filters) = search_request(app, p)?;
    app.search(q, limit, filters).await
}

pub(crate) fn proposals_of(app: &App, p: &Params) -> Result<ProposalsOut, Fail> {
    let filters = p.filters(&app.themes)?;
    let limit = p.number("limit", MAX_ROWS, 1, MAX_ROWS)?;
    let topic = p.text("topic")?;
    let mut rows = crate::query::proposals::proposals(&app.index_dir, topic.as_deref(), &filters)?;
    let total = rows.len();
    rows.truncate(limit);
    Ok(ProposalsOut {
        proposals: rows,
        total,
    })
}

/// Filters of the commands that take speaker, body and dates only (themes, gaps).
fn dated_filters(p: &Params) -> Result<Filters, Fail> {
    Ok(Filters {
        speaker: p.text("speaker")?,
        body: p.text("body")?,
        from: date_arg("from", p.get("from"))?,
        to: date_arg("to", p.get("to"))?,
        ..Default::default()
    })
}

pub(crate) fn themes_of(app: &App, p: &Params) -> Result<ThemesResult, Fail> {
    let by = match p.get("by").unwrap_or("year") {
        "year" => Period::Year,
        "quarter" => Period::Quarter,
        "meeting" => Period::Meeting,
        other => {
            return Err(Fail::BadRequest(format!(
                "by={other:?}: give year, quarter or meeting"
            )))
        }
    };
    Ok(crate::query::themes::themes(
        &app.index_dir,
        &p.all("theme"),
        by,
        &dated_filters(p)?,
        &app.themes,
    )?)
}

pub(crate) fn gaps_of(app: &App, p: &Params) -> Result<GapsResult, Fail> {
    let min = p.number("min_meetings", 2, 2, 1000)?;
    let filters = dated_filters(p)?;
    Ok(crate::query::gaps::gaps(&app.index_dir, min, &filters)?)
}

pub(crate) fn person_of(app: &App, l: &Loaded, id: &str) -> Result<PersonOut, Fail> {
    let key = person_key(&id.replace('-', " "));
    let not_found = || Fail::NotFound(format!("no one called {id:?} in the index"));
    if key.is_empty() || id.len() > 200 {
        return Err(not_found());
    }
    let filters = Filters {
        speaker: Some(key.clone()),
        ..Default::default()
    };
    let proposals = crate::query::proposals::proposals(&app.index_dir, None, &filters)?;
    let passages = search_with(&l.search, "*", MAX_HITS, &filters, &Ranking::default())?.hits;
    // the spelling used most; on a tie, the longest (the fullest name)
    let mut names: std::collections::HashMap<&str, usize> = Default::default();
    for n in proposals
        .iter()
        .map(|r| r.speaker.as_str())
        .chain(passages.iter().filter_map(|h| h.speaker.as_deref()))
    {
        *names.entry(n).or_default() += 1;
    }
    let name = names
        .into_iter()
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then(a.0.len().cmp(&b.0.len()))
                .then(b.0.cmp(a.0))
        })
        .map(|(n, _)| n.to_string())
        .ok_or_else(not_found)?;
    Ok(PersonOut {
        id: key.replace(' ', "-"),
        name,
        proposals,
        passages,
    })
}

/// A command's JSON as the CLI prints it, with the fields every command's output shares
/// (`commands::ux::consistent`).
fn cli_json<T: Serialize>(app: &App, r: Result<T, Fail>) -> Response {
    match r.map(|v| serde_json::to_value(v)) {
        Ok(Ok(mut v)) => {
            crate::report::json::consistent(&mut v, app.loaded().corpus_record.as_ref());
            Json(v).into_response()
        }
        Ok(Err(e)) => json::<()>(Err(Fail::Internal(format!("{e}")))),
        Err(e) => json::<()>(Err(e)),
    }
}

/// A command's JSON as [`cli_json`] sends it, as bytes.
fn cli_bytes<T: Serialize>(app: &App, v: &T) -> Result<Vec<u8>, Fail> {
    let mut v = serde_json::to_value(v).map_err(|e| Fail::Internal(format!("{e}")))?;
    crate::report::json::consistent(&mut v, app.loaded().corpus_record.as_ref());
    serde_json::to_vec(&v).map_err(|e| Fail::Internal(format!("{e}")))
}

fn json<T: Serialize>(r: Result<T, Fail>) -> Response {
    match r {
        Ok(v) => Json(v).into_response(),
        Err(e) => (
            e.status(),
            Json(serde_json::json!({ "error": e.message() })),
        )
            .into_response(),
    }
}

/// `GET /api/search?q=...&limit&speaker&body&from&to&kind&theme`: `quorum search --json`.
pub(crate) async fn search(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Response {
    let p = Params::parse(q.as_deref());
    match search_of(&app, &p).await {
        Ok(a) => {
            if a.json.get().is_none() {
                match cli_bytes(&app, &a.result) {
                    Ok(b) => {
                        let _ = a.json.set(b.into());
                    }
                    Err(e) => return json::<()>(Err(e)),
                }
            }
            (
                [(
                    axum::http::header::CONTENT_TYPE,
                    axum::http::HeaderValue::from_static("application/json"),
                )],
                a.json.get().cloned().unwrap_or_default(),
            )
                .into_response()
        }
        Err(e) => cli_json::<()>(&app, Err(e)),
    }
}

/// `GET /api/proposals?topic&speaker&body&from&to&limit`: `quorum proposals --json`.
pub(crate) async fn proposals(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Response {
    let p = Params::parse(q.as_deref());
    cli_json(&app, app.run(move |app, _| proposals_of(app, &p)).await)
}

/// `GET /api/themes?theme=NAME&theme=...&by=year|quarter|meeting&speaker&body&from&to`:
/// `quorum themes --json`.
pub(crate) async fn themes(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Response {
    let p = Params::parse(q.as_deref());
    cli_json(&app, app.run(move |app, _| themes_of(app, &p)).await)
}

/// `GET /api/gaps?min_meetings&speaker&body&from&to`: `quorum gaps --json`.
pub(crate) async fn gaps(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Response {
    let p = Params::parse(q.as_deref());
    cli_json(&app, app.run(move |app, _| gaps_of(app, &p)).await)
}

/// `GET /api/meetings/{source}`: `quorum extract --json` of an indexed record.
pub(crate) async fn meeting(State(app): State<Arc<App>>, Path(source): Path<String>) -> Response {
    json(
        app.run(move |app, l| -> Result<Meeting, Fail> { Ok(app.record(l, &source)?.meeting) })
            .await,
    )
}

/// `GET /api/people/{id}`: a person's proposals and passages.
pub(crate) async fn person(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    cli_json(&app, app.run(move |app, l| person_of(app, l, &id)).await)
}

/// `GET /api/status`: which commit is served.
pub(crate) async fn status(State(app): State<Arc<App>>) -> Response {
    let l = app.loaded();
    Json(serde_json::json!({
        "opstamp": l.opstamp,
        "meetings": l.meetings(),
    }))
    .into_response()
}
