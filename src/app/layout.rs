//! How the template draws each table: header cells and row labels with
//! their spans. The values come from the report; the words from the core's
//! template data, except the few captions the template prints around them.

use nianbao::render::request_row_label;
use nianbao::tables::model::{Row, Table};
use nianbao::template::{request_group_label, Column, REQUEST_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS};

/// A header or label cell and the grid cells it covers.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub text: String,
    pub colspan: usize,
    pub rowspan: usize,
}

fn span(text: impl Into<String>, colspan: usize, rowspan: usize) -> Span {
    Span { text: text.into(), colspan, rowspan }
}

// ------------------------------------------------------------- table 三

/// Label columns at the left of table 三 (一、 / （一） / 1.).
pub const REQUEST_LABEL_COLUMNS: usize = 3;

/// Table 三's three header rows: 申请人情况 over 自然人, 法人或其他组织 (five
/// columns) and 总计.
pub fn requests_head() -> Vec<Vec<Span>> {
    let c = &REQUEST_COLUMNS;
    let legal = &c[1..6];
    vec![
        vec![
            span("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", REQUEST_LABEL_COLUMNS, 3),
            span("申请人情况", c.len(), 1),
        ],
        vec![span(c[0].label, 1, 2), span("法人或其他组织", legal.len(), 1), span(c[6].label, 1, 2)],
        legal.iter().map(|col| span(col.label, 1, 1)).collect(),
    ]
}

/// The label cells each row of table 三 starts with: the group headings
/// (三、本年度办理结果, （三）不予公开 …) on the group's first row, spanning its
/// rows, then the row's own label spanning the label columns left.
pub fn requests_labels(rows: &[Row]) -> Vec<Vec<Span>> {
    rows.iter()
        .enumerate()
        .map(|(i, row)| {
            let parts: Vec<&str> = row.key.split('.').collect();
            let mut cells = Vec::new();
            for depth in 1..parts.len() {
                let prefix = parts[..depth].join(".") + ".";
                let first = rows.iter().position(|r| r.key.starts_with(&prefix));
                if first == Some(i) {
                    let group = &prefix[..prefix.len() - 1];
                    let count = rows.iter().filter(|r| r.key.starts_with(&prefix)).count();
                    cells.push(span(request_group_label(group).unwrap_or(group), 1, count));
                }
            }
            let colspan = REQUEST_LABEL_COLUMNS + 1 - parts.len().min(REQUEST_LABEL_COLUMNS);
            cells.push(span(request_row_label(row.key), colspan, 1));
            cells
        })
        .collect()
}

// ------------------------------------------------------------- table 四

/// Table 四's header: 行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉), then
/// the five columns under each group.
pub fn review_head() -> Vec<Vec<Span>> {
    let n = REVIEW_COLUMNS.len();
    let (review, litigation) = REVIEW_GROUPS.split_first().expect("table 四 has groups");
    vec![
        vec![span(review.label, n, 2), span("行政诉讼", n * litigation.len(), 1)],
        litigation.iter().map(|g| span(inner(g.label), n, 1)).collect(),
        REVIEW_GROUPS.iter().flat_map(|_| REVIEW_COLUMNS.iter().map(|c| span(c.label, 1, 1))).collect(),
    ]
}

/// `行政诉讼（复议后起诉）` → `复议后起诉`.
fn inner(label: &str) -> &str {
    match (label.find('（'), label.rfind('）')) {
        (Some(a), Some(b)) if a < b => &label[a + '（'.len_utf8()..b],
        _ => label,
    }
}

// ------------------------------------------------------------- table 二

/// The article item each row of table 二 reports on, as the template heads it.
const ACTIVE_ITEMS: [(&str, &str); 8] = [
    ("regulations", "第二十条第（一）项"),
    ("normative_documents", "第二十条第（一）项"),
    ("licensing", "第二十条第（五）项"),
    ("other_services", "第二十条第（五）项"),
    ("punishment", "第二十条第（六）项"),
    ("enforcement", "第二十条第（六）项"),
    ("fees", "第二十条第（八）项"),
    ("procurement", "第二十条第（九）项"),
];

