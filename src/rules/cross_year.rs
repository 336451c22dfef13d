//! The rules across two years of one agency: this year's report read
//! against what is kept of last year's ([`LastYear`]). The pairs come from
//! [`crate::report::pairing`]; [`crate::check_many`] and the CLI run
//! [`check`] on each, and the diagnostics go to this year's report.
//!
//! Last year's report is kept small (the cells these rules read, a
//! fingerprint of all its cells, its prose as sets of character
//! trigrams), so that a batch of thousands keeps only that much of each
//! report it may still need.

use super::diagnostic::{Diagnostic, Related, Severity};
use super::{cross_year_carry_over, cross_year_copied, cross_year_jump, cross_year_stock, Rule};
use crate::tables::model::{Row, Value};
use crate::template::keys::{active as a, requests as q, review as r};
use crate::template::{ColKey, RowKey, TableId};
use crate::Report;

/// The rules across two years, in the order their diagnostics are listed.
pub const RULES: &[&Rule] =
    &[&cross_year_carry_over::RULE, &cross_year_stock::RULE, &cross_year_copied::RULE, &cross_year_jump::RULE];

const CHECKS: &[fn(&LastYear, &Report, &mut Vec<Diagnostic>)] =
    &[cross_year_carry_over::check, cross_year_stock::check, cross_year_copied::check, cross_year_jump::check];

/// Checks this year's report against last year's (`last` must be the same
/// agency's report for the year before).
pub fn check(last: &LastYear, current: &Report) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for check in CHECKS {
        check(last, current, &mut out);
    }
    out
}

/// The rows whose cells the rules read from last year's report.
const KEPT_ROWS: [(TableId, RowKey); 9] = [
    // cross_year.carry_over
    (TableId::Requests, q::CARRIED_FORWARD),
    // cross_year.stock
    (TableId::Active, a::REGULATIONS),
    (TableId::Active, a::NORMATIVE_DOCUMENTS),
    // cross_year.jump (its key figures)
    (TableId::Active, a::LICENSING),
    (TableId::Active, a::PUNISHMENT),
    (TableId::Requests, q::NEW),
    (TableId::Review, r::REVIEW),
    (TableId::Review, r::LITIGATION_DIRECT),
    (TableId::Review, r::LITIGATION_AFTER_REVIEW),
];

/// One cell kept of last year's report.
#[derive(Clone, Debug)]
struct Kept {
    table: TableId,
    row: RowKey,
    column: ColKey,
    value: Value,
    line: Option<usize>,
}

/// What the rules across two years keep of last year's report.
#[derive(Clone, Debug)]
pub struct LastYear {
    pub source: Option<String>,
    pub year: Option<i32>,
    cells: Vec<Kept>,
    /// Every given cell of the three tables.
    pub tables: TablePrint,
    /// Sections 一 (总体情况) and 五 (存在的主要问题及改进情况).
    pub overview: Shingles,
    pub problems: Shingles,
}

impl LastYear {
    pub fn of(report: &Report) -> LastYear {
        let mut cells = Vec::new();
        for (table, row) in KEPT_ROWS {
            let Some(found) = report.table(table).row(row) else { continue };
            for c in &found.cells {
                if let Some(value) = c.value {
                    cells.push(Kept { table, row, column: c.column, value, line: c.line.or(found.line) });
                }
            }
        }
        LastYear {
            source: report.source.clone(),
            year: report.year,
            cells,
            tables: TablePrint::of(report),
            overview: Shingles::of(section_body(report, 1)),
            problems: Shingles::of(section_body(report, 5)),
        }
    }

    /// A kept cell's value and line.
    pub fn cell(&self, table: TableId, row: RowKey, column: ColKey) -> Option<(Value, Option<usize>)> {
        self.cells.iter().find(|k| k.table == table && k.row == row && k.column == column).map(|k| (k.value, k.line))
    }

    pub fn int(&self, table: TableId, row: RowKey, column: ColKey) -> Option<i64> {
        self.cell(table, row, column).and_then(|(v, _)| v.as_int())
    }

