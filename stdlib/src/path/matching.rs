//! `Match`: Go's `filepath.Match` shell patterns (`*`, `?`, `[...]` and
//! `\` escapes, which Windows does not have), per operating system.

use super::os::{Default, Os};
use tenon_eval::builtin::{Args, CallError, Context, Value};

/// Go's `ErrBadPattern`.
struct BadPattern;

/// The rune at the start of `s` and its length, invalid bytes reading as
/// U+FFFD of length 1 (Go's `utf8.DecodeRune`).
fn decode(s: &[u8]) -> (Option<char>, usize) {
    let end = s.len().min(4);
    for len in 1..=end {
        if let Ok(text) = std::str::from_utf8(&s[..len]) {
            return (text.chars().next(), len);
        }
    }
    (None, 1)
}

/// Go's `scanChunk`: leading stars, then the pattern up to the next star
/// outside a character class.
fn scan_chunk(mut pattern: &[u8], os: Os) -> (bool, &[u8], &[u8]) {
    let mut star = false;
    while pattern.first() == Some(&b'*') {
        pattern = &pattern[1..];
        star = true;
    }
    let mut in_range = false;
    let mut i = 0;
    while i < pattern.len() {
        match pattern[i] {
            b'\\' if os != Os::Windows && i + 1 < pattern.len() => i += 1,
            b'[' => in_range = true,
            b']' => in_range = false,
            b'*' if !in_range => break,
            _ => {}
        }
        i += 1;
    }
    (star, &pattern[..i], &pattern[i..])
}

/// Go's `getEsc`: a possibly escaped character of a character class.
fn get_esc(chunk: &[u8], os: Os) -> Result<(u32, &[u8]), BadPattern> {
    let mut chunk = chunk;
    match chunk.first() {
        None | Some(b'-' | b']') => return Err(BadPattern),
        Some(b'\\') if os != Os::Windows => {
            chunk = &chunk[1..];
            if chunk.is_empty() {
                return Err(BadPattern);
            }
        }
        _ => {}
    }
    let (r, n) = decode(chunk);
    let rest = &chunk[n..];
    if r.is_none() || rest.is_empty() {
        return Err(BadPattern);
    }
    Ok((r.map_or(0xFFFD, u32::from), rest))
}

/// Go's `matchChunk`: whether `chunk` matches the start of `s`, and the
/// rest of `s`; the whole chunk is checked for syntax either way.
fn match_chunk<'a>(
    mut chunk: &[u8],
    mut s: &'a [u8],
    os: Os,
) -> Result<Option<&'a [u8]>, BadPattern> {
    let sep = os.separator();
    let mut failed = false;
    while let Some(&c) = chunk.first() {
        if !failed && s.is_empty() {
            failed = true;
        }
        match c {
            b'[' => {
                let mut r = 0u32;
                if !failed {
                    let (ch, n) = decode(s);
                    r = ch.map_or(0xFFFD, u32::from);
                    s = &s[n..];
                }
                chunk = &chunk[1..];
                let negated = chunk.first() == Some(&b'^');
                if negated {
                    chunk = &chunk[1..];
                }
                let mut matched = false;
                let mut nrange = 0;
                loop {
                    if chunk.first() == Some(&b']') && nrange > 0 {
                        chunk = &chunk[1..];
                        break;
                    }
                    let (lo, rest) = get_esc(chunk, os)?;
                    chunk = rest;
                    let mut hi = lo;
                    if chunk.first() == Some(&b'-') {
                        let (h, rest) = get_esc(&chunk[1..], os)?;
                        hi = h;
                        chunk = rest;
                    }
                    if lo <= r && r <= hi {
                        matched = true;
                    }
                    nrange += 1;
                }
                if matched == negated {
                    failed = true;
                }
            }
            b'?' => {
                if !failed {
                    if s[0] == sep {
                        failed = true;
                    }
                    let (_, n) = decode(s);
                    s = &s[n..];
                }
                chunk = &chunk[1..];
            }
            _ => {
                if c == b'\\' && os != Os::Windows {
                    chunk = &chunk[1..];
                    if chunk.is_empty() {
                        return Err(BadPattern);
                    }
                }
                if !failed {
                    if chunk[0] != s[0] {
                        failed = true;
                    }
                    s = &s[1..];
                }
                chunk = &chunk[1..];
            }
        }
    }
    Ok(if failed { None } else { Some(s) })
}

