//! One chart on the page: its title, the SVG drawn by plotters (as an image with a description),
//! an SVG download, and the same numbers as a table behind a toggle.

use crate::browser;
use crate::charts::{draw, Chart};
use crate::ui::{tr, trf};
use std::rc::Rc;
use thidua_core::Lang;
use yew::prelude::*;

/// Props of a chart.
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// What to draw.
    pub chart: Rc<Chart>,
    /// The language.
    pub lang: Lang,
}

/// How long typing must pause before a changed chart is drawn again.
const REDRAW_DELAY_MS: u32 = 250;

/// The downloadable file: an XML declaration, then the SVG with its title drawn in.
fn file_text(chart: &Chart) -> Result<String, String> {
    draw::svg(chart, draw::Purpose::File)
        .map(|s| format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{s}"))
}

/// A chart with its description, download and data table.
#[function_component(ChartFigure)]
pub fn chart_figure(p: &ChartProps) -> Html {
    let lang = p.lang;
    let chart = &p.chart;
    // Drawn at once the first time; after that, again only when what it shows has changed and
    // typing has paused for a moment, so that keystrokes never wait for an SVG to be drawn and
    // parsed (the table and the description follow at once).
    let svg = use_state(|| Rc::new(draw::svg_sized(chart, draw::Purpose::Page)));
    let drawn_for = use_mut_ref(|| p.chart.clone());
    let timer = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
    {
        let (svg, drawn_for, timer) = (svg.clone(), drawn_for.clone(), timer.clone());
        use_effect_with(p.chart.clone(), move |chart| {
            let drawn = drawn_for.borrow().clone();
            if *drawn != **chart {
                // Another language or other rows: drawn now. New values only: after the pause.
                let now = drawn.title != chart.title || drawn.rows.len() != chart.rows.len();
                let chart = chart.clone();
                let redraw = move || {
                    svg.set(Rc::new(draw::svg_sized(&chart, draw::Purpose::Page)));
                    *drawn_for.borrow_mut() = chart;
                };
                if now {
                    *timer.borrow_mut() = None;
                    redraw();
                } else {
                    *timer.borrow_mut() =
                        Some(gloo_timers::callback::Timeout::new(REDRAW_DELAY_MS, redraw));
                }
            }
        });
    }
    // The drawing is neither laid out nor painted while it is off screen (content-visibility in
    // the stylesheet): hundreds of SVG elements would otherwise be walked by every frame's paint,
    // keystrokes in the grid below included. Skipped, it keeps the drawing's own proportions
    // (set here, through the CSSOM that the page's style policy allows), so nothing moves when
    // it comes into view.
    let drawing = use_node_ref();
    {
        let drawing = drawing.clone();
        let height = (*svg).as_ref().as_ref().ok().map(|(_, h)| *h);
        use_effect_with(height, move |height| {
            if let (Some(h), Some(el)) = (height, drawing.cast::<web_sys::HtmlElement>()) {
                let _ = el
                    .style()
                    .set_property("aspect-ratio", &format!("{} / {h}", draw::WIDTH));
            }
        });
    }
    // The table of figures is built only while it is open: closed, a 1,000-unit chart would
    // otherwise keep thousands of hidden cells in the page and update them on every keystroke.
    let table_open = use_state(|| false);
    // Why the SVG file could not be made, beside its button.
    let file_error = use_state(|| None::<browser::NotMade>);
    let ontoggle = {
        let table_open = table_open.clone();
        Callback::from(move |e: Event| {
            if let Some(details) = e.target_dyn_into::<web_sys::Element>() {
                table_open.set(details.has_attribute("open"));
            }
        })
    };
    let title_id = format!("chart-{}-title", chart.key);
    let desc_id = format!("chart-{}-desc", chart.key);
    let ondownload = {
        let (chart, file_error) = (p.chart.clone(), file_error.clone());
        Callback::from(move |_| {
            let name = chart.file.clone();
            let made = match file_text(&chart) {
                Ok(text) => browser::offer_file(&name, "image/svg+xml", &text),
                Err(why) => Err(browser::NotMade { file: name, why }),
            };
            file_error.set(made.err());
        })
    };
    html! {
        <figure class="chart" aria-labelledby={title_id.clone()}>
            <figcaption id={title_id.clone()}>{chart.title.clone()}</figcaption>
            {
                match &**svg {
                    // plotters escapes every text it writes (unit names included), so this is
                    // drawing markup only.
                    // Its height also as an attribute, which the stylesheet turns into the
                    // drawing's aspect-ratio from the first frame where the browser reads typed
                    // attr() (the effect above sets it a frame later everywhere).
                    Ok((s, h)) => html! {
                        <div class="chart-svg" ref={drawing} role="img" aria-labelledby={title_id.clone()} aria-describedby={desc_id.clone()}
                            data-height={h.to_string()}>
                            { Html::from_html_unchecked(AttrValue::from(s.clone())) }
                        </div>
                    },
                    Err(e) => html! {
                        <p class="error" role="alert">{trf(lang, format!("Không vẽ được biểu đồ: {e}"), format!("The chart could not be drawn: {e}"))}</p>
                    },
                }
            }
            <p id={desc_id} class="chart-desc">{chart.description.clone()}</p>
            <div class="chart-actions no-print">
                <button type="button" onclick={ondownload}
                    aria-label={trf(lang, format!("Tải SVG: {}", chart.title), format!("Download SVG: {}", chart.title))}>
                    {tr(lang, "Tải SVG", "Download SVG")}
                </button>
                if let Some(m) = &*file_error {
                    {" "}<span class="field-error" role="alert">{m.message(lang)}</span>
                }
            </div>
            <details class="chart-data" {ontoggle}>
                <summary>{tr(lang, "Bảng số liệu của biểu đồ", "The chart's figures as a table")}</summary>
                if *table_open {
                <div class="table-scroll">
                <table>
                    <caption>{chart.title.clone()}</caption>
                    <thead><tr>{ for chart.columns.iter().map(|c| html! { <th scope="col">{c.clone()}</th> }) }</tr></thead>
                    <tbody>
                    { for chart.rows.iter().map(|r| html! {
                        <tr>
                            <th scope="row">{r.full_label.clone()}</th>
                            { for r.cells.iter().map(|c| html! { <td>{c.clone()}</td> }) }
                        </tr>
                    })}
                    </tbody>
                </table>
                </div>
                }
            </details>
        </figure>
    }
}
