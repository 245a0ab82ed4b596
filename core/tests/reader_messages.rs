//! A file that cannot be read is refused with a message in the user's language: the reader's
//! (serde's, serde_json's, chrono's) English must not reach a Vietnamese user, whatever the
//! damage, and the JSON path still says where.

use serde_json::{json, Value};
use thidua_core::unit_file::{export_unit, read_unit_file};
use thidua_core::{Document, ImportError, Lang};

/// The built-in pact as JSON, with `edit` applied.
fn damaged(edit: impl FnOnce(&mut Value)) -> String {
    let mut v =
        serde_json::to_value(Document::default_pact()).expect("the built-in pact serialises");
    edit(&mut v);
    v.to_string()
}

fn messages(text: &str, lang: Lang) -> Vec<String> {
    match Document::from_json(text) {
        Ok(_) => panic!("accepted a damaged file: {text:.200}"),
        Err(e) => e.messages(lang),
    }
}

/// A damage done to the built-in pact's JSON.
type Edit = Box<dyn FnOnce(&mut Value)>;

/// English words of the readers' messages.
const READER_ENGLISH: [&str; 12] = [
    "invalid type",
    "invalid value",
    "invalid length",
    "expected",
    "unknown field",
    "unknown variant",
    "missing field",
    "duplicate field",
    "EOF",
    "trailing",
    "input",
    "wrong type",
];

fn assert_vietnamese(ms: &[String], context: &str) {
    for m in ms {
        for w in READER_ENGLISH {
            assert!(
                !m.contains(w),
                "{context}: English “{w}” in a Vietnamese message: {m}"
            );
        }
    }
}

/// Words of the readers' own English that mean nothing to a person: serde's forms, Rust type
/// names, chrono's.
const READER_INTERNALS: [&str; 9] = [
    "invalid type:",
    "invalid value:",
    "Decimal type",
    "fixed-point",
    "u64",
    "u32",
    "input is out of range",
    "wrong type or shape (",
    "expected a whole number",
];

fn assert_plain_english(ms: &[String], context: &str) {
    for m in ms {
        for w in READER_INTERNALS {
            assert!(
                !m.contains(w),
                "{context}: “{w}” in an English message: {m}"
            );
        }
    }
}

#[test]
fn a_schema_version_of_the_wrong_type_is_worded_in_both_languages() {
    for bad in [json!("2"), json!(-1), json!(1.5)] {
        let text = damaged(|v| v["schema_version"] = bad.clone());
        let vi = messages(&text, Lang::Vi);
        assert_vietnamese(&vi, "schema_version");
        assert!(
            vi.iter().any(|m| m.starts_with("schema_version: ")),
            "{bad}: {vi:?}"
        );
        let en = messages(&text, Lang::En);
        assert_plain_english(&en, "schema_version");
        assert!(
            en.iter()
                .any(|m| m.starts_with("schema_version: ") && m.contains("whole number")),
            "{bad}: {en:?}"
        );
    }
}

#[test]
fn a_bad_decimal_and_an_impossible_date_are_plain_in_english() {
    let text = damaged(|v| v["pact"]["contents"][0]["targets"][0]["max_points"] = json!("abc"));
    let en = messages(&text, Lang::En);
    assert_plain_english(&en, "decimal");
    assert!(
        en.iter()
            .any(|m| m.contains("\"abc\"") && m.contains("a number")),
        "{en:?}"
    );
    assert_vietnamese(&messages(&text, Lang::Vi), "decimal");
    let text = damaged(|v| v["pact"]["signed_on"] = json!("2023-02-30"));
    let en = messages(&text, Lang::En);
    assert_plain_english(&en, "date");
    assert!(
        en.iter()
            .any(|m| m.starts_with("pact.signed_on") && m.contains("does not exist")),
        "{en:?}"
    );
    let vi = messages(&text, Lang::Vi);
    assert!(
        vi.iter().any(|m| m.contains("ngày không tồn tại")),
        "{vi:?}"
    );
}

