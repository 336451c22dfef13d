//! `value.blank`: a cell written as / - — or left empty (absent from the output, not 0).

use super::{column_label, row_name, Document, Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::tables::model::CellState;
use crate::template::EMPTY_CELL;

pub const RULE: Rule = Rule {
    code: "value.blank",
    severity: Severity::Warning,
    group: RuleGroup::National,
    title: "单元格留空或填写“/”“-”“—”",
    doc: RuleDoc {
        what: "表格中的每一格都应填写数字，没有发生的填0。",
        why: "“/”“-”“—”或空白既可能表示0，也可能表示漏填；本工具不把它当作0，该格按“未给出”处理。",
        example: "表二“行政事业性收费”行填“/”。",
        basis: "国务院办公厅政府信息公开工作年度报告格式。",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    for (id, row, cell) in doc.cells().filter(|(_, _, c)| c.state == CellState::Blank) {
        // An empty cell of a real table (HTML, Word) is written EMPTY_CELL.
        let written =
            if cell.raw.as_str() == EMPTY_CELL { "留空".to_string() } else { format!("填写为“{}”", cell.raw) };
        out.push(
            RULE.diag(format!(
                "{}行{}列{}，未按数字计（没有发生请填0）",
                row_name(id, row),
                column_label(row, cell.column),
                written
            ))
            .line(cell.line.or(row.line))
            .at(id, Some(row.key), Some(cell.column))
            .span(cell.span),
        );
    }
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
}
