//! Table 四: 行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉), five
//! columns each: 15 numbers in one template row.
//!
//! The header is text only (often one character a line); the numbers are
//! the run of cells after it. Numbers inside the header are noise (seed
//! 001's `1.0 1 * 211`). Some reports give the three groups as three rows
//! of five; that shape is read too.

use super::arith::RowSums;
use super::fill::{
    is_page_number, looks_flattened, place_parts, split_runs, with_traces, without_empty_table_cells, Arith, Glue,
    MAX_CANDIDATES,
};
use super::matching::similarity;
use super::model::{CellState, Placement, Row, RowIssue, Table};
use super::segments::{segments, Segment};
use super::sparse::{any_not_zero, by_header, placements, spans_in, vector, whole, Metric, SHOWN};
use super::tuning::REVIEW_GROUP_SIMILARITY;
use super::values::{cell_from_part, read_cell, run_span};
use crate::read::normalise::Normalised;
use crate::read::tokens::{Kind, Token};
use crate::template::{ColKey, GridSpec, TableId};
use crate::util::chars::is_dash;
use crate::util::sort::insertion_sort;

/// `page`: how table 三 of the same page glues its cells (see [`Glue`]).
pub fn parse(tokens: &[Token], norm: &Normalised, grid: &GridSpec, page: Glue) -> Table {
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

    // The usual shape: one run of 15 cells, the last such run; traces of
    // empty cells count where they make 15. Empty table cells at the end,
    // or a bare page number after the row (when the groups then add up),
    // are not values.
    let groups = Arith { groups: &group_sizes, fits: &fits };
    for seg in segs.iter().rev() {
        let mut cells = without_empty_table_cells(&seg.cells, cells_wanted, &norm.text);
        let values: Vec<&Token> = cells.iter().copied().filter(|t| t.trace().is_none()).collect();
        let mut page = None;
        if values.len() == cells_wanted + 1 && is_page_number(&values, groups) {
            page = values.last().copied();
            let at = cells.iter().rposition(|c| page.is_some_and(|p| std::ptr::eq(*c, p))).unwrap_or(cells.len());
            cells = &cells[..at];
        }
        let Some(taken) = with_traces(cells, cells_wanted, groups) else { continue };
        table.found = true;
        fill(&mut table, &taken, norm, width);
        if let Some(t) = page {
            let line = Some(norm.line_at(t.start));
            let span = run_span(&[t], norm);
            table.issues.push(RowIssue::StrayNumbers {
                values: vec![norm.text[t.start..t.end].to_string()],
                line,
                span,
            });
        }
        return table;
    }
    // Three rows of five, labelled by group.
    if let Some(rows) = grouped(&segs, grid, &fits) {
        table.found = true;
        let cells: Vec<&Token> = rows.into_iter().flatten().collect();
        fill(&mut table, &cells, norm, width);
        return table;
    }
    // Glued digit runs (flattened web text): one run, or a few when the
    // region is flattened and a stray space cut it.
    let flattened = page.flattened() || looks_flattened(tokens, &norm.text);
    if let Some((cells, runs)) = segs.iter().rev().find_map(|s| glued_cells(s, flattened, cells_wanted)) {
        table.found = true;
        // 15 digits: one digit a cell, taken (the rules check the totals).
        let digits: usize = runs.iter().map(|r| r.len()).sum();
        let found = if digits == cells_wanted {
            split_runs(&runs, Arith { groups: &[cells_wanted], fits: &|_| true }, 2)
        } else {
            split_runs(&runs, groups, MAX_CANDIDATES + 1)
        };
        let line = cells.first().map(|t| norm.line_at(t.start));
        // (A page that drops empty cells may have cut fewer parts: no
        // split is sure.)
        let placed = match &found.splits[..] {
            [only] if found.complete && page != Glue::FlattenedSparse => place_parts(&cells, only),
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
                span: run_span(&cells, norm),
            }),
        }
        return table;
    }
    // Values cut into pieces by the table's own head words: taken only when
    // the text leaves one way to read them, else nothing is (the pieces are
    // the text's doing, no error of the report's).
    if let Some(values) = in_pieces(&segs, grid) {
        table.found = true;
        match (values.len() == cells_wanted).then(|| read_in_pieces(&values, &sums, width)).flatten() {
            Some(cells) => fill(&mut table, &cells, norm, width),
            None => table.lose(IN_PIECES),
        }
        return table;
    }
    // Fewer values with no trace of the empty cells: placed by the groups'
    // sums where only one placement keeps them; some other count: say so,
    // assign nothing.
    let most = segs
        .iter()
        .map(|s| s.cells.iter().copied().filter(|t| t.trace().is_none()).collect::<Vec<&Token>>())
        .filter(|v| !v.is_empty())
        .max_by_key(|v| (v.len(), v[0].start));
    if let Some(values) = most {
        table.found = true;
        let line = Some(norm.line_at(values[0].start));
        let blanks = segs.iter().any(|s| s.cells.iter().any(|t| matches!(t.kind, Kind::Blank | Kind::Empty(_))));
        if values.len() < cells_wanted && values.iter().all(|t| t.kind == Kind::Blank) {
            // Only blank marks, fewer than the cells (a PDF's text ran two
            // `——` together): every cell is empty, wherever each mark stood.
            all_blank(&mut table, line);
        } else if let Some(cells) = marks_run_together(&values, cells_wanted, norm, &sums, width) {
            fill(&mut table, &cells, norm, width);
        } else if values.len() + 2 <= cells_wanted || (values.len() < cells_wanted && blanks) {
            let header = header_words(tokens, values[0].line, grid, norm);
            place_short(&mut table, &values, norm, &sums, width, header, line);
        } else {
            table.issues.push(RowIssue::ValueCount {
                found: values.len(),
                expected: cells_wanted,
                values: values.iter().map(|t| norm.text[t.start..t.end].to_string()).collect(),
                line,
                span: run_span(&values, norm),
            });
        }
        return table;
    }
    // No values at all under the table's own header: every cell left empty.
    if has_header(&segs, grid) {
        table.found = true;
        let line = table.line;
        all_blank(&mut table, line);
    }
    table
}