    /// How a message names last year's report: `2020年报告（001.txt）`.
    pub fn name(&self) -> String {
        let year = self.year.map_or("上一年".to_string(), |y| format!("{y}年"));
        match &self.source {
            Some(s) => format!("{year}报告（{s}）"),
            None => format!("{year}报告"),
        }
    }
}

/// A diagnostic at a cell of this year's report (`row` as found, with the
/// key `row_key`), naming last year's cell as the related place: what
/// carry_over, stock and jump report. (Made in one place, once: the
/// builder steps each rule would repeat weigh in the wasm builds; and the
/// rule is given by its code, not as `&RULE`, which would put the rule's
/// documentation into them.)
#[allow(clippy::too_many_arguments)]
pub fn at_cell(
    code: &'static str,
    severity: Severity,
    message: String,
    table: TableId,
    row: Option<&Row>,
    (row_key, column): (RowKey, ColKey),
    last: &LastYear,
    what_last_year: &str,
) -> Diagnostic {
    let cell = row.and_then(|r| r.cell(column));
    Diagnostic {
        code,
        severity,
        message,
        line: cell.and_then(|c| c.line).or(row.and_then(|r| r.line)),
        table: Some(table),
        row: Some(row_key),
        column: Some(column),
        span: cell.and_then(|c| c.span),
        related: vec![Related {
            label: format!("{} {what_last_year}", last.source.as_deref().unwrap_or("上一年报告")),
            line: last.cell(table, row_key, column).and_then(|(_, line)| line),
            span: None,
            row: Some(row_key),
            column: Some(column),
        }],
        help: None,
        suggestions: None,
        correction: None,
    }
}

/// The text of a section after its heading line (empty when not found).
pub fn section_body(report: &Report, number: usize) -> &str {
    let Some(s) = report.sections.iter().find(|s| s.number == number) else { return "" };
    let body = report.text.get(s.start..s.end).unwrap_or("");
    // The heading stands on its own line, unless the report lost its line breaks.
    match body.find('\n') {
        Some(nl) if nl < 120 => &body[nl + 1..],
        _ => body,
    }
}

/// A fingerprint of every given cell of a report's tables: equal prints
/// are equal tables (to a 64-bit hash's odds).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TablePrint {
    hash: u64,
    /// Cells given, and of them not zero.
    pub cells: usize,
    pub nonzero: usize,
}

impl TablePrint {
    pub fn of(report: &Report) -> TablePrint {
        let mut print = TablePrint { hash: 0, cells: 0, nonzero: 0 };
        for id in TableId::ALL {
            let table = report.table(id);
            // A cell is told by its table's version and its place in the
            // template (rows are kept in template order, found or not).
            print.hash = mix_bytes(mix(print.hash, id as u64), table.version.map_or("", |v| v.name).as_bytes());
            for (r, row) in table.rows.iter().enumerate() {
                if let Some(version) = row.version {
                    print.hash = mix_bytes(print.hash, version.name.as_bytes());
                }
                for (c, cell) in row.cells.iter().enumerate() {
                    let Some(value) = cell.value else { continue };
                    print.cells += 1;
                    let (units, scale) = match value {
                        Value::Int(i) => (i, 0),
                        Value::Dec { units, scale } => (units, scale),
                    };
                    print.nonzero += usize::from(units != 0);
                    let place = (r as u64) << 32 | (c as u64) << 8 | u64::from(scale);
                    print.hash = mix(mix(print.hash, place), units as u64);
                }
            }
        }
        print
    }
}

