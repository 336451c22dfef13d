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
use super::fill::count_mismatch;
use super::joint::{solve, Unknown};
use super::model::{CellState, Placement, Row, RowIssue, Table};
use super::values::read_cell;
use crate::read::normalise::Normalised;
use crate::read::tokens::{Kind, Token};
use crate::template::{Along, ColKey, Form, GridSpec};

/// A row with fewer values than columns: its index in the table and its
/// values (numbers and blank marks) in order.
pub struct Short<'t> {
    pub row: usize,
    pub values: Vec<&'t Token>,
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
    shorts.iter().any(|s| s.values.is_empty() || s.values.len() + 2 <= columns(s))
        || table.rows.iter().any(|r| r.cells.iter().any(|c| c.state == CellState::Blank))
}

/// Places the short rows of a grid table (see the module's doc), or says
/// each is one value short when the table keeps its empty cells' traces.
pub fn place(table: &mut Table, grid: &GridSpec, shorts: Vec<Short>, norm: &Normalised, step: Option<f32>) {
    if shorts.is_empty() {
        return;
    }
    if !traceless(table, &shorts) {
        for s in &shorts {
            if let Some(row) = table.rows.get_mut(s.row) {
                count_mismatch(row, &s.values, norm);
            }
        }
        return;
    }
    let sums = RowSums::of(grid);
    let usual: Vec<usize> =
        grid.usually_blank.iter().filter_map(|k| grid.columns.iter().position(|c| c.key == *k)).collect();
    let n = grid.columns.len();
    // Each short row's placements that keep its own sums.
    let placements: Vec<Vec<Vec<usize>>> = shorts
        .iter()
        .map(|s| placements(&s.values, n).filter(|p| sums.hold(&vector(&s.values, p, n))).collect())
        .collect();
    // For each row, the placements the columns' sums still allow (when weighed).
    let mut consensus: Vec<Option<Vec<usize>>> = vec![None; shorts.len()];
    // One way only: the row's own sums place it. Several: the columns' sums
    // over every row, then the layout's gaps, then the usual empty columns.
    let mut chosen: Vec<Option<(usize, Placement)>> =
        placements.iter().map(|p| (p.len() == 1).then_some((0, Placement::Arithmetic))).collect();
    // Several: the columns' sums over every row decide, where they can.
    let open: Vec<usize> = (0..shorts.len()).filter(|&i| chosen[i].is_none() && placements[i].len() > 1).collect();
    if !open.is_empty() {
        let splits: Vec<Vec<Vec<i64>>> =
            open.iter().map(|&i| placements[i].iter().map(|p| vector(&shorts[i].values, p, n)).collect()).collect();
        let unknowns: Vec<Unknown> =
            open.iter().zip(&splits).map(|(&i, s)| Unknown { row: shorts[i].row, splits: s }).collect();
        let fixed = fixed_values(table, &shorts, &placements, &chosen, n);
        let known = |row: usize, column: usize| fixed.get(row).and_then(|r| r.get(column)).copied().flatten();
        let joint = solve(&known, &unknowns, &arith::column_equations(grid, &table.rows));
        for (u, &i) in open.iter().enumerate() {
            if let Some(k) = joint.settled[u] {
                chosen[i] = Some((k, Placement::Arithmetic));
                continue;
            }
            let consistent: Vec<usize> = if joint.consistent[u].is_empty() {
                (0..placements[i].len()).collect()
            } else {
                joint.consistent[u].clone()
            };
            consensus[i] = Some(consistent.clone());
            // Laid-out text: of those, the one its gaps allow.
            if let Some(allowed) = step.and_then(|step| by_gaps(&shorts[i].values, n, step, norm)) {
                let fits: Vec<usize> =
                    consistent.iter().copied().filter(|&k| allowed.contains(&placements[i][k])).collect();
                if let [only] = fits[..] {
                    chosen[i] = Some((only, Placement::Layout));
                    continue;
                }
            }
            // The usual placement: the fewest values where reports leave cells empty.
            let cost = |k: usize| placements[i][k].iter().filter(|c| usual.contains(c)).count();
            if let Some(least) = consistent.iter().map(|&k| cost(k)).min() {
                let best: Vec<usize> = consistent.iter().copied().filter(|&k| cost(k) == least).collect();
                if let [only] = best[..] {
                    chosen[i] = Some((only, Placement::Usual));
                }
            }
        }
    }
    // A usual placement that breaks a column's sums the table otherwise keeps is no placement.
    let fixed = fixed_values(table, &shorts, &placements, &chosen, n);
    for (i, s) in shorts.iter().enumerate() {
        if matches!(chosen[i], Some((_, Placement::Usual))) && breaks_column(grid, &table.rows, &fixed, s.row) {
            chosen[i] = None;
        }
    }
    for (i, s) in shorts.iter().enumerate() {
        let Some(row) = table.rows.get_mut(s.row) else { continue };
        match chosen[i] {
            Some((k, how)) => {
                let at = &placements[i][k];
                for (t, &c) in s.values.iter().zip(at) {
                    let kind = row.columns[c].kind;
                    read_cell(&mut row.cells[c], kind, t, norm);
                }
                for (c, cell) in row.cells.iter_mut().enumerate() {
                    if !at.contains(&c) {
                        cell.state = CellState::Blank;
                        cell.line = row.line;
                    }
                }
                if !s.values.is_empty() {
                    row.issues.push(RowIssue::Placed { how });
                }
            }
            None => {
                // What every placement still possible agrees on is read: the
                // same value in a cell, or a cell blank in every one.
                let open: Vec<&Vec<usize>> = match &consensus[i] {
                    Some(ks) => ks.iter().map(|&k| &placements[i][k]).collect(),
                    None => placements[i].iter().collect(),
                };
                let mut settled = 0;
                if let Some((first, rest)) = open.split_first() {
                    for c in 0..row.columns.len() {
                        let at = |p: &Vec<usize>| p.iter().position(|&x| x == c).map(|t| s.values[t]);
                        let blank = |t: Option<&Token>| t.is_none_or(|t| whole(t) == Some(0) && t.number().is_none());
                        let same = |a: Option<&Token>, b: Option<&Token>| match (a, b) {
                            (Some(a), Some(b)) if a.number().is_some() && b.number().is_some() => std::ptr::eq(a, b),
                            (a, b) => blank(a) && blank(b),
                        };
                        if rest.iter().all(|p| same(at(p), at(first))) {
                            settled += 1;
                            let kind = row.columns[c].kind;
                            match at(first) {
                                Some(t) => read_cell(&mut row.cells[c], kind, t, norm),
                                None => {
                                    row.cells[c].state = CellState::Blank;
                                    row.cells[c].line = row.line;
                                }
                            }
                        }
                    }
                }
                if settled == row.columns.len() {
                    // Every cell is the same whichever the placement.
                    row.issues.push(RowIssue::Placed { how: Placement::Arithmetic });
                    continue;
                }
                let columns = row.columns;
                let name = |p: &Vec<usize>| -> Vec<ColKey> { p.iter().map(|&c| columns[c].key).collect() };
                row.issues.push(RowIssue::Unplaced {
                    values: s.values.iter().map(|t| norm.text[t.start..t.end].to_string()).collect(),
                    candidates: placements[i].iter().take(SHOWN).map(name).collect(),
                    more: placements[i].len() > SHOWN,
                    line: row.line,
                });
            }
        }
    }
}

