//! The output formats of `check`. Each report is rendered where it was
//! checked (in parallel, see [`crate::check`]) into a fragment of bytes;
//! the writer puts the fragments in input order between a format's
//! opening and closing ([`Format::begin`], [`Format::separator`],
//! [`Format::end`]).

use crate::{sarif, snippets};
use clap::ValueEnum;
use nianbao::render::dataset::{self, WideColumns};
use nianbao::Report;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// 文字：每个问题标出文件:行:列、级别、代码和原文（单元格下划线），然后是结论和表格 (text, rustc style)
    Text,
    /// 每个问题一行：文件:行: 级别 代码 说明，然后是结论一行（同网页应用导出的问题清单） (one line a diagnostic)
    Concise,
    /// 一个JSON数组，每份报告一个对象（输出约定） (one JSON array)
    Json,
    /// 每份报告一行JSON，同 --json (one JSON object a line)
    Jsonl,
    /// 数据集（长表）：报告,表,行,列,值,行号，每个单元格一行 (data set, long)
    Csv,
    /// 数据集（宽表）：每份报告一行，每个单元格一列 (data set, wide)
    CsvWide,
    /// SARIF 2.1.0，供持续集成和代码扫描工具读取 (SARIF 2.1.0, for CI)
    Sarif,
    /// Excel工作簿：汇总、规则统计、数据集宽表和长表四张工作表，需用 --output 指定文件 (XLSX workbook, to --output)
    Xlsx,
}

/// What the rendering of one report needs besides the report.
pub struct Context {
    pub format: Format,
    pub color: bool,
    /// The wide data set's columns (format `csv-wide`).
    pub wide: Option<WideColumns>,
}

impl Context {
    pub fn new(format: Format, color: bool) -> Context {
        let wide =
            matches!(format, Format::CsvWide | Format::Xlsx).then(|| WideColumns::of(nianbao::Registry::national()));
        Context { format, color, wide }
    }

    /// One report's fragment. `label` names it (its path as given); `input`
    /// is the text it was read from (empty for an unreadable input).
    pub fn render(&self, report: &Report, label: &str, input: &str, unreadable: bool, out: &mut Vec<u8>) {
        match self.format {
            Format::Text => {
                out.extend_from_slice(snippets::report(report, label, input, self.color).as_bytes());
                out.extend_from_slice(nianbao::render::text::summary(report).as_bytes());
                out.push(b'\n');
                if !unreadable {
                    out.extend_from_slice(nianbao::render::text::tables(report).as_bytes());
                }
                out.push(b'\n');
            }
            Format::Concise => {
                out.extend_from_slice(nianbao::render::text::diagnostics(report, label).as_bytes());
                out.extend_from_slice(nianbao::render::text::summary(report).as_bytes());
                out.push(b'\n');
            }
            Format::Json => json(report, out),
            Format::Jsonl => {
                json(report, out);
                out.push(b'\n');
            }
            Format::Csv => {
                let mut s = String::new();
                dataset::long_rows(report, label, &mut s);
                out.extend_from_slice(s.as_bytes());
            }
            Format::CsvWide => {
                let mut s = String::new();
                if let Some(w) = &self.wide {
                    w.row(report, label, &mut s);
                }
                out.extend_from_slice(s.as_bytes());
            }
            Format::Sarif => sarif::results(report, label, input, out),
            Format::Xlsx => {
                // The report's part of each sheet, each part its length first
                // ([`workbook`] takes them apart once every report is in).
                let mut parts = [String::new(), String::new(), String::new()];
                summary_row(report, label, unreadable, &mut parts[0]);
                dataset::long_rows(report, label, &mut parts[1]);
                if let Some(w) = &self.wide {
                    w.row(report, label, &mut parts[2]);
                }
                for part in parts {
                    out.extend_from_slice(&(part.len() as u32).to_le_bytes());
                    out.extend_from_slice(part.as_bytes());
                }
            }
        }
    }

