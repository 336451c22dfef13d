//! The rules. One rule, one file, one diagnostic code.
//!
//! Each file holds its [`Rule`] (code, severity, and its documentation in the
//! fixed parts of a [`RuleDoc`], which is also what `nianbao explain CODE`
//! and the app's rule pages show), the check, and its tests. A rule reads
//! one report as a [`Document`].

use crate::rules::diagnostic::{Diagnostic, Related, Severity};
use crate::tables::model::{CellState, Row};
use crate::template::{Along, ColKey, Instance, TableId};

mod document;
pub use document::Document;

pub mod cross_year;
pub mod cross_year_carry_over;
pub mod cross_year_copied;
pub mod cross_year_jump;
pub mod cross_year_stock;
pub mod diagnostic;
pub mod input_unreadable;
pub mod meta_late;
pub mod meta_period;
pub mod meta_repealed_basis;
pub mod meta_year_mismatch;
pub mod report_unrecognised;
pub mod requests_balance;
pub mod requests_outcome_total;
pub mod requests_row_total;
pub mod review_corrected;
pub mod review_total;
pub mod section_government_items;
pub mod section_missing;
pub mod section_overview_topics;
pub mod section_problems_thin;
pub mod table_layout;
pub mod table_missing;
pub mod table_missing_row;
pub mod table_value_count;
pub mod template_legacy;
pub mod template_mixed;
pub mod template_outdated;
pub mod text_fee_notice;
pub mod text_fee_statement;
pub mod text_sum_mismatch;
pub mod text_table_mismatch;
pub mod text_zero_claim;
pub mod value_ambiguous;
pub mod value_blank;
pub mod value_invalid;
pub mod value_stray;
pub mod value_unit;

/// A rule: its code, severity, one-line title and documentation.
pub struct Rule {
    pub code: &'static str,
    pub severity: Severity,
    /// Whose requirement it checks: on by default or in a group a user may turn off.
    pub group: RuleGroup,
    /// 一句话说明
    pub title: &'static str,
    pub doc: RuleDoc,
    pub check: fn(&Document, &mut Vec<Diagnostic>),
}

/// A rule without its documentation or check: what a build that shows
/// the documentation only on demand (the app fetches it) refers to, so that
/// the documentation's text stays out of its wasm. Made from the rules'
/// constants at compile time ([`all_heads`]).
#[derive(Clone, Copy, Debug)]
pub struct RuleHead {
    pub code: &'static str,
    pub severity: Severity,
    pub group: RuleGroup,
    pub title: &'static str,
}

impl Rule {
    pub const fn head(&self) -> RuleHead {
        RuleHead { code: self.code, severity: self.severity, group: self.group, title: self.title }
    }
}

/// Whose requirement a rule checks. Every group runs by default; a user
/// may turn one off (`--ignore local`, or in the app).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleGroup {
    /// The 条例 and the national template's requirements.
    National,
    /// What local assessments and review notices also check (提示 level).
    Local,
}

impl RuleGroup {
    pub const ALL: [RuleGroup; 2] = [RuleGroup::National, RuleGroup::Local];

    /// As `--rules`/`--ignore` name it.
    pub fn key(self) -> &'static str {
        match self {
            RuleGroup::National => "national",
            RuleGroup::Local => "local",
        }
    }

    /// As the app shows it.
    pub fn label(self) -> &'static str {
        match self {
            RuleGroup::National => "国家规定",
            RuleGroup::Local => "地方考核与审核要求",
        }
    }
}

/// Which rules a user wants, as ruff's select/ignore: each item a code
/// (`value.unit`), a code's prefix (`text`, `cross_year.`), a group
/// (`national`, `local`) or `all`. A rule runs when some `select` item
/// takes it and no `ignore` item does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    select: Vec<String>,
    ignore: Vec<String>,
}

impl Default for Selection {
    /// Every rule.
    fn default() -> Self {
        Selection { select: vec!["all".into()], ignore: Vec::new() }
    }
}

impl Selection {
    /// From comma-separated lists (an empty `select` is every rule); an item
    /// that names no rule is an error that says which.
    pub fn parse(select: &str, ignore: &str) -> Result<Selection, String> {
        let items = |list: &str| -> Result<Vec<String>, String> {
            let mut out = Vec::new();
            for item in list.split([',', '，', ' ']).map(str::trim).filter(|i| !i.is_empty()) {
                if !all_heads().any(|r| takes(item, r)) {
                    return Err(format!(
                        "“{item}”不是规则代码、代码前缀或规则组（national、local、all）；用 nianbao rules 查看全部规则"
                    ));
                }
                out.push(item.to_string());
            }
            Ok(out)
        };
        let mut select = items(select)?;
        if select.is_empty() {
            select.push("all".into());
        }
        Ok(Selection { select, ignore: items(ignore)? })
    }

    /// Whether a rule runs.
    pub fn allows(&self, rule: &Rule) -> bool {
        self.allows_head(&rule.head())
    }

    fn allows_head(&self, rule: &RuleHead) -> bool {
        self.select.iter().any(|i| takes(i, rule)) && !self.ignore.iter().any(|i| takes(i, rule))
    }

