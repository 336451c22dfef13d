//! Lines of the normalised text as tokens: label text, numbers,
//! blank marks. Each table's region is read so ([`crate::tables`]); the
//! prose around the tables never is.
//!
//! Page footers (`- 4 -`) and markdown rules (`---|---`) are dropped here;
//! markdown headings lose their `#`, and a markdown table's header row (the
//! one above its rule) is words only, digits and all (`数据1`). Cell
//! separators (tabs, runs of spaces, `|`) split tokens: rows are found by
//! their labels later, never by counting separators, so one-cell-per-line,
//! tab-separated and space-aligned text all give the same stream.
//!
//! Where a shape leaves a trace of an empty cell, it becomes an
//! [`Kind::Empty`] token saying which trace (see [`Trace`]): a line holding
//! only spaces or only a tab, an empty field of a tab-separated or markdown
//! row. Whether a trace is a cell or only layout is decided per row, by how
//! many cells the row must have and by its arithmetic ([`crate::tables`]).

use crate::template::{BLANK_MARKS, EMPTY_CELL, SIGN_WORDS, WORDS_AFTER_A_MARK};
use crate::util::chars::is_letter;
use crate::util::short_str::ShortStr;

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// Label or other words.
    Text,
    /// Digits, maybe a sign, a decimal part and a unit (元 / 万元).
    Number(NumberLit),
    /// `/`, `-`, `—`: a cell left empty on purpose.
    Blank,
    /// A trace of a cell left empty (see [`Trace`]).
    Empty(Trace),
}

/// What shows that a cell may have been left empty. Each is a cell in some
/// shapes and layout in others (a tab-only line is an empty cell in a Word
/// copy, the gap between two cells in a browser's `innerText`), so the
/// table reader tries them per row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trace {
    /// A line of only spaces (a browser's copy of `<td><p>&nbsp;</p></td>`).
    SpaceLine,
    /// A line of only a tab.
    TabLine,
    /// An empty field between two values of a tab-separated or markdown row.
    Interior,
    /// An empty field after the row's label (or, on a line of values only,
    /// before its first value).
    Leading,
    /// An empty field after the row's last value.
    Trailing,
}

impl Trace {
    pub const ALL: [Trace; 5] = [Trace::Interior, Trace::SpaceLine, Trace::TabLine, Trace::Leading, Trace::Trailing];
}

/// A number as written: parsing into a value happens where its column (and
/// so its meaning) is known.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberLit {
    pub negative: bool,
    /// The digits before the decimal point, with thousands separators removed.
    pub int: ShortStr,
    /// The digits after it, if any.
    pub frac: Option<ShortStr>,
    /// 万元 or 元, when written with the number.
    pub unit: Option<&'static str>,
}

#[derive(Clone, Debug)]
pub struct Token {
    pub kind: Kind,
    /// Byte range in the normalised text.
    pub start: usize,
    pub end: usize,
    /// Index of the line (0-based, in the normalised text).
    pub line: usize,
}

impl Token {
    pub fn is_text(&self) -> bool {
        matches!(self.kind, Kind::Text)
    }
    pub fn number(&self) -> Option<&NumberLit> {
        match &self.kind {
            Kind::Number(n) => Some(n),
            _ => None,
        }
    }
    /// The trace, for an [`Kind::Empty`] token.
    pub fn trace(&self) -> Option<Trace> {
        match self.kind {
            Kind::Empty(t) => Some(t),
            _ => None,
        }
    }
}

/// A region's lines as tokens, in reading order.
pub struct Tokens {
    pub tokens: Vec<Token>,
}

/// The whole text as tokens (the tests' way in; the tables read regions).
#[cfg(test)]
pub fn tokenise(text: &str) -> Tokens {
    tokenise_lines(text, 0, text.len(), 0)
}

/// The lines from `start` (a line start, line `first_line`) to the last
/// line that starts at or before `stop`, as tokens: a table's region
/// without the rest of the report.
pub fn tokenise_lines(text: &str, start: usize, stop: usize, first_line: usize) -> Tokens {
    // Table regions run 8 to 21 bytes a token and 14 or more a line: one
    // allocation each, not a regrowth.
    // (Capped: a huge paste grows its vectors as it goes, not by a guess.)
    let span = stop.saturating_sub(start).min(1 << 20);
    let mut tokens = Vec::with_capacity(span / 8);
    let mut start = start;
    let mut line_no = first_line;
    // The fields a markdown table's rows fill, as its last heading row
    // names them (see [`MarkdownWidth`]).
    let mut width = MarkdownWidth::default();
    // Where a try at crawled rows (see [`crawled_rows`]) found none: the
    // lines before are not tried again.
    let mut crawled_tried = 0;
    loop {
        // Reading the line finds its end (one pass, not a split first);
        // a decoration's tokens are dropped after. (A line that gave none,
        // blank or not, needs no test.)
        let end = match plain_number_line(text, start) {
            // A line of one plain number (a table written a cell a line):
            // the token the general reading gives, and no decoration.
            Some((digits, end)) => {
                push_plain_number(&mut tokens, &text[digits.clone()], digits.start, line_no);
                end
            }
            None => {
                let (end, tab) = line_end(text.as_bytes(), start);
                let line = &text[start..end];
                let before = tokens.len();
                let trimmed = line.trim_matches([' ', '\t', '\r']);
                if trimmed.is_empty() {
                    width = MarkdownWidth::default();
                    if line.bytes().any(|b| b == b' ' || b == b'\t') {
                        empty_line(line, start, line_no, &mut tokens);
                    }
                    if end == text.len() || end + 1 > stop {
                        break;
                    }
                    start = end + 1;
                    line_no += 1;
                    continue;
                } else if trimmed == "无" {
                    // A cell of its own that says 无: left empty (as a field of a row is).
                    let at = start + (line.len() - line.trim_start_matches([' ', '\t']).len());
                    push(&mut tokens, || Token {
                        kind: Kind::Blank,
                        start: at,
                        end: at + trimmed.len(),
                        line: line_no,
                    });
                } else if let Some(crawled) = (start >= crawled_tried && opens_crawled_rows(trimmed))
                    .then(|| crawled_rows(text, start, stop, line_no))
                    .and_then(|c| c.map_err(|tried| crawled_tried = tried).ok())
                {
                    width = MarkdownWidth::default();
                    for row in &crawled.rows {
                        tokenise_row(text, row, true, &mut tokens, &mut width);
                    }
                    line_no += crawled.lines - 1;
                    if crawled.end == text.len() || crawled.end + 1 > stop {
                        break;
                    }
                    start = crawled.end + 1;
                    line_no += 1;
                    continue;
                } else if tab || is_piped(trimmed) {
                    let markdown = is_piped(trimmed);
                    if !markdown {
                        width = MarkdownWidth::default();
                    }
                    if is_markdown_rule(trimmed) {
                        header_row_as_words(&mut tokens, line_no, text);
                    } else {
                        tokenise_fields(text, start, end, markdown, line_no, &mut tokens, &mut width);
                    }
                } else {
                    width = MarkdownWidth::default();
                    tokenise_line(text, start, end, line_no, &mut tokens);
                }
                if tokens.len() > before && is_decoration(line) {
                    tokens.truncate(before);
                }
                end
            }
        };
        if end == text.len() || end + 1 > stop {
            break;
        }
        start = end + 1;
        line_no += 1;
    }
    Tokens { tokens }
}

