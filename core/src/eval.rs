//! Evaluation of one unit against one target: status, exact value, margin and gap.
//!
//! Every decision here is exact: counts are integers, thresholds are decimals turned into
//! fractions, and comparisons are cross-multiplications in 128-bit integers (counts are capped at
//! [`MAX_FIGURE`] = 10^12 and threshold decimals at [`MAX_THRESHOLD_SCALE`] places, so no product
//! can overflow; a checked operation turns anything larger into an `invalid` status).
//!
//! Statuses and the documented edge cases:
//! - `no_data`: an input is missing. Missing is never read as zero.
//! - `invalid`: an input is not a number, negative, not whole where a count is expected, above
//!   10^12, an amount with more than 6 decimal places, or a numerator exceeds its denominator
//!   (solved > occurred).
//! - `not_applicable`: a rate whose denominator is 0 (nothing occurred, so there is no rate), a
//!   reduction whose baseline and current count are both 0 (nothing to reduce), or a `decrease`
//!   target whose every criterion was 0 in both periods. A reduction from a baseline of 0 to a
//!   current count above 0 is a rise from nothing: `not_met` (no threshold a reduction can have
//!   is met by it), with no value (the fall is −∞) and the whole count as the excess over an
//!   allowed 0. How such a target scores is the pact's choice
//!   ([`crate::model::NotApplicablePoints`]).
//! - `met` / `not_met` for rates, reductions and no-increase/decrease rules; `scored` for manual
//!   contents.
//!
//! How many units are evaluated quickly: [`crate::score::evaluate`] prepares the pact once — each
//! rule's indicators looked up, each threshold turned into a fraction `p/q` in lowest terms — and
//! finds a unit's figures and manual scores in one ordered walk through its records, comparing
//! ids rather than searching for them (when a unit holds exactly the plan's ids, as one with every
//! figure entered does, one equality test per id is enough). A figure is read as `m / 10^s`
//! (`m ≤ 10^18`); a rate `n/d` is compared with `p/q` as `n·q` with `p·d`. The value and margin
//! reported, and the attainment scoring asks for, are the same fractions in lowest terms that `Ratio::new` gives: the value
//! is reduced with a binary gcd in 64 bits when it fits (for a reduction, and for a criterion's
//! change, after one remainder when the change is small against the baseline), and the margin
//! (value − p/q) and attainment (value ÷ p/q) are worked out from the reduced value with gcds
//! against the threshold's small parts only ([`crate::num`]). [`evaluate_target`] prepares just the one target.

use crate::data::{Entry, Figure, ManualScore, PeriodKind, UnitData};
use crate::model::{Comparator, Id, IndicatorKind, Key, Pact, Rule, Target};
use crate::num::{
    div_ceil, div_floor, div_reduced, reduced, reduced_change, serialize_opt_ratio, sub_reduced,
    Dec, Ratio, POW10,
};
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// The largest figure a unit can enter (10^12).
pub const MAX_FIGURE: i128 = 1_000_000_000_000;
/// The most decimal places a threshold may have.
pub const MAX_THRESHOLD_SCALE: u32 = 6;
/// The most decimal places an amount may have.
pub const MAX_AMOUNT_SCALE: u32 = 6;

/// The status of a unit on a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Đạt.
    Met,
    /// Không đạt.
    NotMet,
    /// Chưa có số liệu.
    NoData,
    /// Số liệu không hợp lệ.
    Invalid,
    /// Không áp dụng.
    NotApplicable,
    /// A manual content that has a score.
    Scored,
}

impl Status {
    /// True when the result rests on incomplete or unusable data.
    pub fn is_incomplete(self) -> bool {
        matches!(self, Status::NoData | Status::Invalid)
    }
}

/// Why a target has no data, invalid data, or does not apply. Each names where to look.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    /// A figure is missing.
    Missing {
        /// The indicator.
        indicator: Id,
        /// The period.
        period: PeriodKind,
    },
    /// A cell holds text that is not a number.
    NotANumber {
        /// The indicator.
        indicator: Id,
        /// The period.
        period: PeriodKind,
        /// The text as typed.
        text: String,
    },
    /// A figure is below zero.
    Negative {
        /// The indicator.
        indicator: Id,
        /// The period.
        period: PeriodKind,
    },
    /// A count has a fractional part.
    NotWhole {
        /// The indicator.
        indicator: Id,
        /// The period.
        period: PeriodKind,
    },
    /// A figure is above 10^12.
    TooLarge {
        /// The indicator.
        indicator: Id,
        /// The period.
        period: PeriodKind,
    },
    /// An amount has more than [`MAX_AMOUNT_SCALE`] decimal places.
    TooManyDecimals {
        /// The indicator.
        indicator: Id,
        /// The period.
        period: PeriodKind,
    },
    /// The numerator of a rate exceeds its denominator (e.g. solved > occurred).
    Exceeds {
        /// The numerator indicator.
        numerator: Id,
        /// The denominator indicator.
        denominator: Id,
    },
    /// The pact names an indicator it does not define.
    UnknownIndicator {
        /// The id.
        indicator: Id,
    },
    /// The rate's denominator is 0.
    ZeroDenominator {
        /// The denominator indicator.
        indicator: Id,
    },
    /// The reduction's baseline is 0, and so is the current count.
    ZeroBaseline {
        /// The indicator.
        indicator: Id,
    },
    /// A manual score is missing.
    ScoreMissing,
    /// A manual score is not a number.
    ScoreNotANumber {
        /// Which score.
        which: ScoreKind,
        /// The text as typed.
        text: String,
    },
    /// A manual score is outside 0..max.
    ScoreOutOfRange {
        /// Which score.
        which: ScoreKind,
        /// The maximum.
        max: Dec,
    },
    /// A threshold is too precise or large for exact evaluation.
    Overflow,
}

/// The self or the verified score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoreKind {
    /// Tự chấm.
    #[serde(rename = "self")]
    SelfScore,
    /// Thẩm định.
    Verified,
}

