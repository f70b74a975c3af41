// AssemblyScript: the per-value loops of `compression-tutor inspect` (src/models/inspect.ts and schemes.ts), the
// same formulas as the TypeScript there. Sums are kept in four lanes (value index mod 4 within a call) and added
// ((l0 + l1) + (l2 + l3)) at the end of the call; the TypeScript fallback sums in the same order, so both paths
// give the same bits for the same calls. Accumulators live in memory at `acc` as float64s.
import { MAGIC } from "./quantize";

// @ts-ignore: decorator
@inline
function lanesTotal(a: v128, b: v128): f64 {
  return (f64x2.extract_lane(a, 0) + f64x2.extract_lane(a, 1)) + (f64x2.extract_lane(b, 0) + f64x2.extract_lane(b, 1));
}

/**
 * First pass over x[0, n): acc[0] += Σx, acc[1] += Σx², acc[2] = min, acc[3] = max. A NaN value makes Σx NaN,
 * which the caller reports (min and max may then skip it). Returns max |x| of the segment.
 */
export function momentsF32(x: usize, n: i32, acc: usize): f64 {
  let s01 = f64x2.splat(0);
  let s23 = f64x2.splat(0);
  let q01 = f64x2.splat(0);
  let q23 = f64x2.splat(0);
  let lo = f32x4.splat(Infinity);
  let hi = f32x4.splat(-Infinity);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const v = v128.load(x + (<usize>i << 2));
    const a = f64x2.promote_low_f32x4(v);
    const b = f64x2.promote_low_f32x4(v128.shuffle<i64>(v, v, 1, 0));
    s01 = f64x2.add(s01, a);
    s23 = f64x2.add(s23, b);
    q01 = f64x2.add(q01, f64x2.mul(a, a));
    q23 = f64x2.add(q23, f64x2.mul(b, b));
    // pmin/pmax (one instruction each) instead of the NaN-propagating min/max (several): with a NaN in the
    // segment Σx is NaN anyway, which is all the caller looks at before it reports the tensor as holding NaN.
    lo = f32x4.pmin(v, lo);
    hi = f32x4.pmax(v, hi);
  }
  let sum = lanesTotal(s01, s23);
  let sumSq = lanesTotal(q01, q23);
  let mn: f64 = min(min(<f64>f32x4.extract_lane(lo, 0), <f64>f32x4.extract_lane(lo, 1)), min(<f64>f32x4.extract_lane(lo, 2), <f64>f32x4.extract_lane(lo, 3)));
  let mx: f64 = max(max(<f64>f32x4.extract_lane(hi, 0), <f64>f32x4.extract_lane(hi, 1)), max(<f64>f32x4.extract_lane(hi, 2), <f64>f32x4.extract_lane(hi, 3)));
  for (; i < n; i++) {
    const v = <f64>load<f32>(x + (<usize>i << 2));
    sum += v;
    sumSq += v * v;
    mn = min(mn, v);
    mx = max(mx, v);
  }
  store<f64>(acc, load<f64>(acc) + sum);
  store<f64>(acc, load<f64>(acc, 8) + sumSq, 8);
  store<f64>(acc, min(load<f64>(acc, 16), mn), 16);
  store<f64>(acc, max(load<f64>(acc, 24), mx), 24);
  return max(abs(mn), abs(mx));
}

/**
 * Histogram of x into 64 u32 counts over [lo, lo + 64/binScale]; returns how many |x − mean| > limit. Four
 * sub-histograms at `scratch` (value index mod 4) keep neighbouring values from waiting on the same counter;
 * counts are integers, so the order does not change the result.
 */
