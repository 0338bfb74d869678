//! A theme's timeline as an inline SVG bar chart, built with maud like the pages (so its
//! labels are escaped too), with presentation attributes only: the pages' CSP allows no
//! inline styles.

use crate::query::themes::ThemeReport;
use maud::{html, Markup};

const W: f64 = 640.0;
const H: f64 = 190.0;
const PAD: f64 = 30.0;

/// Passages per period as bars, their count on top, the period below; each bar's
/// tooltip (and the table beside the chart, for screen readers) says meetings too.
pub(crate) fn timeline(t: &ThemeReport, id: &str) -> Markup {
    let series: Vec<_> = t.series.iter().filter(|p| p.period != "undated").collect();
    let n = series.len().max(1) as f64;
    let max = series.iter().map(|p| p.passages).max().unwrap_or(1).max(1) as f64;
    let bw = (W - 2.0 * PAD) / n;
    // label every period while they fit, else about a dozen of them
    let every = if series.len() <= 16 {
        1
    } else {
        series.len() / 12 + 1
    };
    let title_id = format!("{id}-title");
    html! {
        svg.chart viewBox=(format!("0 0 {W} {H}")) role="img" aria-labelledby=(title_id)
            preserveAspectRatio="xMidYMid meet" {
            title id=(title_id) { (t.name) ": passages per period" }
            line x1=(PAD) y1=(H - PAD) x2=(W - PAD) y2=(H - PAD) stroke="#888" {}
            @for (i, p) in series.iter().enumerate() {
                @let bh = (H - 2.0 * PAD) * p.passages as f64 / max;
                @let x = PAD + i as f64 * bw;
                rect x=(fmt(x + bw * 0.12)) y=(fmt(H - PAD - bh)) width=(fmt(bw * 0.76))
                    height=(fmt(bh)) fill="#2f5f93" {
                    title { (p.period) ": " (p.passages) " passages in " (p.meetings) " meetings" }
                }
                @if p.passages > 0 {
                    text x=(fmt(x + bw / 2.0)) y=(fmt(H - PAD - bh - 4.0)) font-size="11"
                        text-anchor="middle" fill="#222" { (p.passages) }
                }
                @if i % every == 0 {
                    text x=(fmt(x + bw / 2.0)) y=(fmt(H - PAD + 16.0)) font-size="11"
                        text-anchor="middle" fill="#444" { (short(&p.period)) }
                }
            }
        }
    }
}

fn fmt(x: f64) -> String {
    format!("{x:.1}")
}

/// A period label short enough for a bar: `--by meeting` periods are "date source".
fn short(period: &str) -> &str {
    period.split(' ').next().unwrap_or(period)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_chart_escapes_names_and_draws_a_bar_per_period() {
        let t = ThemeReport::of_counts(
            "<script>alert(1)</script>",
            (3, 2),
            &[("2024", 1, 1), ("undated", 1, 1), ("2025", 1, 2)],
        );
        let svg = timeline(&t, "t1").into_string();
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert_eq!(svg.matches("<rect").count(), 2, "undated is not a bar");
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
    }
}
