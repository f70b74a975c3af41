/**
 * Quantize and dequantize with a given scale and zero point, one value or whole arrays.
 *
 *   q = round(x / scale) + zeroPoint      (clamped to [qmin, qmax] only when a range is given)
 *   x̂ = scale · (q − zeroPoint)
 *
 * The array kernels run over millions of values: one pass, no allocation per element, the tie rule chosen
 * once outside the loop, and an optional preallocated `out`.
 */
import { IntegerRange, requireRange } from "./ranges";
import { HALF_EVEN_MAGIC, RoundingMode, requireRoundingMode, rounderFor } from "./rounding";
import { QParams, requireQParams } from "./qparams";
import { fail, reportNonFinite, requireArrayLike, requireFinite, requireOptions, requirePositive } from "./validate";

export interface QuantizeOptions {
  /** Tie rule; default `"half-even"`. */
  rounding?: RoundingMode;
  /** Clamp to this integer range; omitted: no clamping. */
  range?: IntegerRange;
}

/** A writable numeric array for `out` parameters. */
export type NumericArray =
  | Float64Array
  | Float32Array
  | Int32Array
  | Int16Array
  | Int8Array
  | Uint32Array
  | Uint16Array
  | Uint8Array
  | number[];

export interface ArrayOptions {
  /** Preallocated output of the input's length; the result is written there and returned. */
  out?: NumericArray;
}

interface ResolvedOptions {
  rounding: RoundingMode;
  range: IntegerRange | undefined;
  out: NumericArray | undefined;
}

function resolveOptions(fn: string, options: unknown): ResolvedOptions {
  const o = requireOptions<QuantizeOptions & ArrayOptions>(fn, "options", options);
  const rounding = requireRoundingMode(fn, o.rounding, "options.rounding");
  const range = o.range === undefined ? undefined : requireRange(fn, o.range, "options.range");
  return { rounding, range, out: o.out };
}

function requireOut(fn: string, out: NumericArray | undefined, length: number): NumericArray | undefined {
  if (out === undefined) return undefined;
  if (out === null || typeof out !== "object" || typeof out.length !== "number") {
    fail(fn, "options.out must be a typed array or an array");
  }
  if (out.length !== length) fail(fn, `options.out has length ${out.length}, expected ${length} (the input's length)`);
  return out;
}

/**
 * Quantizes one value: q = round(x / scale) + zeroPoint, clamped to `range` when given.
 *
 * @param x the real value, finite
 * @param scale the step between adjacent codes, > 0
 * @param zeroPoint the code that represents 0
 * @param options `{ rounding = "half-even", range }`
 * @returns the integer code
 * @throws if x, scale or zeroPoint is not finite, scale ≤ 0, or the options are malformed
 * @example
 * quantize(0.3, 0.1, 0)                                            // 3
 * quantize(0.25, 0.1, 0)                                           // 2 (2.5 ties to even)
 * quantize(0.25, 0.1, 0, { rounding: "half-away" })                // 3
 * quantize(100, 0.1, 0, { range: { qmin: -128, qmax: 127 } })      // 127
 */
export function quantize(x: number, scale: number, zeroPoint: number, options?: QuantizeOptions): number {
  const fn = "quantize";
  requireFinite(fn, "x", x);
  requirePositive(fn, "scale", scale);
  requireFinite(fn, "zeroPoint", zeroPoint);
  const { rounding, range } = resolveOptions(fn, options);
  const scaled = x / scale;
  if (!Number.isFinite(scaled)) fail(fn, `x / scale overflows (${x} / ${scale}); use a larger scale`);
  let q = rounderFor(rounding)(scaled) + zeroPoint;
  if (range) q = Math.min(range.qmax, Math.max(range.qmin, q));
  return q + 0;
}

/**
 * Dequantizes one code: x̂ = scale · (q − zeroPoint).
 *
 * @param q the integer code
 * @param scale the step between adjacent codes, > 0
 * @param zeroPoint the code that represents 0
 * @returns the real value the code stands for
 * @throws if q, scale or zeroPoint is not finite, or scale ≤ 0
 * @example
 * dequantize(3, 0.1, 0)              // 0.30000000000000004
 * dequantize(0, 3 / 255, 85)         // -1
 */
export function dequantize(q: number, scale: number, zeroPoint: number): number {
  const fn = "dequantize";
  requireFinite(fn, "q", q);
  requirePositive(fn, "scale", scale);
  requireFinite(fn, "zeroPoint", zeroPoint);
  return scale * (q - zeroPoint) + 0;
}

