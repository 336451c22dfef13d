//! The one diagnostic type every rule emits and every renderer reads.

use crate::read::normalise::Span;
use crate::suggest::{Correction, Suggestion};
use crate::template::{ColKey, RowKey, TableId};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
    /// The word a Chinese reader sees.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// Another place the diagnostic is about (e.g. the cells that add up wrong).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Related {
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<RowKey>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<ColKey>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Stable, dotted: `requests.balance`.
    pub code: &'static str,
    /// Derived from the code (see the rule registry).
    pub severity: Severity,
    /// Chinese; says what is wrong, where, and what was expected.
    pub message: String,
    /// 1-based line in the original input.
    pub line: Option<usize>,
    pub table: Option<TableId>,
    pub row: Option<RowKey>,
    pub column: Option<ColKey>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Suggested changes, best first: on every diagnostic of a broken sum
    /// (possibly none) and on `table.value_count` one number off (see
    /// [`crate::suggest`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestions: Option<Vec<Suggestion>>,
    /// On a broken sum's diagnostic: what the table's arithmetic points at as a whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correction: Option<Correction>,
}

impl Diagnostic {
    pub fn new(code: &'static str, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            line: None,
            table: None,
            row: None,
            column: None,
            span: None,
            related: Vec::new(),
            help: None,
            suggestions: None,
            correction: None,
        }
    }
    pub fn line(mut self, line: Option<usize>) -> Self {
        self.line = line;
        self
    }
    pub fn at(mut self, table: TableId, row: Option<RowKey>, column: Option<ColKey>) -> Self {
        self.table = Some(table);
        self.row = row;
        self.column = column;
        self
    }
    pub fn span(mut self, span: Option<Span>) -> Self {
        self.span = span;
        self
    }
    pub fn related(mut self, related: Vec<Related>) -> Self {
        self.related = related;
        self
    }
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}
