//! The shape generator (issue 14, "Proof"): random tables that keep the
//! template's arithmetic ([`truth`]), laid out as a report page ([`page`]),
//! written in the shapes reports arrive in ([`write`], and real programs
//! through tests/e2e/shapes.mjs), checked, and measured cell by cell
//! ([`measure`]). tests/shape_matrix.rs runs it; its doc comment says how
//! to add a shape and how to regenerate the fixtures.

#![allow(dead_code)] // each test crate uses some of it

pub mod measure;
pub mod page;
pub mod truth;
pub mod write;

use measure::{Input, Reading, Shape};
use page::Page;
use std::path::{Path, PathBuf};
use truth::{Rng, Truth};

/// The official 2021 template, read in place (../shared/corpus/files); not
/// in the repository.
pub fn template_docx() -> Option<Vec<u8>> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/files/template-2021.docx")).ok()
}

/// The truth written in every in-process shape. The .docx is the official
/// 2021 template filled in, so only for 2021 truths and when the template
/// is at hand.
pub fn written(truth: &Truth, template: Option<&[u8]>) -> Vec<(Shape, Input)> {
    let page = Page::of(truth);
    let mut rng = Rng::new(truth.seed ^ 0x5ba9e);
    let html = write::html(&page);
    let mut out = vec![
        (Shape::CellPerLine, Input::Text(write::cell_per_line(&page))),
        (Shape::TabRows, Input::Text(write::tab_rows(&page))),
        (Shape::Markdown, Input::Text(write::markdown(&page, &mut rng))),
        (Shape::Crawled, Input::Text(write::crawled(&page, &mut rng))),
        (Shape::Flattened, Input::Text(write::flattened(&page))),
        (Shape::Html, Input::Html(html.clone())),
        (Shape::HtmlAsText, Input::TextFile(html)),
    ];
    if let (Some(template), true) = (template, std::ptr::eq(truth.version, &nianbao::template::v2021::V2021)) {
        out.push((Shape::Docx, Input::File("report.docx", docx(truth, &Page::plain(truth), template))));
    }
    out
}

/// The 2021 template with the truth's cells (in template order, which is
/// the template's reading order), its title and prose.
fn docx(truth: &Truth, page: &Page, template: &[u8]) -> Vec<u8> {
    let paras: Vec<&str> =
        page.blocks.iter().filter_map(|b| if let page::Block::Para(p) = b { Some(p.as_str()) } else { None }).collect();
    let fill = |n: usize| truth.cells.get(n).map_or(String::new(), |c| c.written.clone());
    let edits = [
        ("政府信息公开工作年度报告格式模板", page.title.as_str()),
        ("（文字描述）", paras.first().copied().unwrap_or("")),
        ("（文字描述）", paras.get(2).copied().unwrap_or("")),
        ("（文字描述，收取信息处理费情况在此处报告。）", paras.last().copied().unwrap_or("")),
    ];
    crate::common::docx::filled_docx(template, &fill, &edits)
}

/// A page for the browser: `NAME.html` and its truth `NAME.truth.json`.
pub fn write_page(dir: &Path, truth: &Truth) -> std::io::Result<PathBuf> {
    let html = write::html(&Page::of(truth));
    let path = dir.join(format!("{}.html", truth.name()));
    std::fs::write(&path, html)?;
    std::fs::write(dir.join(format!("{}.truth.json", truth.name())), serde_json::to_string_pretty(&truth.to_json())?)?;
    Ok(path)
}

/// A folder of pages with their truths and (from shapes.mjs, in the same
/// folder or `outputs`) the programs' texts: each page as HTML, as HTML
/// given as text, and each program's text found, checked and measured.
pub fn measure_dir(pages: &Path, outputs: &Path) -> Vec<(String, Option<truth::Style>, Shape, measure::Tally)> {
    let mut out = Vec::new();
    for (name, truth) in truths_in(pages) {
        let mut inputs = Vec::new();
        if let Ok(html) = std::fs::read_to_string(pages.join(format!("{name}.html"))) {
            inputs.push((Shape::Html, Input::Html(html.clone())));
            inputs.push((Shape::HtmlAsText, Input::TextFile(html)));
        }
        for (shape, suffix, reading) in Shape::PROGRAMS {
            if inputs.iter().any(|(s, _)| *s == shape) {
                continue;
            }
            let path = outputs.join(format!("{name}{suffix}"));
            let Ok(bytes) = std::fs::read(&path) else { continue };
            let text = || String::from_utf8(bytes.clone()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            inputs.push((
                shape,
                match reading {
                    Reading::Text => Input::Text(text()),
                    Reading::PdfItems => Input::Text(
                        nianbao::input::pdf_text::read_json(&text())
                            .unwrap_or_else(|e| panic!("{}: {e}", path.display())),
                    ),
                    Reading::File => Input::File("report.pdf", bytes),
                },
            ));
        }
        for (shape, input) in inputs {
            let report = input.check();
            let tally = measure::measure(&truth, &report, &format!("{name} {}", shape.name()));
            out.push((name.clone(), truth.style, shape, tally));
        }
    }
    out
}

/// The truths of a folder's pages (`NAME.truth.json`), by name.
pub fn truths_in(dir: &Path) -> Vec<(String, Truth)> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".truth.json").map(str::to_string))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let path = dir.join(format!("{name}.truth.json"));
            let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let truth = Truth::from_json(&json).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (name, truth)
        })
        .collect()
}

/// Checks that each generated page of `pages` is what the writers write
/// now, and that Chromium's copy of it (in `outputs`) is, byte for byte,
/// the in-process cell-per-line shape. Returns how many pages it checked.
pub fn check_writers(pages: &Path, outputs: &Path) -> usize {
    let mut checked = 0;
    for (name, truth) in truths_in(pages).into_iter().filter(|(_, t)| t.style.is_some()) {
        let page = Page::of(&truth);
        let read = |dir: &Path, suffix: &str| std::fs::read_to_string(dir.join(format!("{name}{suffix}"))).unwrap();
        assert!(
            read(pages, ".html") == write::html(&page),
            "{name}.html is not what write::html writes now: regenerate the fixtures (bash scripts/shapegen.sh --fixtures)"
        );
        assert_eq!(
            write::cell_per_line(&page).trim_end(),
            read(outputs, ".copy.txt").trim_end(),
            "{name}: write::cell_per_line differs from Chromium's copy"
        );
        checked += 1;
    }
    checked
}
