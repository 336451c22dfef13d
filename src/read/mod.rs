//! Reading the text: normalised with a map back to the input, the six
//! sections, what the report says about itself, the lines of the tables'
//! regions as tokens, and the figures its prose states.

pub mod meta;
pub mod normalise;
pub mod prose;
pub mod sections;
pub mod tokens;
