// AssemblyScript (compiled with `asc --enable simd`), not TypeScript: the float32 hot loops of src/core/quantize.ts
// and src/core/groupwise.ts, bit-for-bit the core's results. The core divides in float64 and rounds half to even
// with the magic number 1.5·2^52; the exact path here does the same two lanes at a time (f64x2). Float64 division
// is slow, so a float32x4 fast path runs first and each block whose result it cannot prove equal is recomputed
// exactly. Pointers are byte offsets into this module's memory; the TypeScript side (src/kernels/index.ts) places data.
//
// Why the float32 fast path gives the core's codes (the proof the tests probe; u = 2^-24, float32's unit roundoff):
//   Let T = v / scale exactly. The core rounds t = fl64(T) = T(1 + e0), |e0| ≤ 2^-53. The fast path takes
//   inv = fl32(fl64(1 / scale)) = (1 / scale)(1 + e1)(1 + e2) and t32 = fl32(v · inv) = T(1 + e1)(1 + e2)(1 + e3),
//   |e1| ≤ 2^-53, |e2|, |e3| ≤ u, as long as inv and v · inv are normal floats. Then |t32 − t| ≤ ρ·|t32| with
//   ρ ≤ 2^-23(1 + 2^-21). Clamping to integer bounds [lo, hi] is monotone and moves two values no further apart;
//   when only one of t32, t lies outside, the gap is still ≤ ρ/(1 − ρ)·|clamp(t32)| < 2^-22·|clamp(t32)|. So
//   clamp(t) lies within 2^-22·C of c = clamp(t32), where C = max(|lo|, |hi|). Rounding half to even is constant
//   between consecutive half-integers, so both round to the same integer r when the nearest half-integer to c is
//   farther than 2^-22·C: when |c − r| < 0.5 − 2^-21·C (twice the margin needed). With |c| ≤ C ≤ 2^15,
//   c + 1.5·2^23 − 1.5·2^23 rounds c half to even exactly (and gives +0, never −0, like the core), c − r is exact,
//   and 0.5 − 2^-21·C is a float32, so the test itself makes no rounding error. Products that overflow to ±∞ clamp
//   to the bound the core clamps to (|T| ≥ 2^127 there); products below the normal range (|T| < 2^-125) round
//   to 0 or clamp to the same bound on both paths. A block where any value fails the test, or holds NaN or ±∞,
//   is recomputed on the exact path; so is everything when inv is not a normal float or the bounds exceed 2^15.
//   The value written must be the core's f32(scale · r), computed in float64. When scale is split into a float32
//   s1 with 16 significant bits and s2 = f32(scale − s1), the float32 expression s1·r + s2·r gives the same bits for
//   nearly every code r; scaledCodesMatch checks every r in [lo, hi] once per (scale, lo, hi) with the very float32
//   operations the vector loop uses, and only then does the loop use it (else it converts r to float64 and back).

/** 1.5·2^52, src/core/rounding.ts HALF_EVEN_MAGIC. */
export const MAGIC: f64 = 6755399441055744.0;
/** 1.5·2^23: the float32 counterpart; c + MAGIC32 has the integer r + 2^22 in its low mantissa bits for |c| ≤ 2^22. */
const MAGIC32: f32 = 12582912.0;
/** The bit pattern of MAGIC32, so that bits(c + MAGIC32) − MAGIC32_BITS is the code r as an int32. */
const MAGIC32_BITS: i32 = 0x4b400000;
/** src/core/qparams.ts FLOAT32_EPSILON. */
const FLOAT32_EPSILON: f64 = 1.1920928955078125e-7;
/** Values per fast-path block: a block either passes the tie test as a whole or is recomputed exactly. */
const BLOCK: i32 = 64;
/** The fast path needs |lo|, |hi| ≤ 2^15 (see the proof above). */
const FAST_BOUND_LIMIT: f64 = 32768;

/** Returns 1 when every lane of a float poison accumulator is still 0 (no NaN or ±Infinity was seen). */
// @ts-ignore: decorator
@inline
export function clean(poison: v128): bool {
  return f32x4.extract_lane(poison, 0) == 0 && f32x4.extract_lane(poison, 1) == 0 && f32x4.extract_lane(poison, 2) == 0 && f32x4.extract_lane(poison, 3) == 0;
}

/** The float32 reciprocal of scale when it is a normal float (the fast path's precondition), else 0. */
// @ts-ignore: decorator
@inline
function normalReciprocal32(scale: f64): f32 {
  const inv = <f32>(1.0 / scale);
  return inv >= 1.17549435e-38 && inv <= 3.40282347e38 ? inv : 0;
}

