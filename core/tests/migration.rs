//! Version 1 files (one reporting period) are migrated to version 2 (reviews) on import.
//! The fixture was written by the version-1 build (`thidua default`, then figures added).

use thidua_core::data::{Entry, PeriodKind};
use thidua_core::document::{SCHEMA_VERSION, V1_REVIEW_ID};
use thidua_core::eval::Gap;
use thidua_core::{Dec, Document, Status};

const V1: &str = include_str!("fixtures/v1-cum1-2023.json");

#[test]
fn a_version_1_file_is_migrated_and_nothing_is_lost() {
    let doc = Document::from_json(V1).expect("a v1 file imports");
    assert_eq!(doc.schema_version, SCHEMA_VERSION);
    assert_eq!(SCHEMA_VERSION, 2);
    // The single period became the pact's only review, with the same dates.
    assert_eq!(doc.pact.reviews.len(), 1);
    let review = &doc.pact.reviews[0];
    assert_eq!(review.id, V1_REVIEW_ID);
    assert_eq!(review.period.start.to_string(), "2022-12-15");
    assert_eq!(review.period.end.to_string(), "2023-12-14");
    assert_eq!(review.baseline.start.to_string(), "2021-12-15");
    assert_eq!(review.baseline.end.to_string(), "2022-12-14");
    // The unit records became that review's data, every cell as it was.
    let hn = doc
        .unit_data_in(V1_REVIEW_ID, "ha-noi")
        .expect("Hà Nội's record");
    assert_eq!(
        hn.entry("crimes_social_order", PeriodKind::Current),
        &Entry::int(1840)
    );
    assert_eq!(
        hn.entry("crimes_social_order", PeriodKind::Baseline),
        &Entry::int(1916)
    );
    assert_eq!(
        hn.entry("fire_property_loss", PeriodKind::Current),
        &Entry::Value(Dec::parse("1.25").unwrap())
    );
    assert_eq!(
        hn.entry("fire_property_loss", PeriodKind::Baseline),
        &Entry::Text("1,3 tỷ".into())
    );
    assert_eq!(hn.manual["t1"].self_remark, "Đủ hồ sơ");
    assert_eq!(hn.adjustments.len(), 1);
    assert_eq!(doc.review_units(V1_REVIEW_ID).len(), 5);
    // And it evaluates as the v1 file meant.
    let r = doc.evaluate();
    assert_eq!(r.review, V1_REVIEW_ID);
    let u = r.unit("ha-noi").expect("Hà Nội");
    let t4 = u.target("t4").expect("t4");
    assert_eq!(t4.eval.status, Status::NotMet);
    assert_eq!(
        t4.eval.gap,
        Some(Gap::ReductionOver {
            allowed_max: 1820,
            over: 20
        })
    );
    assert_eq!(u.target("t6a").map(|t| t.eval.status), Some(Status::Met));
    assert_eq!(u.target("t6b").map(|t| t.eval.status), Some(Status::Met));
    assert_eq!(
        u.target("t7b").map(|t| t.eval.status),
        Some(Status::Invalid)
    );
    assert_eq!(u.bonus.to_string(), "2");
}

#[test]
fn a_migrated_file_is_written_back_as_version_2_and_reads_the_same() {
    let doc = Document::from_json(V1).expect("a v1 file imports");
    let text = doc.to_json();
    assert!(text.contains("\"schema_version\": 2"));
    assert!(!text.contains("\"period\": {\n      \"start\": \"2022-12-15\",\n      \"end\": \"2023-12-14\"\n    },\n    \"baseline\""));
    assert_eq!(Document::from_json(&text), Ok(doc));
}

#[test]
fn a_version_1_file_with_a_bad_field_reports_its_new_path() {
    let mut v: serde_json::Value = serde_json::from_str(V1).unwrap();
    v["pact"]["period"]["end"] = "2020-01-01".into();
    v["data"][0]["unit"] = "hue".into();
    let err = Document::from_value(v).expect_err("invalid");
    let thidua_core::ImportError::Invalid(errors) = err else {
        panic!("expected field errors, got {err:?}");
    };
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        vec!["pact.reviews[0].period.end", "data[0].units[0].unit"]
    );
}
