//! Never panic, never depend on line endings or character widths, and say
//! what is wrong when a clean report is broken on purpose.

use proptest::prelude::*;
use std::path::Path;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)).unwrap()
}

const SEEDS: [&str; 5] = [
    "000_a4b9aaf003e43d05.txt",
    "001_76d90fd474e57dbd.txt",
    "002_9ca5b3fc5e07fc94.txt",
    "003_de92c8953c303105.txt",
    "004_e8c91993164e9814.txt",
];

/// What a user sees of a report, minus byte offsets (which legitimately
/// move when the text's bytes change).
fn visible(r: &nianbao::Report) -> String {
    let mut json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    for d in json["diagnostics"].as_array_mut().unwrap() {
        d.as_object_mut().unwrap().remove("span");
        if let Some(rel) = d.get_mut("related").and_then(|r| r.as_array_mut()) {
            rel.iter_mut().for_each(|x| {
                x.as_object_mut().unwrap().remove("span");
            });
        }
    }
    for c in json["cells"].as_array_mut().unwrap() {
        let o = c.as_object_mut().unwrap();
        o.remove("start");
        o.remove("end");
    }
    json.to_string()
}

#[test]
fn crlf_and_lone_cr_line_endings_give_the_same_report() {
    for seed in SEEDS {
        let text = fixture(seed);
        let base = visible(&nianbao::check(&text, None));
        assert_eq!(visible(&nianbao::check(&text.replace('\n', "\r\n"), None)), base, "{seed} with \\r\\n");
        assert_eq!(visible(&nianbao::check(&text.replace('\n', "\r"), None)), base, "{seed} with \\r");
    }
}

fn to_full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' | '(' | ')' | ':' | ',' | ';' | '/' => char::from_u32(c as u32 + 0xfee0).unwrap(),
            ' ' => '\u{3000}',
            c => c,
        })
        .collect()
}

fn to_half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap(),
            '\u{3000}' => ' ',
            c => c,
        })
        .collect()
}

#[test]
fn full_width_and_half_width_forms_give_the_same_report() {
    for seed in SEEDS {
        let text = fixture(seed);
        let half = visible(&nianbao::check(&to_half_width(&text), None));
        let full = visible(&nianbao::check(&to_full_width(&to_half_width(&text)), None));
        // Messages quote cells as written; compare the tables and codes.
        let strip = |s: &str| {
            let v: serde_json::Value = serde_json::from_str(s).unwrap();
            let codes: Vec<_> = v["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| (d["code"].clone(), d["line"].clone(), d["row"].clone()))
                .collect();
            (
                v["active"].clone(),
                v["requests"].clone(),
                v["review"].clone(),
                v["template"].clone(),
                format!("{codes:?}"),
            )
        };
        assert_eq!(strip(&half), strip(&full), "{seed}");
    }
}

#[test]
fn huge_numbers_are_invalid_not_a_crash() {
    let text = fixture("003_de92c8953c303105.txt").replacen("\t1\n", "\t999999999999999999999\n", 1);
    let r = nianbao::check(&text, None);
    assert!(
        r.diagnostics.iter().any(|d| d.code == "value.invalid" && d.message.contains("数字过大")),
        "{:?}",
        r.diagnostics
    );
}

#[test]
fn thousands_of_repeated_headings_and_one_huge_line() {
    let mut text = String::new();
    for _ in 0..5000 {
        text.push_str("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n");
    }
    let r = nianbao::check(&text, None);
    // One row, however often repeated, is not a table: nothing is guessed.
    assert_eq!(r.sections.len(), 1);
    assert_eq!(r.diagnostics[0].code, "report.unrecognised", "{:?}", r.diagnostics);
    let line = "0".repeat(10 * 1024 * 1024);
    let r = nianbao::check(&line, None);
    assert_eq!(r.diagnostics[0].code, "report.unrecognised");
    let r = nianbao::check(&"四、".repeat(200_000), None);
    assert!(r.diagnostics.iter().all(|d| d.severity != nianbao::Severity::Error
        || d.code == "report.unrecognised"
        || d.code == "table.missing"));
}

#[test]
fn an_input_over_the_limit_gets_a_message() {
    let text = "a".repeat(nianbao::MAX_INPUT_BYTES + 1);
    let r = nianbao::check(&text, None);
    assert_eq!(r.diagnostics.len(), 1);
    assert!(r.diagnostics[0].message.contains("输入过大"));
}

// ------------------------------------------------ mutations of a clean seed

fn mutate(find: &str, replace: &str) -> nianbao::Report {
    let text = fixture("003_de92c8953c303105.txt");
    assert!(text.contains(find), "{find:?}");
    nianbao::check(&text.replacen(find, replace, 1), None)
}

/// The codes a mutated seed 003 has that the seed itself has not (its one
/// warning, of its prose, stays).
fn codes(r: &nianbao::Report) -> Vec<&'static str> {
    let seed = nianbao::check(&fixture("003_de92c8953c303105.txt"), None);
    let before: Vec<&str> = seed.diagnostics.iter().map(|d| d.code).collect();
    r.diagnostics.iter().map(|d| d.code).filter(|c| !before.contains(c)).collect()
}

