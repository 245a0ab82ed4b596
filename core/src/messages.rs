//! Bilingual wording of statuses, gaps, margins, rules and problems, shared by the app and the
//! CLI so that both say the same thing.

use crate::data::PeriodKind;
use crate::eval::{Evaluation, Gap, Problem, ScoreKind, Status};
use crate::i18n::{format_count, format_dec, format_points_signed, Lang};
use crate::model::{Comparator, Pact, Rule};
use crate::num::{Dec, Ratio};

pub(crate) fn l<'a>(lang: Lang, vi: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// The name of a unit's classification level, or "not classified".
pub fn level_name(pact: &Pact, level: Option<&str>, lang: Lang) -> String {
    level
        .and_then(|id| pact.classification.iter().find(|l| l.id == id))
        .map(|l| l.name.get(lang).to_string())
        .unwrap_or_else(|| l(lang, "Chưa xếp loại", "Not classified").to_string())
}

/// The flags a unit may be proposed for, in words (empty when none).
pub fn flag_labels(u: &crate::score::UnitResult, lang: Lang) -> Vec<&'static str> {
    let mut out = Vec::new();
    if u.government_flag {
        out.push(l(
            lang,
            "Cờ thi đua của Chính phủ",
            "Government emulation flag",
        ));
    }
    if u.ministry_flag {
        out.push(l(
            lang,
            "Cờ thi đua của Bộ Công an",
            "Ministry emulation flag",
        ));
    }
    out
}

/// The status as a word.
pub fn status_label(s: Status, lang: Lang) -> &'static str {
    match s {
        Status::Met => l(lang, "Đạt", "Met"),
        Status::NotMet => l(lang, "Không đạt", "Not met"),
        Status::NoData => l(lang, "Chưa có số liệu", "No data"),
        Status::Invalid => l(lang, "Số liệu không hợp lệ", "Invalid data"),
        Status::NotApplicable => l(lang, "Không áp dụng", "Not applicable"),
        Status::Scored => l(lang, "Đã chấm điểm", "Scored"),
    }
}

/// The status as an icon (always shown with its word, never alone).
pub fn status_icon(s: Status) -> &'static str {
    match s {
        Status::Met => "✓",
        Status::NotMet => "✗",
        Status::NoData => "?",
        Status::Invalid => "⚠",
        Status::NotApplicable => "–",
        Status::Scored => "✎",
    }
}

/// The period as a word.
pub fn period_label(p: PeriodKind, lang: Lang) -> &'static str {
    match p {
        PeriodKind::Current => l(lang, "kỳ này", "this period"),
        PeriodKind::Baseline => l(lang, "cùng kỳ", "same period last year"),
    }
}