const IN_PIECES: &str = "表中的数字被表头的列名隔成几段（如pdftotext不带-layout转出的文字，表格被拆成几块），各组的数字和总计可能已离开原位，无法确定数字所在的组和列";

/// One value short of the cells, where one of them is a long run of dashes
/// (`————`, `———`): two marks a PDF's text ran together, when every group
/// keeps its sums with the run counted as two blank cells. Both are blank,
/// so which part is which changes no cell.
fn marks_run_together<'t>(
    values: &[&'t Token],
    n: usize,
    norm: &Normalised,
    sums: &RowSums,
    width: usize,
) -> Option<Vec<&'t Token>> {
    let run =
        |t: &Token| t.kind == Kind::Blank && norm.text[t.start..t.end].chars().filter(|&c| is_dash(c)).count() >= 3;
    let mut runs = values.iter().enumerate().filter(|(_, t)| run(t));
    let (at, _) = runs.next().filter(|_| values.len() + 1 == n)?;
    if runs.next().is_some() {
        return None;
    }
    let mut cells = values.to_vec();
    cells.insert(at, values[at]);
    let numbers: Vec<i64> = cells.iter().map(|t| whole(t)).collect::<Option<_>>()?;
    numbers.chunks(width).all(|g| sums.hold(g)).then_some(cells)
}

/// Table 四's values in pieces, cut by words of its own header: the last
/// segments with values, back from the end of the region for as long as a
/// piece's label is made of the header's characters only (`总计`, `结果
/// 维持`, `尚未审` of a head broken across lines), two pieces or more.
/// `pdftotext` without `-raw` or `-layout` writes a table so, block by
/// block, a group's total often after the others under its head:
/// `…尚未审结 1 1 0 0 2 1 0 0 0 1 2 0 1 0 总计 3`.
fn in_pieces<'t>(segs: &[Segment<'t>], grid: &GridSpec) -> Option<Vec<&'t Token>> {
    let mut words = grid.header_words.iter().copied().chain(grid.columns.iter().map(|c| c.label));
    let heads: String = words.by_ref().collect();
    let head_only = |label: &str| !label.is_empty() && label.chars().all(|c| heads.contains(c));
    let mut pieces: Vec<&[&Token]> = Vec::new();
    for seg in segs.iter().rev() {
        if seg.cells.iter().any(|t| t.trace().is_none()) {
            pieces.push(&seg.cells);
        }
        if !pieces.is_empty() && !head_only(&seg.label) {
            break;
        }
    }
    let values: Vec<&Token> =
        pieces.iter().rev().flat_map(|p| p.iter().copied()).filter(|t| t.trace().is_none()).collect();
    // (Blank marks alone leave every cell empty, however many: below.)
    let marks_only = values.iter().all(|t| t.kind == Kind::Blank);
    (pieces.len() >= 2 && !marks_only && values.iter().all(|t| whole(t).is_some())).then_some(values)
}

