//! Semantic validation of a document: every problem, each with its JSON path and a message in
//! Vietnamese and English.
//!
//! Validation checks what the types cannot: unique ids, references to known units, indicators,
//! targets and levels, thresholds and points in range, rules that can be met, consistent scoring
//! and periods in order. It does **not** reject a figure because it is negative or too large: that
//! is the user's data, kept as entered, and evaluation reports it as `invalid` for the targets it
//! touches (so a document that was saved can always be loaded again).

use crate::eval::MAX_THRESHOLD_SCALE;
use crate::i18n::Lang;
use crate::model::{Comparator, Id, IndicatorKind, Rule, ScoringMethod};
use crate::num::Dec;
use crate::Document;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// The most points a target, cap or line may carry.
pub const MAX_POINTS: i64 = 1_000_000;
/// The most decimal places for points.
pub const MAX_POINTS_SCALE: u32 = 4;

/// A problem at a JSON path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// Where, e.g. `pact.contents[3].targets[0].rule.threshold_pct`.
    pub path: String,
    /// What.
    pub problem: FieldProblem,
}

impl FieldError {
    /// Builds an error.
    pub fn new(path: impl Into<String>, problem: FieldProblem) -> FieldError {
        FieldError {
            path: path.into(),
            problem,
        }
    }