/// How far a unit is from a target it has not met.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "gap", rename_all = "snake_case")]
pub enum Gap {
    /// A rate: the fewest additional numerator cases (solved, resolved…) that would meet it.
    RateNeeds {
        /// Additional cases.
        additional: i128,
        /// The numerator count that meets it.
        needed: i128,
    },
    /// A rate that cannot be met in this period even if every case were solved
    /// (or an exact target the count has already passed).
    RateUnreachable,
    /// A reduction: the highest count allowed, and how far above it the unit is.
    ReductionOver {
        /// The highest current count that meets the target.
        allowed_max: i128,
        /// Current minus allowed (positive).
        over: i128,
    },
    /// An exact reduction that no whole count meets.
    ReductionUnreachable,
    /// No-increase/decrease: the criteria above their allowed level (see `criteria`).
    Excess,
}

/// One criterion of a no-increase or decrease target.
///
/// Its change against the baseline is worked out when asked ([`CriterionResult::change`]) from
/// the two figures it holds, not stored: a chart of that criterion is the only reader, and a
/// 1,000-unit evaluation would otherwise reduce thousands of fractions nobody looks at. It is
/// still written by serialisation, as the `change` field, between `met` and `excess`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionResult {
    /// The indicator.
    pub indicator: Key,
    /// Current figure.
    pub current: Dec,
    /// Baseline figure.
    pub baseline: Dec,
    /// Whether this criterion holds; `None` when it does not apply (decrease from 0 to 0).
    pub met: Option<bool>,
    /// How far above the allowed level the current figure is (0 when it holds).
    pub excess: Dec,
}

impl CriterionResult {
    /// Change relative to the baseline, (current − baseline) ÷ baseline in lowest terms; `None`
    /// when the baseline is 0 (or when the fraction would not fit 128-bit parts, which figures
    /// within the checked range never reach).
    pub fn change(&self) -> Option<Ratio> {
        let (c, b) = (self.current.0, self.baseline.0);
        if b.is_zero() {
            return None;
        }
        // Both as mantissas at the larger scale: the same fraction whatever the scales.
        let s = c.scale().max(b.scale());
        let at = |d: rust_decimal::Decimal| {
            10i128
                .checked_pow(s - d.scale())
                .and_then(|k| d.mantissa().checked_mul(k))
        };
        match (at(c), at(b)) {
            (Some(cc), Some(bb)) if bb > 0 => cc.checked_sub(bb).map(|n| reduced_change(n, bb)),
            _ => {
                use num_traits::ToPrimitive;
                let big = (self.current.to_big() - self.baseline.to_big()) / self.baseline.to_big();
                Some(Ratio::new_raw(
                    big.numer().to_i128()?,
                    big.denom().to_i128()?,
                ))
            }
        }
    }
}

impl Serialize for CriterionResult {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        /// The fields as written, the change included.
        #[derive(Serialize)]
        struct Written<'a> {
            indicator: &'a Key,
            current: &'a Dec,
            baseline: &'a Dec,
            met: Option<bool>,
            #[serde(serialize_with = "serialize_opt_ratio")]
            change: Option<Ratio>,
            excess: &'a Dec,
        }
        Written {
            indicator: &self.indicator,
            current: &self.current,
            baseline: &self.baseline,
            met: self.met,
            change: self.change(),
            excess: &self.excess,
        }
        .serialize(s)
    }
}

/// The evaluation of one unit on one target (points are added by scoring).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    /// The target.
    pub target: Key,
    /// The status.
    pub status: Status,
    /// Exact value: the rate, or the reduction (negative when the count rose).
    #[serde(serialize_with = "serialize_opt_ratio")]
    pub value: Option<Ratio>,
    /// Exact margin: value minus threshold, as a fraction (× 100 = percentage points).
    #[serde(serialize_with = "serialize_opt_ratio")]
    pub margin: Option<Ratio>,
    /// The gap in counts, when not met.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap: Option<Gap>,
    /// Criteria of no-increase/decrease rules.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<CriterionResult>,
    /// The manual score that counts, and whether it is verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manual: Option<ManualOutcome>,
    /// What is missing, invalid, or makes the target not applicable.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Problem>,
}

/// The manual score that counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ManualOutcome {
    /// The score.
    pub score: Dec,
    /// True when it is the verified score.
    pub verified: bool,
}

impl Evaluation {
    /// An evaluation with nothing decided yet, which the rules fill in.
    #[inline]
    pub(crate) fn new(target: Key, status: Status) -> Evaluation {
        Evaluation {
            target,
            status,
            value: None,
            margin: None,
            gap: None,
            criteria: Vec::new(),
            manual: None,
            problems: Vec::new(),
        }
    }

    /// No data or invalid data, for these problems.
    fn set_problems(&mut self, problems: Vec<Problem>) {
        self.status = if problems
            .iter()
            .any(|p| !matches!(p, Problem::Missing { .. }))
        {
            Status::Invalid
        } else {
            Status::NoData
        };
        self.problems = problems;
    }
}

/// A figure that passed every check: the entry as typed, and its value as `m / 10^s` with
/// `0 ≤ m ≤ 10^18` and `s ≤ 6` (at most 10^12, with at most 6 decimals).
#[derive(Clone, Copy)]
struct Fig {
    dec: Dec,
    m: i64,
    s: u32,
}

impl Fig {
    /// The whole part (a figure is never negative).
    #[inline(always)]
    fn whole(self) -> i128 {
        match self.s {
            0 => self.m(),
            s => div_floor(self.m(), POW10[s as usize]),
        }
    }

    #[inline(always)]
    fn m(self) -> i128 {
        i128::from(self.m)
    }
}

/// Two figures brought to the same scale, `(A, B)`: `a / b = A / B`, and `a` and `b` compare as
/// `A` and `B` do. Both stay within 10^18, so products with a threshold's parts fit in 128 bits.
#[inline(always)]
fn common(a: Fig, b: Fig) -> (i128, i128) {
    use std::cmp::Ordering::*;
    match a.s.cmp(&b.s) {
        Equal => (a.m(), b.m()),
        Less => (a.m() * POW10[(b.s - a.s) as usize], b.m()),
        Greater => (a.m(), b.m() * POW10[(a.s - b.s) as usize]),
    }
}

