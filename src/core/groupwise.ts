/**
 * Group-wise and per-channel quantization: each run of `groupSize` consecutive weights gets its own scale
 * (and zero point), as GPTQ/AWQ-style 4-bit formats do; per-channel is one group per row.
 *
 *   symmetric:  scale = max(absmax / (2^(b−1) − 1), ε),  zeroPoint = 0,
 *               q = clamp(round(w / scale), −2^(b−1), 2^(b−1) − 1)
 *   asymmetric: lo = min(min, 0), hi = max(max, 0),  scale = max((hi − lo) / (2^b − 1), ε),
 *               zeroPoint = clamp(−round_half_even(lo / scale), 0, 2^b − 1),
 *               q = clamp(round(w / scale) + zeroPoint, 0, 2^b − 1)
 *
 * ε is float32 epsilon, so an all-zero group dequantizes to exact zeros instead of dividing by 0.
 */
import { FLOAT32_EPSILON } from "./qparams";
import { NumericArray } from "./quantize";
import { HALF_EVEN_MAGIC, RoundingMode, requireRoundingMode, roundHalfEvenUnchecked, rounderFor } from "./rounding";
import { mse } from "./metrics";
import {
  asCaller,
  fail,
  reportNonFinite,
  requireArrayLike,
  requireBits,
  requireBoolean,
  requireFiniteArray,
  requireIntegerIn,
  requireOptions,
  requireSameLength,
} from "./validate";

export interface GroupQuantizeOptions {
  /** Symmetric (zero point 0, signed codes) or asymmetric (unsigned codes with a zero point); default true. */
  symmetric?: boolean;
  /** Tie rule for the codes; default `"half-even"`. Zero points always round half to even. */
  rounding?: RoundingMode;
  /** Preallocated Int32Array of w's length for the codes (saves allocating and zeroing it on every call). */
  out?: Int32Array;
}

export interface GroupQuantized {
  /** One integer code per weight. */
  q: Int32Array;
  /** One scale per group. */
  scales: Float64Array;
  /** One zero point per group (all 0 when symmetric). */
  zeroPoints: Int32Array;
}

interface Resolved {
  symmetric: boolean;
  rounding: RoundingMode;
}

function resolve(fn: string, bits: number, options: unknown): Resolved {
  const o = requireOptions<GroupQuantizeOptions>(fn, "options", options);
  const symmetric = o.symmetric === undefined ? true : requireBoolean(fn, "options.symmetric", o.symmetric);
  requireBits(fn, bits, symmetric ? 2 : 1, 16);
  return { symmetric, rounding: requireRoundingMode(fn, o.rounding, "options.rounding") };
}

/** A group's parameters, written by `quantizeGroup` (one object reused across groups: no allocation per group). */
interface GroupParams {
  scale: number;
  zeroPoint: number;
}

/**
 * Quantizes w[start, end) as one group into q (codes) and, when `fake` is given, fake[i] = the dequantized
 * value. Writes the group's scale and zero point into `params`. Returns false when the group holds a
 * non-finite value or its range is too wide to dequantize. The hot half-even loops clamp with Math.min/Math.max (branch-free) and exist once with
 * and once without the fake output, so neither pays for a per-element test.
 */
