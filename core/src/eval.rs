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
//!   10^12, or a numerator exceeds its denominator (solved > occurred).
//! - `not_applicable`: a rate whose denominator is 0 (nothing occurred, so there is no rate), a
//!   reduction whose baseline is 0 (nothing to reduce), or a `decrease` target whose every
//!   criterion was 0 in both periods. How such a target scores is the pact's choice
//!   ([`crate::model::NotApplicablePoints`]).
//! - `met` / `not_met` for rates, reductions and no-increase/decrease rules; `scored` for manual
//!   contents.

use crate::data::{Entry, ManualScore, PeriodKind, UnitData};
use crate::model::{Comparator, Id, IndicatorKind, Pact, Rule, Target};
use crate::num::{serialize_opt_ratio, Dec, Ratio};
use serde::Serialize;

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
    /// A figure is above 10^12, or an amount has too many decimals.
    TooLarge {
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
    /// The reduction's baseline is 0.
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CriterionResult {
    /// The indicator.
    pub indicator: Id,
    /// Current figure.
    pub current: Dec,
    /// Baseline figure.
    pub baseline: Dec,
    /// Whether this criterion holds; `None` when it does not apply (decrease from 0 to 0).
    pub met: Option<bool>,
    /// Change relative to the baseline, when the baseline is not 0.
    #[serde(serialize_with = "serialize_opt_ratio")]
    pub change: Option<Ratio>,
    /// How far above the allowed level the current figure is (0 when it holds).
    pub excess: Dec,
}

/// The evaluation of one unit on one target (points are added by scoring).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    /// The target.
    pub target: Id,
    /// The status.
    pub status: Status,
    /// Exact value: the rate, or the reduction (negative when the count rose).
    #[serde(serialize_with = "serialize_opt_ratio")]
    pub value: Option<Ratio>,
    /// Exact margin: value minus threshold, as a fraction (× 100 = percentage points).
    #[serde(serialize_with = "serialize_opt_ratio")]
    pub margin: Option<Ratio>,
    /// Attainment A/T used by proportional and relative-to-best scoring (share of criteria met
    /// for no-increase/decrease rules).
    #[serde(skip)]
    pub attainment: Option<Ratio>,
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
    fn new(target: &Target, status: Status) -> Evaluation {
        Evaluation {
            target: target.id.clone(),
            status,
            value: None,
            margin: None,
            attainment: None,
            gap: None,
            criteria: Vec::new(),
            manual: None,
            problems: Vec::new(),
        }
    }

    fn with_problems(target: &Target, problems: Vec<Problem>) -> Evaluation {
        let status = if problems
            .iter()
            .any(|p| !matches!(p, Problem::Missing { .. }))
        {
            Status::Invalid
        } else {
            Status::NoData
        };
        Evaluation {
            problems,
            ..Evaluation::new(target, status)
        }
    }
}

/// Reads one figure as an exact fraction, checking it.
fn read(
    pact: &Pact,
    data: &UnitData,
    indicator: &Id,
    period: PeriodKind,
    problems: &mut Vec<Problem>,
) -> Option<Dec> {
    let Some(def) = pact.indicator(indicator) else {
        problems.push(Problem::UnknownIndicator {
            indicator: indicator.clone(),
        });
        return None;
    };
    let at = |p: fn(Id, PeriodKind) -> Problem| p(indicator.clone(), period);
    match data.entry(indicator, period) {
        Entry::Missing => {
            problems.push(at(|indicator, period| Problem::Missing {
                indicator,
                period,
            }));
            None
        }
        Entry::Text(text) => {
            problems.push(Problem::NotANumber {
                indicator: indicator.clone(),
                period,
                text: text.clone(),
            });
            None
        }
        Entry::Value(d) => {
            if d.is_negative() {
                problems.push(at(|indicator, period| Problem::Negative {
                    indicator,
                    period,
                }));
                return None;
            }
            if def.kind == IndicatorKind::Count && !d.is_integer() {
                problems.push(at(|indicator, period| Problem::NotWhole {
                    indicator,
                    period,
                }));
                return None;
            }
            if d.scale() > MAX_AMOUNT_SCALE || d.to_ratio() > Ratio::from_integer(MAX_FIGURE) {
                problems.push(at(|indicator, period| Problem::TooLarge {
                    indicator,
                    period,
                }));
                return None;
            }
            Some(*d)
        }
    }
}

/// The threshold as a fraction of one (75 → 3/4), if it is within the exact range.
fn threshold(pct: Dec) -> Option<Ratio> {
    if pct.scale() > MAX_THRESHOLD_SCALE || pct.is_negative() || pct.0 > Dec::int(1_000_000).0 {
        return None;
    }
    // mantissa / (100 · 10^scale), reduced once.
    let n = pct.0.normalize();
    Some(Ratio::new(n.mantissa(), 100 * 10i128.pow(n.scale())))
}