/// An indicator a rule names, looked up once: its id and, when the pact defines it, its slot in
/// a unit's [`Cells`] and its kind.
#[derive(Clone, Copy)]
struct Ind<'p> {
    id: &'p Id,
    def: Option<(usize, IndicatorKind)>,
}

/// Checks one cell and reads it exactly, or says why it cannot be used.
fn check(ind: Ind, entry: &Entry, period: PeriodKind) -> Result<Fig, Problem> {
    let Some((_, kind)) = ind.def else {
        return Err(Problem::UnknownIndicator {
            indicator: ind.id.clone(),
        });
    };
    let indicator = || ind.id.clone();
    Err(match entry {
        Entry::Missing => Problem::Missing {
            indicator: indicator(),
            period,
        },
        Entry::Text(text) => Problem::NotANumber {
            indicator: indicator(),
            period,
            text: text.clone(),
        },
        Entry::Value(d) => match read_value(*d, kind) {
            Ok(fig) => return Ok(fig),
            Err(problem) => problem(indicator(), period),
        },
    })
}

/// The largest mantissa of a figure with `s` decimals, [`MAX_FIGURE`] · 10^s, for `s` in
/// `0..=MAX_AMOUNT_SCALE` (a table rather than a 128-bit product per cell).
const MAX_MANTISSA: [i128; MAX_AMOUNT_SCALE as usize + 1] = {
    let mut t = [MAX_FIGURE; MAX_AMOUNT_SCALE as usize + 1];
    let mut s = 1;
    while s < t.len() {
        t[s] = t[s - 1] * 10;
        s += 1;
    }
    t
};

/// A number entered for an indicator of `kind`, checked: not negative, whole for a count, at
/// most [`MAX_FIGURE`] with at most [`MAX_AMOUNT_SCALE`] decimals.
#[inline(always)]
fn read_value(d: Dec, kind: IndicatorKind) -> Result<Fig, fn(Id, PeriodKind) -> Problem> {
    let (mantissa, scale) = (d.0.mantissa(), d.0.scale());
    if mantissa < 0 {
        return Err(|indicator, period| Problem::Negative { indicator, period });
    }
    if kind == IndicatorKind::Count && scale > 0 && !d.is_integer() {
        return Err(|indicator, period| Problem::NotWhole { indicator, period });
    }
    // Trailing zeros are not decimals (see `Dec::scale`); they are dropped only when too many.
    let (m, s) = if scale <= MAX_AMOUNT_SCALE {
        (mantissa, scale)
    } else {
        let n = d.0.normalize();
        (n.mantissa(), n.scale())
    };
    if s > MAX_AMOUNT_SCALE {
        return Err(|indicator, period| Problem::TooManyDecimals { indicator, period });
    }
    let too_large: fn(Id, PeriodKind) -> Problem =
        |indicator, period| Problem::TooLarge { indicator, period };
    match MAX_MANTISSA.get(s as usize) {
        Some(&max) if m <= max => {}
        _ => return Err(too_large),
    }
    // At most 10^12 · 10^6.
    let m = i64::try_from(m).map_err(|_| too_large)?;
    Ok(Fig { dec: d, m, s })
}

/// A threshold as a fraction of one in lowest terms, `p / q` (75 → 3/4), with `0 ≤ p ≤ 10^12`
/// and `1 ≤ q ≤ 10^8`.
#[derive(Clone, Copy)]
struct Threshold {
    p: i128,
    q: i128,
}

/// The threshold as a fraction of one, if it is within the exact range.
fn threshold(pct: Dec) -> Option<Threshold> {
    if pct.scale() > MAX_THRESHOLD_SCALE || pct.is_negative() || pct.0 > Dec::int(1_000_000).0 {
        return None;
    }
    // mantissa / (100 · 10^scale), reduced once.
    let n = pct.0.normalize();
    let t = reduced(n.mantissa(), 100 * POW10[n.scale() as usize]);
    Some(Threshold {
        p: *t.numer(),
        q: *t.denom(),
    })
}

/// The smallest integer k with `k ⋈ x/y` (y > 0) for the comparator (`>`: k > x/y, `≥`: k ≥ x/y).
/// For `=`, Some(x/y) only when it is whole.
fn least_count(x: i128, y: i128, cmp: Comparator) -> Option<i128> {
    match cmp {
        Comparator::Gt => Some(div_floor(x, y) + 1),
        Comparator::Ge => Some(div_ceil(x, y)),
        Comparator::Eq => whole(x, y),
    }
}

/// The largest integer k with `k ⋈' x/y` (y > 0), where "at least p% fewer" means k ≤ x/y (`≥`)
/// or k < x/y (`>`).
fn greatest_count(x: i128, y: i128, cmp: Comparator) -> Option<i128> {
    match cmp {
        Comparator::Ge => Some(div_floor(x, y)),
        Comparator::Gt => Some(div_ceil(x, y) - 1),
        Comparator::Eq => whole(x, y),
    }
}

/// `x / y` (y > 0) when it is whole.
fn whole(x: i128, y: i128) -> Option<i128> {
    let k = div_floor(x, y);
    (k * y == x).then_some(k)
}

/// The pact prepared once for evaluating many units: every indicator a rule names is looked up
/// once (units' figures are then found by position, not by id), and every threshold is turned
/// into a fraction once.
pub(crate) struct Plan<'p> {
    /// The ids of the pact's indicators, sorted, each once, with the kind of its first definition
    /// (the one [`Pact::indicator`] finds). A unit's [`Cells`] follow this order.
    indicators: Vec<(&'p str, IndicatorKind)>,
    /// The ids of the manual targets, sorted, each once. A unit's [`Cells`] hold their scores in
    /// this order.
    manual: Vec<&'p str>,
    /// The targets, in pact order.
    targets: Vec<TargetPlan<'p>>,
}

/// One target of a [`Plan`].
pub(crate) struct TargetPlan<'p> {
    /// The target.
    pub(crate) target: &'p Target,
    /// The target's id as results hold it, made once per plan rather than once per unit.
    pub(crate) key: Key,
    rule: RulePlan<'p>,
}