function quantizeGroup(
  w: ArrayLike<number>,
  start: number,
  end: number,
  bits: number,
  symmetric: boolean,
  rounding: RoundingMode,
  q: Int32Array,
  fake: NumericArray | undefined,
  params: GroupParams,
): boolean {
  let lo = 0;
  let hi = 0;
  let poison = 0;
  for (let i = start; i < end; i++) {
    const v = w[i];
    poison += v - v;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (poison !== 0) return false;
  let scale: number;
  let zp: number;
  let qmin: number;
  let qmax: number;
  if (symmetric) {
    const qpos = 2 ** (bits - 1) - 1;
    scale = Math.max(Math.max(-lo, hi) / qpos, FLOAT32_EPSILON);
    zp = 0;
    qmin = -qpos - 1;
    qmax = qpos;
  } else {
    qmin = 0;
    qmax = 2 ** bits - 1;
    scale = Math.max((hi - lo) / qmax, FLOAT32_EPSILON);
    zp = Math.min(qmax, Math.max(qmin, -roundHalfEvenUnchecked(lo / scale))) + 0;
  }
  params.scale = scale;
  params.zeroPoint = zp;
  // Only near ±Number.MAX_VALUE: the extreme codes would dequantize to ±Infinity.
  if (!(scale * (qmax - qmin) <= Number.MAX_VALUE)) return false;
  // Clamp before rounding: the bounds are integers, so this equals clamping the rounded code.
  const lower = qmin - zp;
  const upper = qmax - zp;
  const M = HALF_EVEN_MAGIC;
  if (rounding === "half-even" && fake === undefined) {
    for (let i = start; i < end; i++) q[i] = Math.min(upper, Math.max(lower, w[i] / scale)) + M - M + zp;
  } else if (rounding === "half-even" && fake !== undefined) {
    for (let i = start; i < end; i++) {
      const r = Math.min(upper, Math.max(lower, w[i] / scale)) + M - M;
      q[i] = r + zp;
      fake[i] = scale * r;
    }
  } else {
    const roundFn = rounderFor(rounding);
    for (let i = start; i < end; i++) {
      const r = roundFn(Math.min(upper, Math.max(lower, w[i] / scale)));
      q[i] = r + zp;
      if (fake !== undefined) fake[i] = scale * r;
    }
  }
  return true;
}

/**
 * The common case on large tensors (float32 weights, symmetric, half-even, codes only) in one function that
 * only ever sees Float32Array, so V8 keeps its element access monomorphic; the per-group call of the general
 * path disappears too. Returns the index of the first group it could not handle (non-finite or too wide a
 * range), or −1 when all groups were quantized.
 */
function symmetricFloat32(w: Float32Array, groupSize: number, bits: number, q: Int32Array, scales: Float64Array): number {
  const qpos = 2 ** (bits - 1) - 1;
  const qneg = -qpos - 1;
  const M = HALF_EVEN_MAGIC;
  const n = w.length;
  for (let g = 0, start = 0; start < n; g++, start += groupSize) {
    const end = Math.min(n, start + groupSize);
    let absmax = 0;
    let poison = 0;
    for (let i = start; i < end; i++) {
      const v = w[i];
      poison += v - v;
      absmax = Math.max(absmax, Math.abs(v));
    }
    const scale = Math.max(absmax / qpos, FLOAT32_EPSILON);
    if (poison !== 0 || !(scale * (qpos - qneg) <= Number.MAX_VALUE)) return g;
    scales[g] = scale;
    for (let i = start; i < end; i++) q[i] = Math.min(qpos, Math.max(qneg, w[i] / scale)) + M - M;
  }
  return -1;
}

function groupKernel(
  fn: string,
  w: ArrayLike<number>,
  groupSize: number,
  bits: number,
  options: unknown,
  fake: NumericArray | undefined,
): GroupQuantized {
  requireArrayLike(fn, "w", w);
  requireIntegerIn(fn, "groupSize", groupSize, 1, Number.MAX_SAFE_INTEGER);
  const { symmetric, rounding } = resolve(fn, bits, options);
  const n = w.length;
  const groups = Math.ceil(n / groupSize);
  const out = (options as GroupQuantizeOptions | undefined)?.out;
  if (out !== undefined && !(out instanceof Int32Array && out.length === n)) {
    fail(fn, `options.out must be an Int32Array of w's length (${n})`);
  }
  const q = out ?? new Int32Array(n);
  const scales = new Float64Array(groups);
  const zeroPoints = new Int32Array(groups);
  if (w instanceof Float32Array && symmetric && rounding === "half-even" && fake === undefined) {
    const bad = symmetricFloat32(w, groupSize, bits, q, scales);
    if (bad < 0) return { q, scales, zeroPoints };
    // Fall through to the general loop, which names the offending element or group.
  }
  const params: GroupParams = { scale: 0, zeroPoint: 0 };
  for (let g = 0; g < groups; g++) {
    const start = g * groupSize;
    const end = Math.min(n, start + groupSize);
    if (!quantizeGroup(w, start, end, bits, symmetric, rounding, q, fake, params)) {
      for (let i = start; i < end; i++) if (!Number.isFinite(w[i])) reportNonFinite(fn, "w", w);
      fail(fn, `group ${g} (w[${start}..${end - 1}]) spans too wide a range: its codes would dequantize beyond ±Number.MAX_VALUE`);
    }
    scales[g] = params.scale;
    zeroPoints[g] = params.zeroPoint;
  }
  return { q, scales, zeroPoints };
}

/**
 * Group-wise quantization: consecutive runs of `groupSize` weights share a scale (and zero point); a final
 * shorter group takes what is left. See the module comment for the formulas.
 *
 * @param w a non-empty array of finite weights (a matrix flattened row by row)
 * @param groupSize weights per group, ≥ 1 (128 is common for 4-bit)
 * @param bits code width: 2..16 symmetric, 1..16 asymmetric
 * @param options `{ symmetric = true, rounding = "half-even", out }`; `out` receives the codes
 * @returns `{ q, scales, zeroPoints }` (q is `out` when given)
 * @throws if w is empty or non-finite, groupSize is not a positive integer, or bits is out of range
 * @example
 * groupQuantize([0.7, -0.35, 0.1, 2, -1, 0.5], 3, 4)
 * // { q: Int32Array [7, -4, 1, 7, -4, 2], scales: Float64Array [0.09999999999999999, 0.2857142857142857], zeroPoints: Int32Array [0, 0] }
 */
export function groupQuantize(
  w: ArrayLike<number>,
  groupSize: number,
  bits: number,
  options?: GroupQuantizeOptions,
): GroupQuantized {
  return groupKernel("groupQuantize", w, groupSize, bits, options, undefined);
}

/**
 * Group-wise fake quantization: the weights `groupQuantize` then `groupDequantize` would give, in one pass.
 *
 * @param w a non-empty array of finite weights
 * @param groupSize weights per group, ≥ 1
 * @param bits code width: 2..16 symmetric, 1..16 asymmetric
 * @param options `{ symmetric = true, rounding = "half-even" }`
 * @returns a Float32Array when w is one, otherwise a Float64Array
 * @throws as `groupQuantize`
 * @example
 * groupFakeQuantize([0.7, -0.35, 0.1], 3, 4)  // Float64Array [0.7, -0.39999999999999997, 0.09999999999999999]
 */
export function groupFakeQuantize(
  w: ArrayLike<number>,
  groupSize: number,
  bits: number,
  options?: GroupQuantizeOptions,
): NumericArray {
  requireArrayLike("groupFakeQuantize", "w", w);
  const fake = w instanceof Float32Array ? new Float32Array(w.length) : new Float64Array(w.length);
  groupKernel("groupFakeQuantize", w, groupSize, bits, options, fake);
  return fake;
}

/**
 * The inverse of `groupQuantize`: ŵ[i] = scales[g] · (q[i] − zeroPoints[g]) with g = ⌊i / groupSize⌋.
 *
 * @param q the codes
 * @param scales one per group, each > 0
 * @param zeroPoints one per group
 * @param groupSize weights per group, ≥ 1
 * @returns a Float64Array of q's length
 * @throws if the number of scales or zero points is not ⌈q.length / groupSize⌉, or a value is not finite
 * @example
 * groupDequantize([7, -4, 1, 7, -4, 2], [0.1, 2 / 7], [0, 0], 3)
 * // Float64Array [0.7000000000000001, -0.4, 0.1, 2, -1.1428571428571428, 0.5714285714285714]
 */
export function groupDequantize(
  q: ArrayLike<number>,
  scales: ArrayLike<number>,
  zeroPoints: ArrayLike<number>,
  groupSize: number,
): Float64Array {
  const fn = "groupDequantize";
  requireFiniteArray(fn, "q", q);
  requireFiniteArray(fn, "scales", scales);
  requireFiniteArray(fn, "zeroPoints", zeroPoints);
  requireIntegerIn(fn, "groupSize", groupSize, 1, Number.MAX_SAFE_INTEGER);
  const groups = Math.ceil(q.length / groupSize);
  if (scales.length !== groups) fail(fn, `scales has ${scales.length} entries, expected ${groups} (⌈${q.length} / ${groupSize}⌉)`);
  requireSameLength(fn, "scales", "zeroPoints", scales, zeroPoints);
  for (let g = 0; g < groups; g++) if (scales[g] <= 0) fail(fn, `scales[${g}] must be greater than 0, got ${scales[g]}`);
  const out = new Float64Array(q.length);
  for (let g = 0; g < groups; g++) {
    const s = scales[g];
    const z = zeroPoints[g];
    const end = Math.min(q.length, (g + 1) * groupSize);
    for (let i = g * groupSize; i < end; i++) out[i] = s * (q[i] - z);
  }
  return out;
}

function requireRows(fn: string, rows: unknown): ArrayLike<number>[] {
  if (!Array.isArray(rows)) fail(fn, "rows must be an array of rows (a matrix, one array per output channel)");
  if (rows.length === 0) fail(fn, "rows must not be empty");
  rows.forEach((row, r) => requireArrayLike(fn, `rows[${r}]`, row));
  return rows as ArrayLike<number>[];
}

export interface PerChannelQuantized {
  /** One row of codes per channel. */
  q: Int32Array[];
  scales: Float64Array;
  zeroPoints: Int32Array;
}

/**
 * Per-channel quantization of a matrix given as rows: each row (output channel) is one group.
 *
 * @param rows the matrix, one array per channel (rows may differ in length)
 * @param bits code width: 2..16 symmetric, 1..16 asymmetric
 * @param options `{ symmetric = true, rounding = "half-even" }`
 * @returns `{ q: rows of codes, scales, zeroPoints }`, one scale and zero point per row
 * @throws if there are no rows, a row is empty or non-finite, or bits is out of range
 * @example
 * perChannelQuantize([[0.7, -0.35], [2, -1]], 4)
 * // { q: [Int32Array [7, -4], Int32Array [7, -4]], scales: Float64Array [0.09999999999999999, 0.2857142857142857], zeroPoints: Int32Array [0, 0] }
 */
export function perChannelQuantize(rows: ArrayLike<number>[], bits: number, options?: GroupQuantizeOptions): PerChannelQuantized {
  const fn = "perChannelQuantize";
  requireRows(fn, rows);
  resolve(fn, bits, options);
  const scales = new Float64Array(rows.length);
  const zeroPoints = new Int32Array(rows.length);
  const q = rows.map((row, r) => {
    const g = groupKernel(`${fn} (rows[${r}])`, row, row.length, bits, options, undefined);
    scales[r] = g.scales[0];
    zeroPoints[r] = g.zeroPoints[0];
    return g.q;
  });
  return { q, scales, zeroPoints };
}

/**
 * The inverse of `perChannelQuantize`: row r dequantizes as scales[r] · (q[r][j] − zeroPoints[r]).
 *
 * @param q rows of codes
 * @param scales one per row, each > 0
 * @param zeroPoints one per row
 * @returns one Float64Array per row
 * @throws if the counts of rows, scales and zero points differ, or a value is not finite
 * @example
 * perChannelDequantize([[7, -4], [7, -4]], [0.1, 2 / 7], [0, 0])
 * // [Float64Array [0.7000000000000001, -0.4], Float64Array [2, -1.1428571428571428]]
 */
export function perChannelDequantize(
  q: ArrayLike<number>[],
  scales: ArrayLike<number>,
  zeroPoints: ArrayLike<number>,
): Float64Array[] {
  const fn = "perChannelDequantize";
  requireRows(fn, q);
  requireFiniteArray(fn, "scales", scales);
  requireFiniteArray(fn, "zeroPoints", zeroPoints);
  if (scales.length !== q.length) fail(fn, `scales has ${scales.length} entries, expected one per row (${q.length})`);
  requireSameLength(fn, "scales", "zeroPoints", scales, zeroPoints);
  return q.map((row, r) => {
    requireFiniteArray(fn, `q[${r}]`, row);
    if (scales[r] <= 0) fail(fn, `scales[${r}] must be greater than 0, got ${scales[r]}`);
    const out = new Float64Array(row.length);
    for (let j = 0; j < row.length; j++) out[j] = scales[r] * (row[j] - zeroPoints[r]);
    return out;
  });
}

/**
 * Why per-channel scales help: the mean squared error of fake-quantizing a matrix with one scale for the
 * whole tensor versus one scale per row, both with the group-wise formulas above.
 *
 * @param rows the matrix, one array per channel
 * @param bits code width: 2..16 symmetric, 1..16 asymmetric
 * @param options `{ symmetric = true, rounding = "half-even" }`
 * @returns `{ perTensor, perChannel }`, each an MSE over all weights
 * @throws as `perChannelQuantize`
 * @example
 * perTensorVsPerChannelMse([[0.1, -0.2, 0.05], [4, -3, 1]], 4)
 * // { perTensor: 0.015552721088435391, perChannel: 0.00684523809523811 }  (the small row is all zeros under one scale)
 */
export function perTensorVsPerChannelMse(
  rows: ArrayLike<number>[],
  bits: number,
  options?: GroupQuantizeOptions,
): { perTensor: number; perChannel: number } {
  const fn = "perTensorVsPerChannelMse";
  requireRows(fn, rows);
  resolve(fn, bits, options);
  let total = 0;
  for (const row of rows) total += row.length;
  const flat = new Float64Array(total);
  let offset = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = requireFiniteArray(fn, `rows[${r}]`, rows[r]);
    for (let j = 0; j < row.length; j++) flat[offset + j] = row[j];
    offset += row.length;
  }
  return asCaller(fn, () => {
    const perTensorFake = groupFakeQuantize(flat, total, bits, options);
    const perChannelFake = new Float64Array(total);
    offset = 0;
    for (const row of rows) {
      perChannelFake.set(groupFakeQuantize(row, row.length, bits, options), offset);
      offset += row.length;
    }
    return { perTensor: mse(flat, perTensorFake), perChannel: mse(flat, perChannelFake) };
  });
}
