//! A Word .docx file as [`Block`]s: its paragraphs as text, its tables as
//! cell grids. Feature `files`.
//!
//! Only `word/document.xml` is read. A cell merged down from the row above
//! (`w:vMerge` without `restart`) is not a cell of its row and is left out,
//! as a rowspan is in HTML; merged columns (`w:gridSpan`) need nothing,
//! since rows are matched by their labels. Deleted text (tracked changes)
//! and field codes are skipped.

use super::grid::Block;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::Read;

/// A document.xml larger than this (decompressed) is refused: no report
/// comes near it, a zip bomb does.
const MAX_XML: u64 = 64 * 1024 * 1024;

/// Why a .docx could not be read.
#[derive(Debug, PartialEq, Eq)]
pub struct DocxError(pub String);

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DocxError {}

/// Reads a .docx file's bytes into blocks in document order.
pub fn docx_blocks(bytes: &[u8]) -> Result<Vec<Block>, DocxError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| DocxError(format!("不是有效的.docx文件（无法作为zip读取：{e}）")))?;
    let mut entry = archive
        .by_name("word/document.xml")
        .map_err(|_| DocxError("不是有效的.docx文件（缺少word/document.xml），如为旧版.doc请另存为.docx".into()))?;
    let mut xml = String::new();
    (&mut entry)
        .take(MAX_XML)
        .read_to_string(&mut xml)
        .map_err(|e| DocxError(format!(".docx文件内容无法读取：{e}")))?;
    Ok(xml_blocks(&xml))
}

/// The text of a .docx file with its tables as tab-separated rows.
pub fn docx_text(bytes: &[u8]) -> Result<String, DocxError> {
    docx_blocks(bytes).map(|b| super::blocks_to_text(&b))
}

/// A table being read.
#[derive(Default)]
struct TableBuild {
    rows: Vec<Vec<String>>,
    cell: Option<String>,
    /// The open cell continues a vertical merge from the row above.
    merged: bool,
}

/// Reads word/document.xml. Malformed XML ends the reading where it breaks;
/// what was read so far is kept.
pub fn xml_blocks(xml: &str) -> Vec<Block> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let mut blocks = Vec::new();
    let mut text = String::new();
    let mut tables: Vec<TableBuild> = Vec::new();
    let mut paragraph = String::new();
    // Inside w:t (text to keep), w:delText / w:instrText (to skip).
    let mut in_text = false;
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        match event {
            Event::Start(e) => match e.name().as_ref() {
                "w:t" => in_text = true,
                "w:tbl" => {
                    if tables.is_empty() {
                        flush(&mut text, &mut blocks);
                    }
                    tables.push(TableBuild::default());
                }
                "w:tr" => {
                    if let Some(t) = tables.last_mut() {
                        t.rows.push(Vec::new());
                    }
                }
                "w:tc" => {
                    if let Some(t) = tables.last_mut() {
                        t.cell = Some(String::new());
                        t.merged = false;
                    }
                }
                "w:vMerge" => mark_merged(&e, &mut tables),
                "w:p" => paragraph.clear(),
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                "w:tab" => paragraph.push('\t'),
                "w:br" | "w:cr" => paragraph.push('\n'),
                "w:vMerge" => mark_merged(&e, &mut tables),
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                "w:t" => in_text = false,
                "w:p" => {
                    let p = std::mem::take(&mut paragraph);
                    match tables.last_mut().and_then(|t| t.cell.as_mut()) {
                        Some(cell) => {
                            if !cell.is_empty() {
                                cell.push('\n');
                            }
                            cell.push_str(&p);
                        }
                        None => {
                            if tables.is_empty() {
                                text.push_str(p.trim_end());
                                text.push('\n');
                            }
                        }
                    }
                }
                "w:tc" => {
                    if let Some(t) = tables.last_mut() {
                        if let Some(cell) = t.cell.take() {
                            if !t.merged {
                                match t.rows.last_mut() {
                                    Some(row) => row.push(cell),
                                    None => t.rows.push(vec![cell]),
                                }
                            }
                        }
                    }
                }
                "w:tbl" => {
                    let Some(done) = tables.pop() else { continue };
                    match tables.last_mut().and_then(|t| t.cell.as_mut()) {
                        // A table inside a cell: its text joins the cell.
                        Some(cell) => {
                            for row in &done.rows {
                                cell.push_str(&row.join(" "));
                                cell.push('\n');
                            }
                        }
                        None => {
                            if tables.is_empty() {
                                blocks.push(Block::Table(done.rows));
                            }
                        }
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text => paragraph.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    paragraph.push(c);
                } else if let Ok(s) = quick_xml::escape::unescape(&format!("&{};", &*r)) {
                    paragraph.push_str(&s);
                }
            }
            _ => {}
        }
    }
    while let Some(t) = tables.pop() {
        if tables.is_empty() {
            flush(&mut text, &mut blocks);
            blocks.push(Block::Table(t.rows));
        }
    }
    flush(&mut text, &mut blocks);
    blocks
}

/// `w:vMerge` without `w:val="restart"` continues the cell above.
fn mark_merged(e: &BytesStart, tables: &mut [TableBuild]) {
    let restart = e
        .try_get_attribute("w:val")
        .ok()
        .flatten()
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v == "restart"))
        .unwrap_or(false);
    if let Some(t) = tables.last_mut() {
        t.merged = !restart;
    }
}

fn flush(text: &mut String, blocks: &mut Vec<Block>) {
    let lines: Vec<&str> = text.lines().map(str::trim_end).filter(|l| !l.trim().is_empty()).collect();
    if !lines.is_empty() {
        blocks.push(Block::Text(lines.join("\n")));
    }
    text.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    #[test]
    fn paragraphs_tables_and_merges() {
        let xml = format!(
            r#"<w:document {W}><w:body><w:p><w:r><w:t>二、主动</w:t></w:r><w:r><w:t xml:space="preserve">公开 &amp; </w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>三、本年度办理结果</w:t></w:r></w:p></w:tc>
            <w:tc><w:p><w:r><w:t>（一）予以公开</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>（二）部分</w:t><w:br/><w:t>公开</w:t></w:r></w:p></w:tc>
            <w:tc><w:p><w:r><w:delText>9</w:delText><w:t>2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t>三、</w:t><w:tab/><w:t>&#x6536;到</w:t></w:r></w:p></w:body></w:document>"#
        );
        let blocks = xml_blocks(&xml);
        assert_eq!(
            blocks,
            [
                Block::Text("二、主动公开 &".into()),
                Block::Table(vec![
                    vec!["三、本年度办理结果".into(), "（一）予以公开".into(), "1".into()],
                    vec!["（二）部分\n公开".into(), "2".into()],
                ]),
                Block::Text("三、\t收到".into()),
            ]
        );
    }

    #[test]
    fn not_a_docx() {
        assert!(docx_blocks(b"PK\x03\x04 not really").is_err());
        assert!(docx_blocks(b"").is_err());
        let _ = xml_blocks("<w:tbl><w:tr><w:tc><w:p><w:t>1");
    }
}