const NO_CLAMP: IntegerRange = { qmin: -Infinity, qmax: Infinity };

/**
 * The clamped half-even loop for float32 tensors, the shape large tensors come in. Kept as its own function so
 * V8 sees only Float32Array here and compiles monomorphic element access (a shared generic loop that has also
 * seen plain arrays runs about 3x slower). Math.min/Math.max compile to branch-free min/max instructions,
 * measurably faster than ternaries on random data. Returns false on a non-finite input.
 */
function fakeQuantizeFloat32(x: Float32Array, scale: number, lo: number, hi: number, out: Float32Array): boolean {
  const M = HALF_EVEN_MAGIC;
  const n = x.length;
  let poison = 0; // becomes NaN once any input is NaN or ±Infinity, without a branch per element
  for (let i = 0; i < n; i++) {
    const v = x[i];
    poison += v - v;
    const t = Math.min(hi, Math.max(lo, v / scale));
    out[i] = scale * (t + M - M);
  }
  return poison === 0;
}

/** The same computation for any array-like input and numeric output; codes (`dequantizeAfter` false) or values. */
function quantizeGeneric(
  x: ArrayLike<number>,
  scale: number,
  zeroPoint: number,
  rounding: RoundingMode,
  range: IntegerRange,
  out: NumericArray,
  dequantizeAfter: boolean,
): boolean {
  const n = x.length;
  const qmin = range.qmin;
  const qmax = range.qmax;
  const clamped = Number.isFinite(qmin);
  let poison = 0;
  if (rounding === "half-even" && clamped && Number.isInteger(zeroPoint) && Math.abs(qmin - zeroPoint) < 2 ** 51 && Math.abs(qmax - zeroPoint) < 2 ** 51) {
    // Clamp x/scale to [qmin − zp, qmax − zp] first: with integer bounds clamping commutes with rounding, and
    // it keeps the magic-number rounding inside its exact domain (|t| < 2^51).
    const lo = qmin - zeroPoint;
    const hi = qmax - zeroPoint;
    const M = HALF_EVEN_MAGIC;
    if (dequantizeAfter) {
      for (let i = 0; i < n; i++) {
        const v = x[i];
        poison += v - v;
        out[i] = scale * (Math.min(hi, Math.max(lo, v / scale)) + M - M);
      }
    } else {
      for (let i = 0; i < n; i++) {
        const v = x[i];
        poison += v - v;
        out[i] = Math.min(hi, Math.max(lo, v / scale)) + M - M + zeroPoint;
      }
    }
    return poison === 0;
  }
  const roundFn = rounderFor(rounding);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    const t = v / scale;
    poison += t - t; // also catches x / scale overflowing to ±Infinity
    let q = roundFn(t) + zeroPoint;
    if (clamped) q = Math.min(qmax, Math.max(qmin, q));
    out[i] = dequantizeAfter ? scale * (q - zeroPoint) : q;
  }
  return poison === 0;
}

/**
 * The quantize kernel: writes round(x[i] / scale) + zeroPoint (clamped) into `out`, optionally followed by
 * dequantization (fake quantization). Returns false when it met a non-finite input, so the caller can report it.
 */
function quantizeKernel(
  x: ArrayLike<number>,
  scale: number,
  zeroPoint: number,
  rounding: RoundingMode,
  range: IntegerRange,
  out: NumericArray,
  dequantizeAfter: boolean,
): boolean {
  if (
    dequantizeAfter &&
    x instanceof Float32Array &&
    out instanceof Float32Array &&
    rounding === "half-even" &&
    Number.isFinite(range.qmin) &&
    Number.isInteger(zeroPoint) &&
    Math.abs(range.qmin - zeroPoint) < 2 ** 51 &&
    Math.abs(range.qmax - zeroPoint) < 2 ** 51
  ) {
    return fakeQuantizeFloat32(x, scale, range.qmin - zeroPoint, range.qmax - zeroPoint, out);
  }
  return quantizeGeneric(x, scale, zeroPoint, rounding, range, out, dequantizeAfter);
}

