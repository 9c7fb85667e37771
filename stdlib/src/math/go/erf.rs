//! The error function and its complement as Go computes them (FreeBSD's
//! msun rational approximations on five intervals).

use super::explog::exp;

const ERX: f64 = f64::from_bits(0x3feb0ac160000000);
const EFX: f64 = f64::from_bits(0x3fc06eba8214db69);
const EFX8: f64 = f64::from_bits(0x3ff06eba8214db69);
const PP0: f64 = f64::from_bits(0x3fc06eba8214db68);
const PP1: f64 = f64::from_bits(0xbfd4cd7d691cb913);
const PP2: f64 = f64::from_bits(0xbf9d2a51dbd7194f);
const PP3: f64 = f64::from_bits(0xbf77a291236668e4);
const PP4: f64 = f64::from_bits(0xbef8ead6120016ac);
const QQ1: f64 = f64::from_bits(0x3fd97779cddadc09);
const QQ2: f64 = f64::from_bits(0x3fb0a54c5536ceba);
const QQ3: f64 = f64::from_bits(0x3f74d022c4d36b0f);
const QQ4: f64 = f64::from_bits(0x3f215dc9221c1a10);
const QQ5: f64 = f64::from_bits(0xbed09c4342a26120);
const PA0: f64 = f64::from_bits(0xbf6359b8bef77538);
const PA1: f64 = f64::from_bits(0x3fda8d00ad92b34d);
const PA2: f64 = f64::from_bits(0xbfd7d240fbb8c3f1);
const PA3: f64 = f64::from_bits(0x3fd45fca805120e4);
const PA4: f64 = f64::from_bits(0xbfbc63983d3e28ec);
const PA5: f64 = f64::from_bits(0x3fa22a36599795eb);
const PA6: f64 = f64::from_bits(0xbf61bf380a96073f);
const QA1: f64 = f64::from_bits(0x3fbb3e6618eee323);
const QA2: f64 = f64::from_bits(0x3fe14af092eb6f33);
const QA3: f64 = f64::from_bits(0x3fb2635cd99fe9a7);
const QA4: f64 = f64::from_bits(0x3fc02660e763351f);
const QA5: f64 = f64::from_bits(0x3f8bedc26b51dd1c);
const QA6: f64 = f64::from_bits(0x3f888b545735151d);
const RA0: f64 = f64::from_bits(0xbf843412600d6435);
const RA1: f64 = f64::from_bits(0xbfe63416e4ba7360);
const RA2: f64 = f64::from_bits(0xc0251e0441b0e726);
const RA3: f64 = f64::from_bits(0xc04f300ae4cba38d);
const RA4: f64 = f64::from_bits(0xc0644cb184282266);
const RA5: f64 = f64::from_bits(0xc067135cebccabb2);
const RA6: f64 = f64::from_bits(0xc054526557e4d2f2);
const RA7: f64 = f64::from_bits(0xc023a0efc69ac25c);
const SA1: f64 = f64::from_bits(0x4033a6b9bd707687);
const SA2: f64 = f64::from_bits(0x4061350c526ae721);
const SA3: f64 = f64::from_bits(0x407b290dd58a1a71);
const SA4: f64 = f64::from_bits(0x40842b1921ec2868);
const SA5: f64 = f64::from_bits(0x407ad02157700314);
const SA6: f64 = f64::from_bits(0x405b28a3ee48ae2c);
const SA7: f64 = f64::from_bits(0x401a47ef8e484a93);
const SA8: f64 = f64::from_bits(0xbfaeeff2ee749a62);
const RB0: f64 = f64::from_bits(0xbf84341239e86f4a);
const RB1: f64 = f64::from_bits(0xbfe993ba70c285de);
const RB2: f64 = f64::from_bits(0xc031c209555f995a);
const RB3: f64 = f64::from_bits(0xc064145d43c5ed98);
const RB4: f64 = f64::from_bits(0xc083ec881375f228);
const RB5: f64 = f64::from_bits(0xc09004616a2e5992);
const RB6: f64 = f64::from_bits(0xc07e384e9bdc383f);
const SB1: f64 = f64::from_bits(0x403e568b261d5190);
const SB2: f64 = f64::from_bits(0x40745cae221b9f0a);
const SB3: f64 = f64::from_bits(0x409802eb189d5118);
const SB4: f64 = f64::from_bits(0x40a8ffb7688c246a);
const SB5: f64 = f64::from_bits(0x40a3f219cedf3be6);
const SB6: f64 = f64::from_bits(0x407da874e79fe763);
const SB7: f64 = f64::from_bits(0xc03670e242712d62);

