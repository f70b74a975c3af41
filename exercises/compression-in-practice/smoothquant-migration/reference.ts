const FLOOR = 1e-5;

export function smoothingScales(X: number[][], W: number[][], alpha: number): number[] {
  // Input channel j: column j of X, row j of W.
  return W.map((wRow, j) => {
    const actMax = Math.max(FLOOR, ...X.map((row) => Math.abs(row[j])));
    const weightMax = Math.max(FLOOR, ...wRow.map(Math.abs));
    return Math.max(FLOOR, actMax ** alpha / weightMax ** (1 - alpha));
  });
}

export function migrate(X: number[][], W: number[][], scales: number[]) {
  return { X: X.map((row) => row.map((v, j) => v / scales[j])), W: W.map((row, j) => row.map((v) => v * scales[j])) };
}

function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  if (v - floor !== 0.5) return Math.round(v);
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Per-tensor symmetric int8, as quantize_activation_per_tensor_absmax. */
function fakeQuant(X: number[][]): number[][] {
  const delta = Math.max(FLOOR, ...X.map((row) => Math.max(...row.map(Math.abs)))) / 127;
  return X.map((row) => row.map((v) => roundHalfEven(v / delta) * delta));
}

function matmul(A: number[][], B: number[][]): number[][] {
  return A.map((row) => B[0].map((_, n) => row.reduce((sum, v, k) => sum + v * B[k][n], 0)));
}

function meanSquaredDifference(A: number[][], B: number[][]): number {
  const diffs = A.flatMap((row, t) => row.map((v, n) => (v - B[t][n]) ** 2));
  return diffs.reduce((a, b) => a + b, 0) / diffs.length;
}

export function activationQuantError(X: number[][], W: number[][], alpha: number) {
  const scales = smoothingScales(X, W, alpha);
  const Y = matmul(X, W);
  const smoothed = migrate(X, W, scales);
  return {
    scales,
    before: meanSquaredDifference(Y, matmul(fakeQuant(X), W)),
    after: meanSquaredDifference(Y, matmul(fakeQuant(smoothed.X), smoothed.W)),
  };
}

/** Hint 3 on the learner's own case. */
export function explainSmoothingScales(X: number[][], W: number[][], alpha: number): string[] {
  const s = smoothingScales(X, W, alpha);
  return W.slice(0, 3).map((wRow, j) => {
    const actMax = Math.max(FLOOR, ...X.map((row) => Math.abs(row[j])));
    const weightMax = Math.max(FLOOR, ...wRow.map(Math.abs));
    return `channel ${j}: max|X_${j}| = ${actMax}, max|W_${j}| = ${weightMax}: s = ${actMax}^${alpha} / ${weightMax}^${1 - alpha} = ${s[j]}`;
  });
}

/** Hint 3 on the learner's own case. */
export function explainActivationQuantError(X: number[][], W: number[][], alpha: number): string[] {
  const r = activationQuantError(X, W, alpha);
  const smoothed = migrate(X, W, r.scales);
  const maxOf = (m: number[][]) => Math.max(...m.map((row) => Math.max(...row.map(Math.abs))));
  return [`before: Δ = ${maxOf(X)} / 127, output error ${r.before}`, `after smoothing: max|X̂| = ${maxOf(smoothed.X)}, Δ = ${maxOf(smoothed.X)} / 127, output error ${r.after}`];
}
