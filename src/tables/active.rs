//! Table 二: 主动公开政府信息情况, blocks by 第二十条 item.
//!
//! Each row is found by its label in template order. Which columns it has
//! depends on its block's header (本年新制作数量… is 2019, 本年制发件数… 2021),
//! read from the header words that come before the row; when a block has no
//! readable header, the number of values decides where that is unambiguous.

use super::fill::{any_fits, fill_row_alone, Arith};
use super::segments::{segments, Segment};
use super::values::ValueKind;
use crate::model::{Row, Table};
use crate::normalise::Normalised;
use crate::template::{
    active_columns, Block, Column, TableId, Version, ACTIVE_HEADER_CUES, ACTIVE_ROWS, UNIT_WAN_YUAN, UNIT_YUAN,
};
use crate::tokens::Token;

/// How near the end of a segment's label a row name must be (characters).
const LABEL_TAIL: usize = 14;

pub fn parse(tokens: &[Token], norm: &Normalised, year: Option<i32>) -> Table {
    let mut table = Table::new(TableId::Active);
    let segs = segments(tokens, &norm.text);
    let mut cursor = 0;
    let mut header: Option<(Version, bool)> = None; // (version, header says 万元)
    let mut versions = Vec::new();
    for spec in ACTIVE_ROWS.iter() {
        let found = (cursor..segs.len()).find(|&i| !segs[i].cells.is_empty() && names_row(&segs[i].label, spec.cues));
        let Some(i) = found else { continue };
        for s in &segs[cursor..=i] {
            if let Some(h) = header_of(&s.label) {
                header = Some(h);
            }
        }
        cursor = i + 1;
        let seg = &segs[i];
        let version = block_version(spec.block, header.map(|h| h.0), seg, year);
        let columns: &'static [Column] = active_columns(spec.block, version);
        let wan = header.is_some_and(|h| h.1);
        let kinds: Vec<ValueKind> = columns.iter().map(|c| kind_of(c.key, spec.block, wan)).collect();
        let mut row = Row::new(spec.key, spec.label, columns);
        row.found = true;
        row.version = Some(version);
        let groups = [columns.len()];
        fill_row_alone(&mut row, seg, &kinds, Arith { groups: &groups, fits: &any_fits }, false, norm);
        versions.push(version);
        table.rows.push(row);
    }
    table.found = !table.rows.is_empty();
    if table.found {
        table.line = segs.first().and_then(Segment::first_token).map(|t| norm.line_at(t.start));
        versions.sort();
        versions.dedup();
        table.version = (versions.len() == 1).then(|| versions[0]);
    }
    table
}

fn names_row(label: &str, cues: &[&str]) -> bool {
    let chars: Vec<char> = label.chars().collect();
    let tail: String = chars[chars.len().saturating_sub(LABEL_TAIL)..].iter().collect();
    cues.iter().any(|c| tail.contains(c))
}

/// The version a block header names, and whether it says 万元.
fn header_of(label: &str) -> Option<(Version, bool)> {
    let hit = ACTIVE_HEADER_CUES.iter().filter_map(|(cue, v)| label.rfind(cue).map(|p| (p, *v))).max_by_key(|h| h.0);
    hit.map(|(_, v)| (v, label.contains(UNIT_WAN_YUAN)))
}

/// The version of the row's block: the header's if it names one that has
/// this block's shape, else what the number of values allows, else the year.
fn block_version(block: Block, header: Option<Version>, seg: &Segment, year: Option<i32>) -> Version {
    if block == Block::Procurement {
        return Version::V2019;
    }
    if let Some(v) = header {
        return v;
    }
    let n = seg.cells.len();
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
