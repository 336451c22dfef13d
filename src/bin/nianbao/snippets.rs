//! Diagnostics as rustc and ruff print them (annotate-snippets): severity
//! and code, the message, `--> file:line:col`, the source line with the
//! cell underlined and the related cells marked, then any help and the
//! suggested correction.
//!
//! ```text
//! error[table.value_count]: 表四应有15个数字，实际有16个：0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
//!   --> 004.txt:75:1
//!    |
//! 75 | 0    0    0    0 …
//!    | ^^^^^^^^^^^^^^^^^^^
//! ```

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use nianbao::rules::diagnostic::{Diagnostic, Severity};
use nianbao::Report;

/// Related cells further than this many lines from the diagnostic's own
/// are named in a note instead of shown.
const MAX_SPREAD: usize = 40;

/// Related cells on the diagnostic's own line further than this many
/// bytes from its mark are named in a note instead of shown: a long line
/// (a flattened page is one) is shown as a window around the mark only.
const MAX_SPREAD_ON_LINE: usize = 240;

/// Every diagnostic of a report, each as a block.
pub fn report(report: &Report, label: &str, input: &str, color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let lines = Lines::new(input);
    let label = clean(label);
    let mut out = String::new();
    for d in &report.diagnostics {
        out.push_str(&renderer.render(&[group(report, d, &label, input, &lines)]));
        out.push_str("\n\n");
    }
    out
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

fn group<'a>(report: &Report, d: &'a Diagnostic, label: &'a str, input: &'a str, lines: &Lines<'a>) -> Group<'a> {
    let title = level(d.severity).primary_title(clean(&d.message)).id(d.code);
    let mut group = match d.line.and_then(|l| lines.range(l)) {
        Some(own) => {
            // The cells shown: the diagnostic's own, and related ones of this input nearby.
            let primary = d.span.filter(|s| s.start >= own.start && s.end <= own.end && s.end > s.start);
            let primary = primary.map_or_else(|| opening(input, trimmed(input, own.clone())), |s| s.start..s.end);
            let line = d.line.unwrap_or(1);
            let near: Vec<_> = d
                .related
                .iter()
                .filter_map(|r| Some((r, r.span?)))
                .filter(|(_, s)| shown(d, (s.start, s.end), input, lines))
                .collect();
            let first = near.iter().map(|(_, s)| lines.line_of(s.start)).chain([line]).min().unwrap_or(line);
            let last = near.iter().map(|(_, s)| lines.line_of(s.end - 1)).chain([line]).max().unwrap_or(line);
            let (Some(from), Some(to)) = (lines.range(first), lines.range(last)) else { unreachable!() };
            let base = from.start;
            let mut snippet = Snippet::source(clean_source(&input[base..to.end]))
                .line_start(first)
                .path(label)
                .fold(true)
                .annotation(AnnotationKind::Primary.span(primary.start - base..primary.end - base));
            for (r, s) in &near {
                snippet = snippet
                    .annotation(AnnotationKind::Context.span(s.start - base..s.end - base).label(clean(&r.label)));
            }
            title.element(snippet)
        }
        None => title.element(Origin::path(label)),
    };
    // Related places not shown above: in another report (across years), or far away.
    for r in &d.related {
        if !r.span.is_some_and(|s| shown(d, (s.start, s.end), input, lines)) {
            let at = r.line.map(|l| format!("（第{l}行）")).unwrap_or_default();
            group = group.element(Level::NOTE.message(format!("{}{at}", clean(&r.label))));
        }
    }
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(clean(help)));
    }
    // The suggested correction, in words (`建议：…`).
    if let Some(advice) = nianbao::suggest::advice(report, d) {
        group = group.element(Level::HELP.message(advice));
    }
    group
}

/// Whether a related cell at `span` is shown in the diagnostic's snippet
/// (else named in a note): near its line, and near its mark when on it.
fn shown(d: &Diagnostic, (start, end): (usize, usize), input: &str, lines: &Lines) -> bool {
    let Some(line) = d.line.filter(|_| end <= input.len() && start < end) else { return false };
    let at = lines.line_of(start);
    match d.span {
        Some(own) if at == line && lines.line_of(own.start) == line => {
            start.abs_diff(own.start).max(end.abs_diff(own.end)) <= MAX_SPREAD_ON_LINE
        }
        _ => at.abs_diff(line) <= MAX_SPREAD,
    }
}

/// What is marked of a line when a diagnostic is about the line as a
/// whole: all of it, or the first [`MAX_SPREAD_ON_LINE`] bytes of a
/// longer one (a flattened page's one line is the whole report).
fn opening(input: &str, line: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let mut end = line.end.min(line.start + MAX_SPREAD_ON_LINE);
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    line.start..end.max(line.start + 1).min(line.end.max(line.start + 1))
}

/// A line's content without its leading and trailing blanks (at least one byte).
fn trimmed(input: &str, line: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let text = &input[line.clone()];
    let start = line.start + (text.len() - text.trim_start().len());
    let end = (line.start + text.trim_end().len()).max(start + 1).min(line.end.max(start + 1));
    start..end
}

/// Text from the report made safe for a terminal: control characters
/// (escape sequences, carriage returns) and direction overrides become
/// spaces, byte for byte, so that offsets into it still hold.
fn clean_source(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' | '\t' => c.to_string(),
            c if c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c) => {
                " ".repeat(c.len_utf8())
            }
            c => c.to_string(),
        })
        .collect()
}

/// Text from the report for a message (no offsets into it are kept).
fn clean(s: &str) -> String {
    if s.chars().any(|c| c.is_control() || ('\u{202a}'..='\u{2069}').contains(&c)) {
        clean_source(s).replace(['\n', '\t'], " ")
    } else {
        s.to_string()
    }
}

/// Where each line of the input starts (lines end at `\n`, or at a lone
/// `\r`, as the checker counts them).
struct Lines<'a> {
    input: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(input: &'a str) -> Lines<'a> {
        let bytes = input.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        Lines { input, starts }
    }

    /// The byte range of 1-based line `line`, without its line end.
    fn range(&self, line: usize) -> Option<std::ops::Range<usize>> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let end = self.starts.get(line).map_or(self.input.len(), |&next| next - 1);
        // (`\r\n`: the `\r` is not the line's.)
        Some(start..end.max(start))
    }

    /// The 1-based line of a byte offset.
    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }
}
