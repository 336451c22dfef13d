//! Table 三: 收到和处理政府信息公开申请情况, 7 applicant columns.
//!
//! Rows are found by aligning the region's segments with a version's rows
//! in order (see [`align`]); each version of the registry is tried, and the
//! version whose own rows are there, or whose rows fit best, wins.

use super::arith::{self, RowSums};
use super::columns::{self, Reading};
use super::fill::{fill_row, first_cell_number, looks_flattened, settle, values_in, Arith, Filled, Glue, Glued};
use super::in_order;
use super::joint::{solve, Unknown};
use super::matching::{align, Matcher, Probe};
use super::model::{Row, RowIssue, Table};
use super::segments::{segments, split_rows, Segment};
use super::sparse::{self, Short};
use super::tuning::{
    ordinal_window, CUE_ROW_SIMILARITY, EMPTY_ROW_GAIN, EMPTY_ROW_SIMILARITY, EMPTY_ROW_SIMILARITY_WITH_ORDINAL,
    FULL_ROW_BONUS, LABEL_WEIGHT, MATCH_THRESHOLD, MIN_ROWS_FOUND, NEWER_VERSION_MARGIN, ORDINAL_WEIGHT,
    UNFITTING_ROWS,
};
use super::values::ValueKind;
use crate::read::normalise::Normalised;
use crate::read::tokens::{Kind, Token};
use crate::template::{GridSpec, Registry, RowSpec, TableId, Version};

/// What table 三 shows of how its page's text is written, for the other
/// tables of the page.
pub struct PageShape {
    /// How the page glues its cells.
    pub glue: Glue,
    /// In blocks, values away from their rows (`pdftotext` without `-raw`
    /// or `-layout`): table 三's header split around its numbers, or numbers
    /// that no row takes.
    pub in_blocks: bool,
    /// Table 三 read from its values' order alone, its labels astray (see
    /// [`in_order`]): the page is in blocks, but kept its values in order.
    pub in_order: bool,
}

