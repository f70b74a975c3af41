// AssemblyScript: mse of src/core/metrics.ts for float32 inputs. The core keeps eight float64 partial sums, sum j
// over the indices i ≡ j (mod 8), combined pairwise at the end; four f64x2 accumulators are exactly those eight
// sums (accumulator k holds sums 2k and 2k + 1), each added to in index order, so the result is the core's bit for bit.

@inline function squaredDifferences(a: usize, b: usize): v128 {
  const d = f64x2.sub(f64x2.promote_low_f32x4(v128.load64_zero(a)), f64x2.promote_low_f32x4(v128.load64_zero(b)));
  return f64x2.mul(d, d);
}

/**
 * Adds the squared differences (a[i] − b[i])² over n values to the eight float64 sums at `sums`, sum j taking the
 * indices i ≡ j (mod 8). n is a multiple of 8 except for the last chunk of an array, so the phase carries over
 * between calls. The caller combines the sums and divides by the count.
 */
export function mseF32(a: usize, b: usize, n: i32, sums: usize): void {
  let s0 = v128.load(sums);
  let s1 = v128.load(sums, 16);
  let s2 = v128.load(sums, 32);
  let s3 = v128.load(sums, 48);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const pa = a + (<usize>i << 2);
    const pb = b + (<usize>i << 2);
    s0 = f64x2.add(s0, squaredDifferences(pa, pb));
    s1 = f64x2.add(s1, squaredDifferences(pa + 8, pb + 8));
    s2 = f64x2.add(s2, squaredDifferences(pa + 16, pb + 16));
    s3 = f64x2.add(s3, squaredDifferences(pa + 24, pb + 24));
  }
  v128.store(sums, s0);
  v128.store(sums, s1, 16);
  v128.store(sums, s2, 32);
  v128.store(sums, s3, 48);
  for (let j = 0; i < n; i++, j++) {
    const d = <f64>load<f32>(a + (<usize>i << 2)) - <f64>load<f32>(b + (<usize>i << 2));
    const p = sums + (<usize>j << 3);
    store<f64>(p, load<f64>(p) + d * d);
  }
}
