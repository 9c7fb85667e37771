//! The `encoding/...` packages.

pub mod base64;
pub mod csv;
mod data;
pub mod hex;
pub mod json;
pub mod yaml;