#[test]
fn type_and_shape_errors_are_worded_in_vietnamese_with_their_path() {
    #[rustfmt::skip]
    let cases: Vec<(&str, Edit, &str, &str)> = vec![
        ("unknown field", Box::new(|v| { v["pact"]["foo"] = json!(1); }),
            "pact.foo", "trường `foo` không có trong định dạng tệp (các trường được phép: `id`, "),
        ("text for a list", Box::new(|v| { v["pact"]["units"] = json!("abc"); }),
            "pact.units", "sai kiểu: cần một mảng, nhưng tệp có chuỗi \"abc\""),
        ("missing field", Box::new(|v| { v["pact"]["units"][0].as_object_mut().map(|o| o.remove("id")); }),
            "pact.units[0]", "thiếu trường bắt buộc `id`"),
        ("unknown variant", Box::new(|v| { v["pact"]["contents"][0]["targets"][0]["rule"]["kind"] = json!("zzz"); }),
            "pact.contents[0].targets[0].rule.kind", "giá trị `zzz` không được chấp nhận (chọn một trong: `rate`, "),
        ("boolean for points", Box::new(|v| { v["pact"]["contents"][0]["targets"][0]["max_points"] = json!(true); }),
            "pact.contents[0].targets[0].max_points", "sai kiểu: cần một số, nhưng tệp có giá trị đúng/sai `true`"),
        ("number for a text", Box::new(|v| { v["pact"]["units"][0]["name"] = json!(5); }),
            "pact.units[0].name", "sai kiểu: cần một đối tượng (Text), nhưng tệp có số nguyên `5`"),
        ("impossible date", Box::new(|v| { v["pact"]["signed_on"] = json!("2023-13-45"); }),
            "pact.signed_on", "ngày không tồn tại"),
        ("short date", Box::new(|v| { v["pact"]["signed_on"] = json!("2023-1"); }),
            "pact.signed_on", "ngày chưa đủ năm, tháng và ngày"),
        ("list for a figure", Box::new(|v| { v["data"][0]["units"][0]["figures"]["crimes"] = json!({"current": [1]}); }),
            "data[0].units[0].figures.crimes", "cần một số, một chuỗi hoặc null, nhưng tệp có một mảng"),
        ("object for a rule", Box::new(|v| { v["pact"]["contents"][0]["targets"][0]["rule"] = json!([1]); }),
            "pact.contents[0].targets[0].rule", "sai kiểu: cần một quy tắc: đối tượng có trường \"kind\""),
    ];
    for (what, edit, path, vi) in cases {
        let text = damaged(edit);
        let ms = messages(&text, Lang::Vi);
        assert_vietnamese(&ms, what);
        assert!(
            ms.iter().any(|m| m.starts_with(path) && m.contains(vi)),
            "{what}: {ms:?}"
        );
        // English is plain too, at the same path.
        let en = messages(&text, Lang::En);
        assert_plain_english(&en, what);
        assert!(en.iter().any(|m| m.starts_with(path)), "{what}: {en:?}");
    }
}

#[test]
fn json_syntax_errors_are_worded_in_both_languages_with_line_and_column() {
    #[rustfmt::skip]
    let cases = [
        ("{\"format\": \"thidua.pact\",, }", "dòng 1, cột 26: không phải JSON hợp lệ (tên trường phải là chuỗi)",
            "line 1, column 26: not valid JSON (a field name must be in quotes)"),
        ("{\"a\": [1,2", "không phải JSON hợp lệ (tệp kết thúc khi một mảng chưa đóng)",
            "not valid JSON (the file ends before a list is closed)"),
        ("{\"a\": tru}", "từ khóa không hợp lệ (chỉ có true, false và null)",
            "(a word that is not a JSON keyword (only true, false and null are))"),
        ("{\"a\": 1} x", "có ký tự thừa sau nội dung JSON", "(characters after the end of the JSON)"),
        ("", "tệp kết thúc khi còn thiếu một giá trị", "(the file ends where a value is missing)"),
        ("{\"a\": \"\\q\"}", "chuỗi có ký tự thoát", "(a text in quotes has an invalid escape (\\))"),
        ("<html>", "không phải JSON hợp lệ (thiếu một giá trị JSON)", "not valid JSON (a JSON value is missing)"),
    ];
    for (text, vi, en_words) in cases {
        let ms = messages(text, Lang::Vi);
        assert_vietnamese(&ms, text);
        assert!(ms.iter().any(|m| m.contains(vi)), "{text}: {ms:?}");
        // The English is plain words too, not serde's ("expected ident", "EOF while parsing").
        let en = messages(text, Lang::En);
        assert!(
            en.iter()
                .all(|m| m.contains("not valid JSON") && !m.contains(" at line ")),
            "{text}: {en:?}"
        );
        assert!(en.iter().any(|m| m.contains(en_words)), "{text}: {en:?}");
    }
}

