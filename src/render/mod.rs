//! Renderers: the report as text (CLI, the agency's copy), CSV (tables), HTML
//! (the embeddable widget), what an agency publishes (`publish`: the tables
//! as clean HTML and tab-separated text; `docx`: as a Word file) and,
//! through serde, JSON. They all read
//! [`crate::Report`], its tables drawn by [`crate::report::Layout`]; none
//! re-parses.

pub mod csv;
pub mod docx;
pub mod html;
pub mod publish;
pub mod text;
