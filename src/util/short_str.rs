//! A short string kept inline: a number's digits and a cell's text are
//! nearly always a few bytes (`0`, `1362`, `/`), and a report has hundreds
//! of them, so they cost no allocation. Longer ones (glued digit runs, a
//! word in a cell) go to the heap. Reads as a `str`.

use serde::{Serialize, Serializer};

#[derive(Clone)]
pub enum ShortStr {
    Inline(u8, [u8; ShortStr::INLINE]),
    // (Boxed twice so that a `ShortStr` stays 16 bytes.)
    #[allow(clippy::box_collection)]
    Heap(Box<String>),
}

impl ShortStr {
    pub const INLINE: usize = 14;

    pub fn as_str(&self) -> &str {
        match self {
            // (Always valid: a whole `str` was copied in.)
            ShortStr::Inline(len, bytes) => std::str::from_utf8(&bytes[..*len as usize]).unwrap_or_default(),
            ShortStr::Heap(s) => s,
        }
    }

    /// Sets the string in place: an inline one is overwritten where it
    /// is (not built apart and copied in, which stalls: its bytes are
    /// stored in pieces and read back whole).
    pub fn set(&mut self, s: &str) {
        match self {
            ShortStr::Inline(len, bytes) if s.len() <= ShortStr::INLINE => {
                *len = s.len() as u8;
                *bytes = inline_bytes(s);
            }
            _ => *self = s.into(),
        }
    }
}

/// A short string's bytes, zero-padded, gathered in a register (not
/// copied byte by byte into memory that is then read as words).
#[inline(always)]
fn inline_bytes(s: &str) -> [u8; ShortStr::INLINE] {
    let word = s.bytes().rev().fold(0u128, |w, b| w << 8 | b as u128);
    let mut bytes = [0; ShortStr::INLINE];
    bytes.copy_from_slice(&word.to_le_bytes()[..ShortStr::INLINE]);
    bytes
}

impl Default for ShortStr {
    fn default() -> Self {
        ShortStr::Inline(0, [0; ShortStr::INLINE])
    }
}

impl From<&str> for ShortStr {
    // (Inlined natively: a short string returned in memory is stored in
    // parts and read back whole, which stalls. Not in the WebAssembly,
    // where size counts more.)
    #[cfg_attr(not(target_family = "wasm"), inline(always))]
    fn from(s: &str) -> Self {
        if s.len() <= ShortStr::INLINE {
            ShortStr::Inline(s.len() as u8, inline_bytes(s))
        } else {
            ShortStr::Heap(Box::new(s.to_string()))
        }
    }
}

impl std::ops::Deref for ShortStr {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for ShortStr {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<str> for ShortStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl std::fmt::Debug for ShortStr {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl std::fmt::Display for ShortStr {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ShortStr {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::ShortStr;

    #[test]
    fn reads_as_written_inline_or_not() {
        for s in ["", "0", "1362", "12345678901234", "123456789012345", "0000000000000000000000001", "／", "三四五六七"]
        {
            let d = ShortStr::from(s);
            assert_eq!(d.as_str(), s);
            assert_eq!(matches!(d, ShortStr::Inline(..)), s.len() <= ShortStr::INLINE);
            assert_eq!(format!("{d}|{d:?}"), format!("{s}|{s:?}"));
            assert_eq!(serde_json::to_string(&d).unwrap(), serde_json::to_string(s).unwrap());
            assert_eq!(d, ShortStr::from(s));
            assert!(d == *s);
        }
        assert_ne!(ShortStr::from("1"), ShortStr::from("10"));
        // Set in place, from inline or heap to inline or heap.
        for (a, b) in [("1362", "0"), ("0", "123456789012345"), ("123456789012345", "7"), ("三四五六七", "／")] {
            let mut d = ShortStr::from(a);
            d.set(b);
            assert_eq!((d.as_str(), matches!(d, ShortStr::Inline(..))), (b, b.len() <= ShortStr::INLINE));
            assert_eq!(d, ShortStr::from(b));
        }
        assert_eq!(ShortStr::default().as_str(), "");
        assert_eq!(std::mem::size_of::<ShortStr>(), 16);
    }
}
