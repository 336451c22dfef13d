//! The measured target of the suggested corrections (issue 16): take
//! consistent reports — every fixture without errors, and random
//! consistent tables of both template versions built with
//! `nianbao::testing::Sample` — change one value of 表三 or 表四 in the
//! text, check again, and see whether the first suggestion of the
//! diagnostics names the changed cell and its original value. Where it
//! does not, the report must say honestly that the change cannot be
//! located (no `correction.located`); a located answer that is wrong
//! fails the test outright.

mod common;

use nianbao::suggest::Suggestion;
use nianbao::template::{v2019::V2019, v2021::V2021, ColKey, RowKey, TableId, Version};
use nianbao::testing::Sample;
use nianbao::{Report, Severity};

/// A small deterministic generator (xorshift), so that a failure repeats.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    /// A count as reports have them: mostly 0, some small, a few larger.
    fn count(&mut self) -> i64 {
        match self.below(10) {
            0..=5 => 0,
            6..=8 => 1 + self.below(9) as i64,
            _ => 10 + self.below(200) as i64,
        }
    }
}

/// A random report whose 表三 and 表四 add up (and 表二 is all 0).
fn consistent(version: &'static Version, rng: &mut Rng) -> Sample {
    use nianbao::template::keys::requests as q;
    let grid = &version.requests;
    let parts = grid.columns.len() - 1;
    let mut sample = Sample::new(version);
    let with_total = |mut v: Vec<i64>| {
        v.push(v.iter().sum());
        v
    };
    let mut outcome_total = vec![0i64; parts];
    for row in grid.rows.iter().filter(|r| r.key.is_under(q::OUTCOMES.as_str()) && r.key != q::OUTCOME_TOTAL) {
        let values: Vec<i64> = (0..parts).map(|_| rng.count()).collect();
        for (t, v) in outcome_total.iter_mut().zip(&values) {
            *t += v;
        }
        sample = sample.row(TableId::Requests, row.key, &with_total(values));
    }
    let forward: Vec<i64> = (0..parts).map(|_| rng.count()).collect();
    // 二 at most what 一 + 二 = （七） + 四 leaves, so 一 is not negative.
    let over: Vec<i64> = (0..parts).map(|i| rng.below((outcome_total[i] + forward[i]) as u64 / 3 + 1) as i64).collect();
    let new: Vec<i64> = (0..parts).map(|i| outcome_total[i] + forward[i] - over[i]).collect();
    let mut review = [0i64; 15];
    for group in review.chunks_mut(5) {
        for v in &mut group[..4] {
            *v = rng.count();
        }
        group[4] = group[..4].iter().sum();
    }
    sample
        .row(TableId::Requests, q::NEW, &with_total(new))
        .row(TableId::Requests, q::CARRIED_OVER, &with_total(over))
        .row(TableId::Requests, q::OUTCOME_TOTAL, &with_total(outcome_total))
        .row(TableId::Requests, q::CARRIED_FORWARD, &with_total(forward))
        .review(review)
}

/// What became of one changed value.
#[derive(Default)]
struct Tally {
    cases: usize,
    /// The first suggestion names the cell and its original value.
    named: usize,
    /// Not named, and the report says the change cannot be located.
    honest: usize,
    /// A located answer that is not the change: never allowed.
    wrong: Vec<String>,
    /// Changes the reader read as more than that one value changed (not counted in `cases`).
    reread: usize,
}

impl Tally {
    fn rate(&self) -> f64 {
        self.named as f64 / self.cases.max(1) as f64
    }
}

/// Whether `after` reads every cell of every table as `before` does, but
/// the one changed to `changed`. A changed digit can change more than its
/// cell: digits glued together split another way, or a page number the
/// reader told from a cell by the row's sums is then read as a cell.
fn read_alike(before: &Report, after: &Report, changed_cell: (TableId, RowKey, ColKey), changed: i64) -> bool {
    TableId::ALL.into_iter().all(|id| {
        let (a, b) = (before.table(id), after.table(id));
        a.rows.len() == b.rows.len()
            && a.rows.iter().zip(&b.rows).all(|(ra, rb)| {
                ra.cells.iter().zip(&rb.cells).all(|(ca, cb)| {
                    if (id, ra.key, ca.column) == changed_cell {
                        cb.value.and_then(|v| v.as_int()) == Some(changed)
                    } else {
                        ca.value == cb.value
                    }
                })
            })
    })
}

/// The first suggestion of the report's diagnostics.
fn first_suggestion(report: &Report) -> Option<&Suggestion> {
    report.diagnostics.iter().filter_map(|d| d.suggestions.as_ref()?.first()).next()
}

