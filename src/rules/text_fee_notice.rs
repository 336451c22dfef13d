//! `text.fee_notice`: 表三 counts requests dropped because a fee notice went
//! unpaid, but 六 says nothing of charging, or says nothing was charged
//! without a word about the notices.

use super::{Document, Rule, RuleDoc, RuleGroup};
use crate::read::prose::stated_in;
use crate::rules::diagnostic::{Diagnostic, Related, Severity};
use crate::template::keys::requests as q;
use crate::template::{phrases, TableId};

pub const RULE: Rule = Rule {
    code: "text.fee_notice",
    severity: Severity::Warning,
    group: RuleGroup::National,
    title: "表三有逾期未缴费的申请，“六、其他需要报告的事项”未说明收费情况",
    doc: RuleDoc {
        what: "表三“（六）其他处理”第2项（申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请）大于0，说明本年度发出过收费通知。此时“六、其他需要报告的事项”应说明信息处理费的收取情况；只写“未收取信息处理费”而不提收费通知，与表三不相符。",
        why: "发出收费通知是收取信息处理费的前提，2021年版格式要求在第六部分报告收费情况；正文与表格说法不一，审核时会被要求说明。",
        example: "表三（六）2为3件，第六部分只写“本年度未收取信息处理费”。",
        basis: "国务院办公厅2021年版年报格式表三“（六）其他处理”及第六部分“收取信息处理费情况在此处报告”；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）。",
    },
    check,
};

/// Requests dropped for a fee unpaid (表三（六）2, total column), when above 0.
fn unpaid(doc: &Document) -> Option<i64> {
    doc.tables.requests.int(q::UNPAID_FEE, q::TOTAL).filter(|&n| n > 0)
}

/// Whether this rule reports that 六 says nothing of fees (so that
/// `text.fee_statement` need not say it again).
pub fn reports_it(doc: &Document) -> bool {
    doc.section(6).is_some() && unpaid(doc).is_some()
}

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    let (Some(n), Some(six)) = (unpaid(doc), doc.section(6)) else { return };
    let prose = doc.prose();
    let message = if stated_in(prose, 6, &phrases::FEE_STATED).is_none() {
        format!("表三“（六）其他处理”第2项（逾期未按收费通知要求缴纳费用）为{n}件，说明发出过收费通知，但“六、其他需要报告的事项”未说明信息处理费的收取情况")
    } else if stated_in(prose, 6, &phrases::NOT_CHARGED).is_some()
        && stated_in(prose, 6, &phrases::FEE_NOTICE).is_none()
    {
        format!("“六、其他需要报告的事项”写未收取信息处理费，但表三“（六）其他处理”第2项（逾期未按收费通知要求缴纳费用）为{n}件，请说明发出收费通知的情况")
    } else {
        return;
    };
    let row = doc.tables.requests.row(q::UNPAID_FEE);
    out.push(
        RULE.diag(message)
            .line(Some(six.line))
            .span(doc.heading_span(six))
            .at(TableId::Requests, Some(q::UNPAID_FEE), Some(q::TOTAL))
            .related(vec![Related {
                label: "表三（六）2 总计".into(),
                line: row.and_then(|r| r.cell(q::TOTAL)).and_then(|c| c.line).or(row.and_then(|r| r.line)),
                span: row.and_then(|r| r.cell(q::TOTAL)).and_then(|c| c.span),
                row: Some(q::UNPAID_FEE),
                column: Some(q::TOTAL),
            }]),
    );
}

#[cfg(test)]
mod tests {
    use crate::template::keys::requests as q;
    use crate::template::{v2019::V2019, v2021::V2021, TableId};
    use crate::testing::*;

    /// A 2021 report with 3 requests dropped for unpaid fees, whose 六 says `six`.
    fn unpaid(six: &str) -> crate::Report {
        let three = [3, 0, 0, 0, 0, 0, 3];
        let t = TableId::Requests;
        Sample::new(&V2021)
            .row(t, q::NEW, &three)
            .row(t, q::UNPAID_FEE, &three)
            .row(t, q::OUTCOME_TOTAL, &three)
            .prose(6, six)
            .check()
    }

    const WORDINGS: &[(&str, bool)] = &[
        ("本年度向申请人发出收费通知3件，申请人均逾期未缴纳，未实际收取信息处理费。", false),
        ("本年度发出缴费通知书3份，申请人未缴费，本机关不再处理。", false),
        ("本年度共收取信息处理费200元。", false),
        ("本年度未收取信息处理费。", true),
        ("2023年，无收取信息处理费情况。", true),
        ("无其他需要报告的事项。", true),
    ];

    #[test]
    fn wordings_of_real_reports() {
        for &(text, warns) in WORDINGS {
            let r = unpaid(text);
            assert_eq!(with_code(&r, "text.fee_notice").len(), usize::from(warns), "{text}: {:?}", r.diagnostics);
            // Said once: text.fee_statement steps aside.
            assert!(!codes(&r).contains(&"text.fee_statement"), "{text}: {:?}", r.diagnostics);
        }
    }

    #[test]
    fn no_unpaid_fee_nothing_to_say() {
        assert!(!codes(&Sample::new(&V2021).check()).contains(&"text.fee_notice"));
        // The 2019 template has no such row.
        assert!(!codes(&Sample::new(&V2019).prose(6, "无。").check()).contains(&"text.fee_notice"));
    }
}