    /// "path: message" in a language.
    pub fn display(&self, lang: Lang) -> String {
        let path = if self.path.is_empty() {
            crate::messages::l(lang, "(tài liệu)", "(document)")
        } else {
            &self.path
        };
        format!("{path}: {}", self.problem.message(lang))
    }
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FieldProblem {
    /// A required field is absent.
    Missing,
    /// Wrong type or shape (the parser's message).
    Type {
        /// The parser's message.
        message: String,
    },
    /// An id appears twice.
    Duplicate {
        /// The id.
        id: String,
    },
    /// An id is empty or uses characters other than a-z, 0-9, `-`, `_`.
    BadId {
        /// The id.
        id: String,
    },
    /// A required text is empty in both languages.
    EmptyText,
    /// A unit that the pact does not have.
    UnknownUnit {
        /// The id.
        id: String,
    },
    /// An indicator that the pact does not define.
    UnknownIndicator {
        /// The id.
        id: String,
    },
    /// A target that the pact does not have, or that is not manual.
    UnknownManualTarget {
        /// The id.
        id: String,
    },
    /// A classification level that the pact does not have.
    UnknownLevel {
        /// The id.
        id: String,
    },
    /// A number outside its allowed range.
    OutOfRange {
        /// Smallest allowed.
        min: Option<String>,
        /// Largest allowed.
        max: Option<String>,
    },
    /// Too many decimal places.
    TooPrecise {
        /// The most allowed.
        max_decimals: u32,
    },
    /// A rate or reduction that reads an amount instead of a count.
    NotACount {
        /// The indicator.
        id: String,
    },
    /// A rate whose numerator and denominator are the same indicator.
    SameIndicator,
    /// A rule that reads no indicator.
    NoIndicators,
    /// A threshold no value can meet (e.g. above 100%).
    CannotBeMet,
    /// Manual scoring on a non-manual rule, or the other way round.
    ScoringMismatch,
    /// A period that ends before it starts.
    PeriodOrder,
    /// A pact without any review period.
    NoReviews,
    /// A review that the pact does not have.
    UnknownReview {
        /// The id.
        id: String,
    },
    /// A bonus or deduction rule that the pact does not have.
    UnknownRule {
        /// The id.
        id: String,
    },
    /// A line whose kind differs from its rule's (a bonus line on a deduction rule).
    KindMismatch {
        /// The rule id.
        id: String,
    },
}

impl FieldProblem {
    /// The message in a language.
    pub fn message(&self, lang: Lang) -> String {
        use FieldProblem::*;
        let vi = lang == Lang::Vi;
        match self {
            Missing => pick(vi, "thiếu trường bắt buộc", "required field is missing").into(),
            Type { message } => crate::messages::reader_message(message, lang),
            Duplicate { id } => pick_fmt(
                vi,
                format!("mã “{id}” bị trùng"),
                format!("id “{id}” appears more than once"),
            ),
            BadId { id } => pick_fmt(
                vi,
                format!("mã “{id}” không hợp lệ: chỉ dùng chữ thường a–z, số, “-” và “_”"),
                format!("id “{id}” is not valid: use only lowercase a–z, digits, “-” and “_”"),
            ),
            EmptyText => pick(
                vi,
                "cần có nội dung (tiếng Việt hoặc tiếng Anh)",
                "must not be empty (in Vietnamese or English)",
            )
            .into(),
            UnknownUnit { id } => pick_fmt(
                vi,
                format!("không có đơn vị “{id}” trong giao ước"),
                format!("the pact has no unit “{id}”"),
            ),
            UnknownIndicator { id } => pick_fmt(
                vi,
                format!("không có chỉ số “{id}” trong giao ước"),
                format!("the pact has no indicator “{id}”"),
            ),
            UnknownManualTarget { id } => pick_fmt(
                vi,
                format!("“{id}” không phải chỉ tiêu chấm điểm thủ công của giao ước"),
                format!("“{id}” is not a manually scored target of the pact"),
            ),
            UnknownLevel { id } => pick_fmt(
                vi,
                format!("không có mức xếp loại “{id}”"),
                format!("there is no classification level “{id}”"),
            ),
            OutOfRange { min, max } => {
                let range = match (min, max) {
                    (Some(a), Some(b)) => format!("{a} – {b}"),
                    (Some(a), None) => format!("≥ {a}"),
                    (None, Some(b)) => format!("≤ {b}"),
                    (None, None) => String::new(),
                };
                pick_fmt(
                    vi,
                    format!("giá trị ngoài phạm vi cho phép ({range})"),
                    format!("value out of the allowed range ({range})"),
                )
            }
            TooPrecise { max_decimals } => pick_fmt(
                vi,
                format!("quá nhiều chữ số thập phân (tối đa {max_decimals})"),
                format!("too many decimal places (at most {max_decimals})"),
            ),
            NotACount { id } => pick_fmt(
                vi,
                format!(
                    "tỷ lệ và mức giảm phải dùng chỉ số đếm (số vụ, số người), “{id}” là số tiền"
                ),
                format!("rates and reductions must read counts, and “{id}” is an amount"),
            ),
            SameIndicator => pick(
                vi,
                "tử số và mẫu số là cùng một chỉ số",
                "numerator and denominator are the same indicator",
            )
            .into(),
            NoIndicators => pick(
                vi,
                "chỉ tiêu chưa đọc chỉ số nào",
                "the target reads no indicator",
            )
            .into(),
            CannotBeMet => pick(
                vi,
                "không đơn vị nào có thể đạt ngưỡng này",
                "no unit can ever meet this threshold",
            )
            .into(),
            ScoringMismatch => pick(
                vi,
                "cách chấm “thủ công” chỉ dùng cho chỉ tiêu chấm thủ công, và ngược lại",
                "manual scoring goes with a manual target, and only with one",
            )
            .into(),
            PeriodOrder => pick(
                vi,
                "ngày kết thúc trước ngày bắt đầu",
                "the period ends before it starts",
            )
            .into(),
            NoReviews => pick(
                vi,
                "giao ước cần ít nhất một kỳ đánh giá",
                "the pact needs at least one review period",
            )
            .into(),
            UnknownReview { id } => pick_fmt(
                vi,
                format!("giao ước không có kỳ đánh giá “{id}”"),
                format!("the pact has no review “{id}”"),
            ),
            UnknownRule { id } => pick_fmt(
                vi,
                format!("giao ước không có quy định thưởng/trừ “{id}”"),
                format!("the pact has no bonus or deduction rule “{id}”"),
            ),
            KindMismatch { id } => pick_fmt(
                vi,
                format!("loại (thưởng/trừ) khác với quy định “{id}”"),
                format!("the kind (bonus/deduction) differs from rule “{id}”"),
            ),
        }
    }
}

fn pick(vi: bool, a: &'static str, b: &'static str) -> &'static str {
    if vi {
        a
    } else {
        b
    }
}

