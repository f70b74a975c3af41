/**
 * N:M structured sparsity (NVIDIA's 2:4 on Ampere and later; Mishra et al. 2021, "Accelerating Sparse Deep
 * Neural Networks", and apex's ASP `mn_1d_best`): in every group of M consecutive weights of a row, keep the N of
 * largest magnitude and zero the rest. Against it, unstructured magnitude pruning keeps the same number of
 * weights anywhere in the row.
 *
 *   mask_i = 1 for the N largest |w_i| of each group {kM, …, kM + M − 1}   (ties: the lower index is kept)
 *   squared error = Σ_i (1 − mask_i) · w_i²                                  (the energy of what was pruned)
 *   metadata = N · ⌈log₂ M⌉ bits per group of M (a position index per kept value: 2 bits each for 2:4)
 *   stored bits per weight = valueBits · N / M + N · ⌈log₂ M⌉ / M           (2:4 in fp16: 8 + 1 = 9)
 *
 * Unstructured pruning at the same density keeps the len · N / M largest |w_i| of the whole row, so its error is
 * never larger than N:M's: the gap is the price of a pattern the hardware can use.
 */
import { fail, requireFiniteArray, requireIntegerIn } from "./validate";

/** Indices of `values` by descending magnitude, the lower index first among equal magnitudes. */
function byMagnitude(values: ArrayLike<number>, from: number, to: number): number[] {
  const idx: number[] = [];
  for (let i = from; i < to; i++) idx.push(i);
  return idx.sort((a, b) => Math.abs(values[b]) - Math.abs(values[a]) || a - b);
}

function requirePattern(fn: string, w: unknown, n: unknown, m: unknown): { w: ArrayLike<number>; n: number; m: number } {
  const weights = requireFiniteArray(fn, "w", w);
  const mm = requireIntegerIn(fn, "m", m, 1, 64);
  const nn = requireIntegerIn(fn, "n", n, 0, mm);
  if (weights.length % mm !== 0) fail(fn, `w's length (${weights.length}) must be a multiple of m (${mm}): the row is cut into groups of m consecutive weights`);
  return { w: weights, n: nn, m: mm };
}

/**
 * The N:M mask of a row: in each group of m consecutive weights, 1 for the n of largest magnitude, 0 elsewhere.
 *
 * @param w the row's weights; its length a multiple of m
 * @param n weights kept per group, 0..m
 * @param m group size, 1..64
 * @returns an array of 0 and 1, as long as w
 * @throws if w is empty or not finite, m is not an integer 1..64, n is not an integer 0..m, or m does not divide w's length
 * @example
 * nmSparsityMask([0.1, -0.9, 0.4, 0.3, 2, -2, 0, 1], 2, 4)  // [0, 1, 1, 0, 1, 1, 0, 0]
 */
export function nmSparsityMask(w: ArrayLike<number>, n: number, m: number): number[] {
  const p = requirePattern("nmSparsityMask", w, n, m);
  const mask = new Array<number>(p.w.length).fill(0);
  for (let start = 0; start < p.w.length; start += p.m) {
    for (const i of byMagnitude(p.w, start, start + p.m).slice(0, p.n)) mask[i] = 1;
  }
  return mask;
}

/**
 * Unstructured magnitude pruning: 1 for the `keep` weights of largest magnitude in the whole row, 0 elsewhere.
 *
 * @param w the weights
 * @param keep how many to keep, 0..w.length
 * @returns an array of 0 and 1, as long as w
 * @throws if w is empty or not finite, or keep is not an integer 0..w.length
 * @example
 * magnitudePruneMask([0.1, -0.9, 0.4, 0.3, 2, -2, 0, 1], 4)  // [0, 1, 0, 0, 1, 1, 0, 1]
 */
export function magnitudePruneMask(w: ArrayLike<number>, keep: number): number[] {
  const fn = "magnitudePruneMask";
  const weights = requireFiniteArray(fn, "w", w);
  const k = requireIntegerIn(fn, "keep", keep, 0, weights.length);
  const mask = new Array<number>(weights.length).fill(0);
  for (const i of byMagnitude(weights, 0, weights.length).slice(0, k)) mask[i] = 1;
  return mask;
}

/** What N:M sparsity keeps, costs and loses on one row, against unstructured pruning at the same density. */
export interface NmSparsityReport {
  /** n / m */
  keptFraction: number;
  /** n · ⌈log₂ m⌉ / m: index bits per weight of the dense row */
  metadataBitsPerWeight: number;
  /** valueBits · n / m + metadataBitsPerWeight */
  storedBitsPerWeight: number;
  /** Σ w_i² over the weights the N:M mask zeroes */
  nmError: number;
  /** Σ w_i² over the weights unstructured pruning of the same count zeroes */
  unstructuredError: number;
}

/**
 * N:M sparsity on one row against unstructured magnitude pruning at the same density: see the module comment.
 *
 * @param w the row's weights; its length a multiple of m
 * @param n weights kept per group, 0..m
 * @param m group size, 1..64
 * @param valueBits bits of each kept value (16 for fp16/bf16, 8 for int8), an integer 1..64
 * @returns `{ keptFraction, metadataBitsPerWeight, storedBitsPerWeight, nmError, unstructuredError }`
 * @throws as nmSparsityMask, or if valueBits is not an integer 1..64
 * @example
 * nmSparsityReport([0.1, -0.9, 0.4, 0.3, 2, -2, 0, 1], 2, 4, 16)
 * // { keptFraction: 0.5, metadataBitsPerWeight: 1, storedBitsPerWeight: 9, nmError: 1.1, unstructuredError: 0.26 }
 */
export function nmSparsityReport(w: ArrayLike<number>, n: number, m: number, valueBits: number): NmSparsityReport {
  const fn = "nmSparsityReport";
  const p = requirePattern(fn, w, n, m);
  const bits = requireIntegerIn(fn, "valueBits", valueBits, 1, 64);
  const nm = nmSparsityMask(p.w, p.n, p.m);
  const unstructured = magnitudePruneMask(p.w, (p.w.length / p.m) * p.n);
  let nmError = 0;
  let unstructuredError = 0;
  for (let i = 0; i < p.w.length; i++) {
    const sq = p.w[i] * p.w[i];
    if (nm[i] === 0) nmError += sq;
    if (unstructured[i] === 0) unstructuredError += sq;
  }
  const metadataBitsPerWeight = (p.n * Math.ceil(Math.log2(p.m))) / p.m;
  return {
    keptFraction: p.n / p.m,
    metadataBitsPerWeight,
    storedBitsPerWeight: (bits * p.n) / p.m + metadataBitsPerWeight,
    nmError,
    unstructuredError,
  };
}
