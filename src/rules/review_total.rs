//! `review.total`: in table 四, each 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

use super::{broken_sums, column_label, related_cell, Document, Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::TableId;

pub const RULE: Rule = Rule {
    code: "review.total",
    severity: Severity::Error,
    group: RuleGroup::National,
    title: "表四：每组总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
    doc: RuleDoc {
        what: "表四的行政复议、未经复议直接起诉、复议后起诉三组，每组“总计”应等于前四项之和。",
        why: "每件复议或诉讼案件必属四种结果之一，总计不符说明有数字填错。",
        example: "行政复议 结果维持=10、结果纠正=1，总计却填0：10+1+0+0=11≠0。",
        basis: "年报格式表四的列结构。",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    for b in broken_sums(doc, TableId::Review, RULE.code) {
        let [(row, total_column, total)] = b.left[..] else { continue };
        let names: Vec<&str> = b.right.iter().map(|c| column_label(row, c.1)).collect();
        let values: Vec<String> = b.right.iter().map(|c| c.2.to_string()).collect();
        out.push(
            RULE.diag(format!(
                "表四「{}」：总计为{}，但{}={}={}",
                row.label,
                total,
                names.join("+"),
                values.join("+"),
                b.right_sum()
            ))
            .line(row.line)
            .at(TableId::Review, Some(row.key), Some(total_column))
            .span(row.cell(total_column).and_then(|c| c.span))
            .related(row.columns.iter().map(|c| related_cell(row, c.key, c.label)).collect()),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::template::keys::review as r;
    use crate::template::{v2019::V2019, v2021::V2021};
    use crate::testing::*;

    #[test]
    fn group_totals() {
        for v in [&V2019, &V2021] {
            let ok = Sample::new(v).review([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            assert!(with_code(&ok.check(), "review.total").is_empty());
            let bad = Sample::new(v).review([10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0]).check();
            let d = with_code(&bad, "review.total");
            assert_eq!(d.len(), 2, "{:?}", bad.diagnostics);
            assert_eq!(d[0].row, Some(r::REVIEW));
            assert_eq!(d[1].row, Some(r::LITIGATION_AFTER_REVIEW));
            assert!(d[0].message.contains("总计为0，但结果维持+结果纠正+其他结果+尚未审结=10+1+0+0=11"));
        }
    }
}
