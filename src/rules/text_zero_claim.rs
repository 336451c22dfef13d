//! `text.zero_claim`: the prose claims something with no figure in it
//! (均获维持, 全部予以公开, 均已办结, 未收取行政事业性收费) that the tables
//! contradict.

use super::{Document, Rule, RuleDoc, RuleGroup};
use crate::read::prose::{sentence, Place};
use crate::rules::diagnostic::{Diagnostic, Related, Severity};
use crate::tables::model::Value;
use crate::template::keys::{active as a, requests as q, review as r};
use crate::template::{phrases, ColKey, RowKey, TableId};
use crate::util::find::contains;

pub const RULE: Rule = Rule {
    code: "text.zero_claim",
    severity: Severity::Error,
    group: RuleGroup::National,
    title: "正文的概括性说法与表格数字矛盾",
    doc: RuleDoc {
        what: "正文不写数字、只作概括的说法，应与表格一致：写“均获维持”“零败诉”时，表四相应的“结果纠正”应为0（写“均获维持”时“尚未审结”也应为0，除非写明是已审结的案件）；写依申请公开“全部予以公开”时，表三除“（一）予以公开”以外的办理结果和“结转下年度继续办理”应为0；写申请“均已办结”时，“结转下年度继续办理”应为0；写“未收取行政事业性收费”时，表二的收费金额应为0。（“未收到……申请”“未发生……行政复议”与表格的对照见 text.table_mismatch。）",
        why: "概括性说法与表格矛盾，说明其中一处不实；审核和第三方评估都以“数据准确”为首要要求，这类矛盾会被认定为数据失准。",
        example: "正文写“信息公开类行政复议7件，诉讼9件，均获维持”，表四行政复议“尚未审结”为2。",
        basis: "各级政务公开办关于年报编制“数据准确、前后一致”的通知要求；《中华人民共和国政府信息公开条例》第五十条。",
    },
    check,
};

/// Cells of the tables that contradict a claim: (table, row, column, value).
type Against = Vec<(TableId, RowKey, ColKey, i64)>;

/// The claims, each with the phrases that make it.
#[derive(Clone, Copy)]
enum Claim {
    /// 均获维持: no case 纠正, none pending (unless of decided cases).
    Upheld,
    /// 零败诉: no case 纠正.
    NoLoss,
    /// 全部予以公开: no other outcome, none carried forward.
    Granted,
    /// 均已办结: none carried forward.
    Done,
    /// 未收取行政事业性收费: 表二's fees 0.
    NoAdminFees,
}

