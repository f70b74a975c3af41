/**
 * Softmax with temperature, computed stably: subtracting the largest logit before exponentiating keeps
 * exp() from overflowing, so logits of 1000 give probabilities, not NaN.
 *
 *   softmax(z, T)_i = exp((z_i − max z) / T) / Σ_j exp((z_j − max z) / T)
 *
 * A higher temperature flattens the distribution (more "dark knowledge" in the small probabilities).
 *
 * softmaxRows into a Float32Array computes each exponential to float32 precision (softmaxExpFloat32), multiplies
 * by 1/T and sums in four interleaved partial sums (softmaxIntoFloat32): the WebAssembly kernel (src/kernels) then
 * reproduces it bit for bit four values at a time.
 */
import { NumericArray } from "./quantize";
import { softmaxExpFloat32 } from "./float32Exp";
import { fail, requireFiniteArray, requireIntegerIn, requireOptions, requirePositive, reportNonFinite, requireArrayLike } from "./validate";

function maxOf(x: ArrayLike<number>, start: number, end: number): number {
  let m = -Infinity;
  for (let i = start; i < end; i++) if (x[i] > m) m = x[i];
  return m;
}

/**
 * Softmax of logits at a temperature (see the module comment).
 *
 * @param logits a non-empty array of finite numbers
 * @param temperature T > 0; default 1
 * @returns probabilities summing to 1, a Float64Array
 * @throws if logits is empty or non-finite, or T is not a positive finite number
 * @example
 * softmax([2, 0], 2)        // Float64Array [0.7310585786300049, 0.26894142136999516]
 * softmax([1000, 1000, 0])  // Float64Array [0.5, 0.5, 0]
 */
export function softmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
  const fn = "softmax";
  requireFiniteArray(fn, "logits", logits);
  requirePositive(fn, "temperature", temperature);
  const out = new Float64Array(logits.length);
  softmaxInto(logits, 0, logits.length, temperature, out);
  return out;
}

function softmaxInto(x: ArrayLike<number>, start: number, end: number, temperature: number, out: NumericArray): void {
  const m = maxOf(x, start, end);
  let sum = 0;
  for (let i = start; i < end; i++) {
    // Divide rather than multiply by 1/T: for a subnormal T, 1/T is Infinity and 0 · Infinity would be NaN.
    const e = Math.exp((x[i] - m) / temperature);
    out[i] = e;
    sum += e;
  }
  // The largest logit contributes exp(0) = 1, so sum ≥ 1: no division by zero.
  const inverseSum = 1 / sum;
  for (let i = start; i < end; i++) out[i] *= inverseSum;
}

/**
 * softmaxRows' float32 row: z = (x − m)·(1/T) (divided by T where 1/T overflows, for a subnormal T), e =
 * softmaxExpFloat32(z), four partial sums s_j over the positions j mod 4 in the row, each in index order, total
 * (s0 + s1) + (s2 + s3); then out = e·(1/total). Multiplying and the four sums are what let the kernel run four
 * values at a time and still give these bits.
 */
function softmaxIntoFloat32(x: ArrayLike<number>, start: number, end: number, temperature: number, out: Float32Array): void {
  const m = maxOf(x, start, end);
  const inverseT = 1 / temperature;
  const divide = !Number.isFinite(inverseT);
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = start;
  for (; i + 3 < end; i += 4) {
    const e0 = softmaxExpFloat32(divide ? (x[i] - m) / temperature : (x[i] - m) * inverseT);
    const e1 = softmaxExpFloat32(divide ? (x[i + 1] - m) / temperature : (x[i + 1] - m) * inverseT);
    const e2 = softmaxExpFloat32(divide ? (x[i + 2] - m) / temperature : (x[i + 2] - m) * inverseT);
    const e3 = softmaxExpFloat32(divide ? (x[i + 3] - m) / temperature : (x[i + 3] - m) * inverseT);
    out[i] = e0;
    out[i + 1] = e1;
    out[i + 2] = e2;
    out[i + 3] = e3;
    s0 += e0;
    s1 += e1;
    s2 += e2;
    s3 += e3;
  }
  // 0 to 3 values left: they continue sums 0, 1, 2 in turn.
  for (let j = 0; i < end; i++, j++) {
    const e = softmaxExpFloat32(divide ? (x[i] - m) / temperature : (x[i] - m) * inverseT);
    out[i] = e;
    if (j === 0) s0 += e;
    else if (j === 1) s1 += e;
    else s2 += e;
  }
  const inverseSum = 1 / (s0 + s1 + (s2 + s3));
  for (let j = start; j < end; j++) out[j] *= inverseSum;
}