fn pick_fmt(vi: bool, a: String, b: String) -> String {
    if vi {
        a
    } else {
        b
    }
}

/// True for a well-formed id.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    fn push(&mut self, path: impl Into<String>, p: FieldProblem) {
        self.errors.push(FieldError::new(path, p));
    }

    fn ids<'a>(&mut self, base: &str, items: impl Iterator<Item = (usize, &'a Id)>) {
        let mut seen = HashSet::new();
        for (i, id) in items {
            let path = format!("{base}[{i}].id");
            if !is_valid_id(id) {
                self.push(&path, FieldProblem::BadId { id: id.clone() });
            } else if !seen.insert(id.as_str()) {
                self.push(&path, FieldProblem::Duplicate { id: id.clone() });
            }
        }
    }

    fn text(&mut self, path: String, t: &crate::i18n::Text) {
        if t.vi.trim().is_empty() && t.en.trim().is_empty() {
            self.push(path, FieldProblem::EmptyText);
        }
    }

    fn points(&mut self, path: String, d: Dec) {
        if d.is_negative() || d > Dec::int(MAX_POINTS) {
            self.push(
                path,
                FieldProblem::OutOfRange {
                    min: Some("0".into()),
                    max: Some(MAX_POINTS.to_string()),
                },
            );
        } else if d.scale() > MAX_POINTS_SCALE {
            self.push(
                path,
                FieldProblem::TooPrecise {
                    max_decimals: MAX_POINTS_SCALE,
                },
            );
        }
    }

    fn percent(&mut self, path: String, d: Dec) -> bool {
        if d.is_negative() || d > Dec::int(100) {
            self.push(
                path,
                FieldProblem::OutOfRange {
                    min: Some("0".into()),
                    max: Some("100".into()),
                },
            );
            false
        } else if d.scale() > MAX_THRESHOLD_SCALE {
            self.push(
                path,
                FieldProblem::TooPrecise {
                    max_decimals: MAX_THRESHOLD_SCALE,
                },
            );
            false
        } else {
            true
        }
    }
}

