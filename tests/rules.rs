//! Every rule's fixtures: tests/fixtures/rules/<code>/<case>.<2019|2021>.txt,
//! each with the diagnostics the report must get beside it in
//! <case>.<2019|2021>.expected, one a line: `code line`. The exact
//! multiset, nothing else, and every diagnostic with a line.
//!
//! Each rule has a folder, with a case that gets its code and one that
//! must not, in reports of both templates. A case of a rule across two
//! reports (`cross_year.*`) is its files of one name, checked together
//! (`case.2021-a.txt` and `case.2021-b.txt` when both are of one template).
//!
//! A new case is a new pair of files. Run with `BLESS_NEW=1` to write the
//! `.expected` of cases that have none, from what the checker gives today;
//! then read them and correct what is wrong.

use nianbao::rules::{input_unreadable, RULES};

/// Every rule about a text. (`input.unreadable` is about a file that gives
/// none: tests/cli.rs and the app's tests give it such files.)
fn all_rules() -> impl Iterator<Item = &'static nianbao::rules::Rule> {
    nianbao::rules::all_rules().filter(|r| r.code != input_unreadable::RULE.code)
}
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// `case.2021.txt` → (`case`, `2021`). Two reports of one template in a
/// case across years are `case.2021-a.txt` and `case.2021-b.txt`.
fn case_of(path: &Path) -> Option<(String, String)> {
    let stem = path.file_name()?.to_str()?.strip_suffix(".txt")?;
    let (case, template) = stem.rsplit_once('.')?;
    let template = template.split_once('-').map_or(template, |(t, _)| t);
    ["2019", "2021"].contains(&template).then(|| (case.to_string(), template.to_string()))
}

/// `code line` a diagnostic, sorted: a multiset to compare.
fn lines_of(report: &nianbao::Report) -> Vec<String> {
    let mut out: Vec<String> = report
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.code, d.line.map_or("-".to_string(), |l| l.to_string())))
        .collect();
    out.sort();
    out
}

fn expected_of(path: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut out: Vec<String> = text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
    out.sort();
    Some(out)
}

/// Lines only one side has, marked `-` (expected) and `+` (got).
fn diff(want: &[String], got: &[String]) -> String {
    let mut out = String::new();
    let (mut w, mut g) = (want.to_vec(), got.to_vec());
    for x in want {
        if let Some(i) = g.iter().position(|y| y == x) {
            g.remove(i);
            w.remove(w.iter().position(|y| y == x).unwrap());
        }
    }
    for x in &w {
        out.push_str(&format!("    - {x}\n"));
    }
    for x in &g {
        out.push_str(&format!("    + {x}\n"));
    }
    out
}

#[test]
fn every_rule_s_fixtures_get_exactly_their_expected_diagnostics() {
    let bless = std::env::var_os("BLESS_NEW").is_some();
    let mut failures = Vec::new();
    let mut checked = 0;
    for rule in all_rules() {
        let dir = root().join(rule.code);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            failures.push(format!("{}: no folder tests/fixtures/rules/{}/", rule.code, rule.code));
            continue;
        };
        // Cases by name: each of its files, by template.
        let mut cases: BTreeMap<String, Vec<(String, PathBuf)>> = BTreeMap::new();
        for path in entries.map(|e| e.unwrap().path()) {
            match case_of(&path) {
                Some((case, template)) => cases.entry(case).or_default().push((template, path)),
                None if path.extension().is_some_and(|x| x == "expected") => {}
                None => failures.push(format!("{}: not <case>.<2019|2021>.txt", path.display())),
            }
        }
        let single = RULES.iter().any(|r| r.code == rule.code);
        let (mut fires, mut quiet, mut templates) = (false, false, Vec::new());
        for (case, mut files) in cases {
            files.sort();
            let texts: Vec<String> = files.iter().map(|(_, p)| std::fs::read_to_string(p).unwrap()).collect();
            let names: Vec<String> =
                files.iter().map(|(_, p)| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
            let reports: Vec<nianbao::Report> = if single {
                texts.iter().zip(&names).map(|(t, n)| nianbao::check(t, Some(n))).collect()
            } else {
                let inputs: Vec<(&str, Option<&str>)> =
                    texts.iter().zip(&names).map(|(t, n)| (t.as_str(), Some(n.as_str()))).collect();
                nianbao::check_many(&inputs)
            };
            for ((template, path), report) in files.iter().zip(&reports) {
                checked += 1;
                templates.push(template.clone());
                let got = lines_of(report);
                let expected_path = path.with_extension("expected");
                let shown = format!("{}/{}", rule.code, path.file_name().unwrap().to_string_lossy());
                let Some(want) = expected_of(&expected_path) else {
                    if bless {
                        let lines: String = got.iter().map(|l| format!("{l}\n")).collect();
                        std::fs::write(&expected_path, lines).unwrap();
                    } else {
                        failures.push(format!(
                            "{shown}: no {} (it gets:\n{})",
                            expected_path.display(),
                            got.join("\n")
                        ));
                    }
                    continue;
                };
                if want != got {
                    failures.push(format!(
                        "{shown} ({case}): diagnostics differ from the .expected\n{}",
                        diff(&want, &got)
                    ));
                }
                if report.diagnostics.iter().any(|d| d.line.is_none()) {
                    failures.push(format!("{shown}: a diagnostic without a line"));
                }
                let has = want.iter().any(|l| l.split(' ').next() == Some(rule.code));
                fires |= has;
                quiet |= !has;
            }
        }
        if !fires || !quiet {
            failures.push(format!("{}: needs a case that gets the code and one that does not", rule.code));
        }
        for t in ["2019", "2021"] {
            if !templates.iter().any(|x| x == t) {
                failures.push(format!("{}: no case in the {t} template", rule.code));
            }
        }
    }
    // Every folder is a rule's.
    for entry in std::fs::read_dir(root()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !all_rules().any(|r| r.code == name) {
            failures.push(format!("tests/fixtures/rules/{name}/: no rule has this code"));
        }
    }
    assert!(failures.is_empty(), "{} of {checked} fixtures failed:\n{}", failures.len(), failures.join("\n"));
    assert!(checked >= 2 * 2 * all_rules().count());
}
