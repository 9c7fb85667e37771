//! Limits on what a builtin may build: a result that would be enormous
//! is an error, never an allocation attempt.

use tenon_eval::builtin::CallError;

/// The largest string a builtin produces, in bytes (64 MiB).
pub(crate) const MAX_OUTPUT: usize = 64 << 20;

/// `Ok` when a result of `len` bytes is within [`MAX_OUTPUT`].
pub(crate) fn check_output(len: usize) -> Result<(), CallError> {
    if len > MAX_OUTPUT {
        return Err(CallError::Failed(format!(
            "result too large (more than {MAX_OUTPUT} bytes)"
        )));
    }
    Ok(())
}

/// Runs `f` with enough stack for another level of recursion over user
/// input (nested data, templates), growing the stack on the heap when it
/// runs low.
pub(crate) use tenon_eval::stack::with_stack;
