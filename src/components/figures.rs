//! Entering figures: the spreadsheet-like grid, manual scores and bonus/deduction lines.
//!
//! Grid keys: arrows move between cells (left/right once the caret is at the edge of the text),
//! Enter moves down and Shift+Enter up, Tab moves right as usual, Escape restores the value the
//! cell had when it was entered. Focusing a cell selects its text, so typing replaces it. A block
//! pasted from a spreadsheet fills the cells from the focused one onward; the values that fall
//! outside the grid are not pasted, and a line above the grid says how many. A manual score that
//! cannot count is marked at its field, with the reason.
//!
//! A long grid is windowed ([`WindowedTable`]): moving to a unit whose row is not rendered
//! scrolls it into view and renders it first, then focuses the cell; Tab from a row's last cell
//! and Shift+Tab from its first go on to the next and previous unit the same way. Moves follow
//! the rows shown (the "find unit" filter may hide some), and so does a paste: its lines go to the
//! rows shown, in their order, never to a hidden unit; the lines past the last row shown are not
//! pasted, and the line above the grid says how many and why.

use crate::components::app::Snapshot;
use crate::components::draft_input::DraftInput;
use crate::components::windowed::{WindowControl, WindowedTable};
use crate::grid::{self, Column, Step};
use crate::state::{adjustment_points, Action, AppState};
use crate::storage::BackupReason;
use crate::ui::{column_headings, dec, tr, trf};
use std::rc::Rc;
use thidua_core::data::{AdjustmentKind, CellIssue, PeriodKind};
use thidua_core::eval::{check_score, Problem, ScoreKind};
use thidua_core::messages::{cell_issue_text, period_label, problem_text, score_label};
use thidua_core::model::{IndicatorKind, Rule};
use thidua_core::{Dec, Document, Entry, Lang, Results};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

/// The id of the grid cell of unit `row` (its index in the pact) and column `col`.
pub fn cell_id(row: usize, col: usize) -> String {
    format!("cell-{row}-{col}")
}

/// Whether an element id is a grid cell's.
pub fn is_cell_id(id: &str) -> bool {
    id.starts_with("cell-")
}

/// Moves focus to the grid cell of unit `row` (its index in the pact) and column `col`, if it is
/// rendered.
fn focus_cell(row: usize, col: usize) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&cell_id(row, col)))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}

