//! Exact numbers.
//!
//! Three kinds of number cross the rule crate, and none of them is a float:
//! - [`Dec`]: a decimal as written in a file or a cell (thresholds, points, amounts), kept exactly;
//! - [`Ratio`]: the exact value of a rate or a reduction, a fraction of two 128-bit integers;
//! - [`Points`]: scores, arbitrary-precision rationals, because relative-to-best scoring nests
//!   fractions whose denominators would overflow any fixed width when summed.
//!
//! Fractions are kept in lowest terms. The crate reduces them with a binary gcd (shifts and
//! subtractions, in 64-bit arithmetic when the parts fit, so that 128-bit divisions are left to
//! parts beyond 64 bits; a change that is small against its baseline takes one remainder first,
//! so that the binary steps run on small numbers), and adds and compares fractions whose parts
//! fit in 64 bits by cross-multiplication in 128 bits; the results are the very fractions
//! `num_rational` gives. A value minus or over a threshold, both already in lowest terms, needs
//! only gcds with the threshold's small parts (Knuth's method). Whole points, the usual case, are
//! added, clamped and compared as plain integers.
//!
//! Rounding happens only in [`round_half_away`], which the display layer calls.

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{CheckedAdd, CheckedMul, CheckedSub, Signed, ToPrimitive, Zero};
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
        match self.0.scale() {
            0 => Ratio::from_integer(self.0.mantissa()),
            s => reduced(self.0.mantissa(), 10i128.pow(s)),
        }
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

/// `10^k` for `k` in `0..=18`.
pub(crate) const POW10: [i128; 19] = {
    let mut t = [1i128; 19];
    let mut k = 1;
    while k < 19 {
        t[k] = t[k - 1] * 10;
        k += 1;
    }
    t
};

/// `x` as a 64-bit integer, when it fits.
#[inline]
fn narrow(x: i128) -> Option<i64> {
    i64::try_from(x).ok()
}

/// The greatest common divisor (num-integer's binary algorithm: shifts and subtractions, no
/// division), in 64 bits when both numbers fit.
fn gcd(a: u128, b: u128) -> u128 {
    use num_integer::Integer;
    match (u64::try_from(a), u64::try_from(b)) {
        (Ok(a), Ok(b)) => u128::from(gcd64(a, b)),
        _ => a.gcd(&b),
    }
}

/// `x / g` for a `g` that divides `x`, with a 64-bit division when both fit.
#[inline(always)]
fn div_exact(x: i128, g: i128) -> i128 {
    match (narrow(x), narrow(g)) {
        (Some(x), Some(g)) => i128::from(x / g),
        _ => x / g,
    }
}

/// `n / d` in lowest terms — the very fraction `Ratio::new(n, d)` returns — for `d > 0` and
/// `n > i128::MIN`. The common divisor is found without 128-bit divisions, and none is done at all
/// when it is 1.
pub(crate) fn reduced(n: i128, d: i128) -> Ratio {
    debug_assert!(d > 0 && n > i128::MIN);
    if let (Ok(n), Ok(d)) = (i64::try_from(n), i64::try_from(d)) {
        // 0 < g ≤ d, so it fits.
        let g = gcd64(n.unsigned_abs(), d.unsigned_abs()) as i64;
        return match g {
            1 => Ratio::new_raw(i128::from(n), i128::from(d)),
            g => Ratio::new_raw(i128::from(n / g), i128::from(d / g)),
        };
    }
    // Both are at most i128::MAX in size, so the divisor is too.
    let g = gcd(n.unsigned_abs(), d.unsigned_abs()) as i128;
    if g == 1 {
        Ratio::new_raw(n, d)
    } else {
        Ratio::new_raw(div_exact(n, g), div_exact(d, g))
    }
}

/// `n / d` in lowest terms, as [`reduced`] gives it, for a change `n` that is usually small
/// against `d` (a few cases against a baseline of thousands). When `d` is more than 16 times `|n|`,
/// the gcd starts with one remainder, `d mod |n|`, so that the binary steps (one or two per bit of
/// the larger number) run on numbers below `|n|`.
pub(crate) fn reduced_change(n: i128, d: i128) -> Ratio {
    debug_assert!(d > 0 && n > i128::MIN);
    if let (Ok(n64), Ok(d64)) = (i64::try_from(n), i64::try_from(d)) {
        let (a, b) = (n64.unsigned_abs(), d64.unsigned_abs());
        if a != 0 && b >> 4 > a {
            // 0 < g ≤ |n|, so it fits.
            return match gcd64(a, b % a) as i64 {
                1 => Ratio::new_raw(n, d),
                g => Ratio::new_raw(i128::from(n64 / g), i128::from(d64 / g)),
            };
        }
    }
    reduced(n, d)
}

