//! The national template as data: every version's rows, columns, Chinese
//! labels and known variants, the cues that tell the versions apart, which
//! version a report year requires, and each table's arithmetic (its
//! [`Equation`]s). Every other part of the checker reads this; none spells
//! a label, a key or a sum itself.
//!
//! One module per version ([`v2019`], [`v2021`]), the parts they share in
//! `shared`, and a [`Registry`] listing them. Adding a version is one new
//! file and one line in [`Registry::national`] (see CONTRIBUTING.md).

mod equations;
pub mod keys;
mod registry;
mod shared;
mod text;
pub mod v2019;
pub mod v2021;

pub use equations::{Along, Cell, Equation, Form, Instance};
pub use keys::{ColKey, RowKey};
pub use registry::{ActiveRow, Registry, TemplateKind};
pub use text::*;

use serde::{Serialize, Serializer};

/// One version of the national template: its three tables as data.
#[derive(Debug)]
pub struct Version {
    /// `"2021"`: how the output names it.
    pub name: &'static str,
    /// Reports for this year and later must use this version (until a
    /// newer one is required).
    pub from_year: i32,
    /// 表二 主动公开政府信息情况
    pub active: ActiveSpec,
    /// 表三 收到和处理政府信息公开申请情况
    pub requests: GridSpec,
    /// 表四 政府信息公开行政复议、行政诉讼情况
    pub review: GridSpec,
    /// Whether section 六 must say if 信息处理费 was charged.
    pub asks_fee_statement: bool,
    /// The topics 一、总体情况 must cover (the 2021 format names five).
    pub overview_topics: &'static [Topic],
    /// The notice that issued this version.
    pub notice: Notice,
}

/// The notice that issued a version, and how a report cites it.
#[derive(Debug)]
pub struct Notice {
    /// `国办公开办函〔2021〕30号`
    pub name: &'static str,
    pub phrases: &'static ProsePhrases,
}

/// A topic section 一 must cover, with the words that show it does.
#[derive(Debug)]
pub struct Topic {
    pub name: &'static str,
    pub phrases: &'static ProsePhrases,
}

impl Version {
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The spec of table 三 or 四 (`None` for table 二, which has blocks).
    pub fn grid(&self, table: TableId) -> Option<&GridSpec> {
        match table {
            TableId::Active => None,
            TableId::Requests => Some(&self.requests),
            TableId::Review => Some(&self.review),
        }
    }
}

/// Versions are one version when they have one name.
impl PartialEq for Version {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for Version {}

impl Serialize for Version {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name)
    }
}

/// The three tables of the template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TableId {
    /// 表二 主动公开政府信息情况
    Active,
    /// 表三 收到和处理政府信息公开申请情况
    Requests,
    /// 表四 政府信息公开行政复议、行政诉讼情况
    Review,
}

impl TableId {
    pub const ALL: [TableId; 3] = [TableId::Active, TableId::Requests, TableId::Review];

    pub fn key(self) -> &'static str {
        match self {
            TableId::Active => "active",
            TableId::Requests => "requests",
            TableId::Review => "review",
        }
    }

    /// The name a reviewer uses, with what the table is about.
    pub fn name(self) -> &'static str {
        match self {
            TableId::Active => "表二（主动公开）",
            TableId::Requests => "表三（依申请公开）",
            TableId::Review => "表四（复议诉讼）",
        }
    }

    /// The section of the report the table stands in (二, 三, 四).
    pub fn section(self) -> usize {
        match self {
            TableId::Active => 2,
            TableId::Requests => 3,
            TableId::Review => 4,
        }
    }

    /// 表二, 表三, 表四.
    pub fn short_name(self) -> &'static str {
        match self {
            TableId::Active => "表二",
            TableId::Requests => "表三",
            TableId::Review => "表四",
        }
    }

    /// The title the template prints above the table.
    pub fn title(self) -> &'static str {
        match self {
            TableId::Active => "表二 主动公开政府信息情况",
            TableId::Requests => "表三 收到和处理政府信息公开申请情况",
            TableId::Review => "表四 政府信息公开行政复议、行政诉讼情况",
        }
    }
}

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// A whole number, not negative.
    Count,
    /// A whole number that may be negative (本年增/减).
    Change,
    /// Money, converted to 元; `default_unit` ([`UNIT_YUAN`] or
    /// [`UNIT_WAN_YUAN`]) applies when neither the cell nor the block's
    /// header names one.
    Money { default_unit: &'static str },
}

/// A column: its stable key, its Chinese label and what it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    pub key: ColKey,
    pub label: &'static str,
    pub kind: ValueKind,
}

/// A count column.
pub(crate) const fn col(key: ColKey, label: &'static str) -> Column {
    Column { key, label, kind: ValueKind::Count }
}

/// A data row of table 三 or 四.
#[derive(Clone, Copy, Debug)]
pub struct RowSpec {
    pub key: RowKey,
    /// The label as the template prints it.
    pub label: &'static str,
    /// The label's ordinal as printed (（一）, 1., 一、), with half-width
    /// brackets; empty when the template prints none.
    pub ordinal: &'static str,
    /// Other spellings seen in real reports (typos, abbreviations). For a
    /// group of table 四, the first is the group's short name.
    pub variants: &'static [&'static str],
}

