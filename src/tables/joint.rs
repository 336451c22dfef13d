//! Glued rows solved together, by the table's own column arithmetic.
//!
//! A row of table 三 glued into one digit run (`270020130`) may have two
//! splits that both keep its row total (27|0|0|2|0|1|30 and 2|7|0|0|20|1|30).
//! The columns then decide: （七）总计 is the sum of the outcome rows, and
//! 一 + 二 = （七）+ 四, in every column. Every combination of the rows'
//! splits is tried (within a budget); a row whose split is the same in every
//! combination that keeps the columns is settled, the others stay ambiguous.
//!
//! Only the equations of columns where some glued row's splits differ are
//! used: an error elsewhere in the report (a column that does not add up
//! whatever the split) must not make a split look impossible.

/// A glued row: its index among the table's rows and its candidate splits.
pub struct Unknown<'a> {
    pub row: usize,
    pub splits: &'a [Vec<i64>],
}

/// `Σ coef × cell(row, column) = 0` in one column.
#[derive(Clone, Debug)]
pub struct Equation {
    pub column: usize,
    pub terms: Vec<(usize, i64)>,
}

/// What the joint search found for each unknown row.
#[derive(Debug, Default, PartialEq)]
pub struct Joint {
    /// The index of the row's split when the columns leave only one.
    pub settled: Vec<Option<usize>>,
    /// The splits of each row that occur in some combination keeping the
    /// columns (empty when none does or the search was cut short).
    pub consistent: Vec<Vec<usize>>,
}

/// Steps of the search before it gives up (and settles nothing).
const BUDGET: usize = 100_000;

/// Solves the glued rows together. `known(row, column)` is a cell's value
/// when the row is not glued and the cell has one.
pub fn solve(known: &dyn Fn(usize, usize) -> Option<i64>, unknowns: &[Unknown], equations: &[Equation]) -> Joint {
    let n = unknowns.len();
    let mut result = Joint { settled: vec![None; n], consistent: vec![Vec::new(); n] };
    let position = |row: usize| unknowns.iter().position(|u| u.row == row);
    let mut usable: Vec<Usable> = Vec::new();
    for eq in equations {
        let mut constant = 0i64;
        let mut terms = Vec::new();
        let mut ok = true;
        for &(row, coef) in &eq.terms {
            match position(row) {
                Some(u) => terms.push((u, coef)),
                None => match known(row, eq.column) {
                    Some(v) => constant = constant.saturating_add(coef.saturating_mul(v)),
                    None => ok = false,
                },
            }
        }
        let discriminating = terms.iter().any(|&(u, _)| {
            let s = unknowns[u].splits;
            s.iter().any(|v| v.get(eq.column) != s.first().and_then(|f| f.get(eq.column)))
        });
        if ok && discriminating {
            let last = terms.iter().map(|t| t.0).max().unwrap_or(0);
            usable.push(Usable { constant, terms, last, column: eq.column });
        }
    }
    if n == 0 || unknowns.iter().any(|u| u.splits.is_empty()) {
        return result;
    }
    let seen: Vec<Vec<bool>> = unknowns.iter().map(|u| vec![false; u.splits.len()]).collect();
    let mut search = Search { unknowns, usable: &usable, choice: vec![0; n], seen, solutions: 0, budget: BUDGET };
    if !search.walk(0) || search.solutions == 0 {
        return result;
    }
    for (u, seen) in search.seen.iter().enumerate() {
        let indices: Vec<usize> = seen.iter().enumerate().filter(|(_, &s)| s).map(|(i, _)| i).collect();
        if let [only] = indices[..] {
            result.settled[u] = Some(only);
        }
        result.consistent[u] = indices;
    }
    result
}

/// An equation the search can check: its known part, its terms over
/// unknowns (index, coefficient), and the last unknown it waits for.
struct Usable {
    constant: i64,
    terms: Vec<(usize, i64)>,
    last: usize,
    column: usize,
}

struct Search<'a> {
    unknowns: &'a [Unknown<'a>],
    usable: &'a [Usable],
    choice: Vec<usize>,
    seen: Vec<Vec<bool>>,
    solutions: usize,
    budget: usize,
}

