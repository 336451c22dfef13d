//! The batch's checker, run in each of the page's batch workers (bin
//! `batch-checker`, feature `worker`; Trunk builds it as a worker module
//! beside the app, `src/app/js/batch-worker.js` loads it when a batch
//! starts). A file's bytes become its text through the CLI's own readers
//! (`nianbao::input::file_text`: .txt/.md in UTF-8, UTF-16 or GB18030,
//! .html, .docx), so a file reads the same here as on the command line;
//! the check's result goes back as one summary row, never the report.
//!
//! The batch's other work is here too, so that none of it weighs on the
//! page's first load: year against year (the pairs by
//! `report::pairing`, the CLI's; a row checked against its last year),
//! the data set's lines (`render::dataset`, the CLI's writer), feedback
//! letters (`render::letter`), the workbook (`render::xlsx`) and the zip
//! of letters.

use nianbao::render::dataset::{self, WideColumns};
use nianbao::render::letter::Letter;
use nianbao::report::pairing::{previous_years, Key};
use nianbao::rules::cross_year::{self, LastYear};
use nianbao::{Report, Severity};
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn main() {}

/// What a binary file (an image, an archive) gets: what it is not, and
/// what the checker looks for.
const NOT_A_REPORT: &str = "这不是年度报告：文件是二进制内容（如图片或压缩包），不是文本。年报体检读取 .txt、.md、.html、.docx、.pdf 格式的报告全文，查找“二、主动公开政府信息情况”等部分标题和表二、表三、表四";

/// A PDF's report text from its text items, page by page, as the page's
/// `inputs.js` reads them with pdf.js (JSON), laid out as lines as the
/// command line's are; or why it has none (a scanned PDF).
#[wasm_bindgen(js_name = pdfText)]
pub fn pdf_text(items: &str) -> Result<String, JsError> {
    nianbao::input::pdf_text::read_json(items).map_err(|e| JsError::new(&e.0))
}

/// A file's report text, or why it has none (a Chinese message).
#[wasm_bindgen(js_name = readFile)]
pub fn read_file(name: &str, bytes: &[u8]) -> Result<String, JsError> {
    read(name, bytes).map_err(|e| JsError::new(&e))
}

fn read(name: &str, bytes: &[u8]) -> Result<String, String> {
    if bytes.len() > nianbao::MAX_INPUT_BYTES {
        let mb = bytes.len() as f64 / 1048576.0;
        return Err(format!("文件过大（{mb:.1} MB）；年度报告全文通常不超过1 MB"));
    }
    let kind = nianbao::input::FileKind::of(name, bytes);
    // NUL bytes in what would be read as text, and not UTF-16: an image or
    // other binary file (GB18030 would otherwise take almost any bytes).
    if kind != nianbao::input::FileKind::Docx && bytes.iter().take(8192).any(|&b| b == 0) {
        let utf16 = nianbao::input::text::decode(bytes).is_ok_and(|d| d.encoding.starts_with("UTF-16"));
        if !utf16 {
            return Err(NOT_A_REPORT.into());
        }
    }
    nianbao::input::file_text(name, bytes).map_err(|e| e.0)
}

/// One file of the batch as its summary table shows it (the JSON the
/// page's `batch.js` keeps and `src/app/batch/model.rs` reads).
#[derive(Serialize)]
struct Row<'a> {
    agency: Option<&'a str>,
    year: Option<i32>,
    template: Option<&'static str>,
    errors: usize,
    warnings: usize,
    infos: usize,
    /// Findings per rule code, in code order.
    codes: Vec<(&'static str, usize)>,
    /// The `report.unrecognised` message: the text is no annual report.
    unrecognised: Option<&'a str>,
    lines: usize,
    /// What pairs the report with its agency's other years (`Key::of`):
    /// the agency normalised and the year.
    key: Option<(String, i32)>,
}

fn row(report: &Report) -> Row<'_> {
    let mut codes: Vec<(&'static str, usize)> = Vec::new();
    for d in &report.diagnostics {
        match codes.iter_mut().find(|(c, _)| *c == d.code) {
            Some((_, n)) => *n += 1,
            None => codes.push((d.code, 1)),
        }
    }
    codes.sort_unstable();
    Row {
        agency: report.agency.as_deref(),
        year: report.year,
        template: report.template.map(|t| t.as_str()),
        errors: report.count(Severity::Error),
        warnings: report.count(Severity::Warning),
        infos: report.count(Severity::Info),
        codes,
        unrecognised: report
            .diagnostics
            .iter()
            .find(|d| d.code == nianbao::rules::report_unrecognised::RULE.code)
            .map(|d| d.message.as_str()),
        lines: report.input_lines,
        key: Key::of(report).map(|k| (k.agency, k.year)),
    }
}

