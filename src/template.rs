//! The national template as data: every row, column, Chinese label and known
//! variant of the 2019 and 2021 formats lives here, and only here.
//!
//! Matching code reads these tables; it never spells a label itself.

use serde::Serialize;

/// Which national template a table (or the report) follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Version {
    #[serde(rename = "2019")]
    V2019,
    #[serde(rename = "2021")]
    V2021,
}

impl Version {
    pub fn name(self) -> &'static str {
        match self {
            Version::V2019 => "2019",
            Version::V2021 => "2021",
        }
    }
}

/// The three tables of the template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TableId {
    /// 表二 主动公开政府信息情况
    Active,
    /// 表三 收到和处理政府信息公开申请情况
    Requests,
    /// 表四 政府信息公开行政复议、行政诉讼情况
    Review,
}

impl TableId {
    pub const ALL: [TableId; 3] = [TableId::Active, TableId::Requests, TableId::Review];

    pub fn key(self) -> &'static str {
        match self {
            TableId::Active => "active",
            TableId::Requests => "requests",
            TableId::Review => "review",
        }
    }

    /// The name a reviewer uses: 表二, 表三, 表四.
    pub fn name(self) -> &'static str {
        match self {
            TableId::Active => "表二（主动公开）",
            TableId::Requests => "表三（依申请公开）",
            TableId::Review => "表四（复议诉讼）",
        }
    }
}

/// A column: its stable key and its Chinese label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    pub key: &'static str,
    pub label: &'static str,
}

const fn col(key: &'static str, label: &'static str) -> Column {
    Column { key, label }
}

// ---------------------------------------------------------------- sections

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

// ------------------------------------------------------------ table 三

pub const REQUEST_COLUMNS: [Column; 7] = [
    col("natural_person", "自然人"),
    col("commercial", "商业企业"),
    col("research", "科研机构"),
    col("public_interest", "社会公益组织"),
    col("legal_service", "法律服务机构"),
    col("other", "其他"),
    col("total", "总计"),
];

/// A data row of table 三 (or a group heading, when `values` is false).
#[derive(Clone, Copy, Debug)]
pub struct RowSpec {
    pub key: &'static str,
    /// The label as the template prints it.
    pub label: &'static str,
    /// The label's ordinal as printed (（一）, 1., 一、), normalised to
    /// half-width brackets.
    pub ordinal: &'static str,
    /// Extra spellings seen in real reports (typos, abbreviations).
    pub variants: &'static [&'static str],
    /// Which templates have this row.
    pub in_2019: bool,
    pub in_2021: bool,
}

const fn row(key: &'static str, ordinal: &'static str, label: &'static str) -> RowSpec {
    RowSpec { key, label, ordinal, variants: &[], in_2019: true, in_2021: true }
}

const fn row_v(
    key: &'static str,
    ordinal: &'static str,
    label: &'static str,
    variants: &'static [&'static str],
) -> RowSpec {
    RowSpec { key, label, ordinal, variants, in_2019: true, in_2021: true }
}

const fn only(mut r: RowSpec, v: Version) -> RowSpec {
    r.in_2019 = matches!(v, Version::V2019);
    r.in_2021 = matches!(v, Version::V2021);
    r
}

