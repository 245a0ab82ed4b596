//! Every target kind at and around its boundaries, every status, every gap formula, and the
//! scoring, classification, ranking and flag rules of `thidua_core::score`.

// The case tables are tuples on purpose: one row per case, read left to right.
#![allow(clippy::type_complexity)]

mod common;

use common::*;
use thidua_core::data::AdjustmentKind::{Bonus, Deduction};
use thidua_core::eval::{evaluate_criterion, Gap, Problem, ScoreKind};
use thidua_core::i18n::format_percent;
use thidua_core::messages::gap_text;
use thidua_core::model::{Comparator, NotApplicablePoints, Rule, ScoringMethod};
use thidua_core::score::Provisional;
use thidua_core::{Document, Entry, Lang, PeriodKind, Status};

use Comparator::{Eq, Ge, Gt};
use Status::{Invalid, Met, NoData, NotApplicable, NotMet, Scored};

const TRILLION: i64 = 1_000_000_000_000;

fn needs(additional: i128, needed: i128) -> Option<Gap> {
    Some(Gap::RateNeeds { additional, needed })
}

fn over(allowed_max: i128, over: i128) -> Option<Gap> {
    Some(Gap::ReductionOver { allowed_max, over })
}

/// The points of one unit on one target after scoring the whole cluster, as an exact fraction.
fn points(doc: &Document, unit: &str, target: &str) -> String {
    let r = doc.evaluate();
    r.unit(unit)
        .unwrap()
        .target(target)
        .unwrap()
        .points
        .to_string()
}

// ---------------------------------------------------------------------------------------------
// Rates

#[test]
fn rate_status_value_margin_and_gap_around_each_threshold() {
    use Gap::RateUnreachable as Unreachable;
    #[rustfmt::skip]
    let cases: &[(i64, i64, Comparator, &str, Status, Option<Gap>)] = &[
        // The example: exactly 75% is not "above 75%" but is "at least 75%".
        (1500, 2000, Gt, "75", NotMet, needs(1, 1501)),
        (1500, 2000, Ge, "75", Met, None),
        (1501, 2000, Gt, "75", Met, None),
        (1499, 2000, Ge, "75", NotMet, needs(1, 1500)),
        (1499, 2000, Gt, "75", NotMet, needs(2, 1501)),
        (0, 2000, Gt, "75", NotMet, needs(1501, 1501)),
        (9, 10, Gt, "90", NotMet, needs(1, 10)),
        (9, 10, Ge, "90", Met, None),
        // "= 100%": only every one.
        (10, 10, Eq, "100", Met, None),
        (9, 10, Eq, "100", NotMet, needs(1, 10)),
        (0, 1, Eq, "100", NotMet, needs(1, 1)),
        // "= 50%": t·D must be whole, and a count past it cannot come back.
        (5, 10, Eq, "50", Met, None),
        (4, 10, Eq, "50", NotMet, needs(1, 5)),
        (6, 10, Eq, "50", NotMet, Some(Unreachable)),
        (3, 7, Eq, "50", NotMet, Some(Unreachable)),
        (0, 3, Eq, "75", NotMet, Some(Unreachable)),
        // Thresholds with decimals.
        (755, 1000, Ge, "75.5", Met, None),
        (754, 1000, Ge, "75.5", NotMet, needs(1, 755)),
        (755, 1000, Gt, "75.5", NotMet, needs(1, 756)),
        (1, 3, Gt, "33.33", Met, None),
        (1, 3, Ge, "33.34", NotMet, needs(1, 2)),
        (9, 10, Gt, "99.99", NotMet, needs(1, 10)),
        // 0% thresholds.
        (0, 10, Ge, "0", Met, None),
        (0, 10, Gt, "0", NotMet, needs(1, 1)),
        (0, 10, Eq, "0", Met, None),
        (1, 10, Eq, "0", NotMet, Some(Unreachable)),
        // Validation refuses "> 100%"; evaluation still says it cannot be met.
        (10, 10, Gt, "100", NotMet, Some(Unreachable)),
        (9, 10, Gt, "100", NotMet, Some(Unreachable)),
        // Counts up to 10^12 with 6-decimal thresholds: no overflow, exact answers.
        (TRILLION - 1, TRILLION, Gt, "99.9999", Met, None),
        (999_999_000_000, TRILLION, Gt, "99.9999", NotMet, needs(1, 999_999_000_001)),
        (999_999_000_000, TRILLION, Ge, "99.9999", Met, None),
        (TRILLION, TRILLION, Eq, "100", Met, None),
        (TRILLION - 1, TRILLION, Eq, "100", NotMet, needs(1, TRILLION as i128)),
        (0, TRILLION, Ge, "99.999999", NotMet, needs(999_999_990_000, 999_999_990_000)),
        (0, TRILLION, Gt, "99.999999", NotMet, needs(999_999_990_001, 999_999_990_001)),
        (1, TRILLION, Gt, "0.000001", NotMet, needs(10_000, 10_001)),
    ];
    for &(n, d, cmp, pct, status, ref gap) in cases {
        let mut doc = doc();
        set_rule(&mut doc, "t6a", discovery(cmp, pct));
        set_rate(&mut doc, "ha-noi", Entry::int(n), Entry::int(d));
        let e = eval(&doc, "ha-noi", "t6a");
        let case = format!("{n}/{d} {} {pct}%", cmp.symbol());
        assert_eq!(e.status, status, "{case}");
        assert_eq!(&e.gap, gap, "{case}");
        let value = ratio(n as i128, d as i128);
        assert_eq!(e.value, Some(value), "{case}");
        assert_eq!(e.margin, Some(value - dec(pct).to_ratio() / 100), "{case}");
        assert!(e.problems.is_empty(), "{case}: {:?}", e.problems);
    }
}

#[test]
fn rate_with_nothing_occurred_is_not_applicable_and_scores_by_the_pact() {
    for (policy, expected) in [
        (NotApplicablePoints::Full, "12"),
        (NotApplicablePoints::Zero, "0"),
    ] {
        let mut doc = doc();
        doc.pact.not_applicable = policy;
        set_rate(&mut doc, "ha-noi", Entry::int(0), Entry::int(0));
        let e = eval(&doc, "ha-noi", "t6a");
        assert_eq!(e.status, NotApplicable);
        assert_eq!(e.value, None);
        assert_eq!(e.gap, None);
        assert_eq!(
            e.problems,
            vec![Problem::ZeroDenominator {
                indicator: ids::CASES_OCCURRED.into()
            }]
        );
        assert_eq!(points(&doc, "ha-noi", "t6a"), expected, "{policy:?}");
    }
}

