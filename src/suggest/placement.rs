//! `table.value_count` with one number missing or one extra: where the
//! missing number most likely goes (or which number is the extra one),
//! found by trying every place and keeping those where the row's sums and
//! the columns' sums hold. Candidates only: the row's values stay absent.

use super::{Kind, Suggestion};
use crate::rules::diagnostic::Diagnostic;
use crate::tables::model::{RowIssue, Table};
use crate::template::{ColKey, GridSpec, RowKey, TableId};

/// Gives each `table.value_count` diagnostic of table `id` that is one
/// number off its candidate placements.
pub(super) fn attach(id: TableId, grid: &'static GridSpec, table: &Table, diagnostics: &mut [Diagnostic]) {
    let whole = table.issues.iter().map(|i| (None, i));
    let rows = table.rows.iter().flat_map(|r| r.issues.iter().map(move |i| (Some(r.key), i)));
    for (row, issue) in whole.chain(rows) {
        let RowIssue::ValueCount { found, expected, values, line, .. } = issue else { continue };
        if found.abs_diff(*expected) != 1 {
            continue;
        }
        let Some(d) = diagnostics
            .iter_mut()
            .find(|d| d.code == "table.value_count" && d.table == Some(id) && d.row == row && d.line == *line)
        else {
            continue;
        };
        // The slots the numbers fill: the row's columns, or (table 四 as one
        // run of numbers) every row's.
        let mut slots: Vec<(RowKey, ColKey)> = Vec::new();
        for r in grid.rows.iter().filter(|r| row.is_none_or(|k| k == r.key)) {
            for c in grid.columns {
                slots.push((r.key, c.key));
            }
        }
        let mut numbers = Vec::new();
        for v in values {
            numbers.extend(whole_number(v));
        }
        if slots.len() != *expected || numbers.len() != values.len() {
            continue;
        }
        d.suggestions = Some(placements(id, grid, table, &slots, &numbers));
    }
}

/// A count as written: digits only.
fn whole_number(s: &str) -> Option<i64> {
    let s = s.trim();
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) || s.len() > 15 {
        return None;
    }
    s.parse().ok()
}

/// Every placement of `numbers` in `slots` (one number short: a gap in
/// each slot in turn; one too many: each number left out in turn) whose
/// sums hold, in order.
fn placements(
    id: TableId,
    grid: &'static GridSpec,
    table: &Table,
    slots: &[(RowKey, ColKey)],
    numbers: &[i64],
) -> Vec<Suggestion> {
    let sums = through(grid, table, slots);
    let mut out = Vec::new();
    let short = numbers.len() < slots.len();
    for at in 0..slots.len().max(numbers.len()) {
        let mut placed: Vec<Option<i64>> = Vec::new();
        for &n in numbers {
            placed.push(Some(n));
        }
        if short {
            placed.insert(at, None);
        } else {
            placed.remove(at);
        }
        let Some(values) = settle(&sums, &placed) else { continue };
        let (row, column, from, to, index) = if short {
            (slots[at].0, Some(slots[at].1), None, Some(values[at]), None)
        } else {
            (slots[at.min(slots.len() - 1)].0, None, Some(numbers[at]), None, Some(at))
        };
        out.push(Suggestion {
            table: id,
            row,
            column,
            from,
            to,
            repairs: vec!["table.value_count"],
            kind: if short { Kind::Missing } else { Kind::Extra },
            complete: false,
            span: None,
            values: Some(values),
            index,
        });
    }
    out
}

/// A cell of a sum through the slots: a slot (by its index), a value of
/// the table's, or a cell without one.
#[derive(Clone, Copy)]
enum Term {
    Slot(usize),
    Known(i64),
    Unknown,
}

/// The sums of the grid that run through some slot, in template order,
/// each as its cells (with the side's sign, left `1`, right `-1`): worked
/// out once for every placement tried.
fn through(grid: &'static GridSpec, table: &Table, slots: &[(RowKey, ColKey)]) -> Vec<Vec<(Term, i64)>> {
    let mut out = Vec::new();
    for sum in grid.sums().iter() {
        if !sum.cells().any(|c| slots.contains(&c)) {
            continue;
        }
        let mut terms = Vec::with_capacity(sum.left.len() + sum.right.len());
        for (side, sign) in [(&sum.left, 1), (&sum.right, -1)] {
            for &c in side {
                let term = match slots.iter().position(|&s| s == c) {
                    Some(i) => Term::Slot(i),
                    None => table.int(c.0, c.1).map_or(Term::Unknown, Term::Known),
                };
                terms.push((term, sign));
            }
        }
        out.push(terms);
    }
    out
}

/// The slots' values with the gap (if any) filled as the sums require,
/// when every sum through the slots that can be checked holds.
fn settle(sums: &[Vec<(Term, i64)>], placed: &[Option<i64>]) -> Option<Vec<i64>> {
    // The gap's value, from every sum it is the only unknown of; then every
    // sum through the slots whose cells are all known must hold.
    let mut gap = None;
    for sum in sums {
        let (mut balance, mut gap_sign, mut known) = (0i64, 0i64, true);
        for &(term, sign) in sum {
            match term {
                Term::Slot(i) => match placed[i] {
                    Some(v) => balance = balance.saturating_add(sign * v),
                    None => gap_sign += sign,
                },
                Term::Known(v) => balance = balance.saturating_add(sign * v),
                Term::Unknown => known = false,
            }
        }
        match (known, gap_sign) {
            (false, _) => {}
            (true, 0) if balance != 0 => return None,
            (true, 0) => {}
            (true, sign) => {
                let x = -balance * sign;
                if x < 0 || gap.is_some_and(|g| g != x) {
                    return None;
                }
                gap = Some(x);
            }
        }
    }
    let mut values = Vec::new();
    for v in placed {
        values.push(match v {
            Some(v) => *v,
            None => gap?,
        });
    }
    Some(values)
}
