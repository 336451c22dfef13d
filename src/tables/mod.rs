//! The three tables, each read from its own region of the text.
//!
//! A region runs from its section heading to the next section heading;
//! when a heading is missing, the table's own anchor words stand in. Regions
//! are capped in size, so a huge paste never makes matching slow.

mod active;
mod arith;
mod columns;
mod fill;
mod in_order;
mod joint;
mod matching;
pub mod model;
mod positions;
mod requests;
mod review;
mod segments;
mod sparse;
mod tuning;
mod values;

pub use fill::MAX_CANDIDATES;
// (The 填报 grid reads a typed cell as a report's cell is read: `crate::author`.)
pub(crate) use values::read_cell;

use crate::read::normalise::Normalised;
use crate::read::sections::Section;
use crate::read::tokens::{tokenise_lines, Token};
use crate::tables::model::Table;
use crate::template::{Registry, TableId, ACTIVE_ANCHORS, REQUESTS_ANCHOR, REVIEW_ANCHORS};
use crate::util::chars::floor_boundary;
use crate::util::find::find;
use tuning::{MAX_REGION, REVIEW_ANCHOR_LINE, REVIEW_HEADER_REACH};

pub struct Tables {
    pub active: Table,
    pub requests: Table,
    pub review: Table,
}

impl Tables {
    pub fn get(&self, id: TableId) -> &Table {
        match id {
            TableId::Active => &self.active,
            TableId::Requests => &self.requests,
            TableId::Review => &self.review,
        }
    }
}

/// Reads the three tables of a report against the registry's versions.
pub fn parse(norm: &Normalised, sections: &[Section], year: Option<i32>, registry: &Registry) -> Tables {
    let text = &norm.text;
    let section = |n: usize| sections.iter().find(|s| s.number == n);
    let start_of = |n: usize| section(n).map(|s| s.start);
    // Where the table after region `n` begins: the next section found.
    let end_after = |n: usize| sections.iter().find(|s| s.number > n).map(|s| s.start);

    // (Searched for only where a heading is missing.)
    let requests_anchor = || find_any(text, &[REQUESTS_ANCHOR], 0);
    let review_start = start_of(4).or_else(|| {
        let after = requests_anchor().unwrap_or(0);
        find_review_anchor(text, after, registry)
    });
    let requests_start = start_of(3).or_else(|| requests_anchor().map(|a| line_start(text, a)));
    let active_start = start_of(2).or_else(|| find_any(text, ACTIVE_ANCHORS, 0).map(|a| line_start(text, a)));

    let active_end = if section(2).is_some() { end_after(2) } else { requests_start };
    let requests_end = if section(3).is_some() { end_after(3) } else { review_start };
    let review_end = if section(4).is_some() { end_after(4) } else { start_of(5).or(start_of(6)) };
    let bounds = |start: Option<usize>, end: Option<usize>| {
        start.map(|start| (start, end.filter(|&e| e > start).unwrap_or(text.len()).min(start + MAX_REGION)))
    };
    let regions =
        [bounds(active_start, active_end), bounds(requests_start, requests_end), bounds(review_start, review_end)];

    // The lines the regions span, and only those, are read as tokens, once
    // (most of a report is prose no table needs).
    let first = regions.iter().flatten().map(|r| r.0).min().map(|start| line_start(text, start));
    let tokens = match first {
        Some(from) => {
            let to = regions.iter().flatten().map(|r| r.1).max().unwrap_or(from);
            tokenise_lines(text, from, to, count_newlines(&text.as_bytes()[..from])).tokens
        }
        None => Vec::new(),
    };
    let region = |r: Option<(usize, usize)>| r.map_or(&[][..], |(start, end)| tokens_in(&tokens, start, end));
    // (Table 三 first: its arithmetic shows best whether a flattened page
    // drops its empty cells, and table 二 reads alike.)
    let (requests, page) = requests::parse(region(regions[1]), norm, year, registry);
    let glue = page.glue;
    let mut active =
        active::parse(region(regions[0]), norm, year, registry, glue, sparse::drops_empty_cells(&requests));
    // Table 二 has no arithmetic to show that its values stayed beside their
    // rows where table 三's did not; where table 三's kept their order, only
    // every row of it whole (each cell a value) does.
    if active.found && (page.in_blocks || page.in_order && !whole_rows(&active)) {
        active.lose(ACTIVE_IN_BLOCKS);
    }
    // Table 四 by the version table 三 follows (or the year's).
    let version = requests.version.unwrap_or_else(|| registry.assumed_for(year));
    let mut review = review::parse(region(regions[2]), norm, &version.review, glue);
    if (page.in_blocks || page.in_order)
        && review.found
        && review.unreadable.is_none()
        && !arith::rows_hold(&review, &version.review)
    {
        review.lose(REVIEW_IN_BLOCKS);
    }
    Tables { active, requests, review }
}

/// Whether every row of table 二's version is there with a value in every
/// cell. (A blank mark is not enough: written in characters (`无`, `——`),
/// it stands at another height than digits, and plain `pdftotext` orders a
/// row's cells by their height: `无 26` for 26 and 无.)
fn whole_rows(table: &Table) -> bool {
    let given = |key| {
        table.rows.iter().any(|r| r.key == key && r.found && r.cells.iter().all(|c| c.state == model::CellState::Given))
    };
    table.version.is_some_and(|v| v.active.rows().all(|spec| given(spec.key)))
}

