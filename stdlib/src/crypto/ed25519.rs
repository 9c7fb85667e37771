//! The `crypto/ed25519` package: checking Ed25519 signatures (RFC 8032),
//! as Go's `crypto/ed25519.Verify` does.

use ::ed25519_dalek::{Signature, Verifier, VerifyingKey};
use tenon_eval::builtin::{Args, CallError, Context, Member, Package, Value};

pub static PACKAGE: Package = Package {
    path: "crypto/ed25519",
    members: &[
        Member::source("PublicKeySize", "32"),
        Member::func("Valid", &["publicKey", "message", "signature"], valid),
    ],
};

/// Whether `signature` is a valid signature of `message` by `publicKey`.
/// Only a public key that is not 32 bytes long is an error; a key that is
/// not a curve point, or a signature of the wrong length or with a
/// non-canonical scalar, is simply not valid.
fn valid(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let key = args.bytes(0)?;
    let message = args.bytes(1)?;
    let signature = args.bytes(2)?;
    let key: &[u8; 32] = key
        .try_into()
        .map_err(|_| CallError::Failed("ed25519: publicKey must be 32 bytes".into()))?;
    let Ok(signature) = <&[u8; 64]>::try_from(signature) else {
        return Ok(Value::Bool(false));
    };
    let valid = VerifyingKey::from_bytes(key).is_ok_and(|key| {
        key.verify(message, &Signature::from_bytes(signature))
            .is_ok()
    });
    Ok(Value::Bool(valid))
}