/** The tie test's threshold 0.5 − 2^-21·C for integer bounds [lo, hi] (C = max(|lo|, |hi|)), or 0 when the fast path does not apply. */
// @ts-ignore: decorator
@inline
function tieThreshold(lo: f64, hi: f64): f32 {
  const c = max(abs(lo), abs(hi));
  if (!(lo <= hi) || floor(lo) != lo || floor(hi) != hi || c > FAST_BOUND_LIMIT) return 0;
  return <f32>(0.5 - c * 4.76837158203125e-7); // 2^-21; exact: a multiple of 2^-21 in [0.48, 0.5]
}

/** The exact path over [from, to): the core's float64 loop, two lanes at a time. Returns 1, or 0 on NaN or ±Infinity. */
// @ts-ignore: decorator
@inline
function fakeQuantizeExact(x: usize, out: usize, from: i32, to: i32, scale: f64, lo: f64, hi: f64): i32 {
  const vs = f64x2.splat(scale);
  const vlo = f64x2.splat(lo);
  const vhi = f64x2.splat(hi);
  const vm = f64x2.splat(MAGIC);
  let poison = f32x4.splat(0);
  let i = from;
  for (; i + 4 <= to; i += 4) {
    const off = <usize>i << 2;
    const v = v128.load(x + off);
    poison = f32x4.add(poison, f32x4.sub(v, v));
    const a = f64x2.promote_low_f32x4(v);
    const b = f64x2.promote_low_f32x4(v128.shuffle<i64>(v, v, 1, 0));
    const ra = f64x2.sub(f64x2.add(f64x2.pmin(vhi, f64x2.pmax(vlo, f64x2.div(a, vs))), vm), vm);
    const rb = f64x2.sub(f64x2.add(f64x2.pmin(vhi, f64x2.pmax(vlo, f64x2.div(b, vs))), vm), vm);
    const da = f32x4.demote_f64x2_zero(f64x2.mul(vs, ra));
    const db = f32x4.demote_f64x2_zero(f64x2.mul(vs, rb));
    v128.store(out + off, v128.shuffle<i64>(da, db, 0, 2));
  }
  let p: f64 = 0;
  for (; i < to; i++) {
    const v = <f64>load<f32>(x + (<usize>i << 2));
    p += v - v;
    const t = Math.min(hi, Math.max(lo, v / scale));
    store<f32>(out + (<usize>i << 2), <f32>(scale * (t + MAGIC - MAGIC)));
  }
  return clean(poison) && p == 0 ? 1 : 0;
}

/** scale's leading 16 significant bits (a float64 truncated to them): s1 · r is exact in float32 for |r| ≤ 2^8. */
// @ts-ignore: decorator
@inline
function leading16Bits(scale: f64): f64 {
  return reinterpret<f64>(reinterpret<u64>(scale) & 0xffffffe000000000);
}

/** The (scale, lo, hi) last checked by scaledCodesMatch, and its answer. */
let checkedScale: f64 = 0;
let checkedLo: f64 = 0;
let checkedHi: f64 = 0;
let checkedMatch: bool = false;
/** Wider ranges are not checked (2^12 codes, a few microseconds), and take the float64 conversion. */
const SCALED_CODES_LIMIT: f64 = 4096;

/**
 * True when, for every integer r in [lo, hi], f32(s1·r) + f32(s2·r) in float32 equals the core's f32(scale · r)
 * (s1 = leading16Bits(scale), s2 = f32(scale − s1)). The check runs the same float32 operations as the vector
 * loop, lane for lane, so a true answer makes that loop's values the core's bit for bit.
 */
function scaledCodesMatch(scale: f64, lo: f64, hi: f64): bool {
  if (scale == checkedScale && lo == checkedLo && hi == checkedHi) return checkedMatch;
  let match = hi - lo <= SCALED_CODES_LIMIT;
  const s1 = <f32>leading16Bits(scale);
  const s2 = <f32>(scale - <f64>s1);
  for (let r = lo; match && r <= hi; r++) {
    const code = <f32>r;
    match = s1 * code + s2 * code == <f32>(scale * r);
  }
  checkedScale = scale;
  checkedLo = lo;
  checkedHi = hi;
  checkedMatch = match;
  return match;
}

