//! The search over one table's sums. Each sum of the template (an
//! [`Instance`]) is a line `left − right = 0` over cells; a cell sits in a
//! few of them (its row's total, its column's sums). The sums a cell sits
//! in are kept as a bit set, so one change — a cell moved by `δ` — moves
//! exactly those sums by `±δ`, and whether it mends them all, some, or
//! breaks one that held, is a few bit operations.
//!
//! A wrong cell breaks every sum it sits in, so the broken sums cross at
//! it: the change that mends all of them at once is that cell's. Broken
//! sums that share no cell, directly or through other broken sums, are
//! separate errors (two groups of 表四, two wrong cells far apart in 表三)
//! and are mended separately. When no single change mends a group (two
//! wrong cells whose sums cross), pairs of cells are tried, one of them in
//! the group's first sum, and a pair is given only when it is the only one.

use super::{Correction, Kind, Suggestion};
use crate::read::normalise::Span;
use crate::rules::diagnostic::Diagnostic;
use crate::tables::model::{CellState, Table};
use crate::template::{Along, ColKey, GridSpec, Instance, RowKey, TableId, ValueKind};

/// A given whole-number cell and the sums it sits in.
struct Cell {
    row: RowKey,
    column: ColKey,
    value: i64,
    span: Option<Span>,
    /// Sums with the cell on their left side, and on their right.
    plus: u64,
    minus: u64,
    /// It is the total of some sum (the one cell on a sum's left side).
    total: bool,
    /// It may not go below zero.
    count: bool,
}

impl Cell {
    fn sums(&self) -> u64 {
        self.plus | self.minus
    }
    /// How the cell's change by `delta` moves sum `i` (left − right).
    fn moves(&self, i: usize, delta: i64) -> i64 {
        if self.plus & bit(i) != 0 {
            delta
        } else if self.minus & bit(i) != 0 {
            -delta
        } else {
            0
        }
    }
    /// The change of this cell that makes sum `i`, now off by `residual`, hold.
    fn mending(&self, i: usize, residual: i64) -> i64 {
        if self.plus & bit(i) != 0 {
            -residual
        } else {
            residual
        }
    }
}

fn bit(i: usize) -> u64 {
    1 << i
}

/// The indices of a bit set's bits.
fn bits(mut set: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (set != 0).then(|| {
            let i = set.trailing_zeros() as usize;
            set &= set - 1;
            i
        })
    })
}

/// What a pair of cells can do.
enum Solved {
    No,
    One([(usize, i64); 2]),
    /// A family of changes (the two cells sit in the same sums only).
    Many,
}

/// One change of one cell, and the broken sums it mends.
pub(super) struct Single {
    cell: usize,
    delta: i64,
    mends: u64,
    complete: bool,
}

/// A table's given cells and its template's sums.
pub(super) struct Sums {
    table: TableId,
    cells: Vec<Cell>,
    instances: std::borrow::Cow<'static, [Instance]>,
    /// Each sum's left − right, where every cell of it is given (0 elsewhere).
    residual: Vec<i64>,
    /// The sums whose every cell is given; of those, the ones that do not hold.
    evaluable: u64,
    broken: u64,
}

/// The position of `key`: `last`'s when it was `key`'s, else `find`'s, kept.
fn kept_position<K: PartialEq + Copy>(
    last: &mut Option<(K, usize)>,
    key: K,
    find: impl FnOnce() -> Option<usize>,
) -> Option<usize> {
    match *last {
        Some((k, at)) if k == key => Some(at),
        _ => {
            let at = find()?;
            *last = Some((key, at));
            Some(at)
        }
    }
}

/// More sums than this in one table are not searched (表三 has 39).
const MAX_SUMS: usize = 64;

