//! `table.value_count`: a row (or table 四) with more or fewer values than
//! the template has columns. Its values are then left absent, not shifted.

use super::{place, Document, Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::tables::model::RowIssue;

pub const RULE: Rule = Rule {
    code: "table.value_count",
    severity: Severity::Error,
    group: RuleGroup::National,
    title: "一行（或表四）的数字个数与模板不符",
    doc: RuleDoc {
        what: "每一行的数字个数应与模板的列数相同：表三每行7个，表四共15个，表二按所在栏目3个、2个或1个。",
        why: "多一个或少一个数字时，无法确定哪个数字属于哪一列；本工具不会猜测，该行数值按“未给出”处理，请核对原表。",
        example: "表三“（二）部分公开”行只有6个数字：0 0 0 0 0 0。",
        basis: "国务院办公厅政府信息公开工作年度报告格式中各表的列结构。",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    for (id, row, issue) in doc.issues() {
        if let RowIssue::ValueCount { found, expected, values, line, span } = issue {
            let shown = if values.is_empty() { "（无）".to_string() } else { values.join(" ") };
            let mut d = RULE
                .diag(format!("{}应有{}个数字，实际有{}个：{}", place(id, row), expected, found, shown))
                .line(*line)
                .span(*span)
                .at(id, row.map(|r| r.key), None);
            if row.is_some() {
                d = d.help("该行数值未采用；请对照原表补齐或删去多余的数字");
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::template::keys::requests as q;
    use crate::template::{v2019::V2019, v2021::V2021};
    use crate::testing::*;

    #[test]
    fn six_values_in_a_row_of_seven() {
        for v in [&V2019, &V2021] {
            let text = Sample::new(v).text().replace("不计其他情形）\t0\t0", "不计其他情形）\t0");
            let r = crate::check(&text, None);
            let d = with_code(&r, "table.value_count");
            assert_eq!(d.len(), 1, "{:?}", r.diagnostics);
            assert!(d[0].message.contains("应有7个数字，实际有6个"), "{}", d[0].message);
            assert_eq!(d[0].row, Some(q::PARTLY_GRANTED));
            assert!(r.requests_row(q::PARTLY_GRANTED).is_none(), "values of a miscounted row are absent");
        }
    }

    #[test]
    fn sixteen_numbers_in_table_four() {
        let text = Sample::new(&V2021).text().replace("0\t0\t0\n五", "0\t0\t0\t0\n五");
        let r = crate::check(&text, None);
        let d = with_code(&r, "table.value_count");
        assert_eq!(d.len(), 1, "{:?}", r.diagnostics);
        assert_eq!(d[0].message, "表四应有15个数字，实际有16个：0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0");
    }
}
