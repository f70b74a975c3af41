/** Known-wrong variants of affineQParams and symmetricQParams, each with the learner's signature. */

const FLOAT32_EPS = 2 ** -23;

function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  const fraction = v - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** PyTorch's symmetric zero point: 0 when signed, 128 for quint8's default ranges, else ⌊(qmin + qmax) / 2⌋. */
function pytorchUnsignedZeroPoint(qmin: number, qmax: number): number {
  if (qmin < 0) return 0;
  return qmin === 0 && (qmax === 255 || qmax === 127) ? 128 : Math.floor((qmin + qmax) / 2);
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** The observed range used as is, not widened to include 0: 0 is then not exactly representable. */
export function affineNotWidened(min: number, max: number, qmin: number, qmax: number): { scale: number; zeroPoint: number } {
  const scale = Math.max((max - min) / (qmax - qmin), FLOAT32_EPS);
  return { scale, zeroPoint: clamp(qmin - roundHalfEven(min / scale), qmin, qmax) };
}

/** Math.round for the zero point: ties toward +∞ (-3.5 → -3) instead of to even (-3.5 → -4). */
export function affineMathRound(min: number, max: number, qmin: number, qmax: number): { scale: number; zeroPoint: number } {
  const low = Math.min(min, 0);
  const high = Math.max(max, 0);
  const scale = Math.max((high - low) / (qmax - qmin), FLOAT32_EPS);
  return { scale, zeroPoint: clamp(qmin - Math.round(low / scale), qmin, qmax) };
}

/** The zero point's sign flipped: qmin + round(min / scale). */
export function affineZeroPointSignFlipped(min: number, max: number, qmin: number, qmax: number): { scale: number; zeroPoint: number } {
  const low = Math.min(min, 0);
  const high = Math.max(max, 0);
  const scale = Math.max((high - low) / (qmax - qmin), FLOAT32_EPS);
  return { scale, zeroPoint: qmin + roundHalfEven(low / scale) };
}

/** Divided by qmax (127 for int8) instead of (qmax − qmin) / 2 (127.5). */
export function symmetricDividedByQmax(min: number, max: number, qmin: number, qmax: number): { scale: number; zeroPoint: number } {
  const maxAbs = Math.max(-Math.min(min, 0), Math.max(max, 0));
  const scale = Math.max(maxAbs / qmax, FLOAT32_EPS);
  return { scale, zeroPoint: qmin < 0 ? 0 : pytorchUnsignedZeroPoint(qmin, qmax) };
}

/** Only the maximum used, not the largest magnitude: a range like [-3, 1] is then cut at ±1. */
export function symmetricMaxNotMaxAbs(min: number, max: number, qmin: number, qmax: number): { scale: number; zeroPoint: number } {
  const scale = Math.max(Math.max(max, 0) / ((qmax - qmin) / 2), FLOAT32_EPS);
  return { scale, zeroPoint: qmin < 0 ? 0 : pytorchUnsignedZeroPoint(qmin, qmax) };
}

/** Unsigned zero point (qmin + qmax) / 2 rounded down everywhere, 127 for [0, 255]; PyTorch's default quint8 observer uses 128. */
export function symmetricUnsignedZeroPoint127(min: number, max: number, qmin: number, qmax: number): { scale: number; zeroPoint: number } {
  const maxAbs = Math.max(-Math.min(min, 0), Math.max(max, 0));
  const scale = Math.max(maxAbs / ((qmax - qmin) / 2), FLOAT32_EPS);
  return { scale, zeroPoint: qmin < 0 ? 0 : Math.floor((qmin + qmax) / 2) };
}

/** The same formulas in float64: right almost everywhere, but PyTorch rounds every step to float32, and a quotient float64 puts exactly on a tie can land beside it. */
export function affineFloat64(min: number, max: number, qmin: number, qmax: number): { scale: number; zeroPoint: number } {
  const low = Math.min(min, 0);
  const high = Math.max(max, 0);
  const scale = Math.max((high - low) / (qmax - qmin), FLOAT32_EPS);
  return { scale, zeroPoint: clamp(qmin - roundHalfEven(low / scale), qmin, qmax) };
}

/** ⌊(qmin + qmax + 1) / 2⌋ for every unsigned range: 128 for [0, 255], but 64 for quint8 with reduce_range and 8 for [0, 15]. */
export function symmetricMidpointRoundedUp(min: number, max: number, qmin: number, qmax: number): { scale: number; zeroPoint: number } {
  const maxAbs = Math.max(-Math.min(min, 0), Math.max(max, 0));
  const scale = Math.max(maxAbs / ((qmax - qmin) / 2), FLOAT32_EPS);
  return { scale, zeroPoint: qmin < 0 ? 0 : Math.floor((qmin + qmax + 1) / 2) };
}
