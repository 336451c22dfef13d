//! The pasted text, normalised, with a map back to the original.
//!
//! Reports arrive with full-width digits and brackets, non-breaking and
//! ideographic spaces, `\r\n` line ends, zero-width characters and BOMs. Every
//! later stage reads the normalised text only; every position it reports is
//! mapped back through [`Normalised::original_offset`] so that a diagnostic
//! points at the byte (and line) the user pasted. A report in traditional
//! characters is read as the simplified text it is.

use crate::template::{TRADITIONAL, TRADITIONAL_CUE};
use crate::util::find::find;

/// A byte range in the *original* input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// The normalised text and the map back to the input it came from.
#[derive(Debug)]
pub struct Normalised {
    pub text: String,
    /// `(normalised offset, original offset)` where the two start to differ
    /// by a new amount; sorted by both.
    anchors: Vec<(usize, usize)>,
    original_len: usize,
    /// Byte offsets in the original input where each line starts.
    original_line_starts: Vec<usize>,
    /// For each line of the normalised text, its 1-based line in the
    /// original (the same unless `\u{2028}` and the like broke lines).
    original_lines: Vec<usize>,
    /// For each line of the normalised text, the last anchor at or before
    /// its start: a cell's anchor is looked for among its line's only.
    line_anchors: Vec<usize>,
    /// Offsets of the normalised text where a page starts: after each form
    /// feed (`\u{0c}`, which `pdftotext` writes between pages).
    page_starts: Vec<usize>,
}

/// What a character becomes in the normalised text (`None`: dropped).
/// `next` is the byte after it, for `\r\n`.
fn fold(c: char, next: Option<u8>) -> Option<char> {
    match c {
        '\r' if next == Some(b'\n') => None,
        '\r' | '\u{0b}' | '\u{0c}' | '\u{2028}' | '\u{2029}' | '\u{85}' => Some('\n'),
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0),
        '\u{3000}' | '\u{a0}' | '\u{2002}'..='\u{200a}' | '\u{202f}' | '\u{205f}' => Some(' '),
        '\u{2212}' | '\u{2010}' | '\u{2011}' | '\u{fe63}' => Some('-'),
        '\u{ff5f}' => Some('('),
        '\u{ff60}' => Some(')'),
        '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}' | '\u{ad}' => None,
        '\t' | '\n' => Some(c),
        c if c.is_control() => None,
        c => Some(c),
    }
}

/// A traditional character's simplified form (others as they are).
fn simplified(c: char) -> char {
    TRADITIONAL.binary_search_by_key(&c, |p| p.0).map_or(c, |i| TRADITIONAL[i].1)
}

impl Normalised {
    /// The text as the reader reads it, with the map back to `input`. A
    /// report in traditional characters is read as its simplified text,
    /// character for character: each pair takes the same bytes, so every
    /// offset is the input's.
    pub fn new(input: &str) -> Self {
        if find(input, TRADITIONAL_CUE).is_some() {
            let simple: String = input.chars().map(simplified).collect();
            return Self::folded(&simple);
        }
        Self::folded(input)
    }

