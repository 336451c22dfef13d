//! Shapes, how each is parsed, and the measuring stick: every cell of a
//! checked report against its truth.

use super::truth::{Style, Truth};
use nianbao::tables::model::CellState;
use nianbao::template::TableId;
use nianbao::Severity;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// A text shape a report arrives in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Shape {
    // Written here, from the page (tests/shapegen/write.rs).
    /// One cell a line, as Chromium copies a `<td><p>` page.
    CellPerLine,
    /// Tab-separated rows, empty cells as empty fields.
    TabRows,
    /// PDF-to-Markdown pipe tables.
    Markdown,
    /// A web crawler's markdown of the page: a cell a line, closed by `|`.
    Crawled,
    /// The whole report on one line, cells glued.
    Flattened,
    /// The page itself, read as HTML (`nianbao::check_html`).
    Html,
    /// The page's source pasted as text (`nianbao::check`).
    HtmlAsText,
    /// The official 2021 template filled in (`nianbao::input::file_text`).
    Docx,
    // What real programs write from the page (tests/e2e/shapes.mjs).
    /// Chromium's clipboard text after Ctrl+A, Ctrl+C.
    ChromiumCopy,
    /// `document.body.innerText`.
    ChromiumInnerText,
    /// `pdftotext -layout` of Chromium's PDF.
    PdfLayout,
    /// `pdftotext -raw`.
    PdfRaw,
    /// `pdftotext` with no option.
    PdfPlain,
    /// The app's own PDF text: pdf.js's items laid out by the core.
    PdfJs,
    /// The command line's own PDF reading (`nianbao check report.pdf`).
    PdfNative,
}

impl Shape {
    /// The shapes written in-process from a truth.
    pub const WRITTEN: [Shape; 8] = [
        Shape::CellPerLine,
        Shape::TabRows,
        Shape::Markdown,
        Shape::Crawled,
        Shape::Flattened,
        Shape::Html,
        Shape::HtmlAsText,
        Shape::Docx,
    ];
    /// The shapes real programs write, with the suffix shapes.mjs gives
    /// each file and how the checker is given it. A shape with two
    /// suffixes is read from the first found: pdf.js's items (written
    /// since the core lays them out), else the text they were laid out as
    /// by the app before (pages kept in tests/shapegen/regressions).
    pub const PROGRAMS: [(Shape, &'static str, Reading); 8] = [
        (Shape::ChromiumCopy, ".copy.txt", Reading::Text),
        (Shape::ChromiumInnerText, ".innertext.txt", Reading::Text),
        (Shape::PdfLayout, ".pdf-layout.txt", Reading::Text),
        (Shape::PdfRaw, ".pdf-raw.txt", Reading::Text),
        (Shape::PdfPlain, ".pdf-plain.txt", Reading::Text),
        (Shape::PdfJs, ".pdfjs.json", Reading::PdfItems),
        (Shape::PdfJs, ".pdfjs.txt", Reading::Text),
        (Shape::PdfNative, ".pdf", Reading::File),
    ];

    pub fn name(self) -> &'static str {
        match self {
            Shape::CellPerLine => "cell-per-line",
            Shape::TabRows => "tab-rows",
            Shape::Markdown => "markdown",
            Shape::Crawled => "crawled",
            Shape::Flattened => "flattened",
            Shape::Html => "html",
            Shape::HtmlAsText => "html-as-text",
            Shape::Docx => "docx",
            Shape::ChromiumCopy => "chromium-copy",
            Shape::ChromiumInnerText => "chromium-innertext",
            Shape::PdfLayout => "pdf-layout",
            Shape::PdfRaw => "pdf-raw",
            Shape::PdfPlain => "pdf-plain",
            Shape::PdfJs => "pdfjs",
            Shape::PdfNative => "pdf-native",
        }
    }

    /// Whether the shape provably loses what places a value: glued digits
    /// (flattened), or empty cells that leave no trace in the PDF's text
    /// order. There a cell may be left out with `value.ambiguous` or
    /// `table.layout`; everywhere else every cell must come back.
    pub fn lossy(self, style: Option<Style>) -> bool {
        let leaves_empty = matches!(style, Some(Style::BlankLegal | Style::BlankZeros) | None);
        match self {
            Shape::Flattened | Shape::PdfPlain => true,
            // (-layout keeps gaps, but on each line's own scale and not
            // always: no surer than the raw text.)
            Shape::PdfRaw | Shape::PdfJs | Shape::PdfNative | Shape::PdfLayout => leaves_empty,
            _ => false,
        }
    }
}

