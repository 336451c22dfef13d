//! How the template draws each table: header cells and row labels with
//! their spans, and where each value goes. One model that every view draws
//! from (the widget's HTML, the Leptos app, the exports), so that they
//! cannot draw a table differently.

use crate::tables::model::{Row, Table};
use crate::template::{
    ColKey, Column, Registry, RowKey, TableId, ACTIVE_HEAD_CONTENT, REQUESTS_HEAD_APPLICANTS, REQUESTS_HEAD_CORNER,
    REQUESTS_HEAD_LEGAL_PERSONS, REVIEW_HEAD_LITIGATION,
};

/// A header or label cell and the grid cells it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub colspan: usize,
    pub rowspan: usize,
}

fn span(text: impl Into<String>, colspan: usize, rowspan: usize) -> Span {
    Span { text: text.into(), colspan, rowspan }
}

/// Where a value goes: the cell of (row, column), spanning `colspan` grid
/// columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    pub row: RowKey,
    pub column: ColKey,
    pub colspan: usize,
}

/// A row of a table's body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BodyRow {
    /// A caption across the table: table 二's `第二十条第（一）项`.
    Caption(Span),
    /// Column headings inside the body: table 二's `信息内容 | 本年制发件数 …`.
    Head(Vec<Span>),
    /// A row of values: its label cells (group headings on a group's first
    /// row, spanning its rows, then its own label), then its values. `row`
    /// is the template row it draws (`None` for table 四's one row of all
    /// three groups).
    Values { row: Option<RowKey>, labels: Vec<Span>, slots: Vec<Slot> },
}

/// A table as the template draws it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    pub table: TableId,
    /// Grid columns before the values: table 三's three label columns.
    pub label_columns: usize,
    /// Grid columns of values.
    pub value_columns: usize,
    pub head: Vec<Vec<Span>>,
    pub body: Vec<BodyRow>,
}

impl Layout {
    /// The layout of a rebuilt table: its rows as read, each with the
    /// columns of its own version.
    pub fn of(table: &Table, registry: &Registry) -> Layout {
        match table.id {
            TableId::Active => active(&table.rows, registry),
            TableId::Requests => requests(&table.rows, registry),
            TableId::Review => review(&table.rows),
        }
    }

    /// Every grid column.
    pub fn width(&self) -> usize {
        self.label_columns + self.value_columns
    }
}

// ------------------------------------------------------------- table 三

/// Table 三: three header rows (申请人情况 over 自然人, 法人或其他组织 and
/// 总计), then each row with its group headings.
fn requests(rows: &[Row], registry: &Registry) -> Layout {
    const LABEL_COLUMNS: usize = 3;
    let columns = rows.first().map_or(&[][..], |r| r.columns);
    let n = columns.len();
    let label = |i: usize| columns.get(i).map_or("", |c: &Column| c.label);
    let legal = n.saturating_sub(2);
    let head = vec![
        vec![span(REQUESTS_HEAD_CORNER, LABEL_COLUMNS, 3), span(REQUESTS_HEAD_APPLICANTS, n, 1)],
        vec![span(label(0), 1, 2), span(REQUESTS_HEAD_LEGAL_PERSONS, legal, 1), span(label(n.saturating_sub(1)), 1, 2)],
        (1..=legal).map(|i| span(label(i), 1, 1)).collect(),
    ];
    let body = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let parts: Vec<&str> = row.key.0.split('.').collect();
            let mut labels = Vec::new();
            for depth in 1..parts.len() {
                let group = parts[..depth].join(".");
                let under = |r: &Row| r.key.is_under(&group);
                if rows.iter().position(under) == Some(i) {
                    let count = rows.iter().filter(|r| under(r)).count();
                    labels.push(span(group_title(registry, &group), 1, count));
                }
            }
            let colspan = LABEL_COLUMNS + 1 - parts.len().min(LABEL_COLUMNS);
            labels.push(span(row.printed(), colspan, 1));
            BodyRow::Values { row: Some(row.key), labels, slots: slots(row, |_| 1) }
        })
        .collect();
    Layout { table: TableId::Requests, label_columns: LABEL_COLUMNS, value_columns: n, head, body }
}

