/**
 * Quantization-aware training: fake quantization with the straight-through estimator (STE) and LSQ's learned
 * step size (Esser et al. 2020, "Learned Step Size Quantization", Eqs. 1–3 and the gradient scale of §2.2), as
 * autograd computes them for the usual implementation `round_pass(clamp(v / s, −Q_N, Q_P)) · s` with
 * `round_pass(x) = (round(x) − x).detach() + x`:
 *
 *   Q_N = 2^(b−1), Q_P = 2^(b−1) − 1 (signed b-bit),  r = v / s
 *   v̂ = round(clamp(r, −Q_N, Q_P)) · s                         (ties to even, as torch.round)
 *   ∂v̂/∂v = 1 if −Q_N ≤ r ≤ Q_P, else 0                          (STE through round; clamp passes its bounds)
 *   ∂v̂/∂s = round(r) − r  if −Q_N ≤ r ≤ Q_P;  −Q_N if r < −Q_N;  Q_P if r > Q_P
 *   g = 1 / √(N · Q_P)  (N = number of weights): dL/ds = g · Σ_i dL/dv̂_i · ∂v̂_i/∂s
 *   one SGD step with learning rate η:  v ← v − η · dL/dv,  s ← s − η · dL/ds
 *
 * The paper's Eq. 3 writes the range strictly (−Q_N < r < Q_P); at r exactly on a bound autograd's clamp passes
 * the gradient, so this file follows autograd there (both give the same v̂).
 */
import { round } from "./rounding";
import { fail, requireFinite, requireFiniteArray, requireIntegerIn, requirePositive, requireSameLength } from "./validate";

function levels(fn: string, bits: unknown): { qn: number; qp: number } {
  const b = requireIntegerIn(fn, "bits", bits, 2, 16);
  return { qn: 2 ** (b - 1), qp: 2 ** (b - 1) - 1 };
}

/**
 * LSQ fake quantization: v̂ = round(clamp(v / s, −Q_N, Q_P)) · s with signed b-bit levels.
 *
 * @param v the weights
 * @param s the step size, > 0
 * @param bits bit width, 2..16
 * @returns v̂, as long as v
 * @throws if v is empty or not finite, s is not positive, or bits is not an integer 2..16
 * @example
 * lsqFakeQuantize([0.26, -0.9, 0.05, 0.125], 0.1, 4)  // [0.30000000000000004, -0.8, 0, 0.1]
 */
export function lsqFakeQuantize(v: number[], s: number, bits: number): number[] {
  const fn = "lsqFakeQuantize";
  const w = requireFiniteArray(fn, "v", v);
  const step = requirePositive(fn, "s", s);
  const { qn, qp } = levels(fn, bits);
  return Array.from(w, (x) => round(Math.min(qp, Math.max(-qn, x / step)), "half-even") * step);
}

/** The gradients of one LSQ fake-quantization layer, given the loss's gradient with respect to its output. */
export interface LsqGradients {
  /** dL/dv = dL/dv̂ · 1[−Q_N ≤ v/s ≤ Q_P] (the straight-through estimator) */
  gradV: number[];
  /** dL/ds = g · Σ dL/dv̂ · ∂v̂/∂s */
  gradS: number;
  /** LSQ's gradient scale g = 1 / √(N · Q_P) */
  gScale: number;
}

function gradients(fn: string, v: unknown, s: unknown, bits: unknown, gradOut: unknown): LsqGradients {
  const w = requireFiniteArray(fn, "v", v);
  const step = requirePositive(fn, "s", s);
  const { qn, qp } = levels(fn, bits);
  const g = requireFiniteArray(fn, "gradOut", gradOut);
  requireSameLength(fn, "v", "gradOut", w, g);
  const gScale = 1 / Math.sqrt(w.length * qp);
  const gradV: number[] = [];
  let sum = 0;
  for (let i = 0; i < w.length; i++) {
    const r = w[i] / step;
    const inside = r >= -qn && r <= qp;
    gradV.push(inside ? g[i] : 0);
    const dvhatDs = inside ? round(r, "half-even") - r : r < -qn ? -qn : qp;
    sum += g[i] * dvhatDs;
  }
  return { gradV, gradS: gScale * sum, gScale };
}

/**
 * LSQ's gradients for the weights (STE) and the step size (Eq. 3, scaled by g): see the module comment.
 *
 * @param v the weights
 * @param s the step size, > 0
 * @param bits bit width, 2..16
 * @param gradOut dL/dv̂, as long as v
 * @returns `{ gradV, gradS, gScale }`
 * @throws if v or gradOut is empty or not finite, they differ in length, s is not positive, or bits is invalid
 * @example
 * lsqGradients([0.26, -0.9, 0.05, 0.125], 0.1, 4, [1, 1, 1, 1])
 * // { gradV: [1, 0, 1, 1], gradS: -1.5780016748135235, gScale: 0.1889822365046136 }
 * // (−0.9 / 0.1 = −9 is clipped: ∂v̂/∂s = −8; the others give 0.4, −0.5 and −0.25: g · (−8.35))
 */
export function lsqGradients(v: number[], s: number, bits: number, gradOut: number[]): LsqGradients {
  return gradients("lsqGradients", v, s, bits, gradOut);
}

/**
 * One SGD step of LSQ quantization-aware training: v ← v − lr · dL/dv, s ← s − lr · dL/ds.
 *
 * @param v the weights
 * @param s the step size, > 0
 * @param bits bit width, 2..16
 * @param gradOut dL/dv̂, as long as v
 * @param lr the learning rate, ≥ 0
 * @returns `{ v, s }` after the step
 * @throws as lsqGradients, if lr is negative, or if the step leaves s ≤ 0
 * @example
 * lsqStep([0.26, -0.9, 0.05, 0.125], 0.1, 4, [1, 1, 1, 1], 0.01)
 * // { v: [0.25, -0.9, 0.04, 0.115], s: 0.11578001674813523 }
 */
export function lsqStep(v: number[], s: number, bits: number, gradOut: number[], lr: number): { v: number[]; s: number } {
  const fn = "lsqStep";
  const { gradV, gradS } = gradients(fn, v, s, bits, gradOut);
  const eta = requireFinite(fn, "lr", lr);
  if (eta < 0) fail(fn, `lr must not be negative, got ${eta}`);
  const next = s - eta * gradS;
  if (!(next > 0)) fail(fn, `the step leaves s = ${next} ≤ 0; lower the learning rate`);
  return { v: v.map((x, i) => x - eta * gradV[i]), s: next };
}
