//! `table.missing_row`: a template row not found in a table that is there.

use super::{row_name, Document, Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::TableId;

pub const RULE: Rule = Rule {
    code: "table.missing_row",
    severity: Severity::Warning,
    group: RuleGroup::National,
    title: "表格缺少模板规定的行",
    doc: RuleDoc {
        what: "表二、表三中，模板规定的每一行都应出现（按所用模板版本）。",
        why: "缺行会让勾稽关系无法核对，也可能是复制时漏掉了一段。",
        example: "表三中找不到“（四）无法提供 2.没有现成信息需要另行制作”这一行。",
        basis: "国务院办公厅政府信息公开工作年度报告格式（2019年版、2021年版）。",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    for id in [TableId::Active, TableId::Requests] {
        let t = doc.table(id);
        if !t.found || t.unreadable.is_some() {
            continue;
        }
        for row in t.rows.iter().filter(|r| !r.found) {
            out.push(RULE.diag(format!("{}行未找到，是否粘贴不完整或行名有误？", row_name(id, row))).line(t.line).at(
                id,
                Some(row.key),
                None,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::template::{v2019::V2019, v2021::V2021, RowKey, TableId};
    use crate::testing::*;

    #[test]
    fn a_deleted_row_is_reported() {
        for v in [&V2019, &V2021] {
            let r = Sample::new(v).omit(TableId::Requests, RowKey("3.4.2")).check();
            let d = with_code(&r, "table.missing_row");
            assert_eq!(d.len(), 1, "{:?}", r.diagnostics);
            assert_eq!(d[0].row, Some(RowKey("3.4.2")));
            assert!(r.requests_row(RowKey("3.4.2")).is_none());
        }
    }
}
