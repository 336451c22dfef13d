//! Table 二: 主动公开政府信息情况, blocks by 第二十条 item.
//!
//! Each row is found by its label in template order. Which columns it has
//! depends on its block's header (本年新制作数量… is 2019, 本年制发件数… 2021),
//! read from the header words that come before the row; when a block has no
//! readable header, the number of values decides where that is unambiguous.
//!
//! Rows named one after another with no numbers between them wait in a
//! queue for the numbers that follow. Usually that is one row; in
//! column-major text (all labels of a page first, then each column's
//! numbers one a line) it is several rows of one block, whose numbers are
//! then read column by column. This table has no arithmetic to confirm that
//! reading, so it is done only when the shape leaves no doubt: as many
//! numbers as the rows have cells, each number alone on its line.

use super::fill::{fill_row_alone, looks_flattened, Arith, Glue};
use super::model::{Row, Table};
use super::segments::{label_lines, segments, Segment};
use super::sparse::{self, Short};
use super::tuning::{ACTIVE_LABEL_TAIL, ACTIVE_NAME_LINE};
use super::values::ValueKind;
use crate::read::normalise::Normalised;
use crate::read::tokens::Token;
use crate::template::SENTENCE_END;
use crate::template::{ActiveRow, BlockSpec, Column, Registry, TableId, Version, UNIT_WAN_YUAN};
use crate::util::find;

/// Table 二's rows (of every version), the registry they come from, and
/// how the region glues its cells.
struct Rows<'r> {
    rows: Vec<ActiveRow>,
    registry: &'r Registry,
    glue: Glue,
}

/// What a block's header says: its version, and whether money is in 万元.
#[derive(Clone, Copy)]
struct Header {
    version: &'static Version,
    wan_yuan: bool,
}

/// `page`: how table 三 of the same page glues its cells; a flattened page
/// that drops table 三's empty cells drops these too.
pub fn parse(
    tokens: &[Token],
    norm: &Normalised,
    year: Option<i32>,
    registry: &Registry,
    page: Glue,
    page_drops_empty: bool,
) -> Table {
    let mut table = Table::new(TableId::Active);
    let segs = segments(tokens, &norm.text);
    let active_rows = registry.active_rows();
    let glue = match page.flattened() || looks_flattened(tokens, &norm.text) {
        false => Glue::Apart,
        true if page == Glue::FlattenedSparse
            || drops_empty_cells(&segs, tokens, &norm.text, &active_rows, registry) =>
        {
            Glue::FlattenedSparse
        }
        true => Glue::Flattened,
    };
    let rows = Rows { rows: active_rows, registry, glue };
    let mut header: Option<Header> = None;
    let mut next = 0; // the first row not yet named
    let mut pending: Vec<usize> = Vec::new();
    // Where each row is named (its own line, when its numbers come later).
    let mut named_at: Vec<Option<usize>> = vec![None; rows.rows.len()];
    let mut shorts = Vec::new();
    // Values no row waits for (`…本年处理决定数量 550`), and their segment.
    let mut unclaimed: Option<(usize, &Segment)> = None;
    for (at, seg) in segs.iter().enumerate() {
        if !rows.glue.flattened() && is_sentence(seg, &norm.text) {
            continue;
        }
        if let Some(h) = header_of(&seg.label, registry) {
            header = Some(h);
        }
        let named = named_rows(seg, tokens, &norm.text, next, &rows.rows, rows.glue.flattened(), registry);
        for &i in &named {
            named_at[i] = line_naming(seg, tokens, &norm.text, rows.rows[i].spec.cues).map(|t| norm.line_at(t.start));
        }
        if let Some(&last) = named.last() {
            next = last + 1;
        }
        let (first_named, several) = (named.first().copied(), named.len() >= 2);
        pending.extend(named);
        // The values just before a row's name are its own when it has none
        // after it: no other row waited for them (`pdftotext` without
        // `-layout` sets a row's value above its name when the value stands
        // higher in its cell: `本年处理决定数量 550 行政许可 …行政处罚 4119`).
        if let (Some(first), Some((before, values))) = (first_named, unclaimed.take()) {
            let waits_alone = pending.first() == Some(&first) && (seg.cells.is_empty() || several);
            if before + 1 == at && waits_alone {
                if let Some(row) = claim(&rows.rows[first], values, header, year, norm, &rows) {
                    table.rows.push(row);
                    pending.remove(0);
                }
            }
        }
        if pending.is_empty() {
            if !seg.cells.is_empty() {
                unclaimed = Some((at, seg));
            }
            continue;
        }
        if seg.cells.is_empty() {
            continue;
        }
        let (filled, left) = fill_pending(&pending, &named_at, seg, header, year, norm, &rows);
        pending.drain(..pending.len() - left);
        for (row, short) in filled {
            if let Some(values) = short {
                shorts.push(Short::plain(table.rows.len(), values));
            }
            table.rows.push(row);
        }
    }
    // Rows named at the table's end with no numbers after them.
    for i in pending {
        let version = block_version(&rows.rows[i], header.map(|h| h.version), 0, year, registry);
        shorts.push(Short::plain(table.rows.len(), Vec::new()));
        table.rows.push(no_values(&rows.rows[i], version, named_at[i]));
    }
    sparse::place_without_sums(&mut table, shorts, rows.glue, page_drops_empty, tokens, norm);
    table.found = !table.rows.is_empty();
    if table.found {
        table.line = segs.first().and_then(Segment::first_token).map(|t| norm.line_at(t.start));
        // One version when all rows that have one agree.
        let mut versions = table.rows.iter().filter_map(|r| r.version);
        let first = versions.next();
        table.version = first.filter(|&f| versions.all(|v| v == f));
    }
    table
}

