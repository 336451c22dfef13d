//! The 填报 mode's page: the mode switch, the grid's controls and exports,
//! and the three tables drawn from the core's `Layout` (the check mode's
//! drawing, `components::tables::grid`) with an input in each value slot.

use super::Author;
use crate::checked::dom_id;
use crate::components::diagnostics::severity_class;
use crate::components::tables::grid;
use crate::components::toolbar;
use crate::state::{AppState, Level, Mode};
use crate::web;
use leptos::prelude::*;
use nianbao::author::{cell_key, Entry, Grid};
use nianbao::render::{docx, publish};
use nianbao::report::{CellRef, Slot};
use nianbao::template::{v2019::V2019, v2021::V2021, Registry, TableId, Version};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The versions a grid can be of, newest first.
const VERSIONS: [&Version; 2] = [&V2021, &V2019];

/// 检查 | 填报.
#[component]
pub fn ModeSwitch(
    /// The app's state.
    state: AppState,
) -> impl IntoView {
    let button = move |mode: Mode, testid: &'static str, label: &'static str, title: &'static str| {
        view! {
            <button
                type="button"
                data-testid=testid
                title=title
                aria-pressed=move || (state.mode.get() == mode).to_string()
                on:click=move |_| state.set_mode(mode)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="modes" role="group" aria-label="模式">
            {button(Mode::Check, "mode-check", "检查", "粘贴或打开年度报告，检查其中的表格和文字")}
            {button(Mode::Author, "mode-author", "填报", "直接填写三张表格，合计自动计算，边填边检查")}
        </div>
    }
}

/// What an export of the grid's tables writes.
#[derive(Clone, Copy)]
enum Export {
    Html,
    Docx,
    Tsv,
    Json,
}

