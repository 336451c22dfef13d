//! The 填报 mode's core: the three tables filled in as a grid of typed
//! values instead of read from a text, with the template's totals computed
//! from its equations as the values are typed, and checked by the same
//! rules as a pasted report.
//!
//! A [`Grid`] holds what was typed into each cell of one template version,
//! by the cell's key as the output contract names it ([`cell_key`]:
//! `requests.3.1.natural_person`). A cell is typed (a number, a blank mark,
//! or nothing: left blank on purpose) or not given. The totals the
//! template's equations declare — the one cell of a sum's side, as
//! [`totals`] finds them, never a list of its own — are computed unless a
//! value is typed for them, which is then checked like any other.
//! [`Grid::report`] builds the [`Report`]: the tables, every rule that reads
//! them (a grid has no text, so the rules about the text's sections, title
//! and prose have nothing to say), and the suggested corrections.
//!
//! ```
//! use nianbao::author::{cell_key, Grid};
//! use nianbao::report::CellRef;
//! use nianbao::template::{keys::requests as q, v2021::V2021, TableId};
//! let mut grid = Grid::new(&V2021);
//! let new = |column| CellRef { table: TableId::Requests, row: q::NEW, column };
//! grid.type_in(new(q::NATURAL_PERSON), "3");
//! assert_eq!(cell_key(&new(q::TOTAL)), "requests.1.total");
//! assert_eq!(grid.report().table(TableId::Requests).int(q::NEW, q::TOTAL), Some(3));
//! ```

mod build;
mod saved;
mod totals;

pub use totals::{totals, Sum};

use crate::report::{BodyRow, CellRef, Layout};
use crate::template::{Registry, TableId, Version};
use crate::Report;
use std::collections::BTreeMap;

/// What a cell holds, when something does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// Typed: a number, a blank mark (`/`, `-`, `—`, `无`), or nothing at
    /// all (a cell left blank on purpose). Read as a report's cell is.
    Typed(String),
    /// Not given: a report's cell its text did not give. Not 0.
    NotGiven,
}

/// The three tables of one template version as typed.
#[derive(Clone, Debug)]
pub struct Grid {
    pub version: &'static Version,
    /// The reported year, when known (the template's year rules read it).
    pub year: Option<i32>,
    pub agency: Option<String>,
    /// A cell with no entry is computed when it is a total, else not given.
    entries: BTreeMap<CellRef, Entry>,
    /// The version's totals and the sums that define them.
    sums: Vec<Sum>,
}

/// A cell's key as the output contract keys it: `TABLE.ROW.COLUMN`
/// (`requests.3.1.natural_person`, `review.review.total`,
/// `active.fees.amount_yuan`). The app's inputs carry it as `data-cell`.
pub fn cell_key(cell: &CellRef) -> String {
    format!("{}.{}.{}", cell.table.key(), cell.row, cell.column)
}

/// Every cell of a version's three tables, in template order.
pub fn cells(version: &'static Version) -> Vec<CellRef> {
    let mut out = Vec::new();
    for block in version.active.blocks {
        for row in block.rows {
            out.extend(block.columns.iter().map(|c| CellRef { table: TableId::Active, row: row.key, column: c.key }));
        }
    }
    for table in [TableId::Requests, TableId::Review] {
        let Some(grid) = version.grid(table) else { continue };
        for row in grid.rows {
            out.extend(grid.columns.iter().map(|c| CellRef { table, row: row.key, column: c.key }));
        }
    }
    out
}

/// The cell of a version a key names ([`cell_key`]'s inverse).
pub fn parse_key(version: &'static Version, key: &str) -> Option<CellRef> {
    cells(version).into_iter().find(|c| {
        key.strip_prefix(c.table.key())
            .and_then(|k| k.strip_prefix('.'))
            .and_then(|k| k.strip_suffix(c.column.as_str()))
            .and_then(|k| k.strip_suffix('.'))
            == Some(c.row.as_str())
    })
}

/// What [`Grid::paste`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pasted {
    /// Cells filled.
    pub filled: usize,
    /// Values that fell outside the table (past its last row or column).
    pub outside: usize,
}

/// What [`Grid::from_report`] made of a checked report.
#[derive(Clone, Debug)]
pub struct Filled {
    pub grid: Grid,
    /// Cells with a value that the grid's version has no place for (a
    /// table 二 of the other version).
    pub left_out: usize,
}

impl Grid {
    /// An empty grid: 0 in every cell, the totals computed.
    pub fn new(version: &'static Version) -> Grid {
        let mut grid = Grid::blank(version);
        for cell in cells(version) {
            if !grid.is_total(&cell) {
                grid.entries.insert(cell, Entry::Typed("0".into()));
            }
        }
        grid
    }

    /// No cell given, the totals computed.
    fn blank(version: &'static Version) -> Grid {
        Grid { version, year: None, agency: None, entries: BTreeMap::new(), sums: totals(version) }
    }

    /// The grid filled from a checked report: each value the report gives
    /// typed as the template prints it, each blank as written, each cell
    /// the report does not give not given (never 0). A total is computed
    /// when that gives the report's own value, and typed as the report
    /// gives it otherwise (so that its error shows where it is).
    pub fn from_report(report: &Report) -> Filled {
        build::from_report(report)
    }

