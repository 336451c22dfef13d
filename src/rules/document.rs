//! What a rule reads: one report's text, sections, metadata and tables.

use crate::read::meta::Meta;
use crate::read::normalise::{Normalised, Span};
use crate::read::prose::Prose;
use crate::read::sections::Section;
use crate::tables::model::{Cell, Row, RowIssue, Table};
use crate::tables::Tables;
use crate::template::{GridSpec, Registry, TableId, Version};
use crate::util::chars::floor_boundary;

/// The longest clause [`Document::clause_span`] points at, in bytes.
const CLAUSE_MAX: usize = 90;

/// Everything a rule may read about one report.
pub struct Document<'a> {
    pub norm: &'a Normalised,
    pub meta: &'a Meta,
    pub sections: &'a [Section],
    pub tables: &'a Tables,
    /// The reported year: the title's, else the statistical period's.
    pub year: Option<i32>,
    /// The template versions the report was read against.
    pub registry: &'a Registry,
    /// The prose, read when a rule first asks for it.
    prose: std::cell::OnceCell<Prose<'a>>,
}

impl<'a> Document<'a> {
    pub fn new(
        norm: &'a Normalised,
        meta: &'a Meta,
        sections: &'a [Section],
        tables: &'a Tables,
        year: Option<i32>,
        registry: &'a Registry,
    ) -> Self {
        Document { norm, meta, sections, tables, year, registry, prose: std::cell::OnceCell::new() }
    }
    /// The report's prose, with the rules' phrases found in it (once for
    /// all the rules that read it).
    pub fn prose(&self) -> &Prose<'a> {
        self.prose.get_or_init(|| Prose::of(self.norm, self.sections))
    }
    pub fn text(&self) -> &str {
        &self.norm.text
    }
    pub fn table(&self, id: TableId) -> &Table {
        self.tables.get(id)
    }
    pub fn section(&self, number: usize) -> Option<&Section> {
        self.sections.iter().find(|s| s.number == number)
    }
    /// Where a section's heading stands in the input: what a diagnostic
    /// about the section as a whole points at.
    pub fn heading_span(&self, section: &Section) -> Option<Span> {
        let end = section.start + section.heading.len();
        self.text().get(section.start..end).map(|_| self.norm.span(section.start, end))
    }
    /// The clause that starts at byte `at` of the normalised text (up to
    /// the next `，` `。` `；` (or their ASCII folds) or line end, at most [`CLAUSE_MAX`] bytes):
    /// what a diagnostic about a phrase found there points at.
    pub fn clause_span(&self, at: usize) -> Option<Span> {
        let rest = self.text().get(at..)?;
        let end = floor_boundary(rest, CLAUSE_MAX);
        let first = rest.chars().next().map_or(0, char::len_utf8);
        let stop =
            rest[first.min(end)..end].find([',', ';', '，', '。', '；', '\n']).map_or(end, |i| i + first.min(end));
        (stop > 0).then(|| self.norm.span(at, at + stop))
    }
    /// The template spec table 三 or 四 was read by: table 三's version, or
    /// the year's when table 三 tells none.
    pub fn grid(&self, table: TableId) -> Option<&'static GridSpec> {
        let version = self.tables.requests.version.unwrap_or_else(|| self.registry.assumed_for(self.year));
        version.grid(table)
    }
    /// Versions used by the tables that tell one.
    pub fn versions(&self) -> Vec<(TableId, &'static Version)> {
        let mut out = Vec::new();
        for row in self.tables.active.rows.iter().filter(|r| r.found) {
            if let Some(v) = row.version {
                if !out.contains(&(TableId::Active, v)) {
                    out.push((TableId::Active, v));
                }
            }
        }
        if let Some(v) = self.tables.requests.version {
            out.push((TableId::Requests, v));
        }
        out
    }
    /// Every cell of every table, with its table and row.
    pub fn cells(&self) -> impl Iterator<Item = (TableId, &'a Row, &'a Cell)> {
        let tables = self.tables;
        TableId::ALL
            .into_iter()
            .flat_map(move |id| tables.get(id).rows.iter().flat_map(move |r| r.cells.iter().map(move |c| (id, r, c))))
    }
    /// Every issue the parser noted: of a whole table (row `None`) or of a row.
    pub fn issues(&self) -> impl Iterator<Item = (TableId, Option<&'a Row>, &'a RowIssue)> {
        let tables = self.tables;
        TableId::ALL.into_iter().flat_map(move |id| {
            let t = tables.get(id);
            let whole = t.issues.iter().map(move |i| (id, None, i));
            let rows = t.rows.iter().flat_map(move |r| r.issues.iter().map(move |i| (id, Some(r), i)));
            whole.chain(rows)
        })
    }
    /// Whether the input looked like a report at all.
    pub fn recognised(&self) -> bool {
        TableId::ALL.iter().any(|&t| self.table(t).found) || self.sections.len() >= 2
    }
}
