//! Subcommands and what they share: finding input files and printing
//! diagnostics.

pub mod catalog;
pub mod def;
pub mod export;
pub mod files;
pub mod fmt;
pub mod inject;
pub mod load;
pub mod parse;
pub mod render;
pub mod report;
pub mod stream;
pub mod vet;