/// The table, and what it shows of its page's text (see [`PageShape`]).
pub fn parse(tokens: &[Token], norm: &Normalised, year: Option<i32>, registry: &Registry) -> (Table, PageShape) {
    let mut table = Table::new(TableId::Requests);
    let rows = prepared(registry);
    let segs = segments(tokens, &norm.text);
    let segs = match read_column_major(segs, tokens, norm, &rows) {
        Ok(segs) => segs,
        Err(_) if let Some(table) = read_in_order(tokens, norm, registry) => {
            return (table, PageShape { glue: Glue::Apart, in_blocks: false, in_order: true });
        }
        Err((why, line)) => {
            let version = registry.assumed_for(year);
            table.rows = version.requests.rows.iter().map(|spec| empty_row(spec, &version.requests)).collect();
            table.found = true;
            table.unreadable = Some(why);
            table.line = line;
            return (table, PageShape { glue: Glue::Apart, in_blocks: false, in_order: false });
        }
    };
    let segs = split_rows(segs, tokens, &norm.text);
    let scores = Scores::new(&segs, &rows);
    let chosen = choose_version(&segs, &rows, &scores, year, registry);
    let grid = &chosen.version.requests;
    let segs = values_above_their_label(segs, &chosen.assignment, grid.columns.len(), tokens);
    let stray = stray_values(&segs, &chosen.assignment, grid.columns.len());

    let kinds: Vec<ValueKind> = grid.columns.iter().map(|c| c.kind).collect();
    let sums = RowSums::of(grid);
    let fits = |values: &[i64]| sums.hold(values);
    let arith = Arith { groups: &[grid.columns.len()], fits: &fits };
    let multi_run = looks_flattened(tokens, &norm.text);
    let n = grid.columns.len();
    let values_of =
        |s: usize| -> Vec<&Token> { segs[s].cells.iter().copied().filter(|t| t.trace().is_none()).collect() };
    // Glued: fewer values than columns, digit runs, one alone or some
    // longer than a digit.
    let glued_row = |values: &[&Token]| {
        values.len() < n
            && values.iter().all(|t| is_digit_run(t))
            && (values.len() == 1 || values.iter().any(|t| t.end - t.start > 1))
    };
    // A flattened table that dropped its empty cells: a glued row with
    // fewer digits than columns.
    let sparse_glued = multi_run
        && chosen.assignment.iter().flatten().any(|&s| {
            let values = values_of(s);
            glued_row(&values) && values.iter().map(|t| t.end - t.start).sum::<usize>() < n
        });
    let glue = match (multi_run, sparse_glued) {
        (false, _) => Glue::Apart,
        (true, false) => Glue::Flattened,
        (true, true) => Glue::FlattenedSparse,
    };
    let mut glued = Vec::new();
    let mut shorts = Vec::new();
    let mut full_rows: Vec<Vec<&Token>> = Vec::new();
    for (&r, seg) in rows.versions[chosen.index].1.iter().zip(&chosen.assignment) {
        let mut row = empty_row(rows.rows[r].spec, grid);
        if let Some(s) = seg {
            row.found = true;
            let values = values_of(*s);
            if sparse_glued && glued_row(&values) {
                row.line = values.first().or(segs[*s].label_token.as_ref()).map(|t| norm.original_line(t.line));
                shorts.push(Short::glued(table.rows.len(), values, n));
                table.rows.push(row);
                continue;
            }
            if values.len() == n {
                full_rows.push(values);
            }
            match fill_row(&mut row, &segs[*s], &kinds, arith, glue, norm) {
                Filled::Glued(g) => glued.push((table.rows.len(), g)),
                Filled::Short(values) => shorts.push(Short::plain(table.rows.len(), values)),
                Filled::Done => {}
            }
        }
        table.rows.push(row);
    }
    settle_glued(&mut table, grid, &glued, &kinds, norm);
    // Where the columns stand is asked only of a table with short rows.
    let layout = if shorts.is_empty() {
        sparse::Layout::default()
    } else {
        sparse::Layout {
            step: sparse::layout_step(&full_rows, grid.columns.len(), norm),
            header: sparse::header_spans(tokens, grid, norm),
            full: full_rows,
        }
    };
    // Whether the short rows' values stand each on a line of its own: three
    // in four of those with two values or more.
    let several = shorts.iter().filter(|s| s.values.len() >= 2);
    let apart = several.clone().filter(|s| s.values.windows(2).all(|w| w[0].line != w[1].line)).count();
    let one_a_line = apart > 0 && apart * 4 >= several.count() * 3;
    sparse::place(&mut table, grid, shorts, glue, norm, layout);
    table.found = table.rows.iter().filter(|r| r.found).count() >= MIN_ROWS_FOUND;
    let (mut in_blocks, mut in_order) = (false, false);
    if table.found {
        table.version = Some(chosen.version);
        table.line = segs.first().and_then(Segment::first_token).map(|t| norm.line_at(t.start));
        let lost = if header_after_values(tokens, grid, norm) {
            Some(HEADER_AFTER_VALUES)
        } else if stray {
            Some(STRAY_VALUES)
        } else {
            (one_a_line && values_fit_no_row(&table)).then_some(VALUES_FIT_NO_ROW)
        };
        if let Some(why) = lost {
            // Which value is whose is lost, unless the values' order says.
            match read_in_order(tokens, norm, registry) {
                Some(read) => {
                    table = read;
                    in_order = true;
                }
                None => {
                    table.lose(why);
                    in_blocks = true;
                }
            }
        }
    } else {
        // A few stray matches are not a table: keep nothing rather than guess.
        table.rows =
            table.rows.iter().map(|r| Row { ordinal: r.ordinal, ..Row::new(r.key, r.label, grid.columns) }).collect();
    }
    (table, PageShape { glue, in_blocks, in_order })
}

/// The table read from its values' order alone (see [`in_order`]), when
/// its labels cannot place them.
fn read_in_order(tokens: &[Token], norm: &Normalised, registry: &Registry) -> Option<Table> {
    let versions = registry.versions();
    let grids: Vec<&'static GridSpec> = versions.iter().map(|v| &v.requests).collect();
    let (v, cells) = in_order::read(tokens, &grids)?;
    let grid = grids[v];
    let kinds: Vec<ValueKind> = grid.columns.iter().map(|c| c.kind).collect();
    let any = |_: &[i64]| true;
    let arith = Arith { groups: &[grid.columns.len()], fits: &any };
    let mut table = Table::new(TableId::Requests);
    for (spec, cells) in grid.rows.iter().zip(cells) {
        let mut row = empty_row(spec, grid);
        row.found = true;
        let seg = Segment { label: spec.label.into(), label_token: None, cells, leading: Vec::new() };
        fill_row(&mut row, &seg, &kinds, arith, Glue::Apart, norm);
        table.rows.push(row);
    }
    table.found = true;
    table.version = Some(versions[v]);
    table.line = tokens.first().map(|t| norm.line_at(t.start));
    Some(table)
}