/// Table 三's data rows in template order, both versions together.
pub const REQUEST_ROWS: [RowSpec; 29] = [
    row_v("1", "一、", "本年新收政府信息公开申请数量", &["本年新收"]),
    row_v("2", "二、", "上年结转政府信息公开申请数量", &["上年结转"]),
    row("3.1", "(一)", "予以公开"),
    row_v("3.2", "(二)", "部分公开（区分处理的，只计这一情形，不计其他情形）", &["部分公开"]),
    row("3.3.1", "1.", "属于国家秘密"),
    row_v("3.3.2", "2.", "其他法律行政法规禁止公开", &["其他法律行政止公开", "其他法律法规禁止公开"]),
    row("3.3.3", "3.", "危及“三安全一稳定”"),
    row("3.3.4", "4.", "保护第三方合法权益"),
    row("3.3.5", "5.", "属于三类内部事务信息"),
    row("3.3.6", "6.", "属于四类过程性信息"),
    row("3.3.7", "7.", "属于行政执法案卷"),
    row("3.3.8", "8.", "属于行政查询事项"),
    row("3.4.1", "1.", "本机关不掌握相关政府信息"),
    row("3.4.2", "2.", "没有现成信息需要另行制作"),
    row("3.4.3", "3.", "补正后申请内容仍不明确"),
    row("3.5.1", "1.", "信访举报投诉类申请"),
    row("3.5.2", "2.", "重复申请"),
    row("3.5.3", "3.", "要求提供公开出版物"),
    row("3.5.4", "4.", "无正当理由大量反复申请"),
    row("3.5.5", "5.", "要求行政机关确认或重新出具已获取信息"),
    only(row("3.6", "(六)", "其他处理"), Version::V2019),
    only(row("3.6.1", "1.", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"), Version::V2021),
    only(row("3.6.2", "2.", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"), Version::V2021),
    only(row("3.6.3", "3.", "其他"), Version::V2021),
    row_v("3.7", "(七)", "总计", &["合计"]),
    row_v("4", "四、", "结转下年度继续办理", &["结转下年度"]),
    // Group headings: never carry values, listed so that the report can
    // render the template's shape and say where a group starts.
    RowSpec { key: "3.3", label: "不予公开", ordinal: "(三)", variants: &[], in_2019: false, in_2021: false },
    RowSpec { key: "3.4", label: "无法提供", ordinal: "(四)", variants: &[], in_2019: false, in_2021: false },
    RowSpec { key: "3.5", label: "不予处理", ordinal: "(五)", variants: &[], in_2019: false, in_2021: false },
];

/// The data rows of table 三 for one template version, in order.
pub fn request_rows(v: Version) -> impl Iterator<Item = &'static RowSpec> {
    REQUEST_ROWS.iter().filter(move |r| match v {
        Version::V2019 => r.in_2019,
        Version::V2021 => r.in_2021,
    })
}

/// Labels of the group headings, for rendering: key → (ordinal, label).
pub fn request_group_label(key: &str) -> Option<&'static str> {
    match key {
        "3" => Some("三、本年度办理结果"),
        "3.3" => Some("（三）不予公开"),
        "3.4" => Some("（四）无法提供"),
        "3.5" => Some("（五）不予处理"),
        "3.6" => Some("（六）其他处理"),
        _ => None,
    }
}

/// Words in table 三's header; text made only of these is not a row label.
pub const REQUEST_HEADER_WORDS: &[&str] = &[
    "本列数据的勾稽关系为",
    "第一项加第二项之和",
    "等于第三项加第四项之和",
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "社会组织",
    "法律服务机构",
    "其他",
    "总计",
];

/// The legal-person columns as some reports spell them.
pub const REQUEST_COLUMN_VARIANTS: &[(&str, &str)] = &[("public_interest", "社会组织")];

// ------------------------------------------------------------ table 四

pub const REVIEW_COLUMNS: [Column; 5] = [
    col("upheld", "结果维持"),
    col("corrected", "结果纠正"),
    col("other", "其他结果"),
    col("pending", "尚未审结"),
    col("total", "总计"),
];

pub const REVIEW_GROUPS: [Column; 3] = [
    col("review", "行政复议"),
    col("litigation_direct", "行政诉讼（未经复议直接起诉）"),
    col("litigation_after_review", "行政诉讼（复议后起诉）"),
];

/// Words that mark table 四's header (when locating it without a heading).
pub const REVIEW_ANCHORS: &[&str] = &["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"];

// ------------------------------------------------------------ table 二

/// A row of table 二 with the block (第二十条第（X）项) it sits in.
#[derive(Clone, Copy, Debug)]
pub struct ActiveRowSpec {
    pub key: &'static str,
    pub label: &'static str,
    /// Spellings that identify the row; the first is the 2021 one.
    pub cues: &'static [&'static str],
    pub block: Block,
    pub in_2019: bool,
    pub in_2021: bool,
}

/// The blocks of table 二, by the article item they report on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Block {
    /// 第二十条第（一）项: 规章, 规范性文件
    Documents,
    /// 第二十条第（五）项 and （六）项: 许可, 处罚, 强制
    Decisions,
    /// 第二十条第（八）项: 行政事业性收费
    Fees,
    /// 第二十条第（九）项: 政府集中采购 (2019 only)
    Procurement,
}