#[test]
fn rate_inputs_missing_or_unusable() {
    use ids::{CASES_OCCURRED as OCC, CASES_SOLVED as SOL};
    let missing = |i: &str| Problem::Missing {
        indicator: i.into(),
        period: PeriodKind::Current,
    };
    let at = |i: &str| (i.to_string(), PeriodKind::Current);
    let text = |s: &str| Entry::Text(s.into());
    let too_big = Entry::int(TRILLION + 1);
    #[rustfmt::skip]
    let cases: Vec<(Entry, Entry, Status, Vec<Problem>)> = vec![
        (Entry::int(11), Entry::int(10), Invalid,
            vec![Problem::Exceeds { numerator: SOL.into(), denominator: OCC.into() }]),
        (Entry::Missing, Entry::int(10), NoData, vec![missing(SOL)]),
        (Entry::int(5), Entry::Missing, NoData, vec![missing(OCC)]),
        (Entry::Missing, Entry::Missing, NoData, vec![missing(SOL), missing(OCC)]),
        // Missing is never zero: a missing count next to a 0 is no data, not "not applicable".
        (Entry::Missing, Entry::int(0), NoData, vec![missing(SOL)]),
        (Entry::int(0), Entry::Missing, NoData, vec![missing(OCC)]),
        (Entry::int(-1), Entry::int(10), Invalid,
            vec![Problem::Negative { indicator: at(SOL).0, period: at(SOL).1 }]),
        (num("1.5"), Entry::int(10), Invalid,
            vec![Problem::NotWhole { indicator: at(SOL).0, period: at(SOL).1 }]),
        (Entry::int(5), too_big, Invalid,
            vec![Problem::TooLarge { indicator: at(OCC).0, period: at(OCC).1 }]),
        (text("abc"), Entry::int(10), Invalid,
            vec![Problem::NotANumber { indicator: at(SOL).0, period: at(SOL).1, text: "abc".into() }]),
        // Any unusable cell makes the result invalid, and every problem is listed.
        (text("n/a"), Entry::Missing, Invalid,
            vec![Problem::NotANumber { indicator: at(SOL).0, period: at(SOL).1, text: "n/a".into() }, missing(OCC)]),
    ];
    for (solved, occurred, status, problems) in cases {
        let mut doc = doc();
        let case = format!("{solved:?} / {occurred:?}");
        set_rate(&mut doc, "ha-noi", solved, occurred);
        let e = eval(&doc, "ha-noi", "t6a");
        assert_eq!(e.status, status, "{case}");
        assert_eq!(e.problems, problems, "{case}");
        assert_eq!((e.value, e.gap), (None, None), "{case}");
        assert_eq!(points(&doc, "ha-noi", "t6a"), "0", "{case}");
    }
}

#[test]
fn whole_numbers_written_with_decimals_and_the_largest_count_are_accepted() {
    for (solved, occurred, status) in [
        (num("8.0"), num("10.000"), Met),
        (Entry::int(TRILLION), Entry::int(TRILLION), Met),
        (Entry::int(0), Entry::int(TRILLION), NotMet),
    ] {
        let mut doc = doc();
        set_rate(&mut doc, "ha-noi", solved, occurred);
        assert_eq!(eval(&doc, "ha-noi", "t6a").status, status);
    }
}

// ---------------------------------------------------------------------------------------------
// Reductions

#[test]
fn reduction_status_value_and_allowed_maximum() {
    use Gap::ReductionUnreachable as Unreachable;
    let t = TRILLION as i128;
    #[rustfmt::skip]
    let cases: &[(i64, i64, Comparator, &str, Status, Option<Gap>)] = &[
        // Hà Nội H1 2023: 1,840 against 1,916 is a 3.97% reduction; at most 1,820 meets "≥ 5%".
        (1840, 1916, Ge, "5", NotMet, over(1820, 20)),
        (1820, 1916, Ge, "5", Met, None),
        (1821, 1916, Ge, "5", NotMet, over(1820, 1)),
        (1820, 1916, Gt, "5", Met, None),
        (1821, 1916, Gt, "5", NotMet, over(1820, 1)),
        // A whole limit: "≥ 5%" allows it, "> 5%" allows one fewer.
        (1900, 2000, Ge, "5", Met, None),
        (1901, 2000, Ge, "5", NotMet, over(1900, 1)),
        (1900, 2000, Gt, "5", NotMet, over(1899, 1)),
        (1899, 2000, Gt, "5", Met, None),
        // "= 5%": only the limit itself, and only when it is whole.
        (1900, 2000, Eq, "5", Met, None),
        (1901, 2000, Eq, "5", NotMet, over(1900, 1)),
        (1899, 2000, Eq, "5", NotMet, Some(Unreachable)),
        (1820, 1916, Eq, "5", NotMet, Some(Unreachable)),
        // A count that rose: negative reduction (Cần Thơ H1 2024, 376 against 317).
        (376, 317, Ge, "5", NotMet, over(301, 75)),
        // Extremes of the threshold.
        (0, 5, Ge, "100", Met, None),
        (1, 5, Ge, "100", NotMet, over(0, 1)),
        (7, 7, Ge, "0", Met, None),
        (8, 7, Ge, "0", NotMet, over(7, 1)),
        (7, 7, Gt, "0", NotMet, over(6, 1)),
        (0, 5, Gt, "100", NotMet, Some(Unreachable)),
        // 10^12 and a 6-decimal threshold.
        (TRILLION, TRILLION, Ge, "0.000001", NotMet, over(t - 10_000, 10_000)),
        (TRILLION - 10_000, TRILLION, Ge, "0.000001", Met, None),
    ];
    for &(c, b, cmp, pct, status, ref gap) in cases {
        let mut doc = doc();
        set_rule(&mut doc, "t4", crime_reduction(cmp, pct));
        set(
            &mut doc,
            "ha-noi",
            ids::CRIMES,
            Entry::int(c),
            Entry::int(b),
        );
        let e = eval(&doc, "ha-noi", "t4");
        let case = format!("{c} vs {b}, down {} {pct}%", cmp.symbol());
        assert_eq!(e.status, status, "{case}");
        assert_eq!(&e.gap, gap, "{case}");
        let value = ratio((b - c) as i128, b as i128);
        assert_eq!(e.value, Some(value), "{case}");
        assert_eq!(e.margin, Some(value - dec(pct).to_ratio() / 100), "{case}");
    }
}

