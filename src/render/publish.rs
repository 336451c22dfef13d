//! What an agency publishes: the three tables as the template draws them
//! (merged header cells, group labels), from a report's tables and their
//! [`Layout`] — as a clean HTML `<table>` to paste into a site's CMS, as
//! tab-separated text for a spreadsheet, and (in [`super::docx`]) as a
//! Word file. No styles, no classes: the page or the document that takes
//! them decides how they look.
//!
//! Each reads back, through the checker's own readers, to the same tables
//! (tests/publish.rs).

use crate::report::{BodyRow, Layout, Span};
use crate::tables::model::{CellState, Table, Value};
use crate::tables::Tables;
use crate::template::{Registry, TableId, ValueKind, SECTIONS, UNIT_WAN_YUAN};
use std::fmt::Write;

/// What a cell of the drawn grid holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A header cell or a caption.
    Head,
    /// A row's label, or a group's heading down the rows of its group.
    Label,
    /// A value.
    Value,
}

/// A cell of a table as drawn: where a merged cell starts, or a place a
/// cell from a row above reaches down into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drawn {
    pub text: String,
    pub colspan: usize,
    pub rowspan: usize,
    pub role: Role,
    /// Covered by the cell of a row above (`text` empty): HTML leaves it
    /// out, Word continues the merge (`w:vMerge`), a spreadsheet leaves it
    /// empty.
    pub continued: bool,
}

/// A table's rows as drawn, every grid column accounted for: each row lists
/// its cells left to right, with the places that cells from above reach
/// down into (`continued`).
pub fn drawn(table: &Table, registry: &Registry) -> Vec<Vec<Drawn>> {
    let layout = Layout::of(table, registry);
    let mut rows: Vec<Vec<Drawn>> = Vec::new();
    for head in &layout.head {
        rows.push(head.iter().map(|s| start(s, Role::Head)).collect());
    }
    for row in &layout.body {
        rows.push(match row {
            BodyRow::Caption(s) => vec![start(s, Role::Head)],
            BodyRow::Head(cells) => cells
                .iter()
                .map(|s| Drawn { text: in_published_unit(s.text.clone(), registry), ..start(s, Role::Head) })
                .collect(),
            BodyRow::Values { labels, slots, .. } => {
                let mut cells: Vec<Drawn> = labels.iter().map(|s| start(s, Role::Label)).collect();
                for slot in slots {
                    let row = table.row(slot.row);
                    let kind = row.and_then(|r| r.columns.iter().find(|c| c.key == slot.column)).map(|c| c.kind);
                    let text = match row.and_then(|r| r.cell(slot.column)) {
                        Some(c) => match (c.value, &c.state) {
                            (Some(v), _) => published(v, kind),
                            (None, CellState::Blank | CellState::Invalid { .. }) => c.raw.to_string(),
                            _ => NO_VALUE.to_string(),
                        },
                        None => NO_VALUE.to_string(),
                    };
                    cells.push(Drawn { text, colspan: slot.colspan, rowspan: 1, role: Role::Value, continued: false });
                }
                cells
            }
        });
    }
    // Where a cell spans rows, the rows below get a continuation at its columns.
    let width = layout.width();
    let mut below = vec![(0usize, 0usize); width]; // (rows still covered, colspan) by grid column
    for row in &mut rows {
        let mut out = Vec::with_capacity(row.len());
        let mut cells = std::mem::take(row).into_iter();
        let mut column = 0;
        while column < width {
            let (left, colspan) = below[column];
            if left > 0 {
                below[column].0 -= 1;
                out.push(Drawn { text: String::new(), colspan, rowspan: 1, role: Role::Head, continued: true });
                column += colspan.max(1);
                continue;
            }
            let Some(cell) = cells.next() else { break };
            if cell.rowspan > 1 {
                below[column] = (cell.rowspan - 1, cell.colspan);
            }
            column += cell.colspan.max(1);
            out.push(cell);
        }
        *row = out;
    }
    rows
}

/// How a cell the text gives no value for is written: the template's mark
/// for a cell left blank (an empty cell would vanish from tab-separated text).
const NO_VALUE: &str = "/";

