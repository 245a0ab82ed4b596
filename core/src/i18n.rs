//! Languages, bilingual text, and locale-aware number formatting and parsing.
//!
//! Vietnamese is the first language: `1.840` and `90,76%`. English writes `1,840` and `90.76%`.
//! Formatting takes exact values and rounds only here, half away from zero.

use crate::num::{percent_rounded, round_half_away, Dec, Ratio};
use num_bigint::BigInt;
use num_traits::Signed;
use serde::{Deserialize, Serialize};

/// A display language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Tiếng Việt (the default).
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag, for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    fn separators(self) -> (char, char) {
        // (grouping, decimal)
        match self {
            Lang::Vi => ('.', ','),
            Lang::En => (',', '.'),
        }
    }
}

/// A text in Vietnamese and in English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Vietnamese.
    pub vi: String,
    /// English.
    pub en: String,
}

impl Text {
    /// Builds a text from both languages.
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`, falling back to the other language when it is empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, other) = match lang {
            Lang::Vi => (&self.vi, &self.en),
            Lang::En => (&self.en, &self.vi),
        };
        if first.trim().is_empty() {
            other
        } else {
            first
        }
    }
}

/// Formats a date as `dd/mm/yyyy`, the form used in both languages here.
pub fn format_date(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// Formats a period as `dd/mm/yyyy – dd/mm/yyyy`.
pub fn format_period(p: &crate::model::Period) -> String {
    format!("{} – {}", format_date(p.start), format_date(p.end))
}

/// Formats a whole number with the language's grouping: `1.840` / `1,840`.
pub fn format_int(n: &BigInt, lang: Lang) -> String {
    format_scaled(n, 0, lang)
}

/// Formats an `i128` count.
pub fn format_count(n: i128, lang: Lang) -> String {
    format_int(&BigInt::from(n), lang)
}

/// Formats `scaled / 10^decimals` with grouping and the language's decimal separator.
pub fn format_scaled(scaled: &BigInt, decimals: u32, lang: Lang) -> String {
    let (group, point) = lang.separators();
    let digits = scaled.abs().to_string();
    let digits = if digits.len() <= decimals as usize {
        format!(
            "{}{}",
            "0".repeat(decimals as usize + 1 - digits.len()),
            digits
        )
    } else {
        digits
    };
    let split = digits.len() - decimals as usize;
    let (int_part, frac_part) = digits.split_at(split);
    let mut out = String::new();
    if scaled.is_negative() {
        out.push('-');
    }
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if decimals > 0 {
        out.push(point);
        out.push_str(frac_part);
    }
    out
}

/// Formats a decimal as written (no rounding), with the language's separators.
pub fn format_dec(d: Dec, lang: Lang) -> String {
    let n = d.0.normalize();
    format_scaled(&BigInt::from(n.mantissa()), n.scale(), lang)
}

/// Formats an exact fraction as a percentage with two decimals: `90,76%` / `90.76%`.
pub fn format_percent(r: &Ratio, lang: Lang) -> String {
    format!("{}%", format_scaled(&percent_rounded(r, 2), 2, lang))
}

/// Formats a fraction of a whole (not a percentage) with `decimals` places.
pub fn format_ratio(r: &Ratio, decimals: u32, lang: Lang) -> String {
    let scaled = round_half_away(
        &BigInt::from(*r.numer()),
        &BigInt::from(*r.denom()),
        decimals,
    );
    format_scaled(&scaled, decimals, lang)
}

/// Formats a margin in percentage points with an explicit sign: `+15,76` / `-1.03`.
pub fn format_points_signed(r: &Ratio, lang: Lang) -> String {
    let scaled = percent_rounded(r, 2);
    let body = format_scaled(&scaled, 2, lang);
    if scaled.is_positive() {
        format!("+{body}")
    } else {
        body
    }
}

/// Why a cell's text is not a number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// Nothing but spaces.
    Empty,
    /// Characters that are not part of a number.
    NotANumber,
}

/// Parses a number typed or pasted by a person.
///
/// Accepts both conventions: `1.840`, `1.840,5`, `1,840`, `1,840.5`, `1840`, `-3`, spaces and
/// non-breaking spaces as grouping. When one separator appears once with exactly three digits after
/// it (`1.840`), it is ambiguous, and `lang` decides: grouping in Vietnamese, decimal point in
/// English when it is a dot (and the other way round for a comma).
pub fn parse_number(text: &str, lang: Lang) -> Result<Dec, NumberError> {
    let t: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    if t.is_empty() {
        return Err(NumberError::Empty);
    }
    let (sign, body) = match t.strip_prefix('-').or_else(|| t.strip_prefix('\u{2212}')) {
        Some(rest) => ("-", rest),
        None => ("", t.strip_prefix('+').unwrap_or(&t)),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(NumberError::NotANumber);
    }
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    let decimal_sep: Option<char> = match (dots, commas) {
        (0, 0) => None,
        (_, 0) if dots > 1 => None,   // 1.234.567
        (0, _) if commas > 1 => None, // 1,234,567
        (1, 0) | (0, 1) => {
            let sep = if dots == 1 { '.' } else { ',' };
            let after = body.len() - body.rfind(sep).map(|i| i + 1).unwrap_or(0);
            if after == 3 {
                // Ambiguous: the language decides whether this is grouping.
                let (group, _) = lang.separators();
                if sep == group {
                    None
                } else {
                    Some(sep)
                }
            } else {
                Some(sep)
            }
        }
        _ => {
            // Both appear: the last one is the decimal separator, and it appears once.
            let last = body
                .rfind(['.', ','])
                .and_then(|i| body[i..].chars().next());
            match last {
                Some('.') if dots == 1 => Some('.'),
                Some(',') if commas == 1 => Some(','),
                _ => return Err(NumberError::NotANumber),
            }
        }
    };
    let group_sep = match decimal_sep {
        Some('.') => ',',
        Some(_) => '.',
        None => {
            if dots > 0 {
                '.'
            } else {
                ','
            }
        }
    };
    let (int_part, frac_part) = match decimal_sep {
        Some(sep) => match body.rsplit_once(sep) {
            Some((i, f)) => (i, Some(f)),
            None => (body, None),
        },
        None => (body, None),
    };
    if !valid_grouping(int_part, group_sep) {
        return Err(NumberError::NotANumber);
    }
    if let Some(f) = frac_part {
        if f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()) {
            return Err(NumberError::NotANumber);
        }
    }
    let mut canonical = String::from(sign);
    canonical.extend(int_part.chars().filter(|c| c.is_ascii_digit()));
    if canonical.len() == sign.len() {
        canonical.push('0');
    }
    if let Some(f) = frac_part {
        canonical.push('.');
        canonical.push_str(f);
    }
    Dec::parse(&canonical).ok_or(NumberError::NotANumber)
}

/// The separator of a number written as one to three digits, one `.` or `,`, and exactly three
/// digits (`1,000`, `12.500`, with an optional sign and spaces as [`parse_number`] allows): one
/// convention reads it as a whole number of thousands, the other as a decimal.
fn thousands_or_decimal(text: &str) -> Option<char> {
    let t: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    let body = t.strip_prefix(['-', '\u{2212}', '+']).unwrap_or(&t);
    let sep = body.chars().find(|c| matches!(c, '.' | ','))?;
    let (int_part, frac_part) = body.split_once(sep)?;
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    ((1..=3).contains(&int_part.len())
        && frac_part.len() == 3
        && digits(int_part)
        && digits(frac_part))
    .then_some(sep)
}

/// True when `text`, typed in a whole-number cell in `lang`, has `lang`'s decimal separator
/// followed by exactly three digits and no other separator (`1,000` in Vietnamese, `1.000` in
/// English): it could be a thousand or a one with a decimal part, so it is not read at all
/// (see [`crate::data::Entry::from_figure_input`]).
pub fn is_ambiguous_whole(text: &str, lang: Lang) -> bool {
    thousands_or_decimal(text) == Some(lang.separators().1)
}

/// Grouping, where used, must be in threes after the first group.
fn valid_grouping(int_part: &str, sep: char) -> bool {
    if !int_part.contains(sep) {
        return int_part.chars().all(|c| c.is_ascii_digit());
    }
    let groups: Vec<&str> = int_part.split(sep).collect();
    let first_ok = matches!(groups.first(), Some(g) if (1..=3).contains(&g.len()));
    first_ok
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str, lang: Lang) -> Option<String> {
        parse_number(s, lang).ok().map(|d| d.to_string())
    }

    #[test]
    fn formats_both_languages() {
        assert_eq!(format_count(1840, Lang::Vi), "1.840");
        assert_eq!(format_count(1840, Lang::En), "1,840");
        assert_eq!(format_count(-1234567, Lang::Vi), "-1.234.567");
        assert_eq!(format_count(12, Lang::Vi), "12");
        let r = Ratio::new(1670, 1840);
        assert_eq!(format_percent(&r, Lang::Vi), "90,76%");
        assert_eq!(format_percent(&r, Lang::En), "90.76%");
        assert_eq!(format_percent(&Ratio::new(1, 1000), Lang::En), "0.10%");
        assert_eq!(
            format_dec(Dec::parse("1234.50").unwrap(), Lang::Vi),
            "1.234,5"
        );
    }

    #[test]
    fn parses_both_conventions() {
        assert_eq!(p("1.840", Lang::Vi).as_deref(), Some("1840"));
        assert_eq!(p("1.840", Lang::En).as_deref(), Some("1.84"));
        assert_eq!(p("1,840", Lang::En).as_deref(), Some("1840"));
        assert_eq!(p("1,840", Lang::Vi).as_deref(), Some("1.84"));
        assert_eq!(p("1.234.567", Lang::En).as_deref(), Some("1234567"));
        assert_eq!(p("1.840,5", Lang::En).as_deref(), Some("1840.5"));
        assert_eq!(p("1,840.5", Lang::Vi).as_deref(), Some("1840.5"));
        assert_eq!(p("12,5", Lang::En).as_deref(), Some("12.5"));
        assert_eq!(p(" 1 840 ", Lang::Vi).as_deref(), Some("1840"));
        assert_eq!(p("-3", Lang::Vi).as_deref(), Some("-3"));
        assert_eq!(p("abc", Lang::Vi), None);
        assert_eq!(p("1.2.3", Lang::Vi), None);
        assert_eq!(p("1,2.3,4", Lang::Vi), None);
        assert_eq!(p("12.", Lang::Vi), None);
        assert_eq!(parse_number("  ", Lang::Vi), Err(NumberError::Empty));
    }

    #[test]
    fn a_decimal_separator_before_three_digits_is_ambiguous_in_a_whole_number() {
        for t in ["1,000", "12,500", " 999,999 ", "-1,000", "1 ,000"] {
            assert!(is_ambiguous_whole(t, Lang::Vi), "{t}");
            assert!(!is_ambiguous_whole(t, Lang::En), "{t}");
        }
        assert!(is_ambiguous_whole("1.000", Lang::En));
        assert!(!is_ambiguous_whole("1.000", Lang::Vi));
        for t in [
            "1,000,000",
            "1.000,5",
            "1,0000",
            "1234,567",
            "1,00",
            "1000",
            "1,000.5",
            ",",
        ] {
            assert!(!is_ambiguous_whole(t, Lang::Vi), "{t}");
            assert!(!is_ambiguous_whole(t, Lang::En), "{t}");
        }
    }
}
