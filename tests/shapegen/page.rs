//! A truth laid out as a report page: title, the six sections' headings
//! and prose, and the three tables as the template draws them (header rows,
//! group labels spanning their rows, label cells spanning columns), taken
//! from [`nianbao::report::Layout`], the one model every view of the app
//! draws from. Every writer of a shape reads this.

use super::truth::{Rng, Truth};
use nianbao::report::{BodyRow, Layout};
use nianbao::tables::model::{Row, Table};
use nianbao::template::keys::{active, requests as q, review};
use nianbao::template::{ColKey, RowKey, TableId, ValueKind, SECTIONS, UNIT_WAN_YUAN, UNIT_YUAN};

/// What a cell of a drawn table holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Header words (column headings, table 二's block captions).
    Head,
    /// A row's label or a group's label.
    Label,
    /// A value; `empty` when the report left it empty (not a dash).
    Value { empty: bool },
}

#[derive(Clone, Debug)]
pub struct GridCell {
    pub text: String,
    pub colspan: usize,
    pub rowspan: usize,
    pub role: Role,
}

/// A drawn table: its rows of cells, spans as the template draws them.
#[derive(Clone, Debug)]
pub struct Grid {
    pub table: TableId,
    pub rows: Vec<Vec<GridCell>>,
}

impl Grid {
    /// The cells as a rectangle, spans expanded: a spanned position holds
    /// the index of its cell and whether it is the cell's first position.
    pub fn expanded(&self) -> Vec<Vec<Option<(usize, usize, bool)>>> {
        let width = self.rows.iter().map(|r| r.iter().map(|c| c.colspan).sum::<usize>()).max().unwrap_or(0);
        let mut out: Vec<Vec<Option<(usize, usize, bool)>>> = vec![vec![None; width]; self.rows.len()];
        for (r, row) in self.rows.iter().enumerate() {
            let mut x = 0;
            for (i, cell) in row.iter().enumerate() {
                while x < width && out[r][x].is_some() {
                    x += 1;
                }
                for dy in 0..cell.rowspan {
                    for dx in 0..cell.colspan {
                        if let Some(slot) = out.get_mut(r + dy).and_then(|row| row.get_mut(x + dx)) {
                            *slot = Some((r, i, dy == 0 && dx == 0));
                        }
                    }
                }
                x += cell.colspan;
            }
        }
        out
    }
}

#[derive(Clone, Debug)]
pub enum Block {
    Title(String),
    Heading(String),
    Para(String),
    Table(Grid),
}

/// How a page's author typed its cells: what the HTML holds, and so what
/// a browser copies from it.
#[derive(Clone, Copy, Debug)]
pub struct Look {
    /// Inline styles on every cell and paragraph (Word-made CMS pages).
    pub styled: bool,
    /// Header words of five characters or more broken in two by `<br>`
    /// (`本年新<br>制作数量`).
    pub breaks: bool,
    /// Labels of sixteen characters or more typed as two paragraphs.
    pub split_labels: bool,
    /// An empty cell: `<p>&nbsp;</p>` (0), a bare `&nbsp;` (1), or
    /// `&nbsp;` in the page's own `<p><span>` (2).
    pub empty_form: u64,
}

#[derive(Clone, Debug)]
pub struct Page {
    pub title: String,
    pub blocks: Vec<Block>,
    pub look: Look,
}

const AGENCIES: [&str; 6] = [
    "某某市交通运输局",
    "某某县人民政府",
    "某某区生态环境局",
    "某某市人民政府办公室",
    "某某镇人民政府",
    "某某市市场监督管理局",
];

impl Page {
    /// The truth's page: with a sentence above each table that counts it
    /// where the truth says so ([`Page::with_counts`]).
    pub fn of(truth: &Truth) -> Page {
        let page = Page::plain(truth);
        if truth.counted {
            page.with_counts(truth)
        } else {
            page
        }
    }

    /// The page with nothing above its tables but their headings.
    pub fn plain(truth: &Truth) -> Page {
        let mut rng = Rng::new(truth.seed ^ 0xface);
        let agency = rng.pick(&AGENCIES);
        let y = truth.year;
        let title = format!("{agency}{y}年政府信息公开工作年度报告");
        let look = Look {
            styled: rng.chance(50),
            breaks: rng.chance(30),
            split_labels: rng.chance(25),
            empty_form: rng.below(3),
        };
        let mut blocks = vec![Block::Title(title.clone())];
        blocks.push(Block::Para(format!(
            "本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。"
        )));
        for (i, s) in SECTIONS.iter().enumerate() {
            blocks.push(Block::Heading(format!("{}、{}", s.number, s.title)));
            match i + 1 {
                1 => blocks.push(Block::Para(format!("{y}年，{agency}认真贯彻落实《条例》，持续推进政务公开工作。"))),
                2 => blocks.push(Block::Table(grid(truth, TableId::Active))),
                3 => blocks.push(Block::Table(grid(truth, TableId::Requests))),
                4 => blocks.push(Block::Table(grid(truth, TableId::Review))),
                5 => {
                    blocks.push(Block::Para("一是公开内容还不够全面；二是解读形式较为单一。下一步将加强培训。".into()))
                }
                _ => blocks.push(Block::Para(
                    if truth.version.asks_fee_statement { "本年度未收取信息处理费。" } else { "无。" }.into(),
                )),
            }
        }
        Page { title, blocks, look }
    }

