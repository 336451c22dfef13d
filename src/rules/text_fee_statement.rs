//! `text.fee_statement`: a 2021-template report that does not say, in 六,
//! whether it charged 信息处理费.

use super::{Document, Rule};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::{phrases, Version};

pub const RULE: Rule = Rule {
    code: "text.fee_statement",
    severity: Severity::Warning,
    title: "“六、其他需要报告的事项”未说明信息处理费收取情况",
    doc: "检查内容：使用2021年版格式的年报，应在“六、其他需要报告的事项”中报告收取信息处理费的情况（收取了多少，或未收取）。\n\
为什么：2021年版格式明确要求在此处报告信息处理费；只写“无”不能说明是否收费。\n\
示例：2021年度报告的第六部分只写了“无”。\n\
依据：国务院办公厅2021年版年报格式“六、其他需要报告的事项”的填写说明；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）。",
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    let uses_2021 = doc.tables.requests.version == Some(Version::V2021) || doc.year.is_some_and(|y| y >= 2021);
    let Some(six) = doc.section(6) else { return };
    if !uses_2021 {
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
    use crate::rules::test_support::*;

    #[test]
    fn section_six_without_the_fee() {
        let ok = report_2021(&[], [0; 15], "");
        assert!(!codes(&check_text(&ok)).contains(&"text.fee_statement"));
        let bad = ok.replace("本年度未收取信息处理费。", "无");
        assert!(codes(&check_text(&bad)).contains(&"text.fee_statement"));
    }
}
