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
        #[cfg(not(target_arch = "wasm32"))]
        {
            let mut out = Vec::with_capacity(32 * 1024);
            self.write_json(&mut out);
            // (Both parts are serde_json's or ASCII: UTF-8.)
            String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
        }
        #[cfg(target_arch = "wasm32")]
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

/// The report's `cells`, in table and template order.
struct Cells<'a>(&'a Report);

impl Serialize for Cells<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.cell_values())
    }
}

impl Report {
    fn cell_values(&self) -> impl Iterator<Item = CellValue> + '_ {
        TableId::ALL.into_iter().flat_map(move |id| {
            self.table(id).rows.iter().flat_map(move |row| {
                row.cells.iter().filter_map(move |c| {
                    Some(CellValue {
                        table: id,
                        row: row.key,
                        column: c.column,
                        value: c.value?,
                        line: c.line,
                        start: c.span.map(|s| s.start),
                        end: c.span.map(|s| s.end),
                    })
                })
            })
        })
    }

    /// The contract's fields before `cells`.
    fn head_fields<S: SerializeStruct>(&self, st: &mut S) -> Result<(), S::Error> {
        self.lead_fields(st)?;
        st.serialize_field("active", &Values(&self.tables.active))?;
        st.serialize_field("requests", &Values(&self.tables.requests))?;
        st.serialize_field("review", &Values(&self.tables.review))?;
        self.after_tables_fields(st)
    }

    /// The fields before the tables' values.
    fn lead_fields<S: SerializeStruct>(&self, st: &mut S) -> Result<(), S::Error> {
        st.serialize_field("source", &self.source)?;
        st.serialize_field("agency", &self.agency)?;
        st.serialize_field("year", &self.year)?;
        st.serialize_field("template", &self.template)
    }

    /// The fields between the tables' values and `cells`.
    fn after_tables_fields<S: SerializeStruct>(&self, st: &mut S) -> Result<(), S::Error> {
        st.serialize_field("diagnostics", &self.diagnostics)?;
        // Extensions (the contract welcomes extra fields).
        st.serialize_field("period", &self.period)?;
        st.serialize_field("sections", &self.sections)?;
        st.serialize_field("versions", &Versions(self))
    }

    /// The fields after `cells`.
    fn tail_fields<S: SerializeStruct>(&self, st: &mut S) -> Result<(), S::Error> {
        st.serialize_field(
            "summary",
            &Summary {
                errors: self.count(Severity::Error),
                warnings: self.count(Severity::Warning),
                infos: self.count(Severity::Info),
                verdict: self.verdict(),
            },
        )?;
        st.serialize_field("checker", &Checker { name: "nianbao", version: env!("CARGO_PKG_VERSION") })
    }

    /// The report as compact JSON, appended to `out`: byte for byte what
    /// serde_json writes for it (the tests hold them equal), with the bulk
    /// of it — every cell with its place, about three times the input's
    /// size — written directly instead of through serde, several times
    /// faster. What the CLI writes; not in the wasm builds, which hand the
    /// report to the browser their own way.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn write_json(&self, out: &mut Vec<u8>) {
        /// The fields before the tables (0), between them and the cells
        /// (1), or after the cells (2).
        struct Part<'a>(&'a Report, u8);
        impl Serialize for Part<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut st = s.serialize_struct("Report", [4, 4, 2][usize::from(self.1)])?;
                match self.1 {
                    0 => self.0.lead_fields(&mut st)?,
                    1 => self.0.after_tables_fields(&mut st)?,
                    _ => self.0.tail_fields(&mut st)?,
                }
                st.end()
            }
        }
        // (Writing to a Vec, serde_json fails only on a map key that is not
        // a string, which the report has none of.)
        let _ = serde_json::to_writer(&mut *out, &Part(self, 0));
        out.pop(); // `}`
        let mut digits = itoa::Buffer::new();
        let tables = &self.tables;
        for (key, table) in [("active", &tables.active), ("requests", &tables.requests), ("review", &tables.review)] {
            write_key(out, &mut false, key);
            // As `Values` serialises: rows with values, each its given cells.
            out.push(b'{');
            let mut first_row = true;
            for row in table.rows.iter().filter(|r| r.has_values()) {
                write_key(out, &mut first_row, row.key.as_str());
                out.push(b'{');
                let mut first = true;
                for c in &row.cells {
                    let Some(value) = c.value else { continue };
                    write_key(out, &mut first, c.column.as_str());
                    write_value(value, out, &mut digits);
                }
                out.push(b'}');
            }
            out.push(b'}');
        }
        let at = out.len();
        let _ = serde_json::to_writer(&mut *out, &Part(self, 1));
        out[at] = b','; // `{` of this part's object
        out.pop(); // `}`
        out.extend_from_slice(b",\"cells\":[");
        let mut first = true;
        for c in self.cell_values() {
            if !first {
                out.push(b',');
            }
            first = false;
            // Template keys: plain ASCII, nothing to escape (tested).
            out.extend_from_slice(b"{\"table\":\"");
            out.extend_from_slice(c.table.key().as_bytes());
            out.extend_from_slice(b"\",\"row\":\"");
            out.extend_from_slice(c.row.as_str().as_bytes());
            out.extend_from_slice(b"\",\"column\":\"");
            out.extend_from_slice(c.column.as_str().as_bytes());
            out.extend_from_slice(b"\",\"value\":");
            write_value(c.value, out, &mut digits);
            for (key, n) in [(&b",\"line\":"[..], c.line), (b",\"start\":", c.start), (b",\"end\":", c.end)] {
                out.extend_from_slice(key);
                match n {
                    Some(n) => out.extend_from_slice(digits.format(n).as_bytes()),
                    None => out.extend_from_slice(b"null"),
                }
            }
            out.push(b'}');
        }
        out.push(b']');
        let at = out.len();
        let _ = serde_json::to_writer(&mut *out, &Part(self, 2));
        out[at] = b','; // `{` of the tail's object
    }
}

