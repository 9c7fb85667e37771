//! The Tenon evaluator (CUE semantics).
//!
//! Work in progress: numbers (`num`) and export writers (`export`) come
//! first; the compiler and the unifier follow.

pub mod export;
pub mod num;
