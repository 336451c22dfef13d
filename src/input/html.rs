//! An HTML page (a saved .html file, or the text/html of a paste) as
//! [`Block`]s: its text, and each `<table>` as a cell grid. Feature `html`.
//!
//! The browser builds the same blocks with its DOMParser; this reads them
//! natively with a small tokenizer (html5gum), for the CLI and the tests.
//! Only what matters for reading tables is modelled: `<tr>` starts a row,
//! `<td>`/`<th>` a cell, `<br>` and block elements break lines, `<script>`
//! and `<style>` are skipped. A table that holds another table lays out the
//! page: its cells are running text and the inner tables are the data
//! tables. Unclosed tags (tag soup) are closed where the next one starts.

use super::grid::Block;
use html5gum::{DefaultEmitter, Token, Tokenizer};

/// Elements after which running text breaks its line.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
    "title",
    "caption",
    "center",
    "form",
    "nav",
    "aside",
    "main",
    "figure",
];

/// Elements whose content is never text.
const SKIPPED: &[&str] = &["script", "style", "noscript", "template", "head"];

/// A table being read: its rows and the cell being filled.
#[derive(Default)]
struct TableBuild {
    rows: Vec<Vec<String>>,
    cell: Option<String>,
    /// It holds another table: a page-layout table, whose cells are running
    /// text and whose inner tables are the data tables.
    layout: bool,
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
}

/// The reader's state: blocks so far, running text, open tables.
#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    text: String,
    tables: Vec<TableBuild>,
}

impl Reader {
    /// The innermost open data table (not a layout one).
    fn data_table(&mut self) -> Option<&mut TableBuild> {
        self.tables.last_mut().filter(|t| !t.layout)
    }

    fn start_table(&mut self) {
        if let Some(outer) = self.tables.last_mut().filter(|t| !t.layout) {
            // The outer table turns out to be layout: what it read so far
            // is running text, in order.
            outer.layout = true;
            outer.close_cell();
            let rows = std::mem::take(&mut outer.rows);
            for row in rows {
                self.text.push_str(&row.join(" "));
                self.text.push('\n');
            }
        }
        flush_text(&mut self.text, &mut self.blocks);
        self.tables.push(TableBuild::default());
    }

    fn end_table(&mut self) {
        let Some(mut done) = self.tables.pop() else { return };
        if done.layout {
            break_line(&mut self.text);
            return;
        }
        done.close_cell();
        flush_text(&mut self.text, &mut self.blocks);
        self.blocks.push(Block::Table(done.rows));
    }

    fn start_row(&mut self) {
        match self.data_table() {
            Some(t) => {
                t.close_cell();
                t.rows.push(Vec::new());
            }
            None => break_line(&mut self.text),
        }
    }

    fn start_cell(&mut self) {
        match self.data_table() {
            Some(t) => {
                t.close_cell();
                if t.rows.is_empty() {
                    t.rows.push(Vec::new());
                }
                t.cell = Some(String::new());
            }
            None => break_line(&mut self.text),
        }
    }

    fn end_cell(&mut self) {
        match self.data_table() {
            Some(t) => t.close_cell(),
            None => break_line(&mut self.text),
        }
    }

    fn line_break(&mut self) {
        match self.data_table() {
            Some(t) => {
                if let Some(cell) = t.cell.as_mut() {
                    cell.push('\n');
                }
            }
            None => break_line(&mut self.text),
        }
    }

    fn push_text(&mut self, s: &str) {
        match self.data_table() {
            // Text between a data table's cells (browsers move it before
            // the table) is dropped.
            Some(t) => {
                if let Some(cell) = t.cell.as_mut() {
                    cell.push_str(s);
                }
            }
            None => self.text.push_str(&s.replace(['\n', '\r'], " ")),
        }
    }
}

/// Reads an HTML document into blocks in document order.
pub fn html_blocks(html: &str) -> Vec<Block> {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut r = Reader::default();
    let mut skipping: Option<String> = None;
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                if skipping.is_some() {
                    continue;
                }
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if SKIPPED.contains(&name.as_str()) && !tag.self_closing {
                    // <head> too: a page's body repeats its title.
                    skipping = Some(name);
                    continue;
                }
                match name.as_str() {
                    "table" => r.start_table(),
                    "tr" => r.start_row(),
                    "td" | "th" => r.start_cell(),
                    _ if BLOCK_ELEMENTS.contains(&name.as_str()) => r.line_break(),
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
                    "table" => r.end_table(),
                    "td" | "th" | "tr" => r.end_cell(),
                    _ if BLOCK_ELEMENTS.contains(&name.as_str()) => r.line_break(),
                    _ => {}
                }
            }
            Token::String(s) if skipping.is_none() => r.push_text(&String::from_utf8_lossy(&s)),
            _ => {}
        }
    }
    // Unclosed tables still count.
    while !r.tables.is_empty() {
        r.end_table();
    }
    flush_text(&mut r.text, &mut r.blocks);
    r.blocks
}

/// The text of an HTML document with its tables as tab-separated rows: what
/// the checker reads.
pub fn html_text(html: &str) -> String {
    super::blocks_to_text(&html_blocks(html))
}

fn break_line(text: &mut String) {
    if !text.ends_with('\n') && !text.is_empty() {
        text.push('\n');
    }
}

/// Running text so far as a block: its lines trimmed, blank lines dropped.
fn flush_text(text: &mut String, blocks: &mut Vec<Block>) {
    let lines: Vec<String> =
        text.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|l| !l.is_empty()).collect();
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
                Block::Table(vec![
                    vec!["第二十条".into()],
                    vec!["规章".into(), "0".into(), "\u{a0}".into(), "1\n".into()]
                ]),
                Block::Text("三、收到".into()),
            ]
        );
    }

    #[test]
    fn tag_soup() {
        let html = "<table><tr><td>a<td>1<tr><td>b</td><td>2</table>tail";
        assert_eq!(
            html_blocks(html),
            [
                Block::Table(vec![vec!["a".into(), "1".into()], vec!["b".into(), "2".into()]]),
                Block::Text("tail".into())
            ]
        );
    }

    #[test]
    fn a_page_laid_out_in_a_table_keeps_its_data_tables() {
        let html = "<table><tr><td>标题</td></tr><tr><td><p>二、主动公开</p>\
            <table><tr><td>规章</td><td>0</td></tr></table><p>三、收到</p>\
            <table><tr><td>一、本年新收</td><td>1</td></tr></table></td></tr></table><p>五、</p>";
        assert_eq!(
            html_blocks(html),
            [
                Block::Text("标题\n二、主动公开".into()),
                Block::Table(vec![vec!["规章".into(), "0".into()]]),
                Block::Text("三、收到".into()),
                Block::Table(vec![vec!["一、本年新收".into(), "1".into()]]),
                Block::Text("五、".into()),
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
