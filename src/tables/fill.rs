//! Putting a segment's cells into a row's columns, or saying why not.
//!
//! Exactly as many cells as columns: each goes to its column. Traces of
//! empty cells (see [`Trace`]) are cells where counting them gives the
//! row's number of columns (and keeps its arithmetic), layout otherwise.
//! More values: numbers that start a line which goes on with text are
//! dropped if that leaves the right count (OCR line numbers, `710` in seed
//! 001). Fewer, and they are glued digit runs (a web page copied without
//! cell separators): the row is [`Glued`], and the ways to cut it that keep
//! the row's arithmetic are listed (see [`split_runs`]); the table then
//! picks the one split its own arithmetic allows, or says the row is
//! ambiguous. Fewer, and not glued: the row is [`Filled::Short`], and the
//! table places its values by its arithmetic where its other rows show
//! that empty cells leave no trace (see [`super::sparse`]), or says how
//! many values the row had. A value is never shifted into a neighbouring
//! column on a guess.

use super::segments::{counted_in_prose, is_unit, Segment};
use super::values::{cell_from_part, read_cell, run_span, ValueKind};
use crate::read::normalise::Normalised;
use crate::read::tokens::{Kind, Token, Trace};
use crate::tables::model::{Row, RowIssue};
use crate::template::EMPTY_CELL;
use crate::util::chars::is_letter;

/// At most this many candidate splits are listed in a diagnostic.
pub const MAX_CANDIDATES: usize = 6;
/// A row with more splits than this is not solved jointly with others.
pub const MAX_SPLITS: usize = 64;
/// The search for splits gives up after this many steps (keeps time linear).
const SPLIT_BUDGET: usize = 200_000;
/// No count in a report has more digits than this.
const MAX_PART_DIGITS: usize = 12;

/// A row whose values are glued digit runs, with every split that keeps the
/// row's own arithmetic (up to [`MAX_SPLITS`]).
#[derive(Debug, Clone)]
pub struct Glued<'t> {
    pub tokens: Vec<&'t Token>,
    pub splits: Vec<Vec<i64>>,
    /// Whether `splits` is every split there is (the search was not cut short).
    pub complete: bool,
}

impl Glued<'_> {
    /// The digits as written, runs separated by a space.
    pub fn digits(&self) -> String {
        self.tokens.iter().filter_map(|t| t.number()).map(|n| n.int.as_str()).collect::<Vec<_>>().join(" ")
    }
}

/// How a row's glued digits are cut: the parts of each group (a row of
/// table 三 is one group of 7, table 四 three groups of 5) and the arithmetic
/// each group must keep.
#[derive(Clone, Copy)]
pub struct Arith<'a> {
    pub groups: &'a [usize],
    pub fits: &'a dyn Fn(&[i64]) -> bool,
}

/// What filling a row found.
pub enum Filled<'t> {
    /// Every cell read (or said to be a count the row cannot have).
    Done,
    /// Glued digit runs still to be split: settle it with [`settle`].
    Glued(Glued<'t>),
    /// Fewer values than columns (these), with no trace of where the empty
    /// cells are: the table places them or says the count is wrong.
    Short(Vec<&'t Token>),
}

/// How many of `cells` are values (not traces of empty cells).
pub fn values_in(cells: &[&Token]) -> usize {
    cells.iter().filter(|t| t.trace().is_none()).count()
}

/// How a table's text may glue its cells together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Glue {
    /// Cells kept apart (spaces, tabs, lines): a digit run is cut only
    /// where the row's arithmetic says how.
    Apart,
    /// A flattened page that keeps every cell (zeros written): as many
    /// digits as cells are one a cell, and a row may be several runs (a
    /// stray space cut its digits).
    Flattened,
    /// A flattened page that drops its empty cells: digits are cut only by
    /// arithmetic.
    FlattenedSparse,
}

impl Glue {
    pub fn flattened(self) -> bool {
        self != Glue::Apart
    }
}

