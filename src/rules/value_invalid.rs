//! `value.invalid`: a count that is negative, fractional, too large or not a number.

use super::{column_label, row_name, Document, Rule};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::tables::model::CellState;

pub const RULE: Rule = Rule {
    code: "value.invalid",
    severity: Severity::Error,
    title: "数值无效：负数、小数或过大的件数",
    doc: "检查内容：件数、项数应为不小于0的整数（“本年增/减”可为负数，金额可有小数）。\n\
为什么：申请件数不可能是负数或小数；这类数字多为录入错误或格式转换造成。\n\
示例：表三“（一）予以公开”自然人列填“1.5”。\n\
依据：国务院办公厅政府信息公开工作年度报告格式中各栏的统计口径。",
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    for (id, row, cell) in doc.cells() {
        if let CellState::Invalid { reason } = &cell.state {
            out.push(
                RULE.diag(format!(
                    "{}行{}列的值“{}”{}",
                    row_name(id, row),
                    column_label(row, cell.column),
                    cell.raw,
                    reason
                ))
                .line(cell.line.or(row.line))
                .at(id, Some(row.key), Some(cell.column))
                .span(cell.span),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::*;

    #[test]
    fn negative_and_fractional_counts() {
        let text = report_2021(&[], [0; 15], "").replace("（一）予以公开\t0\t0", "（一）予以公开\t1.5\t-2");
        let r = check_text(&text);
        let d: Vec<_> = r.diagnostics.iter().filter(|d| d.code == "value.invalid").collect();
        assert_eq!(d.len(), 2, "{:?}", r.diagnostics);
        assert!(d[0].message.contains("“1.5”不是整数"), "{}", d[0].message);
        assert!(d[1].message.contains("“-2”是负数"), "{}", d[1].message);
        assert_eq!(r.requests_row("3.1").unwrap().get("natural_person"), None);
    }
}
