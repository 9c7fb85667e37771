//! Sine, cosine and tangent as Go computes them: Cephes polynomials
//! after reducing the argument modulo π/4 (in three float64 parts, or by
//! Payne–Hanek reduction with the bits of 4/π for huge arguments).

use std::f64::consts::{FRAC_2_PI, FRAC_PI_4};

const SIN: [f64; 6] = [
    f64::from_bits(0x3de5d8fd1fd19ccd),
    f64::from_bits(0xbe5ae5e5a9291f5d),
    f64::from_bits(0x3ec71de3567d48a1),
    f64::from_bits(0xbf2a01a019bfdf03),
    f64::from_bits(0x3f8111111110f7d0),
    f64::from_bits(0xbfc5555555555548),
];

const COS: [f64; 6] = [
    f64::from_bits(0xbda8fa49a0861a9b),
    f64::from_bits(0x3e21ee9d7b4e3f05),
    f64::from_bits(0xbe927e4f7eac4bc6),
    f64::from_bits(0x3efa01a019c844f5),
    f64::from_bits(0xbf56c16c16c14f91),
    f64::from_bits(0x3fa555555555554b),
];

const TAN_P: [f64; 3] = [
    f64::from_bits(0xc0c992d8d24f3f38),
    f64::from_bits(0x413199eca5fc9ddd),
    f64::from_bits(0xc1711fead3299176),
];

const TAN_Q: [f64; 4] = [
    f64::from_bits(0x40cab8a5eeb36572),
    f64::from_bits(0xc13427bc582abc96),
    f64::from_bits(0x4177d98fc2ead8ef),
    f64::from_bits(0xc189afe03cbe5a31),
];

// π/4 in three parts whose products with a small integer are exact.
const PI4A: f64 = f64::from_bits(0x3fe921fb40000000);
const PI4B: f64 = f64::from_bits(0x3e64442d00000000);
const PI4C: f64 = f64::from_bits(0x3ce8469898cc5170);

/// Above this, the three-part reduction loses bits.
const REDUCE_THRESHOLD: f64 = (1u64 << 29) as f64;

/// The binary digits of 4/π: 4/π = Σ M_PI4[i] · 2^(−64i).
const M_PI4: [u64; 20] = [
    0x0000000000000001,
    0x45f306dc9c882a53,
    0xf84eafa3ea69bb81,
    0xb6c52b3278872083,
    0xfca2c757bd778ac3,
    0x6e48dc74849ba5c0,
    0x0c925dd413a32439,
    0xfc3bd63962534e7d,
    0xd1046bea5d768909,
    0xd338e04d68befc82,
    0x7323ac7306a673e9,
    0x3908bf177bf25076,
    0x3ff12fffbc0b301f,
    0xde5e2316b414da3e,
    0xda6cfd9e4f96136e,
    0x9e8c7ecd3cbfd45a,
    0xea4f758fd7cbe2f6,
    0x7a0e73ef14a525d4,
    0xd7f6bf623f1aba10,
    0xac06608df8f6d757,
];