/// Whether the line at `start` is spaces or tabs, 1 to [`ShortStr::INLINE`]
/// ASCII digits, and spaces or tabs: the digits' range and the line's end.
fn plain_number_line(text: &str, start: usize) -> Option<(std::ops::Range<usize>, usize)> {
    let bytes = text.as_bytes();
    let blank = |i: usize| bytes.get(i).is_some_and(|&b| b == b' ' || b == b'\t');
    let mut i = start;
    while blank(i) {
        i += 1;
    }
    let from = i;
    while bytes.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    let digits = from..i;
    while blank(i) {
        i += 1;
    }
    let ends = matches!(bytes.get(i), None | Some(b'\n'));
    (ends && (1..=ShortStr::INLINE).contains(&digits.len())).then_some((digits, i))
}

/// Appends a token: made where it goes natively ([`push_in_place`]),
/// pushed plainly in the WebAssembly ([`push_plain`]: smaller). See
/// docs/perf.md.
#[inline(always)]
fn push(out: &mut Vec<Token>, token: impl FnOnce() -> Token) {
    if cfg!(target_family = "wasm") {
        push_plain(out, token)
    } else {
        push_in_place(out, token)
    }
}

/// A token made apart and moved in (the plain way).
#[inline(always)]
fn push_plain(out: &mut Vec<Token>, token: impl FnOnce() -> Token) {
    out.push(token());
}

/// A token made in the vector's own memory (no store-forwarding stall on
/// reading it back).
#[inline(always)]
fn push_in_place(out: &mut Vec<Token>, token: impl FnOnce() -> Token) {
    out.extend(std::iter::once_with(token));
}

/// A number written as plain digits (no sign, decimals or unit) at `base`.
fn push_plain_number(out: &mut Vec<Token>, digits: &str, base: usize, line: usize) {
    let number = || NumberLit { negative: false, int: digits.into(), frac: None, unit: None };
    push(out, || Token { kind: Kind::Number(number()), start: base, end: base + digits.len(), line });
}

/// Page footers, markdown rules and other lines that carry no content.
fn is_decoration(line: &str) -> bool {
    // What a decoration may hold at all, read once: most lines stop at
    // their first character or two, and lines of cells (`0`, `-`) before
    // the allocation below, for a footer needs 第, or a dash and a digit.
    let (mut di, mut dash, mut digit, mut rule_mark) = (false, false, false, false);
    // The line trimmed, found on the way: its first and past-last bytes
    // that are not white space.
    let mut content: Option<(usize, usize)> = None;
    for (i, c) in line.char_indices() {
        match c {
            '0'..='9' => digit = true,
            '-' | '—' | '–' => dash = true,
            '第' => di = true,
            '页' | '共' => {}
            '|' | ':' => rule_mark = true,
            // (No white space there; saves the table look-up below.)
            '\u{4e00}'..='\u{9fff}' => return false,
            c if c.is_whitespace() => continue,
            _ => return false,
        }
        content = Some((content.map_or(i, |(s, _)| s), i + c.len_utf8()));
    }
    let Some((s, e)) = content else { return true };
    let t = &line[s..e];
    // Markdown table rule: only - | : and spaces, with at least three dashes.
    if t.bytes().all(|b| matches!(b, b'-' | b'|' | b':' | b' ' | b'\t')) && t.contains("---") {
        return true;
    }
    // A footer holds digits, white space, dashes and 第页共 only.
    if rule_mark || !(di || dash && digit) {
        return false;
    }
    is_page_footer(t)
}

/// A trimmed line of digits, white space, dashes and 第页共 that is a page
/// footer: - 4 -, — 4 —, 第4页, 第 4 页 共 10 页.
fn is_page_footer(t: &str) -> bool {
    let squeezed: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    // Dashes on both sides (`- 4 -`): a lone `-30` is a negative number.
    let dashes = ['-', '—', '–'];
    let inner = squeezed.trim_start_matches(dashes).trim_end_matches(dashes);
    let both = squeezed.starts_with(dashes) && squeezed.ends_with(dashes);
    if both && !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    if let Some(rest) = squeezed.strip_prefix('第') {
        let digits = rest.trim_end_matches('页');
        if digits.len() < rest.len() && !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
            return true;
        }
        if let Some((a, b)) = rest.split_once("页共") {
            if a.chars().all(|c| c.is_ascii_digit()) && b.trim_end_matches('页').chars().all(|c| c.is_ascii_digit()) {
                return true;
            }
        }
    }
    false
}

/// Where the line that starts at `start` ends (its `\n` or the end of the
/// text), and whether it holds a tab.
fn line_end(bytes: &[u8], start: usize) -> (usize, bool) {
    let mut tab = false;
    for (i, &b) in bytes[start..].iter().enumerate() {
        match b {
            b'\n' => return (start + i, tab),
            b'\t' => tab = true,
            _ => {}
        }
    }
    (bytes.len(), tab)
}

/// A line of only spaces and tabs: the trace of an empty cell. Several
/// tabs are the empty fields of a tab-separated row; but where spaces
/// stand between the tabs, each run of them is one empty cell and the tabs
/// only part them (a browser's copy or `innerText` of a table: ` \t \t`
/// and `\t \t \t` are two empty cells, a tab alone on its line parts two
/// cells).
fn empty_line(line: &str, start: usize, line_no: usize, out: &mut Vec<Token>) {
    let tabs = line.bytes().filter(|&b| b == b'\t').count();
    let spaced = line.split('\t').filter(|f| !f.is_empty()).count();
    let (trace, count) = match tabs {
        0 => (Trace::SpaceLine, 1),
        _ if spaced > 0 => (Trace::SpaceLine, spaced),
        1 => (Trace::TabLine, 1),
        n => (Trace::Leading, n + 1),
    };
    for _ in 0..count {
        push(out, || Token { kind: Kind::Empty(trace), start, end: start, line: line_no });
    }
}

/// A markdown table's rule line: `|---|:--:|`.
fn is_markdown_rule(trimmed: &str) -> bool {
    trimmed.contains("---") && trimmed.bytes().all(|b| matches!(b, b'-' | b'|' | b':' | b' ' | b'\t'))
}

/// The row above a markdown rule is the table's header: its numbers are
/// part of words (`数据1`, `第1列`) and its empty fields are layout.
fn header_row_as_words(out: &mut Vec<Token>, rule_line: usize, text: &str) {
    let Some(header_line) = rule_line.checked_sub(1) else { return };
    let from = out.iter().rposition(|t| t.line != header_line).map_or(0, |i| i + 1);
    // A rule under a row of values only is a stray line, not a header's.
    if !out[from..].iter().any(Token::is_text) {
        return;
    }
    let header: Vec<Token> = out.drain(from..).collect();
    // A converter's header of its own (`数据1 | 数据2 | …`, `Column 1`,
    // over a table cut by a page break) says nothing: dropped.
    if numbered_names(&header, text) {
        return;
    }
    for t in header.into_iter().filter(|t| !matches!(t.kind, Kind::Empty(_))) {
        let joined = out.len() > from;
        match out.last_mut() {
            // Pieces written together are one word.
            Some(last) if joined && last.end == t.start => last.end = t.end,
            _ => out.push(Token { kind: Kind::Text, ..t }),
        }
    }
}

