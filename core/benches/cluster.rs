//! A synthetic cluster for benchmarks and profiling: `n` units with varied, valid figures.

use thidua_core::data::{Entry, ManualScore, PeriodKind, UnitData};
use thidua_core::model::{Role, Unit};
use thidua_core::{Document, Text};

/// A valid cluster of `n` units with plausible, varied figures for every indicator and verified
/// scores in the main review.
pub fn cluster(n: usize) -> Document {
    let mut doc = Document::default_pact();
    doc.pact.units = (0..n)
        .map(|i| Unit {
            id: format!("u{i}"),
            name: Text::new(format!("Công an đơn vị {i}"), format!("Unit {i} Police")),
            short_name: Text::new(format!("ĐV {i}"), format!("U {i}")),
            role: if i == 0 {
                Role::ClusterHead
            } else {
                Role::Member
            },
        })
        .collect();
    let indicators: Vec<String> = doc.pact.indicators.iter().map(|d| d.id.clone()).collect();
    doc.data[0].units = (0..n)
        .map(|i| {
            let mut d = UnitData::new(format!("u{i}"));
            for (k, id) in indicators.iter().enumerate() {
                let base = 1000 + ((i * 37 + k * 101) % 900) as i64;
                d.set(id, PeriodKind::Baseline, Entry::int(base));
                d.set(
                    id,
                    PeriodKind::Current,
                    Entry::int(base - 60 + (i % 120) as i64),
                );
            }
            // Solved never exceeds occurred.
            for (num, den) in [
                ("cases_solved", "cases_occurred"),
                ("serious_cases_solved", "serious_cases_occurred"),
                ("reports_resolved", "reports_to_resolve"),
                ("reports_processed", "reports_received"),
            ] {
                if let Some(Entry::Value(v)) = d.figures.get(den).map(|f| f.current.clone()) {
                    let v = v.to_i128().unwrap_or(0) as i64;
                    d.set(
                        num,
                        PeriodKind::Current,
                        Entry::int(v * (70 + (i % 30) as i64) / 100),
                    );
                }
            }
            for t in ["t1", "t2", "t3"] {
                d.manual.insert(
                    t.into(),
                    ManualScore {
                        verified: Entry::int(7 + (i % 4) as i64),
                        ..ManualScore::default()
                    },
                );
            }
            d
        })
        .collect();
    // The other reviews get an empty record per unit, as the built-in document has, so that the
    // document is valid (it is also stored, imported and exported by the benchmarks).
    for review in doc.data.iter_mut().skip(1) {
        review.units = (0..n).map(|i| UnitData::new(format!("u{i}"))).collect();
    }
    doc
}