#[test]
fn a_damaged_unit_file_is_refused_in_vietnamese_with_its_path() {
    let doc = Document::default_pact();
    let unit = doc.pact.units[0].id.clone();
    let good = export_unit(&doc, &unit, "2023-12-01T00:00:00Z");
    let mut v: Value = serde_json::from_str(&good).expect("an exported unit file is JSON");
    v["reviews"] = json!("abc");
    let refusal = read_unit_file(&v.to_string()).expect_err("a damaged unit file is refused");
    let vi = refusal.message(Lang::Vi);
    assert_vietnamese(std::slice::from_ref(&vi), "unit file");
    assert!(
        vi.contains("reviews") && vi.contains("sai kiểu: cần một mảng"),
        "{vi}"
    );
    let not_json = read_unit_file("{").expect_err("not JSON");
    let vi = not_json.message(Lang::Vi);
    assert_vietnamese(std::slice::from_ref(&vi), "unit file, not JSON");
    assert!(
        vi.contains("dòng 1") && vi.contains("đối tượng chưa đóng"),
        "{vi}"
    );
    assert!(matches!(
        read_unit_file(&" ".repeat(thidua_core::document::MAX_FILE_BYTES + 1)),
        Err(thidua_core::unit_file::Refusal::Invalid(
            ImportError::TooLarge { .. }
        ))
    ));
}

#[test]
fn the_file_size_is_written_with_the_languages_grouping() {
    let e = ImportError::TooLarge { bytes: 20_988_219 };
    assert_eq!(
        e.messages(Lang::Vi),
        vec!["tệp quá lớn (20.988.219 byte; tối đa 16.777.216)"]
    );
    assert_eq!(
        e.messages(Lang::En),
        vec!["file too large (20,988,219 bytes; at most 16,777,216)"]
    );
}

#[test]
fn a_file_the_browser_cannot_read_is_refused_in_both_languages() {
    // The app refused it as "dòng 0, cột 0: không phải JSON hợp lệ (unreadable file)".
    assert_eq!(
        ImportError::Unreadable.messages(Lang::Vi),
        vec!["không đọc được tệp"]
    );
    assert_eq!(
        ImportError::Unreadable.messages(Lang::En),
        vec!["the file cannot be read"]
    );
}

#[test]
fn a_key_named_twice_is_refused_with_its_path_in_both_languages() {
    use thidua_core::{Entry, PeriodKind};
    let mut doc = Document::default_pact();
    let review = doc.pact.main_review().to_string();
    doc.unit_data_in_mut(&review, "ha-noi")
        .set("fires", PeriodKind::Current, Entry::int(3));
    let good = doc.export_json();
    assert!(Document::from_json(&good).is_ok());
    // The same figure twice in Hà Nội's record (a hand-edited or badly merged file): 3 or 30?
    // Once written with an escape, as the key is the same text.
    for twice in [
        r#""fires":{"current":30},"#,
        r#""fire\u0073":{"current":30},"#,
    ] {
        let text = good.replacen(r#""figures":{"#, &format!(r#""figures":{{{twice}"#), 1);
        assert_ne!(text, good);
        let vi = messages(&text, Lang::Vi);
        assert_vietnamese(&vi, "a key twice");
        assert!(
            vi.iter().any(|m| m.starts_with("data[0].units[0].figures")
                && m.contains("fires")
                && m.contains("xuất hiện hai lần")),
            "{vi:?}"
        );
        let en = messages(&text, Lang::En);
        assert_plain_english(&en, "a key twice");
        assert!(en.iter().any(|m| m.contains("appears twice")), "{en:?}");
    }
    // At the top too, where the version is read.
    let text = good.replacen('{', r#"{"schema_version":1,"#, 1);
    let en = messages(&text, Lang::En);
    assert!(
        en.iter()
            .any(|m| m.contains("schema_version") && m.contains("appears twice")),
        "{en:?}"
    );
    // A unit's file is read the same way.
    let unit = thidua_core::unit_file::export_unit(&doc, "ha-noi", "2023-12-01T00:00:00Z");
    // (pretty-printed)
    let twice = unit.replacen(
        r#""figures": {"#,
        r#""figures": {"fires": {"current": 30},"#,
        1,
    );
    assert_ne!(twice, unit);
    let refusal = read_unit_file(&twice).expect_err("a unit file with a key twice is refused");
    assert!(
        refusal.message(Lang::En).contains("appears twice"),
        "{}",
        refusal.message(Lang::En)
    );
}
