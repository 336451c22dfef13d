//! The app's state: the text, the last check, the selection, and messages.
//! Signals wired to plain types; the checking itself is `nianbao::check`.

use crate::author::Author;
use crate::checked::Checked;
use crate::web::{self, storage};
use leptos::prelude::*;
use nianbao::rules::{RuleGroup, Selection};
use std::sync::Arc;
use std::time::Duration;

/// How long typing must pause before the text is checked again.
pub const CHECK_DELAY: Duration = Duration::from_millis(150);
/// The topic of the notice that a suggestion was applied (it has 撤销).
pub const APPLIED: &str = "applied";
/// How long typing must pause before the text is saved.
pub const SAVE_DELAY: Duration = Duration::from_millis(400);

/// What the page is for: checking a text, or filling the tables in (填报).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Check,
    Author,
}

/// Where the mode is kept between visits.
const MODE: &str = "nianbao.mode";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
    Info,
}

/// A message at the top of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub level: Level,
    pub text: String,
    /// What the message is about, so that a later success can take it away.
    pub topic: &'static str,
}

/// Last year's report, as the batch pairs it with the text shown.
#[derive(Clone)]
pub struct LastYearText {
    pub name: String,
    pub text: String,
    /// What the year-against-year rules read of it.
    pub kept: Arc<nianbao::rules::cross_year::LastYear>,
}

impl LastYearText {
    pub fn new(name: String, text: String) -> Self {
        let kept = Arc::new(nianbao::rules::cross_year::LastYear::of(&nianbao::check(&text, Some(&name))));
        LastYearText { name, text, kept }
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// The input as typed (the textarea follows it).
    pub text: RwSignal<String>,
    /// The file name of the text, when it came from a file or an example.
    pub source: RwSignal<Option<String>>,
    /// The last check: of the text (`None` while it is empty), or in the
    /// 填报 mode of the grid.
    pub checked: RwSignal<Option<Arc<Checked>>>,
    pub mode: RwSignal<Mode>,
    /// The 填报 mode's grid (src/app/author).
    pub author: Author,
    /// The diagnostic clicked last (its index in the list).
    pub selected: RwSignal<Option<usize>>,
    /// The rule whose explanation is open.
    pub rule: RwSignal<Option<&'static str>>,
    pub notice: RwSignal<Option<Notice>>,
    /// Counts checks (the page shows it as `data-revision` for tests).
    pub revision: RwSignal<u64>,
    /// The rule groups left out (every group runs by default).
    pub ignored: RwSignal<Vec<RuleGroup>>,
    /// Last year's report of the same agency, when the text is a row of the
    /// batch paired with one: the text is checked against it too.
    pub last_year: StoredValue<Option<LastYearText>>,
    /// The text before the suggestion last applied (the notice's 撤销
    /// restores it), until the text is edited otherwise.
    applied: StoredValue<Option<String>>,
    check_timer: StoredValue<Option<TimeoutHandle>>,
    save_timer: StoredValue<Option<TimeoutHandle>>,
}

impl AppState {
    pub fn new() -> Self {
        AppState {
            text: RwSignal::new(String::new()),
            source: RwSignal::new(None),
            checked: RwSignal::new(None),
            mode: RwSignal::new(Mode::Check),
            author: Author::new(),
            selected: RwSignal::new(None),
            rule: RwSignal::new(None),
            notice: RwSignal::new(None),
            revision: RwSignal::new(0),
            ignored: RwSignal::new(Vec::new()),
            last_year: StoredValue::new(None),
            applied: StoredValue::new(None),
            check_timer: StoredValue::new(None),
            save_timer: StoredValue::new(None),
        }
    }

    /// Restores the rule groups and the text kept from the last visit, and
    /// checks it.
    pub fn restore(self) {
        match storage::load_ignored() {
            Ok(keys) => {
                self.ignored.set(RuleGroup::ALL.into_iter().filter(|g| keys.split(',').any(|k| k == g.key())).collect())
            }
            Err(e) => self.tell(Level::Warning, "storage", format!("无法读取本地保存的规则设置：{e}")),
        }
        match storage::load() {
            Ok(Some((text, source))) => {
                self.text.set(text);
                self.source.set(source);
                self.check_now();
            }
            Ok(None) => {}
            Err(e) => self.tell(Level::Warning, "storage", format!("无法读取本地保存的文本：{e}")),
        }
        if storage::item(MODE).ok().flatten().as_deref() == Some("author") {
            self.set_mode(Mode::Author);
        }
    }

    /// Switches between checking the text and the 填报 mode (kept for the next visit).
    pub fn set_mode(self, mode: Mode) {
        if self.mode.get_untracked() == mode {
            return;
        }
        self.applied.set_value(None);
        // (A storage that refuses is told of when the grid is saved.)
        let _ = storage::set_item(MODE, if mode == Mode::Author { "author" } else { "check" });
        match mode {
            // (The grid checked before the page shows it.)
            Mode::Author => {
                self.author.open(self);
                self.mode.set(mode);
            }
            Mode::Check => {
                self.mode.set(mode);
                self.check_now();
            }
        }
    }

