//! What the report says about itself: agency, reported year, statistical
//! period, the dates it was published and signed, each with the line it
//! was read from.
//!
//! Titles come in many forms: `XX局2021年度政府信息公开工作年度报告`,
//! the year first (`2024年XX市XX委政府信息公开工作年度报告`), the agency
//! on the line above, the year on a line of its own (`（2021年度）`, as a
//! page's paragraphs give it), `XX区人民政府关于2021年政府信息公开工作
//! 情况的报告`, a title broken over two lines.

use crate::read::sections::Section;
use crate::template::{agencies, phrases};
use crate::util::chars::{floor_boundary, is_chinese_numeral};
use crate::util::find::{contains, find, matches, shared_start};
use serde::Serialize;

#[derive(Clone, Debug, Default, Serialize)]
pub struct Meta {
    pub agency: Option<String>,
    /// The year in the title (2021年度…年度报告).
    pub title_year: Option<i32>,
    pub title_line: Option<usize>,
    /// 统计期限自2021年1月1日起至2021年12月31日止
    pub period: Option<Period>,
    /// `发布日期：2022-01-28`, as a page's header gives it.
    pub published: Option<Dated>,
    /// The date under the report (落款).
    pub signed: Option<Dated>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Period {
    pub from: String,
    pub to: String,
    pub from_year: i32,
    pub to_year: i32,
    pub line: usize,
}

/// A date the text gives, with its line.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
pub struct Dated {
    pub date: Date,
    pub line: usize,
}

/// A calendar date, compared in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// `2022-01-28`.
    pub fn iso(self) -> String {
        format!("{}-{:02}-{:02}", self.year, self.month, self.day)
    }
    /// `2022年1月28日`.
    pub fn chinese(self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

/// Whose report it is, as its agency's name tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgencyKind {
    /// A people's government's own report (XX市人民政府).
    Government,
    /// A department's (XX局, XX委, XX办公室).
    Department,
    /// Not told (XX综合实验区, XX管委会, or no name found).
    Unclear,
}

/// Whose report it is, from the agency's name.
pub fn agency_kind(agency: Option<&str>) -> AgencyKind {
    let Some(a) = agency.map(str::trim) else { return AgencyKind::Unclear };
    if ends_with_any(a, agencies::GOVERNMENT) {
        AgencyKind::Government
    } else if ends_with_any(a, agencies::UNCLEAR) {
        AgencyKind::Unclear
    } else if ends_with_any(a, agencies::DEPARTMENT) {
        AgencyKind::Department
    } else {
        AgencyKind::Unclear
    }
}

fn starts_with_level(name: &str) -> bool {
    agencies::LEVELS.iter().any(|l| name.starts_with(l))
}

/// How far into the text the title is looked for (in lines with content).
const TITLE_SEARCH_LINES: usize = 40;
/// A title is at most this long (characters); each of two lines it is
/// broken over, and a line giving only its year, shorter still.
const TITLE_MAX: usize = 60;
const TITLE_PART_MAX: usize = 40;
const YEAR_LINE_MAX: usize = 12;
/// How far into the text a short agency name's full form is looked for.
const AGENCY_SEARCH: usize = 16 * 1024;

// Not inlined into `check`, so that a profile shows this stage on its own.
#[inline(never)]
pub fn read_meta(text: &str, line_at: impl Fn(usize) -> usize) -> Meta {
    let mut meta = read_title(text, &line_at);
    meta.period = find_period(text, &line_at);
    meta.published = find_published(text, &line_at);
    let (signed, signer) = find_signed(text, &line_at).map_or((None, None), |(d, s)| (Some(d), s));
    meta.signed = signed;
    // No title or opening names it: the name signed over the date.
    if meta.agency.is_none() {
        meta.agency = signer.map(|a| fuller_agency(text, a));
    }
    meta
}

/// Of [`read_meta`], the title's year and line and the agency only: what
/// pairing reads of a text's head.
pub fn read_title(text: &str, line_at: &impl Fn(usize) -> usize) -> Meta {
    let mut meta = Meta::default();
    // The first lines with content, as (offset, cleaned line).
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        let here = offset;
        offset += line.len() + 1;
        let clean = clean_line(line);
        if clean.is_empty() || is_page_number(clean) {
            continue;
        }
        lines.push((here, clean));
        if lines.len() >= TITLE_SEARCH_LINES {
            break;
        }
    }
    let title = find_title(&lines);
    // No title line naming the agency: the title an opening sentence names.
    let in_sentence = || {
        lines.iter().find_map(|&(at, line)| {
            let title = title_in_sentence(line)?;
            let (year, from, after) = years(title).next()?;
            let agency = agency_in_title(title, from, after).map(|(a, b)| &title[a..b]);
            Some((at, year, agency.filter(|a| ends_like_agency(a) && !agencies::SELF.contains(a))))
        })
    };
    match title {
        Some(title) if title.agency.is_some() => {
            meta.title_year = Some(title.year);
            meta.title_line = Some(line_at(lines[title.line].0));
            meta.agency = title.agency.map(|a| fuller_agency(text, a));
        }
        _ => {
            let found = in_sentence().filter(|s| s.2.is_some()).or(title.map(|t| (lines[t.line].0, t.year, None)));
            if let Some((at, year, agency)) = found.or_else(in_sentence) {
                meta.title_year = Some(year);
                meta.title_line = Some(line_at(at));
                meta.agency = agency.map(|a| fuller_agency(text, a));
            }
        }
    }
    // No title with a year names it: a title without one
    // (`XX街道办事处政府信息公开工作年度报告`), else whoever the opening says
    // wrote the report.
    if meta.agency.is_none() {
        let yearless = lines.iter().find(|(_, l)| is_title(l) && years(l).next().is_none()).and_then(|&(_, l)| {
            let (start, end) = agency_in_title(l, 0, 0)?;
            Some(&l[start..end]).filter(|a| ends_like_agency(a))
        });
        meta.agency = yearless.or_else(|| agency_in_opening(&lines)).map(|a| fuller_agency(text, a));
    }
    meta.agency = meta.agency.filter(|a| !agencies::SELF.contains(&a.as_str()));
    meta
}