/// Table 四's values in cell order, when the text leaves one way to read
/// them: every way that keeps each group's sums, the groups' totals taken
/// from anywhere in the run (the other values keeping their order: a
/// row's cells stand on one line of the page), gives the same cells, and
/// its groups are alike. Text written block by block keeps neither the
/// totals' places nor the groups' order (seen: 复议后起诉's values before
/// 未经复议直接起诉's), and no sum tells two groups apart; groups alike
/// (most often all 0) read the same in any order. `None` otherwise.
fn read_in_pieces<'t>(values: &[&'t Token], sums: &RowSums, width: usize) -> Option<Vec<&'t Token>> {
    let numbers: Vec<i64> = values.iter().map(|t| whole(t)).collect::<Option<_>>()?;
    let [total] = sums.totals().collect::<Vec<_>>()[..] else { return None };
    let mut found: Option<Vec<usize>> = None;
    for taken in placements(values.len() / width, values.len()) {
        // The others in order; each group's total the first taken value
        // that keeps its sums (a sum's total is one number: which of equal
        // values stands there changes no cell).
        let mut rest = (0..values.len()).filter(|i| !taken.contains(i));
        let mut cells: Vec<usize> =
            (0..values.len()).map(|c| if c % width == total { 0 } else { rest.next().unwrap_or(0) }).collect();
        let mut free = taken;
        let holds = cells.chunks_mut(width).all(|group| {
            let keeps = |at: usize, group: &mut [usize]| {
                group[total] = at;
                sums.hold(&group.iter().map(|&i| numbers[i]).collect::<Vec<_>>())
            };
            let k = free.iter().position(|&at| keeps(at, group));
            k.map(|k| free.remove(k)).is_some()
        });
        match &found {
            _ if !holds => {}
            None => found = Some(cells),
            Some(f) if f.iter().zip(&cells).all(|(&a, &b)| numbers[a] == numbers[b]) => {}
            Some(_) => return None,
        }
    }
    let cells = found?;
    let alike = (width..cells.len()).all(|c| numbers[cells[c]] == numbers[cells[c - width]]);
    alike.then(|| cells.iter().map(|&i| values[i]).collect())
}

/// Every cell of the table left empty, on `line`.
fn all_blank(table: &mut Table, line: Option<usize>) {
    for row in &mut table.rows {
        row.found = true;
        row.line = line;
        for cell in &mut row.cells {
            cell.state = CellState::Blank;
            cell.line = line;
        }
    }
}

/// Places a run of fewer values than table 四 has cells, with no trace of
/// its empty cells, where one placement alone keeps every group's total
/// (see [`super::sparse`]); else says it cannot be placed.
///
/// In laid-out text, where a line before the values names the groups'
/// heads in order (each whole or its first part: `结果维`, `结果`, `总`),
/// one placement more: the values under those heads, when it keeps the
/// sums too and some value is not 0.
fn place_short(
    table: &mut Table,
    values: &[&Token],
    norm: &Normalised,
    sums: &RowSums,
    width: usize,
    header: Option<Vec<&Token>>,
    line: Option<usize>,
) {
    let n = width * table.rows.len();
    let keeps = |v: &[i64]| v.chunks(width).all(|g| sums.hold(g));
    let fits: Vec<Vec<usize>> = placements(values.len(), n).filter(|p| keeps(&vector(values, p, n))).collect();
    // The values under the heads as a Chinese character counts two columns
    // (the app's PDF text lays its grid out so); in a PDF's text cut into
    // pages (`pdftotext -layout`, which sets a line of heads on a scale of
    // its own), as it counts one too.
    let under = |metric| by_header(values, &spans_in(header.as_deref()?, norm, metric), norm, metric, false);
    let under_header = header
        .as_ref()
        .filter(|_| any_not_zero(values))
        .and_then(|_| under(Metric::Display))
        .filter(|at| !norm.is_paged() || under(Metric::Chars).as_ref() == Some(at))
        .filter(|at| fits.contains(at));
    let chosen = match (&fits[..], under_header) {
        ([only], _) => Some((only.clone(), Placement::Arithmetic)),
        (_, Some(at)) => Some((at, Placement::Layout)),
        _ => None,
    };
    match chosen {
        Some((only, how)) => {
            all_blank(table, line);
            for (t, &at) in values.iter().zip(&only) {
                let row = &mut table.rows[at / width];
                let kind = row.columns[at % width].kind;
                read_cell(&mut row.cells[at % width], kind, t, norm);
            }
            table.issues.push(RowIssue::Placed { how });
        }
        None => {
            let columns: Vec<ColKey> = table.rows.iter().flat_map(|r| r.columns.iter().map(|c| c.key)).collect();
            table.issues.push(RowIssue::Unplaced {
                values: values.iter().map(|t| norm.text[t.start..t.end].to_string()).collect(),
                candidates: fits.iter().take(SHOWN).map(|p| p.iter().map(|&c| columns[c]).collect()).collect(),
                more: fits.len() > SHOWN,
                line,
                span: run_span(values, norm),
            });
        }
    }
}

