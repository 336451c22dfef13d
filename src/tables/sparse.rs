//! Rows with fewer values than columns, where the text keeps no trace of
//! the empty cells (a PDF's raw text, pdf.js, a copy that dropped them):
//! `一、本年新收 26 26`. The values keep their order; which columns they
//! stand in is decided by the table's arithmetic (each row's sums, then the
//! columns' sums over every row), empty cells counting as 0.
//!
//! Where the arithmetic leaves several placements, the template may say
//! which columns reports usually leave empty (table 三's five
//! 法人或其他组织 columns): the placement that puts the fewest values there
//! is taken when it is the only one, and the row says so. Otherwise the row
//! is left absent and said to be ambiguous, with its candidates — never a
//! silent guess. A table whose rows are all full is not read this way: a
//! row one value short there lost a value, and says so (`table.value_count`).

use super::arith::{self, RowSums};
use super::fill::{any_fits, count_mismatch, first_cell_number, place_parts, split_runs, Arith, Glue, MAX_CANDIDATES};
use super::joint::{solve, Unknown};
use super::model::{Cell, CellState, Placement, Row, RowIssue, Table};
use super::positions;
use super::tuning::{ALIGNED_SLACK, HEADER_MARGIN, LEFT_ALIGNED};
use super::values::{cell_from_part, read_cell, run_span};
use crate::read::normalise::Normalised;
use crate::read::tokens::{Kind, Token};
use crate::template::{Along, ColKey, Column, GridSpec};
use crate::util::chars::laid_out_width;
use crate::util::find;
use std::cmp::Ordering;

/// A row with fewer values than columns: its index in the table, its
/// values (numbers and blank marks) in order, and the ways to read them as
/// cells (each token one cell; or, in a flattened table, glued digit runs
/// cut into parts).
pub struct Short<'t> {
    pub row: usize,
    pub values: Vec<&'t Token>,
    pub readings: Vec<Vec<Part<'t>>>,
}

/// One cell's value as a reading gives it: a whole token, or the part of a
/// glued digit run that starts `offset` bytes into it.
#[derive(Clone, Copy)]
pub struct Part<'t> {
    pub token: &'t Token,
    pub glued: Option<(i64, usize)>,
}

impl<'t> Short<'t> {
    /// Values each a cell.
    pub fn plain(row: usize, values: Vec<&'t Token>) -> Short<'t> {
        let reading = values.iter().map(|&token| Part { token, glued: None }).collect();
        Short { row, values, readings: vec![reading] }
    }

    /// Glued digit runs of a flattened table whose empty cells left no
    /// trace: every way to cut them into at most `n` parts (none with a
    /// leading zero), within a budget.
    pub fn glued(row: usize, values: Vec<&'t Token>, n: usize) -> Short<'t> {
        let runs: Vec<&str> = values.iter().filter_map(|t| t.number().map(|n| n.int.as_str())).collect();
        let mut readings = Vec::new();
        if runs.len() == values.len() {
            for k in runs.len()..=n {
                let found = split_runs(&runs, Arith { groups: &[k], fits: &any_fits }, MAX_PLACEMENTS);
                for parts in found.splits {
                    if let Some(placed) = place_parts(&values, &parts) {
                        readings.push(
                            placed.into_iter().map(|(v, token, at)| Part { token, glued: Some((v, at)) }).collect(),
                        );
                    }
                }
            }
        }
        Short { row, values, readings }
    }
}

/// A way to read a short row: one of its readings, its parts at these
/// columns.
struct Candidate {
    reading: usize,
    at: Vec<usize>,
}

/// At most this many placements of one row are weighed.
const MAX_PLACEMENTS: usize = 10_000;
/// At most this many candidates are listed in a diagnostic.
pub const SHOWN: usize = 5;

/// Whether the table's empty cells leave no trace: a row two or more
/// values short or with none at all, or cells written blank. One row one
/// value short in a table of full rows is a lost value, not this.
pub fn traceless(table: &Table, shorts: &[Short]) -> bool {
    let columns = |s: &Short| table.rows.get(s.row).map_or(0, |r| r.columns.len());
    shorts.iter().any(|s| s.values.is_empty() || s.values.len() + 2 <= columns(s) || s.is_glued())
        || table.rows.iter().any(|r| r.cells.iter().any(|c| c.state == CellState::Blank))
}

impl Short<'_> {
    fn is_glued(&self) -> bool {
        self.readings.iter().flatten().any(|p| p.glued.is_some())
    }

    /// The row's cells as candidate `c` reads them, empty cells as 0.
    fn vector(&self, c: &Candidate, n: usize) -> Vec<i64> {
        let mut out = vec![0; n];
        for (part, &column) in self.readings[c.reading].iter().zip(&c.at) {
            out[column] = part.value().unwrap_or(i64::MIN / 4);
        }
        out
    }

    /// What candidate `c` puts in `column`.
    fn at(&self, c: &Candidate, column: usize) -> Option<Part<'_>> {
        c.at.iter().position(|&x| x == column).map(|i| self.readings[c.reading][i])
    }

    /// Every candidate that keeps the row's own sums.
    fn candidates(&self, n: usize, sums: &RowSums) -> Vec<Candidate> {
        let mut out = Vec::new();
        for (reading, parts) in self.readings.iter().enumerate() {
            for at in placements(parts.len(), n) {
                let c = Candidate { reading, at };
                if sums.hold(&self.vector(&c, n)) {
                    out.push(c);
                }
                if out.len() >= MAX_PLACEMENTS {
                    return out;
                }
            }
        }
        out
    }
}

impl Part<'_> {
    /// The part's whole number (a blank mark is 0).
    fn value(&self) -> Option<i64> {
        match self.glued {
            Some((v, _)) => Some(v),
            None => whole(self.token),
        }
    }

    /// Whether two readings give the same cell: the same number from the
    /// same place, or both empty.
    fn same(a: Option<Part>, b: Option<Part>) -> bool {
        let empty = |p: Option<Part>| p.is_none_or(|p| p.token.number().is_none());
        match (a, b) {
            (Some(a), Some(b)) if a.token.number().is_some() && b.token.number().is_some() => {
                std::ptr::eq(a.token, b.token) && a.glued == b.glued
            }
            (a, b) => empty(a) && empty(b),
        }
    }

    fn read(&self, cell: &mut Cell, column: &Column, norm: &Normalised) {
        match self.glued {
            Some((v, offset)) => *cell = cell_from_part(column.key, column.kind, v, self.token, offset, norm),
            None => read_cell(cell, column.kind, self.token, norm),
        }
    }
}