/// Props of one figure cell.
#[derive(Properties, PartialEq)]
pub struct CellProps {
    /// Row (unit index in the pact).
    pub row: usize,
    /// The row's position among the rows shown.
    pub pos: usize,
    /// Column index in the grid.
    pub col: usize,
    /// Moves focus one step from (position, column), bringing the row into view first; false
    /// when there is no such cell.
    pub onmove: Callback<(usize, usize, Step), bool>,
    /// Pastes a block at (position, column) into the rows shown.
    pub onpaste: Callback<(usize, usize, Vec<Vec<String>>)>,
    /// Unit id.
    pub unit: AttrValue,
    /// Indicator id.
    pub indicator: AttrValue,
    /// Period.
    pub period: PeriodKind,
    /// The stored entry.
    pub entry: Entry,
    /// The indicator's kind.
    pub kind: IndicatorKind,
    /// The accessible name ("unit — indicator — period").
    pub label: AttrValue,
    /// A problem found by evaluation that involves this cell (e.g. solved > occurred).
    pub cross_issue: Option<AttrValue>,
    /// The language.
    pub lang: Lang,
    /// The reducer.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// One editable figure cell.
#[function_component(FigureCell)]
pub fn figure_cell(p: &CellProps) -> Html {
    let draft = use_state(|| None::<String>);
    let original = use_mut_ref(String::new);
    // While the cell is focused it shows what is being typed. When the stored value changes for
    // another reason (a paste, undo, another tab), the cell shows the new value, and Escape
    // returns to it rather than writing an older value back.
    {
        let (draft, original, lang, kind) = (draft.clone(), original.clone(), p.lang, p.kind);
        use_effect_with(p.entry.clone(), move |entry| {
            if let Some(text) = (*draft).as_ref() {
                if Entry::from_figure_input(text, lang, kind) != *entry {
                    let shown = entry.display(lang);
                    *original.borrow_mut() = shown.clone();
                    draft.set(Some(shown));
                }
            }
        });
    }
    let shown = (*draft).clone().unwrap_or_else(|| p.entry.display(p.lang));
    let issue: Option<String> = p
        .entry
        .issue(p.kind, p.lang)
        .map(|i: CellIssue| cell_issue_text(i, p.lang).to_string())
        .or_else(|| p.cross_issue.as_ref().map(|s| s.to_string()));
    let error_id = format!("err-{}-{}", p.row, p.col);

    let set = {
        let (d, unit, indicator, period) = (
            p.dispatch.clone(),
            p.unit.clone(),
            p.indicator.clone(),
            p.period,
        );
        move |text: String| {
            d.dispatch(Action::SetFigure {
                unit: unit.to_string(),
                indicator: indicator.to_string(),
                period,
                text,
            })
        }
    };
    let onfocus = {
        let (draft, original, lang, entry) =
            (draft.clone(), original.clone(), p.lang, p.entry.clone());
        Callback::from(move |e: FocusEvent| {
            let text = entry.display(lang);
            *original.borrow_mut() = text.clone();
            draft.set(Some(text));
            let input: HtmlInputElement = e.target_unchecked_into();
            input.select();
        })
    };
    let onblur = {
        let draft = draft.clone();
        Callback::from(move |_: FocusEvent| draft.set(None))
    };
    let oninput = {
        let (draft, set) = (draft.clone(), set.clone());
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let text = input.value();
            draft.set(Some(text.clone()));
            set(text);
        })
    };
    let onkeydown = {
        let (pos, col) = (p.pos, p.col);
        let onmove = p.onmove.clone();
        let (draft, original, set) = (draft.clone(), original.clone(), set.clone());
        Callback::from(move |e: KeyboardEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let len = input.value().chars().count() as u32;
            let start = input.selection_start().ok().flatten().unwrap_or(0);
            let end = input.selection_end().ok().flatten().unwrap_or(0);
            let all = start == 0 && end == len;
            let step = match e.key().as_str() {
                "ArrowUp" => Some(Step::Up),
                "ArrowDown" => Some(Step::Down),
                "Enter" if e.shift_key() => Some(Step::Up),
                "Enter" => Some(Step::Down),
                "ArrowLeft" if all || (start == 0 && end == 0) => Some(Step::Left),
                "ArrowRight" if all || (start == len && end == len) => Some(Step::Right),
                // Tab goes on to the next unit even when its row is not rendered yet (past the
                // first and last units it leaves the grid as usual).
                "Tab" if e.shift_key() => Some(Step::Prev),
                "Tab" => Some(Step::Next),
                "Escape" => {
                    let text = original.borrow().clone();
                    draft.set(Some(text.clone()));
                    input.set_value(&text);
                    set(text);
                    input.select();
                    e.prevent_default();
                    None
                }
                _ => None,
            };
            if let Some(step) = step {
                // Past the last unit, Tab leaves the grid as usual; other keys stay put.
                if onmove.emit((pos, col, step)) || e.key() != "Tab" {
                    e.prevent_default();
                }
            }
        })
    };
    let onpaste = {
        let (paste, pos, col) = (p.onpaste.clone(), p.pos, p.col);
        Callback::from(move |e: Event| {
            let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else {
                return;
            };
            let Some(text) = e
                .clipboard_data()
                .and_then(|c| c.get_data("text/plain").ok())
            else {
                return;
            };
            if text.contains('\t') || text.trim_end().contains('\n') {
                e.prevent_default();
                paste.emit((pos, col, grid::parse_tsv(&text)));
            }
        })
    };
    html! {
        <td class={classes!("cell", issue.is_some().then_some("invalid"))}>
            <input id={cell_id(p.row, p.col)} type="text" inputmode="decimal"
                autocomplete="off" spellcheck="false"
                aria-label={p.label.clone()}
                aria-invalid={issue.is_some().then_some("true")}
                aria-describedby={issue.is_some().then(|| error_id.clone())}
                value={shown}
                {onfocus} {onblur} {oninput} {onkeydown} onpaste={onpaste} />
            if let Some(msg) = issue {
                <span class="cell-error" id={error_id} role="note">{msg}</span>
            }
        </td>
    }
}

/// Props of the grid and the score editors.
#[derive(Properties)]
pub struct FiguresProps {
    /// The document.
    pub doc: Rc<Document>,
    /// Its results (for cross-cell problems).
    pub results: Rc<Results>,
    /// The review being entered.
    pub review: AttrValue,
    /// The language.
    pub lang: Lang,
    /// The units shown ("find unit"): their positions in the pact, in its order.
    pub shown: Rc<Vec<usize>>,
    /// How many values the last paste left out (outside the grid).
    pub pasted_outside: usize,
    /// How many values the last paste left out because "find unit" hides the rows they would go to.
    pub pasted_hidden: usize,
    /// The reducer.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// The document and its results compare by identity (see `ResultsProps`): comparing every unit's
/// data on each keystroke costs more than rendering the rows in view.
impl PartialEq for FiguresProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.doc, &other.doc)
            && Rc::ptr_eq(&self.results, &other.results)
            && self.review == other.review
            && self.lang == other.lang
            && self.pasted_outside == other.pasted_outside
            && self.pasted_hidden == other.pasted_hidden
            && Rc::ptr_eq(&self.shown, &other.shown)
            && self.dispatch == other.dispatch
    }
}

