//! The "find unit" box over the tables: with 1,000 units most rows are not in the page (the
//! tables are windowed), so the browser's own search cannot reach them. What is typed filters the
//! ranking, the results matrix and the figures grid (see [`crate::unit_filter`]); the box says how
//! many units are shown. Filtering never changes the data or the ranks.

use crate::ui::{tr, trf};
use thidua_core::i18n::format_count;
use thidua_core::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of the box.
#[derive(Properties, PartialEq)]
pub struct UnitSearchProps {
    /// What is typed.
    pub value: AttrValue,
    /// Units shown.
    pub shown: usize,
    /// Units in all.
    pub total: usize,
    /// The language.
    pub lang: Lang,
    /// The new text.
    pub oninput: Callback<String>,
}

/// A labelled search box and the count of units shown.
#[function_component(UnitSearch)]
pub fn unit_search(p: &UnitSearchProps) -> Html {
    let lang = p.lang;
    let oninput = {
        let cb = p.oninput.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            cb.emit(input.value());
        })
    };
    let (shown, total) = (
        format_count(p.shown as i128, lang),
        format_count(p.total as i128, lang),
    );
    let label = tr(lang, "Tìm đơn vị", "Find unit");
    html! {
        <div class="unit-search" role="search" aria-label={label}>
            <label for="unit-search">{label}</label>
            <input id="unit-search" type="search" autocomplete="off" spellcheck="false"
                value={p.value.clone()} {oninput} aria-describedby="unit-search-count" />
            <span id="unit-search-count" aria-live="polite">{trf(lang,
                format!("Hiển thị {shown}/{total} đơn vị"),
                format!("Showing {shown} of {total} units"))}</span>
            // Said in words: with no unit shown, the tables below are empty (the count above is
            // what is announced).
            if p.shown == 0 && !p.value.trim().is_empty() {
                <p class="no-match">{trf(lang,
                    format!("Không có đơn vị nào khớp với “{}”.", p.value.trim()),
                    format!("No unit matches “{}”.", p.value.trim()))}</p>
            }
        </div>
    }
}