const HEADER_AFTER_VALUES: &str =
    "表头的列名与数字前后交错（如pdftotext不带-layout转出的文字，表格被拆成几块），无法确定数字所在的行和列";

/// Whether the table's header is split around its numbers: some column
/// named before the first number and another first named after it, by a
/// word of its name that no other column's name and no row's label has
/// (`社会`, `公益` of 社会公益组织). `pdftotext` without `-raw` or
/// `-layout` writes a table in blocks so: the left columns' names, the
/// first rows, then the right columns' names and the other rows, each
/// value on a line of its own, no longer beside its row. A header repeated
/// on a second page names every column again, having named them all.
fn header_after_values(tokens: &[Token], grid: &GridSpec, norm: &Normalised) -> bool {
    let Some(first_number) = first_cell_number(tokens, &norm.text) else { return false };
    // The column a text token's word names, and whether no row's label has
    // the word (asked last: it reads every label).
    let column = |t: &Token| -> Option<(usize, &str)> {
        let word = matches!(t.kind, Kind::Text).then(|| &norm.text[t.start..t.end])?;
        Some((sparse::column_by_part(word, grid.columns)?, word))
    };
    let in_no_label = |word: &str| {
        let mut labels = grid.rows.iter().map(|r| r.label).chain(grid.groups.iter().map(|g| g.title));
        !labels.any(|l| l.contains(word))
    };
    let before: Vec<usize> =
        tokens[..first_number].iter().filter_map(column).filter(|(_, w)| in_no_label(w)).map(|(k, _)| k).collect();
    // A header that names every column leaves none to be named after it.
    let all_named = (0..grid.columns.len()).all(|k| before.contains(&k));
    !before.is_empty()
        && !all_named
        && tokens[first_number..].iter().filter_map(column).any(|(k, w)| !before.contains(&k) && in_no_label(w))
}

const STRAY_VALUES: &str =
    "表格中有数字不在任何一行之下（如pdftotext不带-layout转出的文字，表格被拆成几块），无法确定数字所在的行和列";

/// Whether values stand where no row can take them, once the rows' values
/// have been put back under their labels: between two rows, in a piece of
/// text that is no row's label (`不计其他情形）` of a label cut in two, with
/// values of other rows after it); before the first row, more of them in a
/// run than a row has (a header followed by a block of values); or under
/// one row's label, more than two rows' worth. Text written in blocks
/// (`pdftotext` without `-raw` or `-layout`) puts values so; a table read
/// from any other shape leaves none (a page's footer is not a token, a
/// stray number beside a row is that row's, a row whose label is lost
/// gives the row before it two rows' worth). Prose before the table
/// (`共收到申请37件`) has text after each number: runs of one.
///
/// Under one row's label, more than a row's worth that is not two rows'
/// worth (see [`a_rows_worth`]), each value on a line of its own, is such
/// values too: a row's values share its line in every other shape that
/// sets them apart, and a label lost gives two rows' worth.
fn stray_values(segs: &[Segment], assignment: &[Option<usize>], n: usize) -> bool {
    let Some(first) = assignment.iter().flatten().min().copied() else { return false };
    let values = |s: &Segment| values_in(&s.cells);
    let rows_dealt = |s: &Segment| {
        let values: Vec<&Token> = s.cells.iter().copied().filter(|t| t.trace().is_none()).collect();
        let two_rows = (1..values.len()).any(|k| a_rows_worth(&values[..k], n) && a_rows_worth(&values[k..], n));
        !two_rows && values.windows(2).all(|w| w[0].line != w[1].line)
    };
    segs.iter().enumerate().any(|(i, s)| {
        let count = values(s);
        if assignment.contains(&Some(i)) {
            count > 2 * n || count > n && rows_dealt(s)
        } else if i < first {
            count > n
        } else {
            count > 0
        }
    })
}

const VALUES_FIT_NO_ROW: &str = "表格中有多行的数字放在哪几列都对不上该行的合计（如pdftotext不带-layout转出的文字，表格被拆成几块，数字离开了所在的行），无法确定数字所在的行和列";

