//! YAML output: structure, block scalars, bytes, keys and streams. The
//! expected texts come from cue v0.14.1 (the conformance corpus), from
//! CUE's encoder tests and from go-yaml v3's emitter rules.

use super::{list, n, obj, s};
use crate::export::{to_yaml, Data, YamlWriter};

fn check(cases: Vec<(Data, &str)>) {
    for (data, want) in cases {
        assert_eq!(to_yaml(&data), want, "{data:?}");
    }
}

/// `imports-yaml/001-marshal-struct`.
#[test]
fn conformance_marshal_struct() {
    let data = obj([
        ("name", s("web")),
        ("replicas", n("2")),
        ("ratio", n("1.5")),
        ("on", Data::Bool(true)),
        ("tags", list([s("a"), s("b")])),
        ("empty", list([])),
        ("nested", obj([("x", Data::Null)])),
    ]);
    assert_eq!(
        to_yaml(&data),
        "name: web\nreplicas: 2\nratio: 1.5\n\"on\": true\ntags:\n  - a\n  - b\nempty: []\nnested:\n  x: null\n"
    );
}

/// `imports-yaml/002-marshal-quoting`.
#[test]
fn conformance_marshal_quoting() {
    let data = obj([
        ("s1", s("yes")),
        ("s2", s("1.0")),
        ("s3", s("on")),
        ("s4", s("0x1F")),
        ("s5", s("multi\nline\n")),
        ("s6", s("")),
        ("s7", s("a: b")),
        ("s8", s("null")),
        ("s9", s("- x")),
        ("s10", s("~")),
        ("s11", s(" lead")),
    ]);
    assert_eq!(
        to_yaml(&data),
        "s1: \"yes\"\ns2: \"1.0\"\ns3: \"on\"\ns4: \"0x1F\"\ns5: |\n  multi\n  line\ns6: \"\"\ns7: 'a: b'\ns8: \"null\"\ns9: '- x'\ns10: \"~\"\ns11: ' lead'\n"
    );
}

/// `imports-yaml/003-marshal-stream-and-scalars`.
#[test]
fn conformance_stream_and_scalars() {
    let mut writer = YamlWriter::new();
    obj([("a", n("1"))]).emit(&mut writer);
    obj([("b", n("2"))]).emit(&mut writer);
    assert_eq!(writer.finish(), "a: 1\n---\nb: 2\n");
    check(vec![
        (s("x"), "x\n"),
        (n("12"), "12\n"),
        (list([n("1"), n("2")]), "- 1\n- 2\n"),
    ]);
}

/// `imports-yaml/007-manifest-stream`: Kubernetes objects as a stream.
#[test]
fn conformance_manifest_stream() {
    let labels = || obj([("app", s("notes"))]);
    let deployment = obj([
        ("apiVersion", s("apps/v1")),
        ("kind", s("Deployment")),
        (
            "metadata",
            obj([("name", s("notes")), ("labels", labels())]),
        ),
        (
            "spec",
            obj([
                ("replicas", n("2")),
                ("selector", obj([("matchLabels", labels())])),
                (
                    "template",
                    obj([
                        ("metadata", obj([("labels", labels())])),
                        (
                            "spec",
                            obj([(
                                "containers",
                                list([obj([
                                    ("name", s("notes")),
                                    ("image", s("ghcr.io/example/notes:0.9")),
                                    ("ports", list([obj([("containerPort", n("3000"))])])),
                                ])]),
                            )]),
                        ),
                    ]),
                ),
            ]),
        ),
    ]);
    let service = obj([
        ("apiVersion", s("v1")),
        ("kind", s("Service")),
        ("metadata", obj([("name", s("notes"))])),
        (
            "spec",
            obj([
                ("selector", labels()),
                (
                    "ports",
                    list([obj([("port", n("80")), ("targetPort", n("3000"))])]),
                ),
            ]),
        ),
    ]);
    let config_map = obj([
        ("apiVersion", s("v1")),
        ("kind", s("ConfigMap")),
        ("metadata", obj([("name", s("notes-settings"))])),
        (
            "data",
            obj([
                ("enable-search", s("yes")),
                ("max-notes", s("1000")),
                ("banner", s("Welcome!\nHave fun.\n")),
            ]),
        ),
    ]);
    let mut writer = YamlWriter::new();
    for doc in [deployment, service, config_map] {
        doc.emit(&mut writer);
    }
    assert_eq!(
        writer.finish(),
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: notes\n  labels:\n    app: notes\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: notes\n  template:\n    metadata:\n      labels:\n        app: notes\n    spec:\n      containers:\n        - name: notes\n          image: ghcr.io/example/notes:0.9\n          ports:\n            - containerPort: 3000\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: notes\nspec:\n  selector:\n    app: notes\n  ports:\n    - port: 80\n      targetPort: 3000\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: notes-settings\ndata:\n  enable-search: \"yes\"\n  max-notes: \"1000\"\n  banner: |\n    Welcome!\n    Have fun.\n"
    );
}

