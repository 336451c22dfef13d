//! The TypeScript types shipped with the JS/WASM API (src/wasm_api/report.d.ts)
//! name exactly the keys and codes the core has: every diagnostic code, every
//! row and column key of the three tables. (The browser tests type-check
//! every seed's JSON against the same file with tsc.)

use nianbao::rules::all_rules;
use nianbao::template::{Registry, TableId};
use std::collections::BTreeSet;

const TYPES: &str = include_str!("../src/wasm_api/report.d.ts");

/// The string literals of `export type NAME = "a" | "b" …;`.
fn union(name: &str) -> BTreeSet<String> {
    let start =
        TYPES.find(&format!("export type {name} =")).unwrap_or_else(|| panic!("report.d.ts has no type {name}"));
    let body = &TYPES[start..];
    let body = &body[..body.find(';').expect("a type ends with ;")];
    body.split('"').skip(1).step_by(2).map(str::to_string).collect()
}

fn set<'a>(items: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    items.into_iter().map(str::to_string).collect()
}

fn same(name: &str, core: BTreeSet<String>) {
    let ts = union(name);
    assert_eq!(
        ts,
        core,
        "src/wasm_api/report.d.ts `{name}` differs from the core; add {:?}, remove {:?}",
        core.difference(&ts).collect::<Vec<_>>(),
        ts.difference(&core).collect::<Vec<_>>()
    );
}

#[test]
fn diagnostic_codes_are_the_rule_registry() {
    same("DiagnosticCode", all_rules().map(|r| r.code).collect::<Vec<_>>().into_iter().map(str::to_string).collect());
}

#[test]
fn severities_and_tables() {
    same("Severity", set(["error", "warning", "info"]));
    same("TableKey", set(TableId::ALL.iter().map(|t| t.key())));
}

#[test]
fn table_keys_are_the_template() {
    let registry = Registry::national();
    let versions = registry.versions();
    same("ActiveRow", set(registry.active_rows().iter().map(|r| r.spec.key.as_str())));
    let active =
        versions.iter().flat_map(|v| v.active.blocks.iter().flat_map(|b| b.columns.iter().map(|c| c.key.as_str())));
    same("ActiveColumn", set(active));
    same("RequestRow", set(versions.iter().flat_map(|v| v.requests.rows.iter().map(|r| r.key.as_str()))));
    same("RequestColumn", set(versions.iter().flat_map(|v| v.requests.columns.iter().map(|c| c.key.as_str()))));
    same("ReviewGroup", set(versions.iter().flat_map(|v| v.review.rows.iter().map(|r| r.key.as_str()))));
    same("ReviewColumn", set(versions.iter().flat_map(|v| v.review.columns.iter().map(|c| c.key.as_str()))));
    same("TemplateVersion", set(versions.iter().map(|v| v.name)));
}
