//! `section.missing`: one of the six sections not found.

use super::{Document, Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::SECTIONS;

pub const RULE: Rule = Rule {
    code: "section.missing",
    severity: Severity::Warning,
    group: RuleGroup::National,
    title: "缺少年报的六个部分之一",
    doc: RuleDoc {
        what: "年报应有六个部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。",
        why: "六个部分是年报格式规定的结构，缺少某部分即缺少应报告的内容，也可能是标题写法不规范或粘贴不完整。",
        example: "报告中没有“六、其他需要报告的事项”。",
        basis: "《中华人民共和国政府信息公开条例》第五十条；国务院办公厅政府信息公开工作年度报告格式。",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    for (i, spec) in SECTIONS.iter().enumerate() {
        if doc.section(i + 1).is_none() {
            // Point at where it should have been: after the previous section found.
            let line = doc.sections.iter().rev().find(|s| s.number < i + 1).map(|s| s.line);
            out.push(
                RULE.diag(format!("未找到“{}、{}”部分（标题应以“{}、”开头）", spec.number, spec.title, spec.number))
                    .line(line),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::template::{v2019::V2019, v2021::V2021};
    use crate::testing::*;

    #[test]
    fn missing_section_six() {
        for v in [&V2019, &V2021] {
            let text = Sample::new(v).text();
            let cut = text.find("六、其他需要报告的事项").unwrap();
            let r = crate::check(&text[..cut], None);
            let d = with_code(&r, "section.missing");
            assert_eq!(d.len(), 1, "{:?}", r.diagnostics);
            assert!(d[0].message.contains("六、其他需要报告的事项"));
        }
    }
}
