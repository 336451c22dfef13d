//! `text.fee_statement`: a 2021-template report that does not say, in 六,
//! whether it charged 信息处理费.

use super::{Document, Rule, RuleDoc, RuleGroup};
use crate::read::prose::stated_in;
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::phrases;

pub const RULE: Rule = Rule {
    code: "text.fee_statement",
    severity: Severity::Warning,
    group: RuleGroup::National,
    title: "“六、其他需要报告的事项”未说明信息处理费收取情况",
    doc: RuleDoc {
        what: "使用2021年版格式的年报，应在“六、其他需要报告的事项”中报告收取信息处理费的情况（收取了多少，或未收取）。“本年度未收取信息处理费”“无收取信息处理费情况”“未发生收费情况”“未收取任何费用”等说法都算已说明。",
        why: "2021年版格式明确要求在此处报告信息处理费；只写“无”不能说明是否收费。",
        example: "2021年度报告的第六部分只写了“无”。",
        basis: "国务院办公厅2021年版年报格式“六、其他需要报告的事项”的填写说明；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）。",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    let required = doc.year.and_then(|y| doc.registry.required_for(y));
    let asks = [doc.tables.requests.version, required].into_iter().flatten().any(|v| v.asks_fee_statement);
    let Some(six) = doc.section(6) else { return };
    if !asks {
        return;
    }
    if stated_in(doc.prose(), 6, &phrases::FEE_STATED).is_none() && !super::text_fee_notice::reports_it(doc) {
        out.push(
            RULE.diag("“六、其他需要报告的事项”未说明是否收取信息处理费（2021年版格式要求在此报告）")
                .line(Some(six.line))
                .span(doc.heading_span(six)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::template::{v2019::V2019, v2021::V2021};
    use crate::testing::*;

    /// How real reports say it in 六, and whether each must warn.
    const WORDINGS: &[(&str, bool)] = &[
        ("2023年，无收取信息处理费情况。", false),
        ("本年度本机关未收取政府信息公开处理费，无其他需要报告的事项。", false),
        ("2023年度，本机关未发生收费情况。", false),
        ("本年度未收取任何费用。", false),
        ("依据《政府信息公开信息处理费管理办法》，本年度共收取信息处理费200元。", false),
        ("无其他需要报告的事项。", true),
        ("无。", true),
        ("本机关认真做好政务公开工作，无其他需要报告的事项。", true),
    ];

    #[test]
    fn wordings_of_real_reports() {
        for &(text, warns) in WORDINGS {
            let r = Sample::new(&V2021).prose(6, text).check();
            assert_eq!(codes(&r).contains(&"text.fee_statement"), warns, "{text}: {:?}", r.diagnostics);
        }
    }

    #[test]
    fn section_six_without_the_fee() {
        assert!(!codes(&Sample::new(&V2021).check()).contains(&"text.fee_statement"));
        assert!(codes(&Sample::new(&V2021).prose(6, "无").check()).contains(&"text.fee_statement"));
        // The 2019 template does not ask for it.
        assert!(!codes(&Sample::new(&V2019).prose(6, "无").check()).contains(&"text.fee_statement"));
    }
}
