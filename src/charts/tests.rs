//! Native tests of the chart model and its drawing.

use super::draw::{svg, svg_sized, Purpose, WIDTH};
use super::model::*;
use thidua_core::data::{Entry, PeriodKind};
use thidua_core::default_pact::ids::*;
use thidua_core::i18n::Text;
use thidua_core::model::{Role, Unit};
use thidua_core::{Document, Lang, Status};

fn set(doc: &mut Document, unit: &str, ind: &str, period: PeriodKind, n: i64) {
    let review = doc.pact.main_review().to_string();
    doc.unit_data_in_mut(&review, unit)
        .set(ind, period, Entry::int(n));
}

/// The default pact with discovery figures: Hà Nội 1,501/2,000 (met), TP HCM 1,500/2,000 (exactly
/// 75%: not met), Đà Nẵng nothing.
fn discovery_doc() -> Document {
    let mut doc = Document::default_pact();
    set(
        &mut doc,
        "ha-noi",
        CASES_OCCURRED,
        PeriodKind::Current,
        2000,
    );
    set(&mut doc, "ha-noi", CASES_SOLVED, PeriodKind::Current, 1501);
    set(
        &mut doc,
        "tp-hcm",
        CASES_OCCURRED,
        PeriodKind::Current,
        2000,
    );
    set(&mut doc, "tp-hcm", CASES_SOLVED, PeriodKind::Current, 1500);
    doc
}

fn row<'a>(chart: &'a Chart, full: &str) -> &'a Row {
    chart
        .rows
        .iter()
        .find(|r| r.full_label.contains(full))
        .unwrap_or_else(|| panic!("no row {full}"))
}

fn paints(r: &Row) -> Vec<Paint> {
    r.bars
        .iter()
        .flat_map(|b| b.segments.iter().map(|s| s.paint))
        .collect()
}

#[test]
fn the_threshold_sits_at_the_target_with_its_comparator() {
    let doc = discovery_doc();
    let chart = value_chart(&doc, &doc.evaluate(), "t6a", Lang::Vi);
    assert_eq!(chart.markers.len(), 1);
    assert_eq!(chart.markers[0].value, 75.0);
    assert_eq!(chart.markers[0].label, "> 75%");
    let resolved = value_chart(&doc, &doc.evaluate(), "t5a", Lang::En);
    assert_eq!(resolved.markers[0].label, "= 100%");
    let crime = value_chart(&doc, &doc.evaluate(), "t4", Lang::Vi);
    assert_eq!(crime.markers[0].label, "giảm ≥ 5%");
    assert_eq!(crime.markers[0].value, 5.0);

    // A decimal threshold is written the Vietnamese way and placed exactly.
    let mut doc = discovery_doc();
    for c in &mut doc.pact.contents {
        for t in &mut c.targets {
            if let thidua_core::model::Rule::Rate {
                threshold_pct,
                comparator,
                ..
            } = &mut t.rule
            {
                if t.id == "t6a" {
                    *threshold_pct = thidua_core::Dec::parse("75.5").unwrap();
                    *comparator = thidua_core::model::Comparator::Ge;
                }
            }
        }
    }
    let chart = value_chart(&doc, &doc.evaluate(), "t6a", Lang::Vi);
    assert_eq!(chart.markers[0].value, 75.5);
    assert_eq!(chart.markers[0].label, "≥ 75,5%");
    let chart = value_chart(&doc, &doc.evaluate(), "t6a", Lang::En);
    assert_eq!(chart.markers[0].label, "≥ 75.5%");
}

#[test]
fn met_and_not_met_bars_are_told_apart_by_fill_and_words() {
    let doc = discovery_doc();
    let chart = value_chart(&doc, &doc.evaluate(), "t6a", Lang::Vi);
    assert_eq!(chart.rows.len(), 5, "one row per unit");
    let hn = row(&chart, "Hà Nội");
    assert_eq!(hn.status, Some(Status::Met));
    assert_eq!(paints(hn), vec![Paint::Solid(MET)]);
    assert!(
        hn.note.contains("Đạt") && hn.note.contains("75,05%"),
        "{}",
        hn.note
    );
    assert!((hn.bars[0].segments[0].to - 75.05).abs() < 1e-9);

    // Exactly 75% does not meet "> 75%": an outlined bar that says so.
    let hcm = row(&chart, "Hồ Chí Minh");
    assert_eq!(hcm.status, Some(Status::NotMet));
    assert_eq!(paints(hcm), vec![Paint::Hollow(NOT_MET)]);
    assert!(hcm.note.contains("Không đạt"), "{}", hcm.note);
    assert!(hcm.cells[2].contains("cần thêm 1 vụ"), "{:?}", hcm.cells);

    // No figures: no bar (never a zero), and the note says why.
    let dn = row(&chart, "Đà Nẵng");
    assert!(dn.bars.is_empty());
    assert_eq!(dn.status, Some(Status::NoData));
    assert!(dn.note.contains("Chưa có số liệu"));
    assert!(chart.empty.is_none());
    assert!(
        chart
            .description
            .contains("1 đạt, 1 không đạt, 3 chưa có số liệu"),
        "{}",
        chart.description
    );
}

