//! Output for people: hits with their place and a highlighted snippet, tables of
//! proposals, the summary of an index run.

use crate::index::writer::BuildReport;
use crate::model::Meeting;
use crate::query::gaps::GapsResult;
use crate::query::proposals::ProposalRow;
use crate::query::search::SearchResult;
use crate::query::snippet::Snippet;
use crate::query::themes::ThemesResult;
use std::io::Write;

/// Seconds as `hh:mm:ss`.
pub fn hms(seconds: f64) -> String {
    let s = seconds.max(0.0) as u64;
    format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

/// A snippet for a terminal: matches in bold red, or in `[brackets]` without colour.
fn snippet_text(snippet: &Snippet, colour: bool) -> String {
    let (on, off) = if colour {
        ("\x1b[1;31m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    snippet.render(on, off, str::to_string)
}

/// Prints search hits.
pub fn search(out: &mut impl Write, r: &SearchResult, colour: bool) -> anyhow::Result<()> {
    if r.hits.is_empty() {
        writeln!(out, "no passages match {:?}", r.query)?;
        return Ok(());
    }
    for (i, h) in r.hits.iter().enumerate() {
        let date = h.meeting_date.as_deref().unwrap_or("????-??-??");
        let who = h.speaker.as_deref().unwrap_or("-");
        let body = h.body.as_deref().unwrap_or("");
        let place = if h.line_end > h.line_start {
            format!("{}:{}-{}", h.source, h.line_start, h.line_end)
        } else {
            format!("{}:{}", h.source, h.line_start)
        };
        let time = h
            .time_start
            .map(|t| format!(" @{}", hms(t)))
            .unwrap_or_default();
        let (b, n) = if colour {
            ("\x1b[1m", "\x1b[0m")
        } else {
            ("", "")
        };
        writeln!(out, "{}{}. {date}  {body}  —  {who}{n}", b, i + 1)?;
        writeln!(
            out,
            "   {place}{time}{}",
            h.section
                .as_deref()
                .map(|s| format!("  § {s}"))
                .unwrap_or_default()
        )?;
        writeln!(
            out,
            "   {}",
            snippet_text(&h.snippet, colour).replace('\n', " ")
        )?;
        writeln!(out)?;
    }
    let more = if r.total_exact { "" } else { "more than " };
    writeln!(
        out,
        "{} of {more}{} matching passages",
        r.hits.len(),
        r.total
    )?;
    Ok(())
}

/// Prints proposals as a table `width` characters wide.
pub fn proposals(out: &mut impl Write, rows: &[ProposalRow], width: u16) -> anyhow::Result<()> {
    if rows.is_empty() {
        writeln!(out, "no proposals match")?;
        return Ok(());
    }
    let mut t = comfy_table::Table::new();
    t.load_style(comfy_table::presets::UTF8_FULL_CONDENSED);
    t.set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
    t.set_width(width);
    t.set_header(vec!["date", "speaker", "proposal", "where"]);
    keep_places_whole(&mut t, 3);
    for r in rows {
        let text = if r.text.chars().count() > 240 {
            format!("{}…", r.text.chars().take(240).collect::<String>())
        } else {
            r.text.clone()
        };
        t.add_row(vec![
            r.meeting_date.clone().unwrap_or_default(),
            r.speaker.clone(),
            text,
            format!("{}:{}", r.source, r.line),
        ]);
    }
    writeln!(out, "{t}")?;
    writeln!(out, "{} proposals", rows.len())?;
    Ok(())
}

/// A `file:line` column is never wrapped (it must open as printed), and a table piped
/// to another program is not wrapped at all.
fn keep_places_whole(t: &mut comfy_table::Table, column: usize) {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        t.set_content_arrangement(comfy_table::ContentArrangement::Disabled);
    }
    if let Some(c) = t.column_mut(column) {
        c.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
    }
}

/// The one-line summary of an index run, for stderr.
pub fn build_summary(r: &BuildReport) -> String {
    let mut s = if r.did_work() {
        format!(
            "indexed: {} added, {} updated, {} removed, {} unchanged; {} passages written",
            r.added, r.updated, r.removed, r.unchanged, r.passages
        )
    } else {
        format!(
            "index up to date: {} files unchanged, nothing to do",
            r.unchanged
        )
    };
    if !r.skipped.is_empty() {
        let mut reasons: Vec<(String, usize)> = Vec::new();
        for (_, why) in &r.skipped {
            match reasons.iter_mut().find(|(w, _)| w == why) {
                Some(x) => x.1 += 1,
                None => reasons.push((why.clone(), 1)),
            }
        }
        let list = reasons
            .iter()
            .map(|(w, n)| format!("{n} {w}"))
            .collect::<Vec<_>>()
            .join(", ");
        if r.skipped.len() <= 8 {
            // few enough to name: "2 skipped: x.xlsx (unsupported format), scan.pdf (...)"
            let named = r
                .skipped
                .iter()
                .map(|(p, w)| format!("{} ({w})", p.rsplit(['/', '\\']).next().unwrap_or(p)))
                .collect::<Vec<_>>()
                .join(", ");
            s.push_str(&format!("; {} skipped: {named}", r.skipped.len()));
        } else {
            s.push_str(&format!("; {} skipped ({list})", r.skipped.len()));
        }
    }
    s.push_str(&format!(" in {:.2}s", r.seconds));
    s
}

/// Bars of a series, one character per period.
pub fn sparkline(values: &[usize]) -> String {
    const BARS: &[char] = &[' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = values.iter().copied().max().unwrap_or(0).max(1);
    values
        .iter()
        .map(|&v| BARS[(v * 8).div_ceil(max).min(8)])
        .collect()
}

/// Prints theme reports, a table `width` characters wide, and with `detailed` each
/// theme's series.
pub fn themes(
    out: &mut impl Write,
    r: &ThemesResult,
    detailed: bool,
    width: u16,
) -> anyhow::Result<()> {
    let mut t = comfy_table::Table::new();
    t.load_style(comfy_table::presets::UTF8_FULL_CONDENSED);
    t.set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
    t.set_width(width);
    t.set_header(vec![
        "theme",
        "passages",
        "meetings",
        "first",
        "last",
        "over time",
        "trend",
        "raised most by",
    ]);
    for th in &r.themes {
        let series: Vec<usize> = th.series.iter().map(|p| p.passages).collect();
        let who = th
            .top_speakers
            .iter()
            .take(3)
            .map(|s| format!("{} ({})", s.name, s.passages))
            .collect::<Vec<_>>()
            .join(", ");
        t.add_row(vec![
            th.name.clone(),
            th.total.to_string(),
            th.meetings.to_string(),
            th.first_seen.clone().unwrap_or_default(),
            th.last_seen.clone().unwrap_or_default(),
            sparkline(&series),
            th.trend.direction.clone(),
            who,
        ]);
    }
    writeln!(out, "{t}")?;
    if detailed {
        for th in &r.themes {
            writeln!(
                out,
                "\n{}: {} passages in {} meetings, {}",
                th.name, th.total, th.meetings, th.trend.direction
            )?;
            for p in &th.series {
                writeln!(
                    out,
                    "  {:<24} {:>5} meetings {:>6} passages  {}",
                    p.period,
                    p.meetings,
                    p.passages,
                    "#".repeat(p.passages.min(60))
                )?;
            }
        }
    }
    if !r.discovered.is_empty() {
        writeln!(
            out,
            "\nRecurring topics no theme covers (add them to your themes file):"
        )?;
        for d in r.discovered.iter().take(15) {
            writeln!(
                out,
                "  {:<40} {:>4} meeting{}",
                d.phrase,
                d.meetings,
                if d.meetings == 1 { "" } else { "s" }
            )?;
        }
    }
    Ok(())
}

/// Prints what was read in one document: its JSON, indented for reading.
pub fn meeting(out: &mut impl Write, m: &Meeting) -> anyhow::Result<()> {
    super::extract_human::print(out, m)
}

/// Prints recurring gaps, most persistent first.
pub fn gaps(out: &mut impl Write, r: &GapsResult) -> anyhow::Result<()> {
    if r.gaps.is_empty() {
        writeln!(
            out,
            "no proposal recurs across meetings ({} proposals compared)",
            r.proposals
        )?;
        return Ok(());
    }
    for (i, g) in r.gaps.iter().enumerate() {
        let routine = if g.routine { ", routine" } else { "" };
        writeln!(out, "{}. [{}{routine}] {}", i + 1, g.status, g.label)?;
        writeln!(
            out,
            "   {} meetings, {} to {}",
            g.meetings,
            g.first_seen.as_deref().unwrap_or("?"),
            g.last_seen.as_deref().unwrap_or("?")
        )?;
        for o in &g.occurrences {
            writeln!(
                out,
                "   - {}  {:<24} {}:{}",
                o.meeting_date.as_deref().unwrap_or("????-??-??"),
                o.speaker,
                o.source,
                o.line
            )?;
        }
        if let Some(e) = &g.decision {
            writeln!(
                out,
                "   decided: {} {}:{}: {}",
                e.meeting_date.as_deref().unwrap_or(""),
                e.source,
                e.line,
                e.text.chars().take(160).collect::<String>()
            )?;
        }
        if let Some(e) = &g.evidence {
            writeln!(
                out,
                "   done: {} {}:{}: {}",
                e.meeting_date.as_deref().unwrap_or(""),
                e.source,
                e.line,
                e.text.chars().take(160).collect::<String>()
            )?;
        }
        writeln!(out)?;
    }
    let routine = r.gaps.iter().filter(|g| g.routine).count();
    writeln!(
        out,
        "{} recurring proposals among {} compared",
        r.gaps.len() - routine,
        r.proposals
    )?;
    if routine > 0 {
        writeln!(
            out,
            "and {routine} routine (a yearly deadline or call, listed last, not counted)"
        )?;
    }
    Ok(())
}
