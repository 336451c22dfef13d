//! Small pieces every stage uses: substring search for short needles,
//! strings kept inline, character classes of Chinese text, a small sort,
//! and a zip of stored files (for the .docx export).

pub mod chars;
pub mod find;
pub mod short_str;
pub mod sort;
pub mod zip;