    /// The user typed or pasted: a paste is checked at once, typing after a pause.
    pub fn edited(self, text: String, pasted: bool) {
        self.applied.set_value(None);
        self.text.set(text);
        if pasted {
            self.check_now();
        } else {
            restart(self.check_timer, CHECK_DELAY, move || self.check_now());
        }
        restart(self.save_timer, SAVE_DELAY, move || self.save());
    }

    /// Replaces the text with a file's or an example's (and shows its check).
    pub fn load(self, name: String, text: String) {
        self.set_mode(Mode::Check);
        self.applied.set_value(None);
        self.last_year.set_value(None);
        self.source.set(Some(name));
        self.text.set(text);
        self.check_now();
        self.save();
    }

    pub fn clear(self) {
        self.set_mode(Mode::Check);
        self.applied.set_value(None);
        self.last_year.set_value(None);
        self.source.set(None);
        self.text.set(String::new());
        self.check_now();
        match storage::clear() {
            Ok(()) => self.tell(Level::Info, "storage", "已清空输入，本地保存的文本也已删除".into()),
            Err(e) => self.tell(Level::Warning, "storage", format!("无法删除本地保存的文本：{e}")),
        }
    }

    /// Runs a rule group or leaves it out, keeps the choice, and checks again.
    pub fn run_group(self, group: RuleGroup, on: bool) {
        self.ignored.update(|ignored| {
            ignored.retain(|&g| g != group);
            if !on {
                ignored.push(group);
            }
        });
        let keys: Vec<&str> = self.ignored.with_untracked(|i| i.iter().map(|g| g.key()).collect());
        if let Err(e) = storage::save_ignored(&keys.join(",")) {
            self.tell(
                Level::Warning,
                "storage",
                format!("无法在本浏览器中保存规则设置（{e}）；重新加载页面后将恢复为全部规则"),
            );
        }
        self.check_now();
    }

    /// The rules the user chose: every rule but the groups left out.
    pub fn selection(self) -> Selection {
        let keys: Vec<&str> = self.ignored.with_untracked(|i| i.iter().map(|g| g.key()).collect());
        Selection::parse("", &keys.join(",")).unwrap_or_default()
    }

    pub fn check_now(self) {
        if let Some(h) = self.check_timer.get_value() {
            h.clear();
        }
        // (The 填报 mode shows the grid's check, not the text's.)
        if self.mode.get_untracked() == Mode::Author {
            return;
        }
        let checked = self.text.with_untracked(|text| {
            if text.trim().is_empty() {
                return None;
            }
            let source = self.source.get_untracked();
            let start = web::now();
            let mut report = nianbao::check(text, source.as_deref());
            self.last_year.with_value(|last| {
                if let Some(last) = last {
                    report.diagnostics.extend(nianbao::rules::cross_year::check(&last.kept, &report));
                }
            });
            report.select(&self.selection());
            Some(Arc::new(Checked::new(report, web::now() - start)))
        });
        self.selected.set(None);
        self.checked.set(checked);
        self.revision.update(|r| *r += 1);
    }

    fn save(self) {
        if let Some(h) = self.save_timer.get_value() {
            h.clear();
        }
        let result = self.text.with_untracked(|t| storage::save(t, self.source.get_untracked().as_deref()));
        match result {
            Ok(()) => {
                if self
                    .notice
                    .with_untracked(|n| n.as_ref().is_some_and(|n| n.topic == "storage" && n.level != Level::Info))
                {
                    self.notice.set(None);
                }
            }
            Err(e) => self.tell(
                Level::Warning,
                "storage",
                format!("无法在本浏览器中保存文本（{e}）；重新加载页面后文本将丢失，请自行保存"),
            ),
        }
    }

    pub fn tell(self, level: Level, topic: &'static str, text: String) {
        self.notice.set(Some(Notice { level, text, topic }));
    }

    /// Makes suggested changes in the text (the numbers at their spans),
    /// checks it again (the source view shows the new text), and says so in
    /// a notice with 撤销 ([`Self::undo`]).
    pub fn apply(self, changes: &[nianbao::suggest::Suggestion], what: String) {
        if self.mode.get_untracked() == Mode::Author {
            return self.author.apply(self, changes, what);
        }
        let before = self.text.get_untracked();
        match nianbao::suggest::apply(&before, changes) {
            Some(text) => {
                self.edited(text, true);
                self.applied.set_value(Some(before));
                self.tell(Level::Info, APPLIED, format!("已应用：{what}"));
            }
            None => self.tell(Level::Warning, "apply", "原文在检查之后又有改动，请待重新检查后再应用".into()),
        }
    }

    /// Undoes the suggestion last applied.
    pub fn undo(self) {
        if self.mode.get_untracked() == Mode::Author {
            return self.author.undo(self);
        }
        if let Some(before) = self.applied.get_value() {
            self.edited(before, true);
            self.notice.set(None);
        }
    }

    /// Selects a diagnostic (and so highlights its cells and lines).
    pub fn select(self, index: usize) {
        self.selected.set(Some(index));
    }
}

/// (Re)starts a timer: only the last of a burst of calls runs.
pub fn restart(timer: StoredValue<Option<TimeoutHandle>>, delay: Duration, f: impl FnOnce() + 'static) {
    if let Some(h) = timer.get_value() {
        h.clear();
    }
    timer.set_value(set_timeout_with_handle(f, delay).ok());
}
