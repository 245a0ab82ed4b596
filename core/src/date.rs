//! Reading the file format's dates (`"2023-12-31"`).
//!
//! A date is read exactly as chrono's `NaiveDate::from_str` reads it, which is what the format
//! has always accepted: a year of up to four digits, or a sign and any number of digits; a month
//! and a day of one or two digits; `-` between them; white space allowed before each number,
//! around each `-` and at the end. It is refused with chrono's own words
//! ([`DateError`]), which [`crate::messages`] translates. Only the reading is this crate's:
//! chrono's general parser, which interprets format strings, was 6.3 KB of the app's gzipped
//! wasm for this one format (BENCHMARKS.md § 3). Writing a date is chrono's (`Display`).
//!
//! The tests compare every outcome with chrono's parser on generated texts.

use chrono::NaiveDate;
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// Why a text is not a date, in chrono's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    /// A number out of its range, or a day the month does not have.
    OutOfRange,
    /// Something other than the expected digit or `-`.
    Invalid,
    /// The text ends before the day.
    TooShort,
    /// Something after the day.
    TooLong,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateError::OutOfRange => "input is out of range",
            DateError::Invalid => "input contains invalid characters",
            DateError::TooShort => "premature end of input",
            DateError::TooLong => "trailing input",
        })
    }
}

/// Reads `YYYY-MM-DD` as chrono's `NaiveDate::from_str` does (see the module's documentation).
pub fn parse(text: &str) -> Result<NaiveDate, DateError> {
    let s = text.trim_start();
    let (s, year) = match s.as_bytes().first() {
        Some(b'-') => {
            let (s, v) = number(&s[1..], usize::MAX)?;
            (s, -v)
        }
        Some(b'+') => number(&s[1..], usize::MAX)?,
        _ => number(s, 4)?,
    };
    let year = i32::try_from(year).map_err(|_| DateError::OutOfRange)?;
    let s = dash(s.trim_start())?;
    let (s, month) = number(s.trim_start(), 2)?;
    if !(1..=12).contains(&month) {
        return Err(DateError::OutOfRange);
    }
    let s = dash(s.trim_start())?;
    let (s, day) = number(s.trim_start(), 2)?;
    if !(1..=31).contains(&day) {
        return Err(DateError::OutOfRange);
    }
    if !s.trim_start().is_empty() {
        return Err(DateError::TooLong);
    }
    // Both fit: checked against 1..=12 and 1..=31 above.
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).ok_or(DateError::OutOfRange)
}

/// One to `max` ASCII digits at the start of `s`, and what follows them.
fn number(s: &str, max: usize) -> Result<(&str, i64), DateError> {
    let digits = s.bytes().take(max).take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return Err(if s.is_empty() {
            DateError::TooShort
        } else {
            DateError::Invalid
        });
    }
    let mut n = 0i64;
    for c in s[..digits].bytes() {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(i64::from(c - b'0')))
            .ok_or(DateError::OutOfRange)?;
    }
    Ok((&s[digits..], n))
}

/// The `-` between two numbers.
fn dash(s: &str) -> Result<&str, DateError> {
    match s.strip_prefix('-') {
        Some(rest) => Ok(rest),
        None if s.is_empty() => Err(DateError::TooShort),
        None => Err(DateError::Invalid),
    }
}

/// What a date is expected as, in serde's type errors (chrono's words, which
/// [`crate::messages`] translates).
const EXPECTING: &str = "a formatted date string";

struct DateVisitor;

impl Visitor<'_> for DateVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTING)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<NaiveDate, E> {
        parse(v).map_err(E::custom)
    }
}

/// Reads a date field (`#[serde(deserialize_with = "crate::date::deserialize")]`).
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(DateVisitor)
}

struct OptionVisitor;

impl<'de> Visitor<'de> for OptionVisitor {
    type Value = Option<NaiveDate>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTING)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        deserialize(d).map(Some)
    }
}

