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

/** Hint 3 on the learner's own case. */
export function explainReverseKl(p: number[], q: number[]): string[] {
  const show = (v: number): string => String(Number(v.toPrecision(7)));
  const terms = q.map((qi, i) => (qi === 0 ? `class ${i}: q = 0, the term is 0` : `class ${i}: ${show(qi)} · ln(${show(qi)} / ${show(p[i])}) = ${show(qi * Math.log(qi / p[i]))}`));
  return [...terms, `KL(q ‖ p) = ${show(reverseKl(p, q))}   (weighted by the student's q)`];
}

/** Hint 3 on the learner's own case. */
export function explainJsDivergence(p: number[], q: number[]): string[] {
  const show = (v: number): string => String(Number(v.toPrecision(7)));
  const m = p.map((pi, i) => (pi + q[i]) / 2);
  return [`m = (p + q) / 2 = [${m.map(show).join(", ")}]`, `KL(p ‖ m) = ${show(kl(p, m))}, KL(q ‖ m) = ${show(kl(q, m))}`, `JS = ½ · ${show(kl(p, m))} + ½ · ${show(kl(q, m))} = ${show(jsDivergence(p, q))}   (no square root: that would be the distance)`];
}