fn export(state: AppState, kind: Export) {
    let Some(name) = state.checked.with_untracked(|c| {
        let r = &c.as_ref()?.report;
        let stem = match (&r.agency, r.year) {
            (Some(a), Some(y)) => format!("{a}{y}年度报告表格"),
            _ => "年度报告表格".to_string(),
        };
        let registry = Registry::national();
        let done = match kind {
            Export::Html => {
                let html = format!(
                    "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\"><title>{stem}</title></head>\n<body>\n{}</body>\n</html>\n",
                    publish::html(&r.tables, registry)
                );
                web::download(&format!("{stem}.html"), "text/html;charset=utf-8", &html)
            }
            Export::Docx => web::download_bytes(
                &format!("{stem}.docx"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                &docx::docx(&r.tables, registry),
            ),
            // A BOM, so that spreadsheet programs read the Chinese labels right.
            Export::Tsv => web::download(
                &format!("{stem}.tsv"),
                "text/tab-separated-values;charset=utf-8",
                &format!("\u{feff}{}", publish::tsv(&r.tables, registry)),
            ),
            // (The check view's own JSON export: the report is the grid's.)
            Export::Json => toolbar::exported(state, toolbar::Export::Json).map_or(Ok(()), |json| {
                web::download(&format!("{stem}.json"), "application/json;charset=utf-8", &json)
            }),
        };
        Some(done.err())
    }) else {
        return;
    };
    if let Some(e) = name {
        state.tell(Level::Error, "export", format!("导出失败：{e}"));
    }
}

/// The 填报 mode's left side: controls, then the three tables to fill in.
#[component]
pub fn AuthorPane(
    /// The app's state.
    state: AppState,
) -> impl IntoView {
    let author = state.author;
    // The tables are drawn again only when the version changes, not as
    // values are typed (an input keeps its focus and caret).
    let version = Memo::new(move |_| author.grid.with(|g| g.as_ref().map(|g| g.version.name())));
    let on_version = move |ev: web_sys::Event| {
        let value = event_target_value(&ev);
        if let Some(v) = VERSIONS.into_iter().find(|v| v.name() == value) {
            author.set_version(state, v);
        }
    };
    let options = VERSIONS
        .into_iter()
        .map(|v| {
            let name = v.name();
            view! { <option value=name selected=move || version.get() == Some(name)>{format!("{name}年版")}</option> }
        })
        .collect_view();
    let exports = [
        (Export::Html, "author-export-html", "HTML表格"),
        (Export::Docx, "author-export-docx", "Word文档"),
        (Export::Tsv, "author-export-tsv", "制表符文本"),
        (Export::Json, "author-export-json", "JSON"),
    ]
    .map(|(kind, testid, label)| {
        view! { <button type="button" data-testid=testid on:click=move |_| export(state, kind)>{label}</button> }
    });
    let tables = move || {
        version.get()?;
        let grid = author.grid.with_untracked(|g| g.clone())?;
        Some(TableId::ALL.into_iter().map(|id| table(state, &grid, id)).collect_view())
    };
    view! {
        <section class="author-pane" data-testid="author" aria-labelledby="author-title">
            <div class="pane-head">
                <h2 id="author-title">"填报表格"</h2>
                <label class="hint">
                    "模板 "
                    <select data-testid="author-version" on:change=on_version>{options}</select>
                </label>
                <button
                    type="button"
                    data-testid="author-empty"
                    on:click=move |_| {
                        let v = author.grid.with_untracked(|g| g.as_ref().map(|g| g.version)).unwrap_or(&V2021);
                        author.start_empty(state, v);
                    }
                >
                    "空白开始"
                </button>
                <button type="button" data-testid="author-from-report" on:click=move |_| author.fill_from_text(state)>
                    "填入检查模式中的报告"
                </button>
            </div>
            <div class="pane-head" role="group" aria-label="导出表格">
                <span class="hint">"导出："</span>
                {exports}
            </div>
            <p class="hint" id="author-hint">
                "合计单元格按模板的等式自动计算（斜体）；在其中输入数值则改为核对该数值，清空即恢复自动计算。"
                "方向键、Tab、回车在单元格间移动；可从 Excel、WPS 复制一块数字，粘贴到当前单元格起。"
                "清空普通单元格即为有意留空（会有提示）。内容自动保存在本浏览器中，不会上传。"
            </p>
            {tables}
        </section>
    }
}

/// One table of the grid, drawn from the core's layout.
fn table(state: AppState, g: &Grid, id: TableId) -> impl IntoView {
    let rows = Arc::new(g.rows(id));
    let drawn = grid(&g.layout(id), &|slot| cell(state, id, slot, &rows).into_any());
    view! {
        <section class="table-block author-table" data-testid=format!("author-{}", id.key())>
            <h2>{id.title()}<span class="version">{format!("{}年版", g.version.name())}</span></h2>
            <div class="scroll">{drawn}</div>
        </section>
    }
}

/// What a cell shows and how: a total computed shows the computed value.
fn shown(state: AppState, author: Author, r: CellRef) -> (String, &'static str) {
    let computed = author.grid.with(|g| g.as_ref().is_some_and(|g| g.is_computed(&r)));
    if computed {
        let value = state.checked.with(|c| {
            c.as_ref().and_then(|c| c.report.table(r.table).row(r.row)?.cell(r.column)?.value).map(|v| v.to_string())
        });
        return (value.unwrap_or_default(), "computed");
    }
    author.grid.with(|g| match g.as_ref().and_then(|g| g.entry(&r)) {
        Some(Entry::Typed(s)) if s.is_empty() => (String::new(), "blank"),
        Some(Entry::Typed(s)) => (s.clone(), "typed"),
        _ => (String::new(), "absent"),
    })
}

/// An input in a value slot.
fn cell(state: AppState, table: TableId, slot: &Slot, rows: &Arc<Vec<Vec<CellRef>>>) -> impl IntoView {
    let author = state.author;
    let r = CellRef { table, row: slot.row, column: slot.column };
    let key = cell_key(&r);
    let (is_total, name) =
        author.grid.with_untracked(|g| g.as_ref().map(|g| (g.is_total(&r), g.cell_name(&r)))).unwrap_or_default();
    let marks = move || state.checked.with(|c| c.as_ref().map(|c| c.marks(&r).to_vec()).unwrap_or_default());
    let class = move || {
        let severity = state.checked.with(|c| c.as_ref().and_then(|c| c.worst(&r)).map_or("", severity_class));
        format!("v {} {severity}", shown(state, author, r).1)
    };
    let lit = move || {
        let Some(i) = state.selected.get() else { return false };
        state.checked.with(|c| c.as_ref().and_then(|c| c.targets().get(i)).is_some_and(|t| t.cells.contains(&r)))
    };
    let title = move || {
        let messages: Vec<String> = state.checked.with(|c| {
            c.as_ref()
                .map_or(Vec::new(), |c| marks().iter().map(|&i| c.report.diagnostics[i].message.clone()).collect())
        });
        match (messages.is_empty(), shown(state, author, r).1) {
            (false, _) => messages.join("\n"),
            (true, "computed") => "自动计算；输入数值则改为核对".to_string(),
            (true, "blank") => "有意留空".to_string(),
            (true, "absent") => "未给出".to_string(),
            _ => String::new(),
        }
    };
    let rows = Arc::clone(rows);
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let len = input.value().encode_utf16().count() as u32;
        let (start, end) =
            (input.selection_start().ok().flatten().unwrap_or(0), input.selection_end().ok().flatten().unwrap_or(0));
        let all = start == 0 && end == len;
        let step = match ev.key().as_str() {
            "ArrowUp" => (-1, 0),
            "ArrowDown" => (1, 0),
            "Enter" if ev.shift_key() => (-1, 0),
            "Enter" => (1, 0),
            "ArrowLeft" if all || end == 0 => (0, -1),
            "ArrowRight" if all || start == len => (0, 1),
            _ => return,
        };
        if let Some(next) = neighbour(&rows, r, step) {
            ev.prevent_default();
            focus_cell(&next);
        }
    };
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let Some(text) = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()) else { return };
        // One value pastes as typing does; a block fills from this cell.
        if !text.trim_end_matches(['\r', '\n']).contains(['\t', '\n']) {
            return;
        }
        ev.prevent_default();
        if let Some(p) = author.edit(state, |g| g.paste(r, &text)) {
            let outside = if p.outside > 0 {
                format!("，{} 个超出表格范围，未填入", p.outside)
            } else {
                String::new()
            };
            state.tell(Level::Info, "paste", format!("已粘贴 {} 个单元格{outside}", p.filled));
        }
    };
    view! {
        <td id=dom_id(&r) class=class class:hl=lit colspan=slot.colspan title=title>
            <input
                type="text"
                inputmode="decimal"
                autocomplete="off"
                aria-label=name
                aria-describedby="author-hint"
                data-cell=key
                data-total=is_total.then_some("true")
                data-computed=move || (shown(state, author, r).1 == "computed").to_string()
                prop:value=move || shown(state, author, r).0
                on:input=move |ev| author.type_in(state, r, &event_target_value(&ev))
                on:focus=move |ev| {
                    if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        i.select();
                    }
                }
                on:keydown=on_keydown
                on:paste=on_paste
            />
        </td>
    }
}

/// The cell a step away in the table as drawn: up and down keep the
/// column (as far as the row goes), left and right run on into the next
/// or previous row.
fn neighbour(rows: &[Vec<CellRef>], at: CellRef, (di, dj): (isize, isize)) -> Option<CellRef> {
    let (i, j) = rows.iter().enumerate().find_map(|(i, r)| r.iter().position(|c| *c == at).map(|j| (i, j)))?;
    if di != 0 {
        let row = rows.get(i.checked_add_signed(di)?)?;
        return row.get(j.min(row.len().checked_sub(1)?)).copied();
    }
    let j = j as isize + dj;
    if j < 0 {
        return rows.get(i.checked_sub(1)?)?.last().copied();
    }
    match rows[i].get(j as usize) {
        Some(c) => Some(*c),
        None => rows.get(i + 1)?.first().copied(),
    }
}

fn focus_cell(cell: &CellRef) {
    let selector = format!("input[data-cell=\"{}\"]", cell_key(cell));
    if let Some(el) = leptos::prelude::document()
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        let _ = el.focus();
        el.select();
    }
}
