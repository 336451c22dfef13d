//! The page: toolbar, input and line-numbered source at the left, the
//! result (summary, diagnostics, the three tables) at the right.

use crate::author::view::{AuthorPane, ModeSwitch};
use crate::batch::view::{BatchNav, BatchPlaces};
use crate::components::diagnostics::{DiagnosticList, RulePanel, RulesList};
use crate::components::source::SourceView;
use crate::components::summary::{Intro, Summary};
use crate::components::tables::Tables;
use crate::components::toolbar::{NoticeBar, Toolbar};
use crate::state::{AppState, Level, Mode};
use crate::web;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    state.restore();
    crate::batch::install(state);
    let dragging = RwSignal::new(false);

    // Scrolls to what the clicked diagnostic points at, once the highlight
    // has been drawn: an effect, because it acts on the DOM, not on state.
    Effect::new(move |_| {
        let Some(i) = state.selected.get() else { return };
        let Some(target) = state.checked.with_untracked(|c| c.as_ref().and_then(|c| c.targets().get(i).cloned()))
        else {
            return;
        };
        let table = state.checked.with_untracked(|c| {
            c.as_ref().and_then(|c| c.report.diagnostics.get(i).and_then(|d| d.table)).map(|t| t.key())
        });
        request_animation_frame(move || {
            match target.cells.first().or(target.related.first()) {
                Some(cell) => web::scroll_to(&crate::checked::dom_id(cell)),
                None => {
                    if let Some(t) = table {
                        web::scroll_to(&format!("table-{t}"));
                    }
                }
            }
            if let Some(line) = target.lines.first() {
                web::scroll_within("source-lines", &format!("L{line}"));
            }
        });
    });

    // Brings an opened rule page into view and gives it the focus, so that a
    // keyboard or screen-reader user lands on what they asked for.
    Effect::new(move |_| {
        if state.rule.get().is_some() {
            request_animation_frame(|| {
                web::scroll_to("rule-panel");
                web::focus("rule-panel");
            });
        }
    });

    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let Some(dt) = ev.data_transfer() else { return };
        if crate::batch::dropped(&dt) {
            return;
        }
        if let Some(file) = dt.files().and_then(|f| f.get(0)) {
            crate::components::toolbar::open_file(state, file);
        } else if let Ok(text) = dt.get_data("text/plain") {
            if !text.is_empty() {
                state.source.set(None);
                state.edited(text, true);
            }
        }
    };
    let on_dragover = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(true);
    };
    // Leaving the window (not just crossing from one element to another).
    let on_dragleave = move |ev: web_sys::DragEvent| {
        let ev: &web_sys::MouseEvent = ev.unchecked_ref();
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    };

    view! {
        <div class="app" data-testid="app" on:dragover=on_dragover on:dragleave=on_dragleave on:drop=on_drop>
            <header class="top">
                <div class="brand">
                    <h1>"年报体检"</h1>
                    <p class="tagline">"政府信息公开工作年度报告检查：粘贴全文，即时核对三张表格"</p>
                </div>
                <ModeSwitch state=state />
                <Toolbar state=state />
                <BatchNav />
            </header>
            <NoticeBar state=state />
            <BatchPlaces />
            <main class="work" class:authoring=move || state.mode.get() == Mode::Author>
                <div class="left">
                    {move || match state.mode.get() {
                        Mode::Check => view! {
                            <InputPane state=state />
                            <SourceView state=state />
                        }.into_any(),
                        Mode::Author => view! { <AuthorPane state=state /> }.into_any(),
                    }}
                </div>
                <div class="results" data-testid="results" data-revision=move || state.revision.get()>
                    {move || match state.checked.get() {
                        None => view! { <Intro /> }.into_any(),
                        Some(c) => view! {
                            <Summary checked=c.clone() />
                            <DiagnosticList checked=c.clone() state=state />
                            <RulePanel state=state />
                            {(state.mode.get() == Mode::Check).then(|| view! { <Tables checked=c state=state /> })}
                        }.into_any(),
                    }}
                    <RulesList />
                </div>
            </main>
            <footer class="foot">
                <p>"所有检查都在本机浏览器中完成，文本不会上传到任何服务器；首次打开后可离线使用。"</p>
            </footer>
            <div class="drop-overlay" class:shown=move || dragging.get() aria-hidden="true">
                <p>"松开鼠标，打开此文件"</p>
            </div>
        </div>
    }
}

/// The big input. Typing is checked after a pause; a paste at once.
#[component]
fn InputPane(
    /// The app's state.
    state: AppState,
) -> impl IntoView {
    // Whether the paste under way replaces the whole text (then the old file
    // name no longer applies).
    let replacing = StoredValue::new(false);
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let Some(ta) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) else { return };
        let len = ta.value().encode_utf16().count() as u32;
        let all = ta.selection_start().ok().flatten() == Some(0) && ta.selection_end().ok().flatten() == Some(len);
        replacing.set_value(all || len == 0);
        // Copied from a web page: its text/html has the real <table>. Read it
        // (in the browser, inputs.js) and paste the tables' text instead. A
        // page's source pasted as plain text is read the same way.
        let Some(data) = ev.clipboard_data() else { return };
        let plain = data.get_data("text/plain").unwrap_or_default();
        let mut html = data.get_data("text/html").unwrap_or_default();
        if !html.to_ascii_lowercase().contains("<table") {
            if !nianbao::input::is_markup(&plain) {
                return;
            }
            html = plain.clone();
        }
        ev.prevent_default();
        let value: Vec<u16> = ta.value().encode_utf16().collect();
        let start = (ta.selection_start().ok().flatten().unwrap_or(len) as usize).min(value.len());
        let end = (ta.selection_end().ok().flatten().unwrap_or(len) as usize).clamp(start, value.len());
        let whole = replacing.get_value();
        replacing.set_value(false);
        leptos::task::spawn_local(async move {
            let pasted = match web::files::html_text(&html).await {
                Ok(text) => text,
                Err(e) => {
                    state.tell(Level::Warning, "paste", format!("无法读取粘贴内容中的表格（{e}），已按纯文本粘贴"));
                    plain
                }
            };
            let text = if whole {
                state.source.set(None);
                pasted
            } else {
                let mut out = String::from_utf16_lossy(&value[..start]);
                out.push_str(&pasted);
                out.push_str(&String::from_utf16_lossy(&value[end..]));
                out
            };
            state.edited(text, true);
        });
    };
    let on_input = move |ev: web_sys::Event| {
        let pasted = ev.dyn_ref::<web_sys::InputEvent>().is_some_and(|e| e.input_type().starts_with("insertFrom"));
        if pasted && replacing.get_value() {
            state.source.set(None);
        }
        replacing.set_value(false);
        state.edited(event_target_value(&ev), pasted);
    };
    view! {
        <section class="input-pane" aria-labelledby="input-label">
            <div class="pane-head">
                <label id="input-label" for="input">"年报全文"</label>
                <span class="hint" id="input-hint">"粘贴或输入；也可把 .txt、.html、.docx、.pdf 文件拖到页面上"</span>
                <span class="source-name" data-testid="source-name">
                    {move || state.source.get().map(|s| format!("来源：{s}"))}
                </span>
            </div>
            <textarea
                id="input"
                data-testid="input"
                aria-describedby="input-hint"
                spellcheck="false"
                placeholder="在此粘贴政府信息公开工作年度报告全文……"
                prop:value=move || state.text.get()
                on:input=on_input
                on:paste=on_paste
            ></textarea>
        </section>
    }
}
