//! The JSON Schema of the file format, generated from the types (feature `schema`).
//!
//! The committed copy is `docs/thidua.schema.json`; a test keeps it equal to this output.

use crate::Document;

/// The schema as pretty JSON.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(Document);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}
