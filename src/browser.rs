//! Small browser helpers: downloads, the clock, the page language. No storage here (see
//! [`crate::storage`]).

use crate::ui::trf;
use thidua_core::Lang;

/// Milliseconds since 1970.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Today as `YYYY-MM-DD` (local time), for file names.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Reads a chosen file as text (refusing files over the import size limit before reading); the
/// error is worded in `lang`.
pub async fn read_file(file: &web_sys::File, lang: thidua_core::Lang) -> Result<String, String> {
    let vi = lang == thidua_core::Lang::Vi;
    if file.size() > thidua_core::document::MAX_FILE_BYTES as f64 {
        let bytes = file.size() as usize;
        let why = thidua_core::document::ImportError::TooLarge { bytes }.messages(lang);
        return Err(format!("{}: {}", file.name(), why.join("; ")));
    }
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| {
            if vi {
                format!("{}: không đọc được tệp", file.name())
            } else {
                format!("{}: the file cannot be read", file.name())
            }
        })
}

/// The time now, as ISO 8601 in UTC (for provenance).
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// A file the browser would not make, and why: kept as it is and worded when shown, so that the
/// message follows a change of language.
#[derive(Clone, Debug, PartialEq)]
pub struct NotMade {
    /// The file's name.
    pub file: String,
    /// What the browser said.
    pub why: String,
}

impl NotMade {
    /// "The file … could not be made: why", in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let (file, why) = (&self.file, &self.why);
        trf(
            lang,
            format!("Không tạo được tệp “{file}”: {why}"),
            format!("The file “{file}” could not be made: {why}"),
        )
    }
}

/// Offers `text` as the file `filename`; when the browser will not make the file, why, for the
/// caller to show where the person asked for it (a download that silently gives nothing is data
/// they believe they have).
pub fn offer_file(filename: &str, mime: &str, text: &str) -> Result<(), NotMade> {
    download(filename, mime, text).map_err(|why| NotMade {
        file: filename.to_string(),
        why,
    })
}

/// How long a download's blob URL stays readable after the click.
const REVOKE_AFTER_MS: u32 = 60_000;

/// What a thrown JavaScript value says, for a person: "RangeError: …" for an Error or a
/// DOMException (their name and message, without the stack that `{:?}` prints), the text of
/// anything else.
pub fn error_text(e: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    if let Some(d) = e.dyn_ref::<web_sys::DomException>() {
        format!("{}: {}", d.name(), d.message())
    } else if let Some(x) = e.dyn_ref::<js_sys::Error>() {
        format!("{}: {}", String::from(x.name()), String::from(x.message()))
    } else {
        e.as_string().unwrap_or_else(|| "unknown error".into())
    }
}

/// Offers `text` as a file download.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let err = |e: wasm_bindgen::JsValue| error_text(&e);
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(err)?
        .dyn_into()
        .map_err(|_| "not an anchor".to_string())?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    // Firefox reads the blob URL after the click's task has ended (Mozilla bug 1282407): revoked
    // at once, the download never starts. A minute later every browser has read it.
    gloo_timers::callback::Timeout::new(REVOKE_AFTER_MS, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Sets `<html lang>`.
pub fn set_page_lang(tag: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", tag);
    }
}

/// Blurs the focused element (so a cell shows the stored value again).
pub fn blur_active() {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.blur();
    }
}

/// The element with the keyboard focus, if any (`<body>` included).
pub fn focused() -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Whether the element edits text of its own, which the browser's own undo (Control+Z) applies
/// to: a text field (`<input>` of a text type), a `<textarea>` or editable content.
pub fn edits_text(el: &web_sys::HtmlElement) -> bool {
    use wasm_bindgen::JsCast;
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        return matches!(
            input.type_().as_str(),
            "text" | "search" | "email" | "url" | "tel" | "password" | "number"
        );
    }
    el.tag_name().eq_ignore_ascii_case("textarea") || el.is_content_editable()
}

/// Moves the keyboard focus to the element with this id; false when there is none.
pub fn focus_id(id: &str) -> bool {
    use wasm_bindgen::JsCast;
    match web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        Some(el) => el.focus().is_ok(),
        None => false,
    }
}

/// Scrolls the page to its top.
pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Keeps the page's `scroll-padding-top` (on `<html>`) a little more than the height of the
/// element with this id (the sticky toolbar), as it wraps onto more lines or fewer, so that what
/// is scrolled to — a skip link's target, a focused field — stays below it. Returns what stops
/// it.
///
/// The height is read in the observer's callbacks only (the first comes after the first layout),
/// never forcing a layout of its own; and the property set is not inherited, so a change
/// restyles `<html>` alone, not the whole page (as a CSS variable there would: measured at start
/// as ≈ 20 ms more to the first paint).
pub fn track_height(id: &str) -> Option<impl FnOnce()> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let doc = web_sys::window()?.document()?;
    let bar = doc
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    let root = doc
        .document_element()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    let measured = bar.clone();
    let set = move || {
        let padding = format!("calc({}px + .5rem)", measured.offset_height());
        let _ = root.style().set_property("scroll-padding-top", &padding);
    };
    let on_resize = Closure::<dyn FnMut()>::new(set);
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
    observer.observe(&bar);
    Some(move || {
        observer.disconnect();
        drop(on_resize);
    })
}

