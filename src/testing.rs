//! Reports built for tests (feature `testing`, and every `cargo test`): a
//! clean report of one template version, the values and prose a test sets,
//! written as a report is (title, statistical period, the six sections,
//! the tables as tab-separated rows).
//!
//! ```
//! use nianbao::template::{keys::requests as q, v2019::V2019, TableId};
//! use nianbao::testing::Sample;
//! let report = Sample::new(&V2019).row(TableId::Requests, q::NEW, &[3, 0, 0, 0, 0, 0, 2]).check();
//! assert!(report.diagnostics.iter().any(|d| d.code == "requests.row_total"));
//! ```

use crate::template::{keys::review as r, ColKey, RowKey, TableId, Version, SECTIONS};
use crate::Report;
use std::collections::BTreeMap;

/// A report under construction.
#[derive(Clone, Debug)]
pub struct Sample {
    version: &'static Version,
    year: i32,
    agency: String,
    /// Cells as written, where a test set them; the rest are `0`.
    cells: BTreeMap<(TableId, RowKey, ColKey), String>,
    /// Rows left out of the text.
    omitted: Vec<(TableId, RowKey)>,
    /// Text after each section's heading (1-based: index 0 is the preamble).
    prose: [String; 7],
}

impl Sample {
    /// A clean report of `version`, for the first year it is required.
    pub fn new(version: &'static Version) -> Self {
        let mut prose: [String; 7] = Default::default();
        prose[1] = "本年度，我局扎实做好主动公开、依申请公开、政府信息管理、平台建设和监督保障各项工作。".into();
        prose[5] = "一是公开内容还不够全面，部分栏目更新不够及时；二是政策解读形式较为单一，图解、视频等解读较少。下一步，将加强业务培训，丰富解读形式，及时更新公开内容。".into();
        // (Saying how fee notices went, so that any 表三 is clean: text.fee_notice.)
        prose[6] = if version.asks_fee_statement {
            "本年度未收取信息处理费（发出收费通知的情况见表三）。"
        } else {
            "无。"
        }
        .into();
        Sample {
            version,
            year: version.from_year,
            agency: "测试市测试局".into(),
            cells: BTreeMap::new(),
            omitted: Vec::new(),
            prose,
        }
    }

    /// The reported year (title and statistical period).
    pub fn year(mut self, year: i32) -> Self {
        self.year = year;
        self
    }

    pub fn agency(mut self, agency: &str) -> Self {
        self.agency = agency.into();
        self
    }

    /// A row's values, in its columns' order.
    pub fn row(mut self, table: TableId, row: RowKey, values: &[i64]) -> Self {
        let columns = self.columns(table, row);
        for (c, v) in columns.iter().zip(values) {
            self.cells.insert((table, row, c.key), v.to_string());
        }
        self
    }

    /// One cell, written as given (`"/"`, `"1.5"`, `""` for an empty cell).
    pub fn cell(mut self, table: TableId, row: RowKey, column: ColKey, written: &str) -> Self {
        self.cells.insert((table, row, column), written.into());
        self
    }

    /// Table 四's fifteen values, group after group.
    pub fn review(mut self, values: [i64; 15]) -> Self {
        let groups = [r::REVIEW, r::LITIGATION_DIRECT, r::LITIGATION_AFTER_REVIEW];
        for (g, chunk) in groups.iter().zip(values.chunks(5)) {
            self = self.row(TableId::Review, *g, chunk);
        }
        self
    }

    /// Leaves a row out of the text.
    pub fn omit(mut self, table: TableId, row: RowKey) -> Self {
        self.omitted.push((table, row));
        self
    }

    /// Replaces the text of section `n` (1 to 6; 0 is the preamble).
    pub fn prose(mut self, n: usize, text: &str) -> Self {
        self.prose[n] = text.into();
        self
    }

    /// The report's text.
    pub fn text(&self) -> String {
        let mut s = format!(
            "{}\n{}年度政府信息公开工作年度报告\n本报告所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。{}\n",
            self.agency,
            self.year,
            self.prose[0],
            y = self.year
        );
        for (i, section) in SECTIONS.iter().enumerate() {
            s.push_str(&format!("{}、{}\n", section.number, section.title));
            match i + 1 {
                2 => self.active(&mut s),
                3 => self.requests(&mut s),
                4 => self.review_table(&mut s),
                n => {
                    s.push_str(&self.prose[n]);
                    s.push('\n');
                }
            }
        }
        s
    }

