//! The three tables, drawn as the template draws them, each cell with its
//! value as the core read it and marked where a diagnostic points.

use crate::checked::{CellRef, Checked};
use crate::components::diagnostics::severity_class;
use crate::layout::{self, Span};
use crate::state::AppState;
use leptos::prelude::*;
use nianbao::tables::model::{Cell, CellState, Row, Table};
use nianbao::template::{TableId, REQUEST_COLUMNS};
use std::collections::HashSet;
use std::sync::Arc;

/// What every cell needs to draw itself and react to a selection.
#[derive(Clone)]
struct Ctx {
    checked: Arc<Checked>,
    state: AppState,
    /// The selected diagnostic's cells and related cells.
    lit: Memo<(HashSet<CellRef>, HashSet<CellRef>)>,
}

#[component]
pub fn Tables(
    /// The last check.
    checked: Arc<Checked>,
    /// The app's state (selection).
    state: AppState,
) -> impl IntoView {
    // One set lookup per cell when the selection changes, rather than a scan
    // of the diagnostic's cells: hence a Memo shared by all cells.
    let lit = {
        let checked = checked.clone();
        Memo::new(move |_| match state.selected.get().and_then(|i| checked.targets.get(i)) {
            Some(t) => (t.cells.iter().copied().collect(), t.related.iter().copied().collect()),
            None => Default::default(),
        })
    };
    let ctx = Ctx { checked: checked.clone(), state, lit };
    let t = &checked.report.tables;
    view! {
        {table_frame(&ctx, &t.active, "表二 主动公开政府信息情况", active_table(&ctx, &t.active).into_any())}
        {table_frame(&ctx, &t.requests, "表三 收到和处理政府信息公开申请情况", requests_table(&ctx, &t.requests).into_any())}
        {table_frame(&ctx, &t.review, "表四 政府信息公开行政复议、行政诉讼情况", review_table(&ctx, &t.review).into_any())}
    }
}

/// A table's heading, its whole-table diagnostics, and the table itself in
/// a box that scrolls sideways on a narrow screen.
fn table_frame(ctx: &Ctx, table: &Table, title: &'static str, drawn: AnyView) -> impl IntoView {
    let id = table.id;
    let marks = ctx.checked.table_marks(id);
    let worst = marks.iter().map(|&i| ctx.checked.report.diagnostics[i].severity).min();
    let state = ctx.state;
    let lit = {
        let marks = marks.clone();
        move || state.selected.get().is_some_and(|i| marks.contains(&i))
    };
    let version = table.version.map(|v| format!("{}年版", v.name()));
    let notes = marks
        .iter()
        .map(|&i| {
            let d = &ctx.checked.report.diagnostics[i];
            view! {
                <li class=severity_class(d.severity)>
                    <button type="button" class="link" on:click=move |_| state.select(i)>{d.message.clone()}</button>
                </li>
            }
        })
        .collect_view();
    let body = match (&table.unreadable, table.found) {
        // The core found the table but could not place its numbers.
        (Some(_), _) => view! { <p class="missing">"此表的文字排列无法可靠还原，表中数字未采用。"</p> }.into_any(),
        (None, true) => view! { <div class="scroll">{drawn}</div> }.into_any(),
        (None, false) => view! { <p class="missing">"未找到此表。"</p> }.into_any(),
    };
    view! {
        <section
            id=format!("table-{}", id.key())
            class=format!("table-block {}", worst.map_or("", severity_class))
            class:hl=lit
            data-testid=format!("table-{}", id.key())
            aria-labelledby=format!("table-{}-title", id.key())
        >
            <h2 id=format!("table-{}-title", id.key())>
                {title}
                {version.map(|v| view! { <span class="version">{v}</span> })}
            </h2>
            <ul class="table-notes">{notes}</ul>
            {body}
        </section>
    }
}

