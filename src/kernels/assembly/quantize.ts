// AssemblyScript (compiled with `asc --enable simd`), not TypeScript: the float32 hot loops of src/core/quantize.ts
// and src/core/groupwise.ts, operation for operation, so every result is bit-for-bit the core's. The core rounds
// half to even with the magic number 1.5·2^52 in float64; so does this code, two lanes at a time (f64x2), which
// is why the values are widened to float64 rather than computed in float32 (that would change results).
// Pointers are byte offsets into this module's memory; the TypeScript side (src/kernels/index.ts) places data.

/** 1.5·2^52, src/core/rounding.ts HALF_EVEN_MAGIC. */
export const MAGIC: f64 = 6755399441055744.0;
/** src/core/qparams.ts FLOAT32_EPSILON. */
const FLOAT32_EPSILON: f64 = 1.1920928955078125e-7;

/** Returns 1 when every lane of a float poison accumulator is still 0 (no NaN or ±Infinity was seen). */
// @ts-ignore: decorator
@inline
export function clean(poison: v128): bool {
  return f32x4.extract_lane(poison, 0) == 0 && f32x4.extract_lane(poison, 1) == 0 && f32x4.extract_lane(poison, 2) == 0 && f32x4.extract_lane(poison, 3) == 0;
}

/**
 * fakeQuantizeFloat32 of src/core/quantize.ts: out[i] = f32(scale · (min(hi, max(lo, x[i] / scale)) + M − M)).
 * Returns 1, or 0 when an input was NaN or ±Infinity (the caller then lets the core report it).
 * pmin/pmax equal Math.min/Math.max for non-NaN lanes up to the sign of zero, which the + M − M erases.
 */
export function fakeQuantizeF32(x: usize, out: usize, n: i32, scale: f64, lo: f64, hi: f64): i32 {
  const vs = f64x2.splat(scale);
  const vlo = f64x2.splat(lo);
  const vhi = f64x2.splat(hi);
  const vm = f64x2.splat(MAGIC);
  let poison = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
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
  for (; i < n; i++) {
    const v = <f64>load<f32>(x + (<usize>i << 2));
    p += v - v;
    const t = Math.min(hi, Math.max(lo, v / scale));
    store<f32>(out + (<usize>i << 2), <f32>(scale * (t + MAGIC - MAGIC)));
  }
  return clean(poison) && p == 0 ? 1 : 0;
}

/**
 * symmetricFloat32 of src/core/groupwise.ts: per group of `groupSize` consecutive values, scale =
 * max(absmax / qpos, ε) into scales (float64), codes min(qpos, max(qneg, w / scale)) rounded half to even into q
 * (int32). Returns −1, or the index of the first group holding a non-finite value or too wide a range.
 */
export function groupQuantizeSymF32(w: usize, q: usize, scales: usize, n: i32, groupSize: i32, bits: i32): i32 {
  const qpos: f64 = <f64>((1 << (bits - 1)) - 1);
  const qneg: f64 = -qpos - 1;
  const vpos = f64x2.splat(qpos);
  const vneg = f64x2.splat(qneg);
  const vm = f64x2.splat(MAGIC);
  const absMask = i32x4.splat(0x7fffffff);
  let g = 0;
  for (let start = 0; start < n; start += groupSize, g++) {
    const end = min(n, start + groupSize);
    let vmax = f32x4.splat(0);
    let poison = f32x4.splat(0);
    let i = start;
    for (; i + 4 <= end; i += 4) {
      const v = v128.load(w + (<usize>i << 2));
      poison = f32x4.add(poison, f32x4.sub(v, v));
      vmax = f32x4.pmax(vmax, v128.and(v, absMask));
    }
    let absmax: f64 = max(max(<f64>f32x4.extract_lane(vmax, 0), <f64>f32x4.extract_lane(vmax, 1)), max(<f64>f32x4.extract_lane(vmax, 2), <f64>f32x4.extract_lane(vmax, 3)));
    let p: f64 = 0;
    for (; i < end; i++) {
      const v = <f64>load<f32>(w + (<usize>i << 2));
      p += v - v;
      absmax = max(absmax, abs(v));
    }
    const scale = max(absmax / qpos, FLOAT32_EPSILON);
    if (!clean(poison) || p != 0 || !(scale * (qpos - qneg) <= f64.MAX_VALUE)) return g;
    store<f64>(scales + (<usize>g << 3), scale);
    const vs = f64x2.splat(scale);
    i = start;
    for (; i + 4 <= end; i += 4) {
      const off = <usize>i << 2;
      const v = v128.load(w + off);
      const a = f64x2.promote_low_f32x4(v);
      const b = f64x2.promote_low_f32x4(v128.shuffle<i64>(v, v, 1, 0));
      const ra = f64x2.sub(f64x2.add(f64x2.pmin(vpos, f64x2.pmax(vneg, f64x2.div(a, vs))), vm), vm);
      const rb = f64x2.sub(f64x2.add(f64x2.pmin(vpos, f64x2.pmax(vneg, f64x2.div(b, vs))), vm), vm);
      v128.store(q + off, v128.shuffle<i64>(i32x4.trunc_sat_f64x2_s_zero(ra), i32x4.trunc_sat_f64x2_s_zero(rb), 0, 2));
    }
    for (; i < end; i++) {
      const v = <f64>load<f32>(w + (<usize>i << 2));
      store<i32>(q + (<usize>i << 2), <i32>(min(qpos, max(qneg, v / scale)) + MAGIC - MAGIC));
    }
  }
  return -1;
}