/// Table 四's column heads: the words of a line before `values_line` that
/// are the groups' heads in order, each whole or its first part (see
/// [`place_short`]).
fn header_words<'t>(
    tokens: &'t [Token],
    values_line: usize,
    grid: &GridSpec,
    norm: &Normalised,
) -> Option<Vec<&'t Token>> {
    let width = grid.columns.len();
    let words: Vec<&Token> = tokens.iter().filter(|t| t.line < values_line && matches!(t.kind, Kind::Text)).collect();
    let heads = |line: &[&Token]| {
        line.len().is_multiple_of(width)
            && line
                .iter()
                .enumerate()
                .all(|(i, t)| grid.columns[i % width].label.starts_with(&norm.text[t.start..t.end]))
    };
    let all = width * grid.rows.len();
    let lines: Vec<&[&Token]> = words.chunk_by(|a, b| a.line == b.line).filter(|line| heads(line)).collect();
    if let Some(line) = lines.iter().find(|line| line.len() == all) {
        return Some(line.to_vec());
    }
    // The groups' heads on lines of their own (a group whose heads span two
    // rows of the header stands a line above the others' in a PDF's text):
    // the last lines of heads before the values, read left to right, when
    // they make every group's heads once, side by side.
    let mut taken: Vec<&Token> = Vec::with_capacity(all);
    for line in lines.iter().rev() {
        taken.extend_from_slice(line);
        if taken.len() >= all {
            break;
        }
    }
    let mut placed: Vec<((f32, f32), &Token)> =
        spans_in(&taken, norm, Metric::Display).into_iter().zip(taken).collect();
    insertion_sort(&mut placed, |a, b| a.0 .0 < b.0 .0);
    let side_by_side = placed.windows(2).all(|w| w[0].0 .1 <= w[1].0 .0);
    let taken: Vec<&Token> = placed.into_iter().map(|(_, t)| t).collect();
    (taken.len() == all && side_by_side && heads(&taken)).then_some(taken)
}

