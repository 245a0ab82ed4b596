//! # thidua-core — the rule crate
//!
//! Everything thidua decides is decided here, the same way in the browser (compiled to wasm), in
//! native tests and in the `thidua` CLI. The crate has no web dependency (no yew, web-sys, gloo,
//! wasm-bindgen): that is an architecture invariant, checked by `make test`.
//!
//! - [`model`]: the pact — units, indicators, contents, targets, rules, scoring, levels, flags.
//! - [`data`]: what units enter — figures, manual scores, bonus and deduction lines.
//! - [`eval`]: one unit on one target — status, exact value, margin, gap.
//! - [`score`]: points, totals, classification, ranking, flags for the whole cluster.
//! - [`document`]: the JSON file format, import validation and migration.
//! - [`validate`]: semantic checks with JSON paths and bilingual messages.
//! - `json_path`: the JSON path of a reader's error, from where serde_json stopped.
//! - [`diff`]: what replacing one document by another would change.
//! - [`workspace`]: several pacts side by side, and their file.
//! - [`rollover`]: a new pact for next year, with this year's figures as its baselines.
//! - [`unit_file`]: units' own files, and merging them into the cluster's pact.
//! - [`messages`]: bilingual wording of statuses, gaps and problems.
//! - [`i18n`], [`num`]: languages, number formatting and parsing, exact numbers.
//! - [`default_pact`]: the built-in 2023 pact of Emulation Cluster No. 1.

pub mod data;
pub mod date;
pub mod default_pact;
pub mod diff;
pub mod document;
pub mod eval;
pub mod i18n;
mod json_path;
pub mod messages;
pub mod model;
pub mod num;
pub mod order;
#[cfg(test)]
mod reference;
pub mod rollover;
#[cfg(feature = "schema")]
pub mod schema;
pub mod score;
pub mod unit_file;
pub mod validate;
pub mod workspace;

pub use data::{Entry, PeriodKind, UnitData};
pub use document::{Document, ImportError};
pub use eval::{Evaluation, Gap, Problem, Status};
pub use i18n::{Lang, Text};
pub use model::Pact;
pub use num::{Dec, Points, Ratio};
pub use score::{evaluate, Results, TargetResult, UnitResult};