enum RulePlan<'p> {
    Rate {
        numerator: Ind<'p>,
        denominator: Ind<'p>,
        cmp: Comparator,
        /// `None` when the threshold is outside the exact range.
        threshold: Option<Threshold>,
    },
    Reduction {
        indicator: Ind<'p>,
        cmp: Comparator,
        threshold: Option<Threshold>,
    },
    Criteria {
        indicators: Vec<Ind<'p>>,
        /// The indicators' ids as results hold them, made once per plan.
        keys: Vec<Key>,
        /// Decrease (strictly lower) rather than no increase.
        strict: bool,
    },
    Manual {
        /// The target's place in the plan's manual ids (always found).
        slot: Option<usize>,
    },
}

impl<'p> Plan<'p> {
    /// The plan of every target of the pact.
    pub(crate) fn new(pact: &'p Pact) -> Plan<'p> {
        Plan::of(pact, pact.targets().map(|(_, t)| t))
    }

    fn of(pact: &'p Pact, targets: impl Iterator<Item = &'p Target>) -> Plan<'p> {
        let defs = &pact.indicators;
        // A stable sort keeps the first definition of a repeated id first; it is the one kept.
        let mut indicators: Vec<(&str, IndicatorKind)> =
            crate::order::sorted_positions(defs.len(), &|a, b| defs[a].id.cmp(&defs[b].id))
                .into_iter()
                .map(|i| (defs[i].id.as_str(), defs[i].kind))
                .collect();
        indicators.dedup_by(|later, first| later.0 == first.0);
        let targets: Vec<&Target> = targets.collect();
        let ids: Vec<&str> = targets
            .iter()
            .filter(|t| matches!(t.rule, Rule::Manual))
            .map(|t| t.id.as_str())
            .collect();
        let mut manual: Vec<&str> =
            crate::order::sorted_positions(ids.len(), &|a, b| ids[a].cmp(ids[b]))
                .into_iter()
                .map(|i| ids[i])
                .collect();
        manual.dedup();
        let mut plan = Plan {
            indicators,
            manual,
            targets: Vec::new(),
        };
        plan.targets = targets
            .into_iter()
            .map(|target| TargetPlan {
                target,
                key: Key::new(&target.id),
                rule: plan.rule(target),
            })
            .collect();
        plan
    }

    /// The targets, in pact order.
    pub(crate) fn targets(&self) -> &[TargetPlan<'p>] {
        &self.targets
    }

    fn resolve(&self, id: &'p Id) -> Ind<'p> {
        let def = self
            .indicators
            .binary_search_by(|(k, _)| (*k).cmp(id.as_str()))
            .ok()
            .map(|slot| (slot, self.indicators[slot].1));
        Ind { id, def }
    }

    fn rule(&self, target: &'p Target) -> RulePlan<'p> {
        let rule = &target.rule;
        match rule {
            Rule::Rate {
                numerator,
                denominator,
                comparator,
                threshold_pct,
            } => RulePlan::Rate {
                numerator: self.resolve(numerator),
                denominator: self.resolve(denominator),
                cmp: *comparator,
                threshold: threshold(*threshold_pct),
            },
            Rule::Reduction {
                indicator,
                comparator,
                threshold_pct,
            } => RulePlan::Reduction {
                indicator: self.resolve(indicator),
                cmp: *comparator,
                threshold: threshold(*threshold_pct),
            },
            Rule::NoIncrease { indicators } | Rule::Decrease { indicators } => RulePlan::Criteria {
                indicators: indicators.iter().map(|id| self.resolve(id)).collect(),
                keys: indicators.iter().map(Key::new).collect(),
                strict: matches!(rule, Rule::Decrease { .. }),
            },
            Rule::Manual => RulePlan::Manual {
                slot: self.manual.binary_search(&target.id.as_str()).ok(),
            },
        }
    }
}

static MISSING: Entry = Entry::Missing;

/// The scores of a manual target the unit has not scored.
static NO_SCORE: ManualScore = ManualScore {
    self_score: Entry::Missing,
    self_remark: String::new(),
    verified: Entry::Missing,
    verified_remark: String::new(),
};

/// One cell of a unit, read with its indicator's kind: its exact value, or the entry that cannot
/// be used, or nothing when the pact does not define the indicator. What is wrong is worked out
/// only when something is ([`Cell::problem`]).
#[derive(Clone, Copy)]
enum Cell<'d> {
    Usable(Fig),
    Unusable(&'d Entry),
    Unknown,
}

impl<'d> Cell<'d> {
    #[inline(always)]
    fn of(entry: &'d Entry, kind: IndicatorKind) -> Cell<'d> {
        match entry {
            Entry::Value(d) => match read_value(*d, kind) {
                Ok(fig) => Cell::Usable(fig),
                Err(_) => Cell::Unusable(entry),
            },
            _ => Cell::Unusable(entry),
        }
    }

    /// What keeps the cell from being used, if anything.
    fn problem(self, ind: Ind, period: PeriodKind) -> Option<Problem> {
        match self {
            Cell::Usable(_) => None,
            Cell::Unusable(entry) => check(ind, entry, period).err(),
            Cell::Unknown => check(ind, &MISSING, period).err(),
        }
    }
}

/// The problems of cells, in order.
fn cell_problems<const N: usize>(cells: [(Cell, Ind, PeriodKind); N]) -> Vec<Problem> {
    cells
        .into_iter()
        .filter_map(|(cell, ind, period)| cell.problem(ind, period))
        .collect()
}

/// The two cells a rule reads, when both are usable; otherwise their problems are set on `e`.
#[inline(always)]
fn usable_pair(
    e: &mut Evaluation,
    cells: &Cells,
    [a, b]: [(Ind, PeriodKind); 2],
) -> Option<(Fig, Fig)> {
    match (cells.get(a.0, a.1), cells.get(b.0, b.1)) {
        (Cell::Usable(x), Cell::Usable(y)) => Some((x, y)),
        (x, y) => {
            e.set_problems(cell_problems([(x, a.0, a.1), (y, b.0, b.1)]));
            None
        }
    }
}

/// One unit's figures and manual scores in the order of a [`Plan`]'s ids, found with one walk
/// through the unit's records. The buffers are reused from one unit to the next.
pub(crate) struct Cells<'d> {
    /// The figures of the plan's indicators.
    figures: Vec<Option<&'d Figure>>,
    /// The scores of the plan's manual targets.
    manual: Vec<Option<&'d ManualScore>>,
}

impl<'d> Cells<'d> {
    /// No unit yet.
    pub(crate) fn new() -> Cells<'d> {
        Cells {
            figures: Vec::new(),
            manual: Vec::new(),
        }
    }

    /// Takes the figures and scores of `data`. Both the plan's ids and the unit's figures and
    /// scores are sorted by id, so they are matched in one pass each.
    pub(crate) fn fill(&mut self, plan: &Plan, data: &'d UnitData) {
        let indicators = plan.indicators.iter().map(|&(id, _)| id);
        find_sorted(&data.figures, indicators, &mut self.figures);
        find_sorted(&data.manual, plan.manual.iter().copied(), &mut self.manual);
    }

    /// The cell of an indicator for a period, read with the indicator's kind.
    #[inline(always)]
    fn get(&self, ind: Ind, period: PeriodKind) -> Cell<'d> {
        let Some((slot, kind)) = ind.def else {
            return Cell::Unknown;
        };
        let entry = match self.figures.get(slot).copied().flatten() {
            Some(figure) => figure.get(period),
            None => &MISSING,
        };
        Cell::of(entry, kind)
    }
}