fn indicator_name(pact: &Pact, id: &str, lang: Lang) -> String {
    pact.indicator(id)
        .map(|d| d.name.get(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

fn indicator_unit(pact: &Pact, id: &str, lang: Lang) -> String {
    pact.indicator(id)
        .map(|d| d.unit.get(lang).to_string())
        .unwrap_or_default()
}

/// The unit of measure for a count: English units are written in the plural ("cases",
/// "people"), so one of them needs the singular. Vietnamese nouns do not change.
fn unit_for(pact: &Pact, id: &str, lang: Lang, n: i128) -> String {
    let unit = indicator_unit(pact, id, lang);
    if lang == Lang::En && n == 1 {
        english_singular(&unit)
    } else {
        unit
    }
}

/// "cases" → "case", "people" → "person", "injuries" → "injury"; anything else as it is.
fn english_singular(word: &str) -> String {
    if word == "people" {
        "person".into()
    } else if let Some(stem) = word.strip_suffix("ies") {
        format!("{stem}y")
    } else if word.ends_with('s') && !word.ends_with("ss") && !word.contains(' ') {
        word[..word.len() - 1].to_string()
    } else {
        word.to_string()
    }
}

/// The rule in a few symbols: "> 75%", "giảm ≥ 5%", "không tăng".
pub fn rule_text(rule: &Rule, lang: Lang) -> String {
    let pct = |d: &Dec| format!("{}%", format_dec(*d, lang));
    match rule {
        Rule::Rate {
            comparator,
            threshold_pct,
            ..
        } => format!("{} {}", comparator.symbol(), pct(threshold_pct)),
        Rule::Reduction {
            comparator,
            threshold_pct,
            ..
        } => {
            let word = l(lang, "giảm", "down");
            format!("{word} {} {}", comparator.symbol(), pct(threshold_pct))
        }
        Rule::NoIncrease { .. } => l(lang, "không tăng", "no increase").into(),
        Rule::Decrease { .. } => l(lang, "giảm", "decrease").into(),
        Rule::Manual => l(lang, "chấm điểm", "scored by review").into(),
    }
}

/// The comparator in words.
pub fn comparator_label(c: Comparator, lang: Lang) -> &'static str {
    match c {
        Comparator::Gt => l(lang, "trên (>)", "above (>)"),
        Comparator::Ge => l(lang, "từ … trở lên (≥)", "at least (≥)"),
        Comparator::Eq => l(lang, "bằng (=)", "exactly (=)"),
    }
}

/// The margin in percentage points: "vượt 15,76 điểm %" / "15.76 pp above".
pub fn margin_text(margin: &Ratio, lang: Lang) -> String {
    let zero = Ratio::from_integer(0);
    let abs = if *margin < zero { -*margin } else { *margin };
    let n = format_points_signed(&abs, lang);
    let n = n.trim_start_matches('+');
    if *margin > zero {
        match lang {
            Lang::Vi => format!("vượt {n} điểm %"),
            Lang::En => format!("{n} pp above"),
        }
    } else if *margin < zero {
        match lang {
            Lang::Vi => format!("thấp hơn {n} điểm %"),
            Lang::En => format!("{n} pp below"),
        }
    } else {
        l(lang, "bằng ngưỡng", "at the threshold").into()
    }
}

/// The gap in counts, or `None` when there is none.
pub fn gap_text(pact: &Pact, e: &Evaluation, lang: Lang) -> Option<String> {
    let rule = &pact.target(&e.target)?.rule;
    let gap = e.gap.as_ref()?;
    Some(match gap {
        Gap::RateNeeds { additional, .. } => {
            let unit = match rule {
                Rule::Rate { numerator, .. } => unit_for(pact, numerator, lang, *additional),
                _ => String::new(),
            };
            let n = format_count(*additional, lang);
            match lang {
                Lang::Vi => format!("cần thêm {n} {unit}"),
                Lang::En => format!("needs {n} more {unit}"),
            }
        }
        Gap::RateUnreachable | Gap::ReductionUnreachable => l(
            lang,
            "không thể đạt trong kỳ này",
            "unreachable this period",
        )
        .into(),
        Gap::ReductionOver { allowed_max, over } => {
            let unit = match rule {
                Rule::Reduction { indicator, .. } => unit_for(pact, indicator, lang, *over),
                _ => String::new(),
            };
            let (o, m) = (format_count(*over, lang), format_count(*allowed_max, lang));
            match lang {
                Lang::Vi => format!("vượt {o} {unit} so với mức cho phép (tối đa {m})"),
                Lang::En => format!("{o} {unit} over the allowed maximum of {m}"),
            }
        }
        Gap::Excess => e
            .criteria
            .iter()
            .filter(|c| c.met == Some(false))
            .map(|c| {
                let name = indicator_name(pact, &c.indicator, lang);
                let one = c.excess == crate::num::Dec::int(1);
                let unit = unit_for(pact, &c.indicator, lang, if one { 1 } else { 2 });
                let x = format_dec(c.excess, lang);
                match lang {
                    Lang::Vi => format!("{name}: vượt {x} {unit}"),
                    Lang::En => format!("{name}: {x} {unit} too many"),
                }
            })
            .collect::<Vec<_>>()
            .join("; "),
    })
}

/// A problem in words, naming the indicator and the period.
pub fn problem_text(pact: &Pact, p: &Problem, lang: Lang) -> String {
    let at = |id: &str, period: &PeriodKind| {
        format!(
            "{} ({})",
            indicator_name(pact, id, lang),
            period_label(*period, lang)
        )
    };
    match p {
        Problem::Missing { indicator, period } => {
            format!("{}: {}", l(lang, "thiếu", "missing"), at(indicator, period))
        }
        Problem::NotANumber {
            indicator,
            period,
            text,
        } => {
            let kind = pact
                .indicator(indicator)
                .map_or(crate::model::IndicatorKind::Amount, |i| i.kind);
            format!(
                "{}: {}",
                at(indicator, period),
                text_problem(text, kind, lang)
            )
        }
        Problem::Negative { indicator, period } => {
            format!(
                "{}: {}",
                at(indicator, period),
                l(lang, "số âm", "negative")
            )
        }
        Problem::NotWhole { indicator, period } => format!(
            "{}: {}",
            at(indicator, period),
            l(lang, "phải là số nguyên", "must be a whole number")
        ),
        Problem::TooLarge { indicator, period } => format!(
            "{}: {}",
            at(indicator, period),
            l(lang, "quá lớn (tối đa 10^12)", "too large (at most 10^12)")
        ),
        Problem::TooManyDecimals { indicator, period } => {
            format!("{}: {}", at(indicator, period), too_many_decimals(lang))
        }
        Problem::Exceeds {
            numerator,
            denominator,
        } => {
            let (n, d) = (
                indicator_name(pact, numerator, lang),
                indicator_name(pact, denominator, lang),
            );
            match lang {
                Lang::Vi => format!("“{n}” lớn hơn “{d}”"),
                Lang::En => format!("“{n}” is greater than “{d}”"),
            }
        }
        Problem::UnknownIndicator { indicator } => match lang {
            Lang::Vi => format!("giao ước không có chỉ số “{indicator}”"),
            Lang::En => format!("the pact has no indicator “{indicator}”"),
        },
        Problem::ZeroDenominator { indicator } => match lang {
            Lang::Vi => format!(
                "“{}” bằng 0 nên không có tỷ lệ",
                indicator_name(pact, indicator, lang)
            ),
            Lang::En => format!(
                "“{}” is 0, so there is no rate",
                indicator_name(pact, indicator, lang)
            ),
        },
        Problem::ZeroBaseline { indicator } => match lang {
            Lang::Vi => format!(
                "cùng kỳ “{}” bằng 0 nên không thể tính mức giảm",
                indicator_name(pact, indicator, lang)
            ),
            Lang::En => format!(
                "“{}” was 0 last year, so there is nothing to reduce",
                indicator_name(pact, indicator, lang)
            ),
        },
        Problem::ScoreMissing => l(lang, "chưa chấm điểm", "not scored yet").into(),
        Problem::ScoreNotANumber { which, text } => format!(
            "{}: {}",
            score_label(*which, lang),
            text_problem(text, crate::model::IndicatorKind::Amount, lang)
        ),
        Problem::ScoreOutOfRange { which, max } => match lang {
            Lang::Vi => format!(
                "{} phải từ 0 đến {}",
                score_label(*which, lang),
                format_dec(*max, lang)
            ),
            Lang::En => format!(
                "{} must be from 0 to {}",
                score_label(*which, lang),
                format_dec(*max, lang)
            ),
        },
        Problem::Overflow => l(
            lang,
            "ngưỡng quá lớn hoặc quá nhiều chữ số thập phân",
            "threshold too large or too precise",
        )
        .into(),
    }
}

/// "Điểm tự chấm" / "Self score".
pub fn score_label(k: ScoreKind, lang: Lang) -> &'static str {
    match k {
        ScoreKind::SelfScore => l(lang, "Điểm tự chấm", "Self score"),
        ScoreKind::Verified => l(lang, "Điểm thẩm định", "Verified score"),
    }
}

/// The problems of an evaluation in one short line: each one when there are at most two,
/// otherwise a count of the missing figures followed by the other problems.
pub fn problems_summary(pact: &Pact, e: &Evaluation, lang: Lang) -> String {
    summary(pact, e, lang, 2)
}

/// Like [`problems_summary`], but missing figures are always only counted (for table cells).
pub fn problems_compact(pact: &Pact, e: &Evaluation, lang: Lang) -> String {
    summary(pact, e, lang, 0)
}

fn summary(pact: &Pact, e: &Evaluation, lang: Lang, detail_up_to: usize) -> String {
    if e.problems.len() <= detail_up_to
        || !e
            .problems
            .iter()
            .any(|p| matches!(p, Problem::Missing { .. }))
    {
        return e
            .problems
            .iter()
            .map(|p| problem_text(pact, p, lang))
            .collect::<Vec<_>>()
            .join("; ");
    }
    let missing = e
        .problems
        .iter()
        .filter(|p| matches!(p, Problem::Missing { .. }))
        .count();
    let mut parts = Vec::new();
    if missing > 0 {
        parts.push(match lang {
            Lang::Vi => format!("thiếu {missing} số liệu"),
            Lang::En if missing == 1 => "1 figure missing".to_string(),
            Lang::En => format!("{missing} figures missing"),
        });
    }
    parts.extend(
        e.problems
            .iter()
            .filter(|p| !matches!(p, Problem::Missing { .. }))
            .map(|p| problem_text(pact, p, lang)),
    );
    parts.join("; ")
}

/// Text kept in a cell, quoted, and what is wrong with it ([`crate::data::text_issue`]).
fn text_problem(text: &str, kind: crate::model::IndicatorKind, lang: Lang) -> String {
    match crate::data::text_issue(text, kind, lang) {
        crate::data::CellIssue::NotANumber => match lang {
            Lang::Vi => format!("“{text}” không phải là số hợp lệ"),
            Lang::En => format!("“{text}” is not a valid number"),
        },
        issue => format!("“{text}” {}", cell_issue_text(issue, lang)),
    }
}

/// An amount with more decimal places than [`crate::eval::MAX_AMOUNT_SCALE`], in words.
fn too_many_decimals(lang: Lang) -> &'static str {
    const _: () = assert!(crate::eval::MAX_AMOUNT_SCALE == 6, "the words below say 6");
    l(
        lang,
        "quá nhiều chữ số thập phân (tối đa 6)",
        "too many decimal places (at most 6)",
    )
}