const ACTIVE_IN_BLOCKS: &str =
    "同页的表三被拆成几块（如pdftotext不带-layout转出的文字），本表没有勾稽关系可以核实每个数字仍在它的行和列";

const REVIEW_IN_BLOCKS: &str =
    "同页的表三被拆成几块（如pdftotext不带-layout转出的文字），本表的数字又不合各组的总计，无法确定数字所在的列";

/// Where table 四 begins when its section heading is missing: the first of
/// its anchor words that heads a table — on a short line with no
/// punctuation (header cells), or followed soon by one of the table's column
/// names. Prose that
/// names 行政复议 (`…被申请行政复议和提起行政诉讼情况`, an overview's
/// list of the report's parts) is not the table.
fn find_review_anchor(text: &str, from: usize, registry: &Registry) -> Option<usize> {
    let heads_table = |at: usize, word: &str| {
        let line_end = text[at..].find('\n').map_or(text.len(), |p| at + p);
        let line = &text[line_start(text, at)..line_end];
        let words = line.chars().filter(|c| !c.is_whitespace());
        if words.clone().count() <= REVIEW_ANCHOR_LINE && !words.clone().any(|c| "、,，。;；:：".contains(c)) {
            return true;
        }
        let after = &text[at + word.len()..];
        let reach = &after[..floor_boundary(after, REVIEW_HEADER_REACH)];
        registry.versions().iter().flat_map(|v| v.review.columns).any(|c| find(reach, c.label).is_some())
    };
    REVIEW_ANCHORS
        .iter()
        .filter_map(|w| {
            let mut at = from;
            while let Some(p) = text.get(at..).and_then(|rest| find(rest, w)) {
                if heads_table(at + p, w) {
                    return Some(at + p);
                }
                at += p + w.len();
            }
            None
        })
        .min()
}

fn find_any(text: &str, words: &[&str], from: usize) -> Option<usize> {
    words.iter().filter_map(|w| find(text.get(from..)?, w).map(|p| p + from)).min()
}

/// (In blocks the compiler can add up side by side.)
fn count_newlines(bytes: &[u8]) -> usize {
    bytes.chunks(255).map(|c| c.iter().fold(0u8, |n, &b| n + (b == b'\n') as u8) as usize).sum()
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |p| p + 1)
}

/// The tokens of a region; a token that starts before the region and runs
/// into it (flattened text: `…质效。二、主动公开…规章`) belongs to it too.
fn tokens_in(tokens: &[Token], start: usize, end: usize) -> &[Token] {
    let a = tokens.partition_point(|t| t.end <= start);
    let b = tokens.partition_point(|t| t.start < end);
    &tokens[a..b.max(a)]
}

#[cfg(test)]
mod tests {
    use crate::template::v2021::V2021;
    use crate::template::TableId;
    use crate::testing::{codes, Sample};

    const PARTS: &str = "本报告包括总体情况、因政府信息公开被申请行政复议和提起行政诉讼情况等部分。如有疑问，请联系（电话：0562-5111009）。";

    #[test]
    fn table_four_without_its_heading_is_found_by_its_header_not_by_prose_naming_it() {
        let sample = Sample::new(&V2021).prose(0, PARTS).review([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        let text = sample.text().replace("四、政府信息公开行政复议、行政诉讼情况\n", "");
        let r = crate::check(&text, None);
        assert!(r.tables.review.found, "{:?}", codes(&r));
        assert_eq!(r.tables.review.rows[0].int(V2021.review.columns[0].key), Some(1), "{:?}", r.diagnostics);

        // Cut short in table 二 (no 表三 to search after): table 四 is missing,
        // not read from the prose that names it.
        let cut = &text[..text.find("三、").expect("section 三")];
        let r = crate::check(cut, None);
        let review: Vec<_> =
            r.diagnostics.iter().filter(|d| d.table == Some(TableId::Review)).map(|d| d.code).collect();
        assert_eq!(review, ["table.missing"], "{cut}");
    }

    #[test]
    fn table_three_cut_before_the_rows_that_tell_the_versions_apart_follows_the_newest_when_no_year_is_given() {
        let text = Sample::new(&V2021).text();
        // No title, no period: no year. Table 三 up to rows both versions have.
        let from = text.find("一、总体情况").expect("section 一");
        let to = text.find("本机关不掌握").expect("row 3.4.1");
        let r = crate::check(&text[from..to], None);
        assert_eq!(r.year, None, "{:?}", codes(&r));
        assert!(!codes(&r).contains(&"template.mixed"), "{:?}", codes(&r));
        assert_eq!(r.tables.requests.version.map(|v| v.from_year), Some(V2021.from_year));
    }

    #[test]
    fn a_sentence_before_table_two_names_no_row() {
        let sample = Sample::new(&V2021);
        let heading = "二、主动公开政府信息情况\n";
        let text = sample
            .text()
            .replace(heading, &format!("{heading}本年度内单位行政处罚处理决定数量39件，不存在其他情况。\n"));
        let (plain, with_sentence) = (sample.check(), crate::check(&text, None));
        let active = |r: &crate::Report| serde_json::to_value(r).unwrap()["active"].clone();
        assert!(active(&plain).as_object().is_some_and(|rows| rows.len() >= 6));
        assert_eq!(active(&with_sentence), active(&plain), "{:?}", codes(&with_sentence));
    }
}
