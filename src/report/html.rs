//! The HTML report: one self-contained page (inline CSS and SVG, no scripts, nothing
//! fetched) with a timeline per theme, its top proposers and links to its passages.

use crate::query::proposals::Proposer;
use crate::query::search::Hit;
use crate::query::snippet::{escape_html, Snippet};
use crate::query::themes::{ThemeReport, ThemesResult};
use std::fmt::Write;

/// Escapes text for HTML.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A bar chart of passages per period, with meetings as dots.
pub fn timeline_svg(t: &ThemeReport) -> String {
    let series: Vec<_> = t.series.iter().filter(|p| p.period != "undated").collect();
    let (w, h, pad) = (720.0, 180.0, 28.0);
    let n = series.len().max(1) as f64;
    let max = series.iter().map(|p| p.passages).max().unwrap_or(1).max(1) as f64;
    let bw = (w - 2.0 * pad) / n;
    let mut s = format!(
        r#"<svg viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="{} per year">"#,
        esc(&t.name)
    );
    let _ = write!(
        s,
        r##"<line x1="{pad}" y1="{y}" x2="{x2}" y2="{y}" stroke="#999"/>"##,
        y = h - pad,
        x2 = w - pad
    );
    for (i, p) in series.iter().enumerate() {
        let bh = (h - 2.0 * pad) * p.passages as f64 / max;
        let x = pad + i as f64 * bw;
        let _ = write!(
            s,
            r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#3b6ea5"><title>{}: {} passages in {} meetings</title></rect>"##,
            x + bw * 0.1,
            h - pad - bh,
            bw * 0.8,
            bh,
            esc(&p.period),
            p.passages,
            p.meetings
        );
        if p.passages > 0 {
            let _ = write!(
                s,
                r##"<text x="{:.1}" y="{:.1}" font-size="10" text-anchor="middle" fill="#333">{}</text>"##,
                x + bw / 2.0,
                h - pad - bh - 3.0,
                p.passages
            );
        }
        if series.len() <= 24 || i % (series.len() / 12 + 1) == 0 {
            let _ = write!(
                s,
                r##"<text x="{:.1}" y="{:.1}" font-size="10" text-anchor="middle" fill="#555">{}</text>"##,
                x + bw / 2.0,
                h - pad + 14.0,
                esc(&p.period)
            );
        }
    }
    s.push_str("</svg>");
    s
}

/// What the report shows, gathered by the `report` command from the query functions.
#[derive(Debug, Clone)]
pub struct ReportData {
    /// The index folder, as the page names it.
    pub index: String,
    /// Every theme over years, and the recurring phrases no theme covers.
    pub themes: ThemesResult,
    /// For each theme discussed (`total > 0`), in the order of `themes`: its top
    /// proposers and passages.
    pub sections: Vec<ThemeSection>,
}

/// What the report lists under one theme.
#[derive(Debug, Clone)]
pub struct ThemeSection {
    /// The theme's name.
    pub theme: String,
    /// People with the most proposals tagged with it.
    pub proposers: Vec<Proposer>,
    /// Its best passages.
    pub passages: Vec<Hit>,
}

/// Longest snippet shown per passage, in characters of its HTML.
const SNIPPET_CHARS: usize = 400;