/**
 * fakeQuantizeFloat32 of src/core/quantize.ts: out[i] = f32(scale · (min(hi, max(lo, x[i] / scale)) + M − M)).
 * Returns 1, or 0 when an input was NaN or ±Infinity (the caller then lets the core report it).
 * Blocks of BLOCK values go through the float32 fast path (proof at the top of this file): its first pass writes
 * the rounded codes as float32 into out and tests them, the second turns them into f32(scale · r) in float64.
 * (Two passes over a block in cache run faster here than one pass holding both halves in registers.)
 */
export function fakeQuantizeF32(x: usize, out: usize, n: i32, scale: f64, lo: f64, hi: f64): i32 {
  const inv = normalReciprocal32(scale);
  const threshold = tieThreshold(lo, hi);
  let ok: i32 = 1;
  let i = 0;
  if (inv != 0 && threshold != 0) {
    const vinv = f32x4.splat(inv);
    const vlo = f32x4.splat(<f32>lo);
    const vhi = f32x4.splat(<f32>hi);
    const vm = f32x4.splat(MAGIC32);
    const vthreshold = f32x4.splat(threshold);
    const absMask = i32x4.splat(0x7fffffff);
    const vs = f64x2.splat(scale);
    if (scaledCodesMatch(scale, lo, hi)) {
      // One pass: codes, tie test and f32(s1·r) + f32(s2·r) together.
      const s1 = f32x4.splat(<f32>leading16Bits(scale));
      const s2 = f32x4.splat(<f32>(scale - leading16Bits(scale)));
      for (; i + BLOCK <= n; i += BLOCK) {
        const start = <usize>i << 2;
        let pass = i32x4.splat(-1);
        for (let off: usize = start; off < start + (<usize>BLOCK << 2); off += 16) {
          const v = v128.load(x + off);
          const c = f32x4.pmin(f32x4.pmax(f32x4.mul(v, vinv), vlo), vhi);
          const r = f32x4.sub(f32x4.add(c, vm), vm);
          const distance = f32x4.add(v128.and(f32x4.sub(c, r), absMask), f32x4.sub(v, v));
          pass = v128.and(pass, f32x4.lt(distance, vthreshold));
          v128.store(out + off, f32x4.add(f32x4.mul(s1, r), f32x4.mul(s2, r)));
        }
        if (!v128.all_true<i32>(pass)) ok &= fakeQuantizeExact(x, out, i, i + BLOCK, scale, lo, hi);
      }
    }
    for (; i + BLOCK <= n; i += BLOCK) {
      const start = <usize>i << 2;
      let pass = i32x4.splat(-1);
      for (let off: usize = start; off < start + (<usize>BLOCK << 2); off += 16) {
        const v = v128.load(x + off);
        const c = f32x4.pmin(f32x4.pmax(f32x4.mul(v, vinv), vlo), vhi);
        const r = f32x4.sub(f32x4.add(c, vm), vm);
        // |c − r| + (v − v): NaN for a NaN or ±∞ input, which fails the comparison too.
        const distance = f32x4.add(v128.and(f32x4.sub(c, r), absMask), f32x4.sub(v, v));
        pass = v128.and(pass, f32x4.lt(distance, vthreshold));
        v128.store(out + off, r);
      }
      if (!v128.all_true<i32>(pass)) {
        ok &= fakeQuantizeExact(x, out, i, i + BLOCK, scale, lo, hi);
        continue;
      }
      for (let off: usize = start; off < start + (<usize>BLOCK << 2); off += 16) {
        const a = f64x2.mul(vs, f64x2.promote_low_f32x4(v128.load64_zero(out + off)));
        const b = f64x2.mul(vs, f64x2.promote_low_f32x4(v128.load64_zero(out + off + 8)));
        v128.store(out + off, v128.shuffle<i64>(f32x4.demote_f64x2_zero(a), f32x4.demote_f64x2_zero(b), 0, 2));
      }
    }
  }
  return ok & fakeQuantizeExact(x, out, i, n, scale, lo, hi);
}

