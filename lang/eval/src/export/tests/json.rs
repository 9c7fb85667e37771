//! JSON output: `cue export` layout, compact marshalling, streams and
//! string escaping.

use super::{list, n, obj, s};
use crate::export::{to_json, to_json_compact, Data, Emit, JsonStyle, JsonWriter};

#[test]
fn export_layout() {
    let cases: Vec<(Data, &str)> = vec![
        (Data::Null, "null\n"),
        (s("x"), "\"x\"\n"),
        (n("1.50"), "1.50\n"),
        (obj([]), "{}\n"),
        (list([]), "[]\n"),
        (obj([("a", n("1"))]), "{\n    \"a\": 1\n}\n"),
        (
            obj([
                ("b", n("1")),
                ("a", list([n("1"), n("2.0"), s("x<y>&")])),
                ("c", Data::Null),
                ("d", Data::Bool(true)),
                ("e", obj([])),
                ("f", list([])),
                ("g", obj([("h", list([obj([("i", Data::Bool(false))]), list([])]))])),
            ]),
            concat!(
                "{\n",
                "    \"b\": 1,\n",
                "    \"a\": [\n        1,\n        2.0,\n        \"x<y>&\"\n    ],\n",
                "    \"c\": null,\n",
                "    \"d\": true,\n",
                "    \"e\": {},\n",
                "    \"f\": [],\n",
                "    \"g\": {\n        \"h\": [\n            {\n                \"i\": false\n            },\n            []\n        ]\n    }\n",
                "}\n",
            ),
        ),
        (list([list([list([])])]), "[\n    [\n        []\n    ]\n]\n"),
    ];
    for (data, want) in cases {
        assert_eq!(to_json(&data), want, "{data:?}");
    }
}

/// The conformance case `imports-json/001-marshal` (cue v0.14.1).
#[test]
fn marshal_compact() {
    let data = obj([
        ("b", n("1")),
        ("a", list([n("1"), n("2.0"), s("x<y>&")])),
        ("c", Data::Null),
        ("d", Data::Bool(true)),
    ]);
    assert_eq!(
        to_json_compact(&data),
        r#"{"b":1,"a":[1,2.0,"x<y>&"],"c":null,"d":true}"#
    );
    assert_eq!(
        to_json_compact(&n("12345678901234567890")),
        "12345678901234567890"
    );
    assert_eq!(to_json_compact(&s("é\u{2028}")), "\"é\\u2028\"");
    assert_eq!(
        to_json_compact(&obj([("x", obj([])), ("y", list([]))])),
        r#"{"x":{},"y":[]}"#
    );
    // Embedding the compact text in an export escapes it once more.
    let outer = obj([(
        "settings.json",
        s(&to_json_compact(&obj([("a", list([s("b")]))]))),
    )]);
    assert_eq!(
        to_json(&outer),
        "{\n    \"settings.json\": \"{\\\"a\\\":[\\\"b\\\"]}\"\n}\n"
    );
}

#[test]
fn streams() {
    // `json.MarshalStream([{a: 1}, 2, "x"])`
    let mut writer = JsonWriter::marshal_stream();
    for doc in [obj([("a", n("1"))]), n("2"), s("x")] {
        doc.emit(&mut writer);
    }
    assert_eq!(writer.finish(), "{\"a\":1}\n2\n\"x\"\n");

    // `cue export` of several values: each indented and ended by a newline.
    let mut writer = JsonWriter::export();
    for doc in [obj([("a", n("1"))]), list([]), s("x")] {
        doc.emit(&mut writer);
    }
    assert_eq!(writer.finish(), "{\n    \"a\": 1\n}\n[]\n\"x\"\n");

    let mut writer = JsonWriter::new(JsonStyle::Indented, false);
    writer.begin_list(1);
    writer.null();
    writer.end_list();
    assert_eq!(writer.as_str(), "[\n    null\n]");
}