/// The agency an opening names where no title does: who the report is by
/// (`本年度报告由XX局根据…编制`, `…，由XX厅编制`) or whose office to ask
/// (`请与XX局办公室联系`), in the lines before the first section (or the
/// second, where the text starts with its first). Only a name with a place
/// in it that ends as an agency's does (not `由专人负责`, `由局办公室负责`).
fn agency_in_opening<'a>(lines: &[(usize, &'a str)]) -> Option<&'a str> {
    for (i, &(_, line)) in lines.iter().enumerate() {
        if i > 0 && starts_with_heading(line) {
            break;
        }
        for &(cue, ends) in agencies::OPENING_CUES {
            for at in matches(line, cue) {
                if let Some(name) = name_after_cue(&line[at + cue.len()..], ends) {
                    return Some(name);
                }
            }
        }
    }
    None
}

/// The agency's name between a cue and the first of the words that end
/// it, if it reads as one (see [`agency_in_opening`]).
fn name_after_cue<'a>(rest: &'a str, ends: &[&str]) -> Option<&'a str> {
    let rest = &rest[..floor_boundary(rest, TITLE_PART_MAX * 3)];
    let mut end = None;
    for e in ends {
        if let Some(p) = find(rest, e) {
            end = Some(end.map_or(p, |q: usize| q.min(p)));
        }
    }
    let mut name = rest[..end?].trim();
    for office in agencies::CONTACT_OFFICES {
        if let Some(n) = name.strip_suffix(office).filter(|n| ends_like_agency(n)) {
            name = n;
            break;
        }
    }
    let placed = name.chars().any(|c| agencies::LEVELS.iter().any(|l| l.starts_with(c)));
    (placed && ends_like_agency(name) && looks_like_agency(name) && !name.contains('、')).then_some(name)
}

/// Whether a name ends as an agency's does: `局`, `委`, `人民政府`,
/// `办事处`, or a place (`XX区`, `XX街道`).
fn ends_like_agency(name: &str) -> bool {
    [agencies::GOVERNMENT, agencies::UNCLEAR, agencies::DEPARTMENT, agencies::LEVELS]
        .into_iter()
        .any(|ends| ends_with_any(name, ends))
        && !ends_with_any(name, agencies::NOT_ENDINGS)
}

fn ends_with_any(name: &str, ends: &[&str]) -> bool {
    ends.iter().any(|e| name.ends_with(e))
}

/// A section's heading (`一、总体情况`).
fn starts_with_heading(line: &str) -> bool {
    let mut chars = line.chars();
    chars.next().is_some_and(is_chinese_numeral) && chars.next().is_some_and(|c| "、.．".contains(c))
}

/// A report's title inside a sentence (`现公布白城市农业农村局2024年政府信息公开
/// 工作年度报告。`, `现形成《XX局2025年政府信息公开工作年度报告》`): from after
/// the last verb, opening quote or punctuation before 政府信息公开 to the end
/// of the title word after it, when it gives a year and reads as a title.
fn title_in_sentence(line: &str) -> Option<&str> {
    // (`特公布2022年XX局信息公开工作年度报告`, 政府 left out.)
    matches(line, "政府信息公开")
        .find_map(|cue| title_at(line, cue))
        .or_else(|| matches(line, "信息公开").find_map(|cue| title_at(line, cue)))
}

/// Quotes and punctuation, which a title sentence's title stands between.
fn breaks_title(c: char) -> bool {
    matches!(c, '《' | '》' | '“' | '”' | '"' | '，' | ',' | '。' | '：' | ':' | '；' | ';' | '、')
}

fn title_at(line: &str, cue: usize) -> Option<&str> {
    let end = phrases::TITLE
        .iter()
        .filter_map(|t| find(&line[cue..], t).map(|p| cue + p + t.len()))
        .min()
        .filter(|&e| line[cue..e].chars().count() <= TITLE_PART_MAX && !line[cue..e].contains(breaks_title))?;
    let before = &line[..cue];
    let mut start = before.char_indices().rev().find(|&(_, c)| breaks_title(c)).map_or(0, |(i, c)| i + c.len_utf8());
    for verb in agencies::TITLE_VERBS {
        if let Some(p) = before[start..].rfind(verb) {
            start = start.max(start + p + verb.len());
        }
    }
    // The title ends there (not a notice's `…年度报告编制发布工作的通知`).
    let rest = &line[end..];
    let ends = rest.chars().next().is_none_or(|c| breaks_title(c) || c.is_whitespace() || c == '(' || c == '（')
        || agencies::TITLE_ENDINGS.iter().any(|e| rest.starts_with(e));
    if !ends {
        return None;
    }
    let title = line[start..end].trim();
    (title.chars().count() <= TITLE_MAX && years(title).next().is_some() && has_title_word(title)).then_some(title)
}