/// Places the short rows of a grid table (see the module's doc), or says
/// each is one value short when the table keeps its empty cells' traces.
pub fn place(
    table: &mut Table,
    grid: &'static GridSpec,
    shorts: Vec<Short>,
    glue: Glue,
    norm: &Normalised,
    layout: Layout,
) {
    let Layout { step, header, full } = layout;
    if shorts.is_empty() {
        return;
    }
    if !traceless(table, &shorts) {
        for s in &shorts {
            if let Some(row) = table.rows.get_mut(s.row) {
                count_mismatch(row, &s.values, glue, norm);
            }
        }
        return;
    }
    let sums = RowSums::of(grid);
    let usual: Vec<usize> =
        grid.usually_blank.iter().filter_map(|k| grid.columns.iter().position(|c| c.key == *k)).collect();
    let n = grid.columns.len();
    // Each short row's candidates that keep its own sums…
    let mut candidates: Vec<Vec<Candidate>> = shorts.iter().map(|s| s.candidates(n, &sums)).collect();
    // …and of those, the ones the columns' positions in laid-out text allow.
    let mut by_layout = vec![false; shorts.len()];
    let allowed = by_positions(table, grid, &shorts, &candidates, &full, norm);
    for ((c, allowed), narrowed) in candidates.iter_mut().zip(allowed).zip(&mut by_layout) {
        if let Some(allowed) = allowed.filter(|a| !a.is_empty() && a.len() < c.len()) {
            *c = std::mem::take(c)
                .into_iter()
                .enumerate()
                .filter(|(k, _)| allowed.contains(k))
                .map(|(_, c)| c)
                .collect();
            *narrowed = true;
        }
    }
    // Where the header's words stand: each short row's values under them,
    // taken only when the header places every such row (its values on one
    // line) and each so placed keeps its own sums. A header out of line
    // with its values (`pdftotext -layout` spaces each line on its own
    // scale) leaves some row's values under no name, or puts a total
    // elsewhere; rows of zeros keep any sums, so they alone prove nothing.
    let one_line =
        |s: &Short| !s.is_glued() && s.values.first().is_some_and(|f| s.values.iter().all(|t| t.line == f.line));
    let rows: Vec<&[&Token]> = shorts.iter().filter(|s| one_line(s)).map(|s| &s.values[..]).collect();
    let aligned = header.as_deref().is_some_and(|h| left_aligned(&rows, h, norm));
    let under_header: Vec<Option<Vec<usize>>> = shorts
        .iter()
        .map(|s| {
            let h = header.as_deref().filter(|_| one_line(s))?;
            by_header(&s.values, h, norm, Metric::Display, aligned)
        })
        .collect();
    // A row that keeps its own sums in no placement (a report that left its
    // totals blank: `（一）予以公开 258 12 1 1`) proves nothing of the header
    // either way; the rows that keep them must each stand under it.
    let header_holds = shorts.iter().zip(&under_header).zip(&candidates).all(|((s, at), c)| match at {
        Some(at) => c.is_empty() || c.iter().any(|c| c.reading == 0 && &c.at == at),
        None => !one_line(s),
    }) && shorts
        .iter()
        .zip(&under_header)
        .zip(&candidates)
        .any(|((s, at), c)| at.is_some() && !c.is_empty() && any_not_zero(&s.values));
    let mut consensus: Vec<Option<Vec<usize>>> = vec![None; shorts.len()];
    // The candidates of the usual placement's least cost, when more than one.
    let mut preferred: Vec<Option<Vec<usize>>> = vec![None; shorts.len()];
    // One way only: the row's own sums place it. Several: the columns' sums
    // over every row, then the layout's gaps, then the usual empty columns.
    // None: the header's words, where it holds (the sums' rules then say
    // what the row breaks).
    let mut chosen: Vec<Option<(usize, Placement)>> = candidates
        .iter()
        .zip(&by_layout)
        .map(|(c, &laid)| (c.len() == 1).then_some((0, if laid { Placement::Layout } else { Placement::Arithmetic })))
        .collect();
    // Rows placed so, keeping no sums of their own: taken once the other
    // rows are placed (the columns' sums are no guide to those with these).
    let mut unkept = vec![false; shorts.len()];
    for ((c, at), unkept) in candidates.iter_mut().zip(&under_header).zip(&mut unkept) {
        if let Some(at) = at.as_ref().filter(|_| header_holds && c.is_empty()) {
            c.push(Candidate { reading: 0, at: at.clone() });
            *unkept = true;
        }
    }
    let open: Vec<usize> = (0..shorts.len()).filter(|&i| chosen[i].is_none() && candidates[i].len() > 1).collect();
    if !open.is_empty() {
        let splits: Vec<Vec<Vec<i64>>> =
            open.iter().map(|&i| candidates[i].iter().map(|c| shorts[i].vector(c, n)).collect()).collect();
        let unknowns: Vec<Unknown> =
            open.iter().zip(&splits).map(|(&i, s)| Unknown { row: shorts[i].row, splits: s }).collect();
        let fixed = fixed_values(table, &shorts, &candidates, &chosen, &[], n);
        let known = |row: usize, column: usize| fixed.get(row).and_then(|r| r.get(column)).copied().flatten();
        let joint = solve(&known, &unknowns, &arith::column_equations(grid, &table.rows));
        for (u, &i) in open.iter().enumerate() {
            if let Some(k) = joint.settled[u] {
                chosen[i] = Some((k, Placement::Arithmetic));
                continue;
            }
            let consistent: Vec<usize> = if joint.consistent[u].is_empty() {
                (0..candidates[i].len()).collect()
            } else {
                joint.consistent[u].clone()
            };
            consensus[i] = Some(consistent.clone());
            // Laid-out text: of those, the one its gaps allow.
            let plain = !shorts[i].is_glued();
            if let Some(allowed) = step.filter(|_| plain).and_then(|step| by_gaps(&shorts[i].values, n, step, norm)) {
                let fits: Vec<usize> =
                    consistent.iter().copied().filter(|&k| allowed.contains(&candidates[i][k].at)).collect();
                if let [only] = fits[..] {
                    chosen[i] = Some((only, Placement::Layout));
                    continue;
                }
            }
            // Laid-out text with a header: the one under its words.
            if let Some(at) = under_header[i].as_ref().filter(|_| header_holds) {
                let fits: Vec<usize> = consistent.iter().copied().filter(|&k| &candidates[i][k].at == at).collect();
                if let [only] = fits[..] {
                    chosen[i] = Some((only, Placement::Layout));
                    continue;
                }
            }
            // The usual placement: the fewest values where reports leave cells empty.
            let cost = |k: usize| candidates[i][k].at.iter().filter(|c| usual.contains(c)).count();
            if let Some(least) = consistent.iter().map(|&k| cost(k)).min() {
                let best: Vec<usize> = consistent.iter().copied().filter(|&k| cost(k) == least).collect();
                if let [only] = best[..] {
                    chosen[i] = Some((only, Placement::Usual));
                } else {
                    preferred[i] = Some(best);
                }
            }
        }
    }
    // A usual placement that breaks a column's sums the table otherwise keeps
    // (with the cells its other rows' usual placements agree on) is no
    // placement; nor is one under the header of a row that keeps no sums,
    // its blank total not counted (a header a column off its values would
    // move one into a column whose sums the table keeps).
    for (chosen, _) in chosen.iter_mut().zip(&unkept).filter(|(_, &u)| u) {
        *chosen = Some((0, Placement::Layout));
    }
    let mut fixed = fixed_values(table, &shorts, &candidates, &chosen, &preferred, n);
    for (i, s) in shorts.iter().enumerate().filter(|&(i, _)| unkept[i]) {
        let Some(cells) = fixed.get_mut(s.row) else { continue };
        for total in sums.totals().filter(|k| !candidates[i][0].at.contains(k)) {
            cells[total] = None;
        }
    }
    for (i, s) in shorts.iter().enumerate() {
        let checked = unkept[i] || matches!(chosen[i], Some((_, Placement::Usual)));
        if checked && breaks_columns(grid, &table.rows, &fixed, Some(s.row)) {
            chosen[i] = None;
            if unkept[i] {
                candidates[i].clear();
            }
        }
    }
    for (i, s) in shorts.iter().enumerate() {
        let Some(row) = table.rows.get_mut(s.row) else { continue };
        let columns = row.columns;
        match chosen[i] {
            Some((k, how)) => {
                let c = &candidates[i][k];
                fill_placed(row, &s.readings[c.reading], &c.at, norm);
                if !s.values.is_empty() {
                    row.issues.push(RowIssue::Placed { how });
                }
            }
            None => {
                // What every candidate still possible agrees on is read: the
                // same value in a cell, or a cell blank in every one.
                let open: Vec<&Candidate> = match &consensus[i] {
                    Some(ks) => ks.iter().map(|&k| &candidates[i][k]).collect(),
                    None => candidates[i].iter().collect(),
                };
                let mut settled = 0;
                if let Some((first, rest)) = open.split_first() {
                    for (column, spec) in columns.iter().enumerate() {
                        if rest.iter().all(|c| Part::same(s.at(c, column), s.at(first, column))) {
                            settled += 1;
                            match s.at(first, column) {
                                Some(part) => part.read(&mut row.cells[column], spec, norm),
                                None => {
                                    row.cells[column].state = CellState::Blank;
                                    row.cells[column].line = row.line;
                                }
                            }
                        }
                    }
                }
                if settled == columns.len() {
                    // Every cell is the same whichever the candidate.
                    row.issues.push(RowIssue::Placed { how: Placement::Arithmetic });
                    continue;
                }
                if s.is_glued() {
                    row.issues.push(RowIssue::Ambiguous {
                        digits: s.values.iter().map(|t| &norm.text[t.start..t.end]).collect::<Vec<_>>().join(" "),
                        candidates: open.iter().take(MAX_CANDIDATES).map(|c| s.vector(c, n)).collect(),
                        line: row.line,
                        span: run_span(&s.values, norm),
                    });
                    continue;
                }
                let name = |c: &Candidate| -> Vec<ColKey> { c.at.iter().map(|&x| columns[x].key).collect() };
                row.issues.push(RowIssue::Unplaced {
                    values: s.values.iter().map(|t| norm.text[t.start..t.end].to_string()).collect(),
                    candidates: candidates[i].iter().take(SHOWN).map(name).collect(),
                    more: candidates[i].len() > SHOWN,
                    line: row.line,
                    span: run_span(&s.values, norm),
                });
            }
        }
    }
}

/// Of each short row's candidates, those the positions of the table's
/// columns in laid-out text allow ([`positions::allowed`]), reading the
/// rows that fill every column (`full`) as well; `None` where they say
/// nothing.
fn by_positions(
    table: &Table,
    grid: &'static GridSpec,
    shorts: &[Short],
    candidates: &[Vec<Candidate>],
    full: &[Vec<&Token>],
    norm: &Normalised,
) -> Vec<Option<Vec<usize>>> {
    let n = grid.columns.len();
    let plain = |i: usize| !shorts[i].is_glued() && candidates[i].iter().all(|c| c.reading == 0);
    let mut rows: Vec<positions::LaidRow> = (0..shorts.len())
        .map(|i| positions::LaidRow {
            values: if plain(i) { &shorts[i].values[..] } else { &[] },
            candidates: candidates[i].iter().map(|c| c.at.clone()).collect(),
        })
        .collect();
    rows.extend(
        full.iter()
            .filter(|r| r.len() == n)
            .map(|r| positions::LaidRow { values: &r[..], candidates: vec![(0..n).collect()] }),
    );
    if rows.iter().filter(|r| r.values.len() >= 3).count() < 2 {
        return vec![None; shorts.len()];
    }
    // What each short row's candidates agree on (a row with no value: every
    // cell blank) holds whatever the columns' positions say.
    let every: Vec<Option<Vec<usize>>> = candidates.iter().map(|c| Some((0..c.len()).collect())).collect();
    let known = fixed_values(table, shorts, candidates, &[], &every, n);
    let holds = |open: &[&[usize]]| {
        let mut fixed = known.clone();
        for (i, ks) in open.iter().enumerate().take(shorts.len()) {
            if let (Some(row), false) = (fixed.get_mut(shorts[i].row), ks.is_empty()) {
                *row = agreed(ks.iter().map(|&k| shorts[i].vector(&candidates[i][k], n)), n);
            }
        }
        !breaks_columns(grid, &table.rows, &fixed, None)
    };
    let mut allowed = positions::allowed(&rows, n, &holds, norm);
    allowed.truncate(shorts.len());
    allowed
}