/// Reads an optional date field, `null` or absent being none
/// (`#[serde(default, deserialize_with = "crate::date::deserialize_option")]`).
pub fn deserialize_option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    d.deserialize_option(OptionVisitor)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    /// chrono's outcome, in this module's terms.
    fn chrono(text: &str) -> Result<NaiveDate, String> {
        NaiveDate::from_str(text).map_err(|e| e.to_string())
    }

    fn ours(text: &str) -> Result<NaiveDate, String> {
        parse(text).map_err(|e| e.to_string())
    }

    #[test]
    fn reads_what_chrono_reads_and_refuses_in_its_words() {
        for text in [
            "2023-12-31",
            "2024-02-29",
            "2023-02-29",
            "2023-02-30",
            "2023-04-31",
            "2023-13-01",
            "2023-00-10",
            "2023-01-00",
            "2023-1-5",
            "23-01-05",
            "0-1-1",
            "+2023-01-01",
            "-0001-01-01",
            "+12345-01-01",
            "12345-01-01",
            "+262143-12-31",
            "+262144-01-01",
            "-262144-01-01",
            "+99999999999999999999-01-01",
            " 2023 - 12 - 31 ",
            "\t2023-12-31\n",
            "\u{3000}2023-12-31",
            "2023-12-31T00:00",
            "2023-12-31x",
            "2023-12-3",
            "2023-12-",
            "2023-12",
            "2023-",
            "2023",
            "",
            " ",
            "-",
            "+",
            "2023/12/31",
            "2023-001-01",
            "31-12-2023",
            "٢٠٢٣-١٢-٣١",
            "2023-１２-31",
            "ngày 2023-12-31",
            "--2023-01-01",
            "+-2023-01-01",
        ] {
            assert_eq!(ours(text), chrono(text), "{text:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        /// Texts made of the pieces a date is made of, and of the mistakes people make.
        #[test]
        fn agrees_with_chrono_on_generated_texts(
            text in proptest::string::string_regex(
                "[ \\t+-]{0,2}[0-9]{0,6}[ /.-]{0,2}[0-9]{0,3}[ /.-]{0,2}[0-9]{0,3}[ a-zT:0-9]{0,3}"
            ).unwrap()
        ) {
            prop_assert_eq!(ours(&text), chrono(&text), "{:?}", text);
        }

        #[test]
        fn agrees_with_chrono_on_any_text(text in "\\PC{0,16}") {
            prop_assert_eq!(ours(&text), chrono(&text), "{:?}", text);
        }

        #[test]
        fn every_date_written_is_read_back(days in -100_000_000i32..100_000_000) {
            if let Some(d) = NaiveDate::from_num_days_from_ce_opt(days) {
                prop_assert_eq!(parse(&d.to_string()), Ok(d));
            }
        }
    }

    #[test]
    fn a_date_field_is_read_and_its_errors_keep_chrono_s_words() {
        #[derive(serde::Deserialize, Debug)]
        struct P {
            #[serde(deserialize_with = "deserialize")]
            start: NaiveDate,
            #[serde(default, deserialize_with = "deserialize_option")]
            signed_on: Option<NaiveDate>,
        }
        let p: P = serde_json::from_str(r#"{"start": "2023-01-02"}"#).unwrap();
        assert_eq!(p.start, NaiveDate::from_ymd_opt(2023, 1, 2).unwrap());
        assert_eq!(p.signed_on, None);
        let p: P = serde_json::from_str(r#"{"start": "2023-01-02", "signed_on": null}"#).unwrap();
        assert_eq!(p.signed_on, None);
        let p: P =
            serde_json::from_str(r#"{"start": "2023-01-02", "signed_on": "2022-12-30"}"#).unwrap();
        assert_eq!(p.signed_on, NaiveDate::from_ymd_opt(2022, 12, 30));
        let e = serde_json::from_str::<P>(r#"{"start": "2023-02-30"}"#).unwrap_err();
        assert!(e.to_string().starts_with("input is out of range"), "{e}");
        let e = serde_json::from_str::<P>(r#"{"start": 20230230}"#).unwrap_err();
        assert!(
            e.to_string().contains("expected a formatted date string"),
            "{e}"
        );
        let e =
            serde_json::from_str::<P>(r#"{"start": "2023-01-02", "signed_on": 5}"#).unwrap_err();
        assert!(
            e.to_string().contains("expected a formatted date string"),
            "{e}"
        );
    }
}