export function histogramF32(x: usize, n: i32, lo: f64, binScale: f64, mean: f64, limit: f64, counts: usize, scratch: usize): i32 {
  memory.fill(scratch, 0, 4 * 256);
  // Bins and the outlier test two lanes at a time in float64 (the same operations as the scalar loop below, so
  // the same bins); only the four counter increments stay scalar, one sub-histogram per lane.
  const vlo = f64x2.splat(lo);
  const vscale = f64x2.splat(binScale);
  const vmean = f64x2.splat(mean);
  const vlimit = f64x2.splat(limit);
  const v63 = f64x2.splat(63);
  let far = i64x2.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const v = v128.load(x + (<usize>i << 2));
    const a = f64x2.promote_low_f32x4(v);
    const b = f64x2.promote_low_f32x4(v128.shuffle<i64>(v, v, 1, 0));
    const ba = i32x4.trunc_sat_f64x2_s_zero(f64x2.pmin(v63, f64x2.floor(f64x2.mul(f64x2.sub(a, vlo), vscale))));
    const bb = i32x4.trunc_sat_f64x2_s_zero(f64x2.pmin(v63, f64x2.floor(f64x2.mul(f64x2.sub(b, vlo), vscale))));
    far = i64x2.sub(far, f64x2.gt(f64x2.abs(f64x2.sub(a, vmean)), vlimit));
    far = i64x2.sub(far, f64x2.gt(f64x2.abs(f64x2.sub(b, vmean)), vlimit));
    const p0 = scratch + (<usize>i32x4.extract_lane(ba, 0) << 2);
    const p1 = scratch + 256 + (<usize>i32x4.extract_lane(ba, 1) << 2);
    const p2 = scratch + 512 + (<usize>i32x4.extract_lane(bb, 0) << 2);
    const p3 = scratch + 768 + (<usize>i32x4.extract_lane(bb, 1) << 2);
    store<u32>(p0, load<u32>(p0) + 1);
    store<u32>(p1, load<u32>(p1) + 1);
    store<u32>(p2, load<u32>(p2) + 1);
    store<u32>(p3, load<u32>(p3) + 1);
  }
  let outliers = <i32>(i64x2.extract_lane(far, 0) + i64x2.extract_lane(far, 1));
  for (; i < n; i++) {
    const v = <f64>load<f32>(x + (<usize>i << 2));
    const bin = <i32>min(63.0, Math.floor((v - lo) * binScale));
    const p = scratch + (<usize>(i & 3) << 8) + (<usize>bin << 2);
    store<u32>(p, load<u32>(p) + 1);
    if (abs(v - mean) > limit) outliers++;
  }
  for (let b = 0; b < 64; b++) {
    const o = <usize>b << 2;
    store<u32>(counts + o, load<u32>(counts + o) + load<u32>(scratch + o) + load<u32>(scratch + 256 + o) + load<u32>(scratch + 512 + o) + load<u32>(scratch + 768 + o));
  }
  return outliers;
}

/** Adds Σ(w − x̂)² to acc[0] and keeps max |w − x̂| in acc[1], for x̂ = s·(clamp(w/s, −127, 127) rounded half to even). */
export function int8ErrorF32(x: usize, n: i32, s: f64, acc: usize): void {
  const vs = f64x2.splat(s);
  const vlo = f64x2.splat(-127);
  const vhi = f64x2.splat(127);
  const vm = f64x2.splat(MAGIC);
  let e01 = f64x2.splat(0);
  let e23 = f64x2.splat(0);
  let m = f64x2.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const v = v128.load(x + (<usize>i << 2));
    const a = f64x2.promote_low_f32x4(v);
    const b = f64x2.promote_low_f32x4(v128.shuffle<i64>(v, v, 1, 0));
    const da = f64x2.sub(a, f64x2.mul(vs, f64x2.sub(f64x2.add(f64x2.pmin(vhi, f64x2.pmax(vlo, f64x2.div(a, vs))), vm), vm)));
    const db = f64x2.sub(b, f64x2.mul(vs, f64x2.sub(f64x2.add(f64x2.pmin(vhi, f64x2.pmax(vlo, f64x2.div(b, vs))), vm), vm)));
    e01 = f64x2.add(e01, f64x2.mul(da, da));
    e23 = f64x2.add(e23, f64x2.mul(db, db));
    m = f64x2.pmax(m, f64x2.pmax(f64x2.abs(da), f64x2.abs(db)));
  }
  let sumSq = lanesTotal(e01, e23);
  let maxAbs = max(f64x2.extract_lane(m, 0), f64x2.extract_lane(m, 1));
  for (; i < n; i++) {
    const w = <f64>load<f32>(x + (<usize>i << 2));
    const d = w - s * (min(127.0, max(-127.0, w / s)) + MAGIC - MAGIC);
    sumSq += d * d;
    maxAbs = max(maxAbs, abs(d));
  }
  store<f64>(acc, load<f64>(acc) + sumSq);
  store<f64>(acc, max(load<f64>(acc, 8), maxAbs), 8);
}

