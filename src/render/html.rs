//! The report as an HTML fragment: summary with verdict, the three tables
//! drawn as the template draws them (merged header cells, group labels),
//! cells that break a rule marked in place, and the diagnostics list.
//!
//! Pure string building: every piece of text is escaped here, so a page may
//! put the result into `innerHTML` (the `<nianbao-checker>` widget does).
//! No `style` attributes, only classes, so the fragment works under a CSP
//! without `'unsafe-inline'`; the look lives in the embedding stylesheet.

use crate::rules::diagnostic::Severity;
use crate::tables::model::{Cell, CellState, Row, Table};
use crate::template::{TableId, ACTIVE_ROWS, REQUEST_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS};
use crate::Report;
use std::fmt::Write;

/// The language of the fragment's own words (headings, field names). The
/// report's content (template labels, messages) is Chinese either way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// `"en"` (or `en-…`) is English; anything else is Chinese.
    pub fn parse(s: &str) -> Lang {
        if s.eq_ignore_ascii_case("en") || s.to_ascii_lowercase().starts_with("en-") {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    fn severity(self, s: Severity) -> &'static str {
        match self {
            Lang::Zh => s.label(),
            Lang::En => s.as_str(),
        }
    }

    fn line(self, n: usize) -> String {
        match self {
            Lang::Zh => format!("第{n}行"),
            Lang::En => format!("line {n}"),
        }
    }

    fn verdict(self, report: &Report) -> String {
        match self {
            Lang::Zh => report.verdict(),
            Lang::En => match (report.count(Severity::Error), report.count(Severity::Warning)) {
                (0, 0) => "Passed".into(),
                (0, w) => format!("Passed ({w} warning{})", plural(w)),
                (e, _) => format!("{e} error{}", plural(e)),
            },
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Escapes text for an element's content or a quoted attribute value.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The whole fragment: summary, tables, diagnostics.
pub fn report(report: &Report, lang: Lang) -> String {
    let marks = Marks::of(report);
    let mut out = String::new();
    summary(&mut out, report, lang);
    let _ = write!(out, "<details class=\"nb-tables\" open><summary>{}</summary>", lang.pick("表格", "Tables"));
    for id in TableId::ALL {
        table(&mut out, report, id, &marks, lang);
    }
    out.push_str("</details>");
    diagnostics(&mut out, report, lang);
    out
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "nb-error",
        Severity::Warning => "nb-warning",
        Severity::Info => "nb-info",
    }
}

// ----------------------------------------------------------------- summary

fn summary(out: &mut String, report: &Report, lang: Lang) {
    let state = match (report.count(Severity::Error), report.count(Severity::Warning)) {
        (0, 0) => "nb-ok",
        (0, _) => "nb-warning",
        _ => "nb-error",
    };
    let unknown = lang.pick("未识别", "not found");
    let template = match report.template {
        Some(t) if lang == Lang::Zh && t.as_str() != "mixed" => format!("{}年版", t.as_str()),
        Some(_) if lang == Lang::Zh => "混用两版".to_string(),
        Some(t) => t.as_str().to_string(),
        None => unknown.to_string(),
    };
    let year = report.year.map_or(unknown.to_string(), |y| y.to_string());
    let _ = write!(
        out,
        "<section class=\"nb-summary {state}\" data-testid=\"summary\"><p class=\"nb-verdict\">{}</p><dl>",
        escape(&lang.verdict(report))
    );
    let fields: [(&str, String); 6] = [
        (lang.pick("机关", "Agency"), report.agency.clone().unwrap_or_else(|| unknown.to_string())),
        (lang.pick("年度", "Year"), year),
        (lang.pick("模板", "Template"), template),
        (lang.pick("错误", "Errors"), report.count(Severity::Error).to_string()),
        (lang.pick("警告", "Warnings"), report.count(Severity::Warning).to_string()),
        (lang.pick("提示", "Notes"), report.count(Severity::Info).to_string()),
    ];
    for (name, value) in fields {
        let _ = write!(out, "<div><dt>{name}</dt><dd>{}</dd></div>", escape(&value));
    }
    out.push_str("</dl></section>");
}

// ------------------------------------------------------------- diagnostics

fn diagnostics(out: &mut String, report: &Report, lang: Lang) {
    let n = report.diagnostics.len();
    let _ = write!(
        out,
        "<section class=\"nb-diagnostics\" data-testid=\"diagnostics\"><h3>{}（{n}）</h3>",
        lang.pick("问题", "Diagnostics")
    );
    if n == 0 {
        let _ = write!(out, "<p class=\"nb-none\">{}</p></section>", lang.pick("未发现问题。", "No problems found."));
        return;
    }
    out.push_str("<ol>");
    for d in &report.diagnostics {
        let line_attr = d.line.map(|l| format!(" data-line=\"{l}\" tabindex=\"0\"")).unwrap_or_default();
        let _ = write!(
            out,
            "<li class=\"nb-diag {}\" data-code=\"{}\"{line_attr}><span class=\"nb-sev\">{}</span> <code>{}</code>",
            severity_class(d.severity),
            escape(d.code),
            lang.severity(d.severity),
            escape(d.code)
        );
        if let Some(l) = d.line {
            let _ = write!(out, " <span class=\"nb-line\">{}</span>", lang.line(l));
        }
        let _ = write!(out, "<p class=\"nb-msg\">{}</p>", escape(&d.message));
        if let Some(help) = &d.help {
            let _ = write!(out, "<p class=\"nb-help\">{}</p>", escape(help));
        }
        out.push_str("</li>");
    }
    out.push_str("</ol></section>");
}

// ------------------------------------------------------------------ tables

/// A cell (table, row, column); a `None` column means the row as a whole.
type CellKey<'a> = (TableId, &'a str, Option<&'a str>);

/// The worst severity and the messages of the diagnostics about a cell.
type Mark<'a> = (Severity, Vec<&'a str>);

/// Every cell some diagnostic is about. A list, not a map: a table has a few
/// hundred cells at most, and a list keeps the wasm smaller.
struct Marks<'a>(Vec<(CellKey<'a>, Mark<'a>)>);

impl<'a> Marks<'a> {
    fn of(report: &'a Report) -> Self {
        let mut map: Vec<(CellKey<'a>, Mark<'a>)> = Vec::new();
        let mut mark = |key: CellKey<'a>, sev: Severity, msg: &'a str| {
            let i = match map.iter().position(|(k, _)| *k == key) {
                Some(i) => i,
                None => {
                    map.push((key, (sev, Vec::new())));
                    map.len() - 1
                }
            };
            let e = &mut map[i].1;
            e.0 = e.0.min(sev); // Error < Warning < Info
            if !e.1.contains(&msg) {
                e.1.push(msg);
            }
        };
        for d in &report.diagnostics {
            let Some(table) = d.table else { continue };
            if let Some(row) = d.row.as_deref() {
                mark((table, row, d.column.as_deref()), d.severity, d.message.as_str());
            }
            for r in &d.related {
                if let Some(row) = r.row.as_deref() {
                    mark((table, row, r.column.as_deref()), d.severity, d.message.as_str());
                }
            }
        }
        Marks(map)
    }

    fn get(&self, table: TableId, row: &str, column: Option<&str>) -> Option<&Mark<'a>> {
        self.0.iter().find(|((t, r, c), _)| *t == table && *r == row && *c == column).map(|(_, mark)| mark)
    }
}

