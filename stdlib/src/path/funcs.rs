//! The path functions other than `Match`, after Go's `path/filepath`.

use super::clean::{clean as go_clean, from_slash as go_from_slash, to_slash as go_to_slash};
use super::os::{Default, Os};
use tenon_eval::builtin::{Args, CallError, Context, Value};

/// The path argument and the `os` argument after it.
fn path_os(args: &Args, default: Default) -> Result<(&str, Os), CallError> {
    let path = args.string(0)?;
    Ok((path, Os::arg(args, 1, default)?))
}

/// Go's `join` for `os`: the non-empty elements from the first one,
/// separated and cleaned.
fn go_join(elems: &[&str], os: Os) -> String {
    let Some(first) = elems.iter().position(|e| !e.is_empty()) else {
        return String::new();
    };
    let elems = &elems[first..];
    let sep = char::from(os.separator()).to_string();
    if os != Os::Windows {
        return go_clean(&elems.join(&sep), os);
    }
    // Windows: a first element `C:` keeps the path relative to the
    // drive's current directory, and no UNC path appears by accident.
    let head = elems[0];
    if head.len() == 2 && head.as_bytes()[1] == b':' {
        let rest: Vec<&str> = elems[1..]
            .iter()
            .copied()
            .skip_while(|e| e.is_empty())
            .collect();
        return go_clean(&format!("{head}{}", rest.join(&sep)), os);
    }
    let is_unc = |p: &str| os.volume_name_len(p) > 2;
    let joined = go_clean(&elems.join(&sep), os);
    if !is_unc(&joined) {
        return joined;
    }
    let head = go_clean(head, os);
    if is_unc(&head) {
        return joined;
    }
    let tail = go_clean(&elems[1..].join(&sep), os);
    if head.ends_with('\\') {
        format!("{head}{tail}")
    } else {
        format!("{head}\\{tail}")
    }
}

/// `path.Split(path, os)`: `[dir, file]`, split after the final separator.
pub(super) fn split(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (path, os) = path_os(args, Default::Unix)?;
    let vol = os.volume_name_len(path);
    let b = path.as_bytes();
    let mut i = b.len();
    while i > vol && !os.is_separator(b[i - 1]) {
        i -= 1;
    }
    Ok(Value::strings([&path[..i], &path[i..]]))
}

