//! `requests.outcome_total`: （七）总计 = the sum of the outcome rows, per column.

use super::{broken_sums, column_label, Document, Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::TableId;

pub const RULE: Rule = Rule {
    code: "requests.outcome_total",
    severity: Severity::Error,
    group: RuleGroup::National,
    title: "表三每一列：（七）总计 = （一）至（六）各项之和",
    doc: RuleDoc {
        what: "表三每一列的“（七）总计”，应等于“（一）予以公开”“（二）部分公开”以及（三）不予公开、（四）无法提供、（五）不予处理、（六）其他处理各小项之和。",
        why: "（七）是本年度办理结果的合计；合计与分项不符，说明某一分项漏填或填错。",
        example: "予以公开=2、不予公开第5项=1，其余为0，（七）总计却填2：2+1=3≠2。",
        basis: "年报格式表三“三、本年度办理结果”的结构。",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(grid) = doc.grid(TableId::Requests) else { return };
    for b in broken_sums(doc, TableId::Requests, RULE.code) {
        let [(total, column, stated)] = b.left[..] else { continue };
        let i = grid.columns.iter().position(|c| c.key == column).unwrap_or(0);
        let nonzero: Vec<String> =
            b.right.iter().filter(|c| c.2 != 0).map(|(r, _, v)| format!("{}={}", grid.short_name(r.key), v)).collect();
        let detail = if nonzero.is_empty() { "各分项均为0".to_string() } else { nonzero.join("，") };
        out.push(
            RULE.diag(format!(
                "表三第{}列（{}）：（七）总计为{}，但各办理结果之和为{}（{}）",
                i + 1,
                column_label(total, column),
                stated,
                b.right_sum(),
                detail
            ))
            .line(total.line)
            .at(TableId::Requests, Some(total.key), Some(column))
            .span(total.cell(column).and_then(|c| c.span)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::template::keys::requests as q;
    use crate::template::{v2019::V2019, v2021::V2021, RowKey, TableId};
    use crate::testing::*;

    #[test]
    fn outcome_rows_must_add_up() {
        for v in [&V2019, &V2021] {
            let t = TableId::Requests;
            let r = Sample::new(v)
                .row(t, q::NEW, &[3, 0, 0, 0, 0, 0, 3])
                .row(t, q::GRANTED, &[2, 0, 0, 0, 0, 0, 2])
                .row(t, RowKey("3.3.5"), &[1, 0, 0, 0, 0, 0, 1])
                .row(t, q::OUTCOME_TOTAL, &[2, 0, 0, 0, 0, 0, 2])
                .row(t, q::CARRIED_FORWARD, &[1, 0, 0, 0, 0, 0, 1])
                .check();
            let d = with_code(&r, "requests.outcome_total");
            assert_eq!(d.len(), 2, "{:?}", r.diagnostics);
            assert!(
                d[0].message.contains("（七）总计为2，但各办理结果之和为3（（一）予以公开=2，不予公开第5项=1）"),
                "{}",
                d[0].message
            );
        }
    }
}
