//! The tables as CSV: one line a cell, with its row and column labels.

use crate::template::TableId;
use crate::Report;
use std::fmt::Write;

pub fn tables(report: &Report) -> String {
    let mut out = String::from("table,row,row_label,column,column_label,value,line\n");
    for id in TableId::ALL {
        for row in &report.table(id).rows {
            let label = row.printed();
            for (cell, col) in row.cells.iter().zip(row.columns) {
                let value = cell.value.map(|v| v.to_string()).unwrap_or_default();
                let line = cell.line.map(|l| l.to_string()).unwrap_or_default();
                let _ = writeln!(
                    out,
                    "{},{},{},{},{},{},{}",
                    id.key(),
                    row.key,
                    quote(&label),
                    col.key,
                    quote(col.label),
                    value,
                    line
                );
            }
        }
    }
    out
}

/// A CSV field: quoted when it holds a comma, a quote or a line break.
pub fn quote(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn labels_with_commas_are_quoted() {
        assert_eq!(super::quote("a,b"), "\"a,b\"");
        assert_eq!(super::quote("ab"), "ab");
    }
}
