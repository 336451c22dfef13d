//! The rules' documentation as the app fetches it on first use
//! (src/app/rule-docs.tsv, copied beside the page by Trunk): the app's wasm
//! refers only to the rules' heads, so their documentation, 9 KB gzip, stays
//! out of its first load. The file is generated from the rules; after a
//! change to a rule's documentation, write it again with
//! `NIANBAO_WRITE_RULE_DOCS=1 cargo test --test rule_docs`.

use nianbao::rules::all_rules;

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/app/rule-docs.tsv");

/// One rule a line: code, then 检查内容, 为什么, 示例, 依据; tab-separated.
fn generated() -> String {
    let mut out = String::new();
    for rule in all_rules() {
        out.push_str(rule.code);
        for (heading, text) in rule.doc.parts() {
            assert!(
                !text.contains(['\t', '\n', '\r']),
                "{} {heading}: a tab or line break cannot go in the TSV",
                rule.code
            );
            out.push('\t');
            out.push_str(text);
        }
        out.push('\n');
    }
    out
}

#[test]
fn the_apps_rule_docs_are_the_rules_documentation() {
    let want = generated();
    if std::env::var_os("NIANBAO_WRITE_RULE_DOCS").is_some() {
        std::fs::write(FILE, &want).unwrap();
    }
    let have = std::fs::read_to_string(FILE).unwrap_or_default();
    assert!(
        have == want,
        "src/app/rule-docs.tsv differs from the rules' documentation; write it again with \
         NIANBAO_WRITE_RULE_DOCS=1 cargo test --test rule_docs"
    );
}