/// Whether a header row names its columns by number from 1 (or 0) on,
/// all alike: `数据1 | 数据2 | …`, `第1列 | 第2列 | …`, `Column 1 | …`.
fn numbered_names(header: &[Token], text: &str) -> bool {
    let Some(first) = header.first() else { return false };
    let start = text[..first.start].rfind('\n').map_or(0, |p| p + 1);
    let end = text[first.start..].find('\n').map_or(text.len(), |p| first.start + p);
    let names: Vec<(&str, &str, u32)> = text[start..end]
        .split('|')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .filter_map(|f| {
            let digits = f.find(|c: char| c.is_ascii_digit())?;
            let after = f[digits..].find(|c: char| !c.is_ascii_digit()).map_or(f.len(), |p| digits + p);
            Some((&f[..digits], &f[after..], f[digits..after].parse().ok()?))
        })
        .collect();
    let fields = text[start..end].split('|').map(str::trim).filter(|f| !f.is_empty()).count();
    names.len() >= 3
        && names.len() == fields
        && names.iter().all(|(before, after, _)| (*before, *after) == (names[0].0, names[0].1))
        && names.windows(2).all(|p| p[1].2 == p[0].2 + 1)
        && names[0].2 <= 1
}

/// What a field of a delimited row holds.
#[derive(Clone, Copy, PartialEq)]
enum Field {
    Empty,
    Values,
    Words,
}

/// How many fields the rows of a markdown table fill, where a PDF
/// converter pads every row to its widest block's width: a heading row of
/// the table (`| 信息内容 | 上一年项目数量 | 本年增/减 |  |`: words from the
/// first field on, then only empty fields) names the fields its block's
/// rows fill. A row's empty fields past them, with nothing after, are the
/// converter's padding, not empty cells. Only such a heading says so (a
/// header with a gap or that starts empty, as table 三's corner and group
/// headings do, says nothing); it holds until the next heading row or the
/// table's end.
#[derive(Default)]
struct MarkdownWidth {
    fields: Option<usize>,
}

impl MarkdownWidth {
    /// Reads a markdown row's fields: a heading row sets the width (or
    /// clears it); a row of values gets the fields it fills.
    fn fields_filled(&mut self, fields: &[(Field, usize)]) -> usize {
        let filled = fields.iter().filter(|f| f.0 != Field::Empty).count();
        if fields.iter().all(|f| f.0 != Field::Values) {
            if filled >= 2 {
                let contiguous = fields.iter().take_while(|f| f.0 == Field::Words).count();
                self.fields = (contiguous == filled && contiguous < fields.len()).then_some(contiguous);
                // A row of three heads or more, padded: its padding is
                // no cell (two may be a label and its values' row below).
                if let Some(w) = self.fields.filter(|&w| w >= 3) {
                    return w;
                }
            }
            return fields.len();
        }
        match self.fields {
            Some(w) if fields[w.min(fields.len())..].iter().all(|f| f.0 == Field::Empty) => w.min(fields.len()),
            _ => fields.len(),
        }
    }
}

/// A tab-separated or markdown row (`markdown`: fields between `|`): each
/// field read on its own, its empty fields kept as traces of empty cells
/// (a markdown row's padding past its table's width dropped).
fn tokenise_fields(
    text: &str,
    start: usize,
    end: usize,
    markdown: bool,
    line_no: usize,
    out: &mut Vec<Token>,
    width: &mut MarkdownWidth,
) {
    let line = &text[start..end];
    let delimiter = if markdown { '|' } else { '\t' };
    let mut ranges: Vec<(usize, usize, usize)> = Vec::new();
    let mut from = 0;
    for (at, _) in line.match_indices(delimiter) {
        ranges.push((start + from, start + at, line_no));
        from = at + 1;
    }
    ranges.push((start + from, end, line_no));
    if markdown {
        // Before the first `|` (where the row opens with one) and after
        // the last are not fields.
        if text[ranges[0].0..ranges[0].1].trim().is_empty() {
            ranges.remove(0);
        }
        if text[ranges.last().map_or(end, |r| r.0)..end].trim().is_empty() && ranges.len() > 1 {
            ranges.pop();
        }
    }
    tokenise_row(text, &ranges, markdown, out, width);
}

/// A delimited row's fields (`(start, end, line)`: a crawled row's run over
/// lines) read each on its own, its empty fields kept as traces of empty
/// cells (a markdown row's padding past its table's width dropped).
fn tokenise_row(
    text: &str,
    ranges: &[(usize, usize, usize)],
    markdown: bool,
    out: &mut Vec<Token>,
    width: &mut MarkdownWidth,
) {
    let before = out.len();
    let mut fields: Vec<(Field, usize)> = Vec::with_capacity(ranges.len());
    for &(s, e, line_no) in ranges {
        let field = &text[s..e];
        let trimmed = field.trim_matches([' ', '\t', '\r', '\n']);
        if trimmed.is_empty() {
            fields.push((Field::Empty, out.len()));
            continue;
        }
        let first = out.len();
        if trimmed == "无" {
            let at = s + (field.len() - field.trim_start_matches([' ', '\t', '\n']).len());
            push(out, || Token { kind: Kind::Blank, start: at, end: at + trimmed.len(), line: line_no });
        } else {
            tokenise_line(text, s, e, line_no, out);
        }
        // (Punctuation alone, `*`, is layout like words.)
        let kind =
            if out.len() == first || out[first..].iter().any(Token::is_text) { Field::Words } else { Field::Values };
        fields.push((kind, first));
    }
    // A real table's empty cells before a row's first value, on a row with
    // no label (table 四's row of numbers): traces, as empty fields are —
    // cells or layout as the row's count says.
    if !fields.iter().any(|f| f.0 == Field::Words) {
        let empty_cell = |i: usize| {
            let first = fields[i].1;
            let next = fields.get(i + 1).map_or(out.len(), |f| f.1);
            next == first + 1 && text.get(out[first].start..out[first].end) == Some(EMPTY_CELL)
        };
        let lead = (0..fields.len()).take_while(|&i| fields[i].0 == Field::Empty || empty_cell(i)).count();
        if (0..lead).any(|i| fields[i].0 != Field::Empty) {
            let drop: Vec<usize> = (0..lead).filter(|&i| fields[i].0 != Field::Empty).map(|i| fields[i].1).collect();
            let mut k = 0;
            out.retain(|_| {
                let keep = !drop.contains(&k);
                k += 1;
                keep
            });
            // Field starts after the dropped tokens move back.
            for f in fields.iter_mut() {
                let shift = drop.iter().filter(|&&d| d < f.1).count();
                f.1 -= shift;
            }
            for f in &mut fields[..lead] {
                f.0 = Field::Empty;
            }
        }
    }
    // An empty field's trace is told by its nearest filled neighbours; a
    // row of empty fields only is a row of empty cells.
    let all_empty = fields.iter().all(|f| f.0 == Field::Empty);
    let trace = |i: usize| {
        if all_empty {
            return Some(Trace::Leading);
        }
        let before = fields[..i].iter().rev().map(|f| f.0).find(|k| *k != Field::Empty);
        let after = fields[i + 1..].iter().map(|f| f.0).find(|k| *k != Field::Empty);
        match (before, after) {
            (Some(Field::Values), Some(Field::Values)) => Some(Trace::Interior),
            (Some(Field::Values), _) => Some(Trace::Trailing),
            (Some(Field::Words) | None, Some(Field::Values)) => Some(Trace::Leading),
            // After a label with no value on the line (its values on the next).
            (Some(Field::Words), None) => Some(Trace::Leading),
            _ => None,
        }
    };
    let filled = if markdown { width.fields_filled(&fields) } else { fields.len() };
    // The empty fields' traces go in among the fields' tokens, in order.
    let read: Vec<Token> = out.drain(before..).collect();
    for (i, (&(s, _, line_no), &(kind, first))) in ranges.iter().zip(&fields).enumerate() {
        let next = fields.get(i + 1).map_or(before + read.len(), |f| f.1);
        if kind == Field::Empty && i >= filled {
            continue;
        } else if kind == Field::Empty {
            if let Some(trace) = trace(i) {
                push(out, || Token { kind: Kind::Empty(trace), start: s, end: s, line: line_no });
            }
        } else {
            out.extend_from_slice(&read[first - before..next - before]);
        }
    }
}