impl Search<'_> {
    /// Tries every split of unknown `u` on; false when out of budget.
    fn walk(&mut self, u: usize) -> bool {
        if u == self.unknowns.len() {
            self.solutions += 1;
            for (k, &c) in self.choice.iter().enumerate() {
                self.seen[k][c] = true;
            }
            return true;
        }
        for i in 0..self.unknowns[u].splits.len() {
            if self.budget == 0 {
                return false;
            }
            self.budget -= 1;
            self.choice[u] = i;
            if self.holds_up_to(u) && !self.walk(u + 1) {
                return false;
            }
        }
        true
    }

    /// Whether every equation completed by unknown `u` holds.
    fn holds_up_to(&self, u: usize) -> bool {
        self.usable.iter().filter(|e| e.last == u).all(|e| {
            let sum = e.terms.iter().fold(e.constant, |acc, &(k, coef)| {
                let v = self.unknowns[k].splits[self.choice[k]].get(e.column).copied().unwrap_or(0);
                acc.saturating_add(coef.saturating_mul(v))
            });
            sum == 0
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows: 0 = 3.1 (glued), 1 = 3.4.1 (glued), 2 = others (known), 3 = total.
    fn outcome(column: usize) -> Equation {
        Equation { column, terms: vec![(0, 1), (1, 1), (2, 1), (3, -1)] }
    }

    #[test]
    fn the_column_total_picks_the_splits() {
        let a = vec![vec![2, 7, 0, 0, 20, 1, 30], vec![27, 0, 0, 2, 0, 1, 30]];
        let b = vec![vec![2, 20, 0, 0, 0, 3, 25], vec![22, 0, 0, 0, 0, 3, 25]];
        let others = [14, 0, 0, 0, 0, 0, 14];
        let total = [63, 0, 0, 2, 0, 4, 69];
        let known = |row: usize, col: usize| match row {
            2 => Some(others[col]),
            3 => Some(total[col]),
            _ => None,
        };
        let eqs: Vec<Equation> = (0..7).map(outcome).collect();
        let j = solve(&known, &[Unknown { row: 0, splits: &a }, Unknown { row: 1, splits: &b }], &eqs);
        assert_eq!(j.settled, [Some(1), Some(1)]);
    }

    #[test]
    fn two_ways_that_both_keep_the_columns_stay_open() {
        let a = vec![vec![1, 2, 3], vec![2, 1, 3]];
        let b = vec![vec![2, 1, 3], vec![1, 2, 3]];
        let known = |row: usize, col: usize| (row == 3).then_some([3, 3, 6][col]).or((row == 2).then_some(0));
        let eqs: Vec<Equation> = (0..3).map(outcome).collect();
        let j = solve(&known, &[Unknown { row: 0, splits: &a }, Unknown { row: 1, splits: &b }], &eqs);
        assert_eq!(j.settled, [None, None]);
        assert_eq!(j.consistent, [vec![0, 1], vec![0, 1]]);
    }

    #[test]
    fn an_error_in_another_column_does_not_block() {
        let a = vec![vec![1, 0, 1], vec![0, 1, 1]];
        // Column 2 is wrong whatever the split (1 + 5 ≠ 9): not used.
        let known = |row: usize, col: usize| match row {
            2 => Some([0, 0, 5][col]),
            3 => Some([1, 0, 9][col]),
            _ => None,
        };
        let eqs: Vec<Equation> = (0..3).map(|c| Equation { column: c, terms: vec![(0, 1), (2, 1), (3, -1)] }).collect();
        let j = solve(&known, &[Unknown { row: 0, splits: &a }], &eqs);
        assert_eq!(j.settled, [Some(0)]);
    }

    #[test]
    fn a_missing_cell_makes_its_equation_unusable() {
        let a = vec![vec![1, 0], vec![0, 1]];
        let known = |_: usize, _: usize| None;
        let eqs: Vec<Equation> = (0..2).map(|c| Equation { column: c, terms: vec![(0, 1), (3, -1)] }).collect();
        let j = solve(&known, &[Unknown { row: 0, splits: &a }], &eqs);
        assert_eq!(j.settled, [None]);
    }

    #[test]
    fn the_search_is_bounded() {
        let many: Vec<Vec<i64>> = (0..64).map(|i| vec![i, 0]).collect();
        let unknowns: Vec<Unknown> = (0..10).map(|r| Unknown { row: r, splits: &many }).collect();
        let eqs = vec![Equation { column: 1, terms: (0..10).map(|r| (r, 1)).collect() }];
        let j = solve(&|_, _| Some(0), &unknowns, &eqs);
        assert!(j.settled.iter().all(Option::is_none));
    }
}
