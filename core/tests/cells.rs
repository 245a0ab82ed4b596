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
