//! A checked report, with where each diagnostic points in the rebuilt
//! tables and in the input. Plain data: the components only read it.

use nianbao::report::{CellRef, Target, Targets};
use nianbao::template::TableId;
use nianbao::{Report, Severity};

/// The element id the page gives a cell (scrolled to on a click).
pub fn dom_id(cell: &CellRef) -> String {
    format!("cell-{}-{}-{}", cell.table.key(), cell.row, cell.column)
}

pub struct Checked {
    pub report: Report,
    /// Where each diagnostic points, and the marks they make (the core's).
    marks: Targets,
    /// Time the core took, in milliseconds (shown; read by the benchmark).
    pub millis: f64,
}

impl Checked {
    pub fn new(report: Report, millis: f64) -> Self {
        let marks = Targets::of(&report);
        Checked { report, marks, millis }
    }

    /// One per diagnostic, in order.
    pub fn targets(&self) -> &[Target] {
        &self.marks.targets
    }

    /// The diagnostics that mark a cell, in list order.
    pub fn marks(&self, cell: &CellRef) -> &[usize] {
        self.marks.marks(cell)
    }

    /// The most severe diagnostic marking a cell.
    pub fn worst(&self, cell: &CellRef) -> Option<Severity> {
        Targets::worst(&self.report, self.marks(cell))
    }

    /// Diagnostics about a table as a whole (no row, no column).
    pub fn table_marks(&self, table: TableId) -> Vec<usize> {
        Targets::table_marks(&self.report, table)
    }

    /// The name the report goes by in exports: its file, else 粘贴文本.
    pub fn name(&self) -> &str {
        self.report.source.as_deref().unwrap_or("粘贴文本")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::EXAMPLES;

    fn checked(i: usize) -> Checked {
        Checked::new(nianbao::check(EXAMPLES[i].text, Some(EXAMPLES[i].name)), 0.0)
    }

    use nianbao::template::keys::requests as q;

    #[test]
    fn a_row_diagnostic_marks_every_cell_of_its_row() {
        // Seed 002: 表三（一）has six values for seven columns.
        let c = checked(2);
        let i = c.report.diagnostics.iter().position(|d| d.row == Some(q::GRANTED)).unwrap();
        assert_eq!(c.targets()[i].cells.len(), 7);
        let cell = CellRef { table: TableId::Requests, row: q::GRANTED, column: q::TOTAL };
        assert_eq!(c.marks(&cell), &[i]);
        assert_eq!(c.worst(&cell), Some(Severity::Error));
        assert_eq!(c.targets()[i].lines, vec![c.report.diagnostics[i].line.unwrap()]);
    }

    #[test]
    fn a_table_diagnostic_marks_the_table_not_its_cells() {
        // Seed 004: 表四 has 16 numbers.
        let c = checked(4);
        let marks = c.table_marks(TableId::Review);
        assert_eq!(marks.len(), 1);
        assert!(c.targets()[marks[0]].cells.is_empty());
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
        let total = CellRef { table: TableId::Requests, row: q::NEW, column: q::TOTAL };
        assert_eq!(c.targets()[i].cells, vec![total]);
        assert_eq!(c.targets()[i].related.len(), 6);
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
