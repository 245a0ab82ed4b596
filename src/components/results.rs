//! The results matrix (units × targets) and the ranking summary.
//!
//! Both are [`WindowedTable`]s (only the rows in view are rendered once they are long, every
//! row when printed) of memoised rows: a keystroke renders the edited unit's row of the matrix
//! and the ranking rows whose place or figures changed. The "find unit" filter chooses the rows
//! shown; ranks are the rule crate's, whatever is shown.

use crate::components::windowed::WindowedTable;
use crate::state::{Action, AppState, View};
use crate::ui::{column_headings, dec, points, target_number, tr, trf};
use std::collections::HashMap;
use std::rc::Rc;
use thidua_core::i18n::format_percent;
use thidua_core::messages::{
    flag_labels, gap_text, level_name, margin_text, problems_compact, rule_text, status_icon,
    status_label,
};
use thidua_core::score::Provisional;
use thidua_core::{Document, Lang, Pact, Results, Status, TargetResult};
use yew::prelude::*;

/// Props of the results views.
#[derive(Properties)]
pub struct ResultsProps {
    /// The document.
    pub doc: Rc<Document>,
    /// Its results.
    pub results: Rc<Results>,
    /// The language.
    pub lang: Lang,
    /// The pact, the same pointer while it is unchanged (rows compare it cheaply).
    pub pact: PactRef,
    /// The units shown ("find unit"): their positions in the pact, in its order.
    pub shown: Rc<Vec<usize>>,
    /// To open a unit's view.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// The document and its results compare by identity: a new document is a new `Rc` (the reducer
/// never changes one in place), and comparing 1,000 units' data on every keystroke would cost
/// more than rendering the rows in view.
impl PartialEq for ResultsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.doc, &other.doc)
            && Rc::ptr_eq(&self.results, &other.results)
            && self.lang == other.lang
            && self.pact == other.pact
            && Rc::ptr_eq(&self.shown, &other.shown)
            && self.dispatch == other.dispatch
    }
}

fn status_class(s: Status) -> &'static str {
    match s {
        Status::Met => "st-met",
        Status::NotMet => "st-notmet",
        Status::NoData => "st-nodata",
        Status::Invalid => "st-invalid",
        Status::NotApplicable => "st-na",
        Status::Scored => "st-scored",
    }
}

/// A text longer than this (in characters) may not fit two lines of the narrowest cell (8.5rem,
/// about 20 characters a line); a shorter one ("chưa chấm điểm", "cần thêm 52.546 vụ") always
/// does. A gap that long is cut to two lines in the matrix (a no-increase target's list of the
/// figures that rose, a reduction's excess with its allowed maximum), and a cut text that long
/// takes the keyboard focus (and shows whole while it has it); a shorter problem, cut too, is
/// no stop.
const MAY_OVERFLOW: usize = 32;

/// One result cell's content: status, value and margin, gap or problem, points.
pub fn target_cell(pact: &Pact, t: &TargetResult, lang: Lang) -> Html {
    let e = &t.eval;
    let detail = gap_text(pact, e, lang)
        .or_else(|| (!e.problems.is_empty()).then(|| problems_compact(pact, e, lang)));
    let manual = e.manual.as_ref().map(|m| {
        if m.verified {
            tr(lang, "điểm thẩm định", "verified score")
        } else {
            tr(
                lang,
                "điểm tự chấm, chưa thẩm định",
                "self score, not yet verified",
            )
        }
    });
    // In the matrix a cell is at least six lines high (styles/app.css), which a valid result
    // with a two-line gap fills, and a long gap or problem (a no-increase target lists every
    // figure that rose) is cut to two lines with an ellipsis, the whole text being the hover
    // title and staying in the accessible text (the unit's view shows it in full; a cut text
    // that may not fit takes the keyboard focus, and shows whole while it has it). So neither a
    // figure turning invalid or valid nor a gap's numbers growing while it is typed change its
    // row's height. Short texts are not clipped: every clip is a node the browser walks on
    // each frame.
    let length = detail.as_ref().map_or(0, |d| d.chars().count());
    let title = detail
        .as_ref()
        .filter(|_| !e.problems.is_empty() || length > MAY_OVERFLOW)
        .cloned();
    let long = title.is_some();
    let focusable = long && length > MAY_OVERFLOW;
    html! {
        <div class={classes!("result", status_class(e.status))}>
            <span class="status"><span aria-hidden="true">{status_icon(e.status)}</span>{" "}{status_label(e.status, lang)}</span>
            if let Some(v) = e.value {
                <span class="value">{format_percent(&v, lang)}
                if let Some(m) = e.margin { {" · "}{margin_text(&m, lang)} }
                </span>
            }
            if let Some(d) = detail {
                <span class={classes!("gap", long.then_some("long"))} {title}
                    tabindex={focusable.then_some("0")}>{d}</span>
            }
            if let Some(m) = manual { <span class="gap">{m}</span> }
            <span class="points">{format!("{} {}/{}", tr(lang, "Điểm", "Points"), points(&t.points, lang), dec(t.max_points, lang))}</span>
        </div>
    }
}