#[test]
fn reduction_value_is_shown_rounded_and_a_rise_is_negative() {
    let mut d = doc();
    set(
        &mut d,
        "ha-noi",
        ids::CRIMES,
        Entry::int(1840),
        Entry::int(1916),
    );
    set(
        &mut d,
        "can-tho",
        ids::CRIMES,
        Entry::int(376),
        Entry::int(317),
    );
    let hn = eval(&d, "ha-noi", "t4").value.unwrap();
    assert_eq!(hn, ratio(76, 1916));
    assert_eq!(format_percent(&hn, Lang::Vi), "3,97%");
    assert_eq!(format_percent(&hn, Lang::En), "3.97%");
    let ct = eval(&d, "can-tho", "t4").value.unwrap();
    assert_eq!(ct, ratio(-59, 317));
    assert_eq!(format_percent(&ct, Lang::Vi), "-18,61%");
}

#[test]
fn reduction_from_zero_to_zero_is_not_applicable_and_missing_baseline_is_no_data() {
    let zero_base = vec![Problem::ZeroBaseline {
        indicator: ids::CRIMES.into(),
    }];
    let missing_base = vec![Problem::Missing {
        indicator: ids::CRIMES.into(),
        period: PeriodKind::Baseline,
    }];
    #[rustfmt::skip]
    let cases = [
        (Entry::int(0), Entry::int(0), NotApplicable, zero_base),
        (Entry::int(5), Entry::Missing, NoData, missing_base.clone()),
        (Entry::Missing, Entry::int(0), NoData, vec![Problem::Missing { indicator: ids::CRIMES.into(), period: PeriodKind::Current }]),
        (Entry::int(5), Entry::Text("?".into()), Invalid,
            vec![Problem::NotANumber { indicator: ids::CRIMES.into(), period: PeriodKind::Baseline, text: "?".into() }]),
    ];
    for (c, b, status, problems) in cases {
        let mut doc = doc();
        set(&mut doc, "ha-noi", ids::CRIMES, c, b);
        let e = eval(&doc, "ha-noi", "t4");
        assert_eq!(e.status, status);
        assert_eq!(e.problems, problems);
    }
    for (policy, expected) in [
        (NotApplicablePoints::Full, "15"),
        (NotApplicablePoints::Zero, "0"),
    ] {
        let mut doc = doc();
        doc.pact.not_applicable = policy;
        set(
            &mut doc,
            "ha-noi",
            ids::CRIMES,
            Entry::int(0),
            Entry::int(0),
        );
        assert_eq!(points(&doc, "ha-noi", "t4"), expected);
    }
}

#[test]
fn a_rise_from_a_zero_baseline_is_not_met_whatever_the_not_applicable_policy() {
    for policy in [NotApplicablePoints::Full, NotApplicablePoints::Zero] {
        let mut doc = doc();
        doc.pact.not_applicable = policy;
        set(
            &mut doc,
            "ha-noi",
            ids::CRIMES,
            Entry::int(5),
            Entry::int(0),
        );
        let e = eval(&doc, "ha-noi", "t4");
        assert_eq!(e.status, NotMet);
        assert_eq!((e.value, e.margin, e.problems.len()), (None, None, 0));
        assert_eq!(
            e.gap,
            Some(Gap::ReductionOver {
                allowed_max: 0,
                over: 5
            })
        );
        assert_eq!(
            gap_text(&doc.pact, &e, Lang::Vi).unwrap(),
            "vượt 5 vụ so với mức cho phép (tối đa 0)"
        );
        assert_eq!(points(&doc, "ha-noi", "t4"), "0");
    }
}

#[test]
fn reduction_gap_in_words() {
    let mut doc = doc();
    set(
        &mut doc,
        "ha-noi",
        ids::CRIMES,
        Entry::int(1840),
        Entry::int(1916),
    );
    let e = eval(&doc, "ha-noi", "t4");
    assert_eq!(
        gap_text(&doc.pact, &e, Lang::Vi).unwrap(),
        "vượt 20 vụ so với mức cho phép (tối đa 1.820)"
    );
    assert_eq!(
        gap_text(&doc.pact, &e, Lang::En).unwrap(),
        "20 cases over the allowed maximum of 1,820"
    );
}

// ---------------------------------------------------------------------------------------------
// No increase / decrease

