//! The six sections (一、总体情况 … 六、其他需要报告的事项) and
//! where each starts.
//!
//! A heading is its ordinal (`三、`) followed closely by one of its cue words.
//! The same headings often stand in the preamble as a list
//! (`一、总体情况；二、主动公开…`): a candidate followed within a few characters
//! by the next section's heading is such a list, and is passed over when a
//! real heading exists further on.

use crate::template::SECTIONS;
use crate::util::chars::{floor_boundary, is_chinese_numeral};
use crate::util::find;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct Section {
    /// 1..=6
    pub number: usize,
    /// The heading as written (normalised).
    pub heading: String,
    /// 1-based line of the heading in the original input.
    pub line: usize,
    /// Byte range of the section (heading included) in the normalised text.
    #[serde(skip)]
    pub start: usize,
    #[serde(skip)]
    pub end: usize,
}

/// How far after the ordinal the cue may start, in characters.
const CUE_WINDOW: usize = 16;
/// A heading followed this closely, on its own line, by the next one is a
/// list in the preamble.
const LIST_WINDOW: usize = 40;

struct Candidate {
    start: usize,
    heading_end: usize,
    at_line_start: bool,
}

pub fn find_sections(text: &str, line_at: impl Fn(usize) -> usize) -> Vec<Section> {
    // Every `一、` … `六、` in one pass over the text, by section.
    let mut ordinals: Vec<Vec<usize>> = vec![Vec::new(); SECTIONS.len()];
    for (comma, _) in text.match_indices('、') {
        if let Some(k) = SECTIONS.iter().position(|s| text[..comma].ends_with(s.number)) {
            ordinals[k].push(comma - SECTIONS[k].number.len());
        }
    }
    let candidates: Vec<Vec<Candidate>> = SECTIONS
        .iter()
        .zip(&ordinals)
        .map(|(s, at)| candidates(text, at, s.number.len() + '、'.len_utf8(), s.cues))
        .collect();
    let mut found: Vec<(usize, &Candidate)> = Vec::new();
    let mut from = 0;
    for (k, list) in candidates.iter().enumerate() {
        let next = candidates.get(k + 1);
        let is_list = |c: &Candidate| {
            next.is_some_and(|n| {
                // The next headings after this one, as far as LIST_WINDOW
                // characters can reach (candidates are in text order).
                let first = n.partition_point(|d| d.start <= c.start);
                n[first..].iter().take_while(|d| d.start - c.start <= 4 * LIST_WINDOW).any(|d| {
                    let between = text.get(c.start..d.start).unwrap_or("\n");
                    !between.contains('\n') && between.chars().count() <= LIST_WINDOW
                })
            })
        };
        let after: Vec<&Candidate> = list.iter().filter(|c| c.start >= from).collect();
        let pick = after
            .iter()
            .find(|c| c.at_line_start && !is_list(c))
            .or_else(|| after.iter().find(|c| !is_list(c)))
            .or_else(|| after.first())
            .copied();
        if let Some(c) = pick {
            from = c.heading_end;
            found.push((k, c));
        }
    }
    let mut sections: Vec<Section> = found
        .iter()
        .map(|&(k, c)| Section {
            number: k + 1,
            heading: text[c.start..c.heading_end].trim().to_string(),
            line: line_at(c.start),
            start: c.start,
            end: text.len(),
        })
        .collect();
    for i in 1..sections.len() {
        let next_start = sections[i].start;
        sections[i - 1].end = next_start;
    }
    sections
}

