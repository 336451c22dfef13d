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
        let wide = (format == Format::CsvWide).then(|| WideColumns::of(nianbao::Registry::national()));
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

    /// Whether the output is for programs (the summary then goes to stderr).
    pub fn machine_readable(&self) -> bool {
        !matches!(self.format, Format::Text | Format::Concise)
    }
}

/// A report as the output contract's JSON, appended.
fn json(report: &Report, out: &mut Vec<u8>) {
    report.write_json(out);
}