#[test]
fn no_increase_and_decrease_per_criterion() {
    let traffic = || {
        vec![
            ids::TRAFFIC_ACCIDENTS.to_string(),
            ids::TRAFFIC_DEATHS.to_string(),
            ids::TRAFFIC_INJURIES.to_string(),
        ]
    };
    let no_increase = || Rule::NoIncrease {
        indicators: traffic(),
    };
    let decrease = || Rule::Decrease {
        indicators: traffic(),
    };
    let (y, n) = (Some(true), Some(false));
    #[rustfmt::skip]
    let cases: Vec<(Rule, [(i64, i64); 3], Status, [Option<bool>; 3], [i64; 3])> = vec![
        // Equal counts: "curb the increase" holds, "pull down" misses each by one.
        (no_increase(), [(5, 5), (5, 5), (5, 5)], Met, [y, y, y], [0, 0, 0]),
        (decrease(), [(5, 5), (5, 5), (5, 5)], NotMet, [n, n, n], [1, 1, 1]),
        (decrease(), [(4, 5), (4, 5), (4, 5)], Met, [y, y, y], [0, 0, 0]),
        // Per-criterion excess.
        (no_increase(), [(10, 12), (5, 4), (20, 17)], NotMet, [y, n, n], [0, 1, 3]),
        (decrease(), [(10, 12), (5, 4), (20, 17)], NotMet, [y, n, n], [0, 2, 4]),
        // Decrease from 0 to 0 does not apply; all of them → the target does not apply.
        (decrease(), [(0, 0), (3, 4), (1, 2)], Met, [None, y, y], [0, 0, 0]),
        (decrease(), [(0, 0), (0, 0), (0, 0)], NotApplicable, [None, None, None], [0, 0, 0]),
        (no_increase(), [(0, 0), (0, 0), (0, 0)], Met, [y, y, y], [0, 0, 0]),
        // From 0 to 1 under "decrease": back to 0 the criterion no longer counts against it.
        (decrease(), [(0, 0), (1, 0), (0, 0)], NotMet, [None, n, None], [0, 1, 0]),
    ];
    for (rule, figures, status, met, excess) in cases {
        let mut doc = doc();
        let case = format!("{rule:?} {figures:?}");
        set_rule(&mut doc, "t7a", rule);
        for (id, (c, b)) in traffic().iter().zip(figures) {
            set(&mut doc, "ha-noi", id, Entry::int(c), Entry::int(b));
        }
        let e = eval(&doc, "ha-noi", "t7a");
        assert_eq!(e.status, status, "{case}");
        assert_eq!(e.gap, (status == NotMet).then_some(Gap::Excess), "{case}");
        let got_met: Vec<_> = e.criteria.iter().map(|c| c.met).collect();
        assert_eq!(got_met, met, "{case}");
        let got_excess: Vec<_> = e.criteria.iter().map(|c| c.excess).collect();
        assert_eq!(got_excess, excess.map(thidua_core::Dec::int), "{case}");
        for (c, (cur, base)) in e.criteria.iter().zip(figures) {
            let change = (base != 0).then(|| ratio((cur - base) as i128, base as i128));
            assert_eq!(c.change(), change, "{case}");
            // Read on its own (as its chart does), each criterion decides the same.
            let target = doc.pact.target("t7a").unwrap();
            let data = doc.unit_data("ha-noi").unwrap();
            let alone = evaluate_criterion(&doc.pact, target, data, &c.indicator);
            assert_eq!(alone.as_ref(), Ok(c), "{case}");
        }
    }
}

#[test]
fn a_criterion_read_alone_needs_only_its_own_figures() {
    let mut doc = doc();
    set(
        &mut doc,
        "ha-noi",
        ids::TRAFFIC_DEATHS,
        Entry::int(12),
        Entry::int(10),
    );
    let e = eval(&doc, "ha-noi", "t7a");
    assert_eq!(e.status, NoData, "the target waits for every criterion");
    let target = doc.pact.target("t7a").unwrap();
    let data = doc.unit_data("ha-noi").unwrap();
    let deaths = evaluate_criterion(&doc.pact, target, data, ids::TRAFFIC_DEATHS).unwrap();
    assert_eq!(deaths.met, Some(false));
    assert_eq!(deaths.excess, thidua_core::Dec::int(2));
    let missing = evaluate_criterion(&doc.pact, target, data, ids::TRAFFIC_ACCIDENTS).unwrap_err();
    assert_eq!(missing.len(), 2, "{missing:?}");
    assert!(missing.iter().all(|p| matches!(p, Problem::Missing { .. })));
    // Not a no-increase or decrease target: nothing to read.
    let rate = doc.pact.target("t6a").unwrap();
    assert_eq!(
        evaluate_criterion(&doc.pact, rate, data, ids::CASES_SOLVED),
        Err(vec![])
    );
}

#[test]
fn amounts_are_compared_exactly() {
    let fire_counts = [
        ids::FIRES,
        ids::EXPLOSIONS,
        ids::FIRE_DEATHS,
        ids::FIRE_INJURIES,
    ];
    let all = || {
        let mut v: Vec<String> = fire_counts.iter().map(|s| s.to_string()).collect();
        v.push(ids::FIRE_LOSS.into());
        v
    };
    #[rustfmt::skip]
    let cases: Vec<(Rule, &str, &str, Status, Option<&str>)> = vec![
        (Rule::NoIncrease { indicators: all() }, "1.25", "1.24", NotMet, Some("0.01")),
        (Rule::NoIncrease { indicators: all() }, "1.24", "1.24", Met, None),
        (Rule::NoIncrease { indicators: all() }, "1.24", "1.240", Met, None),
        (Rule::NoIncrease { indicators: all() }, "1.23", "1.24", Met, None),
        (Rule::NoIncrease { indicators: all() }, "1.240001", "1.24", NotMet, Some("0.000001")),
        (Rule::Decrease { indicators: all() }, "1.25", "1.24", NotMet, Some("0.01")),
        (Rule::Decrease { indicators: all() }, "1.24", "1.24", NotMet, None),
        (Rule::Decrease { indicators: all() }, "1.239999", "1.24", Met, None),
    ];
    for (rule, cur, base, status, excess) in cases {
        let mut doc = doc();
        let case = format!("{rule:?} {cur} vs {base}");
        let decrease = matches!(rule, Rule::Decrease { .. });
        set_rule(&mut doc, "t7b", rule);
        for id in fire_counts {
            // Counts that hold under either rule, so the amount decides.
            let (c, b) = if decrease { (1, 2) } else { (2, 2) };
            set(&mut doc, "ha-noi", id, Entry::int(c), Entry::int(b));
        }
        set(&mut doc, "ha-noi", ids::FIRE_LOSS, num(cur), num(base));
        let e = eval(&doc, "ha-noi", "t7b");
        assert_eq!(e.status, status, "{case}");
        let loss = e.criteria.last().unwrap();
        assert_eq!(loss.indicator, ids::FIRE_LOSS);
        assert_eq!(loss.met, Some(status == Met), "{case}");
        if let Some(x) = excess {
            assert_eq!(loss.excess, dec(x), "{case}");
        }
    }
}

