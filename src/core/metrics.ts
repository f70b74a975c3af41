/** Error metrics between a tensor and its reconstruction. */
import { fail, reportNonFinite, requireArrayLike, requireSameLength } from "./validate";

function requirePair(fn: string, aName: string, bName: string, a: ArrayLike<number>, b: ArrayLike<number>): number {
  requireArrayLike(fn, aName, a);
  requireArrayLike(fn, bName, b);
  requireSameLength(fn, aName, bName, a, b);
  return a.length;
}

/**
 * Mean squared error: (1/n) Σ (a_i − b_i)².
 *
 * @param a a non-empty array of finite numbers (e.g. the weights)
 * @param b an array of the same length (e.g. the dequantized weights)
 * @returns the mean of the squared differences (Infinity if it exceeds the double range)
 * @throws if either array is empty or non-finite, or the lengths differ
 * @example
 * mse([0.1, 0.4, -0.2], [0.0, 0.5, -0.25])  // 0.007499999999999999 (0.0075 up to rounding)
 */
export function mse(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = requirePair("mse", "a", "b", a, b);
  // Eight partial sums, s_j over the indices i ≡ j (mod 8), each in index order, then added pairwise:
  // ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)). Independent sums shorten the add-latency chain, and this
  // fixed order is one that four float64x2 SIMD accumulators reproduce bit for bit (src/kernels/assembly/metrics.ts).
  // NaN or overflow anywhere makes the total non-finite, which is checked once at the end.
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
  let i = 0;
  for (; i + 7 < n; i += 8) {
    const d0 = a[i] - b[i];
    const d1 = a[i + 1] - b[i + 1];
    const d2 = a[i + 2] - b[i + 2];
    const d3 = a[i + 3] - b[i + 3];
    const d4 = a[i + 4] - b[i + 4];
    const d5 = a[i + 5] - b[i + 5];
    const d6 = a[i + 6] - b[i + 6];
    const d7 = a[i + 7] - b[i + 7];
    s0 += d0 * d0;
    s1 += d1 * d1;
    s2 += d2 * d2;
    s3 += d3 * d3;
    s4 += d4 * d4;
    s5 += d5 * d5;
    s6 += d6 * d6;
    s7 += d7 * d7;
  }
  const tail = n - i; // 0 to 7 values, which continue sums 0, 1, … in turn
  const square = (j: number): number => {
    const d = a[i + j] - b[i + j];
    return d * d;
  };
  if (tail > 0) s0 += square(0);
  if (tail > 1) s1 += square(1);
  if (tail > 2) s2 += square(2);
  if (tail > 3) s3 += square(3);
  if (tail > 4) s4 += square(4);
  if (tail > 5) s5 += square(5);
  if (tail > 6) s6 += square(6);
  const sum = s0 + s1 + (s2 + s3) + (s4 + s5 + (s6 + s7));
  if (!Number.isFinite(sum)) {
    requireFiniteElements("mse", a, b);
    // Finite inputs whose squared differences exceed the double range: the mean is honestly too large.
    return Infinity;
  }
  return sum / n;
}

/** Throws naming the first non-finite element of a or b; returns normally when both are finite. */
function requireFiniteElements(fn: string, a: ArrayLike<number>, b: ArrayLike<number>, aName = "a", bName = "b"): void {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) reportNonFinite(fn, aName, a);
  for (let i = 0; i < b.length; i++) if (!Number.isFinite(b[i])) reportNonFinite(fn, bName, b);
}

/**
 * Mean absolute error: (1/n) Σ |a_i − b_i|.
 *
 * @param a a non-empty array of finite numbers
 * @param b an array of the same length
 * @returns the mean of the absolute differences
 * @throws if either array is empty or non-finite, or the lengths differ
 * @example
 * mae([0.1, 0.4, -0.2], [0.0, 0.5, -0.25])  // 0.08333333333333333
 */
export function mae(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = requirePair("mae", "a", "b", a, b);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs(a[i] - b[i]);
  if (!Number.isFinite(sum)) {
    requireFiniteElements("mae", a, b);
    // Rare overflow of the running sum: average the pre-divided terms instead.
    let mean = 0;
    for (let i = 0; i < n; i++) mean += Math.abs(a[i] / n - b[i] / n);
    return mean;
  }
  return sum / n;
}

/**
 * Largest absolute error: max_i |a_i − b_i|.
 *
 * @param a a non-empty array of finite numbers
 * @param b an array of the same length
 * @returns the largest absolute difference
 * @throws if either array is empty or non-finite, or the lengths differ
 * @example
 * maxAbsError([0.1, 0.4, -0.2], [0.0, 0.5, -0.25])  // 0.1
 */
export function maxAbsError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = requirePair("maxAbsError", "a", "b", a, b);
  let max = 0;
  let poison = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.abs(a[i] - b[i]);
    poison += d - d;
    if (d > max) max = d;
  }
  if (poison !== 0 || !Number.isFinite(max)) {
    requireFiniteElements("maxAbsError", a, b);
    return Infinity; // finite inputs of opposite sign near ±Number.MAX_VALUE: the difference overflows
  }
  return max;
}

/**
 * Signal-to-quantization-noise ratio in decibels: 10 · log10(Σ x_i² / Σ (x_i − x̂_i)²).
 * Each bit of a uniform quantizer adds about 6.02 dB.
 *
 * @param x the original signal, non-empty, finite, not all zeros
 * @param xHat its reconstruction, same length
 * @returns the SQNR in dB; `Infinity` when the reconstruction is exact
 * @throws if x is all zeros (no signal to compare against), or as `mse`
 * @example
 * sqnrDb([1, -1, 1, -1], [1.1, -0.9, 0.9, -1.1])  // 19.999999999999996 (20 dB up to rounding)
 */
export function sqnrDb(x: ArrayLike<number>, xHat: ArrayLike<number>): number {
  const fn = "sqnrDb";
  const n = requirePair(fn, "x", "xHat", x, xHat);
  requireFiniteElements(fn, x, xHat, "x", "xHat");
  // The ratio does not change when both are scaled, so scale by the largest magnitude: the sums of squares
  // can then neither overflow (values near 1e155 and up) nor underflow (values near 1e-160 and down).
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(x[i]), Math.abs(xHat[i]));
  let signal = 0;
  let noise = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i] / largest;
    const d = xi - xHat[i] / largest;
    signal += xi * xi;
    noise += d * d;
  }
  if (!(signal > 0)) fail(fn, "x is all zeros, so there is no signal to compare the noise against");
  if (noise === 0) return Infinity;
  return 10 * Math.log10(signal / noise);
}
