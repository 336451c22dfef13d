//! Any bytes, read as text the way the CLI reads a file, must give a report
//! (never a panic), whose every cell points inside the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = nianbao::check(&text, None);
    let _ = report.to_json();
    for id in nianbao::template::TableId::ALL {
        for row in &report.table(id).rows {
            for cell in &row.cells {
                if let Some(span) = cell.span {
                    assert!(span.start <= span.end && span.end <= text.len());
                }
            }
        }
    }
});
