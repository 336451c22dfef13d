//! The feedback letter (反馈意见) a reviewer sends back to an agency: the
//! report's findings grouped by where they are (the report as a whole,
//! then sections 一…六, the tables under theirs: 表二 in 二, 表三 in 三,
//! 表四 in 四), each with its line, what is wrong and what would fix it
//! (the first suggestion where there is one, else the rule's help).
//!
//! [`Letter::text`] is the plain text; [`Letter::docx`] the same
//! paragraphs as a Word file, written like the tables' .docx
//! ([`super::docx`], a stored zip of the minimal parts). The CLI's
//! `nianbao letter` and the app (a report's 反馈意见, a zip of letters
//! for the batch) write both.

use super::docx::{paragraph_run, CONTENT_TYPES, RELS, SECTION};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::{TableId, SECTIONS};
use crate::Report;
use std::fmt::Write;

/// One paragraph of the letter and how it is set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub text: String,
    pub kind: Kind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Title,
    Heading,
    /// A finding's first line (what is wrong).
    Item,
    /// Under a finding: what would fix it.
    Fix,
    Body,
}

/// The letter about one report.
#[derive(Clone, Debug)]
pub struct Letter {
    pub paragraphs: Vec<Paragraph>,
}

/// The group a finding is listed under: 0 the report as a whole, 1..=6 a section.
fn group(report: &Report, d: &Diagnostic) -> usize {
    if let Some(t) = d.table {
        return match t {
            TableId::Active => 2,
            TableId::Requests => 3,
            TableId::Review => 4,
        };
    }
    let Some(line) = d.line else { return 0 };
    // The last section whose heading is at or above the line.
    report.sections.iter().filter(|s| s.line <= line).max_by_key(|s| s.line).map_or(0, |s| s.number)
}

fn heading(group: usize) -> String {
    match group {
        0 => "报告整体".to_string(),
        n => {
            let s = &SECTIONS[n - 1];
            let table = match n {
                2 => "（表二）",
                3 => "（表三）",
                4 => "（表四）",
                _ => "",
            };
            format!("{}、{}{table}", s.number, s.title)
        }
    }
}

/// What would fix a finding: its first suggestion in words, else its help.
fn fix(report: &Report, d: &Diagnostic) -> Option<String> {
    if let Some(first) = d.suggestions.as_deref().and_then(|s| s.first()) {
        return Some(format!("修改建议：{}", crate::suggest::words::describe(report, first)));
    }
    d.help.as_ref().map(|h| format!("修改建议：{h}"))
}

impl Letter {
    /// The letter about `report`, which `name` names (its file, say).
    pub fn of(report: &Report, name: &str) -> Letter {
        let mut p = Vec::new();
        let mut push = |kind: Kind, text: String| p.push(Paragraph { text, kind });
        let title = match (report.agency.as_deref(), report.year) {
            (Some(a), Some(y)) => format!("关于《{a}{y}年政府信息公开工作年度报告》的反馈意见"),
            _ => format!("关于“{name}”的反馈意见"),
        };
        push(Kind::Title, title);
        if let Some(a) = report.agency.as_deref() {
            push(Kind::Body, format!("{a}："));
        }
        let (e, w, i) = (report.count(Severity::Error), report.count(Severity::Warning), report.count(Severity::Info));
        if report.diagnostics.is_empty() {
            push(Kind::Body, format!("经检查，你单位报告（{name}）的表格、数字和文字未发现问题。"));
        } else {
            push(
                Kind::Body,
                format!("经检查，你单位报告（{name}）共发现错误{e}处、警告{w}处、提示{i}处，按所在部分列出如下，请逐项核实修改。"),
            );
        }
        let mut order: Vec<(usize, usize)> =
            report.diagnostics.iter().enumerate().map(|(k, d)| (group(report, d), k)).collect();
        order.sort_by_key(|&(g, k)| (g, report.diagnostics[k].severity, report.diagnostics[k].line, k));
        let mut current = None;
        let mut n = 0;
        for (g, k) in order {
            if current != Some(g) {
                current = Some(g);
                n = 0;
                push(Kind::Heading, heading(g));
            }
            n += 1;
            let d = &report.diagnostics[k];
            let at = d.line.map(|l| format!("第{l}行：")).unwrap_or_default();
            push(Kind::Item, format!("{n}. 【{}】{at}{}（{}）", d.severity.label(), d.message, d.code));
            if let Some(f) = fix(report, d) {
                push(Kind::Fix, f);
            }
        }
        if !report.diagnostics.is_empty() {
            push(Kind::Body, "以上意见请核实后修改报告，并按要求重新公开。".to_string());
        }
        push(
            Kind::Body,
            "（本意见由年报体检根据国家政府信息公开工作年度报告格式自动检查生成，供审核参考。）".to_string(),
        );
        Letter { paragraphs: p }
    }