#[test]
fn criteria_with_missing_or_bad_cells() {
    let mut doc = doc();
    set(
        &mut doc,
        "ha-noi",
        ids::TRAFFIC_ACCIDENTS,
        Entry::int(1),
        Entry::int(2),
    );
    set(
        &mut doc,
        "ha-noi",
        ids::TRAFFIC_DEATHS,
        Entry::int(1),
        Entry::Missing,
    );
    let e = eval(&doc, "ha-noi", "t7a");
    assert_eq!(e.status, NoData);
    let missing = |i: &str, p| Problem::Missing {
        indicator: i.into(),
        period: p,
    };
    assert_eq!(
        e.problems,
        vec![
            missing(ids::TRAFFIC_DEATHS, PeriodKind::Baseline),
            missing(ids::TRAFFIC_INJURIES, PeriodKind::Current),
            missing(ids::TRAFFIC_INJURIES, PeriodKind::Baseline),
        ]
    );
    // A count of people cannot be 1.5; an amount with 7 decimals is beyond what is supported.
    let mut doc = common::doc();
    for id in [ids::TRAFFIC_ACCIDENTS, ids::TRAFFIC_INJURIES] {
        set(&mut doc, "ha-noi", id, Entry::int(1), Entry::int(2));
    }
    set(
        &mut doc,
        "ha-noi",
        ids::TRAFFIC_DEATHS,
        num("1.5"),
        Entry::int(2),
    );
    let e = eval(&doc, "ha-noi", "t7a");
    assert_eq!(e.status, Invalid);
    assert_eq!(
        e.problems,
        vec![Problem::NotWhole {
            indicator: ids::TRAFFIC_DEATHS.into(),
            period: PeriodKind::Current
        }]
    );
    let mut doc = common::doc();
    for id in [
        ids::FIRES,
        ids::EXPLOSIONS,
        ids::FIRE_DEATHS,
        ids::FIRE_INJURIES,
    ] {
        set(&mut doc, "ha-noi", id, Entry::int(0), Entry::int(0));
    }
    set(
        &mut doc,
        "ha-noi",
        ids::FIRE_LOSS,
        num("0.0000001"),
        num("1"),
    );
    let e = eval(&doc, "ha-noi", "t7b");
    assert_eq!(e.status, Invalid);
    assert!(matches!(e.problems[..], [Problem::TooManyDecimals { .. }]));
}

#[test]
fn excess_in_words_names_only_the_criteria_not_met() {
    let mut doc = doc();
    set(
        &mut doc,
        "ha-noi",
        ids::TRAFFIC_ACCIDENTS,
        Entry::int(10),
        Entry::int(12),
    );
    set(
        &mut doc,
        "ha-noi",
        ids::TRAFFIC_DEATHS,
        Entry::int(5),
        Entry::int(4),
    );
    set(
        &mut doc,
        "ha-noi",
        ids::TRAFFIC_INJURIES,
        Entry::int(20),
        Entry::int(17),
    );
    let e = eval(&doc, "ha-noi", "t7a");
    assert_eq!(
        gap_text(&doc.pact, &e, Lang::Vi).unwrap(),
        "Tai nạn giao thông: số người chết: vượt 1 người; \
         Tai nạn giao thông: số người bị thương: vượt 3 người"
    );
    assert_eq!(
        gap_text(&doc.pact, &e, Lang::En).unwrap(),
        "Traffic accidents: deaths: 1 person too many; Traffic accidents: injuries: 3 people too many"
    );
}

// ---------------------------------------------------------------------------------------------
// Manual contents

#[test]
fn manual_scores_self_verified_and_out_of_range() {
    let i = Entry::int;
    let text = |s: &str| Entry::Text(s.into());
    let out = |which| {
        vec![Problem::ScoreOutOfRange {
            which,
            max: dec("10"),
        }]
    };
    #[rustfmt::skip]
    let cases: Vec<(Entry, Entry, Status, Option<(&str, bool)>, Vec<Problem>)> = vec![
        (i(7), Entry::Missing, Scored, Some(("7", false)), vec![]),
        (i(7), i(8), Scored, Some(("8", true)), vec![]),
        (Entry::Missing, i(8), Scored, Some(("8", true)), vec![]),
        (i(11), i(8), Scored, Some(("8", true)), vec![]),
        (i(0), Entry::Missing, Scored, Some(("0", false)), vec![]),
        (num("9.5"), i(10), Scored, Some(("10", true)), vec![]),
        (i(11), Entry::Missing, Invalid, None, out(ScoreKind::SelfScore)),
        (i(-1), Entry::Missing, Invalid, None, out(ScoreKind::SelfScore)),
        (i(7), num("10.5"), Invalid, None, out(ScoreKind::Verified)),
        (text("tốt"), Entry::Missing, Invalid, None,
            vec![Problem::ScoreNotANumber { which: ScoreKind::SelfScore, text: "tốt".into() }]),
        (Entry::Missing, Entry::Missing, NoData, None, vec![Problem::ScoreMissing]),
    ];
    for (own, verified, status, outcome, problems) in cases {
        let mut doc = doc();
        let case = format!("self {own:?}, verified {verified:?}");
        set_manual(&mut doc, "ha-noi", "t1", own, verified);
        let r = doc.evaluate();
        let u = r.unit("ha-noi").unwrap();
        let t = u.target("t1").unwrap();
        assert_eq!(t.eval.status, status, "{case}");
        assert_eq!(t.eval.problems, problems, "{case}");
        let got = t.eval.manual.as_ref().map(|m| (m.score, m.verified));
        assert_eq!(got, outcome.map(|(s, v)| (dec(s), v)), "{case}");
        let expected_points = outcome.map_or("0".to_string(), |(s, _)| {
            thidua_core::Points::from_dec(dec(s)).to_string()
        });
        assert_eq!(t.points.to_string(), expected_points, "{case}");
        let reason = match (status, outcome) {
            (Scored, Some((_, false))) => Some(Provisional::Unverified {
                target: "t1".into(),
            }),
            (Scored, _) => None,
            (NoData, _) => Some(Provisional::NoData {
                target: "t1".into(),
            }),
            _ => Some(Provisional::InvalidData {
                target: "t1".into(),
            }),
        };
        let about_t1 = |p: &&Provisional| match p {
            Provisional::NoData { target }
            | Provisional::InvalidData { target }
            | Provisional::Unverified { target } => target == "t1",
        };
        assert_eq!(
            u.provisional.iter().find(about_t1),
            reason.as_ref(),
            "{case}"
        );
    }
    // An absent record reads as no score at all.
    let e = eval(&doc(), "ha-noi", "t2");
    assert_eq!(
        (e.status, e.problems),
        (NoData, vec![Problem::ScoreMissing])
    );
}

