/** Known-wrong variants of the QAT functions, each with the learner's signature. */

function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  if (v - floor !== 0.5) return Math.round(v);
  return floor % 2 === 0 ? floor : floor + 1;
}

/** No clamp: values beyond the grid get codes that b bits cannot hold. */
export function fakeQuantizeNoClamp(v: number[], s: number, bits: number): number[] {
  return v.map((x) => roundHalfEven(x / s) * s);
}

/** A symmetric grid ±Q_P: the extra negative level −2^(b−1) is lost. */
export function fakeQuantizeSymmetric(v: number[], s: number, bits: number): number[] {
  const qp = 2 ** (bits - 1) - 1;
  return v.map((x) => roundHalfEven(Math.min(qp, Math.max(-qp, x / s))) * s);
}

/** Math.round: ties go up (2.5 → 3, −2.5 → −2) instead of to even. */
export function fakeQuantizeHalfUp(v: number[], s: number, bits: number): number[] {
  const qn = 2 ** (bits - 1);
  const qp = qn - 1;
  return v.map((x) => Math.round(Math.min(qp, Math.max(-qn, x / s))) * s);
}

interface Variant {
  mask: "inclusive" | "strict" | "none";
  inside: (r: number) => number;
  g: (n: number, qp: number) => number;
}

function grads(v: number[], s: number, bits: number, gradOut: number[], o: Variant) {
  const qn = 2 ** (bits - 1);
  const qp = qn - 1;
  const gScale = o.g(v.length, qp);
  const gradV: number[] = [];
  let sum = 0;
  v.forEach((x, i) => {
    const r = x / s;
    const inside = o.mask === "strict" ? r > -qn && r < qp : r >= -qn && r <= qp;
    gradV.push(o.mask === "none" || inside ? gradOut[i] : 0);
    sum += gradOut[i] * (inside ? o.inside(r) : r < -qn ? -qn : qp);
  });
  return { gradV, gradS: gScale * sum, gScale };
}

const lsq = (n: number, qp: number) => 1 / Math.sqrt(n * qp);
const rightInside = (r: number) => roundHalfEven(r) - r;

/** The STE passes the gradient everywhere, clipped values included. */
export function gradientsNoClipMask(v: number[], s: number, bits: number, gradOut: number[]) {
  return grads(v, s, bits, gradOut, { mask: "none", inside: rightInside, g: lsq });
}

/** The bounds counted as clipped (the paper's strict inequalities), where autograd passes the gradient. */
export function gradientsStrictBounds(v: number[], s: number, bits: number, gradOut: number[]) {
  return grads(v, s, bits, gradOut, { mask: "strict", inside: rightInside, g: lsq });
}

/** The STE applied to the scale too: round taken as identity, so ∂v̂/∂s = 0 inside the range. */
export function gradientsScaleZeroInside(v: number[], s: number, bits: number, gradOut: number[]) {
  return grads(v, s, bits, gradOut, { mask: "inclusive", inside: () => 0, g: lsq });
}

/** The inside term with its sign flipped: v/s − round(v/s). */
export function gradientsScaleSignFlipped(v: number[], s: number, bits: number, gradOut: number[]) {
  return grads(v, s, bits, gradOut, { mask: "inclusive", inside: (r) => r - roundHalfEven(r), g: lsq });
}

/** No gradient scale: g = 1. */
export function gradientsNoGradScale(v: number[], s: number, bits: number, gradOut: number[]) {
  return grads(v, s, bits, gradOut, { mask: "inclusive", inside: rightInside, g: () => 1 });
}

/** g = 1 / √N: the Q_P forgotten. */
export function gradientsGradScaleWithoutQp(v: number[], s: number, bits: number, gradOut: number[]) {
  return grads(v, s, bits, gradOut, { mask: "inclusive", inside: rightInside, g: (n) => 1 / Math.sqrt(n) });
}

function right(v: number[], s: number, bits: number, gradOut: number[]) {
  return grads(v, s, bits, gradOut, { mask: "inclusive", inside: rightInside, g: lsq });
}

/** A step up the gradient: v + lr · dL/dv. */
export function stepAscent(v: number[], s: number, bits: number, gradOut: number[], lr: number) {
  const { gradV, gradS } = right(v, s, bits, gradOut);
  return { v: v.map((x, i) => x + lr * gradV[i]), s: s + lr * gradS };
}

/** The step size left as it was: only the weights learn. */
export function stepFixedScale(v: number[], s: number, bits: number, gradOut: number[], lr: number) {
  const { gradV } = right(v, s, bits, gradOut);
  return { v: v.map((x, i) => x - lr * gradV[i]), s };
}

/** The weights updated with dL/dv̂ directly, the clip mask ignored. */
export function stepUnmaskedWeights(v: number[], s: number, bits: number, gradOut: number[], lr: number) {
  const { gradS } = right(v, s, bits, gradOut);
  return { v: v.map((x, i) => x - lr * gradOut[i]), s: s - lr * gradS };
}
