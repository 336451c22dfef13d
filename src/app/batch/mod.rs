//! The reviewer's batch, on the app's side: the pickers and the switch
//! between one report and the batch (drawn here, static), drops of several
//! files or a folder, and a row of the batch opened in the single-report
//! view.
//!
//! Everything else — the workers, the summary table, the bar back from an
//! opened row, IndexedDB, which of the two views is shown — is
//! src/app/js/batch.js, loaded only once a batch is wanted, so that the
//! page's first load carries none of it. It draws into `batch-root` and
//! `batch-back` and tells this side what it must act on (see `heard`).

mod bridge;
pub mod view;

use crate::state::{AppState, Level};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsValue;

/// The notices' topic for the batch's messages.
const TOPIC: &str = "batch";

#[derive(Clone, Copy)]
pub struct Batch {
    /// batch.js has drawn the batch (it keeps the hook it was given).
    attached: StoredValue<bool>,
    state: AppState,
}

impl Batch {
    pub fn new(state: AppState) -> Self {
        Batch { attached: StoredValue::new(false), state }
    }

    /// Brings back the batch kept in this browser, if there is one.
    pub fn restore(self) {
        if bridge::kept() {
            spawn_local(async move {
                self.attach().await;
            });
        }
    }

    /// Has batch.js draw the batch (once); false if it could not.
    async fn attach(self) -> bool {
        if self.attached.get_value() {
            return true;
        }
        let hook = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| self.heard(&event));
        let result = bridge::call("attach", &[hook.as_ref()]).await;
        // batch.js calls it for as long as the page lives.
        hook.forget();
        match result {
            Ok(_) => {
                self.attached.set_value(true);
                true
            }
            Err(e) => {
                self.state.tell(Level::Error, TOPIC, format!("无法启动批量检查：{e}"));
                false
            }
        }
    }

    /// What batch.js tells the page.
    fn heard(self, event: &JsValue) {
        let text = |k: &str| bridge::get(event, k).as_string().unwrap_or_default();
        match text("type").as_str() {
            "kept" => bridge::set_kept(bridge::get(event, "kept").is_truthy()),
            "notice" => {
                let level = match text("level").as_str() {
                    "error" => Level::Error,
                    "warning" => Level::Warning,
                    _ => Level::Info,
                };
                self.state.tell(level, TOPIC, text("message"));
            }
            "open" => {
                self.state.source.set(Some(text("name")));
                self.state.text.set(text("text"));
                self.state.check_now();
            }
            _ => {}
        }
    }

    /// Asks batch.js to do something (`show`, `hide`, `start`…), loading it first.
    pub fn ask(self, name: &'static str, args: Vec<JsValue>) {
        spawn_local(async move {
            if !self.attach().await {
                return;
            }
            let args: Vec<&JsValue> = args.iter().collect();
            if let Err(e) = bridge::call(name, &args).await {
                self.state.tell(Level::Error, TOPIC, format!("批量检查出错：{e}"));
            }
        });
    }

    /// Checks files (an array of File or FileSystemEntry) into the batch.
    pub fn start(self, items: js_sys::Array) {
        if items.length() > 0 {
            bridge::set_kept(true);
            self.ask("start", vec![items.into()]);
        }
    }

    /// A drop: several files or a folder go to the batch, as does anything
    /// dropped while the batch is shown. Returns whether it took the drop.
    pub fn dropped(self, dt: &web_sys::DataTransfer) -> bool {
        let (items, folder) = bridge::dropped(dt);
        if items.length() > 1 || folder || (bridge::batch_shown() && items.length() > 0) {
            self.start(items);
            true
        } else {
            false
        }
    }
}
