//! 年报体检 web app: paste a report, see its tables and every problem, all
//! in the browser. A thin Leptos shell around `nianbao::check`; it holds no
//! rule and parses nothing itself.

mod app;
mod author;
mod batch;
mod checked;
mod components;
mod examples;
mod panic;
mod state;
mod web;

fn main() {
    panic::install();
    leptos::mount::mount_to_body(app::App);
}
