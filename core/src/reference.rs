//! The evaluation as it was first written — straightforward, looking everything up by id and
//! reducing every fraction with `Ratio::new` — kept as an oracle for the tests: the prepared
//! evaluation of [`crate::eval`] and [`crate::score`] must return exactly the same results
//! (compared field by field, as JSON, and in `Debug` form) on random pacts and figures.

use crate::data::{AdjustmentKind, Entry, ManualScore, PeriodKind, UnitData};
use crate::eval::*;
use crate::model::{
    Comparator, Id, IndicatorKind, Key, NotApplicablePoints, Pact, Rule, ScoringMethod, Target,
};
use crate::num::{Dec, Points, Ratio};
use crate::score::{ContentPoints, Provisional, Results, TargetResult, UnitResult};
use std::collections::HashMap;

/// `Dec::to_ratio` as it was first written.
fn ratio_of(d: Dec) -> Ratio {
    Ratio::new(d.0.mantissa(), 10i128.pow(d.0.scale()))
}

fn new_eval(target: &Target, status: Status) -> Evaluation {
    Evaluation {
        target: target.id.as_str().into(),
        status,
        value: None,
        margin: None,
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
        ..new_eval(target, status)
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
            if d.scale() > MAX_AMOUNT_SCALE {
                problems.push(at(|indicator, period| Problem::TooManyDecimals {
                    indicator,
                    period,
                }));
                return None;
            }
            if ratio_of(*d) > Ratio::from_integer(MAX_FIGURE) {
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
pub(crate) fn evaluate_target(pact: &Pact, target: &Target, data: &UnitData) -> Evaluation {
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
    Ok((ratio_of(a), ratio_of(b), t))
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
        Err(problems) => return with_problems(target, problems),
    };
    if n > d {
        return with_problems(
            target,
            vec![Problem::Exceeds {
                numerator: num_id.clone(),
                denominator: den_id.clone(),
            }],
        );
    }
    if d == Ratio::from_integer(0) {
        let mut e = new_eval(target, Status::NotApplicable);
        e.problems.push(Problem::ZeroDenominator {
            indicator: den_id.clone(),
        });
        return e;
    }
    let value = n / d;
    let met = cmp.holds(value.cmp(&t));
    let mut e = new_eval(target, if met { Status::Met } else { Status::NotMet });
    e.value = Some(value);
    e.margin = Some(value - t);
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
        Err(problems) => return with_problems(target, problems),
    };
    if b == Ratio::from_integer(0) && c == Ratio::from_integer(0) {
        let mut e = new_eval(target, Status::NotApplicable);
        e.problems.push(Problem::ZeroBaseline {
            indicator: id.as_str().into(),
        });
        return e;
    }
    if b == Ratio::from_integer(0) {
        // A rise from nothing: the fall is −∞, less than any threshold.
        let met = cmp.holds(std::cmp::Ordering::Less);
        let mut e = new_eval(target, if met { Status::Met } else { Status::NotMet });
        if !met {
            let over = c.to_integer();
            e.gap = Some(if over > 0 {
                Gap::ReductionOver {
                    allowed_max: 0,
                    over,
                }
            } else {
                Gap::ReductionUnreachable
            });
        }
        return e;
    }
    let value = (b - c) / b;
    let met = cmp.holds(value.cmp(&t));
    let mut e = new_eval(target, if met { Status::Met } else { Status::NotMet });
    e.value = Some(value);
    e.margin = Some(value - t);
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
        return with_problems(target, problems);
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
    let mut e = new_eval(target, status);
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
        indicator: id.as_str().into(),
        current: c,
        baseline: b,
        met,
        excess,
    }
}

/// A criterion's change as it was first written: (current − baseline) ÷ baseline with
/// `Ratio`'s own arithmetic, none from a baseline of 0.
fn change(c: &CriterionResult) -> Option<Ratio> {
    let (cur, base) = (c.current, c.baseline);
    (base != Dec::ZERO).then(|| (ratio_of(cur) - ratio_of(base)) / ratio_of(base))
}

