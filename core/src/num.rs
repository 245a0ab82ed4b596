//! Exact numbers.
//!
//! Three kinds of number cross the rule crate, and none of them is a float:
//! - [`Dec`]: a decimal as written in a file or a cell (thresholds, points, amounts), kept exactly;
//! - [`Ratio`]: the exact value of a rate or a reduction, a fraction of two 128-bit integers;
//! - [`Points`]: scores, arbitrary-precision rationals, because relative-to-best scoring nests
//!   fractions whose denominators would overflow any fixed width when summed.
//!
//! Rounding happens only in [`round_half_away`], which the display layer calls.

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive, Zero};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// The exact value of a rate or a reduction: a reduced fraction with a positive denominator.
pub type Ratio = num_rational::Ratio<i128>;

/// A decimal number that is read and written exactly (JSON numbers keep all their digits).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Dec(pub Decimal);

impl Dec {
    /// Zero.
    pub const ZERO: Dec = Dec(Decimal::ZERO);

    /// A whole number.
    pub fn int(n: i64) -> Dec {
        Dec(Decimal::from(n))
    }

    /// Parses the canonical form (`-12.5`, a dot for decimals, no grouping).
    pub fn parse(s: &str) -> Option<Dec> {
        Decimal::from_str(s.trim()).ok().map(Dec)
    }

    /// The number of decimal places the value needs: trailing zeros do not count, so `1.2500`
    /// and `1.25` (which are equal, and which a save writes the same way) both have 2.
    pub fn scale(&self) -> u32 {
        self.0.normalize().scale()
    }

    /// True when the number has no fractional part.
    pub fn is_integer(&self) -> bool {
        self.0.fract().is_zero()
    }

    /// The value as an integer, when it is one.
    pub fn to_i128(&self) -> Option<i128> {
        if self.is_integer() {
            self.0.trunc().to_i128()
        } else {
            None
        }
    }

    /// The exact value as a fraction of two 128-bit integers.
    pub fn to_ratio(&self) -> Ratio {
        // A Decimal is mantissa / 10^scale with |mantissa| < 2^96 and scale <= 28, so both fit in i128.
        Ratio::new(self.0.mantissa(), 10i128.pow(self.0.scale()))
    }

    /// The exact value as an arbitrary-precision fraction.
    pub fn to_big(&self) -> BigRational {
        BigRational::new(
            BigInt::from(self.0.mantissa()),
            BigInt::from(10i128.pow(self.0.scale())),
        )
    }

    /// True when the number is below zero.
    pub fn is_negative(&self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }
}

impl fmt::Display for Dec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.normalize())
    }
}

impl From<i64> for Dec {
    fn from(n: i64) -> Self {
        Dec::int(n)
    }
}

impl Serialize for Dec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        rust_decimal::serde::arbitrary_precision::serialize(&self.0.normalize(), s)
    }
}

impl<'de> Deserialize<'de> for Dec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        rust_decimal::serde::arbitrary_precision::deserialize(d).map(Dec)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Dec {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "number",
            "description": "A decimal number, read exactly (all digits are kept)."
        })
    }
}

/// Points: an exact, arbitrary-precision rational. Serialized as `"a"` or `"a/b"` (lowest terms).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Points(pub BigRational);

impl Points {
    /// No points.
    pub fn zero() -> Points {
        Points(BigRational::zero())
    }

    /// Points from a decimal.
    pub fn from_dec(d: Dec) -> Points {
        Points(d.to_big())
    }

    /// Points from an exact value.
    pub fn from_ratio(r: Ratio) -> Points {
        Points(BigRational::new(
            BigInt::from(*r.numer()),
            BigInt::from(*r.denom()),
        ))
    }

    /// The smaller of two.
    pub fn min(self, other: Points) -> Points {
        if other.0 < self.0 {
            other
        } else {
            self
        }
    }

    /// The larger of two.
    pub fn max(self, other: Points) -> Points {
        if other.0 > self.0 {
            other
        } else {
            self
        }
    }

    /// Clamps into `0..=max`.
    pub fn clamp_to(self, max: &Points) -> Points {
        self.max(Points::zero()).min(max.clone())
    }

    /// True when zero.
    pub fn is_zero(&self) -> bool {
        self.0.is_zero()
    }

    /// Rounded for display, half away from zero, as an integer scaled by 10^decimals.
    pub fn rounded(&self, decimals: u32) -> BigInt {
        round_half_away(self.0.numer(), self.0.denom(), decimals)
    }
}

