//! `Sprintf`, `Sprint` and `Sprintln` against Go's outputs.

use super::*;

fn s(v: &str) -> Val {
    Val::string(v)
}

#[test]
fn printf_like_go() {
    let cases: Vec<(&str, Vec<Val>, &str)> = vec![
        ("%d-%s", vec![Val::Int(5), s("x")], "5-x"),
        (
            "%5d|%-5d|%05d",
            vec![Val::Int(42), Val::Int(42), Val::Int(-42)],
            "   42|42   |-0042",
        ),
        (
            "%x %X %o %b %#x",
            vec![
                Val::Int(255),
                Val::Int(255),
                Val::Int(8),
                Val::Int(5),
                Val::Int(255),
            ],
            "ff FF 10 101 0xff",
        ),
        (
            "%.2f %8.3f %e %g",
            vec![
                Val::Float(1.23456),
                Val::Float(2.5),
                Val::Float(1234.5678),
                Val::Float(0.5),
            ],
            "1.23    2.500 1.234568e+03 0.5",
        ),
        (
            "%q %v %s",
            vec![s("a\"b"), Val::Bool(true), Val::Int(3)],
            "\"a\\\"b\" true %!s(int=3)",
        ),
        ("%d", vec![], "%!d(MISSING)"),
        ("%d", vec![Val::Int(1), s("x")], "1%!(EXTRA string=x)"),
        ("%", vec![], "%!(NOVERB)"),
        ("%[2]d %[1]d", vec![Val::Int(1), Val::Int(2)], "2 1"),
        ("%*d", vec![Val::Int(4), Val::Int(7)], "   7"),
        (
            "%v",
            vec![Val::List(vec![s("a"), Val::Int(1), Val::Nil].into())],
            "[a 1 <nil>]",
        ),
        ("%c%U", vec![Val::Int(65), Val::Int(0x1F600)], "AU+1F600"),
        ("%t", vec![Val::Int(1)], "%!t(int=1)"),
        ("%T %T", vec![Val::Float(1.0), Val::Nil], "float64 <nil>"),
        ("%.3s|%6.2s|", vec![s("abcdef"), s("xyz")], "abc|    xy|"),
        ("% x", vec![s("hi")], "68 69"),
        ("%+d % d", vec![Val::Int(3), Val::Int(3)], "+3  3"),
        ("%%", vec![], "%"),
    ];
    for (format, args, want) in cases {
        assert_eq!(sprintf(format, &args), want, "{format}");
    }
}

#[test]
fn sprint_spaces() {
    assert_eq!(sprint(&[s("a"), Val::Int(1), Val::Int(2), s("b")]), "a1 2b");
    assert_eq!(sprintln(&[s("a"), Val::Int(1)]), "a 1\n");
    assert_eq!(sprint(&[Val::Float(1e6), Val::Nil]), "1e+06 <nil>");
}
