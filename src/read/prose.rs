//! Figures stated in the report's prose: `共收到政府信息公开申请7件`,
//! `主动公开政府信息42条，其中……组织机构1条；政策文件2条`.
//!
//! Only the text outside the tables is read (the preamble and sections 一,
//! 五, 六), so a table's own numbers are never mistaken for prose. Lines
//! broken inside a sentence (as text from a PDF is: `共收到政府信息公开申\n
//! 请7件`) are read joined; every offset given out is the normalised text's.

use crate::read::normalise::Normalised;
use crate::read::sections::Section;
use crate::template::{phrases, ProsePhrases, COUNT_UNITS};
use crate::util::chars::{floor_boundary, is_chinese_numeral};
use crate::util::find::{contains, find, Needles};
use std::borrow::Cow;

/// A number stated after a phrase, with its offsets in the normalised text.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub value: i64,
    pub unit: char,
    /// Byte offset of the phrase in the normalised text.
    pub at: usize,
    /// Where the phrase ends and where the number starts: what stands
    /// between is `&text[end..number_at]`.
    pub end: usize,
    pub number_at: usize,
    /// The piece it is in, and where its number starts there.
    piece: usize,
    local_number: usize,
}

/// How far after the phrase the number may stand (characters).
const GAP: usize = 8;

/// A piece of the prose: the preamble or one section's text, its lines
/// broken inside a sentence joined.
#[derive(Clone, Debug)]
pub struct Piece<'a> {
    /// Byte offset in the normalised text.
    pub start: usize,
    pub text: Cow<'a, str>,
    /// The section it is (1 to 6), 0 for the preamble.
    pub section: usize,
    /// Where line breaks were taken out of `text`: (offset in `text`, bytes
    /// taken out just before it), in order.
    joins: Vec<(usize, usize)>,
}

impl<'a> Piece<'a> {
    /// The piece of the normalised text at `start`.
    pub fn new(start: usize, text: &'a str, section: usize) -> Self {
        let (text, joins) = join_wraps(text);
        Piece { start, text, section, joins }
    }

    /// The offset in the normalised text of `local`, an offset in `text`.
    pub fn offset(&self, local: usize) -> usize {
        let taken: usize = self.joins.iter().take_while(|j| j.0 <= local).map(|j| j.1).sum();
        self.start + local + taken
    }
}

/// A line break inside a sentence, with the blanks around it (and at most
/// one empty line, as text from a PDF has): taken out when the line before
/// ends in the middle of a sentence and the next goes on with it.
fn join_wraps(text: &str) -> (Cow<'_, str>, Vec<(usize, usize)>) {
    if !text.contains('\n') {
        return (Cow::Borrowed(text), Vec::new());
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut joins = Vec::new();
    let mut from = 0;
    while let Some(p) = text[from..].find('\n') {
        let line_end = text[..from + p].trim_end_matches([' ', '\t']).len().max(from);
        let mut next = from + p;
        let mut breaks = 0;
        while next < bytes.len() && matches!(bytes[next], b'\n' | b' ' | b'\t') {
            breaks += usize::from(bytes[next] == b'\n');
            next += 1;
        }
        out.push_str(&text[from..line_end]);
        let before = text[..line_end].chars().next_back();
        if breaks <= 2 && goes_on(before) && continues(&text[next..]) {
            joins.push((out.len(), next - line_end));
        } else {
            out.push_str(&text[line_end..next]);
        }
        from = next;
    }
    out.push_str(&text[from..]);
    (Cow::Owned(out), joins)
}

/// Whether a line ending with `c` ends in the middle of a sentence.
fn goes_on(c: Option<char>) -> bool {
    c.is_some_and(|c| {
        is_ideograph(c) || c.is_ascii_alphanumeric() || matches!(c, '、' | '，' | ',' | '“' | '（' | '(' | '《')
    })
}

/// Whether a line goes on with the sentence before it: it starts with a
/// character of running text, not with an item's number (`1.`, `二、`, `(三)`).
fn continues(line: &str) -> bool {
    let mut chars = line.chars();
    let Some(first) = chars.next() else { return false };
    if !(is_ideograph(first) || first.is_ascii_digit() || matches!(first, '”' | '）' | ')' | '》')) {
        return false;
    }
    let numeral = |c: char| c.is_ascii_digit() || is_chinese_numeral(c);
    let after_number = line.chars().find(|&c| !numeral(c));
    let item = numeral(first) && matches!(after_number, Some('.' | '、' | '．'));
    !item && !matches!(first, '(' | '（')
}

fn is_ideograph(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// A phrase found in the prose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    /// Byte offset in the normalised text.
    pub at: usize,
    pub phrase: &'static str,
    /// The piece it is in (its index in [`Prose::pieces`]), and its offset there.
    pub piece: usize,
    pub local: usize,
}

/// The report's prose, as pieces, with the places of every phrase the
/// rules look for in it ([`phrases::IN_PROSE`]), found in one reading of
/// each piece.
pub struct Prose<'a> {
    pieces: Vec<Piece<'a>>,
    /// For each piece, for each phrase of `IN_PROSE` (list after list):
    /// its offsets in the piece.
    places: Vec<Vec<Vec<usize>>>,
}

