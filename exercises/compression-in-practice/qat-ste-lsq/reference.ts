function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  if (v - floor !== 0.5) return Math.round(v);
  return floor % 2 === 0 ? floor : floor + 1;
}

function levels(bits: number): { qn: number; qp: number } {
  return { qn: 2 ** (bits - 1), qp: 2 ** (bits - 1) - 1 };
}

export function fakeQuantize(v: number[], s: number, bits: number): number[] {
  const { qn, qp } = levels(bits);
  return v.map((x) => roundHalfEven(Math.min(qp, Math.max(-qn, x / s))) * s);
}

export function lsqGradients(v: number[], s: number, bits: number, gradOut: number[]) {
  const { qn, qp } = levels(bits);
  const gScale = 1 / Math.sqrt(v.length * qp);
  const gradV: number[] = [];
  let sum = 0;
  v.forEach((x, i) => {
    const r = x / s;
    // The bounds count as inside: torch.clamp passes the gradient there.
    const inside = r >= -qn && r <= qp;
    gradV.push(inside ? gradOut[i] : 0);
    sum += gradOut[i] * (inside ? roundHalfEven(r) - r : r < -qn ? -qn : qp);
  });
  return { gradV, gradS: gScale * sum, gScale };
}

export function qatStep(v: number[], s: number, bits: number, gradOut: number[], lr: number) {
  const { gradV, gradS } = lsqGradients(v, s, bits, gradOut);
  return { v: v.map((x, i) => x - lr * gradV[i]), s: s - lr * gradS };
}

/** Hint 3 on the learner's own case. */
export function explainFakeQuantize(v: number[], s: number, bits: number): string[] {
  const { qn, qp } = levels(bits);
  return v.slice(0, 3).map((x) => `${x} / ${s} = ${x / s}, clamped to [−${qn}, ${qp}] and rounded: ${roundHalfEven(Math.min(qp, Math.max(-qn, x / s)))}, times s: ${fakeQuantize([x], s, bits)[0]}`);
}

/** Hint 3 on the learner's own case. */
export function explainLsqGradients(v: number[], s: number, bits: number, gradOut: number[]): string[] {
  const { qn, qp } = levels(bits);
  const r = lsqGradients(v, s, bits, gradOut);
  const parts = v.slice(0, 3).map((x) => {
    const ratio = x / s;
    const inside = ratio >= -qn && ratio <= qp;
    return `v/s = ${ratio}: ${inside ? `inside, ∂v̂/∂s = round(v/s) − v/s = ${roundHalfEven(ratio) - ratio}` : `clipped, ∂v̂/∂s = ${ratio < -qn ? -qn : qp}, dL/dv = 0`}`;
  });
  return [...parts, `g = 1 / √(${v.length} · ${qp}) = ${r.gScale}; dL/ds = ${r.gradS}`];
}

/** Hint 3 on the learner's own case. */
export function explainQatStep(v: number[], s: number, bits: number, gradOut: number[], lr: number): string[] {
  const { gradV, gradS } = lsqGradients(v, s, bits, gradOut);
  return [`v[0]: ${v[0]} − ${lr} · ${gradV[0]} = ${v[0] - lr * gradV[0]}`, `s: ${s} − ${lr} · ${gradS} = ${s - lr * gradS}`];
}
