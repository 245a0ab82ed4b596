//! Scoring, totals, classification, ranking and flag eligibility for a whole cluster.
//!
//! Points per target follow the target's [`ScoringMethod`]:
//! - all-or-nothing: met → max, otherwise 0;
//! - proportional: met → max, otherwise max × A/T clamped to 0..max (A/T is the attainment: value
//!   over threshold; for no-increase/decrease rules, the share of criteria met);
//! - relative-to-best (the formula in the domain brief; T is the target, best is the highest A/T
//!   among the units with usable data): A/T < 1 → ½·max·A/T; A/T = 1 → ½·max; A/T = best > 1 →
//!   max; 1 < A/T < best → ½·max + ½·max·(A/T − 1)/(best − 1). A unit's points therefore depend
//!   on the other units;
//! - manual: the verified score, or the self score until one is given.
//!
//! `no_data` and `invalid` targets score 0 and make the unit's result provisional;
//! `not_applicable` targets score by the pact's [`NotApplicablePoints`] choice.
//!
//! Total = target points + min(bonus, cap) − min(deductions, cap). The classification is the
//! first level, best first, whose minimum total the unit reaches with no content below the level's
//! floor. Ranking: higher total first; ties broken by more targets met, then fewer deduction
//! points. Units equal on all three share a rank (1, 1, 3) and are listed by unit id (so the
//! result never depends on the order units are listed in); the id never decides between them.
//! The leading unit is the one unit at rank 1, once some unit has a usable figure or score (an
//! invalid entry is not one); when several share rank 1 there is none ([`Results::shared_lead`]),
//! and the cluster decides by vote. A unit at rank 1 may be proposed for the Government flag
//! when the pact allows it and it meets the Ministry flag standard (its level is one of the
//! pact's Ministry levels).
//!
//! [`evaluate`] prepares the pact once (see [`crate::eval`]) and works in two passes: every unit on
//! every target, scored at once unless the target is relative to best; then, with the best
//! attainments known, the relative-to-best points, totals, classification and ranking. Whole
//! points, the usual case, are added and compared as plain integers — the same exact values.

use crate::data::{AdjustmentKind, UnitData};
use crate::eval::{Cells, Evaluation, Plan, Status};
use crate::model::{Key, NotApplicablePoints, Pact, ScoringMethod};
use crate::num::{Dec, Points, Ratio};
use rustc_hash::FxBuildHasher;
use serde::Serialize;
use std::collections::HashMap;

/// A target's evaluation with its points.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TargetResult {
    /// The evaluation.
    #[serde(flatten)]
    pub eval: Evaluation,
    /// Points earned, exact.
    pub points: Points,
    /// The target's maximum.
    pub max_points: Dec,
}

impl TargetResult {
    /// A result with nothing decided yet, for a target that the evaluation fills in.
    #[inline(always)]
    fn blank() -> TargetResult {
        TargetResult {
            eval: Evaluation::new(Key::default(), Status::NoData),
            points: Points::zero(),
            max_points: Dec::ZERO,
        }
    }
}

/// Points per content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ContentPoints {
    /// The content.
    pub content: Key,
    /// Points earned.
    pub points: Points,
    /// The maximum.
    pub max_points: Dec,
}

/// Why a unit's result is provisional.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Provisional {
    /// A target has no data.
    NoData {
        /// The target.
        target: Key,
    },
    /// A target has invalid data.
    InvalidData {
        /// The target.
        target: Key,
    },
    /// A manual score is the unit's own, not yet verified.
    Unverified {
        /// The target.
        target: Key,
    },
}

/// One unit's result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnitResult {
    /// The unit.
    pub unit: Key,
    /// Per target, in pact order.
    pub targets: Vec<TargetResult>,
    /// Per content, in pact order.
    pub contents: Vec<ContentPoints>,
    /// Bonus counted (after the cap).
    pub bonus: Points,
    /// Deductions counted (after the cap).
    pub deduction: Points,
    /// Total points.
    pub total: Points,
    /// Targets met.
    pub met: usize,
    /// The classification level id, if any level is reached.
    pub level: Option<Key>,
    /// Rank, 1 = leading.
    pub rank: usize,
    /// True when another unit has exactly the same total (the tie-break decided).
    pub tied: bool,
    /// Meets the Ministry flag standard.
    pub ministry_flag: bool,
    /// May be proposed for the Government flag.
    pub government_flag: bool,
    /// Why the result is provisional (empty = final).
    pub provisional: Vec<Provisional>,
}