/// Reads a placed row: each part of `reading` into the column `at` gives
/// it, every other cell blank.
fn fill_placed(row: &mut Row, reading: &[Part], at: &[usize], norm: &Normalised) {
    let columns = row.columns;
    for (part, &column) in reading.iter().zip(at) {
        part.read(&mut row.cells[column], &columns[column], norm);
    }
    for (column, cell) in row.cells.iter_mut().enumerate() {
        if !at.contains(&column) {
            cell.state = CellState::Blank;
            cell.line = row.line;
        }
    }
}

/// Places the short rows of a table with no sums to keep (table 二): a row
/// with no value is left empty; one with some is said to be ambiguous, its
/// placements listed; or each is one value short, as [`place`] says.
/// `page_drops_empty`: another table of the page left empty cells with no
/// trace ([`drops_empty_cells`]), so that this one's short rows are read so
/// too.
pub fn place_without_sums(
    table: &mut Table,
    shorts: Vec<Short>,
    glue: Glue,
    page_drops_empty: bool,
    tokens: &[Token],
    norm: &Normalised,
) {
    if shorts.is_empty() {
        return;
    }
    let traceless = glue == Glue::FlattenedSparse || page_drops_empty || traceless(table, &shorts);
    let under = if traceless { under_headers(table, &shorts, tokens, norm) } else { Vec::new() };
    for (i, s) in shorts.iter().enumerate() {
        let Some(row) = table.rows.get_mut(s.row) else { continue };
        if !traceless {
            count_mismatch(row, &s.values, glue, norm);
        } else if s.values.is_empty() {
            for cell in &mut row.cells {
                cell.state = CellState::Blank;
                cell.line = row.line;
            }
        } else if let Some(at) = under.get(i).cloned().flatten() {
            // Laid-out text: the values under their block's header words.
            fill_placed(row, &s.readings[0], &at, norm);
            row.issues.push(RowIssue::Placed { how: Placement::Layout });
        } else {
            let columns = row.columns;
            let all: Vec<Vec<usize>> = placements(s.values.len(), columns.len()).collect();
            row.issues.push(RowIssue::Unplaced {
                values: s.values.iter().map(|t| norm.text[t.start..t.end].to_string()).collect(),
                candidates: all.iter().take(SHOWN).map(|p| p.iter().map(|&c| columns[c].key).collect()).collect(),
                more: all.len() > SHOWN,
                line: row.line,
                span: run_span(&s.values, norm),
            });
        }
    }
}

/// Where each short row of table 二 stands under its block's header words
/// in laid-out text: the columns of its values, or `None`. The text is
/// read in the [`Metric`] that puts more rows' values under header words
/// without standing the values of one column further apart across rows
/// (whose labels differ in length), else in the one that lines them up
/// better; where neither does, a row is placed only when both read it alike.
fn under_headers(table: &Table, shorts: &[Short], tokens: &[Token], norm: &Normalised) -> Vec<Option<Vec<usize>>> {
    let read = |metric: Metric| -> Vec<Option<Under>> {
        shorts
            .iter()
            .map(|s| {
                let row = table.rows.get(s.row)?;
                let first = *s.values.first().filter(|_| !s.is_glued())?;
                let (header_line, header) = block_header(tokens, first, row.columns, norm, metric)?;
                let at = by_header(&s.values, &header, norm, metric, false)?;
                Some(Under { header_line, spans: spans_in(&s.values, norm, metric), at })
            })
            .collect()
    };
    let (display, chars) = (read(Metric::Display), read(Metric::Chars));
    let placed = |u: &[Option<Under>]| u.iter().filter(|u| u.is_some()).count();
    let (d, c) = (misalignment(&display), misalignment(&chars));
    let pick = |u: Vec<Option<Under>>| u.into_iter().map(|u| u.map(|u| u.at)).collect();
    match placed(&display).cmp(&placed(&chars)) {
        Ordering::Greater if d <= c + ROUNDING => pick(display),
        Ordering::Less if c <= d + ROUNDING => pick(chars),
        _ if d + 1.0 <= c => pick(display),
        _ if c + 1.0 <= d => pick(chars),
        _ => display
            .into_iter()
            .zip(chars)
            .map(|(d, c)| match (d, c) {
                (Some(d), Some(c)) if d.at == c.at => Some(d.at),
                _ => None,
            })
            .collect(),
    }
}

/// How far apart values of one column may stand across rows and be as
/// well lined up: a centre rounded to whole columns moves by half of one.
const ROUNDING: f32 = 0.5;

/// A short row's values under its block's header: the header's line, the
/// values' spans and the columns they stand in.
struct Under {
    header_line: usize,
    spans: Vec<(f32, f32)>,
    at: Vec<usize>,
}