const CLAIMS: [(Claim, &crate::template::ProsePhrases); 5] = [
    (Claim::Upheld, &phrases::ALL_UPHELD),
    (Claim::NoLoss, &phrases::NO_LOSS),
    (Claim::Granted, &phrases::ALL_GRANTED),
    (Claim::Done, &phrases::ALL_DONE),
    (Claim::NoAdminFees, &phrases::NO_ADMIN_FEES),
];

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    let prose = doc.prose();
    // Kept in text order (placed, not sorted: the library's sort costs the
    // wasm some 3 KB), with a claim's own message where it is not the cells.
    let mut claims: Vec<(Place, Against, Option<String>)> = Vec::new();
    for (claim, list) in CLAIMS {
        for place in prose.places(list) {
            let (before, from) = prose.split_at(&place);
            let (said_before, said) = sentence(before, from);
            let qualified = |words: &[&str]| words.iter().any(|w| contains(said_before, w));
            let about_requests = contains(said_before, phrases::REQUEST_WORD) || contains(said, phrases::REQUEST_WORD);
            let mut message = None;
            let against = match claim {
                Claim::Upheld => {
                    let columns: &[ColKey] = if qualified(phrases::DECIDED_QUALIFIERS) {
                        &[r::CORRECTED]
                    } else {
                        &[r::CORRECTED, r::PENDING]
                    };
                    review_cells(doc, &groups_named(said_before, said, true), columns)
                }
                Claim::NoLoss => review_cells(doc, &groups_named(said_before, said, false), &[r::CORRECTED]),
                Claim::Granted if about_requests && !qualified(phrases::GRANTED_QUALIFIERS) => {
                    // Every outcome but 予以公开, and what is carried forward.
                    let mut rows = Vec::new();
                    for r in doc.grid(TableId::Requests).map_or(&[][..], |g| g.rows) {
                        if r.key.is_under(q::OUTCOMES.0) && r.key != q::GRANTED && r.key != q::OUTCOME_TOTAL {
                            rows.push(r.key);
                        }
                    }
                    rows.push(q::CARRIED_FORWARD);
                    request_cells(doc, &rows)
                }
                Claim::Done if about_requests && !qualified(phrases::DONE_QUALIFIERS) => {
                    request_cells(doc, &[q::CARRIED_FORWARD])
                }
                Claim::NoAdminFees => {
                    let fees = doc.tables.active.row(a::FEES).and_then(|r| r.value(a::AMOUNT_YUAN));
                    match fees.filter(|v| *v != Value::Int(0)) {
                        Some(v) => {
                            message = Some(format!("正文写“{}”，但表二行政事业性收费的收费金额为{v}元", place.phrase));
                            vec![(TableId::Active, a::FEES, a::AMOUNT_YUAN, 0)]
                        }
                        None => Vec::new(),
                    }
                }
                Claim::Granted | Claim::Done => Vec::new(),
            };
            if !against.is_empty() {
                let at = claims.partition_point(|c| c.0.at <= place.at);
                claims.insert(at, (place, against, message));
            }
        }
    }
    for (place, against, message) in claims {
        let message = message.unwrap_or_else(|| {
            let mut m = format!("正文写“{}”，但{}中", place.phrase, against[0].0.short_name());
            for (i, &(t, row, col, v)) in against.iter().enumerate() {
                if i > 0 {
                    m.push('、');
                }
                m.push_str(&format!("{}{v}件", cell_name(doc, t, row, col)));
            }
            m
        });
        out.push(diagnostic(doc, &place, message, &against));
    }
}

fn diagnostic(doc: &Document, place: &Place, message: String, against: &Against) -> Diagnostic {
    let (table, row, column, _) = against[0];
    let mut related = Vec::with_capacity(against.len());
    for &(t, row, col, _) in against {
        let r = doc.table(t).row(row);
        related.push(Related {
            label: cell_name(doc, t, row, col),
            line: r.and_then(|r| r.cell(col)).and_then(|c| c.line).or(r.and_then(|r| r.line)),
            span: r.and_then(|r| r.cell(col)).and_then(|c| c.span),
            row: Some(row),
            column: Some(col),
        });
    }
    RULE.diag(message)
        .line(Some(doc.norm.line_at(place.at)))
        .span(doc.clause_span(place.at))
        .at(table, Some(row), Some(column))
        .related(related)
}

/// `行政复议结果纠正`, `不予公开第4项`: how a message names a cell.
fn cell_name(doc: &Document, table: TableId, row: RowKey, column: ColKey) -> String {
    match (table, doc.table(table).row(row)) {
        (TableId::Review, Some(r)) => format!("{}{}", r.label, super::column_label(r, column)),
        _ => doc.grid(table).map_or_else(|| row.to_string(), |g| g.short_name(row)),
    }
}

/// The groups of 表四 a sentence speaks of: reviews (复议), suits (诉讼),
/// or, naming neither, all (suits only, for a claim about suits).
fn groups_named(before: &str, from: &str, all_by_default: bool) -> Vec<RowKey> {
    let names = |w: &str| contains(before, w) || contains(from, w);
    let (review, suits) = (names(phrases::REVIEW_WORD), names(phrases::LITIGATION));
    let mut out = Vec::new();
    if review || (!suits && all_by_default) {
        out.push(r::REVIEW);
    }
    if suits || !review {
        out.extend([r::LITIGATION_DIRECT, r::LITIGATION_AFTER_REVIEW]);
    }
    out
}

