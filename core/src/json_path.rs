//! Where in a JSON text a reader's error happened, as a JSON path (`pact.units[2].name`).
//!
//! Typed data is read by serde_json alone. Only when that fails is the text scanned once more, up
//! to the line and column serde_json gives the error, to name the value there. That keeps one
//! reader per type in the app's wasm: tracking the path while reading (serde_path_to_error)
//! wrapped every type's reader in a second one, 17 KB of the gzipped wasm (BENCHMARKS.md § 3).
//!
//! Paths are written as serde_path_to_error writes them: object keys joined by `.`, array
//! indices in brackets, the empty path for the root. serde_json places an error
//! - at the end of the value it is about: after a wrong string or number, after the `}` of an
//!   object that lacks a field;
//! - at the opening `{` or `[` of an object or array of the wrong type;
//! - just after a key it refuses (unknown, or named twice): the path names that key.
//!
//! A test compares these paths with the ones tracked while reading, on every value of a
//! document damaged in turn. They are the same, except at a refused key, which tracking names
//! only when the key's own reader refuses it (an unknown field), and not when the object's
//! reader does after reading it (a key named twice): here the key is always named, beside a
//! message that names it too. Text up to a data error is valid JSON, as serde_json has read it.

use std::borrow::Cow;

/// One open object or array on the way to the error.
enum Frame<'a> {
    /// An object; the key of the entry being read, and whether its value has begun.
    Object {
        key: Option<Cow<'a, str>>,
        in_value: bool,
    },
    /// An array; the index of its latest element, and whether an element has begun.
    Array { index: usize, in_value: bool },
}

/// The path of the value a reader's error on `text` is about.
pub(crate) fn of_error(text: &str, e: &serde_json::Error) -> String {
    let Some(end) = offset(text, e.line(), e.column()) else {
        return String::new();
    };
    // serde_json refuses an object or an array of the wrong type at its opening bracket, before
    // reading it: the value there has begun.
    let m = e.to_string();
    let opens = match text.as_bytes().get(end) {
        Some(b'{') => m.starts_with("invalid type: map"),
        Some(b'[') => m.starts_with("invalid type: sequence"),
        _ => false,
    };
    path(&frames(text, end + usize::from(opens)))
}

/// The byte offset of serde_json's position: `line` from 1, `column` the bytes before it on its
/// line. None for line 0, serde_json's "no position" (the root's path is then given).
fn offset(text: &str, line: usize, column: usize) -> Option<usize> {
    let line_start = match line {
        0 => return None,
        1 => 0,
        _ => text.match_indices('\n').nth(line - 2)?.0 + 1,
    };
    Some((line_start + column).min(text.len()))
}

/// The objects and arrays open at byte `end`, outermost first.
fn frames(text: &str, end: usize) -> Vec<Frame<'_>> {
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        let b = bytes[i];
        match b {
            b'{' | b'[' => {
                begin_value(&mut stack);
                stack.push(if b == b'{' {
                    Frame::Object {
                        key: None,
                        in_value: false,
                    }
                } else {
                    Frame::Array {
                        index: 0,
                        in_value: false,
                    }
                });
                i += 1;
            }
            b'}' | b']' => {
                stack.pop();
                i += 1;
            }
            b':' => {
                if let Some(Frame::Object { in_value, .. }) = stack.last_mut() {
                    *in_value = true;
                }
                i += 1;
            }
            b',' => {
                match stack.last_mut() {
                    Some(Frame::Object { key, in_value }) => {
                        *key = None;
                        *in_value = false;
                    }
                    Some(Frame::Array { index, in_value }) if *in_value => {
                        *index += 1;
                        *in_value = false;
                    }
                    _ => {}
                }
                i += 1;
            }
            b'"' => {
                let close = string_end(bytes, i);
                if let Some(Frame::Object {
                    key,
                    in_value: false,
                }) = stack.last_mut()
                {
                    *key = Some(key_text(&text[i..close.min(bytes.len())]));
                } else {
                    begin_value(&mut stack);
                }
                i = close;
            }
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            _ => {
                // A number, true, false or null: up to the next delimiter.
                begin_value(&mut stack);
                while i < bytes.len()
                    && !matches!(
                        bytes[i],
                        b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r' | b':'
                    )
                {
                    i += 1;
                }
            }
        }
    }
    stack
}

/// A value begins in the innermost array (an object's values begin at its `:`).
fn begin_value(stack: &mut [Frame]) {
    if let Some(Frame::Array { in_value, .. }) = stack.last_mut() {
        *in_value = true;
    }
}

/// The byte after the closing quote of the string that opens at `open`.
fn string_end(bytes: &[u8], open: usize) -> usize {
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// A key's text from its quoted form, unescaped only if it holds an escape.
fn key_text(quoted: &str) -> Cow<'_, str> {
    let inner = quoted
        .strip_prefix('"')
        .and_then(|q| q.strip_suffix('"'))
        .unwrap_or(quoted);
    if inner.contains('\\') {
        Cow::Owned(serde_json::from_str(quoted).unwrap_or_else(|_| inner.to_string()))
    } else {
        Cow::Borrowed(inner)
    }
}

