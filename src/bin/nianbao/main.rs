//! `nianbao`: the command-line checker.
//!
//! nianbao check [--json] FILE|DIR|- ...   check reports (exit 1 on any error)
//! nianbao explain CODE                     a rule's documentation
//! nianbao rules                            every rule, one a line
//!
//! Files may be .txt/.md (UTF-8, UTF-16; GB18030 with feature `files`),
//! .html (feature `html`) or .docx (feature `files`): see
//! [`nianbao::input::file_text`].

use nianbao::rules::{all_rules, find_rule};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "用法 (usage):
  nianbao check [--json] 文件|目录|- ...   检查年度报告（有错误时退出码为1）
  nianbao explain 代码                     显示某条规则的说明，如 nianbao explain requests.balance
  nianbao rules                            列出全部规则";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("explain") => explain(args.get(1).map(String::as_str)),
        Some("rules") => {
            for r in all_rules() {
                println!("{:<24} {:<8} {}", r.code, r.severity.as_str(), r.title);
            }
            ExitCode::SUCCESS
        }
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn explain(code: Option<&str>) -> ExitCode {
    match code.and_then(find_rule) {
        Some(r) => {
            println!("{}（{}）\n{}\n\n{}", r.code, r.severity.label(), r.title, r.doc);
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("未知的规则代码：{}。用 nianbao rules 查看全部规则。", code.unwrap_or(""));
            ExitCode::from(2)
        }
    }
}

/// Report files in a folder: .txt, .md, .html, .htm and .docx, recursively,
/// in name order.
fn collect(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for e in entries {
            if e.is_dir() {
                collect(&e, out)?;
            } else if e
                .extension()
                .is_some_and(|x| ["txt", "md", "html", "htm", "docx"].iter().any(|k| x.eq_ignore_ascii_case(k)))
            {
                out.push(e);
            }
        }
    } else {
        out.push(path.to_path_buf());
    }
    Ok(())
}

fn check(args: &[String]) -> ExitCode {
    let json = args.iter().any(|a| a == "--json");
    let targets: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if targets.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let mut inputs: Vec<(String, Option<String>)> = Vec::new();
    let mut failed = false;
    for t in targets {
        if t == "-" {
            let mut buf = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
                eprintln!("-: 无法读取标准输入：{e}");
                failed = true;
                continue;
            }
            match nianbao::input::file_text("-", &buf) {
                Ok(text) => inputs.push((text, None)),
                Err(e) => {
                    eprintln!("-: {e}");
                    failed = true;
                }
            }
            continue;
        }
        let mut files = Vec::new();
        if let Err(e) = collect(Path::new(t), &mut files) {
            eprintln!("{t}: 无法读取：{e}");
            failed = true;
            continue;
        }
        for f in files {
            match std::fs::read(&f) {
                Ok(bytes) => match nianbao::input::file_text(&f.to_string_lossy(), &bytes) {
                    Ok(text) => inputs.push((text, Some(f.display().to_string()))),
                    Err(e) => {
                        eprintln!("{}: {e}", f.display());
                        failed = true;
                    }
                },
                Err(e) => {
                    eprintln!("{}: 无法读取：{e}", f.display());
                    failed = true;
                }
            }
        }
    }
    let borrowed: Vec<(&str, Option<&str>)> = inputs.iter().map(|(t, s)| (t.as_str(), s.as_deref())).collect();
    let reports = nianbao::check_many(&borrowed);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut errors = false;
    for mut r in reports {
        errors |= r.has_errors();
        let name = r.source.clone().unwrap_or_else(|| "-".into());
        // The contract's `source` is the file name, not the path given.
        r.source = r
            .source
            .as_deref()
            .map(|p| Path::new(p).file_name().map_or(p.to_string(), |f| f.to_string_lossy().into_owned()));
        let text = if json { r.to_json() + "\n" } else { nianbao::render::text::full(&r, &name) + "\n" };
        if out.write_all(text.as_bytes()).is_err() {
            return ExitCode::from(2);
        }
    }
    if failed {
        ExitCode::from(2)
    } else if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
