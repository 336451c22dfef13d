//! The rules' documentation, fetched from `rule-docs.tsv` beside the page
//! (generated from the rules, tests/rule_docs.rs; kept offline by the
//! service worker) the first time a rule's page is opened: the app's wasm
//! refers only to the rules' heads, so the documentation's text is not in
//! its first load.

use crate::web;
use leptos::prelude::*;
use nianbao::rules::RuleDoc;
use std::collections::HashMap;
use std::sync::Arc;

/// Each rule's four parts (检查内容, 为什么, 示例, 依据) by code.
type Docs = HashMap<String, [String; 4]>;

#[derive(Clone)]
enum Loaded {
    /// Not asked for yet (or the last try failed: asked again).
    Idle,
    Loading,
    Ready(Arc<Docs>),
    Failed(String),
}

thread_local! {
    static DOCS: ArcRwSignal<Loaded> = ArcRwSignal::new(Loaded::Idle);
}

/// `code\twhat\twhy\texample\tbasis`, one rule a line.
fn parse(tsv: &str) -> Docs {
    tsv.lines()
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let code = fields.next()?.to_string();
            let mut parts: [String; 4] = Default::default();
            for part in &mut parts {
                *part = fields.next()?.to_string();
            }
            Some((code, parts))
        })
        .collect()
}

/// Fetches the documentation unless it is there or on its way.
pub fn want() {
    let docs = DOCS.with(Clone::clone);
    if matches!(*docs.read_untracked(), Loaded::Loading | Loaded::Ready(_)) {
        return;
    }
    docs.set(Loaded::Loading);
    leptos::task::spawn_local(async move {
        docs.set(match web::fetch_text("rule-docs.tsv").await {
            Ok(tsv) => Loaded::Ready(Arc::new(parse(&tsv))),
            Err(e) => Loaded::Failed(e),
        });
    });
}

/// A rule's page's four parts: the headings at once, each text once fetched.
pub fn parts(code: &'static str) -> impl IntoView {
    let docs = DOCS.with(Clone::clone);
    move || {
        let docs = docs.get();
        RuleDoc::HEADINGS
            .iter()
            .enumerate()
            .map(|(i, head)| {
                let text = match &docs {
                    Loaded::Ready(d) => d.get(code).map(|p| p[i].clone()).unwrap_or_default(),
                    Loaded::Failed(e) if i == 0 => format!("无法载入规则说明：{e}"),
                    Loaded::Failed(_) => String::new(),
                    Loaded::Idle | Loaded::Loading => "…".into(),
                };
                view! { <p><strong>{format!("{head}：")}</strong>{text}</p> }
            })
            .collect_view()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_file_has_every_rules_four_parts_and_is_kept_offline() {
        let docs = super::parse(include_str!("../rule-docs.tsv"));
        for rule in nianbao::rules::all_rules() {
            let parts = rule.doc.parts().map(|(_, text)| text.to_string());
            assert_eq!(docs.get(rule.code), Some(&parts), "{}", rule.code);
        }
        assert!(include_str!("../../../index.html")
            .contains(r#"<link data-trunk rel="copy-file" href="src/app/rule-docs.tsv">"#));
        assert!(include_str!("../js/sw.js").contains("'rule-docs.tsv'"));
    }
}
