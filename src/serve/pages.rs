//! The HTML pages: plain forms with GET (they work without JavaScript), labelled fields,
//! a skip link and landmarks for screen readers, stable URLs built from the index's own
//! names. Built with maud: every value is escaped unless marked raw, and none is.

use super::api::{gaps_of, person_id, person_of, proposals_of, search_of, themes_of};
use super::forms::{common_filters, field, folded, search_form, select};
use super::params::Params;
use super::state::App;
use super::{chart, Fail};
use crate::model::{BlockKind, Meeting};
use crate::query::search::Hit;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup, DOCTYPE};
use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use std::sync::Arc;

/// Bytes escaped in one path segment of a URL.
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'\\')
    .add(b'^')
    .add(b'|')
    .add(b'[')
    .add(b']');

/// Most line anchors one passage carries (a subtitle file's cue may span many lines).
const MAX_ANCHORS: usize = 400;

/// The page of a meeting record, at a line: `/meetings/corpus/igf/x.txt?line=33#L33`.
pub(crate) fn meeting_url(source: &str, line: Option<u64>) -> String {
    let path: Vec<String> = source
        .split('/')
        .map(|s| utf8_percent_encode(s, SEGMENT).to_string())
        .collect();
    match line {
        Some(n) if n > 0 => format!("/meetings/{}?line={n}#L{n}", path.join("/")),
        _ => format!("/meetings/{}", path.join("/")),
    }
}

/// A person's page, when the name names someone.
fn person_url(name: &str) -> Option<String> {
    let id = person_id(name);
    (!id.is_empty()).then(|| format!("/people/{}", utf8_percent_encode(&id, SEGMENT)))
}

fn query_url(path: &str, pairs: &[(&str, &str)]) -> String {
    let q = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs.iter().filter(|(_, v)| !v.is_empty()))
        .finish();
    if q.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{q}")
    }
}

/// Which part of the site a page belongs to, for the navigation's `aria-current`.
#[derive(PartialEq, Clone, Copy)]
enum Nav {
    Search,
    Proposals,
    Themes,
    Gaps,
    None,
}

fn page(title: &str, nav: Nav, status: StatusCode, main: Markup) -> Response {
    let item = |target: Nav, href: &str, label: &str| {
        html! {
            li { a href=(href) aria-current=[(nav == target).then_some("page")] { (label) } }
        }
    };
    let body = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · quorum" }
                link rel="stylesheet" href="/assets/style.css";
                script src="/assets/app.js" defer {}
            }
            body {
                a.skip href="#main" { "Skip to content" }
                header.top {
                    nav aria-label="Main" {
                        a.brand href="/" { "quorum" }
                        ul {
                            (item(Nav::Search, "/search", "Search"))
                            (item(Nav::Proposals, "/proposals", "Proposals"))
                            (item(Nav::Themes, "/themes", "Themes"))
                            (item(Nav::Gaps, "/gaps", "Gaps"))
                        }
                    }
                }
                main #main tabindex="-1" { (main) }
                footer {
                    p { "quorum: a read-only view of the meeting records' index. Every page has a JSON twin under "
                        code { "/api/" } "." }
                }
            }
        }
    };
    (status, Html(body.into_string())).into_response()
}

fn error_page(e: &Fail) -> Response {
    let title = match e {
        Fail::BadRequest(_) => "Cannot search that",
        Fail::NotFound(_) => "Not found",
        Fail::Internal(_) => "Something went wrong",
    };
    page(
        title,
        Nav::None,
        e.status(),
        html! {
            h1 { (title) }
            p.error role="alert" { (e.message()) }
            p { a href="/" { "Back to the search" } }
        },
    )
}

/// Any other path.
pub(crate) async fn not_found() -> Response {
    error_page(&Fail::NotFound(
        "there is no page here; start from the search".into(),
    ))
}

/// A tantivy snippet (the passage escaped, matches in `<b>`) as markup: unescaped into
/// text, then escaped again by maud, with the matches in `<mark>`. Nothing of the
/// snippet reaches the page raw.
pub(crate) fn snippet(s: &crate::query::snippet::Snippet) -> Markup {
    // the matches in <mark>, every piece of text escaped by maud
    let mut from = 0;
    let mut parts: Vec<(bool, &str)> = Vec::new();
    for r in &s.highlighted {
        parts.push((false, &s.text[from..r.start]));
        parts.push((true, &s.text[r.clone()]));
        from = r.end;
    }
    parts.push((false, &s.text[from..]));
    html! {
        @for (on, t) in &parts {
            @if *on { mark { (t) } } @else { (t) }
        }
    }
}