/// The greatest common divisor in 64 bits (Stein's binary algorithm, as num-integer's, written
/// here so that it is inlined).
#[inline(always)]
fn gcd64(mut a: u64, mut b: u64) -> u64 {
    if a == 0 || b == 0 {
        return a | b;
    }
    let shift = (a | b).trailing_zeros();
    a >>= a.trailing_zeros();
    loop {
        b >>= b.trailing_zeros();
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        b -= a;
        if b == 0 {
            return a << shift;
        }
    }
}

/// The greatest common divisor of `x` and a threshold's part `m > 0`: `x mod m` first, so that
/// the binary gcd runs on two numbers below `m` (none at all when `m` is 1).
#[inline(always)]
fn gcd_small(x: u64, m: u64) -> u64 {
    if m == 1 {
        1
    } else {
        gcd64(x % m, m)
    }
}

/// `a/b − p/q` in lowest terms — the very fraction `Ratio::new(a·q − p·b, b·q)` returns — for
/// `a/b` and `p/q` in lowest terms with `b, q > 0` and products within 128 bits. Knuth's
/// subtraction (TAOCP 4.5.1): with `g = gcd(b, q)`, the result is `t / (b/g · q)` with
/// `t = a·(q/g) − p·(b/g)`, whose only common factor can be `gcd(t, g)`; both gcds involve the
/// threshold's small denominator only.
pub(crate) fn sub_reduced(a: i128, b: i128, p: i128, q: i128) -> Ratio {
    debug_assert!(b > 0 && q > 0);
    let (Some(a64), Some(b64), Some(p64), Some(q64)) = (narrow(a), narrow(b), narrow(p), narrow(q))
    else {
        return reduced(a * q - p * b, b * q);
    };
    // Products of 64-bit parts, so that each is one multiplication into 128 bits.
    let wide = |x: i64, y: u64| i128::from(x) * i128::from(y);
    let (b64, q64) = (b64 as u64, q64 as u64);
    if q64 == 1 {
        // gcd(a − p·b, b) = gcd(a, b) = 1.
        return Ratio::new_raw(i128::from(a64) - wide(p64, b64), b);
    }
    let g = gcd_small(b64, q64);
    if g == 1 {
        return Ratio::new_raw(wide(a64, q64) - wide(p64, b64), wide(b64 as i64, q64));
    }
    let (b_g, q_g) = (b64 / g, q64 / g);
    let t = wide(a64, q_g) - wide(p64, b_g);
    let r = match narrow(t) {
        Some(t) => t.unsigned_abs() % g,
        // g ≤ q, so the remainder fits.
        None => (t.unsigned_abs() % u128::from(g)) as u64,
    };
    let h = gcd64(r, g);
    match h {
        1 => Ratio::new_raw(t, wide(b_g as i64, q64)),
        h => Ratio::new_raw(div_exact(t, i128::from(h)), wide(b_g as i64, q64 / h)),
    }
}

/// `(a/b) / (p/q)` in lowest terms — the very fraction `Ratio::new(a·q, b·p)` returns — for `a/b`
/// and `p/q` in lowest terms with `b, p, q > 0` and products within 128 bits. As both fractions are
/// reduced, `gcd(a·q, b·p) = gcd(a, p) · gcd(b, q)`: two gcds with the threshold's small parts.
pub(crate) fn div_reduced(a: i128, b: i128, p: i128, q: i128) -> Ratio {
    debug_assert!(b > 0 && p > 0 && q > 0);
    let (Some(a64), Some(b64), Some(p64), Some(q64)) = (narrow(a), narrow(b), narrow(p), narrow(q))
    else {
        return reduced(a * q, b * p);
    };
    let (b64, p64, q64) = (b64 as u64, p64 as u64, q64 as u64);
    let (g, h) = (gcd_small(a64.unsigned_abs(), p64), gcd_small(b64, q64));
    // Divisions by 1, the usual case, are skipped. g divides a, so the quotient keeps a's sign.
    let (a, p) = match g {
        1 => (a64, p64),
        g => (a64 / g as i64, p64 / g),
    };
    let (b, q) = match h {
        1 => (b64, q64),
        h => (b64 / h, q64 / h),
    };
    // Products of 64-bit parts, so that each is one multiplication into 128 bits.
    Ratio::new_raw(i128::from(a) * i128::from(q), i128::from(b) * i128::from(p))
}

