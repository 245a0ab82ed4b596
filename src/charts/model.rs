//! What each chart shows, as plain data: rows, bars, scale, thresholds, legend, the words of its
//! title and description, and the table that carries the same numbers. Everything here is a pure
//! function of the document and its results, so it is tested natively; `draw` only lays it out.
//!
//! Met and not met come from the rule crate's statuses, never from comparing the drawn numbers:
//! the floats here place shapes on a page and nothing else.

use crate::ui::{dec, points, target_number, tr, trf};
use thidua_core::data::PeriodKind;
use thidua_core::eval::{evaluate_criterion, Problem};
use thidua_core::i18n::{format_count, format_percent, format_scaled};
use thidua_core::messages::{gap_text, level_name, status_icon, status_label};
use thidua_core::model::Rule;
use thidua_core::num::Ratio;
use thidua_core::{Document, Gap, Lang, Results, Status};

/// A colour, as red, green and blue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// Okabe & Ito's colour-blind-safe palette: blue for "met".
pub const MET: Rgb = Rgb(0x00, 0x72, 0xb2);
/// Okabe & Ito's vermillion for "not met" (drawn hollow, so that colour is never the only cue).
pub const NOT_MET: Rgb = Rgb(0xd5, 0x5e, 0x00);
/// The baseline period, drawn hollow.
pub const BASELINE: Rgb = Rgb(0x55, 0x55, 0x55);
/// Text, axes and threshold lines.
pub const INK: Rgb = Rgb(0x1a, 0x1a, 0x1a);
/// Paul Tol's colour-blind-safe qualitative colours (the "muted" scheme's darker members and the
/// "bright" blue), each at least 3:1 against white, for the contents stacked in the ranking.
pub const CONTENT_COLOURS: [Rgb; 7] = [
    Rgb(0x33, 0x22, 0x88),
    Rgb(0x11, 0x77, 0x33),
    Rgb(0x88, 0x22, 0x55),
    Rgb(0x44, 0x77, 0xaa),
    Rgb(0xaa, 0x44, 0x99),
    Rgb(0x99, 0x99, 0x33),
    Rgb(0xcc, 0x66, 0x77),
];

/// How a piece of a bar is painted: filled, or an outline. The two are told apart without colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paint {
    /// Filled.
    Solid(Rgb),
    /// Outline only.
    Hollow(Rgb),
}

/// One piece of a bar, from `from` to `to` on the value axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// Start value.
    pub from: f64,
    /// End value.
    pub to: f64,
    /// Paint.
    pub paint: Paint,
}

/// One bar: its pieces, end to end (stacked) or just one.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The pieces.
    pub segments: Vec<Segment>,
}

impl Bar {
    fn one(from: f64, to: f64, paint: Paint) -> Bar {
        Bar {
            segments: vec![Segment { from, to, paint }],
        }
    }
}

/// One row of a horizontal bar chart: usually a unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The label drawn at the left, shortened to fit.
    pub label: String,
    /// The label in full (the table and the tooltip use it).
    pub full_label: String,
    /// The bars of the row, top to bottom. Empty when there is nothing to draw (no data).
    pub bars: Vec<Bar>,
    /// The words at the right: the status and the number ("✓ Đạt · 90,76%").
    pub note: String,
    /// The status, for a per-target chart.
    pub status: Option<Status>,
    /// The row of the data table.
    pub cells: Vec<String>,
}

/// A labelled line across the plot at a value: a threshold or a classification level.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// Where.
    pub value: f64,
    /// What, e.g. "> 75%".
    pub label: String,
}

/// A tick on the value axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Where.
    pub value: f64,
    /// Its label, in the language's number format.
    pub label: String,
}

/// The value axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    /// The lowest value drawn.
    pub min: f64,
    /// The highest value drawn.
    pub max: f64,
    /// Ticks, from `min` to `max`.
    pub ticks: Vec<Tick>,
    /// What the axis measures, e.g. "Tỷ lệ (%)".
    pub caption: String,
}

/// A legend entry.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendItem {
    /// Its swatch.
    pub paint: Paint,
    /// Its words.
    pub label: String,
}

/// Everything one chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// A stable key, unique on a page: the page's ids come from it.
    pub key: String,
    /// The SVG download's file name, in the chart's language: the file holds its words, so the
    /// Vietnamese and the English drawing of a chart do not take each other's name.
    pub file: String,
    /// The title.
    pub title: String,
    /// A sentence or two stating what it shows, for screen readers and the page.
    pub description: String,
    /// The value axis.
    pub scale: Scale,
    /// The rows, top to bottom.
    pub rows: Vec<Row>,
    /// Threshold lines.
    pub markers: Vec<Marker>,
    /// Legend.
    pub legend: Vec<LegendItem>,
    /// The data table's column headers (the first is the row's).
    pub columns: Vec<String>,
    /// Set when there is nothing to draw: says why, in place of the bars.
    pub empty: Option<String>,
}

