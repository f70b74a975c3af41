/**
 * Calibration: choosing the clipping threshold T of a symmetric int8 activation quantizer from observed values.
 *
 *   min-max     T = max |x|
 *   percentile  T = the p-th percentile of |x|, linear interpolation between order statistics (numpy's default):
 *               sorted a_0 ≤ … ≤ a_{n−1}, h = (n − 1) · p / 100, T = a_⌊h⌋ + (h − ⌊h⌋) · (a_⌊h⌋+1 − a_⌊h⌋)
 *   entropy     TensorRT's KL calibration (Migacz 2017, "8-bit Inference with TensorRT"; MXNet's
 *               `_get_optimal_threshold`) on a histogram of |x| with n bins of width w and L quantized levels:
 *               for each i = L … n (keep the first i bins):
 *                 P = counts[0..i−1], with the clipped tail Σ counts[i..] added to P[i−1]
 *                 split the i bins into L chunks of ⌊i / L⌋ bins (the last chunk takes the rest); each chunk's
 *                 total of the raw counts (the tail not added) is spread evenly over its bins where P > 0: Q
 *                 KL_i = Σ_{P_b > 0} p_b ln(p_b / q_b) with P and Q normalised (∞ where q_b = 0 < p_b)
 *               T = i* · w for the first i* of least KL
 *   error       symmetric b-bit quantization with scale T / (2^(b−1) − 1), clamped to ±(2^(b−1) − 1), ties to
 *               even; MSE = mean (x − x̂)²
 */
import { round } from "./rounding";
import { fail, requireFiniteArray, requireIntegerIn, requirePositive } from "./validate";

/**
 * The p-th percentile of |x| with linear interpolation (numpy.percentile's default method).
 *
 * @param x the observed values
 * @param p the percentile, 0..100
 * @returns the threshold
 * @throws if x is empty or not finite, or p is outside [0, 100]
 * @example
 * percentileThreshold([-4, 1, 2, 3], 50)  // 2.5  (|x| sorted: 1, 2, 3, 4; h = 1.5)
 */
export function percentileThreshold(x: number[], p: number): number {
  const fn = "percentileThreshold";
  const a = Array.from(requireFiniteArray(fn, "x", x), Math.abs).sort((u, v) => u - v);
  if (typeof p !== "number" || !(p >= 0 && p <= 100)) fail(fn, `p must be between 0 and 100, got ${String(p)}`);
  const q = p;
  const h = ((a.length - 1) * q) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(a.length - 1, lo + 1);
  const t = h - lo;
  // numpy's _lerp: from the lower neighbour below t = 0.5, from the upper one above, so both ends are exact.
  return t >= 0.5 ? a[hi] - (a[hi] - a[lo]) * (1 - t) : a[lo] + (a[hi] - a[lo]) * t;
}

/** The KL divergence of each candidate and the threshold of the least. */
export interface EntropyCalibration {
  /** i* · binWidth */
  threshold: number;
  /** i*: how many bins the threshold keeps */
  bins: number;
  /** KL(P ‖ Q) for i = levels … n, in order (Infinity where Q misses mass P has) */
  divergences: number[];
}

/**
 * TensorRT's entropy (KL) calibration on a histogram of |x|: see the module comment.
 *
 * @param counts the histogram of |x|: n ≥ levels non-negative counts, bin b covering [b·w, (b + 1)·w)
 * @param binWidth w, > 0
 * @param levels L, the number of quantized levels on one side (128 for int8), an integer ≥ 2
 * @returns `{ threshold, bins, divergences }`
 * @throws if counts is not finite and non-negative, holds fewer than `levels` bins or only zeros, binWidth is not
 *   positive, or levels is not an integer ≥ 2
 * @example
 * entropyThreshold([8, 4, 2, 1, 0, 1], 0.5, 2)
 * // { threshold: 1.5, bins: 3, divergences: [0.0588915…, 0.0103096…, 0.0498567…, 0.0645796…, 0.1250483…] }
 */
export function entropyThreshold(counts: number[], binWidth: number, levels: number): EntropyCalibration {
  const fn = "entropyThreshold";
  const hist = Array.from(requireFiniteArray(fn, "counts", counts));
  const w = requirePositive(fn, "binWidth", binWidth);
  const L = requireIntegerIn(fn, "levels", levels, 2, 1 << 16);
  for (let b = 0; b < hist.length; b++) if (hist[b] < 0) fail(fn, `counts[${b}] is negative (${hist[b]})`);
  if (hist.length < L) fail(fn, `counts has ${hist.length} bins, fewer than the ${L} levels: the histogram must be at least as fine as the quantizer`);
  if (!hist.some((c) => c > 0)) fail(fn, "counts holds only zeros: there is nothing to calibrate on");
  const divergences: number[] = [];
  let best = -1;
  for (let i = L; i <= hist.length; i++) {
    const kl = candidateKl(hist, i, L);
    divergences.push(kl);
    if (best < 0 || kl < divergences[best - L]) best = i;
  }
  return { threshold: best * w, bins: best, divergences };
}

function candidateKl(hist: number[], i: number, L: number): number {
  const p = hist.slice(0, i);
  for (let b = i; b < hist.length; b++) p[i - 1] += hist[b];
  const q = new Array<number>(i).fill(0);
  const merged = Math.floor(i / L);
  for (let j = 0; j < L; j++) {
    const start = j * merged;
    const stop = j === L - 1 ? i : start + merged;
    let total = 0;
    let nonzero = 0;
    for (let b = start; b < stop; b++) {
      total += hist[b];
      if (p[b] > 0) nonzero++;
    }
    if (nonzero > 0) for (let b = start; b < stop; b++) if (p[b] > 0) q[b] = total / nonzero;
  }
  const pSum = p.reduce((s, v) => s + v, 0);
  const qSum = q.reduce((s, v) => s + v, 0);
  if (qSum === 0) return Infinity;
  let kl = 0;
  for (let b = 0; b < i; b++) {
    if (p[b] === 0) continue;
    if (q[b] === 0) return Infinity;
    const pb = p[b] / pSum;
    kl += pb * Math.log(pb / (q[b] / qSum));
  }
  return kl;
}

/**
 * Mean squared error of symmetric b-bit quantization clipped at the threshold T: scale = T / (2^(b−1) − 1),
 * x̂ = clamp(round(x / scale), −(2^(b−1) − 1), 2^(b−1) − 1) · scale (ties to even), MSE = mean (x − x̂)².
 *
 * @param x the values
 * @param threshold T, > 0
 * @param bits bit width, 2..16
 * @returns the mean squared error
 * @throws if x is empty or not finite, threshold is not positive, or bits is not an integer 2..16
 * @example
 * calibrationMse([0.5, -1, 3], 1, 8)  // 1.3333385000103333  (3 is clipped to 1: (3 − 1)² / 3 = 4/3, plus 0.5's rounding)
 */
export function calibrationMse(x: number[], threshold: number, bits: number): number {
  const fn = "calibrationMse";
  const values = requireFiniteArray(fn, "x", x);
  const t = requirePositive(fn, "threshold", threshold);
  const qmax = 2 ** (requireIntegerIn(fn, "bits", bits, 2, 16) - 1) - 1;
  const scale = t / qmax;
  let sum = 0;
  for (let k = 0; k < values.length; k++) {
    const xHat = Math.min(qmax, Math.max(-qmax, round(values[k] / scale, "half-even"))) * scale;
    sum += (values[k] - xHat) ** 2;
  }
  return sum / values.length;
}
