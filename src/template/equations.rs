//! A table's arithmetic as data: each [`Equation`] is a family of sums the
//! template requires (every row's 总计, every column's balance), expanded
//! into [`Instance`]s over cells for whoever reads them: the sum rules, the
//! joint solver for glued rows, the column-major verifier, the placement
//! of sparse rows and the fix suggestions.

use super::{ColKey, GridSpec, RowKey};

/// A family of sums a table must keep.
#[derive(Debug)]
pub struct Equation {
    /// The rule that reports a break (`requests.row_total`).
    pub code: &'static str,
    pub form: Form,
}

/// The shape of a family of sums.
#[derive(Debug)]
pub enum Form {
    /// In every row: `total` = the sum of `parts`.
    EachRow { total: ColKey, parts: &'static [ColKey] },
    /// In every column: the sum of the `left` rows = the sum of the `right` rows.
    EachColumn { left: &'static [RowKey], right: &'static [RowKey] },
}

/// A cell of a grid table, by keys.
pub type Cell = (RowKey, ColKey);

/// One sum of a family: `left` adds up to `right`, along one row or column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instance {
    pub code: &'static str,
    /// The row (for [`Form::EachRow`]) or column (for [`Form::EachColumn`]) it runs along.
    pub along: Along,
    pub left: Vec<Cell>,
    pub right: Vec<Cell>,
}

/// Where an instance runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Along {
    Row(RowKey),
    Column(ColKey),
}

impl Equation {
    /// Every sum of the family over a grid's rows and columns, in template
    /// order (rows top to bottom, columns left to right).
    pub fn instances(&'static self, grid: &GridSpec) -> Vec<Instance> {
        let mut out = Vec::new();
        match &self.form {
            Form::EachRow { total, parts } => {
                for r in grid.rows {
                    out.push(self.instance(Along::Row(r.key), &[r.key], &[*total], &[r.key], parts));
                }
            }
            Form::EachColumn { left, right } => {
                for c in grid.columns {
                    out.push(self.instance(Along::Column(c.key), left, &[c.key], right, &[c.key]));
                }
            }
        }
        out
    }

    /// The instance whose left side is every cell of `left_rows` × `left_columns`, and so the right.
    fn instance(
        &self,
        along: Along,
        left_rows: &[RowKey],
        left_columns: &[ColKey],
        right_rows: &[RowKey],
        right_columns: &[ColKey],
    ) -> Instance {
        Instance {
            code: self.code,
            along,
            left: cells(left_rows, left_columns),
            right: cells(right_rows, right_columns),
        }
    }

    /// For a row-total family: whether `values`, one a column in `grid`'s
    /// column order, keep it. Other families hold trivially.
    pub fn row_holds(&self, grid: &GridSpec, values: &[i64]) -> bool {
        let Form::EachRow { total, parts } = &self.form else { return true };
        let at = |k: ColKey| grid.columns.iter().position(|c| c.key == k).and_then(|i| values.get(i)).copied();
        match (at(*total), parts.iter().map(|&p| at(p)).sum::<Option<i64>>()) {
            (Some(t), Some(sum)) => t == sum,
            _ => false,
        }
    }
}

fn cells(rows: &[RowKey], columns: &[ColKey]) -> Vec<Cell> {
    let mut out = Vec::with_capacity(rows.len() * columns.len());
    for &r in rows {
        for &c in columns {
            out.push((r, c));
        }
    }
    out
}

impl Instance {
    /// The sums of both sides when every cell has a value.
    pub fn sides(&self, value: &dyn Fn(Cell) -> Option<i64>) -> Option<(i64, i64)> {
        let sum = |cells: &[Cell]| {
            let mut total = 0i64;
            for &c in cells {
                total = total.saturating_add(value(c)?);
            }
            Some(total)
        };
        Some((sum(&self.left)?, sum(&self.right)?))
    }

    /// Every cell, left side first.
    pub fn cells(&self) -> impl Iterator<Item = Cell> + '_ {
        self.left.iter().chain(&self.right).copied()
    }
}
