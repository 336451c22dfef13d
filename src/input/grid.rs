//! Tables as cell grids, written out as text the pipeline reads.

use crate::template::EMPTY_CELL;

/// A piece of a document, in document order.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", content = "content", rename_all = "snake_case")]
pub enum Block {
    /// Running text (paragraphs, headings), lines separated by `\n`.
    Text(String),
    /// A table: its rows, each the cells the row has, in order — one entry
    /// per `<td>`/`<th>` (or Word cell), with no rowspan/colspan expansion:
    /// a merged cell appears once, in the row where it starts. A cell's text
    /// may hold line breaks (`<br>`). Only data tables: a table that holds
    /// other tables lays out the page, so its own text goes in `Text`
    /// blocks and its inner tables are the `Table`s (see [`super::html`]).
    Table(Vec<Vec<String>>),
}

/// The blocks as one text: text as it is, each table row on its own line
/// with its cells separated by tabs.
pub fn blocks_to_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Text(t) => {
                out.push_str(t.trim_end_matches(['\n', ' ']));
                out.push('\n');
            }
            Block::Table(rows) => {
                for row in rows {
                    let line = row_line(row);
                    if !line.is_empty() {
                        out.push_str(&line);
                        out.push('\n');
                    }
                }
            }
        }
    }
    out
}

/// One table row as a line. A cell's own line breaks (`<br>`, paragraphs in
/// a Word cell) become spaces. An empty cell after the row's first
/// non-empty one is written as [`EMPTY_CELL`]: a blank cell, not a missing
/// one (the tables drop such cells at a row's end where the row has too
/// many); so is one before it in a row that starts with a number. A row of
/// empty cells only is left out, unless it is wide enough to be table 四's
/// row of numbers.
fn row_line(row: &[String]) -> String {
    let cells: Vec<String> = row.iter().map(|c| squeeze(c)).collect();
    if cells.iter().all(String::is_empty) {
        return if cells.len() >= EMPTY_ROW_MIN { vec![EMPTY_CELL; cells.len()].join("\t") } else { String::new() };
    }
    // A row of numbers with no label (table 四's): its empty cells before
    // the first number are cells too (or layout: the reader counts).
    let numbers_first =
        cells.iter().find(|c| !c.is_empty()).is_some_and(|c| c.starts_with(|c: char| c.is_ascii_digit()));
    let mut parts: Vec<&str> = Vec::with_capacity(cells.len());
    for cell in &cells {
        if !cell.is_empty() {
            parts.push(cell);
        } else if !parts.is_empty() || numbers_first {
            parts.push(EMPTY_CELL);
        }
    }
    parts.join("\t")
}

/// An all-empty row this wide is a row of numbers left blank.
const EMPTY_ROW_MIN: usize = 5;

/// White space inside a cell (line breaks, tabs, runs of spaces, `&nbsp;`)
/// as single spaces; none at the ends.
fn squeeze(cell: &str) -> String {
    cell.split(|c: char| c.is_whitespace() || c == '\u{3000}').filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn rows_become_tab_separated_lines() {
        let blocks = [
            Block::Text("二、主动公开政府信息情况\n".into()),
            Block::Table(vec![row(&["第二十条第（一）项"]), row(&["规章", "0", "0", "\u{a0}1 "])]),
            Block::Text("三、".into()),
        ];
        assert_eq!(blocks_to_text(&blocks), "二、主动公开政府信息情况\n第二十条第（一）项\n规章\t0\t0\t1\n三、\n");
    }

    #[test]
    fn line_breaks_inside_a_cell_are_spaces() {
        assert_eq!(row_line(&row(&["结果\n纠正", "其他<br>"])), "结果 纠正\t其他<br>");
    }

    #[test]
    fn empty_cells_after_a_label_are_blank() {
        assert_eq!(row_line(&row(&["", "商业企业", "科研机构"])), "商业企业\t科研机构");
        assert_eq!(row_line(&row(&["规章", "0", "", "1"])), format!("规章\t0\t{EMPTY_CELL}\t1"));
        assert_eq!(row_line(&row(&["行政许可", " "])), format!("行政许可\t{EMPTY_CELL}"));
        assert_eq!(row_line(&row(&["", ""])), "");
        assert_eq!(row_line(&row(&[""; 15])).matches(EMPTY_CELL).count(), 15);
    }

    #[test]
    fn a_blank_cell_is_absent_with_a_warning() {
        let text = blocks_to_text(&[Block::Table(vec![row(&["规章", "0", "", "1"])])]);
        let t = crate::read::tokens::tokenise(&text);
        assert!(matches!(t.tokens[2].kind, crate::read::tokens::Kind::Blank), "{:?}", t.tokens);
    }
}
