//! `report.unrecognised`: the input is not (recognisably) an annual report.

use super::{Document, Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    code: "report.unrecognised",
    severity: Severity::Error,
    group: RuleGroup::National,
    title: "未识别出年度报告",
    doc: RuleDoc {
        what: "输入中应能找到年报的部分标题（如“二、主动公开政府信息情况”）或表格（表二、表三、表四）。",
        why: "空白、乱码、图片或其他文件无法检查；本工具说明查找了什么，而不是给出空结果。",
        example: "粘贴了一份通知，或打开了一个图片文件。",
        basis: "国务院办公厅政府信息公开工作年度报告格式。",
    },
    check,
};

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    if doc.recognised() {
        return;
    }
    let message = if doc.text().trim().is_empty() {
        "输入为空：请粘贴年度报告全文，或打开报告文件".to_string()
    } else {
        "未识别出年度报告的表格：没有找到“二、主动公开政府信息情况”等部分标题，也没有找到表二、表三、表四的行（如“一、本年新收政府信息公开申请数量”）。请确认粘贴的是政府信息公开工作年度报告全文".to_string()
    };
    out.push(RULE.diag(message).line(Some(1)));
}

#[cfg(test)]
mod tests {
    use crate::testing::codes;

    #[test]
    fn empty_and_unrelated_text() {
        for text in ["", "   \n", "关于做好春节期间值班工作的通知。各单位：……", "\u{0}\u{1}\u{fffd}\u{fffd}PNG"]
        {
            let r = crate::check(text, None);
            assert_eq!(codes(&r), ["report.unrecognised"], "{text:?}");
        }
    }
}
