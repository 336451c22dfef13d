//! What the integration tests share: where ../shared/corpus is, and how a
//! snapshot shows a checked report (as a user reads it: every diagnostic
//! with the line it sits on, the summary, the rebuilt tables with whole
//! labels, then the contract's fields).

#![allow(dead_code)] // each test crate uses some of these

pub mod docx;
pub mod pdf;

use std::path::{Path, PathBuf};

/// ../shared/corpus beside the clone, or `None` with a line saying the
/// tests that need it are skipped.
pub fn shared_corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("../shared/corpus not found (CI has it beside the clone): the tests that read it are skipped");
        None
    }
}

/// A fixture under tests/fixtures.
pub fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// The .txt fixtures, in name order.
pub fn text_fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// What a snapshot shows of a report checked from `input`.
pub fn snapshot_view(report: &nianbao::Report, name: &str, input: &str) -> String {
    let mut json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    let obj = json.as_object_mut().unwrap();
    obj.retain(|k, _| {
        ["source", "agency", "year", "template", "active", "requests", "review", "diagnostics"].contains(&k.as_str())
    });
    format!(
        "{}{}\n{}\n{}",
        nianbao::render::text::annotated(report, name, input),
        nianbao::render::text::summary(report),
        nianbao::render::text::tables(report),
        serde_json::to_string_pretty(&json).unwrap()
    )
}

pub fn codes(r: &nianbao::Report) -> Vec<&'static str> {
    r.diagnostics.iter().map(|d| d.code).collect()
}
