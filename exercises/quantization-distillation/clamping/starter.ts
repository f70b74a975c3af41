/**
 * Quantize x and saturate the code to the integer range:
 * q = clamp(round_half_even(x / scale) + zeroPoint, qmin, qmax).
 */
export function quantizeClamped(x: number, scale: number, zeroPoint: number, qmin: number, qmax: number): number {
  // TODO: this rounds correctly but never clamps; keep the code inside [qmin, qmax].
  const v = x / scale;
  const floor = Math.floor(v);
  const fraction = v - floor;
  const rounded = fraction < 0.5 ? floor : fraction > 0.5 ? floor + 1 : floor % 2 === 0 ? floor : floor + 1;
  return rounded + zeroPoint;
}