/// How far values placed in one column stand apart across rows: for each
/// (block, column), the spread of their starts, centres or ends (whichever
/// the cells align by), summed.
fn misalignment(under: &[Option<Under>]) -> f32 {
    // ((header line, column), the spans of the values placed there)
    type Group = ((usize, usize), Vec<(f32, f32)>);
    let mut groups: Vec<Group> = Vec::new();
    for u in under.iter().flatten() {
        for (&column, &span) in u.at.iter().zip(&u.spans) {
            let key = (u.header_line, column);
            match groups.iter_mut().find(|g| g.0 == key) {
                Some(g) => g.1.push(span),
                None => groups.push((key, vec![span])),
            }
        }
    }
    let spread = |spans: &[(f32, f32)], at: fn(&(f32, f32)) -> f32| {
        let (lo, hi) = spans.iter().map(at).fold((f32::MAX, f32::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
        hi - lo
    };
    groups
        .iter()
        .map(|(_, spans)| spread(spans, |s| s.0).min(spread(spans, |s| (s.0 + s.1) / 2.0)).min(spread(spans, |s| s.1)))
        .sum()
}

/// Whether a read table shows that its page leaves empty cells with no
/// trace: some row's values were placed by arithmetic, or could not be.
pub fn drops_empty_cells(table: &Table) -> bool {
    table.rows.iter().flat_map(|r| &r.issues).any(|i| matches!(i, RowIssue::Placed { .. } | RowIssue::Unplaced { .. }))
}

/// Every way to put `k` values (in order) into `n` columns, as their
/// column indices, up to [`MAX_PLACEMENTS`].
pub fn placements(k: usize, n: usize) -> impl Iterator<Item = Vec<usize>> {
    let mut current: Option<Vec<usize>> = (k <= n).then(|| (0..k).collect());
    std::iter::from_fn(move || {
        let out = current.clone()?;
        // The next combination in lexicographic order.
        let mut next = out.clone();
        let mut i = k;
        loop {
            if i == 0 {
                current = None;
                break;
            }
            i -= 1;
            if next[i] < n - k + i {
                next[i] += 1;
                for j in i + 1..k {
                    next[j] = next[j - 1] + 1;
                }
                current = Some(next);
                break;
            }
        }
        Some(out)
    })
    .take(MAX_PLACEMENTS)
}

/// What laid-out text says of where a table's columns are: the step
/// between neighbours ([`layout_step`]) and where the header names each
/// column ([`header_spans`]).
/// `full`: the rows that fill every column, as their values.
#[derive(Default)]
pub struct Layout<'t> {
    pub step: Option<f32>,
    pub header: Option<Vec<(f32, f32)>>,
    pub full: Vec<Vec<&'t Token>>,
}

/// Where a grid's columns stand in laid-out text (`pdftotext -layout`, the
/// app's PDF text): the span (from, to, in columns) of each one's name in
/// its header (the tokens before the table's first number), whole or its
/// first part (`商业` over `企业`; one character, `其` over `他`, beside
/// another name on its line). `None` unless every column is found once, left to right, on a
/// line spaced out (runs of two spaces or more between its words).
pub fn header_spans(tokens: &[Token], grid: &GridSpec, norm: &Normalised) -> Option<Vec<(f32, f32)>> {
    let text = &norm.text;
    let first_number = first_cell_number(tokens, text)?;
    let stop = tokens[first_number].line;
    let header: Vec<&Token> =
        tokens[..first_number].iter().filter(|t| t.line < stop && matches!(t.kind, Kind::Text)).collect();
    let mut found: Vec<Option<(usize, (f32, f32))>> = vec![None; grid.columns.len()];
    for (k, column) in grid.columns.iter().enumerate() {
        for t in &header {
            let word = &text[t.start..t.end];
            let names = names_column(word, column.label);
            let first_char = word.chars().count() == 1 && column.label.starts_with(word) && {
                let others = header.iter().filter(|o| o.line == t.line && !std::ptr::eq(**o, *t));
                others.filter(|o| grid.columns.iter().any(|c| c.label.starts_with(&text[o.start..o.end]))).count() >= 1
            };
            if names || first_char {
                match found[k] {
                    // Two places for one name: no header to go by.
                    Some((line, _)) if line == t.line => return None,
                    Some(_) => {}
                    None => found[k] = Some((t.line, spans(&[t], norm)[0])),
                }
            }
        }
    }
    // A long name not found alone: its first two characters inside a word
    // (the app's PDF text runs narrow header cells together:
    // `商业企科研机社会公益`).
    for (k, column) in grid.columns.iter().enumerate() {
        if found[k].is_some() || column.label.chars().count() < 4 {
            continue;
        }
        let prefix = &column.label[..column.label.char_indices().nth(2).map_or(column.label.len(), |(i, _)| i)];
        let mut inside = header.iter().filter_map(|t| {
            let at = t.start + find::find(&text[t.start..t.end], prefix)?;
            let part = Token { kind: Kind::Text, start: at, end: at + prefix.len(), line: t.line };
            Some((t.line, spans(&[&part], norm)[0]))
        });
        found[k] = inside.next();
    }
    // A name still not found: a word of it that no other name has, where
    // the header stacks a narrow column's name a character or two a line
    // (`自` `然` `人`, each at the column's place).
    for (k, slot) in found.iter_mut().enumerate().filter(|(_, f)| f.is_none()) {
        *slot = header
            .iter()
            .find(|t| only_column(&text[t.start..t.end], grid.columns) == Some(k))
            .map(|t| (t.line, spans(&[t], norm)[0]));
    }
    let spans: Vec<(f32, f32)> = found.iter().map(|f| f.map(|(_, s)| s)).collect::<Option<_>>()?;
    let spaced = header.windows(2).any(|w| {
        w[0].line == w[1].line
            && text.get(w[0].end..w[1].start).is_some_and(|b| b.len() >= 2 && b.bytes().all(|b| b == b' '))
    });
    (spaced && spans.windows(2).all(|w| w[0].1 <= w[1].0)).then_some(spans)
}

/// Whether a header word names a column: its whole label, or the label's
/// first two characters or more (a name wrapped over lines).
fn names_column(word: &str, label: &str) -> bool {
    // The name before its unit (`采购总金额` of 采购总金额（元）), which a
    // header may write with a unit of its own (`采购总金额(单位:元)`).
    let stem = label.split(['(', '（']).next().unwrap_or(label);
    word == label
        || (label.starts_with(word) && word.chars().count() >= 2)
        || (stem.len() < label.len() && stem.chars().count() >= 2 && word.starts_with(stem))
}

/// The one column whose label has `word` in it, when no other's has
/// (`人` of 自然人, `制作数量` of 本年新制作数量 where the names' first
/// lines are alike).
pub(super) fn only_column(word: &str, columns: &[Column]) -> Option<usize> {
    let mut having = columns.iter().enumerate().filter(|(_, c)| c.label.len() >= word.len() && c.label.contains(word));
    match (having.next(), having.next()) {
        (Some((k, _)), None) => Some(k),
        _ => None,
    }
}

/// The one column with `word` in its label, when `word` is a part of two
/// characters or more (`制作数量`) that no other column's label has: a
/// header's word that names its column even where it is not the label's
/// start.
pub(super) fn column_by_part(word: &str, columns: &[Column]) -> Option<usize> {
    word.chars().nth(1).and_then(|_| only_column(word, columns))
}

/// How far above a table 二 row its block's header is looked for (lines).
const BLOCK_HEADER_LINES: usize = 6;

/// Where a table 二 block's columns stand in laid-out text: the spans of
/// their names on the nearest line above `first` (a row's first value) of
/// words only, that names each column once, in order, spaced out as laid-out
/// text is (runs of two spaces or more between its words).
fn block_header(
    tokens: &[Token],
    first: &Token,
    columns: &[Column],
    norm: &Normalised,
    metric: Metric,
) -> Option<(usize, Vec<(f32, f32)>)> {
    // Names by their starts first; by a part only they have when no line
    // names them so (a header of two lines whose first are alike).
    block_header_by(tokens, first, columns, norm, metric, false)
        .or_else(|| block_header_by(tokens, first, columns, norm, metric, true))
        .or_else(|| block_header_wrapped(lines_above(tokens, first), columns, norm, metric))
}

/// The lines above `first` (a row's first value), nearest first, each with
/// its tokens: at most [`BLOCK_HEADER_LINES`], `first`'s own not counted.
fn lines_above<'t>(tokens: &'t [Token], first: &Token) -> impl Iterator<Item = (usize, &'t [Token])> {
    let mut end = tokens.partition_point(|t| t.start < first.start);
    let own = first.line;
    std::iter::from_fn(move || {
        let line = tokens[..end].last()?.line;
        let start = tokens[..end].iter().rposition(|t| t.line != line).map_or(0, |p| p + 1);
        let words = &tokens[start..end];
        end = start;
        Some((line, words))
    })
    .take(BLOCK_HEADER_LINES)
    .filter(move |(line, _)| *line != own)
}

/// A table 二 block's header whose names wrap over lines of their own
/// (`采购项` / `采购总金额（单位：元）` / `目数量`, a PDF's text): each
/// column's name nearest above the row on the lines of words only, by its
/// start or a part only it has, the names left to right as `metric` counts
/// each from its own line's start. The header's line is the nearest.
fn block_header_wrapped<'t>(
    above: impl Iterator<Item = (usize, &'t [Token])>,
    columns: &[Column],
    norm: &Normalised,
    metric: Metric,
) -> Option<(usize, Vec<(f32, f32)>)> {
    let text = &norm.text;
    let mut named: Vec<Option<&Token>> = vec![None; columns.len()];
    for (_, words) in above {
        if words.iter().any(|t| !matches!(t.kind, Kind::Text)) || named.iter().all(Option::is_some) {
            break;
        }
        for (k, column) in columns.iter().enumerate() {
            if named[k].is_some() {
                continue;
            }
            let mut naming = words.iter().filter(|t| {
                let word = &text[t.start..t.end];
                names_column(word, column.label) || column_by_part(word, columns) == Some(k)
            });
            if let (Some(t), None) = (naming.next(), naming.next()) {
                named[k] = Some(t);
            }
        }
    }
    let named: Vec<&Token> = named.into_iter().collect::<Option<_>>()?;
    let spans: Vec<(f32, f32)> = named.iter().map(|t| spans_in(&[t], norm, metric)[0]).collect();
    let line = named.iter().map(|t| t.line).max()?;
    let wrapped = named.iter().any(|t| t.line != line);
    (wrapped && spans.windows(2).all(|w| w[0].1 <= w[1].0)).then_some((line, spans))
}

fn block_header_by(
    tokens: &[Token],
    first: &Token,
    columns: &[Column],
    norm: &Normalised,
    metric: Metric,
    by_part: bool,
) -> Option<(usize, Vec<(f32, f32)>)> {
    let text = &norm.text;
    for (line, words) in lines_above(tokens, first) {
        if words.iter().any(|t| !matches!(t.kind, Kind::Text)) {
            continue;
        }
        let mut named: Vec<&Token> = Vec::with_capacity(columns.len());
        for (k, column) in columns.iter().enumerate() {
            let by_part = |word: &str| by_part && column_by_part(word, columns) == Some(k);
            let mut naming = words.iter().filter(|t| {
                let word = &text[t.start..t.end];
                names_column(word, column.label) || by_part(word)
            });
            match (naming.next(), naming.next()) {
                (Some(t), None) => named.push(t),
                _ => break,
            }
        }
        if named.len() < columns.len() {
            continue;
        }
        let spaced = named
            .windows(2)
            .all(|w| text.get(w[0].end..w[1].start).is_some_and(|b| b.len() >= 2 && b.bytes().all(|b| b == b' ')));
        let spans = spans_in(&named, norm, metric);
        if spaced && spans.windows(2).all(|w| w[0].1 <= w[1].0) {
            return Some((line, spans));
        }
        if !by_part {
            return None;
        }
    }
    None
}

/// Whether a table's values stand where its column names start: most of
/// them (a share [`LEFT_ALIGNED`]) start exactly where some name does, as
/// on a page whose cells are all aligned left, laid out on one grid (the
/// app's PDF text). `pdftotext -layout` squeezes a header onto a scale of
/// its own, so its values seldom do.
fn left_aligned(rows: &[&[&Token]], header: &[(f32, f32)], norm: &Normalised) -> bool {
    let (mut on_a_start, mut all) = (0, 0);
    for values in rows {
        for (from, _) in spans_in(values, norm, Metric::Display) {
            all += 1;
            on_a_start += usize::from(header.iter().any(|h| h.0 == from));
        }
    }
    all > 0 && on_a_start as f32 >= LEFT_ALIGNED * all as f32
}

