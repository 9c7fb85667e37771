//! Standard base64 (RFC 4648 alphabet, `=` padding): how JSON and YAML
//! export bytes (Go's `base64.StdEncoding`).

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The length of the encoding of `n` bytes.
pub(super) fn encoded_len(n: usize) -> usize {
    n.div_ceil(3) * 4
}

/// Appends the encoding of `bytes` to `out`.
pub(super) fn encode_into(out: &mut String, bytes: &[u8]) {
    out.reserve(encoded_len(bytes.len()));
    let symbol = |index: u32| char::from(ALPHABET[(index & 0x3f) as usize]);
    let mut chunks = bytes.chunks_exact(3);
    for chunk in &mut chunks {
        let group = u32::from(chunk[0]) << 16 | u32::from(chunk[1]) << 8 | u32::from(chunk[2]);
        out.push(symbol(group >> 18));
        out.push(symbol(group >> 12));
        out.push(symbol(group >> 6));
        out.push(symbol(group));
    }
    match *chunks.remainder() {
        [a] => {
            let group = u32::from(a) << 16;
            out.push(symbol(group >> 18));
            out.push(symbol(group >> 12));
            out.push_str("==");
        }
        [a, b] => {
            let group = u32::from(a) << 16 | u32::from(b) << 8;
            out.push(symbol(group >> 18));
            out.push(symbol(group >> 12));
            out.push(symbol(group >> 6));
            out.push('=');
        }
        _ => {}
    }
}