/// A title found: its year, the index (in the lines read) of the line that
/// holds its words, and the agency it names.
struct Title<'a> {
    year: i32,
    line: usize,
    agency: Option<&'a str>,
}

fn find_title<'a>(lines: &[(usize, &'a str)]) -> Option<Title<'a>> {
    for (i, &(_, line)) in lines.iter().enumerate() {
        let next = lines.get(i + 1).map(|l| l.1);
        // The title on one line, or broken over this line and the next.
        let joined;
        let title = if is_title(line) {
            line
        } else if let Some(next) = next.filter(|n| {
            // (Only a line with 政府 in it may begin a title broken in two.)
            contains(line, "政府") && n.chars().count() <= TITLE_PART_MAX && line.chars().count() <= TITLE_PART_MAX
        }) {
            joined = format!("{line}{next}");
            if !is_title(&joined) || is_title(next) {
                continue;
            }
            joined.as_str()
        } else {
            continue;
        };
        let previous = i.checked_sub(1).map(|p| lines[p].1);
        let year_line = |l: Option<&str>| {
            l.filter(|l| l.chars().count() <= YEAR_LINE_MAX).and_then(|l| years(l).next()).map(|(y, _, _)| y)
        };
        let (year, named) = match years(title).next() {
            Some((year, at, after)) => (year, agency_in_title(title, at, after)),
            // `XX局政府信息公开工作年度报告` under or over `（2021年度）`.
            None => match year_line(previous).or(year_line(next)) {
                Some(year) => (year, agency_in_title(title, 0, 0)),
                None => continue,
            },
        };
        // The agency from the title itself, else the line above.
        let agency = match named {
            Some(n) => lines_slice(lines, i, n).filter(|a| ends_like_agency(a)),
            None => previous.filter(|p| looks_like_agency(p) && ends_like_agency(p) && years(p).next().is_none()),
        };
        return Some(Title { year, line: i, agency });
    }
    None
}

/// The agency named in a title, as a range of it: before the year
/// (`XX局2021年度…`), or between the year and 政府信息公开
/// (`2024年XX市XX委政府信息公开…`), without `关于`.
fn agency_in_title(title: &str, year_at: usize, after_year: usize) -> Option<(usize, usize)> {
    let trim = |start: usize, end: usize| -> Option<(usize, usize)> {
        let s = &title[start..end];
        let s2 = s.trim_start_matches(['度', ' ', '(', '（']);
        let s2 = s2.strip_prefix("关于").unwrap_or(s2);
        let s2 = agencies::TITLE_LEADS.iter().find_map(|l| s2.strip_prefix(l)).unwrap_or(s2);
        let start = start + (s.len() - s2.len());
        let mut s3 = s2.trim_end();
        // (`XX局关于印发2025年…年度报告的通知`)
        if let Some(verb) = agencies::TITLE_VERBS.iter().find(|v| s3.ends_with(*v)) {
            s3 = s3[..s3.len() - verb.len()].trim_end();
        }
        let s3 = s3.strip_suffix("关于").unwrap_or(s3).trim_end_matches(['(', '（', ' ']);
        let s3 = before_alias(s3);
        let s3 = before_author_verb(s3);
        let end = start + s3.len();
        looks_like_agency(&title[start..end]).then_some((start, end))
    };
    if year_at > 0 {
        if let Some(r) = trim(0, year_at) {
            return Some(r);
        }
    }
    let cue = find(title, "政府信息公开").or_else(|| find(title, "信息公开"))?;
    (cue > after_year).then(|| trim(after_year, cue)).flatten()
}

/// A name without the short name it introduces (`XX区人民政府办公室
/// （以下简称区政府办公室）`).
fn before_alias(name: &str) -> &str {
    let mut name = name;
    for mark in agencies::ALIAS_MARKS {
        if let Some(at) = find(name, mark) {
            name = name[..at].trim_end();
        }
    }
    name
}

/// A name without the writing that follows it in a sentence
/// (`泉州市司法局认真编写了` of `…认真编写了2025年…年度报告`): cut where
/// that leaves a name that ends as an agency's does.
fn before_author_verb(name: &str) -> &str {
    if ends_like_agency(name) {
        return name;
    }
    let mut head = name;
    for verb in agencies::AUTHOR_VERBS {
        if let Some(at) = find(head, verb) {
            head = &head[..at];
        }
    }
    if head.len() == name.len() {
        return name;
    }
    let mut head = head.trim_end();
    while let Some(shorter) = agencies::AUTHOR_ADVERBS.iter().find_map(|a| head.strip_suffix(a)) {
        head = shorter.trim_end();
    }
    if ends_like_agency(head) {
        head
    } else {
        name
    }
}

/// A range of a title as a slice of the line it stands on (a title joined
/// from two lines gives its agency only when it stands on the first).
fn lines_slice<'a>(lines: &[(usize, &'a str)], i: usize, (start, end): (usize, usize)) -> Option<&'a str> {
    lines[i].1.get(start..end).filter(|s| looks_like_agency(s))
}

