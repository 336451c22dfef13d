//! Renderers: the report as text (CLI, the agency's copy), CSV (tables), HTML
//! (the embeddable widget) and, through serde, JSON. They all read
//! [`crate::Report`], its tables drawn by [`crate::report::Layout`]; none
//! re-parses.

pub mod csv;
pub mod html;
pub mod text;