    /// The letter as plain text: one paragraph a line, a blank line before
    /// each heading, suggestions indented.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for p in &self.paragraphs {
            match p.kind {
                Kind::Heading => {
                    let _ = write!(out, "\n{}\n", p.text);
                }
                Kind::Fix => {
                    let _ = writeln!(out, "   {}", p.text);
                }
                Kind::Title => {
                    let _ = writeln!(out, "{}\n", p.text);
                }
                Kind::Body if out.ends_with("\n") && !out.ends_with("：\n") && !out.ends_with("\n\n") => {
                    let _ = write!(out, "\n{}\n", p.text);
                }
                _ => {
                    let _ = writeln!(out, "{}", p.text);
                }
            }
        }
        out
    }

    /// The letter as a Word file.
    pub fn docx(&self) -> Vec<u8> {
        let mut xml = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
        );
        for p in &self.paragraphs {
            let (align, size, bold, indent) = match p.kind {
                Kind::Title => ("center", 32, true, 0),
                Kind::Heading => ("left", 24, true, 0),
                Kind::Item => ("left", 22, false, 0),
                Kind::Fix => ("left", 22, false, 420),
                Kind::Body => ("left", 22, false, 0),
            };
            paragraph_run(&mut xml, &p.text, align, size, bold, indent);
        }
        xml.push_str(SECTION);
        xml.push_str("</w:body></w:document>");
        crate::util::zip::stored(&[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("_rels/.rels", RELS.as_bytes()),
            ("word/document.xml", xml.as_bytes()),
        ])
    }
}

/// The letters of a batch in one zip: (file name, content) each, in order.
pub fn zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    crate::util::zip::stored(files)
}

/// A letter's file name for a report named `name`: its stem and 反馈意见.
pub fn file_name(name: &str, extension: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    let stem = if stem.is_empty() { "报告" } else { stem };
    format!("{stem}.反馈意见.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::keys::requests as q;
    use crate::template::v2021::V2021;
    use crate::testing::Sample;

    #[test]
    fn findings_are_grouped_by_section_with_line_and_fix() {
        // 表三 row 一's total broken: an error under 三, with a suggestion.
        let r = Sample::new(&V2021).row(TableId::Requests, q::NEW, &[1, 0, 0, 0, 0, 0, 9]).check();
        assert!(r.has_errors());
        let letter = Letter::of(&r, "a.txt");
        let text = letter.text();
        let three = text.find("三、收到和处理政府信息公开申请情况（表三）").expect(&text);
        let d = r.diagnostics.iter().find(|d| d.table == Some(TableId::Requests)).unwrap();
        let item = text.find(&format!("第{}行：{}（{}）", d.line.unwrap(), d.message, d.code)).expect(&text);
        assert!(three < item);
        if d.suggestions.as_ref().is_some_and(|s| !s.is_empty()) {
            assert!(text[item..].lines().nth(1).unwrap().trim_start().starts_with("修改建议："), "{text}");
        }
        // Every finding is in the letter once.
        let items = letter.paragraphs.iter().filter(|p| p.kind == Kind::Item).count();
        assert_eq!(items, r.diagnostics.len());
        assert!(text.contains(&format!("错误{}处", r.count(Severity::Error))));
    }

    #[test]
    fn a_clean_report_says_so() {
        let r = Sample::new(&V2021).check();
        let text = Letter::of(&r, "b.txt").text();
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
        assert!(text.contains("未发现问题"), "{text}");
        assert!(!text.contains("、总体情况"));
    }

    #[cfg(feature = "files")]
    #[test]
    fn the_docx_reads_back_as_the_letters_text() {
        let r = Sample::new(&V2021).row(TableId::Requests, q::NEW, &[1, 0, 0, 0, 0, 0, 9]).check();
        let letter = Letter::of(&r, "a.txt");
        let read = crate::input::docx::docx_text(&letter.docx()).unwrap();
        let words = |s: &str| s.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n");
        assert_eq!(words(&read), words(&letter.text()));
    }

    #[test]
    fn file_names_keep_the_stem() {
        assert_eq!(file_name("年报/温州.docx", "txt"), "温州.反馈意见.txt");
        assert_eq!(file_name("a", "docx"), "a.反馈意见.docx");
    }
}