/// Fills `row` from `seg`; see [`Filled`] and [`Glue`].
pub fn fill_row<'t>(
    row: &mut Row,
    seg: &Segment<'t>,
    kinds: &[ValueKind],
    arith: Arith,
    glue: Glue,
    norm: &Normalised,
) -> Filled<'t> {
    let multi_run = glue.flattened();
    let expected = row.columns.len();
    let line_of = |t: &Token| norm.original_line(t.line);
    // The segment's cells, less what is found not to be one (no copy
    // unless some are dropped from the middle).
    let mut cells = without_empty_table_cells(&seg.cells, expected, &norm.text);
    let kept: Vec<&Token>;
    if values_in(cells) > expected && !seg.leading.is_empty() {
        let leading: Vec<&Token> = seg.leading.iter().filter_map(|&i| cells.get(i).copied()).collect();
        // (Both in order: one walk.)
        let mut next_leading = seg.leading.iter().peekable();
        let not_leading: Vec<&Token> = cells
            .iter()
            .enumerate()
            .filter(|&(i, _)| next_leading.next_if(|&&l| l == i).is_none())
            .map(|(_, t)| *t)
            .collect();
        if values_in(&not_leading) == expected {
            let dropped: Vec<String> = leading.iter().map(|t| norm.text[t.start..t.end].to_string()).collect();
            let first_dropped = leading.first().map(|t| line_of(t));
            let span = run_span(&leading, norm);
            row.issues.push(RowIssue::StrayNumbers { values: dropped, line: first_dropped, span });
            kept = not_leading;
            cells = &kept;
        }
    }
    let mut values: Vec<&Token> = cells.iter().copied().filter(|t| t.trace().is_none()).collect();
    if values.len() == expected + 1 && is_page_number(&values, arith) {
        if let Some(t) = values.pop() {
            row.issues.push(RowIssue::StrayNumbers {
                values: vec![norm.text[t.start..t.end].to_string()],
                line: Some(line_of(t)),
                span: run_span(&[t], norm),
            });
            let at = cells.iter().rposition(|c| std::ptr::eq(*c, t)).unwrap_or(cells.len());
            cells = &cells[..at];
        }
    }
    row.line = values.first().or(cells.first()).or(seg.label_token.as_ref()).map(|t| line_of(t));
    if multi_run {
        if let Some(at) = minus_or_mark(cells, &norm.text, kinds.contains(&ValueKind::Change)) {
            // `—-2587` glued: a mark and 2587, or a mark, -25 and 87.
            row.issues.push(RowIssue::Ambiguous {
                digits: cells.iter().map(|t| &norm.text[t.start..t.end]).collect::<Vec<_>>().join(" "),
                candidates: Vec::new(),
                line: Some(line_of(at)),
                span: run_span(cells, norm),
            });
            return Filled::Done;
        }
    }
    if let Some(taken) =
        with_traces(cells, expected, arith).or_else(|| last_leading(cells, expected, arith, &norm.text))
    {
        for (i, t) in taken.iter().enumerate() {
            if let (Some(cell), Some(&kind)) = (row.cells.get_mut(i), kinds.get(i)) {
                read_cell(cell, kind, t, norm);
            }
        }
        return Filled::Done;
    }
    let cells = &values[..];
    let (runs, negative) = glued_runs(cells);
    let digits: usize = runs.iter().map(|r| r.len()).sum();
    // One digit a cell is sure only where cells are known to be glued (a
    // flattened table) or no number could be written so (`000`): elsewhere
    // `536` in a row of three is one value whose place the table decides.
    let one_a_cell = glue == Glue::Flattened || runs.iter().any(|r| r.len() > 1 && r.starts_with('0'));
    // (A flattened page that drops its empty cells is cut only where the
    // table's arithmetic decides, by the table.)
    // A lone number set apart as laid-out text sets a cell's value (after
    // a run of spaces, on a page not flattened) is one value, not digits
    // run together: `政府集中采购        347912` under 采购总金额.
    let laid_apart =
        glue == Glue::Apart && runs.len() == 1 && cells.first().is_some_and(|t| norm.text[..t.start].ends_with("  "));
    if expected > 1
        && glue != Glue::FlattenedSparse
        && !runs.is_empty()
        && runs.len() < expected
        && (runs.len() == 1 || multi_run)
        && (digits > expected || (digits == expected && one_a_cell))
        && !laid_apart
    {
        // As many digits as columns: one digit a cell, taken even when it
        // breaks the arithmetic (the rules then say so).
        let mut found = if digits == expected {
            split_runs(&runs, Arith { groups: &[expected], fits: &any_fits }, 2)
        } else {
            split_runs(&runs, arith, MAX_SPLITS)
        };
        // A run written with a minus (`2648-18538`): its first part is the
        // negative one, in a column that may be negative (本年增/减).
        if negative.iter().any(|&n| n) {
            found.splits.retain_mut(|parts| signed(parts, &runs, &negative, kinds));
        }
        return Filled::Glued(Glued { tokens: cells.to_vec(), splits: found.splits, complete: found.complete });
    }
    // Digits run into a money amount (`39573802895.90元`) in a flattened
    // table: glued, but with no way to split it surely.
    if multi_run && cells.len() < expected && cells.iter().any(|t| t.number().is_some_and(|n| n.int.len() > 1)) {
        row.issues.push(RowIssue::Ambiguous {
            digits: cells.iter().map(|t| &norm.text[t.start..t.end]).collect::<Vec<_>>().join(" "),
            candidates: Vec::new(),
            line: row.line,
            span: run_span(cells, norm),
        });
        return Filled::Done;
    }
    if cells.len() < expected && !cells.is_empty() && cells.iter().all(|t| t.kind == Kind::Blank) {
        // Only blank marks, fewer than the columns (a PDF's text ran two
        // `——` together): every cell is empty, wherever each mark stood.
        for (i, cell) in row.cells.iter_mut().enumerate() {
            let kind = kinds.get(i).copied().unwrap_or(ValueKind::Count);
            read_cell(cell, kind, cells[i.min(cells.len() - 1)], norm);
        }
        return Filled::Done;
    }
    if cells.len() < expected {
        return Filled::Short(cells.to_vec());
    }
    count_mismatch(row, cells, glue, norm);
    Filled::Done
}