/// The rows (indices in `rows`, from `next` on) a segment's label names:
/// several when they stand on lines of their own, else the one named at
/// the end of the label — or, on a flattened page, each named anywhere in
/// it, in order (a row left blank leaves its name between the last
/// numbers and the next block's heading: `行政许可第二十条第（六）项…行政处罚`).
fn named_rows(
    seg: &Segment,
    tokens: &[Token],
    text: &str,
    next: usize,
    rows: &[ActiveRow],
    flattened: bool,
    registry: &Registry,
) -> Vec<usize> {
    let mut on_lines = Vec::new();
    let mut from = next;
    // The label's text after the last row named on a line of its own.
    let mut after_named = String::new();
    for (line, _) in label_lines(seg, tokens, text) {
        if line.chars().count() > ACTIVE_NAME_LINE {
            after_named.push_str(&line);
            continue;
        }
        let tail = label_tail(&line);
        if let Some(i) = (from..rows.len()).find(|&i| names_row(tail, rows[i].spec.cues)) {
            on_lines.push(i);
            from = i + 1;
            after_named.clear();
        } else {
            after_named.push_str(&line);
        }
    }
    // Several rows, each on its line; or one whose block's header follows
    // its name (`pdftotext` without `-layout` sets the header a cell a line
    // after the row's name: `行政事业性收费 上一年 本年 项目数量 增/减 59 38`).
    let header_after = !flattened && !after_named.is_empty() && header_of(&after_named, registry).is_some();
    if on_lines.len() >= 2 || on_lines.len() == 1 && header_after {
        return on_lines;
    }
    // One label naming rows one after another (a flattened page drops the
    // cells of rows left empty: `行政处罚行政强制9490`): each, in order.
    let tail = if flattened { &seg.label[..] } else { label_tail(&seg.label) };
    let mut named = Vec::new();
    let mut after = 0;
    let mut from = next;
    while let Some((i, end)) = (from..rows.len()).find_map(|i| Some((i, cue_end(&tail[after..], rows[i].spec.cues)?))) {
        named.push(i);
        after += end;
        from = i + 1;
    }
    named
}

/// Whether a segment is a sentence of prose written in the table's section
/// (`本年度内单位行政处罚处理决定数量39件,不存在其他情况。`): its numbers
/// on one line that ends a sentence, as no table row does. It names no row
/// and fills none.
fn is_sentence(seg: &Segment, text: &str) -> bool {
    let (Some(first), Some(last)) = (seg.cells.first(), seg.cells.last()) else { return false };
    if first.line != last.line {
        return false;
    }
    let end = text[last.end..].find('\n').map_or(text.len(), |p| last.end + p);
    text[last.end..end].trim_end().ends_with(SENTENCE_END)
}

/// Where the first of `cues` found in `text` ends.
fn cue_end(text: &str, cues: &[&str]) -> Option<usize> {
    cues.iter().filter_map(|c| find::find(text, c).map(|p| p + c.len())).min()
}