// ---------------------------------------------------------------------------------------------
// Scoring

#[test]
fn all_or_nothing_scoring() {
    for (solved, status, expected) in [(76, Met, "12"), (75, NotMet, "0"), (0, NotMet, "0")] {
        let mut doc = doc();
        set_rate(&mut doc, "ha-noi", Entry::int(solved), Entry::int(100));
        let r = doc.evaluate();
        let t = r.unit("ha-noi").unwrap().target("t6a").unwrap();
        assert_eq!(
            (t.eval.status, t.points.to_string()),
            (status, expected.into())
        );
    }
}

#[test]
fn proportional_scoring_is_max_times_attainment_capped() {
    let i = Entry::int;
    // (target, figures, expected points)
    #[rustfmt::skip]
    let cases: Vec<(&str, Vec<(&str, Entry, Entry)>, &str)> = vec![
        // Rate "> 75%", max 12: A/T = 0.6 / 0.75 = 4/5 → 48/5.
        ("t6a", vec![(ids::CASES_SOLVED, i(60), Entry::Missing), (ids::CASES_OCCURRED, i(100), Entry::Missing)], "48/5"),
        // Exactly at the threshold but "above" not met: A/T = 1 → the maximum (capped).
        ("t6a", vec![(ids::CASES_SOLVED, i(75), Entry::Missing), (ids::CASES_OCCURRED, i(100), Entry::Missing)], "12"),
        ("t6a", vec![(ids::CASES_SOLVED, i(100), Entry::Missing), (ids::CASES_OCCURRED, i(100), Entry::Missing)], "12"),
        ("t6a", vec![(ids::CASES_SOLVED, i(0), Entry::Missing), (ids::CASES_OCCURRED, i(100), Entry::Missing)], "0"),
        // Reduction "≥ 5%", max 15: Hà Nội's 76/1916 over 1/20 → 15 · 380/479.
        ("t4", vec![(ids::CRIMES, i(1840), i(1916))], "5700/479"),
        // A count that rose earns nothing, never negative points.
        ("t4", vec![(ids::CRIMES, i(376), i(317))], "0"),
        // No increase, max 8: one criterion of three → 8/3.
        ("t7a", vec![(ids::TRAFFIC_ACCIDENTS, i(1), i(2)), (ids::TRAFFIC_DEATHS, i(3), i(2)), (ids::TRAFFIC_INJURIES, i(3), i(2))], "8/3"),
    ];
    for (target, figures, expected) in cases {
        let mut doc = doc();
        set_scoring(&mut doc, target, ScoringMethod::Proportional);
        for (id, c, b) in figures {
            set(&mut doc, "ha-noi", id, c, b);
        }
        assert_eq!(points(&doc, "ha-noi", target), expected, "{target}");
    }
    // Decrease with one criterion not applicable: one of the two that apply → 8/2.
    let mut doc = doc();
    set_scoring(&mut doc, "t7a", ScoringMethod::Proportional);
    set_rule(
        &mut doc,
        "t7a",
        Rule::Decrease {
            indicators: vec![
                ids::TRAFFIC_ACCIDENTS.into(),
                ids::TRAFFIC_DEATHS.into(),
                ids::TRAFFIC_INJURIES.into(),
            ],
        },
    );
    set(&mut doc, "ha-noi", ids::TRAFFIC_ACCIDENTS, i(0), i(0));
    set(&mut doc, "ha-noi", ids::TRAFFIC_DEATHS, i(1), i(2));
    set(&mut doc, "ha-noi", ids::TRAFFIC_INJURIES, i(2), i(2));
    assert_eq!(points(&doc, "ha-noi", "t7a"), "4");
}

#[test]
fn relative_to_best_scoring_follows_the_domain_formula() {
    // T = 75% ("> 75%"), Max = 12. Each row: the units' (solved, occurred) and expected points.
    // A < T → ½·Max·A/T; A = T → ½·Max; best → Max; between → ½Max + ½Max·(A/T − 1)/(best − 1).
    let i = Entry::int;
    #[rustfmt::skip]
    let scenarios: Vec<Vec<(&str, Entry, Entry, &str)>> = vec![
        vec![
            ("ha-noi", i(60), i(100), "24/5"),     // A/T = 4/5 → 6 · 4/5
            ("tp-hcm", i(75), i(100), "6"),        // A/T = 1
            ("da-nang", i(80), i(100), "36/5"),    // 6 + 6 · (1/15)/(1/3)
            ("hai-phong", i(100), i(100), "12"),   // best, A/T = 4/3
            ("can-tho", i(67), i(72), "31/3"),     // A/T = 67/54: 6 + 6 · (13/54)/(1/3)
        ],
        // Every unit below the target: no one gets the maximum.
        vec![
            ("ha-noi", i(30), i(100), "12/5"),
            ("tp-hcm", i(60), i(100), "24/5"),
            ("da-nang", i(0), i(100), "0"),
            ("hai-phong", Entry::Missing, i(100), "0"),
            ("can-tho", i(0), i(0), "12"), // not applicable: full points by default
        ],
        // The best is taken among usable data only: an invalid 101/100 does not count.
        vec![
            ("ha-noi", i(101), i(100), "0"),
            ("tp-hcm", i(90), i(100), "12"),       // the best usable, A/T = 6/5
            ("da-nang", i(80), i(100), "8"),       // 6 + 6 · (1/15)/(1/5)
            ("hai-phong", i(75), i(100), "6"),
            ("can-tho", Entry::Text("x".into()), i(100), "0"),
        ],
    ];
    for scenario in scenarios {
        let mut doc = doc();
        set_scoring(&mut doc, "t6a", ScoringMethod::RelativeToBest);
        for (unit, solved, occurred, _) in &scenario {
            set_rate(&mut doc, unit, solved.clone(), occurred.clone());
        }
        let r = doc.evaluate();
        for (unit, _, _, expected) in &scenario {
            let got = r
                .unit(unit)
                .unwrap()
                .target("t6a")
                .unwrap()
                .points
                .to_string();
            assert_eq!(&got, expected, "{unit} in {scenario:?}");
        }
    }
}

