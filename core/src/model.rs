//! The pact model: what a cluster signs at the start of the year.
//!
//! A [`Pact`] names its units, the indicators they report, and numbered [`Content`]s, each holding
//! [`Target`]s. A target has a [`Rule`] (how it is judged) and a [`ScoringMethod`] (how it earns
//! points). Bonus and deduction caps, classification levels and flag rules complete it. Every
//! number here is editable; the built-in default lives in [`crate::default_pact`].

use crate::i18n::Text;
use crate::num::Dec;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// An identifier: lowercase ASCII letters, digits, `-` and `_` (checked by validation).
pub type Id = String;

/// An id inside computed results ([`crate::Results`]): the same text as the pact's [`Id`], but
/// copied without allocating (ids up to 23 bytes, all usual ones, are stored inline), so that
/// evaluating a large cluster does not allocate a string per unit and target. It compares equal
/// with `&str` and `String`, dereferences to `str` and serialises as a plain string.
pub type Key = smol_str::SmolStr;

/// An emulation pact (giao ước thi đua).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Pact {
    /// Stable identifier, e.g. `cum1-2023`.
    pub id: Id,
    /// Title of the pact.
    pub title: Text,
    /// The emulation cluster or block (Cụm / Khối thi đua).
    pub cluster: Text,
    /// The emulation movement, e.g. "Vì an ninh Tổ quốc".
    pub movement: Text,
    /// The theme of the year.
    pub theme: Text,
    /// The day the pact was signed.
    #[serde(default, deserialize_with = "crate::date::deserialize_option")]
    pub signed_on: Option<NaiveDate>,
    /// The reviews (kỳ đánh giá) of the pact — e.g. the year-end review (tổng kết) and the mid-year
    /// review (sơ kết 6 tháng) — each a reporting period compared with the same period of the
    /// previous year. The first is the main one. At least one.
    pub reviews: Vec<Review>,
    /// The units of the cluster, in their display order.
    pub units: Vec<Unit>,
    /// The figures every unit reports.
    pub indicators: Vec<IndicatorDef>,
    /// The numbered contents, in order.
    pub contents: Vec<Content>,
    /// The total the contents' maximum points are meant to add up to (e.g. 100).
    pub stated_total: Dec,
    /// True while the point weights are examples rather than the cluster's adopted scale.
    #[serde(default)]
    pub weights_are_examples: bool,
    /// Caps on bonus and deduction points.
    pub adjustments: AdjustmentPolicy,
    /// How a not-applicable target scores.
    #[serde(default)]
    pub not_applicable: NotApplicablePoints,
    /// Classification levels, best first. A unit gets the first level whose conditions it meets.
    pub classification: Vec<Level>,
    /// Which units may be proposed for the flags.
    pub flags: FlagRules,
}

/// A review: a reporting period judged against the same period of the previous year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// Stable identifier, e.g. `nam-2023`.
    pub id: Id,
    /// Name, e.g. "Tổng kết năm 2023".
    pub name: Text,
    /// The reporting period being judged.
    pub period: Period,
    /// The same period of the previous year, for reductions and no-increase targets.
    pub baseline: Period,
}

/// A reporting period, both ends included.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day.
    #[serde(deserialize_with = "crate::date::deserialize")]
    pub start: NaiveDate,
    /// Last day.
    #[serde(deserialize_with = "crate::date::deserialize")]
    pub end: NaiveDate,
}

/// A unit of the cluster (e.g. Công an TP Cần Thơ).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Stable identifier.
    pub id: Id,
    /// Full name.
    pub name: Text,
    /// Short name for tables and charts.
    pub short_name: Text,
    /// Role in the cluster.
    #[serde(default)]
    pub role: Role,
}

/// A unit's role in the cluster.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Cụm trưởng.
    ClusterHead,
    /// Cụm phó.
    DeputyHead,
    /// Thành viên.
    #[default]
    Member,
}

/// A figure each unit reports for the current and the baseline period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IndicatorDef {
    /// Stable identifier.
    pub id: Id,
    /// Name.
    pub name: Text,
    /// A whole count or a decimal amount.
    pub kind: IndicatorKind,
    /// Unit of measure, e.g. "vụ" / "cases", "tỷ đồng" / "billion VND".
    pub unit: Text,
}

/// Whether an indicator counts things or measures an amount.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    /// A whole number of cases, people, reports.
    #[default]
    Count,
    /// A decimal amount (property loss in tỷ đồng).
    Amount,
}

/// A numbered content (nội dung) of the pact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Content {
    /// Stable identifier.
    pub id: Id,
    /// The number shown (1..7 in the default pact).
    pub number: u32,
    /// Title.
    pub title: Text,
    /// The targets of this content. Its maximum points are the sum of theirs.
    pub targets: Vec<Target>,
}

/// A target (chỉ tiêu) under a content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Stable identifier, unique across the pact.
    pub id: Id,
    /// Title.
    pub title: Text,
    /// Maximum points.
    pub max_points: Dec,
    /// How points are earned.
    pub scoring: ScoringMethod,
    /// How the target is judged.
    pub rule: Rule,
}

