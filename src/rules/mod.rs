//! Stage 5: the rules. One rule, one file, one diagnostic code.
//!
//! Each file holds its [`Rule`] (code, severity, and its documentation in the
//! fixed parts 检查内容 / 为什么 / 示例 / 依据, which is also what `nianbao
//! explain CODE` and the app's rule pages show), the check, and its tests.

use crate::read::meta::Meta;
use crate::read::normalise::Normalised;
use crate::read::prose::Prose;
use crate::read::sections::Section;
use crate::rules::diagnostic::{Diagnostic, Related, Severity};
use crate::tables::model::{Row, Table};
use crate::tables::Tables;
use crate::template::{TableId, Version};

pub mod cross_year_carry_over;
pub mod diagnostic;
pub mod meta_year_mismatch;
pub mod report_unrecognised;
pub mod requests_balance;
pub mod requests_outcome_total;
pub mod requests_row_total;
pub mod review_total;
pub mod section_missing;
pub mod table_layout;
pub mod table_missing;
pub mod table_missing_row;
pub mod table_value_count;
pub mod template_mixed;
pub mod template_outdated;
pub mod text_fee_statement;
pub mod text_sum_mismatch;
pub mod text_table_mismatch;
pub mod value_ambiguous;
pub mod value_blank;
pub mod value_invalid;
pub mod value_stray;

/// Everything a rule may read about one report.
pub struct Document<'a> {
    pub norm: &'a Normalised,
    pub meta: &'a Meta,
    pub sections: &'a [Section],
    pub tables: &'a Tables,
    /// The reported year: the title's, else the statistical period's.
    pub year: Option<i32>,
    /// The prose, read when a rule first asks for it.
    prose: std::cell::OnceCell<Prose<'a>>,
}

impl<'a> Document<'a> {
    pub fn new(
        norm: &'a Normalised,
        meta: &'a Meta,
        sections: &'a [Section],
        tables: &'a Tables,
        year: Option<i32>,
    ) -> Self {
        Document { norm, meta, sections, tables, year, prose: std::cell::OnceCell::new() }
    }
    /// The report's prose, with the rules' phrases found in it (once for
    /// all the rules that read it).
    pub fn prose(&self) -> &Prose<'a> {
        self.prose.get_or_init(|| Prose::of(self))
    }
    pub fn text(&self) -> &str {
        &self.norm.text
    }
    pub fn table(&self, id: TableId) -> &Table {
        self.tables.get(id)
    }
    pub fn section(&self, number: usize) -> Option<&Section> {
        self.sections.iter().find(|s| s.number == number)
    }
    /// Versions used by the tables that tell one.
    pub fn versions(&self) -> Vec<(TableId, Version)> {
        let mut out = Vec::new();
        for row in self.tables.active.rows.iter().filter(|r| r.found) {
            if let Some(v) = row.version {
                if !out.contains(&(TableId::Active, v)) {
                    out.push((TableId::Active, v));
                }
            }
        }
        if let Some(v) = self.tables.requests.version {
            out.push((TableId::Requests, v));
        }
        out
    }
    /// Every cell of every table, with its table and row.
    pub fn cells(&self) -> impl Iterator<Item = (TableId, &'a Row, &'a crate::tables::model::Cell)> {
        let tables = self.tables;
        TableId::ALL
            .into_iter()
            .flat_map(move |id| tables.get(id).rows.iter().flat_map(move |r| r.cells.iter().map(move |c| (id, r, c))))
    }
    /// Every issue the parser noted: of a whole table (row `None`) or of a row.
    pub fn issues(&self) -> impl Iterator<Item = (TableId, Option<&'a Row>, &'a crate::tables::model::RowIssue)> {
        let tables = self.tables;
        TableId::ALL.into_iter().flat_map(move |id| {
            let t = tables.get(id);
            let whole = t.issues.iter().map(move |i| (id, None, i));
            let rows = t.rows.iter().flat_map(move |r| r.issues.iter().map(move |i| (id, Some(r), i)));
            whole.chain(rows)
        })
    }
    /// Whether the input looked like a report at all.
    pub fn recognised(&self) -> bool {
        TableId::ALL.iter().any(|&t| self.table(t).found) || self.sections.len() >= 2
    }
}

