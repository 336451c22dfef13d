//! `nianbao check`: reads and checks the inputs on `--jobs` threads and
//! writes each report, in input order, as soon as it and those before it
//! are done.
//!
//! Memory stays flat however many files: a thread takes an input only
//! while it is fewer than [`window`] inputs ahead of the writer, and what a
//! thread sends back is the report's rendered output, not the report.
//!
//! Year against year: before checking, every input's agency and year are
//! read from its title ([`Key::of_text`]) and the pairs are made
//! ([`previous_years`]). Of a report that is some later report's last
//! year, a [`LastYear`] is kept until that report is checked; when the
//! later report comes first in the input order, its last year is checked
//! once more, ahead of it, for that.

use crate::inputs::{self, Input};
use crate::output::{Context, Format};
use crate::summary::{Summary, Tally};
use clap::{Args, ValueEnum};
use nianbao::report::pairing::{previous_years, Key};
use nianbao::rules::cross_year::{self, LastYear};
use nianbao::rules::Selection;
use nianbao::Report;
use std::collections::{BTreeMap, HashMap};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{mpsc, Arc, Condvar, Mutex};

pub const AFTER_HELP: &str = "\
退出码 (exit status)：0 没有错误；1 有报告存在错误；2 有文件无法读取或参数有误
例 (examples)：
  nianbao check 报告.txt
  nianbao check --format csv-wide --summary 年报目录/ > 数据.csv
  nianbao check --rules requests,review --ignore local 年报目录/
  cat 报告.txt | nianbao check -";

/// `--format`'s long help: the formats, in Chinese with the English beside.
const FORMAT_HELP: &str = "\
输出格式 (output format)，默认 text：
  text      文字：每个问题标出 文件:行:列、级别、代码和原文（单元格下划线），然后是结论和表格 (rustc style)
  concise   每个问题一行：文件:行: 级别 代码 说明，然后是结论一行（同网页应用导出的问题清单） (one line a diagnostic)
  json      一个JSON数组，每份报告一个对象（输出约定） (one JSON array)
  jsonl     每份报告一行JSON，同 --json (one JSON object a line)
  csv       数据集（长表）：report,table,row,column,value,line，每个单元格一行 (data set, long)
  csv-wide  数据集（宽表）：每份报告一行，每个单元格一列 (data set, wide)
  sarif     SARIF 2.1.0，供持续集成和代码扫描工具读取 (for CI)
  xlsx      Excel工作簿：汇总、规则统计、数据集宽表和长表，写入 --output 指定的文件 (workbook, to --output)";

#[derive(Args)]
#[command(next_help_heading = "选项 (options)", override_usage = "nianbao check [选项] <文件|目录|->...")]
pub struct CheckArgs {
    /// 报告文件或目录（目录中的 .txt .md .html .htm .docx .pdf 逐级查找）；- 为标准输入 (files, folders, - for stdin)
    #[arg(required = true, value_name = "文件|目录|-", help_heading = "参数 (arguments)")]
    paths: Vec<PathBuf>,

    /// 输出格式，默认 text (output format)
    #[arg(
        long,
        value_enum,
        default_value_t = Format::Text,
        value_name = "格式",
        hide_possible_values = true,
        hide_default_value = true,
        long_help = FORMAT_HELP
    )]
    format: Format,

    /// 同 --format jsonl：每份报告一行JSON (same as --format jsonl)
    #[arg(long, conflicts_with = "format")]
    json: bool,

    /// 最后输出汇总：各结论的报告数、各规则的次数 (per-rule counts and verdicts at the end; to stderr for machine formats)
    #[arg(long)]
    summary: bool,

    /// 输出到文件而不是标准输出；--format xlsx 须指定 (write to FILE instead of stdout)
    #[arg(short = 'o', long, value_name = "文件")]
    output: Option<PathBuf>,

    /// 并行检查的线程数，默认为全部CPU核数 (threads; default: all cores)
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
    jobs: Option<u16>,

    /// 只运行这些规则：代码、代码前缀或规则组（national、local、all），逗号分隔；默认全部 (rules to run: codes, prefixes, groups)
    #[arg(long, value_name = "列表", default_value = "", hide_default_value = true)]
    rules: String,

    /// 不运行这些规则，写法同 --rules (rules not to run)
    #[arg(long, value_name = "列表", default_value = "", hide_default_value = true)]
    ignore: String,

    /// 彩色输出（仅文字格式）：auto（默认）在终端上且未设 NO_COLOR 时着色，always 总是，never 从不 (colour)
    #[arg(
        long,
        value_enum,
        default_value_t = Color::Auto,
        value_name = "何时",
        hide_possible_values = true,
        hide_default_value = true
    )]
    color: Color,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    /// 输出到终端时着色，NO_COLOR 时不着色 (on a terminal)
    Auto,
    Always,
    Never,
}

