//! Column-major text: a PDF page extracted block by block, so that all the
//! row labels of a page come first and then each column's numbers, one a
//! line (what `pdftotext` without `-layout` gives for many reports).
//!
//! Such a page is one [`Segment`] whose label holds several row labels and
//! whose cells are `rows × columns` numbers, each on its own line; no other
//! text shape gives that (a row read row by row has its numbers right after
//! its label). The page is rebuilt into one segment per row, cells in column
//! order, and handed back to the ordinary row matching.
//!
//! The columns are read in the order given when the table then keeps all of
//! its arithmetic (each row's total, each column's totals and balance). The
//! extraction does not always keep that order (seen: the 总计 column given
//! before 其他 on one page and after it on the next); then every way of
//! placing the total column is tried on every page, and the result is taken
//! only when exactly one arrangement keeps the arithmetic.
//! Otherwise the layout is reported as unreadable and nothing is assigned:
//! a number in the wrong cell is worse than none.

use super::matching::align;
use super::segments::{label_lines, starts_with_ordinal, Segment};
use crate::read::tokens::Token;
use crate::template::{RowKey, RowSpec};
use std::borrow::Cow;

/// At most this many column-major pages are rearranged jointly.
const MAX_PAGES: usize = 4;

/// One row label found in a column-major page.
struct Unit<'t> {
    label: String,
    first: &'t Token,
}

/// A column-major page: its row labels and its numbers.
struct Page<'t> {
    segment: usize,
    units: Vec<Unit<'t>>,
    numbers: Vec<&'t Token>,
}

/// What reading column-major pages gave.
pub enum Reading<'t> {
    /// No column-major page: read the segments as they are.
    NotColumnMajor,
    /// The segments with each column-major page rebuilt into rows.
    Rebuilt(Vec<Segment<'t>>),
    /// Column-major pages that cannot be rebuilt reliably; why.
    Unreadable(String),
}

/// How well a label names each of `rows`: a gain, `None` where it cannot be
/// that row.
pub type Score<'a> = dyn Fn(&str, &[&'static RowSpec]) -> Vec<Option<f32>> + 'a;

/// The arithmetic a rebuilt table must keep: given each rebuilt row as
/// (row key, values), whether the table adds up.
pub type Verify<'a> = dyn Fn(&[(RowKey, Vec<i64>)]) -> bool + 'a;

/// What the reading needs to know of the table.
pub struct Shape<'a> {
    /// The template's rows, one list per version to try.
    pub versions: &'a [Vec<&'static RowSpec>],
    /// How well a label names each of a list of rows (as for ordinary segments).
    pub score: &'a Score<'a>,
    /// The table's column count, the last one being each row's total.
    pub columns: usize,
    /// Words of the table's header (a line of only these is not a label).
    pub header_words: &'static [&'static str],
    /// The arithmetic the rebuilt table must keep.
    pub verify: &'a Verify<'a>,
}

/// Rebuilds the column-major pages of a table region.
pub fn read<'t>(segs: &[Segment<'t>], tokens: &'t [Token], text: &'t str, shape: &Shape) -> Reading<'t> {
    let Shape { versions, score, columns, header_words, verify } = *shape;
    // A page names at least two rows; a one-cell-a-line row with too many
    // numbers under a group heading is not one.
    let names_rows = |p: &Page| {
        let rows =
            p.units.iter().filter(|u| versions.iter().any(|v| score(&u.label, v).iter().any(Option::is_some))).count();
        rows >= 2
    };
    let pages: Vec<Page> = segs
        .iter()
        .enumerate()
        .filter_map(|(i, s)| page_of(i, s, tokens, text, columns, header_words))
        .filter(|p| names_rows(p))
        .collect();
    if pages.is_empty() {
        return Reading::NotColumnMajor;
    }
    // The rows of each page, for the first template version they fit.
    let Some(per_page) = versions.iter().find_map(|rows| {
        pages.iter().map(|p| rows_of(p, rows, score, columns)).collect::<Option<Vec<Vec<(usize, RowKey)>>>>()
    }) else {
        return Reading::Unreadable("按列提取的文字中，行名与数字的个数对不上（每页应为行数×列数个数字）".into());
    };
    if pages.len() > MAX_PAGES {
        return Reading::Unreadable("按列提取的页数过多，无法可靠地还原".into());
    }
    // The columns as extracted, when that adds up: a total column out of
    // place breaks every row's total that is not 0, so this is not a guess.
    let as_extracted = vec![columns - 1; pages.len()];
    if rebuild(&pages, &per_page, &as_extracted, columns).is_some_and(|t| verify(&t)) {
        return Reading::Rebuilt(rebuilt_segments(segs, &pages, &per_page, &as_extracted, columns));
    }
    // Else every arrangement: on each page, the total column taken from any
    // position (the others keep their order); exactly one may add up.
    let mut found: Vec<(Vec<usize>, Vec<Vec<i64>>)> = Vec::new();
    let combinations = columns.pow(pages.len() as u32);
    for n in 0..combinations {
        let arrangement: Vec<usize> =
            (0..pages.len()).map(|p| (n / columns.pow(p as u32) + columns - 1) % columns).collect();
        let Some(table) = rebuild(&pages, &per_page, &arrangement, columns) else { continue };
        if verify(&table) {
            let values: Vec<Vec<i64>> = table.into_iter().map(|r| r.1).collect();
            if !found.iter().any(|f| f.1 == values) {
                found.push((arrangement, values));
            }
        }
    }
    match found.as_slice() {
        [(only, _)] => Reading::Rebuilt(rebuilt_segments(segs, &pages, &per_page, only, columns)),
        [] => Reading::Unreadable(
            "按列提取的文字重排成表后，各行、各列的合计都对不上，无法确定每个数字所在的行和列".into(),
        ),
        _ => Reading::Unreadable("按列提取的文字有多种重排方式都符合表中的勾稽关系，无法确定每个数字所在的列".into()),
    }
}

