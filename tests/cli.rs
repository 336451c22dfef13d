//! The `nianbao` command as a user runs it.

mod common;

use nianbao::template::keys::active as a;
use nianbao::template::{v2021::V2021, TableId};
use nianbao::testing::Sample;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn nianbao(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(s) = stdin {
        child.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)).unwrap()
}

/// A fresh folder for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nianbao-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn jsonl(out: &str) -> Vec<Value> {
    out.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect()
}

fn codes(report: &Value) -> Vec<&str> {
    report["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect()
}

const SEED_004: &str = "tests/fixtures/004_e8c91993164e9814.txt";

#[test]
fn text_shows_each_diagnostic_with_its_source_line_then_the_verdict_and_tables() {
    let (code, out, _) = nianbao(&["check", SEED_004], None);
    assert_eq!(code, 1, "errors give exit status 1");
    assert!(out.contains("error[table.value_count]: 表四应有15个数字，实际有16个"), "{out}");
    assert!(out.contains(" --> tests/fixtures/004_e8c91993164e9814.txt:75:1"), "{out}");
    // The line itself, with its cells underlined.
    let source = out.lines().find(|l| l.starts_with("75 |")).expect("the source line");
    assert!(source.contains("0    0    0"), "{source}");
    let marks = out.lines().skip_while(|l| !l.starts_with("75 |")).nth(1).unwrap();
    assert!(marks.trim_start().starts_with("| ^^^"), "{marks}");
    // Then the summary line and the tables, as before.
    assert!(out.contains("乐清市机关事务管理中心　2020年度　模板：2019　结论：有1处错误"), "{out}");
    assert!(out.contains("表三（依申请公开）（2019年版）"), "{out}");
    assert!(!out.contains('\u{1b}'), "no colour when not on a terminal");
    let (_, coloured, _) = nianbao(&["check", "--color", "always", SEED_004], None);
    assert!(coloured.contains("\u{1b}["), "colour when asked");

    let (code, out, _) = nianbao(&["check", "tests/fixtures/003_de92c8953c303105.txt"], None);
    assert_eq!(code, 0);
    assert!(out.contains("结论：通过"), "{out}");
}

#[test]
fn a_flattened_page_shows_a_window_of_its_one_line_around_each_mark() {
    // The whole report on a few lines: each block shows the part of its
    // line around what it is about, not the line (a report's length).
    let page = "tests/fixtures/syn_flattened_2019.txt";
    let longest = fixture("syn_flattened_2019.txt").lines().map(|l| l.chars().count()).max().unwrap();
    assert!(longest > 1000, "the fixture is flattened");
    let (_, out, _) = nianbao(&["check", page], None);
    let blocks: Vec<&str> = out.split("\n\n").filter(|b| b.contains(" --> ")).collect();
    assert!(blocks.len() >= 2, "{out}");
    for block in &blocks {
        for line in block.lines() {
            assert!(line.chars().count() < 200, "a window, not the line:\n{block}");
        }
    }
    // Glued digits are underlined, digit for digit.
    let glued = blocks.iter().find(|b| b.starts_with("warning[value.ambiguous]")).expect("glued digits said");
    let digits = glued.split('（').nth(1).and_then(|s| s.split('）').next()).unwrap();
    let marks = glued.lines().find(|l| l.contains('^')).unwrap();
    assert_eq!(marks.matches('^').count(), digits.len(), "{glued}");
    // A diagnostic about a section marks its heading.
    let section = blocks.iter().find(|b| b.contains("[section.")).expect("a section's diagnostic");
    assert!(section.lines().find(|l| l.contains('^')).unwrap().matches('^').count() < 100, "{section}");
}

#[test]
fn pdfs_are_read_in_folders_and_a_scanned_one_says_why() {
    let dir = temp_dir("pdfs");
    // A PDF with text (not a report) and one with none (a scan).
    std::fs::write(dir.join("a.pdf"), common::pdf::one_page(&[(50, 700, "Hello"), (300, 700, "2024")])).unwrap();
    std::fs::write(dir.join("b.PDF"), common::pdf::one_page(&[])).unwrap();
    let (code, out, err) = nianbao(&["check", "--json", dir.to_str().unwrap()], None);
    assert_eq!(code, 2, "{out}{err}");
    let lines = jsonl(&out);
    assert_eq!(lines.len(), 2, "{out}");
    assert_eq!(codes(&lines[0]), ["report.unrecognised"], "read, and no report: {out}");
    assert_eq!(codes(&lines[1]), ["input.unreadable"], "{out}");
    assert!(lines[1]["diagnostics"][0]["message"].as_str().unwrap().contains("扫描件"), "{out}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn text_prints_what_the_checker_reads_and_diagnostics_count_its_lines() {
    let dir = temp_dir("text");
    let pdf = dir.join("a.pdf");
    std::fs::write(&pdf, common::pdf::one_page(&[(50, 700, "Hello"), (300, 700, "2024"), (50, 680, "World")])).unwrap();
    let (code, out, _) = nianbao(&["text", pdf.to_str().unwrap()], None);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().map(str::trim).collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("Hello") && lines[0].ends_with("2024") && lines[1] == "World", "{out}");
    // Unreadable: the reason, status 2.
    std::fs::write(dir.join("b.pdf"), common::pdf::one_page(&[])).unwrap();
    let (code, out, err) = nianbao(&["text", dir.join("b.pdf").to_str().unwrap()], None);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("扫描件"), "{err}");
    // A real PDF: each diagnostic's line is that line of the text.
    let Some(corpus) = common::shared_corpus() else { return };
    let Some(real) = std::fs::read_dir(corpus.join("files"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "pdf"))
    else {
        return;
    };
    let (_, text, _) = nianbao(&["text", real.to_str().unwrap()], None);
    let (_, checked, _) = nianbao(&["check", real.to_str().unwrap()], None);
    let mut seen = 0;
    for block in checked.split("\n\n").filter(|b| b.contains(" --> ")) {
        let Some(source) = block.lines().find(|l| l.contains(" | ") && l.trim_start().starts_with(char::is_numeric))
        else {
            continue;
        };
        let (n, shown) = source.split_once(" | ").unwrap();
        let line = text.lines().nth(n.trim().parse::<usize>().unwrap() - 1).unwrap();
        // (A long line is shown cut, `...` where it is.)
        let cut = shown.trim().trim_start_matches("...").trim_end_matches("...").trim();
        if cut.len() < shown.trim().len() {
            assert!(!cut.is_empty() && line.contains(cut), "{block}");
        } else {
            assert_eq!(line.trim(), shown.trim(), "{block}");
        }
        seen += 1;
    }
    assert!(seen >= 1, "{checked}");
}

