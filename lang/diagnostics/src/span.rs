use std::fmt;
use std::num::NonZeroU32;
use std::ops::Range;

/// Identifies a file registered in a [`crate::SourceMap`].
///
/// The index is stored plus one, so that an `Option<Span>` takes no more
/// room than a `Span` (twelve bytes).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(NonZeroU32);

impl FileId {
    /// The file at `index` (the `index`-th file added to a source map).
    pub const fn new(index: u32) -> FileId {
        match NonZeroU32::new(index.wrapping_add(1)) {
            Some(id) => FileId(id),
            None => panic!("file index out of range"),
        }
    }

    /// The file's index in its source map.
    pub const fn index(self) -> u32 {
        self.0.get() - 1
    }
}

impl Default for FileId {
    fn default() -> FileId {
        FileId::new(0)
    }
}

impl fmt::Debug for FileId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "file#{}", self.index())
    }
}

/// A half-open byte range `start..end` in one file.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span {
            file,
            start: clamp_u32(start),
            end: clamp_u32(end),
        }
    }

    /// An empty span at `offset`.
    pub fn point(file: FileId, offset: usize) -> Span {
        Span::new(file, offset, offset)
    }

    /// The smallest span covering `self` and `other` (same file assumed).
    pub fn to(self, other: Span) -> Span {
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

fn clamp_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}@{}..{}", self.file, self.start, self.end)
    }
}
