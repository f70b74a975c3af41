export const NF4: number[] = [
  -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635, -0.18477343022823334,
  -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
  0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0,
];

/**
 * One block quantized to NF4: its absmax and, for each value, the code (0..15) of the nearest NF4 level to the
 * value normalised by absmax; an exact tie goes to the lower code. An all-zero block: code 7 everywhere, absmax 0.
 */
export function nf4Quantize(block: number[]): { codes: number[]; absmax: number } {
  throw new Error("Not implemented yet: nf4Quantize");
}

/** The values that NF4 codes stand for in a block with this absmax. */
export function nf4Dequantize(codes: number[], absmax: number): number[] {
  throw new Error("Not implemented yet: nf4Dequantize");
}
