//! check() on each seed and on a 1 MB input, beside one plain pass over the
//! same text (every char folded to half-width): the ratio says how much the
//! checker costs over merely reading the text once.
//!
//! cargo bench --bench check   (the `bench` profile: opt-level 3)
//!
//! The two figures of a pair are taken seconds apart; on a shared machine
//! their ratio moves with the load. `cargo bench --bench ratio` times the
//! two in alternation for a steadier ratio.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

mod common;
use common::{inputs, plain_pass};

fn bench(c: &mut Criterion) {
    let inputs = inputs();
    let mut group = c.benchmark_group("check");
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("check", name), text, |b, t| {
            b.iter(|| nianbao::check(black_box(t), None))
        });
        group.bench_with_input(BenchmarkId::new("plain_pass", name), text, |b, t| b.iter(|| plain_pass(black_box(t))));
    }
    group.finish();
}

/// Repeats `unit` up to `size` bytes (cut at a char boundary).
fn grow(unit: &str, size: usize) -> String {
    let mut s = String::with_capacity(size + unit.len());
    while s.len() < size {
        s.push_str(unit);
    }
    let mut cut = size;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

/// Time must grow linearly with the input, whatever its shape.
fn scaling(c: &mut Criterion) {
    let seed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/003_de92c8953c303105.txt"))
        .unwrap();
    let shapes: [(&str, String); 4] = [
        ("report", seed.clone()),
        // A flattened web page: the whole report on one line, many times.
        ("flattened_report", seed.replace('\n', " ")),
        ("one_line_of_digits", "0123456789".into()),
        (
            "repeated_headings",
            "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n".into(),
        ),
    ];
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    for (name, unit) in &shapes {
        for size in [1 << 10, 10 << 10, 100 << 10, 1 << 20, 10 << 20] {
            let text = grow(unit, size);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(*name, size), &text, |b, t| {
                b.iter(|| nianbao::check(black_box(t), None))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench, scaling);
criterion_main!(benches);