/// Puts in `out` each id's value in the map, if any, for `ids` sorted and distinct.
///
/// The usual case — the map holds exactly these ids, as a unit with every figure entered does —
/// is recognised by the lengths and one equality test per id; anything else (an id missing, an
/// extra one, a different one in its place) takes the ordered walk.
fn find_sorted<'d, 'i, V>(
    map: &'d BTreeMap<Id, V>,
    ids: impl ExactSizeIterator<Item = &'i str> + Clone,
    out: &mut Vec<Option<&'d V>>,
) {
    out.clear();
    if map.len() == ids.len() {
        out.extend(
            map.iter()
                .zip(ids.clone())
                .map_while(|((key, value), id)| same_id(key, id).then_some(Some(value))),
        );
        if out.len() == map.len() {
            return;
        }
        out.clear();
    }
    let mut entries = map.iter().peekable();
    for id in ids {
        let mut found = None;
        while let Some((key, value)) = entries.peek() {
            match cmp_id(key, id) {
                Ordering::Less => {
                    entries.next();
                }
                Ordering::Equal => {
                    found = Some(*value);
                    entries.next();
                    break;
                }
                Ordering::Greater => break,
            }
        }
        out.push(found);
    }
}

/// True when two ids are equal: the lengths, then 8 bytes at a time as integers (the last 8
/// bytes read overlapping the ones before), inline rather than a call to `memcmp`.
#[inline(always)]
fn same_id(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n < 8 {
        return a == b;
    }
    let mut i = 0;
    while i + 8 < n {
        if word_at(a, i) != word_at(b, i) {
            return false;
        }
        i += 8;
    }
    word_at(a, n - 8) == word_at(b, n - 8)
}

/// The 8 bytes of `s` from `i` as an integer (0 past the end).
#[inline(always)]
fn word_at(s: &[u8], i: usize) -> u64 {
    s.get(i..)
        .and_then(|s| s.first_chunk::<8>())
        .map_or(0, |w| u64::from_ne_bytes(*w))
}

/// Compares two ids; equal ones (the usual case) are recognised inline, 8 bytes at a time.
#[inline]
fn cmp_id(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.as_bytes(), b.as_bytes());
    if x.len() == y.len() {
        while let (Some((p, x_rest)), Some((q, y_rest))) =
            (x.split_first_chunk::<8>(), y.split_first_chunk::<8>())
        {
            if p != q {
                return a.cmp(b);
            }
            (x, y) = (x_rest, y_rest);
        }
        if x.iter().zip(y).all(|(p, q)| p == q) {
            return Ordering::Equal;
        }
    }
    a.cmp(b)
}

impl TargetPlan<'_> {
    /// Evaluates one unit, whose figures `cells` holds, on this target, into `e` — a fresh
    /// `Evaluation::new(target, _)` (filled in place: an evaluation is a few hundred bytes).
    pub(crate) fn evaluate(&self, cells: &Cells, e: &mut Evaluation) {
        match &self.rule {
            RulePlan::Rate {
                numerator,
                denominator,
                cmp,
                threshold,
            } => {
                let (current, n_ind, d_ind) = (PeriodKind::Current, *numerator, *denominator);
                let Some((n, d)) = usable_pair(e, cells, [(n_ind, current), (d_ind, current)])
                else {
                    return;
                };
                match threshold {
                    Some(t) => rate(e, [n_ind, d_ind], n, d, *cmp, *t),
                    None => e.set_problems(vec![Problem::Overflow]),
                }
            }
            RulePlan::Reduction {
                indicator,
                cmp,
                threshold,
            } => {
                let ind = *indicator;
                let (current, baseline) = (PeriodKind::Current, PeriodKind::Baseline);
                let Some((c, b)) = usable_pair(e, cells, [(ind, current), (ind, baseline)]) else {
                    return;
                };
                match threshold {
                    Some(t) => reduction(e, ind, c, b, *cmp, *t),
                    None => e.set_problems(vec![Problem::Overflow]),
                }
            }
            RulePlan::Criteria {
                indicators,
                keys,
                strict,
            } => criteria(e, cells, indicators, keys, *strict),
            RulePlan::Manual { slot } => {
                let score = slot.and_then(|i| cells.manual.get(i).copied().flatten());
                manual(e, self.target, score)
            }
        }
    }
}

