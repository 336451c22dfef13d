//! `cross_year.copied`: the prose of 一 or 五 largely the same as last
//! year's, or every table cell the same as last year's.

use super::cross_year::{section_body, LastYear, Shingles, TablePrint};
use super::{Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::template::SECTIONS;
use crate::Report;

pub const RULE: Rule = Rule {
    code: "cross_year.copied",
    severity: Severity::Warning,
    group: RuleGroup::Local,
    title: "正文或表格与上一年报告基本相同（疑似照抄）",
    doc: RuleDoc {
        what: "同一机关相邻两年的报告：“一、总体情况”或“五、存在的主要问题及改进情况”的文字与上一年相同的程度超过50%，或表格的全部单元格与上一年完全相同。文字相同的程度按三字片段计算（本年与上年共有的三字片段占两年全部三字片段的比例，即Jaccard相似度；数字一律视为相同，空白不计；两年的该部分都至少有40字时才比较）；表格相同须全部单元格相同且至少有3个不为0（全为0的表格逐年相同是常见的）。",
        why: "年报应反映本年度的工作；总体情况和存在问题照抄上年，是各地考核评估中的扣分项，也说明报告没有认真编写。表格逐格相同，多半是沿用了上年的表格。",
        example: "2022年报告的“五、存在的主要问题及改进情况”与2021年报告只有年份和个别数字不同。",
        basis: "各地政府信息公开工作年度报告考核评估的常见要求；同时检查同一机关两个年度的报告时适用。",
    },
    check: |_, _| {},
};

/// Above this share (in percent) of shared trigrams, a section is taken as copied.
const SIMILAR_PERCENT: usize = 50;
/// Sections shorter than this (in characters, in either year) are not compared.
const MIN_CHARS: usize = 40;
/// Tables that agree cell for cell are taken as copied only with this many
/// cells not zero (a small agency's tables are all zero year after year).
const MIN_NONZERO_CELLS: usize = 3;

/// Checks this year's report against last year's.
pub fn check(last: &LastYear, current: &Report, out: &mut Vec<Diagnostic>) {
    for (number, before) in [(1, &last.overview), (5, &last.problems)] {
        let now = Shingles::of(section_body(current, number));
        if now.chars < MIN_CHARS || before.chars < MIN_CHARS {
            continue;
        }
        let (shared, all) = now.similarity(before);
        if shared * 100 > SIMILAR_PERCENT * all {
            let section = &SECTIONS[number - 1];
            out.push(
                RULE.diag(format!(
                    "“{}、{}”与{}的相同程度为{}%（按三字片段计），超过{}%：是否沿用了上一年的文字？",
                    section.number,
                    section.title,
                    last.name(),
                    now.percent_similar(before),
                    SIMILAR_PERCENT
                ))
                .line(current.sections.iter().find(|s| s.number == number).map(|s| s.line)),
            );
        }
    }
    let print = TablePrint::of(current);
    if print == last.tables && print.nonzero >= MIN_NONZERO_CELLS {
        out.push(
            RULE.diag(format!("表格的全部{}个单元格与{}完全相同：是否沿用了上一年的表格？", print.cells, last.name()))
                .line(current.tables.active.line.or(current.tables.requests.line)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::keys::{active as a, requests as q};
    use crate::template::{v2019::V2019, v2021::V2021, TableId};
    use crate::testing::{across_years, Sample};

    fn pair(last: &Sample, this: &Sample) -> Vec<Diagnostic> {
        across_years(last, this, RULE.code)
    }

    /// A report whose 一 and 五 are written afresh (the samples' own are one year's text).
    fn rewritten(version: &'static crate::template::Version) -> Sample {
        Sample::new(version).prose(1, OVERVIEW_NEW).prose(5, PROBLEMS_NEW)
    }

    const OVERVIEW_2020: &str = "2020年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息356条，\
        其中机构职能类信息12条、政策文件类信息45条。全年受理依申请公开3件，均在法定期限内答复。\
        进一步规范了政府信息公开指南和目录，加强了政策解读工作。";
    const OVERVIEW_2021: &str = "2021年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息402条，\
        其中机构职能类信息9条、政策文件类信息51条。全年受理依申请公开5件，均在法定期限内答复。\
        进一步规范了政府信息公开指南和目录，加强了政策解读工作。";
    const OVERVIEW_NEW: &str = "2021年，我局围绕优化营商环境开展政务公开，新建“企业服务”专栏，\
        发布惠企政策问答两百余条；依申请公开办理时限平均缩短至十个工作日，并首次开展了政务开放日活动，\
        邀请企业代表和市民走进机关，面对面听取意见建议。";
    const PROBLEMS_NEW: &str = "本年度的不足在于基层公开事项目录尚未全部建成，依申请公开答复文书的规范性仍有欠缺。\
        改进措施：明年上半年完成各乡镇目录编制，组织答复文书专项评查并通报结果。";

    #[test]
    fn prose_copied_with_new_figures_is_found() {
        let last = Sample::new(&V2019).year(2020).prose(1, OVERVIEW_2020);
        let found = pair(&last, &rewritten(&V2021).prose(1, OVERVIEW_2021));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.starts_with("“一、总体情况”与2020年报告的相同程度为100%"), "{}", found[0].message);
        assert!(found[0].line.is_some());
        assert!(pair(&last, &rewritten(&V2021)).is_empty());
        // A short section is not compared (the samples' 五 is one sentence).
        let short = "无。";
        assert!(pair(&last.clone().prose(1, short), &rewritten(&V2021).prose(1, short)).is_empty());
    }

    #[test]
    fn every_cell_as_last_year() {
        let t = TableId::Active;
        let tables = |s: Sample| {
            s.row(t, a::NORMATIVE_DOCUMENTS, &[2, 0, 20]).row(t, a::LICENSING, &[125]).row(t, a::PUNISHMENT, &[31])
        };
        let last = tables(Sample::new(&V2021));
        let this = tables(rewritten(&V2021).year(2022));
        let found = pair(&last, &this);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("单元格与2021年报告完全相同"), "{}", found[0].message);
        // One cell changed: not copied.
        let changed = this.row(TableId::Requests, q::NEW, &[1, 0, 0, 0, 0, 0, 1]).row(
            TableId::Requests,
            q::GRANTED,
            &[1, 0, 0, 0, 0, 0, 1],
        );
        assert!(pair(&last, &changed.row(TableId::Requests, q::OUTCOME_TOTAL, &[1, 0, 0, 0, 0, 0, 1])).is_empty());
        // All zero both years: common, and no sign of copying.
        assert!(pair(&Sample::new(&V2021), &rewritten(&V2021).year(2022)).is_empty());
    }
}