fn is_title(line: &str) -> bool {
    contains(line, "政府信息公开") && has_title_word(line) && line.chars().count() <= TITLE_MAX
}

/// Whether a line has a report's title word (`年度报告`, `年报`, …).
fn has_title_word(line: &str) -> bool {
    phrases::TITLE.iter().any(|t| contains(line, t))
}

/// The agency's full name where the title gives a short one (`市科委`) and
/// the text the full one (`上海市科委`): the place is read from the text.
fn fuller_agency(text: &str, agency: &str) -> String {
    if !starts_with_level(agency) {
        return agency.to_string();
    }
    let head = &text[..floor_boundary(text, AGENCY_SEARCH)];
    for at in matches(head, agency) {
        // Up to four ideographs before it, back to a word that is no
        // place's; a fifth that is none means the words run on
        // (`全面主动公开市外办`: no place).
        let (mut start, mut n, mut ended) = (at, 0, true);
        for (i, c) in head[..at].char_indices().rev().take(5) {
            if !('\u{4e00}'..='\u{9fff}').contains(&c) || PLACE_STOPS.contains(c) {
                break;
            }
            if n == 4 {
                ended = false;
                break;
            }
            (start, n) = (i, n + 1);
        }
        // (Not a verb read as a place: `现公布区统计局…`.)
        let place = &head[start..at];
        if ended && n >= 2 && !agencies::TITLE_VERBS.iter().any(|v| contains(place, v)) {
            return format!("{place}{agency}");
        }
    }
    agency.to_string()
}

/// Characters that end a place name read backwards from an agency's name.
const PLACE_STOPS: &str = "的在由和与及对向将为据照按于从经被把是了、本我年度括含即";

/// A line as its words: without markdown's marks (a heading's `#`, bold
/// `*`, a table row's `|`: `| 标题: | XX局2025年…报告 | ||`) or a title
/// field's label.
fn clean_line(line: &str) -> &str {
    let t = line.trim().trim_start_matches(['#', '*', ' ', '|']).trim_end_matches(['*', ' ', '|']);
    without_title_label(t).trim_matches([' ', '|'])
}

/// A title without its page's field label (`标题:`, `名 称：`).
fn without_title_label(line: &str) -> &str {
    let Some(colon) = line.char_indices().take(8).find(|&(_, c)| c == ':' || c == '：').map(|(i, _)| i) else {
        return line;
    };
    let label = line[..colon].chars().filter(|c| !c.is_whitespace());
    if agencies::TITLE_LABELS.iter().any(|l| label.clone().eq(l.chars())) {
        &line[colon + line[colon..].chars().next().map_or(0, char::len_utf8)..]
    } else {
        line
    }
}

