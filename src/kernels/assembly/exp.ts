// AssemblyScript: e^x exactly as V8 computes Math.exp (v8/src/base/ieee754.cc, FreeBSD msun's e_exp.c, which
// comes from fdlibm), so a kernel that exponentiates gives the same bits as the TypeScript core. The standard
// library's Math.exp is a different (musl) algorithm that can differ in the last bit.

const halF0: f64 = 0.5;
const o_threshold: f64 = 7.09782712893383973096e2;
const u_threshold: f64 = -7.45133219101941108420e2;
const ln2HI0: f64 = 6.93147180369123816490e-1;
const ln2LO0: f64 = 1.90821492927058770002e-10;
const invln2: f64 = 1.44269504088896338700;
const P1: f64 = 1.66666666666666019037e-1;
const P2: f64 = -2.77777777770155933842e-3;
const P3: f64 = 6.61375632143793436117e-5;
const P4: f64 = -1.65339022054652515390e-6;
const P5: f64 = 4.13813679705723846039e-8;
const E: f64 = 2.718281828459045;
const huge: f64 = 1.0e300;
const twom1000: f64 = 9.33263618503218878990e-302;
const two1023: f64 = 8.988465674311579539e307;

export function v8Exp(x: f64): f64 {
  let hi: f64 = 0;
  let lo: f64 = 0;
  let k: i32 = 0;
  let hx = <u32>(reinterpret<u64>(x) >> 32);
  const xsb: i32 = <i32>((hx >> 31) & 1);
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) {
      const lx = <u32>reinterpret<u64>(x);
      if (((hx & 0xfffff) | lx) != 0) return x + x;
      return xsb == 0 ? x : 0.0;
    }
    if (x > o_threshold) return huge * huge;
    if (x < u_threshold) return twom1000 * twom1000;
  }
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      if (x == 1.0) return E;
      hi = xsb == 0 ? x - ln2HI0 : x + ln2HI0;
      lo = xsb == 0 ? ln2LO0 : -ln2LO0;
      k = 1 - xsb - xsb;
    } else {
      k = <i32>(invln2 * x + (xsb == 0 ? halF0 : -halF0));
      const t = <f64>k;
      hi = x - t * ln2HI0;
      lo = t * ln2LO0;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    if (huge + x > 1.0) return 1.0 + x;
  } else {
    k = 0;
  }
  const t = x * x;
  let twopk: f64;
  if (k >= -1021) twopk = reinterpret<f64>(<u64>(<u32>(0x3ff00000 + (k << 20))) << 32);
  else twopk = reinterpret<f64>(<u64>(<u32>(0x3ff00000 + ((k + 1000) << 20))) << 32);
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k == 0) return 1.0 - ((x * c) / (c - 2.0) - x);
  const y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
  if (k >= -1021) {
    if (k == 1024) return y * 2.0 * two1023;
    return y * twopk;
  }
  return y * twopk * twom1000;
}

const T_HALF_LN2: f64 = reinterpret<f64>(0x3fd62e4300000000); // |x| ≥ this ⇔ high word of |x| > 0x3fd62e42
const T_MID: f64 = reinterpret<f64>(0x3ff0a2b200000000); // |x| < this ⇔ high word < 0x3ff0a2b2 (1.5 ln2)
const T_TINY: f64 = reinterpret<f64>(0x3e30000000000000); // |x| < 2^-28

/**
 * v8Exp of two lanes at once, bit for bit: fdlibm's branches become lane selects. Its k = 0 branch equals the
 * general formula with k = 0 (hi = x, lo = 0, 2^k = 1, and (x·c)/(c − 2) − x = (0 − (x·c)/(2 − c)) − x exactly),
 * and its 0.5 ln2 < |x| < 1.5 ln2 branch equals it with k = ±1. Lanes fdlibm treats specially (|x| ≥ 700, where
 * it over- or underflows, x = 1, NaN) go through the scalar function.
 */