/**
 * Quantizes every element: q[i] = round(x[i] / scale) + zeroPoint, clamped to `range` when given.
 *
 * @param x a non-empty array of finite numbers
 * @param scale > 0
 * @param zeroPoint the code that represents 0
 * @param options `{ rounding = "half-even", range, out }`; `out` receives the codes (e.g. an Int8Array)
 * @returns the codes, a Float64Array (or `out`)
 * @throws if x is empty or holds a non-finite value, scale ≤ 0, or `out` has the wrong length
 * @example
 * quantizeArray([0.3, 0.25, -1], 0.1, 0)  // Float64Array [3, 2, -10]
 */
export function quantizeArray(
  x: ArrayLike<number>,
  scale: number,
  zeroPoint: number,
  options?: QuantizeOptions & ArrayOptions,
): NumericArray {
  const fn = "quantizeArray";
  requireArrayLike(fn, "x", x);
  requirePositive(fn, "scale", scale);
  requireFinite(fn, "zeroPoint", zeroPoint);
  const o = resolveOptions(fn, options);
  const out = requireOut(fn, o.out, x.length) ?? new Float64Array(x.length);
  if (!quantizeKernel(x, scale, zeroPoint, o.rounding, o.range ?? NO_CLAMP, out, false)) reportOverflow(fn, x, scale);
  return out;
}

function reportOverflow(fn: string, x: ArrayLike<number>, scale: number): never {
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) reportNonFinite(fn, "x", x);
    if (!Number.isFinite(x[i] / scale)) fail(fn, `x[${i}] / scale overflows (${x[i]} / ${scale}); use a larger scale`);
  }
  return reportNonFinite(fn, "x", x);
}

/**
 * Dequantizes every code: x̂[i] = scale · (q[i] − zeroPoint).
 *
 * @param q a non-empty array of codes
 * @param scale > 0
 * @param zeroPoint the code that represents 0
 * @param options `{ out }`
 * @returns a Float64Array (or `out`)
 * @throws if q is empty or holds a non-finite value, or scale ≤ 0
 * @example
 * dequantizeArray([0, 85, 255], 3 / 255, 85)  // Float64Array [-1, 0, 2]
 */
export function dequantizeArray(
  q: ArrayLike<number>,
  scale: number,
  zeroPoint: number,
  options?: ArrayOptions,
): NumericArray {
  const fn = "dequantizeArray";
  requireArrayLike(fn, "q", q);
  requirePositive(fn, "scale", scale);
  requireFinite(fn, "zeroPoint", zeroPoint);
  const o = requireOptions<ArrayOptions>(fn, "options", options);
  const out = requireOut(fn, o.out, q.length) ?? new Float64Array(q.length);
  const n = q.length;
  for (let i = 0; i < n; i++) {
    const v = q[i];
    if (!(v <= Number.MAX_VALUE && v >= -Number.MAX_VALUE)) reportNonFinite(fn, "q", q);
    out[i] = scale * (v - zeroPoint);
  }
  return out;
}

/**
 * Fake quantization (quantize, then dequantize) of every element, as quantization-aware training simulates it:
 *
 *   x̂[i] = scale · (clamp(round(x[i] / scale) + zeroPoint, qmin, qmax) − zeroPoint)
 *
 * @param x a non-empty array of finite numbers
 * @param qparams `{ scale, zeroPoint }`, e.g. from `affineQParams`
 * @param options `{ rounding = "half-even", range, out }`
 * @returns a Float32Array when x is one (values rounded to float32 on store), otherwise a Float64Array (or `out`)
 * @throws if x is empty or holds a non-finite value, scale ≤ 0, or `out` has the wrong length
 * @example
 * fakeQuantize([0.26, -0.04, 9], { scale: 0.1, zeroPoint: 0 }, { range: { qmin: -8, qmax: 7 } })
 * // Float64Array [0.30000000000000004, 0, 0.7000000000000001]
 */
export function fakeQuantize(
  x: ArrayLike<number>,
  qparams: QParams,
  options?: QuantizeOptions & ArrayOptions,
): NumericArray {
  const fn = "fakeQuantize";
  requireArrayLike(fn, "x", x);
  const { scale, zeroPoint } = requireQParams(fn, qparams);
  const o = resolveOptions(fn, options);
  const out =
    requireOut(fn, o.out, x.length) ?? (x instanceof Float32Array ? new Float32Array(x.length) : new Float64Array(x.length));
  if (!quantizeKernel(x, scale, zeroPoint, o.rounding, o.range ?? NO_CLAMP, out, true)) reportOverflow(fn, x, scale);
  return out;
}
