//! `section.overview_topics`: 一、总体情况 leaves out a topic the format
//! names (the 2021 format: 主动公开, 依申请公开, 政府信息管理, 政府信息公开
//! 平台建设, 监督保障).

use super::{Document, Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    code: "section.overview_topics",
    severity: Severity::Warning,
    group: RuleGroup::National,
    title: "“一、总体情况”未涵盖格式要求的五个方面",
    doc: RuleDoc {
        what: "2021年版格式要求“一、总体情况”写明主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面的情况。各方面的常见说法都算写到（如“平台载体建设”“政府网站”“政务新媒体”都算平台建设；“考核”“培训”“督查”都算监督保障）；完全没有写到的方面逐一列出。",
        why: "总体情况是年报的概要，第三方评估按这五个方面逐项核对，缺一项即被认为内容不完整。",
        example: "2021年度报告的“一、总体情况”只写了主动公开和网站建设，未提依申请公开、政府信息管理和监督保障。",
        basis: "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）。",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(one) = doc.section(1) else { return };
    let version = doc.year.and_then(|y| doc.registry.required_for(y)).or(doc.tables.requests.version);
    let Some(version) = version.filter(|v| !v.overview_topics.is_empty()) else { return };
    let prose = doc.prose();
    let (mut missing, mut all) = (String::new(), String::new());
    for (i, t) in version.overview_topics.iter().enumerate() {
        if prose.places_in(1, t.phrases).is_empty() {
            missing.push_str(&format!("“{}”", t.name));
        }
        all.push_str(if i > 0 { "、" } else { "" });
        all.push_str(t.name);
    }
    if missing.is_empty() {
        return;
    }
    let n = chinese_count(version.overview_topics.len());
    out.push(
        RULE.diag(format!("“一、总体情况”未写到{missing}方面的情况（{}年版格式要求写明{all}{n}个方面）", version.name))
            .line(Some(one.line))
            .span(doc.heading_span(one)),
    );
}

/// 5 → 五 (up to ten).
fn chinese_count(n: usize) -> &'static str {
    ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"].get(n).copied().unwrap_or("多")
}

#[cfg(test)]
mod tests {
    use crate::template::{v2019::V2019, v2021::V2021};
    use crate::testing::*;

    /// Section 一 as real reports write it, and the topics each leaves out.
    const WORDINGS: &[(&str, usize)] = &[
        ("（一）主动公开方面。……（二）依申请公开方面。……（三）政府信息管理方面。……（四）政府信息公开平台建设方面。……（五）监督保障方面。……", 0),
        ("一是主动公开……二是依申请公开……三是加强信息发布审核……四是加强平台载体建设……五是强化考核督查……", 0),
        ("2022年，我局坚持主动公开……规范办理政府信息公开申请……落实保密审查……门户网站和政务新媒体……开展业务培训……", 0),
        ("我局高度重视主动公开工作，加强门户网站建设，全年发布信息237条。", 3),
        ("本年度政府信息公开工作有序开展。", 5),
    ];

    #[test]
    fn wordings_of_real_reports() {
        for &(text, missing) in WORDINGS {
            let r = Sample::new(&V2021).prose(1, text).check();
            let d = with_code(&r, "section.overview_topics");
            assert_eq!(d.len(), usize::from(missing > 0), "{text}: {:?}", r.diagnostics);
            if let Some(d) = d.first() {
                assert_eq!(d.message.matches('”').count() - 1, missing, "{}", d.message);
            }
        }
        // The 2019 format names no topics.
        assert!(!codes(&Sample::new(&V2019).prose(1, WORDINGS[4].0).check()).contains(&"section.overview_topics"));
        let r = Sample::new(&V2021).prose(1, WORDINGS[3].0).check();
        assert_eq!(
            with_code(&r, "section.overview_topics")[0].message,
            "“一、总体情况”未写到“依申请公开”“政府信息管理”“监督保障”方面的情况（2021年版格式要求写明主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面）"
        );
    }
}