/// Whether values seem dealt to the wrong rows: of the rows given fewer
/// values than columns with no trace of the empty cells, at least
/// [`UNFITTING_ROWS`], and a quarter or more, have values that no
/// placement fits (no way to put them in the columns keeps the row's own
/// sums). Asked only of a table whose rows' values stand each on a line of
/// its own, as text written in blocks sets them: values on one line stayed
/// beside one another, and a report that leaves its 总计 cells empty breaks
/// the sums of every such row (a real report printed to PDF, read in every
/// shape but the blocks).
fn values_fit_no_row(table: &Table) -> bool {
    let (mut short, mut unfitting) = (0, 0);
    for row in &table.rows {
        for issue in &row.issues {
            match issue {
                RowIssue::Placed { .. } => short += 1,
                RowIssue::Unplaced { candidates, .. } => {
                    short += 1;
                    unfitting += usize::from(candidates.is_empty());
                }
                _ => {}
            }
        }
    }
    unfitting >= UNFITTING_ROWS && unfitting * 4 >= short
}

/// A row given two rows' values, a row's worth a line, followed by a row
/// given none: the second line is the next row's (`pdftotext -layout` puts
/// a row's values on the line above its label when a group label beside it
/// spans several lines). A row's worth: all its columns, or, where empty
/// cells leave no trace, values whose last is the sum of the others (the
/// row's 总计, as `15 15` and `0 0`). Only then; any other count stays as
/// it is.
fn values_above_their_label<'t>(
    mut segs: Vec<Segment<'t>>,
    assignment: &[Option<usize>],
    n: usize,
    tokens: &[Token],
) -> Vec<Segment<'t>> {
    let values = |s: &Segment| values_in(&s.cells);
    for pair in assignment.windows(2) {
        let (Some(a), Some(b)) = (pair[0], pair[1]) else { continue };
        if b != a + 1 && !segs[a + 1..b].iter().all(|s| s.cells.is_empty()) || values(&segs[b]) > 0 {
            continue;
        }
        let cells = &segs[a].cells;
        let Some(split) = cells.iter().position(|t| t.line != cells[0].line) else { continue };
        let (first, second) = cells.split_at(split);
        let one_line = |part: &[&Token]| part.iter().all(|t| t.line == part[0].line);
        let a_row = |part: &[&Token]| a_rows_worth(part, n);
        if a_row(first)
            && a_row(second)
            && one_line(first)
            && one_line(second)
            && first.iter().chain(second).all(|t| t.trace().is_none())
        {
            let moved = second.to_vec();
            segs[a].cells.truncate(split);
            segs[a].leading.retain(|&i| i < split);
            segs[b].cells = moved;
            segs[b].leading.clear();
        }
    }
    // A row's worth on a line of its own between two rows' labels, nearer
    // the next, which is given none: the next row's (`pdftotext -layout`
    // sets a row's values on the line above its label when a group label
    // beside it makes the row tall, with the row above empty).
    for pair in assignment.windows(2) {
        let (Some(a), Some(b)) = (pair[0], pair[1]) else { continue };
        let (Some(first), Some(next_label)) = (segs[a].cells.first(), segs[b].label_token) else { continue };
        let cells = &segs[a].cells;
        let line = first.line;
        let before = tokens.partition_point(|t| t.start < first.start).checked_sub(1).map(|i| &tokens[i]);
        let Some(own_label) = before.filter(|t| t.is_text() && t.line < line) else { continue };
        let a_row = a_rows_worth(cells, n);
        let moves = segs[a + 1..b].iter().all(|s| s.cells.is_empty())
            && values(&segs[b]) == 0
            && a_row
            && cells.iter().all(|t| t.line == line && t.trace().is_none())
            && next_label.line > line
            && next_label.line - line < line - own_label.line;
        if moves {
            segs[b].cells = std::mem::take(&mut segs[a].cells);
            segs[b].leading = std::mem::take(&mut segs[a].leading);
        }
    }
    // A row given no values, then text that is no row's (a group label's
    // piece, `（五）不予` of a cell three lines tall) holding one row's worth:
    // the row's, which `-layout` set on the group label's middle line.
    for pair in assignment.windows(2) {
        let (Some(a), Some(b)) = (pair[0], pair[1]) else { continue };
        let holding: Vec<usize> = (a + 1..b).filter(|&i| values(&segs[i]) > 0).collect();
        let [orphan] = holding[..] else { continue };
        let cells = &segs[orphan].cells;
        let fits = cells.len() <= n && (cells.len() == n || totals_last(cells)) && !assignment.contains(&Some(orphan));
        if values(&segs[a]) == 0 && fits {
            segs[a].cells = std::mem::take(&mut segs[orphan].cells);
            segs[a].leading = std::mem::take(&mut segs[orphan].leading);
        }
    }
    segs
}

/// Whether values are a row's worth: all `n` columns, or, where empty
/// cells leave no trace, two or more whose last is the sum of the others.
fn a_rows_worth(values: &[&Token], n: usize) -> bool {
    values.len() == n || values.len() >= 2 && values.len() < n && totals_last(values)
}

