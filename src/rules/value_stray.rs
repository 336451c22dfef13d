//! `value.stray_number`: numbers before a row's label on its line, dropped.

use super::{place, Document, Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::tables::model::RowIssue;

pub const RULE: Rule = Rule {
    code: "value.stray_number",
    severity: Severity::Info,
    group: RuleGroup::National,
    title: "忽略了行名前多余的数字",
    doc: RuleDoc {
        what: "某行数字多于模板列数，而多出的数字位于下一行行名之前（同一行中），多为PDF转换或识别时混入的页码、行号。",
        why: "这些数字不属于任何单元格；忽略后该行数字个数恰好符合模板，本工具采用其余数字，并提示核对。",
        example: "“710  3. 补正后申请内容仍不明确 0 0 0 0 0 0 0”中的710。",
        basis: "国务院办公厅政府信息公开工作年度报告格式中各表的列结构。",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    for (id, row, issue) in doc.issues() {
        if let RowIssue::StrayNumbers { values, line, span } = issue {
            out.push(
                RULE.diag(format!(
                    "{}之后、下一行行名之前有多余的数字“{}”，已忽略，请核对原表",
                    place(id, row),
                    values.join(" ")
                ))
                .line(*line)
                .span(*span)
                .at(id, row.map(|r| r.key), None),
            );
        }
    }
}