/// In glued cells, a `-` that may be a blank mark or a minus, which the
/// text does not say: where a column may be negative (`change`), right
/// before a number of two digits or more after a mark ending in `-`
/// (`—-2587`: a mark and 2587, or -25 and 87; `--25`: a mark and 25, or
/// -25); in any row, between two numbers (`12-18`: 12, a mark and 18, or
/// 12, -1 and 8) on a page that writes `-` for its empty cells elsewhere.
/// Returns the first cell of the two.
fn minus_or_mark<'t>(cells: &[&'t Token], text: &str, change: bool) -> Option<&'t Token> {
    cells.windows(2).find_map(|pair| {
        let [before, after] = pair else { return None };
        let glued = before.end == after.start;
        let mark_then_digits = change
            && before.kind == Kind::Blank
            && text[before.start..before.end].ends_with('-')
            && after.number().is_some_and(|n| !n.negative && n.frac.is_none() && n.int.len() > 1);
        let number_then_minus = before.number().is_some()
            && after.number().is_some_and(|n| n.negative && n.frac.is_none())
            && page_marks_blanks_with_minus(text);
        (glued && (mark_then_digits || number_then_minus)).then_some(*before)
    })
}

/// Whether a `-` stands alone between two things that are not digits
/// somewhere in the text (`无-无`, `/ - /`): the page's way of writing an
/// empty cell.
fn page_marks_blanks_with_minus(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digit = |i: Option<usize>| i.and_then(|i| bytes.get(i)).is_some_and(|b| b.is_ascii_digit() || *b == b'-');
    text.match_indices('-').any(|(at, _)| !digit(at.checked_sub(1)) && !digit(Some(at + 1)))
}

/// Says a row has a number of values it cannot have; or, where some of
/// them touch in a flattened page (`85813—`, `/-25-`: where one cell ends
/// is a guess), that the row cannot be read.
pub fn count_mismatch(row: &mut Row, values: &[&Token], glue: Glue, norm: &Normalised) {
    if glue.flattened() && values.windows(2).any(|w| w[0].end == w[1].start) {
        row.issues.push(RowIssue::Ambiguous {
            digits: values.iter().map(|t| &norm.text[t.start..t.end]).collect::<Vec<_>>().join(" "),
            candidates: Vec::new(),
            line: row.line,
            span: run_span(values, norm),
        });
        return;
    }
    row.issues.push(RowIssue::ValueCount {
        found: values.len(),
        expected: row.columns.len(),
        values: values.iter().map(|t| norm.text[t.start..t.end].to_string()).collect(),
        line: row.line,
        span: run_span(values, norm),
    });
}

/// The row's cells when its values and some kinds of its traces of empty
/// cells are exactly as many as its columns. Every choice of kinds of
/// trace is tried; of those that give the right count, the one that keeps
/// the row's arithmetic (empty cells as 0) and takes the fewest kinds of
/// trace that are often layout (a label's leading gap, a row's trailing
/// tab, a tab-only line) is taken. `None` when no choice gives the count,
/// or two that are alike give different rows.
pub fn with_traces<'t>(cells: &[&'t Token], expected: usize, arith: Arith) -> Option<Vec<&'t Token>> {
    // A tab-only line before a row's first value or after its last is the
    // layout of merged cells (a Word copy), not an empty cell.
    let first = cells.iter().position(|t| t.trace().is_none());
    let last = cells.iter().rposition(|t| t.trace().is_none());
    let inside = |i: usize| first.is_some_and(|f| f < i) && last.is_some_and(|l| i < l);
    let kept: Vec<&'t Token> = cells
        .iter()
        .enumerate()
        .filter(|&(i, t)| t.trace() != Some(Trace::TabLine) || inside(i))
        .map(|(_, t)| *t)
        .collect();
    let cells = &kept[..];
    let present: Vec<Trace> = Trace::ALL.into_iter().filter(|k| cells.iter().any(|c| c.trace() == Some(*k))).collect();
    if present.is_empty() {
        return (cells.len() == expected).then(|| cells.to_vec());
    }
    let weak = |k: &Trace| matches!(k, Trace::Leading | Trace::Trailing | Trace::TabLine);
    // (rank, cells): lower rank is better.
    let mut best: Option<(Rank, Vec<&'t Token>)> = None;
    let mut tied = false;
    for mask in 0u32..(1 << present.len()) {
        let takes = |t: Trace| present.iter().position(|k| *k == t).is_some_and(|i| mask & (1 << i) != 0);
        // An empty field between two values is a cell, always.
        if present.contains(&Trace::Interior) && !takes(Trace::Interior) {
            continue;
        }
        let taken: Vec<&Token> = cells.iter().copied().filter(|c| c.trace().is_none_or(takes)).collect();
        if taken.len() != expected {
            continue;
        }
        let kinds: Vec<Trace> = present.iter().copied().filter(|k| takes(*k)).collect();
        // (A row's trailing empty field is padding more often than the
        // one after its label: a converter pads rows to the widest.)
        let rank = (
            !keeps_arithmetic(&taken, arith),
            kinds.iter().filter(|k| weak(k)).count(),
            kinds.contains(&Trace::Trailing),
            kinds.len(),
        );
        match &best {
            Some((r, t)) if *r == rank && !same_tokens(t, &taken) => tied = true,
            Some((r, _)) if *r <= rank => {}
            _ => {
                tied = false;
                best = Some((rank, taken));
            }
        }
    }
    if tied {
        return None;
    }
    best.map(|b| b.1)
}

