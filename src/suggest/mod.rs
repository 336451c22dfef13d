//! Suggested corrections: for each broken sum, the one-cell changes that
//! would make it hold, best first; for the table as a whole, the change (or
//! the smallest set of changes) that makes every sum hold, when the
//! arithmetic points at one; and for a row with one number too few or too
//! many, where the missing (or extra) number most likely is.
//!
//! All of it is read off the template's equations ([`crate::template::Equation`]),
//! never off a table's own shape, so a table whose template declares sums
//! gets suggestions (表三 and 表四 today; 表二 declares none). Only cells
//! the text gives as whole numbers are ever changed, and never to a
//! negative count. Nothing is filled in: a suggestion is advice that the
//! diagnostic carries; the tables keep what the text says.
//!
//! [`attach`] runs after the rules; [`words`] says a suggestion in Chinese
//! (the CLI, the text and HTML renderers and the app all print it from
//! there).

mod placement;
mod search;
pub mod words;

pub use words::{advice, change, describe};

use crate::read::normalise::Span;
use crate::rules::diagnostic::Diagnostic;
use crate::rules::Document;
use crate::template::{ColKey, RowKey, TableId};
use serde::Serialize;

/// What a suggestion does to the text's numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Change a given cell's value `from` → `to`.
    Change,
    /// A row short of one number: the missing one goes in `column`, as `to`.
    Missing,
    /// A row with one number too many: the `index`-th written (`from`) is the extra one.
    Extra,
}

/// One suggested change. Serialised as the output contract's extension
/// `{ table, row, column, from, to, repairs, … }`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Suggestion {
    pub table: TableId,
    pub row: RowKey,
    /// The cell's column; `None` for an extra number, which has none.
    pub column: Option<ColKey>,
    /// The value written; `None` for a missing number.
    pub from: Option<i64>,
    /// The value suggested; `None` for an extra number (to be deleted).
    pub to: Option<i64>,
    /// The codes of the broken sums it makes hold (a cell sits in at most one
    /// sum of each code: its row's, its column's).
    pub repairs: Vec<&'static str>,
    pub kind: Kind,
    /// It mends every broken sum of its group at once: the broken sums tied
    /// together by shared cells (with one wrong cell in a table, every
    /// broken sum of the table).
    pub complete: bool,
    /// Where the cell's number is in the input (a change of a given cell).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// For a missing or extra number: the row's values as they would then
    /// read, one a column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<i64>>,
    /// For an extra number: its position among the numbers written (0-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
}

/// What the arithmetic says about a broken sum together with the broken
/// sums tied to it by shared cells (its group: a wrong cell breaks its row's
/// and its column's sums, which cross at it).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Correction {
    /// The arithmetic points at one answer: exactly one single change makes
    /// every sum of the group hold (breaking none), or — when none does —
    /// exactly one smallest set of changes (two cells) does.
    pub located: bool,
    /// That answer: one change, or the set (every change needed together).
    /// Empty when `located` is false.
    pub changes: Vec<Suggestion>,
    /// How many broken sums the group has.
    pub sums: usize,
}

/// Adds suggestions to the arithmetic diagnostics (and placements to
/// `table.value_count`) of one report's diagnostics.
// (Kept out of `check_with`: inlined there it costs the app about 1 KB.)
#[inline(never)]
pub fn attach(doc: &Document, diagnostics: &mut [Diagnostic]) {
    for id in [TableId::Requests, TableId::Review] {
        if !diagnostics.iter().any(|d| d.table == Some(id)) {
            continue;
        }
        let Some(grid) = doc.grid(id) else { continue };
        let table = doc.table(id);
        if let Some(sums) = search::Sums::of(id, grid, table) {
            sums.attach(diagnostics);
        }
        placement::attach(id, grid, table, diagnostics);
    }
}

/// The text with `changes` made: each change's number (at its span in the
/// input) replaced by its `to`. `None` when a change has no span or its
/// span no longer holds its `from` (the text was edited since the check).
pub fn apply(text: &str, changes: &[Suggestion]) -> Option<String> {
    let mut edits: Vec<(Span, i64)> = Vec::new();
    for s in changes {
        let (span, from, to) = (s.span?, s.from?, s.to?);
        if written_number(text.get(span.start..span.end)?)? != from {
            return None;
        }
        edits.push((span, to));
    }
    // From the last in the text back, so that earlier spans stay put.
    let mut out = text.to_string();
    while let Some(last) = (0..edits.len()).max_by_key(|&i| edits[i].0.start) {
        let (span, to) = edits.swap_remove(last);
        if edits.iter().any(|(s, _)| s.end > span.start) {
            return None;
        }
        out.replace_range(span.start..span.end, &to.to_string());
    }
    Some(out)
}

/// A whole number as a cell writes it: ASCII or full-width digits.
fn written_number(s: &str) -> Option<i64> {
    let mut v: i64 = 0;
    let mut digits = 0;
    for c in s.trim().chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => return None,
        };
        v = v.checked_mul(10)?.checked_add(i64::from(d))?;
        digits += 1;
    }
    (digits > 0).then_some(v)
}

#[cfg(test)]
mod tests;
