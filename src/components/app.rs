//! The root component: boots from storage, wires autosave, other tabs and shortcuts, and lays
//! out the header, banners, toolbar and the current view.

use super::chart::ChartFigure;
use super::charts_view::ChartsView;
use super::data_panel::DataPanel;
use super::dialog::Dialog;
use super::figures::FiguresGrid;
use super::pact_editor::PactEditor;
use super::print::PrintBlock;
use super::results::{Ranking, ResultsMatrix};
use super::toolbar::{Toolbar, REDO_BUTTON, UNDO_BUTTON};
use super::unit_detail::UnitDetail;
use super::unit_search::UnitSearch;
use crate::charts::model::ranking_chart;
use crate::state::{Action, AppState, View};
use crate::storage::{self, BackupReason, Loaded, MemoryStore, Saved, Store, StoreError};
use crate::ui::{tr, trf};
use crate::unit_filter::UnitFilter;
use crate::{browser, export};
use std::cell::RefCell;
use std::rc::Rc;
use thidua_core::{Document, ImportError, Lang, Results};
use yew::prelude::*;

/// The storage backend of this session.
type SharedStore = Rc<RefCell<Box<dyn Store>>>;

/// Why this session cannot save, or what it found at start.
#[derive(Clone, Debug, PartialEq)]
enum Banner {
    /// No usable localStorage.
    NoStorage,
    /// Stored data was unreadable and was copied aside: found at start-up, or written by
    /// another tab (then this tab's version was stored in its place).
    Quarantined {
        key: String,
        why: storage::Unreadable,
        by_other_tab: bool,
    },
    /// Stored data was unreadable and could not be copied aside; nothing will be written.
    Untouchable { why: storage::Unreadable },
    /// Stored data came from a newer version; nothing will be written.
    Newer { found: u64 },
    /// Saving failed.
    SaveFailed(StoreError),
    /// Another tab saved while this one had unsaved edits.
    Conflict,
    /// After two tabs saved at once, another tab kept its own version in place of the one this
    /// tab showed, saved (kept as snapshots by that tab first); this tab now shows the kept one.
    Replaced,
    /// A snapshot could not be taken, so the change it protects was not made.
    BackupFailed(StoreError),
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
    others: Vec<Document>,
    active: usize,
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
            others: vec![],
            active: 0,
            lang: Lang::Vi,
            seq: 0,
            writable: false,
            banner: Some(Banner::NoStorage),
        };
    };
    let lang = storage::load_lang(store.as_ref());
    let fresh = |seq| storage::Stored {
        doc: Document::default_pact(),
        others: vec![],
        active: 0,
        seq,
        tab: String::new(),
        replaced: None,
    };
    let (stored, writable, banner) = match storage::load(store.as_mut(), browser::now_ms()) {
        Loaded::Empty => (fresh(0), true, None),
        Loaded::Doc(stored) => (*stored, true, None),
        Loaded::Quarantined { key, why } => (
            fresh(storage::stored_seq(store.as_ref()).unwrap_or(0)),
            true,
            Some(Banner::Quarantined {
                key,
                why,
                by_other_tab: false,
            }),
        ),
        Loaded::Untouchable { why } => (fresh(0), false, Some(Banner::Untouchable { why })),
        Loaded::Newer { found } => (fresh(0), false, Some(Banner::Newer { found })),
    };
    Boot {
        store: Rc::new(RefCell::new(store)),
        doc: stored.doc,
        others: stored.others,
        active: stored.active,
        lang,
        seq: stored.seq,
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
    latest_others: Rc<Vec<Rc<Document>>>,
    latest_active: usize,
    latest_revision: u64,
}

/// A workspace to show: the open pact, the others, and where it stands.
type Shown = (Rc<Document>, Rc<Vec<Rc<Document>>>, usize);

impl Session {
    /// Takes the version another tab stored (write sequence `seq`) as this tab's saved state.
    /// Returns the document to show, or `None` when it is the one shown already.
    fn adopt(&mut self, stored: storage::Stored) -> Option<Shown> {
        self.base_seq = stored.seq;
        if self.shows(&stored) {
            self.saved_revision = self.latest_revision;
            None
        } else {
            // Showing it bumps the revision by one; that revision is already saved.
            self.saved_revision = self.latest_revision + 1;
            Some((
                Rc::new(stored.doc),
                Rc::new(stored.others.into_iter().map(Rc::new).collect()),
                stored.active,
            ))
        }
    }
}

impl Session {
    /// Whether `stored` is the workspace this tab shows.
    fn shows(&self, stored: &storage::Stored) -> bool {
        stored.doc == *self.latest
            && stored.active == self.latest_active
            && stored.others.len() == self.latest_others.len()
            && stored
                .others
                .iter()
                .zip(self.latest_others.iter())
                .all(|(a, b)| a == &**b)
    }

    /// The workspace stored now, when it can be read.
    fn stored(&self) -> Option<storage::Stored> {
        let raw = self.store.borrow().get(storage::DOC_KEY).ok().flatten()?;
        storage::decode(&raw).ok()
    }

    /// Whether this tab shows `doc` as one of its pacts, exactly.
    fn holds(&self, doc: &Document) -> bool {
        *doc == *self.latest || self.latest_others.iter().any(|d| **d == *doc)
    }

    /// Snapshots of the pacts in `docs` that `kept` does not hold as they are: the version not
    /// chosen after two tabs saved at once (another tab's, or this tab's own), taken before the
    /// chosen one replaces it.
    fn back_up_unless<'a>(
        &self,
        docs: impl Iterator<Item = &'a Document>,
        kept: impl Fn(&Document) -> bool,
    ) -> Result<(), StoreError> {
        for doc in docs.filter(|d| !kept(d)) {
            let mut store = self.store.borrow_mut();
            storage::backup(
                store.as_mut(),
                doc,
                BackupReason::Conflict,
                browser::now_ms(),
            )?;
        }
        Ok(())
    }

    /// Whether another tab's write (`stored`, announced by a `storage` event) was made over the
    /// same stored version as this tab's last save, at the same moment (each tab's storage view
    /// lags the others' writes by a little): then both tabs saved, the storage holds the other
    /// tab's version, and this tab's own is no longer stored.
    fn written_over_alongside(&self, stored: &storage::Stored) -> bool {
        stored.seq <= self.base_seq && !self.shows(stored)
    }
}

