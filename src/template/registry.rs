//! The template versions the checker knows, and which one a year requires.

use super::{ActiveRowSpec, Version};
use serde::{Serialize, Serializer};

/// The versions the checker reads reports against, oldest first.
pub struct Registry {
    versions: Vec<&'static Version>,
}

impl Registry {
    /// The national template's versions: what [`crate::check`] uses.
    pub fn national() -> &'static Registry {
        static NATIONAL: std::sync::OnceLock<Registry> = std::sync::OnceLock::new();
        NATIONAL.get_or_init(|| Registry::new(vec![&super::v2019::V2019, &super::v2021::V2021]))
    }

    /// A registry of these versions (at least one), ordered by the year
    /// each is required from.
    pub fn new(given: Vec<&'static Version>) -> Registry {
        assert!(!given.is_empty(), "a registry needs a version");
        // (Put in place one by one: the library's sort costs some 3 KB of wasm.)
        let mut versions: Vec<&'static Version> = Vec::with_capacity(given.len());
        for v in given {
            let at = versions.iter().position(|w| w.from_year > v.from_year).unwrap_or(versions.len());
            versions.insert(at, v);
        }
        Registry { versions }
    }

    /// Oldest first.
    pub fn versions(&self) -> &[&'static Version] {
        &self.versions
    }

    pub fn newest(&self) -> &'static Version {
        self.versions[self.versions.len() - 1]
    }

    pub fn oldest(&self) -> &'static Version {
        self.versions[0]
    }

    /// Whether this is the national registry (whose prepared data the
    /// tables keep for the whole process).
    pub fn is_national(&self) -> bool {
        std::ptr::eq(self, Registry::national())
    }

    /// The version a report for `year` must use: the newest required from
    /// that year or before; `None` for a year before every version.
    pub fn required_for(&self, year: i32) -> Option<&'static Version> {
        self.versions.iter().rev().find(|v| v.from_year <= year).copied()
    }

    /// The version to read a table by when nothing in it tells: the one
    /// the year requires, the oldest for an earlier year, the newest when
    /// the year is not known.
    pub fn assumed_for(&self, year: Option<i32>) -> &'static Version {
        match year {
            Some(y) => self.required_for(y).unwrap_or(self.oldest()),
            None => self.newest(),
        }
    }

    /// Every row of table 二 in any version, in template order, with the
    /// 第二十条 item it reports on.
    pub fn active_rows(&self) -> Vec<ActiveRow> {
        let mut out: Vec<ActiveRow> = Vec::new();
        for &v in &self.versions {
            let mut after: Option<usize> = None;
            for block in v.active.blocks {
                for spec in block.rows {
                    let at = match out.iter().position(|r| r.spec.key == spec.key) {
                        Some(at) => at,
                        None => {
                            let at = after.map_or(0, |a| a + 1);
                            out.insert(at, ActiveRow { spec, item: block.item });
                            at
                        }
                    };
                    // The newest version's spelling of the row is the one kept.
                    out[at].spec = spec;
                    after = Some(at);
                }
            }
        }
        out
    }
}

/// A row of table 二 over the versions of a registry.
pub struct ActiveRow {
    pub spec: &'static ActiveRowSpec,
    /// The 第二十条 item it reports on: its block in each version.
    pub item: &'static str,
}

/// Which template the report follows as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TemplateKind {
    /// Every table that tells its version tells this one.
    Single(&'static Version),
    /// Tables of more than one version.
    Mixed,
}

impl TemplateKind {
    /// The version's name, or `"mixed"`.
    pub fn as_str(self) -> &'static str {
        match self {
            TemplateKind::Single(v) => v.name,
            TemplateKind::Mixed => "mixed",
        }
    }

    /// As a reader sees it: `2021年版`, `混用两版`.
    pub fn label(self) -> String {
        match self {
            TemplateKind::Single(v) => format!("{}年版", v.name),
            TemplateKind::Mixed => "混用两版".to_string(),
        }
    }
}

impl Serialize for TemplateKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::keys::requests as q;
    use crate::template::Form;

    #[test]
    fn a_year_requires_the_newest_version_in_force() {
        let r = Registry::national();
        assert_eq!(r.required_for(2020).map(|v| v.name), Some("2019"));
        assert_eq!(r.required_for(2021).map(|v| v.name), Some("2021"));
        assert_eq!(r.required_for(2030).map(|v| v.name), Some("2021"));
        assert!(r.required_for(2018).is_none());
        assert_eq!(r.assumed_for(Some(2015)).name, "2019");
        assert_eq!(r.assumed_for(None).name, "2021");
    }

    #[test]
    fn the_outcome_total_adds_every_outcome_row() {
        for v in Registry::national().versions() {
            let outcome: Vec<_> =
                v.requests.rows.iter().map(|r| r.key).filter(|k| k.is_under("3") && *k != q::OUTCOME_TOTAL).collect();
            let eq = v.requests.equations_of("requests.outcome_total").next().unwrap();
            let Form::EachColumn { left, right } = &eq.form else { panic!() };
            assert_eq!((left.to_vec(), right.to_vec()), (vec![q::OUTCOME_TOTAL], outcome), "{}", v.name);
        }
    }

    #[test]
    fn the_sums_lent_are_the_sums_worked_out() {
        for v in Registry::national().versions() {
            for grid in [&v.requests, &v.review] {
                assert!(matches!(grid.sums(), std::borrow::Cow::Borrowed(_)), "{}", v.name);
                assert_eq!(grid.sums().to_vec(), grid.expand_sums(), "{}", v.name);
            }
        }
    }

    #[test]
    fn every_equation_names_cells_of_its_table() {
        for v in Registry::national().versions() {
            for grid in [&v.requests, &v.review] {
                for eq in grid.equations {
                    for i in eq.instances(grid) {
                        for (row, col) in i.cells() {
                            assert!(grid.row(row).is_some() && grid.column(col).is_some(), "{} {row} {col}", v.name);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn table_two_rows_in_template_order() {
        let keys: Vec<&str> = Registry::national().active_rows().iter().map(|r| r.spec.key.0).collect();
        assert_eq!(
            keys,
            [
                "regulations",
                "normative_documents",
                "licensing",
                "other_services",
                "punishment",
                "enforcement",
                "fees",
                "procurement"
            ]
        );
    }
}
