//! The `nianbao` command as a user runs it.

use std::io::Write;
use std::process::{Command, Stdio};

fn nianbao(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
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

#[test]
fn check_prints_file_line_severity_code_message() {
    let (code, out, _) = nianbao(&["check", "tests/fixtures/004_e8c91993164e9814.txt"], None);
    assert_eq!(code, 1, "errors give exit status 1");
    assert!(
        out.contains(
            "tests/fixtures/004_e8c91993164e9814.txt:75: error table.value_count 表四应有15个数字，实际有16个"
        ),
        "{out}"
    );
    assert!(out.contains("乐清市机关事务管理中心"), "{out}");
    let (code, out, _) = nianbao(&["check", "tests/fixtures/003_de92c8953c303105.txt"], None);
    assert_eq!(code, 0);
    assert!(out.contains("结论：通过"), "{out}");
}

#[test]
fn json_is_one_object_per_file_per_line_for_a_folder() {
    let (code, out, _) = nianbao(&["check", "--json", "tests/fixtures"], None);
    assert_eq!(code, 1);
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
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
}

#[test]
fn stdin_and_empty_input() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/003_de92c8953c303105.txt"))
        .unwrap();
    let (code, out, _) = nianbao(&["check", "--json", "-"], Some(&text));
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["source"], serde_json::Value::Null);
    assert_eq!(v["agency"], "温州市大数据发展管理局");
    let (code, out, _) = nianbao(&["check", "-"], Some(""));
    assert_eq!(code, 1);
    assert!(out.contains("report.unrecognised 输入为空"), "{out}");
}

#[test]
fn utf16_files_are_read() {
    let dir = std::env::temp_dir().join(format!("nianbao-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/003_de92c8953c303105.txt"))
        .unwrap();
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let path = dir.join("utf16.txt");
    std::fs::write(&path, bytes).unwrap();
    let (code, out, _) = nianbao(&["check", path.to_str().unwrap()], None);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("温州市大数据发展管理局"));
}

#[test]
fn a_missing_file_is_said_and_exits_2() {
    let (code, _, err) = nianbao(&["check", "no/such/file.txt"], None);
    assert_eq!(code, 2);
    assert!(err.contains("no/such/file.txt: 无法读取"), "{err}");
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
    assert!(out.lines().count() >= 17);
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
