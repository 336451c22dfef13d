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
    // A report in the layout of before 2019 has other parts: `template.legacy` says why.
    if super::template_legacy::legacy_layout(doc).is_some() {
        return;
    }
    for (i, spec) in SECTIONS.iter().enumerate() {
        if doc.section(i + 1).is_none() {
            out.push(
                RULE.diag(format!("未找到“{}、{}”部分（标题应以“{}、”开头）", spec.number, spec.title, spec.number))
                    .line(Some(expected_line(doc, i + 1))),
            );
        }
    }
}

/// Where section `number` was expected: the last line with text before the
/// next section found (after the previous one), else the text's last line
/// with text; line 1 in an empty text.
pub fn expected_line(doc: &Document, number: usize) -> usize {
    let text = doc.text();
    let end = doc.sections.iter().find(|s| s.number > number).map_or(text.len(), |s| s.start);
    doc.norm.line_at(text[..end].trim_end().len().saturating_sub(1))
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
            // Expected after 五: its last line.
            assert_eq!(d[0].line, Some(text[..cut].trim_end().lines().count()));
        }
    }

    #[test]
    fn a_missing_section_points_where_it_was_expected() {
        for v in [&V2019, &V2021] {
            let text = Sample::new(v).prose(1, "第一段。\n第二段。").text().replace("一、总体情况\n", "");
            let r = crate::check(&text, None);
            let d = with_code(&r, "section.missing");
            assert_eq!(d.len(), 1, "{:?}", r.diagnostics);
            // The line before 二's heading: 第二段.
            let two = text.lines().position(|l| l.starts_with("二、")).unwrap();
            assert_eq!(d[0].line, Some(two));
        }
    }
}
