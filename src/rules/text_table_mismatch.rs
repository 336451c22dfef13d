//! `text.table_mismatch`: a figure in the text disagrees with the table.

use super::{Document, Rule, RuleDoc, RuleGroup};
use crate::read::prose::{clause_after, clause_before, figure_after, figures_after, negated, stated, Figure, Prose};
use crate::rules::diagnostic::{Diagnostic, Related, Severity};
use crate::template::keys::{requests as q, review as r};
use crate::template::{phrases, TableId};
use crate::util::find::{contains, rfind};

pub const RULE: Rule = Rule {
    code: "text.table_mismatch",
    severity: Severity::Warning,
    group: RuleGroup::National,
    title: "正文所述数字与表格不一致",
    doc: RuleDoc {
        what: "正文（总体情况等部分）中写明的申请件数、行政复议件数，应与表三“一、本年新收”总计、表四行政复议总计一致；写明“未收到政府信息公开申请”“未发生因政府信息公开引起的行政复议”时，表格中相应的数应为0。各种说法（“共受理政府信息公开申请21件”“接收……各类政府信息公开申请共计81件”“全年未接到信息公开申请”“因政府信息公开引起的行政复议案件2件”）都会读取。",
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
            span: requests.row(q::NEW).and_then(|r| r.cell(q::TOTAL)).and_then(|c| c.span),
            row: Some(q::NEW),
            column: Some(q::TOTAL),
        };
        let (figures, denied) = received(prose);
        for f in figures.into_iter().filter(|f| matches!(f.unit, '件' | '份')) {
            if f.value != new_total && f.value != new_total + carried {
                out.push(
                    RULE.diag(format!("正文写收到申请{}件，表三“一、本年新收”总计为{}", f.value, new_total))
                        .line(line(f.at))
                        .span(doc.clause_span(f.at))
                        .at(TableId::Requests, Some(q::NEW), Some(q::TOTAL))
                        .related(vec![table_ref("表三 本年新收 总计")]),
                );
            }
        }
        if new_total > 0 {
            if let Some(at) = denied.into_iter().chain(stated(prose, &phrases::NO_REQUESTS)).min() {
                out.push(
                    RULE.diag(format!("正文写未收到政府信息公开申请，但表三“一、本年新收”总计为{new_total}"))
                        .line(line(at))
                        .span(doc.clause_span(at))
                        .at(TableId::Requests, Some(q::NEW), Some(q::TOTAL))
                        .related(vec![table_ref("表三 本年新收 总计")]),
                );
            }
        }
    }
    if let Some(review_total) = doc.tables.review.int(r::REVIEW, r::TOTAL) {
        let review_line = doc.tables.review.row(r::REVIEW).and_then(|r| r.line);
        let (figures, denied) = reviews(prose, doc.text());
        for f in figures.into_iter().filter(|f| matches!(f.unit, '件' | '起' | '次')) {
            if f.value != review_total {
                out.push(
                    RULE.diag(format!("正文写行政复议{}{}，表四行政复议总计为{}", f.value, f.unit, review_total))
                        .line(line(f.at))
                        .span(doc.clause_span(f.at))
                        .at(TableId::Review, Some(r::REVIEW), Some(r::TOTAL))
                        .related(vec![Related {
                            label: "表四 行政复议 总计".into(),
                            line: review_line,
                            span: doc
                                .tables
                                .review
                                .row(r::REVIEW)
                                .and_then(|row| row.cell(r::TOTAL))
                                .and_then(|c| c.span),
                            row: Some(r::REVIEW),
                            column: Some(r::TOTAL),
                        }]),
                );
            }
        }
        if review_total > 0 {
            if let Some(at) = denied {
                out.push(
                    RULE.diag(format!("正文写未发生行政复议，但表四行政复议总计为{review_total}"))
                        .line(line(at))
                        .span(doc.clause_span(at))
                        .at(TableId::Review, Some(r::REVIEW), Some(r::TOTAL)),
                );
            }
        }
    }
}

/// What the prose says of requests received: each figure (`共收到政府信息
/// 公开申请7件`, `接收……各类政府信息公开申请共计81件`), and where it first
/// says none came (`未收到政府信息申请`). A request is named by 申请 with
/// a verb of receiving earlier in its clause, in a clause about 公开 or
/// 信息, and not about another kind of request (行政复议申请).
fn received(prose: &Prose) -> (Vec<Figure>, Option<usize>) {
    let mut figures: Vec<Figure> = Vec::new();
    let mut denied = None;
    for place in prose.places(&phrases::REQUEST) {
        let (before, from) = prose.split_at(&place);
        let clause = clause_before(before);
        let Some((verb_at, verb)) =
            phrases::RECEIVE_VERBS.iter().filter_map(|v| rfind(clause, v).map(|at| (at, *v))).max_by_key(|h| h.0)
        else {
            continue;
        };
        let between = &clause[verb_at + verb.len()..];
        let said = clause_after(from);
        let about_information = phrases::REQUEST_TOPIC.iter().any(|w| contains(between, w) || contains(said, w));
        if !about_information || phrases::OTHER_REQUESTS.iter().any(|w| contains(between, w)) {
            continue;
        }
        let before_verb = &before[..before.len() - clause.len() + verb_at];
        if before_verb.ends_with("不予") {
            continue;
        }
        if negated(before_verb) {
            denied = denied.or(Some(prose.offset(&place, before_verb.len())));
            continue;
        }
        if let Some(f) =
            figure_after(prose, &place, from).filter(|f| figures.iter().all(|g| g.number_at != f.number_at))
        {
            figures.push(f);
        }
    }
    (figures, denied)
}

