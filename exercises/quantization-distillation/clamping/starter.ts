/**
 * The integer code of x for this scale and zero point, saturated to the integer range [qmin, qmax].
 * Rounding: half to even at an exact tie.
 */
export function quantizeClamped(x: number, scale: number, zeroPoint: number, qmin: number, qmax: number): number {
  throw new Error("Not implemented yet: quantizeClamped");
}