    /// What comes before the first report.
    pub fn begin(&self) -> Vec<u8> {
        match self.format {
            Format::Json => b"[".to_vec(),
            // A BOM, so that Excel and WPS read the Chinese as UTF-8.
            Format::Csv => format!("\u{feff}{}", dataset::LONG_HEADER).into_bytes(),
            Format::CsvWide => {
                format!("\u{feff}{}", self.wide.as_ref().map(|w| w.header()).unwrap_or_default()).into_bytes()
            }
            Format::Sarif => sarif::begin(),
            _ => Vec::new(),
        }
    }

    /// What goes between two (non-empty) fragments.
    pub fn separator(&self) -> &'static [u8] {
        match self.format {
            Format::Json => b",\n",
            Format::Sarif => b",",
            _ => b"",
        }
    }

    /// What comes after the last report.
    pub fn end(&self) -> Vec<u8> {
        match self.format {
            Format::Json => b"]\n".to_vec(),
            Format::Sarif => sarif::end(),
            _ => Vec::new(),
        }
    }

    /// Whether the output is a file's bytes, not text for a terminal.
    pub fn binary(&self) -> bool {
        self.format == Format::Xlsx
    }

    /// Whether the output is for programs (the summary then goes to stderr).
    pub fn machine_readable(&self) -> bool {
        !matches!(self.format, Format::Text | Format::Concise)
    }
}

/// The summary sheet's header: as the app's 导出汇总 (without its 已审).
pub const SUMMARY_HEADER: &str = "文件,机关,年度,模板,错误,警告,提示,结论,原因\n";

/// A report's line in the summary sheet: its verdict worded as the app's
/// batch words it.
fn summary_row(report: &Report, label: &str, unreadable: bool, out: &mut String) {
    use nianbao::render::csv::quote;
    use nianbao::Severity;
    let unrecognised = nianbao::rules::report_unrecognised::RULE.code;
    let reason = report
        .diagnostics
        .iter()
        .find(|d| (unreadable && d.code == nianbao::rules::input_unreadable::RULE.code) || d.code == unrecognised)
        .map(|d| d.message.as_str());
    let verdict = if unreadable {
        "无法读取".to_string()
    } else if report.diagnostics.iter().any(|d| d.code == unrecognised) {
        "不是年报".to_string()
    } else {
        report.verdict()
    };
    let year = report.year.map(|y| y.to_string()).unwrap_or_default();
    let template = report.template.map_or("", |t| t.as_str());
    out.push_str(&format!(
        "{},{},{year},{template},{},{},{},{},{}\n",
        quote(label),
        quote(report.agency.as_deref().unwrap_or("")),
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Info),
        quote(&verdict),
        quote(reason.unwrap_or(""))
    ));
}

/// The workbook of `--format xlsx` from the reports' fragments in order
/// (see [`Context::render`]): 汇总, 规则统计, 数据集（宽表）, 数据集（长表）.
pub fn workbook(fragments: &[u8], rules_csv: &str, wide: &WideColumns) -> Vec<u8> {
    let mut sheets = [SUMMARY_HEADER.to_string(), wide.header(), dataset::LONG_HEADER.to_string()];
    let mut at = 0;
    let mut part = 0;
    while let Some(len) = fragments.get(at..at + 4) {
        let len = u32::from_le_bytes([len[0], len[1], len[2], len[3]]) as usize;
        let text = String::from_utf8_lossy(&fragments[at + 4..at + 4 + len]);
        // Parts come summary, long, wide.
        sheets[[0, 2, 1][part % 3]].push_str(&text);
        at += 4 + len;
        part += 1;
    }
    nianbao::render::xlsx::from_csv(&[
        ("汇总", &sheets[0]),
        ("规则统计", rules_csv),
        ("数据集（宽表）", &sheets[1]),
        ("数据集（长表）", &sheets[2]),
    ])
}

/// A report as the output contract's JSON, appended.
fn json(report: &Report, out: &mut Vec<u8>) {
    report.write_json(out);
}