// @ts-ignore: decorator
@inline
/** IEEE half rounding of a float32 value, nearest even, ±Infinity beyond 65504 (core float16Round). */
function float16Round(d: f64): f64 {
  // Branch-free (the sign of a Q4_0 scale is random): 0 gives 0 (0/ulp = 0), the sign is copied back at the end.
  const a = abs(d);
  const e = max(<i32>((reinterpret<u64>(a) >> 52) & 0x7ff) - 1023, -14);
  const ulp = reinterpret<f64>(<u64>(e - 10 + 1023) << 52);
  // a / ulp as a · (1/ulp): both powers of two in range, so the product is the quotient exactly, without a division.
  const r = (a * reinterpret<f64>(<u64>(1023 - (e - 10)) << 52) + MAGIC - MAGIC) * ulp;
  return copysign<f64>(select<f64>(Infinity, r, r > 65504), d);
}

/** Blocks whose scales are found before their errors: a batch's scales first, then its values' errors, so the
 * per-block chain (range, divisions, fp16 rounding) of many blocks overlaps instead of stalling each block. */
const SCALE_BATCH = 64;
const BATCH_SCALES = memory.data(SCALE_BATCH * 8, 16);

/** A block's Q4_0 or Q8_0 scale: f32 [1/d, fp16(d)] at `into`. */
// @ts-ignore: decorator
@inline
function blockScale(x: usize, b: i32, end: i32, whole: i32, q4: bool, into: usize): void {
  // The block's scale: Q4_0 keeps the signed value of largest magnitude (the first on ties), Q8_0 its magnitude.
  let amax: f32 = 0;
  let mx: f32 = 0;
  if (whole == end) {
    // Whole vectors: the block's largest and smallest value by SIMD. The one of larger magnitude is the value
    // Q4_0 wants; only when both have it (v and −v) does order decide, and a scan finds the first.
    let vmax = f32x4.splat(-Infinity);
    let vmin = f32x4.splat(Infinity);
    for (let i = b; i < end; i += 4) {
      const v = v128.load(x + (<usize>i << 2));
      vmax = f32x4.pmax(v, vmax);
      vmin = f32x4.pmin(v, vmin);
    }
    // Reduced across lanes, magnitude and sign picked, all in SIMD: scalar f32 min/max compile to compares and
    // jumps in V8, and which lane or sign wins is a coin toss per block (mispredictions were most of the time).
    vmax = f32x4.pmax(vmax, v128.shuffle<f32>(vmax, vmax, 2, 3, 0, 1));
    vmax = f32x4.pmax(vmax, v128.shuffle<f32>(vmax, vmax, 1, 0, 3, 2));
    vmin = f32x4.pmin(vmin, v128.shuffle<f32>(vmin, vmin, 2, 3, 0, 1));
    vmin = f32x4.pmin(vmin, v128.shuffle<f32>(vmin, vmin, 1, 0, 3, 2));
    const negMin = f32x4.neg(vmin);
    const positiveWins = f32x4.gt(vmax, negMin);
    const hi = f32x4.extract_lane(vmax, 0);
    const lo = f32x4.extract_lane(vmin, 0);
    amax = f32x4.extract_lane(v128.bitselect(vmax, negMin, positiveWins), 0);
    mx = f32x4.extract_lane(v128.bitselect(vmax, vmin, positiveWins), 0);
    // The rare tie of v and −v takes the scan.
    if (hi == -lo && hi > 0) {
      for (let i = b; i < end; i++) {
        const v = load<f32>(x + (<usize>i << 2));
        if (abs(v) == amax) {
          mx = v;
          break;
        }
      }
    }
  } else {
    for (let i = b; i < end; i++) {
      const v = load<f32>(x + (<usize>i << 2));
      const a = abs(v);
      if (amax < a) {
        amax = a;
        mx = v;
      }
    }
  }
  const d: f32 = q4 ? mx * <f32>-0.125 : amax / <f32>127; // mx · (−1/8) is mx / −8 exactly, without a division
  const id: f32 = select<f32>(<f32>1 / d, 0, d != 0);
  const dh = <f32>float16Round(<f64>d);
  store<f32>(into, id);
  store<f32>(into, dh, 4);
}

/**
 * Adds the error of consecutive blocks of 32 to acc = [Σ(w − x̂)², max |w − x̂|], x̂ from the block's scale.
 * The squares are summed in four lanes (index mod 4 from the call's start), combined ((l0 + l1) + (l2 + l3)) at
 * the end, as the TypeScript twin does; a short last block's values past a multiple of 4 join their lane last.
 */
