/** Round to the nearest integer, ties to the even neighbour (PyTorch, Python's round). */
function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  const fraction = v - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** q = clamp(round_half_even(x / scale) + zeroPoint, qmin, qmax): the clamp sees the shifted code. */
export function quantizeClamped(x: number, scale: number, zeroPoint: number, qmin: number, qmax: number): number {
  const q = roundHalfEven(x / scale) + zeroPoint;
  return Math.min(qmax, Math.max(qmin, q));
}

/** Hint 3 on the learner's own case: round, shift, then saturate. */
export function explainQuantizeClamped(x: number, scale: number, zeroPoint: number, qmin: number, qmax: number): string[] {
  const rounded = roundHalfEven(x / scale);
  const q = rounded + zeroPoint;
  const clamped = Math.min(qmax, Math.max(qmin, q));
  return [
    `x / scale = ${x / scale}, rounded half to even: ${rounded}`,
    `+ zeroPoint: ${rounded} + ${zeroPoint} = ${q}`,
    `clamp to [${qmin}, ${qmax}]: ${clamped}${clamped === q ? " (already inside)" : ""}`,
  ];
}
