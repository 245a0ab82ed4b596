//! The `thidua` binary: outputs, exit codes (0 ok, 1 invalid input, 2 usage) and messages.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::PathBuf;
use thidua_core::default_pact::ids;
use thidua_core::{Document, Entry, PeriodKind};

const REGENERATE: &str =
    "regenerate it with: cargo run -q -p thidua-cli -- schema > docs/thidua.schema.json";

fn thidua() -> Command {
    Command::cargo_bin("thidua").unwrap()
}

/// Published figures for three units of the built-in pact (other figures not entered yet).
/// Totals: Hà Nội 24 (t6a + t6b), TP HCM 15 (t4), the others 0.
fn sample() -> Document {
    let mut d = Document::default_pact();
    let mut set = |unit: &str, id: &str, cur: i64, base: Option<i64>| {
        let u = d.unit_data_mut(unit);
        u.set(id, PeriodKind::Current, Entry::int(cur));
        u.set(id, PeriodKind::Baseline, base.into());
    };
    set("ha-noi", ids::CRIMES, 1840, Some(1916));
    set("ha-noi", ids::CASES_SOLVED, 1670, None);
    set("ha-noi", ids::CASES_OCCURRED, 1840, None);
    set("ha-noi", ids::SERIOUS_SOLVED, 164, None);
    set("ha-noi", ids::SERIOUS_OCCURRED, 166, None);
    set("tp-hcm", ids::CRIMES, 4422, Some(4773));
    set("can-tho", ids::CRIMES, 376, Some(317));
    set("can-tho", ids::CASES_SOLVED, 271, None);
    set("can-tho", ids::CASES_OCCURRED, 376, None);
    d
}

/// A temporary file holding `contents`.
fn file(contents: impl AsRef<[u8]>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pact.json");
    std::fs::write(&path, contents).unwrap();
    (dir, path)
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn default_prints_a_valid_document() {
    let out = stdout_of(thidua().arg("default"));
    assert_eq!(Document::from_json(&out), Ok(Document::default_pact()));
}

#[test]
fn schema_matches_the_committed_file() {
    let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/thidua.schema.json");
    let committed = std::fs::read_to_string(&committed)
        .unwrap_or_else(|e| panic!("cannot read docs/thidua.schema.json ({e}); {REGENERATE}"));
    let out = stdout_of(thidua().arg("schema"));
    assert!(
        out == committed,
        "docs/thidua.schema.json is out of date; {REGENERATE}"
    );
    assert_eq!(out.trim_end(), thidua_core::schema::schema_json());
    let schema: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(schema["title"], "Document");
    assert_eq!(
        schema["required"],
        serde_json::json!(["format", "schema_version", "pact"])
    );
}

/// (language flags, ranking lines as (rank, unit name, total), other texts the output contains)
type EvalCase<'a> = (
    &'a [&'a str],
    &'a [(&'a str, &'a str, &'a str)],
    &'a [&'a str],
);

#[test]
fn eval_prints_names_statuses_and_totals() {
    let (_dir, path) = file(sample().to_json());
    // (language flag, expected ranking lines (rank, unit, total), expected other text)
    #[rustfmt::skip]
    let cases: &[EvalCase] = &[
        (&[], &[
            ("1", "Công an TP Hà Nội", "24,00"),
            ("2", "Công an TP Hồ Chí Minh", "15,00"),
            ("3", "Công an TP Cần Thơ", "0,00"),
        ], &[
            "Giao ước thi đua năm 2023", "✓ Đạt", "✗ Không đạt", "? Chưa có số liệu",
            "90,76%", "vượt 15,76 điểm %", "vượt 20 vụ so với mức cho phép (tối đa 1.820)",
            "cần thêm 12 vụ", "12,00/12", "tạm tính", "thang điểm là ví dụ",
        ]),
        (&["--lang", "en"], &[
            ("1", "Hà Nội City Police", "24.00"),
            ("2", "Hồ Chí Minh City Police", "15.00"),
            ("3", "Cần Thơ City Police", "0.00"),
        ], &[
            "2023 emulation pact", "✓ Met", "✗ Not met", "? No data",
            "90.76%", "15.76 pp above", "20 cases over the allowed maximum of 1,820",
            "needs 12 more cases", "12.00/12", "provisional", "point weights are examples",
        ]),
    ];
    for (lang, ranking, texts) in cases {
        let out = stdout_of(thidua().args(*lang).arg("eval").arg(&path));
        for (rank, unit, total) in *ranking {
            let line = out
                .lines()
                .find(|l| l.starts_with(&format!("{rank} ")) && l.contains(unit))
                .unwrap_or_else(|| panic!("{lang:?}: no ranking line for {unit}:\n{out}"));
            assert!(line.contains(total), "{lang:?}: {line}");
            // Every unit also has its own section headed by its name.
            assert!(
                out.lines().any(|l| l == *unit),
                "{lang:?}: no section for {unit}"
            );
        }
        for t in *texts {
            assert!(out.contains(t), "{lang:?}: missing {t:?} in:\n{out}");
        }
    }
    // The flag may also follow the subcommand, and the file may come on standard input.
    let en = stdout_of(thidua().args(["eval", "--lang", "en"]).arg(&path));
    let stdin = stdout_of(
        thidua()
            .args(["eval", "--lang", "en", "-"])
            .write_stdin(sample().to_json()),
    );
    assert_eq!(en, stdin);
}

