//! Enough stack for recursion over user input: evaluation, export and
//! the builtins recurse as deep as the input nests, and the caller's
//! stack (a test thread, an editor's worker) may be small. More stack is
//! allocated on the heap (by `stacker`) when little is left.
//!
//! Asking `stacker` how much stack is left costs a call and a
//! thread-local lookup every time; evaluation asks hundreds of thousands
//! of times per render. So each thread remembers the address below which
//! the stack is low, and only a frame below it asks `stacker`.

use std::cell::Cell;

/// Stack kept free below every frame that recurses.
const RED_ZONE: usize = 128 * 1024;
/// The size of each stack segment allocated on the heap.
const SEGMENT: usize = 4 * 1024 * 1024;

thread_local! {
    /// The address below which the current stack (the thread's, or the
    /// heap segment being run on) is low; zero before it is known.
    static LOW: Cell<usize> = const { Cell::new(0) };
}

/// Runs `f` with at least the red zone of stack left.
#[inline]
pub fn with_stack<R>(f: impl FnOnce() -> R) -> R {
    let here = stack_address();
    if here > LOW.get() && LOW.get() != 0 {
        return f();
    }
    grow_then(f)
}

/// The slow path: `stacker` checks, runs `f` on a new segment if needed,
/// and the low mark of the stack `f` runs on is set while it runs.
#[inline(never)]
fn grow_then<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(RED_ZONE, SEGMENT, || {
        let _restore = Restore(LOW.replace(low_mark()));
        f()
    })
}

/// Puts back the outer stack's low mark when `f` is done, even if it
/// unwinds: a mark of a heap segment left behind would make every later
/// check on the thread's own stack meaningless.
struct Restore(usize);

impl Drop for Restore {
    fn drop(&mut self) {
        LOW.set(self.0);
    }
}

/// The low mark of the stack this runs on: its limit plus the red zone
/// (zero when the limit is unknown, so that every call asks `stacker`).
fn low_mark() -> usize {
    match stacker::remaining_stack() {
        Some(remaining) => (stack_address() - remaining).saturating_add(RED_ZONE),
        None => 0,
    }
}

/// An address in the current frame: stacks grow down on every platform
/// Tenon runs on, so a smaller address is deeper.
#[inline(always)]
fn stack_address() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

#[cfg(test)]
mod tests {
    use super::with_stack;

    fn depth(n: u64) -> u64 {
        // A frame of a few hundred bytes, so that a million levels need
        // several segments.
        let pad = std::hint::black_box([n; 32]);
        if n == 0 {
            return pad[0];
        }
        with_stack(|| depth(n - 1) + 1)
    }

    #[test]
    fn deep_recursion_on_a_small_thread_does_not_overflow() {
        let result = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(|| depth(1_000_000))
            .expect("thread starts")
            .join()
            .expect("no overflow");
        assert_eq!(result, 1_000_000);
    }
}