/// Whether a flattened table drops its empty cells: a label names two rows
/// with no numbers between them, or a row has fewer digits and marks than
/// its block has columns in every version.
fn drops_empty_cells(segs: &[Segment], tokens: &[Token], text: &str, rows: &[ActiveRow], registry: &Registry) -> bool {
    segs.iter().any(|seg| {
        let named = named_rows(seg, tokens, text, 0, rows, false, registry);
        let fewest =
            |i: usize| registry.versions().iter().filter_map(|v| block_of(&rows[i], v)).map(|b| b.columns.len()).min();
        let written: usize = seg.cells.iter().map(|t| t.number().map_or(1, |n| n.int.len())).sum();
        named.len() >= 2 || named.last().and_then(|&i| fewest(i)).is_some_and(|c| written < c)
    })
}

/// Fills the waiting rows from one segment's cells; returns the rows and
/// how many waiting rows (at the end of `pending`) still wait.
/// A row filled, with its values when they were fewer than its columns.
type FilledRow<'t> = (Row, Option<Vec<&'t Token>>);

fn fill_pending<'t>(
    pending: &[usize],
    named_at: &[Option<usize>],
    seg: &Segment<'t>,
    header: Option<Header>,
    year: Option<i32>,
    norm: &Normalised,
    rows: &Rows,
) -> (Vec<FilledRow<'t>>, usize) {
    let n = seg.cells.len();
    // The first rows of one block wait for column-major numbers.
    let first = &rows.rows[pending[0]];
    let group: Vec<usize> =
        pending.iter().copied().take_while(|&i| same_columns(first, &rows.rows[i], rows.registry)).collect();
    let r = group.len();
    // (A flattened page writes a row's cells right after its name: rows
    // named together there had none.)
    if r >= 2 && n.is_multiple_of(r) && !rows.glue.flattened() {
        let version = block_version(first, header.map(|h| h.version), n / r, year, rows.registry);
        let c = block_of(first, version).map_or(0, |b| b.columns.len());
        let one_a_line = seg.cells.windows(2).all(|w| w[0].line != w[1].line);
        let a_row_a_line = c > 0
            && seg.cells.chunks(c).all(|row| row.iter().all(|t| t.line == row[0].line))
            && seg.cells.chunks(c).collect::<Vec<_>>().windows(2).all(|w| w[0][0].line != w[1][0].line);
        if c > 0 && n == r * c && (c == 1 || one_a_line || a_row_a_line) {
            let mut out = Vec::with_capacity(r);
            for (k, &i) in group.iter().enumerate() {
                let cells: Vec<&Token> = if one_a_line && c > 1 {
                    (0..c).filter_map(|j| seg.cells.get(j * r + k).copied()).collect()
                } else {
                    seg.cells.iter().skip(k * c).take(c).copied().collect()
                };
                let part =
                    Segment { label: seg.label.clone(), label_token: seg.label_token, leading: Vec::new(), cells };
                out.push(fill_one(&rows.rows[i], &part, Some(version), header, year, norm, rows));
            }
            // Rows of later blocks named too wait for the numbers after these.
            return (out, pending.len() - r);
        }
    }
    // Otherwise the numbers belong to the row named last, nearest them;
    // rows named before it had none.
    let (last, before) = pending.split_last().unwrap_or((&pending[0], &[]));
    let version = |i: usize| block_version(&rows.rows[i], header.map(|h| h.version), 0, year, rows.registry);
    let mut out: Vec<FilledRow> =
        before.iter().map(|&i| (no_values(&rows.rows[i], version(i), named_at[i]), Some(Vec::new()))).collect();
    out.push(fill_one(&rows.rows[*last], seg, None, header, year, norm, rows));
    (out, 0)
}

/// A row filled from values that came before its name (see [`parse`]):
/// only when they are as many as its block has columns.
fn claim(
    row: &ActiveRow,
    values: &Segment,
    header: Option<Header>,
    year: Option<i32>,
    norm: &Normalised,
    rows: &Rows,
) -> Option<Row> {
    let n = values.cells.len();
    let version = block_version(row, header.map(|h| h.version), n, year, rows.registry);
    let fits = block_of(row, version).is_some_and(|b| b.columns.len() == n);
    fits.then(|| fill_one(row, values, Some(version), header, year, norm, rows).0)
}

