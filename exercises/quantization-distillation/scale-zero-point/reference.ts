/** float32 machine epsilon, torch.finfo(torch.float32).eps: PyTorch's floor for a scale. */
const FLOAT32_EPS = 2 ** -23;

/** PyTorch's observers hold min and max in float32 tensors, so every step is rounded to float32. */
const f32 = Math.fround;

/** Round to the nearest integer, ties to the even neighbour (torch.round, Python's round). */
function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  const fraction = v - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

export function affineQParams(min: number, max: number, qmin: number, qmax: number): { scale: number; zeroPoint: number } {
  // Zero must be exactly representable, so the observed range always contains it.
  const low = f32(Math.min(f32(min), 0));
  const high = f32(Math.max(f32(max), 0));
  const scale = Math.max(f32(f32(high - low) / (qmax - qmin)), FLOAT32_EPS);
  const zeroPoint = qmin - roundHalfEven(f32(low / scale));
  return { scale, zeroPoint: Math.min(qmax, Math.max(qmin, zeroPoint)) };
}

/** quint8's default ranges (without and with reduce_range) keep PyTorch's zero point 128. */
function isDefaultQuint8Range(qmin: number, qmax: number): boolean {
  return qmin === 0 && (qmax === 255 || qmax === 127);
}

export function symmetricQParams(min: number, max: number, qmin: number, qmax: number): { scale: number; zeroPoint: number } {
  const maxAbs = Math.max(-f32(Math.min(f32(min), 0)), f32(Math.max(f32(max), 0)));
  // (qmax − qmin) / 2 spreads every step of the range over [−maxAbs, maxAbs]: 127.5 for int8, 127 for [-127, 127].
  const scale = Math.max(f32(maxAbs / ((qmax - qmin) / 2)), FLOAT32_EPS);
  const zeroPoint = qmin < 0 ? 0 : isDefaultQuint8Range(qmin, qmax) ? 128 : Math.floor((qmin + qmax) / 2);
  return { scale, zeroPoint };
}

/** Hint 3 on the learner's own case: PyTorch's steps, each rounded to float32. */
export function explainAffineQParams(min: number, max: number, qmin: number, qmax: number): string[] {
  const low = f32(Math.min(f32(min), 0));
  const high = f32(Math.max(f32(max), 0));
  const { scale, zeroPoint } = affineQParams(min, max, qmin, qmax);
  const quotient = f32(low / scale);
  return [
    `widened to include 0: min' = ${low}, max' = ${high}`,
    `scale = f32((max' − min') / (qmax − qmin)) = f32(${f32(high - low)} / ${qmax - qmin}) = ${scale}`,
    `f32(min' / scale) = ${quotient}, rounded half to even: ${roundHalfEven(quotient)}`,
    `zeroPoint = ${qmin} − ${roundHalfEven(quotient)} = ${qmin - roundHalfEven(quotient)}, clamped to [${qmin}, ${qmax}]: ${zeroPoint}`,
  ];
}

/** Hint 3 on the learner's own case. */
export function explainSymmetricQParams(min: number, max: number, qmin: number, qmax: number): string[] {
  const { scale, zeroPoint } = symmetricQParams(min, max, qmin, qmax);
  const zero = qmin < 0 ? "signed range: 0" : isDefaultQuint8Range(qmin, qmax) ? "quint8's default range: 128" : `a custom unsigned range: ⌊(${qmin} + ${qmax}) / 2⌋ = ${zeroPoint}`;
  return [`maxAbs = max(−min', max') = ${Math.max(-Math.min(f32(min), 0), Math.max(f32(max), 0))}`, `scale = f32(maxAbs / ${(qmax - qmin) / 2}) = ${scale}`, `zero point, ${zero}`];
}
