//! Truths: every cell of a report's three tables, known in advance.
//!
//! [`Truth::generate`] draws random tables that keep the template's
//! arithmetic (each grid's [`Equation`]s, expanded by
//! [`Equation::instances`]), in one of four content [`Style`]s that decide
//! how a zero is written. [`Truth::from_json`] reads one back from the
//! output contract's shape (a blank cell is absent), which is also how the
//! fixtures and the real reports' ground truth are stored.

use nianbao::template::keys::requests as q;
use nianbao::template::{ColKey, Column, Equation, GridSpec, Instance, RowKey, TableId, ValueKind, Version};
use std::collections::{BTreeMap, BTreeSet};

/// How a report writes its zeros.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Style {
    /// Every cell a number, zeros written 0.
    Dense,
    /// The five 法人或其他组织 columns of table 三 left empty where zero.
    BlankLegal,
    /// Every zero cell left empty.
    BlankZeros,
    /// Every zero written as a dash (—, -, /, ／, 无 mixed).
    Dashes,
}

impl Style {
    pub const ALL: [Style; 4] = [Style::Dense, Style::BlankLegal, Style::BlankZeros, Style::Dashes];

    pub fn name(self) -> &'static str {
        match self {
            Style::Dense => "dense",
            Style::BlankLegal => "blank-legal",
            Style::BlankZeros => "blank-zeros",
            Style::Dashes => "dashes",
        }
    }

    pub fn parse(s: &str) -> Option<Style> {
        Style::ALL.into_iter().find(|x| x.name() == s)
    }

    /// Whether a zero in this cell is written blank (or as a dash).
    fn blanks_zero(self, version: &Version, table: TableId, column: ColKey) -> bool {
        match self {
            Style::Dense => false,
            Style::BlankLegal => {
                table == TableId::Requests && legal_person_columns(&version.requests).contains(&column)
            }
            Style::BlankZeros | Style::Dashes => true,
        }
    }
}

/// The dashes reports write for a cell that did not happen.
pub const DASHES: [&str; 6] = ["—", "-", "/", "／", "无", "——"];

/// Table 三's 法人或其他组织 columns: the applicants of the row-total
/// equation other than 自然人.
pub fn legal_person_columns(grid: &GridSpec) -> Vec<ColKey> {
    let mut out = Vec::new();
    for e in grid.equations {
        if let nianbao::template::Form::EachRow { parts, .. } = &e.form {
            out.extend(parts.iter().copied().filter(|&c| c != q::NATURAL_PERSON));
        }
    }
    out
}

/// One cell of a truth.
#[derive(Clone, Debug, PartialEq)]
pub struct TruthCell {
    pub table: TableId,
    pub row: RowKey,
    pub column: ColKey,
    /// The value in the contract's unit (money in 元); `None`: left blank.
    pub want: Option<f64>,
    /// As the report writes it in the cell ("" for an empty cell).
    pub written: String,
}

/// Every cell of one report's three tables, in template order (table 二's
/// blocks, rows and columns, then table 三 and 四 row by row).
#[derive(Clone, Debug)]
pub struct Truth {
    pub version: &'static Version,
    pub year: i32,
    /// `None` for a real report.
    pub style: Option<Style>,
    pub seed: u64,
    pub cells: Vec<TruthCell>,
    /// The errors a real report has (their codes, one an instance): what
    /// the checker must find. Generated truths have none.
    pub known_errors: Vec<String>,
    /// Whether its page counts each table in a sentence above it (see
    /// [`Page::of`](super::page::Page::of)): half the generated truths; not
    /// those stored before it was drawn.
    pub counted: bool,
}

/// A small deterministic generator (splitmix64): the same seed gives the
/// same truth on every machine.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5eed_5eed_5eed_5eed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// 0..n
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }

    /// lo..=hi
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

type Key = (TableId, RowKey, ColKey);