/// Whether two rows sit in blocks with the same columns in every version
/// that has them both: the rows of one block, or of blocks alike (第二十条第
/// （五）项 and （六）项), whose numbers may come column by column together.
fn same_columns(a: &ActiveRow, b: &ActiveRow, registry: &Registry) -> bool {
    let mut shared =
        registry.versions().iter().filter_map(|v| Some(block_of(a, v)?.columns == block_of(b, v)?.columns));
    shared.next().is_some_and(|first| first && shared.all(|same| same))
}

/// The block a row's item has in `version`.
fn block_of(row: &ActiveRow, version: &Version) -> Option<&'static BlockSpec> {
    version.active.blocks.iter().find(|b| b.item == row.item)
}

/// A row named in the text but given no numbers: drawn with the columns of
/// its block in `version` (the block header's, or the year's).
fn no_values(row: &ActiveRow, version: &'static Version, line: Option<usize>) -> Row {
    let columns = block_of(row, version).map_or(&[][..], |b| b.columns);
    let mut out = Row::new(row.spec.key, row.spec.label, columns);
    out.found = true;
    out.version = Some(version);
    out.line = line;
    out
}

/// The first token of the segment's label line that names a row with these
/// cues (else of its label).
fn line_naming<'t>(seg: &Segment<'t>, tokens: &'t [Token], text: &'t str, cues: &[&str]) -> Option<&'t Token> {
    label_lines(seg, tokens, text)
        .into_iter()
        .find(|(line, _)| names_row(line, cues))
        .map(|(_, t)| t)
        .or(seg.label_token)
}

fn fill_one<'t>(
    row: &ActiveRow,
    seg: &Segment<'t>,
    version: Option<&'static Version>,
    header: Option<Header>,
    year: Option<i32>,
    norm: &Normalised,
    rows: &Rows,
) -> FilledRow<'t> {
    let (registry, glue) = (rows.registry, rows.glue);
    let version =
        version.unwrap_or_else(|| block_version(row, header.map(|h| h.version), seg.cells.len(), year, registry));
    let columns: &'static [Column] = block_of(row, version).map_or(&[], |b| b.columns);
    let wan = header.is_some_and(|h| h.wan_yuan);
    let kinds: Vec<ValueKind> = columns.iter().map(|c| kind_of(c, wan)).collect();
    let mut out = Row::new(row.spec.key, row.spec.label, columns);
    out.found = true;
    out.version = Some(version);
    let groups = [columns.len()];
    let short = fill_row_alone(&mut out, seg, &kinds, Arith { groups: &groups, fits: &|_| true }, glue, norm);
    (out, short)
}

/// The end of a label where a row name must be (see [`ACTIVE_LABEL_TAIL`]).
fn label_tail(label: &str) -> &str {
    let start = label.char_indices().rev().nth(ACTIVE_LABEL_TAIL - 1).map_or(0, |(i, _)| i);
    &label[start..]
}

/// Whether a label's tail (see [`label_tail`]) names a row with these cues.
fn names_row(tail: &str, cues: &[&str]) -> bool {
    cues.iter().any(|c| find::contains(tail, c))
}

/// The version a block header names (the cue nearest its end), and
/// whether it says 万元.
fn header_of(label: &str, registry: &Registry) -> Option<Header> {
    let hit = registry
        .versions()
        .iter()
        .flat_map(|v| v.active.header_cues.iter().map(move |cue| (cue, *v)))
        .filter_map(|(cue, v)| find::rfind(label, cue).map(|p| (p, v)))
        .max_by_key(|h| h.0);
    hit.map(|(_, version)| Header { version, wan_yuan: find::contains(label, UNIT_WAN_YUAN) })
}

/// The version of a row's block: the only version that has the block; else
/// the header's; else the only one whose block has `n` columns; else the
/// one the year requires.
fn block_version(
    row: &ActiveRow,
    header: Option<&'static Version>,
    n: usize,
    year: Option<i32>,
    registry: &Registry,
) -> &'static Version {
    let having: Vec<(&'static Version, &'static BlockSpec)> =
        registry.versions().iter().filter_map(|&v| block_of(row, v).map(|b| (v, b))).collect();
    if let [(only, _)] = having[..] {
        return only;
    }
    if let Some(v) = header.filter(|h| having.iter().any(|(w, _)| w == h)) {
        return v;
    }
    let mut fits = having.iter().filter(|(_, b)| b.columns.len() == n);
    if let (Some((v, _)), None) = (fits.next(), fits.next()) {
        return v;
    }
    registry.assumed_for(year)
}