/// The headings among a section's ordinals (`三、` at each of `ordinals`,
/// `ordinal_len` bytes long).
fn candidates(text: &str, ordinals: &[usize], ordinal_len: usize, cues: &[&str]) -> Vec<Candidate> {
    let mut out = Vec::new();
    // (Sized for the longest window: no regrowth while it is filled.)
    let mut squeezed = String::with_capacity(4 * (CUE_WINDOW + 24));
    for &at in ordinals {
        // `十一、` or `二十三、` are not our ordinals.
        if text[..at].chars().next_back().is_some_and(is_chinese_numeral) {
            continue;
        }
        let after = &text[at + ordinal_len..];
        squeezed.clear();
        squeezed.extend(
            after
                .chars()
                .take_while(|&c| c != '\n')
                .take(CUE_WINDOW + 24)
                .filter(|c| !c.is_whitespace() && *c != '#' && *c != '*'),
        );
        let hit = cues.iter().filter_map(|cue| find::find(&squeezed, cue).map(|p| (p, cue))).min();
        let Some((pos, cue)) = hit else { continue };
        if squeezed[..pos].chars().count() > CUE_WINDOW {
            continue;
        }
        // The heading runs to the end of its cue phrase: up to the line end,
        // a full stop, or 情况/事项/措施 for flattened text. Where the cue is
        // written whole near the start, that is decided in the line's first
        // bytes; a whole report flattened onto one line is not read again
        // for each ordinal in it.
        let (near, whole_line) = line_prefix(after, HEADING_BYTES);
        let decided = whole_line || find::find(near, cue).is_some_and(|p| near.len() - p >= 4 * 32);
        let line_rest = if decided { near } else { after.split('\n').next().unwrap_or("") };
        let end_in_rest = heading_end(line_rest, cue);
        // At the line's start: nothing but white space and markdown marks
        // before it on its line.
        let at_line_start = text[..at]
            .chars()
            .rev()
            .take_while(|&c| c != '\n')
            .all(|c| c.is_whitespace() || matches!(c, '#' | '*' | '>'));
        out.push(Candidate { start: at, heading_end: at + ordinal_len + end_in_rest, at_line_start });
    }
    out
}

/// How much of a heading's line is read first: enough when the cue is
/// written whole in it, with 32 characters after (see [`heading_end`]:
/// an end word within 24 characters, else at most 30).
const HEADING_BYTES: usize = 512;

/// The text up to the line's end, or its first `max` bytes (cut at a
/// character boundary); and whether that is the whole line.
fn line_prefix(text: &str, max: usize) -> (&str, bool) {
    let cut = floor_boundary(text, max);
    let head = &text[..cut];
    match head.find('\n') {
        Some(p) => (&head[..p], true),
        None => (head, cut == text.len()),
    }
}

fn heading_end(rest: &str, cue: &str) -> usize {
    let cue_at = find::find(rest, cue).unwrap_or(0);
    let tail = &rest[cue_at..];
    for end_word in ["情况", "事项", "措施"] {
        if let Some(p) = find::find(tail, end_word) {
            if tail[..p].chars().count() <= 24 {
                return cue_at + p + end_word.len();
            }
        }
    }
    let stop = tail.find(['。', ':']).unwrap_or(tail.len()).min(rest.len() - cue_at);
    cue_at + stop.min(tail.char_indices().nth(30).map_or(tail.len(), |(i, _)| i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<(usize, String)> {
        find_sections(text, |_| 1).into_iter().map(|s| (s.number, s.heading)).collect()
    }

    #[test]
    fn finds_headings_and_skips_table_rows() {
        let t = "一、总体情况\n文字\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n一、本年新收\n三、本年度办理结果\n四、结转下年度继续办理\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n无";
        let s = numbers(t);
        assert_eq!(s.len(), 6);
        assert_eq!(s[3], (4, "四、政府信息公开行政复议、行政诉讼情况".to_string()));
    }

    #[test]
    fn headings_on_one_long_line_end_where_on_a_short_one() {
        let filler = "文字".repeat(400);
        for heading in ["三、收到和处理政府信息公开申请情况", "三、 收到和处理政府 信息公开申请情况"]
        {
            let short = numbers(&format!("{heading}\n{filler}"));
            let long = numbers(&format!("{heading}{filler}"));
            assert_eq!(short, long, "{heading}");
            assert!(long[0].1.ends_with("申请情况"), "{long:?}");
        }
    }

    #[test]
    fn a_list_in_the_preamble_is_not_the_section() {
        let t = "本报告包括一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况。\n一、总体情况\n正文\n二、主动公开政府信息情况\n";
        let s = find_sections(t, |_| 1);
        assert_eq!(s[0].start, t.rfind("一、总体情况").unwrap());
        assert_eq!(s[1].start, t.rfind("二、主动公开").unwrap());
    }

    #[test]
    fn flattened_text_on_one_line() {
        let t = "前言。一、总体情况2021年，我区……二、主动公开政府信息情况 第二十条……六、其他需要报告的事项2021年，无。";
        let s = numbers(t);
        assert_eq!(s.iter().map(|x| x.0).collect::<Vec<_>>(), [1, 2, 6]);
        assert_eq!(s[0].1, "一、总体情况");
    }
}
