//! IP addresses as Go's `net/netip` parses, prints and classifies them
//! (CUE v0.14's `net` package is built on `netip.ParseAddr`).

use crate::go_quote::quote;
use std::fmt;

/// An IPv4 address, or an IPv6 address with an optional zone. An
/// IPv4-mapped IPv6 address (`::ffff:1.2.3.4`) stays IPv6, as in `netip`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Addr {
    V4([u8; 4]),
    V6([u8; 16], String),
}

/// `netip.ParseAddr`'s error: `ParseAddr("x"): msg (at "rest")`.
fn addr_error(input: &str, msg: &str, at: Option<&str>) -> String {
    match at {
        Some(at) if !at.is_empty() => {
            format!("ParseAddr({}): {msg} (at {})", quote(input), quote(at))
        }
        _ => format!("ParseAddr({}): {msg}", quote(input)),
    }
}

impl Addr {
    /// `netip.ParseAddr`.
    pub(crate) fn parse(s: &str) -> Result<Addr, String> {
        for b in s.bytes() {
            match b {
                b'.' => return parse_v4(s).map(Addr::V4),
                b':' => return parse_v6(s),
                b'%' => return Err(addr_error(s, "missing IPv6 address", None)),
                _ => {}
            }
        }
        Err(addr_error(s, "unable to parse IP", None))
    }

    /// `netip.AddrFromSlice`: 4 or 16 bytes.
    pub(crate) fn from_slice(bytes: &[u8]) -> Option<Addr> {
        if let Ok(v4) = <[u8; 4]>::try_from(bytes) {
            return Some(Addr::V4(v4));
        }
        <[u8; 16]>::try_from(bytes)
            .ok()
            .map(|v6| Addr::V6(v6, String::new()))
    }

    /// The address bytes: 4 for IPv4, 16 for IPv6 (`AsSlice`).
    pub(crate) fn bytes(&self) -> &[u8] {
        match self {
            Addr::V4(b) => b,
            Addr::V6(b, _) => b,
        }
    }

    /// The 16-byte form (`As16`): IPv4 becomes IPv4-mapped IPv6.
    pub(crate) fn as16(&self) -> [u8; 16] {
        match self {
            Addr::V4(b) => {
                let mut out = [0u8; 16];
                out[10] = 0xff;
                out[11] = 0xff;
                out[12..].copy_from_slice(b);
                out
            }
            Addr::V6(b, _) => *b,
        }
    }

    pub(crate) fn is4(&self) -> bool {
        matches!(self, Addr::V4(_))
    }

    pub(crate) fn is6(&self) -> bool {
        matches!(self, Addr::V6(..))
    }

    pub(crate) fn zone(&self) -> &str {
        match self {
            Addr::V4(_) => "",
            Addr::V6(_, zone) => zone,
        }
    }

    /// The number of bits: 32 or 128.
    pub(crate) fn bit_len(&self) -> u32 {
        if self.is4() {
            32
        } else {
            128
        }
    }

    fn is4in6(&self) -> bool {
        match self {
            Addr::V6(b, _) => b[..10].iter().all(|&x| x == 0) && b[10] == 0xff && b[11] == 0xff,
            Addr::V4(_) => false,
        }
    }

    /// An IPv4-mapped address as IPv4 (`Unmap`); others unchanged.
    fn unmap(&self) -> Addr {
        match self {
            Addr::V6(b, _) if self.is4in6() => Addr::V4([b[12], b[13], b[14], b[15]]),
            other => other.clone(),
        }
    }

    fn v6u16(b: &[u8; 16], i: usize) -> u16 {
        u16::from_be_bytes([b[2 * i], b[2 * i + 1]])
    }

    pub(crate) fn is_loopback(&self) -> bool {
        match self.unmap() {
            Addr::V4(b) => b[0] == 127,
            Addr::V6(b, _) => b[..15].iter().all(|&x| x == 0) && b[15] == 1,
        }
    }

