//! Exports: the results table as CSV (UTF-8 with a byte-order mark, so that Excel shows
//! Vietnamese correctly; columns separated the way the language writes its numbers, see
//! [`csv_delimiter`]; RFC 4180 quoting, `push_record`), and file names. The JSON export is
//! `Document::export_json` in the rule crate, the same text the CLI evaluates.

use crate::ui::{points, target_number, tr};
use thidua_core::i18n::{format_percent, Lang};
use thidua_core::messages::{
    flag_labels, gap_text, level_name, margin_text, problems_compact, status_label,
};
use thidua_core::{Document, Results};

/// The byte-order mark Excel needs to read UTF-8.
pub const BOM: &str = "\u{feff}";

/// The column separator of the CSV in `lang`: where numbers take a decimal comma (Vietnamese,
/// "12,50"), Excel set to that language separates a CSV's columns with ";" (Windows' list
/// separator there); a "," would put every row in one column. English uses "," for both.
pub fn csv_delimiter(lang: Lang) -> char {
    match lang {
        Lang::Vi => ';',
        Lang::En => ',',
    }
}

/// Appends one CSV record to `out` (RFC 4180): fields separated by `delimiter`, a field quoted
/// when it holds the separator, a quote or a line break (its quotes doubled), the record ended by
/// CRLF. Written here rather than by the csv crate: its writer links a float parser with a 10 KB
/// table for a quoting style this export does not use (BENCHMARKS.md § 3); the csv crate reads
/// what this writes back in the tests.
fn push_record<S: AsRef<str>>(out: &mut String, fields: &[S], delimiter: char) {
    for (i, field) in fields.iter().enumerate() {
        let field = field.as_ref();
        if i > 0 {
            out.push(delimiter);
        }
        if field.contains([delimiter, '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}

/// A text a person typed (a unit's name, a level's), made safe to open in a spreadsheet: one
/// that starts as a formula would (`=`, `+`, `-`, `@`, a tab or a carriage return) is written
/// after an apostrophe, which spreadsheets show as text (OWASP's advice against CSV injection).
/// A pact is a file that may come from elsewhere.
fn as_text(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The JSON export's name, `pact-id-YYYY-MM-DD.json`: the same file in either language.
pub fn json_name(doc: &Document, date: &str) -> String {
    format!("{}-{date}.json", doc.pact.id)
}

/// The results CSV's name, which says what it holds in the language it is written in:
/// `pact-id-ket-qua-YYYY-MM-DD.csv` or `pact-id-results-YYYY-MM-DD.csv`. The two files differ
/// (words, decimal mark, separator), so they must not take each other's place in a folder.
pub fn csv_name(doc: &Document, date: &str, lang: Lang) -> String {
    format!(
        "{}-{}-{date}.csv",
        doc.pact.id,
        tr(lang, "ket-qua", "results")
    )
}

/// The results as CSV: one row per unit in rank order; for each target its status, value,
/// margin, gap and points; then bonus, deduction, total, classification and flags. Numbers are
/// written as the language writes them, columns separated by [`csv_delimiter`].
pub fn results_csv(doc: &Document, results: &Results, lang: Lang) -> String {
    let pact = &doc.pact;
    let delimiter = csv_delimiter(lang);
    let mut out = String::from(BOM);
    let mut header: Vec<String> = vec![
        tr(lang, "Hạng", "Rank").into(),
        tr(lang, "Đơn vị", "Unit").into(),
    ];
    for (_, t) in pact.targets() {
        let n = target_number(pact, &t.id);
        for col in [
            tr(lang, "kết quả", "status"),
            tr(lang, "giá trị", "value"),
            tr(lang, "so với ngưỡng", "margin"),
            tr(lang, "khoảng cách / ghi chú", "gap / note"),
            tr(lang, "điểm", "points"),
        ] {
            header.push(as_text(&format!("{n} {}: {col}", t.title.get(lang))));
        }
    }
    for h in [
        tr(lang, "Điểm thưởng", "Bonus"),
        tr(lang, "Điểm trừ", "Deduction"),
        tr(lang, "Tổng điểm", "Total"),
        tr(lang, "Xếp loại", "Classification"),
        tr(lang, "Cờ thi đua", "Flags"),
        tr(lang, "Tình trạng", "State"),
    ] {
        header.push(h.into());
    }
    push_record(&mut out, &header, delimiter);
    for u in results.ranking.iter().filter_map(|id| results.unit(id)) {
        let mut row = vec![
            u.rank.to_string(),
            pact.unit(&u.unit)
                .map(|x| as_text(x.name.get(lang)))
                .unwrap_or_default(),
        ];
        for t in &u.targets {
            let e = &t.eval;
            row.push(status_label(e.status, lang).into());
            row.push(
                e.value
                    .map(|v| format_percent(&v, lang))
                    .unwrap_or_default(),
            );
            row.push(e.margin.map(|m| margin_text(&m, lang)).unwrap_or_default());
            row.push(gap_text(pact, e, lang).unwrap_or_else(|| problems_compact(pact, e, lang)));
            row.push(points(&t.points, lang));
        }
        let level = level_name(pact, u.level.as_deref(), lang);
        let flags = flag_labels(u, lang);
        row.extend([
            points(&u.bonus, lang),
            points(&u.deduction, lang),
            points(&u.total, lang),
            as_text(&level),
            as_text(&flags.join("; ")),
            if u.is_provisional() {
                tr(lang, "Tạm tính", "Provisional")
            } else {
                tr(lang, "Chính thức", "Final")
            }
            .into(),
        ]);
        push_record(&mut out, &row, delimiter);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use thidua_core::{Entry, PeriodKind};

    #[test]
    fn the_csv_is_named_in_its_language_and_the_json_in_neither() {
        let doc = Document::default_pact();
        let id = &doc.pact.id;
        assert_eq!(
            csv_name(&doc, "2023-12-31", Lang::Vi),
            format!("{id}-ket-qua-2023-12-31.csv")
        );
        assert_eq!(
            csv_name(&doc, "2023-12-31", Lang::En),
            format!("{id}-results-2023-12-31.csv")
        );
        assert_eq!(
            json_name(&doc, "2023-12-31"),
            format!("{id}-2023-12-31.json")
        );
    }

    #[test]
    fn csv_has_a_bom_a_header_and_one_row_per_unit() {
        let mut doc = Document::default_pact();
        let d = doc.unit_data_mut("ha-noi");
        d.set("crimes_social_order", PeriodKind::Current, Entry::int(1840));
        d.set(
            "crimes_social_order",
            PeriodKind::Baseline,
            Entry::int(1916),
        );
        let r = doc.evaluate();
        let text = results_csv(&doc, &r, Lang::Vi);
        assert!(text.starts_with(BOM));
        let body = text.trim_start_matches(BOM);
        // Vietnamese: ";" between columns, so that "3,97%" is one cell that needs no quotes.
        assert!(body.contains(";3,97%;"), "{body}");
        let mut rd = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(body.as_bytes());
        let header = rd.headers().unwrap().clone();
        assert_eq!(&header[0], "Hạng");
        assert_eq!(header.len(), 2 + 10 * 5 + 6);
        let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), 5);
        let hn = rows.iter().find(|r| &r[1] == "Công an TP Hà Nội").unwrap();
        // Content 4 is the 4th target: columns 2 + 3*5 ..
        assert_eq!(&hn[2 + 15], "Không đạt");
        assert_eq!(&hn[2 + 16], "3,97%");
        assert!(rows.iter().all(|r| r.len() == header.len()));

        // English: "," between columns and decimal points.
        let en = results_csv(&doc, &r, Lang::En);
        let mut rd = csv::Reader::from_reader(en.trim_start_matches(BOM).as_bytes());
        let header = rd.headers().unwrap().clone();
        assert_eq!(&header[0], "Rank");
        assert_eq!(header.len(), 2 + 10 * 5 + 6);
        let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
        let hn = rows.iter().find(|r| &r[1] == "Hà Nội City Police").unwrap();
        assert_eq!(&hn[2 + 16], "3.97%");
    }

    /// Fields with the separator, quotes and line breaks, and names that start as formulas, read
    /// back by the csv crate as written (the formulas as text).
    #[test]
    fn quoting_and_formulas() {
        let mut doc = Document::default_pact();
        let names = [
            "Công an \"A\"; B,\nC",
            "=HYPERLINK(\"http://x\")",
            "-2+3",
            "@SUM(A1)",
        ];
        let others = doc.pact.units.iter_mut().filter(|u| u.id != "ha-noi");
        for (unit, name) in others.zip(names) {
            unit.name.vi = name.into();
            unit.name.en = name.into();
        }
        // Hà Nội's crimes rise: a negative reduction.
        let d = doc.unit_data_mut("ha-noi");
        d.set("crimes_social_order", PeriodKind::Current, Entry::int(2000));
        d.set(
            "crimes_social_order",
            PeriodKind::Baseline,
            Entry::int(1916),
        );
        let r = doc.evaluate();
        for lang in [Lang::Vi, Lang::En] {
            let text = results_csv(&doc, &r, lang);
            let body = text.trim_start_matches(BOM);
            assert!(body.ends_with("\r\n"));
            let mut rd = csv::ReaderBuilder::new()
                .delimiter(csv_delimiter(lang) as u8)
                .from_reader(body.as_bytes());
            let width = rd.headers().unwrap().len();
            let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
            assert_eq!(rows.len(), 5);
            assert!(rows.iter().all(|r| r.len() == width));
            let read: Vec<&str> = rows.iter().map(|r| &r[1]).collect();
            for name in [
                "Công an \"A\"; B,\nC",
                "'=HYPERLINK(\"http://x\")",
                "'-2+3",
                "'@SUM(A1)",
            ] {
                assert!(read.contains(&name), "{name}: {read:?}");
            }
            // A negative number is a number, not a formula to disarm.
            let value = &rows.iter().find(|r| r[1].contains("Hà Nội")).unwrap()[2 + 16];
            assert!(value.starts_with(['-', '−']), "{value}");
        }
    }
}