/// How a column's cells are read: money in 万元 when the block's header says so.
fn kind_of(column: &Column, header_says_wan: bool) -> ValueKind {
    match column.kind {
        ValueKind::Money { .. } if header_says_wan => ValueKind::Money { default_unit: UNIT_WAN_YUAN },
        kind => kind,
    }
}

#[cfg(test)]
mod tests {
    use crate::template::keys::active as a;
    use crate::template::{v2019::V2019, v2021::V2021};
    use crate::testing::{codes, Sample};

    /// Sample's text with table 二 replaced by `table`, one cell or word a
    /// line as `pdftotext` without `-layout` writes it.
    fn with_active(table: &str) -> String {
        Sample::new(&V2021).text_with_body(2, &table.replace(' ', "\n"))
    }

    const HEAD: &str =
        "第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 行政规范性文件 0 5 5";

    #[test]
    fn a_value_set_before_its_rows_name_is_that_rows_when_no_row_waits_for_it() {
        let table = format!(
            "{HEAD} 第二十条第（五）项 信息内容 本年处理决定数量 550 行政许可 第二十条第（六）项 信息内容 本年处理决定数量 \
             行政处罚 4119 行政强制 195 第二十条第（八）项 信息内容 本年收费金额（单位：万元） 7730.28 行政事业性收费"
        );
        let r = crate::check(&with_active(&table), None);
        let active = &r.tables.active;
        let decisions = |row| active.rows.iter().find(|r| r.key == row).and_then(|r| r.cells.first()?.value);
        let got: Vec<String> = [a::LICENSING, a::PUNISHMENT, a::ENFORCEMENT, a::FEES]
            .map(|k| decisions(k).map_or_else(String::new, |v| v.to_string()))
            .to_vec();
        assert_eq!(got, ["550", "4119", "195", "77302800"], "{:?}", codes(&r));
        assert!(!codes(&r).contains(&"value.blank"), "{:?}", codes(&r));
    }

    #[test]
    fn a_value_before_a_rows_name_stays_unclaimed_when_the_row_has_its_own_or_it_is_not_a_rows_worth() {
        for (between, own) in [("550 行政许可 560", Some("560")), ("550 12 行政许可", None)] {
            let table = format!(
                "{HEAD} 第二十条第（五）项 信息内容 本年处理决定数量 {between} 第二十条第（六）项 信息内容 本年处理决定数量 \
                 行政处罚 4119"
            );
            let r = crate::check(&with_active(&table), None);
            let licensing = r.tables.active.rows.iter().find(|r| r.key == a::LICENSING).expect("row 行政许可");
            let value = licensing.cells.first().and_then(|c| c.value.as_ref()).map(|v| v.to_string());
            assert_eq!(value.as_deref(), own, "{between}: {:?}", codes(&r));
        }
    }

    #[test]
    fn a_rows_name_followed_by_its_blocks_header_takes_the_values_after_the_header() {
        // Plain `pdftotext` of a 2019 table 二: the fee row's name, then its
        // block's header a cell a line, then its values.
        let table = "第二十条第（八）项\n信息内容\n行政事业性收费\n\n上一年\n\n本年\n\n项目数量\n\n增/减\n\n59\n\n38\n\n\
                     第二十条第（九）项\n\n采购项\n\n信息内容\n\n采购总金额（单位：元）\n\n目数量\n\n政府集中采购\n\n0\n\n3226";
        let r = crate::check(&Sample::new(&V2019).text_with_body(2, table), None);
        let fees = r.tables.active.rows.iter().find(|r| r.key == a::FEES).expect("row 行政事业性收费");
        let values: Vec<String> = fees.cells.iter().filter_map(|c| c.value.map(|v| v.to_string())).collect();
        assert_eq!(values, ["59", "38"], "{:?}", codes(&r));
        // A header before the name (every other shape) names it as before.
        let table = "第二十条第（八）项 信息内容 上一年项目数量 本年增/减\n行政事业性收费 59 38";
        let r = crate::check(&Sample::new(&V2019).text_with_body(2, table), None);
        let fees = r.tables.active.rows.iter().find(|r| r.key == a::FEES).expect("row 行政事业性收费");
        assert_eq!(fees.cells.iter().filter_map(|c| c.value.map(|v| v.to_string())).collect::<Vec<_>>(), ["59", "38"]);
    }
}