    pub(crate) fn is_multicast(&self) -> bool {
        match self.unmap() {
            Addr::V4(b) => b[0] & 0xf0 == 0xe0,
            Addr::V6(b, _) => b[0] == 0xff,
        }
    }

    pub(crate) fn is_interface_local_multicast(&self) -> bool {
        match self {
            Addr::V6(b, _) if !self.is4in6() => Addr::v6u16(b, 0) & 0xff0f == 0xff01,
            _ => false,
        }
    }

    pub(crate) fn is_link_local_multicast(&self) -> bool {
        match self.unmap() {
            Addr::V4(b) => b[0] == 224 && b[1] == 0 && b[2] == 0,
            Addr::V6(b, _) => Addr::v6u16(&b, 0) & 0xff0f == 0xff02,
        }
    }

    pub(crate) fn is_link_local_unicast(&self) -> bool {
        match self.unmap() {
            Addr::V4(b) => b[0] == 169 && b[1] == 254,
            Addr::V6(b, _) => Addr::v6u16(&b, 0) & 0xffc0 == 0xfe80,
        }
    }

    pub(crate) fn is_global_unicast(&self) -> bool {
        let ip = self.unmap();
        if let Addr::V4(b) = ip {
            if b == [0; 4] || b == [255; 4] {
                return false;
            }
        }
        ip != Addr::V6([0; 16], String::new())
            && !ip.is_loopback()
            && !ip.is_multicast()
            && !ip.is_link_local_unicast()
    }

    /// `0.0.0.0` or `::` (without a zone), as `netip` compares them.
    pub(crate) fn is_unspecified(&self) -> bool {
        *self == Addr::V4([0; 4]) || *self == Addr::V6([0; 16], String::new())
    }
}

/// `String`: dotted IPv4, `::ffff:a.b.c.d` for mapped addresses, RFC 5952
/// IPv6 (the first longest run of two or more zero groups becomes `::`),
/// then `%zone`.
impl fmt::Display for Addr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (b, zone) = match self {
            Addr::V4(b) => return write!(f, "{}.{}.{}.{}", b[0], b[1], b[2], b[3]),
            Addr::V6(b, zone) => (b, zone),
        };
        if self.is4in6() {
            write!(f, "::ffff:{}.{}.{}.{}", b[12], b[13], b[14], b[15])?;
        } else {
            let (mut zero_start, mut zero_end) = (usize::MAX, usize::MAX);
            let mut i = 0;
            while i < 8 {
                let mut j = i;
                while j < 8 && Addr::v6u16(b, j) == 0 {
                    j += 1;
                }
                let best = zero_end.wrapping_sub(zero_start);
                if j - i >= 2 && (zero_start == usize::MAX || j - i > best) {
                    zero_start = i;
                    zero_end = j;
                }
                i += 1;
            }
            let mut i = 0;
            while i < 8 {
                if i == zero_start {
                    f.write_str("::")?;
                    i = zero_end;
                    if i >= 8 {
                        break;
                    }
                } else if i > 0 {
                    f.write_str(":")?;
                }
                write!(f, "{:x}", Addr::v6u16(b, i))?;
                i += 1;
            }
        }
        if !zone.is_empty() {
            write!(f, "%{zone}")?;
        }
        Ok(())
    }
}