pub const ACTIVE_ROWS: [ActiveRowSpec; 8] = [
    ActiveRowSpec {
        key: "regulations",
        label: "规章",
        cues: &["规章"],
        block: Block::Documents,
        in_2019: true,
        in_2021: true,
    },
    ActiveRowSpec {
        key: "normative_documents",
        label: "行政规范性文件",
        cues: &["规范性文件"],
        block: Block::Documents,
        in_2019: true,
        in_2021: true,
    },
    ActiveRowSpec {
        key: "licensing",
        label: "行政许可",
        cues: &["行政许可"],
        block: Block::Decisions,
        in_2019: true,
        in_2021: true,
    },
    ActiveRowSpec {
        key: "other_services",
        label: "其他对外管理服务事项",
        cues: &["其他对外管理服务", "对外管理服务"],
        block: Block::Decisions,
        in_2019: true,
        in_2021: false,
    },
    ActiveRowSpec {
        key: "punishment",
        label: "行政处罚",
        cues: &["行政处罚"],
        block: Block::Decisions,
        in_2019: true,
        in_2021: true,
    },
    ActiveRowSpec {
        key: "enforcement",
        label: "行政强制",
        cues: &["行政强制"],
        block: Block::Decisions,
        in_2019: true,
        in_2021: true,
    },
    ActiveRowSpec {
        key: "fees",
        label: "行政事业性收费",
        cues: &["事业性收费"],
        block: Block::Fees,
        in_2019: true,
        in_2021: true,
    },
    ActiveRowSpec {
        key: "procurement",
        label: "政府集中采购",
        cues: &["集中采购"],
        block: Block::Procurement,
        in_2019: true,
        in_2021: false,
    },
];

/// The columns a block has in one template version.
pub fn active_columns(block: Block, v: Version) -> &'static [Column] {
    const DOCS_2019: [Column; 3] =
        [col("made", "本年新制作数量"), col("published", "本年新公开数量"), col("total_published", "对外公开总数量")];
    const DOCS_2021: [Column; 3] =
        [col("issued", "本年制发件数"), col("repealed", "本年废止件数"), col("in_force", "现行有效件数")];
    const DECISIONS_2019: [Column; 3] =
        [col("previous_items", "上一年项目数量"), col("change", "本年增/减"), col("decisions", "处理决定数量")];
    const DECISIONS_2021: [Column; 1] = [col("decisions", "本年处理决定数量")];
    const FEES_2019: [Column; 2] = [col("previous_items", "上一年项目数量"), col("change", "本年增/减")];
    const FEES_2021: [Column; 1] = [col("amount_yuan", "本年收费金额（元）")];
    const PROCUREMENT: [Column; 2] = [col("items", "采购项目数量"), col("amount_yuan", "采购总金额（元）")];
    match (block, v) {
        (Block::Documents, Version::V2019) => &DOCS_2019,
        (Block::Documents, Version::V2021) => &DOCS_2021,
        (Block::Decisions, Version::V2019) => &DECISIONS_2019,
        (Block::Decisions, Version::V2021) => &DECISIONS_2021,
        (Block::Fees, Version::V2019) => &FEES_2019,
        (Block::Fees, Version::V2021) => &FEES_2021,
        (Block::Procurement, _) => &PROCUREMENT,
    }
}

/// Header words that say which version a block of table 二 follows.
pub const ACTIVE_HEADER_CUES: &[(&str, Version)] = &[
    ("新制作", Version::V2019),
    ("新公开数量", Version::V2019),
    ("对外公开总数", Version::V2019),
    ("上一年项目", Version::V2019),
    ("本年增", Version::V2019),
    ("采购项目", Version::V2019),
    ("制发件数", Version::V2021),
    ("废止件数", Version::V2021),
    ("现行有效", Version::V2021),
    ("本年处理决定", Version::V2021),
    ("收费金额", Version::V2021),
];

/// Words that mark table 二 (when locating it without a heading).
pub const ACTIVE_ANCHORS: &[&str] = &["第二十条"];

/// Words that tell a column is a money amount in 万元 / 元.
pub const UNIT_WAN_YUAN: &str = "万元";
pub const UNIT_YUAN: &str = "元";

/// Cells written as one of these mean "left empty".
pub const BLANK_MARKS: &[&str] = &["/", "-", "--", "—", "——", "–", "\\", "／", "无", EMPTY_CELL];

/// How an empty cell of a real table (HTML, Word) is written in the text
/// the pipeline reads: a blank cell, not a missing one.
pub const EMPTY_CELL: &str = "(空)";

// ---------------------------------------------------------------- text

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
