//! The rebuilt tables: what the parser found, cell by cell, with where each
//! cell came from. Rules and renderers read this; nothing re-parses text.

use crate::read::normalise::Span;
use crate::template::{full_width_brackets, ColKey, Column, RowKey, RowSpec, TableId, Version};
use crate::util::short_str::ShortStr;
use serde::Serialize;

/// A cell's value: counts are whole numbers, money may have decimals.
///
/// Decimals are kept exactly, as digits and a scale (`242523110.82` is
/// `Dec { units: 24252311082, scale: 2 }`): no float is parsed or printed,
/// which keeps the numbers exact and the WebAssembly small.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    Int(i64),
    Dec { units: i64, scale: u8 },
}

impl Value {
    pub fn as_int(self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(i),
            Value::Dec { .. } => None,
        }
    }
    pub fn as_f64(self) -> f64 {
        match self {
            Value::Int(i) => i as f64,
            Value::Dec { units, scale } => units as f64 / 10f64.powi(scale as i32),
        }
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Value::Int(i) => write!(f, "{i}"),
            Value::Dec { units, scale } => {
                let digits = units.unsigned_abs().to_string();
                let scale = scale as usize;
                let padded = format!("{}{digits}", "0".repeat((scale + 1).saturating_sub(digits.len())));
                let (whole, frac) = padded.split_at(padded.len() - scale);
                write!(f, "{}{whole}.{frac}", if units < 0 { "-" } else { "" })
            }
        }
    }
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Value::Int(i) => s.serialize_i64(i),
            Value::Dec { .. } => s.serialize_f64(self.as_f64()),
        }
    }
}

/// What the text gave for one cell.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum CellState {
    /// A readable value.
    Given,
    /// Written as / - — or left empty among the row's cells.
    Blank,
    /// Written, but not a valid value for its column (negative count,
    /// fraction, too large).
    Invalid { reason: &'static str },
    /// Not given: the row was not found, or its values could not be assigned
    /// to columns.
    Absent,
}

#[derive(Clone, Debug, Serialize)]
pub struct Cell {
    pub column: ColKey,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    #[serde(flatten)]
    pub state: CellState,
    /// The text of the cell as written (normalised).
    pub raw: ShortStr,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

impl Cell {
    pub fn absent(column: ColKey) -> Self {
        Cell { column, value: None, state: CellState::Absent, raw: ShortStr::default(), line: None, span: None }
    }

    /// The cell as a term of its table's sums: its whole number, or 0 when
    /// it is left blank.
    pub fn counted(&self) -> Option<i64> {
        match self.state {
            CellState::Blank => Some(0),
            _ => self.value.and_then(|v| v.as_int()),
        }
    }
}

/// Why a row's values could not be taken as they are.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RowIssue {
    /// More or fewer values than the template has columns.
    ValueCount {
        found: usize,
        expected: usize,
        values: Vec<String>,
        line: Option<usize>,
        #[serde(skip)]
        span: Option<Span>,
    },
    /// Digits glued together with more than one split that fits (or none).
    Ambiguous {
        digits: String,
        candidates: Vec<Vec<i64>>,
        line: Option<usize>,
        #[serde(skip)]
        span: Option<Span>,
    },
    /// Numbers before the label on the same line, dropped (OCR or layout
    /// noise such as a page or line number).
    StrayNumbers {
        values: Vec<String>,
        line: Option<usize>,
        #[serde(skip)]
        span: Option<Span>,
    },
    /// Fewer values than columns, with no trace of the empty cells, placed
    /// by the table's arithmetic (`how`).
    Placed { how: Placement },
    /// Fewer values than columns, with no trace of the empty cells, and
    /// more than one placement that keeps the arithmetic: the columns each
    /// candidate puts the values in (the first few; `more` when there are
    /// others).
    Unplaced {
        values: Vec<String>,
        candidates: Vec<Vec<ColKey>>,
        more: bool,
        line: Option<usize>,
        #[serde(skip)]
        span: Option<Span>,
    },
}

/// How the values of a row with no trace of its empty cells were placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// Under the columns they stand in, in laid-out text (keeping the sums).
    Layout,
    /// The only placement that keeps the row's and the columns' sums.
    Arithmetic,
    /// Of those that keep them, the only one with the fewest values in the
    /// columns reports usually leave empty.
    Usual,
}

