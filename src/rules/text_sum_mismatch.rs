//! `text.sum_mismatch`: a stated total disagrees with its listed parts.

use super::{Document, Rule, RuleDoc, RuleGroup};
use crate::read::prose::stated_sums;
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::phrases;
use crate::util::find::contains;

pub const RULE: Rule = Rule {
    code: "text.sum_mismatch",
    severity: Severity::Warning,
    group: RuleGroup::National,
    title: "正文所述总数与所列分项之和不一致",
    doc: RuleDoc {
        what: "正文写明总数并逐项列出分项时（如“共主动公开政府信息42条，……组织机构1条；政策文件2条；……”），分项之和应等于总数。分项之和小于总数时，只在所列分项像是全部分项（三项以上，或有“其他”一项，且不以“等”结尾）时提示：“其中政策文件2条、通知公告13条等”只是举例。前几项之和已等于总数、其后接着写另一种计数（如“……其他信息31条；通过微博发布信息98条”）时不提示。",
        why: "分项与总数不符，说明其中某个数字写错或漏列。",
        example: "“主动公开政府信息31条……组织机构6条；政策文件1条；通知公告13条”，各项之和为20。",
        basis: "年报正文应准确反映主动公开情况（《中华人民共和国政府信息公开条例》第五十条）。",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    let prose = doc.prose();
    for sum in stated_sums(prose, &phrases::ACTIVE_TOTAL) {
        let parts_sum: i64 = sum.parts.iter().map(|p| p.1).sum();
        // The first parts make the total and the list goes on with another
        // count (`其中动态类信息8条…其他信息31条；通过微博发布信息98条`).
        let mut running = 0;
        if parts_sum > sum.total.value
            && sum.parts.iter().any(|p| {
                running += p.1;
                running == sum.total.value
            })
        {
            continue;
        }
        // Parts that add to less may be examples of the total, not all of it.
        let all_listed = !sum.goes_on
            && (sum.parts.len() >= 3
                || sum.parts.iter().any(|(l, _)| phrases::LIST_REST.iter().any(|w| contains(l, w))));
        if parts_sum > sum.total.value || (parts_sum < sum.total.value && all_listed) {
            let listed: Vec<String> = sum.parts.iter().map(|(l, v)| format!("{l}{v}")).collect();
            out.push(
                RULE.diag(format!(
                    "正文写共{}{}，但所列分项之和为{}（{}）",
                    sum.total.value,
                    sum.total.unit,
                    parts_sum,
                    listed.join("+")
                ))
                .line(Some(doc.norm.line_at(sum.total.at)))
                .span(doc.clause_span(sum.total.at)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::template::{v2019::V2019, v2021::V2021};
    use crate::testing::*;

    #[test]
    fn parts_that_do_not_add_up() {
        for v in [&V2019, &V2021] {
            let ok = Sample::new(v).prose(1, "共主动公开政府信息42条，其中组织机构40条；政策文件2条。").check();
            assert!(!codes(&ok).contains(&"text.sum_mismatch"));
            let bad =
                Sample::new(v).prose(1, "共主动公开政府信息42条，其中组织机构38条；政策文件2条；其他1条。").check();
            let d = with_code(&bad, "text.sum_mismatch");
            assert_eq!(d.len(), 1, "{:?}", bad.diagnostics);
            assert!(d[0].message.contains("正文写共42条，但所列分项之和为41"), "{}", d[0].message);
        }
    }

    /// Totals and parts as real reports write them, and whether each must warn.
    const WORDINGS: &[(&str, bool)] = &[
        ("2021年度共主动公开政府信息42条，其中全文电子化达100%。在主动公开的信息中，组织机构1条；政策文件2条；通知公告35条；财政信息4条。", false),
        ("全年主动公开各类信息50条，其中政策文件20条、通知公告20条、人事信息10条。", false),
        ("发布政府信息50条，其中，工作动态30条，通知公告20条。", false),
        // Examples of the total, not all of it.
        ("主动公开各类信息50条，其中政策文件2条、通知公告13条等。", false),
        ("主动公开政府信息1234条，其中政策文件12条，政策解读45条。", false),
        // A part in another unit, or too long to read: the parts read are not all.
        ("主动公开政府信息47条，其中部门文件22件，通知公告16条，人事任免5条，财政预决算2条，工作计划1条，工作总结1条。", false),
        ("全年主动公开政府信息26篇，其中发布公示公告5篇，部门预算决算信息3篇、发布创建义务教育优质均衡发展申报县省级社会认可度调查1篇，工作动态信息17篇。", false),
        // The parts make the total; the list goes on with another channel's counts.
        ("通过政府网站主动公开政府信息48条，其中动态类信息8条，行政执法类信息2条，财政预决算信息6条，政府信息年度报告1条，其他信息31条；通过微博微信发布信息98条，通过新闻媒体发布信息677条。", false),
        // Parts that cannot be the total's.
        ("主动公开政府信息31条，其中组织机构6条；政策文件1条；通知公告13条。", true),
        ("全年主动公开各类信息20条，其中政策文件12条、通知公告13条。", true),
        ("主动公开政府信息50条，其中工作动态30条，其他10条。", true),
    ];

    #[test]
    fn wordings_of_real_reports() {
        for v in [&V2019, &V2021] {
            for &(text, warns) in WORDINGS {
                let r = Sample::new(v).prose(1, text).check();
                assert_eq!(!with_code(&r, "text.sum_mismatch").is_empty(), warns, "{text}: {:?}", r.diagnostics);
            }
        }
    }
}
