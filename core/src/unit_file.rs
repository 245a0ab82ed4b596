//! Units' own files: each unit fills in its figures and self scores in its own browser and
//! exports a unit file; the cluster head merges several into the cluster's pact in one step.
//!
//! A unit file is `{"format": "thidua.unit", "schema_version": 2, "pact": <pact id>,
//! "pact_title": {…}, "unit": <unit id>, "exported_at": <time>, "reviews": [{"review": <id>,
//! "data": <the unit's record>}]}`.
//!
//! Merging ([`plan_merge`], then [`apply_merge`]) never changes anything on its own:
//! - a file for another pact (another cluster or year), for a unit or review the pact does not
//!   have, naming an indicator or target the pact does not have, or a second file for the same
//!   unit, is refused with that reason, and nothing of it is merged;
//! - a value the pact does not hold yet is taken; a value equal to the one held changes nothing;
//!   a different value is a conflict, shown cell by cell, and the person chooses; a value the
//!   file does not have never erases one the pact holds;
//! - every value taken records its provenance (file, export time, merge time) in the unit's
//!   `sources`.

use crate::data::{figure_key, Entry, PeriodKind, Source, UnitData};
use crate::document::{Document, ImportError, SCHEMA_VERSION};
use crate::i18n::{Lang, Text};
use crate::model::Id;
use serde::{Deserialize, Serialize};

/// The format tag of a unit file.
pub const UNIT_FORMAT: &str = "thidua.unit";

/// One review's record of the unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitReview {
    /// The review.
    pub review: Id,
    /// What the unit entered.
    pub data: UnitData,
}

/// A unit's own file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitFile {
    /// Always `"thidua.unit"`.
    pub format: String,
    /// The schema version.
    pub schema_version: u32,
    /// The pact it belongs to.
    pub pact: Id,
    /// The pact's title, to name it in a refusal.
    pub pact_title: Text,
    /// The unit.
    pub unit: Id,
    /// When it was exported.
    pub exported_at: String,
    /// The unit's records.
    pub reviews: Vec<UnitReview>,
}

/// Why a unit file is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The file could not be read (the reason, already in the user's language).
    Unreadable(String),
    /// Too large, not JSON, or a field of the wrong type, with where.
    Invalid(ImportError),
    /// JSON, but not a unit file: what its `format` holds, if anything.
    NotUnitFile(Option<String>),
    /// Made by a newer version.
    Newer(u64),
    /// For another pact (another cluster or year).
    OtherPact {
        /// The file's pact id.
        id: String,
        /// Its title.
        title: Text,
    },
    /// A unit the pact does not have.
    UnknownUnit(String),
    /// A review the pact does not have.
    UnknownReview(String),
    /// An indicator the pact does not define.
    UnknownIndicator(String),
    /// A manual target the pact does not have.
    UnknownTarget(String),
    /// A record inside names another unit than the file.
    MixedUnits(String),
    /// Another file of this merge is for the same unit.
    SameUnit {
        /// The unit.
        unit: String,
        /// The other file.
        other: String,
    },
}