/// What is wrong with a cell, in words.
pub fn cell_issue_text(issue: crate::data::CellIssue, lang: Lang) -> &'static str {
    use crate::data::CellIssue::*;
    match issue {
        NotANumber => l(lang, "không phải là số", "not a number"),
        Negative => l(lang, "không được là số âm", "must not be negative"),
        NotWhole => l(lang, "phải là số nguyên", "must be a whole number"),
        TooLarge => l(lang, "quá lớn (tối đa 10^12)", "too large (at most 10^12)"),
        TooManyDecimals => too_many_decimals(lang),
        NumberAsText => l(
            lang,
            "là chữ, không phải số (trong tệp, số liệu phải là số JSON, không trong dấu ngoặc \
             kép); chữ được giữ nguyên, gõ lại số để sửa",
            "is text, not a number (a figure in a file must be a JSON number, not in quotes); \
             the text is kept as it was, type the number again to correct it",
        ),
        Ambiguous => l(
            lang,
            "có thể hiểu theo hai cách (hàng nghìn hoặc số thập phân) nên chưa được đọc: \
             viết số nguyên không có dấu phân cách hoặc với dấu chấm hàng nghìn, \
             ví dụ 1000 hoặc 1.000",
            "could be read two ways (thousands or a decimal), so it is not read: \
             write the whole number without a separator or with thousands commas, \
             e.g. 1000 or 1,000",
        ),
    }
}

