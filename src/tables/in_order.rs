//! A table whose values keep the template's order while its labels do not:
//! what `pdftotext` without `-raw` or `-layout` gives of many reports.
//!
//! Such text writes each cell alone on a line and groups the lines into
//! paragraphs (one blank line apart), in reading order: a row written cell
//! by cell is seven one-line paragraphs; rows written as a block are seven
//! paragraphs of as many lines as the block has rows, one a column. The row
//! labels leave their rows (a label of two lines, a group's label over
//! several rows, the labels of a block all after its numbers), so no label
//! can say which row a value is in; the values' order can.
//!
//! The values are taken in order, paragraph by paragraph, only when they
//! make up exactly the rows of a version of the template and the table
//! then keeps every equation it declares (each row's total, each column's
//! totals and the balance). A run of one-line paragraphs that could be read
//! row by row or column by column is read both ways, and taken only where
//! the ways that keep the equations give the same values. Otherwise nothing
//! is taken and the table stays said as unreadable: a number in the wrong
//! cell is worse than none.

use super::arith;
use super::sparse::whole;
use crate::read::tokens::{Kind, Token};
use crate::template::{GridSpec, RowKey};

/// A table's rows, each its cells.
type Rows<'t> = Vec<Vec<&'t Token>>;

/// At most this many ways of reading the runs of one-line paragraphs are
/// tried (two ways a run of two rows or more).
const MAX_WAYS: usize = 64;

/// The table's rows in template order, each its cells, when the values in
/// `tokens` (a table's region) read so for exactly one of `grids`' tables.
pub fn read<'t>(tokens: &'t [Token], grids: &[&'static GridSpec]) -> Option<(usize, Rows<'t>)> {
    let paragraphs = paragraphs(tokens);
    let mut found = None;
    for (g, grid) in grids.iter().enumerate() {
        let Some(rows) = rows_of(&paragraphs, grid) else { continue };
        if found.is_some() {
            // Two versions read alike: which one is not for the order to say.
            return None;
        }
        found = Some((g, rows));
    }
    found
}

/// The region's cells, in paragraphs: runs of lines that each hold one
/// number or blank mark and nothing else, on consecutive lines. A line of
/// several values and no words (`26 1093`: cells of a row set close) gives
/// each its own paragraph.
fn paragraphs(tokens: &[Token]) -> Vec<Vec<&Token>> {
    let mut out: Vec<Vec<&Token>> = Vec::new();
    let mut last_cell_line = None;
    let mut i = 0;
    while i < tokens.len() {
        let line = tokens[i].line;
        let end = tokens[i..].iter().position(|t| t.line != line).map_or(tokens.len(), |p| i + p);
        let on_line = &tokens[i..end];
        i = end;
        if !on_line.iter().all(|t| matches!(t.kind, Kind::Number(_) | Kind::Blank)) {
            continue;
        }
        match (on_line, out.last_mut()) {
            ([cell], Some(p)) if last_cell_line == Some(line.wrapping_sub(1)) => p.push(cell),
            ([cell], _) => out.push(vec![cell]),
            (cells, _) => {
                out.extend(cells.iter().map(|t| vec![t]));
                last_cell_line = None;
                continue;
            }
        }
        last_cell_line = Some(line);
    }
    out
}

/// The rows of `grid` read from the paragraphs, when they are exactly its
/// rows and every way of reading them that keeps its equations agrees.
fn rows_of<'t>(paragraphs: &[Vec<&'t Token>], grid: &'static GridSpec) -> Option<Rows<'t>> {
    let width = grid.columns.len();
    // Runs of paragraphs of one length; each must be whole rows.
    let mut runs: Vec<&[Vec<&Token>]> = Vec::new();
    let mut start = 0;
    for i in 1..=paragraphs.len() {
        if i == paragraphs.len() || paragraphs[i].len() != paragraphs[start].len() {
            runs.push(&paragraphs[start..i]);
            start = i;
        }
    }
    let mut rows_in_all = 0;
    for run in &runs {
        if run.is_empty() || !run.len().is_multiple_of(width) {
            return None;
        }
        rows_in_all += run.len() / width * run[0].len();
    }
    if rows_in_all != grid.rows.len() {
        return None;
    }
    // A run of one-line paragraphs of two rows or more reads row by row or
    // column by column; a run of longer ones only as blocks.
    let open: Vec<usize> = (0..runs.len()).filter(|&r| runs[r][0].len() == 1 && runs[r].len() > width).collect();
    let ways = 1usize.checked_shl(open.len() as u32).filter(|&w| w <= MAX_WAYS)?;
    let mut taken: Option<(Rows, Vec<Vec<i64>>)> = None;
    for way in 0..ways {
        let mut rows: Rows = Vec::with_capacity(grid.rows.len());
        for (r, run) in runs.iter().enumerate() {
            let by_column = open.iter().position(|&o| o == r).is_some_and(|bit| way >> bit & 1 == 1);
            read_run(run, width, by_column, &mut rows);
        }
        let values: Option<Vec<Vec<i64>>> =
            rows.iter().map(|row| row.iter().map(|t| whole(t)).collect::<Option<Vec<i64>>>()).collect();
        let values = values?;
        let keyed: Vec<(RowKey, Vec<i64>)> = grid.rows.iter().map(|s| s.key).zip(values.iter().cloned()).collect();
        if !arith::adds_up(&[grid], &keyed) {
            continue;
        }
        match &taken {
            None => taken = Some((rows, values)),
            Some((_, first)) if *first == values => {}
            Some(_) => return None,
        }
    }
    taken.map(|(rows, _)| rows)
}