impl Refusal {
    /// In words.
    pub fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Refusal::Unreadable(m) if vi => format!("không đọc được tệp của đơn vị: {m}"),
            Refusal::Unreadable(m) => format!("not a readable unit file: {m}"),
            Refusal::Invalid(e) if vi => format!(
                "không đọc được tệp của đơn vị: {}",
                e.messages(lang).join("; ")
            ),
            Refusal::Invalid(e) => {
                format!("not a readable unit file: {}", e.messages(lang).join("; "))
            }
            Refusal::NotUnitFile(Some(f)) if vi => {
                format!("không phải tệp của đơn vị (format = {f})")
            }
            Refusal::NotUnitFile(Some(f)) => format!("not a unit file (format = {f})"),
            Refusal::NotUnitFile(None) if vi => {
                "không phải tệp của đơn vị (thiếu trường “format”)".into()
            }
            Refusal::NotUnitFile(None) => "not a unit file (no “format” field)".into(),
            Refusal::Newer(v) if vi => {
                format!("tệp do phiên bản mới hơn tạo ra (phiên bản định dạng {v})")
            }
            Refusal::Newer(v) => format!("made by a newer version (format version {v})"),
            Refusal::OtherPact { id, title } if vi => format!(
                "tệp thuộc giao ước khác: “{}” ({id}), không phải giao ước đang mở",
                title.get(lang)
            ),
            Refusal::OtherPact { id, title } => format!(
                "the file belongs to another pact: “{}” ({id}), not the open one",
                title.get(lang)
            ),
            Refusal::UnknownUnit(u) if vi => format!("giao ước không có đơn vị “{u}”"),
            Refusal::UnknownUnit(u) => format!("the pact has no unit “{u}”"),
            Refusal::UnknownReview(r) if vi => format!("giao ước không có kỳ đánh giá “{r}”"),
            Refusal::UnknownReview(r) => format!("the pact has no review “{r}”"),
            Refusal::UnknownIndicator(i) if vi => format!("giao ước không có chỉ số “{i}”"),
            Refusal::UnknownIndicator(i) => format!("the pact has no indicator “{i}”"),
            Refusal::UnknownTarget(t) if vi => {
                format!("giao ước không có chỉ tiêu chấm điểm “{t}”")
            }
            Refusal::UnknownTarget(t) => format!("the pact has no scored target “{t}”"),
            Refusal::MixedUnits(u) if vi => format!("tệp chứa số liệu của đơn vị khác (“{u}”)"),
            Refusal::MixedUnits(u) => format!("the file holds another unit's record (“{u}”)"),
            Refusal::SameUnit { unit, other } if vi => {
                format!("tệp “{other}” cũng là của đơn vị “{unit}”; nhập từng tệp một")
            }
            Refusal::SameUnit { unit, other } => {
                format!("“{other}” is also for unit “{unit}”; merge one at a time")
            }
        }
    }
}

