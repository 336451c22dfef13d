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
#[derive(Clone, Copy)]
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
///
/// The rows are tried in the order that cuts the search soonest: those in
/// the most equations first (a total binds every row it sums), then those
/// with the fewest splits, then the largest values (a large value placed
/// where the column's total cannot take it ends that branch).
pub fn solve(known: &dyn Fn(usize, usize) -> Option<i64>, unknowns: &[Unknown], equations: &[Equation]) -> Joint {
    let weight = |u: &Unknown| {
        let equations = equations.iter().filter(|e| e.terms.iter().any(|t| t.0 == u.row)).count();
        let largest = u.splits.iter().flatten().map(|v| v.unsigned_abs()).max().unwrap_or(0);
        (std::cmp::Reverse(equations), u.splits.len(), std::cmp::Reverse(largest))
    };
    let mut order: Vec<usize> = (0..unknowns.len()).collect();
    order.sort_by_cached_key(|&u| weight(&unknowns[u]));
    let ordered: Vec<Unknown> = order.iter().map(|&u| unknowns[u]).collect();
    let found = solve_in_order(known, &ordered, equations);
    let mut result = Joint { settled: vec![None; unknowns.len()], consistent: vec![Vec::new(); unknowns.len()] };
    for (p, &u) in order.iter().enumerate() {
        result.settled[u] = found.settled[p];
        result.consistent[u] = found.consistent[p].clone();
    }
    result
}

fn solve_in_order(known: &dyn Fn(usize, usize) -> Option<i64>, unknowns: &[Unknown], equations: &[Equation]) -> Joint {
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
            usable.push(Usable::new(constant, terms, eq.column, unknowns));
        }
    }
    if n == 0 || unknowns.iter().any(|u| u.splits.is_empty()) {
        return result;
    }
    // Splits that give the same values (`0 0` in any column) are one choice.
    let distinct: Vec<Vec<usize>> = unknowns
        .iter()
        .map(|u| (0..u.splits.len()).filter(|&i| !u.splits[..i].contains(&u.splits[i])).collect())
        .collect();
    // For each unknown, the equations it is in with its coefficient there
    // (summed, should a row stand twice in one) and the equation's column.
    let mut involved: Vec<Vec<Involved>> = vec![Vec::new(); n];
    for (e, eq) in usable.iter().enumerate() {
        for &(u, coef) in &eq.terms {
            match involved[u].iter_mut().find(|x| x.equation == e) {
                Some(x) => x.coef = x.coef.saturating_add(coef),
                None => involved[u].push(Involved { equation: e, coef, column: eq.column }),
            }
        }
    }
    let seen: Vec<Vec<bool>> = unknowns.iter().map(|u| vec![false; u.splits.len()]).collect();
    let partial = usable.iter().map(|e| e.constant).collect();
    let mut search = Search {
        unknowns,
        usable: &usable,
        distinct: &distinct,
        involved: &involved,
        choice: vec![0; n],
        partial,
        seen,
        unseen: distinct.iter().map(Vec::len).sum(),
        solutions: 0,
        budget: BUDGET,
    };
    let finished = search.walk(0);
    if !finished || search.solutions == 0 {
        return result;
    }
    for (u, seen) in search.seen.iter().enumerate() {
        // A split seen stands for every split with its values.
        let splits = unknowns[u].splits;
        let indices: Vec<usize> =
            (0..splits.len()).filter(|&i| (0..splits.len()).any(|j| seen[j] && splits[j] == splits[i])).collect();
        if let [only] = indices[..] {
            result.settled[u] = Some(only);
        }
        result.consistent[u] = indices;
    }
    result
}

/// An equation the search can check: its known part, its terms over
/// unknowns (index, coefficient), and for each unknown the least and most
/// the terms after it can still add.
struct Usable {
    constant: i64,
    terms: Vec<(usize, i64)>,
    column: usize,
    /// `after[u]`: the (least, most) the terms of unknowns after `u` add.
    after: Vec<(i64, i64)>,
}

