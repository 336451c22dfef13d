//! `meta.year_mismatch`: title year, statistical period and content disagree.

use super::{Document, Rule, RuleDoc, RuleGroup};
use crate::read::meta::opening_year;
use crate::rules::diagnostic::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    code: "meta.year_mismatch",
    severity: Severity::Warning,
    group: RuleGroup::National,
    title: "标题年度、统计期限与正文年份不一致",
    doc: RuleDoc {
        what: "标题中的年度（如“2021年度…年度报告”）、“统计期限自…起至…止”中的年份、“一、总体情况”开头所写的年份应一致，统计期限应为一个完整的自然年。",
        why: "年份不一致多是套用上一年报告时漏改，会让读者弄错数据所属年度。",
        example: "标题为2021年度，统计期限却写“自2020年1月1日起至2020年12月31日止”。",
        basis: "《中华人民共和国政府信息公开条例》第四十九条、第五十条。",
    },
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
    let opening = doc.section(1).and_then(|s| opening_year(doc.text(), s));
    if let (Some(t), Some((y, at))) = (title.or(doc.meta.period.as_ref().map(|p| p.from_year)), opening) {
        if y != t {
            out.push(
                RULE.diag(format!("报告为{t}年度，但“一、总体情况”开头写的是{y}年")).line(Some(doc.norm.line_at(at))),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::template::{v2019::V2019, v2021::V2021};
    use crate::testing::*;

    #[test]
    fn period_of_another_year() {
        for v in [&V2019, &V2021] {
            let ok = Sample::new(v).prose(1, &format!("{}年，我局认真落实。", v.from_year));
            assert!(with_code(&ok.check(), "meta.year_mismatch").is_empty());
            let text = ok.text();
            let (this, last) = (v.from_year.to_string(), (v.from_year - 1).to_string());
            let period = text.replace(
                &format!("自{this}年1月1日起至{this}年12月31日止"),
                &format!("自{last}年1月1日起至{last}年12月31日止"),
            );
            let r = crate::check(&period, None);
            assert_eq!(with_code(&r, "meta.year_mismatch").len(), 1, "{:?}", r.diagnostics);
            let prose = Sample::new(v).prose(1, &format!("{last}年，我局认真落实。")).check();
            assert!(codes(&prose).contains(&"meta.year_mismatch"));
        }
    }

    /// Periods and openings as real reports write them.
    const PERIODS: &[&str] = &[
        "本报告所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。",
        "本年度报告中所列数据统计期限从{y}年1月1日到12月31日止。",
        "本报告所列数据统计期限为{y}年1月1日至{y}年12月31日。",
        "本年度报告中所列数据统计期限为{y}年1月1日至12月31日。",
        "所列数据统计期限自{y}年1月1日起到{y}年12月31日止。",
        "本年报中所列数据的统计期限从{y}年1月1日起至{y}年12月31日止。",
        "本报告中所列数据的统计限自 {y} 年 1 月 1 日至 {y} 年 12 月 31 日止。",
    ];
    const OPENINGS: &[&str] =
        &["{y}年，我局认真落实。", "{y}年度，我局认真落实。", "{y} 年，我局认真落实。", "{y}年以来，我局认真落实。"];

    #[test]
    fn wordings_of_real_reports() {
        for v in [&V2019, &V2021] {
            let y = v.from_year;
            let said = format!("本报告所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。");
            for period in PERIODS {
                for (year, warns) in [(y, false), (y - 1, true)] {
                    let text = Sample::new(v).text().replace(&said, &period.replace("{y}", &year.to_string()));
                    let r = crate::check(&text, None);
                    assert_eq!(
                        !with_code(&r, "meta.year_mismatch").is_empty(),
                        warns,
                        "{period} {year}: {:?}",
                        r.diagnostics
                    );
                }
            }
            for opening in OPENINGS {
                for (year, warns) in [(y, false), (y - 1, true)] {
                    let r = Sample::new(v).prose(1, &opening.replace("{y}", &year.to_string())).check();
                    assert_eq!(
                        !with_code(&r, "meta.year_mismatch").is_empty(),
                        warns,
                        "{opening} {year}: {:?}",
                        r.diagnostics
                    );
                }
            }
        }
    }
}
