//! JSON output: the wire shapes of `docs/json.md`, one object per command.

use crate::index::corpus_record::CorpusRecord;
use crate::query::proposals::ProposalRow;
use serde::Serialize;
use serde_json::{Map, Value};
use std::io::Write;

/// Writes a value as one line of JSON.
pub fn write<T: Serialize>(out: &mut impl Write, value: &T) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// Writes the proposals as `{"proposals": [...]}`.
pub fn proposals(out: &mut impl Write, rows: &[ProposalRow]) -> anyhow::Result<()> {
    #[derive(Serialize)]
    struct Out<'a> {
        proposals: &'a [ProposalRow],
    }
    write(out, &Out { proposals: rows })
}

/// Adds, to every object of `v` that names a `source`, the fields that make outputs alike
/// across commands, without dropping any (the documented shapes are a contract):
/// `line_start`/`line_end` beside a lone `line`, `line` beside `line_start`, and `path`,
/// the absolute path of `source`. A `proposals` count (in `gaps`) gets the clearer
/// `proposals_compared` beside it.
pub fn consistent(v: &mut Value, record: Option<&CorpusRecord>) {
    match v {
        Value::Array(a) => a.iter_mut().for_each(|x| consistent(x, record)),
        Value::Object(o) => {
            for (_, x) in o.iter_mut() {
                consistent(x, record);
            }
            add_fields(o, record);
        }
        Value::Number(n) => {
            // an f32 widened to f64 prints its binary tail (17.093000411987305): print
            // it as the f32 it was, as the typed output does
            if let Some(x) = n.as_f64().filter(|_| n.is_f64()) {
                let f = x as f32;
                if f as f64 == x {
                    if let Some(m) = format!("{f}")
                        .parse::<f64>()
                        .ok()
                        .and_then(serde_json::Number::from_f64)
                    {
                        *n = m;
                    }
                }
            }
        }
        _ => {}
    }
}

fn add_fields(o: &mut Map<String, Value>, record: Option<&CorpusRecord>) {
    if let Some(n) = o.get("proposals").filter(|p| p.is_number()).cloned() {
        o.entry("proposals_compared").or_insert(n);
    }
    let Some(source) = o.get("source").and_then(Value::as_str).map(str::to_string) else {
        return;
    };
    if let Some(line) = o.get("line").cloned() {
        o.entry("line_start").or_insert(line.clone());
        o.entry("line_end").or_insert(line);
    } else if let Some(start) = o.get("line_start").cloned() {
        o.entry("line").or_insert(start);
    }
    if !o.contains_key("path") {
        let path = record.and_then(|r| r.absolute_path(&source)).or_else(|| {
            std::path::absolute(&source)
                .ok()
                .map(|p| p.to_string_lossy().into_owned())
        });
        o.insert("path".into(), path.map_or(Value::Null, Value::String));
    }
}
