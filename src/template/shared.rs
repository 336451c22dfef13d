//! What the national versions share: table 三's columns and most of its
//! rows, table 四 whole, and table 二's rows. Each version lists these
//! with its own parts; nothing here is a version by itself.

use super::keys::{active as a, requests as q, review as r};
use super::{col, ActiveRowSpec, Column, Equation, Form, GridSpec, GroupSpec, RowKey, RowSpec, ValueKind};

const fn row(key: RowKey, ordinal: &'static str, label: &'static str) -> RowSpec {
    RowSpec { key, label, ordinal, variants: &[] }
}

const fn row_v(key: RowKey, ordinal: &'static str, label: &'static str, variants: &'static [&'static str]) -> RowSpec {
    RowSpec { key, label, ordinal, variants }
}

// ------------------------------------------------------------ table 三

pub(super) const REQUEST_COLUMNS: [Column; 7] = [
    col(q::NATURAL_PERSON, "自然人"),
    col(q::COMMERCIAL, "商业企业"),
    col(q::RESEARCH, "科研机构"),
    col(q::PUBLIC_INTEREST, "社会公益组织"),
    col(q::LEGAL_SERVICE, "法律服务机构"),
    col(q::OTHER, "其他"),
    col(q::TOTAL, "总计"),
];

/// The five 法人或其他组织 columns: often left empty.
pub(super) const LEGAL_PERSONS: [super::ColKey; 5] =
    [q::COMMERCIAL, q::RESEARCH, q::PUBLIC_INTEREST, q::LEGAL_SERVICE, q::OTHER];

/// Each row's 总计 is the sum of the six applicant columns.
pub(super) const REQUEST_ROW_TOTAL: Equation = Equation {
    code: "requests.row_total",
    form: Form::EachRow {
        total: q::TOTAL,
        parts: &[q::NATURAL_PERSON, q::COMMERCIAL, q::RESEARCH, q::PUBLIC_INTEREST, q::LEGAL_SERVICE, q::OTHER],
    },
};

/// 一 + 二 = （七）总计 + 四, in every column (the template prints it).
pub(super) const REQUEST_BALANCE: Equation = Equation {
    code: "requests.balance",
    form: Form::EachColumn { left: &[q::NEW, q::CARRIED_OVER], right: &[q::OUTCOME_TOTAL, q::CARRIED_FORWARD] },
};

pub(super) const NEW: RowSpec = row_v(q::NEW, "一、", "本年新收政府信息公开申请数量", &["本年新收"]);
pub(super) const CARRIED_OVER: RowSpec = row_v(q::CARRIED_OVER, "二、", "上年结转政府信息公开申请数量", &["上年结转"]);
pub(super) const GRANTED: RowSpec = row(q::GRANTED, "(一)", "予以公开");
pub(super) const PARTLY_GRANTED: RowSpec =
    row_v(q::PARTLY_GRANTED, "(二)", "部分公开（区分处理的，只计这一情形，不计其他情形）", &["部分公开"]);
pub(super) const REFUSED: [RowSpec; 8] = [
    row(RowKey("3.3.1"), "1.", "属于国家秘密"),
    row_v(RowKey("3.3.2"), "2.", "其他法律行政法规禁止公开", &["其他法律行政止公开", "其他法律法规禁止公开"]),
    row(RowKey("3.3.3"), "3.", "危及“三安全一稳定”"),
    row(RowKey("3.3.4"), "4.", "保护第三方合法权益"),
    row(RowKey("3.3.5"), "5.", "属于三类内部事务信息"),
    row(RowKey("3.3.6"), "6.", "属于四类过程性信息"),
    row(RowKey("3.3.7"), "7.", "属于行政执法案卷"),
    row(RowKey("3.3.8"), "8.", "属于行政查询事项"),
];
pub(super) const UNAVAILABLE: [RowSpec; 3] = [
    row(RowKey("3.4.1"), "1.", "本机关不掌握相关政府信息"),
    row(RowKey("3.4.2"), "2.", "没有现成信息需要另行制作"),
    row(RowKey("3.4.3"), "3.", "补正后申请内容仍不明确"),
];
pub(super) const NOT_PROCESSED: [RowSpec; 5] = [
    row(RowKey("3.5.1"), "1.", "信访举报投诉类申请"),
    row(RowKey("3.5.2"), "2.", "重复申请"),
    row(RowKey("3.5.3"), "3.", "要求提供公开出版物"),
    row(RowKey("3.5.4"), "4.", "无正当理由大量反复申请"),
    row(RowKey("3.5.5"), "5.", "要求行政机关确认或重新出具已获取信息"),
];
pub(super) const OUTCOME_TOTAL: RowSpec = row_v(q::OUTCOME_TOTAL, "(七)", "总计", &["合计"]);
pub(super) const CARRIED_FORWARD: RowSpec = row_v(q::CARRIED_FORWARD, "四、", "结转下年度继续办理", &["结转下年度"]);