/// Every semantic problem of a document (empty = valid).
pub fn validate(doc: &Document) -> Vec<FieldError> {
    let mut c = Checker { errors: Vec::new() };
    let pact = &doc.pact;
    if !is_valid_id(&pact.id) {
        c.push(
            "pact.id",
            FieldProblem::BadId {
                id: pact.id.clone(),
            },
        );
    }
    c.text("pact.title".into(), &pact.title);
    c.ids(
        "pact.reviews",
        pact.reviews.iter().map(|r| &r.id).enumerate(),
    );
    if pact.reviews.is_empty() {
        c.push("pact.reviews", FieldProblem::NoReviews);
    }
    for (i, r) in pact.reviews.iter().enumerate() {
        c.text(format!("pact.reviews[{i}].name"), &r.name);
        for (name, p) in [("period", &r.period), ("baseline", &r.baseline)] {
            if p.end < p.start {
                c.push(
                    format!("pact.reviews[{i}].{name}.end"),
                    FieldProblem::PeriodOrder,
                );
            }
        }
    }
    c.ids("pact.units", pact.units.iter().map(|u| &u.id).enumerate());
    for (i, u) in pact.units.iter().enumerate() {
        c.text(format!("pact.units[{i}].name"), &u.name);
        // Row headers, charts and the grid's cell names are made of it.
        c.text(format!("pact.units[{i}].short_name"), &u.short_name);
    }
    c.ids(
        "pact.indicators",
        pact.indicators.iter().map(|d| &d.id).enumerate(),
    );
    for (i, d) in pact.indicators.iter().enumerate() {
        c.text(format!("pact.indicators[{i}].name"), &d.name);
    }
    c.ids(
        "pact.contents",
        pact.contents.iter().map(|d| &d.id).enumerate(),
    );
    let kinds: HashMap<&str, IndicatorKind> = pact
        .indicators
        .iter()
        .map(|d| (d.id.as_str(), d.kind))
        .collect();
    let mut target_ids = HashSet::new();
    for (ci, content) in pact.contents.iter().enumerate() {
        c.text(format!("pact.contents[{ci}].title"), &content.title);
        for (ti, t) in content.targets.iter().enumerate() {
            let base = format!("pact.contents[{ci}].targets[{ti}]");
            if !is_valid_id(&t.id) {
                c.push(
                    format!("{base}.id"),
                    FieldProblem::BadId { id: t.id.clone() },
                );
            } else if !target_ids.insert(t.id.as_str()) {
                c.push(
                    format!("{base}.id"),
                    FieldProblem::Duplicate { id: t.id.clone() },
                );
            }
            c.text(format!("{base}.title"), &t.title);
            c.points(format!("{base}.max_points"), t.max_points);
            let manual_rule = matches!(t.rule, Rule::Manual);
            if manual_rule != (t.scoring == ScoringMethod::Manual) {
                c.push(format!("{base}.scoring"), FieldProblem::ScoringMismatch);
            }
            check_rule(&mut c, &format!("{base}.rule"), &t.rule, &kinds);
        }
    }
    c.points("pact.stated_total".into(), pact.stated_total);
    c.points(
        "pact.adjustments.bonus_cap".into(),
        pact.adjustments.bonus_cap,
    );
    c.points(
        "pact.adjustments.deduction_cap".into(),
        pact.adjustments.deduction_cap,
    );
    c.ids(
        "pact.adjustments.rules",
        pact.adjustments.rules.iter().map(|r| &r.id).enumerate(),
    );
    for (i, r) in pact.adjustments.rules.iter().enumerate() {
        c.text(format!("pact.adjustments.rules[{i}].title"), &r.title);
        c.points(format!("pact.adjustments.rules[{i}].points"), r.points);
    }
    c.ids(
        "pact.classification",
        pact.classification.iter().map(|l| &l.id).enumerate(),
    );
    for (i, l) in pact.classification.iter().enumerate() {
        c.text(format!("pact.classification[{i}].name"), &l.name);
        if let Some(m) = l.min_total {
            if m.0.abs() > Dec::int(MAX_POINTS).0 {
                c.push(
                    format!("pact.classification[{i}].min_total"),
                    FieldProblem::OutOfRange {
                        min: Some(format!("-{MAX_POINTS}")),
                        max: Some(MAX_POINTS.to_string()),
                    },
                );
            }
        }
        if let Some(f) = l.content_floor_pct {
            c.percent(format!("pact.classification[{i}].content_floor_pct"), f);
        }
    }
    let levels: HashSet<&str> = pact.classification.iter().map(|l| l.id.as_str()).collect();
    for (i, l) in pact.flags.ministry_levels.iter().enumerate() {
        if !levels.contains(l.as_str()) {
            c.push(
                format!("pact.flags.ministry_levels[{i}]"),
                FieldProblem::UnknownLevel { id: l.clone() },
            );
        }
    }
    check_data(&mut c, doc, &kinds);
    c.errors
}

fn check_rule(c: &mut Checker, base: &str, rule: &Rule, kinds: &HashMap<&str, IndicatorKind>) {
    let need_count = |c: &mut Checker, path: String, id: &Id| match kinds.get(id.as_str()) {
        None => c.push(path, FieldProblem::UnknownIndicator { id: id.clone() }),
        Some(IndicatorKind::Amount) => c.push(path, FieldProblem::NotACount { id: id.clone() }),
        Some(IndicatorKind::Count) => {}
    };
    let impossible = |cmp: Comparator, pct: Dec| cmp == Comparator::Gt && pct >= Dec::int(100);
    match rule {
        Rule::Rate {
            numerator,
            denominator,
            comparator,
            threshold_pct,
        } => {
            need_count(c, format!("{base}.numerator"), numerator);
            need_count(c, format!("{base}.denominator"), denominator);
            if numerator == denominator {
                c.push(format!("{base}.denominator"), FieldProblem::SameIndicator);
            }
            if c.percent(format!("{base}.threshold_pct"), *threshold_pct)
                && impossible(*comparator, *threshold_pct)
            {
                c.push(format!("{base}.threshold_pct"), FieldProblem::CannotBeMet);
            }
        }
        Rule::Reduction {
            indicator,
            comparator,
            threshold_pct,
        } => {
            need_count(c, format!("{base}.indicator"), indicator);
            if c.percent(format!("{base}.threshold_pct"), *threshold_pct)
                && impossible(*comparator, *threshold_pct)
            {
                c.push(format!("{base}.threshold_pct"), FieldProblem::CannotBeMet);
            }
        }
        Rule::NoIncrease { indicators } | Rule::Decrease { indicators } => {
            if indicators.is_empty() {
                c.push(format!("{base}.indicators"), FieldProblem::NoIndicators);
            }
            let mut seen = HashSet::new();
            for (i, id) in indicators.iter().enumerate() {
                let path = format!("{base}.indicators[{i}]");
                if !kinds.contains_key(id.as_str()) {
                    c.push(path, FieldProblem::UnknownIndicator { id: id.clone() });
                } else if !seen.insert(id.as_str()) {
                    c.push(path, FieldProblem::Duplicate { id: id.clone() });
                }
            }
        }
        Rule::Manual => {}
    }
}

