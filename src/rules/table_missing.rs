//! `table.missing`: one of the three tables is not in the report.

use super::{Document, Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::TableId;

pub const RULE: Rule = Rule {
    code: "table.missing",
    severity: Severity::Error,
    group: RuleGroup::National,
    title: "缺少整张表格（表二、表三或表四）",
    doc: RuleDoc {
        what: "报告中应有表二（主动公开政府信息情况）、表三（收到和处理政府信息公开申请情况）、表四（政府信息公开行政复议、行政诉讼情况）三张表。",
        why: "三张表是年报的法定内容，缺表即缺少应当报告的数据；也可能是粘贴不完整。",
        example: "只粘贴了正文，“三、收到和处理政府信息公开申请情况”下没有表格。",
        basis: "《中华人民共和国政府信息公开条例》第五十条；国务院办公厅政府信息公开工作年度报告格式。",
    },
    check,
};

fn hint(id: TableId) -> &'static str {
    match id {
        TableId::Active => "查找的是“第二十条第（一）项”及“规章”“行政许可”等行",
        TableId::Requests => "查找的是“一、本年新收政府信息公开申请数量”等行",
        TableId::Review => "查找的是“行政复议”“行政诉讼”表头及其后的15个数字",
    }
}

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    // A report in the layout of before 2019 has none: `template.legacy` says why.
    if super::template_legacy::legacy_layout(doc).is_some() {
        return;
    }
    for id in TableId::ALL {
        let t = doc.table(id);
        if !t.found {
            let number = id.section();
            // Its section's heading, or where that section was expected.
            let line =
                doc.section(number).map_or_else(|| super::section_missing::expected_line(doc, number), |s| s.line);
            out.push(
                RULE.diag(format!("未找到{}（{}），是否粘贴不完整？", id.name(), hint(id)))
                    .line(Some(line))
                    .at(id, None, None),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::template::{v2019::V2019, v2021::V2021};
    use crate::testing::*;

    #[test]
    fn a_report_without_table_four() {
        for v in [&V2019, &V2021] {
            let text = Sample::new(v).text();
            let cut = text.find("四、政府信息公开行政复议").unwrap();
            let end = text.find("五、存在").unwrap();
            let mut t = text.clone();
            t.replace_range(cut..end, "四、政府信息公开行政复议、行政诉讼情况\n本年度无。\n");
            let r = crate::check(&t, None);
            let d = with_code(&r, "table.missing");
            assert_eq!(d.len(), 1, "{:?}", r.diagnostics);
            assert!(d[0].message.contains("表四"));
            assert!(!codes(&crate::check(&text, None)).contains(&"table.missing"));
        }
    }
}