/// Rows of a table as a web crawler writes a page's `<td><p>` cells in
/// markdown: each cell's paragraph on a line of its own closed by `|`
/// (`规章 |`, `0 |`), an empty paragraph a line of `|` alone, the cells a
/// span covers (which hold no paragraph) as more `|` on the line before or
/// a line of them (`|||`); some crawlers open every row with a line of `|`
/// alone too. A row so runs over many lines, and which `|` opens a row and
/// which closes an empty cell is told only by counting: every row of the
/// table closes as many cells.
struct CrawledRows {
    /// Each row's cells: `(start, end, line)`.
    rows: Vec<Vec<(usize, usize, usize)>>,
    /// The end of the last line read (its `\n`, or the text's end).
    end: usize,
    /// How many lines the rows take.
    lines: usize,
}

/// Crawled rows are looked for over this many lines at most (a table
/// three crawled runs 300 lines or so)…
const MAX_CRAWLED_LINES: usize = 4096;
/// …and rows of at most this many cells (crawlers pad table three's rows
/// to 17 or so).
const MAX_CRAWLED_WIDTH: usize = 64;

/// Whether a trimmed line is a markdown row: `|` at its start or its end
/// (some converters leave out the opening one).
fn is_piped(trimmed: &str) -> bool {
    trimmed.starts_with('|') || trimmed.ends_with('|')
}

/// Whether a trimmed line may start crawled rows: a line of `|` alone (a
/// row's opening), or a cell's text closed by `|` (a markdown row opens
/// with its `|`).
fn opens_crawled_rows(trimmed: &str) -> bool {
    trimmed.ends_with('|') && (trimmed == "|" || !trimmed.starts_with('|'))
}

/// The most crawled rows (see [`CrawledRows`]) that the lines from `start`
/// (line `line_no`) hold, counted alike, with or without a line that opens
/// each: two rows at least, one over more than a line. Else the end of
/// the lines looked at, not to be tried again.
fn crawled_rows(text: &str, start: usize, stop: usize, line_no: usize) -> Result<CrawledRows, usize> {
    /// A `|` and the cell it closes.
    struct Close {
        cell: (usize, usize, usize),
        /// Nothing before it on its line (it may open a row instead).
        first_on_line: bool,
        /// The index of its line among the lines read.
        line: usize,
    }
    // The lines that end in `|` (not a markdown rule), as their closes.
    let mut closes: Vec<Close> = Vec::new();
    let mut line_ends: Vec<usize> = Vec::new();
    let mut at = start;
    loop {
        let (end, _) = line_end(text.as_bytes(), at);
        let trimmed = text[at..end].trim_matches([' ', '\t', '\r']);
        if !trimmed.ends_with('|') || is_markdown_rule(trimmed) || line_ends.len() >= MAX_CRAWLED_LINES {
            break;
        }
        let mut from = at;
        for (i, (p, _)) in text[at..end].match_indices('|').enumerate() {
            let cell = (from, at + p, line_no + line_ends.len());
            closes.push(Close {
                cell,
                first_on_line: i == 0 && text[from..at + p].trim().is_empty(),
                line: line_ends.len(),
            });
            from = at + p + 1;
        }
        line_ends.push(end);
        if end >= text.len() || end + 1 > stop {
            break;
        }
        at = end + 1;
    }
    let tried = line_ends.last().copied().unwrap_or(start);
    // A row starts and ends with a line.
    let line_starts = |i: usize| i == 0 || closes.get(i).is_none_or(|c| c.line != closes[i - 1].line);
    // The rows of `width` cells from the first close on (`opened`: each
    // after a `|` that opens it), as far as they go: (rows, closes taken).
    let rows_of = |width: usize, opened: bool| {
        let mut rows: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        let mut taken = 0;
        while i < closes.len() && line_starts(i) {
            let first = i + usize::from(opened);
            if opened && !closes[i].first_on_line || first + width > closes.len() || !line_starts(first + width) {
                break;
            }
            rows.push((first, first + width));
            i = first + width;
            taken = i;
        }
        (rows, taken)
    };
    // The widths the first row may have: the closes up to each line's end.
    let mut best: Option<(Vec<(usize, usize)>, usize)> = None;
    for opened in [true, false] {
        for end in (1..=closes.len().min(MAX_CRAWLED_WIDTH + 1)).filter(|&i| line_starts(i)) {
            let Some(width) = end.checked_sub(usize::from(opened)).filter(|&w| w >= 2) else { continue };
            let (rows, taken) = rows_of(width, opened);
            let over_lines = rows.iter().any(|&(a, b)| closes[a].line != closes[b - 1].line);
            if rows.len() >= 2 && over_lines && best.as_ref().is_none_or(|b| taken > b.1) {
                best = Some((rows, taken));
            }
        }
    }
    let Some((rows, taken)) = best else { return Err(tried) };
    let last_line = closes[taken - 1].line;
    // The last cells that every row leaves empty, its head rows too, are
    // the crawler's padding: no cell of the table.
    let empty = |i: usize| text[closes[i].cell.0..closes[i].cell.1].trim().is_empty();
    let padding = rows.iter().map(|&(a, b)| (a..b).rev().take_while(|&i| empty(i)).count()).min().unwrap_or(0);
    Ok(CrawledRows {
        rows: rows.iter().map(|&(a, b)| closes[a..b - padding].iter().map(|c| c.cell).collect()).collect(),
        end: line_ends[last_line],
        lines: last_line + 1,
    })
}

