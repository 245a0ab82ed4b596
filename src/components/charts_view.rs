//! The charts view: the ranking, every target, year on year, and the distance to target.

use super::chart::ChartFigure;
use crate::charts::model::{gap_chart, ranking_chart, target_charts, year_on_year_charts};
use crate::ui::tr;
use std::rc::Rc;
use thidua_core::{Document, Lang, Results};
use yew::prelude::*;

/// Props of the charts view.
#[derive(Properties, PartialEq)]
pub struct ChartsViewProps {
    /// The document.
    pub doc: Rc<Document>,
    /// Its results for the review shown.
    pub results: Rc<Results>,
    /// The language.
    pub lang: Lang,
}

/// Every chart, in four sections.
#[function_component(ChartsView)]
pub fn charts_view(p: &ChartsViewProps) -> Html {
    let lang = p.lang;
    let (doc, results) = (&*p.doc, &*p.results);
    let figure = |c| html! { <ChartFigure chart={Rc::new(c)} lang={lang} /> };
    let section =
        |id: &'static str, title: &'static str, intro: &'static str, charts: Vec<Html>| {
            html! {
                <section class="chart-section" aria-labelledby={id}>
                    <h3 id={id}>{title}</h3>
                    <p class="hint">{intro}</p>
                    { for charts }
                </section>
            }
        };
    let targets: Vec<Html> = target_charts(doc, results, lang)
        .into_iter()
        .map(figure)
        .collect();
    let yoy: Vec<Html> = year_on_year_charts(doc, &results.review, lang)
        .into_iter()
        .map(figure)
        .collect();
    html! {
        <section class="charts" aria-labelledby="h-charts">
            <h2 id="h-charts" tabindex="-1">{tr(lang, "Biểu đồ", "Charts")}</h2>
            { section("h-chart-ranking", tr(lang, "Xếp hạng", "Ranking"),
                tr(lang, "Tổng điểm của từng đơn vị theo thứ tự xếp hạng, chia theo nội dung.", "Each unit's total points in rank order, split by content."),
                vec![figure(ranking_chart(doc, results, lang))]) }
            { section("h-chart-targets", tr(lang, "Theo chỉ tiêu", "By target"),
                tr(lang, "Mỗi cột là kết quả của một đơn vị; vạch đứng là ngưỡng của chỉ tiêu. Nội dung chấm điểm (không có ngưỡng) chỉ có trong biểu đồ xếp hạng.",
                    "Each bar is one unit's result; the vertical line is the target's threshold. Contents scored by review (no threshold) appear in the ranking chart only."),
                targets) }
            { section("h-chart-yoy", tr(lang, "So với cùng kỳ", "Year on year"),
                tr(lang, "Cùng kỳ năm trước và kỳ này, cho mọi chỉ số phải kéo giảm hoặc không được tăng.", "The same period last year and this period, for every figure that must fall or not rise."),
                yoy) }
            { section("h-chart-gap", tr(lang, "Khoảng cách đến chỉ tiêu", "Distance to target"),
                tr(lang, "Với các chỉ tiêu chưa đạt: còn thiếu bao nhiêu vụ, hoặc vượt mức cho phép bao nhiêu.", "For the targets not met: how many cases short, or how many over the allowed level."),
                vec![figure(gap_chart(doc, results, None, lang))]) }
        </section>
    }
}
