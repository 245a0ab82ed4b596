//! # thidua — the web app
//!
//! A Yew single-page app over the rule crate (`thidua-core`): the user enters each unit's figures
//! and sees at once which targets every unit meets. The app decides nothing by itself; every
//! status, value, gap, point and rank comes from `thidua_core`.
//!
//! - [`state`]: the whole app state as a pure reducer (`Action` + `impl Reducible`), testable
//!   natively;
//! - [`charts`]: what each chart shows (pure, tested natively) and its SVG drawing (plotters);
//! - [`pact_edit`]: edits of the pact itself, each checked before it is applied (pure);
//! - [`grid`]: the data grid's column layout and TSV paste parsing (pure);
//! - [`storage`]: the one module that touches `localStorage`;
//! - [`ui`]: bilingual UI wording helpers;
//! - [`window`]: which rows of a long table are rendered (pure arithmetic);
//! - [`unit_filter`]: finding units by name in the tables (pure);
//! - [`components`]: the views.

pub mod browser;
pub mod charts;
pub mod components;
pub mod export;
pub mod grid;
pub mod pact_edit;
pub mod state;
pub mod storage;
pub mod ui;
pub mod unit_filter;
pub mod window;

pub use components::app::App;
