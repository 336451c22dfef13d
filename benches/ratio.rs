//! check() against one plain pass over the same text, timed in pairs: a
//! few milliseconds of one, then of the other, many times over. Load on a
//! shared machine comes and goes over seconds, so it weighs on both halves
//! of a pair alike, and the ratio of each pair is steadier than the ratio
//! of two figures taken apart (as `cargo bench --bench check` gives them).
//!
//! cargo bench --bench ratio   (prints the median ratio, its quartiles, and
//! check()'s throughput, for each seed and for 1 MB)

use std::hint::black_box;
use std::time::{Duration, Instant};

mod common;
use common::{inputs, plain_pass};

/// Each half of a pair runs about this long.
const HALF: Duration = Duration::from_millis(3);
/// Pairs per input.
const PAIRS: usize = 300;

/// How many calls of `f` take about `HALF`.
fn calls_per_half(f: &dyn Fn()) -> u32 {
    let mut n = 1;
    loop {
        let t = Instant::now();
        (0..n).for_each(|_| f());
        if t.elapsed() >= HALF / 4 {
            return (n * 4).max(1);
        }
        n *= 2;
    }
}

fn per_call(f: &dyn Fn(), n: u32) -> f64 {
    let t = Instant::now();
    (0..n).for_each(|_| f());
    t.elapsed().as_secs_f64() / n as f64
}

fn main() {
    // (`cargo bench` passes `--bench`; a name filters the inputs.)
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    println!("{:6} {:>10} {:>8} {:>16} {:>11}", "input", "check()", "ratio", "quartiles", "MiB/s");
    for (name, text) in inputs().iter().filter(|(n, _)| filter.as_ref().is_none_or(|f| n.contains(f.as_str()))) {
        let check = || {
            black_box(nianbao::check(black_box(text), None));
        };
        let plain = || {
            black_box(plain_pass(black_box(text)));
        };
        let (nc, np) = (calls_per_half(&check), calls_per_half(&plain));
        let mut ratios = Vec::with_capacity(PAIRS);
        let mut checks = Vec::with_capacity(PAIRS);
        for _ in 0..PAIRS {
            let c = per_call(&check, nc);
            let p = per_call(&plain, np);
            ratios.push(c / p);
            checks.push(c);
        }
        ratios.sort_by(f64::total_cmp);
        checks.sort_by(f64::total_cmp);
        let q = |v: &[f64], f: f64| v[((v.len() - 1) as f64 * f) as usize];
        let median_check = q(&checks, 0.5);
        println!(
            "{name:6} {:>8.1} µs {:>7.2}× {:>7.2}–{:<7.2} {:>9.0}",
            median_check * 1e6,
            q(&ratios, 0.5),
            q(&ratios, 0.25),
            q(&ratios, 0.75),
            text.len() as f64 / median_check / (1024.0 * 1024.0)
        );
    }
}
