//! Several pacts, the roll-over to next year, units' own files, and edits of the pact itself.

mod common;

use common::*;
use thidua_core::data::PeriodKind::{Baseline, Current};
use thidua_core::model::{Comparator, Rule};
use thidua_core::rollover::{carries_every_figure, roll_over, shift_years};
use thidua_core::unit_file::{
    apply_merge, export_unit, plan_merge, read_unit_file, Field, Refusal,
};
use thidua_core::validate::validate;
use thidua_core::workspace::{unique_id, Workspace};
use thidua_core::{Document, Entry, Lang, Status};

fn filled() -> Document {
    let mut d = doc();
    for (k, u) in UNITS.iter().enumerate() {
        let k = k as i64;
        set(
            &mut d,
            u,
            ids::CRIMES,
            Entry::int(1000 + k),
            Entry::int(1100 + k),
        );
        set_cur(&mut d, u, ids::CASES_OCCURRED, Entry::int(2000));
        set_cur(&mut d, u, ids::CASES_SOLVED, Entry::int(1500 + k));
        set(&mut d, u, ids::FIRES, Entry::int(10 + k), Entry::int(12));
    }
    // An invalid entry travels as typed.
    set_cur(
        &mut d,
        "can-tho",
        ids::TRAFFIC_DEATHS,
        Entry::Text("abc".into()),
    );
    // The mid-year review too.
    d.unit_data_in_mut("6-thang-2023", "ha-noi")
        .set(ids::CRIMES, Current, Entry::int(480));
    d
}

#[test]
fn years_move_on_where_they_stand_alone() {
    assert_eq!(shift_years("cum1-2023", 1), "cum1-2024");
    assert_eq!(shift_years("Tổng kết năm 2023", 1), "Tổng kết năm 2024");
    assert_eq!(shift_years("6-thang-2023", 1), "6-thang-2024");
    assert_eq!(
        shift_years("12023 and 202 and 2300", 1),
        "12023 and 202 and 2300"
    );
}

#[test]
fn the_roll_over_carries_every_current_figure_into_the_baseline() {
    let d = filled();
    let next = roll_over(&d, 1);
    assert!(carries_every_figure(&d, &next));
    assert_eq!(next.pact.id, "cum1-2024");
    assert!(
        next.pact.title.vi.contains("2024"),
        "{}",
        next.pact.title.vi
    );
    assert_eq!(next.pact.reviews[0].id, "nam-2024");
    assert_eq!(next.pact.reviews[0].baseline, d.pact.reviews[0].period);
    assert_eq!(
        next.pact.reviews[0].period.start,
        chrono::NaiveDate::from_ymd_opt(2023, 12, 15).unwrap()
    );
    for u in UNITS {
        let old = d.unit_data(u).unwrap();
        let new = next.unit_data(u).unwrap();
        assert_eq!(
            new.entry(ids::CRIMES, Baseline),
            old.entry(ids::CRIMES, Current)
        );
        assert!(new.entry(ids::CRIMES, Current).is_missing());
        assert!(new.manual.is_empty() && new.adjustments.is_empty());
    }
    assert_eq!(
        next.unit_data("can-tho")
            .unwrap()
            .entry(ids::TRAFFIC_DEATHS, Baseline),
        &Entry::Text("abc".into())
    );
    assert_eq!(
        next.unit_data_in("6-thang-2024", "ha-noi")
            .unwrap()
            .entry(ids::CRIMES, Baseline),
        &Entry::int(480)
    );
    // The structure is the same, and the new pact is valid.
    assert_eq!(next.pact.contents, d.pact.contents);
    assert_eq!(next.pact.units, d.pact.units);
    assert_eq!(validate(&next), vec![]);
}

#[test]
fn editing_a_threshold_changes_exactly_the_affected_statuses() {
    let d = filled();
    let before = d.evaluate();
    let mut edited = d.clone();
    if let Rule::Rate { comparator, .. } = &mut target_mut(&mut edited, "t6a").rule {
        *comparator = Comparator::Ge;
    }
    let after = edited.evaluate();
    let mut changed = Vec::new();
    for (a, b) in before.units.iter().zip(&after.units) {
        for (x, y) in a.targets.iter().zip(&b.targets) {
            if x.eval.status != y.eval.status {
                changed.push((
                    a.unit.to_string(),
                    x.eval.target.to_string(),
                    x.eval.status,
                    y.eval.status,
                ));
            }
        }
    }
    // Only Hà Nội sits at exactly 1,500 / 2,000 = 75%.
    assert_eq!(
        changed,
        vec![(
            "ha-noi".to_string(),
            "t6a".to_string(),
            Status::NotMet,
            Status::Met
        )]
    );
}

