//! Substring search for short needles (template words, a few to ~40 bytes).
//!
//! `str::find` with a `&str` needle sets up a Two-Way searcher on every call
//! (some 480 instructions), more than a search in a short label costs. These
//! functions use Horspool's skip instead (a 256-byte table, set up in a few
//! instructions): a window whose last byte is not in the needle moves on by
//! the needle's length. They return exactly
//! what the `str` methods return; a match of a whole UTF-8 needle in UTF-8
//! text always starts and ends on char boundaries. The worst case is O(n·m)
//! for a haystack of n bytes and a needle of m, and m is a short template
//! word, so it is linear in the input.
//!
//! They pay in short haystacks (labels, a clause, a section's prose); over a
//! long text they hand over to `str`'s own search, so a caller never chooses.

/// How far a window may move when its last (for `rfind`, first) byte is `b`:
/// to the next place `b` stands in the needle (all but that byte, given from
/// the window's far end), up to `len`, at most 255.
fn shifts(needle: impl Iterator<Item = u8>, len: usize) -> [u8; 256] {
    let mut shift = [len.min(255) as u8; 256];
    for (i, b) in needle.enumerate() {
        shift[b as usize] = (len - 1 - i).min(255) as u8;
    }
    shift
}

/// Haystacks up to this long are read window by window: setting up the
/// skip table would cost more than the whole search.
const SHORT: usize = 64;

/// Haystacks longer than this are searched with `str`'s own search, which
/// is faster in time over long text (Horspool's steps wait on each other).
const LONG: usize = 4096;

/// The byte offset of the first `needle` in `haystack`, as `haystack.find(needle)`.
/// Callers never choose a search: this picks one by the haystack's length.
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    if haystack.len() > LONG {
        return haystack.find(needle);
    }
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&last, init)) = n.split_last() else { return Some(0) };
    if h.len() <= SHORT {
        let starts = 0..(h.len() + 1).saturating_sub(n.len());
        return starts.into_iter().find(|&at| h[at + init.len()] == last && h[at..at + init.len()] == *init);
    }
    let shift = shifts(init.iter().copied(), n.len());
    // The index of the window's last byte.
    let mut end = init.len();
    while let Some(&b) = h.get(end) {
        if b == last && h[end - init.len()..end] == *init {
            return Some(end - init.len());
        }
        end += shift[b as usize] as usize;
    }
    None
}

/// The byte offset of the last `needle` in `haystack`, as `haystack.rfind(needle)`.
pub fn rfind(haystack: &str, needle: &str) -> Option<usize> {
    if haystack.len() > LONG {
        return haystack.rfind(needle);
    }
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, tail)) = n.split_first() else { return Some(h.len()) };
    if h.len() <= SHORT {
        let starts = 0..(h.len() + 1).saturating_sub(n.len());
        return starts.rev().find(|&at| h[at] == first && h[at + 1..at + n.len()] == *tail);
    }
    let shift = shifts(tail.iter().rev().copied(), n.len());
    // The index of the window's first byte, counted from the end.
    let mut back = tail.len();
    while back < h.len() {
        let at = h.len() - 1 - back;
        let b = h[at];
        if b == first && h[at + 1..at + n.len()] == *tail {
            return Some(at);
        }
        back += shift[b as usize] as usize;
    }
    None
}

/// Whether `needle` occurs in `haystack`, as `haystack.contains(needle)`.
pub fn contains(haystack: &str, needle: &str) -> bool {
    find(haystack, needle).is_some()
}

/// The offsets of the non-overlapping `needle`s in `haystack`, left to
/// right, as `haystack.match_indices(needle).map(|m| m.0)`.
pub fn matches<'a>(haystack: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut from = Some(0);
    std::iter::from_fn(move || {
        let start = from?;
        let at = start + find(&haystack[start..], needle)?;
        // An empty needle matches at every char boundary, the end included.
        let step =
            if needle.is_empty() { haystack[at..].chars().next().map(char::len_utf8) } else { Some(needle.len()) };
        from = step.map(|s| at + s);
        Some(at)
    })
}

/// For each needle, the offsets `matches` gives for it (see [`Needles`]).
#[cfg(test)]
pub fn matches_each(haystack: &str, needles: &[&str]) -> Vec<Vec<usize>> {
    Needles::new(needles).matches_each(haystack)
}

