//! The root component: boots from storage, wires autosave, other tabs and shortcuts, and lays
//! out the header, banners, toolbar and the current view.

use super::figures::FiguresGrid;
use super::results::{Ranking, ResultsMatrix};
use super::toolbar::Toolbar;
use super::unit_detail::UnitDetail;
use crate::browser;
use crate::state::{Action, AppState, View};
use crate::storage::{self, Loaded, MemoryStore, Saved, Store, StoreError};
use crate::ui::{tr, trf};
use std::cell::RefCell;
use std::rc::Rc;
use thidua_core::{Document, Lang, Results};
use yew::prelude::*;

/// The storage backend of this session.
type SharedStore = Rc<RefCell<Box<dyn Store>>>;

/// Why this session cannot save, or what it found at start.
#[derive(Clone, Debug, PartialEq)]
enum Banner {
    /// No usable localStorage.
    NoStorage,
    /// Stored data was unreadable and was copied aside.
    Quarantined { key: String, why: Vec<String> },
    /// Stored data was unreadable and could not be copied aside; nothing will be written.
    Untouchable { why: Vec<String> },
    /// Stored data came from a newer version; nothing will be written.
    Newer { found: u64 },
    /// Saving failed.
    SaveFailed(StoreError),
    /// Another tab saved while this one had unsaved edits.
    Conflict,
}

/// The visible save state.
#[derive(Clone, Copy, Debug, PartialEq)]
enum SaveState {
    Saved,
    Pending,
    NotSaved,
    MemoryOnly,
}

/// What start-up found.
struct Boot {
    store: SharedStore,
    doc: Document,
    lang: Lang,
    seq: u64,
    writable: bool,
    banner: Option<Banner>,
}