/// Every phrase of `IN_PROSE`, prepared once, and where each list's
/// phrases begin among them.
struct Prepared {
    needles: Needles<'static>,
    first: Vec<usize>,
}

fn prepared() -> &'static Prepared {
    static PREPARED: std::sync::OnceLock<Prepared> = std::sync::OnceLock::new();
    PREPARED.get_or_init(|| {
        let mut all: Vec<&'static str> = Vec::new();
        let mut first = Vec::with_capacity(phrases::IN_PROSE.len());
        for list in phrases::IN_PROSE {
            first.push(all.len());
            all.extend_from_slice(list.words());
        }
        Prepared { needles: Needles::new(&all), first }
    })
}

impl<'a> Prose<'a> {
    pub fn new(pieces: Vec<Piece<'a>>) -> Self {
        let needles = &prepared().needles;
        let places = pieces.iter().map(|p| needles.matches_each(&p.text)).collect();
        Prose { pieces, places }
    }

    /// The report's prose: the preamble and sections 一, 五 and 六.
    pub fn of(norm: &'a Normalised, sections: &[Section]) -> Self {
        let text = &norm.text;
        let section = |n: usize| sections.iter().find(|s| s.number == n);
        let mut pieces = Vec::new();
        let first_table_section = sections.iter().find(|s| (2..=4).contains(&s.number)).map_or(text.len(), |s| s.start);
        let preamble_end = section(1).map_or(first_table_section, |s| s.start.min(first_table_section));
        pieces.push(Piece::new(0, capped(text, 0, preamble_end), 0));
        for n in [1, 5, 6] {
            if let Some(s) = section(n) {
                pieces.push(Piece::new(s.start, capped(text, s.start, s.end), n));
            }
        }
        Prose::new(pieces)
    }

    pub fn pieces(&self) -> &[Piece<'a>] {
        &self.pieces
    }

