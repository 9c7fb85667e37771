//! Standard base64 (RFC 4648, with padding), for YAML's `!!binary`.
//!
//! As Go's `base64.StdEncoding`, which CUE uses: line breaks (`\r`,
//! `\n`) are skipped, anything else outside the alphabet is an error, and
//! the padding must be complete.

/// The bytes `text` encodes, or `None` when it is not valid base64.
pub(super) fn decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let mut group = [0u8; 4];
    let mut filled = 0;
    let mut padding = 0;
    for b in text.bytes() {
        if b == b'\n' || b == b'\r' {
            continue;
        }
        let value = match b {
            b'=' => {
                // Padding only ends the last group: `xx==` or `xxx=`.
                if filled < 2 {
                    return None;
                }
                padding += 1;
                0
            }
            _ if padding > 0 => return None,
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        group[filled] = value;
        filled += 1;
        if filled == 4 {
            let bits = (u32::from(group[0]) << 18)
                | (u32::from(group[1]) << 12)
                | (u32::from(group[2]) << 6)
                | u32::from(group[3]);
            let bytes = [(bits >> 16) as u8, (bits >> 8) as u8, bits as u8];
            out.extend_from_slice(&bytes[..3 - padding]);
            filled = 0;
            if padding > 0 {
                // Nothing may follow the padded group.
                padding = 3;
            }
        }
    }
    // Incomplete groups and a lone `=` in the last group are errors;
    // after a padded group `padding` is 3, which allows nothing more.
    (filled == 0).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn decodes_standard_base64() {
        assert_eq!(decode("aGVsbG8=").as_deref(), Some(&b"hello"[..]));
        assert_eq!(decode("aGVsbA==").as_deref(), Some(&b"hell"[..]));
        assert_eq!(decode("aGVs\nbG8h").as_deref(), Some(&b"hello!"[..]));
        assert_eq!(decode("").as_deref(), Some(&b""[..]));
        assert_eq!(decode("aGVsbG8"), None);
        assert_eq!(decode("aGVsbG8=aGVs"), None);
        assert_eq!(decode("a==="), None);
        assert_eq!(decode("aGV sbG8="), None);
        assert_eq!(decode("aG=s"), None);
    }
}