/// Places the short rows of a table with no sums to keep (table 二): a row
/// with no value is left empty; one with some is said to be ambiguous, its
/// placements listed; or each is one value short, as [`place`] says.
pub fn place_without_sums(table: &mut Table, shorts: Vec<Short>, norm: &Normalised) {
    if shorts.is_empty() {
        return;
    }
    let traceless = traceless(table, &shorts);
    for s in &shorts {
        let Some(row) = table.rows.get_mut(s.row) else { continue };
        if !traceless {
            count_mismatch(row, &s.values, norm);
        } else if s.values.is_empty() {
            for cell in &mut row.cells {
                cell.state = CellState::Blank;
                cell.line = row.line;
            }
        } else {
            let columns = row.columns;
            let all: Vec<Vec<usize>> = placements(&s.values, columns.len()).collect();
            row.issues.push(RowIssue::Unplaced {
                values: s.values.iter().map(|t| norm.text[t.start..t.end].to_string()).collect(),
                candidates: all.iter().take(SHOWN).map(|p| p.iter().map(|&c| columns[c].key).collect()).collect(),
                more: all.len() > SHOWN,
                line: row.line,
            });
        }
    }
}

/// Every way to put `values` (in order) into `n` columns, as their column
/// indices, up to [`MAX_PLACEMENTS`].
pub fn placements<'a>(values: &'a [&Token], n: usize) -> impl Iterator<Item = Vec<usize>> + 'a {
    let k = values.len();
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
        for w in r.windows(2) {
            gaps.push(centre(w[1], norm) - centre(w[0], norm));
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

/// A token's centre, in columns from its line's start (a Chinese
/// character two columns wide).
fn centre(t: &Token, norm: &Normalised) -> f32 {
    let text = &norm.text;
    let line_start = text[..t.start].rfind('\n').map_or(0, |p| p + 1);
    let before = display_width(&text[line_start..t.start]);
    let width = display_width(&text[t.start..t.end]);
    before as f32 + width as f32 / 2.0
}

fn display_width(s: &str) -> usize {
    s.chars().map(|c| if c >= '\u{1100}' && !('\u{ff61}'..='\u{ffdc}').contains(&c) { 2 } else { 1 }).sum()
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
    let gaps: Vec<f32> = values.windows(2).map(|w| centre(w[1], norm) - centre(w[0], norm)).collect();
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

/// A token's whole number (a blank mark is 0).
fn whole(t: &Token) -> Option<i64> {
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
fn fixed_values(
    table: &Table,
    shorts: &[Short],
    placements: &[Vec<Vec<usize>>],
    chosen: &[Option<(usize, Placement)>],
    n: usize,
) -> Vec<Vec<Option<i64>>> {
    let mut out: Vec<Vec<Option<i64>>> = table
        .rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| match c.state {
                    CellState::Blank => Some(0),
                    _ => c.value.and_then(|v| v.as_int()),
                })
                .collect()
        })
        .collect();
    for (i, s) in shorts.iter().enumerate() {
        if let (Some((k, _)), Some(row)) = (chosen[i], out.get_mut(s.row)) {
            *row = vector(&s.values, &placements[i][k], n).into_iter().map(Some).collect();
        } else if let Some(row) = out.get_mut(s.row) {
            *row = vec![None; n];
        }
    }
    out
}

