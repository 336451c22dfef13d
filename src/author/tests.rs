use super::*;
use crate::tables::model::{Cell, CellState};
use crate::template::keys::{requests as q, review as rv};
use crate::template::{v2019::V2019, v2021::V2021, ColKey, RowKey};
use crate::testing::Sample;

const VERSIONS: [&Version; 2] = [&V2019, &V2021];

fn at(table: TableId, row: RowKey, column: ColKey) -> CellRef {
    CellRef { table, row, column }
}

/// A small deterministic generator (no crate for it).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: i64) -> i64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n.max(1) as u64) as i64
    }
}

/// A consistent report's values, every cell of every table, worked out here
/// with the template's arithmetic written out (not read off its equations):
/// the outcomes and 四 at random, 二 within what keeps 一 whole, every 总计
/// added up by hand.
fn consistent(version: &'static Version, seed: u64) -> BTreeMap<CellRef, i64> {
    let mut rng = Lcg(seed);
    let mut out = BTreeMap::new();
    let requests = &version.requests;
    let applicants: Vec<ColKey> = requests.columns.iter().map(|c| c.key).filter(|&c| c != q::TOTAL).collect();
    let outcomes: Vec<RowKey> =
        requests.rows.iter().map(|r| r.key).filter(|&r| r.is_under("3") && r != q::OUTCOME_TOTAL).collect();
    let t = TableId::Requests;
    for &c in &applicants {
        let mut done = 0;
        for &r in &outcomes {
            let v = rng.below(4);
            done += v;
            out.insert(at(t, r, c), v);
        }
        let forward = rng.below(3);
        let carried = rng.below(done + forward + 1);
        out.insert(at(t, q::OUTCOME_TOTAL, c), done);
        out.insert(at(t, q::CARRIED_FORWARD, c), forward);
        out.insert(at(t, q::CARRIED_OVER, c), carried);
        out.insert(at(t, q::NEW, c), done + forward - carried);
    }
    for r in requests.rows {
        let sum = applicants.iter().map(|&c| out[&at(t, r.key, c)]).sum();
        out.insert(at(t, r.key, q::TOTAL), sum);
    }
    for r in version.review.rows {
        let parts = [rv::UPHELD, rv::CORRECTED, rv::OTHER, rv::PENDING].map(|c| (c, rng.below(5)));
        for (c, v) in parts {
            out.insert(at(TableId::Review, r.key, c), v);
        }
        out.insert(at(TableId::Review, r.key, rv::TOTAL), parts.iter().map(|p| p.1).sum());
    }
    for block in version.active.blocks {
        for r in block.rows {
            for c in block.columns {
                out.insert(at(TableId::Active, r.key, c.key), rng.below(300));
            }
        }
    }
    out
}

/// The grid with every cell that is not a total typed.
fn typed_grid(version: &'static Version, values: &BTreeMap<CellRef, i64>) -> Grid {
    let mut grid = Grid::new(version);
    for (cell, v) in values {
        if !grid.is_total(cell) {
            grid.type_in(*cell, &v.to_string());
        }
    }
    grid
}

/// The same values written as a report's text.
fn sample(version: &'static Version, values: &BTreeMap<CellRef, i64>) -> Sample {
    let mut s = Sample::new(version);
    for (c, v) in values {
        s = s.cell(c.table, c.row, c.column, &v.to_string());
    }
    s
}

fn cell<'a>(report: &'a Report, c: &CellRef) -> Option<&'a Cell> {
    report.table(c.table).row(c.row)?.cell(c.column)
}

/// Value and state, a cell not there being one not given.
fn said(c: Option<&Cell>) -> (Option<crate::tables::model::Value>, String) {
    match c {
        Some(c) if c.state != CellState::Absent => (c.value, format!("{:?}", c.state)),
        _ => (None, "Absent".into()),
    }
}