impl Sums {
    /// The sums of `table` as `grid` declares them; `None` when it declares
    /// none (or more than the search takes).
    pub(super) fn of(id: TableId, grid: &'static GridSpec, table: &Table) -> Option<Sums> {
        let instances = grid.sums();
        if instances.is_empty() || instances.len() > MAX_SUMS {
            return None;
        }
        let width = grid.columns.len();
        // Cell index by (row position, column position) in the grid.
        let mut at: Vec<Option<usize>> = vec![None; grid.rows.len() * width];
        let mut cells = Vec::new();
        for (r, spec) in grid.rows.iter().enumerate() {
            let Some(row) = table.row(spec.key) else { continue };
            for (c, column) in grid.columns.iter().enumerate() {
                let Some(cell) = row.cell(column.key) else { continue };
                let (CellState::Given, Some(value)) = (&cell.state, cell.value.and_then(|v| v.as_int())) else {
                    continue;
                };
                at[r * width + c] = Some(cells.len());
                cells.push(Cell {
                    row: spec.key,
                    column: column.key,
                    value,
                    span: cell.span,
                    plus: 0,
                    minus: 0,
                    total: false,
                    count: column.kind == ValueKind::Count,
                });
            }
        }
        // (The row and column last found are kept: a sum runs along one.)
        let (mut last_row, mut last_column) = (None, None);
        let mut index = |(row, column): (RowKey, ColKey)| {
            let r = kept_position(&mut last_row, row, || grid.rows.iter().position(|s| s.key == row))?;
            let c = kept_position(&mut last_column, column, || grid.columns.iter().position(|s| s.key == column))?;
            at[r * width + c]
        };
        let mut residual = vec![0; instances.len()];
        let (mut evaluable, mut broken) = (0, 0);
        // Each sum's cells' indices, left side first, looked up once.
        let mut cells_of: Vec<Option<usize>> = Vec::new();
        for (i, instance) in instances.iter().enumerate() {
            cells_of.clear();
            cells_of.extend(instance.cells().map(&mut index));
            if let ([_], Some(j)) = (&instance.left[..], cells_of[0]) {
                cells[j].total = true;
            }
            if !cells_of.iter().all(Option::is_some) {
                continue;
            }
            let mut r = 0i64;
            for (n, j) in cells_of.iter().flatten().enumerate() {
                let c = &mut cells[*j];
                if n < instance.left.len() {
                    c.plus |= bit(i);
                    r = r.saturating_add(c.value);
                } else {
                    c.minus |= bit(i);
                    r = r.saturating_add(-c.value);
                }
            }
            residual[i] = r;
            evaluable |= bit(i);
            if r != 0 {
                broken |= bit(i);
            }
        }
        Some(Sums { table: id, cells, instances, residual, evaluable, broken })
    }

    /// The sums left broken after moving `cell` by `delta`, or `None` when
    /// the change breaks a sum that held or makes a count negative.
    fn after(&self, cell: usize, delta: i64) -> Option<u64> {
        let c = &self.cells[cell];
        if c.count && c.value.checked_add(delta)? < 0 {
            return None;
        }
        let mut broken = self.broken;
        for i in bits(c.sums() & self.evaluable) {
            if self.residual[i].saturating_add(c.moves(i, delta)) == 0 {
                broken &= !bit(i);
            } else {
                broken |= bit(i);
            }
        }
        (broken & !self.broken == 0).then_some(broken)
    }

    /// The broken sums in groups: two broken sums that share a cell are in
    /// one group (and so, through them, are others). One wrong cell makes
    /// one group; two wrong cells far apart make two, each mended alone.
    fn groups(&self) -> Vec<u64> {
        // Each broken sum's group, as a bit set; merged through every cell
        // that two broken sums share.
        let mut group: Vec<u64> = Vec::new();
        for i in 0..self.instances.len() {
            group.push(self.broken & bit(i));
        }
        for c in &self.cells {
            let tied = c.sums() & self.broken;
            let mut merged = tied;
            for i in bits(tied) {
                merged |= group[i];
            }
            for i in bits(merged) {
                group[i] = merged;
            }
        }
        let mut out: Vec<u64> = Vec::new();
        for g in group {
            if g != 0 && !out.contains(&g) {
                out.push(g);
            }
        }
        out
    }

    /// Every one-cell change that mends some broken sum and breaks none, in
    /// template order; complete when it mends its whole group.
    fn singles(&self, groups: &[u64]) -> Vec<Single> {
        let mut out: Vec<Single> = Vec::new();
        for (j, c) in self.cells.iter().enumerate() {
            for i in bits(c.sums() & self.broken) {
                let delta = c.mending(i, self.residual[i]);
                if out.iter().any(|s| s.cell == j && s.delta == delta) {
                    continue;
                }
                if let Some(left) = self.after(j, delta) {
                    let mends = self.broken & !left;
                    let complete = groups.iter().any(|&g| g & mends != 0 && g & left == 0);
                    out.push(Single { cell: j, delta, mends, complete });
                }
            }
        }
        out
    }

    /// The pairs of changes that make a group's sums hold: none, one, or
    /// more than one (`None`), searched with one cell of the pair in the
    /// group's first sum.
    fn pairs(&self, group: u64) -> Option<Option<[(usize, i64); 2]>> {
        let first = group.trailing_zeros() as usize;
        let mut found: Option<[(usize, i64); 2]> = None;
        for (j, a) in self.cells.iter().enumerate() {
            if a.sums() & bit(first) == 0 {
                continue;
            }
            for (k, b) in self.cells.iter().enumerate() {
                if k == j || (a.sums() | b.sums()) & group != group {
                    continue;
                }
                // A pair found from either of its cells is one pair.
                if b.sums() & bit(first) != 0 && k < j {
                    continue;
                }
                match self.solve(j, k, group) {
                    Solved::No => {}
                    Solved::Many => return None,
                    Solved::One(pair) => {
                        if found.is_some_and(|f| f != pair) {
                            return None;
                        }
                        found = Some(pair);
                    }
                }
            }
        }
        Some(found)
    }

