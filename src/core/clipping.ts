/**
 * Clipping search: a smaller clip value wastes fewer codes on rare outliers (less rounding error) but
 * clamps them (more clipping error); the best clip minimises the total MSE.
 */
import { HALF_EVEN_MAGIC } from "./rounding";
import { fail, requireBits, requireFiniteArray, requireSameLength } from "./validate";

/**
 * Index of the smallest value; the first one wins ties (as `np.argmin`).
 *
 * @param values a non-empty array of finite numbers
 * @returns the index of the first minimum
 * @throws if values is empty or holds a non-finite value
 * @example
 * argminFirst([0.05, 0.02, 0.03, 0.02])  // 1
 */
export function argminFirst(values: ArrayLike<number>): number {
  requireFiniteArray("argminFirst", "values", values);
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] < values[best]) best = i;
  return best;
}

/**
 * The clip value with the smallest MSE: clips[argminFirst(mse)] (the first minimum wins ties).
 *
 * @param clips candidate clip values
 * @param mse the MSE measured at each clip value, same length
 * @returns the best clip value
 * @throws if either array is empty or non-finite, or the lengths differ
 * @example
 * bestClipFromCurve([1, 2, 3], [0.05, 0.02, 0.03])  // 2
 */
export function bestClipFromCurve(clips: ArrayLike<number>, mse: ArrayLike<number>): number {
  const fn = "bestClipFromCurve";
  requireFiniteArray(fn, "clips", clips);
  requireFiniteArray(fn, "mse", mse);
  requireSameLength(fn, "clips", "mse", clips, mse);
  return clips[argminFirst(mse)];
}

function clipMseUnchecked(w: ArrayLike<number>, clip: number, bits: number): number {
  const qpos = 2 ** (bits - 1) - 1;
  const lo = -qpos - 1;
  const scale = clip / qpos;
  const M = HALF_EVEN_MAGIC;
  let sum = 0;
  for (let i = 0; i < w.length; i++) {
    let t = w[i] / scale;
    t = t < lo ? lo : t > qpos ? qpos : t;
    const d = w[i] - scale * (t + M - M);
    sum += d * d;
  }
  return sum / w.length;
}

/**
 * The MSE of symmetric fake quantization at one clip value:
 *
 *   scale = clip / (2^(bits−1) − 1),  ŵ = scale · clamp(round_half_even(w / scale), −2^(bits−1), 2^(bits−1) − 1)
 *   mse = (1/n) Σ (w_i − ŵ_i)²
 *
 * @param w a non-empty array of finite weights
 * @param clip the clip value, > 0
 * @param bits code width, 2..16
 * @returns the mean squared error
 * @throws if w is empty or non-finite, clip ≤ 0, or bits is outside 2..16
 * @example
 * clipMse([0.1, -0.5, 2.4], 1, 4)  // 0.6556462585034013
 */
export function clipMse(w: ArrayLike<number>, clip: number, bits: number): number {
  const fn = "clipMse";
  requireFiniteArray(fn, "w", w);
  if (!(clip > 0 && Number.isFinite(clip))) fail(fn, `clip must be a finite number greater than 0, got ${clip}`);
  requireBits(fn, bits, 2, 16);
  return clipMseUnchecked(w, clip, bits);
}

/**
 * Tries each clip value (see `clipMse`) and returns the curve and the best clip; the first minimum wins ties.
 *
 * @param w a non-empty array of finite weights
 * @param clips candidate clip values, each > 0
 * @param bits code width, 2..16
 * @returns `{ bestClip, curve: { clip, mse }[] }`, the curve in the order of `clips`
 * @throws if w or clips is empty or non-finite, a clip is ≤ 0, or bits is outside 2..16
 * @example
 * clipSearch([0.1, -0.5, 2.4], [1, 2.4], 4)
 * // { bestClip: 2.4, curve: [{ clip: 1, mse: 0.6556462585034013 }, { clip: 2.4, mse: 0.011564625850340135 }] }
 */
export function clipSearch(
  w: ArrayLike<number>,
  clips: ArrayLike<number>,
  bits: number,
): { bestClip: number; curve: { clip: number; mse: number }[] } {
  const fn = "clipSearch";
  requireFiniteArray(fn, "w", w);
  requireFiniteArray(fn, "clips", clips);
  requireBits(fn, bits, 2, 16);
  for (let i = 0; i < clips.length; i++) if (clips[i] <= 0) fail(fn, `clips[${i}] must be greater than 0, got ${clips[i]}`);
  const curve: { clip: number; mse: number }[] = [];
  let best = 0;
  for (let i = 0; i < clips.length; i++) {
    const m = clipMseUnchecked(w, clips[i], bits);
    curve.push({ clip: clips[i], mse: m });
    if (m < curve[best].mse) best = i;
  }
  return { bestClip: clips[best], curve };
}