#[test]
fn invalid_pact_definitions_are_rejected_with_path_and_message() {
    let mut d = doc();
    if let Rule::Rate { threshold_pct, .. } = &mut target_mut(&mut d, "t6a").rule {
        *threshold_pct = dec("120");
    }
    if let Rule::NoIncrease { indicators } = &mut target_mut(&mut d, "t7a").rule {
        indicators.clear();
    }
    let errors = validate(&d);
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert!(
        paths.contains(&"pact.contents[5].targets[0].rule.threshold_pct"),
        "{paths:?}"
    );
    assert!(
        paths
            .iter()
            .any(|p| p.starts_with("pact.contents[6].targets[0].rule.indicators")),
        "{paths:?}"
    );
    for e in &errors {
        assert!(!e.display(Lang::Vi).is_empty() && !e.display(Lang::En).is_empty());
    }
    // A workspace file with such a pact names the pact in the path.
    let text = format!(
        r#"{{"format":"thidua.workspace","schema_version":2,"active":"x","pacts":[{},{}]}}"#,
        doc().to_json(),
        d.to_json()
    );
    let err = Workspace::from_json(&text).unwrap_err();
    let msgs = err.messages(Lang::En).join("\n");
    assert!(
        msgs.contains("pacts[1].pact.contents[5].targets[0].rule.threshold_pct"),
        "{msgs}"
    );
}

#[test]
fn a_workspace_file_round_trips_and_refuses_twin_ids() {
    let a = filled();
    let b = roll_over(&a, 1);
    let ws = Workspace {
        pacts: vec![a.clone(), b.clone()],
        active: 1,
    };
    let back = Workspace::from_json(&ws.export_json()).unwrap();
    assert_eq!(back.active, 1);
    assert_eq!(back.pacts, vec![a.clone(), b]);
    // A single-pact file reads as a workspace of one.
    assert_eq!(Workspace::from_json(&a.to_json()).unwrap().pacts.len(), 1);
    let twins = format!(
        r#"{{"format":"thidua.workspace","schema_version":2,"pacts":[{},{}]}}"#,
        a.to_json(),
        a.to_json()
    );
    let msgs = Workspace::from_json(&twins)
        .unwrap_err()
        .messages(Lang::En)
        .join("\n");
    assert!(msgs.contains("pacts[1].pact.id"), "{msgs}");
    let newer = r#"{"format":"thidua.workspace","schema_version":99,"pacts":[]}"#;
    assert!(
        Workspace::from_json(newer).unwrap_err().messages(Lang::Vi)[0]
            .contains("phiên bản mới hơn")
    );
    assert_eq!(unique_id(&["a", "a-2"], "a"), "a-3");
    assert_eq!(unique_id(&["b"], "a"), "a");
}

fn unit_doc(unit: &str, solved: i64) -> String {
    let mut d = doc();
    set_cur(&mut d, unit, ids::CASES_OCCURRED, Entry::int(2000));
    set_cur(&mut d, unit, ids::CASES_SOLVED, Entry::int(solved));
    d.unit_data_mut(unit).manual.insert(
        "t1".into(),
        thidua_core::data::ManualScore {
            self_score: Entry::int(9),
            ..Default::default()
        },
    );
    export_unit(&d, unit, "2026-11-20T08:00:00Z")
}