impl TargetPlan<'_> {
    /// The attainment A/T that proportional and relative-to-best scoring use: the value over the
    /// threshold for a rate or a reduction (none when the threshold is 0 or there is no value),
    /// the share of the applicable criteria met for a no-increase or decrease rule (none when
    /// none applies), none for a manual target. Scoring asks for it only for targets scored that
    /// way, so the usual all-or-nothing targets pay nothing for it.
    pub(crate) fn attainment(&self, e: &Evaluation) -> Option<Ratio> {
        match &self.rule {
            RulePlan::Rate {
                threshold: Some(Threshold { p, q }),
                ..
            }
            | RulePlan::Reduction {
                threshold: Some(Threshold { p, q }),
                ..
            } => {
                let v = e.value?;
                (*p != 0).then(|| div_reduced(*v.numer(), *v.denom(), *p, *q))
            }
            RulePlan::Criteria { .. } => {
                let applicable = e.criteria.iter().filter(|r| r.met.is_some()).count();
                let met = e.criteria.iter().filter(|r| r.met == Some(true)).count();
                (applicable > 0).then(|| reduced(met as i128, applicable as i128))
            }
            _ => None,
        }
    }
}

/// Evaluates one unit on one target.
///
/// To evaluate many units, [`crate::score::evaluate`] prepares the pact once instead.
pub fn evaluate_target(pact: &Pact, target: &Target, data: &UnitData) -> Evaluation {
    let plan = Plan::of(pact, std::iter::once(target));
    let mut cells = Cells::new();
    cells.fill(&plan, data);
    let mut e = Evaluation::new(Key::new(&target.id), Status::NoData);
    // `Plan::of` makes one plan per target it is given.
    if let [t] = plan.targets() {
        t.evaluate(&cells, &mut e);
    }
    e
}

fn rate(
    e: &mut Evaluation,
    [num_ind, den_ind]: [Ind; 2],
    n: Fig,
    d: Fig,
    cmp: Comparator,
    Threshold { p, q }: Threshold,
) {
    let (nn, dd) = common(n, d);
    if nn > dd {
        e.set_problems(vec![Problem::Exceeds {
            numerator: num_ind.id.clone(),
            denominator: den_ind.id.clone(),
        }]);
        return;
    }
    if dd == 0 {
        e.status = Status::NotApplicable;
        e.problems.push(Problem::ZeroDenominator {
            indicator: den_ind.id.clone(),
        });
        return;
    }
    // value = N/D against t = p/q, with D, q > 0: compare N·q with p·D.
    let met = cmp.holds((nn * q).cmp(&(p * dd)));
    e.status = if met { Status::Met } else { Status::NotMet };
    let value = reduced(nn, dd);
    let (vn, vd) = (*value.numer(), *value.denom());
    e.value = Some(value);
    e.margin = Some(sub_reduced(vn, vd, p, q));
    if !met {
        // Counts are whole here (rates read counts); amounts would be compared in whole units.
        // The least numerator k that meets it: k ⋈ t·d = p·d / q.
        let (n_int, d_int) = (n.whole(), d.whole());
        e.gap = Some(match least_count(p * d.m(), q * POW10[d.s as usize], cmp) {
            Some(k) if k <= d_int && k > n_int => Gap::RateNeeds {
                additional: k - n_int,
                needed: k,
            },
            _ => Gap::RateUnreachable,
        });
    }
}

fn reduction(
    e: &mut Evaluation,
    ind: Ind,
    c: Fig,
    b: Fig,
    cmp: Comparator,
    Threshold { p, q }: Threshold,
) {
    let (cc, bb) = common(c, b);
    if bb == 0 {
        if cc == 0 {
            e.status = Status::NotApplicable;
            e.problems.push(Problem::ZeroBaseline {
                indicator: ind.id.clone(),
            });
        } else {
            // A rise from nothing: the fall is −∞ (no value), below every threshold; the count
            // is over by all of it (back at 0 the target would not apply).
            e.status = if cmp.holds(Ordering::Less) {
                Status::Met
            } else {
                Status::NotMet
            };
            if e.status == Status::NotMet {
                e.gap = Some(rise_from_zero(c.whole()));
            }
        }
        return;
    }
    // value = (B − C)/B against t = p/q, with B, q > 0.
    let fall = bb - cc;
    let met = cmp.holds((fall * q).cmp(&(p * bb)));
    e.status = if met { Status::Met } else { Status::NotMet };
    let value = reduced_change(fall, bb);
    let (vn, vd) = (*value.numer(), *value.denom());
    e.value = Some(value);
    e.margin = Some(sub_reduced(vn, vd, p, q));
    if !met {
        // The highest current count k that meets it: k ⋈' b·(1 − t) = b·(q − p) / q.
        e.gap = Some(
            match greatest_count(b.m() * (q - p), q * POW10[b.s as usize], cmp) {
                Some(max) if max >= 0 && c.whole() > max => Gap::ReductionOver {
                    allowed_max: max,
                    over: c.whole() - max,
                },
                _ => Gap::ReductionUnreachable,
            },
        );
    }
}

/// The gap of a reduction whose baseline is 0 and whose count `current` (whole part) rose.
fn rise_from_zero(current: i128) -> Gap {
    if current > 0 {
        Gap::ReductionOver {
            allowed_max: 0,
            over: current,
        }
    } else {
        Gap::ReductionUnreachable
    }
}