/// Cross-cell problems by (unit, indicator), from evaluation.
fn cross_issues(doc: &Document, results: &Results, lang: Lang) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for u in &results.units {
        for t in &u.targets {
            for pb in &t.eval.problems {
                if let Problem::Exceeds {
                    numerator,
                    denominator,
                } = pb
                {
                    let msg = thidua_core::messages::problem_text(&doc.pact, pb, lang);
                    out.push((u.unit.to_string(), numerator.clone(), msg.clone()));
                    out.push((u.unit.to_string(), denominator.clone(), msg));
                }
            }
        }
    }
    out
}

/// Header rows of the grid (content, indicator, period).
const GRID_HEADER_ROWS: usize = 3;

/// The figures grid: units as rows, indicators (current and baseline) as columns.
#[function_component(FiguresGrid)]
pub fn figures_grid(p: &FiguresProps) -> Html {
    let lang = p.lang;
    let pact = &p.doc.pact;
    let groups = grid::groups(pact);
    let columns: Vec<Column> = grid::columns(pact);
    let cross = Rc::new(cross_issues(&p.doc, &p.results, lang));
    let cols: Rc<Vec<GridColumn>> = Rc::new(
        columns
            .iter()
            .map(|c| {
                let def = pact.indicator(&c.indicator);
                GridColumn {
                    indicator: AttrValue::from(c.indicator.clone()),
                    period: c.period,
                    kind: def.map(|d| d.kind).unwrap_or_default(),
                    label: format!(
                        "{} — {}",
                        def.map(|d| d.name.get(lang)).unwrap_or_default(),
                        period_label(c.period, lang)
                    ),
                }
            })
            .collect(),
    );
    // The units shown, as indices in the pact; moves between rows go through them.
    let shown = p.shown.clone();
    let shown_now = use_mut_ref(|| Rc::new(Vec::<usize>::new()));
    *shown_now.borrow_mut() = shown.clone();
    let control = use_memo((), |_| WindowControl::default());
    // A move waiting for its row to be rendered: the cell the key was pressed in, and where the
    // move goes. Until the row is there, focus stays in that cell, and further keys pressed in it
    // (a held arrow key) go on from where the move goes, so that none is lost.
    let pending = use_mut_ref(|| None::<((usize, usize), (usize, usize))>);
    // The same callback for as long as the grid is mounted, so that rows stay memoised.
    let onmove = {
        let (shown_now, control) = (shown_now.clone(), control.clone());
        use_callback(
            cols.len(),
            move |(pos, col, step): (usize, usize, Step), ncols: &usize| {
                let from = (pos, col);
                let base = match *pending.borrow() {
                    Some((source, to)) if source == from => to,
                    _ => from,
                };
                let shown = shown_now.borrow().clone();
                let Some((to_pos, to_col)) = grid::step(base, step, shown.len(), *ncols) else {
                    return false;
                };
                let Some(&row) = shown.get(to_pos) else {
                    return false;
                };
                let this = (from, (to_pos, to_col));
                *pending.borrow_mut() = Some(this);
                let pending = pending.clone();
                control.reveal(to_pos, move || {
                    // Only the latest move takes the focus. An earlier one, revealed on the way
                    // while a held key went on, would take it back, and the next press would go
                    // on from there: a key lost for every early reveal (seen on a busy machine).
                    if *pending.borrow() != Some(this) {
                        return;
                    }
                    *pending.borrow_mut() = None;
                    focus_cell(row, to_col);
                });
                true
            },
        )
    };
    // A block pasted into a cell goes to the rows shown from that cell's row on (the same callback
    // for as long as the grid is mounted, like `onmove`).
    let onpaste = {
        let (shown_now, dispatch) = (shown_now.clone(), p.dispatch.clone());
        use_callback(
            (),
            move |(pos, col, cells): (usize, usize, Vec<Vec<String>>), _| {
                dispatch.dispatch(Action::Paste {
                    shown: shown_now.borrow().clone(),
                    pos,
                    col,
                    cells,
                })
            },
        )
    };
    let row = {
        let (doc, shown, cols, cross, review, dispatch) = (
            p.doc.clone(),
            shown.clone(),
            cols.clone(),
            cross.clone(),
            p.review.clone(),
            p.dispatch.clone(),
        );
        Callback::from(move |pos: usize| {
            let Some((row, u)) = shown
                .get(pos)
                .and_then(|&r| doc.pact.units.get(r).map(|u| (r, u)))
            else {
                return html! {};
            };
            let data = doc.unit_data_in(&review, &u.id).cloned();
            let issues: Vec<(String, String)> = cross
                .iter()
                .filter(|(un, _, _)| un == &u.id)
                .map(|(_, ind, m)| (ind.clone(), m.clone()))
                .collect();
            html! {
                <GridRow key={u.id.clone()} row={row} pos={pos} rowindex={GRID_HEADER_ROWS + pos + 1}
                    unit={AttrValue::from(u.id.clone())}
                    name={AttrValue::from(u.short_name.get(lang).to_string())}
                    data={data} issues={issues} columns={cols.clone()} lang={lang}
                    onmove={onmove.clone()} onpaste={onpaste.clone()} dispatch={dispatch.clone()} />
            }
        })
    };
    let head = html! {
        <>
        <tr aria-rowindex="1">
            <th scope="col" rowspan="3">{tr(lang, "Đơn vị", "Unit")}</th>
            { for groups.iter().map(|g| {
                let title = g.content.as_ref()
                    .and_then(|c| pact.contents.iter().find(|x| &x.id == c))
                    .map(|c| trf(lang, format!("Nội dung {}", c.number), format!("Content {}", c.number)))
                    .unwrap_or_else(|| tr(lang, "Chỉ số khác", "Other indicators").to_string());
                html! { <th scope="colgroup" colspan={(g.indicators.len() * 2).to_string()}>{title}</th> }
            })}
        </tr>
        <tr aria-rowindex="2">
            { for groups.iter().flat_map(|g| g.indicators.clone()).map(|id| {
                let d = pact.indicator(&id);
                let name = d.map(|d| d.name.get(lang).to_string()).unwrap_or_default();
                let unit = d.map(|d| d.unit.get(lang).to_string()).unwrap_or_default();
                html! { <th scope="colgroup" colspan="2">{name}<span class="unit">{format!(" ({unit})")}</span></th> }
            })}
        </tr>
        <tr aria-rowindex="3">
            { for columns.iter().map(|c| html! {
                <th scope="col" class="period">{period_label(c.period, lang)}</th>
            })}
        </tr>
        </>
    };
    // A live region, always in the page so that what it comes to say is announced (no role
    // "status": the toolbar's save state is the page's status).
    let n = p.pasted_outside;
    let count = thidua_core::i18n::format_count(n as i128, lang);
    let paste_note = (n > 0).then(|| {
        trf(
            lang,
            format!("{count} giá trị không được dán vì nằm ngoài bảng số liệu."),
            if n == 1 {
                "1 value was not pasted: it fell outside the grid.".to_string()
            } else {
                format!("{count} values were not pasted: they fell outside the grid.")
            },
        )
    });
    // Both notes count values, never lines: a line may hold several values, or none.
    let hidden = p.pasted_hidden;
    let hidden_note = (hidden > 0).then(|| {
        let count = thidua_core::i18n::format_count(hidden as i128, lang);
        trf(
            lang,
            format!("{count} giá trị không được dán vì bộ lọc “Tìm đơn vị” đang ẩn các đơn vị khác: chỉ dán vào các đơn vị đang hiện."),
            if hidden == 1 {
                "1 value was not pasted: “Find unit” hides the other units, and a paste fills only the units shown.".to_string()
            } else {
                format!("{count} values were not pasted: “Find unit” hides the other units, and a paste fills only the units shown.")
            },
        )
    });
    html! {
        <>
        <p class="paste-note" aria-live="polite">
            if let Some(note) = hidden_note { <span>{note}</span>{" "} }
            if let Some(note) = paste_note { <span>{note}</span> }
        </p>
        <WindowedTable class={classes!("grid")} region_class={classes!("grid-wrap")}
            caption_id="grid-caption"
            caption={html! {tr(lang, "Số liệu các đơn vị (để trống = chưa có số liệu)", "Units' figures (blank = no data)")}}
            head={head} header_rows={GRID_HEADER_ROWS} columns={1 + cols.len()}
            rows={shown.len()} row={row} tabindex={AttrValue::Static("-1")}
            control={(*control).clone()} />
        </>
    }
}

