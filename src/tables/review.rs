//! Table 四: 行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉), five
//! columns each: 15 numbers in one template row.
//!
//! The header is text only (often one character a line); the numbers are
//! the run of cells after it. Numbers inside the header are noise (seed
//! 001's `1.0 1 * 211`). Some reports give the three groups as three rows
//! of five; that shape is read too.

use super::arith::RowSums;
use super::fill::{
    is_page_number, looks_flattened, place_parts, split_runs, without_empty_table_cells, Arith, MAX_CANDIDATES,
};
use super::matching::similarity;
use super::model::{Row, RowIssue, Table};
use super::segments::{segments, Segment};
use super::tuning::REVIEW_GROUP_SIMILARITY;
use super::values::{cell_from_part, read_cell};
use crate::read::normalise::Normalised;
use crate::read::tokens::{Kind, Token};
use crate::template::{GridSpec, TableId};

pub fn parse(tokens: &[Token], norm: &Normalised, grid: &GridSpec) -> Table {
    let mut table = Table::new(TableId::Review);
    table.rows = grid.rows.iter().map(|g| Row::of(g, grid.columns)).collect();
    let width = grid.columns.len();
    let cells_wanted = width * grid.rows.len();
    let group_sizes = vec![width; grid.rows.len()];
    let sums = RowSums::of(grid);
    let fits = |values: &[i64]| sums.hold(values);
    let segs = segments(tokens, &norm.text);
    let Some(first) = segs.first().and_then(Segment::first_token) else { return table };
    table.line = Some(norm.line_at(first.start));

    // The usual shape: one run of 15 cells, the last such run.
    // Empty table cells at the end, or a bare page number after the row
    // (when the groups then add up), are not values.
    let groups = Arith { groups: &group_sizes, fits: &fits };
    let trimmed = segs.iter().rev().map(|s| {
        let mut cells = without_empty_table_cells(&s.cells, cells_wanted, &norm.text).to_vec();
        let page = (cells.len() == cells_wanted + 1 && is_page_number(&cells, groups)).then(|| cells.pop()).flatten();
        (cells, page)
    });
    if let Some((cells, page)) = trimmed.into_iter().find(|c| c.0.len() == cells_wanted) {
        table.found = true;
        fill(&mut table, &cells, norm, width);
        if let Some(t) = page {
            let line = Some(norm.line_at(t.start));
            table.issues.push(RowIssue::StrayNumbers { values: vec![norm.text[t.start..t.end].to_string()], line });
        }
        return table;
    }
    // Three rows of five, labelled by group.
    if let Some(rows) = grouped(&segs, grid) {
        table.found = true;
        let cells: Vec<&Token> = rows.iter().flat_map(|s| s.cells.iter().copied()).collect();
        fill(&mut table, &cells, norm, width);
        return table;
    }
    // Glued digit runs (flattened web text): one run, or a few when the
    // region is flattened and a stray space cut it.
    if let Some((cells, runs)) = segs.iter().rev().find_map(|s| glued_cells(s, looks_flattened(tokens), cells_wanted)) {
        table.found = true;
        // 15 digits: one digit a cell, taken (the rules check the totals).
        let digits: usize = runs.iter().map(|r| r.len()).sum();
        let found = if digits == cells_wanted {
            split_runs(&runs, Arith { groups: &[cells_wanted], fits: &|_| true }, 2)
        } else {
            split_runs(&runs, groups, MAX_CANDIDATES + 1)
        };
        let line = cells.first().map(|t| norm.line_at(t.start));
        let placed = match &found.splits[..] {
            [only] if found.complete => place_parts(&cells, only),
            _ => None,
        };
        match placed {
            Some(placed) => {
                for (i, (v, t, offset)) in placed.into_iter().enumerate() {
                    if let Some(row) = table.rows.get_mut(i / width) {
                        row.found = true;
                        row.line = line;
                        let column = &grid.columns[i % width];
                        row.cells[i % width] = cell_from_part(column.key, column.kind, v, t, offset, norm);
                    }
                }
            }
            None => table.issues.push(RowIssue::Ambiguous {
                digits: runs.join(" "),
                candidates: found.splits.into_iter().take(MAX_CANDIDATES).collect(),
                line,
            }),
        }
        return table;
    }
    // Some other count: say so, assign nothing.
    if let Some(seg) = segs.iter().filter(|s| !s.cells.is_empty()).max_by_key(|s| (s.cells.len(), s.cells[0].start)) {
        table.found = true;
        let line = norm.line_at(seg.cells[0].start);
        table.issues.push(RowIssue::ValueCount {
            found: seg.cells.len(),
            expected: cells_wanted,
            values: seg.cells.iter().map(|t| norm.text[t.start..t.end].to_string()).collect(),
            line: Some(line),
        });
    }
    table
}

fn fill(table: &mut Table, cells: &[&Token], norm: &Normalised, width: usize) {
    for (i, t) in cells.iter().enumerate() {
        let row = &mut table.rows[i / width];
        row.found = true;
        row.line.get_or_insert(norm.line_at(t.start));
        let kind = row.columns[i % width].kind;
        read_cell(&mut row.cells[i % width], kind, t, norm);
    }
}

/// A segment whose cells are glued digit runs holding at least as many
/// digits as the table has cells: its cells and their digits. Several runs
/// only when `multi_run`.
fn glued_cells<'t>(seg: &Segment<'t>, multi_run: bool, cells_wanted: usize) -> Option<(Vec<&'t Token>, Vec<&'t str>)> {
    if seg.cells.is_empty() || seg.cells.len() >= cells_wanted || (seg.cells.len() > 1 && !multi_run) {
        return None;
    }
    let mut runs = Vec::new();
    for t in &seg.cells {
        match &t.kind {
            Kind::Number(n) if n.frac.is_none() && !n.negative && n.unit.is_none() => runs.push(n.int.as_str()),
            _ => return None,
        }
    }
    let digits: usize = runs.iter().map(|r| r.len()).sum();
    (digits >= cells_wanted).then(|| (seg.cells.clone(), runs))
}

/// Consecutive segments, one a group, each with a group's cells, whose
/// labels name the groups (by their short names).
fn grouped<'a, 't>(segs: &'a [Segment<'t>], grid: &GridSpec) -> Option<&'a [Segment<'t>]> {
    let n = grid.rows.len();
    let names: Vec<&str> = grid.rows.iter().map(|r| r.variants.first().copied().unwrap_or(r.label)).collect();
    segs.windows(n).rev().find(|w| {
        w.iter().zip(&names).all(|(s, name)| {
            s.cells.len() == grid.columns.len() && similarity(&s.label, name) > REVIEW_GROUP_SIMILARITY
        })
    })
}
