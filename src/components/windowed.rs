//! A long table as a windowed, vertically scrolling region: the one component behind the
//! figures grid, the results matrix and the ranking.
//!
//! Up to [`window::ALWAYS_ALL`] rows the table is rendered whole, as a plain table. Longer, it is
//! a region of bounded height with a sticky header, and only the rows in view plus an overscan
//! are in the DOM; two spacer rows (hidden from assistive technology) stand for the others
//! ([`window::span`]). The row height is measured from the rendered rows (so zoom and font size
//! are followed), scrolling updates the window at most once per animation frame, and the table
//! says how many rows it has (`aria-rowcount`); every rendered row carries its `aria-rowindex`.
//!
//! A [`WindowControl`] lets the table's owner bring a row into view before acting on it (the
//! grid's keys move focus to rows that are not rendered yet). Tables that are printed
//! (`print_all`) render every row while the page is printed: on `beforeprint`, while the print
//! media query holds, and on [`print_page`] (the "print" button), which renders them before it
//! opens the print dialog.

use crate::window::{self, Span};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;
use yew::prelude::*;

/// The window event that makes printed tables render every row (see [`print_page`]).
const PRINT_EVENT: &str = "thidua-print";

/// What a table's owner asks of it: bring row `pos` into view, render it, then run a function
/// (e.g. focus a cell of that row). Compared by identity, so that it can be a prop of memoised
/// rows.
#[derive(Clone, Default)]
pub struct WindowControl(Rc<RefCell<Option<Reveal>>>);

/// The table's way of revealing a row, registered while the table is mounted.
type Reveal = Rc<dyn Fn(usize, Box<dyn FnOnce()>)>;

