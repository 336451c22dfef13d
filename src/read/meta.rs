//! What the report says about itself: agency, reported year,
//! statistical period, each with the line it was read from.

use crate::template::phrases;
use crate::util::find::{contains, matches, shared_start};
use serde::Serialize;

#[derive(Clone, Debug, Default, Serialize)]
pub struct Meta {
    pub agency: Option<String>,
    /// The year in the title (2021年度…年度报告).
    pub title_year: Option<i32>,
    pub title_line: Option<usize>,
    /// 统计期限自2021年1月1日起至2021年12月31日止
    pub period: Option<Period>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Period {
    pub from: String,
    pub to: String,
    pub from_year: i32,
    pub to_year: i32,
    pub line: usize,
}

/// How far into the text the title is looked for (in lines with content).
const TITLE_SEARCH_LINES: usize = 40;

// Not inlined into `check`, so that a profile shows this stage on its own.
#[inline(never)]
pub fn read_meta(text: &str, line_at: impl Fn(usize) -> usize) -> Meta {
    let mut meta = Meta::default();
    let mut offset = 0;
    let mut previous: Option<&str> = None;
    let mut seen = 0;
    for line in text.split('\n') {
        let here = offset;
        offset += line.len() + 1;
        let clean = clean_line(line);
        if clean.is_empty() || is_page_number(clean) {
            continue;
        }
        seen += 1;
        if seen > TITLE_SEARCH_LINES {
            break;
        }
        if let Some((year, year_at)) = title_year(clean) {
            meta.title_year = Some(year);
            meta.title_line = Some(line_at(here));
            let before = clean[..year_at].trim().trim_end_matches(['（', '(']);
            meta.agency = if looks_like_agency(before) {
                Some(before.to_string())
            } else {
                previous.filter(|p| looks_like_agency(p)).map(str::to_string)
            };
            break;
        }
        previous = Some(line.trim().trim_start_matches(['#', ' ', '*']).trim_end_matches('*'));
    }
    meta.period = find_period(text, &line_at);
    meta
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn clean_line(line: &str) -> &str {
    let t = line.trim().trim_start_matches(['#', '*', ' ']).trim_end_matches(['*', ' ']);
    t.strip_prefix("标题:").unwrap_or(t).trim()
}

fn is_page_number(s: &str) -> bool {
    s.trim_matches(['-', ' ', '—']).chars().all(|c| c.is_ascii_digit())
}

/// `2021年度政府信息公开工作年度报告` → (2021, offset of 2021).
fn title_year(line: &str) -> Option<(i32, usize)> {
    if !contains(line, "政府信息公开") || !phrases::TITLE.iter().any(|t| contains(line, t)) {
        return None;
    }
    if line.chars().count() > 60 {
        return None;
    }
    let (year, at, _) = years(line).next()?;
    Some((year, at))
}

/// Every `20xx年` in a string: (year, byte offset, offset after 年).
pub fn years(s: &str) -> impl Iterator<Item = (i32, usize, usize)> + '_ {
    s.match_indices('年').filter_map(move |(at, _)| {
        let before = s[..at].trim_end();
        if before.bytes().rev().take_while(u8::is_ascii_digit).count() != 4 {
            return None;
        }
        let year = before.bytes().skip(before.len() - 4).fold(0, |y, d| y * 10 + i32::from(d - b'0'));
        (1990..=2100).contains(&year).then_some((year, before.len() - 4, at + '年'.len_utf8()))
    })
}

fn looks_like_agency(s: &str) -> bool {
    let n = s.chars().count();
    (2..=40).contains(&n)
        && !contains(s, "报告")
        && !s.contains(['。', ',', '，', ':', '：'])
        && s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// How far into the text a period without its cue word is looked for.
const PERIOD_SEARCH: usize = 8 * 1024;

fn find_period(text: &str, line_at: &impl Fn(usize) -> usize) -> Option<Period> {
    // Two dates within 60 characters after `at`.
    let period_at = |at: usize| {
        let window = &text[at..];
        let window = &window[..window.char_indices().nth(60).map_or(window.len(), |(i, _)| i)];
        let dates: Vec<(i32, String)> = dates(window);
        (dates.len() >= 2).then(|| Period {
            from: dates[0].1.clone(),
            to: dates[1].1.clone(),
            from_year: dates[0].0,
            to_year: dates[1].0,
            line: line_at(at),
        })
    };
    // The cues, in one scan for the start they share (`统计`): the usual
    // one (the first, mostly found near the start) is tried where it
    // stands; the others' places, each cue's in text order, are kept to be
    // tried after it.
    let (usual, others) = phrases::PERIOD.split_first().unwrap_or((&"", &[]));
    let shared = others.iter().fold(*usual, |a, b| shared_start(a, b));
    let mut later: Vec<Vec<usize>> = vec![Vec::new(); others.len()];
    // Where each cue's next place may start (places do not overlap).
    let mut free = vec![0; phrases::PERIOD.len()];
    for at in matches(text, shared) {
        for (k, cue) in others.iter().enumerate() {
            if at >= free[k + 1] && text[at..].starts_with(cue) {
                later[k].push(at);
                free[k + 1] = at + cue.len();
            }
        }
        if at >= free[0] && text[at..].starts_with(usual) {
            free[0] = at + usual.len();
            if let Some(period) = period_at(at) {
                return Some(period);
            }
        }
    }
    // Without a cue word: `自2022年1月1日起至2022年12月31日止` near the start.
    let head = &text[..floor_boundary(text, PERIOD_SEARCH)];
    let bare = head.match_indices("1月1日").map(|(at, _)| floor_boundary(text, at.saturating_sub(12)));
    later.into_iter().flatten().chain(bare).find_map(period_at)
}

/// `2021 年 1 月 1 日` → (2021, "2021-01-01").
fn dates(s: &str) -> Vec<(i32, String)> {
    let squeezed: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let mut out = Vec::new();
    for (year, _, after) in years(&squeezed) {
        let rest = &squeezed[after..];
        let month = &rest[..rest.bytes().take_while(u8::is_ascii_digit).count()];
        let rest = &rest[month.len()..];
        let Some(rest) = rest.strip_prefix('月') else { continue };
        let day = &rest[..rest.bytes().take_while(u8::is_ascii_digit).count()];
        if let (Ok(m), Ok(d)) = (month.parse::<u32>(), day.parse::<u32>()) {
            out.push((year, format!("{year}-{m:02}-{d:02}")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agency_on_the_line_before_the_title() {
        let m = read_meta("\n温州市大数据发展管理局\n\n2021年度政府信息公开工作年度报告\n本报告统计期限自2021年1月1日起至2021年12月31日止。", |_| 1);
        assert_eq!(m.agency.as_deref(), Some("温州市大数据发展管理局"));
        assert_eq!(m.title_year, Some(2021));
        let p = m.period.unwrap();
        assert_eq!((p.from.as_str(), p.to.as_str()), ("2021-01-01", "2021-12-31"));
    }

    #[test]
    fn agency_in_the_title_line() {
        let m = read_meta("温州市机关事务管理局 2020 年政府信息公开工作年度报告\n", |_| 1);
        assert_eq!(m.agency.as_deref(), Some("温州市机关事务管理局"));
        assert_eq!(m.title_year, Some(2020));
        let m = read_meta("标题: 平潭综合实验区2021年度政府信息公开工作年度报告\n", |_| 1);
        assert_eq!(m.agency.as_deref(), Some("平潭综合实验区"));
    }

    #[test]
    fn period_without_its_cue_word() {
        let m = read_meta("本报告所列数据时限为2022年1月1日至2022年12月31日。", |_| 1);
        assert_eq!(m.period.map(|p| p.to), Some("2022-12-31".to_string()));
    }

    #[test]
    fn nothing_found_is_none() {
        let m = read_meta("随便一段文字。", |_| 1);
        assert!(m.agency.is_none() && m.title_year.is_none() && m.period.is_none());
    }
}