/// `⌊x / y⌋` for `y > 0`.
pub(crate) fn div_floor(x: i128, y: i128) -> i128 {
    debug_assert!(y > 0);
    match (narrow(x), narrow(y)) {
        (Some(x), Some(y)) => i128::from(x.div_euclid(y)),
        _ => x.div_euclid(y),
    }
}

/// `⌈x / y⌉` for `y > 0`.
pub(crate) fn div_ceil(x: i128, y: i128) -> i128 {
    -div_floor(-x, y)
}

/// The parts of a fraction (positive denominator) when both fit in 64 bits, so that sums,
/// differences, products and cross-multiplications of two such fractions fit in 128 bits.
#[inline]
fn parts64(r: &Ratio) -> Option<(i128, i128)> {
    let (n, d) = (narrow(*r.numer())?, narrow(*r.denom())?);
    (d > 0).then_some((i128::from(n), i128::from(d)))
}

/// `a + sign·b`, exact and reduced, when it fits in 128 bits.
#[inline]
fn add_small(a: &Ratio, b: &Ratio, negate: bool) -> Option<Ratio> {
    if *a.denom() == 1 && *b.denom() == 1 {
        // Whole points, the usual case.
        let (an, bn) = (*a.numer(), *b.numer());
        let sum = if negate {
            an.checked_sub(bn)
        } else {
            an.checked_add(bn)
        };
        return sum.map(Ratio::from_integer);
    }
    let (Some((an, ad)), Some((bn, bd))) = (parts64(a), parts64(b)) else {
        return if negate {
            a.checked_sub(b)
        } else {
            a.checked_add(b)
        };
    };
    let bn = if negate { -bn } else { bn };
    Some(if ad == bd {
        if ad == 1 {
            Ratio::from_integer(an + bn)
        } else {
            reduced(an + bn, ad)
        }
    } else {
        reduced(an * bd + bn * ad, ad * bd)
    })
}

/// `a · b`, exact and reduced, when it fits in 128 bits.
fn mul_small(a: &Ratio, b: &Ratio) -> Option<Ratio> {
    match (parts64(a), parts64(b)) {
        (Some((an, ad)), Some((bn, bd))) => Some(reduced(an * bn, ad * bd)),
        _ => a.checked_mul(b),
    }
}

/// Compares two fractions; by cross-multiplication when their parts fit in 64 bits.
#[inline]
pub(crate) fn cmp_ratio(a: &Ratio, b: &Ratio) -> Ordering {
    if a.denom() == b.denom() && *a.denom() > 0 {
        return a.numer().cmp(b.numer());
    }
    match (parts64(a), parts64(b)) {
        (Some((an, ad)), Some((bn, bd))) => (an * bd).cmp(&(bn * ad)),
        _ => a.cmp(b),
    }
}

/// Points: an exact rational of any size. Serialized as `"a"` or `"a/b"` (lowest terms).
///
/// Most points are small fractions (a maximum of 15, a share of 12 × 2/3), so they are kept as
/// 128-bit fractions and every operation is checked; only a result that would overflow moves to
/// arbitrary precision. Either way the value is exact, and equal values compare equal.
#[derive(Debug)]
pub struct Points(Repr);

#[derive(Debug)]
enum Repr {
    Small(Ratio),
    /// Boxed: such values are rare, and a small `Points` (in every result) stays 48 bytes.
    Big(Box<BigRational>),
}

impl Clone for Points {
    // Inlined (a copy of the small form), with the rare big form cloned out of line.
    #[inline]
    fn clone(&self) -> Points {
        match &self.0 {
            Repr::Small(r) => Points(Repr::Small(*r)),
            Repr::Big(b) => Points::clone_big(b),
        }
    }
}

fn big(r: &Ratio) -> BigRational {
    BigRational::new(BigInt::from(*r.numer()), BigInt::from(*r.denom()))
}

impl Points {
    /// No points.
    pub fn zero() -> Points {
        Points(Repr::Small(Ratio::from_integer(0)))
    }

    /// Points from a decimal.
    pub fn from_dec(d: Dec) -> Points {
        Points(Repr::Small(d.to_ratio()))
    }

    /// Points from an exact value.
    pub fn from_ratio(r: Ratio) -> Points {
        Points(Repr::Small(r))
    }