fn table(out: &mut String, report: &Report, id: TableId, marks: &Marks, lang: Lang) {
    let t = report.table(id);
    let version = match (t.version, lang) {
        (Some(v), Lang::Zh) => format!("（{}年版）", v.name()),
        (Some(v), Lang::En) => format!(" ({} template)", v.name()),
        (None, _) => String::new(),
    };
    let _ = write!(
        out,
        "<section class=\"nb-table\" data-table=\"{}\"><h3>{}{}</h3>",
        id.key(),
        escape(id.name()),
        escape(&version)
    );
    if !t.found || t.rows.is_empty() {
        let _ = write!(out, "<p class=\"nb-missing\">{}</p></section>", lang.pick("未找到该表。", "Table not found."));
        return;
    }
    if let Some(why) = &t.unreadable {
        let _ = write!(out, "<p class=\"nb-missing\">{}</p>", escape(why));
    }
    out.push_str("<div class=\"nb-scroll\"><table>");
    match id {
        TableId::Active => active(out, t, marks),
        TableId::Requests => requests(out, t, marks),
        TableId::Review => review(out, t, marks),
    }
    out.push_str("</table></div></section>");
}

/// One value cell: the value, or what was written instead, marked by the
/// diagnostics about it.
fn cell(out: &mut String, id: TableId, row: &Row, cell: Option<&Cell>, column: &str, marks: &Marks, colspan: usize) {
    let mut classes = vec!["nb-cell"];
    let (text, state_title) = match cell {
        Some(c) => match (&c.state, c.value) {
            (_, Some(v)) => (v.to_string(), None),
            (CellState::Blank, None) => {
                classes.push("nb-blank");
                (c.raw.to_string(), Some("留空"))
            }
            (CellState::Invalid { .. }, None) => {
                classes.push("nb-invalid");
                (c.raw.to_string(), Some("无效"))
            }
            _ => {
                classes.push("nb-absent");
                ("·".to_string(), Some("未给出"))
            }
        },
        None => {
            classes.push("nb-absent");
            ("·".to_string(), Some("未给出"))
        }
    };
    let mut title: Vec<&str> = state_title.into_iter().collect();
    if let Some((sev, messages)) = marks.get(id, row.key, Some(column)) {
        classes.push(severity_class(*sev));
        classes.push("nb-marked");
        title.extend(messages.iter().copied());
    }
    let _ = write!(
        out,
        "<td class=\"{}\" data-row=\"{}\" data-col=\"{}\"",
        classes.join(" "),
        escape(row.key),
        escape(column)
    );
    if colspan > 1 {
        let _ = write!(out, " colspan=\"{colspan}\"");
    }
    if let Some(line) = cell.and_then(|c| c.line).or(row.line) {
        let _ = write!(out, " data-line=\"{line}\"");
    }
    if !title.is_empty() {
        let _ = write!(out, " title=\"{}\"", escape(&title.join("\n")));
    }
    let _ = write!(out, ">{}</td>", escape(&text));
}