/// Whether the last of `values` is the sum of the others (all whole numbers).
fn totals_last(values: &[&Token]) -> bool {
    let ints: Option<Vec<i64>> = values
        .iter()
        .map(|t| t.number().filter(|n| n.frac.is_none() && !n.negative).and_then(|n| n.int.parse().ok()))
        .collect();
    ints.is_some_and(|v| v.split_last().is_some_and(|(last, rest)| rest.iter().sum::<i64>() == *last))
}

/// Whether a token is a run of digits (no sign, decimals or unit).
fn is_digit_run(t: &Token) -> bool {
    t.number().is_some_and(|n| !n.negative && n.frac.is_none() && n.unit.is_none() && !n.int.is_empty())
}

fn empty_row(spec: &RowSpec, grid: &GridSpec) -> Row {
    Row::of(spec, grid.columns)
}

/// The segments with column-major pages rebuilt into rows (see
/// [`columns`]), or why they cannot be, with the table's first line.
fn read_column_major<'t>(
    segs: Vec<Segment<'t>>,
    tokens: &'t [Token],
    norm: &'t Normalised,
    rows: &PreparedRows,
) -> Result<Vec<Segment<'t>>, (String, Option<usize>)> {
    let mut versions: Vec<Vec<&'static RowSpec>> = Vec::with_capacity(rows.versions.len());
    let mut grids: Vec<&GridSpec> = Vec::with_capacity(rows.versions.len());
    for (version, at) in &rows.versions {
        let mut specs = Vec::with_capacity(at.len());
        for &r in at {
            specs.push(rows.rows[r].spec);
        }
        versions.push(specs);
        grids.push(&version.requests);
    }
    // A label against a list of rows, read once for all of them.
    let label_scores = |label: &str, specs: &[&'static RowSpec]| {
        let probe = rows.matcher.probe(label);
        specs
            .iter()
            .map(|spec| {
                let row = rows.rows.iter().find(|r| r.spec.key == spec.key)?;
                let gain = label_gain(&probe, row, &rows.matcher).1;
                (gain >= MATCH_THRESHOLD).then_some(gain)
            })
            .collect()
    };
    let verify = |rebuilt: &[(crate::template::RowKey, Vec<i64>)]| arith::adds_up(&grids, rebuilt);
    let header_words = grids[0].header_words;
    let columns = grids[0].columns.len();
    let shape = columns::Shape { versions: &versions, score: &label_scores, columns, header_words, verify: &verify };
    match columns::read(&segs, tokens, &norm.text, &shape) {
        Reading::NotColumnMajor => Ok(segs),
        Reading::Rebuilt(rebuilt) => Ok(rebuilt),
        Reading::Unreadable(why) => {
            Err((why, segs.first().and_then(Segment::first_token).map(|t| norm.line_at(t.start))))
        }
    }
}

/// Every (segment, row) score, over all versions' rows together:
/// `scores[s * width + r]`, each segment's label read into one probe.
struct Scores {
    width: usize,
    scores: Vec<Option<f32>>,
}

impl Scores {
    fn new(segs: &[Segment], rows: &PreparedRows) -> Self {
        let width = rows.rows.len();
        let mut scores = Vec::with_capacity(segs.len() * width);
        let mut probe = Probe::default();
        for s in segs {
            rows.matcher.probe_into(&s.label, &mut probe);
            scores.extend(rows.rows.iter().map(|r| score(s, &probe, r, &rows.matcher)));
        }
        Scores { width, scores }
    }

    fn get(&self, segment: usize, row: usize) -> Option<f32> {
        self.scores[segment * self.width + row]
    }
}

/// One version's rows aligned with the segments.
struct Candidate {
    /// Index of the version in [`PreparedRows::versions`].
    index: usize,
    version: &'static Version,
    /// For each of the version's rows, the segment assigned to it.
    assignment: Vec<Option<usize>>,
    /// The summed gains of the assignment.
    total: f32,
}

fn candidate(index: usize, rows: &PreparedRows, scores: &Scores, segments: usize) -> Candidate {
    let (version, at) = &rows.versions[index];
    let assignment = align(segments, at.len(), |s, r| scores.get(s, at[r]));
    let total = assignment.iter().zip(at).filter_map(|(s, &r)| s.and_then(|s| scores.get(s, r))).sum();
    Candidate { index, version, assignment, total }
}

