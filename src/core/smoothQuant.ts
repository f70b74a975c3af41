/**
 * SmoothQuant's scale migration (Xiao et al. 2023, Eq. 4; the reference code's `smooth_ln_fcs` in
 * smoothquant/smooth.py and `quantize_activation_per_tensor_absmax` in smoothquant/fake_quant.py).
 *
 * For Y = X W with X tokens × K and W K × N, input channel j (column j of X, row j of W) gets a scale
 *
 *   s_j = max(max_t |X_tj|, 1e−5)^α / max(max_n |W_jn|, 1e−5)^(1−α),  then s_j = max(s_j, 1e−5)
 *
 * and the difficulty moves from activations to weights: X̂ = X · diag(s)^−1, Ŵ = diag(s) · W, so X̂ Ŵ = X W exactly
 * in real arithmetic. α = 0 leaves activations as they are (s = 1 / max|W_j|), α = 1 moves all of their range into
 * the weights; the paper uses 0.5 for most models.
 *
 * Activation quantization error, with the weights kept in float to isolate it: per-tensor symmetric int8,
 * Q(x) = round(x / Δ) · Δ with Δ = max(max|X|, 1e−5) / 127 (ties to even, as torch.round), and
 *
 *   before = mean over Y of (X W − Q(X) W)²,   after = mean over Y of (X W − Q(X̂) Ŵ)²
 */
import { round } from "./rounding";
import { fail, requireFiniteArray, requireMatrix, requireUnitInterval } from "./validate";

const FLOOR = 1e-5;

function requirePair(fn: string, X: unknown, W: unknown): { x: number[][]; w: number[][] } {
  const x = requireMatrix(fn, "X", X);
  const w = requireMatrix(fn, "W", W);
  if (w.length !== x[0].length) fail(fn, `W has ${w.length} rows but X has ${x[0].length} columns: W must be K × N with K = X's columns`);
  return { x, w };
}

function scalesOf(x: number[][], w: number[][], alpha: number): number[] {
  return w.map((wRow, j) => {
    const actMax = Math.max(FLOOR, ...x.map((row) => Math.abs(row[j])));
    const weightMax = Math.max(FLOOR, ...wRow.map(Math.abs));
    return Math.max(FLOOR, actMax ** alpha / weightMax ** (1 - alpha));
  });
}

/**
 * SmoothQuant's per-input-channel smoothing scales: see the module comment.
 *
 * @param X activations, tokens × K (a calibration batch)
 * @param W weights, K × N (input channels are rows)
 * @param alpha the migration strength, 0..1
 * @returns K scales s_j ≥ 1e−5
 * @throws if X or W is not a non-empty matrix of finite numbers, W's rows are not X's columns, or alpha is outside [0, 1]
 * @example
 * smoothQuantScales([[1, 40], [-2, 10]], [[0.5, -1], [0.1, 0.2]], 0.5)  // [1.4142135623730951, 14.142135623730951]
 */
export function smoothQuantScales(X: number[][], W: number[][], alpha: number): number[] {
  const fn = "smoothQuantScales";
  const { x, w } = requirePair(fn, X, W);
  return scalesOf(x, w, requireUnitInterval(fn, "alpha", alpha));
}

/**
 * Migrates the scales: X̂_tj = X_tj / s_j and Ŵ_jn = s_j · W_jn, so that X̂ Ŵ = X W.
 *
 * @param X activations, tokens × K
 * @param W weights, K × N
 * @param scales K positive scales
 * @returns `{ X, W }`, the smoothed activations and weights
 * @throws if the shapes disagree or a scale is not a positive finite number
 * @example
 * smoothQuantMigrate([[1, 40]], [[0.5], [0.1]], [1, 10])  // { X: [[1, 4]], W: [[0.5], [1]] }
 */
export function smoothQuantMigrate(X: number[][], W: number[][], scales: number[]): { X: number[][]; W: number[][] } {
  const fn = "smoothQuantMigrate";
  const { x, w } = requirePair(fn, X, W);
  const s = Array.from(requireFiniteArray(fn, "scales", scales));
  if (s.length !== w.length) fail(fn, `scales has ${s.length} entries but X has ${w.length} columns (one scale per input channel)`);
  for (let j = 0; j < s.length; j++) if (s[j] <= 0) fail(fn, `scales[${j}] must be greater than 0, got ${s[j]}`);
  return { X: x.map((row) => row.map((v, j) => v / s[j])), W: w.map((row, j) => row.map((v) => v * s[j])) };
}

function fakeQuantPerTensor(x: number[][]): number[][] {
  const delta = Math.max(FLOOR, ...x.map((row) => Math.max(...row.map(Math.abs)))) / 127;
  return x.map((row) => row.map((v) => round(v / delta, "half-even") * delta));
}

function matmul(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b[0].map((_, n) => row.reduce((sum, v, k) => sum + v * b[k][n], 0)));
}

function outputMse(reference: number[][], approx: number[][]): number {
  let sum = 0;
  let count = 0;
  reference.forEach((row, t) =>
    row.forEach((v, n) => {
      sum += (v - approx[t][n]) ** 2;
      count++;
    }),
  );
  return sum / count;
}

/**
 * The output error of per-tensor int8 activation quantization before and after smoothing with α (weights in
 * float): see the module comment.
 *
 * @param X activations, tokens × K
 * @param W weights, K × N
 * @param alpha the migration strength, 0..1
 * @returns `{ scales, before, after }`: the smoothing scales and the two output mean squared errors
 * @throws as smoothQuantScales
 * @example
 * smoothQuantError([[1, 40], [-2, 10]], [[0.5, -1], [0.1, 0.2]], 0.5)
 * // { scales: [1.4142135623730951, 14.142135623730951], before: 0.004173383346766682, after: 0.00026737553475106855 }
 */
export function smoothQuantError(X: number[][], W: number[][], alpha: number): { scales: number[]; before: number; after: number } {
  const fn = "smoothQuantError";
  const { x, w } = requirePair(fn, X, W);
  const scales = scalesOf(x, w, requireUnitInterval(fn, "alpha", alpha));
  const y = matmul(x, w);
  const smoothed = smoothQuantMigrate(x, w, scales);
  return {
    scales,
    before: outputMse(y, matmul(fakeQuantPerTensor(x), w)),
    after: outputMse(y, matmul(fakeQuantPerTensor(smoothed.X), smoothed.W)),
  };
}
