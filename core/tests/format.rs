//! The file format: import refusals, JSON paths of type and semantic errors, bilingual messages,
//! hostile input, export and migration.

// The case tables are tuples on purpose: one row per case, read left to right.
#![allow(clippy::type_complexity)]

mod common;

use common::*;
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use thidua_core::document::{migrate, MAX_FILE_BYTES, SCHEMA_VERSION};
use thidua_core::validate::{FieldError, FieldProblem};
use thidua_core::{Document, Entry, ImportError, Lang, PeriodKind, Status};

/// The built-in document with a few figures, as a JSON value.
fn sample() -> Document {
    let mut d = doc();
    set(
        &mut d,
        "ha-noi",
        ids::CRIMES,
        Entry::int(1840),
        Entry::int(1916),
    );
    set_rate(&mut d, "ha-noi", Entry::int(1670), Entry::int(1840));
    set_manual(&mut d, "ha-noi", "t1", Entry::int(9), Entry::Missing);
    d
}

fn value(doc: &Document) -> Value {
    serde_json::from_str(&doc.to_json()).unwrap()
}

/// The sample with the value at a JSON pointer replaced (or added, for a new key).
fn with(pointer: &str, new: Value) -> String {
    let mut v = value(&sample());
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match v
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent}"))
    {
        Value::Object(m) => {
            m.insert(key.to_string(), new);
        }
        Value::Array(a) => a[key.parse::<usize>().unwrap()] = new,
        other => panic!("{parent} is {other}"),
    }
    v.to_string()
}