    /// Whether the rule with this code runs (codes no rule has always do).
    pub fn allows_code(&self, code: &str) -> bool {
        find_head(code).is_none_or(|r| self.allows_head(r))
    }
}

/// Whether a selection item takes a rule.
fn takes(item: &str, rule: &RuleHead) -> bool {
    let item = item.trim_end_matches('.');
    item.eq_ignore_ascii_case("all")
        || item == rule.group.key()
        || rule.code == item
        || rule.code.strip_prefix(item).is_some_and(|rest| rest.starts_with('.'))
}

/// A rule's documentation, in the fixed parts every rule page has.
#[derive(Clone, Copy, Debug)]
pub struct RuleDoc {
    /// 检查内容: what is checked.
    pub what: &'static str,
    /// 为什么: why it matters.
    pub why: &'static str,
    /// 示例: an example of a report that breaks it.
    pub example: &'static str,
    /// 依据: the article, template or notice it rests on.
    pub basis: &'static str,
}

impl RuleDoc {
    /// The parts' Chinese headings, in order.
    pub const HEADINGS: [&'static str; 4] = ["检查内容", "为什么", "示例", "依据"];

    /// The parts with their Chinese headings, in order.
    pub fn parts(&self) -> [(&'static str, &'static str); 4] {
        let [what, why, example, basis] = Self::HEADINGS;
        [(what, self.what), (why, self.why), (example, self.example), (basis, self.basis)]
    }
}

impl std::fmt::Display for RuleDoc {
    /// `检查内容：…` one part a line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, (heading, text)) in self.parts().iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{heading}：{text}")?;
        }
        Ok(())
    }
}

impl Rule {
    // Inlined, so that a check reads only the code and severity, not the
    // whole rule with its documentation.
    #[inline(always)]
    pub fn diag(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.code, self.severity, message)
    }
}

/// Lists every single-report rule once, in the order their diagnostics are
/// listed: as [`RULES`] (with their documentation) and as the checks [`run`]
/// calls. `run` takes only the `check` functions, so a build that never
/// shows the documentation (the wasm API) leaves it out.
macro_rules! single_report_rules {
    ($($rule:ident),* $(,)?) => {
        /// Every single-report rule, in the order their diagnostics are listed.
        pub const RULES: &[&Rule] = &[$(&$rule::RULE),*];
        const HEADS: &[RuleHead] = &[$($rule::RULE.head()),*];
        const CHECKS: &[fn(&Document, &mut Vec<Diagnostic>)] = &[$($rule::RULE.check),*];
    };
}

single_report_rules!(
    report_unrecognised,
    template_legacy,
    section_missing,
    table_missing,
    table_layout,
    template_outdated,
    template_mixed,
    meta_year_mismatch,
    meta_period,
    meta_late,
    meta_repealed_basis,
    table_missing_row,
    table_value_count,
    value_invalid,
    value_blank,
    value_ambiguous,
    value_stray,
    value_unit,
    requests_row_total,
    requests_outcome_total,
    requests_balance,
    review_total,
    review_corrected,
    text_table_mismatch,
    text_zero_claim,
    text_sum_mismatch,
    text_fee_statement,
    text_fee_notice,
    section_overview_topics,
    section_government_items,
    section_problems_thin,
);

/// All rules: the single-report ones, those across two years of one
/// agency, and `input.unreadable` (for an input that is not text).
pub fn all_rules() -> impl Iterator<Item = &'static Rule> {
    RULES.iter().chain(cross_year::RULES).copied().chain(std::iter::once(&input_unreadable::RULE))
}

pub fn find_rule(code: &str) -> Option<&'static Rule> {
    all_rules().find(|r| r.code == code)
}

/// Every rule's head, in [`all_rules`]' order: no documentation.
pub fn all_heads() -> impl Iterator<Item = &'static RuleHead> {
    /// The heads of a list of rules, at compile time.
    const fn heads<const N: usize>(rules: &[&Rule]) -> [RuleHead; N] {
        let mut out = [input_unreadable::RULE.head(); N];
        let mut i = 0;
        while i < N {
            out[i] = rules[i].head();
            i += 1;
        }
        out
    }
    const CROSS_YEAR: [RuleHead; cross_year::RULES.len()] = heads(cross_year::RULES);
    const UNREADABLE: RuleHead = input_unreadable::RULE.head();
    HEADS.iter().chain(&CROSS_YEAR).chain(std::iter::once(&UNREADABLE))
}

pub fn find_head(code: &str) -> Option<&'static RuleHead> {
    all_heads().find(|r| r.code == code)
}

pub fn run(doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if !doc.recognised() {
        (report_unrecognised::RULE.check)(doc, &mut out);
        return out;
    }
    for check in CHECKS {
        check(doc, &mut out);
    }
    // Every diagnostic has a line the page can highlight: one that names
    // none points at its table, else at the report's title.
    for d in out.iter_mut().filter(|d| d.line.is_none()) {
        d.line = Some(fallback_line(doc, d.table));
    }
    out
}