/// What a diagnostic says, without where in a text it was read.
fn said_diagnostics(report: &Report) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            let first = d.suggestions.as_ref().and_then(|s| s.first()).map(|s| (s.row, s.column, s.from, s.to));
            format!("{} {:?} {:?} {:?} {} {first:?}", d.code, d.table, d.row, d.column, d.message)
        })
        .collect()
}

/// What a report says but the info that 表四 has corrected cases (a
/// consistent report may have them).
fn problems(report: &Report) -> Vec<&str> {
    report.diagnostics.iter().map(|d| d.code).filter(|&c| c != "review.corrected").collect()
}

#[test]
fn totals_are_computed_from_the_equations_in_both_versions() {
    for version in VERSIONS {
        for seed in 1..=20 {
            let values = consistent(version, seed);
            let grid = typed_grid(version, &values);
            let report = grid.report();
            // (Money is typed in its printed unit: 表二's 2021 fees in 万元.)
            for (c, v) in values.iter().filter(|(c, _)| c.table != TableId::Active) {
                assert_eq!(cell(&report, c).and_then(|c| c.value), Some(crate::tables::model::Value::Int(*v)), "{c:?}");
            }
            assert!(problems(&report).is_empty(), "{}: {:?}", version.name, report.diagnostics);
            // The same values written as a text read to the same tables,
            // and say the same (表四's corrected cases, as an info).
            let text = sample(version, &values).check();
            assert!(problems(&text).is_empty());
            assert_eq!(said_diagnostics(&report), said_diagnostics(&text), "{}", version.name);
            for c in cells(version) {
                assert_eq!(said(cell(&report, &c)), said(cell(&text, &c)), "{} {c:?}", version.name);
            }
        }
        // Which cells are totals comes from the equations: every 总计
        // column, （七）总计's row, 表四's 总计s; nothing else.
        let grid = Grid::new(version);
        let totals: Vec<CellRef> = cells(version).into_iter().filter(|c| grid.is_total(c)).collect();
        let rows = version.requests.rows.len();
        assert_eq!(totals.len(), rows + (version.requests.columns.len() - 1) + version.review.rows.len());
        assert!(totals.iter().all(|c| c.column == q::TOTAL || c.row == q::OUTCOME_TOTAL));
    }
}

#[test]
fn a_new_grid_is_zeros_and_clean() {
    for version in VERSIONS {
        let report = Grid::new(version).report();
        assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
        assert_eq!(report.table(TableId::Requests).int(q::OUTCOME_TOTAL, q::TOTAL), Some(0));
        assert_eq!(report.template, Some(crate::TemplateKind::Single(version)));
    }
}

#[test]
fn a_typed_total_is_checked_as_the_text_is() {
    for version in VERSIONS {
        let values = consistent(version, 7);
        for (row, by) in [(q::GRANTED, 2), (q::NEW, 1), (q::OUTCOME_TOTAL, 3)] {
            let total = at(TableId::Requests, row, q::TOTAL);
            let mut grid = typed_grid(version, &values);
            let mut wrong = values.clone();
            *wrong.get_mut(&total).unwrap() += by;
            grid.type_in(total, &wrong[&total].to_string());
            assert!(!grid.is_computed(&total));
            let report = grid.report();
            let text = sample(version, &wrong).check();
            assert!(!report.diagnostics.is_empty());
            assert_eq!(said_diagnostics(&report), said_diagnostics(&text), "{} {row}", version.name);
            // The suggestion names the typed total and what it should be.
            let first = &report.diagnostics[0].suggestions.as_ref().unwrap()[0];
            assert_eq!((first.row, first.column, first.to), (row, Some(q::TOTAL), Some(values[&total])));
            // Cleared, it is computed again.
            grid.type_in(total, "");
            assert!(grid.is_computed(&total) && problems(&grid.report()).is_empty());
        }
        // 表四 too.
        let total = at(TableId::Review, rv::LITIGATION_DIRECT, rv::TOTAL);
        let mut grid = typed_grid(version, &values);
        grid.type_in(total, &(values[&total] + 1).to_string());
        let mut wrong = values.clone();
        *wrong.get_mut(&total).unwrap() += 1;
        assert_eq!(said_diagnostics(&grid.report()), said_diagnostics(&sample(version, &wrong).check()));
    }
}

