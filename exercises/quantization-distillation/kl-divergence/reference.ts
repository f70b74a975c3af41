/** KL(p ‖ q) = Σ p_i · ln(p_i / q_i) in nats; a term with p_i = 0 is 0 (its limit), not 0 · −∞ = NaN. */
export function klDivergence(p: number[], q: number[]): number {
  let divergence = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] === 0) continue;
    divergence += p[i] * Math.log(p[i] / q[i]);
  }
  return divergence;
}

/** Hint 3 on the learner's own case: one term per class. */
export function explainKlDivergence(p: number[], q: number[]): string[] {
  const show = (v: number): string => String(Number(v.toPrecision(7)));
  const lines = p.map((pi, i) => (pi === 0 ? `class ${i}: p = 0, the term is 0` : `class ${i}: ${show(pi)} · ln(${show(pi)} / ${show(q[i])}) = ${show(pi * Math.log(pi / q[i]))}`));
  return [...lines, `KL(p ‖ q) = sum of the terms = ${show(klDivergence(p, q))}`];
}
