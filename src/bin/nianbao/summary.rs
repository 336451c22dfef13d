//! `check --summary`: across all inputs, how many reports got each verdict
//! and how often each rule fired (and in how many reports).

use nianbao::rules::{all_rules, find_rule};
use nianbao::{Report, Severity};
use std::collections::BTreeMap;
use std::fmt::Write;

/// A report's verdict, as the summary counts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// No error, no warning.
    Passed,
    /// Warnings only.
    PassedWithWarnings,
    Errors,
    /// The input could not be read.
    Unreadable,
}

impl Verdict {
    const ALL: [Verdict; 4] = [Verdict::Passed, Verdict::PassedWithWarnings, Verdict::Errors, Verdict::Unreadable];

    fn label(self) -> &'static str {
        match self {
            Verdict::Passed => "通过 (passed)",
            Verdict::PassedWithWarnings => "通过，有警告 (warnings only)",
            Verdict::Errors => "有错误 (errors)",
            Verdict::Unreadable => "无法读取 (unreadable)",
        }
    }
}

/// What the summary keeps of one report.
pub struct Tally {
    pub verdict: Verdict,
    /// Its diagnostics' codes, once each with their count.
    pub codes: Vec<(&'static str, usize)>,
}

impl Tally {
    pub fn of(report: &Report, unreadable: bool) -> Tally {
        let verdict = if unreadable {
            Verdict::Unreadable
        } else if report.count(Severity::Error) > 0 {
            Verdict::Errors
        } else if report.count(Severity::Warning) > 0 {
            Verdict::PassedWithWarnings
        } else {
            Verdict::Passed
        };
        let mut codes: Vec<(&'static str, usize)> = Vec::new();
        for d in &report.diagnostics {
            match codes.iter_mut().find(|c| c.0 == d.code) {
                Some(c) => c.1 += 1,
                None => codes.push((d.code, 1)),
            }
        }
        Tally { verdict, codes }
    }
}

/// The counts across a batch.
#[derive(Default)]
pub struct Summary {
    reports: usize,
    verdicts: BTreeMap<Verdict, usize>,
    /// Per code: diagnostics, reports.
    rules: BTreeMap<&'static str, (usize, usize)>,
}

impl Summary {
    pub fn add(&mut self, tally: &Tally) {
        self.reports += 1;
        *self.verdicts.entry(tally.verdict).or_default() += 1;
        for &(code, n) in &tally.codes {
            let e = self.rules.entry(code).or_default();
            e.0 += n;
            e.1 += 1;
        }
    }

    /// The findings per rule as CSV (as the app's 导出规则统计: most
    /// findings first, then by code).
    pub fn rules_csv(&self) -> String {
        let mut rules: Vec<_> = self.rules.iter().collect();
        rules.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        let mut out = String::from("规则代码,问题数,报告份数\n");
        for (code, (n, reports)) in rules {
            let _ = writeln!(out, "{code},{n},{reports}");
        }
        out
    }

    /// As a reader sees it: verdicts, then each rule that fired, in the rules' order.
    pub fn text(&self) -> String {
        let mut out = format!("汇总 (summary)：{}份报告 (reports)\n结论 (verdicts)：\n", self.reports);
        for v in Verdict::ALL {
            let _ = writeln!(out, "  {:<6} {}", self.verdicts.get(&v).copied().unwrap_or(0), v.label());
        }
        out.push_str("规则 (rules)：次数 (diagnostics)、报告数 (reports)\n");
        if self.rules.is_empty() {
            out.push_str("  （无）\n");
        }
        let order = |code: &str| all_rules().position(|r| r.code == code).unwrap_or(usize::MAX);
        let mut rules: Vec<_> = self.rules.iter().collect();
        rules.sort_by_key(|(code, _)| (order(code), **code));
        for (code, (n, reports)) in rules {
            let severity = find_rule(code).map_or("", |r| r.severity.as_str());
            let _ = writeln!(out, "  {code:<24} {severity:<8} {n:>6} {reports:>6}");
        }
        out
    }
}
