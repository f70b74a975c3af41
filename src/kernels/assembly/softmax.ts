// AssemblyScript: softmaxRows of src/core/softmax.ts for float32 logits and output (softmaxIntoFloat32, with
// softmaxExpFloat32 of src/core/float32Exp.ts), step for step: row max, z = (x − m)·(1/T) in float64, e =
// softmaxExpFloat32(z) stored as float32 while four float64 partial sums (positions mod 4) keep e, then
// out·(1/((s0 + s1) + (s2 + s3))) in float64. The exponential runs four values at a time: its float64 steps (z, k
// and the reduced r) two lanes per instruction, its float32 polynomial four, each step rounded as in the core.

const LOG2E: f64 = 1.4426950408889634;
const LN2_HI: f64 = 6.93147180369123816490e-1;
const LN2_LO: f64 = 1.90821492927058770002e-10;
const ROUND_TO_INT: f64 = 6755399441055744; // 1.5·2^52
const P0: f32 = 1.9875691500e-4;
const P1: f32 = 1.3981999507e-3;
const P2: f32 = 8.3334519073e-3;
const P3: f32 = 4.1665795894e-2;
const P4: f32 = 1.6666665459e-1;
const P5: f32 = 5.0000001201e-1;

/** The core's softmaxExpFloat32, one value (row tails). */
function softmaxExpFloat32(z: f64): f64 {
  if (!(z > -700)) return z != z ? z : 0;
  const kBits = z * LOG2E + ROUND_TO_INT; // k + 1.5·2^52: k in the low bits of the significand
  const k = kBits - ROUND_TO_INT;
  const r = <f32>(z - k * LN2_HI - k * LN2_LO);
  const rr = r * r;
  let p = P0 * r + P1;
  p = p * r + P2;
  p = p * r + P3;
  p = p * r + P4;
  p = p * r + P5;
  p = p * rr + r + 1;
  return <f64>p * reinterpret<f64>((reinterpret<u64>(kBits) + 1023) << 52);
}

/** r = z − k·ln2 in float64 for two lanes, k from kBits = z·log2 e + 1.5·2^52 (k in its low significand bits). */
@inline function reduced(z: v128, kBits: v128): v128 {
  const k = f64x2.sub(kBits, f64x2.splat(ROUND_TO_INT));
  return f64x2.sub(f64x2.sub(z, f64x2.mul(k, f64x2.splat(LN2_HI))), f64x2.mul(k, f64x2.splat(LN2_LO)));
}