#[test]
fn mutated_seed_003_breaks_the_right_rules() {
    // 本年新收 自然人 1 → 2: the row total and the column balance break.
    let r = mutate("本年新收政府信息公开申请数量\n\t1", "本年新收政府信息公开申请数量\n\t2");
    assert_eq!(codes(&r), ["requests.row_total", "requests.balance"], "{:?}", r.diagnostics);
    // 结转下年度 总计 0 → 1: row total, balance.
    let text = fixture("003_de92c8953c303105.txt");
    let at = text.find("结转下年度继续办理").unwrap();
    let tail = &text[at..];
    let last0 = at + tail.find("\t0\n\n\n").unwrap();
    let mut t = text.clone();
    t.replace_range(last0..last0 + 2, "\t1");
    let r = nianbao::check(&t, None);
    assert_eq!(codes(&r), ["requests.row_total", "requests.balance"], "{:?}", r.diagnostics);
    // A row deleted: missing row, and the outcome total can no longer be checked.
    let r = mutate("\t2.重复申请\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n", "");
    assert_eq!(codes(&r), ["table.missing_row"], "{:?}", r.diagnostics);
    // A value removed: the row has six, its values are absent.
    let r = mutate("\t（一）予以公开\n\t0\n", "\t（一）予以公开\n");
    assert_eq!(codes(&r), ["table.value_count"], "{:?}", r.diagnostics);
    // A cell written as /.
    let r = mutate("\t行政强制\n\t0", "\t行政强制\n\t/");
    assert_eq!(codes(&r), ["value.blank"], "{:?}", r.diagnostics);
    // The period of another year.
    let r = mutate("至2021年12月31日止", "至2020年12月31日止");
    assert_eq!(codes(&r), ["meta.year_mismatch"], "{:?}", r.diagnostics);
    // No word on the processing fee.
    let r = mutate("本年度本机关未收取政府信息公开处理费，无其他需要报告的事项。", "无。");
    assert_eq!(codes(&r), ["text.fee_statement"], "{:?}", r.diagnostics);
}

// ------------------------------------------------------------- properties

