//! The views. Components are nouns; callbacks are `on…`; every control has a label.

pub mod app;
pub mod chart;
pub mod charts_view;
pub mod data_panel;
pub mod dialog;
pub mod draft_input;
pub mod figures;
pub mod merge;
pub mod pact_editor;
pub mod print;
pub mod results;
pub mod toolbar;
pub mod unit_detail;
pub mod unit_search;
pub mod windowed;
