/**
 * KL(p ‖ q) = Σ p_i · ln(p_i / q_i), natural log; terms with p_i = 0 count 0.
 * p is the teacher's distribution, q the student's.
 */
export function klDivergence(p: number[], q: number[]): number {
  // TODO: sum p_i * Math.log(p_i / q_i), skipping the classes where p_i is 0.
  throw new Error("Not implemented yet: klDivergence(p, q)");
}
