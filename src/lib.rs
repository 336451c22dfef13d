//! 年报体检 (nianbao): checks a 政府信息公开工作年度报告 (government
//! information disclosure annual report) against the national template.
//!
//! The pipeline, a folder a stage, all driven by [`template`] data:
//! [`input`] (web pages, Word files and encoded text as text) → `read`
//! (the text normalised with a map back to the input; its sections, what
//! it says about itself, its figures; the tables' lines as tokens) →
//! [`tables`] (each table rebuilt from its region) → [`rules`] (one file
//! per diagnostic code) → [`suggest`] (corrections for the errors the
//! rules found) → [`Report`] ([`report`]: the output contract, the
//! tables' layout, what each diagnostic marks) → [`render`]. `util` holds
//! the small pieces every stage uses.
//!
//! ```
//! let report = nianbao::check("", None);
//! assert_eq!(report.diagnostics[0].code, "report.unrecognised");
//! ```

pub mod author;
pub mod input;
pub(crate) mod read;
pub mod render;
pub mod report;
pub mod rules;
pub mod suggest;
pub mod tables;
pub mod template;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub(crate) mod util;
#[cfg(feature = "wasm-api")]
pub mod wasm_api;

pub use input::Block;
pub use report::Report;
pub use rules::diagnostic::{Diagnostic, Severity};
pub use template::{Registry, TemplateKind};

use template::TableId;

/// Inputs larger than this are refused with a message (the app says so
/// before a tab could freeze).
pub const MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;

/// Checks one report's text against the national template. Never panics,
/// never gives up: a partial report with diagnostics comes back whatever
/// the input.
pub fn check(text: &str, source: Option<&str>) -> Report {
    check_with(Registry::national(), text, source)
}

/// [`check`] against the versions of `registry` (a test's own, say).
pub fn check_with(registry: &'static Registry, text: &str, source: Option<&str>) -> Report {
    if text.len() > MAX_INPUT_BYTES {
        return too_large(text.len(), source, registry);
    }
    let norm = read::normalise::Normalised::new(text);
    let line_at = |o: usize| norm.line_at(o);
    let sections = read::sections::find_sections(&norm.text, line_at);
    let meta = read::meta::read_meta(&norm.text, line_at);
    let year = meta.title_year.or(meta.period.as_ref().map(|p| p.to_year)).or_else(|| {
        let general = sections.iter().find(|s| s.number == 1)?;
        read::meta::opening_year(&norm.text, general).map(|(year, _)| year)
    });
    let tables = tables::parse(&norm, &sections, year, registry);
    let doc = rules::Document::new(&norm, &meta, &sections, &tables, year, registry);
    let mut diagnostics = rules::run(&doc);
    suggest::attach(&doc, &mut diagnostics);
    let template = template_kind(&doc);
    drop(doc);
    let input_lines = norm.line_at(norm.text.len());
    Report {
        source: source.map(str::to_string),
        agency: meta.agency,
        year,
        template,
        period: meta.period,
        title_line: meta.title_line,
        input_lines,
        sections,
        tables,
        diagnostics,
        registry,
        text: norm.text,
    }
}

/// Checks a saved web page (or HTML pasted as text): its tables as cell
/// grids, as [`check_blocks`] does (feature `html`).
#[cfg(feature = "html")]
pub fn check_html(html: &str, source: Option<&str>) -> Report {
    check(&input::html::html_text(html), source)
}

/// Checks a report given as blocks in document order: its text, and its
/// tables as cell grids (what the browser's DOMParser gives for a pasted or
/// saved web page, or [`input::docx`] for a Word file). The text checked —
/// which diagnostics' line numbers refer to — is [`input::blocks_to_text`].
pub fn check_blocks(blocks: &[Block], source: Option<&str>) -> Report {
    check(&input::blocks_to_text(blocks), source)
}

/// Checks several reports; reports of one agency in consecutive years
/// (paired by [`report::pairing`]) are also checked against each other by
/// the `cross_year.*` rules, whose diagnostics go to the later report.
pub fn check_many(inputs: &[(&str, Option<&str>)]) -> Vec<Report> {
    let mut reports: Vec<Report> = inputs.iter().map(|(t, s)| check(t, *s)).collect();
    let keys: Vec<_> = reports.iter().map(report::pairing::Key::of).collect();
    let previous = report::pairing::previous_years(&keys);
    for (i, prev) in previous.into_iter().enumerate() {
        if let Some(p) = prev {
            let last = rules::cross_year::LastYear::of(&reports[p]);
            let more = rules::cross_year::check(&last, &reports[i]);
            reports[i].diagnostics.extend(more);
        }
    }
    reports
}

/// The report for an input that could not be read as text at all (a
/// binary file, bytes in no known encoding, a file too large, a folder
/// that cannot be listed): no tables, one `input.unreadable` error whose
/// message names the input and says why. `reason` is the why, in Chinese.
pub fn unreadable(source: Option<&str>, reason: &str) -> Report {
    let what = source.map_or("输入".to_string(), |s| format!("“{s}”"));
    empty_report(source, rules::input_unreadable::RULE.diag(format!("无法读取{what}：{reason}")))
}

fn template_kind(doc: &rules::Document) -> Option<TemplateKind> {
    let versions = doc.versions();
    let first = versions.first()?.1;
    Some(if versions.iter().all(|v| v.1 == first) { TemplateKind::Single(first) } else { TemplateKind::Mixed })
}

fn too_large(len: usize, source: Option<&str>, registry: &'static Registry) -> Report {
    let tenths_of_mb = len * 10 / (1024 * 1024);
    let message = format!(
        "输入过大（{}.{} MB），超过{} MB的上限；年度报告全文通常不超过1 MB，请确认选择的文件是否正确",
        tenths_of_mb / 10,
        tenths_of_mb % 10,
        MAX_INPUT_BYTES / (1024 * 1024)
    );
    Report { registry, ..empty_report(source, rules::report_unrecognised::RULE.diag(message).line(Some(1))) }
}

/// A report with no tables and one diagnostic.
fn empty_report(source: Option<&str>, diagnostic: Diagnostic) -> Report {
    Report {
        source: source.map(str::to_string),
        agency: None,
        year: None,
        template: None,
        period: None,
        title_line: None,
        input_lines: 0,
        sections: Vec::new(),
        tables: tables::Tables {
            active: tables::model::Table::new(TableId::Active),
            requests: tables::model::Table::new(TableId::Requests),
            review: tables::model::Table::new(TableId::Review),
        },
        diagnostics: vec![diagnostic],
        registry: Registry::national(),
        text: String::new(),
    }
}
