//! `meta.repealed_basis`: a report cites the repealed 条例, or the notice of
//! a format its year no longer uses, as its basis.

use super::{Document, Rule, RuleDoc, RuleGroup};
use crate::read::prose::stated;
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::{phrases, REGULATION_REVISED};

pub const RULE: Rule = Rule {
    code: "meta.repealed_basis",
    severity: Severity::Warning,
    group: RuleGroup::National,
    title: "引用已废止的条例或已被替代的年报格式通知",
    doc: RuleDoc {
        what: "2019年度及以后的年报，依据应为2019年修订的《中华人民共和国政府信息公开条例》（国务院令第711号），不应引用2007年的条例（国务院令第492号）；2021年度及以后的年报，格式依据应为国办公开办函〔2021〕30号，不应以国办公开办函〔2019〕60号为依据。同时引用新旧两者（如写明“国务院令第492号公布，国务院令第711号修订”）不提示。",
        why: "引用已废止的依据，多是沿用旧报告的开头未作修改，说明报告可能没有按现行格式编写。",
        example: "2022年度报告开头写“根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）要求”。",
        basis: "《中华人民共和国政府信息公开条例》（国务院令第711号，2019年5月15日起施行）；国办公开办函〔2021〕30号（2021年度起执行新格式）。",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(year) = doc.year else { return };
    let prose = doc.prose();
    let line = |at: usize| Some(doc.norm.line_at(at));
    if year >= REGULATION_REVISED && stated(prose, &phrases::CURRENT_REGULATION).is_none() {
        if let Some(at) = stated(prose, &phrases::REPEALED_REGULATION) {
            out.push(
                RULE.diag(format!(
                    "{year}年度报告引用了已废止的《中华人民共和国政府信息公开条例》（国务院令第492号），应依据2019年修订的条例（国务院令第711号）"
                ))
                .line(line(at))
                .span(doc.clause_span(at)),
            );
        }
    }
    let Some(required) = doc.registry.required_for(year) else { return };
    if stated(prose, required.notice.phrases).is_some() {
        return;
    }
    for older in doc.registry.versions().iter().filter(|v| v.from_year < required.from_year) {
        if let Some(at) = stated(prose, older.notice.phrases) {
            out.push(
                RULE.diag(format!(
                    "{year}年度报告以{}为依据，该通知规定的是{}年版格式；{}年度起应依据{}",
                    older.notice.name, older.name, required.from_year, required.notice.name
                ))
                .line(line(at))
                .span(doc.clause_span(at)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::template::{v2019::V2019, v2021::V2021};
    use crate::testing::*;

    /// Bases as real reports cite them, the year, and whether each must warn.
    const WORDINGS: &[(&str, i32, bool)] = &[
        ("根据《中华人民共和国政府信息公开条例》（国务院令第711号）和国办公开办函〔2021〕30号要求，编制本报告。", 2022, false),
        ("依据《中华人民共和国政府信息公开工作年度报告格式》(国办公开办函[2021]30号)编制。", 2022, false),
        ("根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）编制。", 2020, false),
        ("《条例》（2007年4月5日中华人民共和国国务院令第492号公布，2019年4月3日中华人民共和国国务院令第711号修订）", 2021, false),
        ("根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》(国办公开办函〔2019〕60号)编制。", 2022, true),
        ("根据《中华人民共和国政府信息公开条例》（国务院令第492号）要求，编制本报告。", 2020, true),
    ];

    #[test]
    fn wordings_of_real_reports() {
        for &(text, year, warns) in WORDINGS {
            let v = if year >= 2021 { &V2021 } else { &V2019 };
            let r = Sample::new(v).year(year).prose(0, text).check();
            assert_eq!(with_code(&r, "meta.repealed_basis").len(), usize::from(warns), "{text}: {:?}", r.diagnostics);
        }
        let r = Sample::new(&V2021).year(2022).prose(0, WORDINGS[4].0).check();
        assert_eq!(
            with_code(&r, "meta.repealed_basis")[0].message,
            "2022年度报告以国办公开办函〔2019〕60号为依据，该通知规定的是2019年版格式；2021年度起应依据国办公开办函〔2021〕30号"
        );
    }
}
