//! Printing numbers as `cue export` and interpolation print them: ints in
//! decimal, floats as the General Decimal Arithmetic to-scientific-string
//! of their own coefficient and exponent (`1.50`, `1E+3`, `1.0E-10`).

use super::decimal::Decimal;
use super::Number;
use std::fmt;

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.coeff.to_string();
        let n = digits.len() as i64;
        let exp = i64::from(self.exp);
        let adjusted = exp + n - 1;
        if self.neg {
            f.write_str("-")?;
        }
        if exp <= 0 && adjusted >= -6 {
            // Plain notation, with -exp digits after the point.
            if exp == 0 {
                return f.write_str(&digits);
            }
            let point = n + exp;
            if point > 0 {
                let (int_part, frac_part) = digits.split_at(point as usize);
                write!(f, "{int_part}.{frac_part}")
            } else {
                f.write_str("0.")?;
                for _ in 0..-point {
                    f.write_str("0")?;
                }
                f.write_str(&digits)
            }
        } else {
            // Scientific notation: one digit before the point.
            let (first, rest) = digits.split_at(1);
            f.write_str(first)?;
            if !rest.is_empty() {
                write!(f, ".{rest}")?;
            }
            let sign = if adjusted >= 0 { '+' } else { '-' };
            write!(f, "E{sign}{}", adjusted.unsigned_abs())
        }
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::Int(i) => fmt::Display::fmt(i, f),
            Number::Float(d) => fmt::Display::fmt(d, f),
        }
    }
}