#[test]
fn a_chart_without_figures_says_so_instead_of_drawing_zeros() {
    let doc = Document::default_pact();
    let results = doc.evaluate();
    for chart in target_charts(&doc, &results, Lang::En)
        .into_iter()
        .chain(year_on_year_charts(&doc, doc.pact.main_review(), Lang::En))
    {
        assert!(
            chart.rows.iter().all(|r| r.bars.is_empty()),
            "{}",
            chart.key
        );
        assert_eq!(
            chart.empty.as_deref(),
            Some("There are no figures to draw this chart yet."),
            "{}",
            chart.key
        );
        let text = svg(&chart, Purpose::File).unwrap();
        assert!(text.contains("There are no figures to draw this chart yet."));
        assert!(
            !text.contains("<rect x=\"176\""),
            "no bar at the axis origin"
        );
    }
    assert!(gap_chart(&doc, &results, None, Lang::En).empty.is_some());
    assert_eq!(
        ranking_chart(&doc, &results, Lang::En).empty.as_deref(),
        Some("There are no figures to draw this chart yet.")
    );
}

/// The ranking chart, on the page above the grid, is as tall with no figures (its message in the
/// middle) as once the first figures are drawn, so typing them does not push the grid down; a
/// chart with no rows at all stays small.
#[test]
fn the_ranking_chart_keeps_its_place_before_the_first_figures() {
    let mut doc = Document::default_pact();
    let height = |doc: &Document| {
        let chart = ranking_chart(doc, &doc.evaluate(), Lang::Vi);
        (
            chart.empty.is_some(),
            svg_sized(&chart, Purpose::Page).unwrap().1,
        )
    };
    let (empty, before) = height(&doc);
    assert!(empty);
    set(&mut doc, "da-nang", CRIMES, PeriodKind::Baseline, 100);
    set(&mut doc, "da-nang", CRIMES, PeriodKind::Current, 90);
    let (empty, after) = height(&doc);
    assert!(!empty);
    assert_eq!(before, after);
    doc.pact.units.clear();
    let (empty, none) = height(&doc);
    assert!(empty && none < before, "{none} against {before}");
}

#[test]
fn every_rate_reduction_and_criterion_has_a_target_chart() {
    let doc = Document::default_pact();
    let charts = target_charts(&doc, &doc.evaluate(), Lang::Vi);
    let keys: Vec<&str> = charts.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(
        keys,
        vec![
            "chi-tieu-t4",
            "chi-tieu-t5a",
            "chi-tieu-t5b",
            "chi-tieu-t6a",
            "chi-tieu-t6b",
            "chi-tieu-t7a-traffic_accidents",
            "chi-tieu-t7a-traffic_deaths",
            "chi-tieu-t7a-traffic_injuries",
            "chi-tieu-t7b-fires",
            "chi-tieu-t7b-explosions",
            "chi-tieu-t7b-fire_deaths",
            "chi-tieu-t7b-fire_injuries",
            "chi-tieu-t7b-fire_property_loss",
        ]
    );
}