    fn folded(input: &str) -> Self {
        let mut text = String::with_capacity(input.len());
        // (Most reports fold a few characters in a hundred bytes.)
        let mut anchors = Vec::with_capacity(input.len() / 64 + 1);
        anchors.push((0, 0));
        let bytes = input.as_bytes();
        // Start of the run of unchanged input not yet copied into `text`.
        let mut run_start = 0;
        // (Lines run 14 bytes or more.)
        let mut original_line_starts = Vec::with_capacity(input.len() / 14 + 1);
        original_line_starts.push(0);
        let mut original_lines = Vec::with_capacity(input.len() / 14 + 1);
        original_lines.push(1);
        let mut line_anchors = Vec::with_capacity(input.len() / 14 + 1);
        line_anchors.push(0);
        let mut page_starts = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            let b = bytes[at];
            // Fast paths: printable ASCII, tab and line feed, and U+4000 to
            // U+EFFF (CJK and the like) are kept as they are.
            if (0x20..0x7f).contains(&b) || b == b'\t' {
                at += 1;
                // (Runs are stepped over in tight loops.)
                while bytes.get(at).is_some_and(|&b| (0x20..0x7f).contains(&b) || b == b'\t') {
                    at += 1;
                }
                continue;
            }
            if b == b'\n' {
                original_line_starts.push(at + 1);
                original_lines.push(original_line_starts.len());
                line_anchors.push(anchors.len() - 1);
                at += 1;
                continue;
            }
            if (0xe4..=0xee).contains(&b) {
                at += 3;
                while bytes.get(at).is_some_and(|b| (0xe4..=0xee).contains(b)) {
                    at += 3;
                }
                continue;
            }
            let Some(c) = input[at..].chars().next() else { break };
            let next = at + c.len_utf8();
            // A lone `\r` ends a line too (`\r\n` ends at its `\n`).
            if c == '\r' && bytes.get(next) != Some(&b'\n') {
                original_line_starts.push(next);
            }
            let folded = fold(c, bytes.get(next).copied());
            match folded {
                // Unchanged text is copied in runs, not char by char.
                Some(f) if f == c => {
                    at = next;
                    continue;
                }
                Some(f) => {
                    text.push_str(&input[run_start..at]);
                    text.push(f);
                }
                None => text.push_str(&input[run_start..at]),
            }
            // An anchor is only needed where the delta changes.
            let anchor = (text.len(), next);
            if anchors.last().is_none_or(|a| a.0 as isize - a.1 as isize != anchor.0 as isize - anchor.1 as isize) {
                anchors.push(anchor);
            }
            if folded == Some('\n') {
                original_lines.push(original_line_starts.len());
                line_anchors.push(anchors.len() - 1);
            }
            if c == '\u{0c}' {
                page_starts.push(text.len());
            }
            at = next;
            run_start = next;
        }
        text.push_str(&input[run_start..]);
        Normalised {
            text,
            anchors,
            original_len: input.len(),
            original_line_starts,
            original_lines,
            line_anchors,
            page_starts,
        }
    }

    /// The page (0 the first) that a normalised offset is on, as the input's
    /// form feeds cut it.
    pub fn page_at(&self, offset: usize) -> usize {
        self.page_starts.partition_point(|&p| p <= offset)
    }

    /// Whether the input is cut into pages by form feeds, as
    /// `pdftotext` writes a PDF's text (which `-layout` lays out a
    /// character a column, a Chinese one as a digit).
    pub fn is_paged(&self) -> bool {
        !self.page_starts.is_empty()
    }

    /// The original byte offset of a byte offset in the normalised text.
    pub fn original_offset(&self, offset: usize) -> usize {
        self.offset_from(self.anchor_of(offset), offset)
    }

    /// The last anchor at or before a normalised offset.
    fn anchor_of(&self, offset: usize) -> usize {
        self.anchors.partition_point(|a| a.0 <= offset) - 1
    }

    fn offset_from(&self, anchor: usize, offset: usize) -> usize {
        let (n, o) = self.anchors[anchor];
        (o + (offset - n)).min(self.original_len)
    }

    /// The original span of a normalised range.
    pub fn span(&self, start: usize, end: usize) -> Span {
        self.span_from(self.anchor_of(start), start, end)
    }

    /// [`Normalised::span`] of a range that starts on 0-based normalised
    /// line `line` (a token's), its anchor looked for on that line only.
    pub fn span_on_line(&self, line: usize, start: usize, end: usize) -> Span {
        let on_line = |&lo: &usize| {
            let hi = self.line_anchors.get(line + 1).map_or(self.anchors.len(), |&i| i + 1);
            let anchors = self.anchors.get(lo..hi)?;
            // (Not on this line after all: the search below then gives it.)
            let beyond = self.anchors.get(hi).is_some_and(|a| a.0 <= start);
            (anchors.first()?.0 <= start && !beyond).then(|| lo + anchors.partition_point(|a| a.0 <= start) - 1)
        };
        let first = self.line_anchors.get(line).and_then(on_line).unwrap_or_else(|| self.anchor_of(start));
        self.span_from(first, start, end)
    }

    /// The span of a range whose start's anchor is `first`.
    fn span_from(&self, first: usize, start: usize, end: usize) -> Span {
        // A short range (a cell) seldom holds another anchor.
        let last = match self.anchors.get(first + 1) {
            _ if end < start => self.anchor_of(end),
            Some(a) if a.0 <= end => first + self.anchors[first..].partition_point(|a| a.0 <= end) - 1,
            _ => first,
        };
        Span { start: self.offset_from(first, start), end: self.offset_from(last, end) }
    }

    /// 1-based line, in the original input, of a 0-based line of the
    /// normalised text: [`Normalised::line_at`] of any offset on that line,
    /// without a search.
    pub fn original_line(&self, normalised_line: usize) -> usize {
        match self.original_lines.get(normalised_line) {
            Some(&line) => line,
            None => self.line_at(self.text.len()),
        }
    }

    /// 1-based line, in the original input, of an original byte offset.
    pub fn line_of(&self, original_offset: usize) -> usize {
        self.original_line_starts.partition_point(|&s| s <= original_offset).max(1)
    }

    /// 1-based original line of a normalised offset.
    pub fn line_at(&self, offset: usize) -> usize {
        self.line_of(self.original_offset(offset))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_form_feed_starts_a_page() {
        let n = super::Normalised::new("一\n二\u{0c}三\n四\u{0c}\u{0c}五");
        let page = |s: &str| n.page_at(n.text.find(s).unwrap());
        assert_eq!([page("一"), page("二"), page("三"), page("四"), page("五")], [0, 0, 1, 1, 3]);
        assert_eq!(n.text.lines().count(), 6, "a form feed still ends a line");
    }

    #[test]
    fn traditional_characters_map_by_halves_and_keep_their_bytes() {
        use crate::template::TRADITIONAL;
        assert!(TRADITIONAL.windows(2).all(|w| w[0].0 < w[1].0), "in the order of the traditional ones");
        assert!(TRADITIONAL.iter().all(|(t, s)| t.len_utf8() == 3 && s.len_utf8() == 3 && t != s));
    }

    #[test]
    fn a_report_in_traditional_characters_reads_as_its_simplified_text() {
        use crate::template::{v2019::V2019, v2021::V2021, TRADITIONAL};
        use crate::testing::{codes, Sample};
        let traditional = |c: char| TRADITIONAL.iter().find(|p| p.1 == c).map_or(c, |p| p.0);
        for v in [&V2019, &V2021] {
            let sample = Sample::new(v).agency("測試市教育局");
            let simple = sample.text();
            let text: String = simple.chars().map(traditional).collect();
            assert!(text.contains("公開") && text.contains("規"), "{text}");
            let (a, b) = (crate::check(&simple, None), crate::check(&text, None));
            let tables = |r: &crate::Report| {
                let v = serde_json::to_value(r).unwrap();
                (v["active"].clone(), v["requests"].clone(), v["review"].clone())
            };
            assert_eq!(tables(&b), tables(&a), "{:?}", codes(&b));
            assert_eq!(codes(&b), codes(&a));
            assert_eq!(b.tables.requests.rows[0].cells[0].span, a.tables.requests.rows[0].cells[0].span);
        }
    }

    use super::*;

    #[test]
    fn folds_width_and_keeps_the_map() {
        let input = "规章\u{3000}０\t１２\r\n（二）";
        let n = Normalised::new(input);
        assert_eq!(n.text, "规章 0\t12\n(二)");
        let zero = n.text.find('0').unwrap();
        assert_eq!(&input[n.original_offset(zero)..][..3], "０");
        let paren = n.text.find('(').unwrap();
        assert_eq!(n.line_at(paren), 2);
        assert_eq!(n.line_at(0), 1);
    }

    #[test]
    fn drops_invisible_characters() {
        let n = Normalised::new("\u{feff}a\u{200b}b\u{202e}c");
        assert_eq!(n.text, "abc");
        assert_eq!(n.original_offset(n.text.find('c').unwrap()), 11);
    }

    #[test]
    fn the_fast_paths_skip_only_characters_kept_as_they_are() {
        let fast = (0x20..0x7f).chain([0x09, 0x0a]).chain(0x4000..0xf000);
        for c in fast.filter_map(char::from_u32) {
            assert_eq!(fold(c, None), Some(c), "{c:?}");
        }
    }

    proptest::proptest! {
        /// The line starts found on the way equal a plain scan's.
        #[test]
        fn line_starts_as_a_plain_scan_finds_them(input in "[a\\r\\n\\t 0０规（\u{3000}\u{2028}\u{200b}\u{85}]{0,40}") {
            let bytes = input.as_bytes();
            let mut plain = vec![0];
            for (i, &b) in bytes.iter().enumerate() {
                if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                    plain.push(i + 1);
                }
            }
            proptest::prop_assert_eq!(Normalised::new(&input).original_line_starts, plain);
        }

        /// The line table and the span shortcut give what the searches give.
        #[test]
        fn lines_and_spans_as_the_searches_find_them(input in "[a\\r\\n\\t 0０规（\u{3000}\u{2028}\u{200b}\u{85}\u{0b}]{0,40}") {
            let n = Normalised::new(&input);
            let offsets: Vec<usize> = (0..=n.text.len()).filter(|&o| n.text.is_char_boundary(o)).collect();
            for &a in &offsets {
                let line = n.text[..a].matches('\n').count();
                proptest::prop_assert_eq!(n.original_line(line), n.line_at(a), "{:?} at {}", n.text, a);
                for &b in &offsets {
                    let want = Span { start: n.original_offset(a), end: n.original_offset(b) };
                    proptest::prop_assert_eq!(n.span(a, b), want);
                    proptest::prop_assert_eq!(n.span_on_line(line, a, b), want);
                    // A wrong line costs a search, not a wrong answer.
                    proptest::prop_assert_eq!(n.span_on_line(line + 1, a, b), want);
                    proptest::prop_assert_eq!(n.span_on_line(line.saturating_sub(1), a, b), want);
                }
            }
        }
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let n = Normalised::new("a\rb\r\nc");
        assert_eq!(n.text, "a\nb\nc");
        assert_eq!(n.line_at(n.text.find('c').unwrap()), 3);
    }
}
