//! The app state as a pure reducer.
//!
//! [`AppState`] holds the working [`Document`], the language, the view and the undo history.
//! Every change is an [`Action`] applied by `impl Reducible`, a pure function, so the whole
//! behaviour is tested natively without a browser. Results are not stored: components derive them
//! from the document with `thidua_core::evaluate` (memoised by document identity).

use crate::grid;
use std::collections::VecDeque;
use std::rc::Rc;
use thidua_core::data::{AdjustmentKind, AdjustmentLine, PeriodKind};
use thidua_core::eval::ScoreKind;
use thidua_core::i18n::parse_number;
use thidua_core::{Document, Entry, Lang};
use yew::Reducible;

/// How many edits undo remembers.
pub const UNDO_LIMIT: usize = 100;

/// What the main area shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    /// The figures grid and the results matrix.
    Main,
    /// One unit: what it must still achieve.
    Unit(String),
    /// Every chart.
    Charts,
    /// The pact editor and the workspace's pacts.
    Pact,
}

/// Identifies the field an edit touched, so that keystrokes in one field make one undo step.
#[derive(Clone, Debug, PartialEq, Eq)]
enum EditKey {
    Figure(String, String, PeriodKind),
    Manual(String, String, ScoreKind),
    Remark(String, String, ScoreKind),
    AdjustmentReason(String, usize),
    AdjustmentPoints(String, usize),
    Pact(String),
}

/// Where an edit was made, kept with its undo step so that undoing or redoing it can show it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Place {
    /// The review whose data it changed (none for the pact itself or the whole document).
    review: Option<String>,
    /// The figure it changed (the first one of a paste): unit, indicator, period.
    figure: Option<(String, String, PeriodKind)>,
}

/// One step of the undo or redo history: the document to go back to, and where the edit was.
#[derive(Clone, Debug, PartialEq)]
struct Step {
    doc: Rc<Document>,
    place: Place,
}

/// What the last undo or redo changed, so that the app brings it into view and says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undone {
    /// A redo (otherwise an undo).
    pub redo: bool,
    /// The review it changed, when that was not the review shown: it is shown now.
    pub switched_to: Option<String>,
    /// The grid cell it changed (unit index in the pact, grid column), when it changed a figure.
    pub cell: Option<(usize, usize)>,
}

/// The whole app state.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The open pact with its data.
    pub doc: Rc<Document>,
    /// The workspace's other pacts, in order (the open one stands at `active` among them).
    pub others: Rc<Vec<Rc<Document>>>,
    /// Where the open pact stands in the workspace.
    pub active: usize,
    /// The interface language.
    pub lang: Lang,
    /// What the main area shows.
    pub view: View,
    /// The review being entered and shown.
    pub review: String,
    /// Bumped on every change of the document (autosave watches it).
    pub revision: u64,
    /// How many values the last paste left out, as they fell outside the grid (0 when all fit):
    /// the grid says so, rather than dropping them silently.
    pub pasted_outside: usize,
    /// How many values of the last paste were left out because "find unit" hides the rows they
    /// would have gone to (a paste fills only the rows shown). Counted in values, as
    /// `pasted_outside` is, so that the grid's two notes speak of the same thing.
    pub pasted_hidden: usize,
    /// What the last action, when it was an undo or a redo, changed (cleared by the next action
    /// but a change of language).
    pub undone: Option<Undone>,
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    last_edit: Option<EditKey>,
}

/// Every change the app can make.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Switch the language.
    SetLang(Lang),
    /// Show another view.
    SetView(View),
    /// Work on another review of the pact (mid-year, year-end…).
    SetReview(String),
    /// Type into a figure cell (the text as typed; blank = no data).
    SetFigure {
        /// Unit id.
        unit: String,
        /// Indicator id.
        indicator: String,
        /// Period.
        period: PeriodKind,
        /// The text.
        text: String,
    },
    /// Type a self or verified score.
    SetScore {
        /// Unit id.
        unit: String,
        /// Target id.
        target: String,
        /// Which score.
        which: ScoreKind,
        /// The text.
        text: String,
    },
    /// Type a remark on a score.
    SetRemark {
        /// Unit id.
        unit: String,
        /// Target id.
        target: String,
        /// Which score.
        which: ScoreKind,
        /// The text.
        text: String,
    },
    /// Add a bonus or deduction line: empty, or filled from one of the pact's rules.
    AddAdjustment {
        /// Unit id.
        unit: String,
        /// Bonus or deduction.
        kind: AdjustmentKind,
        /// The pact's rule to apply (its title and points fill the line).
        rule: Option<String>,
    },
    /// Change a line's reason.
    SetAdjustmentReason {
        /// Unit id.
        unit: String,
        /// Line index.
        index: usize,
        /// The reason.
        text: String,
    },
    /// Change a line's points (ignored unless it is a number ≥ 0; the field keeps the text).
    SetAdjustmentPoints {
        /// Unit id.
        unit: String,
        /// Line index.
        index: usize,
        /// The text.
        text: String,
    },
    /// Remove a line.
    RemoveAdjustment {
        /// Unit id.
        unit: String,
        /// Line index.
        index: usize,
    },
    /// Paste a block of cells starting at a grid cell. Its lines go to the rows shown ("find
    /// unit" may hide some), in their order, from the focused one: never to a hidden unit.
    Paste {
        /// The rows shown: unit indices in the pact, in the order shown.
        shown: Rc<Vec<usize>>,
        /// The focused row's position among them.
        pos: usize,
        /// First column.
        col: usize,
        /// The cells.
        cells: Vec<Vec<String>>,
    },
    /// Replace the document (import, restore, reset); undoable.
    Replace(Rc<Document>),
    /// Take the workspace that another tab saved (open pact, others, position); not an edit of
    /// this tab, so not undoable.
    External(Rc<Document>, Rc<Vec<Rc<Document>>>, usize),
    /// An edit of the pact itself (the editor builds the new document and checks it first); one
    /// undo step per field being typed in, named by `key`.
    EditPact {
        /// The field being edited.
        key: String,
        /// The document after the edit.
        doc: Rc<Document>,
    },
    /// Open another pact of the workspace (by position). Undo history belongs to a pact and is
    /// cleared.
    OpenPact(usize),
    /// Add a pact right after the open one and open it (duplicate, next year, import).
    AddPact(Rc<Document>),
    /// Delete a pact (by position); the last pact cannot be deleted.
    DeletePact(usize),
    /// Undo the last edit.
    Undo,
    /// Redo.
    Redo,
}

