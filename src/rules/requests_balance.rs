//! `requests.balance`: 一 + 二 = （七）总计 + 四, in every column of table 三.

use super::{column_label, related_cell, Document, Rule};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::{TableId, REQUEST_COLUMNS};

pub const RULE: Rule = Rule {
    code: "requests.balance",
    severity: Severity::Error,
    title: "表三每一列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度",
    doc: "检查内容：表三的每一列，“一、本年新收”加“二、上年结转”，应等于“（七）总计”加“四、结转下年度继续办理”。\n\
为什么：收到的申请要么办结，要么结转下年，不会凭空多出或消失；两边不等，说明有数字填错或漏填。\n\
示例：自然人列 一=5、二=1，（七）总计=4、四=1：5+1=6，4+1=5，不相等。\n\
依据：2021年版年报格式表三表头注明：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”。",
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    let t = &doc.tables.requests;
    let (Some(new), Some(carried), Some(total), Some(next)) = (t.row("1"), t.row("2"), t.row("3.7"), t.row("4")) else {
        return;
    };
    for (i, col) in REQUEST_COLUMNS.iter().enumerate() {
        let (Some(a), Some(b), Some(c), Some(d)) =
            (new.int(col.key), carried.int(col.key), total.int(col.key), next.int(col.key))
        else {
            continue;
        };
        if a + b != c + d {
            out.push(
                RULE.diag(format!(
                    "表三第{}列（{}）：一+二={}+{}={}，（七）总计+四={}+{}={}，两者应相等",
                    i + 1,
                    column_label(total, col.key),
                    a,
                    b,
                    a + b,
                    c,
                    d,
                    c + d
                ))
                .line(total.line.or(new.line))
                .at(TableId::Requests, Some("3.7"), Some(col.key))
                .span(total.cell(col.key).and_then(|c| c.span))
                .related(vec![
                    related_cell(new, col.key, "一、本年新收"),
                    related_cell(carried, col.key, "二、上年结转"),
                    related_cell(total, col.key, "（七）总计"),
                    related_cell(next, col.key, "四、结转下年度继续办理"),
                ]),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::*;

    #[test]
    fn balanced_columns_pass_and_broken_ones_are_named() {
        let ok = report_2021(
            &[
                ("1", [5, 0, 0, 0, 0, 0, 5]),
                ("2", [1, 0, 0, 0, 0, 0, 1]),
                ("3.1", [4, 0, 0, 0, 0, 0, 4]),
                ("3.7", [4, 0, 0, 0, 0, 0, 4]),
                ("4", [2, 0, 0, 0, 0, 0, 2]),
            ],
            [0; 15],
            "",
        );
        assert!(!codes(&check_text(&ok)).contains(&"requests.balance"));
        let bad =
            ok.replace("四、结转下年度继续办理\t2\t0\t0\t0\t0\t0\t2", "四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1");
        let r = check_text(&bad);
        let d: Vec<_> = r.diagnostics.iter().filter(|d| d.code == "requests.balance").collect();
        assert_eq!(d.len(), 2, "{:?}", r.diagnostics);
        assert!(d[0].message.contains("第1列（自然人）：一+二=5+1=6，（七）总计+四=4+1=5"), "{}", d[0].message);
        assert_eq!(d[0].column.as_deref(), Some("natural_person"));
        assert!(d[0].line.is_some());
    }
}