#[test]
fn concise_is_one_line_a_diagnostic_then_the_verdict() {
    let (code, out, _) = nianbao(&["check", "--format", "concise", SEED_004], None);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "tests/fixtures/004_e8c91993164e9814.txt:75: error table.value_count 表四应有15个数字，实际有16个：0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n\
         乐清市机关事务管理中心　2020年度　模板：2019　结论：有1处错误\n"
    );
}

#[test]
fn json_is_one_object_per_file_per_line_for_a_folder() {
    let (code, out, _) = nianbao(&["check", "--json", "tests/fixtures"], None);
    assert_eq!(code, 1);
    let lines = jsonl(&out);
    // Every .txt and .html below the folder (the rules' fixtures too).
    fn count(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| match p.extension() {
                _ if p.is_dir() => count(&p),
                Some(x) if x == "txt" || x == "html" => 1,
                _ => 0,
            })
            .sum()
    }
    assert_eq!(lines.len(), count(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))));
    let clean = lines.iter().find(|l| l["source"] == "003_de92c8953c303105.txt").expect("seed 003 checked");
    // No error; one warning: its 一、总体情况 does not speak of 依申请公开.
    assert_eq!(clean["summary"]["errors"], 0);
    let codes: Vec<&str> =
        clean["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["section.overview_topics"]);
    // --json is --format jsonl; --format json is the same objects in one array.
    let (_, same, _) = nianbao(&["check", "--format", "jsonl", "tests/fixtures"], None);
    assert_eq!(same, out);
    let (_, array, _) = nianbao(&["check", "--format", "json", "tests/fixtures"], None);
    let array: Vec<Value> = serde_json::from_str(&array).unwrap();
    assert_eq!(array, lines);
    // Threads change nothing: the order is the input's.
    let (_, one, _) = nianbao(&["check", "--json", "--jobs", "1", "tests/fixtures"], None);
    let (_, three, _) = nianbao(&["check", "--json", "--jobs", "3", "tests/fixtures"], None);
    assert_eq!((one.as_str(), three.as_str()), (out.as_str(), out.as_str()));
}