// @ts-ignore: decorator
@inline
function blockErrors(x: usize, n: i32, acc: usize, q4: bool): void {
  let s01 = f64x2.splat(0);
  let s23 = f64x2.splat(0);
  let m = f64x2.splat(0);
  let t0: f64 = 0, t1: f64 = 0, t2: f64 = 0, t3: f64 = 0;
  let tailMax: f64 = 0;
  for (let b0 = 0; b0 < n; b0 += 32 * SCALE_BATCH) {
    const b1 = min(n, b0 + 32 * SCALE_BATCH);
    for (let b = b0, k = 0; b < b1; b += 32, k++) {
      const end = min(n, b + 32);
      blockScale(x, b, end, b + ((end - b) & ~3), q4, BATCH_SCALES + (<usize>k << 3));
    }
    for (let b = b0, k = 0; b < b1; b += 32, k++) {
    const end = min(n, b + 32);
    const whole = b + ((end - b) & ~3);
    const id = load<f32>(BATCH_SCALES + (<usize>k << 3));
    const dh = load<f32>(BATCH_SCALES + (<usize>k << 3), 4);
    const vid = f32x4.splat(id);
    const vdh = f32x4.splat(dh);
    const vdh64 = f64x2.splat(<f64>dh);
    for (let i = b; i < whole; i += 4) {
      const v = v128.load(x + (<usize>i << 2));
      let xhat: v128;
      if (q4) {
        // q = min(15, trunc(f32(x·id) + 8.5)), x̂ = f32((q − 8)·dh): float32 operations are correctly rounded,
        // so they give what the scalar code's float64-then-round gives.
        const q = f32x4.pmin(f32x4.splat(15), f32x4.trunc(f32x4.add(f32x4.mul(v, vid), f32x4.splat(8.5))));
        xhat = f32x4.mul(f32x4.sub(q, f32x4.splat(8)), vdh);
      } else {
        // q = roundf(f32(x·id)), half away from zero, in float64 (|v| + 0.5 is exact there), x̂ = f32(q·dh).
        const p = f32x4.mul(v, vid);
        const lo = f64x2.promote_low_f32x4(p);
        const hi = f64x2.promote_low_f32x4(v128.shuffle<i64>(p, p, 1, 0));
        const rl = v128.or(f64x2.floor(f64x2.add(f64x2.abs(lo), f64x2.splat(0.5))), v128.and(lo, f64x2.splat(-0.0)));
        const rh = v128.or(f64x2.floor(f64x2.add(f64x2.abs(hi), f64x2.splat(0.5))), v128.and(hi, f64x2.splat(-0.0)));
        xhat = v128.shuffle<i64>(f32x4.demote_f64x2_zero(f64x2.mul(rl, vdh64)), f32x4.demote_f64x2_zero(f64x2.mul(rh, vdh64)), 0, 2);
      }
      const ea = f64x2.sub(f64x2.promote_low_f32x4(v), f64x2.promote_low_f32x4(xhat));
      const eb = f64x2.sub(f64x2.promote_low_f32x4(v128.shuffle<i64>(v, v, 1, 0)), f64x2.promote_low_f32x4(v128.shuffle<i64>(xhat, xhat, 1, 0)));
      s01 = f64x2.add(s01, f64x2.mul(ea, ea));
      s23 = f64x2.add(s23, f64x2.mul(eb, eb));
      m = f64x2.pmax(m, f64x2.pmax(f64x2.abs(ea), f64x2.abs(eb)));
    }
    for (let i = whole; i < end; i++) {
      const v = load<f32>(x + (<usize>i << 2));
      let xh: f64;
      if (q4) {
        const q = min<f64>(15, Math.trunc(<f64>(v * id + <f32>8.5)));
        xh = <f64>(<f32>((q - 8) * <f64>dh));
      } else {
        const w = <f64>(v * id);
        const q = w < 0 ? -Math.floor(-w + 0.5) : Math.floor(w + 0.5);
        xh = <f64>(<f32>(q * <f64>dh));
      }
      const e = <f64>v - xh;
      const lane = i & 3; // i counts from the call's start, as the SIMD lanes do
      if (lane == 0) t0 += e * e;
      else if (lane == 1) t1 += e * e;
      else if (lane == 2) t2 += e * e;
      else t3 += e * e;
      tailMax = max(tailMax, abs(e));
    }
  }
  }
  const l0 = f64x2.extract_lane(s01, 0) + t0;
  const l1 = f64x2.extract_lane(s01, 1) + t1;
  const l2 = f64x2.extract_lane(s23, 0) + t2;
  const l3 = f64x2.extract_lane(s23, 1) + t3;
  const sum = (l0 + l1) + (l2 + l3);
  // pmax skips a NaN error (a block scale beyond fp16's range times a zero code); Math.max, the twin's, keeps it.
  // A NaN error makes the sum NaN and nothing else does (squares are never −∞), so the sum tells.
  const maxAbs = sum != sum ? NaN : max(tailMax, max(f64x2.extract_lane(m, 0), f64x2.extract_lane(m, 1)));
  store<f64>(acc, load<f64>(acc) + sum);
  store<f64>(acc, max(load<f64>(acc, 8), maxAbs), 8);
}

