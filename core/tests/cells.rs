//! What a cell says about itself: the issue of one typed or stored cell and its words in both
//! languages.

use thidua_core::data::Entry;
use thidua_core::messages::{cell_issue_text, problem_text};
use thidua_core::model::IndicatorKind::{self, Amount, Count};
use thidua_core::{Document, Lang};

fn says(entry: &Entry, kind: IndicatorKind, lang: Lang) -> String {
    entry
        .issue(kind, lang)
        .map(|i| cell_issue_text(i, lang).to_string())
        .unwrap_or_default()
}

#[test]
fn an_ambiguous_thousands_in_a_count_says_it_reads_two_ways_in_both_languages() {
    // Ambiguous in the language it is seen in: a comma in Vietnamese, a dot in English.
    for text in ["1,000", "12,500"] {
        let vi = says(&Entry::Text(text.into()), Count, Lang::Vi);
        assert!(
            vi.contains("hai cách") && vi.contains("1.000"),
            "{text}: {vi}"
        );
    }
    let en = says(&Entry::Text("1.000".into()), Count, Lang::En);
    assert!(en.contains("two ways") && en.contains("1,000"), "{en}");
    // Other text is simply not a number; an amount is not a whole number, so not ambiguous.
    assert_eq!(
        says(&Entry::Text("12a".into()), Count, Lang::Vi),
        "không phải là số"
    );
    assert!(!says(&Entry::Text("1,000".into()), Amount, Lang::Vi).contains("hai cách"));
}

#[test]
fn an_ambiguous_thousands_stays_ambiguous_when_the_language_is_switched() {
    // "1,000" typed in Vietnamese is kept as text; in English it would read as 1000, but it was
    // not typed there: it must not be taken for a number from a file. Likewise "1.000" typed in
    // English and seen in Vietnamese.
    let en = says(&Entry::Text("1,000".into()), Count, Lang::En);
    assert!(en.contains("two ways") && !en.contains("JSON"), "{en}");
    let vi = says(&Entry::Text("1.000".into()), Count, Lang::Vi);
    assert!(vi.contains("hai cách") && !vi.contains("JSON"), "{vi}");
}

#[test]
fn an_amount_with_too_many_decimals_says_so_not_too_large() {
    let e = Entry::from_input("0,0000001", Lang::Vi);
    let vi = says(&e, Amount, Lang::Vi);
    let en = says(&e, Amount, Lang::En);
    assert!(vi.contains("chữ số thập phân") && vi.contains('6'), "{vi}");
    assert!(en.contains("decimal places") && en.contains('6'), "{en}");
    assert!(
        !vi.contains("quá lớn") && !en.contains("too large"),
        "{vi} / {en}"
    );
    // Trailing zeros are not decimals; a large amount is still too large.
    assert_eq!(
        says(&Entry::from_input("1,50000000", Lang::Vi), Amount, Lang::Vi),
        ""
    );
    let big = Entry::from_input("1000000000001", Lang::En);
    assert!(says(&big, Amount, Lang::En).contains("too large"));
}

#[test]
fn evaluation_says_an_amount_has_too_many_decimals() {
    use thidua_core::default_pact::ids;
    use thidua_core::PeriodKind;
    let mut doc = Document::default_pact();
    let d = doc.unit_data_mut("ha-noi");
    for id in [
        ids::FIRES,
        ids::EXPLOSIONS,
        ids::FIRE_DEATHS,
        ids::FIRE_INJURIES,
    ] {
        d.set(id, PeriodKind::Current, Entry::int(0));
        d.set(id, PeriodKind::Baseline, Entry::int(0));
    }
    d.set(
        ids::FIRE_LOSS,
        PeriodKind::Current,
        Entry::from_input("0.0000001", Lang::En),
    );
    d.set(ids::FIRE_LOSS, PeriodKind::Baseline, Entry::int(1));
    let texts = |lang| {
        ha_noi_problems(&doc, lang, |t| {
            t.contains("thiệt hại tài sản") || t.contains("property loss")
        })
    };
    let (vi, en) = (texts(Lang::Vi), texts(Lang::En));
    assert!(!vi.is_empty() && !en.is_empty());
    for t in vi {
        assert!(t.contains("quá nhiều chữ số thập phân (tối đa 6)"), "{t}");
    }
    for t in en {
        assert!(t.contains("too many decimal places (at most 6)"), "{t}");
    }
}

#[test]
fn a_figure_written_as_a_json_string_says_a_file_needs_a_json_number() {
    // "1.234" typed in the Vietnamese grid reads as 1234; from a file it is a string, kept as
    // text. The cell says what is wrong, not only "not a number".
    // (In a count, one separator before three digits is ambiguous in one of the two languages
    // and says so in both, see above; more groups are not.)
    for (kind, vi, en) in [
        (Count, "1.234.567", "1,234,567"),
        (Amount, "1.234", "1,234"),
    ] {
        let vi = says(&Entry::Text(vi.into()), kind, Lang::Vi);
        let en = says(&Entry::Text(en.into()), kind, Lang::En);
        assert!(vi.contains("số JSON") && vi.contains("giữ nguyên"), "{vi}");
        assert!(en.contains("JSON number") && en.contains("kept"), "{en}");
    }
    assert_eq!(
        says(&Entry::Text("12a".into()), Amount, Lang::Vi),
        "không phải là số"
    );
}

#[test]
fn evaluation_says_a_figure_in_a_file_must_be_a_json_number() {
    let mut v = serde_json::to_value(Document::default_pact()).unwrap_or_default();
    v["data"][0]["units"][0]["figures"] = serde_json::json!({
        "cases_occurred": { "current": "1.234" },
        "crimes_social_order": { "current": "1840" },
        "cases_solved": { "current": "12a" }
    });
    let doc = match Document::from_json(&v.to_string()) {
        Ok(d) => d,
        Err(e) => panic!("{:?}", e.messages(Lang::En)),
    };
    let texts = |lang| ha_noi_problems(&doc, lang, |t| t.contains('“'));
    let vi = texts(Lang::Vi).join("\n");
    let en = texts(Lang::En).join("\n");
    assert!(
        vi.contains("“1840” là chữ, không phải số (trong tệp, số liệu phải là số JSON"),
        "{vi}"
    );
    // A thousand or a one? Which convention the file's writer used is not known either.
    assert!(vi.contains("“1.234” có thể hiểu theo hai cách"), "{vi}");
    assert!(en.contains("“1.234” could be read two ways"), "{en}");
    assert!(vi.contains("“12a” không phải là số hợp lệ"), "{vi}");
    assert!(
        en.contains("“1840” is text, not a number (a figure in a file must be a JSON number"),
        "{en}"
    );
}

/// Hà Nội's problems in the evaluation of `doc`, worded in `lang`, those that `keep` keeps.
fn ha_noi_problems(doc: &Document, lang: Lang, keep: impl Fn(&str) -> bool) -> Vec<String> {
    let results = doc.evaluate();
    results
        .units
        .iter()
        .filter(|u| u.unit == "ha-noi")
        .flat_map(|u| u.targets.iter())
        .flat_map(|t| t.eval.problems.iter())
        .map(|p| problem_text(&doc.pact, p, lang))
        .filter(|t| keep(t))
        .collect()
}
