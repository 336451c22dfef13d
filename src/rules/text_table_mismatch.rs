//! `text.table_mismatch`: a figure in the text disagrees with the table.

use super::{Document, Rule, RuleDoc, RuleGroup};
use crate::read::prose::{figures_after, stated};
use crate::rules::diagnostic::{Diagnostic, Related, Severity};
use crate::template::keys::{requests as q, review as r};
use crate::template::{phrases, TableId};

pub const RULE: Rule = Rule {
    code: "text.table_mismatch",
    severity: Severity::Warning,
    group: RuleGroup::National,
    title: "正文所述数字与表格不一致",
    doc: RuleDoc {
        what: "正文（总体情况等部分）中写明的申请件数、行政复议件数，应与表三“一、本年新收”总计、表四行政复议总计一致；写明“未收到政府信息公开申请”时，表三本年新收应为0。",
        why: "正文与表格由不同的人或在不同时间填写，最容易出现一处改了、另一处没改。",
        example: "正文写“共收到政府信息公开申请7件”，表三“一、本年新收”总计为6。",
        basis: "《中华人民共和国政府信息公开条例》第五十条；年报正文与表格应相互印证。",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    let prose = doc.prose();
    let line = |at: usize| Some(doc.norm.line_at(at));
    let requests = &doc.tables.requests;
    if let Some(new_total) = requests.int(q::NEW, q::TOTAL) {
        let carried = requests.int(q::CARRIED_OVER, q::TOTAL).unwrap_or(0);
        let row_line = requests.row(q::NEW).and_then(|r| r.line);
        let table_ref = |label: &str| Related {
            label: label.into(),
            line: row_line,
            span: None,
            row: Some(q::NEW),
            column: Some(q::TOTAL),
        };
        for f in figures_after(prose, phrases::REQUESTS_RECEIVED).into_iter().filter(|f| f.unit == '件') {
            if f.value != new_total && f.value != new_total + carried {
                out.push(
                    RULE.diag(format!("正文写收到申请{}件，表三“一、本年新收”总计为{}", f.value, new_total))
                        .line(line(f.at))
                        .at(TableId::Requests, Some(q::NEW), Some(q::TOTAL))
                        .related(vec![table_ref("表三 本年新收 总计")]),
                );
            }
        }
        if new_total > 0 {
            if let Some(at) = stated(prose, phrases::NO_REQUESTS) {
                out.push(
                    RULE.diag(format!("正文写未收到政府信息公开申请，但表三“一、本年新收”总计为{new_total}"))
                        .line(line(at))
                        .at(TableId::Requests, Some(q::NEW), Some(q::TOTAL))
                        .related(vec![table_ref("表三 本年新收 总计")]),
                );
            }
        }
    }
    if let Some(review_total) = doc.tables.review.int(r::REVIEW, r::TOTAL) {
        let review_line = doc.tables.review.row(r::REVIEW).and_then(|r| r.line);
        for f in figures_after(prose, phrases::REVIEWS).into_iter().filter(|f| matches!(f.unit, '件' | '起' | '次'))
        {
            if f.value != review_total {
                out.push(
                    RULE.diag(format!("正文写行政复议{}{}，表四行政复议总计为{}", f.value, f.unit, review_total))
                        .line(line(f.at))
                        .at(TableId::Review, Some(r::REVIEW), Some(r::TOTAL))
                        .related(vec![Related {
                            label: "表四 行政复议 总计".into(),
                            line: review_line,
                            span: None,
                            row: Some(r::REVIEW),
                            column: Some(r::TOTAL),
                        }]),
                );
            }
        }
        if review_total > 0 {
            if let Some(at) = stated(prose, phrases::NO_REVIEWS) {
                out.push(
                    RULE.diag(format!("正文写未发生行政复议，但表四行政复议总计为{review_total}")).line(line(at)).at(
                        TableId::Review,
                        Some(r::REVIEW),
                        Some(r::TOTAL),
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::template::keys::requests as q;
    use crate::template::{v2019::V2019, v2021::V2021, TableId};
    use crate::testing::*;

    #[test]
    fn stated_requests_and_reviews() {
        for v in [&V2019, &V2021] {
            let t = TableId::Requests;
            let seven = [7, 0, 0, 0, 0, 0, 7];
            let sample = Sample::new(v)
                .row(t, q::NEW, &seven)
                .row(t, q::GRANTED, &seven)
                .row(t, q::OUTCOME_TOTAL, &seven)
                .review([0, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            let ok = sample.clone().prose(1, "共收到依申请公开7件，涉及行政复议4件。").check();
            assert!(!codes(&ok).contains(&"text.table_mismatch"), "{:?}", ok.diagnostics);
            let bad = sample.prose(1, "共收到政府信息公开申请6件，涉及行政复议3件。").check();
            let d = with_code(&bad, "text.table_mismatch");
            assert_eq!(d.len(), 2, "{:?}", bad.diagnostics);
            assert!(d[0].message.contains("正文写收到申请6件，表三“一、本年新收”总计为7"));
            assert_eq!(d[0].line, Some(5));
        }
    }

    #[test]
    fn none_received_but_the_table_has_some() {
        let t = TableId::Requests;
        let one = [1, 0, 0, 0, 0, 0, 1];
        let r = Sample::new(&V2021)
            .row(t, q::NEW, &one)
            .row(t, q::GRANTED, &one)
            .row(t, q::OUTCOME_TOTAL, &one)
            .prose(1, "今年，我中心未收到政府信息公开申请。")
            .check();
        assert!(codes(&r).contains(&"text.table_mismatch"), "{:?}", r.diagnostics);
    }
}