fn criteria(e: &mut Evaluation, cells: &Cells, inds: &[Ind], keys: &[Key], strict: bool) {
    // The criteria, and the problems of cells that cannot be used, go straight into `e` (fresh
    // from `Evaluation::new`, so both are empty): no list of the function's own to move or drop.
    debug_assert!(e.criteria.is_empty() && e.problems.is_empty());
    e.criteria.reserve_exact(inds.len());
    for (ind, key) in inds.iter().zip(keys) {
        let (current, baseline) = (PeriodKind::Current, PeriodKind::Baseline);
        match (cells.get(*ind, current), cells.get(*ind, baseline)) {
            // Once anything is missing or invalid only the problems count.
            (Cell::Usable(c), Cell::Usable(b)) if e.problems.is_empty() => {
                e.criteria.push(criterion(*ind, key.clone(), c, b, strict))
            }
            (Cell::Usable(_), Cell::Usable(_)) => {}
            (c, b) => e
                .problems
                .extend(cell_problems([(c, *ind, current), (b, *ind, baseline)])),
        }
    }
    if !e.problems.is_empty() {
        e.criteria = Vec::new();
        let problems = std::mem::take(&mut e.problems);
        return e.set_problems(problems);
    }
    let results = &e.criteria;
    let applicable = results.iter().filter(|r| r.met.is_some()).count();
    let met_count = results.iter().filter(|r| r.met == Some(true)).count();
    e.status = if applicable == 0 {
        if strict && !results.is_empty() {
            Status::NotApplicable
        } else {
            Status::Met
        }
    } else if met_count == applicable {
        Status::Met
    } else {
        Status::NotMet
    };
    if e.status == Status::NotMet {
        e.gap = Some(Gap::Excess);
    }
}

/// One criterion of a no-increase (`strict` false) or decrease (`strict` true) rule, from its two
/// figures; `key` is the indicator's id as the result holds it.
fn criterion(ind: Ind, key: Key, c: Fig, b: Fig, strict: bool) -> CriterionResult {
    use rust_decimal::Decimal;
    let is_count = matches!(ind.def, Some((_, IndicatorKind::Count)));
    let (cc, bb) = common(c, b);
    let met = match (strict, cc, bb) {
        (true, 0, 0) => None,
        (true, _, _) => Some(cc < bb),
        (false, _, _) => Some(cc <= bb),
    };
    // For a decrease of a count: one fewer; from a baseline of 0, back to 0 (where the criterion
    // does not apply).
    let one_fewer = strict && is_count;
    let excess = match met {
        Some(false) => match (c.dec.0.scale(), b.dec.0.scale()) {
            (0, 0) => whole_excess(c.m, b.m, one_fewer),
            _ => None,
        }
        .unwrap_or_else(|| {
            let allowed = if one_fewer {
                (b.dec.0 - Decimal::ONE).max(Decimal::ZERO)
            } else {
                b.dec.0
            };
            Dec((c.dec.0 - allowed).max(Decimal::ZERO))
        }),
        _ => Dec::ZERO,
    };
    CriterionResult {
        indicator: key,
        current: c.dec,
        baseline: b.dec,
        met,
        excess,
    }
}

/// The excess of a criterion not met whose figures are written without decimals (the usual case),
/// in integers: the same decimal as the subtraction in decimals gives, when it is above 0 (a
/// decrease of an amount to the same figure, 0 here, is left to the decimals).
#[inline]
fn whole_excess(current: i64, baseline: i64, one_fewer: bool) -> Option<Dec> {
    let allowed = if one_fewer {
        (baseline - 1).max(0)
    } else {
        baseline
    };
    let excess = current - allowed;
    (excess > 0).then(|| Dec(rust_decimal::Decimal::from(excess)))
}

/// One criterion of a no-increase or decrease target read on its own, for a chart of that
/// indicator: the same decision the target makes, even when the target's other criteria have no
/// figures yet. `Err` holds what is missing or invalid.
pub fn evaluate_criterion(
    pact: &Pact,
    target: &Target,
    data: &UnitData,
    indicator: &str,
) -> Result<CriterionResult, Vec<Problem>> {
    let strict = match &target.rule {
        Rule::NoIncrease { .. } => false,
        Rule::Decrease { .. } => true,
        _ => return Err(vec![]),
    };
    let id: Id = indicator.to_string();
    let ind = Ind {
        id: &id,
        def: pact.indicator(&id).map(|d| (0, d.kind)),
    };
    match (
        check(
            ind,
            data.entry(&id, PeriodKind::Current),
            PeriodKind::Current,
        ),
        check(
            ind,
            data.entry(&id, PeriodKind::Baseline),
            PeriodKind::Baseline,
        ),
    ) {
        (Ok(c), Ok(b)) => Ok(criterion(ind, Key::new(&id), c, b, strict)),
        (c, b) => Err([c, b].into_iter().filter_map(Result::err).collect()),
    }
}

/// `v > max`; by the mantissas when both have the same scale (as whole scores do).
#[inline]
fn above(v: Dec, max: Dec) -> bool {
    if v.0.scale() == max.0.scale() {
        v.0.mantissa() > max.0.mantissa()
    } else {
        v > max
    }
}

/// One manual score as entered, against the target's maximum: the score (none when missing), or
/// why it cannot count. The app marks each score field with it, the self score too when a
/// verified score makes it irrelevant to the result.
pub fn check_score(entry: &Entry, which: ScoreKind, max: Dec) -> Result<Option<Dec>, Problem> {
    match entry {
        Entry::Missing => Ok(None),
        Entry::Text(text) => Err(Problem::ScoreNotANumber {
            which,
            text: text.clone(),
        }),
        Entry::Value(v) if v.is_negative() || above(*v, max) => {
            Err(Problem::ScoreOutOfRange { which, max })
        }
        Entry::Value(v) => Ok(Some(*v)),
    }
}