pub fn run(args: CheckArgs) -> ExitCode {
    let selection = match Selection::parse(&args.rules, &args.ignore) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("错误：{e}");
            return ExitCode::from(2);
        }
    };
    let format = if args.json { Format::Jsonl } else { args.format };
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let jobs = args.jobs.map_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()), usize::from);
    let inputs = inputs::collect(&args.paths);
    let cross = cross_year::RULES.iter().any(|r| selection.allows(r));
    let plan = Plan::new(&inputs, cross, jobs);
    let ctx = Context::new(format, color);
    if ctx.binary() && args.output.is_none() && std::io::stdout().is_terminal() {
        eprintln!("错误：--format xlsx 输出的是Excel文件，不能显示在终端上；请用 --output 文件.xlsx 指定输出文件（或重定向到文件）");
        return ExitCode::from(2);
    }
    let batch = Batch { inputs: &inputs, plan: &plan, selection: &selection, ctx: &ctx };
    let outcome = match (&args.output, ctx.binary()) {
        (_, true) => {
            // The workbook is written once every report is in.
            let mut fragments = Vec::new();
            batch.run(jobs, &mut fragments).and_then(|outcome| {
                let book = crate::output::workbook(&fragments, &outcome.summary.rules_csv(), ctx.wide.as_ref()?);
                let written = match &args.output {
                    Some(path) => std::fs::write(path, &book).map_err(|e| format!("{}：{e}", path.display())),
                    None => std::io::stdout().lock().write_all(&book).map_err(|e| e.to_string()),
                };
                written.map_err(|e| eprintln!("错误：无法写入输出文件 {e}")).ok().map(|()| outcome)
            })
        }
        (Some(path), false) => match std::fs::File::create(path) {
            Ok(file) => {
                let mut out = std::io::BufWriter::new(file);
                let outcome = batch.run(jobs, &mut out);
                outcome.filter(|_| out.flush().is_ok())
            }
            Err(e) => {
                eprintln!("错误：无法创建输出文件 {}：{e}", path.display());
                return ExitCode::from(2);
            }
        },
        (None, false) => {
            let stdout = std::io::stdout();
            // (No buffer of our own: a report's output is one write, tens of KB,
            // which stdout's line buffer passes straight through.)
            let mut out = stdout.lock();
            let outcome = batch.run(jobs, &mut out);
            outcome.filter(|_| out.flush().is_ok())
        }
    };
    let Some(outcome) = outcome else { return ExitCode::from(2) };
    if args.summary {
        let text = outcome.summary.text();
        if ctx.machine_readable() {
            eprint!("{text}");
        } else {
            print!("{text}");
        }
    }
    if outcome.unreadable {
        ExitCode::from(2)
    } else if outcome.errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The order in which inputs are checked, and which of them pair.
struct Plan {
    jobs: Vec<Job>,
    /// Each input's pairing key, as read before checking.
    keys: Vec<Option<Key>>,
    /// For each input, the input that is its agency's last year.
    previous: Vec<Option<usize>>,
    /// For each input, how many later years read it.
    readers: Vec<usize>,
}

#[derive(Clone, Copy)]
enum Job {
    /// Check an input, keep what a later year reads of it, and drop the rest.
    LastYear(usize),
    /// Check an input and write it.
    Report(usize),
}

impl Plan {
    fn new(inputs: &[Input], cross: bool, threads: usize) -> Plan {
        let n = inputs.len();
        let keys = if cross && n > 1 { keys(inputs, threads) } else { vec![None; n] };
        let previous = previous_years(&keys);
        let mut readers = vec![0; n];
        for p in previous.iter().flatten() {
            readers[*p] += 1;
        }
        let mut jobs = Vec::with_capacity(n);
        let mut ahead = vec![false; n];
        for (i, p) in previous.iter().enumerate() {
            // A last year that comes later in the input is checked ahead of its reader.
            if let Some(p) = *p {
                if p > i && !ahead[p] {
                    ahead[p] = true;
                    jobs.push(Job::LastYear(p));
                }
            }
            jobs.push(Job::Report(i));
        }
        Plan { jobs, keys, previous, readers }
    }
}

