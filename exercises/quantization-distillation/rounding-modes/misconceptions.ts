/** Known-wrong variants of the three rounding functions, each with the learner's signature. */

/** Math.round used for half to even: ties go toward +∞ (0.5 → 1, 2.5 → 3). */
export function halfEvenMathRound(x: number): number {
  return Math.round(x);
}

/** A tie test that only sees positive ties: x % 1 is -0.5 (not 0.5) for -1.5, so -1.5 goes to -1. */
export function halfEvenPositiveTiesOnly(x: number): number {
  if (x % 1 === 0.5) {
    const floor = Math.floor(x);
    return floor % 2 === 0 ? floor : floor + 1;
  }
  return Math.round(x);
}

/** Math.round used for half away from zero: right on positive ties, wrong on negative ones (-2.5 → -2). */
export function halfAwayMathRound(x: number): number {
  return Math.round(x);
}

/** sign(x)·floor(|x| + 0.5): |x| + 0.5 rounds up to 1 for x = 0.49999999999999994. */
export function halfAwayFloorPlusHalf(x: number): number {
  return Math.sign(x) * Math.floor(Math.abs(x) + 0.5);
}

/** floor(x + 0.5): x + 0.5 is not exact for 0.49999999999999994 or 2^52 + 1. */
export function halfUpFloorPlusHalf(x: number): number {
  return Math.floor(x + 0.5);
}

/** Half away from zero used for half up: negative ties go to -3 for -2.5 instead of -2. */
export function halfUpAwayFromZero(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/**
 * Floor and fraction taken of x itself, not of |x|: for x = -0.49999999999999994 the fraction x − (−1) rounds to
 * exactly 0.5, a false tie, which half away from zero sends to -1 instead of 0.
 */
export function halfAwaySignedFraction(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return x < 0 ? floor : floor + 1;
}
