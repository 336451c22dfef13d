//! `value.invalid`: a count that is negative, fractional, too large or not a number.

use super::{column_label, row_name, Document, Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::tables::model::CellState;

pub const RULE: Rule = Rule {
    code: "value.invalid",
    severity: Severity::Error,
    group: RuleGroup::National,
    title: "数值无效：负数、小数或过大的件数",
    doc: RuleDoc {
        what: "表二、表三、表四中的件数、项数应为不小于0的整数：只有金额（2021年版“本年收费金额”、2019年版“采购总金额”）可有小数，只有2019年版表二的“本年增/减”可为负数。",
        why: "申请件数不可能是负数或小数；这类数字多为录入错误或格式转换造成。",
        example: "表三“（一）予以公开”自然人列填“1.5”。",
        basis: "国务院办公厅政府信息公开工作年度报告格式中各栏的统计口径。",
    },
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
    use crate::template::keys::requests as q;
    use crate::template::{v2019::V2019, v2021::V2021, TableId};
    use crate::testing::*;

    #[test]
    fn table_two_too() {
        use crate::template::keys::active as a;
        for v in [&V2019, &V2021] {
            let (documents, change_ok) = if v.name == "2019" { (a::MADE, true) } else { (a::ISSUED, false) };
            let r = Sample::new(v)
                .cell(TableId::Active, a::REGULATIONS, documents, "-1")
                .cell(TableId::Active, a::LICENSING, a::DECISIONS, "1.5")
                .check();
            let d = with_code(&r, "value.invalid");
            assert_eq!(d.len(), 2, "{:?}", r.diagnostics);
            assert!(
                d[0].message.starts_with("表二「规章」行") && d[0].message.ends_with("的值“-1”是负数"),
                "{}",
                d[0].message
            );
            assert!(d[1].message.ends_with("的值“1.5”不是整数"), "{}", d[1].message);
            // Money may have decimals; only 2019's 本年增/减 may be negative.
            let fine = if change_ok {
                Sample::new(v).cell(TableId::Active, a::FEES, a::CHANGE, "-3").cell(
                    TableId::Active,
                    a::PROCUREMENT,
                    a::AMOUNT_YUAN,
                    "251000.5",
                )
            } else {
                Sample::new(v).cell(TableId::Active, a::FEES, a::AMOUNT_YUAN, "12.34")
            };
            let r = fine.check();
            assert!(!codes(&r).contains(&"value.invalid"), "{:?}", r.diagnostics);
        }
    }

    #[test]
    fn negative_and_fractional_counts() {
        for v in [&V2019, &V2021] {
            let r = Sample::new(v)
                .cell(TableId::Requests, q::GRANTED, q::NATURAL_PERSON, "1.5")
                .cell(TableId::Requests, q::GRANTED, q::COMMERCIAL, "-2")
                .check();
            let d = with_code(&r, "value.invalid");
            assert_eq!(d.len(), 2, "{:?}", r.diagnostics);
            assert!(d[0].message.contains("“1.5”不是整数"), "{}", d[0].message);
            assert!(d[1].message.contains("“-2”是负数"), "{}", d[1].message);
            assert_eq!(r.requests_row(q::GRANTED).unwrap().get(&q::NATURAL_PERSON), None);
        }
    }
}
