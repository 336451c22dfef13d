//! The three tables, drawn as the template draws them, each cell with its
//! value as the core read it and marked where a diagnostic points.

use crate::checked::{dom_id, Checked};
use crate::components::diagnostics::severity_class;
use crate::state::AppState;
use leptos::prelude::*;
use nianbao::report::{BodyRow, CellRef, Layout, Slot, Span};
use nianbao::tables::model::{CellState, Table};
use nianbao::template::keys::requests as q;
use nianbao::template::TableId;
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
        Memo::new(move |_| match state.selected.get().and_then(|i| checked.targets().get(i)) {
            Some(t) => (t.cells.iter().copied().collect(), t.related.iter().copied().collect()),
            None => Default::default(),
        })
    };
    let ctx = Ctx { checked: checked.clone(), state, lit };
    TableId::ALL
        .into_iter()
        .map(|id| {
            let table = checked.report.table(id);
            let drawn = grid(&checked.report.layout(id), &|slot| value_cell(&ctx, id, slot).into_any());
            table_frame(&ctx, table, id.title(), drawn)
        })
        .collect_view()
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
fn value_cell(ctx: &Ctx, table: TableId, slot: &Slot) -> impl IntoView {
    let r = CellRef { table, row: slot.row, column: slot.column };
    let checked = &ctx.checked;
    let cell = checked.report.table(table).row(slot.row).and_then(|row| row.cell(slot.column));
    let marks = checked.marks(&r);
    let (text, state_class) = match cell.map(|c| (&c.state, c)) {
        Some((CellState::Given, c)) => (c.value.map(|v| v.to_string()).unwrap_or_default(), "given"),
        Some((CellState::Blank, c)) => (if c.raw.is_empty() { "／".into() } else { c.raw.to_string() }, "blank"),
        Some((CellState::Invalid { .. }, c)) => (c.raw.to_string(), "invalid"),
        Some((CellState::Absent, _)) | None => (String::new(), "absent"),
    };
    let class = format!("v {state_class} {}", checked.worst(&r).map_or("", severity_class));
    let title: Vec<&str> = marks.iter().map(|&i| checked.report.diagnostics[i].message.as_str()).collect();
    let title = match (state_class, title.is_empty()) {
        ("absent", true) => "未给出".to_string(),
        _ => title.join("\n"),
    };
    let first = marks.first().copied();
    let (lit, state) = (ctx.lit, ctx.state);
    view! {
        <td
            id=dom_id(&r)
            class=class
            class:hl=move || lit.with(|l| l.0.contains(&r))
            class:rel=move || lit.with(|l| l.1.contains(&r))
            colspan=slot.colspan
            title=title
            data-testid="cell"
            data-table=table.key()
            data-row=slot.row.as_str()
            data-column=slot.column.as_str()
            data-value=cell.and_then(|c| c.value).map(|v| v.to_string()).unwrap_or_default()
            data-line=cell.and_then(|c| c.line).map(|l| l.to_string()).unwrap_or_default()
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

/// A table drawn from the core's layout: header rows, then the body's
/// captions, block headings and rows of values, each value slot drawn by
/// `value` (the check mode's read cell, the 填报 mode's input).
///
/// (`value` is a `dyn`: one copy of this drawing serves both modes.)
pub fn grid(layout: &Layout, value: &dyn Fn(&Slot) -> AnyView) -> AnyView {
    let id = layout.table;
    let head = layout
        .head
        .iter()
        .map(|row| view! { <tr>{row.iter().map(|s| head_cell(s, "col")).collect_view()}</tr> })
        .collect_view();
    let body = layout
        .body
        .iter()
        .map(|row| match row {
            BodyRow::Caption(s) => view! { <tr class="block">{head_cell(s, "colgroup")}</tr> }.into_any(),
            BodyRow::Head(cells) => {
                view! { <tr class="block-head">{cells.iter().map(|s| head_cell(s, "col")).collect_view()}</tr> }
                    .into_any()
            }
            BodyRow::Values { row, labels, slots } => {
                let heads = labels
                    .iter()
                    .map(|s| {
                        let group = s.rowspan > 1;
                        view! { <th scope="row" class:group=group colspan=s.colspan rowspan=s.rowspan>{s.text.clone()}</th> }
                    })
                    .collect_view();
                let cells = slots.iter().map(value).collect_view();
                let key = row.map_or("", |k| k.as_str());
                let total = *row == Some(q::OUTCOME_TOTAL);
                view! { <tr data-row=key class:total=total>{heads}{cells}</tr> }.into_any()
            }
        })
        .collect_view();
    let class = format!("grid {}", id.key());
    // Table 三: narrow columns for the group headings (written vertically),
    // one for the row labels, then the values.
    let columns = (id == TableId::Requests).then(|| {
        view! {
            <colgroup>
                <col class="group-col" span=layout.label_columns.saturating_sub(1) />
                <col class="label-col" />
                <col class="value-col" span=layout.value_columns />
            </colgroup>
        }
    });
    view! {
        <table class=class>
            {columns}
            {(!layout.head.is_empty()).then(|| view! { <thead>{head}</thead> })}
            <tbody>{body}</tbody>
        </table>
    }
    .into_any()
}
