//! The five seed reports, bundled into the app (never fetched).

pub struct Example {
    /// The file name: the report's `source` when loaded.
    pub name: &'static str,
    pub text: &'static str,
}

macro_rules! seed {
    ($name:literal) => {
        Example { name: $name, text: include_str!(concat!("../../tests/fixtures/", $name)) }
    };
}

pub const EXAMPLES: [Example; 5] = [
    seed!("000_a4b9aaf003e43d05.txt"),
    seed!("001_76d90fd474e57dbd.txt"),
    seed!("002_9ca5b3fc5e07fc94.txt"),
    seed!("003_de92c8953c303105.txt"),
    seed!("004_e8c91993164e9814.txt"),
];

impl Example {
    /// A button's words: the file's number, agency and year as the core reads them.
    pub fn label(&self) -> String {
        let r = nianbao::check(self.text, None);
        let number = self.name.split('_').next().unwrap_or(self.name);
        let agency = r.agency.unwrap_or_else(|| "未识别机关".into());
        match r.year {
            Some(y) => format!("{number} · {agency} {y}年"),
            None => format!("{number} · {agency}"),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn labels_name_the_agency_and_year() {
        let label = super::EXAMPLES[4].label();
        assert!(label.starts_with("004 · "), "{label}");
        assert!(label.ends_with("年"), "{label}");
    }
}