/** llama.cpp Q4_0 (core ggml.ts q4_0Quantize/q4_0Dequantize) over consecutive blocks of 32; a last short block is zero-padded. */
export function q4_0ErrorF32(x: usize, n: i32, acc: usize): void {
  blockErrors(x, n, acc, true);
}

/** llama.cpp Q8_0 (core ggml.ts q8_0Quantize/q8_0Dequantize) over consecutive blocks of 32. */
export function q8_0ErrorF32(x: usize, n: i32, acc: usize): void {
  blockErrors(x, n, acc, false);
}

/**
 * FP8 E4M3 with per-tensor scale s: x̂ = ±e4m3(|w/s|)·s (nearest even, saturating at 448), the error summed in
 * value order into acc = [Σ(w − x̂)², max |w − x̂|] (src/models/schemes.ts e4m3RoundNonNegative, the same steps).
 */
export function fp8ErrorF32(x: usize, n: i32, s: f64, acc: usize): void {
  let sumSq = load<f64>(acc);
  let maxAbs = load<f64>(acc, 8);
  // Without branches (the sign is random per value): a = 0 takes the subnormal spacing and rounds to 0, the
  // division by the spacing is a product with its exact reciprocal, saturation and the sign are selects.
  for (let i = 0; i < n; i++) {
    const w = <f64>load<f32>(x + (<usize>i << 2));
    const a = abs(w / s);
    const e = max(<i32>((reinterpret<u64>(a) >> 52) & 0x7ff) - 1023, -6);
    const ulp = reinterpret<f64>(<u64>(e - 3 + 1023) << 52);
    const rounded = (a * reinterpret<f64>(<u64>(1023 - (e - 3)) << 52) + MAGIC - MAGIC) * ulp;
    const r = select<f64>(448, rounded, rounded > 448);
    const d = w - copysign<f64>(r, w) * s; // r = 0 gives ±0: the same error
    sumSq += d * d;
    maxAbs = select<f64>(abs(d), maxAbs, abs(d) > maxAbs);
  }
  store<f64>(acc, sumSq);
  store<f64>(acc, maxAbs, 8);
}

/** bitsandbytes' NF4 code values (core nf4.ts NF4_CODEBOOK). */
const NF4: StaticArray<f64> = [
  -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635, -0.18477343022823334,
  -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
  0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0,
];

/**
 * NF4 over consecutive blocks of 64 (the last may be short): x̂ = NF4[c]·absmax with c the nearer of the two codes
 * around w/absmax (the lower on a tie), the error summed in value order (src/models/schemes.ts Nf4B64).
 */
