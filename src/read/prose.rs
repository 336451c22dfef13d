//! Figures stated in the report's prose: `共收到政府信息公开申请7件`,
//! `主动公开政府信息42条，其中……组织机构1条；政策文件2条`.
//!
//! Only the text outside the tables is read (the preamble and sections 一,
//! 五, 六), so a table's own numbers are never mistaken for prose.

use crate::read::normalise::Normalised;
use crate::read::sections::Section;
use crate::template::phrases;
use crate::util::find::{contains, find, matches, Needles};
use std::borrow::Cow;

/// A number stated after a phrase, with its offset in the normalised text.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub value: i64,
    pub unit: char,
    /// Byte offset of the phrase in the normalised text.
    pub at: usize,
}

/// Units that count things in this kind of report.
const UNITS: &[char] = &['件', '条', '起', '篇', '个', '次', '项'];
/// How far after the phrase the number may stand (characters).
const GAP: usize = 8;

/// The report's prose, as (start offset, text) pieces, with the places of
/// every phrase the rules look for in it ([`phrases::IN_PROSE`]), found in
/// one reading of each piece.
pub struct Prose<'a> {
    pub pieces: Vec<(usize, &'a str)>,
    /// For each piece, for each phrase of `IN_PROSE` in order: its offsets
    /// in the piece.
    places: Vec<Vec<Vec<usize>>>,
}

impl<'a> Prose<'a> {
    pub fn new(pieces: Vec<(usize, &'a str)>) -> Self {
        static IN_PROSE: std::sync::OnceLock<Needles<'static>> = std::sync::OnceLock::new();
        let in_prose = IN_PROSE.get_or_init(|| {
            let all: Vec<&str> = phrases::IN_PROSE.iter().flat_map(|list| list.iter().copied()).collect();
            Needles::new(&all)
        });
        let places = pieces.iter().map(|(_, piece)| in_prose.matches_each(piece)).collect();
        Prose { pieces, places }
    }

    /// The report's prose: the preamble and sections 一, 五 and 六.
    pub fn of(norm: &'a Normalised, sections: &[Section]) -> Self {
        let text = &norm.text;
        let section = |n: usize| sections.iter().find(|s| s.number == n);
        let mut pieces = Vec::new();
        let first_table_section = sections.iter().find(|s| (2..=4).contains(&s.number)).map_or(text.len(), |s| s.start);
        let preamble_end = section(1).map_or(first_table_section, |s| s.start.min(first_table_section));
        pieces.push((0, capped(text, 0, preamble_end)));
        for n in [1, 5, 6] {
            if let Some(s) = section(n) {
                pieces.push((s.start, capped(text, s.start, s.end)));
            }
        }
        Prose::new(pieces)
    }

    /// For each of `phrases`, its places in piece `i` (as [`crate::util::find::matches_each`]).
    fn places_each(&self, i: usize, phrases: &[&str]) -> Vec<Cow<'_, [usize]>> {
        let all = phrases::IN_PROSE.iter().flat_map(|list| list.iter());
        phrases
            .iter()
            .map(|p| match all.clone().position(|q| q == p) {
                Some(k) => Cow::Borrowed(self.places[i][k].as_slice()),
                // (A phrase not listed there is looked for now.)
                None => Cow::Owned(matches(self.pieces[i].1, p).collect()),
            })
            .collect()
    }
}

/// No real section's prose is near this long; beyond it text is not read
/// for figures (as table regions are capped), so time stays linear.
const MAX_PROSE: usize = 64 * 1024;

