//! A stable insertion sort, for the short lists the wasm builds sort: the
//! library's sort weighs some kilobytes in each wasm for every comparison
//! it is given, this a few dozen bytes.

/// Sorts in place, stably: `before(a, b)` when `a` goes before `b`.
/// Quadratic: for lists of a few hundred items at most.
pub fn insertion_sort<T: Copy>(v: &mut [T], before: fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && before(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}
