/**
 * Reverse KL for distillation, KL(q ‖ p), where p is the teacher and q the student; natural log,
 * and a class where q is 0 contributes nothing.
 */
export function reverseKl(p: number[], q: number[]): number {
  throw new Error("Not implemented yet: reverseKl");
}

/** The Jensen–Shannon divergence of p and q (not the distance), natural log: symmetric, at most ln 2. */
export function jsDivergence(p: number[], q: number[]): number {
  throw new Error("Not implemented yet: jsDivergence");
}
