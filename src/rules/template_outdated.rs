//! `template.outdated`: the 2019 template in a report for 2021 or later.

use super::{Document, Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    code: "template.outdated",
    severity: Severity::Warning,
    group: RuleGroup::National,
    title: "2021年及以后的年报使用了2019年版表格",
    doc: RuleDoc {
        what: "报告年度为2021年及以后时，表二、表三应使用2021年版格式（表二为“本年制发件数/本年废止件数/现行有效件数”“本年处理决定数量”“本年收费金额”；表三“（六）其他处理”分3项）。",
        why: "国务院办公厅2021年印发新的年报格式，自2021年度年报起执行；沿用旧表会缺少新增的统计项。",
        example: "2021年度报告的表二仍为“本年新制作数量/本年新公开数量/对外公开总数量”。",
        basis: "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）。",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(year) = doc.year else { return };
    let Some(required) = doc.registry.required_for(year) else { return };
    for (table, v) in doc.versions() {
        if v.from_year < required.from_year {
            let t = doc.table(table);
            let line =
                t.rows.iter().find(|r| r.found && r.version.is_none_or(|rv| rv == v)).and_then(|r| r.line).or(t.line);
            out.push(
                RULE.diag(format!(
                    "{year}年度报告的{}使用了{}年版格式，应使用{}年版格式",
                    table.short_name(),
                    v.name,
                    required.name
                ))
                .line(line)
                .at(table, None, None),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::template::{v2019::V2019, v2021::V2021};
    use crate::testing::*;

    #[test]
    fn old_table_two_in_a_2021_report() {
        let text = Sample::new(&V2021)
            .text()
            .replace("本年制发件数\t本年废止件数\t现行有效件数", "本年新制作数量\t本年新公开数量\t对外公开总数量");
        let r = crate::check(&text, None);
        assert!(codes(&r).contains(&"template.outdated"), "{:?}", r.diagnostics);
        assert!(!codes(&Sample::new(&V2021).check()).contains(&"template.outdated"));
        // The 2019 template for 2019 is right; for 2022, outdated.
        assert!(!codes(&Sample::new(&V2019).check()).contains(&"template.outdated"));
        let late = Sample::new(&V2019).year(2022).check();
        let d = with_code(&late, "template.outdated");
        assert_eq!(d.len(), 2, "{:?}", late.diagnostics);
        assert_eq!(d[0].message, "2022年度报告的表二使用了2019年版格式，应使用2021年版格式");
    }
}