impl AppState {
    /// A state for a document.
    pub fn new(doc: Document, lang: Lang) -> AppState {
        AppState {
            review: doc.pact.main_review().to_string(),
            doc: Rc::new(doc),
            others: Rc::new(Vec::new()),
            active: 0,
            lang,
            view: View::Main,
            revision: 0,
            pasted_outside: 0,
            pasted_hidden: 0,
            undone: None,
            undo: VecDeque::new(),
            redo: Vec::new(),
            last_edit: None,
        }
    }

    /// A state for a workspace: its pacts and the position of the open one.
    pub fn with_pacts(mut pacts: Vec<Document>, active: usize, lang: Lang) -> AppState {
        let active = active.min(pacts.len().saturating_sub(1));
        let doc = if pacts.is_empty() {
            Document::default_pact()
        } else {
            pacts.remove(active)
        };
        let mut s = AppState::new(doc, lang);
        s.others = Rc::new(pacts.into_iter().map(Rc::new).collect());
        s.active = active;
        s
    }

    /// Every pact of the workspace, in order.
    pub fn pacts(&self) -> Vec<Rc<Document>> {
        let mut all: Vec<Rc<Document>> = self.others.iter().cloned().collect();
        all.insert(self.active.min(all.len()), self.doc.clone());
        all
    }

    /// Opens the pact at `index` of `all`.
    fn open(&mut self, mut all: Vec<Rc<Document>>, index: usize) {
        if all.is_empty() {
            return;
        }
        let index = index.min(all.len() - 1);
        self.doc = all.remove(index);
        self.others = Rc::new(all);
        self.active = index;
        self.undo.clear();
        self.redo.clear();
        self.last_edit = None;
        self.review = self.doc.pact.main_review().to_string();
        self.revision += 1;
        self.settle();
    }

    /// The current review's results.
    pub fn results(&self) -> thidua_core::Results {
        self.doc.evaluate_review(&self.review)
    }

