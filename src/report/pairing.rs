//! Which reports are one agency's consecutive years: the pairs the
//! `cross_year.*` rules compare.
//!
//! Reports name their agency in many ways. The names are compared after
//! [`normalise`] (spaces and brackets' width, 人民政府 = 政府), and when no
//! report has the very name, loosely: a name may leave out the place it
//! belongs to (`市科委` in a report of `上海市科委`; `温州市财政局` for
//! `浙江省温州市财政局`), and then pairs only when one report alone fits.
//! What an agency *is* is never changed: `XX市人民政府办公室` (the general
//! office) and `XX市人民政府` (the government) stay two agencies.

use crate::Report;

/// The characters that end a place's name: 浙江省, 温州市, 永嘉县, 鹿城区, 恩施州, 旗, 盟.
const DIVISIONS: [char; 7] = ['省', '市', '县', '区', '州', '旗', '盟'];

/// A place left out of a name is at most this many characters long
/// (`新疆维吾尔自治区` is 8; with a city after it, 12 is ample).
const MAX_PLACE_CHARS: usize = 12;

/// What pairs a report: its agency (normalised) and its year.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    pub agency: String,
    pub year: i32,
}

impl Key {
    /// The key of a checked report, when it names its agency and year.
    pub fn of(report: &Report) -> Option<Key> {
        Key::new(report.agency.as_deref()?, report.year?)
    }

    pub fn new(agency: &str, year: i32) -> Option<Key> {
        let agency = normalise(agency);
        (agency.chars().count() >= 2).then_some(Key { agency, year })
    }

    /// The key [`crate::check`] would give `text`, read from the head of
    /// the text when the title is there: a batch can pair its files before
    /// it checks them.
    pub fn of_text(text: &str) -> Option<Key> {
        if text.len() > crate::MAX_INPUT_BYTES {
            return None;
        }
        // (A line feed is one byte, never inside a character.)
        let cut = text.as_bytes().get(..HEAD).and_then(|h| h.iter().rposition(|&b| b == b'\n'));
        if let Some(decided) = cut.and_then(|c| Key::of_head(&text[..=c])) {
            return decided;
        }
        let meta = meta_of(text);
        Key::new(meta.agency.as_deref()?, meta.title_year?)
    }

    /// The key of a text whose first lines are `head` (whole lines), when
    /// they tell it: a report names its agency with its title, in its first
    /// lines, and a title found there is the one the whole text gives.
    /// `None` when the head has no title (the whole text must be read).
    pub fn of_head(head: &str) -> Option<Option<Key>> {
        let meta = meta_of(head);
        let year = meta.title_year?;
        Some(meta.agency.as_deref().and_then(|a| Key::new(a, year)))
    }
}

/// How much of a text [`Key::of_text`] reads first.
pub const HEAD: usize = 2 * 1024;

/// The title's agency and year, as [`crate::check`] reads them (a report
/// names its agency only with a title).
fn meta_of(text: &str) -> crate::read::meta::Meta {
    let norm = crate::read::normalise::Normalised::new(text);
    crate::read::meta::read_title(&norm.text, &|o| norm.line_at(o))
}

/// An agency's name as pairing compares it: no spaces, ASCII brackets, and
/// 人民政府 written 政府 (both are used for one government).
pub fn normalise(agency: &str) -> String {
    let mut out = String::with_capacity(agency.len());
    for c in agency.chars() {
        match c {
            c if c.is_whitespace() => {}
            '（' => out.push('('),
            '）' => out.push(')'),
            c => out.push(c),
        }
    }
    out.replace("人民政府", "政府")
}

/// The shorter names a (normalised) name may be given by: without the
/// place before a division (`温州市财政局` of `浙江省温州市财政局`), or with
/// only the division left of it (`市财政局` of `温州市财政局`). Each keeps
/// at least two characters after the division.
fn shorter_forms(name: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for (k, (at, c)) in name.char_indices().enumerate().take(MAX_PLACE_CHARS) {
        if k == 0 || !DIVISIONS.contains(&c) {
            continue;
        }
        let after = at + c.len_utf8();
        if name[after..].chars().count() >= 2 {
            out.push(&name[at..]);
            out.push(&name[after..]);
        }
    }
    out
}

/// For each key, the index of the same agency's report for the year
/// before, if the batch has one: the first with the very name, else the
/// one report whose name is a shorter form of it, or of which it is one.
pub fn previous_years(keys: &[Option<Key>]) -> Vec<Option<usize>> {
    // Each name, and each shorter form of a name, with the report that has it.
    let mut exact = Index::with_capacity(keys.len());
    let mut shorter = Index::with_capacity(keys.len() * 4);
    for (i, key) in keys.iter().enumerate() {
        let Some(k) = key else { continue };
        exact.insert(&k.agency, k.year, i);
        for form in shorter_forms(&k.agency) {
            shorter.insert(form, k.year, i);
        }
    }
    let mut out = Vec::with_capacity(keys.len());
    for key in keys {
        out.push(key.as_ref().and_then(|k| previous_of(k, &exact, &shorter)));
    }
    out
}

/// The report of `key`'s agency for the year before, by [`previous_years`]'s rule.
fn previous_of(k: &Key, exact: &Index, shorter: &Index) -> Option<usize> {
    let year = k.year.checked_sub(1)?;
    if let Some(first) = exact.find(&k.agency, year).min() {
        return Some(first);
    }
    // Last year's report named the agency by a longer name, or a shorter one.
    let mut found: Vec<usize> = shorter.find(&k.agency, year).collect();
    for form in shorter_forms(&k.agency) {
        found.extend(exact.find(form, year));
    }
    let first = *found.first()?;
    found.iter().all(|&f| f == first).then_some(first)
}