    /// The same values in another version: the cells both versions have
    /// keep what they hold; the other version's cells start at 0.
    pub fn with_version(&self, version: &'static Version) -> Grid {
        let mut grid = Grid::new(version);
        grid.year = self.year;
        grid.agency.clone_from(&self.agency);
        let had = cells(self.version);
        for cell in cells(version) {
            if had.contains(&cell) {
                grid.set(cell, self.entries.get(&cell).cloned());
            }
        }
        grid
    }

    /// Whether the grid's version has the cell.
    fn has(&self, cell: &CellRef) -> bool {
        cells(self.version).contains(cell)
    }

    /// What the cell holds: `None` for a total that is computed (or another
    /// cell not given).
    pub fn entry(&self, cell: &CellRef) -> Option<&Entry> {
        self.entries.get(cell)
    }

    /// Whether the template's equations make the cell a total.
    pub fn is_total(&self, cell: &CellRef) -> bool {
        self.sums.iter().any(|s| s.total == *cell)
    }

    /// Whether the cell is a total shown as computed (nothing typed for it).
    pub fn is_computed(&self, cell: &CellRef) -> bool {
        self.is_total(cell) && !self.entries.contains_key(cell)
    }

    /// Types `text` into a cell. In a total, nothing typed (an empty
    /// text) means computed again; in any other cell it is a blank.
    pub fn type_in(&mut self, cell: CellRef, text: &str) {
        if !self.has(&cell) {
            return;
        }
        let text = text.trim();
        if text.is_empty() && self.is_total(&cell) {
            self.entries.remove(&cell);
        } else {
            self.entries.insert(cell, Entry::Typed(text.to_string()));
        }
    }

    /// Sets what a cell holds as it is (a total with `None`: computed).
    pub fn set(&mut self, cell: CellRef, entry: Option<Entry>) {
        if !self.has(&cell) {
            return;
        }
        match entry {
            Some(e) => self.entries.insert(cell, e),
            None => self.entries.remove(&cell),
        };
    }

    /// A cell as a reader names it (an input's label for a screen
    /// reader): `表三「（一）予以公开」自然人`.
    pub fn cell_name(&self, cell: &CellRef) -> String {
        let tables = build::skeleton(self.version);
        let row = tables.get(cell.table).row(cell.row);
        let label = row.map_or_else(|| cell.row.to_string(), |r| r.printed());
        let column = row.and_then(|r| r.columns.iter().find(|c| c.key == cell.column)).map_or("", |c| c.label);
        format!("{}「{label}」{column}", cell.table.short_name())
    }

    /// How the template draws the grid's table (the layout every view
    /// draws from): the 填报 mode's inputs sit in its value slots.
    pub fn layout(&self, table: TableId) -> Layout {
        Layout::of(build::skeleton(self.version).get(table), Registry::national())
    }

    /// The table's cells as the template draws them, row by row (表四's
    /// fifteen in one row): how the keyboard moves and a pasted block lands.
    pub fn rows(&self, table: TableId) -> Vec<Vec<CellRef>> {
        self.layout(table)
            .body
            .iter()
            .filter_map(|r| match r {
                BodyRow::Values { slots, .. } => {
                    Some(slots.iter().map(|s| CellRef { table, row: s.row, column: s.column }).collect())
                }
                _ => None,
            })
            .collect()
    }

    /// Pastes a block copied from a spreadsheet (rows a line, cells
    /// parted by tabs) with its first value at `at`, row after row of the
    /// table as drawn. An empty field is typed as a blank; a total filled
    /// so is typed (and checked).
    pub fn paste(&mut self, at: CellRef, block: &str) -> Pasted {
        let rows = self.rows(at.table);
        let Some((r0, c0)) = rows.iter().enumerate().find_map(|(i, r)| r.iter().position(|c| *c == at).map(|j| (i, j)))
        else {
            return Pasted::default();
        };
        let block = block.strip_suffix('\n').unwrap_or(block);
        let block = block.strip_suffix('\r').unwrap_or(block);
        let mut done = Pasted::default();
        for (i, line) in block.split('\n').enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            for (j, text) in line.split('\t').enumerate() {
                match rows.get(r0 + i).and_then(|r| r.get(c0 + j)) {
                    Some(&cell) => {
                        self.entries.insert(cell, Entry::Typed(text.trim().to_string()));
                        done.filled += 1;
                    }
                    None => done.outside += 1,
                }
            }
        }
        done
    }

    /// The report the grid makes: its tables with the totals computed,
    /// checked by every rule that reads the tables, with suggestions.
    pub fn report(&self) -> Report {
        build::report(self)
    }

    /// The grid as kept in the browser between visits ([`Grid::from_saved`]).
    pub fn to_saved(&self) -> String {
        saved::write(self)
    }

    /// A grid kept by [`Grid::to_saved`]; `None` when the text is not one.
    pub fn from_saved(text: &str) -> Option<Grid> {
        saved::read(text)
    }
}

#[cfg(test)]
mod tests;
