//! Tolerant label matching: a segment's label against the template's row
//! labels ([`similarity`], and [`Matcher`] for many labels at once), and
//! the in-order alignment of segments to rows ([`align`]).

mod align;
mod matcher;
mod similarity;

pub use align::align;
pub use matcher::{Matcher, Probe};
pub use similarity::similarity;