    /// The piece of section `n` (0: the preamble), if the report has it.
    pub fn piece(&self, n: usize) -> Option<&Piece<'a>> {
        self.pieces.iter().find(|p| p.section == n)
    }

    /// For each phrase of `list`, its offsets in piece `i`.
    fn places_each(&self, i: usize, list: &ProsePhrases) -> impl Iterator<Item = (&'static str, &[usize])> {
        let first = prepared().first[list.slot()];
        list.words().iter().enumerate().map(move |(k, &w)| (w, self.places[i][first + k].as_slice()))
    }

    /// Every place of a phrase of `list` in the prose, in text order (where
    /// two phrases start at one place, the first listed).
    pub fn places(&self, list: &ProsePhrases) -> Vec<Place> {
        let mut out = Vec::new();
        for i in 0..self.pieces.len() {
            out.extend(self.places_in_piece(i, list));
        }
        out
    }

    /// [`Prose::places`] in section `n` (0: the preamble) only.
    pub fn places_in(&self, n: usize, list: &ProsePhrases) -> Vec<Place> {
        self.pieces.iter().position(|p| p.section == n).map(|i| self.places_in_piece(i, list)).unwrap_or_default()
    }

    fn places_in_piece(&self, i: usize, list: &ProsePhrases) -> Vec<Place> {
        let piece = &self.pieces[i];
        let mut out: Vec<Place> = Vec::new();
        for (phrase, places) in self.places_each(i, list) {
            for &local in places {
                let pos = out.partition_point(|p| p.local < local);
                if out.get(pos).is_none_or(|p| p.local != local) {
                    out.insert(pos, Place { at: piece.offset(local), phrase, piece: i, local });
                }
            }
        }
        out
    }

    /// The text of a place's piece before the place, and from it on.
    pub fn split_at(&self, place: &Place) -> (&str, &str) {
        self.pieces[place.piece].text.split_at(place.local)
    }

    /// The offset in the normalised text of `local`, an offset in the piece
    /// of `place` (as [`Prose::split_at`] gives it).
    pub fn offset(&self, place: &Place, local: usize) -> usize {
        self.pieces[place.piece].offset(local)
    }
}

/// No real section's prose is near this long; beyond it text is not read
/// for figures (as table regions are capped), so time stays linear.
const MAX_PROSE: usize = 64 * 1024;

fn capped(text: &str, start: usize, end: usize) -> &str {
    &text[start..floor_boundary(text, end.min(start + MAX_PROSE))]
}

/// Every figure stated right after one of the phrases (not after 未/没有/无).
pub fn figures_after(prose: &Prose, list: &ProsePhrases) -> Vec<Figure> {
    let mut out = Vec::new();
    for place in prose.places(list) {
        let (before, from) = prose.split_at(&place);
        if negated(before) {
            continue;
        }
        out.extend(figure_after(prose, &place, from));
    }
    out
}

/// The figure right after a place (`from`: the text of its piece from the
/// place on, as [`Prose::split_at`] gives it).
pub fn figure_after(prose: &Prose, place: &Place, from: &str) -> Option<Figure> {
    let (value, unit, skipped) = number_soon(&from[place.phrase.len()..])?;
    let end = place.local + place.phrase.len();
    let local_number = end + skipped;
    Some(Figure {
        value,
        unit,
        at: place.at,
        end: prose.offset(place, end),
        number_at: prose.offset(place, local_number),
        piece: place.piece,
        local_number,
    })
}

/// Where one of the phrases is first stated in the prose, if anywhere.
pub fn stated(prose: &Prose, list: &ProsePhrases) -> Option<usize> {
    prose.places(list).first().map(|p| p.at)
}

/// Where one of the phrases is first stated in section `n` (0: the preamble).
pub fn stated_in(prose: &Prose, n: usize, list: &ProsePhrases) -> Option<usize> {
    prose.places_in(n, list).first().map(|p| p.at)
}

/// Whether the words just before a phrase deny it: `未收到`, `没有发生…行政复议`.
pub fn negated(before: &str) -> bool {
    // The last 8 characters, from just after the last clause break among them.
    let mut start = before.len();
    for (i, c) in before.char_indices().rev().take(8) {
        if is_clause_break(c) || c == '、' {
            break;
        }
        start = i;
    }
    let clause = &before[start..];
    ["未", "没有", "无", "不存在"].iter().any(|n| contains(clause, n))
}

/// What ends a clause: `，。；：` (normalised or not) and a line end.
pub fn is_clause_break(c: char) -> bool {
    matches!(c, '，' | ',' | '。' | '；' | ';' | '：' | ':' | '\n' | '!' | '?' | '！' | '？')
}

