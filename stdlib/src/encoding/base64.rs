//! The `encoding/base64` package: standard padded base64 (RFC 4648), as
//! Go's `base64.StdEncoding`. Each function takes an encoding first,
//! which must be null (the only encoding CUE supports).

use crate::limits::check_output;
use tenon_eval::builtin::{Args, CallError, Context, Member, Package, Value};

pub static PACKAGE: Package = Package {
    path: "encoding/base64",
    members: &[
        Member::func("EncodedLen", &["encoding", "n"], encoded_len),
        Member::func("DecodedLen", &["encoding", "x"], decoded_len),
        Member::func("Encode", &["encoding", "src"], encode),
        Member::func("Decode", &["encoding", "s"], decode),
    ],
};

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Checks that the encoding argument is null.
fn std_encoding(args: &Args) -> Result<(), CallError> {
    match args.value(0)? {
        Value::Null => Ok(()),
        Value::Opaque(o) if may_be_null(&o.kind_name()) => Err(CallError::Incomplete),
        other => Err(CallError::Failed(format!(
            "base64: unsupported encoding: cannot use value {other} (type {}) as null",
            other.kind_name()
        ))),
    }
}

/// Whether a value of the kinds named `kinds` (`_`, `null|string`) may
/// still become null.
fn may_be_null(kinds: &str) -> bool {
    kinds == "_" || kinds.split('|').any(|k| k == "null")
}

/// `base64.EncodedLen(null, n)`: the length of the encoding of `n` bytes.
fn encoded_len(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    std_encoding(args)?;
    let n = args.i64(1)?;
    Ok(Value::int((n.wrapping_add(2) / 3).wrapping_mul(4)))
}

/// `base64.DecodedLen(null, x)`: the most bytes `x` encoded bytes decode to.
fn decoded_len(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    std_encoding(args)?;
    let x = args.i64(1)?;
    Ok(Value::int((x / 4).wrapping_mul(3)))
}

/// `base64.Encode(null, src)`.
fn encode(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    std_encoding(args)?;
    let src = args.bytes(1)?;
    check_output(src.len().div_ceil(3).saturating_mul(4))?;
    let mut out = String::with_capacity(src.len().div_ceil(3) * 4);
    for chunk in src.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let v = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((v >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    Ok(Value::string(out))
}

fn sextet(c: u8) -> Option<u32> {
    ALPHABET
        .iter()
        .position(|&a| a == c)
        .and_then(|p| u32::try_from(p).ok())
}

/// Go's `CorruptInputError`.
fn corrupt(at: usize) -> CallError {
    CallError::Failed(format!("illegal base64 data at input byte {at}"))
}

/// Go's `decodeQuantum`: one group of up to four characters from
/// `src[si..]` (line breaks skipped), appended to `out`; the new position.
fn decode_quantum(src: &[u8], mut si: usize, out: &mut Vec<u8>) -> Result<usize, CallError> {
    let mut buf = [0u32; 4];
    let mut len = 4;
    let mut j = 0;
    while j < 4 {
        if si == src.len() {
            if j == 0 {
                return Ok(si);
            }
            // Padding is required.
            return Err(corrupt(si - j));
        }
        let c = src[si];
        si += 1;
        if let Some(v) = sextet(c) {
            buf[j] = v;
            j += 1;
            continue;
        }
        if c == b'\n' || c == b'\r' {
            continue;
        }
        if c != b'=' {
            return Err(corrupt(si - 1));
        }
        // Padding: only after two or three characters.
        match j {
            0 | 1 => return Err(corrupt(si - 1)),
            2 => {
                while si < src.len() && (src[si] == b'\n' || src[si] == b'\r') {
                    si += 1;
                }
                if si == src.len() {
                    return Err(corrupt(src.len()));
                }
                if src[si] != b'=' {
                    return Err(corrupt(si - 1));
                }
                si += 1;
            }
            _ => {}
        }
        while si < src.len() && (src[si] == b'\n' || src[si] == b'\r') {
            si += 1;
        }
        if si < src.len() {
            // Nothing may follow the padding.
            return Err(corrupt(si));
        }
        len = j;
        break;
    }
    let v = buf[0] << 18 | buf[1] << 12 | buf[2] << 6 | buf[3];
    let bytes = [(v >> 16) as u8, (v >> 8) as u8, v as u8];
    out.extend_from_slice(&bytes[..len - 1]);
    Ok(si)
}

/// `base64.Decode(null, s)`: the bytes of standard base64 text.
fn decode(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    std_encoding(args)?;
    let src = args.string(1)?.as_bytes();
    let mut out = Vec::with_capacity(src.len() / 4 * 3);
    let mut si = 0;
    while si < src.len() {
        si = decode_quantum(src, si, &mut out)?;
    }
    Ok(Value::bytes(out))
}