fn review_cells(doc: &Document, groups: &[RowKey], columns: &[ColKey]) -> Against {
    let mut out = Vec::new();
    for &g in groups {
        for &c in columns {
            if let Some(v) = doc.tables.review.int(g, c).filter(|&v| v > 0) {
                out.push((TableId::Review, g, c, v));
            }
        }
    }
    out
}

fn request_cells(doc: &Document, rows: &[RowKey]) -> Against {
    let mut out = Vec::new();
    for &k in rows {
        if let Some(v) = doc.tables.requests.int(k, q::TOTAL).filter(|&v| v > 0) {
            out.push((TableId::Requests, k, q::TOTAL, v));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::template::keys::{active as a, requests as q};
    use crate::template::{v2019::V2019, v2021::V2021, TableId, Version};
    use crate::testing::*;

    /// 5 requests: 3 granted, 1 refused (3.3.4), 1 carried forward; 表四:
    /// reviews 5 upheld and 2 pending, direct suits 1 corrected.
    fn report(v: &'static Version, text: &str) -> crate::Report {
        let t = TableId::Requests;
        Sample::new(v)
            .row(t, q::NEW, &[5, 0, 0, 0, 0, 0, 5])
            .row(t, q::GRANTED, &[3, 0, 0, 0, 0, 0, 3])
            .row(t, crate::template::RowKey("3.3.4"), &[1, 0, 0, 0, 0, 0, 1])
            .row(t, q::OUTCOME_TOTAL, &[4, 0, 0, 0, 0, 0, 4])
            .row(t, q::CARRIED_FORWARD, &[1, 0, 0, 0, 0, 0, 1])
            .review([5, 0, 0, 2, 7, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0])
            .prose(1, text)
            .check()
    }

    /// Claims as real reports make them, and how many errors each must give
    /// against that table.
    const WORDINGS: &[(&str, usize)] = &[
        ("信息公开类行政复议7件，诉讼1件，均获维持。", 1),
        ("行政复议案件均获维持。", 1),
        ("已审结的行政复议案件均获维持。", 0),
        ("继续保持了零败诉的记录。", 1),
        ("行政复议零败诉。", 0),
        ("对申请人申请公开的信息，全部予以公开。", 1),
        ("对符合条件的申请，均予以公开。", 0),
        ("主动公开的信息均已公开到位。", 0),
        ("受理的申请均已办结。", 1),
        ("上年结转的申请均已办结。", 0),
        ("人大建议和政协提案均已办结。", 0),
        ("本年度各项工作有序开展。", 0),
    ];

    #[test]
    fn wordings_of_real_reports() {
        for v in [&V2019, &V2021] {
            for &(text, errors) in WORDINGS {
                let r = report(v, text);
                assert_eq!(with_code(&r, "text.zero_claim").len(), errors, "{text}: {:?}", r.diagnostics);
            }
        }
        let r = report(&V2021, WORDINGS[0].0);
        assert_eq!(
            with_code(&r, "text.zero_claim")[0].message,
            "正文写“均获维持”，但表四中行政复议尚未审结2件、行政诉讼（未经复议直接起诉）结果纠正1件"
        );
    }

    #[test]
    fn the_same_claims_with_tables_that_agree() {
        for v in [&V2019, &V2021] {
            for &(text, _) in WORDINGS {
                let r = Sample::new(v).prose(1, text).check();
                assert!(!codes(&r).contains(&"text.zero_claim"), "{text}: {:?}", r.diagnostics);
            }
        }
    }

    #[test]
    fn no_fees_but_table_two_has_some() {
        let r = Sample::new(&V2021)
            .cell(TableId::Active, a::FEES, a::AMOUNT_YUAN, "1.5")
            .prose(1, "本机关未收取行政事业性收费。")
            .check();
        let d = with_code(&r, "text.zero_claim");
        assert_eq!(d.len(), 1, "{:?}", r.diagnostics);
        assert_eq!(d[0].message, "正文写“未收取行政事业性收费”，但表二行政事业性收费的收费金额为15000元");
        let r = Sample::new(&V2021).prose(1, "本机关未收取行政事业性收费。").check();
        assert!(!codes(&r).contains(&"text.zero_claim"));
    }
}