#[test]
fn unit_files_merge_into_their_own_units_with_provenance_and_conflicts() {
    let mut cluster = doc();
    // The cluster already holds TP HCM's solved cases, differently.
    set_cur(&mut cluster, "tp-hcm", ids::CASES_SOLVED, Entry::int(1400));
    set_cur(
        &mut cluster,
        "da-nang",
        ids::CASES_OCCURRED,
        Entry::int(2000),
    );
    let files: Vec<(String, Result<_, Refusal>)> = UNITS
        .iter()
        .enumerate()
        .map(|(k, u)| {
            (
                format!("{u}.json"),
                read_unit_file(&unit_doc(u, 1500 + k as i64)),
            )
        })
        .collect();
    let plan = plan_merge(&cluster, &files, Lang::Vi);
    assert!(plan.refused.is_empty(), "{:?}", plan.refused);
    let conflicts: Vec<_> = plan.conflicts().map(|(_, c)| c.clone()).collect();
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    let c = &conflicts[0];
    assert_eq!((c.unit.as_str(), c.review.as_str()), ("tp-hcm", "nam-2023"));
    assert_eq!(c.field, Field::Figure(ids::CASES_SOLVED.into(), Current));
    assert_eq!(
        (c.current.as_str(), c.incoming.as_str()),
        ("1.400", "1.501")
    );
    // Đà Nẵng's equal value is no change at all.
    assert!(!plan
        .changes
        .iter()
        .any(|c| c.unit == "da-nang"
            && c.field == Field::Figure(ids::CASES_OCCURRED.into(), Current)));

    // Keep the cluster's value for the conflict.
    let kept = apply_merge(&cluster, &files, &plan, &|_| false, "2026-11-27T09:00:00Z");
    assert_eq!(
        kept.unit_data("tp-hcm")
            .unwrap()
            .entry(ids::CASES_SOLVED, Current),
        &Entry::int(1400)
    );
    for (k, u) in UNITS.iter().enumerate() {
        let d = kept.unit_data(u).unwrap();
        assert_eq!(d.entry(ids::CASES_OCCURRED, Current), &Entry::int(2000));
        if *u != "tp-hcm" {
            assert_eq!(
                d.entry(ids::CASES_SOLVED, Current),
                &Entry::int(1500 + k as i64)
            );
            let src = &d.sources["figures.cases_solved.current"];
            assert_eq!(src.file, format!("{u}.json"));
            assert_eq!(src.exported_at, "2026-11-20T08:00:00Z");
            assert_eq!(src.merged_at, "2026-11-27T09:00:00Z");
        }
        assert_eq!(d.manual["t1"].self_score, Entry::int(9));
    }
    // Or take the file's.
    let taken = apply_merge(&cluster, &files, &plan, &|_| true, "t");
    assert_eq!(
        taken
            .unit_data("tp-hcm")
            .unwrap()
            .entry(ids::CASES_SOLVED, Current),
        &Entry::int(1501)
    );
    assert!(taken
        .unit_data("tp-hcm")
        .unwrap()
        .sources
        .contains_key("figures.cases_solved.current"));
}

#[test]
fn unit_files_for_another_pact_or_an_unknown_unit_are_refused_and_change_nothing() {
    let cluster = doc();
    let next_year = roll_over(&doc(), 1);
    let mut other = doc();
    other.pact.units[0].id = "quang-ninh".into();
    other.data[0].units[0].unit = "quang-ninh".into();
    other.data[1].units[0].unit = "quang-ninh".into();
    let files = vec![
        (
            "2024.json".to_string(),
            read_unit_file(&export_unit(&next_year, "ha-noi", "t")),
        ),
        (
            "qn.json".to_string(),
            read_unit_file(&export_unit(&other, "quang-ninh", "t")),
        ),
        (
            "a.json".to_string(),
            read_unit_file(&unit_doc("da-nang", 1600)),
        ),
        (
            "b.json".to_string(),
            read_unit_file(&unit_doc("da-nang", 1700)),
        ),
        (
            "junk.json".to_string(),
            read_unit_file("{\"format\":\"thidua.pact\"}"),
        ),
    ];
    let plan = plan_merge(&cluster, &files, Lang::En);
    let refused: Vec<(usize, String)> = plan
        .refused
        .iter()
        .map(|(i, r)| (*i, r.message(Lang::En)))
        .collect();
    assert_eq!(refused.len(), 4, "{refused:?}");
    assert!(
        refused[0].1.contains("another pact") && refused[0].1.contains("cum1-2024"),
        "{refused:?}"
    );
    assert!(refused[1].1.contains("no unit “quang-ninh”"), "{refused:?}");
    assert_eq!(refused[2].0, 3);
    assert!(
        refused[2].1.contains("also for unit “da-nang”"),
        "{refused:?}"
    );
    assert!(
        refused[3]
            .1
            .contains("not a unit file (format = \"thidua.pact\")"),
        "{refused:?}"
    );
    assert!(plan.changes.iter().all(|c| c.file == 2));
    assert!(Refusal::OtherPact {
        id: "x".into(),
        title: Default::default()
    }
    .message(Lang::Vi)
    .contains("giao ước khác"));
}
