//! Typed keys of rows and columns: the output contract's names
//! (`"3.1"`, `"natural_person"`), declared once here. Code outside the
//! template names a row or column by these constants, never by a literal.

use serde::{Serialize, Serializer};

/// A row's stable key, as the output contract spells it: `"3.1"` (table
/// 三), `"review"` (a group of table 四), `"regulations"` (table 二).
#[derive(Clone, Copy, Debug, Eq, PartialOrd, Ord)]
pub struct RowKey(pub &'static str);

/// A column's stable key: `"natural_person"`, `"total"`, `"in_force"`.
#[derive(Clone, Copy, Debug, Eq, PartialOrd, Ord)]
pub struct ColKey(pub &'static str);

macro_rules! key_methods {
    ($key:ident) => {
        impl $key {
            pub const fn as_str(self) -> &'static str {
                self.0
            }
        }

        impl std::fmt::Display for $key {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.0)
            }
        }

        impl Serialize for $key {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.0)
            }
        }

        /// Equal text. Keys are compared often (a row found by its key),
        /// and mostly come from the same constant: the same address is
        /// equal at once, and a different last byte (`3.3.1`, `3.3.5`)
        /// unequal at once, before the bytes are compared.
        impl PartialEq for $key {
            #[inline]
            fn eq(&self, other: &Self) -> bool {
                let (a, b) = (self.0.as_bytes(), other.0.as_bytes());
                a.len() == b.len() && (std::ptr::eq(a, b) || (a.last() == b.last() && a == b))
            }
        }

        /// The text's hash (as equality is the text's).
        impl std::hash::Hash for $key {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.0.hash(state);
            }
        }

        impl PartialEq<str> for $key {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $key {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
    };
}

key_methods!(RowKey);
key_methods!(ColKey);

impl RowKey {
    /// The group a row of table 三 sits in: `3.3` for `3.3.5`, `3` for
    /// `3.1`; none for `1`.
    pub fn parent(self) -> Option<&'static str> {
        self.0.rsplit_once('.').map(|(p, _)| p)
    }

    /// Whether the row sits (at any depth) under the group `group`.
    pub fn is_under(self, group: &str) -> bool {
        self.0.len() > group.len() && self.0.starts_with(group) && self.0.as_bytes()[group.len()] == b'.'
    }
}

/// Table 三's rows (收到和处理政府信息公开申请情况), by the template's own numbering.
pub mod requests {
    use super::{ColKey, RowKey};

    /// 一、本年新收政府信息公开申请数量
    pub const NEW: RowKey = RowKey("1");
    /// 二、上年结转政府信息公开申请数量
    pub const CARRIED_OVER: RowKey = RowKey("2");
    /// 三、本年度办理结果 (a group: its rows are `3.…`)
    pub const OUTCOMES: RowKey = RowKey("3");
    /// （一）予以公开
    pub const GRANTED: RowKey = RowKey("3.1");
    /// （二）部分公开
    pub const PARTLY_GRANTED: RowKey = RowKey("3.2");
    /// （三）不予公开 (a group)
    pub const REFUSED: RowKey = RowKey("3.3");
    /// （四）无法提供 (a group)
    pub const UNAVAILABLE: RowKey = RowKey("3.4");
    /// （五）不予处理 (a group)
    pub const NOT_PROCESSED: RowKey = RowKey("3.5");
    /// （五）2.重复申请
    pub const REPEATED: RowKey = RowKey("3.5.2");
    /// （五）3.要求提供公开出版物
    pub const PUBLICATIONS: RowKey = RowKey("3.5.3");
    /// （五）4.无正当理由大量反复申请
    pub const EXCESSIVE: RowKey = RowKey("3.5.4");
    /// （六）其他处理: one row in 2019, a group of three in 2021.
    pub const OTHER_HANDLING: RowKey = RowKey("3.6");
    /// （六）2.申请人逾期未按收费通知要求缴纳费用… (2021)
    pub const UNPAID_FEE: RowKey = RowKey("3.6.2");
    /// （七）总计
    pub const OUTCOME_TOTAL: RowKey = RowKey("3.7");
    /// 四、结转下年度继续办理
    pub const CARRIED_FORWARD: RowKey = RowKey("4");