/// The columns a line's values stand under, left to right: each under a
/// column whose name spans its centre (give or take [`HEADER_MARGIN`]).
/// A value at the edge of two names (laid-out text rounds positions to
/// whole columns) is under the one whose name spans its start, or else the
/// one its neighbours leave it, left to right; `None` where a value is
/// under none, or where more than one reading stays, as `metric` counts.
///
/// `aligned` ([`left_aligned`]): a value that starts under no name is under
/// the one name whose start is at most [`ALIGNED_SLACK`] from its own
/// (a value a column left of its name, as the grid rounds them).
pub(super) fn by_header(
    values: &[&Token],
    header: &[(f32, f32)],
    norm: &Normalised,
    metric: Metric,
    aligned: bool,
) -> Option<Vec<usize>> {
    let first = values.first()?;
    if !values.iter().all(|t| t.line == first.line) {
        return None;
    }
    let under: Vec<Vec<usize>> = spans_in(values, norm, metric)
        .into_iter()
        .map(|(from, to)| {
            let p = (from + to) / 2.0;
            let near: Vec<usize> = (0..header.len())
                .filter(|&k| (header[k].0 - HEADER_MARGIN..=header[k].1 + HEADER_MARGIN).contains(&p))
                .collect();
            let starting: Vec<usize> =
                near.iter().copied().filter(|&k| (header[k].0..header[k].1).contains(&from)).collect();
            let by_start: Vec<usize> =
                near.iter().copied().filter(|&k| aligned && (header[k].0 - from).abs() <= ALIGNED_SLACK).collect();
            if near.len() > 1 && !starting.is_empty() {
                starting
            } else if near.len() > 1 && by_start.len() == 1 {
                by_start
            } else {
                near
            }
        })
        .collect();
    let mut found: Option<Vec<usize>> = None;
    let mut at: Vec<usize> = Vec::with_capacity(values.len());
    if readings_in_order(&under, &mut at, &mut found) {
        found
    } else {
        None
    }
}

/// Every way to take one column from each value's choices, left to right;
/// `found` the only one. False once a second one is found.
fn readings_in_order(under: &[Vec<usize>], at: &mut Vec<usize>, found: &mut Option<Vec<usize>>) -> bool {
    let Some(choices) = under.get(at.len()) else {
        if found.is_some() {
            return false;
        }
        *found = Some(at.clone());
        return true;
    };
    for &k in choices {
        if at.last().is_some_and(|&last| last >= k) {
            continue;
        }
        at.push(k);
        let unique = readings_in_order(under, at, found);
        at.pop();
        if !unique {
            return false;
        }
    }
    true
}

/// Laid-out text (`pdftotext -layout`) keeps its empty cells as wider
/// gaps: the width of one column's step, from the rows that fill every
/// column on one line (the median of their gaps; two rows at least).
/// Each line is laid out on its own scale, so positions are compared only
/// within a line.
///
/// Text that only separates its values (one space, a tab: a PDF's raw
/// text, a copy) is not laid out, whatever its gaps measure: its full rows
/// must part their values by runs of two spaces or more.
pub fn layout_step(full_rows: &[Vec<&Token>], n: usize, norm: &Normalised) -> Option<f32> {
    let mut gaps: Vec<f32> = Vec::new();
    let mut rows = 0;
    let mut spaced = 0;
    let mut pairs = 0;
    for r in full_rows.iter().filter(|r| r.len() == n && r.iter().all(|t| t.line == r[0].line)) {
        rows += 1;
        let centres = centres(r, norm);
        for (k, w) in r.windows(2).enumerate() {
            gaps.push(centres[k + 1] - centres[k]);
            pairs += 1;
            let between = norm.text.get(w[0].end..w[1].start).unwrap_or("");
            if between.len() >= 2 && between.bytes().all(|b| b == b' ') {
                spaced += 1;
            }
        }
    }
    let laid_out = spaced * 2 > pairs;
    (rows >= 2 && laid_out).then(|| median(&mut gaps)).flatten().filter(|&g| g >= 2.0)
}

fn median(values: &mut [f32]) -> Option<f32> {
    values.sort_by(|a, b| a.total_cmp(b));
    values.get(values.len() / 2).copied()
}

/// How laid-out text counts a line's columns. The core's PDF text
/// ([`crate::input::pdf_text`]) gives a wide (Chinese) character two, as
/// it takes on the page; `pdftotext -layout` gives every character one,
/// starting each word where its x puts it, so that a line of long Chinese
/// labels is as wide as one of short ones.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Metric {
    Display,
    Chars,
}

impl Metric {
    fn width(self, norm: &Normalised, start: usize, end: usize) -> usize {
        match self {
            Metric::Display => written_width(norm, start, end),
            Metric::Chars => norm.text[start..end].chars().count(),
        }
    }
}

/// The centres of tokens on one line, in columns from the line's start (a
/// Chinese character two columns wide).
fn centres(tokens: &[&Token], norm: &Normalised) -> Vec<f32> {
    spans_in(tokens, norm, Metric::Display).into_iter().map(|(a, b)| (a + b) / 2.0).collect()
}

/// The spans (from, to, in columns) of words on one line.
pub fn spans(words: &[&Token], norm: &Normalised) -> Vec<(f32, f32)> {
    spans_in(words, norm, Metric::Display)
}

/// The spans (from, to) of words, in columns as `metric` counts them from
/// the start of each word's line, measured in one pass over a line when
/// they stand in order (not from the line's start for each word).
pub(super) fn spans_in(words: &[&Token], norm: &Normalised, metric: Metric) -> Vec<(f32, f32)> {
    let text = &norm.text;
    let Some(first) = words.first() else { return Vec::new() };
    let start_of = |t: &Token| text[..t.start].rfind('\n').map_or(0, |p| p + 1);
    let mut line_start = start_of(first);
    let (mut at, mut before, mut line) = (line_start, 0, first.line);
    words
        .iter()
        .map(|t| {
            if t.line != line {
                // Another line: measured from its start.
                (line_start, line) = (start_of(t), t.line);
                (at, before) = (line_start, 0);
            } else if t.start < at {
                // Out of order: measured again from the line's start.
                (at, before) = (line_start, 0);
            }
            before += metric.width(norm, at, t.start);
            at = t.start;
            (before as f32, (before + metric.width(norm, t.start, t.end)) as f32)
        })
        .collect()
}

/// The columns a range of the normalised text took as written: a
/// full-width form folded to its ASCII twin (`（`, `：`, `６`: three bytes
/// become one) still takes two.
fn written_width(norm: &Normalised, start: usize, end: usize) -> usize {
    let folded = (norm.original_offset(end) - norm.original_offset(start)).saturating_sub(end - start);
    laid_out_width(&norm.text[start..end]) + folded / 2
}

/// How far a gap may be from a whole number of steps.
const STEP_SLACK: f32 = 0.35;

/// The placements the gaps between a line's values allow: each gap a whole
/// number of the table's column steps, the empty columns before and after
/// open. A line's own gaps are no scale: a row whose every gap spans two
/// columns looks like a row of neighbours.
fn by_gaps(values: &[&Token], n: usize, step: f32, norm: &Normalised) -> Option<Vec<Vec<usize>>> {
    let first = values.first()?;
    if values.len() < 2 || !values.iter().all(|t| t.line == first.line) {
        return None;
    }
    let gaps: Vec<f32> = centres(values, norm).windows(2).map(|w| w[1] - w[0]).collect();
    let mut at = vec![0usize];
    for g in &gaps {
        let steps = *g / step;
        let whole = steps.round();
        if whole < 1.0 || (steps - whole).abs() > STEP_SLACK {
            return None;
        }
        at.push(at.last()? + whole as usize);
    }
    let span = at.last()? + 1;
    (span <= n).then(|| (0..=n - span).map(|o| at.iter().map(|p| p + o).collect()).collect())
}

/// A row's values placed at `at`, empty cells as 0.
pub fn vector(values: &[&Token], at: &[usize], n: usize) -> Vec<i64> {
    let mut out = vec![0; n];
    for (t, &c) in values.iter().zip(at) {
        out[c] = whole(t).unwrap_or(i64::MIN / 4);
    }
    out
}

/// Whether some value is a whole number other than 0: values of zeros (or
/// blank marks) keep any sums, so alone they prove no placement by position.
pub fn any_not_zero(values: &[&Token]) -> bool {
    values.iter().any(|t| whole(t).is_some_and(|v| v != 0))
}

/// A token's whole number (a blank mark is 0).
pub fn whole(t: &Token) -> Option<i64> {
    match &t.kind {
        Kind::Blank | Kind::Empty(_) => Some(0),
        Kind::Number(n) if n.frac.is_none() && n.unit.is_none() => {
            n.int.as_str().parse::<i64>().ok().map(|v| if n.negative { -v } else { v })
        }
        _ => None,
    }
}

/// Every row's values as far as known: given cells, blank cells as 0, the
/// short rows as chosen so far; `None` where not known.
/// Each row's values as far as they are known: the cells read, the short
/// rows' chosen placements, and where a short row has none, the cells on
/// which all its `preferred` candidates agree.
fn fixed_values(
    table: &Table,
    shorts: &[Short],
    candidates: &[Vec<Candidate>],
    chosen: &[Option<(usize, Placement)>],
    preferred: &[Option<Vec<usize>>],
    n: usize,
) -> Vec<Vec<Option<i64>>> {
    let mut out: Vec<Vec<Option<i64>>> =
        table.rows.iter().map(|r| r.cells.iter().map(Cell::counted).collect()).collect();
    for (i, s) in shorts.iter().enumerate() {
        let Some(row) = out.get_mut(s.row) else { continue };
        *row = match (chosen.get(i).copied().flatten(), preferred.get(i).and_then(Option::as_ref)) {
            (Some((k, _)), _) => s.vector(&candidates[i][k], n).into_iter().map(Some).collect(),
            (None, Some(best)) => agreed(best.iter().map(|&k| s.vector(&candidates[i][k], n)), n),
            (None, None) => vec![None; n],
        };
    }
    out
}