/// A markdown row whose fields after its label are more than its cells (a
/// label cell merged over several columns, as PDF converters write it: `|
/// 一、本年新收 | | | | 1 | 11 | | 9 | | 21 |`): the cells are the row's
/// last fields, so the empty fields nearest the first value are cells and
/// the rest layout. Taken when the row then keeps its arithmetic. (Not a
/// tab-separated row: a Word copy's fields are not laid out so surely.)
fn last_leading<'t>(cells: &[&'t Token], expected: usize, arith: Arith, text: &str) -> Option<Vec<&'t Token>> {
    let markdown = |t: &Token| text[..t.start].ends_with('|');
    let leading = cells.iter().take_while(|t| t.trace() == Some(Trace::Leading) && markdown(t)).count();
    let rest = &cells[leading..];
    let others = rest.iter().filter(|t| t.trace().is_none_or(|k| k == Trace::Interior)).count();
    let wanted = expected.checked_sub(others).filter(|&k| k > 0 && k < leading)?;
    let taken: Vec<&Token> = cells[leading - wanted..leading]
        .iter()
        .chain(rest.iter().filter(|t| t.trace().is_none_or(|k| k == Trace::Interior)))
        .copied()
        .collect();
    (taken.len() == expected && rest.iter().any(|t| t.trace().is_none()) && keeps_arithmetic(&taken, arith))
        .then_some(taken)
}

/// How well a choice of traces reads a row: whether it breaks the row's
/// arithmetic, how many kinds of trace it takes that are often layout,
/// whether it takes a trailing one, how many kinds in all (lower is
/// better).
type Rank = (bool, usize, bool, usize);

fn same_tokens(a: &[&Token], b: &[&Token]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| std::ptr::eq(*x, *y))
}

/// Whether cells keep a row's arithmetic, empty cells and blank marks as
/// 0; true when a cell is not a whole number (nothing to check).
fn keeps_arithmetic(cells: &[&Token], arith: Arith) -> bool {
    let mut values = Vec::with_capacity(cells.len());
    for t in cells {
        match &t.kind {
            Kind::Blank | Kind::Empty(_) => values.push(0),
            Kind::Number(n) if n.frac.is_none() && n.unit.is_none() => match n.int.as_str().parse::<i64>() {
                Ok(v) => values.push(if n.negative { -v } else { v }),
                Err(_) => return true,
            },
            _ => return true,
        }
    }
    let mut rest = &values[..];
    arith.groups.iter().all(|&g| match (rest.get(..g), rest.get(g..)) {
        (Some(group), Some(after)) => {
            rest = after;
            (arith.fits)(group)
        }
        _ => false,
    })
}

/// Fills a row and settles a glued one on its own: taken when it has
/// exactly one split. A short row is returned for the table to place.
pub fn fill_row_alone<'t>(
    row: &mut Row,
    seg: &Segment<'t>,
    kinds: &[ValueKind],
    arith: Arith,
    glue: Glue,
    norm: &Normalised,
) -> Option<Vec<&'t Token>> {
    match fill_row(row, seg, kinds, arith, glue, norm) {
        Filled::Glued(g) => {
            let unique = (g.complete && g.splits.len() == 1).then(|| g.splits[0].clone());
            settle(row, &g, unique.as_deref(), &g.splits, kinds, norm);
            None
        }
        Filled::Short(values) => Some(values),
        Filled::Done => None,
    }
}

/// Assigns the chosen split of a glued row, or records that it is
/// ambiguous, listing `candidates`.
pub fn settle(
    row: &mut Row,
    glued: &Glued,
    choice: Option<&[i64]>,
    candidates: &[Vec<i64>],
    kinds: &[ValueKind],
    norm: &Normalised,
) {
    match choice.and_then(|parts| place_parts(&glued.tokens, parts)) {
        Some(placed) if placed.len() == row.cells.len() => {
            for (i, (value, token, offset)) in placed.into_iter().enumerate() {
                let kind = kinds.get(i).copied().unwrap_or(ValueKind::Count);
                row.cells[i] = cell_from_part(row.columns[i].key, kind, value, token, offset, norm);
            }
        }
        _ => row.issues.push(RowIssue::Ambiguous {
            digits: glued.digits(),
            candidates: candidates.iter().take(MAX_CANDIDATES).cloned().collect(),
            line: glued.tokens.first().map(|t| norm.line_at(t.start)),
            span: run_span(&glued.tokens, norm),
        }),
    }
}

/// Each part with the token it was cut from and its byte offset in that
/// token's digits; `None` when the parts do not spell the tokens' digits.
pub fn place_parts<'t>(tokens: &[&'t Token], parts: &[i64]) -> Option<Vec<(i64, &'t Token, usize)>> {
    let mut out = Vec::with_capacity(parts.len());
    let mut parts = parts.iter().peekable();
    for t in tokens {
        let digits = &t.number()?.int;
        let mut offset = 0;
        while offset < digits.len() {
            let p = *parts.next()?;
            let s = p.unsigned_abs().to_string();
            if !digits[offset..].starts_with(&s) {
                return None;
            }
            out.push((p, *t, offset));
            offset += s.len();
        }
    }
    parts.peek().is_none().then_some(out)
}

