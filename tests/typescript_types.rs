//! The TypeScript types shipped with the JS/WASM API (src/wasm_api/report.d.ts)
//! name exactly the keys and codes the core has: every diagnostic code, every
//! row and column key of the three tables. (The browser tests type-check
//! every seed's JSON against the same file with tsc.)

use nianbao::rules::all_rules;
use nianbao::template::{
    active_columns, TableId, Version, ACTIVE_ROWS, REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS,
};
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
    same("ActiveRow", set(ACTIVE_ROWS.iter().map(|r| r.key)));
    let mut active = BTreeSet::new();
    for r in ACTIVE_ROWS {
        for v in [Version::V2019, Version::V2021] {
            active.extend(active_columns(r.block, v).iter().map(|c| c.key.to_string()));
        }
    }
    same("ActiveColumn", active);
    same("RequestRow", set(REQUEST_ROWS.iter().filter(|r| r.in_2019 || r.in_2021).map(|r| r.key)));
    same("RequestColumn", set(REQUEST_COLUMNS.iter().map(|c| c.key)));
    same("ReviewGroup", set(REVIEW_GROUPS.iter().map(|c| c.key)));
    same("ReviewColumn", set(REVIEW_COLUMNS.iter().map(|c| c.key)));
}
