//! Files as users drop them: the 2021 template as .docx (read in place
//! from ../shared/corpus/files), that template filled in and zipped again,
//! a seed report saved as GBK and as UTF-16, and the CLI reading them.

mod common;

use nianbao::input::{self, Block};
use std::path::{Path, PathBuf};

fn shared_file(name: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/files").join(name);
    if path.is_file() {
        Some(path)
    } else {
        println!("../shared/corpus not found: corpus tests skipped");
        None
    }
}

fn seed(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)).unwrap()
}

/// The contract's tables and the diagnostic codes.
fn tables(r: &nianbao::Report) -> serde_json::Value {
    let j: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    let codes: Vec<&str> = r.diagnostics.iter().map(|d| d.code).collect();
    serde_json::json!({ "active": j["active"], "requests": j["requests"], "review": j["review"], "template": j["template"], "codes": codes })
}

#[test]
fn the_template_docx_has_the_three_tables_in_the_template_shape() {
    let Some(path) = shared_file("template-2021.docx") else { return };
    let blocks = input::docx::docx_blocks(&std::fs::read(path).unwrap()).unwrap();
    let tables: Vec<&Vec<Vec<String>>> =
        blocks.iter().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).collect();
    assert_eq!(tables.len(), 3);
    // Vertically merged cells appear once, in their first row.
    let requests = tables[1];
    let row = |label: &str| requests.iter().find(|r| r.iter().any(|c| c == label)).unwrap_or_else(|| panic!("{label}"));
    assert_eq!(
        row("2.其他法律行政法规禁止公开").len(),
        8,
        "label + 7 cells: the merged （三）不予公开 is not repeated"
    );
    assert_eq!(row("（三）不予公开").len(), 9, "group label + row label + 7 cells");
    assert_eq!(tables[2].last().map(Vec::len), Some(15));
    let text = input::blocks_to_text(&blocks);
    assert!(text.contains("六、其他需要报告的事项"), "paragraphs are text");
    // The empty template: every cell is blank, none is taken as 0.
    let r = nianbao::check(&text, None);
    assert!(r.tables.requests.found && r.tables.review.found && r.tables.active.found);
    assert!(r.requests_row(nianbao::template::keys::requests::NEW).is_none());
    // One diagnostic a table, every row of each being blank: not one a row
    // (6 + 25 + 3), nor one a cell.
    let blank: Vec<_> = r.diagnostics.iter().filter(|d| d.code == "value.blank").collect();
    assert_eq!(blank.len(), 3, "{blank:?}");
    assert!(blank.iter().all(|d| d.row.is_none() && d.message.contains("留空")), "{blank:?}");
}

#[test]
fn a_filled_in_template_docx_reads_back_every_cell() {
    let Some(path) = shared_file("template-2021.docx") else { return };
    let value = |n: usize| ((n * 7 + 3) % 13) as i64;
    let docx = common::docx::filled_docx(&std::fs::read(path).unwrap(), &|n| value(n).to_string(), &[]);
    let text = input::file_text("filled.docx", &docx).unwrap();
    let r = nianbao::check(&text, Some("filled.docx"));
    assert!(
        !r.diagnostics.iter().any(|d| matches!(d.code, "value.blank" | "table.value_count" | "table.missing_row")),
        "{:?}",
        r.diagnostics
    );
    use nianbao::template::keys::active as a;
    let keys = [a::REGULATIONS, a::NORMATIVE_DOCUMENTS, a::LICENSING, a::PUNISHMENT, a::ENFORCEMENT, a::FEES];
    let mut n = 0;
    for key in keys {
        let row = r.tables.active.row(key).unwrap();
        for c in &row.cells {
            let want = if key == a::FEES { value(n) * 10_000 } else { value(n) };
            assert_eq!(c.value.and_then(|v| v.as_int()), Some(want), "active {key} {}", c.column);
            n += 1;
        }
    }
    for row in &r.tables.requests.rows {
        for c in &row.cells {
            assert_eq!(c.value.and_then(|v| v.as_int()), Some(value(n)), "requests {} {}", row.key, c.column);
            n += 1;
        }
    }
    for row in &r.tables.review.rows {
        for c in &row.cells {
            assert_eq!(c.value.and_then(|v| v.as_int()), Some(value(n)), "review {} {}", row.key, c.column);
            n += 1;
        }
    }
    assert_eq!(n, 10 + 175 + 15);
}