impl RowSpec {
    /// The label with its ordinal as the template prints it:
    /// `（一）予以公开`, `1.属于国家秘密`.
    pub fn printed(&self) -> String {
        format!("{}{}", full_width_brackets(self.ordinal), self.label)
    }
}

/// A heading over a group of rows of table 三 (三、本年度办理结果,
/// （三）不予公开): drawn, never read for values.
#[derive(Clone, Copy, Debug)]
pub struct GroupSpec {
    pub key: RowKey,
    /// The heading as the template prints it: `（三）不予公开`.
    pub title: &'static str,
    /// What a message calls a row of the group: `不予公开` (第5项).
    pub short: &'static str,
}

/// A table of rows that all have the same columns (表三, 表四).
#[derive(Debug)]
pub struct GridSpec {
    /// Data rows, in template order.
    pub rows: &'static [RowSpec],
    /// Headings over groups of rows.
    pub groups: &'static [GroupSpec],
    pub columns: &'static [Column],
    /// The table's arithmetic.
    pub equations: &'static [Equation],
    /// Rows only this version has, whose presence tells it apart.
    pub cue_rows: &'static [RowKey],
    /// Words of the table's header: text made only of these is not a row.
    pub header_words: &'static [&'static str],
    /// Columns reports usually leave empty when a row's values are too few
    /// to fill every column and nothing in the text says which are empty
    /// (table 三's five 法人或其他组织 columns: most requests come from 自然人).
    pub usually_blank: &'static [ColKey],
}

impl GridSpec {
    pub fn row(&self, key: RowKey) -> Option<&'static RowSpec> {
        self.rows.iter().find(|r| r.key == key)
    }

    pub fn column(&self, key: ColKey) -> Option<&'static Column> {
        self.columns.iter().find(|c| c.key == key)
    }

    pub fn group(&self, key: &str) -> Option<&'static GroupSpec> {
        self.groups.iter().find(|g| g.key == key)
    }

    /// How a message names a row: `（一）予以公开`, or `不予公开第5项` inside a group.
    pub fn short_name(&self, key: RowKey) -> String {
        let row = self.row(key);
        match (key.parent().and_then(|p| self.group(p)), key.0.rsplit('.').next()) {
            (Some(group), Some(n)) if group.key != keys::requests::OUTCOMES => format!("{}第{n}项", group.short),
            _ => row.map_or_else(|| key.0.to_string(), RowSpec::printed),
        }
    }

    /// The equations reported by the rule `code`.
    pub fn equations_of<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'static Equation> + 'a {
        self.equations.iter().filter(move |e| e.code == code)
    }

    /// Every sum of every equation, in order ([`GridSpec::expand_sums`]):
    /// for the national versions' grids worked out once a process and
    /// lent, for another grid (a test's) worked out each time.
    pub fn sums(&'static self) -> std::borrow::Cow<'static, [Instance]> {
        type Expanded = Vec<(&'static GridSpec, Vec<Instance>)>;
        static NATIONAL: std::sync::OnceLock<Expanded> = std::sync::OnceLock::new();
        let national = NATIONAL.get_or_init(|| {
            let mut out = Vec::new();
            for v in Registry::national().versions() {
                for grid in [&v.requests, &v.review] {
                    out.push((grid, grid.expand_sums()));
                }
            }
            out
        });
        match national.iter().find(|(g, _)| std::ptr::eq(*g, self)) {
            Some((_, sums)) => std::borrow::Cow::Borrowed(sums),
            None => std::borrow::Cow::Owned(self.expand_sums()),
        }
    }

    /// Every sum of every equation, in order, worked out.
    pub fn expand_sums(&'static self) -> Vec<Instance> {
        let mut out = Vec::new();
        for eq in self.equations {
            out.append(&mut eq.instances(self));
        }
        out
    }
}

/// Table 二: blocks of rows, one a 第二十条 item, each with its own columns.
#[derive(Debug)]
pub struct ActiveSpec {
    pub blocks: &'static [BlockSpec],
    /// Words of a block's header that say the block follows this version.
    pub header_cues: &'static [&'static str],
}

impl ActiveSpec {
    /// The block a row sits in, with the row.
    pub fn find(&self, key: RowKey) -> Option<(&'static BlockSpec, &'static ActiveRowSpec)> {
        self.blocks.iter().find_map(|b| b.rows.iter().find(|r| r.key == key).map(|r| (b, r)))
    }

    pub fn rows(&self) -> impl Iterator<Item = &'static ActiveRowSpec> {
        self.blocks.iter().flat_map(|b| b.rows.iter())
    }
}

/// A block of table 二: the 第二十条 item it reports on, its rows, its columns.
#[derive(Debug)]
pub struct BlockSpec {
    /// As the template heads it: `第二十条第（一）项`. Blocks of one item in
    /// two versions are one block.
    pub item: &'static str,
    pub rows: &'static [ActiveRowSpec],
    pub columns: &'static [Column],
}

/// A row of table 二.
#[derive(Clone, Copy, Debug)]
pub struct ActiveRowSpec {
    pub key: RowKey,
    pub label: &'static str,
    /// Spellings that identify the row.
    pub cues: &'static [&'static str],
}

/// `(一)` → `（一）`.
pub fn full_width_brackets(s: &str) -> String {
    s.replace('(', "（").replace(')', "）")
}
