//! Renderers: the report as text (CLI, the agency's copy), CSV (tables; the
//! researchers' data set, long and wide, in [`dataset`]), HTML
//! (the embeddable widget) and, through serde, JSON. They all read
//! [`crate::Report`], its tables drawn by [`crate::report::Layout`]; none
//! re-parses.

pub mod csv;
pub mod dataset;
pub mod html;
pub mod text;