export function v8ExpF64x2(x: v128): v128 {
  const ax = f64x2.abs(x);
  const regular = f64x2.lt(ax, f64x2.splat(700));
  const one = f64x2.eq(x, f64x2.splat(1));
  if (!v128.all_true<i64>(regular) || v128.any_true(one)) {
    return f64x2.replace_lane(f64x2.splat(v8Exp(f64x2.extract_lane(x, 0))), 1, v8Exp(f64x2.extract_lane(x, 1)));
  }
  const negative = f64x2.lt(x, f64x2.splat(0));
  const big = f64x2.ge(ax, f64x2.splat(T_HALF_LN2));
  const mid = v128.and(big, f64x2.lt(ax, f64x2.splat(T_MID)));
  const tiny = f64x2.lt(ax, f64x2.splat(T_TINY));
  const halfSigned = v128.bitselect(f64x2.splat(-halF0), f64x2.splat(halF0), negative);
  const general = f64x2.trunc(f64x2.add(f64x2.mul(f64x2.splat(invln2), x), halfSigned));
  const unit = v128.bitselect(f64x2.splat(-1), f64x2.splat(1), negative);
  const t = v128.and(v128.bitselect(unit, general, mid), big); // k as a double; +0 outside |x| > 0.5 ln2
  const hi = f64x2.sub(x, f64x2.mul(t, f64x2.splat(ln2HI0)));
  const lo = f64x2.mul(t, f64x2.splat(ln2LO0));
  const xr = f64x2.sub(hi, lo);
  const tt = f64x2.mul(xr, xr);
  let p = f64x2.add(f64x2.splat(P4), f64x2.mul(tt, f64x2.splat(P5)));
  p = f64x2.add(f64x2.splat(P3), f64x2.mul(tt, p));
  p = f64x2.add(f64x2.splat(P2), f64x2.mul(tt, p));
  p = f64x2.add(f64x2.splat(P1), f64x2.mul(tt, p));
  const c = f64x2.sub(xr, f64x2.mul(tt, p));
  const q = f64x2.div(f64x2.mul(xr, c), f64x2.sub(f64x2.splat(2), c));
  const y = f64x2.sub(f64x2.splat(1), f64x2.sub(f64x2.sub(lo, q), hi));
  const k = i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(t));
  const twopk = i64x2.shl(i64x2.add(k, i64x2.splat(1023)), 52);
  const result = f64x2.mul(y, twopk);
  return v128.bitselect(f64x2.add(f64x2.splat(1), x), result, tiny);
}

/** v8ExpF64x2 on (a, b), written to out[0], out[1] (for tests of the two-lane path). */
export function v8ExpPair(a: f64, b: f64, out: usize): void {
  v128.store(out, v8ExpF64x2(f64x2.replace_lane(f64x2.splat(a), 1, b)));
}

/**
 * v8ExpF64x2 of two lanes known to lie in (−700, 0] (a softmax row's shifted logits, when its smallest one does):
 * no lane needs fdlibm's special cases and the sign is known, so the scalar fallback and the sign selects go, and
 * 2^k comes from the bits of k + 1.5·2^52 (exact for the integer k ∈ [−1010, 0]). Inlined: no call in the loop.
 */
@inline export function v8ExpNonPositiveF64x2(x: v128): v128 {
  const ax = f64x2.neg(x);
  const big = f64x2.ge(ax, f64x2.splat(T_HALF_LN2));
  const mid = v128.and(big, f64x2.lt(ax, f64x2.splat(T_MID)));
  const tiny = f64x2.lt(ax, f64x2.splat(T_TINY));
  const general = f64x2.trunc(f64x2.add(f64x2.mul(f64x2.splat(invln2), x), f64x2.splat(-halF0)));
  const t = v128.and(v128.bitselect(f64x2.splat(-1), general, mid), big);
  const hi = f64x2.sub(x, f64x2.mul(t, f64x2.splat(ln2HI0)));
  const lo = f64x2.mul(t, f64x2.splat(ln2LO0));
  const xr = f64x2.sub(hi, lo);
  const tt = f64x2.mul(xr, xr);
  let p = f64x2.add(f64x2.splat(P4), f64x2.mul(tt, f64x2.splat(P5)));
  p = f64x2.add(f64x2.splat(P3), f64x2.mul(tt, p));
  p = f64x2.add(f64x2.splat(P2), f64x2.mul(tt, p));
  p = f64x2.add(f64x2.splat(P1), f64x2.mul(tt, p));
  const c = f64x2.sub(xr, f64x2.mul(tt, p));
  const q = f64x2.div(f64x2.mul(xr, c), f64x2.sub(f64x2.splat(2), c));
  const y = f64x2.sub(f64x2.splat(1), f64x2.sub(f64x2.sub(lo, q), hi));
  // t + 1.5·2^52 holds k in its low mantissa bits; adding the bias 1023 and shifting keeps exactly k + 1023.
  const twopk = i64x2.shl(i64x2.add(f64x2.add(t, f64x2.splat(6755399441055744.0)), i64x2.splat(1023)), 52);
  return v128.bitselect(f64x2.add(f64x2.splat(1), x), f64x2.mul(y, twopk), tiny);
}
