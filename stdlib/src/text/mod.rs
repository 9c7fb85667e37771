//! The `text/...` packages.

pub mod template;
