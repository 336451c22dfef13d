//! A PDF's text as lines, from its text items and where they stand: the
//! items of one row of the page (by y) on one line, each starting at the
//! column its x gives, as `pdftotext -layout` lays out a page but on one
//! grid for every line and page. A table's empty cells stay wide gaps and
//! its values stand under their header's words, so that the tables' reader
//! can place the values of a row that leaves cells empty.
//!
//! The items come from pdf.js in the browser (the app and its batch) and
//! from [`super::pdf`] in the command-line checker: one reading for both.

use super::FileError;
use crate::util::chars::laid_out_width;
use serde::Deserialize;

/// A run of text on a PDF page, as a PDF reader gives it: its text, the x
/// and y of its start (PDF units, y upwards) and its width and height (the
/// font's size).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct TextItem {
    #[serde(rename = "s")]
    pub text: String,
    pub x: f64,
    pub y: f64,
    #[serde(rename = "w", default)]
    pub width: f64,
    #[serde(rename = "h", default)]
    pub height: f64,
}

/// [`document_text`], or an error when the pages have no text at all (a
/// scanned PDF: pictures of pages).
pub fn read_pages(pages: &[Vec<TextItem>]) -> Result<String, FileError> {
    let text = document_text(pages);
    if text.trim().is_empty() {
        return Err(FileError("这个PDF文件没有文字（可能是扫描件）；请先用文字识别（OCR）转成文字再检查".into()));
    }
    Ok(text)
}

/// [`read_pages`] of pages written as JSON, as the browser's reading gives
/// them (`[[{"s": "总计", "x": 510.2, "y": 700.1, "w": 18, "h": 9}, …], …]`).
pub fn read_json(json: &str) -> Result<String, FileError> {
    let pages: Vec<Vec<TextItem>> =
        serde_json::from_str(json).map_err(|_| FileError("PDF的文字读取结果有误，无法检查".into()))?;
    read_pages(&pages)
}

