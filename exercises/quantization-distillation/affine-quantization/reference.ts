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

/** Hint 3 on the learner's own case: divide, round half to even, shift. */
export function explainQuantize(x: number, scale: number, zeroPoint: number): string[] {
  const v = x / scale;
  const floor = Math.floor(v);
  const fraction = v - floor;
  const rounded = roundHalfEven(v);
  const why = fraction < 0.5 ? "below 0.5: round down" : fraction > 0.5 ? "above 0.5: round up" : `exactly 0.5: a tie, take the even one of ${floor} and ${floor + 1}`;
  return [
    `x / scale = ${x} / ${scale} = ${v}`,
    `floor = ${floor}, fraction = ${fraction} (${why}) → ${rounded}`,
    `q = ${rounded} + ${zeroPoint} = ${rounded + zeroPoint}`,
  ];
}

/** Hint 3 on the learner's own case: remove the zero point, then scale. */
export function explainDequantize(q: number, scale: number, zeroPoint: number): string[] {
  return [`q − zeroPoint = ${q} − ${zeroPoint} = ${q - zeroPoint}`, `x_hat = ${scale} · ${q - zeroPoint} = ${scale * (q - zeroPoint)}`];
}
