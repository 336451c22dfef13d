use super::*;
use crate::template::keys::{requests as q, review as r};
use crate::template::{v2019::V2019, v2021::V2021};
use crate::testing::*;

const T: TableId = TableId::Requests;

/// A balanced 表三: 一 7+1=8, 二 1, （一）4+1, （二）2, （七）6+1, 四 2.
fn balanced(v: &'static crate::template::Version) -> Sample {
    Sample::new(v)
        .row(T, q::NEW, &[7, 1, 0, 0, 0, 0, 8])
        .row(T, q::CARRIED_OVER, &[1, 0, 0, 0, 0, 0, 1])
        .row(T, q::GRANTED, &[4, 1, 0, 0, 0, 0, 5])
        .row(T, q::PARTLY_GRANTED, &[2, 0, 0, 0, 0, 0, 2])
        .row(T, q::OUTCOME_TOTAL, &[6, 1, 0, 0, 0, 0, 7])
        .row(T, q::CARRIED_FORWARD, &[2, 0, 0, 0, 0, 0, 2])
}

fn arithmetic(report: &Report) -> Vec<&Diagnostic> {
    report.diagnostics.iter().filter(|d| d.correction.is_some()).collect()
}

/// (row, column, from, to) of a change.
fn at(s: &Suggestion) -> (&str, &str, i64, i64) {
    (s.row.as_str(), s.column.map_or("", |c| c.as_str()), s.from.unwrap(), s.to.unwrap())
}

use crate::Report;

#[test]
fn a_clean_report_has_no_suggestions() {
    for v in [&V2019, &V2021] {
        let r = balanced(v).check();
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    }
}

#[test]
fn one_wrong_cell_is_where_its_row_and_column_cross() {
    for v in [&V2019, &V2021] {
        let r = balanced(v).row(T, q::GRANTED, &[6, 1, 0, 0, 0, 0, 5]).check();
        let d = arithmetic(&r);
        assert_eq!(codes(&r), ["requests.row_total", "requests.outcome_total"], "{:?}", r.diagnostics);
        for d in &d {
            let s = d.suggestions.as_ref().unwrap();
            assert_eq!(at(&s[0]), ("3.1", "natural_person", 6, 4));
            assert!(s[0].complete);
            assert_eq!(s[0].repairs, ["requests.row_total", "requests.outcome_total"]);
            let c = d.correction.as_ref().unwrap();
            assert!(c.located);
            assert_eq!(c.changes, [s[0].clone()]);
            // The span is the cell's number in the input.
            let span = s[0].span.unwrap();
            assert_eq!(&balanced(v).row(T, q::GRANTED, &[6, 1, 0, 0, 0, 0, 5]).text()[span.start..span.end], "6");
        }
        assert_eq!(
            advice(&r, d[0]).unwrap(),
            "建议：把「（一）予以公开」自然人列的 6 改为 4，第1列和该行的等式都将成立"
        );
    }
}

#[test]
fn a_wrong_outcome_total_mends_three_sums() {
    let r = balanced(&V2021).row(T, q::OUTCOME_TOTAL, &[6, 3, 0, 0, 0, 0, 7]).check();
    assert_eq!(codes(&r), ["requests.row_total", "requests.outcome_total", "requests.balance"]);
    for d in arithmetic(&r) {
        let s = &d.suggestions.as_ref().unwrap()[0];
        assert_eq!(at(s), ("3.7", "commercial", 3, 1));
        assert_eq!(s.repairs.len(), 3);
    }
}

