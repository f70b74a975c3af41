/** Round to the nearest integer; at an exact tie choose the even neighbour (2.5 → 2, -1.5 → -2). */
export function roundHalfEven(x: number): number {
  // TODO: Math.round sends every tie toward +∞; decide ties by parity instead.
  return Math.round(x);
}

/** Round to the nearest integer; at an exact tie choose the one farther from zero (2.5 → 3, -2.5 → -3). */
export function roundHalfAway(x: number): number {
  // TODO: Math.round is right for positive ties but not for negative ones.
  return Math.round(x);
}

/** Round to the nearest integer; at an exact tie choose the one toward +∞ (2.5 → 3, -2.5 → -2). */
export function roundHalfUp(x: number): number {
  // TODO: Math.floor(x + 0.5) fails for 0.49999999999999994; compare the fraction x − floor(x) instead.
  throw new Error("Not implemented yet: roundHalfUp(x)");
}