/// Each input's pairing key, read on `threads` threads.
fn keys(inputs: &[Input], threads: usize) -> Vec<Option<Key>> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut keys: Vec<Option<Key>> = vec![None; inputs.len()];
    let found = Mutex::new(&mut keys);
    std::thread::scope(|s| {
        for _ in 0..threads.min(inputs.len()) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(input) = inputs.get(i) else { break };
                let key = input.key();
                found.lock().unwrap_or_else(|e| e.into_inner())[i] = key;
            });
        }
    });
    keys
}

/// How far ahead of the writer the threads may be, in inputs.
fn window(threads: usize) -> usize {
    16 + 8 * threads
}

struct Batch<'a> {
    inputs: &'a [Input],
    plan: &'a Plan,
    selection: &'a Selection,
    ctx: &'a Context,
}

/// What the threads share.
struct Shared {
    state: Mutex<State>,
    changed: Condvar,
}

struct State {
    /// The next job to take.
    next: usize,
    /// Reports written so far.
    written: usize,
    /// Last years kept for the reports that read them (`None`: the report
    /// checked turned out not to be what its title said before, and pairs
    /// with nothing).
    last_years: HashMap<usize, Option<Arc<LastYear>>>,
    /// For each input, how many of its readers have yet to read it.
    readers_left: Vec<usize>,
    /// The writer stopped (stdout closed): the threads stop too.
    stopped: bool,
}

/// One report's part of the output.
struct Done {
    index: usize,
    bytes: Vec<u8>,
    tally: Tally,
    unreadable: bool,
    errors: bool,
}

struct Outcome {
    summary: Summary,
    unreadable: bool,
    errors: bool,
}

