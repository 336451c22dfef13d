//! Where each diagnostic points in the rebuilt tables and in the input:
//! which cells it marks, which it names as related, which row labels and
//! which lines. Every view marks cells from this, so they mark alike.

use super::Report;
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::{ColKey, RowKey, TableId};

/// One cell of a rebuilt table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellRef {
    pub table: TableId,
    pub row: RowKey,
    pub column: ColKey,
}

/// Where one diagnostic points.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Target {
    /// The cells it is about: its cell, or every cell of its row or column.
    pub cells: Vec<CellRef>,
    /// Cells it names as related (those that add up wrong with it).
    pub related: Vec<CellRef>,
    /// The row whose label it marks, when it is about a row.
    pub row: Option<(TableId, RowKey)>,
    /// Lines of the input: its own first, then its related ones.
    pub lines: Vec<usize>,
}

/// Every diagnostic's target, in the diagnostics' order, and the marks
/// they make on cells and row labels.
pub struct Targets {
    pub targets: Vec<Target>,
    /// Each marked cell with the diagnostics (indices) that mark it, in order.
    cells: Vec<(CellRef, Vec<usize>)>,
}

impl Targets {
    pub fn of(report: &Report) -> Self {
        let targets: Vec<Target> = report.diagnostics.iter().map(|d| target(report, d)).collect();
        let mut cells: Vec<(CellRef, Vec<usize>)> = Vec::new();
        for (i, t) in targets.iter().enumerate() {
            for c in &t.cells {
                match cells.binary_search_by(|(k, _)| k.cmp(c)) {
                    Ok(at) => cells[at].1.push(i),
                    Err(at) => cells.insert(at, (*c, vec![i])),
                }
            }
        }
        Targets { targets, cells }
    }

    /// The diagnostics that mark a cell, in list order.
    pub fn marks(&self, cell: &CellRef) -> &[usize] {
        match self.cells.binary_search_by(|(k, _)| k.cmp(cell)) {
            Ok(at) => &self.cells[at].1,
            Err(_) => &[],
        }
    }

    /// The diagnostics that mark a row's label, in list order.
    pub fn row_marks(&self, table: TableId, row: RowKey) -> Vec<usize> {
        (0..self.targets.len()).filter(|&i| self.targets[i].row == Some((table, row))).collect()
    }

    /// The most severe of `diagnostics`.
    pub fn worst(report: &Report, diagnostics: &[usize]) -> Option<Severity> {
        diagnostics.iter().map(|&i| report.diagnostics[i].severity).min()
    }

    /// Diagnostics about a table as a whole (no row, no column).
    pub fn table_marks(report: &Report, table: TableId) -> Vec<usize> {
        let whole = |d: &Diagnostic| d.table == Some(table) && d.row.is_none() && d.column.is_none();
        report.diagnostics.iter().enumerate().filter(|(_, d)| whole(d)).map(|(i, _)| i).collect()
    }
}

/// The cells and lines a diagnostic is about, looked up in the report's own
/// tables.
fn target(report: &Report, d: &Diagnostic) -> Target {
    let mut t = Target::default();
    if let Some(id) = d.table {
        let table = report.table(id);
        let cells_of = |row: Option<RowKey>, column: Option<ColKey>| -> Vec<CellRef> {
            table
                .rows
                .iter()
                .filter(|r| row.is_none_or(|k| r.key == k))
                .flat_map(|r| r.cells.iter().map(move |c| (r.key, c.column)))
                .filter(|(_, c)| column.is_none_or(|k| *c == k))
                .map(|(row, column)| CellRef { table: id, row, column })
                .collect()
        };
        if d.row.is_some() || d.column.is_some() {
            t.cells = cells_of(d.row, d.column);
        }
        t.row = d.row.map(|r| (id, r));
        for r in &d.related {
            if r.row.is_some() || r.column.is_some() {
                for c in cells_of(r.row, r.column) {
                    if !t.cells.contains(&c) && !t.related.contains(&c) {
                        t.related.push(c);
                    }
                }
            }
        }
    }
    t.lines.extend(d.line);
    for l in d.related.iter().filter_map(|r| r.line) {
        if !t.lines.contains(&l) {
            t.lines.push(l);
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::keys::requests as q;

    fn seed(name: &str) -> Report {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
        let file = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .find(|p| {
                p.file_name().unwrap().to_string_lossy().starts_with(name) && p.extension().is_some_and(|x| x == "txt")
            })
            .unwrap();
        crate::check(&std::fs::read_to_string(file).unwrap(), None)
    }

    #[test]
    fn a_row_diagnostic_marks_every_cell_of_its_row_and_its_label() {
        // Seed 002: 表三（一）has six values for seven columns.
        let r = seed("002");
        let t = Targets::of(&r);
        let i = r.diagnostics.iter().position(|d| d.row == Some(q::GRANTED)).unwrap();
        assert_eq!(t.targets[i].cells.len(), 7);
        let cell = CellRef { table: TableId::Requests, row: q::GRANTED, column: q::TOTAL };
        assert_eq!(t.marks(&cell), &[i]);
        assert_eq!(Targets::worst(&r, t.marks(&cell)), Some(Severity::Error));
        assert_eq!(t.row_marks(TableId::Requests, q::GRANTED), [i]);
        assert_eq!(t.targets[i].lines, vec![r.diagnostics[i].line.unwrap()]);
    }

    #[test]
    fn a_table_diagnostic_marks_the_table_not_its_cells() {
        // Seed 004: 表四 has 16 numbers.
        let r = seed("004");
        let t = Targets::of(&r);
        let marks = Targets::table_marks(&r, TableId::Review);
        assert_eq!(marks.len(), 1);
        assert!(t.targets[marks[0]].cells.is_empty());
    }
}