    /// The report's text with what follows section `number`'s heading (1 to
    /// 6), up to the next heading, replaced by `body`.
    pub fn text_with_body(&self, number: usize, body: &str) -> String {
        let text = self.text();
        let heading = |n: usize| SECTIONS.get(n.checked_sub(1)?).map(|s| format!("{}、{}\n", s.number, s.title));
        let own = heading(number).expect("sections 1 to 6");
        let start = text.find(&own).expect("the sample writes every heading") + own.len();
        let end = heading(number + 1).and_then(|h| text.find(&h)).unwrap_or(text.len());
        format!("{}{body}\n{}", &text[..start], &text[end..])
    }

    /// The report checked.
    pub fn check(&self) -> Report {
        crate::check(&self.text(), None)
    }

    /// The report checked against the versions of `registry`.
    pub fn check_with(&self, registry: &'static crate::Registry) -> Report {
        crate::check_with(registry, &self.text(), None)
    }

    fn columns(&self, table: TableId, row: RowKey) -> &'static [crate::template::Column] {
        match table {
            TableId::Active => self.version.active.find(row).map_or(&[], |(b, _)| b.columns),
            _ => self.version.grid(table).map_or(&[], |g| g.columns),
        }
    }

    fn values(&self, table: TableId, row: RowKey) -> Option<String> {
        if self.omitted.contains(&(table, row)) {
            return None;
        }
        let cells: Vec<&str> = self
            .columns(table, row)
            .iter()
            .map(|c| self.cells.get(&(table, row, c.key)).map_or("0", String::as_str))
            .collect();
        Some(cells.join("\t"))
    }

    fn active(&self, s: &mut String) {
        for block in self.version.active.blocks {
            s.push_str(block.item);
            s.push('\n');
            let labels: Vec<&str> = block.columns.iter().map(|c| c.label).collect();
            s.push_str(&format!("信息内容\t{}\n", labels.join("\t")));
            for row in block.rows {
                if let Some(values) = self.values(TableId::Active, row.key) {
                    s.push_str(&format!("{}\t{values}\n", row.label));
                }
            }
        }
    }

    fn requests(&self, s: &mut String) {
        let grid = &self.version.requests;
        let labels: Vec<&str> = grid.columns.iter().map(|c| c.label).collect();
        s.push_str(&format!("申请人情况\t{}\n", labels.join("\t")));
        for row in grid.rows {
            if let Some(values) = self.values(TableId::Requests, row.key) {
                s.push_str(&format!("{}\t{values}\n", row.printed()));
            }
        }
    }

    fn review_table(&self, s: &mut String) {
        let grid = &self.version.review;
        s.push_str("行政复议\t行政诉讼\n");
        let labels: Vec<&str> = grid.columns.iter().map(|c| c.label).collect();
        s.push_str(&labels.join("\t"));
        s.push('\n');
        let values: Vec<String> = grid.rows.iter().filter_map(|row| self.values(TableId::Review, row.key)).collect();
        s.push_str(&values.join("\t"));
        s.push('\n');
    }
}

/// The diagnostics of the rule `code` that the rules across two years give
/// `this` year's report, read against `last` year's.
pub fn across_years(last: &Sample, this: &Sample, code: &str) -> Vec<crate::Diagnostic> {
    let last = crate::rules::cross_year::LastYear::of(&last.check());
    crate::rules::cross_year::check(&last, &this.check()).into_iter().filter(|d| d.code == code).collect()
}

/// A line of laid-out text: each word from the column given, columns
/// counted as `pdftotext -layout` counts them (a character one) or, `wide`,
/// as the core's PDF text does (a Chinese character two).
pub fn laid(words: &[(usize, &str)], wide: bool) -> String {
    let width = |s: &str| if wide { crate::util::chars::laid_out_width(s) } else { s.chars().count() };
    let mut line = String::new();
    for (at, word) in words {
        while width(&line) < *at {
            line.push(' ');
        }
        line.push_str(word);
    }
    line
}

/// The codes of a report's diagnostics, in order.
pub fn codes(report: &Report) -> Vec<&'static str> {
    report.diagnostics.iter().map(|d| d.code).collect()
}

/// The report's diagnostics of one code.
pub fn with_code<'r>(report: &'r Report, code: &str) -> Vec<&'r crate::Diagnostic> {
    report.diagnostics.iter().filter(|d| d.code == code).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::{v2019::V2019, v2021::V2021};

    #[test]
    fn a_clean_sample_of_either_version_has_no_diagnostics() {
        for v in [&V2019, &V2021] {
            let r = Sample::new(v).check();
            assert!(r.diagnostics.is_empty(), "{}: {:?}", v.name, r.diagnostics);
            assert_eq!(r.template.map(|t| t.as_str()), Some(v.name));
            assert_eq!(r.year, Some(v.from_year));
        }
    }
}