/// Whether a row's one number too many is a bare page number (a PDF's
/// footer `4` between two rows): the last cell, alone on its line after the
/// row's numbers, a small whole number, with the rest keeping the row's
/// arithmetic when it has some.
pub fn is_page_number(cells: &[&Token], arith: Arith) -> bool {
    let [rest @ .., before, last] = cells else { return false };
    let page = last.number().is_some_and(|n| {
        n.frac.is_none() && !n.negative && n.unit.is_none() && n.int.len() <= 3 && !n.int.starts_with('0')
    });
    let row_on_one_line = rest.iter().all(|t| t.line == before.line);
    if !page || last.line == before.line || !row_on_one_line {
        return false;
    }
    let values: Option<Vec<i64>> = cells[..cells.len() - 1]
        .iter()
        .map(|t| t.number().filter(|n| n.frac.is_none() && !n.negative).and_then(|n| n.int.parse().ok()))
        .collect();
    let Some(values) = values else { return false };
    let mut rest = values.as_slice();
    arith.groups.iter().all(|&g| match (rest.get(..g), rest.get(g..)) {
        (Some(group), Some(after)) => {
            rest = after;
            (arith.fits)(group)
        }
        _ => false,
    })
}

/// The cells less the empty cells of a real table (HTML, Word; see
/// [`EMPTY_CELL`]) at the end of a row that has more cells than columns:
/// layout, not values.
pub fn without_empty_table_cells<'a, 't>(cells: &'a [&'t Token], expected: usize, text: &str) -> &'a [&'t Token] {
    let mut cells = cells;
    while let Some((last, rest)) = cells.split_last().filter(|_| cells.len() > expected) {
        if text.get(last.start..last.end) != Some(EMPTY_CELL) {
            break;
        }
        cells = rest;
    }
    cells
}

/// The digit strings of cells that are all whole numbers (no decimals or
/// unit), and which were written with a minus; empty when any cell is
/// something else.
fn glued_runs<'a>(cells: &[&'a Token]) -> (Vec<&'a str>, Vec<bool>) {
    let mut runs = Vec::with_capacity(cells.len());
    let mut negative = Vec::with_capacity(cells.len());
    for t in cells {
        match &t.kind {
            Kind::Number(n) if n.frac.is_none() && n.unit.is_none() && !n.int.is_empty() => {
                runs.push(n.int.as_str());
                negative.push(n.negative);
            }
            _ => return (Vec::new(), Vec::new()),
        }
    }
    (runs, negative)
}

/// Gives the first part of each run written with a minus its sign; false
/// when that part falls in a column that cannot be negative.
fn signed(parts: &mut [i64], runs: &[&str], negative: &[bool], kinds: &[ValueKind]) -> bool {
    let mut at = 0;
    for (run, &minus) in runs.iter().zip(negative) {
        if minus {
            match (parts.get_mut(at), kinds.get(at)) {
                (Some(p), Some(ValueKind::Change)) => *p = -*p,
                _ => return false,
            }
        }
        // The run's parts: as many digits as the run has.
        let mut digits = 0;
        while digits < run.len() && at < parts.len() {
            digits += parts[at].unsigned_abs().to_string().len();
            at += 1;
        }
    }
    true
}

/// The result of a split search.
#[derive(Debug, Default)]
pub struct Splits {
    pub splits: Vec<Vec<i64>>,
    /// False when the search stopped at `cap` splits or at its step budget.
    pub complete: bool,
}

/// Every way to cut the digit `runs` into the parts of `arith.groups` (each
/// run into one or more whole parts, no part with a leading zero), such that
/// every group keeps `arith.fits`. Stops after `cap` splits.
pub fn split_runs(runs: &[&str], arith: Arith, cap: usize) -> Splits {
    let total: usize = arith.groups.iter().sum();
    let mut ends = Vec::with_capacity(arith.groups.len());
    let mut at = 0;
    for g in arith.groups {
        at += g;
        ends.push(at);
    }
    let runs: Vec<&[u8]> = runs.iter().map(|r| r.as_bytes()).collect();
    let mut search = Search {
        runs: &runs,
        total,
        group_ends: &ends,
        fits: arith.fits,
        cap,
        budget: SPLIT_BUDGET,
        out: Vec::new(),
        current: Vec::with_capacity(total),
        stopped: false,
    };
    if runs.iter().all(|r| !r.is_empty() && r.iter().all(u8::is_ascii_digit)) && runs.len() <= total {
        search.walk(0, 0);
    }
    Splits { complete: !search.stopped, splits: search.out }
}

struct Search<'a> {
    runs: &'a [&'a [u8]],
    total: usize,
    group_ends: &'a [usize],
    fits: &'a dyn Fn(&[i64]) -> bool,
    cap: usize,
    budget: usize,
    out: Vec<Vec<i64>>,
    current: Vec<i64>,
    stopped: bool,
}