/// The dotted-quad part of `input[off..end]` (`parseIPv4Fields`).
fn parse_v4_fields(input: &str, off: usize, end: usize) -> Result<[u8; 4], String> {
    let s = input.as_bytes().get(off..end).unwrap_or_default();
    let rest = |i: usize| input.get(off + i..end).unwrap_or_default();
    let mut fields = [0u8; 4];
    let (mut val, mut pos, mut dig_len) = (0u32, 0usize, 0);
    for (i, &c) in s.iter().enumerate() {
        if c.is_ascii_digit() {
            if dig_len == 1 && val == 0 {
                return Err(addr_error(
                    input,
                    "IPv4 field has octet with leading zero",
                    None,
                ));
            }
            val = val * 10 + u32::from(c - b'0');
            dig_len += 1;
            if val > 255 {
                return Err(addr_error(input, "IPv4 field has value >255", None));
            }
        } else if c == b'.' {
            if i == 0 || i == s.len() - 1 || s[i - 1] == b'.' {
                return Err(addr_error(
                    input,
                    "IPv4 field must have at least one digit",
                    Some(rest(i)),
                ));
            }
            if pos == 3 {
                return Err(addr_error(input, "IPv4 address too long", None));
            }
            fields[pos] = val as u8;
            pos += 1;
            val = 0;
            dig_len = 0;
        } else {
            return Err(addr_error(input, "unexpected character", Some(rest(i))));
        }
    }
    if pos < 3 {
        return Err(addr_error(input, "IPv4 address too short", None));
    }
    fields[3] = val as u8;
    Ok(fields)
}

fn parse_v4(s: &str) -> Result<[u8; 4], String> {
    parse_v4_fields(s, 0, s.len())
}

fn hex_digit(c: u8) -> Option<u32> {
    (c as char).to_digit(16)
}

