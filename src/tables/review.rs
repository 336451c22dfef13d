//! Table 四: 行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉), five
//! columns each: 15 numbers in one template row.
//!
//! The header is text only (often one character a line); the numbers are
//! the run of cells after it. Numbers inside the header are noise (seed
//! 001's `1.0 1 * 211`). Some reports give the three groups as three rows
//! of five; that shape is read too.

use super::fill::{split_digits, MAX_CANDIDATES};
use super::matching::similarity;
use super::segments::{segments, Segment};
use super::values::{cell_from_part, cell_from_token, ValueKind};
use crate::model::{Row, RowIssue, Table};
use crate::normalise::Normalised;
use crate::template::{TableId, REVIEW_COLUMNS, REVIEW_GROUPS};
use crate::tokens::{Kind, Token};

const CELLS: usize = 15;

pub fn parse(tokens: &[Token], norm: &Normalised) -> Table {
    let mut table = Table::new(TableId::Review);
    table.rows = REVIEW_GROUPS.iter().map(|g| Row::new(g.key, g.label, &REVIEW_COLUMNS)).collect();
    let segs = segments(tokens, &norm.text);
    let Some(first) = segs.first().and_then(Segment::first_token) else { return table };
    table.line = Some(norm.line_at(first.start));

    // The usual shape: one run of 15 cells, the last such run.
    if let Some(seg) = segs.iter().rev().find(|s| s.cells.len() == CELLS) {
        table.found = true;
        fill(&mut table, &seg.cells, norm);
        return table;
    }
    // Three rows of five, labelled by group.
    if let Some(rows) = grouped(&segs) {
        table.found = true;
        let cells: Vec<&Token> = rows.iter().flat_map(|s| s.cells.iter().copied()).collect();
        fill(&mut table, &cells, norm);
        return table;
    }
    // One glued digit run (flattened web text).
    if let Some((seg, t, digits)) = segs.iter().rev().find_map(|s| match s.cells[..] {
        [t] => match &t.kind {
            Kind::Number(n) if n.frac.is_none() && n.int.len() >= CELLS => Some((s, t, n.int.clone())),
            _ => None,
        },
        _ => None,
    }) {
        let _ = seg;
        table.found = true;
        let found = split_digits(&digits, &[5, 5, 5], &groups_fit);
        if found.len() == 1 {
            for (i, v) in found[0].iter().enumerate() {
                table.rows[i / 5].cells[i % 5] = cell_from_part(REVIEW_COLUMNS[i % 5].key, *v, t, norm);
            }
            let line = norm.line_at(t.start);
            table.rows.iter_mut().for_each(|r| {
                r.found = true;
                r.line = Some(line);
            });
        } else {
            table.issues.push(RowIssue::Ambiguous {
                digits,
                candidates: found.into_iter().take(MAX_CANDIDATES).collect(),
                line: Some(norm.line_at(t.start)),
            });
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
        row.cells[i % 5] = cell_from_token(REVIEW_COLUMNS[i % 5].key, ValueKind::Count, t, norm);
    }
}

/// Each group's total is the sum of its four results.
fn groups_fit(v: &[i64]) -> bool {
    v.chunks(5).all(|g| g[..4].iter().sum::<i64>() == g[4])
}

/// Three consecutive segments of five cells whose labels name the groups.
fn grouped<'a, 't>(segs: &'a [Segment<'t>]) -> Option<[&'a Segment<'t>; 3]> {
    let cues = ["行政复议", "直接起诉", "复议后起诉"];
    segs.windows(3).rev().find_map(|w| {
        let ok = w.iter().zip(cues).all(|(s, cue)| s.cells.len() == 5 && similarity(&s.label, cue) > 0.7);
        ok.then(|| [&w[0], &w[1], &w[2]])
    })
}
