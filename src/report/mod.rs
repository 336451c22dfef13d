//! The checked report, serialised exactly as the output contract
//! (../shared/docs/output-contract.md) says. The CLI's `--json`, the wasm
//! API and the app's export all serialise this one type.

mod layout;
pub mod pairing;
mod targets;

pub use layout::{BodyRow, Layout, Slot, Span};
pub use targets::{CellRef, Target, Targets};

use crate::read::meta::Period;
use crate::read::sections::Section;
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::tables::model::{Table, Value};
use crate::tables::Tables;
use crate::template::{ColKey, Registry, RowKey, TableId, TemplateKind};
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;

pub struct Report {
    pub source: Option<String>,
    pub agency: Option<String>,
    pub year: Option<i32>,
    pub template: Option<TemplateKind>,
    pub period: Option<Period>,
    pub title_line: Option<usize>,
    pub sections: Vec<Section>,
    pub tables: Tables,
    pub diagnostics: Vec<Diagnostic>,
    /// Lines in the input (for renderers that show it).
    pub input_lines: usize,
    /// The template versions the report was read against.
    pub registry: &'static Registry,
    /// The normalised text the report was read from: its sections' `start`
    /// and `end` index it (spans and lines refer to the original input).
    /// Not serialised; the rules across two years read it.
    pub text: String,
}

impl Report {
    pub fn table(&self, id: TableId) -> &Table {
        self.tables.get(id)
    }

    /// Keeps only the diagnostics of the rules `selection` allows.
    pub fn select(&mut self, selection: &crate::rules::Selection) {
        self.diagnostics.retain(|d| selection.allows_code(d.code));
    }

    /// How the template draws one of the report's tables.
    pub fn layout(&self, id: TableId) -> Layout {
        Layout::of(self.table(id), self.registry)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }

    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// The plain verdict: 通过 / 有 N 处错误.
    pub fn verdict(&self) -> String {
        match (self.count(Severity::Error), self.count(Severity::Warning)) {
            (0, 0) => "通过".into(),
            (0, w) => format!("通过（有{w}处警告）"),
            (e, _) => format!("有{e}处错误"),
        }
    }

    /// A row of table 三 as column → value, `None` when it has no values.
    pub fn requests_row(&self, key: RowKey) -> Option<BTreeMap<ColKey, i64>> {
        let row = self.tables.requests.row(key)?;
        let map: BTreeMap<_, _> = row.cells.iter().filter_map(|c| Some((c.column, c.value?.as_int()?))).collect();
        (!map.is_empty()).then_some(map)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }
}

/// A table as `{ row: { column: value } }`, template order, given cells only.
struct Values<'a>(&'a Table);

impl Serialize for Values<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let rows: Vec<_> = self.0.rows.iter().filter(|r| r.has_values()).collect();
        let mut map = s.serialize_map(Some(rows.len()))?;
        for row in rows {
            map.serialize_entry(row.key.as_str(), &RowValues(row))?;
        }
        map.end()
    }
}

struct RowValues<'a>(&'a crate::tables::model::Row);

impl Serialize for RowValues<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let cells: Vec<(ColKey, Value)> = self.0.cells.iter().filter_map(|c| Some((c.column, c.value?))).collect();
        let mut map = s.serialize_map(Some(cells.len()))?;
        for (k, v) in cells {
            map.serialize_entry(k.as_str(), &v)?;
        }
        map.end()
    }
}

/// Each table's template version, `{ active, requests, review }`: the
/// tables' order is also their keys' sorted order.
struct Versions<'a>(&'a Report);

impl Serialize for Versions<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(TableId::ALL.len()))?;
        for id in TableId::ALL {
            map.serialize_entry(id.key(), &self.0.table(id).version.map(|v| v.name))?;
        }
        map.end()
    }
}

/// Every given cell with where it came from: what the page highlights.
#[derive(Serialize)]
struct CellValue {
    table: TableId,
    row: RowKey,
    column: ColKey,
    value: Value,
    line: Option<usize>,
    start: Option<usize>,
    end: Option<usize>,
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Report", 14)?;
        st.serialize_field("source", &self.source)?;
        st.serialize_field("agency", &self.agency)?;
        st.serialize_field("year", &self.year)?;
        st.serialize_field("template", &self.template)?;
        st.serialize_field("active", &Values(&self.tables.active))?;
        st.serialize_field("requests", &Values(&self.tables.requests))?;
        st.serialize_field("review", &Values(&self.tables.review))?;
        st.serialize_field("diagnostics", &self.diagnostics)?;
        // Extensions (the contract welcomes extra fields).
        st.serialize_field("period", &self.period)?;
        st.serialize_field("sections", &self.sections)?;
        st.serialize_field("versions", &Versions(self))?;
        let mut cells: Vec<CellValue> = Vec::new();
        for id in TableId::ALL {
            for row in &self.table(id).rows {
                for c in &row.cells {
                    if let Some(value) = c.value {
                        cells.push(CellValue {
                            table: id,
                            row: row.key,
                            column: c.column,
                            value,
                            line: c.line,
                            start: c.span.map(|s| s.start),
                            end: c.span.map(|s| s.end),
                        });
                    }
                }
            }
        }
        st.serialize_field("cells", &cells)?;
        st.serialize_field(
            "summary",
            &Summary {
                errors: self.count(Severity::Error),
                warnings: self.count(Severity::Warning),
                infos: self.count(Severity::Info),
                verdict: self.verdict(),
            },
        )?;
        st.serialize_field("checker", &Checker { name: "nianbao", version: env!("CARGO_PKG_VERSION") })?;
        st.end()
    }
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
    infos: usize,
    verdict: String,
}

#[derive(Serialize)]
struct Checker {
    name: &'static str,
    version: &'static str,
}