    /// The value as an arbitrary-precision fraction.
    pub fn to_big(&self) -> BigRational {
        match &self.0 {
            Repr::Small(r) => big(r),
            Repr::Big(b) => (**b).clone(),
        }
    }

    #[inline(never)]
    fn clone_big(b: &BigRational) -> Points {
        Points(Repr::Big(Box::new(b.clone())))
    }

    fn from_big(b: BigRational) -> Points {
        // Come back to the small form when the value fits.
        match (b.numer().to_i128(), b.denom().to_i128()) {
            (Some(n), Some(d)) => Points(Repr::Small(Ratio::new_raw(n, d))),
            _ => Points(Repr::Big(Box::new(b))),
        }
    }

    fn combine(
        self,
        o: Points,
        small: impl Fn(&Ratio, &Ratio) -> Option<Ratio>,
        large: impl Fn(BigRational, BigRational) -> BigRational,
    ) -> Points {
        if let (Repr::Small(a), Repr::Small(b)) = (&self.0, &o.0) {
            if let Some(r) = small(a, b) {
                return Points(Repr::Small(r));
            }
        }
        Points::from_big(large(self.to_big(), o.to_big()))
    }

    /// The smaller of two.
    pub fn min(self, other: Points) -> Points {
        if other < self {
            other
        } else {
            self
        }
    }

    /// The larger of two.
    pub fn max(self, other: Points) -> Points {
        if other > self {
            other
        } else {
            self
        }
    }

    /// Clamps into `0..=max`.
    pub fn clamp_to(self, max: &Points) -> Points {
        if let (Some(n), Some(m)) = (self.whole(), max.whole()) {
            // Whole points, the usual case: the same comparisons on integers.
            return Points::from_ratio(Ratio::from_integer(if m < n.max(0) {
                m
            } else {
                n.max(0)
            }));
        }
        let zero = Points::zero();
        let at_least_zero = if zero > self { zero } else { self };
        if *max < at_least_zero {
            max.clone()
        } else {
            at_least_zero
        }
    }

    /// The value when it is a whole number of 128 bits.
    #[inline]
    pub(crate) fn whole(&self) -> Option<i128> {
        match &self.0 {
            Repr::Small(r) if *r.denom() == 1 => Some(*r.numer()),
            _ => None,
        }
    }

    /// `self + o`, without taking `o`.
    fn add_ref(self, o: &Points) -> Points {
        if let (Repr::Small(a), Repr::Small(b)) = (&self.0, &o.0) {
            if let Some(r) = add_small(a, b, false) {
                return Points(Repr::Small(r));
            }
        }
        Points::from_big(self.to_big() + o.to_big())
    }

    /// True when zero.
    pub fn is_zero(&self) -> bool {
        match &self.0 {
            Repr::Small(r) => r.is_zero(),
            Repr::Big(b) => b.is_zero(),
        }
    }

    /// An approximation for drawing a chart. Never used for a decision: every comparison, gap and
    /// rank is made on the exact value.
    pub fn approx_f64(&self) -> f64 {
        match &self.0 {
            Repr::Small(r) => *r.numer() as f64 / *r.denom() as f64,
            Repr::Big(b) => b.to_f64().unwrap_or(0.0),
        }
    }

    /// Rounded for display, half away from zero, as an integer scaled by 10^decimals.
    pub fn rounded(&self, decimals: u32) -> BigInt {
        let b = self.to_big();
        round_half_away(b.numer(), b.denom(), decimals)
    }
}

impl Points {
    /// The order of two values: whole ones (the usual case) as integers, inline; any other pair
    /// exactly, out of line.
    #[inline]
    fn order(&self, other: &Points) -> Ordering {
        match (&self.0, &other.0) {
            (Repr::Small(a), Repr::Small(b)) if *a.denom() == 1 && *b.denom() == 1 => {
                a.numer().cmp(b.numer())
            }
            _ => self.order_exact(other),
        }
    }

    #[inline(never)]
    fn order_exact(&self, other: &Points) -> Ordering {
        match (&self.0, &other.0) {
            // Exact: a cross-multiplication in 128 bits, or Ratio's own ordering, which never
            // overflows.
            (Repr::Small(a), Repr::Small(b)) => cmp_ratio(a, b),
            _ => self.to_big().cmp(&other.to_big()),
        }
    }
}

impl PartialEq for Points {
    #[inline]
    fn eq(&self, other: &Points) -> bool {
        self.order(other) == Ordering::Equal
    }
}

impl Eq for Points {}

