//! A short string kept inline: a number's digits and a cell's text are
//! nearly always a few bytes (`0`, `1362`, `/`), and a report has hundreds
//! of them, so they cost no allocation. Longer ones (glued digit runs, a
//! word in a cell) go to the heap. Reads as a `str`.

use serde::{Serialize, Serializer};

#[derive(Clone)]
pub enum ShortStr {
    Inline(u8, [u8; ShortStr::INLINE]),
    // (Boxed twice so that a `ShortStr` stays 16 bytes.)
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
}

impl Default for ShortStr {
    fn default() -> Self {
        ShortStr::Inline(0, [0; ShortStr::INLINE])
    }
}

impl From<&str> for ShortStr {
    fn from(s: &str) -> Self {
        if s.len() <= ShortStr::INLINE {
            // Gathered in a register, not copied byte by byte into memory
            // that is then read as words (a stall on every short string).
            let word = s.bytes().rev().fold(0u128, |w, b| w << 8 | b as u128);
            let mut bytes = [0; ShortStr::INLINE];
            bytes.copy_from_slice(&word.to_le_bytes()[..ShortStr::INLINE]);
            ShortStr::Inline(s.len() as u8, bytes)
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
        for s in ["", "0", "1362", "12345678901234", "123456789012345", "0000000000000000000000001", "／", "三四五六七"] {
            let d = ShortStr::from(s);
            assert_eq!(d.as_str(), s);
            assert_eq!(matches!(d, ShortStr::Inline(..)), s.len() <= ShortStr::INLINE);
            assert_eq!(format!("{d}|{d:?}"), format!("{s}|{s:?}"));
            assert_eq!(serde_json::to_string(&d).unwrap(), serde_json::to_string(s).unwrap());
            assert_eq!(d, ShortStr::from(s));
            assert!(d == *s);
        }
        assert_ne!(ShortStr::from("1"), ShortStr::from("10"));
        assert_eq!(ShortStr::default().as_str(), "");
        assert_eq!(std::mem::size_of::<ShortStr>(), 16);
    }
}