/**
 * Log-softmax at a temperature: (z_i − max z)/T − ln Σ_j exp((z_j − max z)/T). Exact where softmax would
 * underflow to 0 (its log stays finite).
 *
 * @param logits a non-empty array of finite numbers
 * @param temperature T > 0; default 1
 * @returns log-probabilities, a Float64Array
 * @throws if logits is empty or non-finite, or T is not a positive finite number
 * @example
 * logSoftmax([2, 0], 2)   // Float64Array [-0.31326168751822286, -1.3132616875182228]
 * logSoftmax([1000, 0])   // Float64Array [0, -1000]
 */
export function logSoftmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
  const fn = "logSoftmax";
  requireFiniteArray(fn, "logits", logits);
  requirePositive(fn, "temperature", temperature);
  const n = logits.length;
  const m = maxOf(logits, 0, n);
  const out = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    out[i] = (logits[i] - m) / temperature;
    sum += Math.exp(out[i]);
  }
  const logSum = Math.log(sum);
  for (let i = 0; i < n; i++) out[i] -= logSum;
  return out;
}

/**
 * Softmax of every row of a row-major matrix (a batch of logits) into a preallocated output: the kernel
 * behind batched distillation and the benchmark. Output rows sum to 1. Into a Float32Array (the default for
 * float32 logits) each exponential is softmaxExpFloat32, accurate to float32 precision like numpy's float32 exp;
 * otherwise Math.exp as in softmax.
 *
 * @param logits rows·rowLength finite numbers, row after row
 * @param rowLength logits per row (classes), ≥ 1, dividing logits.length
 * @param temperature T > 0; default 1
 * @param options `{ out }`: same length as logits; default a new Float32Array for Float32Array input, else Float64Array
 * @returns the probabilities, row after row
 * @throws if logits is empty or non-finite, rowLength does not divide its length, or T is not positive
 * @example
 * softmaxRows([2, 0, 0, 0], 2, 2)
 * // Float64Array [0.7310585786300049, 0.26894142136999516, 0.5, 0.5]
 */
export function softmaxRows(
  logits: ArrayLike<number>,
  rowLength: number,
  temperature = 1,
  options?: { out?: NumericArray },
): NumericArray {
  const fn = "softmaxRows";
  requireArrayLike(fn, "logits", logits);
  requireIntegerIn(fn, "rowLength", rowLength, 1, Number.MAX_SAFE_INTEGER);
  requirePositive(fn, "temperature", temperature);
  const n = logits.length;
  if (n % rowLength !== 0) fail(fn, `logits has ${n} values, which is not a whole number of rows of ${rowLength}`);
  const o = requireOptions<{ out: NumericArray }>(fn, "options", options);
  let out = o.out;
  if (out !== undefined && out.length !== n) fail(fn, `options.out has length ${out.length}, expected ${n}`);
  out ??= logits instanceof Float32Array ? new Float32Array(n) : new Float64Array(n);
  if (out instanceof Float32Array) {
    for (let start = 0; start < n; start += rowLength) softmaxIntoFloat32(logits, start, start + rowLength, temperature, out);
  } else {
    for (let start = 0; start < n; start += rowLength) softmaxInto(logits, start, start + rowLength, temperature, out);
  }
  // A non-finite logit makes its whole row NaN; one check at the end keeps the hot loop lean.
  for (let start = 0; start < n; start += rowLength) {
    if (!(out[start] >= 0)) reportNonFinite(fn, "logits", logits);
  }
  return out;
}

/**
 * Softmax of the same logits at several temperatures, one row per temperature (for sweep charts).
 *
 * @param logits a non-empty array of finite numbers
 * @param temperatures a non-empty array of temperatures, each > 0
 * @returns one Float64Array of probabilities per temperature
 * @throws if logits or temperatures is empty or non-finite, or a temperature is ≤ 0
 * @example
 * temperatureSweep([2, 0], [1, 2])
 * // [Float64Array [0.8807970779778823, 0.11920292202211755], Float64Array [0.7310585786300049, 0.26894142136999516]]
 */
export function temperatureSweep(logits: ArrayLike<number>, temperatures: ArrayLike<number>): Float64Array[] {
  const fn = "temperatureSweep";
  requireFiniteArray(fn, "logits", logits);
  requireFiniteArray(fn, "temperatures", temperatures);
  const rows: Float64Array[] = [];
  for (let t = 0; t < temperatures.length; t++) {
    requirePositive(fn, `temperatures[${t}]`, temperatures[t]);
    const out = new Float64Array(logits.length);
    softmaxInto(logits, 0, logits.length, temperatures[t], out);
    rows.push(out);
  }
  return rows;
}
