//! Any bytes given as a .docx (a broken zip, a zip bomb, odd XML) must give
//! an error message or text, never a panic; the XML reader on its own too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = nianbao::input::docx::docx_text(data) {
        let _ = nianbao::check(&text, None);
    }
    let xml = String::from_utf8_lossy(data);
    let blocks = nianbao::input::docx::xml_blocks(&xml);
    let _ = nianbao::check_blocks(&blocks, None);
});
