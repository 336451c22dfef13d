//! The five seed reports, served next to the page (`examples/`, copied by
//! Trunk from tests/fixtures, kept offline by the service worker) and
//! fetched when their button is clicked: their 41 KB of text stay out of
//! the first load.

pub struct Example {
    /// The file name: the report's `source` when loaded, and its path under `examples/`.
    pub name: &'static str,
    /// A button's words: the file's number, agency and year as the core
    /// reads them (a test holds them equal to what it reads).
    pub label: &'static str,
    /// The text (tests only; the page fetches it).
    #[cfg(test)]
    pub text: &'static str,
}

macro_rules! seed {
    ($name:literal, $label:literal) => {
        Example {
            name: $name,
            label: $label,
            #[cfg(test)]
            text: include_str!(concat!("../../tests/fixtures/", $name)),
        }
    };
}

pub const EXAMPLES: [Example; 5] = [
    seed!("000_a4b9aaf003e43d05.txt", "000 · 温州市机关事务管理局 2021年"),
    seed!("001_76d90fd474e57dbd.txt", "001 · 温州市机关事务管理局 2020年"),
    seed!("002_9ca5b3fc5e07fc94.txt", "002 · 温州市政务服务中心 2020年"),
    seed!("003_de92c8953c303105.txt", "003 · 温州市大数据发展管理局 2021年"),
    seed!("004_e8c91993164e9814.txt", "004 · 乐清市机关事务管理中心 2020年"),
];

impl Example {
    /// Where the page fetches the text from (relative to the page).
    pub fn url(&self) -> String {
        format!("examples/{}", self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::EXAMPLES;

    /// The label as the core reads the text: number · agency year.
    fn read_label(name: &str, text: &str) -> String {
        let r = nianbao::check(text, None);
        let number = name.split('_').next().unwrap_or(name);
        let agency = r.agency.unwrap_or_else(|| "未识别机关".into());
        match r.year {
            Some(y) => format!("{number} · {agency} {y}年"),
            None => format!("{number} · {agency}"),
        }
    }

    #[test]
    fn labels_are_what_the_core_reads() {
        for ex in &EXAMPLES {
            assert_eq!(ex.label, read_label(ex.name, ex.text), "{}", ex.name);
        }
    }

    #[test]
    fn index_html_copies_each_example_and_the_service_worker_keeps_it() {
        let index = include_str!("../../index.html");
        let sw = include_str!("js/sw.js");
        for ex in &EXAMPLES {
            let copy = format!(
                r#"<link data-trunk rel="copy-file" href="tests/fixtures/{}" data-target-path="examples">"#,
                ex.name
            );
            assert!(index.contains(&copy), "index.html lacks {copy}");
            assert!(sw.contains(&format!("'{}'", ex.url())), "sw.js does not keep {}", ex.url());
        }
    }
}
