//! The operating systems' path conventions, and the `os` argument that
//! chooses one.

use tenon_eval::builtin::{Args, CallError};

/// A family of path conventions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Os {
    Unix,
    Windows,
    Plan9,
}

/// Go's `GOOS` values that follow Unix conventions, after the three
/// families (the order of CUE's messages).
const UNIX_LIKE: &[&str] = &[
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "js",
    "linux",
    "nacl",
    "netbsd",
    "openbsd",
    "solaris",
    "zos",
];

/// How a function's `os` argument defaults.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Default {
    Required,
    Unix,
    Windows,
}

impl Os {
    fn from_name(name: &str) -> Option<Os> {
        match name {
            "unix" => Some(Os::Unix),
            "windows" => Some(Os::Windows),
            "plan9" => Some(Os::Plan9),
            _ if UNIX_LIKE.contains(&name) => Some(Os::Unix),
            _ => None,
        }
    }

    /// The `os` argument `i`, or the default when it is left out.
    pub(super) fn arg(args: &Args, i: usize, default: Default) -> Result<Os, CallError> {
        if args.get(i).is_none() {
            return Ok(match default {
                Default::Windows => Os::Windows,
                _ => Os::Unix,
            });
        }
        let name = args.string(i)?;
        Os::from_name(name).ok_or_else(|| {
            let first = match default {
                Default::Windows => ["windows", "unix", "plan9"],
                _ => ["unix", "windows", "plan9"],
            };
            let mut allowed = String::new();
            for (n, os) in first.iter().chain(UNIX_LIKE).enumerate() {
                if n > 0 {
                    allowed.push_str(" | ");
                }
                if n == 0 && default != Default::Required {
                    allowed.push('*');
                }
                allowed.push_str(&format!("\"{os}\""));
            }
            CallError::Argument(format!(
                "cannot use {} as {allowed} in argument {} to {}",
                crate::go_quote::quote(name),
                i + 1,
                args.name()
            ))
        })
    }

    pub(super) fn separator(self) -> u8 {
        match self {
            Os::Windows => b'\\',
            _ => b'/',
        }
    }

    pub(super) fn list_separator(self) -> char {
        match self {
            Os::Unix => ':',
            Os::Windows => ';',
            Os::Plan9 => '\0',
        }
    }

    pub(super) fn is_separator(self, b: u8) -> bool {
        match self {
            Os::Windows => b == b'\\' || b == b'/',
            _ => b == b'/',
        }
    }

    /// The length of the leading volume name: `C:` or `\\host\share` on
    /// Windows, nothing elsewhere.
    pub(super) fn volume_name_len(self, path: &str) -> usize {
        if self != Os::Windows {
            return 0;
        }
        let b = path.as_bytes();
        let l = b.len();
        if l < 2 {
            return 0;
        }
        if b[1] == b':' && b[0].is_ascii_alphabetic() {
            return 2;
        }
        let slash = |c: u8| c == b'\\' || c == b'/';
        // A UNC path: two separators, a server name, a separator and a
        // share name.
        if l >= 5 && slash(b[0]) && slash(b[1]) && !slash(b[2]) && b[2] != b'.' {
            let mut n = 3;
            while n < l - 1 {
                if slash(b[n]) {
                    n += 1;
                    if !slash(b[n]) {
                        if b[n] == b'.' {
                            break;
                        }
                        while n < l && !slash(b[n]) {
                            n += 1;
                        }
                        return n;
                    }
                    break;
                }
                n += 1;
            }
        }
        0
    }

    pub(super) fn volume_name(self, path: &str) -> &str {
        &path[..self.volume_name_len(path)]
    }

    pub(super) fn is_abs(self, path: &str) -> bool {
        match self {
            Os::Unix => path.starts_with('/'),
            Os::Plan9 => path.starts_with('/') || path.starts_with('#'),
            Os::Windows => {
                if is_reserved_name(path) {
                    return true;
                }
                let l = self.volume_name_len(path);
                l != 0
                    && path[l..]
                        .bytes()
                        .next()
                        .is_some_and(|c| self.is_separator(c))
            }
        }
    }

    /// Whether two path elements name the same thing (Windows ignores case).
    pub(super) fn same_word(self, a: &str, b: &str) -> bool {
        match self {
            Os::Windows => equal_fold(a, b),
            _ => a == b,
        }
    }
}

/// Go's `strings.EqualFold`, with Unicode simple case folding approximated
/// by comparing both simple case mappings.
fn equal_fold(a: &str, b: &str) -> bool {
    let fold = |c: char| crate::unicode::to_lower(crate::unicode::to_upper(c));
    a.chars().count() == b.chars().count()
        && a.chars().zip(b.chars()).all(|(x, y)| fold(x) == fold(y))
}

/// Windows' reserved device names (`CON`, `LPT1`, ...), which are absolute.
fn is_reserved_name(path: &str) -> bool {
    const RESERVED: &[&str] = &[
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
        "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];
    !path.is_empty() && RESERVED.iter().any(|r| equal_fold(path, r))
}