#[test]
fn a_gbk_seed_reads_like_its_utf8_original() {
    // Seed 000 has only characters GBK has (003 has a no-break space).
    let text = seed("000_a4b9aaf003e43d05.txt");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    let decoded = input::text::decode(&gbk).unwrap();
    assert_eq!(decoded.encoding, "GB18030");
    assert_eq!(tables(&nianbao::check(&decoded.text, None)), tables(&nianbao::check(&text, None)));
    // UTF-16 with a BOM, as Windows Notepad saves "Unicode".
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(input::file_text("a.txt", &utf16).unwrap(), text);
}

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_nianbao")).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_cli_reads_docx_html_and_gbk_files() {
    let dir = std::env::temp_dir().join(format!("nianbao-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let original = seed("000_a4b9aaf003e43d05.txt");
    let (gbk, _, _) = encoding_rs::GBK.encode(&original);
    std::fs::write(dir.join("gbk.txt"), &gbk).unwrap();
    let (code, out, err) = cli(&["check", "--json", dir.join("gbk.txt").to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"requests\""), "{out}");
    std::fs::write(dir.join("bad.docx"), b"not a zip").unwrap();
    let (code, _, err) = cli(&["check", dir.join("bad.docx").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("docx"), "{err}");
    let html = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/html/pingtan-2022.html");
    if html.is_file() {
        let (code, out, err) = cli(&["check", html.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains("88 55 698"), "{out}");
    }
    if let Some(docx) = shared_file("template-2021.docx") {
        let (_, out, _) = cli(&["check", docx.to_str().unwrap()]);
        assert!(out.contains("各列均未填写数字"), "{out}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

mod never_panic {
    use proptest::prelude::*;

    /// Pieces real pages and Word XML are made of, in any order.
    fn soup(pieces: &'static [&'static str]) -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(pieces), 0..80).prop_map(|v| v.concat())
    }

    const HTML: &[&str] = &[
        "<table>",
        "</table>",
        "<tr>",
        "</tr>",
        "<td>",
        "</td>",
        "<th colspan=2>",
        "<td rowspan=\"3\">",
        "<br>",
        "<p>",
        "</p>",
        "&nbsp;",
        "&#x4e00;",
        "&amp",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "一、本年新收",
        "规章",
        "0",
        "12",
        "—",
        "<",
        ">",
        "\"",
        "\u{0}",
        "<div",
        "</div>",
    ];
    const XML: &[&str] = &[
        "<w:tbl>",
        "</w:tbl>",
        "<w:tr>",
        "</w:tr>",
        "<w:tc>",
        "</w:tc>",
        "<w:p>",
        "</w:p>",
        "<w:t>",
        "</w:t>",
        "<w:vMerge/>",
        "<w:vMerge w:val=\"restart\"/>",
        "<w:tab/>",
        "<w:br/>",
        "&amp;",
        "&#12;",
        "&bogus;",
        "规章",
        "0",
        "<",
        "]]>",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        #[test]
        fn html_never_panics(html in soup(HTML)) {
            let text = nianbao::input::html::html_text(&html);
            let _ = nianbao::check(&text, None);
        }

        #[test]
        fn word_xml_never_panics(xml in soup(XML)) {
            let blocks = nianbao::input::docx::xml_blocks(&xml);
            let _ = nianbao::check_blocks(&blocks, None);
        }

        #[test]
        fn any_bytes_decode_or_say_why(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
            let _ = nianbao::input::file_text("x.txt", &bytes);
            let _ = nianbao::input::file_text("x.docx", &bytes);
            let _ = nianbao::input::file_text("x.html", &bytes);
        }

        #[test]
        fn any_grid_never_panics(rows in prop::collection::vec(prop::collection::vec(".{0,6}", 0..9), 0..12)) {
            let blocks = [nianbao::Block::Text("三、收到和处理政府信息公开申请情况".into()), nianbao::Block::Table(rows)];
            let _ = nianbao::check_blocks(&blocks, None);
        }
    }
}

#[test]
fn a_pdfs_text_is_laid_out_in_lines_with_its_values_under_their_header() {
    let page = common::pdf::one_page(&[
        (50, 700, "Name"),
        (300, 700, "Total"),
        (50, 680, "New"),
        (305, 680, "26"),
        (50, 660, "Old"),
    ]);
    let text = input::file_text("report.pdf", &page).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text:?}");
    // (x = 50 is the tenth column: half the text's height a column.)
    assert_eq!([lines[0].find("Name"), lines[1].find("New"), lines[2].find("Old")], [Some(10); 3], "{text:?}");
    // 26 stands under Total (the layout keeps the gap), not after New.
    let column = |line: &str, word: &str| line.find(word).unwrap();
    assert!(column(lines[1], "26") >= column(lines[0], "Total"), "{text:?}");
    assert!(column(lines[1], "26") < column(lines[0], "Total") + "Total".len(), "{text:?}");
}

#[test]
fn a_pdf_without_text_or_that_does_not_open_says_why() {
    let scanned = input::file_text("scan.pdf", &common::pdf::one_page(&[])).unwrap_err();
    assert!(scanned.0.contains("扫描件"), "{scanned}");
    let broken = input::file_text("broken.pdf", b"%PDF-1.4\n1 0 obj garbage").unwrap_err();
    assert!(broken.0.contains("无法读取这个PDF文件"), "{broken}");
}

#[test]
fn the_corpus_pdfs_read_as_their_text_extractions_do() {
    let Some(corpus) = common::shared_corpus() else { return };
    let mut read = 0;
    for entry in std::fs::read_dir(corpus.join("files")).unwrap() {
        let path = entry.unwrap().path();
        let Some(stem) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".pdf")) else {
            continue;
        };
        // The same report as `pdftotext` wrote it, when the corpus has it.
        let Ok(rows) = std::fs::read_to_string(corpus.join("more").join(format!("{stem}-pdf-rows.txt"))) else {
            continue;
        };
        let text = input::file_text(&format!("{stem}.pdf"), &std::fs::read(&path).unwrap()).unwrap();
        let from_pdf = tables(&nianbao::check(&text, None));
        let from_rows = tables(&nianbao::check(&rows, None));
        for table in ["active", "requests", "review", "template"] {
            assert_eq!(from_pdf[table], from_rows[table], "{stem}.pdf: {table}");
        }
        let cells: usize = ["active", "requests", "review"]
            .iter()
            .map(|t| {
                from_pdf[t].as_object().map_or(0, |rows| rows.values().map(|r| r.as_object().unwrap().len()).sum())
            })
            .sum();
        assert!(cells >= 150, "{stem}.pdf: {cells} cells");
        read += 1;
    }
    assert!(read >= 1, "../shared/corpus/files: a PDF with its text extraction in more/");
}

