//! Reports as a researchers' data set, in CSV: long (one line a cell) or
//! wide (one line a report, one column a cell of the template). Both are
//! written a report at a time after their header, so that a batch of
//! thousands streams; the CLI's `--format csv` / `csv-wide` and the app's
//! exports write them.
//!
//! A cell the report does not give is absent (long) or empty (wide), never 0.

use crate::render::csv::quote;
use crate::template::{ColKey, Registry, RowKey, TableId};
use crate::Report;
use std::fmt::Write;

/// The long form's header.
pub const LONG_HEADER: &str = "report,table,row,column,value,line\n";

/// Every given cell of a report, one line each: `report,table,row,column,value,line`,
/// the report named by `label` (its file, say).
pub fn long_rows(report: &Report, label: &str, out: &mut String) {
    let label = quote(label);
    for id in TableId::ALL {
        for row in &report.table(id).rows {
            for cell in &row.cells {
                let Some(value) = cell.value else { continue };
                let line = cell.line.map(|l| l.to_string()).unwrap_or_default();
                let _ = writeln!(out, "{label},{},{},{},{value},{line}", id.key(), row.key, cell.column);
            }
        }
    }
}

/// The wide form's columns: every cell of the template in any version of
/// a registry, in template order (a row or column only one version has
/// sits after the one it follows there).
#[derive(Clone, Debug)]
pub struct WideColumns {
    cells: Vec<(TableId, RowKey, ColKey)>,
}

impl WideColumns {
    pub fn of(registry: &Registry) -> WideColumns {
        let mut cells = Vec::new();
        for id in TableId::ALL {
            // Rows in template order over the versions, each with its columns over the versions.
            let mut rows: Vec<(RowKey, Vec<ColKey>)> = Vec::new();
            for v in registry.versions() {
                let version_rows: Vec<(RowKey, Vec<ColKey>)> = match v.grid(id) {
                    Some(grid) => {
                        grid.rows.iter().map(|r| (r.key, grid.columns.iter().map(|c| c.key).collect())).collect()
                    }
                    None => v
                        .active
                        .blocks
                        .iter()
                        .flat_map(|b| b.rows.iter().map(|r| (r.key, b.columns.iter().map(|c| c.key).collect())))
                        .collect(),
                };
                let mut after: Option<usize> = None;
                for (key, columns) in version_rows {
                    let at = match rows.iter().position(|r| r.0 == key) {
                        Some(at) => at,
                        None => {
                            let at = after.map_or(0, |a| a + 1);
                            rows.insert(at, (key, Vec::new()));
                            at
                        }
                    };
                    for c in columns {
                        if !rows[at].1.contains(&c) {
                            rows[at].1.push(c);
                        }
                    }
                    after = Some(at);
                }
            }
            cells.extend(rows.into_iter().flat_map(|(row, cols)| cols.into_iter().map(move |c| (id, row, c))));
        }
        WideColumns { cells }
    }

    /// The header: `report,agency,year,template`, then `table.row.column` for each cell.
    pub fn header(&self) -> String {
        let mut out = String::from("report,agency,year,template");
        for (t, r, c) in &self.cells {
            let _ = write!(out, ",{}.{r}.{c}", t.key());
        }
        out.push('\n');
        out
    }

    /// A report's line: its label, agency, year and template, then each cell's value (empty when not given).
    pub fn row(&self, report: &Report, label: &str, out: &mut String) {
        out.push_str(&quote(label));
        out.push(',');
        out.push_str(&quote(report.agency.as_deref().unwrap_or("")));
        out.push(',');
        if let Some(y) = report.year {
            let _ = write!(out, "{y}");
        }
        out.push(',');
        out.push_str(report.template.map_or("", |t| t.as_str()));
        for &(t, r, c) in &self.cells {
            out.push(',');
            if let Some(v) = report.table(t).row(r).and_then(|row| row.value(c)) {
                let _ = write!(out, "{v}");
            }
        }
        out.push('\n');
    }

    pub fn len(&self) -> usize {
        self.cells.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::keys::{active as a, requests as q};
    use crate::template::{v2019::V2019, v2021::V2021};
    use crate::testing::Sample;

    #[test]
    fn long_lists_each_given_cell() {
        let r = Sample::new(&V2021).row(TableId::Active, a::NORMATIVE_DOCUMENTS, &[2, 0, 20]).check();
        let mut out = String::new();
        long_rows(&r, "报告,1.txt", &mut out);
        assert!(out.contains("\"报告,1.txt\",active,normative_documents,in_force,20,"), "{out}");
        let lines = out.lines().count();
        assert_eq!(
            lines,
            r.tables
                .active
                .rows
                .iter()
                .chain(&r.tables.requests.rows)
                .chain(&r.tables.review.rows)
                .flat_map(|row| &row.cells)
                .filter(|c| c.value.is_some())
                .count()
        );
        // A blank cell is absent, not 0.
        let blank = Sample::new(&V2021).cell(TableId::Active, a::LICENSING, a::DECISIONS, "/").check();
        let mut out = String::new();
        long_rows(&blank, "b", &mut out);
        assert!(!out.contains("licensing"), "{out}");
    }

    #[test]
    fn wide_has_one_column_per_cell_of_either_version() {
        let columns = WideColumns::of(Registry::national());
        let header = columns.header();
        let names: Vec<&str> = header.trim_end().split(',').collect();
        assert_eq!(names.len(), 4 + columns.len());
        for key in [
            "requests.3.6.total",
            "requests.3.6.1.total",
            "active.regulations.made",
            "active.regulations.in_force",
            "review.review.total",
        ] {
            assert!(names.contains(&key), "{key}");
        }
        // Template order: 3.6 (2019) and 3.6.1 (2021) before 3.7.
        let at = |k: &str| names.iter().position(|n| *n == k).unwrap();
        assert!(at("requests.3.6.natural_person") < at("requests.3.7.natural_person"));
        assert!(at("requests.3.6.3.total") < at("requests.3.7.natural_person"));
        let mut distinct = names.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), names.len());

        let r2019 = Sample::new(&V2019).year(2020).row(TableId::Requests, q::NEW, &[1, 0, 0, 0, 0, 0, 1]).check();
        let mut line = String::new();
        columns.row(&r2019, "a.txt", &mut line);
        let fields: Vec<&str> = line.trim_end().split(',').collect();
        assert_eq!(fields.len(), names.len());
        assert_eq!(&fields[..4], ["a.txt", "测试市测试局", "2020", "2019"]);
        assert_eq!(fields[at("requests.1.total")], "1");
        assert_eq!(fields[at("requests.3.6.1.total")], "", "a 2021 row in a 2019 report is empty");
        assert_eq!(fields[at("active.regulations.made")], "0");
    }
}