/// What the prose says of administrative reviews: each figure (`行政复议
/// 案件2件`), and where it first says there were none (`未发生因政府信息
/// 公开引起的行政复议`).
fn reviews(prose: &Prose, text: &str) -> (Vec<Figure>, Option<usize>) {
    let mut figures = figures_after(prose, &phrases::REVIEWS);
    figures.retain(|f| {
        let gap = &text[f.end..f.number_at];
        // Not an outcome's figure; not the suits' too, unless each's.
        let suits_too = contains(gap, phrases::LITIGATION) && !contains(gap, phrases::EACH);
        !phrases::REVIEW_OUTCOMES.iter().any(|w| contains(gap, w)) && !suits_too
    });
    let denied = prose.places(&phrases::REVIEWS).into_iter().find_map(|place| {
        let (before, from) = prose.split_at(&place);
        let clause = clause_before(before);
        let said = clause_after(&from[place.phrase.len()..]);
        let denies = phrases::DENIALS.iter().any(|w| contains(clause, w))
            && !phrases::NOT_DENIALS.iter().any(|w| contains(clause, w));
        let of_outcomes = phrases::REVIEW_OUTCOMES.iter().any(|w| contains(said, w));
        let counted = said.bytes().any(|b| b.is_ascii_digit());
        (denies && !of_outcomes && !counted).then_some(place.at)
    });
    (figures, denied)
}

#[cfg(test)]
mod tests {
    use crate::template::keys::requests as q;
    use crate::template::{v2019::V2019, v2021::V2021, TableId};
    use crate::testing::*;

    /// A report with 7 requests received (none carried over) and 4
    /// reviews, whose section 一 says `text`.
    fn seven_and_four(v: &'static crate::template::Version, text: &str) -> crate::Report {
        let t = TableId::Requests;
        let seven = [7, 0, 0, 0, 0, 0, 7];
        Sample::new(v)
            .row(t, q::NEW, &seven)
            .row(t, q::GRANTED, &seven)
            .row(t, q::OUTCOME_TOTAL, &seven)
            .review([0, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
            .prose(1, text)
            .check()
    }

    #[test]
    fn stated_requests_and_reviews() {
        for v in [&V2019, &V2021] {
            let ok = seven_and_four(v, "共收到依申请公开7件，涉及行政复议4件。");
            assert!(!codes(&ok).contains(&"text.table_mismatch"), "{:?}", ok.diagnostics);
            let bad = seven_and_four(v, "共收到政府信息公开申请6件，涉及行政复议3件。");
            let d = with_code(&bad, "text.table_mismatch");
            assert_eq!(d.len(), 2, "{:?}", bad.diagnostics);
            assert!(d[0].message.contains("正文写收到申请6件，表三“一、本年新收”总计为7"));
            assert_eq!(d[0].line, Some(5));
        }
    }

    /// How real reports state the same facts (short synthetic sentences in
    /// their styles), with how many warnings each must give against a table
    /// of 7 requests and 4 reviews.
    const WORDINGS: &[(&str, usize)] = &[
        // The figures as the table has them, in other words: no warning.
        ("2023年全区各级行政机关共受理政府信息公开申请7件，均按时答复。", 0),
        ("全年接收通过邮寄、网络提交的各类政府信息公开申请共计7件，涉及自然人7件。", 0),
        ("本年度共收到和办理依申请公开7件，其中自然人申请件7件。", 0),
        ("全市共收到政府信息申请公开件7件。", 0),
        ("共新收政府信息公开申请7件，办结7件。", 0),
        ("因政府信息公开引起的行政复议案件4件、行政诉讼案件0件。", 0),
        ("全年办理因政府信息公开申请引发的行政复议4起，行政诉讼0起。", 0),
        ("信息公开类行政复议4件，诉讼0件。", 0),
        ("发生行政复议和行政诉讼各4件。", 0),
        // Figures that are not the count: no warning.
        ("收到8份政府信息公开申请的回复率为100%。", 0),
        ("答复政府信息公开申请9件（含上年度结转申请2件）。", 0),
        ("行政复议纠正1件。", 0),
        ("行政复议和行政诉讼共5件。", 0),
        ("收到行政复议申请4件。", 0),
        ("未经行政复议直接起诉的0件。", 0),
        ("没有发生行政复议败诉的情况。", 0),
        // Other figures, or a denial, against the table: a warning.
        ("2023年全区各级行政机关共受理政府信息公开申请21件。", 1),
        ("全年接收各类政府信息公开申请共计81件。", 1),
        ("因政府信息公开引起的行政复议案件2件。", 1),
        ("本年度，我局未收到政府信息申请。", 1),
        ("全年未接到信息公开申请。", 1),
        ("2022年,未收到依申请公开事项。", 1),
        ("本年度无依申请公开。", 1),
        ("未发生因政府信息公开引起的行政复议、行政诉讼。", 1),
        ("本机关没有因政府信息公开被申请行政复议的情况。", 1),
        ("全年无行政复议。", 1),
    ];

    #[test]
    fn wordings_of_real_reports() {
        for v in [&V2019, &V2021] {
            for &(text, warnings) in WORDINGS {
                let r = seven_and_four(v, text);
                assert_eq!(with_code(&r, "text.table_mismatch").len(), warnings, "{text}: {:?}", r.diagnostics);
            }
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
        // None received and none in the table: no warning.
        let none = Sample::new(&V2021).prose(1, "今年，我中心未收到政府信息公开申请，未发生行政复议。").check();
        assert!(!codes(&none).contains(&"text.table_mismatch"), "{:?}", none.diagnostics);
    }
}
