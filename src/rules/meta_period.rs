//! `meta.period`: the statistical period is not a whole calendar year, or
//! is not stated.

use super::{Document, Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    code: "meta.period",
    severity: Severity::Warning,
    group: RuleGroup::National,
    title: "统计期限不是完整的自然年（或未写明统计期限）",
    doc: RuleDoc {
        what: "年报应写明统计期限，且为报告年度的1月1日至12月31日。统计期限不是完整的一年（如“2021年1月1日至2021年11月30日”）时为警告；正文中找不到统计期限时为提示。统计期限的年份与标题年份不一致由 meta.year_mismatch 提示。",
        why: "统计期限不完整，表格数字就不是全年的数，与其他机关、其他年度的报告无法比较。",
        example: "“本报告所列数据的统计期限自2021年1月1日起至2021年11月30日止”。",
        basis: "国务院办公厅政府信息公开工作年度报告格式；各地年报编制要求（统计期限为1月1日至12月31日）。",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(p) = &doc.meta.period else {
        out.push(
            Diagnostic::new(
                RULE.code,
                Severity::Info,
                "未找到统计期限（如“本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止”），请在报告开头写明",
            )
            .line(doc.meta.title_line.or(doc.section(1).map(|s| s.line))),
        );
        return;
    };
    // A period of other years than the title's is meta.year_mismatch's to say.
    if doc.meta.title_year.is_some_and(|t| p.from_year != t || p.to_year != t) {
        return;
    }
    let whole = p.from_year == p.to_year && p.from.ends_with("-01-01") && p.to.ends_with("-12-31");
    if !whole {
        let y = doc.year.unwrap_or(p.to_year);
        out.push(
            RULE.diag(format!(
                "统计期限为{}至{}，不是完整的自然年（{y}年度报告应为{y}年1月1日至{y}年12月31日）",
                p.from, p.to
            ))
            .line(Some(p.line)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::template::{v2019::V2019, v2021::V2021};
    use crate::testing::*;
    use crate::Severity;

    #[test]
    fn periods_as_reports_write_them() {
        for v in [&V2019, &V2021] {
            let y = v.from_year;
            let clean = Sample::new(v).text();
            let said = format!("自{y}年1月1日起至{y}年12月31日止");
            let cases = [
                (format!("从{y}年1月1日到12月31日止"), None),
                (format!("为{y}年1月1日至{y}年12月31日"), None),
                (format!("自{y}年1月1日起至{y}年11月30日止"), Some(Severity::Warning)),
                (format!("自{y}年3月1日起至{y}年12月31日止"), Some(Severity::Warning)),
                // Another year: meta.year_mismatch says so.
                (format!("自{y}年1月1日起至{}年12月31日止", y - 1), None),
            ];
            for (period, want) in cases {
                let r = crate::check(&clean.replace(&said, &period), None);
                let got: Vec<_> = with_code(&r, "meta.period").iter().map(|d| d.severity).collect();
                assert_eq!(got, want.into_iter().collect::<Vec<_>>(), "{period}");
            }
            let unstated = clean.replace(&format!("本报告所列数据的统计期限{said}。"), "");
            let r = crate::check(&unstated, None);
            let d = with_code(&r, "meta.period");
            assert_eq!((d.len(), d[0].severity, d[0].line), (1, Severity::Info, Some(2)), "{:?}", r.diagnostics);
        }
    }
}