impl Search<'_> {
    /// Cut run `k` from byte `p` on.
    fn walk(&mut self, k: usize, p: usize) {
        if self.stopped {
            return;
        }
        if self.budget == 0 || self.out.len() >= self.cap {
            self.stopped = true;
            return;
        }
        self.budget -= 1;
        let Some(run) = self.runs.get(k) else {
            if self.current.len() == self.total {
                self.out.push(self.current.clone());
            }
            return;
        };
        let parts_left = self.total - self.current.len();
        let digits_left = run.len() - p + self.runs[k + 1..].iter().map(|r| r.len()).sum::<usize>();
        let runs_left = self.runs.len() - k;
        if parts_left < runs_left || digits_left < parts_left || digits_left > parts_left * MAX_PART_DIGITS {
            return;
        }
        let rest = &run[p..];
        let max_len = if rest[0] == b'0' { 1 } else { rest.len().min(MAX_PART_DIGITS) };
        for len in 1..=max_len {
            let remaining_in_run = rest.len() - len;
            let v: i64 = std::str::from_utf8(&rest[..len]).ok().and_then(|s| s.parse().ok()).unwrap_or(0);
            self.current.push(v);
            let n = self.current.len();
            let group_ok = match self.group_ends.iter().position(|&e| e == n) {
                Some(g) => {
                    let start = if g == 0 { 0 } else { self.group_ends[g - 1] };
                    (self.fits)(&self.current[start..n])
                }
                None => true,
            };
            if group_ok && (remaining_in_run == 0 || n < self.total) {
                if remaining_in_run == 0 {
                    self.walk(k + 1, 0);
                } else {
                    self.walk(k, p + len);
                }
            }
            self.current.pop();
            if self.stopped {
                return;
            }
        }
    }
}

/// No arithmetic: every split fits.
pub fn any_fits(_: &[i64]) -> bool {
    true
}

/// Whether a table region looks like a flattened web page: several cells
/// that are long digit runs (7 or more digits, as a row of table 三 glued
/// together is), which separated tables almost never have; or a line of
/// several rows (see [`rows_on_one_line`]).
pub fn looks_flattened(tokens: &[Token], text: &str) -> bool {
    let long_runs = tokens
        .iter()
        .filter(|t| t.number().is_some_and(|n| n.frac.is_none() && n.unit.is_none() && n.int.len() >= 7))
        .take(3)
        .count();
    long_runs >= 3 || rows_on_one_line(tokens, text)
}

/// The first number of a region that may be a cell (not a sentence's
/// count above the table, see [`counted_in_prose`], its unit maybe wrapped
/// to the next line: `部分公开14` / `件，结转…`): where the table's header
/// ends.
pub fn first_cell_number(tokens: &[Token], text: &str) -> Option<usize> {
    tokens.iter().position(|t| t.number().is_some() && !counted_in_prose(t, text) && !unit_wrapped(t, text))
}

/// Whether a number ends its line after a word (`部分公开14`) and the next
/// line starts with a unit of counting or of a date: a sentence wrapped
/// between the count and its unit.
fn unit_wrapped(t: &Token, text: &str) -> bool {
    if !text[..t.start].chars().next_back().is_some_and(is_letter) {
        return false;
    }
    let Some(next_line) = text[t.end..].trim_start_matches(' ').strip_prefix('\n') else { return false };
    next_line.trim_start_matches(' ').chars().next().is_some_and(is_unit)
}