/** p = 1 + r + r²·P(r) in float32, four lanes, each step rounded as the core's Math.fround steps. */
@inline function polynomial(r: v128): v128 {
  const rr = f32x4.mul(r, r);
  let p = f32x4.add(f32x4.mul(f32x4.splat(P0), r), f32x4.splat(P1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(P2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(P3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(P4));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(P5));
  return f32x4.add(f32x4.add(f32x4.mul(p, rr), r), f32x4.splat(1));
}

/** p·2^k for two lanes (exact in float64 for k ∈ [−1010, 0]). */
@inline function scaled(p: v128, kBits: v128): v128 {
  return f64x2.mul(f64x2.promote_low_f32x4(p), i64x2.shl(i64x2.add(kBits, i64x2.splat(1023)), 52));
}

/** Lanes outside (−700, 0] get the core's value there: z itself where it is NaN, else +0. */
@inline function outside(e: v128, z: v128, valid: v128): v128 {
  return v128.bitselect(e, v128.and(z, f64x2.ne(z, z)), valid);
}

/**
 * Writes e = softmaxExpFloat32((x − m) / T) over [start, end) as float32 and returns Σ e in index order. `checked`
 * rows may hold shifted logits at or below −700 or NaN (those lanes go through the formula as 0, then are
 * replaced); the others have none.
 */
@inline function expRow(x: usize, out: usize, start: i32, end: i32, m: f64, inverseT: f64, checked: bool): f64 {
  const vm = f64x2.splat(m);
  const vt = f64x2.splat(inverseT);
  let sums01 = f64x2.splat(0);
  let sums23 = f64x2.splat(0);
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const off = <usize>i << 2;
    const v = v128.load(x + off);
    const z0 = f64x2.mul(f64x2.sub(f64x2.promote_low_f32x4(v), vm), vt);
    const z1 = f64x2.mul(f64x2.sub(f64x2.promote_low_f32x4(v128.shuffle<i64>(v, v, 1, 0)), vm), vt);
    let valid0 = z0;
    let valid1 = z1;
    let y0 = z0;
    let y1 = z1;
    if (checked) {
      valid0 = f64x2.gt(z0, f64x2.splat(-700));
      valid1 = f64x2.gt(z1, f64x2.splat(-700));
      y0 = v128.and(z0, valid0);
      y1 = v128.and(z1, valid1);
    }
    const kBits0 = f64x2.add(f64x2.mul(y0, f64x2.splat(LOG2E)), f64x2.splat(ROUND_TO_INT));
    const kBits1 = f64x2.add(f64x2.mul(y1, f64x2.splat(LOG2E)), f64x2.splat(ROUND_TO_INT));
    const r = v128.shuffle<i64>(f32x4.demote_f64x2_zero(reduced(y0, kBits0)), f32x4.demote_f64x2_zero(reduced(y1, kBits1)), 0, 2);
    const p = polynomial(r);
    let e0 = scaled(p, kBits0);
    let e1 = scaled(v128.shuffle<i64>(p, p, 1, 0), kBits1);
    if (checked) {
      e0 = outside(e0, z0, valid0);
      e1 = outside(e1, z1, valid1);
    }
    v128.store(out + off, v128.shuffle<i64>(f32x4.demote_f64x2_zero(e0), f32x4.demote_f64x2_zero(e1), 0, 2));
    sums01 = f64x2.add(sums01, e0);
    sums23 = f64x2.add(sums23, e1);
  }
  let s0 = f64x2.extract_lane(sums01, 0);
  let s1 = f64x2.extract_lane(sums01, 1);
  let s2 = f64x2.extract_lane(sums23, 0);
  if (i < end) s0 += expStore(x, out, i, m, inverseT);
  if (i + 1 < end) s1 += expStore(x, out, i + 1, m, inverseT);
  if (i + 2 < end) s2 += expStore(x, out, i + 2, m, inverseT);
  return s0 + s1 + (s2 + f64x2.extract_lane(sums23, 1));
}

/** e = softmaxExpFloat32((x[i] − m)·(1/T)) stored as float32 at out[i]. */
@inline function expStore(x: usize, out: usize, i: i32, m: f64, inverseT: f64): f64 {
  const e = softmaxExpFloat32((<f64>load<f32>(x + (<usize>i << 2)) - m) * inverseT);
  store<f32>(out + (<usize>i << 2), <f32>e);
  return e;
}

/** The core's row for a subnormal T, whose 1/T overflows: z = (x − m)/T, one value at a time. */
function expRowDividing(x: usize, out: usize, start: i32, end: i32, m: f64, temperature: f64): f64 {
  let s0: f64 = 0, s1: f64 = 0, s2: f64 = 0, s3: f64 = 0;
  for (let i = start; i < end; i++) {
    const e = softmaxExpFloat32((<f64>load<f32>(x + (<usize>i << 2)) - m) / temperature);
    store<f32>(out + (<usize>i << 2), <f32>e);
    const j = (i - start) & 3;
    if (j == 0) s0 += e;
    else if (j == 1) s1 += e;
    else if (j == 2) s2 += e;
    else s3 += e;
  }
  return s0 + s1 + (s2 + s3);
}

function expRowRegular(x: usize, out: usize, start: i32, end: i32, m: f64, inverseT: f64): f64 {
  return expRow(x, out, start, end, m, inverseT, false);
}

function expRowChecked(x: usize, out: usize, start: i32, end: i32, m: f64, inverseT: f64): f64 {
  return expRow(x, out, start, end, m, inverseT, true);
}

/** Returns 1, or 0 when a row's result is NaN (a non-finite logit), which the core then reports. */
export function softmaxRowsF32(x: usize, out: usize, n: i32, rowLength: i32, temperature: f64): i32 {
  const inverseT = 1 / temperature;
  for (let start = 0; start < n; start += rowLength) {
    const end = start + rowLength;
    // Row max: `if (v > m) m = v` never takes NaN; pmax (m < v ? v : m) neither. Which zero wins does not
    // matter: x − (±0) is the same for every x but ±0, whose exp is 1 either way. The row min (f32x4.min passes
    // NaN on) bounds every shifted logit from below, as subtraction and multiplying by 1/T > 0 are monotonic.
    let vmax = f32x4.splat(-Infinity);
    let vmin = f32x4.splat(Infinity);
    let i = start;
    for (; i + 4 <= end; i += 4) {
      const v = v128.load(x + (<usize>i << 2));
      vmax = f32x4.pmax(vmax, v);
      vmin = f32x4.min(vmin, v);
    }
    let m: f64 = -Infinity;
    let lowest: f64 = Infinity;
    for (let lane = 0; lane < 4; lane++) {
      const v = <f64>f32x4.extract_lane(vmax, 0);
      if (v > m) m = v;
      lowest = Math.min(lowest, <f64>f32x4.extract_lane(vmin, 0));
      vmax = v128.shuffle<f32>(vmax, vmax, 1, 2, 3, 0);
      vmin = v128.shuffle<f32>(vmin, vmin, 1, 2, 3, 0);
    }
    for (; i < end; i++) {
      const v = <f64>load<f32>(x + (<usize>i << 2));
      if (v > m) m = v;
      lowest = Math.min(lowest, v);
    }
    const sum = !isFinite(inverseT)
      ? expRowDividing(x, out, start, end, m, temperature)
      : (lowest - m) * inverseT > -700
        ? expRowRegular(x, out, start, end, m, inverseT)
        : expRowChecked(x, out, start, end, m, inverseT);
    const inverseSum = 1 / sum;
    const vinv = f64x2.splat(inverseSum);
    i = start;
    for (; i + 4 <= end; i += 4) {
      const p = out + (<usize>i << 2);
      const v = v128.load(p);
      const a = f32x4.demote_f64x2_zero(f64x2.mul(f64x2.promote_low_f32x4(v), vinv));
      const b = f32x4.demote_f64x2_zero(f64x2.mul(f64x2.promote_low_f32x4(v128.shuffle<i64>(v, v, 1, 0)), vinv));
      v128.store(p, v128.shuffle<i64>(a, b, 0, 2));
    }
    for (; i < end; i++) {
      const p = out + (<usize>i << 2);
      store<f32>(p, <f32>(<f64>load<f32>(p) * inverseSum));
    }
    if (!(<f64>load<f32>(out + (<usize>start << 2)) >= 0)) return 0;
  }
  return 1;
}
