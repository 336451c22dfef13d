//! `meta.year_mismatch`: title year, statistical period and content disagree.

use super::{Document, Rule};
use crate::read::meta::years;
use crate::rules::diagnostic::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    code: "meta.year_mismatch",
    severity: Severity::Warning,
    title: "标题年度、统计期限与正文年份不一致",
    doc: "检查内容：标题中的年度（如“2021年度…年度报告”）、“统计期限自…起至…止”中的年份、“一、总体情况”开头所写的年份应一致，统计期限应为一个完整的自然年。\n\
为什么：年份不一致多是套用上一年报告时漏改，会让读者弄错数据所属年度。\n\
示例：标题为2021年度，统计期限却写“自2020年1月1日起至2020年12月31日止”。\n\
依据：《中华人民共和国政府信息公开条例》第四十九条、第五十条。",
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    let title = doc.meta.title_year;
    if let (Some(t), Some(p)) = (title, &doc.meta.period) {
        if p.from_year != t || p.to_year != t {
            out.push(RULE.diag(format!("标题为{t}年度，但统计期限为{}至{}", p.from, p.to)).line(Some(p.line)).related(
                vec![crate::rules::diagnostic::Related {
                    label: "标题".into(),
                    line: doc.meta.title_line,
                    span: None,
                    row: None,
                    column: None,
                }],
            ));
        }
    }
    // The first words of 一、总体情况: `2021年，我局…`.
    if let (Some(t), Some(s)) = (title.or(doc.meta.period.as_ref().map(|p| p.from_year)), doc.section(1)) {
        let body = &doc.text()[s.start..s.end];
        let line = body.split('\n').skip(1).find(|l| !l.trim().is_empty()).unwrap_or("");
        // Its first 12 characters.
        let opening = &line[..line.char_indices().nth(12).map_or(line.len(), |(i, _)| i)];
        let first_year = years(opening).next();
        if let Some((y, _, _)) = first_year {
            if y != t && opening.trim_start().starts_with(&y.to_string()) {
                out.push(RULE.diag(format!("报告为{t}年度，但“一、总体情况”开头写的是{y}年")).line(Some(s.line + 1)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::*;

    #[test]
    fn period_of_another_year() {
        let ok = report_2021(&[], [0; 15], "2021年，我局认真落实。");
        assert!(!codes(&check_text(&ok)).contains(&"meta.year_mismatch"));
        let bad = ok.replace("自2021年1月1日起至2021年12月31日止", "自2020年1月1日起至2020年12月31日止");
        let r = check_text(&bad);
        assert_eq!(codes(&r).iter().filter(|c| **c == "meta.year_mismatch").count(), 1, "{:?}", r.diagnostics);
        let bad = ok.replace("2021年，我局", "2020年，我局");
        assert!(codes(&check_text(&bad)).contains(&"meta.year_mismatch"));
    }
}
