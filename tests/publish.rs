//! What an agency publishes reads back to the same tables: the three tables
//! written as clean HTML, as tab-separated text and as a .docx
//! (`nianbao::render::{publish, docx}`), read by the checker's own readers
//! (`input::html`, the text reader, `input::docx`), give every cell back —
//! for reports of both template versions (random values, money with
//! decimals) and for every fixture's tables as the checker read them.

mod common;

use nianbao::render::{docx, publish};
use nianbao::template::{keys::active as a, v2019::V2019, v2021::V2021, TableId, Version};
use nianbao::testing::Sample;
use nianbao::Report;

/// A report of `version` with every table's values set from `seed`.
fn sample(version: &'static Version, seed: u64) -> Sample {
    let mut x = seed;
    let mut next = move |max: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % (max + 1)) as i64
    };
    let mut s = Sample::new(version);
    for block in version.active.blocks {
        for row in block.rows {
            let values: Vec<i64> = block.columns.iter().map(|_| next(40)).collect();
            s = s.row(TableId::Active, row.key, &values);
        }
    }
    // Money with decimals, as reports write it.
    s = s.cell(TableId::Active, a::FEES, a::AMOUNT_YUAN, &format!("{}.{:02}", next(9999), next(99)));
    let grid = &version.requests;
    let parts = grid.columns.len() - 1;
    let mut outcome = vec![0; parts];
    for row in grid.rows.iter().filter(|r| r.key.is_under("3") && r.key.as_str() != "3.7") {
        let mut v: Vec<i64> = (0..parts).map(|_| if next(2) == 0 { next(30) } else { 0 }).collect();
        for (t, x) in outcome.iter_mut().zip(&v) {
            *t += x;
        }
        v.push(v.iter().sum());
        s = s.row(TableId::Requests, row.key, &v);
    }
    let with_total = |mut v: Vec<i64>| {
        v.push(v.iter().sum());
        v
    };
    let forward: Vec<i64> = (0..parts).map(|_| next(5)).collect();
    let new: Vec<i64> = (0..parts).map(|i| outcome[i] + forward[i]).collect();
    use nianbao::template::keys::requests as q;
    s = s
        .row(TableId::Requests, q::NEW, &with_total(new))
        .row(TableId::Requests, q::OUTCOME_TOTAL, &with_total(outcome))
        .row(TableId::Requests, q::CARRIED_FORWARD, &with_total(forward));
    let mut review = [0i64; 15];
    for g in review.chunks_mut(5) {
        for v in &mut g[..4] {
            *v = next(6);
        }
        g[4] = g[..4].iter().sum();
    }
    s.review(review)
}

/// Every cell of `got`'s tables is `want`'s (values, or absent alike), and
/// each table follows the same version (where `want`'s tells one).
fn same_tables(want: &Report, got: &Report, what: &str) {
    for id in TableId::ALL {
        let (w, g) = (want.table(id), got.table(id));
        if !w.found {
            continue;
        }
        if let Some(v) = w.version {
            assert_eq!(Some(v.name), g.version.map(|v| v.name), "{what}: {id:?} version");
        }
        for row in &w.rows {
            let other = g.row(row.key);
            for cell in &row.cells {
                let back = other.and_then(|r| r.value(cell.column));
                assert_eq!(cell.value, back, "{what}: {}.{}.{}", id.key(), row.key, cell.column);
            }
        }
    }
}

fn round_trips(report: &Report, what: &str) {
    let (tables, registry) = (&report.tables, report.registry);
    let html = publish::html(tables, registry);
    assert!(!html.contains("style") && !html.contains("class="), "{what}: clean HTML");
    let text = nianbao::input::html::html_text(&html);
    same_tables(report, &nianbao::check(&text, None), &format!("{what} as HTML"));

    let tsv = publish::tsv(tables, registry);
    same_tables(report, &nianbao::check(&tsv, None), &format!("{what} as TSV"));

    let bytes = docx::docx(tables, registry);
    let text = nianbao::input::docx::docx_text(&bytes).unwrap_or_else(|e| panic!("{what}: {e}"));
    same_tables(report, &nianbao::check(&text, None), &format!("{what} as .docx"));
}

#[test]
fn samples_of_both_versions_read_back_cell_for_cell() {
    for version in [&V2019, &V2021] {
        for seed in 1..=6u64 {
            let report = sample(version, seed * 0x9e37_79b9).check();
            // Consistent: nothing but the note of 表四's corrected cases (review.corrected).
            assert!(report.diagnostics.iter().all(|d| d.code == "review.corrected"), "{:?}", report.diagnostics);
            round_trips(&report, &format!("{} sample {seed}", version.name));
        }
    }
}

#[test]
fn every_fixture_reads_back_as_the_checker_read_it() {
    let files = common::text_fixtures();
    for f in files {
        let report = nianbao::check(&std::fs::read_to_string(&f).unwrap(), None);
        round_trips(&report, &f.file_name().unwrap().to_string_lossy());
    }
}

#[test]
fn the_docx_has_the_template_merges() {
    let report = sample(&V2021, 7).check();
    let xml = docx::document_xml(&report.tables, report.registry);
    // 表三's corner: three columns wide, three rows down; 三、本年度办理结果 down its 22 rows.
    assert!(xml.contains(r#"<w:gridSpan w:val="3"/><w:vMerge w:val="restart"/>"#));
    assert_eq!(xml.matches("<w:tbl>").count(), 3);
    let outcome_rows = report.tables.requests.rows.iter().filter(|r| r.key.is_under("3")).count();
    // The group label starts once and is continued on each following outcome row
    // (and the other merges: the corner twice, 自然人/总计 once each, the
    // subgroups, 表四's 行政复议 once).
    assert!(xml.matches("<w:vMerge/>").count() >= outcome_rows - 1 + 2);
    assert!(xml.contains("<w:t xml:space=\"preserve\">三、本年度办理结果</w:t>"));
}