/// The path through the open frames: an object's key from the key on (an error placed just
/// after a key is about that key: unknown, or named twice), an array's index once its element
/// has begun.
fn path(stack: &[Frame]) -> String {
    let mut out = String::new();
    for frame in stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Frame::Array {
                index,
                in_value: true,
            } => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The path at the byte just after the first occurrence of `mark` in `text`.
    fn after(text: &str, mark: &str) -> String {
        let end = text.find(mark).unwrap() + mark.len();
        path(&frames(text, end))
    }

    #[test]
    fn values_keys_and_indices() {
        let t = r#"{"a": {"b": [1, {"c": "x"}, [true, null]]}, "d": 2}"#;
        assert_eq!(after(t, r#""x""#), "a.b[1].c");
        assert_eq!(after(t, "1"), "a.b[0]");
        assert_eq!(after(t, "true"), "a.b[2][0]");
        assert_eq!(after(t, "null"), "a.b[2][1]");
        // After a closed object: the object's own path.
        assert_eq!(after(t, r#""x"}"#), "a.b[1]");
        assert_eq!(after(t, "]]}"), "a");
        // After a key, before its value: the key's (an unknown key, or one named twice).
        assert_eq!(after(t, r#""d""#), "d");
        assert_eq!(after(t, r#""d":"#), "d");
        // After the comma that ends an entry: the object's.
        assert_eq!(after(t, "]]},"), "");
        assert_eq!(after(t, r#""d": 2"#), "d");
        // Just after an opening bracket: the value it opens.
        assert_eq!(after(t, r#""b": ["#), "a.b");
        assert_eq!(after(t, "{"), "");
    }

    #[test]
    fn keys_with_escapes_and_brackets_in_strings() {
        let t = "{\"a\\\"b\": {\"k\": \"}],\\\"\", \"n\": 1}}";
        assert_eq!(after(t, "1"), "a\"b.n");
    }

    /// Every value of a document with figures, a manual score and a bonus line, replaced in turn
    /// by a value of another kind, and an unknown key put into every object, in compact and in
    /// pretty-printed text: the path is serde_path_to_error's (which tracks it while reading).
    #[test]
    fn the_same_path_as_tracking_it_while_reading() {
        use crate::data::{AdjustmentKind, AdjustmentLine, Entry, ManualScore, PeriodKind};
        use crate::document::Document;
        use crate::num::Dec;
        use serde_json::{json, Value};

        let mut doc = Document::default_pact();
        let review = doc.pact.main_review().to_string();
        let unit = doc.unit_data_in_mut(&review, "ha-noi");
        unit.set("fires", PeriodKind::Current, Entry::int(3));
        unit.set("fires", PeriodKind::Baseline, Entry::Text("ba".into()));
        unit.manual.insert(
            "t1".into(),
            ManualScore {
                self_score: Entry::int(9),
                ..ManualScore::default()
            },
        );
        unit.adjustments.push(AdjustmentLine {
            kind: AdjustmentKind::Bonus,
            reason: "r".into(),
            points: Dec::int(1),
            rule: None,
        });
        let base: Value = serde_json::from_str(&doc.to_json()).unwrap();
        let mut pointers = Vec::new();
        walk(&base, String::new(), &mut pointers);
        let kinds = [
            json!(true),
            json!("x"),
            json!(1.5),
            json!([1]),
            json!({"k": 1}),
            json!(null),
            json!(-7),
            json!({}),
        ];
        let mut compared = 0;
        for (i, (pointer, is_object)) in pointers.iter().enumerate() {
            let mut damaged = base.clone();
            let Some(target) = damaged.pointer_mut(pointer) else {
                continue;
            };
            if *is_object && i % 2 == 0 {
                if let Value::Object(m) = target {
                    m.insert("zz_unknown".into(), json!(1));
                }
            } else {
                *target = kinds[i % kinds.len()].clone();
            }
            for text in [
                damaged.to_string(),
                serde_json::to_string_pretty(&damaged).unwrap(),
            ] {
                let mut de = serde_json::Deserializer::from_str(&text);
                let Err(tracked) = serde_path_to_error::deserialize::<_, Document>(&mut de) else {
                    continue;
                };
                let e = serde_json::from_str::<Document>(&text).unwrap_err();
                let tracked = tracked.path().to_string();
                let tracked = if tracked == "." { "" } else { &tracked };
                let ours = of_error(&text, &e);
                // At a key whose value has not begun (an unknown key, a key named twice, an
                // object where a figure's cell goes), the path here names the key. Tracking
                // names it when the key's own reader refuses it, and the object when the
                // object's reader does, after reading the key.
                if at_a_key(&text, &e) {
                    let object = ours.rsplit_once('.').map_or("", |(o, _)| o);
                    assert!(
                        tracked == ours || tracked == object,
                        "{pointer}: {e}: {ours}"
                    );
                } else {
                    assert_eq!(ours, tracked, "{pointer}: {e}");
                }
                compared += 1;
            }
        }
        assert!(compared > 900, "{compared}");
    }

    /// Whether serde_json's error position is just after an object's key.
    fn at_a_key(text: &str, e: &serde_json::Error) -> bool {
        let end = offset(text, e.line(), e.column()).unwrap();
        matches!(
            frames(text, end).last(),
            Some(Frame::Object {
                key: Some(_),
                in_value: false
            })
        )
    }

    /// Every value's JSON pointer, with whether it is an object.
    fn walk(v: &serde_json::Value, at: String, out: &mut Vec<(String, bool)>) {
        use serde_json::Value;
        out.push((at.clone(), v.is_object()));
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    walk(
                        x,
                        format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                        out,
                    );
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(x, format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn serde_json_positions_map_to_bytes() {
        // serde_json: line from 1, column the bytes before the position on its line.
        let t = "{\n  \"é\": [\n    1,\n    \"x\"\n  ]\n}";
        let e = serde_json::from_str::<std::collections::HashMap<String, Vec<u32>>>(t).unwrap_err();
        assert_eq!(of_error(t, &e), "é[1]");
        assert_eq!(offset(t, 0, 0), None);
        assert_eq!(offset(t, 2, 3), Some(5));
    }
}
