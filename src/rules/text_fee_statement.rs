//! `text.fee_statement`: a 2021-template report that does not say, in 六,
//! whether it charged 信息处理费.

use super::{Document, Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::phrases;

pub const RULE: Rule = Rule {
    code: "text.fee_statement",
    severity: Severity::Warning,
    group: RuleGroup::National,
    title: "“六、其他需要报告的事项”未说明信息处理费收取情况",
    doc: RuleDoc {
        what: "使用2021年版格式的年报，应在“六、其他需要报告的事项”中报告收取信息处理费的情况（收取了多少，或未收取）。",
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
    let body = &doc.text()[six.start..six.end];
    if !phrases::PROCESSING_FEE.iter().any(|p| crate::util::find::contains(body, p)) {
        out.push(
            RULE.diag("“六、其他需要报告的事项”未说明是否收取信息处理费（2021年版格式要求在此报告）")
                .line(Some(six.line)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::template::{v2019::V2019, v2021::V2021};
    use crate::testing::*;

    #[test]
    fn section_six_without_the_fee() {
        assert!(!codes(&Sample::new(&V2021).check()).contains(&"text.fee_statement"));
        assert!(codes(&Sample::new(&V2021).prose(6, "无").check()).contains(&"text.fee_statement"));
        // The 2019 template does not ask for it.
        assert!(!codes(&Sample::new(&V2019).prose(6, "无").check()).contains(&"text.fee_statement"));
    }
}
