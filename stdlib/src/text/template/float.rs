//! Floats as `printf` writes them: Go's `strconv.FormatFloat` for 64-bit
//! floats (shared with the `strconv` package).

use crate::strconv::format_float::format_f64;

/// `strconv.FormatFloat(v, verb, prec, 64)`; `prec` None is -1 (the
/// shortest digits). `verb` is one of `e E f F g G`. A precision too large
/// to write is Go's `%!(BADPREC)`.
pub(super) fn format(v: f64, verb: char, prec: Option<usize>) -> String {
    let verb = if verb == 'F' { b'f' } else { verb as u8 };
    let prec = prec.map_or(-1, |p| i64::try_from(p).unwrap_or(i64::MAX));
    format_f64(v, verb, prec).unwrap_or_else(|_| "%!(BADPREC)".to_string())
}

#[cfg(test)]
mod tests {
    use super::format;

    #[test]
    fn formats_like_go() {
        assert_eq!(format(1.5, 'g', None), "1.5");
        assert_eq!(format(1e6, 'g', None), "1e+06");
        assert_eq!(format(123456.0, 'g', None), "123456");
        assert_eq!(format(1234567.0, 'g', None), "1.234567e+06");
        assert_eq!(format(0.0001, 'g', None), "0.0001");
        assert_eq!(format(0.00001, 'g', None), "1e-05");
        assert_eq!(format(0.0, 'g', None), "0");
        assert_eq!(format(-2.0, 'g', None), "-2");
        assert_eq!(format(1.23456, 'f', Some(2)), "1.23");
        assert_eq!(format(2.5, 'f', Some(0)), "2");
        assert_eq!(format(1.0, 'e', Some(6)), "1.000000e+00");
        assert_eq!(format(123.456, 'e', None), "1.23456e+02");
        assert_eq!(format(1e100, 'E', Some(2)), "1.00E+100");
        assert_eq!(format(123.456, 'g', Some(4)), "123.5");
        assert_eq!(format(123456.0, 'g', Some(3)), "1.23e+05");
        assert_eq!(format(1.0, 'g', Some(3)), "1");
        assert_eq!(format(1e21, 'f', None), "1000000000000000000000");
        assert_eq!(format(1.5e-7, 'f', None), "0.00000015");
    }
}
