/** Known-wrong variants of quantizeClamped, each with the learner's signature. */

function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  const fraction = v - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** No clamp at all: codes outside [qmin, qmax] that no integer type can hold. */
export function quantizeNoClamp(x: number, scale: number, zeroPoint: number, qmin: number, qmax: number): number {
  return roundHalfEven(x / scale) + zeroPoint;
}

/** Clamped before the zero point is added, so the shifted code can still leave the range. */
export function quantizeClampBeforeZeroPoint(x: number, scale: number, zeroPoint: number, qmin: number, qmax: number): number {
  return Math.min(qmax, Math.max(qmin, roundHalfEven(x / scale))) + zeroPoint;
}

/** Math.round: ties toward +∞ (2.5 → 3) instead of to even (2.5 → 2). */
export function quantizeMathRound(x: number, scale: number, zeroPoint: number, qmin: number, qmax: number): number {
  return Math.min(qmax, Math.max(qmin, Math.round(x / scale) + zeroPoint));
}

/** Truncation toward zero instead of rounding: 0.3 / 0.1 = 2.9999999999999996 becomes 2. */
export function quantizeTruncate(x: number, scale: number, zeroPoint: number, qmin: number, qmax: number): number {
  return Math.min(qmax, Math.max(qmin, Math.trunc(x / scale) + zeroPoint));
}
