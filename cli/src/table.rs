//! Plain-text rendering of the results for the terminal.

use thidua_core::i18n::{format_percent, format_period, format_scaled, Lang};
use thidua_core::messages::{
    flag_labels, gap_text, level_name, margin_text, problems_summary, status_icon, status_label,
};
use thidua_core::{Document, Points, Results};

fn l<'a>(lang: Lang, vi: &'a str, en: &'a str) -> &'a str {
    if lang == Lang::Vi {
        vi
    } else {
        en
    }
}

/// Points with two decimals.
pub fn points(p: &Points, lang: Lang) -> String {
    format_scaled(&p.rounded(2), 2, lang)
}

/// A table with left-aligned columns, widths by character count.
fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let pad = widths[i] - c.chars().count();
            s.push_str(c);
            if i + 1 < cells.len() {
                s.push_str(&" ".repeat(pad + 2));
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(header.iter().map(|h| h.to_string()).collect());
    out.push_str(&line(widths.iter().map(|w| "-".repeat(*w)).collect()));
    for r in rows {
        out.push_str(&line(r.clone()));
    }
    out
}

/// The whole report: ranking first, then every unit's targets.
pub fn render(doc: &Document, results: &Results, lang: Lang) -> String {
    let pact = &doc.pact;
    let mut out = format!("{}\n", pact.title.get(lang));
    if let Some(review) = pact.review(&results.review) {
        out.push_str(&format!(
            "{}: {}   {}: {}   {}: {}\n",
            l(lang, "Kỳ đánh giá", "Review"),
            review.name.get(lang),
            l(lang, "Kỳ báo cáo", "Period"),
            format_period(&review.period),
            l(lang, "Cùng kỳ", "Baseline"),
            format_period(&review.baseline),
        ));
    }
    if pact.weights_are_examples {
        out.push_str(l(
            lang,
            "Lưu ý: thang điểm là ví dụ, chưa phải thang điểm chính thức của cụm.\n",
            "Note: the point weights are examples, not the cluster's adopted scale.\n",
        ));
    }
    out.push('\n');
    let rows: Vec<Vec<String>> = results
        .ranking
        .iter()
        .filter_map(|id| results.unit(id))
        .map(|u| {
            let name = pact
                .unit(&u.unit)
                .map(|x| x.name.get(lang).to_string())
                .unwrap_or_default();
            let flags = flag_labels(u, lang);
            vec![
                u.rank.to_string(),
                name,
                points(&u.total, lang),
                level_name(pact, u.level.as_deref(), lang),
                flags.join(", "),
                if u.is_provisional() {
                    l(lang, "tạm tính", "provisional").to_string()
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    out.push_str(&table(
        &[
            l(lang, "Hạng", "Rank"),
            l(lang, "Đơn vị", "Unit"),
            l(lang, "Tổng điểm", "Total"),
            l(lang, "Xếp loại", "Classification"),
            l(lang, "Đủ điều kiện", "Eligible for"),
            l(lang, "Ghi chú", "Note"),
        ],
        &rows,
    ));
    for u in &results.units {
        let name = pact
            .unit(&u.unit)
            .map(|x| x.name.get(lang).to_string())
            .unwrap_or_default();
        out.push_str(&format!("\n{name}\n"));
        let rows: Vec<Vec<String>> = u
            .targets
            .iter()
            .map(|t| {
                let e = &t.eval;
                let title = pact
                    .target(&e.target)
                    .map(|x| x.title.get(lang).to_string())
                    .unwrap_or_default();
                let detail =
                    gap_text(pact, e, lang).unwrap_or_else(|| problems_summary(pact, e, lang));
                vec![
                    e.target.to_string(),
                    title,
                    format!("{} {}", status_icon(e.status), status_label(e.status, lang)),
                    e.value
                        .map(|v| format_percent(&v, lang))
                        .unwrap_or_default(),
                    e.margin.map(|m| margin_text(&m, lang)).unwrap_or_default(),
                    detail,
                    format!(
                        "{}/{}",
                        points(&t.points, lang),
                        thidua_core::i18n::format_dec(t.max_points, lang)
                    ),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                l(lang, "Mã", "Id"),
                l(lang, "Chỉ tiêu", "Target"),
                l(lang, "Kết quả", "Status"),
                l(lang, "Giá trị", "Value"),
                l(lang, "So với ngưỡng", "Margin"),
                l(lang, "Khoảng cách / ghi chú", "Gap / note"),
                l(lang, "Điểm", "Points"),
            ],
            &rows,
        ));
    }
    out
}
