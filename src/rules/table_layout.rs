//! `table.layout`: a table whose text layout cannot be rebuilt into rows
//! and columns reliably (column-major PDF text that no single arrangement
//! fits; a table written in blocks, its header split around its numbers).
//! Nothing of that table is taken.

use super::{Document, Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::TableId;

pub const RULE: Rule = Rule {
    code: "table.layout",
    severity: Severity::Warning,
    group: RuleGroup::National,
    title: "表格文字的排列无法可靠还原",
    doc: RuleDoc {
        what: "有些PDF转出的文字是“按列”排列的：先列出一页表格的全部行名，再逐列列出数字，每行一个。本工具按模板的行列结构重排，并用表内的勾稽关系（每行总计、每列总计、列平衡）验证；只有恰好一种排法全部相符时才采用。还有些转出的文字把表格拆成几块（表头的列名一部分在数字之前、一部分在数字之后，如pdftotext不带-layout参数），数字已离开所在的行，无从重排。",
        why: "排法不唯一或都不相符时，任何一种都是猜测，把数字放错格比不给出更糟；此时该表的数字一律不采用，也不据此检查。",
        example: "表三按列提取，重排后“一、本年新收”行的总计不等于各列之和，且换用其他排法也不相符。",
        basis: "年报格式表三的行列结构及表头注明的勾稽关系。建议改用按行复制的文字（从Word、网页复制，或PDF阅读器的“版式”文本）。",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    for id in TableId::ALL {
        let t = doc.table(id);
        if let Some(why) = &t.unreadable {
            out.push(
                RULE.diag(format!("{}的文字排列无法可靠还原：{}；该表数字未采用", id.name(), why))
                    .line(t.line)
                    .at(id, None, None)
                    .help("请改用按行复制的文字（从Word或网页复制，或PDF阅读器的“版式”文本）再检查"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::template::keys::requests as q;
    use crate::template::{v2021::V2021, TableId};
    use crate::testing::*;

    /// Table 三's first two rows given column-major: labels, then each
    /// column's two numbers one a line.
    fn column_major(first: [i64; 7], second: [i64; 7]) -> String {
        let text = Sample::new(&V2021)
            .row(TableId::Requests, q::NEW, &first)
            .row(TableId::Requests, q::CARRIED_OVER, &second)
            .text();
        let start = text.find("一、本年新收政府信息公开申请数量").unwrap();
        let end = text.find("（一）予以公开").unwrap();
        let mut page = String::from("一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n");
        for c in 0..7 {
            page.push_str(&format!("{}\n{}\n", first[c], second[c]));
        }
        format!("{}{}{}", &text[..start], page, &text[end..])
    }

    #[test]
    fn a_column_major_page_that_adds_up_is_rebuilt() {
        let r = crate::check(&column_major([5, 1, 0, 0, 0, 0, 6], [1, 0, 0, 0, 0, 0, 1]), None);
        assert!(!codes(&r).contains(&"table.layout"), "{:?}", r.diagnostics);
        assert_eq!(r.requests_row(q::NEW).unwrap().get(&q::COMMERCIAL), Some(&1));
        assert_eq!(r.requests_row(q::CARRIED_OVER).unwrap().get(&q::TOTAL), Some(&1));
    }

    #[test]
    fn a_column_major_page_that_fits_no_arrangement_is_not_read() {
        let r = crate::check(&column_major([1, 2, 3, 4, 5, 6, 100], [0, 0, 0, 0, 0, 0, 0]), None);
        let d = with_code(&r, "table.layout");
        assert_eq!(d.len(), 1, "{:?}", r.diagnostics);
        assert!(d[0].message.contains("表三"), "{}", d[0].message);
        assert!(r.requests_row(q::NEW).is_none() && r.requests_row(q::OUTCOME_TOTAL).is_none(), "nothing is assigned");
        assert!(!codes(&r).contains(&"requests.row_total"));
    }

    #[test]
    fn a_row_with_too_many_numbers_one_a_line_is_not_a_page() {
        // One cell a line; the label of （二） is lost, so its numbers run
        // on after （一）'s under the group heading: 14 numbers, one row.
        let text = Sample::new(&V2021).text();
        let start = text.find("（一）予以公开").unwrap();
        let end = text.find("1.属于国家秘密").unwrap();
        let cells = "0\n".repeat(14);
        let t = format!("{}三、本年度办理结果\n（一）予以公开\n{cells}{}", &text[..start], &text[end..]);
        let r = crate::check(&t, None);
        assert!(!codes(&r).contains(&"table.layout"), "{:?}", r.diagnostics);
        assert!(codes(&r).contains(&"table.value_count"));
        assert!(r.requests_row(q::NEW).is_some(), "the rest of the table is read");
    }

    /// Table 三 as `pdftotext` without `-layout` writes it: the left
    /// columns' names, the first rows one value a line, then the right
    /// columns' names and the rest.
    fn in_blocks() -> String {
        let text = Sample::new(&V2021).text();
        let start = text.find("申请人情况").unwrap();
        let end = text.find("（一）予以公开").unwrap();
        let left = "自然人\n商业企业\n科研机构\n";
        let right = "社会公益组织\n法律服务机构\n其他\n总计\n";
        let first = "一、本年新收政府信息公开申请数量\n\n494\n\n二、上年结转政府信息公开申请数量\n\n1\n\n4\n4\n";
        format!("{}{left}{first}{right}16 514\n37\n{}", &text[..start], &text[end..])
    }

    /// The table-layout diagnostics of a report: (table, message).
    fn layout(r: &crate::Report) -> Vec<(Option<TableId>, &str)> {
        with_code(r, "table.layout").into_iter().map(|d| (d.table, d.message.as_str())).collect()
    }

    #[test]
    fn a_header_split_around_the_numbers_is_not_read() {
        let r = crate::check(&in_blocks(), None);
        let d = layout(&r);
        assert_eq!(d.len(), 2, "{:?}", r.diagnostics);
        assert!(d.iter().any(|(t, m)| *t == Some(TableId::Requests) && m.contains("表头")), "{d:?}");
        // Table 二 of the same page, which has no arithmetic to show its
        // values stayed in place, is not read either.
        assert!(d.iter().any(|(t, m)| *t == Some(TableId::Active) && m.contains("表三")), "{d:?}");
        assert!(r.requests_row(q::NEW).is_none() && r.requests_row(q::CARRIED_OVER).is_none(), "nothing is assigned");
        assert!(r.tables.active.rows.iter().all(|row| !row.has_values()));
    }

    #[test]
    fn a_header_repeated_whole_is_no_split() {
        // A page break: the whole header again before （一）.
        let text = Sample::new(&V2021).text();
        let header_at = text.find("申请人情况").unwrap();
        let header = &text[header_at..=header_at + text[header_at..].find('\n').unwrap()];
        let at = text.find("（一）予以公开").unwrap();
        let r = crate::check(&format!("{}{header}{}", &text[..at], &text[at..]), None);
        assert!(layout(&r).is_empty(), "{:?}", r.diagnostics);
        assert_eq!(r.requests_row(q::GRANTED).unwrap().get(&q::TOTAL), Some(&0));
    }

    /// Numbers between two rows in text that is no row's label (a label's
    /// tail cut off, with other rows' values after it), as `pdftotext`
    /// without `-layout` leaves them; numbers in prose before the table
    /// are not.
    #[test]
    fn numbers_no_row_takes_are_not_read() {
        let text = Sample::new(&V2021).text();
        let at = text.find("（一）予以公开").unwrap();
        let stray = format!("{}不计其他情形）\n\n3\n4\n{}", &text[..at], &text[at..]);
        let r = crate::check(&stray, None);
        let d = layout(&r);
        assert!(d.iter().any(|(t, m)| *t == Some(TableId::Requests) && m.contains("不在任何一行")), "{d:?}");
        assert!(d.iter().any(|(t, _)| *t == Some(TableId::Active)), "{d:?}");
        assert!(r.requests_row(q::NEW).is_none());

        let header = text.find("申请人情况").unwrap();
        let prose = format!("{}本年度共收到申请3件，办结2件，结转1件。\n{}", &text[..header], &text[header..]);
        let r = crate::check(&prose, None);
        assert!(layout(&r).is_empty(), "{:?}", r.diagnostics);
        assert_eq!(r.requests_row(q::NEW).unwrap().get(&q::TOTAL), Some(&0));
    }

    /// Table 三 as `pdftotext` without `-layout` writes a table with empty
    /// cells: each row's label, then its values one a line, empty cells
    /// leaving nothing; `given` are the values each row gets, by key.
    fn one_a_line(given: &[(crate::template::RowKey, &[i64])]) -> String {
        written(given, true)
    }

    /// [`one_a_line`], or each row's values on its label's line (`apart`
    /// false), as a PDF's raw or laid-out text sets them.
    fn written(given: &[(crate::template::RowKey, &[i64])], apart: bool) -> String {
        let text = Sample::new(&V2021).text();
        let start = text.find("申请人情况").unwrap();
        // To the end of the table's last row, 四、结转下年度继续办理.
        let last = start + text[start..].find("\n四、").unwrap() + 1;
        let end = last + text[last..].find('\n').unwrap() + 1;
        let mut table = String::from("申请人情况\n");
        for c in V2021.requests.columns {
            table.push_str(&format!("{}\n", c.label));
        }
        for row in V2021.requests.rows {
            table.push_str(&row.printed());
            table.push_str(if apart { "\n\n" } else { "" });
            for (_, values) in given.iter().filter(|(k, _)| *k == row.key) {
                for v in *values {
                    table.push_str(&if apart { format!("{v}\n\n") } else { format!(" {v}") });
                }
            }
            if !apart {
                table.push('\n');
            }
        }
        format!("{}{table}{}", &text[..start], &text[end..])
    }

    /// Values dealt to the wrong rows, each a value or two along, so that
    /// most rows given values keep no sums however they are placed: not
    /// read. A report's own slips in a row or two are its errors.
    #[test]
    fn values_that_fit_none_of_their_rows_are_not_read() {
        // The truth: 一 5 and 二 1 (自然人), all 4 granted, 2 carried forward.
        let dealt = one_a_line(&[
            (q::NEW, &[5]),
            (q::CARRIED_OVER, &[5, 1]),
            (q::GRANTED, &[1, 4, 4]),
            (q::OUTCOME_TOTAL, &[4, 2]),
            (q::CARRIED_FORWARD, &[2]),
        ]);
        let r = crate::check(&dealt, None);
        let d = layout(&r);
        assert!(d.iter().any(|(t, m)| *t == Some(TableId::Requests) && m.contains("对不上")), "{:?}", r.diagnostics);
        assert!(r.requests_row(q::GRANTED).is_none(), "nothing is assigned");

        // Each row's values on its label's line stayed beside one another
        // (a report that leaves its 总计 cells empty breaks such rows' sums).
        let rows = [
            (q::NEW, &[5][..]),
            (q::CARRIED_OVER, &[5, 1]),
            (q::GRANTED, &[1, 4, 4]),
            (q::OUTCOME_TOTAL, &[4, 2]),
            (q::CARRIED_FORWARD, &[2]),
        ];
        let r = crate::check(&written(&rows, false), None);
        assert!(layout(&r).is_empty(), "{:?}", r.diagnostics);

        // The same table with two rows whose totals are wrong: read, and
        // the rest of it placed.
        let slips = one_a_line(&[
            (q::NEW, &[5, 6]),
            (q::CARRIED_OVER, &[1, 1]),
            (q::GRANTED, &[4, 4]),
            (q::OUTCOME_TOTAL, &[4, 4]),
            (q::CARRIED_FORWARD, &[2, 3]),
        ]);
        let r = crate::check(&slips, None);
        assert!(layout(&r).is_empty(), "{:?}", r.diagnostics);
        assert_eq!(r.requests_row(q::GRANTED).unwrap().get(&q::TOTAL), Some(&4), "{:?}", r.diagnostics);
    }
}