/// Whether a column sum of the grid that involves row `row` fails with the
/// values known.
fn breaks_column(grid: &GridSpec, rows: &[Row], fixed: &[Vec<Option<i64>>], row: usize) -> bool {
    let key = rows.get(row).map(|r| r.key);
    grid.equations.iter().filter(|e| matches!(e.form, Form::EachColumn { .. })).any(|eq| {
        eq.instances(grid).iter().any(|inst| {
            let Along::Column(column) = inst.along else { return false };
            let c = grid.columns.iter().position(|k| k.key == column);
            if !inst.cells().any(|(r, _)| Some(r) == key) {
                return false;
            }
            let value = |(r, _): (crate::template::RowKey, ColKey)| {
                let i = rows.iter().position(|x| x.key == r)?;
                fixed.get(i)?.get(c?).copied().flatten()
            };
            inst.sides(&value).is_some_and(|(l, r)| l != r)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placements_keep_order_and_count_every_way() {
        let text = "1 2";
        let t = crate::read::tokens::tokenise(text);
        let values: Vec<&Token> = t.tokens.iter().collect();
        let all: Vec<Vec<usize>> = placements(&values, 4).collect();
        assert_eq!(all.len(), 6);
        assert_eq!(all[0], [0, 1]);
        assert_eq!(all[5], [2, 3]);
        assert!(all.iter().all(|p| p[0] < p[1]));
        assert_eq!(placements(&[], 3).collect::<Vec<_>>(), [Vec::<usize>::new()]);
    }
}
