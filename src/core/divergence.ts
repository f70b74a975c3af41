/**
 * Entropy and divergences between discrete distributions. Natural log (nats) by default; `{ base: 2 }` gives
 * bits. Conventions: 0·ln(0/q) = 0 (a class the reference never predicts costs nothing), and p·ln(p/0) = +∞ for
 * p > 0 (the approximation rules out something that happens). Every p and q must be a probability vector:
 * finite, ≥ 0, summing to 1 within 1e-6.
 *
 * Direction: klDivergence(p, q) = KL(p ‖ q), "the cost of using q where p is true". Distillation uses
 * KL(teacher ‖ student) (forward, mass-covering); `reverseKl(p, q)` = KL(q ‖ p) (mode-seeking).
 */
import { fail, requireOptions, requireProbabilities, requireSameLength } from "./validate";

export interface LogBaseOptions {
  /** Logarithm base: default e (nats); 2 gives bits. */
  base?: number;
}

function logBaseFactor(fn: string, options: unknown): number {
  const o = requireOptions<LogBaseOptions>(fn, "options", options);
  if (o.base === undefined) return 1;
  const base = o.base;
  if (typeof base !== "number" || !Number.isFinite(base) || base <= 0 || base === 1) {
    fail(fn, `options.base must be a positive number other than 1 (e.g. 2 for bits), got ${String(base)}`);
  }
  return 1 / Math.log(base);
}

function requirePair(fn: string, p: ArrayLike<number>, q: ArrayLike<number>): void {
  requireProbabilities(fn, "p", p);
  requireProbabilities(fn, "q", q);
  requireSameLength(fn, "p", "q", p, q);
}

/** p·ln(p/q) with the conventions above, no validation. */
function klTerm(p: number, q: number): number {
  if (p === 0) return 0;
  if (q === 0) return Infinity;
  return p * (Math.log(p) - Math.log(q));
}

function klUnchecked(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += klTerm(p[i], q[i]);
  // KL ≥ 0 (Gibbs' inequality); rounding can leave −1e−17 where p ≈ q.
  return Math.max(0, sum);
}

/**
 * Shannon entropy: H(p) = −Σ p_i ln p_i (0·ln 0 = 0).
 *
 * @param p a probability vector
 * @param options `{ base }`; default e
 * @returns the entropy, ≥ 0 (ln n for a uniform distribution over n classes)
 * @throws if p is not a probability vector or the base is invalid
 * @example
 * entropy([0.5, 0.5])               // 0.6931471805599453 (ln 2)
 * entropy([0.5, 0.5], { base: 2 })  // 1
 */
export function entropy(p: ArrayLike<number>, options?: LogBaseOptions): number {
  const fn = "entropy";
  requireProbabilities(fn, "p", p);
  const k = logBaseFactor(fn, options);
  let sum = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) sum -= p[i] * Math.log(p[i]);
  return Math.max(0, sum) * k;
}

/**
 * Cross-entropy: H(p, q) = −Σ p_i ln q_i = H(p) + KL(p ‖ q); +∞ when some p_i > 0 has q_i = 0.
 *
 * @param p the true (target) distribution
 * @param q the predicted distribution, same length
 * @param options `{ base }`; default e
 * @returns the cross-entropy
 * @throws if p or q is not a probability vector, they differ in length, or the base is invalid
 * @example
 * crossEntropy([1, 0], [0.7, 0.3])  // 0.35667494393873245 (−ln 0.7)
 */
export function crossEntropy(p: ArrayLike<number>, q: ArrayLike<number>, options?: LogBaseOptions): number {
  const fn = "crossEntropy";
  requirePair(fn, p, q);
  const k = logBaseFactor(fn, options);
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] === 0) continue;
    if (q[i] === 0) return Infinity;
    sum -= p[i] * Math.log(q[i]);
  }
  return sum * k;
}

/**
 * Kullback–Leibler divergence: KL(p ‖ q) = Σ p_i ln(p_i / q_i), with 0·ln(0/q) = 0 and +∞ where p_i > 0 = q_i.
 *
 * @param p the reference distribution (the teacher, in distillation)
 * @param q the approximating distribution (the student), same length
 * @param options `{ base }`; default e
 * @returns the divergence, ≥ 0 (0 only when p = q)
 * @throws if p or q is not a probability vector, they differ in length, or the base is invalid
 * @example
 * klDivergence([0.7, 0.3], [0.6, 0.4])  // 0.02160085414354644
 * klDivergence([0.5, 0.5], [1, 0])      // Infinity
 * klDivergence([1, 0], [0.5, 0.5])      // 0.6931471805599453
 */
export function klDivergence(p: ArrayLike<number>, q: ArrayLike<number>, options?: LogBaseOptions): number {
  const fn = "klDivergence";
  requirePair(fn, p, q);
  return klUnchecked(p, q) * logBaseFactor(fn, options);
}

/**
 * Reverse KL: KL(q ‖ p) = Σ q_i ln(q_i / p_i), the divergence with the arguments swapped (mode-seeking when
 * q is the student).
 *
 * @param p the reference distribution
 * @param q the approximating distribution, same length
 * @param options `{ base }`; default e
 * @returns KL(q ‖ p)
 * @throws as `klDivergence`
 * @example
 * reverseKl([0.7, 0.3], [0.6, 0.4])  // 0.0225824210843575
 */
export function reverseKl(p: ArrayLike<number>, q: ArrayLike<number>, options?: LogBaseOptions): number {
  const fn = "reverseKl";
  requirePair(fn, p, q);
  return klUnchecked(q, p) * logBaseFactor(fn, options);
}

/**
 * Per-class terms of KL(p ‖ q): c_i = p_i ln(p_i / q_i) (0 where p_i = 0, +∞ where p_i > 0 = q_i). They sum
 * to the KL divergence; individual terms can be negative (where q_i > p_i).
 *
 * @param p the reference distribution
 * @param q the approximating distribution, same length
 * @param options `{ base }`; default e
 * @returns a Float64Array of contributions
 * @throws as `klDivergence`
 * @example
 * klContributions([0.7, 0.3], [0.6, 0.4])  // Float64Array [0.10790547587908078, -0.08630462173553434]
 */
export function klContributions(p: ArrayLike<number>, q: ArrayLike<number>, options?: LogBaseOptions): Float64Array {
  const fn = "klContributions";
  requirePair(fn, p, q);
  const k = logBaseFactor(fn, options);
  const out = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) out[i] = klTerm(p[i], q[i]) * k;
  return out;
}

/**
 * Jensen–Shannon divergence: JS(p, q) = ½ KL(p ‖ m) + ½ KL(q ‖ m), m = (p + q)/2. Symmetric and always
 * finite: at most ln 2 (1 in base 2).
 *
 * @param p a probability vector
 * @param q a probability vector, same length
 * @param options `{ base }`; default e
 * @returns the divergence, in [0, ln 2]
 * @throws as `klDivergence`
 * @example
 * jsDivergence([1, 0], [0, 1])               // 0.6931471805599453
 * jsDivergence([1, 0], [0, 1], { base: 2 })  // 1
 */
export function jsDivergence(p: ArrayLike<number>, q: ArrayLike<number>, options?: LogBaseOptions): number {
  const fn = "jsDivergence";
  requirePair(fn, p, q);
  const k = logBaseFactor(fn, options);
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const m = (p[i] + q[i]) / 2;
    sum += klTerm(p[i], m) + klTerm(q[i], m);
  }
  return Math.max(0, sum / 2) * k;
}