    /// The page with a sentence under each table's heading that counts
    /// what its table holds, as many real reports write one
    /// (`收到政府信息公开申请26件。予以公开9件，部分公开3件。`): numbers
    /// in the table's region that are no row's. They agree with the table.
    fn with_counts(mut self, truth: &Truth) -> Page {
        let value = |table: TableId, row: RowKey, column: Option<ColKey>| {
            let cell = match column {
                Some(c) => truth.cell(table, row, c),
                None => truth.cells.iter().find(|c| c.table == table && c.row == row),
            };
            cell.and_then(|c| c.want).unwrap_or(0.0) as i64
        };
        let y = truth.year;
        let total = Some(q::TOTAL);
        let sentences = [
            format!(
                "{y}年，本机关主动公开政府信息，其中制作规章{}件，行政规范性文件{}件。",
                value(TableId::Active, active::REGULATIONS, None),
                value(TableId::Active, active::NORMATIVE_DOCUMENTS, None)
            ),
            format!(
                "{y}年，本机关收到政府信息公开申请{}件，上年结转{}件。予以公开{}件，部分公开{}件，结转下年度继续办理{}件。",
                value(TableId::Requests, q::NEW, total),
                value(TableId::Requests, q::CARRIED_OVER, total),
                value(TableId::Requests, q::GRANTED, total),
                value(TableId::Requests, q::PARTLY_GRANTED, total),
                value(TableId::Requests, q::CARRIED_FORWARD, total)
            ),
            format!(
                "{y}年，本机关行政复议{}件，行政诉讼{}件。",
                value(TableId::Review, review::REVIEW, Some(review::TOTAL)),
                value(TableId::Review, review::LITIGATION_DIRECT, Some(review::TOTAL))
                    + value(TableId::Review, review::LITIGATION_AFTER_REVIEW, Some(review::TOTAL))
            ),
        ];
        let mut blocks = Vec::new();
        let mut tables = 0;
        for block in self.blocks {
            if let Block::Table(_) = block {
                blocks.push(Block::Para(sentences[tables.min(2)].clone()));
                tables += 1;
            }
            blocks.push(block);
        }
        self.blocks = blocks;
        self
    }

    /// A cell's text as its author typed it: paragraphs, each of lines
    /// (apart by `<br>`); an empty cell has none.
    pub fn typed(&self, cell: &GridCell) -> Vec<Vec<String>> {
        let chars: Vec<char> = cell.text.chars().collect();
        let halves = || -> (String, String) {
            let cut = chars.len() / 2;
            (chars[..cut].iter().collect(), chars[cut..].iter().collect())
        };
        if chars.is_empty() {
            Vec::new()
        } else if self.look.split_labels && cell.role == Role::Label && chars.len() >= 16 {
            let (a, b) = halves();
            vec![vec![a], vec![b]]
        } else if self.look.breaks && cell.role == Role::Head && chars.len() >= 5 && !cell.text.contains('（') {
            let (a, b) = halves();
            vec![vec![a, b]]
        } else {
            vec![vec![cell.text.clone()]]
        }
    }
}

/// A table of the truth's version as the template draws it, its value
/// cells holding what the truth writes.
fn grid(truth: &Truth, id: TableId) -> Grid {
    let v = truth.version;
    let mut table = Table::new(id);
    match id {
        TableId::Active => {
            for block in v.active.blocks {
                for r in block.rows {
                    table.rows.push(Row::new(r.key, r.label, block.columns));
                }
            }
        }
        _ => {
            let spec = v.grid(id).expect("a grid table");
            table.rows.extend(spec.rows.iter().map(|r| Row::of(r, spec.columns)));
        }
    }
    let layout = Layout::of(&table, nianbao::Registry::national());
    let head =
        |text: &str, colspan, rowspan| GridCell { text: header_text(truth, text), colspan, rowspan, role: Role::Head };
    let mut rows: Vec<Vec<GridCell>> =
        layout.head.iter().map(|r| r.iter().map(|s| head(&s.text, s.colspan, s.rowspan)).collect()).collect();
    for body in &layout.body {
        rows.push(match body {
            BodyRow::Caption(s) => vec![head(&s.text, s.colspan, s.rowspan)],
            BodyRow::Head(spans) => spans.iter().map(|s| head(&s.text, s.colspan, s.rowspan)).collect(),
            BodyRow::Values { labels, slots, .. } => {
                let mut cells: Vec<GridCell> = labels
                    .iter()
                    .map(|s| GridCell {
                        text: s.text.clone(),
                        colspan: s.colspan,
                        rowspan: s.rowspan,
                        role: Role::Label,
                    })
                    .collect();
                for slot in slots {
                    let written = truth.cell(id, slot.row, slot.column).map_or(String::new(), |c| c.written.clone());
                    let empty = written.is_empty();
                    cells.push(GridCell {
                        text: written,
                        colspan: slot.colspan,
                        rowspan: 1,
                        role: Role::Value { empty },
                    });
                }
                cells
            }
        });
    }
    Grid { table: id, rows }
}

/// A column heading as the printed template words it: money columns say
/// the unit their values are written in (本年收费金额（单位：万元）).
fn header_text(truth: &Truth, text: &str) -> String {
    for block in truth.version.active.blocks {
        for c in block.columns {
            if let (true, ValueKind::Money { default_unit }) = (c.label == text, c.kind) {
                let bare = text.split('（').next().unwrap_or(text);
                let unit = if default_unit == UNIT_WAN_YUAN { UNIT_WAN_YUAN } else { UNIT_YUAN };
                return format!("{bare}（单位：{unit}）");
            }
        }
    }
    text.to_string()
}