/// Go's `filepath.Match(pattern, name)` for `os`.
fn go_match(pattern: &str, name: &str, os: Os) -> Result<bool, BadPattern> {
    let sep = os.separator();
    let mut pattern = pattern.as_bytes();
    let mut name = name.as_bytes();
    'pattern: while !pattern.is_empty() {
        let (star, chunk, rest) = scan_chunk(pattern, os);
        pattern = rest;
        if star && chunk.is_empty() {
            // A trailing star matches the rest unless it has a separator.
            return Ok(!name.contains(&sep));
        }
        let first = match_chunk(chunk, name, os);
        if let Ok(Some(t)) = first {
            if t.is_empty() || !pattern.is_empty() {
                name = t;
                continue;
            }
        }
        first?;
        if star {
            // Try the chunk after skipping i+1 bytes (not a separator).
            let mut i = 0;
            while i < name.len() && name[i] != sep {
                if let Some(t) = match_chunk(chunk, &name[i + 1..], os)? {
                    if pattern.is_empty() && !t.is_empty() {
                        i += 1;
                        continue;
                    }
                    name = t;
                    continue 'pattern;
                }
                i += 1;
            }
        }
        // No match: the rest of the pattern must still be well formed.
        while !pattern.is_empty() {
            let (_, chunk, rest) = scan_chunk(pattern, os);
            pattern = rest;
            match_chunk(chunk, b"", os)?;
        }
        return Ok(false);
    }
    Ok(name.is_empty())
}

/// `path.Match(pattern, name, os)`.
pub(super) fn match_(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let pattern = args.string(0)?;
    let name = args.string(1)?;
    let os = Os::arg(args, 2, Default::Unix)?;
    go_match(pattern, name, os)
        .map(Value::Bool)
        .map_err(|BadPattern| CallError::Failed("syntax error in pattern".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unix(p: &str, n: &str) -> Option<bool> {
        go_match(p, n, Os::Unix).ok()
    }

    #[test]
    fn matches_like_go() {
        assert_eq!(unix("abc", "abc"), Some(true));
        assert_eq!(unix("*", "abc"), Some(true));
        assert_eq!(unix("*c", "abc"), Some(true));
        assert_eq!(unix("a*", "ab/c"), Some(false));
        assert_eq!(unix("a*/b", "abc/b"), Some(true));
        assert_eq!(unix("a*b*c*d*e*/f", "axbxcxdxe/f"), Some(true));
        assert_eq!(unix("ab[c]", "abc"), Some(true));
        assert_eq!(unix("ab[b-d]", "abc"), Some(true));
        assert_eq!(unix("ab[^c]", "abc"), Some(false));
        assert_eq!(unix("a\\*b", "a*b"), Some(true));
        assert_eq!(unix("a?b", "a☺b"), Some(true));
        assert_eq!(unix("[a-ζ]*", "α"), Some(true));
        assert_eq!(unix("*x", "xxx"), Some(true));
        assert_eq!(unix("[]a]", "]"), None);
        assert_eq!(unix("[-]", "-"), None);
        assert_eq!(unix("[x-]", "x"), None);
        assert_eq!(unix("a[", "a"), None);
        assert_eq!(unix("[", "a"), None);
        assert_eq!(unix("*x", "xxx"), Some(true));
        assert_eq!(unix("a*", "xxx"), Some(false));
        assert_eq!(unix("\\", "a"), None);
        assert_eq!(go_match("*.txt", "a/b.txt", Os::Windows).ok(), Some(true));
        assert_eq!(
            go_match("*.zip", r"c:\a\b\file.zip", Os::Windows).ok(),
            Some(false)
        );
    }
}
