//! apd's context arithmetic and functions on known values.

use super::*;

fn d(text: &str) -> Dec {
    Dec::parse(text).unwrap_or_else(Dec::zero)
}

fn show(x: &Dec) -> String {
    x.to_number().map(|n| n.to_string()).unwrap_or_default()
}

#[test]
fn quotients_have_the_full_precision() {
    let q = d("10")
        .quo(&d("4"), PRECISION, Rounding::HalfUp)
        .unwrap_or_else(|_| Dec::zero());
    assert_eq!(q.coeff.to_string().len(), 34);
    assert_eq!(show(&q), "2.500000000000000000000000000000000");
    let q = d("2")
        .quo(&d("3"), PRECISION, Rounding::HalfUp)
        .unwrap_or_else(|_| Dec::zero());
    assert_eq!(show(&q), "0.6666666666666666666666666666666667");
    assert_eq!(
        d("1").quo(&d("0"), 34, Rounding::HalfUp),
        Err(DecError::DivisionByZero)
    );
    assert_eq!(
        d("0").quo(&d("0"), 34, Rounding::HalfUp),
        Err(DecError::DivisionUndefined)
    );
}

#[test]
fn rounding_modes() {
    assert_eq!(show(&d("2.25").round(2, Rounding::HalfUp).0), "2.3");
    assert_eq!(show(&d("2.25").round(2, Rounding::HalfEven).0), "2.2");
    assert_eq!(show(&d("9.99").round(2, Rounding::HalfUp).0), "10");
}

#[test]
fn whole_results_are_ints() {
    assert!(d("3.000").to_number().is_ok_and(|n| n.is_int()));
    assert!(d("1E+3").to_number().is_ok_and(|n| n.is_int()));
    assert!(d("2.5").to_number().is_ok_and(|n| !n.is_int()));
}

#[test]
fn transcendental_values() {
    let r = |x: Result<Dec, DecError>| x.map(|v| show(&v)).unwrap_or_default();
    assert_eq!(
        r(ln(&d("2"), 34, Rounding::HalfUp)),
        "0.6931471805599453094172321214581766"
    );
    assert_eq!(r(exp(&d("1"), 34)), "2.718281828459045235360287471352662");
    assert_eq!(r(exp(&d("3"), 34)), "20.08553692318766774092852965458172");
    assert_eq!(
        r(log10(&d("4"), 34)),
        "0.6020599913279623904274777894489861"
    );
    assert_eq!(r(log2(&d("5"), 34)), "2.321928094887362347870319429489391");
    assert_eq!(
        r(pow(&d("2"), &d("3.5"), 34)),
        "11.31370849898476039041350979367758"
    );
    assert_eq!(
        show(&cbrt(&d("2"), 34)),
        "1.259921049894873164767210607278228"
    );
    assert_eq!(
        show(&cbrt(&d("-0.125"), 34)),
        "-0.5000000000000000000000000000000000"
    );
}
