//! Table 三: 收到和处理政府信息公开申请情况, 7 applicant columns.
//!
//! Rows are found by aligning the region's segments with the template's
//! rows in order (see [`matching::align`]), once for each template version;
//! the version whose distinctive rows are there wins.

use super::columns::{self, Reading};
use super::fill::{fill_row, looks_flattened, row_total_fits, settle, Arith, Glued};
use super::joint::{solve, Equation, Unknown};
use super::matching::{align, Matcher, Probe, MATCH_THRESHOLD};
use super::segments::{segments, Segment};
use super::values::ValueKind;
use crate::read::normalise::Normalised;
use crate::read::tokens::Token;
use crate::tables::model::{Row, Table};
use crate::template::{request_rows, RowSpec, TableId, Version, REQUEST_COLUMNS, REQUEST_ROWS};

/// Rows only the 2021 template has; finding them decides the version.
const ONLY_2021: [&str; 2] = ["3.6.1", "3.6.2"];

pub fn parse(tokens: &[Token], norm: &Normalised, year: Option<i32>) -> Table {
    let mut table = Table::new(TableId::Requests);
    let segs = segments(tokens, &norm.text);
    let versions: Vec<Vec<&'static RowSpec>> =
        [Version::V2021, Version::V2019].iter().map(|&v| request_rows(v).collect()).collect();
    let rows = prepared();
    // A label against a list of rows, read once for all of them.
    let label_scores = |label: &str, specs: &[&'static RowSpec]| {
        let probe = rows.matcher.probe(label);
        specs
            .iter()
            .map(|spec| {
                let row = rows.rows.iter().find(|r| r.spec.key == spec.key)?;
                let gain = label_gain(&probe, row, &rows.matcher).1;
                (gain >= MATCH_THRESHOLD).then_some(gain)
            })
            .collect()
    };
    let segs = match columns::read(&segs, tokens, &norm.text, &versions, &label_scores, REQUEST_COLUMNS.len(), &adds_up)
    {
        Reading::NotColumnMajor => segs,
        Reading::Rebuilt(rebuilt) => rebuilt,
        Reading::Unreadable(why) => {
            let version = if year.is_some_and(|y| y <= 2020) { Version::V2019 } else { Version::V2021 };
            table.rows = request_rows(version).map(|spec| Row::new(spec.key, spec.label, &REQUEST_COLUMNS)).collect();
            table.found = true;
            table.unreadable = Some(why);
            table.line = segs.first().and_then(Segment::first_token).map(|t| norm.line_at(t.start));
            return table;
        }
    };
    // Every (segment, row) score once, over both versions' rows together:
    // `scores[s * width + r]`, each segment's label read into one probe.
    let width = rows.rows.len();
    let mut scores = Vec::with_capacity(segs.len() * width);
    let mut probe = Probe::default();
    for s in &segs {
        rows.matcher.probe_into(&s.label, &mut probe);
        scores.extend(rows.rows.iter().map(|r| score(s, &probe, r, &rows.matcher)));
    }
    let try_version = |v: usize| {
        let (version, at) = &rows.versions[v];
        let assignment = align(segs.len(), at.len(), |s, r| scores[s * width + at[r]]);
        let total: f32 = assignment.iter().zip(at).filter_map(|(s, &r)| s.and_then(|s| scores[s * width + r])).sum();
        (*version, at, assignment, total)
    };
    let v21 = try_version(0);
    let has_2021_rows = v21.1.iter().zip(&v21.2).any(|(&r, s)| {
        let row = &rows.rows[r];
        ONLY_2021.contains(&row.spec.key)
            && s.is_some_and(|s| {
                rows.matcher.probe_into(&segs[s].label, &mut probe);
                rows.matcher.similarity(&probe, row.labels[0]) > 0.5
            })
    });
    // The 2019 rows are tried only when the 2021 ones do not settle it.
    let (version, at, assignment, _) = if has_2021_rows {
        v21
    } else {
        let v19 = try_version(1);
        let use_2021 = (v21.3 > v19.3 + 0.5) || (v19.3 <= v21.3 && year.is_some_and(|y| y >= 2021));
        if use_2021 {
            v21
        } else {
            v19
        }
    };

    let kinds = [ValueKind::Count; 7];
    let arith = Arith { groups: &[7], fits: &row_total_fits };
    let multi_run = looks_flattened(tokens);
    let mut glued = Vec::new();
    for (spec, seg) in at.iter().map(|&r| rows.rows[r].spec).zip(&assignment) {
        let mut row = Row::new(spec.key, spec.label, &REQUEST_COLUMNS);
        if let Some(s) = seg {
            row.found = true;
            if let Some(g) = fill_row(&mut row, &segs[*s], &kinds, arith, multi_run, norm) {
                glued.push((table.rows.len(), g));
            }
        }
        table.rows.push(row);
    }
    settle_glued(&mut table, &glued, &kinds, norm);
    table.found = table.rows.iter().filter(|r| r.found).count() >= 3;
    if table.found {
        table.version = Some(version);
        table.line = segs.first().and_then(Segment::first_token).map(|t| norm.line_at(t.start));
    } else {
        // A few stray matches are not a table: keep nothing rather than guess.
        table.rows.iter_mut().for_each(|r| *r = Row::new(r.key, r.label, &REQUEST_COLUMNS));
    }
    table
}

