//! Edits of the pact itself, as pure functions over a document (tested natively).
//!
//! The editor names each field by a key (`unit.2.name.vi`, `target.5.0.threshold`, …) and each
//! structural change by a [`Command`]. [`edit_field`] and [`run`] apply one to a copy of the
//! document and then check the whole pact with the rule crate's validation: an edit that would
//! make the pact invalid (a rate above 100%, a target that reads no indicator, an indicator still
//! in use being removed, a text empty in both languages…) is refused with messages, and the
//! document the user has stays as it was. Data follows the structure: a removed unit takes its
//! records with it, a removed indicator its figures, a removed target its manual scores.

use thidua_core::data::{ReviewData, UnitData};
use thidua_core::i18n::{parse_number, Text};
use thidua_core::model::{
    Comparator, Content, IndicatorDef, IndicatorKind, Role, Rule, ScoringMethod, Target, Unit,
};
use thidua_core::validate::validate;
use thidua_core::{Dec, Document, Lang};

/// A structural change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// A new unit at the end.
    AddUnit,
    /// Move a unit up (`true`) or down.
    MoveUnit(usize, bool),
    /// Make a unit the cluster head (the previous head becomes a member).
    SetHead(usize),
    /// Remove a unit and its records.
    RemoveUnit(usize),
    /// A new indicator (a count) at the end.
    AddIndicator,
    /// Remove an indicator no target reads, and its figures.
    RemoveIndicator(usize),
    /// A new content at the end.
    AddContent,
    /// Move a content up or down (numbers follow the order).
    MoveContent(usize, bool),
    /// Remove a content and its targets.
    RemoveContent(usize),
    /// A new target (a rate) at the end of a content.
    AddTarget(usize),
    /// Move a target within its content.
    MoveTarget(usize, usize, bool),
    /// Remove a target.
    RemoveTarget(usize, usize),
}

/// The kinds of rule, as the editor offers them.
pub const RULE_KINDS: [&str; 5] = ["rate", "reduction", "no_increase", "decrease", "manual"];

/// The `kind` of a rule.
pub fn rule_kind(rule: &Rule) -> &'static str {
    match rule {
        Rule::Rate { .. } => "rate",
        Rule::Reduction { .. } => "reduction",
        Rule::NoIncrease { .. } => "no_increase",
        Rule::Decrease { .. } => "decrease",
        Rule::Manual => "manual",
    }
}

/// The `scoring` words of a method.
pub fn scoring_key(s: ScoringMethod) -> &'static str {
    match s {
        ScoringMethod::AllOrNothing => "all_or_nothing",
        ScoringMethod::Proportional => "proportional",
        ScoringMethod::RelativeToBest => "relative_to_best",
        ScoringMethod::Manual => "manual",
    }
}

fn msg(lang: Lang, vi: &str, en: &str) -> String {
    match lang {
        Lang::Vi => vi.to_string(),
        Lang::En => en.to_string(),
    }
}

/// Checks the edited document; on problems, their messages.
fn checked(doc: Document, lang: Lang) -> Result<Document, Vec<String>> {
    let errors = validate(&doc);
    if errors.is_empty() {
        Ok(doc)
    } else {
        Err(errors.iter().map(|e| e.problem.message(lang)).collect())
    }
}

/// A number typed in a field of the pact, or why it is not one.
pub fn number(value: &str, lang: Lang) -> Result<Dec, Vec<String>> {
    parse_number(value, lang).map_err(|_| vec![msg(lang, "không phải là số", "not a number")])
}

fn set_text(t: &mut Text, which: &str, value: &str) {
    match which {
        "vi" => t.vi = value.to_string(),
        _ => t.en = value.to_string(),
    }
}

fn free_id(taken: &[&str], stem: &str) -> String {
    (1..)
        .map(|n| format!("{stem}-{n}"))
        .find(|id| !taken.contains(&id.as_str()))
        .unwrap_or_else(|| stem.to_string())
}