/// One step of a 64-bit hash (multiply, rotate: FxHash's, with a final
/// spread in [`mix_bytes`]).
fn mix(hash: u64, word: u64) -> u64 {
    (hash.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// A string into the hash, eight bytes a step, its length last.
fn mix_bytes(mut hash: u64, bytes: &[u8]) -> u64 {
    for chunk in bytes.chunks(8) {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        hash = mix(hash, u64::from_le_bytes(word));
    }
    mix(hash, bytes.len() as u64)
}

/// Trigrams are hashed to this many bits: a set of them is kept as a
/// bitmap of 2^16 bits while it is made, then as its sorted members.
const GRAM_BITS: u32 = 16;

/// A text as the set of its character trigrams (hashed to 16 bits), with
/// every run of digits read as one `#` and whitespace left out: a text
/// copied from last year with this year's figures put in is the same text.
/// (Two different trigrams share a hash about once in 65,536: the
/// similarity of two unrelated sections of a thousand trigrams each reads
/// about 1.5 points high, which a 50% threshold does not feel.)
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shingles {
    /// Sorted, distinct.
    grams: Vec<u16>,
    /// Characters read (digit runs count one).
    pub chars: usize,
}

impl Shingles {
    /// `text` is a report's normalised text (its spaces are ASCII).
    pub fn of(text: &str) -> Shingles {
        let mut bitmap = [0u64; 1 << (GRAM_BITS - 6)];
        // Which words of the bitmap have a bit set: the set is read back
        // from those alone (a section sets about half of them).
        let mut used = [0u64; 1 << (GRAM_BITS - 12)];
        // The last two characters kept, as 21-bit numbers side by side.
        let mut last_two = 0u64;
        let mut chars = 0;
        let mut last_digit = false;
        for c in text.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r') {
                continue;
            }
            let digit = c.is_ascii_digit();
            if digit && last_digit {
                continue;
            }
            last_digit = digit;
            let c = if digit { u64::from('#') } else { u64::from(c) };
            chars += 1;
            let three = (last_two << 21) | c;
            if chars >= 3 {
                // (Multiply and keep the top bits: Fibonacci hashing.)
                let gram = (three.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - GRAM_BITS)) as usize;
                bitmap[gram >> 6] |= 1 << (gram & 63);
                used[gram >> 12] |= 1 << ((gram >> 6) & 63);
            }
            last_two = three & ((1 << 42) - 1);
        }
        let mut grams = Vec::with_capacity(chars.min(1 << GRAM_BITS));
        for (u, &word) in used.iter().enumerate() {
            let mut words = word;
            while words != 0 {
                let w = u * 64 + words.trailing_zeros() as usize;
                words &= words - 1;
                let mut bits = bitmap[w];
                while bits != 0 {
                    grams.push((w * 64 + bits.trailing_zeros() as usize) as u16);
                    bits &= bits - 1;
                }
            }
        }
        Shingles { grams, chars }
    }

    /// The Jaccard similarity of two sets, as (trigrams shared, trigrams in
    /// either): whole numbers, so that no float is formatted (the wasm
    /// builds stay small).
    pub fn similarity(&self, other: &Shingles) -> (usize, usize) {
        let (mut i, mut j, mut shared) = (0, 0, 0usize);
        while i < self.grams.len() && j < other.grams.len() {
            match self.grams[i].cmp(&other.grams[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        (shared, self.grams.len() + other.grams.len() - shared)
    }

    /// The similarity in whole percent (0 for two empty sets).
    pub fn percent_similar(&self, other: &Shingles) -> usize {
        let (shared, all) = self.similarity(other);
        (shared * 100 + all / 2).checked_div(all).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_texts_share_trigrams_and_figures_do_not_matter() {
        let a = Shingles::of("2020年，本机关主动公开政府信息1234条，其中政策文件56件。");
        let b = Shingles::of("2021年，本机关主动公开政府信息987条，其中政策文件7件。");
        assert_eq!(a.percent_similar(&b), 100);
        let c = Shingles::of("本年度围绕优化营商环境，新建政务公开专区三个，线上咨询答复及时。");
        assert!(a.percent_similar(&c) < 10, "{}", a.percent_similar(&c));
        assert_eq!(Shingles::of("").percent_similar(&Shingles::of("")), 0);
        let (shared, all) = Shingles::of("一二三四五").similarity(&Shingles::of("二三四五六"));
        assert_eq!((shared, all), (2, 4));
    }

    #[test]
    fn table_prints_tell_equal_tables() {
        use crate::template::v2021::V2021;
        use crate::testing::Sample;
        let t = TableId::Requests;
        let one = Sample::new(&V2021).row(t, q::NEW, &[1, 0, 0, 0, 0, 0, 1]);
        assert_eq!(TablePrint::of(&one.check()), TablePrint::of(&one.clone().year(2022).check()));
        let other = one.clone().row(t, q::NEW, &[0, 1, 0, 0, 0, 0, 1]);
        assert_ne!(TablePrint::of(&one.check()), TablePrint::of(&other.check()));
    }
}
