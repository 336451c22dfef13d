//! `template.mixed`: tables of both template versions in one report.

use super::{Document, Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    code: "template.mixed",
    severity: Severity::Warning,
    group: RuleGroup::National,
    title: "一份报告混用了2019年版和2021年版表格",
    doc: RuleDoc {
        what: "一份报告的表二、表三应使用同一版本的格式。",
        why: "混用说明表格是从不同年份的报告拼凑而来，数据口径可能不一致。",
        example: "表二为2019年版（本年新制作数量…），表三“（六）其他处理”却分为2021年版的3项。",
        basis: "国务院办公厅政府信息公开工作年度报告格式（2019年版、2021年版）。",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    let versions = doc.versions();
    let first = versions.first().map(|v| v.1);
    if versions.iter().all(|v| Some(v.1) == first) {
        return;
    }
    let described: Vec<String> = versions.iter().map(|(t, v)| format!("{}为{}年版", t.short_name(), v.name)).collect();
    out.push(RULE.diag(format!("报告混用了两个版本的表格：{}", described.join("，"))).line(doc.tables.active.line));
}

#[cfg(test)]
mod tests {
    use crate::template::{v2019::V2019, v2021::V2021};
    use crate::testing::*;

    #[test]
    fn old_table_two_with_new_table_three() {
        let text = Sample::new(&V2021)
            .text()
            .replace("本年制发件数\t本年废止件数\t现行有效件数", "本年新制作数量\t本年新公开数量\t对外公开总数量");
        let r = crate::check(&text, None);
        let d = with_code(&r, "template.mixed");
        assert_eq!(d.len(), 1, "{:?}", r.diagnostics);
        assert!(d[0].message.contains("表二为2019年版") && d[0].message.contains("表三为2021年版"));
        assert_eq!(r.template.map(|t| t.as_str()), Some("mixed"));
        assert!(with_code(&Sample::new(&V2019).check(), "template.mixed").is_empty());
    }
}
