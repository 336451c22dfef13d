//! The totals of the template, read off its equations: a sum one of whose
//! sides is a single cell (each row's 总计, （七）总计 down each column,
//! 表四's 总计s) defines that cell. A sum with several cells on each side
//! (表三's balance, 一 + 二 = （七）总计 + 四) defines none: it is only
//! checked.

use crate::report::CellRef;
use crate::tables::model::{Cell, CellState, Value};
use crate::tables::Tables;
use crate::template::{TableId, Version};

/// A total and the cells it adds up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sum {
    pub total: CellRef,
    pub parts: Vec<CellRef>,
}

/// Every sum of a version's equations that defines a total, in template
/// order. A cell may be the total of two (表三's （七）总计 of the 总计
/// column adds up its row and its column).
pub fn totals(version: &'static Version) -> Vec<Sum> {
    let mut out = Vec::new();
    for table in TableId::ALL {
        let Some(grid) = version.grid(table) else { continue };
        for sum in grid.sums().iter() {
            let (total, parts) = match (&sum.left[..], &sum.right[..]) {
                ([t], parts) | (parts, [t]) if !parts.contains(t) => (*t, parts),
                _ => continue,
            };
            let at = |(row, column)| CellRef { table, row, column };
            out.push(Sum { total: at(total), parts: parts.iter().map(|&p| at(p)).collect() });
        }
    }
    out
}

/// Computes into `tables` every total that `typed` does not say was typed.
///
/// A total is computed once all its parts are known, from whichever of its
/// sums gives a value, preferring one whose parts do not lean on a typed
/// total: a typed total is checked against its parts, never added into
/// another total when the other sum can give it (so a wrong typed 总计 of
/// one row breaks that row's sum and its column's, not a third one). A
/// blank part counts 0, as the checker counts it; a part not given or not
/// a whole number leaves the total not given.
pub(super) fn compute(tables: &mut Tables, sums: &[Sum], typed: &dyn Fn(&CellRef) -> bool) {
    let mut pending: Vec<CellRef> = Vec::new();
    // Typed totals, and the totals computed from them.
    let mut leaning: Vec<CellRef> = Vec::new();
    for s in sums {
        let list = if typed(&s.total) { &mut leaning } else { &mut pending };
        if !list.contains(&s.total) {
            list.push(s.total);
        }
    }
    // A total waits until every sum that defines it can be added up, so
    // that the choice is made among all of them; only when none could be
    // decided so does one that is ready go first.
    let mut strict = true;
    while !pending.is_empty() {
        let before = pending.len();
        let mut i = 0;
        while i < pending.len() {
            let total = pending[i];
            let ready = |s: &Sum| !s.parts.iter().any(|p| pending.contains(p));
            let defining = || sums.iter().filter(|s| s.total == total);
            if strict && !defining().all(ready) {
                i += 1;
                continue;
            }
            let mut best: Option<(u8, Cell, bool)> = None;
            for s in defining().filter(|s| ready(s)) {
                let leans = s.parts.iter().any(|p| leaning.contains(p));
                let cell = added(tables, s);
                let rank = 2 * u8::from(cell.value.is_some()) + u8::from(!leans);
                if best.as_ref().is_none_or(|b| rank > b.0) {
                    best = Some((rank, cell, leans));
                }
            }
            match best {
                Some((_, cell, leans)) => {
                    put(tables, &total, cell);
                    if leans {
                        leaning.push(total);
                    }
                    pending.remove(i);
                }
                None => i += 1,
            }
        }
        match (pending.len() == before, strict) {
            (true, true) => strict = false,
            // (Equations that define a total by itself: left not given.)
            (true, false) => break,
            (false, _) => strict = true,
        }
    }
}

/// A sum's parts added up, as the total's cell.
fn added(tables: &Tables, s: &Sum) -> Cell {
    let mut total = 0i64;
    for p in &s.parts {
        let cell = tables.get(p.table).row(p.row).and_then(|r| r.cell(p.column));
        match cell.map(|c| (&c.state, c.value.and_then(Value::as_int))) {
            Some((_, Some(v))) => total = total.saturating_add(v),
            Some((CellState::Blank, None)) => {}
            _ => return Cell::absent(s.total.column),
        }
    }
    let mut cell = Cell::absent(s.total.column);
    cell.value = Some(Value::Int(total));
    cell.state = CellState::Given;
    cell.raw.set(&total.to_string());
    cell
}

/// Puts a cell in its place in `tables`.
pub(super) fn put(tables: &mut Tables, at: &CellRef, cell: Cell) {
    let table = match at.table {
        TableId::Active => &mut tables.active,
        TableId::Requests => &mut tables.requests,
        TableId::Review => &mut tables.review,
    };
    let Some(row) = table.rows.iter_mut().find(|r| r.key == at.row) else { return };
    if let Some(c) = row.cells.iter_mut().find(|c| c.column == at.column) {
        *c = cell;
    }
}
