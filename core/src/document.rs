//! The JSON file format: one document holds the format tag, the schema version, the pact, and
//! what the units entered. Exports also carry the computed results, which import ignores:
//! results are always recomputed from the figures.
//!
//! Import is [`Document::from_json`]. It never panics and never returns a half-read document:
//! - a file larger than [`MAX_FILE_BYTES`] is refused before it is parsed;
//! - JSON nested deeper than serde_json's limit (128) is refused by the parser;
//! - an object that names a key twice is refused at that key (which one was meant is not
//!   known; serde_json alone would keep the last, silently);
//! - an unknown `format` is refused; a `schema_version` above [`SCHEMA_VERSION`] is refused as
//!   "made by a newer version"; an older one is migrated step by step ([`migrate`]);
//! - the first type error is reported with its JSON path (`crate::json_path`), then every
//!   semantic problem ([`crate::validate`]) with its path and a message in Vietnamese and English.
//!
//! A file of the current version is read straight from its text into the types; any other goes
//! through a JSON value ([`Document::from_value`]: checked, migrated, then read), which also
//! words every refusal, so both paths give the same document and the same messages.

use crate::data::{json_kind, ReviewData, UnitData};
use crate::i18n::Lang;
use crate::model::Pact;
use crate::score::{evaluate, Results};
use crate::validate::{validate, FieldError, FieldProblem};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The format tag every document carries.
pub const FORMAT: &str = "thidua.pact";
/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: u32 = 2;
/// The largest file import accepts (16 MiB, far above 10,000 units).
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// A pact with its units' data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Always `"thidua.pact"`.
    pub format: String,
    /// The schema version, 2.
    pub schema_version: u32,
    /// The pact.
    pub pact: Pact,
    /// What the units entered, per review.
    #[serde(default)]
    pub data: Vec<ReviewData>,
    /// Present in exports: the results of every review, computed when the file was written.
    /// Ignored on import.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<Vec<serde_json::Map<String, Value>>>")
    )]
    pub results: Option<Value>,
}

/// A [`Document`] with its results, as export writes it: the same fields in the same order.
#[derive(Serialize)]
pub(crate) struct Exported<'a> {
    format: &'a str,
    schema_version: u32,
    pact: &'a Pact,
    data: &'a [ReviewData],
    results: Vec<Results>,
}

/// Why a file could not be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
    /// Not JSON (or nested too deeply).
    NotJson {
        /// Line, 1-based.
        line: usize,
        /// Column, 1-based.
        column: usize,
        /// The parser's message.
        message: String,
        /// True when the nesting limit was hit.
        too_deep: bool,
    },
    /// JSON, but not a thidua document.
    UnknownFormat {
        /// What the `format` field held, if anything.
        found: Option<String>,
    },
    /// Written by a newer version of thidua.
    NewerVersion {
        /// The file's version.
        found: u64,
    },
    /// Fields with wrong types, missing, out of range, or inconsistent.
    Invalid(Vec<FieldError>),
    /// The file could not be read at all (the browser gave no text).
    Unreadable,
}

impl Document {
    /// A new document for a pact: for every review, an empty record per unit.
    pub fn new(pact: Pact) -> Document {
        let data = pact
            .reviews
            .iter()
            .map(|r| ReviewData {
                review: r.id.clone(),
                units: pact.units.iter().map(|u| UnitData::new(&u.id)).collect(),
            })
            .collect();
        Document {
            format: FORMAT.into(),
            schema_version: SCHEMA_VERSION,
            pact,
            data,
            results: None,
        }
    }

    /// The built-in default: the 2023 pact of Cluster No. 1, with no figures yet.
    pub fn default_pact() -> Document {
        Document::new(crate::default_pact::cluster1_2023())
    }

    /// Evaluates the main review (the pact's first).
    pub fn evaluate(&self) -> Results {
        self.evaluate_review(self.pact.main_review())
    }

    /// Evaluates one review (a review without data evaluates as "no data" everywhere).
    pub fn evaluate_review(&self, review: &str) -> Results {
        let mut r = evaluate(&self.pact, self.review_units(review));
        r.review = review.into();
        r
    }

