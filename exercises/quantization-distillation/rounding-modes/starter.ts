/** x rounded to the nearest integer; an exact tie goes to the even neighbour (2.5 → 2, −1.5 → −2). */
export function roundHalfEven(x: number): number {
  throw new Error("Not implemented yet: roundHalfEven");
}

/** x rounded to the nearest integer; an exact tie goes away from zero (2.5 → 3, −2.5 → −3), as C's roundf does. */
export function roundHalfAway(x: number): number {
  throw new Error("Not implemented yet: roundHalfAway");
}

/**
 * x rounded to the nearest integer; an exact tie goes toward +∞ (2.5 → 3, −2.5 → −2), as Math.round does.
 * Write it without Math.round, and right for 0.49999999999999994 (which is below a half).
 */
export function roundHalfUp(x: number): number {
  throw new Error("Not implemented yet: roundHalfUp");
}