/// Where a diagnostic with no line of its own points: its table (or the
/// table's section), else the title, else the first section, else line 1.
fn fallback_line(doc: &Document, table: Option<TableId>) -> usize {
    table
        .and_then(|t| doc.table(t).line.or_else(|| doc.section(t.section()).map(|s| s.line)))
        .or(doc.meta.title_line)
        .or(doc.sections.first().map(|s| s.line))
        .unwrap_or(1)
}

// ------------------------------------------------------ helpers for rules

/// 表三「（七）总计」 — how a message names a row.
pub fn row_name(table: TableId, row: &Row) -> String {
    format!("{}「{}」", table.short_name(), row.printed())
}

/// Where an issue sits: `表四` for a whole table, `表三「…」行` for a row.
pub fn place(table: TableId, row: Option<&Row>) -> String {
    match row {
        Some(r) => format!("{}行", row_name(table, r)),
        None => table.short_name().to_string(),
    }
}

pub fn column_label(row: &Row, column: ColKey) -> &'static str {
    row.columns.iter().find(|c| c.key == column).map_or("", |c| c.label)
}

/// One sum of the template that a table breaks: the sum, and each side's
/// cells as (row, column, value), every one a whole number.
pub struct Break<'a> {
    pub instance: Instance,
    pub left: Vec<(&'a Row, ColKey, i64)>,
    pub right: Vec<(&'a Row, ColKey, i64)>,
}

impl Break<'_> {
    pub fn left_sum(&self) -> i64 {
        side_sum(&self.left)
    }
    pub fn right_sum(&self) -> i64 {
        side_sum(&self.right)
    }
    /// The column the sum runs down (for sums along a column).
    pub fn column(&self) -> Option<ColKey> {
        match self.instance.along {
            Along::Column(c) => Some(c),
            Along::Row(_) => None,
        }
    }
}

fn side_sum(cells: &[(&Row, ColKey, i64)]) -> i64 {
    cells.iter().map(|c| c.2).sum()
}

/// The sums of table `id` declared for the rule `code` that do not hold,
/// in template order; a sum with a cell that is not a whole number is not
/// checked.
pub fn broken_sums<'a>(doc: &Document<'a>, id: TableId, code: &str) -> Vec<Break<'a>> {
    let table = doc.tables.get(id);
    let Some(grid) = doc.grid(id) else { return Vec::new() };
    let mut out = Vec::new();
    // A cell left blank counts as 0; a side all blank is not a sum to check
    // (a total left empty is `value.blank`'s to say).
    // (Each side read into a vector kept from sum to sum: most sums hold,
    // and only a broken one keeps a copy.)
    // (The row last found is kept: a row's sum reads one row.)
    let mut last: Option<&'a Row> = None;
    let mut side = |cells: &[crate::template::Cell], out: &mut Vec<(&'a Row, ColKey, i64)>| -> Option<bool> {
        out.clear();
        let mut given = false;
        for &(r, c) in cells {
            let row = match last.filter(|row| row.key == r) {
                Some(row) => row,
                None => *last.insert(table.row(r)?),
            };
            let cell = row.cell(c)?;
            match (&cell.state, cell.value.and_then(|v| v.as_int())) {
                (_, Some(v)) => {
                    given = true;
                    out.push((row, c, v));
                }
                (CellState::Blank, None) => out.push((row, c, 0)),
                _ => return None,
            }
        }
        Some(given)
    };
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for instance in grid.sums().iter().filter(|i| i.code == code) {
        let (Some(l), Some(r)) = (side(&instance.left, &mut left), side(&instance.right, &mut right)) else {
            continue;
        };
        if !(l && r) && (l || r) {
            continue;
        }
        if side_sum(&left) != side_sum(&right) {
            out.push(Break { instance: instance.clone(), left: left.clone(), right: right.clone() });
        }
    }
    out
}

/// A related place pointing at one cell.
pub fn related_cell(row: &Row, column: ColKey, label: impl Into<String>) -> Related {
    let cell = row.cell(column);
    Related {
        label: label.into(),
        line: cell.and_then(|c| c.line).or(row.line),
        span: cell.and_then(|c| c.span),
        row: Some(row.key),
        column: Some(column),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_heads_are_the_rules_without_their_documentation() {
        let heads: Vec<_> = all_heads().map(|h| (h.code, h.severity, h.group, h.title)).collect();
        let rules: Vec<_> = all_rules().map(|r| (r.code, r.severity, r.group, r.title)).collect();
        assert_eq!(heads, rules);
    }

    use super::*;

    #[test]
    fn selections_take_codes_prefixes_and_groups() {
        let all = Selection::default();
        assert!(all_rules().all(|r| all.allows(r)));
        let s = Selection::parse("requests", "requests.balance").unwrap();
        assert!(s.allows(&requests_row_total::RULE) && !s.allows(&requests_balance::RULE));
        assert!(!s.allows(&value_blank::RULE));
        let s = Selection::parse("", "national").unwrap();
        assert!(!s.allows(&value_blank::RULE));
        assert!(Selection::parse("value.bogus", "").unwrap_err().contains("value.bogus"));
        // A prefix stops at a dot: `value.b` is not `value.blank`.
        assert!(Selection::parse("value.b", "").is_err());
    }
}
