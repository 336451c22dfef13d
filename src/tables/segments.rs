//! A table region as segments: a label (all text up to the next number)
//! followed by the cells after it.
//!
//! This is what makes every text shape look alike: a label broken over
//! three lines, a label in one cell and its seven numbers in seven lines, or
//! a whole row on one line all become one segment. A sentence that counts
//! a table's rows (`其中，予以公开2件`) gives none.

use crate::read::tokens::{Kind, Token};
use crate::template::{COUNT_UNITS, DATE_UNITS};
use crate::util::chars::is_chinese_numeral;
use std::borrow::Cow;

#[derive(Debug, Clone)]
pub struct Segment<'t> {
    /// The label text with white space removed and `1、` written `1.`:
    /// borrowed from the text when one token is the whole label as it is.
    pub label: Cow<'t, str>,
    /// Index (in the region's tokens) of the first label token, if any.
    pub label_token: Option<&'t Token>,
    /// Numbers and blank marks after the label.
    pub cells: Vec<&'t Token>,
    /// The cells (indices in `cells`, in order) that start a line which goes
    /// on with text, so may be stray numbers (an OCR line number, a page
    /// number) rather than cells. Mostly none, so mostly no allocation.
    pub leading: Vec<usize>,
}

impl Segment<'_> {
    /// A segment yet to be filled, sized for a usual row (up to 7 cells),
    /// so that filling it seldom reallocates.
    fn empty() -> Self {
        Segment { label: Cow::Borrowed(""), label_token: None, cells: Vec::with_capacity(8), leading: Vec::new() }
    }

    /// The line (0-based, normalised) where the segment's label starts, or
    /// its first cell.
    pub fn first_token(&self) -> Option<&Token> {
        self.label_token.or_else(|| self.cells.first().copied())
    }

    /// Whether the segment is a piece of a sentence that counts
    /// (`其中，予以公开2件`): every number of it written with a unit (see
    /// [`counted_in_prose`]), on a line with a sentence's punctuation. Its
    /// label may read as a row's (`予以公开`), but its numbers are no cells.
    fn counts_in_prose(&self, text: &str) -> bool {
        let Some(first) = self.cells.first() else { return false };
        // (The units first: the line is looked for only then, as a
        // flattened page is one long line.)
        if !self.cells.iter().all(|t| t.number().is_some() && counted_in_prose(t, text)) {
            return false;
        }
        let line_start = text[..first.start].rfind('\n').map_or(0, |p| p + 1);
        let line_end = text[first.start..].find('\n').map_or(text.len(), |p| first.start + p);
        text[line_start..line_end].contains([',', '。', ';'])
    }
}

/// Whether a number is written with a unit of counting or of a date
/// (`予以公开2件`, `2021年`): prose's, never a cell's.
pub fn counted_in_prose(t: &Token, text: &str) -> bool {
    text[t.end..].chars().next().is_some_and(is_unit)
}

/// Whether `c` is a unit of counting or of a date (`件`, `年`).
pub(super) fn is_unit(c: char) -> bool {
    COUNT_UNITS.contains(&c) || DATE_UNITS.contains(&c)
}

pub fn segments<'t>(tokens: &'t [Token], text: &'t str) -> Vec<Segment<'t>> {
    // For each token: a text token follows it on its line (tokens come in
    // line order). A cell is leading when its line's first text follows it.
    let mut text_follows = vec![false; tokens.len()];
    let mut seen_text: Option<usize> = None; // the line of the last text token seen, from the end
    for (i, t) in tokens.iter().enumerate().rev() {
        text_follows[i] = seen_text == Some(t.line);
        if t.is_text() {
            seen_text = Some(t.line);
        }
    }
    let mut out: Vec<Segment> = Vec::with_capacity(tokens.len() / 4);
    let mut current = Segment::empty();
    let mut last_text_line = None;
    for (i, t) in tokens.iter().enumerate() {
        match t.kind {
            Kind::Text => {
                last_text_line = Some(t.line);
                if !current.cells.is_empty() {
                    out.push(std::mem::replace(&mut current, Segment::empty()));
                }
                if current.label_token.is_none() {
                    current.label_token = Some(t);
                }
                append_label(&mut current.label, &text[t.start..t.end]);
            }
            Kind::Number(_) | Kind::Blank | Kind::Empty(_) => {
                let text_before = last_text_line == Some(t.line);
                if text_follows[i] && !text_before && t.trace().is_none() {
                    current.leading.push(current.cells.len());
                }
                current.cells.push(t);
            }
        }
    }
    if current.label_token.is_some() || !current.cells.is_empty() {
        out.push(current);
    }
    // A sentence above a table that counts its rows is no row of it.
    out.retain(|s| !s.counts_in_prose(text));
    out
}