/// `path.SplitList(path, os)`: a list joined by the list separator.
pub(super) fn split_list(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (path, os) = path_os(args, Default::Required)?;
    if path.is_empty() {
        return Ok(Value::List(Vec::new()));
    }
    if os != Os::Windows {
        return Ok(Value::strings(path.split(os.list_separator())));
    }
    // Windows: separators inside double quotes do not split, and the
    // quotes are removed.
    let mut items = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    for (i, c) in path.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => {
                items.push(&path[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&path[start..]);
    Ok(Value::strings(items.iter().map(|s| s.replace('"', ""))))
}

/// `path.Join(elem, os)`.
pub(super) fn join(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let elems = args.string_list(0)?;
    let os = Os::arg(args, 1, Default::Unix)?;
    Ok(Value::string(go_join(&elems, os)))
}

/// `path.Clean(path, os)`.
pub(super) fn clean(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (path, os) = path_os(args, Default::Unix)?;
    Ok(Value::string(go_clean(path, os)))
}

/// `path.ToSlash(path, os)`.
pub(super) fn to_slash(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (path, os) = path_os(args, Default::Required)?;
    Ok(Value::string(go_to_slash(path, os)))
}

/// `path.FromSlash(path, os)`.
pub(super) fn from_slash(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (path, os) = path_os(args, Default::Required)?;
    Ok(Value::string(go_from_slash(path, os)))
}

/// `path.Ext(path, os)`: the suffix from the final dot of the final element.
pub(super) fn ext(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (path, os) = path_os(args, Default::Unix)?;
    let b = path.as_bytes();
    for i in (0..b.len()).rev() {
        if os.is_separator(b[i]) {
            break;
        }
        if b[i] == b'.' {
            return Ok(Value::string(&path[i..]));
        }
    }
    Ok(Value::string(""))
}

/// `path.Resolve(dir, sub, os)`: `sub` relative to `dir`, cleaned.
pub(super) fn resolve(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let dir = args.string(0)?;
    let sub = args.string(1)?;
    let os = Os::arg(args, 2, Default::Unix)?;
    if os.is_abs(sub) {
        return Ok(Value::string(go_clean(sub, os)));
    }
    let dir = go_clean(dir, os);
    Ok(Value::string(go_join(&[&dir, sub], os)))
}

/// Go's `filepath.Rel`.
fn go_rel(basepath: &str, targpath: &str, os: Os) -> Result<String, CallError> {
    let fail = || CallError::Failed(format!("Rel: can't make {targpath} relative to {basepath}"));
    let base_vol = os.volume_name(basepath);
    let targ_vol = os.volume_name(targpath);
    let base = go_clean(basepath, os);
    let targ = go_clean(targpath, os);
    if os.same_word(&targ, &base) {
        return Ok(".".into());
    }
    let mut base = base.get(base_vol.len()..).unwrap_or("");
    let targ = targ.get(targ_vol.len()..).unwrap_or("");
    if base == "." {
        base = "";
    }
    let sep = os.separator();
    let base_slashed = base.as_bytes().first() == Some(&sep);
    let targ_slashed = targ.as_bytes().first() == Some(&sep);
    if base_slashed != targ_slashed || !os.same_word(base_vol, targ_vol) {
        return Err(fail());
    }
    let (bb, tb) = (base.as_bytes(), targ.as_bytes());
    let (bl, tl) = (bb.len(), tb.len());
    let (mut b0, mut bi, mut t0, mut ti) = (0, 0, 0, 0);
    loop {
        while bi < bl && bb[bi] != sep {
            bi += 1;
        }
        while ti < tl && tb[ti] != sep {
            ti += 1;
        }
        if !os.same_word(&targ[t0..ti], &base[b0..bi]) {
            break;
        }
        if bi < bl {
            bi += 1;
        }
        if ti < tl {
            ti += 1;
        }
        b0 = bi;
        t0 = ti;
        if b0 == bl && t0 == tl {
            // Both exhausted: equal paths (caught above) or a trailing part.
            break;
        }
    }
    if &base[b0..bi] == ".." {
        return Err(fail());
    }
    if b0 != bl {
        let seps = base[b0..bl].bytes().filter(|&c| c == sep).count();
        let sep = char::from(sep);
        let mut out = String::from("..");
        for _ in 0..seps {
            out.push(sep);
            out.push_str("..");
        }
        if t0 != tl {
            out.push(sep);
            out.push_str(&targ[t0..]);
        }
        return Ok(out);
    }
    Ok(targ[t0..].to_string())
}

/// `path.Rel(basepath, targpath, os)`.
pub(super) fn rel(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let basepath = args.string(0)?;
    let targpath = args.string(1)?;
    let os = Os::arg(args, 2, Default::Unix)?;
    Ok(Value::string(go_rel(basepath, targpath, os)?))
}

/// `path.Base(path, os)`: the last element.
pub(super) fn base(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (path, os) = path_os(args, Default::Unix)?;
    if path.is_empty() {
        return Ok(Value::string("."));
    }
    let mut p = path.trim_end_matches(|c: char| c.is_ascii() && os.is_separator(c as u8));
    p = &p[os.volume_name_len(p)..];
    if let Some(i) = p.bytes().rposition(|c| os.is_separator(c)) {
        p = &p[i + 1..];
    }
    if p.is_empty() {
        return Ok(Value::string(char::from(os.separator()).to_string()));
    }
    Ok(Value::string(p))
}

/// `path.Dir(path, os)`: all but the last element, cleaned.
pub(super) fn dir(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (path, os) = path_os(args, Default::Unix)?;
    let vol = os.volume_name(path);
    let b = path.as_bytes();
    let mut i = b.len();
    while i > vol.len() && !os.is_separator(b[i - 1]) {
        i -= 1;
    }
    let dir = go_clean(&path[vol.len()..i], os);
    if dir == "." && vol.len() > 2 {
        // A UNC volume name alone.
        return Ok(Value::string(vol));
    }
    Ok(Value::string(format!("{vol}{dir}")))
}

/// `path.IsAbs(path, os)`.
pub(super) fn is_abs(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (path, os) = path_os(args, Default::Unix)?;
    Ok(Value::Bool(os.is_abs(path)))
}

/// `path.VolumeName(path, os)`: the leading volume name (Windows only;
/// `os` defaults to `windows`).
pub(super) fn volume_name(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (path, os) = path_os(args, Default::Windows)?;
    Ok(Value::string(os.volume_name(path)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_and_relates_like_go() {
        assert_eq!(go_join(&["a", "b"], Os::Unix), "a/b");
        assert_eq!(go_join(&["", ""], Os::Unix), "");
        assert_eq!(go_join(&["C:", "", "", "b"], Os::Windows), "C:b");
        assert_eq!(go_join(&["C:", ""], Os::Windows), "C:.");
        assert_eq!(
            go_join(&[r"C:\Windows\", "System32"], Os::Windows),
            r"C:\Windows\System32"
        );
        assert_eq!(
            go_join(&[r"\\host\share", "foo"], Os::Windows),
            r"\\host\share\foo"
        );
        assert_eq!(go_join(&["/", "/", "a"], Os::Windows), r"\a");
        let rel = |b, t| go_rel(b, t, Os::Unix).unwrap_or_else(|_| "ERR".into());
        assert_eq!(rel("/a/b", "/a/b/c/d"), "c/d");
        assert_eq!(rel("/a/b/c", "/a/x"), "../../x");
        assert_eq!(rel("a/b", "a/b"), ".");
        assert_eq!(rel("/a", "b"), "ERR");
        assert_eq!(rel("../a", "b"), "ERR");
        assert_eq!(rel(".", "a/b"), "a/b");
        // Go does not clean the result.
        assert_eq!(rel("a", "."), "../.");
    }
}
