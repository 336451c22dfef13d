//! Where a table's columns stand, from its rows' own positions in laid-out
//! text (`pdftotext -layout`, the core's PDF text), when no header line
//! says it and no row fills every column.
//!
//! A row's values other than its first and last (its total) stand where
//! their columns are: the first is pushed about by its label, the last is
//! the total. Those inner values of every row gather at a few positions,
//! one per column that some row fills. Which columns those are is not
//! known, but their order is: each way to give the positions columns, left
//! to right, is tried, and kept when every row has a placement that keeps
//! its own sums with its inner values there, and the columns' sums hold
//! with the rows it places. A row's placements are then those some kept
//! way allows.
//!
//! Each page is laid out on its own scale (`pdftotext -layout` squeezes a
//! page's columns that hold nothing), and each block of a page moved along
//! as a whole (it starts a block where its own text starts): so a row's
//! values are measured from its total, and compared only with rows of the
//! same page (cut at the text's form feeds), whose columns are named on
//! their own; the columns' sums, which run across pages (（七）总计 on the
//! second sums rows of the first), weigh the pages' ways together.
//! The header is no ruler: laid-out text squeezes a line of many Chinese
//! words on a scale of its own, not the values'.

use super::sparse::{placements, spans_in, Metric};
use super::tuning::{POSITION_JOIN, POSITION_SPREAD};
use crate::read::normalise::Normalised;
use crate::read::tokens::Token;
use crate::util::sort::insertion_sort;

/// A row as laid out: its values (on one line) and the placements (the
/// column of each value) that keep its own sums.
pub struct LaidRow<'a, 't> {
    pub values: &'a [&'t Token],
    pub candidates: Vec<Vec<usize>>,
}

/// At most this many combinations of the groups' ways are weighed.
const MAX_COMBINATIONS: usize = 4096;

/// For each row, the indices of its candidates that the columns' positions
/// allow; `None` where they say nothing of it. `n` is the number of
/// columns, the last the total. `holds(open)` says whether the columns'
/// sums hold with each row read as any of its `open` candidates (the
/// cells they agree on; a row with none open is not known).
pub fn allowed(
    rows: &[LaidRow],
    n: usize,
    holds: &dyn Fn(&[&[usize]]) -> bool,
    norm: &Normalised,
) -> Vec<Option<Vec<usize>>> {
    let mut out: Vec<Option<Vec<usize>>> = vec![None; rows.len()];
    for (metric, anchor) in READINGS {
        let spans: Vec<Option<Vec<(f32, f32)>>> = rows.iter().map(|r| laid_spans(r, n, norm, metric, anchor)).collect();
        let groups: Vec<Ways> = by_page(rows, &spans, norm).iter().filter_map(|g| ways(rows, &spans, g, n)).collect();
        let combinations = groups.iter().try_fold(1usize, |k, g| k.checked_mul(g.ways.len()));
        if groups.is_empty() || combinations.is_none_or(|k| k > MAX_COMBINATIONS) {
            continue;
        }
        let mut found: Vec<Vec<Vec<usize>>> = groups.iter().map(|g| vec![Vec::new(); g.rows.len()]).collect();
        let mut any = false;
        let mut open: Vec<&[usize]> = vec![&[]; rows.len()];
        let mut way = vec![0usize; groups.len()];
        loop {
            for (g, &w) in groups.iter().zip(&way) {
                for (&r, m) in g.rows.iter().zip(&g.ways[w]) {
                    open[r] = m;
                }
            }
            if holds(&open) {
                any = true;
                for ((g, &w), f) in groups.iter().zip(&way).zip(&mut found) {
                    for (f, m) in f.iter_mut().zip(&g.ways[w]) {
                        merge(f, m);
                    }
                }
            }
            // The next combination, the first group's way turning fastest.
            let Some(turn) = (0..groups.len()).find(|&g| way[g] + 1 < groups[g].ways.len()) else { break };
            way[turn] += 1;
            way[..turn].fill(0);
        }
        if !any {
            continue;
        }
        for (g, f) in groups.iter().zip(found) {
            for (&r, allowed) in g.rows.iter().zip(f) {
                // Two ways of counting that allow different placements: either may be right.
                merge(out[r].get_or_insert_with(Vec::new), &allowed);
            }
        }
    }
    for o in out.iter_mut().flatten() {
        insertion_sort(o, |a, b| a < b);
    }
    out
}

fn merge(into: &mut Vec<usize>, from: &[usize]) {
    for &k in from {
        if !into.contains(&k) {
            into.push(k);
        }
    }
}

/// Where a value stands: where it starts (text aligned left), or its
/// centre (text centred in its cell, the start then moving with the
/// number of digits).
#[derive(Clone, Copy)]
enum Anchor {
    Start,
    Centre,
}

/// The ways of measuring where values stand that are tried; a row's
/// placements are those any of them allows.
const READINGS: [(Metric, Anchor); 4] = [
    (Metric::Chars, Anchor::Centre),
    (Metric::Chars, Anchor::Start),
    (Metric::Display, Anchor::Centre),
    (Metric::Display, Anchor::Start),
];

