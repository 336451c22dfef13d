//! The real reports in ../shared/corpus/more, read in place (never copied
//! into the repo), each compared with its reviewed snapshot under
//! tests/snapshots/corpus; then the values a careful reader gets from them,
//! asserted one by one, and the agreement between extractions of one PDF.
//!
//! When ../shared is not there (a clone on its own), the tests say so and
//! pass.

mod common;

use common::{shared_corpus as corpus, snapshot_view};
use std::path::PathBuf;

fn read(name: &str) -> Option<nianbao::Report> {
    let path = corpus()?.join("more").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Some(nianbao::check(&text, Some(name)))
}

#[test]
fn corpus_reports_match_their_snapshots() {
    let Some(dir) = corpus() else { return };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("more"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 9, "the corpus has nine texts in more/");
    // The web pages behind the flattened texts, read as HTML.
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir.join("html"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    pages.sort();
    files.extend(pages);
    for path in files {
        let is_html = path.extension().is_some_and(|x| x == "html");
        let name = path.file_stem().unwrap().to_string_lossy().into_owned() + if is_html { ".html" } else { "" };
        let text = std::fs::read_to_string(&path).unwrap();
        let text = if is_html { nianbao::input::html::html_text(&text) } else { text };
        let report = nianbao::check(&text, path.file_name().and_then(|f| f.to_str()));
        insta::with_settings!({ snapshot_path => "snapshots/corpus", prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!(name.clone(), snapshot_view(&report, &name, &text));
        });
    }
}

/// A row of table 三 in template column order.
fn row(r: &nianbao::Report, key: &'static str) -> Vec<Option<i64>> {
    let row = r.tables.requests.row(nianbao::template::RowKey(key)).unwrap_or_else(|| panic!("row {key}"));
    row.cells.iter().map(|c| c.value.and_then(|v| v.as_int())).collect()
}

fn all(values: &[i64]) -> Vec<Option<i64>> {
    values.iter().map(|&v| Some(v)).collect()
}

fn review(r: &nianbao::Report) -> Vec<Option<i64>> {
    r.tables.review.rows.iter().flat_map(|row| row.cells.iter().map(|c| c.value.and_then(|v| v.as_int()))).collect()
}

fn codes(r: &nianbao::Report) -> Vec<&'static str> {
    r.diagnostics.iter().map(|d| d.code).collect()
}

fn active(r: &nianbao::Report, key: &'static str) -> Vec<Option<f64>> {
    let row = r.tables.active.row(nianbao::template::RowKey(key)).unwrap_or_else(|| panic!("active row {key}"));
    row.cells.iter().map(|c| c.value.map(|v| v.as_f64())).collect()
}

#[test]
fn pingtan_2021_flattened_is_split_by_the_tables_arithmetic() {
    let Some(r) = read("pingtan-2021-flattened.txt") else { return };
    assert_eq!(r.year, Some(2021));
    assert_eq!(row(&r, "1"), all(&[64, 0, 0, 2, 0, 4, 70]));
    // Two splits keep this row's total; only one keeps the columns.
    assert_eq!(row(&r, "3.1"), all(&[27, 0, 0, 2, 0, 1, 30]));
    assert_eq!(row(&r, "3.4.1"), all(&[22, 0, 0, 0, 0, 3, 25]));
    // `500000 5`: a stray space inside the run.
    assert_eq!(row(&r, "3.2"), all(&[5, 0, 0, 0, 0, 0, 5]));
    assert_eq!(row(&r, "3.7"), all(&[63, 0, 0, 2, 0, 4, 69]));
    assert_eq!(row(&r, "4"), all(&[1, 0, 0, 0, 0, 0, 1]));
    let mut want = all(&[1, 0, 2, 0, 3, 12, 0, 0, 0, 12]);
    want.extend(all(&[0; 5]));
    assert_eq!(review(&r), want);
    // Table 二 has no arithmetic: 693665 has many splits, none is taken.
    assert_eq!(active(&r, "normative_documents"), [None, None, None]);
    assert_eq!(active(&r, "regulations"), [Some(0.0); 3]);
    assert_eq!(active(&r, "licensing"), [Some(2293.0)]);
    assert_eq!(active(&r, "fees"), [Some(242523110.82)]);
    // The fee written in 万元 with six decimals (24252.311082).
    assert_eq!(codes(&r), ["value.ambiguous", "value.unit"]);
    assert!(r.diagnostics[0].message.contains("693665"));
}