impl PartialOrd for Points {
    #[inline]
    fn partial_cmp(&self, other: &Points) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Points {
    #[inline]
    fn cmp(&self, other: &Points) -> Ordering {
        self.order(other)
    }
}

impl std::ops::Add for Points {
    type Output = Points;
    fn add(self, o: Points) -> Points {
        self.combine(o, |a, b| add_small(a, b, false), |a, b| a + b)
    }
}

impl std::ops::Sub for Points {
    type Output = Points;
    fn sub(self, o: Points) -> Points {
        self.combine(o, |a, b| add_small(a, b, true), |a, b| a - b)
    }
}

impl std::ops::Mul for Points {
    type Output = Points;
    fn mul(self, o: Points) -> Points {
        self.combine(o, mul_small, |a, b| a * b)
    }
}

impl std::iter::Sum for Points {
    fn sum<I: Iterator<Item = Points>>(iter: I) -> Points {
        iter.fold(Points::zero(), |a, b| a + b)
    }
}

impl<'a> std::iter::Sum<&'a Points> for Points {
    fn sum<I: Iterator<Item = &'a Points>>(mut iter: I) -> Points {
        // Added up as a 128-bit fraction while the sum fits, then as points.
        let mut sum = Ratio::from_integer(0);
        while let Some(p) = iter.next() {
            match &p.0 {
                // Whole points, the usual case, are added as integers.
                Repr::Small(r) if *sum.denom() == 1 && *r.denom() == 1 => {
                    match i128::checked_add(*sum.numer(), *r.numer()) {
                        Some(n) => sum = Ratio::from_integer(n),
                        None => {
                            return iter.fold(Points(Repr::Small(sum)).add_ref(p), Points::add_ref)
                        }
                    }
                }
                Repr::Small(r) => match add_small(&sum, r, false) {
                    Some(s) => sum = s,
                    None => return iter.fold(Points(Repr::Small(sum)).add_ref(p), Points::add_ref),
                },
                Repr::Big(_) => {
                    return iter.fold(Points(Repr::Small(sum)).add_ref(p), Points::add_ref);
                }
            }
        }
        Points(Repr::Small(sum))
    }
}

impl fmt::Display for Points {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Small(r) if r.is_integer() => write!(f, "{}", r.numer()),
            Repr::Small(r) => write!(f, "{}/{}", r.numer(), r.denom()),
            Repr::Big(b) if b.is_integer() => write!(f, "{}", b.numer()),
            Repr::Big(b) => write!(f, "{}/{}", b.numer(), b.denom()),
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

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A change reduced with its first remainder is the fraction `Ratio::new` gives, for
        /// changes small and large against their baselines, of either sign, and parts beyond 64
        /// bits.
        #[test]
        fn a_reduced_change_is_ratio_new(
            n in proptest::prop_oneof![
                -100i128..100,
                -(1i128 << 40)..(1i128 << 40),
                proptest::prelude::Just(i128::MIN + 1),
                proptest::prelude::Just(i128::MAX),
            ],
            d in proptest::prop_oneof![1i128..5_000, 1i128..(1i128 << 62), (1i128 << 64)..i128::MAX],
            k in 1i128..50,
        ) {
            let scaled = n.checked_mul(k).zip(d.checked_mul(k)).filter(|(n, _)| *n > i128::MIN);
            for (n, d) in std::iter::once((n, d)).chain(scaled) {
                let (r, expected) = (reduced_change(n, d), Ratio::new(n, d));
                proptest::prop_assert_eq!(
                    (*r.numer(), *r.denom()),
                    (*expected.numer(), *expected.denom())
                );
            }
        }
    }

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
    fn points_overflow_into_big_and_stay_exact() {
        let p = Points::from_ratio(Ratio::new(1, i128::MAX / 3));
        let q = Points::from_ratio(Ratio::new(1, i128::MAX / 5));
        let sum = p.clone() + q.clone();
        assert!(matches!(sum.0, Repr::Big(_)));
        assert_eq!(sum.clone() - q, p);
        let back =
            sum - Points::from_ratio(Ratio::new(1, i128::MAX / 5)) + Points::from_dec(Dec::int(2));
        assert!(back > Points::from_dec(Dec::int(2)));
        assert_eq!(
            Points::from_dec(Dec::parse("2.50").unwrap()).to_string(),
            "5/2"
        );
        assert_eq!(
            Points::from_dec(Dec::int(3)),
            Points::from_ratio(Ratio::new(6, 2))
        );
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