/// Reads the line from `start` to `end` (its `\n` or the end of the text)
/// piece by piece.
fn tokenise_line(text: &str, start: usize, end: usize, line_no: usize, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut piece_start = None;
    let mut i = start;
    loop {
        let (separator, len) = match bytes.get(i) {
            _ if i >= end => break,
            None | Some(b'\n') => break,
            Some(&b) if b < 0x80 => (matches!(b, b' ' | b'\t' | 0x0b | 0x0c | b'\r' | b'|'), 1),
            // U+4000..U+FFFF (CJK and the like): no white space there.
            Some(&b) if (0xe4..=0xef).contains(&b) => (false, 3),
            // U+3000..U+3FFF (、。《》 and the like): only U+3000 is.
            Some(0xe3) => (bytes.get(i + 1..i + 3) == Some(&[0x80, 0x80]), 3),
            Some(_) => match text[i..].chars().next() {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                None => (true, 1),
            },
        };
        match (separator, piece_start) {
            (true, Some(s)) => {
                tokenise_line_piece(text, s, i, start, end, line_no, out);
                piece_start = None;
            }
            (false, None) => piece_start = Some(i),
            _ => {}
        }
        i += len;
        // The rest of a run of CJK in a piece, at a stride.
        if piece_start.is_some() {
            while i < end && bytes.get(i).is_some_and(|b| (0xe4..=0xef).contains(b)) {
                i += 3;
            }
        }
    }
    if let Some(s) = piece_start {
        tokenise_line_piece(text, s, i.min(end), start, end, line_no, out);
    }
}

/// A piece of a line: `无` standing alone among a line's numbers or other
/// marks is a cell left empty; anything else as [`tokenise_piece`] reads it.
fn tokenise_line_piece(
    text: &str,
    s: usize,
    e: usize,
    line_start: usize,
    line_end: usize,
    line_no: usize,
    out: &mut Vec<Token>,
) {
    // (A line of a table's row: numbers, or other marks, beside it.)
    let in_a_row = || {
        let line = &text[line_start..line_end];
        line.bytes().any(|b| b.is_ascii_digit())
            || line.split_whitespace().filter(|p| BLANK_MARKS.contains(p)).count() >= 2
    };
    if &text[s..e] == "无" && in_a_row() {
        push(out, || Token { kind: Kind::Blank, start: s, end: e, line: line_no });
    } else {
        tokenise_piece(&text[s..e], s, line_no, out);
    }
}

/// One whitespace-free piece: may hold label text and digits glued together
/// (`属于国家秘密0000000`, `2.其他`, `3749.71万元`).
fn tokenise_piece(piece: &str, base: usize, line: usize, out: &mut Vec<Token>) {
    let piece = strip_markdown(piece);
    let (piece, base) = (piece.1, base + piece.0);
    if piece.is_empty() {
        return;
    }
    // (No blank mark starts with a digit, and most pieces do.)
    if !piece.as_bytes()[0].is_ascii_digit() && BLANK_MARKS.contains(&piece) && piece != "无" {
        push(out, || Token { kind: Kind::Blank, start: base, end: base + piece.len(), line });
        return;
    }
    // Marks run together (`——-`, `/—`, `——无`: a PDF's text dropped the
    // space). (`无` alone is a word unless its line is a table's row.)
    if !piece.as_bytes()[0].is_ascii_digit() && piece != "无" && piece.chars().all(is_mark_char) {
        push_marks(piece, base, line, out);
        return;
    }
    // A dash or slash glued to the next cell's number (`——35` from a PDF):
    // the mark is a cell of its own. (Not `-`: `-35` is negative.)
    let mark = piece.len() - piece.trim_start_matches(['—', '–', '/', '／']).len();
    if mark > 0 && piece.as_bytes().get(mark).is_some_and(u8::is_ascii_digit) {
        push(out, || Token { kind: Kind::Blank, start: base, end: base + mark, line });
        return tokenise_piece(&piece[mark..], base + mark, line, out);
    }
    // A unit alone after a number belongs to it: `3749.71 万元`.
    if let Some(unit) = unit_of(piece).filter(|u| u.len() == piece.len()) {
        if let Some(Token { kind: Kind::Number(n), end, line: l, .. }) = out.last_mut() {
            if *l == line && n.unit.is_none() {
                n.unit = Some(unit);
                *end = base + piece.len();
                return;
            }
        }
    }
    // A change written in words (2019's 本年增/减: `增72`, `减少3`): a signed
    // number, the whole piece.
    if let Some((word, negative)) = SIGN_WORDS.iter().find(|(w, _)| piece.starts_with(w)) {
        let rest = &piece[word.len()..];
        if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) {
            push(out, || Token {
                kind: Kind::Number(NumberLit { negative: *negative, int: digits(rest), frac: None, unit: None }),
                start: base,
                end: base + piece.len(),
                line,
            });
            return;
        }
    }
    let bytes = piece.as_bytes();
    // Most pieces in a table are plain digits (`0`, `17`): a number with
    // nothing after it, as the loop below would read it.
    if bytes.len() <= ShortStr::INLINE && bytes.iter().all(u8::is_ascii_digit) {
        push_plain_number(out, piece, base, line);
        return;
    }
    let mut i = 0;
    let mut text_start: Option<usize> = None;
    while i < bytes.len() {
        // (Not after a blank mark: `无-2` is two marks' cells and a 2.)
        let signed = matches!(bytes[i], b'-' | b'+')
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
            && (i == 0
                || !(bytes[i - 1].is_ascii_alphabetic()
                    || bytes[i - 1].is_ascii_digit() && after_year(bytes, i)
                    || piece[..i].chars().next_back().is_some_and(is_mark_char)));
        if !(bytes[i].is_ascii_digit() || signed) {
            if text_start.is_none() {
                text_start = Some(i);
            }
            i += utf8_len(bytes[i]);
            // The rest of the run of text: up to a digit or a sign.
            while i < bytes.len() && !matches!(bytes[i], b'0'..=b'9' | b'-' | b'+') {
                i += utf8_len(bytes[i]);
            }
            continue;
        }
        let num_start = i;
        if signed {
            i += 1;
        }
        let int_start = i;
        while i < bytes.len() && (bytes[i].is_ascii_digit() || is_thousands_comma(bytes, i)) {
            i += 1;
        }
        let int_end = i;
        // An ordinal: `3.属于`, `1、申请人`, `3.` at the end of a piece.
        let ordinal_follows = match bytes.get(i) {
            Some(b'.') => !bytes.get(i + 1).is_some_and(u8::is_ascii_digit),
            Some(_) => piece[i..].starts_with('、'),
            None => false,
        };
        // Template ordinals run from 1 to 8; `0、` is a cell before a
        // vertical label's `、`.
        let ordinal_follows = ordinal_follows && bytes[int_end - 1] != b'0';
        if ordinal_follows && !signed {
            // Template ordinals are one digit; in glued text the digits
            // before it are the previous row's cells.
            let ordinal_start = int_end - 1;
            if ordinal_start > int_start {
                flush_text(&mut text_start, num_start, piece, base, line, out);
                push_number(piece, base, line, num_start, int_start, ordinal_start, None, out);
            } else if text_start.is_some() {
                // A row's ordinal inside a run of text starts the next
                // row's label (`禁止公开3.危及…`, a flattened page).
                flush_text(&mut text_start, ordinal_start, piece, base, line, out);
            }
            if text_start.is_none() {
                text_start = Some(ordinal_start);
            }
            continue;
        }
        let mut frac = None;
        if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            let f = i + 1;
            i = f;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            frac = Some(piece[f..i].into());
        }
        flush_text(&mut text_start, num_start, piece, base, line, out);
        let mut end = i;
        let unit = unit_of(&piece[i..]);
        if let Some(u) = unit {
            end += u.len();
        }
        push(out, || Token {
            kind: Kind::Number(NumberLit {
                negative: piece[num_start..].starts_with('-'),
                int: digits(&piece[int_start..int_end]),
                frac,
                unit,
            }),
            start: base + num_start,
            end: base + end,
            line,
        });
        i = end;
    }
    flush_text(&mut text_start, bytes.len(), piece, base, line, out);
}

