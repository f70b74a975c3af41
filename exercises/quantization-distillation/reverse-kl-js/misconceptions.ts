/** Known-wrong variants of reverseKl and jsDivergence, each with the learner's signature. */

function kl(a: number[], b: number[]): number {
  let divergence = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== 0) divergence += a[i] * Math.log(a[i] / b[i]);
  return divergence;
}

function mixtureOf(p: number[], q: number[]): number[] {
  return p.map((pi, i) => (pi + q[i]) / 2);
}

/** The forward direction, KL(p ‖ q), where the reverse KL(q ‖ p) was asked for. */
export function reverseKlForward(p: number[], q: number[]): number {
  return kl(p, q);
}

/** Reverse KL in bits (log base 2). */
export function reverseKlBase2(p: number[], q: number[]): number {
  return kl(q, p) / Math.LN2;
}

/** Reverse KL with the weights and the ratio mixed up: Σ q ln(p / q) = −KL(q ‖ p). */
export function reverseKlNegated(p: number[], q: number[]): number {
  return -kl(q, p);
}

/** JS in bits (log base 2), bounded by 1 instead of ln 2. */
export function jsDivergenceBase2(p: number[], q: number[]): number {
  const m = mixtureOf(p, q);
  return (0.5 * kl(p, m) + 0.5 * kl(q, m)) / Math.LN2;
}

/** The average of the two KLs between p and q (half the Jeffreys divergence), with no mixture m. */
export function jsDivergenceAverageOfKls(p: number[], q: number[]): number {
  return 0.5 * kl(p, q) + 0.5 * kl(q, p);
}

/** Only one half: KL(p ‖ m), without ½ KL(q ‖ m). */
export function jsDivergenceOneSided(p: number[], q: number[]): number {
  return kl(p, mixtureOf(p, q));
}

/** The two halves added without the ½ weights: twice the divergence. */
export function jsDivergenceWithoutHalves(p: number[], q: number[]): number {
  const m = mixtureOf(p, q);
  return kl(p, m) + kl(q, m);
}

/** No special case for zero probabilities: 0 · ln(0 / m) is NaN. */
export function jsDivergenceNaiveZeros(p: number[], q: number[]): number {
  const m = mixtureOf(p, q);
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += 0.5 * p[i] * Math.log(p[i] / m[i]) + 0.5 * q[i] * Math.log(q[i] / m[i]);
  return sum;
}

/** The Jensen–Shannon distance, √JS, as scipy.spatial.distance.jensenshannon returns, instead of the divergence. */
export function jsDistance(p: number[], q: number[]): number {
  const m = mixtureOf(p, q);
  return Math.sqrt(0.5 * kl(p, m) + 0.5 * kl(q, m));
}
