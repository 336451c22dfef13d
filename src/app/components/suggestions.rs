//! A diagnostic's suggested corrections (the core's `nianbao::suggest`):
//! what the arithmetic says, and each change with 应用, which edits the
//! number in the text and checks again (the notice that says so has 撤销).

use crate::checked::Checked;
use crate::state::{AppState, Mode};
use leptos::prelude::*;
use nianbao::render::html::escape;
use nianbao::suggest::{advice, change, Suggestion};
use nianbao::Diagnostic;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// More changes than this under one diagnostic are not listed (the
/// advice above them says how many there are).
const MAX_LISTED: usize = 6;

/// The changes of a diagnostic that can be applied, each a list: the
/// located set (all of it at once), else each change of a given cell (in
/// a text, a number at a span; in the 填报 grid, any cell).
fn fixes(d: &Diagnostic, grid: bool) -> Vec<&[Suggestion]> {
    match &d.correction {
        Some(c) if c.changes.len() > 1 => vec![&c.changes[..]],
        _ => d
            .suggestions
            .iter()
            .flatten()
            .filter(|s| if grid { s.column.is_some() && s.to.is_some() } else { s.span.is_some() })
            .take(MAX_LISTED)
            .map(std::slice::from_ref)
            .collect(),
    }
}

/// The suggestions under diagnostic `index` of the last check, if it has
/// any; applying one edits `state`'s text.
///
/// Drawn as one element whose content is HTML the core's `escape` makes
/// safe (template labels and numbers only), with one click handler for
/// its buttons: a tree of typed views a suggestion cost the app's first
/// load several KB.
pub fn suggestions(checked: &Arc<Checked>, index: usize, state: AppState) -> Option<impl IntoView> {
    let report = &checked.report;
    let d = &report.diagnostics[index];
    let mut html = format!("<p class=\"advice\" data-testid=\"advice\">{}</p>", escape(&advice(report, d)?));
    let grid = state.mode.get_untracked() == Mode::Author;
    for (k, changes) in fixes(d, grid).into_iter().enumerate() {
        let what: Vec<String> = changes.iter().map(|s| change(report, s)).collect();
        html.push_str(&format!(
            "<button type=\"button\" class=\"apply\" data-testid=\"apply\" data-fix=\"{k}\">应用：{}</button>",
            escape(&what.join("，"))
        ));
    }
    // The click looks the change up again in the check it was drawn from.
    let checked = Arc::clone(checked);
    let on_click = move |ev: web_sys::MouseEvent| {
        // (A button holds only its text: the click's target is the button.)
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let Some(k) = target.and_then(|b| b.get_attribute("data-fix")?.parse::<usize>().ok()) else { return };
        let report = &checked.report;
        let Some(changes) = fixes(&report.diagnostics[index], grid).get(k).copied() else { return };
        let what: Vec<String> = changes.iter().map(|s| change(report, s)).collect();
        state.apply(changes, what.join("，"));
    };
    Some(view! { <div class="suggestions" data-testid="suggestions" inner_html=html on:click=on_click></div> })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::EXAMPLES;

    #[test]
    fn a_located_change_is_offered_and_applies_to_the_text() {
        let lines: Vec<&str> = EXAMPLES[3].text.lines().collect();
        let label = lines.iter().position(|l| l.contains("本年新收政府信息公开申请数量")).unwrap();
        // Seed 003 writes a cell a line: 一's total is the 7th line after its label.
        let mut edited: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        edited[label + 7] = "\t9".into();
        let text = edited.join("\n");
        let r = nianbao::check(&text, None);
        let d = r.diagnostics.iter().find(|d| d.code == "requests.row_total").unwrap();
        let offered = fixes(d, false);
        assert_eq!(offered.len(), 1);
        assert_eq!(
            nianbao::suggest::apply(&text, offered[0]).unwrap(),
            EXAMPLES[3].text.lines().collect::<Vec<_>>().join("\n")
        );
    }
}