/// Whether the digits right before `at` are a year (`2020-2021`: a range,
/// not a number and a negative one, as `35-15` glued in a flattened table is).
fn after_year(bytes: &[u8], at: usize) -> bool {
    let run = bytes[..at].iter().rev().take_while(|b| b.is_ascii_digit()).count();
    run == 4 && matches!(&bytes[at - 4..at - 2], b"19" | b"20")
}

#[allow(clippy::too_many_arguments)]
fn push_number(
    piece: &str,
    base: usize,
    line: usize,
    start: usize,
    int_start: usize,
    int_end: usize,
    unit: Option<&'static str>,
    out: &mut Vec<Token>,
) {
    push(out, || Token {
        kind: Kind::Number(NumberLit {
            negative: piece[start..].starts_with('-'),
            int: digits(&piece[int_start..int_end]),
            frac: None,
            unit,
        }),
        start: base + start,
        end: base + int_end,
        line,
    });
}

fn flush_text(text_start: &mut Option<usize>, end: usize, piece: &str, base: usize, line: usize, out: &mut Vec<Token>) {
    if let Some(s) = text_start.take() {
        let t = &piece[s..end];
        // Blank marks glued to a number (`213／无-无——213`, a flattened
        // page): a cell each.
        let after_number = out.last().is_some_and(|l| l.end == base + s && l.number().is_some());
        let before_number = end < piece.len();
        if (after_number || before_number) && !t.is_empty() && t.chars().all(is_mark_char) {
            push_marks(t, base + s, line, out);
            return;
        }
        // Marks between a number and a label (`273—/行政处罚`, `许可-/273`):
        // cells of their own (but `无法提供` is a label).
        let lead = if after_number { leading_marks(t) } else { 0 };
        let trail = if before_number { t.len() - t.trim_end_matches(is_mark_char).len() } else { 0 };
        let (lead, trail) = if lead + trail < t.len() { (lead, trail) } else { (0, 0) };
        push_marks(&t[..lead], base + s, line, out);
        push_words(&t[lead..t.len() - trail], base + s + lead, line, out);
        push_marks(&t[t.len() - trail..], base + end - trail, line, out);
    }
}

/// A label's words. Two blank marks or more inside them are cells (a
/// flattened page's row left blank between two labels:
/// `行政许可/无／其他对外管理服务事项`); one stays in the word (`本年增/减`).
fn push_words(word: &str, start: usize, line: usize, out: &mut Vec<Token>) {
    // Lone punctuation (`*`, `、`) carries nothing.
    let text = |out: &mut Vec<Token>, from: usize, to: usize| {
        if word[from..to].chars().any(is_letter) {
            push(out, || Token { kind: Kind::Text, start: start + from, end: start + to, line });
        }
    };
    let mut from = 0;
    let mut at = 0;
    while let Some(i) = word[at..].find(is_mark_char).map(|i| at + i) {
        let run = leading_marks(&word[i..]);
        if run == 0 {
            at = i + word[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let end = i + run;
        if i > from && end < word.len() && mark_count(&word[i..end]) >= 2 {
            text(out, from, i);
            push_marks(&word[i..end], start + i, line, out);
            from = end;
        }
        at = end;
    }
    text(out, from, word.len());
}

/// How many cells [`push_marks`] reads in marks written together.
fn mark_count(marks: &str) -> usize {
    let mut count = 0;
    let mut last = None;
    for c in marks.chars() {
        if !(matches!(c, '-' | '—' | '–') && last == Some(c)) {
            count += 1;
        }
        last = Some(c);
    }
    count
}

/// How many bytes of blank marks start `text`, up to a label's word that
/// starts like one.
fn leading_marks(text: &str) -> usize {
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if !is_mark_char(c) || WORDS_AFTER_A_MARK.iter().any(|w| text[i..].starts_with(w)) {
            break;
        }
        end = i + c.len_utf8();
    }
    end
}

/// A character blank marks are written with.
fn is_mark_char(c: char) -> bool {
    matches!(c, '无' | '/' | '／' | '\\' | '-' | '—' | '–')
}

/// Blank marks written together, a cell each: `无` and a slash alone, a
/// run of one dash (`——`, `--`) as one; `——-` is two.
fn push_marks(text: &str, start: usize, line: usize, out: &mut Vec<Token>) {
    let dash = crate::util::chars::is_dash;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mut end = i + c.len_utf8();
        if dash(c) {
            while let Some(&(j, d)) = chars.peek().filter(|(_, d)| *d == c) {
                end = j + d.len_utf8();
                chars.next();
            }
        }
        push(out, || Token { kind: Kind::Blank, start: start + i, end: start + end, line });
    }
}

/// The length of the character a UTF-8 lead byte starts.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xf0.. => 4,
        0xe0.. => 3,
        0xc0.. => 2,
        _ => 1,
    }
}

/// A number's digits without its thousands separators.
fn digits(written: &str) -> ShortStr {
    if written.as_bytes().contains(&b',') {
        written.replace(',', "").as_str().into()
    } else {
        written.into()
    }
}

/// `1,362`: a comma inside a number, followed by exactly three digits.
fn is_thousands_comma(bytes: &[u8], i: usize) -> bool {
    bytes[i] == b','
        && i > 0
        && bytes[i - 1].is_ascii_digit()
        && bytes.len() >= i + 4
        && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit)
        && !bytes.get(i + 4).is_some_and(u8::is_ascii_digit)
}

fn unit_of(s: &str) -> Option<&'static str> {
    use crate::template::{UNIT_WAN_YUAN, UNIT_YUAN};
    // (The first byte first: this runs after every number.)
    [UNIT_WAN_YUAN, UNIT_YUAN].into_iter().find(|u| s.as_bytes().first() == u.as_bytes().first() && s.starts_with(u))
}