fn is_page_number(s: &str) -> bool {
    s.trim_matches(['-', ' ', '—']).chars().all(|c| c.is_ascii_digit())
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

/// How far into the first line of 一、总体情况 its opening year is looked
/// for (characters): `2021年，我局…`, `2021年度，…`.
const OPENING_CHARS: usize = 12;

/// The year the first line under 一、总体情况 opens with (`2021年，我局…`),
/// and that line's offset in `text`: the report's year where no title or
/// statistical period gives one (a page copied from under its title).
pub fn opening_year(text: &str, general: &Section) -> Option<(i32, usize)> {
    let body = &text[general.start..general.end.min(text.len())];
    let mut offset = general.start;
    let line = body.split('\n').find_map(|line| {
        let at = offset;
        offset += line.len() + 1;
        // The heading's own line, past the heading (a page's paragraph).
        let line = if at == general.start { line.trim_start().strip_prefix(general.heading.as_str())? } else { line };
        (!line.trim().is_empty()).then_some((at, line))
    });
    let (at, line) = line?;
    let opening = line.trim_start();
    let opening = &opening[..opening.char_indices().nth(OPENING_CHARS).map_or(opening.len(), |(i, _)| i)];
    let (year, from, _) = years(opening).next()?;
    (from == 0).then_some((year, at))
}

fn looks_like_agency(s: &str) -> bool {
    let n = s.chars().count();
    // (Not a section's heading: `一、总体情况`.)
    let mut first = s.chars().skip_while(|c| matches!(c, '(' | '（'));
    let heading = first.next().is_some_and(is_chinese_numeral) && first.next().is_some_and(|c| "、.．)）".contains(c));
    !heading
        && (2..=40).contains(&n)
        && !contains(s, "报告")
        && !contains(s, "关于")
        && !contains(s, "政府信息公开")
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
        let dates = dates(window);
        (dates.len() >= 2).then(|| Period {
            from: dates[0].0.iso(),
            to: dates[1].0.iso(),
            from_year: dates[0].0.year,
            to_year: dates[1].0.year,
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
    // Without a cue word (or with one misspelt, or broken over two lines):
    // `自2022年1月1日起至2022年12月31日止`, `2020 年 1 月 1 日至…` near the start.
    let head = &text[..floor_boundary(text, PERIOD_SEARCH)];
    let bare = head.match_indices('月').filter(|&(at, _)| is_january_first(head, at)).map(|(at, _)| {
        // From a little before the year.
        head[..at].char_indices().rev().nth(PERIOD_LEAD).map_or(0, |(i, _)| i)
    });
    later.into_iter().flatten().chain(bare).find_map(period_at)
}

/// How far before a period's `月` its start is looked for (characters):
/// `2020 年 1 ` is ten.
const PERIOD_LEAD: usize = 12;

/// Whether the `月` at `at` is that of `1月1日` (spaces allowed between).
fn is_january_first(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    let after = text[at + '月'.len_utf8()..].trim_start();
    let one_before = before.ends_with('1') && !before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit());
    let one_after = after.strip_prefix('1').is_some_and(|rest| rest.trim_start().starts_with('日'));
    one_before && one_after
}

/// How far into the text a page's publication date is looked for (the
/// page's header, above the report).
const PUBLISHED_SEARCH: usize = 1024;

/// `发布日期：2020-01-31`, `发布时间: 2021-03-05 08:58` near the start.
fn find_published(text: &str, line_at: &impl Fn(usize) -> usize) -> Option<Dated> {
    let head = &text[..floor_boundary(text, PUBLISHED_SEARCH)];
    phrases::PUBLISHED.iter().filter_map(|cue| find(head, cue).map(|at| (at, cue))).min().and_then(|(at, cue)| {
        let rest = &head[at + cue.len()..];
        let rest = &rest[..rest.char_indices().nth(24).map_or(rest.len(), |(i, _)| i)];
        dates(rest).first().map(|&(date, _)| Dated { date, line: line_at(at) })
    })
}

/// How many lines with content at the end of the text may hold the date under it.
const SIGNATURE_LINES: usize = 6;
/// A signature line is the date and at most this much else (characters).
const SIGNATURE_REST: usize = 24;

/// The date under the report: one of its last lines that is a date, or an
/// agency and a date (`XX局 2022年1月20日`, `二〇二二年一月二十日`); and
/// the name signed over it, where the line above reads as an agency's
/// (`XX县文化和旅游局` / `2022年1月19日`).
fn find_signed<'a>(text: &'a str, line_at: &impl Fn(usize) -> usize) -> Option<(Dated, Option<&'a str>)> {
    let mut end = text.len();
    let mut seen = 0;
    while seen < SIGNATURE_LINES && end > 0 {
        let start = text[..end].rfind('\n').map_or(0, |p| p + 1);
        let line = text[start..end].trim();
        end = start.saturating_sub(1);
        if line.is_empty() {
            continue;
        }
        seen += 1;
        if line.contains(['。', '；', ';']) || line.chars().count() > SIGNATURE_REST + 20 {
            continue;
        }
        let found = dates(line);
        if let [(date, len)] = found[..] {
            let squeezed = line.chars().filter(|c| !c.is_whitespace()).count();
            if squeezed.saturating_sub(len) <= SIGNATURE_REST {
                let above = text[..start].trim_end().rsplit('\n').next().map(str::trim);
                let signer = above.filter(|a| looks_like_agency(a) && ends_like_agency(a));
                return Some((Dated { date, line: line_at(start) }, signer));
            }
        }
    }
    None
}

/// The dates in a short string, each with how many characters it is
/// written in: `2021年1月1日`, `2021 年 1 月 1 日`, `12月31日` after a
/// dated one (its year), `2020-01-31`, `2020.1.31`, `2020/1/31` and
/// `二〇二二年一月二十日`.
fn dates(s: &str) -> Vec<(Date, usize)> {
    let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).map(chinese_digit).collect();
    let mut out: Vec<(Date, usize)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if let Some((date, len)) = date_at(&chars[i..], out.last().map(|d| d.0.year)) {
            out.push((date, len));
            i += len;
        } else {
            i += 1;
        }
    }
    out
}

/// 〇一二…九 as digits (十 is read where it stands, in [`number_at`]).
fn chinese_digit(c: char) -> char {
    match c {
        '〇' | '○' | '零' => '0',
        '一' => '1',
        '二' => '2',
        '三' => '3',
        '四' => '4',
        '五' => '5',
        '六' => '6',
        '七' => '7',
        '八' => '8',
        '九' => '9',
        c => c,
    }
}

/// A number of at most `max` digits at the start (`十`, `十二`, `二十`,
/// `二十一` read as written in Chinese), and how many characters it takes.
fn number_at(s: &[char], max: usize) -> Option<(u32, usize)> {
    let digits = s.iter().take(max).take_while(|c| c.is_ascii_digit()).count();
    let value = |d: &[char]| d.iter().fold(0, |v, c| v * 10 + c.to_digit(10).unwrap_or(0));
    match s.get(digits) {
        Some('十') if max <= 2 && digits <= 1 => {
            let tens = if digits == 0 { 1 } else { value(&s[..1]) };
            let ones = s.get(digits + 1).filter(|c| c.is_ascii_digit()).map(|c| c.to_digit(10).unwrap_or(0));
            Some((tens * 10 + ones.unwrap_or(0), digits + 1 + usize::from(ones.is_some())))
        }
        _ if digits > 0 => Some((value(&s[..digits]), digits)),
        _ => None,
    }
}

