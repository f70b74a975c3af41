// AssemblyScript: softmaxRows of src/core/softmax.ts for float32 logits and output, step for step (row max,
// e = exp((x − m) / T) stored as float32 while the float64 sum keeps the unrounded e, in index order, then
// out·(1/sum)). The exponentials run two lanes at a time with the same bits as V8's Math.exp: in a row whose
// smallest shifted logit is above −700 (nearly every row) through the branch-free v8ExpNonPositiveF64x2, four
// values an iteration; otherwise through v8ExpF64x2, which hands fdlibm's special cases to the scalar port.
import { v8Exp, v8ExpF64x2, v8ExpNonPositiveF64x2 } from "./exp";

/** Writes e = exp((x − m) / T) over [start, end) as float32 and returns Σ e in index order (rows in (−700, 0]). */
function expRowRegular(x: usize, out: usize, start: i32, end: i32, m: f64, temperature: f64): f64 {
  const vm = f64x2.splat(m);
  const vt = f64x2.splat(temperature);
  let sum: f64 = 0;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const off = <usize>i << 2;
    const v = v128.load(x + off);
    const e0 = v8ExpNonPositiveF64x2(f64x2.div(f64x2.sub(f64x2.promote_low_f32x4(v), vm), vt));
    const e1 = v8ExpNonPositiveF64x2(f64x2.div(f64x2.sub(f64x2.promote_low_f32x4(v128.shuffle<i64>(v, v, 1, 0)), vm), vt));
    v128.store(out + off, v128.shuffle<i64>(f32x4.demote_f64x2_zero(e0), f32x4.demote_f64x2_zero(e1), 0, 2));
    sum += f64x2.extract_lane(e0, 0);
    sum += f64x2.extract_lane(e0, 1);
    sum += f64x2.extract_lane(e1, 0);
    sum += f64x2.extract_lane(e1, 1);
  }
  for (; i < end; i++) {
    const e = v8Exp((<f64>load<f32>(x + (<usize>i << 2)) - m) / temperature);
    store<f32>(out + (<usize>i << 2), <f32>e);
    sum += e;
  }
  return sum;
}

/** The same for any row (NaN, ±Infinity, shifted logits at or below −700): fdlibm's branches lane by lane. */
function expRowChecked(x: usize, out: usize, start: i32, end: i32, m: f64, temperature: f64): f64 {
  const vm = f64x2.splat(m);
  const vt = f64x2.splat(temperature);
  let sum: f64 = 0;
  let i = start;
  for (; i + 2 <= end; i += 2) {
    const off = <usize>i << 2;
    const v = f64x2.promote_low_f32x4(v128.load64_zero(x + off));
    const e = v8ExpF64x2(f64x2.div(f64x2.sub(v, vm), vt));
    v128.store64_lane(out + off, f32x4.demote_f64x2_zero(e), 0);
    sum += f64x2.extract_lane(e, 0);
    sum += f64x2.extract_lane(e, 1);
  }
  for (; i < end; i++) {
    const e = v8Exp((<f64>load<f32>(x + (<usize>i << 2)) - m) / temperature);
    store<f32>(out + (<usize>i << 2), <f32>e);
    sum += e;
  }
  return sum;
}

/** Returns 1, or 0 when a row's result is NaN (a non-finite logit), which the core then reports. */
export function softmaxRowsF32(x: usize, out: usize, n: i32, rowLength: i32, temperature: f64): i32 {
  for (let start = 0; start < n; start += rowLength) {
    const end = start + rowLength;
    // Row max: `if (v > m) m = v` never takes NaN; pmax (m < v ? v : m) neither. Which zero wins does not
    // matter: x − (±0) is the same for every x but ±0, whose exp is 1 either way. The row min (f32x4.min passes
    // NaN on) bounds every shifted logit from below, as subtraction and division by T > 0 are monotonic.
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
    const sum = (lowest - m) / temperature > -700 ? expRowRegular(x, out, start, end, m, temperature) : expRowChecked(x, out, start, end, m, temperature);
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
