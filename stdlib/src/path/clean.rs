//! `Clean`, and the separator conversions it ends with: Go's
//! `filepath.Clean` for each operating system.

use super::os::Os;

/// Go's `filepath.Clean`: the shortest equivalent path, by lexical
/// processing only.
pub(super) fn clean(path: &str, os: Os) -> String {
    let vol_len = os.volume_name_len(path);
    let vol = &path[..vol_len];
    let rest = &path.as_bytes()[vol_len..];
    if rest.is_empty() {
        if vol_len > 1 && path.as_bytes()[1] != b':' {
            // A UNC volume name alone.
            return from_slash(path, os);
        }
        return format!("{path}.");
    }
    let sep = os.separator();
    let rooted = os.is_separator(rest[0]);
    let n = rest.len();
    let mut out: Vec<u8> = Vec::with_capacity(n);
    let (mut r, mut dotdot) = (0, 0);
    if rooted {
        out.push(sep);
        r = 1;
        dotdot = 1;
    }
    while r < n {
        let at_end = |i: usize| i == n || os.is_separator(rest[i]);
        if os.is_separator(rest[r]) || rest[r] == b'.' && at_end(r + 1) {
            // An empty or `.` element.
            r += 1;
        } else if rest[r] == b'.' && rest.get(r + 1) == Some(&b'.') && at_end(r + 2) {
            r += 2;
            if out.len() > dotdot {
                // Back up to the previous separator, dropping it too.
                let mut w = out.len() - 1;
                while w > dotdot && !os.is_separator(out[w]) {
                    w -= 1;
                }
                out.truncate(w);
            } else if !rooted {
                if !out.is_empty() {
                    out.push(sep);
                }
                out.extend_from_slice(b"..");
                dotdot = out.len();
            }
        } else {
            if rooted && out.len() != 1 || !rooted && !out.is_empty() {
                out.push(sep);
            }
            while r < n && !os.is_separator(rest[r]) {
                out.push(rest[r]);
                r += 1;
            }
        }
    }
    if out.is_empty() {
        out.push(b'.');
    }
    // Only ASCII separators and dots were inserted or removed between
    // whole elements, so the bytes are still UTF-8.
    let cleaned = format!("{vol}{}", String::from_utf8_lossy(&out));
    from_slash(&cleaned, os)
}

/// Go's `filepath.FromSlash`: `/` replaced by the separator.
pub(super) fn from_slash(path: &str, os: Os) -> String {
    if os.separator() == b'/' {
        return path.to_string();
    }
    path.replace('/', "\\")
}

/// Go's `filepath.ToSlash`: the separator replaced by `/`.
pub(super) fn to_slash(path: &str, os: Os) -> String {
    if os.separator() == b'/' {
        return path.to_string();
    }
    path.replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_like_go() {
        let unix = |p| clean(p, Os::Unix);
        assert_eq!(unix("abc//def//ghi"), "abc/def/ghi");
        assert_eq!(unix("/../a/./b/../c/"), "/a/c");
        assert_eq!(unix("../../a/.."), "../..");
        assert_eq!(unix(""), ".");
        assert_eq!(unix("a/.."), ".");
        let win = |p| clean(p, Os::Windows);
        assert_eq!(win(r"c:\abc\def\..\.."), r"c:\");
        assert_eq!(win("abc//def//ghi"), r"abc\def\ghi");
        assert_eq!(win(r"\\host\share"), r"\\host\share");
        assert_eq!(win("c:"), "c:.");
        assert_eq!(win("C:a/b"), r"C:a\b");
    }
}