#[test]
fn an_svg_file_is_named_in_the_language_it_is_drawn_in() {
    let doc = Document::default_pact();
    let results = doc.evaluate();
    let files = |lang| -> Vec<String> {
        let mut f: Vec<String> = target_charts(&doc, &results, lang)
            .into_iter()
            .take(2)
            .map(|c| c.file)
            .collect();
        f.push(ranking_chart(&doc, &results, lang).file);
        f.push(gap_chart(&doc, &results, None, lang).file);
        f.push(gap_chart(&doc, &results, Some("ha-noi"), lang).file);
        f
    };
    assert_eq!(
        files(Lang::Vi),
        [
            "thidua-chi-tieu-t4.svg",
            "thidua-chi-tieu-t5a.svg",
            "thidua-xep-hang.svg",
            "thidua-khoang-cach.svg",
            "thidua-khoang-cach-ha-noi.svg"
        ]
    );
    assert_eq!(
        files(Lang::En),
        [
            "thidua-target-t4.svg",
            "thidua-target-t5a.svg",
            "thidua-ranking.svg",
            "thidua-distance.svg",
            "thidua-distance-ha-noi.svg"
        ]
    );
    let crit = target_charts(&doc, &results, Lang::En)
        .into_iter()
        .find(|c| c.key == "chi-tieu-t7b-fires")
        .map(|c| c.file);
    assert_eq!(crit.as_deref(), Some("thidua-target-t7b-fires.svg"));
    let review = doc.pact.main_review();
    let yoy = |lang| year_on_year_chart(&doc, review, "fires", lang).file;
    assert_eq!(yoy(Lang::Vi), "thidua-cung-ky-fires.svg");
    assert_eq!(yoy(Lang::En), "thidua-year-on-year-fires.svg");
}

#[test]
fn a_no_increase_criterion_shows_the_change_with_the_line_at_zero() {
    let mut doc = Document::default_pact();
    set(
        &mut doc,
        "ha-noi",
        TRAFFIC_DEATHS,
        PeriodKind::Baseline,
        100,
    );
    set(&mut doc, "ha-noi", TRAFFIC_DEATHS, PeriodKind::Current, 100);
    set(
        &mut doc,
        "da-nang",
        TRAFFIC_DEATHS,
        PeriodKind::Baseline,
        40,
    );
    set(&mut doc, "da-nang", TRAFFIC_DEATHS, PeriodKind::Current, 50);
    set(&mut doc, "can-tho", TRAFFIC_DEATHS, PeriodKind::Baseline, 0);
    set(&mut doc, "can-tho", TRAFFIC_DEATHS, PeriodKind::Current, 3);
    let chart = criterion_chart(&doc, &doc.evaluate(), "t7a", TRAFFIC_DEATHS, Lang::Vi);
    assert_eq!(chart.markers[0].value, 0.0);
    assert!(chart.markers[0].label.starts_with("≤ 0%"));
    let hn = row(&chart, "Hà Nội");
    assert_eq!(hn.status, Some(Status::Met), "equal is no increase");
    assert_eq!(paints(hn), vec![Paint::Solid(MET)]);
    let dn = row(&chart, "Đà Nẵng");
    assert_eq!(dn.status, Some(Status::NotMet));
    assert!(dn.note.contains("+25,00%"), "{}", dn.note);
    assert!((dn.bars[0].segments[0].to - 25.0).abs() < 1e-9);
    // 0 → 3 has no percentage: no bar, and words instead.
    let ct = row(&chart, "Cần Thơ");
    assert_eq!(ct.status, Some(Status::NotMet));
    assert!(ct.bars.is_empty());
    assert!(ct.note.contains("cùng kỳ 0"), "{}", ct.note);
}

#[test]
fn the_ranking_follows_the_rule_crates_order_and_marks_the_levels() {
    let mut doc = Document::default_pact();
    // Give two units different results so that the order is not the pact's order.
    set(
        &mut doc,
        "can-tho",
        CASES_OCCURRED,
        PeriodKind::Current,
        100,
    );
    set(&mut doc, "can-tho", CASES_SOLVED, PeriodKind::Current, 90);
    set(
        &mut doc,
        "hai-phong",
        CASES_OCCURRED,
        PeriodKind::Current,
        100,
    );
    set(&mut doc, "hai-phong", CASES_SOLVED, PeriodKind::Current, 80);
    let results = doc.evaluate();
    let chart = ranking_chart(&doc, &results, Lang::Vi);
    let order: Vec<String> = chart.rows.iter().map(|r| r.full_label.clone()).collect();
    let expected: Vec<String> = results
        .ranking
        .iter()
        .map(|id| doc.pact.unit(id).unwrap().name.get(Lang::Vi).to_string())
        .collect();
    assert_eq!(order, expected);
    assert!(chart.rows[0].label.starts_with("1. "));
    for (r, id) in chart.rows.iter().zip(&results.ranking) {
        let u = results.unit(id).unwrap();
        // The stacked pieces end at the total.
        let end = r.bars[0]
            .segments
            .iter()
            .filter(|s| matches!(s.paint, Paint::Solid(_)))
            .map(|s| s.to)
            .fold(0.0, f64::max);
        assert!((end - u.total.approx_f64()).abs() < 1e-9, "{end}");
    }
    let levels: Vec<(f64, &str)> = chart
        .markers
        .iter()
        .map(|m| (m.value, m.label.as_str()))
        .collect();
    assert_eq!(
        levels,
        vec![
            (90.0, "Hoàn thành xuất sắc nhiệm vụ ≥ 90"),
            (80.0, "Hoàn thành tốt nhiệm vụ ≥ 80"),
            (70.0, "Hoàn thành nhiệm vụ ≥ 70"),
        ]
    );
    assert_eq!(chart.legend.len(), doc.pact.contents.len() + 2);
}