#[test]
fn string_escapes() {
    let cases = [
        ("plain text", r#""plain text""#),
        ("quote \" backslash \\", r#""quote \" backslash \\""#),
        ("\u{8}\u{c}\n\r\t", r#""\b\f\n\r\t""#),
        ("\u{0}\u{1}\u{1b}\u{1f}", r#""\u0000\u0001\u001b\u001f""#),
        ("del \u{7f} stays", "\"del \u{7f} stays\""),
        ("<a href=\"x\">&amp;</a>", r#""<a href=\"x\">&amp;</a>""#),
        ("line\u{2028}para\u{2029}", r#""line\u2028para\u2029""#),
        (
            "é ü 日本 😀 \u{85} \u{feff}",
            "\"é ü 日本 😀 \u{85} \u{feff}\"",
        ),
        ("€ \u{2000} \u{202f}", "\"€ \u{2000} \u{202f}\""),
        ("", r#""""#),
    ];
    for (input, want) in cases {
        assert_eq!(to_json_compact(&s(input)), want, "{input:?}");
    }
}

#[test]
fn keys_are_escaped_like_strings() {
    let data = obj([("a\"b", n("1")), ("\n", n("2")), ("<", n("3"))]);
    assert_eq!(to_json_compact(&data), r#"{"a\"b":1,"\n":2,"<":3}"#);
}

#[test]
fn html_escaping_on_request() {
    let mut writer = JsonWriter::export().escape_html(true);
    obj([("<k>", s("a&b\u{2028}"))]).emit(&mut writer);
    assert_eq!(
        writer.finish(),
        "{\n    \"\\u003ck\\u003e\": \"a\\u0026b\\u2028\"\n}\n"
    );
}

#[test]
fn bytes_are_base64() {
    let cases: [(&[u8], &str); 6] = [
        (b"", r#""""#),
        (b"f", r#""Zg==""#),
        (b"fo", r#""Zm8=""#),
        (b"foo", r#""Zm9v""#),
        (b"foobar", r#""Zm9vYmFy""#),
        (&[0xff, 0xfe, 0x00, 0x80], r#""//4AgA==""#),
    ];
    for (input, want) in cases {
        assert_eq!(
            to_json_compact(&Data::Bytes(input.to_vec())),
            want,
            "{input:?}"
        );
    }
}

/// `strings/001-escapes` and `strings/002-json-output-escaping`.
#[test]
fn conformance_escapes() {
    let data = obj([
        ("tab", s("a\tb")),
        ("nl", s("line1\nline2")),
        ("quote", s("say \"hi\"")),
        ("backslash", s("C:\\path")),
        ("slash", s("a/b")),
        ("bmp", s("café")),
        ("astral", s("😀")),
        ("bell", s("\u{7}\u{8}\u{c}\u{b}\r")),
        ("html", s("<b>&amp;</b>")),
        ("ctrl", s("x\u{1}y\u{1f}z")),
        ("seps", s("a\u{2028}b\u{2029}c")),
        ("del", s("a\u{7f}b")),
        ("nul", s("a\u{0}b")),
    ]);
    let want = concat!(
        "{\n",
        "    \"tab\": \"a\\tb\",\n",
        "    \"nl\": \"line1\\nline2\",\n",
        "    \"quote\": \"say \\\"hi\\\"\",\n",
        "    \"backslash\": \"C:\\\\path\",\n",
        "    \"slash\": \"a/b\",\n",
        "    \"bmp\": \"café\",\n",
        "    \"astral\": \"😀\",\n",
        "    \"bell\": \"\\u0007\\b\\f\\u000b\\r\",\n",
        "    \"html\": \"<b>&amp;</b>\",\n",
        "    \"ctrl\": \"x\\u0001y\\u001fz\",\n",
        "    \"seps\": \"a\\u2028b\\u2029c\",\n",
        "    \"del\": \"a\u{7f}b\",\n",
        "    \"nul\": \"a\\u0000b\"\n",
        "}\n",
    );
    assert_eq!(to_json(&data), want);
}

/// Go's escaping, one character at a time.
fn reference_escape(value: &str, escape_html: bool) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' if escape_html => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            '\u{0}'..='\u{1f}' | '\u{2028}' | '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

proptest::proptest! {
    #[test]
    fn escaping_matches_the_reference(value in "(?s).{0,40}", html in proptest::bool::ANY) {
        let mut out = String::new();
        crate::export::json::write_string(&mut out, &value, html);
        proptest::prop_assert_eq!(out, reference_escape(&value, html));
    }

    #[test]
    fn escaping_matches_on_awkward_text(value in "[a<>&\"\\\\\n\u{1}\u{7f}é\u{2028}\u{2029}\u{2027}😀 ]{0,40}", html in proptest::bool::ANY) {
        let mut out = String::new();
        crate::export::json::write_string(&mut out, &value, html);
        proptest::prop_assert_eq!(out, reference_escape(&value, html));
    }
}

#[test]
fn deep_nesting() {
    let mut data = n("1");
    for _ in 0..40 {
        data = list([data]);
    }
    let text = to_json(&data);
    assert!(
        text.contains(&format!("\n{}1\n", " ".repeat(160))),
        "{text}"
    );
    assert!(text.ends_with(&format!("\n{}]\n]\n", " ".repeat(4))));
    assert_eq!(text.lines().count(), 81);
}
