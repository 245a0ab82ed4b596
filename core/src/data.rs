//! What the units enter: figures for the current and baseline periods, manual scores, and bonus
//! and deduction lines.
//!
//! An [`Entry`] is one cell. It is `Missing` (no data — never zero), a number, or the text a person
//! typed that is not a number, kept verbatim so nothing they entered is lost. In JSON these are
//! `null` (or absent), a number, and a string.

use crate::model::Id;
use crate::num::Dec;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;

/// One cell of entered data.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Entry {
    /// No data yet (chưa có số liệu). Never read as zero.
    #[default]
    Missing,
    /// A number.
    Value(Dec),
    /// Text that is not a number, kept as typed.
    Text(String),
}

impl Entry {
    /// True when there is no data.
    pub fn is_missing(&self) -> bool {
        matches!(self, Entry::Missing)
    }

    /// The number, if the cell holds one.
    pub fn value(&self) -> Option<Dec> {
        match self {
            Entry::Value(d) => Some(*d),
            _ => None,
        }
    }

    /// A whole-number entry.
    pub fn int(n: i64) -> Entry {
        Entry::Value(Dec::int(n))
    }
}

impl From<Option<i64>> for Entry {
    fn from(v: Option<i64>) -> Self {
        v.map(Entry::int).unwrap_or_default()
    }
}

impl Serialize for Entry {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Entry::Missing => s.serialize_none(),
            Entry::Value(d) => d.serialize(s),
            Entry::Text(t) => s.serialize_str(t),
        }
    }
}

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(EntryVisitor)
    }
}

/// Reads a cell: numbers keep every digit (serde_json's arbitrary precision hands them over as
/// their text, in a one-key map), strings are kept as typed. Every refusal is made inside the
/// visitor, so that serde_json places it at the value, whose path a refusal then names
/// (`crate::json_path`).
struct EntryVisitor;

impl EntryVisitor {
    fn number<E: serde::de::Error>(digits: &str) -> Result<Entry, E> {
        Dec::parse(digits)
            .map(Entry::Value)
            .ok_or_else(|| E::custom(format!("number {digits} is out of the supported range")))
    }

    fn refuse<E: serde::de::Error>(kind: &str) -> Result<Entry, E> {
        Err(E::custom(format!(
            "expected a number, a text or null, found {kind}"
        )))
    }
}

impl<'de> serde::de::Visitor<'de> for EntryVisitor {
    type Value = Entry;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a number, a text or null")
    }
    fn visit_unit<E>(self) -> Result<Entry, E> {
        Ok(Entry::Missing)
    }
    fn visit_none<E>(self) -> Result<Entry, E> {
        Ok(Entry::Missing)
    }
    fn visit_str<E>(self, v: &str) -> Result<Entry, E> {
        Ok(Entry::Text(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Entry, E> {
        Ok(Entry::Text(v))
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Entry, E> {
        Self::number(&v.to_string())
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Entry, E> {
        Self::number(&v.to_string())
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Entry, E> {
        Self::number(&v.to_string())
    }
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Entry, E> {
        Self::refuse("a boolean")
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, _: A) -> Result<Entry, A::Error> {
        Self::refuse("an array")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Entry, A::Error> {
        // The number token of serde_json's arbitrary precision, or a real object.
        match map.next_key::<String>()? {
            Some(key) if key == NUMBER_TOKEN => Self::number(&map.next_value::<String>()?),
            _ => Self::refuse("an object"),
        }
    }
}

/// The key under which serde_json (arbitrary_precision) hands a number's digits to a visitor.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// The JSON kind of a value, for messages.
pub(crate) fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a text",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Entry {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Entry".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "One cell: null or absent = no data (never zero); a number; or text that is not a number, kept as typed.",
            "type": ["number", "string", "null"]
        })
    }
}

/// Which period a figure belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// The reporting period.
    Current,
    /// The same period of the previous year.
    Baseline,
}

/// One indicator's figures for a unit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// The reporting period.
    #[serde(default, skip_serializing_if = "Entry::is_missing")]
    pub current: Entry,
    /// The same period of the previous year.
    #[serde(default, skip_serializing_if = "Entry::is_missing")]
    pub baseline: Entry,
}