/// A segment that is a column-major page: several number cells, each alone
/// on its line, a multiple of the column count, after a label of several
/// lines.
fn page_of<'t>(
    index: usize,
    seg: &Segment<'t>,
    tokens: &'t [Token],
    text: &'t str,
    columns: usize,
    header_words: &[&str],
) -> Option<Page<'t>> {
    let n = seg.cells.len();
    if n < 2 * columns || !n.is_multiple_of(columns) {
        return None;
    }
    let one_a_line =
        seg.cells.windows(2).all(|w| w[0].line != w[1].line) && seg.cells.iter().all(|c| c.number().is_some());
    if !one_a_line {
        return None;
    }
    let units = units(label_lines(seg, tokens, text), header_words);
    (units.len() >= 2).then(|| Page { segment: index, units, numbers: seg.cells.clone() })
}

/// The row labels among a page's label lines: a line that starts with an
/// ordinal starts a label, lines after it (a wrapped label) continue it;
/// header words and the characters of vertical text are left out.
fn units<'t>(lines: Vec<(Cow<'t, str>, &'t Token)>, header_words: &[&str]) -> Vec<Unit<'t>> {
    let mut out: Vec<Unit> = Vec::new();
    for (line_text, first) in lines {
        if starts_with_ordinal(&line_text) {
            out.push(Unit { label: line_text.into_owned(), first });
        } else if line_text.chars().count() > 2 && !is_header_words(&line_text, header_words) {
            if let Some(u) = out.last_mut() {
                u.label.push_str(&line_text);
            }
        }
    }
    out
}

/// A line made only of table header words (自然人, 商 业 企, 总计, …).
fn is_header_words(s: &str, header_words: &[&str]) -> bool {
    header_words.iter().any(|w| w.contains(s))
}

/// The rows a page's labels name, in order, as (unit index, row key): one
/// for each `columns` numbers, consecutive in the template; `None` otherwise.
fn rows_of(page: &Page, rows: &[&'static RowSpec], score: &Score, columns: usize) -> Option<Vec<(usize, RowKey)>> {
    let scores: Vec<Vec<Option<f32>>> = page.units.iter().map(|u| score(&u.label, rows)).collect();
    let assignment = align(page.units.len(), rows.len(), |u, r| scores[u][r]);
    let matched: Vec<(usize, usize)> = assignment.iter().enumerate().filter_map(|(r, u)| u.map(|u| (r, u))).collect();
    let want = page.numbers.len() / columns;
    let consecutive = matched.windows(2).all(|w| w[1].0 == w[0].0 + 1);
    (matched.len() == want && consecutive).then(|| matched.iter().map(|&(r, u)| (u, rows[r].key)).collect())
}

/// The table rebuilt with `arrangement[p]` as the position of the total
/// column on page `p`: (row key, values), `None` if a cell is not a whole
/// number.
fn rebuild(
    pages: &[Page],
    per_page: &[Vec<(usize, RowKey)>],
    arrangement: &[usize],
    columns: usize,
) -> Option<Vec<(RowKey, Vec<i64>)>> {
    let mut out = Vec::new();
    for ((page, rows), &total) in pages.iter().zip(per_page).zip(arrangement) {
        for (i, &(_, key)) in rows.iter().enumerate() {
            let values: Option<Vec<i64>> =
                order(columns, total).map(|c| page.numbers.get(c * rows.len() + i).and_then(|t| whole(t))).collect();
            out.push((key, values?));
        }
    }
    Some(out)
}

/// The column blocks in template order when block `total` holds the totals.
fn order(columns: usize, total: usize) -> impl Iterator<Item = usize> {
    (0..columns).filter(move |&c| c != total).chain(std::iter::once(total))
}

fn whole(t: &Token) -> Option<i64> {
    let n = t.number()?;
    if n.negative || n.frac.is_some() || n.unit.is_some() || n.int.len() > 12 {
        return None;
    }
    n.int.parse().ok()
}

/// The segments with each page replaced by one segment per row.
fn rebuilt_segments<'t>(
    segs: &[Segment<'t>],
    pages: &[Page<'t>],
    per_page: &[Vec<(usize, RowKey)>],
    arrangement: &[usize],
    columns: usize,
) -> Vec<Segment<'t>> {
    let mut out = Vec::with_capacity(segs.len());
    for (i, seg) in segs.iter().enumerate() {
        let Some(p) = pages.iter().position(|p| p.segment == i) else {
            out.push(seg.clone());
            continue;
        };
        let (page, rows, total) = (&pages[p], &per_page[p], arrangement[p]);
        for (k, &(u, _)) in rows.iter().enumerate() {
            let cells: Vec<&Token> =
                order(columns, total).filter_map(|c| page.numbers.get(c * rows.len() + k).copied()).collect();
            let unit = page.units.get(u);
            out.push(Segment {
                label: unit.map(|u| u.label.clone()).unwrap_or_default().into(),
                label_token: unit.map(|u| u.first),
                leading: Vec::new(),
                cells,
            });
        }
    }
    out
}
