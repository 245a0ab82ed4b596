//! Charts: a pure model of what each chart shows ([`model`]), natively tested, and a thin drawing
//! layer ([`draw`]) that turns it into SVG with plotters.
//!
//! The four kinds: per target (each unit's value against the threshold), ranking (total points
//! stacked by content, with the classification thresholds), year on year (last year's and this
//! period's figures side by side) and distance to target (cases short or over).

pub mod draw;
pub mod model;
#[cfg(test)]
mod tests;

pub use model::{Chart, Paint, Row};
