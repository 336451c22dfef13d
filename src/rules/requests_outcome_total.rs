//! `requests.outcome_total`: （七）总计 = the sum of the outcome rows, per column.

use super::{column_label, Document, Rule};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::{TableId, REQUEST_COLUMNS};

pub const RULE: Rule = Rule {
    code: "requests.outcome_total",
    severity: Severity::Error,
    title: "表三每一列：（七）总计 = （一）至（六）各项之和",
    doc: "检查内容：表三每一列的“（七）总计”，应等于“（一）予以公开”“（二）部分公开”以及（三）不予公开、（四）无法提供、（五）不予处理、（六）其他处理各小项之和。\n\
为什么：（七）是本年度办理结果的合计；合计与分项不符，说明某一分项漏填或填错。\n\
示例：予以公开=2、不予公开第5项=1，其余为0，（七）总计却填2：2+1=3≠2。\n\
依据：年报格式表三“三、本年度办理结果”的结构。",
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    let t = &doc.tables.requests;
    let Some(total) = t.row("3.7") else { return };
    if !total.found {
        return;
    }
    let parts: Vec<_> = t.rows.iter().filter(|r| r.key.starts_with("3.") && r.key != "3.7").collect();
    // One buffer for every column's values.
    let mut values = Vec::with_capacity(parts.len());
    for (i, col) in REQUEST_COLUMNS.iter().enumerate() {
        let Some(stated) = total.int(col.key) else { continue };
        values.clear();
        if parts.iter().try_for_each(|r| r.int(col.key).map(|v| values.push(v))).is_none() {
            continue;
        }
        let sum: i64 = values.iter().sum();
        if sum != stated {
            let nonzero: Vec<String> = parts
                .iter()
                .zip(&values)
                .filter(|(_, v)| **v != 0)
                .map(|(r, v)| format!("{}={}", crate::render::request_row_short(r.key), v))
                .collect();
            let detail = if nonzero.is_empty() { "各分项均为0".to_string() } else { nonzero.join("，") };
            out.push(
                RULE.diag(format!(
                    "表三第{}列（{}）：（七）总计为{}，但各办理结果之和为{}（{}）",
                    i + 1,
                    column_label(total, col.key),
                    stated,
                    sum,
                    detail
                ))
                .line(total.line)
                .at(TableId::Requests, Some("3.7"), Some(col.key))
                .span(total.cell(col.key).and_then(|c| c.span)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::*;

    #[test]
    fn outcome_rows_must_add_up() {
        let text = report_2021(
            &[
                ("1", [3, 0, 0, 0, 0, 0, 3]),
                ("3.1", [2, 0, 0, 0, 0, 0, 2]),
                ("3.3.5", [1, 0, 0, 0, 0, 0, 1]),
                ("3.7", [2, 0, 0, 0, 0, 0, 2]),
                ("4", [1, 0, 0, 0, 0, 0, 1]),
            ],
            [0; 15],
            "",
        );
        let r = check_text(&text);
        let d: Vec<_> = r.diagnostics.iter().filter(|d| d.code == "requests.outcome_total").collect();
        assert_eq!(d.len(), 2, "{:?}", r.diagnostics);
        assert!(d[0].message.contains("（七）总计为2，但各办理结果之和为3"), "{}", d[0].message);
    }
}
