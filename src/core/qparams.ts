/**
 * Scale and zero point: how a float range maps onto an integer range.
 * The observers follow PyTorch's `MinMaxObserver` (`torch.ao.quantization`) exactly, float32 arithmetic included
 * (vectors from PyTorch itself and from a float32 numpy emulation: test/unit/fixtures/core/generate_observer_vectors.py).
 */
import { IntegerRange, requireRange } from "./ranges";
import { roundHalfEvenUnchecked } from "./rounding";
import { fail, requireBits, requireFinite, requirePositive } from "./validate";

/** float32 machine epsilon, 2^−23: PyTorch observers never return a scale below it. */
export const FLOAT32_EPSILON = 1.1920928955078125e-7;

export interface QParams {
  scale: number;
  zeroPoint: number;
}

/**
 * The symmetric scale that maps ±maxAbs onto ±(2^(bits−1) − 1), as the seed notebook computes it:
 *
 *   scale = maxAbs / (2^(bits−1) − 1)
 *
 * (PyTorch's symmetric observer divides by (qmax − qmin)/2 instead; see `symmetricQParams`.)
 *
 * @param maxAbs the largest absolute value to represent, > 0
 * @param bits bit width, 2..32
 * @returns the scale
 * @throws if maxAbs is not a positive finite number (a zero range has no meaningful scale), or bits is outside 2..32
 * @example
 * symmetricScale(2.1, 4)   // 0.3
 * symmetricScale(127, 8)   // 1
 */
export function symmetricScale(maxAbs: number, bits: number): number {
  const fn = "symmetricScale";
  requireFinite(fn, "maxAbs", maxAbs);
  if (maxAbs <= 0) fail(fn, `maxAbs must be greater than 0, got ${maxAbs}; an all-zero tensor needs no scale (observers use float32 epsilon)`);
  requireBits(fn, bits, 2, 32);
  return maxAbs / (2 ** (bits - 1) - 1);
}

function requireMinMax(fn: string, min: number, max: number): void {
  requireFinite(fn, "min", min);
  requireFinite(fn, "max", max);
  if (min > max) fail(fn, `min (${min}) is greater than max (${max})`);
}

const f32 = Math.fround;

/** An observer keeps min and max as float32 tensors; a value beyond float32's range has no float32 min or max. */
function observed(fn: string, min: number, max: number): { lo: number; hi: number } {
  requireMinMax(fn, min, max);
  const lo = f32(Math.min(f32(min), 0));
  const hi = f32(Math.max(f32(max), 0));
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) fail(fn, `the range [${min}, ${max}] is too wide: PyTorch observers keep min and max in float32 (at most 3.4028234663852886e38)`);
  return { lo, hi };
}

export interface ObserverOptions {
  /**
   * Whether [qmin, qmax] was given to the observer (PyTorch's `has_customized_qrange`: `quant_min` and
   * `quant_max` passed) rather than being its dtype's default. Only the symmetric zero point of an unsigned range
   * depends on it. Default: a range is the default one when it is quint8's [0, 255] or, with `reduce_range`,
   * [0, 127] (zero point 128), or uint16's [0, 65535] / [0, 32767] (zero point 32768); any other unsigned range
   * is custom (zero point ⌊(qmin + qmax) / 2⌋).
   */
  customRange?: boolean;
}

/**
 * Affine (asymmetric) scale and zero point, exactly as PyTorch's `MinMaxObserver` with `per_tensor_affine`
 * computes them (`_calculate_qparams` in torch/ao/quantization/observer.py), in float32 like PyTorch:
 *
 *   min' = min(min, 0), max' = max(max, 0)         (min and max as float32; the range always contains 0)
 *   scale = max(f32((max' − min') / (qmax − qmin)), ε)   (ε = float32 epsilon 1.1920929e−7)
 *   zeroPoint = clamp(qmin − round_half_even(f32(min' / scale)), qmin, qmax)
 *
 * Every arithmetic step is rounded to float32 (`Math.fround`), so a quotient float64 would put on a tie can
 * land beside it: −1 / f32(2/15) is −7.4999995 in float32, so int4 over [−1, 1] has zero point −1, not 0.
 *
 * @param min the observed minimum
 * @param max the observed maximum, ≥ min
 * @param range the integer range, e.g. `integerRange(8, false)`
 * @returns `{ scale, zeroPoint }`; the scale is a float32 value
 * @throws if min or max is not finite or beyond float32, min > max, or the range is not integers with qmin < qmax
 * @example
 * affineQParams(-1, 2, { qmin: 0, qmax: 255 })    // { scale: 0.0117647061124444 (f32 of 3/255), zeroPoint: 85 }
 * affineQParams(-1, 1, { qmin: -8, qmax: 7 })     // { scale: 0.13333334028720856, zeroPoint: -1 }
 * affineQParams(0, 0, { qmin: -128, qmax: 127 })  // { scale: 1.1920928955078125e-7, zeroPoint: -128 }
 */