#[test]
fn a_broken_balance_blanks_and_bad_values_read_as_the_text_does() {
    let version = &V2021;
    let values = consistent(version, 3);
    let mut grid = typed_grid(version, &values);
    // 一 one more in 自然人 (its row's 总计 follows it in the grid).
    let new = at(TableId::Requests, q::NEW, q::NATURAL_PERSON);
    grid.type_in(new, &(values[&new] + 1).to_string());
    // A blank left on purpose, and marks.
    let written = [
        (at(TableId::Requests, q::GRANTED, q::RESEARCH), "/"),
        (at(TableId::Review, rv::REVIEW, rv::OTHER), "—"),
        (at(TableId::Requests, q::CARRIED_FORWARD, q::OTHER), "无"),
    ];
    for (c, w) in written {
        grid.type_in(c, w);
    }
    let report = grid.report();
    let codes = crate::testing::codes(&report);
    assert!(codes.contains(&"requests.balance") && codes.contains(&"value.blank"), "{codes:?}");
    // The text with the totals the grid computes (a blank counts 0) says the same.
    let mut text = sample(version, &values);
    for c in cells(version) {
        if let Some(v) = cell(&report, &c).and_then(|c| c.value) {
            text = text.cell(c.table, c.row, c.column, &v.to_string());
        }
    }
    for (c, w) in written {
        text = text.cell(c.table, c.row, c.column, w);
    }
    assert_eq!(said_diagnostics(&report), said_diagnostics(&text.check()));
    // Values that are not counts: the same reasons. The totals they sit
    // in cannot be added up, and are not given.
    let mut grid = Grid::new(version);
    let mut text = Sample::new(version);
    let bad = [
        (at(TableId::Requests, q::PARTLY_GRANTED, q::COMMERCIAL), "1.5"),
        (at(TableId::Requests, q::CARRIED_FORWARD, q::OTHER), "-2"),
    ];
    for (c, w) in bad {
        grid.type_in(c, w);
        text = text.cell(c.table, c.row, c.column, w);
    }
    let report = grid.report();
    let invalid = |r: &Report| {
        let only = Report {
            diagnostics: crate::testing::with_code(r, "value.invalid").into_iter().cloned().collect(),
            ..Grid::new(version).report()
        };
        said_diagnostics(&only)
    };
    assert_eq!(invalid(&report).len(), 2, "{:?}", report.diagnostics);
    assert_eq!(invalid(&report), invalid(&text.check()));
    // Words in a cell (which a text would read as a label): not a number.
    grid.type_in(at(TableId::Review, rv::REVIEW, rv::UPHELD), "三件");
    assert!(invalid(&grid.report()).iter().any(|d| d.contains("“三件”不是")), "{:?}", invalid(&grid.report()));
    let partly_total = at(TableId::Requests, q::PARTLY_GRANTED, q::TOTAL);
    assert_eq!(said(cell(&report, &partly_total)).1, "Absent");
    // An empty cell is a blank too (left empty, said so).
    let mut grid = Grid::new(version);
    grid.type_in(at(TableId::Requests, q::NEW, q::COMMERCIAL), "");
    let report = grid.report();
    let d = crate::testing::with_code(&report, "value.blank");
    assert!(d.len() == 1 && d[0].message.contains("商业企业列留空"), "{d:?}");
}

