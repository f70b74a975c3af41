/**
 * Scale and zero point: how a float range maps onto an integer range.
 * The observers follow PyTorch's `MinMaxObserver` (`torch.ao.quantization`), computed in float64.
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

/**
 * Affine (asymmetric) scale and zero point, PyTorch `MinMaxObserver` with `per_tensor_affine`:
 *
 *   min' = min(min, 0), max' = max(max, 0)         (the range always contains 0, so 0 is exact)
 *   scale = max((max' − min') / (qmax − qmin), ε)  (ε = float32 epsilon 1.1920929e−7)
 *   zeroPoint = clamp(qmin − round_half_even(min' / scale), qmin, qmax)
 *
 * @param min the observed minimum
 * @param max the observed maximum, ≥ min
 * @param range the integer range, e.g. `integerRange(8, false)`
 * @returns `{ scale, zeroPoint }`
 * @throws if min or max is not finite, min > max, or the range is not integers with qmin < qmax
 * @example
 * affineQParams(-1, 2, { qmin: 0, qmax: 255 })    // { scale: 0.011764705882352941 (3/255), zeroPoint: 85 }
 * affineQParams(0, 0, { qmin: -128, qmax: 127 })  // { scale: 1.1920928955078125e-7, zeroPoint: -128 }
 */
export function affineQParams(min: number, max: number, range: IntegerRange): QParams {
  const fn = "affineQParams";
  requireMinMax(fn, min, max);
  const { qmin, qmax } = requireRange(fn, range);
  const lo = Math.min(min, 0);
  const hi = Math.max(max, 0);
  const scale = Math.max((hi - lo) / (qmax - qmin), FLOAT32_EPSILON);
  if (!Number.isFinite(scale)) fail(fn, `the range [${min}, ${max}] is too wide: max − min overflows a double`);
  const zp = qmin - roundHalfEvenUnchecked(lo / scale);
  return { scale, zeroPoint: Math.min(qmax, Math.max(qmin, zp)) + 0 };
}

/**
 * Symmetric scale and zero point, PyTorch `MinMaxObserver` with `per_tensor_symmetric`:
 *
 *   maxAbs = max(−min(min, 0), max(max, 0))
 *   scale = max(maxAbs / ((qmax − qmin) / 2), ε)   (127.5 for int8 [−128, 127], 127 for narrow [−127, 127])
 *   zeroPoint = 0 for a signed range (qmin < 0), ⌊(qmin + qmax + 1) / 2⌋ for unsigned (128 for [0, 255])
 *
 * @param min the observed minimum
 * @param max the observed maximum, ≥ min
 * @param range the integer range, e.g. `integerRange(8, true)`
 * @returns `{ scale, zeroPoint }`
 * @throws if min or max is not finite, min > max, or the range is not integers with qmin < qmax
 * @example
 * symmetricQParams(-1, 2, { qmin: -128, qmax: 127 })  // { scale: 0.01568627450980392 (2/127.5), zeroPoint: 0 }
 * symmetricQParams(-1, 2, { qmin: 0, qmax: 255 })     // { scale: 0.01568627450980392, zeroPoint: 128 }
 */
export function symmetricQParams(min: number, max: number, range: IntegerRange): QParams {
  const fn = "symmetricQParams";
  requireMinMax(fn, min, max);
  const { qmin, qmax } = requireRange(fn, range);
  const maxAbs = Math.max(-Math.min(min, 0), Math.max(max, 0));
  const scale = Math.max(maxAbs / ((qmax - qmin) / 2), FLOAT32_EPSILON);
  const zeroPoint = qmin < 0 ? 0 : Math.floor((qmin + qmax + 1) / 2);
  return { scale, zeroPoint };
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
