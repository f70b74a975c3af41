/**
 * Each rule splits a magnitude a ≥ 0 into floor and fraction. For a ≥ 0, a − Math.floor(a) is exact in float64,
 * so comparing it with 0.5 finds ties exactly, without the rounding error of a + 0.5. (For negative x it is not
 * always exact: -0.49999999999999994 − (−1) rounds to exactly 0.5, a false tie. Hence the magnitudes.)
 * Adding 0 turns a −0 result into +0.
 */

/** Nearest integer to a ≥ 0, with the tie (fraction exactly 0.5) decided by `tieUp`. */
function roundMagnitude(a: number, tieUp: (floor: number) => boolean): number {
  const floor = Math.floor(a);
  const fraction = a - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return tieUp(floor) ? floor + 1 : floor;
}

export function roundHalfEven(x: number): number {
  // Symmetric: round the magnitude, ties to the even neighbour, then restore the sign.
  const r = roundMagnitude(Math.abs(x), (floor) => floor % 2 !== 0);
  return (x < 0 ? -r : r) + 0;
}

export function roundHalfAway(x: number): number {
  // Symmetric: a tie always moves the magnitude up, i.e. away from zero.
  const r = roundMagnitude(Math.abs(x), () => true);
  return (x < 0 ? -r : r) + 0;
}

export function roundHalfUp(x: number): number {
  // Toward +∞ is not symmetric: for a negative x, a tie moves the magnitude down (toward zero).
  if (x >= 0) return roundMagnitude(x, () => true) + 0;
  return -roundMagnitude(-x, () => false) + 0;
}

function explainRounding(x: number, rule: string, result: number): string[] {
  const a = Math.abs(x);
  const floor = Math.floor(a);
  const fraction = a - floor;
  const kind = fraction === 0.5 ? `a tie: ${rule}` : fraction < 0.5 ? "below a half: down" : "above a half: up";
  return [`|x| = ${a}: integer below ${floor}, fraction ${fraction} (${kind})`, `with the sign of x: ${result}`];
}

/** Hint 3 on the learner's own case. */
export function explainRoundHalfEven(x: number): string[] {
  return explainRounding(x, "the even neighbour", roundHalfEven(x));
}

/** Hint 3 on the learner's own case. */
export function explainRoundHalfAway(x: number): string[] {
  return explainRounding(x, "the magnitude goes up, away from zero", roundHalfAway(x));
}

/** Hint 3 on the learner's own case. */
export function explainRoundHalfUp(x: number): string[] {
  return explainRounding(x, x >= 0 ? "up, toward +∞" : "toward +∞, so the magnitude goes down", roundHalfUp(x));
}
