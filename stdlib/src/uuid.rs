//! The `uuid` package: RFC 4122 UUIDs as strings, parsed and printed as
//! Go's `github.com/google/uuid` does, and name-based (version 3 and 5)
//! generation.

use ::md5::Md5;
use ::sha1::{Digest, Sha1};
use num_bigint::{BigInt, Sign};
use tenon_eval::builtin::{Args, CallError, Context, Member, Package, Value};
use tenon_eval::num::{Int, Number};

pub static PACKAGE: Package = Package {
    path: "uuid",
    members: &[
        Member::validator("Valid", &["s"], valid),
        Member::func("Parse", &["s"], parse),
        Member::func("ToString", &["x"], to_string),
        Member::func("URN", &["x"], urn),
        Member::func("FromInt", &["i"], from_int),
        Member::func("ToInt", &["x"], to_int),
        Member::func("Variant", &["x"], variant),
        Member::func("Version", &["x"], version),
        Member::func("SHA1", &["space", "data"], sha1),
        Member::func("MD5", &["space", "data"], md5),
        Member::source(
            "ns",
            r#"{
	DNS:  "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
	URL:  "6ba7b811-9dad-11d1-80b4-00c04fd430c8"
	OID:  "6ba7b812-9dad-11d1-80b4-00c04fd430c8"
	X500: "6ba7b814-9dad-11d1-80b4-00c04fd430c8"
	Nil:  "00000000-0000-0000-0000-000000000000"
}"#,
        ),
        Member::source(
            "variants",
            "{Invalid: 0, RFC4122: 1, Reserved: 2, Microsoft: 3, Future: 4}",
        ),
    ],
};

type Uuid = [u8; 16];

fn hex_pair(a: u8, b: u8) -> Option<u8> {
    let a = (a as char).to_digit(16)?;
    let b = (b as char).to_digit(16)?;
    Some((a << 4 | b) as u8)
}

/// `uuid.Parse`: the standard form, `urn:uuid:` and `{…}` forms, or 32
/// hex digits; Go's messages otherwise.
fn parse_uuid(s: &str) -> Result<Uuid, String> {
    let b = s.as_bytes();
    let mut uuid = [0u8; 16];
    let body: &[u8] = match b.len() {
        36 => b,
        45 => {
            if !b[..9].eq_ignore_ascii_case(b"urn:uuid:") {
                let prefix = String::from_utf8_lossy(&b[..9]);
                return Err(format!(
                    "invalid urn prefix: {}",
                    crate::go_quote::quote(&prefix)
                ));
            }
            &b[9..]
        }
        38 => &b[1..],
        32 => {
            for (i, byte) in uuid.iter_mut().enumerate() {
                *byte = hex_pair(b[2 * i], b[2 * i + 1])
                    .ok_or_else(|| "invalid UUID format".to_string())?;
            }
            return Ok(uuid);
        }
        n => return Err(format!("invalid UUID length: {n}")),
    };
    if body[8] != b'-' || body[13] != b'-' || body[18] != b'-' || body[23] != b'-' {
        return Err("invalid UUID format".into());
    }
    const AT: [usize; 16] = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
    for (byte, x) in uuid.iter_mut().zip(AT) {
        *byte = hex_pair(body[x], body[x + 1]).ok_or_else(|| "invalid UUID format".to_string())?;
    }
    Ok(uuid)
}