/// A column of the grid as its rows need it.
#[derive(Clone, Debug, PartialEq)]
pub struct GridColumn {
    /// Indicator id.
    pub indicator: AttrValue,
    /// Period.
    pub period: PeriodKind,
    /// The indicator's kind.
    pub kind: IndicatorKind,
    /// "indicator — period", the end of each cell's accessible name.
    pub label: String,
}

/// Props of one grid row.
#[derive(Properties, PartialEq)]
pub struct GridRowProps {
    /// The unit's index in the pact.
    pub row: usize,
    /// The row's position among the rows shown.
    pub pos: usize,
    /// Its `aria-rowindex` (after the header rows).
    pub rowindex: usize,
    /// Unit id.
    pub unit: AttrValue,
    /// The unit's short name.
    pub name: AttrValue,
    /// What the unit entered in this review.
    pub data: Option<thidua_core::UnitData>,
    /// Cross-cell problems of this unit: (indicator, message).
    pub issues: Vec<(String, String)>,
    /// The columns.
    pub columns: Rc<Vec<GridColumn>>,
    /// The language.
    pub lang: Lang,
    /// Moves focus between cells (see [`CellProps::onmove`]).
    pub onmove: Callback<(usize, usize, Step), bool>,
    /// Pastes a block (see [`CellProps::onpaste`]).
    pub onpaste: Callback<(usize, usize, Vec<Vec<String>>)>,
    /// The reducer.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// One unit's row of the grid. A row whose unit, figures and problems did not change is not
/// rendered again, so a keystroke costs one row, not the whole grid.
#[function_component(GridRow)]
pub fn grid_row(p: &GridRowProps) -> Html {
    html! {
        <tr aria-rowindex={p.rowindex.to_string()}>
            <th scope="row">{p.name.clone()}</th>
            { for p.columns.iter().enumerate().map(|(col, c)| {
                let entry = p.data.as_ref().map(|d| d.entry(&c.indicator, c.period).clone()).unwrap_or_default();
                let cross_issue = if c.period == PeriodKind::Current {
                    p.issues.iter().find(|(ind, _)| ind.as_str() == c.indicator.as_str()).map(|(_, m)| AttrValue::from(m.clone()))
                } else { None };
                html! {
                    <FigureCell row={p.row} pos={p.pos} col={col} onmove={p.onmove.clone()} onpaste={p.onpaste.clone()}
                        unit={p.unit.clone()}
                        indicator={c.indicator.clone()} period={c.period}
                        entry={entry} kind={c.kind}
                        label={AttrValue::from(format!("{} — {}", p.name, c.label))} cross_issue={cross_issue}
                        lang={p.lang} dispatch={p.dispatch.clone()} />
                }
            })}
        </tr>
    }
}

/// Self and verified scores with remarks, and bonus/deduction lines, for one unit.
#[derive(Properties, PartialEq)]
pub struct UnitScoresProps {
    /// The document.
    pub doc: Rc<Document>,
    /// The unit.
    pub unit: AttrValue,
    /// The review.
    pub review: AttrValue,
    /// The language.
    pub lang: Lang,
    /// The reducer.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// Manual scores and adjustments of one unit.
#[function_component(UnitScores)]
pub fn unit_scores(p: &UnitScoresProps) -> Html {
    let lang = p.lang;
    let pact = &p.doc.pact;
    let unit = p.unit.to_string();
    let uname = pact
        .unit(&unit)
        .map(|u| u.short_name.get(lang).to_string())
        .unwrap_or_default();
    let data = p
        .doc
        .unit_data_in(&p.review, &unit)
        .cloned()
        .unwrap_or_default();
    let manual_targets: Vec<_> = pact
        .targets()
        .filter(|(_, t)| matches!(t.rule, Rule::Manual))
        .map(|(_, t)| t.clone())
        .collect();
    let d = p.dispatch.clone();
    html! {
        <section class="scores" aria-label={trf(lang, format!("Chấm điểm thủ công — {uname}"), format!("Manual scores — {uname}"))}>
            <table class="manual">
                <caption>{trf(lang, format!("Nội dung chấm điểm thủ công — {uname}"), format!("Manually scored contents — {uname}"))}</caption>
                <thead><tr>
                    { column_headings(&[
                        tr(lang, "Chỉ tiêu", "Target"),
                        score_label(ScoreKind::SelfScore, lang),
                        tr(lang, "Ghi chú tự chấm", "Self-score remark"),
                        score_label(ScoreKind::Verified, lang),
                        tr(lang, "Ghi chú thẩm định", "Verification remark"),
                    ]) }
                </tr></thead>
                <tbody>
                { for manual_targets.iter().map(|t| {
                    let m = data.manual.get(&t.id).cloned().unwrap_or_default();
                    let title = t.title.get(lang).to_string();
                    let max = dec(t.max_points, lang);
                    let score = |which: ScoreKind, entry: &Entry| {
                        // Marked at the field like an invalid cell of the grid (the message is
                        // its description), not only in the results.
                        let issue = check_score(entry, which, t.max_points).err()
                            .map(|e| problem_text(pact, &e, lang));
                        let error_id = format!("err-score-{}-{}-{}", unit, t.id, match which {
                            ScoreKind::SelfScore => "self",
                            ScoreKind::Verified => "verified",
                        });
                        let (d, unit, target) = (d.clone(), unit.clone(), t.id.clone());
                        let oninput = Callback::from(move |text: String| {
                            d.dispatch(Action::SetScore { unit: unit.clone(), target: target.clone(), which, text });
                        });
                        // Every text is taken: what is not a number is kept as text, and `issue`
                        // says so.
                        let read = Callback::from(move |text: String| Ok(AttrValue::from(Entry::from_input(&text, lang).display(lang))));
                        let label = format!("{} — {} — {} (0–{})", uname, title, score_label(which, lang), max);
                        html! {
                            <td class={classes!(issue.is_some().then_some("invalid"))}>
                                <DraftInput value={AttrValue::from(entry.display(lang))} {read} {oninput}
                                    error={issue.map(AttrValue::from)} label={AttrValue::from(label)}
                                    error_id={AttrValue::from(error_id)} numeric=true />
                            </td>
                        }
                    };
                    let remark = |which: ScoreKind, text: &str| {
                        let (d, unit, target) = (d.clone(), unit.clone(), t.id.clone());
                        let oninput = Callback::from(move |e: InputEvent| {
                            let input: HtmlInputElement = e.target_unchecked_into();
                            d.dispatch(Action::SetRemark { unit: unit.clone(), target: target.clone(), which, text: input.value() });
                        });
                        let label = format!("{} — {} — {}", uname, title, match which {
                            ScoreKind::SelfScore => tr(lang, "Ghi chú tự chấm", "Self-score remark"),
                            ScoreKind::Verified => tr(lang, "Ghi chú thẩm định", "Verification remark"),
                        });
                        html! { <td><input type="text" aria-label={label} value={text.to_string()} {oninput} /></td> }
                    };
                    html! {
                        <tr>
                            <th scope="row">{format!("{} ({} {})", title, tr(lang, "tối đa", "max"), max)}</th>
                            {score(ScoreKind::SelfScore, &m.self_score)}
                            {remark(ScoreKind::SelfScore, &m.self_remark)}
                            {score(ScoreKind::Verified, &m.verified)}
                            {remark(ScoreKind::Verified, &m.verified_remark)}
                        </tr>
                    }
                })}
                </tbody>
            </table>
            <AdjustmentLines doc={p.doc.clone()} unit={p.unit.clone()} review={p.review.clone()} lang={lang} dispatch={p.dispatch.clone()} />
        </section>
    }
}

/// Reads a line's points as [`Action::SetAdjustmentPoints`] takes them, or says why they are not
/// taken and what the line still counts (`kept`).
fn read_points(text: &str, kept: Dec, lang: Lang) -> Result<AttrValue, AttrValue> {
    if let Some(points) = adjustment_points(text, lang) {
        return Ok(dec(points, lang).into());
    }
    let kept = dec(kept, lang);
    let typed = text.trim();
    Err(if typed.is_empty() {
        trf(
            lang,
            format!("Chưa nhập số điểm (một số từ 0 trở lên): dòng này vẫn tính {kept} điểm."),
            format!("No points typed (a number of 0 or more): the line still counts {kept}."),
        )
    } else {
        trf(
            lang,
            format!("“{typed}” không phải là số điểm (một số từ 0 trở lên): dòng này vẫn tính {kept} điểm."),
            format!("“{typed}” is not a number of points (0 or more): the line still counts {kept}."),
        )
    }
    .into())
}

/// Keys of one unit's bonus and deduction lines, in their order (see [`AdjustmentLines`]).
#[derive(Default)]
struct LineKeys {
    unit: String,
    keys: Vec<u64>,
    next: u64,
    /// Lines this component has just asked to add (at the end).
    adding: usize,
    /// After a removal here: the position whose line (or the one before) takes the focus, once
    /// the list has this many lines.
    focus: Option<(usize, usize)>,
    /// After an add here: the new line, whose reason field takes the focus once it is drawn.
    fill: Option<usize>,
}

impl LineKeys {
    /// Fits the keys to `unit`'s `n` lines. Lines added here get new keys at the end. Any other
    /// change of the count (an undo, an import, another tab) cannot be told apart from a line
    /// restored in the middle, so every line gets a new key: what was typed gives way to the
    /// stored values, as it does for any change made elsewhere, rather than staying in a field
    /// that now shows another line. Another unit: all new keys too.
    fn fit(&mut self, unit: &str, n: usize) {
        let known = self.unit == unit;
        let added = n > self.keys.len() && n - self.keys.len() <= self.adding;
        if !known || (n != self.keys.len() && !added) {
            self.unit = unit.to_string();
            self.keys.clear();
        }
        if known && added {
            self.fill = Some(n - 1);
        }
        self.adding = 0;
        while self.keys.len() < n {
            self.keys.push(self.next);
            self.next += 1;
        }
    }