#[test]
fn bonus_and_deductions_are_capped() {
    // The built-in caps: bonus 5, deductions 10. No figures, so targets score 0.
    #[rustfmt::skip]
    let cases: &[(&[(bool, &str)], &str, &str, &str)] = &[
        (&[], "0", "0", "0"),
        (&[(true, "3")], "3", "0", "3"),
        (&[(true, "3"), (true, "4")], "5", "0", "5"),
        (&[(false, "6"), (false, "7")], "0", "10", "-10"),
        (&[(true, "2.5"), (false, "0.25")], "5/2", "1/4", "9/4"),
        (&[(true, "5"), (false, "10"), (true, "1"), (false, "1")], "5", "10", "-5"),
    ];
    for &(lines, bonus, deduction, total) in cases {
        let mut doc = doc();
        for &(is_bonus, p) in lines {
            adjust(
                &mut doc,
                "ha-noi",
                if is_bonus { Bonus } else { Deduction },
                p,
            );
        }
        let r = doc.evaluate();
        let u = r.unit("ha-noi").unwrap();
        let got = (
            u.bonus.to_string(),
            u.deduction.to_string(),
            u.total.to_string(),
        );
        assert_eq!(
            got,
            (bonus.into(), deduction.into(), total.into()),
            "{lines:?}"
        );
    }
}

#[test]
fn classification_needs_the_total_and_every_content_above_its_floor() {
    // Levels (examples): ≥ 90 and no content < 85% → xuat-sac; ≥ 80 and 80% → tot;
    // ≥ 70 and 70% → hoan-thanh; otherwise khong-hoan-thanh. Content 1 is t1 alone (max 10).
    #[rustfmt::skip]
    let cases: &[(Option<&str>, Option<&str>, bool, &str, &str)] = &[
        // (verified t1, deduction, t6a missed, total, level)
        (None, None, false, "100", "xuat-sac"),
        (Some("8.5"), None, false, "197/2", "xuat-sac"), // exactly 85% of content 1
        (Some("8"), None, false, "98", "tot"),           // 80% < 85%
        (Some("7.9"), None, false, "979/10", "hoan-thanh"),
        (Some("6.9"), None, false, "969/10", "khong-hoan-thanh"),
        (None, Some("10"), false, "90", "xuat-sac"),
        (Some("9.9999"), Some("10"), false, "899999/10000", "tot"),
        (None, None, true, "88", "khong-hoan-thanh"),  // content 6 at 50%
    ];
    for &(t1, deduction, miss_t6a, total, level) in cases {
        let mut doc = doc();
        complete(&mut doc, "ha-noi");
        if let Some(s) = t1 {
            set_manual(&mut doc, "ha-noi", "t1", Entry::Missing, num(s));
        }
        if let Some(d) = deduction {
            adjust(&mut doc, "ha-noi", Deduction, d);
        }
        if miss_t6a {
            set_cur(&mut doc, "ha-noi", ids::CASES_SOLVED, Entry::int(70));
        }
        let r = doc.evaluate();
        let u = r.unit("ha-noi").unwrap();
        let case = format!("{t1:?} {deduction:?} {miss_t6a}");
        assert_eq!(u.total.to_string(), total, "{case}");
        assert_eq!(u.level.as_deref(), Some(level), "{case}");
        assert_eq!(u.ministry_flag, level == "xuat-sac", "{case}");
        assert!(!u.is_provisional(), "{case}: {:?}", u.provisional);
    }
}

#[test]
fn ranking_tie_break_chain() {
    let mut doc = doc();
    let v = |n| Entry::int(n);
    // hai-phong: 20 points from manual scores.
    set_manual(&mut doc, "hai-phong", "t1", Entry::Missing, v(10));
    set_manual(&mut doc, "hai-phong", "t2", Entry::Missing, v(10));
    // can-tho and tp-hcm: 15 points from one met target, identical → they share rank 2, listed
    // by unit id.
    for u in ["can-tho", "tp-hcm", "ha-noi"] {
        set(&mut doc, u, ids::CRIMES, v(90), v(100));
    }
    // ha-noi: 15 points, one target met, but 2 deduction points (offset by a 2-point bonus).
    adjust(&mut doc, "ha-noi", Bonus, "2");
    adjust(&mut doc, "ha-noi", Deduction, "2");
    // da-nang: 15 points, no deductions, but no target met.
    set_manual(&mut doc, "da-nang", "t1", Entry::Missing, v(10));
    set_manual(&mut doc, "da-nang", "t2", Entry::Missing, v(5));

    let r = doc.evaluate();
    assert_eq!(
        r.ranking,
        ["hai-phong", "can-tho", "tp-hcm", "ha-noi", "da-nang"]
    );
    assert_eq!(r.leading_unit.as_deref(), Some("hai-phong"));
    #[rustfmt::skip]
    let expected = [
        ("hai-phong", "20", 0, 1, false),
        ("can-tho", "15", 1, 2, true),
        ("tp-hcm", "15", 1, 2, true),
        ("ha-noi", "15", 1, 4, true),
        ("da-nang", "15", 0, 5, true),
    ];
    for (unit, total, met, rank, tied) in expected {
        let u = r.unit(unit).unwrap();
        assert_eq!(
            (u.total.to_string(), u.met, u.rank, u.tied),
            (total.to_string(), met, rank, tied),
            "{unit}"
        );
    }
    // The results list units in pact order, whatever the ranking.
    let order: Vec<_> = r.units.iter().map(|u| u.unit.as_str()).collect();
    assert_eq!(order, UNITS);
}

