//! `nianbao letter`: a feedback letter (反馈意见) for each report, as text
//! and as .docx ([`nianbao::render::letter`]); the reports of one agency's
//! consecutive years given together are checked against each other first
//! ([`nianbao::check_many`], the pairing of `check`).

use crate::inputs;
use clap::Args;
use nianbao::render::letter::{file_name, Letter};
use std::path::PathBuf;
use std::process::ExitCode;

pub const AFTER_HELP: &str = "\
每份报告一封反馈意见：按部分（报告整体、一至六，表二/三/四在其所在部分）列出每个问题的行号、问题和修改建议。
不指定 --out 时，反馈意见的文字输出到标准输出；指定时，每份报告在该目录写入 文件名.反馈意见.txt 和 文件名.反馈意见.docx。
退出码 (exit status)：0 成功；2 有文件无法读取或无法写入
例 (examples)：
  nianbao letter 报告.txt
  nianbao letter --out 反馈意见/ 年报目录/";

#[derive(Args)]
#[command(next_help_heading = "选项 (options)", override_usage = "nianbao letter [选项] <文件|目录|->...")]
pub struct LetterArgs {
    /// 报告文件或目录；- 为标准输入 (files, folders, - for stdin)
    #[arg(required = true, value_name = "文件|目录|-", help_heading = "参数 (arguments)")]
    paths: Vec<PathBuf>,

    /// 写入反馈意见的目录（.txt 和 .docx），不存在时创建 (write the letters into DIR)
    #[arg(long, value_name = "目录")]
    out: Option<PathBuf>,
}

pub fn run(args: LetterArgs) -> ExitCode {
    let inputs = inputs::collect(&args.paths);
    let mut failed = false;
    let mut read = Vec::new();
    for input in &inputs {
        match input.text() {
            Ok(text) => read.push((input.label(), input.source(), text)),
            Err(why) => {
                eprintln!("{}: {why}", input.label());
                failed = true;
            }
        }
    }
    let given: Vec<(&str, Option<&str>)> = read.iter().map(|(_, s, t)| (t.as_str(), s.as_deref())).collect();
    let reports = nianbao::check_many(&given);
    if let Some(dir) = &args.out {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("错误：无法创建目录 {}：{e}", dir.display());
            return ExitCode::from(2);
        }
    }
    for ((label, _, _), report) in read.iter().zip(&reports) {
        let letter = Letter::of(report, label);
        match &args.out {
            None => print!("{}\n\n", letter.text()),
            Some(dir) => {
                for (ext, bytes) in [("txt", letter.text().into_bytes()), ("docx", letter.docx())] {
                    let path = dir.join(file_name(label, ext));
                    if let Err(e) = std::fs::write(&path, bytes) {
                        eprintln!("错误：无法写入 {}：{e}", path.display());
                        failed = true;
                    }
                }
            }
        }
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}