/// `"key":`, after a comma unless it is its object's first. (Template
/// keys: plain ASCII, nothing to escape; tested.)
#[cfg(not(target_arch = "wasm32"))]
fn write_key(out: &mut Vec<u8>, first: &mut bool, key: &str) {
    if !std::mem::take(first) {
        out.push(b',');
    }
    out.push(b'"');
    out.extend_from_slice(key.as_bytes());
    out.extend_from_slice(b"\":");
}

/// A cell's value as serde_json writes it: a whole number by `itoa` (as
/// serde_json does), money with decimals through serde_json.
#[cfg(not(target_arch = "wasm32"))]
fn write_value(value: Value, out: &mut Vec<u8>, digits: &mut itoa::Buffer) {
    match value {
        Value::Int(i) => out.extend_from_slice(digits.format(i).as_bytes()),
        v @ Value::Dec { .. } => {
            let _ = serde_json::to_writer(&mut *out, &v);
        }
    }
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Report", 14)?;
        self.head_fields(&mut st)?;
        st.serialize_field("cells", &Cells(self))?;
        self.tail_fields(&mut st)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::keys::active as a;
    use crate::template::{v2019::V2019, v2021::V2021};
    use crate::testing::Sample;

    /// The CLI's fast JSON is serde_json's, byte for byte.
    fn same_json(report: &Report) {
        assert_eq!(report.to_json(), serde_json::to_string(report).unwrap(), "{:?}", report.source);
    }

    #[test]
    fn write_json_is_serde_json_byte_for_byte() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let more = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/more");
        let mut checked = 0;
        for folder in [dir, more] {
            let Ok(entries) = std::fs::read_dir(folder) else { continue };
            for e in entries.flatten() {
                let path = e.path();
                if path.extension().is_some_and(|x| x == "txt") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    same_json(&crate::check(&text, path.file_name().and_then(|n| n.to_str())));
                    checked += 1;
                }
            }
        }
        assert!(checked >= 10);
        // Money with decimals (a float in the JSON), blanks, nothing at all, an unreadable input.
        let t = TableId::Active;
        same_json(
            &Sample::new(&V2021)
                .cell(t, a::FEES, a::AMOUNT_YUAN, "1.25")
                .cell(t, a::LICENSING, a::DECISIONS, "/")
                .check(),
        );
        let decimals = Sample::new(&V2019).cell(t, a::PROCUREMENT, a::AMOUNT_YUAN, "3749.71").check();
        assert!(decimals.to_json().contains("\"value\":3749.71"));
        same_json(&decimals);
        same_json(&crate::check("", None));
        same_json(&crate::unreadable(Some("a\"b.png"), "这是PNG图片"));
    }

    #[test]
    fn template_keys_need_no_escaping_in_json() {
        let plain = |s: &str| s.bytes().all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\');
        for v in Registry::national().versions() {
            for id in TableId::ALL {
                assert!(plain(id.key()));
            }
            for g in [&v.requests, &v.review] {
                assert!(
                    g.rows.iter().all(|r| plain(r.key.as_str())) && g.columns.iter().all(|c| plain(c.key.as_str()))
                );
            }
            for b in v.active.blocks {
                assert!(
                    b.rows.iter().all(|r| plain(r.key.as_str())) && b.columns.iter().all(|c| plain(c.key.as_str()))
                );
            }
        }
    }
}