fn target_mut(doc: &mut Document, c: usize, t: usize) -> Option<&mut Target> {
    doc.pact.contents.get_mut(c)?.targets.get_mut(t)
}

/// The indicators a rule reads.
pub fn rule_indicators(rule: &Rule) -> Vec<&str> {
    match rule {
        Rule::Rate {
            numerator,
            denominator,
            ..
        } => vec![numerator.as_str(), denominator.as_str()],
        Rule::Reduction { indicator, .. } => vec![indicator.as_str()],
        Rule::NoIncrease { indicators } | Rule::Decrease { indicators } => {
            indicators.iter().map(String::as_str).collect()
        }
        Rule::Manual => vec![],
    }
}

/// The targets (by number, e.g. "6.1") that read an indicator.
pub fn used_by(doc: &Document, indicator: &str) -> Vec<String> {
    doc.pact
        .targets()
        .filter(|(_, t)| rule_indicators(&t.rule).contains(&indicator))
        .map(|(_, t)| crate::ui::target_number(&doc.pact, &t.id))
        .collect()
}

/// Sets one field from the text typed. Keys: `title.vi`, `cluster.en`, `stated_total`,
/// `unit.I.name.vi`, `unit.I.short.en`, `ind.I.name.vi`, `ind.I.unit.en`, `ind.I.kind`,
/// `content.C.title.vi`, `target.C.T.title.vi`, `target.C.T.kind`, `.max`, `.scoring`,
/// `.comparator`, `.threshold`, `.num`, `.den`, `.ind`, `.crit.<indicator>` (`true`/`false`),
/// `caps.bonus`, `caps.deduction`, `level.I.min`, `level.I.floor`.
pub fn edit_field(
    doc: &Document,
    key: &str,
    value: &str,
    lang: Lang,
) -> Result<Document, Vec<String>> {
    let mut d = doc.clone();
    let parts: Vec<&str> = key.split('.').collect();
    let idx = |i: usize| parts.get(i).and_then(|p| p.parse::<usize>().ok());
    let bad = || {
        vec![match lang {
            Lang::Vi => format!("không có trường “{key}”"),
            Lang::En => format!("no field “{key}”"),
        }]
    };
    match parts.as_slice() {
        ["title", w] => set_text(&mut d.pact.title, w, value),
        ["cluster", w] => set_text(&mut d.pact.cluster, w, value),
        ["stated_total"] => d.pact.stated_total = number(value, lang)?,
        ["caps", "bonus"] => d.pact.adjustments.bonus_cap = number(value, lang)?,
        ["caps", "deduction"] => d.pact.adjustments.deduction_cap = number(value, lang)?,
        ["level", _, field] => {
            let l = idx(1)
                .and_then(|i| d.pact.classification.get_mut(i))
                .ok_or_else(bad)?;
            let v = if value.trim().is_empty() {
                None
            } else {
                Some(number(value, lang)?)
            };
            match *field {
                "min" => l.min_total = v,
                _ => l.content_floor_pct = v,
            }
        }
        ["unit", _, field, w] => {
            let u = idx(1)
                .and_then(|i| d.pact.units.get_mut(i))
                .ok_or_else(bad)?;
            match *field {
                "name" => set_text(&mut u.name, w, value),
                _ => set_text(&mut u.short_name, w, value),
            }
        }
        ["ind", _, "kind"] => {
            let i = idx(1)
                .and_then(|i| d.pact.indicators.get_mut(i))
                .ok_or_else(bad)?;
            i.kind = if value == "amount" {
                IndicatorKind::Amount
            } else {
                IndicatorKind::Count
            };
        }
        ["ind", _, field, w] => {
            let i = idx(1)
                .and_then(|i| d.pact.indicators.get_mut(i))
                .ok_or_else(bad)?;
            match *field {
                "name" => set_text(&mut i.name, w, value),
                _ => set_text(&mut i.unit, w, value),
            }
        }
        ["content", _, "title", w] => {
            let c = idx(1)
                .and_then(|i| d.pact.contents.get_mut(i))
                .ok_or_else(bad)?;
            set_text(&mut c.title, w, value);
        }
        ["target", _, _, rest @ ..] => {
            let first_count = d
                .pact
                .indicators
                .iter()
                .filter(|i| i.kind == IndicatorKind::Count)
                .map(|i| i.id.clone())
                .collect::<Vec<_>>();
            let (c, t) = (idx(1).ok_or_else(bad)?, idx(2).ok_or_else(bad)?);
            let parsed = match rest {
                ["max"] | ["threshold"] => Some(number(value, lang)?),
                _ => None,
            };
            let target = target_mut(&mut d, c, t).ok_or_else(bad)?;
            match rest {
                ["title", w] => set_text(&mut target.title, w, value),
                ["max"] => target.max_points = parsed.unwrap_or_default(),
                ["scoring"] => {
                    target.scoring = match value {
                        "proportional" => ScoringMethod::Proportional,
                        "relative_to_best" => ScoringMethod::RelativeToBest,
                        "manual" => ScoringMethod::Manual,
                        _ => ScoringMethod::AllOrNothing,
                    }
                }
                ["kind"] => {
                    let a = first_count.first().cloned().unwrap_or_default();
                    let b = first_count.get(1).cloned().unwrap_or_else(|| a.clone());
                    target.rule = match value {
                        "rate" => Rule::Rate {
                            numerator: a,
                            denominator: b,
                            comparator: Comparator::Gt,
                            threshold_pct: Dec::int(75),
                        },
                        "reduction" => Rule::Reduction {
                            indicator: a,
                            comparator: Comparator::Ge,
                            threshold_pct: Dec::int(5),
                        },
                        "no_increase" => Rule::NoIncrease {
                            indicators: vec![a],
                        },
                        "decrease" => Rule::Decrease {
                            indicators: vec![a],
                        },
                        _ => Rule::Manual,
                    };
                    let manual = target.rule == Rule::Manual;
                    if manual != (target.scoring == ScoringMethod::Manual) {
                        target.scoring = if manual {
                            ScoringMethod::Manual
                        } else {
                            ScoringMethod::AllOrNothing
                        };
                    }
                }
                ["comparator"] => {
                    let c = match value {
                        "ge" => Comparator::Ge,
                        "eq" => Comparator::Eq,
                        _ => Comparator::Gt,
                    };
                    match &mut target.rule {
                        Rule::Rate { comparator, .. } | Rule::Reduction { comparator, .. } => {
                            *comparator = c
                        }
                        _ => return Err(bad()),
                    }
                }
                ["threshold"] => match &mut target.rule {
                    Rule::Rate { threshold_pct, .. } | Rule::Reduction { threshold_pct, .. } => {
                        *threshold_pct = parsed.unwrap_or_default()
                    }
                    _ => return Err(bad()),
                },
                ["num"] | ["den"] | ["ind"] => match (&mut target.rule, rest) {
                    (Rule::Rate { numerator, .. }, ["num"]) => *numerator = value.into(),
                    (Rule::Rate { denominator, .. }, ["den"]) => *denominator = value.into(),
                    (Rule::Reduction { indicator, .. }, ["ind"]) => *indicator = value.into(),
                    _ => return Err(bad()),
                },
                ["crit", ind @ ..] => {
                    let ind = ind.join(".");
                    match &mut target.rule {
                        Rule::NoIncrease { indicators } | Rule::Decrease { indicators } => {
                            indicators.retain(|i| *i != ind);
                            if value == "true" {
                                indicators.push(ind);
                            }
                        }
                        _ => return Err(bad()),
                    }
                }
                _ => return Err(bad()),
            }
        }
        _ => return Err(bad()),
    }
    checked(d, lang)
}