/// Settles the glued rows: alone when the row total leaves one split, else
/// together by the columns' arithmetic (see [`super::joint`]).
fn settle_glued(table: &mut Table, glued: &[(usize, Glued)], kinds: &[ValueKind], norm: &Normalised) {
    if glued.is_empty() {
        return;
    }
    // Rows with one split first: their values are known to the others.
    for (r, g) in glued.iter().filter(|(_, g)| g.complete && g.splits.len() == 1) {
        if let Some(row) = table.rows.get_mut(*r) {
            settle(row, g, Some(&g.splits[0]), &g.splits, kinds, norm);
        }
    }
    let solvable: Vec<&(usize, Glued)> = glued.iter().filter(|(_, g)| g.complete && g.splits.len() > 1).collect();
    let unknowns: Vec<Unknown> = solvable.iter().map(|(r, g)| Unknown { row: *r, splits: &g.splits }).collect();
    let equations = column_equations(table);
    let rows = &table.rows;
    let known =
        |row: usize, column: usize| rows.get(row).and_then(|r| r.cells.get(column)).and_then(|c| c.value?.as_int());
    let joint = solve(&known, &unknowns, &equations);
    for (r, g) in glued.iter().filter(|(_, g)| !(g.complete && g.splits.len() == 1)) {
        let Some(row) = table.rows.get_mut(*r) else { continue };
        let at = solvable.iter().position(|(s, _)| s == r);
        let choice = at.and_then(|u| joint.settled[u]).map(|i| g.splits[i].as_slice());
        // The candidates worth showing: those the columns still allow.
        let shown: Vec<Vec<i64>> = match at {
            Some(u) if !joint.consistent[u].is_empty() => {
                joint.consistent[u].iter().map(|&i| g.splits[i].clone()).collect()
            }
            _ => g.splits.clone(),
        };
        settle(row, g, choice, &shown, kinds, norm);
    }
}

/// Table 三's column arithmetic as equations over its rows (indices in
/// `table.rows`): （七）总计 = the outcome rows, and 一 + 二 = （七）+ 四.
fn column_equations(table: &Table) -> Vec<Equation> {
    let index = |key: &str| table.rows.iter().position(|r| r.key == key);
    let outcome: Vec<usize> = table
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.key.starts_with("3.") && r.key != "3.7")
        .map(|(i, _)| i)
        .collect();
    let mut out = Vec::new();
    let (Some(total), Some(new), Some(carried), Some(next)) = (index("3.7"), index("1"), index("2"), index("4")) else {
        return out;
    };
    for column in 0..REQUEST_COLUMNS.len() {
        let mut terms: Vec<(usize, i64)> = outcome.iter().map(|&r| (r, 1)).collect();
        terms.push((total, -1));
        out.push(Equation { column, terms });
        out.push(Equation { column, terms: vec![(new, 1), (carried, 1), (total, -1), (next, -1)] });
    }
    out
}

/// Table 三's rows (those of either version) with their labels prepared
/// for matching, once per process.
struct PreparedRows {
    matcher: Matcher,
    rows: Vec<Prepared>,
    /// Each version's rows in template order, as indices in `rows`:
    /// 2021 first, then 2019.
    versions: [(Version, Vec<usize>); 2],
}

