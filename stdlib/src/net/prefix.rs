//! IP prefixes (`10.0.0.0/8`) as Go's `netip.ParsePrefix` reads them, and
//! the address arithmetic of `net.AddIP` and `net.AddIPCIDR`.

use super::addr::Addr;
use crate::go_quote::quote;
use num_bigint::{BigInt, Sign};

/// An address and a prefix length (the host bits are kept, as in `netip`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Prefix {
    pub(crate) addr: Addr,
    pub(crate) bits: u32,
}

impl Prefix {
    /// `netip.ParsePrefix`.
    pub(crate) fn parse(s: &str) -> Result<Prefix, String> {
        let err = |msg: &str| format!("netip.ParsePrefix({}): {msg}", quote(s));
        let Some(i) = s.rfind('/') else {
            return Err(err("no '/'"));
        };
        let addr = Addr::parse(&s[..i]).map_err(|e| err(&e))?;
        if !addr.zone().is_empty() {
            return Err(err("IPv6 zones cannot be present in a prefix"));
        }
        let bits_str = &s[i + 1..];
        let bad = || err(&format!("bad bits after slash: {}", quote(bits_str)));
        let first = bits_str.as_bytes().first().copied();
        if bits_str.len() > 1 && !matches!(first, Some(b'1'..=b'9')) {
            return Err(bad());
        }
        if bits_str.is_empty() || !bits_str.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let bits: i64 = bits_str.parse().map_err(|_| bad())?;
        match u32::try_from(bits) {
            Ok(bits) if bits <= addr.bit_len() => Ok(Prefix { addr, bits }),
            _ => Err(err("prefix length out of range")),
        }
    }
}

impl std::fmt::Display for Prefix {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.addr, self.bits)
    }
}

/// `addr + offset` as an address of the same family (the zone is
/// dropped), or Go's under/overflow message.
pub(crate) fn add(addr: &Addr, offset: &BigInt) -> Result<Addr, String> {
    let sum = BigInt::from_bytes_be(Sign::Plus, addr.bytes()) + offset;
    if sum.sign() == Sign::Minus {
        return Err(
            "IP address arithmetic resulted in out-of-range address (underflow)".to_string(),
        );
    }
    let (_, bytes) = sum.to_bytes_be();
    let size = addr.bytes().len();
    let bytes: &[u8] = if sum.sign() == Sign::NoSign {
        &[]
    } else {
        &bytes
    };
    if bytes.len() > size {
        return Err(
            "IP address arithmetic resulted in out-of-range address (overflow)".to_string(),
        );
    }
    let mut out = vec![0u8; size - bytes.len()];
    out.extend_from_slice(bytes);
    Addr::from_slice(&out).ok_or_else(|| "invalid IP".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(s: &str) -> String {
        match Prefix::parse(s) {
            Ok(p) => p.to_string(),
            Err(e) => e,
        }
    }

    #[test]
    fn parses_prefixes_like_netip() {
        assert_eq!(show("10.0.0.0/8"), "10.0.0.0/8");
        assert_eq!(show("2001:db8:a0b:12f0::1/32"), "2001:db8:a0b:12f0::1/32");
        assert_eq!(
            show("172.16.12.3"),
            r#"netip.ParsePrefix("172.16.12.3"): no '/'"#
        );
        assert_eq!(
            show("1.2.3.4/33"),
            r#"netip.ParsePrefix("1.2.3.4/33"): prefix length out of range"#
        );
        assert_eq!(
            show("1.2.3.4/08"),
            r#"netip.ParsePrefix("1.2.3.4/08"): bad bits after slash: "08""#
        );
        assert_eq!(
            show("1.2.3.4/"),
            r#"netip.ParsePrefix("1.2.3.4/"): bad bits after slash: """#
        );
        assert_eq!(
            show("x/8"),
            r#"netip.ParsePrefix("x/8"): ParseAddr("x"): unable to parse IP"#
        );
        assert_eq!(
            show("fe80::1%eth0/64"),
            r#"netip.ParsePrefix("fe80::1%eth0/64"): IPv6 zones cannot be present in a prefix"#
        );
    }
}
