//! The form fields of the pages: labelled inputs and selects, the filters shared by the
//! forms (folded away on a phone unless one is set), and the search form.

use super::params::Params;
use super::state::App;
use maud::{html, Markup};

pub(crate) fn field(id: &str, label: &str, kind: &str, value: Option<&str>, hint: &str) -> Markup {
    html! {
        div.field {
            label for=(id) { (label) }
            input id=(id) name=(id) type=(kind) value=[value] placeholder=[(!hint.is_empty()).then_some(hint)];
        }
    }
}

pub(crate) fn select(
    id: &str,
    label: &str,
    options: &[(&str, &str)],
    value: Option<&str>,
) -> Markup {
    html! {
        div.field {
            label for=(id) { (label) }
            select id=(id) name=(id) {
                @for (v, text) in options {
                    option value=(v) selected[value.unwrap_or("") == *v] { (text) }
                }
            }
        }
    }
}

/// Speaker, body and date fields, shared by the forms.
pub(crate) fn common_filters(p: &Params) -> Markup {
    html! {
        (field("speaker", "Speaker", "text", p.get("speaker"), "e.g. Chris Buckridge"))
        (field("body", "Body", "text", p.get("body"), "e.g. Working Group on Strategy"))
        (field("from", "From", "date", p.get("from"), "YYYY-MM-DD"))
        (field("to", "To", "date", p.get("to"), "YYYY-MM-DD"))
    }
}

/// A page's filter fields, folded away on a phone unless one is set.
pub(crate) fn folded(p: &Params, keys: &[&str], fields: Markup) -> Markup {
    let set = keys.iter().any(|k| p.get(k).is_some());
    html! {
        details.filters open[set] {
            summary { "Filters" }
            div.grid { (fields) }
        }
    }
}

pub(crate) fn search_form(app: &App, p: &Params) -> Markup {
    let filtered = ["speaker", "body", "from", "to", "kind", "theme"]
        .iter()
        .any(|k| p.get(k).is_some());
    let mut themes: Vec<(&str, &str)> = vec![("", "any theme")];
    themes.extend(
        app.themes
            .themes
            .iter()
            .map(|t| (t.name.as_str(), t.name.as_str())),
    );
    html! {
        form.search role="search" action="/search" method="get" {
            label.big for="q" { "Search the meeting records" }
            div.bar {
                input #q type="search" name="q" value=[p.get("q")] required
                    aria-describedby="q-help" autocomplete="off";
                button type="submit" { "Search" }
            }
            p #q-help .hint { "Words, \"a phrase\", AND / OR / -word. Press / to come back here." }
            details.filters open[filtered] {
                summary { "Filters" }
                div.grid {
                    (common_filters(p))
                    (select("kind", "Kind of record", &[("", "all records"), ("summary", "summaries and minutes"), ("transcript", "transcripts")], p.get("kind")))
                    (select("theme", "Theme", &themes, p.get("theme")))
                    (select("limit", "Results", &[("10", "10"), ("25", "25"), ("50", "50"), ("100", "100")], p.get("limit")))
                }
            }
        }
    }
}