    /// The results of every review, in the pact's order.
    pub fn evaluate_all(&self) -> Vec<Results> {
        self.pact
            .reviews
            .iter()
            .map(|r| self.evaluate_review(&r.id))
            .collect()
    }

    /// The unit records of a review (empty when it has none).
    pub fn review_units(&self, review: &str) -> &[UnitData] {
        self.data
            .iter()
            .find(|d| d.review == review)
            .map(|d| d.units.as_slice())
            .unwrap_or(&[])
    }

    /// The record of a unit in the main review.
    pub fn unit_data(&self, unit: &str) -> Option<&UnitData> {
        self.unit_data_in(self.pact.main_review(), unit)
    }

    /// The record of a unit in the main review, created when absent.
    pub fn unit_data_mut(&mut self, unit: &str) -> &mut UnitData {
        let review = self.pact.main_review().to_string();
        self.unit_data_in_mut(&review, unit)
    }

    /// The record of a unit in a review.
    pub fn unit_data_in(&self, review: &str, unit: &str) -> Option<&UnitData> {
        self.review_units(review).iter().find(|d| d.unit == unit)
    }

    /// The record of a unit in a review, created (with the review's data) when absent.
    pub fn unit_data_in_mut(&mut self, review: &str, unit: &str) -> &mut UnitData {
        let r = match self.data.iter().position(|d| d.review == review) {
            Some(i) => i,
            None => {
                self.data.push(ReviewData {
                    review: review.to_string(),
                    units: Vec::new(),
                });
                self.data.len() - 1
            }
        };
        let units = &mut self.data[r].units;
        let i = match units.iter().position(|d| d.unit == unit) {
            Some(i) => i,
            None => {
                units.push(UnitData::new(unit));
                units.len() - 1
            }
        };
        &mut units[i]
    }

    /// The document as pretty JSON, without results (what storage keeps).
    pub fn to_json(&self) -> String {
        let mut doc = self.clone();
        doc.results = None;
        to_pretty(&doc)
    }

    /// The document with freshly computed results, as export writes it: compact JSON (a
    /// 1,000-unit cluster's file is ≈ 7.7 MB, where pretty printing's indentation made it
    /// ≈ 18 MB, over [`MAX_FILE_BYTES`], so that it could not be imported again).
    pub fn export_json(&self) -> String {
        // Cannot fail: every map key is a string and every number is finite.
        serde_json::to_string(&self.exported()).unwrap_or_default()
    }

