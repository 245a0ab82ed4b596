//! What would change if one document replaced another: used by the import preview (and by unit
//! file merging), so a person sees the effect before anything is replaced.

use crate::data::{Entry, PeriodKind};
use crate::model::Id;
use crate::Document;
use std::collections::BTreeSet;

/// One figure cell that differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellChange {
    /// The review.
    pub review: Id,
    /// The unit.
    pub unit: Id,
    /// The indicator.
    pub indicator: Id,
    /// The period.
    pub period: PeriodKind,
    /// The value now.
    pub before: Entry,
    /// The value after.
    pub after: Entry,
}

/// A summary of the differences between two documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// The pact definition itself differs (title, targets, thresholds, weights…).
    pub pact_changed: bool,
    /// Units only in the new document.
    pub units_added: Vec<Id>,
    /// Units only in the current document.
    pub units_removed: Vec<Id>,
    /// Figure cells that differ, for units in both.
    pub cells: Vec<CellChange>,
    /// Units whose manual scores or bonus/deduction lines differ.
    pub scores_changed: Vec<Id>,
}

impl Changes {
    /// True when nothing differs.
    pub fn is_empty(&self) -> bool {
        !self.pact_changed
            && self.units_added.is_empty()
            && self.units_removed.is_empty()
            && self.cells.is_empty()
            && self.scores_changed.is_empty()
    }
}

/// The differences from `before` to `after`.
pub fn changes(before: &Document, after: &Document) -> Changes {
    let ids = |d: &Document| -> Vec<Id> { d.pact.units.iter().map(|u| u.id.clone()).collect() };
    let (old_units, new_units) = (ids(before), ids(after));
    let mut out = Changes {
        pact_changed: before.pact != after.pact,
        units_added: new_units
            .iter()
            .filter(|u| !old_units.contains(u))
            .cloned()
            .collect(),
        units_removed: old_units
            .iter()
            .filter(|u| !new_units.contains(u))
            .cloned()
            .collect(),
        ..Changes::default()
    };
    let empty = crate::data::UnitData::default();
    let reviews: BTreeSet<&Id> = before
        .data
        .iter()
        .chain(&after.data)
        .map(|r| &r.review)
        .collect();
    for review in reviews {
        for unit in old_units.iter().filter(|u| new_units.contains(u)) {
            let a = before.unit_data_in(review, unit).unwrap_or(&empty);
            let b = after.unit_data_in(review, unit).unwrap_or(&empty);
            let keys: BTreeSet<&Id> = a.figures.keys().chain(b.figures.keys()).collect();
            for key in keys {
                for period in [PeriodKind::Current, PeriodKind::Baseline] {
                    let (x, y) = (a.entry(key, period), b.entry(key, period));
                    if x != y {
                        out.cells.push(CellChange {
                            review: review.clone(),
                            unit: unit.clone(),
                            indicator: key.clone(),
                            period,
                            before: x.clone(),
                            after: y.clone(),
                        });
                    }
                }
            }
            if (a.manual != b.manual || a.adjustments != b.adjustments)
                && !out.scores_changed.contains(unit)
            {
                out.scores_changed.push(unit.clone());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_changed_cells_and_units() {
        let a = Document::default_pact();
        let mut b = a.clone();
        b.unit_data_mut("ha-noi")
            .set("fires", PeriodKind::Current, Entry::int(2));
        b.pact.units.retain(|u| u.id != "can-tho");
        let c = changes(&a, &b);
        assert!(c.pact_changed);
        assert_eq!(c.units_removed, vec!["can-tho".to_string()]);
        assert_eq!(c.cells.len(), 1);
        assert_eq!(c.cells[0].after, Entry::int(2));
        assert!(changes(&a, &a).is_empty());
    }
}