/// Widest block of table 二 (three value columns).
pub const ACTIVE_VALUE_COLUMNS: usize = 3;

/// One block of table 二: its caption, its columns, its rows in order.
pub struct ActiveBlock<'a> {
    pub item: &'static str,
    pub columns: &'static [Column],
    pub rows: Vec<&'a Row>,
}

/// Table 二 cut into blocks: consecutive rows of one article item with the
/// same columns (each row keeps the columns of its own version).
pub fn active_blocks(table: &Table) -> Vec<ActiveBlock<'_>> {
    let mut blocks: Vec<ActiveBlock> = Vec::new();
    for row in &table.rows {
        let item = ACTIVE_ITEMS.iter().find(|(k, _)| *k == row.key).map_or("", |(_, item)| *item);
        match blocks.last_mut() {
            Some(b) if b.item == item && b.columns == row.columns => b.rows.push(row),
            _ => blocks.push(ActiveBlock { item, columns: row.columns, rows: vec![row] }),
        }
    }
    blocks
}

/// How many grid columns the `i`th of `n` value columns spans, so that every
/// block fills the width of the widest.
pub fn active_colspan(i: usize, n: usize) -> usize {
    if i + 1 == n {
        ACTIVE_VALUE_COLUMNS.saturating_sub(n) + 1
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::EXAMPLES;

    fn width(row: &[Span]) -> usize {
        row.iter().map(|s| s.colspan).sum()
    }

    #[test]
    fn requests_labels_fill_the_label_columns_on_every_row() {
        for ex in &EXAMPLES {
            let report = nianbao::check(ex.text, None);
            let rows = &report.tables.requests.rows;
            let labels = requests_labels(rows);
            // Grid cells covered in the label columns, row by row.
            let mut covered = vec![0; rows.len()];
            for (i, cells) in labels.iter().enumerate() {
                for s in cells {
                    for c in covered.iter_mut().skip(i).take(s.rowspan) {
                        *c += s.colspan;
                    }
                }
            }
            assert!(covered.iter().all(|&c| c == REQUEST_LABEL_COLUMNS), "{}: {covered:?}", ex.name);
            let first_outcome = rows.iter().position(|r| r.key == "3.1").unwrap();
            assert_eq!(labels[first_outcome][0].text, "三、本年度办理结果");
        }
    }

    #[test]
    fn the_2021_template_groups_other_outcomes() {
        let report = nianbao::check(EXAMPLES[3].text, None);
        let rows = &report.tables.requests.rows;
        let labels = requests_labels(rows);
        let i = rows.iter().position(|r| r.key == "3.6.1").unwrap();
        assert_eq!(labels[i][0], span("（六）其他处理", 1, 3));
        assert_eq!(labels[i][1].text, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请");
    }

    #[test]
    fn headers_are_as_wide_as_the_body() {
        let head = requests_head();
        assert_eq!(width(&head[0]), REQUEST_LABEL_COLUMNS + REQUEST_COLUMNS.len());
        assert_eq!(width(&head[1]), REQUEST_COLUMNS.len());
        // 自然人 and 总计 reach down from the row above.
        assert_eq!(width(&head[2]) + 2, REQUEST_COLUMNS.len());
        let head = review_head();
        assert_eq!(head[2].len(), 15);
        assert_eq!(width(&head[0]), 15);
        assert_eq!(head[1][1].text, "复议后起诉");
    }

    #[test]
    fn active_blocks_follow_the_article_items() {
        let report = nianbao::check(EXAMPLES[1].text, None);
        let blocks = active_blocks(&report.tables.active);
        let items: Vec<&str> = blocks.iter().map(|b| b.item).collect();
        assert_eq!(
            items,
            [
                "第二十条第（一）项",
                "第二十条第（五）项",
                "第二十条第（六）项",
                "第二十条第（八）项",
                "第二十条第（九）项"
            ]
        );
        for b in &blocks {
            let w: usize = (0..b.columns.len()).map(|i| active_colspan(i, b.columns.len())).sum();
            assert_eq!(w, ACTIVE_VALUE_COLUMNS);
        }
    }
}
