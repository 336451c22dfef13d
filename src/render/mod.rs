//! Renderers: the report as text (CLI, the agency's copy), CSV (tables; the
//! researchers' data set, long and wide, in [`dataset`]), HTML (the
//! embeddable widget), what an agency publishes (`publish`: the tables as
//! clean HTML and tab-separated text; `docx`: as a Word file) and, through
//! serde, JSON. They all read
//! [`crate::Report`], its tables drawn by [`crate::report::Layout`]; none
//! re-parses.

pub mod csv;
pub mod dataset;
pub mod docx;
pub mod html;
pub mod letter;
pub mod publish;
pub mod text;
#[cfg(feature = "files")]
pub mod xlsx;
