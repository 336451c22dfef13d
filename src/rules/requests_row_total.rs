//! `requests.row_total`: in every row of table 三, 总计 = the six applicant columns.

use super::{broken_sums, related_cell, row_name, Document, Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::TableId;

pub const RULE: Rule = Rule {
    code: "requests.row_total",
    severity: Severity::Error,
    group: RuleGroup::National,
    title: "表三每一行：总计 = 自然人 + 五类法人或其他组织",
    doc: RuleDoc {
        what: "表三每一行的“总计”，应等于“自然人”与“商业企业、科研机构、社会公益组织、法律服务机构、其他”五列之和。",
        why: "总计列是按申请人类型分列数字的合计，合计不符说明某一格填错。",
        example: "“一、本年新收”行 自然人=3、商业企业=1、其余为0，总计却填5：3+1=4≠5。",
        basis: "年报格式表三“申请人情况”的列结构：总计为各类申请人之和。",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    for b in broken_sums(doc, TableId::Requests, RULE.code) {
        let [(row, total_column, total)] = b.left[..] else { continue };
        let shown: Vec<String> = b.right.iter().map(|c| c.2.to_string()).collect();
        out.push(
            RULE.diag(format!(
                "{}行：总计为{}，但六类申请人之和为{}={}",
                row_name(TableId::Requests, row),
                total,
                shown.join("+"),
                b.right_sum()
            ))
            .line(row.line)
            .at(TableId::Requests, Some(row.key), Some(total_column))
            .span(row.cell(total_column).and_then(|c| c.span))
            .related(row.columns.iter().map(|c| related_cell(row, c.key, c.label)).collect()),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::template::keys::requests as q;
    use crate::template::{v2019::V2019, v2021::V2021, TableId};
    use crate::testing::*;

    #[test]
    fn a_row_whose_total_is_off() {
        for v in [&V2019, &V2021] {
            let t = TableId::Requests;
            let r = Sample::new(v)
                .row(t, q::NEW, &[3, 1, 0, 0, 0, 0, 5])
                .row(t, q::GRANTED, &[4, 0, 0, 0, 0, 0, 4])
                .row(t, q::OUTCOME_TOTAL, &[4, 0, 0, 0, 0, 0, 4])
                .check();
            let d = with_code(&r, "requests.row_total");
            assert_eq!(d.len(), 1, "{:?}", r.diagnostics);
            assert!(d[0].message.contains("总计为5，但六类申请人之和为3+1+0+0+0+0=4"), "{}", d[0].message);
            assert_eq!(d[0].row, Some(q::NEW));
        }
    }
}