/// Markdown emphasis and heading marks around a piece; returns the offset
/// of what is left.
fn strip_markdown(piece: &str) -> (usize, &str) {
    // (Most pieces have none: one look at each end.)
    let bytes = piece.as_bytes();
    if !matches!(bytes.first(), Some(b'#' | b'*' | b'>' | b'`')) && !matches!(bytes.last(), Some(b'*' | b'`')) {
        return (0, piece);
    }
    let trimmed = piece.trim_start_matches(['#', '*', '>', '`']);
    let offset = piece.len() - trimmed.len();
    (offset, trimmed.trim_end_matches(['*', '`']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_ways_of_pushing_a_token_give_the_same_tokens() {
        let make = |i: usize| move || Token { kind: Kind::Text, start: i, end: i + 3, line: i / 2 };
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for i in 0..100 {
            push_plain(&mut a, make(i));
            push_in_place(&mut b, make(i));
        }
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
    }

    fn kinds(s: &str) -> Vec<String> {
        let t = tokenise(s);
        t.tokens
            .iter()
            .map(|k| match &k.kind {
                Kind::Text => format!("T:{}", &s[k.start..k.end]),
                Kind::Number(n) => format!(
                    "N:{}{}{}{}",
                    if n.negative { "-" } else { "" },
                    n.int,
                    n.frac.as_deref().map(|f| format!(".{f}")).unwrap_or_default(),
                    n.unit.unwrap_or("")
                ),
                Kind::Blank => "B".into(),
                Kind::Empty(t) => format!("E:{t:?}"),
            })
            .collect()
    }

    #[test]
    fn splits_labels_from_numbers() {
        assert_eq!(kinds("规章 0 0 0"), ["T:规章", "N:0", "N:0", "N:0"]);
        assert_eq!(kinds("\t1.属于国家秘密\t0"), ["T:1.属于国家秘密", "N:0"]);
        assert_eq!(kinds("3. 补正后"), ["T:3.", "T:补正后"]);
    }

    #[test]
    fn glued_digits_before_an_ordinal_are_cells() {
        assert_eq!(kinds("秘密00000002.其他"), ["T:秘密", "N:0000000", "T:2.其他"]);
        assert_eq!(kinds("秘密0000000、本年"), ["T:秘密", "N:0000000", "T:、本年"]);
    }

    #[test]
    fn a_converters_numbered_header_is_dropped() {
        // A table cut by a page break: the converter names the columns of
        // the second part itself.
        let text = "| 数据1 | 数据2 | 数据3 |\n| --- | --- | --- |\n| | 34 | 34 |";
        assert_eq!(kinds(text), ["E:Leading", "N:34", "N:34"]);
        let text = "| 第1列 | 第2列 | 第3列 |\n| --- | --- | --- |\n| 规章 | 1 | 2 |";
        assert_eq!(kinds(text), ["T:规章", "N:1", "N:2"]);
        // A header of the table's own words stays.
        let text = "| 信息内容 | 本年制发件数 | 现行有效件数 |\n| --- | --- | --- |\n| 规章 | 1 | 2 |";
        assert_eq!(kinds(text)[..3], ["T:信息内容", "T:本年制发件数", "T:现行有效件数"]);
    }

    #[test]
    fn a_crawlers_rows_of_a_cell_a_line_are_counted_out() {
        let words = |s: &str| kinds(s).join(" ");
        // Each row opened by a line of `|`; an empty cell's paragraph a `|`
        // alone too, told from the next row's opening by counting (four
        // cells a row); a span's cells as `|` on the line before.
        let opened = "|\n第二十条第（一）项 | |||\n|\n信息内容 |\n本年制发件数 |\n本年废止件数 |\n现行有效件数 |\n\
                      |\n规章 |\n0 |\n|\n3 |\n|\n行政规范性文件 |\n5 |\n12 |\n|";
        assert_eq!(
            words(opened),
            "T:第二十条第（一）项 E:Leading E:Leading E:Leading T:信息内容 T:本年制发件数 T:本年废止件数 T:现行有效件数 \
             T:规章 N:0 E:Interior N:3 T:行政规范性文件 N:5 N:12 E:Trailing"
        );
        // No opening line; a span's cells on a line of their own; padding
        // every row leaves empty (three cells here) is no cell.
        let bare = "信息内容 |\n本年处理决定数量 |\n|||\n行政许可 |\n|\n|||\n行政处罚 |\n7 |\n|||";
        assert_eq!(words(bare), "T:信息内容 T:本年处理决定数量 T:行政许可 E:Leading T:行政处罚 N:7");
        // Rows a line each are read as markdown rows are, opening `|` or not.
        let one_line = "规章 | 0 |  | 3 |\n行政规范性文件 | 5 | 12 |  |";
        assert_eq!(words(one_line), "T:规章 N:0 E:Interior N:3 T:行政规范性文件 N:5 N:12 E:Trailing");
    }

    #[test]
    fn a_markdown_rows_padding_past_its_heading_is_dropped() {
        // The tokens of the text's last row.
        let last_row = |s: &str| {
            let t = tokenise(s);
            let last = t.tokens.last().map_or(0, |t| t.line);
            kinds(s).into_iter().zip(&t.tokens).filter(|(_, t)| t.line == last).map(|(k, _)| k).collect::<Vec<_>>()
        };
        // A converter pads every row to the widest block (four fields); the
        // block's heading names three: the fourth is padding, the third an
        // empty cell.
        let block = "| 信息内容 | 上一年项目数量 | 本年增/减 |  |\n| 行政事业性收费 | 67 |  |  |";
        assert_eq!(last_row(block), ["T:行政事业性收费", "N:67", "E:Trailing"]);
        // Without the heading, or with a heading that fills every field, each
        // empty field stays a trace.
        assert_eq!(last_row("| 行政事业性收费 | 67 |  |  |"), ["T:行政事业性收费", "N:67", "E:Trailing", "E:Trailing"]);
        let full = "| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n| 行政许可 | 5 |  |  |";
        assert_eq!(last_row(full), ["T:行政许可", "N:5", "E:Trailing", "E:Trailing"]);
        // A heading that starts empty or has a gap (table 三's) says nothing.
        let gap = "|  | 自然人 | 法人 |  |\n| 规章 | 5 |  |  |";
        assert_eq!(last_row(gap), ["T:规章", "N:5", "E:Trailing", "E:Trailing"]);
        // A row with a value past the heading's fields keeps all of its own.
        let past = "| 信息内容 | 采购项目数量 |  |  |\n| 政府集中采购 | 3 |  | 9 |";
        assert_eq!(last_row(past), ["T:政府集中采购", "N:3", "E:Interior", "N:9"]);
        // The width ends with the table.
        let after = "| 信息内容 | 上一年项目数量 |  |\n\n| 行政许可 | 5 |  |";
        assert_eq!(last_row(after), ["T:行政许可", "N:5", "E:Trailing"]);
    }

    #[test]
    fn marks_between_two_labels_are_cells_when_two_or_more() {
        assert_eq!(kinds("行政许可/无／其他对外管理服务事项"), ["T:行政许可", "B", "B", "B", "T:其他对外管理服务事项"]);
        assert_eq!(kinds("事项-——／第二十条"), ["T:事项", "B", "B", "B", "T:第二十条"]);
        assert_eq!(kinds("数量本年增/减处理"), ["T:数量本年增/减处理"]);
        assert_eq!(kinds("申请——无法提供"), ["T:申请——无法提供"]);
        assert_eq!(kinds("申请——/无法提供"), ["T:申请", "B", "B", "T:无法提供"]);
        assert_eq!(mark_count("——-/无"), 4);
    }

    #[test]
    fn wu_among_marks_is_a_mark() {
        assert_eq!(kinds("行政规范性文件 无 / -"), ["T:行政规范性文件", "B", "B", "B"]);
        assert_eq!(kinds("本年度 无"), ["T:本年度", "T:无"]);
    }

    #[test]
    fn a_real_tables_empty_cells_before_a_rows_first_number_are_traces() {
        let text = "(空)\t(空)\t36\t(空)\t5";
        assert_eq!(kinds(text), ["E:Leading", "E:Leading", "N:36", "B", "N:5"]);
        // After a label they are cells as written.
        assert_eq!(kinds("规章\t(空)\t5"), ["T:规章", "B", "N:5"]);
    }

    #[test]
    fn an_ordinal_inside_text_starts_a_label() {
        assert_eq!(kinds("禁止公开3.危及安全331"), ["T:禁止公开", "T:3.危及安全", "N:331"]);
    }

    #[test]
    fn blank_marks_glued_to_numbers_are_cells() {
        assert_eq!(
            kinds("申请213／无-无——2135.要求"),
            ["T:申请", "N:213", "B", "B", "B", "B", "B", "N:213", "T:5.要求"]
        );
        // Not in prose: a mark beside words is a word.
        assert_eq!(kinds("共3件，无"), ["T:共", "N:3", "T:件，无"]);
        // Between a number and a label.
        assert_eq!(kinds("行政许可-/273—/行政处罚"), ["T:行政许可", "B", "B", "N:273", "B", "B", "T:行政处罚"]);
        assert_eq!(kinds("12无法提供"), ["N:12", "T:无法提供"]);
        assert_eq!(kinds("64无第二十条"), ["N:64", "B", "T:第二十条"]);
        assert_eq!(kinds("申请5无-2"), ["T:申请", "N:5", "B", "B", "N:2"]);
        assert_eq!(kinds("0 ——- 0"), ["N:0", "B", "B", "N:0"]);
        assert_eq!(kinds("0 ——无 无/ 0"), ["N:0", "B", "B", "B", "B", "N:0"]);
        assert_eq!(kinds("无 法"), ["T:无", "T:法"]);
        assert_eq!(kinds("增减-2"), ["T:增减", "N:-2"]);
    }

    #[test]
    fn units_signs_and_decimals() {
        assert_eq!(kinds("政府集中采购\t3\t3749.71 万元"), ["T:政府集中采购", "N:3", "N:3749.71万元"]);
        assert_eq!(kinds("13329640元"), ["N:13329640元"]);
        assert_eq!(kinds("行政许可 -3 1,362"), ["T:行政许可", "N:-3", "N:1362"]);
        // 本年增/减 in words.
        assert_eq!(kinds("行政许可 126 增72 142"), ["T:行政许可", "N:126", "N:72", "N:142"]);
        assert_eq!(kinds("减少3 减3 增加0"), ["N:-3", "N:-3", "N:0"]);
        assert_eq!(kinds("增长率 增72件"), ["T:增长率", "T:增", "N:72", "T:件"]);
    }

    #[test]
    fn no_white_space_where_tokenise_line_steps_over_characters_whole() {
        // Lead bytes 0xe4..=0xef: U+4000..U+FFFF.
        for c in (0x4000..=0xffff).filter_map(char::from_u32) {
            assert!(!c.is_whitespace(), "{c:?}");
        }
        // Lead byte 0xe3: U+3000..U+3FFF.
        for c in (0x3000..=0x3fff).filter_map(char::from_u32) {
            assert_eq!(c.is_whitespace(), c == '\u{3000}', "{c:?}");
        }
    }

    /// is_decoration as first written: trim, then each test in turn (the
    /// one-pass prefilter is what changed; the footer reading is shared).
    fn is_decoration_plain(line: &str) -> bool {
        let t = line.trim();
        if t.is_empty() {
            return true;
        }
        if t.bytes().all(|b| matches!(b, b'-' | b'|' | b':' | b' ' | b'\t')) && t.contains("---") {
            return true;
        }
        if !t
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || matches!(c, '-' | '—' | '–' | '第' | '页' | '共'))
        {
            return false;
        }
        is_page_footer(t)
    }

    proptest::proptest! {
        #[test]
        fn is_decoration_as_first_written(line in "[04\\-—–第页共|: \t\u{a0}\u{2000}a规、]{0,10}|[ 4\\-—–第页共]{0,8}") {
            proptest::prop_assert_eq!(is_decoration(&line), is_decoration_plain(&line));
        }
    }

    proptest::proptest! {
        #[test]
        fn strip_markdown_as_plain_trims(piece in "[#*>`a规0]{0,6}") {
            let trimmed = piece.trim_start_matches(['#', '*', '>', '`']);
            let plain = (piece.len() - trimmed.len(), trimmed.trim_end_matches(['*', '`']));
            proptest::prop_assert_eq!(strip_markdown(&piece), plain);
        }
    }

    #[test]
    fn tokens_are_on_the_lines_split_would_give() {
        for text in ["", "\n", "a\n", "\n\nb", "规章 0\n- 4 -\n万元\n\n第 3 页\n1", "a\nb c\n\n\nd"] {
            let starts: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
            for t in tokenise(text).tokens {
                let line = starts.partition_point(|&s| s <= t.start) - 1;
                assert_eq!(t.line, line, "{text:?} {t:?}");
            }
        }
        // A footer's tokens are dropped; a unit on the next line stays apart.
        assert_eq!(kinds("规章 3\n- 4 -\n万元"), ["T:规章", "N:3", "T:万元"]);
    }

    proptest::proptest! {
        /// A region's lines read alone give the whole text's tokens on
        /// those lines, line numbers included.
        #[test]
        fn lines_read_alone_as_in_the_whole(
            lines in proptest::collection::vec("[规章0-9 \t/万元、.\\-第页—]{0,12}", 1..12),
            from in 0usize..12,
            stop in 0usize..200,
        ) {
            let text = lines.join("\n");
            let from = from.min(lines.len() - 1);
            let start: usize = lines[..from].iter().map(|l| l.len() + 1).sum();
            let stop = crate::util::chars::floor_boundary(&text, start + stop);
            let key = |t: &Token| (t.kind.clone(), t.start, t.end, t.line);
            let alone: Vec<_> = tokenise_lines(&text, start, stop, from).tokens.iter().map(key).collect();
            let last_line = text[..stop].matches('\n').count();
            let whole: Vec<_> =
                tokenise(&text).tokens.iter().filter(|t| (from..=last_line).contains(&t.line)).map(key).collect();
            proptest::prop_assert_eq!(alone, whole, "{:?}", text);
        }
    }

    proptest::proptest! {
        /// A line of one plain number, read at once, gives what the
        /// general reading gives.
        #[test]
        fn plain_number_lines_as_read_in_general(line in "[ \t]{0,3}[0-9]{0,16}[ \t|]{0,3}(\n[0-9])?") {
            if plain_number_line(&line, 0).is_none() {
                return Ok(());
            }
            let fast: Vec<_> = tokenise(&line).tokens.into_iter().filter(|t| t.line == 0).map(|t| (t.kind, t.start, t.end)).collect();
            let mut general = Vec::new();
            let end = line_end(line.as_bytes(), 0).0;
            tokenise_line(&line, 0, end, 0, &mut general);
            if !general.is_empty() && is_decoration(&line[..end]) {
                general.clear();
            }
            let general: Vec<_> = general.into_iter().map(|t| (t.kind, t.start, t.end)).collect();
            proptest::prop_assert_eq!(fast, general, "{:?}", line);
        }
    }

    #[test]
    fn blanks_and_decorations() {
        assert_eq!(kinds("规章 / - —"), ["T:规章", "B", "B", "B"]);
        assert!(kinds("- 4 -\n---\t---\n第 3 页").is_empty());
        assert_eq!(kinds("## 二、主动公开"), ["T:二、主动公开"]);
        assert_eq!(kinds("1.0\t1\t*\t211"), ["N:1.0", "N:1", "N:211"]);
    }
}