impl UnitResult {
    /// True when computed from incomplete or unverified data.
    pub fn is_provisional(&self) -> bool {
        !self.provisional.is_empty()
    }

    /// The result for one target.
    pub fn target(&self, id: &str) -> Option<&TargetResult> {
        self.targets.iter().find(|t| t.eval.target == id)
    }
}

/// The cluster's results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Results {
    /// The pact id.
    pub pact: Key,
    /// The review these results are for (empty when computed without one).
    pub review: Key,
    /// Per unit, in the pact's unit order.
    pub units: Vec<UnitResult>,
    /// Unit ids by rank.
    pub ranking: Vec<Key>,
    /// The leading unit.
    pub leading_unit: Option<Key>,
    /// True when any unit's result is provisional.
    pub provisional: bool,
}

impl Results {
    /// The result of one unit.
    pub fn unit(&self, id: &str) -> Option<&UnitResult> {
        self.units.iter().find(|u| u.unit == id)
    }

    /// Whether several units share rank 1 once some unit has a usable figure or score: then
    /// there is no leading unit, and the cluster decides between them.
    pub fn shared_lead(&self) -> bool {
        has_data(&self.units) && self.units.iter().filter(|u| u.rank == 1).count() > 1
    }
}

/// Evaluates, scores, classifies and ranks every unit of the pact.
///
/// `data` may list units in any order and may omit units (their figures are all missing).
// Never inlined, so that profilers can measure it on its own (BENCHMARKS.md's callgrind command).
#[inline(never)]
pub fn evaluate(pact: &Pact, data: &[UnitData]) -> Results {
    // FxHash rather than SipHash: the ids are the user's own, so resistance to crafted
    // collisions buys nothing here.
    let by_unit: HashMap<&str, &UnitData, FxBuildHasher> =
        data.iter().map(|d| (d.unit.as_str(), d)).collect();
    let empty = UnitData::default();
    let unit_data: Vec<&UnitData> = pact
        .units
        .iter()
        .map(|u| by_unit.get(u.id.as_str()).copied().unwrap_or(&empty))
        .collect();
    // The pact is prepared once: rules with their indicators found and thresholds as fractions,
    // maxima and classification limits as points.
    let plan = Plan::new(pact);
    let limits = Limits::of(pact);
    let relative: Vec<bool> = plan
        .targets()
        .iter()
        .map(|t| t.target.scoring == ScoringMethod::RelativeToBest)
        .collect();

    // Evaluate every unit on every target, and score it unless its points depend on the other
    // units (relative to best). Each evaluation is filled in place in its unit's list: the list
    // is first filled with blanks that cannot panic (`resize_with` writes each where it goes;
    // a `push` of a whole result, where panics unwind, builds it on the stack and copies its
    // 304 bytes: a fifth of the native time under criterion, which always unwinds).
    let n_targets = plan.targets().len();
    let mut scored: Vec<Vec<TargetResult>> = unit_data
        .iter()
        .map(|_| {
            let mut targets = Vec::with_capacity(n_targets);
            targets.resize_with(n_targets, TargetResult::blank);
            targets
        })
        .collect();
    let mut cells = Cells::new();
    for (targets, d) in scored.iter_mut().zip(&unit_data) {
        cells.fill(&plan, d);
        for (((r, t), max), &relative) in targets
            .iter_mut()
            .zip(plan.targets())
            .zip(&limits.target_max)
            .zip(&relative)
        {
            r.eval.target = t.key.clone();
            r.max_points = t.target.max_points;
            t.evaluate(&cells, &mut r.eval);
            if !relative {
                let method = t.target.scoring;
                let a = (method == ScoringMethod::Proportional)
                    .then(|| t.attainment(&r.eval))
                    .flatten();
                r.points = target_points(pact, &r.eval, method, max, a, None);
            }
        }
    }

    // The best attainment per relative-to-best target.
    let best: Vec<Option<Ratio>> = relative
        .iter()
        .zip(plan.targets())
        .enumerate()
        .map(|(i, (&relative, t))| {
            if !relative {
                return None;
            }
            scored
                .iter()
                .map(|targets| &targets[i].eval)
                .filter(|e| matches!(e.status, Status::Met | Status::NotMet))
                .filter_map(|e| t.attainment(e))
                .max()
        })
        .collect();
    let any_relative = relative.contains(&true);

    let mut units: Vec<UnitResult> = scored
        .into_iter()
        .zip(&unit_data)
        .zip(&pact.units)
        .map(|((mut targets, d), u)| {
            if any_relative {
                for (i, (t, plan)) in targets.iter_mut().zip(plan.targets()).enumerate() {
                    if relative[i] {
                        t.points = target_points(
                            pact,
                            &t.eval,
                            ScoringMethod::RelativeToBest,
                            &limits.target_max[i],
                            plan.attainment(&t.eval),
                            best[i],
                        );
                    }
                }
            }
            unit_result(pact, &limits, &u.id, d, targets)
        })
        .collect();

    let order = rank(pact, &mut units);
    let ranking: Vec<Key> = order.iter().map(|&i| units[i].unit.clone()).collect();
    // With no usable figure or score anywhere there is nobody to lead (an invalid entry is not
    // one: it would otherwise make a leader of the first unit id among units all at 0); nor is
    // there one leader when several units share rank 1.
    let any_data = has_data(&units);
    if !any_data {
        units.iter_mut().for_each(|u| u.government_flag = false);
    }
    let alone_first = units.iter().filter(|u| u.rank == 1).count() == 1;
    Results {
        pact: Key::new(&pact.id),
        review: Key::default(),
        leading_unit: ranking.first().filter(|_| any_data && alone_first).cloned(),
        provisional: units.iter().any(UnitResult::is_provisional),
        ranking,
        units,
    }
}

