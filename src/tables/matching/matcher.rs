//! Many template labels against one segment label at once.

use super::similarity::{letters, similarity_from, tail_len, weights};
use crate::util::chars::{is_chinese_numeral, is_letter};

/// Template labels and ordinals prepared for matching against many segment
/// labels. Each letter and letter pair of the labels gets a small number,
/// with the list of labels that have it; reading a segment's label once
/// (see [`Matcher::probe`]) then counts, for every label at the same time,
/// how many of its letters and pairs the segment's label has, and each
/// row's similarity is a division: the same figure as [`similarity_of`], at
/// a small part of its cost.
pub struct Matcher {
    /// Letter → its number.
    chars: SlotMap,
    /// Pair of letter numbers → the pair's number.
    pairs: SlotMap,
    /// For each label: its [`weights`].
    labels: Vec<(f32, f32)>,
    /// For each letter number, the labels that have the letter.
    char_postings: Postings,
    /// For each pair number, the labels that have the pair.
    pair_postings: Postings,
    ordinals: Vec<&'static str>,
    /// For each character an ordinal ends with (`、`, `.`, `)`), the
    /// ordinals that end with it.
    by_last_char: Vec<(char, Vec<u16>)>,
}

/// For each letter (or pair) number, the labels that have it: `entries[
/// start[id]..start[id + 1]]`, longest tail first.
struct Postings {
    start: Vec<u32>,
    entries: Vec<Posting>,
}

#[derive(Clone, Copy)]
struct Posting {
    label: u16,
    /// How many of the segment label's last letters the label looks at
    /// (see [`similarity_of`]).
    tail: u16,
    /// How many times the label has the letter (or pair).
    times: u16,
}

impl Postings {
    /// `ids[label]` is the label's letter (or pair) numbers; `tails[label]`
    /// its tail.
    fn new(ids: &[Vec<u16>], tails: &[u16], len: usize) -> Self {
        let mut lists: Vec<Vec<Posting>> = vec![Vec::new(); len];
        for (label, (ids, &tail)) in ids.iter().zip(tails).enumerate() {
            for &id in ids {
                let list = &mut lists[id as usize];
                match list.iter_mut().find(|p| p.label as usize == label) {
                    Some(p) => p.times += 1,
                    None => list.push(Posting { label: label as u16, tail, times: 1 }),
                }
            }
        }
        let mut start = vec![0];
        let mut entries = Vec::new();
        for mut list in lists {
            // Longest tail first. (An insertion sort: the lists are short,
            // and the library's sort would cost some 4 KB of wasm.)
            for i in 1..list.len() {
                let mut j = i;
                while j > 0 && list[j - 1].tail < list[j].tail {
                    list.swap(j - 1, j);
                    j -= 1;
                }
            }
            entries.extend(list);
            start.push(entries.len() as u32);
        }
        Postings { start, entries }
    }

    /// Adds to `found[label]` the times of each label that has `id` and
    /// looks further back than `distance` letters from the end.
    fn count(&self, id: u16, distance: usize, found: &mut [u16]) {
        let list = &self.entries[self.start[id as usize] as usize..self.start[id as usize + 1] as usize];
        for p in list.iter().take_while(|p| p.tail as usize > distance) {
            found[p.label as usize] += p.times;
        }
    }
}

/// A small open-addressing map from `u32` keys to numbers `0..len`.
struct SlotMap {
    slots: Vec<(u32, u16)>,
    len: usize,
}

impl SlotMap {
    const EMPTY: u32 = u32::MAX;

    fn new(keys: &[u32]) -> Self {
        let size = (keys.len() * 4).next_power_of_two().max(16);
        let mut table = SlotMap { slots: vec![(Self::EMPTY, 0); size], len: 0 };
        for &k in keys {
            if table.get(k).is_none() {
                let at = table.slot(k);
                table.slots[at] = (k, table.len as u16);
                table.len += 1;
            }
        }
        table
    }

    /// Where `key` is, or the empty slot where it would go.
    fn slot(&self, key: u32) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = (key.wrapping_mul(0x9e37_79b1) >> 16) as usize & mask;
        while self.slots[at].0 != key && self.slots[at].0 != Self::EMPTY {
            at = (at + 1) & mask;
        }
        at
    }

    fn get(&self, key: u32) -> Option<u16> {
        let (k, v) = self.slots[self.slot(key)];
        (k == key).then_some(v)
    }
}

fn pair_key(a: u16, b: u16) -> u32 {
    (a as u32) << 16 | b as u32
}

/// A letter no template label has.
const NO_LETTER: u16 = u16::MAX;

