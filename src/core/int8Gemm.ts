/**
 * Dynamic per-token int8 activations and an int8 GEMM with int32 accumulation (the W8A8 linear layer of
 * SmoothQuant, LLM.int8() and TensorRT-LLM; the zero-point algebra of gemmlowp's "low-precision matrix
 * multiplication" document).
 *
 *   per token t (a row of X): scale_t, z_t from PyTorch's MinMaxObserver rule over [min X_t, max X_t] on int8
 *     [−128, 127] (`affineQParams`: float32, the range widened to contain 0), qx_tk = clamp(round(x_tk / scale_t) + z_t)
 *   weights: symmetric int8 codes qw_kj with a scale s_j per output channel (zero point 0)
 *   acc_tj = Σ_k qx_tk · qw_kj                        (what the int8 tensor core computes, in int32)
 *   y_tj  = scale_t · s_j · (acc_tj − z_t · Σ_k qw_kj)   (the zero-point correction: Σ_k qw_kj is computed once per
 *                                                        column, offline, so the inner loop stays int8 × int8)
 *   an int32 accumulator of depth K cannot overflow while K · max|a| · max|b| ≤ 2^31 − 1
 */
import { affineQParams } from "./qparams";
import { round } from "./rounding";
import { asCaller, fail, requireFiniteArray, requireIntegerIn, requireMatrix, requirePositive } from "./validate";

const INT8 = { qmin: -128, qmax: 127 };
const INT32_MAX = 2 ** 31 - 1;

/** Per-token (per-row) int8 activations: scales, zero points and codes. */
export interface PerTokenQuantized {
  scales: number[];
  zeroPoints: number[];
  q: number[][];
}

/**
 * Dynamic per-token asymmetric int8 quantization of activations: one scale and zero point per row, PyTorch's
 * MinMaxObserver rule (`affineQParams` on [−128, 127]), codes rounded half to even and clamped.
 *
 * @param X activations, tokens × features (rows of equal length, finite)
 * @returns `{ scales, zeroPoints, q }`, one scale and zero point per token and the codes in −128..127
 * @throws if X is not a non-empty matrix of finite numbers with rows of equal length
 * @example
 * perTokenQuantize([[-1, 0, 2], [0.5, 0.2, 0]])
 * // { scales: [0.0117647061124444, 0.0019607844296842813], zeroPoints: [-43, -128], q: [[-128, -43, 127], [127, -26, -128]] }
 */
export function perTokenQuantize(X: number[][]): PerTokenQuantized {
  const fn = "perTokenQuantize";
  const rows = requireMatrix(fn, "X", X);
  const scales: number[] = [];
  const zeroPoints: number[] = [];
  const q = rows.map((row) => {
    // A loop, not Math.min(...row): a row may be longer than the engine's argument limit.
    const lo = row.reduce((m, x) => (x < m ? x : m), Infinity);
    const hi = row.reduce((m, x) => (x > m ? x : m), -Infinity);
    const { scale, zeroPoint } = asCaller(fn, () => affineQParams(lo, hi, INT8));
    scales.push(scale);
    zeroPoints.push(zeroPoint);
    return row.map((x) => Math.min(INT8.qmax, Math.max(INT8.qmin, round(x / scale, "half-even") + zeroPoint)));
  });
  return { scales, zeroPoints, q };
}

/**
 * An int8 linear layer: X quantized per token, times symmetric int8 weights, accumulated in int32, then the
 * zero-point correction and both scales: see the module comment.
 *
 * @param X activations, tokens × K
 * @param Wq weight codes, K × N, integers −128..127 (symmetric: zero point 0)
 * @param wScales one scale per output channel (N of them), > 0
 * @returns `{ acc, y }`: acc the raw int32 accumulators Σ_k qx·qw (tokens × N), y the dequantized output (tokens × N)
 * @throws if the shapes disagree, a code is not an integer −128..127, a scale is not positive, or an accumulator
 *   leaves the int32 range
 * @example
 * int8Linear([[-1, 0, 2]], [[1], [2], [3]], [0.5])
 * // { acc: [[167]], y: [[2.500000048894435]] }  (acc − z·Σqw = 167 + 43·6 = 425; 425 · 0.0117647 · 0.5 ≈ 2.5 = −1·0.5 + 2·1.5)
 */
export function int8Linear(X: number[][], Wq: number[][], wScales: number[]): { acc: number[][]; y: number[][] } {
  const fn = "int8Linear";
  const rows = requireMatrix(fn, "X", X);
  const w = requireMatrix(fn, "Wq", Wq);
  const k = rows[0].length;
  if (w.length !== k) fail(fn, `Wq has ${w.length} rows but X has ${k} columns: Wq must be K × N with K = X's columns`);
  const n = w[0].length;
  w.forEach((row, i) => row.forEach((v, j) => requireIntegerIn(fn, `Wq[${i}][${j}]`, v, -128, 127)));
  const s = Array.from(requireFiniteArray(fn, "wScales", wScales));
  if (s.length !== n) fail(fn, `wScales has ${s.length} scales but Wq has ${n} columns (one scale per output channel)`);
  s.forEach((v, j) => requirePositive(fn, `wScales[${j}]`, v));
  const { scales, zeroPoints, q } = asCaller(fn, () => perTokenQuantize(rows));
  const colSums = Array.from({ length: n }, (_, j) => w.reduce((sum, row) => sum + row[j], 0));
  const acc = q.map((qx, t) =>
    Array.from({ length: n }, (_, j) => {
      let sum = 0;
      for (let i = 0; i < k; i++) sum += qx[i] * w[i][j];
      if (sum > INT32_MAX || sum < -INT32_MAX - 1) fail(fn, `the accumulator of token ${t}, column ${j} (${sum}) overflows int32`);
      return sum;
    }),
  );
  const y = acc.map((row, t) => row.map((a, j) => scales[t] * s[j] * (a - zeroPoints[t] * colSums[j])));
  return { acc, y };
}

/**
 * The deepest dot product an int32 accumulator holds without overflow in the worst case:
 * ⌊(2^31 − 1) / (maxAbsA · maxAbsB)⌋.
 *
 * @param maxAbsA the largest magnitude of one operand's codes (128 for int8, 255 for uint8)
 * @param maxAbsB the largest magnitude of the other's (127 for symmetric int8 weights)
 * @returns the largest safe depth K
 * @throws if either bound is not a positive integer
 * @example
 * int32SafeDepth(128, 127)  // 132104
 * int32SafeDepth(255, 128)  // 65793
 */
export function int32SafeDepth(maxAbsA: number, maxAbsB: number): number {
  const fn = "int32SafeDepth";
  const a = requireIntegerIn(fn, "maxAbsA", maxAbsA, 1, INT32_MAX);
  const b = requireIntegerIn(fn, "maxAbsB", maxAbsB, 1, INT32_MAX);
  return Math.floor(INT32_MAX / (a * b));
}