impl std::ops::Add for Points {
    type Output = Points;
    fn add(self, o: Points) -> Points {
        Points(self.0 + o.0)
    }
}

impl std::ops::Sub for Points {
    type Output = Points;
    fn sub(self, o: Points) -> Points {
        Points(self.0 - o.0)
    }
}

impl std::ops::Mul for Points {
    type Output = Points;
    fn mul(self, o: Points) -> Points {
        Points(self.0 * o.0)
    }
}

impl std::iter::Sum for Points {
    fn sum<I: Iterator<Item = Points>>(iter: I) -> Points {
        iter.fold(Points::zero(), |a, b| a + b)
    }
}

impl fmt::Display for Points {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_integer() {
            write!(f, "{}", self.0.numer())
        } else {
            write!(f, "{}/{}", self.0.numer(), self.0.denom())
        }
    }
}

impl Serialize for Points {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Writes an exact fraction as `"a"` or `"a/b"`.
pub fn ratio_string(r: &Ratio) -> String {
    if r.is_integer() {
        r.numer().to_string()
    } else {
        format!("{}/{}", r.numer(), r.denom())
    }
}

/// Serializes a [`Ratio`] as `"a/b"` (used with `#[serde(serialize_with)]`).
pub fn serialize_ratio<S: Serializer>(r: &Ratio, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&ratio_string(r))
}

/// Serializes an optional [`Ratio`].
pub fn serialize_opt_ratio<S: Serializer>(r: &Option<Ratio>, s: S) -> Result<S::Ok, S::Error> {
    match r {
        Some(r) => serialize_ratio(r, s),
        None => s.serialize_none(),
    }
}

/// `num / den` rounded half away from zero to `decimals` places, returned scaled by 10^decimals.
/// `den` must not be zero.
pub fn round_half_away(num: &BigInt, den: &BigInt, decimals: u32) -> BigInt {
    let scale = BigInt::from(10u32).pow(decimals);
    let (n, d) = if den.is_negative() {
        (-(num * &scale), -den.clone())
    } else {
        (num * &scale, den.clone())
    };
    let (q, r) = n.abs().div_rem(&d);
    let twice = r * 2u32;
    let q = if twice >= d { q + 1u32 } else { q };
    if n.is_negative() {
        -q
    } else {
        q
    }
}

/// A [`Ratio`] as a percentage rounded to `decimals` places, scaled by 10^decimals.
pub fn percent_rounded(r: &Ratio, decimals: u32) -> BigInt {
    round_half_away(
        &(BigInt::from(*r.numer()) * 100u32),
        &BigInt::from(*r.denom()),
        decimals,
    )
}

/// Compares two fractions exactly without overflow for the magnitudes the crate allows.
pub fn cmp_ratio(a: &Ratio, b: &Ratio) -> Ordering {
    // Ratio's own Ord is exact (it compares by continued-fraction steps, never overflowing).
    a.cmp(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_half_away_from_zero() {
        let r = |n: i64, d: i64, k| round_half_away(&BigInt::from(n), &BigInt::from(d), k);
        assert_eq!(r(1, 8, 2), BigInt::from(13)); // 0.125 -> 0.13
        assert_eq!(r(-1, 8, 2), BigInt::from(-13));
        assert_eq!(r(1, 3, 2), BigInt::from(33));
        assert_eq!(r(2, 3, 2), BigInt::from(67));
        assert_eq!(r(5, -8, 2), BigInt::from(-63));
    }

    #[test]
    fn decimals_are_exact() {
        let d = Dec::parse("90.1").unwrap();
        assert_eq!(d.to_ratio(), Ratio::new(901, 10));
        assert!(Dec::parse("3").unwrap().is_integer());
        assert_eq!(Dec::parse("-0").map(|d| d.is_negative()), Some(false));
    }

    #[test]
    fn json_numbers_keep_their_digits() {
        let d: Dec = serde_json::from_str("0.1").unwrap();
        assert_eq!(d.to_ratio(), Ratio::new(1, 10));
        let big: Dec = serde_json::from_str("123456789012.0001").unwrap();
        assert_eq!(big.to_string(), "123456789012.0001");
        assert_eq!(
            serde_json::to_string(&Dec::parse("7.50").unwrap()).unwrap(),
            "7.5"
        );
    }
}
