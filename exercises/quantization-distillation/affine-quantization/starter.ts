/**
 * Quantize a real value to an integer code: q = round(x / scale) + zeroPoint.
 * Round half to even (as Python's round and PyTorch do: 2.5 → 2, 3.5 → 4); do not clamp.
 */
export function quantize(x: number, scale: number, zeroPoint: number): number {
  // TODO: divide by the scale, round half to even, then add the zero point.
  throw new Error("Not implemented yet: quantize(x, scale, zeroPoint)");
}

/** Map an integer code back to a real value: x_hat = scale · (q − zeroPoint). */
export function dequantize(q: number, scale: number, zeroPoint: number): number {
  // TODO: undo the shift by the zero point, then multiply by the scale.
  throw new Error("Not implemented yet: dequantize(q, scale, zeroPoint)");
}