    /// 自然人
    pub const NATURAL_PERSON: ColKey = ColKey("natural_person");
    /// 商业企业
    pub const COMMERCIAL: ColKey = ColKey("commercial");
    /// 科研机构
    pub const RESEARCH: ColKey = ColKey("research");
    /// 社会公益组织
    pub const PUBLIC_INTEREST: ColKey = ColKey("public_interest");
    /// 法律服务机构
    pub const LEGAL_SERVICE: ColKey = ColKey("legal_service");
    /// 其他
    pub const OTHER: ColKey = ColKey("other");
    /// 总计
    pub const TOTAL: ColKey = ColKey("total");
}

/// Table 四's groups (rows) and columns.
pub mod review {
    use super::{ColKey, RowKey};

    /// 行政复议
    pub const REVIEW: RowKey = RowKey("review");
    /// 行政诉讼（未经复议直接起诉）
    pub const LITIGATION_DIRECT: RowKey = RowKey("litigation_direct");
    /// 行政诉讼（复议后起诉）
    pub const LITIGATION_AFTER_REVIEW: RowKey = RowKey("litigation_after_review");

    /// 结果维持
    pub const UPHELD: ColKey = ColKey("upheld");
    /// 结果纠正
    pub const CORRECTED: ColKey = ColKey("corrected");
    /// 其他结果
    pub const OTHER: ColKey = ColKey("other");
    /// 尚未审结
    pub const PENDING: ColKey = ColKey("pending");
    /// 总计
    pub const TOTAL: ColKey = ColKey("total");
}

/// Table 二's rows and columns (both versions' together).
pub mod active {
    use super::{ColKey, RowKey};

    /// 规章
    pub const REGULATIONS: RowKey = RowKey("regulations");
    /// （行政）规范性文件
    pub const NORMATIVE_DOCUMENTS: RowKey = RowKey("normative_documents");
    /// 行政许可
    pub const LICENSING: RowKey = RowKey("licensing");
    /// 其他对外管理服务事项 (2019)
    pub const OTHER_SERVICES: RowKey = RowKey("other_services");
    /// 行政处罚
    pub const PUNISHMENT: RowKey = RowKey("punishment");
    /// 行政强制
    pub const ENFORCEMENT: RowKey = RowKey("enforcement");
    /// 行政事业性收费
    pub const FEES: RowKey = RowKey("fees");
    /// 政府集中采购 (2019)
    pub const PROCUREMENT: RowKey = RowKey("procurement");

    /// 本年新制作数量 (2019)
    pub const MADE: ColKey = ColKey("made");
    /// 本年新公开数量 (2019)
    pub const PUBLISHED: ColKey = ColKey("published");
    /// 对外公开总数量 (2019)
    pub const TOTAL_PUBLISHED: ColKey = ColKey("total_published");
    /// 上一年项目数量 (2019)
    pub const PREVIOUS_ITEMS: ColKey = ColKey("previous_items");
    /// 本年增/减 (2019; may be negative)
    pub const CHANGE: ColKey = ColKey("change");
    /// （本年）处理决定数量
    pub const DECISIONS: ColKey = ColKey("decisions");
    /// 采购项目数量 (2019)
    pub const ITEMS: ColKey = ColKey("items");
    /// 采购总金额 (2019) or 本年收费金额 (2021), in 元
    pub const AMOUNT_YUAN: ColKey = ColKey("amount_yuan");
    /// 本年制发件数 (2021)
    pub const ISSUED: ColKey = ColKey("issued");
    /// 本年废止件数 (2021)
    pub const REPEALED: ColKey = ColKey("repealed");
    /// 现行有效件数 (2021)
    pub const IN_FORCE: ColKey = ColKey("in_force");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_by_key() {
        assert_eq!(RowKey("3.3.5").parent(), Some("3.3"));
        assert_eq!(requests::GRANTED.parent(), Some("3"));
        assert_eq!(requests::NEW.parent(), None);
        assert!(RowKey("3.3.5").is_under("3.3") && RowKey("3.3.5").is_under("3"));
        assert!(!RowKey("3.31").is_under("3.3") && !RowKey("3.3").is_under("3.3"));
        assert_eq!(serde_json::to_string(&requests::TOTAL).unwrap(), "\"total\"");
    }
}
