/**
 * How llama.cpp lays a Q4_0 block out in memory (`block_q4_0` in ggml-common.h): 18 bytes per 32 weights.
 *
 *   bytes 0–1   the block scale d as an IEEE float16, little-endian (low byte first)
 *   bytes 2–17  qs[j] = q_j | (q_{j+16} << 4)   for j = 0..15
 *
 * so code j sits in the low nibble of byte j and code j + 16 in the high nibble of the same byte (the first
 * half of the block in the low nibbles, the second half in the high ones), not neighbours side by side.
 * Unpacking reverses it: q_j = qs[j] & 0x0F, q_{j+16} = qs[j] >> 4 (`dequantize_row_q4_0` in ggml-quants.c).
 * A row of k weights (k a multiple of 32) takes k/32 · 18 bytes: 18 · 8 / 32 = 4.5 bits per weight.
 */
import { GGML_BLOCK_SIZE } from "./ggml";
import { fail, requireArrayLike, requireIntegerIn, requirePositive } from "./validate";

/** Bytes of one Q4_0 block: a float16 scale and 16 bytes of nibbles. */
export const Q4_0_BLOCK_BYTES = 18;

/**
 * Packs one Q4_0 block into its 18 bytes: `[d & 0xFF, d >> 8, q_0 | q_16 << 4, …, q_15 | q_31 << 4]`.
 *
 * @param dBits the float16 bit pattern of the block scale, an integer 0..65535 (0x3800 is 0.5)
 * @param q the block's 32 codes, integers 0..15
 * @returns 18 bytes (integers 0..255) in file order
 * @throws if dBits is not an integer 0..65535, or q is not 32 integers 0..15
 * @example
 * q4_0PackBlock(0x3800, [0, 1, 2, …, 15, 15, 14, …, 0])
 * // [0, 56, 240, 225, 210, 195, 180, 165, 150, 135, 120, 105, 90, 75, 60, 45, 30, 15]
 */
export function q4_0PackBlock(dBits: number, q: ArrayLike<number>): number[] {
  const fn = "q4_0PackBlock";
  requireIntegerIn(fn, "dBits", dBits, 0, 0xffff);
  const codes = requireCodes32(fn, q);
  const bytes = [dBits & 0xff, dBits >>> 8];
  const half = GGML_BLOCK_SIZE / 2;
  for (let j = 0; j < half; j++) bytes.push(codes[j] | (codes[j + half] << 4));
  return bytes;
}

/**
 * Unpacks the 18 bytes of one Q4_0 block: `dBits = b_0 | b_1 << 8`, `q_j = b_{2+j} & 0x0F`, `q_{j+16} = b_{2+j} >> 4`.
 *
 * @param bytes 18 integers 0..255, in file order
 * @returns `{ dBits, q }`: the scale's float16 bit pattern and the 32 codes 0..15
 * @throws if bytes is not 18 integers 0..255
 * @example
 * q4_0UnpackBlock([0, 56, 240, 225, 210, 195, 180, 165, 150, 135, 120, 105, 90, 75, 60, 45, 30, 15])
 * // { dBits: 14336, q: [0, 1, 2, …, 15, 15, 14, …, 0] }
 */
export function q4_0UnpackBlock(bytes: ArrayLike<number>): { dBits: number; q: number[] } {
  const fn = "q4_0UnpackBlock";
  const b = requireArrayLike(fn, "bytes", bytes);
  if (b.length !== Q4_0_BLOCK_BYTES) fail(fn, `bytes must hold exactly ${Q4_0_BLOCK_BYTES} bytes (2 for d, 16 of codes), got ${b.length}`);
  for (let i = 0; i < b.length; i++) requireIntegerIn(fn, `bytes[${i}]`, b[i], 0, 255);
  const half = GGML_BLOCK_SIZE / 2;
  const q = new Array<number>(GGML_BLOCK_SIZE);
  for (let j = 0; j < half; j++) {
    q[j] = b[2 + j] & 0x0f;
    q[j + half] = b[2 + j] >> 4;
  }
  return { dBits: b[0] | (b[1] << 8), q };
}

/**
 * Storage of a rows × cols matrix in Q4_0: blocks = rows · cols / 32, bytes = 18 · blocks,
 * bitsPerWeight = 8 · bytes / (rows · cols) = 4.5. Each row is quantized on its own, so cols must be a multiple of 32.
 *
 * @param rows number of rows, a positive integer
 * @param cols number of columns, a positive multiple of 32
 * @returns `{ blocks, bytes, bitsPerWeight }`
 * @throws if rows is not a positive integer, or cols is not a positive multiple of 32
 * @example
 * q4_0TensorBytes(4096, 4096)  // { blocks: 524288, bytes: 9437184, bitsPerWeight: 4.5 }
 */
export function q4_0TensorBytes(rows: number, cols: number): { blocks: number; bytes: number; bitsPerWeight: number } {
  const fn = "q4_0TensorBytes";
  requirePositive(fn, "rows", rows);
  requirePositive(fn, "cols", cols);
  requireIntegerIn(fn, "rows", rows, 1, Number.MAX_SAFE_INTEGER);
  requireIntegerIn(fn, "cols", cols, 1, Number.MAX_SAFE_INTEGER);
  if (cols % GGML_BLOCK_SIZE !== 0) fail(fn, `cols (${cols}) must be a multiple of ${GGML_BLOCK_SIZE}: Q4_0 quantizes each row in blocks of 32`);
  const blocks = (rows * cols) / GGML_BLOCK_SIZE;
  if (!Number.isSafeInteger(blocks * Q4_0_BLOCK_BYTES)) fail(fn, `rows · cols (${rows} · ${cols}) is too large to count bytes exactly`);
  const bytes = blocks * Q4_0_BLOCK_BYTES;
  return { blocks, bytes, bitsPerWeight: (8 * bytes) / (rows * cols) };
}

function requireCodes32(fn: string, q: unknown): ArrayLike<number> {
  const c = requireArrayLike(fn, "q", q);
  if (c.length !== GGML_BLOCK_SIZE) fail(fn, `q must hold exactly ${GGML_BLOCK_SIZE} codes, got ${c.length}`);
  for (let i = 0; i < c.length; i++) requireIntegerIn(fn, `q[${i}]`, c[i], 0, 15);
  return c;
}
