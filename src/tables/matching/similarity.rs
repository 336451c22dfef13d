//! Label similarity: a segment's label against a template row's.
//!
//! Similarity is the share of the template label's characters and character
//! pairs found near the end of the segment's label (where the row's own label
//! sits; group headings and wrapped header words come before it). OCR noise
//! (`一、才本年新收政女府…`), truncation (`(六)其`) and typos cost a little
//! each, never everything; the row's ordinal helps where little is left.

use crate::util::chars::is_letter;

/// A label's letters and digits, the part similarity looks at. Prepare each
/// label once: deciding what is a letter costs more than the comparing.
pub fn letters(label: &str) -> Vec<char> {
    label.chars().filter(|&c| is_letter(c)).collect()
}

/// Label similarity in 0..=1 for one template label against a segment label.
pub fn similarity(segment_label: &str, template_label: &str) -> f32 {
    similarity_of(&letters(segment_label), &letters(template_label))
}

/// [`similarity`] of prepared labels (see [`letters`]).
pub fn similarity_of(have: &[char], want: &[char]) -> f32 {
    let have = &have[have.len().saturating_sub(tail_len(want.len()))..];
    let chars = want.iter().filter(|c| have.contains(c)).count();
    let pairs = want.windows(2).filter(|w| have.windows(2).any(|h| h == *w)).count();
    similarity_from(chars, pairs, weights(want.len()))
}

/// How many of a segment label's last letters a template label of
/// `letters` letters is looked for in.
pub(super) fn tail_len(letters: usize) -> usize {
    letters * 3 / 2 + 6
}

/// The similarity of a template label of which `chars` letters and
/// `pairs` letter pairs were found, given its [`weights`].
pub(super) fn similarity_from(chars: usize, pairs: usize, (per_char, per_pair): (f32, f32)) -> f32 {
    chars as f32 * per_char + pairs as f32 * per_pair
}

/// What a found letter and a found letter pair add to the similarity of a
/// template label of `letters` letters: letters found count for a third,
/// pairs for two thirds (a label of one letter: the letter for all).
/// Weighed once per label, so that a similarity is two products, not two
/// divisions.
pub(super) fn weights(letters: usize) -> (f32, f32) {
    match letters {
        0 => (0.0, 0.0),
        1 => (1.0, 0.0),
        n => (1.0 / (3 * n) as f32, 2.0 / (3 * (n - 1)) as f32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::tuning::MATCH_THRESHOLD;

    #[test]
    fn garbled_labels_still_match() {
        assert!(similarity("一、才本年新收政女府信息公开申请数量", "本年新收政府信息公开申请数量") > 0.8);
        assert!(similarity("四、组吉转下年度E继续办理", "结转下年度继续办理") > 0.6);
        assert!(similarity("(六)其", "其他处理") < MATCH_THRESHOLD);
        assert!(similarity("三、本年度办理结果(一)予以公开", "予以公开") > 0.99);
    }

    #[test]
    fn the_label_is_read_from_the_end() {
        let s = "(一)予以公开(二)部分公开(区分处理的,只计这一情形,不计其他情形)";
        assert!(similarity(s, "予以公开") < MATCH_THRESHOLD);
        assert!(similarity(s, "部分公开(区分处理的,只计这一情形,不计其他情形)") > 0.9);
    }
}
