//! Workbooks (.xlsx) made from CSV: each sheet is a CSV text read back
//! field by field, so that a sheet holds exactly what the CSV export of
//! the same thing holds (the batch's summary and rule counts, the data
//! set long and wide). A field that is a plain number becomes a number
//! cell; every other field is text (an inline string), kept as written.
//!
//! Written by hand — the few SpreadsheetML parts, deflated by the `zip`
//! crate the .docx reader already brings (feature `files`) — rather than
//! with rust_xlsxwriter: the same zip and nothing else in the batch
//! workers' wasm (see the README's workbench section for the bytes).

use std::fmt::Write as _;
use std::io::Write as _;

/// The most rows a sheet has in Excel; a longer CSV goes on in a sheet
/// named after it (`数据集（长表）2`).
pub const MAX_ROWS: usize = 1_048_576;

const CONTENT_TYPES_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#;

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/// A CSV text's records (RFC 4180: quoted fields may hold commas, quotes
/// doubled and line breaks; a leading BOM is dropped; CRLF or LF).
pub fn parse_csv(csv: &str) -> Vec<Vec<String>> {
    let csv = csv.strip_prefix('\u{feff}').unwrap_or(csv);
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = csv.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                any = false;
            }
            c => field.push(c),
        }
    }
    if any {
        record.push(field);
        records.push(record);
    }
    records
}

/// Whether a field is written as a number cell: an integer, or a decimal
/// with no trailing zero, that reads back as the very text (no leading
/// zero, at most 15 digits).
fn is_number(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let plain = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    !int.is_empty()
        && plain(int)
        && plain(frac)
        && (int == "0" || !int.starts_with('0'))
        && (!digits.contains('.') || (!frac.is_empty() && !frac.ends_with('0')))
        && int.len() + frac.len() <= 15
        && s != "-0"
}

