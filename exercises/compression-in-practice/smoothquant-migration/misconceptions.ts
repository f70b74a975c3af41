/** Known-wrong variants of the SmoothQuant functions, each with the learner's signature. */
const FLOOR = 1e-5;

const channelMax = (X: number[][], j: number) => Math.max(FLOOR, ...X.map((row) => Math.abs(row[j])));
const rowMax = (W: number[][], j: number) => Math.max(FLOOR, ...W[j].map(Math.abs));

/** The exponents swapped: max|X|^(1−α) / max|W|^α. */
export function scalesSwappedExponents(X: number[][], W: number[][], alpha: number): number[] {
  return W.map((_, j) => Math.max(FLOOR, channelMax(X, j) ** (1 - alpha) / rowMax(W, j) ** alpha));
}

/** The ratio upside down: max|W|^(1−α) / max|X|^α (the reciprocal of s). */
export function scalesInverted(X: number[][], W: number[][], alpha: number): number[] {
  return W.map((_, j) => Math.max(FLOOR, rowMax(W, j) ** (1 - alpha) / channelMax(X, j) ** alpha));
}

/** One weight maximum for the whole matrix instead of one per input channel. */
export function scalesWholeWeightMax(X: number[][], W: number[][], alpha: number): number[] {
  const all = Math.max(FLOOR, ...W.flat().map(Math.abs));
  return W.map((_, j) => Math.max(FLOOR, channelMax(X, j) ** alpha / all ** (1 - alpha)));
}

/** No 1e−5 floors: a channel that is always 0 gets the scale 0, and dividing by it breaks X̂. */
export function scalesNoFloor(X: number[][], W: number[][], alpha: number): number[] {
  return W.map((wRow, j) => Math.max(...X.map((row) => Math.abs(row[j]))) ** alpha / Math.max(...wRow.map(Math.abs)) ** (1 - alpha));
}

/** Activations multiplied and weights divided: the product is kept but the outliers grow. */
export function migrateWrongDirection(X: number[][], W: number[][], scales: number[]) {
  return { X: X.map((row) => row.map((v, j) => v * scales[j])), W: W.map((row, j) => row.map((v) => v / scales[j])) };
}

/** Only the activations divided: X̂ W is no longer X W. */
export function migrateActivationsOnly(X: number[][], W: number[][], scales: number[]) {
  return { X: X.map((row) => row.map((v, j) => v / scales[j])), W: W.map((row) => [...row]) };
}

function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  if (v - floor !== 0.5) return Math.round(v);
  return floor % 2 === 0 ? floor : floor + 1;
}

function fakeQuant(X: number[][], levels = 127): number[][] {
  const delta = Math.max(FLOOR, ...X.map((row) => Math.max(...row.map(Math.abs)))) / levels;
  return X.map((row) => row.map((v) => roundHalfEven(v / delta) * delta));
}

function matmul(A: number[][], B: number[][]): number[][] {
  return A.map((row) => B[0].map((_, n) => row.reduce((sum, v, k) => sum + v * B[k][n], 0)));
}

function msd(A: number[][], B: number[][]): number {
  const d = A.flatMap((row, t) => row.map((v, n) => (v - B[t][n]) ** 2));
  return d.reduce((a, b) => a + b, 0) / d.length;
}

function rightScales(X: number[][], W: number[][], alpha: number): number[] {
  return W.map((_, j) => Math.max(FLOOR, channelMax(X, j) ** alpha / rowMax(W, j) ** (1 - alpha)));
}

const smooth = (X: number[][], W: number[][], s: number[]) => ({ X: X.map((row) => row.map((v, j) => v / s[j])), W: W.map((row, j) => row.map((v) => v * s[j])) });

/** The error of the activations themselves, not of the layer's output. */
export function errorOnActivations(X: number[][], W: number[][], alpha: number) {
  const scales = rightScales(X, W, alpha);
  const sm = smooth(X, W, scales);
  return { scales, before: msd(X, fakeQuant(X)), after: msd(sm.X, fakeQuant(sm.X)) };
}

/** After smoothing, the quantized X̂ multiplied by the original W instead of Ŵ. */
export function errorOriginalWeightsAfter(X: number[][], W: number[][], alpha: number) {
  const scales = rightScales(X, W, alpha);
  const sm = smooth(X, W, scales);
  const Y = matmul(X, W);
  return { scales, before: msd(Y, matmul(fakeQuant(X), W)), after: msd(Y, matmul(fakeQuant(sm.X), W)) };
}

/** The step Δ = max|X| / 128 (int8's most negative code) instead of / 127. */
export function errorDeltaOver128(X: number[][], W: number[][], alpha: number) {
  const scales = rightScales(X, W, alpha);
  const sm = smooth(X, W, scales);
  const Y = matmul(X, W);
  return { scales, before: msd(Y, matmul(fakeQuant(X, 128), W)), after: msd(Y, matmul(fakeQuant(sm.X, 128), sm.W)) };
}