impl PartialEq for WindowControl {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl WindowControl {
    /// Brings row `pos` (a position in the table's body) into view, renders it, then calls
    /// `then`. With no table mounted, `then` is called at once.
    pub fn reveal(&self, pos: usize, then: impl FnOnce() + 'static) {
        let f = self.0.borrow().clone();
        match f {
            Some(f) => f(pos, Box::new(then)),
            None => then(),
        }
    }
}

/// Renders every row of the printed tables, then opens the print dialog (Yew renders after the
/// current event, and printing lays the page out at once, so the dialog waits for a task).
pub fn print_page() {
    let Some(w) = web_sys::window() else { return };
    if let Ok(e) = web_sys::Event::new(PRINT_EVENT) {
        let _ = w.dispatch_event(&e);
    }
    gloo_timers::callback::Timeout::new(0, move || {
        let _ = w.print();
    })
    .forget();
}

/// Props of a windowed table.
#[derive(Properties, PartialEq)]
pub struct WindowedTableProps {
    /// Classes of the `<table>`.
    pub class: Classes,
    /// The caption's id (it names the table and the region).
    pub caption_id: AttrValue,
    /// The caption.
    pub caption: Html,
    /// The header rows (`<tr>`s of the `<thead>`, numbered from 1 with `aria-rowindex`).
    pub head: Html,
    /// How many header rows there are.
    pub header_rows: usize,
    /// How many columns a row spans (for the spacers).
    pub columns: usize,
    /// How many body rows the table has.
    pub rows: usize,
    /// Renders the body row at a position (0-based) — a keyed `<tr>` (usually a memoised
    /// component) with `aria-rowindex` = `header_rows + pos + 1`.
    pub row: Callback<usize, Html>,
    /// Whether every row is rendered while the page is printed.
    #[prop_or_default]
    pub print_all: bool,
    /// The region's `tabindex`; by default "0" (it scrolls with the keyboard) once it is
    /// windowed, none while it is a plain table.
    #[prop_or_default]
    pub tabindex: Option<AttrValue>,
    /// More classes of the region.
    #[prop_or_default]
    pub region_class: Classes,
    /// Lets the owner reveal rows.
    #[prop_or_default]
    pub control: Option<WindowControl>,
}

/// Where the region stands, as last measured (pixels).
#[derive(Default)]
struct Geometry {
    /// How far the region is scrolled.
    scroll_top: f64,
    /// Its visible height.
    viewport: f64,
    /// A body row's height (0 while unknown).
    row_height: f64,
    /// Where the first body row starts in the region's content.
    body_top: f64,
    /// The height of the sticky header.
    sticky: f64,
}

/// The table's bookkeeping between renders.
#[derive(Default)]
struct Inner {
    geo: Geometry,
    /// The rows rendered last, and how many there are in all.
    shown: Span,
    rows: usize,
    /// Whether the window is in use (a long table, not being printed).
    windowed: bool,
    /// An animation frame is already asked for.
    frame: bool,
    /// The rendered rows last measured: (start, end, rows); `None` asks for a new measure.
    measured_for: Option<(usize, usize, usize)>,
    /// The row height is to be measured again (the page was resized or zoomed).
    remeasure: bool,
    /// Rows rendered to the end of the view, beyond the estimate ([`window::fill`]), until the
    /// next scroll.
    fill_to: Option<usize>,
    /// The spacer heights and scroll padding last written.
    written: (f64, f64, f64),
    /// A row asked for by [`WindowControl::reveal`], and what to do once it is rendered.
    wanted: Option<usize>,
    then: Option<Box<dyn FnOnce()>>,
}

/// Sets one CSS property of an element through its `style` object (the page's Content Security
/// Policy forbids `style` attributes; the CSS object model is allowed).
fn set_style(el: &web_sys::Element, property: &str, value: &str) {
    if let Ok(style) = js_sys::Reflect::get(el, &JsValue::from_str("style")) {
        let _ = js_sys::Reflect::set(&style, &JsValue::from_str(property), &value.into());
    }
}

/// Reads the region's scroll position and height.
fn read_scroll(region: &NodeRef, geo: &mut Geometry) {
    if let Some(el) = region.cast::<HtmlElement>() {
        geo.scroll_top = el.scroll_top() as f64;
        geo.viewport = el.client_height() as f64;
    }
}

/// What a measure of the rendered table found.
struct Measured {
    /// The average height of the rendered body rows.
    row_height: Option<f64>,
    /// Where the last rendered body row ends in the region's content.
    rows_bottom: Option<f64>,
}

/// Measures the region, the header and the rendered rows.
fn measure(
    region: &NodeRef,
    table: &NodeRef,
    thead: &NodeRef,
    tbody: &NodeRef,
    geo: &mut Geometry,
) -> Measured {
    read_scroll(region, geo);
    let (Some(table), Some(tbody)) = (table.cast::<HtmlElement>(), tbody.cast::<HtmlElement>())
    else {
        return Measured {
            row_height: None,
            rows_bottom: None,
        };
    };
    let table_top = table.offset_top() as f64;
    geo.body_top = table_top + tbody.offset_top() as f64;
    geo.sticky = thead
        .cast::<HtmlElement>()
        .map(|t| t.offset_height() as f64)
        .unwrap_or(0.0);
    let mut heights = Vec::new();
    let mut rows_bottom = None;
    let mut row = tbody.first_element_child();
    while let Some(r) = row {
        if r.class_name() != "spacer" {
            if let Some(h) = r.dyn_ref::<HtmlElement>() {
                let height = h.offset_height() as f64;
                heights.push(height);
                // Rows are placed relative to the table.
                rows_bottom = Some(table_top + h.offset_top() as f64 + height);
            }
        }
        row = r.next_element_sibling();
    }
    Measured {
        row_height: window::average_height(heights),
        rows_bottom,
    }
}

/// The rows to render for the bookkeeping as it stands.
fn current_span(i: &Inner, rows: usize) -> Span {
    let g = &i.geo;
    let s = window::span(
        g.scroll_top - g.body_top,
        g.viewport,
        g.row_height,
        rows,
        window::OVERSCAN,
    );
    let s = match i.fill_to {
        Some(end) if end > s.end && !s.is_empty() => Span {
            end: end.min(rows),
            after: (rows - end.min(rows)) as f64 * g.row_height.max(0.0),
            ..s
        },
        _ => s,
    };
    match i.wanted {
        Some(pos) => window::include(s, pos, g.row_height, rows, window::OVERSCAN),
        None => s,
    }
}

/// After a scroll or a resize: read the region in the next animation frame (once per frame)
/// and render again if other rows are to be shown.
fn schedule(inner: &Rc<RefCell<Inner>>, region: &NodeRef, update: &UseForceUpdateHandle) {
    {
        let mut i = inner.borrow_mut();
        if i.frame || !i.windowed {
            return;
        }
        i.frame = true;
    }
    let (next, region, update) = (inner.clone(), region.clone(), update.clone());
    let f = wasm_bindgen::closure::Closure::once_into_js(move || {
        let mut i = next.borrow_mut();
        i.frame = false;
        read_scroll(&region, &mut i.geo);
        if i.geo.row_height <= 0.0 {
            // Nothing measured yet (the region was not laid out): measure now.
            i.measured_for = None;
            drop(i);
            update.force_update();
        } else if current_span(&i, i.rows) != i.shown {
            // Other rows: the gap below them is measured afresh.
            i.fill_to = None;
            drop(i);
            update.force_update();
        }
    });
    let asked = web_sys::window()
        .and_then(|w| w.request_animation_frame(f.unchecked_ref()).ok())
        .is_some();
    if !asked {
        inner.borrow_mut().frame = false;
    }
}

/// Listens for printing: `beforeprint`/`afterprint`, [`PRINT_EVENT`] and the print media query
/// (which also follows emulated print media).
fn print_listeners(printing: UseStateHandle<bool>) -> Vec<gloo_events::EventListener> {
    let mut out = Vec::new();
    let Some(w) = web_sys::window() else {
        return out;
    };
    for (event, on) in [
        ("beforeprint", true),
        (PRINT_EVENT, true),
        ("afterprint", false),
    ] {
        let printing = printing.clone();
        out.push(gloo_events::EventListener::new(&w, event, move |_| {
            printing.set(on)
        }));
    }
    // window.matchMedia("print"), through Reflect (no web-sys binding is compiled in for it).
    let query = js_sys::Reflect::get(&w, &JsValue::from_str("matchMedia"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&w, &JsValue::from_str("print")).ok())
        .and_then(|q| q.dyn_into::<web_sys::EventTarget>().ok());
    if let Some(query) = query {
        let matches = |q: &JsValue| {
            js_sys::Reflect::get(q, &JsValue::from_str("matches"))
                .ok()
                .and_then(|m| m.as_bool())
                .unwrap_or(false)
        };
        if matches(&query) {
            printing.set(true);
        }
        let q = query.clone();
        out.push(gloo_events::EventListener::new(
            &query,
            "change",
            move |_| printing.set(matches(&q)),
        ));
    }
    out
}

/// A table whose body rows are rendered only around the part in view (see the module).
#[function_component(WindowedTable)]
pub fn windowed_table(p: &WindowedTableProps) -> Html {
    let region = use_node_ref();
    let table = use_node_ref();
    let thead = use_node_ref();
    let tbody = use_node_ref();
    let before = use_node_ref();
    let after = use_node_ref();
    let inner = use_mut_ref(Inner::default);
    let update = use_force_update();
    let printing = use_state(|| false);
    {
        let printing = printing.clone();
        use_effect_with(p.print_all, move |all| {
            let listeners = if *all {
                print_listeners(printing)
            } else {
                Vec::new()
            };
            move || drop(listeners)
        });
    }
    // Follow the window's size (and zoom, which resizes it).
    {
        let (inner, region, update) = (inner.clone(), region.clone(), update.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo_events::EventListener::new(&w, "resize", move |_| {
                    {
                        let mut i = inner.borrow_mut();
                        i.measured_for = None;
                        i.remeasure = true;
                        i.fill_to = None;
                    }
                    schedule(&inner, &region, &update);
                })
            });
            move || drop(listener)
        });
    }
    // Let the owner reveal rows.
    {
        let (inner, region, update) = (inner.clone(), region.clone(), update.clone());
        use_effect_with(p.control.clone(), move |control| {
            let control = control.clone();
            if let Some(c) = &control {
                let f: Reveal = Rc::new(move |pos: usize, then: Box<dyn FnOnce()>| {
                    let mut i = inner.borrow_mut();
                    if !i.windowed || i.shown.contains(pos) || pos >= i.rows {
                        drop(i);
                        then();
                        return;
                    }
                    if let Some(el) = region.cast::<HtmlElement>() {
                        let g = &i.geo;
                        let top = el.scroll_top() as f64;
                        let to = window::reveal(
                            pos,
                            g.row_height,
                            top,
                            g.viewport,
                            g.body_top,
                            g.sticky,
                        );
                        if let Some(to) = to {
                            el.set_scroll_top(to.round() as i32);
                        }
                        i.geo.scroll_top = el.scroll_top() as f64;
                    }
                    i.wanted = Some(pos);
                    i.then = Some(then);
                    drop(i);
                    update.force_update();
                });
                *c.0.borrow_mut() = Some(f);
            }
            move || {
                if let Some(c) = control {
                    *c.0.borrow_mut() = None;
                }
            }
        });
    }

    let windowed = p.rows > window::ALWAYS_ALL && !(p.print_all && *printing);
    let span = {
        let mut i = inner.borrow_mut();
        if i.rows != p.rows {
            i.fill_to = None;
        }
        if !windowed {
            // Spacers and measures start afresh when the window is used again.
            i.written = (f64::NAN, f64::NAN, f64::NAN);
            i.measured_for = None;
        }
        i.windowed = windowed;
        i.rows = p.rows;
        let s = if windowed {
            current_span(&i, p.rows)
        } else {
            Span::all(p.rows)
        };
        i.shown = s;
        s
    };

    // After each render: spacer heights, a new measure when other rows were rendered, and what
    // was waiting for a row to be rendered.
    {
        let (inner, update) = (inner.clone(), update.clone());
        let (region, table, thead, tbody, before, after) = (
            region.clone(),
            table.clone(),
            thead.clone(),
            tbody.clone(),
            before.clone(),
            after.clone(),
        );
        let rows = p.rows;
        use_effect(move || {
            let mut i = inner.borrow_mut();
            if i.windowed {
                let written = (span.before, span.after, i.geo.sticky);
                if written != i.written {
                    for (node, px) in [(&before, span.before), (&after, span.after)] {
                        if let Some(td) = node.cast::<web_sys::Element>() {
                            set_style(&td, "height", &format!("{px}px"));
                        }
                    }
                    if let Some(el) = region.cast::<web_sys::Element>() {
                        // Focus and scrolling into view keep rows clear of the sticky header.
                        set_style(&el, "scrollPaddingTop", &format!("{}px", i.geo.sticky));
                    }
                    i.written = written;
                }
                // Other rows rendered: where they stand. The row height is measured once (and
                // again after a resize), so that the same scroll position keeps showing the same
                // rows; a gap below rows shorter than that is filled with more rows.
                let key = (span.start, span.end, rows);
                if i.measured_for != Some(key) {
                    i.measured_for = Some(key);
                    let m = measure(&region, &table, &thead, &tbody, &mut i.geo);
                    if let Some(h) = m.row_height {
                        if i.geo.row_height <= 0.0
                            || (i.remeasure && window::height_changed(i.geo.row_height, h))
                        {
                            i.geo.row_height = h;
                        }
                        i.remeasure = false;
                    }
                    let mut next = current_span(&i, rows);
                    if next == span {
                        if let Some(bottom) = m.rows_bottom {
                            let gap = i.geo.scroll_top + i.geo.viewport - bottom;
                            let filled = window::fill(span, gap, i.geo.row_height, rows);
                            if filled != span {
                                i.fill_to = Some(filled.end);
                                next = current_span(&i, rows);
                            }
                        }
                    }
                    if next != span {
                        drop(i);
                        update.force_update();
                        return;
                    }
                }
            }
            let then = i.then.take();
            i.wanted = None;
            drop(i);
            if let Some(then) = then {
                then();
            }
        });
    }

    let onscroll = {
        let (inner, region, update) = (inner.clone(), region.clone(), update.clone());
        Callback::from(move |_: Event| schedule(&inner, &region, &update))
    };
    // One keyed list: the spacers (always there while windowed, if 0 px tall) and the rows, so
    // that moving the window only adds and removes rows at its ends and never re-creates the row
    // that holds the focus.
    let colspan = p.columns.max(1).to_string();
    let spacer = |key: &'static str, node: &NodeRef| {
        html! {
            <tr key={key} class="spacer" aria-hidden="true"><td ref={node.clone()} colspan={colspan.clone()}></td></tr>
        }
    };
    let rows = (span.start..span.end).map(|pos| p.row.emit(pos));
    let body: Vec<Html> = if windowed {
        std::iter::once(spacer("spacer-before", &before))
            .chain(rows)
            .chain(std::iter::once(spacer("spacer-after", &after)))
            .collect()
    } else {
        rows.collect()
    };
    let tabindex = p
        .tabindex
        .clone()
        .or_else(|| windowed.then_some(AttrValue::Static("0")));
    html! {
        <div ref={region} role="region" aria-labelledby={p.caption_id.clone()} {tabindex}
            class={classes!("table-scroll", windowed.then_some("windowed"), p.region_class.clone())}
            {onscroll}>
        <table ref={table} class={p.class.clone()} aria-rowcount={(p.header_rows + p.rows).to_string()}>
            <caption id={p.caption_id.clone()}>{p.caption.clone()}</caption>
            <thead ref={thead}>{p.head.clone()}</thead>
            <tbody ref={tbody}>{ for body }</tbody>
        </table>
        </div>
    }
}