/// A date at the start of `s`, and how many characters it takes.
fn date_at(s: &[char], year_before: Option<i32>) -> Option<(Date, usize)> {
    let valid = |y: i32, m: u32, d: u32| (1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d);
    // `2021年1月1日`, `2021-01-01`, `2021.1.1`, `2021/1/1`.
    if let Some((y, 4)) = number_at(s, 4) {
        let sep = *s.get(4)?;
        let (m, ml) = number_at(&s[5..], 2)?;
        let after_m = 5 + ml;
        let (d, dl) = match sep {
            '年' if s.get(after_m) == Some(&'月') => number_at(&s[after_m + 1..], 2).map(|(d, l)| (d, l + 1))?,
            '-' | '.' | '/' if s.get(after_m) == Some(&sep) => {
                number_at(&s[after_m + 1..], 2).map(|(d, l)| (d, l + 1))?
            }
            _ => return None,
        };
        let mut len = after_m + dl;
        if sep == '年' {
            if s.get(len) != Some(&'日') && s.get(len) != Some(&'号') {
                return None;
            }
            len += 1;
        }
        return valid(y as i32, m, d).then_some((Date { year: y as i32, month: m, day: d }, len));
    }
    // `12月31日` after a dated one.
    let year = year_before?;
    let (m, ml) = number_at(s, 2)?;
    if s.get(ml) != Some(&'月') {
        return None;
    }
    let (d, dl) = number_at(&s[ml + 1..], 2)?;
    let len = ml + 1 + dl;
    (matches!(s.get(len), Some('日' | '号')) && valid(year, m, d)).then_some((Date { year, month: m, day: d }, len + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(text: &str) -> Meta {
        read_meta(text, |_| 1)
    }

    #[test]
    fn agency_on_the_line_before_the_title() {
        let m = meta("\n温州市大数据发展管理局\n\n2021年度政府信息公开工作年度报告\n本报告统计期限自2021年1月1日起至2021年12月31日止。");
        assert_eq!(m.agency.as_deref(), Some("温州市大数据发展管理局"));
        assert_eq!(m.title_year, Some(2021));
        let p = m.period.unwrap();
        assert_eq!((p.from.as_str(), p.to.as_str()), ("2021-01-01", "2021-12-31"));
    }

    #[test]
    fn agency_in_the_title_line() {
        let m = meta("温州市机关事务管理局 2020 年政府信息公开工作年度报告\n");
        assert_eq!(m.agency.as_deref(), Some("温州市机关事务管理局"));
        assert_eq!(m.title_year, Some(2020));
        let m = meta("标题: 平潭综合实验区2021年度政府信息公开工作年度报告\n");
        assert_eq!(m.agency.as_deref(), Some("平潭综合实验区"));
    }

    /// Titles as real reports write them: (text, agency, year).
    const TITLES: &[(&str, Option<&str>, i32)] = &[
        ("2024年上海市科委政府信息公开工作年度报告\n", Some("上海市科委"), 2024),
        (
            "2019年上海市人民政府办公厅政府信息公开工作年度报告\n发布日期：2020-01-31\n",
            Some("上海市人民政府办公厅"),
            2019,
        ),
        ("2022年度温州市生态环境局政府信息公开工作年度报告\n", Some("温州市生态环境局"), 2022),
        ("测试市人民政府关于2021年度政府信息公开工作的报告\n", Some("测试市人民政府"), 2021),
        ("关于测试县2023年政府信息公开工作情况的报告\n", Some("测试县"), 2023),
        ("测试区人民政府\n关于2022年政府信息公开工作情况的报告\n", Some("测试区人民政府"), 2022),
        ("测试市测试局\n政府信息公开工作年度报告\n（2021年度）\n", Some("测试市测试局"), 2021),
        ("（2021年度）\n测试市测试局政府信息公开工作年度报告\n", Some("测试市测试局"), 2021),
        ("测试市测试局2021年政府信息\n公开工作年度报告\n", Some("测试市测试局"), 2021),
        ("# 测试市测试局\n## 2020年度政府信息公开工作年度报告\n", Some("测试市测试局"), 2020),
        ("测试市测试局2021年政府信息公开年报\n", Some("测试市测试局"), 2021),
        ("2021年度政府信息公开工作年度报告\n本机关……", None, 2021),
        ("泉州市丰泽区教育局关于印发 2025年政府信息公开工作年度报告的通知\n", Some("泉州市丰泽区教育局"), 2025),
        (
            "根据《中华人民共和国政府信息公开条例》规定，现公布白城市农业农村局2024年政府信息公开工作年度报告。\n",
            Some("白城市农业农村局"),
            2024,
        ),
        (
            "一、总体情况\n根据相关要求，现形成《海城市卫生健康局2025年政府信息公开工作年度报告》，全文如下。\n",
            Some("海城市卫生健康局"),
            2025,
        ),
        ("根据相关要求，现公布我局2022年政府信息公开工作年度报告。\n", None, 2022),
        ("现将测试县2023年政府信息公开工作情况报告如下：\n", Some("测试县"), 2023),
        // A short name introduced after the full one is no part of it.
        (
            "根据条例，现公布测试市测试区人民政府办公室（以下简称区政府办公室）2022年政府信息公开工作年度报告。\n",
            Some("测试市测试区人民政府办公室"),
            2022,
        ),
        // The writing between the agency and its title is no part of the name.
        ("根据上级要求，测试市司法局认真编写了2025年政府信息公开工作年度报告。\n", Some("测试市司法局"), 2025),
        // 政府 left out of the title in the sentence.
        ("现特向社会公布2024年度测试市市场监督管理局信息公开工作年度报告。\n", Some("测试市市场监督管理局"), 2024),
        // A page's title field, its label spaced; a menu's line above is no agency.
        ("- 长者版\n名 称： 测试区财政局2022年政府信息公开工作年度报告\n", Some("测试区财政局"), 2022),
        ("- 长者版\n2022年政府信息公开工作年度报告\n", None, 2022),
        // The field in a crawled page's markdown table, the site's name above.
        (
            "测试县人民政府\n| 标题: | 测试县交通运输局2025年政府信息公开工作年度报告 | ||\n|---|---|---|---|\n",
            Some("测试县交通运输局"),
            2025,
        ),
        // Itself, not named.
        ("特向社会公布2021年度本镇政府信息公开年度报告。\n", None, 2021),
    ];

    #[test]
    fn titles_of_many_shapes() {
        for &(text, agency, year) in TITLES {
            let m = meta(text);
            assert_eq!((m.agency.as_deref(), m.title_year), (agency, Some(year)), "{text}");
        }
    }

    /// Titles as pages mark them up, read after the page becomes text.
    #[cfg(feature = "html")]
    #[test]
    fn titles_inside_a_page_s_paragraphs() {
        let pages = [
            ("<p align=\"center\"><strong>测试市测试局</strong></p><p align=\"center\"><strong>2021年度政府信息公开工作年度报告</strong></p><p>正文。</p>", "测试市测试局", 2021),
            ("<h1>2024年上海市科委政府信息公开工作年度报告</h1><p>正文。</p>", "上海市科委", 2024),
            ("<p>测试市测试局2021年政府信息</p><p>公开工作年度报告</p><p>正文。</p>", "测试市测试局", 2021),
            ("<div class=\"title\">测试市测试局<br>2022年度政府信息公开工作年度报告</div><p>正文。</p>", "测试市测试局", 2022),
            ("<p>测试区人民政府关于2023年度政府信息公开工作情况的报告</p>", "测试区人民政府", 2023),
        ];
        for (page, agency, year) in pages {
            let text = crate::read::normalise::Normalised::new(&crate::input::html::html_text(page)).text;
            let m = meta(&text);
            assert_eq!((m.agency.as_deref(), m.title_year), (Some(agency), Some(year)), "{page}\n{text}");
        }
    }

    #[test]
    fn the_agency_an_opening_names_where_no_title_does() {
        let named = |text: &str| meta(text).agency;
        // Who wrote it, and the office to ask.
        assert_eq!(
            named("本年度报告由测试市测试区发展和改革局根据《条例》要求编制而成。\n一、总体情况\n").as_deref(),
            Some("测试市测试区发展和改革局")
        );
        assert_eq!(named("本年度报告根据《条例》有关规定，由测试省公安厅编制。\n").as_deref(), Some("测试省公安厅"));
        assert_eq!(
            named("如对本报告有疑问，请与测试市自然资源和规划局办公室联系（地址：……）。\n").as_deref(),
            Some("测试市自然资源和规划局")
        );
        // A government's report compiled by its office is the government's.
        assert_eq!(named("本年报由测试市测试区人民政府办公室编制。\n").as_deref(), Some("测试市测试区人民政府"));
        // The text opening with its first section still has an opening.
        assert_eq!(
            named("一、总体情况\n本年报根据《条例》要求，由测试市测试区东山镇人民政府编制。\n").as_deref(),
            Some("测试市测试区东山镇人民政府")
        );
        // No place, no agency: an office of its own, a person, itself.
        assert_eq!(named("本报告由局办公室负责编制。\n"), None);
        assert_eq!(named("一、总体情况\n由专人负责政府信息公开工作的编制。\n"), None);
        assert_eq!(named("如有疑问，请与本局办公室联系。\n"), None);
        // A list of the report's parts is no name.
        assert_eq!(named("本年报由总体情况、主动公开政府信息情况等部分组成，依要求编制。\n"), None);
        // Only in the opening: not from the second section on.
        assert_eq!(named("一、总体情况\n正文。\n二、主动公开政府信息情况\n由测试市测试局编制。\n"), None);
        // A title without a year still names it.
        assert_eq!(
            named("测试路街道办事处政府信息公开工作年度报告\n一、总体情况\n").as_deref(),
            Some("测试路街道办事处")
        );
    }

    #[test]
    fn the_name_signed_over_the_date_where_nothing_else_names_it() {
        let text = "现将2021年度政府信息公开情况汇报如下：\n一、总体情况\n正文。\n六、其他需要报告的事项\n无\n测试县文化和旅游局\n2022年1月19日\n";
        let m = meta(text);
        assert_eq!(m.agency.as_deref(), Some("测试县文化和旅游局"));
        assert_eq!(m.signed.map(|s| s.date.iso()).as_deref(), Some("2022-01-19"));
        // A title's name comes first; a line above the date that is no name is none.
        let titled = format!("测试市测试局2021年政府信息公开工作年度报告\n{text}");
        assert_eq!(meta(&titled).agency.as_deref(), Some("测试市测试局"));
        assert_eq!(meta("一、总体情况\n正文。\n六、其他需要报告的事项\n无\n2022年1月19日\n").agency, None);
    }

    #[test]
    fn a_short_name_in_the_title_is_the_full_one_of_the_text() {
        let m = meta("2024年市科委政府信息公开工作年度报告\n根据上海市科委的部署……");
        assert_eq!(m.agency.as_deref(), Some("上海市科委"));
        // A verb before it is no place.
        let m = meta("区统计局2023年政府信息公开工作年度报告\n根据条例，现公布区统计局2023年年度报告。");
        assert_eq!(m.agency.as_deref(), Some("区统计局"));
        // Not found in full: kept as given.
        assert_eq!(meta("2024年市科委政府信息公开工作年度报告\n").agency.as_deref(), Some("市科委"));
        // No place where the words before it run on, or are a list's.
        let m = meta("2020年市外办政府信息公开工作年度报告\n全面主动公开市外办的基本信息。");
        assert_eq!(m.agency.as_deref(), Some("市外办"));
        let m = meta("2023年市应急管理局政府信息公开工作年度报告\n全文包括安康市应急管理局本年度的工作。");
        assert_eq!(m.agency.as_deref(), Some("安康市应急管理局"));
    }

    #[test]
    fn whose_report() {
        assert_eq!(agency_kind(Some("淮安市人民政府")), AgencyKind::Government);
        assert_eq!(agency_kind(Some("上海市人民政府办公厅")), AgencyKind::Department);
        assert_eq!(agency_kind(Some("温州市大数据发展管理局")), AgencyKind::Department);
        assert_eq!(agency_kind(Some("平潭综合实验区")), AgencyKind::Unclear);
        assert_eq!(agency_kind(Some("测试开发区管理委员会")), AgencyKind::Unclear);
        assert_eq!(agency_kind(None), AgencyKind::Unclear);
    }

    #[test]
    fn periods_as_real_reports_write_them() {
        let cases = [
            ("本报告所列数据的统计期限自2019年1月1日起至2019年12月31日止。", "2019-12-31"),
            ("本年度报告中所列数据统计期限从2019年1月1日到12月31日止。", "2019-12-31"),
            ("本报告所列数据统计期限为2024年1月1日至2024年12月31日。", "2024-12-31"),
            ("本年度报告中所列数据统计期限为2022年1月1日至12月31日。", "2022-12-31"),
            ("所列数据统计期限自2023年1月1日起到2023年12月31日止。", "2023-12-31"),
            ("本报告所列数据时限为2022年1月1日至2022年12月31日。", "2022-12-31"),
            ("统计期限为2021.1.1至2021.11.30。", "2021-11-30"),
            ("本报告中所列数据的统\n计期限自 2021 年 1 月 1 日起至 2021 年 12 月 31 日止", "2021-12-31"),
            ("本报告中所列数据的统计限自 2020 年 1 月 1 日至 2020 年 12 月 31 日止。", "2020-12-31"),
        ];
        for (text, to) in cases {
            let p = meta(text).period.unwrap_or_else(|| panic!("{text}"));
            assert_eq!(p.to, to, "{text}");
        }
        assert_eq!(meta("统计期限从2019年1月1日到12月31日止。").period.unwrap().from, "2019-01-01");
    }

    #[test]
    fn published_and_signed() {
        let m = meta("2019年测试局政府信息公开工作年度报告\n发布日期：2020-01-31\n正文。\n六、其他需要报告的事项\n无。\n测试局\n2020年1月20日\n");
        assert_eq!(m.published.map(|d| d.date.iso()), Some("2020-01-31".into()));
        assert_eq!(m.signed.map(|d| d.date.iso()), Some("2020-01-20".into()));
        let m = meta("标题\n发布时间: 2021-03-05 08:58\n正文\n测试局  二〇二二年一月二十八日");
        assert_eq!(m.published.map(|d| d.date.iso()), Some("2021-03-05".into()));
        assert_eq!(m.signed.map(|d| d.date.iso()), Some("2022-01-28".into()));
        // A sentence with a date at the end is not a signature.
        assert!(meta("正文\n本报告统计期限截至2021年12月31日。").signed.is_none());
        assert_eq!(dates("二〇二〇年十二月三十一日")[0].0.iso(), "2020-12-31");
        assert_eq!(dates("二〇二一年十月一日")[0].0.iso(), "2021-10-01");
    }

    #[test]
    fn period_without_its_cue_word() {
        let m = meta("本报告所列数据时限为2022年1月1日至2022年12月31日。");
        assert_eq!(m.period.map(|p| p.to), Some("2022-12-31".to_string()));
    }

    /// A page copied from under its title, with no statistical period: the
    /// year 一、总体情况 opens with is the report's; a year further into the
    /// sentence is not.
    #[test]
    fn the_year_general_opens_with() {
        use crate::template::v2021::V2021;
        let sample = crate::testing::Sample::new(&V2021).prose(1, "2023年，我局认真落实《条例》。");
        let text = sample.text();
        let body = &text[text.find("一、总体情况").unwrap()..];
        assert_eq!(crate::check(body, None).year, Some(2023));
        let later = body.replacen("2023年，我局", "我局在2023年", 1);
        assert_eq!(crate::check(&later, None).year, None);
        // Heading and opening on one line (a page's paragraph).
        let one_line = body.replacen("一、总体情况\n", "一、总体情况 ", 1);
        let sections = crate::read::sections::find_sections(&one_line, |_| 1);
        let general = sections.iter().find(|s| s.number == 1).unwrap();
        assert_eq!(opening_year(&one_line, general).map(|(y, _)| y), Some(2023));
    }

    #[test]
    fn nothing_found_is_none() {
        let m = meta("随便一段文字。");
        assert!(m.agency.is_none() && m.title_year.is_none() && m.period.is_none());
        assert!(m.published.is_none() && m.signed.is_none());
    }
}
