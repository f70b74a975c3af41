/**
 * llama.cpp's (ggml) reference block quantizers, `quantize_row_q4_0_ref` and `quantize_row_q8_0_ref` in
 * `ggml-quants.c`, for blocks of 32 values. As there, inputs are read as float32, the arithmetic is float32,
 * and the block scale d is stored as float16 (`GGML_FP32_TO_FP16`); the codes are computed with the float32
 * inverse of the unrounded d, and dequantization uses the float16 d.
 *
 *   Q4_0: m = the value of largest magnitude (first one on ties, sign kept), d = m / −8, id = 1/d (0 if d = 0),
 *         q_i = min(15, trunc(x_i·id + 8.5)),  x̂_i = (q_i − 8)·d
 *   Q8_0: amax = max |x_i|, d = amax / 127, id = 1/d (0 if d = 0),
 *         q_i = roundf(x_i·id) (half away from zero),  x̂_i = q_i·d
 *
 * Codes are returned one per value (not nibble-packed as in the file format).
 */
import { float16Round } from "./floatFormats";
import { fail, requireArrayLike, requireFiniteArray } from "./validate";

/** Values per block in Q4_0 and Q8_0 (QK4_0 = QK8_0 = 32). */
export const GGML_BLOCK_SIZE = 32;

const f32 = Math.fround;

function requireBlock(fn: string, block: unknown): Float32Array {
  const b = requireFiniteArray(fn, "block32", block);
  if (b.length !== GGML_BLOCK_SIZE) fail(fn, `block32 must hold exactly ${GGML_BLOCK_SIZE} values, got ${b.length}; split the tensor into blocks of 32`);
  const x = Float32Array.from(b);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) fail(fn, `block32[${i}] (${b[i]}) overflows float32`);
  }
  return x;
}

function storeScale(fn: string, d: number): number {
  const half = float16Round(d);
  if (!Number.isFinite(half)) fail(fn, `the block scale d = ${d} overflows float16 (max 65504); the block's values are too large for this format`);
  return half;
}

/**
 * Q4_0 quantization of one block of 32 values (llama.cpp reference): see the module comment.
 *
 * @param block32 exactly 32 finite numbers (rounded to float32 first)
 * @returns `{ d, q }`: d the float16 block scale (as a number, may be negative), q a Uint8Array of codes 0..15
 * @throws if the block does not hold 32 finite numbers, or d overflows float16
 * @example
 * q4_0Quantize([-4, 2, 1, 0, ...28 zeros])
 * // { d: 0.5, q: Uint8Array [0, 12, 10, 8, 8, ...] }  (m = −4 is the largest magnitude, so d = −4/−8 = 0.5)
 */
export function q4_0Quantize(block32: ArrayLike<number>): { d: number; q: Uint8Array } {
  const fn = "q4_0Quantize";
  const x = requireBlock(fn, block32);
  let amax = 0;
  let max = 0;
  for (let i = 0; i < x.length; i++) {
    const a = Math.abs(x[i]);
    if (amax < a) {
      amax = a;
      max = x[i];
    }
  }
  const d = f32(max / -8);
  const id = d !== 0 ? f32(1 / d) : 0;
  const q = new Uint8Array(GGML_BLOCK_SIZE);
  for (let i = 0; i < x.length; i++) {
    const scaled = f32(f32(x[i] * id) + 8.5);
    q[i] = Math.min(15, Math.trunc(scaled));
  }
  return { d: storeScale(fn, d), q };
}

function requireCodes(fn: string, q: unknown, min: number, max: number): ArrayLike<number> {
  const c = requireArrayLike(fn, "q", q);
  if (c.length !== GGML_BLOCK_SIZE) fail(fn, `q must hold exactly ${GGML_BLOCK_SIZE} codes, got ${c.length}`);
  for (let i = 0; i < c.length; i++) {
    if (!Number.isInteger(c[i]) || c[i] < min || c[i] > max) fail(fn, `q[${i}] must be an integer ${min}..${max}, got ${c[i]}`);
  }
  return c;
}

function requireD(fn: string, d: unknown): number {
  if (typeof d !== "number" || !Number.isFinite(d)) fail(fn, `d must be a finite number, got ${String(d)}`);
  return d;
}

/**
 * Q4_0 dequantization: x̂_i = (q_i − 8) · d, in float32 as llama.cpp computes it.
 *
 * @param d the block scale (float16 value from `q4_0Quantize`)
 * @param q 32 codes 0..15
 * @returns a Float32Array of 32 values
 * @throws if d is not finite, or q is not 32 integers 0..15
 * @example
 * q4_0Dequantize(0.5, [0, 12, 10, 8, ...28 eights])  // Float32Array [-4, 2, 1, 0, ...]
 */
export function q4_0Dequantize(d: number, q: ArrayLike<number>): Float32Array {
  const fn = "q4_0Dequantize";
  requireD(fn, d);
  const codes = requireCodes(fn, q, 0, 15);
  const out = new Float32Array(GGML_BLOCK_SIZE);
  for (let i = 0; i < GGML_BLOCK_SIZE; i++) out[i] = (codes[i] - 8) * f32(d);
  return out;
}

/**
 * Q8_0 quantization of one block of 32 values (llama.cpp reference): see the module comment.
 *
 * @param block32 exactly 32 finite numbers (rounded to float32 first)
 * @returns `{ d, q }`: d the float16 block scale (≥ 0), q an Int8Array of codes −127..127
 * @throws if the block does not hold 32 finite numbers, or d overflows float16
 * @example
 * q8_0Quantize([127, 0.5, -0.5, 1.5, ...28 zeros])  // { d: 1, q: Int8Array [127, 1, -1, 2, 0, ...] }  (ties away from 0)
 */
export function q8_0Quantize(block32: ArrayLike<number>): { d: number; q: Int8Array } {
  const fn = "q8_0Quantize";
  const x = requireBlock(fn, block32);
  let amax = 0;
  for (let i = 0; i < x.length; i++) amax = Math.max(amax, Math.abs(x[i]));
  const d = f32(amax / 127);
  const id = d !== 0 ? f32(1 / d) : 0;
  const q = new Int8Array(GGML_BLOCK_SIZE);
  for (let i = 0; i < x.length; i++) {
    const v = f32(x[i] * id);
    q[i] = v < 0 ? -Math.round(-v) : Math.round(v); // roundf: half away from zero
  }
  return { d: storeScale(fn, d), q };
}

/**
 * Q8_0 dequantization: x̂_i = q_i · d, in float32.
 *
 * @param d the block scale (float16 value from `q8_0Quantize`)
 * @param q 32 codes −128..127
 * @returns a Float32Array of 32 values
 * @throws if d is not finite, or q is not 32 integers −128..127
 * @example
 * q8_0Dequantize(0.5, [2, -3, ...30 zeros])  // Float32Array [1, -1.5, 0, ...]
 */
export function q8_0Dequantize(d: number, q: ArrayLike<number>): Float32Array {
  const fn = "q8_0Dequantize";
  requireD(fn, d);
  const codes = requireCodes(fn, q, -128, 127);
  const out = new Float32Array(GGML_BLOCK_SIZE);
  for (let i = 0; i < GGML_BLOCK_SIZE; i++) out[i] = codes[i] * f32(d);
  return out;
}