/// A group heading of table 三 as the template prints it.
fn group_title(registry: &Registry, group: &str) -> &'static str {
    registry.versions().iter().rev().find_map(|v| v.requests.group(group)).map_or("", |g| g.title)
}

fn slots(row: &Row, colspan: impl Fn(usize) -> usize) -> Vec<Slot> {
    row.columns.iter().enumerate().map(|(i, c)| Slot { row: row.key, column: c.key, colspan: colspan(i) }).collect()
}

// ------------------------------------------------------------- table 四

/// Table 四: 行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉), the five
/// columns under each group, and one row of all fifteen values.
fn review(rows: &[Row]) -> Layout {
    let n = rows.first().map_or(0, |r| r.columns.len());
    let mut head = vec![Vec::new(), Vec::new(), Vec::new()];
    if let Some((first, litigation)) = rows.split_first() {
        head[0] = vec![span(first.label, n, 2), span(REVIEW_HEAD_LITIGATION, n * litigation.len(), 1)];
        head[1] = litigation.iter().map(|g| span(inner(g.label), n, 1)).collect();
        head[2] = rows.iter().flat_map(|r| r.columns.iter().map(|c| span(c.label, 1, 1))).collect();
    }
    let slots = rows.iter().flat_map(|r| slots(r, |_| 1)).collect();
    let body = vec![BodyRow::Values { row: None, labels: Vec::new(), slots }];
    Layout { table: TableId::Review, label_columns: 0, value_columns: n * rows.len(), head, body }
}

/// `行政诉讼（复议后起诉）` → `复议后起诉`.
fn inner(label: &str) -> &str {
    match (label.find('（'), label.rfind('）')) {
        (Some(a), Some(b)) if a < b => &label[a + '（'.len_utf8()..b],
        _ => label,
    }
}

// ------------------------------------------------------------- table 二

/// The widest block of table 二 (three value columns); every block fills it.
const ACTIVE_VALUE_COLUMNS: usize = 3;

