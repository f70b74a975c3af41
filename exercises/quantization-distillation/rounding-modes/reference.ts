/**
 * All three rules split x into floor and fraction. For every double, x − Math.floor(x) is exact (both are
 * within a factor of two of each other or the fraction is zero), so comparing it with 0.5 finds ties
 * exactly, without the rounding error of x + 0.5. Adding 0 turns a −0 result into +0.
 */

export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (fraction < 0.5) return floor + 0;
  if (fraction > 0.5) return floor + 1;
  return (floor % 2 === 0 ? floor : floor + 1) + 0;
}

export function roundHalfAway(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (fraction < 0.5) return floor + 0;
  if (fraction > 0.5) return floor + 1;
  return (x < 0 ? floor : floor + 1) + 0;
}

export function roundHalfUp(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  return (fraction < 0.5 ? floor : floor + 1) + 0;
}