/// `thidua-<stem>.svg`.
fn file_name(stem: &str) -> String {
    format!("thidua-{stem}.svg")
}

/// The most characters of a label drawn at the left of a row.
pub const LABEL_CHARS: usize = 22;
/// The most characters of a note drawn at the right of a row.
pub const NOTE_CHARS: usize = 30;

/// Shortens `text` to at most `max` characters, ending with "…" when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out = out.trim_end().to_string();
    out.push('…');
    out
}

/// Breaks `text` into lines of at most `max` characters, at spaces where it can.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if needed > max && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        while line.chars().count() > max {
            let head: String = line.chars().take(max).collect();
            line = line.chars().skip(max).collect();
            lines.push(head);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn ratio_f64(r: &Ratio) -> f64 {
    *r.numer() as f64 / *r.denom() as f64
}

/// The least top of an axis of counts (cases, people): with at most 6 ticks its steps are whole.
const WHOLE_AXIS: f64 = 5.0;

/// Ticks at round steps (1, 2 or 5 × 10^k) spanning `lo..hi`, at most `max_ticks` of them; the
/// scale is widened to the outer ticks. Labels are formatted exactly from integers.
pub fn nice_scale(lo: f64, hi: f64, max_ticks: usize, percent: bool, lang: Lang) -> Scale {
    let (lo, hi) = if hi - lo < 1e-9 {
        (lo.min(0.0), lo.max(0.0) + 1.0)
    } else {
        (lo, hi)
    };
    let span = hi - lo;
    let target = span / (max_ticks.max(2) - 1) as f64;
    // step = m × 10^e with m in {1, 2, 5}: the smallest that gives at most max_ticks ticks.
    let mut e = target.log10().floor() as i32;
    let mut m = 1i64;
    loop {
        let step = m as f64 * 10f64.powi(e);
        if step >= target - 1e-12 {
            break;
        }
        m = match m {
            1 => 2,
            2 => 5,
            _ => {
                e += 1;
                1
            }
        };
    }
    let step = m as f64 * 10f64.powi(e);
    let first = (lo / step + 1e-9).floor() as i64;
    let last = (hi / step - 1e-9).ceil() as i64;
    let decimals = if e < 0 { (-e) as u32 } else { 0 };
    let ticks = (first..=last)
        .map(|k| {
            let value = k as f64 * step;
            // k × m × 10^e, written as an integer scaled by 10^decimals.
            let scaled = if e >= 0 {
                (k * m) as i128 * 10i128.pow(e as u32)
            } else {
                (k * m) as i128
            };
            let mut label = format_scaled(&scaled.into(), decimals, lang);
            if percent {
                label.push('%');
            }
            Tick { value, label }
        })
        .collect::<Vec<_>>();
    Scale {
        min: first as f64 * step,
        max: last as f64 * step,
        ticks,
        caption: String::new(),
    }
}

fn unit_names(doc: &Document, unit: &str, lang: Lang) -> (String, String) {
    match doc.pact.unit(unit) {
        Some(u) => (
            u.short_name.get(lang).to_string(),
            u.name.get(lang).to_string(),
        ),
        None => (unit.to_string(), unit.to_string()),
    }
}

fn status_note(status: Status, lang: Lang, value: Option<String>) -> String {
    let word = format!("{} {}", status_icon(status), status_label(status, lang));
    match value {
        Some(v) => format!("{word} · {v}"),
        None => word,
    }
}

fn met_legend(lang: Lang) -> Vec<LegendItem> {
    vec![
        LegendItem {
            paint: Paint::Solid(MET),
            label: tr(lang, "Đạt (cột đặc)", "Met (filled bar)").into(),
        },
        LegendItem {
            paint: Paint::Hollow(NOT_MET),
            label: tr(lang, "Không đạt (cột rỗng)", "Not met (outlined bar)").into(),
        },
    ]
}

fn status_paint(status: Status) -> Paint {
    if status == Status::Met {
        Paint::Solid(MET)
    } else {
        Paint::Hollow(NOT_MET)
    }
}

/// Counts of rows by outcome, in words: "3 đạt, 1 không đạt, 1 chưa có số liệu".
fn tally(rows: &[Row], lang: Lang) -> String {
    let count =
        |f: &dyn Fn(Status) -> bool| rows.iter().filter(|r| r.status.is_some_and(f)).count();
    let met = count(&|s| s == Status::Met);
    let not_met = count(&|s| s == Status::NotMet);
    let other = rows.len() - met - not_met;
    let mut parts = vec![
        trf(lang, format!("{met} đạt"), format!("{met} met")),
        trf(
            lang,
            format!("{not_met} không đạt"),
            format!("{not_met} not met"),
        ),
    ];
    if other > 0 {
        parts.push(trf(
            lang,
            format!("{other} chưa có số liệu, số liệu không hợp lệ hoặc không áp dụng"),
            format!("{other} with no data, invalid data or not applicable"),
        ));
    }
    parts.join(", ")
}

