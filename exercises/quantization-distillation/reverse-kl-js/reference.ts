/** KL(a ‖ b) = Σ a_i · ln(a_i / b_i) in nats; a term with a_i = 0 counts 0 (its limit). */
function kl(a: number[], b: number[]): number {
  let divergence = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === 0) continue;
    divergence += a[i] * Math.log(a[i] / b[i]);
  }
  return divergence;
}

/** Reverse KL: KL(q ‖ p), weighted by the student q; mode-seeking. */
export function reverseKl(p: number[], q: number[]): number {
  return kl(q, p);
}

/** JS(p, q) = ½ KL(p ‖ m) + ½ KL(q ‖ m), m = (p + q) / 2; symmetric, finite, at most ln 2 nats. */
export function jsDivergence(p: number[], q: number[]): number {
  const mixture = p.map((pi, i) => (pi + q[i]) / 2);
  return 0.5 * kl(p, mixture) + 0.5 * kl(q, mixture);
}