/// Needles prepared once for [`Needles::matches_each`] in many haystacks:
/// all of them found in one reading of a haystack, each tried where its
/// first character stands (the rules' phrases, read from the prose at
/// once, rather than one search per phrase).
pub struct Needles<'n> {
    needles: Vec<&'n str>,
    /// The needles' first characters, as bytes, each once, with the
    /// needles that start with it.
    groups: Vec<(&'n [u8], Vec<usize>)>,
    /// For each byte, 1 + the first group whose character ends with it,
    /// and from each group the next one that does (0: none).
    ends: [u16; 256],
    next: Vec<u16>,
    /// The last two bytes of every first character, as a set of 65536
    /// bits (a character of one byte with every byte before it): in CJK
    /// text most characters end with a byte some first character ends
    /// with, few with its last two. Each byte of a haystack is tested
    /// here, with no branch taken where none ends.
    pairs: Vec<u64>,
}

/// Whether two slices of one length are equal, compared in place: most
/// differ in their first bytes, where a call to memcmp costs more.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.iter().zip(b).all(|(x, y)| x == y)
}

/// The bit of two bytes in [`Needles::pairs`].
fn pair(before: u8, last: u8) -> (usize, u64) {
    let k = (before as usize) << 8 | last as usize;
    (k / 64, 1 << (k % 64))
}

