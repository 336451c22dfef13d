//! A checked report, with where each diagnostic points in the rebuilt
//! tables and in the input. Plain data: the components only read it.

use nianbao::template::TableId;
use nianbao::{Diagnostic, Report, Severity};
use std::collections::HashMap;

/// One cell of a rebuilt table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CellRef {
    pub table: TableId,
    pub row: &'static str,
    pub column: &'static str,
}

impl CellRef {
    /// The element id the page gives the cell (scrolled to on a click).
    pub fn dom_id(&self) -> String {
        format!("cell-{}-{}-{}", self.table.key(), self.row, self.column)
    }
}

/// Where one diagnostic points.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Target {
    /// The cells the diagnostic is about (marked in place).
    pub cells: Vec<CellRef>,
    /// Cells it names as related (highlighted when it is selected).
    pub related: Vec<CellRef>,
    /// Lines of the input to highlight: its own line first.
    pub lines: Vec<usize>,
}

pub struct Checked {
    pub report: Report,
    /// One per diagnostic, same order.
    pub targets: Vec<Target>,
    marks: HashMap<CellRef, Vec<usize>>,
    /// Time the core took, in milliseconds (shown; read by the benchmark).
    pub millis: f64,
}

impl Checked {
    pub fn new(report: Report, millis: f64) -> Self {
        let targets: Vec<Target> = report.diagnostics.iter().map(|d| target(&report, d)).collect();
        let mut marks: HashMap<CellRef, Vec<usize>> = HashMap::new();
        for (i, t) in targets.iter().enumerate() {
            for c in &t.cells {
                marks.entry(*c).or_default().push(i);
            }
        }
        Checked { report, targets, marks, millis }
    }

    /// The diagnostics that mark a cell, in list order.
    pub fn marks(&self, cell: &CellRef) -> &[usize] {
        self.marks.get(cell).map_or(&[], Vec::as_slice)
    }

    /// The most severe diagnostic marking a cell.
    pub fn worst(&self, cell: &CellRef) -> Option<Severity> {
        self.marks(cell).iter().map(|&i| self.report.diagnostics[i].severity).min()
    }

    /// Diagnostics about a table as a whole (no row, no column).
    pub fn table_marks(&self, table: TableId) -> Vec<usize> {
        let whole = |d: &Diagnostic| d.table == Some(table) && d.row.is_none() && d.column.is_none();
        self.report.diagnostics.iter().enumerate().filter(|(_, d)| whole(d)).map(|(i, _)| i).collect()
    }

    /// The name the report goes by in exports: its file, else 粘贴文本.
    pub fn name(&self) -> &str {
        self.report.source.as_deref().unwrap_or("粘贴文本")
    }
}

/// The cells and lines a diagnostic is about, looked up in the report's own
/// tables (row and column keys come from the core).
fn target(report: &Report, d: &Diagnostic) -> Target {
    let mut t = Target::default();
    if let Some(id) = d.table {
        let table = report.table(id);
        let cells_of = |row: Option<&str>, column: Option<&str>| -> Vec<CellRef> {
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
            t.cells = cells_of(d.row.as_deref(), d.column.as_deref());
        }
        for r in &d.related {
            if r.row.is_some() || r.column.is_some() {
                for c in cells_of(r.row.as_deref(), r.column.as_deref()) {
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
    use crate::examples::EXAMPLES;

    fn checked(i: usize) -> Checked {
        Checked::new(nianbao::check(EXAMPLES[i].text, Some(EXAMPLES[i].name)), 0.0)
    }

    #[test]
    fn a_row_diagnostic_marks_every_cell_of_its_row() {
        // Seed 002: 表三（一）has six values for seven columns.
        let c = checked(2);
        let i = c.report.diagnostics.iter().position(|d| d.row.as_deref() == Some("3.1")).unwrap();
        assert_eq!(c.targets[i].cells.len(), 7);
        let cell = CellRef { table: TableId::Requests, row: "3.1", column: "total" };
        assert_eq!(c.marks(&cell), &[i]);
        assert_eq!(c.worst(&cell), Some(Severity::Error));
        assert_eq!(c.targets[i].lines, vec![c.report.diagnostics[i].line.unwrap()]);
    }

    #[test]
    fn a_table_diagnostic_marks_the_table_not_its_cells() {
        // Seed 004: 表四 has 16 numbers.
        let c = checked(4);
        let marks = c.table_marks(TableId::Review);
        assert_eq!(marks.len(), 1);
        assert!(c.targets[marks[0]].cells.is_empty());
    }

    #[test]
    fn related_cells_are_kept_apart_from_the_marked_ones() {
        // Seed 003 is clean; break 表三 row 一's total (its 7th value, 1 → 9).
        let mut lines: Vec<String> = EXAMPLES[3].text.lines().map(str::to_string).collect();
        let label = lines.iter().position(|l| l.contains("本年新收政府信息公开申请数量")).unwrap();
        assert_eq!(lines[label + 7].trim(), "1");
        lines[label + 7] = "\t9".into();
        let text = lines.join("\n");
        let c = Checked::new(nianbao::check(&text, None), 0.0);
        let i = c.report.diagnostics.iter().position(|d| d.code == "requests.row_total").unwrap();
        let total = CellRef { table: TableId::Requests, row: "1", column: "total" };
        assert_eq!(c.targets[i].cells, vec![total]);
        assert_eq!(c.targets[i].related.len(), 6);
        assert_eq!(c.name(), "粘贴文本");
    }
}

/// The input's lines as the core numbers them (`\n`, `\r\n` or a lone `\r`
/// ends a line), without their line ends.
pub fn lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(&text[start..i]);
                start = i + 1;
            }
            b'\r' => {
                out.push(&text[start..i]);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push(&text[start..]);
    out
}

#[cfg(test)]
mod line_tests {
    use super::lines;
    use crate::examples::EXAMPLES;

    #[test]
    fn every_cell_sits_on_the_line_the_core_says() {
        for ex in &EXAMPLES {
            let all = lines(ex.text);
            let report = nianbao::check(ex.text, None);
            let mut seen = 0;
            for id in nianbao::template::TableId::ALL {
                for row in &report.table(id).rows {
                    for cell in row.cells.iter().filter(|c| c.value.is_some()) {
                        let (line, span) = (cell.line.unwrap(), cell.span.unwrap());
                        assert!(
                            all[line - 1].contains(ex.text[span.start..span.end].trim()),
                            "{} line {line}",
                            ex.name
                        );
                        seen += 1;
                    }
                }
            }
            assert!(seen > 100);
        }
    }

    #[test]
    fn line_ends_of_every_kind() {
        assert_eq!(lines("a\r\nb\rc\nd"), ["a", "b", "c", "d"]);
        assert_eq!(lines("a\n"), ["a", ""]);
    }
}