fn half() -> Points {
    Points::from_ratio(Ratio::new_raw(1, 2))
}

/// Points for one evaluation; `attainment` is the evaluation's A/T, which only proportional and
/// relative-to-best scoring read (the caller works it out for those only).
fn target_points(
    pact: &Pact,
    e: &Evaluation,
    method: ScoringMethod,
    max: &Points,
    attainment: Option<Ratio>,
    best: Option<Ratio>,
) -> Points {
    match e.status {
        Status::NoData | Status::Invalid => return Points::zero(),
        Status::NotApplicable => {
            return match pact.not_applicable {
                NotApplicablePoints::Full => max.clone(),
                NotApplicablePoints::Zero => Points::zero(),
            }
        }
        Status::Scored => {
            return match &e.manual {
                // A whole score against a whole maximum, the usual case: `clamp_to` on integers.
                Some(m) => match (m.score.0.scale(), max.whole()) {
                    (0, Some(most)) => {
                        let n = m.score.0.mantissa().max(0);
                        Points::from_ratio(Ratio::from_integer(if most < n { most } else { n }))
                    }
                    _ => Points::from_dec(m.score).clamp_to(max),
                },
                None => Points::zero(),
            };
        }
        Status::Met | Status::NotMet => {}
    }
    let met = e.status == Status::Met;
    let one = Ratio::from_integer(1);
    match (method, attainment) {
        (ScoringMethod::AllOrNothing | ScoringMethod::Manual, _) | (_, None) => {
            if met {
                max.clone()
            } else {
                Points::zero()
            }
        }
        (ScoringMethod::Proportional, Some(a)) => {
            if met {
                max.clone()
            } else {
                (max.clone() * Points::from_ratio(a)).clamp_to(max)
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
            p.clamp_to(max)
        }
    }
}

/// The unit's bonus or deduction lines of `kind` added up, capped; `none` is what a unit with no
/// adjustment line gets (0, or the cap if it is below 0), worked out once per pact.
fn sum_capped(d: &UnitData, kind: AdjustmentKind, cap: &Points, none: &Points) -> Points {
    if d.adjustments.is_empty() {
        return none.clone();
    }
    let sum: Points = d
        .adjustments
        .iter()
        .filter(|a| a.kind == kind && !a.points.is_negative())
        .map(|a| Points::from_dec(a.points))
        .sum();
    sum.min(cap.clone())
}

/// What scoring and classification compare with, computed once per pact rather than once per
/// unit.
struct Limits {
    /// Each target's maximum, in pact order.
    target_max: Vec<Points>,
    /// The bonus cap.
    bonus_cap: Points,
    /// The deduction cap.
    deduction_cap: Points,
    /// The bonus and the deduction counted for a unit with no adjustment line.
    no_bonus: Points,
    no_deduction: Points,
    /// Each content's maximum.
    content_max: Vec<Dec>,
    /// Each content's id and each level's id, as results hold them.
    content_keys: Vec<Key>,
    level_keys: Vec<Key>,
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
        let bonus_cap = Points::from_dec(pact.adjustments.bonus_cap);
        let deduction_cap = Points::from_dec(pact.adjustments.deduction_cap);
        Limits {
            target_max: pact
                .targets()
                .map(|(_, t)| Points::from_dec(t.max_points))
                .collect(),
            bonus_cap: bonus_cap.clone(),
            deduction_cap: deduction_cap.clone(),
            no_bonus: Points::zero().min(bonus_cap),
            no_deduction: Points::zero().min(deduction_cap),
            content_max,
            content_keys: pact.contents.iter().map(|c| Key::new(&c.id)).collect(),
            level_keys: pact
                .classification
                .iter()
                .map(|l| Key::new(&l.id))
                .collect(),
            levels,
        }
    }
}

