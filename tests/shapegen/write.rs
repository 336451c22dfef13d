//! Writers: a [`Page`] in each shape a report's text arrives in, as the
//! programs people use write it. Each takes the page and, where the
//! programs differ among themselves, a generator that picks a variant.

use super::page::{Block, Grid, Page, Role};
use super::truth::Rng;

// ------------------------------------------------------------ HTML

/// The page as real CMS pages are: `<table border=1>`, every cell's text
/// in `<td><p><span>`, group labels in rowspan cells, label cells spanning
/// columns, header rows, `&nbsp;` in empty cells; as the page's [`Look`](super::page::Look)
/// says, inline styles, header words broken by `<br>`, long labels in two
/// paragraphs.
pub fn html(page: &Page) -> String {
    let look = page.look;
    let td = if look.styled { " style=\"border:1px solid #000;padding:3.75pt;\" valign=\"center\"" } else { "" };
    let (p_open, p_close) = if look.styled {
        ("<p style=\"margin:0;text-align:center;line-height:21pt;\"><span style=\"font-family:仿宋_GB2312;font-size:12pt;\">", "</span></p>")
    } else {
        ("<p><span>", "</span></p>")
    };
    let mut h = String::from("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str(&format!("<title>{}</title>\n", esc(&page.title)));
    h.push_str(
        "<style>body{font-size:12pt} td{font-size:10.5pt}</style>\n</head>\n<body>\n<div class=\"TRS_Editor\">\n",
    );
    for block in &page.blocks {
        match block {
            Block::Title(t) => h.push_str(&format!("<h1 style=\"text-align:center\">{}</h1>\n", esc(t))),
            Block::Heading(t) => h.push_str(&format!("<p><strong><span>{}</span></strong></p>\n", esc(t))),
            Block::Para(t) => h.push_str(&format!("<p style=\"text-indent:2em\"><span>{}</span></p>\n", esc(t))),
            Block::Table(g) => {
                h.push_str("<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" style=\"border-collapse:collapse;width:100%\">\n<tbody>\n");
                for row in &g.rows {
                    h.push_str("<tr>");
                    for c in row {
                        let mut attrs = String::new();
                        if c.colspan > 1 {
                            attrs.push_str(&format!(" colspan=\"{}\"", c.colspan));
                        }
                        if c.rowspan > 1 {
                            attrs.push_str(&format!(" rowspan=\"{}\"", c.rowspan));
                        }
                        let typed = page.typed(c);
                        let inner = if typed.is_empty() {
                            match look.empty_form {
                                0 => "<p>&nbsp;</p>".to_string(),
                                1 => "&nbsp;".to_string(),
                                _ => format!("{p_open}&nbsp;{p_close}"),
                            }
                        } else {
                            let paragraph = |lines: &Vec<String>| {
                                let lines: Vec<String> = lines.iter().map(|l| esc(l)).collect();
                                format!("{p_open}{}{p_close}", lines.join("<br>"))
                            };
                            typed.iter().map(paragraph).collect()
                        };
                        h.push_str(&format!("<td{attrs}{td}>{inner}</td>"));
                    }
                    h.push_str("</tr>\n");
                }
                h.push_str("</tbody>\n</table>\n");
            }
        }
    }
    h.push_str("</div>\n</body>\n</html>\n");
    h
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

// ------------------------------------------------------------ plain text shapes

/// Table rows a line, cells separated by tabs, an empty cell an empty
/// field (a web page or a Word table copied as text; what the HTML and
/// .docx readers write). A spanned cell is written once.
pub fn tab_rows(page: &Page) -> String {
    text_lines(page, |g, s| {
        for row in &g.rows {
            let cells: Vec<&str> = row.iter().map(|c| c.text.as_str()).collect();
            s.push_str(&cells.join("\t"));
            s.push('\n');
        }
    })
}

/// The page's title, headings and paragraphs a line each, its tables as
/// `table` writes them.
fn text_lines(page: &Page, mut table: impl FnMut(&Grid, &mut String)) -> String {
    let mut s = String::new();
    for block in &page.blocks {
        match block {
            Block::Title(t) | Block::Heading(t) | Block::Para(t) => {
                s.push_str(t);
                s.push('\n');
            }
            Block::Table(g) => table(g, &mut s),
        }
    }
    s
}

/// One cell a line, as Chromium copies the page [`html`] writes (the
/// fixtures' copy.txt is this text, byte for byte): a paragraph, of a cell
/// too, is a line of its own followed by an empty line, a `<br>` a line
/// break; an empty cell's `&nbsp;` is a space, a line of its own when in a
/// `<p>`, else inline: bare cells side by side share a line, apart by tabs.
pub fn cell_per_line(page: &Page) -> String {
    let mut s = String::new();
    for block in &page.blocks {
        match block {
            Block::Title(t) => {
                s.push_str(t);
                s.push('\n');
            }
            Block::Heading(t) | Block::Para(t) => {
                s.push_str(t);
                s.push_str("\n\n");
            }
            Block::Table(g) => {
                for row in &g.rows {
                    // Whether the line holds inline text (a bare &nbsp;).
                    let mut inline = false;
                    for c in row {
                        if inline {
                            s.push('\t');
                        }
                        let typed = page.typed(c);
                        if typed.is_empty() && page.look.empty_form == 1 {
                            s.push(' ');
                            inline = true;
                            continue;
                        }
                        if inline {
                            s.push('\n');
                            inline = false;
                        }
                        if typed.is_empty() {
                            s.push_str(" \n\n");
                        }
                        for paragraph in typed {
                            s.push_str(&paragraph.join("\n"));
                            s.push_str("\n\n");
                        }
                    }
                    if inline {
                        s.push('\n');
                    }
                }
            }
        }
    }
    s
}

/// The whole report on one line, as some sites' text is saved: paragraphs
/// apart by a space, a table's cells glued with nothing between them.
pub fn flattened(page: &Page) -> String {
    let mut s = String::new();
    for block in &page.blocks {
        match block {
            Block::Title(t) | Block::Heading(t) | Block::Para(t) => {
                if !s.is_empty() && !s.ends_with(' ') {
                    s.push(' ');
                }
                s.push_str(t);
                s.push(' ');
            }
            Block::Table(g) => {
                // Glued to the heading before it, as the real ones are.
                s.truncate(s.trim_end().len());
                for c in g.rows.iter().flatten() {
                    s.extend(c.text.chars().filter(|c| !c.is_whitespace()));
                }
            }
        }
    }
    s.trim_end().to_string() + "\n"
}

// ------------------------------------------------------------ Crawled

/// As web crawlers write the page [`html`] in markdown (the text a
/// research crawl gives, as real ones wrote many report pages): a table's
/// cells that hold a paragraph each on a line of their own closed by `|`
/// (`规章 |`, an empty paragraph `|` alone); the positions a span covers,
/// and a bare `&nbsp;`, hold no paragraph and are more `|` on the line
/// before (`第二十条第（一）项 | |||`) or, as some crawlers write, a line of
/// them (`|||`); some crawlers open each row with a line of `|`; rows padded
/// with empty cells alike. No `|---|` rule.
pub fn crawled(page: &Page, rng: &mut Rng) -> String {
    let opened = rng.chance(50);
    let bars_own_line = rng.chance(50);
    let padding = rng.below(3) as usize * 3;
    text_lines(page, |g, s| {
        for row in g.expanded() {
            let mut lines: Vec<String> = Vec::new();
            if opened {
                lines.push("|".to_string());
            }
            // Bars of cells with no paragraph, not yet written.
            let mut bars = 0;
            let flush = |lines: &mut Vec<String>, bars: &mut usize| {
                if *bars == 0 {
                    return;
                }
                let run = "|".repeat(*bars);
                let after_opening = opened && lines.len() == 1;
                match lines.last_mut() {
                    Some(last) if !bars_own_line && !after_opening => {
                        last.push(' ');
                        last.push_str(&run);
                    }
                    _ => lines.push(run),
                }
                *bars = 0;
            };
            for pos in row {
                let paragraph = match pos {
                    Some((r, i, true)) => {
                        let typed = page.typed(&g.rows[r][i]);
                        if typed.is_empty() {
                            (page.look.empty_form != 1).then(String::new)
                        } else {
                            Some(typed.concat().join(" "))
                        }
                    }
                    _ => None,
                };
                match paragraph {
                    Some(text) => {
                        flush(&mut lines, &mut bars);
                        lines.push(if text.is_empty() { "|".to_string() } else { format!("{text} |") });
                    }
                    None => bars += 1,
                }
            }
            bars += padding;
            flush(&mut lines, &mut bars);
            for l in lines {
                s.push_str(&l);
                s.push('\n');
            }
        }
    })
}

// ------------------------------------------------------------ Markdown

/// As PDF-to-Markdown converters write a report: `#` headings; tables as
/// pipe tables whose first row is a header (the table's own first row, or
/// generic words a converter makes up: 数据1…, 第1列…) above `|---|`;
/// spans expanded into empty cells; table 三 cut into two tables at a page
/// break, the second with a header of its own; table 四 as three tables,
/// one a group, each with its own header; and now and then a long label in
/// one row with its numbers in the next.
pub fn markdown(page: &Page, rng: &mut Rng) -> String {
    let generic = rng.below(3); // 0: the table's first row; 1: 数据N; 2: 第N列
    let mut s = String::new();
    for block in &page.blocks {
        match block {
            Block::Title(t) => s.push_str(&format!("# {t}\n\n")),
            Block::Heading(t) => s.push_str(&format!("## {t}\n\n")),
            Block::Para(t) => s.push_str(&format!("{t}\n\n")),
            Block::Table(g) => {
                let rows = md_rows(g, rng);
                match g.table {
                    nianbao::template::TableId::Review if rng.chance(70) => review_tables(g, &rows, generic, &mut s),
                    nianbao::template::TableId::Requests if rng.chance(60) => {
                        // A page break somewhere in the body: two tables.
                        let head = g.rows.len()
                            - g.rows.iter().filter(|r| r.iter().any(|c| matches!(c.role, Role::Value { .. }))).count();
                        let cut = head + 3 + rng.below((rows.len() - head).saturating_sub(6) as u64) as usize;
                        md_table(&rows[..cut], generic, &mut s);
                        s.push_str("- 3 -\n\n");
                        md_table(&rows[cut..], if generic == 0 { 1 } else { generic }, &mut s);
                    }
                    _ => md_table(&rows, generic, &mut s),
                }
            }
        }
    }
    s
}

/// The grid's rows as Markdown cells, spans expanded into empty cells; a
/// long label now and then in a row of its own above its values.
fn md_rows(g: &Grid, rng: &mut Rng) -> Vec<Vec<String>> {
    let cells = g.expanded();
    let mut out = Vec::new();
    for (r, row) in cells.iter().enumerate() {
        let text: Vec<String> = row
            .iter()
            .map(|pos| match pos {
                Some((rr, i, true)) => g.rows[*rr][*i].text.clone(),
                _ => String::new(),
            })
            .collect();
        let label_len = g.rows[r].iter().filter(|c| c.role == Role::Label).map(|c| c.text.chars().count()).max();
        let values = g.rows[r].iter().any(|c| matches!(c.role, Role::Value { .. }));
        if values && label_len.is_some_and(|n| n >= 12) && rng.chance(50) {
            // The label in one row, its values in the next.
            let split = |keep_values: bool| {
                row.iter()
                    .zip(&text)
                    .map(|(pos, t)| {
                        let is_value = pos.is_some_and(|(rr, i, _)| matches!(g.rows[rr][i].role, Role::Value { .. }));
                        if is_value == keep_values {
                            t.clone()
                        } else {
                            String::new()
                        }
                    })
                    .collect::<Vec<String>>()
            };
            out.push(split(false));
            out.push(split(true));
        } else {
            out.push(text);
        }
    }
    out
}

fn md_line(cells: &[String]) -> String {
    format!("| {} |\n", cells.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(" | "))
}

/// A pipe table: a header row (the first row, or made-up words), `|---|`,
/// the rest.
fn md_table(rows: &[Vec<String>], generic: u64, s: &mut String) {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let (header, body): (Vec<String>, &[Vec<String>]) = match generic {
        0 => (rows[0].clone(), &rows[1..]),
        1 => ((1..=width).map(|i| format!("数据{i}")).collect(), rows),
        _ => ((1..=width).map(|i| format!("第{i}列")).collect(), rows),
    };
    s.push_str(&md_line(&header));
    s.push_str(&md_line(&vec!["---".to_string(); width]));
    for r in body {
        s.push_str(&md_line(r));
    }
    s.push('\n');
}

/// Table 四 as three tables, one a group: its name, then its five column
/// headings above `|---|` and its five values.
fn review_tables(g: &Grid, rows: &[Vec<String>], generic: u64, s: &mut String) {
    let values = rows.last().cloned().unwrap_or_default();
    let headings = &rows[rows.len().saturating_sub(2)];
    let groups = [
        g.rows[0].first().map_or(String::new(), |c| c.text.clone()),
        format!(
            "{}（{}）",
            g.rows[0].get(1).map_or("", |c| c.text.as_str()),
            g.rows[1].first().map_or("", |c| c.text.as_str())
        ),
        format!(
            "{}（{}）",
            g.rows[0].get(1).map_or("", |c| c.text.as_str()),
            g.rows[1].get(1).map_or("", |c| c.text.as_str())
        ),
    ];
    let n = values.len() / 3;
    for (k, name) in groups.iter().enumerate() {
        s.push_str(&format!("{name}\n\n"));
        let part = |r: &[String]| r[k * n..(k + 1) * n].to_vec();
        md_table(&[part(headings), part(&values)], generic, s);
    }
}