fn capped(text: &str, start: usize, end: usize) -> &str {
    let mut end = end.min(start + MAX_PROSE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[start..end]
}

/// Every figure stated right after one of the phrases (not after 未/没有/无).
pub fn figures_after(prose: &Prose, phrases: &[&str]) -> Vec<Figure> {
    let mut out = Vec::new();
    for (i, &(base, piece)) in prose.pieces.iter().enumerate() {
        for (phrase, places) in phrases.iter().zip(prose.places_each(i, phrases)) {
            for &at in places.iter() {
                if negated(&piece[..at]) {
                    continue;
                }
                let after = &piece[at + phrase.len()..];
                if let Some((value, unit)) = number_soon(after) {
                    // Kept in text order, each place once.
                    let pos = out.partition_point(|f: &Figure| f.at < base + at);
                    if out.get(pos).is_none_or(|f| f.at != base + at) {
                        out.insert(pos, Figure { value, unit, at: base + at });
                    }
                }
            }
        }
    }
    out
}

/// Whether any of the phrases is stated in the prose (anywhere), and where.
pub fn stated(prose: &Prose, phrases: &[&str]) -> Option<usize> {
    // In the first piece that has any, the first phrase's first place.
    (0..prose.pieces.len())
        .find_map(|i| prose.places_each(i, phrases).iter().find_map(|p| p.first()).map(|at| prose.pieces[i].0 + at))
}

/// Whether the words just before a phrase deny it: `未收到`, `没有发生…行政复议`.
fn negated(before: &str) -> bool {
    // The last 8 characters, from just after the last clause break among them.
    let mut start = before.len();
    for (i, c) in before.char_indices().rev().take(8) {
        if matches!(c, '，' | ',' | '。' | '；' | ';' | '、' | '\n') {
            break;
        }
        start = i;
    }
    let clause = &before[start..];
    ["未", "没有", "无", "不存在"].iter().any(|n| contains(clause, n))
}

/// `7件` within a few characters, with no sentence break before it.
fn number_soon(after: &str) -> Option<(i64, char)> {
    let mut chars = after.char_indices().peekable();
    let mut skipped = 0;
    while let Some(&(i, c)) = chars.peek() {
        if c.is_ascii_digit() {
            let digits: String = after[i..].chars().take_while(char::is_ascii_digit).collect();
            let rest = after[i + digits.len()..].trim_start();
            let unit = rest.chars().next()?;
            if !UNITS.contains(&unit) {
                return None;
            }
            return digits.parse().ok().map(|v| (v, unit));
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
}

/// How far after the total its parts may begin (characters).
const PARTS_WINDOW: usize = 60;

pub fn stated_sums(prose: &Prose, phrases: &[&str]) -> Vec<StatedSum> {
    let mut out = Vec::new();
    for total in figures_after(prose, phrases) {
        let Some(&(base, piece)) = prose.pieces.iter().find(|(b, p)| total.at >= *b && total.at < b + p.len()) else {
            continue;
        };
        let rest = &piece[total.at - base..];
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
        let parts = list_items(&after[start..], total.unit);
        if parts.len() >= 2 {
            out.push(StatedSum { total: total.clone(), parts });
        }
    }
    out
}

/// `组织机构1条；政策文件2条；……` up to the end of the sentence.
fn list_items(s: &str, unit: char) -> Vec<(String, i64)> {
    let sentence_end = s.find('。').unwrap_or(s.len());
    let mut sentence = &s[..sentence_end];
    // The list may start in the next sentence: `其中全文电子化达100%。在主动公开的信息中，组织机构1条；…`.
    let mut items = parse_items(sentence, unit);
    if items.is_empty() && sentence_end < s.len() {
        let next = &s[sentence_end + '。'.len_utf8()..];
        sentence = &next[..next.find('。').unwrap_or(next.len())];
        items = parse_items(sentence, unit);
    }
    items
}

fn parse_items(sentence: &str, unit: char) -> Vec<(String, i64)> {
    let mut items = Vec::new();
    for piece in sentence.split(['；', ';', '，', ',', '、']) {
        let piece: String = piece.chars().filter(|c| !c.is_whitespace()).collect();
        let Some(body) = piece.strip_suffix(unit) else { continue };
        let digits: String =
            body.chars().rev().take_while(char::is_ascii_digit).collect::<Vec<_>>().into_iter().rev().collect();
        let label = &body[..body.len() - digits.len()];
        if digits.is_empty() || label.is_empty() || label.chars().count() > 20 {
            continue;
        }
        let label = strip_all(strip_all(label, "其中"), "在主动公开的信息中");
        if let Ok(v) = digits.parse() {
            items.push((label.to_string(), v));
        }
    }
    items
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

    #[test]
    fn figures_and_negation() {
        let p = Prose::new(vec![(0, "2020年共收到依申请公开7件，涉及行政复议4件。未收到政府信息公开申请。")]);
        let f = figures_after(&p, &["收到依申请公开", "收到政府信息公开申请"]);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].value, f[0].unit), (7, '件'));
        assert_eq!(figures_after(&p, &["行政复议"])[0].value, 4);
    }

    #[test]
    fn phrases_read_beforehand_or_not_give_the_same_places() {
        let text = "共收到政府信息公开申请7件，收取信息处理费0次。涉及行政复议4件，收到依申请公开3件。";
        let p = Prose::new(vec![(0, "前言"), (6, text)]);
        // Listed in IN_PROSE (read with the prose) and not (read when asked).
        for phrases in [phrases::REQUESTS_RECEIVED, phrases::REVIEWS, &["信息处理费", "行政复议"]] {
            let each = matches_each(text, phrases);
            let places: Vec<Vec<usize>> = p.places_each(1, phrases).into_iter().map(Cow::into_owned).collect();
            assert_eq!(places, each, "{phrases:?}");
        }
        assert_eq!(figures_after(&p, &["信息处理费"])[0].at, 6 + text.find("信息处理费").unwrap());
        assert_eq!(stated(&p, phrases::REQUESTS_RECEIVED), Some(6 + text.find("收到政府").unwrap()));
    }

    #[test]
    fn asides_and_denials_are_not_figures() {
        let p = Prose::new(vec![(0, "共收到政府信息公开申请（含上年结转1件）。本年度没有发生行政复议3件的情况。")]);
        assert!(figures_after(&p, &["收到政府信息公开申请"]).is_empty());
        assert!(figures_after(&p, &["行政复议"]).is_empty());
    }

    #[test]
    fn a_total_and_its_parts() {
        let text = "2021 年度共主动公开政府信息 42 条，其中全文电子化达 100%。在主动公开的信息中，组织机构 1 条；政策文件 2 条；通知公告 27 条；财政信息 4 条。";
        let s = stated_sums(&Prose::new(vec![(0, text)]), &["主动公开政府信息"]);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].total.value, 42);
        assert_eq!(s[0].parts.iter().map(|p| p.1).sum::<i64>(), 34);
        assert_eq!(s[0].parts[0].0, "组织机构");
    }
}
