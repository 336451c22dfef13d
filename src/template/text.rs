//! The template's words that are not one version's: the six sections'
//! headings, the words that locate each table, units, blank marks, and the
//! phrases of the prose the rules read.

/// One of the six sections, with the words that identify its heading.
pub struct SectionSpec {
    pub number: &'static str,
    pub title: &'static str,
    /// Any of these after the number marks the heading.
    pub cues: &'static [&'static str],
}

pub const SECTIONS: [SectionSpec; 6] = [
    SectionSpec { number: "一", title: "总体情况", cues: &["总体情况"] },
    SectionSpec { number: "二", title: "主动公开政府信息情况", cues: &["主动公开"] },
    SectionSpec {
        number: "三",
        title: "收到和处理政府信息公开申请情况",
        cues: &["收到和处理", "依申请公开", "处理政府信息公开申请"],
    },
    SectionSpec {
        number: "四", title: "政府信息公开行政复议、行政诉讼情况", cues: &["行政复议", "行政诉讼"]
    },
    SectionSpec {
        number: "五",
        title: "存在的主要问题及改进情况",
        cues: &["存在的主要问题", "主要问题", "改进情况", "改进措施"],
    },
    SectionSpec {
        number: "六", title: "其他需要报告的事项", cues: &["其他需要报告", "其他需报告", "其他报告事项"]
    },
];

/// Words that mark table 四's header (when locating it without a heading).
pub const REVIEW_ANCHORS: &[&str] = &["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"];

/// Words that mark table 三 (when locating it without a heading).
pub const REQUESTS_ANCHOR: &str = "本年新收";

/// Words that mark table 二 (when locating it without a heading).
pub const ACTIVE_ANCHORS: &[&str] = &["第二十条"];

/// The words of the tables' headers that are not a column's label.
pub const REQUESTS_HEAD_CORNER: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
pub const REQUESTS_HEAD_APPLICANTS: &str = "申请人情况";
pub const REQUESTS_HEAD_LEGAL_PERSONS: &str = "法人或其他组织";
pub const REVIEW_HEAD_LITIGATION: &str = "行政诉讼";
pub const ACTIVE_HEAD_CONTENT: &str = "信息内容";

/// Words that tell a column is a money amount in 万元 / 元.
pub const UNIT_WAN_YUAN: &str = "万元";
pub const UNIT_YUAN: &str = "元";

/// Words of the template's labels that start as a blank mark is written
/// (`无`): after a number, these are a label, not a mark and a label.
pub const WORDS_AFTER_A_MARK: &[&str] = &["无法", "无正当"];

/// Cells written as one of these mean "left empty".
pub const BLANK_MARKS: &[&str] = &["/", "-", "--", "—", "——", "–", "\\", "／", "无", EMPTY_CELL];

/// How an empty cell of a real table (HTML, Word) is written in the text
/// the pipeline reads: a blank cell, not a missing one.
pub const EMPTY_CELL: &str = "(空)";

/// Phrases of the report's text that the text-vs-table rule reads.
pub mod phrases {
    /// 本年度未收到政府信息公开申请
    pub const NO_REQUESTS: &[&str] =
        &["未收到政府信息公开申请", "未收到依申请公开", "没有收到政府信息公开申请", "未收到信息公开申请"];
    pub const REQUESTS_RECEIVED: &[&str] = &[
        "收到政府信息公开申请",
        "收到依申请公开",
        "受理政府信息公开申请",
        "收到信息公开申请",
        "新收政府信息公开申请",
        "收到依申请公开申请",
    ];
    pub const REVIEWS: &[&str] = &["行政复议"];
    pub const NO_REVIEWS: &[&str] = &[
        "未收到有关政府信息公开事务的行政复议",
        "未发生政府信息公开行政复议",
        "无行政复议",
        "未发生因政府信息公开",
        "没有发生因政府信息公开",
    ];
    pub const ACTIVE_TOTAL: &[&str] = &["主动公开政府信息", "主动公开信息"];
    /// The phrases looked for in the prose, all found in one reading of it.
    pub const IN_PROSE: &[&[&str]] = &[NO_REQUESTS, REQUESTS_RECEIVED, REVIEWS, NO_REVIEWS, ACTIVE_TOTAL];
    pub const PROCESSING_FEE: &[&str] = &["信息处理费", "处理费"];
    /// Title words that mark the report's title line.
    pub const TITLE: &[&str] = &["年度报告", "年报"];
    pub const PERIOD: &[&str] = &["统计期限", "统计时限", "统计时间", "统计期", "统计区间", "统计截止"];
}
