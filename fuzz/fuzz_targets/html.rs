//! Any page (or clipboard text/html) must give a report, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let report = nianbao::check_html(&html, None);
    let _ = report.to_json();
});
