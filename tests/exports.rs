//! The CLI's exports for reviewers and researchers: the workbook
//! (`check --format xlsx`) read back against the CSV of the same files,
//! and the feedback letters (`letter`) whose .docx, read by the project's
//! own .docx reader, says what their text says.

use nianbao::render::xlsx::parse_csv;
use nianbao::render::xlsx::testing::{read_back, trimmed};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn nianbao(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), out.stdout, String::from_utf8_lossy(&out.stderr).into_owned())
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nianbao-exports-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

#[test]
fn the_workbook_holds_what_the_csv_holds() {
    let dir = temp_dir("xlsx");
    let book_path = dir.join("批量.xlsx");
    let (code, stdout, err) =
        nianbao(&["check", "--format", "xlsx", "-o", book_path.to_str().unwrap(), "tests/fixtures"]);
    assert_eq!(code, 1, "{err}");
    assert!(stdout.is_empty());
    let book = read_back(&std::fs::read(&book_path).unwrap());
    let names: Vec<&str> = book.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(names, ["汇总", "规则统计", "数据集（宽表）", "数据集（长表）"]);

    // The data set, long and wide: cell for cell the CSV's.
    for (format, sheet) in [("csv-wide", 2), ("csv", 3)] {
        let (_, csv, _) = nianbao(&["check", "--format", format, "tests/fixtures"]);
        let csv = String::from_utf8(csv).unwrap();
        assert_eq!(book[sheet].1, trimmed(parse_csv(&csv)), "{format}");
    }

    // The summary: a row a report, as --json says; the rule counts add up to its diagnostics.
    let (_, json, _) = nianbao(&["check", "--json", "tests/fixtures"]);
    let reports: Vec<Value> =
        String::from_utf8(json).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let summary = &book[0].1;
    assert_eq!(summary[0][..8], ["文件", "机关", "年度", "模板", "错误", "警告", "提示", "结论"]);
    assert_eq!(summary.len(), reports.len() + 1);
    for (row, report) in summary[1..].iter().zip(&reports) {
        let count = |s: &str| report["diagnostics"].as_array().unwrap().iter().filter(|d| d["severity"] == s).count();
        assert!(row[0].ends_with(report["source"].as_str().unwrap()));
        assert_eq!(row[4], count("error").to_string());
        assert_eq!(row[5], count("warning").to_string());
        let verdict = match (count("error"), count("warning")) {
            _ if report["diagnostics"].as_array().unwrap().iter().any(|d| d["code"] == "report.unrecognised") => {
                "不是年报".to_string()
            }
            (0, 0) => "通过".to_string(),
            (0, w) => format!("通过（有{w}处警告）"),
            (e, _) => format!("有{e}处错误"),
        };
        assert_eq!(row[7], verdict, "{row:?}");
    }
    let total: usize = reports.iter().map(|r| r["diagnostics"].as_array().unwrap().len()).sum();
    let counted: usize = book[1].1[1..].iter().map(|r| r[1].parse::<usize>().unwrap()).sum();
    assert_eq!(counted, total);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_workbook_goes_to_a_pipe_but_never_to_a_terminal() {
    let seed = "tests/fixtures/003_de92c8953c303105.txt";
    let (_, stdout, _) = nianbao(&["check", "--format", "xlsx", seed]);
    assert!(stdout.starts_with(b"PK\x03\x04"));
    assert!(read_back(&stdout)[3].1.len() > 100, "the long data set of seed 003");
    // On a terminal (util-linux `script` gives the command one): refused, with what to do.
    let command = format!("{} check --format xlsx {seed}", env!("CARGO_BIN_EXE_nianbao"));
    let Ok(out) =
        Command::new("script").args(["-qec", &command, "/dev/null"]).current_dir(env!("CARGO_MANIFEST_DIR")).output()
    else {
        eprintln!("(no `script` here: the terminal case is not run)");
        return;
    };
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("不能显示在终端上") && said.contains("--output"), "{said}");
    assert!(!said.contains("PK"), "no bytes on the terminal");
}

#[test]
fn letters_as_text_and_docx_say_the_same() {
    let dir = temp_dir("letters");
    let (code, _, err) = nianbao(&[
        "letter",
        "--out",
        dir.to_str().unwrap(),
        fixture("000_a4b9aaf003e43d05.txt").to_str().unwrap(),
        fixture("001_76d90fd474e57dbd.txt").to_str().unwrap(),
        fixture("002_9ca5b3fc5e07fc94.txt").to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let words = |s: &str| s.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n");
    for stem in ["000_a4b9aaf003e43d05", "001_76d90fd474e57dbd", "002_9ca5b3fc5e07fc94"] {
        let text = std::fs::read_to_string(dir.join(format!("{stem}.反馈意见.txt"))).unwrap();
        let docx = std::fs::read(dir.join(format!("{stem}.反馈意见.docx"))).unwrap();
        assert_eq!(words(&nianbao::input::docx::docx_text(&docx).unwrap()), words(&text), "{stem}");
    }
    // 2021's letter has the findings against 2020 (given together), each with its line and section.
    let letter = std::fs::read_to_string(dir.join("000_a4b9aaf003e43d05.反馈意见.txt")).unwrap();
    let five = letter.find("五、存在的主要问题及改进情况").unwrap();
    assert!(letter[five..].contains("（cross_year.copied）"), "{letter}");
    // 002's two errors under 三 with their lines and the fix.
    let letter = std::fs::read_to_string(dir.join("002_9ca5b3fc5e07fc94.反馈意见.txt")).unwrap();
    assert!(letter.contains("三、收到和处理政府信息公开申请情况（表三）\n1. 【错误】第53行："), "{letter}");
    assert!(letter.contains("修改建议："));
    let _ = std::fs::remove_dir_all(&dir);
}