    /// The key of line `i`.
    fn key(&self, i: usize) -> u64 {
        self.keys.get(i).copied().unwrap_or(u64::MAX - i as u64)
    }

    /// A line is being added at the end.
    fn add(&mut self) {
        self.adding += 1;
    }

    /// Line `i` is being removed: the lines after it keep their keys, and the focus goes to the
    /// line that takes its place.
    fn remove(&mut self, i: usize) {
        if i < self.keys.len() {
            self.keys.remove(i);
            self.focus = Some((i, self.keys.len()));
        }
    }
}

/// Focuses the first `selector` in item `i` of the list `list`; false when there is none.
fn focus_in_item(list: &NodeRef, i: usize, selector: &str) -> bool {
    list.cast::<web_sys::Element>()
        .and_then(|ul| ul.children().item(i as u32))
        .and_then(|li| li.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|e| e.focus().is_ok())
}

/// The bonus and deduction lines of a unit.
#[function_component(AdjustmentLines)]
fn adjustment_lines(p: &UnitScoresProps) -> Html {
    let snapshot = use_context::<Snapshot>();
    let lang = p.lang;
    let unit = p.unit.to_string();
    let uname = p
        .doc
        .pact
        .unit(&unit)
        .map(|u| u.short_name.get(lang).to_string())
        .unwrap_or_default();
    let lines = p
        .doc
        .unit_data_in(&p.review, &unit)
        .map(|d| d.adjustments.clone())
        .unwrap_or_default();
    // The lines have no ids of their own, so each is keyed here: a removed line takes its key
    // with it, and the lines after it keep theirs, with what is typed in their fields (keyed by
    // position, a field's unusable text would go to another line, or be lost). Lines added here
    // get new keys at the end; any other change of the count, or another unit, renews them all
    // ([`LineKeys::fit`]).
    let keys = use_mut_ref(LineKeys::default);
    keys.borrow_mut().fit(&unit, lines.len());
    let caps = &p.doc.pact.adjustments;
    let add = |kind: AdjustmentKind| {
        let (d, unit, keys) = (p.dispatch.clone(), unit.clone(), keys.clone());
        Callback::from(move |_| {
            keys.borrow_mut().add();
            d.dispatch(Action::AddAdjustment {
                unit: unit.clone(),
                kind,
                rule: None,
            })
        })
    };
    let rule_select = use_node_ref();
    let add_rule = {
        let (d, unit, node) = (p.dispatch.clone(), unit.clone(), rule_select.clone());
        let keys = keys.clone();
        Callback::from(move |_| {
            if let Some(sel) = node.cast::<web_sys::HtmlSelectElement>() {
                let id = sel.value();
                if !id.is_empty() {
                    keys.borrow_mut().add();
                    d.dispatch(Action::AddAdjustment {
                        unit: unit.clone(),
                        kind: AdjustmentKind::Bonus,
                        rule: Some(id),
                    });
                }
            }
        })
    };
    // After a removal here, the focus goes to the remove button of the line that took the removed
    // one's place (the last line when it was the last; "add bonus" when none is left), never to
    // the page: the removed button is gone. After an add here, it goes to the new line's reason,
    // the field a person fills first.
    let list = use_node_ref();
    let add_bonus = use_node_ref();
    {
        let (keys, list, add_bonus, n) =
            (keys.clone(), list.clone(), add_bonus.clone(), lines.len());
        use_effect(move || {
            let added = keys.borrow_mut().fill.take();
            if let Some(i) = added.filter(|&i| i < n) {
                focus_in_item(&list, i, "input");
            }
            let due = keys.borrow().focus.filter(|&(_, after)| after == n);
            if let Some((i, _)) = due {
                keys.borrow_mut().focus = None;
                if n == 0 || !focus_in_item(&list, i.min(n - 1), "button") {
                    if let Some(el) = add_bonus.cast::<web_sys::HtmlElement>() {
                        let _ = el.focus();
                    }
                }
            }
        });
    }
    let rules = caps.rules.clone();
    let kind_label = |k: AdjustmentKind| match k {
        AdjustmentKind::Bonus => tr(lang, "Điểm thưởng", "Bonus"),
        AdjustmentKind::Deduction => tr(lang, "Điểm trừ", "Deduction"),
    };
    html! {
        <div class="adjustments">
            <h4>{trf(lang,
                format!("Điểm thưởng (tối đa {}) và điểm trừ (tối đa {}) — {uname}", dec(caps.bonus_cap, lang), dec(caps.deduction_cap, lang)),
                format!("Bonus (at most {}) and deductions (at most {}) — {uname}", dec(caps.bonus_cap, lang), dec(caps.deduction_cap, lang)))}</h4>
            <ul ref={list}>
            { for lines.iter().enumerate().map(|(i, a)| {
                // Numbered within its kind ("Bonus 2", "Deduction 1"), as a person counts them,
                // not by its place in the one list both kinds share.
                let n = lines[..=i].iter().filter(|l| l.kind == a.kind).count();
                let d = p.dispatch.clone();
                let u = unit.clone();
                let onreason = Callback::from(move |e: InputEvent| {
                    let input: HtmlInputElement = e.target_unchecked_into();
                    d.dispatch(Action::SetAdjustmentReason { unit: u.clone(), index: i, text: input.value() });
                });
                let d = p.dispatch.clone();
                let u = unit.clone();
                let onpoints = Callback::from(move |text: String| {
                    d.dispatch(Action::SetAdjustmentPoints { unit: u.clone(), index: i, text });
                });
                let kept = a.points;
                let readpoints = Callback::from(move |text: String| read_points(&text, kept, lang));
                let d = p.dispatch.clone();
                let u = unit.clone();
                let snap = snapshot.clone();
                let line_keys = keys.clone();
                let onremove = Callback::from(move |_| {
                    // Removing a line is preceded by a snapshot, like every removal.
                    if snap.as_ref().is_none_or(|s| s.0.emit(BackupReason::Remove)) {
                        line_keys.borrow_mut().remove(i);
                        d.dispatch(Action::RemoveAdjustment { unit: u.clone(), index: i });
                    }
                });
                let kind = kind_label(a.kind);
                let key = keys.borrow().key(i);
                html! {
                    <li key={key}>
                        <span class="kind">{kind}</span>
                        <label>{tr(lang, "Lý do", "Reason")}
                            <input type="text" value={a.reason.clone()} oninput={onreason}
                                aria-label={format!("{uname} — {kind} {n} — {}", tr(lang, "lý do", "reason"))} /></label>
                        <label>{tr(lang, "Điểm", "Points")}
                            <DraftInput value={AttrValue::from(dec(a.points, lang))} read={readpoints} oninput={onpoints}
                                label={AttrValue::from(format!("{uname} — {kind} {n} — {}", tr(lang, "điểm", "points")))}
                                error_id={AttrValue::from(format!("err-adjustment-{unit}-{i}"))} numeric=true /></label>
                        <button type="button" onclick={onremove}
                            aria-label={format!("{} {kind} {n} — {uname}", tr(lang, "Xóa", "Remove"))}>{tr(lang, "Xóa", "Remove")}</button>
                    </li>
                }
            })}
            </ul>
            if !rules.is_empty() {
                <div class="rule-add">
                    <label>{tr(lang, "Quy định thưởng/trừ của giao ước", "The pact's bonus and deduction rules")}
                        <select ref={rule_select}>
                            <option value="" selected=true>{tr(lang, "— chọn quy định —", "— choose a rule —")}</option>
                        { for rules.iter().map(|r| {
                            let sign = if r.kind == AdjustmentKind::Bonus { "+" } else { "−" };
                            html! { <option value={r.id.clone()}>{format!("{} ({sign}{})", r.title.get(lang), dec(r.points, lang))}</option> }
                        })}
                        </select>
                    </label>
                    {" "}
                    <button type="button" onclick={add_rule}>{trf(lang, format!("Áp dụng quy định — {uname}"), format!("Apply the rule — {uname}"))}</button>
                </div>
            }
            <button type="button" ref={add_bonus} onclick={add(AdjustmentKind::Bonus)}>{trf(lang, format!("Thêm điểm thưởng — {uname}"), format!("Add bonus — {uname}"))}</button>
            {" "}
            <button type="button" onclick={add(AdjustmentKind::Deduction)}>{trf(lang, format!("Thêm điểm trừ — {uname}"), format!("Add deduction — {uname}"))}</button>
        </div>
    }
}