/// A file's text checked, and against last year's report when one is
/// given (its text and name): the cross-year diagnostics after the
/// report's own, as the CLI and `check_many` put them.
fn checked(text: &str, name: &str, last: Option<(&str, &str)>) -> Report {
    let mut report = nianbao::check(text, Some(name));
    if let Some((last_text, last_name)) = last {
        let last = LastYear::of(&nianbao::check(last_text, Some(last_name)));
        report.diagnostics.extend(cross_year::check(&last, &report));
    }
    report
}

fn last<'a>(text: &'a Option<String>, name: &'a Option<String>) -> Option<(&'a str, &'a str)> {
    Some((text.as_deref()?, name.as_deref().unwrap_or("")))
}

/// Checks a file's text (against last year's, when given); the summary row as JSON.
#[wasm_bindgen(js_name = checkText)]
pub fn check_text(text: &str, name: &str, last_text: Option<String>, last_name: Option<String>) -> String {
    let report = checked(text, name, last(&last_text, &last_name));
    serde_json::to_string(&row(&report)).unwrap_or_default()
}

thread_local! {
    /// What the year-against-year rules read of each report this worker
    /// checked (by row id), kept while the pool lives: a row paired with
    /// one of them is checked against it without checking it again. Small
    /// (some cells and two sets of trigrams a report).
    static KEPT: std::cell::RefCell<std::collections::HashMap<u32, LastYear>> = Default::default();
}

/// Checks a file's text as [`check_text`] does, and keeps what a later
/// year would read of it (when it names its agency and year).
#[wasm_bindgen(js_name = checkKept)]
pub fn check_kept(id: u32, text: &str, name: &str) -> String {
    let report = nianbao::check(text, Some(name));
    if Key::of(&report).is_some() {
        KEPT.with_borrow_mut(|k| k.insert(id, LastYear::of(&report)));
    }
    serde_json::to_string(&row(&report)).unwrap_or_default()
}

/// Checks a file's text against the kept report `last` (its row id); the
/// row as JSON, or undefined when this worker does not keep it.
#[wasm_bindgen(js_name = checkAgainstKept)]
pub fn check_against_kept(last: u32, text: &str, name: &str) -> Option<String> {
    KEPT.with_borrow(|k| {
        let last = k.get(&last)?;
        let mut report = nianbao::check(text, Some(name));
        report.diagnostics.extend(cross_year::check(last, &report));
        serde_json::to_string(&row(&report)).ok()
    })
}

/// For each row's key (JSON: `[[agency, year] | null, …]`, as the rows
/// give them), the index of its agency's report for the year before
/// (`report::pairing::previous_years`, the CLI's), as JSON.
#[wasm_bindgen(js_name = previousYears)]
pub fn previous_years_of(keys: &str) -> String {
    let keys: Vec<Option<(String, i32)>> = serde_json::from_str(keys).unwrap_or_default();
    let keys: Vec<Option<Key>> = keys.into_iter().map(|k| k.and_then(|(a, y)| Key::new(&a, y))).collect();
    serde_json::to_string(&previous_years(&keys)).unwrap_or_default()
}

/// The data set's header (with its BOM): long, or wide.
#[wasm_bindgen(js_name = datasetHeader)]
pub fn dataset_header(wide: bool) -> String {
    let header =
        if wide { WideColumns::of(nianbao::Registry::national()).header() } else { dataset::LONG_HEADER.into() };
    format!("\u{feff}{header}")
}

/// A file's lines of the data set, long (a line a cell) and wide (one
/// line), from one check, labelled `label`; a file that could not be read
/// (`text` undefined, `reason` why) has the CLI's lines for it.
#[wasm_bindgen(js_name = datasetRows)]
pub fn dataset_rows(text: Option<String>, name: &str, label: &str, reason: Option<String>) -> Vec<String> {
    let report = match &text {
        Some(t) => nianbao::check(t, Some(name)),
        None => nianbao::unreadable(Some(name), reason.as_deref().unwrap_or("")),
    };
    let (mut long, mut wide) = (String::new(), String::new());
    dataset::long_rows(&report, label, &mut long);
    WIDE.with(|w| w.row(&report, label, &mut wide));
    vec![long, wide]
}

thread_local! {
    /// The wide data set's columns, worked out once.
    static WIDE: WideColumns = WideColumns::of(nianbao::Registry::national());
}

/// A report's feedback letter (反馈意见), checked against last year's when
/// given: as text, or as .docx.
#[wasm_bindgen(js_name = letterText)]
pub fn letter_text(
    text: &str,
    name: &str,
    label: &str,
    last_text: Option<String>,
    last_name: Option<String>,
) -> String {
    Letter::of(&checked(text, name, last(&last_text, &last_name)), label).text()
}