pub(super) const OUTCOMES_GROUP: GroupSpec =
    GroupSpec { key: q::OUTCOMES, title: "三、本年度办理结果", short: "本年度办理结果" };
pub(super) const REFUSED_GROUP: GroupSpec =
    GroupSpec { key: q::REFUSED, title: "（三）不予公开", short: "不予公开" };
pub(super) const UNAVAILABLE_GROUP: GroupSpec =
    GroupSpec { key: q::UNAVAILABLE, title: "（四）无法提供", short: "无法提供" };
pub(super) const NOT_PROCESSED_GROUP: GroupSpec =
    GroupSpec { key: q::NOT_PROCESSED, title: "（五）不予处理", short: "不予处理" };

/// Words in table 三's header; text made only of these is not a row label.
pub(super) const REQUEST_HEADER_WORDS: &[&str] = &[
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

// ------------------------------------------------------------ table 四

pub(super) const REVIEW_COLUMNS: [Column; 5] = [
    col(r::UPHELD, "结果维持"),
    col(r::CORRECTED, "结果纠正"),
    col(r::OTHER, "其他结果"),
    col(r::PENDING, "尚未审结"),
    col(r::TOTAL, "总计"),
];

/// Table 四, the same in both national versions: three groups of five.
pub(super) const REVIEW: GridSpec = GridSpec {
    rows: &[
        row_v(r::REVIEW, "", "行政复议", &["行政复议"]),
        row_v(r::LITIGATION_DIRECT, "", "行政诉讼（未经复议直接起诉）", &["直接起诉"]),
        row_v(r::LITIGATION_AFTER_REVIEW, "", "行政诉讼（复议后起诉）", &["复议后起诉"]),
    ],
    groups: &[],
    columns: &REVIEW_COLUMNS,
    equations: &[Equation {
        code: "review.total",
        form: Form::EachRow { total: r::TOTAL, parts: &[r::UPHELD, r::CORRECTED, r::OTHER, r::PENDING] },
    }],
    cue_rows: &[],
    header_words: &["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"],
    usually_blank: &[],
};

// ------------------------------------------------------------ table 二

pub(super) const REGULATIONS: ActiveRowSpec = ActiveRowSpec { key: a::REGULATIONS, label: "规章", cues: &["规章"] };
pub(super) const NORMATIVE_DOCUMENTS: ActiveRowSpec =
    ActiveRowSpec { key: a::NORMATIVE_DOCUMENTS, label: "行政规范性文件", cues: &["规范性文件"] };
pub(super) const LICENSING: ActiveRowSpec =
    ActiveRowSpec { key: a::LICENSING, label: "行政许可", cues: &["行政许可"] };
pub(super) const PUNISHMENT: ActiveRowSpec =
    ActiveRowSpec { key: a::PUNISHMENT, label: "行政处罚", cues: &["行政处罚"] };
pub(super) const ENFORCEMENT: ActiveRowSpec =
    ActiveRowSpec { key: a::ENFORCEMENT, label: "行政强制", cues: &["行政强制"] };
pub(super) const FEES: ActiveRowSpec =
    ActiveRowSpec { key: a::FEES, label: "行政事业性收费", cues: &["事业性收费"] };

/// The 第二十条 items table 二 reports on.
pub(super) const ITEM_1: &str = "第二十条第（一）项";
pub(super) const ITEM_5: &str = "第二十条第（五）项";
pub(super) const ITEM_6: &str = "第二十条第（六）项";
pub(super) const ITEM_8: &str = "第二十条第（八）项";

pub(super) const fn money(key: super::ColKey, label: &'static str, default_unit: &'static str) -> Column {
    Column { key, label, kind: ValueKind::Money { default_unit } }
}
