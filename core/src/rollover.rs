//! A new pact for next year from this one ("tạo giao ước năm sau").
//!
//! Units, indicators, contents, targets, scoring, caps, levels and flags are copied. Every review
//! moves on by the given number of years: its new baseline is its old reporting period, and every
//! unit's figure entered for this period (valid or not, as typed) becomes that unit's baseline
//! figure. The new period starts empty: no current figures, no manual scores, no bonus or
//! deduction lines, no provenance. Years written in ids, titles and names (four digits from 1900
//! to 2199 standing on their own, as in `cum1-2023` or "Tổng kết năm 2023") move on too, so the
//! new pact has its own id; the signing date is cleared.

use crate::data::{Entry, PeriodKind, ReviewData, UnitData};
use crate::document::Document;
use crate::i18n::Text;
use crate::model::Period;
use chrono::{Datelike, NaiveDate};

/// Shifts every free-standing year (1900–2199) in `s` by `years`.
pub fn shift_years(s: &str, years: i32) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let run: String = chars[start..i].iter().collect();
            match run.parse::<i32>() {
                Ok(y) if run.len() == 4 && (1900..=2199).contains(&y) => {
                    out.push_str(&(y + years).to_string())
                }
                _ => out.push_str(&run),
            }
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

fn shift_text(t: &Text, years: i32) -> Text {
    Text::new(shift_years(&t.vi, years), shift_years(&t.en, years))
}

/// The same day `years` later (29 February becomes 28 February in a common year).
pub fn shift_date(d: NaiveDate, years: i32) -> NaiveDate {
    let y = d.year() + years;
    d.with_year(y)
        .or_else(|| NaiveDate::from_ymd_opt(y, d.month(), 28))
        .unwrap_or(d)
}

fn shift_period(p: &Period, years: i32) -> Period {
    Period {
        start: shift_date(p.start, years),
        end: shift_date(p.end, years),
    }
}

/// The pact `years` later, with this period's figures as its baselines.
pub fn roll_over(doc: &Document, years: i32) -> Document {
    let mut pact = doc.pact.clone();
    pact.id = shift_years(&pact.id, years);
    pact.title = shift_text(&pact.title, years);
    pact.theme = shift_text(&pact.theme, years);
    pact.signed_on = None;
    for r in &mut pact.reviews {
        r.id = shift_years(&r.id, years);
        r.name = shift_text(&r.name, years);
        r.baseline = r.period.clone();
        r.period = shift_period(&r.period, years);
    }
    let data = doc
        .pact
        .reviews
        .iter()
        .zip(&pact.reviews)
        .map(|(old, new)| ReviewData {
            review: new.id.clone(),
            units: pact
                .units
                .iter()
                .map(|u| {
                    let mut next = UnitData::new(u.id.clone());
                    if let Some(prev) = doc.unit_data_in(&old.id, &u.id) {
                        for (ind, fig) in &prev.figures {
                            if !fig.current.is_missing() {
                                next.set(ind, PeriodKind::Baseline, fig.current.clone());
                            }
                        }
                    }
                    next
                })
                .collect(),
        })
        .collect();
    Document {
        pact,
        data,
        results: None,
        ..doc.clone()
    }
}

/// True when every figure entered for this period in `from` is the baseline in `to` (for tests
/// and checks).
pub fn carries_every_figure(from: &Document, to: &Document) -> bool {
    from.pact
        .reviews
        .iter()
        .zip(&to.pact.reviews)
        .all(|(a, b)| {
            from.review_units(&a.id).iter().all(|d| {
                d.figures.iter().all(|(ind, f)| {
                    f.current.is_missing()
                        || to
                            .unit_data_in(&b.id, &d.unit)
                            .map(|n| n.entry(ind, PeriodKind::Baseline) == &f.current)
                            .unwrap_or(false)
                })
            })
        })
        && to
            .data
            .iter()
            .flat_map(|r| &r.units)
            .flat_map(|d| d.figures.values())
            .all(|f| f.current == Entry::Missing)
}
