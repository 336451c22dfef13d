//! The 填报 mode: the three tables filled in as a grid, the totals computed
//! from the template's equations as the user types, every rule about the
//! tables run at once (the core's `nianbao::author`). This holds the grid
//! and what happens to it; `view` draws it.

pub mod view;

use crate::checked::Checked;
use crate::state::{restart, AppState, Level, APPLIED, SAVE_DELAY};
use crate::web::{self, storage};
use leptos::prelude::*;
use nianbao::author::Grid;
use nianbao::report::CellRef;
use nianbao::suggest::Suggestion;
use nianbao::template::{v2021::V2021, Version};
use std::sync::Arc;

/// Where the grid is kept between visits.
const GRID: &str = "nianbao.grid";

#[derive(Clone, Copy)]
pub struct Author {
    /// The grid; `None` until the mode is first opened.
    pub grid: RwSignal<Option<Grid>>,
    /// The grid before the suggestion last applied (the notice's 撤销).
    before: StoredValue<Option<Grid>>,
    save_timer: StoredValue<Option<TimeoutHandle>>,
}

impl Author {
    pub fn new() -> Self {
        Author { grid: RwSignal::new(None), before: StoredValue::new(None), save_timer: StoredValue::new(None) }
    }

    /// Opens the mode: the grid as left last time, else the report being
    /// checked, else an empty 2021 grid; and checks it.
    pub fn open(self, state: AppState) {
        if self.grid.with_untracked(Option::is_none) {
            let grid = match storage::item(GRID) {
                Ok(Some(saved)) => Grid::from_saved(&saved),
                Ok(None) => None,
                Err(e) => {
                    state.tell(Level::Warning, "storage", format!("无法读取本地保存的填报表格：{e}"));
                    None
                }
            };
            let grid = grid.or_else(|| Self::text_grid(state)).unwrap_or_else(|| Grid::new(&V2021));
            self.grid.set(Some(grid));
        }
        self.check(state);
    }

    /// The grid of the text in the check mode, when there is one.
    fn text_grid(state: AppState) -> Option<Grid> {
        let report = state.text.with_untracked(|t| (!t.trim().is_empty()).then(|| nianbao::check(t, None)))?;
        let filled = Grid::from_report(&report);
        if filled.left_out > 0 {
            state.tell(
                Level::Warning,
                "author",
                format!(
                    "报告中有 {} 个数值在{}年版模板中没有对应的单元格，未填入",
                    filled.left_out,
                    filled.grid.version.name()
                ),
            );
        }
        Some(filled.grid)
    }

    /// Checks the grid and shows the result as the check mode shows a text's.
    pub fn check(self, state: AppState) {
        let start = web::now();
        let Some(mut report) = self.grid.with_untracked(|g| g.as_ref().map(Grid::report)) else { return };
        report.select(&state.selection());
        state.selected.set(None);
        state.checked.set(Some(Arc::new(Checked::new(report, web::now() - start))));
        state.revision.update(|r| *r += 1);
    }

    /// Changes the grid, checks it at once and saves it after a pause.
    pub fn edit<T>(self, state: AppState, f: impl FnOnce(&mut Grid) -> T) -> Option<T> {
        self.before.set_value(None);
        let out = self.change(state, f);
        if state.notice.with_untracked(|n| n.as_ref().is_some_and(|n| n.topic == APPLIED)) {
            state.notice.set(None);
        }
        out
    }

    fn change<T>(self, state: AppState, f: impl FnOnce(&mut Grid) -> T) -> Option<T> {
        let mut out = None;
        self.grid.update(|g| out = g.as_mut().map(f));
        self.check(state);
        restart(self.save_timer, SAVE_DELAY, move || self.save(state));
        out
    }

    /// Types into one cell.
    pub fn type_in(self, state: AppState, cell: CellRef, text: &str) {
        self.edit(state, |g| g.type_in(cell, text));
    }

    /// Starts again: every cell 0 in `version`.
    pub fn start_empty(self, state: AppState, version: &'static Version) {
        self.edit(state, |g| *g = Grid::new(version));
        state.tell(Level::Info, "author", format!("已新建空白的{}年版表格", version.name()));
    }

    /// Fills the grid from the report in the check mode.
    pub fn fill_from_text(self, state: AppState) {
        match Self::text_grid(state) {
            Some(grid) => {
                let version = grid.version.name();
                self.edit(state, |g| *g = grid);
                if state.notice.with_untracked(|n| n.as_ref().is_none_or(|n| n.topic != "author")) {
                    state.tell(Level::Info, "author", format!("已按检查模式中的报告填入（{version}年版）"));
                }
            }
            None => state.tell(Level::Warning, "author", "检查模式中还没有报告：请先粘贴或打开一份年度报告".into()),
        }
    }

    /// The same values in another template version.
    pub fn set_version(self, state: AppState, version: &'static Version) {
        self.edit(state, |g| *g = g.with_version(version));
    }

    /// Applies suggested changes to their cells (a cell's new value typed
    /// in), with 撤销 in the notice.
    pub fn apply(self, state: AppState, changes: &[Suggestion], what: String) {
        let Some(before) = self.grid.get_untracked() else { return };
        self.change(state, |g| {
            for s in changes {
                if let Some(column) = s.column {
                    let to = s.to.map(|v| v.to_string()).unwrap_or_default();
                    g.type_in(CellRef { table: s.table, row: s.row, column }, &to);
                }
            }
        });
        self.before.set_value(Some(before));
        state.tell(Level::Info, APPLIED, format!("已应用：{what}"));
    }

    /// Undoes the suggestion last applied.
    pub fn undo(self, state: AppState) {
        if let Some(before) = self.before.get_value() {
            self.before.set_value(None);
            self.change(state, |g| *g = before);
            state.notice.set(None);
        }
    }

    fn save(self, state: AppState) {
        let Some(saved) = self.grid.with_untracked(|g| g.as_ref().map(Grid::to_saved)) else { return };
        match storage::set_item(GRID, &saved) {
            Ok(()) => {
                if state.notice.with_untracked(|n| n.as_ref().is_some_and(|n| n.topic == "author-storage")) {
                    state.notice.set(None);
                }
            }
            Err(e) => state.tell(
                Level::Warning,
                "author-storage",
                format!("无法在本浏览器中保存填报表格（{e}）；仍可继续填报和导出，但重新加载页面后填写的内容将丢失"),
            ),
        }
    }
}
