//! `template.outdated`: the 2019 template in a report for 2021 or later.

use super::{short_table, Document, Rule};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::Version;

pub const RULE: Rule = Rule {
    code: "template.outdated",
    severity: Severity::Warning,
    title: "2021年及以后的年报使用了2019年版表格",
    doc: "检查内容：报告年度为2021年及以后时，表二、表三应使用2021年版格式（表二为“本年制发件数/本年废止件数/现行有效件数”“本年处理决定数量”“本年收费金额”；表三“（六）其他处理”分3项）。\n\
为什么：国务院办公厅2021年印发新的年报格式，自2021年度年报起执行；沿用旧表会缺少新增的统计项。\n\
示例：2021年度报告的表二仍为“本年新制作数量/本年新公开数量/对外公开总数量”。\n\
依据：《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）。",
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(year) = doc.year.filter(|&y| y >= 2021) else { return };
    for (table, v) in doc.versions() {
        if v == Version::V2019 {
            let t = doc.table(table);
            let line =
                t.rows.iter().find(|r| r.found && r.version.is_none_or(|rv| rv == v)).and_then(|r| r.line).or(t.line);
            out.push(
                RULE.diag(format!("{year}年度报告的{}使用了2019年版格式，应使用2021年版格式", short_table(table)))
                    .line(line)
                    .at(table, None, None),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::*;

    #[test]
    fn old_table_two_in_a_2021_report() {
        let text = report_2021(&[], [0; 15], "")
            .replace("本年制发件数\t本年废止件数\t现行有效件数", "本年新制作数量\t本年新公开数量\t对外公开总数量");
        let r = check_text(&text);
        assert!(codes(&r).contains(&"template.outdated"), "{:?}", r.diagnostics);
        assert!(!codes(&check_text(&report_2021(&[], [0; 15], ""))).contains(&"template.outdated"));
    }
}