/// A template row: its labels' and ordinal's numbers in the [`Matcher`].
struct Prepared {
    spec: &'static RowSpec,
    labels: Vec<usize>,
    ordinal: usize,
    /// How many characters from the end of a segment label the ordinal is
    /// looked for in.
    ordinal_window: usize,
}

fn prepared() -> &'static PreparedRows {
    static ROWS: std::sync::OnceLock<PreparedRows> = std::sync::OnceLock::new();
    ROWS.get_or_init(|| {
        let mut labels = Vec::new();
        let mut ordinals: Vec<&'static str> = Vec::new();
        let rows: Vec<Prepared> = REQUEST_ROWS
            .iter()
            .filter(|r| r.in_2019 || r.in_2021)
            .map(|spec| {
                let first = labels.len();
                labels.extend(std::iter::once(spec.label).chain(spec.variants.iter().copied()));
                let ordinal = ordinals.iter().position(|o| *o == spec.ordinal).unwrap_or_else(|| {
                    ordinals.push(spec.ordinal);
                    ordinals.len() - 1
                });
                let ordinal_window = spec.label.chars().count() * 3 / 2 + 10;
                Prepared { spec, labels: (first..labels.len()).collect(), ordinal, ordinal_window }
            })
            .collect();
        let version_rows = |v: Version| -> Vec<usize> {
            let rows: &[Prepared] = &rows;
            request_rows(v).filter_map(|spec| rows.iter().position(|r| r.spec.key == spec.key)).collect()
        };
        let versions = [(Version::V2021, version_rows(Version::V2021)), (Version::V2019, version_rows(Version::V2019))];
        PreparedRows { matcher: Matcher::new(&labels, &ordinals), rows, versions }
    })
}

/// How well a segment fits a row; `None` where it cannot be that row.
fn score(seg: &Segment, probe: &Probe, row: &Prepared, matcher: &Matcher) -> Option<f32> {
    let (sim, gain) = label_gain(probe, row, matcher);
    if seg.cells.is_empty() {
        // A label with no values: the row is there but empty.
        return (sim > 0.8).then_some(gain * 0.5);
    }
    if gain < MATCH_THRESHOLD {
        return None;
    }
    let count_bonus = if seg.cells.len() == REQUEST_COLUMNS.len() { 0.1 } else { 0.0 };
    Some(gain + count_bonus)
}

/// How much of a row's label (and its ordinal) a label has: (label
/// similarity, gain with the ordinal).
fn label_gain(probe: &Probe, row: &Prepared, matcher: &Matcher) -> (f32, f32) {
    let sim = row.labels.iter().map(|&l| matcher.similarity(probe, l)).fold(0f32, f32::max);
    let ordinal = if matcher.has_ordinal(probe, row.ordinal, row.ordinal_window) { 1.0 } else { 0.0 };
    (sim, 0.7 * sim + 0.3 * ordinal)
}

/// Whether rows of table 三 rebuilt from column-major text keep the
/// table's arithmetic: every row's total, and in every column the outcome
/// total and the balance 一 + 二 = （七）+ 四 (where all their rows are there).
fn adds_up(rows: &[(&'static str, Vec<i64>)]) -> bool {
    if !rows.iter().all(|(_, v)| row_total_fits(v)) {
        return false;
    }
    let get = |key: &str| rows.iter().find(|r| r.0 == key).map(|r| &r.1);
    let version = if rows.iter().any(|r| r.0.starts_with("3.6.")) { Version::V2021 } else { Version::V2019 };
    let outcome: Option<Vec<&Vec<i64>>> =
        request_rows(version).filter(|r| r.key.starts_with("3.") && r.key != "3.7").map(|r| get(r.key)).collect();
    (0..REQUEST_COLUMNS.len()).all(|c| {
        let at = |v: &Vec<i64>| v.get(c).copied().unwrap_or(0);
        let outcome_ok = match (&outcome, get("3.7")) {
            (Some(parts), Some(total)) => parts.iter().map(|v| at(v)).sum::<i64>() == at(total),
            _ => true,
        };
        let balance_ok = match (get("1"), get("2"), get("3.7"), get("4")) {
            (Some(a), Some(b), Some(t), Some(d)) => at(a) + at(b) == at(t) + at(d),
            _ => true,
        };
        outcome_ok && balance_ok
    })
}