/// Whether some line holds several rows' labels and numbers (a table
/// flattened onto one line). A number written with a unit of counting or
/// of a date (`予以公开2件`, `2021年`) is prose's, not a cell: a sentence
/// above the table that counts its rows (`其中规章0件，规范性文件3件，…`)
/// is no row.
fn rows_on_one_line(tokens: &[Token], text: &str) -> bool {
    let mut line = usize::MAX;
    let (mut words, mut numbers) = (0, 0);
    for t in tokens {
        if t.line != line {
            line = t.line;
            (words, numbers) = (0, 0);
        }
        match t.kind {
            Kind::Text => words += 1,
            Kind::Number(_) if counted_in_prose(t, text) => {}
            Kind::Number(_) | Kind::Blank => numbers += 1,
            _ => {}
        }
        if words >= 4 && numbers >= 4 {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::keys::requests as q;
    use crate::template::v2021::V2021;

    /// A row of table 三: the last value is the sum of the others.
    fn row_total_fits(v: &[i64]) -> bool {
        v.len() >= 2 && v[..v.len() - 1].iter().sum::<i64>() == v[v.len() - 1]
    }

    /// Every split of one glued run into `groups`, each kept by `fits`.
    fn split_digits(digits: &str, groups: &[usize], fits: &dyn Fn(&[i64]) -> bool) -> Vec<Vec<i64>> {
        split_runs(&[digits], Arith { groups, fits }, MAX_CANDIDATES + 1).splits
    }

    const ROW: Arith = Arith { groups: &[7], fits: &row_total_fits };

    #[test]
    fn flattened_row_splits_by_its_total() {
        let s = split_digits("640020470", &[7], &row_total_fits);
        assert!(s.contains(&vec![64, 0, 0, 2, 0, 4, 70]));
        assert!(s.iter().all(|v| row_total_fits(v)));
        assert_eq!(split_digits("0000000", &[7], &row_total_fits), [vec![0; 7]]);
        assert_eq!(split_digits("1000001", &[7], &row_total_fits), [vec![1, 0, 0, 0, 0, 0, 1]]);
    }

    /// A 2019 report's text with every line of its tables run together, as
    /// a flattened PDF copy gives it.
    fn flattened(sample: crate::testing::Sample) -> String {
        sample.text().replace(['\t', '\n'], "")
    }

    #[test]
    fn a_minus_that_may_be_a_mark_is_said_not_guessed() {
        use crate::template::keys::active as a;
        use crate::template::{v2019::V2019, TableId};
        use crate::testing::{codes, Sample};
        let t = TableId::Active;
        let row = |previous: &str, change: &str, decisions: &str| {
            let sample = Sample::new(&V2019)
                .cell(t, a::LICENSING, a::PREVIOUS_ITEMS, "无")
                .cell(t, a::LICENSING, a::CHANGE, if change == "-" { "-" } else { "0" })
                .cell(t, a::LICENSING, a::DECISIONS, "无")
                .cell(t, a::PUNISHMENT, a::PREVIOUS_ITEMS, previous)
                .cell(t, a::PUNISHMENT, a::CHANGE, change)
                .cell(t, a::PUNISHMENT, a::DECISIONS, decisions);
            let report = crate::check(&flattened(sample), None);
            let cells = report
                .tables
                .active
                .row(a::PUNISHMENT)
                .map(|r| [a::PREVIOUS_ITEMS, a::CHANGE, a::DECISIONS].map(|c| r.cell(c).and_then(|c| c.value)));
            (report, cells)
        };
        // `—-2587`: a mark and -25, 87; or two marks and 2587.
        let (report, cells) = row("—", "-25", "87");
        assert!(codes(&report).contains(&"value.ambiguous"), "{:?}", report.diagnostics);
        assert_eq!(cells, Some([None, None, None]));
        // `12-18` on a page that writes `-` for empty cells (`无-无`): 12, -1, 8 or 12, a mark, 18.
        let (report, _) = row("12", "-", "18");
        assert!(codes(&report).contains(&"value.ambiguous"), "{:?}", report.diagnostics);
        // The same glued on a page with no `-` mark: a minus.
        let (report, cells) = row("12", "-1", "8");
        assert!(!codes(&report).contains(&"value.ambiguous"), "{:?}", report.diagnostics);
        assert!(cells.is_some_and(|c| c.iter().all(Option::is_some)), "{cells:?}");
        // `--25／`: a mark and -25, or a mark `--` and 25 (not taken as 25).
        let (report, cells) = row("-", "-25", "／");
        assert!(codes(&report).contains(&"value.ambiguous"), "{:?}", report.diagnostics);
        assert_eq!(cells, Some([None, None, None]));
        // In table 三, where no cell may be negative, `8-8` on a page that
        // writes `-` for empty cells is said, not read as 8 and -8.
        let sample = Sample::new(&V2019)
            .cell(TableId::Requests, q::CARRIED_FORWARD, q::OTHER, "-")
            .cell(TableId::Requests, q::CARRIED_FORWARD, q::LEGAL_SERVICE, "8")
            .cell(TableId::Requests, q::CARRIED_FORWARD, q::TOTAL, "8")
            .cell(TableId::Requests, q::CARRIED_FORWARD, q::NATURAL_PERSON, "/");
        let report = crate::check(&flattened(sample), None);
        assert!(!codes(&report).contains(&"value.invalid"), "{:?}", report.diagnostics);
        assert!(
            report.diagnostics.iter().any(|d| d.code == "value.ambiguous" && d.row == Some(q::CARRIED_FORWARD)),
            "{:?}",
            report.diagnostics
        );
    }

    #[test]
    fn a_row_of_marks_fewer_than_its_columns_is_blank() {
        use crate::testing::{codes, Sample};
        // `—— ——` run together by a PDF: six marks for seven cells.
        let text = Sample::new(&V2021)
            .text()
            .replace("（一）予以公开\t0\t0\t0\t0\t0\t0\t0", "（一）予以公开\t—\t/\t————\t无\t-\t/");
        assert!(text.contains("————"));
        let r = crate::check(&text, None);
        let row = r.tables.requests.row(q::GRANTED).unwrap();
        assert!(row.cells.iter().all(|c| c.value.is_none()), "{row:?}");
        let blank = r.diagnostics.iter().filter(|d| d.code == "value.blank" && d.row == Some(q::GRANTED)).count();
        assert_eq!(blank, 1, "{:?}", codes(&r));
        assert!(!codes(&r).iter().any(|c| c.starts_with("table.") || *c == "value.ambiguous"), "{:?}", codes(&r));
    }

    #[test]
    fn single_digits_split_uniquely() {
        assert_eq!(split_digits("000", &[3], &any_fits), [vec![0, 0, 0]]);
        assert!(split_digits("693665", &[3], &any_fits).len() > 1);
    }

    #[test]
    fn runs_split_apart_by_a_space_are_cut_separately() {
        let s = split_runs(&["500000", "5"], ROW, MAX_SPLITS);
        assert!(s.complete);
        assert_eq!(s.splits, [vec![5, 0, 0, 0, 0, 0, 5]]);
        // A part never spans two runs.
        let s = split_runs(&["1", "1"], Arith { groups: &[1], fits: &any_fits }, MAX_SPLITS);
        assert!(s.splits.is_empty());
    }

    #[test]
    fn every_split_is_listed_when_the_search_completes() {
        let s = split_runs(&["270020130"], ROW, MAX_SPLITS);
        assert!(s.complete);
        assert_eq!(s.splits, [vec![2, 7, 0, 0, 20, 1, 30], vec![27, 0, 0, 2, 0, 1, 30]]);
    }

    #[test]
    fn groups_keep_their_own_totals() {
        let s = split_runs(&["10203120001200000"], Arith { groups: &[5, 5, 5], fits: &row_total_fits }, MAX_SPLITS);
        assert_eq!(s.splits, [vec![1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]]);
    }

    #[test]
    fn long_runs_stay_within_budget() {
        let digits = "1".repeat(200);
        let s = split_runs(&[&digits], Arith { groups: &[40], fits: &any_fits }, MAX_SPLITS);
        assert!(!s.complete);
        assert!(s.splits.len() <= MAX_SPLITS);
    }

    #[test]
    fn a_split_forced_by_the_digits_ignores_the_arithmetic() {
        let text = "规章1000002";
        let t = crate::read::tokens::tokenise(text);
        let segs = super::super::segments::segments(&t.tokens, text);
        let norm = Normalised::new(text);
        let mut row = Row::new(q::NEW, "x", V2021.requests.columns);
        let Filled::Glued(g) = fill_row(&mut row, &segs[0], &[ValueKind::Count; 7], ROW, Glue::Flattened, &norm) else {
            panic!("glued")
        };
        assert_eq!(g.splits, [vec![1, 0, 0, 0, 0, 0, 2]]);
        assert!(g.complete);
    }

    #[test]
    fn as_many_digits_as_cells_are_one_value_outside_a_flattened_table() {
        let fill = |text: &str| {
            let t = crate::read::tokens::tokenise(text);
            let segs = super::super::segments::segments(&t.tokens, text);
            let norm = Normalised::new(text);
            let mut row = Row::new(q::NEW, "x", V2021.requests.columns);
            matches!(fill_row(&mut row, &segs[0], &[ValueKind::Count; 7], ROW, Glue::Apart, &norm), Filled::Glued(_))
        };
        // `1000002` may be one cell of a row whose other cells left no trace.
        assert!(!fill("规章1000002"));
        // No number is written `0000012`: one digit a cell.
        assert!(fill("规章0000012"));
    }

    /// A row of table 三 (2021) from `text`, filled.
    fn filled(text: &str) -> Vec<Option<i64>> {
        let t = crate::read::tokens::tokenise(text);
        let segs = super::super::segments::segments(&t.tokens, text);
        let norm = Normalised::new(text);
        let mut row = Row::new(q::NEW, "x", V2021.requests.columns);
        let sums = crate::tables::arith::RowSums::of(&V2021.requests);
        let fits = |v: &[i64]| sums.hold(v);
        fill_row(&mut row, &segs[0], &[ValueKind::Count; 7], Arith { groups: &[7], fits: &fits }, Glue::Apart, &norm);
        row.cells.iter().map(|c| c.value.and_then(|v| v.as_int())).collect()
    }

    #[test]
    fn a_markdown_label_merged_over_columns_leaves_the_cells_last() {
        let row = filled("| 一、本年新收 | | | | 1 | 11 | | 9 | | 21 |");
        assert_eq!(row, [None, Some(1), Some(11), None, Some(9), None, Some(21)]);
    }

    #[test]
    fn an_empty_field_between_values_is_always_a_cell() {
        // Taking the three after the label instead would keep the sums too.
        let row = filled("| 一、本年新收 | | | | 1 | 11 | | 9 | 21 |");
        assert_eq!(row, [None, None, Some(1), Some(11), None, Some(9), Some(21)]);
    }

    #[test]
    fn a_bare_page_number_after_a_row_is_dropped() {
        let fill = |text: &str| {
            let t = crate::read::tokens::tokenise(text);
            let segs = super::super::segments::segments(&t.tokens, text);
            let norm = Normalised::new(text);
            let mut row = Row::new(q::NEW, "x", V2021.requests.columns);
            fill_row(&mut row, &segs[0], &[ValueKind::Count; 7], ROW, Glue::Apart, &norm);
            row
        };
        let row = fill("2.没有现成信息 3 0 0 0 0 0 3\n4\n3.补正后");
        assert_eq!(row.cells[6].value, Some(crate::tables::model::Value::Int(3)));
        assert!(matches!(&row.issues[..], [RowIssue::StrayNumbers { values, .. }] if values == &["4"]));
        // Not when the row's own numbers do not add up without it, nor on its line.
        assert!(fill("2.没有 3 0 0 0 0 0 2\n4\n3.补").cells[0].value.is_none());
        assert!(fill("2.没有 3 0 0 0 0 0 3 4\n3.补").cells[0].value.is_none());
    }

    #[test]
    fn parts_are_placed_back_in_their_tokens() {
        let text = "500000 5";
        let t = crate::read::tokens::tokenise(text);
        let tokens: Vec<&Token> = t.tokens.iter().collect();
        let placed = place_parts(&tokens, &[5, 0, 0, 0, 0, 0, 5]).unwrap();
        assert_eq!(placed.iter().map(|p| p.2).collect::<Vec<_>>(), [0, 1, 2, 3, 4, 5, 0]);
        assert!(place_parts(&tokens, &[50, 0, 0, 0, 0, 5]).is_some());
        assert!(place_parts(&tokens, &[5, 0, 0, 0, 0, 5]).is_none());
    }
}