fn parse_v6(input: &str) -> Result<Addr, String> {
    let err = |msg: &str, at: &str| Err(addr_error(input, msg, Some(at)));
    let (mut s, zone) = match input.find('%') {
        Some(i) => {
            let zone = &input[i + 1..];
            if zone.is_empty() {
                return Err(addr_error(input, "zone must be a non-empty string", None));
            }
            (&input[..i], zone)
        }
        None => (input, ""),
    };
    let mut ip = [0u8; 16];
    let mut ellipsis: Option<usize> = None;
    if s.starts_with("::") {
        ellipsis = Some(0);
        s = &s[2..];
        if s.is_empty() {
            return Ok(Addr::V6(ip, zone.to_string()));
        }
    }
    let mut i = 0;
    while i < 16 {
        let bytes = s.as_bytes();
        let mut off = 0;
        let mut acc = 0u32;
        while off < bytes.len() {
            let Some(d) = hex_digit(bytes[off]) else {
                break;
            };
            acc = (acc << 4) + d;
            if off > 3 {
                return err("each group must have 4 or less digits", s);
            }
            off += 1;
        }
        if off == 0 {
            return err("each colon-separated field must have at least one digit", s);
        }
        if bytes.get(off) == Some(&b'.') {
            if ellipsis.is_none() && i != 12 {
                return err(
                    "embedded IPv4 address must replace the final 2 fields of the address",
                    s,
                );
            }
            if i + 4 > 16 {
                return err(
                    "too many hex fields to fit an embedded IPv4 at the end of the address",
                    s,
                );
            }
            let mut end = input.len();
            if !zone.is_empty() {
                end -= zone.len() + 1;
            }
            let v4 = parse_v4_fields(input, end - s.len(), end)?;
            ip[i..i + 4].copy_from_slice(&v4);
            s = "";
            i += 4;
            break;
        }
        ip[i] = (acc >> 8) as u8;
        ip[i + 1] = acc as u8;
        i += 2;
        s = &s[off..];
        if s.is_empty() {
            break;
        }
        if !s.starts_with(':') {
            return err("unexpected character, want colon", s);
        } else if s.len() == 1 {
            return err("colon must be followed by more characters", s);
        }
        s = &s[1..];
        if s.starts_with(':') {
            if ellipsis.is_some() {
                return err("multiple :: in address", s);
            }
            ellipsis = Some(i);
            s = &s[1..];
            if s.is_empty() {
                break;
            }
        }
    }
    if !s.is_empty() {
        return err("trailing garbage after address", s);
    }
    if i < 16 {
        let Some(e) = ellipsis else {
            return Err(addr_error(input, "address string too short", None));
        };
        let n = 16 - i;
        ip.copy_within(e..i, e + n);
        ip[e..e + n].fill(0);
    } else if ellipsis.is_some() {
        return err("the :: must expand to at least one field of zeros", s);
    }
    Ok(Addr::V6(ip, zone.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(s: &str) -> String {
        match Addr::parse(s) {
            Ok(a) => a.to_string(),
            Err(e) => e,
        }
    }

    #[test]
    fn parses_and_prints_like_netip() {
        assert_eq!(show("10.0.0.1"), "10.0.0.1");
        assert_eq!(show("2001:db8::1"), "2001:db8::1");
        assert_eq!(show("::"), "::");
        assert_eq!(show("::1"), "::1");
        assert_eq!(show("::ffff:1.2.3.4"), "::ffff:1.2.3.4");
        assert_eq!(show("0:0:0:0:0:0:23.23.23.23"), "::1717:1717");
        assert_eq!(show("1:0:0:2:0:0:0:3"), "1:0:0:2::3");
        assert_eq!(show("1:0:0:2:0:0:3:4"), "1::2:0:0:3:4");
        assert_eq!(show("fe80::1%eth0"), "fe80::1%eth0");
        assert_eq!(show("FF02::1:3"), "ff02::1:3");
        assert_eq!(
            show("2001:db8::1234567"),
            r#"ParseAddr("2001:db8::1234567"): each group must have 4 or less digits (at "1234567")"#
        );
        assert_eq!(
            show("23.23.23.2333"),
            r#"ParseAddr("23.23.23.2333"): IPv4 field has value >255"#
        );
        assert_eq!(
            show("1.2.3"),
            r#"ParseAddr("1.2.3"): IPv4 address too short"#
        );
        assert_eq!(
            show("01.2.3.4"),
            r#"ParseAddr("01.2.3.4"): IPv4 field has octet with leading zero"#
        );
        assert_eq!(show("x"), r#"ParseAddr("x"): unable to parse IP"#);
        assert_eq!(show("%x"), r#"ParseAddr("%x"): missing IPv6 address"#);
        assert_eq!(
            show("1::2::3"),
            r#"ParseAddr("1::2::3"): multiple :: in address (at ":3")"#
        );
        assert_eq!(show("1:2"), r#"ParseAddr("1:2"): address string too short"#);
        assert_eq!(
            show("1:2:3:4:5:6:7:8::"),
            r#"ParseAddr("1:2:3:4:5:6:7:8::"): the :: must expand to at least one field of zeros"#
        );
        assert_eq!(
            show("1.2.3.4.5"),
            r#"ParseAddr("1.2.3.4.5"): IPv4 address too long"#
        );
        assert_eq!(show("::1.2.3.4"), "::102:304");
        assert_eq!(show("1:2:3:4:5:6:7::"), "1:2:3:4:5:6:7:0");
    }

    #[test]
    fn classifies_like_netip() {
        let a = |s: &str| Addr::parse(s).unwrap();
        assert!(a("127.0.0.1").is_loopback());
        assert!(a("::ffff:127.0.0.1").is_loopback());
        assert!(a("::1").is_loopback());
        assert!(a("224.0.0.1").is_multicast());
        assert!(a("224.0.0.1").is_link_local_multicast());
        assert!(a("ff01::1").is_interface_local_multicast());
        assert!(a("ff02::1").is_link_local_multicast());
        assert!(a("169.254.1.1").is_link_local_unicast());
        assert!(a("fe80::1").is_link_local_unicast());
        assert!(a("8.8.8.8").is_global_unicast());
        assert!(a("10.0.0.1").is_global_unicast());
        assert!(!a("255.255.255.255").is_global_unicast());
        assert!(a("0.0.0.0").is_unspecified());
        assert!(a("::").is_unspecified());
        assert!(!a("::ffff:0.0.0.0").is_unspecified());
    }
}
