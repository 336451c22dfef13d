//! Any bytes given as a .pdf (a broken file, odd fonts, a content stream
//! that makes no sense) must give an error message or text, never a panic
//! that reaches the checker, a crash or a hang. (The PDF reader's own
//! panics are caught by `input::pdf` and said as a message: they are not
//! findings here.)
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    static QUIET: std::sync::Once = std::sync::Once::new();
    // libFuzzer's hook aborts on any panic, caught or not; a panic that
    // escapes still reaches libfuzzer-sys's own catch, which aborts.
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let mut bytes = b"%PDF-".to_vec();
    bytes.extend_from_slice(data.strip_prefix(b"%PDF-").unwrap_or(data));
    if let Ok(text) = nianbao::input::file_text("report.pdf", &bytes) {
        let _ = nianbao::check(&text, None);
    }
});