/// Reports by (name, year): a hash table with open addressing (a few
/// hundred bytes of code, where a BTreeMap would add kilobytes to the wasm
/// builds).
struct Index<'a> {
    /// Each slot an index into `entries`, or `usize::MAX` when empty.
    slots: Vec<usize>,
    entries: Vec<(&'a str, i32, usize)>,
}

impl<'a> Index<'a> {
    fn with_capacity(n: usize) -> Index<'a> {
        Index { slots: vec![usize::MAX; (2 * n).next_power_of_two().max(16)], entries: Vec::with_capacity(n) }
    }

    fn slot(&self, name: &str, year: i32) -> usize {
        let mut hash = year as u64;
        for b in name.bytes() {
            hash = (hash.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
        (hash >> 32) as usize & (self.slots.len() - 1)
    }

    fn insert(&mut self, name: &'a str, year: i32, report: usize) {
        if self.entries.len() * 2 >= self.slots.len() {
            // Full enough: twice the slots, every entry placed again.
            let entries = std::mem::take(&mut self.entries);
            *self = Index::with_capacity(self.slots.len());
            for (n, y, r) in entries {
                self.insert(n, y, r);
            }
        }
        let mut at = self.slot(name, year);
        while self.slots[at] != usize::MAX {
            at = (at + 1) & (self.slots.len() - 1);
        }
        self.slots[at] = self.entries.len();
        self.entries.push((name, year, report));
    }

    /// The reports with this name and year.
    fn find<'s>(&'s self, name: &'s str, year: i32) -> impl Iterator<Item = usize> + 's {
        let mask = self.slots.len() - 1;
        let start = self.slot(name, year);
        (0..self.slots.len()).map(move |k| self.slots[(start + k) & mask]).take_while(|&e| e != usize::MAX).filter_map(
            move |e| {
                let (n, y, r) = self.entries[e];
                (y == year && n == name).then_some(r)
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(agency: &str, year: i32) -> Option<Key> {
        Key::new(agency, year)
    }

    #[test]
    fn names_are_normalised_but_agencies_kept_apart() {
        assert_eq!(normalise("温州市 人民政府 办公室"), "温州市政府办公室");
        assert_eq!(normalise("某县（自治县）民政局"), "某县(自治县)民政局");
        assert_ne!(normalise("温州市人民政府办公室"), normalise("温州市人民政府"));
    }

    #[test]
    fn consecutive_years_of_one_agency_pair() {
        let keys = [
            key("温州市机关事务管理局", 2021),
            key("温州市人民政府", 2021),
            key("温州市 机关事务管理局", 2020),
            key("温州市政府", 2020),
            key("温州市人民政府办公室", 2020),
            key("温州市机关事务管理局", 2019),
        ];
        assert_eq!(previous_years(&keys), [Some(2), Some(3), Some(5), None, None, None]);
    }

    #[test]
    fn a_name_without_its_place_pairs_when_it_fits_one_report() {
        // 市科委 (2021) and 上海市科委 (2020); 浙江省温州市财政局 (2021) and 温州市财政局 (2020).
        let keys =
            [key("市科委", 2021), key("上海市科委", 2020), key("浙江省温州市财政局", 2021), key("温州市财政局", 2020)];
        assert_eq!(previous_years(&keys), [Some(1), None, Some(3), None]);
        // 财政局 fits two cities' bureaus: no pair, never a guess.
        let keys = [key("财政局", 2021), key("温州市财政局", 2020), key("杭州市财政局", 2020)];
        assert_eq!(previous_years(&keys)[0], None);
        // Different cities' bureaus never pair.
        let keys = [key("温州市财政局", 2021), key("杭州市财政局", 2020)];
        assert_eq!(previous_years(&keys), [None, None]);
        // 市场 starts a name, not a place.
        let keys = [key("市场监督管理局", 2021), key("温州市市场监督管理局", 2020), key("温州市场馆", 2020)];
        assert_eq!(previous_years(&keys)[0], Some(1));
    }

    fn seed(name: &str) -> String {
        std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn seeds_000_and_001_are_one_agency_in_2021_and_2020() {
        let texts =
            [seed("000_a4b9aaf003e43d05.txt"), seed("001_76d90fd474e57dbd.txt"), seed("003_de92c8953c303105.txt")];
        let reports: Vec<Report> = texts.iter().map(|t| crate::check(t, None)).collect();
        let keys: Vec<Option<Key>> = reports.iter().map(Key::of).collect();
        assert_eq!(keys[0], Key::new("温州市机关事务管理局", 2021));
        assert_eq!(keys[1], Key::new("温州市机关事务管理局", 2020));
        assert_eq!(previous_years(&keys), [Some(1), None, None]);
    }

    #[test]
    fn the_key_from_the_text_is_the_checked_reports() {
        for name in ["000_a4b9aaf003e43d05.txt", "001_76d90fd474e57dbd.txt", "004_e8c91993164e9814.txt"] {
            let text = seed(name);
            assert_eq!(Key::of_text(&text), Key::of(&crate::check(&text, None)), "{name}");
            // A long report: its head tells the key.
            let long = format!("{text}\n{}", "其他内容。\n".repeat(4000));
            assert_eq!(Key::of_text(&long), Key::of(&crate::check(&long, None)), "{name}, long");
        }
        // A title found only past the head: the whole text is read.
        let flat = format!("{}\n温州市财政局2021年度政府信息公开工作年度报告\n", "页眉。".repeat(3000));
        assert_eq!(Key::of_text(&flat), Key::of(&crate::check(&flat, None)));
    }
}
