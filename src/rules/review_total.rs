//! `review.total`: in table 四, each 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

use super::{ints, related_cell, Document, Rule};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::{TableId, REVIEW_COLUMNS};

pub const RULE: Rule = Rule {
    code: "review.total",
    severity: Severity::Error,
    title: "表四：每组总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
    doc: "检查内容：表四的行政复议、未经复议直接起诉、复议后起诉三组，每组“总计”应等于前四项之和。\n\
为什么：每件复议或诉讼案件必属四种结果之一，总计不符说明有数字填错。\n\
示例：行政复议 结果维持=10、结果纠正=1，总计却填0：10+1+0+0=11≠0。\n\
依据：年报格式表四的列结构。",
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    for row in doc.tables.review.rows.iter().filter(|r| r.found) {
        let parts: Option<[i64; 4]> = ints(row, &REVIEW_COLUMNS[..4]);
        let (Some(parts), Some(total)) = (parts, row.int("total")) else { continue };
        let sum: i64 = parts.iter().sum();
        if sum != total {
            out.push(
                RULE.diag(format!(
                    "表四「{}」：总计为{}，但结果维持+结果纠正+其他结果+尚未审结={}+{}+{}+{}={}",
                    row.label, total, parts[0], parts[1], parts[2], parts[3], sum
                ))
                .line(row.line)
                .at(TableId::Review, Some(row.key), Some("total"))
                .span(row.cell("total").and_then(|c| c.span))
                .related(REVIEW_COLUMNS.iter().map(|c| related_cell(row, c.key, c.label)).collect()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::*;

    #[test]
    fn group_totals() {
        let ok = report_2021(&[], [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "");
        assert!(!codes(&check_text(&ok)).contains(&"review.total"));
        let bad = report_2021(&[], [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0], "");
        let r = check_text(&bad);
        let d: Vec<_> = r.diagnostics.iter().filter(|d| d.code == "review.total").collect();
        assert_eq!(d.len(), 2, "{:?}", r.diagnostics);
        assert_eq!(d[0].row.as_deref(), Some("review"));
        assert_eq!(d[1].row.as_deref(), Some("litigation_after_review"));
        assert!(d[0].message.contains("总计为0，但结果维持+结果纠正+其他结果+尚未审结=10+1+0+0=11"));
    }
}