impl Figure {
    /// The entry for one period.
    pub fn get(&self, period: PeriodKind) -> &Entry {
        match period {
            PeriodKind::Current => &self.current,
            PeriodKind::Baseline => &self.baseline,
        }
    }

    /// The entry for one period, to change.
    pub fn get_mut(&mut self, period: PeriodKind) -> &mut Entry {
        match period {
            PeriodKind::Current => &mut self.current,
            PeriodKind::Baseline => &mut self.baseline,
        }
    }
}

/// Self and verified scores of a manual target.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ManualScore {
    /// The unit's own score (tự chấm).
    #[serde(default, rename = "self", skip_serializing_if = "Entry::is_missing")]
    pub self_score: Entry,
    /// Remark on the self score.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub self_remark: String,
    /// The cluster's verified score (thẩm định); it counts when present.
    #[serde(default, skip_serializing_if = "Entry::is_missing")]
    pub verified: Entry,
    /// Remark on the verified score.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub verified_remark: String,
}

/// A bonus or a deduction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AdjustmentKind {
    /// Điểm thưởng.
    Bonus,
    /// Điểm trừ.
    Deduction,
}

/// One bonus or deduction line of a unit. Points are positive; the kind gives the sign.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AdjustmentLine {
    /// Bonus or deduction.
    pub kind: AdjustmentKind,
    /// The reason, as the unit or the cluster wrote it.
    pub reason: String,
    /// Points (positive).
    pub points: Dec,
    /// The pact's rule this line applies, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<Id>,
}

/// What the units entered for one review of the pact.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReviewData {
    /// The review's id in the pact.
    pub review: Id,
    /// One record per unit (a unit without one has no data yet).
    #[serde(default)]
    pub units: Vec<UnitData>,
}

/// Everything one unit entered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct UnitData {
    /// The unit's id in the pact.
    pub unit: Id,
    /// Figures by indicator id.
    #[serde(default)]
    pub figures: BTreeMap<Id, Figure>,
    /// Manual scores by target id.
    #[serde(default)]
    pub manual: BTreeMap<Id, ManualScore>,
    /// Bonus and deduction lines.
    #[serde(default)]
    pub adjustments: Vec<AdjustmentLine>,
    /// Where values merged from units' own files came from, by field: `figures.<indicator>.current`
    /// or `.baseline`, `manual.<target>.self`, `.self_remark`, `.verified`, `.verified_remark`, and
    /// `adjustments`. A value typed here afterwards drops its entry.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sources: BTreeMap<String, Source>,
}

/// Where a merged value came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The file's name.
    pub file: String,
    /// When the unit exported it, as the file says.
    pub exported_at: String,
    /// When it was merged here.
    pub merged_at: String,
}

/// The provenance key of a figure cell.
pub fn figure_key(indicator: &str, period: PeriodKind) -> String {
    let p = match period {
        PeriodKind::Current => "current",
        PeriodKind::Baseline => "baseline",
    };
    format!("figures.{indicator}.{p}")
}

impl UnitData {
    /// An empty record for a unit.
    pub fn new(unit: impl Into<Id>) -> UnitData {
        UnitData {
            unit: unit.into(),
            ..UnitData::default()
        }
    }

    /// The entry of one indicator and period (Missing when absent).
    pub fn entry(&self, indicator: &str, period: PeriodKind) -> &Entry {
        static MISSING: Entry = Entry::Missing;
        self.figures
            .get(indicator)
            .map(|f| f.get(period))
            .unwrap_or(&MISSING)
    }

    /// Sets one cell.
    pub fn set(&mut self, indicator: &str, period: PeriodKind, entry: Entry) {
        let fig = self.figures.entry(indicator.to_string()).or_default();
        *fig.get_mut(period) = entry;
        if fig.current.is_missing() && fig.baseline.is_missing() {
            self.figures.remove(indicator);
        }
    }
}