/// The version table 三 follows: the newest whose own rows (its cue rows)
/// are found; else the one whose rows fit best, an older one preferred
/// unless a newer fits better by [`NEWER_VERSION_MARGIN`], or as well when
/// the year requires it.
fn choose_version(
    segs: &[Segment],
    rows: &PreparedRows,
    scores: &Scores,
    year: Option<i32>,
    registry: &Registry,
) -> Candidate {
    let mut tried: Vec<Candidate> = Vec::with_capacity(rows.versions.len());
    let mut probe = Probe::default();
    // Newest first: a version's cue rows settle it.
    for index in 0..rows.versions.len() {
        let c = candidate(index, rows, scores, segs.len());
        let at = &rows.versions[index].1;
        let cue_found = at.iter().zip(&c.assignment).any(|(&r, s)| {
            let row = &rows.rows[r];
            c.version.requests.cue_rows.contains(&row.spec.key)
                && s.is_some_and(|s| {
                    rows.matcher.probe_into(&segs[s].label, &mut probe);
                    rows.matcher.similarity(&probe, row.labels[0]) > CUE_ROW_SIMILARITY
                })
        });
        if cue_found {
            return c;
        }
        tried.push(c);
    }
    // (As good: the version assumed when nothing tells, the newest when the
    // year is not known.)
    let required = registry.assumed_for(year).from_year;
    // Oldest first.
    let mut pick = tried.pop().expect("a registry has a version");
    while let Some(newer) = tried.pop() {
        let clearly = newer.total > pick.total + NEWER_VERSION_MARGIN;
        let required_and_as_good = newer.total >= pick.total && required >= newer.version.from_year;
        if clearly || required_and_as_good {
            pick = newer;
        }
    }
    pick
}

/// Settles the glued rows: alone when the row total leaves one split, else
/// together by the columns' arithmetic (see [`super::joint`]).
fn settle_glued(
    table: &mut Table,
    grid: &'static GridSpec,
    glued: &[(usize, Glued)],
    kinds: &[ValueKind],
    norm: &Normalised,
) {
    if glued.is_empty() {
        return;
    }
    // Rows with one split first: their values are known to the others.
    for (r, g) in glued.iter().filter(|(_, g)| g.complete && g.splits.len() == 1) {
        if let Some(row) = table.rows.get_mut(*r) {
            settle(row, g, Some(&g.splits[0]), &g.splits, kinds, norm);
        }
    }
    let solvable: Vec<&(usize, Glued)> = glued.iter().filter(|(_, g)| g.complete && g.splits.len() > 1).collect();
    let unknowns: Vec<Unknown> = solvable.iter().map(|(r, g)| Unknown { row: *r, splits: &g.splits }).collect();
    let equations = arith::column_equations(grid, &table.rows);
    let rows = &table.rows;
    let known =
        |row: usize, column: usize| rows.get(row).and_then(|r| r.cells.get(column)).and_then(|c| c.value?.as_int());
    let joint = solve(&known, &unknowns, &equations);
    for (r, g) in glued.iter().filter(|(_, g)| !(g.complete && g.splits.len() == 1)) {
        let Some(row) = table.rows.get_mut(*r) else { continue };
        let at = solvable.iter().position(|(s, _)| s == r);
        let choice = at.and_then(|u| joint.settled[u]).map(|i| g.splits[i].as_slice());
        // The candidates worth showing: those the columns still allow.
        let shown: Vec<Vec<i64>> = match at {
            Some(u) if !joint.consistent[u].is_empty() => {
                joint.consistent[u].iter().map(|&i| g.splits[i].clone()).collect()
            }
            _ => g.splits.clone(),
        };
        settle(row, g, choice, &shown, kinds, norm);
    }
}

