//! Bilingual UI wording. Every string in the interface goes through [`tr`], which takes both
//! languages at the call site, so no string can exist in one language only.

use thidua_core::i18n::{format_dec, format_scaled};
use thidua_core::{Dec, Lang, Points};

/// Picks the Vietnamese or the English text.
pub fn tr(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// Picks between two formatted strings.
pub fn trf(lang: Lang, vi: String, en: String) -> String {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// Text in lowercase by Unicode's rules (a name inside a sentence; "find unit"'s comparison). In
/// the browser this is JavaScript's `toLowerCase`, which uses the browser's own Unicode tables:
/// Rust's `str::to_lowercase` would put a 12 KB table into the wasm (BENCHMARKS.md § 3). Native
/// builds (the tests) use Rust's; both follow Unicode's default case mapping.
pub fn lowercase(text: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(text).to_lower_case())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.to_lowercase()
    }
}

/// Points with two decimals in the language's format.
pub fn points(p: &Points, lang: Lang) -> String {
    format_scaled(&p.rounded(2), 2, lang)
}

/// A decimal in the language's format.
pub fn dec(d: Dec, lang: Lang) -> String {
    format_dec(d, lang)
}

/// The number people use for a target: "4" for a content's only target, "5.2" otherwise.
pub fn target_number(pact: &thidua_core::Pact, target: &str) -> String {
    for c in &pact.contents {
        if let Some(i) = c.targets.iter().position(|t| t.id == target) {
            return if c.targets.len() == 1 {
                c.number.to_string()
            } else {
                format!("{}.{}", c.number, i + 1)
            };
        }
    }
    String::new()
}

/// The headings of a table's columns, `<th scope="col">` each, in order: one function renders
/// them for every table, where markup written inline repeats its code per heading (≈ 300 bytes
/// of wasm each, BENCHMARKS.md § 3).
pub fn column_headings(texts: &[&'static str]) -> yew::Html {
    texts
        .iter()
        .map(|&t| yew::html! { <th scope="col">{t}</th> })
        .collect()
}
