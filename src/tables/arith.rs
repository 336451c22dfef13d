//! A table's equations, as the template declares them, in the forms the
//! readers use: a row's own sums (to cut glued digits and to tell a page
//! number from a cell), the columns' sums over row indices (to settle
//! glued rows together), and a check of rows rebuilt from column-major
//! text. Nothing here knows which table it reads.

use super::joint;
use super::model::{Cell, Row, Table};
use crate::template::{Along, ColKey, Form, GridSpec, RowKey};

/// The sums within one row of a grid table, by column index.
pub struct RowSums {
    /// (total's column, the parts' columns) for each row-total equation.
    sums: Vec<(usize, Vec<usize>)>,
}

impl RowSums {
    pub fn of(grid: &GridSpec) -> Self {
        let index = |k: ColKey| grid.columns.iter().position(|c| c.key == k);
        let sums = grid
            .equations
            .iter()
            .filter_map(|e| match &e.form {
                Form::EachRow { total, parts } => {
                    Some((index(*total)?, parts.iter().map(|&p| index(p)).collect::<Option<_>>()?))
                }
                Form::EachColumn { .. } => None,
            })
            .collect();
        RowSums { sums }
    }

    /// The columns that are a row's totals (one per row-total equation).
    pub fn totals(&self) -> impl Iterator<Item = usize> + '_ {
        self.sums.iter().map(|(total, _)| *total)
    }

    /// Whether a row's values, one a column, keep every sum of the row.
    pub fn hold(&self, values: &[i64]) -> bool {
        self.sums.iter().all(|(total, parts)| {
            let sum = parts.iter().try_fold(0i64, |acc, &p| Some(acc.saturating_add(*values.get(p)?)));
            sum.is_some() && sum == values.get(*total).copied()
        })
    }
}

/// Whether every row of a grid table is read whole (a blank cell as 0)
/// and keeps its own sums.
pub fn rows_hold(table: &Table, grid: &GridSpec) -> bool {
    let sums = RowSums::of(grid);
    table.rows.iter().all(|row| {
        let values: Option<Vec<i64>> = row.cells.iter().map(Cell::counted).collect();
        values.is_some_and(|v| sums.hold(&v))
    })
}

/// The grid's column sums as equations over `rows` (indices in `rows`), for
/// the joint solver: `Σ coef × cell(row, column) = 0`.
pub fn column_equations(grid: &'static GridSpec, rows: &[Row]) -> Vec<joint::Equation> {
    let row_index = |k: RowKey| rows.iter().position(|r| r.key == k);
    let column_index = |k: ColKey| grid.columns.iter().position(|c| c.key == k);
    let mut out = Vec::new();
    for instance in grid.sums().iter() {
        let Along::Column(column) = instance.along else { continue };
        let signed = instance.left.iter().map(|c| (c, 1)).chain(instance.right.iter().map(|c| (c, -1)));
        let terms: Option<Vec<(usize, i64)>> = signed.map(|(&(row, _), sign)| Some((row_index(row)?, sign))).collect();
        if let (Some(terms), Some(column)) = (terms, column_index(column)) {
            out.push(joint::Equation { column, terms });
        }
    }
    out
}

/// Whether rows rebuilt from column-major text, as (row key, values one a
/// column), keep the table's arithmetic: every row's own sums, and every
/// column sum whose rows are all there. `grids` are the versions' specs
/// of the table, newest first; the first that has every row is used.
pub fn adds_up(grids: &[&'static GridSpec], rows: &[(RowKey, Vec<i64>)]) -> bool {
    let Some(grid) = grids.iter().find(|g| rows.iter().all(|(k, _)| g.row(*k).is_some())) else { return false };
    let sums = RowSums::of(grid);
    if !rows.iter().all(|(_, v)| sums.hold(v)) {
        return false;
    }
    let value = |(row, column): (RowKey, ColKey)| {
        let c = grid.columns.iter().position(|c| c.key == column)?;
        rows.iter().find(|r| r.0 == row).and_then(|r| r.1.get(c).copied())
    };
    grid.sums()
        .iter()
        .filter(|i| matches!(i.along, Along::Column(_)))
        .all(|i| i.sides(&value).is_none_or(|(left, right)| left == right))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::v2021::V2021;

    #[test]
    fn a_row_holds_when_its_total_is_its_parts() {
        let sums = RowSums::of(&V2021.requests);
        assert!(sums.hold(&[1, 2, 0, 0, 0, 0, 3]));
        assert!(!sums.hold(&[1, 2, 0, 0, 0, 0, 4]));
        assert!(!sums.hold(&[1, 2, 3]));
        let groups = RowSums::of(&V2021.review);
        assert!(groups.hold(&[1, 0, 2, 0, 3]) && !groups.hold(&[1, 0, 2, 0, 4]));
    }

    #[test]
    fn column_sums_are_checked_where_their_rows_are_there() {
        let q = crate::template::keys::requests::NEW;
        // One row: only its own total can be checked.
        assert!(adds_up(&[&V2021.requests], &[(q, vec![1, 0, 0, 0, 0, 0, 1])]));
        assert!(!adds_up(&[&V2021.requests], &[(q, vec![1, 0, 0, 0, 0, 0, 2])]));
    }
}