/// Changes each given cell of 表三 and 表四 that `pick` takes to another
/// value, checks, and tallies the first suggestion (per table).
fn mutate(text: &str, name: &str, rng: &mut Rng, pick: &mut dyn FnMut(&mut Rng) -> bool, tally: &mut [Tally; 2]) {
    let report = nianbao::check(text, None);
    for (t, id) in [TableId::Requests, TableId::Review].into_iter().enumerate() {
        for row in &report.table(id).rows {
            for cell in &row.cells {
                let (Some(value), Some(span)) = (cell.value.and_then(|v| v.as_int()), cell.span) else { continue };
                if !pick(rng) {
                    continue;
                }
                let changed = loop {
                    let v = if rng.below(2) == 0 {
                        value + 1 + rng.below(9) as i64
                    } else {
                        rng.below(value as u64 + 10) as i64
                    };
                    if v != value {
                        break v;
                    }
                };
                let mutated = format!("{}{changed}{}", &text[..span.start], &text[span.end..]);
                let after = nianbao::check(&mutated, None);
                let tally = &mut tally[t];
                let located = after.diagnostics.iter().find_map(|d| d.correction.as_ref()).is_some_and(|c| c.located);
                if !read_alike(&report, &after, (id, row.key, cell.column), changed) {
                    // The reader saw more than one value change (see `read_alike`):
                    // not a one-value change of the tables; still never a wrong answer.
                    tally.reread += 1;
                    if located && first_suggestion(&after).is_some_and(|s| s.to != Some(value)) {
                        tally.wrong.push(format!("{name}: re-read {}.{}.{}", id.key(), row.key, cell.column));
                    }
                    continue;
                }
                tally.cases += 1;
                let first = first_suggestion(&after);
                let named = first.is_some_and(|s| {
                    (s.table, s.row, s.column, s.from, s.to)
                        == (id, row.key, Some(cell.column), Some(changed), Some(value))
                });
                if named {
                    tally.named += 1;
                } else if !located {
                    tally.honest += 1;
                } else {
                    tally.wrong.push(format!(
                        "{name}: {}.{}.{} {value}→{changed}: suggested {:?}",
                        id.key(),
                        row.key,
                        cell.column,
                        first.map(|s| (s.row, s.column, s.from, s.to))
                    ));
                }
            }
        }
    }
}

#[test]
fn the_first_suggestion_names_a_changed_value() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    // [表三, 表四]
    let mut fixtures = [Tally::default(), Tally::default()];
    let mut samples = [Tally::default(), Tally::default()];
    let files = common::text_fixtures();
    let mut clean = 0;
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let report = nianbao::check(&text, None);
        // Consistent reports only: no error of any kind.
        if report.count(Severity::Error) > 0 || !report.tables.requests.found {
            continue;
        }
        clean += 1;
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        mutate(&text, &name, &mut rng, &mut |_| true, &mut fixtures);
    }
    assert!(clean >= 2, "the clean seeds are fixtures");
    for version in [&V2019, &V2021] {
        for n in 0..20 {
            let text = consistent(version, &mut rng).text();
            // Consistent: nothing but the note of 表四's corrected cases (review.corrected).
            let report = nianbao::check(&text, None);
            assert!(report.diagnostics.iter().all(|d| d.code == "review.corrected"), "the sample is consistent");
            // A fifth of the cells of each sample: 表三 and 表四 as the cells fall.
            mutate(&text, &format!("{} sample {n}", version.name), &mut rng, &mut |r| r.below(5) == 0, &mut samples);
        }
    }
    let mut all = Tally::default();
    for (what, tallies) in [("fixtures", &fixtures), ("samples", &samples)] {
        for (table, t) in ["表三", "表四"].iter().zip(tallies.iter()) {
            println!(
                "{what} {table}: {} changes, first suggestion named {} ({:.1}%), said cannot be located {}, wrong {}; \
                 {} more re-read as more than one change",
                t.cases,
                t.named,
                100.0 * t.rate(),
                t.honest,
                t.wrong.len(),
                t.reread
            );
            all.reread += t.reread;
            all.cases += t.cases;
            all.named += t.named;
            all.honest += t.honest;
            all.wrong.extend(t.wrong.iter().cloned());
        }
    }
    println!(
        "all: {} changes of {clean} clean fixtures and 40 samples, first suggestion named {} ({:.1}%), \
         cannot be located {}; {} re-read as more than one change, not counted",
        all.cases,
        all.named,
        100.0 * all.rate(),
        all.honest,
        all.reread
    );
    assert!(all.wrong.is_empty(), "located but wrong:\n{}", all.wrong.join("\n"));
    assert!(all.rate() >= 0.90, "named {:.1}% < 90%", 100.0 * all.rate());
}