#[test]
fn csv_is_the_data_set_long_and_wide() {
    let (_, out, _) = nianbao(&["check", "--json", "tests/fixtures"], None);
    let reports = jsonl(&out);

    let (code, long, _) = nianbao(&["check", "--format", "csv", "tests/fixtures"], None);
    assert_eq!(code, 1);
    let long = long.strip_prefix('\u{feff}').expect("a BOM for Excel and WPS");
    let mut lines = long.lines();
    assert_eq!(lines.next(), Some("report,table,row,column,value,line"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let cells: usize = reports.iter().map(|r| r["cells"].as_array().unwrap().len()).sum();
    assert_eq!(rows.len(), cells, "one line per given cell");
    let seed = reports.iter().find(|r| r["source"] == "003_de92c8953c303105.txt").unwrap();
    for cell in seed["cells"].as_array().unwrap() {
        let line = rows
            .iter()
            .find(|r| {
                r[0].ends_with("003_de92c8953c303105.txt")
                    && r[1] == cell["table"]
                    && r[2] == cell["row"]
                    && r[3] == cell["column"]
            })
            .unwrap_or_else(|| panic!("{cell}"));
        assert_eq!(line[4], cell["value"].to_string());
        assert_eq!(line[5], cell["line"].to_string());
    }

    let (_, wide, _) = nianbao(&["check", "--format", "csv-wide", "tests/fixtures"], None);
    let wide = wide.strip_prefix('\u{feff}').unwrap();
    let mut lines = wide.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(&header[..4], ["report", "agency", "year", "template"]);
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), reports.len(), "one line per report");
    assert!(rows.iter().all(|r| r.len() == header.len()));
    let row = rows.iter().find(|r| r[0].ends_with("003_de92c8953c303105.txt")).unwrap();
    for (i, key) in header.iter().enumerate().skip(4) {
        let mut parts = key.splitn(2, '.');
        let (table, rest) = (parts.next().unwrap(), parts.next().unwrap());
        let (row_key, column) = rest.rsplit_once('.').unwrap();
        let expected = match &seed[table][row_key][column] {
            Value::Null => String::new(),
            v => v.to_string(),
        };
        assert_eq!(row[i], expected, "{key}");
    }
    assert_eq!(row[1], "温州市大数据发展管理局");
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let (code, out, _) = nianbao(&["check", "--format", "sarif", "tests/fixtures"], None);
    assert_eq!(code, 1);
    let log: Value = serde_json::from_str(&out).unwrap();
    let schema_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(&schema_path).unwrap()).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    let url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    compiler.add_resource(url, schema).unwrap();
    let index = compiler.compile(url, &mut schemas).unwrap();
    if let Err(e) = schemas.validate(&log, index) {
        panic!("SARIF output fails the 2.1.0 schema: {e:#}");
    }
    // One result per diagnostic, at its file and line.
    let (_, json, _) = nianbao(&["check", "--json", "tests/fixtures"], None);
    let diagnostics: usize = jsonl(&json).iter().map(|r| codes(r).len()).sum();
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), diagnostics);
    let value_count = results
        .iter()
        .find(|r| {
            r["ruleId"] == "table.value_count" && r["locations"][0]["physicalLocation"]["region"]["startLine"] == 75
        })
        .expect("seed 004's error");
    assert_eq!(
        value_count["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "tests/fixtures/004_e8c91993164e9814.txt"
    );
    let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), nianbao::rules::all_rules().count());
    let k = value_count["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[k]["id"], "table.value_count");
    // The schema does catch a broken log (the test can fail).
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(schemas.validate(&broken, index).is_err());
}