/// `A`, `B`, … `Z`, `AA`…: a column's letters (0-based).
fn column_name(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Text for XML: escaped, the characters XML 1.0 forbids left out.
fn escape_into(out: &mut String, s: &str) {
    let allowed = |c: char| (c as u32 >= 0x20 || matches!(c, '\t' | '\n' | '\r')) && c != '\u{fffe}' && c != '\u{ffff}';
    if s.chars().all(allowed) {
        out.push_str(&super::html::escape(s));
    } else {
        out.push_str(&super::html::escape(&s.chars().filter(|&c| allowed(c)).collect::<String>()));
    }
}

fn sheet_xml(rows: &[Vec<String>]) -> String {
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="{MAIN}"><sheetData>"#
    );
    let names: Vec<String> = (0..rows.iter().map(Vec::len).max().unwrap_or(0)).map(column_name).collect();
    for (r, row) in rows.iter().enumerate() {
        let n = r + 1;
        let _ = write!(out, r#"<row r="{n}">"#);
        for (c, field) in row.iter().enumerate() {
            if field.is_empty() {
                continue;
            }
            let at = &names[c];
            if is_number(field) {
                let _ = write!(out, r#"<c r="{at}{n}"><v>{field}</v></c>"#);
            } else {
                let _ = write!(out, r#"<c r="{at}{n}" t="inlineStr"><is><t xml:space="preserve">"#);
                escape_into(&mut out, field);
                out.push_str("</t></is></c>");
            }
        }
        out.push_str("</row>");
    }
    out.push_str("</sheetData></worksheet>");
    out
}

/// A sheet's name as Excel allows it: none of `[]:*?/\`, at most 31 characters.
fn sheet_name(name: &str) -> String {
    let clean: String = name.chars().map(|c| if "[]:*?/\\".contains(c) { '_' } else { c }).take(31).collect();
    if clean.is_empty() {
        "Sheet".into()
    } else {
        clean
    }
}

/// The workbook of `sheets`, each (name, CSV text) in order.
pub fn from_csv(sheets: &[(&str, &str)]) -> Vec<u8> {
    let mut parts: Vec<(String, Vec<Vec<String>>)> = Vec::new();
    for (name, csv) in sheets {
        let records = parse_csv(csv);
        if records.len() <= MAX_ROWS {
            parts.push((sheet_name(name), records));
            continue;
        }
        // The header again on each further sheet.
        let header = records[0].clone();
        for (k, chunk) in records[1..].chunks(MAX_ROWS - 1).enumerate() {
            let base: String = name.chars().take(29).collect();
            let title = if k == 0 { sheet_name(name) } else { sheet_name(&format!("{base}{}", k + 1)) };
            let mut rows = vec![header.clone()];
            rows.extend_from_slice(chunk);
            parts.push((title, rows));
        }
    }
    let mut types = String::from(CONTENT_TYPES_HEAD);
    let mut workbook = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (i, (name, _)) in parts.iter().enumerate() {
        let n = i + 1;
        let _ = write!(
            types,
            r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        );
        let _ = write!(workbook, r#"<sheet name=""#);
        escape_into(&mut workbook, name);
        let _ = write!(workbook, r#"" sheetId="{n}" r:id="rId{n}"/>"#);
        let _ = write!(
            rels,
            r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#
        );
    }
    let styles = parts.len() + 1;
    let _ = write!(
        rels,
        r#"<Relationship Id="rId{styles}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#
    );
    types.push_str("</Types>");
    workbook.push_str("</sheets></workbook>");

    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // The fastest deflate: sheets of repeated XML shrink well at any level.
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    let mut put = |name: &str, bytes: &[u8]| -> zip::result::ZipResult<()> {
        zip.start_file(name, options)?;
        zip.write_all(bytes)?;
        Ok(())
    };
    let written = (|| {
        put("[Content_Types].xml", types.as_bytes())?;
        put("_rels/.rels", RELS.as_bytes())?;
        put("xl/workbook.xml", workbook.as_bytes())?;
        put("xl/_rels/workbook.xml.rels", rels.as_bytes())?;
        put("xl/styles.xml", STYLES.as_bytes())?;
        for (i, (_, rows)) in parts.iter().enumerate() {
            put(&format!("xl/worksheets/sheet{}.xml", i + 1), sheet_xml(rows).as_bytes())?;
        }
        Ok::<(), zip::result::ZipError>(())
    })();
    // Writing into memory does not fail; were it to, the workbook is empty rather than a panic.
    match written.and_then(|()| zip.finish()) {
        Ok(cursor) => cursor.into_inner(),
        Err(_) => Vec::new(),
    }
}

/// Workbooks read back, for the tests (here, the CLI's, the browser's).
#[cfg(any(test, feature = "testing"))]
pub mod testing {
    use std::io::Read;

    /// A workbook read back: each sheet's name and its rows of cell texts
    /// (by each cell's reference, so a skipped empty cell is an empty field).
    pub fn read_back(bytes: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut part = |name: &str| {
            let mut s = String::new();
            archive.by_name(name).unwrap().read_to_string(&mut s).unwrap();
            s
        };
        let workbook = part("xl/workbook.xml");
        let names: Vec<String> =
            workbook.split("<sheet name=\"").skip(1).map(|s| unescape(&s[..s.find('"').unwrap()])).collect();
        let mut out = Vec::new();
        for (i, name) in names.into_iter().enumerate() {
            let xml = part(&format!("xl/worksheets/sheet{}.xml", i + 1));
            let mut rows = Vec::new();
            for row in xml.split("<row ").skip(1) {
                let mut fields: Vec<String> = Vec::new();
                for cell in row.split("<c r=\"").skip(1) {
                    let at = &cell[..cell.find('"').unwrap()];
                    let col =
                        at.bytes().take_while(u8::is_ascii_uppercase).fold(0, |n, b| n * 26 + (b - b'A' + 1) as usize)
                            - 1;
                    let text = match (cell.find("<v>"), cell.find("<t xml:space=\"preserve\">")) {
                        (Some(v), _) => cell[v + 3..cell.find("</v>").unwrap()].to_string(),
                        (None, Some(t)) => unescape(&cell[t + 24..cell.find("</t>").unwrap()]),
                        _ => String::new(),
                    };
                    fields.resize(col, String::new());
                    fields.push(text);
                }
                rows.push(fields);
            }
            out.push((name, rows));
        }
        out
    }

    fn unescape(s: &str) -> String {
        s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
    }

    /// CSV records with the trailing empty fields a sheet does not keep left off.
    pub fn trimmed(records: Vec<Vec<String>>) -> Vec<Vec<String>> {
        records
            .into_iter()
            .map(|mut r| {
                while r.last().is_some_and(String::is_empty) {
                    r.pop();
                }
                r
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{read_back, trimmed};
    use super::*;
    use std::io::Read;

    #[test]
    fn csv_is_read_as_written() {
        let csv = "\u{feff}a,\"b,c\",\"say \"\"hi\"\"\"\r\n1,,\"two\nlines\"\r\n";
        assert_eq!(parse_csv(csv), [vec!["a", "b,c", "say \"hi\""], vec!["1", "", "two\nlines"]]);
        assert_eq!(parse_csv("x\ny"), [vec!["x"], vec!["y"]]);
        assert!(parse_csv("").is_empty());
    }

    #[test]
    fn numbers_only_when_they_read_back_the_same() {
        for n in ["0", "12", "-3", "1.5", "0.25"] {
            assert!(is_number(n), "{n}");
        }
        for t in ["", "007", "1.50", "1.", ".5", "-", "-0", "1e3", "2021年", "12345678901234567"] {
            assert!(!is_number(t), "{t}");
        }
        assert_eq!(
            [column_name(0), column_name(25), column_name(26), column_name(701), column_name(702)],
            ["A", "Z", "AA", "ZZ", "AAA"]
        );
    }

    #[test]
    fn a_workbook_reads_back_as_its_csv() {
        let summary = "\u{feff}文件,机关,年度,错误\r\n\"a,1.txt\",温州市<局>&,2021,3\r\nb.txt,,,0\r\n";
        let counts = "规则代码,问题数\nrequests.balance,4\n";
        let book = read_back(&from_csv(&[("汇总", summary), ("规则统计/次数", counts)]));
        assert_eq!(book.len(), 2);
        assert_eq!(book[0].0, "汇总");
        assert_eq!(book[1].0, "规则统计_次数");
        assert_eq!(book[0].1, trimmed(parse_csv(summary)));
        assert_eq!(book[1].1, trimmed(parse_csv(counts)));
        // Numbers are number cells, text is text.
        let zip = from_csv(&[("s", "2021,2021年\n")]);
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
        let mut xml = String::new();
        archive.by_name("xl/worksheets/sheet1.xml").unwrap().read_to_string(&mut xml).unwrap();
        assert!(xml.contains(r#"<c r="A1"><v>2021</v></c><c r="B1" t="inlineStr">"#), "{xml}");
    }
}