/// The smallest integer k with `k/1 ⋈ x` for the comparator (`>`: k > x, `≥`: k ≥ x).
/// For `=`, Some(x) only when x is whole.
fn least_count(x: Ratio, cmp: Comparator) -> Option<i128> {
    match cmp {
        Comparator::Gt => Some(x.floor().to_integer() + 1),
        Comparator::Ge => Some(x.ceil().to_integer()),
        Comparator::Eq => x.is_integer().then(|| x.to_integer()),
    }
}

/// The largest integer k with `k ⋈' x`, where "at least p% fewer" means k ≤ x (`≥`) or k < x (`>`).
fn greatest_count(x: Ratio, cmp: Comparator) -> Option<i128> {
    match cmp {
        Comparator::Ge => Some(x.floor().to_integer()),
        Comparator::Gt => Some(x.ceil().to_integer() - 1),
        Comparator::Eq => x.is_integer().then(|| x.to_integer()),
    }
}

/// Evaluates one unit on one target.
pub fn evaluate_target(pact: &Pact, target: &Target, data: &UnitData) -> Evaluation {
    match &target.rule {
        Rule::Rate {
            numerator,
            denominator,
            comparator,
            threshold_pct,
        } => rate(
            pact,
            target,
            data,
            numerator,
            denominator,
            *comparator,
            *threshold_pct,
        ),
        Rule::Reduction {
            indicator,
            comparator,
            threshold_pct,
        } => reduction(pact, target, data, indicator, *comparator, *threshold_pct),
        Rule::NoIncrease { indicators } => criteria(pact, target, data, indicators, false),
        Rule::Decrease { indicators } => criteria(pact, target, data, indicators, true),
        Rule::Manual => manual(target, data.manual.get(&target.id)),
    }
}

/// Reads the two figures a rate or a reduction compares, and its threshold as a fraction; or
/// the problems that keep them from being used.
fn read_pair(
    pact: &Pact,
    data: &UnitData,
    cells: [(&Id, PeriodKind); 2],
    pct: Dec,
) -> Result<(Ratio, Ratio, Ratio), Vec<Problem>> {
    let mut problems = Vec::new();
    let a = read(pact, data, cells[0].0, cells[0].1, &mut problems);
    let b = read(pact, data, cells[1].0, cells[1].1, &mut problems);
    let (Some(a), Some(b)) = (a, b) else {
        return Err(problems);
    };
    let t = threshold(pct).ok_or_else(|| vec![Problem::Overflow])?;
    Ok((a.to_ratio(), b.to_ratio(), t))
}

fn rate(
    pact: &Pact,
    target: &Target,
    data: &UnitData,
    num_id: &Id,
    den_id: &Id,
    cmp: Comparator,
    pct: Dec,
) -> Evaluation {
    let (n, d, t) = match read_pair(
        pact,
        data,
        [(num_id, PeriodKind::Current), (den_id, PeriodKind::Current)],
        pct,
    ) {
        Ok(v) => v,
        Err(problems) => return Evaluation::with_problems(target, problems),
    };
    if n > d {
        return Evaluation::with_problems(
            target,
            vec![Problem::Exceeds {
                numerator: num_id.clone(),
                denominator: den_id.clone(),
            }],
        );
    }
    if d == Ratio::from_integer(0) {
        let mut e = Evaluation::new(target, Status::NotApplicable);
        e.problems.push(Problem::ZeroDenominator {
            indicator: den_id.clone(),
        });
        return e;
    }
    let value = n / d;
    let met = cmp.holds(value.cmp(&t));
    let mut e = Evaluation::new(target, if met { Status::Met } else { Status::NotMet });
    e.value = Some(value);
    e.margin = Some(value - t);
    e.attainment = (t != Ratio::from_integer(0)).then(|| value / t);
    if !met {
        // Counts are whole here (rates read counts); amounts would be compared in whole units.
        let (n_int, d_int) = (n.to_integer(), d.to_integer());
        e.gap = Some(match least_count(t * d, cmp) {
            Some(k) if k <= d_int && k > n_int => Gap::RateNeeds {
                additional: k - n_int,
                needed: k,
            },
            _ => Gap::RateUnreachable,
        });
    }
    e
}

fn reduction(
    pact: &Pact,
    target: &Target,
    data: &UnitData,
    id: &Id,
    cmp: Comparator,
    pct: Dec,
) -> Evaluation {
    let (c, b, t) = match read_pair(
        pact,
        data,
        [(id, PeriodKind::Current), (id, PeriodKind::Baseline)],
        pct,
    ) {
        Ok(v) => v,
        Err(problems) => return Evaluation::with_problems(target, problems),
    };
    if b == Ratio::from_integer(0) {
        let mut e = Evaluation::new(target, Status::NotApplicable);
        e.problems.push(Problem::ZeroBaseline {
            indicator: id.clone(),
        });
        return e;
    }
    let value = (b - c) / b;
    let met = cmp.holds(value.cmp(&t));
    let mut e = Evaluation::new(target, if met { Status::Met } else { Status::NotMet });
    e.value = Some(value);
    e.margin = Some(value - t);
    e.attainment = (t != Ratio::from_integer(0)).then(|| value / t);
    if !met {
        let limit = b * (Ratio::from_integer(1) - t);
        e.gap = Some(match greatest_count(limit, cmp) {
            Some(max) if max >= 0 && c.to_integer() > max => Gap::ReductionOver {
                allowed_max: max,
                over: c.to_integer() - max,
            },
            _ => Gap::ReductionUnreachable,
        });
    }
    e
}