    /// The document as export writes it, serialised straight from its fields and the results
    /// (no copy of the document, no JSON tree of the results in between).
    pub(crate) fn exported(&self) -> Exported<'_> {
        Exported {
            format: &self.format,
            schema_version: self.schema_version,
            pact: &self.pact,
            data: &self.data,
            results: self.evaluate_all(),
        }
    }

    /// Reads, migrates and validates a document.
    ///
    /// A document of the current version is read straight from the text into its types (in a
    /// third of the time at 1,000 units: no JSON tree built, written out again and read). Any
    /// other — an earlier version to migrate, a newer one, or text that does not read as the
    /// current version for any reason — takes the path of [`Document::from_value`], so the
    /// outcome and every message are those of that path. Either way an object that names a key
    /// twice is refused with its path ([`parse_json`]).
    pub fn from_json(text: &str) -> Result<Document, ImportError> {
        if text.len() > MAX_FILE_BYTES {
            return Err(ImportError::TooLarge { bytes: text.len() });
        }
        let read = serde_json::from_str::<Document>(text)
            .ok()
            .filter(|d| d.format == FORMAT && d.schema_version == SCHEMA_VERSION);
        match read {
            Some(doc) => {
                unique_keys(text)?;
                doc.checked()
            }
            None => Document::from_value(parse_json(text)?),
        }
    }

    /// Migrates and validates a parsed JSON value.
    pub fn from_value(value: Value) -> Result<Document, ImportError> {
        let format = value.get("format");
        if format.and_then(Value::as_str) != Some(FORMAT) {
            return Err(ImportError::UnknownFormat {
                found: format.map(|f| match f {
                    Value::String(s) => s.clone(),
                    other => json_kind(other).to_string(),
                }),
            });
        }
        let version = match value.get("schema_version") {
            Some(v) => v.as_u64().ok_or_else(|| {
                // In serde's own form, so that it is worded in both languages like every
                // reader's message (`messages::reader_message`).
                let found = match v {
                    Value::String(t) => format!("string {t:?}"),
                    Value::Number(n) if n.is_i64() || n.is_u64() => format!("integer `{n}`"),
                    Value::Number(n) => format!("floating point `{n}`"),
                    Value::Bool(b) => format!("boolean `{b}`"),
                    Value::Null => "null".into(),
                    Value::Array(_) => "sequence".into(),
                    Value::Object(_) => "map".into(),
                };
                ImportError::Invalid(vec![FieldError::new(
                    "schema_version",
                    FieldProblem::Type {
                        message: format!(
                            "invalid type: {found}, expected {}",
                            crate::messages::SCHEMA_VERSION_EXPECTED
                        ),
                    },
                )])
            })?,
            None => {
                return Err(ImportError::Invalid(vec![FieldError::new(
                    "schema_version",
                    FieldProblem::Missing,
                )]))
            }
        };
        if version > u64::from(SCHEMA_VERSION) {
            return Err(ImportError::NewerVersion { found: version });
        }
        if version == 0 {
            return Err(ImportError::Invalid(vec![FieldError::new(
                "schema_version",
                FieldProblem::OutOfRange {
                    min: Some("1".into()),
                    max: Some(SCHEMA_VERSION.to_string()),
                },
            )]));
        }
        let value = migrate(value, version as u32);
        // The typed document is read from the JSON text, not from the `Value`: read from a
        // `Value`, serde_json (arbitrary_precision) hands a decimal whose shortest f64 form matches
        // its digits to the visitor as an f64, and re-formatting that f64 can change the last
        // digit (910420293049341.3 became 910420293049341.2). From text every digit is kept.
        read_typed::<Document>(&value.to_string())?.checked()
    }

    /// A document just read, without its exported results, made whole where earlier versions
    /// allowed a gap, and validated.
    fn checked(mut self) -> Result<Document, ImportError> {
        self.results = None;
        // A short name blank in both languages, which earlier versions' editor allowed, takes
        // the full name: a file or stored workspace that was readable stays readable (the
        // editor itself refuses a blank short name).
        for u in &mut self.pact.units {
            if u.short_name.vi.trim().is_empty() && u.short_name.en.trim().is_empty() {
                u.short_name = u.name.clone();
            }
        }
        let errors = validate(&self);
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(ImportError::Invalid(errors))
        }
    }
}

/// A wrong type or shape found while reading typed data from `text`, with its JSON path.
fn type_error(text: &str, e: &serde_json::Error) -> ImportError {
    ImportError::Invalid(vec![FieldError::new(
        crate::json_path::of_error(text, e),
        FieldProblem::Type {
            message: without_position(e),
        },
    )])
}

/// Parses a file's text, refusing one over [`MAX_FILE_BYTES`] before reading it, and one in
/// which an object names a key twice.
pub fn parse_json(text: &str) -> Result<Value, ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let value = serde_json::from_str(text).map_err(|e| not_json(&e))?;
    unique_keys(text)?;
    Ok(value)
}

/// Refuses JSON text in which an object names a key twice (`"fires": 3, "fires": 30`), with the
/// key's path: which of the two the writer meant is not known, and readers differ (serde_json
/// keeps the last, silently). The text must be JSON (its syntax errors are reported as such).
/// An export's `results`, which import ignores, are not looked into.
fn unique_keys(text: &str) -> Result<(), ImportError> {
    use serde::de::DeserializeSeed;
    let root = UniqueKeys { root: true };
    let mut de = serde_json::Deserializer::from_str(text);
    root.deserialize(&mut de)
        .map_err(|e| typed_or_syntax(text, &e))
}

/// Walks any JSON value only to find a key named twice in one object; at the document's root
/// (`root`) the computed `results` are skipped.
#[derive(Clone, Copy)]
struct UniqueKeys {
    root: bool,
}