#[test]
fn units_equal_on_every_tie_break_share_the_lead_and_nobody_leads() {
    let mut doc = doc();
    doc.pact.flags.government_for_leader = true;
    // Every unit: the same one target met, 15 points; the unit id must not pick a leader.
    for u in UNITS {
        set(&mut doc, u, ids::CRIMES, Entry::int(90), Entry::int(100));
    }
    let r = doc.evaluate();
    assert!(r.units.iter().all(|u| u.rank == 1 && u.tied));
    assert_eq!(r.leading_unit, None);
    assert!(r.shared_lead());
    let flags: Vec<bool> = r.units.iter().map(|u| u.government_flag).collect();
    let ministry: Vec<bool> = r.units.iter().map(|u| u.ministry_flag).collect();
    assert_eq!(flags, ministry);
    // One more target met breaks the tie: ha-noi leads alone, the others share rank 2.
    set(
        &mut doc,
        "ha-noi",
        ids::TRAFFIC_ACCIDENTS,
        Entry::int(5),
        Entry::int(9),
    );
    set(
        &mut doc,
        "ha-noi",
        ids::TRAFFIC_DEATHS,
        Entry::int(5),
        Entry::int(9),
    );
    set(
        &mut doc,
        "ha-noi",
        ids::TRAFFIC_INJURIES,
        Entry::int(5),
        Entry::int(9),
    );
    let r = doc.evaluate();
    assert_eq!(r.leading_unit.as_deref(), Some("ha-noi"));
    assert!(!r.shared_lead());
    let ranks: Vec<(&str, usize)> = r
        .ranking
        .iter()
        .map(|id| (id.as_str(), r.unit(id).unwrap().rank))
        .collect();
    assert_eq!(
        ranks,
        [
            ("ha-noi", 1),
            ("can-tho", 2),
            ("da-nang", 2),
            ("hai-phong", 2),
            ("tp-hcm", 2)
        ]
    );
    // With no data at all, every unit is at rank 1 but there is no lead to share.
    assert!(!Document::default_pact().evaluate().shared_lead());
}

#[test]
fn leading_unit_and_flags() {
    // (government_for_leader, ha-noi's t1 verified score) → expected government flag holder.
    for (gov_allowed, hn_t1, gov_holder) in [
        (true, "10", Some("ha-noi")),
        (false, "10", None),
        // Leads on points but its content 1 is below the 85% floor: no Ministry standard,
        // so no Government flag for anyone (it does not pass to the next unit).
        (true, "8", None),
    ] {
        let mut doc = doc();
        doc.pact.flags.government_for_leader = gov_allowed;
        for u in UNITS {
            complete(&mut doc, u);
        }
        set_manual(&mut doc, "ha-noi", "t1", Entry::Missing, num(hn_t1));
        adjust(&mut doc, "ha-noi", Bonus, "5"); // 105 or 103: leads either way
        set_manual(&mut doc, "da-nang", "t1", Entry::Missing, Entry::int(9)); // 99
        set_manual(&mut doc, "hai-phong", "t1", Entry::Missing, Entry::int(8)); // 98, "tot"
        adjust(&mut doc, "can-tho", Deduction, "20"); // capped at 10 → 90
        let r = doc.evaluate();
        assert_eq!(
            r.ranking,
            ["ha-noi", "tp-hcm", "da-nang", "hai-phong", "can-tho"]
        );
        assert_eq!(r.leading_unit.as_deref(), Some("ha-noi"));
        assert!(!r.provisional);
        for u in &r.units {
            let ministry = match u.unit.as_str() {
                "ha-noi" => hn_t1 == "10",
                "hai-phong" => false,
                _ => true,
            };
            assert_eq!(u.ministry_flag, ministry, "{}", u.unit);
            assert_eq!(
                u.government_flag,
                gov_holder == Some(u.unit.as_str()),
                "{} ({gov_allowed}, {hn_t1})",
                u.unit
            );
        }
    }
}

#[test]
fn provisional_results_say_why() {
    let i = Entry::int;
    #[rustfmt::skip]
    let cases: Vec<(Box<dyn Fn(&mut Document)>, Vec<Provisional>)> = vec![
        (Box::new(|_| {}), vec![]),
        (Box::new(|d| set_manual(d, "ha-noi", "t2", i(9), Entry::Missing)),
            vec![Provisional::Unverified { target: "t2".into() }]),
        (Box::new(|d| set(d, "ha-noi", ids::CRIMES, i(90), Entry::Missing)),
            vec![Provisional::NoData { target: "t4".into() }]),
        (Box::new(|d| set_cur(d, "ha-noi", ids::CASES_SOLVED, Entry::Text("80?".into()))),
            vec![Provisional::InvalidData { target: "t6a".into() }]),
        (Box::new(|d| {
            set_cur(d, "ha-noi", ids::SERIOUS_SOLVED, i(11));
            set_manual(d, "ha-noi", "t1", i(9), Entry::Missing);
        }), vec![
            Provisional::Unverified { target: "t1".into() },
            Provisional::InvalidData { target: "t6b".into() },
        ]),
    ];
    for (change, expected) in cases {
        let mut doc = doc();
        for u in UNITS {
            complete(&mut doc, u);
        }
        change(&mut doc);
        let r = doc.evaluate();
        let u = r.unit("ha-noi").unwrap();
        assert_eq!(u.provisional, expected);
        assert_eq!(u.is_provisional(), !expected.is_empty());
        assert_eq!(r.provisional, !expected.is_empty());
    }
    // With no figures at all every unit is provisional, scores 0, the order is by unit id, and
    // nobody leads.
    let r = doc().evaluate();
    assert_eq!(r.leading_unit, None);
    assert!(r.units.iter().all(|u| !u.government_flag));
    assert!(
        r.provisional
            && r.units
                .iter()
                .all(|u| u.is_provisional() && u.total.is_zero())
    );
    assert_eq!(
        r.ranking,
        ["can-tho", "da-nang", "ha-noi", "hai-phong", "tp-hcm"]
    );
    // Nor does an invalid entry make a leader (of the first id, all being at 0); one usable
    // figure does.
    let mut d = doc();
    set_cur(
        &mut d,
        "ha-noi",
        ids::CASES_SOLVED,
        Entry::Text("1,5".into()),
    );
    set_cur(&mut d, "tp-hcm", ids::CASES_OCCURRED, Entry::int(-1));
    let r = d.evaluate();
    assert_eq!(
        r.unit("ha-noi").unwrap().target("t6a").unwrap().eval.status,
        Status::Invalid
    );
    assert_eq!(r.leading_unit, None);
    assert!(r.units.iter().all(|u| !u.government_flag));
    set(
        &mut d,
        "hai-phong",
        ids::CRIMES,
        Entry::int(90),
        Entry::int(100),
    );
    assert_eq!(d.evaluate().leading_unit.as_deref(), Some("hai-phong"));
}
