//! Draws a [`Chart`] as SVG text with plotters' SVG backend: a thin layer that places the model's
//! rows, bars, ticks, thresholds and legend on a fixed grid.
//!
//! Layout rules that keep it readable from 1 to 100 units: every row has its own band (so row
//! labels cannot collide), labels were already shortened by the model, each threshold label has a
//! line of its own above the plot, tick labels are thinned until they fit their spacing, and the
//! legend wraps. plotters escapes every text it writes, so a unit called `<script>` is drawn as
//! those characters.

use super::model::{Chart, Paint, Rgb, INK};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The width of every chart, in SVG units (it scales down with the page).
pub const WIDTH: u32 = 760;
const LABEL_RIGHT: i32 = 168;
const PLOT_LEFT: i32 = 176;
const PLOT_RIGHT: i32 = 550;
const NOTE_LEFT: i32 = 560;
const LINE: i32 = 18;
/// The most characters of a line of the 14-pixel bold title.
const TITLE_CHARS: usize = 80;
/// Roughly how wide a character of the 11-pixel text is, to keep labels apart.
const CHAR_W: f64 = 6.6;

fn colour(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// The sans-serif font at `px` on the page: plotters writes `font-size` as the size divided by
/// 1.24. Named by plotters' enum, not by the text "sans-serif", which plotters would lowercase
/// with Rust's Unicode tables (12 KB of the wasm, BENCHMARKS.md § 3).
fn font(px: f64, style: FontStyle) -> FontDesc<'static> {
    FontDesc::new(FontFamily::SansSerif, px * 1.24, style)
}

fn text(px: f64, c: Rgb, h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle {
        font: font(px, FontStyle::Normal),
        color: colour(c).to_backend_color(),
        pos: Pos::new(h, v),
    }
}

fn bold(px: f64) -> TextStyle<'static> {
    TextStyle {
        font: font(px, FontStyle::Bold),
        ..text(px, INK, HPos::Left, VPos::Center)
    }
}

fn text_width(s: &str) -> f64 {
    s.chars().count() as f64 * CHAR_W
}

/// The height of one row with `bars` bars.
fn row_height(bars: usize) -> i32 {
    match bars {
        0 | 1 => 24,
        n => 8 + 12 * n as i32,
    }
}

/// Legend items laid out in lines: (line, x) of each.
fn legend_layout(chart: &Chart) -> Vec<(i32, i32)> {
    let (mut line, mut x) = (0, 8);
    chart
        .legend
        .iter()
        .map(|item| {
            let w = 20 + text_width(&item.label) as i32 + 16;
            if x + w > WIDTH as i32 - 8 && x > 8 {
                line += 1;
                x = 8;
            }
            let at = (line, x);
            x += w;
            at
        })
        .collect()
}

type DrawResult = Result<(), String>;

fn err<E: std::fmt::Debug>(e: E) -> String {
    format!("{e:?}")
}

/// Where an SVG goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Into the page, inside an element with `role="img"` that is named by the figure's caption
    /// and described by its description: no title drawn, and the SVG itself hidden from
    /// assistive technology so that the image is announced once.
    Page,
    /// A file of its own: the title drawn at the top, and `<title>` and `<desc>` inside.
    File,
}

/// The chart as SVG text.
pub fn svg(chart: &Chart, purpose: Purpose) -> Result<String, String> {
    svg_sized(chart, purpose).map(|(svg, _)| svg)
}

/// The chart as SVG text, with its height in pixels (its width is [`WIDTH`]).
pub fn svg_sized(chart: &Chart, purpose: Purpose) -> Result<(String, u32), String> {
    let with_title = purpose == Purpose::File;
    let bars_per_row = chart.rows.iter().map(|r| r.bars.len()).max().unwrap_or(1);
    let rh = row_height(bars_per_row);
    let title = if with_title {
        super::model::wrap(&chart.title, TITLE_CHARS)
    } else {
        vec![]
    };
    let title_h = title.len() as i32 * 20;
    let markers_h = chart.markers.len() as i32 * 16;
    let plot_top = 8 + title_h + markers_h + if markers_h > 0 { 6 } else { 0 };
    // A chart with rows but nothing to draw yet (no figures) keeps the place its drawing will
    // take, its message in the middle: the ranking chart sits above the grid being typed in, and
    // its first figures must not push the grid down.
    let keeps_place = chart.empty.is_none() || !chart.rows.is_empty();
    let plot_h = if keeps_place {
        rh * chart.rows.len().max(1) as i32
    } else {
        48
    };
    let plot_bottom = plot_top + plot_h;
    let legend = legend_layout(chart);
    let legend_lines = legend.last().map(|(l, _)| l + 1).unwrap_or(0);
    let axis_h = if keeps_place { 40 } else { 0 };
    let height = plot_bottom + axis_h + legend_lines * LINE + 12;

    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (WIDTH, height as u32)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        draw_body(&root, chart, &title, plot_top, plot_bottom, rh, &legend)?;
        root.present().map_err(err)?;
    }
    let svg = match purpose {
        Purpose::File => with_description(&buf, chart),
        Purpose::Page => buf.replacen("<svg ", "<svg aria-hidden=\"true\" focusable=\"false\" ", 1),
    };
    Ok((svg, height as u32))
}