impl Batch<'_> {
    /// Checks every input and writes the reports in input order; `None`
    /// when the output could not be written.
    fn run(&self, threads: usize, out: &mut impl Write) -> Option<Outcome> {
        let state = State {
            next: 0,
            written: 0,
            last_years: HashMap::new(),
            readers_left: self.plan.readers.clone(),
            stopped: false,
        };
        let shared = Shared { state: Mutex::new(state), changed: Condvar::new() };
        let (tx, rx) = mpsc::channel::<Done>();
        std::thread::scope(|s| {
            for _ in 0..threads.clamp(1, self.inputs.len().max(1)) {
                let tx = tx.clone();
                let shared = &shared;
                s.spawn(move || self.work(shared, &tx, threads));
            }
            drop(tx);
            let written = self.write(&shared, rx, out);
            if written.is_none() {
                shared.state.lock().unwrap_or_else(|e| e.into_inner()).stopped = true;
                shared.changed.notify_all();
            }
            written
        })
    }

    /// The writer: each report's output in input order, as soon as it can.
    fn write(&self, shared: &Shared, rx: mpsc::Receiver<Done>, out: &mut impl Write) -> Option<Outcome> {
        let mut outcome = Outcome { summary: Summary::default(), unreadable: false, errors: false };
        out.write_all(&self.ctx.begin()).ok()?;
        let mut waiting: BTreeMap<usize, Done> = BTreeMap::new();
        let mut written = 0;
        let mut any = false;
        for done in rx {
            waiting.insert(done.index, done);
            while let Some(done) = waiting.remove(&written) {
                if !done.bytes.is_empty() {
                    if any {
                        out.write_all(self.ctx.separator()).ok()?;
                    }
                    out.write_all(&done.bytes).ok()?;
                    any = true;
                }
                outcome.summary.add(&done.tally);
                outcome.unreadable |= done.unreadable;
                outcome.errors |= done.errors;
                written += 1;
                let mut state = shared.state.lock().unwrap_or_else(|e| e.into_inner());
                state.written = written;
                drop(state);
                shared.changed.notify_all();
            }
        }
        out.write_all(&self.ctx.end()).ok()?;
        Some(outcome)
    }

    /// A thread: takes jobs in order, within the window, until none is left.
    fn work(&self, shared: &Shared, tx: &mpsc::Sender<Done>, threads: usize) {
        loop {
            let job = {
                let mut state = shared.state.lock().unwrap_or_else(|e| e.into_inner());
                loop {
                    if state.stopped {
                        return;
                    }
                    match self.plan.jobs.get(state.next) {
                        None => return,
                        Some(Job::Report(i)) if *i >= state.written + window(threads) => {
                            state = shared.changed.wait(state).unwrap_or_else(|e| e.into_inner());
                        }
                        Some(&job) => {
                            state.next += 1;
                            break job;
                        }
                    }
                }
            };
            match job {
                Job::LastYear(i) => {
                    let (report, _, _) = self.check(i, false);
                    self.keep(shared, i, &report);
                }
                Job::Report(i) => {
                    let done = self.report(shared, i);
                    if tx.send(done).is_err() {
                        return;
                    }
                }
            }
        }
    }

    /// Reads and checks one input: the report, the text, whether it could
    /// not be read (said on stderr when `say`). A panic in the checker (a
    /// bug) is that input's result, not the end of the batch.
    fn check(&self, i: usize, say: bool) -> (Report, String, bool) {
        let input = &self.inputs[i];
        let source = input.source();
        let checked = input.text().and_then(|text| {
            std::panic::catch_unwind(|| nianbao::check(&text, source.as_deref()))
                .map(|report| (report, text))
                .map_err(|_| "检查时程序内部出错（这是本工具的缺陷，请把这个文件反馈给开发者）".to_string())
        });
        match checked {
            Ok((report, text)) => (report, text, false),
            Err(why) => {
                if say {
                    eprintln!("{}: {why}", input.label());
                }
                (nianbao::unreadable(source.as_deref(), &why), String::new(), true)
            }
        }
    }

    /// Keeps what a later year reads of report `i`, once.
    fn keep(&self, shared: &Shared, i: usize, report: &Report) {
        let mut state = shared.state.lock().unwrap_or_else(|e| e.into_inner());
        if !state.last_years.contains_key(&i) {
            drop(state);
            let last = self.paired_as_planned(i, report).then(|| Arc::new(LastYear::of(report)));
            state = shared.state.lock().unwrap_or_else(|e| e.into_inner());
            state.last_years.insert(i, last);
        }
        drop(state);
        shared.changed.notify_all();
    }

    /// Whether the checked report has the key it was paired by (read from
    /// its head before; a text that is UTF-8 only in its head may differ).
    fn paired_as_planned(&self, i: usize, report: &Report) -> bool {
        Key::of(report) == self.plan.keys[i]
    }

    /// Checks input `i` against its last year (if any) and renders it.
    fn report(&self, shared: &Shared, i: usize) -> Done {
        let (mut report, text, unreadable) = self.check(i, true);
        if self.plan.readers[i] > 0 {
            self.keep(shared, i, &report);
        }
        if let Some(p) = self.plan.previous[i] {
            let last = {
                let mut state = shared.state.lock().unwrap_or_else(|e| e.into_inner());
                loop {
                    if let Some(last) = state.last_years.get(&p) {
                        break Some(last.clone());
                    }
                    if state.stopped {
                        break None;
                    }
                    state = shared.changed.wait(state).unwrap_or_else(|e| e.into_inner());
                }
            };
            if let Some(last) = last {
                if let Some(last) = last.filter(|_| self.paired_as_planned(i, &report)) {
                    report.diagnostics.extend(cross_year::check(&last, &report));
                }
                self.read_once(shared, p);
            }
        }
        report.select(self.selection);
        let mut bytes = Vec::with_capacity(if self.ctx.machine_readable() { text.len() * 4 } else { 4096 });
        self.ctx.render(&report, &self.inputs[i].label(), &text, unreadable, &mut bytes);
        Done { index: i, tally: Tally::of(&report, unreadable), errors: report.has_errors(), unreadable, bytes }
    }

    /// Report `p`'s last year has been read once more: dropped after its last reader.
    fn read_once(&self, shared: &Shared, p: usize) {
        let mut state = shared.state.lock().unwrap_or_else(|e| e.into_inner());
        state.readers_left[p] = state.readers_left[p].saturating_sub(1);
        if state.readers_left[p] == 0 {
            state.last_years.remove(&p);
        }
    }
}