/// The cells on which rows read in several ways agree; `None` where they
/// differ.
fn agreed(vectors: impl Iterator<Item = Vec<i64>>, n: usize) -> Vec<Option<i64>> {
    let mut out: Option<Vec<Option<i64>>> = None;
    for v in vectors {
        match &mut out {
            None => out = Some(v.into_iter().map(Some).collect()),
            Some(o) => o.iter_mut().zip(v).filter(|(a, b)| **a != Some(*b)).for_each(|(a, _)| *a = None),
        }
    }
    out.unwrap_or_else(|| vec![None; n])
}

/// Whether a column sum of the grid (one that involves row `row`, when
/// given) fails with the values known.
fn breaks_columns(grid: &'static GridSpec, rows: &[Row], fixed: &[Vec<Option<i64>>], row: Option<usize>) -> bool {
    let key = row.map(|row| rows.get(row).map(|r| r.key));
    grid.sums().iter().any(|inst| {
        let Along::Column(column) = inst.along else { return false };
        let c = grid.columns.iter().position(|k| k.key == column);
        if let Some(key) = key {
            if !inst.cells().any(|(r, _)| Some(r) == key) {
                return false;
            }
        }
        let value = |(r, _): (crate::template::RowKey, ColKey)| {
            let i = rows.iter().position(|x| x.key == r)?;
            fixed.get(i)?.get(c?).copied().flatten()
        };
        inst.sides(&value).is_some_and(|(l, r)| l != r)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sample as `pdftotext -raw` gives it: the empty cells leave nothing.
    fn raw(sample: &crate::testing::Sample) -> String {
        let line = |l: &str| l.split('\t').filter(|f| !f.is_empty()).collect::<Vec<_>>().join(" ") + "\n";
        sample.text().lines().map(line).collect()
    }

    #[test]
    fn the_usual_column_is_not_taken_where_the_columns_sums_say_otherwise() {
        use crate::template::keys::requests as q;
        use crate::template::v2021::V2021;
        use crate::template::{ColKey, TableId};
        use crate::testing::Sample;
        let t = TableId::Requests;
        let mut sample = Sample::new(&V2021);
        for row in V2021.requests.rows {
            for c in V2021.requests.columns {
                sample = sample.cell(t, row.key, c.key, "");
            }
        }
        // 四's `5 5` beside its total: 自然人 would break 自然人's 一+二 = 七+四.
        let given: [(_, &[(ColKey, &str)]); 5] = [
            (q::NEW, &[(q::NATURAL_PERSON, "10"), (q::COMMERCIAL, "2"), (q::TOTAL, "12")]),
            (q::CARRIED_OVER, &[(q::NATURAL_PERSON, "3"), (q::PUBLIC_INTEREST, "5"), (q::TOTAL, "8")]),
            (q::GRANTED, &[(q::NATURAL_PERSON, "13"), (q::COMMERCIAL, "2"), (q::TOTAL, "15")]),
            (q::OUTCOME_TOTAL, &[(q::NATURAL_PERSON, "13"), (q::COMMERCIAL, "2"), (q::TOTAL, "15")]),
            (q::CARRIED_FORWARD, &[(q::PUBLIC_INTEREST, "5"), (q::TOTAL, "5")]),
        ];
        for (row, cells) in given {
            for &(c, v) in cells {
                sample = sample.cell(t, row, c, v);
            }
        }
        let r = crate::check(&raw(&sample), None);
        let forward = r.tables.requests.row(q::CARRIED_FORWARD).unwrap();
        assert_eq!(forward.int(q::NATURAL_PERSON), None, "{:?}", r.diagnostics);
        assert_eq!(forward.int(q::TOTAL), Some(5));
        assert!(
            r.diagnostics.iter().all(|d| d.severity != crate::rules::diagnostic::Severity::Error),
            "{:?}",
            r.diagnostics
        );
    }

    #[test]
    fn a_short_row_of_table_two_is_read_as_table_three_shows_the_page() {
        use crate::template::keys::{active as a, requests as q};
        use crate::template::v2021::V2021;
        use crate::testing::{codes, Sample};
        let t = crate::template::TableId::Active;
        let blank = |s: Sample, row| {
            V2021.requests.usually_blank.iter().fold(s, |s, &c| s.cell(crate::template::TableId::Requests, row, c, ""))
        };
        let sample = Sample::new(&V2021)
            .row(crate::template::TableId::Requests, q::NEW, &[26, 0, 0, 0, 0, 0, 26])
            .row(crate::template::TableId::Requests, q::GRANTED, &[26, 0, 0, 0, 0, 0, 26])
            .row(crate::template::TableId::Requests, q::OUTCOME_TOTAL, &[26, 0, 0, 0, 0, 0, 26]);
        let sample = [q::NEW, q::GRANTED, q::OUTCOME_TOTAL].into_iter().fold(sample, blank);
        let sample = sample
            .cell(t, a::NORMATIVE_DOCUMENTS, a::ISSUED, "")
            .cell(t, a::NORMATIVE_DOCUMENTS, a::REPEALED, "64")
            .cell(t, a::NORMATIVE_DOCUMENTS, a::IN_FORCE, "87");
        let r = crate::check(&raw(&sample), None);
        let said = r.diagnostics.iter().find(|d| d.row == Some(a::NORMATIVE_DOCUMENTS)).map(|d| d.code);
        assert_eq!(said, Some("value.ambiguous"), "{:?}", codes(&r));
        assert!(!codes(&r).contains(&"table.value_count"), "{:?}", codes(&r));
    }

    #[test]
    fn placements_keep_order_and_count_every_way() {
        let text = "1 2";
        let t = crate::read::tokens::tokenise(text);
        let values: Vec<&Token> = t.tokens.iter().collect();
        let all: Vec<Vec<usize>> = placements(values.len(), 4).collect();
        assert_eq!(all.len(), 6);
        assert_eq!(all[0], [0, 1]);
        assert_eq!(all[5], [2, 3]);
        assert!(all.iter().all(|p| p[0] < p[1]));
        assert_eq!(placements(0, 3).collect::<Vec<_>>(), [Vec::<usize>::new()]);
    }
}

#[cfg(test)]
mod laid_out_tests {
    use crate::template::keys::active as a;
    use crate::testing::laid;

    /// Table 二 of the 2019 template with cells left empty, laid out so.
    fn page(wide: bool) -> String {
        let header = |names: [&str; 3]| laid(&[(0, "信息内容"), (21, names[0]), (37, names[1]), (55, names[2])], wide);
        let lines = [
            "二、主动公开政府信息情况".to_string(),
            "第二十条第（一）项".to_string(),
            header(["本年新制作数量", "本年新公开数量", "对外公开总数量"]),
            laid(&[(0, "规章"), (55, "28")], wide),
            "行政规范性文件".to_string(),
            "第二十条第（五）项".to_string(),
            header(["上一年项目数量", "本年增/减", "处理决定数量"]),
            laid(&[(0, "行政许可"), (21, "298"), (55, "66")], wide),
            laid(&[(0, "其他对外管理服务事项"), (21, "57"), (37, "39")], wide),
            "三、收到和处理政府信息公开申请情况".to_string(),
        ];
        lines.join("\n") + "\n"
    }

    #[test]
    fn table_two_values_stand_under_their_header_words_however_the_columns_are_counted() {
        for wide in [true, false] {
            let r = crate::check(&page(wide), None);
            let active = &r.tables.active;
            let row = |k| active.row(k).unwrap_or_else(|| panic!("{k:?}: {:?}", r.diagnostics));
            assert_eq!(row(a::REGULATIONS).int(a::TOTAL_PUBLISHED), Some(28), "{:?}", r.diagnostics);
            assert_eq!(row(a::REGULATIONS).int(a::PUBLISHED), None);
            assert_eq!(row(a::LICENSING).int(a::PREVIOUS_ITEMS), Some(298));
            assert_eq!(row(a::LICENSING).int(a::DECISIONS), Some(66));
            assert_eq!(row(a::LICENSING).int(a::CHANGE), None);
            assert_eq!(row(a::OTHER_SERVICES).int(a::PREVIOUS_ITEMS), Some(57));
            assert_eq!(row(a::OTHER_SERVICES).int(a::CHANGE), Some(39));
            assert!(!r.diagnostics.iter().any(|d| d.code == "value.ambiguous"), "{:?}", r.diagnostics);
        }
    }

    /// A lone long number set apart under its block's header word is one
    /// value (the amount), not digits run together.
    #[test]
    fn a_lone_amount_under_its_header_word_is_one_value() {
        let page = page(true);
        let block = [
            "第二十条第（九）项".to_string(),
            laid(&[(0, "信息内容"), (21, "采购项目数量"), (37, "采购总金额（单位：元）")], true),
            laid(&[(0, "政府集中采购"), (38, "347912")], true),
        ];
        let text = page.replace("三、收到", &(block.join("\n") + "\n三、收到"));
        let r = crate::check(&text, None);
        let row = r.tables.active.row(a::PROCUREMENT).unwrap_or_else(|| panic!("{:?}", r.diagnostics));
        assert_eq!((row.int(a::ITEMS), row.int(a::AMOUNT_YUAN)), (None, Some(347912)), "{:?}", r.diagnostics);
        assert!(!r.diagnostics.iter().any(|d| d.code == "value.ambiguous" && d.row == Some(a::PROCUREMENT)));
    }

    #[test]
    fn a_lone_value_under_a_header_wrapped_over_lines_is_one_value() {
        // 采购项 / 目数量 a line apart, 采购总金额 on the line between (a PDF's text).
        let block = |value: (usize, &str)| {
            [
                "第二十条第（九）项".to_string(),
                laid(&[(21, "采购项")], true),
                laid(&[(0, "信息内容"), (34, "采购总金额（单位：元）")], true),
                laid(&[(21, "目数量")], true),
                laid(&[(0, "政府集中采购"), value], true),
            ]
        };
        for (value, cells) in [((22, "2566"), (Some(2566), None)), ((38, "347912"), (None, Some(347912)))] {
            let text = page(true).replace("三、收到", &(block(value).join("\n") + "\n三、收到"));
            let r = crate::check(&text, None);
            let row = r.tables.active.row(a::PROCUREMENT).unwrap_or_else(|| panic!("{:?}", r.diagnostics));
            assert_eq!((row.int(a::ITEMS), row.int(a::AMOUNT_YUAN)), cells, "{:?}", r.diagnostics);
            assert!(!r.diagnostics.iter().any(|d| d.code == "value.ambiguous" && d.row == Some(a::PROCUREMENT)));
        }
    }

    #[test]
    fn one_row_that_the_two_ways_of_counting_read_apart_is_not_placed() {
        // Alone, under long labels, `28` stands under 本年新公开数量 counted
        // one way and under 对外公开总数量 the other: no rows to say which.
        let header =
            laid(&[(0, "信息内容"), (21, "本年新制作数量"), (37, "本年新公开数量"), (55, "对外公开总数量")], false);
        let text = format!(
            "二、主动公开政府信息情况\n第二十条第（一）项\n{header}\n{}\n行政规范性文件\n三、收到和处理政府信息公开申请情况\n",
            laid(&[(0, "规章"), (55, "28")], false)
        );
        let r = crate::check(&text, None);
        let row = r.tables.active.row(a::REGULATIONS).expect("规章");
        assert_eq!((row.int(a::PUBLISHED), row.int(a::TOTAL_PUBLISHED)), (None, None), "{:?}", r.diagnostics);
        assert!(r.diagnostics.iter().any(|d| d.code == "value.ambiguous" && d.row == Some(a::REGULATIONS)));
    }

    /// Table 三 of the 2021 template as `pdftotext -layout` lays it out,
    /// with no header to go by, its empty cells blank; `raw`: each line's
    /// words one space apart instead, as a PDF's raw text parts them.
    fn requests_page(raw: bool) -> String {
        let row = |label: &str, values: &[(usize, &str)]| {
            let mut words = vec![(0, label)];
            words.extend_from_slice(values);
            let line = laid(&words, false);
            if raw {
                line.split_whitespace().collect::<Vec<_>>().join(" ")
            } else {
                line
            }
        };
        // Columns at 36 (自然人), 40, 46, 50, 54 (法律服务机构), 59 (其他), 62 (总计).
        let full = [(36, "10"), (40, "2"), (46, "1"), (50, "3"), (59, "4"), (62, "20")];
        let lines = [
            "三、收到和处理政府信息公开申请情况".to_string(),
            row("一、本年新收政府信息公开申请数量", &full),
            row("二、上年结转政府信息公开申请数量", &[(54, "5"), (62, "5")]),
            "三、本年度办理结果".to_string(),
            row("（一）予以公开", &full),
            row("（七）总计", &full),
            row("四、结转下年度继续办理", &[(54, "5"), (62, "5")]),
            "四、政府信息公开行政复议、行政诉讼情况".to_string(),
        ];
        lines.join("\n") + "\n"
    }

    #[test]
    fn the_columns_that_rows_leave_empty_are_found_from_where_the_other_rows_values_stand() {
        use crate::template::keys::requests as q;
        let r = crate::check(&requests_page(false), None);
        let row = |k| r.tables.requests.row(k).unwrap_or_else(|| panic!("{k:?}: {:?}", r.diagnostics));
        // `5` stands between the values of 社会公益组织 and 其他: 法律服务机构,
        // so the column every other row leaves empty is that one too.
        for k in [q::CARRIED_OVER, q::CARRIED_FORWARD] {
            assert_eq!(row(k).int(q::LEGAL_SERVICE), Some(5), "{k:?}: {:?}", r.diagnostics);
            assert_eq!(row(k).int(q::NATURAL_PERSON), None);
        }
        for k in [q::NEW, q::GRANTED, q::OUTCOME_TOTAL] {
            let cells: Vec<Option<i64>> = [q::COMMERCIAL, q::RESEARCH, q::PUBLIC_INTEREST, q::LEGAL_SERVICE, q::OTHER]
                .iter()
                .map(|&c| row(k).int(c))
                .collect();
            assert_eq!(cells, [Some(2), Some(1), Some(3), None, Some(4)], "{k:?}: {:?}", r.diagnostics);
        }
        assert!(!r.diagnostics.iter().any(|d| d.code == "value.ambiguous"), "{:?}", r.diagnostics);
    }

    /// `pdftotext -layout` starts each of a page's blocks where its own text
    /// starts, so that rows stand moved along by a few columns each: their
    /// values keep their places from the row's total, and are read by them.
    #[test]
    fn rows_moved_along_as_a_whole_are_read_by_where_their_values_stand_from_the_total() {
        use crate::template::keys::requests as q;
        // From the total: 自然人 −26, 商业企业 −22, 科研机构 −16, 社会公益组织
        // −12, 法律服务机构 −8, 其他 −3; each row moved along by `by`.
        let row = |label: &str, by: usize, values: &[(usize, &str)]| {
            let mut words = vec![(0, label)];
            words.extend(values.iter().map(|&(at, v)| (at + by, v)));
            laid(&words, false)
        };
        let lines = [
            "三、收到和处理政府信息公开申请情况".to_string(),
            row("一、本年新收政府信息公开申请数量", 0, &[(40, "10"), (44, "2"), (63, "4"), (66, "16")]),
            row("二、上年结转政府信息公开申请数量", 5, &[(40, "3"), (50, "1"), (66, "4")]),
            "三、本年度办理结果".to_string(),
            row("（一）予以公开", 3, &[(40, "13"), (44, "2"), (50, "1"), (63, "4"), (66, "20")]),
            row("（七）总计", 1, &[(40, "13"), (44, "2"), (50, "1"), (54, "0"), (58, "0"), (63, "4"), (66, "20")]),
            row("四、结转下年度继续办理", 0, &[]),
            "四、政府信息公开行政复议、行政诉讼情况".to_string(),
        ];
        let r = crate::check(&(lines.join("\n") + "\n"), None);
        let row = |k| r.tables.requests.row(k).unwrap_or_else(|| panic!("{k:?}: {:?}", r.diagnostics));
        let cells = |k| -> Vec<Option<i64>> { row(k).columns.iter().map(|c| row(k).int(c.key)).collect() };
        assert_eq!(cells(q::NEW), [Some(10), Some(2), None, None, None, Some(4), Some(16)], "{:?}", r.diagnostics);
        assert_eq!(cells(q::CARRIED_OVER), [Some(3), None, Some(1), None, None, None, Some(4)]);
        assert_eq!(cells(q::GRANTED), [Some(13), Some(2), Some(1), None, None, Some(4), Some(20)]);
        assert!(!r.diagnostics.iter().any(|d| d.code == "value.ambiguous"), "{:?}", r.diagnostics);
    }

    /// Rows left wholly empty are rows of blanks whose columns keep their
    /// sums too: a way of naming the columns that breaks them is no way,
    /// however clearly the values gather. Here `4` stands at −25 from the
    /// total in one row and at −22 in the others (as `pdftotext -layout`
    /// sets a value after a long one short of its place), so that the
    /// values gather at five places, one a column; read so, 一 takes 4 as
    /// 商业企业 and the others as 科研机构, which 二 and 四, empty, say cannot
    /// be (一 + 二 = 总计 + 四 by column).
    #[test]
    fn a_way_of_naming_the_columns_that_the_empty_rows_sums_break_is_no_way() {
        use crate::template::keys::requests as q;
        let row = |label: &str, values: &[(usize, &str)]| {
            let mut words = vec![(0, label)];
            words.extend_from_slice(values);
            laid(&words, false)
        };
        let at = |com: usize| [(36, "10"), (66 - com, "4"), (48, "3"), (56, "2"), (61, "1"), (66, "20")];
        let lines = [
            "三、收到和处理政府信息公开申请情况".to_string(),
            row("一、本年新收政府信息公开申请数量", &at(25)),
            row("二、上年结转政府信息公开申请数量", &[]),
            "三、本年度办理结果".to_string(),
            row("（一）予以公开", &at(22)),
            row("（七）总计", &at(22)),
            row("四、结转下年度继续办理", &[]),
            "四、政府信息公开行政复议、行政诉讼情况".to_string(),
        ];
        let r = crate::check(&(lines.join("\n") + "\n"), None);
        let truth = [Some(10), Some(4), Some(3), None, Some(2), Some(1), Some(20)];
        for k in [q::NEW, q::GRANTED, q::OUTCOME_TOTAL] {
            let row = r.tables.requests.row(k).unwrap_or_else(|| panic!("{k:?}: {:?}", r.diagnostics));
            for (column, want) in row.columns.iter().zip(truth) {
                let got = row.int(column.key);
                assert!(
                    got.is_none() || got == want,
                    "{k:?} {:?}: {got:?}, not {want:?}: {:?}",
                    column.key,
                    r.diagnostics
                );
            }
        }
    }

    /// The app's PDF text: one grid, every cell aligned left, so values
    /// start where their column names do, but for one the grid rounds a
    /// column left, into the gap between 商业企业 and 科研机构.
    #[test]
    fn on_a_page_aligned_left_a_value_a_column_short_of_its_name_is_under_it() {
        use crate::template::keys::requests as q;
        // 自然人 40, 商业企业 50–58, 科研机构 59–67, 社会公益组织 70,
        // 法律服务机构 84, 其他 98, 总计 104 (a Chinese character two columns).
        let names = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];
        let header =
            laid(&names.iter().zip([40, 50, 59, 70, 84, 98, 104]).map(|(n, at)| (at, *n)).collect::<Vec<_>>(), true);
        let row = |label: &str, values: &[(usize, &str)]| {
            let mut words = vec![(0, label)];
            words.extend_from_slice(values);
            laid(&words, true)
        };
        let lines = [
            "三、收到和处理政府信息公开申请情况".to_string(),
            header,
            row("一、本年新收政府信息公开申请数量", &[(40, "10"), (58, "2"), (104, "12")]),
            row("二、上年结转政府信息公开申请数量", &[(40, "3"), (98, "1"), (104, "4")]),
            "三、本年度办理结果".to_string(),
            row("（一）予以公开", &[(40, "13"), (59, "2"), (98, "1"), (104, "16")]),
            row("（七）总计", &[(40, "13"), (59, "2"), (98, "1"), (104, "16")]),
            row("四、结转下年度继续办理", &[]),
            "四、政府信息公开行政复议、行政诉讼情况".to_string(),
        ];
        let r = crate::check(&(lines.join("\n") + "\n"), None);
        let new = r.tables.requests.row(q::NEW).unwrap_or_else(|| panic!("{:?}", r.diagnostics));
        assert_eq!(new.int(q::RESEARCH), Some(2), "{:?}", r.diagnostics);
        assert_eq!(new.int(q::COMMERCIAL), None);
        assert!(!r.diagnostics.iter().any(|d| d.code == "value.ambiguous"), "{:?}", r.diagnostics);
    }

    /// A row's key, the label it is written with and its values, each at
    /// its column.
    type GivenRow<'a> = (crate::template::RowKey, &'a str, &'a [(usize, &'a str)]);

    /// Table 三 of the app's PDF text, one grid, every row of the 2021
    /// template: those of `given` with their values at their columns (under
    /// 自然人 40, 商业企业 50, 科研机构 60, 社会公益组织 70, 法律服务机构 84,
    /// 其他 98, 总计 104), every other one left blank.
    fn requests_grid(given: &[GivenRow]) -> crate::Report {
        requests_grid_after(&[], given)
    }
    /// [`requests_grid`] with the lines `intro` between the heading and the header.
    fn requests_grid_after(intro: &[&str], given: &[GivenRow]) -> crate::Report {
        let names = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];
        let header =
            laid(&names.iter().zip([40, 50, 60, 70, 84, 98, 104]).map(|(n, at)| (at, *n)).collect::<Vec<_>>(), true);
        let mut lines = vec!["三、收到和处理政府信息公开申请情况".to_string()];
        lines.extend(intro.iter().map(|l| l.to_string()));
        lines.push(header);
        for spec in crate::template::v2021::V2021.requests.rows {
            let printed = spec.printed();
            let (label, values) = match given.iter().find(|g| g.0 == spec.key) {
                Some(&(_, label, values)) => (label, values),
                None => (printed.as_str(), &[][..]),
            };
            let mut words = vec![(0, label)];
            words.extend_from_slice(values);
            lines.push(laid(&words, true));
        }
        lines.push("四、政府信息公开行政复议、行政诉讼情况".to_string());
        crate::check(&(lines.join("\n") + "\n"), None)
    }

    /// A report that left some rows' totals blank (a real one did): no
    /// placement keeps those rows' sums, so only the header can place them,
    /// once the rows that keep their sums stand under it too, and only
    /// where the columns' sums then hold.
    #[test]
    fn rows_that_leave_their_total_blank_stand_under_the_header_where_the_columns_sums_hold() {
        use crate::template::keys::requests as q;
        let table = |granted: &[(usize, &str)], new_total: (usize, &str)| {
            requests_grid(&[
                (q::NEW, "一、本年新收政府信息公开申请数量", &[(40, "10"), (50, "2"), (84, "1"), new_total]),
                (q::CARRIED_OVER, "二、上年结转政府信息公开申请数量", &[(40, "3"), (104, "3")]),
                (q::GRANTED, "（一）予以公开", granted),
                (q::OUTCOME_TOTAL, "（七）总计", &[(40, "13"), (50, "2"), (84, "1"), (104, "16")]),
            ])
        };
        let r = table(&[(40, "13"), (50, "2"), (84, "1")], (104, "13"));
        let row = |k| r.tables.requests.row(k).unwrap_or_else(|| panic!("{k:?}: {:?}", r.diagnostics));
        let cells = [q::NATURAL_PERSON, q::COMMERCIAL, q::LEGAL_SERVICE, q::OTHER, q::TOTAL];
        assert_eq!(
            cells.map(|c| row(q::GRANTED).int(c)),
            [Some(13), Some(2), Some(1), None, None],
            "{:?}",
            r.diagnostics
        );
        assert!(!r.diagnostics.iter().any(|d| d.code == "value.ambiguous"), "{:?}", r.diagnostics);

        // Its `1` under 其他, where the columns' sums want it under 法律服务机构:
        // not placed, said.
        let r = table(&[(40, "13"), (50, "2"), (98, "1")], (104, "13"));
        let granted = r.tables.requests.row(q::GRANTED).expect("（一）");
        assert_eq!(granted.int(q::OTHER), None, "{:?}", r.diagnostics);
        assert!(r.diagnostics.iter().any(|d| d.code == "value.ambiguous" && d.row == Some(q::GRANTED)));

        // A header that a row keeping its sums stands apart from (its total
        // under 其他) places none of them.
        let r = table(&[(40, "13"), (50, "2"), (84, "1")], (98, "13"));
        let granted = r.tables.requests.row(q::GRANTED).expect("（一）");
        assert_eq!(granted.int(q::COMMERCIAL), None, "{:?}", r.diagnostics);
        assert!(r.diagnostics.iter().any(|d| d.code == "value.ambiguous" && d.row == Some(q::GRANTED)));
    }

    #[test]
    fn a_count_whose_unit_the_prose_above_wraps_to_the_next_line_does_not_end_the_header() {
        use crate::template::keys::requests as q;
        let rows: [GivenRow; 3] = [
            (q::NEW, "一、本年新收政府信息公开申请数量", &[(40, "10"), (60, "2"), (104, "12")]),
            (q::GRANTED, "（一）予以公开", &[(40, "10"), (60, "2"), (104, "12")]),
            (q::OUTCOME_TOTAL, "（七）总计", &[(40, "10"), (60, "2"), (104, "12")]),
        ];
        for intro in [
            ["    2024年，本机关收到政府信息公开申请12件，予以公开12件，部分公开0", "件，结转下年度继续办理0件。"],
            ["    2024年，本机关收到政府信息公开申请12件，予以公开12件，部分公开0件，", "结转下年度继续办理0件。"],
        ] {
            let r = requests_grid_after(&intro, &rows);
            for (k, _, _) in rows {
                let row = r.tables.requests.row(k).unwrap_or_else(|| panic!("{k:?}: {:?}", r.diagnostics));
                assert_eq!(
                    [q::NATURAL_PERSON, q::COMMERCIAL, q::RESEARCH, q::TOTAL].map(|c| row.int(c)),
                    [Some(10), None, Some(2), Some(12)],
                    "{intro:?} {k:?}: {:?}",
                    r.diagnostics
                );
            }
            assert!(!r.diagnostics.iter().any(|d| d.code == "value.ambiguous"), "{intro:?}: {:?}", r.diagnostics);
        }
    }

    #[test]
    fn values_parted_by_one_space_say_nothing_of_where_their_columns_are() {
        use crate::template::keys::requests as q;
        let r = crate::check(&requests_page(true), None);
        let row = r.tables.requests.row(q::CARRIED_OVER).expect("二");
        // Only the usual placement (自然人), said to be presumed, or none.
        assert_eq!(row.int(q::LEGAL_SERVICE), None, "{:?}", r.diagnostics);
        let said = |d: &&crate::rules::diagnostic::Diagnostic| {
            d.row == Some(q::CARRIED_OVER) && (d.code == "value.ambiguous" || d.message.contains("推定"))
        };
        assert!(r.diagnostics.iter().any(|d| said(&d)), "{:?}", r.diagnostics);
    }
}