fn draw_body<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    chart: &Chart,
    title: &[String],
    plot_top: i32,
    plot_bottom: i32,
    rh: i32,
    legend: &[(i32, i32)],
) -> DrawResult {
    let ink = colour(INK);
    let draw_text = |s: &str, at: (i32, i32), style: &TextStyle| -> DrawResult {
        root.draw(&Text::new(s.to_string(), at, style.clone()))
            .map_err(err)
    };
    for (i, l) in title.iter().enumerate() {
        draw_text(l, (8, 18 + 20 * i as i32), &bold(14.0))?;
    }
    if let Some(why) = &chart.empty {
        let mid = (plot_top + plot_bottom) / 2;
        draw_text(
            why,
            (WIDTH as i32 / 2, mid),
            &text(13.0, INK, HPos::Center, VPos::Center),
        )?;
        return Ok(());
    }
    let scale = &chart.scale;
    let span = (scale.max - scale.min).max(f64::EPSILON);
    let x_of = |v: f64| {
        let v = v.clamp(scale.min, scale.max);
        PLOT_LEFT + ((v - scale.min) / span * (PLOT_RIGHT - PLOT_LEFT) as f64).round() as i32
    };
    let line = |pts: Vec<(i32, i32)>, c: RGBColor, w: u32| -> DrawResult {
        root.draw(&PathElement::new(pts, c.stroke_width(w)))
            .map_err(err)
    };

    // Grid, axis and ticks (labels thinned so that they never touch).
    let grid = RGBColor(0xdd, 0xdd, 0xdd);
    let spacing = (PLOT_RIGHT - PLOT_LEFT) as f64 / (scale.ticks.len().max(2) - 1) as f64;
    let widest = scale
        .ticks
        .iter()
        .map(|t| text_width(&t.label))
        .fold(0.0, f64::max);
    let every = ((widest + 8.0) / spacing).ceil().max(1.0) as usize;
    for (i, t) in scale.ticks.iter().enumerate() {
        let x = x_of(t.value);
        line(vec![(x, plot_top), (x, plot_bottom)], grid, 1)?;
        line(vec![(x, plot_bottom), (x, plot_bottom + 4)], ink, 1)?;
        if i % every == 0 {
            draw_text(
                &t.label,
                (x, plot_bottom + 7),
                &text(11.0, INK, HPos::Center, VPos::Top),
            )?;
        }
    }
    line(
        vec![(PLOT_LEFT, plot_bottom), (PLOT_RIGHT, plot_bottom)],
        ink,
        1,
    )?;
    let zero = x_of(0.0);
    line(vec![(zero, plot_top), (zero, plot_bottom)], ink, 1)?;
    draw_text(
        &scale.caption,
        ((PLOT_LEFT + PLOT_RIGHT) / 2, plot_bottom + 24),
        &text(11.0, INK, HPos::Center, VPos::Top),
    )?;

    // Rows: label, bars, note.
    for (i, row) in chart.rows.iter().enumerate() {
        let top = plot_top + i as i32 * rh;
        let mid = top + rh / 2;
        draw_text(
            &row.label,
            (LABEL_RIGHT, mid),
            &text(11.0, INK, HPos::Right, VPos::Center),
        )?;
        draw_text(
            &row.note,
            (NOTE_LEFT, mid),
            &text(11.0, INK, HPos::Left, VPos::Center),
        )?;
        let n = row.bars.len().max(1) as i32;
        let thickness = if n == 1 { 14 } else { 10 };
        let stack_top = mid - (n * thickness + (n - 1) * 2) / 2;
        for (b, bar) in row.bars.iter().enumerate() {
            let y0 = stack_top + b as i32 * (thickness + 2);
            let y1 = y0 + thickness;
            for seg in &bar.segments {
                let (a, z) = (x_of(seg.from.min(seg.to)), x_of(seg.from.max(seg.to)));
                // A zero-length bar is still a visible stroke at its value.
                let z = z.max(a + 2);
                let rect = |style: ShapeStyle| {
                    root.draw(&Rectangle::new([(a, y0), (z, y1)], style))
                        .map_err(err)
                };
                match seg.paint {
                    Paint::Solid(c) => {
                        rect(colour(c).filled())?;
                        // A white seam between stacked pieces.
                        line(vec![(z, y0), (z, y1)], WHITE, 1)?;
                    }
                    Paint::Hollow(c) => rect(colour(c).stroke_width(2))?,
                }
            }
        }
    }

    // Threshold lines, each label on its own line above the plot.
    for (i, m) in chart.markers.iter().enumerate() {
        let x = x_of(m.value);
        let y = plot_top - 6 - (chart.markers.len() - 1 - i) as i32 * 16;
        line(vec![(x, y), (x, plot_bottom)], ink, 2)?;
        let label = super::model::shorten(&m.label, 50);
        let (anchor, dx) = if x > (PLOT_LEFT + PLOT_RIGHT) / 2 {
            (HPos::Right, -4)
        } else {
            (HPos::Left, 4)
        };
        draw_text(
            &label,
            (x + dx, y - 2),
            &text(11.0, INK, anchor, VPos::Bottom),
        )?;
    }

    // Legend.
    let legend_top = plot_bottom + 46;
    for (item, (l, x)) in chart.legend.iter().zip(legend) {
        let y = legend_top + l * LINE;
        let style = match item.paint {
            Paint::Solid(c) => colour(c).filled(),
            Paint::Hollow(c) => colour(c).stroke_width(2),
        };
        root.draw(&Rectangle::new([(*x, y - 6), (*x + 14, y + 6)], style))
            .map_err(err)?;
        draw_text(
            &item.label,
            (*x + 20, y),
            &text(11.0, INK, HPos::Left, VPos::Center),
        )?;
    }
    Ok(())
}

/// Escapes text for XML.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Puts `<title>` and `<desc>` first inside the `<svg>` element, as SVG wants them.
fn with_description(svg: &str, chart: &Chart) -> String {
    let head = format!(
        "<title>{}</title>\n<desc>{}</desc>\n",
        escape(&chart.title),
        escape(&chart.description)
    );
    match svg.find(">\n") {
        Some(i) => format!("{}{}{}", &svg[..i + 2], head, &svg[i + 2..]),
        None => svg.to_string(),
    }
}