/// A row label cell (`<th>`), marked when a diagnostic is about the row.
fn label(out: &mut String, id: TableId, row: &Row, text: &str, marks: &Marks, colspan: usize) {
    let mut classes = vec!["nb-label"];
    if !row.found {
        classes.push("nb-not-found");
    }
    let mark = marks.get(id, row.key, None);
    if let Some((sev, _)) = mark {
        classes.push(severity_class(*sev));
        classes.push("nb-marked");
    }
    let _ = write!(out, "<th scope=\"row\" class=\"{}\"", classes.join(" "));
    if colspan > 1 {
        let _ = write!(out, " colspan=\"{colspan}\"");
    }
    if let Some(line) = row.line {
        let _ = write!(out, " data-line=\"{line}\"");
    }
    if let Some((_, messages)) = mark {
        let _ = write!(out, " title=\"{}\"", escape(&messages.join("\n")));
    }
    let _ = write!(out, ">{}</th>", escape(text));
}

fn values(out: &mut String, id: TableId, row: &Row, marks: &Marks) {
    for c in row.columns {
        cell(out, id, row, row.cell(c.key), c.key, marks, 1);
    }
}

/// Table 三: three label columns (the template's merged 三、本年度办理结果 and
/// （三）…（六） groups), then the seven applicant columns.
fn requests(out: &mut String, t: &Table, marks: &Marks) {
    out.push_str("<thead><tr><th colspan=\"3\" rowspan=\"3\" class=\"nb-corner\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th><th colspan=\"7\">申请人情况</th></tr>");
    let _ = write!(
        out,
        "<tr><th rowspan=\"2\">{}</th><th colspan=\"5\">法人或其他组织</th><th rowspan=\"2\">{}</th></tr><tr>",
        REQUEST_COLUMNS[0].label, REQUEST_COLUMNS[6].label
    );
    for c in &REQUEST_COLUMNS[1..6] {
        let _ = write!(out, "<th>{}</th>", c.label);
    }
    out.push_str("</tr></thead><tbody>");
    let outcomes = t.rows.iter().filter(|r| r.key.starts_with("3.")).count();
    let mut first_outcome = true;
    for (i, row) in t.rows.iter().enumerate() {
        let class = if row.found { "" } else { " class=\"nb-not-found\"" };
        let _ = write!(out, "<tr{class}>");
        let label_text = super::request_row_label(row.key);
        if let Some(group) = outcome_group(row.key) {
            if first_outcome {
                let _ = write!(out, "<th rowspan=\"{outcomes}\" class=\"nb-group\">三、本年度办理结果</th>");
                first_outcome = false;
            }
            match group {
                Some(g) => {
                    let in_group = |r: &Row| outcome_group(r.key) == Some(Some(g));
                    if i == 0 || !in_group(&t.rows[i - 1]) {
                        let size = t.rows[i..].iter().take_while(|r| in_group(r)).count();
                        let name = crate::template::request_group_label(g).unwrap_or(g);
                        let _ = write!(out, "<th rowspan=\"{size}\" class=\"nb-group\">{}</th>", escape(name));
                    }
                    label(out, TableId::Requests, row, &label_text, marks, 1);
                }
                None => label(out, TableId::Requests, row, &label_text, marks, 2),
            }
        } else {
            label(out, TableId::Requests, row, &label_text, marks, 3);
        }
        values(out, TableId::Requests, row, marks);
        out.push_str("</tr>");
    }
    out.push_str("</tbody>");
}