/// Where a row's values stand, as `metric` counts and `anchor` takes them,
/// from its total's place: a line laid out on the page's scale but moved
/// along as a whole (`pdftotext -layout` starts each of a page's blocks
/// where its own text starts) keeps its values' places from the total.
/// `None` when the row cannot say where columns are: it has fewer than two
/// values, or not on one line, laid out, the last the total in every
/// placement. Each span is `(at, at)`.
fn laid_spans(row: &LaidRow, n: usize, norm: &Normalised, metric: Metric, anchor: Anchor) -> Option<Vec<(f32, f32)>> {
    let first = row.values.first()?;
    let usable = row.values.len() >= 2
        && row.values.iter().all(|t| t.line == first.line)
        && spaced(row.values, norm)
        && !row.candidates.is_empty()
        && row.candidates.iter().all(|c| c.last() == Some(&(n - 1)));
    if !usable {
        return None;
    }
    let at = |&(from, to): &(f32, f32)| match anchor {
        Anchor::Start => from,
        Anchor::Centre => (from + to) / 2.0,
    };
    let spans = spans_in(row.values, norm, metric);
    let total = at(spans.last()?);
    Some(spans.iter().map(|s| (at(s) - total, at(s) - total)).collect())
}

/// Whether a row's values stand as laid-out text puts them: most after a
/// run of two spaces or more (text that only parts its values, a PDF's raw
/// text, says nothing of where its columns are).
fn spaced(values: &[&Token], norm: &Normalised) -> bool {
    let after_gap = values.iter().filter(|t| norm.text[..t.start].ends_with("  ")).count();
    after_gap * 2 > values.len()
}

/// The rows (indices) that can say where columns are, by the page (a
/// scale) they are on.
fn by_page(rows: &[LaidRow], spans: &[Option<Vec<(f32, f32)>>], norm: &Normalised) -> Vec<Vec<usize>> {
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for (r, row) in rows.iter().enumerate().filter(|(r, _)| spans[*r].is_some()) {
        let page = row.values.last().map_or(0, |t| norm.page_at(t.start));
        match groups.iter_mut().find(|g| g.0 == page) {
            Some(g) => g.1.push(r),
            None => groups.push((page, vec![r])),
        }
    }
    groups.into_iter().map(|g| g.1).collect()
}

/// Sorted positions cut where two neighbours stand more than
/// [`POSITION_JOIN`] apart.
fn chains<T: Copy>(sorted: &[(f32, T)]) -> Vec<Vec<(f32, T)>> {
    let mut out: Vec<Vec<(f32, T)>> = Vec::new();
    for &(at, item) in sorted {
        match out.last_mut() {
            Some(last) if last.last().is_some_and(|l| at - l.0 <= POSITION_JOIN) => last.push((at, item)),
            _ => out.push(vec![(at, item)]),
        }
    }
    out
}

/// One scale's rows and, for each way to name its columns, the candidates
/// (indices) of each row that the way allows (none empty).
struct Ways {
    rows: Vec<usize>,
    ways: Vec<Vec<Vec<usize>>>,
}

/// The ways to name the columns of one scale's rows, or `None` when their
/// inner values do not gather into columns or no way suits every row.
fn ways(rows: &[LaidRow], spans: &[Option<Vec<(f32, f32)>>], group: &[usize], n: usize) -> Option<Ways> {
    // (start, (row in group, value)) of every inner value.
    let mut inner: Vec<(f32, (usize, usize))> = Vec::new();
    for (g, &r) in group.iter().enumerate() {
        let s = spans[r].as_ref()?;
        inner.extend(s.iter().enumerate().take(s.len() - 1).skip(1).map(|(v, &at)| (at.0, (g, v))));
    }
    insertion_sort(&mut inner, |a, b| a.0 < b.0);
    let clusters = chains(&inner);
    let inner_columns = n.checked_sub(2)?;
    if clusters.is_empty() || clusters.len() > inner_columns {
        return None;
    }
    // Which cluster each value stands in.
    let mut cluster_of: Vec<Vec<Option<usize>>> =
        group.iter().map(|&r| vec![None; spans[r].as_ref().map_or(0, Vec::len)]).collect();
    for (k, cluster) in clusters.iter().enumerate() {
        if cluster.last()?.0 - cluster.first()?.0 > POSITION_SPREAD {
            return None;
        }
        for &(_, (g, v)) in cluster {
            // Two values of one row in one column: not columns.
            if cluster_of[g].contains(&Some(k)) {
                return None;
            }
            cluster_of[g][v] = Some(k);
        }
    }
    let reach: Vec<(f32, f32)> = clusters.iter().map(|c| (c[0].0, c[c.len() - 1].0)).collect();
    // Each way to give the clusters columns 1 ..= n − 2, left to right. A
    // row's inner values stand in their clusters' columns; its first value
    // (moved about by its label, so only where it stands clear of a
    // cluster) right of the columns of the clusters it is right of, and
    // left of those it is left of.
    let ways: Vec<Vec<Vec<usize>>> = placements(clusters.len(), inner_columns)
        .map(|columns| {
            group
                .iter()
                .enumerate()
                .map(|(g, &r)| {
                    let first = spans[r].as_ref().and_then(|s| s.first()).map_or(0.0, |s| s.0);
                    let first_fits = |c: usize| {
                        reach.iter().zip(&columns).all(|(&(lo, hi), &k)| {
                            let k = k + 1;
                            (first <= hi + POSITION_JOIN || c > k) && (first >= lo - POSITION_JOIN || c < k)
                        })
                    };
                    let fits = |at: &[usize]| {
                        first_fits(at[0])
                            && cluster_of[g].iter().zip(at).all(|(k, &c)| k.is_none_or(|k| columns[k] + 1 == c))
                    };
                    (0..rows[r].candidates.len()).filter(|&k| fits(&rows[r].candidates[k])).collect()
                })
                .collect::<Vec<Vec<usize>>>()
        })
        .filter(|matches| matches.iter().all(|m| !m.is_empty()))
        .collect();
    (!ways.is_empty()).then(|| Ways { rows: group.to_vec(), ways })
}
