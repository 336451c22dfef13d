//! The report as text: `file:line: severity code message`, then the tables.

use crate::tables::model::Table;
use crate::template::TableId;
use crate::Report;
use std::fmt::Write;

/// Diagnostics, one a line, as compilers print them.
pub fn diagnostics(report: &Report, name: &str) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let line = d.line.map(|l| format!("{l}:")).unwrap_or_default();
        let _ = writeln!(out, "{name}:{line} {} {} {}", d.severity.as_str(), d.code, d.message);
    }
    out
}

/// A one-line summary: agency, year, template, verdict.
pub fn summary(report: &Report) -> String {
    format!(
        "{}　{}年度　模板：{}　结论：{}",
        report.agency.as_deref().unwrap_or("（未识别机关）"),
        report.year.map_or("?".to_string(), |y| y.to_string()),
        report.template.map_or("未识别", |t| t.as_str()),
        report.verdict()
    )
}

/// The three tables, compactly: one row a line, `·` for an absent cell.
pub fn tables(report: &Report) -> String {
    let mut out = String::new();
    for id in TableId::ALL {
        let t = report.table(id);
        let version = t.version.map(|v| format!("（{}年版）", v.name())).unwrap_or_default();
        let _ = writeln!(out, "{}{}", id.name(), version);
        if !t.found {
            let _ = writeln!(out, "  （未找到）");
            continue;
        }
        write_table(&mut out, id, t);
    }
    out
}

fn write_table(out: &mut String, id: TableId, t: &Table) {
    for row in &t.rows {
        let label = match id {
            TableId::Requests => super::request_row_label(row.key),
            _ => row.label.to_string(),
        };
        let values: Vec<String> = row
            .cells
            .iter()
            .map(|c| match c.value {
                Some(v) => v.to_string(),
                None => "·".to_string(),
            })
            .collect();
        let mark = if row.found { "" } else { "  （未找到）" };
        let label: String = label.chars().take(18).collect();
        let _ = writeln!(out, "  {:<8} {}  {}{}", row.key, label, values.join(" "), mark);
    }
}

/// Everything the CLI prints for one report.
pub fn full(report: &Report, name: &str) -> String {
    format!("{}{}\n{}", diagnostics(report, name), summary(report), tables(report))
}