/// `None` outside 三、本年度办理结果; `Some(None)` for its single rows
/// (（一）（二）（七）, 2019's （六）); `Some(Some("3.3"))` inside a group.
fn outcome_group(key: &str) -> Option<Option<&str>> {
    let rest = key.strip_prefix("3.")?;
    Some(rest.contains('.').then(|| &key[..key.rfind('.').unwrap_or(key.len())]))
}

/// Table 四: one row of fifteen cells under a three-level header.
fn review(out: &mut String, t: &Table, marks: &Marks) {
    out.push_str("<thead><tr><th colspan=\"5\" rowspan=\"2\">行政复议</th><th colspan=\"10\">行政诉讼</th></tr>");
    out.push_str("<tr><th colspan=\"5\">未经复议直接起诉</th><th colspan=\"5\">复议后起诉</th></tr><tr>");
    for _ in REVIEW_GROUPS {
        for c in REVIEW_COLUMNS {
            let _ = write!(out, "<th>{}</th>", c.label);
        }
    }
    out.push_str("</tr></thead><tbody><tr>");
    for group in REVIEW_GROUPS {
        match t.row(group.key) {
            Some(row) => values(out, TableId::Review, row, marks),
            None => {
                let missing = Row::new(group.key, group.label, &REVIEW_COLUMNS);
                values(out, TableId::Review, &missing, marks);
            }
        }
    }
    out.push_str("</tr></tbody>");
}

/// The article item (第二十条第（X）项) a row of table 二 reports on: the
/// template prints it above each block.
fn article(key: &str) -> &'static str {
    match key {
        "regulations" | "normative_documents" => "第二十条第（一）项",
        "licensing" | "other_services" => "第二十条第（五）项",
        "punishment" | "enforcement" => "第二十条第（六）项",
        "fees" => "第二十条第（八）项",
        "procurement" => "第二十条第（九）项",
        _ => "",
    }
}