/// A value as the template prints it: money in its column's unit (万元 for
/// 2021's fees), exactly; the tables keep money in 元.
fn published(v: Value, kind: Option<ValueKind>) -> String {
    let Some(ValueKind::Money { default_unit: UNIT_WAN_YUAN }) = kind else { return v.to_string() };
    let shifted = match v {
        Value::Int(units) => Value::Dec { units, scale: 4 },
        Value::Dec { units, scale } => Value::Dec { units, scale: scale + 4 },
    };
    let text = shifted.to_string();
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A money column's heading in the unit its values are published in:
/// `本年收费金额（元）` → `本年收费金额（万元）`.
fn in_published_unit(label: String, registry: &Registry) -> String {
    let wan = registry
        .versions()
        .iter()
        .flat_map(|v| v.active.blocks.iter().flat_map(|b| b.columns.iter()))
        .any(|c| c.label == label && c.kind == (ValueKind::Money { default_unit: UNIT_WAN_YUAN }));
    if wan {
        label.replace("（元）", "（万元）")
    } else {
        label
    }
}

fn start(s: &Span, role: Role) -> Drawn {
    Drawn { text: s.text.clone(), colspan: s.colspan, rowspan: s.rowspan, role, continued: false }
}

/// The section heading the template prints a table under: `三、收到和处理政府信息公开申请情况`.
pub fn heading(id: TableId) -> String {
    let s = &SECTIONS[match id {
        TableId::Active => 1,
        TableId::Requests => 2,
        TableId::Review => 3,
    }];
    format!("{}、{}", s.number, s.title)
}

/// The tables a report found, in order.
fn found(tables: &Tables) -> impl Iterator<Item = &Table> {
    TableId::ALL.into_iter().map(|id| tables.get(id)).filter(|t| t.found && !t.rows.is_empty())
}

/// One table as a clean HTML `<table>`: header cells and labels as `<th>`
/// with their spans, values as `<td>`; every text escaped; no style.
pub fn html_table(table: &Table, registry: &Registry) -> String {
    let mut out = String::from("<table>\n");
    for row in drawn(table, registry) {
        out.push_str("<tr>");
        for cell in row.iter().filter(|c| !c.continued) {
            let tag = if cell.role == Role::Value { "td" } else { "th" };
            let _ = write!(out, "<{tag}");
            if cell.colspan > 1 {
                let _ = write!(out, " colspan=\"{}\"", cell.colspan);
            }
            if cell.rowspan > 1 {
                let _ = write!(out, " rowspan=\"{}\"", cell.rowspan);
            }
            let _ = write!(out, ">{}</{tag}>", super::html::escape(&cell.text));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
    out
}

/// The tables a report found, each under its section heading (`<p>`), as
/// HTML to paste into a page.
pub fn html(tables: &Tables, registry: &Registry) -> String {
    let mut out = String::new();
    for t in found(tables) {
        let _ = writeln!(out, "<p>{}</p>", super::html::escape(&heading(t.id)));
        out.push_str(&html_table(t, registry));
    }
    out
}

/// One table as tab-separated text, one grid row a line: a merged cell's
/// text in its first place, the places it covers empty (a spreadsheet
/// pastes it into the same grid).
pub fn tsv_table(table: &Table, registry: &Registry) -> String {
    let mut out = String::new();
    for row in drawn(table, registry) {
        let mut first = true;
        for cell in &row {
            for i in 0..cell.colspan.max(1) {
                if !first {
                    out.push('\t');
                }
                first = false;
                if i == 0 {
                    // A tab or line break inside a cell would split it.
                    out.push_str(&cell.text.replace(['\t', '\n', '\r'], " "));
                }
            }
        }
        out.push('\n');
    }
    out
}

/// The tables a report found, each under its section heading, as
/// tab-separated text.
pub fn tsv(tables: &Tables, registry: &Registry) -> String {
    let mut out = String::new();
    for t in found(tables) {
        let _ = writeln!(out, "{}", heading(t.id));
        out.push_str(&tsv_table(t, registry));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Sample;

    #[test]
    fn every_row_covers_the_width() {
        for v in [&crate::template::v2019::V2019, &crate::template::v2021::V2021] {
            let r = Sample::new(v).check();
            for id in TableId::ALL {
                let width = r.layout(id).width();
                for (i, row) in drawn(r.table(id), r.registry).iter().enumerate() {
                    let covered: usize = row.iter().map(|c| c.colspan).sum();
                    assert_eq!(covered, width, "{} {id:?} row {i}: {row:?}", v.name);
                }
            }
        }
    }

    #[test]
    fn table_three_continues_its_corner_and_group_labels() {
        let r = Sample::new(&crate::template::v2021::V2021).check();
        let rows = drawn(&r.tables.requests, r.registry);
        // The corner spans three header rows; the second and third continue it.
        assert_eq!((rows[0][0].colspan, rows[0][0].rowspan), (3, 3));
        assert!(rows[1][0].continued && rows[2][0].continued && rows[2][0].colspan == 3);
        // 三、本年度办理结果 starts at （一）and is continued on every outcome row after it.
        let outcome = rows.iter().position(|r| r[0].text == "三、本年度办理结果").unwrap();
        assert!(rows[outcome + 1][0].continued);
        let html = html_table(&r.tables.requests, r.registry);
        let outcomes = r.tables.requests.rows.iter().filter(|r| r.key.is_under("3")).count();
        assert!(html.contains(&format!("<th rowspan=\"{outcomes}\">三、本年度办理结果</th>")), "{html}");
        assert!(!html.contains("style") && !html.contains("class"));
        let tsv = tsv_table(&r.tables.requests, r.registry);
        assert!(tsv.lines().all(|l| l.split('\t').count() == 10), "{tsv}");
    }
}