/// Takes a snapshot before a change that replaces or removes data (provided to components as a
/// context); it answers whether the change may go on.
#[derive(Clone, PartialEq)]
pub struct Snapshot(pub Callback<BackupReason, bool>);

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
            latest_others: Rc::new(Vec::new()),
            latest_active: 0,
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
        Some(b) => {
            let mut pacts = b.others;
            pacts.insert(b.active.min(pacts.len()), b.doc);
            AppState::with_pacts(pacts, b.active, b.lang)
        }
        None => AppState::new(Document::default_pact(), Lang::Vi),
    });
    let lang = state.lang;
    {
        let mut s = session.borrow_mut();
        s.latest = state.doc.clone();
        s.latest_others = state.others.clone();
        s.latest_active = state.active;
        s.latest_revision = state.revision;
    }

    // Save now (used by the debounce, page hide and conflict resolution).
    let save_now = {
        let (session, banner, save_state) = (session.clone(), banner.clone(), save_state.clone());
        let f: Rc<dyn Fn(bool)> = Rc::new(move |force: bool| {
            let mut s = session.borrow_mut();
            if !s.writable {
                return;
            }
            if s.saved_revision == s.latest_revision && !force {
                // Nothing new to write (e.g. the change came from another tab): it is saved.
                save_state.set(SaveState::Saved);
                return;
            }
            let store = s.store.clone();
            let result = storage::save(
                store.borrow_mut().as_mut(),
                &s.latest,
                &s.latest_others,
                s.latest_active,
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

    // A newer version was deployed and is waiting (announced by the service worker registration
    // in the start-up script): a notice offers to reload; nothing reloads by itself.
    let update_ready = use_state(|| false);
    // Why a file asked for could not be made (the page's alert line, until dismissed).
    let notice = use_state(|| None::<browser::NotMade>);

    // The snapshot list (read again when a snapshot is taken, here or in another tab).
    let backups = use_state(Vec::new);
    let refresh_backups: Rc<dyn Fn()> = {
        let (session, backups) = (session.clone(), backups.clone());
        Rc::new(move || {
            let s = session.borrow();
            let list = if s.writable {
                storage::backups(s.store.borrow().as_ref())
            } else {
                Vec::new()
            };
            backups.set(list);
        })
    };
    {
        let refresh = refresh_backups.clone();
        use_effect_with((), move |_| refresh());
    }

    // The grid cell that Control+Z or Control+Y was pressed in: the focus goes back to the grid
    // once the undo or redo is rendered (see below).
    let refocus = use_mut_ref(|| None::<String>);
    // Flush on page hide; follow other tabs; language; shortcuts; updates.
    {
        let refocus = refocus.clone();
        let update_ready = update_ready.clone();
        let (save_now, session, banner, dispatch, save_state, refresh_backups) = (
            save_now.clone(),
            session.clone(),
            banner.clone(),
            state.dispatcher(),
            save_state.clone(),
            refresh_backups.clone(),
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
                            let action = match e.key().to_ascii_lowercase().as_str() {
                                "z" if e.shift_key() => Some(Action::Redo),
                                "z" => Some(Action::Undo),
                                "y" => Some(Action::Redo),
                                _ => None,
                            };
                            let Some(a) = action else {
                                return;
                            };
                            let focused = browser::focused();
                            let cell = focused
                                .as_ref()
                                .map(|el| el.id())
                                .filter(|id| super::figures::is_cell_id(id));
                            // In a text box that is not a figure cell (find unit, the pact
                            // editor, a dialog), the keys undo and redo that box's own text, as
                            // anywhere else: the last figure, typed elsewhere, is not its business.
                            if cell.is_none() && focused.as_ref().is_some_and(browser::edits_text) {
                                return;
                            }
                            e.prevent_default();
                            if let Some(cell) = cell {
                                // The cell is left, so that it shows the stored value again (not
                                // the text typed), and entered again once the undo is rendered:
                                // the keyboard user keeps their place (see the effect below).
                                browser::blur_active();
                                *refocus.borrow_mut() = Some(cell);
                            }
                            d.dispatch(a);
                        },
                    ));
                }
                listeners.push(gloo_events::EventListener::new(
                    &window,
                    "thidua-update",
                    move |_| update_ready.set(true),
                ));
                let (session, banner, d, save_state, save_now, refresh_backups) = (
                    session.clone(),
                    banner.clone(),
                    dispatch.clone(),
                    save_state.clone(),
                    save_now.clone(),
                    refresh_backups.clone(),
                );
                listeners.push(gloo_events::EventListener::new(
                    &window,
                    "storage",
                    move |e| {
                        use wasm_bindgen::JsCast;
                        let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                            return;
                        };
                        let key = e.key();
                        if key
                            .as_deref()
                            .is_some_and(|k| k.starts_with(storage::BACKUP_PREFIX))
                        {
                            // Another tab took or dropped a snapshot: this tab's list shows it.
                            return refresh_backups();
                        }
                        if key.as_deref() != Some(storage::DOC_KEY) {
                            return;
                        }
                        let Some(announced) = e.new_value() else {
                            return;
                        };
                        let mut s = session.borrow_mut();
                        if !s.writable {
                            return;
                        }
                        // What is stored now, not what the event announces: when two tabs save
                        // at the same moment, each is told of the other's write, but the
                        // storage keeps the later one, and this tab's view of it says which.
                        let now = s.store.borrow().get(storage::DOC_KEY);
                        let raw = match now {
                            Ok(Some(raw)) => raw,
                            _ => announced,
                        };
                        match storage::decode(&raw) {
                            // This tab's own last write is what is stored: the event was of a
                            // write it replaced, and nothing of this tab's is lost.
                            Ok(stored) if stored.is_own_write(&s.tab, s.base_seq) => {}
                            Ok(stored) if s.written_over_alongside(&stored) => {
                                // Never adopted silently: this tab's saved edits would be lost.
                                // Its version counts as unsaved, and its next save, written over
                                // a version it did not see, is refused until the person chooses
                                // (keep this tab's version, or take the other's).
                                s.saved_revision = s.latest_revision.wrapping_sub(1);
                                s.base_seq = 0;
                                save_state.set(SaveState::NotSaved);
                                banner.set(Some(Banner::Conflict));
                            }
                            Ok(stored) => {
                                if s.saved_revision == s.latest_revision {
                                    // No unsaved edits here: take the other tab's version. When
                                    // it was written over the version shown here without
                                    // reading it (the other tab kept its own after both saved
                                    // at once), what this tab shows changes under the person's
                                    // eyes: say so, and where the replaced version is kept.
                                    let replaced = stored.replaced == Some(s.base_seq);
                                    if let Some((doc, others, active)) = s.adopt(stored) {
                                        drop(s);
                                        d.dispatch(Action::External(doc, others, active));
                                        if replaced {
                                            banner.set(Some(Banner::Replaced));
                                        }
                                    }
                                } else {
                                    banner.set(Some(Banner::Conflict));
                                }
                            }
                            // A newer version of the app runs in the other tab (the page was
                            // updated there): this one must not write over what it cannot read.
                            // Its own edits stay in memory, and the banner offers their export.
                            Err(ImportError::NewerVersion { found }) => {
                                s.writable = false;
                                save_state.set(SaveState::MemoryOnly);
                                banner.set(Some(Banner::Newer { found }));
                            }
                            // Something no version of this app wrote (no choice of version
                            // can keep it): copied aside first, then this tab's version is
                            // stored in its place; if it cannot be copied, nothing is written.
                            Err(why) => {
                                let why = storage::Unreadable::Document(why);
                                let copied = storage::quarantine(
                                    s.store.borrow_mut().as_mut(),
                                    &raw,
                                    browser::now_ms(),
                                );
                                match copied {
                                    Ok(key) => {
                                        banner.set(Some(Banner::Quarantined {
                                            key,
                                            why,
                                            by_other_tab: true,
                                        }));
                                        drop(s);
                                        // Forced: what it replaces is kept aside, and the
                                        // write sequence still grows from this tab's last.
                                        save_now(true);
                                    }
                                    Err(_) => {
                                        s.writable = false;
                                        save_state.set(SaveState::MemoryOnly);
                                        banner.set(Some(Banner::Untouchable { why }));
                                    }
                                }
                            }
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

    let results: Rc<Results> = use_memo(
        (DocRef(state.doc.clone()), state.review.clone()),
        |(d, review)| d.0.evaluate_review(review),
    );
    let pact = &state.doc.pact;
    // The pact, the same pointer while typing changes figures only: the tables' rows and the print
    // block (1,000 signature lines) compare it cheaply and are not rendered again.
    let pact_ref = super::results::use_pact_ref(pact);

    // The ranking chart beside the ranking table: its model (a bar, a table row and words for every
    // unit) follows a change at once when it comes after a pause (an import, the first keystroke)
    // or changes the language or the number of units; while typing goes on, once typing pauses,
    // like its drawing (`ChartFigure`). At 1,000 units making it took longer than the rest of a
    // keystroke.
    let on_main = state.view == View::Main;
    // The first frame shows the results without the grid of figures: the grid (below them, off
    // screen) is rendered once that frame is painted, so that the results appear sooner and
    // nothing above them moves; the grid comes a frame later, long before anyone can reach it.
    let settled = use_state(|| false);
    {
        let settled = settled.clone();
        use_effect_with((), move |_| {
            browser::after_next_paint(200, move || settled.set(true));
        });
    }
    let ranking_model = use_state(|| None::<Rc<crate::charts::Chart>>);
    {
        let ranking_model = ranking_model.clone();
        let timer = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
        let made_for = use_mut_ref(|| None::<(Lang, usize)>);
        let last_change = use_mut_ref(|| f64::NEG_INFINITY);
        // The results follow the document and the review (compared by identity, not deeply).
        let results = results.clone();
        use_effect_with(
            (
                DocRef(state.doc.clone()),
                state.review.clone(),
                lang,
                on_main,
            ),
            move |(doc, _, lang, on_main)| {
                *timer.borrow_mut() = None;
                if *on_main {
                    let (doc, lang) = (doc.0.clone(), *lang);
                    let what = (lang, results.units.len());
                    let at = browser::now_ms();
                    let typing = at - *last_change.borrow() < 250.0;
                    *last_change.borrow_mut() = at;
                    let now =
                        !typing || ranking_model.is_none() || *made_for.borrow() != Some(what);
                    let made_for = made_for.clone();
                    let make = move || {
                        *made_for.borrow_mut() = Some(what);
                        ranking_model.set(Some(Rc::new(ranking_chart(&doc, &results, lang))));
                    };
                    if now {
                        make();
                    } else {
                        *timer.borrow_mut() = Some(gloo_timers::callback::Timeout::new(250, make));
                    }
                } else {
                    // Made afresh when the main screen is shown again.
                    ranking_model.set(None);
                }
            },
        );
    }
    // A change of view moves the keyboard focus to what was opened, and the page to its top: the
    // unit's, the charts' or the editor's heading. Back from a unit, the focus returns to the
    // ranking's button that opened it, or, when that is not rendered (a windowed or filtered
    // ranking), to the overview's heading. Otherwise the focus stayed on <body>, or on a button
    // no longer there, and the new view opened wherever the last one was scrolled to.
    {
        let last_view = use_mut_ref(|| None::<View>);
        use_effect_with(state.view.clone(), move |view| {
            let before = last_view.borrow_mut().replace(view.clone());
            if before.is_some() {
                match (before, view) {
                    (Some(View::Unit(u)), View::Main) => {
                        if !browser::focus_id(&super::results::open_button_id(&u)) {
                            browser::focus_id("h-results");
                        }
                    }
                    (_, view) => {
                        browser::scroll_to_top();
                        browser::focus_id(match view {
                            View::Main => "h-results",
                            View::Unit(_) => "unit-title",
                            View::Charts => "h-charts",
                            View::Pact => "h-pact",
                        });
                    }
                }
            }
        });
    }
    // After Control+Z or Control+Y in a grid cell, the focus goes back to the grid once the
    // change is rendered: to the cell that the undo or redo changed when it is rendered (the
    // change is seen, and typing goes on there), otherwise to the cell the keys were pressed in.
    // Before, it was left on <body>, and a keyboard user had to find their place again from the
    // top of the page.
    // Undoing the last step disables the toolbar's Undo (and redoing the last, Redo): the focus
    // would drop to the page. It goes to the other button, which that step has just enabled, as
    // the editor's move buttons do at an edge.
    {
        let (refocus, undone) = (refocus.clone(), state.undone.clone());
        let (can_undo, can_redo) = (state.can_undo(), state.can_redo());
        use_effect(move || {
            match browser::focused().map(|el| el.id()).as_deref() {
                Some(UNDO_BUTTON) if !can_undo && can_redo => {
                    browser::focus_id(REDO_BUTTON);
                }
                Some(REDO_BUTTON) if !can_redo && can_undo => {
                    browser::focus_id(UNDO_BUTTON);
                }
                _ => {}
            }
            let from = refocus.borrow_mut().take();
            if let Some(from) = from {
                let changed = undone
                    .and_then(|u| u.cell)
                    .map(|(row, col)| super::figures::cell_id(row, col));
                // Last, the grid's heading: an undone edit of the pact may have taken the cell.
                if !changed.is_some_and(|id| browser::focus_id(&id)) && !browser::focus_id(&from) {
                    browser::focus_id("h-figures");
                }
            }
        });
    }
    // The toolbar's height, for the page's scroll padding (a target scrolled to is not hidden
    // behind the sticky toolbar, however many lines it wraps onto).
    use_effect_with((), |_| {
        let stop = browser::track_height("toolbar");
        move || {
            if let Some(stop) = stop {
                stop();
            }
        }
    });
    // The field with the focus has a form of its own, so that the browser's autofill reads it
    // alone after each keystroke (see `browser::own_focused_field`).
    use_effect_with((), |_| {
        let listeners = browser::own_focused_field();
        move || drop(listeners)
    });
    let dispatch = state.dispatcher();
    // "Find unit": the text typed, and the filter it makes for the tables.
    let unit_search = use_state(String::new);
    // The units shown, worked out once per change of the text, the pact or the language (not per
    // keystroke in the grid), for the three tables and the count.
    let shown = use_memo(
        (pact_ref.clone(), (*unit_search).clone(), lang),
        |(pact, text, lang)| Rc::new(UnitFilter::new(text).positions(&pact.0.units, *lang)),
    );
    let shown: Rc<Vec<usize>> = (*shown).clone();
    let on_unit_search = {
        let unit_search = unit_search.clone();
        Callback::from(move |text: String| unit_search.set(text))
    };

    // Dialogs and the snapshot list.
    let modal = use_state(|| None::<Modal>);
    // Replace the document after taking a snapshot; refuse when the snapshot cannot be taken.
    // Takes a snapshot of the current document before a change that replaces or removes data;
    // false (and a banner) when it cannot be taken, and then the change must not happen.
    let snapshot = {
        let (session, banner, refresh) = (session.clone(), banner.clone(), refresh_backups.clone());
        Callback::from(move |reason: BackupReason| -> bool {
            let s = session.borrow();
            if !s.writable {
                // In-memory session: there is nowhere to keep a snapshot; undo still works.
                return true;
            }
            let store = s.store.clone();
            let result = storage::backup(
                store.borrow_mut().as_mut(),
                &s.latest,
                reason,
                browser::now_ms(),
            );
            drop(s);
            match result {
                Ok(_) => {
                    refresh();
                    true
                }
                Err(e) => {
                    banner.set(Some(Banner::BackupFailed(e)));
                    false
                }
            }
        })
    };
    let replace_with_backup = {
        let (snapshot, dispatch, modal) = (snapshot.clone(), dispatch.clone(), modal.clone());
        let f: Rc<dyn Fn(Rc<Document>, BackupReason)> =
            Rc::new(move |doc: Rc<Document>, reason: BackupReason| {
                modal.set(None);
                if snapshot.emit(reason) {
                    dispatch.dispatch(Action::Replace(doc));
                }
            });
        f
    };
    let onunit_files = {
        let (modal, doc) = (modal.clone(), state.doc.clone());
        Callback::from(move |files: Vec<web_sys::File>| {
            let (modal, doc) = (modal.clone(), doc.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let mut read = Vec::with_capacity(files.len());
                for f in &files {
                    let parsed = match browser::read_file(f, lang).await {
                        Ok(text) => thidua_core::unit_file::read_unit_file(&text),
                        Err(e) => Err(thidua_core::unit_file::Refusal::Unreadable(e)),
                    };
                    read.push((f.name(), parsed));
                }
                let plan = thidua_core::unit_file::plan_merge(&doc, &read, lang);
                modal.set(Some(Modal::Merge {
                    files: Rc::new(read),
                    plan: Rc::new(plan),
                }));
            });
        })
    };
    let onfile = {
        let (modal, doc) = (modal.clone(), state.doc.clone());
        Callback::from(move |file: web_sys::File| {
            let (modal, doc) = (modal.clone(), doc.clone());
            let name = file.name();
            if file.size() > thidua_core::document::MAX_FILE_BYTES as f64 {
                let bytes = file.size() as usize;
                modal.set(Some(Modal::ImportErrors {
                    name,
                    errors: ImportError::TooLarge { bytes },
                }));
                return;
            }
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string());
                let result = match text {
                    Some(t) => Document::from_json(&t),
                    None => Err(ImportError::Unreadable),
                };
                modal.set(Some(match result {
                    Ok(new) => {
                        let changes = thidua_core::diff::changes(&doc, &new);
                        Modal::ImportPreview {
                            name,
                            doc: Rc::new(new),
                            changes,
                        }
                    }
                    Err(errors) => Modal::ImportErrors { name, errors },
                }));
            });
        })
    };
    let onexport_json = {
        let (doc, notice) = (state.doc.clone(), notice.clone());
        Callback::from(move |_| {
            let name = export::json_name(&doc, &browser::today());
            notice.set(browser::offer_file(&name, "application/json", &doc.export_json()).err());
        })
    };
    let onexport_csv = {
        let (doc, results, notice) = (state.doc.clone(), results.clone(), notice.clone());
        Callback::from(move |_| {
            let csv = export::results_csv(&doc, &results, lang);
            let name = export::csv_name(&doc, &browser::today(), lang);
            notice.set(browser::offer_file(&name, "text/csv;charset=utf-8", &csv).err());
        })
    };
    // Printing renders every row of the windowed results and ranking first.
    let onprint = Callback::from(|_| super::windowed::print_page());
    let onreset = {
        let modal = modal.clone();
        Callback::from(move |_| modal.set(Some(Modal::ConfirmReset)))
    };
    // Ask for persistent storage once, and read the usage estimate after every save.
    let storage_info = use_state(browser::StorageInfo::default);
    {
        let (storage_info, session) = (storage_info.clone(), session.clone());
        use_effect_with(*save_state == SaveState::Saved, move |saved| {
            if *saved {
                wasm_bindgen_futures::spawn_local(async move {
                    let mut info = browser::storage_info().await;
                    let chars = session.borrow().store.borrow().chars_used();
                    info.local = chars.ok().map(|n| 2.0 * n as f64);
                    storage_info.set(info);
                });
            }
        });
    }
    let onrestore = {
        let (modal, session) = (modal.clone(), session.clone());
        Callback::from(move |key: String| {
            // Read the snapshot once, when it is chosen.
            let snapshot =
                storage::restore(session.borrow().store.borrow().as_ref(), &key).map(Rc::new);
            modal.set(Some(Modal::ConfirmRestore { snapshot }))
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
    // An undo or redo of a change made in another review than the one shown switched to it (see
    // `AppState::undone`): said beside the buttons, so that it is not a surprise.
    let history_note = state
        .undone
        .as_ref()
        .and_then(|u| {
            let name = pact.review(u.switched_to.as_deref()?)?.name.get(lang);
            let (vi, en) = if u.redo {
                ("làm lại", "Redid")
            } else {
                ("hoàn tác", "Undid")
            };
            Some(trf(
                lang,
                format!("Đã {vi} một thay đổi của kỳ “{name}”, nên kỳ này được hiển thị."),
                format!("{en} a change of “{name}”, so that review is shown now."),
            ))
        })
        .unwrap_or_default();
    let period = thidua_core::i18n::format_period;
    html! {
            <ContextProvider<Snapshot> context={Snapshot(snapshot)}>
            <a class="skip" href="#h-figures">{tr(lang, "Đến bảng nhập số liệu", "Skip to the figures grid")}</a>
        <a class="skip" href="#h-data">{tr(lang, "Đến phần nhập, xuất, sao lưu dữ liệu", "Skip to import, export and backups")}</a>
            <header class="masthead">
                <p class="cluster">{pact.cluster.get(lang)}</p>
                <h1>{pact.title.get(lang)}</h1>
    <p class="period">{ match pact.review(&state.review) {
                    Some(r) => trf(lang,
                        format!("{}: kỳ báo cáo {}, so với cùng kỳ {}", r.name.get(lang), period(&r.period), period(&r.baseline)),
                        format!("{}: reporting period {}, compared with {}", r.name.get(lang), period(&r.period), period(&r.baseline))),
                    None => String::new(),
                }}</p>
                if pact.weights_are_examples {
                    <p class="note">{tr(lang, "Thang điểm là ví dụ, chưa phải thang điểm chính thức của cụm; có thể sửa.", "The point weights are examples, not the cluster's adopted scale; they can be changed.")}</p>
                }
            </header>
            { render_banner(&banner, lang, &session, &BannerActions {
                save_now: &save_now, dispatch: &dispatch, refresh_backups: &refresh_backups,
                export: &onexport_json, notice: &notice,
            }) }
            if let Some(m) = &*notice {
                <div class="banner" role="alert">
                    <p>{m.message(lang)}{" "}
                        <button type="button" onclick={
                            let notice = notice.clone();
                            Callback::from(move |_| notice.set(None))
                        }>{tr(lang, "Đóng thông báo", "Dismiss")}</button>
                    </p>
                </div>
            }
            if *update_ready {
                <div class="update" role="status">
                    {tr(lang, "Đã có phiên bản mới của ứng dụng. ", "A new version of the app is available. ")}
                    <button type="button" onclick={
                        let save_now = save_now.clone();
                        Callback::from(move |_| {
                            // Save first, then let the new version take over and reload.
                            save_now(false);
                            browser::apply_update();
                        })
                    }>{tr(lang, "Tải lại để cập nhật", "Reload to update")}</button>
                </div>
            }
            <Toolbar lang={lang} can_undo={state.can_undo()} can_redo={state.can_redo()}
                reviews={pact.reviews.iter().map(|r| (r.id.clone(), r.name.get(lang).to_string())).collect::<Vec<_>>()}
                review={AttrValue::from(state.review.clone())} view={state.view.clone()}
                pacts={state.pacts().iter().map(|d| d.pact.title.get(lang).to_string()).collect::<Vec<_>>()} active={state.active}
                dispatch={dispatch.clone()} save_label={AttrValue::from(save_label)}
                history_note={AttrValue::from(history_note)} />
            // The form of the field with the focus (`browser::own_focused_field`); never sent.
            <form id={browser::EDIT_FORM} hidden=true
                onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}></form>
            <main>
            {
                match &state.view {
                    View::Unit(u) => html! {
                        <UnitDetail doc={state.doc.clone()} results={results.clone()} unit={AttrValue::from(u.clone())} review={AttrValue::from(state.review.clone())} lang={lang} dispatch={dispatch.clone()} />
                    },
                    View::Pact => html! {
                        <PactEditor doc={state.doc.clone()} pacts={state.pacts()} active={state.active} revision={state.revision} lang={lang} dispatch={dispatch.clone()} />
                    },
                    View::Charts => html! {
                        <ChartsView doc={state.doc.clone()} results={results.clone()} lang={lang} />
                    },
                    View::Main => html! {
                        <>
                        <div class="no-print">
                            <UnitSearch value={AttrValue::from((*unit_search).clone())} lang={lang}
                                shown={shown.len()}
                                total={pact.units.len()} oninput={on_unit_search} />
                        </div>
                        <section aria-labelledby="h-results">
                            <h2 id="h-results" tabindex="-1">{tr(lang, "Kết quả", "Results")}</h2>
                            <Ranking doc={state.doc.clone()} results={results.clone()} lang={lang} pact={pact_ref.clone()} shown={shown.clone()} dispatch={dispatch.clone()} />
                            <ResultsMatrix doc={state.doc.clone()} results={results.clone()} lang={lang} pact={pact_ref.clone()} shown={shown.clone()} dispatch={dispatch.clone()} />
                            // After the tables: the chart's model is made after the first render
                            // (above), so it arrives below them and moves neither.
                            if let Some(chart) = (*ranking_model).clone() {
                                <ChartFigure chart={chart} lang={lang} />
                            }
                        </section>
                        <section aria-labelledby="h-figures" class="no-print">
                            <h2 id="h-figures" tabindex="-1">{tr(lang, "Nhập số liệu", "Enter figures")}</h2>
                            if *settled {
                                <FiguresGrid doc={state.doc.clone()} results={results.clone()} review={AttrValue::from(state.review.clone())} lang={lang} shown={shown.clone()} pasted_outside={state.pasted_outside} pasted_hidden={state.pasted_hidden} dispatch={dispatch.clone()} />
                            }
                        </section>
                        <div class="no-print">
                            <DataPanel lang={lang} onfile={onfile} onunit_files={onunit_files} onexport_json={onexport_json} onexport_csv={onexport_csv}
                                onprint={onprint} onreset={onreset} backups={(*backups).clone()} onrestore={onrestore}
                                storage={(*storage_info).clone()} />
                        </div>
                        </>
                    },
                }
            }
            <PrintBlock pact={pact_ref.clone()} lang={lang} date={AttrValue::from(browser::today_dmy())} />
            </main>
            { render_modal(&modal, lang, &state.doc, &replace_with_backup) }
            </ContextProvider<Snapshot>>
        }
}

/// What a dialog is open for.
#[derive(Clone, Debug, PartialEq)]
enum Modal {
    /// A valid file: what would change.
    ImportPreview {
        name: String,
        doc: Rc<Document>,
        changes: thidua_core::diff::Changes,
    },
    /// A file that cannot be imported, and why.
    ImportErrors { name: String, errors: ImportError },
    /// Reset to the built-in pact?
    ConfirmReset,
    /// Units' own files to merge.
    Merge {
        files: super::merge::UnitFiles,
        plan: Rc<thidua_core::unit_file::MergePlan>,
    },
    /// Restore this snapshot?
    ConfirmRestore {
        snapshot: Result<Rc<Document>, Vec<String>>,
    },
}

fn render_modal(
    modal: &UseStateHandle<Option<Modal>>,
    lang: Lang,
    doc: &Rc<Document>,
    replace: &Rc<dyn Fn(Rc<Document>, BackupReason)>,
) -> Html {
    let Some(m) = (**modal).clone() else {
        return html! {};
    };
    let close = {
        let modal = modal.clone();
        Callback::from(move |_| modal.set(None))
    };
    // Every dialog with a Cancel replaces data when confirmed (import, reset, restore): it opens
    // with the focus on Cancel, so that an Enter pressed at once changes nothing.
    let cancel_button = {
        let close = close.clone();
        html! { <button type="button" autofocus=true onclick={move |_| close.emit(())}>{tr(lang, "Hủy", "Cancel")}</button> }
    };
    match m {
        Modal::Merge { files, plan } => {
            let replace = replace.clone();
            let onapply = Callback::from(move |d: Rc<Document>| replace(d, BackupReason::Import));
            html! {
                <super::merge::MergeDialog doc={doc.clone()} files={files} plan={plan} lang={lang}
                    onapply={onapply} onclose={close.clone()} />
            }
        }
        Modal::ImportErrors { name, errors } => html! {
            <Dialog title={AttrValue::from(trf(lang, format!("Không nhập được tệp “{name}”"), format!("Cannot import “{name}”")))} onclose={close.clone()}>
                <p>{tr(lang, "Dữ liệu hiện tại không thay đổi. Các lỗi:", "Your current data is unchanged. The problems:")}</p>
                <ul class="errors">{ for errors.messages(lang).into_iter().map(|e| html!{<li>{e}</li>}) }</ul>
                <button type="button" onclick={move |_| close.emit(())}>{tr(lang, "Đóng", "Close")}</button>
            </Dialog>
        },
        Modal::ImportPreview {
            name,
            doc: new,
            changes,
        } => {
            let unit_names = |ids: &[String], d: &Document| {
                ids.iter()
                    .map(|id| {
                        d.pact
                            .unit(id)
                            .map(|u| u.name.get(lang).to_string())
                            .unwrap_or_else(|| id.clone())
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let confirm = {
                let (replace, new) = (replace.clone(), new.clone());
                Callback::from(move |_| replace(new.clone(), BackupReason::Import))
            };
            html! {
                <Dialog title={AttrValue::from(trf(lang, format!("Nhập tệp “{name}”?"), format!("Import “{name}”?")))} onclose={close.clone()}>
                    <p>{trf(lang, format!("Tệp chứa: {}", new.pact.title.get(lang)), format!("The file holds: {}", new.pact.title.get(lang)))}</p>
                    <ul class="preview">
                        if changes.is_empty() { <li>{tr(lang, "Không có gì khác với dữ liệu hiện tại.", "Nothing differs from your current data.")}</li> }
                        if changes.pact_changed { <li>{tr(lang, "Giao ước (chỉ tiêu, ngưỡng, thang điểm…) khác với hiện tại.", "The pact (targets, thresholds, weights…) differs from the current one.")}</li> }
                        if !changes.units_added.is_empty() { <li>{trf(lang, format!("Đơn vị mới: {}", unit_names(&changes.units_added, &new)), format!("New units: {}", unit_names(&changes.units_added, &new)))}</li> }
                        if !changes.units_removed.is_empty() { <li>{trf(lang, format!("Đơn vị không còn: {}", unit_names(&changes.units_removed, doc)), format!("Units no longer there: {}", unit_names(&changes.units_removed, doc)))}</li> }
                        if !changes.cells.is_empty() { <li>{trf(lang, format!("{} ô số liệu thay đổi", changes.cells.len()), format!("{} figure cells change", changes.cells.len()))}</li> }
                        if !changes.scores_changed.is_empty() { <li>{trf(lang, format!("Điểm chấm hoặc điểm thưởng/trừ thay đổi ở: {}", unit_names(&changes.scores_changed, doc)), format!("Scores or bonus/deduction lines change for: {}", unit_names(&changes.scores_changed, doc)))}</li> }
                    </ul>
                    <p>{tr(lang, "Dữ liệu hiện tại sẽ được sao lưu trước khi thay thế.", "Your current data is backed up before it is replaced.")}</p>
                    <button type="button" onclick={confirm}>{tr(lang, "Thay thế bằng dữ liệu trong tệp", "Replace with the file's data")}</button>
                    {" "}{cancel_button}
                </Dialog>
            }
        }
        Modal::ConfirmReset => {
            let confirm = {
                let replace = replace.clone();
                Callback::from(move |_| {
                    replace(Rc::new(Document::default_pact()), BackupReason::Reset)
                })
            };
            html! {
                <Dialog title={AttrValue::from(tr(lang, "Khôi phục giao ước mặc định?", "Reset to the built-in pact?"))} onclose={close.clone()}>
                    <p>{tr(lang, "Toàn bộ số liệu và điểm hiện tại sẽ được thay bằng giao ước năm 2023 của Cụm thi đua số 1, chưa có số liệu. Dữ liệu hiện tại được sao lưu trước.", "All current figures and scores are replaced by the 2023 pact of Cluster No. 1 with no figures. Your current data is backed up first.")}</p>
                    <button type="button" onclick={confirm}>{tr(lang, "Khôi phục mặc định", "Reset")}</button>
                    {" "}{cancel_button}
                </Dialog>
            }
        }
        Modal::ConfirmRestore { snapshot } => match snapshot {
            Ok(old) => {
                let confirm = {
                    let (replace, old) = (replace.clone(), old);
                    Callback::from(move |_| replace(old.clone(), BackupReason::Restore))
                };
                html! {
                    <Dialog title={AttrValue::from(tr(lang, "Khôi phục bản sao lưu?", "Restore this backup?"))} onclose={close.clone()}>
                        <p>{tr(lang, "Dữ liệu hiện tại sẽ được sao lưu rồi thay bằng bản sao lưu đã chọn.", "Your current data is backed up, then replaced by the chosen backup.")}</p>
                        <button type="button" onclick={confirm}>{tr(lang, "Khôi phục", "Restore")}</button>
                        {" "}{cancel_button}
                    </Dialog>
                }
            }
            Err(why) => html! {
                <Dialog title={AttrValue::from(tr(lang, "Không đọc được bản sao lưu", "This backup cannot be read"))} onclose={close.clone()}>
                    <ul>{ for why.iter().map(|w| html!{<li>{w}</li>}) }</ul>
                    <button type="button" onclick={move |_| close.emit(())}>{tr(lang, "Đóng", "Close")}</button>
                </Dialog>
            },
        },
    }
}

/// What a banner's buttons act on: the App's handlers and its alert line.
struct BannerActions<'a> {
    save_now: &'a Rc<dyn Fn(bool)>,
    dispatch: &'a UseReducerDispatcher<AppState>,
    refresh_backups: &'a Rc<dyn Fn()>,
    /// The data panel's "Export JSON".
    export: &'a Callback<()>,
    /// Where a file that could not be made is reported.
    notice: &'a UseStateHandle<Option<browser::NotMade>>,
}

fn render_banner(
    banner: &UseStateHandle<Option<Banner>>,
    lang: Lang,
    session: &Rc<RefCell<Session>>,
    act: &BannerActions,
) -> Html {
    let Some(b) = (**banner).clone() else {
        return html! {};
    };
    let BannerActions {
        save_now,
        dispatch,
        refresh_backups,
        export,
        notice,
    } = *act;
    let export = export.reform(|_: MouseEvent| ());
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
        Banner::Quarantined {
            key,
            why,
            by_other_tab,
        } => {
            // The raw text is read from storage when it is asked for, not on every render.
            let (session, notice) = (session.clone(), notice.clone());
            let download = Callback::from(move |_| {
                let raw = session.borrow().store.borrow().get(&key).ok().flatten();
                if let Some(raw) = raw {
                    let name = "thidua-du-lieu-hong.txt";
                    notice.set(browser::offer_file(name, "text/plain", &raw).err());
                }
            });
            html! {
                <>
                <p>{if by_other_tab {
                    tr(lang, "Một thẻ khác đã lưu dữ liệu mà thẻ này không đọc được. Dữ liệu đó được giữ nguyên ở một chỗ riêng; bản của thẻ này được lưu vào chỗ của nó.", "Another tab stored data this tab cannot read. That data is kept aside, untouched; this tab's version is saved in its place.")
                } else {
                    tr(lang, "Dữ liệu đã lưu trước đây không đọc được. Bản gốc được giữ nguyên ở một chỗ riêng; ứng dụng mở giao ước mặc định.", "The data saved earlier could not be read. The original is kept aside, untouched; the app opened the default pact.")
                }}</p>
                <ul>{ for why.messages(lang).into_iter().map(|w| html!{<li>{w}</li>}) }</ul>
                <button type="button" onclick={download}>{tr(lang, "Tải dữ liệu gốc", "Download the original data")}</button>
                {" "}<button type="button" onclick={dismiss.clone()}>{tr(lang, "Đóng thông báo", "Dismiss")}</button>
                </>
            }
        }
        Banner::Untouchable { why } => html! {
            <>
            <p>{tr(lang, "Dữ liệu đã lưu không đọc được và không thể sao lưu riêng, nên ứng dụng sẽ không ghi đè lên nó. ", "The saved data could not be read nor copied aside, so the app will not write over it. ")}{memory_only}</p>
            <ul>{ for why.messages(lang).into_iter().map(|w| html!{<li>{w}</li>}) }</ul>
            {export_button}
            </>
        },
        Banner::Newer { found } => html! {
            <p>{trf(lang,
                format!("Dữ liệu trong trình duyệt do phiên bản mới hơn tạo ra (định dạng {found}). Hãy tải lại trang để dùng phiên bản mới; bản này không ghi đè lên dữ liệu đó. "),
                format!("The data in this browser was written by a newer version (format {found}). Reload to use the newer version; this one will not write over it. "))}{memory_only}{" "}{export_button}</p>
        },
        Banner::BackupFailed(e) => html! {
            <p>{trf(lang, format!("Chưa thực hiện: không tạo được bản sao lưu ({}). Dữ liệu hiện tại không đổi. ", storage::store_error_text(&e, lang)), format!("Not done: the backup could not be taken ({}). Your data is unchanged. ", storage::store_error_text(&e, lang)))}
               {export_button}{" "}<button type="button" onclick={dismiss.clone()}>{tr(lang, "Đóng thông báo", "Dismiss")}</button></p>
        },
        Banner::SaveFailed(e) => html! {
            <p>{trf(lang, format!("Chưa lưu: {}. ", storage::store_error_text(&e, lang)), format!("Not saved: {}. ", storage::store_error_text(&e, lang)))}
               {tr(lang, "Bạn vẫn làm việc tiếp được; dữ liệu đang được giữ trong bộ nhớ. ", "You can keep working; your data is held in memory. ")}{export_button}</p>
        },
        Banner::Replaced => html! {
            <p>{tr(lang, "Một thẻ khác đã chọn giữ bản của nó thay cho bản thẻ này đang hiển thị (hai thẻ đã cùng lưu một lúc). Thẻ này giờ hiển thị bản được giữ. Bản bị thay đã được sao lưu trước: xem Bản sao lưu tự động để khôi phục. ", "Another tab chose to keep its own version in place of the one this tab was showing (both tabs had saved at once). This tab now shows the version kept. The replaced version was backed up first: see Automatic backups to restore it. ")}
               <button type="button" onclick={dismiss.clone()}>{tr(lang, "Đóng thông báo", "Dismiss")}</button></p>
        },
        Banner::Conflict => {
            // Whichever version is chosen, the other one is kept as snapshots first (its pacts
            // that differ from the chosen version's); if that fails, nothing changes.
            let keep = {
                let (f, session, banner, refresh) = (
                    save_now.clone(),
                    session.clone(),
                    banner.clone(),
                    refresh_backups.clone(),
                );
                Callback::from(move |_| {
                    let taken = {
                        let s = session.borrow();
                        match s.stored() {
                            Some(theirs) => s.back_up_unless(
                                std::iter::once(&theirs.doc).chain(&theirs.others),
                                |d| s.holds(d),
                            ),
                            // Nothing readable stored: there is no other version to keep.
                            None => Ok(()),
                        }
                    };
                    refresh();
                    match taken {
                        Ok(()) => f(true),
                        Err(e) => banner.set(Some(Banner::BackupFailed(e))),
                    }
                })
            };
            let take = {
                let (session, dispatch, banner, refresh) = (
                    session.clone(),
                    dispatch.clone(),
                    banner.clone(),
                    refresh_backups.clone(),
                );
                Callback::from(move |_| {
                    let mut s = session.borrow_mut();
                    if let Some(stored) = s.stored() {
                        let own =
                            std::iter::once(&*s.latest).chain(s.latest_others.iter().map(|d| &**d));
                        let taken = s.back_up_unless(own, |d| {
                            stored.doc == *d || stored.others.iter().any(|o| o == d)
                        });
                        if let Err(e) = taken {
                            banner.set(Some(Banner::BackupFailed(e)));
                            return;
                        }
                        let adopted = s.adopt(stored);
                        drop(s);
                        refresh();
                        if let Some((doc, others, active)) = adopted {
                            dispatch.dispatch(Action::External(doc, others, active));
                        }
                        banner.set(None);
                    }
                })
            };
            html! {
                <>
                <p>{tr(lang, "Một thẻ khác vừa lưu dữ liệu trong khi thẻ này còn thay đổi chưa lưu. Chọn bản muốn giữ (bản kia được sao lưu trước, xem Bản sao lưu tự động):", "Another tab saved while this tab has unsaved changes. Choose which version to keep (the other one is backed up first; see Automatic backups):")}</p>
                <button type="button" onclick={keep}>{tr(lang, "Giữ bản của thẻ này", "Keep this tab's version")}</button>
                {" "}<button type="button" onclick={take}>{tr(lang, "Dùng bản của thẻ kia", "Use the other tab's version")}</button>
                </>
            }
        }
    };
    html! { <div class="banner" role="alert">{body}</div> }
}