/// A rule: its code, severity, one-line title and documentation.
pub struct Rule {
    pub code: &'static str,
    pub severity: Severity,
    /// 一句话说明
    pub title: &'static str,
    /// 检查内容 / 为什么 / 示例 / 依据
    pub doc: &'static str,
    pub check: fn(&Document, &mut Vec<Diagnostic>),
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
        const CHECKS: &[fn(&Document, &mut Vec<Diagnostic>)] = &[$($rule::RULE.check),*];
    };
}

single_report_rules!(
    report_unrecognised,
    section_missing,
    table_missing,
    table_layout,
    template_outdated,
    template_mixed,
    meta_year_mismatch,
    table_missing_row,
    table_value_count,
    value_invalid,
    value_blank,
    value_ambiguous,
    value_stray,
    requests_row_total,
    requests_outcome_total,
    requests_balance,
    review_total,
    text_table_mismatch,
    text_sum_mismatch,
    text_fee_statement,
);

/// All rules, including the one across two reports.
pub fn all_rules() -> impl Iterator<Item = &'static Rule> {
    RULES.iter().copied().chain(std::iter::once(&cross_year_carry_over::RULE))
}

pub fn find_rule(code: &str) -> Option<&'static Rule> {
    all_rules().find(|r| r.code == code)
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
    out
}

// ------------------------------------------------------ helpers for rules

/// 表三「（七）总计」行 — how a message names a row.
pub fn row_name(table: TableId, row: &Row) -> String {
    let label = match (table, row.key) {
        (TableId::Requests, k) => crate::render::request_row_label(k),
        (TableId::Review, _) => row.label.to_string(),
        (TableId::Active, _) => row.label.to_string(),
    };
    format!("{}「{}」", short_table(table), label)
}

/// Where an issue sits: `表四` for a whole table, `表三「…」行` for a row.
pub fn place(table: TableId, row: Option<&Row>) -> String {
    match row {
        Some(r) => format!("{}行", row_name(table, r)),
        None => short_table(table).to_string(),
    }
}

pub fn short_table(table: TableId) -> &'static str {
    match table {
        TableId::Active => "表二",
        TableId::Requests => "表三",
        TableId::Review => "表四",
    }
}

/// The whole numbers in a row's cells of the given columns (as many as `N`),
/// if every one holds a whole number; on the stack, as the sum rules read
/// them for every row.
pub fn ints<const N: usize>(row: &Row, columns: &[crate::template::Column]) -> Option<[i64; N]> {
    debug_assert_eq!(columns.len(), N);
    let mut out = [0; N];
    for (v, c) in out.iter_mut().zip(columns) {
        *v = row.int(c.key)?;
    }
    Some(out)
}

pub fn column_label(row: &Row, column: &str) -> &'static str {
    row.columns.iter().find(|c| c.key == column).map_or("", |c| c.label)
}

/// A related place pointing at one cell.
pub fn related_cell(row: &Row, column: &str, label: impl Into<String>) -> Related {
    let cell = row.cell(column);
    Related {
        label: label.into(),
        line: cell.and_then(|c| c.line).or(row.line),
        span: cell.and_then(|c| c.span),
        row: Some(row.key.to_string()),
        column: Some(column.to_string()),
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::{check, Report};

    /// A clean 2021-template report with the given rows of table 三 and
    /// table 四 values; the rest as in seed 003.
    pub fn report_2021(rows: &[(&str, [i64; 7])], review: [i64; 15], extra_text: &str) -> String {
        let mut s = String::from("测试局\n2021年度政府信息公开工作年度报告\n本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。\n一、总体情况\n");
        s.push_str(extra_text);
        s.push_str("\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t0\t0\t1\n第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t0\n第二十条第（六）项\n信息内容\t本年处理决定数量\n行政处罚\t0\n行政强制\t0\n第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t0\n");
        s.push_str("三、收到和处理政府信息公开申请情况\n申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n");
        for spec in crate::template::request_rows(crate::template::Version::V2021) {
            let values = rows.iter().find(|r| r.0 == spec.key).map(|r| r.1).unwrap_or([0; 7]);
            let label = crate::render::request_row_label(spec.key);
            s.push_str(&label);
            for v in values {
                s.push_str(&format!("\t{v}"));
            }
            s.push('\n');
        }
        s.push_str("四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n");
        s.push_str(&review.iter().map(|v| v.to_string()).collect::<Vec<_>>().join("\t"));
        s.push_str("\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n");
        s
    }

    pub fn codes(report: &Report) -> Vec<&'static str> {
        report.diagnostics.iter().map(|d| d.code).collect()
    }

    pub fn check_text(text: &str) -> Report {
        check(text, None)
    }
}