/// The ranking chart's description names no leader, so never one the ranking does not have
/// (it named the first unit while two shared rank 1, and before any figure), and it does not
/// change with the figures (shown above the grid, a line more would move the grid).
#[test]
fn the_ranking_chart_describes_the_same_whatever_the_lead() {
    let mut doc = Document::default_pact();
    let described = |doc: &Document, lang| ranking_chart(doc, &doc.evaluate(), lang).description;
    let empty = (described(&doc, Lang::Vi), described(&doc, Lang::En));
    for unit in ["da-nang", "tp-hcm"] {
        set(&mut doc, unit, CASES_OCCURRED, PeriodKind::Current, 100);
        set(&mut doc, unit, CASES_SOLVED, PeriodKind::Current, 90);
    }
    assert!(doc.evaluate().shared_lead());
    let tied = (described(&doc, Lang::Vi), described(&doc, Lang::En));
    set(&mut doc, "tp-hcm", CASES_SOLVED, PeriodKind::Current, 70);
    assert_eq!(doc.evaluate().leading_unit.as_deref(), Some("da-nang"));
    let led = (described(&doc, Lang::Vi), described(&doc, Lang::En));
    assert_eq!(tied, empty);
    assert_eq!(led, empty);
    assert!(
        !empty.0.contains("Đứng đầu") && !empty.1.contains("First"),
        "{empty:?}"
    );
}

#[test]
fn deductions_cut_the_bar_at_the_total() {
    use thidua_core::data::{AdjustmentKind, AdjustmentLine};
    let mut doc = Document::default_pact();
    let review = doc.pact.main_review().to_string();
    doc.unit_data_in_mut(&review, "ha-noi")
        .adjustments
        .push(AdjustmentLine {
            kind: AdjustmentKind::Deduction,
            reason: "x".into(),
            points: thidua_core::Dec::int(3),
            rule: None,
        });
    let results = doc.evaluate();
    let chart = ranking_chart(&doc, &results, Lang::En);
    let hn = row(&chart, "Hà Nội");
    let total = results.unit("ha-noi").unwrap().total.approx_f64();
    let last = hn.bars[0].segments.last().unwrap();
    assert_eq!(last.paint, Paint::Hollow(NOT_MET));
    assert!((last.from - total).abs() < 1e-9 && (last.to - total - 3.0).abs() < 1e-9);
}