/// x / (π/4) for a large positive x: the octant mod 8 and the remainder
/// (times π/4), by Payne–Hanek reduction.
fn trig_reduce(x: f64) -> (u64, f64) {
    if x < FRAC_PI_4 {
        return (0, x);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1023 - 52;
    let ix = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let pos = (exp + 61) as u64;
    let (digit, shift) = ((pos / 64) as usize, (pos % 64) as u32);
    let word = |i: usize| {
        let hi = M_PI4.get(i).copied().unwrap_or(0);
        let lo = M_PI4.get(i + 1).copied().unwrap_or(0);
        if shift == 0 {
            hi
        } else {
            (hi << shift) | (lo >> (64 - shift))
        }
    };
    let (z0, z1, z2) = (word(digit), word(digit + 1), word(digit + 2));
    let z2hi = ((u128::from(z2) * u128::from(ix)) >> 64) as u64;
    let z1p = u128::from(z1) * u128::from(ix);
    let (z1hi, z1lo) = ((z1p >> 64) as u64, z1p as u64);
    let z0lo = z0.wrapping_mul(ix);
    let (lo, carry) = z1lo.overflowing_add(z2hi);
    let hi = z0lo.wrapping_add(z1hi).wrapping_add(u64::from(carry));
    let mut j = hi >> 61;
    let hi = (hi << 3) | (lo >> 61);
    let lz = hi.leading_zeros();
    let e = 1023u64.wrapping_sub(u64::from(lz) + 1);
    // Shifts by 64 or more give 0, as in Go.
    let shl = |v: u64, n: u32| v.checked_shl(n).unwrap_or(0);
    let shr = |v: u64, n: u32| v.checked_shr(n).unwrap_or(0);
    let mut frac = shl(hi, lz + 1) | shr(lo, 64u32.wrapping_sub(lz + 1));
    frac >>= 64 - 52;
    frac |= e << 52;
    let mut z = f64::from_bits(frac);
    if j & 1 == 1 {
        j += 1;
        j &= 7;
        z -= 1.0;
    }
    (j, z * FRAC_PI_4)
}

/// The octant and the reduced argument of a positive x.
fn reduce(x: f64) -> (u64, f64) {
    if x >= REDUCE_THRESHOLD {
        return trig_reduce(x);
    }
    let mut j = (x * (2.0 * FRAC_2_PI)) as u64;
    let mut y = j as f64;
    if j & 1 == 1 {
        j += 1;
        y += 1.0;
    }
    j &= 7;
    (j, ((x - y * PI4A) - y * PI4B) - y * PI4C)
}

fn sin_poly(z: f64, zz: f64) -> f64 {
    z + z
        * zz
        * ((((((SIN[0] * zz) + SIN[1]) * zz + SIN[2]) * zz + SIN[3]) * zz + SIN[4]) * zz + SIN[5])
}

fn cos_poly(zz: f64) -> f64 {
    1.0 - 0.5 * zz
        + zz * zz
            * ((((((COS[0] * zz) + COS[1]) * zz + COS[2]) * zz + COS[3]) * zz + COS[4]) * zz
                + COS[5])
}

pub(crate) fn cos(x: f64) -> f64 {
    if x.is_nan() || x.is_infinite() {
        return f64::NAN;
    }
    let (mut j, z) = reduce(x.abs());
    let mut sign = false;
    if j > 3 {
        j -= 4;
        sign = !sign;
    }
    if j > 1 {
        sign = !sign;
    }
    let zz = z * z;
    let y = if j == 1 || j == 2 {
        sin_poly(z, zz)
    } else {
        cos_poly(zz)
    };
    if sign {
        -y
    } else {
        y
    }
}

pub(crate) fn sin(x: f64) -> f64 {
    if x == 0.0 || x.is_nan() {
        return x;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    let mut sign = x < 0.0;
    let (mut j, z) = reduce(x.abs());
    if j > 3 {
        sign = !sign;
        j -= 4;
    }
    let zz = z * z;
    let y = if j == 1 || j == 2 {
        cos_poly(zz)
    } else {
        sin_poly(z, zz)
    };
    if sign {
        -y
    } else {
        y
    }
}

pub(crate) fn tan(x: f64) -> f64 {
    if x == 0.0 || x.is_nan() {
        return x;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    let sign = x < 0.0;
    let (j, z) = reduce(x.abs());
    let zz = z * z;
    let mut y = if zz > 1e-14 {
        z + z
            * (zz * ((TAN_P[0] * zz + TAN_P[1]) * zz + TAN_P[2])
                / ((((zz + TAN_Q[0]) * zz + TAN_Q[1]) * zz + TAN_Q[2]) * zz + TAN_Q[3]))
    } else {
        z
    };
    if j & 2 == 2 {
        y = -1.0 / y;
    }
    if sign {
        -y
    } else {
        y
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Within `ulps` units in the last place of `want`.
    pub(crate) fn close(got: f64, want: f64, ulps: u64) -> bool {
        got == want || (got.to_bits() as i64 - want.to_bits() as i64).unsigned_abs() <= ulps
    }

    #[test]
    fn near_the_platform() {
        let mut x = -50.0;
        while x < 50.0 {
            assert!(close(sin(x), x.sin(), 2), "sin {x}");
            assert!(close(cos(x), x.cos(), 2), "cos {x}");
            assert!(close(tan(x), x.tan(), 4), "tan {x}");
            x += 0.37;
        }
        // Huge arguments go through Payne–Hanek reduction; Go's result
        // is within a few tens of units of the correctly rounded one.
        for x in [1e10, 3e15, 1e22, 1e300, f64::MAX] {
            assert!(close(sin(x), x.sin(), 64), "sin {x}");
            assert!(close(cos(x), x.cos(), 64), "cos {x}");
        }
    }
}