/// The lines of a segment's label, each as label text (see [`label_text`])
/// with its first token; a token that starts with a row's ordinal starts a
/// line of its own. `tokens` is the region the segment was made from.
pub fn label_lines<'t>(seg: &Segment, tokens: &'t [Token], text: &'t str) -> Vec<(Cow<'t, str>, &'t Token)> {
    let (Some(first), Some(end)) = (seg.label_token, seg.cells.first().map(|c| c.start).or(Some(usize::MAX))) else {
        return Vec::new();
    };
    let from = tokens.partition_point(|t| t.start < first.start);
    let to = tokens.partition_point(|t| t.start < end);
    let mut out: Vec<(Cow<str>, &Token)> = Vec::new();
    for t in tokens.get(from..to).unwrap_or(&[]).iter().filter(|t| t.is_text()) {
        let whole = &text[t.start..t.end];
        // (A row's ordinal starts a label of its own on the same line, even
        // inside a token: `3.其他(七)总计`, a flattened page.)
        let mut cuts = inner_ordinals(whole).peekable();
        let mut from = 0;
        while from < whole.len() {
            let to = cuts.next().unwrap_or(whole.len());
            let piece = &whole[from..to];
            match out.last_mut() {
                Some((line, first)) if first.line == t.line && !starts_with_ordinal(&label_text(piece)) => {
                    append_label(line, piece)
                }
                _ => out.push((label_text(piece), t)),
            }
            from = to;
        }
    }
    out
}

/// Where a row's Chinese ordinal (`(七)`, `四、`) starts inside a piece of
/// text, after its start.
fn inner_ordinals(piece: &str) -> impl Iterator<Item = usize> + '_ {
    piece.char_indices().skip(1).filter_map(move |(i, c)| {
        let rest = &piece[i..];
        let chinese = (c == '(' || is_chinese_numeral(c)) && starts_with_ordinal(rest);
        chinese.then_some(i)
    })
}

/// Whether a label line starts with a row's ordinal: `一、`, `(三)`, `2.`.
pub fn starts_with_ordinal(s: &str) -> bool {
    // (The first three characters, without collecting them: it is asked
    // of every label piece and of every 、 or numeral inside one.)
    let mut chars = s.chars();
    let (a, b, c) = (chars.next(), chars.next(), chars.next());
    let numeral = |c: Option<char>| c.is_some_and(is_chinese_numeral);
    match (a, b, c) {
        (a, Some('、'), _) if numeral(a) => true,
        (Some('('), b, Some(')')) if numeral(b) => true,
        (Some(a), Some('.' | '、'), _) if a.is_ascii_digit() => true,
        _ => false,
    }
}

/// The segments with each label that holds several rows' labels, one a
/// line (`3.危及“三安全一稳定”` above `4.保护第三方合法权益 0 0 …` where the
/// text keeps no trace of a row's empty cells), split into one segment a
/// row: the rows before the last have no cells. A line that starts with
/// no ordinal goes on with the label above it (a wrapped label).
pub fn split_rows<'t>(segs: Vec<Segment<'t>>, tokens: &'t [Token], text: &'t str) -> Vec<Segment<'t>> {
    let mut out = Vec::with_capacity(segs.len() + 8);
    for seg in segs {
        let lines = label_lines(&seg, tokens, text);
        // (A segment rebuilt from column-major text has a label of its own.)
        let own = lines.iter().map(|l| l.0.len()).sum::<usize>() == seg.label.len();
        let starts: Vec<usize> = (0..lines.len()).filter(|&i| own && starts_with_ordinal(&lines[i].0)).collect();
        if starts.len() < 2 && !(starts.len() == 1 && starts[0] > 0) {
            out.push(seg);
            continue;
        }
        let mut bounds: Vec<usize> = starts.clone();
        if bounds[0] > 0 {
            bounds.insert(0, 0);
        }
        for (k, &from) in bounds.iter().enumerate() {
            let to = bounds.get(k + 1).copied().unwrap_or(lines.len());
            let mut label = Cow::Borrowed("");
            for (line, _) in &lines[from..to] {
                label.to_mut().push_str(line);
            }
            let last = k + 1 == bounds.len();
            out.push(Segment {
                label,
                label_token: Some(lines[from].1),
                cells: if last { seg.cells.clone() } else { Vec::new() },
                leading: if last { seg.leading.clone() } else { Vec::new() },
            });
        }
    }
    out
}