const INSIDE: UniqueKeys = UniqueKeys { root: false };

impl<'de> serde::de::DeserializeSeed<'de> for UniqueKeys {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

/// A key as the text has it: borrowed unless it holds escapes.
struct KeyText<'de>(std::borrow::Cow<'de, str>);

impl<'de> Deserialize<'de> for KeyText<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<KeyText<'de>, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = KeyText<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<KeyText<'de>, E> {
                Ok(KeyText(v.into()))
            }
            fn visit_str<E>(self, v: &str) -> Result<KeyText<'de>, E> {
                Ok(KeyText(v.to_string().into()))
            }
        }
        d.deserialize_str(V)
    }
}

impl<'de> serde::de::Visitor<'de> for UniqueKeys {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(INSIDE)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        use serde::de::Error;
        use std::borrow::Cow;
        // Objects are small (a unit's figures, a target's fields): their keys are kept on the
        // stack and searched, and only past a few dozen in a hash set, so that a hostile object
        // costs no n² and the usual one no allocation.
        let mut few: arrayvec::ArrayVec<Cow<'de, str>, 24> = arrayvec::ArrayVec::new();
        let mut many: Option<std::collections::HashSet<Cow<'de, str>, rustc_hash::FxBuildHasher>> =
            None;
        while let Some(KeyText(key)) = map.next_key()? {
            let again = if many.is_none() && !few.is_full() {
                let seen = few.contains(&key);
                few.push(key.clone());
                seen
            } else {
                let set = many.get_or_insert_with(|| few.drain(..).collect());
                !set.insert(key.clone())
            };
            if again {
                return Err(A::Error::custom(format_args!("duplicate field `{key}`")));
            }
            if self.root && key == "results" {
                map.next_value::<serde::de::IgnoredAny>()?;
            } else {
                map.next_value_seed(INSIDE)?;
            }
        }
        Ok(())
    }
}

/// Reads JSON text into a type of its own (e.g. the app's stored envelope): text that is not
/// JSON is [`ImportError::NotJson`] with line and column; valid JSON of the wrong shape is
/// [`ImportError::Invalid`] with the JSON path and the reader's message, which
/// [`crate::messages::reader_message`] words in both languages. No size limit is applied.
pub fn read_typed<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ImportError> {
    serde_json::from_str(text).map_err(|e| typed_or_syntax(text, &e))
}

/// A reader's error on `text`: of the data's type or shape (with its path), or of the JSON.
fn typed_or_syntax(text: &str, e: &serde_json::Error) -> ImportError {
    if e.is_data() {
        type_error(text, e)
    } else {
        not_json(e)
    }
}

fn not_json(e: &serde_json::Error) -> ImportError {
    ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        too_deep: e.to_string().contains("recursion limit"),
        message: e.to_string(),
    }
}

impl ImportError {
    /// The error of a document read inside a larger one, at `place` (`pacts[1]`, `others[0]`):
    /// every field's path starts with it.
    pub fn within(self, place: &str) -> ImportError {
        match self {
            ImportError::Invalid(errors) => ImportError::Invalid(
                errors
                    .into_iter()
                    .map(|mut f| {
                        f.path = if f.path.is_empty() {
                            place.to_string()
                        } else {
                            format!("{place}.{}", f.path)
                        };
                        f
                    })
                    .collect(),
            ),
            other => other,
        }
    }