/// Every fixture's report into a grid and back: the same tables, cell for
/// cell (a cell the text does not give stays not given), and the same
/// broken sums.
#[test]
fn a_report_round_trips_through_the_grid() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut checked = 0;
    let mut not_given = 0;
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let path = e.path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let report = crate::check(&std::fs::read_to_string(&path).unwrap(), None);
        let filled = Grid::from_report(&report);
        let grid = &filled.grid;
        let again = grid.report();
        for c in cells(grid.version) {
            assert_eq!(said(cell(&again, &c)), said(cell(&report, &c)), "{name} {c:?}");
            if said(cell(&report, &c)).1 == "Absent" {
                // Not given, or a total of parts not given.
                assert!(grid.entry(&c) == Some(&Entry::NotGiven) || grid.is_computed(&c), "{name} {c:?}");
                not_given += 1;
            }
        }
        if filled.left_out == 0 {
            // The contract's tables, exactly.
            let tables = |r: &Report| {
                let v: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
                (v["active"].clone(), v["requests"].clone(), v["review"].clone())
            };
            assert_eq!(tables(&again), tables(&report), "{name}");
        }
        let sums = |r: &Report| {
            let mut v: Vec<String> = r
                .diagnostics
                .iter()
                .filter(|d| {
                    matches!(
                        d.code,
                        "requests.balance" | "requests.row_total" | "requests.outcome_total" | "review.total"
                    )
                })
                .map(|d| format!("{} {:?} {:?}", d.code, d.row, d.column))
                .collect();
            v.sort();
            v
        };
        assert_eq!(sums(&again), sums(&report), "{name}");
        // And back into a grid: the same grid.
        assert_eq!(Grid::from_report(&again).grid.to_saved(), grid.to_saved(), "{name}");
        checked += 1;
    }
    assert!(checked >= 10 && not_given > 0, "{checked} {not_given}");
}

#[test]
fn a_total_a_report_gives_right_is_computed_and_a_wrong_one_kept() {
    let values = consistent(&V2021, 11);
    let mut wrong = values.clone();
    let total = at(TableId::Requests, q::GRANTED, q::TOTAL);
    *wrong.get_mut(&total).unwrap() += 5;
    let grid = Grid::from_report(&sample(&V2021, &wrong).year(2022).check()).grid;
    assert_eq!(grid.year, Some(2022));
    assert_eq!(grid.entry(&total), Some(&Entry::Typed(wrong[&total].to_string())));
    let others: Vec<CellRef> = cells(&V2021).into_iter().filter(|c| grid.is_total(c) && *c != total).collect();
    assert!(others.iter().all(|c| grid.is_computed(c)), "{:?}", others.iter().filter(|c| !grid.is_computed(c)));
}

#[test]
fn keys_are_the_contracts() {
    for version in VERSIONS {
        let report = Grid::new(version).report();
        let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
        let listed = json["cells"].as_array().unwrap();
        assert_eq!(listed.len(), cells(version).len());
        for (c, j) in cells(version).iter().zip(listed) {
            let key = format!(
                "{}.{}.{}",
                j["table"].as_str().unwrap(),
                j["row"].as_str().unwrap(),
                j["column"].as_str().unwrap()
            );
            assert_eq!(cell_key(c), key);
            assert_eq!(parse_key(version, &key), Some(*c));
            assert_eq!(json[c.table.key()][c.row.as_str()][c.column.as_str()], j["value"]);
        }
        assert_eq!(parse_key(version, "requests.3.1"), None);
        assert_eq!(parse_key(version, "requests.3.1.nobody"), None);
    }
    // The contract's own example.
    assert_eq!(cell_key(&at(TableId::Requests, q::GRANTED, q::NATURAL_PERSON)), "requests.3.1.natural_person");
    // A row only 2019 has is not a 2021 cell.
    let other = crate::template::keys::active::OTHER_SERVICES;
    let key = cell_key(&at(TableId::Active, other, crate::template::keys::active::DECISIONS));
    assert!(parse_key(&V2019, &key).is_some() && parse_key(&V2021, &key).is_none());
}