/// A JSON reader's message (serde's, serde_json's, chrono's or the file format's own, as
/// [`crate::validate::FieldProblem::Type`] holds it) in a language, worded plainly from the
/// message's known forms, keeping the file's own names (fields, variants, values) as they are:
/// neither language shows the reader's internals (`invalid type:`, `u64`, `Decimal type`). A
/// message of a form not known here is kept whole, in English, inside the sentence rather than
/// lost.
pub fn reader_message(message: &str, lang: Lang) -> String {
    reader_message_in(message, lang == Lang::Vi).unwrap_or_else(|| {
        l(lang, "sai kiểu dữ liệu", "wrong type or shape").to_string() + &format!(" ({message})")
    })
}

/// serde_json's syntax message (without its position) in plain words in Vietnamese (`vi`) or
/// English, when its form is known: serde's own words ("expected ident") are not for people.
pub(crate) fn syntax_message(m: &str, vi: bool) -> Option<&'static str> {
    let (v, e) = match m {
        "EOF while parsing a list" => (
            "tệp kết thúc khi một mảng chưa đóng",
            "the file ends before a list is closed",
        ),
        "EOF while parsing an object" => (
            "tệp kết thúc khi một đối tượng chưa đóng",
            "the file ends before an object is closed",
        ),
        "EOF while parsing a string" => (
            "tệp kết thúc khi một chuỗi chưa đóng",
            "the file ends inside a text in quotes",
        ),
        "EOF while parsing a value" => (
            "tệp kết thúc khi còn thiếu một giá trị",
            "the file ends where a value is missing",
        ),
        "expected `:`" => ("thiếu dấu `:`", "a `:` is missing"),
        "expected `,` or `]`" => ("thiếu dấu `,` hoặc `]`", "a `,` or `]` is missing"),
        "expected `,` or `}`" => ("thiếu dấu `,` hoặc `}`", "a `,` or `}` is missing"),
        "expected ident" => (
            "từ khóa không hợp lệ (chỉ có true, false và null)",
            "a word that is not a JSON keyword (only true, false and null are)",
        ),
        "expected value" => ("thiếu một giá trị JSON", "a JSON value is missing"),
        "expected `\"`" => ("thiếu dấu `\"`", "a `\"` is missing"),
        "invalid escape" => (
            "chuỗi có ký tự thoát (\\) không hợp lệ",
            "a text in quotes has an invalid escape (\\)",
        ),
        "invalid number" => ("số không hợp lệ", "a number that is not valid"),
        "number out of range" => ("số vượt quá phạm vi", "a number out of range"),
        "invalid unicode code point" => (
            "mã Unicode không hợp lệ",
            "a Unicode code point that is not valid",
        ),
        "control character (\\u0000-\\u001F) found while parsing a string" => (
            "chuỗi chứa ký tự điều khiển (\\u0000–\\u001F)",
            "a text in quotes holds a control character (\\u0000–\\u001F)",
        ),
        "key must be a string" => ("tên trường phải là chuỗi", "a field name must be in quotes"),
        "lone leading surrogate in hex escape" => (
            "mã \\u chỉ có nửa đầu của một cặp",
            "a \\u code has only the first half of a pair",
        ),
        "trailing comma" => ("thừa dấu phẩy ở cuối", "a comma too many at the end"),
        "trailing characters" => (
            "có ký tự thừa sau nội dung JSON",
            "characters after the end of the JSON",
        ),
        "unexpected end of hex escape" => ("mã \\u bị cắt ngang", "a \\u code is cut short"),
        "recursion limit exceeded" => ("JSON lồng nhau quá sâu", "JSON nested too deeply"),
        _ => return None,
    };
    Some(if vi { v } else { e })
}

