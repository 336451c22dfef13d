//! The batch's pieces the app draws, all static: boot.js wires the buttons
//! and pickers (`data-batch`), batch.js marks which view is shown, counts
//! the files, and draws in the two empty places.

use leptos::prelude::*;

/// 单份检查 / 批量检查, and the pickers of many files and of a folder.
#[component]
pub fn BatchNav() -> impl IntoView {
    view! {
        <nav class="modes" aria-label="检查方式">
            <button type="button" data-testid="mode-single" data-batch="hide" aria-pressed="true">"单份检查"</button>
            <button type="button" data-testid="mode-batch" data-batch="show" aria-pressed="false">"批量检查"</button>
            <button type="button" data-testid="batch-open-files" data-batch="files">"打开多个文件…"</button>
            <button type="button" data-testid="batch-open-folder" data-batch="folder">"打开文件夹…"</button>
            <input type="file" multiple class="hidden-input" data-testid="batch-input" data-batch-input=""
                tabindex="-1" aria-hidden="true" />
            <input type="file" prop:webkitdirectory=true class="hidden-input" data-testid="batch-folder"
                data-batch-input="" tabindex="-1" aria-hidden="true" />
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