fn hit_title(h: &Hit) -> String {
    match (&h.body, &h.meeting_date) {
        (Some(b), Some(d)) if !b.is_empty() => format!("{b}, {d}"),
        (_, Some(d)) => format!("{}, {d}", h.source),
        (Some(b), None) if !b.is_empty() => b.clone(),
        _ => h.source.clone(),
    }
}

fn hit_item(h: &Hit, i: usize) -> Markup {
    html! {
        li.hit {
            article aria-labelledby=(format!("hit{i}")) {
                h2 #(format!("hit{i}")) {
                    a href=(meeting_url(&h.source, Some(h.line_start))) { (hit_title(h)) }
                }
                p.meta {
                    @if let Some(s) = &h.speaker {
                        @if let Some(u) = person_url(s) { a href=(u) { (s) } } @else { (s) }
                        " · "
                    }
                    @if let Some(s) = &h.section { (s) " · " }
                    code { (h.source) ":" (h.line_start) }
                }
                // a passage found by its speaker or section alone has no words to show
                @if !h.snippet.text.is_empty() {
                    blockquote.snippet { (snippet(&h.snippet)) }
                }
            }
        }
    }
}

/// `/` and `/search?q=...`: the search box, filters and hits.
pub(crate) async fn search(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Response {
    let p = Params::parse(q.as_deref());
    let asked = p.get("q").is_some();
    let result = if asked {
        Some(search_of(&app, &p).await)
    } else {
        None
    };
    let form = search_form(&app, &p);
    let status = match &result {
        Some(Err(e)) => e.status(),
        _ => StatusCode::OK,
    };
    let title = p
        .get("q")
        .map_or("Search".to_string(), |q| format!("{q}: search"));
    page(
        &title,
        Nav::Search,
        status,
        html! {
            h1.visually-hidden { "Search" }
            (form)
            @match &result {
                None => {
                    section.intro {
                        p { "Search every paragraph and turn of the indexed meetings, then open the meeting at the passage. Or browse "
                            a href="/proposals" { "who proposed what" } ", "
                            a href="/themes" { "themes over the years" } " and "
                            a href="/gaps" { "proposals that keep coming back" } "." }
                        p.meta { (app.loaded().meetings()) " meetings indexed." }
                    }
                }
                Some(Err(e)) => { p.error role="alert" { (e.message()) } }
                Some(Ok(r)) => {
                    p.count role="status" {
                        @if !r.result.total_exact { "More than " }
                        (r.result.total) " passages match"
                        @if r.result.hits.len() < r.result.total { "; the best " (r.result.hits.len()) " are shown" }
                        ". " a href=(format!("/api/search?{}", raw_query(&p))) { "As JSON" }
                    }
                    ol.hits {
                        @for (i, h) in r.result.hits.iter().enumerate() { (hit_item(h, i)) }
                    }
                }
            }
        },
    )
}

fn raw_query(p: &Params) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(p.pairs())
        .finish()
}

/// The block that holds a line.
fn block_at(m: &Meeting, line: usize) -> Option<usize> {
    m.blocks
        .iter()
        .position(|b| b.line_start <= line && line <= b.line_end)
}

