//! Subcommands and what they share: finding input files and printing
//! diagnostics.

pub mod export;
pub mod files;
pub mod fmt;
pub mod load;
pub mod parse;
pub mod report;
pub mod stream;
pub mod vet;
