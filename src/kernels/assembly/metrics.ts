// AssemblyScript: mse of src/core/metrics.ts for float32 inputs. The core keeps two partial sums, one over the
// even and one over the odd indices, in float64; an f64x2 accumulator is exactly that pair (lane 0 even, lane 1
// odd), added in the same order, so the result is bit-for-bit the core's.

/**
 * Adds Σ even (a−b)² and Σ odd (a−b)² over n values to the two float64 sums at `sums` (n is even except for the
 * last chunk of an array, so the parity of indices carries over between calls). The caller divides by the count.
 */
export function mseF32(a: usize, b: usize, n: i32, sums: usize): void {
  let s = f64x2.replace_lane(f64x2.splat(load<f64>(sums)), 1, load<f64>(sums, 8));
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const off = <usize>i << 2;
    const va = v128.load(a + off);
    const vb = v128.load(b + off);
    const d0 = f64x2.sub(f64x2.promote_low_f32x4(va), f64x2.promote_low_f32x4(vb));
    s = f64x2.add(s, f64x2.mul(d0, d0));
    const d1 = f64x2.sub(f64x2.promote_low_f32x4(v128.shuffle<i64>(va, va, 1, 0)), f64x2.promote_low_f32x4(v128.shuffle<i64>(vb, vb, 1, 0)));
    s = f64x2.add(s, f64x2.mul(d1, d1));
  }
  let s0 = f64x2.extract_lane(s, 0);
  let s1 = f64x2.extract_lane(s, 1);
  for (; i + 1 < n; i += 2) {
    const d0 = <f64>load<f32>(a + (<usize>i << 2)) - <f64>load<f32>(b + (<usize>i << 2));
    const d1 = <f64>load<f32>(a + (<usize>(i + 1) << 2)) - <f64>load<f32>(b + (<usize>(i + 1) << 2));
    s0 += d0 * d0;
    s1 += d1 * d1;
  }
  if (i < n) {
    const d = <f64>load<f32>(a + (<usize>i << 2)) - <f64>load<f32>(b + (<usize>i << 2));
    s0 += d * d;
  }
  store<f64>(sums, s0);
  store<f64>(sums, s1, 8);
}
