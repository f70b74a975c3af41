/**
 * NF4 (4-bit NormalFloat, QLoRA): 16 code values placed at quantiles of a standard normal, scaled per block by
 * the block's absolute maximum (bitsandbytes' blockwise scheme).
 *
 *   absmax = max_i |x_i|,  code_i = argmin_c |x_i / absmax − NF4_CODEBOOK[c]|,  x̂_i = NF4_CODEBOOK[code_i] · absmax
 */
import { fail, requireFiniteArray, requireIntegerIn, requireNonNegative, requireArrayLike } from "./validate";

/** bitsandbytes' NF4 table (`bitsandbytes.functional`, `get_4bit_type("nf4")`), codes 0..15. Code 7 is exactly 0. */
export const NF4_CODEBOOK: readonly number[] = Object.freeze([
  -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635, -0.18477343022823334,
  -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
  0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0,
]);

const CODEBOOK = Float64Array.from(NF4_CODEBOOK);
/** The NF4 code of 0, used for an all-zero block. */
const ZERO_CODE = 7;

/** Nearest code to a normalized value in [−1, 1]; the lower code wins an exact tie. */
function nearestCode(v: number): number {
  let best = 0;
  let bestDistance = Math.abs(v - CODEBOOK[0]);
  for (let c = 1; c < 16; c++) {
    const d = Math.abs(v - CODEBOOK[c]);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
}

function quantizeBlockInto(x: ArrayLike<number>, start: number, end: number, codes: Uint8Array): number {
  let absmax = 0;
  for (let i = start; i < end; i++) absmax = Math.max(absmax, Math.abs(x[i]));
  if (absmax === 0) {
    codes.fill(ZERO_CODE, start, end);
    return 0;
  }
  for (let i = start; i < end; i++) codes[i] = nearestCode(x[i] / absmax);
  return absmax;
}

/**
 * Quantizes one block to NF4 codes and its absmax.
 *
 * @param block a non-empty array of finite numbers (bitsandbytes uses 64 per block)
 * @returns `{ codes, absmax }`: a Uint8Array of codes 0..15, and max |x|; an all-zero block gives code 7 and absmax 0
 * @throws if block is empty or holds a non-finite value
 * @example
 * nf4Quantize([0.5, -1, 0, 0.25])  // { codes: Uint8Array [12, 0, 7, 10], absmax: 1 }
 */
export function nf4Quantize(block: ArrayLike<number>): { codes: Uint8Array; absmax: number } {
  requireFiniteArray("nf4Quantize", "block", block);
  const codes = new Uint8Array(block.length);
  const absmax = quantizeBlockInto(block, 0, block.length, codes);
  return { codes, absmax };
}

function requireCodes(fn: string, codes: unknown): ArrayLike<number> {
  const c = requireArrayLike(fn, "codes", codes);
  for (let i = 0; i < c.length; i++) {
    if (!Number.isInteger(c[i]) || c[i] < 0 || c[i] > 15) fail(fn, `codes[${i}] must be an integer 0..15, got ${c[i]}`);
  }
  return c;
}

/**
 * Dequantizes NF4 codes of one block: x̂_i = NF4_CODEBOOK[codes_i] · absmax.
 *
 * @param codes integers 0..15
 * @param absmax the block's absmax, ≥ 0
 * @returns a Float64Array
 * @throws if a code is not an integer 0..15, or absmax is negative or not finite
 * @example
 * nf4Dequantize([13, 0, 7, 15], 2)  // Float64Array [1.1252340078353882, -2, 0, 2]
 */
export function nf4Dequantize(codes: ArrayLike<number>, absmax: number): Float64Array {
  const fn = "nf4Dequantize";
  requireCodes(fn, codes);
  requireNonNegative(fn, "absmax", absmax);
  const out = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = CODEBOOK[codes[i]] * absmax;
  return out;
}

/**
 * Blockwise NF4 over a whole tensor: consecutive blocks of `blockSize` values, each with its own absmax
 * (a last shorter block takes what is left).
 *
 * @param x a non-empty array of finite numbers
 * @param blockSize values per block, ≥ 1; default 64 (bitsandbytes' default for QLoRA)
 * @returns `{ codes, absmax }`: one code per value, one absmax per block
 * @throws if x is empty or non-finite, or blockSize is not a positive integer
 * @example
 * nf4QuantizeBlocks([0.5, -1, 3, 0], 2)  // { codes: Uint8Array [12, 0, 15, 7], absmax: Float64Array [1, 3] }
 */
export function nf4QuantizeBlocks(x: ArrayLike<number>, blockSize = 64): { codes: Uint8Array; absmax: Float64Array } {
  const fn = "nf4QuantizeBlocks";
  requireFiniteArray(fn, "x", x);
  requireIntegerIn(fn, "blockSize", blockSize, 1, Number.MAX_SAFE_INTEGER);
  const blocks = Math.ceil(x.length / blockSize);
  const codes = new Uint8Array(x.length);
  const absmax = new Float64Array(blocks);
  for (let b = 0; b < blocks; b++) {
    absmax[b] = quantizeBlockInto(x, b * blockSize, Math.min(x.length, (b + 1) * blockSize), codes);
  }
  return { codes, absmax };
}

/**
 * The inverse of `nf4QuantizeBlocks`.
 *
 * @param codes integers 0..15
 * @param absmax one per block, each ≥ 0
 * @param blockSize values per block; default 64
 * @returns a Float64Array of codes' length
 * @throws if a code is out of range, or absmax does not have ⌈codes.length / blockSize⌉ entries
 * @example
 * nf4DequantizeBlocks([13, 0, 15, 7], [1, 3], 2)  // Float64Array [0.5626170039176941, -1, 3, 0]
 */
export function nf4DequantizeBlocks(codes: ArrayLike<number>, absmax: ArrayLike<number>, blockSize = 64): Float64Array {
  const fn = "nf4DequantizeBlocks";
  requireCodes(fn, codes);
  requireFiniteArray(fn, "absmax", absmax);
  requireIntegerIn(fn, "blockSize", blockSize, 1, Number.MAX_SAFE_INTEGER);
  const blocks = Math.ceil(codes.length / blockSize);
  if (absmax.length !== blocks) fail(fn, `absmax has ${absmax.length} entries, expected ${blocks} (⌈${codes.length} / ${blockSize}⌉)`);
  const out = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const a = absmax[Math.floor(i / blockSize)];
    if (a < 0) fail(fn, `absmax[${Math.floor(i / blockSize)}] must not be negative, got ${a}`);
    out[i] = CODEBOOK[codes[i]] * a;
  }
  return out;
}
