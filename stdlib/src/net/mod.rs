//! The `net` package: IP addresses and prefixes (as Go's `net/netip`
//! reads them), host:port pairs, domain names and URL escaping.

mod addr;
mod fqdn;
mod host;
mod ip;
mod prefix;
mod url;

use addr::Addr;
use tenon_eval::builtin::{CallError, Member, Package, Value};

pub static PACKAGE: Package = Package {
    path: "net",
    members: &[
        Member::func("SplitHostPort", &["s"], host::split_host_port),
        Member::func("JoinHostPort", &["host", "port"], host::join_host_port),
        Member::validator("FQDN", &["s"], fqdn::fqdn),
        Member::source("IPv4len", "4"),
        Member::source("IPv6len", "16"),
        Member::func("ParseIP", &["s"], ip::parse_ip),
        Member::validator("IPv4", &["ip"], ip::ipv4),
        Member::validator("IPv6", &["ip"], ip::ipv6),
        Member::validator("IP", &["ip"], ip::ip),
        Member::validator("IPCIDR", &["ip"], ip::ip_cidr),
        Member::validator("LoopbackIP", &["ip"], ip::loopback),
        Member::validator("MulticastIP", &["ip"], ip::multicast),
        Member::validator(
            "InterfaceLocalMulticastIP",
            &["ip"],
            ip::interface_local_multicast,
        ),
        Member::validator("LinkLocalMulticastIP", &["ip"], ip::link_local_multicast),
        Member::validator("LinkLocalUnicastIP", &["ip"], ip::link_local_unicast),
        Member::validator("GlobalUnicastIP", &["ip"], ip::global_unicast),
        Member::validator("UnspecifiedIP", &["ip"], ip::unspecified),
        Member::func("ToIP4", &["ip"], ip::to_ip4),
        Member::func("ToIP16", &["ip"], ip::to_ip16),
        Member::func("IPString", &["ip"], ip::ip_string),
        Member::func("AddIP", &["ip", "offset"], ip::add_ip),
        Member::func("AddIPCIDR", &["ip", "offset"], ip::add_ip_cidr),
        Member::func("PathEscape", &["s"], url::path_escape),
        Member::func("PathUnescape", &["s"], url::path_unescape),
        Member::func("QueryEscape", &["s"], url::query_escape),
        Member::func("QueryUnescape", &["s"], url::query_unescape),
        Member::validator("URL", &["s"], url::url),
        Member::validator("AbsURL", &["s"], url::abs_url),
    ],
};

/// The text of a string or bytes value, `None` for other kinds
/// (`Incomplete` while the value is not known).
fn text_of(v: &Value) -> Result<Option<String>, CallError> {
    match v {
        Value::String(s) => Ok(Some(s.to_string())),
        Value::Bytes(b) => Ok(Some(String::from_utf8_lossy(b).into_owned())),
        Value::Opaque(_) => Err(CallError::Incomplete),
        _ => Ok(None),
    }
}

/// The address a value denotes (CUE's `netGetIP`): a string or bytes in
/// textual form, or a list of 4 or 16 ints in 0..=255. `None` when it
/// denotes no address.
fn addr_of(v: &Value) -> Result<Option<Addr>, CallError> {
    if let Some(text) = text_of(v)? {
        return Ok(Addr::parse(&text).ok());
    }
    let Value::List(items) = v else {
        return Ok(None);
    };
    let mut bytes = Vec::with_capacity(items.len());
    let mut valid = true;
    for item in items {
        match item {
            Value::Opaque(_) => return Err(CallError::Incomplete),
            Value::Number(n) => match n.to_i64().and_then(|b| u8::try_from(b).ok()) {
                Some(b) if n.is_int() => bytes.push(b),
                _ => valid = false,
            },
            _ => valid = false,
        }
    }
    Ok(if valid {
        Addr::from_slice(&bytes)
    } else {
        None
    })
}

/// A value as CUE prints it in these messages (Go's `%q` of a
/// `cue.Value` is its CUE syntax: `"x"`, `[192, 30, 4]`).
fn cue_text(v: &Value) -> String {
    match v {
        Value::List(items) => {
            let items: Vec<String> = items.iter().map(cue_text).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Struct(fields) => {
            let fields: Vec<String> = fields
                .iter()
                .map(|(name, value)| format!("{name}: {}", cue_text(value)))
                .collect();
            format!("{{{}}}", fields.join(", "))
        }
        other => other.to_string(),
    }
}

/// A list of byte values as ints.
fn byte_list(bytes: &[u8]) -> Value {
    Value::List(bytes.iter().map(|&b| Value::int(i64::from(b))).collect())
}