#[test]
fn pingtan_2022_flattened() {
    let Some(r) = read("pingtan-2022-flattened.txt") else { return };
    assert_eq!(row(&r, "1"), all(&[71, 3, 0, 0, 0, 0, 74]));
    assert_eq!(row(&r, "3.6.3"), all(&[0, 2, 0, 0, 0, 0, 2]));
    assert_eq!(row(&r, "3.7"), all(&[72, 3, 0, 0, 0, 0, 75]));
    let mut want = all(&[0, 1, 1, 0, 2, 1, 0, 0, 0, 1]);
    want.extend(all(&[0; 5]));
    assert_eq!(review(&r), want);
    assert_eq!(active(&r, "normative_documents"), [None, None, None]);
    assert_eq!(active(&r, "fees"), [Some(91163600.0)]);
    // 表四: one review decided against the agency.
    assert_eq!(codes(&r), ["value.ambiguous", "review.corrected"]);
}

#[test]
fn hongze_2023_has_real_errors_in_table_four_and_a_mixed_template() {
    for name in ["hongze-2023-pdf-rows.txt", "hongze-2023-pdf-columns.txt"] {
        let Some(r) = read(name) else { return };
        assert_eq!(r.template.map(|t| t.as_str()), Some("mixed"), "{name}");
        assert_eq!(r.tables.requests.version.map(|v| v.name), Some("2019"), "{name}");
        assert_eq!(row(&r, "1"), all(&[21, 0, 0, 0, 0, 0, 21]), "{name}");
        assert_eq!(row(&r, "3.4.1"), all(&[10, 0, 0, 0, 0, 0, 10]), "{name}");
        assert_eq!(row(&r, "3.6"), all(&[0; 7]), "{name}");
        assert_eq!(row(&r, "3.7"), all(&[21, 0, 0, 0, 0, 0, 21]), "{name}");
        assert_eq!(review(&r), all(&[10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0]), "{name}");
        let totals: Vec<_> =
            r.diagnostics.iter().filter(|d| d.code == "review.total").map(|d| d.row.map(|k| k.to_string())).collect();
        assert_eq!(totals, [Some("review".to_string()), Some("litigation_after_review".to_string())], "{name}");
        assert_eq!(active(&r, "normative_documents"), [Some(0.0), Some(5.0), Some(5.0)], "{name}");
        assert_eq!(active(&r, "punishment"), [Some(4119.0)], "{name}");
        assert_eq!(active(&r, "fees"), [Some(77302800.0)], "{name}");
        assert!(!codes(&r).contains(&"table.value_count"), "{name}: {:?}", r.diagnostics);
    }
}

#[test]
fn huaian_2024_values() {
    let Some(r) = read("huaian-2024-pdf-rows.txt") else { return };
    assert_eq!(r.template.map(|t| t.as_str()), Some("2021"));
    assert_eq!(row(&r, "1"), all(&[3001, 53, 0, 0, 61, 4, 3119]));
    assert_eq!(row(&r, "3.6.1"), all(&[67, 3, 0, 0, 1, 0, 71]));
    assert_eq!(row(&r, "3.7"), all(&[2932, 53, 0, 0, 61, 4, 3050]));
    assert_eq!(row(&r, "4"), all(&[103, 0, 0, 0, 0, 0, 103]));
    assert_eq!(review(&r), all(&[72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]));
    assert_eq!(active(&r, "regulations"), [Some(1.0), Some(0.0), Some(11.0)]);
    assert_eq!(active(&r, "normative_documents"), [Some(8.0), Some(26.0), Some(66.0)]);
    assert_eq!(active(&r, "fees"), [Some(961716000.0)]);
    // No error: the corrected cases of each group of 表四, and its prose
    // says nothing of 社会评议 or 责任追究 (a people's government's report).
    assert_eq!(
        codes(&r),
        ["review.corrected", "review.corrected", "review.corrected", "section.government_items"],
        "{:?}",
        r.diagnostics
    );
}

