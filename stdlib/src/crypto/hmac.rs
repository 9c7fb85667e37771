//! The `crypto/hmac` package: `Sign` with a hash named by one of the
//! package's constants.

use ::hmac::{KeyInit, Mac, SimpleHmac};
use tenon_eval::builtin::{Args, CallError, Context, Member, Package, Value};

pub static PACKAGE: Package = Package {
    path: "crypto/hmac",
    members: &[
        Member::source("MD5", r#""MD5""#),
        Member::source("SHA1", r#""SHA1""#),
        Member::source("SHA224", r#""SHA224""#),
        Member::source("SHA256", r#""SHA256""#),
        Member::source("SHA384", r#""SHA384""#),
        Member::source("SHA512", r#""SHA512""#),
        Member::source("SHA512_224", r#""SHA512_224""#),
        Member::source("SHA512_256", r#""SHA512_256""#),
        Member::func("Sign", &["hashName", "key", "data"], sign),
    ],
};

/// The HMAC of `data` under `key` with the digest `D` (keys of any
/// length are accepted; longer ones are hashed first).
fn mac<D>(key: &[u8], data: &[u8]) -> Result<Vec<u8>, CallError>
where
    D: ::hmac::digest::Digest + ::hmac::digest::common::BlockSizeUser + Clone,
{
    let mut mac = <SimpleHmac<D> as KeyInit>::new_from_slice(key)
        .map_err(|_| CallError::Failed("invalid key".into()))?;
    mac.update(data);
    Ok(mac.finalize().into_bytes().to_vec())
}

fn sign(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let name = args.string(0)?;
    let key = args.bytes(1)?;
    let data = args.bytes(2)?;
    let sum = match name {
        "MD5" => mac::<::md5::Md5>(key, data),
        "SHA1" => mac::<::sha1::Sha1>(key, data),
        "SHA224" => mac::<::sha2::Sha224>(key, data),
        "SHA256" => mac::<::sha2::Sha256>(key, data),
        "SHA384" => mac::<::sha2::Sha384>(key, data),
        "SHA512" => mac::<::sha2::Sha512>(key, data),
        "SHA512_224" => mac::<::sha2::Sha512_224>(key, data),
        "SHA512_256" => mac::<::sha2::Sha512_256>(key, data),
        _ => return Err(CallError::Failed("unsupported hash function".into())),
    }?;
    Ok(Value::bytes(sum))
}
