//! `requests.balance`: 一 + 二 = （七）总计 + 四, in every column of table 三.

use super::{broken_sums, column_label, related_cell, Document, Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::TableId;

pub const RULE: Rule = Rule {
    code: "requests.balance",
    severity: Severity::Error,
    group: RuleGroup::National,
    title: "表三每一列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度",
    doc: RuleDoc {
        what: "表三的每一列，“一、本年新收”加“二、上年结转”，应等于“（七）总计”加“四、结转下年度继续办理”。",
        why: "收到的申请要么办结，要么结转下年，不会凭空多出或消失；两边不等，说明有数字填错或漏填。",
        example: "自然人列 一=5、二=1，（七）总计=4、四=1：5+1=6，4+1=5，不相等。",
        basis: "2021年版年报格式表三表头注明：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”。",
    },
    check,
};

/// How the message names the four rows of the balance, in its order
/// (一、二 on the left, （七）、四 on the right).
const SIDES: [&str; 4] = ["一、本年新收", "二、上年结转", "（七）总计", "四、结转下年度继续办理"];

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(grid) = doc.grid(TableId::Requests) else { return };
    for b in broken_sums(doc, TableId::Requests, RULE.code) {
        let ([(new, column, a), (_, _, b2)], [(total, _, c), (_, _, d)]) = (&b.left[..], &b.right[..]) else {
            continue;
        };
        let i = grid.columns.iter().position(|k| k.key == *column).unwrap_or(0);
        out.push(
            RULE.diag(format!(
                "表三第{}列（{}）：一+二={}+{}={}，（七）总计+四={}+{}={}，两者应相等",
                i + 1,
                column_label(total, *column),
                a,
                b2,
                a + b2,
                c,
                d,
                c + d
            ))
            .line(total.line.or(new.line))
            .at(TableId::Requests, Some(total.key), Some(*column))
            .span(total.cell(*column).and_then(|c| c.span))
            .related(
                b.left
                    .iter()
                    .chain(&b.right)
                    .zip(SIDES)
                    .map(|((row, col, _), label)| related_cell(row, *col, label))
                    .collect(),
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::template::keys::requests as q;
    use crate::template::{v2019::V2019, v2021::V2021, TableId};
    use crate::testing::*;

    #[test]
    fn balanced_columns_pass_and_broken_ones_are_named() {
        for v in [&V2019, &V2021] {
            let t = TableId::Requests;
            let ok = Sample::new(v)
                .row(t, q::NEW, &[5, 0, 0, 0, 0, 0, 5])
                .row(t, q::CARRIED_OVER, &[1, 0, 0, 0, 0, 0, 1])
                .row(t, q::GRANTED, &[4, 0, 0, 0, 0, 0, 4])
                .row(t, q::OUTCOME_TOTAL, &[4, 0, 0, 0, 0, 0, 4])
                .row(t, q::CARRIED_FORWARD, &[2, 0, 0, 0, 0, 0, 2]);
            assert!(with_code(&ok.check(), "requests.balance").is_empty());
            let bad = ok.row(t, q::CARRIED_FORWARD, &[1, 0, 0, 0, 0, 0, 1]).check();
            let d = with_code(&bad, "requests.balance");
            assert_eq!(d.len(), 2, "{:?}", bad.diagnostics);
            assert!(d[0].message.contains("第1列（自然人）：一+二=5+1=6，（七）总计+四=4+1=5"), "{}", d[0].message);
            assert_eq!(d[0].column, Some(q::NATURAL_PERSON));
            assert!(d[0].line.is_some());
        }
    }
}