#[test]
fn nesting() {
    check(vec![
        // CUE's encoder test "foo".
        (
            obj([
                ("seq", list([n("1"), n("2"), n("3"), obj([("a", n("1")), ("b", n("2"))])])),
                ("a", obj([("b", obj([("c", n("3"))]))])),
                ("b", obj([("x", n("0")), ("y", n("1")), ("z", n("2"))])),
            ]),
            "seq:\n  - 1\n  - 2\n  - 3\n  - a: 1\n    b: 2\na:\n  b:\n    c: 3\nb:\n  x: 0\n  \"y\": 1\n  z: 2\n",
        ),
        (list([list([n("1"), n("2")]), list([]), obj([]), list([obj([("a", n("1")), ("b", list([n("3")]))])])]),
         "- - 1\n  - 2\n- []\n- {}\n- - a: 1\n    b:\n      - 3\n"),
        (list([list([list([s("deep")])])]), "- - - deep\n"),
        (obj([("a", list([list([n("1")]), obj([("b", obj([("c", list([]))]))])]))]),
         "a:\n  - - 1\n  - b:\n      c: []\n"),
        (obj([("k", obj([("l", obj([]))]))]), "k:\n  l: {}\n"),
        (obj([]), "{}\n"),
        (list([]), "[]\n"),
        (Data::Null, "null\n"),
        (Data::Bool(false), "false\n"),
        (n("-1.5E+3"), "-1.5E+3\n"),
        (obj([("n", Data::Null), ("t", Data::Bool(true)), ("f", Data::Bool(false)), ("x", n("1E+3"))]),
         "\"n\": null\n\"t\": true\n\"f\": false\nx: 1E+3\n"),
    ]);
}

#[test]
fn literal_blocks() {
    check(vec![
        (obj([("a", s("x\ny"))]), "a: |-\n  x\n  y\n"),
        (obj([("a", s("x\ny\n"))]), "a: |\n  x\n  y\n"),
        (obj([("a", s("x\n\n"))]), "a: |+\n  x\n\n"),
        (obj([("a", s("\n"))]), "a: |2+\n\n"),
        (obj([("a", s("\nx"))]), "a: |2-\n\n  x\n"),
        (obj([("a", s(" x\ny"))]), "a: |2-\n   x\n  y\n"),
        (obj([("a", s("x\n\n\ny"))]), "a: |-\n  x\n\n\n  y\n"),
        (obj([("a", s("x\n y"))]), "a: |-\n  x\n   y\n"),
        (obj([("a", s("\tx\ny"))]), "a: |2-\n  \tx\n  y\n"),
        (
            obj([("a", s("# not a comment\n- not a list\n"))]),
            "a: |\n  # not a comment\n  - not a list\n",
        ),
        (s("x\ny"), "|-\n  x\n  y\n"),
        (s("x\n"), "|\n  x\n"),
        (list([s("x\ny"), s("z")]), "- |-\n  x\n  y\n- z\n"),
        (
            obj([("l", list([s("a\nb\n")]))]),
            "l:\n  - |\n    a\n    b\n",
        ),
        (
            list([obj([
                ("text", s("{{ range .Alerts }}\n{{ end }}")),
                ("channel", s("#cloudmon")),
            ])]),
            "- text: |-\n    {{ range .Alerts }}\n    {{ end }}\n  channel: '#cloudmon'\n",
        ),
        // What a literal block cannot hold falls back to double quotes.
        (obj([("a", s("x \ny"))]), "a: \"x \\ny\"\n"),
        (obj([("a", s("x\ny "))]), "a: \"x\\ny \"\n"),
        (obj([("a", s("x\r\ny"))]), "a: \"x\\r\\ny\"\n"),
        (obj([("a", s("x\n\u{1}"))]), "a: \"x\\n\\x01\"\n"),
        (obj([("a", s("x\ny\u{2028}"))]), "a: \"x\\ny\\L\"\n"),
    ]);
}