impl Truth {
    /// Random tables of `version` that keep its arithmetic, written in `style`.
    pub fn generate(version: &'static Version, style: Style, seed: u64) -> Truth {
        let mut rng = Rng::new(seed);
        let year = version.from_year + rng.range(0, if version.from_year < 2021 { 1 } else { 4 }) as i32;
        // Values in minor units: counts as they are, money in 分 (元 × 100).
        let mut values: BTreeMap<Key, i64> = BTreeMap::new();
        for block in version.active.blocks {
            let busy = rng.chance(70);
            for row in block.rows {
                for c in block.columns {
                    values.insert((TableId::Active, row.key, c.key), active_value(&mut rng, c, busy));
                }
            }
        }
        for (id, grid) in [(TableId::Requests, &version.requests), (TableId::Review, &version.review)] {
            for (cell, v) in grid_values(&mut rng, id, grid) {
                values.insert((id, cell.0, cell.1), v);
            }
        }
        let mut cells = Vec::new();
        for (table, row, column) in template_cells(version) {
            let v = values[&(table, row, column)];
            let kind = column_of(version, table, row, column).map_or(ValueKind::Count, |c| c.kind);
            let (want, written) = if v == 0 && style.blanks_zero(version, table, column) {
                let mark = if style == Style::Dashes { rng.pick(&DASHES).to_string() } else { String::new() };
                (None, mark)
            } else {
                (Some(contract_value(kind, v)), written_value(kind, v))
            };
            cells.push(TruthCell { table, row, column, want, written });
        }
        // (Drawn apart, so that the tables of a seed stay as they were.)
        let counted = Rng::new(seed ^ 0xc0417ed).chance(50);
        Truth { version, year, style: Some(style), seed, cells, known_errors: Vec::new(), counted }
    }

    pub fn cell(&self, table: TableId, row: RowKey, column: ColKey) -> Option<&TruthCell> {
        self.cells.iter().find(|c| c.table == table && c.row == row && c.column == column)
    }

    /// A short name: `2021-blank-zeros-17`.
    pub fn name(&self) -> String {
        format!("{}-{}-{}", self.version.name, self.style.map_or("real", Style::name), self.seed)
    }

    /// The truth in the output contract's shape (blank cells absent), with
    /// what the generator knows besides.
    pub fn to_json(&self) -> serde_json::Value {
        let mut tables = serde_json::Map::new();
        for id in TableId::ALL {
            let mut rows = serde_json::Map::new();
            for c in self.cells.iter().filter(|c| c.table == id) {
                let row = rows.entry(c.row.as_str()).or_insert_with(|| serde_json::json!({}));
                if let Some(w) = c.want {
                    let n = if w.fract() == 0.0 { serde_json::json!(w as i64) } else { serde_json::json!(w) };
                    row[c.column.as_str()] = n;
                }
            }
            tables.insert(id.key().to_string(), serde_json::Value::Object(rows));
        }
        let written: serde_json::Map<String, serde_json::Value> = self
            .cells
            .iter()
            .filter(|c| c.want.is_none() && !c.written.is_empty())
            .map(|c| (format!("{}.{}.{}", c.table.key(), c.row, c.column), serde_json::json!(c.written)))
            .collect();
        serde_json::json!({
            "template": self.version.name,
            "year": self.year,
            "style": self.style.map(Style::name),
            "seed": self.seed,
            "active": tables["active"],
            "requests": tables["requests"],
            "review": tables["review"],
            "blank_marks": written,
            "counted": self.counted,
        })
    }

