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
        let RowIssue::ValueCount { found, expected, values, line } = issue else { continue };
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
        let Some(values) = settle(grid, table, slots, &placed) else { continue };
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

/// The slots' values with the gap (if any) filled as the sums require,
/// when every sum through the slots that can be checked holds.
fn settle(
    grid: &'static GridSpec,
    table: &Table,
    slots: &[(RowKey, ColKey)],
    placed: &[Option<i64>],
) -> Option<Vec<i64>> {
    // A cell's value: the slot's as placed (`Some(None)` for the gap), else the table's.
    let value = |cell: (RowKey, ColKey)| -> Option<Option<i64>> {
        match slots.iter().position(|&s| s == cell) {
            Some(i) => Some(placed[i]),
            None => table.int(cell.0, cell.1).map(Some),
        }
    };
    let mut sums = Vec::new();
    for eq in grid.equations {
        sums.append(&mut eq.instances(grid));
    }
    // The gap's value, from every sum it is the only unknown of; then every
    // sum through the slots whose cells are all known must hold.
    let mut gap = None;
    for sum in sums.iter().filter(|s| s.cells().any(|c| slots.contains(&c))) {
        let (mut balance, mut gap_sign, mut known) = (0i64, 0i64, true);
        for (side, sign) in [(&sum.left, 1), (&sum.right, -1)] {
            for &c in side {
                match value(c) {
                    Some(Some(v)) => balance = balance.saturating_add(sign * v),
                    Some(None) => gap_sign += sign,
                    None => known = false,
                }
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
