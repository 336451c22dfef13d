//! The 2019 template (国办公开办函〔2019〕60号), for reports on 2019 and
//! 2020: table 二 counts documents made, published and in total, items and
//! their change, and 政府集中采购; table 三's （六）其他处理 is one row.

use super::keys::{active as a, requests as q};
use super::shared::*;
use super::text::{phrases, UNIT_YUAN};
use super::{col, ActiveRowSpec, ActiveSpec, BlockSpec, Column, Equation, Form, GridSpec, RowKey, RowSpec, ValueKind};
use super::{Notice, Version};

const DOCUMENTS: [Column; 3] =
    [col(a::MADE, "本年新制作数量"), col(a::PUBLISHED, "本年新公开数量"), col(a::TOTAL_PUBLISHED, "对外公开总数量")];
const ITEMS: [Column; 3] = [
    col(a::PREVIOUS_ITEMS, "上一年项目数量"),
    Column { key: a::CHANGE, label: "本年增/减", kind: ValueKind::Change },
    col(a::DECISIONS, "处理决定数量"),
];
const FEE_ITEMS: [Column; 2] =
    [col(a::PREVIOUS_ITEMS, "上一年项目数量"), Column { key: a::CHANGE, label: "本年增/减", kind: ValueKind::Change }];

const OTHER_SERVICES: ActiveRowSpec = ActiveRowSpec {
    key: a::OTHER_SERVICES,
    label: "其他对外管理服务事项",
    cues: &["其他对外管理服务", "对外管理服务"],
};
const PROCUREMENT: ActiveRowSpec =
    ActiveRowSpec { key: a::PROCUREMENT, label: "政府集中采购", cues: &["集中采购"] };

pub static V2019: Version = Version {
    name: "2019",
    from_year: 2019,
    active: ActiveSpec {
        blocks: &[
            BlockSpec { item: ITEM_1, rows: &[REGULATIONS, NORMATIVE_DOCUMENTS], columns: &DOCUMENTS },
            BlockSpec { item: ITEM_5, rows: &[LICENSING, OTHER_SERVICES], columns: &ITEMS },
            BlockSpec { item: ITEM_6, rows: &[PUNISHMENT, ENFORCEMENT], columns: &ITEMS },
            BlockSpec { item: ITEM_8, rows: &[FEES], columns: &FEE_ITEMS },
            BlockSpec {
                item: "第二十条第（九）项",
                rows: &[PROCUREMENT],
                columns: &[col(a::ITEMS, "采购项目数量"), money(a::AMOUNT_YUAN, "采购总金额（元）", UNIT_YUAN)],
            },
        ],
        // (`增/减` and `上一年` alone: a PDF's laid-out header breaks the words.)
        header_cues: &["新制作", "新公开数量", "对外公开总数", "上一年项目", "本年增", "采购项目", "增/减", "上一年"],
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
            RowSpec { key: q::OTHER_HANDLING, ordinal: "(六)", label: "其他处理", variants: &[] },
            OUTCOME_TOTAL,
            CARRIED_FORWARD,
        ],
        groups: &[OUTCOMES_GROUP, REFUSED_GROUP, UNAVAILABLE_GROUP, NOT_PROCESSED_GROUP],
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
                        q::OTHER_HANDLING,
                    ],
                },
            },
            REQUEST_BALANCE,
        ],
        cue_rows: &[],
        header_words: REQUEST_HEADER_WORDS,
        usually_blank: &LEGAL_PERSONS,
    },
    review: REVIEW,
    asks_fee_statement: false,
    overview_topics: &[],
    notice: Notice { name: "国办公开办函〔2019〕60号", phrases: &phrases::OLD_FORMAT },
};
