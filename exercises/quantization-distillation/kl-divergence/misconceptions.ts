/** Known-wrong variants of klDivergence, each with the learner's signature. */

function klNats(p: number[], q: number[]): number {
  let divergence = 0;
  for (let i = 0; i < p.length; i++) if (p[i] !== 0) divergence += p[i] * Math.log(p[i] / q[i]);
  return divergence;
}

/** The wrong direction: KL(q ‖ p), weighting by the student instead of the teacher. */
export function klDivergenceReversed(p: number[], q: number[]): number {
  return klNats(q, p);
}

/** Log base 2 (bits) instead of the natural log (nats). */
export function klDivergenceBase2(p: number[], q: number[]): number {
  return klNats(p, q) / Math.LN2;
}

/** No special case for p_i = 0: 0 · ln(0 / q) is 0 · −∞ = NaN. */
export function klDivergenceNaiveZeros(p: number[], q: number[]): number {
  let divergence = 0;
  for (let i = 0; i < p.length; i++) divergence += p[i] * Math.log(p[i] / q[i]);
  return divergence;
}

/** The cross-entropy −Σ p ln q, which is KL plus the teacher's entropy. */
export function crossEntropyInsteadOfKl(p: number[], q: number[]): number {
  let crossEntropy = 0;
  for (let i = 0; i < p.length; i++) if (p[i] !== 0) crossEntropy -= p[i] * Math.log(q[i]);
  return crossEntropy;
}

/** The ratio upside down, Σ p ln(q / p): the negative of KL. */
export function klDivergenceNegated(p: number[], q: number[]): number {
  return -klNats(p, q);
}