/// The canonical form: lower-case hex in groups of 8-4-4-4-12.
fn format_uuid(u: &Uuid) -> String {
    let hex: String = u.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

fn uuid_arg(args: &Args, i: usize) -> Result<Uuid, CallError> {
    parse_uuid(args.string(i)?).map_err(CallError::Failed)
}

fn valid(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let s = args.string(0)?;
    let b = s.as_bytes();
    let ok = b.len() == 36
        && b.iter().enumerate().all(|(i, &c)| match i {
            8 | 13 | 18 | 23 => c == b'-',
            _ => c.is_ascii_digit() || (b'a'..=b'f').contains(&c),
        });
    if ok {
        Ok(Value::Bool(true))
    } else {
        Err(CallError::Unsatisfied(format!(
            "invalid UUID {}",
            crate::go_quote::quote(s)
        )))
    }
}

fn parse(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    Ok(Value::string(format_uuid(&uuid_arg(args, 0)?)))
}

fn to_string(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    Ok(Value::string(args.string(0)?))
}

fn urn(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    Ok(Value::string(format!(
        "urn:uuid:{}",
        format_uuid(&uuid_arg(args, 0)?)
    )))
}

fn from_int(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (_, bytes) = args.int(0)?.to_bigint().to_bytes_be();
    let bytes: &[u8] = if bytes == [0] { &[] } else { &bytes };
    if bytes.len() > 16 {
        return Err(CallError::Failed(format!(
            "invalid UUID (got {} bytes)",
            bytes.len()
        )));
    }
    let mut uuid = [0u8; 16];
    uuid[16 - bytes.len()..].copy_from_slice(bytes);
    Ok(Value::string(format_uuid(&uuid)))
}

/// The string's bytes read as a big-endian number (CUE reads the text,
/// not the 128-bit value).
fn to_int(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let n = BigInt::from_bytes_be(Sign::Plus, args.string(0)?.as_bytes());
    Ok(Value::Number(Number::Int(Int::from_bigint(n))))
}

fn variant(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let b = uuid_arg(args, 0)?[8];
    let v = if b & 0xc0 == 0x80 {
        1
    } else if b & 0xe0 == 0xc0 {
        3
    } else if b & 0xe0 == 0xe0 {
        4
    } else {
        2
    };
    Ok(Value::int(v))
}

fn version(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    Ok(Value::int(i64::from(uuid_arg(args, 0)?[6] >> 4)))
}

/// A name-based UUID: the hash of namespace and name, with the version
/// and RFC 4122 variant bits set.
fn name_based<D: Digest>(args: &Args, version: u8) -> Result<Value, CallError> {
    let space = uuid_arg(args, 0)?;
    let data = args.bytes(1)?;
    let mut hasher = D::new();
    hasher.update(space);
    hasher.update(data);
    let sum = hasher.finalize();
    let mut uuid = [0u8; 16];
    uuid.copy_from_slice(&sum[..16]);
    uuid[6] = (uuid[6] & 0x0f) | (version << 4);
    uuid[8] = (uuid[8] & 0x3f) | 0x80;
    Ok(Value::string(format_uuid(&uuid)))
}

fn sha1(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    name_based::<Sha1>(args, 5)
}

fn md5(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    name_based::<Md5>(args, 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_google_uuid() {
        let want = "052ef62d-7223-58b6-a551-c1deee46d401";
        let ok = |s: &str| parse_uuid(s).map(|u| format_uuid(&u));
        assert_eq!(ok("052ef62d722358b6a551c1deee46d401").as_deref(), Ok(want));
        assert_eq!(
            ok("052EF62D-7223-58B6-A551-C1DEEE46D401").as_deref(),
            Ok(want)
        );
        assert_eq!(
            ok("urn:uuid:052ef62d-7223-58b6-a551-c1deee46d401").as_deref(),
            Ok(want)
        );
        assert_eq!(
            ok("{052ef62d-7223-58b6-a551-c1deee46d401}").as_deref(),
            Ok(want)
        );
        assert_eq!(ok("x"), Err("invalid UUID length: 1".into()));
        assert_eq!(
            ok("052ef62d_7223_58b6_a551_c1deee46d401"),
            Err("invalid UUID format".into())
        );
        assert_eq!(
            ok("urn:uuix:052ef62d-7223-58b6-a551-c1deee46d401"),
            Err(r#"invalid urn prefix: "urn:uuix:""#.into())
        );
    }
}
