//! Tolerant label matching: a segment's label against a template row's,
//! and the in-order alignment of segments to rows.
//!
//! Similarity is the share of the template label's characters and character
//! pairs found near the end of the segment's label (where the row's own label
//! sits; group headings and wrapped header words come before it). OCR noise
//! (`一、才本年新收政女府…`), truncation (`(六)其`) and typos cost a little
//! each, never everything; the row's ordinal helps where little is left.

/// How much of the template label must be found for a segment to be that row.
pub const MATCH_THRESHOLD: f32 = 0.34;

/// A label's letters and digits, the part similarity looks at. Prepare each
/// label once: deciding what is a letter costs more than the comparing.
pub fn letters(label: &str) -> Vec<char> {
    label.chars().filter(|&c| is_letter(c)).collect()
}

/// `char::is_alphanumeric` with a fast path for the common CJK block.
fn is_letter(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}') || c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric())
}

/// Label similarity in 0..=1 for one template label against a segment label.
pub fn similarity(segment_label: &str, template_label: &str) -> f32 {
    similarity_of(&letters(segment_label), &letters(template_label))
}

/// [`similarity`] of prepared labels (see [`letters`]).
pub fn similarity_of(have: &[char], want: &[char]) -> f32 {
    if want.is_empty() {
        return 0.0;
    }
    let tail_len = want.len() * 3 / 2 + 6;
    let have = &have[have.len().saturating_sub(tail_len)..];
    let unigrams = want.iter().filter(|c| have.contains(c)).count() as f32 / want.len() as f32;
    if want.len() == 1 {
        return unigrams;
    }
    let pairs = want.windows(2).filter(|w| have.windows(2).any(|h| h == *w)).count() as f32 / (want.len() - 1) as f32;
    (unigrams + 2.0 * pairs) / 3.0
}

/// Whether the segment label carries the ordinal (`(六)`, `3.`, `一、`) near
/// the start of its last part.
pub fn has_ordinal(segment_label: &str, ordinal: &str) -> bool {
    if ordinal.is_empty() {
        return false;
    }
    segment_label.match_indices(ordinal).any(|(at, _)| {
        // `1.` must not be the tail of `11.`; `一、` not of `十一、`.
        let before = segment_label[..at].chars().next_back();
        !before.is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
    })
}

/// The best in-order assignment of segments to rows: `result[row] =
/// Some(segment)`. `score(segment, row)` is the gain of putting a segment in
/// a row, or `None` where it cannot go there. Rows and segments may be left
/// out; the order of both is kept. Time O(segments × rows).
pub fn align(segments: usize, rows: usize, score: impl Fn(usize, usize) -> Option<f32>) -> Vec<Option<usize>> {
    let w = rows + 1;
    let mut best = vec![0f32; (segments + 1) * w];
    // 0 = skip segment, 1 = skip row, 2 = match
    let mut step = vec![0u8; (segments + 1) * w];
    for j in 1..=rows {
        step[j] = 1;
    }
    for i in 1..=segments {
        for j in 0..=rows {
            let mut b = best[(i - 1) * w + j];
            let mut s = 0u8;
            if j > 0 {
                let skip_row = best[i * w + j - 1];
                if skip_row > b {
                    b = skip_row;
                    s = 1;
                }
                if let Some(g) = score(i - 1, j - 1) {
                    let m = best[(i - 1) * w + j - 1] + g;
                    if m > b {
                        b = m;
                        s = 2;
                    }
                }
            }
            best[i * w + j] = b;
            step[i * w + j] = s;
        }
    }
    let mut out = vec![None; rows];
    let (mut i, mut j) = (segments, rows);
    while i > 0 || j > 0 {
        match step[i * w + j] {
            2 => {
                out[j - 1] = Some(i - 1);
                i -= 1;
                j -= 1;
            }
            1 => j -= 1,
            _ if i > 0 => i -= 1,
            _ => j -= 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn ordinals() {
        assert!(has_ordinal("(六)其", "(六)"));
        assert!(has_ordinal("三、7.属于行政执法案卷", "7."));
        assert!(!has_ordinal("11.什么", "1."));
        assert!(!has_ordinal("十一、什么", "一、"));
    }

    #[test]
    fn alignment_keeps_order_and_skips() {
        // segments 0..4, rows 0..3; segment 1 is junk, row 2 is missing.
        let table = [[Some(1.0), None, None], [None, None, None], [None, Some(1.0), Some(0.4)], [None, None, Some(0.5)]];
        let a = align(4, 3, |s, r| table[s][r]);
        assert_eq!(a, [Some(0), Some(2), Some(3)]);
        let a = align(2, 3, |s, r| if s == 1 && r == 2 { Some(1.0) } else { None });
        assert_eq!(a, [None, None, Some(1)]);
    }
}
