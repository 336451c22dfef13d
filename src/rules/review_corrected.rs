//! `review.corrected`: 表四 has cases 结果纠正: how many, and the rate.

use super::{column_label, Document, Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::keys::review as r;
use crate::template::TableId;

pub const RULE: Rule = Rule {
    code: "review.corrected",
    severity: Severity::Info,
    group: RuleGroup::Local,
    title: "表四有结果纠正的复议、诉讼案件",
    doc: RuleDoc {
        what: "表四某一组（行政复议、未经复议直接起诉、复议后起诉）“结果纠正”大于0时，列出件数和纠正率：纠正 ÷（维持 + 纠正 + 其他结果），即已审结案件中被纠正的比例。",
        why: "被纠正的案件说明政府信息公开工作存在违法或不当之处；不少地方的考核按纠正件数或纠正率扣分，年报审核时需重点说明。",
        example: "表四行政复议：结果维持5件、结果纠正2件、其他结果1件，纠正率为25.0%。",
        basis: "地方政府信息公开工作考核与评估细则（行政复议、行政诉讼被纠错情况）；国务院办公厅政府信息公开工作年度报告格式表四。",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    for row in &doc.tables.review.rows {
        let Some(corrected) = row.int(r::CORRECTED).filter(|&n| n > 0) else { continue };
        let (upheld, other) = (row.int(r::UPHELD).unwrap_or(0), row.int(r::OTHER).unwrap_or(0));
        let decided = upheld + corrected + other;
        // Per thousand, rounded half up: 2/8 → 250 (25.0%).
        let rate = (corrected * 1000 * 2 + decided) / (2 * decided);
        let cell = row.cell(r::CORRECTED);
        out.push(
            RULE.diag(format!(
                "表四「{}」{}{corrected}件，纠正率为{corrected}/({upheld}+{corrected}+{other})={}.{}%（已审结案件中被纠正的比例）",
                row.label,
                column_label(row, r::CORRECTED),
                rate / 10,
                rate % 10
            ))
            .line(cell.and_then(|c| c.line).or(row.line))
            .at(TableId::Review, Some(row.key), Some(r::CORRECTED))
            .span(cell.and_then(|c| c.span)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::template::{v2019::V2019, v2021::V2021};
    use crate::testing::*;

    #[test]
    fn corrected_cases_and_their_rate() {
        for v in [&V2019, &V2021] {
            let r = Sample::new(v).review([5, 2, 1, 0, 8, 0, 0, 0, 0, 0, 1, 1, 0, 1, 3]).check();
            let d = with_code(&r, "review.corrected");
            assert_eq!(d.len(), 2, "{:?}", r.diagnostics);
            assert_eq!(
                d[0].message,
                "表四「行政复议」结果纠正2件，纠正率为2/(5+2+1)=25.0%（已审结案件中被纠正的比例）"
            );
            assert!(d[1].message.contains("=50.0%"), "{}", d[1].message);
            assert!(!codes(&Sample::new(v).check()).contains(&"review.corrected"));
        }
    }
}