/// The data table's headers: the unit, then `rest`.
fn unit_columns(lang: Lang, rest: &[(&'static str, &'static str)]) -> Vec<String> {
    std::iter::once(tr(lang, "Đơn vị", "Unit"))
        .chain(rest.iter().map(|(vi, en)| tr(lang, vi, en)))
        .map(String::from)
        .collect()
}

fn no_data_text(lang: Lang) -> String {
    tr(
        lang,
        "Chưa có số liệu để vẽ biểu đồ này.",
        "There are no figures to draw this chart yet.",
    )
    .into()
}

/// The per-target charts, in the pact's order: one per rate or reduction target, and one per
/// criterion of a no-increase or decrease target. Manual contents have no threshold and appear in
/// the ranking chart only.
pub fn target_charts(doc: &Document, results: &Results, lang: Lang) -> Vec<Chart> {
    let mut out = Vec::new();
    for (_, target) in doc.pact.targets() {
        match &target.rule {
            Rule::Rate { .. } | Rule::Reduction { .. } => {
                out.push(value_chart(doc, results, &target.id, lang))
            }
            Rule::NoIncrease { indicators } | Rule::Decrease { indicators } => {
                for ind in indicators {
                    out.push(criterion_chart(doc, results, &target.id, ind, lang));
                }
            }
            Rule::Manual => {}
        }
    }
    out
}

fn target_heading(doc: &Document, target: &str, lang: Lang) -> String {
    let title = doc
        .pact
        .target(target)
        .map(|t| t.title.get(lang).to_string())
        .unwrap_or_default();
    format!("{} {}", target_number(&doc.pact, target), title)
}

/// A rate or reduction target: each unit's value as a bar, the threshold as a line.
pub fn value_chart(doc: &Document, results: &Results, target: &str, lang: Lang) -> Chart {
    let rule = doc.pact.target(target).map(|t| &t.rule);
    let (is_rate, comparator, threshold) = match rule {
        Some(Rule::Rate {
            comparator,
            threshold_pct,
            ..
        }) => (true, *comparator, *threshold_pct),
        Some(Rule::Reduction {
            comparator,
            threshold_pct,
            ..
        }) => (false, *comparator, *threshold_pct),
        _ => (
            true,
            thidua_core::model::Comparator::Ge,
            thidua_core::Dec::int(0),
        ),
    };
    let threshold_f = threshold.to_ratio();
    let threshold_f = ratio_f64(&threshold_f);
    let marker_label = if is_rate {
        format!("{} {}%", comparator.symbol(), dec(threshold, lang))
    } else {
        trf(
            lang,
            format!("giảm {} {}%", comparator.symbol(), dec(threshold, lang)),
            format!("down {} {}%", comparator.symbol(), dec(threshold, lang)),
        )
    };
    let mut rows = Vec::new();
    let (mut lo, mut hi) = (0f64, threshold_f);
    for u in &results.units {
        let Some(t) = u.target(target) else { continue };
        let (short, full) = unit_names(doc, &u.unit, lang);
        let e = &t.eval;
        let value = e.value.as_ref().map(|v| ratio_f64(v) * 100.0);
        let shown = e.value.as_ref().map(|v| format_percent(v, lang));
        let bars = match (value, e.status) {
            (Some(v), Status::Met | Status::NotMet) => {
                lo = lo.min(v);
                hi = hi.max(v);
                vec![Bar::one(0.0, v, status_paint(e.status))]
            }
            _ => vec![],
        };
        let gap = gap_text(&doc.pact, e, lang).unwrap_or_default();
        rows.push(Row {
            label: shorten(&short, LABEL_CHARS),
            full_label: full,
            bars,
            note: shorten(&status_note(e.status, lang, shown.clone()), NOTE_CHARS),
            status: Some(e.status),
            cells: vec![
                shown.unwrap_or_else(|| "—".into()),
                format!("{} {}", status_icon(e.status), status_label(e.status, lang)),
                gap,
            ],
        });
    }
    let mut scale = if is_rate {
        nice_scale(0.0, 100.0, 6, true, lang)
    } else {
        nice_scale(lo, hi, 7, true, lang)
    };
    scale.caption = if is_rate {
        tr(lang, "Tỷ lệ (%)", "Rate (%)").into()
    } else {
        tr(
            lang,
            "Mức giảm so với cùng kỳ (%; âm là tăng)",
            "Reduction on the same period last year (%; negative is a rise)",
        )
        .into()
    };
    let heading = target_heading(doc, target, lang);
    let drawn = rows.iter().filter(|r| !r.bars.is_empty()).count();
    let description = trf(
        lang,
        format!(
            "Biểu đồ cột ngang: {} của {} đơn vị, so với ngưỡng {}. {}.",
            if is_rate { "tỷ lệ" } else { "mức giảm" },
            rows.len(),
            marker_label,
            tally(&rows, lang)
        ),
        format!(
            "Horizontal bar chart: the {} of {} units against the threshold {}. {}.",
            if is_rate { "rate" } else { "reduction" },
            rows.len(),
            marker_label,
            tally(&rows, lang)
        ),
    );
    Chart {
        file: file_name(&format!("{}-{target}", tr(lang, "chi-tieu", "target"))),
        key: format!("chi-tieu-{target}"),
        title: heading,
        description,
        scale,
        rows,
        markers: vec![Marker {
            value: threshold_f,
            label: marker_label,
        }],
        legend: met_legend(lang),
        columns: unit_columns(
            lang,
            &[
                if is_rate {
                    ("Tỷ lệ", "Rate")
                } else {
                    ("Mức giảm", "Reduction")
                },
                ("Kết quả", "Result"),
                ("Khoảng cách", "Gap"),
            ],
        ),
        empty: (drawn == 0).then(|| no_data_text(lang)),
    }
}

