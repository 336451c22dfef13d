//! `meta.late`: the report was published or signed after the legal deadline.

use super::{Document, Rule, RuleDoc, RuleGroup};
use crate::read::meta::{agency_kind, AgencyKind, Date};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::{DEADLINE_DEPARTMENT, DEADLINE_GOVERNMENT};

pub const RULE: Rule = Rule {
    code: "meta.late",
    severity: Severity::Warning,
    group: RuleGroup::National,
    title: "发布或落款日期晚于法定公布期限",
    doc: RuleDoc {
        what: "部门的年度报告应在次年1月31日前、人民政府本级的年度报告应在次年3月31日前向社会公布。文中的发布日期（“发布日期：2022-02-15”）或报告末尾的落款日期晚于期限时提示。由标题中的机关名称判断是部门（局、委、办公室等）还是人民政府；判断不了的（如管委会、综合实验区）按3月31日计。",
        why: "逾期公布是条例明确规定的违规情形，审核和评估都会检查公布时间。",
        example: "XX市教育局2021年度报告的落款日期为2022年2月20日。",
        basis: "《中华人民共和国政府信息公开条例》第四十九条。",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(year) = doc.year else { return };
    let kind = agency_kind(doc.meta.agency.as_deref());
    let ((month, day), whose) = match kind {
        AgencyKind::Department => (DEADLINE_DEPARTMENT, "部门"),
        AgencyKind::Government => (DEADLINE_GOVERNMENT, "人民政府"),
        // Not told: the later deadline.
        AgencyKind::Unclear => (DEADLINE_GOVERNMENT, "人民政府（未能从机关名称判断是否为部门，按人民政府计）"),
    };
    let deadline = Date { year: year + 1, month, day };
    let mut seen: Vec<Date> = Vec::new();
    for (what, dated) in [("发布日期", doc.meta.published), ("落款日期", doc.meta.signed)] {
        let Some(dated) = dated.filter(|d| d.date > deadline && !seen.contains(&d.date)) else { continue };
        seen.push(dated.date);
        out.push(
            RULE.diag(format!(
                "{what}为{}，晚于{whose}{year}年度报告的公布期限（{}前）",
                dated.date.chinese(),
                deadline.chinese()
            ))
            .line(Some(dated.line)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::template::{v2019::V2019, v2021::V2021};
    use crate::testing::*;

    #[test]
    fn dates_after_the_deadline() {
        for v in [&V2019, &V2021] {
            let y = v.from_year;
            let next = y + 1;
            // (agency, a line under the report, late)
            let cases = [
                ("测试市教育局", format!("测试市教育局\n{next}年1月20日"), false),
                ("测试市教育局", format!("测试市教育局\n{next}年2月20日"), true),
                ("测试市人民政府", format!("测试市人民政府\n{next}年3月20日"), false),
                ("测试市人民政府", format!("测试市人民政府\n{next}年4月2日"), true),
                ("测试综合实验区", format!("发布时间: {next}-03-05 08:58"), false),
            ];
            for (agency, tail, late) in cases {
                let text = format!("{}{tail}\n", Sample::new(v).agency(agency).text());
                let r = crate::check(&text, None);
                assert_eq!(codes(&r).contains(&"meta.late"), late, "{agency} {tail}: {:?}", r.diagnostics);
            }
        }
        let text = format!("{}测试市教育局\n二〇二二年二月二十日\n", Sample::new(&V2021).agency("测试市教育局").text());
        let d = crate::check(&text, None).diagnostics.into_iter().find(|d| d.code == "meta.late").unwrap();
        assert_eq!(d.message, "落款日期为2022年2月20日，晚于部门2021年度报告的公布期限（2022年1月31日前）");
    }
}
