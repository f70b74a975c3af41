/**
 * The integer code of the real value x for this scale and zero point.
 * Rounding: half to even at an exact tie (2.5 → 2, 3.5 → 4), as Python's round and PyTorch do; no clamping.
 */
export function quantize(x: number, scale: number, zeroPoint: number): number {
  throw new Error("Not implemented yet: quantize");
}

/** The real value that the integer code q stands for, for this scale and zero point. */
export function dequantize(q: number, scale: number, zeroPoint: number): number {
  throw new Error("Not implemented yet: dequantize");
}
