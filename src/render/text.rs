//! The report as text: `file:line: severity code message`, then the tables.

use crate::tables::model::Table;
use crate::template::TableId;
use crate::Report;
use std::fmt::Write;

/// Diagnostics, one a line, as compilers print them with `--format
/// concise` (the app's list of problems, the CLI's concise format).
pub fn diagnostics(report: &Report, name: &str) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let line = d.line.map(|l| format!("{l}:")).unwrap_or_default();
        let _ = writeln!(out, "{name}:{line} {} {} {}", d.severity.as_str(), d.code, d.message);
    }
    out
}

/// The diagnostic's suggestion in words ([`crate::suggest::advice`]), as
/// compilers print a help line.
fn suggestion(out: &mut String, report: &Report, d: &crate::Diagnostic, indent: &str) {
    if let Some(advice) = crate::suggest::advice(report, d) {
        let _ = writeln!(out, "{indent}= {advice}");
    }
}

/// Diagnostics as compilers print them, each with the line of the input it
/// is about and, where it points at a cell, the cell underlined:
///
/// ```text
/// report.txt:53: error table.value_count 表三「（一）予以公开」行应有7个数字，实际有6个：0 0 0 0 0 0
///    53 | （一）予以公开 0 0 0 0 0 0
///       = 建议：按该行和各列的等式，缺的是…
/// ```
pub fn annotated(report: &Report, name: &str, input: &str) -> String {
    let lines: Vec<(usize, &str)> = line_starts(input);
    let mut out = String::new();
    for d in &report.diagnostics {
        let at = d.line.map(|l| format!("{l}:")).unwrap_or_default();
        let _ = writeln!(out, "{name}:{at} {} {} {}", d.severity.as_str(), d.code, d.message);
        let Some((start, text)) = d.line.and_then(|l| lines.get(l.wrapping_sub(1))).copied() else {
            suggestion(&mut out, report, d, "  ");
            continue;
        };
        let text = text.trim_end_matches('\r');
        let shown: String = text.chars().map(|c| if c == '\t' { ' ' } else { c }).take(MAX_SHOWN).collect();
        let _ = writeln!(out, "{:>6} | {}", d.line.unwrap_or(0), shown.trim_end());
        if let Some(span) = d.span.filter(|s| s.start >= start && s.end <= start + text.len() && s.end > s.start) {
            let before = display_width(&text[..span.start - start]);
            let width = display_width(&text[span.start - start..span.end - start]).max(1);
            if before + width <= display_width(&shown) {
                let _ = writeln!(out, "{:>6} | {}{}", "", " ".repeat(before), "^".repeat(width));
            }
        }
        suggestion(&mut out, report, d, "       ");
    }
    out
}

/// A line shown is cut at this many characters.
const MAX_SHOWN: usize = 120;

/// Each line of the input with its byte offset.
fn line_starts(input: &str) -> Vec<(usize, &str)> {
    let mut at = 0;
    input
        .split('\n')
        .map(|l| {
            let here = at;
            at += l.len() + 1;
            (here, l)
        })
        .collect()
}

/// Columns a terminal gives the text: two for CJK and full-width forms.
fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| match c {
            '\t' => 1,
            '\u{1100}'..='\u{115f}'
            | '\u{2e80}'..='\u{a4cf}'
            | '\u{ac00}'..='\u{d7a3}'
            | '\u{f900}'..='\u{faff}'
            | '\u{fe30}'..='\u{fe4f}'
            | '\u{ff00}'..='\u{ff60}'
            | '\u{ffe0}'..='\u{ffe6}' => 2,
            c if c.is_control() => 0,
            _ => 1,
        })
        .sum()
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
        let version = t.version.map(|v| format!("（{}年版）", v.name)).unwrap_or_default();
        let _ = writeln!(out, "{}{}", id.name(), version);
        if !t.found {
            let _ = writeln!(out, "  （未找到）");
            continue;
        }
        write_table(&mut out, t);
    }
    out
}

fn write_table(out: &mut String, t: &Table) {
    for row in &t.rows {
        let label = row.printed();
        let values: Vec<String> = row
            .cells
            .iter()
            .map(|c| match c.value {
                Some(v) => v.to_string(),
                None => "·".to_string(),
            })
            .collect();
        let mark = if row.found { "" } else { "  （未找到）" };
        let _ = writeln!(out, "  {:<8} {}  {}{}", row.key.as_str(), label, values.join(" "), mark);
    }
}

/// Everything the CLI prints for one report.
pub fn full(report: &Report, name: &str) -> String {
    format!("{}{}\n{}", diagnostics(report, name), summary(report), tables(report))
}