fn open_store() -> Option<Box<dyn Store>> {
    #[cfg(target_arch = "wasm32")]
    {
        storage::LocalStore::open().map(|s| Box::new(s) as Box<dyn Store>)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

fn boot() -> Boot {
    let Some(mut store) = open_store() else {
        return Boot {
            store: Rc::new(RefCell::new(Box::new(MemoryStore::default()))),
            doc: Document::default_pact(),
            lang: Lang::Vi,
            seq: 0,
            writable: false,
            banner: Some(Banner::NoStorage),
        };
    };
    let lang = storage::load_lang(store.as_ref());
    let (doc, seq, writable, banner) = match storage::load(store.as_mut(), lang, browser::now_ms())
    {
        Loaded::Empty => (Document::default_pact(), 0, true, None),
        Loaded::Doc(doc, seq) => (*doc, seq, true, None),
        Loaded::Quarantined { key, why } => (
            Document::default_pact(),
            storage::stored_seq(store.as_ref()).unwrap_or(0),
            true,
            Some(Banner::Quarantined { key, why }),
        ),
        Loaded::Untouchable { why } => (
            Document::default_pact(),
            0,
            false,
            Some(Banner::Untouchable { why }),
        ),
        Loaded::Newer { found } => (
            Document::default_pact(),
            0,
            false,
            Some(Banner::Newer { found }),
        ),
    };
    Boot {
        store: Rc::new(RefCell::new(store)),
        doc,
        lang,
        seq,
        writable,
        banner,
    }
}

/// The session's save bookkeeping (not part of the pure state: it is about this tab's storage).
struct Session {
    store: SharedStore,
    tab: String,
    base_seq: u64,
    writable: bool,
    saved_revision: u64,
    latest: Rc<Document>,
    latest_revision: u64,
}

/// Document identity for memoisation (pointer equality, not a deep comparison).
#[derive(Clone)]
struct DocRef(Rc<Document>);

impl PartialEq for DocRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The app.
#[function_component(App)]
pub fn app() -> Html {
    let boot = use_memo((), |_| RefCell::new(Some(boot())));
    let initial = boot.borrow_mut().take();
    let session = use_mut_ref(|| {
        let b = initial.as_ref();
        Session {
            store: b
                .map(|b| b.store.clone())
                .unwrap_or_else(|| Rc::new(RefCell::new(Box::new(MemoryStore::default())))),
            tab: format!("{:x}", (js_sys::Math::random() * 1e12) as u64),
            base_seq: b.map(|b| b.seq).unwrap_or(0),
            writable: b.map(|b| b.writable).unwrap_or(false),
            saved_revision: 0,
            latest: Rc::new(Document::default_pact()),
            latest_revision: 0,
        }
    });
    let banner = use_state(|| initial.as_ref().and_then(|b| b.banner.clone()));
    let save_state = use_state(|| {
        if initial.as_ref().is_some_and(|b| b.writable) {
            SaveState::Saved
        } else {
            SaveState::MemoryOnly
        }
    });
    let state = use_reducer(|| match initial {
        Some(b) => AppState::new(b.doc, b.lang),
        None => AppState::new(Document::default_pact(), Lang::Vi),
    });
    let lang = state.lang;
    {
        let mut s = session.borrow_mut();
        s.latest = state.doc.clone();
        s.latest_revision = state.revision;
    }

    // Save now (used by the debounce, page hide and conflict resolution).
    let save_now = {
        let (session, banner, save_state) = (session.clone(), banner.clone(), save_state.clone());
        let f: Rc<dyn Fn(bool)> = Rc::new(move |force: bool| {
            let mut s = session.borrow_mut();
            if !s.writable || (s.saved_revision == s.latest_revision && !force) {
                return;
            }
            let store = s.store.clone();
            let result = storage::save(
                store.borrow_mut().as_mut(),
                &s.latest,
                s.base_seq,
                &s.tab,
                browser::now_ms(),
                force,
            );
            match result {
                Saved::Ok(seq) => {
                    s.base_seq = seq;
                    s.saved_revision = s.latest_revision;
                    save_state.set(SaveState::Saved);
                    if matches!(
                        *banner,
                        Some(Banner::SaveFailed(_)) | Some(Banner::Conflict)
                    ) {
                        banner.set(None);
                    }
                }
                Saved::Conflict => {
                    save_state.set(SaveState::NotSaved);
                    banner.set(Some(Banner::Conflict));
                }
                Saved::Failed(e) => {
                    save_state.set(SaveState::NotSaved);
                    banner.set(Some(Banner::SaveFailed(e)));
                }
            }
        });
        f
    };

    // Debounced autosave on every change.
    let timer = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
    {
        let (save_now, timer, save_state, session) = (
            save_now.clone(),
            timer.clone(),
            save_state.clone(),
            session.clone(),
        );
        use_effect_with(state.revision, move |rev| {
            if *rev > 0 && session.borrow().writable {
                save_state.set(SaveState::Pending);
                let f = save_now.clone();
                *timer.borrow_mut() =
                    Some(gloo_timers::callback::Timeout::new(300, move || f(false)));
            }
        });
    }

    // Flush on page hide; follow other tabs; language; shortcuts.
    {
        let (save_now, session, banner, dispatch) = (
            save_now.clone(),
            session.clone(),
            banner.clone(),
            state.dispatcher(),
        );
        use_effect_with((), move |_| {
            let mut listeners = Vec::new();
            if let Some(window) = web_sys::window() {
                let f = save_now.clone();
                listeners.push(gloo_events::EventListener::new(
                    &window,
                    "pagehide",
                    move |_| f(false),
                ));
                if let Some(doc) = window.document() {
                    let f = save_now.clone();
                    let d2 = doc.clone();
                    listeners.push(gloo_events::EventListener::new(
                        &doc,
                        "visibilitychange",
                        move |_| {
                            if d2.visibility_state() == web_sys::VisibilityState::Hidden {
                                f(false);
                            }
                        },
                    ));
                    let d = dispatch.clone();
                    listeners.push(gloo_events::EventListener::new_with_options(
                        &doc,
                        "keydown",
                        gloo_events::EventListenerOptions::enable_prevent_default(),
                        move |e| {
                            use wasm_bindgen::JsCast;
                            let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                                return;
                            };
                            if !(e.ctrl_key() || e.meta_key()) {
                                return;
                            }
                            let action = match e.key().to_lowercase().as_str() {
                                "z" if e.shift_key() => Some(Action::Redo),
                                "z" => Some(Action::Undo),
                                "y" => Some(Action::Redo),
                                _ => None,
                            };
                            if let Some(a) = action {
                                e.prevent_default();
                                browser::blur_active();
                                d.dispatch(a);
                            }
                        },
                    ));
                }
                let (session, banner, d) = (session.clone(), banner.clone(), dispatch.clone());
                listeners.push(gloo_events::EventListener::new(
                    &window,
                    "storage",
                    move |e| {
                        use wasm_bindgen::JsCast;
                        let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                            return;
                        };
                        if e.key().as_deref() != Some(storage::DOC_KEY) {
                            return;
                        }
                        let Some(raw) = e.new_value() else { return };
                        let mut s = session.borrow_mut();
                        if !s.writable {
                            return;
                        }
                        match storage::decode(&raw) {
                            Ok((doc, seq)) => {
                                if s.saved_revision == s.latest_revision {
                                    // No unsaved edits here: take the other tab's version.
                                    s.base_seq = seq;
                                    s.saved_revision = s.latest_revision + 1;
                                    drop(s);
                                    d.dispatch(Action::External(Rc::new(doc)));
                                } else {
                                    banner.set(Some(Banner::Conflict));
                                }
                            }
                            Err(_) => banner.set(Some(Banner::Conflict)),
                        }
                    },
                ));
            }
            move || drop(listeners)
        });
    }
    {
        let session = session.clone();
        use_effect_with(lang, move |lang| {
            browser::set_page_lang(lang.tag());
            let s = session.borrow();
            if s.writable {
                let _ = s.store.borrow_mut().set(storage::LANG_KEY, lang.tag());
            }
        });
    }

    let results: Rc<Results> = use_memo(DocRef(state.doc.clone()), |d| d.0.evaluate());
    let onexport = {
        let doc = state.doc.clone();
        Callback::from(move |_| {
            let name = format!("{}-{}.json", doc.pact.id, browser::today());
            let _ = browser::download(&name, "application/json", &doc.export_json());
        })
    };
    let save_label = match *save_state {
        SaveState::Saved => tr(lang, "Đã lưu trong trình duyệt", "Saved in this browser"),
        SaveState::Pending => tr(lang, "Đang lưu…", "Saving…"),
        SaveState::NotSaved => tr(lang, "Chưa lưu", "Not saved"),
        SaveState::MemoryOnly => tr(
            lang,
            "Không lưu được: chỉ giữ trong phiên này",
            "Cannot save: kept in this session only",
        ),
    };
    let pact = &state.doc.pact;
    let dispatch = state.dispatcher();
    html! {
        <>
        <header class="masthead">
            <p class="cluster">{pact.cluster.get(lang)}</p>
            <h1>{pact.title.get(lang)}</h1>
            <p class="period">{trf(lang,
                format!("Kỳ báo cáo {} – {}, so với cùng kỳ {} – {}", pact.period.start.format("%d/%m/%Y"), pact.period.end.format("%d/%m/%Y"), pact.baseline.start.format("%d/%m/%Y"), pact.baseline.end.format("%d/%m/%Y")),
                format!("Reporting period {} – {}, compared with {} – {}", pact.period.start.format("%d/%m/%Y"), pact.period.end.format("%d/%m/%Y"), pact.baseline.start.format("%d/%m/%Y"), pact.baseline.end.format("%d/%m/%Y")))}</p>
            if pact.weights_are_examples {
                <p class="note">{tr(lang, "Thang điểm là ví dụ, chưa phải thang điểm chính thức của cụm; có thể sửa.", "The point weights are examples, not the cluster's adopted scale; they can be changed.")}</p>
            }
        </header>
        { render_banner(&banner, lang, &session, &save_now, &state.dispatcher(), &state.doc) }
        <Toolbar lang={lang} can_undo={state.can_undo()} can_redo={state.can_redo()}
            dispatch={dispatch.clone()} onexport={onexport} save_label={AttrValue::from(save_label)} />
        <main>
        {
            match &state.view {
                View::Unit(u) => html! {
                    <UnitDetail doc={state.doc.clone()} results={results.clone()} unit={AttrValue::from(u.clone())} lang={lang} dispatch={dispatch.clone()} />
                },
                View::Main => html! {
                    <>
                    <section aria-labelledby="h-results">
                        <h2 id="h-results">{tr(lang, "Kết quả", "Results")}</h2>
                        <Ranking doc={state.doc.clone()} results={results.clone()} lang={lang} dispatch={dispatch.clone()} />
                        <ResultsMatrix doc={state.doc.clone()} results={results.clone()} lang={lang} dispatch={dispatch.clone()} />
                    </section>
                    <section aria-labelledby="h-figures">
                        <h2 id="h-figures">{tr(lang, "Nhập số liệu", "Enter figures")}</h2>
                        <FiguresGrid doc={state.doc.clone()} results={results.clone()} lang={lang} dispatch={dispatch.clone()} />
                    </section>
                    </>
                },
            }
        }
        </main>
        </>
    }
}