#[test]
fn no_line_folding() {
    let long = "word ".repeat(60) + "end";
    assert_eq!(to_yaml(&obj([("a", s(&long))])), format!("a: {long}\n"));
    let quoted = format!("- {long}");
    assert_eq!(
        to_yaml(&obj([("a", s(&quoted))])),
        format!("a: '{quoted}'\n")
    );
    let escaped = format!("{long}\t");
    assert_eq!(
        to_yaml(&obj([("a", s(&escaped))])),
        format!("a: \"{long}\\t\"\n")
    );
}

#[test]
fn unicode_and_control_characters() {
    check(vec![
        (s("héllo wörld 日本語"), "héllo wörld 日本語\n"),
        (s("\u{a0}nbsp"), "\u{a0}nbsp\n"),
        (s("a\tb"), "\"a\\tb\"\n"),
        (
            s("\u{0}\u{7}\u{8}\u{b}\u{c}\u{d}\u{1b}\u{1}\u{7f}"),
            "\"\\0\\a\\b\\v\\f\\r\\e\\x01\\x7F\"\n",
        ),
        (s("c1 \u{85} \u{9f}"), "\"c1 \\N \\x9F\"\n"),
        (s("emoji 😀"), "\"emoji \\U0001F600\"\n"),
        (s("bom \u{feff} \u{fffe}"), "\"bom \\uFEFF \\uFFFE\"\n"),
        (s("\u{feff}ab"), "\"\\uFEFF\\x61\\x62\"\n"),
        (s("ls\u{2028}ps\u{2029}"), "\"ls\\Lps\\P\"\n"),
        (s("quote\" and \\"), "quote\" and \\\n"),
        (s("\"quoted\""), "'\"quoted\"'\n"),
        (s("it's"), "it's\n"),
        (s("'single'"), "'''single'''\n"),
        (s("tab\t\"q\" \\"), "\"tab\\t\\\"q\\\" \\\\\"\n"),
    ]);
}

#[test]
fn keys() {
    let long = "k".repeat(129);
    check(vec![
        (
            obj([
                ("y", n("1")),
                ("on", n("2")),
                ("", n("3")),
                ("1.5", n("4")),
                ("a b", n("5")),
            ]),
            "\"y\": 1\n\"on\": 2\n\"\": 3\n\"1.5\": 4\na b: 5\n",
        ),
        (
            obj([
                ("#a", n("1")),
                ("a: b", n("2")),
                ("-", n("3")),
                ("?", n("4")),
                ("?x", n("5")),
            ]),
            "'#a': 1\n'a: b': 2\n'-': 3\n'?': 4\n?x: 5\n",
        ),
        (
            obj([("app.kubernetes.io/name", s("x")), ("tab\tkey", n("1"))]),
            "app.kubernetes.io/name: x\n\"tab\\tkey\": 1\n",
        ),
        // CUE's encoder test: a key with a line break.
        (obj([("k\nl", n("3"))]), "? |-\n  k\n  l\n: 3\n"),
        (
            obj([("k\nl", obj([("a", n("1")), ("b", n("2"))]))]),
            "? |-\n  k\n  l\n: a: 1\n  b: 2\n",
        ),
        (
            obj([("k\nl", list([n("1"), n("2")]))]),
            "? |-\n  k\n  l\n: - 1\n  - 2\n",
        ),
        (obj([("k\n", obj([]))]), "? |\n  k\n: {}\n"),
        (obj([("k \nl", n("1"))]), "? \"k \\nl\"\n: 1\n"),
        (obj([("a\u{2028}b", n("1"))]), "? \"a\\Lb\"\n: 1\n"),
        (
            obj([(&"k".repeat(128), n("1"))]),
            &format!("{}: 1\n", "k".repeat(128)),
        ),
        (obj([(&long, n("1"))]), &format!("? {long}\n: 1\n")),
        (
            list([obj([(&long, obj([("x", n("1"))]))])]),
            &format!("- ? {long}\n  : x: 1\n"),
        ),
    ]);
}