/// A pact compared by identity: rows get the same one for as long as the pact is unchanged.
#[derive(Clone)]
pub struct PactRef(pub Rc<Pact>);

impl PartialEq for PactRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The same [`PactRef`] for as long as the pact is equal to the last one (figures being typed
/// change the document, not the pact); it is copied only when it changed.
#[hook]
pub(crate) fn use_pact_ref(pact: &Pact) -> PactRef {
    let kept = use_mut_ref(|| None::<Rc<Pact>>);
    let mut k = kept.borrow_mut();
    match &*k {
        Some(p) if **p == *pact => PactRef(p.clone()),
        _ => {
            let p = Rc::new(pact.clone());
            *k = Some(p.clone());
            PactRef(p)
        }
    }
}

/// Props of one row of the matrix.
#[derive(Properties, PartialEq)]
pub struct ResultRowProps {
    /// The unit's short name.
    pub name: AttrValue,
    /// Its results.
    pub result: thidua_core::UnitResult,
    /// The pact.
    pub pact: PactRef,
    /// The row's `aria-rowindex`.
    pub rowindex: usize,
    /// The language.
    pub lang: Lang,
}

/// One unit's row: rendered again only when its results, the pact or the language change.
#[function_component(ResultRow)]
pub fn result_row(p: &ResultRowProps) -> Html {
    let u = &p.result;
    html! {
        <tr aria-rowindex={p.rowindex.to_string()}>
            <th scope="row">{p.name.clone()}</th>
            { for u.targets.iter().map(|t| html! { <td>{target_cell(&p.pact.0, t, p.lang)}</td> }) }
            <td class="total">{points(&u.total, p.lang)}</td>
        </tr>
    }
}

/// The units × targets matrix.
#[function_component(ResultsMatrix)]
pub fn results_matrix(p: &ResultsProps) -> Html {
    let lang = p.lang;
    let pact = &p.doc.pact;
    let pact_ref = p.pact.clone();
    // `results.units` is in the pact's order, so the positions shown index it directly.
    let shown = p.shown.clone();
    let targets = pact.targets().count();
    let row = {
        let (results, shown, pact_ref) = (p.results.clone(), shown.clone(), pact_ref.clone());
        Callback::from(move |pos: usize| {
            let Some(u) = shown.get(pos).and_then(|&i| results.units.get(i)) else {
                return html! {};
            };
            let name = pact_ref
                .0
                .unit(&u.unit)
                .map(|x| x.short_name.get(lang).to_string())
                .unwrap_or_default();
            html! {
                <ResultRow key={u.unit.as_str()} name={AttrValue::from(name)} result={u.clone()}
                    pact={pact_ref.clone()} rowindex={pos + 2} lang={lang} />
            }
        })
    };
    let head = html! {
        <tr aria-rowindex="1">
            <th scope="col">{tr(lang, "Đơn vị", "Unit")}</th>
            { for pact.targets().map(|(_, t)| html! {
                <th scope="col" title={t.title.get(lang).to_string()}>
                    <span class="tnum">{target_number(pact, &t.id)}</span>
                    <span class="ttitle">{t.title.get(lang)}</span>
                    <span class="trule">{rule_text(&t.rule, lang)}</span>
                </th>
            })}
            <th scope="col">{tr(lang, "Tổng điểm", "Total")}</th>
        </tr>
    };
    html! {
        <WindowedTable class={classes!("results", "matrix")} caption_id="results-caption"
            caption={html! {tr(lang, "Kết quả theo chỉ tiêu", "Results by target")}}
            head={head} header_rows={1} columns={targets + 2} rows={shown.len()} row={row}
            tabindex={AttrValue::Static("0")} print_all=true />
    }
}

/// Words for a provisional reason.
fn provisional_text(pact: &Pact, p: &Provisional, lang: Lang) -> String {
    let title = |id: &str| {
        pact.target(id)
            .map(|t| t.title.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    match p {
        Provisional::NoData { target } => trf(
            lang,
            format!("chưa có số liệu: {}", title(target)),
            format!("no data: {}", title(target)),
        ),
        Provisional::InvalidData { target } => trf(
            lang,
            format!("số liệu không hợp lệ: {}", title(target)),
            format!("invalid data: {}", title(target)),
        ),
        Provisional::Unverified { target } => trf(
            lang,
            format!("chưa thẩm định: {}", title(target)),
            format!("not verified: {}", title(target)),
        ),
    }
}

/// The id of the ranking's button that opens a unit's view: the focus returns to it when that
/// view is left.
pub fn open_button_id(unit: &str) -> String {
    format!("open-{unit}")
}

/// Props of one ranking row.
#[derive(Properties, PartialEq)]
pub struct RankingRowProps {
    /// The unit's results (its rank among them).
    pub result: thidua_core::UnitResult,
    /// Whether it is the leading unit.
    pub leading: bool,
    /// The pact.
    pub pact: PactRef,
    /// The row's `aria-rowindex`.
    pub rowindex: usize,
    /// The language.
    pub lang: Lang,
    /// To open the unit's view.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// One unit's line of the ranking: rendered again only when its results (rank included), the
/// pact or the language change.
#[function_component(RankingRow)]
pub fn ranking_row(p: &RankingRowProps) -> Html {
    let (lang, u, pact) = (p.lang, &p.result, &p.pact.0);
    let name = pact
        .unit(&u.unit)
        .map(|x| x.name.get(lang).to_string())
        .unwrap_or_default();
    let open = {
        let d = p.dispatch.clone();
        let id = u.unit.to_string();
        Callback::from(move |_| d.dispatch(Action::SetView(View::Unit(id.clone()))))
    };
    let flags = flag_labels(u, lang);
    let provisional: Vec<String> = u
        .provisional
        .iter()
        .map(|x| provisional_text(pact, x, lang))
        .collect();
    html! {
        <tr class={classes!(p.leading.then_some("leading"))} aria-rowindex={p.rowindex.to_string()}>
            <td class="rank">{u.rank}{ if u.tied { html!{<span class="tie" title={tr(lang, "Bằng điểm, xếp theo tiêu chí phụ", "Tied on points, ordered by the tie-break")}>{"*"}</span>} } else { html!{} } }</td>
            <th scope="row">
                <button type="button" class="link" id={open_button_id(&u.unit)} onclick={open}
                    aria-label={trf(lang, format!("Xem chi tiết {name}"), format!("Open details of {name}"))}>{name.clone()}</button>
                // Heard with the unit's name; seen as the row's highlight and the star by its rank
                // (styles/app.css), which take no room: a badge beside the name widened the column
                // and wrapped the table's rows when the first leader emerged.
                if p.leading { <span class="visually-hidden">{tr(lang, "Đơn vị dẫn đầu", "Leading unit")}</span> }
            </th>
            <td>{format!("{}/{}", u.met, pact.decidable_targets())}</td>
            <td>{format!("+{} / −{}", points(&u.bonus, lang), points(&u.deduction, lang))}</td>
            <td class="total">{points(&u.total, lang)}</td>
            <td>{level_name(pact, u.level.as_deref(), lang)}{ if u.is_provisional() { tr(lang, " (tạm tính)", " (provisional)") } else { "" } }</td>
            <td>{ if flags.is_empty() { "—".to_string() } else { flags.join(", ") } }</td>
            <td>
                if provisional.is_empty() {
                    {tr(lang, "Chính thức", "Final")}
                } else {
                    <details>
                        <summary>{trf(lang, format!("Tạm tính ({} mục)", provisional.len()), format!("Provisional ({} items)", provisional.len()))}</summary>
                        <ul>{ for provisional.iter().map(|x| html!{<li>{x}</li>}) }</ul>
                    </details>
                }
            </td>
        </tr>
    }
}

/// Totals, classification, rank and flags, in rank order.
#[function_component(Ranking)]
pub fn ranking(p: &ResultsProps) -> Html {
    let lang = p.lang;
    let pact_ref = p.pact.clone();
    let mut is_shown = vec![false; p.results.units.len()];
    for &i in p.shown.iter() {
        if let Some(x) = is_shown.get_mut(i) {
            *x = true;
        }
    }
    let by_id: HashMap<&str, usize> = p
        .results
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.unit.as_str(), i))
        .collect();
    // Positions in `results.units` of the units shown, in rank order.
    let shown: Rc<Vec<usize>> = Rc::new(
        p.results
            .ranking
            .iter()
            .filter_map(|id| by_id.get(id.as_str()).copied())
            .filter(|&i| is_shown[i])
            .collect(),
    );
    let row = {
        let (results, shown, pact_ref, dispatch) = (
            p.results.clone(),
            shown.clone(),
            pact_ref.clone(),
            p.dispatch.clone(),
        );
        Callback::from(move |pos: usize| {
            let Some(u) = shown.get(pos).and_then(|&i| results.units.get(i)) else {
                return html! {};
            };
            let leading = results.leading_unit.as_deref() == Some(u.unit.as_str());
            html! {
                <RankingRow key={u.unit.as_str()} result={u.clone()} leading={leading}
                    pact={pact_ref.clone()} rowindex={pos + 2} lang={lang} dispatch={dispatch.clone()} />
            }
        })
    };
    let head = html! {
        <tr aria-rowindex="1">
            { column_headings(&[
                tr(lang, "Hạng", "Rank"),
                tr(lang, "Đơn vị", "Unit"),
                tr(lang, "Chỉ tiêu đạt", "Targets met"),
                tr(lang, "Thưởng / trừ", "Bonus / deduction"),
                tr(lang, "Tổng điểm", "Total"),
                tr(lang, "Xếp loại", "Classification"),
                tr(lang, "Đủ điều kiện đề nghị", "Eligible for"),
                tr(lang, "Tình trạng", "State"),
            ]) }
        </tr>
    };
    // Which unit leads (the star marks its row; one line, "none yet" when none does), what the
    // tie mark means, in words anyone can read (its title is for the pointer), and whether the
    // lead is shared. The lines keep their place whatever the ranking: typing makes and breaks
    // ties and leads, and the tables and the grid below must not move on a keystroke.
    let shared_lead = p.results.shared_lead();
    let leader = p
        .results
        .leading_unit
        .as_deref()
        .and_then(|id| p.pact.0.unit(id))
        .map(|u| u.name.get(lang))
        .unwrap_or(tr(lang, "chưa có", "none yet"));
    html! {
        <>
        <WindowedTable class={classes!("ranking")} caption_id="ranking-caption"
            caption={html! {tr(lang, "Tổng điểm, xếp loại và xếp hạng", "Totals, classification and ranking")}}
            head={head} header_rows={1} columns={8} rows={shown.len()} row={row} print_all=true />
        <p class="table-note leader"><span aria-hidden="true">{"★ "}</span>{tr(lang, "Đơn vị dẫn đầu", "Leading unit")}{": "}{leader}</p>
        <p class="table-note">{tr(lang,
            "* Bằng tổng điểm với đơn vị khác: xếp theo số chỉ tiêu đạt nhiều hơn, rồi điểm trừ ít hơn; bằng nhau cả ba thì cùng hạng.",
            "* Same total as another unit: ordered by more targets met, then fewer deduction points; units equal on all three share the rank.")}</p>
        <p class={classes!("table-note", (!shared_lead).then_some("unused"))} aria-hidden={(!shared_lead).then_some("true")}>{tr(lang,
            "Nhiều đơn vị cùng hạng 1, nên chưa có đơn vị dẫn đầu: cụm bình xét đơn vị dẫn đầu và đơn vị đề nghị Cờ thi đua của Chính phủ.",
            "Several units share rank 1, so there is no leading unit: the cluster decides by vote which unit leads and is proposed for the Government flag.")}</p>
        </>
    }
}