fn manual(e: &mut Evaluation, target: &Target, score: Option<&ManualScore>) {
    let max = target.max_points;
    let check = |entry: &Entry, which: ScoreKind| check_score(entry, which, max);
    let score = score.unwrap_or(&NO_SCORE);
    // The self score is checked only when there is no verified score: a verified score counts
    // whatever the self score holds.
    let outcome = match check(&score.verified, ScoreKind::Verified) {
        Err(p) => return e.set_problems(vec![p]),
        Ok(Some(v)) => ManualOutcome {
            score: v,
            verified: true,
        },
        Ok(None) => match check(&score.self_score, ScoreKind::SelfScore) {
            Err(p) => return e.set_problems(vec![p]),
            Ok(Some(s)) => ManualOutcome {
                score: s,
                verified: false,
            },
            Ok(None) => {
                e.status = Status::NoData;
                e.problems.push(Problem::ScoreMissing);
                return;
            }
        },
    };
    e.status = Status::Scored;
    e.manual = Some(outcome);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A criterion is written as it was when its change was a stored field: the same keys in the
    /// same order, the change in lowest terms (or null from a baseline of 0); the extreme figures
    /// take the arbitrary-precision way and give the same fraction.
    #[test]
    fn a_criterion_is_written_with_its_change() {
        let criterion = |c: &str, b: &str| CriterionResult {
            indicator: Key::new("tnqt"),
            current: Dec::parse(c).unwrap_or_default(),
            baseline: Dec::parse(b).unwrap_or_default(),
            met: Some(false),
            excess: Dec::int(3),
        };
        let json = |c: &CriterionResult| serde_json::to_string(c).unwrap_or_default();
        assert_eq!(
            json(&criterion("1210", "1100")),
            r#"{"indicator":"tnqt","current":1210,"baseline":1100,"met":false,"change":"1/10","excess":3}"#
        );
        assert_eq!(
            json(&criterion("2.5", "0")),
            r#"{"indicator":"tnqt","current":2.5,"baseline":0,"met":false,"change":null,"excess":3}"#
        );
        assert_eq!(criterion("1.25", "2").change(), Some(Ratio::new(-3, 8)));
        // Scaled to 28 decimals, 2^96 − 1 overflows 128 bits: the exact way, which fits here…
        let most = 79_228_162_514_264_337_593_543_950_335_i128;
        let one = "1.0000000000000000000000000000";
        let c = criterion(one, "79228162514264337593543950335");
        assert_eq!(c.change(), Some(Ratio::new(1 - most, most)));
        // …and does not there (≈ 4·10^56).
        let c = criterion(
            "79228162514264337593543950335",
            "0.0000000000000000000000000002",
        );
        assert_eq!(c.change(), None);
    }

    /// An amount is read when it is at most 10^12 with at most 6 decimals, at every scale: the
    /// table of largest mantissas is the product it replaces.
    #[test]
    fn amounts_up_to_the_limit_are_read() {
        for s in 0..=MAX_AMOUNT_SCALE {
            let ulp = Dec(rust_decimal::Decimal::new(1, s));
            let limit = Dec(Dec::int(1_000_000_000_000).0 + ulp.0 - ulp.0);
            for (d, ok) in [
                (limit, true),
                (Dec(limit.0 - ulp.0), true),
                (Dec(limit.0 + ulp.0), false),
            ] {
                let read = read_value(d, IndicatorKind::Amount).map(|f| (f.m, f.s));
                assert_eq!(read.is_ok(), ok, "{d} ({s} decimals)");
                if let Ok((m, scale)) = read {
                    assert_eq!(Dec(rust_decimal::Decimal::new(m, scale)), d);
                }
            }
        }
        assert_eq!(
            MAX_MANTISSA[MAX_AMOUNT_SCALE as usize],
            MAX_FIGURE * POW10[6]
        );
    }

    /// The excess worked out in integers is the very decimal (scale and sign included) that the
    /// subtraction in decimals gives, whenever it is used.
    #[test]
    fn whole_excess_is_the_decimal_one() {
        use rust_decimal::Decimal;
        let values = [0i64, 1, 2, 3, 7, 999_999_999_999, MAX_FIGURE as i64];
        let mut used = 0;
        for c in values {
            for b in values {
                for one_fewer in [false, true] {
                    let Some(fast) = whole_excess(c, b, one_fewer) else {
                        continue;
                    };
                    used += 1;
                    let (c, b) = (Decimal::from(c), Decimal::from(b));
                    let allowed = if one_fewer {
                        (b - Decimal::ONE).max(Decimal::ZERO)
                    } else {
                        b
                    };
                    let slow = (c - allowed).max(Decimal::ZERO);
                    assert_eq!(fast.0.serialize(), slow.serialize(), "{c} {b} {one_fewer}");
                }
            }
        }
        assert!(used > 20);
    }

    /// `same_id` is string equality for every length around its 8-byte steps, with a difference
    /// at any one place.
    #[test]
    fn same_id_is_string_equality() {
        let base = "abcdefghijklmnopqrstuvwxyz";
        for n in 0..=base.len() {
            let a = &base[..n];
            assert!(same_id(a, a));
            assert!(!same_id(a, &base[..n.saturating_sub(1)]) || n == 0);
            for at in 0..n {
                let mut b = a.as_bytes().to_vec();
                b[at] = b'_';
                let b = String::from_utf8(b).unwrap();
                assert!(!same_id(a, &b), "{a} {b}");
                assert!(!same_id(&b, a), "{b} {a}");
            }
        }
    }

    /// The in-order shortcut of `find_sorted` finds what a lookup of each id finds, whether the
    /// unit's ids are exactly the plan's or one is missing, extra, or different in its place
    /// (with the same number of ids, the case the shortcut must not be fooled by).
    #[test]
    fn finding_ids_in_order_is_looking_each_up() {
        let ids = ["a", "bb", "c", "dd"];
        let maps: &[&[&str]] = &[
            &["a", "bb", "c", "dd"],
            &["a", "bb", "c"],
            &["a", "bb", "c", "dd", "e"],
            &["a", "bb", "cc", "dd"],
            &["a", "b", "c", "dd"],
            &["a", "bx", "c", "dd"],
            &["a", "bb", "c", "de"],
            &["0", "bb", "c", "dd"],
            &["0", "a", "bb", "c"],
            &["bb", "c", "dd", "z"],
            &["w", "x", "y", "z"],
            &[],
        ];
        for keys in maps {
            let map: BTreeMap<Id, usize> = keys
                .iter()
                .enumerate()
                .map(|(i, k)| (k.to_string(), i))
                .collect();
            let mut out = vec![None; 7];
            find_sorted(&map, ids.iter().copied(), &mut out);
            let expected: Vec<Option<&usize>> = ids.iter().map(|id| map.get(*id)).collect();
            assert_eq!(out, expected, "{keys:?}");
        }
        let (empty, mut out) = (BTreeMap::<Id, usize>::new(), vec![None; 2]);
        find_sorted(&empty, [].into_iter(), &mut out);
        assert!(out.is_empty());
    }
}