/// Whether the region holds the table's own column heads (结果维持,
/// 结果纠正 …): the table is there even with no number in it. Two of them,
/// each whole or in pieces, as a PDF's narrow header cells break them and
/// its text interleaves the pieces: in twos (`结果 结果 其他` / `维持 纠正
/// 结果`) or cut once (`结果维 结果纠` / `持 正`, the longer piece three
/// characters or more).
fn has_header(segs: &[Segment], grid: &GridSpec) -> bool {
    let words: String = segs.iter().map(|s| s.label.as_ref()).collect();
    let has = |piece: &[char]| crate::util::find::contains(&words, &piece.iter().collect::<String>());
    let found = |label: &str| {
        let chars: Vec<char> = label.chars().collect();
        let in_twos = || chars.chunks(2).all(has);
        let cut_once = || (1..chars.len()).any(|k| k.max(chars.len() - k) >= 3 && has(&chars[..k]) && has(&chars[k..]));
        crate::util::find::contains(&words, label) || chars.len() >= 4 && (in_twos() || cut_once())
    };
    grid.columns.iter().filter(|c| found(c.label)).count() >= 2
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

/// Consecutive segments, one a group, each with a group's cells (traces
/// of empty cells counted where they make them), whose labels name the
/// groups (by their short names): the cells of each.
fn grouped<'t>(segs: &[Segment<'t>], grid: &GridSpec, fits: &dyn Fn(&[i64]) -> bool) -> Option<Vec<Vec<&'t Token>>> {
    let n = grid.rows.len();
    let width = grid.columns.len();
    let names: Vec<&str> = grid.rows.iter().map(|r| r.variants.first().copied().unwrap_or(r.label)).collect();
    let group = Arith { groups: &[width], fits };
    segs.windows(n).rev().find_map(|w| {
        w.iter()
            .zip(&names)
            .map(|(s, name)| {
                // (The name may head a label that goes on with the columns' words.)
                let named =
                    similarity(&s.label, name) > REVIEW_GROUP_SIMILARITY || crate::util::find::contains(&s.label, name);
                named.then(|| with_traces(&s.cells, width, group)).flatten()
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use crate::template::v2021::V2021;
    use crate::testing::{codes, laid, Sample};

    /// Sample's text with table 四 replaced by `table`.
    fn with_review(table: &str) -> String {
        Sample::new(&V2021).text_with_body(4, table)
    }

    #[test]
    fn an_empty_table_is_found_by_its_heads_however_a_pdf_breaks_them() {
        for heads in [
            "结果维持 结果纠正 其他结果 尚未审结 总计",
            // pdftotext -layout: two characters a line of the cell.
            "结果 结果 其他 尚未\n维持 纠正 结果 审结",
            // pdf.js: the narrow cells' last character on the next line.
            "结果维 结果纠 其他结 尚未审 总 结果维 结果纠 其他结 尚未审 总\n持 正 果 结 计 持 正 果 结 计",
        ] {
            let r =
                crate::check(&with_review(&format!("行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n{heads}")), None);
            let found = codes(&r);
            assert!(!found.contains(&"table.missing") && found.contains(&"value.blank"), "{heads}: {found:?}");
        }
        // Fifteen marks of which a PDF ran two together: fourteen, all blank.
        let marks = "- 无 / — ———— 无 / 无 / —— ／ —— —— ——";
        let r = crate::check(
            &with_review(&format!("行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计\n{marks}")),
            None,
        );
        // (Said once, for the table: every row of it is blank.)
        let blank = r.diagnostics.iter().filter(|d| d.code == "value.blank").count();
        assert_eq!((blank, codes(&r).contains(&"value.ambiguous")), (1, false), "{:?}", codes(&r));
        assert!(r.tables.review.rows.iter().all(|row| row.cells.iter().all(|c| c.value.is_none())));
        // No heads, no numbers: the table is missing.
        let r = crate::check(&with_review("本年度无相关情况。"), None);
        assert!(codes(&r).contains(&"table.missing"), "{:?}", codes(&r));
    }

    /// `pdftotext -layout` (a text cut into pages by form feeds) sets the
    /// heads a character a column, on a scale of their own: three values
    /// under 复议后起诉 that the heads, a Chinese character counted two
    /// columns, put under 未经复议直接起诉 are not placed by them, but said.
    #[test]
    fn a_pdfs_paged_text_places_values_under_the_heads_only_as_both_ways_of_counting_agree() {
        let laid = |words: &[(usize, &str)]| laid(words, false);
        let heads: Vec<(usize, &str)> = (0..3)
            .flat_map(|g| {
                let heads = [(0, "结果维"), (4, "结果纠"), (8, "其他结"), (12, "尚未审"), (16, "总")];
                heads.into_iter().map(move |(at, w)| (at + 18 * g, w))
            })
            .collect();
        let table = [
            laid(&[(19, "行政诉讼")]),
            laid(&[(0, "行政复议")]),
            laid(&[(19, "未经复议直接起诉"), (42, "复议后起诉")]),
            laid(&heads),
            laid(&[(42, "37"), (48, "1"), (59, "38")]),
        ]
        .join("\n");
        let text = with_review(&table).replacen("\n", "\n\u{c}", 1);
        let r = crate::check(&text, None);
        let placed: Vec<_> =
            r.tables.review.rows.iter().flat_map(|row| row.cells.iter().filter_map(|c| c.value.as_ref())).collect();
        assert!(placed.is_empty(), "{placed:?}: {:?}", codes(&r));
        assert!(codes(&r).contains(&"value.ambiguous"), "{:?}", codes(&r));
    }

    /// The app's PDF text of a table whose 行政复议 heads span two rows of
    /// its header: they stand a line above the lawsuits' heads, and the
    /// values are read under both lines' heads, left to right.
    #[test]
    fn heads_on_two_lines_place_the_values_under_them() {
        use crate::template::keys::review as k;
        let laid = |words: &[(usize, &str)]| laid(words, true);
        let group = |g: usize| {
            let heads = [(0, "结果"), (6, "结果"), (12, "其他"), (18, "尚未"), (24, "总")];
            heads.into_iter().map(move |(at, w)| (at + 28 * g, w))
        };
        let heads_of = |groups: &[usize]| laid(&groups.iter().flat_map(|&g| group(g)).collect::<Vec<_>>());
        let table = [
            laid(&[(0, "行政复议"), (28, "行政诉讼")]),
            laid(&[(28, "未经复议直接起诉"), (56, "复议后起诉")]),
            heads_of(&[0]),
            heads_of(&[1, 2]),
            laid(&[(0, "5"), (18, "2"), (24, "7"), (28, "8"), (46, "1"), (52, "9")]),
        ]
        .join("\n");
        let r = crate::check(&with_review(&table), None);
        let value = |row, column| r.tables.review.row(row).and_then(|row| row.int(column));
        let review = |column| value(k::REVIEW, column);
        let direct = |column| value(k::LITIGATION_DIRECT, column);
        assert_eq!(
            [review(k::UPHELD), review(k::PENDING), review(k::TOTAL), direct(k::UPHELD), direct(k::PENDING)],
            [Some(5), Some(2), Some(7), Some(8), Some(1)],
            "{:?}",
            r.diagnostics
        );
        assert_eq!((review(k::CORRECTED), direct(k::TOTAL)), (None, Some(9)));
        assert!(!codes(&r).contains(&"value.ambiguous"), "{:?}", codes(&r));
    }

    #[test]
    fn values_cut_by_the_heads_are_read_only_where_no_order_of_the_groups_could_differ() {
        // pdftotext without -layout: the heads in blocks, a group's total
        // after the head 总计.
        let blocks = |values: [&str; 3]| {
            format!(
                "行政复议\n行政诉讼\n未经复议直接起诉\n复议后起诉\n结果\n维持\n结果\n纠正\n其他\n结果\n尚未\n审结\n{}\n总计\n{}\n维持 纠正 结果 审结\n{}",
                values[0], values[1], values[2]
            )
        };
        let values = |r: &crate::Report| -> Vec<String> {
            r.tables
                .review
                .rows
                .iter()
                .flat_map(|row| row.cells.iter().filter_map(|c| c.value.as_ref()))
                .map(|v| v.to_string())
                .collect()
        };
        // Every group 0: any order reads the same.
        let r = crate::check(&with_review(&blocks(["0\n0\n0\n0\n0\n0\n0\n0\n0", "0", "0\n0\n0\n0\n0"])), None);
        assert_eq!(values(&r), ["0"; 15], "{:?}", codes(&r));
        assert!(r.tables.review.unreadable.is_none(), "{:?}", codes(&r));

        // Groups that differ (a real report's, whose 复议后起诉 came before
        // 未经复议直接起诉 in this shape): the sums cannot tell which group
        // is which. Said, and no count error: the report is not wrong.
        for pieces in [
            ["72\n64\n178\n37\n12\n1\n1\n6", "351", "13\n4\n8\n1\n26\n20"],
            ["1\n1\n0\n0\n2\n1\n0\n0\n0\n1\n2\n0\n1\n0", "3", ""],
            // Alike, but another total moved reads other cells.
            ["1\n0\n0\n0\n1\n1\n0\n0\n0\n1\n1\n0\n0\n0", "1", ""],
        ] {
            let r = crate::check(&with_review(&blocks(pieces)), None);
            assert!(values(&r).is_empty(), "{pieces:?}: {:?}", values(&r));
            let found = codes(&r);
            assert!(found.contains(&"table.layout") && !found.contains(&"table.value_count"), "{pieces:?}: {found:?}");
        }
    }

    #[test]
    fn two_marks_run_together_are_two_blank_cells_where_the_sums_hold() {
        let heads = "行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n结果维持 结果纠正 其他结果 尚未审结 总计";
        let read = |values: &str| {
            let r = crate::check(&with_review(&format!("{heads}\n{values}")), None);
            let review = &r.tables.review.rows[0];
            let got: Vec<Option<i64>> = review.cells.iter().map(|c| c.value.and_then(|v| v.as_int())).collect();
            (got, codes(&r))
        };
        let (got, found) = read("10 / / 10 20 / / —— / ———— / / 无 无");
        assert_eq!(got, [Some(10), None, None, Some(10), Some(20)], "{found:?}");
        assert!(!found.contains(&"value.ambiguous"), "{found:?}");
        // The sums broken with the run as two cells, or two runs: not sure.
        for values in ["10 / / 10 21 / / —— / ———— / / 无 无", "10 / / 10 20 ———— / —— / ———— / / 无 无"]
        {
            let (got, found) = read(values);
            assert!(
                got.iter().all(Option::is_none) && found.contains(&"value.ambiguous"),
                "{values}: {got:?} {found:?}"
            );
        }
    }
}
