//! The batch's pieces the app draws, all static (batch.js marks which view
//! is shown and counts the files once it is loaded): the switch between one
//! report and the batch, the pickers, and the two places batch.js draws in.

use super::{bridge, Batch};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// 单份检查 / 批量检查, and the pickers of many files and of a folder.
#[component]
pub fn BatchNav(
    /// The batch.
    batch: Batch,
) -> impl IntoView {
    let files: NodeRef<leptos::html::Input> = NodeRef::new();
    let folder: NodeRef<leptos::html::Input> = NodeRef::new();
    let on_pick = move |ev: web_sys::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        batch.start(bridge::picked(&input));
        // Picking the same files again must fire `change` again.
        input.set_value("");
    };
    // One handler for the four buttons, told apart by their test ids.
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(button) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let picker = match button.get_attribute("data-testid").as_deref() {
            Some("mode-single") => return batch.ask("hide", Vec::new()),
            Some("mode-batch") => return batch.ask("show", Vec::new()),
            Some("batch-open-files") => files,
            Some("batch-open-folder") => folder,
            _ => return,
        };
        if let Some(input) = picker.get() {
            input.click();
        }
    };
    view! {
        <nav class="modes" aria-label="检查方式" on:click=on_click>
            <button type="button" data-testid="mode-single" aria-pressed="true">"单份检查"</button>
            <button type="button" data-testid="mode-batch" aria-pressed="false">"批量检查"</button>
            <button type="button" data-testid="batch-open-files">"打开多个文件…"</button>
            <button type="button" data-testid="batch-open-folder">"打开文件夹…"</button>
            <input type="file" multiple class="hidden-input" data-testid="batch-input" tabindex="-1" aria-hidden="true"
                node_ref=files on:change=on_pick />
            <input type="file" prop:webkitdirectory=true class="hidden-input" data-testid="batch-folder"
                tabindex="-1" aria-hidden="true" node_ref=folder on:change=on_pick />
        </nav>
    }
}

/// Where batch.js draws: the bar above an opened row's report, and the batch.
#[component]
pub fn BatchPlaces() -> impl IntoView {
    view! {
        <div id="batch-back"></div>
        <section id="batch-root" class="batch" data-testid="batch" hidden></section>
    }
}