impl Usable {
    fn new(constant: i64, terms: Vec<(usize, i64)>, column: usize, unknowns: &[Unknown]) -> Usable {
        let n = unknowns.len();
        let mut after = vec![(0i64, 0i64); n];
        let mut low = 0i64;
        let mut high = 0i64;
        for u in (0..n).rev() {
            after[u] = (low, high);
            for &(k, coef) in terms.iter().filter(|t| t.0 == u) {
                let values =
                    unknowns[k].splits.iter().map(|s| coef.saturating_mul(s.get(column).copied().unwrap_or(0)));
                low = low.saturating_add(values.clone().min().unwrap_or(0));
                high = high.saturating_add(values.max().unwrap_or(0));
            }
        }
        Usable { constant, terms, column, after }
    }
}

/// An unknown's place in an equation.
#[derive(Clone, Copy)]
struct Involved {
    equation: usize,
    coef: i64,
    column: usize,
}

struct Search<'a> {
    unknowns: &'a [Unknown<'a>],
    usable: &'a [Usable],
    /// Each unknown's splits with values of their own (the first of each).
    distinct: &'a [Vec<usize>],
    /// The equations each unknown is in.
    involved: &'a [Vec<Involved>],
    choice: Vec<usize>,
    /// Each equation's sum over its known part and the unknowns chosen.
    partial: Vec<i64>,
    seen: Vec<Vec<bool>>,
    /// How many distinct splits are not yet seen in a solution.
    unseen: usize,
    solutions: usize,
    budget: usize,
}

impl Search<'_> {
    /// Tries every split of unknown `u` on; false when out of budget.
    fn walk(&mut self, u: usize) -> bool {
        if u == self.unknowns.len() {
            self.solutions += 1;
            for (k, &c) in self.choice.iter().enumerate() {
                if !self.seen[k][c] {
                    self.seen[k][c] = true;
                    self.unseen -= 1;
                }
            }
            return true;
        }
        for d in 0..self.distinct[u].len() {
            // Every split of every row seen in some solution: nothing more
            // to learn.
            if self.unseen == 0 {
                return true;
            }
            let i = self.distinct[u][d];
            if self.budget == 0 {
                return false;
            }
            self.budget -= 1;
            self.choice[u] = i;
            let split = &self.unknowns[u].splits[i];
            let term = |x: &Involved| x.coef.saturating_mul(split.get(x.column).copied().unwrap_or(0));
            for x in &self.involved[u] {
                self.partial[x.equation] = self.partial[x.equation].saturating_add(term(x));
            }
            let ok = self.may_hold(u) && self.walk(u + 1);
            for x in &self.involved[u] {
                self.partial[x.equation] = self.partial[x.equation].saturating_sub(term(x));
            }
            if !ok && self.budget == 0 {
                return false;
            }
        }
        true
    }

    /// Whether every equation unknown `u` is in can still come to 0 with the
    /// unknowns after it.
    fn may_hold(&self, u: usize) -> bool {
        self.involved[u].iter().all(|x| {
            let (low, high) = self.usable[x.equation].after[u];
            let sum = self.partial[x.equation];
            sum.saturating_add(low) <= 0 && sum.saturating_add(high) >= 0
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
    fn a_total_cuts_the_search_short() {
        // Twenty rows, each `v v` in one of six columns then the total; the
        // column totals say row r is in column r % 6. Without the bounds
        // this is 6^20 combinations.
        let rows = 20;
        let splits: Vec<Vec<Vec<i64>>> = (0..rows)
            .map(|r| {
                let v = 1 << r;
                (0..6).map(|c| (0..7).map(|k| if k == c || k == 6 { v } else { 0 }).collect()).collect()
            })
            .collect();
        let mut total = [0i64; 7];
        for r in 0..rows {
            total[r % 6] += 1 << r;
            total[6] += 1 << r;
        }
        let unknowns: Vec<Unknown> = (0..rows).map(|r| Unknown { row: r, splits: &splits[r] }).collect();
        let eqs: Vec<Equation> = (0..7)
            .map(|c| Equation { column: c, terms: (0..rows).map(|r| (r, 1)).chain([(rows, -1)]).collect() })
            .collect();
        let known = |row: usize, col: usize| (row == rows).then(|| total[col]);
        let j = solve(&known, &unknowns, &eqs);
        assert_eq!(j.settled, (0..rows).map(|r| Some(r % 6)).collect::<Vec<_>>());
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