    /// A truth in the contract's shape: every cell of the template version
    /// `template` names, absent ones blank. Real reports' truths carry no
    /// style or seed, and may list `known_errors` ("code: what").
    pub fn from_json(json: &serde_json::Value) -> Result<Truth, String> {
        let name = json["template"].as_str().ok_or("no \"template\"")?;
        let version = nianbao::Registry::national()
            .versions()
            .iter()
            .copied()
            .find(|v| v.name == name)
            .ok_or_else(|| format!("unknown template {name}"))?;
        let year = json["year"].as_i64().map_or(version.from_year, |y| y as i32);
        let style = json["style"].as_str().and_then(Style::parse);
        let seed = json["seed"].as_u64().unwrap_or(0);
        let mut cells = Vec::new();
        for (table, row, column) in template_cells(version) {
            let value = &json[table.key()][row.as_str()][column.as_str()];
            let want = value.as_f64();
            let mark = json["blank_marks"][format!("{}.{}.{}", table.key(), row, column)].as_str();
            let kind = column_of(version, table, row, column).map_or(ValueKind::Count, |c| c.kind);
            let written = match (want, mark) {
                (Some(w), _) => written_value(kind, minor_units(kind, w)),
                (None, Some(m)) => m.to_string(),
                (None, None) => String::new(),
            };
            cells.push(TruthCell { table, row, column, want, written });
        }
        // "requests.outcome_total: column natural_person: …" → its code.
        let known_errors = json["known_errors"]
            .as_array()
            .map(|a| a.iter().filter_map(|e| Some(e.as_str()?.split(':').next()?.trim().to_string())).collect())
            .unwrap_or_default();
        let counted = json["counted"].as_bool().unwrap_or(false);
        Ok(Truth { version, year, style, seed, cells, known_errors, counted })
    }
}

/// A contract value in minor units: money in 分.
fn minor_units(kind: ValueKind, w: f64) -> i64 {
    match kind {
        ValueKind::Money { .. } => (w * 100.0).round() as i64,
        _ => w.round() as i64,
    }
}

/// Every cell of a version's tables, in template order.
pub fn template_cells(version: &'static Version) -> Vec<Key> {
    let mut out = Vec::new();
    for block in version.active.blocks {
        for row in block.rows {
            out.extend(block.columns.iter().map(|c| (TableId::Active, row.key, c.key)));
        }
    }
    for (id, grid) in [(TableId::Requests, &version.requests), (TableId::Review, &version.review)] {
        for row in grid.rows {
            out.extend(grid.columns.iter().map(|c| (id, row.key, c.key)));
        }
    }
    out
}

