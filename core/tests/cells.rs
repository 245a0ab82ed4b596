//! What a cell says about itself: the issue of one typed or stored cell and its words in both
//! languages.

use thidua_core::data::Entry;
use thidua_core::messages::cell_issue_text;
use thidua_core::model::IndicatorKind::{self, Amount, Count};
use thidua_core::Lang;

fn says(entry: &Entry, kind: IndicatorKind, lang: Lang) -> String {
    entry
        .issue(kind)
        .map(|i| cell_issue_text(i, lang).to_string())
        .unwrap_or_default()
}

#[test]
fn an_ambiguous_thousands_in_a_count_says_it_reads_two_ways_in_both_languages() {
    for text in ["1,000", "12,500", "1.000"] {
        let e = Entry::Text(text.into());
        let vi = says(&e, Count, Lang::Vi);
        let en = says(&e, Count, Lang::En);
        assert!(
            vi.contains("hai cách") && vi.contains("1.000"),
            "{text}: {vi}"
        );
        assert!(
            en.contains("two ways") && en.contains("1,000"),
            "{text}: {en}"
        );
    }
    // Other text is simply not a number; an amount is not a whole number, so not ambiguous.
    assert_eq!(
        says(&Entry::Text("12a".into()), Count, Lang::Vi),
        "không phải là số"
    );
    assert_eq!(
        says(&Entry::Text("1,000".into()), Amount, Lang::En),
        "not a number"
    );
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
    use thidua_core::messages::problem_text;
    use thidua_core::{Document, PeriodKind};
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
    let results = doc.evaluate();
    let texts = |lang| -> Vec<String> {
        results
            .units
            .iter()
            .filter(|u| u.unit == "ha-noi")
            .flat_map(|u| u.targets.iter())
            .flat_map(|t| t.eval.problems.iter())
            .map(|p| problem_text(&doc.pact, p, lang))
            .filter(|t| t.contains("thiệt hại tài sản") || t.contains("property loss"))
            .collect()
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