#[test]
fn eval_json_is_the_exported_results() {
    let doc = sample();
    let (_dir, path) = file(doc.to_json());
    let out = stdout_of(thidua().args(["eval", "--json"]).arg(&path));
    let printed: serde_json::Value = serde_json::from_str(&out).unwrap();
    // Every review's results, as the export carries them.
    assert_eq!(printed, serde_json::to_value(doc.evaluate_all()).unwrap());
    let exported: serde_json::Value = serde_json::from_str(&doc.export_json()).unwrap();
    assert_eq!(printed, exported["results"]);
    // One review on request.
    let one = stdout_of(
        thidua()
            .args(["eval", "--json", "--review", "nam-2023"])
            .arg(&path),
    );
    let one: serde_json::Value = serde_json::from_str(&one).unwrap();
    assert_eq!(one, serde_json::to_value(doc.evaluate()).unwrap());
    assert_eq!(one, exported["results"][0]);
    // An unknown review is a usage error.
    thidua()
        .args(["eval", "--review", "quy-9"])
        .arg(&path)
        .assert()
        .code(2);
    // The language does not change the JSON.
    let en = stdout_of(thidua().args(["--lang", "en", "eval", "--json"]).arg(&path));
    assert_eq!(out, en);
}

#[test]
fn check_accepts_a_valid_file() {
    let (_dir, path) = file(sample().export_json());
    thidua()
        .arg("check")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("hợp lệ (5 đơn vị, 10 chỉ tiêu)"));
    thidua()
        .args(["--lang", "en", "check"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("valid (5 units, 10 targets)"));
}

/// The sample as JSON with one value replaced.
fn tampered(pointer: &str, new: serde_json::Value) -> String {
    let mut v: serde_json::Value = serde_json::from_str(&sample().to_json()).unwrap();
    *v.pointer_mut(pointer).unwrap() = new;
    v.to_string()
}

#[test]
fn bad_input_exits_1_and_says_why_on_stderr() {
    const PATH_150: &str = "pact.contents[3].targets[0].rule.threshold_pct";
    let too_large = vec![b' '; thidua_core::document::MAX_FILE_BYTES + 1];
    #[rustfmt::skip]
    let cases: Vec<(Vec<u8>, &[&str], &[&str])> = vec![
        // (file contents, extra args, every text expected on stderr)
        (tampered("/pact/contents/3/targets/0/rule/threshold_pct", 150.into()).into(), &[],
            &[PATH_150, "giá trị ngoài phạm vi cho phép (0 – 100)"]),
        (tampered("/pact/contents/3/targets/0/rule/threshold_pct", 150.into()).into(), &["--lang", "en"],
            &[PATH_150, "value out of the allowed range (0 – 100)"]),
        (tampered("/pact/contents/3/targets/0/rule/threshold_pct", "5%".into()).into(), &["--lang", "en"],
            &[PATH_150, "not an accepted value: the text \"5%\"; expected a number"]),
        (tampered("/data/0/units/1/unit", "hue".into()).into(), &["--lang", "en"],
            &["data[0].units[1].unit: the pact has no unit “hue”"]),
        (tampered("/schema_version", 3.into()).into(), &["--lang", "en"], &["newer version"]),
        (tampered("/schema_version", 3.into()).into(), &[], &["phiên bản mới hơn"]),
        (tampered("/format", "other".into()).into(), &["--lang", "en"], &["not a thidua file"]),
        (b"{\"format\": ".to_vec(), &["--lang", "en"], &["not valid JSON"]),
        (b"not json".to_vec(), &[], &["không phải JSON hợp lệ"]),
        (vec![0xff, 0xfe, 0x00], &["--lang", "en"], &["not UTF-8"]),
        (too_large, &["--lang", "en"], &["file too large"]),
    ];
    for (contents, args, expected) in cases {
        let (_dir, path) = file(&contents);
        for cmd in ["check", "eval"] {
            let assert = thidua()
                .args(args)
                .arg(cmd)
                .arg(&path)
                .assert()
                .code(1)
                .stdout("");
            let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
            assert!(
                stderr.starts_with(&path.display().to_string()),
                "{cmd} {args:?}: {stderr}"
            );
            for e in expected {
                assert!(
                    stderr.contains(e),
                    "{cmd} {args:?}: missing {e:?} in {stderr}"
                );
            }
        }
    }
}

#[test]
fn a_missing_file_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nowhere.json");
    for cmd in ["check", "eval"] {
        thidua()
            .arg(cmd)
            .arg(&path)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("nowhere.json"));
    }
}

#[test]
fn usage_errors_exit_2() {
    let cases: &[&[&str]] = &[
        &[],
        &["frobnicate"],
        &["eval"],
        &["check"],
        &["eval", "--xml", "a.json"],
        &["--lang", "fr", "default"],
        &["default", "extra"],
    ];
    for args in cases {
        thidua()
            .args(*args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::is_empty().not());
    }
}

/// The full example in docs/format.md is a valid document, and evaluates as the text says.
#[test]
fn the_format_doc_example_is_valid_and_evaluates_as_described() {
    let md = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/format.md"))
        .expect("docs/format.md");
    let start = md.find("```json\n").expect("a json block") + "```json\n".len();
    let end = start + md[start..].find("```").expect("end of block");
    let doc = thidua_core::Document::from_json(&md[start..end]).expect("the example is valid");
    let r = doc.evaluate();
    let a = r.unit("a").expect("unit a");
    assert_eq!(
        a.target("t2").map(|t| t.eval.status),
        Some(thidua_core::Status::NotMet)
    );
    assert_eq!(
        a.target("t3").map(|t| t.eval.status),
        Some(thidua_core::Status::Met)
    );
    let b = r.unit("b").expect("unit b");
    assert_eq!(
        b.target("t2").map(|t| t.eval.status),
        Some(thidua_core::Status::Met)
    );
    assert_eq!(
        b.target("t3").map(|t| t.eval.status),
        Some(thidua_core::Status::Invalid)
    );
    assert!(b.is_provisional());
}
