/** float32 machine epsilon, torch.finfo(torch.float32).eps: PyTorch's floor for a scale. */
const FLOAT32_EPS = 2 ** -23;

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
  const low = Math.min(min, 0);
  const high = Math.max(max, 0);
  const scale = Math.max((high - low) / (qmax - qmin), FLOAT32_EPS);
  const zeroPoint = qmin - roundHalfEven(low / scale);
  return { scale, zeroPoint: Math.min(qmax, Math.max(qmin, zeroPoint)) };
}

export function symmetricQParams(min: number, max: number, qmin: number, qmax: number): { scale: number; zeroPoint: number } {
  const maxAbs = Math.max(-Math.min(min, 0), Math.max(max, 0));
  // (qmax − qmin) / 2 spreads every step of the range over [−maxAbs, maxAbs]: 127.5 for int8, 127 for [-127, 127].
  const scale = Math.max(maxAbs / ((qmax - qmin) / 2), FLOAT32_EPS);
  const zeroPoint = qmin < 0 ? 0 : Math.floor((qmin + qmax + 1) / 2);
  return { scale, zeroPoint };
}
