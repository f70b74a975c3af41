/** bitsandbytes' NF4 levels (get_4bit_type("nf4")), codes 0..15. Code 7 is exactly 0. */
export const NF4: number[] = [
  -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635, -0.18477343022823334,
  -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
  0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0,
];

/**
 * Quantize one block to NF4: absmax = max |x|, and each code is the index of the NF4 level nearest to x / absmax
 * (an exact tie goes to the lower code). An all-zero block gives code 7 everywhere and absmax 0.
 */
export function nf4Quantize(block: number[]): { codes: number[]; absmax: number } {
  // TODO: find the block's absmax, then the nearest level for each normalized value.
  throw new Error("Not implemented yet: nf4Quantize(block)");
}

/** Dequantize: x_hat_i = NF4[codes_i] · absmax. */
export function nf4Dequantize(codes: number[], absmax: number): number[] {
  // TODO: look each code up in NF4 and scale it back.
  throw new Error("Not implemented yet: nf4Dequantize(codes, absmax)");
}