/// How a program's output file is given to the checker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// As text.
    Text,
    /// As a PDF's text items (JSON), laid out as lines by the core
    /// (`nianbao::input::pdf_text::read_json`), as the app does.
    PdfItems,
    /// As a file, read by the command line's readers (`input::file_text`).
    File,
}

/// What a shape gives the checker.
pub enum Input {
    /// Text, checked as it is (`nianbao::check`).
    Text(String),
    /// Text given as a file (a .txt, or pasted): `nianbao::input::file_text`
    /// tells what it holds (HTML markup pasted as text is read as a page).
    TextFile(String),
    /// A saved page (`nianbao::check_html`).
    Html(String),
    /// A file by its name (`nianbao::input::file_text`): a .docx, a .pdf.
    File(&'static str, Vec<u8>),
}

impl Input {
    pub fn check(&self) -> nianbao::Report {
        match self {
            Input::Text(t) => nianbao::check(t, None),
            Input::Html(h) => nianbao::check_html(h, None),
            Input::TextFile(t) => file("report.txt", t.as_bytes()),
            Input::File(name, bytes) => file(name, bytes),
        }
    }
}

fn file(name: &str, bytes: &[u8]) -> nianbao::Report {
    match nianbao::input::file_text(name, bytes) {
        Ok(text) => nianbao::check(&text, Some(name)),
        Err(e) => panic!("{name} does not read: {e}"),
    }
}

/// Codes that say a value was left out because the shape lost it.
pub const EXPLAINS: [&str; 2] = ["value.ambiguous", "table.layout"];

/// Cells counted over one or more checked reports.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    pub reports: usize,
    pub cells: usize,
    /// Given back exactly; a blank cell absent, read as blank and reported
    /// by its row's `value.blank`.
    pub right: usize,
    /// Not given back (a blank: not reported as blank).
    pub missing: usize,
    /// … of which no diagnostic says why (`value.ambiguous`, `table.layout`).
    pub unsaid: usize,
    /// A value that is not the truth's (a blank given as 0, say).
    pub wrong: usize,
    /// Error diagnostics the truth does not have (a generated truth is
    /// clean: every error is false).
    pub errors: usize,
    /// The errors a real report has, and how many of them were found.
    pub known_errors: usize,
    pub found: usize,
    pub reports_with_errors: usize,
    /// The first few problems, to show: wrong values first.
    pub examples: Vec<String>,
    pub wrong_examples: Vec<String>,
    pub error_codes: BTreeMap<&'static str, usize>,
}

impl Tally {
    pub fn add(&mut self, other: &Tally) {
        self.reports += other.reports;
        self.cells += other.cells;
        self.right += other.right;
        self.missing += other.missing;
        self.unsaid += other.unsaid;
        self.wrong += other.wrong;
        self.errors += other.errors;
        self.known_errors += other.known_errors;
        self.found += other.found;
        self.reports_with_errors += other.reports_with_errors;
        for (mine, theirs) in [(&mut self.examples, &other.examples), (&mut self.wrong_examples, &other.wrong_examples)]
        {
            for e in theirs {
                if mine.len() < 6 {
                    mine.push(e.clone());
                }
            }
        }
        for (c, n) in &other.error_codes {
            *self.error_codes.entry(c).or_default() += n;
        }
    }

    /// The problems to show: wrong values, then the rest.
    pub fn shown(&self) -> Vec<String> {
        self.wrong_examples.iter().chain(&self.examples).take(8).cloned().collect()
    }

    /// Exact (or, for a lossy shape, never wrong and every loss said), and
    /// no false error.
    pub fn holds(&self, lossy: bool) -> bool {
        self.wrong == 0 && self.unsaid == 0 && self.errors == 0 && (lossy || self.missing == 0)
    }

    /// `cells | right (%) | missing (unsaid) | wrong`, for a table row.
    pub fn figures(&self) -> String {
        format!(
            "{} | {} ({:.1}%) | {} ({}) | {}",
            self.cells,
            self.right,
            self.percent_right(),
            self.missing,
            self.unsaid,
            self.wrong
        )
    }

    /// `errors (reports with errors) code×n …`.
    pub fn errors_said(&self) -> String {
        let codes: Vec<String> = self.error_codes.iter().map(|(c, n)| format!(" {c}×{n}")).collect();
        format!("{} ({}){}", self.errors, self.reports_with_errors, codes.concat())
    }

    pub fn percent_right(&self) -> f64 {
        if self.cells == 0 {
            0.0
        } else {
            100.0 * self.right as f64 / self.cells as f64
        }
    }
}

