//! Issue 14's proof: every (template version, content style, text shape)
//! read back cell by cell against a truth.
//!
//! A truth (tests/shapegen/truth.rs) is a random set of tables of one
//! template version that keeps its arithmetic, in one content style: dense,
//! table 三's 法人或其他组织 columns blank where zero, every zero blank, or
//! zeros as dashes. It is laid out as a page (page.rs) and written in each
//! shape (write.rs; the .docx fills in the official 2021 template, read in
//! place from ../shared, so 2021 truths only: there is no 2019 .docx
//! writer yet). Real programs' shapes (Chromium's copy and innerText,
//! pdftotext -raw/-layout/plain of Chromium's PDF, the app's pdf.js text)
//! come from tests/e2e/shapes.mjs: a fixed set is committed in
//! tests/shapegen/fixtures, and scripts/shapegen.sh makes a fresh random
//! batch (scripts/test.sh runs it). The in-process cell-per-line text is
//! Chromium's copy of the same page byte for byte (checked on both).
//!
//! Each cell is right (the value; a blank cell absent, read as blank and
//! named by its row's `value.blank`), missing (with or without a `value.ambiguous` /
//! `table.layout` saying why) or wrong; every error diagnostic is false,
//! since the truths are clean. A (shape, style) holds when no cell is wrong,
//! no loss is unsaid, no error is raised, and — unless the shape provably
//! loses information (`Shape::lossy`) — no cell is missing. Every pair
//! must hold except those in [`KNOWN_GAPS`], which are measured and printed
//! only: the reader of issue 14 empties that list.
//!
//! Run `cargo test --test shape_matrix -- --nocapture` to see the tables;
//! `SHAPEGEN_CASES=20` for more truths, `SHAPEGEN_SEED` for others, and
//! `SHAPEGEN_SHOW="2021 blank-zeros 3 tab-rows" cargo test --test
//! shape_matrix show -- --ignored --nocapture` to see one case's text, its
//! diagnostics and the cells it gets wrong.
//!
//! **To add a shape**: a variant of `Shape` (measure.rs) with its name;
//! a writer in write.rs and a line in `shapegen::written` (or, for a
//! program's output, a suffix in `Shape::PROGRAMS` and the program in
//! tests/e2e/shapes.mjs); then run this test and put the pairs that fail
//! today into `KNOWN_GAPS`.
//!
//! **To regenerate the fixtures**: `bash scripts/shapegen.sh --fixtures`
//! (writes two pages a version × style with their truths from seed 1000,
//! runs shapes.mjs on them, keeps the texts, drops the PDFs). Regenerate
//! them when a writer or the truth generator changes; the same seed gives
//! the same pages.

mod common;
mod shapegen;

use shapegen::measure::{self, Matrix, Shape, Tally};
use shapegen::truth::{Style, Truth};
use std::path::{Path, PathBuf};

/// The (shape, style) pairs the reader fails today (issue 14): measured and
/// printed, not asserted. Remove a pair once it holds; nothing else needs
/// to change for it to be asserted.
///
/// Measured on 2026-12-06 (in-process over 60 truths a pair, and fresh
/// batches of 24 pages through Chromium): every pair not listed held in
/// every run; a pair listed failed in at least one. What is left:
/// - flattened, blank-zeros: glued digits the sums cannot cut (said), and
///   the usual-column prior (a value beside its total put under 自然人, said
///   as a presumption in the row's value.blank), which the random truths'
///   rows of legal persons defeat now and then (1 cell in 11,940). With
///   dashes it held on seven seeds (2026-12-07, 40–60 truths a style) once
///   a `-` glued between numbers or after a mark ending in `-` was said as
///   a mark or a minus in every table (`8-8` in 表三 read 8 and -8, a false
///   value.invalid; `--25` in 表二 read 25).
/// - PDF plain (pdftotext without -raw or -layout) left the list on
///   2026-12-07: it writes a table in blocks, each cell a line, its labels
///   astray; table 三 is read from its values' order where they are exactly
///   the template's rows and keep every equation (tables/in_order.rs), and
///   is otherwise said (`table.layout`), as is table 二 of its page unless
///   each of its rows is there whole, and table 四 unless its groups'
///   totals hold. On seven batches (seeds 2718, 3141, 1618, 5772, 4040,
///   8080, 9999): 0 wrong, 0 unsaid.
#[rustfmt::skip]
const KNOWN_GAPS: &[(Shape, Style)] = {
    use Shape::*;
    use Style::*;
    &[
        // written here
        (Flattened, BlankZeros),
    ]
};

