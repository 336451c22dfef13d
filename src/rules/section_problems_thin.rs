//! `section.problems_thin`: 五、存在的主要问题及改进情况 is empty, says 无,
//! is a few dozen characters, or names no concrete problem and measure.

use super::{Document, Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::phrases;
use crate::util::chars::is_letter;
use crate::util::find::find;

pub const RULE: Rule = Rule {
    code: "section.problems_thin",
    severity: Severity::Info,
    group: RuleGroup::Local,
    title: "“五、存在的主要问题及改进情况”过于简略",
    doc: RuleDoc {
        what: "“五、存在的主要问题及改进情况”应逐条写明存在的问题和改进措施。该部分为空、只写“无”、不足60个字，或既没有逐条列出（“一是……二是……”“（一）……（二）……”“1.……2.……”），也没有同时写到问题（“问题”“不足”“有待”“短板”等）和措施（“措施”“下一步”“改进”“加强”等）时提示。",
        why: "审核通知要求针对问题逐条提出改进措施，避免泛泛而谈；第三方评估对这一部分写得空泛的报告扣分。",
        example: "第五部分只写了“无”，或只有一句“下一步将继续做好政府信息公开工作”。",
        basis: "各级政务公开办关于年报编制的通知（“逐条提出改进措施，避免泛泛而谈”）；地方年报审核与评估要求。",
    },
    check,
};

/// Fewer letters than this is a few dozen characters: too thin to name a
/// problem and a measure.
const MIN_LETTERS: usize = 60;

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    let prose = doc.prose();
    let (Some(five), Some(piece)) = (doc.section(5), prose.piece(5)) else { return };
    // After the heading (which names 问题 and 改进 itself).
    let body_start = find(&piece.text, &five.heading).map_or(0, |p| p + five.heading.len());
    let body = &piece.text[body_start..];
    let mut letters = String::new();
    for c in body.chars().filter(|&c| is_letter(c)) {
        letters.push(c);
    }
    let in_body = |list| prose.places_in(5, list).iter().filter(|p| p.local >= body_start).count();
    let message = if letters.is_empty() || ["无", "暂无", "没有", "无问题"].contains(&letters.as_str()) {
        format!("“{}”没有内容（写的是“{}”），应逐条写明存在的问题和改进措施", five.heading, body.trim())
    } else if letters.chars().count() < MIN_LETTERS {
        format!("“{}”只有{}个字，应逐条写明存在的问题和改进措施", five.heading, letters.chars().count())
    } else if in_body(&phrases::ENUMERATION) < 2 && (in_body(&phrases::PROBLEM) == 0 || in_body(&phrases::MEASURE) == 0)
    {
        format!("“{}”未具体写明问题和改进措施（如“一是……二是……”，或写明存在的不足和下一步的措施）", five.heading)
    } else {
        return;
    };
    out.push(RULE.diag(message).line(Some(five.line)).span(doc.heading_span(five)));
}

#[cfg(test)]
mod tests {
    use crate::template::{v2019::V2019, v2021::V2021};
    use crate::testing::*;

    /// 五 as real reports write it, and whether each is too thin.
    const WORDINGS: &[(&str, bool)] = &[
        ("一是个别部门对政府信息公开工作主动性和自觉性仍待提高；二是受人员编制限制，工作力量有待加强。（一）继续强化信息公开责任，压实各部门职责；（二）继续完善信息公开机制，加强督导协调。", false),
        ("（一）存在的主要问题：基层政务公开标准化规范化水平有待进一步提升，部分栏目更新不及时。（二）改进措施：一是加强培训；二是完善制度；三是强化督查。", false),
        ("2021年，我局政府信息公开工作取得了一定成效，但政策解读形式较为单一，部分栏目信息更新不够及时。下一步，我局将加大公开力度，创新公开形式，丰富公开内容，切实保障人民群众的知情权。", false),
        ("无。", true),
        ("", true),
        ("下一步将继续做好政府信息公开工作。", true),
        ("2021年，我局政府信息公开工作取得了一定成效，较好地保障了人民群众的知情权、参与权和监督权，得到了社会各界的广泛认可，今后我们继续保持良好势头，开拓进取。", true),
    ];

    #[test]
    fn wordings_of_real_reports() {
        for v in [&V2019, &V2021] {
            for &(text, thin) in WORDINGS {
                let r = Sample::new(v).prose(5, text).check();
                assert_eq!(codes(&r).contains(&"section.problems_thin"), thin, "{text}: {:?}", r.diagnostics);
            }
        }
        let r = Sample::new(&V2021).prose(5, "无。").check();
        assert_eq!(
            with_code(&r, "section.problems_thin")[0].message,
            "“五、存在的主要问题及改进情况”没有内容（写的是“无。”），应逐条写明存在的问题和改进措施"
        );
    }
}
