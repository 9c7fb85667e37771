//! The `math` package: constants, decimal functions computed as CUE
//! computes them with apd (34 digits), and functions CUE computes in
//! float64 as Go's `math` package does.

pub mod bits;
mod decimal_fns;
mod float;
mod go;
mod rounding;

use tenon_eval::builtin::{Member, Package};

pub static PACKAGE: Package = Package {
    path: "math",
    members: &[
        // Constants of math/big.
        Member::source("MaxExp", "2147483647"),
        Member::source("MinExp", "-2147483648"),
        Member::source("MaxPrec", "4294967295"),
        Member::source("ToNearestEven", "0"),
        Member::source("ToNearestAway", "1"),
        Member::source("ToZero", "2"),
        Member::source("AwayFromZero", "3"),
        Member::source("ToNegativeInf", "4"),
        Member::source("ToPositiveInf", "5"),
        Member::source("Below", "-1"),
        Member::source("Exact", "0"),
        Member::source("Above", "1"),
        Member::source("MaxBase", "62"),
        // Mathematical constants, with CUE's digits.
        Member::source(
            "E",
            "2.71828182845904523536028747135266249775724709369995957496696763",
        ),
        Member::source(
            "Pi",
            "3.14159265358979323846264338327950288419716939937510582097494459",
        ),
        Member::source(
            "Phi",
            "1.61803398874989484820458683436563811772030917980576286213544861",
        ),
        Member::source(
            "Sqrt2",
            "1.41421356237309504880168872420969807856967187537694807317667974",
        ),
        Member::source(
            "SqrtE",
            "1.64872127070012814684865078781416357165377610071014801157507931",
        ),
        Member::source(
            "SqrtPi",
            "1.77245385090551602729816748334114518279754945612238712821380779",
        ),
        Member::source(
            "SqrtPhi",
            "1.27201964951406896425242246173749149171560804184009624861664038",
        ),
        Member::source(
            "Ln2",
            "0.693147180559945309417232121458176568075500134360255254120680009",
        ),
        Member::source(
            "Log2E",
            "1.442695040888963407359924681001892137426645954152985934135449408",
        ),
        Member::source(
            "Ln10",
            "2.3025850929940456840179914546843642076011014886287729760333278",
        ),
        Member::source(
            "Log10E",
            "0.43429448190325182765112891891660508229439700580366656611445378",
        ),
        // Rounding to ints, and other exact decimal functions.
        Member::func("Floor", &["x"], rounding::floor),
        Member::func("Ceil", &["x"], rounding::ceil),
        Member::func("Trunc", &["x"], rounding::trunc),
        Member::func("Round", &["x"], rounding::round),
        Member::func("RoundToEven", &["x"], rounding::round_to_even),
        Member::validator("MultipleOf", &["x", "y"], rounding::multiple_of),
        Member::func("Abs", &["x"], rounding::abs),
        Member::func("Copysign", &["x", "y"], rounding::copysign),
        Member::func("Dim", &["x", "y"], rounding::dim),
        Member::func("Signbit", &["x"], rounding::signbit),
        Member::func("Pow10", &["n"], rounding::pow10),
        Member::func("Jacobi", &["x", "y"], rounding::jacobi),
        // Decimal functions computed to 34 digits.
        Member::func("Cbrt", &["x"], decimal_fns::cbrt),
        Member::func("Exp", &["x"], decimal_fns::exp),
        Member::func("Exp2", &["x"], decimal_fns::exp2),
        Member::func("Log", &["x"], decimal_fns::log),
        Member::func("Log10", &["x"], decimal_fns::log10),
        Member::func("Log2", &["x"], decimal_fns::log2),
        Member::func("Pow", &["x", "y"], decimal_fns::pow),
        // Functions computed in float64.
        Member::func("Acos", &["x"], float::acos),
        Member::func("Acosh", &["x"], float::acosh),
        Member::func("Asin", &["x"], float::asin),
        Member::func("Asinh", &["x"], float::asinh),
        Member::func("Atan", &["x"], float::atan),
        Member::func("Atan2", &["y", "x"], float::atan2),
        Member::func("Atanh", &["x"], float::atanh),
        Member::func("Cos", &["x"], float::cos),
        Member::func("Cosh", &["x"], float::cosh),
        Member::func("Erf", &["x"], float::erf),
        Member::func("Erfc", &["x"], float::erfc),
        Member::func("Erfcinv", &["x"], float::erfcinv),
        Member::func("Erfinv", &["x"], float::erfinv),
        Member::func("Expm1", &["x"], float::expm1),
        Member::func("Gamma", &["x"], float::gamma),
        Member::func("Hypot", &["p", "q"], float::hypot),
        Member::func("Ilogb", &["x"], float::ilogb),
        Member::func("J0", &["x"], float::j0),
        Member::func("J1", &["x"], float::j1),
        Member::func("Jn", &["n", "x"], float::jn),
        Member::func("Ldexp", &["frac", "exp"], float::ldexp),
        Member::func("Log1p", &["x"], float::log1p),
        Member::func("Logb", &["x"], float::logb),
        Member::func("Mod", &["x", "y"], float::modulo),
        Member::func("Remainder", &["x", "y"], float::remainder),
        Member::func("Sin", &["x"], float::sin),
        Member::func("Sinh", &["x"], float::sinh),
        Member::func("Sqrt", &["x"], float::sqrt),
        Member::func("Tan", &["x"], float::tan),
        Member::func("Tanh", &["x"], float::tanh),
        Member::func("Y0", &["x"], float::y0),
        Member::func("Y1", &["x"], float::y1),
        Member::func("Yn", &["n", "x"], float::yn),
    ],
};
