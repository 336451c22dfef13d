//! Small pieces every stage uses: substring search for short needles,
//! strings kept inline, and character classes of Chinese text.

pub mod chars;
pub mod find;
pub mod short_str;
