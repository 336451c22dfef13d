//! `template.legacy`: a report for 2019 or later written in the layout used
//! before 2019 (seven parts, 收费及减免, no 表二/三/四).

use super::{Document, Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::{TableId, LEGACY_HEADINGS};
use crate::util::find::find;

pub const RULE: Rule = Rule {
    code: "template.legacy",
    severity: Severity::Error,
    group: RuleGroup::National,
    title: "2019年度及以后的年报仍按2019年以前的旧格式编写",
    doc: RuleDoc {
        what: "报告没有表二、表三、表四，而有2019年以前旧格式的部分标题（“政府信息公开工作的基本情况”“依申请公开政府信息情况”“政府信息公开的收费及减免情况”“因政府信息公开申请行政复议、提起行政诉讼的情况”“存在的主要问题和工作打算”等中的两个以上）。这样的报告只提示这一项，不再逐一提示缺少三张表和缺少部分。",
        why: "2019年修订的条例施行后，年报须按国家统一格式编写，三张统计表不能遗漏；按旧格式编写的报告缺少法定内容，只能重写。",
        example: "2020年度报告的标题为“一、概述”“三、依申请公开政府信息情况”“四、政府信息公开的收费及减免情况”，没有统计表。",
        basis: "《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2019〕60号、国办公开办函〔2021〕30号（年报格式“不能遗漏”）。",
    },
    check,
};

/// The old layout's headings a report has (two or more, with no table
/// found), and where the first stands; `None` otherwise. `table.missing`
/// and `section.missing` say nothing of such a report: this rule says why.
pub fn legacy_layout(doc: &Document) -> Option<(usize, Vec<&'static str>)> {
    if TableId::ALL.iter().any(|&t| doc.table(t).found) {
        return None;
    }
    if doc.year.is_some_and(|y| doc.registry.required_for(y).is_none()) {
        return None;
    }
    let text = doc.text();
    let mut first = usize::MAX;
    let mut found = Vec::new();
    for &heading in LEGACY_HEADINGS {
        if let Some(at) = find(text, heading) {
            first = first.min(at);
            found.push(heading);
        }
    }
    (found.len() >= 2).then_some((first, found))
}

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some((at, found)) = legacy_layout(doc) else { return };
    let required = doc.registry.assumed_for(doc.year);
    let mut quoted = String::new();
    for h in found.iter().take(3) {
        quoted.push_str(&format!("“{h}”"));
    }
    let year = doc.year.map_or_else(|| "本".to_string(), |y| y.to_string());
    out.push(
        RULE.diag(format!(
            "报告按2019年以前的旧格式编写（有{}等部分，没有表二、表三、表四）；{year}年度报告应按{}年版格式编写，包括三张统计表",
            quoted,
            required.name
        ))
        .line(Some(doc.norm.line_at(at)))
        .span(doc.clause_span(at)),
    );
}

#[cfg(test)]
mod tests {
    use crate::template::v2021::V2021;
    use crate::testing::*;

    fn legacy(year: i32) -> String {
        format!(
            "测试市测试局\n{year}年度政府信息公开工作年度报告\n本报告统计期限自{year}年1月1日起至{year}年12月31日止。\n\
             一、概述\n本年度工作有序开展。\n二、主动公开政府信息情况\n本年度主动公开政府信息120条。\n\
             三、依申请公开政府信息情况\n本年度收到申请3件，均已答复。\n四、政府信息公开的收费及减免情况\n本年度未收取任何费用。\n\
             五、因政府信息公开申请行政复议、提起行政诉讼的情况\n无。\n六、政府信息公开工作存在的主要问题和工作打算\n下一步将加强培训。\n\
             七、其他需要报告的事项\n无。\n"
        )
    }

    #[test]
    fn the_old_layout_is_one_error_not_three_missing_tables() {
        let r = crate::check(&legacy(2020), None);
        let d = with_code(&r, "template.legacy");
        assert_eq!(d.len(), 1, "{:?}", r.diagnostics);
        assert_eq!(d[0].line, Some(4));
        assert!(d[0].message.contains("“概述”“依申请公开政府信息情况”“收费及减免”"), "{}", d[0].message);
        assert!(
            !codes(&r).contains(&"table.missing") && !codes(&r).contains(&"section.missing"),
            "{:?}",
            r.diagnostics
        );
        // A report in the template is not.
        assert!(!codes(&Sample::new(&V2021).check()).contains(&"template.legacy"));
        // Nor a report of the years the old layout was the rule.
        assert!(!codes(&crate::check(&legacy(2017), None)).contains(&"template.legacy"));
    }
}