export function affineQParams(min: number, max: number, range: IntegerRange): QParams {
  const fn = "affineQParams";
  const { lo, hi } = observed(fn, min, max);
  const { qmin, qmax } = requireRange(fn, range);
  const scale = Math.max(f32(f32(hi - lo) / f32(qmax - qmin)), FLOAT32_EPSILON);
  if (!Number.isFinite(scale)) fail(fn, `the range [${min}, ${max}] is too wide: max − min overflows float32`);
  const zp = qmin - roundHalfEvenUnchecked(f32(lo / scale));
  return { scale, zeroPoint: Math.min(qmax, Math.max(qmin, zp)) + 0 };
}

/** PyTorch's default unsigned ranges and their symmetric zero point (quint8 and uint16, with and without reduce_range). */
const DEFAULT_UNSIGNED_ZERO_POINTS: readonly [number, number, number][] = [
  [0, 255, 128],
  [0, 127, 128],
  [0, 65535, 32768],
  [0, 32767, 32768],
];

/**
 * Symmetric scale and zero point, exactly as PyTorch's `MinMaxObserver` with `per_tensor_symmetric` computes
 * them, in float32:
 *
 *   maxAbs = max(−min(min, 0), max(max, 0))          (min and max as float32)
 *   scale = max(f32(maxAbs / ((qmax − qmin) / 2)), ε)   (127.5 for int8 [−128, 127], 127 for narrow [−127, 127])
 *   zeroPoint = 0 for a signed range (qmin < 0);
 *               128 for quint8's default range, with or without reduce_range ([0, 255] and [0, 127]);
 *               ⌊(qmin + qmax) / 2⌋ for a custom unsigned range (7 for [0, 15], 127 for a custom [0, 255])
 *
 * @param min the observed minimum
 * @param max the observed maximum, ≥ min
 * @param range the integer range, e.g. `integerRange(8, true)`
 * @param options `{ customRange }`: whether the range was passed to the observer as quant_min/quant_max
 * @returns `{ scale, zeroPoint }`; the scale is a float32 value
 * @throws if min or max is not finite or beyond float32, min > max, or the range is not integers with qmin < qmax
 * @example
 * symmetricQParams(-1, 2, { qmin: -128, qmax: 127 })  // { scale: 0.01568627543747425 (f32 of 2/127.5), zeroPoint: 0 }
 * symmetricQParams(-1, 2, { qmin: 0, qmax: 127 })     // { scale: 0.03149606287479401, zeroPoint: 128 }  (quint8, reduce_range)
 * symmetricQParams(-1, 2, { qmin: 0, qmax: 15 })      // { scale: 0.2666666805744171, zeroPoint: 7 }
 * symmetricQParams(-1, 2, { qmin: 0, qmax: 255 }, { customRange: true })  // zeroPoint 127
 */
export function symmetricQParams(min: number, max: number, range: IntegerRange, options?: ObserverOptions): QParams {
  const fn = "symmetricQParams";
  const { lo, hi } = observed(fn, min, max);
  const { qmin, qmax } = requireRange(fn, range);
  if (options !== undefined && (options === null || typeof options !== "object" || Array.isArray(options))) fail(fn, "options must be an object { customRange? }");
  if (options?.customRange !== undefined && typeof options.customRange !== "boolean") fail(fn, `options.customRange must be true or false, got ${String(options.customRange)}`);
  const maxAbs = Math.max(-lo, hi);
  const scale = Math.max(f32(maxAbs / f32((qmax - qmin) / 2)), FLOAT32_EPSILON);
  return { scale, zeroPoint: symmetricZeroPoint(qmin, qmax, options?.customRange) };
}

function symmetricZeroPoint(qmin: number, qmax: number, customRange: boolean | undefined): number {
  if (qmin < 0) return 0;
  const defaultRange = DEFAULT_UNSIGNED_ZERO_POINTS.find(([lo, hi]) => lo === qmin && hi === qmax);
  if (defaultRange && customRange !== true) return defaultRange[2];
  return Math.floor((qmin + qmax) / 2);
}

/**
 * The minimum and maximum of an array, as an observer sees a tensor.
 *
 * @param x a non-empty array of finite numbers
 * @returns `{ min, max }`
 * @throws if x is empty or holds a non-finite value
 * @example
 * minMax([0.5, -1, 2])  // { min: -1, max: 2 }
 */
export function minMax(x: ArrayLike<number>): { min: number; max: number } {
  const fn = "minMax";
  if (x === null || typeof x !== "object" || typeof x.length !== "number") fail(fn, "x must be an array of numbers");
  if (x.length === 0) fail(fn, "x must not be empty");
  let min = Infinity;
  let max = -Infinity;
  let poison = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    poison += v - v; // NaN once any element is NaN or ±Infinity
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (poison !== 0) {
    for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) fail(fn, `x[${i}] must be a finite number, got ${x[i]}`);
  }
  return { min, max };
}

/** Validates `{ scale, zeroPoint }` for the array kernels. */
export function requireQParams(fn: string, value: unknown, name = "qparams"): QParams {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    fail(fn, `${name} must be an object { scale, zeroPoint } (see affineQParams), got ${value === null ? "null" : typeof value}`);
  }
  const { scale, zeroPoint } = value as Partial<QParams>;
  requirePositive(fn, `${name}.scale`, scale);
  requireFinite(fn, `${name}.zeroPoint`, zeroPoint);
  return { scale: scale as number, zeroPoint: zeroPoint as number };
}
