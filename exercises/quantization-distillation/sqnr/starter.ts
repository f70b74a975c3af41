/** The signal-to-quantization-noise ratio of the reconstruction xHat of x, in decibels. */
export function sqnrDb(x: number[], xHat: number[]): number {
  throw new Error("Not implemented yet: sqnrDb");
}

/** The SQNR in dB of x after symmetric `bits`-bit quantization with the absmax scale (half to even), dequantized back. */
export function quantizationSqnrDb(x: number[], bits: number): number {
  throw new Error("Not implemented yet: quantizationSqnrDb");
}