/// One criterion of a no-increase or decrease target: each unit's change on the same period last
/// year, with the line at 0.
pub fn criterion_chart(
    doc: &Document,
    results: &Results,
    target: &str,
    indicator: &str,
    lang: Lang,
) -> Chart {
    let decrease = matches!(
        doc.pact.target(target).map(|t| &t.rule),
        Some(Rule::Decrease { .. })
    );
    let ind_name = doc
        .pact
        .indicator(indicator)
        .map(|i| i.name.get(lang).to_string())
        .unwrap_or_else(|| indicator.to_string());
    let mut rows = Vec::new();
    let (mut lo, mut hi) = (0f64, 0f64);
    for u in &results.units {
        let (short, full) = unit_names(doc, &u.unit, lang);
        let empty = thidua_core::data::UnitData::new(u.unit.clone());
        let data = doc.unit_data_in(&results.review, &u.unit).unwrap_or(&empty);
        // The criterion on its own: its chart is drawn even before the target's other
        // criteria have figures.
        let read = doc
            .pact
            .target(target)
            .map(|t| evaluate_criterion(&doc.pact, t, data, indicator));
        let (c, status) = match &read {
            Some(Ok(c)) => (
                Some(c),
                match c.met {
                    Some(true) => Status::Met,
                    Some(false) => Status::NotMet,
                    None => Status::NotApplicable,
                },
            ),
            Some(Err(problems))
                if problems
                    .iter()
                    .any(|p| !matches!(p, Problem::Missing { .. })) =>
            {
                (None, Status::Invalid)
            }
            _ => (None, Status::NoData),
        };
        let change = c.and_then(|c| c.change());
        let shown = change.as_ref().map(|r| signed_percent(r, lang));
        let bars = match (change, status) {
            (Some(r), Status::Met | Status::NotMet) => {
                let v = ratio_f64(&r) * 100.0;
                lo = lo.min(v);
                hi = hi.max(v);
                vec![Bar::one(0.0, v, status_paint(status))]
            }
            _ => vec![],
        };
        let figures = c
            .map(|c| format!("{} → {}", dec(c.baseline, lang), dec(c.current, lang)))
            .unwrap_or_else(|| "—".into());
        // From 0 to more than 0 has no percentage: say it in words.
        let words = match (c, &shown) {
            (Some(c), None) if status == Status::NotMet => Some(trf(
                lang,
                format!("cùng kỳ 0, nay {}", dec(c.current, lang)),
                format!("0 last year, {} now", dec(c.current, lang)),
            )),
            _ => shown.clone(),
        };
        rows.push(Row {
            label: shorten(&short, LABEL_CHARS),
            full_label: full,
            bars,
            note: shorten(&status_note(status, lang, words.clone()), NOTE_CHARS),
            status: Some(status),
            cells: vec![
                figures,
                words.unwrap_or_else(|| "—".into()),
                format!("{} {}", status_icon(status), status_label(status, lang)),
            ],
        });
    }
    let mut scale = nice_scale(lo, hi, 7, true, lang);
    scale.caption = tr(
        lang,
        "Thay đổi so với cùng kỳ (%)",
        "Change on the same period last year (%)",
    )
    .into();
    let marker_label = if decrease {
        tr(lang, "< 0% (giảm)", "< 0% (decrease)")
    } else {
        tr(lang, "≤ 0% (không tăng)", "≤ 0% (no increase)")
    }
    .to_string();
    let drawn = rows.iter().filter(|r| !r.bars.is_empty()).count();
    let description = trf(
        lang,
        format!(
            "Biểu đồ cột ngang: thay đổi của {} so với cùng kỳ ở {} đơn vị; ngưỡng {}. {}.",
            crate::ui::lowercase(&ind_name),
            rows.len(),
            marker_label,
            tally(&rows, lang)
        ),
        format!(
            "Horizontal bar chart: the change in {} on the same period last year for {} units; threshold {}. {}.",
            crate::ui::lowercase(&ind_name),
            rows.len(),
            marker_label,
            tally(&rows, lang)
        ),
    );
    Chart {
        file: file_name(&format!(
            "{}-{target}-{indicator}",
            tr(lang, "chi-tieu", "target")
        )),
        key: format!("chi-tieu-{target}-{indicator}"),
        title: format!("{} — {}", target_heading(doc, target, lang), ind_name),
        description,
        scale,
        rows,
        markers: vec![Marker {
            value: 0.0,
            label: marker_label,
        }],
        legend: met_legend(lang),
        columns: unit_columns(
            lang,
            &[
                ("Cùng kỳ → kỳ này", "Last year → this period"),
                ("Thay đổi", "Change"),
                ("Kết quả", "Result"),
            ],
        ),
        empty: (drawn == 0).then(|| no_data_text(lang)),
    }
}

