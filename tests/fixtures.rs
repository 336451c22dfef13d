//! Every report in tests/fixtures is checked and compared with its reviewed
//! snapshot in tests/snapshots: the rendered diagnostics and tables (what a
//! user reads) and the contract JSON. A new real-world report is a new file
//! here, not new code. Review changes with `INSTA_UPDATE=always cargo test`
//! then `git diff tests/snapshots`.

mod common;

use nianbao::template::keys::{requests as q, review};
use nianbao::template::RowKey;
use std::path::Path;

fn snapshot_case(path: &Path) {
    let name = path.file_stem().unwrap().to_string_lossy().into_owned();
    // .html fixtures are read as the CLI reads a saved page.
    let text = nianbao::input::file_text(&path.to_string_lossy(), &std::fs::read(path).unwrap()).unwrap();
    let report = nianbao::check(&text, path.file_name().and_then(|f| f.to_str()));
    // Only the contract's fields: the extensions (cells with byte offsets) are
    // covered by their own tests and would bury the reviewable part.
    let shown = common::snapshot_view(&report, &name, &text);
    insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!(name, shown);
    });
}

#[test]
fn fixtures_match_their_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "html"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "the five seed reports are fixtures");
    for f in files {
        snapshot_case(&f);
    }
}

fn seed(name: &str) -> nianbao::Report {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    nianbao::check(&std::fs::read_to_string(path).unwrap(), Some(name))
}

fn codes_at(r: &nianbao::Report, code: &str) -> Vec<(Option<String>, Option<usize>)> {
    r.diagnostics.iter().filter(|d| d.code == code).map(|d| (d.row.map(|k| k.to_string()), d.line)).collect()
}

#[test]
fn seed_000_is_a_2021_report_with_a_2019_table_two() {
    let r = seed("000_a4b9aaf003e43d05.txt");
    assert_eq!(r.year, Some(2021));
    assert_eq!(r.template.map(|t| t.as_str()), Some("mixed"));
    assert_eq!(r.tables.active.version.map(|v| v.name), Some("2019"));
    assert_eq!(r.tables.requests.version.map(|v| v.name), Some("2021"));
    assert!(!codes_at(&r, "template.outdated").is_empty());
    assert!(!r.has_errors());
}

#[test]
fn seed_001_row_3_2_has_six_values_and_710_is_not_a_cell() {
    let r = seed("001_76d90fd474e57dbd.txt");
    assert_eq!(codes_at(&r, "table.value_count"), [(Some("3.2".into()), Some(59))]);
    assert!(r.requests_row(q::PARTLY_GRANTED).is_none());
    assert_eq!(r.requests_row(RowKey("3.4.3")).unwrap().values().sum::<i64>(), 0);
    assert_eq!(codes_at(&r, "value.stray_number"), [(Some("3.4.2".into()), Some(70))]);
}

#[test]
fn seed_002_rows_3_1_and_3_2_have_six_values() {
    let r = seed("002_9ca5b3fc5e07fc94.txt");
    let rows: Vec<_> = codes_at(&r, "table.value_count").into_iter().map(|c| c.0).collect();
    assert_eq!(rows, [Some("3.1".to_string()), Some("3.2".to_string())]);
    assert_eq!(r.tables.review.int(review::REVIEW, review::TOTAL), Some(4));
}

#[test]
fn seed_003_has_clean_tables() {
    let r = seed("003_de92c8953c303105.txt");
    // Its one warning is of its prose: 一、总体情况 does not speak of 依申请公开.
    assert_eq!(common::codes(&r), ["section.overview_topics"], "{:?}", r.diagnostics);
    let expected: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/003_de92c8953c303105.expected.json")).unwrap();
    let got: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    for key in expected.as_object().unwrap().keys().filter(|k| *k != "diagnostics") {
        assert_eq!(got[key], expected[key], "contract field {key}");
    }
}

#[test]
fn seed_004_table_four_has_sixteen_numbers() {
    let r = seed("004_e8c91993164e9814.txt");
    let d: Vec<_> = r.diagnostics.iter().filter(|d| d.code == "table.value_count").collect();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].message, "表四应有15个数字，实际有16个：0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0");
    assert_eq!(d[0].line, Some(75));
    assert!(r.tables.review.int(review::REVIEW, review::TOTAL).is_none(), "no value is guessed");
}