#[test]
fn year_on_year_pairs_match_the_figures() {
    let mut doc = Document::default_pact();
    set(&mut doc, "ha-noi", CRIMES, PeriodKind::Baseline, 1820);
    set(&mut doc, "ha-noi", CRIMES, PeriodKind::Current, 1748);
    set(&mut doc, "da-nang", CRIMES, PeriodKind::Baseline, 300);
    let review = doc.pact.main_review().to_string();
    let charts = year_on_year_charts(&doc, &review, Lang::Vi);
    let keys: Vec<&str> = charts.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys[0], "cung-ky-crimes_social_order");
    assert_eq!(
        keys.len(),
        1 + 3 + 5,
        "crimes, 3 traffic, 5 fire indicators"
    );
    let chart = &charts[0];
    let hn = row(chart, "Hà Nội");
    assert_eq!(hn.bars.len(), 2);
    assert_eq!(hn.bars[0].segments[0].to, 1820.0);
    assert_eq!(hn.bars[0].segments[0].paint, Paint::Hollow(BASELINE));
    assert_eq!(hn.bars[1].segments[0].to, 1748.0);
    assert_eq!(hn.bars[1].segments[0].paint, Paint::Solid(MET));
    assert_eq!(hn.cells, vec!["1.820", "1.748", "−3,96%"]);
    // Half a pair is not drawn as a zero.
    let dn = row(chart, "Đà Nẵng");
    assert!(dn.bars.is_empty());
    assert_eq!(dn.cells[0], "300");
    assert_eq!(dn.cells[1], "—");
    assert!(chart.description.contains("4 đơn vị chưa đủ số liệu"));
    assert!(chart.empty.is_none());
    // A count of 1 against 0: whole ticks (0; 0,2; 0,4… before), up to 5 at least.
    set(
        &mut doc,
        "hai-phong",
        TRAFFIC_DEATHS,
        PeriodKind::Baseline,
        1,
    );
    set(
        &mut doc,
        "hai-phong",
        TRAFFIC_DEATHS,
        PeriodKind::Current,
        0,
    );
    let charts = year_on_year_charts(&doc, &review, Lang::Vi);
    let deaths = charts
        .iter()
        .find(|c| c.key.ends_with(TRAFFIC_DEATHS))
        .unwrap_or_else(|| panic!("no chart of {TRAFFIC_DEATHS}"));
    let labels: Vec<&str> = deaths
        .scale
        .ticks
        .iter()
        .map(|t| t.label.as_str())
        .collect();
    assert_eq!(labels, ["0", "1", "2", "3", "4", "5"]);
}

#[test]
fn the_distance_chart_counts_cases_short_and_over() {
    let mut doc = discovery_doc();
    set(&mut doc, "da-nang", CRIMES, PeriodKind::Baseline, 100);
    set(&mut doc, "da-nang", CRIMES, PeriodKind::Current, 99);
    let results = doc.evaluate();
    let chart = gap_chart(&doc, &results, None, Lang::Vi);
    // TP HCM needs 1 more solved case; Đà Nẵng may have at most 95 crimes: 4 over.
    assert_eq!(chart.rows.len(), 2, "{:?}", chart.rows);
    let hcm = row(&chart, "Hồ Chí Minh");
    assert_eq!(hcm.bars[0].segments[0].to, 1.0);
    assert_eq!(hcm.bars[0].segments[0].paint, Paint::Solid(NOT_MET));
    assert!(hcm.label.ends_with(" · 6.1"), "{}", hcm.label);
    let dn = row(&chart, "Đà Nẵng");
    assert_eq!(dn.bars[0].segments[0].to, 4.0);
    assert_eq!(dn.bars[0].segments[0].paint, Paint::Hollow(NOT_MET));
    assert_eq!(dn.note, "vượt 4");
    // Cases come whole, and so do the axis's ticks (0,2; 0,4… before, for 1 case short alone).
    let labels: Vec<&str> = chart.scale.ticks.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["0", "1", "2", "3", "4", "5"]);
    set(&mut doc, "da-nang", CRIMES, PeriodKind::Current, 95);
    let chart = gap_chart(&doc, &doc.evaluate(), None, Lang::Vi);
    assert_eq!(row(&chart, "Hồ Chí Minh").bars[0].segments[0].to, 1.0);
    assert!(
        chart.scale.ticks.iter().all(|t| t.value.fract() == 0.0),
        "{:?}",
        chart.scale
    );
    // One unit's view.
    let one = gap_chart(&doc, &results, Some("ha-noi"), Lang::En);
    assert!(one.rows.is_empty());
    assert_eq!(
        one.empty.as_deref(),
        Some("No target with figures is unmet.")
    );
}

fn cluster(n: usize) -> Document {
    let mut doc = Document::default_pact();
    doc.pact.units = (0..n)
        .map(|i| Unit {
            id: format!("u{i:03}"),
            name: Text::new(
                format!("Công an tỉnh số {i} có tên rất dài để thử cắt ngắn nhãn"),
                format!("Provincial police number {i} with a very long name to shorten"),
            ),
            short_name: Text::new(
                format!("Công an tỉnh số {i} (tên ngắn vẫn dài)"),
                format!("Province {i} (a long short name)"),
            ),
            role: if i == 0 {
                Role::ClusterHead
            } else {
                Role::Member
            },
        })
        .collect();
    for i in 0..n {
        let u = format!("u{i:03}");
        let k = i as i64;
        set(&mut doc, &u, CASES_OCCURRED, PeriodKind::Current, 1000 + k);
        set(&mut doc, &u, CASES_SOLVED, PeriodKind::Current, 700 + 3 * k);
        set(&mut doc, &u, CRIMES, PeriodKind::Baseline, 500 + k);
        set(&mut doc, &u, CRIMES, PeriodKind::Current, 480 + 2 * k);
        set(&mut doc, &u, TRAFFIC_ACCIDENTS, PeriodKind::Baseline, 50);
        set(
            &mut doc,
            &u,
            TRAFFIC_ACCIDENTS,
            PeriodKind::Current,
            40 + k % 20,
        );
    }
    doc
}

