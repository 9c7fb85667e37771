//! The `encoding/hex` package: hexadecimal encoding and `hexdump -C`
//! style dumps, as Go's `encoding/hex`.

use crate::limits::check_output;
use std::fmt::Write;
use tenon_eval::builtin::{Args, CallError, Context, Member, Package, Value};

pub static PACKAGE: Package = Package {
    path: "encoding/hex",
    members: &[
        Member::func("EncodedLen", &["n"], encoded_len),
        Member::func("DecodedLen", &["x"], decoded_len),
        Member::func("Decode", &["s"], decode),
        Member::func("Dump", &["data"], dump),
        Member::func("Encode", &["src"], encode),
    ],
};

/// `hex.EncodedLen(n)`: `n * 2` (Go's int arithmetic).
fn encoded_len(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    Ok(Value::int(args.i64(0)?.wrapping_mul(2)))
}

/// `hex.DecodedLen(x)`: `x / 2`.
fn decoded_len(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    Ok(Value::int(args.i64(0)? / 2))
}

/// `hex.Encode(src)`: lower-case hexadecimal.
fn encode(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let src = args.bytes(0)?;
    check_output(src.len().saturating_mul(2))?;
    let mut out = String::with_capacity(src.len() * 2);
    for b in src {
        let _ = write!(out, "{b:02x}");
    }
    Ok(Value::string(out))
}

/// Go's `InvalidByteError`: the byte as `%#U` (`U+006F 'o'`).
fn invalid_byte(b: u8) -> CallError {
    let c = char::from(b);
    let mut msg = format!("encoding/hex: invalid byte: U+{:04X}", b);
    if crate::unicode::is_print(c) {
        let _ = write!(msg, " '{c}'");
    }
    CallError::Failed(msg)
}

fn from_hex(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

/// `hex.Decode(s)`: the bytes of a hexadecimal string.
fn decode(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let s = args.string(0)?.as_bytes();
    let mut out = Vec::with_capacity(s.len() / 2);
    let mut pairs = s.chunks_exact(2);
    for pair in &mut pairs {
        let hi = from_hex(pair[0]).ok_or_else(|| invalid_byte(pair[0]))?;
        let lo = from_hex(pair[1]).ok_or_else(|| invalid_byte(pair[1]))?;
        out.push(hi << 4 | lo);
    }
    if let [last] = pairs.remainder() {
        // A bad character is reported before the odd length.
        from_hex(*last).ok_or_else(|| invalid_byte(*last))?;
        return Err(CallError::Failed(
            "encoding/hex: odd length hex string".into(),
        ));
    }
    Ok(Value::bytes(out))
}

/// `hex.Dump(data)`: offset, sixteen bytes in hexadecimal and their
/// printable ASCII, per line.
fn dump(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let data = args.bytes(0)?;
    // 79 bytes per line of sixteen input bytes.
    check_output(data.len().div_ceil(16).saturating_mul(79))?;
    let mut out = String::new();
    for (line, chunk) in data.chunks(16).enumerate() {
        // Go prints the offset as 32 bits.
        let offset = (line * 16) as u32;
        let _ = write!(out, "{offset:08x}  ");
        for i in 0..16 {
            match chunk.get(i) {
                Some(b) => {
                    let _ = write!(out, "{b:02x} ");
                }
                None => out.push_str("   "),
            }
            if i == 7 {
                out.push(' ');
            }
        }
        out.push_str(" |");
        for &b in chunk {
            out.push(if (32..=126).contains(&b) {
                char::from(b)
            } else {
                '.'
            });
        }
        out.push_str("|\n");
    }
    Ok(Value::string(out))
}