fn reader_message_in(m: &str, vi: bool) -> Option<String> {
    let pick = |a: String, b: String| if vi { a } else { b };
    // serde's own forms (serde::de::Error's provided methods).
    if let Some(rest) = m.strip_prefix("unknown field ") {
        return Some(match split_expected(rest) {
            (name, Some(allowed)) => pick(
                format!(
                    "trường {name} không có trong định dạng tệp (các trường được phép: {})",
                    names(allowed)
                ),
                format!(
                    "field {name} is not part of the file format (allowed fields: {})",
                    names(allowed)
                ),
            ),
            (name, None) => pick(
                format!("trường {name} không có trong định dạng tệp"),
                format!("field {name} is not part of the file format"),
            ),
        });
    }
    if let Some(rest) = m.strip_prefix("unknown variant ") {
        return Some(match split_expected(rest) {
            (name, Some(allowed)) => pick(
                format!(
                    "giá trị {name} không được chấp nhận (chọn một trong: {})",
                    names(allowed)
                ),
                format!(
                    "value {name} is not accepted (choose one of: {})",
                    names(allowed)
                ),
            ),
            (name, None) => pick(
                format!("giá trị {name} không được chấp nhận"),
                format!("value {name} is not accepted"),
            ),
        });
    }
    if let Some(name) = m.strip_prefix("missing field ") {
        return Some(pick(
            format!("thiếu trường bắt buộc {name}"),
            format!("required field {name} is missing"),
        ));
    }
    if let Some(name) = m.strip_prefix("duplicate field ") {
        return Some(pick(
            format!("trường {name} xuất hiện hai lần"),
            format!("field {name} appears twice"),
        ));
    }
    if let Some(rest) = m.strip_prefix("invalid type: ") {
        let (found, expected) = rest.rsplit_once(", expected ")?;
        return Some(pick(
            format!(
                "sai kiểu: cần {}, nhưng tệp có {}",
                expected_vi(expected),
                found_vi(found)
            ),
            format!(
                "wrong type: expected {}, but the file has {}",
                expected_en(expected),
                found_en(found)
            ),
        ));
    }
    if let Some(rest) = m.strip_prefix("invalid value: ") {
        let (found, expected) = rest.rsplit_once(", expected ")?;
        return Some(pick(
            format!(
                "giá trị không hợp lệ: {}, cần {}",
                found_vi(found),
                expected_vi(expected)
            ),
            format!(
                "not an accepted value: {}; expected {}",
                found_en(found),
                expected_en(expected)
            ),
        ));
    }
    if let Some(rest) = m.strip_prefix("invalid length ") {
        let (len, expected) = rest.split_once(", expected ")?;
        return Some(pick(
            format!("độ dài {len} không hợp lệ, cần {}", expected_vi(expected)),
            format!(
                "length {len} is not accepted; expected {}",
                expected_en(expected)
            ),
        ));
    }
    // The file format's own (data.rs).
    if let Some(rest) = m.strip_prefix("number ") {
        let n = rest.strip_suffix(" is out of the supported range")?;
        return Some(pick(
            format!("số {n} vượt quá phạm vi hỗ trợ"),
            format!("the number {n} is beyond the supported range"),
        ));
    }
    if let Some(kind) = m.strip_prefix("expected a number, a text or null, found ") {
        return Some(pick(
            format!(
                "cần một số, một chuỗi hoặc null, nhưng tệp có {}",
                expected_vi(kind)
            ),
            format!(
                "expected a number, a text or null, but the file has {}",
                expected_en(kind)
            ),
        ));
    }
    // The date reader's errors (chrono's words: crate::date).
    let date = match m {
        "input is out of range" | "no possible date and time matching input" | "impossible" => {
            ("ngày không tồn tại", "the date does not exist")
        }
        "input contains invalid characters" | "bad or unsupported format string" => (
            "ngày phải viết dạng NNNN-TT-NN",
            "a date must be written YYYY-MM-DD",
        ),
        "premature end of input" | "input is not enough for unique date and time" => (
            "ngày chưa đủ năm, tháng và ngày (NNNN-TT-NN)",
            "the date lacks its year, month or day (YYYY-MM-DD)",
        ),
        "trailing input" => (
            "có ký tự thừa sau ngày (NNNN-TT-NN)",
            "extra characters after the date (YYYY-MM-DD)",
        ),
        _ => return None,
    };
    Some(pick(date.0.to_string(), date.1.to_string()))
}