#[wasm_bindgen(js_name = letterDocx)]
pub fn letter_docx(
    text: &str,
    name: &str,
    label: &str,
    last_text: Option<String>,
    last_name: Option<String>,
) -> Vec<u8> {
    Letter::of(&checked(text, name, last(&last_text, &last_name)), label).docx()
}

/// A letter's file name for a report file.
#[wasm_bindgen(js_name = letterName)]
pub fn letter_name(name: &str, extension: &str) -> String {
    nianbao::render::letter::file_name(name, extension)
}

/// A zip of files: their names, and their bytes one after the other (`lengths` each).
#[wasm_bindgen(js_name = zipFiles)]
pub fn zip_files(names: Vec<String>, bytes: &[u8], lengths: Vec<u32>) -> Vec<u8> {
    let mut files = Vec::with_capacity(names.len());
    let mut at = 0usize;
    for (name, len) in names.iter().zip(lengths) {
        let end = (at + len as usize).min(bytes.len());
        files.push((name.as_str(), &bytes[at..end]));
        at = end;
    }
    nianbao::render::letter::zip(&files)
}

/// A workbook of sheets, each named and given as CSV text (the batch's own CSV exports).
#[wasm_bindgen(js_name = workbook)]
pub fn workbook(names: Vec<String>, csvs: Vec<String>) -> Vec<u8> {
    let sheets: Vec<(&str, &str)> = names.iter().map(String::as_str).zip(csvs.iter().map(String::as_str)).collect();
    nianbao::render::xlsx::from_csv(&sheets)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn a_row_counts_what_the_report_has() {
        let text = String::from_utf8(fixture("002_9ca5b3fc5e07fc94.txt")).unwrap();
        let report = nianbao::check(&text, None);
        let r = row(&report);
        assert_eq!(r.errors, report.count(Severity::Error));
        assert_eq!(r.codes.iter().map(|c| c.1).sum::<usize>(), report.diagnostics.len());
        assert!(r.codes.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(r.unrecognised.is_none() && r.agency.is_some());
    }

    #[test]
    fn a_row_checked_against_last_year_has_the_cli_s_cross_year_findings() {
        let [y2021, y2020] =
            ["000_a4b9aaf003e43d05.txt", "001_76d90fd474e57dbd.txt"].map(|n| String::from_utf8(fixture(n)).unwrap());
        let alone = nianbao::check(&y2021, Some("000.txt"));
        let paired = checked(&y2021, "000.txt", Some((&y2020, "001.txt")));
        let both = nianbao::check_many(&[(&y2021, Some("000.txt")), (&y2020, Some("001.txt"))]);
        assert_eq!(paired.diagnostics, both[0].diagnostics);
        assert!(paired.diagnostics.len() > alone.diagnostics.len());
        // The keys the rows carry pair the two, as the CLI pairs them.
        let keys = serde_json::to_string(&[row(&paired).key, row(&both[1]).key]).unwrap();
        assert_eq!(previous_years_of(&keys), "[1,null]");
        // Against the kept report: the same row, without checking 2020 again.
        check_kept(7, &y2020, "001.txt");
        assert_eq!(check_against_kept(7, &y2021, "000.txt"), Some(serde_json::to_string(&row(&paired)).unwrap()));
        assert_eq!(check_against_kept(8, &y2021, "000.txt"), None);
    }

    #[test]
    fn data_set_lines_are_the_cli_s() {
        let text = String::from_utf8(fixture("003_de92c8953c303105.txt")).unwrap();
        let report = nianbao::check(&text, Some("003.txt"));
        let mut long = String::new();
        dataset::long_rows(&report, "dir/003.txt", &mut long);
        let mut wide = String::new();
        WideColumns::of(nianbao::Registry::national()).row(&report, "dir/003.txt", &mut wide);
        assert_eq!(dataset_rows(Some(text.clone()), "003.txt", "dir/003.txt", None), [long, wide]);
        assert!(dataset_header(true).starts_with("\u{feff}report,agency,year,template,"));
        let unread = dataset_rows(None, "a.png", "a.png", Some("二进制".into()));
        assert!(unread[1].starts_with("a.png,,,,"), "{unread:?}");
        assert!(unread[0].is_empty());
    }

    #[test]
    fn files_that_are_no_report_say_why() {
        let png = [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n', 0, 0, 0, 13, b'I', b'H', b'D', b'R'];
        assert_eq!(read("a.png", &png).unwrap_err(), NOT_A_REPORT);
        // UTF-16 has NUL bytes too, and is text.
        let utf16: Vec<u8> = "\u{feff}一、总体情况".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(read("a.txt", &utf16).unwrap(), "一、总体情况");
        let empty = nianbao::check("", None);
        assert!(row(&empty).unrecognised.is_some());
    }
}
