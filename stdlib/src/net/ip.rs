//! The IP functions of `net`: validators, conversions and arithmetic.

use super::addr::Addr;
use super::prefix::{self, Prefix};
use super::{addr_of, byte_list, cue_text, text_of};
use crate::go_quote::quote;
use tenon_eval::builtin::{Args, CallError, Context, Value};

type Result = std::result::Result<Value, CallError>;

/// The address argument `i` denotes, or Go's `invalid IP "x"`.
fn valid_addr(args: &Args, i: usize) -> std::result::Result<Addr, CallError> {
    let value = args.value(i)?;
    addr_of(value)?.ok_or_else(|| CallError::Failed(format!("invalid IP {}", cue_text(value))))
}

/// Whether argument 0 is an address with `property`.
fn check(args: &Args, property: fn(&Addr) -> bool) -> Result {
    let addr = addr_of(args.value(0)?)?;
    Ok(Value::Bool(addr.as_ref().is_some_and(property)))
}

pub(super) fn parse_ip(args: &Args, _: &mut dyn Context) -> Result {
    let s = args.string(0)?;
    match Addr::parse(s) {
        Ok(addr) => Ok(byte_list(addr.bytes())),
        Err(_) => Err(CallError::Failed(format!(
            "invalid IP address {}",
            quote(s)
        ))),
    }
}

pub(super) fn ipv4(args: &Args, _: &mut dyn Context) -> Result {
    check(args, Addr::is4)
}

pub(super) fn ipv6(args: &Args, _: &mut dyn Context) -> Result {
    check(args, Addr::is6)
}

pub(super) fn ip(args: &Args, _: &mut dyn Context) -> Result {
    check(args, |_| true)
}

pub(super) fn loopback(args: &Args, _: &mut dyn Context) -> Result {
    check(args, Addr::is_loopback)
}

pub(super) fn multicast(args: &Args, _: &mut dyn Context) -> Result {
    check(args, Addr::is_multicast)
}

pub(super) fn interface_local_multicast(args: &Args, _: &mut dyn Context) -> Result {
    check(args, Addr::is_interface_local_multicast)
}

pub(super) fn link_local_multicast(args: &Args, _: &mut dyn Context) -> Result {
    check(args, Addr::is_link_local_multicast)
}

pub(super) fn link_local_unicast(args: &Args, _: &mut dyn Context) -> Result {
    check(args, Addr::is_link_local_unicast)
}

pub(super) fn global_unicast(args: &Args, _: &mut dyn Context) -> Result {
    check(args, Addr::is_global_unicast)
}

pub(super) fn unspecified(args: &Args, _: &mut dyn Context) -> Result {
    check(args, Addr::is_unspecified)
}

/// The prefix argument `i` denotes (a string or bytes in CIDR notation).
fn prefix_arg(args: &Args, i: usize) -> std::result::Result<Prefix, CallError> {
    let value = args.value(i)?;
    match text_of(value)? {
        Some(text) => Prefix::parse(&text).map_err(CallError::Failed),
        None => Err(CallError::Unsatisfied(format!(
            "invalid type {} for IP CIDR",
            value.kind_name()
        ))),
    }
}

pub(super) fn ip_cidr(args: &Args, _: &mut dyn Context) -> Result {
    prefix_arg(args, 0).map(|_| Value::Bool(true))
}

pub(super) fn to_ip4(args: &Args, _: &mut dyn Context) -> Result {
    let addr = valid_addr(args, 0)?;
    match addr {
        Addr::V4(b) => Ok(byte_list(&b)),
        other => Err(CallError::Failed(format!(
            "cannot convert {} to IPv4",
            quote(&other.to_string())
        ))),
    }
}

pub(super) fn to_ip16(args: &Args, _: &mut dyn Context) -> Result {
    Ok(byte_list(&valid_addr(args, 0)?.as16()))
}

pub(super) fn ip_string(args: &Args, _: &mut dyn Context) -> Result {
    Ok(Value::string(valid_addr(args, 0)?.to_string()))
}

pub(super) fn add_ip(args: &Args, _: &mut dyn Context) -> Result {
    let offset = args.int(1)?.to_bigint();
    let value = args.value(0)?;
    if let Some(Ok(prefix)) = text_of(value)?.map(|text| Prefix::parse(&text)) {
        let addr = prefix::add(&prefix.addr, &offset).map_err(CallError::Failed)?;
        let bits = prefix.bits;
        return Ok(Value::string(Prefix { addr, bits }.to_string()));
    }
    let addr = valid_addr(args, 0)?;
    let sum = prefix::add(&addr, &offset).map_err(CallError::Failed)?;
    Ok(Value::string(sum.to_string()))
}

pub(super) fn add_ip_cidr(args: &Args, _: &mut dyn Context) -> Result {
    let offset = args.int(1)?.to_bigint();
    let prefix = prefix_arg(args, 0).map_err(|e| match e {
        CallError::Unsatisfied(m) => CallError::Failed(m),
        e => e,
    })?;
    let shifted = offset << (prefix.addr.bit_len() - prefix.bits) as usize;
    let addr = prefix::add(&prefix.addr, &shifted).map_err(CallError::Failed)?;
    let bits = prefix.bits;
    Ok(Value::string(Prefix { addr, bits }.to_string()))
}
