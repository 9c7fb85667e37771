//! The `crypto/...` packages.

pub mod hmac;
pub mod md5;
pub mod sha1;
pub mod sha256;
pub mod sha512;
