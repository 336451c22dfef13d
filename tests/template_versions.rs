//! A template version is data: a third version, declared here in test code
//! as a new file would declare it and added to a registry, is recognised,
//! read and checked with no change to the checker.

use nianbao::template::keys::requests as q;
use nianbao::template::v2019::V2019;
use nianbao::template::v2021::V2021;
use nianbao::template::{Equation, Form, GridSpec, Registry, RowKey, RowSpec, TableId, Version};
use nianbao::testing::{with_code, Sample};

/// The new row of the imagined 2026 format: 不予处理 gets a sixth reason.
const WITHDRAWN: RowKey = RowKey("3.5.6");

fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

/// The 2021 template with one more row in table 三, required from 2026.
fn v2026() -> &'static Version {
    let mut rows: Vec<RowSpec> = V2021.requests.rows.to_vec();
    let at = rows.iter().position(|r| r.key == RowKey("3.5.5")).unwrap() + 1;
    rows.insert(at, RowSpec { key: WITHDRAWN, ordinal: "6.", label: "申请人主动撤回申请", variants: &[] });
    let rows = leak(rows);
    let outcome: Vec<RowKey> =
        rows.iter().map(|r| r.key).filter(|k| k.is_under("3") && *k != q::OUTCOME_TOTAL).collect();
    let mut equations: Vec<Equation> = Vec::new();
    for eq in V2021.requests.equations {
        let form = match &eq.form {
            Form::EachColumn { left, .. } if eq.code == "requests.outcome_total" => {
                Form::EachColumn { left, right: leak(outcome.clone()) }
            }
            Form::EachColumn { left, right } => Form::EachColumn { left, right },
            Form::EachRow { total, parts } => Form::EachRow { total: *total, parts },
        };
        equations.push(Equation { code: eq.code, form });
    }
    let grid = |g: &'static GridSpec| GridSpec {
        rows: g.rows,
        groups: g.groups,
        columns: g.columns,
        equations: g.equations,
        cue_rows: g.cue_rows,
        header_words: g.header_words,
        usually_blank: g.usually_blank,
    };
    Box::leak(Box::new(Version {
        name: "2026",
        from_year: 2026,
        active: nianbao::template::ActiveSpec { blocks: V2021.active.blocks, header_cues: V2021.active.header_cues },
        requests: GridSpec {
            rows,
            equations: leak(equations),
            cue_rows: leak(vec![WITHDRAWN]),
            ..grid(&V2021.requests)
        },
        review: grid(&V2021.review),
        asks_fee_statement: true,
        overview_topics: V2021.overview_topics,
        // (A real new format's notice would have its phrases in template::phrases.)
        notice: nianbao::template::Notice { name: "国办公开办函〔2026〕1号", phrases: V2021.notice.phrases },
    }))
}

fn registry() -> (&'static Registry, &'static Version) {
    let v = v2026();
    (Box::leak(Box::new(Registry::new(vec![&V2019, &V2021, v]))), v)
}

#[test]
fn a_report_in_a_third_version_is_read_by_its_rows_and_arithmetic() {
    let (registry, v) = registry();
    let t = TableId::Requests;
    let sample = Sample::new(v)
        .row(t, q::NEW, &[3, 0, 0, 0, 0, 0, 3])
        .row(t, q::GRANTED, &[1, 0, 0, 0, 0, 0, 1])
        .row(t, WITHDRAWN, &[2, 0, 0, 0, 0, 0, 2])
        .row(t, q::OUTCOME_TOTAL, &[3, 0, 0, 0, 0, 0, 3]);
    let r = sample.check_with(registry);
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    assert_eq!(r.template.map(|t| t.as_str()), Some("2026"));
    assert_eq!(r.requests_row(WITHDRAWN).unwrap().get(&q::TOTAL), Some(&2));
    // Its arithmetic counts the new row: leave it out of （七）总计 and the rule says so.
    let r = sample.row(t, q::OUTCOME_TOTAL, &[1, 0, 0, 0, 0, 0, 1]).check_with(registry);
    let d = with_code(&r, "requests.outcome_total");
    assert_eq!(d.len(), 2, "{:?}", r.diagnostics);
    assert!(d[0].message.contains("不予处理第6项=2"), "{}", d[0].message);
}

#[test]
fn the_year_requires_the_third_version() {
    let (registry, _) = registry();
    let r = Sample::new(&V2021).year(2026).check_with(registry);
    let d = with_code(&r, "template.outdated");
    assert!(!d.is_empty(), "{:?}", r.diagnostics);
    assert!(d[0].message.contains("使用了2021年版格式，应使用2026年版格式"), "{}", d[0].message);
    // The national registry knows nothing of it.
    assert!(with_code(&Sample::new(&V2021).year(2026).check(), "template.outdated").is_empty());
}
