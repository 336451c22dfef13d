//! Suggestions in Chinese: [`advice`] is the one line a renderer prints
//! under a diagnostic (`建议：把「（一）予以公开」自然人列的 6 改为 0，第1列和该行的等式都将成立`);
//! [`describe`] says one suggestion (the app lists them all).

use super::{Kind, Suggestion};
use crate::rules::diagnostic::Diagnostic;
use crate::template::{Form, TableId};
use crate::Report;

/// The line to print under a diagnostic about its suggestions, or `None`
/// when it has none to give. Honest when the arithmetic cannot tell which
/// cell is wrong: it says so, and what one possible change would be.
pub fn advice(report: &Report, d: &Diagnostic) -> Option<String> {
    let suggestions = d.suggestions.as_deref()?;
    let Some(correction) = d.correction.as_ref() else { return Some(placement(report, suggestions, d.row.is_none())) };
    let n = correction.sums;
    Some(match (&correction.changes[..], suggestions) {
        ([one], _) => format!("建议：{}", describe(report, one)),
        (all @ [_, _, ..], _) => {
            let mut each = String::new();
            for s in all {
                each.push_str(&change(report, s));
                each.push('，');
            }
            format!("建议：同时改{}格：{each}这{n}处不成立的等式都将成立（只改一格做不到）", all.len())
        }
        ([], [first, more @ ..]) => {
            let others = if more.is_empty() { String::new() } else { format!("，另有{}种改法", more.len()) };
            format!("仅凭勾稽关系无法确定是哪一格有误。可能的改法之一：{}{others}；请对照原始记录核实", describe(report, first))
        }
        ([], []) => format!(
            "仅凭勾稽关系无法确定应改哪几格：只改一格不能使这{n}处等式都成立，改两格的改法也不唯一；请对照原始记录逐格核对"
        ),
    })
}

/// One suggestion in words: `把「（一）予以公开」自然人列的 6 改为 0，第1列和该行的等式都将成立`.
pub fn describe(report: &Report, s: &Suggestion) -> String {
    match s.kind {
        Kind::Change => {
            let rest = if s.complete { "" } else { "（与之相关的其他等式仍不成立）" };
            format!("{}，{}{rest}", change(report, s), mended(report, s))
        }
        _ => place(report, &[s], false, 0),
    }
}

/// A change alone: `把「（一）予以公开」自然人列的 6 改为 0`.
pub fn change(report: &Report, s: &Suggestion) -> String {
    format!("把{}的 {} 改为 {}", cell(report, s), s.from.unwrap_or(0), s.to.unwrap_or(0))
}

/// `「（一）予以公开」自然人列`, as the report's own table names it.
fn cell(report: &Report, s: &Suggestion) -> String {
    let row = report.table(s.table).row(s.row);
    let label = row.map_or_else(|| s.row.to_string(), |r| r.printed());
    format!("「{label}」{}列", column(report, s).1)
}

/// A suggestion's column: its place (1-based) and label in its row.
fn column(report: &Report, s: &Suggestion) -> (usize, &'static str) {
    let columns = report.table(s.table).row(s.row).map_or(&[][..], |r| r.columns);
    let at = columns.iter().position(|k| Some(k.key) == s.column);
    at.map_or((0, ""), |i| (i + 1, columns[i].label))
}

/// `第1列和该行的等式都将成立`: the sums a change mends, by where they run.
fn mended(report: &Report, s: &Suggestion) -> String {
    let (mut along_column, mut along_row) = (false, false);
    for code in &s.repairs {
        for grid in report.registry.versions().iter().filter_map(|v| v.grid(s.table)) {
            for e in grid.equations_of(code) {
                match e.form {
                    Form::EachColumn { .. } => along_column = true,
                    Form::EachRow { .. } => along_row = true,
                }
            }
        }
    }
    let row = if s.table == TableId::Review { "该组" } else { "该行" };
    match (along_column, along_row) {
        (true, true) => format!("第{}列和{row}的等式都将成立", column(report, s).0),
        (true, false) => format!("第{}列的等式将成立", column(report, s).0),
        _ => format!("{row}的等式将成立"),
    }
}

/// Numbers as the messages show them: `1 0 0 0 0 0 1`.
fn shown(values: &[i64]) -> String {
    let mut out = String::new();
    for v in values {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&v.to_string());
    }
    out
}

/// Where a missing (or extra) number is, for places that give one
/// reading: `缺的是自然人列的0，补上后为 0 1 0 0 0 0 1`. `whole`: the
/// numbers are a whole table's (表四's one run), so a place names its
/// group too; `every`: how many places there are in all (when all of them
/// give this reading, where it is does not matter).
fn place(report: &Report, places: &[&Suggestion], whole: bool, every: usize) -> String {
    let one = places[0];
    let missing = one.kind == Kind::Missing;
    let mut at = String::new();
    if places.len() == every && every > 1 {
        at.push_str(if missing { "其中一格" } else { "其中一个数字" });
    } else {
        for (i, p) in places.iter().enumerate() {
            if i > 0 {
                at.push('、');
            }
            at.push_str(&match (missing, whole) {
                (true, true) => cell(report, p),
                (true, false) => format!("{}列", column(report, p).1),
                (false, _) => format!("第{}个数字", p.index.unwrap_or(0) + 1),
            });
        }
        if places.len() > 1 {
            at.push_str("之一");
        }
    }
    let reads = shown(one.values.as_deref().unwrap_or_default());
    match missing {
        true => format!("缺的是{at}的{}，补上后为 {reads}", one.to.unwrap_or(0)),
        false => format!("多出的是{at} {}，删去后为 {reads}", one.from.unwrap_or(0)),
    }
}

/// Placements of a missing or extra number, grouped by what the row would
/// then read.
fn placement(report: &Report, all: &[Suggestion], whole: bool) -> String {
    let mut readings: Vec<Vec<&Suggestion>> = Vec::new();
    for s in all {
        match readings.iter_mut().find(|r| r[0].values == s.values) {
            Some(places) => places.push(s),
            None => readings.push(vec![s]),
        }
    }
    let every = all.first().map_or(0, |s| s.values.as_ref().map_or(0, Vec::len) + usize::from(s.kind == Kind::Extra));
    match &readings[..] {
        [one] => format!("建议：按该行和各列的等式，{}；请对照原表核实后补正", place(report, one, whole, every)),
        [one, two, more @ ..] => format!(
            "建议：按该行和各列的等式，可能{}；也可能{}{}；请对照原表核实",
            place(report, one, whole, every),
            place(report, two, whole, every),
            if more.is_empty() { String::new() } else { format!("（另有{}种可能）", more.len()) }
        ),
        [] => "按该行和各列的等式，无论缺（或多）的是哪一个数字都对不上，可能另有数字有误；请对照原表核对".to_string(),
    }
}