/// |x| rounded down to 20 significant bits (for an exact square).
fn truncated(x: f64) -> f64 {
    f64::from_bits(x.to_bits() & 0xffffffff00000000)
}

/// erf near zero: x·(1 + R(x²)).
fn small(x: f64) -> f64 {
    let z = x * x;
    let r = PP0 + z * (PP1 + z * (PP2 + z * (PP3 + z * PP4)));
    let s = 1.0 + z * (QQ1 + z * (QQ2 + z * (QQ3 + z * (QQ4 + z * QQ5))));
    r / s
}

/// erf(x) − erx on [0.84375, 1.25].
fn near_one(x: f64) -> f64 {
    let s = x - 1.0;
    let p = PA0 + s * (PA1 + s * (PA2 + s * (PA3 + s * (PA4 + s * (PA5 + s * PA6)))));
    let q = 1.0 + s * (QA1 + s * (QA2 + s * (QA3 + s * (QA4 + s * (QA5 + s * QA6)))));
    p / q
}

/// erfc(x) for x in [1.25, 28).
fn tail(x: f64) -> f64 {
    let s = 1.0 / (x * x);
    let (r, ss) = if x < ONE_OVER_035 {
        (
            RA0 + s * (RA1 + s * (RA2 + s * (RA3 + s * (RA4 + s * (RA5 + s * (RA6 + s * RA7)))))),
            1.0 + s
                * (SA1
                    + s * (SA2
                        + s * (SA3 + s * (SA4 + s * (SA5 + s * (SA6 + s * (SA7 + s * SA8))))))),
        )
    } else {
        (
            RB0 + s * (RB1 + s * (RB2 + s * (RB3 + s * (RB4 + s * (RB5 + s * RB6))))),
            1.0 + s * (SB1 + s * (SB2 + s * (SB3 + s * (SB4 + s * (SB5 + s * (SB6 + s * SB7)))))),
        )
    };
    let z = truncated(x);
    let r = exp(-z * z - 0.5625) * exp((z - x) * (z + x) + r / ss);
    r / x
}

#[allow(clippy::excessive_precision)]
const ONE_OVER_035: f64 = 2.857142857142857142857142857142857;

pub(crate) fn erf(x: f64) -> f64 {
    const VERY_TINY: f64 = f64::from_bits(0x0080000000000000);
    const SMALL: f64 = 1.0 / (1u64 << 28) as f64;
    if x.is_nan() {
        return f64::NAN;
    }
    if x == f64::INFINITY {
        return 1.0;
    }
    if x == f64::NEG_INFINITY {
        return -1.0;
    }
    let (sign, x) = if x < 0.0 { (true, -x) } else { (false, x) };
    let r = if x < 0.84375 {
        if x < SMALL {
            if x < VERY_TINY {
                0.125 * (8.0 * x + EFX8 * x)
            } else {
                x + EFX * x
            }
        } else {
            x + x * small(x)
        }
    } else if x < 1.25 {
        let pq = near_one(x);
        return if sign { -ERX - pq } else { ERX + pq };
    } else if x >= 6.0 {
        1.0
    } else {
        let t = tail(x);
        return if sign { t - 1.0 } else { 1.0 - t };
    };
    if sign {
        -r
    } else {
        r
    }
}

pub(crate) fn erfc(x: f64) -> f64 {
    const TINY: f64 = 1.0 / (1u64 << 56) as f64;
    if x.is_nan() {
        return f64::NAN;
    }
    if x == f64::INFINITY {
        return 0.0;
    }
    if x == f64::NEG_INFINITY {
        return 2.0;
    }
    let (sign, x) = if x < 0.0 { (true, -x) } else { (false, x) };
    if x < 0.84375 {
        let temp = if x < TINY {
            x
        } else {
            let y = small(x);
            if x < 0.25 {
                x + x * y
            } else {
                0.5 + (x * y + (x - 0.5))
            }
        };
        return if sign { 1.0 + temp } else { 1.0 - temp };
    }
    if x < 1.25 {
        let pq = near_one(x);
        return if sign { 1.0 + ERX + pq } else { 1.0 - ERX - pq };
    }
    if x < 28.0 {
        if sign && x > 6.0 && x >= ONE_OVER_035 {
            return 2.0;
        }
        let t = tail(x);
        return if sign { 2.0 - t } else { t };
    }
    if sign {
        2.0
    } else {
        0.0
    }
}