/// A segment label as [`Matcher`] reads it: for each template label, how
/// many of its letters and pairs the segment label's tail has, and where
/// each template ordinal occurs (in characters).
#[derive(Default)]
pub struct Probe {
    /// Per template label: its letters (and pairs) found, counted as
    /// [`similarity_of`] counts them.
    char_found: Vec<u16>,
    pair_found: Vec<u16>,
    /// The label's letters as letter numbers ([`NO_LETTER`] for others).
    letters: Vec<u16>,
    /// For each letter number, then each pair number: the last probe
    /// (its `stamp`) that counted it.
    seen: Vec<u32>,
    stamp: u32,
    /// (ordinal, position in characters, the character before it allows it).
    ordinals: Vec<(u16, u32, bool)>,
    chars: u32,
}

impl Matcher {
    /// `labels` and `ordinals` are referred to by their index from then on.
    pub fn new(labels: &[&str], ordinals: &[&'static str]) -> Self {
        let letters: Vec<Vec<char>> = labels.iter().map(|l| letters(l)).collect();
        let all: Vec<u32> = letters.iter().flatten().map(|&c| c as u32).collect();
        let chars = SlotMap::new(&all);
        let char_ids: Vec<Vec<u16>> =
            letters.iter().map(|l| l.iter().map(|&c| chars.get(c as u32).unwrap_or(0)).collect()).collect();
        let all: Vec<u32> = char_ids.iter().flat_map(|l| l.windows(2).map(|w| pair_key(w[0], w[1]))).collect();
        let pairs = SlotMap::new(&all);
        let pair_ids: Vec<Vec<u16>> = char_ids
            .iter()
            .map(|l| l.windows(2).map(|w| pairs.get(pair_key(w[0], w[1])).unwrap_or(0)).collect())
            .collect();
        let tails: Vec<u16> = letters.iter().map(|l| tail_len(l.len()) as u16).collect();
        let mut by_last_char: Vec<(char, Vec<u16>)> = Vec::new();
        for (i, o) in ordinals.iter().enumerate() {
            let Some(last) = o.chars().next_back() else { continue };
            match by_last_char.iter_mut().find(|(c, _)| *c == last) {
                Some((_, list)) => list.push(i as u16),
                None => by_last_char.push((last, vec![i as u16])),
            }
        }
        Matcher {
            char_postings: Postings::new(&char_ids, &tails, chars.len),
            pair_postings: Postings::new(&pair_ids, &tails, pairs.len),
            chars,
            pairs,
            labels: letters.iter().map(|l| weights(l.len())).collect(),
            ordinals: ordinals.to_vec(),
            by_last_char,
        }
    }

    /// Reads a segment label once for every [`Matcher::similarity`] and
    /// [`Matcher::has_ordinal`] against it.
    pub fn probe(&self, segment_label: &str) -> Probe {
        let mut probe = Probe::default();
        self.probe_into(segment_label, &mut probe);
        probe
    }

    /// [`Matcher::probe`] into a probe already made, reusing its memory.
    pub fn probe_into(&self, segment_label: &str, probe: &mut Probe) {
        let Probe { char_found, pair_found, letters, seen, stamp, ordinals, chars } = probe;
        letters.clear();
        ordinals.clear();
        *chars = 0;
        for (at, c) in segment_label.char_indices() {
            // An ordinal is noted where it ends, at one of the few
            // characters ordinals end with.
            if let Some((_, list)) = self.by_last_char.iter().find(|(last, _)| *last == c) {
                let head = &segment_label[..at + c.len_utf8()];
                for &o in list {
                    let ordinal = self.ordinals[o as usize];
                    if head.ends_with(ordinal) {
                        let start = head.len() - ordinal.len();
                        // `1.` must not be the tail of `11.`; `一、` not of `十一、`.
                        let before = segment_label[..start].chars().next_back();
                        let allowed = !before.is_some_and(|c| c.is_ascii_digit() || is_chinese_numeral(c));
                        let len = ordinal.chars().count() as u32;
                        ordinals.push((o, *chars + 1 - len, allowed));
                    }
                }
            }
            *chars += 1;
            if is_letter(c) {
                letters.push(self.chars.get(c as u32).unwrap_or(NO_LETTER));
            }
        }
        for (found, len) in [(&mut *char_found, self.labels.len()), (&mut *pair_found, self.labels.len())] {
            found.clear();
            found.resize(len, 0);
        }
        // A letter or pair is seen in this probe when its mark is `stamp`
        // (letters first, then pairs), so marks are never cleared.
        seen.resize(self.chars.len + self.pairs.len, 0);
        *stamp = stamp.wrapping_add(1);
        if *stamp == 0 {
            seen.fill(0);
            *stamp = 1;
        }
        let mut first_time = |id: usize| std::mem::replace(&mut seen[id], *stamp) != *stamp;
        // From the end, so a letter (or pair) is counted at its last
        // occurrence, for the labels whose tail reaches that far back.
        for (distance, k) in (0..letters.len()).rev().enumerate() {
            let id = letters[k];
            if id == NO_LETTER {
                continue;
            }
            if first_time(id as usize) {
                self.char_postings.count(id, distance, char_found);
            }
            let Some(&first) = k.checked_sub(1).and_then(|j| letters.get(j)) else { continue };
            if first == NO_LETTER {
                continue;
            }
            if let Some(p) = self.pairs.get(pair_key(first, id)) {
                // A pair is as far back as its first letter.
                if first_time(self.chars.len + p as usize) {
                    self.pair_postings.count(p, distance + 1, pair_found);
                }
            }
        }
    }

    /// [`similarity_of`] of a probed segment label and template label `label`.
    pub fn similarity(&self, probe: &Probe, label: usize) -> f32 {
        similarity_from(probe.char_found[label] as usize, probe.pair_found[label] as usize, self.labels[label])
    }

    /// Whether the last `window` characters of a probed segment label carry
    /// ordinal `ordinal` (`(六)`, `3.`, `一、`), not as the tail of a longer
    /// one (`1.` in `11.`, `一、` in `十一、`).
    pub fn has_ordinal(&self, probe: &Probe, ordinal: usize, window: usize) -> bool {
        let from = probe.chars.saturating_sub(window as u32);
        // An ordinal right at the window's start has nothing before it.
        probe.ordinals.iter().any(|&(o, at, allowed)| o as usize == ordinal && at >= from && (allowed || at == from))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::matching::similarity;
    use crate::util::chars::is_chinese_numeral;

    /// The plain reading of [`Matcher::has_ordinal`]: the ordinal anywhere
    /// in the last `window` characters, not as the tail of a longer one.
    fn has_ordinal(segment_label: &str, ordinal: &str, window: usize) -> bool {
        let tail_start = segment_label.char_indices().rev().nth(window - 1).map_or(0, |(i, _)| i);
        let tail = &segment_label[tail_start..];
        !ordinal.is_empty()
            && tail.match_indices(ordinal).any(|(at, _)| {
                let before = tail[..at].chars().next_back();
                !before.is_some_and(|c| c.is_ascii_digit() || is_chinese_numeral(c))
            })
    }

    const LABELS: [&str; 7] = [
        "本年新收政府信息公开申请数量",
        "予以公开",
        "部分公开（区分处理的，只计这一情形）",
        "其他",
        "总计",
        "公开公开其他公",
        "x",
    ];
    const ORDINALS: [&str; 5] = ["一、", "(一)", "1.", "(六)", "7."];

    #[test]
    fn ordinals() {
        let m = Matcher::new(&LABELS, &ORDINALS);
        let has = |label: &str, o: usize| m.has_ordinal(&m.probe(label), o, 40);
        assert!(has("(六)其", 3));
        assert!(has("三、7.属于行政执法案卷", 4));
        assert!(!has("11.什么", 2));
        assert!(!has("十一、什么", 0));
        // Only the window counts, and an ordinal at its very start has
        // nothing before it.
        let probe = m.probe("1.予以公开公开公开公开公开公开");
        assert!(!m.has_ordinal(&probe, 2, 10));
        assert!(m.has_ordinal(&m.probe("11.予以"), 2, 4));
    }

    proptest::proptest! {
        /// The prepared matcher gives exactly the plain functions' figures.
        #[test]
        fn matcher_equals_the_plain_reading(
            picks in proptest::collection::vec(0usize..64, 0..40),
            window in 1usize..30,
        ) {
            let alphabet: Vec<char> = "本年新收政府予以公开其他总计一二十(六)1.7、x 0".chars().collect();
            let label: String = picks.iter().map(|&i| alphabet[i % alphabet.len()]).collect();
            let m = Matcher::new(&LABELS, &ORDINALS);
            // A probe reused after another label reads this one afresh.
            let mut probe = m.probe("一、予以公开(六)其他1.总计x");
            m.probe_into(&label, &mut probe);
            for (i, want) in LABELS.iter().enumerate() {
                let plain = similarity(&label, want);
                proptest::prop_assert_eq!(m.similarity(&probe, i).to_bits(), plain.to_bits(), "{} vs {}", label, want);
            }
            for (i, o) in ORDINALS.iter().enumerate() {
                proptest::prop_assert_eq!(m.has_ordinal(&probe, i, window), has_ordinal(&label, o, window), "{} {} {}", label, o, window);
            }
        }
    }
}