/// `` `x`, expected one of `a`, `b` `` → (`` `x` ``, the list); `` `x`, there are no fields ``
/// → (`` `x` ``, none).
fn split_expected(rest: &str) -> (&str, Option<&str>) {
    match rest.split_once(", expected ") {
        Some((name, allowed)) => (name, Some(allowed)),
        None => (rest.split(", there are no").next().unwrap_or(rest), None),
    }
}

/// serde's list of names ("`a`", "`a` or `b`", "one of `a`, `b`, `c`") as a plain list.
fn names(list: &str) -> String {
    list.strip_prefix("one of ")
        .unwrap_or(list)
        .replacen("` or `", "`, `", 1)
}

/// What serde found (its `Unexpected`): "string \"abc\"", "integer `5`", "map"…
fn found_vi(found: &str) -> String {
    let words: [(&str, &str); 8] = [
        ("string ", "chuỗi "),
        ("integer ", "số nguyên "),
        ("floating point ", "số thực "),
        ("boolean ", "giá trị đúng/sai "),
        ("character ", "ký tự "),
        ("unit variant ", "biến thể "),
        ("newtype variant ", "biến thể "),
        ("tuple variant ", "biến thể "),
    ];
    for (en, vi) in words {
        if let Some(rest) = found.strip_prefix(en) {
            return format!("{vi}{rest}");
        }
    }
    match found {
        "null" | "unit value" | "Option value" => "null".into(),
        "map" | "struct variant" => "một đối tượng".into(),
        "sequence" => "một mảng".into(),
        "byte array" => "một dãy byte".into(),
        other => expected_vi(other),
    }
}

