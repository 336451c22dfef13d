//! `section.government_items`: a people's government's own report does not
//! report 工作考核、社会评议和责任追究结果.

use super::{Document, Rule, RuleDoc, RuleGroup};
use crate::read::meta::{agency_kind, AgencyKind};
use crate::read::prose::stated;
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::GOVERNMENT_ITEMS;

pub const RULE: Rule = Rule {
    code: "section.government_items",
    severity: Severity::Warning,
    group: RuleGroup::National,
    title: "人民政府的年报未报告工作考核、社会评议和责任追究结果",
    doc: RuleDoc {
        what: "各级人民政府本级的年度报告（由标题中的机关名称判断，如“XX市人民政府”；部门的报告不适用）还应报告政府信息公开工作考核、社会评议和责任追究结果情况。正文中完全没有写到其中某一项（“考核”“绩效”；“评议”“社会评价”“第三方评估”“满意度”；“责任追究”“追责”“问责”）时提示。",
        why: "条例对人民政府的年报多规定了这一项内容，第三方评估逐项核对；漏写即内容不全。",
        example: "XX区人民政府的年报只写了考核，没有社会评议和责任追究的情况。",
        basis: "《中华人民共和国政府信息公开条例》第五十条第（四）项：“各级人民政府的政府信息公开工作年度报告还应当包括工作考核、社会评议和责任追究结果情况”。",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    if agency_kind(doc.meta.agency.as_deref()) != AgencyKind::Government {
        return;
    }
    let prose = doc.prose();
    let mut missing = String::new();
    for t in GOVERNMENT_ITEMS.iter().filter(|t| stated(prose, t.phrases).is_none()) {
        missing.push_str(&format!("“{}”", t.name));
    }
    if missing.is_empty() {
        return;
    }
    let one = doc.section(1);
    let line = one.map(|s| s.line).or(doc.meta.title_line);
    out.push(
        RULE.diag(format!(
            "{}的年度报告应报告工作考核、社会评议和责任追究结果情况，正文中未见{}",
            doc.meta.agency.as_deref().unwrap_or("人民政府"),
            missing
        ))
        .line(line)
        .span(one.and_then(|s| doc.heading_span(s))),
    );
}

#[cfg(test)]
mod tests {
    use crate::template::{v2019::V2019, v2021::V2021};
    use crate::testing::*;

    /// How real reports give these, and how many of the three each leaves out.
    const WORDINGS: &[(&str, usize)] = &[
        ("将政务公开纳入绩效考核体系，委托第三方机构开展社会评估，对相关责任人进行问责。", 0),
        ("把政务公开纳入年度目标考核，开展群众满意度测评，落实责任追究制度。", 0),
        ("坚持把政务公开工作纳入绩效考核体系，完善政务公开考核方式。", 2),
        ("本年度政府信息公开工作有序开展。", 3),
    ];

    #[test]
    fn wordings_of_real_reports() {
        for v in [&V2019, &V2021] {
            for &(text, missing) in WORDINGS {
                let r = Sample::new(v).agency("测试市人民政府").prose(5, text).check();
                let d = with_code(&r, "section.government_items");
                assert_eq!(d.len(), usize::from(missing > 0), "{text}: {:?}", r.diagnostics);
                if let Some(d) = d.first() {
                    assert_eq!(d.message.matches('“').count(), missing, "{}", d.message);
                }
                // A department's report need not.
                let r = Sample::new(v).agency("测试市人民政府办公室").prose(5, text).check();
                assert!(!codes(&r).contains(&"section.government_items"));
            }
        }
    }
}
