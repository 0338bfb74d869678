//! `quorum extract` for people: the meeting's facts, then its participants, speakers,
//! proposals, decisions and events, each with its line (`--json` gives the full record).

use crate::model::Meeting;
use std::io::Write;

/// Prints what quorum read in one document.
pub fn print(out: &mut impl Write, m: &Meeting) -> anyhow::Result<()> {
    let i = &m.meeting;
    writeln!(out, "{}", m.source)?;
    writeln!(out, "  title:        {}", i.title)?;
    writeln!(out, "  body:         {}", i.body)?;
    writeln!(out, "  kind:         {}", i.kind.as_str())?;
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    writeln!(out, "  date:         {}", opt(&i.date))?;
    writeln!(out, "  time (UTC):   {}", opt(&i.time_utc))?;
    writeln!(
        out,
        "  number:       {}",
        i.number.map_or("-".to_string(), |n| n.to_string())
    )?;
    writeln!(out, "  moderator:    {}", opt(&i.moderator))?;
    writeln!(out, "  next meeting: {}", opt(&i.next_meeting))?;
    writeln!(out, "\nparticipants ({}):", m.participants.len())?;
    for p in &m.participants {
        let extra: Vec<&str> = [p.affiliation.as_deref(), p.role.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if extra.is_empty() {
            writeln!(out, "  {}", p.name)?;
        } else {
            writeln!(out, "  {} ({})", p.name, extra.join(", "))?;
        }
    }
    writeln!(
        out,
        "\nspeakers, in order of first contribution ({}):",
        m.speakers.len()
    )?;
    if !m.speakers.is_empty() {
        writeln!(out, "  {}", m.speakers.join(", "))?;
    }
    writeln!(out, "\nproposals ({}):", m.proposals.len())?;
    for p in &m.proposals {
        writeln!(out, "  {}:{}  {}: {}", m.source, p.line, p.speaker, p.text)?;
    }
    writeln!(out, "\ndecisions ({}):", m.decisions.len())?;
    for d in &m.decisions {
        writeln!(out, "  {}:{}  {}", m.source, d.line, d.text)?;
    }
    writeln!(out, "\nevents ({}):", m.events.len())?;
    for e in &m.events {
        match &e.date {
            Some(d) => writeln!(out, "  {} ({d})", e.name)?,
            None => writeln!(out, "  {}", e.name)?,
        }
    }
    writeln!(
        out,
        "\n(the full record: quorum extract {} --json)",
        m.source
    )?;
    Ok(())
}
