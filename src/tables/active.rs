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

use super::fill::{any_fits, fill_row_alone, Arith};
use super::segments::{label_lines, segments, Segment};
use super::values::ValueKind;
use crate::read::normalise::Normalised;
use crate::read::tokens::Token;
use crate::tables::model::{Row, RowIssue, Table};
use crate::template::{
    active_columns, ActiveRowSpec, Block, Column, TableId, Version, ACTIVE_HEADER_CUES, ACTIVE_ROWS, UNIT_WAN_YUAN,
    UNIT_YUAN,
};
use crate::util::find;

/// How near the end of a segment's label a row name must be (characters).
const LABEL_TAIL: usize = 14;
/// A label line longer than this is not a row name standing alone.
const NAME_LINE: usize = 16;

pub fn parse(tokens: &[Token], norm: &Normalised, year: Option<i32>) -> Table {
    let mut table = Table::new(TableId::Active);
    let segs = segments(tokens, &norm.text);
    let mut header: Option<(Version, bool)> = None; // (version, header says 万元)
    let mut next = 0; // the first row of ACTIVE_ROWS not yet named
    let mut pending: Vec<usize> = Vec::new();
    for seg in &segs {
        if let Some(h) = header_of(&seg.label) {
            header = Some(h);
        }
        if seg.cells.is_empty() {
            continue;
        }
        let named = named_rows(seg, tokens, &norm.text, next);
        if let Some(&last) = named.last() {
            next = last + 1;
        }
        pending.extend(named);
        if pending.is_empty() {
            continue;
        }
        let (rows, left) = fill_pending(&pending, seg, header, year, norm);
        pending.drain(..pending.len() - left);
        table.rows.extend(rows);
    }
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

/// The rows (indices in `ACTIVE_ROWS`, from `next` on) a segment's label
/// names: several when they stand on lines of their own, else the one named
/// at the end of the label.
fn named_rows(seg: &Segment, tokens: &[Token], text: &str, next: usize) -> Vec<usize> {
    let mut on_lines = Vec::new();
    let mut from = next;
    for (line, _) in label_lines(seg, tokens, text) {
        if line.chars().count() > NAME_LINE {
            continue;
        }
        let tail = label_tail(&line);
        if let Some(i) = (from..ACTIVE_ROWS.len()).find(|&i| names_row(tail, ACTIVE_ROWS[i].cues)) {
            on_lines.push(i);
            from = i + 1;
        }
    }
    if on_lines.len() >= 2 {
        return on_lines;
    }
    let tail = label_tail(&seg.label);
    (next..ACTIVE_ROWS.len()).find(|&i| names_row(tail, ACTIVE_ROWS[i].cues)).into_iter().collect()
}

/// Fills the waiting rows from one segment's cells; returns the rows and
/// how many waiting rows (at the end of `pending`) still wait.
fn fill_pending(
    pending: &[usize],
    seg: &Segment,
    header: Option<(Version, bool)>,
    year: Option<i32>,
    norm: &Normalised,
) -> (Vec<Row>, usize) {
    let n = seg.cells.len();
    // The first rows of one block wait for column-major numbers.
    let block = ACTIVE_ROWS[pending[0]].block;
    let group: Vec<usize> = pending.iter().copied().take_while(|&i| ACTIVE_ROWS[i].block == block).collect();
    let r = group.len();
    if r >= 2 && n.is_multiple_of(r) {
        let version = block_version(block, header.map(|h| h.0), n / r, year);
        let c = active_columns(block, version).len();
        let one_a_line = seg.cells.windows(2).all(|w| w[0].line != w[1].line);
        let a_row_a_line = seg.cells.chunks(c).all(|row| row.iter().all(|t| t.line == row[0].line))
            && seg.cells.chunks(c).collect::<Vec<_>>().windows(2).all(|w| w[0][0].line != w[1][0].line);
        if n == r * c && (c == 1 || one_a_line || a_row_a_line) {
            let mut out = Vec::with_capacity(r);
            for (k, &i) in group.iter().enumerate() {
                let cells: Vec<&Token> = if one_a_line && c > 1 {
                    (0..c).filter_map(|j| seg.cells.get(j * r + k).copied()).collect()
                } else {
                    seg.cells.iter().skip(k * c).take(c).copied().collect()
                };
                let part =
                    Segment { label: seg.label.clone(), label_token: seg.label_token, leading: Vec::new(), cells };
                out.push(fill_one(&ACTIVE_ROWS[i], &part, Some(version), header, year, norm));
            }
            // Rows of later blocks named too wait for the numbers after these.
            return (out, pending.len() - r);
        }
    }
    // Otherwise the numbers belong to the row named last, nearest them;
    // rows named before it had none.
    let (last, before) = pending.split_last().unwrap_or((&pending[0], &[]));
    let mut out: Vec<Row> = before.iter().map(|&i| no_values(&ACTIVE_ROWS[i], seg, norm)).collect();
    out.push(fill_one(&ACTIVE_ROWS[*last], seg, None, header, year, norm));
    (out, 0)
}

/// A row named in the text but given no numbers.
fn no_values(spec: &ActiveRowSpec, seg: &Segment, norm: &Normalised) -> Row {
    let version = if spec.block == Block::Procurement { Version::V2019 } else { Version::V2021 };
    let mut row = Row::new(spec.key, spec.label, active_columns(spec.block, version));
    row.found = true;
    row.line = seg.label_token.map(|t| norm.line_at(t.start));
    row.issues.push(RowIssue::ValueCount { found: 0, expected: row.columns.len(), values: Vec::new(), line: row.line });
    row
}

fn fill_one(
    spec: &ActiveRowSpec,
    seg: &Segment,
    version: Option<Version>,
    header: Option<(Version, bool)>,
    year: Option<i32>,
    norm: &Normalised,
) -> Row {
    let version = version.unwrap_or_else(|| block_version(spec.block, header.map(|h| h.0), seg.cells.len(), year));
    let columns: &'static [Column] = active_columns(spec.block, version);
    let wan = header.is_some_and(|h| h.1);
    let kinds: Vec<ValueKind> = columns.iter().map(|c| kind_of(c.key, spec.block, wan)).collect();
    let mut row = Row::new(spec.key, spec.label, columns);
    row.found = true;
    row.version = Some(version);
    let groups = [columns.len()];
    fill_row_alone(&mut row, seg, &kinds, Arith { groups: &groups, fits: &any_fits }, false, norm);
    row
}

/// The end of a label where a row name must be (see [`LABEL_TAIL`]).
fn label_tail(label: &str) -> &str {
    let start = label.char_indices().rev().nth(LABEL_TAIL - 1).map_or(0, |(i, _)| i);
    &label[start..]
}

/// Whether a label's tail (see [`label_tail`]) names a row with these cues.
fn names_row(tail: &str, cues: &[&str]) -> bool {
    cues.iter().any(|c| find::contains(tail, c))
}

/// The version a block header names, and whether it says 万元.
fn header_of(label: &str) -> Option<(Version, bool)> {
    let hit =
        ACTIVE_HEADER_CUES.iter().filter_map(|(cue, v)| find::rfind(label, cue).map(|p| (p, *v))).max_by_key(|h| h.0);
    hit.map(|(_, v)| (v, find::contains(label, UNIT_WAN_YUAN)))
}

/// The version of the row's block: the header's if it names one that has
/// this block's shape, else what the number of values allows, else the year.
fn block_version(block: Block, header: Option<Version>, n: usize, year: Option<i32>) -> Version {
    if block == Block::Procurement {
        return Version::V2019;
    }
    if let Some(v) = header {
        return v;
    }
    for v in [Version::V2019, Version::V2021] {
        let other = if v == Version::V2019 { Version::V2021 } else { Version::V2019 };
        if active_columns(block, v).len() == n && active_columns(block, other).len() != n {
            return v;
        }
    }
    if year.is_some_and(|y| y <= 2020) {
        Version::V2019
    } else {
        Version::V2021
    }
}

fn kind_of(column: &str, block: Block, header_says_wan: bool) -> ValueKind {
    match column {
        "change" => ValueKind::Change,
        "amount_yuan" => {
            let default_unit = if block == Block::Fees || header_says_wan { UNIT_WAN_YUAN } else { UNIT_YUAN };
            ValueKind::Money { default_unit }
        }
        _ => ValueKind::Count,
    }
}
