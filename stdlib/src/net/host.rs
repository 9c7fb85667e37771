//! `net.SplitHostPort` and `net.JoinHostPort` (Go's `net` functions).

use super::{addr_of, cue_text};
use tenon_eval::builtin::{Args, CallError, Context, Value};

/// Go's `net.SplitHostPort`, errors included
/// (`address x: missing port in address`).
fn split(hostport: &str) -> Result<(&str, &str), String> {
    let err = |why: &str| format!("address {hostport}: {why}");
    const MISSING_PORT: &str = "missing port in address";
    const TOO_MANY_COLONS: &str = "too many colons in address";
    let Some(i) = hostport.rfind(':') else {
        return Err(err(MISSING_PORT));
    };
    let (host, j, k);
    if hostport.starts_with('[') {
        let Some(end) = hostport.find(']') else {
            return Err(err("missing ']' in address"));
        };
        if end + 1 == hostport.len() {
            return Err(err(MISSING_PORT));
        } else if end + 1 != i {
            if hostport.as_bytes()[end + 1] == b':' {
                return Err(err(TOO_MANY_COLONS));
            }
            return Err(err(MISSING_PORT));
        }
        host = &hostport[1..end];
        (j, k) = (1, end + 1);
    } else {
        host = &hostport[..i];
        if host.contains(':') {
            return Err(err(TOO_MANY_COLONS));
        }
        (j, k) = (0, 0);
    }
    if hostport[j..].contains('[') {
        return Err(err("unexpected '[' in address"));
    }
    if hostport[k..].contains(']') {
        return Err(err("unexpected ']' in address"));
    }
    Ok((host, &hostport[i + 1..]))
}

pub(super) fn split_host_port(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let (host, port) = split(args.string(0)?).map_err(CallError::Failed)?;
    Ok(Value::strings([host, port]))
}

pub(super) fn join_host_port(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let host = match args.value(0)? {
        list @ Value::List(_) => match addr_of(list)? {
            Some(addr) => addr.to_string(),
            None => {
                let text = cue_text(list);
                return Err(CallError::Failed(format!("invalid host {text}")));
            }
        },
        Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        Value::Opaque(_) => return Err(CallError::Incomplete),
        _ => args.string(0)?.to_string(),
    };
    let port = match args.value(1)? {
        Value::String(s) => s.to_string(),
        Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        Value::Opaque(_) => return Err(CallError::Incomplete),
        _ => args.i64(1)?.to_string(),
    };
    Ok(Value::string(if host.contains(':') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    }))
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn splits_like_go() {
        assert_eq!(split("example.com:80"), Ok(("example.com", "80")));
        assert_eq!(split("[::1]:80"), Ok(("::1", "80")));
        assert_eq!(split("[::%lo0]:80"), Ok(("::%lo0", "80")));
        assert_eq!(split(":80"), Ok(("", "80")));
        assert_eq!(
            split("example.com"),
            Err("address example.com: missing port in address".into())
        );
        assert_eq!(
            split("::1:80"),
            Err("address ::1:80: too many colons in address".into())
        );
        assert_eq!(
            split("[::1]"),
            Err("address [::1]: missing port in address".into())
        );
        assert_eq!(
            split("[::1]:80:90"),
            Err("address [::1]:80:90: too many colons in address".into())
        );
        assert_eq!(
            split("a[b:80"),
            Err("address a[b:80: unexpected '[' in address".into())
        );
        assert_eq!(
            split("[a:80"),
            Err("address [a:80: missing ']' in address".into())
        );
    }
}
