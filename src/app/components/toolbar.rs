//! Examples, opening a file, clearing, exporting and copying; and the
//! message bar those actions report to.

use crate::examples::{Example, EXAMPLES};
use crate::state::{AppState, Level, APPLIED};
use crate::web::{self, files};
use leptos::prelude::*;
use leptos::task::spawn_local;
use nianbao::rules::RuleGroup;
use wasm_bindgen::JsCast;

/// Reads a picked or dropped file into the input, or says why it cannot.
pub fn open_file(state: AppState, file: web_sys::File) {
    spawn_local(async move {
        let (name, text) = files::read(file).await;
        match text {
            Ok(text) => {
                state.load(name.clone(), text);
                state.tell(Level::Info, "file", format!("已打开 {name}"));
            }
            Err(e) => state.tell(Level::Error, "file", format!("无法打开 {name}：{e}")),
        }
    });
}

/// Loads an example: its text is fetched from beside the page (kept for
/// offline use by the service worker), then checked.
fn load_example(state: AppState, ex: &'static Example) {
    spawn_local(async move {
        match web::fetch_text(&ex.url()).await {
            Ok(text) => state.load(ex.name.to_string(), text),
            Err(e) => state.tell(Level::Error, "example", format!("无法载入示例 {}：{e}", ex.name)),
        }
    });
}

/// `002_9ca5….txt` → `002_9ca5…`; pasted text → `年报体检`.
fn stem(state: AppState) -> String {
    state.source.get_untracked().map_or("年报体检".into(), |s| match s.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => s,
    })
}

#[derive(Clone, Copy)]
pub enum Export {
    Json,
    Csv,
    Text,
}

/// What an export writes, from the core's own renderers.
pub fn exported(state: AppState, kind: Export) -> Option<String> {
    state.checked.with_untracked(|c| {
        let c = c.as_ref()?;
        let r = &c.report;
        Some(match kind {
            Export::Json => r.to_json_pretty() + "\n",
            // A BOM, so that spreadsheet programs read the Chinese labels right.
            Export::Csv => format!("\u{feff}{}", nianbao::render::csv::tables(r)),
            Export::Text => {
                format!("{}{}\n", nianbao::render::text::diagnostics(r, c.name()), nianbao::render::text::summary(r))
            }
        })
    })
}

#[component]
pub fn Toolbar(
    /// The app's state.
    state: AppState,
) -> impl IntoView {
    let file_input: NodeRef<leptos::html::Input> = NodeRef::new();
    let on_file = move |ev: web_sys::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            open_file(state, file);
        }
        // Picking the same file again must fire `change` again.
        input.set_value("");
    };
    let export = move |kind: Export| {
        let Some(content) = exported(state, kind) else { return };
        let (ext, mime, suffix) = match kind {
            Export::Json => ("json", "application/json;charset=utf-8", ""),
            Export::Csv => ("csv", "text/csv;charset=utf-8", "-表格"),
            Export::Text => ("txt", "text/plain;charset=utf-8", "-问题清单"),
        };
        let name = format!("{}{suffix}.{ext}", stem(state));
        if let Err(e) = web::download(&name, mime, &content) {
            state.tell(Level::Error, "export", format!("导出失败：{e}"));
        }
    };
    let copy = move |_| {
        let Some(content) = exported(state, Export::Text) else { return };
        spawn_local(async move {
            match web::copy(content).await {
                Ok(()) => state.tell(Level::Info, "copy", "问题清单已复制到剪贴板".into()),
                Err(e) => state.tell(Level::Error, "copy", format!("无法复制到剪贴板：{e}")),
            }
        });
    };
    let none = move || state.checked.with(Option::is_none);
    view! {
        <nav class="toolbar" aria-label="操作">
            <div class="group examples" role="group" aria-labelledby="examples-label">
                <span id="examples-label" class="group-label">"示例"</span>
                {EXAMPLES
                    .iter()
                    .map(|ex| {
                        view! {
                            <button
                                type="button"
                                class="chip"
                                data-testid="example"
                                data-name=ex.name
                                title=format!("载入示例报告 {}", ex.name)
                                on:click=move |_| load_example(state, ex)
                            >
                                {ex.label}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <div class="group" role="group" aria-label="文件">
                <button type="button" data-testid="open" on:click=move |_| {
                    if let Some(i) = file_input.get() {
                        i.click();
                    }
                }>"打开文件…"</button>
                <input
                    type="file"
                    accept=".txt,.md,.html,.htm,.docx,.pdf,text/plain,text/html,application/pdf"
                    class="hidden-input"
                    data-testid="file"
                    tabindex="-1"
                    aria-hidden="true"
                    node_ref=file_input
                    on:change=on_file
                />
                <button type="button" data-testid="clear" on:click=move |_| state.clear()>"清空"</button>
            </div>
            <div class="group" role="group" aria-label="规则">
                <label class="switch" title="地方考核与审核要求：第五部分过于简略、金额单位可疑、复议诉讼被纠正（均为提示）">
                    <input
                        type="checkbox"
                        data-testid="rules-local"
                        prop:checked=move || state.ignored.with(|i| !i.contains(&RuleGroup::Local))
                        on:change=move |ev| state.run_group(RuleGroup::Local, event_target_checked(&ev))
                    />
                    {format!("检查{}", RuleGroup::Local.label())}
                </label>
            </div>
            <div class="group" role="group" aria-label="导出">
                <button type="button" data-testid="export-json" disabled=none on:click=move |_| export(Export::Json)>
                    "导出JSON"
                </button>
                <button type="button" data-testid="export-csv" disabled=none on:click=move |_| export(Export::Csv)>
                    "导出CSV"
                </button>
                <button type="button" data-testid="export-text" disabled=none on:click=move |_| export(Export::Text)>
                    "导出问题清单"
                </button>
                <button type="button" data-testid="copy-text" disabled=none on:click=copy>
                    "复制问题清单"
                </button>
                // The feedback letter is written by the batch's checker (batch.js, loaded when asked).
                <button type="button" data-testid="letter-docx" data-batch="letterDocx" disabled=none>
                    "反馈意见（Word）"
                </button>
                <button type="button" data-testid="letter-text" data-batch="letterText" disabled=none>
                    "反馈意见（文字）"
                </button>
            </div>
        </nav>
    }
}

/// The latest message: errors are announced at once, the rest politely.
#[component]
pub fn NoticeBar(
    /// The app's state.
    state: AppState,
) -> impl IntoView {
    let notice = move || {
        state.notice.get().map(|n| {
            let (class, role) = match n.level {
                Level::Error => ("notice error", "alert"),
                Level::Warning => ("notice warning", "alert"),
                Level::Info => ("notice info", "status"),
            };
            let undo = (n.topic == APPLIED).then(|| {
                view! { <button type="button" data-testid="undo" on:click=move |_| state.undo()>"撤销"</button> }
            });
            view! {
                <div class=class role=role data-testid="notice" data-topic=n.topic>
                    <span>{n.text}</span>
                    {undo}
                    <button type="button" class="close" aria-label="关闭提示" on:click=move |_| state.notice.set(None)>
                        "×"
                    </button>
                </div>
            }
        })
    };
    // A live region that is always there, so that new messages are read out.
    view! { <div class="notices" aria-live="polite">{notice}</div> }
}