/// The text of a document's pages: each page's lines ([`page_lines`]), a
/// line break after each, every page on the document's one column (a
/// table's header at the foot of one page and its rows on the next, the
/// first page's column measured on the prose's numbers, would stand apart).
pub fn document_text(pages: &[Vec<TextItem>]) -> String {
    let mut out = String::new();
    let unit = column_of(pages.iter().flatten());
    for page in pages {
        for line in lines_at(page, unit) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// How near in y (a share of the smaller height) two items are on one row.
const SAME_ROW: f64 = 0.45;
/// How far after the previous item's end (a share of the height) an item
/// is apart from it, with at least one space between.
const APART: f64 = 0.3;
/// A page's items that are only a number measure its columns when there
/// are this many.
const MIN_NUMBERS: usize = 3;

/// A page's items regrouped into lines: by y (within [`SAME_ROW`] of the
/// row's height, and 2 units at least), then by x. A column is half the
/// height of the page's numbers (the median item's of those that are only
/// a number, when there are [`MIN_NUMBERS`]; else of all; in
/// [`document_text`], the document's numbers): the tables'
/// text, whichever way a reader cuts the page's prose into items (pdf.js
/// and pdf-extract do it differently), so that the app and the command
/// line lay out one page alike. A Chinese character takes two columns.
/// Items that touch are written together; items apart are one space apart
/// at least, else at the column their x gives.
pub fn page_lines(items: &[TextItem]) -> Vec<String> {
    lines_at(items, column_of(items.iter()))
}

/// The column of some items' text: half the median height of those that
/// are only a number, when there are [`MIN_NUMBERS`]; else of all.
fn column_of<'a>(items: impl Iterator<Item = &'a TextItem> + Clone) -> f64 {
    let number = |p: &TextItem| p.text.trim().bytes().all(|b| b.is_ascii_digit() || b == b'.');
    let parts = items.filter(|it| !it.text.trim().is_empty());
    let numbers = parts.clone().filter(|p| number(p)).count();
    let mut heights: Vec<f64> = parts.filter(|p| numbers < MIN_NUMBERS || number(p)).map(|p| p.height.abs()).collect();
    sort(&mut heights, |a, b| a < b);
    heights.get(heights.len() / 2).map(|h| h / 2.0).filter(|u| *u > 0.0).unwrap_or(5.0)
}

/// [`page_lines`] on a column of `unit`.
fn lines_at(items: &[TextItem], unit: f64) -> Vec<String> {
    let mut parts: Vec<&TextItem> = items.iter().filter(|it| !it.text.trim().is_empty()).collect();
    if parts.is_empty() {
        return Vec::new();
    }
    sort(&mut parts, |a, b| a.y > b.y || (a.y == b.y && a.x < b.x));
    let mut lines = Vec::new();
    let mut row: Vec<&TextItem> = Vec::new();
    // The row's y and height: its first item's.
    let (mut y, mut h) = (0.0, 0.0);
    for p in parts {
        let height = p.height.abs();
        if !row.is_empty() && (y - p.y).abs() > (SAME_ROW * height.min(h)).max(2.0) {
            lines.push(line_of(&mut row, unit));
        }
        if row.is_empty() {
            (y, h) = (p.y, height);
        }
        row.push(p);
    }
    lines.push(line_of(&mut row, unit));
    lines
}

/// One row's items as a line (see [`page_lines`]); the row is left empty.
fn line_of(row: &mut Vec<&TextItem>, unit: f64) -> String {
    sort(row, |a, b| a.x < b.x);
    let mut line = String::new();
    let mut width: i64 = 0;
    let mut end: Option<f64> = None;
    for it in row.drain(..) {
        let column = (it.x / unit + 0.5).floor() as i64;
        let apart = end.is_none_or(|e| it.x - e > APART * it.height.abs());
        let pad = if apart { (column - width).max(i64::from(end.is_some())) } else { 0 };
        for _ in 0..pad {
            line.push(' ');
        }
        // Its words, one space apart.
        let start = line.len();
        for word in it.text.split_whitespace() {
            if line.len() > start {
                line.push(' ');
            }
            line.push_str(word);
        }
        width += pad + laid_out_width(&line[start..]) as i64;
        end = Some(it.x + it.width);
    }
    line.truncate(line.trim_end().len());
    line
}

/// Sorts in place, stably: `before(a, b)` when `a` goes before `b`. The
/// library's sort natively; in the browser, whose pages give a few hundred
/// items, an insertion sort (the library's would weigh some kilobytes in
/// the app's first load). Both are run natively, the one against the other.
fn sort<T: Copy>(v: &mut [T], before: fn(&T, &T) -> bool) {
    #[cfg(target_arch = "wasm32")]
    crate::util::sort::insertion_sort(v, before);
    #[cfg(not(target_arch = "wasm32"))]
    library_sort(v, before);
}

#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
fn library_sort<T: Copy>(v: &mut [T], before: fn(&T, &T) -> bool) {
    use std::cmp::Ordering;
    v.sort_by(|a, b| match (before(a, b), before(b, a)) {
        (true, _) => Ordering::Less,
        (_, true) => Ordering::Greater,
        _ => Ordering::Equal,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(text: &str, x: f64, y: f64, width: f64) -> TextItem {
        TextItem { text: text.into(), x, y, width, height: 10.0 }
    }

    #[test]
    fn items_of_a_row_stand_at_the_columns_their_x_gives() {
        // A column is 5 units (half the height); 自然人 takes six.
        let page = [
            item("总计", 200.0, 700.0, 20.0),
            item("自然人", 50.0, 700.0, 30.0),
            item("一、本年新收", 0.0, 680.4, 60.0),
            item("26", 50.0, 680.0, 10.0),
            item("26", 200.0, 679.0, 10.0),
        ];
        let lines = page_lines(&page);
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with(&format!("{}自然人", " ".repeat(10))), "{lines:?}");
        // (The label's end runs into the first value: written together.)
        assert!(lines[1].starts_with("一、本年新收26 "), "{lines:?}");
        // Each value starts where its column's name starts.
        let at = |line: &str, word: &str| laid_out_width(&line[..line.rfind(word).unwrap()]);
        assert_eq!(at(&lines[1], "26"), at(&lines[0], "总计"));
        assert_eq!(at(&lines[0], "总计"), 40);
    }

    #[test]
    fn columns_are_measured_on_the_numbers_however_many_items_the_prose_makes() {
        // A table of 10-unit text under prose of 12: cut into more or
        // fewer items, the prose moves no column of the table.
        let table = |prose_items: usize| {
            let mut page: Vec<TextItem> = (0..prose_items)
                .map(|k| TextItem {
                    height: 12.0,
                    ..item("政府信息公开", 20.0 * k as f64, 900.0 - 20.0 * k as f64, 72.0)
                })
                .collect();
            page.extend([item("总计", 200.0, 700.0, 20.0)]);
            page.extend([680.0, 660.0, 640.0].map(|y| item("26", 200.0, y, 10.0)));
            page_lines(&page)
        };
        for prose_items in [1, 2, 6] {
            let lines = table(prose_items);
            let under = |word: &str| format!("{}{word}", " ".repeat(40));
            assert_eq!(
                lines[lines.len() - 4..],
                [under("总计"), under("26"), under("26"), under("26")],
                "{prose_items}"
            );
        }
    }

    #[test]
    fn a_header_at_the_foot_of_one_page_stands_over_its_rows_on_the_next() {
        // Page one: prose of 12 with its numbers, the table's header (10) at
        // its foot; page two: the rows.
        let prose =
            |k: usize| TextItem { height: 12.0, ..item("2024", 20.0 * k as f64, 900.0 - 20.0 * k as f64, 24.0) };
        let mut first: Vec<TextItem> = (0..4).map(prose).collect();
        first.push(item("总计", 200.0, 100.0, 20.0));
        let second: Vec<TextItem> = [700.0, 680.0, 660.0].map(|y| item("26", 200.0, y, 10.0)).into();
        let text = document_text(&[first, second]);
        let lines: Vec<&str> = text.lines().collect();
        let at = |line: &str, word: &str| laid_out_width(&line[..line.rfind(word).unwrap()]);
        assert_eq!(at(lines[4], "总计"), at(lines[5], "26"), "{lines:?}");
    }

    #[test]
    fn items_that_touch_are_one_word_and_items_apart_at_least_a_space_apart() {
        let page = [item("政府信息", 0.0, 10.0, 40.0), item("公开", 40.5, 10.0, 20.0), item("12", 64.0, 10.0, 5.0)];
        assert_eq!(page_lines(&page), ["政府信息公开 12"]);
    }

    #[test]
    fn pages_follow_each_other_and_blank_items_are_dropped() {
        let pages = vec![
            vec![item("一", 0.0, 10.0, 10.0), item("  ", 30.0, 10.0, 5.0)],
            vec![],
            vec![item("二", 0.0, 10.0, 10.0)],
        ];
        assert_eq!(document_text(&pages), "一\n二\n");
    }

    #[test]
    fn items_deserialise_from_the_browsers_shape() {
        let items: Vec<TextItem> = serde_json::from_str(r#"[{"s":"26","x":1.5,"y":2,"w":3,"h":9}]"#).unwrap();
        assert_eq!(items, [TextItem { text: "26".into(), x: 1.5, y: 2.0, width: 3.0, height: 9.0 }]);
        assert_eq!(read_json(r#"[[{"s":"总计","x":0,"y":1,"w":18,"h":9}],[]]"#).unwrap(), "总计\n");
    }

    #[test]
    fn the_browsers_sort_and_the_librarys_agree() {
        // Pairs with ties (the sort is stable): by the first, then as given.
        let mut seed = 7u64;
        let mut next = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 59) as u8
        };
        for len in [0, 1, 2, 17, 300] {
            let v: Vec<(u8, usize)> = (0..len).map(|i| (next(), i)).collect();
            let (mut a, mut b) = (v.clone(), v);
            crate::util::sort::insertion_sort(&mut a, |x, y| x.0 < y.0);
            library_sort(&mut b, |x, y| x.0 < y.0);
            assert_eq!(a, b);
            assert!(a.windows(2).all(|w| w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1)));
        }
    }

    #[test]
    fn pages_without_text_or_not_pages_are_said_to_be_so() {
        // A scanned PDF: pictures only.
        assert!(read_json("[[],[]]").unwrap_err().0.contains("扫描件"));
        assert!(read_json(r#"{"s":1}"#).unwrap_err().0.contains("有误"));
    }
}
