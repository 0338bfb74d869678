//! JSON output: the wire shapes of `spec/cli.md`, one object per command.

use serde::Serialize;
use std::io::Write;

/// Writes a value as one line of JSON.
pub fn write<T: Serialize>(out: &mut impl Write, value: &T) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}
