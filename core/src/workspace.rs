//! A workspace: several pacts side by side (other years, other clusters), one of them open.
//!
//! Its file is `{"format": "thidua.workspace", "schema_version": 2, "active": <pact id>,
//! "pacts": [<document>, …]}`, each document exactly as a single-pact file. Reading one checks
//! each pact as a single-pact import does (errors carry `pacts[i].` in their path), and refuses
//! two pacts with the same id.

use crate::document::{parse_json, Document, ImportError, SCHEMA_VERSION};
use crate::validate::{FieldError, FieldProblem};
use serde::Serialize;
use serde_json::Value;

/// The format tag of a workspace file.
pub const WORKSPACE_FORMAT: &str = "thidua.workspace";

/// Pacts side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct Workspace {
    /// The pacts, in the order shown.
    pub pacts: Vec<Document>,
    /// The index of the open one.
    pub active: usize,
}

impl Workspace {
    /// A workspace of one pact.
    pub fn single(doc: Document) -> Workspace {
        Workspace {
            pacts: vec![doc],
            active: 0,
        }
    }

    /// The workspace file, with each pact's results (as a single-pact export), compact.
    pub fn export_json(&self) -> String {
        #[derive(Serialize)]
        struct Exported<'a> {
            format: &'a str,
            schema_version: u32,
            active: &'a str,
            pacts: Vec<crate::document::Exported<'a>>,
        }
        let active = self
            .pacts
            .get(self.active)
            .map(|d| d.pact.id.as_str())
            .unwrap_or_default();
        // Cannot fail: every map key is a string and every number is finite.
        serde_json::to_string(&Exported {
            format: WORKSPACE_FORMAT,
            schema_version: SCHEMA_VERSION,
            active,
            pacts: self.pacts.iter().map(Document::exported).collect(),
        })
        .unwrap_or_default()
    }

    /// True when a parsed JSON value is a workspace file (rather than a single pact).
    pub fn is_workspace(value: &Value) -> bool {
        value.get("format").and_then(Value::as_str) == Some(WORKSPACE_FORMAT)
    }

    /// Reads a workspace file.
    pub fn from_json(text: &str) -> Result<Workspace, ImportError> {
        Workspace::from_value(parse_json(text)?)
    }

    /// Reads a parsed workspace file; a single-pact file gives a workspace of one.
    pub fn from_value(value: Value) -> Result<Workspace, ImportError> {
        if !Workspace::is_workspace(&value) {
            return Document::from_value(value).map(Workspace::single);
        }
        if let Some(v) = value.get("schema_version").and_then(Value::as_u64) {
            if v > u64::from(SCHEMA_VERSION) {
                return Err(ImportError::NewerVersion { found: v });
            }
        }
        let invalid =
            |path: &str, problem| ImportError::Invalid(vec![FieldError::new(path, problem)]);
        let Some(list) = value.get("pacts").and_then(Value::as_array) else {
            return Err(invalid("pacts", FieldProblem::Missing));
        };
        if list.is_empty() {
            return Err(invalid("pacts", FieldProblem::Missing));
        }
        let mut pacts: Vec<Document> = Vec::with_capacity(list.len());
        for (i, v) in list.iter().enumerate() {
            let doc =
                Document::from_value(v.clone()).map_err(|e| e.within(&format!("pacts[{i}]")))?;
            if pacts.iter().any(|p| p.pact.id == doc.pact.id) {
                return Err(invalid(
                    &format!("pacts[{i}].pact.id"),
                    FieldProblem::Duplicate {
                        id: doc.pact.id.clone(),
                    },
                ));
            }
            pacts.push(doc);
        }
        let active = value
            .get("active")
            .and_then(Value::as_str)
            .and_then(|id| pacts.iter().position(|d| d.pact.id == id))
            .unwrap_or(0);
        Ok(Workspace { pacts, active })
    }
}

/// `wanted` if no pact in `taken` has it, else `wanted-2`, `wanted-3`…
pub fn unique_id(taken: &[&str], wanted: &str) -> String {
    if !taken.contains(&wanted) {
        return wanted.to_string();
    }
    (2..)
        .map(|n| format!("{wanted}-{n}"))
        .find(|id| !taken.contains(&id.as_str()))
        .unwrap_or_else(|| wanted.to_string())
}