/// What is wrong with one cell on its own (cross-cell problems such as solved > occurred come
/// from evaluation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CellIssue {
    /// Not a number.
    NotANumber,
    /// Below zero.
    Negative,
    /// A count with a fractional part.
    NotWhole,
    /// Above 10^12.
    TooLarge,
    /// An amount with more than 6 decimal places ([`crate::eval::MAX_AMOUNT_SCALE`]).
    TooManyDecimals,
    /// Text in a whole-number cell that reads as thousands in one convention and as a decimal in
    /// the language's (`1,000` in Vietnamese, `1.000` in English): kept as typed, never read (see
    /// [`Entry::from_figure_input`]).
    Ambiguous,
    /// Text that typing would read as a number (`"1.234"` in Vietnamese): a figure written as a
    /// JSON string in a file, kept as it was.
    NumberAsText,
}

/// What is wrong with `text` kept in a cell of an indicator of `kind` (or a score, `Amount`):
/// ambiguous (see [`Entry::from_figure_input`]), a number written as text (a JSON string in a
/// file: typing it here would read it), or not a number at all.
///
/// The same whichever language the page is shown in: text kept as ambiguous when typed in one
/// language (`1,000` in Vietnamese) is still ambiguous once the page is switched to the other,
/// where it would otherwise read as a number and be taken for a figure from a file. (For text
/// that is not ambiguous in either language, both languages read a number alike.)
pub fn text_issue(
    text: &str,
    kind: crate::model::IndicatorKind,
    lang: crate::i18n::Lang,
) -> CellIssue {
    use crate::i18n::{is_ambiguous_whole, Lang};
    let ambiguous = is_ambiguous_whole(text, Lang::Vi) || is_ambiguous_whole(text, Lang::En);
    if kind == crate::model::IndicatorKind::Count && ambiguous {
        CellIssue::Ambiguous
    } else if crate::i18n::parse_number(text, lang).is_ok() {
        CellIssue::NumberAsText
    } else {
        CellIssue::NotANumber
    }
}

impl Entry {
    /// The entry for what a person typed: blank → Missing, a number (either convention) → Value,
    /// anything else → Text, kept verbatim.
    pub fn from_input(text: &str, lang: crate::i18n::Lang) -> Entry {
        match crate::i18n::parse_number(text, lang) {
            Ok(d) => Entry::Value(d),
            Err(crate::i18n::NumberError::Empty) => Entry::Missing,
            Err(crate::i18n::NumberError::NotANumber) => Entry::Text(text.to_string()),
        }
    }

    /// The entry for what a person typed or pasted in a figure cell of an indicator of `kind`:
    /// as [`Entry::from_input`], except that in a count (a whole number) a number whose only
    /// separator is the language's decimal separator followed by exactly three digits (`1,000` in
    /// Vietnamese, `1.000` in English) is ambiguous — a thousand, or one? — and kept as text,
    /// never read: read as a decimal it would silently become 1.
    pub fn from_figure_input(
        text: &str,
        lang: crate::i18n::Lang,
        kind: crate::model::IndicatorKind,
    ) -> Entry {
        if kind == crate::model::IndicatorKind::Count && crate::i18n::is_ambiguous_whole(text, lang)
        {
            Entry::Text(text.to_string())
        } else {
            Entry::from_input(text, lang)
        }
    }

    /// What is wrong with this cell for an indicator of `kind`, if anything, as read in `lang`
    /// (text is told apart by [`text_issue`]).
    pub fn issue(
        &self,
        kind: crate::model::IndicatorKind,
        lang: crate::i18n::Lang,
    ) -> Option<CellIssue> {
        match self {
            Entry::Missing => None,
            Entry::Text(t) => Some(text_issue(t, kind, lang)),
            Entry::Value(d) => {
                if d.is_negative() {
                    Some(CellIssue::Negative)
                } else if kind == crate::model::IndicatorKind::Count && !d.is_integer() {
                    Some(CellIssue::NotWhole)
                } else if d.scale() > crate::eval::MAX_AMOUNT_SCALE {
                    Some(CellIssue::TooManyDecimals)
                } else if d.to_ratio() > crate::num::Ratio::from_integer(crate::eval::MAX_FIGURE) {
                    Some(CellIssue::TooLarge)
                } else {
                    None
                }
            }
        }
    }

    /// The cell as shown: blank, the number in the language's format, or the text as typed.
    pub fn display(&self, lang: crate::i18n::Lang) -> String {
        match self {
            Entry::Missing => String::new(),
            Entry::Value(d) => crate::i18n::format_dec(*d, lang),
            Entry::Text(t) => t.clone(),
        }
    }
}
