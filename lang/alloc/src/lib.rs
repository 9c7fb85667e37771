//! The global allocator of the `tenon` binary, its benchmarks and its
//! profiling examples: mimalloc. The parser builds, and the evaluator
//! builds and drops, very many small values, and mimalloc serves them
//! from per-thread free lists.
//!
//! This is a crate of its own, and not `mimalloc::MiMalloc`, because of
//! how an allocation is asked for. `MiMalloc` passes every Rust layout
//! to `mi_malloc_aligned`, and mimalloc serves that from its fast path
//! only while the page of the size class has a free block at hand; when
//! it has not (every few kilobytes of fresh allocation), a block size
//! that is not a power of two (24, 40, 48 bytes…) is over-allocated and
//! aligned by hand, which costs more instructions and a larger block.
//! Every mimalloc block is aligned to at least a machine word, so a
//! layout whose alignment is at most that and at most its size is asked
//! for with plain `mi_malloc`; only larger alignments take the aligned
//! calls. (The standard library's `System` allocator follows the same
//! rule for `malloc`.)
//!
//! ```
//! #[global_allocator]
//! static ALLOCATOR: tenon_alloc::Allocator = tenon_alloc::Allocator;
//! ```

use libmimalloc_sys::{
    mi_free, mi_malloc, mi_malloc_aligned, mi_realloc, mi_realloc_aligned, mi_zalloc,
    mi_zalloc_aligned,
};
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// The alignment every block mimalloc hands out has: block sizes are
/// whole machine words and pages start word-aligned (mimalloc, as a
/// `malloc` replacement, promises at least this to C).
const WORD_ALIGN: usize = std::mem::size_of::<usize>();

/// mimalloc as the global allocator; see the crate documentation.
#[derive(Debug, Clone, Copy, Default)]
pub struct Allocator;

/// Whether plain `mi_malloc(size)` already gives `align`.
#[inline]
fn word_aligned_is_enough(align: usize, size: usize) -> bool {
    align <= WORD_ALIGN && align <= size
}

// SAFETY (all four methods): the pointers come from and go back to
// mimalloc only; a plain call is used only where `word_aligned_is_enough`
// holds, so the block meets the layout's alignment; mimalloc returns null
// on failure, as `GlobalAlloc` expects.
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let (size, align) = (layout.size(), layout.align());
        if word_aligned_is_enough(align, size) {
            unsafe { mi_malloc(size).cast() }
        } else {
            unsafe { mi_malloc_aligned(size, align).cast() }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let (size, align) = (layout.size(), layout.align());
        if word_aligned_is_enough(align, size) {
            unsafe { mi_zalloc(size).cast() }
        } else {
            unsafe { mi_zalloc_aligned(size, align).cast() }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        unsafe { mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let align = layout.align();
        if word_aligned_is_enough(align, new_size) {
            unsafe { mi_realloc(ptr.cast::<c_void>(), new_size).cast() }
        } else {
            unsafe { mi_realloc_aligned(ptr.cast::<c_void>(), new_size, align).cast() }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Allocator;
    use std::alloc::{GlobalAlloc, Layout};

    /// Every size and alignment combination comes back aligned, zeroed
    /// when asked, and keeps its bytes through a reallocation.
    #[test]
    fn blocks_are_aligned_zeroed_and_kept() {
        for align in [1usize, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1usize, 3, 8, 12, 24, 40, 48, 100, 1000, 5000, 70_000] {
                let layout = Layout::from_size_align(size, align).expect("valid layout");
                unsafe {
                    let p = Allocator.alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "size {size} align {align}");
                    p.write_bytes(0xAB, size);
                    Allocator.dealloc(p, layout);

                    let z = Allocator.alloc_zeroed(layout);
                    assert_eq!(z as usize % align, 0, "zeroed size {size} align {align}");
                    assert!((0..size).all(|i| *z.add(i) == 0));
                    z.write_bytes(0x5C, size);
                    let grown = size * 3 + 1;
                    let r = Allocator.realloc(z, layout, grown);
                    assert_eq!(r as usize % align, 0, "realloc size {size} align {align}");
                    assert!((0..size).all(|i| *r.add(i) == 0x5C));
                    Allocator.dealloc(r, Layout::from_size_align(grown, align).expect("valid"));
                }
            }
        }
    }
}