    /// The changes of cells `j` and `k` that together make the group's
    /// sums hold and break none. Each change is settled by a sum only its
    /// cell sits in, or else by a sum both sit in once the other is known;
    /// when neither is settled (both sit in the same sums only) there is no
    /// one answer.
    fn solve(&self, j: usize, k: usize, group: u64) -> Solved {
        let (a, b) = (&self.cells[j], &self.cells[k]);
        let only = |c: &Cell, other: &Cell| -> Result<Option<i64>, ()> {
            let mut delta = None;
            for i in bits(c.sums() & !other.sums()) {
                let d = c.mending(i, self.residual[i]);
                if delta.is_some_and(|e| e != d) {
                    return Err(());
                }
                delta = Some(d);
            }
            Ok(delta)
        };
        let (Ok(mut da), Ok(mut db)) = (only(a, b), only(b, a)) else { return Solved::No };
        for i in bits(a.sums() & b.sums()) {
            match (da, db) {
                (Some(x), None) => db = Some(b.mending(i, self.residual[i].saturating_add(a.moves(i, x)))),
                (None, Some(y)) => da = Some(a.mending(i, self.residual[i].saturating_add(b.moves(i, y)))),
                _ => {}
            }
        }
        let (Some(da), Some(db)) = (da, db) else { return Solved::Many };
        let stays = |c: &Cell, d: i64| !c.count || c.value.saturating_add(d) >= 0;
        if da == 0 || db == 0 || !stays(a, da) || !stays(b, db) {
            return Solved::No;
        }
        // (Sums of other groups share no cell with this one's: left as they are.)
        let holds = bits((a.sums() | b.sums() | group) & self.evaluable)
            .all(|i| self.residual[i].saturating_add(a.moves(i, da)).saturating_add(b.moves(i, db)) == 0);
        match holds {
            true if j < k => Solved::One([(j, da), (k, db)]),
            true => Solved::One([(k, db), (j, da)]),
            false => Solved::No,
        }
    }

    /// A group's correction: its one complete change, or its one pair.
    fn correction(&self, group: u64, singles: &[Single]) -> Correction {
        let mut complete = singles.iter().filter(|s| s.complete && s.mends & group != 0);
        let changes = match (complete.next(), complete.next()) {
            (Some(s), None) => vec![self.suggestion(s.cell, s.delta, s.mends, true)],
            (Some(_), Some(_)) => Vec::new(),
            (None, _) => match self.pairs(group) {
                Some(Some([(j, dj), (k, dk)])) => vec![
                    self.suggestion(j, dj, self.cells[j].sums() & group, false),
                    self.suggestion(k, dk, self.cells[k].sums() & group, false),
                ],
                _ => Vec::new(),
            },
        };
        Correction { located: !changes.is_empty(), changes, sums: group.count_ones() as usize }
    }

    fn suggestion(&self, cell: usize, delta: i64, mends: u64, complete: bool) -> Suggestion {
        let c = &self.cells[cell];
        let mut repairs: Vec<&'static str> = Vec::new();
        for i in bits(mends) {
            if !repairs.contains(&self.instances[i].code) {
                repairs.push(self.instances[i].code);
            }
        }
        Suggestion {
            table: self.table,
            row: c.row,
            column: Some(c.column),
            from: Some(c.value),
            to: Some(c.value + delta),
            repairs,
            kind: Kind::Change,
            complete,
            span: c.span,
            values: None,
            index: None,
        }
    }

    /// The broken sum a diagnostic reports.
    fn sum_of(&self, d: &Diagnostic) -> Option<usize> {
        bits(self.broken).find(|&i| {
            let s = &self.instances[i];
            s.code == d.code
                && match s.along {
                    Along::Row(r) => d.row == Some(r),
                    Along::Column(c) => d.column == Some(c),
                }
        })
    }

    /// Gives each diagnostic of a broken sum its suggestions, best first —
    /// a change that mends every broken sum of its group at once, then a
    /// change of a total, then the rest (those that mend more first) — and
    /// its group's correction.
    pub(super) fn attach(&self, diagnostics: &mut [Diagnostic]) {
        if self.broken == 0 {
            return;
        }
        let groups = self.groups();
        let singles = self.singles(&groups);
        for d in diagnostics.iter_mut().filter(|d| d.table == Some(self.table)) {
            let Some(i) = self.sum_of(d) else { continue };
            let Some(g) = groups.iter().position(|&g| g & bit(i) != 0) else { continue };
            // Complete first, then totals, then those that mend more; the
            // singles are in template order already (no sort: it is heavy
            // in the wasm).
            let mut list = Vec::new();
            let most = singles.iter().map(|s| s.mends.count_ones()).max().unwrap_or(0);
            for complete in [true, false] {
                for total in [true, false] {
                    for mends in (1..=most).rev() {
                        for s in &singles {
                            if s.mends & bit(i) != 0
                                && s.complete == complete
                                && self.cells[s.cell].total == total
                                && s.mends.count_ones() == mends
                            {
                                list.push(self.suggestion(s.cell, s.delta, s.mends, s.complete));
                            }
                        }
                    }
                }
            }
            d.suggestions = Some(list);
            // Worked out again for each sum of a group rather than cloned:
            // the clone costs more wasm than the search costs time.
            d.correction = Some(self.correction(groups[g], &singles));
        }
    }
}