fn check_data(c: &mut Checker, doc: &Document, kinds: &HashMap<&str, IndicatorKind>) {
    let units: HashSet<&str> = doc.pact.units.iter().map(|u| u.id.as_str()).collect();
    let manual: HashSet<&str> = doc
        .pact
        .targets()
        .filter(|(_, t)| matches!(t.rule, Rule::Manual))
        .map(|(_, t)| t.id.as_str())
        .collect();
    let reviews: HashSet<&str> = doc.pact.reviews.iter().map(|r| r.id.as_str()).collect();
    let mut seen_reviews = HashSet::new();
    for (r, review) in doc.data.iter().enumerate() {
        if !reviews.contains(review.review.as_str()) {
            c.push(
                format!("data[{r}].review"),
                FieldProblem::UnknownReview {
                    id: review.review.clone(),
                },
            );
        } else if !seen_reviews.insert(review.review.as_str()) {
            c.push(
                format!("data[{r}].review"),
                FieldProblem::Duplicate {
                    id: review.review.clone(),
                },
            );
        }
        check_units(
            c,
            &format!("data[{r}].units"),
            doc,
            &review.units,
            &units,
            &manual,
            kinds,
        );
    }
}

fn check_units(
    c: &mut Checker,
    prefix: &str,
    doc: &Document,
    records: &[crate::data::UnitData],
    units: &HashSet<&str>,
    manual: &HashSet<&str>,
    kinds: &HashMap<&str, IndicatorKind>,
) {
    let mut seen = HashSet::new();
    for (i, d) in records.iter().enumerate() {
        let base = format!("{prefix}[{i}]");
        if !units.contains(d.unit.as_str()) {
            c.push(
                format!("{base}.unit"),
                FieldProblem::UnknownUnit { id: d.unit.clone() },
            );
        } else if !seen.insert(d.unit.as_str()) {
            c.push(
                format!("{base}.unit"),
                FieldProblem::Duplicate { id: d.unit.clone() },
            );
        }
        for key in d.figures.keys() {
            if !kinds.contains_key(key.as_str()) {
                c.push(
                    format!("{base}.figures.{key}"),
                    FieldProblem::UnknownIndicator { id: key.clone() },
                );
            }
        }
        for key in d.manual.keys() {
            if !manual.contains(key.as_str()) {
                c.push(
                    format!("{base}.manual.{key}"),
                    FieldProblem::UnknownManualTarget { id: key.clone() },
                );
            }
        }
        for (j, a) in d.adjustments.iter().enumerate() {
            c.points(format!("{base}.adjustments[{j}].points"), a.points);
            if let Some(rule) = &a.rule {
                match doc.pact.adjustments.rules.iter().find(|r| &r.id == rule) {
                    None => c.push(
                        format!("{base}.adjustments[{j}].rule"),
                        FieldProblem::UnknownRule { id: rule.clone() },
                    ),
                    Some(r) if r.kind != a.kind => c.push(
                        format!("{base}.adjustments[{j}].kind"),
                        FieldProblem::KindMismatch { id: rule.clone() },
                    ),
                    Some(_) => {}
                }
            }
        }
    }
}