/// The id of the empty form that owns the field with the focus ([`own_focused_field`]).
pub const EDIT_FORM: &str = "edit-form";

/// Gives the text field, list or text area that has the focus (never a radio button or a check
/// box) to the empty form [`EDIT_FORM`], through its `form` attribute, until it loses the focus.
/// Returns what stops it.
///
/// Chromium's form autofill, after each change of a field that no form owns, reads every such
/// field of the page unless there are more than 200 (its limit). The grid of a 5-unit cluster
/// has 173: each keystroke was followed by ≈ 10 ms of that (traced: `FormControlDidChange`, 688
/// forced layouts), before the keystroke's frame. A field that a form owns is read with that
/// form only — here, itself alone: ≈ 0.4 ms. The form is never submitted (its `submit` is
/// cancelled, and the page's policy allows no form action).
pub fn own_focused_field() -> Vec<gloo_events::EventListener> {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    let element = |e: &web_sys::Event| {
        e.target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    };
    // Text fields only: a radio button given a form would leave its group (the arrow keys move
    // within a group, which is a name within one form).
    let text_like = |el: &web_sys::Element| match el.tag_name().as_str() {
        "SELECT" | "TEXTAREA" => true,
        "INPUT" => matches!(
            el.get_attribute("type").as_deref(),
            None | Some("text" | "search" | "number" | "tel" | "url" | "email")
        ),
        _ => false,
    };
    vec![
        gloo_events::EventListener::new(&doc, "focusin", move |e| {
            if let Some(el) = element(e).filter(|el| text_like(el) && !el.has_attribute("form")) {
                let _ = el.set_attribute("form", EDIT_FORM);
            }
        }),
        gloo_events::EventListener::new(&doc, "focusout", move |e| {
            if let Some(el) =
                element(e).filter(|el| el.get_attribute("form").as_deref() == Some(EDIT_FORM))
            {
                let _ = el.remove_attribute("form");
            }
        }),
    ]
}

/// Today as `dd/mm/yyyy`, for printed pages.
pub fn today_dmy() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:02}/{:02}/{:04}",
        d.get_date(),
        d.get_month() + 1,
        d.get_full_year()
    )
}

/// Activates the waiting new version and reloads (`window.thiduaApplyUpdate`, defined by the
/// start-up script that registers the service worker).
pub fn apply_update() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let f = js_sys::Reflect::get(
        &window,
        &wasm_bindgen::JsValue::from_str("thiduaApplyUpdate"),
    );
    if let Ok(f) = f {
        if let Some(f) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&f) {
            let _ = f.call0(&window);
        }
    }
}

/// What the browser says about this site's storage.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StorageInfo {
    /// The answer to `navigator.storage.persist()`: `Some(true)` when the data will not be
    /// evicted under storage pressure; `None` when the browser has no such API.
    pub persisted: Option<bool>,
    /// Bytes used by this site, if the browser tells.
    pub used: Option<f64>,
    /// Estimated bytes available to this site, if the browser tells.
    pub quota: Option<f64>,
    /// Bytes this app's data takes in localStorage (which `used` does not count), if it can be
    /// read.
    pub local: Option<f64>,
}

/// Asks for persistent storage (once per call; browsers remember the answer) and reads the
/// usage estimate.
pub async fn storage_info() -> StorageInfo {
    use wasm_bindgen_futures::JsFuture;
    let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else {
        return StorageInfo::default();
    };
    let mut info = StorageInfo::default();
    if let Ok(p) = manager.persist() {
        info.persisted = JsFuture::from(p).await.ok().and_then(|v| v.as_bool());
    }
    if let Ok(p) = manager.estimate() {
        if let Ok(v) = JsFuture::from(p).await {
            let get = |k: &str| {
                js_sys::Reflect::get(&v, &wasm_bindgen::JsValue::from_str(k))
                    .ok()
                    .and_then(|x| x.as_f64())
            };
            info.used = get("usage");
            info.quota = get("quota");
        }
    }
    info
}

/// Calls `f` once, after the browser has painted the next frame: a task queued from that frame's
/// `requestAnimationFrame` callback runs once the frame's style, layout and paint are done. A
/// page that is not shown gets no frames, so a timer of `at_most_ms` calls `f` in any case.
pub fn after_next_paint(at_most_ms: u32, f: impl FnOnce() + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::{closure::Closure, JsCast};
    // Whichever of the frame and the timer comes first takes `f`; the other finds it gone.
    let f = Rc::new(RefCell::new(Some(f)));
    let take = |f: &Rc<RefCell<Option<_>>>| f.borrow_mut().take();
    let fallback = {
        let f = f.clone();
        gloo_timers::callback::Timeout::new(at_most_ms, move || {
            if let Some(f) = take(&f) {
                f()
            }
        })
    };
    let on_frame = Closure::once_into_js(move || {
        // The frame is being made: queue a task behind it, and drop the fallback timer.
        gloo_timers::callback::Timeout::new(0, move || {
            drop(fallback);
            if let Some(f) = take(&f) {
                f()
            }
        })
        .forget();
    });
    if let Some(window) = web_sys::window() {
        // On failure the fallback timer still calls `f`.
        let _ = window.request_animation_frame(on_frame.unchecked_ref());
    }
}
