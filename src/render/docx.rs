//! The tables as a Word file (.docx) in the template's layout: each table
//! under its section heading, merged header cells (`w:gridSpan`,
//! `w:vMerge`), 表三's group labels in narrow columns down the left as the
//! template prints them (the column widths are the national template's),
//! 宋体 10 pt, values centred. Written by hand — the minimal
//! WordprocessingML parts in a stored zip ([`crate::util::zip`]) — so that
//! it needs no dependency and the wasm app can write it too.

use super::html::escape;
use super::publish::{drawn, heading, Role};
use crate::tables::model::Table;
use crate::tables::Tables;
use crate::template::{Registry, TableId};
use std::fmt::Write;

pub(crate) const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

pub(crate) const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// A run's look: 宋体 10 pt.
const RUN: &str = r#"<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="20"/></w:rPr>"#;

/// A4, margins that leave the template tables' width (about 9,740 twips).
pub(crate) const SECTION: &str = r#"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1080" w:bottom="1440" w:left="1080" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>"#;

/// The .docx of the tables a report found.
pub fn docx(tables: &Tables, registry: &Registry) -> Vec<u8> {
    let document = document_xml(tables, registry);
    crate::util::zip::stored(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ])
}

/// word/document.xml: each table found, under its section heading.
pub fn document_xml(tables: &Tables, registry: &Registry) -> String {
    let mut out = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
    );
    for id in TableId::ALL {
        let t = tables.get(id);
        if t.found && !t.rows.is_empty() {
            paragraph(&mut out, &heading(id), "left");
            table(&mut out, t, registry);
        }
    }
    // A table is followed by a paragraph before the section ends.
    out.push_str("<w:p/>");
    out.push_str(SECTION);
    out.push_str("</w:body></w:document>");
    out
}

fn paragraph(out: &mut String, text: &str, align: &str) {
    let _ = write!(out, "<w:p><w:pPr><w:jc w:val=\"{align}\"/></w:pPr>");
    if !text.is_empty() {
        let _ = write!(out, "<w:r>{RUN}<w:t xml:space=\"preserve\">{}</w:t></w:r>", escape(text));
    }
    out.push_str("</w:p>");
}

/// A paragraph of one run in 宋体 at `half_points` (bold if asked), its
/// first line indented by `indent` twips (the feedback letter's paragraphs).
pub(crate) fn paragraph_run(out: &mut String, text: &str, align: &str, half_points: u32, bold: bool, indent: u32) {
    let _ = write!(out, "<w:p><w:pPr>");
    if indent > 0 {
        let _ = write!(out, "<w:ind w:left=\"{indent}\"/>");
    }
    let _ = write!(out, "<w:jc w:val=\"{align}\"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii=\"宋体\" w:hAnsi=\"宋体\" w:eastAsia=\"宋体\"/>");
    if bold {
        out.push_str("<w:b/>");
    }
    let _ = write!(
        out,
        "<w:sz w:val=\"{half_points}\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        escape(text)
    );
}

/// The grid columns' widths in twips, as the national template's Word file
/// has them: 表三's two narrow group-label columns (their labels stack down
/// the column), its row labels and seven values; 表四's fifteen; 表二's four.
fn widths(id: TableId, width: usize) -> Vec<u32> {
    let even = |total: u32| vec![total / width.max(1) as u32; width];
    match id {
        TableId::Requests if width > 3 => {
            let mut w = vec![754, 921, 3271];
            w.resize(width, (9741 - 4946) / (width as u32 - 3));
            w
        }
        TableId::Review => even(9750),
        _ => even(9740),
    }
}

fn table(out: &mut String, t: &Table, registry: &Registry) {
    let rows = drawn(t, registry);
    let width = rows.first().map_or(0, |r| r.iter().map(|c| c.colspan).sum());
    let widths = widths(t.id, width);
    out.push_str(
        r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>"#,
    );
    for w in &widths {
        let _ = write!(out, "<w:gridCol w:w=\"{w}\"/>");
    }
    out.push_str("</w:tblGrid>");
    for row in rows {
        out.push_str("<w:tr>");
        let mut column = 0;
        for cell in row {
            let span = cell.colspan.max(1);
            let twips: u32 = widths.iter().skip(column).take(span).sum();
            column += span;
            let _ = write!(out, "<w:tc><w:tcPr><w:tcW w:w=\"{twips}\" w:type=\"dxa\"/>");
            if span > 1 {
                let _ = write!(out, "<w:gridSpan w:val=\"{span}\"/>");
            }
            if cell.continued {
                out.push_str("<w:vMerge/>");
            } else if cell.rowspan > 1 {
                out.push_str("<w:vMerge w:val=\"restart\"/>");
            }
            out.push_str("<w:vAlign w:val=\"center\"/></w:tcPr>");
            // A row's own label from the left; headers, group labels and values centred.
            let align = if cell.role == Role::Label && cell.rowspan == 1 { "left" } else { "center" };
            paragraph(out, &cell.text, align);
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}
