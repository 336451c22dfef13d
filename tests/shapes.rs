//! The synthetic hard cases in tests/fixtures (syn_*), asserted value by
//! value: each stands for a text shape real reports arrive in.

use nianbao::template::{keys::review as r, RowKey};
use std::path::Path;

fn fixture(name: &str) -> nianbao::Report {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    let text = nianbao::input::file_text(name, &std::fs::read(path).unwrap()).unwrap();
    nianbao::check(&text, Some(name))
}

fn row(r: &nianbao::Report, key: &'static str) -> Vec<Option<i64>> {
    r.tables.requests.row(RowKey(key)).unwrap().cells.iter().map(|c| c.value.and_then(|v| v.as_int())).collect()
}

fn active(r: &nianbao::Report, key: &'static str) -> Vec<Option<f64>> {
    r.tables.active.row(RowKey(key)).unwrap().cells.iter().map(|c| c.value.map(|v| v.as_f64())).collect()
}

fn codes(r: &nianbao::Report) -> Vec<&'static str> {
    r.diagnostics.iter().map(|d| d.code).collect()
}

fn some(v: &[i64]) -> Vec<Option<i64>> {
    v.iter().map(|&x| Some(x)).collect()
}

#[test]
fn a_flattened_2019_page_is_split_by_rows_and_columns() {
    let r = fixture("syn_flattened_2019.txt");
    assert_eq!(r.template.map(|t| t.as_str()), Some("2019"));
    assert_eq!(row(&r, "3.1"), some(&[27, 0, 0, 2, 0, 1, 30]));
    assert_eq!(row(&r, "3.4.1"), some(&[22, 0, 0, 0, 0, 3, 25]));
    assert_eq!(row(&r, "3.6"), some(&[1, 0, 0, 0, 0, 0, 1]));
    assert_eq!(active(&r, "regulations"), [Some(0.0); 3]);
    assert_eq!(active(&r, "normative_documents"), [Some(2.0), Some(3.0), Some(5.0)]);
    assert_eq!(active(&r, "licensing"), [None, None, None], "1208 has two splits");
    assert_eq!(active(&r, "procurement"), [Some(3.0), Some(37497100.0)]);
    // (And of its prose, a people's government's with 五 saying 无.)
    assert_eq!(codes(&r), ["value.ambiguous", "section.government_items", "section.problems_thin"]);
}

#[test]
fn column_major_text_that_does_not_add_up_is_not_read() {
    let r = fixture("syn_columns_unreadable.txt");
    assert!(codes(&r).contains(&"table.layout"), "{:?}", r.diagnostics);
    assert!(r.tables.requests.rows.iter().all(|row| !row.has_values()));
    // Table 二's column-major block has the shape that leaves no doubt.
    assert_eq!(active(&r, "normative_documents"), [Some(1.0), Some(0.0), Some(4.0)]);
    assert_eq!(active(&r, "punishment"), [Some(3.0)]);
}

#[test]
fn blank_marks_typos_and_numbering() {
    let r = fixture("syn_marks_typos.txt");
    assert_eq!(active(&r, "regulations"), [None, None, None]);
    assert_eq!(active(&r, "normative_documents"), [Some(2.0), None, Some(7.0)]);
    // One diagnostic a row: 规章 (three marks), 行政规范性文件, 行政许可.
    assert_eq!(r.diagnostics.iter().filter(|d| d.code == "value.blank").count(), 3);
    assert_eq!(row(&r, "3.3.2"), some(&[0; 7]), "2.其他法律行政止公开");
    assert_eq!(row(&r, "3.6.3"), some(&[1, 0, 0, 0, 0, 0, 1]), "3、其他");
    assert_eq!(r.sections.len(), 6);
    assert!(!r.has_errors(), "{:?}", r.diagnostics);
}

#[test]
fn bare_page_numbers_and_repeated_headers() {
    let r = fixture("syn_page_numbers.txt");
    let stray: Vec<_> = r.diagnostics.iter().filter(|d| d.code == "value.stray_number").map(|d| d.table).collect();
    assert_eq!(stray.len(), 3, "{:?}", r.diagnostics);
    assert_eq!(active(&r, "licensing"), [Some(356.0)]);
    assert_eq!(row(&r, "3.4.2"), some(&[0; 7]), "the row after a page break and a repeated header");
    assert_eq!(r.tables.review.int(r::LITIGATION_DIRECT, r::TOTAL), Some(12));
    assert!(!r.has_errors(), "{:?}", r.diagnostics);
}

#[test]
fn pdf_layout_with_vertical_labels_and_wrapped_rows() {
    let r = fixture("syn_layout_wrapped.txt");
    assert_eq!(row(&r, "3.2"), some(&[5, 0, 0, 0, 0, 0, 5]));
    assert_eq!(row(&r, "3.6.1"), some(&[0; 7]));
    assert_eq!(active(&r, "fees"), [Some(9616000.0)]);
    // Nothing of the tables; only of its prose, which is a few words.
    let prose = ["section.overview_topics", "section.government_items", "section.problems_thin"];
    assert_eq!(codes(&r), prose, "{:?}", r.diagnostics);
}

#[test]
fn a_saved_page_with_a_layout_table_and_disagreeing_spans() {
    let r = fixture("syn_pasted_page.html");
    assert_eq!(active(&r, "normative_documents"), [Some(69.0), Some(3.0), Some(665.0)]);
    assert_eq!(active(&r, "licensing"), [Some(2293.0)]);
    assert_eq!(active(&r, "regulations"), [Some(0.0), None, Some(0.0)], "an empty cell is blank");
    assert_eq!(row(&r, "1"), some(&[64, 0, 0, 2, 0, 4, 70]));
    assert_eq!(row(&r, "3.7"), some(&[63, 0, 0, 2, 0, 4, 69]));
    assert_eq!(r.tables.review.int(r::LITIGATION_AFTER_REVIEW, r::TOTAL), None);
    assert_eq!(codes(&r), ["value.blank", "value.blank", "section.overview_topics", "section.problems_thin"]);
}

/// A flattened 2021 page whose 表二 leaves rows blank: 行政许可 with no
/// trace before the next block's heading, 行政处罚's marks glued between two
/// names, and two marks for a one-column row.
#[test]
fn flattened_rows_left_blank_between_names_are_said() {
    let text = "某某局2024年政府信息公开工作年度报告 一、总体情况 本年度持续推进政务公开。 \
        二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数\
        规章000行政规范性文件7713470第二十条第（五）项信息内容本年处理决定数量行政许可\
        第二十条第（六）项信息内容本年处理决定数量行政处罚—/行政强制39\
        第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费无 三、收到和处理政府信息公开申请情况";
    let r = nianbao::check(text, None);
    let said =
        |row: &'static str, code: &str| r.diagnostics.iter().any(|d| d.code == code && d.row == Some(RowKey(row)));
    assert_eq!(active(&r, "enforcement"), [Some(39.0)]);
    // No trace: blank, and said so.
    assert_eq!(active(&r, "licensing"), [None]);
    assert!(said("licensing", "value.blank"), "{:?}", r.diagnostics);
    // Two marks for one cell: not given to the row named before it, said.
    assert_eq!(active(&r, "punishment"), [None]);
    assert!(said("punishment", "value.ambiguous"), "{:?}", r.diagnostics);
    assert!(!said("licensing", "value.ambiguous"));
}
