//! `cross_year.carry_over`: this year's 二、上年结转 = last year's
//! 四、结转下年度继续办理, column by column (two reports of one agency).

use super::cross_year::{at_cell, LastYear};
use super::{Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};
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

/// Checks this year's report against last year's.
pub fn check(last: &LastYear, current: &Report, out: &mut Vec<Diagnostic>) {
    let Some(cur_row) = current.tables.requests.row(q::CARRIED_OVER) else { return };
    for (i, col) in cur_row.columns.iter().enumerate() {
        let (Some(before), Some(now)) =
            (last.int(TableId::Requests, q::CARRIED_FORWARD, col.key), cur_row.int(col.key))
        else {
            continue;
        };
        if before != now {
            let message = format!(
                "表三第{}列（{}）：本年“二、上年结转”为{now}，但{}年报告“四、结转下年度继续办理”为{before}",
                i + 1,
                col.label,
                last.year.map_or("上一".to_string(), |y| y.to_string()),
            );
            let mut d = at_cell(
                RULE.code,
                RULE.severity,
                message,
                TableId::Requests,
                Some(cur_row),
                (q::CARRIED_OVER, col.key),
                last,
                "四、结转下年度继续办理",
            );
            // Last year's cell is in row 四, not 二.
            d.related[0].row = Some(q::CARRIED_FORWARD);
            d.related[0].line = last.cell(TableId::Requests, q::CARRIED_FORWARD, col.key).and_then(|(_, line)| line);
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::{v2019::V2019, v2021::V2021};
    use crate::testing::{across_years, Sample};

    fn pair(last: &Sample, this: &Sample) -> Vec<Diagnostic> {
        across_years(last, this, RULE.code)
    }

    #[test]
    fn carried_over_must_match_last_year() {
        let t = TableId::Requests;
        let last = Sample::new(&V2021)
            .row(t, q::NEW, &[2, 0, 0, 0, 0, 0, 2])
            .row(t, q::GRANTED, &[1, 0, 0, 0, 0, 0, 1])
            .row(t, q::OUTCOME_TOTAL, &[1, 0, 0, 0, 0, 0, 1])
            .row(t, q::CARRIED_FORWARD, &[1, 0, 0, 0, 0, 0, 1]);
        let this = Sample::new(&V2021).year(2022);
        let found = pair(&last, &this);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].message.contains("本年“二、上年结转”为0，但2021年报告“四、结转下年度继续办理”为1"));
        let this_ok = this
            .row(t, q::NEW, &[1, 0, 0, 0, 0, 0, 1])
            .row(t, q::CARRIED_OVER, &[1, 0, 0, 0, 0, 0, 1])
            .row(t, q::GRANTED, &[2, 0, 0, 0, 0, 0, 2])
            .row(t, q::OUTCOME_TOTAL, &[2, 0, 0, 0, 0, 0, 2]);
        assert!(pair(&last, &this_ok).is_empty());
    }

    #[test]
    fn across_the_two_templates() {
        // A 2020 report (2019 template) and the 2021 one: table 三 rows 二 and 四 are in both.
        let t = TableId::Requests;
        let last = Sample::new(&V2019)
            .year(2020)
            .row(t, q::NEW, &[3, 0, 0, 0, 0, 0, 3])
            .row(t, q::GRANTED, &[1, 0, 0, 0, 0, 0, 1])
            .row(t, q::OUTCOME_TOTAL, &[1, 0, 0, 0, 0, 0, 1])
            .row(t, q::CARRIED_FORWARD, &[2, 0, 0, 0, 0, 0, 2]);
        let found = pair(&last, &Sample::new(&V2021));
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].related[0].row, Some(q::CARRIED_FORWARD));
    }
}