/// The sum of the targets' points when they are all whole and it fits in 128 bits.
#[inline(always)]
fn whole_sum(targets: &[TargetResult]) -> Option<i128> {
    targets
        .iter()
        .try_fold(0i128, |sum, t| sum.checked_add(t.points.whole()?))
}

fn unit_result(
    pact: &Pact,
    limits: &Limits,
    unit: &str,
    d: &UnitData,
    targets: Vec<TargetResult>,
) -> UnitResult {
    let mut contents = Vec::with_capacity(pact.contents.len());
    let mut rest = targets.as_slice();
    // The contents' points added up as an integer while they are whole.
    let mut whole_total = Some(0i128);
    for ((c, max), key) in pact
        .contents
        .iter()
        .zip(&limits.content_max)
        .zip(&limits.content_keys)
    {
        let (these, others) = rest.split_at(c.targets.len().min(rest.len()));
        rest = others;
        // Whole points, the usual case, are added as integers, so that the entry is written in
        // place (a sum made apart would be built on the stack and the entry copied into the list).
        let whole = whole_sum(these);
        whole_total = whole_total.zip(whole).and_then(|(t, w)| t.checked_add(w));
        contents.push(ContentPoints {
            content: key.clone(),
            points: Points::from_ratio(Ratio::from_integer(whole.unwrap_or(0))),
            max_points: *max,
        });
        if let (None, Some(entry)) = (whole, contents.last_mut()) {
            entry.points = these.iter().map(|t| &t.points).sum();
        }
    }
    let bonus = sum_capped(
        d,
        AdjustmentKind::Bonus,
        &limits.bonus_cap,
        &limits.no_bonus,
    );
    let deduction = sum_capped(
        d,
        AdjustmentKind::Deduction,
        &limits.deduction_cap,
        &limits.no_deduction,
    );
    // Whole points, bonus and deduction, the usual case: the total as an integer.
    let total = match (whole_total, bonus.whole(), deduction.whole()) {
        (Some(t), Some(b), Some(d)) => t.checked_add(b).and_then(|t| t.checked_sub(d)),
        _ => None,
    };
    let total = match total {
        Some(n) => Points::from_ratio(Ratio::from_integer(n)),
        None => {
            let target_sum: Points = contents.iter().map(|c| &c.points).sum();
            target_sum + bonus.clone() - deduction.clone()
        }
    };
    let level = limits
        .level_keys
        .iter()
        .zip(&limits.levels)
        .find(|(_, (min, floors))| {
            min.as_ref().is_none_or(|m| total >= *m)
                && floors
                    .as_ref()
                    .is_none_or(|floors| contents.iter().zip(floors).all(|(c, f)| c.points >= *f))
        })
        .map(|(l, _)| l.clone());
    let provisional = targets
        .iter()
        .filter_map(|t| {
            let target = || t.eval.target.clone();
            match t.eval.status {
                Status::NoData => Some(Provisional::NoData { target: target() }),
                Status::Invalid => Some(Provisional::InvalidData { target: target() }),
                Status::Scored if t.eval.manual.as_ref().is_some_and(|m| !m.verified) => {
                    Some(Provisional::Unverified { target: target() })
                }
                _ => None,
            }
        })
        .collect();
    let ministry_flag = level
        .as_ref()
        .is_some_and(|l| pact.flags.ministry_levels.iter().any(|m| m == l));
    UnitResult {
        unit: Key::new(unit),
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

/// Assigns ranks with the documented tie-break and sets the Government flag. Returns the units'
/// positions in rank order.
fn rank(pact: &Pact, units: &mut [UnitResult]) -> Vec<usize> {
    let idx = rank_order(units);
    // Units equal on total, targets met and deductions share a rank (1, 1, 3): their ids only
    // order them in the list, and never choose between them.
    let mut rank = 0;
    for (pos, &i) in idx.iter().enumerate() {
        let same = pos > 0 && same_standing(&units[idx[pos - 1]], &units[i]);
        if !same {
            rank = pos + 1;
        }
        units[i].rank = rank;
        units[i].government_flag =
            pact.flags.government_for_leader && rank == 1 && units[i].ministry_flag;
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

/// Whether two units are equal on everything the ranking compares but their ids.
fn same_standing(a: &UnitResult, b: &UnitResult) -> bool {
    a.total == b.total && a.met == b.met && a.deduction == b.deduction
}

/// Whether some unit has a usable figure or score (an invalid entry is not one).
fn has_data(units: &[UnitResult]) -> bool {
    units.iter().any(|u| {
        u.targets
            .iter()
            .any(|t| !matches!(t.eval.status, Status::NoData | Status::Invalid))
    })
}

/// The units' positions in rank order: higher total first, then more targets met, then fewer
/// deduction points, then unit id, then position (two units with the same id keep their order).
///
/// When totals and deductions are whole (the usual case), the units are ranked by sorting one
/// 128-bit integer each, which holds all of that ([`rank_keys`]) — no comparison closure. The
/// position makes every key distinct, so an unstable sort gives the one order. Units whose keys
/// differ only in their positions may still have different ids (when an id is longer than the part
/// of it the key holds); they are then put in order by their whole ids.
fn rank_order(units: &[UnitResult]) -> Vec<usize> {
    let Some((mut keys, position_bits)) = rank_keys(units) else {
        return rank_order_general(units);
    };
    keys.sort_unstable();
    let position = |k: u128| (k & ((1 << position_bits) - 1)) as usize;
    let mut order: Vec<usize> = keys.iter().map(|&k| position(k)).collect();
    // Runs of keys equal but for the position: by the whole id (a stable sort keeps the order by
    // position for equal ids).
    let mut start = 0;
    while start < keys.len() {
        let head = keys[start] >> position_bits;
        let end = keys[start..]
            .iter()
            .position(|&k| k >> position_bits != head)
            .map_or(keys.len(), |n| start + n);
        if end - start > 1 {
            crate::order::sort_positions(&mut order[start..end], &|a, b| {
                units[a].unit.cmp(&units[b].unit)
            });
        }
        start = end;
    }
    order
}

/// The documented ranking, comparing the exact values themselves.
fn rank_order_general(units: &[UnitResult]) -> Vec<usize> {
    crate::order::sorted_positions(units.len(), &|a, b| {
        let (x, y) = (&units[a], &units[b]);
        y.total
            .cmp(&x.total)
            .then_with(|| y.met.cmp(&x.met))
            .then_with(|| x.deduction.cmp(&y.deduction))
            .then_with(|| x.unit.cmp(&y.unit))
    })
}

/// The number of bits `x` needs.
fn bits(x: u128) -> u32 {
    u128::BITS - x.leading_zeros()
}

/// Per unit, an integer whose order is the ranking's, and how many of its low bits hold the
/// position; `None` when a total or a deduction is not whole, or when the fields below do not fit
/// in 128 bits. From the highest bits: how far the total is below the highest total, how many
/// targets fewer than the most met are met, how far the deduction is above the lowest (each as
/// wide as its range needs), then as many of the id's first bytes as fit (up to 8, padded with
/// zeros: when they differ, they compare as the ids do), then the position.
fn rank_keys(units: &[UnitResult]) -> Option<(Vec<u128>, u32)> {
    let whole: Vec<(i128, i128)> = units
        .iter()
        .map(|u| Some((u.total.whole()?, u.deduction.whole()?)))
        .collect::<Option<_>>()?;
    let (Some(&(top, _)), Some(&(bottom, _))) = (
        whole.iter().max_by_key(|w| w.0),
        whole.iter().min_by_key(|w| w.0),
    ) else {
        return Some((Vec::new(), 0));
    };
    let low = whole.iter().map(|w| w.1).min().unwrap_or(0);
    let high = whole.iter().map(|w| w.1).max().unwrap_or(0);
    let most = units.iter().map(|u| u.met).max().unwrap_or(0);
    let least = units.iter().map(|u| u.met).min().unwrap_or(0);
    let span = |a: i128, b: i128| a.checked_sub(b).and_then(|d| u128::try_from(d).ok());
    let total_bits = bits(span(top, bottom)?);
    let met_bits = bits((most - least) as u128);
    let deduction_bits = bits(span(high, low)?);
    let position_bits = bits(units.len() as u128 - 1);
    let used = total_bits + met_bits + deduction_bits + position_bits;
    let id_bytes = (u128::BITS.checked_sub(used)? / 8).min(8) as usize;
    // `key << width` is never `x << 128` with `x` not 0: a field 128 bits wide is the only one.
    let push = |key: u128, width: u32, field: u128| key.checked_shl(width).unwrap_or(0) | field;
    let keys = units
        .iter()
        .zip(&whole)
        .enumerate()
        .map(|(i, (u, &(total, deduction)))| {
            let mut prefix = [0u8; 16];
            let n = u.unit.len().min(id_bytes);
            prefix[16 - id_bytes..16 - id_bytes + n].copy_from_slice(&u.unit.as_bytes()[..n]);
            let mut key = (top - total) as u128;
            key = push(key, met_bits, (most - u.met) as u128);
            key = push(key, deduction_bits, (deduction - low) as u128);
            key = push(key, 8 * id_bytes as u32, u128::from_be_bytes(prefix));
            push(key, position_bits, i as u128)
        })
        .collect();
    Some((keys, position_bits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn target(points: Ratio) -> TargetResult {
        TargetResult {
            eval: Evaluation::new(Key::new("t"), Status::Met),
            points: Points::from_ratio(points),
            max_points: Dec::ZERO,
        }
    }

    /// A unit with no adjustment line gets what adding none up and capping gives, for caps
    /// below, at and above 0 (a cap below 0 is the cap).
    #[test]
    fn no_adjustment_line_is_the_capped_empty_sum() {
        use crate::data::AdjustmentLine;
        let mut with_line = UnitData::new("u");
        with_line.adjustments.push(AdjustmentLine {
            kind: AdjustmentKind::Bonus,
            reason: String::new(),
            points: Dec::int(2),
            rule: None,
        });
        for cap in [
            Dec::int(-2),
            Dec::ZERO,
            Dec::int(3),
            Dec::parse("-0.5").unwrap(),
        ] {
            let mut pact = crate::default_pact::cluster1_2023();
            pact.adjustments.bonus_cap = cap;
            pact.adjustments.deduction_cap = cap;
            let limits = Limits::of(&pact);
            let cap = Points::from_dec(cap);
            for d in [UnitData::new("u"), with_line.clone()] {
                for (kind, none) in [
                    (AdjustmentKind::Bonus, &limits.no_bonus),
                    (AdjustmentKind::Deduction, &limits.no_deduction),
                ] {
                    let straight: Points = d
                        .adjustments
                        .iter()
                        .filter(|a| a.kind == kind)
                        .map(|a| Points::from_dec(a.points))
                        .sum();
                    assert_eq!(
                        sum_capped(&d, kind, &cap, none),
                        straight.min(cap.clone()),
                        "{cap} {kind:?}"
                    );
                }
            }
        }
    }

    /// Units are found in `data` by id with the id hasher, among enough units for the table to
    /// spread them (as with the default hasher: listed in any order, the last record of a unit
    /// counts, a unit without one has no data).
    #[test]
    fn units_are_found_by_id_among_many() {
        use crate::data::{Entry, PeriodKind};
        use crate::i18n::Text;
        use crate::model::{Role, Unit};
        let mut pact = crate::default_pact::cluster1_2023();
        pact.units = (0..300)
            .map(|i| Unit {
                id: format!("unit-{i}"),
                name: Text::new(format!("{i}"), format!("{i}")),
                short_name: Text::new(format!("{i}"), format!("{i}")),
                role: Role::Member,
            })
            .collect();
        let indicators: Vec<String> = pact.indicators.iter().map(|d| d.id.clone()).collect();
        let record = |i: usize, shift: i64| {
            let mut d = UnitData::new(format!("unit-{i}"));
            for (k, id) in indicators.iter().enumerate() {
                let base = 100 + ((i * 37 + k * 11) % 90) as i64;
                d.set(id, PeriodKind::Baseline, Entry::int(base));
                d.set(id, PeriodKind::Current, Entry::int(base + shift));
            }
            d
        };
        // In reverse order, with no record for every tenth unit and a second one for unit 7.
        let mut data: Vec<UnitData> = (0..300)
            .rev()
            .filter(|i| i % 10 != 3)
            .map(|i| record(i, (i % 7) as i64 - 3))
            .collect();
        data.push(record(7, 50));
        let results = evaluate(&pact, &data);
        assert_eq!(results, crate::reference::evaluate(&pact, &data));
        let counted = |i: usize| {
            results.units[i]
                .targets
                .iter()
                .any(|t| t.eval.status != Status::NoData)
        };
        assert!(counted(7) && !counted(13) && counted(299));
    }

    /// A manual score's points are the score clamped to 0..=max, whole or not (scores outside
    /// the range never get this far, but the clamp holds for them too).
    #[test]
    fn manual_points_are_the_clamped_score() {
        let pact = crate::default_pact::cluster1_2023();
        let dec = |s: &str| Dec::parse(s).unwrap();
        for max in ["10", "7.5", "0"] {
            let max = Points::from_dec(dec(max));
            for score in ["-1", "0", "3", "10", "20", "2.5", "7.50", "-0.5"] {
                let mut e = Evaluation::new(Key::new("t"), Status::Scored);
                e.manual = Some(crate::eval::ManualOutcome {
                    score: dec(score),
                    verified: true,
                });
                let points = target_points(&pact, &e, ScoringMethod::Manual, &max, None, None);
                assert_eq!(
                    points,
                    Points::from_dec(dec(score)).clamp_to(&max),
                    "{score} {max}"
                );
            }
        }
    }

    /// A content's points are added as integers only when every target's are whole and the sum
    /// fits; otherwise `Points` adds them.
    #[test]
    fn whole_sums_are_only_of_whole_points() {
        let int = Ratio::from_integer;
        assert_eq!(whole_sum(&[]), Some(0));
        assert_eq!(whole_sum(&[target(int(3)), target(int(-1))]), Some(2));
        assert_eq!(whole_sum(&[target(int(3)), target(Ratio::new(1, 2))]), None);
        assert_eq!(whole_sum(&[target(int(i128::MAX)), target(int(1))]), None);
    }

    fn unit(id: &str, total: Ratio, met: usize, deduction: Ratio) -> UnitResult {
        UnitResult {
            unit: Key::new(id),
            targets: Vec::new(),
            contents: Vec::new(),
            bonus: Points::zero(),
            deduction: Points::from_ratio(deduction),
            total: Points::from_ratio(total),
            met,
            level: None,
            rank: 0,
            tied: false,
            ministry_flag: false,
            government_flag: false,
            provisional: Vec::new(),
        }
    }

    /// Ids that often share their first 8 bytes, differ only after them, or only in length, or
    /// hold a zero byte (which the prefix pads with).
    fn id() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "",
            "a",
            "a\0",
            "b",
            "u1",
            "u10",
            "u2",
            "unit_000",
            "unit_0001",
            "unit_0002",
            "unit_0002x",
            "unit_001",
            "unit\0\0\0\0",
            "unit\0\0\0\0a",
            "zzzzzzzzzz",
        ])
        .prop_map(str::to_string)
    }

    /// A total or deduction that the integer keys hold.
    fn whole() -> impl Strategy<Value = Ratio> {
        (-3i128..4).prop_map(Ratio::from_integer)
    }

    /// One that they do not: a fraction, or one too far from the others.
    fn unusual() -> impl Strategy<Value = Ratio> {
        prop_oneof![
            (-3i128..4, 2i128..4).prop_map(|(n, d)| Ratio::new(n * d + 1, d)),
            prop::sample::select(vec![
                i128::MIN + 1,
                i128::MAX,
                1 << 100,
                1 << 64,
                -(1 << 64),
                1 << 32
            ])
            .prop_map(Ratio::from_integer),
        ]
    }

    proptest! {
        /// The integer keys rank as the exact comparison does, ties and equal ids included; and
        /// with one unusual total or deduction, the exact comparison is what ranks.
        #[test]
        fn ranking_by_integer_keys_is_the_documented_ranking(
            units in prop::collection::vec((id(), whole(), 0usize..3, whole()), 0..40),
            odd in prop::option::of((any::<prop::sample::Index>(), any::<bool>(), unusual())),
        ) {
            let mut units: Vec<UnitResult> = units
                .iter()
                .map(|(id, total, met, deduction)| unit(id, *total, *met, *deduction))
                .collect();
            prop_assert_eq!(rank_keys(&units).is_some(), true);
            if let (Some((at, total, value)), false) = (odd, units.is_empty()) {
                let n = units.len();
                let u = &mut units[at.index(n)];
                if total { u.total = Points::from_ratio(value) } else { u.deduction = Points::from_ratio(value) }
            }
            prop_assert_eq!(rank_order(&units), rank_order_general(&units));
        }
    }

    /// The keys are used for whole values whose ranges fit, and only then; with wide ranges they
    /// hold fewer of the id's bytes, or none.
    #[test]
    fn integer_keys_cover_the_usual_case() {
        let int = Ratio::from_integer;
        let whole = [unit("b", int(90), 3, int(2)), unit("a", int(-5), 1, int(0))];
        assert_eq!(rank_keys(&whole).map(|k| k.1), Some(1));
        assert_eq!(rank_order(&whole), vec![0, 1]);
        let fraction = [unit("a", Ratio::new(1, 2), 0, int(0))];
        assert!(rank_keys(&fraction).is_none());
        let too_wide = [
            unit("a", int(i128::MAX), 0, int(0)),
            unit("b", int(i128::MIN + 1), 0, int(0)),
        ];
        assert!(rank_keys(&too_wide).is_none());
        assert_eq!(rank_order(&too_wide), vec![0, 1]);
        let wide = [
            unit("unit_b", int(0), 0, int(1 << 120)),
            unit("unit_a", int(0), 0, int(0)),
            unit("unit_a", int(0), 0, int(1 << 120)),
            unit("unit_", int(0), 0, int(1 << 120)),
        ];
        assert!(rank_keys(&wide).is_some());
        assert_eq!(rank_order(&wide), vec![1, 3, 2, 0]);
    }
}
