/** Known-wrong variants of the per-token int8 functions, each with the learner's signature. */

function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  if (v - floor !== 0.5) return Math.round(v);
  return floor % 2 === 0 ? floor : floor + 1;
}

const clamp8 = (v: number) => Math.min(127, Math.max(-128, v));

/** Affine int8 from a range, with the divisor and widening as given. */
function affine(lo: number, hi: number, levels: number) {
  const scale = Math.max((hi - lo) / levels, 1.1920928955078125e-7);
  return { scale, zeroPoint: clamp8(-128 - roundHalfEven(lo / scale)) };
}

function quantizeRows(X: number[][], params: (row: number[]) => { scale: number; zeroPoint: number }) {
  const scales: number[] = [];
  const zeroPoints: number[] = [];
  const q = X.map((row) => {
    const { scale, zeroPoint } = params(row);
    scales.push(scale);
    zeroPoints.push(zeroPoint);
    return row.map((x) => clamp8(roundHalfEven(x / scale) + zeroPoint));
  });
  return { scales, zeroPoints, q };
}

const right = (row: number[]) => affine(Math.min(0, ...row), Math.max(0, ...row), 255);

/** One scale for the whole tensor, repeated per token: per-tensor, not per-token. */
export function perTensor(X: number[][]) {
  const all = X.flat();
  const shared = affine(Math.min(0, ...all), Math.max(0, ...all), 255);
  return quantizeRows(X, () => shared);
}

/** Symmetric per token (scale = max|x| / 127, zero point 0): no zero point at all. */
export function symmetricPerToken(X: number[][]) {
  return quantizeRows(X, (row) => ({ scale: Math.max(...row.map(Math.abs)) / 127 || 1.1920928955078125e-7, zeroPoint: 0 }));
}

/** The row's own [min, max], not widened to contain 0. */
export function notWidenedToZero(X: number[][]) {
  return quantizeRows(X, (row) => affine(Math.min(...row), Math.max(...row), 255));
}

/** 256 levels between min and max instead of 255 steps. */
export function dividesBy256(X: number[][]) {
  return quantizeRows(X, (row) => affine(Math.min(0, ...row), Math.max(0, ...row), 256));
}

function linear(X: number[][], Wq: number[][], wScales: number[], correction: (z: number, colSum: number, k: number) => number) {
  const { scales, zeroPoints, q } = quantizeRows(X, right);
  const colSums = wScales.map((_, j) => Wq.reduce((sum, row) => sum + row[j], 0));
  const acc = q.map((qx) => wScales.map((_, j) => qx.reduce((sum, code, k) => sum + code * Wq[k][j], 0)));
  const y = acc.map((row, t) => row.map((a, j) => scales[t] * wScales[j] * (a - correction(zeroPoints[t], colSums[j], Wq.length))));
  return { acc, y };
}

/** The zero point left out: y = scale_t · s_j · acc. */
export function noZeroPointCorrection(X: number[][], Wq: number[][], wScales: number[]) {
  return linear(X, Wq, wScales, () => 0);
}

/** The correction taken as z_t · K, as if every weight code were 1: it needs Σ_k qw_kj. */
export function correctionTimesDepth(X: number[][], Wq: number[][], wScales: number[]) {
  return linear(X, Wq, wScales, (z, _colSum, k) => z * k);
}

/** The correction added instead of subtracted. */
export function correctionAdded(X: number[][], Wq: number[][], wScales: number[]) {
  return linear(X, Wq, wScales, (z, colSum) => -z * colSum);
}

/** 2^31 as the int32 limit: one past the largest int32. */
export function depthTwoToThe31(maxAbsA: number, maxAbsB: number): number {
  return Math.floor(2 ** 31 / (maxAbsA * maxAbsB));
}

/** An unsigned 32-bit accumulator's limit, 2^32 − 1: the accumulator is signed. */
export function depthUnsigned(maxAbsA: number, maxAbsB: number): number {
  return Math.floor((2 ** 32 - 1) / (maxAbsA * maxAbsB));
}
