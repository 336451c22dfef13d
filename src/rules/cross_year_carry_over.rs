//! `cross_year.carry_over`: this year's 二、上年结转 = last year's
//! 四、结转下年度继续办理, column by column (two reports of one agency).

use super::{Rule, RuleDoc, RuleGroup};
use crate::read::meta::same_agency;
use crate::rules::diagnostic::{Diagnostic, Related, Severity};
use crate::template::keys::requests as q;
use crate::template::TableId;
use crate::Report;

pub const RULE: Rule = Rule {
    code: "cross_year.carry_over",
    severity: Severity::Error,
    group: RuleGroup::National,
    title: "本年“上年结转”与上一年报告的“结转下年度”不一致",
    doc: RuleDoc {
        what: "同一机关相邻两年的报告，本年表三“二、上年结转政府信息公开申请数量”应逐列等于上一年表三“四、结转下年度继续办理”。",
        why: "上一年没有办结、结转过来的申请，就是本年的上年结转；两者不等说明其中一年的数字有误。",
        example: "2021年报告“四、结转下年度继续办理”总计为1，2022年报告“二、上年结转”总计为0。",
        basis: "年报表三的统计口径；同时检查两份报告时适用（命令行一次给出同一机关两个年度的报告）。",
    },
    check: |_, _| {},
};

/// Checks a pair of reports; `previous` must be the year before `current`.
pub fn check_pair(previous: &Report, current: &Report) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let (Some(prev_row), Some(cur_row)) =
        (previous.tables.requests.row(q::CARRIED_FORWARD), current.tables.requests.row(q::CARRIED_OVER))
    else {
        return out;
    };
    for (i, col) in cur_row.columns.iter().enumerate() {
        let (Some(before), Some(now)) = (prev_row.int(col.key), cur_row.int(col.key)) else { continue };
        if before != now {
            let cell = cur_row.cell(col.key);
            out.push(
                RULE.diag(format!(
                    "表三第{}列（{}）：本年“二、上年结转”为{}，但{}年报告“四、结转下年度继续办理”为{}",
                    i + 1,
                    col.label,
                    now,
                    previous.year.map_or("上一".to_string(), |y| y.to_string()),
                    before
                ))
                .line(cell.and_then(|c| c.line).or(cur_row.line))
                .at(TableId::Requests, Some(q::CARRIED_OVER), Some(col.key))
                .span(cell.and_then(|c| c.span))
                .related(vec![Related {
                    label: format!("{} 四、结转下年度继续办理", previous.source.as_deref().unwrap_or("上一年报告")),
                    line: prev_row.cell(col.key).and_then(|c| c.line).or(prev_row.line),
                    span: None,
                    row: Some(q::CARRIED_FORWARD),
                    column: Some(col.key),
                }]),
            );
        }
    }
    out
}

/// Pairs up reports of one agency in consecutive years and checks each pair.
/// Returns, for each report index, the diagnostics to add to it.
pub fn check_all(reports: &[Report]) -> Vec<Vec<Diagnostic>> {
    let mut out = vec![Vec::new(); reports.len()];
    for (i, cur) in reports.iter().enumerate() {
        let (Some(agency), Some(year)) = (&cur.agency, cur.year) else { continue };
        // One agency, however its titles name it (`市科委`, `上海市科委`).
        let same = |p: &Report| p.agency.as_deref().is_some_and(|a| same_agency(a, agency));
        if let Some(prev) = reports.iter().find(|p| same(p) && p.year == Some(year - 1)) {
            out[i] = check_pair(prev, cur);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::v2021::V2021;
    use crate::testing::Sample;

    #[test]
    fn carried_over_must_match_last_year() {
        let t = TableId::Requests;
        let last = Sample::new(&V2021)
            .row(t, q::NEW, &[2, 0, 0, 0, 0, 0, 2])
            .row(t, q::GRANTED, &[1, 0, 0, 0, 0, 0, 1])
            .row(t, q::OUTCOME_TOTAL, &[1, 0, 0, 0, 0, 0, 1])
            .row(t, q::CARRIED_FORWARD, &[1, 0, 0, 0, 0, 0, 1]);
        let this = Sample::new(&V2021).year(2022);
        let reports = [last.check(), this.check()];
        let found = check_all(&reports);
        assert!(found[0].is_empty());
        assert_eq!(found[1].len(), 2, "{:?}", found[1]);
        assert!(found[1][0].message.contains("本年“二、上年结转”为0，但2021年报告“四、结转下年度继续办理”为1"));
        let this_ok = this
            .row(t, q::NEW, &[1, 0, 0, 0, 0, 0, 1])
            .row(t, q::CARRIED_OVER, &[1, 0, 0, 0, 0, 0, 1])
            .row(t, q::GRANTED, &[2, 0, 0, 0, 0, 0, 2])
            .row(t, q::OUTCOME_TOTAL, &[2, 0, 0, 0, 0, 0, 2]);
        assert!(check_all(&[last.check(), this_ok.check()])[1].is_empty());
        // One agency under its full name and its short one.
        let short = Sample::new(&V2021).year(2022).agency("市测试局").prose(0, "测试市测试局负责本报告的编制。");
        let reports = [last.clone().agency("测试市测试局").check(), short.check()];
        assert_eq!(reports[1].agency.as_deref(), Some("测试市测试局"));
        assert_eq!(check_all(&reports)[1].len(), 2);
        let other = Sample::new(&V2021).year(2022).agency("市财政局").check();
        assert!(check_all(&[last.agency("测试市测试局").check(), other])[1].is_empty());
    }
}