fn move_in<T>(v: &mut [T], i: usize, up: bool) {
    let j = if up { i.checked_sub(1) } else { Some(i + 1) };
    if let Some(j) = j.filter(|j| *j < v.len()) {
        if i < v.len() {
            v.swap(i, j);
        }
    }
}

fn renumber(doc: &mut Document) {
    for (i, c) in doc.pact.contents.iter_mut().enumerate() {
        c.number = i as u32 + 1;
    }
}

fn for_each_record(doc: &mut Document, f: impl Fn(&mut UnitData)) {
    for r in &mut doc.data {
        for u in &mut r.units {
            f(u);
        }
    }
}

/// Applies a structural change, then checks the pact.
pub fn run(doc: &Document, cmd: &Command, lang: Lang) -> Result<Document, Vec<String>> {
    let mut d = doc.clone();
    match *cmd {
        Command::AddUnit => {
            let taken: Vec<&str> = doc.pact.units.iter().map(|u| u.id.as_str()).collect();
            let id = free_id(&taken, "don-vi");
            let n = d.pact.units.len() + 1;
            d.pact.units.push(Unit {
                id: id.clone(),
                name: Text::new(format!("Đơn vị mới {n}"), format!("New unit {n}")),
                short_name: Text::new(format!("Đơn vị {n}"), format!("Unit {n}")),
                role: Role::Member,
            });
            for r in &mut d.data {
                r.units.push(UnitData::new(id.clone()));
            }
        }
        Command::MoveUnit(i, up) => move_in(&mut d.pact.units, i, up),
        Command::SetHead(i) => {
            for (k, u) in d.pact.units.iter_mut().enumerate() {
                u.role = if k == i {
                    Role::ClusterHead
                } else {
                    Role::Member
                };
            }
        }
        Command::RemoveUnit(i) => {
            if d.pact.units.len() <= 1 {
                return Err(vec![msg(
                    lang,
                    "giao ước cần ít nhất một đơn vị",
                    "a pact needs at least one unit",
                )]);
            }
            if i >= d.pact.units.len() {
                return Err(vec![]);
            }
            let id = d.pact.units.remove(i).id;
            for r in &mut d.data {
                r.units.retain(|u| u.unit != id);
            }
        }
        Command::AddIndicator => {
            let taken: Vec<&str> = doc.pact.indicators.iter().map(|i| i.id.as_str()).collect();
            let id = free_id(&taken, "chi-so");
            let n = d.pact.indicators.len() + 1;
            d.pact.indicators.push(IndicatorDef {
                id,
                name: Text::new(format!("Chỉ số mới {n}"), format!("New indicator {n}")),
                kind: IndicatorKind::Count,
                unit: Text::new("vụ", "cases"),
            });
        }
        Command::RemoveIndicator(i) => {
            let Some(id) = d.pact.indicators.get(i).map(|x| x.id.clone()) else {
                return Err(vec![]);
            };
            let users = used_by(doc, &id);
            if !users.is_empty() {
                let list = users.join(", ");
                return Err(vec![match lang {
                    Lang::Vi => format!("chỉ số này đang được chỉ tiêu {list} sử dụng; hãy sửa các chỉ tiêu đó trước"),
                    Lang::En => format!("this indicator is used by target {list}; change those targets first"),
                }]);
            }
            d.pact.indicators.remove(i);
            for_each_record(&mut d, |u| {
                u.figures.remove(&id);
                u.sources
                    .retain(|k, _| !k.starts_with(&format!("figures.{id}.")));
            });
        }
        Command::AddContent => {
            let taken: Vec<&str> = doc.pact.contents.iter().map(|c| c.id.as_str()).collect();
            let id = free_id(&taken, "noi-dung");
            let n = d.pact.contents.len() as u32 + 1;
            d.pact.contents.push(Content {
                id,
                number: n,
                title: Text::new(format!("Nội dung {n}"), format!("Content {n}")),
                targets: vec![],
            });
        }
        Command::MoveContent(i, up) => {
            move_in(&mut d.pact.contents, i, up);
            renumber(&mut d);
        }
        Command::RemoveContent(i) => {
            if i >= d.pact.contents.len() {
                return Err(vec![]);
            }
            let gone: Vec<String> = d
                .pact
                .contents
                .remove(i)
                .targets
                .into_iter()
                .map(|t| t.id)
                .collect();
            renumber(&mut d);
            for_each_record(&mut d, |u| u.manual.retain(|t, _| !gone.contains(t)));
        }
        Command::AddTarget(c) => {
            let taken: Vec<String> = doc.pact.targets().map(|(_, t)| t.id.clone()).collect();
            let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
            let id = free_id(&taken, "chi-tieu");
            let counts: Vec<String> = d
                .pact
                .indicators
                .iter()
                .filter(|i| i.kind == IndicatorKind::Count)
                .map(|i| i.id.clone())
                .collect();
            let (rule, scoring) = match (counts.first(), counts.get(1)) {
                (Some(a), Some(b)) => (
                    Rule::Rate {
                        numerator: a.clone(),
                        denominator: b.clone(),
                        comparator: Comparator::Gt,
                        threshold_pct: Dec::int(75),
                    },
                    ScoringMethod::AllOrNothing,
                ),
                _ => (Rule::Manual, ScoringMethod::Manual),
            };
            let content = d.pact.contents.get_mut(c).ok_or_else(Vec::new)?;
            let n = content.targets.len() + 1;
            content.targets.push(Target {
                id,
                title: Text::new(format!("Chỉ tiêu mới {n}"), format!("New target {n}")),
                max_points: Dec::int(5),
                scoring,
                rule,
            });
        }
        Command::MoveTarget(c, t, up) => {
            if let Some(content) = d.pact.contents.get_mut(c) {
                move_in(&mut content.targets, t, up);
            }
        }
        Command::RemoveTarget(c, t) => {
            let Some(content) = d.pact.contents.get_mut(c) else {
                return Err(vec![]);
            };
            if t >= content.targets.len() {
                return Err(vec![]);
            }
            let id = content.targets.remove(t).id;
            for_each_record(&mut d, |u| {
                u.manual.remove(&id);
            });
        }
    }
    // Keep one record per unit in every review.
    let units: Vec<String> = d.pact.units.iter().map(|u| u.id.clone()).collect();
    for r in &mut d.data {
        let mut ordered: Vec<UnitData> = Vec::with_capacity(units.len());
        for id in &units {
            let rec = r
                .units
                .iter()
                .position(|u| &u.unit == id)
                .map(|p| r.units.remove(p))
                .unwrap_or_else(|| UnitData::new(id.clone()));
            ordered.push(rec);
        }
        *r = ReviewData {
            review: r.review.clone(),
            units: ordered,
        };
    }
    checked(d, lang)
}

