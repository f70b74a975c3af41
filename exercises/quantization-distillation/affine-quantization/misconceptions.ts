/** Known-wrong variants of quantize and dequantize, each with the learner's signature. */

/** JavaScript's Math.round: ties toward +∞ (2.5 → 3, -2.5 → -2). */
export function quantizeHalfUp(x: number, scale: number, zeroPoint: number): number {
  return Math.round(x / scale) + zeroPoint;
}

/** C's roundf: ties away from zero (2.5 → 3, -2.5 → -3). */
export function quantizeHalfAway(x: number, scale: number, zeroPoint: number): number {
  const v = x / scale;
  return Math.sign(v) * Math.round(Math.abs(v)) + zeroPoint;
}

/** Truncation toward zero: 0.3 / 0.1 = 2.9999999999999996 becomes 2. */
export function quantizeTruncate(x: number, scale: number, zeroPoint: number): number {
  return Math.trunc(x / scale) + zeroPoint;
}

/** The zero point subtracted instead of added. */
export function quantizeZeroPointSubtracted(x: number, scale: number, zeroPoint: number): number {
  const v = x / scale;
  const floor = Math.floor(v);
  const fraction = v - floor;
  const rounded = fraction < 0.5 ? floor : fraction > 0.5 ? floor + 1 : floor % 2 === 0 ? floor : floor + 1;
  return rounded - zeroPoint;
}

/** Clamped to the signed 8-bit range [-128, 127], which this exercise does not ask for. */
export function quantizeClampedInt8(x: number, scale: number, zeroPoint: number): number {
  const v = x / scale;
  const floor = Math.floor(v);
  const fraction = v - floor;
  const rounded = fraction < 0.5 ? floor : fraction > 0.5 ? floor + 1 : floor % 2 === 0 ? floor : floor + 1;
  return Math.min(127, Math.max(-128, rounded + zeroPoint));
}

/** Missing parentheses: scale · q − zeroPoint. */
export function dequantizeMissingParentheses(q: number, scale: number, zeroPoint: number): number {
  return scale * q - zeroPoint;
}

/** Divided by the scale instead of multiplying by it. */
export function dequantizeDividedByScale(q: number, scale: number, zeroPoint: number): number {
  return (q - zeroPoint) / scale;
}

/** The zero point added again instead of removed. */
export function dequantizeZeroPointAdded(q: number, scale: number, zeroPoint: number): number {
  return scale * (q + zeroPoint);
}