#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub key: RowKey,
    pub label: &'static str,
    /// The label's ordinal as the template prints it (`(一)`, `1.`), if any.
    #[serde(skip)]
    pub ordinal: &'static str,
    /// Whether the row's label was found in the text.
    pub found: bool,
    /// 1-based line of the row's label (or its first value) in the input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip)]
    pub columns: &'static [Column],
    pub cells: Vec<Cell>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<RowIssue>,
    /// The template version this row's columns follow (table 二 blocks).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<&'static Version>,
}

impl Row {
    pub fn new(key: RowKey, label: &'static str, columns: &'static [Column]) -> Self {
        Row {
            key,
            label,
            ordinal: "",
            found: false,
            line: None,
            columns,
            cells: columns.iter().map(|c| Cell::absent(c.key)).collect(),
            issues: Vec::new(),
            version: None,
        }
    }

    /// A row of table 三 or 四 as its spec names it, with its ordinal.
    pub fn of(spec: &RowSpec, columns: &'static [Column]) -> Self {
        Row { ordinal: spec.ordinal, ..Row::new(spec.key, spec.label, columns) }
    }

    /// The label with its ordinal as the template prints it: `（一）予以公开`.
    pub fn printed(&self) -> String {
        format!("{}{}", full_width_brackets(self.ordinal), self.label)
    }

    pub fn cell(&self, column: ColKey) -> Option<&Cell> {
        self.cells.iter().find(|c| c.column == column)
    }

    pub fn value(&self, column: ColKey) -> Option<Value> {
        self.cell(column).and_then(|c| c.value)
    }

    pub fn int(&self, column: ColKey) -> Option<i64> {
        self.value(column).and_then(Value::as_int)
    }

    pub fn has_values(&self) -> bool {
        self.cells.iter().any(|c| c.value.is_some())
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Table {
    pub id: TableId,
    /// Whether the table was found at all.
    pub found: bool,
    /// The template version the table follows, when it tells.
    pub version: Option<&'static Version>,
    /// 1-based line where the table starts (its heading or first row).
    pub line: Option<usize>,
    /// Rows in template order; rows not found are present with `found: false`.
    pub rows: Vec<Row>,
    /// Why the table could not be read, when its layout defeats the parser.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unreadable: Option<String>,
    /// Issues of the table as a whole (table 四's values are one run).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<RowIssue>,
}

impl RowIssue {
    pub fn line(&self) -> Option<usize> {
        match self {
            RowIssue::ValueCount { line, .. }
            | RowIssue::Ambiguous { line, .. }
            | RowIssue::StrayNumbers { line, .. }
            | RowIssue::Unplaced { line, .. } => *line,
            RowIssue::Placed { .. } => None,
        }
    }

    /// Where in the input the values it is about stand (from the first to
    /// the last on the first one's line), for the diagnostic to point at.
    pub fn span(&self) -> Option<Span> {
        match self {
            RowIssue::ValueCount { span, .. }
            | RowIssue::Ambiguous { span, .. }
            | RowIssue::StrayNumbers { span, .. }
            | RowIssue::Unplaced { span, .. } => *span,
            RowIssue::Placed { .. } => None,
        }
    }
}

impl Table {
    pub fn new(id: TableId) -> Self {
        Table { id, found: false, version: None, line: None, rows: Vec::new(), unreadable: None, issues: Vec::new() }
    }

    pub fn row(&self, key: RowKey) -> Option<&Row> {
        self.rows.iter().find(|r| r.key == key)
    }

    pub fn int(&self, row: RowKey, column: ColKey) -> Option<i64> {
        self.row(row).and_then(|r| r.int(column))
    }

    /// Takes none of the table's values, saying why: its rows stay, each
    /// with its version (a block's header still tells the template) and no
    /// cell, line or issue.
    pub fn lose(&mut self, why: &str) {
        for row in &mut self.rows {
            *row = Row { ordinal: row.ordinal, version: row.version, ..Row::new(row.key, row.label, row.columns) };
        }
        self.issues.clear();
        self.unreadable = Some(why.to_string());
    }
}

#[cfg(test)]
mod value_tests {
    use super::Value;

    #[test]
    fn decimals_print_exactly() {
        assert_eq!(Value::Dec { units: 24252311082, scale: 2 }.to_string(), "242523110.82");
        assert_eq!(Value::Dec { units: 5, scale: 3 }.to_string(), "0.005");
        assert_eq!(Value::Dec { units: -15, scale: 1 }.to_string(), "-1.5");
        assert_eq!(serde_json::to_string(&Value::Dec { units: 24252311082, scale: 2 }).unwrap(), "242523110.82");
    }
}
