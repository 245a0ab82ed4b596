//! One unit's view: "what must we still achieve this period?" — every target not met with its
//! gap in cases, what is still missing, and the unit's manual scores and adjustments.

use super::chart::ChartFigure;
use super::figures::UnitScores;
use super::results::target_cell;
use crate::charts::model::gap_chart;
use crate::state::{Action, AppState, View};
use crate::ui::{column_headings, points, target_number, tr, trf};
use std::rc::Rc;
use thidua_core::messages::{gap_text, problems_summary};
use thidua_core::{Document, Lang, Results, Status};
use yew::prelude::*;

/// Props of the unit view.
#[derive(Properties, PartialEq)]
pub struct UnitDetailProps {
    /// The document.
    pub doc: Rc<Document>,
    /// Its results.
    pub results: Rc<Results>,
    /// The unit.
    pub unit: AttrValue,
    /// The review.
    pub review: AttrValue,
    /// The language.
    pub lang: Lang,
    /// The reducer.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// The unit view.
#[function_component(UnitDetail)]
pub fn unit_detail(p: &UnitDetailProps) -> Html {
    let lang = p.lang;
    // Why the unit's file could not be made, beside its button.
    let file_error = use_state(|| None::<crate::browser::NotMade>);
    let pact = &p.doc.pact;
    let Some(u) = p.results.unit(&p.unit) else {
        return html! {};
    };
    let name = pact
        .unit(&u.unit)
        .map(|x| x.name.get(lang).to_string())
        .unwrap_or_default();
    let back = {
        let d = p.dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::SetView(View::Main)))
    };
    let title = |id: &str| {
        format!(
            "{} {}",
            target_number(pact, id),
            pact.target(id)
                .map(|t| t.title.get(lang).to_string())
                .unwrap_or_default()
        )
    };
    let not_met: Vec<_> = u
        .targets
        .iter()
        .filter(|t| t.eval.status == Status::NotMet)
        .collect();
    let incomplete: Vec<_> = u
        .targets
        .iter()
        .filter(|t| t.eval.status.is_incomplete())
        .collect();
    // Out of the targets that can be met: a score by review is never "met".
    let decidable = pact.decidable_targets();
    let onexport = {
        let (doc, unit, file_error) = (p.doc.clone(), p.unit.clone(), file_error.clone());
        Callback::from(move |_| {
            let text = thidua_core::unit_file::export_unit(&doc, &unit, &crate::browser::now_iso());
            let file = format!("thidua-don-vi-{}-{}.json", unit, doc.pact.id);
            file_error.set(crate::browser::offer_file(&file, "application/json", &text).err());
        })
    };
    let sources: Vec<(String, thidua_core::data::Source)> = p
        .doc
        .unit_data_in(&p.review, &p.unit)
        .map(|d| {
            d.sources
                .iter()
                .map(|(k, s)| (k.clone(), s.clone()))
                .collect()
        })
        .unwrap_or_default();
    html! {
        <section class="unit-detail" aria-labelledby="unit-title">
            <button type="button" onclick={back}>{tr(lang, "← Về bảng chung", "← Back to the overview")}</button>
            <h2 id="unit-title" tabindex="-1">{name.clone()}</h2>
            <p class="unit-file">
                <button type="button" onclick={onexport}>{tr(lang, "Xuất tệp của đơn vị (gửi cụm trưởng)", "Export this unit's file (for the cluster head)")}</button>
                if let Some(m) = &*file_error {
                    {" "}<span class="field-error" role="alert">{m.message(lang)}</span>
                }
            </p>
            <p class="summary">{trf(lang,
                format!("Hạng {} · {} điểm{} · đạt {}/{} chỉ tiêu", u.rank, points(&u.total, lang), if u.is_provisional() { " (tạm tính)" } else { "" }, u.met, decidable),
                format!("Rank {} · {} points{} · {}/{} targets met", u.rank, points(&u.total, lang), if u.is_provisional() { " (provisional)" } else { "" }, u.met, decidable))}</p>
            <h3>{tr(lang, "Còn phải đạt trong kỳ này", "Still to achieve this period")}</h3>
            if not_met.is_empty() && incomplete.is_empty() {
                <p>{tr(lang, "Không có chỉ tiêu nào chưa đạt.", "No target is unmet.")}</p>
            } else if not_met.is_empty() {
                // Missing data is not "met": without figures nothing is known to be unmet.
                <p>{trf(lang,
                    format!("Chưa có chỉ tiêu nào được biết là chưa đạt: {}/{} chỉ tiêu còn thiếu hoặc sai số liệu, điểm chấm (xem bên dưới).", incomplete.len(), u.targets.len()),
                    if incomplete.len() == 1 {
                        format!("No target is known to be unmet: 1 of {} targets lacks valid figures or scores (listed below).", u.targets.len())
                    } else {
                        format!("No target is known to be unmet: {} of {} targets lack valid figures or scores (listed below).", incomplete.len(), u.targets.len())
                    })}</p>
            } else {
                <ul class="todo" aria-label={tr(lang, "Chỉ tiêu chưa đạt", "Targets not met")}>
                { for not_met.iter().map(|t| html! {
                    <li><strong>{title(&t.eval.target)}</strong>{": "}
                        {gap_text(pact, &t.eval, lang).unwrap_or_default()}</li>
                })}
                </ul>
            }
            <ChartFigure chart={Rc::new(gap_chart(&p.doc, &p.results, Some(&p.unit), lang))} lang={lang} />
            if !incomplete.is_empty() {
                <h3>{tr(lang, "Còn thiếu hoặc sai số liệu", "Missing or invalid data")}</h3>
                <ul class="missing">
                { for incomplete.iter().map(|t| html! {
                    <li><strong>{title(&t.eval.target)}</strong>{": "}{problems_summary(pact, &t.eval, lang)}</li>
                })}
                </ul>
            }
            <table class="results unit-results">
                <caption>{trf(lang, format!("Kết quả từng chỉ tiêu — {name}"), format!("Result per target — {name}"))}</caption>
                <thead><tr>
                    { column_headings(&[
                        tr(lang, "Chỉ tiêu", "Target"),
                        tr(lang, "Kết quả", "Result"),
                    ]) }
                </tr></thead>
                <tbody>
                { for u.targets.iter().map(|t| html! {
                    <tr><th scope="row">{title(&t.eval.target)}</th><td>{target_cell(&p.doc.pact, t, lang)}</td></tr>
                })}
                </tbody>
            </table>
            if !sources.is_empty() {
                <table class="sources">
                    <caption>{tr(lang, "Nguồn số liệu đã gộp từ tệp của đơn vị", "Where merged values came from")}</caption>
                    <thead><tr>
                        { column_headings(&[
                            tr(lang, "Ô", "Cell"),
                            tr(lang, "Tệp", "File"),
                            tr(lang, "Đơn vị xuất lúc", "Exported at"),
                            tr(lang, "Gộp lúc", "Merged at"),
                        ]) }
                    </tr></thead>
                    <tbody>
                    { for sources.iter().map(|(k, s)| html! {
                        <tr><th scope="row">{source_label(pact, k, lang)}</th><td>{s.file.clone()}</td><td>{s.exported_at.clone()}</td><td>{s.merged_at.clone()}</td></tr>
                    })}
                    </tbody>
                </table>
            }
            <UnitScores doc={p.doc.clone()} unit={p.unit.clone()} review={p.review.clone()} lang={lang} dispatch={p.dispatch.clone()} />
        </section>
    }
}

/// A provenance key in words: `figures.fires.current` → "Số vụ cháy — kỳ này".
fn source_label(pact: &thidua_core::Pact, key: &str, lang: Lang) -> String {
    let parts: Vec<&str> = key.split('.').collect();
    match parts.as_slice() {
        ["figures", ind, period] => {
            let name = pact
                .indicator(ind)
                .map(|i| i.name.get(lang).to_string())
                .unwrap_or_else(|| ind.to_string());
            let p = if *period == "baseline" {
                thidua_core::PeriodKind::Baseline
            } else {
                thidua_core::PeriodKind::Current
            };
            format!("{name} — {}", thidua_core::messages::period_label(p, lang))
        }
        ["manual", t, which] => {
            let what = match *which {
                "self" => tr(lang, "điểm tự chấm", "self score"),
                "verified" => tr(lang, "điểm thẩm định", "verified score"),
                "self_remark" => tr(lang, "ghi chú tự chấm", "self-score remark"),
                _ => tr(lang, "ghi chú thẩm định", "verification remark"),
            };
            format!("{} — {what}", target_number(pact, t))
        }
        _ => tr(lang, "điểm thưởng, điểm trừ", "bonus and deduction lines").into(),
    }
}
