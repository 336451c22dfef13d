//! Segments assigned to template rows in order.

/// The best in-order assignment of segments to rows: `result[row] =
/// Some(segment)`. `score(segment, row)` is the gain of putting a segment in
/// a row, or `None` where it cannot go there. Rows and segments may be left
/// out; the order of both is kept. Time O(segments × rows).
pub fn align(segments: usize, rows: usize, score: impl Fn(usize, usize) -> Option<f32>) -> Vec<Option<usize>> {
    let w = rows + 1;
    // The best gains so far, by row: up to the previous segment and up to
    // this one.
    let mut previous = vec![0f32; w];
    let mut current = vec![0f32; w];
    // 0 = skip segment, 1 = skip row, 2 = match
    let mut step = vec![0u8; (segments + 1) * w];
    step[1..w].fill(1);
    for i in 1..=segments {
        let steps = &mut step[i * w..(i + 1) * w];
        for j in 1..w {
            let (mut b, mut s) = (previous[j], 0u8);
            if current[j - 1] > b {
                b = current[j - 1];
                s = 1;
            }
            if let Some(g) = score(i - 1, j - 1) {
                let m = previous[j - 1] + g;
                if m > b {
                    b = m;
                    s = 2;
                }
            }
            current[j] = b;
            steps[j] = s;
        }
        std::mem::swap(&mut previous, &mut current);
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
    fn alignment_keeps_order_and_skips() {
        // segments 0..4, rows 0..3; segment 1 is junk, row 2 is missing.
        let table =
            [[Some(1.0), None, None], [None, None, None], [None, Some(1.0), Some(0.4)], [None, None, Some(0.5)]];
        let a = align(4, 3, |s, r| table[s][r]);
        assert_eq!(a, [Some(0), Some(2), Some(3)]);
        let a = align(2, 3, |s, r| if s == 1 && r == 2 { Some(1.0) } else { None });
        assert_eq!(a, [None, None, Some(1)]);
    }
}