/// The end of `before` back to the last clause break, at most
/// [`phrases::CLAUSE_REACH`] characters (`、` does not break it).
pub fn clause_before(before: &str) -> &str {
    let mut start = before.len();
    for (i, c) in before.char_indices().rev().take(phrases::CLAUSE_REACH) {
        if is_clause_break(c) {
            break;
        }
        start = i;
    }
    &before[start..]
}

/// The start of `after` up to the next clause break, at most
/// [`phrases::CLAUSE_REACH`] characters.
pub fn clause_after(after: &str) -> &str {
    let end = after
        .char_indices()
        .take(phrases::CLAUSE_REACH)
        .find(|&(_, c)| is_clause_break(c))
        .map_or_else(|| after.char_indices().nth(phrases::CLAUSE_REACH).map_or(after.len(), |(i, _)| i), |(i, _)| i);
    &after[..end]
}

/// The sentence a place stands in: from the last `。`, `；` or line end
/// before it to the next, as (the part before, the part from it on).
pub fn sentence<'a>(before: &'a str, from: &'a str) -> (&'a str, &'a str) {
    let ends = |c: char| matches!(c, '。' | '；' | ';' | '\n' | '!' | '?' | '！' | '？');
    let start = before.char_indices().rev().find(|&(_, c)| ends(c)).map_or(0, |(i, c)| i + c.len_utf8());
    let end = from.char_indices().find(|&(_, c)| ends(c)).map_or(from.len(), |(i, _)| i);
    (&before[start..], &from[..end])
}

/// `7件` within a few characters, with no sentence break before it: the
/// value, its unit, and the bytes skipped before its digits.
fn number_soon(after: &str) -> Option<(i64, char, usize)> {
    let mut chars = after.char_indices().peekable();
    let mut skipped = 0;
    while let Some(&(i, c)) = chars.peek() {
        if c.is_ascii_digit() {
            let digits: String = after[i..].chars().take_while(char::is_ascii_digit).collect();
            let rest = after[i + digits.len()..].trim_start();
            let unit = rest.chars().next()?;
            if !COUNT_UNITS.contains(&unit) {
                return None;
            }
            return digits.parse().ok().map(|v| (v, unit, i));
        }
        // A bracket starts an aside (`（含上年结转1件）`), not the figure.
        if matches!(c, '。' | ';' | '；' | '\n' | '(' | '（') || skipped >= GAP {
            return None;
        }
        skipped += 1;
        chars.next();
    }
    None
}

/// A stated total followed by its listed parts:
/// `共主动公开政府信息42条……组织机构1条；政策文件2条；……`.
#[derive(Clone, Debug, PartialEq)]
pub struct StatedSum {
    pub total: Figure,
    pub parts: Vec<(String, i64)>,
    /// Whether the list says it goes on (`……通知公告13条等`): its parts
    /// are some of the total, not all of it.
    pub goes_on: bool,
}

/// How far after the total its parts may begin (characters).
const PARTS_WINDOW: usize = 60;

pub fn stated_sums(prose: &Prose, list: &ProsePhrases) -> Vec<StatedSum> {
    let mut out = Vec::new();
    for total in figures_after(prose, list) {
        let rest = &prose.pieces[total.piece].text[total.local_number..];
        // Skip past the total's own number.
        let Some(unit_at) = rest.find(total.unit) else { continue };
        let after = &rest[unit_at + total.unit.len_utf8()..];
        let after = &after[..after.char_indices().nth(PARTS_WINDOW + 200).map_or(after.len(), |(i, _)| i)];
        let Some(start) = find(after, "其中").or_else(|| find(after, "中，")).or_else(|| find(after, "中,"))
        else {
            continue;
        };
        if after[..start].chars().count() > PARTS_WINDOW {
            continue;
        }
        let (parts, goes_on) = list_items(&after[start..], total.unit);
        if parts.len() >= 2 {
            out.push(StatedSum { total: total.clone(), parts, goes_on });
        }
    }
    out
}