/// One criterion of a no-increase or decrease target read on its own, for a chart of that
/// indicator: the same decision the target makes, even when the target's other criteria have no
/// figures yet. `Err` holds what is missing or invalid.
pub(crate) fn evaluate_criterion(
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
        (Err(p), _) => return with_problems(target, vec![p]),
        (Ok(Some(v)), _) => ManualOutcome {
            score: v,
            verified: true,
        },
        (Ok(None), Err(p)) => return with_problems(target, vec![p]),
        (Ok(None), Ok(Some(s))) => ManualOutcome {
            score: s,
            verified: false,
        },
        (Ok(None), Ok(None)) => {
            let mut e = new_eval(target, Status::NoData);
            e.problems.push(Problem::ScoreMissing);
            return e;
        }
    };
    let mut e = new_eval(target, Status::Scored);
    e.manual = Some(outcome);
    e
}

/// Evaluates, scores, classifies and ranks every unit of the pact.
///
/// `data` may list units in any order and may omit units (their figures are all missing).
pub(crate) fn evaluate(pact: &Pact, data: &[UnitData]) -> Results {
    let by_unit: HashMap<&str, &UnitData> = data.iter().map(|d| (d.unit.as_str(), d)).collect();
    let empty = UnitData::default();
    let unit_data: Vec<&UnitData> = pact
        .units
        .iter()
        .map(|u| by_unit.get(u.id.as_str()).copied().unwrap_or(&empty))
        .collect();
    let limits = Limits::of(pact);

    // Evaluate every unit on every target.
    let evals: Vec<Vec<Evaluation>> = unit_data
        .iter()
        .map(|d| {
            pact.targets()
                .map(|(_, t)| evaluate_target(pact, t, d))
                .collect()
        })
        .collect();

    // The best attainment per target, for relative-to-best scoring.
    let targets: Vec<_> = pact.targets().map(|(_, t)| t).collect();
    let maxima: Vec<Points> = targets
        .iter()
        .map(|t| Points::from_dec(t.max_points))
        .collect();
    let best: Vec<Option<Ratio>> = (0..targets.len())
        .map(|i| {
            evals
                .iter()
                .filter(|e| matches!(e[i].status, Status::Met | Status::NotMet))
                .filter_map(|e| attainment(targets[i], &e[i]))
                .max()
        })
        .collect();

    let mut units: Vec<UnitResult> = evals
        .into_iter()
        .zip(&unit_data)
        .zip(&pact.units)
        .map(|((evals, d), u)| {
            let targets: Vec<TargetResult> = evals
                .into_iter()
                .enumerate()
                .map(|(i, e)| {
                    let t = targets[i];
                    let a = attainment(t, &e);
                    let points = target_points(pact, &e, t.scoring, &maxima[i], a, best[i]);
                    TargetResult {
                        eval: e,
                        points,
                        max_points: t.max_points,
                    }
                })
                .collect();
            unit_result(pact, &limits, &u.id, d, targets)
        })
        .collect();

    let order = rank(pact, &mut units);
    let ranking: Vec<Key> = order.iter().map(|&i| units[i].unit.clone()).collect();
    // With no usable figure or score anywhere there is nobody to lead (an invalid entry is not
    // one: it would otherwise make a leader of the first unit id among units all at 0).
    let any_data = units.iter().any(|u| {
        u.targets
            .iter()
            .any(|t| !matches!(t.eval.status, Status::NoData | Status::Invalid))
    });
    if !any_data {
        units.iter_mut().for_each(|u| u.government_flag = false);
    }
    Results {
        pact: pact.id.as_str().into(),
        review: Key::default(),
        leading_unit: ranking
            .first()
            .filter(|_| any_data && units.iter().filter(|u| u.rank == 1).count() == 1)
            .cloned(),
        provisional: units.iter().any(UnitResult::is_provisional),
        ranking,
        units,
    }
}

fn half() -> Points {
    Points::from_ratio(Ratio::new(1, 2))
}