// Deserialization is written by hand (see `RuleVisitor`) and accepts the same format the derived
// one would: serde's internally tagged enums buffer their content, which loses the JSON path of a
// type error inside a rule (import would say `…rule` instead of `…rule.threshold_pct`).
/// How a target is judged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Rule {
    /// numerator ÷ denominator, in the current period, compared with a percentage.
    Rate {
        /// The indicator counted as done (solved, resolved, processed).
        numerator: Id,
        /// The indicator it is divided by (occurred, to resolve, received).
        denominator: Id,
        /// How the rate is compared with the threshold.
        comparator: Comparator,
        /// The threshold in percent (75 for 75%).
        threshold_pct: Dec,
    },
    /// At least `threshold_pct`% fewer than in the baseline period.
    Reduction {
        /// The indicator to reduce.
        indicator: Id,
        /// How the reduction is compared with the threshold (`ge` for "at least").
        comparator: Comparator,
        /// The reduction in percent (5 for 5%).
        threshold_pct: Dec,
    },
    /// Each indicator's current figure is not higher than its baseline (kiềm chế sự gia tăng).
    NoIncrease {
        /// The criteria, e.g. accidents, deaths and injuries.
        indicators: Vec<Id>,
    },
    /// Each indicator's current figure is strictly lower than its baseline (kéo giảm).
    Decrease {
        /// The criteria.
        indicators: Vec<Id>,
    },
    /// Scored 0..max by review: a self score and a verified score.
    Manual,
}

/// The `kind` tag of a [`Rule`].
#[derive(Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum RuleKind {
    Rate,
    Reduction,
    NoIncrease,
    Decrease,
    Manual,
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Rule, D::Error> {
        d.deserialize_map(RuleVisitor)
    }
}

/// Reads a rule's fields one by one, each with its own type, whatever the order of the keys (the
/// type of a field does not depend on the kind), then checks the set of fields against the kind.
struct RuleVisitor;

impl<'de> serde::de::Visitor<'de> for RuleVisitor {
    type Value = Rule;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a rule: an object with a \"kind\"")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Rule, A::Error> {
        use serde::de::Error;
        const ALL: &[&str] = &[
            "kind",
            "numerator",
            "denominator",
            "comparator",
            "threshold_pct",
            "indicator",
            "indicators",
        ];
        fn put<T, E: Error>(slot: &mut Option<T>, v: T, name: &'static str) -> Result<(), E> {
            if slot.is_some() {
                return Err(E::duplicate_field(name));
            }
            *slot = Some(v);
            Ok(())
        }
        let mut kind: Option<RuleKind> = None;
        let (mut numerator, mut denominator, mut indicator) = (None, None, None);
        let mut comparator: Option<Comparator> = None;
        let mut threshold_pct: Option<Dec> = None;
        let mut indicators: Option<Vec<Id>> = None;
        let mut seen: Vec<&'static str> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let name = match ALL.iter().find(|n| **n == key) {
                Some(n) => *n,
                None => return Err(A::Error::unknown_field(&key, ALL)),
            };
            match name {
                "kind" => put(&mut kind, map.next_value()?, name)?,
                "numerator" => put(&mut numerator, map.next_value::<Id>()?, name)?,
                "denominator" => put(&mut denominator, map.next_value::<Id>()?, name)?,
                "comparator" => put(&mut comparator, map.next_value()?, name)?,
                "threshold_pct" => put(&mut threshold_pct, map.next_value()?, name)?,
                "indicator" => put(&mut indicator, map.next_value::<Id>()?, name)?,
                _ => put(&mut indicators, map.next_value()?, name)?,
            }
            if name != "kind" {
                seen.push(name);
            }
        }
        let kind = kind.ok_or_else(|| A::Error::missing_field("kind"))?;
        let allowed: &'static [&'static str] = match kind {
            RuleKind::Rate => &["numerator", "denominator", "comparator", "threshold_pct"],
            RuleKind::Reduction => &["indicator", "comparator", "threshold_pct"],
            RuleKind::NoIncrease | RuleKind::Decrease => &["indicators"],
            RuleKind::Manual => &[],
        };
        if let Some(extra) = seen.iter().find(|n| !allowed.contains(n)) {
            return Err(A::Error::unknown_field(extra, allowed));
        }
        fn need<T, E: Error>(v: Option<T>, name: &'static str) -> Result<T, E> {
            v.ok_or_else(|| E::missing_field(name))
        }
        Ok(match kind {
            RuleKind::Rate => Rule::Rate {
                numerator: need(numerator, "numerator")?,
                denominator: need(denominator, "denominator")?,
                comparator: need(comparator, "comparator")?,
                threshold_pct: need(threshold_pct, "threshold_pct")?,
            },
            RuleKind::Reduction => Rule::Reduction {
                indicator: need(indicator, "indicator")?,
                comparator: need(comparator, "comparator")?,
                threshold_pct: need(threshold_pct, "threshold_pct")?,
            },
            RuleKind::NoIncrease => Rule::NoIncrease {
                indicators: need(indicators, "indicators")?,
            },
            RuleKind::Decrease => Rule::Decrease {
                indicators: need(indicators, "indicators")?,
            },
            RuleKind::Manual => Rule::Manual,
        })
    }
}