    /// What went wrong, one line per problem, in a language.
    pub fn messages(&self, lang: Lang) -> Vec<String> {
        let vi = lang == Lang::Vi;
        match self {
            ImportError::TooLarge { bytes } => {
                let count = |n: usize| crate::i18n::format_count(n as i128, lang);
                let (bytes, max) = (count(*bytes), count(MAX_FILE_BYTES));
                vec![if vi {
                    format!("tệp quá lớn ({bytes} byte; tối đa {max})")
                } else {
                    format!("file too large ({bytes} bytes; at most {max})")
                }]
            }
            ImportError::NotJson {
                line,
                column,
                message,
                too_deep,
            } => vec![match (vi, too_deep) {
                (true, true) => format!("dòng {line}, cột {column}: JSON lồng nhau quá sâu"),
                (false, true) => format!("line {line}, column {column}: JSON nested too deeply"),
                (true, false) => format!(
                    "dòng {line}, cột {column}: không phải JSON hợp lệ ({})",
                    crate::messages::syntax_message(json_syntax(message), true)
                        .unwrap_or(json_syntax(message))
                ),
                (false, false) => format!(
                    "line {line}, column {column}: not valid JSON ({})",
                    crate::messages::syntax_message(json_syntax(message), false)
                        .unwrap_or(json_syntax(message))
                ),
            }],
            ImportError::UnknownFormat { found } => vec![match (vi, found) {
                (true, Some(f)) => format!("không phải tệp thidua (format = “{f}”)"),
                (true, None) => "không phải tệp thidua (thiếu trường “format”)".into(),
                (false, Some(f)) => format!("not a thidua file (format = “{f}”)"),
                (false, None) => "not a thidua file (no “format” field)".into(),
            }],
            ImportError::NewerVersion { found } => vec![if vi {
                format!("tệp do phiên bản mới hơn tạo ra (phiên bản định dạng {found}; bản này đọc đến {SCHEMA_VERSION})")
            } else {
                format!("made by a newer version (format version {found}; this one reads up to {SCHEMA_VERSION})")
            }],
            ImportError::Invalid(errors) => errors.iter().map(|e| e.display(lang)).collect(),
            ImportError::Unreadable => vec![if vi {
                "không đọc được tệp".into()
            } else {
                "the file cannot be read".into()
            }],
        }
    }
}

/// serde_json's syntax message without its " at line L column C" (the line and column are
/// given apart).
fn json_syntax(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    }
}

/// A parser message without " at line 1 column N" (a position in the re-serialized text, which
/// means nothing to the user; the JSON path says where).
fn without_position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    match message.strip_suffix(&position) {
        Some(m) => m.to_string(),
        None => message,
    }
}

fn to_pretty<T: Serialize>(v: &T) -> String {
    // Serializing these types cannot fail: every map key is a string and every number is finite.
    serde_json::to_string_pretty(v).unwrap_or_default()
}

/// One migration step: from version `n` (its index + 1) to `n + 1`.
type Step = fn(Value) -> Value;

/// The migration steps, oldest first: `MIGRATIONS[0]` takes version 1 to 2, and so on.
const MIGRATIONS: &[Step] = &[v1_to_v2];

/// The review a version-1 document's single period becomes.
pub const V1_REVIEW_ID: &str = "ky-bao-cao";

/// Version 1 had one reporting period (`pact.period`, `pact.baseline`) and one list of unit
/// records (`data`). Version 2 has reviews: the period becomes the pact's only review, and the
/// records become that review's data.
fn v1_to_v2(mut value: Value) -> Value {
    let Some(doc) = value.as_object_mut() else {
        return value;
    };
    if let Some(pact) = doc.get_mut("pact").and_then(Value::as_object_mut) {
        let mut review = serde_json::Map::new();
        review.insert("id".into(), Value::from(V1_REVIEW_ID));
        review.insert(
            "name".into(),
            serde_json::json!({ "vi": "Kỳ báo cáo", "en": "Reporting period" }),
        );
        for key in ["period", "baseline"] {
            if let Some(v) = pact.remove(key) {
                review.insert(key.into(), v);
            }
        }
        pact.insert("reviews".into(), Value::Array(vec![Value::Object(review)]));
    }
    let units = doc
        .remove("data")
        .unwrap_or_else(|| Value::Array(Vec::new()));
    doc.insert(
        "data".into(),
        serde_json::json!([{ "review": V1_REVIEW_ID, "units": units }]),
    );
    // Results are recomputed anyway; version 1's shape means nothing to version 2.
    doc.remove("results");
    value
}

/// Brings a document of an older schema version up to [`SCHEMA_VERSION`].
pub fn migrate(mut value: Value, from: u32) -> Value {
    for step in MIGRATIONS.iter().skip(from.saturating_sub(1) as usize) {
        value = step(value);
    }
    if let Some(obj) = value.as_object_mut() {
        obj.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
    }
    value
}