/// The unit file of one unit: its records in every review of the pact.
pub fn export_unit(doc: &Document, unit: &str, exported_at: &str) -> String {
    let file = UnitFile {
        format: UNIT_FORMAT.into(),
        schema_version: SCHEMA_VERSION,
        pact: doc.pact.id.clone(),
        pact_title: doc.pact.title.clone(),
        unit: unit.into(),
        exported_at: exported_at.into(),
        reviews: doc
            .pact
            .reviews
            .iter()
            .map(|r| UnitReview {
                review: r.id.clone(),
                data: doc.unit_data_in(&r.id, unit).cloned().map_or_else(
                    || UnitData::new(unit),
                    |mut d| {
                        // Provenance is the cluster's bookkeeping, not the unit's.
                        d.sources.clear();
                        d
                    },
                ),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads a unit file (without checking it against a pact).
pub fn read_unit_file(text: &str) -> Result<UnitFile, Refusal> {
    let value = crate::document::parse_json(text).map_err(Refusal::Invalid)?;
    if value.get("format").and_then(|f| f.as_str()) != Some(UNIT_FORMAT) {
        return Err(Refusal::NotUnitFile(
            value.get("format").map(|f| f.to_string()),
        ));
    }
    if let Some(v) = value.get("schema_version").and_then(|v| v.as_u64()) {
        if v > u64::from(SCHEMA_VERSION) {
            return Err(Refusal::Newer(v));
        }
    }
    crate::document::read_typed(&value.to_string()).map_err(Refusal::Invalid)
}

/// Checks a unit file against the open pact.
pub fn check(doc: &Document, file: &UnitFile) -> Result<(), Refusal> {
    let pact = &doc.pact;
    if file.pact != pact.id {
        return Err(Refusal::OtherPact {
            id: file.pact.clone(),
            title: file.pact_title.clone(),
        });
    }
    if pact.unit(&file.unit).is_none() {
        return Err(Refusal::UnknownUnit(file.unit.clone()));
    }
    for r in &file.reviews {
        if pact.review(&r.review).is_none() {
            return Err(Refusal::UnknownReview(r.review.clone()));
        }
        if r.data.unit != file.unit {
            return Err(Refusal::MixedUnits(r.data.unit.clone()));
        }
        if let Some(i) = r.data.figures.keys().find(|i| pact.indicator(i).is_none()) {
            return Err(Refusal::UnknownIndicator(i.clone()));
        }
        let manual = |t: &str| {
            pact.target(t)
                .is_some_and(|t| t.rule == crate::model::Rule::Manual)
        };
        if let Some(t) = r.data.manual.keys().find(|t| !manual(t)) {
            return Err(Refusal::UnknownTarget(t.clone()));
        }
    }
    Ok(())
}

/// One field of a unit's record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    /// A figure.
    Figure(Id, PeriodKind),
    /// A manual target's self score.
    SelfScore(Id),
    /// Its remark.
    SelfRemark(Id),
    /// The verified score.
    Verified(Id),
    /// Its remark.
    VerifiedRemark(Id),
    /// The bonus and deduction lines, as a whole.
    Adjustments,
}

impl Field {
    /// The provenance key (see [`UnitData::sources`]).
    pub fn key(&self) -> String {
        match self {
            Field::Figure(i, p) => figure_key(i, *p),
            Field::SelfScore(t) => format!("manual.{t}.self"),
            Field::SelfRemark(t) => format!("manual.{t}.self_remark"),
            Field::Verified(t) => format!("manual.{t}.verified"),
            Field::VerifiedRemark(t) => format!("manual.{t}.verified_remark"),
            Field::Adjustments => "adjustments".into(),
        }
    }
}

/// A value a file brings.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// Which file (index into the merged files).
    pub file: usize,
    /// The review.
    pub review: Id,
    /// The unit.
    pub unit: Id,
    /// The field.
    pub field: Field,
    /// What the pact holds now, for display ("" when empty).
    pub current: String,
    /// What the file holds, for display.
    pub incoming: String,
    /// True when the pact holds a different value: the person chooses.
    pub conflict: bool,
}

/// What merging would do.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct MergePlan {
    /// The values to take (conflicts only if chosen).
    pub changes: Vec<Change>,
    /// Files refused, by index, with the reason; nothing of them is merged.
    pub refused: Vec<(usize, Refusal)>,
}

impl MergePlan {
    /// The conflicts, with their index in `changes`.
    pub fn conflicts(&self) -> impl Iterator<Item = (usize, &Change)> {
        self.changes.iter().enumerate().filter(|(_, c)| c.conflict)
    }
}

fn entry_text(e: &Entry, lang: Lang) -> String {
    e.display(lang)
}

fn adjustments_text(d: &UnitData, lang: Lang) -> String {
    d.adjustments
        .iter()
        .map(|a| {
            let sign = match a.kind {
                crate::data::AdjustmentKind::Bonus => "+",
                crate::data::AdjustmentKind::Deduction => "−",
            };
            format!(
                "{sign}{} {}",
                crate::i18n::format_dec(a.points, lang),
                a.reason
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Compares files (name, parsed file or why it is unreadable) with the pact.
pub fn plan_merge(
    doc: &Document,
    files: &[(String, Result<UnitFile, Refusal>)],
    lang: Lang,
) -> MergePlan {
    let mut plan = MergePlan::default();
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (i, (_, file)) in files.iter().enumerate() {
        let file = match file {
            Ok(f) => f,
            Err(r) => {
                plan.refused.push((i, r.clone()));
                continue;
            }
        };
        if let Err(r) = check(doc, file) {
            plan.refused.push((i, r));
            continue;
        }
        if let Some((_, j)) = seen.iter().find(|(u, _)| *u == file.unit) {
            plan.refused.push((
                i,
                Refusal::SameUnit {
                    unit: file.unit.clone(),
                    other: files[*j].0.clone(),
                },
            ));
            continue;
        }
        seen.push((file.unit.clone(), i));
        for r in &file.reviews {
            let empty = UnitData::new(file.unit.clone());
            let held = doc.unit_data_in(&r.review, &file.unit).unwrap_or(&empty);
            let mut push = |field: Field, cur: String, inc: String, same: bool, cur_empty: bool| {
                if !same {
                    plan.changes.push(Change {
                        file: i,
                        review: r.review.clone(),
                        unit: file.unit.clone(),
                        field,
                        current: cur,
                        incoming: inc,
                        conflict: !cur_empty,
                    });
                }
            };
            for (ind, fig) in &r.data.figures {
                for p in [PeriodKind::Baseline, PeriodKind::Current] {
                    let (inc, cur) = (fig.get(p), held.entry(ind, p));
                    if !inc.is_missing() {
                        push(
                            Field::Figure(ind.clone(), p),
                            entry_text(cur, lang),
                            entry_text(inc, lang),
                            inc == cur,
                            cur.is_missing(),
                        );
                    }
                }
            }
            for (t, m) in &r.data.manual {
                let h = held.manual.get(t).cloned().unwrap_or_default();
                for (field, inc, cur) in [
                    (Field::SelfScore(t.clone()), &m.self_score, &h.self_score),
                    (Field::Verified(t.clone()), &m.verified, &h.verified),
                ] {
                    if !inc.is_missing() {
                        push(
                            field,
                            entry_text(cur, lang),
                            entry_text(inc, lang),
                            inc == cur,
                            cur.is_missing(),
                        );
                    }
                }
                for (field, inc, cur) in [
                    (Field::SelfRemark(t.clone()), &m.self_remark, &h.self_remark),
                    (
                        Field::VerifiedRemark(t.clone()),
                        &m.verified_remark,
                        &h.verified_remark,
                    ),
                ] {
                    if !inc.trim().is_empty() {
                        push(
                            field,
                            cur.clone(),
                            inc.clone(),
                            inc == cur,
                            cur.trim().is_empty(),
                        );
                    }
                }
            }
            if !r.data.adjustments.is_empty() {
                push(
                    Field::Adjustments,
                    adjustments_text(held, lang),
                    adjustments_text(&r.data, lang),
                    r.data.adjustments == held.adjustments,
                    held.adjustments.is_empty(),
                );
            }
        }
    }
    plan
}

/// Applies a plan: every non-conflicting change, and the conflicts `take` says to take from the
/// file. Each value taken records where it came from.
pub fn apply_merge(
    doc: &Document,
    files: &[(String, Result<UnitFile, Refusal>)],
    plan: &MergePlan,
    take: &dyn Fn(usize) -> bool,
    merged_at: &str,
) -> Document {
    let mut out = doc.clone();
    for (n, c) in plan.changes.iter().enumerate() {
        if c.conflict && !take(n) {
            continue;
        }
        let Some((name, Ok(file))) = files.get(c.file) else {
            continue;
        };
        let Some(src) = file.reviews.iter().find(|r| r.review == c.review) else {
            continue;
        };
        let d = out.unit_data_in_mut(&c.review, &c.unit);
        let from = &src.data;
        match &c.field {
            Field::Figure(ind, p) => d.set(ind, *p, from.entry(ind, *p).clone()),
            Field::SelfScore(t)
            | Field::Verified(t)
            | Field::SelfRemark(t)
            | Field::VerifiedRemark(t) => {
                let Some(m) = from.manual.get(t) else {
                    continue;
                };
                let h = d.manual.entry(t.clone()).or_default();
                match &c.field {
                    Field::SelfScore(_) => h.self_score = m.self_score.clone(),
                    Field::Verified(_) => h.verified = m.verified.clone(),
                    Field::SelfRemark(_) => h.self_remark = m.self_remark.clone(),
                    _ => h.verified_remark = m.verified_remark.clone(),
                }
            }
            Field::Adjustments => d.adjustments = from.adjustments.clone(),
        }
        d.sources.insert(
            c.field.key(),
            Source {
                file: name.clone(),
                exported_at: file.exported_at.clone(),
                merged_at: merged_at.into(),
            },
        );
    }
    out
}