export function nf4ErrorF32(x: usize, n: i32, acc: usize): void {
  let sumSq = load<f64>(acc);
  let maxAbs = load<f64>(acc, 8);
  for (let b = 0; b < n; b += 64) {
    const end = min(n, b + 64);
    // The block's absmax by SIMD, reduced across lanes in SIMD (a scalar running max compiles to jumps that
    // mispredict each time it rises).
    let va = f32x4.splat(0);
    let i0 = b;
    for (; i0 + 4 <= end; i0 += 4) va = f32x4.pmax(f32x4.abs(v128.load(x + (<usize>i0 << 2))), va);
    for (; i0 < end; i0++) va = f32x4.pmax(f32x4.splat(abs(load<f32>(x + (<usize>i0 << 2)))), va);
    va = f32x4.pmax(va, v128.shuffle<f32>(va, va, 2, 3, 0, 1));
    va = f32x4.pmax(va, v128.shuffle<f32>(va, va, 1, 0, 3, 2));
    const absmax = <f64>f32x4.extract_lane(va, 0);
    if (absmax == 0) continue;
    for (let i = b; i < end; i++) {
      const w = <f64>load<f32>(x + (<usize>i << 2));
      const v = w / absmax;
      // hi = 1 + how many of NF4[1..14] are ≤ v: where the scalar `while (NF4[hi] <= v) hi++` stops (the table
      // ascends), counted with seven two-lane compares instead of a branch per code.
      const vv = f64x2.splat(v);
      const table = changetype<usize>(NF4) + 8;
      let count = v128.sub<i64>(v128.sub<i64>(i64x2.splat(0), f64x2.le(v128.load(table), vv)), f64x2.le(v128.load(table, 16), vv));
      count = v128.sub<i64>(count, f64x2.le(v128.load(table, 32), vv));
      count = v128.sub<i64>(v128.sub<i64>(count, f64x2.le(v128.load(table, 48), vv)), f64x2.le(v128.load(table, 64), vv));
      count = v128.sub<i64>(v128.sub<i64>(count, f64x2.le(v128.load(table, 80), vv)), f64x2.le(v128.load(table, 96), vv));
      const hi = 1 + <i32>(i64x2.extract_lane(count, 0) + i64x2.extract_lane(count, 1));
      const lo = hi - 1;
      const c = abs(v - unchecked(NF4[hi])) < abs(v - unchecked(NF4[lo])) ? hi : lo;
      const d = w - unchecked(NF4[c]) * absmax;
      sumSq += d * d;
      maxAbs = select<f64>(abs(d), maxAbs, abs(d) > maxAbs);
    }
  }
  store<f64>(acc, sumSq);
  store<f64>(acc, maxAbs, 8);
}

/**
 * int4-g128 over consecutive whole groups, x[0] being value `inRow` of a row of `rowLength` (groups of 128 along
 * the row, a row's last one shorter): s = max|w| / 7, x̂ = s·clamp(round_half_even(w/s), −8, 7), the errors summed
 * in value order into acc = [Σ(w − x̂)², max |w − x̂|] (src/models/valueOps.ts int4Blocks, the same steps). The
 * quotients and squares are found two lanes at a time; the squares are then added one by one, in order.
 */
export function int4ErrorF32(x: usize, n: i32, inRow: i32, rowLength: i32, acc: usize): void {
  let sumSq = load<f64>(acc);
  let m = f64x2.splat(load<f64>(acc, 8));
  let pos = inRow;
  for (let b = 0; b < n; ) {
    const end = b + min(rowLength, pos - (pos % 128) + 128) - pos;
    // The group's absmax by SIMD, reduced across lanes in SIMD (scalar maxima compile to jumps that mispredict).
    let va = f32x4.splat(0);
    let i = b;
    for (; i + 4 <= end; i += 4) va = f32x4.pmax(f32x4.abs(v128.load(x + (<usize>i << 2))), va);
    for (; i < end; i++) va = f32x4.pmax(f32x4.splat(abs(load<f32>(x + (<usize>i << 2)))), va);
    va = f32x4.pmax(va, v128.shuffle<f32>(va, va, 2, 3, 0, 1));
    va = f32x4.pmax(va, v128.shuffle<f32>(va, va, 1, 0, 3, 2));
    const absmax = <f64>f32x4.extract_lane(va, 0);
    if (absmax != 0) {
      const s = absmax / 7;
      const vs = f64x2.splat(s);
      const vlo = f64x2.splat(-8);
      const vhi = f64x2.splat(7);
      const vm = f64x2.splat(MAGIC);
      let j = b;
      for (; j + 2 <= end; j += 2) {
        const w = f64x2.promote_low_f32x4(v128.load64_zero(x + (<usize>j << 2)));
        const d = f64x2.sub(w, f64x2.mul(vs, f64x2.sub(f64x2.add(f64x2.pmin(vhi, f64x2.pmax(vlo, f64x2.div(w, vs))), vm), vm)));
        const dd = f64x2.mul(d, d);
        sumSq += f64x2.extract_lane(dd, 0);
        sumSq += f64x2.extract_lane(dd, 1);
        m = f64x2.pmax(f64x2.abs(d), m);
      }
      for (; j < end; j++) {
        const w = <f64>load<f32>(x + (<usize>j << 2));
        const d = w - s * (min(7.0, max(-8.0, w / s)) + MAGIC - MAGIC);
        sumSq += d * d;
        m = f64x2.pmax(f64x2.splat(abs(d)), m);
      }
    }
    pos += end - b;
    if (pos == rowLength) pos = 0;
    b = end;
  }
  store<f64>(acc, sumSq);
  store<f64>(acc, max(f64x2.extract_lane(m, 0), f64x2.extract_lane(m, 1)), 8);
}
