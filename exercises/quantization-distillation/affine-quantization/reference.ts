/**
 * Round to the nearest integer; at an exact tie (…​.5) choose the even neighbour.
 * `v - floor(v)` is exact in float64 for |v| < 2^52, so the tie test is exact too.
 */
function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  const fraction = v - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** q = round_half_even(x / scale) + zeroPoint, no clamp. */
export function quantize(x: number, scale: number, zeroPoint: number): number {
  return roundHalfEven(x / scale) + zeroPoint;
}

/** x_hat = scale · (q − zeroPoint). */
export function dequantize(q: number, scale: number, zeroPoint: number): number {
  return scale * (q - zeroPoint);
}
