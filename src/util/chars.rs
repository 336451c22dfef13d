//! Character classes of Chinese report text.

/// `char::is_alphanumeric`, with fast paths for the common CJK block and
/// for the punctuation of Chinese text (`、。“”—《》`), which has no letters.
pub fn is_letter(c: char) -> bool {
    match c {
        '\u{4e00}'..='\u{9fff}' => true,
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{2000}'..='\u{206f}' | '\u{3000}'..='\u{3004}' | '\u{3008}'..='\u{3020}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// 一 … 十, the numerals of ordinals (`三、`, `(六)`).
pub fn is_chinese_numeral(c: char) -> bool {
    // (A match, not `str::contains`: asked of every character of a label.)
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

/// A dash, as blank marks and minus signs are written (`-`, `—`, `–`).
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '—' | '–')
}

/// The columns laid-out text gives a text: two for a wide (CJK or
/// full-width) character, one for any other. PDF text is laid out so
/// ([`crate::input::pdf_text`]) and measured so ([`crate::tables::sparse`]).
pub fn laid_out_width(s: &str) -> usize {
    s.chars().map(|c| if c >= '\u{1100}' && !('\u{ff61}'..='\u{ffdc}').contains(&c) { 2 } else { 1 }).sum()
}

/// The largest char boundary of `s` at or before `at` (a cut that never
/// splits a character).
pub fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_boundary_never_splits_a_character() {
        let s = "中a文";
        let cuts: Vec<usize> = (0..=9).map(|at| floor_boundary(s, at)).collect();
        assert_eq!(cuts, [0, 0, 0, 3, 4, 4, 4, 7, 7, 7]);
    }

    #[test]
    fn is_letter_is_is_alphanumeric() {
        for c in (0..0x11000).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn is_chinese_numeral_is_one_of_the_ten() {
        for c in (0..0x11000).filter_map(char::from_u32) {
            assert_eq!(is_chinese_numeral(c), "一二三四五六七八九十".contains(c), "{c:?}");
        }
    }
}