/// `组织机构1条；政策文件2条；……` up to the end of the sentence, and
/// whether the list says it goes on.
fn list_items(s: &str, unit: char) -> (Vec<(String, i64)>, bool) {
    let sentence_end = s.find('。').unwrap_or(s.len());
    let mut sentence = &s[..sentence_end];
    // The list may start in the next sentence: `其中全文电子化达100%。在主动公开的信息中，组织机构1条；…`.
    let mut items = parse_items(sentence, unit);
    if items.0.is_empty() && sentence_end < s.len() {
        let next = &s[sentence_end + '。'.len_utf8()..];
        sentence = &next[..next.find('。').unwrap_or(next.len())];
        items = parse_items(sentence, unit);
    }
    items
}

fn parse_items(sentence: &str, unit: char) -> (Vec<(String, i64)>, bool) {
    let mut items = Vec::new();
    let mut goes_on = false;
    for piece in sentence.split(['；', ';', '，', ',', '、']) {
        let piece: String = piece.chars().filter(|c| !c.is_whitespace()).collect();
        // `通知公告13条等`: the last part, and the list is not all.
        let (piece, more) = match phrases::LIST_GOES_ON.iter().find_map(|w| piece.strip_suffix(w)) {
            Some(p) => (p, true),
            None => (piece.as_str(), false),
        };
        // A part not read (another unit, `部门文件22件` in a list of 条; a
        // label too long to be sure of): the parts read may not be all.
        let unread = |goes_on: &mut bool| *goes_on |= piece.bytes().any(|b| b.is_ascii_digit());
        let Some(body) = piece.strip_suffix(unit) else {
            unread(&mut goes_on);
            continue;
        };
        let digits: String =
            body.chars().rev().take_while(char::is_ascii_digit).collect::<Vec<_>>().into_iter().rev().collect();
        let label = &body[..body.len() - digits.len()];
        if digits.is_empty() || label.is_empty() || label.chars().count() > 20 {
            unread(&mut goes_on);
            continue;
        }
        let label = strip_all(strip_all(label, "其中"), "在主动公开的信息中");
        if let Ok(v) = digits.parse() {
            items.push((label.to_string(), v));
            goes_on |= more;
        }
    }
    (items, goes_on)
}

