//! `requests.row_total`: in every row of table 三, 总计 = the six applicant columns.

use super::{ints, related_cell, row_name, Document, Rule};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::{TableId, REQUEST_COLUMNS};

pub const RULE: Rule = Rule {
    code: "requests.row_total",
    severity: Severity::Error,
    title: "表三每一行：总计 = 自然人 + 五类法人或其他组织",
    doc: "检查内容：表三每一行的“总计”，应等于“自然人”与“商业企业、科研机构、社会公益组织、法律服务机构、其他”五列之和。\n\
为什么：总计列是按申请人类型分列数字的合计，合计不符说明某一格填错。\n\
示例：“一、本年新收”行 自然人=3、商业企业=1、其余为0，总计却填5：3+1=4≠5。\n\
依据：年报格式表三“申请人情况”的列结构：总计为各类申请人之和。",
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    let t = &doc.tables.requests;
    for row in t.rows.iter().filter(|r| r.found) {
        let parts: Option<[i64; 6]> = ints(row, &REQUEST_COLUMNS[..6]);
        let (Some(parts), Some(total)) = (parts, row.int("total")) else { continue };
        let sum: i64 = parts.iter().sum();
        if sum != total {
            let shown: Vec<String> = parts.iter().map(i64::to_string).collect();
            out.push(
                RULE.diag(format!(
                    "{}行：总计为{}，但六类申请人之和为{}={}",
                    row_name(TableId::Requests, row),
                    total,
                    shown.join("+"),
                    sum
                ))
                .line(row.line)
                .at(TableId::Requests, Some(row.key), Some("total"))
                .span(row.cell("total").and_then(|c| c.span))
                .related(REQUEST_COLUMNS.iter().map(|c| related_cell(row, c.key, c.label)).collect()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::*;

    #[test]
    fn a_row_whose_total_is_off() {
        let text = report_2021(
            &[("1", [3, 1, 0, 0, 0, 0, 5]), ("3.1", [4, 0, 0, 0, 0, 0, 4]), ("3.7", [4, 0, 0, 0, 0, 0, 4])],
            [0; 15],
            "",
        );
        let r = check_text(&text);
        let d: Vec<_> = r.diagnostics.iter().filter(|d| d.code == "requests.row_total").collect();
        assert_eq!(d.len(), 1, "{:?}", r.diagnostics);
        assert!(d[0].message.contains("总计为5，但六类申请人之和为3+1+0+0+0+0=4"), "{}", d[0].message);
        assert_eq!(d[0].row.as_deref(), Some("1"));
    }
}
