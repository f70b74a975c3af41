function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  const fraction = v - floor;
  if (fraction !== 0.5) return Math.round(v);
  return floor % 2 === 0 ? floor : floor + 1;
}

export function quantizePerToken(X: number[][]) {
  const scales: number[] = [];
  const zeroPoints: number[] = [];
  const q = X.map((row) => {
    // The range always contains 0, so 0 has an exact code.
    const lo = Math.min(0, ...row);
    const hi = Math.max(0, ...row);
    const scale = Math.max((hi - lo) / 255, 1.1920928955078125e-7); // float32 epsilon for an all-zero token
    const zeroPoint = Math.min(127, Math.max(-128, -128 - roundHalfEven(lo / scale)));
    scales.push(scale);
    zeroPoints.push(zeroPoint);
    return row.map((x) => Math.min(127, Math.max(-128, roundHalfEven(x / scale) + zeroPoint)));
  });
  return { scales, zeroPoints, q };
}

export function int8Linear(X: number[][], Wq: number[][], wScales: number[]) {
  const { scales, zeroPoints, q } = quantizePerToken(X);
  // Σ_k qw_kj, computed once per output column (offline in a real kernel).
  const colSums = wScales.map((_, j) => Wq.reduce((sum, row) => sum + row[j], 0));
  const acc = q.map((qx) => wScales.map((_, j) => qx.reduce((sum, code, k) => sum + code * Wq[k][j], 0)));
  const y = acc.map((row, t) => row.map((a, j) => scales[t] * wScales[j] * (a - zeroPoints[t] * colSums[j])));
  return { acc, y };
}

export function int32SafeDepth(maxAbsA: number, maxAbsB: number): number {
  return Math.floor((2 ** 31 - 1) / (maxAbsA * maxAbsB));
}

/** Hint 3 on the learner's own case. */
export function explainQuantizePerToken(X: number[][]): string[] {
  const { scales, zeroPoints, q } = quantizePerToken(X);
  return X.slice(0, 2).map((row, t) => `token ${t}: lo = ${Math.min(0, ...row)}, hi = ${Math.max(0, ...row)}, scale = ${scales[t]}, zero point = ${zeroPoints[t]}, first codes ${q[t].slice(0, 4).join(", ")}`);
}

/** Hint 3 on the learner's own case. */
export function explainInt8Linear(X: number[][], Wq: number[][], wScales: number[]): string[] {
  const { scales, zeroPoints } = quantizePerToken(X);
  const { acc, y } = int8Linear(X, Wq, wScales);
  const colSum = Wq.reduce((sum, row) => sum + row[0], 0);
  return [`token 0, column 0: acc = Σ qx · qw = ${acc[0][0]}; Σ_k qw_k0 = ${colSum}; z = ${zeroPoints[0]}`, `y = ${scales[0]} · ${wScales[0]} · (${acc[0][0]} − (${zeroPoints[0]}) · ${colSum}) = ${y[0][0]}`];
}