/// `s.trim_start_matches(prefix)` for a non-empty prefix, without setting
/// up a substring searcher.
fn strip_all<'a>(mut s: &'a str, prefix: &str) -> &'a str {
    while let Some(rest) = s.strip_prefix(prefix).filter(|_| !prefix.is_empty()) {
        s = rest;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::util::find::matches_each;

    fn prose(text: &str) -> Prose<'_> {
        Prose::new(vec![Piece::new(0, text, 1)])
    }

    #[test]
    fn figures_and_negation() {
        let p = prose("2020年共收到依申请公开7件，涉及行政复议4件。未发生行政复议3件的情况。");
        let f = figures_after(&p, &phrases::REVIEWS);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].value, f[0].unit), (4, '件'));
        let text = "2020年共收到依申请公开7件，涉及行政复议4件。未发生行政复议3件的情况。";
        assert_eq!(&text[f[0].end..f[0].number_at], "");
        assert_eq!(figures_after(&p, &phrases::REQUEST)[0].value, 7);
    }

    #[test]
    fn the_places_read_with_the_prose_are_each_phrase_s_own() {
        let text = "共收到政府信息公开申请7件，收取信息处理费0次。涉及行政复议4件，收到依申请公开3件，均未收取。";
        let p = Prose::new(vec![Piece::new(0, "前言", 0), Piece::new(6, text, 6)]);
        for list in phrases::IN_PROSE {
            let want: Vec<usize> = {
                let mut all: Vec<usize> =
                    matches_each(text, list.words()).into_iter().flatten().map(|a| a + 6).collect();
                all.sort();
                all.dedup();
                all
            };
            let got: Vec<usize> = p.places_in(6, list).iter().map(|p| p.at).collect();
            assert_eq!(got, want, "{:?}", list.words());
            assert!(p.places_in(0, list).is_empty());
        }
        assert_eq!(stated_in(&p, 6, &phrases::FEE_STATED), Some(6 + text.find("收取").unwrap()));
        assert_eq!(stated(&p, &phrases::NOT_CHARGED), Some(6 + text.find("均未收取").unwrap()));
    }

    #[test]
    fn every_list_is_read_at_its_slot_and_every_phrase_as_normalised() {
        for (i, list) in phrases::IN_PROSE.iter().enumerate() {
            assert_eq!(list.slot(), i);
            for w in list.words() {
                assert!(!w.is_empty());
                assert_eq!(&Normalised::new(w).text, w, "a phrase the normalised text never has");
            }
        }
    }

    #[test]
    fn lines_broken_inside_a_sentence_are_read_joined() {
        let text =
            "一、总体情况\n2021年，共收到政府信息公开申\n\n  请7件，均已办结。\n（一）主动公开\n1.规章\n2.规范性文件";
        let p = Prose::new(vec![Piece::new(10, text, 1)]);
        let piece = &p.pieces()[0];
        assert_eq!(
            piece.text,
            "一、总体情况2021年，共收到政府信息公开申请7件，均已办结。\n（一）主动公开\n1.规章\n2.规范性文件"
        );
        // Offsets are the normalised text's.
        let f = figures_after(&p, &phrases::REQUEST);
        assert_eq!(
            (f[0].value, f[0].at, f[0].number_at),
            (7, 10 + text.find("申").unwrap(), 10 + text.find('7').unwrap())
        );
        let done = p.places(&phrases::ALL_DONE);
        assert_eq!(done[0].at, 10 + text.find("均已办结").unwrap());
        // A line of one sentence's end, an item's number, an empty text: kept.
        assert_eq!(join_wraps("完成。\n下一句").0, "完成。\n下一句");
        assert_eq!(join_wraps("规章\n2、规范性文件").0, "规章\n2、规范性文件");
        assert_eq!(join_wraps("甲\n\n\n\n乙").0, "甲\n\n\n\n乙");
        assert_eq!(join_wraps("").0, "");
    }

    #[test]
    fn asides_and_denials_are_not_figures() {
        let p = prose("共收到政府信息公开申请（含上年结转1件）。本年度没有发生行政复议3件的情况。");
        assert!(figures_after(&p, &phrases::REQUEST).is_empty());
        assert!(figures_after(&p, &phrases::REVIEWS).is_empty());
    }

    #[test]
    fn clauses_and_sentences() {
        let text = "一是加强培训，未发生因政府信息公开引起的行政复议、行政诉讼。下一句";
        let at = text.find("行政复议").unwrap();
        assert_eq!(clause_before(&text[..at]), "未发生因政府信息公开引起的");
        assert_eq!(clause_after(&text[at..]), "行政复议、行政诉讼");
        assert_eq!(
            sentence(&text[..at], &text[at..]),
            ("一是加强培训，未发生因政府信息公开引起的", "行政复议、行政诉讼")
        );
    }

    #[test]
    fn a_total_and_its_parts() {
        let text = "2021 年度共主动公开政府信息 42 条，其中全文电子化达 100%。在主动公开的信息中，组织机构 1 条；政策文件 2 条；通知公告 27 条；财政信息 4 条。";
        let s = stated_sums(&prose(text), &phrases::ACTIVE_TOTAL);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].total.value, 42);
        assert_eq!(s[0].parts.iter().map(|p| p.1).sum::<i64>(), 34);
        assert_eq!(s[0].parts[0].0, "组织机构");
        assert!(!s[0].goes_on);
        let s = stated_sums(&prose("主动公开各类信息50条，其中政策文件2条、通知公告13条等。"), &phrases::ACTIVE_TOTAL);
        assert_eq!((s[0].parts.len(), s[0].goes_on), (2, true));
    }
}