pub fn column_of(version: &'static Version, table: TableId, row: RowKey, column: ColKey) -> Option<&'static Column> {
    match table {
        TableId::Active => version.active.find(row).and_then(|(b, _)| b.columns.iter().find(|c| c.key == column)),
        _ => version.grid(table).and_then(|g| g.column(column)),
    }
}

/// A table 二 value in minor units.
fn active_value(rng: &mut Rng, column: &Column, busy: bool) -> i64 {
    if !busy && rng.chance(80) {
        return 0;
    }
    match column.kind {
        ValueKind::Count => match rng.below(10) {
            0..=2 => 0,
            3..=7 => rng.range(1, 99),
            8 => rng.range(100, 999),
            _ => rng.range(1_000, 30_000),
        },
        ValueKind::Change => {
            if rng.chance(40) {
                0
            } else {
                rng.range(-40, 40)
            }
        }
        // 分: a whole number of 万元 now and then, else up to six decimals of 万元
        ValueKind::Money { .. } => match rng.below(4) {
            0 => 0,
            1 => rng.range(1, 9_999) * 1_000_000,
            2 => rng.range(1, 999_999) * 100,
            _ => rng.range(1, 99_999_999_999),
        },
    }
}

/// Random values of a grid (表三, 表四) that keep all its equations.
///
/// Cells alone on one side of a sum (a total) are derived; every other
/// cell is drawn at random, mostly zero. Then every sum is made to hold:
/// a total is set to its parts' sum, and a sum with no lone total (表三's
/// 一+二 = （七）+四) raises a drawn cell of its smaller side. Raising only,
/// and totals recomputed, so no value goes negative; it settles in a few
/// passes.
fn grid_values(rng: &mut Rng, id: TableId, grid: &GridSpec) -> BTreeMap<(RowKey, ColKey), i64> {
    let instances: Vec<Instance> = grid.equations.iter().flat_map(|e: &'static Equation| e.instances(grid)).collect();
    let derived: BTreeSet<(RowKey, ColKey)> =
        instances.iter().flat_map(|i| [&i.left, &i.right]).filter(|side| side.len() == 1).map(|side| side[0]).collect();
    let mut values = BTreeMap::new();
    for (r, row) in grid.rows.iter().enumerate() {
        // A row is busy or (mostly) empty; the first column carries most.
        let busy = rng.chance(if id == TableId::Review { 35 } else { 45 });
        for (c, col) in grid.columns.iter().enumerate() {
            let v = if derived.contains(&(row.key, col.key)) || !busy {
                0
            } else if c == 0 {
                if rng.chance(75) {
                    rng.range(1, 40)
                } else {
                    rng.range(41, 600)
                }
            } else if rng.chance(if id == TableId::Review { 40 } else { 12 }) {
                rng.range(1, if r % 3 == 0 { 20 } else { 6 })
            } else {
                0
            };
            values.insert((row.key, col.key), v);
        }
    }
    let sum = |values: &BTreeMap<(RowKey, ColKey), i64>, side: &[(RowKey, ColKey)]| -> i64 {
        side.iter().map(|k| values[k]).sum()
    };
    for _ in 0..50 {
        let mut changed = false;
        for i in &instances {
            let (l, r) = (sum(&values, &i.left), sum(&values, &i.right));
            if l == r {
                continue;
            }
            if i.left.len() == 1 && derived.contains(&i.left[0]) {
                values.insert(i.left[0], r);
            } else if i.right.len() == 1 && derived.contains(&i.right[0]) {
                values.insert(i.right[0], l);
            } else {
                let (smaller, by) = if l < r { (&i.left, r - l) } else { (&i.right, l - r) };
                let free: Vec<&(RowKey, ColKey)> = smaller.iter().filter(|k| !derived.contains(k)).collect();
                let Some(first) = free.first() else { continue };
                let k = if free.len() > 1 && rng.chance(25) { *rng.pick(&free) } else { *first };
                *values.get_mut(k).unwrap() += by;
            }
            changed = true;
        }
        if !changed {
            return values;
        }
    }
    panic!("the generator could not make {id:?}'s sums hold");
}

/// The contract's value of a cell given in minor units.
fn contract_value(kind: ValueKind, v: i64) -> f64 {
    match kind {
        ValueKind::Money { .. } => v as f64 / 100.0,
        _ => v as f64,
    }
}

/// How a report writes the value: money in the column's default unit.
fn written_value(kind: ValueKind, v: i64) -> String {
    match kind {
        ValueKind::Money { default_unit } => {
            // 分 → the unit: 元 has two decimals, 万元 six.
            let places = if default_unit == nianbao::template::UNIT_WAN_YUAN { 6 } else { 2 };
            decimal(v, places)
        }
        _ => v.to_string(),
    }
}

/// `units / 10^places`, without trailing zeros.
fn decimal(units: i64, places: u32) -> String {
    let scale = 10i64.pow(places);
    let (whole, frac) = (units / scale, units % scale);
    if frac == 0 {
        return whole.to_string();
    }
    let frac = format!("{:0width$}", frac, width = places as usize);
    format!("{whole}.{}", frac.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao::template::{v2019::V2019, v2021::V2021};

    #[test]
    fn generated_tables_keep_every_equation() {
        for v in [&V2019, &V2021] {
            for seed in 0..50 {
                let t = Truth::generate(v, Style::Dense, seed);
                for (id, grid) in [(TableId::Requests, &v.requests), (TableId::Review, &v.review)] {
                    for e in grid.equations {
                        for i in e.instances(grid) {
                            let value =
                                |(r, c): (RowKey, ColKey)| t.cell(id, r, c).and_then(|c| c.want).map(|w| w as i64);
                            let (l, r) = i.sides(&value).unwrap();
                            assert_eq!(l, r, "{} {:?}", t.name(), i);
                        }
                    }
                }
            }
        }
    }
}