#[test]
fn bytes() {
    let long_invalid: Vec<u8> = (0..60u8).map(|i| i | 0x80).collect();
    let mut long_b64 = String::new();
    crate::export::base64::encode_into(&mut long_b64, &long_invalid);
    check(vec![
        (
            obj([("dat", Data::Bytes(vec![0x80]))]),
            "dat: !!binary gA==\n",
        ),
        (
            obj([("dat", Data::Bytes(b"hello".to_vec()))]),
            "dat: !!binary aGVsbG8=\n",
        ),
        (obj([("dat", Data::Bytes(Vec::new()))]), "dat: !!binary\n"),
        (
            list([Data::Bytes(b"hi".to_vec()), Data::Bytes(Vec::new())]),
            "- !!binary aGk=\n- !!binary\n",
        ),
        (
            obj([("dat", Data::Bytes(b"a\nb".to_vec()))]),
            "dat: !!binary |-\n  YQpi\n",
        ),
        (
            obj([("dat", Data::Bytes(vec![0xff; 51]))]),
            &format!("dat: !!binary {}\n", "/".repeat(68)),
        ),
        (
            obj([("dat", Data::Bytes(long_invalid))]),
            &format!("dat: !!binary |-\n  {long_b64}\n"),
        ),
        (Data::Bytes(b"x".to_vec()), "!!binary eA==\n"),
    ]);
}

#[test]
fn streams_of_mixed_documents() {
    let mut writer = YamlWriter::new();
    for doc in [
        s("x"),
        list([]),
        s("a\nb\n"),
        obj([("k", s("v"))]),
        Data::Null,
    ] {
        doc.emit(&mut writer);
    }
    assert_eq!(
        writer.finish(),
        "x\n---\n[]\n---\n|\n  a\n  b\n---\nk: v\n---\nnull\n"
    );
    assert_eq!(YamlWriter::new().finish(), "");
}

/// `kubevela-idioms/028-configmap-from-files`: generated YAML and JSON
/// documents inside an exported ConfigMap.
#[test]
fn conformance_configmap_from_files() {
    use crate::export::{to_json, to_json_compact};
    let route = |path: &str, upstream: &str, timeout: &str| {
        obj([
            ("path", s(path)),
            ("upstream", s(upstream)),
            ("timeoutSeconds", n(timeout)),
        ])
    };
    let routes = obj([(
        "routes",
        list([
            route("/api", "http://api:8080", "30"),
            route("/static", "http://cdn:80", "5"),
        ]),
    )]);
    let features = obj([("gzip", Data::Bool(true)), ("http2", Data::Bool(false))]);
    let output = obj([
        ("apiVersion", s("v1")),
        ("kind", s("ConfigMap")),
        ("metadata", obj([("name", s("gateway-config"))])),
        (
            "data",
            obj([
                ("routes.yaml", s(&to_yaml(&routes))),
                ("features.json", s(&to_json_compact(&features))),
                ("enabled.txt", s("gzip")),
                ("motd.txt", s("hello")),
            ]),
        ),
    ]);
    assert_eq!(
        to_json(&output),
        r#"{
    "apiVersion": "v1",
    "kind": "ConfigMap",
    "metadata": {
        "name": "gateway-config"
    },
    "data": {
        "routes.yaml": "routes:\n  - path: /api\n    upstream: http://api:8080\n    timeoutSeconds: 30\n  - path: /static\n    upstream: http://cdn:80\n    timeoutSeconds: 5\n",
        "features.json": "{\"gzip\":true,\"http2\":false}",
        "enabled.txt": "gzip",
        "motd.txt": "hello"
    }
}
"#
    );
}
