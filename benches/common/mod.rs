//! The benchmarks' inputs and baseline, shared by `check` and `ratio`.

/// The five seed reports (000 to 004) and a 1 MB input: a seed report
/// followed by more of its prose and tables, as a pasted bundle of many
/// reports would be.
pub fn inputs() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        // The five seed reports (000_…txt to 004_…txt), not the synthetic cases.
        .filter(|p| {
            p.extension().is_some_and(|x| x == "txt")
                && p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('0'))
        })
        .map(|p| (p.file_stem().unwrap().to_string_lossy()[..3].to_string(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    out.sort();
    let mut big = String::new();
    while big.len() < 1 << 20 {
        big.push_str(&out[3].1);
    }
    out.push(("1MB".into(), big));
    out
}

/// The baseline: one pass folding full-width forms, as cheap as reading gets.
pub fn plain_pass(text: &str) -> usize {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        let f = match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        };
        folded.push(f);
    }
    folded.len()
}
