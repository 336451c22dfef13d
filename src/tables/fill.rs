//! Putting a segment's cells into a row's columns, or saying why not.
//!
//! Exactly as many cells as columns: each goes to its column. More: numbers
//! that start a line which goes on with text are dropped if that leaves the
//! right count (OCR line numbers, `710` in seed 001). One glued digit run:
//! split it when the arithmetic leaves exactly one way (see [`split_digits`]).
//! Anything else: the row's cells stay absent and the row says how many
//! values it had, so a value is never shifted into a neighbouring column.

use super::segments::Segment;
use super::values::{cell_from_part, cell_from_token, ValueKind};
use crate::model::{Row, RowIssue};
use crate::normalise::Normalised;
use crate::tokens::{Kind, Token};

/// At most this many candidate splits are listed in a diagnostic.
pub const MAX_CANDIDATES: usize = 6;
/// The search for splits gives up after this many steps (keeps time linear).
const SPLIT_BUDGET: usize = 200_000;

pub fn fill_row(
    row: &mut Row,
    seg: &Segment,
    kinds: &[ValueKind],
    fits: &dyn Fn(&[i64]) -> bool,
    norm: &Normalised,
) {
    let expected = row.columns.len();
    let line_of = |t: &Token| norm.line_at(t.start);
    let mut cells: Vec<&Token> = seg.cells.clone();
    if cells.len() > expected {
        let kept: Vec<&Token> = cells.iter().zip(&seg.leading).filter(|(_, &l)| !l).map(|(t, _)| *t).collect();
        if kept.len() == expected {
            let dropped: Vec<String> = cells
                .iter()
                .zip(&seg.leading)
                .filter(|(_, &l)| l)
                .map(|(t, _)| norm.text[t.start..t.end].to_string())
                .collect();
            let first_dropped = cells.iter().zip(&seg.leading).find(|(_, &l)| l).map(|(t, _)| line_of(t));
            row.issues.push(RowIssue::StrayNumbers { values: dropped, line: first_dropped });
            cells = kept;
        }
    }
    row.line = cells.first().or(seg.label_token.as_ref()).map(|t| line_of(t));
    if cells.len() == expected {
        for (i, t) in cells.iter().enumerate() {
            row.cells[i] = cell_from_token(row.columns[i].key, kinds[i], t, norm);
        }
        return;
    }
    if let [t] = cells[..] {
        if let Kind::Number(n) = &t.kind {
            if n.frac.is_none() && !n.negative && n.int.len() >= expected && expected > 1 {
                let found = split_digits(&n.int, &[expected], fits);
                if found.len() == 1 {
                    for (i, v) in found[0].iter().enumerate() {
                        row.cells[i] = cell_from_part(row.columns[i].key, *v, t, norm);
                    }
                } else {
                    row.issues.push(RowIssue::Ambiguous {
                        digits: n.int.clone(),
                        candidates: found.into_iter().take(MAX_CANDIDATES).collect(),
                        line: Some(line_of(t)),
                    });
                }
                return;
            }
        }
    }
    if !cells.is_empty() || seg.label_token.is_some() {
        row.issues.push(RowIssue::ValueCount {
            found: cells.len(),
            expected,
            values: cells.iter().map(|t| norm.text[t.start..t.end].to_string()).collect(),
            line: row.line,
        });
    }
}

/// Every way to cut `digits` into groups of parts (`groups[k]` parts each),
/// no part with a leading zero, such that `fits` accepts each whole split.
/// Returns at most `MAX_CANDIDATES + 1` splits (enough to tell unique from
/// ambiguous and to show some candidates).
pub fn split_digits(digits: &str, groups: &[usize], fits: &dyn Fn(&[i64]) -> bool) -> Vec<Vec<i64>> {
    let parts: usize = groups.iter().sum();
    let mut out = Vec::new();
    let mut current = Vec::with_capacity(parts);
    let mut budget = SPLIT_BUDGET;
    walk(digits.as_bytes(), parts, &mut current, fits, &mut out, &mut budget);
    out
}

fn walk(
    rest: &[u8],
    parts_left: usize,
    current: &mut Vec<i64>,
    fits: &dyn Fn(&[i64]) -> bool,
    out: &mut Vec<Vec<i64>>,
    budget: &mut usize,
) {
    if out.len() > MAX_CANDIDATES || *budget == 0 {
        return;
    }
    *budget -= 1;
    if parts_left == 0 {
        if rest.is_empty() && fits(current) {
            out.push(current.clone());
        }
        return;
    }
    if rest.len() < parts_left {
        return;
    }
    let max_len = if rest[0] == b'0' { 1 } else { (rest.len() - (parts_left - 1)).min(12) };
    for len in 1..=max_len {
        let v: i64 = std::str::from_utf8(&rest[..len]).ok().and_then(|s| s.parse().ok()).unwrap_or(0);
        current.push(v);
        walk(&rest[len..], parts_left - 1, current, fits, out, budget);
        current.pop();
    }
}

/// The arithmetic of a row of table 三: the total is the sum of the rest.
pub fn row_total_fits(v: &[i64]) -> bool {
    v.len() >= 2 && v[..v.len() - 1].iter().sum::<i64>() == v[v.len() - 1]
}

pub fn any_fits(_: &[i64]) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattened_row_splits_by_its_total() {
        let s = split_digits("640020470", &[7], &row_total_fits);
        assert!(s.contains(&vec![64, 0, 0, 2, 0, 4, 70]));
        assert!(s.iter().all(|v| row_total_fits(v)));
        assert_eq!(split_digits("0000000", &[7], &row_total_fits), [vec![0; 7]]);
        assert_eq!(split_digits("1000001", &[7], &row_total_fits), [vec![1, 0, 0, 0, 0, 0, 1]]);
    }

    #[test]
    fn single_digits_split_uniquely() {
        assert_eq!(split_digits("000", &[3], &any_fits), [vec![0, 0, 0]]);
        assert!(split_digits("693665", &[3], &any_fits).len() > 1);
    }
}