/// The rows of one run of paragraphs, appended to `rows`: blocks of
/// `width` paragraphs, one a column; a run of one-line paragraphs row by
/// row unless `by_column`.
fn read_run<'t>(run: &[Vec<&'t Token>], width: usize, by_column: bool, rows: &mut Rows<'t>) {
    let height = run[0].len();
    if height == 1 {
        let n = run.len() / width;
        for r in 0..n {
            let at = |c: usize| if by_column { c * n + r } else { r * width + c };
            rows.push((0..width).map(|c| run[at(c)][0]).collect());
        }
        return;
    }
    for block in run.chunks(width) {
        for r in 0..height {
            rows.push(block.iter().map(|column| column[r]).collect());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::template::keys::requests as q;
    use crate::template::{v2019::V2019, v2021::V2021, RowKey, Version};
    use crate::testing::{codes, Sample};
    use crate::Report;

    /// A clean table 三 of `version`, row by row: a few requests granted,
    /// partly granted and carried over, the rest 0.
    fn values(version: &Version) -> Vec<(RowKey, [i64; 7])> {
        let given = [
            (q::NEW, [5, 1, 0, 0, 0, 2, 8]),
            (q::CARRIED_OVER, [1, 0, 0, 0, 0, 0, 1]),
            (q::GRANTED, [3, 1, 0, 0, 0, 2, 6]),
            (q::PARTLY_GRANTED, [2, 0, 0, 0, 0, 0, 2]),
            (q::OUTCOME_TOTAL, [5, 1, 0, 0, 0, 2, 8]),
            (q::CARRIED_FORWARD, [1, 0, 0, 0, 0, 0, 1]),
        ];
        let given = |key: RowKey| given.iter().find(|g| g.0 == key).map_or([0; 7], |g| g.1);
        version.requests.rows.iter().map(|r| (r.key, given(r.key))).collect()
    }

    /// Table 三 as plain `pdftotext` writes it: the header, then the rows'
    /// values in order, each group of `plan` (rows, written in a block)
    /// either a paragraph a cell, row by row, or a paragraph a column, with
    /// the group's labels after its numbers.
    fn plain(version: &Version, rows: &[(RowKey, [i64; 7])], plan: &[(usize, bool)]) -> String {
        let mut s = String::from("申请人情况\n自然人\n法人或其他组织\n商业\n企业\n科研\n机构\n总计\n\n");
        let mut at = 0;
        for &(n, block) in plan {
            let group = &rows[at..at + n];
            if block {
                for c in 0..7 {
                    for (_, v) in group {
                        s.push_str(&format!("{}\n", v[c]));
                    }
                    s.push('\n');
                }
            } else {
                for (_, v) in group {
                    for x in v {
                        s.push_str(&format!("{x}\n\n"));
                    }
                }
            }
            for (key, _) in group {
                let spec = version.requests.row(*key).expect("the version's row");
                s.push_str(&format!("{}{}\n", spec.ordinal, spec.label));
            }
            s.push('\n');
            at += n;
        }
        assert_eq!(at, rows.len(), "the plan covers every row");
        s
    }

    fn read(version: &'static Version, rows: &[(RowKey, [i64; 7])], plan: &[(usize, bool)]) -> Report {
        crate::check(&Sample::new(version).text_with_body(3, &plain(version, rows, plan)), None)
    }

    fn table_of(report: &Report) -> Vec<Vec<Option<i64>>> {
        let table = &report.tables.requests;
        table.rows.iter().map(|r| r.cells.iter().map(|c| c.value.and_then(|v| v.as_int())).collect()).collect()
    }

    #[test]
    fn values_in_the_templates_order_are_read_whatever_their_labels() {
        for (version, plan) in [
            (&V2021, &[(4, false), (10, true), (5, true), (2, false), (2, true), (2, false)][..]),
            (&V2019, &[(23, false)][..]),
            (&V2019, &[(2, false), (12, true), (8, true), (1, false)][..]),
        ] {
            let rows = values(version);
            let report = read(version, &rows, plan);
            let want: Vec<Vec<Option<i64>>> = rows.iter().map(|(_, v)| v.iter().map(|&x| Some(x)).collect()).collect();
            assert_eq!(table_of(&report), want, "{} {plan:?}", version.name);
            assert_eq!(report.tables.requests.version.map(|v| v.name), Some(version.name));
            assert!(!codes(&report).contains(&"table.layout"), "{:?}", codes(&report));
        }
    }

    #[test]
    fn values_that_break_the_tables_equations_in_that_order_are_not_placed() {
        let plan = [(4, false), (10, true), (5, true), (2, false), (2, true), (2, false)];
        // A row's total off by one: no order of the text can be proved.
        let mut rows = values(&V2021);
        rows[2].1[6] = 7;
        let report = read(&V2021, &rows, &plan);
        assert!(codes(&report).contains(&"table.layout"), "{:?}", codes(&report));
        assert!(table_of(&report).iter().flatten().all(Option::is_none));
        // A value too few (a page number taken for a cell, a cell lost):
        // the values are not the template's rows.
        let text = plain(&V2021, &values(&V2021), &plan).replacen("\n5\n\n1\n\n", "\n5\n\n", 1);
        let report = crate::check(&Sample::new(&V2021).text_with_body(3, &text), None);
        assert!(table_of(&report).iter().flatten().all(Option::is_none));
    }
}
