//! A grid as the checker's tables, and a checked report as a grid.

use super::totals::{compute, put};
use super::{cells, Entry, Filled, Grid};
use crate::read::meta::Meta;
use crate::read::normalise::Normalised;
use crate::read::tokens::{tokenise_lines, Kind};
use crate::render::publish::published;
use crate::report::CellRef;
use crate::rules::{self, Document};
use crate::tables::model::{Cell, CellState, Row, Table};
use crate::tables::{read_cell, Tables};
use crate::template::{Column, Registry, TableId, TemplateKind, Version, EMPTY_CELL};
use crate::Report;

/// A version's three tables with every row found and no cell given.
pub(super) fn skeleton(version: &'static Version) -> Tables {
    let table = |id: TableId, rows: Vec<Row>| {
        let mut t = Table::new(id);
        t.found = true;
        t.version = Some(version);
        t.rows = rows;
        t.rows.iter_mut().for_each(|r| r.found = true);
        t
    };
    let mut active = Vec::new();
    for block in version.active.blocks {
        for spec in block.rows {
            let mut row = Row::new(spec.key, spec.label, block.columns);
            row.version = Some(version);
            active.push(row);
        }
    }
    let grid =
        |id: TableId| version.grid(id).map_or(Vec::new(), |g| g.rows.iter().map(|r| Row::of(r, g.columns)).collect());
    Tables {
        active: table(TableId::Active, active),
        requests: table(TableId::Requests, grid(TableId::Requests)),
        review: table(TableId::Review, grid(TableId::Review)),
    }
}

/// The column a cell of the version is in.
fn column_of(version: &'static Version, at: &CellRef) -> Option<&'static Column> {
    match at.table {
        TableId::Active => version.active.find(at.row)?.0.columns.iter().find(|c| c.key == at.column),
        id => version.grid(id)?.column(at.column),
    }
}

/// A typed text read as a report's cell is: the same tokens, the same
/// values (money in the column's printed unit), the same blank marks and
/// the same reasons a value is not valid. Nothing typed is a blank.
fn read_typed(column: &Column, text: &str) -> Cell {
    let mut cell = Cell::absent(column.key);
    let norm = Normalised::new(text.trim());
    if norm.text.trim().is_empty() {
        cell.state = CellState::Blank;
        return cell;
    }
    let tokens = tokenise_lines(&norm.text, 0, norm.text.len(), 0).tokens;
    match &tokens[..] {
        [one] if !matches!(one.kind, Kind::Empty(_)) => {
            read_cell(&mut cell, column.kind, one, &norm);
            // (Where it sits in a text of its own says nothing.)
            cell.line = None;
            cell.span = None;
        }
        _ => {
            cell.state = CellState::Invalid { reason: "不是一个数字" };
            cell.raw.set(norm.text.trim());
        }
    }
    cell
}

/// The grid's tables: every typed cell read, the computed totals added up.
pub(super) fn fill(grid: &Grid) -> Tables {
    let mut tables = typed(grid);
    compute(&mut tables, &grid.sums, &|c| grid.entries.contains_key(c));
    tables
}

/// The grid's tables with only what was typed.
fn typed(grid: &Grid) -> Tables {
    let mut tables = skeleton(grid.version);
    for (at, entry) in &grid.entries {
        if let (Entry::Typed(text), Some(column)) = (entry, column_of(grid.version, at)) {
            put(&mut tables, at, read_typed(column, text));
        }
    }
    tables
}

/// The grid checked: its tables, and the diagnostics of every rule about
/// them, with their suggestions.
pub(super) fn report(grid: &Grid) -> Report {
    let tables = fill(grid);
    let registry = Registry::national();
    let norm = Normalised::new("");
    let meta = Meta { agency: grid.agency.clone(), title_year: grid.year, ..Meta::default() };
    let doc = Document::new(&norm, &meta, &[], &tables, grid.year, registry);
    let mut diagnostics = rules::run(&doc);
    // A grid has no text: what the rules of the sections, the title and
    // the prose would say of a missing one is not about the tables.
    diagnostics.retain(|d| d.table.is_some());
    crate::suggest::attach(&doc, &mut diagnostics);
    drop(doc);
    Report {
        source: None,
        agency: grid.agency.clone(),
        year: grid.year,
        template: Some(TemplateKind::Single(grid.version)),
        period: None,
        title_line: None,
        input_lines: 0,
        sections: Vec::new(),
        tables,
        diagnostics,
        registry,
        text: String::new(),
    }
}

/// A report's cell as the grid takes it.
fn entry_of(cell: Option<&Cell>, column: &Column) -> Entry {
    let Some(c) = cell else { return Entry::NotGiven };
    match (&c.state, c.value) {
        (_, Some(v)) => Entry::Typed(published(v, Some(column.kind))),
        (CellState::Blank, None) if c.raw.as_str() == EMPTY_CELL => Entry::Typed(String::new()),
        (CellState::Blank | CellState::Invalid { .. }, None) => Entry::Typed(c.raw.to_string()),
        (CellState::Given | CellState::Absent, None) => Entry::NotGiven,
    }
}

fn cell_at<'a>(tables: &'a Tables, at: &CellRef) -> Option<&'a Cell> {
    tables.get(at.table).row(at.row)?.cell(at.column)
}

/// Whether two cells say the same (value and state; not where they were read).
fn same(a: Option<&Cell>, b: Option<&Cell>) -> bool {
    let state = |c: Option<&Cell>| c.map(|c| (c.value, std::mem::discriminant(&c.state)));
    state(a) == state(b)
}

pub(super) fn from_report(report: &Report) -> Filled {
    let version = report.tables.requests.version.unwrap_or_else(|| report.registry.assumed_for(report.year));
    let mut grid = Grid::blank(version);
    grid.year = report.year;
    grid.agency.clone_from(&report.agency);
    let all = cells(version);
    for at in &all {
        let Some(column) = column_of(version, at) else { continue };
        grid.entries.insert(*at, entry_of(cell_at(&report.tables, at), column));
    }
    let left_out = TableId::ALL
        .into_iter()
        .flat_map(|id| {
            report.table(id).rows.iter().flat_map(move |r| {
                r.cells.iter().map(move |c| (CellRef { table: id, row: r.key, column: c.column }, c.value))
            })
        })
        .filter(|(at, value)| value.is_some() && !all.contains(at))
        .count();
    // A total is computed where that gives what the report says.
    let mut totals: Vec<CellRef> = Vec::new();
    for s in &grid.sums {
        if !totals.contains(&s.total) {
            totals.push(s.total);
        }
    }
    // (Each cell read once; each trial only adds up.)
    let base = typed(&grid);
    for total in totals {
        let Some(kept) = grid.entries.remove(&total) else { continue };
        let mut tables =
            Tables { active: base.active.clone(), requests: base.requests.clone(), review: base.review.clone() };
        for s in grid.sums.iter().filter(|s| grid.is_computed(&s.total)) {
            put(&mut tables, &s.total, Cell::absent(s.total.column));
        }
        compute(&mut tables, &grid.sums, &|c| grid.entries.contains_key(c));
        let agrees = grid
            .sums
            .iter()
            .filter(|s| grid.is_computed(&s.total))
            .all(|s| same(cell_at(&tables, &s.total), cell_at(&report.tables, &s.total)));
        if !agrees {
            grid.entries.insert(total, kept);
        }
    }
    Filled { grid, left_out }
}
