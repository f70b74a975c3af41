/** Signal-to-quantization-noise ratio in dB: 10 · log10(Σ x² / Σ (x − xHat)²). */
export function sqnrDb(x: number[], xHat: number[]): number {
  // TODO: both sums are powers; which factor goes with log10 of a power ratio?
  throw new Error("Not implemented yet: sqnrDb(x, xHat)");
}

/**
 * SQNR of symmetric quantization of x to `bits` bits: scale = max|x| / (2^(bits−1) − 1),
 * xHat = scale · round_half_even(x / scale).
 */
export function quantizationSqnrDb(x: number[], bits: number): number {
  // TODO: quantize, dequantize, then reuse sqnrDb.
  throw new Error("Not implemented yet: quantizationSqnrDb(x, bits)");
}