/// What serde found, in plain English: "the text \"abc\"", "the number `5`"…
fn found_en(found: &str) -> String {
    let words: [(&str, &str); 8] = [
        ("string ", "the text "),
        ("integer ", "the number "),
        ("floating point ", "the number "),
        ("boolean ", ""),
        ("character ", "the character "),
        ("unit variant ", "the variant "),
        ("newtype variant ", "the variant "),
        ("tuple variant ", "the variant "),
    ];
    for (en, plain) in words {
        if let Some(rest) = found.strip_prefix(en) {
            return format!("{plain}{rest}");
        }
    }
    match found {
        "null" | "unit value" | "Option value" => "null".into(),
        "map" | "struct variant" => "an object".into(),
        "sequence" => "an array".into(),
        "byte array" => "a byte array".into(),
        other => expected_en(other),
    }
}

/// What a reader expected, in plain English (Rust's type names and the decimal type's words
/// replaced).
fn expected_en(expected: &str) -> String {
    if let Some(name) = expected.strip_prefix("struct ") {
        return format!("an object ({name})");
    }
    if let Some(name) = expected
        .strip_prefix("internally tagged enum ")
        .or_else(|| expected.strip_prefix("enum "))
    {
        return format!("one of the forms of {name}");
    }
    match expected {
        "a sequence" | "an array" | "a tuple" => "an array",
        "a string" | "a borrowed string" | "a text" | "a string key" => "a text",
        "a boolean" => "true or false",
        "a map" | "an object" => "an object",
        "a number" | "a Decimal type representing a fixed-point number" => "a number",
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "a whole number, not negative",
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        "a formatted date string" | "a formatted date" => "a date written YYYY-MM-DD",
        SCHEMA_VERSION_EXPECTED => "a format version (a whole number ≥ 1)",
        "a rule: an object with a \"kind\"" => "a rule: an object with a \"kind\"",
        "null" => "null",
        other => return format!("“{other}”"),
    }
    .to_string()
}

/// What a `schema_version` must be, in a reader's message (`document::Document::from_value`).
pub(crate) const SCHEMA_VERSION_EXPECTED: &str = "a schema version";

/// What a reader expected (a visitor's `expecting`), or a JSON kind from `json_kind`.
fn expected_vi(expected: &str) -> String {
    if let Some(name) = expected.strip_prefix("struct ") {
        return format!("một đối tượng ({name})");
    }
    if let Some(name) = expected
        .strip_prefix("internally tagged enum ")
        .or_else(|| expected.strip_prefix("enum "))
    {
        return format!("một trong các dạng của {name}");
    }
    match expected {
        "a sequence" | "an array" | "a tuple" => "một mảng",
        "a string" | "a borrowed string" | "a text" | "a string key" => "một chuỗi",
        "a boolean" => "true hoặc false",
        "a map" | "an object" => "một đối tượng",
        "a number" | "a Decimal type representing a fixed-point number" => "một số",
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "một số nguyên không âm",
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "một số nguyên",
        "f32" | "f64" => "một số",
        "a formatted date string" | "a formatted date" => "một ngày dạng NNNN-TT-NN",
        SCHEMA_VERSION_EXPECTED => "số phiên bản định dạng (số nguyên ≥ 1)",
        "a rule: an object with a \"kind\"" => "một quy tắc: đối tượng có trường \"kind\"",
        "null" => "null",
        other => return format!("“{other}”"),
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::english_singular;

    #[test]
    fn english_units_in_the_singular() {
        for (plural, one) in [
            ("cases", "case"),
            ("people", "person"),
            ("reports", "report"),
            ("injuries", "injury"),
            ("billion VND", "billion VND"),
            ("loss", "loss"),
        ] {
            assert_eq!(english_singular(plural), one);
        }
    }
}