fn known_gap(shape: Shape, style: Option<Style>) -> bool {
    style.is_none_or(|s| KNOWN_GAPS.contains(&(shape, s)))
}

const VERSIONS: [&nianbao::template::Version; 2] = [&nianbao::template::v2019::V2019, &nianbao::template::v2021::V2021];

/// Truths a (version, style) in `cargo test`; `SHAPEGEN_CASES` sets more.
fn cases() -> u64 {
    std::env::var("SHAPEGEN_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(2)
}

/// The first seed (fixed, so `cargo test` is the same every run);
/// `SHAPEGEN_SEED` sets another.
fn first_seed() -> u64 {
    std::env::var("SHAPEGEN_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(1)
}

/// Prints the table and fails on the pairs outside `KNOWN_GAPS` that do
/// not hold.
fn judge(title: &str, matrix: &Matrix) {
    println!("\n{title}\n\n{}", measure::render(matrix, &known_gap));
    let failing: Vec<String> = matrix
        .iter()
        .filter(|((shape, style), t)| !known_gap(*shape, *style) && !t.holds(shape.lossy(*style)))
        .map(|((shape, style), t)| {
            format!("{} / {}:\n    {}", shape.name(), style.map_or("real", Style::name), t.shown().join("\n    "))
        })
        .collect();
    assert!(failing.is_empty(), "{title}: pairs that do not hold (not in KNOWN_GAPS):\n{}", failing.join("\n"));
}

#[test]
fn written_shapes_read_back_or_say_why() {
    let template = shapegen::template_docx();
    if template.is_none() {
        println!("../shared/corpus/files/template-2021.docx not found: the .docx shape is skipped");
    }
    let mut matrix = Matrix::new();
    for version in VERSIONS {
        for style in Style::ALL {
            for k in 0..cases() {
                let truth = Truth::generate(version, style, first_seed() + k);
                for (shape, input) in shapegen::written(&truth, template.as_deref()) {
                    let report = input.check();
                    let tally = measure::measure(&truth, &report, &format!("{} {}", truth.name(), shape.name()));
                    matrix.entry((shape, Some(style))).or_default().add(&tally);
                }
            }
        }
    }
    judge(
        &format!("written shapes, seeds {}..{} (SHAPEGEN_SEED, SHAPEGEN_CASES)", first_seed(), first_seed() + cases()),
        &matrix,
    );
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/shapegen/fixtures")
}

#[test]
fn program_fixtures_read_back_or_say_why() {
    let results = shapegen::measure_dir(&fixtures(), &fixtures());
    assert!(results.len() >= 8 * 8, "tests/shapegen/fixtures: a page a version × style, each in 8 shapes");
    judge("real programs' shapes (tests/shapegen/fixtures)", &matrix_of(&results));
}

/// The app's PDF text lays each item where its x puts it (inputs.js), so a
/// 表三 whose 法人或其他组织 columns are left empty is read under its
/// header's names: every cell of the blank-legal and blank-zeros pages,
/// where the PDF's raw text (no positions) leaves the legal persons' values
/// unplaced.
#[test]
fn the_apps_pdf_text_places_values_under_the_header() {
    let results = shapegen::measure_dir(&fixtures(), &fixtures());
    let blank = |style: &Option<Style>| matches!(style, Some(Style::BlankLegal | Style::BlankZeros));
    let pages: Vec<_> = results.iter().filter(|(_, style, shape, _)| *shape == Shape::PdfJs && blank(style)).collect();
    assert!(pages.len() >= 4, "tests/shapegen/fixtures: blank-legal and blank-zeros pages with their pdf.js text");
    for (name, _, _, tally) in pages {
        assert_eq!((tally.missing, tally.wrong), (0, 0), "{name}: {:?}", tally.shown());
    }
    let raw =
        results.iter().filter(|(_, style, shape, _)| *shape == Shape::PdfRaw && *style == Some(Style::BlankLegal));
    assert!(raw.map(|r| r.3.missing).sum::<usize>() > 0, "the raw text has no positions to go by");
}

/// Pages of fresh batches that once failed (scripts/shapegen.sh printed
/// their seed), with the programs' texts of them: each a reader fix's
/// proof, kept as they were written (not regenerated with the fixtures).
#[test]
fn regressions_read_back_or_say_why() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/shapegen/regressions");
    let results = shapegen::measure_dir(&dir, &dir);
    assert!(results.len() >= 6 * 6, "tests/shapegen/regressions: six pages, each in the programs' shapes");
    judge("fresh batches' pages that once failed (tests/shapegen/regressions)", &matrix_of(&results));
}

/// The committed pages are what the writers write today, and the
/// in-process cell-per-line shape is Chromium's own copy of them, byte for
/// byte: the imitation measured above is the real thing.
#[test]
fn fixtures_are_current_and_cell_per_line_is_chromium_s_copy() {
    assert!(
        shapegen::check_writers(&fixtures(), &fixtures()) >= 8,
        "tests/shapegen/fixtures: a page a version × style"
    );
}

fn matrix_of(results: &[(String, Option<Style>, Shape, Tally)]) -> Matrix {
    let mut matrix = Matrix::new();
    for (_, style, shape, tally) in results {
        matrix.entry((*shape, *style)).or_default().add(tally);
    }
    matrix
}

/// A fresh batch made by scripts/shapegen.sh: pages and truths in
/// `SHAPEGEN_PAGES`, the programs' texts in `SHAPEGEN_OUTPUTS`; strict as
/// the fixtures are. Pages without a style (real reports, whose truth is
/// their ground truth) are printed, never asserted.
#[test]
#[ignore = "run by scripts/shapegen.sh"]
fn batch_reads_back_or_says_why() {
    let pages = PathBuf::from(std::env::var("SHAPEGEN_PAGES").expect("SHAPEGEN_PAGES"));
    let outputs = std::env::var("SHAPEGEN_OUTPUTS").map_or(pages.clone(), PathBuf::from);
    let results = shapegen::measure_dir(&pages, &outputs);
    assert!(!results.is_empty(), "no *.truth.json in {}", pages.display());
    println!(
        "{} pages: written as write::html writes them, and copied by Chromium as write::cell_per_line writes them",
        shapegen::check_writers(&pages, &outputs)
    );
    println!("\n{}", measure::render_by_report(&results));
    // SHAPEGEN_DETAIL=pdf-plain: each failing page of that shape, with the
    // cells it gets wrong and the false errors.
    if let Ok(shape) = std::env::var("SHAPEGEN_DETAIL") {
        for (name, _, s, tally) in results.iter().filter(|(_, style, s, t)| {
            s.name() == shape && (t.missing > 0 || !t.holds(s.lossy(*style))) && style.is_some()
        }) {
            println!("{name} {}: {}", s.name(), tally.shown().join("\n    "));
        }
    }
    judge(&format!("real programs' shapes, fresh batch in {}", pages.display()), &matrix_of(&results));
}

/// Writes the pages of a batch: `SHAPEGEN_PER` (default 1) a version ×
/// style from `SHAPEGEN_SEED`, into `SHAPEGEN_WRITE`.
#[test]
#[ignore = "run by scripts/shapegen.sh"]
fn write_batch() {
    let dir = PathBuf::from(std::env::var("SHAPEGEN_WRITE").expect("SHAPEGEN_WRITE"));
    std::fs::create_dir_all(&dir).unwrap();
    let per: u64 = std::env::var("SHAPEGEN_PER").ok().and_then(|s| s.parse().ok()).unwrap_or(1);
    let mut seed = first_seed();
    for version in VERSIONS {
        for style in Style::ALL {
            for _ in 0..per {
                let path = shapegen::write_page(&dir, &Truth::generate(version, style, seed)).unwrap();
                println!("{}", path.display());
                seed += 1;
            }
        }
    }
}

/// The real reports of ../realworld (reports/ + truth/, never committed;
/// `NIANBAO_REALWORLD` names another folder), read in place and measured
/// against their independent ground truth. Printed, not asserted.
#[test]
fn real_reports_are_measured() {
    let dir = std::env::var("NIANBAO_REALWORLD")
        .map_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("../realworld"), PathBuf::from);
    let Ok(entries) = std::fs::read_dir(dir.join("truth")) else {
        println!("{}: not found, the real reports are not measured (they are never committed)", dir.display());
        return;
    };
    let mut results = Vec::new();
    let mut names: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
    names.sort();
    for truth_path in names {
        let slug = truth_path.file_stem().unwrap().to_string_lossy().to_string();
        let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&truth_path).unwrap()).unwrap();
        let truth = Truth::from_json(&json).unwrap_or_else(|e| panic!("{slug}: {e}"));
        let reports = dir.join("reports");
        let mut inputs = Vec::new();
        if let Ok(html) = std::fs::read_to_string(reports.join(format!("{slug}.html"))) {
            inputs.push((Shape::Html, measure::Input::Html(html.clone())));
            inputs.push((Shape::HtmlAsText, measure::Input::TextFile(html)));
        }
        if let Ok(text) = std::fs::read_to_string(reports.join(format!("{slug}.txt"))) {
            inputs.push((Shape::Flattened, measure::Input::Text(text)));
        }
        for (shape, input) in inputs {
            let tally = measure::measure(&truth, &input.check(), &format!("{slug} {}", shape.name()));
            results.push((slug.clone(), None, shape, tally));
        }
    }
    println!("\nreal reports in {} (their page through Chromium and PDF: scripts/shapegen.sh)", dir.display());
    println!("\n{}", measure::render_by_report(&results));
    let mut all = Tally::default();
    results.iter().for_each(|r| all.add(&r.3));
    println!(
        "all: {} cells, {} right ({:.1}%), {} missing, {} wrong; {} false errors; {} of {} real errors found",
        all.cells,
        all.right,
        all.percent_right(),
        all.missing,
        all.wrong,
        all.errors,
        all.found,
        all.known_errors
    );
}