/// A change as a signed percentage: "+12,00%", "−3,97%".
fn signed_percent(r: &Ratio, lang: Lang) -> String {
    let text = format_percent(r, lang);
    if *r > Ratio::from_integer(0) {
        format!("+{text}")
    } else {
        text.replacen('-', "−", 1)
    }
}

/// The ranking: each unit's total, stacked by content, in rank order, with the classification
/// thresholds. Bonus points are a hollow piece at the end; points taken by deductions are cut
/// from the end and shown as a hollow piece beyond the total.
pub fn ranking_chart(doc: &Document, results: &Results, lang: Lang) -> Chart {
    let pact = &doc.pact;
    let bonus_paint = Paint::Hollow(INK);
    let deduction_paint = Paint::Hollow(NOT_MET);
    let mut rows = Vec::new();
    let mut hi = ratio_f64(&pact.max_total().to_ratio());
    let mut lo = 0f64;
    for id in &results.ranking {
        let Some(u) = results.unit(id) else { continue };
        let (short, full) = unit_names(doc, id, lang);
        let total = u.total.approx_f64();
        let mut pieces: Vec<(f64, Paint)> = u
            .contents
            .iter()
            .enumerate()
            .map(|(i, c)| {
                (
                    c.points.approx_f64(),
                    Paint::Solid(CONTENT_COLOURS[i % CONTENT_COLOURS.len()]),
                )
            })
            .collect();
        pieces.push((u.bonus.approx_f64(), bonus_paint));
        let mut segments = Vec::new();
        let mut at = 0f64;
        for (size, paint) in pieces {
            if size <= 0.0 {
                continue;
            }
            let end = at + size;
            // Only what the total keeps is drawn as points; the rest is the deduction.
            let kept_end = end.min(total.max(0.0));
            if kept_end > at {
                segments.push(Segment {
                    from: at,
                    to: kept_end,
                    paint,
                });
            }
            at = end;
        }
        let deduction = u.deduction.approx_f64();
        if deduction > 0.0 {
            segments.push(Segment {
                from: total,
                to: total + deduction,
                paint: deduction_paint,
            });
        }
        hi = hi.max(at).max(total + deduction);
        lo = lo.min(total);
        let level = level_name(pact, u.level.as_deref(), lang);
        let provisional = if u.is_provisional() {
            tr(lang, " (tạm tính)", " (provisional)")
        } else {
            ""
        };
        let mut cells = vec![u.rank.to_string()];
        cells.extend(u.contents.iter().map(|c| points(&c.points, lang)));
        cells.push(format!(
            "+{} / −{}",
            points(&u.bonus, lang),
            points(&u.deduction, lang)
        ));
        cells.push(points(&u.total, lang));
        cells.push(format!("{level}{provisional}"));
        rows.push(Row {
            label: shorten(&format!("{}. {}", u.rank, short), LABEL_CHARS),
            full_label: full,
            bars: vec![Bar { segments }],
            note: shorten(
                &format!("{} ·{provisional} {level}", points(&u.total, lang)),
                NOTE_CHARS,
            ),
            status: None,
            cells,
        });
    }
    let markers: Vec<Marker> = pact
        .classification
        .iter()
        .filter_map(|l| {
            let min = l.min_total?;
            Some(Marker {
                value: ratio_f64(&min.to_ratio()),
                label: format!("{} ≥ {}", l.name.get(lang), dec(min, lang)),
            })
        })
        .collect();
    for m in &markers {
        hi = hi.max(m.value);
    }
    let mut scale = nice_scale(lo, hi, 7, false, lang);
    scale.caption = tr(lang, "Tổng điểm", "Total points").into();
    let mut legend: Vec<LegendItem> = pact
        .contents
        .iter()
        .enumerate()
        .map(|(i, c)| LegendItem {
            paint: Paint::Solid(CONTENT_COLOURS[i % CONTENT_COLOURS.len()]),
            label: trf(
                lang,
                format!("Nội dung {}", c.number),
                format!("Content {}", c.number),
            ),
        })
        .collect();
    legend.push(LegendItem {
        paint: bonus_paint,
        label: tr(lang, "Điểm thưởng (viền đen)", "Bonus (black outline)").into(),
    });
    legend.push(LegendItem {
        paint: deduction_paint,
        label: tr(lang, "Điểm bị trừ (viền cam)", "Deducted (orange outline)").into(),
    });
    // The description names no leader: the note under the ranking table does (and says when the
    // lead is shared). Shown under the chart, above the grid being typed in, a sentence that came
    // and went with the figures would move the grid when it took a line more.
    let description = trf(
        lang,
        format!(
            "Biểu đồ cột chồng: tổng điểm của {} đơn vị theo thứ tự xếp hạng, chia theo nội dung, với các mức xếp loại.",
            rows.len()
        ),
        format!(
            "Stacked bar chart: the total points of {} units in rank order, split by content, with the classification thresholds.",
            rows.len()
        ),
    );
    let mut columns = vec![
        tr(lang, "Đơn vị", "Unit").into(),
        tr(lang, "Hạng", "Rank").into(),
    ];
    columns.extend(pact.contents.iter().map(|c| {
        trf(
            lang,
            format!("Nội dung {}", c.number),
            format!("Content {}", c.number),
        )
    }));
    columns.push(tr(lang, "Thưởng / trừ", "Bonus / deduction").into());
    columns.push(tr(lang, "Tổng điểm", "Total").into());
    columns.push(tr(lang, "Xếp loại", "Classification").into());
    // Nothing entered at all: zeros would look like results.
    let any_data = results.units.iter().any(|u| {
        u.targets.iter().any(|t| !t.eval.status.is_incomplete())
            || !(u.bonus.is_zero() && u.deduction.is_zero())
    });
    let empty = if rows.is_empty() {
        Some(
            tr(
                lang,
                "Cụm chưa có đơn vị nào.",
                "The cluster has no units yet.",
            )
            .to_string(),
        )
    } else if !any_data {
        Some(no_data_text(lang))
    } else {
        None
    };
    Chart {
        file: file_name(tr(lang, "xep-hang", "ranking")),
        key: "xep-hang".into(),
        title: tr(lang, "Xếp hạng theo tổng điểm", "Ranking by total points").into(),
        description,
        scale,
        rows,
        markers,
        legend,
        columns,
        empty,
    }
}