#[test]
fn a_pasted_block_fills_from_the_cell_on() {
    let mut grid = Grid::new(&V2021);
    let from = at(TableId::Requests, q::GRANTED, q::LEGAL_SERVICE);
    // Three rows from a spreadsheet (CRLF, a trailing line end), the last
    // row one value short, the first running past the table's edge.
    let done = grid.paste(from, "1\t2\t3\t9\r\n4\t\t6\r\n7\t8\r\n");
    assert_eq!(done, Pasted { filled: 8, outside: 1 });
    let rows = grid.rows(TableId::Requests);
    let r0 = rows.iter().position(|r| r.contains(&from)).unwrap();
    let typed = |r: usize, c: usize| grid.entry(&rows[r][c]).cloned();
    assert_eq!(typed(r0, 4), Some(Entry::Typed("1".into())));
    // The 总计 pasted into is typed, and checked.
    assert_eq!(typed(r0, 6), Some(Entry::Typed("3".into())));
    assert_eq!(typed(r0 + 1, 5), Some(Entry::Typed(String::new())));
    assert_eq!(typed(r0 + 2, 5), Some(Entry::Typed("8".into())));
    assert!(grid.is_computed(&rows[r0 + 2][6]));
    let codes = crate::testing::codes(&grid.report());
    assert!(codes.contains(&"requests.row_total") && codes.contains(&"value.blank"), "{codes:?}");
    // 表四 is one row of fifteen: a row of fifteen fills it.
    let review = grid.rows(TableId::Review);
    assert_eq!(review.len(), 1);
    assert_eq!(review[0].len(), 15);
    let line: Vec<String> = (1..=15).map(|i| i.to_string()).collect();
    assert_eq!(grid.paste(review[0][0], &line.join("\t")), Pasted { filled: 15, outside: 0 });
    // A cell the version does not have fills nothing.
    assert_eq!(grid.paste(at(TableId::Review, q::NEW, q::TOTAL), "1"), Pasted::default());
}

#[test]
fn a_grid_is_kept_and_restored() {
    let mut grid = typed_grid(&V2019, &consistent(&V2019, 5));
    grid.year = Some(2020);
    grid.agency = Some("某市\t某局".into());
    grid.type_in(at(TableId::Requests, q::GRANTED, q::TOTAL), "99");
    grid.set(at(TableId::Requests, q::NEW, q::OTHER), Some(Entry::NotGiven));
    grid.type_in(at(TableId::Requests, q::NEW, q::COMMERCIAL), "／");
    let kept = grid.to_saved();
    let back = Grid::from_saved(&kept).unwrap();
    assert_eq!(back.to_saved(), kept);
    assert_eq!(back.agency.as_deref(), Some("某市 某局"));
    assert_eq!(said_diagnostics(&back.report()), said_diagnostics(&grid.report()));
    assert!(Grid::from_saved("").is_none() && Grid::from_saved("nianbao-grid 1\nversion\t1999\n").is_none());
}

#[test]
fn another_version_keeps_the_cells_both_have() {
    let values = consistent(&V2019, 9);
    let grid = typed_grid(&V2019, &values).with_version(&V2021);
    assert_eq!(grid.version, &V2021);
    let kept = at(TableId::Requests, q::GRANTED, q::NATURAL_PERSON);
    assert_eq!(grid.entry(&kept), Some(&Entry::Typed(values[&kept].to_string())));
    // 2021's （六）其他处理 rows start at 0.
    let other = grid.rows(TableId::Requests).into_iter().flatten().find(|c| c.row.is_under("3.6")).unwrap();
    assert_eq!(grid.entry(&other), Some(&Entry::Typed("0".into())));
}

#[test]
fn a_cell_is_named_as_a_reader_names_it() {
    let grid = Grid::new(&V2021);
    let name = |table, row, column| grid.cell_name(&CellRef { table, row, column });
    assert_eq!(name(TableId::Requests, q::NEW, q::NATURAL_PERSON), "表三「一、本年新收政府信息公开申请数量」自然人");
    assert_eq!(name(TableId::Review, rv::REVIEW, rv::CORRECTED), "表四「行政复议」结果纠正");
}