/// One case, shown: `SHAPEGEN_SHOW="2021 blank-zeros 3 tab-rows" cargo test
/// --test shape_matrix show -- --ignored --nocapture` prints the text the
/// shape gives, the checker's diagnostics and the cells that are not right.
#[test]
#[ignore = "a tool: SHAPEGEN_SHOW=\"VERSION STYLE SEED SHAPE\""]
fn show() {
    let spec = std::env::var("SHAPEGEN_SHOW").expect("SHAPEGEN_SHOW=\"2021 blank-zeros 3 tab-rows\"");
    let parts: Vec<&str> = spec.split_whitespace().collect();
    let version = VERSIONS.into_iter().find(|v| v.name == parts[0]).expect("version 2019 or 2021");
    let style = Style::parse(parts[1]).expect("style");
    let truth = Truth::generate(version, style, parts[2].parse().expect("seed"));
    for (shape, input) in shapegen::written(&truth, shapegen::template_docx().as_deref()) {
        if shape.name() != parts[3] {
            continue;
        }
        match &input {
            measure::Input::Text(t) | measure::Input::TextFile(t) | measure::Input::Html(t) => println!("{t}"),
            measure::Input::File(name, _) => println!("({name})"),
        }
        let report = input.check();
        for d in &report.diagnostics {
            println!("{} line {:?} {:?} {:?}: {}", d.code, d.line, d.row, d.column, d.message);
        }
        let mut t = measure::measure(&truth, &report, shape.name());
        for e in t.examples.drain(..) {
            println!("{e}");
        }
        println!("{t:?}");
    }
}
