//! `value.ambiguous`: digits glued together (cell separators lost) with no
//! single split that fits the template's arithmetic.

use super::{place, Document, Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::tables::model::RowIssue;

pub const RULE: Rule = Rule {
    code: "value.ambiguous",
    severity: Severity::Warning,
    group: RuleGroup::National,
    title: "数字粘连或缺少空格位置，无法唯一确定",
    doc: RuleDoc {
        what: "网页复制时单元格之间的分隔丢失，一行数字连成一串（如“640020470”）。本工具用表格自身的勾稽关系（行总计、组总计、列平衡）拆分；只有唯一解时才采用。",
        why: "多种拆法都说得通（或都说不通）时，任何一种都是猜测；该行数值按“未给出”处理，并列出可能的拆法供核对。",
        example: "表二“行政规范性文件”行为“693665”，可拆为 69|3|665、6|93|665 等。",
        basis: "年报表格的勾稽关系（见 requests.row_total、review.total）。",
    },
    check,
};

fn candidates(c: &[Vec<i64>]) -> String {
    if c.is_empty() {
        return "请核对原表".into();
    }
    let shown: Vec<String> =
        c.iter().take(5).map(|v| v.iter().map(i64::to_string).collect::<Vec<_>>().join("|")).collect();
    format!("可能的拆法：{}{}", shown.join("；"), if c.len() > 5 { "……" } else { "" })
}

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    for (id, row, issue) in doc.issues() {
        match issue {
            RowIssue::Ambiguous { digits, candidates: c, line, span } => out.push(
                RULE.diag(format!("{}的数字连在一起（{}），无法唯一拆分；{}", place(id, row), digits, candidates(c)))
                    .line(*line)
                    .span(*span)
                    .at(id, row.map(|r| r.key), None),
            ),
            RowIssue::Unplaced { values, candidates: c, more, line, span } => {
                let label = |k: &crate::template::ColKey| {
                    let columns = row.map_or(&[][..], |r| r.columns);
                    let column = columns.iter().chain(doc.table(id).rows.iter().flat_map(|r| r.columns.iter()));
                    column.clone().find(|x| x.key == *k).map_or(k.as_str(), |x| x.label)
                };
                let shown: Vec<String> = c.iter().map(|p| p.iter().map(label).collect::<Vec<_>>().join("、")).collect();
                let options = if shown.is_empty() {
                    "没有一种位置符合表格的勾稽关系".to_string()
                } else {
                    format!("可能的位置：{}{}", shown.join("；"), if *more { "……" } else { "" })
                };
                out.push(
                    RULE.diag(format!(
                        "{}只有{}个数字（{}），原文未标出哪些格留空，无法确定各数字所在的列；{}。只采用了各种位置都一致的格，请核对原表",
                        place(id, row),
                        values.len(),
                        values.join(" "),
                        options
                    ))
                    .line(*line)
                    .span(*span)
                    .at(id, row.map(|r| r.key), None),
                );
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::template::keys::{active as a, requests as q};
    use crate::template::{v2019::V2019, v2021::V2021, TableId};
    use crate::testing::*;

    #[test]
    fn glued_digits_with_many_splits() {
        for v in [&V2019, &V2021] {
            let r = Sample::new(v)
                .cell(TableId::Active, a::NORMATIVE_DOCUMENTS, v.active.blocks[0].columns[0].key, "693665")
                .check();
            // (The row's other cells follow as 0s: written glued, all of it.)
            let text = Sample::new(v).text().replace("行政规范性文件\t0\t0\t0", "行政规范性文件693665");
            let r2 = crate::check(&text, None);
            let d = with_code(&r2, "value.ambiguous");
            assert_eq!(d.len(), 1, "{:?}", r2.diagnostics);
            assert!(d[0].message.contains("693665") && d[0].message.contains("可能的拆法"), "{}", d[0].message);
            // It points at the digits, not at their whole line.
            let span = d[0].span.expect("a span");
            assert_eq!(&text[span.start..span.end], "693665");
            assert!(with_code(&r, "value.ambiguous").is_empty());
        }
    }

    #[test]
    fn glued_digits_with_one_split_are_taken() {
        let text = Sample::new(&V2021).row(TableId::Requests, q::NEW, &[64, 0, 0, 2, 0, 4, 70]).text().replace(
            "一、本年新收政府信息公开申请数量\t64\t0\t0\t2\t0\t4\t70",
            "一、本年新收政府信息公开申请数量640020470",
        );
        let r = crate::check(&text, None);
        assert!(!codes(&r).contains(&"value.ambiguous"), "{:?}", r.diagnostics);
        assert_eq!(r.requests_row(q::NEW).unwrap().get(&q::TOTAL), Some(&70));
    }
}
