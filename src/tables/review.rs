//! Table 四: 行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉), five
//! columns each: 15 numbers in one template row.
//!
//! The header is text only (often one character a line); the numbers are
//! the run of cells after it. Numbers inside the header are noise (seed
//! 001's `1.0 1 * 211`). Some reports give the three groups as three rows
//! of five; that shape is read too.

use super::fill::{
    any_fits, is_page_number, looks_flattened, place_parts, row_total_fits, split_runs, without_empty_table_cells,
    Arith, MAX_CANDIDATES,
};
use super::matching::similarity;
use super::segments::{segments, Segment};
use super::values::{cell_from_part, read_cell, ValueKind};
use crate::read::normalise::Normalised;
use crate::read::tokens::{Kind, Token};
use crate::tables::model::{Row, RowIssue, Table};
use crate::template::{TableId, REVIEW_COLUMNS, REVIEW_GROUPS};

const CELLS: usize = 15;

pub fn parse(tokens: &[Token], norm: &Normalised) -> Table {
    let mut table = Table::new(TableId::Review);
    table.rows = REVIEW_GROUPS.iter().map(|g| Row::new(g.key, g.label, &REVIEW_COLUMNS)).collect();
    let segs = segments(tokens, &norm.text);
    let Some(first) = segs.first().and_then(Segment::first_token) else { return table };
    table.line = Some(norm.line_at(first.start));

    // The usual shape: one run of 15 cells, the last such run.
    // Empty table cells at the end, or a bare page number after the row
    // (when the groups then add up), are not values.
    let groups = Arith { groups: &[5, 5, 5], fits: &row_total_fits };
    let trimmed = segs.iter().rev().map(|s| {
        let mut cells = without_empty_table_cells(&s.cells, CELLS, &norm.text).to_vec();
        let page = (cells.len() == CELLS + 1 && is_page_number(&cells, groups)).then(|| cells.pop()).flatten();
        (cells, page)
    });
    if let Some((cells, page)) = trimmed.into_iter().find(|c| c.0.len() == CELLS) {
        table.found = true;
        fill(&mut table, &cells, norm);
        if let Some(t) = page {
            let line = Some(norm.line_at(t.start));
            table.issues.push(RowIssue::StrayNumbers { values: vec![norm.text[t.start..t.end].to_string()], line });
        }
        return table;
    }
    // Three rows of five, labelled by group.
    if let Some(rows) = grouped(&segs) {
        table.found = true;
        let cells: Vec<&Token> = rows.iter().flat_map(|s| s.cells.iter().copied()).collect();
        fill(&mut table, &cells, norm);
        return table;
    }
    // Glued digit runs (flattened web text): one run, or a few when the
    // region is flattened and a stray space cut it.
    if let Some((cells, runs)) = segs.iter().rev().find_map(|s| glued_cells(s, looks_flattened(tokens))) {
        table.found = true;
        // 15 digits: one digit a cell, taken (the rules check the totals).
        let digits: usize = runs.iter().map(|r| r.len()).sum();
        let found = if digits == CELLS {
            split_runs(&runs, Arith { groups: &[CELLS], fits: &any_fits }, 2)
        } else {
            split_runs(&runs, Arith { groups: &[5, 5, 5], fits: &row_total_fits }, MAX_CANDIDATES + 1)
        };
        let line = cells.first().map(|t| norm.line_at(t.start));
        let placed = match &found.splits[..] {
            [only] if found.complete => place_parts(&cells, only),
            _ => None,
        };
        match placed {
            Some(placed) => {
                for (i, (v, t, offset)) in placed.into_iter().enumerate() {
                    if let Some(row) = table.rows.get_mut(i / 5) {
                        row.found = true;
                        row.line = line;
                        row.cells[i % 5] =
                            cell_from_part(REVIEW_COLUMNS[i % 5].key, ValueKind::Count, v, t, offset, norm);
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
            expected: CELLS,
            values: seg.cells.iter().map(|t| norm.text[t.start..t.end].to_string()).collect(),
            line: Some(line),
        });
    }
    table
}

fn fill(table: &mut Table, cells: &[&Token], norm: &Normalised) {
    for (i, t) in cells.iter().enumerate() {
        let row = &mut table.rows[i / 5];
        row.found = true;
        row.line.get_or_insert(norm.line_at(t.start));
        read_cell(&mut row.cells[i % 5], ValueKind::Count, t, norm);
    }
}

/// A segment whose cells are glued digit runs holding at least 15 digits:
/// its cells and their digits. Several runs only when `multi_run`.
fn glued_cells<'t>(seg: &Segment<'t>, multi_run: bool) -> Option<(Vec<&'t Token>, Vec<&'t str>)> {
    if seg.cells.is_empty() || seg.cells.len() >= CELLS || (seg.cells.len() > 1 && !multi_run) {
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
    (digits >= CELLS).then(|| (seg.cells.clone(), runs))
}

/// Three consecutive segments of five cells whose labels name the groups.
fn grouped<'a, 't>(segs: &'a [Segment<'t>]) -> Option<[&'a Segment<'t>; 3]> {
    let cues = ["行政复议", "直接起诉", "复议后起诉"];
    segs.windows(3).rev().find_map(|w| {
        let ok = w.iter().zip(cues).all(|(s, cue)| s.cells.len() == 5 && similarity(&s.label, cue) > 0.7);
        ok.then(|| [&w[0], &w[1], &w[2]])
    })
}
