//! The input as numbered lines, where a diagnostic's line is highlighted.

use crate::checked::lines;
use crate::state::AppState;
use leptos::prelude::*;

/// Beyond this many lines the view stops (a report has a few hundred).
const MAX_LINES: usize = 5000;

#[component]
pub fn SourceView(
    /// The app's state.
    state: AppState,
) -> impl IntoView {
    // The lines of the text as last checked: a Memo, so that typing does not
    // redraw them before the check runs and the line numbers agree.
    let shown = Memo::new(move |_| {
        state.revision.track();
        state.text.with_untracked(|t| {
            let all = lines(t);
            let total = if t.is_empty() { 0 } else { all.len() };
            let kept: Vec<(usize, String)> =
                all.into_iter().take(MAX_LINES).enumerate().map(|(i, l)| (i + 1, l.to_string())).collect();
            (kept, total)
        })
    });
    // The selected diagnostic's lines: its own first, then related ones.
    let marked = Memo::new(move |_| {
        let i = state.selected.get()?;
        state.checked.with(|c| c.as_ref().and_then(|c| c.targets().get(i)).map(|t| t.lines.clone()))
    });
    let class_of = move |n: usize| {
        marked.with(|m| match m.as_deref() {
            Some([first, ..]) if *first == n => "line hl",
            Some(all) if all.contains(&n) => "line rel",
            _ => "line",
        })
    };
    view! {
        <section class="source" aria-labelledby="source-title">
            <div class="pane-head">
                <h2 id="source-title">"原文（带行号）"</h2>
                <span class="hint">
                    {move || shown.with(|(_, total)| match *total {
                        0 => String::new(),
                        n if n > MAX_LINES => format!("共{n}行，仅显示前{MAX_LINES}行"),
                        n => format!("共{n}行"),
                    })}
                </span>
            </div>
            <div id="source-lines" class="lines" tabindex="0" role="region" aria-label="带行号的原文" data-testid="source">
                <For
                    each=move || shown.get().0
                    key=|line| line.clone()
                    children=move |(n, text)| {
                        view! {
                            <div id=format!("L{n}") class=move || class_of(n) data-testid="source-line" data-line=n>
                                <span class="ln" aria-hidden="true">{n}</span>
                                <span class="lt">{text}</span>
                            </div>
                        }
                    }
                />
            </div>
        </section>
    }
}