fn all_charts(doc: &Document, lang: Lang) -> Vec<Chart> {
    let results = doc.evaluate();
    let mut out = vec![ranking_chart(doc, &results, lang)];
    out.extend(target_charts(doc, &results, lang));
    out.extend(year_on_year_charts(doc, doc.pact.main_review(), lang));
    out.push(gap_chart(doc, &results, None, lang));
    out
}

/// An estimated box of each `<text>`: (x0, y0, x1, y1).
fn text_boxes(svg: &str) -> Vec<(f64, f64, f64, f64, String)> {
    let tree = roxmltree::Document::parse(svg).expect("well-formed SVG");
    tree.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            let num = |a: &str| {
                n.attribute(a)
                    .and_then(|v| v.parse::<f64>().ok())
                    .unwrap_or(0.0)
            };
            let s = n.text().unwrap_or("").trim().to_string();
            let size = num("font-size");
            let w = s.chars().count() as f64 * size * 0.6;
            let (x, y) = (num("x"), num("y"));
            let x0 = match n.attribute("text-anchor") {
                Some("end") => x - w,
                Some("middle") => x - w / 2.0,
                _ => x,
            };
            let y0 = match n.attribute("dy") {
                Some("0.76em") => y,
                Some("0.5ex") => y - size / 2.0,
                _ => y - size,
            };
            (x0, y0, x0 + w, y0 + size, s)
        })
        .collect()
}

#[test]
fn one_and_a_hundred_units_give_valid_charts_whose_labels_never_overlap() {
    for n in [1, 5, 100] {
        let doc = cluster(n);
        for lang in [Lang::Vi, Lang::En] {
            for chart in all_charts(&doc, lang) {
                let key = &chart.key;
                if !key.starts_with("khoang-cach") {
                    assert_eq!(chart.rows.len(), n, "{key}: one row per unit");
                }
                for r in &chart.rows {
                    assert!(r.label.chars().count() <= LABEL_CHARS, "{key}: {}", r.label);
                    assert!(r.note.chars().count() <= NOTE_CHARS, "{key}: {}", r.note);
                    assert_eq!(r.cells.len() + 1, chart.columns.len(), "{key}");
                }
                let text = svg(&chart, Purpose::File).unwrap();
                let tree = roxmltree::Document::parse(&text).expect("well-formed");
                let root = tree.root_element();
                assert_eq!(root.tag_name().name(), "svg");
                assert_eq!(root.attribute("width"), Some(WIDTH.to_string().as_str()));
                let first: Vec<&str> = root
                    .children()
                    .filter(|c| c.is_element())
                    .take(2)
                    .map(|c| c.tag_name().name())
                    .collect();
                assert_eq!(first, vec!["title", "desc"], "{key}");
                let boxes = text_boxes(&text);
                for (i, a) in boxes.iter().enumerate() {
                    assert!(
                        a.0 >= -0.5 && a.2 <= WIDTH as f64 + 0.5,
                        "{key}: {} leaves the picture",
                        a.4
                    );
                    for b in &boxes[i + 1..] {
                        let apart = a.2 <= b.0 || b.2 <= a.0 || a.3 <= b.1 || b.3 <= a.1;
                        assert!(apart, "{key} ({n} units): '{}' overlaps '{}'", a.4, b.4);
                    }
                }
            }
        }
    }
}

#[test]
fn on_the_page_the_svg_is_hidden_inside_its_labelled_image() {
    let doc = discovery_doc();
    let chart = value_chart(&doc, &doc.evaluate(), "t6a", Lang::Vi);
    let page = svg(&chart, Purpose::Page).unwrap();
    let tree = roxmltree::Document::parse(&page).unwrap();
    let root = tree.root_element();
    assert_eq!(root.attribute("aria-hidden"), Some("true"));
    assert!(tree.descendants().all(|n| !n.has_tag_name("title")));
    // The title is drawn in the file only; the page has the figure's caption.
    let file = svg(&chart, Purpose::File).unwrap();
    assert!(file.contains(">\n6.1 Tỷ lệ điều tra, khám phá án trên 75%\n<"));
    assert!(!page.contains(">\n6.1 Tỷ lệ điều tra"));
}