/// The indicators read by reduction, no-increase and decrease targets, in the pact's order.
pub fn year_on_year_indicators(doc: &Document) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, t) in doc.pact.targets() {
        let ids: Vec<&String> = match &t.rule {
            Rule::Reduction { indicator, .. } => vec![indicator],
            Rule::NoIncrease { indicators } | Rule::Decrease { indicators } => {
                indicators.iter().collect()
            }
            _ => vec![],
        };
        for id in ids {
            if !out.contains(id) {
                out.push(id.clone());
            }
        }
    }
    out
}

/// One chart per year-on-year indicator: the same period last year and this period side by side.
pub fn year_on_year_charts(doc: &Document, review: &str, lang: Lang) -> Vec<Chart> {
    year_on_year_indicators(doc)
        .iter()
        .map(|ind| year_on_year_chart(doc, review, ind, lang))
        .collect()
}

/// The same period last year (outlined) and this period (filled) for every unit.
pub fn year_on_year_chart(doc: &Document, review: &str, indicator: &str, lang: Lang) -> Chart {
    let def = doc.pact.indicator(indicator);
    let name = def
        .map(|d| d.name.get(lang).to_string())
        .unwrap_or_else(|| indicator.to_string());
    let measure = def
        .map(|d| d.unit.get(lang).to_string())
        .unwrap_or_default();
    let mut rows = Vec::new();
    let mut hi = 0f64;
    for unit in &doc.pact.units {
        let (short, full) = unit_names(doc, &unit.id, lang);
        let entry = |p: PeriodKind| {
            doc.unit_data_in(review, &unit.id)
                .and_then(|d| d.entry(indicator, p).value())
                .filter(|v| !v.is_negative())
        };
        let (base, cur) = (entry(PeriodKind::Baseline), entry(PeriodKind::Current));
        let text =
            |v: Option<thidua_core::Dec>| v.map(|v| dec(v, lang)).unwrap_or_else(|| "—".into());
        let mut bars = Vec::new();
        let mut note = String::new();
        let mut change_text = "—".to_string();
        match (base, cur) {
            (Some(b), Some(c)) => {
                let (bf, cf) = (ratio_f64(&b.to_ratio()), ratio_f64(&c.to_ratio()));
                hi = hi.max(bf).max(cf);
                bars.push(Bar::one(0.0, bf, Paint::Hollow(BASELINE)));
                bars.push(Bar::one(0.0, cf, Paint::Solid(MET)));
                change_text = if b == thidua_core::Dec::int(0) {
                    tr(lang, "cùng kỳ bằng 0", "0 last year").into()
                } else {
                    let r = (c.to_ratio() - b.to_ratio()) / b.to_ratio();
                    signed_percent(&r, lang)
                };
                note = format!("{} → {} ({change_text})", dec(b, lang), dec(c, lang));
            }
            _ => note.push_str(tr(lang, "Chưa đủ số liệu", "Figures incomplete")),
        }
        rows.push(Row {
            label: shorten(&short, LABEL_CHARS),
            full_label: full,
            bars,
            note: shorten(&note, NOTE_CHARS),
            status: None,
            cells: vec![text(base), text(cur), change_text],
        });
    }
    let drawn = rows.iter().filter(|r| !r.bars.is_empty()).count();
    // Whole ticks for the counts, as in the distance chart.
    let mut scale = nice_scale(0.0, hi.max(WHOLE_AXIS), 6, false, lang);
    scale.caption = if measure.is_empty() {
        name.clone()
    } else {
        format!("{name} ({measure})")
    };
    let incomplete = rows.len() - drawn;
    let partial = if incomplete > 0 && drawn > 0 {
        trf(
            lang,
            format!(" {incomplete} đơn vị chưa đủ số liệu."),
            format!(" {incomplete} units have incomplete figures."),
        )
    } else {
        String::new()
    };
    let description = trf(
        lang,
        format!(
            "Biểu đồ cột đôi: {} cùng kỳ năm trước (cột viền) và kỳ này (cột đặc) của {} đơn vị.{partial}",
            crate::ui::lowercase(&name),
            rows.len()
        ),
        format!(
            "Paired bar chart: {} in the same period last year (outlined) and this period (filled) for {} units.{partial}",
            crate::ui::lowercase(&name),
            rows.len()
        ),
    );
    Chart {
        file: file_name(&format!(
            "{}-{indicator}",
            tr(lang, "cung-ky", "year-on-year")
        )),
        key: format!("cung-ky-{indicator}"),
        title: trf(
            lang,
            format!("So với cùng kỳ: {name}"),
            format!("Year on year: {name}"),
        ),
        description,
        scale,
        rows,
        markers: vec![],
        legend: vec![
            LegendItem {
                paint: Paint::Hollow(BASELINE),
                label: tr(
                    lang,
                    "Cùng kỳ năm trước (cột viền)",
                    "Same period last year (outlined)",
                )
                .into(),
            },
            LegendItem {
                paint: Paint::Solid(MET),
                label: tr(lang, "Kỳ này (cột đặc)", "This period (filled)").into(),
            },
        ],
        columns: unit_columns(
            lang,
            &[
                ("Cùng kỳ năm trước", "Same period last year"),
                ("Kỳ này", "This period"),
                ("Thay đổi", "Change"),
            ],
        ),
        empty: (drawn == 0).then(|| no_data_text(lang)),
    }
}

