//! The `crypto/...` packages: message digests, HMAC and Ed25519
//! signatures.

pub mod ed25519;
pub mod hmac;
pub mod md5;
pub mod sha1;
pub mod sha256;
pub mod sha512;

use ::sha2::Digest;
use tenon_eval::builtin::{Args, CallError, Value};

/// The digest of argument 0 (bytes, or a string's UTF-8 bytes) as bytes.
fn sum<D: Digest>(args: &Args) -> Result<Value, CallError> {
    Ok(Value::bytes(D::digest(args.bytes(0)?).to_vec()))
}