/// Pieces real reports are made of, to reach deep into the parser.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\n".to_string()),
        Just("\t".to_string()),
        Just(" ".to_string()),
        Just("三、收到和处理政府信息公开申请情况".to_string()),
        Just("四、政府信息公开行政复议、行政诉讼情况".to_string()),
        Just("二、主动公开政府信息情况".to_string()),
        Just("第二十条第（一）项".to_string()),
        Just("一、本年新收政府信息公开申请数量".to_string()),
        Just("（七）总计".to_string()),
        Just("1.属于国家秘密".to_string()),
        Just("行政规范性文件".to_string()),
        Just("行政事业性收费".to_string()),
        Just("万元".to_string()),
        Just("/".to_string()),
        Just("—".to_string()),
        // What the prose and metadata rules read.
        Just("一、总体情况".to_string()),
        Just("五、存在的主要问题及改进情况".to_string()),
        Just("六、其他需要报告的事项".to_string()),
        Just("测试市人民政府2021年度政府信息公开工作年度报告".to_string()),
        Just("统计期限自2021年1月1日起至".to_string()),
        Just("12月31日".to_string()),
        Just("发布日期：2022-02-01".to_string()),
        Just("二〇二二年二月十日".to_string()),
        Just("共收到政府信息公开申请".to_string()),
        Just("未发生行政复议".to_string()),
        Just("均获维持".to_string()),
        Just("未收取信息处理费".to_string()),
        Just("一是".to_string()),
        "[0-9]{1,25}".prop_map(|s| s),
        "-?[0-9]{1,3}\\.[0-9]{1,3}".prop_map(|s| s),
        "\\PC{0,8}".prop_map(|s| s),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_text(s in "\\PC{0,400}") {
        let r = nianbao::check(&s, None);
        prop_assert!(!r.to_json().is_empty());
    }

    #[test]
    fn never_panics_on_report_like_text(parts in proptest::collection::vec(piece(), 0..200)) {
        let text: String = parts.concat();
        let r = nianbao::check(&text, None);
        // Every diagnostic has a line of the input.
        let lines = text.split(['\n', '\r']).count();
        for d in &r.diagnostics {
            prop_assert!(d.line.is_some_and(|l| (1..=lines).contains(&l)), "{} at {:?} of {} lines", d.code, d.line, lines);
        }
        // Every cell points inside the input.
        for id in nianbao::template::TableId::ALL {
            for row in &r.table(id).rows {
                for c in &row.cells {
                    if let Some(span) = c.span {
                        prop_assert!(span.start <= span.end && span.end <= text.len());
                        prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
                    }
                }
            }
        }
    }
}

/// A clean 2021 report whose 表三 leaves its legal persons' cells empty,
/// with the sentence many real reports write under a table's heading to
/// count what it holds.
fn with_counting_sentences() -> (String, String) {
    use nianbao::template::keys::requests as q;
    use nianbao::template::{v2021::V2021, TableId};
    let mut sample = nianbao::testing::Sample::new(&V2021)
        .row(TableId::Requests, q::NEW, &[26, 0, 0, 0, 0, 0, 26])
        .row(TableId::Requests, q::GRANTED, &[9, 0, 0, 0, 0, 0, 9])
        .row(TableId::Requests, q::PARTLY_GRANTED, &[3, 2, 0, 0, 0, 0, 5]);
    for column in [q::COMMERCIAL, q::RESEARCH, q::PUBLIC_INTEREST, q::LEGAL_SERVICE, q::OTHER] {
        for row in [q::NEW, q::GRANTED] {
            sample = sample.cell(TableId::Requests, row, column, "");
        }
    }
    let plain = sample.text();
    let counted = plain
        .replace("二、主动公开政府信息情况\n", "二、主动公开政府信息情况\n2021年，本局主动公开政府信息，其中制作规章0件，行政规范性文件0件。\n")
        .replace(
            "三、收到和处理政府信息公开申请情况\n",
            "三、收到和处理政府信息公开申请情况\n2021年，本局共收到政府信息公开申请26件，其中，予以公开9件，部分公开5件，其他情形12件。\n",
        );
    assert_ne!(plain, counted);
    (plain, counted)
}

fn tables(r: &nianbao::Report) -> serde_json::Value {
    let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    serde_json::json!([json["active"], json["requests"], json["review"]])
}

#[test]
fn a_sentence_that_counts_a_tables_rows_is_no_row() {
    let (plain, counted) = with_counting_sentences();
    let (plain, counted) = (nianbao::check(&plain, None), nianbao::check(&counted, None));
    assert_eq!(tables(&counted), tables(&plain));
    assert_eq!(codes(&counted), codes(&plain));
    assert!(!codes(&plain).iter().any(|c| c.starts_with("table.") || *c == "value.ambiguous"), "{:?}", codes(&plain));
}

#[test]
fn a_paste_cut_off_in_table_three_keeps_table_two_after_a_counting_sentence() {
    let (plain, counted) = with_counting_sentences();
    let cut = &counted[..counted.find("（一）予以公开").unwrap()];
    let (plain, cut) = (nianbao::check(&plain, None), nianbao::check(cut, None));
    assert_eq!(tables(&cut)[0], tables(&plain)[0], "table 二 read as in the whole report");
    assert!(codes(&cut).contains(&"table.missing"), "{:?}", codes(&cut));
    assert!(!codes(&cut).contains(&"table.layout"), "{:?}", codes(&cut));
}
