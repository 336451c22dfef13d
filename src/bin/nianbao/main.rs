//! `nianbao`: the command-line checker.
//!
//! ```text
//! nianbao check [OPTIONS] 文件|目录|- ...   check reports (exit 1 on any error, 2 if a file cannot be read)
//! nianbao letter [--out DIR] 文件|目录 ...   a feedback letter (反馈意见) for each report
//! nianbao explain CODE                      a rule's documentation
//! nianbao rules                             every rule, one a line
//! nianbao completions SHELL                 a shell's completion script
//! ```
//!
//! Arguments are parsed by clap (derive); the help is Chinese with the
//! English beside it. `check` reads and checks files in parallel and
//! writes each report in input order as it is ready (see [`check`]).

mod check;
mod inputs;
mod letter;
mod output;
mod sarif;
mod snippets;
mod summary;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Parser, Subcommand};
use nianbao::rules::{all_rules, find_rule};
use std::process::ExitCode;

// Checking allocates many small things on every thread; mimalloc serves
// that faster than the system's allocator (measured in the README).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The help layout every command uses: Chinese headings, English beside.
const HELP: &str = "\
{about-with-newline}
用法 (usage): {usage}

{all-args}{after-help}";

#[derive(Parser)]
#[command(
    name = "nianbao",
    version,
    about = "年报体检：检查政府信息公开工作年度报告的表格、数字和文字\n(nianbao: checks government information disclosure annual reports)",
    help_template = HELP,
    subcommand_help_heading = "命令 (commands)",
    subcommand_value_name = "命令",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    arg_required_else_help = true,
    after_help = "用 nianbao 命令 --help 查看各命令的说明 (nianbao COMMAND --help for each command)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// 显示帮助 (print help)
    #[arg(short = 'h', long, action = ArgAction::Help, global = true, help_heading = "选项 (options)", display_order = 1000)]
    help: Option<bool>,
    /// 显示版本 (print version)
    #[arg(short = 'V', long, action = ArgAction::Version, help_heading = "选项 (options)")]
    version: Option<bool>,
}

#[derive(Subcommand)]
enum Command {
    /// 检查年度报告：每份报告的问题、结论和表格 (check reports)
    #[command(help_template = HELP, after_help = check::AFTER_HELP)]
    Check(check::CheckArgs),
    /// 为每份报告写反馈意见（文字和 .docx）(a feedback letter for each report)
    #[command(help_template = HELP, after_help = letter::AFTER_HELP)]
    Letter(letter::LetterArgs),
    /// 显示某条规则的说明 (a rule's documentation)
    #[command(help_template = HELP, after_help = "例 (example): nianbao explain requests.balance")]
    Explain {
        /// 规则代码，如 requests.balance；nianbao rules 列出全部 (a rule code)
        #[arg(value_name = "代码", help_heading = "参数 (arguments)")]
        code: String,
    },
    /// 列出全部规则：代码、级别、规则组、说明 (list every rule)
    #[command(help_template = HELP)]
    Rules,
    /// 输出检查器读到的文本：PDF、Word、网页读成的文字，诊断的行号即其行号 (the text a file is read as)
    #[command(help_template = HELP, after_help = "例 (example): nianbao text 报告.pdf > 报告.txt")]
    Text {
        /// 报告文件（.txt .md .html .docx .pdf）(a report file)
        #[arg(value_name = "文件", help_heading = "参数 (arguments)")]
        file: std::path::PathBuf,
    },
    /// 生成命令行补全脚本 (print a shell completion script)
    #[command(
        help_template = HELP,
        after_help = "例 (example): nianbao completions bash > /etc/bash_completion.d/nianbao"
    )]
    Completions {
        /// 命令行解释器 (the shell)
        #[arg(value_name = "SHELL", help_heading = "参数 (arguments)")]
        shell: clap_complete::Shell,
    },
}

/// The PDF reader's own panics on a malformed file are caught and said as
/// that file's message (`input::pdf`): their raw text is kept off stderr.
/// Any other panic is printed as Rust prints it.
fn quiet_reader_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let file = info.location().map_or("", |l| l.file());
        if !["pdf-extract", "lopdf", "pdf_extract"].iter().any(|c| file.contains(c)) {
            default(info);
        }
    }));
}

fn main() -> ExitCode {
    quiet_reader_panics();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Letter(args) => letter::run(args),
        Command::Explain { code } => explain(&code),
        Command::Text { file } => text(&file),
        Command::Rules => {
            for r in all_rules() {
                println!("{:<24} {:<8} {:<9} {}", r.code, r.severity.as_str(), r.group.key(), r.title);
            }
            ExitCode::SUCCESS
        }
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(shell, &mut Cli::command(), "nianbao", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
    }
}

/// Prints the text the checker reads of `file` (what the line numbers of
/// its diagnostics count), or why it has none (status 2).
fn text(file: &std::path::Path) -> ExitCode {
    let read = std::fs::read(file).map_err(|e| format!("无法读取文件：{e}"));
    match read.and_then(|bytes| nianbao::input::file_text_owned(&file.to_string_lossy(), bytes).map_err(|e| e.0)) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("{}: {why}", file.display());
            ExitCode::from(2)
        }
    }
}

/// Help and version as asked (status 0); anything else clap refuses is a
/// usage error (status 2), said first in Chinese with the flag or value at
/// fault, then clap's own words.
fn usage_error(e: clap::Error) -> ExitCode {
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    let what = match e.kind() {
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return ExitCode::from(2);
        }
        ErrorKind::UnknownArgument => "未知的选项或参数",
        ErrorKind::InvalidSubcommand => "未知的命令",
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => "选项的值无效",
        ErrorKind::MissingRequiredArgument => "缺少必需的参数",
        ErrorKind::ArgumentConflict => "选项不能同时使用",
        ErrorKind::NoEquals | ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            "选项的值个数不对"
        }
        _ => "参数有误",
    };
    // (clap names an option with its value's name: `--format <格式>`; the flag is enough.)
    let flag = |a: &str| a.split(' ').next().unwrap_or(a).to_string();
    let arg = match (e.get(ContextKind::InvalidArg), e.get(ContextKind::InvalidValue)) {
        (Some(ContextValue::String(a)), Some(ContextValue::String(v))) => format!(" {} {v}", flag(a)),
        (Some(ContextValue::String(a)), _) => format!(" {}", flag(a)),
        (Some(ContextValue::Strings(a)), _) => format!(" {}", a.join(" ")),
        (None, Some(ContextValue::String(v))) => format!(" {v}"),
        _ => String::new(),
    };
    eprintln!("错误：{what}{arg}（用 nianbao --help 或 nianbao check --help 查看用法）");
    let _ = e.print();
    ExitCode::from(2)
}

fn explain(code: &str) -> ExitCode {
    match find_rule(code) {
        Some(r) => {
            println!("{}（{}）\n{}\n\n{}", r.code, r.severity.label(), r.title, r.doc);
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("未知的规则代码：{code}。用 nianbao rules 查看全部规则。");
            ExitCode::from(2)
        }
    }
}