impl<'n> Needles<'n> {
    pub fn new(needles: &[&'n str]) -> Self {
        let mut groups: Vec<(&[u8], Vec<usize>)> = Vec::new();
        for (j, n) in needles.iter().enumerate() {
            let first = &n.as_bytes()[..n.chars().next().map_or(0, char::len_utf8)];
            match groups.iter_mut().find(|g| g.0 == first) {
                Some(g) => g.1.push(j),
                None => groups.push((first, vec![j])),
            }
        }
        let mut ends = [0u16; 256];
        let mut next = vec![0u16; groups.len()];
        let mut pairs = vec![0u64; 65536 / 64];
        for (g, (first, _)) in groups.iter().enumerate().take(MAX_NEEDLES).rev() {
            if let Some(&last) = first.last() {
                next[g] = ends[last as usize];
                ends[last as usize] = g as u16 + 1;
            }
            match first {
                [.., before, last] => {
                    let (word, bit) = pair(*before, *last);
                    pairs[word] |= bit;
                }
                [only] => {
                    for before in 0..=u8::MAX {
                        let (word, bit) = pair(before, *only);
                        pairs[word] |= bit;
                    }
                }
                [] => {}
            }
        }
        Needles { needles: needles.to_vec(), groups, ends, next, pairs }
    }

    /// For each needle, the offsets `matches` gives for it.
    pub fn matches_each(&self, haystack: &str) -> Vec<Vec<usize>> {
        let Needles { needles, groups, ends, next, pairs } = self;
        if groups.len() > MAX_NEEDLES || groups.iter().any(|g| g.0.is_empty()) {
            // (Empty needles match at every char boundary.)
            return needles.iter().map(|n| matches(haystack, n).collect()).collect();
        }
        let mut out = vec![Vec::new(); needles.len()];
        // Where each needle's next match may start (matches do not overlap).
        let mut free = vec![0; needles.len()];
        let bytes = haystack.as_bytes();
        let mut before = 0;
        // Only where some first character ends with these two bytes.
        for (at, &last) in bytes.iter().enumerate() {
            let (word, bit) = pair(std::mem::replace(&mut before, last), last);
            if pairs[word] & bit == 0 {
                continue;
            }
            let mut g = ends[last as usize];
            while g != 0 {
                let (first, members) = &groups[g as usize - 1];
                g = next[g as usize - 1];
                // A whole character ends here (UTF-8 cannot match part of
                // one). (Compared in place: a call to memcmp costs more.)
                let Some(start) = (at + 1).checked_sub(first.len()) else { continue };
                if !same(&bytes[start..=at], first) {
                    continue;
                }
                for &j in members {
                    let n = needles[j].as_bytes();
                    if start >= free[j] && bytes.get(start..start + n.len()).is_some_and(|h| same(h, n)) {
                        out[j].push(start);
                        free[j] = start + n.len();
                    }
                }
            }
        }
        out
    }
}

/// Needles with more different first characters than this are searched
/// for one by one.
const MAX_NEEDLES: usize = 4096;

/// The longest start (whole characters) two strings share.
pub fn shared_start<'a>(a: &'a str, b: &str) -> &'a str {
    let len = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    &a[..crate::util::chars::floor_boundary(a, len)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needles_sharing_only_part_of_a_character_share_no_start() {
        // 收 and 改 share their first two bytes.
        assert_eq!(shared_start("收到", "改到"), "");
        assert_eq!(shared_start("统计期限", "统计时间"), "统计");
        let h = "统计时间为2021年，统计期限同上";
        assert_eq!(
            matches_each(h, &["统计期限", "统计时间", "收到"]),
            [vec![h.find("统计期限").unwrap()], vec![0], vec![]]
        );
        assert_eq!(matches_each(h, &["改到", "收"]), [Vec::<usize>::new(), Vec::new()]);
    }

    #[test]
    fn as_the_str_methods() {
        let h = "共收到政府信息公开申请7件，其中收到依申请公开3件";
        assert_eq!(find(h, "收到"), h.find("收到"));
        assert_eq!(rfind(h, "收到"), h.rfind("收到"));
        assert_eq!(find(h, "其中收"), h.find("其中收"));
        assert_eq!(find(h, "行政复议"), None);
        assert_eq!((find(h, ""), rfind(h, "")), (Some(0), Some(h.len())));
        assert_eq!(matches(h, "收到").collect::<Vec<_>>(), vec![3, 46]);
        assert_eq!(matches("aaaa", "aa").collect::<Vec<_>>(), vec![0, 2]);
        // Needles longer than a shift can say (255 bytes) still match.
        let long = "政府信息公开".repeat(20);
        let h = format!("收到{long}{long}件");
        assert_eq!((find(&h, &long), rfind(&h, &long)), (h.find(&long), h.rfind(&long)));
    }

    proptest::proptest! {
        /// Equal to `str::find`, `rfind`, `contains` and `match_indices`,
        /// on CJK and ASCII text where needles often (partly) occur.
        #[test]
        fn equals_the_str_methods(
            hay in proptest::collection::vec(0usize..64, 0..60),
            pin in proptest::collection::vec(0usize..64, 0..5),
        ) {
            let alphabet: Vec<char> = "收到申请其中，。ab1 件条年月日政府信息公开\u{10000}é".chars().collect();
            let h: String = hay.iter().map(|&i| alphabet[i % alphabet.len()]).collect();
            let n: String = pin.iter().map(|&i| alphabet[i % alphabet.len()]).collect();
            proptest::prop_assert_eq!(find(&h, &n), h.find(n.as_str()), "{:?} in {:?}", n, h);
            proptest::prop_assert_eq!(rfind(&h, &n), h.rfind(n.as_str()), "{:?} in {:?}", n, h);
            proptest::prop_assert_eq!(contains(&h, &n), h.contains(n.as_str()));
            let want: Vec<usize> = h.match_indices(n.as_str()).map(|m| m.0).collect();
            proptest::prop_assert_eq!(matches(&h, &n).collect::<Vec<_>>(), want.clone(), "{:?} in {:?}", n, h);
            let half: String = n.chars().skip(pin.len() / 2).collect();
            let others = [half.as_str(), "收到", "申请其中", "ab"];
            let each = matches_each(&h, &[n.as_str(), others[0], others[1], others[2], others[3]]);
            proptest::prop_assert_eq!(&each[0], &want, "{:?} in {:?}", n, h);
            for (i, o) in others.iter().enumerate() {
                let want: Vec<usize> = h.match_indices(o).map(|m| m.0).collect();
                proptest::prop_assert_eq!(&each[i + 1], &want, "{:?} in {:?}", o, h);
            }
            // Needles with a start in common (the one-scan path), which
            // may overlap itself (`aa`).
            let shared = [format!("{n}收"), format!("{n}申请"), n.clone(), format!("{n}{n}")];
            let needles: Vec<&str> = shared.iter().map(String::as_str).collect();
            for (got, needle) in matches_each(&h, &needles).iter().zip(&needles) {
                let want: Vec<usize> = h.match_indices(needle).map(|m| m.0).collect();
                proptest::prop_assert_eq!(got, &want, "{:?} in {:?}", needle, h);
            }
            // A needle cut from the haystack itself is always found.
            if let Some((a, b)) = h.char_indices().nth(hay.len() / 3).map(|(a, _)| (a, (a + 7).min(h.len()))) {
                if h.is_char_boundary(b) {
                    let cut = &h[a..b];
                    proptest::prop_assert_eq!(find(&h, cut), h.find(cut));
                    proptest::prop_assert_eq!(rfind(&h, cut), h.rfind(cut));
                }
            }
        }
    }
}
