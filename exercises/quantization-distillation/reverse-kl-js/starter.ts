/**
 * Reverse KL for distillation: KL(q ‖ p) = Σ q_i · ln(q_i / p_i), where p is the teacher and q the student.
 * Natural log; terms with q_i = 0 count 0.
 */
export function reverseKl(p: number[], q: number[]): number {
  // TODO: weight each class by the student's probability q_i.
  throw new Error("Not implemented yet: reverseKl(p, q)");
}

/**
 * Jensen–Shannon divergence: ½ KL(p ‖ m) + ½ KL(q ‖ m) with m = (p + q) / 2, natural log (at most ln 2).
 */
export function jsDivergence(p: number[], q: number[]): number {
  // TODO: build the mixture m, then average the two KL divergences to it.
  throw new Error("Not implemented yet: jsDivergence(p, q)");
}
