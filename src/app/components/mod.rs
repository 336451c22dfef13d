//! Thin components: each reads the state or a [`crate::checked::Checked`]
//! and draws it; none checks anything itself.

pub mod diagnostics;
pub mod rule_docs;
pub mod source;
pub mod suggestions;
pub mod summary;
pub mod tables;
pub mod toolbar;