/// The attainment A/T: value ÷ threshold for a rate or a reduction (none when the threshold is 0),
/// criteria met ÷ criteria that apply for a no-increase or decrease rule (none when none applies).
fn attainment(target: &Target, e: &Evaluation) -> Option<Ratio> {
    match &target.rule {
        Rule::Rate { threshold_pct, .. } | Rule::Reduction { threshold_pct, .. } => {
            let t = threshold(*threshold_pct)?;
            let value = e.value?;
            (t != Ratio::from_integer(0)).then(|| value / t)
        }
        Rule::NoIncrease { .. } | Rule::Decrease { .. } => {
            let applicable = e.criteria.iter().filter(|r| r.met.is_some()).count();
            let met_count = e.criteria.iter().filter(|r| r.met == Some(true)).count();
            (applicable > 0).then(|| Ratio::new(met_count as i128, applicable as i128))
        }
        Rule::Manual => None,
    }
}

/// Points for one evaluation.
fn target_points(
    pact: &Pact,
    e: &Evaluation,
    method: ScoringMethod,
    max: &Points,
    attainment: Option<Ratio>,
    best: Option<Ratio>,
) -> Points {
    let max = max.clone();
    match e.status {
        Status::NoData | Status::Invalid => return Points::zero(),
        Status::NotApplicable => {
            return match pact.not_applicable {
                NotApplicablePoints::Full => max,
                NotApplicablePoints::Zero => Points::zero(),
            }
        }
        Status::Scored => {
            return e
                .manual
                .as_ref()
                .map(|m| Points::from_dec(m.score).clamp_to(&max))
                .unwrap_or_else(Points::zero)
        }
        Status::Met | Status::NotMet => {}
    }
    let met = e.status == Status::Met;
    let one = Ratio::from_integer(1);
    match (method, attainment) {
        (ScoringMethod::AllOrNothing | ScoringMethod::Manual, _) | (_, None) => {
            if met {
                max
            } else {
                Points::zero()
            }
        }
        (ScoringMethod::Proportional, Some(a)) => {
            if met {
                max
            } else {
                (max.clone() * Points::from_ratio(a)).clamp_to(&max)
            }
        }
        (ScoringMethod::RelativeToBest, Some(a)) => {
            let p = if a < one {
                half() * max.clone() * Points::from_ratio(a)
            } else if a == one {
                half() * max.clone()
            } else {
                match best {
                    Some(b) if a < b => {
                        half() * max.clone()
                            + half() * max.clone() * Points::from_ratio((a - one) / (b - one))
                    }
                    _ => max.clone(),
                }
            };
            p.clamp_to(&max)
        }
    }
}

fn sum_capped(d: &UnitData, kind: AdjustmentKind, cap: Dec) -> Points {
    let sum: Points = d
        .adjustments
        .iter()
        .filter(|a| a.kind == kind && !a.points.is_negative())
        .map(|a| Points::from_dec(a.points))
        .sum();
    sum.min(Points::from_dec(cap))
}

/// What classification compares with, computed once per pact rather than once per unit.
struct Limits {
    /// Each content's maximum.
    content_max: Vec<Dec>,
    /// Per level: the minimum total, and each content's floor in points.
    levels: Vec<(Option<Points>, Option<Vec<Points>>)>,
}

impl Limits {
    fn of(pact: &Pact) -> Limits {
        let content_max: Vec<Dec> = pact.contents.iter().map(|c| c.max_points()).collect();
        let levels = pact
            .classification
            .iter()
            .map(|l| {
                let floors = l.content_floor_pct.map(|pct| {
                    content_max
                        .iter()
                        .map(|m| {
                            Points::from_dec(*m)
                                * Points::from_dec(pct)
                                * Points::from_ratio(Ratio::new(1, 100))
                        })
                        .collect()
                });
                (l.min_total.map(Points::from_dec), floors)
            })
            .collect();
        Limits {
            content_max,
            levels,
        }
    }
}