/// The sum of the targets' maximum points, and whether it is the pact's stated total.
pub fn points_check(doc: &Document) -> (Dec, bool) {
    let sum = doc.pact.max_total();
    (sum, sum == doc.pact.stated_total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use thidua_core::{Entry, PeriodKind, Status};

    fn doc() -> Document {
        let mut d = Document::default_pact();
        let u = d.unit_data_mut("tp-hcm");
        u.set("cases_occurred", PeriodKind::Current, Entry::int(2000));
        u.set("cases_solved", PeriodKind::Current, Entry::int(1500));
        d
    }

    fn t6a(d: &Document) -> Status {
        d.evaluate()
            .unit("tp-hcm")
            .unwrap()
            .target("t6a")
            .unwrap()
            .eval
            .status
    }

    #[test]
    fn a_comparator_edit_flips_the_unit_at_the_threshold() {
        let d = doc();
        assert_eq!(t6a(&d), Status::NotMet);
        let d = edit_field(&d, "target.5.0.comparator", "ge", Lang::Vi).unwrap();
        assert_eq!(t6a(&d), Status::Met);
        let d = edit_field(&d, "target.5.0.threshold", "75,5", Lang::Vi).unwrap();
        assert_eq!(t6a(&d), Status::NotMet);
    }

    #[test]
    fn invalid_edits_are_refused_with_a_message_and_change_nothing() {
        let d = doc();
        let e = edit_field(&d, "target.5.0.threshold", "120", Lang::Vi).unwrap_err();
        assert!(!e.is_empty() && e.iter().all(|m| !m.is_empty()), "{e:?}");
        assert_eq!(
            edit_field(&d, "target.5.0.threshold", "abc", Lang::En).unwrap_err(),
            vec!["not a number"]
        );
        let e = edit_field(&d, "target.6.0.crit.traffic_accidents", "false", Lang::En)
            .and_then(|d| edit_field(&d, "target.6.0.crit.traffic_deaths", "false", Lang::En))
            .and_then(|d| edit_field(&d, "target.6.0.crit.traffic_injuries", "false", Lang::En));
        assert!(e.is_err(), "a target must read an indicator");
        let i = d
            .pact
            .indicators
            .iter()
            .position(|i| i.id == "cases_solved")
            .unwrap();
        let e = run(&d, &Command::RemoveIndicator(i), Lang::Vi).unwrap_err();
        assert!(e[0].contains("6.1"), "{e:?}");
        let e = edit_field(&d, "unit.0.name.vi", "", Lang::En)
            .and_then(|d| edit_field(&d, "unit.0.name.en", "", Lang::En));
        assert!(e.is_err(), "a name needs one language at least");
        // So does a short name (row headers and the grid's cell names are made of it); one
        // language is enough, the other falls back to it.
        let e = edit_field(&d, "unit.0.short.vi", "", Lang::Vi)
            .and_then(|d| edit_field(&d, "unit.0.short.en", " ", Lang::Vi));
        assert_eq!(
            e.unwrap_err(),
            vec!["cần có nội dung (tiếng Việt hoặc tiếng Anh)"]
        );
        let d = edit_field(&d, "unit.0.short.vi", "", Lang::Vi).unwrap();
        assert_eq!(d.pact.units[0].short_name.get(Lang::Vi), "Hà Nội");
    }

    #[test]
    fn units_targets_and_indicators_can_be_added_moved_and_removed() {
        let d = doc();
        let d = run(&d, &Command::AddUnit, Lang::Vi).unwrap();
        assert_eq!(d.pact.units.len(), 6);
        assert_eq!(d.data[0].units.len(), 6);
        let d = run(&d, &Command::AddIndicator, Lang::Vi).unwrap();
        let d = run(&d, &Command::AddTarget(6), Lang::Vi).unwrap();
        let n = d.pact.contents[6].targets.len() - 1;
        let new_ind = d.pact.indicators.last().unwrap().id.clone();
        let d = edit_field(&d, &format!("target.6.{n}.num"), &new_ind, Lang::Vi).unwrap();
        assert_eq!(used_by(&d, &new_ind), vec![format!("7.{}", n + 1)]);
        let d = run(&d, &Command::MoveUnit(5, true), Lang::Vi).unwrap();
        assert_eq!(d.pact.units[4].id, "don-vi-1");
        assert_eq!(d.data[0].units[4].unit, "don-vi-1");
        let d = run(&d, &Command::SetHead(0), Lang::Vi).unwrap();
        assert_eq!(
            d.pact
                .units
                .iter()
                .filter(|u| u.role == Role::ClusterHead)
                .count(),
            1
        );
        let d = run(&d, &Command::RemoveUnit(1), Lang::Vi).unwrap();
        assert!(d.pact.unit("tp-hcm").is_none());
        assert!(d
            .data
            .iter()
            .all(|r| r.units.iter().all(|u| u.unit != "tp-hcm")));
        let d = run(&d, &Command::MoveContent(0, false), Lang::Vi).unwrap();
        assert_eq!(d.pact.contents[0].id, doc().pact.contents[1].id);
        assert_eq!(d.pact.contents[1].number, 2);
        let (sum, ok) = points_check(&d);
        assert_eq!(sum, Dec::int(105));
        assert!(!ok);
    }
}