/// Table 三's rows (those of every version) with their labels prepared
/// for matching.
struct PreparedRows {
    matcher: Matcher,
    rows: Vec<Prepared>,
    /// Each version's rows in template order, as indices in `rows`: newest
    /// version first.
    versions: Vec<(&'static Version, Vec<usize>)>,
}

/// A template row: its labels' and ordinal's numbers in the [`Matcher`].
struct Prepared {
    spec: &'static RowSpec,
    labels: Vec<usize>,
    ordinal: usize,
    /// How many characters from the end of a segment label the ordinal is
    /// looked for in.
    ordinal_window: usize,
    /// How many values the row has.
    columns: usize,
}

/// The national registry's rows are prepared once per process; another
/// registry's (a test's) each time.
fn prepared(registry: &Registry) -> Prep {
    static NATIONAL: std::sync::OnceLock<PreparedRows> = std::sync::OnceLock::new();
    if registry.is_national() {
        Prep::National(NATIONAL.get_or_init(|| prepare(registry)))
    } else {
        Prep::Own(Box::new(prepare(registry)))
    }
}

enum Prep {
    National(&'static PreparedRows),
    Own(Box<PreparedRows>),
}

impl std::ops::Deref for Prep {
    type Target = PreparedRows;
    fn deref(&self) -> &PreparedRows {
        match self {
            Prep::National(p) => p,
            Prep::Own(p) => p,
        }
    }
}

fn prepare(registry: &Registry) -> PreparedRows {
    let mut labels = Vec::new();
    let mut ordinals: Vec<&'static str> = Vec::new();
    let mut rows: Vec<Prepared> = Vec::new();
    let mut versions = Vec::new();
    for &version in registry.versions().iter().rev() {
        let mut at = Vec::with_capacity(version.requests.rows.len());
        for spec in version.requests.rows {
            let index = match rows.iter().position(|r| r.spec.key == spec.key) {
                Some(i) => i,
                None => {
                    let first = labels.len();
                    labels.extend(std::iter::once(spec.label).chain(spec.variants.iter().copied()));
                    let ordinal = ordinals.iter().position(|o| *o == spec.ordinal).unwrap_or_else(|| {
                        ordinals.push(spec.ordinal);
                        ordinals.len() - 1
                    });
                    let window = ordinal_window(spec.label.chars().count());
                    let columns = version.requests.columns.len();
                    rows.push(Prepared {
                        spec,
                        labels: (first..labels.len()).collect(),
                        ordinal,
                        ordinal_window: window,
                        columns,
                    });
                    rows.len() - 1
                }
            };
            at.push(index);
        }
        versions.push((version, at));
    }
    PreparedRows { matcher: Matcher::new(&labels, &ordinals), rows, versions }
}

/// How well a segment fits a row; `None` where it cannot be that row.
fn score(seg: &Segment, probe: &Probe, row: &Prepared, matcher: &Matcher) -> Option<f32> {
    let (sim, gain) = label_gain(probe, row, matcher);
    if seg.cells.is_empty() {
        // A label with no values: the row is there but empty. With the
        // row's ordinal, a label cut short by a group's heading beside it
        // (`3.要求提供公开出` above `（五）不予  版物`) is enough.
        let ordinal = gain > LABEL_WEIGHT * sim;
        let alike = sim > EMPTY_ROW_SIMILARITY || ordinal && sim > EMPTY_ROW_SIMILARITY_WITH_ORDINAL;
        return alike.then_some(gain * EMPTY_ROW_GAIN);
    }
    if gain < MATCH_THRESHOLD {
        return None;
    }
    let full = seg.cells.len() == row.columns;
    Some(gain + if full { FULL_ROW_BONUS } else { 0.0 })
}

/// How much of a row's label (and its ordinal) a label has: (label
/// similarity, gain with the ordinal).
fn label_gain(probe: &Probe, row: &Prepared, matcher: &Matcher) -> (f32, f32) {
    let sim = row.labels.iter().map(|&l| matcher.similarity(probe, l)).fold(0f32, f32::max);
    let ordinal = if matcher.has_ordinal(probe, row.ordinal, row.ordinal_window) { 1.0 } else { 0.0 };
    (sim, LABEL_WEIGHT * sim + ORDINAL_WEIGHT * ordinal)
}

#[cfg(test)]
mod tests {
    use crate::template::keys::requests as q;
    use crate::template::v2021::V2021;
    use crate::template::TableId;
    use crate::testing::{codes, Sample};

    /// A 2021 sample as `pdftotext -layout` sets a page whose empty cells
    /// leave nothing (every 0 of the legal persons' columns empty), with
    /// 3.要求提供公开出版物 written by `publications`: its lines.
    fn layout(publications: &str) -> String {
        let mut sample = Sample::new(&V2021);
        for row in V2021.requests.rows {
            for &c in V2021.requests.usually_blank {
                sample = sample.cell(TableId::Requests, row.key, c, "");
            }
        }
        // Natural persons' requests only: that column and 总计.
        let given = [
            (q::NEW, "38"),
            (q::REPEATED, "15"),
            (q::PUBLICATIONS, "17"),
            (q::EXCESSIVE, "6"),
            (q::OUTCOME_TOTAL, "38"),
        ];
        let sample = given.into_iter().fold(sample, |s, (row, n)| {
            s.cell(TableId::Requests, row, q::NATURAL_PERSON, n).cell(TableId::Requests, row, q::TOTAL, n)
        });
        let text: String = sample
            .text()
            .lines()
            .map(|l| l.split('\t').filter(|f| !f.is_empty()).collect::<Vec<_>>().join("    ") + "\n")
            .collect();
        let row = "3.要求提供公开出版物    17    17\n";
        assert!(text.contains(row));
        text.replace(row, publications)
    }

