//! The list of diagnostics, and the rule pages they link to.

use crate::checked::Checked;
use crate::components::rule_docs;
use crate::components::suggestions::suggestions;
use crate::state::AppState;
use leptos::prelude::*;
use nianbao::rules::{all_heads, find_head, RuleHead};
use nianbao::Severity;
use std::sync::Arc;

pub fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "sev-error",
        Severity::Warning => "sev-warning",
        Severity::Info => "sev-info",
    }
}

#[component]
pub fn DiagnosticList(
    /// The last check.
    checked: Arc<Checked>,
    /// The app's state (selection, rule page).
    state: AppState,
) -> impl IntoView {
    let count = checked.report.diagnostics.len();
    let items = checked
        .report
        .diagnostics
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let code = d.code;
            let line = d.line.map(|l| format!("第{l}行"));
            view! {
                <li
                    class=format!("diag {}", severity_class(d.severity))
                    class:selected=move || state.selected.get() == Some(i)
                >
                    <button
                        type="button"
                        class="diag-main"
                        data-testid="diagnostic"
                        data-index=i
                        data-code=code
                        data-severity=d.severity.as_str()
                        data-line=d.line.map(|l| l.to_string()).unwrap_or_default()
                        aria-pressed=move || (state.selected.get() == Some(i)).to_string()
                        on:click=move |_| state.select(i)
                    >
                        <span class="badge">{d.severity.label()}</span>
                        <span class="msg">{d.message.clone()}</span>
                        <span class="meta">
                            <code>{code}</code>
                            {line.map(|l| view! { <span class="line-ref">{l}</span> })}
                        </span>
                        {d.help.clone().map(|h| view! { <span class="help">{h}</span> })}
                    </button>
                    <button
                        type="button"
                        class="link rule-link"
                        data-testid="explain"
                        aria-label=format!("规则说明：{code}")
                        on:click=move |_| state.rule.set(Some(code))
                    >
                        "说明"
                    </button>
                    {suggestions(&checked, i, state)}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="diagnostics" aria-labelledby="diag-title">
            <h2 id="diag-title">{format!("问题清单（{count}）")}</h2>
            {(count == 0).then(|| view! { <p class="none">"未发现问题。"</p> })}
            <ol class="diag-list" data-testid="diagnostics">{items}</ol>
        </section>
    }
}

/// One rule's page: its title and the parts of its documentation.
fn rule_doc(rule: &'static RuleHead) -> impl IntoView {
    let parts = rule_docs::parts(rule.code);
    view! {
        <p class="rule-title">
            <span class=format!("badge {}", severity_class(rule.severity))>{rule.severity.label()}</span>
            {rule.title}
        </p>
        {parts}
        <p class="rule-group"><strong>"规则组："</strong>{rule.group.label()}</p>
    }
}

/// The explanation of the rule last asked about.
#[component]
pub fn RulePanel(
    /// The app's state (which rule is open).
    state: AppState,
) -> impl IntoView {
    move || {
        let rule = find_head(state.rule.get()?)?;
        rule_docs::want();
        Some(view! {
            <section
                id="rule-panel"
                class="rule-panel"
                tabindex="-1"
                aria-labelledby="rule-title"
                data-testid="rule"
                data-code=rule.code
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Escape" {
                        state.rule.set(None);
                    }
                }
            >
                <div class="rule-head">
                    <h2 id="rule-title">"规则说明："<code>{rule.code}</code></h2>
                    <button type="button" class="close" aria-label="关闭规则说明" on:click=move |_| state.rule.set(None)>
                        "×"
                    </button>
                </div>
                {rule_doc(rule)}
            </section>
        })
    }
}

/// Every rule the checker has, each with its page.
#[component]
pub fn RulesList() -> impl IntoView {
    let rules = all_heads()
        .map(|r| {
            view! {
                <details class="rule-item" data-code=r.code data-group=r.group.key()>
                    <summary on:click=|_| rule_docs::want()><code>{r.code}</code>" "{r.title}</summary>
                    {rule_doc(r)}
                </details>
            }
        })
        .collect_view();
    view! {
        <section class="rules" aria-labelledby="rules-title">
            <h2 id="rules-title">"全部检查规则"</h2>
            {rules}
        </section>
    }
}