fn render_banner(
    banner: &UseStateHandle<Option<Banner>>,
    lang: Lang,
    session: &Rc<RefCell<Session>>,
    save_now: &Rc<dyn Fn(bool)>,
    dispatch: &UseReducerDispatcher<AppState>,
    doc: &Rc<Document>,
) -> Html {
    let Some(b) = (**banner).clone() else {
        return html! {};
    };
    let export = {
        let doc = doc.clone();
        Callback::from(move |_| {
            let name = format!("{}-{}.json", doc.pact.id, browser::today());
            let _ = browser::download(&name, "application/json", &doc.export_json());
        })
    };
    let export_button = html! {
        <button type="button" onclick={export}>{tr(lang, "Xuất JSON để giữ dữ liệu", "Export JSON to keep your data")}</button>
    };
    let dismiss = {
        let banner = banner.clone();
        Callback::from(move |_| banner.set(None))
    };
    let memory_only = tr(
        lang,
        "Thay đổi chỉ được giữ trong phiên làm việc này.",
        "Changes are kept in this session only.",
    );
    let body = match b {
        Banner::NoStorage => html! {
            <p>{tr(lang, "Trình duyệt không cho phép lưu dữ liệu (localStorage bị chặn). ", "This browser does not allow saving (localStorage is blocked). ")}{memory_only}{" "}{export_button}</p>
        },
        Banner::Quarantined { key, why } => {
            let raw = session
                .borrow()
                .store
                .borrow()
                .get(&key)
                .ok()
                .flatten()
                .unwrap_or_default();
            let download = Callback::from(move |_| {
                let _ = browser::download("thidua-du-lieu-hong.txt", "text/plain", &raw);
            });
            html! {
                <>
                <p>{tr(lang, "Dữ liệu đã lưu trước đây không đọc được. Bản gốc được giữ nguyên ở một chỗ riêng; ứng dụng mở giao ước mặc định.", "The data saved earlier could not be read. The original is kept aside, untouched; the app opened the default pact.")}</p>
                <ul>{ for why.iter().map(|w| html!{<li>{w}</li>}) }</ul>
                <button type="button" onclick={download}>{tr(lang, "Tải dữ liệu gốc", "Download the original data")}</button>
                {" "}<button type="button" onclick={dismiss.clone()}>{tr(lang, "Đóng thông báo", "Dismiss")}</button>
                </>
            }
        }
        Banner::Untouchable { why } => html! {
            <>
            <p>{tr(lang, "Dữ liệu đã lưu không đọc được và không thể sao lưu riêng, nên ứng dụng sẽ không ghi đè lên nó. ", "The saved data could not be read nor copied aside, so the app will not write over it. ")}{memory_only}</p>
            <ul>{ for why.iter().map(|w| html!{<li>{w}</li>}) }</ul>
            {export_button}
            </>
        },
        Banner::Newer { found } => html! {
            <p>{trf(lang,
                format!("Dữ liệu trong trình duyệt do phiên bản mới hơn tạo ra (định dạng {found}). Hãy tải lại trang để dùng phiên bản mới; bản này không ghi đè lên dữ liệu đó. "),
                format!("The data in this browser was written by a newer version (format {found}). Reload to use the newer version; this one will not write over it. "))}{memory_only}{" "}{export_button}</p>
        },
        Banner::SaveFailed(e) => html! {
            <p>{trf(lang, format!("Chưa lưu: {}. ", storage::store_error_text(&e, lang)), format!("Not saved: {}. ", storage::store_error_text(&e, lang)))}
               {tr(lang, "Bạn vẫn làm việc tiếp được; dữ liệu đang được giữ trong bộ nhớ. ", "You can keep working; your data is held in memory. ")}{export_button}</p>
        },
        Banner::Conflict => {
            let keep = {
                let f = save_now.clone();
                Callback::from(move |_| f(true))
            };
            let take = {
                let (session, dispatch, banner) =
                    (session.clone(), dispatch.clone(), banner.clone());
                Callback::from(move |_| {
                    let mut s = session.borrow_mut();
                    let raw = s.store.borrow().get(storage::DOC_KEY).ok().flatten();
                    if let Some(Ok((doc, seq))) = raw.map(|r| storage::decode(&r)) {
                        s.base_seq = seq;
                        s.saved_revision = s.latest_revision + 1;
                        drop(s);
                        dispatch.dispatch(Action::External(Rc::new(doc)));
                        banner.set(None);
                    }
                })
            };
            html! {
                <>
                <p>{tr(lang, "Một thẻ khác vừa lưu dữ liệu trong khi thẻ này còn thay đổi chưa lưu. Chọn bản muốn giữ:", "Another tab saved while this tab has unsaved changes. Choose which version to keep:")}</p>
                <button type="button" onclick={keep}>{tr(lang, "Giữ bản của thẻ này", "Keep this tab's version")}</button>
                {" "}<button type="button" onclick={take}>{tr(lang, "Dùng bản của thẻ kia", "Use the other tab's version")}</button>
                </>
            }
        }
    };
    html! { <div class="banner" role="alert">{body}</div> }
}