#[test]
fn hongze_2024_values() {
    let Some(r) = read("hongze-2024-pdf-rows.txt") else { return };
    assert_eq!(r.template.map(|t| t.as_str()), Some("mixed"));
    assert_eq!(row(&r, "1"), all(&[95, 0, 0, 0, 0, 0, 95]));
    assert_eq!(row(&r, "3.4.1"), all(&[31, 0, 0, 0, 0, 0, 31]));
    assert_eq!(review(&r), all(&[1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3]));
    assert_eq!(active(&r, "fees"), [Some(75450000.0)]);
    assert!(!r.has_errors(), "{:?}", r.diagnostics);
}

/// The tables and the diagnostic codes, to compare two readings.
fn tables_of(r: &nianbao::Report) -> serde_json::Value {
    let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    let codes: Vec<&str> = codes(r);
    serde_json::json!({
        "template": json["template"], "year": json["year"], "active": json["active"],
        "requests": json["requests"], "review": json["review"], "codes": codes,
    })
}

#[test]
fn every_extraction_of_one_pdf_gives_the_same_tables() {
    let groups: [&[&str]; 3] = [
        &["hongze-2023-pdf-rows.txt", "hongze-2023-pdf-columns.txt"],
        &["hongze-2024-pdf-rows.txt", "hongze-2024-pdf-layout.txt"],
        &["huaian-2024-pdf-rows.txt", "huaian-2024-pdf-layout.txt", "huaian-2024-pdf-columns.txt"],
    ];
    for group in groups {
        let reports: Option<Vec<_>> = group.iter().map(|n| read(n)).collect();
        let Some(reports) = reports else { return };
        let first = tables_of(&reports[0]);
        for (r, name) in reports.iter().zip(group.iter()).skip(1) {
            assert_eq!(tables_of(r), first, "{name} differs from {}", group[0]);
        }
    }
}

/// Every value of `part` (a table as the contract's JSON) is in `whole`.
fn values_within(part: &serde_json::Value, whole: &serde_json::Value, what: &str) {
    for (row, cells) in part.as_object().unwrap() {
        for (column, v) in cells.as_object().unwrap() {
            assert_eq!(&whole[row][column], v, "{what}: {row}.{column}");
        }
    }
}

#[test]
fn the_pingtan_pages_give_the_tables_of_their_flattened_text() {
    let Some(dir) = corpus() else { return };
    for year in [2021, 2022] {
        let html = std::fs::read_to_string(dir.join(format!("html/pingtan-{year}.html"))).unwrap();
        let page = nianbao::check_html(&html, None);
        let Some(flat) = read(&format!("pingtan-{year}-flattened.txt")) else { return };
        // No diagnostic of the tables' reading (2021's fee has six decimals of 万元).
        let want: &[&str] = if year == 2021 { &["value.unit"] } else { &["review.corrected"] };
        assert_eq!(codes(&page), want, "{year}: {:?}", page.diagnostics);
        let page_json: serde_json::Value = serde_json::from_str(&page.to_json()).unwrap();
        let flat_json: serde_json::Value = serde_json::from_str(&flat.to_json()).unwrap();
        for table in ["active", "requests", "review"] {
            // The flattened text gives a subset (table 二's glued row is
            // left out there); every value it gives is the page's.
            values_within(&flat_json[table], &page_json[table], &format!("{year} {table}"));
        }
        assert_eq!(page_json["requests"], flat_json["requests"], "{year}");
        assert_eq!(page_json["review"], flat_json["review"], "{year}");
        assert_eq!((page.year, page.template), (flat.year, flat.template));
        // What the flattened text could not split, the page's cells give.
        let docs = if year == 2021 { [69.0, 3.0, 665.0] } else { [88.0, 55.0, 698.0] };
        assert_eq!(active(&page, "normative_documents"), docs.map(Some));
    }
}