/// Renders the report page.
pub fn render(data: &ReportData) -> String {
    let result = &data.themes;
    let mut html = String::new();
    html.push_str(r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>quorum report</title><style>
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:60rem;color:#222;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #ddd}
.meta{color:#666;font-size:.9rem}.cols{display:flex;gap:2rem;flex-wrap:wrap}.cols>div{flex:1;min-width:16rem}
table{border-collapse:collapse;font-size:.9rem}td,th{padding:.2rem .6rem;border-bottom:1px solid #eee;text-align:left}
code{font-size:.85rem;color:#36c}.trend-rising{color:#1a7f37}.trend-falling{color:#b42318}
</style></head><body>"#);
    let total: usize = result.themes.iter().map(|t| t.total).sum();
    let _ = write!(
        html,
        "<h1>What the meetings talk about</h1><p class=\"meta\">{} themes, {} tagged passages; index <code>{}</code>.</p>",
        result.themes.len(),
        total,
        esc(&data.index)
    );
    html.push_str("<table><tr><th>theme</th><th>passages</th><th>meetings</th><th>first seen</th><th>last seen</th><th>trend</th></tr>");
    for t in &result.themes {
        let _ = write!(
            html,
            "<tr><td><a href=\"#t{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"trend-{}\">{}</td></tr>",
            slug(&t.name), esc(&t.name), t.total, t.meetings, t.first_seen.as_deref().unwrap_or(""), t.last_seen.as_deref().unwrap_or(""), t.trend.direction, t.trend.direction
        );
    }
    html.push_str("</table>");
    for t in result.themes.iter().filter(|t| t.total > 0) {
        let _ = write!(
            html,
            "<h2 id=\"t{}\">{}</h2><p class=\"meta\">{} passages in {} meetings, {} to {}; {}.</p>",
            slug(&t.name),
            esc(&t.name),
            t.total,
            t.meetings,
            t.first_seen.as_deref().unwrap_or("?"),
            t.last_seen.as_deref().unwrap_or("?"),
            t.trend.direction
        );
        html.push_str(&timeline_svg(t));
        let section = data.sections.iter().find(|s| s.theme == t.name);
        html.push_str("<div class=\"cols\"><div><h3>Top proposers</h3><ol>");
        for p in section.map_or(&[][..], |s| &s.proposers) {
            let n = p.proposals;
            let _ = write!(
                html,
                "<li>{} ({} proposal{})</li>",
                esc(&p.name),
                n,
                if n == 1 { "" } else { "s" }
            );
        }
        html.push_str("</ol></div><div><h3>Passages</h3><ul>");
        for h in section.map_or(&[][..], |s| &s.passages) {
            let place = format!("{}:{}", h.source, h.line_start);
            let _ = write!(
                html,
                "<li><a href=\"{}\"><code>{}</code></a> {} {}<br><small>{}</small></li>",
                esc(&format!("{}#L{}", h.source, h.line_start)),
                esc(&place),
                esc(h.meeting_date.as_deref().unwrap_or("")),
                esc(h.speaker.as_deref().unwrap_or("")),
                snippet_html(&h.snippet)
            );
        }
        html.push_str("</ul></div></div>");
    }
    if !result.discovered.is_empty() {
        html.push_str("<h2>Recurring topics no theme covers</h2><ol>");
        for d in result.discovered.iter().take(20) {
            let _ = write!(
                html,
                "<li>{} <small>({} meetings)</small></li>",
                esc(&d.phrase),
                d.meetings
            );
        }
        html.push_str("</ol>");
    }
    html.push_str("<p class=\"meta\">Made by quorum.</p></body></html>\n");
    html
}

/// A snippet as HTML, cut to [`SNIPPET_CHARS`] characters of its escaped text, each
/// mark counted as one character. A cut can leave a `<b>` open; the `</small>` after it
/// ends it in every browser.
fn snippet_html(s: &Snippet) -> String {
    s.render("\u{1}", "\u{2}", escape_html)
        .chars()
        .take(SNIPPET_CHARS)
        .collect::<String>()
        .replace('\u{1}', "<b>")
        .replace('\u{2}', "</b>")
}

fn slug(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_snippets_are_escaped_marked_and_cut_at_400_characters() {
        let s = Snippet::new("a <gap> & more", std::slice::from_ref(&(3..6)));
        assert_eq!(snippet_html(&s), "a &lt;<b>gap</b>&gt; &amp; more");
        // the cut counts escaped characters and each mark as one
        let long = format!("gap {}", "&".repeat(500));
        let cut = snippet_html(&Snippet::new(&long, std::slice::from_ref(&(0..3))));
        assert!(cut.starts_with("<b>gap</b> &amp;"));
        assert_eq!(cut.chars().count(), 400 - 2 + "<b></b>".len());
    }

    #[test]
    fn test_escape_and_svg_are_well_formed() {
        assert_eq!(esc("<a & \"b\">"), "&lt;a &amp; &quot;b&quot;&gt;");
        let t = ThemeReport::of_counts("X <y>", (3, 2), &[("2024", 1, 1), ("2025", 1, 2)]);
        let svg = timeline_svg(&t);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(!svg.contains("<y>"));
    }
}
