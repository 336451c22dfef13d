//! `value.blank`: cells written as / - — 无 or left empty (absent from the
//! output, not 0), one diagnostic a row, or one for a table left wholly
//! blank.

use super::{column_label, place, related_cell, row_name, Document, Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::tables::model::{CellState, Placement, RowIssue};
use crate::template::EMPTY_CELL;

pub const RULE: Rule = Rule {
    code: "value.blank",
    severity: Severity::Warning,
    group: RuleGroup::National,
    title: "单元格留空或填写“/”“-”“—”“无”",
    doc: RuleDoc {
        what: "表格中的每一格都应填写数字，没有发生的填0。每行留空的格合并为一条提示，列出留空的列；整张表各行都未填写数字时（未填的模板），只对该表提示一条。",
        why: "“/”“-”“—”“无”或空白既可能表示0，也可能表示漏填；本工具不把它当作0，该格按“未给出”处理。\
核对勾稽关系时留空按0计。原文（如PDF提取的文字）未标出空格位置时，数字的位置按表格的勾稽关系确定，必要时按“法人或其他组织各列通常为空”推定，并在提示中说明。",
        example: "表三“一、本年新收”行只有自然人和总计两格有数字，其余五列留空。",
        basis: "国务院办公厅政府信息公开工作年度报告格式。",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    for id in crate::template::TableId::ALL {
        let table = doc.table(id);
        if let Some(d) = wholly_blank(id, table) {
            out.push(d);
            continue;
        }
        for row in &table.rows {
            let blank: Vec<&crate::tables::model::Cell> =
                row.cells.iter().filter(|c| c.state == CellState::Blank).collect();
            let Some(first) = blank.first() else { continue };
            let (empty, marked): (Vec<&crate::tables::model::Cell>, Vec<&crate::tables::model::Cell>) =
                blank.iter().copied().partition(|c| c.raw.is_empty() || c.raw.as_str() == EMPTY_CELL);
            let mut parts = Vec::new();
            if empty.len() == row.cells.len() && row.cells.len() > 1 {
                parts.push("各列均留空".to_string());
            } else if !empty.is_empty() {
                let names: Vec<&str> = empty.iter().map(|c| column_label(row, c.column)).collect();
                parts.push(format!("{}列留空", names.join("、")));
            }
            // Cells written alike, named together.
            let mut marks: Vec<(&str, Vec<&str>)> = Vec::new();
            for c in &marked {
                match marks.iter_mut().find(|m| m.0 == c.raw.as_str()) {
                    Some(m) => m.1.push(column_label(row, c.column)),
                    None => marks.push((c.raw.as_str(), vec![column_label(row, c.column)])),
                }
            }
            for (written, names) in &marks {
                parts.push(format!("{}列填写为“{}”", names.join("、"), written));
            }
            let placed = row.issues.iter().find_map(|i| match i {
                RowIssue::Placed { how } => Some(*how),
                _ => None,
            });
            let note = match placed {
                Some(Placement::Layout) => "",
                Some(Placement::Arithmetic) => "；原文未标出哪些格留空，数字所在的列由表格勾稽关系确定",
                Some(Placement::Usual) => {
                    "；原文未标出哪些格留空，数字所在的列按“法人或其他组织各列通常为空”推定，请核对原表"
                }
                None => "",
            };
            out.push(
                RULE.diag(format!("{}行{}，未按数字计（没有发生请填0）{}", row_name(id, row), parts.join("，"), note))
                    .line(first.line.or(row.line))
                    .at(id, Some(row.key), Some(first.column))
                    .span(first.span)
                    .related(if blank.len() > 1 {
                        blank.iter().map(|c| related_cell(row, c.column, column_label(row, c.column))).collect()
                    } else {
                        Vec::new()
                    }),
            );
        }
    }
}

/// A table whose every row found leaves every cell blank (a template not
/// filled in): one diagnostic for the table, not one a row.
fn wholly_blank(id: crate::template::TableId, table: &crate::tables::model::Table) -> Option<Diagnostic> {
    let found: Vec<&crate::tables::model::Row> = table.rows.iter().filter(|r| r.found).collect();
    let all_blank = |r: &&crate::tables::model::Row| r.cells.iter().all(|c| c.state == CellState::Blank);
    if found.len() < 2 || !found.iter().all(all_blank) {
        return None;
    }
    let first = found[0];
    Some(
        RULE.diag(format!(
            "{}各行（共{}行）各列均未填写数字（留空或填写“/”“-”等），未按数字计（没有发生请填0）",
            place(id, None),
            found.len()
        ))
        .line(first.cells.first().and_then(|c| c.line).or(first.line))
        .at(id, None, None),
    )
}

#[cfg(test)]
mod tests {
    use crate::template::keys::active as a;
    use crate::template::{v2019::V2019, v2021::V2021, TableId};
    use crate::testing::*;

    #[test]
    fn a_slash_is_absent_not_zero() {
        for v in [&V2019, &V2021] {
            let fees = v.active.find(a::FEES).unwrap().0.columns[0].key;
            let r = Sample::new(v).cell(TableId::Active, a::FEES, fees, "/").check();
            let d = with_code(&r, "value.blank");
            assert_eq!(d.len(), 1, "{:?}", r.diagnostics);
            assert!(d[0].message.contains("表二「行政事业性收费」行"), "{}", d[0].message);
            let json = serde_json::to_value(&r).unwrap();
            assert!(json["active"]["fees"].get(fees.as_str()).is_none());
        }
    }

    #[test]
    fn an_empty_table_cell_is_said_to_be_empty() {
        let fees = V2021.active.find(a::FEES).unwrap().0.columns[0].key;
        let r = Sample::new(&V2021).cell(TableId::Active, a::FEES, fees, crate::template::EMPTY_CELL).check();
        let d = with_code(&r, "value.blank");
        assert_eq!(d.len(), 1, "{:?}", r.diagnostics);
        assert!(d[0].message.contains("列留空"), "{}", d[0].message);
    }

    #[test]
    fn a_table_not_filled_in_is_one_diagnostic_not_one_a_row() {
        for v in [&V2019, &V2021] {
            let mut sample = Sample::new(v);
            for row in v.requests.rows {
                for column in v.requests.columns {
                    sample = sample.cell(TableId::Requests, row.key, column.key, crate::template::EMPTY_CELL);
                }
            }
            let r = sample.check();
            let d = with_code(&r, "value.blank");
            assert_eq!(d.len(), 1, "{:?}", d);
            assert!(d[0].message.starts_with("表三各行"), "{}", d[0].message);
            assert!(d[0].row.is_none() && d[0].line.is_some(), "{:?}", d[0]);
            // One row given a number: each blank row said on its own.
            let first = v.requests.rows[0].key;
            let r = sample.cell(TableId::Requests, first, v.requests.columns[0].key, "1").check();
            assert!(with_code(&r, "value.blank").len() > 1);
        }
    }
}
