/**
 * llama.cpp's Q4_0 for one block of 32 values: the block's scale d (signed, unrounded) and one 4-bit code (0..15)
 * per value, in order, as quantize_row_q4_0_ref computes them; an all-zero block has d = 0 and every code 8.
 */
export function q4_0Quantize(block32: number[]): { d: number; q: number[] } {
  throw new Error("Not implemented yet: q4_0Quantize");
}

/** The 32 values that Q4_0 codes stand for with the block scale d. */
export function q4_0Dequantize(d: number, q: number[]): number[] {
  throw new Error("Not implemented yet: q4_0Dequantize");
}
