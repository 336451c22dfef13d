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
        ([_, _, ..], _) => {
            let each: Vec<String> = correction.changes.iter().map(|s| change(report, s)).collect();
            format!("建议：同时改{}格：{}，这{n}处不成立的等式都将成立（只改一格做不到）", each.len(), each.join("，"))
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
            let mended = mended(report, s);
            let rest = if s.complete { "" } else { "（与之相关的其他等式仍不成立）" };
            format!("{}，{mended}{rest}", change(report, s))
        }
        Kind::Missing => {
            format!("若缺的是{}的数，应为{}，该行为 {}", cell(report, s), s.to.unwrap_or(0), shown(s.values.as_deref()))
        }
        Kind::Extra => format!(
            "若多出的是第{}个数字 {}，删去后为 {}",
            s.index.unwrap_or(0) + 1,
            s.from.unwrap_or(0),
            shown(s.values.as_deref())
        ),
    }
}

/// `把「（一）予以公开」自然人列的 6 改为 0`.
fn change(report: &Report, s: &Suggestion) -> String {
    format!("把{}的 {} 改为 {}", cell(report, s), s.from.unwrap_or(0), s.to.unwrap_or(0))
}

/// `「（一）予以公开」自然人列`, as the report's own table names it.
fn cell(report: &Report, s: &Suggestion) -> String {
    let row = report.table(s.table).row(s.row);
    let label = row.map_or_else(|| s.row.to_string(), |r| r.printed());
    format!("「{label}」{}列", column(report, s))
}

/// The label of a suggestion's column: `自然人`.
fn column(report: &Report, s: &Suggestion) -> &'static str {
    let row = report.table(s.table).row(s.row);
    s.column.and_then(|c| row?.columns.iter().find(|k| k.key == c)).map_or("", |c| c.label)
}

/// `第1列和该行的等式都将成立`: the sums a change mends, by where they run.
fn mended(report: &Report, s: &Suggestion) -> String {
    let (mut along_column, mut along_row) = (false, false);
    for code in &s.repairs {
        let form =
            report.registry.versions().iter().filter_map(|v| v.grid(s.table)).find_map(|g| g.equations_of(code).next());
        match form.map(|e| &e.form) {
            Some(Form::EachColumn { .. }) => along_column = true,
            Some(Form::EachRow { .. }) => along_row = true,
            None => {}
        }
    }
    let column = s.column.and_then(|c| {
        let row = report.table(s.table).row(s.row)?;
        Some(format!("第{}列", row.columns.iter().position(|k| k.key == c)? + 1))
    });
    let row = if s.table == TableId::Review { "该组" } else { "该行" };
    match (along_column.then_some(column).flatten(), along_row) {
        (Some(c), true) => format!("{c}和{row}的等式都将成立"),
        (Some(c), false) => format!("{c}的等式将成立"),
        (None, _) => format!("{row}的等式将成立"),
    }
}

/// A row's values as the message shows numbers: `1 0 0 0 0 0 1`.
fn shown(values: Option<&[i64]>) -> String {
    values.unwrap_or_default().iter().map(i64::to_string).collect::<Vec<_>>().join(" ")
}

/// Placements of a missing or extra number: where it can be, grouped by
/// what the row would then read. `whole`: the numbers are a whole table's
/// (表四's one run), so a place names its group too.
fn placement(report: &Report, all: &[Suggestion], whole: bool) -> String {
    // The readings, in order, each with the places that give it.
    let mut readings: Vec<(&[i64], Vec<&Suggestion>)> = Vec::new();
    for s in all {
        let values = s.values.as_deref().unwrap_or_default();
        match readings.iter_mut().find(|(v, _)| *v == values) {
            Some((_, places)) => places.push(s),
            None => readings.push((values, vec![s])),
        }
    }
    let place = |s: &Suggestion| if whole { cell(report, s) } else { format!("{}列", column(report, s)) };
    let say = |(values, places): &(&[i64], Vec<&Suggestion>)| -> String {
        let reads = shown(Some(values));
        let one = places[0];
        let anywhere = places.len() == values.len() + usize::from(one.kind == Kind::Extra);
        match (one.kind, places.len()) {
            (Kind::Missing, 1) => format!("缺的是{}的数（应为{}），补上后为 {reads}", place(one), one.to.unwrap_or(0)),
            (Kind::Missing, _) if anywhere => {
                format!("缺的是一个{}（补在哪一格都一样），补上后为 {reads}", one.to.unwrap_or(0))
            }
            (Kind::Missing, _) => {
                let at: Vec<String> = places
                    .iter()
                    .map(|p| if whole { cell(report, p) } else { column(report, p).to_string() })
                    .collect();
                let at = if whole { at.join("、") } else { format!("{}列", at.join("、")) };
                format!("缺的是{at}中某一格的{}，补上后都为 {reads}", one.to.unwrap_or(0))
            }
            (_, 1) => {
                format!("多出的是第{}个数字 {}，删去后为 {reads}", one.index.unwrap_or(0) + 1, one.from.unwrap_or(0))
            }
            (_, _) if anywhere => {
                format!("多出的是一个{}（删去哪一个都一样），删去后为 {reads}", one.from.unwrap_or(0))
            }
            (_, _) => {
                let at: Vec<String> = places.iter().map(|p| (p.index.unwrap_or(0) + 1).to_string()).collect();
                format!("多出的是第{}个数字之一（都是{}），删去后为 {reads}", at.join("、"), one.from.unwrap_or(0))
            }
        }
    };
    match &readings[..] {
        [one] => format!("建议：按该行和各列的等式，{}；请对照原表核实后补正", say(one)),
        [one, two, ..] => format!(
            "建议：按该行和各列的等式，可能{}；也可能{}{}；请对照原表核实",
            say(one),
            say(two),
            if readings.len() > 2 { format!("（另有{}种可能）", readings.len() - 2) } else { String::new() }
        ),
        [] => "按该行和各列的等式，无论缺（或多）的是哪一个数字都对不上，可能另有数字有误；请对照原表核对".to_string(),
    }
}