fn unit_result(
    pact: &Pact,
    limits: &Limits,
    unit: &Id,
    d: &UnitData,
    targets: Vec<TargetResult>,
) -> UnitResult {
    let mut contents = Vec::with_capacity(pact.contents.len());
    let mut it = targets.iter();
    for (c, max) in pact.contents.iter().zip(&limits.content_max) {
        let points: Points = it
            .by_ref()
            .take(c.targets.len())
            .map(|t| t.points.clone())
            .sum();
        contents.push(ContentPoints {
            content: c.id.as_str().into(),
            points,
            max_points: *max,
        });
    }
    let bonus = sum_capped(d, AdjustmentKind::Bonus, pact.adjustments.bonus_cap);
    let deduction = sum_capped(d, AdjustmentKind::Deduction, pact.adjustments.deduction_cap);
    let target_sum: Points = contents.iter().map(|c| c.points.clone()).sum();
    let total = target_sum + bonus.clone() - deduction.clone();
    let level = pact
        .classification
        .iter()
        .zip(&limits.levels)
        .find(|(_, (min, floors))| {
            min.as_ref().is_none_or(|m| total >= *m)
                && floors
                    .as_ref()
                    .is_none_or(|floors| contents.iter().zip(floors).all(|(c, f)| c.points >= *f))
        })
        .map(|(l, _)| Key::from(l.id.as_str()));
    let provisional = targets
        .iter()
        .filter_map(|t| {
            let target = t.eval.target.clone();
            match t.eval.status {
                Status::NoData => Some(Provisional::NoData { target }),
                Status::Invalid => Some(Provisional::InvalidData { target }),
                Status::Scored if t.eval.manual.as_ref().is_some_and(|m| !m.verified) => {
                    Some(Provisional::Unverified { target })
                }
                _ => None,
            }
        })
        .collect();
    let ministry_flag = level
        .as_ref()
        .is_some_and(|l| pact.flags.ministry_levels.iter().any(|m| m == l));
    UnitResult {
        unit: unit.as_str().into(),
        met: targets
            .iter()
            .filter(|t| t.eval.status == Status::Met)
            .count(),
        targets,
        contents,
        bonus,
        deduction,
        total,
        level,
        rank: 0,
        tied: false,
        ministry_flag,
        government_flag: false,
        provisional,
    }
}

