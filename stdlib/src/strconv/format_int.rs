//! `FormatInt` and `FormatUint`: ints of any size in bases 2 to 62 (Go's
//! `big.Int.Text`: digits, then lower-case, then upper-case letters).

use tenon_eval::builtin::{Args, CallError, Context, Value};

const DIGITS: &[u8; 62] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// `strconv.FormatInt(i, base)` and `strconv.FormatUint(i, base)`.
pub(super) fn format_int(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let i = args.int(0)?.to_bigint();
    let base = args.i64(1)?;
    let radix = u32::try_from(base)
        .ok()
        .filter(|b| (2..=62).contains(b))
        .ok_or_else(|| CallError::Failed("invalid base".into()))?;
    let mut out = String::new();
    if i.sign() == num_bigint::Sign::Minus {
        out.push('-');
    }
    for d in i.magnitude().to_radix_be(radix) {
        out.push(char::from(DIGITS[usize::from(d)]));
    }
    Ok(Value::string(out))
}