/// The distance to target: for every target a unit has not met, how many cases it is short (a
/// rate) or over (a reduction, or a no-increase criterion). `unit` narrows it to one unit.
pub fn gap_chart(doc: &Document, results: &Results, unit: Option<&str>, lang: Lang) -> Chart {
    let short_paint = Paint::Solid(NOT_MET);
    let over_paint = Paint::Hollow(NOT_MET);
    let mut rows = Vec::new();
    let mut hi = 0f64;
    let mut any_data = false;
    for u in results
        .units
        .iter()
        .filter(|u| unit.is_none_or(|x| x == u.unit))
    {
        let (short, full) = unit_names(doc, &u.unit, lang);
        for t in &u.targets {
            let e = &t.eval;
            any_data |= !e.status.is_incomplete();
            if e.status != Status::NotMet {
                continue;
            }
            let number = target_number(&doc.pact, &e.target);
            let heading = target_heading(doc, &e.target, lang);
            let label = |what: &str| {
                if unit.is_some() {
                    shorten(what, LABEL_CHARS)
                } else {
                    // Keep the target's number whole: shorten the unit's name instead.
                    let tail = format!(" · {number}");
                    let room = LABEL_CHARS.saturating_sub(tail.chars().count());
                    format!("{}{tail}", shorten(&short, room))
                }
            };
            let mut push = |what: String, amount: Option<(f64, bool)>, words: String| {
                let bars = match amount {
                    Some((v, over)) => {
                        hi = hi.max(v);
                        vec![Bar::one(
                            0.0,
                            v,
                            if over { over_paint } else { short_paint },
                        )]
                    }
                    None => vec![],
                };
                rows.push(Row {
                    label: label(&what),
                    full_label: format!("{full} — {what}"),
                    bars,
                    note: shorten(&words, NOTE_CHARS),
                    status: Some(Status::NotMet),
                    cells: vec![words],
                });
            };
            match &e.gap {
                Some(Gap::RateNeeds { additional, .. }) => push(
                    heading,
                    Some((*additional as f64, false)),
                    gap_text(&doc.pact, e, lang).unwrap_or_default(),
                ),
                Some(Gap::ReductionOver { over, .. }) => push(
                    heading,
                    Some((*over as f64, true)),
                    trf(
                        lang,
                        format!("vượt {}", format_count(*over, lang)),
                        format!("{} over", format_count(*over, lang)),
                    ),
                ),
                Some(Gap::Excess) => {
                    for c in e.criteria.iter().filter(|c| c.met == Some(false)) {
                        let ind = doc
                            .pact
                            .indicator(&c.indicator)
                            .map(|i| i.name.get(lang).to_string())
                            .unwrap_or_else(|| c.indicator.to_string());
                        let x = ratio_f64(&c.excess.to_ratio());
                        push(
                            format!("{heading}: {ind}"),
                            Some((x, true)),
                            trf(
                                lang,
                                format!("vượt {}", dec(c.excess, lang)),
                                format!("{} over", dec(c.excess, lang)),
                            ),
                        );
                    }
                }
                Some(Gap::RateUnreachable | Gap::ReductionUnreachable) | None => push(
                    heading,
                    None,
                    gap_text(&doc.pact, e, lang).unwrap_or_default(),
                ),
            }
        }
    }
    // Cases and people come whole: an axis of at least 5 keeps its ticks whole (0; 0,2; 0,4… for
    // one case short said otherwise). An amount's small excess is drawn against it all the same.
    let mut scale = nice_scale(0.0, hi.max(WHOLE_AXIS), 6, false, lang);
    scale.caption = tr(
        lang,
        "Số vụ / số người còn thiếu hoặc vượt",
        "Cases or people short or over",
    )
    .into();
    let empty = if !any_data {
        Some(no_data_text(lang))
    } else if rows.is_empty() {
        Some(
            tr(
                lang,
                "Không có chỉ tiêu nào chưa đạt trong số các chỉ tiêu đã có số liệu.",
                "No target with figures is unmet.",
            )
            .into(),
        )
    } else {
        None
    };
    let who = match unit {
        Some(id) => unit_names(doc, id, lang).1,
        None => tr(lang, "các đơn vị", "the units").into(),
    };
    let description = trf(
        lang,
        format!(
            "Biểu đồ cột ngang: {} chỉ tiêu chưa đạt của {who}, mỗi cột là số còn thiếu (cột đặc) hoặc số vượt mức cho phép (cột viền).",
            rows.len()
        ),
        format!(
            "Horizontal bar chart: {} unmet targets of {who}, each bar the number still short (filled) or over the allowed level (outlined).",
            rows.len()
        ),
    );
    Chart {
        file: file_name(&match unit {
            Some(id) => format!("{}-{id}", tr(lang, "khoang-cach", "distance")),
            None => tr(lang, "khoang-cach", "distance").into(),
        }),
        key: match unit {
            Some(id) => format!("khoang-cach-{id}"),
            None => "khoang-cach".into(),
        },
        title: match unit {
            Some(_) => tr(lang, "Khoảng cách đến chỉ tiêu", "Distance to target").into(),
            None => tr(
                lang,
                "Khoảng cách đến chỉ tiêu chưa đạt",
                "Distance to the targets not met",
            )
            .into(),
        },
        description,
        scale,
        rows,
        markers: vec![],
        legend: vec![
            LegendItem {
                paint: short_paint,
                label: tr(lang, "Còn thiếu (cột đặc)", "Short (filled)").into(),
            },
            LegendItem {
                paint: over_paint,
                label: tr(
                    lang,
                    "Vượt mức cho phép (cột viền)",
                    "Over the allowed level (outlined)",
                )
                .into(),
            },
        ],
        columns: vec![
            tr(lang, "Đơn vị — chỉ tiêu", "Unit — target").into(),
            tr(lang, "Khoảng cách", "Gap").into(),
        ],
        empty,
    }
}