impl Rule {
    /// The indicators this rule reads, in order.
    pub fn indicators(&self) -> Vec<&Id> {
        match self {
            Rule::Rate {
                numerator,
                denominator,
                ..
            } => vec![numerator, denominator],
            Rule::Reduction { indicator, .. } => vec![indicator],
            Rule::NoIncrease { indicators } | Rule::Decrease { indicators } => {
                indicators.iter().collect()
            }
            Rule::Manual => vec![],
        }
    }
}

/// How a value is compared with a threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// Strictly above ("trên 90%").
    Gt,
    /// At or above ("90% trở lên", "ít nhất 5%").
    Ge,
    /// Exactly ("100%").
    Eq,
}

impl Comparator {
    /// The symbol shown to people.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Gt => ">",
            Comparator::Ge => "≥",
            Comparator::Eq => "=",
        }
    }

    /// Whether `ordering` (value compared with threshold) satisfies the comparator.
    pub fn holds(self, ordering: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            Comparator::Gt => ordering == Greater,
            Comparator::Ge => ordering != Less,
            Comparator::Eq => ordering == Equal,
        }
    }
}

/// How a target earns points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ScoringMethod {
    /// Met → the maximum; otherwise 0.
    AllOrNothing,
    /// max × A/T, capped at the maximum. For no-increase rules, max × the share of criteria met.
    Proportional,
    /// The cluster-relative formula: a unit's points depend on the best unit (see `score`).
    RelativeToBest,
    /// The verified score, or the self score until one is given.
    Manual,
}

/// How a not-applicable target (0 denominator, 0 baseline for a reduction) scores.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NotApplicablePoints {
    /// Full points: nothing arose that the unit could fail on (the default).
    #[default]
    Full,
    /// No points.
    Zero,
}

/// Caps on the bonus and deduction lines of a unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AdjustmentPolicy {
    /// The most bonus points a unit can add.
    pub bonus_cap: Dec,
    /// The most points that deductions can take away.
    pub deduction_cap: Dec,
    /// The bonus and deduction rules the pact names (a unit's line may refer to one).
    #[serde(default)]
    pub rules: Vec<AdjustmentRule>,
}

/// A bonus or deduction rule of the pact, e.g. "not signing the pact: −8".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AdjustmentRule {
    /// Stable identifier.
    pub id: Id,
    /// Bonus or deduction.
    pub kind: crate::data::AdjustmentKind,
    /// What it is for.
    pub title: Text,
    /// Its points (positive; the kind gives the sign).
    pub points: Dec,
}

/// A classification level (mức xếp loại).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Stable identifier.
    pub id: Id,
    /// Name, e.g. "Hoàn thành xuất sắc nhiệm vụ".
    pub name: Text,
    /// The lowest total that reaches this level; `null` for a level with no minimum (the last).
    #[serde(default)]
    pub min_total: Option<Dec>,
    /// Optional floor: no content may score below this percentage of its maximum.
    #[serde(default)]
    pub content_floor_pct: Option<Dec>,
}

/// Which units may be proposed for the flags.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FlagRules {
    /// Levels whose units meet the Ministry flag standard (Cờ thi đua của Bộ Công an).
    pub ministry_levels: Vec<Id>,
    /// The leading unit may be proposed for the Government flag when it meets the Ministry standard.
    pub government_for_leader: bool,
}

impl Pact {
    /// The review with this id.
    pub fn review(&self, id: &str) -> Option<&Review> {
        self.reviews.iter().find(|r| r.id == id)
    }

    /// The main review's id (the first), or "" for a pact with none (which validation refuses).
    pub fn main_review(&self) -> &str {
        self.reviews.first().map(|r| r.id.as_str()).unwrap_or("")
    }

    /// The unit with this id.
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// The indicator with this id.
    pub fn indicator(&self, id: &str) -> Option<&IndicatorDef> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// Every target with its content, in order.
    pub fn targets(&self) -> impl Iterator<Item = (&Content, &Target)> {
        self.contents
            .iter()
            .flat_map(|c| c.targets.iter().map(move |t| (c, t)))
    }

    /// How many targets can be met or not: every target but those scored by review (a manual
    /// score is never "met"). A unit's targets met ([`crate::score::UnitResult::met`]) are
    /// counted out of these.
    pub fn decidable_targets(&self) -> usize {
        self.targets()
            .filter(|(_, t)| !matches!(t.rule, Rule::Manual))
            .count()
    }

    /// The target with this id.
    pub fn target(&self, id: &str) -> Option<&Target> {
        self.targets().map(|(_, t)| t).find(|t| t.id == id)
    }

    /// The sum of every target's maximum points.
    pub fn max_total(&self) -> Dec {
        Dec(self.targets().map(|(_, t)| t.max_points.0).sum())
    }
}

impl Content {
    /// The sum of this content's targets' maximum points.
    pub fn max_points(&self) -> Dec {
        Dec(self.targets.iter().map(|t| t.max_points.0).sum())
    }
}