    fn publications(text: &str) -> (Option<i64>, Vec<&'static str>) {
        let r = crate::check(text, None);
        let total = r.tables.requests.row(q::PUBLICATIONS).and_then(|row| row.int(q::TOTAL));
        let errors = r.diagnostics.iter().filter(|d| d.severity == crate::rules::diagnostic::Severity::Error);
        (total, errors.map(|d| d.code).collect())
    }

    #[test]
    fn a_rows_values_set_above_its_label_by_a_tall_group_label() {
        // On the line above, run into the row before's line of values.
        let above = layout("              17    17\n（五）不予处 3.要求提供公开出版物\n理\n");
        let (total, errors) = publications(&above);
        assert_eq!((total, errors), (Some(17), vec![]), "{above}");
        // On the group label's own line, between the halves of its label.
        let beside = layout("3.要求提供公开出版\n（五）不予    17    17\n物\n");
        let (total, errors) = publications(&beside);
        assert_eq!((total, errors), (Some(17), vec![]), "{beside}");
    }

    /// The row before given nothing: the values' line goes with the label
    /// it stands nearer.
    #[test]
    fn a_rows_values_on_a_line_of_their_own_go_with_the_nearer_label() {
        let repeated = "2.重复申请    15    15\n";
        let tall = "（五）不予处 3.要求提供公开出版物\n理\n";
        let read = |text: &str| {
            let r = crate::check(text, None);
            let total = |k| r.tables.requests.row(k).and_then(|row| row.int(q::TOTAL));
            (total(q::REPEATED), total(q::PUBLICATIONS))
        };
        let near_next = layout(&format!("\n\n      32    32\n{tall}")).replace(repeated, "2.重复申请\n");
        assert_eq!(read(&near_next), (None, Some(32)), "{near_next}");
        let near_own = layout(&format!("      32    32\n\n\n{tall}")).replace(repeated, "2.重复申请\n");
        assert_eq!(read(&near_own), (Some(32), None), "{near_own}");
    }

    /// An empty row's label cut short, the rest on a group heading's line
    /// (`3.要求提供公开出` above `（五）不予  版物`): found by its ordinal.
    #[test]
    fn an_empty_rows_label_cut_short_is_found_by_its_ordinal() {
        let text = layout("3.要求提供公开出\n（五）不予     版物\n处理\n").replace("    17    17", "");
        let r = crate::check(&text, None);
        assert!(!r.diagnostics.iter().any(|d| d.code == "table.missing_row"), "{:?}", r.diagnostics);
        assert!(r.tables.requests.row(q::PUBLICATIONS).is_some_and(|row| row.found));
    }

    /// Text in blocks (`pdftotext` without `-layout`) may deal several
    /// rows' values, one a line, to one row's label.
    #[test]
    fn more_than_a_rows_worth_one_a_line_that_is_not_two_rows_is_said_not_counted() {
        let mut sample = Sample::new(&V2021);
        for row in V2021.requests.rows {
            for c in V2021.requests.columns {
                sample = sample.cell(TableId::Requests, row.key, c.key, "");
            }
        }
        for row in [q::NEW, q::OUTCOME_TOTAL] {
            sample = sample.cell(TableId::Requests, row, q::NATURAL_PERSON, "97").cell(
                TableId::Requests,
                row,
                q::TOTAL,
                "97",
            );
        }
        let one_a_line: String = sample
            .text()
            .lines()
            .flat_map(|l| l.split('\t').filter(|f| !f.trim().is_empty()))
            .map(|f| format!("{f}\n"))
            .collect();
        let new = "一、本年新收政府信息公开申请数量\n97\n97\n";
        assert!(one_a_line.contains(new), "{one_a_line}");
        let dealt = one_a_line.replace(new, &format!("{new}39\n39\n5\n5\n20\n20\n19\n19\n6\n6\n"));
        let r = crate::check(&dealt, None);
        let found = codes(&r);
        assert!(found.contains(&"table.layout"), "{found:?}");
        let errors: Vec<_> = r
            .diagnostics
            .iter()
            .filter(|d| d.severity == crate::rules::diagnostic::Severity::Error)
            .map(|d| d.code)
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
}
