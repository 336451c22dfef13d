//! `value.unit`: a fee amount in a 万元 column written in 元, or with more
//! decimals than 万元 holds (元 divided by 10000 and not rounded).

use super::{column_label, row_name, Document, Rule, RuleDoc, RuleGroup};
use crate::rules::diagnostic::{Diagnostic, Severity};
use crate::tables::model::Value;
use crate::template::{TableId, ValueKind, UNIT_WAN_YUAN, UNIT_YUAN};

pub const RULE: Rule = Rule {
    code: "value.unit",
    severity: Severity::Info,
    group: RuleGroup::Local,
    title: "收费金额的单位可疑：以万元为单位的栏写了元，或小数位过多",
    doc: RuleDoc {
        what: "2021年版表二“本年收费金额”以万元为单位。金额写成“251000元”（单位不符，已按元读取），或小数超过4位（万元的第4位小数已是1元，如“5949.088667”，多是把以元为单位的金额除以10000后未取舍）时提示。",
        why: "单位写错会让金额差一万倍；小数位过多说明换算时没有按万元取舍，读者难以核对。",
        example: "表二“行政事业性收费”本年收费金额（单位：万元）填“5949.088667”。",
        basis: "国务院办公厅2021年版年报格式表二“本年收费金额（单位：万元）”；地方审核中对金额单位、精度的要求。",
    },
    check,
};

/// 万元 has this many decimals down to 1 元.
const WAN_DECIMALS: usize = 4;

fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    let table = &doc.tables.active;
    for row in &table.rows {
        for (column, cell) in row.columns.iter().zip(&row.cells) {
            if column.kind != (ValueKind::Money { default_unit: UNIT_WAN_YUAN }) {
                continue;
            }
            let Some(value) = cell.value else { continue };
            let raw = cell.raw.as_str().trim();
            let place = format!("{}行{}列", row_name(TableId::Active, row), column_label(row, column.key));
            let message = if raw.ends_with(UNIT_YUAN) && !raw.ends_with(UNIT_WAN_YUAN) {
                format!("{place}以万元为单位，但写作“{raw}”，已按元读取（合{}万元）", in_wan(value))
            } else {
                let number = raw.strip_suffix(UNIT_WAN_YUAN).unwrap_or(raw);
                let decimals =
                    number.split_once('.').map_or(0, |(_, f)| f.chars().take_while(char::is_ascii_digit).count());
                if decimals <= WAN_DECIMALS {
                    continue;
                }
                format!("{place}写作“{raw}”，有{decimals}位小数：以万元为单位时第4位小数已是1元，像是以元为单位的金额除以10000后未取舍，请核对单位与精度")
            };
            out.push(
                RULE.diag(message)
                    .line(cell.line.or(row.line))
                    .at(TableId::Active, Some(row.key), Some(column.key))
                    .span(cell.span),
            );
        }
    }
}

/// An amount in 元 as 万元, exactly: `251000` → `25.1`.
fn in_wan(value: Value) -> String {
    let (units, scale) = match value {
        Value::Int(i) => (i, 0),
        Value::Dec { units, scale } => (units, scale),
    };
    Value::Dec { units, scale: scale + 4 }.to_string().trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::in_wan;
    use crate::tables::model::Value;
    use crate::template::keys::active as a;
    use crate::template::{v2019::V2019, v2021::V2021, TableId};
    use crate::testing::*;

    fn fee(written: &str) -> crate::Report {
        Sample::new(&V2021).cell(TableId::Active, a::FEES, a::AMOUNT_YUAN, written).check()
    }

    #[test]
    fn yuan_in_a_wan_column_and_too_many_decimals() {
        for (written, note) in
            [("5949.088667", true), ("251000元", true), ("5949.0887", false), ("12.5", false), ("3万元", false)]
        {
            let r = fee(written);
            assert_eq!(with_code(&r, "value.unit").len(), usize::from(note), "{written}: {:?}", r.diagnostics);
        }
        assert_eq!(
            with_code(&fee("251000元"), "value.unit")[0].message,
            "表二「行政事业性收费」行本年收费金额（元）列以万元为单位，但写作“251000元”，已按元读取（合25.1万元）"
        );
        // The 2019 template's 采购总金额 is in 元.
        let r = Sample::new(&V2019).cell(TableId::Active, a::PROCUREMENT, a::AMOUNT_YUAN, "251000.5").check();
        assert!(!codes(&r).contains(&"value.unit"));
        assert_eq!(in_wan(Value::Int(59490886)), "5949.0886");
        assert_eq!(in_wan(Value::Dec { units: 5949088667, scale: 2 }), "5949.088667");
    }
}
