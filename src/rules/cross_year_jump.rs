//! `cross_year.jump`: a key figure more than five times, or under a fifth
//! of, last year's.

use super::cross_year::{at_cell, LastYear};
use super::{Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::keys::{active as a, requests as q, review as r};
use crate::template::{ColKey, RowKey, TableId};
use crate::Report;
use std::fmt::Write;

pub const RULE: Rule = Rule {
    code: "cross_year.jump",
    severity: Severity::Info,
    group: RuleGroup::Local,
    title: "关键数字与上一年相比变化超过5倍",
    doc: RuleDoc {
        what: "同一机关相邻两年的报告，以下关键数字本年超过上年的5倍或不到上年的五分之一：表三“一、本年新收政府信息公开申请数量”总计；表四行政复议总计；表四行政诉讼总计（未经复议直接起诉与复议后起诉之和）；表二行政许可、行政处罚的（本年）处理决定数量。两年中较大的一个不到20时不比较（小数字的倍数变化没有意义）。",
        why: "这些数字逐年有起伏，但相差数倍往往是填错了行或列、漏了一位数、把累计数当作本年数，值得核对；确有其事的（如职能调整）在报告中说明即可。",
        example: "2021年行政许可处理决定1250件，2022年报告写了125件。",
        basis: "各地审核年度报告时的常见做法；同时检查同一机关两个年度的报告时适用。",
    },
    check: |_, _| {},
};

/// A figure is compared only when the larger of the two years' is at least this.
const MIN_LARGER: i64 = 20;
/// More than this many times, or under its inverse, is a jump.
const FACTOR: i64 = 5;

/// A key figure: what a message calls it, and the cells it adds up.
struct Figure {
    name: &'static str,
    table: TableId,
    cells: &'static [(RowKey, ColKey)],
}

const FIGURES: [Figure; 5] = [
    Figure {
        name: "表三“一、本年新收政府信息公开申请数量”总计",
        table: TableId::Requests,
        cells: &[(q::NEW, q::TOTAL)],
    },
    Figure { name: "表四行政复议总计", table: TableId::Review, cells: &[(r::REVIEW, r::TOTAL)] },
    Figure {
        name: "表四行政诉讼总计",
        table: TableId::Review,
        cells: &[(r::LITIGATION_DIRECT, r::TOTAL), (r::LITIGATION_AFTER_REVIEW, r::TOTAL)],
    },
    Figure {
        name: "表二行政许可处理决定数量", table: TableId::Active, cells: &[(a::LICENSING, a::DECISIONS)]
    },
    Figure {
        name: "表二行政处罚处理决定数量", table: TableId::Active, cells: &[(a::PUNISHMENT, a::DECISIONS)]
    },
];

/// Checks this year's report against last year's.
pub fn check(last: &LastYear, current: &Report, out: &mut Vec<Diagnostic>) {
    for figure in &FIGURES {
        let table = current.table(figure.table);
        let (mut now, mut before) = (Some(0), Some(0));
        for &(row, col) in figure.cells {
            now = now.zip(table.int(row, col)).map(|(a, b)| a + b);
            before = before.zip(last.int(figure.table, row, col)).map(|(a, b)| a + b);
        }
        let (Some(now), Some(before)) = (now, before) else { continue };
        if now.max(before) < MIN_LARGER || (now <= FACTOR * before && FACTOR * now >= before) {
            continue;
        }
        // (Whole numbers only: no float is formatted, which keeps the wasm builds small.)
        let mut message = format!("{}本年为{now}，{}为{before}，", figure.name, last.name());
        if now > before {
            let tenths = now * 10 / before.max(1);
            let _ = write!(message, "增至上年的{}.{}倍", tenths / 10, tenths % 10);
        } else {
            let _ = write!(message, "不到上年的五分之一（上年的{}%）", now * 100 / before);
        }
        message.push_str("，请核对");
        let row = table.row(figure.cells[0].0);
        out.push(at_cell(RULE.code, RULE.severity, message, figure.table, row, figure.cells[0], last, figure.name));
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
    fn a_figure_five_times_last_years() {
        let t = TableId::Active;
        // 2020 (2019 template) to 2021: 行政许可 decisions are in both.
        let last = Sample::new(&V2019).year(2020).row(t, a::LICENSING, &[0, 0, 1250]);
        let found = pair(&last, &Sample::new(&V2021).row(t, a::LICENSING, &[125]));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Info);
        assert!(found[0].message.contains("表二行政许可处理决定数量本年为125，2020年报告为1250，不到上年的五分之一"));
        assert!(found[0].span.is_some());
        let found = pair(
            &Sample::new(&V2021).row(t, a::PUNISHMENT, &[4]),
            &Sample::new(&V2021).year(2022).row(t, a::PUNISHMENT, &[30]),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("增至上年的7.5倍"), "{}", found[0].message);
    }

    #[test]
    fn small_numbers_and_modest_changes_are_not_jumps() {
        let t = TableId::Active;
        let year = |s: Sample| s.year(2022);
        // 3 → 15: five times, but small.
        let last = Sample::new(&V2021).row(t, a::PUNISHMENT, &[3]);
        assert!(pair(&last, &year(Sample::new(&V2021).row(t, a::PUNISHMENT, &[15]))).is_empty());
        // 100 → 480: under five times.
        let last = Sample::new(&V2021).row(t, a::PUNISHMENT, &[100]);
        assert!(pair(&last, &year(Sample::new(&V2021).row(t, a::PUNISHMENT, &[480]))).is_empty());
        // 0 → 0 everywhere: nothing.
        assert!(pair(&Sample::new(&V2021), &year(Sample::new(&V2021))).is_empty());
    }

    #[test]
    fn litigation_adds_its_two_groups() {
        let mut before = [0; 15];
        before[5..10].copy_from_slice(&[10, 2, 0, 0, 12]);
        before[10..15].copy_from_slice(&[10, 0, 0, 0, 10]);
        let last = Sample::new(&V2021).review(before);
        let mut after = [0; 15];
        after[5..10].copy_from_slice(&[2, 0, 0, 0, 2]);
        let found = pair(&last, &Sample::new(&V2021).year(2022).review(after));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.starts_with("表四行政诉讼总计本年为2，2021年报告为22"), "{}", found[0].message);
    }
}
