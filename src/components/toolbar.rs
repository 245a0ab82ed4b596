//! The toolbar: language, undo and redo, and the save state.

use crate::state::{Action, AppState, View};
use crate::ui::tr;
use thidua_core::Lang;
use yew::prelude::*;

/// Props of the toolbar.
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The language.
    pub lang: Lang,
    /// Undo is possible.
    pub can_undo: bool,
    /// Redo is possible.
    pub can_redo: bool,
    /// The reducer.
    pub dispatch: UseReducerDispatcher<AppState>,
    /// The save state, in words.
    pub save_label: AttrValue,
    /// What the last undo or redo did out of sight (it showed another review), in words; empty
    /// otherwise.
    pub history_note: AttrValue,
    /// The pact's reviews: (id, name).
    pub reviews: Vec<(String, String)>,
    /// The current review.
    pub review: AttrValue,
    /// What the main area shows.
    pub view: View,
    /// The workspace's pacts: titles, in order.
    pub pacts: Vec<String>,
    /// The open one.
    pub active: usize,
}

/// Ids of the undo and redo buttons (the app keeps the focus on them: see `app`).
pub const UNDO_BUTTON: &str = "undo-button";
/// See [`UNDO_BUTTON`].
pub const REDO_BUTTON: &str = "redo-button";

/// The toolbar.
#[function_component(Toolbar)]
pub fn toolbar(p: &ToolbarProps) -> Html {
    let lang = p.lang;
    let act = |a: Action| {
        let d = p.dispatch.clone();
        Callback::from(move |_| d.dispatch(a.clone()))
    };
    let onreview = {
        let d = p.dispatch.clone();
        Callback::from(move |e: Event| {
            let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
            d.dispatch(Action::SetReview(sel.value()));
        })
    };
    let onpact = {
        let d = p.dispatch.clone();
        Callback::from(move |e: Event| {
            let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(i) = sel.value().parse::<usize>() {
                d.dispatch(Action::OpenPact(i));
            }
        })
    };
    html! {
        <div class="toolbar" id="toolbar" role="toolbar" aria-label={tr(lang, "Công cụ", "Tools")}>
            if p.pacts.len() > 1 {
                <label class="pact">{tr(lang, "Giao ước", "Pact")}{" "}
                    <select onchange={onpact}>
                    { for p.pacts.iter().enumerate().map(|(i, title)| html! {
                        <option value={i.to_string()} selected={i == p.active}>{title.clone()}</option>
                    })}
                    </select>
                </label>
            }
            <label class="review">{tr(lang, "Kỳ đánh giá", "Review")}{" "}
                <select onchange={onreview}>
                { for p.reviews.iter().map(|(id, name)| html! {
                    <option value={id.clone()} selected={*id == p.review.as_str()}>{name.clone()}</option>
                })}
                </select>
            </label>
            <div class="views" role="group" aria-label={tr(lang, "Màn hình", "Screen")}>
                <button type="button" aria-pressed={(p.view == View::Main).to_string()} onclick={act(Action::SetView(View::Main))}>{tr(lang, "Bảng kết quả và số liệu", "Results and figures")}</button>
                <button type="button" aria-pressed={(p.view == View::Charts).to_string()} onclick={act(Action::SetView(View::Charts))}>{tr(lang, "Biểu đồ", "Charts")}</button>
                <button type="button" aria-pressed={(p.view == View::Pact).to_string()} onclick={act(Action::SetView(View::Pact))}>{tr(lang, "Sửa giao ước", "Edit the pact")}</button>
            </div>
            <div class="lang" role="group" aria-label={tr(lang, "Ngôn ngữ", "Language")}>
                <button type="button" lang="vi" aria-pressed={(lang == Lang::Vi).to_string()} onclick={act(Action::SetLang(Lang::Vi))}>{"Tiếng Việt"}</button>
                <button type="button" lang="en" aria-pressed={(lang == Lang::En).to_string()} onclick={act(Action::SetLang(Lang::En))}>{"English"}</button>
            </div>
            <button type="button" id={UNDO_BUTTON} disabled={!p.can_undo} onclick={act(Action::Undo)}
                aria-keyshortcuts="Control+Z">{tr(lang, "Hoàn tác", "Undo")}</button>
            <button type="button" id={REDO_BUTTON} disabled={!p.can_redo} onclick={act(Action::Redo)}
                aria-keyshortcuts="Control+Y">{tr(lang, "Làm lại", "Redo")}</button>
            // A live region, always in the page so that what it comes to say is announced (not
            // a second role "status": the save state is the page's status).
            <span class="history-note" aria-live="polite">{p.history_note.clone()}</span>
            <span class="save-state" role="status">{p.save_label.clone()}</span>
        </div>
    }
}