/// A value cell: the value read, or what was written instead.
fn value_cell(ctx: &Ctx, table: TableId, row: &Row, cell: &Cell, colspan: usize) -> impl IntoView {
    let r = CellRef { table, row: row.key, column: cell.column };
    let checked = &ctx.checked;
    let marks = checked.marks(&r);
    let (text, state_class) = match &cell.state {
        CellState::Given => (cell.value.map(|v| v.to_string()).unwrap_or_default(), "given"),
        CellState::Blank => (if cell.raw.is_empty() { "／".into() } else { cell.raw.to_string() }, "blank"),
        CellState::Invalid { .. } => (cell.raw.to_string(), "invalid"),
        CellState::Absent => (String::new(), "absent"),
    };
    let class = format!("v {state_class} {}", checked.worst(&r).map_or("", severity_class));
    let title: Vec<&str> = marks.iter().map(|&i| checked.report.diagnostics[i].message.as_str()).collect();
    let title = match (&cell.state, title.is_empty()) {
        (CellState::Absent, true) => "未给出".to_string(),
        _ => title.join("\n"),
    };
    let first = marks.first().copied();
    let (lit, state) = (ctx.lit, ctx.state);
    view! {
        <td
            id=r.dom_id()
            class=class
            class:hl=move || lit.with(|l| l.0.contains(&r))
            class:rel=move || lit.with(|l| l.1.contains(&r))
            colspan=colspan
            title=title
            data-testid="cell"
            data-table=table.key()
            data-row=row.key
            data-column=cell.column
            data-value=cell.value.map(|v| v.to_string()).unwrap_or_default()
            data-line=cell.line.map(|l| l.to_string()).unwrap_or_default()
            on:click=move |_| {
                if let Some(i) = first {
                    state.select(i);
                }
            }
        >
            {text}
        </td>
    }
}

fn head_cell(s: &Span, scope: &'static str) -> impl IntoView {
    view! { <th colspan=s.colspan rowspan=s.rowspan scope=scope>{s.text.clone()}</th> }
}

fn head_rows(rows: Vec<Vec<Span>>) -> impl IntoView {
    rows.into_iter()
        .map(|row| view! { <tr>{row.iter().map(|s| head_cell(s, "col")).collect_view()}</tr> })
        .collect_view()
}

fn active_table(ctx: &Ctx, table: &Table) -> impl IntoView {
    let blocks = layout::active_blocks(table)
        .into_iter()
        .map(|b| {
            let n = b.columns.len();
            let head = b
                .columns
                .iter()
                .enumerate()
                .map(|(i, c)| view! { <th scope="col" colspan=layout::active_colspan(i, n)>{c.label}</th> })
                .collect_view();
            let rows = b
                .rows
                .iter()
                .map(|row| {
                    let cells = row
                        .cells
                        .iter()
                        .enumerate()
                        .map(|(i, c)| value_cell(ctx, TableId::Active, row, c, layout::active_colspan(i, n)))
                        .collect_view();
                    view! { <tr data-row=row.key><th scope="row">{row.label}</th>{cells}</tr> }
                })
                .collect_view();
            view! {
                <tbody>
                    <tr class="block">
                        <th colspan=1 + layout::ACTIVE_VALUE_COLUMNS scope="colgroup">{b.item}</th>
                    </tr>
                    <tr class="block-head"><th scope="col">"信息内容"</th>{head}</tr>
                    {rows}
                </tbody>
            }
        })
        .collect_view();
    view! { <table class="grid active">{blocks}</table> }
}

fn requests_table(ctx: &Ctx, table: &Table) -> impl IntoView {
    let labels = layout::requests_labels(&table.rows);
    let rows = table
        .rows
        .iter()
        .zip(labels)
        .map(|(row, labels)| {
            let heads = labels
                .iter()
                .map(|s| {
                    let group = s.rowspan > 1;
                    view! { <th scope="row" class:group=group colspan=s.colspan rowspan=s.rowspan>{s.text.clone()}</th> }
                })
                .collect_view();
            let cells = row.cells.iter().map(|c| value_cell(ctx, TableId::Requests, row, c, 1)).collect_view();
            view! { <tr data-row=row.key class:total=row.key == "3.7">{heads}{cells}</tr> }
        })
        .collect_view();
    view! {
        <table class="grid requests">
            // Two narrow columns for the group headings (written vertically),
            // one for the row labels, then the values.
            <colgroup>
                <col class="group-col" span=layout::REQUEST_LABEL_COLUMNS - 1 />
                <col class="label-col" />
                <col class="value-col" span=REQUEST_COLUMNS.len() />
            </colgroup>
            <thead>{head_rows(layout::requests_head())}</thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

fn review_table(ctx: &Ctx, table: &Table) -> impl IntoView {
    let cells = table
        .rows
        .iter()
        .flat_map(|row| row.cells.iter().map(move |c| (row, c)))
        .map(|(row, c)| value_cell(ctx, TableId::Review, row, c, 1))
        .collect_view();
    view! {
        <table class="grid review">
            <thead>{head_rows(layout::review_head())}</thead>
            <tbody><tr>{cells}</tr></tbody>
        </table>
    }
}