fn invalid(text: &str) -> Vec<FieldError> {
    match Document::from_json(text) {
        Err(ImportError::Invalid(errors)) => errors,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn a_saved_document_reads_back() {
    let d = sample();
    assert_eq!(Document::from_json(&d.to_json()).unwrap(), d);
    let d = doc();
    assert_eq!(Document::from_json(&d.to_json()).unwrap(), d);
}

/// A document of the current version is read straight from its text; the reading through a
/// JSON value, which every other document takes, gives the very same document; a key given twice
/// is refused by both.
#[test]
fn the_direct_reading_of_the_current_version_is_the_reading_through_a_value() {
    for d in [sample(), doc()] {
        let text = d.to_json();
        let through_value = Document::from_value(value(&d)).unwrap();
        assert_eq!(Document::from_json(&text).unwrap(), through_value);
    }
    // With results (an export): ignored either way.
    let text = sample().export_json();
    assert_eq!(
        Document::from_json(&text).unwrap(),
        Document::from_value(serde_json::from_str(&text).unwrap()).unwrap()
    );
    // "title" given twice in the pact: refused either way, at the key (the value alone would
    // keep the last one, silently).
    let text = sample().to_json().replacen(
        "\"title\":",
        "\"title\":{\"vi\":\"bỏ\",\"en\":\"dropped\"},\"title\":",
        1,
    );
    match Document::from_json(&text) {
        Err(ImportError::Invalid(errors)) => assert_eq!(errors[0].path, "pact.title"),
        other => panic!("{other:?}"),
    }
    assert!(Document::from_value(serde_json::from_str(&text).unwrap()).is_ok());
    // Trailing text after the document is refused, as JSON that is not one value.
    assert!(matches!(
        Document::from_json(&format!("{} x", sample().to_json())),
        Err(ImportError::NotJson { .. })
    ));
}

#[test]
fn files_that_are_not_thidua_documents() {
    let other = |s: &str| ImportError::UnknownFormat {
        found: Some(s.into()),
    };
    let none = ImportError::UnknownFormat { found: None };
    #[rustfmt::skip]
    let cases: Vec<(String, ImportError)> = vec![
        ("{}".into(), none.clone()),
        ("[]".into(), none.clone()),
        ("\"thidua.pact\"".into(), none.clone()),
        (r#"{"schema_version": 1}"#.into(), none),
        (r#"{"format": "other"}"#.into(), other("other")),
        (r#"{"format": "Thidua.Pact"}"#.into(), other("Thidua.Pact")),
        (r#"{"format": 5}"#.into(), other("a number")),
        (r#"{"format": null}"#.into(), other("null")),
        (with("/format", json!("thidua.pact.v2")), other("thidua.pact.v2")),
    ];
    for (text, expected) in cases {
        assert_eq!(Document::from_json(&text), Err(expected), "{text}");
    }
}

#[test]
fn schema_versions() {
    let type_error = |v: Value| {
        let errors = invalid(&with("/schema_version", v));
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].path, "schema_version");
        assert!(matches!(errors[0].problem, FieldProblem::Type { .. }));
    };
    assert_eq!(
        Document::from_json(&with("/schema_version", json!(3))),
        Err(ImportError::NewerVersion { found: 3 })
    );
    assert_eq!(
        Document::from_json(&with("/schema_version", json!(u64::MAX))),
        Err(ImportError::NewerVersion { found: u64::MAX })
    );
    assert_eq!(
        invalid(&with("/schema_version", json!(0))),
        vec![FieldError::new(
            "schema_version",
            FieldProblem::OutOfRange {
                min: Some("1".into()),
                max: Some(SCHEMA_VERSION.to_string())
            }
        )]
    );
    type_error(json!("1"));
    type_error(json!(-1));
    type_error(json!(1.5));
    type_error(serde_json::from_str("1e30").unwrap());
    let mut v = value(&sample());
    v.as_object_mut().unwrap().remove("schema_version");
    assert_eq!(
        invalid(&v.to_string()),
        vec![FieldError::new("schema_version", FieldProblem::Missing)]
    );
}

#[test]
fn type_errors_report_their_json_path() {
    #[rustfmt::skip]
    let cases: &[(&str, Value, &str)] = &[
        ("/pact/contents/3/targets/0/rule/threshold_pct", json!("5%"), "pact.contents[3].targets[0].rule.threshold_pct"),
        ("/pact/contents/3/targets/0/rule/threshold_pct", json!(null), "pact.contents[3].targets[0].rule.threshold_pct"),
        ("/pact/contents/4/targets/1/rule/comparator", json!("lt"), "pact.contents[4].targets[1].rule.comparator"),
        ("/pact/contents/5/targets/0/rule/numerator", json!(7), "pact.contents[5].targets[0].rule.numerator"),
        ("/pact/contents/6/targets/0/rule/indicators/1", json!(3), "pact.contents[6].targets[0].rule.indicators[1]"),
        ("/pact/contents/0/targets/0/rule/kind", json!("bogus"), "pact.contents[0].targets[0].rule.kind"),
        // A field the rule's kind does not have, or lacks: the rule itself.
        ("/pact/contents/3/targets/0/rule/numerator", json!("x"), "pact.contents[3].targets[0].rule"),
        ("/pact/contents/3/targets/0/rule", json!({"kind": "rate"}), "pact.contents[3].targets[0].rule"),
        ("/pact/contents/3/targets/0/max_points", json!(true), "pact.contents[3].targets[0].max_points"),
        ("/pact/contents/3/targets/0/scoring", json!("best"), "pact.contents[3].targets[0].scoring"),
        ("/pact/units/2/name", json!(5), "pact.units[2].name"),
        ("/pact/units/2/role", json!("chief"), "pact.units[2].role"),
        ("/pact/reviews/0/period/start", json!("2023-02-30"), "pact.reviews[0].period.start"),
        ("/pact/stated_total", json!([100]), "pact.stated_total"),
        ("/pact/indicators/16/kind", json!("money"), "pact.indicators[16].kind"),
        ("/data/0/units/0/figures/crimes_social_order/current", json!(true), "data[0].units[0].figures.crimes_social_order.current"),
        ("/data/0/units/0/figures/crimes_social_order/current", json!([1840]), "data[0].units[0].figures.crimes_social_order.current"),
        ("/data/0/units/0/manual/t1/self", json!({}), "data[0].units[0].manual.t1.self"),
        ("/data/0/units/3/adjustments", json!([{"kind": "bonus", "reason": "", "points": true}]), "data[0].units[3].adjustments[0].points"),
        ("/pact/unexpected", json!(1), "pact.unexpected"),
        ("/unexpected", json!(1), "unexpected"),
    ];
    for (pointer, new, path) in cases {
        let errors = invalid(&with(pointer, new.clone()));
        assert_eq!(errors.len(), 1, "{pointer}: {errors:?}");
        assert_eq!(errors[0].path, *path, "{pointer} = {new}");
        assert!(
            matches!(errors[0].problem, FieldProblem::Type { .. }),
            "{pointer}: {errors:?}"
        );
        // The message is the parser's, without a position in some re-serialized text.
        assert!(
            !errors[0].display(Lang::En).contains(" at line "),
            "{errors:?}"
        );
    }
}

#[test]
fn rule_fields_may_come_in_any_order() {
    let kind_last = json!({
        "threshold_pct": 5, "comparator": "ge", "indicator": "crimes_social_order", "kind": "reduction"
    });
    let d = Document::from_json(&with("/pact/contents/3/targets/0/rule", kind_last)).unwrap();
    assert_eq!(d, sample());
    let bad = json!({"threshold_pct": "x", "comparator": "ge", "indicator": "crimes_social_order", "kind": "reduction"});
    let errors = invalid(&with("/pact/contents/3/targets/0/rule", bad));
    assert_eq!(
        errors[0].path,
        "pact.contents[3].targets[0].rule.threshold_pct"
    );
    let manual_with_field = json!({"kind": "manual", "indicators": []});
    let errors = invalid(&with("/pact/contents/0/targets/0/rule", manual_with_field));
    assert_eq!(errors[0].path, "pact.contents[0].targets[0].rule");
}

#[test]
fn a_blank_short_name_in_a_file_takes_the_full_name() {
    // Earlier versions' editor allowed it: such a file or stored workspace must stay readable.
    let mut v = serde_json::to_value(Document::default_pact()).unwrap();
    v["pact"]["units"][3]["short_name"] = json!({"vi": "", "en": " "});
    let doc = Document::from_value(v).unwrap();
    let u = &doc.pact.units[3];
    assert_eq!(u.short_name, u.name);
    assert!(!u.name.vi.is_empty());
}

#[test]
fn semantic_errors_report_every_problem_with_its_path() {
    let e = |path: &str, p: FieldProblem| FieldError::new(path, p);
    let id = |s: &str| s.to_string();
    use FieldProblem::*;
    #[rustfmt::skip]
    let cases: Vec<(Vec<(&str, Value)>, Vec<FieldError>)> = vec![
        // Duplicate unit ids (and tp-hcm's data then names no unit).
        (vec![("/pact/units/1/id", json!("ha-noi"))], vec![
            e("pact.units[1].id", Duplicate { id: id("ha-noi") }),
            e("data[0].units[1].unit", UnknownUnit { id: id("tp-hcm") }),
            e("data[1].units[1].unit", UnknownUnit { id: id("tp-hcm") }),
        ]),
        (vec![("/data/0/units/2/unit", json!("hue"))], vec![e("data[0].units[2].unit", UnknownUnit { id: id("hue") })]),
        (vec![("/data/0/units/2/unit", json!("ha-noi"))], vec![e("data[0].units[2].unit", Duplicate { id: id("ha-noi") })]),
        (vec![("/pact/units/0/id", json!("Hà Nội"))], vec![
            e("pact.units[0].id", BadId { id: id("Hà Nội") }),
            e("data[0].units[0].unit", UnknownUnit { id: id("ha-noi") }),
            e("data[1].units[0].unit", UnknownUnit { id: id("ha-noi") }),
        ]),
        // Data for a review the pact does not have, or twice for one.
        (vec![("/data/1/review", json!("quy-1"))], vec![e("data[1].review", UnknownReview { id: id("quy-1") })]),
        (vec![("/data/1/review", json!("nam-2023"))], vec![e("data[1].review", Duplicate { id: id("nam-2023") })]),
        (vec![("/pact/reviews", json!([]))], vec![
            e("pact.reviews", NoReviews),
            e("data[0].review", UnknownReview { id: id("nam-2023") }),
            e("data[1].review", UnknownReview { id: id("6-thang-2023") }),
        ]),
        (vec![("/pact/units/3/name", json!({"vi": " ", "en": ""}))], vec![e("pact.units[3].name", EmptyText)]),
        (vec![("/pact/contents/5/targets/0/rule/numerator", json!("arrests"))],
            vec![e("pact.contents[5].targets[0].rule.numerator", UnknownIndicator { id: id("arrests") })]),
        (vec![("/pact/contents/5/targets/0/rule/denominator", json!("cases_solved"))],
            vec![e("pact.contents[5].targets[0].rule.denominator", SameIndicator)]),
        (vec![("/pact/contents/3/targets/0/rule/indicator", json!("fire_property_loss"))],
            vec![e("pact.contents[3].targets[0].rule.indicator", NotACount { id: id("fire_property_loss") })]),
        (vec![("/pact/contents/6/targets/0/rule/indicators", json!([]))],
            vec![e("pact.contents[6].targets[0].rule.indicators", NoIndicators)]),
        (vec![("/pact/contents/6/targets/0/rule/indicators/2", json!("traffic_accidents"))],
            vec![e("pact.contents[6].targets[0].rule.indicators[2]", Duplicate { id: id("traffic_accidents") })]),
        (vec![("/pact/contents/3/targets/0/rule/threshold_pct", json!(150))],
            vec![e("pact.contents[3].targets[0].rule.threshold_pct", OutOfRange { min: Some(id("0")), max: Some(id("100")) })]),
        (vec![("/pact/contents/3/targets/0/rule/threshold_pct", json!(-5))],
            vec![e("pact.contents[3].targets[0].rule.threshold_pct", OutOfRange { min: Some(id("0")), max: Some(id("100")) })]),
        (vec![("/pact/contents/5/targets/0/rule/threshold_pct", serde_json::from_str("75.1234567").unwrap())],
            vec![e("pact.contents[5].targets[0].rule.threshold_pct", TooPrecise { max_decimals: 6 })]),
        // "> 100%" can never be met; "= 100%" and "≥ 100%" can.
        (vec![("/pact/contents/5/targets/0/rule/threshold_pct", json!(100))],
            vec![e("pact.contents[5].targets[0].rule.threshold_pct", CannotBeMet)]),
        (vec![("/pact/contents/5/targets/0/rule/threshold_pct", json!(100)), ("/pact/contents/5/targets/0/rule/comparator", json!("ge"))], vec![]),
        (vec![("/pact/contents/0/targets/0/scoring", json!("all_or_nothing"))],
            vec![e("pact.contents[0].targets[0].scoring", ScoringMismatch)]),
        (vec![("/pact/contents/3/targets/0/scoring", json!("manual"))],
            vec![e("pact.contents[3].targets[0].scoring", ScoringMismatch)]),
        (vec![("/pact/contents/2/targets/0/id", json!("t1"))],
            vec![e("pact.contents[2].targets[0].id", Duplicate { id: id("t1") })]),
        (vec![("/pact/contents/3/targets/0/max_points", json!(1000001))],
            vec![e("pact.contents[3].targets[0].max_points", OutOfRange { min: Some(id("0")), max: Some(id("1000000")) })]),
        (vec![("/pact/adjustments/bonus_cap", serde_json::from_str("5.00001").unwrap())],
            vec![e("pact.adjustments.bonus_cap", TooPrecise { max_decimals: 4 })]),
        (vec![("/pact/flags/ministry_levels/0", json!("gold"))],
            vec![e("pact.flags.ministry_levels[0]", UnknownLevel { id: id("gold") })]),
        (vec![("/pact/reviews/0/period/end", json!("2022-01-01"))], vec![e("pact.reviews[0].period.end", PeriodOrder)]),
        (vec![("/data/0/units/1/adjustments", json!([{"kind": "bonus", "reason": "", "points": 2, "rule": "gold"}]))],
            vec![e("data[0].units[1].adjustments[0].rule", UnknownRule { id: id("gold") })]),
        (vec![("/data/0/units/1/adjustments", json!([{"kind": "bonus", "reason": "", "points": 8, "rule": "khong-ky-giao-uoc"}]))],
            vec![e("data[0].units[1].adjustments[0].kind", KindMismatch { id: id("khong-ky-giao-uoc") })]),
        (vec![("/pact/adjustments/rules/1/id", json!("thanh-tich-dot-xuat"))],
            vec![e("pact.adjustments.rules[1].id", Duplicate { id: id("thanh-tich-dot-xuat") })]),
        (vec![("/data/0/units/0/figures/arrests", json!({"current": 3}))],
            vec![e("data[0].units[0].figures.arrests", UnknownIndicator { id: id("arrests") })]),
        (vec![("/data/0/units/0/manual/t4", json!({"self": 3}))],
            vec![e("data[0].units[0].manual.t4", UnknownManualTarget { id: id("t4") })]),
        (vec![("/data/0/units/4/adjustments", json!([{"kind": "deduction", "reason": "", "points": -8}]))],
            vec![e("data[0].units[4].adjustments[0].points", OutOfRange { min: Some(id("0")), max: Some(id("1000000")) })]),
        // Several problems at once are all reported, in document order.
        (vec![("/pact/contents/3/targets/0/rule/threshold_pct", json!(150)), ("/data/0/units/2/unit", json!("hue"))], vec![
            e("pact.contents[3].targets[0].rule.threshold_pct", OutOfRange { min: Some(id("0")), max: Some(id("100")) }),
            e("data[0].units[2].unit", UnknownUnit { id: id("hue") }),
        ]),
    ];
    for (changes, expected) in cases {
        let mut v = value(&sample());
        for (pointer, new) in &changes {
            let (parent, key) = pointer.rsplit_once('/').unwrap();
            match v.pointer_mut(parent).unwrap() {
                Value::Object(m) => {
                    m.insert(key.to_string(), new.clone());
                }
                Value::Array(a) => a[key.parse::<usize>().unwrap()] = new.clone(),
                _ => unreachable!(),
            }
        }
        let got = match Document::from_json(&v.to_string()) {
            Ok(_) => vec![],
            Err(ImportError::Invalid(errors)) => errors,
            Err(other) => panic!("{changes:?}: {other:?}"),
        };
        assert_eq!(got, expected, "{changes:?}");
    }
}

/// Every field problem, one of each (the match below stops compiling when a variant is added).
fn every_field_problem() -> Vec<FieldProblem> {
    use FieldProblem::*;
    let s = |x: &str| x.to_string();
    let all = vec![
        Missing,
        Type {
            message: s("expected a number"),
        },
        Duplicate { id: s("ha-noi") },
        BadId { id: s("Hà Nội") },
        EmptyText,
        UnknownUnit { id: s("hue") },
        UnknownIndicator { id: s("arrests") },
        UnknownManualTarget { id: s("t4") },
        UnknownLevel { id: s("gold") },
        OutOfRange {
            min: Some(s("0")),
            max: Some(s("100")),
        },
        OutOfRange {
            min: Some(s("0")),
            max: None,
        },
        OutOfRange {
            min: None,
            max: Some(s("100")),
        },
        TooPrecise { max_decimals: 6 },
        NotACount {
            id: s("fire_property_loss"),
        },
        SameIndicator,
        NoIndicators,
        CannotBeMet,
        ScoringMismatch,
        PeriodOrder,
        UnknownRule { id: s("gold") },
        NoReviews,
        UnknownReview { id: s("quy-1") },
        KindMismatch {
            id: s("khong-ky-giao-uoc"),
        },
    ];
    for p in &all {
        match p {
            Missing | Type { .. } | Duplicate { .. } | BadId { .. } | EmptyText => {}
            UnknownUnit { .. } | UnknownIndicator { .. } | UnknownManualTarget { .. } => {}
            UnknownLevel { .. } | OutOfRange { .. } | TooPrecise { .. } | NotACount { .. } => {}
            SameIndicator | NoIndicators | CannotBeMet | ScoringMismatch | PeriodOrder => {}
            UnknownRule { .. } | KindMismatch { .. } | NoReviews | UnknownReview { .. } => {}
        }
    }
    all
}

#[test]
fn every_problem_has_distinct_vietnamese_and_english_messages() {
    let mut seen_vi = std::collections::HashSet::new();
    for p in every_field_problem() {
        let (vi, en) = (p.message(Lang::Vi), p.message(Lang::En));
        assert!(!vi.trim().is_empty() && !en.trim().is_empty(), "{p:?}");
        assert_ne!(vi, en, "{p:?}");
        assert!(
            seen_vi.insert(vi.clone()),
            "{p:?} says the same as another problem: {vi}"
        );
        let e = FieldError::new("pact.units[1].id", p.clone());
        assert!(e.display(Lang::Vi).starts_with("pact.units[1].id: "));
        assert!(FieldError::new("", p)
            .display(Lang::En)
            .starts_with("(document): "));
    }
    let errors = [
        ImportError::TooLarge { bytes: 50 << 20 },
        ImportError::NotJson {
            line: 1,
            column: 2,
            message: "EOF".into(),
            too_deep: false,
        },
        ImportError::NotJson {
            line: 1,
            column: 129,
            message: "recursion limit exceeded".into(),
            too_deep: true,
        },
        ImportError::UnknownFormat { found: None },
        ImportError::UnknownFormat {
            found: Some("other".into()),
        },
        ImportError::NewerVersion { found: 3 },
        ImportError::Invalid(vec![FieldError::new("pact.id", FieldProblem::Missing)]),
    ];
    for e in errors {
        let (vi, en) = (e.messages(Lang::Vi), e.messages(Lang::En));
        assert_eq!(vi.len(), en.len(), "{e:?}");
        assert!(!vi.is_empty(), "{e:?}");
        for (v, n) in vi.iter().zip(&en) {
            assert!(!v.trim().is_empty() && !n.trim().is_empty(), "{e:?}");
            assert_ne!(v, n, "{e:?}");
        }
    }
    let newer = ImportError::NewerVersion { found: 3 };
    assert!(newer.messages(Lang::En)[0].contains("newer version"));
    assert!(newer.messages(Lang::Vi)[0].contains("phiên bản mới hơn"));
}

// ---------------------------------------------------------------------------------------------
// Hostile input

fn quickly<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < Duration::from_secs(5), "{what} took {took:?}");
    out
}

#[test]
fn deep_nesting_is_refused_by_the_parser() {
    let n = 10_000;
    let arrays = format!("{}{}", "[".repeat(n), "]".repeat(n));
    let objects = format!("{}1{}", r#"{"a":"#.repeat(n), "}".repeat(n));
    let inside = format!(
        r#"{{"format":"thidua.pact","schema_version":1,"pact":{}}}"#,
        arrays
    );
    for text in [arrays, objects, inside] {
        match quickly("deep nesting", || Document::from_json(&text)) {
            Err(ImportError::NotJson { too_deep, .. }) => assert!(too_deep),
            other => panic!("expected NotJson, got {other:?}"),
        }
    }
    // Ordinary syntax errors are not "too deep" and say where they are.
    #[rustfmt::skip]
    let cases = [("", 1, 0), ("{", 1, 1), ("{\n  \"format\": thidua\n}", 2, 14), ("\u{feff}{}", 1, 1)];
    for (text, line, column) in cases {
        match Document::from_json(text) {
            Err(ImportError::NotJson {
                line: l,
                column: c,
                too_deep,
                ..
            }) => {
                assert_eq!((l, c, too_deep), (line, column, false), "{text:?}")
            }
            other => panic!("{text:?}: expected NotJson, got {other:?}"),
        }
    }
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    // 50 MB that is not even JSON: refused for its size, not its syntax.
    let huge = "x".repeat(50 << 20);
    assert_eq!(
        quickly("50 MB", || Document::from_json(&huge)),
        Err(ImportError::TooLarge { bytes: 50 << 20 })
    );
    let huge_string = format!("\"{}\"", "a".repeat(50 << 20));
    assert!(matches!(
        Document::from_json(&huge_string),
        Err(ImportError::TooLarge { .. })
    ));
    // The limit itself is accepted, one byte more is not.
    let json = sample().to_json();
    let at_limit = format!("{json}{}", " ".repeat(MAX_FILE_BYTES - json.len()));
    assert_eq!(Document::from_json(&at_limit), Ok(sample()));
    let over = format!("{at_limit} ");
    assert_eq!(
        Document::from_json(&over),
        Err(ImportError::TooLarge {
            bytes: MAX_FILE_BYTES + 1
        })
    );
}

#[test]
fn numbers_beyond_the_supported_range_are_invalid_not_a_panic() {
    let big = |s: &str| -> Value { serde_json::from_str(s).unwrap() };
    #[rustfmt::skip]
    let cases: &[(&str, Value, &str)] = &[
        ("/data/0/units/0/figures/crimes_social_order/current", big("1000000000000000000000000000000"), "data[0].units[0].figures.crimes_social_order.current"),
        ("/data/0/units/0/figures/crimes_social_order/current", big("1e30"), "data[0].units[0].figures.crimes_social_order.current"),
        ("/data/0/units/0/figures/crimes_social_order/baseline", big("-1e300"), "data[0].units[0].figures.crimes_social_order.baseline"),
        ("/data/0/units/0/manual/t1/self", big("1e30"), "data[0].units[0].manual.t1.self"),
        ("/pact/contents/3/targets/0/rule/threshold_pct", big("1e30"), "pact.contents[3].targets[0].rule.threshold_pct"),
        ("/pact/stated_total", big("123456789012345678901234567890"), "pact.stated_total"),
    ];
    for (pointer, new, path) in cases {
        let errors = invalid(&with(pointer, new.clone()));
        assert_eq!(errors.len(), 1, "{pointer}: {errors:?}");
        assert_eq!(errors[0].path, *path, "{pointer}");
        assert!(matches!(errors[0].problem, FieldProblem::Type { .. }));
    }
    let errors = invalid(&with(
        "/data/0/units/0/figures/crimes_social_order/current",
        big("1e30"),
    ));
    assert!(errors[0]
        .display(Lang::En)
        .contains("is beyond the supported range"));
    // Within the decimal range but above 10^12: kept as entered, and evaluated as invalid.
    let text = with(
        "/data/0/units/0/figures/crimes_social_order/current",
        big("10000000000000"),
    );
    let d = Document::from_json(&text).unwrap();
    assert_eq!(
        d.unit_data("ha-noi")
            .unwrap()
            .entry(ids::CRIMES, PeriodKind::Current),
        &Entry::int(10_000_000_000_000)
    );
    assert_eq!(eval(&d, "ha-noi", "t4").status, Status::Invalid);
    // Exponent notation within range is read exactly.
    let d = Document::from_json(&with(
        "/data/0/units/0/figures/crimes_social_order/current",
        big("1.84e3"),
    ))
    .unwrap();
    assert_eq!(
        d.unit_data("ha-noi")
            .unwrap()
            .entry(ids::CRIMES, PeriodKind::Current),
        &Entry::int(1840)
    );
}

// ---------------------------------------------------------------------------------------------
// Export and migration

#[test]
fn export_carries_results_that_import_ignores() {
    let d = sample();
    let exported: Value = serde_json::from_str(&d.export_json()).unwrap();
    assert_eq!(
        exported["results"],
        serde_json::to_value(d.evaluate_all()).unwrap()
    );
    assert_eq!(
        exported["results"][0],
        serde_json::to_value(d.evaluate()).unwrap()
    );
    assert_eq!(Document::from_json(&d.export_json()), Ok(d.clone()));
    // Results in a file are never trusted: tampered ones are dropped, not read.
    let mut tampered = exported.clone();
    tampered["results"][0]["units"][0]["total"] = json!("100");
    let back = Document::from_json(&tampered.to_string()).unwrap();
    assert_eq!(back.results, None);
    assert_eq!(back, d);
    assert_eq!(back.evaluate(), d.evaluate());
    // Storage (to_json) never writes results.
    let stored: Value = serde_json::from_str(&d.to_json()).unwrap();
    assert!(stored.get("results").is_none());
}

#[test]
fn migrating_a_current_document_changes_nothing_but_the_version() {
    let v = value(&sample());
    assert_eq!(migrate(v.clone(), SCHEMA_VERSION), v);
    let mut without = v.clone();
    without.as_object_mut().unwrap().remove("schema_version");
    assert_eq!(migrate(without, SCHEMA_VERSION), v);
    let mut other = v.clone();
    other["schema_version"] = json!(0);
    assert_eq!(migrate(other, SCHEMA_VERSION), v);
}

#[test]
fn trailing_zeros_do_not_change_what_a_figure_or_threshold_means() {
    // A value pasted as 1,2500000 is 1.25: valid, and the same before and after a save.
    let mut d = doc();
    for id in [
        ids::FIRES,
        ids::EXPLOSIONS,
        ids::FIRE_DEATHS,
        ids::FIRE_INJURIES,
    ] {
        set(&mut d, "ha-noi", id, num("5.0000000"), Entry::int(5));
    }
    set(
        &mut d,
        "ha-noi",
        ids::FIRE_LOSS,
        num("1.2500000"),
        num("1.25"),
    );
    let back = Document::from_json(&d.to_json()).unwrap();
    assert_eq!(eval(&d, "ha-noi", "t7b").status, Status::Met);
    assert_eq!(eval(&back, "ha-noi", "t7b").status, Status::Met);
    // A threshold written with trailing zeros passes validation.
    let text = with(
        "/pact/contents/5/targets/0/rule/threshold_pct",
        serde_json::from_str("75.00000000").unwrap(),
    );
    assert!(Document::from_json(&text).is_ok());
}

#[path = "../benches/cluster.rs"]
mod cluster;

/// A cluster of 1,000 units exported with every review's results (≈ 7.7 MB, most of it results)
/// imports again, as a pact and as a workspace: the file a person saved is one they can open.
#[test]
fn a_large_export_imports_again() {
    let d = cluster::cluster(1000);
    let text = d.export_json();
    // Pretty printed, it was 18 MB, over the import limit.
    assert!(text.len() < 8_000_000, "{} bytes", text.len());
    match Document::from_json(&text) {
        Ok(back) => assert!(back == d, "the document read back differs"),
        Err(e) => panic!("{e:?}"),
    }
    let ws = thidua_core::workspace::Workspace::single(d.clone());
    let back = thidua_core::workspace::Workspace::from_json(&ws.export_json());
    assert!(back.map(|w| w.pacts) == Ok(vec![d]));
}