#[test]
fn unit_names_with_markup_are_text_inside_the_svg() {
    let mut doc = discovery_doc();
    doc.pact.units[0].short_name =
        Text::new("<script>alert(1)</script>", "<img src=x onerror=alert(1)>");
    doc.pact.units[0].name = doc.pact.units[0].short_name.clone();
    for lang in [Lang::Vi, Lang::En] {
        for chart in all_charts(&doc, lang) {
            let text = svg(&chart, Purpose::File).unwrap();
            assert!(
                !text.contains("<script") && !text.contains("<img"),
                "{}",
                chart.key
            );
            let tree = roxmltree::Document::parse(&text).unwrap();
            assert!(tree
                .descendants()
                .all(|n| !n.has_tag_name("script") && !n.has_tag_name("img")));
            let has_name = tree
                .descendants()
                .filter(|n| n.has_tag_name("text"))
                .any(|n| {
                    n.text()
                        .is_some_and(|t| t.contains("<script>") || t.contains("<img"))
                });
            let listed = chart.empty.is_none()
                && chart
                    .rows
                    .iter()
                    .any(|r| r.full_label.contains("<script>") || r.full_label.contains("<img"));
            assert!(
                !listed || has_name,
                "{}: the name is drawn as text",
                chart.key
            );
        }
    }
}

fn luminance(c: Rgb) -> f64 {
    let f = |v: u8| {
        let c = v as f64 / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * f(c.0) + 0.7152 * f(c.1) + 0.0722 * f(c.2)
}

#[test]
fn every_colour_has_at_least_3_to_1_contrast_on_white() {
    let white = luminance(Rgb(255, 255, 255));
    for c in [MET, NOT_MET, BASELINE, INK]
        .iter()
        .chain(CONTENT_COLOURS.iter())
    {
        let ratio = (white + 0.05) / (luminance(*c) + 0.05);
        assert!(ratio >= 3.0, "{} has {ratio:.2}:1", c.hex());
    }
    let ink = (white + 0.05) / (luminance(INK) + 0.05);
    assert!(ink >= 4.5, "text needs 4.5:1");
}

#[test]
fn nice_scales_use_round_steps_and_the_language_format() {
    let s = nice_scale(0.0, 100.0, 6, true, Lang::Vi);
    let labels: Vec<&str> = s.ticks.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, vec!["0%", "20%", "40%", "60%", "80%", "100%"]);
    let s = nice_scale(0.0, 0.7, 6, false, Lang::Vi);
    assert_eq!(s.ticks[1].label, "0,2");
    assert_eq!(s.max, 0.8);
    let s = nice_scale(-3.96, 5.0, 7, true, Lang::En);
    assert_eq!(s.min, -4.0);
    assert!(s.ticks.iter().any(|t| t.label == "-2%"));
    let s = nice_scale(0.0, 12000.0, 6, false, Lang::Vi);
    assert!(s.ticks.iter().any(|t| t.label == "10.000"), "{:?}", s.ticks);
    assert!(s.ticks.len() <= 6);
    // A flat scale still has a width.
    let s = nice_scale(0.0, 0.0, 6, false, Lang::Vi);
    assert!(s.max > s.min);
}

#[test]
fn long_titles_wrap_at_spaces() {
    let lines = wrap(
        "7.1 Kiềm chế gia tăng tai nạn giao thông (số vụ, số người chết, số người bị thương)",
        30,
    );
    assert!(lines.iter().all(|l| l.chars().count() <= 30), "{lines:?}");
    assert_eq!(
        lines.join(" "),
        "7.1 Kiềm chế gia tăng tai nạn giao thông (số vụ, số người chết, số người bị thương)"
    );
    assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
}

#[test]
fn shortening_keeps_whole_characters() {
    assert_eq!(shorten("Hà Nội", 22), "Hà Nội");
    let long = "Công an thành phố Hồ Chí Minh và các vùng lân cận";
    let s = shorten(long, 22);
    assert!(s.chars().count() <= 22);
    assert!(s.starts_with("Công an thành phố Hồ"));
    assert!(s.ends_with('…'));
}