#[test]
fn a_total_comes_before_the_parts_when_the_cell_cannot_be_told() {
    // 表四: a group's 总计 and its four parts sit in one sum only.
    for v in [&V2019, &V2021] {
        let r = Sample::new(v).review([5, 1, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).check();
        let d = with_code(&r, "review.total");
        assert_eq!(d.len(), 1);
        let s = d[0].suggestions.as_ref().unwrap();
        let shown: Vec<_> = s.iter().map(at).collect();
        // 总计 3 → 6 first; then 结果维持 5 → 2; 结果纠正 would go below zero.
        assert_eq!(shown, [("review", "total", 3, 6), ("review", "upheld", 5, 2)]);
        assert!(s.iter().all(|s| s.complete));
        assert!(!d[0].correction.as_ref().unwrap().located);
        let said = advice(&r, d[0]).unwrap();
        assert!(said.starts_with("仅凭勾稽关系无法确定是哪一格有误。可能的改法之一：把「行政复议」总计列的 3 改为 6，该组的等式将成立，另有1种改法"), "{said}");
    }
}

#[test]
fn two_wrong_cells_far_apart_are_mended_each_alone() {
    let r = balanced(&V2021)
        .row(T, q::GRANTED, &[6, 1, 0, 0, 0, 0, 5])
        .row(T, q::CARRIED_FORWARD, &[2, 3, 0, 0, 0, 0, 2])
        .check();
    assert_eq!(arithmetic(&r).len(), 4, "{:?}", r.diagnostics);
    // （一）'s row and 第1列 cross at （一）自然人; 四's row and 第2列's balance at 四 商业企业.
    for (d, want) in arithmetic(&r).into_iter().zip([
        ("3.1", "natural_person", 6, 4),
        ("4", "commercial", 3, 0),
        ("3.1", "natural_person", 6, 4),
        ("4", "commercial", 3, 0),
    ]) {
        let c = d.correction.as_ref().unwrap();
        assert!(c.located && c.sums == 2, "{d:?}");
        assert_eq!(c.changes.iter().map(at).collect::<Vec<_>>(), [want], "{}", d.message);
        assert!(d.suggestions.as_ref().unwrap()[0].complete);
    }
}

#[test]
fn two_wrong_cells_whose_sums_cross_are_one_set_when_only_one_set_fits() {
    // （一）自然人 4 → 6 and （二）商业企业 0 → 3: （一）'s row meets 第2列 at
    // （一）商业企业, so the four broken sums are one group no one change mends.
    let r = balanced(&V2021)
        .row(T, q::GRANTED, &[6, 1, 0, 0, 0, 0, 5])
        .row(T, q::PARTLY_GRANTED, &[2, 3, 0, 0, 0, 0, 2])
        .check();
    let d = arithmetic(&r);
    assert_eq!(d.len(), 4, "{:?}", r.diagnostics);
    let c = d[0].correction.as_ref().unwrap();
    assert!(c.located);
    let set: Vec<_> = c.changes.iter().map(at).collect();
    assert_eq!(set, [("3.1", "natural_person", 6, 4), ("3.2", "commercial", 3, 0)]);
    assert!(d.iter().all(|d| d.correction.as_ref() == Some(c)));
    // Each sum still lists the change that mends it and its crossing sum, not complete.
    let s = &with_code(&r, "requests.row_total")[0].suggestions.as_ref().unwrap()[0];
    assert_eq!((at(s), s.complete), (("3.1", "natural_person", 6, 4), false));
    assert_eq!(
        advice(&r, d[0]).unwrap(),
        "建议：同时改2格：把「（一）予以公开」自然人列的 6 改为 4，\
         把「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」商业企业列的 3 改为 0，这4处不成立的等式都将成立（只改一格做不到）"
    );
}

#[test]
fn two_wrong_cells_that_more_than_one_set_explains_are_not_located() {
    // （一）5 and 0 instead of 4 and 1: its row still adds up, and moving one
    // from 自然人 to 商业企业 in （二）would mend the columns just as well.
    let r = balanced(&V2021).row(T, q::GRANTED, &[5, 0, 0, 0, 0, 0, 5]).check();
    let d = arithmetic(&r);
    assert_eq!(codes(&r), ["requests.outcome_total", "requests.outcome_total"]);
    for d in &d {
        let c = d.correction.as_ref().unwrap();
        assert!(!c.located && c.changes.is_empty());
        assert_eq!(d.suggestions.as_deref(), Some(&[][..]));
    }
    assert!(advice(&r, d[0]).unwrap().starts_with("仅凭勾稽关系无法确定应改哪几格"));
}

#[test]
fn a_change_never_makes_a_count_negative_and_only_given_whole_numbers_change() {
    // 一's 商业企业 written as "/": the sums through it are not checked, and it is never changed.
    let r = balanced(&V2021).cell(T, q::NEW, q::COMMERCIAL, "/").row(T, q::GRANTED, &[6, 1, 0, 0, 0, 0, 5]).check();
    for d in arithmetic(&r) {
        for s in d.suggestions.as_ref().unwrap() {
            assert!(s.to.unwrap() >= 0);
            assert!(!(s.row == q::NEW && s.column == Some(q::COMMERCIAL)));
        }
    }
}

#[test]
fn a_row_one_number_short_gets_the_placements_its_sums_allow() {
    // （二）部分公开 written 2 0 0 0 0 2 (its 0s one short): wherever the gap is
    // among the parts, the row and the columns read 2 0 0 0 0 0 2.
    let text = balanced(&V2021).text().replace("不计其他情形）\t2\t0", "不计其他情形）\t2");
    let r = crate::check(&text, None);
    let d = with_code(&r, "table.value_count");
    assert_eq!(d.len(), 1, "{:?}", r.diagnostics);
    let s = d[0].suggestions.as_ref().unwrap();
    assert!(!s.is_empty());
    assert!(s.iter().all(|s| s.kind == Kind::Missing && s.values.as_deref() == Some(&[2, 0, 0, 0, 0, 0, 2][..])));
    let columns: Vec<_> = s.iter().map(|s| s.column.unwrap().as_str()).collect();
    assert_eq!(columns, ["commercial", "research", "public_interest", "legal_service", "other"]);
    assert!(r.requests_row(q::PARTLY_GRANTED).is_none(), "never filled in");
    assert_eq!(
        advice(&r, d[0]).unwrap(),
        "建议：按该行和各列的等式，缺的是商业企业列、科研机构列、社会公益组织列、法律服务机构列、其他列之一的0，\
         补上后为 2 0 0 0 0 0 2；请对照原表核实后补正"
    );
}

#[test]
fn the_columns_pick_the_place_of_a_missing_number() {
    // （一）written 4 5 (its 1 left out): the row alone allows 自然人 = 0 or
    // 商业企业 = 1, … ; the columns' （七）总计 take only 商业企业 = 1.
    let text = balanced(&V2021).text().replace("（一）予以公开\t4\t1", "（一）予以公开\t4");
    let r = crate::check(&text, None);
    let s = with_code(&r, "table.value_count")[0].suggestions.clone().unwrap();
    let shown: Vec<_> = s.iter().map(|s| (s.column.unwrap().as_str(), s.to.unwrap())).collect();
    assert_eq!(shown, [("commercial", 1)]);
}

#[test]
fn an_extra_number_is_found_by_leaving_each_out() {
    let text = Sample::new(&V2021)
        .review([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        .text()
        .replace("1\t0\t0\t0\t1", "1\t0\t0\t7\t0\t1");
    let r = crate::check(&text, None);
    let d = with_code(&r, "table.value_count");
    assert_eq!(d.len(), 1, "{:?}", r.diagnostics);
    let s = d[0].suggestions.as_ref().unwrap();
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!((s[0].kind, s[0].from, s[0].index), (Kind::Extra, Some(7), Some(3)));
    assert_eq!(
        advice(&r, d[0]).unwrap(),
        "建议：按该行和各列的等式，多出的是第4个数字 7，删去后为 1 0 0 0 1 0 0 0 0 0 0 0 0 0 0；请对照原表核实后补正"
    );
    let _ = r::REVIEW;
}

#[test]
fn applying_a_change_edits_the_number_in_the_text_and_mends_the_sums() {
    let text =
        balanced(&V2021).row(T, q::GRANTED, &[6, 1, 0, 0, 0, 0, 5]).text().replace("予以公开\t6", "予以公开\t６");
    let r = crate::check(&text, None);
    let c = r.diagnostics[0].correction.clone().unwrap();
    let fixed = apply(&text, &c.changes).unwrap();
    assert_eq!(fixed, text.replace("予以公开\t６", "予以公开\t4"));
    assert!(crate::check(&fixed, None).diagnostics.is_empty());
    // The text changed since the check: the span no longer holds 6.
    assert_eq!(apply(&text.replace("予以公开\t６", "予以公开\t7"), &c.changes), None);
}

#[test]
fn applying_a_set_edits_every_number_of_it() {
    let text = balanced(&V2021)
        .row(T, q::GRANTED, &[6, 1, 0, 0, 0, 0, 5])
        .row(T, q::PARTLY_GRANTED, &[2, 3, 0, 0, 0, 0, 2])
        .text();
    let r = crate::check(&text, None);
    let c = r.diagnostics[0].correction.clone().unwrap();
    assert_eq!(c.changes.len(), 2);
    let fixed = apply(&text, &c.changes).unwrap();
    assert_eq!(fixed, balanced(&V2021).text());
}