/// Table 二: blocks of rows, each under its article and its own column
/// header; four columns wide, a block's last column spanning the rest.
fn active(out: &mut String, t: &Table, marks: &Marks) {
    const WIDTH: usize = 3;
    out.push_str("<tbody>");
    let mut previous: Option<(&str, Vec<&str>)> = None;
    for row in &t.rows {
        let label_text = ACTIVE_ROWS.iter().find(|r| r.key == row.key).map_or(row.label, |r| r.label);
        let block = (article(row.key), row.columns.iter().map(|c| c.key).collect::<Vec<_>>());
        if previous.as_ref() != Some(&block) {
            let _ = write!(out, "<tr class=\"nb-block\"><th colspan=\"{}\">{}</th></tr>", WIDTH + 1, block.0);
            out.push_str("<tr class=\"nb-head\"><th>信息内容</th>");
            for (i, c) in row.columns.iter().enumerate() {
                let span = if i + 1 == row.columns.len() { WIDTH - i } else { 1 };
                let colspan = if span > 1 { format!(" colspan=\"{span}\"") } else { String::new() };
                let _ = write!(out, "<th{colspan}>{}</th>", c.label);
            }
            out.push_str("</tr>");
            previous = Some(block);
        }
        let class = if row.found { "" } else { " class=\"nb-not-found\"" };
        let _ = write!(out, "<tr{class}>");
        label(out, TableId::Active, row, label_text, marks, 1);
        for (i, c) in row.columns.iter().enumerate() {
            let span = if i + 1 == row.columns.len() { WIDTH - i } else { 1 };
            cell(out, TableId::Active, row, row.cell(c.key), c.key, marks, span);
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed(name: &str) -> String {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
        let file = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .find(|p| {
                p.file_name().unwrap().to_string_lossy().starts_with(name) && p.extension().is_some_and(|x| x == "txt")
            })
            .unwrap();
        std::fs::read_to_string(file).unwrap()
    }

    /// Tags opened minus tags closed, for the elements the renderer writes.
    fn balanced(html: &str) -> bool {
        ["section", "table", "thead", "tbody", "tr", "td", "th", "ol", "li", "details", "dl", "div", "p"].iter().all(
            |t| {
                html.matches(&format!("<{t}>")).count() + html.matches(&format!("<{t} ")).count()
                    == html.matches(&format!("</{t}>")).count()
            },
        )
    }

    #[test]
    fn escapes_everything_the_input_controls() {
        assert_eq!(escape("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
        let hostile_agency = "<i>局</i>\n2021年度政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n";
        let r = crate::check(hostile_agency, None);
        assert_eq!(r.agency.as_deref(), Some("<i>局</i>"), "the test needs the agency to reach the page");
        let html = report(&r, Lang::Zh);
        assert!(html.contains("<dd>&lt;i&gt;局&lt;/i&gt;</dd>"), "{html}");
        assert!(!html.contains("<i>"), "{html}");
    }

    #[test]
    fn never_writes_style_attributes() {
        for s in ["000", "001", "002", "003", "004"] {
            let html = report(&crate::check(&seed(s), None), Lang::Zh);
            assert!(!html.contains("style="), "{s}");
            assert!(balanced(&html), "{s}: unbalanced tags");
        }
    }

    #[test]
    fn table_three_has_the_template_shape() {
        let r = crate::check(&seed("003"), None);
        let html = report(&r, Lang::Zh);
        // One merged 三、本年度办理结果 cell over every outcome row.
        let outcomes = r.tables.requests.rows.iter().filter(|r| r.key.starts_with("3.")).count();
        assert!(html.contains(&format!("<th rowspan=\"{outcomes}\" class=\"nb-group\">三、本年度办理结果</th>")));
        assert!(html.contains("<th rowspan=\"8\" class=\"nb-group\">（三）不予公开</th>"));
        // Seven value cells in every row of table 三.
        let section = html.split("data-table=\"requests\"").nth(1).unwrap().split("</section>").next().unwrap();
        for tr in section.split("<tr").skip(4) {
            assert_eq!(tr.matches("<td").count(), 7, "{tr}");
        }
    }

    #[test]
    fn summary_counts_and_marks_follow_the_diagnostics() {
        let r = crate::check(&seed("001"), None);
        let html = report(&r, Lang::Zh);
        assert!(html.contains(&format!("<p class=\"nb-verdict\">{}</p>", r.verdict())));
        assert_eq!(html.matches("<li class=\"nb-diag").count(), r.diagnostics.len());
        let marked_rows: Vec<_> = r.diagnostics.iter().filter(|d| d.table.is_some() && d.row.is_some()).collect();
        assert!(!marked_rows.is_empty());
        assert!(html.contains("nb-marked"));
        let en = report(&r, Lang::En);
        assert!(en.contains("<dt>Agency</dt>") && en.contains(r.diagnostics[0].message.as_str()));
    }

    #[test]
    fn a_missing_table_says_so() {
        let html = report(&crate::check("", None), Lang::Zh);
        assert_eq!(html.matches("未找到该表。").count(), 3);
        assert!(html.contains("report.unrecognised"));
    }

    #[test]
    fn lang_parses_en_and_defaults_to_zh() {
        assert_eq!(Lang::parse("en"), Lang::En);
        assert_eq!(Lang::parse("en-GB"), Lang::En);
        assert_eq!(Lang::parse("zh-CN"), Lang::Zh);
        assert_eq!(Lang::parse(""), Lang::Zh);
    }
}