fn criteria(pact: &Pact, target: &Target, data: &UnitData, ids: &[Id], strict: bool) -> Evaluation {
    let mut problems = Vec::new();
    let mut rows = Vec::new();
    for id in ids {
        let c = read(pact, data, id, PeriodKind::Current, &mut problems);
        let b = read(pact, data, id, PeriodKind::Baseline, &mut problems);
        if let (Some(c), Some(b)) = (c, b) {
            rows.push((id, c, b));
        }
    }
    if !problems.is_empty() {
        return Evaluation::with_problems(target, problems);
    }
    let results: Vec<CriterionResult> = rows
        .into_iter()
        .map(|(id, c, b)| criterion(pact, id, c, b, strict))
        .collect();
    let applicable = results.iter().filter(|r| r.met.is_some()).count();
    let met_count = results.iter().filter(|r| r.met == Some(true)).count();
    let status = if applicable == 0 {
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
    let mut e = Evaluation::new(target, status);
    e.attainment = (applicable > 0).then(|| Ratio::new(met_count as i128, applicable as i128));
    if status == Status::NotMet {
        e.gap = Some(Gap::Excess);
    }
    e.criteria = results;
    e
}

/// One criterion of a no-increase (`strict` false) or decrease (`strict` true) rule, from its two
/// figures.
fn criterion(pact: &Pact, id: &Id, c: Dec, b: Dec, strict: bool) -> CriterionResult {
    let is_count = pact
        .indicator(id)
        .is_some_and(|d| d.kind == IndicatorKind::Count);
    let (met, allowed) = if strict {
        if b == Dec::ZERO && c == Dec::ZERO {
            (None, b)
        } else if is_count {
            // One fewer; from a baseline of 0, back to 0 (where the criterion does not apply).
            let allowed = (b.0 - rust_decimal::Decimal::ONE).max(rust_decimal::Decimal::ZERO);
            (Some(c < b), Dec(allowed))
        } else {
            (Some(c < b), b)
        }
    } else {
        (Some(c <= b), b)
    };
    let excess = if met == Some(false) {
        Dec((c.0 - allowed.0).max(rust_decimal::Decimal::ZERO))
    } else {
        Dec::ZERO
    };
    CriterionResult {
        indicator: id.clone(),
        current: c,
        baseline: b,
        met,
        change: (b != Dec::ZERO).then(|| (c.to_ratio() - b.to_ratio()) / b.to_ratio()),
        excess,
    }
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
    let mut problems = Vec::new();
    let c = read(pact, data, &id, PeriodKind::Current, &mut problems);
    let b = read(pact, data, &id, PeriodKind::Baseline, &mut problems);
    match (c, b) {
        (Some(c), Some(b)) if problems.is_empty() => Ok(criterion(pact, &id, c, b, strict)),
        _ => Err(problems),
    }
}

fn manual(target: &Target, score: Option<&ManualScore>) -> Evaluation {
    let max = target.max_points;
    let check = |entry: &Entry, which: ScoreKind| -> Result<Option<Dec>, Problem> {
        match entry {
            Entry::Missing => Ok(None),
            Entry::Text(text) => Err(Problem::ScoreNotANumber {
                which,
                text: text.clone(),
            }),
            Entry::Value(v) if v.is_negative() || *v > max => {
                Err(Problem::ScoreOutOfRange { which, max })
            }
            Entry::Value(v) => Ok(Some(*v)),
        }
    };
    let empty = ManualScore::default();
    let score = score.unwrap_or(&empty);
    let verified = check(&score.verified, ScoreKind::Verified);
    let own = check(&score.self_score, ScoreKind::SelfScore);
    let outcome = match (verified, own) {
        (Err(p), _) => return Evaluation::with_problems(target, vec![p]),
        (Ok(Some(v)), _) => ManualOutcome {
            score: v,
            verified: true,
        },
        (Ok(None), Err(p)) => return Evaluation::with_problems(target, vec![p]),
        (Ok(None), Ok(Some(s))) => ManualOutcome {
            score: s,
            verified: false,
        },
        (Ok(None), Ok(None)) => {
            let mut e = Evaluation::new(target, Status::NoData);
            e.problems.push(Problem::ScoreMissing);
            return e;
        }
    };
    let mut e = Evaluation::new(target, Status::Scored);
    e.manual = Some(outcome);
    e
}