    /// Keeps the view and the review pointing at things the document has.
    fn settle(&mut self) {
        if self.doc.pact.review(&self.review).is_none() {
            self.review = self.doc.pact.main_review().to_string();
        }
        if matches!(&self.view, View::Unit(u) if self.doc.pact.unit(u).is_none()) {
            self.view = View::Main;
        }
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// An edit of the review shown's data (not of one figure).
    fn in_review(&self) -> Place {
        Place {
            review: Some(self.review.clone()),
            figure: None,
        }
    }

    /// Applies an edit of the document, recording undo (one step per field being typed in) with
    /// where the edit was.
    fn edit(&mut self, key: Option<EditKey>, place: Place, f: impl FnOnce(&mut Document)) {
        let mut doc = (*self.doc).clone();
        f(&mut doc);
        if doc == *self.doc {
            return;
        }
        if key.is_none() || key != self.last_edit {
            self.undo.push_back(Step {
                doc: self.doc.clone(),
                place,
            });
            if self.undo.len() > UNDO_LIMIT {
                self.undo.pop_front();
            }
        }
        self.redo.clear();
        self.last_edit = key;
        self.doc = Rc::new(doc);
        self.revision += 1;
    }

    /// Pastes `cells` from column `col` of the row at `pos` among the rows `shown`, line by line
    /// into the rows shown after it. Values past the last column, or past the last unit when every
    /// unit is shown, are counted in `pasted_outside`; the values of lines past the last row shown
    /// while "find unit" hides some units are counted in `pasted_hidden` (they would otherwise go to units
    /// the person cannot see).
    fn paste(&mut self, shown: &[usize], pos: usize, col: usize, cells: &[Vec<String>]) {
        let lang = self.lang;
        let columns = grid::columns(&self.doc.pact);
        let all: Vec<String> = self.doc.pact.units.iter().map(|u| u.id.clone()).collect();
        let units: Vec<String> = shown.iter().filter_map(|&i| all.get(i).cloned()).collect();
        let review = self.review.clone();
        let fits = units.len().saturating_sub(pos).min(cells.len());
        let (within, past) = cells.split_at(fits);
        if units.len() < all.len() {
            // Lines that the whole grid would also have had no unit for are outside it either
            // way: counted as values left out, not as rows the filter hides.
            let reach = shown
                .get(pos)
                .map_or(0, |&first| all.len().saturating_sub(first));
            let (hidden, beyond) = past.split_at(reach.saturating_sub(fits).min(past.len()));
            self.pasted_outside = grid::outside(within, pos, col, units.len(), columns.len())
                + grid::outside(beyond, 0, col, 0, columns.len());
            self.pasted_hidden = hidden
                .iter()
                .flatten()
                .filter(|t| !t.trim().is_empty())
                .count();
        } else {
            self.pasted_outside = grid::outside(cells, pos, col, units.len(), columns.len());
            self.pasted_hidden = 0;
        }
        let place = Place {
            review: Some(review.clone()),
            figure: units
                .get(pos)
                .zip(columns.get(col))
                .map(|(u, c)| (u.clone(), c.indicator.clone(), c.period)),
        };
        self.edit(None, place, |doc| {
            for (r, line) in within.iter().enumerate() {
                let Some(unit) = units.get(pos + r) else {
                    break;
                };
                for (c, text) in line.iter().enumerate() {
                    let Some(column) = columns.get(col + c) else {
                        break;
                    };
                    let Some(kind) = doc.pact.indicator(&column.indicator).map(|i| i.kind) else {
                        continue;
                    };
                    doc.unit_data_in_mut(&review, unit).set(
                        &column.indicator,
                        column.period,
                        Entry::from_figure_input(text, lang, kind),
                    );
                }
            }
        });
    }
}

/// The points of a bonus or deduction line typed as `text`: a number ≥ 0, or none (the line keeps
/// its points, and its field says why).
pub fn adjustment_points(text: &str, lang: Lang) -> Option<thidua_core::Dec> {
    parse_number(text, lang).ok().filter(|p| !p.is_negative())
}

impl AppState {
    /// After an undo or a redo of an edit made at `place`: the review it changed is shown (so
    /// that the change is seen, not made out of sight), and what was done is kept in `undone`.
    fn went_back_to(&mut self, place: &Place, redo: bool) {
        self.revision += 1;
        self.last_edit = None;
        let mut switched_to = None;
        if let Some(review) = &place.review {
            if *review != self.review && self.doc.pact.review(review).is_some() {
                self.review = review.clone();
                switched_to = Some(review.clone());
            }
        }
        self.settle();
        let cell = place.figure.as_ref().and_then(|(unit, indicator, period)| {
            let row = self.doc.pact.units.iter().position(|u| &u.id == unit)?;
            let col = grid::columns(&self.doc.pact)
                .iter()
                .position(|c| &c.indicator == indicator && c.period == *period)?;
            Some((row, col))
        });
        self.undone = Some(Undone {
            redo,
            switched_to,
            cell,
        });
    }
}

fn score_entry<'a>(
    doc: &'a mut Document,
    review: &str,
    unit: &str,
    target: &str,
) -> &'a mut thidua_core::data::ManualScore {
    doc.unit_data_in_mut(review, unit)
        .manual
        .entry(target.to_string())
        .or_default()
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let lang = s.lang;
        let review = s.review.clone();
        let here = s.in_review();
        if !matches!(action, Action::SetLang(_)) {
            s.undone = None;
        }
        match action {
            Action::SetLang(l) => s.lang = l,
            Action::SetView(v) => s.view = v,
            Action::SetReview(r) => {
                if s.doc.pact.review(&r).is_some() {
                    s.review = r;
                    s.last_edit = None;
                }
            }
            Action::SetFigure {
                unit,
                indicator,
                period,
                text,
            } => {
                let key = EditKey::Figure(unit.clone(), indicator.clone(), period);
                let place = Place {
                    review: Some(review.clone()),
                    figure: Some((unit.clone(), indicator.clone(), period)),
                };
                s.edit(Some(key), place, |doc| {
                    let Some(kind) = doc.pact.indicator(&indicator).map(|i| i.kind) else {
                        return;
                    };
                    let d = doc.unit_data_in_mut(&review, &unit);
                    d.set(
                        &indicator,
                        period,
                        Entry::from_figure_input(&text, lang, kind),
                    );
                    // Typed here: no longer the value a unit's file brought.
                    d.sources
                        .remove(&thidua_core::data::figure_key(&indicator, period));
                });
            }
            Action::SetScore {
                unit,
                target,
                which,
                text,
            } => {
                let key = EditKey::Manual(unit.clone(), target.clone(), which);
                s.edit(Some(key), here, |doc| {
                    let m = score_entry(doc, &review, &unit, &target);
                    let entry = Entry::from_input(&text, lang);
                    match which {
                        ScoreKind::SelfScore => m.self_score = entry,
                        ScoreKind::Verified => m.verified = entry,
                    }
                    if *m == Default::default() {
                        doc.unit_data_in_mut(&review, &unit).manual.remove(&target);
                    }
                });
            }
            Action::SetRemark {
                unit,
                target,
                which,
                text,
            } => {
                let key = EditKey::Remark(unit.clone(), target.clone(), which);
                s.edit(Some(key), here, |doc| {
                    let m = score_entry(doc, &review, &unit, &target);
                    match which {
                        ScoreKind::SelfScore => m.self_remark = text,
                        ScoreKind::Verified => m.verified_remark = text,
                    }
                    if *m == Default::default() {
                        doc.unit_data_in_mut(&review, &unit).manual.remove(&target);
                    }
                });
            }
            Action::AddAdjustment { unit, kind, rule } => s.edit(None, here, |doc| {
                let found = rule
                    .as_ref()
                    .and_then(|id| doc.pact.adjustments.rules.iter().find(|r| &r.id == id))
                    .cloned();
                let line = match found {
                    Some(r) => AdjustmentLine {
                        kind: r.kind,
                        reason: r.title.get(lang).to_string(),
                        points: r.points,
                        rule: Some(r.id),
                    },
                    None => AdjustmentLine {
                        kind,
                        reason: String::new(),
                        points: thidua_core::Dec::ZERO,
                        rule: None,
                    },
                };
                doc.unit_data_in_mut(&review, &unit).adjustments.push(line)
            }),
            Action::SetAdjustmentReason { unit, index, text } => {
                let key = EditKey::AdjustmentReason(unit.clone(), index);
                s.edit(Some(key), here, |doc| {
                    if let Some(a) = doc
                        .unit_data_in_mut(&review, &unit)
                        .adjustments
                        .get_mut(index)
                    {
                        a.reason = text;
                    }
                });
            }
            Action::SetAdjustmentPoints { unit, index, text } => {
                if let Some(points) = adjustment_points(&text, lang) {
                    let key = EditKey::AdjustmentPoints(unit.clone(), index);
                    s.edit(Some(key), here, |doc| {
                        if let Some(a) = doc
                            .unit_data_in_mut(&review, &unit)
                            .adjustments
                            .get_mut(index)
                        {
                            a.points = points;
                        }
                    });
                }
            }
            Action::RemoveAdjustment { unit, index } => s.edit(None, here, |doc| {
                let lines = &mut doc.unit_data_in_mut(&review, &unit).adjustments;
                if index < lines.len() {
                    lines.remove(index);
                }
            }),
            Action::Paste {
                shown,
                pos,
                col,
                cells,
            } => s.paste(&shown, pos, col, &cells),
            Action::Replace(doc) => {
                s.edit(None, Place::default(), |d| *d = (*doc).clone());
                s.settle();
            }
            Action::External(doc, others, active) => {
                if doc != s.doc || others != s.others || active != s.active {
                    s.doc = doc;
                    s.others = others;
                    s.active = active;
                    s.revision += 1;
                    s.last_edit = None;
                    s.settle();
                }
            }
            Action::EditPact { key, doc } => {
                s.edit(Some(EditKey::Pact(key)), Place::default(), |d| {
                    *d = (*doc).clone()
                });
                s.settle();
            }
            Action::OpenPact(i) => {
                if i != s.active {
                    let all = s.pacts();
                    s.open(all, i);
                }
            }
            Action::AddPact(doc) => {
                let mut all = s.pacts();
                let at = (s.active + 1).min(all.len());
                all.insert(at, doc);
                s.open(all, at);
            }
            Action::DeletePact(i) => {
                let mut all = s.pacts();
                if all.len() > 1 && i < all.len() {
                    all.remove(i);
                    let next = if i == s.active {
                        i.min(all.len() - 1)
                    } else if i < s.active {
                        s.active - 1
                    } else {
                        s.active
                    };
                    if i == s.active {
                        s.open(all, next);
                    } else {
                        // The open pact stays open, with its history.
                        s.doc = all.remove(next);
                        s.others = Rc::new(all);
                        s.active = next;
                        s.revision += 1;
                    }
                }
            }
            Action::Undo => {
                if let Some(Step { doc, place }) = s.undo.pop_back() {
                    let doc = std::mem::replace(&mut s.doc, doc);
                    s.redo.push(Step {
                        doc,
                        place: place.clone(),
                    });
                    s.went_back_to(&place, false);
                }
            }
            Action::Redo => {
                if let Some(Step { doc, place }) = s.redo.pop() {
                    let doc = std::mem::replace(&mut s.doc, doc);
                    s.undo.push_back(Step {
                        doc,
                        place: place.clone(),
                    });
                    s.went_back_to(&place, true);
                }
            }
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use thidua_core::Status;

    fn state() -> Rc<AppState> {
        Rc::new(AppState::new(Document::default_pact(), Lang::Vi))
    }

    fn fig(unit: &str, indicator: &str, period: PeriodKind, text: &str) -> Action {
        Action::SetFigure {
            unit: unit.into(),
            indicator: indicator.into(),
            period,
            text: text.into(),
        }
    }

    fn entry(s: &AppState, unit: &str, indicator: &str, period: PeriodKind) -> Entry {
        s.doc
            .unit_data(unit)
            .map(|d| d.entry(indicator, period).clone())
            .unwrap_or_default()
    }

    #[test]
    fn typing_sets_figures_in_the_language_format() {
        let s = state().reduce(fig(
            "ha-noi",
            "crimes_social_order",
            PeriodKind::Current,
            "1.840",
        ));
        assert_eq!(
            entry(&s, "ha-noi", "crimes_social_order", PeriodKind::Current),
            Entry::int(1840)
        );
        let s = s.reduce(Action::SetLang(Lang::En)).reduce(fig(
            "ha-noi",
            "crimes_social_order",
            PeriodKind::Baseline,
            "1,916",
        ));
        assert_eq!(
            entry(&s, "ha-noi", "crimes_social_order", PeriodKind::Baseline),
            Entry::int(1916)
        );
        let r = s.doc.evaluate();
        let t4 = r
            .unit("ha-noi")
            .and_then(|u| u.target("t4"))
            .map(|t| t.eval.status);
        assert_eq!(t4, Some(Status::NotMet));
    }

    #[test]
    fn blank_is_missing_and_bad_text_is_kept() {
        let s = state()
            .reduce(fig("ha-noi", "cases_solved", PeriodKind::Current, "12a"))
            .reduce(fig("ha-noi", "cases_occurred", PeriodKind::Current, "  "));
        assert_eq!(
            entry(&s, "ha-noi", "cases_solved", PeriodKind::Current),
            Entry::Text("12a".into())
        );
        assert_eq!(
            entry(&s, "ha-noi", "cases_occurred", PeriodKind::Current),
            Entry::Missing
        );
    }

    #[test]
    fn an_ambiguous_thousands_in_a_count_cell_is_kept_as_text_not_read() {
        // Vietnamese: "1,000" could be one (decimal comma) or a thousand (English grouping).
        let s = state()
            .reduce(fig("ha-noi", "fires", PeriodKind::Current, "1,000"))
            .reduce(fig("ha-noi", "fires", PeriodKind::Baseline, " 12,500 "))
            .reduce(fig("tp-hcm", "fires", PeriodKind::Current, "1,000,000"))
            .reduce(fig("tp-hcm", "fires", PeriodKind::Baseline, "1.000"));
        assert_eq!(
            entry(&s, "ha-noi", "fires", PeriodKind::Current),
            Entry::Text("1,000".into())
        );
        assert_eq!(
            entry(&s, "ha-noi", "fires", PeriodKind::Baseline),
            Entry::Text(" 12,500 ".into())
        );
        assert_eq!(
            entry(&s, "tp-hcm", "fires", PeriodKind::Current),
            Entry::int(1_000_000)
        );
        assert_eq!(
            entry(&s, "tp-hcm", "fires", PeriodKind::Baseline),
            Entry::int(1000)
        );
        // An amount keeps its reading: a decimal comma.
        let s = s.reduce(fig(
            "ha-noi",
            "fire_property_loss",
            PeriodKind::Current,
            "1,000",
        ));
        assert_eq!(
            entry(&s, "ha-noi", "fire_property_loss", PeriodKind::Current),
            Entry::int(1)
        );
        // English: "1.000" is ambiguous, "1,000" is a thousand.
        let s = s
            .reduce(Action::SetLang(Lang::En))
            .reduce(fig("can-tho", "fires", PeriodKind::Current, "1.000"))
            .reduce(fig("can-tho", "fires", PeriodKind::Baseline, "1,000"));
        assert_eq!(
            entry(&s, "can-tho", "fires", PeriodKind::Current),
            Entry::Text("1.000".into())
        );
        assert_eq!(
            entry(&s, "can-tho", "fires", PeriodKind::Baseline),
            Entry::int(1000)
        );
        // Pasted cells are read the same way.
        let col = grid::columns(&s.doc.pact)
            .iter()
            .position(|c| c.indicator == "fires" && c.period == PeriodKind::Current)
            .unwrap_or_default();
        let shown = every_unit(&s);
        let s = s.reduce(Action::SetLang(Lang::Vi)).reduce(Action::Paste {
            shown,
            pos: 0,
            col,
            cells: grid::parse_tsv("2,000\t3.000\n"),
        });
        assert_eq!(
            entry(&s, "ha-noi", "fires", PeriodKind::Current),
            Entry::Text("2,000".into())
        );
        assert_eq!(
            entry(&s, "ha-noi", "fires", PeriodKind::Baseline),
            Entry::int(3000)
        );
    }

    /// Every unit, as the grid shows them when "find unit" is blank.
    fn every_unit(s: &AppState) -> Rc<Vec<usize>> {
        Rc::new((0..s.doc.pact.units.len()).collect())
    }

    #[test]
    fn keystrokes_in_one_cell_are_one_undo_step_and_redo_works() {
        let mut s = state();
        for text in ["1", "18", "184", "1840"] {
            s = s.reduce(fig("ha-noi", "cases_solved", PeriodKind::Current, text));
        }
        s = s.reduce(fig("ha-noi", "cases_occurred", PeriodKind::Current, "2000"));
        let s = s.reduce(Action::Undo);
        assert_eq!(
            entry(&s, "ha-noi", "cases_occurred", PeriodKind::Current),
            Entry::Missing
        );
        assert_eq!(
            entry(&s, "ha-noi", "cases_solved", PeriodKind::Current),
            Entry::int(1840)
        );
        let s = s.reduce(Action::Undo);
        assert_eq!(
            entry(&s, "ha-noi", "cases_solved", PeriodKind::Current),
            Entry::Missing
        );
        assert!(!s.can_undo());
        let s = s.reduce(Action::Redo).reduce(Action::Redo);
        assert_eq!(
            entry(&s, "ha-noi", "cases_occurred", PeriodKind::Current),
            Entry::int(2000)
        );
        assert!(!s.can_redo());
    }

    #[test]
    fn undo_keeps_at_least_fifty_steps() {
        let mut s = state();
        for i in 0..60 {
            let unit = if i % 2 == 0 { "ha-noi" } else { "tp-hcm" };
            s = s.reduce(fig(unit, "fires", PeriodKind::Current, &i.to_string()));
        }
        for _ in 0..60 {
            s = s.reduce(Action::Undo);
        }
        assert_eq!(
            entry(&s, "ha-noi", "fires", PeriodKind::Current),
            Entry::Missing
        );
    }

    #[test]
    fn paste_fills_from_the_selected_cell_and_stops_at_the_edges() {
        let cells = grid::parse_tsv("1.840\t1.916\n4.422\t4.773\n1\t2\n3\t4\n5\t6\n7\t8\n");
        let s = state();
        let s = s.clone().reduce(Action::Paste {
            shown: every_unit(&s),
            pos: 0,
            col: 0,
            cells,
        });
        assert_eq!(
            entry(&s, "ha-noi", "crimes_social_order", PeriodKind::Baseline),
            Entry::int(1916)
        );
        assert_eq!(
            entry(&s, "tp-hcm", "crimes_social_order", PeriodKind::Current),
            Entry::int(4422)
        );
        assert_eq!(
            entry(&s, "can-tho", "crimes_social_order", PeriodKind::Current),
            Entry::int(5)
        );
        // The sixth line has no unit: its two values are left out, and counted.
        assert_eq!(s.pasted_outside, 2);
        assert_eq!(s.pasted_hidden, 0);
        // One paste is one undo step.
        let s = s.reduce(Action::Undo);
        assert_eq!(
            entry(&s, "ha-noi", "crimes_social_order", PeriodKind::Current),
            Entry::Missing
        );
    }

    #[test]
    fn a_paste_while_find_unit_hides_units_fills_only_the_units_shown() {
        // Units: 0 Hà Nội, 1 TP HCM, 2 Đà Nẵng, 3 Hải Phòng, 4 Cần Thơ.
        let col = |s: &AppState, period| {
            grid::columns(&s.doc.pact)
                .iter()
                .position(|c| c.indicator == "fires" && c.period == period)
                .unwrap_or_default()
        };
        let s = state();
        // Only Đà Nẵng shown: the second line would go to Hải Phòng, hidden, and is left out.
        let s = s.clone().reduce(Action::Paste {
            shown: Rc::new(vec![2]),
            pos: 0,
            col: col(&s, PeriodKind::Current),
            cells: grid::parse_tsv("100\t120\r\n200\t210"),
        });
        assert_eq!(
            entry(&s, "da-nang", "fires", PeriodKind::Current),
            Entry::int(100)
        );
        assert_eq!(
            entry(&s, "da-nang", "fires", PeriodKind::Baseline),
            Entry::int(120)
        );
        assert!(entry(&s, "hai-phong", "fires", PeriodKind::Current).is_missing());
        assert!(entry(&s, "hai-phong", "fires", PeriodKind::Baseline).is_missing());
        assert_eq!((s.pasted_hidden, s.pasted_outside), (2, 0));
        // Hà Nội and Hải Phòng shown: the lines go to them in that order, TP HCM is skipped;
        // an empty line loses nothing, and a value past the last column is counted as before.
        let last = grid::columns(&s.doc.pact).len() - 1;
        let s = s.clone().reduce(Action::Paste {
            shown: Rc::new(vec![0, 3]),
            pos: 0,
            col: last,
            cells: grid::parse_tsv("1\t9\n3\n\t\n5\n"),
        });
        let ind = grid::columns(&s.doc.pact)[last].clone();
        assert_eq!(
            entry(&s, "ha-noi", &ind.indicator, ind.period),
            Entry::int(1)
        );
        assert_eq!(
            entry(&s, "hai-phong", &ind.indicator, ind.period),
            Entry::int(3)
        );
        assert!(entry(&s, "tp-hcm", &ind.indicator, ind.period).is_missing());
        assert!(entry(&s, "can-tho", &ind.indicator, ind.period).is_missing());
        assert_eq!((s.pasted_hidden, s.pasted_outside), (1, 1));
        // From the second row shown; with every unit shown, the bottom edge counts values.
        let s = s.clone().reduce(Action::Paste {
            shown: Rc::new(vec![0, 3]),
            pos: 1,
            col: col(&s, PeriodKind::Current),
            cells: grid::parse_tsv("7\n8\n"),
        });
        assert_eq!(
            entry(&s, "hai-phong", "fires", PeriodKind::Current),
            Entry::int(7)
        );
        assert!(entry(&s, "can-tho", "fires", PeriodKind::Current).is_missing());
        assert_eq!((s.pasted_hidden, s.pasted_outside), (1, 0));
        // From Cần Thơ, the last unit, shown alone: the second line would have had no unit in
        // the whole grid either, so its two values are outside it, not hidden by the filter.
        let s = s.clone().reduce(Action::Paste {
            shown: Rc::new(vec![4]),
            pos: 0,
            col: col(&s, PeriodKind::Current),
            cells: grid::parse_tsv("7\t8\n9\t10\n"),
        });
        assert_eq!(
            entry(&s, "can-tho", "fires", PeriodKind::Baseline),
            Entry::int(8)
        );
        assert_eq!((s.pasted_hidden, s.pasted_outside), (0, 2));
        // From Hải Phòng shown alone: the second line would go to Cần Thơ (hidden), the third
        // to no unit at all.
        let s = s.clone().reduce(Action::Paste {
            shown: Rc::new(vec![3]),
            pos: 0,
            col: col(&s, PeriodKind::Current),
            cells: grid::parse_tsv("1\n2\n3\n"),
        });
        assert!(entry(&s, "can-tho", "fires", PeriodKind::Current) == Entry::int(7));
        assert_eq!((s.pasted_hidden, s.pasted_outside), (1, 1));
        let s = s.clone().reduce(Action::Paste {
            shown: every_unit(&s),
            pos: 4,
            col: col(&s, PeriodKind::Current),
            cells: grid::parse_tsv("7\n8\n"),
        });
        assert_eq!((s.pasted_hidden, s.pasted_outside), (0, 1));
        // A position past the rows shown writes nothing.
        let before = s.doc.clone();
        let s = s.reduce(Action::Paste {
            shown: Rc::new(vec![1]),
            pos: 3,
            col: 0,
            cells: grid::parse_tsv("1\n"),
        });
        assert_eq!(s.doc, before);
    }

    #[test]
    fn undo_of_an_edit_in_another_review_shows_that_review() {
        let s = state()
            .reduce(fig("ha-noi", "fires", PeriodKind::Current, "123"))
            .reduce(Action::SetReview("6-thang-2023".into()));
        let s = s.reduce(Action::Undo);
        assert_eq!(s.review, "nam-2023");
        assert!(fires(&s).is_missing());
        let col = grid::columns(&s.doc.pact)
            .iter()
            .position(|c| c.indicator == "fires" && c.period == PeriodKind::Current);
        assert_eq!(
            s.undone,
            Some(Undone {
                redo: false,
                switched_to: Some("nam-2023".into()),
                cell: col.map(|c| (0, c)),
            })
        );
        // A change of language keeps what undo said; anything else clears it.
        let s = s.reduce(Action::SetLang(Lang::En));
        assert!(s.undone.is_some());
        let s = s.reduce(Action::SetReview("6-thang-2023".into()));
        assert_eq!(s.undone, None);
        // Redo goes back to that review too.
        let s = s.reduce(Action::Redo);
        assert_eq!(s.review, "nam-2023");
        assert_eq!(fires(&s), Entry::int(123));
        assert_eq!(
            s.undone.as_ref().map(|u| (u.redo, u.switched_to.clone())),
            Some((true, Some("nam-2023".into())))
        );
        // In the review shown, nothing switches.
        let s = s.reduce(Action::Undo);
        assert_eq!(s.review, "nam-2023");
        assert_eq!(s.undone.as_ref().and_then(|u| u.switched_to.clone()), None);
        // An edit of the pact belongs to no review: undoing it switches nothing.
        let mut renamed = (*s.doc).clone();
        renamed.pact.units[0].name.vi = "A".into();
        let s = s
            .reduce(Action::EditPact {
                key: "units[0].name.vi".into(),
                doc: Rc::new(renamed),
            })
            .reduce(Action::SetReview("6-thang-2023".into()))
            .reduce(Action::Undo);
        assert_eq!(s.review, "6-thang-2023");
        assert_eq!(
            s.undone,
            Some(Undone {
                redo: false,
                switched_to: None,
                cell: None,
            })
        );
    }

    #[test]
    fn scores_remarks_and_adjustments() {
        let s = state()
            .reduce(Action::SetScore {
                unit: "ha-noi".into(),
                target: "t1".into(),
                which: ScoreKind::SelfScore,
                text: "9,5".into(),
            })
            .reduce(Action::AddAdjustment {
                unit: "ha-noi".into(),
                kind: AdjustmentKind::Bonus,
                rule: None,
            })
            .reduce(Action::SetAdjustmentPoints {
                unit: "ha-noi".into(),
                index: 0,
                text: "2".into(),
            })
            .reduce(Action::SetAdjustmentPoints {
                unit: "ha-noi".into(),
                index: 0,
                text: "-1".into(),
            });
        let r = s.doc.evaluate();
        let u = r
            .unit("ha-noi")
            .map(|u| (u.total.to_string(), u.bonus.to_string()));
        assert_eq!(u, Some(("23/2".into(), "2".into())));
    }

    #[test]
    fn a_line_takes_the_points_typed_key_by_key_and_keeps_them_through_text_that_is_not_a_number() {
        // What the field sends as "1,5" is typed: "1", "1," (not a number: the line keeps 1),
        // "1,5". The field shows the text as typed; the line counts 1,5, not 15.
        let mut s = state().reduce(Action::AddAdjustment {
            unit: "can-tho".into(),
            kind: AdjustmentKind::Bonus,
            rule: None,
        });
        let points = |s: &AppState| s.doc.unit_data("can-tho").map(|d| d.adjustments[0].points);
        for (text, after) in [
            ("1", "1"),
            ("1,", "1"),
            ("1,5", "1.5"),
            ("1,5x", "1.5"),
            ("", "1.5"),
        ] {
            s = s.reduce(Action::SetAdjustmentPoints {
                unit: "can-tho".into(),
                index: 0,
                text: text.into(),
            });
            assert_eq!(points(&s), thidua_core::Dec::parse(after), "after {text:?}");
        }
        // One undo step for the field, back to the empty line's 0.
        let s = s.reduce(Action::Undo);
        assert_eq!(points(&s), Some(thidua_core::Dec::ZERO));
        assert_eq!(
            adjustment_points("0,05", Lang::Vi),
            thidua_core::Dec::parse("0.05")
        );
        assert_eq!(
            adjustment_points("0.05", Lang::En),
            thidua_core::Dec::parse("0.05")
        );
        assert_eq!(adjustment_points("-1", Lang::Vi), None);
        assert_eq!(adjustment_points("1,", Lang::Vi), None);
    }

    #[test]
    fn a_line_from_a_pact_rule_takes_its_title_and_points() {
        let s = state().reduce(Action::AddAdjustment {
            unit: "tp-hcm".into(),
            kind: AdjustmentKind::Bonus,
            rule: Some("khong-ky-giao-uoc".into()),
        });
        let line = s.doc.unit_data("tp-hcm").map(|d| d.adjustments[0].clone());
        let line = line.expect("a line");
        assert_eq!(line.kind, AdjustmentKind::Deduction);
        assert_eq!(line.points, thidua_core::Dec::int(8));
        assert_eq!(line.reason, "Không ký giao ước thi đua");
        let r = s.doc.evaluate();
        assert_eq!(
            r.unit("tp-hcm").map(|u| u.deduction.to_string()),
            Some("8".into())
        );
    }

    #[test]
    fn each_review_keeps_its_own_figures() {
        let s = state()
            .reduce(fig("ha-noi", "fires", PeriodKind::Current, "7"))
            .reduce(Action::SetReview("6-thang-2023".into()))
            .reduce(fig("ha-noi", "fires", PeriodKind::Current, "3"));
        assert_eq!(
            s.doc
                .unit_data_in("6-thang-2023", "ha-noi")
                .map(|d| d.entry("fires", PeriodKind::Current).clone()),
            Some(Entry::int(3))
        );
        assert_eq!(
            s.doc
                .unit_data_in("nam-2023", "ha-noi")
                .map(|d| d.entry("fires", PeriodKind::Current).clone()),
            Some(Entry::int(7))
        );
        assert_eq!(s.results().review, "6-thang-2023");
        // An unknown review is ignored; a document without the current review falls back.
        let s = s.reduce(Action::SetReview("quy-9".into()));
        assert_eq!(s.review, "6-thang-2023");
        let s = s.reduce(Action::Replace(Rc::new(
            Document::from_json(
                &Document::default_pact()
                    .to_json()
                    .replace("6-thang-2023", "h1"),
            )
            .unwrap(),
        )));
        assert_eq!(s.review, "nam-2023");
    }

    #[test]
    fn external_changes_are_not_undoable_edits() {
        let mut other = Document::default_pact();
        other
            .unit_data_mut("ha-noi")
            .set("fires", PeriodKind::Current, Entry::int(3));
        let s = state().reduce(Action::External(Rc::new(other), Rc::new(vec![]), 0));
        assert!(!s.can_undo());
        assert_eq!(
            entry(&s, "ha-noi", "fires", PeriodKind::Current),
            Entry::int(3)
        );
    }

    fn fires(s: &AppState) -> Entry {
        entry(s, "ha-noi", "fires", PeriodKind::Current)
    }

    #[test]
    fn each_pact_keeps_its_own_data_when_switching() {
        let s = state().reduce(fig("ha-noi", "fires", PeriodKind::Current, "3"));
        let next = thidua_core::rollover::roll_over(&s.doc, 1);
        let s = s.reduce(Action::AddPact(Rc::new(next)));
        assert_eq!((s.active, s.pacts().len()), (1, 2));
        assert_eq!(s.doc.pact.id, "cum1-2024");
        assert_eq!(s.review, "nam-2024");
        assert!(fires(&s).is_missing());
        assert!(!s.can_undo(), "history belongs to a pact");
        let s = s.reduce(fig("ha-noi", "fires", PeriodKind::Current, "7"));
        let s = s.reduce(Action::OpenPact(0));
        assert_eq!(s.doc.pact.id, "cum1-2023");
        assert_eq!(fires(&s), Entry::int(3));
        let s = s.reduce(Action::OpenPact(1));
        assert_eq!(fires(&s), Entry::int(7));
        let ids: Vec<String> = s.pacts().iter().map(|d| d.pact.id.clone()).collect();
        assert_eq!(ids, vec!["cum1-2023", "cum1-2024"]);
    }

    #[test]
    fn deleting_a_pact_opens_a_neighbour_and_the_last_one_stays() {
        let s = state();
        let mut copy = (*s.doc).clone();
        copy.pact.id = "copy".into();
        let s = s.reduce(Action::AddPact(Rc::new(copy)));
        let s = s.reduce(Action::DeletePact(1));
        assert_eq!(s.pacts().len(), 1);
        assert_eq!(s.doc.pact.id, "cum1-2023");
        let s = s.reduce(Action::DeletePact(0));
        assert_eq!(s.pacts().len(), 1, "the last pact is never deleted");
    }

    #[test]
    fn pact_edits_undo_one_field_at_a_time() {
        let s = state();
        let mut a = (*s.doc).clone();
        a.pact.units[0].name.vi = "A".into();
        let mut ab = a.clone();
        ab.pact.units[0].name.vi = "AB".into();
        let s = s
            .reduce(Action::EditPact {
                key: "units[0].name.vi".into(),
                doc: Rc::new(a),
            })
            .reduce(Action::EditPact {
                key: "units[0].name.vi".into(),
                doc: Rc::new(ab),
            });
        assert_eq!(s.doc.pact.units[0].name.vi, "AB");
        let s = s.reduce(Action::Undo);
        assert_eq!(s.doc.pact.units[0].name.vi, "Công an TP Hà Nội");
    }

    #[test]
    fn a_typed_figure_drops_the_provenance_of_a_merged_one() {
        let s = state();
        let mut d = (*s.doc).clone();
        let review = d.pact.main_review().to_string();
        let key = thidua_core::data::figure_key("fires", PeriodKind::Current);
        d.unit_data_in_mut(&review, "ha-noi").sources.insert(
            key.clone(),
            thidua_core::data::Source {
                file: "f".into(),
                exported_at: "e".into(),
                merged_at: "m".into(),
            },
        );
        let s = s.reduce(Action::Replace(Rc::new(d)));
        let s = s.reduce(fig("ha-noi", "fires", PeriodKind::Current, "4"));
        assert!(!s
            .doc
            .unit_data("ha-noi")
            .unwrap()
            .sources
            .contains_key(&key));
    }
}