#[test]
fn summary_counts_verdicts_and_rules_across_the_inputs() {
    let (_, json, _) = nianbao(&["check", "--json", "tests/fixtures"], None);
    let reports = jsonl(&json);
    let (code, out, _) = nianbao(&["check", "--format", "concise", "--summary", "tests/fixtures"], None);
    assert_eq!(code, 1);
    let summary = &out[out.find("汇总 (summary)").expect("the summary after the reports")..];
    assert!(summary.contains(&format!("{}份报告", reports.len())), "{summary}");
    let verdict = |v: &str| reports.iter().filter(|r| r["summary"]["verdict"].as_str().unwrap().starts_with(v)).count();
    let errors = reports.iter().filter(|r| r["summary"]["errors"].as_u64().unwrap() > 0).count();
    let clean = reports.iter().filter(|r| r["summary"]["errors"] == 0 && r["summary"]["warnings"] == 0).count();
    assert_eq!(errors, verdict("有"));
    assert!(summary.contains(&format!("  {:<6} 有错误 (errors)", errors)), "{summary}");
    assert!(summary.contains(&format!("  {:<6} 通过 (passed)", clean)), "{summary}");
    let mut all: Vec<&str> = reports.iter().flat_map(codes).collect();
    all.sort();
    all.dedup();
    for code in all {
        let n: usize = reports.iter().map(|r| codes(r).iter().filter(|c| **c == code).count()).sum();
        let in_reports = reports.iter().filter(|r| codes(r).contains(&code)).count();
        let line = summary.lines().find(|l| l.trim_start().starts_with(&format!("{code} "))).unwrap();
        let numbers: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(numbers[2..], [n.to_string(), in_reports.to_string()], "{line}");
    }
    // A machine format keeps stdout for the data: the summary goes to stderr.
    let (_, out, err) = nianbao(&["check", "--json", "--summary", "tests/fixtures"], None);
    assert_eq!(out, json);
    assert!(err.contains("汇总 (summary)"), "{err}");
}

#[test]
fn rules_and_ignore_select_the_rules_that_run() {
    let (_, out, _) = nianbao(&["check", "--json", "--rules", "table,value.blank", "tests/fixtures"], None);
    let all: Vec<String> =
        jsonl(&out).iter().flat_map(|r| codes(r).into_iter().map(str::to_string).collect::<Vec<_>>()).collect();
    assert!(all.iter().any(|c| c == "table.value_count") && all.iter().any(|c| c == "value.blank"), "{all:?}");
    assert!(all.iter().all(|c| c.starts_with("table.") || c == "value.blank"), "{all:?}");
    let (code, out, _) = nianbao(&["check", "--json", "--ignore", "table.value_count", SEED_004], None);
    assert_eq!(code, 0, "the one error is not checked");
    assert!(!codes(&jsonl(&out)[0]).contains(&"table.value_count"));
    let (code, _, err) = nianbao(&["check", "--rules", "value.bogus", SEED_004], None);
    assert_eq!(code, 2);
    assert!(err.contains("value.bogus"), "{err}");
}

