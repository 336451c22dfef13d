//! The official 2021 template as .docx (read in place from
//! ../shared/corpus/files, never committed), filled in and zipped again.

use std::io::{Read, Write};

/// Writes the template's XML back with `fill(n)` in its n-th empty data
/// cell (table 二's 10, table 三's 175, table 四's 15, in reading order),
/// and each `(from, to)` of `edits` made once in its text (the title, the
/// placeholders of the prose).
pub fn filled_docx(template: &[u8], fill: &dyn Fn(usize) -> String, edits: &[(&str, &str)]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(template)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if name == "word/document.xml" {
            let mut xml = fill_cells(&String::from_utf8(data).unwrap(), fill);
            for (from, to) in edits {
                xml = xml.replacen(from, to, 1);
            }
            data = xml.into_bytes();
        }
        out.start_file(name, stored).unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// Puts a run with the value into every empty table cell that is not a
/// vertical-merge continuation.
fn fill_cells(xml: &str, fill: &dyn Fn(usize) -> String) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    let mut n = 0;
    while let Some(start) = rest.find("<w:tc>").or_else(|| rest.find("<w:tc ")) {
        let Some(len) = rest[start..].find("</w:tc>") else { break };
        let end = start + len + "</w:tc>".len();
        let cell = &rest[start..end];
        out.push_str(&rest[..start]);
        let text: String = cell
            .split("<w:t")
            .skip(1)
            .filter_map(|t| t.split_once('>'))
            .map(|(_, t)| t.split('<').next().unwrap_or(""))
            .collect();
        let continues = cell.contains("<w:vMerge/>") || cell.contains("w:val=\"continue\"");
        let pos = cell.rfind("</w:p>");
        match pos {
            Some(p) if text.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}').is_empty() && !continues => {
                // Drop the blank runs, then add the value's.
                let mut body = cell[..p].to_string();
                while let Some(r) = body.find("<w:r>").or_else(|| body.find("<w:r ")) {
                    let Some(e) = body[r..].find("</w:r>") else { break };
                    body.replace_range(r..r + e + "</w:r>".len(), "");
                }
                out.push_str(&body);
                out.push_str(&format!("<w:r><w:t>{}</w:t></w:r>", fill(n)));
                out.push_str(&cell[p..]);
                n += 1;
            }
            _ => out.push_str(cell),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}
