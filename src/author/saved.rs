//! A grid as plain lines, for the browser to keep between visits: a
//! header, the version, the year and the agency, then one line a cell that
//! holds something (`=` typed, `-` not given); a computed total has none.
//! Fields are parted by tabs (shown here as →).
//!
//! ```text
//! nianbao-grid 1
//! version → 2021
//! year → 2021
//! agency → 某市某局
//! = → requests.3.1.natural_person → 5
//! - → requests.3.2.total
//! ```

use super::{parse_key, Entry, Grid};
use crate::template::Registry;
use std::fmt::Write;

const HEADER: &str = "nianbao-grid 1";

/// A field kept on one line (what an input holds has no line break anyway).
fn field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

pub(super) fn write(grid: &Grid) -> String {
    let mut out = format!("{HEADER}\nversion\t{}\n", grid.version.name);
    let _ = writeln!(out, "year\t{}", grid.year.map(|y| y.to_string()).unwrap_or_default());
    let _ = writeln!(out, "agency\t{}", field(grid.agency.as_deref().unwrap_or("")));
    for (at, entry) in &grid.entries {
        let key = super::cell_key(at);
        let _ = match entry {
            Entry::Typed(text) => writeln!(out, "=\t{key}\t{}", field(text)),
            Entry::NotGiven => writeln!(out, "-\t{key}"),
        };
    }
    out
}

pub(super) fn read(text: &str) -> Option<Grid> {
    let mut lines = text.lines();
    if lines.next()? != HEADER {
        return None;
    }
    let name = lines.next()?.strip_prefix("version\t")?;
    let version = Registry::national().versions().iter().find(|v| v.name == name).copied()?;
    let mut grid = Grid::blank(version);
    grid.year = lines.next()?.strip_prefix("year\t")?.parse().ok();
    grid.agency = Some(lines.next()?.strip_prefix("agency\t")?.to_string()).filter(|a| !a.is_empty());
    for line in lines {
        let mut parts = line.splitn(3, '\t');
        let (kind, key) = (parts.next()?, parts.next()?);
        // (A key this version no longer has is dropped.)
        let Some(at) = parse_key(version, key) else { continue };
        let entry = match kind {
            "=" => Entry::Typed(parts.next().unwrap_or("").to_string()),
            "-" => Entry::NotGiven,
            _ => return None,
        };
        grid.entries.insert(at, entry);
    }
    Some(grid)
}