#[test]
fn the_corpus_pdfs_plain_pdftotext_text_gives_table_三_as_the_pdf_does() {
    let Some(corpus) = common::shared_corpus() else { return };
    // (scripts/setup.sh installs it; a machine without it skips, saying so.)
    if std::process::Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("pdftotext is not installed: plain pdftotext's text not tried");
        return;
    }
    let mut read = 0;
    for entry in std::fs::read_dir(corpus.join("files")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "pdf") {
            continue;
        }
        // No -raw, no -layout: the table in blocks, each cell a line, its labels astray.
        let out = std::process::Command::new("pdftotext").arg(&path).arg("-").output().unwrap();
        let plain = nianbao::check(&String::from_utf8(out.stdout).unwrap(), None);
        let text = input::file_text("report.pdf", &std::fs::read(&path).unwrap()).unwrap();
        let from_pdf = tables(&nianbao::check(&text, None));
        let name = path.display();
        assert_eq!(tables(&plain)["requests"], from_pdf["requests"], "{name}: table 三");
        assert!(plain.tables.requests.rows.iter().all(|r| r.found), "{name}");
        // Nothing read is other than the PDF gives it, and no error the PDF has not.
        let plain_tables = tables(&plain);
        for table in ["active", "review"] {
            if let Some(rows) = plain_tables[table].as_object() {
                for (row, cells) in rows {
                    assert_eq!(cells, &from_pdf[table][row], "{name}: {table} {row}");
                }
            }
        }
        let pdf_codes = &from_pdf["codes"];
        for d in plain.diagnostics.iter().filter(|d| d.severity == nianbao::Severity::Error) {
            assert!(pdf_codes.as_array().unwrap().iter().any(|c| c == d.code), "{name}: {}", d.message);
        }
        read += 1;
    }
    assert!(read >= 1, "../shared/corpus/files: no PDF");
}
