//! The 2021 template (国办公开办函〔2021〕30号), required for reports on 2021
//! and later: table 二 counts documents issued, repealed and in force,
//! decisions, and fees in 万元; table 三's （六）其他处理 has three rows.

use super::keys::{active as a, requests as q};
use super::shared::*;
use super::text::{phrases, UNIT_WAN_YUAN};
use super::{
    col, ActiveSpec, BlockSpec, Column, Equation, Form, GridSpec, GroupSpec, Notice, RowKey, RowSpec, Topic, Version,
};

const OTHER_HANDLING: [RowSpec; 3] = [
    RowSpec {
        key: RowKey("3.6.1"),
        ordinal: "1.",
        label: "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        variants: &[],
    },
    RowSpec {
        key: q::UNPAID_FEE,
        ordinal: "2.",
        label: "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        variants: &[],
    },
    RowSpec { key: RowKey("3.6.3"), ordinal: "3.", label: "其他", variants: &[] },
];

const DOCUMENTS: [Column; 3] =
    [col(a::ISSUED, "本年制发件数"), col(a::REPEALED, "本年废止件数"), col(a::IN_FORCE, "现行有效件数")];
const DECISIONS: [Column; 1] = [col(a::DECISIONS, "本年处理决定数量")];

pub static V2021: Version = Version {
    name: "2021",
    from_year: 2021,
    active: ActiveSpec {
        blocks: &[
            BlockSpec { item: ITEM_1, rows: &[REGULATIONS, NORMATIVE_DOCUMENTS], columns: &DOCUMENTS },
            BlockSpec { item: ITEM_5, rows: &[LICENSING], columns: &DECISIONS },
            BlockSpec { item: ITEM_6, rows: &[PUNISHMENT, ENFORCEMENT], columns: &DECISIONS },
            BlockSpec {
                item: ITEM_8,
                rows: &[FEES],
                columns: &[money(a::AMOUNT_YUAN, "本年收费金额（元）", UNIT_WAN_YUAN)],
            },
        ],
        header_cues: &["制发件数", "废止件数", "现行有效", "本年处理决定", "收费金额"],
    },
    requests: GridSpec {
        rows: &[
            NEW,
            CARRIED_OVER,
            GRANTED,
            PARTLY_GRANTED,
            REFUSED[0],
            REFUSED[1],
            REFUSED[2],
            REFUSED[3],
            REFUSED[4],
            REFUSED[5],
            REFUSED[6],
            REFUSED[7],
            UNAVAILABLE[0],
            UNAVAILABLE[1],
            UNAVAILABLE[2],
            NOT_PROCESSED[0],
            NOT_PROCESSED[1],
            NOT_PROCESSED[2],
            NOT_PROCESSED[3],
            NOT_PROCESSED[4],
            OTHER_HANDLING[0],
            OTHER_HANDLING[1],
            OTHER_HANDLING[2],
            OUTCOME_TOTAL,
            CARRIED_FORWARD,
        ],
        groups: &[
            OUTCOMES_GROUP,
            REFUSED_GROUP,
            UNAVAILABLE_GROUP,
            NOT_PROCESSED_GROUP,
            GroupSpec { key: q::OTHER_HANDLING, title: "（六）其他处理", short: "其他处理" },
        ],
        columns: &REQUEST_COLUMNS,
        equations: &[
            REQUEST_ROW_TOTAL,
            Equation {
                code: "requests.outcome_total",
                form: Form::EachColumn {
                    left: &[q::OUTCOME_TOTAL],
                    right: &[
                        q::GRANTED,
                        q::PARTLY_GRANTED,
                        RowKey("3.3.1"),
                        RowKey("3.3.2"),
                        RowKey("3.3.3"),
                        RowKey("3.3.4"),
                        RowKey("3.3.5"),
                        RowKey("3.3.6"),
                        RowKey("3.3.7"),
                        RowKey("3.3.8"),
                        RowKey("3.4.1"),
                        RowKey("3.4.2"),
                        RowKey("3.4.3"),
                        RowKey("3.5.1"),
                        RowKey("3.5.2"),
                        RowKey("3.5.3"),
                        RowKey("3.5.4"),
                        RowKey("3.5.5"),
                        RowKey("3.6.1"),
                        q::UNPAID_FEE,
                        RowKey("3.6.3"),
                    ],
                },
            },
            REQUEST_BALANCE,
        ],
        cue_rows: &[RowKey("3.6.1"), q::UNPAID_FEE],
        header_words: REQUEST_HEADER_WORDS,
        usually_blank: &LEGAL_PERSONS,
    },
    review: REVIEW,
    asks_fee_statement: true,
    overview_topics: &[
        Topic { name: "主动公开", phrases: &phrases::TOPIC_ACTIVE },
        Topic { name: "依申请公开", phrases: &phrases::TOPIC_REQUESTS },
        Topic { name: "政府信息管理", phrases: &phrases::TOPIC_MANAGEMENT },
        Topic { name: "政府信息公开平台建设", phrases: &phrases::TOPIC_PLATFORM },
        Topic { name: "监督保障", phrases: &phrases::TOPIC_OVERSIGHT },
    ],
    notice: Notice { name: "国办公开办函〔2021〕30号", phrases: &phrases::NEW_FORMAT },
};