/** The exact path for the codes of one group, [from, to): the core's float64 loop, two lanes at a time. */
// @ts-ignore: decorator
@inline
function groupCodesExact(w: usize, q: usize, from: i32, to: i32, scale: f64, qneg: f64, qpos: f64): void {
  const vs = f64x2.splat(scale);
  const vpos = f64x2.splat(qpos);
  const vneg = f64x2.splat(qneg);
  const vm = f64x2.splat(MAGIC);
  let i = from;
  for (; i + 4 <= to; i += 4) {
    const off = <usize>i << 2;
    const v = v128.load(w + off);
    const a = f64x2.promote_low_f32x4(v);
    const b = f64x2.promote_low_f32x4(v128.shuffle<i64>(v, v, 1, 0));
    const ra = f64x2.sub(f64x2.add(f64x2.pmin(vpos, f64x2.pmax(vneg, f64x2.div(a, vs))), vm), vm);
    const rb = f64x2.sub(f64x2.add(f64x2.pmin(vpos, f64x2.pmax(vneg, f64x2.div(b, vs))), vm), vm);
    v128.store(q + off, v128.shuffle<i64>(i32x4.trunc_sat_f64x2_s_zero(ra), i32x4.trunc_sat_f64x2_s_zero(rb), 0, 2));
  }
  for (; i < to; i++) {
    const v = <f64>load<f32>(w + (<usize>i << 2));
    store<i32>(q + (<usize>i << 2), <i32>(min(qpos, max(qneg, v / scale)) + MAGIC - MAGIC));
  }
}

/**
 * symmetricFloat32 of src/core/groupwise.ts: per group of `groupSize` consecutive values, scale =
 * max(absmax / qpos, ε) into scales (float64), codes min(qpos, max(qneg, w / scale)) rounded half to even into q
 * (int32). Returns −1, or the index of the first group holding a non-finite value or too wide a range.
 * The codes take the float32 fast path (proof at the top of this file) group by group; a group that fails the
 * tie test is recomputed exactly. The codes come straight from the bits of c + 1.5·2^23.
 */
export function groupQuantizeSymF32(w: usize, q: usize, scales: usize, n: i32, groupSize: i32, bits: i32): i32 {
  const qpos: f64 = <f64>((1 << (bits - 1)) - 1);
  const qneg: f64 = -qpos - 1;
  const threshold = tieThreshold(qneg, qpos);
  const vpos32 = f32x4.splat(<f32>qpos);
  const vneg32 = f32x4.splat(<f32>qneg);
  const vm32 = f32x4.splat(MAGIC32);
  const vmBits = i32x4.splat(MAGIC32_BITS);
  const vthreshold = f32x4.splat(threshold);
  const absMask = i32x4.splat(0x7fffffff);
  let g = 0;
  for (let start = 0; start < n; start += groupSize, g++) {
    const end = min(n, start + groupSize);
    let vmax = f32x4.splat(0);
    // v − v is +0 for a finite value and NaN otherwise: OR-ing its bits (one cycle per step, where a float
    // sum would wait three) leaves any nonzero bit once a NaN or ±Infinity was seen.
    let poison = i32x4.splat(0);
    let i = start;
    for (; i + 4 <= end; i += 4) {
      const v = v128.load(w + (<usize>i << 2));
      poison = v128.or(poison, f32x4.sub(v, v));
      vmax = f32x4.pmax(vmax, v128.and(v, absMask));
    }
    vmax = f32x4.pmax(vmax, v128.shuffle<i32>(vmax, vmax, 2, 3, 0, 1));
    vmax = f32x4.pmax(vmax, v128.shuffle<i32>(vmax, vmax, 1, 0, 3, 2));
    let absmax: f64 = <f64>f32x4.extract_lane(vmax, 0);
    let p: f64 = 0;
    for (; i < end; i++) {
      const v = <f64>load<f32>(w + (<usize>i << 2));
      p += v - v;
      absmax = max(absmax, abs(v));
    }
    const scale = max(absmax / qpos, FLOAT32_EPSILON);
    if (v128.any_true(poison) || p != 0 || !(scale * (qpos - qneg) <= f64.MAX_VALUE)) return g;
    store<f64>(scales + (<usize>g << 3), scale);
    const inv = normalReciprocal32(scale);
    // The group's whole vectors: fast path, unless it fails (then exactly); the last few values exactly.
    const vectorEnd = start + ((end - start) & ~3);
    let exactFrom = start;
    if (inv != 0 && threshold != 0) {
      const vinv = f32x4.splat(inv);
      let pass = i32x4.splat(-1);
      for (let off = <usize>start << 2; off < (<usize>vectorEnd << 2); off += 16) {
        const c = f32x4.pmin(f32x4.pmax(f32x4.mul(v128.load(w + off), vinv), vneg32), vpos32);
        const y = f32x4.add(c, vm32);
        pass = v128.and(pass, f32x4.lt(v128.and(f32x4.sub(c, f32x4.sub(y, vm32)), absMask), vthreshold));
        v128.store(q + off, i32x4.sub(y, vmBits));
      }
      if (v128.all_true<i32>(pass)) exactFrom = vectorEnd;
    }
    if (exactFrom < end) groupCodesExact(w, q, exactFrom, end, scale, qneg, qpos);
  }
  return -1;
}
