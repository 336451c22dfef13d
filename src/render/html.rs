//! The report as an HTML fragment: summary with verdict, the three tables
//! drawn as the template draws them (merged header cells, group labels),
//! cells that break a rule marked in place, and the diagnostics list.
//!
//! Pure string building: every piece of text is escaped here, so a page may
//! put the result into `innerHTML` (the `<nianbao-checker>` widget does).
//! No `style` attributes, only classes, so the fragment works under a CSP
//! without `'unsafe-inline'`; the look lives in the embedding stylesheet.

use crate::report::{BodyRow, CellRef, Slot, Span, Targets};
use crate::rules::diagnostic::Severity;
use crate::tables::model::{CellState, Row};
use crate::template::TableId;
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
    let targets = Targets::of(report);
    let mut out = String::new();
    summary(&mut out, report, lang);
    let _ = write!(out, "<details class=\"nb-tables\" open><summary>{}</summary>", lang.pick("表格", "Tables"));
    for id in TableId::ALL {
        table(&mut out, report, id, &targets, lang);
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
        Some(t) if lang == Lang::Zh => t.label(),
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
        if let Some(advice) = crate::suggest::advice(report, d) {
            let _ = write!(out, "<p class=\"nb-suggest\" data-testid=\"suggestion\">{}</p>", escape(&advice));
        }
        out.push_str("</li>");
    }
    out.push_str("</ol></section>");
}

// ------------------------------------------------------------------ tables

fn table(out: &mut String, report: &Report, id: TableId, targets: &Targets, lang: Lang) {
    let t = report.table(id);
    let version = match (t.version, lang) {
        (Some(v), Lang::Zh) => format!("（{}年版）", v.name),
        (Some(v), Lang::En) => format!(" ({} template)", v.name),
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
    let layout = report.layout(id);
    out.push_str("<div class=\"nb-scroll\"><table>");
    if !layout.head.is_empty() {
        out.push_str("<thead>");
        for row in &layout.head {
            out.push_str("<tr>");
            for s in row {
                head(out, "th", s, "");
            }
            out.push_str("</tr>");
        }
        out.push_str("</thead>");
    }
    out.push_str("<tbody>");
    for row in &layout.body {
        match row {
            BodyRow::Caption(s) => {
                out.push_str("<tr class=\"nb-block\">");
                head(out, "th", s, "");
                out.push_str("</tr>");
            }
            BodyRow::Head(cells) => {
                out.push_str("<tr class=\"nb-head\">");
                for s in cells {
                    head(out, "th", s, "");
                }
                out.push_str("</tr>");
            }
            BodyRow::Values { row, labels, slots } => {
                let drawn = row.and_then(|k| t.row(k));
                let class = if drawn.is_some_and(|r| !r.found) { " class=\"nb-not-found\"" } else { "" };
                let _ = write!(out, "<tr{class}>");
                if let Some((own, groups)) = labels.split_last() {
                    for g in groups {
                        head(out, "th", g, " class=\"nb-group\"");
                    }
                    if let Some(r) = drawn {
                        label(out, report, targets, id, r, own);
                    }
                }
                for slot in slots {
                    cell(out, report, targets, id, slot);
                }
                out.push_str("</tr>");
            }
        }
    }
    out.push_str("</tbody></table></div></section>");
}

/// A header cell with its spans.
fn head(out: &mut String, tag: &str, s: &Span, class: &str) {
    let _ = write!(out, "<{tag}{class}");
    if s.colspan > 1 {
        let _ = write!(out, " colspan=\"{}\"", s.colspan);
    }
    if s.rowspan > 1 {
        let _ = write!(out, " rowspan=\"{}\"", s.rowspan);
    }
    let _ = write!(out, ">{}</{tag}>", escape(&s.text));
}

/// One value cell: the value, or what was written instead, marked by the
/// diagnostics about it.
fn cell(out: &mut String, report: &Report, targets: &Targets, id: TableId, slot: &Slot) {
    let row = report.table(id).row(slot.row);
    let c = row.and_then(|r| r.cell(slot.column));
    let mut classes = vec!["nb-cell"];
    let (text, state_title) = match c {
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
    let marks = targets.marks(&CellRef { table: id, row: slot.row, column: slot.column });
    if let Some(sev) = Targets::worst(report, marks) {
        classes.push(severity_class(sev));
        classes.push("nb-marked");
        title.extend(marks.iter().map(|&i| report.diagnostics[i].message.as_str()));
    }
    let _ = write!(
        out,
        "<td class=\"{}\" data-row=\"{}\" data-col=\"{}\"",
        classes.join(" "),
        escape(slot.row.as_str()),
        escape(slot.column.as_str())
    );
    if slot.colspan > 1 {
        let _ = write!(out, " colspan=\"{}\"", slot.colspan);
    }
    if let Some(line) = c.and_then(|c| c.line).or(row.and_then(|r| r.line)) {
        let _ = write!(out, " data-line=\"{line}\"");
    }
    if !title.is_empty() {
        let _ = write!(out, " title=\"{}\"", escape(&title.join("\n")));
    }
    let _ = write!(out, ">{}</td>", escape(&text));
}

/// A row label cell (`<th>`), marked when a diagnostic is about the row.
fn label(out: &mut String, report: &Report, targets: &Targets, id: TableId, row: &Row, s: &Span) {
    let mut classes = vec!["nb-label"];
    if !row.found {
        classes.push("nb-not-found");
    }
    let marks = targets.row_marks(id, row.key);
    if let Some(sev) = Targets::worst(report, &marks) {
        classes.push(severity_class(sev));
        classes.push("nb-marked");
    }
    let _ = write!(out, "<th scope=\"row\" class=\"{}\"", classes.join(" "));
    if s.colspan > 1 {
        let _ = write!(out, " colspan=\"{}\"", s.colspan);
    }
    if let Some(line) = row.line {
        let _ = write!(out, " data-line=\"{line}\"");
    }
    if !marks.is_empty() {
        let messages: Vec<&str> = marks.iter().map(|&i| report.diagnostics[i].message.as_str()).collect();
        let _ = write!(out, " title=\"{}\"", escape(&messages.join("\n")));
    }
    let _ = write!(out, ">{}</th>", escape(&s.text));
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
        let hostile_agency =
            "<i>测试</i>局\n2021年度政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n";
        let r = crate::check(hostile_agency, None);
        assert_eq!(r.agency.as_deref(), Some("<i>测试</i>局"), "the test needs the agency to reach the page");
        let html = report(&r, Lang::Zh);
        assert!(html.contains("<dd>&lt;i&gt;测试&lt;/i&gt;局</dd>"), "{html}");
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
        let outcomes = r.tables.requests.rows.iter().filter(|r| r.key.is_under("3")).count();
        assert!(html.contains(&format!("<th class=\"nb-group\" rowspan=\"{outcomes}\">三、本年度办理结果</th>")));
        assert!(html.contains("<th class=\"nb-group\" rowspan=\"8\">（三）不予公开</th>"));
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