/// A token's text as segment labels hold it: `1、` written `1.`.
pub fn label_text(text: &str) -> Cow<'_, str> {
    let mut label = Cow::Borrowed("");
    append_label(&mut label, text);
    label
}

/// [`push_label`] onto a label that may still borrow the text: a first
/// token that needs no rewriting is borrowed, not copied.
fn append_label<'t>(label: &mut Cow<'t, str>, text: &'t str) {
    if label.is_empty() && first_ordinal_comma(text.as_bytes(), 0).is_none() {
        *label = Cow::Borrowed(text);
    } else {
        push_label(label.to_mut(), text);
    }
}

/// Where the first `、` right after a digit is, from `from` on.
fn first_ordinal_comma(bytes: &[u8], mut from: usize) -> Option<usize> {
    const COMMA: &[u8] = "、".as_bytes();
    // From digit to digit (labels have few).
    while let Some(d) = bytes[from..].iter().position(u8::is_ascii_digit) {
        let at = from + d + 1;
        if bytes[at..].starts_with(COMMA) {
            return Some(at);
        }
        from = at;
    }
    None
}

fn push_label(label: &mut String, text: &str) {
    // Token text holds no white space (tokens are split at it), so only
    // `1、` is rewritten; the rest is copied in runs.
    debug_assert!(!text.contains(char::is_whitespace), "{text:?}");
    let bytes = text.as_bytes();
    let mut run = 0;
    while let Some(at) = first_ordinal_comma(bytes, run) {
        label.push_str(&text[run..at]);
        label.push('.');
        run = at + "、".len();
    }
    label.push_str(&text[run..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::tokens::tokenise;

    #[test]
    fn one_cell_per_line_and_one_row_per_line_agree() {
        let a = "\t规章\n\t0\n\t0\n\t1\n";
        let b = "规章 0 0 1";
        for text in [a, b] {
            let t = tokenise(text);
            let s = segments(&t.tokens, text);
            assert_eq!(s.len(), 1);
            assert_eq!(s[0].label, "规章");
            assert_eq!(s[0].cells.len(), 3);
        }
    }

    #[test]
    fn a_number_before_a_label_on_its_line_is_marked_leading() {
        let text = "2. 没有\t0\t0\n710\t\t3. 补正后\t0";
        let t = tokenise(text);
        let s = segments(&t.tokens, text);
        assert_eq!(s[0].cells.iter().filter(|c| c.trace().is_none()).count(), 3);
        assert_eq!(s[0].leading, [2]);
        assert_eq!(s[1].label, "3.补正后");
        // Text before it on its line: a cell of that text, not leading.
        let text = "规章 5 其他 6";
        let t = tokenise(text);
        assert!(segments(&t.tokens, text)[0].leading.is_empty());
    }

    #[test]
    fn rows_named_one_after_another_on_a_line_are_split() {
        // A flattened page: rows left empty keep only their labels.
        let text = "2.其他法律禁止公开3.危及安全(七)总计2190141202225";
        let t = tokenise(text);
        let s = split_rows(segments(&t.tokens, text), &t.tokens, text);
        let labels: Vec<&str> = s.iter().map(|s| s.label.as_ref()).collect();
        assert_eq!(labels, ["2.其他法律禁止公开", "3.危及安全", "(七)总计"]);
        assert_eq!(s.iter().map(|s| s.cells.len()).collect::<Vec<_>>(), [0, 0, 1]);
    }

    proptest::proptest! {
        /// `1、` written `1.`, as a byte-by-byte reading writes it.
        #[test]
        fn label_text_as_read_byte_by_byte(text in "[1、2规a.]{0,12}") {
            let bytes = text.as_bytes();
            let mut plain = String::new();
            let mut run = 0;
            for at in 1..bytes.len() {
                if bytes[at - 1].is_ascii_digit() && bytes[at..].starts_with("、".as_bytes()) {
                    plain.push_str(&text[run..at]);
                    plain.push('.');
                    run = at + "、".len();
                }
            }
            plain.push_str(&text[run..]);
            proptest::prop_assert_eq!(label_text(&text), plain);
        }
    }
}
