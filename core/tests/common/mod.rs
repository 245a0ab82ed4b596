//! Helpers shared by the integration tests: build documents from the built-in pact and read one
//! unit's evaluation of one target.
#![allow(dead_code)]

use thidua_core::data::{AdjustmentKind, AdjustmentLine, ManualScore};
use thidua_core::eval::{evaluate_target, Evaluation};
use thidua_core::model::{Comparator, Rule, ScoringMethod, Target};
use thidua_core::{Dec, Document, Entry, PeriodKind, Ratio};

pub use thidua_core::default_pact::ids;

/// The unit ids of the built-in pact, in pact order.
pub const UNITS: [&str; 5] = ["ha-noi", "tp-hcm", "da-nang", "hai-phong", "can-tho"];

/// A decimal from its canonical text.
pub fn dec(s: &str) -> Dec {
    Dec::parse(s).unwrap_or_else(|| panic!("bad decimal {s}"))
}

/// A number entry from its canonical text ("1.25", "-3").
pub fn num(s: &str) -> Entry {
    Entry::Value(dec(s))
}

/// An exact fraction.
pub fn ratio(n: i128, d: i128) -> Ratio {
    Ratio::new(n, d)
}

/// The built-in document with no figures.
pub fn doc() -> Document {
    Document::default_pact()
}

/// Sets the current and baseline cells of one indicator for a unit.
pub fn set(doc: &mut Document, unit: &str, indicator: &str, current: Entry, baseline: Entry) {
    let d = doc.unit_data_mut(unit);
    d.set(indicator, PeriodKind::Current, current);
    d.set(indicator, PeriodKind::Baseline, baseline);
}

/// Sets the current cell only.
pub fn set_cur(doc: &mut Document, unit: &str, indicator: &str, current: Entry) {
    doc.unit_data_mut(unit)
        .set(indicator, PeriodKind::Current, current);
}

/// A mutable target of the pact.
pub fn target_mut<'a>(doc: &'a mut Document, id: &str) -> &'a mut Target {
    doc.pact
        .contents
        .iter_mut()
        .flat_map(|c| c.targets.iter_mut())
        .find(|t| t.id == id)
        .unwrap_or_else(|| panic!("no target {id}"))
}

/// Replaces a target's rule.
pub fn set_rule(doc: &mut Document, target: &str, rule: Rule) {
    target_mut(doc, target).rule = rule;
}

/// Replaces a target's scoring method.
pub fn set_scoring(doc: &mut Document, target: &str, scoring: ScoringMethod) {
    target_mut(doc, target).scoring = scoring;
}

/// A rate rule on cases solved ÷ cases occurred (the discovery rate).
pub fn discovery(cmp: Comparator, pct: &str) -> Rule {
    Rule::Rate {
        numerator: ids::CASES_SOLVED.into(),
        denominator: ids::CASES_OCCURRED.into(),
        comparator: cmp,
        threshold_pct: dec(pct),
    }
}

/// A reduction rule on crimes against social order.
pub fn crime_reduction(cmp: Comparator, pct: &str) -> Rule {
    Rule::Reduction {
        indicator: ids::CRIMES.into(),
        comparator: cmp,
        threshold_pct: dec(pct),
    }
}

/// Sets a discovery-rate case (solved, occurred) for a unit.
pub fn set_rate(doc: &mut Document, unit: &str, solved: Entry, occurred: Entry) {
    set_cur(doc, unit, ids::CASES_SOLVED, solved);
    set_cur(doc, unit, ids::CASES_OCCURRED, occurred);
}

/// One unit's evaluation of one target (no scoring).
pub fn eval(doc: &Document, unit: &str, target: &str) -> Evaluation {
    let t = doc
        .pact
        .target(target)
        .unwrap_or_else(|| panic!("no target {target}"));
    let empty = thidua_core::UnitData::new(unit);
    let data = doc.unit_data(unit).unwrap_or(&empty);
    evaluate_target(&doc.pact, t, data)
}

/// Sets a manual score (self, verified).
pub fn set_manual(doc: &mut Document, unit: &str, target: &str, own: Entry, verified: Entry) {
    doc.unit_data_mut(unit).manual.insert(
        target.into(),
        ManualScore {
            self_score: own,
            verified,
            ..ManualScore::default()
        },
    );
}

/// Adds a bonus or deduction line.
pub fn adjust(doc: &mut Document, unit: &str, kind: AdjustmentKind, points: &str) {
    doc.unit_data_mut(unit).adjustments.push(AdjustmentLine {
        kind,
        reason: format!("{kind:?} {points}"),
        points: dec(points),
        rule: None,
    });
}

/// Figures and verified manual scores with which a unit meets every target of the built-in pact
/// (total 100 points).
pub fn complete(doc: &mut Document, unit: &str) {
    use ids::*;
    let i = Entry::int;
    set(doc, unit, CRIMES, i(90), i(100));
    for (id, v) in [
        (REPORTS_RECEIVED, 100),
        (REPORTS_PROCESSED, 100),
        (REPORTS_TO_RESOLVE, 100),
        (REPORTS_RESOLVED, 95),
        (CASES_OCCURRED, 100),
        (CASES_SOLVED, 80),
        (SERIOUS_OCCURRED, 10),
        (SERIOUS_SOLVED, 10),
    ] {
        set_cur(doc, unit, id, i(v));
    }
    for id in [
        TRAFFIC_ACCIDENTS,
        TRAFFIC_DEATHS,
        TRAFFIC_INJURIES,
        FIRES,
        EXPLOSIONS,
        FIRE_DEATHS,
        FIRE_INJURIES,
    ] {
        set(doc, unit, id, i(5), i(6));
    }
    set(doc, unit, FIRE_LOSS, num("1.5"), num("2"));
    for t in ["t1", "t2", "t3"] {
        set_manual(doc, unit, t, Entry::int(10), Entry::int(10));
    }
}
