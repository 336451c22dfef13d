//! `cross_year.stock`: 现行有效件数 this year = last year's + 本年制发 −
//! 本年废止, for 规章 and 行政规范性文件 (table 二, 2021 template).

use super::cross_year::{at_cell, LastYear};
use super::{Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::keys::active as a;
use crate::template::TableId;
use crate::util::find::contains;
use crate::Report;

pub const RULE: Rule = Rule {
    code: "cross_year.stock",
    severity: Severity::Warning,
    group: RuleGroup::National,
    title: "现行有效件数与上年现行有效件数、本年制发和废止件数对不上",
    doc: RuleDoc {
        what: "同一机关相邻两年的报告（均为2021年版表格），表二“规章”“行政规范性文件”两行：本年现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数。报告正文说明了对文件进行过清理或调整（同一句中写到“清理”或“调整”和“规章”或“规范性文件”）时，降为提示。",
        why: "现行有效件数是逐年累计的存量：上年的存量加上本年新制发的、减去本年废止的，就是本年的存量。对不上说明某一年的数字有误，或存量经过清理而报告没有说明。",
        example: "2021年报告行政规范性文件现行有效20件；2022年本年制发3件、废止1件，现行有效却写了25件（应为22件）。",
        basis: "国务院办公厅政府信息公开工作年度报告格式（2021年版）表二的统计口径；同时检查同一机关两个年度的报告时适用。",
    },
    check: |_, _| {},
};

/// Checks this year's report against last year's.
pub fn check(last: &LastYear, current: &Report, out: &mut Vec<Diagnostic>) {
    let table = &current.tables.active;
    for key in [a::REGULATIONS, a::NORMATIVE_DOCUMENTS] {
        let Some(row) = table.row(key) else { continue };
        let (Some(before), Some(issued), Some(repealed), Some(now)) = (
            last.int(TableId::Active, key, a::IN_FORCE),
            row.int(a::ISSUED),
            row.int(a::REPEALED),
            row.int(a::IN_FORCE),
        ) else {
            continue;
        };
        let expected = before + issued - repealed;
        if now == expected {
            continue;
        }
        let mut message = format!(
            "表二「{}」行现行有效件数为{now}，但{}的现行有效件数{before} + 本年制发件数{issued} − 本年废止件数{repealed} = {expected}",
            row.label,
            last.name(),
        );
        let cleanup = cleanup_note(&current.text);
        let severity = if cleanup.is_some() {
            message.push_str("（报告说明了对文件的清理或调整，差额可能由此而来，作为提示）");
            Severity::Info
        } else {
            RULE.severity
        };
        let mut d =
            at_cell(RULE.code, severity, message, TableId::Active, Some(row), (key, a::IN_FORCE), last, "现行有效件数");
        d.help = cleanup.map(|note| format!("报告中说：“{note}”"));
        out.push(d);
    }
}

/// Words that say the stock of documents was cleaned up or recounted.
const CLEANUP: [&str; 2] = ["清理", "调整"];
/// What the cleanup must be about, in the same sentence.
const DOCUMENTS: [&str; 2] = ["规章", "规范性文件"];

/// The first sentence of the report that says its documents were cleaned
/// up or adjusted (at most 80 characters of it).
fn cleanup_note(text: &str) -> Option<String> {
    let sentence = text
        .split(['。', '；', ';', '\n'])
        .find(|s| CLEANUP.iter().any(|w| contains(s, w)) && DOCUMENTS.iter().any(|w| contains(s, w)))?
        .trim();
    let end = sentence.char_indices().nth(80).map_or(sentence.len(), |(at, _)| at);
    Some(sentence[..end].to_string())
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
    fn in_force_follows_from_last_year() {
        let t = TableId::Active;
        let last = Sample::new(&V2021).row(t, a::NORMATIVE_DOCUMENTS, &[2, 0, 20]);
        let good = Sample::new(&V2021).year(2022).row(t, a::NORMATIVE_DOCUMENTS, &[3, 1, 22]);
        assert!(pair(&last, &good).is_empty());
        let bad = Sample::new(&V2021).year(2022).row(t, a::NORMATIVE_DOCUMENTS, &[3, 1, 25]);
        let found = pair(&last, &bad);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(found[0]
            .message
            .contains("现行有效件数为25，但2021年报告的现行有效件数20 + 本年制发件数3 − 本年废止件数1 = 22"));
        assert_eq!(found[0].row, Some(a::NORMATIVE_DOCUMENTS));
        assert!(found[0].span.is_some());
    }

    #[test]
    fn a_cleanup_said_in_the_text_makes_it_a_note() {
        let t = TableId::Active;
        let last = Sample::new(&V2021).row(t, a::REGULATIONS, &[0, 0, 12]);
        let cleaned = Sample::new(&V2021)
            .year(2022)
            .row(t, a::REGULATIONS, &[1, 0, 9])
            .prose(6, "本年度未收取信息处理费。本年度开展规章清理工作，4件规章不再作为现行有效规章统计。");
        let found = pair(&last, &cleaned);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Info);
        assert!(found[0].help.as_deref().unwrap().contains("规章清理工作"), "{:?}", found[0].help);
        // 调整 about something else is no cleanup of documents.
        let other = cleaned.prose(6, "本年度未收取信息处理费。调整了政务公开专栏的栏目设置。");
        assert_eq!(pair(&last, &other)[0].severity, Severity::Warning);
    }

    #[test]
    fn not_across_the_2019_template() {
        // The 2019 template has no 现行有效件数: nothing to compare.
        let t = TableId::Active;
        let last = Sample::new(&V2019).year(2020).row(t, a::NORMATIVE_DOCUMENTS, &[2, 2, 30]);
        let this = Sample::new(&V2021).row(t, a::NORMATIVE_DOCUMENTS, &[3, 1, 25]);
        assert!(pair(&last, &this).is_empty());
    }
}
