/** KL(p ‖ q) = Σ p_i · ln(p_i / q_i) in nats; a term with p_i = 0 is 0 (its limit), not 0 · −∞ = NaN. */
export function klDivergence(p: number[], q: number[]): number {
  let divergence = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] === 0) continue;
    divergence += p[i] * Math.log(p[i] / q[i]);
  }
  return divergence;
}