/// `/meetings/{source}?line=N`: the whole record, each passage anchored at its lines
/// (`#L33`), the passage holding line N marked.
pub(crate) async fn meeting(
    State(app): State<Arc<App>>,
    Path(source): Path<String>,
    RawQuery(q): RawQuery,
) -> Response {
    let p = Params::parse(q.as_deref());
    let line = p.get("line").and_then(|v| v.parse::<usize>().ok());
    let record = match app.run(move |app, l| app.record(l, &source)).await {
        Ok(r) => r,
        Err(e) => return error_page(&e),
    };
    let m = &record.meeting;
    let marked = line.and_then(|n| block_at(m, n));
    let lines: Vec<&str> = record.text.split('\n').collect();
    let starts: std::collections::HashMap<usize, usize> = m
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| (b.line_start, i))
        .collect();
    let title = if m.meeting.title.trim().is_empty() {
        record.source.clone()
    } else {
        m.meeting.title.clone()
    };
    let mut body = Vec::new();
    let mut i = 1;
    while i <= lines.len() {
        if let Some(&bi) = starts.get(&i) {
            let b = &m.blocks[bi];
            body.push(block(b, bi, marked == Some(bi)));
            i = b.line_end.max(i) + 1;
        } else {
            let t = lines[i - 1].trim();
            if !t.is_empty() {
                body.push(html! { p.line #(format!("L{i}")) { (t) } });
            }
            i += 1;
        }
    }
    page(
        &title,
        Nav::None,
        StatusCode::OK,
        html! {
            article.record {
                header {
                    h1 { (title) }
                    dl.facts {
                        @if let Some(d) = &m.meeting.date { dt { "Date" } dd { time datetime=(d) { (d) } } }
                        @if !m.meeting.body.is_empty() { dt { "Body" } dd { (m.meeting.body) } }
                        dt { "Record" } dd { (m.meeting.kind.as_str()) }
                        @if let Some(c) = &m.meeting.moderator { dt { "Chair" } dd { (c) } }
                        dt { "File" } dd { code { (record.source) } " · "
                            a href=(format!("/api/meetings/{}", meeting_url(&record.source, None).trim_start_matches("/meetings/"))) { "JSON" } }
                    }
                    @if record.changed {
                        p.notice role="note" { "This file changed after it was indexed: line numbers may have moved until "
                            code { "quorum index" } " runs again." }
                    }
                    @if !m.speakers.is_empty() {
                        details.speakers {
                            summary { "Speakers (" (m.speakers.len()) ")" }
                            ul { @for s in &m.speakers {
                                li { @if let Some(u) = person_url(s) { a href=(u) { (s) } } @else { (s) } }
                            } }
                        }
                    }
                    @if marked.is_some() {
                        p.jump { a href=(format!("#L{}", line.unwrap_or(0))) { "Go to the passage you opened" } }
                    }
                }
                section.text aria-label="The record" {
                    @for b in &body { (b) }
                }
            }
        },
    )
}

fn block(b: &crate::model::Block, _index: usize, marked: bool) -> Markup {
    let id = format!("L{}", b.line_start);
    let extra = (b.line_start + 1..=b.line_end).take(MAX_ANCHORS);
    let who = b.speaker.as_deref().or(b.label.as_deref());
    let inner = html! {
        @for n in extra.clone() { span.anchor id=(format!("L{n}")) {} }
        a.ln href=(format!("#{id}")) aria-label=(format!("line {}", b.line_start)) { (b.line_start) }
        @if let Some(w) = who {
            @if b.kind == BlockKind::Turn {
                span.who { @if let Some(u) = b.speaker.as_deref().and_then(person_url) { a href=(u) { (w) } } @else { (w) } ": " }
            }
        }
        @if marked {
            span.visually-hidden { "The passage you opened: " }
            mark.passage { (b.text) }
        } @else {
            (b.text)
        }
    };
    match b.kind {
        BlockKind::Heading => html! { h2.heading #(id) { (b.text) } },
        _ => html! {
            div.block.item[b.is_item].hit[marked] #(id) tabindex=[marked.then_some("-1")] { (inner) }
        },
    }
}

/// `/people/{id}`: what a person proposed over the years, and passages of theirs.
pub(crate) async fn person(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    let who = match app.run(move |app, l| person_of(app, l, &id)).await {
        Ok(w) => w,
        Err(e) => return error_page(&e),
    };
    let mut years: Vec<(String, Vec<&crate::query::proposals::ProposalRow>)> = Vec::new();
    for r in &who.proposals {
        let y = r
            .meeting_date
            .as_deref()
            .map_or("undated", |d| d.get(..4).unwrap_or(d))
            .to_string();
        match years.last_mut() {
            Some((last, v)) if *last == y => v.push(r),
            _ => years.push((y, vec![r])),
        }
    }
    page(
        &who.name,
        Nav::None,
        StatusCode::OK,
        html! {
            h1 { (who.name) }
            p.meta { (who.proposals.len()) " proposals, " (who.passages.len()) " passages shown. "
                a href=(query_url("/proposals", &[("speaker", &who.id.replace('-', " "))])) { "Their proposals with filters" } " · "
                a href=(format!("/api/people/{}", utf8_percent_encode(&who.id, SEGMENT))) { "JSON" } }
            h2 { "Proposals over the years" }
            @if years.is_empty() { p { "No proposal is attributed to them." } }
            @for (y, rows) in &years {
                h3 { (y) }
                ul.rows { @for r in rows {
                    li { (r.text) " "
                        a href=(meeting_url(&r.source, Some(r.line))) {
                            (r.body.as_deref().unwrap_or(&r.source)) ", " (r.meeting_date.as_deref().unwrap_or("undated")) } }
                } }
            }
            h2 { "Passages" }
            ol.hits { @for (i, h) in who.passages.iter().enumerate() { (hit_item(h, i)) } }
        },
    )
}

/// `/proposals?topic&speaker&body&from&to`: who proposed what, oldest first.
pub(crate) async fn proposals(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Response {
    let p = Params::parse(q.as_deref());
    let p2 = p.clone();
    let result = app.run(move |app, _| proposals_of(app, &p2)).await;
    let status = result.as_ref().err().map_or(StatusCode::OK, Fail::status);
    page(
        "Proposals",
        Nav::Proposals,
        status,
        html! {
            h1 { "Who proposed what" }
            form.filters-form action="/proposals" method="get" {
                div.grid { (field("topic", "About", "search", p.get("topic"), "e.g. terms of reference")) }
                (folded(&p, &["speaker", "body", "from", "to"], common_filters(&p)))
                button type="submit" { "Show" }
            }
            @match &result {
                Err(e) => { p.error role="alert" { (e.message()) } }
                Ok(r) => {
                    p.count role="status" { (r.total) " proposals"
                        @if r.proposals.len() < r.total { "; the first " (r.proposals.len()) " are shown" } ", oldest first. "
                        a href=(format!("/api/proposals?{}", raw_query(&p))) { "As JSON" } }
                    table.rows {
                        thead { tr { th scope="col" { "Date" } th scope="col" { "Who" } th scope="col" { "Proposal" } th scope="col" { "Where" } } }
                        tbody { @for r in &r.proposals {
                            tr {
                                td data-label="Date" { (r.meeting_date.as_deref().unwrap_or("undated")) }
                                td data-label="Who" { @if let Some(u) = person_url(&r.speaker) { a href=(u) { (r.speaker) } } @else { (r.speaker) } }
                                td data-label="Proposal" { (r.text) }
                                td data-label="Where" { a href=(meeting_url(&r.source, Some(r.line))) { (r.body.as_deref().unwrap_or(&r.source)) } }
                            }
                        } }
                    }
                }
            }
        },
    )
}

fn slug(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("theme-{s}")
}

/// `/themes?by=year&theme=...`: each theme's timeline, who raises it, and its passages.
pub(crate) async fn themes(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Response {
    let p = Params::parse(q.as_deref());
    let p2 = p.clone();
    let result = app.run(move |app, _| themes_of(app, &p2)).await;
    let status = result.as_ref().err().map_or(StatusCode::OK, Fail::status);
    page(
        "Themes",
        Nav::Themes,
        status,
        html! {
            h1 { "Themes over time" }
            form.filters-form action="/themes" method="get" {
                div.grid { (select("by", "Count per", &[("year", "year"), ("quarter", "quarter"), ("meeting", "meeting")], p.get("by"))) }
                (folded(&p, &["speaker", "body", "from", "to"], common_filters(&p)))
                button type="submit" { "Show" }
            }
            @match &result {
                Err(e) => { p.error role="alert" { (e.message()) } }
                Ok(r) => {
                    p.count { a href=(format!("/api/themes?{}", raw_query(&p))) { "As JSON" } }
                    table.rows {
                        thead { tr { th scope="col" { "Theme" } th scope="col" { "Passages" } th scope="col" { "Meetings" } th scope="col" { "First seen" } th scope="col" { "Last seen" } th scope="col" { "Trend" } } }
                        tbody { @for t in &r.themes {
                            tr {
                                td data-label="Theme" { a href=(format!("#{}", slug(&t.name))) { (t.name) } }
                                td data-label="Passages" { (t.total) }
                                td data-label="Meetings" { (t.meetings) }
                                td data-label="First seen" { (t.first_seen.as_deref().unwrap_or("")) }
                                td data-label="Last seen" { (t.last_seen.as_deref().unwrap_or("")) }
                                td data-label="Trend" class=(format!("trend-{}", t.trend.direction)) { (t.trend.direction) }
                            }
                        } }
                    }
                    @for t in r.themes.iter().filter(|t| t.total > 0) {
                        section.theme aria-labelledby=(slug(&t.name)) {
                            h2 #(slug(&t.name)) { (t.name) }
                            p.meta { (t.total) " passages in " (t.meetings) " meetings, "
                                (t.first_seen.as_deref().unwrap_or("?")) " to " (t.last_seen.as_deref().unwrap_or("?")) "; " (t.trend.direction) ". "
                                a href=(query_url("/search", &[("q", "*"), ("theme", &t.name)])) { "Its passages" } }
                            (chart::timeline(t, &slug(&t.name)))
                            details {
                                summary { "The figures" }
                                table.rows {
                                    thead { tr { th scope="col" { "Period" } th scope="col" { "Passages" } th scope="col" { "Meetings" } } }
                                    tbody { @for s in &t.series { tr { td { (s.period) } td { (s.passages) } td { (s.meetings) } } } }
                                }
                            }
                            @if !t.top_speakers.is_empty() {
                                p { "Raised most by: "
                                    @for (i, s) in t.top_speakers.iter().enumerate() {
                                        @if i > 0 { ", " }
                                        @if let Some(u) = person_url(&s.name) { a href=(u) { (s.name) } } @else { (s.name) }
                                        " (" (s.passages) ")"
                                    }
                                }
                            }
                        }
                    }
                    @if !r.discovered.is_empty() {
                        h2 { "Recurring topics no theme covers" }
                        ul { @for d in r.discovered.iter().take(30) {
                            li { a href=(query_url("/search", &[("q", &format!("\"{}\"", d.phrase.replace('"', "")))])) { (d.phrase) } " (" (d.meetings) " meetings)" }
                        } }
                    }
                }
            }
        },
    )
}

/// `/gaps?min_meetings=2`: proposals raised again and again, each occurrence linked.
pub(crate) async fn gaps(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Response {
    let p = Params::parse(q.as_deref());
    let p2 = p.clone();
    let result = app.run(move |app, _| gaps_of(app, &p2)).await;
    let status = result.as_ref().err().map_or(StatusCode::OK, Fail::status);
    page(
        "Gaps",
        Nav::Gaps,
        status,
        html! {
            h1 { "Proposals that keep coming back" }
            form.filters-form action="/gaps" method="get" {
                div.grid { (field("min_meetings", "Raised in at least (meetings)", "number", p.get("min_meetings").or(Some("2")), "")) }
                (folded(&p, &["speaker", "body", "from", "to"], common_filters(&p)))
                button type="submit" { "Show" }
            }
            @match &result {
                Err(e) => { p.error role="alert" { (e.message()) } }
                Ok(r) => {
                    p.count role="status" { (r.gaps.len()) " recurring proposals, from " (r.proposals) " proposals. "
                        a href=(format!("/api/gaps?{}", raw_query(&p))) { "As JSON" } }
                    table.rows.gaps {
                        thead { tr { th scope="col" { "Proposal" } th scope="col" { "Status" } th scope="col" { "Meetings" } th scope="col" { "Raised" } } }
                        tbody { @for g in &r.gaps {
                            tr {
                                td data-label="Proposal" { (g.label)
                                    @if let Some(e) = &g.evidence {
                                        p.evidence { "Done: “" (e.text) "” "
                                            a href=(meeting_url(&e.source, Some(e.line))) { (e.meeting_date.as_deref().unwrap_or(&e.source)) } }
                                    }
                                }
                                td data-label="Status" { span class=(format!("status status-{}", g.status)) { (g.status) } }
                                td data-label="Meetings" { (g.meetings) }
                                td data-label="Raised" {
                                    ol.occurrences { @for o in &g.occurrences {
                                        li {
                                            a href=(meeting_url(&o.source, Some(o.line))) { (o.meeting_date.as_deref().unwrap_or(&o.source)) }
                                            " "
                                            @if let Some(u) = person_url(&o.speaker) { a href=(u) { (o.speaker) } } @else { (o.speaker) }
                                            ": " span.said { (o.text) }
                                        }
                                    } }
                                }
                            }
                        } }
                    }
                }
            }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_snippet_marks_matches_and_keeps_text_escaped() {
        let text = "an implementation <script>alert(1)</script> & gap";
        let gap = text.find("gap").unwrap();
        let sn = crate::query::snippet::Snippet::new(text, &[3..17, gap..gap + 3]);
        assert_eq!(
            snippet(&sn).into_string(),
            "an <mark>implementation</mark> &lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>gap</mark>"
        );
        // no match: all text, escaped
        let plain = crate::query::snippet::Snippet::new("'<i>", &[]);
        assert_eq!(snippet(&plain).into_string(), "'&lt;i&gt;");
    }

    #[test]
    fn test_urls_escape_each_segment_of_the_indexed_name() {
        assert_eq!(
            meeting_url("corpus/igf/wg-strategy-2026-03-05.txt", Some(33)),
            "/meetings/corpus/igf/wg-strategy-2026-03-05.txt?line=33#L33"
        );
        assert_eq!(
            meeting_url("corpus/a b#?.txt", None),
            "/meetings/corpus/a%20b%23%3F.txt"
        );
        assert_eq!(
            person_url("Flávio Rech Wagner").as_deref(),
            Some("/people/flavio-wagner")
        );
        assert_eq!(person_url("  "), None);
    }
}
