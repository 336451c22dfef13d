//! An HTML page (a saved .html file, or the text/html of a paste) as
//! [`Block`]s: its text, and each `<table>` as a cell grid. Feature `html`.
//!
//! The browser builds the same blocks with its DOMParser; this reads them
//! natively with a small tokenizer (html5gum), for the CLI and the tests.
//! Only what matters for reading tables is modelled: `<tr>` starts a row,
//! `<td>`/`<th>` a cell, `<br>` and block elements break lines, `<script>`
//! and `<style>` are skipped; a table inside a cell gives its text to that
//! cell. Unclosed tags (tag soup) are closed where the next one starts.

use super::grid::Block;
use html5gum::{DefaultEmitter, Token, Tokenizer};

/// Elements after which running text breaks its line.
const BLOCK_ELEMENTS: &[&str] = &[
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "header", "footer",
    "blockquote", "pre", "hr", "dd", "dt", "dl", "title", "caption", "center", "form", "nav", "aside", "main", "figure",
];

/// Elements whose content is never text.
const SKIPPED: &[&str] = &["script", "style", "noscript", "template", "head"];

/// A table being read: its rows and the cell being filled.
#[derive(Default)]
struct TableBuild {
    rows: Vec<Vec<String>>,
    cell: Option<String>,
}

impl TableBuild {
    fn close_cell(&mut self) {
        if let Some(cell) = self.cell.take() {
            match self.rows.last_mut() {
                Some(row) => row.push(cell),
                None => self.rows.push(vec![cell]),
            }
        }
    }
    fn start_row(&mut self) {
        self.close_cell();
        self.rows.push(Vec::new());
    }
    fn start_cell(&mut self) {
        self.close_cell();
        if self.rows.is_empty() {
            self.rows.push(Vec::new());
        }
        self.cell = Some(String::new());
    }
    /// Where text goes: the open cell, or (text between cells, which
    /// browsers move before the table) nowhere.
    fn text(&mut self) -> Option<&mut String> {
        self.cell.as_mut()
    }
}

/// Reads an HTML document into blocks in document order.
pub fn html_blocks(html: &str) -> Vec<Block> {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut blocks = Vec::new();
    let mut text = String::new();
    let mut tables: Vec<TableBuild> = Vec::new();
    let mut skipping: Option<String> = None;
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if skipping.is_some() {
                    continue;
                }
                if SKIPPED.contains(&name.as_str()) && !tag.self_closing {
                    // <head> too: a page's body repeats its title.
                    skipping = Some(name);
                    continue;
                }
                match name.as_str() {
                    "table" => {
                        if tables.is_empty() {
                            flush_text(&mut text, &mut blocks);
                        }
                        tables.push(TableBuild::default());
                    }
                    "tr" => {
                        if let Some(t) = tables.last_mut() {
                            t.start_row();
                        }
                    }
                    "td" | "th" => {
                        if let Some(t) = tables.last_mut() {
                            t.start_cell();
                        }
                    }
                    _ if BLOCK_ELEMENTS.contains(&name.as_str()) => break_line(&mut tables, &mut text),
                    _ => {}
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if let Some(s) = &skipping {
                    if *s == name {
                        skipping = None;
                    }
                    continue;
                }
                match name.as_str() {
                    "table" => {
                        let Some(mut done) = tables.pop() else { continue };
                        done.close_cell();
                        match tables.last_mut().and_then(TableBuild::text) {
                            // A table inside a cell: its text joins the cell.
                            Some(cell) => {
                                for row in &done.rows {
                                    cell.push_str(&row.join(" "));
                                    cell.push('\n');
                                }
                            }
                            None => {
                                if tables.is_empty() {
                                    blocks.push(Block::Table(done.rows));
                                }
                            }
                        }
                    }
                    "td" | "th" | "tr" => {
                        if let Some(t) = tables.last_mut() {
                            t.close_cell();
                        }
                    }
                    _ if BLOCK_ELEMENTS.contains(&name.as_str()) => break_line(&mut tables, &mut text),
                    _ => {}
                }
            }
            Token::String(s) => {
                if skipping.is_some() {
                    continue;
                }
                let s = String::from_utf8_lossy(&s);
                match tables.last_mut() {
                    Some(t) => {
                        if let Some(cell) = t.text() {
                            cell.push_str(&s);
                        }
                    }
                    None => text.push_str(&s.replace(['\n', '\r'], " ")),
                }
            }
            _ => {}
        }
    }
    // An unclosed table still counts.
    while let Some(mut t) = tables.pop() {
        t.close_cell();
        if tables.is_empty() {
            flush_text(&mut text, &mut blocks);
            blocks.push(Block::Table(t.rows));
        }
    }
    flush_text(&mut text, &mut blocks);
    blocks
}

/// The text of an HTML document with its tables as tab-separated rows: what
/// the checker reads.
pub fn html_text(html: &str) -> String {
    super::blocks_to_text(&html_blocks(html))
}

/// Checks a report given as an HTML page.
pub fn check_html(html: &str, source: Option<&str>) -> crate::Report {
    crate::check(&html_text(html), source)
}

fn break_line(tables: &mut [TableBuild], text: &mut String) {
    match tables.last_mut() {
        Some(t) => {
            if let Some(cell) = t.text() {
                cell.push('\n');
            }
        }
        None => {
            if !text.ends_with('\n') && !text.is_empty() {
                text.push('\n');
            }
        }
    }
}

/// Running text so far as a block: its lines trimmed, blank lines dropped.
fn flush_text(text: &mut String, blocks: &mut Vec<Block>) {
    let lines: Vec<String> = text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    if !lines.is_empty() {
        blocks.push(Block::Text(lines.join("\n")));
    }
    text.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_and_text_in_order() {
        let html = "<html><head><title>t</title><style>p{}</style></head><body><p>二、主动公开</p>\
            <table><tr><td colspan=4>第二十条</td></tr><tr><td>规章</td><td>0</td><td>&nbsp;</td><td>1<br></td></tr></table>\
            <script>var x = '<td>';</script><div>三、收到</div></body></html>";
        let blocks = html_blocks(html);
        assert_eq!(
            blocks,
            [
                Block::Text("二、主动公开".into()),
                Block::Table(vec![vec!["第二十条".into()], vec!["规章".into(), "0".into(), "\u{a0}".into(), "1\n".into()]]),
                Block::Text("三、收到".into()),
            ]
        );
    }

    #[test]
    fn tag_soup_and_nested_tables() {
        let html = "<table><tr><td>a<td>1<tr><td>b<table><tr><td>x</td><td>y</td></tr></table></td><td>2</table>tail";
        let blocks = html_blocks(html);
        assert_eq!(
            blocks,
            [
                Block::Table(vec![vec!["a".into(), "1".into()], vec!["bx y\n".into(), "2".into()]]),
                Block::Text("tail".into()),
            ]
        );
    }

    #[test]
    fn never_panics_on_broken_markup() {
        for html in ["", "<", "<table", "</table></tr><td>", "<td>1</td>", "<table><table><tr>", "&#xffffffff;<p"] {
            let _ = html_text(html);
        }
    }
}