/// Table 二: blocks of rows, each under its 第二十条 item and its own column
/// headings (a row keeps the columns of its own version); a block's last
/// column spans what its block leaves of the width.
fn active(rows: &[Row], registry: &Registry) -> Layout {
    let colspan = |i: usize, n: usize| if i + 1 == n { ACTIVE_VALUE_COLUMNS.saturating_sub(n) + 1 } else { 1 };
    let items = registry.active_rows();
    let item_of = |key: RowKey| items.iter().find(|r| r.spec.key == key).map_or("", |r| r.item);
    let mut body = Vec::new();
    let mut previous: Option<(&str, &[Column])> = None;
    for row in rows {
        let block = (item_of(row.key), row.columns);
        if previous != Some(block) {
            body.push(BodyRow::Caption(span(block.0, 1 + ACTIVE_VALUE_COLUMNS, 1)));
            let n = row.columns.len();
            let mut head = vec![span(ACTIVE_HEAD_CONTENT, 1, 1)];
            head.extend(row.columns.iter().enumerate().map(|(i, c)| span(c.label, colspan(i, n), 1)));
            body.push(BodyRow::Head(head));
            previous = Some(block);
        }
        let n = row.columns.len();
        body.push(BodyRow::Values {
            row: Some(row.key),
            labels: vec![span(row.label, 1, 1)],
            slots: slots(row, |i| colspan(i, n)),
        });
    }
    Layout { table: TableId::Active, label_columns: 1, value_columns: ACTIVE_VALUE_COLUMNS, head: Vec::new(), body }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed(name: &str) -> crate::Report {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
        let file = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .find(|p| {
                p.file_name().unwrap().to_string_lossy().starts_with(name) && p.extension().is_some_and(|x| x == "txt")
            })
            .unwrap();
        crate::check(&std::fs::read_to_string(file).unwrap(), None)
    }

    fn width(row: &[Span]) -> usize {
        row.iter().map(|s| s.colspan).sum()
    }

    /// Grid columns covered on each body row, rowspans included.
    fn covered(layout: &Layout) -> Vec<usize> {
        let mut covered = vec![0; layout.body.len()];
        for (i, row) in layout.body.iter().enumerate() {
            let spans: Vec<(usize, usize)> = match row {
                BodyRow::Caption(s) => vec![(s.colspan, s.rowspan)],
                BodyRow::Head(h) => h.iter().map(|s| (s.colspan, s.rowspan)).collect(),
                BodyRow::Values { labels, slots, .. } => {
                    labels.iter().map(|s| (s.colspan, s.rowspan)).chain(slots.iter().map(|s| (s.colspan, 1))).collect()
                }
            };
            for (colspan, rowspan) in spans {
                for c in covered.iter_mut().skip(i).take(rowspan) {
                    *c += colspan;
                }
            }
        }
        covered
    }

    #[test]
    fn every_row_fills_the_width() {
        for s in ["000", "001", "002", "003", "004"] {
            let report = seed(s);
            for id in TableId::ALL {
                let layout = Layout::of(report.table(id), Registry::national());
                assert!(covered(&layout).iter().all(|&c| c == layout.width()), "{s} {id:?}: {:?}", covered(&layout));
                for (i, head) in layout.head.iter().enumerate() {
                    // Header cells that reach down from the rows above fill the rest.
                    let from_above: usize = layout.head[..i]
                        .iter()
                        .flat_map(|h| h.iter())
                        .filter(|s| s.rowspan > 1)
                        .map(|s| s.colspan)
                        .sum();
                    assert!(width(head) + from_above >= layout.value_columns, "{s} {id:?} head {i}");
                }
            }
        }
    }

    #[test]
    fn table_three_groups_its_outcomes() {
        let report = seed("003");
        let layout = Layout::of(&report.tables.requests, Registry::national());
        let labels = |key: &str| {
            layout.body.iter().find_map(|r| match r {
                BodyRow::Values { row: Some(k), labels, .. } if *k == key => Some(labels.clone()),
                _ => None,
            })
        };
        let outcomes = report.tables.requests.rows.iter().filter(|r| r.key.is_under("3")).count();
        assert_eq!(labels("3.1").unwrap()[0], span("三、本年度办理结果", 1, outcomes));
        assert_eq!(labels("3.3.1").unwrap()[0], span("（三）不予公开", 1, 8));
        assert_eq!(labels("3.6.1").unwrap()[0], span("（六）其他处理", 1, 3));
        assert_eq!(labels("1").unwrap(), [span("一、本年新收政府信息公开申请数量", 3, 1)]);
        assert_eq!(layout.head[1][1].text, "法人或其他组织");
    }

    #[test]
    fn table_four_is_one_row_of_fifteen() {
        let report = seed("003");
        let layout = Layout::of(&report.tables.review, Registry::national());
        assert_eq!(layout.head[2].len(), 15);
        assert_eq!(layout.head[1][1].text, "复议后起诉");
        let [BodyRow::Values { slots, .. }] = &layout.body[..] else { panic!("{:?}", layout.body) };
        assert_eq!(slots.len(), 15);
    }

    #[test]
    fn table_two_blocks_follow_the_article_items() {
        let report = seed("001");
        let layout = Layout::of(&report.tables.active, Registry::national());
        let captions: Vec<&str> = layout
            .body
            .iter()
            .filter_map(|r| match r {
                BodyRow::Caption(s) => Some(s.text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            captions,
            [
                "第二十条第（一）项",
                "第二十条第（五）项",
                "第二十条第（六）项",
                "第二十条第（八）项",
                "第二十条第（九）项"
            ]
        );
    }
}
