//! `input.unreadable`: an input that could not be read as text at all.
//! No check of its own: the report for such an input is made by
//! [`crate::unreadable`] (the CLI, for a file it cannot read), so that a
//! batch gives one result for every input.

use super::{Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::Severity;

pub const RULE: Rule = Rule {
    code: "input.unreadable",
    severity: Severity::Error,
    group: RuleGroup::National,
    title: "文件无法读取（二进制文件、编码无法识别、文件过大）",
    doc: RuleDoc {
        what: "输入的文件应能读成文字：UTF-8、UTF-16或GB18030（GBK）编码的.txt/.md，网页另存的.html，或Word的.docx。图片、PDF、旧版.doc等二进制文件，编码无法识别的文件，超过20 MB的文件，以及无法打开的文件和目录，都无法检查。",
        why: "批量检查时，每个文件都应有一条结果：无法读取的文件也列出来并说明原因，而不是悄悄略过，审核人员才知道哪些报告还没有查。",
        example: "目录中混入了报告的扫描图片（.png），或一份用旧版Word保存的.doc文件。",
        basis: "本工具的输入要求（见 nianbao check --help）。",
    },
    check: |_, _| {},
};

#[cfg(test)]
mod tests {
    use crate::testing::codes;

    #[test]
    fn an_unreadable_input_is_a_report_saying_why() {
        let r = crate::unreadable(Some("扫描件.png"), "这是PNG图片，不是文字");
        assert_eq!(codes(&r), ["input.unreadable"]);
        assert_eq!(r.diagnostics[0].message, "无法读取“扫描件.png”：这是PNG图片，不是文字");
        assert!(r.has_errors());
        let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
        assert_eq!(json["source"], "扫描件.png");
        assert_eq!(json["diagnostics"][0]["code"], "input.unreadable");
        assert_eq!(json["requests"], serde_json::json!({}));
    }
}
