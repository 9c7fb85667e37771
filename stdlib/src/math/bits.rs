//! The `math/bits` package: bit operations on ints of any size, with Go's
//! two's-complement semantics for negative values.

use crate::goargs;
use num_bigint::BigInt;
use num_traits::{One, Signed, Zero};
use tenon_eval::builtin::{Args, CallError, Context, Member, Package, Value};
use tenon_eval::num::{Int, Number};

pub static PACKAGE: Package = Package {
    path: "math/bits",
    members: &[
        Member::func("And", &["a", "b"], and),
        Member::func("At", &["x", "i"], at),
        Member::func("Clear", &["a", "b"], clear),
        Member::func("Len", &["x"], len),
        Member::func("Lsh", &["x", "n"], lsh),
        Member::func("OnesCount", &["x"], ones_count),
        Member::func("Or", &["a", "b"], or),
        Member::func("Rsh", &["x", "n"], rsh),
        Member::func("Set", &["x", "i", "bit"], set),
        Member::func("Xor", &["a", "b"], xor),
    ],
};

/// The widest result a shift may build, in bits.
const MAX_BITS: u64 = 1 << 26;

fn big(args: &Args, i: usize) -> Result<BigInt, CallError> {
    Ok(args.int(i)?.to_bigint())
}

fn int(v: BigInt) -> Value {
    Value::Number(Number::Int(Int::from_bigint(v)))
}

fn too_large() -> CallError {
    CallError::Failed(format!("result too large (more than {MAX_BITS} bits)"))
}

fn binary(args: &Args, op: fn(&BigInt, &BigInt) -> BigInt) -> Result<Value, CallError> {
    Ok(int(op(&big(args, 0)?, &big(args, 1)?)))
}

fn and(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    binary(args, |a, b| a & b)
}

fn or(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    binary(args, |a, b| a | b)
}

fn xor(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    binary(args, |a, b| a ^ b)
}

/// a &^ b: the bits of a that are not in b.
fn clear(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    binary(args, |a, b| a & !b)
}

fn lsh(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let x = big(args, 0)?;
    let n = goargs::uint_bits(args, 1, 64, "uint64")?;
    if x.is_zero() {
        return Ok(int(x));
    }
    if n.saturating_add(x.bits()) > MAX_BITS {
        return Err(too_large());
    }
    Ok(int(x << n as usize))
}

/// x >> n, rounding toward −∞ as Go does for negative x.
fn rsh(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let x = big(args, 0)?;
    let n = goargs::uint_bits(args, 1, 64, "uint64")?;
    if n >= x.bits() {
        return Ok(int(if x.is_negative() {
            -BigInt::one()
        } else {
            BigInt::zero()
        }));
    }
    Ok(int(x >> n as usize))
}

/// Bit i of x (in two's complement for a negative x).
fn at(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let x = big(args, 0)?;
    let i = goargs::uint_bits(args, 1, 64, "uint64")?;
    if i > 1 << 62 {
        return Err(CallError::Failed("bit index too large".into()));
    }
    Ok(Value::int(i64::from(bit(&x, i))))
}

fn bit(x: &BigInt, i: u64) -> bool {
    if i >= x.bits() {
        return x.is_negative();
    }
    x.bit(i)
}

/// x with bit i set to `bit` (0 or 1).
fn set(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let mut x = big(args, 0)?;
    let i = goargs::int_bits(args, 1, 64, "int64")?;
    let b = goargs::uint_bits(args, 2, 64, "uint64")?;
    if i < 0 {
        return Err(CallError::Failed("negative bit index".into()));
    }
    if b > 1 {
        return Err(CallError::Failed("set bit is not 0 or 1".into()));
    }
    let i = i as u64;
    if i >= MAX_BITS && bit(&x, i) != (b == 1) {
        return Err(too_large());
    }
    x.set_bit(i, b == 1);
    Ok(int(x))
}

/// The number of one bits of |x|.
fn ones_count(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let x = big(args, 0)?;
    let count: u64 = x
        .magnitude()
        .iter_u64_digits()
        .map(|w| u64::from(w.count_ones()))
        .sum();
    Ok(Value::int(count as i64))
}

/// The length of |x| in bits.
fn len(args: &Args, _: &mut dyn Context) -> Result<Value, CallError> {
    let x = big(args, 0)?;
    Ok(Value::int(x.bits() as i64))
}