/// Every cell of `report` against `truth`.
pub fn measure(truth: &Truth, report: &nianbao::Report, label: &str) -> Tally {
    let mut t = Tally { reports: 1, ..Tally::default() };
    // A diagnostic of one of `codes` about the row (or its whole table).
    let said = |table: TableId, row: nianbao::template::RowKey, codes: &[&str]| {
        report
            .diagnostics
            .iter()
            .any(|d| codes.contains(&d.code) && d.table == Some(table) && d.row.is_none_or(|r| r == row))
    };
    for c in &truth.cells {
        t.cells += 1;
        let cell = report.table(c.table).row(c.row).and_then(|r| r.cell(c.column));
        let got = cell.and_then(|cell| cell.value).map(|v| v.as_f64());
        // Blank: read as blank, and its row's value.blank names it.
        let read_blank = cell.is_some_and(|cell| cell.state == CellState::Blank);
        let name = format!("{}.{}.{}", c.table.key(), c.row, c.column);
        let problem = |t: &mut Tally, wrong: bool, what: String| {
            let list = if wrong { &mut t.wrong_examples } else { &mut t.examples };
            if list.len() < 6 {
                list.push(format!("{label}: {what}"));
            }
        };
        match (c.want, got) {
            (Some(w), Some(g)) if (w - g).abs() < 0.005 => t.right += 1,
            (Some(w), Some(g)) => {
                t.wrong += 1;
                problem(&mut t, true, format!("{name} = {g}, want {w}"));
            }
            (None, Some(g)) => {
                t.wrong += 1;
                problem(&mut t, true, format!("{name} = {g}, want blank (written {:?})", c.written));
            }
            (None, None) if read_blank && said(c.table, c.row, &["value.blank"]) => t.right += 1,
            (want, None) => {
                t.missing += 1;
                if !said(c.table, c.row, &EXPLAINS) {
                    t.unsaid += 1;
                    let what = match want {
                        Some(w) => format!("{name} missing (want {w}), no diagnostic says why"),
                        None => format!("{name} blank but no value.blank"),
                    };
                    problem(&mut t, false, what);
                }
            }
        }
    }
    let mut known: Vec<&str> = truth.known_errors.iter().map(String::as_str).collect();
    t.known_errors = known.len();
    for d in report.diagnostics.iter().filter(|d| d.severity == Severity::Error) {
        if let Some(i) = known.iter().position(|k| *k == d.code) {
            known.remove(i);
            t.found += 1;
            continue;
        }
        t.errors += 1;
        *t.error_codes.entry(d.code).or_default() += 1;
        if t.examples.len() < 6 {
            t.examples.push(format!("{label}: false error {}: {}", d.code, d.message));
        }
    }
    t.reports_with_errors = usize::from(t.errors > 0);
    t
}

/// Tallies by (shape, style); a real report's style is `None`.
pub type Matrix = BTreeMap<(Shape, Option<Style>), Tally>;

/// The table the README quotes: one line a (shape, style).
pub fn render(matrix: &Matrix, gap: &dyn Fn(Shape, Option<Style>) -> bool) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "| shape | style | reports | cells | right | missing (unsaid) | wrong | false errors (reports) | verdict |"
    );
    let _ = writeln!(s, "|---|---|---:|---:|---:|---:|---:|---:|---|");
    for ((shape, style), t) in matrix {
        let holds = t.holds(shape.lossy(*style));
        let verdict = match (holds, gap(*shape, *style)) {
            _ if style.is_none() => "measured (a real report)",
            (true, false) => "ok",
            (true, true) => "ok (a known gap no longer: remove it from KNOWN_GAPS)",
            (false, true) => "known gap",
            (false, false) => "FAILS",
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} |",
            shape.name(),
            style.map_or("real", Style::name),
            t.reports,
            t.figures(),
            t.errors_said(),
            verdict
        );
    }
    s
}

/// One line a (report, shape) for real reports (those without a style).
pub fn render_by_report(results: &[(String, Option<Style>, Shape, Tally)]) -> String {
    let mut s = String::new();
    if results.iter().all(|r| r.1.is_some()) {
        return s;
    }
    let _ = writeln!(
        s,
        "| report | shape | cells | right | missing (unsaid) | wrong | false errors (reports) | its real errors found |"
    );
    let _ = writeln!(s, "|---|---|---:|---:|---:|---:|---:|---:|");
    for (name, _, shape, t) in results.iter().filter(|r| r.1.is_none()) {
        let _ = writeln!(
            s,
            "| {name} | {} | {} | {} | {} of {} |",
            shape.name(),
            t.figures(),
            t.errors_said(),
            t.found,
            t.known_errors
        );
    }
    s
}