#[test]
fn every_input_gets_a_result_even_one_that_cannot_be_read() {
    let dir = temp_dir("unreadable");
    std::fs::write(dir.join("a-scan.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    std::fs::write(dir.join("b-garbage.txt"), [0x80, 0xff, 0x81, 0xfe, 0x30, 0x90, 0xff]).unwrap();
    std::fs::write(dir.join("c-empty.txt"), b"").unwrap();
    std::fs::write(dir.join("d-report.txt"), fixture("003_de92c8953c303105.txt")).unwrap();
    let big = std::fs::File::create(dir.join("e-huge.txt")).unwrap();
    big.set_len(21 * 1024 * 1024).unwrap();
    let (code, out, err) = nianbao(&["check", "--json", dir.to_str().unwrap(), "no/such/file.txt"], None);
    assert_eq!(code, 2, "a file could not be read");
    let lines = jsonl(&out);
    let sources: Vec<&str> = lines.iter().map(|l| l["source"].as_str().unwrap()).collect();
    assert_eq!(sources, ["a-scan.txt", "b-garbage.txt", "c-empty.txt", "d-report.txt", "e-huge.txt", "file.txt"]);
    let message = |i: usize| lines[i]["diagnostics"][0]["message"].as_str().unwrap().to_string();
    for i in [0, 1, 4, 5] {
        assert_eq!(codes(&lines[i]), ["input.unreadable"], "{}", lines[i]);
    }
    assert!(message(0).starts_with("无法读取“a-scan.txt”：这是PNG图片"), "{}", message(0));
    assert!(message(1).contains("无法识别文件编码"), "{}", message(1));
    assert!(message(4).contains("文件过大（21.0 MB）"), "{}", message(4));
    assert!(message(5).contains("不存在"), "{}", message(5));
    assert_eq!(codes(&lines[2]), ["report.unrecognised"], "an empty file is read, and is no report");
    assert_eq!(lines[3]["summary"]["errors"], 0, "the report is read as it is on its own");
    // Each is said on stderr too, by its path.
    assert!(err.contains("no/such/file.txt: 无法读取"), "{err}");
    assert!(err.contains("a-scan.txt: 这是PNG图片"), "{err}");
    let (_, sarif, _) = nianbao(&["check", "--format", "sarif", dir.join("a-scan.txt").to_str().unwrap()], None);
    assert!(sarif.contains("\"ruleId\":\"input.unreadable\""), "{sarif}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_folder_with_two_years_of_one_agency_gets_cross_year_diagnostics() {
    // Seeds 000 and 001 are 温州市机关事务管理局 in 2021 and 2020; 2021's text is largely 2020's.
    let dir = temp_dir("seeds");
    for name in ["000_a4b9aaf003e43d05.txt", "001_76d90fd474e57dbd.txt", "003_de92c8953c303105.txt"] {
        std::fs::write(dir.join(name), fixture(name)).unwrap();
    }
    let (_, out, _) = nianbao(&["check", "--json", dir.to_str().unwrap()], None);
    let lines = jsonl(&out);
    let copied: Vec<&Value> =
        lines[0]["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == "cross_year.copied").collect();
    assert!(!copied.is_empty(), "{}", lines[0]["diagnostics"]);
    assert!(copied[0]["message"].as_str().unwrap().contains("2020年报告（001_76d90fd474e57dbd.txt）"), "{copied:?}");
    assert!(codes(&lines[1]).iter().all(|c| !c.starts_with("cross_year")), "2020 has no year before it here");
    assert!(codes(&lines[2]).iter().all(|c| !c.starts_with("cross_year")), "another agency");
    // The same without the year-against-year rules.
    let (_, out, _) = nianbao(&["check", "--json", "--ignore", "cross_year", dir.to_str().unwrap()], None);
    assert!(jsonl(&out).iter().all(|r| codes(r).iter().all(|c| !c.starts_with("cross_year"))));

    // Two years built from samples, the later one first by name: 现行有效件数 does not follow.
    let t = TableId::Active;
    let dir = temp_dir("samples");
    let agency = "测试市人民政府办公室";
    let earlier = Sample::new(&V2021).agency(agency).row(t, a::NORMATIVE_DOCUMENTS, &[2, 0, 20]);
    let later = Sample::new(&V2021).agency("测试市 政府办公室").year(2022).row(t, a::NORMATIVE_DOCUMENTS, &[3, 1, 25]);
    let other = Sample::new(&V2021).agency("测试市人民政府").row(t, a::NORMATIVE_DOCUMENTS, &[0, 0, 22]);
    std::fs::write(dir.join("a-2022.txt"), later.text()).unwrap();
    std::fs::write(dir.join("b-other.txt"), other.text()).unwrap();
    std::fs::write(dir.join("c-2021.txt"), earlier.text()).unwrap();
    for jobs in ["1", "2"] {
        let (_, out, _) = nianbao(&["check", "--json", "--jobs", jobs, dir.to_str().unwrap()], None);
        let lines = jsonl(&out);
        assert_eq!(lines[0]["source"], "a-2022.txt");
        let stock: Vec<&Value> =
            lines[0]["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == "cross_year.stock").collect();
        assert_eq!(stock.len(), 1, "{}", lines[0]["diagnostics"]);
        assert!(
            stock[0]["message"].as_str().unwrap().contains("2021年报告（c-2021.txt）的现行有效件数20"),
            "{stock:?}"
        );
        assert_eq!(stock[0]["line"], later.check().tables.active.row(a::NORMATIVE_DOCUMENTS).unwrap().line.unwrap());
        let cross_year = |l: &Value| codes(l).into_iter().filter(|c| c.starts_with("cross_year")).count();
        assert_eq!((cross_year(&lines[1]), cross_year(&lines[2])), (0, 0), "人民政府 is not 人民政府办公室");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn stdin_and_empty_input() {
    let text = fixture("003_de92c8953c303105.txt");
    let (code, out, _) = nianbao(&["check", "--json", "-"], Some(&text));
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["source"], Value::Null);
    assert_eq!(v["agency"], "温州市大数据发展管理局");
    let (code, out, _) = nianbao(&["check", "-"], Some(""));
    assert_eq!(code, 1);
    assert!(out.contains("error[report.unrecognised]: 输入为空"), "{out}");
}

#[test]
fn utf16_files_are_read() {
    let dir = temp_dir("utf16");
    let text = fixture("003_de92c8953c303105.txt");
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let path = dir.join("utf16.txt");
    std::fs::write(&path, bytes).unwrap();
    let (code, out, _) = nianbao(&["check", path.to_str().unwrap()], None);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("温州市大数据发展管理局"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_missing_file_is_said_and_exits_2() {
    let (code, _, err) = nianbao(&["check", "no/such/file.txt"], None);
    assert_eq!(code, 2);
    assert!(err.contains("no/such/file.txt: 无法读取"), "{err}");
}

#[test]
fn bad_arguments_name_the_flag_and_exit_2() {
    let (code, out, err) = nianbao(&["check", "--frmat", "json", SEED_004], None);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("未知的选项或参数 --frmat"), "{err}");
    assert!(err.contains("'--format'"), "clap's suggestion: {err}");
    let (code, _, err) = nianbao(&["check", "--format", "xml", SEED_004], None);
    assert_eq!(code, 2);
    assert!(err.contains("选项的值无效 --format xml"), "{err}");
    let (code, _, err) = nianbao(&["check", "--jobs", "0", SEED_004], None);
    assert_eq!(code, 2);
    assert!(err.contains("--jobs 0"), "{err}");
    let (code, _, err) = nianbao(&["check"], None);
    assert_eq!(code, 2);
    assert!(err.contains("缺少必需的参数"), "{err}");
    let (code, _, err) = nianbao(&["chekc", SEED_004], None);
    assert_eq!(code, 2);
    assert!(err.contains("chekc"), "{err}");
}

#[test]
fn help_is_chinese_with_the_english_beside_it() {
    let (code, out, _) = nianbao(&["--help"], None);
    assert_eq!(code, 0);
    for part in ["用法 (usage)", "命令 (commands)", "检查年度报告", "(check reports)", "completions"] {
        assert!(out.contains(part), "{part}: {out}");
    }
    for (command, parts) in [
        (
            "check",
            &["输出格式", "csv-wide", "sarif", "--summary", "--jobs", "--rules", "--ignore", "退出码 (exit status)"][..],
        ),
        ("explain", &["规则代码", "(a rule code)"][..]),
        ("rules", &["列出全部规则"][..]),
        ("completions", &["补全", "SHELL"][..]),
    ] {
        let (code, out, _) = nianbao(&[command, "--help"], None);
        assert_eq!(code, 0);
        for part in parts {
            assert!(out.contains(part), "{command} --help lacks {part}: {out}");
        }
        assert!(!out.contains("Usage:") && !out.contains("Options:") && !out.contains("Print help"), "{out}");
    }
}

#[test]
fn completions_for_the_shells() {
    let (code, out, _) = nianbao(&["completions", "bash"], None);
    assert_eq!(code, 0);
    assert!(out.contains("nianbao") && out.contains("--format") && out.contains("csv-wide"), "{out}");
    let (code, out, _) = nianbao(&["completions", "zsh"], None);
    assert_eq!(code, 0);
    assert!(out.contains("#compdef nianbao"), "{out}");
}

#[test]
fn explain_and_rules() {
    let (code, out, _) = nianbao(&["explain", "requests.balance"], None);
    assert_eq!(code, 0);
    for part in ["检查内容", "为什么", "示例", "依据"] {
        assert!(out.contains(part), "{out}");
    }
    let (code, _, err) = nianbao(&["explain", "no.such"], None);
    assert_eq!(code, 2);
    assert!(err.contains("未知的规则代码"));
    let (_, out, _) = nianbao(&["rules"], None);
    assert_eq!(out.lines().count(), nianbao::rules::all_rules().count());
    assert!(out.contains("cross_year.stock") && out.contains("input.unreadable"), "{out}");
}

#[test]
fn every_rule_is_documented_in_the_readme_and_in_fixed_parts() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for rule in nianbao::rules::all_rules() {
        assert!(readme.contains(&format!("`{}`", rule.code)), "README lacks {}", rule.code);
        for part in ["检查内容：", "为什么：", "示例：", "依据："] {
            assert!(rule.doc.to_string().contains(part), "{} doc lacks {part}", rule.code);
        }
    }
    // Codes are unique.
    let mut codes: Vec<_> = nianbao::rules::all_rules().map(|r| r.code).collect();
    codes.sort();
    let n = codes.len();
    codes.dedup();
    assert_eq!(codes.len(), n);
}