/// Assigns ranks with the documented tie-break and sets the Government flag; returns the units'
/// positions in rank order.
fn rank(pact: &Pact, units: &mut [UnitResult]) -> Vec<usize> {
    // A unit's rank is one more than the number of units strictly ahead of it.
    let ahead = |x: &UnitResult, u: &UnitResult| {
        x.total
            .cmp(&u.total)
            .then(x.met.cmp(&u.met))
            .then(u.deduction.cmp(&x.deduction))
            == std::cmp::Ordering::Greater
    };
    let ranks: Vec<usize> = units
        .iter()
        .map(|u| 1 + units.iter().filter(|x| ahead(x, u)).count())
        .collect();
    let mut idx: Vec<usize> = (0..units.len()).collect();
    idx.sort_by(|&a, &b| {
        let (x, y) = (&units[a], &units[b]);
        y.total
            .cmp(&x.total)
            .then(y.met.cmp(&x.met))
            .then(x.deduction.cmp(&y.deduction))
            .then(x.unit.cmp(&y.unit))
    });
    for (u, rank) in units.iter_mut().zip(ranks) {
        u.rank = rank;
        u.government_flag = pact.flags.government_for_leader && rank == 1 && u.ministry_flag;
    }
    // Sorted by total, equal totals are neighbours.
    for w in idx.windows(2) {
        if units[w[0]].total == units[w[1]].total {
            units[w[0]].tied = true;
            units[w[1]].tied = true;
        }
    }
    idx
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::default_pact::cluster1_2023;
    use crate::model::{IndicatorDef, Unit};
    use crate::num::{cmp_ratio, div_reduced, reduced, sub_reduced};
    use num_bigint::BigInt;
    use num_rational::BigRational;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    /// A decimal of every kind the crate meets: small and large counts, negatives (also −0),
    /// many decimals, trailing zeros, values beyond 10^12.
    fn dec_any() -> impl Strategy<Value = Dec> {
        prop_oneof![
            4 => (0i64..=60).prop_map(Dec::int),
            2 => (0i64..=1_000_000_000_001).prop_map(Dec::int),
            1 => (-5i64..=5).prop_map(Dec::int),
            2 => (-1_000_000_000i64..=100_000_000_000_000, 0u32..=9)
                .prop_map(|(m, s)| Dec(Decimal::new(m, s))),
            2 => (0i64..=100_000, 0u32..=3, 0u32..=6)
                .prop_map(|(m, s, z)| Dec(Decimal::new(m * 10i64.pow(z), s + z))),
            1 => (0u32..=3).prop_map(|s| {
                let mut d = Decimal::new(0, s);
                d.set_sign_negative(true);
                Dec(d)
            }),
        ]
    }

    fn threshold_any() -> impl Strategy<Value = Dec> {
        prop_oneof![
            3 => prop::sample::select(vec!["0", "5", "12.5", "33.333333", "75", "90", "100", "150", "1000000", "1000000.0000001", "-1", "7.1234567", "0.000001"])
                .prop_map(|s| Dec::parse(s).unwrap_or_default()),
            2 => (0i64..=200).prop_map(Dec::int),
            2 => dec_any(),
        ]
    }

    fn entry_any() -> impl Strategy<Value = Entry> {
        prop_oneof![
            1 => Just(Entry::Missing),
            1 => "[a-z?]{0,3}".prop_map(Entry::Text),
            8 => dec_any().prop_map(Entry::Value),
        ]
    }

    fn comparator() -> impl Strategy<Value = Comparator> {
        prop::sample::select(vec![Comparator::Gt, Comparator::Ge, Comparator::Eq])
    }

    fn scoring() -> impl Strategy<Value = ScoringMethod> {
        prop::sample::select(vec![
            ScoringMethod::AllOrNothing,
            ScoringMethod::Proportional,
            ScoringMethod::RelativeToBest,
            ScoringMethod::Manual,
        ])
    }

    /// An indicator id: one of the pact's (by position) or one it does not define.
    fn ind_ix() -> impl Strategy<Value = usize> {
        0usize..17
    }

    #[derive(Clone, Debug)]
    struct RuleGen {
        kind: u8,
        a: usize,
        b: usize,
        more: Vec<usize>,
        cmp: Comparator,
        pct: Dec,
    }

    fn rule_gen() -> impl Strategy<Value = RuleGen> {
        (
            0u8..6,
            ind_ix(),
            ind_ix(),
            prop::collection::vec(ind_ix(), 0..5),
            comparator(),
            threshold_any(),
        )
            .prop_map(|(kind, a, b, more, cmp, pct)| RuleGen {
                kind,
                a,
                b,
                more,
                cmp,
                pct,
            })
    }

    #[derive(Clone, Debug)]
    struct PactGen {
        kinds: Vec<bool>,
        duplicate: Option<(usize, bool)>,
        rules: Vec<RuleGen>,
        scorings: Vec<ScoringMethod>,
        maxima: Vec<Dec>,
        zero_na: bool,
        units: Vec<usize>,
    }

    fn pact_gen() -> impl Strategy<Value = PactGen> {
        (
            prop::collection::vec(any::<bool>(), 16),
            prop::option::of((0usize..16, any::<bool>())),
            prop::collection::vec(rule_gen(), 10),
            prop::collection::vec(scoring(), 10),
            prop::collection::vec(prop_oneof![(0i64..=20).prop_map(Dec::int), dec_any()], 10),
            any::<bool>(),
            prop::collection::vec(0usize..6, 1..7),
        )
            .prop_map(
                |(kinds, duplicate, rules, scorings, maxima, zero_na, units)| PactGen {
                    kinds,
                    duplicate,
                    rules,
                    scorings,
                    maxima,
                    zero_na,
                    units,
                },
            )
    }

    fn build_pact(g: &PactGen) -> Pact {
        let mut pact = cluster1_2023();
        let ids: Vec<Id> = pact.indicators.iter().map(|d| d.id.clone()).collect();
        let id = |i: usize| {
            ids.get(i)
                .cloned()
                .unwrap_or_else(|| format!("unknown-{i}"))
        };
        for (d, amount) in pact.indicators.iter_mut().zip(&g.kinds) {
            d.kind = if *amount {
                IndicatorKind::Amount
            } else {
                IndicatorKind::Count
            };
        }
        if let Some((i, amount)) = g.duplicate {
            let mut d: IndicatorDef = pact.indicators[i].clone();
            d.kind = if amount {
                IndicatorKind::Amount
            } else {
                IndicatorKind::Count
            };
            pact.indicators.push(d);
        }
        let targets = pact.contents.iter_mut().flat_map(|c| c.targets.iter_mut());
        for (((t, r), s), m) in targets.zip(&g.rules).zip(&g.scorings).zip(&g.maxima) {
            t.scoring = *s;
            t.max_points = *m;
            t.rule = match r.kind {
                0 => t.rule.clone(),
                1 => Rule::Rate {
                    numerator: id(r.a),
                    denominator: id(r.b),
                    comparator: r.cmp,
                    threshold_pct: r.pct,
                },
                2 => Rule::Reduction {
                    indicator: id(r.a),
                    comparator: r.cmp,
                    threshold_pct: r.pct,
                },
                3 => Rule::NoIncrease {
                    indicators: r.more.iter().map(|&i| id(i)).collect(),
                },
                4 => Rule::Decrease {
                    indicators: r.more.iter().map(|&i| id(i)).collect(),
                },
                _ => Rule::Manual,
            };
            // Keep some of the built-in rules but with a random threshold and comparator.
            if let (
                0,
                Rule::Rate {
                    comparator,
                    threshold_pct,
                    ..
                }
                | Rule::Reduction {
                    comparator,
                    threshold_pct,
                    ..
                },
            ) = (r.kind, &mut t.rule)
            {
                *comparator = r.cmp;
                *threshold_pct = r.pct;
            }
        }
        pact.not_applicable = if g.zero_na {
            NotApplicablePoints::Zero
        } else {
            NotApplicablePoints::Full
        };
        let template = pact.units[0].clone();
        pact.units = g
            .units
            .iter()
            .map(|&i| Unit {
                id: format!("u{i}"),
                ..template.clone()
            })
            .collect();
        pact
    }

    #[derive(Clone, Debug)]
    struct UnitGen {
        unit: usize,
        figures: Vec<(usize, Entry, Entry)>,
        manual: Vec<(usize, Entry, Entry)>,
        adjustments: Vec<(bool, Dec)>,
    }

    /// Mostly small counts (so that rates, reductions and `=` thresholds are met and missed
    /// alike), sometimes anything.
    fn figure() -> impl Strategy<Value = Entry> {
        prop_oneof![
            10 => (0i64..=40).prop_map(Entry::int),
            1 => Just(Entry::int(0)),
            3 => entry_any(),
            1 => Just(Entry::Missing),
        ]
    }

    fn score() -> impl Strategy<Value = Entry> {
        prop_oneof![
            3 => Just(Entry::Missing),
            4 => (0i64..=12).prop_map(Entry::int),
            2 => entry_any(),
        ]
    }

    fn unit_gen() -> impl Strategy<Value = UnitGen> {
        (
            0usize..6,
            prop::collection::vec((0usize..18, figure(), figure()), 14..24),
            prop::collection::vec((0usize..11, score(), score()), 0..12),
            prop::collection::vec((any::<bool>(), dec_any()), 0..3),
        )
            .prop_map(|(unit, figures, manual, adjustments)| UnitGen {
                unit,
                figures,
                manual,
                adjustments,
            })
    }

    fn build_data(pact: &Pact, units: &[UnitGen]) -> Vec<UnitData> {
        let ids: Vec<Id> = pact.indicators.iter().map(|d| d.id.clone()).collect();
        let targets: Vec<Id> = pact.targets().map(|(_, t)| t.id.clone()).collect();
        units
            .iter()
            .map(|g| {
                let mut d = UnitData::new(format!("u{}", g.unit));
                // The pact's indicators in order (as many as there are figures), then random ones,
                // also ids the pact does not define.
                let in_order = g
                    .figures
                    .iter()
                    .take(ids.len())
                    .enumerate()
                    .map(|(i, (_, c, b))| (i, c, b));
                let random = g.figures.iter().skip(ids.len()).map(|(i, c, b)| (*i, c, b));
                for (i, c, b) in in_order.chain(random) {
                    let id = ids
                        .get(i)
                        .cloned()
                        .unwrap_or_else(|| format!("unknown-{i}"));
                    d.set(&id, PeriodKind::Current, c.clone());
                    d.set(&id, PeriodKind::Baseline, b.clone());
                }
                for (t, own, verified) in &g.manual {
                    let t = targets
                        .get(*t)
                        .cloned()
                        .unwrap_or_else(|| "t-unknown".into());
                    d.manual.insert(
                        t,
                        ManualScore {
                            self_score: own.clone(),
                            verified: verified.clone(),
                            ..ManualScore::default()
                        },
                    );
                }
                for (bonus, points) in &g.adjustments {
                    d.adjustments.push(crate::data::AdjustmentLine {
                        kind: if *bonus {
                            AdjustmentKind::Bonus
                        } else {
                            AdjustmentKind::Deduction
                        },
                        reason: String::new(),
                        points: *points,
                        rule: None,
                    });
                }
                d
            })
            .collect()
    }

    fn same<T: PartialEq + std::fmt::Debug + serde::Serialize>(
        a: &T,
        b: &T,
    ) -> Result<(), TestCaseError> {
        prop_assert_eq!(a, b);
        prop_assert_eq!(format!("{a:?}"), format!("{b:?}"));
        prop_assert_eq!(serde_json::to_string(a).ok(), serde_json::to_string(b).ok());
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn prepared_evaluation_is_the_reference_one(
            p in pact_gen(),
            units in prop::collection::vec(unit_gen(), 0..9),
        ) {
            let pact = build_pact(&p);
            let data = build_data(&pact, &units);
            let results = crate::score::evaluate(&pact, &data);
            same(&results, &evaluate(&pact, &data))?;
            // The change each criterion works out when asked is the plain one.
            for c in results.units.iter().flat_map(|u| &u.targets).flat_map(|t| &t.eval.criteria) {
                prop_assert_eq!(c.change(), change(c));
            }
            for d in &data {
                for (_, t) in pact.targets() {
                    same(&crate::eval::evaluate_target(&pact, t, d), &evaluate_target(&pact, t, d))?;
                    for i in &pact.indicators {
                        let new = crate::eval::evaluate_criterion(&pact, t, d, &i.id);
                        let old = evaluate_criterion(&pact, t, d, &i.id);
                        prop_assert_eq!(format!("{new:?}"), format!("{old:?}"));
                    }
                }
            }
        }

        #[test]
        fn reduced_is_ratio_new(n in any::<i128>(), d in 1i128..=i128::MAX, k in 1i128..1000, small in (-1_000_000i128..1_000_000, 1i128..1_000_000)) {
            let n = n.max(i128::MIN + 1);
            prop_assert_eq!(reduced(n, d), Ratio::new(n, d));
            if let (Some(nk), Some(dk)) = (n.checked_mul(k), d.checked_mul(k)) {
                prop_assert_eq!(reduced(nk, dk), Ratio::new(nk, dk));
            }
            let (sn, sd) = (small.0 * k, small.1 * k);
            prop_assert_eq!(reduced(sn, sd), Ratio::new(sn, sd));
        }

        #[test]
        fn value_minus_and_over_a_threshold_reduce_as_ratio_new(
            small in (-2_000i128..2_000, 1i128..2_000, 0i128..200, 1i128..200),
            large in (-1_000_000_000_000_000_000i128..=1_000_000_000_000_000_000, 1i128..=1_000_000_000_000_000_000),
            threshold in (0i128..=1_000_000_000_000, 1i128..=100_000_000),
        ) {
            let cases = [
                (Ratio::new(small.0, small.1), Ratio::new(small.2, small.3)),
                (Ratio::new(large.0, large.1), Ratio::new(threshold.0, threshold.1)),
                (Ratio::new(small.0, small.1), Ratio::new(threshold.0, threshold.1)),
                (Ratio::new(large.0, large.1), Ratio::new(small.2, small.3)),
            ];
            for (v, t) in cases {
                let (a, b, p, q) = (*v.numer(), *v.denom(), *t.numer(), *t.denom());
                // The same parts, not only the same value: in lowest terms.
                let parts = |r: Ratio| (*r.numer(), *r.denom());
                prop_assert_eq!(
                    parts(sub_reduced(a, b, p, q)),
                    parts(Ratio::new(a * q - p * b, b * q))
                );
                if p != 0 {
                    prop_assert_eq!(
                        parts(div_reduced(a, b, p, q)),
                        parts(Ratio::new(a * q, b * p))
                    );
                }
            }
        }

        #[test]
        fn points_arithmetic_is_exact(
            a in (-1_000_000i128..1_000_000, 1i128..1_000_000),
            b in (-1_000_000i128..1_000_000, 1i128..1_000_000),
            big in (any::<i64>(), 1i64..=i64::MAX, any::<i128>(), 1i128..=i128::MAX),
        ) {
            let pairs = [
                (Ratio::new(a.0, a.1), Ratio::new(b.0, b.1)),
                (Ratio::from_integer(a.0), Ratio::from_integer(b.0)),
                (Ratio::new(i128::from(big.0), i128::from(big.1)), Ratio::new(a.0, a.1)),
                (Ratio::new(big.2 / 2, big.3), Ratio::new(i128::from(big.0), i128::from(big.1))),
                (Ratio::from_integer(big.2 / 2), Ratio::from_integer(big.2 / 3 + a.0)),
            ];
            let to_big = |r: &Ratio| BigRational::new(BigInt::from(*r.numer()), BigInt::from(*r.denom()));
            for (x, y) in pairs {
                prop_assert_eq!(cmp_ratio(&x, &y), x.cmp(&y));
                let (px, py) = (Points::from_ratio(x), Points::from_ratio(y));
                let exact = |p: &Points, b: BigRational| -> Result<(), TestCaseError> {
                    prop_assert_eq!(p.to_big(), b.clone());
                    // The small form whenever the reduced value fits, as before.
                    let fits = i128::try_from(b.numer()).is_ok() && i128::try_from(b.denom()).is_ok();
                    prop_assert_eq!(format!("{p:?}").starts_with("Points(Small("), fits);
                    Ok(())
                };
                exact(&(px.clone() + py.clone()), to_big(&x) + to_big(&y))?;
                exact(&(px.clone() - py.clone()), to_big(&x) - to_big(&y))?;
                exact(&(px.clone() * py.clone()), to_big(&x) * to_big(&y))?;
                exact(&[px.clone(), py.clone()].iter().sum(), to_big(&x) + to_big(&y))?;
                let zero = BigRational::from_integer(0.into());
                let at_least_zero = if to_big(&x) < zero { zero } else { to_big(&x) };
                let clamped = if to_big(&y) < at_least_zero { to_big(&y) } else { at_least_zero };
                exact(&px.clone().clamp_to(&py), clamped)?;
                prop_assert_eq!(px.cmp(&py), to_big(&x).cmp(&to_big(&y)));
                prop_assert_eq!(px.whole(), x.is_integer().then(|| x.to_integer()));
            }
        }

        #[test]
        fn decimals_reduce_as_before(d in dec_any()) {
            prop_assert_eq!(d.to_ratio(), ratio_of(d));
        }
    }
}
